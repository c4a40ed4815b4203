//! Crosstabs: the sample tables written with one column per category (hours bands per
//! subgroup, subgroups per year), read as the long table and charted with exactly the numbers
//! of the long samples; the columns of numbers a view leaves out named in its notes; a
//! regional file with subgroup columns read as before.

use banenverkenner::render::{render_query, Dataset, Rendered};
use banenverkenner::EXAMPLES;
use serde_json::Value;
use std::collections::BTreeMap;

fn sample_bytes(file: &str) -> &'static [u8] {
    EXAMPLES
        .iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no example {file}"))
        .bytes
}

fn render(ds: &Dataset, q: &str) -> Rendered {
    render_query(ds, q).unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// A long CSV (`row,column,value` in its first three columns) written as a crosstab: one row
/// per value of `row`, one column per value of `column` (in file order), `sep` between cells,
/// `decimal` as the decimal separator, `corner` in the top-left cell.
fn crosstab(long: &[u8], corner: &str, sep: char, decimal: char) -> String {
    let text = std::str::from_utf8(long).unwrap();
    let mut rows: Vec<String> = Vec::new();
    let mut cols: Vec<String> = Vec::new();
    let mut cells: BTreeMap<(String, String), String> = BTreeMap::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let (r, c, v) = (f[0].to_string(), f[1].to_string(), f[2].to_string());
        if !rows.contains(&r) {
            rows.push(r.clone());
        }
        if !cols.contains(&c) {
            cols.push(c.clone());
        }
        cells.insert((r, c), v.replace('.', &decimal.to_string()));
    }
    let s = sep.to_string();
    let mut out = format!("{corner}{s}{}\n", cols.join(&s));
    for r in &rows {
        let values: Vec<&str> = cols
            .iter()
            .map(|c| cells[&(r.clone(), c.clone())].as_str())
            .collect();
        out.push_str(&format!("{r}{s}{}\n", values.join(&s)));
    }
    out
}

/// Every plotted number of a series view, by (series, panel, x).
fn points(data: &Value) -> BTreeMap<(String, String, String), Option<f64>> {
    let mut out = BTreeMap::new();
    for s in data["series"].as_array().unwrap() {
        for p in s["points"].as_array().unwrap() {
            out.insert(
                (
                    s["name"].as_str().unwrap_or_default().to_string(),
                    s["facet"].as_str().unwrap_or_default().to_string(),
                    p["x"].to_string(),
                ),
                p["y"].as_f64(),
            );
        }
    }
    out
}

#[test]
fn hours_bands_as_columns_give_the_numbers_of_the_long_sample() {
    let file = "hours_per_week_by_subgroup_2019.csv";
    let long = Dataset::load(file, sample_bytes(file)).unwrap();
    let expected = render(&long, "");
    assert_eq!(expected.view, "stacked");
    // As published (`subgroep,<12,12-24,...`), and as a Dutch spreadsheet writes it.
    for (sep, decimal) in [(',', '.'), (';', ',')] {
        let wide = crosstab(sample_bytes(file), "subgroep", sep, decimal);
        let ds = Dataset::load("uren_per_subgroep.csv", wide.as_bytes()).unwrap();
        let info = ds.info();
        let note = info
            .detected
            .notes
            .iter()
            .find(|n| n.starts_with("Eén kolom per categorie"))
            .unwrap_or_else(|| panic!("{:?}", info.detected.notes));
        assert!(note.contains("'<12', '12-24', '24-32', '>32'"), "{note}");
        assert!(note.contains("samen 100 in elke rij"), "{note}");
        assert!(note.contains("(7 rijen -> 28 rijen)"), "{note}");
        assert!(
            info.detected.notes_en.iter().any(|n| n.starts_with(
                "One column per category ('<12', '12-24', '24-32', '>32': bands, adding up to 100 in every row)"
            )),
            "{:?}",
            info.detected.notes_en
        );
        let r = render(&ds, "");
        assert_eq!(r.spec, "view=stacked&x=subgroep&y=aandeel&series=categorie");
        assert_eq!(points(&r.data), points(&expected.data));
        assert_eq!(points(&r.data).len(), 28);
        assert!(
            r.notes.iter().all(|n| !n.contains("Ook in het bestand")),
            "{:?}",
            r.notes
        );
    }
}

/// A workbook of the `sep`-separated lines: numbers (with a decimal point) as numbers, texts as
/// texts, empty cells left empty.
fn xlsx_of(text: &str, sep: char) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(sep).enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) => ws.write_number(r, c, n).map(|_| ()),
                Err(_) => ws.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn hours_bands_under_a_group_row_read_as_a_header_over_two_rows() {
    let file = "hours_per_week_by_subgroup_2019.csv";
    let long = Dataset::load(file, sample_bytes(file)).unwrap();
    let expected = render(&long, "");
    for (sep, decimal) in [(';', ','), (',', '.')] {
        // The dimension named over its bands, the rows' column named above the empty corner.
        let wide = crosstab(sample_bytes(file), "", sep, decimal);
        let bands = wide.lines().next().unwrap().matches(sep).count();
        let s = sep.to_string();
        let group = format!("Subgroep{s}Uren per week{}\n", s.repeat(bands - 1));
        let text = format!("{group}{wide}");
        let mut files = vec![("uren.csv", text.clone().into_bytes())];
        if sep == ',' {
            files.push(("uren.xlsx", xlsx_of(&text, sep)));
        }
        for (name, bytes) in files {
            let ds = Dataset::load(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let info = ds.info();
            assert!(
                info.detected
                    .notes
                    .iter()
                    .all(|n| !n.contains("titelregel")),
                "{name}: {:?}",
                info.detected.notes
            );
            assert!(
                info.detected.notes.iter().any(|n| n
                    .starts_with("Kopregel over twee rijen samengenomen (rij 1 en 2)")
                    && n.contains("'Subgroep' op rij 1, boven een lege cel")),
                "{name}: {:?}",
                info.detected.notes
            );
            assert!(
                info.detected
                    .notes_en
                    .iter()
                    .any(|n| n.starts_with(
                        "One column per category ('Uren per week <12', 'Uren per week 12-24'"
                    ) && n.contains("read as the column 'uren per week'")),
                "{name}: {:?}",
                info.detected.notes_en
            );
            assert_eq!(ds.table.columns[0].name, "Subgroep", "{name}");
            assert_eq!(ds.table.columns[1].name, "uren per week", "{name}");
            let r = render(&ds, "");
            assert_eq!(
                r.spec, "view=stacked&x=Subgroep&y=aandeel&series=uren%20per%20week",
                "{name}"
            );
            assert_eq!(points(&r.data), points(&expected.data), "{name}");
            assert_eq!(points(&r.data).len(), 28, "{name}");
        }
    }
}

#[test]
fn subgroups_as_columns_with_a_total_give_the_numbers_of_the_long_sample() {
    let file = "register_by_subgroup_2017_2019.csv";
    let bytes = sample_bytes(file);
    let long = Dataset::load(file, bytes).unwrap();
    let expected = render(&long, "");
    assert_eq!(expected.spec, "view=line&x=year&y=persons&series=subgroup");
    // The sample is `subgroup,year,persons`: years as rows, subgroups as columns.
    let text = std::str::from_utf8(bytes).unwrap();
    let swapped: String = text
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            format!("{},{},{}\n", f[1], f[0], f[2])
        })
        .collect();
    let wide = crosstab(swapped.as_bytes(), "jaar", ',', '.');
    assert!(wide.starts_with("jaar,vso/pro,"), "{wide}");
    let ds = Dataset::load("register.csv", wide.as_bytes()).unwrap();
    let info = ds.info();
    assert!(
        info.detected.notes.iter().any(|n| n.contains(
            "samen 'totaal' in elke rij): gelezen als de kolom 'doelgroep' met de getallen in 'waarde' (3 rijen -> 21 rijen)"
        )),
        "{:?}",
        info.detected.notes
    );
    let r = render(&ds, "");
    assert_eq!(r.spec, "view=line&x=jaar&y=waarde&series=doelgroep");
    assert_eq!(points(&r.data), points(&expected.data));
    // Without the total column: the subgroups alone (half of them named by the vocabulary).
    let no_total: String = wide
        .lines()
        .map(|l| format!("{}\n", l.rsplit_once(',').unwrap().0))
        .collect();
    let ds = Dataset::load("register.csv", no_total.as_bytes()).unwrap();
    let r = render(&ds, "");
    assert_eq!(r.spec, "view=line&x=jaar&y=waarde&series=doelgroep");
    let mut parts = points(&expected.data);
    parts.retain(|(s, _, _), _| s != "totaal");
    assert_eq!(points(&r.data), parts);
    assert_eq!(parts.len(), 18);
    let ds = Dataset::load("register.csv", wide.as_bytes()).unwrap();
    // The total column is the long table's total row: its own bar, the parts as they are.
    let r = render(&ds, "view=bars&x=doelgroep&filter=jaar:2019");
    let bars = points(&r.data);
    let bar = |x: &str| bars[&("waarde".to_string(), String::new(), format!("\"{x}\""))];
    assert_eq!(bar("totaal"), Some(267111.0), "{}", r.data);
    assert_eq!(bar("Wajong"), Some(93391.0), "{}", r.data);
    assert_eq!(bars.len(), 7);
}

#[test]
fn a_view_names_the_columns_of_numbers_it_leaves_out() {
    // Hours bands beside a measure that is no band: not a crosstab, so read as it is; the bars
    // show the first column and the note names the others.
    let csv = "subgroep,<12,12-24,>=24,banen\nWajong,10,30,60,5\nWsw,20,30,50,7\n";
    let ds = Dataset::load("t.csv", csv.as_bytes()).unwrap();
    assert!(ds.info().detected.notes.is_empty());
    let r = render(&ds, "");
    assert_eq!(r.view, "bars");
    let y = r.data["y"].as_str().unwrap().to_string();
    let others: Vec<&str> = ["<12", "12-24", ">=24", "banen"]
        .into_iter()
        .filter(|c| *c != y)
        .collect();
    let expected = format!(
        "Ook in het bestand, niet in deze grafiek: '{}', '{}', '{}'; kies er een met y={}.",
        others[0], others[1], others[2], others[0]
    );
    assert!(r.notes.contains(&expected), "{:?}", r.notes);
    let r = render(
        &ds,
        &format!("view=bars&x=subgroep&y={}&lang=en", others[0]),
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with(&format!("Also in the file, not in this chart: '{y}', "))),
        "{:?}",
        r.notes
    );
    // A name that would end the description is written encoded.
    let ds = Dataset::load("t.csv", b"regio,a&b,c\nA,1,5\nB,2,7\n").unwrap();
    let r = render(&ds, "view=bars&x=regio&y=c");
    assert!(
        r.notes
            .iter()
            .any(|n| n.ends_with("'a&b'; kies er een met y=a%26b.")),
        "{:?}",
        r.notes
    );
    let again = render(&ds, "view=bars&x=regio&y=a%26b");
    assert_eq!(again.data["y"], "a&b");
    // Nothing is named when every column of numbers is on the chart.
    let ds = Dataset::load("t.csv", b"regio,aantal\nA,1\nB,2\n").unwrap();
    let r = render(&ds, "");
    assert!(
        r.notes.iter().all(|n| !n.contains("Ook in het bestand")),
        "{:?}",
        r.notes
    );
}

#[test]
fn regional_files_with_subgroup_columns_are_read_as_before() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    for f in [
        "regio-export-nl.csv",
        "regio-zonder-landelijk.tsv",
        "regions_long.csv",
    ] {
        let bytes = std::fs::read(format!("{fixtures}{f}")).unwrap();
        let ds = Dataset::load(f, &bytes).unwrap();
        let info = ds.info();
        assert!(info.regional.is_some(), "{f}");
        assert!(
            info.detected
                .notes
                .iter()
                .all(|n| !n.contains("kolom per categorie")),
            "{f}: {:?}",
            info.detected.notes
        );
    }
    // A wide file of subgroup counts per region beside the regional columns keeps them.
    let csv = "arbeidsmarktregio,jaar,personen_doelgroepregister,werkzame_personen,Wajong,WSW\n\
               Achterhoek,2017,100,50,30,20\nDrechtsteden,2017,200,80,50,30\n";
    let ds = Dataset::load("w.csv", csv.as_bytes()).unwrap();
    assert!(ds.info().regional.is_some());
    assert!(ds.table.column("Wajong").is_some());
}

#[test]
fn every_view_the_catalogue_offers_for_a_crosstab_draws() {
    use banenverkenner::render::catalog::catalog;
    let file = "hours_per_week_by_subgroup_2019.csv";
    let wide = crosstab(sample_bytes(file), "subgroep", ';', ',');
    let ds = Dataset::load("uren.csv", wide.as_bytes()).unwrap();
    let mut drawn = 0;
    for v in catalog(&ds) {
        for k in v.keys.iter().filter(|k| k.key != "filter") {
            for c in &k.choices {
                let q = format!("view={}&{}={}", v.view, k.key, c.value.replace('&', "%26"));
                match render_query(&ds, &q) {
                    Ok(_) => drawn += 1,
                    // facet= on the only column x= can be: refused, saying so.
                    Err(e) if e.message.starts_with("facet=") => {}
                    Err(e) => assert_eq!(
                        e.kind,
                        banenverkenner::error::ErrorKind::NotAvailable,
                        "{q}: {}",
                        e.message
                    ),
                }
            }
        }
    }
    assert!(drawn > 10, "{drawn}");
}
