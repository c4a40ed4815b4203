//! The same regional data in the files people actually have: the shared CSV, a `;`-separated
//! Windows-1252 export with decimal commas and Dutch headers, a tab-separated file without the
//! national rows, an `.xlsx` workbook with a title row, and JSON records. Each must give the same
//! regional data and the same scatter numbers; bad files must give errors naming file, row and
//! column. All files are generated here from the embedded CSV.

use banenverkenner::compute::regional::{Count, RegionalData};
use banenverkenner::error::ErrorKind;
use banenverkenner::render::{render_query, Dataset};
use banenverkenner::table::{self, Cell, Value};
use banenverkenner::{Error, DEFAULT_DATA};

const SCATTER: &str = "view=scatter&subgroup=total&from=2015&to=2017";

/// The shared CSV as header + rows of text.
fn shared() -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(DEFAULT_DATA);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// Dutch headers as a spreadsheet export writes them: capitals, spaces, brackets.
fn dutch_header(canonical: &str) -> &'static str {
    match canonical {
        "region" => "Arbeidsmarktregio",
        "region_id" => "Regiocode",
        "row_type" => "Soort rij",
        "region_area" => "Gebied",
        "region_group" => "Groep",
        "year" => "Jaar",
        "register_persons_corrected" => "Personen doelgroepregister gecorrigeerd",
        "register_persons_uncorrected" => "Personen in het doelgroepregister (niet gecorrigeerd)",
        "register_wajong_corrected" => "Doelgroepregister Wajong (gecorrigeerd)",
        "register_wajong_uncorrected" => "Doelgroepregister Wajong",
        "register_wsw" => "Doelgroepregister WSW",
        "register_participatiewet" => "Doelgroepregister Participatiewet",
        "register_pw_praktijkroute" => "Doelgroepregister Praktijkroute",
        "workers_total" => "Werkzame personen",
        "workers_wajong" => "Werkzame personen (Wajong)",
        "workers_wsw" => "Werkzame personen (WSW)",
        "workers_participatiewet" => "Werkzame personen (Participatiewet)",
        "workers_pw_praktijkroute" => "Aantal werkzaam Praktijkroute",
        "workers_pw_other" => "Werkzame personen Participatiewet, overig",
        "jobs" => "Banen",
        "werkkamer_indication" => "Indicatie Werkkamer",
        "open_vacancies" => "Openstaande vacatures",
        "new_vacancies" => "Ontstane vacatures",
        other => panic!("no Dutch header for {other}"),
    }
}

/// `4099` -> `4.099`, as Dutch Excel writes counts.
fn dutch_thousands(s: &str) -> String {
    let n = s.len();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn encode_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '’' => 0x92,
            '€' => 0x80,
            c if (c as u32) < 0x100 => c as u8,
            c => panic!("{c} not in Windows-1252"),
        })
        .collect()
}

const SUPPRESSED: [&str; 4] = [".", "x", "-", ""];

/// A `;`-separated Windows-1252 export with CRLF, decimal commas, `.` thousands, Dutch headers,
/// CBS symbols for empty cells, a title above and notes below the table, quoted text.
fn dutch_export() -> Vec<u8> {
    let (header, rows) = shared();
    let (reg, wrk) = (
        col(&header, "register_persons_corrected"),
        col(&header, "workers_total"),
    );
    let mut lines = vec![
        "Tabel B.1 Regionale gegevens banenafspraak, 2015-2017".to_string(),
        String::new(),
    ];
    let mut h: Vec<String> = header.iter().map(|c| dutch_header(c).to_string()).collect();
    h.push("Aandeel werkzaam (%)".into());
    lines.push(h.join(";"));
    let mut k = 0;
    for row in &rows {
        let mut cells: Vec<String> = Vec::new();
        for (j, v) in row.iter().enumerate() {
            let name = header[j].as_str();
            cells.push(if v.is_empty() {
                k += 1;
                SUPPRESSED[k % 4].to_string()
            } else if name == "row_type" {
                match v.as_str() {
                    "region" => "regio",
                    "national" => "landelijk",
                    _ => "onbekend",
                }
                .to_string()
            } else if name == "year" || !v.bytes().all(|b| b.is_ascii_digit()) {
                format!("\"{v}\"")
            } else {
                dutch_thousands(v)
            });
        }
        let share = match (row[reg].parse::<f64>(), row[wrk].parse::<f64>()) {
            (Ok(r), Ok(w)) => format!("{:.2}", w / r * 100.0).replace('.', ","),
            _ => "x".into(),
        };
        cells.push(share);
        lines.push(cells.join(";"));
    }
    lines.push(String::new());
    lines.push("Bron: UWV, bewerking SZW".into());
    lines.push("x = geheim of niet van toepassing".into());
    encode_1252(&(lines.join("\r\n") + "\r\n"))
}

/// Tab-separated UTF-8 with BOM, English headers, without the national rows.
fn tab_without_national() -> Vec<u8> {
    let (header, rows) = shared();
    let rt = col(&header, "row_type");
    let mut s = String::from("\u{feff}");
    s.push_str(&header.join("\t"));
    s.push('\n');
    for row in rows.iter().filter(|r| r[rt] != "national") {
        s.push_str(&row.join("\t"));
        s.push('\n');
    }
    s.into_bytes()
}

/// A workbook whose first sheet is an explanation, the second the table under a title, with a
/// note below it. Numbers are numbers; some empty cells carry CBS symbols as text.
fn workbook() -> Vec<u8> {
    let (header, rows) = shared();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("Toelichting").unwrap();
    info.write_string(0, 0, "Deze werkmap bevat de regionale gegevens.")
        .unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Gegevens").unwrap();
    ws.write_string(0, 0, "Tabel B.1 Regionale gegevens banenafspraak 2015-2017")
        .unwrap();
    for (j, h) in header.iter().enumerate() {
        ws.write_string(2, j as u16, h).unwrap();
    }
    let mut k = 0;
    for (i, row) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        for (j, v) in row.iter().enumerate() {
            let c = j as u16;
            if v.is_empty() {
                k += 1;
                if k % 3 == 0 {
                    ws.write_string(r, c, ["x", ".", "-"][k % 9 / 3]).unwrap();
                }
            } else if let (true, Ok(n)) = (header[j] != "region_id", v.parse::<f64>()) {
                ws.write_number(r, c, n).unwrap();
            } else {
                ws.write_string(r, c, v).unwrap();
            }
        }
    }
    ws.write_string(4 + rows.len() as u32, 0, "Bron: UWV")
        .unwrap();
    wb.save_to_buffer().unwrap()
}

/// JSON records in the shared CSV's key order; numbers as numbers, empty as null.
fn json_records() -> Vec<u8> {
    let (header, rows) = shared();
    let mut s = String::from("[\n");
    for (i, row) in rows.iter().enumerate() {
        let fields: Vec<String> = header
            .iter()
            .zip(row)
            .map(|(h, v)| {
                let value = if v.is_empty() {
                    "null".to_string()
                } else if h != "region_id" && v.parse::<f64>().is_ok() {
                    v.clone()
                } else {
                    serde_json::to_string(v).unwrap()
                };
                format!("{}: {value}", serde_json::to_string(h).unwrap())
            })
            .collect();
        s.push_str(&format!("  {{{}}}", fields.join(", ")));
        s.push_str(if i + 1 < rows.len() { ",\n" } else { "\n" });
    }
    s.push(']');
    s.into_bytes()
}

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn regional(ds: &Dataset) -> &RegionalData {
    ds.regional.as_ref().expect("regional data")
}

fn r2(ds: &Dataset) -> f64 {
    render_query(ds, SCATTER).unwrap().data["r2"]
        .as_f64()
        .unwrap()
}

fn assert_same_regional(a: &RegionalData, b: &RegionalData, name: &str) {
    assert_eq!(a.regions, b.regions, "{name}: regions");
    assert_eq!(a.years, b.years, "{name}: years");
    assert_eq!(a.present, b.present, "{name}: count columns");
    assert_eq!(a.data, b.data, "{name}: counts per region and year");
    assert_eq!(a.other_rows, b.other_rows, "{name}: unknown-region rows");
}

#[test]
fn shared_csv_reads_as_published() {
    let ds = load("regions.csv", DEFAULT_DATA);
    let d = regional(&ds);
    assert_eq!(d.regions.len(), 35);
    assert_eq!(d.data.len(), 105);
    assert!(d.national_from_file);
    assert_eq!(ds.table.detected.format, "csv");
    assert!(ds.table.detected.rejected.is_empty());
    assert!((r2(&ds) - 0.30825).abs() < 5e-5, "{}", r2(&ds));
}

#[test]
fn dutch_windows_1252_export_gives_the_same_data() {
    let base = load("regions.csv", DEFAULT_DATA);
    let ds = load("export.csv", &dutch_export());
    let t = &ds.table.detected;
    assert_eq!(t.encoding.as_deref(), Some("Windows-1252"));
    assert_eq!(t.delimiter.as_deref(), Some(";"));
    assert_eq!(t.decimal.as_deref(), Some(","));
    assert_eq!(t.header_row, 3);
    assert_eq!(t.rows, 110);
    assert!(
        t.notes.iter().any(|n| n.contains("rij 1 'Tabel B.1")),
        "{:?}",
        t.notes
    );
    let rejected: Vec<(usize, &str)> = t
        .rejected
        .iter()
        .map(|r| (r.row, r.reason.as_str()))
        .collect();
    let below = "toelichting onder de tabel";
    assert_eq!(rejected, [(115, below), (116, below)]);
    assert!(
        t.summary().contains("2 rijen niet gebruikt"),
        "{}",
        t.summary()
    );
    assert!(t.summary().contains("Bron: UWV"), "{}", t.summary());
    // The typographic apostrophe survives Windows-1252; the extra share column is kept.
    let group = ds.table.column("Groep").unwrap();
    assert_eq!(group.values()[0], Value::Text("Grensregio’s".into()));
    let share = ds.table.column("Aandeel werkzaam (%)").unwrap();
    assert_eq!(share.values()[0], Value::Number(56.89));
    let d = regional(&ds);
    assert_same_regional(regional(&base), d, "Dutch export");
    assert_eq!(regional(&base).national, d.national);
    assert!(d.notes.iter().any(|n| n.contains("Aandeel werkzaam (%)")));
    assert_eq!(
        render_query(&base, SCATTER).unwrap().data,
        render_query(&ds, SCATTER).unwrap().data
    );
}

#[test]
fn tab_file_without_national_rows_sums_the_regions() {
    let base = load("regions.csv", DEFAULT_DATA);
    let ds = load("regions.tsv", &tab_without_national());
    assert_eq!(ds.table.detected.delimiter.as_deref(), Some("\t"));
    assert_eq!(ds.table.detected.encoding.as_deref(), Some("UTF-8 met BOM"));
    let (b, d) = (regional(&base), regional(&ds));
    assert_same_regional(b, d, "tab file");
    assert!(!d.national_from_file);
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("Geen landelijke rij in het bestand")
                && n.contains("som van de regio's")),
        "{:?}",
        d.notes
    );
    // The report's national jobs for 2017 are 386 more than the sum of the regions.
    assert_eq!(b.national(2017, Count::Jobs), Some(112147.0));
    assert_eq!(d.national(2017, Count::Jobs), Some(111761.0));
    // Counts that are region sums in the report are the same either way.
    for y in [2015, 2016, 2017] {
        for c in [
            Count::RegisterPersonsCorrected,
            Count::WorkersTotal,
            Count::WorkersWajong,
            Count::WorkersWsw,
            Count::WorkersParticipatiewet,
            Count::RegisterWajongCorrected,
            Count::RegisterWsw,
            Count::RegisterParticipatiewet,
        ] {
            assert_eq!(b.national(y, c), d.national(y, c), "{c:?} {y}");
        }
    }
    assert!((r2(&ds) - 0.30825).abs() < 5e-5);
    assert_eq!(
        render_query(&base, SCATTER).unwrap().data,
        render_query(&ds, SCATTER).unwrap().data
    );
}

#[test]
fn workbook_with_title_row_gives_the_same_data() {
    let base = load("regions.csv", DEFAULT_DATA);
    let ds = load("regions.xlsx", &workbook());
    let t = &ds.table.detected;
    assert_eq!(t.format, "xlsx");
    assert_eq!(t.sheet.as_deref(), Some("Gegevens"));
    assert_eq!(t.header_row, 3);
    assert_eq!(ds.table.row_number(0), Some(4));
    assert!(
        t.notes.iter().any(|n| n.contains("'Toelichting'")),
        "{:?}",
        t.notes
    );
    assert!(
        t.notes.iter().any(|n| n.contains("rij 1 'Tabel B.1")),
        "{:?}",
        t.notes
    );
    let rejected: Vec<(usize, &str)> = t
        .rejected
        .iter()
        .map(|r| (r.row, r.content.as_str()))
        .collect();
    assert_eq!(rejected, [(115, "Bron: UWV")]);
    assert_same_regional(regional(&base), regional(&ds), "workbook");
    assert_eq!(regional(&base).national, regional(&ds).national);
    assert_eq!(
        render_query(&base, SCATTER).unwrap().data,
        render_query(&ds, SCATTER).unwrap().data
    );
}

#[test]
fn workbook_cells_agree_with_calamine() {
    use calamine::{Data, Reader};
    let bytes = workbook();
    let t = table::load("regions.xlsx", &bytes).unwrap();
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let range = wb.worksheet_range("Gegevens").unwrap();
    let (row0, col0) = range.start().unwrap();
    let mut numbers = 0;
    for (i, row) in t.row_numbers.iter().enumerate() {
        let row = row as u32;
        for (j, column) in t.columns.iter().enumerate() {
            let cell = range.get_value((row - 1, col0 + j as u32));
            let ours = &column.get(i).to_value();
            match cell {
                Some(Data::Float(f)) => {
                    assert_eq!(ours, &Value::Number(*f), "row {row} col {j}");
                    numbers += 1;
                }
                Some(Data::String(s)) if s != "x" && s != "." && s != "-" => {
                    assert_eq!(
                        ours.as_text().as_deref(),
                        Some(s.as_str()),
                        "row {row} col {j}"
                    )
                }
                _ => assert_eq!(ours, &Value::Missing, "row {row} col {j}"),
            }
        }
    }
    assert_eq!(row0, 0);
    assert!(numbers > 1000, "{numbers}");
}

#[test]
fn json_records_give_the_same_data() {
    let base = load("regions.csv", DEFAULT_DATA);
    let ds = load("regions.json", &json_records());
    let t = &ds.table.detected;
    assert_eq!(t.format, "json");
    assert_eq!(t.rows, 110);
    let names: Vec<&str> = ds.table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        shared().0.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_same_regional(regional(&base), regional(&ds), "JSON");
    assert_eq!(regional(&base).national, regional(&ds).national);
    assert_eq!(
        render_query(&base, SCATTER).unwrap().data,
        render_query(&ds, SCATTER).unwrap().data
    );
}

// ---------- errors name file, row and column ----------

fn err(name: &str, bytes: &[u8]) -> Error {
    match Dataset::load(name, bytes) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e,
    }
}

fn at(e: &Error) -> (String, Option<usize>, Option<String>) {
    let l = e.location.clone().expect("a location");
    (l.file, l.row.map(|r| r as usize), l.column)
}

/// Replaces one cell of the Dutch export (data row `i`, column `header`).
fn dutch_with(i: usize, header: &str, value: &str) -> Vec<u8> {
    let text: String = dutch_export().iter().map(|&b| b as char).collect();
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    let j = lines[2].split(';').position(|h| h == header).unwrap();
    let mut cells: Vec<String> = lines[3 + i].split(';').map(str::to_string).collect();
    cells[j] = value.to_string();
    lines[3 + i] = cells.join(";");
    lines.join("\r\n").chars().map(|c| c as u8).collect()
}

#[test]
fn text_in_a_count_column() {
    let e = err(
        "export.csv",
        &dutch_with(4, "Werkzame personen (Wajong)", "veel"),
    );
    assert_eq!(e.kind, ErrorKind::BadValue);
    // Title, blank line and header come first: data row 4 (0-based) is line 8.
    assert_eq!(
        at(&e),
        (
            "export.csv".into(),
            Some(8),
            Some("Werkzame personen (Wajong)".into())
        )
    );
    assert!(e
        .to_string()
        .contains("export.csv, rij 8, kolom 'Werkzame personen (Wajong)'"));

    let json = String::from_utf8(json_records()).unwrap().replacen(
        "\"workers_total\": 2332",
        "\"workers_total\": \"veel\"",
        1,
    );
    let e = err("regions.json", json.as_bytes());
    assert_eq!(
        at(&e),
        ("regions.json".into(), Some(1), Some("workers_total".into()))
    );
    assert!(e.to_string().contains("record 1"), "{e}");
}

#[test]
fn text_in_a_count_column_of_a_workbook_names_the_excel_row() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Titel").unwrap();
    for (j, h) in [
        "regio",
        "jaar",
        "register_persons_corrected",
        "workers_total",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, j as u16, *h).unwrap();
    }
    ws.write_string(2, 0, "A").unwrap();
    ws.write_number(2, 1, 2015).unwrap();
    ws.write_number(2, 2, 10).unwrap();
    ws.write_number(2, 3, 5).unwrap();
    ws.write_string(3, 0, "B").unwrap();
    ws.write_number(3, 1, 2015).unwrap();
    ws.write_number(3, 2, 10).unwrap();
    ws.write_string(3, 3, "#N/A").unwrap();
    let e = err("w.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(e.kind, ErrorKind::BadValue);
    assert_eq!(
        at(&e),
        ("w.xlsx".into(), Some(4), Some("workers_total".into()))
    );
}

#[test]
fn duplicate_region_year() {
    let (header, rows) = shared();
    let mut s = header.join(",") + "\n";
    for r in rows.iter().take(3).chain(rows.iter().take(1)) {
        s.push_str(&csv_line(r));
    }
    let e = err("dup.csv", s.as_bytes());
    assert_eq!(e.kind, ErrorKind::Duplicate);
    assert_eq!(at(&e), ("dup.csv".into(), Some(5), Some("region".into())));
    assert!(e.message.contains("ook op rij 2"), "{}", e.message);
}

fn csv_line(r: &[String]) -> String {
    r.iter()
        .map(|v| {
            if v.contains(',') {
                format!("\"{v}\"")
            } else {
                v.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
}

#[test]
fn missing_required_column_offers_the_mapping_step() {
    let bytes = dutch_export();
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let renamed = text.replacen("Werkzame personen;", "Kolom W;", 1);
    let bytes: Vec<u8> = renamed.chars().map(|c| c as u8).collect();
    let ds = load("export.csv", &bytes);
    let e = ds.regional_error.clone().expect("an error");
    assert_eq!(e.kind, ErrorKind::MissingColumn);
    assert_eq!(
        at(&e),
        ("export.csv".into(), None, Some("workers_total".into()))
    );
    let info = ds.info();
    let p = info.mapping.expect("a mapping proposal");
    assert_eq!(p.required_missing, ["workers_total"]);
    assert!(p.unmatched_headers.contains(&"Kolom W".to_string()));
    // The page's mapping step: the user says which column holds the working persons.
    let mapped = Dataset::with_mapping(ds.table.clone(), &[("Kolom W", "workers_total")]).unwrap();
    assert!((r2(&mapped) - 0.30825).abs() < 5e-5);
}

#[test]
fn no_rows() {
    let (header, _) = shared();
    let e = err("leeg.csv", (header.join(";") + "\n").as_bytes());
    assert_eq!(e.kind, ErrorKind::NoRows);
    assert_eq!(at(&e).0, "leeg.csv");
    let e = err("leeg.json", b"[]");
    assert_eq!(e.kind, ErrorKind::NoRows);
    let e = err("leeg.csv", b"");
    assert_eq!(e.kind, ErrorKind::NoRows);
}

#[test]
fn ragged_row() {
    // A decimal comma in a comma-separated file splits a number into two cells.
    let s = "region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,12,5,3\n";
    let e = err("r.csv", s.as_bytes());
    assert_eq!(e.kind, ErrorKind::Parse);
    assert_eq!(at(&e), ("r.csv".into(), Some(3), Some("kolom 5".into())));
    assert!(e.message.contains("decimaalteken"), "{}", e.message);
}

#[test]
fn bad_and_unsupported_files() {
    let mut broken = workbook();
    broken.truncate(broken.len() / 2);
    let e = err("kapot.xlsx", &broken);
    assert_eq!(e.kind, ErrorKind::Parse);
    assert_eq!(at(&e).0, "kapot.xlsx");
    assert!(e.message.contains("Excel"), "{}", e.message);

    let e = err(
        "oud.xls",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    );
    assert!(e.message.contains(".xlsx"), "{}", e.message);
    let e = err("plaatje.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(e.message.contains("geen tabel"), "{}", e.message);
    // A workbook's name on bytes that are no text: the workbook's message (a CSV file under
    // that name is read as CSV, see tests/left_over.rs).
    let e = err("geen.xlsx", b"PK\x01\x02\0\0\x07\x08\0\0\0\0\x01\x02");
    assert!(
        e.message.contains("geen geldige Excel-werkmap") || e.message.contains("geen tekst"),
        "{}",
        e.message
    );
}

#[test]
fn cbs_symbols_are_missing_never_zero() {
    let ds = load("export.csv", &dutch_export());
    let d = regional(&ds);
    // Achterhoek has no jobs for 2015 and no Praktijkroute before 2017: missing, not 0.
    assert_eq!(d.get("Achterhoek", 2015, Count::Jobs), None);
    assert_eq!(
        d.get("Achterhoek", 2016, Count::WorkersPwPraktijkroute),
        None
    );
    assert_eq!(
        d.get("Achterhoek", 2017, Count::WorkersPwPraktijkroute),
        Some(63.0)
    );
}

#[test]
fn workbook_table_set_in_from_the_left_after_a_hidden_sheet() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let hidden = wb.add_worksheet();
    hidden.set_name("Verborgen").unwrap();
    for (j, h) in ["a", "b", "c"].iter().enumerate() {
        hidden.write_string(0, j as u16, *h).unwrap();
        hidden.write_number(1, j as u16, 1).unwrap();
    }
    hidden.set_hidden(true);
    let ws = wb.add_worksheet();
    ws.set_name("Blad2").unwrap();
    ws.set_active(true);
    ws.write_string(0, 0, "Titel in A1").unwrap();
    let header = ["Regio", "Jaar", "", "Werkzame personen"];
    for (j, h) in header.iter().enumerate() {
        if !h.is_empty() {
            ws.write_string(2, 1 + j as u16, *h).unwrap();
        }
    }
    ws.write_string(3, 1, "A").unwrap();
    ws.write_number(3, 2, 2015).unwrap();
    ws.write_string(3, 3, "opm").unwrap();
    ws.write_number(3, 4, 5).unwrap();
    let t = table::load("w.xlsx", &wb.save_to_buffer().unwrap()).unwrap();
    assert_eq!(t.detected.sheet.as_deref(), Some("Blad2"));
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Regio", "Jaar", "kolom_D", "Werkzame personen"]);
    // Named by its place, and said.
    assert!(
        t.detected.notes.contains(
            &"Zonder naam in de kopregel, hier genoemd naar hun plaats: 'kolom_D'.".to_string()
        ),
        "{:?}",
        t.detected.notes
    );
    assert_eq!(t.columns[3].values(), [Value::Number(5.0)]);
    assert_eq!(t.row_numbers, [4]);
}

/// Mangled workbooks, JSON and CSV give errors or tables, never a panic (a panic aborts the wasm).
#[test]
fn mangled_files_never_panic() {
    let mut seed: u32 = 2024;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    // Workbooks twice as often: their zip and XML readers are our own.
    let bases: [(&str, Vec<u8>); 5] = [
        ("f.xlsx", workbook()),
        ("f.json", json_records()),
        ("f.xlsx", workbook()),
        ("f.csv", dutch_export()),
        ("f.tsv", tab_without_national()),
    ];
    let mut loaded = 0;
    for i in 0..60 {
        let (name, base) = &bases[i % bases.len()];
        let mut bytes = base.clone();
        for _ in 0..1 + next() % 8 {
            let at = next() % bytes.len();
            bytes[at] = next() as u8;
        }
        if i % 5 == 0 {
            bytes.truncate(next() % bytes.len());
        }
        if let Ok(ds) = Dataset::load(name, &bytes) {
            loaded += 1;
            let _ = ds.info();
        }
    }
    // Some mangled text files still read (a changed digit is still a number).
    assert!(loaded > 0);
}

/// The files the Chromium end-to-end tests load through the page (`tests/fixtures/`), written by
/// `BV_WRITE_FIXTURES=1 cargo test --test loaders fixtures` and checked here to read as the
/// shared CSV does.
#[test]
fn fixtures_for_the_browser_tests_read_as_the_shared_csv() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    type Maker = fn() -> Vec<u8>;
    let files: [(&str, Maker); 4] = [
        ("regio-export-nl.csv", dutch_export),
        ("regio-zonder-landelijk.tsv", tab_without_national),
        ("regio-werkmap.xlsx", workbook),
        ("regio-records.json", json_records),
    ];
    if std::env::var_os("BV_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, make) in &files {
            std::fs::write(dir.join(name), make()).unwrap();
        }
    }
    let base = load("regions.csv", banenverkenner::DEFAULT_DATA);
    for (name, _) in &files {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ds = load(name, &bytes);
        assert_eq!(regional(&ds).regions, regional(&base).regions, "{name}");
        assert!((r2(&ds) - 0.30825).abs() < 5e-5, "{name}: R² {}", r2(&ds));
    }
}

#[test]
fn a_long_file_is_held_compactly_and_reads_back_the_same() {
    // A category of 3 values, one of 70,000 distinct texts (more than two bytes count), counts,
    // and a column of whole numbers until its last row.
    let mut s = String::from("regio,gemeente,n,p\n");
    for i in 0..70_000 {
        let p = if i == 69_999 {
            "0.5".to_string()
        } else {
            i.to_string()
        };
        s += &format!("R{},G{i},{i},{p}\n", i % 3);
    }
    let t = table::load("t.csv", s.as_bytes()).unwrap();
    let per_row: Vec<usize> = t.columns.iter().map(|c| c.bytes_per_row()).collect();
    assert_eq!(per_row, vec![2, 4, 4, 8]);
    assert!(!t.row_numbers.is_listed());
    assert_eq!(t.row_number(69_999), Some(70_001));
    assert_eq!(t.columns[0].get(69_998), Cell::Text("R2"));
    assert_eq!(t.columns[1].get(69_999), Cell::Text("G69999"));
    assert_eq!(t.columns[1].get(65_535), Cell::Text("G65535"));
    assert_eq!(t.columns[2].get(69_999), Cell::Number(69_999.0));
    assert_eq!(t.columns[3].get(69_998), Cell::Number(69_998.0));
    assert_eq!(t.columns[3].get(69_999), Cell::Number(0.5));
    // A blank line: the rows after it are one further down in the file.
    let gap = s.replacen("R1,G1,", "\nR1,G1,", 1);
    let t = table::load("t.csv", gap.as_bytes()).unwrap();
    assert!(t.row_numbers.is_listed());
    assert_eq!((t.row_number(0), t.row_number(1)), (Some(2), Some(4)));
    assert_eq!(t.row_number(69_999), Some(70_002));
}

/// A workbook with a sheet per year: the first is read, and the file line names the others.
#[test]
fn worksheets_after_the_one_read_are_stacked_when_told_apart_else_named() {
    let book = |years: [u32; 2]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (name, year) in ["2015-2016", "2017"].into_iter().zip(years) {
            let ws = wb.add_worksheet();
            ws.set_name(name).unwrap();
            for (j, h) in [
                "regio",
                "jaar",
                "personen doelgroepregister",
                "werkzame personen",
            ]
            .iter()
            .enumerate()
            {
                ws.write_string(0, j as u16, *h).unwrap();
            }
            ws.write_string(1, 0, "A").unwrap();
            ws.write_number(1, 1, year).unwrap();
            ws.write_number(1, 2, 10).unwrap();
            ws.write_number(1, 3, 5).unwrap();
        }
        banenverkenner::table::load("jaren.xlsx", &wb.save_to_buffer().unwrap()).unwrap()
    };
    // Another year on each sheet: one table of both.
    let t = book([2015, 2017]);
    assert_eq!(t.len(), 2);
    assert_eq!(t.detected.sheets, ["2015-2016", "2017"]);
    // The same year on both: the second is named, not read.
    let t = book([2015, 2015]);
    assert_eq!(t.len(), 1);
    assert_eq!(t.detected.sheet.as_deref(), Some("2015-2016"));
    assert!(
        t.detected
            .notes
            .iter()
            .any(|n| n.contains("niet gelezen: '2017'")),
        "{:?}",
        t.detected.notes
    );
}

#[test]
fn a_count_column_the_regional_views_do_not_use_is_named_in_the_file_line() {
    // The shared wide file with one more column of counts no regional view knows.
    let (header, rows) = shared();
    let line = |cells: &[String], extra: &str| format!("{},{extra}\n", csv_line(cells).trim_end());
    let mut text = line(&header, "aantal uitkeringen");
    for (i, r) in rows.iter().enumerate() {
        text.push_str(&line(r, &(100 + i).to_string()));
    }
    let original = load("regions.csv", DEFAULT_DATA);
    let ds = load("extra.csv", text.as_bytes());
    assert_same_regional(regional(&original), regional(&ds), "extra.csv");
    // The views' numbers as those of the published file.
    for view in ["scatter", "ranking", "trend", "basics", "profile", "map"] {
        let q = format!("view={view}");
        let (a, b) = (
            render_query(&original, &q).unwrap(),
            render_query(&ds, &q).unwrap(),
        );
        assert_eq!(a.data, b.data, "{view}");
    }
    // Named once, in the file line, in both languages (and not for the published file).
    let named = |notes: &[String], lead: &str| {
        notes
            .iter()
            .any(|n| n.starts_with(lead) && n.ends_with(", aantal uitkeringen"))
    };
    use banenverkenner::format::Lang;
    let nl = ds.info_in(Lang::Nl).notes;
    assert!(
        named(
            &nl,
            "Kolommen bewaard maar niet gebruikt in de regionale analyse: "
        ),
        "{nl:?}"
    );
    let en = ds.info_in(Lang::En).notes;
    assert!(
        named(&en, "Columns kept but not used in the regional analysis: "),
        "{en:?}"
    );
    let before = original.info_in(Lang::Nl).notes;
    assert!(!named(&before, "Kolommen bewaard"), "{before:?}");
}

/// A column without a name in the header (pandas writes its index so: `,regio,n`) is named by its
/// place and said in the file line's notes, in both languages.
#[test]
fn a_column_without_a_name_is_named_by_its_place_and_said() {
    let t = table::load("p.csv", b",regio,n\n0,A,1\n1,B,2\n").unwrap();
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["kolom_1", "regio", "n"]);
    assert_eq!(
        t.detected.notes,
        ["Zonder naam in de kopregel, hier genoemd naar hun plaats: 'kolom_1'."]
    );
    assert_eq!(
        t.detected.notes_en,
        ["Without a name in the header, named here by their place: 'kolom_1'."]
    );
    // Every column named: nothing said.
    let t = table::load("q.csv", b"i,regio,n\n0,A,1\n").unwrap();
    assert!(t.detected.notes.is_empty(), "{:?}", t.detected.notes);
}

/// A workbook with a stray cell thousands of columns to the right of its table (a remark typed
/// far off, or a cell reference the fuzzer mangled): the columns in between are kept, named by
/// their place, but each note lists ten of them and counts the rest, and the regional reading
/// gives the data of the table (it looked every such column up by name, once per column).
#[test]
fn workbook_with_a_cell_far_to_the_right() {
    let (header, rows) = shared();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (j, h) in header.iter().enumerate() {
        ws.write_string(0, j as u16, h).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            match (header[j] != "region_id", v.parse::<f64>()) {
                (true, Ok(n)) => ws.write_number(1 + i as u32, j as u16, n).unwrap(),
                _ => ws.write_string(1 + i as u32, j as u16, v).unwrap(),
            };
        }
    }
    ws.write_string(1, 6000, "opmerking").unwrap();
    let ds = load("ver.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(ds.table.columns.len(), 6001);
    let base = load("regions.csv", DEFAULT_DATA);
    assert_same_regional(regional(&base), regional(&ds), "ver.xlsx");
    let nameless = ds
        .table
        .detected
        .notes
        .iter()
        .find(|n| n.starts_with("Zonder naam in de kopregel"))
        .expect("the nameless columns are said");
    let more = 6001 - header.len() - 10;
    assert!(
        nameless.ends_with(&format!(" en nog {more}.")) && nameless.len() < 400,
        "{nameless}"
    );
    let unused = regional(&ds)
        .notes
        .iter()
        .find(|n| n.starts_with("Kolommen bewaard maar niet gebruikt"))
        .expect("the unused columns are said");
    assert!(
        unused.contains(" en nog ") && unused.len() < 400,
        "{unused}"
    );
}

/// Two readings of a file (the page's two workers) whose second half, read alone, would take
/// the other decimal separator: the first reading reads on alone, so `1.724` stays 1.724 and
/// `34.9` a number, as one reading gives (found by the csv fuzz target: the halves' rows were
/// taken over as read, `1.724` as 1724).
#[test]
fn two_readings_with_another_decimal_separator_in_the_second_half() {
    let data = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split-decimal.csv"),
    )
    .unwrap();
    let whole = table::csv::read_csv("f.csv", &data);
    let split = table::csv::read_csv_split("f.csv", &data, 2080, 1386);
    assert_eq!(table::fingerprint(&whole), table::fingerprint(&split));
}
