//! Excel workbooks as analysts have them, built from the published data (`data/regions.csv`,
//! `tests/fixtures/regions_long.csv`, the same as `shared/data/regional/`): percentages formatted
//! as percent, counts with a thousands format or stored as text, SUM-formula total rows, several
//! sheets (a glossary first, hidden ones, an empty one), a header over two merged rows under
//! titles with footnotes below, reference dates as Excel day numbers, quarters as text, a
//! municipality-level sheet, inline strings, booleans and error cells. Each gives the published
//! numbers (the views of the CSV it was made from) or a typed error naming file, row and column;
//! whatever the reader reinterprets is said.

#[path = "../fuzz/fuzz_targets/workbook.rs"]
#[allow(dead_code)]
mod workbook;

use banenverkenner::error::ErrorKind;
use banenverkenner::render::{render_query, Dataset};
use banenverkenner::table::xlsx::{read_xlsx, read_xlsx_whole};
use banenverkenner::table::{self, Table, Value};
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};
use serde_json::Value as Json;

const WIDE: &[u8] = include_bytes!("../data/regions.csv");
const LONG: &str = include_str!("fixtures/regions_long.csv");
const LONG_HEADER: [&str; 5] = [
    "arbeidsmarktregio",
    "jaar",
    "doelgroep",
    "personen_doelgroepregister",
    "werkzame_personen",
];

/// The regional views a long file (register and working persons per subgroup) gives.
const VIEWS: &[&str] = &[
    "view=scatter",
    "view=scatter&subgroup=wajong",
    "view=scatter&subgroup=wsw&x=register_share",
    "view=scatter&subgroup=participatiewet&from=2016&to=2017",
    "view=ranking&subgroup=wsw",
    "view=ranking&measure=register_share&subgroup=praktijkroute",
    "view=decomposition",
    "view=trend",
    "view=trend&measure=register",
    "view=convergence",
];

fn long_rows() -> Vec<Vec<String>> {
    LONG.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn wide() -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(WIDE);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// The workbook read by the explorer; both readings of the workbook must agree.
fn load(name: &str, bytes: &[u8]) -> Dataset {
    assert_eq!(
        read_xlsx(name, bytes),
        read_xlsx_whole(name, bytes),
        "{name}"
    );
    let ds = Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert!(ds.regional.is_some(), "{name}: {:?}", ds.regional_error);
    ds
}

fn long_csv() -> Dataset {
    Dataset::load("regions_long.csv", LONG.as_bytes()).unwrap()
}

/// The numbers of a view: its data without the notes, which name the file's own ways.
fn numbers(ds: &Dataset, q: &str) -> Json {
    let mut d = render_query(ds, q)
        .unwrap_or_else(|e| panic!("{}: {q}: {e}", ds.table.source))
        .data;
    if let Some(o) = d.as_object_mut() {
        o.remove("notes");
    }
    d
}

/// Every number in a view's data to nine decimals, sorted (what stays when names differ, and so
/// the order in which regions are added up).
fn all_numbers(j: &Json) -> Vec<String> {
    fn walk(j: &Json, out: &mut Vec<String>) {
        match j {
            Json::Number(n) => out.push(format!("{:.9}", n.as_f64().unwrap_or(f64::NAN))),
            Json::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Json::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(j, &mut out);
    out.sort();
    out
}

fn assert_same_views(base: &Dataset, ds: &Dataset, views: &[&str]) {
    for q in views {
        assert_eq!(numbers(base, q), numbers(ds, q), "{}: {q}", ds.table.source);
    }
    // The published figure itself.
    let r2 = numbers(ds, "view=scatter&from=2015&to=2017")["r2"]
        .as_f64()
        .unwrap();
    assert!((r2 - 0.30825).abs() < 5e-6, "{r2}");
}

/// Notes in both languages, one string each.
fn notes(t: &Table) -> (String, String) {
    (
        t.detected.notes.join(" | "),
        t.detected.notes_en.join(" | "),
    )
}

/// Writes the long file's header at row `at` and its `rows` below, counts with format `num`.
fn write_long(ws: &mut Worksheet, at: u32, rows: &[Vec<String>], num: Option<&Format>) {
    for (j, h) in LONG_HEADER.iter().enumerate() {
        ws.write_string(at, j as u16, *h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        let row = at + 1 + i as u32;
        for (j, v) in r.iter().enumerate() {
            let c = j as u16;
            if j == 0 || j == 2 {
                ws.write_string(row, c, v).unwrap();
                continue;
            }
            let n: f64 = v.parse().unwrap();
            match num {
                Some(f) if j >= 3 => ws.write_number_with_format(row, c, n, f).unwrap(),
                _ => ws.write_number(row, c, n).unwrap(),
            };
        }
    }
}

fn long_workbook(num: Option<&Format>) -> Vec<u8> {
    let mut wb = Workbook::new();
    write_long(wb.add_worksheet(), 0, &long_rows(), num);
    wb.save_to_buffer().unwrap()
}

#[test]
fn percentages_formatted_as_percent_read_as_the_percentage_shown_and_said() {
    // The long file with a share column as Excel holds it: 0.5689 shown as 56,9%.
    let rows = long_rows();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    write_long(ws, 0, &rows, None);
    ws.write_string(0, 5, "aandeel_werkzaam").unwrap();
    let pct = Format::new().set_num_format("0.0%");
    for (i, r) in rows.iter().enumerate() {
        let (p, w): (f64, f64) = (r[3].parse().unwrap(), r[4].parse().unwrap());
        ws.write_number_with_format(1 + i as u32, 5, w / p, &pct)
            .unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let ds = load("aandeel.xlsx", &bytes);
    let share = &ds.table.columns[5];
    for (i, r) in rows.iter().enumerate() {
        let (p, w): (f64, f64) = (r[3].parse().unwrap(), r[4].parse().unwrap());
        let got = share.number(i).unwrap();
        assert!((got - w / p * 100.0).abs() < 1e-9, "row {i}: {got}");
    }
    let (nl, en) = notes(&ds.table);
    assert!(
        nl.contains("468 cel(len) met een procentopmaak gelezen als het getoonde percentage"),
        "{nl}"
    );
    assert!(
        en.contains("468 cells formatted as a percentage read as the percentage shown"),
        "{en}"
    );
    assert_same_views(&long_csv(), &ds, VIEWS);

    // A table of published shares: the percentages are the ones shown, digit for digit, in the
    // table and in the chart; a plain number beside them stays as it is.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (j, h) in ["Subgroep", "Jaar", "Aandeel werkzaam", "Personen"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let whole = Format::new().set_num_format("0%"); // built-in format 9
    let data = [
        ("Wajong", 2016.0, 0.328, 115247.0),
        ("Wajong", 2017.0, 0.388, 104542.0),
        ("WSW", 2016.0, 0.915, 42637.0),
        ("WSW", 2017.0, 0.916, 40021.0),
    ];
    for (i, (g, y, p, n)) in data.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, *g).unwrap();
        ws.write_number(r, 1, *y).unwrap();
        let f = if i == 3 { &whole } else { &pct };
        ws.write_number_with_format(r, 2, *p, f).unwrap();
        ws.write_number(r, 3, *n).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let t = table::load("aandelen.xlsx", &bytes).unwrap();
    assert_eq!(
        t.columns[2].values(),
        [32.8, 38.8, 91.5, 91.6].map(Value::Number)
    );
    assert_eq!(
        t.columns[3].values(),
        [115247.0, 104542.0, 42637.0, 40021.0].map(Value::Number)
    );
    assert!(notes(&t).0.contains("4 cel(len) met een procentopmaak"));
    let ds = Dataset::load("aandelen.xlsx", &bytes).unwrap();
    let line = render_query(&ds, "view=line&x=Jaar&y=Aandeel werkzaam&series=Subgroep").unwrap();
    assert_eq!(line.data["percent"], true);
    let values: Vec<f64> = line.data["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["points"].as_array().unwrap())
        .map(|p| p["y"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [32.8, 38.8, 91.5, 91.6]);
}

#[test]
fn counts_with_a_thousands_format_or_stored_as_text_give_the_published_numbers() {
    let base = long_csv();
    let thousands = Format::new().set_num_format("#,##0");
    let ds = load("duizendtallen.xlsx", &long_workbook(Some(&thousands)));
    assert!(
        ds.table.detected.notes.is_empty(),
        "{:?}",
        ds.table.detected.notes
    );
    assert_same_views(&base, &ds, VIEWS);

    // The register counts as text cells ('4099'), the working persons as Dutch text ('2.332'):
    // numbers as in a CSV file; the ones that needed a decimal separator to be read are said.
    let rows = long_rows();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    write_long(ws, 0, &rows, None);
    for (i, r) in rows.iter().enumerate() {
        let w: u64 = r[4].parse().unwrap();
        let dutch = match w {
            w if w >= 1000 => format!("{}.{:03}", w / 1000, w % 1000),
            w => w.to_string(),
        };
        ws.write_string(1 + i as u32, 3, &r[3]).unwrap();
        ws.write_string(1 + i as u32, 4, dutch).unwrap();
    }
    let ds = load("tekst.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(ds.table.columns[3].number(0), Some(4099.0));
    assert_eq!(ds.table.columns[4].number(0), Some(2332.0));
    assert!(
        notes(&ds.table)
            .0
            .contains("als tekst opgeslagen, gelezen met decimaalteken ','"),
        "{:?}",
        ds.table.detected.notes
    );
    assert_same_views(&base, &ds, VIEWS);
}

/// The wide file's regional rows with a thousands format, and below them per year a total row
/// labelled `label` whose counts are SUMIFS formulas over the regions (their cached values the
/// published national figures), as an analyst adds one.
fn wide_with_total_rows(label: &str) -> Vec<u8> {
    let (header, rows) = wide();
    let keep = [
        "region",
        "year",
        "register_persons_corrected",
        "register_wajong_corrected",
        "register_wsw",
        "register_participatiewet",
        "register_pw_praktijkroute",
        "workers_total",
        "workers_wajong",
        "workers_wsw",
        "workers_participatiewet",
        "workers_pw_praktijkroute",
        "workers_pw_other",
    ];
    let idx: Vec<usize> = keep
        .iter()
        .map(|c| header.iter().position(|h| h == c).unwrap())
        .collect();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let thousands = Format::new().set_num_format("#,##0");
    for (j, h) in keep.iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let regions: Vec<&Vec<String>> = rows.iter().filter(|r| r[2] == "region").collect();
    for (i, r) in regions.iter().enumerate() {
        let row = 1 + i as u32;
        for (j, &k) in idx.iter().enumerate() {
            let c = j as u16;
            match (j, r[k].parse::<f64>()) {
                _ if r[k].is_empty() => {}
                (0, _) => {
                    ws.write_string(row, c, &r[k]).unwrap();
                }
                (1, Ok(n)) => {
                    ws.write_number(row, c, n).unwrap();
                }
                (_, Ok(n)) => {
                    ws.write_number_with_format(row, c, n, &thousands).unwrap();
                }
                (_, Err(_)) => panic!("{}", r[k]),
            }
        }
    }
    let last = regions.len() + 1;
    let mut at = last as u32;
    for r in rows.iter().filter(|r| r[2] == "national") {
        ws.write_string(at, 0, label).unwrap();
        ws.write_number(at, 1, r[5].parse::<f64>().unwrap())
            .unwrap();
        for (j, &k) in idx.iter().enumerate().skip(2) {
            if r[k].is_empty() {
                continue;
            }
            let col = (b'A' + j as u8) as char;
            let sum = format!("=SUMIFS({col}2:{col}{last},B2:B{last},B{})", at + 1);
            let f = Formula::new(sum).set_result(r[k].clone());
            ws.write_formula_with_format(at, j as u16, f, &thousands)
                .unwrap();
        }
        at += 1;
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_sum_formula_total_row_at_the_bottom_is_the_national_row_not_counted_again() {
    let base = Dataset::load("regions.csv", WIDE).unwrap();
    let views: Vec<&str> = VIEWS
        .iter()
        .copied()
        .chain(["view=ranking&measure=share&year=2017"])
        .collect();
    for label in ["Totaal", "Nederland"] {
        let ds = load(&format!("{label}.xlsx"), &wide_with_total_rows(label));
        let reg = ds.regional.as_ref().unwrap();
        assert_eq!(reg.regions.len(), 35, "{label}");
        assert!(reg.national_from_file, "{label}");
        // Had the total rows been added to the regions, the national figures would be doubled.
        let trend = numbers(&ds, "view=trend");
        assert_eq!(
            trend["national"][0]["values"],
            serde_json::json!([80105.0, 86139.0, 98481.0])
        );
        assert_same_views(&base, &ds, &views);
        let share = numbers(&ds, "view=ranking&measure=share&year=2015");
        assert!(
            (share["national"].as_f64().unwrap() - 43.874).abs() < 5e-4,
            "{label}: {share}"
        );
    }
}

/// The long file on a sheet `data`, after the sheets `before`.
fn sheets(before: impl FnOnce(&mut Workbook), data: &str) -> Vec<u8> {
    let mut wb = Workbook::new();
    before(&mut wb);
    let ws = wb.add_worksheet();
    ws.set_name(data).unwrap();
    ws.set_active(true);
    write_long(ws, 0, &long_rows(), None);
    wb.save_to_buffer().unwrap()
}

#[test]
fn of_several_sheets_the_one_with_the_table_is_read_and_the_others_named() {
    let base = long_csv();
    // A glossary first (a table of text: term, explanation), the data second.
    let glossary = |wb: &mut Workbook| {
        let ws = wb.add_worksheet();
        ws.set_name("Toelichting").unwrap();
        for (i, (a, b)) in [
            ("Begrip", "Omschrijving"),
            ("Doelgroepregister", "Het register van UWV"),
            ("Werkzaam", "Met een baan in december"),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(i as u32, 0, *a).unwrap();
            ws.write_string(i as u32, 1, *b).unwrap();
        }
    };
    let ds = load("toelichting.xlsx", &sheets(glossary, "Gegevens"));
    assert_eq!(ds.table.detected.sheet.as_deref(), Some("Gegevens"));
    let (nl, en) = notes(&ds.table);
    assert!(
        nl.contains("Werkblad(en) met alleen tekst, zonder getallen, overgeslagen: 'Toelichting'"),
        "{nl}"
    );
    assert!(
        en.contains("Worksheet(s) holding only text, no numbers, skipped: 'Toelichting'"),
        "{en}"
    );
    assert_same_views(&base, &ds, VIEWS);
    // A workbook of only text is still read, naming the sheets after it.
    let mut wb = Workbook::new();
    glossary(&mut wb);
    wb.add_worksheet().set_name("Leeg").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    assert_eq!(
        read_xlsx("t.xlsx", &bytes),
        read_xlsx_whole("t.xlsx", &bytes)
    );
    let t = table::load("t.xlsx", &bytes).unwrap();
    assert_eq!(t.detected.sheet.as_deref(), Some("Toelichting"));
    assert_eq!(t.len(), 2);
    assert!(
        notes(&t).0.contains("niet gelezen: 'Leeg'"),
        "{:?}",
        t.detected.notes
    );

    // Hidden sheets (one with a part of the data) are never read, and named.
    let hidden = |wb: &mut Workbook| {
        let ws = wb.add_worksheet();
        ws.set_name("Hulpblad").unwrap();
        write_long(ws, 0, &long_rows()[..20], None);
        ws.set_hidden(true);
    };
    let ds = load("verborgen.xlsx", &sheets(hidden, "Data"));
    assert_eq!(ds.table.detected.sheet.as_deref(), Some("Data"));
    let (nl, en) = notes(&ds.table);
    assert!(
        nl.contains("Verborgen werkblad(en) niet gelezen: 'Hulpblad'"),
        "{nl}"
    );
    assert!(
        en.contains("Hidden worksheet(s) not read: 'Hulpblad'"),
        "{en}"
    );
    assert_same_views(&base, &ds, VIEWS);
    // Hidden after the data too.
    let mut wb = Workbook::new();
    write_long(wb.add_worksheet(), 0, &long_rows(), None);
    let ws = wb.add_worksheet();
    ws.set_name("Oud").unwrap();
    ws.set_hidden(true);
    let ds = load("verborgen2.xlsx", &wb.save_to_buffer().unwrap());
    assert!(notes(&ds.table)
        .0
        .contains("Verborgen werkblad(en) niet gelezen: 'Oud'"));

    // An empty first sheet is passed over and named.
    let ds = load(
        "leeg.xlsx",
        &sheets(
            |wb| {
                wb.add_worksheet();
            },
            "Tabel",
        ),
    );
    assert_eq!(ds.table.detected.sheet.as_deref(), Some("Tabel"));
    assert!(
        notes(&ds.table)
            .0
            .contains("Werkblad(en) zonder tabel overgeslagen: 'Sheet1'"),
        "{:?}",
        ds.table.detected.notes
    );
    assert_same_views(&base, &ds, VIEWS);
}

#[test]
fn a_header_merged_over_two_rows_under_titles_with_footnotes_gives_the_published_numbers() {
    let (header, rows) = wide();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tabel 3.1").unwrap();
    ws.write_string(
        0,
        0,
        "Tabel 3.1 Doelgroepregister en werkzame personen per arbeidsmarktregio",
    )
    .unwrap();
    ws.write_string(1, 0, "Stand eind van het jaar").unwrap();
    let columns = [
        ("region", "Arbeidsmarktregio"),
        ("year", "Jaar"),
        ("register_persons_corrected", "Totaal"),
        ("register_wajong_corrected", "Wajong"),
        ("register_wsw", "WSW"),
        ("register_participatiewet", "Participatiewet"),
        ("register_pw_praktijkroute", "Praktijkroute"),
        ("workers_total", "Totaal"),
        ("workers_wajong", "Wajong"),
        ("workers_wsw", "WSW"),
        ("workers_participatiewet", "Participatiewet"),
        ("workers_pw_praktijkroute", "Praktijkroute"),
    ];
    let plain = Format::new();
    ws.merge_range(3, 0, 4, 0, "Arbeidsmarktregio", &plain)
        .unwrap();
    ws.merge_range(3, 1, 4, 1, "Jaar", &plain).unwrap();
    ws.merge_range(3, 2, 3, 6, "Doelgroepregister", &plain)
        .unwrap();
    ws.merge_range(3, 7, 3, 11, "Werkzame personen", &plain)
        .unwrap();
    for (j, (_, sub)) in columns.iter().enumerate().skip(2) {
        ws.write_string(4, j as u16, *sub).unwrap();
    }
    let idx: Vec<usize> = columns
        .iter()
        .map(|(c, _)| header.iter().position(|h| h == c).unwrap())
        .collect();
    let mut r = 5;
    for row in rows.iter().filter(|row| row[2] != "unknown_region") {
        for (j, &k) in idx.iter().enumerate() {
            match row[k].parse::<f64>() {
                _ if row[k].is_empty() => {}
                Ok(n) => {
                    ws.write_number(r, j as u16, n).unwrap();
                }
                Err(_) => {
                    ws.write_string(r, j as u16, &row[k]).unwrap();
                }
            }
        }
        r += 1;
    }
    ws.write_string(r + 1, 0, "Bron: UWV, bewerking SZW")
        .unwrap();
    ws.write_string(
        r + 2,
        0,
        "1) Gecorrigeerd voor de herbeoordeling oude Wajong",
    )
    .unwrap();
    let ds = load("samengevoegd.xlsx", &wb.save_to_buffer().unwrap());
    let t = &ds.table;
    assert_eq!(t.detected.header_row, 5);
    assert_eq!(t.columns[3].name, "Doelgroepregister Wajong");
    assert_eq!(t.columns[8].name, "Werkzame personen Wajong");
    let (nl, _) = notes(t);
    assert!(
        nl.contains("2 titelregels boven de kopregel overgeslagen"),
        "{nl}"
    );
    assert!(
        nl.contains("Kopregel over twee rijen samengenomen (rij 4 en 5)"),
        "{nl}"
    );
    let rejected: Vec<(usize, &str)> = t
        .detected
        .rejected
        .iter()
        .map(|r| (r.row, r.content.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            (115, "Bron: UWV, bewerking SZW"),
            (116, "1) Gecorrigeerd voor de herbeoordeling oude Wajong")
        ]
    );
    let base = Dataset::load("regions.csv", WIDE).unwrap();
    assert_same_views(&base, &ds, &VIEWS[..7]);
}

/// `points` of a scatter: the numbers, whatever the periods are called.
fn points(ds: &Dataset, q: &str) -> Json {
    let d = numbers(ds, q);
    serde_json::json!([d["points"], d["national_x"], d["national_y"], d["fit"]])
}

#[test]
fn reference_dates_as_day_numbers_and_quarters_as_text_are_periods() {
    let rows = long_rows();
    let yearly = long_csv();
    // `peildatum` 31-12-2015 as Excel holds it: day number 42369 formatted as a date, or left
    // in the General format (then told from the column's name and the numbers' range).
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for (format, said) in [
        (
            Some(&date),
            "468 cel(len) met een datumopmaak gelezen als datum",
        ),
        (
            None,
            "Kolom 'peildatum': getallen gelezen als Excel-datums (42369 = 31 dec 2015)",
        ),
    ] {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let mut header = LONG_HEADER;
        header[1] = "peildatum";
        for (j, h) in header.iter().enumerate() {
            ws.write_string(0, j as u16, *h).unwrap();
        }
        for (i, r) in rows.iter().enumerate() {
            let row = 1 + i as u32;
            let day = match r[1].as_str() {
                "2015" => 42369.0,
                "2016" => 42735.0,
                _ => 43100.0,
            };
            ws.write_string(row, 0, &r[0]).unwrap();
            match format {
                Some(f) => ws.write_number_with_format(row, 1, day, f).unwrap(),
                None => ws.write_number(row, 1, day).unwrap(),
            };
            ws.write_string(row, 2, &r[2]).unwrap();
            ws.write_number(row, 3, r[3].parse::<f64>().unwrap())
                .unwrap();
            ws.write_number(row, 4, r[4].parse::<f64>().unwrap())
                .unwrap();
        }
        let ds = load("peildatum.xlsx", &wb.save_to_buffer().unwrap());
        assert_eq!(ds.table.columns[1].get(0).as_str(), Some("2015-12-31"));
        let (nl, _) = notes(&ds.table);
        assert!(nl.contains(said), "{nl}");
        for sub in ["total", "wajong", "wsw", "participatiewet"] {
            let q = format!("view=scatter&subgroup={sub}");
            assert_eq!(points(&yearly, &q), points(&ds, &q), "{sub}");
        }
    }

    // Quarters as text (`2015K1`): the year is the stand at the end of Q4; the other quarters
    // hold other (smaller) numbers.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let mut header = LONG_HEADER;
    header[1] = "kwartaal";
    for (j, h) in header.iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let mut at = 1;
    for r in &rows {
        for q in 1..=4u32 {
            let scale =
                |v: &str| (v.parse::<f64>().unwrap() * (1.0 - 0.02 * f64::from(4 - q))).round();
            ws.write_string(at, 0, &r[0]).unwrap();
            ws.write_string(at, 1, format!("{}K{q}", r[1])).unwrap();
            ws.write_string(at, 2, &r[2]).unwrap();
            ws.write_number(at, 3, scale(&r[3])).unwrap();
            ws.write_number(at, 4, scale(&r[4])).unwrap();
            at += 1;
        }
    }
    let ds = load("kwartalen.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(ds.regional.as_ref().unwrap().years.len(), 12);
    for sub in ["total", "wajong", "wsw"] {
        let want = points(
            &yearly,
            &format!("view=scatter&subgroup={sub}&from=2015&to=2017"),
        );
        let got = points(
            &ds,
            &format!("view=scatter&subgroup={sub}&from=2015K4&to=2017K4"),
        );
        assert_eq!(want, got, "{sub}");
    }
}

/// Splits `v` into three whole parts that add up to it.
fn split3(v: u64, salt: usize) -> [u64; 3] {
    let a = v * (20 + (salt % 7) as u64) / 100;
    let b = v * (30 + (salt % 5) as u64) / 100;
    [a, b, v - a - b]
}

/// The long file per municipality (three per region, counts split in whole parts), without the
/// national rows; with `totals` (gemeente, region labels) those follow at the bottom as SUMIFS
/// formulas whose cached values are the published national figures.
fn municipal(totals: Option<(&str, &str)>) -> Vec<u8> {
    let rows = long_rows();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Gemeenten").unwrap();
    let header = [
        "gemeente",
        "arbeidsmarktregio",
        "jaar",
        "subgroep",
        "personen",
        "werkzaam",
    ];
    for (j, h) in header.iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let mut at = 1u32;
    for (i, r) in rows.iter().filter(|r| r[0] != "Landelijk").enumerate() {
        let p = split3(r[3].parse().unwrap(), i);
        let w = split3(r[4].parse().unwrap(), i + 3);
        for k in 0..3 {
            ws.write_string(at, 0, format!("{} gemeente {}", r[0], k + 1))
                .unwrap();
            ws.write_string(at, 1, &r[0]).unwrap();
            ws.write_number(at, 2, r[1].parse::<f64>().unwrap())
                .unwrap();
            ws.write_string(at, 3, &r[2]).unwrap();
            ws.write_number(at, 4, p[k] as f64).unwrap();
            ws.write_number(at, 5, w[k] as f64).unwrap();
            at += 1;
        }
    }
    if let Some((gemeente, region)) = totals {
        let last = at;
        for r in rows.iter().filter(|r| r[0] == "Landelijk") {
            ws.write_string(at, 0, gemeente).unwrap();
            if !region.is_empty() {
                ws.write_string(at, 1, region).unwrap();
            }
            ws.write_number(at, 2, r[1].parse::<f64>().unwrap())
                .unwrap();
            ws.write_string(at, 3, &r[2]).unwrap();
            for (j, k) in [(4u16, 3usize), (5, 4)] {
                let col = (b'A' + j as u8) as char;
                let n = at + 1;
                let sum = format!("=SUMIFS({col}2:{col}{last},C2:C{last},C{n},D2:D{last},D{n})");
                ws.write_formula(at, j, Formula::new(sum).set_result(r[k].clone()))
                    .unwrap();
            }
            at += 1;
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_municipality_sheet_summed_to_regions_gives_the_numbers_of_the_wide_file() {
    let base = long_csv();
    let ds = load("gemeenten.xlsx", &municipal(None));
    assert_eq!(ds.table.len(), 455 * 3);
    assert!(!ds.regional.as_ref().unwrap().national_from_file);
    assert_same_views(&base, &ds, VIEWS);
    for totals in [
        ("Totaal", "Nederland"),
        ("Nederland", "Totaal"),
        ("Totaal", ""),
    ] {
        let ds = load("gemeenten_totaal.xlsx", &municipal(Some(totals)));
        assert_eq!(ds.table.len(), 455 * 3 + 13, "{totals:?}");
        assert!(
            ds.regional.as_ref().unwrap().national_from_file,
            "{totals:?}"
        );
        assert_same_views(&base, &ds, VIEWS);
    }
}

/// The long file as worksheet XML written by another program: texts inline
/// (`t="inlineStr"`), a column of booleans, and `cell` in place of row `at`'s working persons.
fn raw_sheet(at: usize, cell: &str) -> Vec<u8> {
    let rows = long_rows();
    let mut xml = String::from("<worksheet><sheetData><row r=\"1\">");
    for (j, h) in LONG_HEADER.iter().chain(&["voorlopig"]).enumerate() {
        let col = (b'A' + j as u8) as char;
        xml += &format!("<c r=\"{col}1\" t=\"inlineStr\"><is><t>{h}</t></is></c>");
    }
    xml += "</row>";
    for (i, r) in rows.iter().enumerate() {
        let n = i + 2;
        xml += &format!(
            "<row r=\"{n}\"><c r=\"A{n}\" t=\"inlineStr\"><is><t>{}</t></is></c><c r=\"B{n}\"><v>{}</v></c><c r=\"C{n}\" t=\"inlineStr\"><is><t>{}</t></is></c><c r=\"D{n}\"><v>{}</v></c>",
            r[0], r[1], r[2], r[3]
        );
        xml += &match n == at {
            true => cell.replace("{n}", &n.to_string()),
            false => format!("<c r=\"E{n}\"><v>{}</v></c>", r[4]),
        };
        let provisional = u8::from(r[1] == "2017");
        xml += &format!("<c r=\"F{n}\" t=\"b\"><v>{provisional}</v></c></row>");
    }
    xml += "</sheetData></worksheet>";
    workbook::from_parts(xml.as_bytes())
}

#[test]
fn inline_strings_booleans_and_error_cells() {
    let ds = load("inline.xlsx", &raw_sheet(0, ""));
    let flags = ds.table.columns[5].values();
    assert_eq!(flags[0], Value::Text("ONWAAR".into()));
    assert_eq!(flags[8], Value::Text("WAAR".into())); // Achterhoek 2017
    assert_same_views(&long_csv(), &ds, VIEWS);
    // An error value where a count is needed: a typed error naming the file, Excel's row and
    // the column, in both languages.
    for (cell, shown) in [
        (
            "<c r=\"E{n}\" t=\"e\"><f>D{n}/0</f><v>#DIV/0!</v></c>",
            "#DIV/0!",
        ),
        ("<c r=\"E{n}\" t=\"e\"><v>#N/A</v></c>", "#N/A"),
    ] {
        let bytes = raw_sheet(9, cell);
        assert_eq!(
            read_xlsx("fout.xlsx", &bytes),
            read_xlsx_whole("fout.xlsx", &bytes)
        );
        let e = Dataset::load("fout.xlsx", &bytes).unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadValue, "{e:?}");
        let at = e.location.clone().unwrap();
        assert_eq!(
            (at.file.as_str(), at.row, at.column.as_deref()),
            ("fout.xlsx", Some(9), Some("werkzame_personen"))
        );
        assert!(e.message.contains(&format!("'{shown}'")), "{}", e.message);
        assert!(e
            .message_en
            .as_deref()
            .unwrap()
            .contains(&format!("'{shown}'")));
    }
}

#[test]
fn a_region_merged_down_over_its_rows_is_filled_down_and_said() {
    let rows = long_rows();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (j, h) in LONG_HEADER.iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    let mut i = 0;
    while i < rows.len() {
        let n = rows[i..].iter().take_while(|r| r[0] == rows[i][0]).count();
        let (first, last) = (1 + i as u32, (i + n) as u32);
        ws.merge_range(first, 0, last, 0, &rows[i][0], &Format::new())
            .unwrap();
        for (k, r) in rows.iter().enumerate().skip(i).take(n) {
            let row = 1 + k as u32;
            ws.write_number(row, 1, r[1].parse::<f64>().unwrap())
                .unwrap();
            ws.write_string(row, 2, &r[2]).unwrap();
            ws.write_number(row, 3, r[3].parse::<f64>().unwrap())
                .unwrap();
            ws.write_number(row, 4, r[4].parse::<f64>().unwrap())
                .unwrap();
        }
        i += n;
    }
    let ds = load("samengevoegde_regio.xlsx", &wb.save_to_buffer().unwrap());
    let (nl, _) = notes(&ds.table);
    assert!(
        nl.contains("Lege cellen in 'arbeidsmarktregio' (432) gelezen als de waarde erboven"),
        "{nl}"
    );
    assert_same_views(&long_csv(), &ds, VIEWS);
}

/// The long file split over worksheets by column `by` (its values the sheets' names, in order of
/// first appearance), the column left out when `drop`; each sheet has the same header.
fn split_workbook(by: usize, drop: bool, names: &dyn Fn(&str) -> String) -> Vec<u8> {
    let rows = long_rows();
    let mut order: Vec<String> = Vec::new();
    for r in &rows {
        if !order.contains(&r[by]) {
            order.push(r[by].clone());
        }
    }
    let keep: Vec<usize> = (0..5).filter(|&j| !(drop && j == by)).collect();
    let mut wb = Workbook::new();
    for key in &order {
        let ws = wb.add_worksheet();
        ws.set_name(names(key)).unwrap();
        for (c, &j) in keep.iter().enumerate() {
            ws.write_string(0, c as u16, LONG_HEADER[j]).unwrap();
        }
        let mine = rows.iter().filter(|r| &r[by] == key);
        for (i, r) in mine.enumerate() {
            for (c, &j) in keep.iter().enumerate() {
                let (row, col) = (1 + i as u32, c as u16);
                match r[j].parse::<f64>() {
                    Ok(n) if j != 0 && j != 2 => ws.write_number(row, col, n).unwrap(),
                    _ => ws.write_string(row, col, &r[j]).unwrap(),
                };
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// A workbook of sheets '2015' and '2016', each a table `regio;aantal` of `regions` (10 each),
/// and `below` after a blank row under it.
fn two_sheets(regions: &[&str], below: Option<&str>) -> Vec<u8> {
    let mut wb = Workbook::new();
    for year in ["2015", "2016"] {
        let ws = wb.add_worksheet();
        ws.set_name(year).unwrap();
        ws.write_string(0, 0, "regio").unwrap();
        ws.write_string(0, 1, "aantal").unwrap();
        for (i, r) in regions.iter().enumerate() {
            ws.write_string(1 + i as u32, 0, *r).unwrap();
            ws.write_number(1 + i as u32, 1, 10.0).unwrap();
        }
        if let Some(text) = below {
            ws.write_string(2 + regions.len() as u32, 0, text).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_worksheet_per_year_or_per_subgroup_is_stacked_into_one_table() {
    let base = long_csv();
    // A sheet per year without a year column: the sheets' names become the column 'periode'.
    let ds = load(
        "per-jaar.xlsx",
        &split_workbook(1, true, &|k| k.to_string()),
    );
    assert_eq!(ds.table.len(), 468);
    assert_eq!(ds.table.columns[0].name, "periode");
    let (nl, en) = notes(&ds.table);
    assert!(
        nl.contains("3 werkbladen met dezelfde kopregel onder elkaar gelezen als één tabel: '2015', '2016', '2017' (468 rijen); de naam van het werkblad staat in de nieuwe kolom 'periode'"),
        "{nl}"
    );
    assert!(
        en.contains("the worksheet's name is in the new column 'periode'"),
        "{en}"
    );
    assert!(!nl.contains("niet gelezen"), "{nl}");
    assert!(
        ds.table
            .detected
            .summary()
            .contains("werkbladen '2015', '2016', '2017'"),
        "{}",
        ds.table.detected.summary()
    );
    assert_same_views(&base, &ds, VIEWS);

    // A sheet per subgroup: the column 'doelgroep'.
    let ds = load(
        "per-doelgroep.xlsx",
        &split_workbook(2, true, &|k| k.to_string()),
    );
    assert_eq!(ds.table.columns[0].name, "doelgroep");
    assert_same_views(&base, &ds, VIEWS);

    // A sheet per region (found by the workbook probe: only the first sheet was read): the
    // column 'arbeidsmarktregio'.
    let ds = load(
        "per-regio.xlsx",
        // (Excel's names have at most 31 characters and no '/': the region of Zwolle by its
        // short name, `Zaanstreek-Waterland`.)
        &split_workbook(0, true, &|k| match k {
            "IJsselvechtstreek (Regio Zwolle)" => "Regio Zwolle".to_string(),
            "Stedendriehoek en Noordwest-Veluwe" => "Stedendriehoek".to_string(),
            _ => k.replace('/', "-"),
        }),
    );
    assert_eq!(ds.table.columns[0].name, "arbeidsmarktregio");
    assert!(
        notes(&ds.table)
            .0
            .contains("de naam van het werkblad staat in de nieuwe kolom 'arbeidsmarktregio'"),
        "{:?}",
        ds.table.detected.notes
    );
    // (Three regions are named otherwise, so the views' numbers are compared without names.)
    for q in VIEWS {
        assert_eq!(
            all_numbers(&numbers(&base, q)),
            all_numbers(&numbers(&ds, q)),
            "{q}"
        );
    }

    // A sheet per year named otherwise, each with its own year in 'jaar': told apart by it.
    let ds = load(
        "bladen.xlsx",
        &split_workbook(1, false, &|k| format!("Blad {k}")),
    );
    assert!(
        notes(&ds.table)
            .0
            .contains("(468 rijen); ze verschillen in kolom 'jaar'"),
        "{:?}",
        ds.table.detected.notes
    );
    assert_eq!(ds.table.columns.len(), 5);
    assert_same_views(&base, &ds, VIEWS);

    // A row of a later sheet is named with its sheet: row 3 of sheet '2016'.
    let bytes = two_sheets(&["Achterhoek", "Twente", "Achterhoek"], None);
    assert_eq!(
        read_xlsx("d.xlsx", &bytes),
        read_xlsx_whole("d.xlsx", &bytes)
    );
    let t = read_xlsx("d.xlsx", &bytes).unwrap();
    assert_eq!(
        t.location(4, "aantal").to_string(),
        "d.xlsx, werkblad '2016', rij 3, kolom 'aantal'"
    );
    assert_eq!(t.row_shown(4), "3 in '2016'");
    assert_eq!(t.row_shown(1), "3 in '2015'");

    // A row set aside in each sheet (a source line below the table) is its row in its sheet,
    // with the sheet's name: the file's JSON held 2097158 for row 6 of '2016'.
    let bytes = two_sheets(&["Achterhoek", "Twente", "Drenthe"], Some("Bron: UWV"));
    let t = read_xlsx("b.xlsx", &bytes).unwrap();
    let set_aside: Vec<(usize, Option<&str>)> = t
        .detected
        .rejected
        .iter()
        .map(|r| (r.row, r.sheet.as_deref()))
        .collect();
    assert_eq!(set_aside, [(6, Some("2015")), (6, Some("2016"))]);
    assert!(
        t.detected.summary().contains("rij 6 in '2016'"),
        "{}",
        t.detected.summary()
    );
}

#[test]
fn worksheets_with_the_same_rows_are_not_stacked() {
    // A copy of the table on a second sheet: stacking would count every row twice.
    let mut wb = Workbook::new();
    for name in ["Gegevens", "Kopie"] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        write_long(ws, 0, &long_rows(), None);
    }
    let ds = load("kopie.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(ds.table.len(), 468);
    assert!(
        notes(&ds.table)
            .0
            .contains("Alleen werkblad 'Gegevens' gelezen; niet gelezen: 'Kopie'"),
        "{:?}",
        ds.table.detected.notes
    );
    assert_same_views(&long_csv(), &ds, VIEWS);
    // Sheets named by years that hold the years themselves, all of them: not stacked either.
    let mut wb = Workbook::new();
    for name in ["2016", "2017"] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        write_long(ws, 0, &long_rows(), None);
    }
    let ds = load("jaren.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(ds.table.len(), 468);
}

/// A sheet per year stacked into one table, beside a sheet of explanations: the note on the
/// sheets not read said "Alleen werkblad '2017' gelezen", against the note above it that three
/// were. It now names the sheets read.
#[test]
fn the_sheets_not_read_are_named_beside_the_sheets_stacked() {
    let mut wb = Workbook::new();
    for (year, persons) in [
        ("2017", [10.0, 20.0]),
        ("2018", [11.0, 21.0]),
        ("2019", [12.0, 22.0]),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(year).unwrap();
        ws.write_string(0, 0, "subgroep").unwrap();
        ws.write_string(0, 1, "personen").unwrap();
        for (i, (g, n)) in ["Wajong", "Wsw"].iter().zip(persons).enumerate() {
            ws.write_string(1 + i as u32, 0, *g).unwrap();
            ws.write_number(1 + i as u32, 1, n).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("Toelichting").unwrap();
    ws.write_string(0, 0, "Bron: UWV").unwrap();
    let ds = Dataset::load("bladen.xlsx", &wb.save_to_buffer().unwrap()).unwrap();
    assert_eq!(ds.table.len(), 6);
    let (nl, en) = notes(&ds.table);
    assert!(
        nl.contains("Werkbladen '2017', '2018', '2019' gelezen; niet gelezen: 'Toelichting'"),
        "{nl}"
    );
    assert!(!nl.contains("Alleen werkblad"), "{nl}");
    assert!(
        en.contains("Worksheets '2017', '2018', '2019' read; not read: 'Toelichting'"),
        "{en}"
    );
}
