//! The flagship figure against the published report (expected.json), natively and via the CLI.

use banenverkenner::render::{render_query, Dataset};
use serde_json::Value;
use std::process::Command;

fn expected() -> Value {
    serde_json::from_str(include_str!("data/expected.json")).unwrap()
}

fn round(v: f64, d: i32) -> f64 {
    let f = 10f64.powi(d);
    (v * f).round() / f
}

#[test]
fn scatter_total_matches_the_published_analysis() {
    let ds = Dataset::default_data().unwrap();
    let r = render_query(&ds, "view=scatter&subgroup=total&from=2015&to=2017").unwrap();
    let d = &r.data;
    let e = &expected()["scatter_total_share2015_vs_growth_2015_2017"];
    assert_eq!(
        round(d["r2"].as_f64().unwrap(), 4),
        e["r2_printed"].as_f64().unwrap()
    );
    assert!((d["slope"].as_f64().unwrap() - e["slope"].as_f64().unwrap()).abs() < 5e-5);
    assert!((d["intercept"].as_f64().unwrap() - e["intercept"].as_f64().unwrap()).abs() < 5e-4);
    assert!((d["residual_sd"].as_f64().unwrap() - e["residual_sd"].as_f64().unwrap()).abs() < 5e-4);
    assert!(
        (d["r"].as_f64().unwrap() + d["r2"].as_f64().unwrap().sqrt()).abs() < 1e-12,
        "r is negative: growth falls with the starting share"
    );
    let points = d["points"].as_array().unwrap();
    assert_eq!(points.len(), 35);
    let outliers: Vec<(&str, &str)> = points
        .iter()
        .filter_map(|p| Some((p["region"].as_str()?, p["outlier"].as_str()?)))
        .collect();
    assert_eq!(outliers.len() as u64, e["outliers"].as_u64().unwrap());
    assert!(outliers.contains(&("Food Valley", "up_strong")));
    assert!(outliers.contains(&("West-Brabant", "down_strong")));
    // Every point carries the contract's fields; values are unrounded %-points.
    for p in points {
        for key in ["region", "x", "y", "residual", "outlier"] {
            assert!(p.get(key).is_some(), "point lacks {key}: {p}");
        }
    }
    // National values at the crossing of the axes.
    assert_eq!(
        round(d["national_x"].as_f64().unwrap(), 3),
        expected()["national_share_working"]["2015"]
            .as_f64()
            .unwrap()
    );
    assert_eq!(
        round(d["national_y"].as_f64().unwrap(), 3),
        expected()["national_growth_workers_total_2015_2017"]["value"]
            .as_f64()
            .unwrap()
    );
}

#[test]
fn threshold_k_changes_the_outliers() {
    let ds = Dataset::default_data().unwrap();
    let count = |q: &str| {
        render_query(&ds, q).unwrap().data["points"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| !p["outlier"].is_null())
            .count()
    };
    assert_eq!(count("view=scatter&k=1"), 11);
    assert!(count("view=scatter&k=2") < 11);
    assert!(count("view=scatter&k=0.5") > 11);
}

#[test]
fn chart_is_a_complete_svg_with_dutch_numbers() {
    let ds = Dataset::default_data().unwrap();
    let r = render_query(&ds, "view=scatter&subgroup=total&from=2015&to=2017").unwrap();
    assert!(r.svg.starts_with("<svg"));
    assert!(r.svg.trim_end().ends_with("</svg>"));
    assert!(
        r.svg.contains("R² = 0,3083"),
        "equation with Dutch decimals"
    );
    assert!(r.svg.contains("-1,10x"));
    for region in ["Food Valley", "West-Brabant", "Rijnmond"] {
        assert!(r.svg.contains(region), "outlier {region} labelled");
    }
    assert!(r.svg.contains("<title id=\"bv-title\">"));
    assert_eq!(r.hits.len(), 35);
    assert!(r.summary.contains("R² 0,3083"));
}

#[test]
fn cli_prints_the_json_contract_and_writes_svg() {
    let dir = std::env::temp_dir().join(format!("bv-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join("scatter.svg");
    let out = Command::new(env!("CARGO_BIN_EXE_banenverkenner"))
        .args([
            "view",
            "default",
            "view=scatter&subgroup=total&from=2015&to=2017",
            "--json",
            "--svg",
        ])
        .arg(&svg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(round(v["r2"].as_f64().unwrap(), 4), 0.3083);
    assert!(std::fs::read_to_string(&svg)
        .unwrap()
        .contains("Food Valley"));

    let bad = Command::new(env!("CARGO_BIN_EXE_banenverkenner"))
        .args(["view", "default", "view=scatter&subgroup=x", "--json"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Onbekende deelgroep"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_maps_unrecognised_headers() {
    let dir = std::env::temp_dir().join(format!("bv-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("eigen.csv");
    std::fs::write(&file, "Gebied,Periode,Ingeschrevenen,Met werk\nA,2015,100,40\nA,2016,100,50\nB,2015,100,45\nB,2016,100,48\nC,2015,100,30\nC,2016,100,42\n").unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_banenverkenner"))
            .arg("view")
            .arg(&file)
            .args(["view=scatter", "--json"])
            .args(extra)
            .output()
            .unwrap()
    };
    let without = run(&[]);
    assert!(!without.status.success());
    assert!(
        String::from_utf8_lossy(&without.stderr).contains("'Gebied'"),
        "the error names the unrecognised headers"
    );
    let with = run(&[
        "--map",
        "Gebied=region",
        "--map",
        "Ingeschrevenen=register_persons_corrected",
        "--map",
        "Met werk=workers_total",
    ]);
    assert!(
        with.status.success(),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    let v: Value = serde_json::from_slice(&with.stdout).unwrap();
    assert_eq!(v["points"].as_array().unwrap().len(), 3);
    std::fs::remove_dir_all(&dir).ok();
}
