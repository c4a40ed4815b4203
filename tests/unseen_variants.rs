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

/// The long file as `;`-separated text with the given header line and each row rewritten.
fn long_semicolon(header: &str, row: impl Fn(&[&str]) -> String) -> String {
    let mut s = format!("{header}\n");
    for line in LONG.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        s += &row(&cells);
        s.push('\n');
    }
    s
}

#[test]
fn excel_error_values_are_missing_in_a_tidy_table_and_named_elsewhere() {
    // A tidy table: the share that Excel could not compute is missing (a gap), not a category.
    let ds = load(
        "aandeel.csv",
        b"jaar;doelgroep;aandeel werkend\n2019;Wajong;40,5\n2019;WSW;#DEEL/0!\n2020;Wajong;41,5\n2020;WSW;60,1\n2021;Wajong;42\n2021;WSW;#N/B\n",
    );
    let (nl, en) = notes(&ds);
    assert!(
        nl.contains("Kolom 'aandeel werkend': 2 cellen met een foutwaarde van Excel ('#DEEL/0!', '#N/B': een formule zonder uitkomst) zijn als ontbrekend gelezen, nooit als 0: rij 3 '#DEEL/0!', rij 7 '#N/B'"),
        "{nl}"
    );
    assert!(
        en.contains("Column 'aandeel werkend': 2 cells with an Excel error value ('#DEEL/0!', '#N/B': a formula without a result) read as missing, never as 0: row 3 '#DEEL/0!', row 7 '#N/B'"),
        "{en}"
    );
    assert!(!nl.contains("lijk"), "{nl}");
    assert_eq!(
        ds.roles().role("aandeel werkend"),
        Some(banenverkenner::spec::Role::Percent)
    );
    let r = render_query(&ds, "").unwrap();
    let data = serde_json::to_string(&r.data).unwrap();
    assert!(data.contains("40.5") && data.contains("60.1"), "{data}");
    // Beside a withheld count: both missing, each said.
    let ds = load(
        "personen.csv",
        b"jaar;doelgroep;personen\n2019;Wajong;100\n2019;WSW;<10\n2020;Wajong;#N/B\n2020;WSW;50\n",
    );
    let nl = notes(&ds).0;
    assert!(
        nl.contains("1 cel met een foutwaarde van Excel ('#N/B'"),
        "{nl}"
    );
    assert!(nl.contains("afgeschermd aantal ('<10')"), "{nl}");
    assert_eq!(
        ds.table.columns[2].kind(),
        banenverkenner::table::ColumnKind::Number
    );
    // A regional file: a column the analysis does not use keeps them as text, said; the views
    // are those of the file without it.
    let plain = load("regions_long.csv", LONG.as_bytes());
    let text = long_semicolon(
        "arbeidsmarktregio;jaar;doelgroep;personen_doelgroepregister;werkzame_personen;aandeel",
        |c| {
            let share = if c[2] == "WSW" {
                "#DEEL/0!".to_string()
            } else {
                "12,5".into()
            };
            format!("{};{share}", c.join(";"))
        },
    );
    let ds = load("extra.csv", text.as_bytes());
    assert!(
        notes(&ds)
            .0
            .contains("met een foutwaarde van Excel ('#DEEL/0!': een formule zonder uitkomst) zijn als tekst gelezen en tellen niet mee: rij 4 '#DEEL/0!'"),
        "{}",
        notes(&ds).0
    );
    for view in VIEWS {
        assert_eq!(
            render_query(&ds, view).unwrap().data,
            render_query(&plain, view).unwrap().data,
            "{view}"
        );
    }
    // A count the analysis needs: an error naming the file, row and column.
    let text = LONG.replacen(",4099,2332", ",4099,#N/B", 1);
    let e = Dataset::load("fout.csv", text.as_bytes()).unwrap_err();
    let loc = serde_json::to_value(&e.location).unwrap();
    assert_eq!(
        (
            loc["file"].as_str(),
            loc["row"].as_u64(),
            loc["column"].as_str()
        ),
        (Some("fout.csv"), Some(2), Some("werkzame_personen")),
        "{e}"
    );
    assert!(
        e.message.contains("'#N/B'")
            && e.message_en
                .as_deref()
                .is_some_and(|m| m.contains("'#N/B'")),
        "{e}"
    );
}

#[test]
fn subgroups_named_after_the_agreement_and_other_spellings_give_the_published_numbers() {
    let plain = load("regions_long.csv", LONG.as_bytes());
    let text = long_semicolon(
        "arbeidsmarktregio;jaar;doelgroep;personen_doelgroepregister;werkzame_personen",
        |c| {
            let g = match c[2] {
                "Wajong" => "Banenafspraak Wajong",
                "WSW" => "WSW-ers",
                "Participatiewet" => "Pw",
                "Praktijkroute" => "Banenafspraak Praktijkroute",
                other => other,
            };
            format!("{};{};{g};{};{}", c[0], c[1], c[3], c[4])
        },
    );
    let ds = load("spelling.csv", text.as_bytes());
    for view in VIEWS
        .iter()
        .copied()
        .chain(["view=ranking&subgroup=praktijkroute&measure=register_share&year=2017"])
    {
        assert_eq!(
            render_query(&ds, view).unwrap().data,
            render_query(&plain, view).unwrap().data,
            "{view}"
        );
    }
    assert!(!notes(&ds).0.contains("niet gebruikt"), "{}", notes(&ds).0);
}

#[test]
fn a_statline_export_with_its_topic_row_labelled_gives_the_published_numbers() {
    let plain = load("regions_long.csv", LONG.as_bytes());
    // Title, the topics over their units with `Onderwerp` over the dimensions, periods as
    // `2015JJ00`, footnotes under the table.
    let mut text = String::from("\u{feff}\"Banenafspraak; arbeidsmarktregio, doelgroep\"\n\"Onderwerp\";\"\";\"\";\"Personen in doelgroepregister\";\"Werkzame personen\"\n\"Perioden\";\"Regio's\";\"Doelgroep\";\"aantal\";\"aantal\"\n");
    for line in LONG.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        text += &format!(
            "\"{}JJ00\";\"{}\";\"{}\";\"{}\";\"{}\"\n",
            c[1], c[0], c[2], c[3], c[4]
        );
    }
    text += "\"Bron: CBS, UWV\"\n\"1) Voorlopige cijfers\"\n";
    let ds = load("statline.csv", text.as_bytes());
    assert_eq!(ds.table.detected.header_row, 3);
    assert_eq!(ds.table.len(), LONG.lines().count() - 1);
    for view in VIEWS {
        assert_eq!(
            render_query(&ds, view).unwrap().data,
            render_query(&plain, view).unwrap().data,
            "{view}"
        );
    }
    let names: Vec<&str> = ds.table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Perioden",
            "Regio's",
            "Doelgroep",
            "Personen in doelgroepregister aantal",
            "Werkzame personen aantal"
        ]
    );
    assert!(notes(&ds)
        .0
        .contains("Kopregel over twee rijen samengenomen (rij 2 en 3)"));
}

#[test]
fn municipalities_without_their_region_are_refused_saying_what_to_add() {
    for (header, code) in [("gemeentecode", "GM0363"), ("code", "GM0518")] {
        let text = format!(
            "{header};jaar;doelgroep;personen_doelgroepregister;werkzame_personen\n{code};2015;Totaal;100;50\n{code};2016;Totaal;110;60\nGM0599;2015;Totaal;80;30\nGM0599;2016;Totaal;90;35\n"
        );
        let ds = load("gemeenten.csv", text.as_bytes());
        let e = render_query(&ds, "view=scatter").unwrap_err();
        assert!(
            e.message
                .contains(&format!("De kolom '{header}' noemt gemeenten")),
            "{e:?}"
        );
        let en = render_query(&ds, "view=scatter&lang=en").unwrap_err();
        assert!(
            en.message
                .contains(&format!("The column '{header}' names municipalities")),
            "{en:?}"
        );
        let loc = serde_json::to_value(&e.location).unwrap();
        assert_eq!(loc["file"], "gemeenten.csv");
        // The tidy views still read it.
        render_query(&ds, "").unwrap();
    }
}
