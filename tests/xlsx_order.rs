//! Worksheets whose rows are out of order in the XML (`<row r="3">` before `<row r="2">`):
//! Excel never writes them so, but other programs and damaged files may. Reading them in the
//! XML's order would show the rows as the sheet does not; putting them in order would make the
//! streamed reading hold the whole sheet. So both readings refuse them with a typed error that
//! names the row, and both agree on every case here (the fuzz target `xlsx` compares them too).

#[path = "../fuzz/fuzz_targets/workbook.rs"]
#[allow(dead_code)]
mod workbook;

use banenverkenner::error::{Error, ErrorKind, Result};
use banenverkenner::table::xlsx::{read_xlsx, read_xlsx_whole};
use banenverkenner::table::{self, Table};

/// A workbook of one sheet holding these rows.
fn sheet(rows: &[String]) -> Vec<u8> {
    workbook::from_parts(
        format!(
            "<worksheet><sheetData>{}</sheetData></worksheet>",
            rows.concat()
        )
        .as_bytes(),
    )
}

/// Row `r` (0: no `r` attribute) with cells from column A: numbers as numbers, texts inline.
fn row(r: usize, cells: &[&str]) -> String {
    let mut s = match r {
        0 => "<row>".to_string(),
        r => format!("<row r=\"{r}\">"),
    };
    for (j, c) in cells.iter().enumerate() {
        let col = (b'A' + j as u8) as char;
        let at = match r {
            0 => String::new(),
            r => format!(" r=\"{col}{r}\""),
        };
        match c.parse::<f64>() {
            _ if c.is_empty() => {}
            Ok(_) => s += &format!("<c{at}><v>{c}</v></c>"),
            Err(_) => s += &format!("<c{at} t=\"inlineStr\"><is><t>{c}</t></is></c>"),
        }
    }
    s + "</row>"
}

/// Both readings of the workbook, which must agree; the streamed one given.
fn read(bytes: &[u8]) -> Result<Table> {
    let streamed = read_xlsx("f.xlsx", bytes);
    assert_eq!(streamed, read_xlsx_whole("f.xlsx", bytes));
    streamed
}

/// The error of a workbook whose row `r` comes after row `after`, checked in both languages.
fn refused(bytes: &[u8], r: usize, after: usize) -> Error {
    let e = read(bytes).expect_err("rows out of order are refused");
    assert_eq!(e.kind, ErrorKind::Parse);
    let at = e.location.clone().expect("a location");
    assert_eq!(
        (at.file.as_str(), at.row, at.column.as_deref()),
        ("f.xlsx", Some(r as u32), None)
    );
    let en = e.message_en.as_deref().expect("an English message");
    if r == after {
        assert!(
            e.message.contains(&format!("rij {r} staat twee keer")),
            "{}",
            e.message
        );
        assert!(
            en.contains(&format!("row {r} is in the worksheet twice")),
            "{en}"
        );
    } else {
        let nl = format!("rij {r} staat in het werkblad na rij {after}");
        assert!(e.message.contains(&nl), "{}", e.message);
        assert!(
            en.contains(&format!("row {r} comes after row {after}")),
            "{en}"
        );
    }
    assert!(e.message.contains("werkblad 'Blad1'"), "{}", e.message);
    // The same through the loader the page and the CLI use.
    assert_eq!(table::load("f.xlsx", bytes).err(), Some(e.clone()));
    e
}

/// A column's cells as text.
fn column(t: &Table, name: &str) -> Vec<String> {
    let c = t.column(name).expect(name);
    c.iter().map(|x| x.as_text().unwrap_or_default()).collect()
}

const HEADER: [&str; 2] = ["regio", "personen"];

#[test]
fn rows_out_of_order_are_refused_naming_the_row() {
    let (a, b) = (["Noord", "10"], ["Zuid", "12"]);
    // In order the sheet reads: the cells below are what a reading in order gives.
    let t = read(&sheet(&[row(1, &HEADER), row(2, &a), row(3, &b)])).unwrap();
    assert_eq!(column(&t, "regio"), ["Noord", "Zuid"]);
    assert_eq!((t.row_number(0), t.row_number(1)), (Some(2), Some(3)));
    // Row 3 before row 2.
    refused(&sheet(&[row(1, &HEADER), row(3, &b), row(2, &a)]), 2, 3);
    // The header after a data row.
    refused(&sheet(&[row(2, &a), row(1, &HEADER), row(3, &b)]), 1, 2);
    // Far apart, past a gap.
    refused(&sheet(&[row(1, &HEADER), row(9, &b), row(5, &a)]), 5, 9);
    // A row number given twice.
    refused(&sheet(&[row(1, &HEADER), row(2, &a), row(2, &b)]), 2, 2);
    // Rows without a number follow the one before; a gap is a blank row: neither is refused.
    let t = read(&sheet(&[
        row(1, &HEADER),
        row(0, &a),
        row(7, &b),
        row(0, &a),
    ]))
    .unwrap();
    assert_eq!(column(&t, "regio"), ["Noord", "Zuid", "Noord"]);
    let numbers: Vec<Option<usize>> = (0..t.len()).map(|i| t.row_number(i)).collect();
    assert_eq!(numbers, [Some(2), Some(7), Some(8)]);
}

/// A group row over the header (two groups of two columns), the header, and data rows.
const GROUPS: [&str; 6] = ["", "", "Mannen", "", "Vrouwen", ""];
const NAMES: [&str; 6] = [
    "regio", "jaar", "personen", "werkzaam", "personen", "werkzaam",
];
const DATA: [&str; 6] = ["Noord", "2019", "10", "5", "12", "6"];
const MORE: [&str; 6] = ["Zuid", "2019", "20", "9", "22", "8"];

#[test]
fn out_of_order_rows_under_a_header_over_two_rows_are_refused() {
    // In order: the header over two rows, said.
    let t = read(&sheet(&[
        row(1, &GROUPS),
        row(2, &NAMES),
        row(3, &DATA),
        row(4, &MORE),
    ]))
    .unwrap();
    assert_eq!(t.detected.header_row, 2);
    assert_eq!(t.len(), 2);
    assert!(t.columns.len() == 6 && t.column("regio").is_some());
    assert!(
        t.detected.notes.iter().any(|n| n.contains("twee")),
        "{:?}",
        t.detected.notes
    );
    // The group row after the header (as read in XML order it became a data row, silently).
    refused(
        &sheet(&[row(1, &NAMES), row(3, &DATA), row(2, &GROUPS)]),
        2,
        3,
    );
    refused(
        &sheet(&[row(2, &NAMES), row(1, &GROUPS), row(3, &DATA)]),
        1,
        2,
    );
    // A data row out of order below the header over two rows.
    let rows = [
        row(1, &GROUPS),
        row(2, &NAMES),
        row(4, &MORE),
        row(3, &DATA),
    ];
    refused(&sheet(&rows), 3, 4);
}

#[test]
fn out_of_order_rows_with_a_repeated_header_row_are_refused() {
    // In order: the group row repeated further down is a repeated header, said and left out.
    let t = read(&sheet(&[
        row(1, &GROUPS),
        row(2, &NAMES),
        row(3, &DATA),
        row(4, &GROUPS),
        row(5, &MORE),
    ]))
    .unwrap();
    assert_eq!(column(&t, "regio"), ["Noord", "Zuid"]);
    let rejected: Vec<(usize, &str)> = t
        .detected
        .rejected
        .iter()
        .map(|r| (r.row, r.reason_en.as_str()))
        .collect();
    assert_eq!(rejected, [(4, "repeated header row")]);
    // The lost fuzz case: rows out of order, a header over two rows, a repeated header row.
    let rows = [
        row(1, &GROUPS),
        row(3, &NAMES),
        row(2, &GROUPS),
        row(4, &DATA),
    ];
    refused(&sheet(&rows), 2, 3);
    let rows = [
        row(1, &GROUPS),
        row(2, &NAMES),
        row(4, &GROUPS),
        row(3, &DATA),
    ];
    refused(&sheet(&rows), 3, 4);
    let rows = [
        row(1, &GROUPS),
        row(2, &NAMES),
        row(5, &DATA),
        row(4, &NAMES),
    ];
    refused(&sheet(&rows), 4, 5);
}

#[test]
fn a_header_over_two_rows_with_only_repeats_of_it_below_holds_no_table_in_both_readings() {
    // The streamed reading found no table while the whole grid gave a table of no rows: both
    // now say that no worksheet holds a table (the page's loader said so for both already).
    for rows in [
        vec![row(1, &GROUPS), row(2, &NAMES), row(3, &GROUPS)],
        vec![
            row(1, &GROUPS),
            row(2, &NAMES),
            row(4, &GROUPS),
            row(6, &GROUPS),
        ],
    ] {
        let bytes = sheet(&rows);
        let e = read(&bytes).expect_err("no table");
        assert_eq!(e.kind, ErrorKind::NoRows);
        assert!(e.message.contains("Geen werkblad"), "{}", e.message);
        let en = e.message_en.as_deref().unwrap();
        assert!(
            en.contains("No worksheet in this Excel file holds a table"),
            "{en}"
        );
        assert_eq!(e.location.as_ref().map(|l| l.file.as_str()), Some("f.xlsx"));
        assert!(table::load("f.xlsx", &bytes).is_err());
    }
    // One data row among them is a table of that row.
    let t = read(&sheet(&[
        row(1, &GROUPS),
        row(2, &NAMES),
        row(3, &GROUPS),
        row(4, &DATA),
    ]))
    .unwrap();
    assert_eq!(column(&t, "regio"), ["Noord"]);
    assert_eq!(t.row_number(0), Some(4));
}

#[test]
fn an_identifier_named_only_in_the_group_row_over_an_empty_column_is_kept() {
    // Found by the fuzz target: the group row names column A (merged down over the header's
    // empty A2), and no data row fills it. The whole grid kept the column, named; the streamed
    // reading took it for the empty margin left of the table (told from the header's own row)
    // and dropped it.
    let top = ["regio", "Mannen", "", "", "Vrouwen", "", ""];
    let three = ["personen", "werkzaam", "banen"];
    let names = [&[""][..], &three, &three].concat();
    let data = ["", "10", "5", "3", "12", "6", "4"];
    let t = read(&sheet(&[row(1, &top), row(2, &names), row(3, &data)])).unwrap();
    let columns: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        columns,
        [
            "regio",
            "Mannen personen",
            "Mannen werkzaam",
            "Mannen banen",
            "Vrouwen personen",
            "Vrouwen werkzaam",
            "Vrouwen banen"
        ]
    );
    assert_eq!(t.detected.header_row, 2);
    assert_eq!(column(&t, "regio"), [""]);
    assert_eq!(column(&t, "Vrouwen banen"), ["4"]);
}

/// Found by the workbook probe: the page's progress bar stood at 9 % for 12 s while a 21 MB
/// workbook was read, the bytes in and the worksheet not yet parsed. The reading now tells how far
/// it is through both passes of the sheet: from half the file's size up to all of it, never back.
#[test]
fn a_workbook_tells_its_progress_through_the_sheet() {
    let rows: Vec<String> = std::iter::once(row(1, &["regio", "jaar", "werkzaam"]))
        .chain((2..40_000).map(|r| row(r, &[&format!("R{}", r % 35), "2019", &r.to_string()])))
        .collect();
    let bytes = sheet(&rows);
    let mut told: Vec<(usize, usize)> = Vec::new();
    let t = banenverkenner::table::xlsx::read_xlsx_with("f.xlsx", &bytes, &mut |d, n| {
        told.push((d, n))
    })
    .unwrap();
    assert_eq!(t.len(), 39_998);
    let size = bytes.len();
    // (The sheet is inflated 256 KB at a time: about ten pieces a pass.)
    assert!(told.len() >= 10, "{} steps", told.len());
    assert!(told.iter().all(|&(_, n)| n == size));
    assert!(told.windows(2).all(|w| w[0].0 < w[1].0), "{told:?}");
    assert!(
        told[0].0 >= size / 2 && told[0].0 < size * 3 / 5,
        "{told:?}"
    );
    assert!(told.last().unwrap().0 * 100 >= size * 98, "{told:?}");
    // Half way: the first pass over the sheet is done.
    assert!(
        told.iter()
            .any(|&(d, _)| d * 100 >= size * 70 && d * 100 <= size * 80),
        "{told:?}"
    );
}

/// pandas' `pivot_table(index='region', columns='year', values=[...]).to_excel()`: the values'
/// names over the years, `year` (the columns' level) and `region` (the index) in column A. Before,
/// with `merge_cells=False` the row of years was a data row (a bar `year` = 2015) and the merged
/// default named the region column `year`, which every regional view refused.
#[test]
fn pandas_columns_on_two_levels_are_one_header_in_both_readings() {
    let body = |r0: usize| {
        [
            ("Achterhoek", [4099, 4297, 2332, 2437]),
            ("Twente", [6000, 6300, 2500, 2900]),
            ("Zeeland", [2000, 2100, 900, 1000]),
        ]
        .iter()
        .enumerate()
        .map(|(i, (name, v))| {
            let v: Vec<String> = v.iter().map(|n| n.to_string()).collect();
            row(r0 + i, &[name, &v[0], &v[1], &v[2], &v[3]])
        })
        .collect::<Vec<_>>()
    };
    let years = row(2, &["year", "2015", "2016", "2015", "2016"]);
    let index = row(3, &["region"]);
    for upper in [
        row(1, &["", "personen", "personen", "werkzaam", "werkzaam"]),
        // merged cells (pandas' default): the name over the first column of its span only
        row(1, &["", "personen", "", "werkzaam", ""]),
    ] {
        let mut rows = vec![upper.clone(), years.clone(), index.clone()];
        rows.extend(body(4));
        let t = read(&sheet(&rows)).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "region",
                "personen 2015",
                "personen 2016",
                "werkzaam 2015",
                "werkzaam 2016"
            ],
            "{upper}"
        );
        assert_eq!(t.len(), 3, "{upper}");
        assert!(t.detected.rejected.is_empty(), "{:?}", t.detected.rejected);
        assert_eq!(t.detected.header_row, 3);
        let notes = t.detected.notes.join(" | ");
        assert!(
            notes.contains("'region'") && notes.contains("'year'"),
            "{notes}"
        );
        let ds = banenverkenner::render::Dataset::from_table(t).unwrap();
        let r = banenverkenner::render::render_query(&ds, "view=scatter").unwrap();
        assert_eq!(r.table.rows.len(), 3, "{upper}");
    }
}
