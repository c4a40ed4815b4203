//! Excel loader (`.xlsx`): reads the first visible worksheet that holds a table, skipping title
//! and note rows as [`super::sniff::locate`] does for CSV. Row numbers are Excel's; numbers stay
//! numbers; text cells are parsed like CSV cells (CBS symbols `.`, `x`, `-` are missing); error
//! cells (`#N/A`) stay text so a count column reports them. A number whose cell style (from the
//! styles part) shows a date is read as that date, one shown as a percentage (`0.253` as
//! `25,3%`) as that percentage (25.3); both are said.
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

/// A zip archive that is no workbook at all (no `[Content_Types].xml`): say so, and what it
/// holds (a download of a CSV file often comes zipped).
fn plain_archive(zip: &Archive, name: &str) -> Error {
    const SHOWN: usize = 5;
    let files: Vec<&str> = zip.names().filter(|n| !n.ends_with('/')).collect();
    let mut listed = files
        .iter()
        .take(SHOWN)
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ");
    if files.len() > SHOWN {
        listed.push_str(&format!(" (+{})", files.len() - SHOWN));
    }
    let (holds, holds_en) = if files.is_empty() {
        ("Het is leeg.".to_string(), "It is empty.".to_string())
    } else {
        (
            format!("Het bevat {listed}."),
            format!("It holds {listed}."),
        )
    };
    Error::new2(
        ErrorKind::Parse,
        format!("Dit is een zip-archief, geen Excel-werkmap. {holds} Pak het uit en laad het CSV-, Excel- of JSON-bestand zelf."),
        format!("This is a zip archive, not an Excel workbook. {holds_en} Unpack it and load the CSV, Excel or JSON file itself."),
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

/// What a worksheet's cells refer to: the shared strings, and per cell style (`s="N"`) how it
/// shows a number; `date1904`: the workbook counts days from 1904 (old Mac Excel).
#[derive(Debug, Default)]
struct Book {
    strings: Vec<String>,
    shown: Vec<Shown>,
    date1904: bool,
    /// The workbook asks Excel to calculate every formula when it is opened (`fullCalcOnLoad`):
    /// as programs that cannot calculate write it, with 0 as every formula's stored result.
    full_calc: bool,
}

/// How a cell style shows a number: as itself, as a date, or as a percentage (`0.253` as `25,3%`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shown {
    Number,
    Date,
    Percent,
}

/// The cells read as what their style shows: dates, and percentages (`0.253` shown `25,3%` read
/// as 25.3).
#[derive(Debug, Clone, Copy, Default)]
struct ReadAsShown {
    dates: usize,
    percents: usize,
    /// Formula cells without a stored result, read as empty; the first of them (row, column).
    no_result: usize,
    /// Formula cells whose stored result 0 was never calculated (see [`Book::full_calc`]), read
    /// as missing.
    zero_result: usize,
    first_formula: Option<(usize, usize)>,
}

/// Per cell style (`<xf>` of `<cellXfs>`, in order) how its number format shows a number: a date
/// (Excel's built-in date formats, or a format of the workbook's own with days, months or years),
/// a percentage (built-in `0%`, `0.00%`, or a format of its own with `%` outside quotes), or as
/// the number.
fn number_styles(xml_text: &str) -> Vec<Shown> {
    let mut codes: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut styles = Vec::new();
    let mut in_xfs = false;
    for e in xml::tokens(xml_text) {
        match e {
            Event::Start {
                name: "numFmt",
                attrs,
                ..
            } => {
                if let (Some(id), Some(code)) =
                    (xml::attr(attrs, "numFmtId"), xml::attr(attrs, "formatCode"))
                {
                    codes.insert(id.trim().to_string(), code);
                }
            }
            Event::Start {
                name: "cellXfs",
                empty,
                ..
            } => in_xfs = !empty,
            Event::End { name: "cellXfs" } => in_xfs = false,
            Event::Start {
                name: "xf", attrs, ..
            } if in_xfs => {
                let id = xml::attr(attrs, "numFmtId").unwrap_or_default();
                let id = id.trim();
                styles.push(match codes.get(id) {
                    Some(code) if is_date_code(code) => Shown::Date,
                    Some(code) if is_percent_code(code) => Shown::Percent,
                    Some(_) => Shown::Number,
                    None => match id.parse::<u32>() {
                        Ok(14..=17 | 22 | 27..=36 | 50..=58) => Shown::Date,
                        Ok(9 | 10) => Shown::Percent,
                        _ => Shown::Number,
                    },
                });
            }
            _ => {}
        }
    }
    styles
}

/// Whether a number format shows a number times 100 with a `%`: a `%` that is not quoted or
/// escaped.
fn is_percent_code(code: &str) -> bool {
    format_letters(code).contains('%')
}

/// A number shown as a percentage (`0.253` as `25,3%`) as the percentage it shows, digit for
/// digit (25.3, not 25.299999999999997): the decimal point moved two places in its shortest
/// decimal form. `None` when that is beyond the numbers.
fn percent_of(n: f64) -> Option<f64> {
    let s = format!("{n:e}");
    let (digits, exponent) = s.split_once('e')?;
    let exponent = exponent.parse::<i32>().ok()?.checked_add(2)?;
    format!("{digits}e{exponent}")
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite())
}

/// Whether a number format shows a date: days, years or months (an `m` beside hours or seconds
/// is minutes).
fn is_date_code(code: &str) -> bool {
    let plain = format_letters(code);
    plain.contains('y')
        || plain.contains('d')
        || (plain.contains('m') && !plain.contains('h') && !plain.contains('s'))
}

/// What a number format shows, in lower case: quoted text, escaped characters and `[...]`
/// (colours, locales) left out; `[h]`, `[mm]`, `[ss]` (elapsed time) kept as an `h`.
fn format_letters(code: &str) -> String {
    let mut plain = String::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                let inner: String = chars.by_ref().take_while(|&q| q != ']').collect();
                let inner = inner.to_ascii_lowercase();
                if !inner.is_empty() && inner.chars().all(|q| matches!(q, 'h' | 'm' | 's')) {
                    plain.push('h');
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            c => plain.push(c.to_ascii_lowercase()),
        }
    }
    plain
}

/// An Excel day number as the date it shows, `2019-12-31` (with the time, `2019-12-31 13:45`,
/// when it has one); `None` outside Excel's dates (before 1900 or 1904, after 9999, Excel's
/// 29 February 1900, which did not exist).
fn excel_date(serial: f64, date1904: bool) -> Option<String> {
    if !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor();
    let day = whole as i64;
    // Days since 1970-01-01.
    let z = if date1904 {
        day - 24_107
    } else if day >= 61 {
        day - 25_569
    } else if (1..60).contains(&day) {
        day - 25_568
    } else {
        return None;
    };
    // Howard Hinnant's days-to-civil.
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let date = format!("{y:04}-{m:02}-{d:02}");
    let seconds = ((serial - whole) * 86_400.0).round() as i64;
    Some(match seconds {
        0 => date,
        s if s >= 86_400 => date, // rounds to the next day's midnight: the day itself
        s if s % 60 == 0 => format!("{date} {:02}:{:02}", s / 3600, s / 60 % 60),
        s => format!("{date} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60),
    })
}

/// Why a worksheet cannot be read: a limit exceeded (what, detail; each in Dutch and English),
/// damage (detail in Dutch and English, Excel row, column letter when a cell is damaged), or a
/// damaged zip entry.
#[derive(Debug, Clone, PartialEq)]
enum SheetError {
    Limit([&'static str; 2], [String; 2]),
    Damaged([String; 2], usize, Option<String>),
    Zip(ZipError),
}
use SheetError::Limit as SheetLimit;

fn rows_limit(r: usize) -> SheetError {
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
}

/// Row `r` given after row `last` (`r <= last`).
fn out_of_order(r: usize, last: usize) -> SheetError {
    let detail = if r == last {
        [
            format!("rij {r} staat twee keer in het werkblad"),
            format!("row {r} is in the worksheet twice"),
        ]
    } else {
        [
            format!(
                "rij {r} staat in het werkblad na rij {last}, niet op volgorde van de rijnummers"
            ),
            format!("row {r} comes after row {last} in the worksheet, out of the rows' order"),
        ]
    };
    SheetError::Damaged(detail, r, None)
}

fn cells_limit(budget: usize) -> SheetError {
    SheetLimit(
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
    )
}

/// The rows of a worksheet as its XML is read, one at a time: each row's cells as (column,
/// cell), in column order, a cell given twice taken as the last; Excel's row numbers, a gap
/// between rows given as one blank row. Row numbers beyond Excel's [`limits::MAX_SHEET_ROWS`]
/// and more cells than `budget` are refused while reading, before the cost is paid.
struct RowReader<'s> {
    book: &'s Book,
    /// Whether any cell style shows a date or a percentage (else a cell's style is not looked at).
    any_shown: bool,
    /// How the style of the cell being read shows a number.
    shown: Shown,
    /// Cells read as dates and as percentages.
    read_as_shown: ReadAsShown,
    budget: usize,
    row_no: usize,
    rows: usize,
    col: usize,
    cells_read: usize,
    kind: String,
    value: String,
    in_v: bool,
    in_is_t: bool,
    in_rph: bool,
    in_cell: bool,
    /// Whether the cell being read holds a formula (`<f>`).
    formula: bool,
    /// The row being read: its number and cells.
    current: Option<(usize, Vec<(usize, RawCell)>)>,
    /// Whether the rows are only counted (the first pass of [`read_sheet`], which looks at a
    /// cell only for whether it is blank and, as text, how it votes for the decimal separator):
    /// a shared text that cannot vote (no `.` or `,`) is then not copied, and stands as a
    /// number.
    counting: bool,
    /// The number of the last row given.
    last: Option<usize>,
}

impl<'s> RowReader<'s> {
    fn new(book: &'s Book, budget: usize) -> Self {
        RowReader {
            book,
            any_shown: book.shown.iter().any(|s| *s != Shown::Number),
            shown: Shown::Number,
            read_as_shown: ReadAsShown::default(),
            budget,
            row_no: 0,
            rows: 0,
            col: 0,
            cells_read: 0,
            kind: String::new(),
            value: String::new(),
            in_v: false,
            in_is_t: false,
            in_rph: false,
            in_cell: false,
            formula: false,
            current: None,
            last: None,
            counting: false,
        }
    }

    /// Gives the row being read to `on_row` (after a blank row for a gap before it).
    fn flush<E: From<SheetError>>(
        &mut self,
        on_row: &mut impl FnMut(usize, &mut [(usize, RawCell)]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let Some((r, mut cells)) = self.current.take() else {
            return Ok(());
        };
        if let Some(gap) = self.last.and_then(|l| l.checked_add(1)).filter(|&g| r > g) {
            on_row(gap, &mut [])?;
        }
        self.last = Some(r);
        // Cells out of order, or one given twice: in column order, the last of each.
        if cells.windows(2).any(|w| w[0].0 >= w[1].0) {
            cells.reverse();
            cells.sort_by_key(|(j, _)| *j); // stable: of equal columns the last given first
            cells.dedup_by_key(|(j, _)| *j);
        }
        on_row(r, &mut cells)
    }

    fn event<E: From<SheetError>>(
        &mut self,
        e: Event<'_>,
        on_row: &mut impl FnMut(usize, &mut [(usize, RawCell)]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        match e {
            Event::Start { name, attrs, empty } => match name {
                "row" => {
                    self.flush(on_row)?;
                    // Excel numbers rows from 1; a missing or unreadable number follows the last.
                    let next = self
                        .row_no
                        .checked_add(1)
                        .ok_or_else(|| rows_limit(self.row_no))?;
                    self.row_no = xml::attr_ref(attrs, "r")
                        .and_then(|r| r.trim().parse::<usize>().ok())
                        .filter(|&r| r > 0)
                        .unwrap_or(next);
                    if self.row_no > limits::MAX_SHEET_ROWS || self.rows >= limits::MAX_SHEET_ROWS {
                        return Err(rows_limit(self.row_no.max(self.rows + 1)).into());
                    }
                    // Rows out of order (Excel never writes them so; a damaged file or another
                    // program may) are refused, not read in the XML's order as if that were the
                    // sheet's: putting them in order would mean holding the whole sheet.
                    if let Some(last) = self.last.filter(|&l| self.row_no <= l) {
                        return Err(out_of_order(self.row_no, last).into());
                    }
                    self.rows += 1;
                    self.col = 0;
                    self.current = Some((self.row_no, Vec::new()));
                }
                "c" => {
                    // The cell's reference, type and style, in one scan of its attributes.
                    let (mut r, mut t, mut s) = (None, None, None);
                    for (key, value) in xml::attr_pairs(attrs) {
                        let slot = match key {
                            "r" => &mut r,
                            "t" => &mut t,
                            "s" => &mut s,
                            _ => continue,
                        };
                        if slot.is_none() {
                            *slot = Some(value);
                        }
                    }
                    self.col = match r.map(xml::unescape) {
                        None => self.col,
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
                                self.row_no,
                                Some(column_letter(self.col.min(MAX_COLUMNS - 1))),
                            )
                        })?,
                    };
                    self.kind.clear();
                    if let Some(t) = t.map(xml::unescape) {
                        self.kind.push_str(&t);
                    }
                    self.shown = match self.any_shown {
                        false => Shown::Number,
                        true => {
                            let style = s.map(xml::unescape);
                            let style = style.as_deref().map_or(Some(0), |s| s.trim().parse().ok());
                            style
                                .and_then(|i: usize| self.book.shown.get(i).copied())
                                .unwrap_or(Shown::Number)
                        }
                    };
                    self.value.clear();
                    self.formula = false;
                    self.in_cell = !empty;
                    if empty {
                        self.col += 1;
                    }
                }
                "v" if self.in_cell && !empty => self.in_v = true,
                "f" if self.in_cell => self.formula = true,
                "t" if self.in_cell && !empty => self.in_is_t = true,
                "rPh" if !empty => self.in_rph = true,
                _ => {}
            },
            Event::End { name } => match name {
                "v" => self.in_v = false,
                "t" => self.in_is_t = false,
                "rPh" => self.in_rph = false,
                "c" if self.in_cell => {
                    self.in_cell = false;
                    let mut cell = self.cell()?;
                    if self.formula {
                        let unread = match &cell {
                            RawCell::Empty => Some(&mut self.read_as_shown.no_result),
                            RawCell::Number(n) if *n == 0.0 && self.book.full_calc => {
                                Some(&mut self.read_as_shown.zero_result)
                            }
                            _ => None,
                        };
                        if let Some(count) = unread {
                            *count += 1;
                            cell = RawCell::Empty;
                            let at = (self.row_no, self.col);
                            self.read_as_shown.first_formula.get_or_insert(at);
                        }
                    }
                    let cell = match cell {
                        // (A shared text is text, whatever its style; counted, it may stand as
                        // a number.)
                        RawCell::Number(n) if self.shown == Shown::Date && self.kind != "s" => {
                            match excel_date(n, self.book.date1904) {
                                Some(d) => {
                                    self.read_as_shown.dates += 1;
                                    RawCell::Text(d)
                                }
                                None => cell,
                            }
                        }
                        RawCell::Number(n) if self.shown == Shown::Percent && self.kind != "s" => {
                            match percent_of(n) {
                                Some(p) => {
                                    self.read_as_shown.percents += 1;
                                    RawCell::Number(p)
                                }
                                None => cell,
                            }
                        }
                        cell => cell,
                    };
                    let (row_no, col) = (self.row_no, self.col);
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
                        )
                        .into());
                    }
                    if let Some((_, cells)) = self.current.as_mut().filter(|_| col < MAX_COLUMNS) {
                        self.cells_read += 1;
                        if self.cells_read > self.budget {
                            return Err(cells_limit(self.budget).into());
                        }
                        cells.push((col, cell));
                    }
                    self.col += 1;
                }
                _ => {}
            },
            // Text beyond the cell limit is not kept: the cell is refused for its length anyway.
            Event::Text(t)
                if (self.in_v || self.in_is_t)
                    && !self.in_rph
                    && self.value.len() <= limits::MAX_CELL_BYTES =>
            {
                self.value.push_str(&xml::unescape(t))
            }
            Event::CData(t)
                if (self.in_v || self.in_is_t)
                    && !self.in_rph
                    && self.value.len() <= limits::MAX_CELL_BYTES =>
            {
                self.value.push_str(t)
            }
            _ => {}
        }
        Ok(())
    }

    /// The cell just closed, typed.
    fn cell(&self) -> std::result::Result<RawCell, SheetError> {
        let (value, strings) = (&self.value, &self.book.strings);
        let v = value.trim();
        Ok(match self.kind.as_str() {
            _ if value.is_empty() => RawCell::Empty,
            "s" => match v.parse::<usize>().ok().and_then(|i| strings.get(i)) {
                Some(s) if self.counting && !s.bytes().any(|b| b == b'.' || b == b',') => {
                    if s.trim().is_empty() {
                        RawCell::Empty
                    } else {
                        RawCell::Number(0.0)
                    }
                }
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
                        self.row_no,
                        Some(column_letter(self.col.min(MAX_COLUMNS - 1))),
                    ))
                }
            },
            "inlineStr" | "str" => RawCell::Text(xml::unescape_excel(value).into_owned()),
            "b" => RawCell::Text(if v == "1" { "WAAR" } else { "ONWAAR" }.into()),
            "e" | "d" => RawCell::Text(v.to_string()),
            // `1e400` and `nan` stay text: the table names them in its notes.
            _ => crate::decimal::parse_f64(v)
                .filter(|n| n.is_finite())
                .map_or_else(|| RawCell::Text(v.to_string()), RawCell::Number),
        })
    }
}

impl From<ZipError> for SheetError {
    fn from(e: ZipError) -> Self {
        SheetError::Zip(e)
    }
}

/// Reads the rows of a worksheet whose XML `fill` gives a piece at a time (see [`RowReader`]),
/// giving each to `on_row`; gives the number of cells read as dates and as percentages.
fn sheet_rows<E: From<SheetError>>(
    mut fill: impl FnMut(&mut Vec<u8>) -> std::result::Result<bool, ZipError>,
    (book, budget, counting): (&Book, usize, bool),
    mut on_row: impl FnMut(usize, &mut [(usize, RawCell)]) -> std::result::Result<(), E>,
) -> std::result::Result<ReadAsShown, E> {
    let mut reader = RowReader::new(book, budget);
    reader.counting = counting;
    xml::each_token(
        |buf| fill(buf).map_err(|e| SheetError::Zip(e).into()),
        |e| reader.event(e, &mut on_row),
    )?;
    reader.flush(&mut on_row)?;
    Ok(reader.read_as_shown)
}

/// A worksheet's XML as a grid with Excel's row numbers; gaps between rows become one blank row,
/// and empty columns left of everything are dropped (their number is returned with the grid,
/// and the number of cells read as dates and as percentages).
/// The whole sheet at once: the reference [`read_xlsx`] is checked against, a row at a time.
fn sheet_grid(
    xml_text: &str,
    book: &Book,
    budget: usize,
) -> std::result::Result<(sniff::Grid, usize, ReadAsShown), SheetError> {
    let mut rows: Vec<(usize, Vec<(usize, RawCell)>)> = Vec::new();
    let mut given = false;
    let shown = sheet_rows::<SheetError>(
        |buf| {
            if !std::mem::replace(&mut given, true) {
                buf.extend_from_slice(xml_text.as_bytes());
            }
            Ok(false)
        },
        (book, budget, false),
        |r, cells| {
            rows.push((r, cells.to_vec()));
            Ok(())
        },
    )?;
    let first_col = first_column(rows.iter().map(|(_, c)| c.as_slice()));
    dense_check(
        rows.iter().map(|(_, c)| c.last().map_or(0, |(j, _)| j + 1)),
        first_col,
        budget,
    )?;
    let grid = rows
        .into_iter()
        .map(|(r, cells)| (r, dense(&cells, first_col)))
        .collect();
    Ok((grid, first_col, shown))
}

/// The first column with a filled cell in any row.
fn first_column<'c>(rows: impl Iterator<Item = &'c [(usize, RawCell)]>) -> usize {
    rows.flat_map(|c| c.iter())
        .filter(|(_, c)| !c.is_blank())
        .map(|(j, _)| *j)
        .min()
        .unwrap_or(0)
}

/// The grid holds every row as wide as its last cell: a row with one cell in column XFD is
/// 16,384 cells, so the dense size (rows `widths`, from column `first_col`) is checked against
/// the budget before it is built.
fn dense_check(
    widths: impl Iterator<Item = usize>,
    first_col: usize,
    budget: usize,
) -> std::result::Result<(), SheetError> {
    let dense_cells = widths.fold(0usize, |n, w| n.saturating_add(w.saturating_sub(first_col)));
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
    Ok(())
}

/// A row's cells (in column order, each column once) as the grid holds them: from `first_col`
/// to the last cell.
fn dense(cells: &[(usize, RawCell)], first_col: usize) -> Vec<RawCell> {
    let width = cells.last().map_or(0, |(j, _)| j + 1);
    let mut row = vec![RawCell::Empty; width.saturating_sub(first_col)];
    for (j, c) in cells {
        if let Some(slot) = j.checked_sub(first_col).and_then(|k| row.get_mut(k)) {
            *slot = c.clone();
        }
    }
    row
}

/// [`dense`], the cells moved out of `cells` (a data row's texts are not copied again).
fn dense_take(cells: &mut [(usize, RawCell)], first_col: usize) -> Vec<RawCell> {
    let width = cells.last().map_or(0, |(j, _)| j + 1);
    let mut row = vec![RawCell::Empty; width.saturating_sub(first_col)];
    for (j, c) in cells {
        if let Some(slot) = j.checked_sub(first_col).and_then(|k| row.get_mut(k)) {
            *slot = std::mem::replace(c, RawCell::Empty);
        }
    }
    row
}

struct Sheet {
    name: String,
    path: String,
}

/// The visible worksheets in workbook order, with the path of their part; the names of the hidden
/// ones; whether the workbook counts days from 1904.
/// What the workbook part says of its cells: whether it counts days from 1904 (old Mac Excel),
/// and whether it has Excel calculate every formula when opened (see [`Book::full_calc`]).
#[derive(Default, Clone, Copy)]
struct BookFlags {
    date1904: bool,
    full_calc: bool,
}

fn worksheets(zip: &Archive, name: &str) -> Result<(Vec<Sheet>, Vec<String>, BookFlags)> {
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
        if zip.read("[Content_Types].xml").is_none() {
            return Err(plain_archive(zip, name));
        }
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
    let mut hidden_sheets = Vec::new();
    let mut date1904 = false;
    let mut full_calc = false;
    for e in xml::tokens(&wb) {
        if let Event::Start {
            name: "calcPr",
            attrs,
            ..
        } = e
        {
            full_calc = xml::attr(attrs, "fullCalcOnLoad")
                .is_some_and(|v| matches!(v.trim(), "1" | "true"));
        }
        if let Event::Start {
            name: "workbookPr",
            attrs,
            ..
        } = e
        {
            date1904 =
                xml::attr(attrs, "date1904").is_some_and(|v| matches!(v.trim(), "1" | "true"));
        }
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
            if !kind.ends_with("/worksheet") {
                continue;
            }
            if hidden {
                hidden_sheets.push(sheet);
            } else {
                sheets.push(Sheet {
                    name: sheet,
                    path: resolve(&dir, target),
                });
            }
        }
    }
    Ok((
        sheets,
        hidden_sheets,
        BookFlags {
            date1904,
            full_calc,
        },
    ))
}

/// The workbook's archive, its visible worksheets (and the tables found on them: [`Found`]), the
/// cell budget for a file of its size and what the cells refer to (shared strings, date styles).
fn open_workbook<'b>(
    name: &str,
    bytes: &'b [u8],
) -> Result<(Archive<'b>, Vec<Sheet>, Found<'static>, usize, Book)> {
    let zip = Archive::open(bytes).map_err(|e| zip_error(name, ["", ""], e))?;
    let (sheets, hidden, flags) = worksheets(&zip, name)?;
    let BookFlags {
        date1904,
        full_calc,
    } = flags;
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
    // The cell styles: a part the workbook cannot do without only for dates and percentages, so
    // a damaged or missing one reads numbers as numbers.
    let shown = zip
        .names()
        .find(|n| n.to_ascii_lowercase().ends_with("styles.xml"))
        .map(str::to_string)
        .and_then(|n| zip.read(&n))
        .and_then(|r| r.ok())
        .map(|b| number_styles(&text_of(b)))
        .unwrap_or_default();
    let book = Book {
        strings,
        shown,
        date1904,
        full_calc,
    };
    let found = Found {
        names: sheets.iter().map(|s| s.name.clone()).collect(),
        hidden,
        ..Found::default()
    };
    Ok((zip, sheets, found, budget, book))
}

/// A worksheet's error as the user's: in file `name`, `context` naming the sheet.
fn sheet_error(name: &str, context: &[String; 2], e: SheetError) -> Error {
    let with_context =
        |[nl, en]: [String; 2]| [format!("{}{nl}", context[0]), format!("{}{en}", context[1])];
    match e {
        SheetError::Limit(what, detail) => limits::exceeded(name, what, with_context(detail)),
        SheetError::Damaged(detail, row, col) => {
            let mut e = bad_workbook(name, with_context(detail));
            let at = Location::file(name).row(row);
            e.location = Some(match col {
                Some(col) => at.column(&col),
                None => at,
            });
            e
        }
        SheetError::Zip(e) => zip_error(name, [&context[0], &context[1]], e),
    }
}

/// What is said of a table found on worksheet `sheet` with its header on `header_row`: the
/// numbers stored as text (`votes`, read with `decimal`), the cells read as dates and
/// percentages, the
/// worksheets `passed` before it,
/// the `titles` above it.
fn sheet_detected(
    sheet: &str,
    header_row: usize,
    (votes, decimal, shown): (DecimalVotes, char, ReadAsShown),
    passed: &[String],
    titles: &[(usize, String)],
) -> Detected {
    let mut detected = Detected {
        format: "xlsx".into(),
        sheet: Some(sheet.to_string()),
        header_row,
        ..Default::default()
    };
    if votes.comma + votes.dot + votes.ambiguous > 0 {
        detected.decimal = Some(decimal.to_string());
        let n = votes.comma + votes.dot + votes.ambiguous;
        detected.note(
            format!("{n} getal(len) als tekst opgeslagen, gelezen met decimaalteken '{decimal}'"),
            format!(
                "{n} number{} stored as text, read with decimal separator '{decimal}'",
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    let dates = shown.dates;
    if dates > 0 {
        detected.note(
            format!(
                "{} cel(len) met een datumopmaak gelezen als datum (jjjj-mm-dd), niet als Excels dagnummer",
                thousands(dates)
            ),
            format!(
                "{} cell{} formatted as a date read as a date (yyyy-mm-dd), not as Excel's day number",
                limits::thousands_en(dates),
                if dates == 1 { "" } else { "s" }
            ),
        );
    }
    if shown.percents > 0 {
        let n = shown.percents;
        detected.note(
            format!(
                "{} cel(len) met een procentopmaak gelezen als het getoonde percentage (0,253 getoond als 25,3% gelezen als 25,3)",
                thousands(n)
            ),
            format!(
                "{} cell{} formatted as a percentage read as the percentage shown (0.253 shown as 25.3% read as 25.3)",
                limits::thousands_en(n),
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    let first = shown
        .first_formula
        .map(|(r, j)| format!("{}{r}", column_letter(j)))
        .unwrap_or_default();
    if shown.no_result > 0 {
        let n = shown.no_result;
        detected.note(
            format!(
                "{} formulecel(len) zonder opgeslagen uitkomst als leeg gelezen (de eerste: {first}): het programma dat de werkmap schreef, rekende de formules niet uit. Open het bestand in Excel en sla het op om de uitkomsten te lezen",
                thousands(n)
            ),
            format!(
                "{} formula cell{} without a stored result read as empty (the first: {first}): the program that wrote the workbook did not calculate the formulas. Open the file in Excel and save it to read the results",
                limits::thousands_en(n),
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    if shown.zero_result > 0 {
        let n = shown.zero_result;
        detected.note(
            format!(
                "{} formulecel(len) met de opgeslagen uitkomst 0 als ontbrekend gelezen (de eerste: {first}): de werkmap laat Excel alle formules bij het openen opnieuw uitrekenen, zoals programma's doen die ze zelf niet uitrekenen en 0 opslaan. Open het bestand in Excel en sla het op om de uitkomsten te lezen",
                thousands(n)
            ),
            format!(
                "{} formula cell{} with the stored result 0 read as missing (the first: {first}): the workbook has Excel calculate every formula when it is opened, as programs do that do not calculate them and store 0. Open the file in Excel and save it to read the results",
                limits::thousands_en(n),
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    if !passed.is_empty() {
        let [list_nl, list_en] = sheet_list(passed);
        detected.note(
            format!("Werkblad(en) zonder tabel overgeslagen: {}", list_nl),
            format!("Worksheet(s) without a table skipped: {}", list_en),
        );
    }
    if let Some((nl, en)) = titles_note(titles) {
        detected.note(nl, en);
    }
    detected
}

/// The tables found on a workbook's visible worksheets, in order. The first that holds a number
/// is read: a sheet before it whose table is only text (a glossary of terms, a list of
/// explanations) is passed over and named; only when no later sheet holds numbers is the first
/// such table read.
#[derive(Default)]
struct Found<'n> {
    /// The visible worksheets.
    names: Vec<String>,
    /// The hidden worksheets, never read.
    hidden: Vec<String>,
    /// The first table of only text, said as read (when no later sheet holds numbers).
    text_only: Option<Unfinished<'n>>,
    /// The sheets whose table is only text.
    text_sheets: Vec<String>,
}

impl<'n> Found<'n> {
    /// The table on visible sheet `at`: the one to give, said (but for the sheets after it,
    /// [`note_unread`]), or `None` to look on.
    fn take(&mut self, mut t: Unfinished<'n>, at: usize) -> Option<Unfinished<'n>> {
        let rest = self.names.get(at + 1..).unwrap_or_default();
        if !t.0.columns.iter().any(super::Column::has_number) && !rest.is_empty() {
            self.text_sheets.push(self.names[at].clone());
            if self.text_only.is_none() {
                note_unread(&mut t.1, rest, &self.hidden);
                self.text_only = Some(t);
            }
            return None;
        }
        if !self.text_sheets.is_empty() {
            let [list_nl, list_en] = sheet_list(&self.text_sheets);
            t.1.note(
                format!(
                    "Werkblad(en) met alleen tekst, zonder getallen, overgeslagen: {}",
                    list_nl
                ),
                format!(
                    "Worksheet(s) holding only text, no numbers, skipped: {}",
                    list_en
                ),
            );
        }
        Some(t)
    }

    /// What is read when no sheet after a table of only text holds a table.
    fn end(self, name: &str) -> Result<Table> {
        let (b, detected) = self.text_only.ok_or_else(|| no_table(name))?;
        b.finish(detected)
    }
}

/// Says which visible worksheets after the one read were not read (only the first that holds a
/// table is: a workbook with a year per sheet is not silently cut to its first year), and that
/// the `hidden` ones were not.
fn note_unread(t: &mut Detected, rest: &[String], hidden: &[String]) {
    if !hidden.is_empty() {
        let [list_nl, list_en] = sheet_list(hidden);
        t.note(
            format!("Verborgen werkblad(en) niet gelezen: {}", list_nl),
            format!("Hidden worksheet(s) not read: {}", list_en),
        );
    }
    if rest.is_empty() {
        return;
    }
    let [list_nl, list_en] = sheet_list(rest);
    // Several sheets stacked as one table: those were read, the rest not.
    if t.sheets.len() > 1 {
        let [read_nl, read_en] = sheet_list(&t.sheets);
        t.note(
            format!("Werkbladen {read_nl} gelezen; niet gelezen: {list_nl}. Staan daar ook gegevens, zet ze dan in één werkblad of sla elk werkblad apart op."),
            format!("Worksheets {read_en} read; not read: {list_en}. If they hold data too, put it in one worksheet or save each worksheet on its own."),
        );
        return;
    }
    let sheet = t.sheet.clone().unwrap_or_default();
    t.note(
        format!(
            "Alleen werkblad '{sheet}' gelezen; niet gelezen: {}. Staan daar ook gegevens, zet ze dan in één werkblad of sla elk werkblad apart op.",
            list_nl
        ),
        format!(
            "Only worksheet '{sheet}' read; not read: {}. If they hold data too, put it in one worksheet or save each worksheet on its own.",
            list_en
        ),
    );
}

/// Worksheet names as a note lists them (quoted, shortened, the first ten), in Dutch and English.
fn sheet_list(sheets: &[String]) -> [String; 2] {
    let quoted: Vec<String> = sheets
        .iter()
        .map(|s| format!("'{}'", sniff::shorten(s, 40)))
        .collect();
    [
        crate::format::first_ten(&quoted, crate::format::Lang::Nl),
        crate::format::first_ten(&quoted, crate::format::Lang::En),
    ]
}

fn no_table(name: &str) -> Error {
    Error::new2(
        ErrorKind::NoRows,
        "Geen werkblad in dit Excel-bestand bevat een tabel (een kopregel met daaronder gegevens).",
        "No worksheet in this Excel file holds a table (a header row with data below it).",
    )
    .at(Location::file(name))
}

/// Why reading a worksheet stopped: the sheet, or the table built from it.
enum Fail {
    Sheet(SheetError),
    Table(Error),
}

impl From<SheetError> for Fail {
    fn from(e: SheetError) -> Self {
        Fail::Sheet(e)
    }
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Table(e)
    }
}

/// Reads the first visible worksheet that holds a table. Each worksheet is read as it is
/// inflated, twice, never held whole: the first pass keeps per row only its filled cells (count,
/// first and last column) and the decimal votes of any numbers stored as text, which tell where
/// the table is as [`sniff::locate`] tells it from the whole grid; the second writes the table's
/// rows into the columns. The same table and notes as reading the whole grid
/// ([`read_xlsx_whole`], which the tests and the fuzz target compare it with).
pub fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Table> {
    read_xlsx_with(name, bytes, &mut |_, _| {})
}

/// [`read_xlsx`], telling `progress(done, total)` how far it is: `total` is the file's size and
/// `done` runs from half of it (the bytes are in) to all of it, over the two passes of the
/// worksheets (by the compressed bytes of each inflated), never back.
pub fn read_xlsx_with(
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Table> {
    let size = bytes.len().max(1);
    let mut shown = 0usize;
    let mut tell = |pass: usize, (taken, of): (usize, usize)| {
        let share = (pass as f64 + taken as f64 / of.max(1) as f64) / 2.0;
        let done = size / 2 + ((size / 2) as f64 * share.min(1.0)) as usize;
        // (About a hundred steps: a message per step is cheap.)
        if done >= shown + size / 100 {
            shown = done;
            progress(done, size);
        }
    };
    let (zip, sheets, found, budget, book) = open_workbook(name, bytes)?;
    read_book(name, bytes.len(), &sheets, found, |sheet, passed| {
        let Some(part) = zip.stream(&sheet.path) else {
            return Ok(None);
        };
        let context = sheet_context(&sheet.name);
        let mut part = part.map_err(|e| zip_error(name, [&context[0], &context[1]], e))?;
        let how = (name, bytes.len(), sheet.name.as_str(), passed);
        match read_sheet(how, &mut part, &book, budget, &mut tell) {
            Ok(t) => Ok(t),
            Err(Fail::Sheet(e)) => Err(sheet_error(name, &context, e)),
            Err(Fail::Table(e)) => Err(e),
        }
    })
}

/// A worksheet's table before it is finished (so that the same table on later worksheets can
/// be stacked under it, [`stack`]), with what was found out about it.
type Unfinished<'n> = (super::TableBuilder<'n>, Detected);

/// The words that put a worksheet's name before a message about it.
fn sheet_context(sheet: &str) -> [String; 2] {
    [
        format!("werkblad '{sheet}': "),
        format!("worksheet '{sheet}': "),
    ]
}

/// At most this many later worksheets are stacked under the first (a row number keeps its sheet
/// above [`super::SHEET_SHIFT`], up to 2,047).
const MOST_STACKED: usize = 1_000;

/// Reads a workbook's visible `sheets` in order with `read` (a sheet's table, given the sheets
/// passed over before it, or none): the first that holds a table ([`Found`]), with the tables of
/// the same header on later sheets stacked under it when they are told apart ([`stack`]). A
/// later sheet that cannot be read, or holds another table, is left unread and named, as before
/// the stacking.
fn read_book<'n>(
    name: &'n str,
    file_bytes: usize,
    sheets: &[Sheet],
    mut found: Found<'n>,
    mut read: impl FnMut(&Sheet, &[String]) -> Result<Option<Unfinished<'n>>>,
) -> Result<Table> {
    let mut passed: Vec<String> = Vec::new();
    // A part is read once, however many sheets name it (a crafted workbook can name one part
    // thousands of times).
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut first: Option<(usize, Unfinished<'n>)> = None;
    let mut later: Vec<(String, Unfinished<'n>)> = Vec::new();
    for (at, sheet) in sheets.iter().enumerate() {
        if !seen.insert(sheet.path.to_ascii_lowercase()) {
            if first.is_none() {
                passed.push(sheet.name.clone());
            }
            continue;
        }
        match &first {
            None => match read(sheet, &passed)? {
                Some(mut t) => {
                    #[cfg(feature = "full")]
                    pandas_index_name(&mut t);
                    first = found.take(t, at).map(|t| (at, t));
                }
                None => passed.push(sheet.name.clone()),
            },
            Some((_, (b, _))) if later.len() < MOST_STACKED => {
                if let Ok(Some(t)) = read(sheet, &[]) {
                    let names = |b: &super::TableBuilder| {
                        b.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>()
                    };
                    if names(b) == names(&t.0) {
                        later.push((sheet.name.clone(), t));
                    }
                }
            }
            Some(_) => break,
        }
    }
    let Some((at, t)) = first else {
        return found.end(name);
    };
    let (mut t, stacked) = stack((sheets[at].name.clone(), t), later);
    t.0.check(file_bytes)?;
    let rest: Vec<String> = sheets[at + 1..]
        .iter()
        .map(|s| s.name.clone())
        .filter(|s| !stacked.contains(s))
        .collect();
    note_unread(&mut t.1, &rest, &found.hidden);
    t.0.finish(t.1)
}

/// pandas' `to_excel` of a table with columns on two levels (merged cells, its default): the
/// upper level over the lower (`workers_total` over `2015`, `2016`, ...), read as a header over
/// two rows, with the lower level's name where the index's is (`year` over the regions) and the
/// index's name alone on the row below (`region`), set aside as a lone cell. That name is the
/// first column's: the column is renamed, the row is part of the header, and the file line says
/// so. Only when the first column is named as a period, holds no numbers, and two columns or more
/// end in a period.
#[cfg(feature = "full")]
fn pandas_index_name(t: &mut Unfinished) {
    let (b, d) = t;
    let below = d.header_row + 1;
    let Some(at) = d
        .rejected
        .iter()
        .position(|r| r.row == below && r.reason == sniff::REASON_SINGLE)
    else {
        return;
    };
    let name = d.rejected[at].content.trim().to_string();
    let Some(first) = b.columns.first() else {
        return;
    };
    let level = first.name.clone();
    let period_word = matches!(
        crate::case::lower(level.trim()).as_str(),
        "year"
            | "years"
            | "jaar"
            | "jaren"
            | "periode"
            | "perioden"
            | "period"
            | "kwartaal"
            | "quarter"
            | "maand"
            | "month"
            | "datum"
            | "date"
            | "peildatum"
    );
    let ends_in_period = |n: &str| {
        n.rsplit_once(char::is_whitespace)
            .is_some_and(|(_, p)| crate::spec::Period::parse(p).is_some())
    };
    if !name.chars().any(char::is_alphabetic)
        || !period_word
        || first.has_number()
        || b.columns[1..]
            .iter()
            .filter(|c| ends_in_period(&c.name))
            .count()
            < 2
        || b.columns.iter().any(|c| c.name == name)
    {
        return;
    }
    b.columns[0].name = name.clone();
    d.rejected.remove(at);
    d.header_row = below;
    d.note(
        format!("'{name}' op rij {below}, onder de kopregel, is de naam van de eerste kolom (zo schrijft pandas de naam van de index); '{level}' erboven is de naam van het niveau van de periodes"),
        format!("'{name}' on row {below}, below the header, is the name of the first column (as pandas writes the index's name); '{level}' above it is the name of the level of the periods"),
    );
}

/// The first worksheet's table with the tables of the same header on `later` worksheets
/// stacked under it, and the sheets stacked; when they cannot be told apart, the first alone.
/// They are told apart:
/// - by their names, when each names a different period (`2015`, `2016`) or subgroup
///   (`Wajong`, `WSW`) and no column holds such values: the name is then a new first column
///   (`periode`, `doelgroep`);
/// - else by a column of text or periods whose values differ from sheet to sheet (`jaar`, with
///   2015 on one sheet and 2016 on the next).
///
/// Sheets with the same table otherwise (a copy, a sheet per printout) are not stacked: their
/// rows would be counted twice. Said in the file line; a row number then keeps its sheet
/// ([`Detected::sheets`]).
fn stack<'n>(
    first: (String, Unfinished<'n>),
    later: Vec<(String, Unfinished<'n>)>,
) -> (Unfinished<'n>, Vec<String>) {
    if later.is_empty() {
        return (first.1, Vec::new());
    }
    let sheets = || std::iter::once(&first).chain(&later);
    let names: Vec<&str> = sheets().map(|(n, _)| n.trim()).collect();
    let width = first.1 .0.columns.len();
    let columns = |j: usize| sheets().map(move |(_, t)| &t.0.columns[j]);
    let kind = crate::table::key_column_name(&names).filter(|&kind| {
        names_differ(&names, kind) && !(0..width).any(|j| holds_only(columns(j), kind))
    });
    let apart = match kind {
        Some(_) => None,
        None => match (0..width).find(|&j| told_apart(columns(j))) {
            Some(j) => Some(j),
            None => return (first.1, Vec::new()),
        },
    };
    let sheet_names: Vec<String> = sheets().map(|(n, _)| n.clone()).collect();
    let (_, (mut b, mut d)) = first;
    let mut sheet_of_rows: Vec<(usize, usize)> = vec![(0, b.rows())];
    for (k, (sheet, (other, od))) in later.into_iter().enumerate() {
        let k = k + 1;
        let shift = (k as u32) << super::SHEET_SHIFT;
        let mut rows = other.row_numbers;
        rows.shift(shift);
        sheet_of_rows.push((k, rows.len()));
        b.row_numbers.extend(rows);
        for (j, col) in other.columns.into_iter().enumerate() {
            b.columns[j].append(col);
        }
        b.beyond.extend(
            other
                .beyond
                .into_iter()
                .map(|(j, r, t)| (j, r + (k << super::SHEET_SHIFT), t)),
        );
        for (nl, en) in od.notes.iter().zip(od.notes_en.iter()) {
            if !d.notes.contains(nl) {
                d.note(
                    format!("Werkblad '{sheet}': {nl}"),
                    format!("Worksheet '{sheet}': {en}"),
                );
            }
        }
        d.rejected.extend(od.rejected.into_iter().map(|mut r| {
            r.sheet = Some(sheet.to_string());
            r
        }));
    }
    // (The first worksheet's rows set aside name it too.)
    for r in d.rejected.iter_mut().filter(|r| r.sheet.is_none()) {
        r.sheet = sheet_names.first().cloned();
    }
    let total: usize = sheet_of_rows.iter().map(|&(_, n)| n).sum();
    let quoted: Vec<String> = sheet_names
        .iter()
        .map(|s| format!("'{}'", sniff::shorten(s, 40)))
        .collect();
    let (list_nl, list_en) = (
        crate::format::first_ten(&quoted, crate::format::Lang::Nl),
        crate::format::first_ten(&quoted, crate::format::Lang::En),
    );
    let (how_nl, how_en) = match (kind, apart) {
        (Some(kind), _) => {
            let taken: Vec<String> = b.columns.iter().map(|c| c.name.clone()).collect();
            let mut column = kind.to_string();
            let mut n = 2;
            while taken.contains(&column) {
                column = format!("{kind}_{n}");
                n += 1;
            }
            let mut c = super::Column::with_capacity(column.clone(), total);
            for &(k, len) in &sheet_of_rows {
                let name = sheet_names[k].trim();
                for _ in 0..len {
                    match name.parse::<i32>() {
                        Ok(y) => c.push_number(f64::from(y)),
                        Err(_) => c.push_text(name),
                    }
                }
            }
            b.columns.insert(0, c);
            (
                format!("de naam van het werkblad staat in de nieuwe kolom '{column}'"),
                format!("the worksheet's name is in the new column '{column}'"),
            )
        }
        (None, Some(j)) => {
            let c = &b.columns[j].name;
            (
                format!("ze verschillen in kolom '{c}'"),
                format!("they differ in column '{c}'"),
            )
        }
        (None, None) => (String::new(), String::new()),
    };
    d.note(
        format!(
            "{} werkbladen met dezelfde kopregel onder elkaar gelezen als één tabel: {list_nl} ({} rijen); {how_nl}",
            sheet_names.len(),
            thousands(total)
        ),
        format!(
            "{} worksheets with the same header read one below the other as one table: {list_en} ({} rows); {how_en}",
            sheet_names.len(),
            limits::thousands_en(total)
        ),
    );
    d.sheets = sheet_names.clone();
    ((b, d), sheet_names)
}

/// Whether the `names` of worksheets, each a `kind` ([`crate::table::key_column_name`]), name
/// different periods or subgroups (`WSW` and `Wsw-ers` would name one).
fn names_differ(names: &[&str], kind: &str) -> bool {
    let keys: Vec<String> = names
        .iter()
        .map(|n| match kind {
            "periode" => crate::spec::Period::parse(n).map(|p| p.to_string()),
            "arbeidsmarktregio" => Some(crate::geo::names::fold(n)),
            _ => crate::spec::Subgroup::from_label(n).map(|s| format!("{s:?}")),
        })
        .map(Option::unwrap_or_default)
        .collect();
    keys.iter()
        .enumerate()
        .all(|(k, key)| !keys[..k].contains(key))
}

/// Whether the cells of `columns` (one column on each sheet) are all of `kind`, periods or
/// subgroups, and some are: the sheets' names would then say again what a column says.
fn holds_only<'c>(columns: impl Iterator<Item = &'c super::Column>, kind: &str) -> bool {
    let mut any = false;
    for c in columns {
        for cell in c.iter() {
            let fits = match (cell, kind) {
                (super::Cell::Missing, _) => continue,
                (super::Cell::Number(n), "periode") => {
                    n.fract() == 0.0 && crate::spec::Period::parse(&format!("{n}")).is_some()
                }
                (super::Cell::Text(t), "periode") => crate::spec::Period::parse(t).is_some(),
                (super::Cell::Text(t), "arbeidsmarktregio") => crate::geo::names::names_a_region(t),
                (super::Cell::Text(t), _) => crate::spec::Subgroup::from_label(t).is_some(),
                _ => false,
            };
            if !fits {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Whether `columns` (one column on each sheet), each of texts or of periods, have no value in
/// common from sheet to sheet, and a value on each: the sheets hold different rows.
fn told_apart<'c>(columns: impl Iterator<Item = &'c super::Column>) -> bool {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (k, c) in columns.enumerate() {
        let mut any = false;
        for cell in c.iter() {
            let key = match cell {
                super::Cell::Missing => continue,
                super::Cell::Text(t) => t.trim().to_string(),
                super::Cell::Number(n)
                    if n.fract() == 0.0
                        && crate::spec::Period::parse(&format!("{n}")).is_some() =>
                {
                    format!("{n}")
                }
                super::Cell::Number(_) => return false,
            };
            any = true;
            if *seen.entry(key).or_insert(k) != k {
                return false;
            }
        }
        if !any {
            return false;
        }
    }
    true
}

/// What the first pass keeps of a row: its filled cells, the first filled column and the one
/// after the last (`u16::MAX` and 0 when none), and the column after its last cell, filled or
/// not. (Columns stop at XFD, 16,384.)
#[derive(Clone, Copy)]
struct RowStat {
    filled: u16,
    first: u16,
    last: u16,
    width: u16,
}

/// Inflated bytes taken at a time (in the unit tests a few, so that every workbook there is read
/// in many pieces).
const PIECE: usize = if cfg!(test) { 61 } else { 1 << 18 };

/// The table on one worksheet (see [`read_xlsx`]), `None` when it holds none.
fn read_sheet<'n>(
    (name, file_bytes, sheet, passed): (&'n str, usize, &str, &[String]),
    part: &mut super::zip::Inflating,
    book: &Book,
    budget: usize,
    tell: &mut dyn FnMut(usize, (usize, usize)),
) -> std::result::Result<Option<Unfinished<'n>>, Fail> {
    let mut stats: Vec<RowStat> = Vec::new();
    // The votes of the rows with numbers stored as text, by row.
    let mut votes_of: Vec<(u32, DecimalVotes)> = Vec::new();
    let shown = sheet_rows::<Fail>(
        |b| {
            let more = part.fill(b, PIECE);
            tell(0, part.taken());
            more
        },
        (book, budget, true),
        |_, cells| {
            let mut st = RowStat {
                filled: 0,
                first: u16::MAX,
                last: 0,
                width: cells.last().map_or(0, |(j, _)| j + 1) as u16,
            };
            let mut v = DecimalVotes::default();
            for (j, c) in cells {
                if !c.is_blank() {
                    st.filled += 1;
                    st.first = st.first.min(*j as u16);
                    st.last = *j as u16 + 1;
                }
                if let RawCell::Text(t) = c {
                    v.add(t);
                }
            }
            if v != DecimalVotes::default() {
                votes_of.push((stats.len() as u32, v));
            }
            stats.push(st);
            Ok(())
        },
    )?;
    let first_col = stats
        .iter()
        .filter(|s| s.filled > 0)
        .map(|s| s.first as usize)
        .min()
        .unwrap_or(0);
    dense_check(stats.iter().map(|s| s.width as usize), first_col, budget)?;
    let counts: Vec<usize> = stats.iter().map(|s| s.filled as usize).collect();
    let Some(plan) = sniff::plan(&counts) else {
        return Ok(None);
    };
    drop(counts);
    let header = plan.header;
    let rel = |x: u16| (x as usize).saturating_sub(first_col);
    // Up to the header's last filled cell, widened to the last filled cell below it (a
    // workbook's cells cannot be misaligned: a stray value right of the header is a column).
    let width = stats[header..]
        .iter()
        .filter(|s| s.last > 0)
        .map(|s| rel(s.last))
        .max()
        .unwrap_or(0);
    // The rows read as data, but for a repeated header (told from the cells, in the second pass).
    let data = |k: usize| {
        let s = &stats[k];
        k > header
            && s.filled > 0
            && sniff::classify(
                k - header - 1,
                s.filled as usize,
                width,
                plan.below_from,
                || false,
            )
            .is_none()
    };
    let rows = (header + 1..stats.len()).filter(|&k| data(k)).count();
    if rows == 0 {
        return Ok(None);
    }
    // A table set in from the left (title in A1, table from B3) loses its empty margin (and no
    // column the header names: see `lead` at the header below).
    let lead_rows = std::iter::once(header)
        .chain((header + 1..stats.len()).filter(|&k| data(k)))
        .map(|k| rel(stats[k].first))
        .min()
        .unwrap_or(0)
        .min(width);
    // Rows found to repeat the header whose votes then do not count.
    let mut repeated: Vec<u32> = Vec::new();
    // The header combined with the row below it, once a reading found that row to be its
    // second row ([`sniff::header_over_row_below`]): the sheet is then read again with it.
    #[cfg(feature = "full")]
    // (With the rows below the header it takes: one, or two for pandas' row of the index's name.)
    let mut two_below: Option<(usize, Vec<RawCell>, String, String, sniff::RowKey, usize)> = None;
    loop {
        let votes = votes_of
            .iter()
            .filter(|(k, _)| data(*k as usize) && !repeated.contains(k))
            .fold(DecimalVotes::default(), |mut a, (_, v)| {
                a.merge(v);
                a
            });
        // Numbers stored as text follow the sheet's own convention; there is no delimiter hint.
        let decimal = votes.decide(b'\t');
        part.restart();
        let mut k = 0usize;
        let mut titles: Vec<(usize, String)> = Vec::new();
        #[cfg(feature = "full")]
        let mut above: Option<(usize, Vec<RawCell>)> = None;
        let mut header_key: Vec<String> = Vec::new();
        // The header's other row when it is over two rows (a repeat of it is a repeated header).
        #[cfg(feature = "full")]
        let mut other_key: Option<sniff::RowKey> = None;
        let mut table: Option<(super::TableBuilder, Detected)> = None;
        let mut rejected: Vec<super::RejectedRow> = Vec::new();
        let mut found: Vec<u32> = Vec::new();
        // The header and the row below it, until the next row tells what that row is.
        #[cfg(feature = "full")]
        // (And the row after that, when it has one filled cell: pandas' row of the index's name.)
        let mut looking: Option<(Numbered, Option<Numbered>, Option<Numbered>)> = None;
        #[cfg(feature = "full")]
        let mut again = false;
        let mut lead = lead_rows;
        sheet_rows::<Fail>(
            |b| {
                let more = part.fill(b, PIECE);
                tell(1, part.taken());
                more
            },
            (book, budget, false),
            |row, cells| {
                let at = k;
                k += 1;
                let Some(st) = stats.get(at) else {
                    return Ok(());
                };
                if at < header {
                    if st.filled > 0 {
                        titles.push((row, sniff::row_text(&dense(cells, first_col))));
                    }
                    #[cfg(feature = "full")]
                    if at + 1 == header && st.filled >= 2 {
                        above = Some((row, dense(cells, first_col)));
                    }
                    return Ok(());
                }
                #[cfg(feature = "full")]
                if again {
                    return Ok(());
                }
                let mut d = dense_take(cells, first_col);
                #[cfg(feature = "full")]
                if at > header {
                    if two_below.as_ref().is_some_and(|t| at <= header + t.5) {
                        return Ok(()); // the header's second row (and pandas' index row)
                    }
                    if let Some((upper, lower, index)) = looking.as_mut() {
                        match lower {
                            // (Right below it: a blank row between ends the header.)
                            None if row == upper.0 + 1 => *lower = Some((row, d.clone())),
                            None => looking = None,
                            Some(lower) if st.filled >= 2 || at > header + BELOW_LOOK => {
                                let next = (st.filled >= 2 && at <= header + BELOW_LOOK)
                                    .then_some(d.as_slice());
                                let index = index
                                    .as_ref()
                                    .map(|(r, cells)| ((*r, cells.as_slice()), next));
                                two_below = sniff::header_below(
                                    (upper.0, &upper.1),
                                    (lower.0, &lower.1),
                                    next,
                                    index,
                                )
                                .map(|(c, nl, en, last, took)| {
                                    (last, c, nl, en, sniff::RowKey::of(&lower.1), took)
                                });
                                again = two_below.is_some();
                                looking = None;
                                if again {
                                    return Ok(());
                                }
                            }
                            Some(lower) => {
                                if index.is_none() && row == lower.0 + 1 {
                                    *index = Some((row, d.clone()));
                                }
                            }
                        }
                    }
                }
                #[allow(unused_mut)]
                let mut row = row;
                if at == header {
                    header_key = d[..width.min(d.len())]
                        .iter()
                        .map(RawCell::display)
                        .collect();
                    #[cfg(feature = "full")]
                    let above_key = above.as_ref().map(|(_, c)| sniff::RowKey::of(c));
                    #[cfg(feature = "full")]
                    let two_rows = two_rows(above.take(), (row, &mut d), width, &mut titles);
                    #[cfg(feature = "full")]
                    if two_rows.is_some() {
                        other_key = above_key;
                    }
                    #[cfg(feature = "full")]
                    let two_rows = match (two_rows, &two_below) {
                        (None, Some((lower_row, cells, nl, en, key, _))) => {
                            d = cells.clone();
                            row = *lower_row;
                            other_key = Some(key.clone());
                            Some((nl.clone(), en.clone()))
                        }
                        (None, None) => {
                            looking = Some(((row, d.clone()), None, None));
                            None
                        }
                        (two, _) => two,
                    };
                    // A header combined with its other row may name a column left of its own row's
                    // cells (an identifier named in the group row above an empty cell).
                    if let Some(j) = d.iter().position(|x| !x.is_blank()) {
                        lead = lead.min(j);
                    }
                    d.drain(..lead.min(d.len()));
                    let mut detected =
                        sheet_detected(sheet, row, (votes, decimal, shown), passed, &titles);
                    #[cfg(feature = "full")]
                    if let Some((nl, en)) = two_rows {
                        detected.note(nl, en);
                    }
                    let offset = first_col + lead;
                    let names = column_names(&d, width - lead, &mut detected, |j| {
                        format!("kolom_{}", column_letter(j + offset))
                    });
                    let b = super::TableBuilder::new(
                        name,
                        names,
                        rows,
                        (decimal, file_bytes, false),
                        detected.row_unit.clone(),
                    )?;
                    table = Some((b, detected));
                    return Ok(());
                }
                if st.filled == 0 {
                    return Ok(()); // a blank line separates nothing in a table
                }
                let same = || {
                    d.len() >= header_key.len()
                        && header_key.iter().zip(&d).all(|(h, c)| *h == c.display())
                };
                // Or its other row, when it is over two rows.
                #[cfg(feature = "full")]
                let same = || {
                    same()
                        || other_key.as_ref().is_some_and(|k| {
                            k.repeated_by(st.filled as usize, &d, |k, c| k == c.display())
                        })
                };
                let i = at - header - 1;
                match sniff::classify(i, st.filled as usize, width, plan.below_from, same) {
                    Some(r) => {
                        if r == sniff::REASON_REPEATED_HEADER {
                            found.push(at as u32);
                        }
                        rejected.push(super::RejectedRow {
                            sheet: None,
                            row,
                            reason: r.to_string(),
                            reason_en: sniff::reason_en(r).to_string(),
                            content: sniff::row_text(&d),
                        });
                    }
                    None => {
                        d.drain(..lead.min(d.len()));
                        if let Some((b, _)) = table.as_mut() {
                            b.push(row, &d)?;
                        }
                    }
                }
                Ok(())
            },
        )?;
        #[cfg(feature = "full")]
        if again {
            continue;
        }
        let Some((b, mut detected)) = table.filter(|(b, _)| b.rows() > 0) else {
            return Ok(None);
        };
        // A repeated header that voted: read again without its votes.
        let voted = |k: &u32| votes_of.binary_search_by_key(k, |(r, _)| *r).is_ok();
        if found.iter().any(|k| voted(k) && !repeated.contains(k)) {
            repeated.extend(found.into_iter().filter(voted));
            continue;
        }
        detected.rejected = rejected;
        return Ok(Some((b, detected)));
    }
}

/// The header combined with the group row right above it (`above`: its row and cells) when they
/// make a header over two rows ([`sniff::two_row_header`]): the group row is then no title row.
/// Gives the note that says so.
#[cfg(feature = "full")]
fn two_rows(
    above: Option<(usize, Vec<RawCell>)>,
    (row, header): (usize, &mut Vec<RawCell>),
    width: usize,
    titles: &mut Vec<(usize, String)>,
) -> Option<(String, String)> {
    let (up_row, up) = above?;
    if up_row + 1 != row {
        return None;
    }
    let (cells, nl, en) = sniff::two_row_header((up_row, &up), (row, header), width)?;
    *header = cells;
    titles.retain(|(r, _)| *r != up_row);
    Some((nl, en))
}

/// A row's number and cells.
#[cfg(feature = "full")]
type Numbered = (usize, Vec<RawCell>);

/// Rows after the header looked at for the next row of two filled cells or more, which tells
/// whether the row right below the header is its second row.
#[cfg(feature = "full")]
const BELOW_LOOK: usize = 7;

/// The header (grid row `at`) combined with the row below it when that is its second row
/// ([`sniff::header_over_row_below`]), or with the two below it when they are pandas' lower
/// level and row of the index's name ([`sniff::pandas_header`]), as the streamed reading tells
/// it: the number of the header's last row, the note, and the rows below the header it took.
#[cfg(feature = "full")]
fn below_whole(
    grid: &sniff::Grid,
    at: usize,
    header: &mut Vec<RawCell>,
) -> Option<(usize, String, String, usize)> {
    let (row, lower) = grid.get(at + 1).filter(|(row, _)| *row == grid[at].0 + 1)?;
    let count = |c: &(usize, Vec<RawCell>)| c.1.iter().filter(|x| !x.is_blank()).count();
    let full = |c: &&(usize, Vec<RawCell>)| count(c) >= 2;
    let next = grid
        .get(at + 2..=(at + BELOW_LOOK).min(grid.len().saturating_sub(1)))
        .and_then(|r| r.iter().find(full))
        .map(|(_, c)| c.as_slice());
    // pandas' row of the index's name: right after the lower level, one filled cell.
    let index = grid
        .get(at + 2)
        .filter(|r| r.0 == *row + 1 && count(r) == 1);
    let index = index.map(|(r, cells)| ((*r, cells.as_slice()), next));
    let (cells, nl, en, last, took) =
        sniff::header_below((grid[at].0, header), (*row, lower), next, index)?;
    *header = cells;
    Some((last, nl, en, took))
}

/// [`read_xlsx`] from each worksheet's whole grid, as [`sniff::locate`] finds the table in it:
/// the reference the streamed reading is checked against (tests, fuzz target).
#[doc(hidden)]
pub fn read_xlsx_whole(name: &str, bytes: &[u8]) -> Result<Table> {
    let (zip, sheets, found, budget, book) = open_workbook(name, bytes)?;
    read_book(name, bytes.len(), &sheets, found, |sheet, passed| {
        let Some(part) = zip.read(&sheet.path) else {
            return Ok(None);
        };
        let context = sheet_context(&sheet.name);
        let part = part.map_err(|e| zip_error(name, [&context[0], &context[1]], e))?;
        let (mut grid, first_col, shown) = sheet_grid(&text_of(part), &book, budget)
            .map_err(|e| sheet_error(name, &context, e))?;
        let Some(layout) = sniff::locate(&grid, true).filter(|l| !l.data.is_empty()) else {
            return Ok(None);
        };
        #[allow(unused_mut)]
        let (header_row, mut header) = grid[layout.header].clone();
        #[allow(unused_mut)]
        let mut titles = layout.titles;
        #[cfg(feature = "full")]
        let two = layout
            .header
            .checked_sub(1)
            .and_then(|k| grid.get(k))
            .filter(|(_, c)| c.iter().filter(|x| !x.is_blank()).count() >= 2)
            .cloned();
        #[cfg(feature = "full")]
        let above_key = two.as_ref().map(|(_, c)| sniff::RowKey::of(c));
        #[cfg(feature = "full")]
        let two = two_rows(two, (header_row, &mut header), layout.width, &mut titles);
        #[allow(unused_mut)]
        let (mut header_row, mut data) = (header_row, layout.data);
        #[allow(unused_mut)]
        let mut rejected = layout.rejected;
        #[cfg(feature = "full")]
        let mut other_key = two.as_ref().and(above_key);
        #[cfg(feature = "full")]
        let two = match two {
            Some(two) => Some(two),
            None => below_whole(&grid, layout.header, &mut header).map(|(row, nl, en, took)| {
                header_row = row;
                data.retain(|&k| k > layout.header + took);
                rejected.retain(|r| r.row > row);
                other_key = grid
                    .get(layout.header + 1)
                    .map(|(_, c)| sniff::RowKey::of(c));
                (nl, en)
            }),
        };
        // The header's other row repeated further down is a repeated header too.
        #[cfg(feature = "full")]
        if let Some(key) = other_key {
            data.retain(|&k| {
                let (row, cells) = &grid[k];
                let n = cells.iter().filter(|c| !c.is_blank()).count();
                let again = key.repeated_by(n, cells, |k, c| k == c.display());
                if again {
                    let r = sniff::REASON_REPEATED_HEADER;
                    rejected.push(super::RejectedRow {
                        sheet: None,
                        row: *row,
                        reason: r.to_string(),
                        reason_en: sniff::reason_en(r).to_string(),
                        content: sniff::row_text(cells),
                    });
                }
                !again
            });
            rejected.sort_by_key(|r| r.row);
        }
        // Every row below the header left out (the header's second row, repeats of it): no
        // table on this sheet, as the streamed reading finds.
        if data.is_empty() {
            return Ok(None);
        }
        let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::with_capacity(data.len());
        for &i in &data {
            rows.push(std::mem::take(&mut grid[i]));
        }
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
        let mut detected = sheet_detected(
            &sheet.name,
            header_row,
            (votes, decimal, shown),
            passed,
            &titles,
        );
        #[cfg(feature = "full")]
        if let Some((nl, en)) = two {
            detected.note(nl, en);
        }
        detected.rejected = rejected;
        let names = column_names(&header, layout.width - lead, &mut detected, |j| {
            format!("kolom_{}", column_letter(j + offset))
        });
        let mut b = super::TableBuilder::new(
            name,
            names,
            rows.len(),
            (decimal, bytes.len(), false),
            detected.row_unit.clone(),
        )?;
        for (line, cells) in rows {
            b.push(line, &cells)?;
        }
        Ok(Some((b, detected)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_zip_archive_is_named_with_what_it_holds() {
        let zip = super::super::zip::tests::deflated(&[
            ("Banen.csv", b"regio;jaar;aantal\nA;2019;1\n"),
            ("Metadata.csv", b"x"),
        ]);
        let e = read_xlsx("download.zip", &zip).unwrap_err();
        assert!(e.message.starts_with("Dit is een zip-archief, geen Excel-werkmap. Het bevat 'Banen.csv', 'Metadata.csv'."), "{}", e.message);
        assert!(e.to_string().contains("download.zip"), "{e}");
        // A workbook that lost its workbook part is still told as a damaged workbook.
        let damaged = super::super::zip::tests::deflated(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/styles.xml", b"<x/>"),
        ]);
        assert!(read_xlsx("w.xlsx", &damaged)
            .unwrap_err()
            .message
            .contains("geen xl/workbook.xml"));
    }

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
        let book = Book {
            strings,
            ..Default::default()
        };
        let (g, first, _) = sheet_grid(
            r#"<worksheet><sheetData>
            <row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>n</t></is></c></row>
            <row r="5"><c r="B5" t="str"><v>A</v></c><c r="C5"><v>12.5</v></c><c r="D5" t="s"><v>1</v></c><c r="E5" t="e"><v>#N/A</v></c></row>
            </sheetData></worksheet>"#,
            &book,
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
        let book = Book {
            strings,
            ..Default::default()
        };
        let (g, _, _) = sheet_grid(
            r#"<x:worksheet><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c/><x:c><x:v>1E3</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
            &book,
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

    /// The worksheets read as they are inflated give the table, notes and errors of the whole
    /// grid, on sheets with titles, gaps, notes below, repeated headers, numbers stored as text,
    /// a left margin, cells out of order or given twice, cells without references.
    #[test]
    fn streamed_sheets_read_as_the_whole_grid() {
        let words = [
            "regio",
            "jaar",
            "werkzaam",
            "1,5",
            "2.000",
            "12.5",
            " ",
            ".",
            "Bron: UWV",
            "x",
            "Totaal",
            "1.234",
            "Tabel 1",
        ];
        let sst: String = words
            .iter()
            .map(|w| format!("<si><t>{w}</t></si>"))
            .collect();
        let sst = format!("<sst>{sst}</sst>");
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let letters = |j: usize| column_letter(j);
        let mut differ = Vec::new();
        for case in 0..400 {
            let mut xml = String::from("<worksheet><sheetData>");
            let mut r = 0usize;
            let width = 2 + next(4) as usize;
            let margin = next(3) as usize;
            for _ in 0..next(40) {
                r += 1 + if next(6) == 0 { next(3) as usize } else { 0 };
                if next(8) == 0 {
                    xml.push_str("<row>");
                } else {
                    xml.push_str(&format!("<row r=\"{r}\">"));
                }
                let shape = next(10);
                let cols: Vec<usize> = match shape {
                    0 => vec![margin],
                    1 => vec![],
                    // The header's words, as a header and a repeated header.
                    2 | 3 => (0..width).map(|j| j + margin).collect(),
                    _ => (0..width)
                        .filter(|_| next(7) != 0)
                        .map(|j| j + margin)
                        .collect(),
                };
                let mut cols = cols;
                if next(10) == 0 && shape > 3 {
                    cols.reverse();
                }
                if next(12) == 0 && shape > 3 {
                    if let Some(&c) = cols.first() {
                        cols.push(c);
                    }
                }
                for j in cols {
                    let reference = if next(10) == 0 {
                        String::new()
                    } else {
                        format!(" r=\"{}{r}\"", letters(j))
                    };
                    match if shape <= 3 { 0 } else { next(6) } {
                        0 | 1 => xml.push_str(&format!(
                            "<c{reference} t=\"s\"><v>{}</v></c>",
                            if shape <= 3 {
                                j - margin + 1
                            } else {
                                next(words.len() as u64) as usize
                            }
                        )),
                        2 => xml.push_str(&format!("<c{reference}><v>{}</v></c>", next(1000))),
                        3 => xml.push_str(&format!("<c{reference}/>")),
                        4 => xml.push_str(&format!(
                            "<c{reference} t=\"inlineStr\"><is><t>{}</t></is></c>",
                            words[next(words.len() as u64) as usize]
                        )),
                        _ => xml.push_str(&format!("<c{reference} t=\"b\"><v>1</v></c>")),
                    }
                }
                xml.push_str("</row>");
            }
            xml.push_str("</sheetData></worksheet>");
            let wb = super::super::zip::tests::deflated(&[
                (
                    "xl/workbook.xml",
                    br#"<workbook><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    br#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
                ),
                ("xl/worksheets/sheet1.xml", xml.as_bytes()),
                ("xl/sharedStrings.xml", sst.as_bytes()),
            ]);
            let a = read_xlsx("w.xlsx", &wb);
            let b = read_xlsx_whole("w.xlsx", &wb);
            if a != b {
                differ.push(format!("case {case}: {xml}\n{a:?}\n{b:?}"));
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n\n"));
    }

    #[test]
    fn excel_day_numbers_are_dates() {
        let d = |n: f64| excel_date(n, false);
        assert_eq!(d(43830.0).as_deref(), Some("2019-12-31"));
        assert_eq!(d(42369.0).as_deref(), Some("2015-12-31"));
        assert_eq!(d(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(d(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(d(60.0), None); // Excel's 29 February 1900
        assert_eq!(d(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(d(0.0), None);
        assert_eq!(d(-1.0), None);
        assert_eq!(d(2_958_465.0).as_deref(), Some("9999-12-31"));
        assert_eq!(d(2_958_466.0), None);
        assert_eq!(d(43830.5).as_deref(), Some("2019-12-31 12:00"));
        assert_eq!(
            d(43830.0 + 1.0 / 86_400.0).as_deref(),
            Some("2019-12-31 00:00:01")
        );
        assert_eq!(excel_date(0.0, true).as_deref(), Some("1904-01-01"));
        assert_eq!(excel_date(42368.0, true).as_deref(), Some("2019-12-31"));
    }

    #[test]
    fn date_formats_are_told_from_other_formats() {
        for code in [
            "dd-mm-yyyy",
            "d/m/yy",
            "mmm yyyy",
            "mmmm",
            "[$-413]d mmmm yyyy",
            "yyyy-mm-dd h:mm",
            "[Red]dd/mm/yyyy",
        ] {
            assert!(is_date_code(code), "{code}");
        }
        for code in [
            "General",
            "0.00",
            "#,##0",
            "h:mm",
            "[h]:mm",
            "mm:ss",
            "0.0 \"mnd\"",
            "0\\d",
            "@",
            "[$€-413] #,##0.00",
        ] {
            assert!(!is_date_code(code), "{code}");
        }
        let styles = number_styles(
            r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"><alignment/></xf><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/></cellXfs></styleSheet>"#,
        );
        let dates: Vec<bool> = styles.iter().map(|s| *s == Shown::Date).collect();
        assert_eq!(dates, [false, true, true, false, false]);
    }

    #[test]
    fn percentage_formats_show_the_number_times_a_hundred() {
        for code in ["0%", "0.0%", "#,##0.00%;[Red]-0.0%", "0.0 %"] {
            assert!(is_percent_code(code), "{code}");
        }
        for code in ["0.0\" %\"", "0.0\\%", "[$%-413]0.0", "0.00", "dd-mm-yyyy"] {
            assert!(!is_percent_code(code), "{code}");
        }
        let styles = number_styles(
            r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.0&quot; %&quot;"/></numFmts>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>"#,
        );
        use Shown::*;
        assert_eq!(styles, [Number, Percent, Percent, Percent, Number, Date]);
        assert_eq!(percent_of(0.253), Some(25.3));
        assert_eq!(percent_of(0.5689192485972189), Some(56.89192485972189));
        assert_eq!(percent_of(1.0), Some(100.0));
        assert_eq!(percent_of(0.0), Some(0.0));
        assert_eq!(percent_of(-0.071), Some(-7.1));
        assert_eq!(percent_of(1e-320), Some(1e-318));
        assert_eq!(percent_of(f64::MAX), None);
    }
}
