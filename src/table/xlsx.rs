//! Excel loader (`.xlsx`): reads the first visible worksheet that holds a table, skipping title
//! and note rows as [`super::sniff::locate`] does for CSV. Row numbers are Excel's; numbers stay
//! numbers; text cells are parsed like CSV cells (CBS symbols `.`, `x`, `-` are missing); error
//! cells (`#N/A`) stay text so a count column reports them. Dates are not recognised (that needs
//! the styles part) and read as Excel's day numbers; a table of counts has none.
//!
//! The workbook is read with our own small [`super::zip`] and [`super::xml`] readers: calamine
//! (used in the tests to cross-check) links encoding_rs and style parsing, about 300 KB of wasm
//! after gzip, more than the whole explorer.

use super::csv::DecimalVotes;
use super::limits::{self, thousands};
use super::sniff::{self, RawCell};
use super::xml::{self, Event};
use super::zip::{Archive, ZipError};
use super::{column_names, titles_note, Detected, Table};
use crate::error::{Error, ErrorKind, Location, Result};

/// Excel's column letters: 0 -> `A`, 26 -> `AA`.
pub fn column_letter(mut j: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (j % 26) as u8);
        if j < 26 {
            break;
        }
        j = j / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Excel's widest sheet has 16,384 columns (`XFD`); a larger reference is damage, not data.
const MAX_COLUMNS: usize = limits::MAX_COLUMNS;

/// Column index of a cell reference: `B7` -> 1.
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .try_fold(0usize, |acc, b| {
            acc.checked_mul(26)?
                .checked_add((b.to_ascii_uppercase() - b'A') as usize + 1)
        })?;
    letters.checked_sub(1).filter(|&j| j < MAX_COLUMNS)
}

/// A part that cannot be read: a limit exceeded, or damage; `context` in Dutch and English.
fn zip_error(name: &str, context: [&str; 2], e: ZipError) -> Error {
    let [context, context_en] = context;
    let detail = [
        format!("{context}{}", e.message),
        format!("{context_en}{}", e.message_en),
    ];
    if e.limit {
        limits::exceeded(
            name,
            ["de grootte van een werkmap", "the size of a workbook"],
            detail,
        )
    } else {
        bad_workbook(name, detail)
    }
}

/// A workbook that cannot be read; `detail` in Dutch and English.
fn bad_workbook(name: &str, detail: [String; 2]) -> Error {
    let [detail, detail_en] = detail;
    Error::new2(
        ErrorKind::Parse,
        format!("Het Excel-bestand kan niet worden gelezen: {detail}. Is het beschadigd? Open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx) of als CSV."),
        format!("The Excel file cannot be read: {detail_en}. Is it damaged? Open it in Excel and save it again as an Excel workbook (.xlsx) or as CSV."),
    )
    .at(Location::file(name))
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Resolves a relationship target against the folder of the part that refers to it.
fn resolve(base_dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = base_dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in target.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// `Id -> (Type, Target)` from a relationships part.
fn relationships(xml_text: &str) -> Vec<(String, String, String)> {
    xml::tokens(xml_text)
        .filter_map(|e| match e {
            Event::Start {
                name: "Relationship",
                attrs,
                ..
            } => Some((
                xml::attr(attrs, "Id")?,
                xml::attr(attrs, "Type").unwrap_or_default(),
                xml::attr(attrs, "Target")?,
            )),
            _ => None,
        })
        .collect()
}

/// The shared strings: each `<si>` is the text of its `<t>` runs, without phonetic runs. At most
/// `max` of them (a workbook has no more strings than cells): `None` beyond.
fn shared_strings(xml_text: &str, max: usize) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let (mut in_si, mut in_t, mut in_rph) = (false, false, false);
    let mut cur = String::new();
    for e in xml::tokens(xml_text) {
        match e {
            Event::Start { name, empty, .. } => match name {
                "si" if !empty => {
                    in_si = true;
                    cur.clear();
                }
                "si" => {
                    if out.len() >= max {
                        return None;
                    }
                    out.push(String::new())
                }
                "t" if in_si && !empty => in_t = true,
                "rPh" if !empty => in_rph = true,
                _ => {}
            },
            Event::End { name } => match name {
                "si" => {
                    if out.len() >= max {
                        return None;
                    }
                    in_si = false;
                    out.push(xml::unescape_excel(&cur).into_owned());
                }
                "t" => in_t = false,
                "rPh" => in_rph = false,
                _ => {}
            },
            Event::Text(t) if in_t && !in_rph => cur.push_str(&xml::unescape(t)),
            Event::CData(t) if in_t && !in_rph => cur.push_str(t),
            _ => {}
        }
    }
    Some(out)
}

/// Why a worksheet cannot be read: a limit exceeded (what, detail; each in Dutch and English),
/// or damage (detail in Dutch and English, Excel row, column letter).
#[derive(Debug, Clone, PartialEq)]
enum SheetError {
    Limit([&'static str; 2], [String; 2]),
    Damaged([String; 2], usize, String),
}
use SheetError::Limit as SheetLimit;

/// A worksheet as a grid with Excel's row numbers; gaps between rows become one blank row, and
/// empty columns left of everything are dropped (their number is returned with the grid).
/// Row numbers beyond Excel's [`limits::MAX_SHEET_ROWS`] and more cells than `budget` are refused
/// while reading, before the cost is paid.
fn sheet_grid(
    xml_text: &str,
    strings: &[String],
    budget: usize,
) -> std::result::Result<(sniff::Grid, usize), SheetError> {
    let rows_limit = |r: usize| {
        SheetLimit(
            [
                "het aantal rijen van een werkblad",
                "the number of rows of a worksheet",
            ],
            [
                format!(
                    "rij {}, ten hoogste {} (de grens van Excel)",
                    thousands(r),
                    thousands(limits::MAX_SHEET_ROWS)
                ),
                format!(
                    "row {}, at most {} (Excel's limit)",
                    limits::thousands_en(r),
                    limits::thousands_en(limits::MAX_SHEET_ROWS)
                ),
            ],
        )
    };
    let mut rows: Vec<(usize, Vec<(usize, RawCell)>)> = Vec::new();
    let mut row_no = 0usize;
    let mut col = 0usize;
    let mut cells_read = 0usize;
    let mut kind = String::new();
    let mut value = String::new();
    let (mut in_v, mut in_is_t, mut in_rph, mut in_cell) = (false, false, false, false);
    for e in xml::tokens(xml_text) {
        match e {
            Event::Start { name, attrs, empty } => match name {
                "row" => {
                    // Excel numbers rows from 1; a missing or unreadable number follows the last.
                    let next = row_no.checked_add(1).ok_or_else(|| rows_limit(row_no))?;
                    row_no = xml::attr(attrs, "r")
                        .and_then(|r| r.trim().parse::<usize>().ok())
                        .filter(|&r| r > 0)
                        .unwrap_or(next);
                    if row_no > limits::MAX_SHEET_ROWS || rows.len() >= limits::MAX_SHEET_ROWS {
                        return Err(rows_limit(row_no.max(rows.len() + 1)));
                    }
                    col = 0;
                    rows.push((row_no, Vec::new()));
                }
                "c" => {
                    col = match xml::attr(attrs, "r") {
                        None => col,
                        Some(r) => column_of(&r).ok_or_else(|| {
                            SheetError::Damaged(
                                [
                                    format!(
                                        "een cel met de onleesbare verwijzing '{}'",
                                        sniff::shorten(&r, 20)
                                    ),
                                    format!(
                                        "a cell with the unreadable reference '{}'",
                                        sniff::shorten(&r, 20)
                                    ),
                                ],
                                row_no,
                                column_letter(col.min(MAX_COLUMNS - 1)),
                            )
                        })?,
                    };
                    kind = xml::attr(attrs, "t").unwrap_or_default();
                    value.clear();
                    in_cell = !empty;
                    if empty {
                        col += 1;
                    }
                }
                "v" if in_cell && !empty => in_v = true,
                "t" if in_cell && !empty => in_is_t = true,
                "rPh" if !empty => in_rph = true,
                _ => {}
            },
            Event::End { name } => match name {
                "v" => in_v = false,
                "t" => in_is_t = false,
                "rPh" => in_rph = false,
                "c" if in_cell => {
                    in_cell = false;
                    let v = value.trim();
                    let cell = match kind.as_str() {
                        _ if value.is_empty() => RawCell::Empty,
                        "s" => match v.parse::<usize>().ok().and_then(|i| strings.get(i)) {
                            Some(s) => RawCell::Text(s.clone()),
                            None => {
                                return Err(SheetError::Damaged(
                                    [
                                        format!(
                                            "de cel verwijst naar gedeelde tekst '{}', maar de werkmap heeft er {}",
                                            sniff::shorten(v, 20),
                                            strings.len()
                                        ),
                                        format!(
                                            "the cell refers to shared text '{}', but the workbook has {}",
                                            sniff::shorten(v, 20),
                                            strings.len()
                                        ),
                                    ],
                                    row_no,
                                    column_letter(col.min(MAX_COLUMNS - 1)),
                                ))
                            }
                        },
                        "inlineStr" | "str" => {
                            RawCell::Text(xml::unescape_excel(&value).into_owned())
                        }
                        "b" => RawCell::Text(if v == "1" { "WAAR" } else { "ONWAAR" }.into()),
                        "e" | "d" => RawCell::Text(v.to_string()),
                        // `1e400` and `nan` stay text: the table names them in its notes.
                        _ => crate::decimal::parse_f64(v)
                            .filter(|n| n.is_finite())
                            .map_or_else(|| RawCell::Text(v.to_string()), RawCell::Number),
                    };
                    if col >= MAX_COLUMNS && !cell.is_blank() {
                        return Err(SheetLimit(
                            ["het aantal kolommen", "the number of columns"],
                            [
                                format!(
                                    "rij {row_no} heeft een cel voorbij kolom XFD, ten hoogste {} kolommen",
                                    thousands(MAX_COLUMNS)
                                ),
                                format!(
                                    "row {row_no} has a cell beyond column XFD, at most {} columns",
                                    limits::thousands_en(MAX_COLUMNS)
                                ),
                            ],
                        ));
                    }
                    if let Some((_, cells)) = rows.last_mut().filter(|_| col < MAX_COLUMNS) {
                        cells_read += 1;
                        if cells_read > budget {
                            return Err(SheetLimit(
                                ["het aantal cellen", "the number of cells"],
                                [
                                    format!(
                                        "meer dan {} cellen in het werkblad, ten hoogste {} voor een bestand van deze grootte",
                                        thousands(budget),
                                        thousands(budget)
                                    ),
                                    format!(
                                        "more than {} cells in the worksheet, at most {} for a file of this size",
                                        limits::thousands_en(budget),
                                        limits::thousands_en(budget)
                                    ),
                                ],
                            ));
                        }
                        cells.push((col, cell));
                    }
                    col += 1;
                }
                _ => {}
            },
            // Text beyond the cell limit is not kept: the cell is refused for its length anyway.
            Event::Text(t)
                if (in_v || in_is_t) && !in_rph && value.len() <= limits::MAX_CELL_BYTES =>
            {
                value.push_str(&xml::unescape(t))
            }
            Event::CData(t)
                if (in_v || in_is_t) && !in_rph && value.len() <= limits::MAX_CELL_BYTES =>
            {
                value.push_str(t)
            }
            _ => {}
        }
    }
    let first_col = rows
        .iter()
        .flat_map(|(_, c)| c.iter())
        .filter(|(_, c)| !c.is_blank())
        .map(|(j, _)| *j)
        .min()
        .unwrap_or(0);
    // The grid holds every row as wide as its last cell: a row with one cell in column XFD is
    // 16,384 cells, so the dense size is checked against the budget before it is built.
    let dense_cells = rows.iter().fold(0usize, |n, (_, cells)| {
        let width = cells.iter().map(|(j, _)| j + 1).max().unwrap_or(0);
        n.saturating_add(width.saturating_sub(first_col))
    });
    if dense_cells > budget {
        return Err(SheetLimit(
            ["het aantal cellen", "the number of cells"],
            [
                format!(
                    "{} cellen (rijen maal kolommen, lege meegeteld), ten hoogste {} voor een bestand van deze grootte",
                    thousands(dense_cells),
                    thousands(budget)
                ),
                format!(
                    "{} cells (rows times columns, empty ones counted), at most {} for a file of this size",
                    limits::thousands_en(dense_cells),
                    limits::thousands_en(budget)
                ),
            ],
        ));
    }
    let mut grid: sniff::Grid = Vec::with_capacity(rows.len());
    let mut last: Option<usize> = None;
    for (r, cells) in rows {
        if let Some(gap) = last.and_then(|l| l.checked_add(1)).filter(|&g| r > g) {
            grid.push((gap, Vec::new()));
        }
        last = Some(r);
        let width = cells.iter().map(|(j, _)| j + 1).max().unwrap_or(0);
        let mut dense = vec![RawCell::Empty; width.saturating_sub(first_col)];
        for (j, c) in cells {
            if let Some(slot) = j.checked_sub(first_col).and_then(|k| dense.get_mut(k)) {
                *slot = c;
            }
        }
        grid.push((r, dense));
    }
    Ok((grid, first_col))
}

struct Sheet {
    name: String,
    path: String,
}

/// The visible worksheets in workbook order, with the path of their part.
fn worksheets(zip: &Archive, name: &str) -> Result<Vec<Sheet>> {
    let read = |part: &str| -> Result<Option<String>> {
        match zip.read(part) {
            None => Ok(None),
            Some(r) => r
                .map(|b| Some(text_of(b)))
                .map_err(|e| zip_error(name, ["", ""], e)),
        }
    };
    let workbook = read("_rels/.rels")?
        .and_then(|rels| {
            relationships(&rels)
                .into_iter()
                .find(|(_, t, _)| t.ends_with("/officeDocument"))
                .map(|(_, _, target)| resolve("", &target))
        })
        .unwrap_or_else(|| "xl/workbook.xml".to_string());
    let dir = workbook.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let file = workbook
        .rsplit_once('/')
        .map_or(workbook.as_str(), |(_, f)| f);
    let Some(wb) = read(&workbook)? else {
        return Err(bad_workbook(
            name,
            [
                "er staat geen werkmap in (geen xl/workbook.xml)".to_string(),
                "it holds no workbook (no xl/workbook.xml)".to_string(),
            ],
        ));
    };
    let rels: std::collections::HashMap<String, (String, String)> =
        read(&format!("{dir}/_rels/{file}.rels"))?
            .map(|r| relationships(&r))
            .unwrap_or_default()
            .into_iter()
            .rev() // the first of a repeated id wins, as a search would find it
            .map(|(id, kind, target)| (id, (kind, target)))
            .collect();
    let mut sheets = Vec::new();
    for e in xml::tokens(&wb) {
        if let Event::Start {
            name: "sheet",
            attrs,
            ..
        } = e
        {
            let hidden = xml::attr(attrs, "state").is_some_and(|s| s != "visible");
            let (Some(sheet), Some(id)) = (xml::attr(attrs, "name"), xml::attr(attrs, "id")) else {
                continue;
            };
            let Some((kind, target)) = rels.get(&id) else {
                continue;
            };
            if !hidden && kind.ends_with("/worksheet") {
                sheets.push(Sheet {
                    name: sheet,
                    path: resolve(&dir, target),
                });
            }
        }
    }
    Ok(sheets)
}

pub fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Table> {
    let zip = Archive::open(bytes).map_err(|e| zip_error(name, ["", ""], e))?;
    let sheets = worksheets(&zip, name)?;
    let budget = limits::cell_budget(bytes.len());
    let strings = match zip
        .names()
        .find(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(str::to_string)
        .and_then(|n| zip.read(&n))
        .transpose()
        .map_err(|e| zip_error(name, ["", ""], e))?
    {
        None => Vec::new(),
        Some(b) => shared_strings(&text_of(b), budget).ok_or_else(|| {
            limits::exceeded(
                name,
                ["het aantal cellen", "the number of cells"],
                [
                    format!(
                        "meer dan {} gedeelde teksten, ten hoogste {} voor een bestand van deze grootte",
                        thousands(budget),
                        thousands(budget)
                    ),
                    format!(
                        "more than {} shared texts, at most {} for a file of this size",
                        limits::thousands_en(budget),
                        limits::thousands_en(budget)
                    ),
                ],
            )
        })?,
    };
    let mut passed: Vec<String> = Vec::new();
    // A part is read once, however many sheets name it (a crafted workbook can name one part
    // thousands of times).
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for sheet in sheets {
        if !seen.insert(sheet.path.to_ascii_lowercase()) {
            passed.push(sheet.name);
            continue;
        }
        let Some(part) = zip.read(&sheet.path) else {
            passed.push(sheet.name);
            continue;
        };
        let context = [
            format!("werkblad '{}': ", sheet.name),
            format!("worksheet '{}': ", sheet.name),
        ];
        let part = part.map_err(|e| zip_error(name, [&context[0], &context[1]], e))?;
        let with_context =
            |[nl, en]: [String; 2]| [format!("{}{nl}", context[0]), format!("{}{en}", context[1])];
        let (mut grid, first_col) =
            sheet_grid(&text_of(part), &strings, budget).map_err(|e| match e {
                SheetError::Limit(what, detail) => {
                    limits::exceeded(name, what, with_context(detail))
                }
                SheetError::Damaged(detail, row, col) => {
                    let mut e = bad_workbook(name, with_context(detail));
                    e.location = Some(Location::file(name).row(row).column(&col));
                    e
                }
            })?;
        let Some(layout) = sniff::locate(&grid, true).filter(|l| !l.data.is_empty()) else {
            passed.push(sheet.name);
            continue;
        };
        let sheet = sheet.name;
        let (header_row, mut header) = grid[layout.header].clone();
        let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::with_capacity(layout.data.len());
        for &i in &layout.data {
            rows.push(std::mem::take(&mut grid[i]));
        }
        // A table set in from the left (title in A1, table from B3) loses its empty margin.
        let lead = std::iter::once(&header)
            .chain(rows.iter().map(|(_, c)| c))
            .map(|c| c.iter().position(|x| !x.is_blank()).unwrap_or(usize::MAX))
            .min()
            .unwrap_or(0)
            .min(layout.width);
        header.drain(..lead.min(header.len()));
        for (_, cells) in rows.iter_mut() {
            cells.drain(..lead.min(cells.len()));
        }
        let offset = first_col + lead;
        // Numbers stored as text follow the sheet's own convention; there is no delimiter hint.
        let texts: Vec<&str> = rows
            .iter()
            .flat_map(|(_, c)| c.iter())
            .filter_map(|c| match c {
                RawCell::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let votes = DecimalVotes::count(&texts);
        let decimal = votes.decide(b'\t');
        let mut detected = Detected {
            format: "xlsx".into(),
            sheet: Some(sheet.clone()),
            header_row,
            rejected: layout.rejected,
            ..Default::default()
        };
        if votes.comma + votes.dot + votes.ambiguous > 0 {
            detected.decimal = Some(decimal.to_string());
            let n = votes.comma + votes.dot + votes.ambiguous;
            detected.note(
                format!(
                    "{n} getal(len) als tekst opgeslagen, gelezen met decimaalteken '{decimal}'"
                ),
                format!(
                    "{n} number{} stored as text, read with decimal separator '{decimal}'",
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
        if !passed.is_empty() {
            let list = passed
                .iter()
                .take(10)
                .map(|s| format!("'{}'", sniff::shorten(s, 40)))
                .collect::<Vec<_>>()
                .join(", ");
            let more = passed.len().saturating_sub(10);
            detected.note(
                format!(
                    "Werkblad(en) zonder tabel overgeslagen: {list}{}",
                    if more > 0 {
                        format!(" en nog {more}")
                    } else {
                        String::new()
                    }
                ),
                format!(
                    "Worksheet(s) without a table skipped: {list}{}",
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ),
            );
        }
        if let Some((nl, en)) = titles_note(&layout.titles) {
            detected.note(nl, en);
        }
        let names = column_names(&header, layout.width - lead, &mut detected, |j| {
            format!("kolom_{}", column_letter(j + offset))
        });
        return Table::from_cells(name, names, rows, decimal, detected, bytes.len());
    }
    Err(Error::new2(
        ErrorKind::NoRows,
        "Geen werkblad in dit Excel-bestand bevat een tabel (een kopregel met daaronder gegevens).",
        "No worksheet in this Excel file holds a table (a header row with data below it).",
    )
    .at(Location::file(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn not_a_workbook_is_a_parse_error_naming_the_file() {
        let e = read_xlsx("kapot.xlsx", b"PK\x03\x04 dit is geen zip").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Parse);
        assert_eq!(e.location.unwrap().file, "kapot.xlsx");
    }

    #[test]
    fn cell_references_and_paths() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("AB12"), Some(27));
        assert_eq!(column_of("12"), None);
        assert_eq!(column_of("XFD1"), Some(16_383));
        assert_eq!(column_of("XFE1"), None);
        assert_eq!(column_of("ZZZZZZZZZZZZZZZ1"), None);
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(
            resolve("xl/sub", "../worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
    }

    #[test]
    fn sheet_grid_reads_types_and_row_numbers() {
        let strings = vec!["regio".to_string(), "x".to_string()];
        let (g, first) = sheet_grid(
            r#"<worksheet><sheetData>
            <row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>n</t></is></c></row>
            <row r="5"><c r="B5" t="str"><v>A</v></c><c r="C5"><v>12.5</v></c><c r="D5" t="s"><v>1</v></c><c r="E5" t="e"><v>#N/A</v></c></row>
            </sheetData></worksheet>"#,
            &strings,
            1000,
        )
        .unwrap();
        // Column A is empty everywhere: the grid starts at B.
        assert_eq!(first, 1);
        assert_eq!(
            g,
            vec![
                (
                    2,
                    vec![RawCell::Text("regio".into()), RawCell::Text("n".into())]
                ),
                (3, vec![]),
                (
                    5,
                    vec![
                        RawCell::Text("A".into()),
                        RawCell::Number(12.5),
                        RawCell::Text("x".into()),
                        RawCell::Text("#N/A".into())
                    ]
                ),
            ]
        );
    }

    #[test]
    fn rich_text_prefixes_and_cells_without_references() {
        let strings = shared_strings(
            r#"<sst><si><r><t>Werkzame </t></r><r><rPr/><t xml:space="preserve">personen</t></r><rPh><t>X</t></rPh></si><si><t>a_x000D_b &amp; c</t></si><si/></sst>"#,
            10,
        )
        .unwrap();
        assert_eq!(strings, ["Werkzame personen", "a\rb & c", ""]);
        let (g, _) = sheet_grid(
            r#"<x:worksheet><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c/><x:c><x:v>1E3</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
            &strings,
            1000,
        )
        .unwrap();
        assert_eq!(
            g,
            vec![(
                1,
                vec![
                    RawCell::Text("Werkzame personen".into()),
                    RawCell::Empty,
                    RawCell::Number(1000.0)
                ]
            )]
        );
    }
}
