//! Tables with a header over two rows (a row of group names above the column names, as published
//! tables and pivot exports write them) and JSON Lines files. Every variant is built here from
//! the long regional file and must give exactly the scatter numbers of that file; files with a
//! title row, a blank row or numbers above the header, or an all-text first data row, must read
//! as before.

use banenverkenner::render::{render_query, Dataset};
use banenverkenner::table;

const LONG: &[u8] = include_bytes!("fixtures/regions_long.csv");

/// The long file as (region, year) rows with (persons, workers) per subgroup, in file order.
#[allow(clippy::type_complexity)]
fn wide() -> (Vec<String>, Vec<(String, String, Vec<(String, String)>)>) {
    let mut r = csv::Reader::from_reader(LONG);
    let mut groups: Vec<String> = Vec::new();
    let mut rows: Vec<(String, String, Vec<(String, String, String)>)> = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let (region, year, group) = (&rec[0], &rec[1], &rec[2]);
        if !groups.iter().any(|g| g == group) {
            groups.push(group.to_string());
        }
        let cell = (group.to_string(), rec[3].to_string(), rec[4].to_string());
        match rows.iter_mut().find(|(r, y, _)| r == region && y == year) {
            Some((_, _, cells)) => cells.push(cell),
            None => rows.push((region.to_string(), year.to_string(), vec![cell])),
        }
    }
    let rows = rows
        .into_iter()
        .map(|(r, y, cells)| {
            let per: Vec<(String, String)> = groups
                .iter()
                .map(|g| {
                    cells
                        .iter()
                        .find(|(c, _, _)| c == g)
                        .map(|(_, p, w)| (p.clone(), w.clone()))
                        .unwrap_or_default()
                })
                .collect();
            (r, y, per)
        })
        .collect();
    (groups, rows)
}

/// How the header of the wide table is written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Two {
    /// One row of combined names.
    One,
    /// A group row above the names, each group over the first column of its group.
    Groups,
    /// The identifier names in the top row (merged down over both rows), the groups beside
    /// them, the sub-names in the second row.
    Top,
    /// As `Top`, the identifier names written in both rows (merged cells filled when unmerged).
    TopFilled,
    /// The group name repeated over each of its columns.
    Repeated,
}

/// The wide table as `;`-separated CSV: `top` lines, then (when `two`) the group row over a
/// header of repeated names, or a header of combined names.
fn wide_csv(top: &str, two: bool) -> Vec<u8> {
    wide_csv_as(top, if two { Two::Groups } else { Two::One })
}

/// The wide table as `;`-separated CSV: `top` lines, then the header written as `two` says.
fn wide_csv_as(top: &str, two: Two) -> Vec<u8> {
    let (groups, rows) = wide();
    let mut s = top.to_string();
    let subs = vec!["personen;werkzaam"; groups.len()].join(";");
    if two == Two::Top || two == Two::TopFilled {
        s.push_str("arbeidsmarktregio;jaar;");
        s.push_str(
            &groups
                .iter()
                .map(|g| format!("{g};"))
                .collect::<Vec<_>>()
                .join(";"),
        );
        match two {
            Two::Top => s.push_str(&format!("\n;;{subs}")),
            _ => s.push_str(&format!("\narbeidsmarktregio;jaar;{subs}")),
        }
    } else if two == Two::Repeated {
        s.push_str(";;");
        s.push_str(
            &groups
                .iter()
                .map(|g| format!("{g};{g}"))
                .collect::<Vec<_>>()
                .join(";"),
        );
        s.push_str(&format!("\narbeidsmarktregio;jaar;{subs}"));
    } else if two == Two::Groups {
        s.push_str(";;");
        s.push_str(
            &groups
                .iter()
                .map(|g| format!("{g};"))
                .collect::<Vec<_>>()
                .join(";"),
        );
        s.push('\n');
        s.push_str("arbeidsmarktregio;jaar");
        for _ in &groups {
            s.push_str(";personen;werkzaam");
        }
    } else {
        s.push_str("arbeidsmarktregio;jaar");
        for g in &groups {
            s.push_str(&format!(";{g} personen;{g} werkzaam"));
        }
    }
    s.push('\n');
    for (r, y, per) in &rows {
        s.push_str(&format!("{r};{y}"));
        for (p, w) in per {
            s.push_str(&format!(";{p};{w}"));
        }
        s.push('\n');
    }
    s.into_bytes()
}

/// The wide table in a workbook: a title in A1, a blank row, the group row (merged cells over
/// each group, or the group name alone with blank cells right of it), the header, the rows;
/// the table set in by `margin` columns.
fn wide_xlsx(merged: bool, margin: u16) -> Vec<u8> {
    wide_xlsx_as(merged, margin, Two::Groups)
}

/// [`wide_xlsx`] with the header written as `two` says (`Top`: the identifier names merged
/// down over both header rows when `merged`, else in the top row above empty cells).
fn wide_xlsx_as(merged: bool, margin: u16, two: Two) -> Vec<u8> {
    let (groups, rows) = wide();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(
        0,
        0,
        "Tabel 4 Doelgroepregister en werkzame personen per doelgroep",
    )
    .unwrap();
    let f = rust_xlsxwriter::Format::new().set_bold();
    for (i, g) in groups.iter().enumerate() {
        let c = margin + 2 + 2 * i as u16;
        if two == Two::Repeated {
            ws.write_string(2, c, g).unwrap();
            ws.write_string(2, c + 1, g).unwrap();
        } else if merged {
            ws.merge_range(2, c, 2, c + 1, g, &f).unwrap();
        } else {
            ws.write_string(2, c, g).unwrap();
        }
        ws.write_string(3, c, "personen").unwrap();
        ws.write_string(3, c + 1, "werkzaam").unwrap();
    }
    for (k, id) in ["arbeidsmarktregio", "jaar"].into_iter().enumerate() {
        let c = margin + k as u16;
        match two {
            Two::Top if merged => ws.merge_range(2, c, 3, c, id, &f).map(|_| ()),
            Two::Top => ws.write_string(2, c, id).map(|_| ()),
            _ => ws.write_string(3, c, id).map(|_| ()),
        }
        .unwrap();
    }
    for (i, (r, y, per)) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_string(row, margin, r).unwrap();
        ws.write_number(row, margin + 1, y.parse::<f64>().unwrap())
            .unwrap();
        for (k, (p, w)) in per.iter().enumerate() {
            let c = margin + 2 + 2 * k as u16;
            for (d, v) in [(0, p), (1, w)] {
                if let Ok(n) = v.parse::<f64>() {
                    ws.write_number(row, c + d, n).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The scatter's numbers for every subgroup.
fn scatters(ds: &Dataset) -> Vec<serde_json::Value> {
    ["total", "wajong", "wsw", "participatiewet"]
        .iter()
        .map(|g| {
            let r =
                render_query(ds, &format!("view=scatter&subgroup={g}&from=2015&to=2017")).unwrap();
            assert!(r.changes.is_empty(), "{g}: {:?}", r.changes);
            r.data
        })
        .collect()
}

fn names(t: &table::Table) -> Vec<&str> {
    t.columns.iter().map(|c| c.name.as_str()).collect()
}

fn two_rows_note(t: &table::Table) -> Option<(String, String)> {
    let d = &t.detected;
    let i = d
        .notes
        .iter()
        .position(|n| n.starts_with("Kopregel over twee rijen samengenomen"))?;
    Some((d.notes[i].clone(), d.notes_en[i].clone()))
}

#[test]
fn a_csv_header_over_two_rows_gives_the_numbers_of_the_long_file() {
    let reference = scatters(&load("regions_long.csv", LONG));
    let one = load("een.csv", &wide_csv("", false));
    assert_eq!(scatters(&one), reference, "one-row header");
    assert_eq!(two_rows_note(&one.table), None);

    for (top, group_row) in [
        ("", 1),
        (
            "Tabel 4 Banenafspraak per arbeidsmarktregio;;;;\nBron: UWV\n\n",
            4,
        ),
    ] {
        let bytes = wide_csv(top, true);
        let ds = load("twee.csv", &bytes);
        assert_eq!(names(&ds.table), names(&one.table));
        assert_eq!(ds.table.detected.header_row, group_row + 1);
        let (nl, en) = two_rows_note(&ds.table).expect("note");
        assert!(
            nl.contains(&format!("(rij {group_row} en {})", group_row + 1))
                && nl.contains("'Totaal personen'"),
            "{nl}"
        );
        assert!(en.starts_with("Header over two rows combined"), "{en}");
        // The group row is no title row; the title rows above it still are.
        let titles = ds
            .table
            .detected
            .notes
            .iter()
            .find(|n| n.contains("titelregel"));
        match top {
            "" => assert_eq!(titles, None),
            _ => assert!(titles.unwrap().starts_with("2 titelregels"), "{titles:?}"),
        }
        assert_eq!(scatters(&ds), reference, "{top:?}");
        // Read in small pieces and on two threads: the same table.
        for piece in [7, 64, 1000] {
            let t = table::csv::read_csv_in_pieces("twee.csv", &bytes, piece).unwrap();
            assert_eq!(names(&t), names(&ds.table), "piece {piece}");
            assert_eq!(t.detected, ds.table.detected, "piece {piece}");
        }
        let t = table::csv::read_csv_in_pieces_on_two_threads("twee.csv", &bytes, 512).unwrap();
        assert_eq!(t.detected, ds.table.detected);
    }
}

#[test]
fn a_workbook_header_over_two_rows_gives_the_numbers_of_the_long_file() {
    let reference = scatters(&load("regions_long.csv", LONG));
    let one = load("een.csv", &wide_csv("", false));
    for (merged, margin) in [(true, 0), (false, 0), (true, 2)] {
        let bytes = wide_xlsx(merged, margin);
        let ds = load("twee.xlsx", &bytes);
        assert_eq!(names(&ds.table), names(&one.table), "merged {merged}");
        assert_eq!(ds.table.detected.header_row, 4);
        let (nl, _) = two_rows_note(&ds.table).expect("note");
        assert!(nl.contains("(rij 3 en 4)"), "{nl}");
        assert!(
            ds.table.detected.notes[0].starts_with("1 titelregel"),
            "{:?}",
            ds.table.detected.notes
        );
        assert_eq!(scatters(&ds), reference, "merged {merged}, margin {margin}");
        // The streamed reading and the whole grid agree.
        let whole = table::xlsx::read_xlsx_whole("twee.xlsx", &bytes).unwrap();
        assert_eq!(names(&whole), names(&ds.table));
        assert_eq!(whole.detected, ds.table.detected);
    }
}

#[test]
fn identifiers_named_in_the_top_row_or_groups_repeated_give_the_numbers_of_the_long_file() {
    let reference = scatters(&load("regions_long.csv", LONG));
    let one = load("een.csv", &wide_csv("", false));
    for two in [Two::Top, Two::TopFilled, Two::Repeated] {
        for (top, upper) in [
            ("", 1),
            (
                "Tabel 4 Banenafspraak per arbeidsmarktregio;;;;\nBron: UWV\n\n",
                4,
            ),
        ] {
            let bytes = wide_csv_as(top, two);
            let ds = load("twee.csv", &bytes);
            assert_eq!(names(&ds.table), names(&one.table), "{two:?} {top:?}");
            assert_eq!(ds.table.detected.header_row, upper + 1);
            let (nl, en) = two_rows_note(&ds.table).expect("note");
            assert!(
                nl.contains(&format!("(rij {upper} en {})", upper + 1))
                    && nl.contains("'Totaal personen'"),
                "{nl}"
            );
            assert!(en.starts_with("Header over two rows combined"), "{en}");
            match two {
                Two::Top => assert!(
                    nl.contains("'arbeidsmarktregio', 'jaar' op rij")
                        && en.contains("'arbeidsmarktregio', 'jaar' in row"),
                    "{nl} / {en}"
                ),
                Two::TopFilled => assert!(!nl.contains("'jaar'"), "{nl}"),
                _ => assert!(nl.contains("herhaald") && en.contains("repeated"), "{nl}"),
            }
            // Nothing else said: no rows rejected, no short rows.
            assert!(ds.table.detected.rejected.is_empty());
            assert_eq!(
                ds.table.detected.notes.len(),
                if top.is_empty() { 1 } else { 2 },
                "{:?}",
                ds.table.detected.notes
            );
            assert_eq!(ds.table.len(), one.table.len());
            assert_eq!(scatters(&ds), reference, "{two:?} {top:?}");
            // In small pieces (the header's rows and the rows after it cut over pieces, read
            // ahead or not) and on two threads: the same table.
            for piece in [7, 64, 1000] {
                let t = table::csv::read_csv_in_pieces("twee.csv", &bytes, piece).unwrap();
                assert_eq!(names(&t), names(&ds.table), "piece {piece}");
                assert_eq!(t.detected, ds.table.detected, "piece {piece}");
                assert_eq!(t.len(), ds.table.len(), "piece {piece}");
            }
            for piece in [64, 512] {
                let t = table::csv::read_csv_in_pieces_on_two_threads("twee.csv", &bytes, piece)
                    .unwrap();
                assert_eq!(t.detected, ds.table.detected);
                assert_eq!(names(&t), names(&ds.table));
                for (a, b) in t.columns.iter().zip(&ds.table.columns) {
                    assert_eq!(a.values(), b.values(), "{}", a.name);
                }
            }
        }
    }
}

#[test]
fn workbooks_with_identifiers_named_in_the_top_row_or_groups_repeated() {
    let reference = scatters(&load("regions_long.csv", LONG));
    let one = load("een.csv", &wide_csv("", false));
    for (two, merged, margin) in [
        (Two::Top, true, 0),
        (Two::Top, false, 0),
        (Two::Top, true, 2),
        (Two::Repeated, false, 0),
        (Two::Repeated, false, 1),
    ] {
        let bytes = wide_xlsx_as(merged, margin, two);
        let ds = load("twee.xlsx", &bytes);
        let what = format!("{two:?} merged {merged} margin {margin}");
        assert_eq!(names(&ds.table), names(&one.table), "{what}");
        assert_eq!(ds.table.detected.header_row, 4, "{what}");
        let (nl, _) = two_rows_note(&ds.table).expect("note");
        assert!(nl.contains("(rij 3 en 4)"), "{nl}");
        assert!(
            ds.table.detected.notes[0].starts_with("1 titelregel"),
            "{:?}",
            ds.table.detected.notes
        );
        assert!(ds.table.detected.rejected.is_empty(), "{what}");
        assert_eq!(scatters(&ds), reference, "{what}");
        let whole = table::xlsx::read_xlsx_whole("twee.xlsx", &bytes).unwrap();
        assert_eq!(names(&whole), names(&ds.table), "{what}");
        assert_eq!(whole.detected, ds.table.detected, "{what}");
        assert_eq!(whole.len(), ds.table.len(), "{what}");
    }
}

#[test]
fn a_row_below_the_header_that_is_data_stays_data() {
    let read = |text: &str| {
        let bytes = text.as_bytes();
        let t = table::load("t.csv", bytes);
        // Read in pieces and on two threads: the same answer.
        for piece in [5, 64] {
            let p = table::csv::read_csv_in_pieces("t.csv", bytes, piece);
            match (&t, &p) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.detected, b.detected, "{text:?}");
                    assert_eq!(names(a), names(b));
                }
                (Err(a), Err(b)) => assert_eq!(a.message, b.message),
                _ => panic!("{text:?}: {t:?} / {p:?}"),
            }
        }
        t
    };
    for (text, expected, rows) in [
        // Suppressed counts in the first data row, its identifiers blank.
        (
            "regio;jaar;personen;werkzaam;personen;werkzaam\n;;x;.;<10;x\nA;2015;1;2;3;4\n",
            &[
                "regio",
                "jaar",
                "personen",
                "werkzaam",
                "personen (2)",
                "werkzaam (2)",
            ][..],
            2,
        ),
        // A tidy table whose first row misses its region and year.
        (
            "regio;jaar;doelgroep;status\n;;Wajong;werkzaam\nA;2015;WSW;12\n",
            &["regio", "jaar", "doelgroep", "status"],
            2,
        ),
        // Repeated names over a first data row that is all text.
        (
            "regio;jaar;waarde;waarde\nA;B;C;D\nE;2015;1;2\n",
            &["regio", "jaar", "waarde", "waarde (2)"],
            2,
        ),
        // Names repeated under a full header: each name over one column.
        (
            "regio;jaar;a;b;c;d\n;;x;y;x;y\nA;2015;1;2;3;4\n",
            &["regio", "jaar", "a", "b", "c", "d"],
            2,
        ),
        // A one-row header with its title row.
        (
            "Tabel 1;;;\nregio;jaar;personen;werkzaam\nA;2015;1;2\n",
            &["regio", "jaar", "personen", "werkzaam"],
            1,
        ),
    ] {
        let t = read(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(names(&t), expected, "{text:?}");
        assert_eq!(t.len(), rows, "{text:?}");
        assert_eq!(two_rows_note(&t), None, "{text:?}");
    }
    // Sub-names over rows without numbers, or a year among them: not a header's second row
    // (and, as before, the row is wider than the header).
    for text in [
        "regio;jaar;A;;B;\n;;p;q;p;q\nX;Y;a;b;c;d\n",
        "regio;jaar;A;;B;\n;;p;2015;p;q\nX;2015;1;2;3;4\n",
        "regio;jaar;A;;B;\n;;p;q;p;q\n",
    ] {
        let e = read(text).unwrap_err();
        assert!(
            e.message.contains("kopregel heeft 5 kolommen"),
            "{text:?}: {e}"
        );
        // Not about decimal commas in a file separated by semicolons.
        assert!(
            e.message.ends_with(
                "staan de kolomnamen over twee rijen? Geef elke kolom een naam in de kopregel."
            ),
            "{}",
            e.message
        );
        let en = e.message_en.as_deref().map_or("", String::as_str);
        assert!(
            en.contains("over two rows?") && !en.contains("decimal"),
            "{en}"
        );
    }
}

#[test]
fn rows_above_a_header_that_group_nothing_stay_title_rows() {
    let header = "arbeidsmarktregio;jaar;personen;werkzaam;banen\nAchterhoek;2015;4099;2332;10\n";
    for (top, title) in [
        // A title in the first column; a title and a date; years above the columns.
        ("Tabel 1 Banenafspraak;;;;\n", "Tabel 1 Banenafspraak"),
        (
            ";Tabel 1 Banenafspraak;;;peildatum\n",
            "Tabel 1 Banenafspraak | peildatum",
        ),
        (";;2015;;2016\n", "2015 | 2016"),
    ] {
        let t = table::load("t.csv", format!("{top}{header}").as_bytes()).unwrap();
        assert_eq!(
            names(&t),
            ["arbeidsmarktregio", "jaar", "personen", "werkzaam", "banen"],
            "{top:?}"
        );
        assert_eq!(two_rows_note(&t), None);
        assert_eq!(
            t.detected.notes[0],
            format!("1 titelregel boven de kopregel overgeslagen: rij 1 '{title}'")
        );
    }
    // A group row with a blank row between it and the header is a title row.
    let t = table::load(
        "t.csv",
        b";;Wajong;;WSW;\n\nregio;jaar;personen;werkzaam;personen;werkzaam\nA;2015;1;2;3;4\n",
    )
    .unwrap();
    assert_eq!(two_rows_note(&t), None);
    assert_eq!(names(&t)[4], "personen (2)");
    // A header of one row whose first data row is all text reads as before.
    let text = b"regio;naam;soort;opmerking\nA;w;y;z\nB;p;q;r\n";
    let t = table::load("t.csv", text).unwrap();
    assert_eq!(names(&t), ["regio", "naam", "soort", "opmerking"]);
    assert_eq!(t.len(), 2);
    assert!(t.detected.notes.is_empty(), "{:?}", t.detected.notes);
}

/// The long file as JSON records, one object a line (JSON Lines) or in one array.
fn long_json(lines: bool) -> Vec<u8> {
    let mut r = csv::Reader::from_reader(LONG);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let records: Vec<String> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            let fields: Vec<String> = header
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| match v.parse::<f64>() {
                    Ok(_) if h != "arbeidsmarktregio" => format!("\"{h}\": {v}"),
                    _ if v.is_empty() => format!("\"{h}\": null"),
                    _ => format!("\"{h}\": \"{v}\""),
                })
                .collect();
            format!("{{{}}}", fields.join(", "))
        })
        .collect();
    if lines {
        // Windows line ends, a blank line and no line end after the last record.
        let mut s = records.join("\r\n");
        s.insert(0, '\n');
        s.into_bytes()
    } else {
        format!("[\n{}\n]\n", records.join(",\n")).into_bytes()
    }
}

#[test]
fn json_lines_read_as_the_array_of_the_same_records() {
    let array = load("r.json", &long_json(false));
    let reference = scatters(&load("regions_long.csv", LONG));
    assert_eq!(scatters(&array), reference);
    for name in ["r.jsonl", "r.ndjson", "r.json"] {
        let bytes = long_json(true);
        let ds = load(name, &bytes);
        assert_eq!(ds.table.detected.format, "jsonl");
        assert!(
            ds.table
                .detected
                .summary()
                .starts_with("formaat JSON Lines"),
            "{}",
            ds.table.detected.summary()
        );
        assert_eq!(names(&ds.table), names(&array.table));
        assert_eq!(ds.table.len(), array.table.len());
        for (a, b) in ds.table.columns.iter().zip(&array.table.columns) {
            assert_eq!(a.values(), b.values(), "{}", a.name);
        }
        assert_eq!(scatters(&ds), reference, "{name}");
        let whole = table::json::read_json_whole(name, &bytes).unwrap();
        assert_eq!(whole.detected, ds.table.detected);
        assert_eq!(names(&whole), names(&ds.table));
    }
}

#[test]
fn a_json_lines_error_names_its_line() {
    let bytes =
        b"{\"regio\": \"A\", \"n\": 1}\n\n{\"regio\": \"B\", \"n\": 2\n{\"regio\": \"C\"}\n";
    for e in [
        table::load("r.jsonl", bytes).unwrap_err(),
        table::json::read_json_whole("r.jsonl", bytes).unwrap_err(),
    ] {
        assert_eq!(e.location.as_ref().and_then(|l| l.row), Some(3), "{e}");
        assert!(
            e.message.starts_with("Regel 3 van het JSON Lines-bestand"),
            "{}",
            e.message
        );
        let en = e.message_en.as_deref().map(String::as_str).unwrap_or("");
        assert!(en.starts_with("Line 3 of the JSON Lines file"), "{en}");
    }
    // A record that is no object is named by its number, as in an array.
    let e = table::load("r.jsonl", b"{\"a\": 1}\n[1, 2]\n").unwrap_err();
    assert!(e.message.contains("Record 2"), "{}", e.message);
    // One object on one line, or a pretty-printed object, is not JSON Lines.
    let t = table::load("o.json", b"{\"value\": [{\"a\": 1}, {\"a\": 2}]}\n").unwrap();
    assert_eq!(t.detected.format, "json");
    let t = table::load("o.json", b"{\n  \"value\": [{\"a\": 1}]\n}\n").unwrap();
    assert_eq!(t.detected.format, "json");
}

/// The CSV text with its first `header_rows` lines (the header) written again before data row
/// `at` (a table pasted below another, or a print layout repeating the header on each page),
/// after a blank line when `blank`.
fn with_header_again(bytes: &[u8], header_rows: usize, at: usize, blank: bool) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<&str> = lines[..header_rows + at].to_vec();
    if blank {
        out.push("");
    }
    out.extend(&lines[..header_rows]);
    out.extend(&lines[header_rows + at..]);
    (out.join("\n") + "\n").into_bytes()
}

/// A workbook of the `;`-separated lines: numbers as numbers, texts as texts.
fn xlsx_of(bytes: &[u8]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in std::str::from_utf8(bytes).unwrap().lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
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
fn a_header_over_two_rows_repeated_further_down_is_left_out_as_a_repeated_header() {
    let reference = scatters(&load("regions_long.csv", LONG));
    let one = load("een.csv", &wide_csv("", false));
    for two in [Two::Groups, Two::Top, Two::TopFilled, Two::Repeated] {
        for blank in [false, true] {
            let what = format!("{two:?}, blank line {blank}");
            let bytes = with_header_again(&wide_csv_as("", two), 2, 40, blank);
            let ds = load("herhaald.csv", &bytes);
            assert_eq!(names(&ds.table), names(&one.table), "{what}");
            assert!(two_rows_note(&ds.table).is_some(), "{what}");
            // Both rows of the repeated header said as such, nothing else rejected.
            let first = 2 + 40 + 1 + usize::from(blank);
            let rejected: Vec<(usize, &str, &str)> = ds
                .table
                .detected
                .rejected
                .iter()
                .map(|r| (r.row, r.reason.as_str(), r.reason_en.as_str()))
                .collect();
            assert_eq!(
                rejected,
                [first, first + 1].map(|r| (r, "herhaalde kopregel", "repeated header row")),
                "{what}"
            );
            assert_eq!(ds.table.len(), one.table.len(), "{what}");
            assert_eq!(scatters(&ds), reference, "{what}");
            for piece in [7, 64, 1000] {
                let t = table::csv::read_csv_in_pieces("herhaald.csv", &bytes, piece).unwrap();
                assert_eq!(t.detected, ds.table.detected, "{what}, piece {piece}");
                assert_eq!(t.len(), ds.table.len(), "{what}, piece {piece}");
            }
            let t =
                table::csv::read_csv_in_pieces_on_two_threads("herhaald.csv", &bytes, 256).unwrap();
            assert_eq!(t.detected, ds.table.detected, "{what}");
            for (a, b) in t.columns.iter().zip(&ds.table.columns) {
                assert_eq!(a.values(), b.values(), "{what}: {}", a.name);
            }

            // The same in a workbook: streamed and from the whole grid.
            let book = xlsx_of(&bytes);
            let ds = load("herhaald.xlsx", &book);
            assert_eq!(names(&ds.table), names(&one.table), "{what}");
            let rows: Vec<usize> = ds.table.detected.rejected.iter().map(|r| r.row).collect();
            assert_eq!(rows, [first, first + 1], "{what}");
            assert_eq!(scatters(&ds), reference, "xlsx {what}");
            let whole = table::xlsx::read_xlsx_whole("herhaald.xlsx", &book).unwrap();
            assert_eq!(whole.detected, ds.table.detected, "xlsx {what}");
            assert_eq!(whole.len(), ds.table.len(), "xlsx {what}");
        }
    }
}

#[test]
fn a_data_row_like_the_group_row_but_with_numbers_stays_data() {
    // The group row's texts with a number beside them is no repeat of it.
    let text = ";;Wajong;;WSW;\nregio;jaar;personen;werkzaam;personen;werkzaam\n\
                Achterhoek;2015;10;5;8;4\n;;Wajong;;WSW;3\nAmersfoort;2015;12;6;9;5\n";
    let t = table::load("t.csv", text.as_bytes()).unwrap();
    assert!(two_rows_note(&t).is_some());
    assert!(t.detected.rejected.is_empty(), "{:?}", t.detected.rejected);
    assert_eq!(t.len(), 3);
}
