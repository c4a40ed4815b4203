//! Files as analysts have them that no other test reads: a tidy table whose time column holds
//! ISO weeks or fiscal years (read as categories, said with the reason), and Excel's leading
//! apostrophe before a cell (`'2019`, `'4099`: read past, said once). Each generated here; the
//! regional variants from `tests/fixtures/regions_long.csv` must give exactly its numbers.

use banenverkenner::render::{render_query, Dataset};

const LONG: &str = include_str!("fixtures/regions_long.csv");

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn notes(ds: &Dataset) -> (String, String) {
    (
        ds.table.detected.notes.join(" | "),
        ds.table.detected.notes_en.join(" | "),
    )
}

/// The long file with each cell of the columns named in `which` rewritten by `f`.
fn long_with(which: &[&str], f: impl Fn(&str) -> String) -> String {
    let mut lines = LONG.lines();
    let header = lines.next().unwrap();
    let cols: Vec<usize> = header
        .split(',')
        .enumerate()
        .filter(|(_, h)| which.contains(h))
        .map(|(j, _)| j)
        .collect();
    let mut s = format!("{header}\n");
    for line in lines {
        let cells: Vec<String> = line
            .split(',')
            .enumerate()
            .map(|(j, v)| {
                if cols.contains(&j) {
                    f(v)
                } else {
                    v.to_string()
                }
            })
            .collect();
        s += &cells.join(",");
        s.push('\n');
    }
    s
}

const VIEWS: [&str; 4] = [
    "view=scatter",
    "view=scatter&subgroup=wajong",
    "view=ranking&subgroup=participatiewet",
    "view=ranking&measure=share&year=2017",
];

#[test]
fn weeks_and_fiscal_years_in_a_tidy_table_are_categories_and_said_so() {
    for (name, header, cells, nl, en) in [
        (
            "weken.csv",
            "week",
            ["2019W05", "2019W06"],
            "een week",
            "a week",
        ),
        (
            "weken-iso.csv",
            "periode",
            ["2019-W05", "2019-W06"],
            "een week",
            "a week",
        ),
        (
            "weken-woord.csv",
            "periode",
            ["week 5 2019", "week 6 2019"],
            "een week",
            "a week",
        ),
        (
            "boekjaar.csv",
            "boekjaar",
            ["2019/20", "2020/21"],
            "een boekjaar",
            "a fiscal year",
        ),
        (
            "fy.csv",
            "periode",
            ["FY2019", "FY2020"],
            "een boekjaar",
            "a fiscal year",
        ),
    ] {
        let mut csv = format!("{header};doelgroep;personen\n");
        for (k, c) in cells.iter().enumerate() {
            csv += &format!("{c};Wajong;{}\n{c};WSW;{}\n", 10 + k, 20 + k);
        }
        let ds = load(name, csv.as_bytes());
        let (n_nl, n_en) = notes(&ds);
        assert!(
            n_nl.contains(&format!(
                "Kolom '{header}' als tekst (categorieën) gelezen, niet als perioden: '{}' is {nl}",
                cells[0]
            )),
            "{name}: {n_nl}"
        );
        assert!(
            n_en.contains(&format!(
                "Column '{header}' read as text (categories), not as periods: '{}' is {en}",
                cells[0]
            )),
            "{name}: {n_en}"
        );
        // Still a category (nothing lost): the natural view shows every week or year.
        let roles = ds.roles();
        assert_eq!(
            roles.role(header),
            Some(banenverkenner::spec::Role::Category),
            "{name}"
        );
        let r = render_query(&ds, "").unwrap_or_else(|e| panic!("{name}: {e}"));
        let shown = serde_json::to_string(&r.data).unwrap();
        for c in cells {
            assert!(shown.contains(c), "{name}: {c} in {shown}");
        }
    }
    // Real periods, and texts that are no time at all, get no such note.
    for csv in [
        "periode;doelgroep;personen\n2019K1;Wajong;1\n2019K2;Wajong;2\n",
        "doelgroep;personen\nWajong;1\nWSW;2\n",
        "boekjaar;doelgroep;personen\n2019/20;Wajong;1\nonbekend;Wajong;2\n",
    ] {
        let ds = load("geen.csv", csv.as_bytes());
        assert!(
            !notes(&ds).0.contains("niet als perioden"),
            "{csv}: {}",
            notes(&ds).0
        );
    }
}

#[test]
fn excel_apostrophes_are_read_past_and_said_once() {
    let plain = load("regions_long.csv", LONG.as_bytes());
    // Every year and every count typed as text (`'2015`, `'4099`): the numbers of the file.
    let all = long_with(
        &["jaar", "personen_doelgroepregister", "werkzame_personen"],
        |v| format!("'{v}"),
    );
    // One count in a column of numbers.
    let one = LONG.replacen(",4099,2332", ",'4099,2332", 1);
    assert_ne!(one, LONG);
    for (name, text, cols) in [
        (
            "apostrof.csv",
            all,
            "kolommen 'jaar', 'personen_doelgroepregister', 'werkzame_personen'",
        ),
        (
            "een-apostrof.csv",
            one,
            "kolom 'personen_doelgroepregister'",
        ),
    ] {
        let ds = load(name, text.as_bytes());
        for view in VIEWS {
            let want = render_query(&plain, view).unwrap();
            let got = render_query(&ds, view).unwrap_or_else(|e| panic!("{name} {view}: {e}"));
            assert_eq!(got.data, want.data, "{name} {view}");
        }
        let (nl, en) = notes(&ds);
        assert_eq!(nl.matches("Apostrof van Excel").count(), 1, "{name}: {nl}");
        assert!(nl.contains(&format!("in {cols}")), "{name}: {nl}");
        assert!(
            en.contains(
                "Excel's apostrophe before a cell (the mark that types a cell as text) read past"
            ),
            "{name}: {en}"
        );
        assert!(!nl.contains("als tekst gelezen en tel"), "{name}: {nl}");
    }
    // A quarter typed as text is read by the period reader, and said.
    let quarters = long_with(&["jaar"], |v| format!("'{v}K4"));
    let ds = load("kwartaal.csv", quarters.as_bytes());
    let got = render_query(&ds, "view=scatter").unwrap();
    let want = render_query(&plain, "view=scatter").unwrap();
    assert_eq!(got.data["points"], want.data["points"]);
    assert!(
        notes(&ds)
            .0
            .contains("'2015K4 gelezen als 2015K4, in kolom 'jaar'"),
        "{}",
        notes(&ds).0
    );
    // A code kept with its leading zero stays the code (text), not the number 363.
    let ds = load("codes.csv", b"gemeentecode;personen\n'0363;10\n'0518;20\n");
    assert_eq!(
        ds.table.columns[0].get(0).as_text().as_deref(),
        Some("'0363")
    );
}
