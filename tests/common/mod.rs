//! What the tests of long regional files share: the published data wide and long, and the wide
//! file cut to the columns the long file has.
#![allow(dead_code)] // (each test crate uses its own part)

use banenverkenner::render::Dataset;

pub const WIDE: &str = include_str!("../../data/regions.csv");
pub const LONG: &str = include_str!("../fixtures/regions_long.csv");

/// The counts the long file does not carry: the wide file without them is the same data.
pub const NOT_IN_LONG: &[&str] = &[
    "register_persons_uncorrected",
    "register_wajong_uncorrected",
    "jobs",
    "werkkamer_indication",
    "open_vacancies",
    "new_vacancies",
];

/// The wide file without some columns (and, optionally, without the unknown-region rows).
pub fn wide_without(drop: &[&str], drop_unknown: bool) -> String {
    let mut lines = WIDE.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let keep: Vec<usize> = (0..header.len())
        .filter(|j| !drop.contains(&header[*j]))
        .collect();
    let pick = |cells: &[&str]| keep.iter().map(|&j| cells[j]).collect::<Vec<_>>().join(",");
    let mut out = pick(&header) + "\n";
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        if drop_unknown && cells[2] == "unknown_region" {
            continue;
        }
        out.push_str(&pick(&cells));
        out.push('\n');
    }
    out
}

/// The long file's data in the wide shape: the wide file without the counts the long file does
/// not have and without its unknown-region rows.
pub fn wide() -> Dataset {
    Dataset::load("regions.csv", wide_without(NOT_IN_LONG, true).as_bytes()).unwrap()
}

/// The published data in long form, the lines `keep` keeps (a region or a year left out).
pub fn long_lines(keep: impl Fn(&str) -> bool) -> String {
    LONG.lines()
        .filter(|l| keep(l))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Asserts that the bars of groups `a` and `b` of a 100% chart are drawn equally long (shares
/// that add up to other than 100 drawn in proportion), by the widths of their targets, whose
/// labels start with the group's name and a comma.
pub fn assert_bars_equally_long(r: &banenverkenner::render::Rendered, a: &str, b: &str) {
    let width = |g: &str| -> f64 {
        r.hits
            .iter()
            .filter(|h| h.label.starts_with(&format!("{g},")))
            .map(|h| h.w)
            .sum()
    };
    assert!(
        (width(a) - width(b)).abs() < 0.5,
        "{} {}",
        width(a),
        width(b)
    );
}
