//! The same tidy table (the page's made-up warm-up file: municipality, region, quarter, subgroup,
//! age band, sex, counts) in the formats and encodings analysts send, each built here from the
//! CSV as `scripts/bench/formats.mjs` builds its large files: a `;`-separated Windows-1252 export
//! with CRLF, quoted names, thousands separators and decimal commas; Excel's "Unicode text"
//! (UTF-16LE with BOM, tabs); JSON records, JSON Lines and JSON with numbers as strings; a
//! workbook. Every variant must give exactly the views of the CSV.

use banenverkenner::render::{render_query, Dataset};
use banenverkenner::table::Value;

const VIEWS: [&str; 3] = [
    "view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio",
    "view=bars&x=arbeidsmarktregio&y=werkzaam",
    "view=line&x=kwartaal&y=werkzaam&per=personen&series=subgroep",
];

/// The header and every fifth row of the small warm-up file (all regions, quarters and subgroups).
fn tidy() -> (Vec<String>, Vec<Vec<String>>) {
    let text = String::from_utf8(banenverkenner::warm::file_of(
        banenverkenner::warm::MUNICIPALITIES_ASIDE,
    ))
    .unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap().split(';').map(String::from).collect();
    let rows = lines
        .step_by(5)
        .map(|l| l.split(';').map(String::from).collect())
        .collect();
    (header, rows)
}

fn csv_plain() -> Vec<u8> {
    let (header, rows) = tidy();
    let mut s = header.join(",") + "\n";
    for r in &rows {
        s += &(r.join(",") + "\n");
    }
    s.into_bytes()
}

/// The municipality's name as the Dutch export spells it: brackets (quoted) and a letter beyond
/// ASCII for some.
fn export_name(g: &str) -> String {
    let n: usize = g.trim_start_matches("Gemeente ").parse().unwrap();
    match n % 3 {
        0 => format!("{g} (L.)"),
        1 => format!("{g} Fryslân"),
        _ => g.to_string(),
    }
}

/// `1234567` as `1.234.567`.
fn dutch_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `;`, Windows-1252, CRLF, names with brackets quoted, two extra columns: a population with
/// thousands separators (`12.345`) and the share working with a decimal comma (`45,3`).
fn excel_nl() -> Vec<u8> {
    let (header, rows) = tidy();
    let mut s = header.join(";") + ";inwoners;aandeel_werkzaam\r\n";
    for (i, r) in rows.iter().enumerate() {
        let name = export_name(&r[0]);
        let name = if name.contains('(') {
            format!("\"{name}\"")
        } else {
            name
        };
        let inwoners = 10_000 + 1_037 * i;
        let (p, w): (f64, f64) = (r[6].parse().unwrap(), r[7].parse().unwrap());
        let share = format!("{:.1}", 100.0 * w / p).replace('.', ",");
        let grouped = dutch_thousands(inwoners);
        s += &format!("{name};{};{grouped};{share}\r\n", r[1..].join(";"));
    }
    // Every character here is in Latin-1, which Windows-1252 agrees with.
    s.chars().map(|c| u8::try_from(c as u32).unwrap()).collect()
}

/// Excel's "Unicode text": UTF-16LE with BOM, tab-separated, CRLF.
fn unicode_text() -> Vec<u8> {
    let (header, rows) = tidy();
    let mut s = header.join("\t") + "\r\n";
    for r in &rows {
        s += &(r.join("\t") + "\r\n");
    }
    let mut out = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

/// Records as pandas writes them (`orient='records'`), in one array or one a line; numbers as
/// numbers or as strings.
fn json(lines: bool, strings: bool) -> Vec<u8> {
    let (header, rows) = tidy();
    let records: Vec<String> = rows
        .iter()
        .map(|r| {
            let fields: Vec<String> = header
                .iter()
                .zip(r)
                .enumerate()
                .map(|(j, (h, v))| {
                    let v = if j >= 6 && !strings {
                        v.clone()
                    } else {
                        format!("\"{v}\"")
                    };
                    format!("\"{h}\":{v}")
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    if lines {
        (records.join("\n") + "\n").into_bytes()
    } else {
        format!("[{}]", records.join(",")).into_bytes()
    }
}

fn workbook() -> Vec<u8> {
    let (header, rows) = tidy();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (j, h) in header.iter().enumerate() {
        ws.write_string(0, j as u16, h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        for (j, v) in r.iter().enumerate() {
            let (row, col) = (1 + i as u32, j as u16);
            if j >= 6 {
                ws.write_number(row, col, v.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                ws.write_string(row, col, v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every view of `ds` gives the numbers of the CSV's (its series; the notes and roles name the
/// columns a variant has beyond the CSV's).
fn assert_same_views(base: &Dataset, ds: &Dataset, name: &str) {
    assert_eq!(ds.table.len(), base.table.len(), "{name}: rows");
    for v in VIEWS {
        let (a, b) = (render_query(base, v).unwrap(), render_query(ds, v).unwrap());
        let numbers = |d: &serde_json::Value| {
            let mut d = d.clone();
            for k in ["aggregated", "notes", "roles"] {
                d.as_object_mut().unwrap().remove(k);
            }
            d
        };
        assert!(
            a.data["series"].as_array().is_some_and(|s| !s.is_empty()),
            "{v}"
        );
        assert_eq!(numbers(&a.data), numbers(&b.data), "{name}: {v}");
    }
}

#[test]
fn every_format_gives_the_views_of_the_csv() {
    let base = load("tidy.csv", &csv_plain());
    assert!(base.table.len() > 4000, "{}", base.table.len());
    let variants: [(&str, Vec<u8>, &str, Option<&str>); 6] = [
        ("export.csv", excel_nl(), "csv", Some("Windows-1252")),
        ("unicode.txt", unicode_text(), "csv", Some("UTF-16")),
        ("records.json", json(false, false), "json", Some("UTF-8")),
        ("lines.jsonl", json(true, false), "jsonl", Some("UTF-8")),
        ("strings.json", json(false, true), "json", Some("UTF-8")),
        ("sheet.xlsx", workbook(), "xlsx", None),
    ];
    for (name, bytes, format, encoding) in variants {
        let ds = load(name, &bytes);
        let t = &ds.table.detected;
        assert_eq!(t.format, format, "{name}");
        if let Some(e) = encoding {
            assert_eq!(t.encoding.as_deref(), Some(e), "{name}");
        }
        assert!(t.rejected.is_empty(), "{name}: {:?}", t.rejected);
        assert_same_views(&base, &ds, name);
    }
}

#[test]
fn the_dutch_export_reads_its_names_separators_and_decimal_commas() {
    let ds = load("export.csv", &excel_nl());
    let t = &ds.table.detected;
    assert_eq!(t.delimiter.as_deref(), Some(";"));
    assert_eq!(t.decimal.as_deref(), Some(","));
    let (_, rows) = tidy();
    let names = ds.table.column("gemeente").unwrap().values();
    let inwoners = ds.table.column("inwoners").unwrap().values();
    let share = ds.table.column("aandeel_werkzaam").unwrap().values();
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(names[i], Value::Text(export_name(&r[0])), "row {i}");
        assert_eq!(inwoners[i], Value::Number((10_000 + 1_037 * i) as f64));
        let (p, w): (f64, f64) = (r[6].parse().unwrap(), r[7].parse().unwrap());
        let want: f64 = format!("{:.1}", 100.0 * w / p).parse().unwrap();
        assert_eq!(share[i], Value::Number(want), "row {i}");
    }
}

#[test]
fn numbers_as_strings_are_numbers() {
    let ds = load("strings.json", &json(false, true));
    let (_, rows) = tidy();
    let werkzaam = ds.table.column("werkzaam").unwrap().values();
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(werkzaam[i], Value::Number(r[7].parse().unwrap()), "row {i}");
    }
}
