//! The table model every loader produces and every view reads: named columns of cells, each cell a
//! number, a text or missing (CBS suppression symbols and empty cells are missing, never 0), plus
//! the row number each data row had in the user's file and a report of what was detected.
//!
//! Loaders: [`csv`] (`,` `;` tab, UTF-8/UTF-16/Windows-1252, decimal comma or point), [`xlsx`]
//! (the first worksheet holding a table) and [`json`] (an array of records); [`load`] picks one
//! from the bytes and the name. [`sniff`] finds the table in a grid of cells for CSV and Excel.
//!
//! What is never dropped silently:
//! - rows above the header (titles) are skipped and named in [`Detected::notes`];
//! - rows below the header that are not data — a row with a single filled cell (section heading,
//!   footnote), a repeated header, the note block after the last blank row ("Bron: ...") — are
//!   listed in [`Detected::rejected`] with row and reason, and counted in the summary;
//! - a row with more filled cells than the header has columns is an error naming the row: its
//!   cells cannot be assigned to columns (often a decimal comma in a comma-separated file);
//! - a cell that does not fit its column (text in a count column, duplicates) is left as it is
//!   here; the reader of the regional shape reports it as an error naming file, row and column;
//! - a cell that looks like a number but is not one (`1.234.5`, `12 345`) in a column of numbers
//!   is named with row and column in [`Detected::notes`]; a number beyond the range of a float
//!   (`1e400`, a count of 401 digits) is an error naming row and column;
//! - a CSV quote that is never closed, a row of a CSV split by another delimiter, and every
//!   [`limits`] exceeded are errors naming the file (and the row where it applies); rows with fewer
//!   fields than the header are listed in the notes.

pub mod column;
pub mod csv;
#[cfg(feature = "full")]
mod datetime;
mod fastcell;
#[cfg(feature = "full")]
pub mod json;
pub mod limits;
pub mod row_numbers;
pub mod sniff;
pub mod source;
#[cfg(feature = "full")]
pub mod wire;
#[cfg(feature = "full")]
pub mod xlsx;
#[cfg(feature = "full")]
mod xml;
#[cfg(feature = "full")]
mod zip;

use crate::error::{Error, ErrorKind, Location, Result};
pub use column::{Cell, Column, FastHasher, FastMap, NO_CODE};
pub use row_numbers::RowNumbers;
use serde::Serialize;
pub use sniff::RawCell;

/// One cell. Numbers are parsed with the file's detected decimal convention.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Missing,
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Missing => None,
            Value::Number(n) => Some(
                crate::format::number(
                    *n,
                    if n.fract() == 0.0 { 0 } else { 6 },
                    crate::format::Lang::En,
                )
                .replace(',', ""),
            ),
            Value::Text(t) => Some(t.clone()),
        }
    }
    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing)
    }
}

/// The inferred type of a column: numeric when every non-missing cell is a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Number,
    Text,
    /// Every cell is missing.
    Empty,
}

impl Column {
    pub fn kind(&self) -> ColumnKind {
        if self.has_text() {
            ColumnKind::Text
        } else if self.has_number() {
            ColumnKind::Number
        } else {
            ColumnKind::Empty
        }
    }
}

/// What a loader found out about the file, shown in the page and printed by the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Detected {
    /// `csv`, `xlsx`, `json` or `jsonl` (JSON Lines: one record a line).
    pub format: String,
    /// Character encoding of a text file: `UTF-8`, `UTF-8 met BOM`, `Windows-1252`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Field delimiter of a CSV file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// Decimal separator used for numbers: `.` or `,`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimal: Option<String>,
    /// Worksheet read from a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row of the header in the file.
    pub header_row: usize,
    /// Data rows read.
    pub rows: usize,
    /// Further remarks in Dutch (skipped title rows, national totals computed, ...).
    pub notes: Vec<String>,
    /// The same remarks in English, one for one ([`Detected::note`] adds both;
    /// [`Detected::notes_in`] reads them in a language).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes_en: Vec<String>,
    /// Rows below the header that were not read as data, with the reason.
    pub rejected: Vec<RejectedRow>,
    /// What a row is called in messages when not a spreadsheet row: `record` for JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_unit: Option<String>,
    /// Columns renamed on reading (`Werkzame personen (x 1 000)` -> `Werkzame personen`), as
    /// (the file's header, the name now): a view description may name either ([`Table::named`]).
    #[cfg(feature = "full")]
    #[serde(skip)]
    pub renamed: Vec<(String, String)>,
    /// The worksheets a workbook's table is stacked from, in order, when more than one: a row
    /// number then holds the sheet's place in this list above [`SHEET_SHIFT`] and its row in that
    /// sheet below ([`Detected::row_in_sheet`]).
    #[cfg(feature = "full")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
}

/// The name of a column made of keys that stood for rows elsewhere (the keys of a JSON tree, the
/// names of worksheets), when every key says what it is: `periode` when every key is a period,
/// `doelgroep` when every key is a subgroup, `arbeidsmarktregio` when every key names a
/// labour-market region (or the country: `Landelijk`), two at least.
#[cfg(feature = "full")]
pub(crate) fn key_column_name(keys: &[&str]) -> Option<&'static str> {
    if keys.iter().all(|k| crate::spec::Period::parse(k).is_some()) {
        Some("periode")
    } else if keys
        .iter()
        .all(|k| crate::spec::Subgroup::from_label(k).is_some())
    {
        Some("doelgroep")
    } else if regions_beside_the_country(keys) {
        Some("arbeidsmarktregio")
    } else {
        None
    }
}

/// Whether every key names a labour-market region, two at least, or the whole country beside
/// them (a sheet `Landelijk`); each key looked at once.
#[cfg(feature = "full")]
fn regions_beside_the_country(keys: &[&str]) -> bool {
    let mut regions = 0;
    for k in keys {
        if crate::geo::names::names_a_region(k) {
            regions += 1;
        } else if !matches!(
            crate::geo::names::fold(k).as_str(),
            "landelijk" | "nederland" | "heelnederland" | "totaal" | "total" | "nl"
        ) {
            return false;
        }
    }
    regions >= 2
}

/// The bit from which a row number of a table stacked from worksheets holds the sheet
/// ([`Detected::sheets`]): a worksheet has at most 1,048,576 (2^20) rows.
#[cfg(feature = "full")]
pub const SHEET_SHIFT: u32 = 21;

/// A row of the file that the loader did not read as data, listed so nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RejectedRow {
    /// 1-based row in the file (in its worksheet when [`RejectedRow::sheet`] names one).
    pub row: usize,
    /// The worksheet of the row, in a table stacked from several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Why, in Dutch.
    pub reason: String,
    /// Why, in English.
    pub reason_en: String,
    /// The row's filled cells, shortened.
    pub content: String,
}

impl Detected {
    /// A note in both languages that ends naming `columns` (`nl`, "in kolom 'a'" or "in
    /// kolommen 'a', 'b'"; the first ten, as [`crate::format::first_ten`] says them).
    #[cfg(feature = "full")]
    pub(crate) fn note_in_columns(&mut self, nl: String, en: String, columns: &[String]) {
        use crate::format::{first_ten, Lang};
        let (k_nl, k_en) = if columns.len() == 1 {
            ("kolom", "column")
        } else {
            ("kolommen", "columns")
        };
        self.note(
            format!("{nl}, in {k_nl} {}", first_ten(columns, Lang::Nl)),
            format!("{en}, in {k_en} {}", first_ten(columns, Lang::En)),
        );
    }

    /// The decimal sign numbers were read with (`.` unless the file's is `,`).
    #[cfg(feature = "full")]
    pub(crate) fn decimal_sign(&self) -> char {
        match self.decimal.as_deref() {
            Some(",") => ',',
            _ => '.',
        }
    }

    /// One Dutch line for the page and the CLI: what was detected, and the rows not used.
    pub fn summary(&self) -> String {
        self.summary_in(crate::format::Lang::Nl)
    }

    /// [`Detected::summary`] in `lang`.
    pub fn summary_in(&self, lang: crate::format::Lang) -> String {
        let en = lang == crate::format::Lang::En;
        let w = |nl: &'static str, en_text: &'static str| if en { en_text } else { nl };
        let mut parts = vec![format!(
            "{} {}",
            w("formaat", "format"),
            if cfg!(feature = "full") && self.format == "jsonl" {
                "JSON Lines".to_string()
            } else {
                crate::case::upper(&self.format)
            }
        )];
        if let Some(e) = &self.encoding {
            if en {
                parts.push(format!("encoding {}", e.replace(" met ", " with ")));
            } else {
                parts.push(format!("tekenset {e}"));
            }
        }
        if let Some(d) = &self.delimiter {
            let name = match d.as_str() {
                "," => w("komma", "comma"),
                ";" => w("puntkomma", "semicolon"),
                "\t" => "tab",
                "|" => w("verticale streep", "vertical bar"),
                _ => d.as_str(),
            };
            parts.push(format!("{} {name}", w("scheidingsteken", "delimiter")));
        }
        if let Some(d) = &self.decimal {
            parts.push(format!("{} '{d}'", w("decimaalteken", "decimal separator")));
        }
        #[cfg(feature = "full")]
        let stacked = !self.sheets.is_empty();
        #[cfg(not(feature = "full"))]
        let stacked = false;
        if stacked {
            #[cfg(feature = "full")]
            {
                let quoted: Vec<String> = self.sheets.iter().map(|s| format!("'{s}'")).collect();
                parts.push(format!(
                    "{} {}",
                    w("werkbladen", "sheets"),
                    crate::format::first_ten(&quoted, lang)
                ));
            }
        } else if let Some(s) = &self.sheet {
            parts.push(format!("{} '{s}'", w("werkblad", "sheet")));
        }
        if self.header_row > 0 {
            parts.push(format!(
                "{} {}",
                w("kopregel op rij", "header on row"),
                self.header_row
            ));
        }
        let rows = count(self.rows, lang);
        match self.row_unit.as_deref() {
            Some("record") => parts.push(format!("{rows} records")),
            _ if self.rows == 1 => parts.push(w("1 gegevensrij", "1 data row").to_string()),
            _ => parts.push(format!("{rows} {}", w("gegevensrijen", "data rows"))),
        }
        // The notes are not repeated here: the page and the CLI list them beside this line.
        let mut s = parts.join(", ");
        if !self.rejected.is_empty() {
            let n = self.rejected.len();
            if en {
                let unit = self.row_word_in(lang);
                s.push_str(&format!(
                    "; {} {unit}{} not used: ",
                    count(n, lang),
                    if n == 1 { "" } else { "s" }
                ));
            } else {
                s.push_str(&format!("; {} niet gebruikt: ", plural(n)));
            }
            let word = self.row_word_in(lang);
            let shown: Vec<String> = self
                .rejected
                .iter()
                .take(5)
                .map(|r| {
                    let row = match &r.sheet {
                        Some(sheet) => format!("{} in '{sheet}'", r.row),
                        None => self.row_shown(r.row),
                    };
                    format!("{word} {row} ({}: '{}')", r.reason_in(lang), r.content)
                })
                .collect();
            s.push_str(&shown.join(", "));
            s.push_str(&and_more(n, lang));
        }
        s
    }

    /// Row number `r` (as [`Table::row_number`] gives it) as its row in its worksheet and the
    /// worksheet, when the table is stacked from several ([`Detected::sheets`]).
    pub fn row_in_sheet(&self, r: usize) -> (usize, Option<&str>) {
        #[cfg(feature = "full")]
        if !self.sheets.is_empty() {
            let sheet = self.sheets.get(r >> SHEET_SHIFT).map(String::as_str);
            return (r & ((1 << SHEET_SHIFT) - 1), sheet);
        }
        (r, None)
    }

    /// Row number `r` as messages write it: `12`, or `12 in '2016'` for row 12 of worksheet
    /// `2016` of a table stacked from several (the same words in Dutch and English).
    pub fn row_shown(&self, r: usize) -> String {
        match self.row_in_sheet(r) {
            (row, Some(sheet)) => format!("{row} in '{sheet}'"),
            (row, None) => row.to_string(),
        }
    }

    /// `rij`, or what a row is called in this file (`record`).
    pub fn row_word(&self) -> &str {
        self.row_unit.as_deref().unwrap_or("rij")
    }

    /// [`Detected::row_word`] in `lang`: `row` in English.
    pub fn row_word_in(&self, lang: crate::format::Lang) -> &str {
        match (self.row_unit.as_deref(), lang) {
            (Some(u), _) => u,
            (None, crate::format::Lang::Nl) => "rij",
            (None, crate::format::Lang::En) => "row",
        }
    }

    /// Adds a remark in Dutch (`nl`) and English (`en`).
    pub fn note(&mut self, nl: impl Into<String>, en: impl Into<String>) {
        self.align_notes();
        self.notes.push(nl.into());
        self.notes_en.push(en.into());
    }

    /// Fills `notes_en` up to `notes` with the Dutch remarks added without an English one.
    fn align_notes(&mut self) {
        while self.notes_en.len() < self.notes.len() {
            let nl = self.notes[self.notes_en.len()].clone();
            self.notes_en.push(nl);
        }
        self.notes_en.truncate(self.notes.len());
    }

    /// The remarks in `lang` (a remark written only in Dutch is given in Dutch).
    pub fn notes_in(&self, lang: crate::format::Lang) -> Vec<String> {
        match lang {
            crate::format::Lang::Nl => self.notes.clone(),
            crate::format::Lang::En => self
                .notes
                .iter()
                .enumerate()
                .map(|(i, nl)| self.notes_en.get(i).unwrap_or(nl).clone())
                .collect(),
        }
    }
}

impl RejectedRow {
    /// Why, in `lang`.
    pub fn reason_in(&self, lang: crate::format::Lang) -> &str {
        match lang {
            crate::format::Lang::En if !self.reason_en.is_empty() => &self.reason_en,
            _ => &self.reason,
        }
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 rij".to_string()
    } else {
        format!("{} rijen", count(n, crate::format::Lang::Nl))
    }
}

/// A count of rows as the file line writes it: thousands grouped as the language does
/// (`1.000.560`, `1,000,560`), as the views' notes write them. (The first core reads only the
/// built-in data, fewer than a thousand rows.)
#[cfg(feature = "full")]
fn count(n: usize, lang: crate::format::Lang) -> String {
    crate::format::number(n as f64, 0, lang)
}

#[cfg(not(feature = "full"))]
fn count(n: usize, _: crate::format::Lang) -> usize {
    n
}

/// A loaded table. `row_numbers.get(i)` is the 1-based row in the file of data row `i`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub source: String,
    pub columns: Vec<Column>,
    pub row_numbers: RowNumbers,
    pub detected: Detected,
    /// (column, dictionary code) of the values that are the total of their column's other
    /// values, told by their sums (`Arbeidsmarktregio Achterhoek` among its municipalities),
    /// which no word names: found by the regional reading, used as total rows by the table
    /// views too (never added to the parts they hold). (The first core reads the built-in data
    /// only, which has none.)
    #[cfg(feature = "full")]
    pub totals: Vec<(usize, u32)>,
}

impl Table {
    pub fn len(&self) -> usize {
        self.row_numbers.len()
    }
    pub fn is_empty(&self) -> bool {
        self.row_numbers.is_empty()
    }
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
    /// The column a view description names: the one of that name, else the one column whose
    /// name differs only in case or outer spaces (`jaar` for `Jaar`), else the column whose header
    /// in the file was that before reading renamed it (`Werkzame personen (x 1 000)`).
    #[cfg(feature = "full")]
    pub fn named(&self, name: &str) -> Option<usize> {
        if let Some(j) = self.column_index(name) {
            return Some(j);
        }
        let want = crate::case::lower(name.trim());
        let mut like = (0..self.columns.len())
            .filter(|&j| crate::case::lower(self.columns[j].name.trim()) == want);
        if let (Some(j), None) = (like.next(), like.next()) {
            return Some(j);
        }
        let (_, now) = self
            .detected
            .renamed
            .iter()
            .find(|(was, _)| crate::case::lower(was.trim()) == want)?;
        self.column_index(now)
    }
    /// The 1-based row in the file of data row `i`.
    pub fn row_number(&self, i: usize) -> Option<usize> {
        self.row_numbers.get(i)
    }
    /// Data row `i` as messages write it ([`Detected::row_shown`]); `i + 1` when the table
    /// keeps no row numbers.
    pub fn row_shown(&self, i: usize) -> String {
        self.detected.row_shown(self.row_number(i).unwrap_or(i + 1))
    }

    /// The location of data row `i` in column `col`, for error messages.
    pub fn location(&self, i: usize, col: &str) -> Location {
        let mut loc = Location::file(&self.source).column(col);
        if let Some(r) = self.row_number(i) {
            #[allow(unused_variables)]
            let (r, sheet) = self.detected.row_in_sheet(r);
            loc = loc.row(r);
            #[cfg(feature = "full")]
            {
                loc.sheet = sheet.map(|s| Box::new(s.to_string()));
            }
        }
        if let Some(u) = &self.detected.row_unit {
            loc = loc.row_unit(u);
        }
        loc
    }

    /// Builds a table from a header and rows of raw text cells; numbers are parsed with
    /// `decimal` (`.` or `,`). Kept for text-based loaders that do their own layout.
    pub fn from_text_rows(
        source: &str,
        header: Vec<String>,
        rows: Vec<(usize, Vec<String>)>,
        decimal: char,
        detected: Detected,
        file_bytes: usize,
    ) -> Result<Table> {
        let mut detected = detected;
        let header: Vec<RawCell> = header.into_iter().map(RawCell::Text).collect();
        if header.iter().all(RawCell::is_blank) {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand bevat geen kopregel met kolomnamen.",
                "The file has no header row with column names.",
            )
            .at(Location::file(source)));
        }
        let names = column_names(&header, header.len(), &mut detected, |j| {
            format!("kolom_{}", j + 1)
        });
        let rows = rows
            .into_iter()
            .map(|(r, cells)| (r, cells.into_iter().map(RawCell::Text).collect()))
            .collect();
        Table::from_cells(source, names, rows, decimal, detected, file_bytes)
    }

    /// Builds a table from column names and rows of raw cells. Text cells are parsed with
    /// `decimal` (`.` or `,`); blank rows are skipped; a row with a filled cell right of the last
    /// column is an error naming that row. `file_bytes`, the size of the file, sets the cell
    /// budget ([`limits::check_cells`]); cells longer than [`limits::MAX_CELL_BYTES`] and numbers
    /// beyond the range of a float are errors naming row and column.
    pub fn from_cells(
        source: &str,
        names: Vec<String>,
        rows: Vec<(usize, Vec<RawCell>)>,
        decimal: char,
        detected: Detected,
        file_bytes: usize,
    ) -> Result<Table> {
        Table::build(source, names, rows, decimal, detected, file_bytes, false)
    }

    /// [`Table::from_cells`]; with `keep_blank` a row of blank cells is kept as a row of missing
    /// values (a JSON record with every field null is a record, not a separator).
    pub(crate) fn build(
        source: &str,
        names: Vec<String>,
        rows: Vec<(usize, Vec<RawCell>)>,
        decimal: char,
        detected: Detected,
        file_bytes: usize,
        keep_blank: bool,
    ) -> Result<Table> {
        let mut b = TableBuilder::new(
            source,
            names,
            rows.len(),
            (decimal, file_bytes, keep_blank),
            detected.row_unit.clone(),
        )?;
        for (line, cells) in rows {
            b.push(line, &cells)?;
        }
        b.finish(detected)
    }

    /// The table of the columns a loader wrote (finished here), with the notes on numbers kept
    /// as text (`beyond`: column, row and text of each number beyond the range).
    ///
    /// Each pass below is a function of its own in the full core (`inline(never)`; wasm-opt is
    /// told the same, see wasm-pack.toml): the browser compiles a function's fast code as a
    /// whole, and this one, with every pass inlined, was 66 KB that took 0.35 s to compile.
    pub(crate) fn assembled(
        source: &str,
        mut columns: Vec<Column>,
        row_numbers: RowNumbers,
        mut detected: Detected,
        beyond: &[(usize, usize, String)],
    ) -> Result<Table> {
        for c in columns.iter_mut() {
            c.finish();
        }
        detected.rows = row_numbers.len();
        let mut table = Table {
            source: source.to_string(),
            columns,
            row_numbers,
            detected,
            #[cfg(feature = "full")]
            totals: Vec::new(),
        };
        table.note_beyond_range(beyond);
        // (The first core reads the built-in data only, which has none.)
        #[cfg(feature = "full")]
        table.read_codes_with_leading_zeros();
        #[cfg(feature = "full")]
        table.read_past_apostrophes();
        #[cfg(feature = "full")]
        table.read_trailing_minus();
        #[cfg(feature = "full")]
        table.read_suppressed_counts();
        #[cfg(feature = "full")]
        table.note_numbers_read_as_text(beyond);
        #[cfg(feature = "full")]
        table.read_unit_multipliers();
        #[cfg(feature = "full")]
        table.note_missing_markers();
        #[cfg(feature = "full")]
        table.note_spaced_numbers();
        #[cfg(feature = "full")]
        {
            table.read_excel_day_numbers();
            let written = table.read_month_first_dates()?;
            table.read_dates_with_times(&written)?;
            table.read_case_variants();
        }
        Ok(table)
    }

    /// Texts of a column that differ only in case (`Wajong`, `wajong`, `WAJONG`: as files that
    /// several people filled in write them) are one value, written as it first appears, and said;
    /// a chart then has one line for them, not one per spelling with gaps. So are two spellings
    /// of one period (`2019K4` and `2019Q4`, `2019-12` and `december 2019`; a provisional mark
    /// kept apart): their rows are one point of a time axis, added up as one. Only for columns of
    /// up to 5,000 distinct texts (categories; a column of names or codes of every row is left).
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn read_case_variants(&mut self) {
        use crate::spec::Period;
        #[derive(PartialEq, Eq, Hash)]
        enum Key {
            Text(String),
            Period(Period, String),
        }
        const MOST: usize = 5_000;
        let (mut said, mut said_periods): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for col in self.columns.iter_mut() {
            let dict = col.dictionary();
            if dict.len() < 2 || dict.len() > MOST {
                continue;
            }
            let mut first: std::collections::HashMap<Key, u32> =
                std::collections::HashMap::with_capacity(dict.len());
            let mut into: Vec<u32> = Vec::with_capacity(dict.len());
            let (mut pairs, mut periods): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
            for (k, t) in dict.iter().enumerate() {
                let (bare, mark) = Period::split_mark(t);
                let key = match Period::parse(bare) {
                    Some(p) => Key::Period(p, mark.to_string()),
                    None => Key::Text(crate::case::lower(t)),
                };
                let period = matches!(key, Key::Period(..));
                let to = *first.entry(key).or_insert(k as u32);
                if to as usize != k {
                    let pair = format!("'{t}' = '{}'", dict[to as usize]);
                    let same_case = crate::case::lower(t) == crate::case::lower(&dict[to as usize]);
                    if period && !same_case {
                        periods.push(pair);
                    } else {
                        pairs.push(pair);
                    }
                }
                into.push(to);
            }
            if pairs.is_empty() && periods.is_empty() {
                continue;
            }
            for (list, to) in [(&mut pairs, &mut said), (&mut periods, &mut said_periods)] {
                if list.is_empty() {
                    continue;
                }
                let more = if list.len() > 3 { ", ..." } else { "" };
                list.truncate(3);
                to.push(format!("'{}': {}{more}", col.name, list.join(", ")));
            }
            col.merge_texts(&into);
        }
        if !said.is_empty() {
            let list = said.join("; ");
            self.detected.note(
                format!("Waarden die alleen in hoofdletters verschillen als één waarde gelezen, geschreven zoals ze het eerst voorkomen, in {list}"),
                format!("Values that differ only in case read as one value, written as they first appear, in {list}"),
            );
        }
        if !said_periods.is_empty() {
            let list = said_periods.join("; ");
            self.detected.note(
                format!("Eén periode op twee manieren geschreven, als één periode gelezen (geschreven zoals ze het eerst voorkomt), in {list}"),
                format!("One period written in two ways, read as one period (written as it first appears), in {list}"),
            );
        }
    }

    /// A column of numbers whose header gives them in thousands or millions (`Werkzame personen
    /// (x 1000)`, `(x 1 000)`, `(duizenden)`, `(in thousands)`, `('000)`, `(x mln)`): its numbers
    /// multiplied so (`80,105` -> 80105) and the unit taken out of its name (unless another
    /// column has that name), said in the notes. A count given in thousands is still that count.
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn read_unit_multipliers(&mut self) {
        for j in 0..self.columns.len() {
            let col = &self.columns[j];
            let Some((factor, bare)) = header_multiplier(&col.name) else {
                continue;
            };
            let Some(first) = (0..col.len()).find_map(|i| col.number(i)) else {
                continue;
            };
            let taken = self
                .columns
                .iter()
                .any(|c| crate::case::lower(&c.name) == crate::case::lower(&bare));
            let old = col.name.clone();
            let mut scaled = col.scaled(factor);
            let after = scaled
                .number(0)
                .or_else(|| (0..scaled.len()).find_map(|i| scaled.number(i)));
            let after = after.unwrap_or(first * factor);
            let (rename_nl, rename_en) = if taken {
                (String::new(), String::new())
            } else {
                scaled.name = bare.clone();
                self.detected.renamed.push((old.clone(), bare.clone()));
                (
                    format!("; de kolom heet nu '{bare}'"),
                    format!("; the column is now called '{bare}'"),
                )
            };
            self.columns[j] = scaled;
            let f = if factor == 1000.0 {
                "1000"
            } else {
                "1.000.000"
            };
            let f_en = if factor == 1000.0 {
                "1,000"
            } else {
                "1,000,000"
            };
            // The example numbers as each language writes them (`80,105 -> 80.105` in Dutch).
            let shown = |v: f64, lang| {
                let decimals = format!("{v}").split_once('.').map_or(0, |(_, d)| d.len());
                crate::format::number(v, decimals.min(6), lang)
            };
            let (first_nl, after_nl) = (
                shown(first, crate::format::Lang::Nl),
                shown(after, crate::format::Lang::Nl),
            );
            let (first_en, after_en) = (
                shown(first, crate::format::Lang::En),
                shown(after, crate::format::Lang::En),
            );
            self.detected.note(
                format!("Kolom '{old}': de kop geeft de getallen in eenheden van {f}; vermenigvuldigd met {f} (zoals {first_nl} -> {after_nl}){rename_nl}"),
                format!("Column '{old}': the header gives the numbers in units of {f_en}; multiplied by {f_en} (such as {first_en} -> {after_en}){rename_en}"),
            );
        }
    }

    /// Names the columns of numbers where a symbol for a missing number (`.`, `x`, `-`, `?`) was
    /// read, and the symbols: those cells are missing, never 0, and a person must see that.
    /// (The loaders remember the symbols as they read them: `Column::saw_marker`.)
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn note_missing_markers(&mut self) {
        let shown = |numbers: bool| -> Vec<String> {
            self.columns
                .iter()
                .filter(|c| !c.markers.is_empty() && c.has_number() == numbers)
                .filter(|c| numbers || c.has_text())
                .map(|c| {
                    let m: Vec<String> = c
                        .markers
                        .iter()
                        .map(|m| format!("'{}'", sniff::shorten(m, 12)))
                        .collect();
                    format!("'{}' ({})", c.name, m.join(", "))
                })
                .collect()
        };
        // In a column of texts too (`x` beside `a` and `b`): shown as unknown, which a person
        // must see, as the symbol may have been a value.
        let texts = shown(false);
        if !texts.is_empty() {
            self.detected.note(
                format!(
                    "Tekens voor een ontbrekende waarde als onbekend gelezen in {}",
                    crate::format::first_ten(&texts, crate::format::Lang::Nl)
                ),
                format!(
                    "Symbols for a missing value read as unknown in {}",
                    crate::format::first_ten(&texts, crate::format::Lang::En)
                ),
            );
        }
        let shown = shown(true);
        if shown.is_empty() {
            return;
        }
        self.detected.note(
            format!(
                "Tekens voor een ontbrekend getal als ontbrekend gelezen, nooit als 0, in {}",
                crate::format::first_ten(&shown, crate::format::Lang::Nl)
            ),
            format!(
                "Symbols for a missing number read as missing, never as 0, in {}",
                crate::format::first_ten(&shown, crate::format::Lang::En)
            ),
        );
    }

    /// Says which columns had numbers with their thousands grouped by spaces (`4 099`).
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn note_spaced_numbers(&mut self) {
        let cols: Vec<&Column> = self.columns.iter().filter(|c| c.spaced.is_some()).collect();
        let Some(example) = cols.first().and_then(|c| c.spaced.as_deref()) else {
            return;
        };
        let names: Vec<String> = cols.iter().map(|c| format!("'{}'", c.name)).collect();
        let (nl, en) = (
            crate::format::first_ten(&names, crate::format::Lang::Nl),
            crate::format::first_ten(&names, crate::format::Lang::En),
        );
        let (k_nl, k_en) = if cols.len() == 1 {
            ("kolom", "column")
        } else {
            ("kolommen", "columns")
        };
        let example = sniff::shorten(example, 30);
        self.detected.note(
            format!("Getallen met een spatie tussen de duizendtallen gelezen (zoals {example} = {}) in {k_nl} {nl}", example.replace(GROUP_SPACES, "")),
            format!("Numbers with a space between the thousands read (such as {example} = {}) in {k_en} {en}", example.replace(GROUP_SPACES, "")),
        );
    }

    /// Excel's error values (`#N/B`, `#DEEL/0!`, `#N/A`, `#DIV/0!`, ...: a formula that gave no
    /// number) in a column of numbers: with `as_missing`, when every other text of the column
    /// is a withheld count too, those cells are read as missing (never 0), else kept as text
    /// and not counted; either way the notes name the values and the cells. The regional
    /// reading keeps them as text, so a count it needs names the cell in its error.
    #[cfg(feature = "full")]
    pub fn read_excel_errors(&mut self, as_missing: bool) {
        let word = self.detected.row_word().to_string();
        let word_en = self
            .detected
            .row_word_in(crate::format::Lang::En)
            .to_string();
        let mut notes = Vec::new();
        let mut suppressed = false;
        for j in 0..self.columns.len() {
            let col = &self.columns[j];
            let errors: Vec<bool> = col.dictionary().iter().map(|t| is_excel_error(t)).collect();
            if !errors.contains(&true) || !col.has_number() {
                continue;
            }
            let texts: Vec<String> = col
                .dictionary()
                .iter()
                .filter(|t| is_excel_error(t))
                .take(5)
                .map(|t| format!("'{}'", t.trim()))
                .collect();
            let blank = as_missing
                && col
                    .dictionary()
                    .iter()
                    .all(|t| is_excel_error(t) || is_suppression(t));
            // The cells with their values, before the texts are taken out.
            let rows: Vec<usize> = (0..col.len())
                .filter(|&i| {
                    col.code(i)
                        .is_some_and(|c| errors.get(c as usize) == Some(&true))
                })
                .collect();
            let values: Vec<String> = rows
                .iter()
                .take(5)
                .map(|&i| col.get(i).as_text().unwrap_or_default().trim().to_string())
                .collect();
            if blank {
                suppressed |= errors.contains(&false);
                self.columns[j].blank_texts(&errors);
            }
            let shown = |word: &str| -> String {
                rows.iter()
                    .zip(&values)
                    .map(|(&i, t)| format!("{word} {} '{t}'", self.row_shown(i)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let n = rows.len();
            let (read_nl, read_en) = if blank {
                (
                    if n == 1 { "is" } else { "zijn" }.to_string()
                        + " als ontbrekend gelezen, nooit als 0",
                    "read as missing, never as 0",
                )
            } else {
                (
                    if n == 1 {
                        "is als tekst gelezen en telt niet mee"
                    } else {
                        "zijn als tekst gelezen en tellen niet mee"
                    }
                    .to_string(),
                    "read as text and not counted",
                )
            };
            let texts = texts.join(", ");
            notes.push(cells_note(
                &self.columns[j].name,
                n,
                [
                    &format!("een foutwaarde van Excel ({texts}: een formule zonder uitkomst)"),
                    &format!("an Excel error value ({texts}: a formula without a result)"),
                ],
                [&read_nl, read_en],
                [shown(&word), shown(&word_en)],
            ));
        }
        for (nl, en) in notes {
            self.detected.note(nl, en);
        }
        if suppressed {
            self.read_suppressed_counts();
        }
    }

    /// Cells written with a leading zero (`0363`), which the cell reader leaves as text: in a
    /// column whose other cells are whole numbers from 0 (or none), a column of codes (a
    /// municipality's code, a postcode), read as text as written (`0363`, `1680`; the numbers
    /// without a leading zero as their digits), and said; the number `363` would lose the code
    /// and merge `0363` with `363`. In a column of other numbers (`05` beside `2,5`), read as
    /// the numbers they are; in a column of other texts, they stay text.
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn read_codes_with_leading_zeros(&mut self) {
        let zero_led = |t: &str| leading_zero(t.trim().as_bytes());
        let mut codes: Vec<String> = Vec::new();
        let mut example: Option<String> = None;
        // Columns of numbers with some written with a leading zero (`00012`): the column and
        // one such text.
        let mut numbers: Vec<(String, String)> = Vec::new();
        for j in 0..self.columns.len() {
            let col = &self.columns[j];
            let dictionary = col.dictionary();
            if dictionary.is_empty() || !dictionary.iter().any(|t| zero_led(t)) {
                continue;
            }
            let whole = |n: f64| n >= 0.0 && n.fract() == 0.0 && n < 1e15;
            let numbers_whole = (0..col.len()).all(|i| match col.get(i) {
                Cell::Number(n) => whole(n),
                _ => true,
            });
            let all_zero_led = dictionary.iter().all(|t| zero_led(t));
            // One number written with a leading zero (`00012` beside `7` and `3` in a column
            // `waarde`) is a number; codes are several (`0363`, `0518`) or named so by the
            // header (`gemeentecode`, `nr`).
            let zero_led_texts = dictionary.iter().filter(|t| zero_led(t)).count();
            let header = col.name.to_lowercase();
            let named_code = ["code", "nr", "nummer", "gemeente", "postcode", "id"]
                .iter()
                .any(|w| header.contains(w));
            let as_codes = numbers_whole
                && (zero_led_texts >= 2 || named_code || !col.has_number())
                && dictionary.iter().all(|t| zero_led(t) || national_code(t));
            let as_numbers = !as_codes && col.has_number() && all_zero_led;
            if !as_codes && !as_numbers {
                continue;
            }
            let mut read = Column::with_capacity(col.name.clone(), col.len());
            for i in 0..col.len() {
                match col.get(i) {
                    Cell::Number(n) if as_codes => read.push_text(&format!("{}", n as u64)),
                    Cell::Number(n) => read.push_number(n),
                    Cell::Text(t) if as_numbers => {
                        read.push_number(t.trim().parse::<f64>().unwrap_or_default())
                    }
                    Cell::Text(t) => read.push_text(t),
                    Cell::Missing => read.push_missing(),
                }
            }
            read.spaced = col.spaced.clone();
            read.markers = col.markers.clone();
            read.finish();
            if as_numbers {
                let ex = dictionary
                    .first()
                    .map(|t| t.trim().to_string())
                    .unwrap_or_default();
                numbers.push((format!("'{}'", col.name), ex));
            }
            if as_codes {
                codes.push(format!("'{}'", col.name));
                example = example.or_else(|| {
                    dictionary
                        .iter()
                        .find(|t| zero_led(t))
                        .map(|t| t.trim().to_string())
                });
            }
            self.columns[j] = read;
        }
        if let Some((_, ex)) = numbers.first() {
            let cols: Vec<String> = numbers.iter().map(|(c, _)| c.clone()).collect();
            let n = ex.parse::<f64>().unwrap_or_default();
            let (nl, en) = (
                crate::format::first_ten(&cols, crate::format::Lang::Nl),
                crate::format::first_ten(&cols, crate::format::Lang::En),
            );
            self.detected.note(
                format!("Getallen met een voorloopnul als getal gelezen ('{ex}' = {n}) in {nl}"),
                format!("Numbers with a leading zero read as numbers ('{ex}' = {n}) in {en}"),
            );
        }
        let Some(example) = example else {
            return;
        };
        let list = |lang| crate::format::first_ten(&codes, lang);
        self.detected.note(
            format!(
                "Codes met een voorloopnul ({example}) als tekst gelezen, zoals geschreven, niet als getal: {}",
                list(crate::format::Lang::Nl)
            ),
            format!(
                "Codes with a leading zero ({example}) read as text, as written, not as numbers: {}",
                list(crate::format::Lang::En)
            ),
        );
    }

    /// Excel's mark of a cell typed as text (`'2019`, `'1234`, `'2019K4`), as CSV exports and
    /// hand-made files carry it: a number after it is read as that number (in a column of
    /// numbers, or a column whose texts are all such numbers; `'0363`, a code kept with its
    /// leading zero, stays text), a period after it is read as that period by the period reader.
    /// Said once in the notes, naming the columns and an example; nothing read past silently.
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn read_past_apostrophes(&mut self) {
        let decimal = self.detected.decimal_sign();
        // The number after the mark, when the text is the mark and a number (no code with a
        // leading zero).
        let number_after = |t: &str| -> Option<f64> {
            let r = t.trim().strip_prefix('\'')?;
            let digits = r.trim_start_matches(['-', '+']);
            let b = digits.as_bytes();
            if !b.first().is_some_and(u8::is_ascii_digit) || starts_as_code(b) {
                return None;
            }
            parse_number(r, decimal)
        };
        let period_after = |t: &str| {
            t.trim()
                .strip_prefix('\'')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                && crate::spec::Period::parse(t.trim()).is_some()
        };
        let read = self.read_texts_as_numbers(number_after);
        let (mut columns, mut example): (Vec<String>, Option<String>) = (Vec::new(), None);
        for (j, col) in self.columns.iter().enumerate() {
            let first = match read.iter().find(|(k, _)| *k == j) {
                Some((_, t)) => Some(t.clone()),
                None => col
                    .dictionary()
                    .iter()
                    .find(|t| period_after(t))
                    .map(|t| t.trim().to_string()),
            };
            if first.is_some() {
                columns.push(format!("'{}'", col.name));
                example = example.or(first);
            }
        }
        let Some(example) = example else {
            return;
        };
        let bare = example.trim_start_matches('\'');
        self.detected.note_in_columns(
            format!("Apostrof van Excel voor een cel (het teken dat een cel als tekst typt) overgeslagen: {example} gelezen als {bare}"),
            format!("Excel's apostrophe before a cell (the mark that types a cell as text) read past: {example} read as {bare}"),
            &columns,
        );
    }

    /// The columns whose texts `number_of` reads as numbers, rebuilt with those numbers: a
    /// column of numbers with such texts among them, or a column whose texts are all such
    /// numbers. Gives each column rebuilt with its first such text (as written, trimmed).
    #[cfg(feature = "full")]
    fn read_texts_as_numbers(
        &mut self,
        number_of: impl Fn(&str) -> Option<f64>,
    ) -> Vec<(usize, String)> {
        let mut read = Vec::new();
        for j in 0..self.columns.len() {
            let col = &self.columns[j];
            let numbers: Vec<Option<f64>> = col.dictionary().iter().map(|t| number_of(t)).collect();
            let Some(at) = numbers.iter().position(Option::is_some) else {
                continue;
            };
            if numbers.iter().all(Option::is_some) || col.has_number() {
                read.push((j, col.dictionary()[at].trim().to_string()));
                self.columns[j] = with_numbers(col, &numbers);
            }
        }
        read
    }

    /// A number with its minus sign after it (`12-`, `1.234,5-`), as bookkeeping programs
    /// (SAP, Exact) export a negative amount: read as that negative number, in a column of
    /// numbers or a column whose texts are all such numbers, and said once, naming the columns
    /// and an example. A code with a leading zero (`0363-`) and a text with a sign in front too
    /// stay text.
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn read_trailing_minus(&mut self) {
        let decimal = self.detected.decimal_sign();
        let negative = |t: &str| -> Option<f64> {
            let body = t.trim().strip_suffix('-')?.trim_end();
            let b = body.as_bytes();
            if !b.first().is_some_and(u8::is_ascii_digit)
                || !b.last().is_some_and(u8::is_ascii_digit)
                || starts_as_code(b)
            {
                return None;
            }
            parse_number(body, decimal).map(|n| -n)
        };
        let read = self.read_texts_as_numbers(negative);
        let Some((_, example)) = read.first() else {
            return;
        };
        let columns: Vec<String> = read
            .iter()
            .map(|(j, _)| format!("'{}'", self.columns[*j].name))
            .collect();
        let bare = example.trim_end_matches('-').trim_end();
        self.detected.note_in_columns(
            format!("Getallen met het minteken achteraan (zoals boekhoudprogramma's ze schrijven) als negatief gelezen: '{example}' = -{bare}"),
            format!("Numbers with the minus sign after them (as bookkeeping programs write them) read as negative: '{example}' = -{bare}"),
            &columns,
        );
    }

    /// A column of numbers whose only texts say that a number is withheld (`<10`, `< 5`, `*`,
    /// `geheim`, `NULL`, `n/a`; see [`is_suppression`]), as publications write small counts:
    /// those cells are missing (never 0), the column is a column of numbers, and the notes name
    /// the cells. A column with other texts too, or without numbers (a column of significance
    /// stars), is left as it is.
    #[cfg(feature = "full")]
    #[cfg_attr(feature = "full", inline(never))]
    fn read_suppressed_counts(&mut self) {
        let word = self.detected.row_word().to_string();
        let word_en = self
            .detected
            .row_word_in(crate::format::Lang::En)
            .to_string();
        let mut notes = Vec::new();
        for j in 0..self.columns.len() {
            let col = &self.columns[j];
            if col.dictionary().is_empty()
                || !col.has_number()
                || !col.dictionary().iter().all(|t| is_suppression(t))
            {
                continue;
            }
            let texts: Vec<String> = col
                .dictionary()
                .iter()
                .take(5)
                .map(|t| format!("'{}'", sniff::shorten(t, 12)))
                .collect();
            // Python's and R's words for a missing number say nothing was withheld.
            let missing_words = col.dictionary().iter().all(|t| {
                matches!(
                    crate::case::lower(t.trim()).as_str(),
                    "nan" | "none" | "null" | "<na>" | "na" | "n/a"
                )
            });
            let drop = vec![true; col.dictionary().len()];
            let rows = self.columns[j].blank_texts(&drop);
            if rows.is_empty() {
                continue;
            }
            let shown = |word: &str| -> String {
                rows.iter()
                    .take(5)
                    .map(|&i| format!("{word} {}", self.row_shown(i)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let n = rows.len();
            let texts = texts.join(", ");
            let (what, what_en) = if missing_words {
                (
                    format!("de tekst voor een ontbrekend getal ({texts})"),
                    format!("the text for a missing number ({texts})"),
                )
            } else {
                (
                    format!("een afgeschermd aantal ({texts})"),
                    format!("a withheld count ({texts})"),
                )
            };
            notes.push(cells_note(
                &self.columns[j].name,
                n,
                [&what, &what_en],
                [
                    &(if n == 1 { "is" } else { "zijn" }.to_string()
                        + " als ontbrekend gelezen, nooit als 0"),
                    "read as missing, never as 0",
                ],
                [shown(&word), shown(&word_en)],
            ));
        }
        for (nl, en) in notes {
            self.detected.note(nl, en);
        }
    }

    /// Names, in the notes, the numbers beyond [`limits::MAX_ABS_NUMBER`] kept as text.
    #[cfg_attr(feature = "full", inline(never))]
    fn note_beyond_range(&mut self, beyond: &[(usize, usize, String)]) {
        let word = self.detected.row_word().to_string();
        let word_en = self
            .detected
            .row_word_in(crate::format::Lang::En)
            .to_string();
        let mut by_column: std::collections::BTreeMap<usize, Vec<&(usize, usize, String)>> =
            std::collections::BTreeMap::new();
        for b in beyond {
            by_column.entry(b.0).or_default().push(b);
        }
        for (j, cells) in by_column {
            let Some(col) = self.columns.get(j) else {
                continue;
            };
            let shown: Vec<String> = cells
                .iter()
                .take(5)
                .map(|(_, row, t)| format!("{word} {row} '{}'", sniff::shorten(t, 24)))
                .collect();
            let shown_en: Vec<String> = cells
                .iter()
                .take(5)
                .map(|(_, row, t)| format!("{word_en} {row} '{}'", sniff::shorten(t, 24)))
                .collect();
            let nl = format!(
                "Kolom '{}': {} buiten het bereik van de verkenner (verder van 0 dan 10^15, de grens waarboven sommen niet meer exact zijn) als tekst gelezen en {} niet mee: {}{}",
                col.name,
                if cells.len() == 1 {
                    "1 getal".to_string()
                } else {
                    format!("{} getallen", cells.len())
                },
                if cells.len() == 1 { "telt" } else { "tellen" },
                shown.join(", "),
                and_more(cells.len(), crate::format::Lang::Nl)
            );
            let en = format!(
                "Column '{}': {} beyond the range of the explorer (further from 0 than 10^15, the limit above which sums are no longer exact) read as text and not counted: {}{}",
                col.name,
                if cells.len() == 1 {
                    "1 number".to_string()
                } else {
                    format!("{} numbers", cells.len())
                },
                shown_en.join(", "),
                and_more(cells.len(), crate::format::Lang::En)
            );
            self.detected.note(nl, en);
        }
    }

    /// Names, in the notes, the cells of a column of numbers that look like numbers but were read
    /// as text (`1.234.5`, `12 345`, `€ 5`): they are not counted, so a person must see them.
    /// Cells already named as beyond the range (`(column, row, text)`) are not repeated.
    #[cfg(feature = "full")]
    #[inline(never)]
    pub fn note_numbers_read_as_text(&mut self, beyond: &[(usize, usize, String)]) {
        let named: std::collections::HashSet<(usize, usize)> =
            beyond.iter().map(|(c, r, _)| (*c, *r)).collect();
        let mut notes: Vec<(String, String)> = Vec::new();
        for (j, col) in self.columns.iter().enumerate() {
            let (mut numbers, mut other) = (0usize, 0usize);
            let mut odd: Vec<(usize, &str)> = Vec::new();
            // Per distinct text whether it looks like a number: once, not per row.
            let looks: Vec<bool> = col.dictionary().iter().map(|t| looks_numeric(t)).collect();
            // No text of the column looks like a number: nothing to name.
            if !looks.contains(&true) {
                continue;
            }
            // A column of codes read as text on purpose (`0363` beside `1680`; see
            // `read_codes_with_leading_zeros`): said there.
            if cfg!(feature = "full")
                && !col.has_number()
                && col
                    .dictionary()
                    .iter()
                    .any(|t| leading_zero(t.trim().as_bytes()))
                && col.dictionary().iter().all(|t| {
                    national_code(t)
                        || !t.trim().is_empty() && t.trim().bytes().all(|b| b.is_ascii_digit())
                })
            {
                continue;
            }
            let any_named = !named.is_empty();
            for i in 0..col.len() {
                let named = || self.row_number(i).is_some_and(|r| named.contains(&(j, r)));
                match (col.get(i), col.code(i)) {
                    (Cell::Number(_), _) => numbers += 1,
                    (Cell::Text(_), _) if any_named && named() => numbers += 1,
                    // Excel's error values are said by `read_excel_errors` (full core).
                    (Cell::Text(t), _) if cfg!(feature = "full") && is_excel_error(t) => {}
                    (Cell::Text(t), Some(c)) if looks.get(c as usize) == Some(&true) => {
                        odd.push((i, t))
                    }
                    (Cell::Text(_), _) => other += 1,
                    (Cell::Missing, _) => {}
                }
            }
            if odd.is_empty() || numbers + odd.len() <= other {
                continue;
            }
            // Years marked provisional (`2019*`) are periods, on the time axis, which says so
            // ("Voorlopige cijfers ..."): never "not counted".
            if cfg!(feature = "full")
                && odd.iter().all(|(_, t)| {
                    let (base, mark) = crate::spec::Period::split_mark(t);
                    !mark.is_empty() && crate::spec::Period::parse(base).is_some()
                })
            {
                continue;
            }
            let word = self.detected.row_word().to_string();
            let word_en = self
                .detected
                .row_word_in(crate::format::Lang::En)
                .to_string();
            let shown_in = |word: &str| -> Vec<String> {
                odd.iter()
                    .take(5)
                    .map(|(i, t)| {
                        let row = self.row_shown(*i);
                        format!("{word} {row} '{}'", sniff::shorten(t, 30))
                    })
                    .collect()
            };
            let shown = shown_in(&word);
            let shown_en = shown_in(&word_en);
            // (A view that computes with the column refuses such a cell, naming it.)
            let one = odd.len() == 1;
            let nl = format!(
                "Kolom '{}': {} een getal maar {} als tekst gelezen: {}{}; verbeter of leeg {}, anders weigert een weergave die met deze kolom rekent",
                col.name,
                if one {
                    "1 cel lijkt".to_string()
                } else {
                    format!("{} cellen lijken", odd.len())
                },
                if one { "is" } else { "zijn" },
                shown.join(", "),
                and_more(odd.len(), crate::format::Lang::Nl),
                if one { "de cel" } else { "die cellen" },
            );
            let en = format!(
                "Column '{}': {} like a number but {} read as text: {}{}; correct or empty {}, or a view that computes with this column is refused",
                col.name,
                if one {
                    "1 cell looks".to_string()
                } else {
                    format!("{} cells look", odd.len())
                },
                if one { "is" } else { "are" },
                shown_en.join(", "),
                and_more(odd.len(), crate::format::Lang::En),
                if one { "the cell" } else { "those cells" },
            );
            notes.push((nl, en));
        }
        for (nl, en) in notes {
            self.detected.note(nl, en);
        }
    }
}

/// The error for row `line` with `filled` filled cells, the last in column `extra` (0-based),
/// beyond a header of `width` columns.
/// A reading as a comparable text: the error, or everything read (what was detected, the row
/// numbers, each column's dictionary and per cell its code or the bits of its number). For the
/// tests and the fuzz target that compare two readings of the same bytes.
#[doc(hidden)]
pub fn fingerprint(r: &Result<Table>) -> String {
    match r {
        Err(e) => format!("{e:?}"),
        Ok(t) => {
            let mut out = format!("{:?}\n{:?}\n", t.detected, t.row_numbers);
            for c in &t.columns {
                out += &format!("{} {:?}\n", c.name, c.dictionary());
                for i in 0..c.len() {
                    match c.get(i) {
                        Cell::Number(x) => out += &format!("{:x},", x.to_bits()),
                        other => out += &format!("{:?}{:?},", c.code(i), other),
                    }
                }
                out += "\n";
            }
            out
        }
    }
}

pub(crate) fn row_too_wide(
    source: &str,
    line: usize,
    filled: usize,
    extra: usize,
    width: usize,
) -> Error {
    Error::new2(
        ErrorKind::Parse,
        format!(
            "Rij {line} heeft {filled} gevulde cellen tot en met kolom {}, maar de kopregel heeft {width} kolommen. \
             Staat er een komma als decimaalteken in een bestand met komma's als scheidingsteken? \
             Zet zulke getallen tussen aanhalingstekens of bewaar het bestand met ';' als scheidingsteken.",
            extra + 1
        ),
        format!(
            "Row {line} has {filled} filled cells up to column {}, but the header has {width} columns. \
             Is there a decimal comma in a file with commas as delimiter? \
             Put such numbers in quotes or save the file with ';' as delimiter.",
            extra + 1
        ),
    )
    .at(Location::file(source).row(line).column(&format!("kolom {}", extra + 1)))
}

/// A cell longer than [`limits::MAX_CELL_BYTES`] is an error at `loc`.
fn check_cell_len(source: &str, text: &str, loc: impl Fn() -> Location) -> Result<()> {
    if text.len() <= limits::MAX_CELL_BYTES {
        return Ok(());
    }
    Err(cell_too_long(source, text.len(), loc()))
}

/// The error for a cell of `len` bytes, over [`limits::MAX_CELL_BYTES`].
pub(crate) fn cell_too_long(source: &str, len: usize, loc: Location) -> Error {
    let mut e = limits::exceeded(
        source,
        ["de lengte van een cel", "the length of a cell"],
        [
            format!(
                "een cel van {} bytes, ten hoogste {} (Excel houdt 32.767 tekens per cel aan); staat er een aanhalingsteken dat niet wordt gesloten?",
                limits::thousands(len),
                limits::thousands(limits::MAX_CELL_BYTES)
            ),
            format!(
                "a cell of {} bytes, at most {} (Excel keeps to 32,767 characters a cell); is there a quote that is never closed?",
                limits::thousands_en(len),
                limits::thousands_en(limits::MAX_CELL_BYTES)
            ),
        ],
    );
    e.location = Some(loc);
    e
}

/// The tail of a list of which five are shown: " en nog 7" / " and 7 more", or nothing.
/// The note (Dutch, English) on `n` cells of column `name` holding `what`, how they were
/// `read`, and where (`shown`: the first few rows, `and_more` adds how many more).
#[cfg(feature = "full")]
fn cells_note(
    name: &str,
    n: usize,
    what: [&str; 2],
    read: [&str; 2],
    shown: [String; 2],
) -> (String, String) {
    let [shown_nl, shown_en] = shown;
    (
        format!(
            "Kolom '{name}': {} met {} {}: {shown_nl}{}",
            if n == 1 {
                "1 cel".to_string()
            } else {
                format!("{n} cellen")
            },
            what[0],
            read[0],
            and_more(n, crate::format::Lang::Nl)
        ),
        format!(
            "Column '{name}': {} with {} {}: {shown_en}{}",
            if n == 1 {
                "1 cell".to_string()
            } else {
                format!("{n} cells")
            },
            what[1],
            read[1],
            and_more(n, crate::format::Lang::En)
        ),
    )
}

pub(crate) fn and_more(total: usize, lang: crate::format::Lang) -> String {
    match (total.saturating_sub(5), lang) {
        (0, _) => String::new(),
        (n, crate::format::Lang::Nl) => format!(" en nog {n}"),
        (n, crate::format::Lang::En) => format!(" and {n} more"),
    }
}

/// `str::trim`, with the common cell (no space at either end) answered from two bytes.
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// A number the explorer computes with: finite and at most [`limits::MAX_ABS_NUMBER`] from 0.
pub fn in_range(n: f64) -> bool {
    n.abs() <= limits::MAX_ABS_NUMBER
}

/// True when `raw` is written as a number but beyond the range (`1e400`, 401 digits).
pub(crate) fn overflows(raw: &str, decimal: char) -> bool {
    parse_number_unchecked(raw.trim(), decimal).is_some_and(|n| !in_range(n))
}

/// Text that a person reads as a number though it did not parse as one: digits with spaces
/// (`12 345`), repeated or misplaced separators (`1.234.5`, `1,5` in a file with decimal
/// point), a currency sign or quote mark (`€ 5`, `'12`). Dates (`31-12-2017`) and codes with
/// letters (`2019K1`) are not.
pub fn looks_numeric(s: &str) -> bool {
    let s = s.trim();
    // Excel's error values and the float words stand where a number failed.
    if s.starts_with('#')
        || ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"]
            .iter()
            .any(|w| s.eq_ignore_ascii_case(w))
    {
        return s.len() > 1;
    }
    // (Full core:) a number in brackets (`(12)`: unreliable, or negative), after a sign of
    // about or a bound (`~10`, `>1000`, `≤ 5`), or before a footnote's mark (`12*`, `12¹`).
    #[cfg(feature = "full")]
    let s = {
        let s = match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(inner) => inner.trim(),
            None => s,
        };
        s.trim_start_matches(['~', '≈', '±', '>', '<', '≥', '≤', '='])
            .trim_end_matches(['*', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
            .trim()
    };
    let body = s
        .trim_start_matches(['€', '$', '\'', '+', '-', '−', ' ', '\u{a0}'])
        .trim_end_matches(['%', ' ', '\u{a0}']);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.ends_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\'')
                || (cfg!(feature = "full") && matches!(c, '\u{202f}' | '\u{2009}'))
        })
}

/// Whether digits start as a code does, with a zero before another digit (`0363`): such a text
/// is not read as a number by the passes after reading.
#[cfg(feature = "full")]
fn starts_as_code(b: &[u8]) -> bool {
    b.first() == Some(&b'0') && b.get(1).is_some_and(u8::is_ascii_digit)
}

/// `col` with the texts whose dictionary entry has a number in `numbers` (by code) read as
/// that number; the rest as it was.
#[cfg(feature = "full")]
fn with_numbers(col: &Column, numbers: &[Option<f64>]) -> Column {
    let mut read = Column::with_capacity(col.name.clone(), col.len());
    for i in 0..col.len() {
        match (col.get(i), col.code(i)) {
            (Cell::Text(_), Some(c)) if numbers.get(c as usize).is_some_and(Option::is_some) => {
                read.push_number(numbers[c as usize].unwrap_or_default())
            }
            (Cell::Number(n), _) => read.push_number(n),
            (Cell::Text(t), _) => read.push_text(t),
            (Cell::Missing, _) => read.push_missing(),
        }
    }
    read.spaced = col.spaced.clone();
    read.markers = col.markers.clone();
    read.finish();
    read
}

/// Spaces that do not break a line, in header names read as plain spaces.
#[cfg(feature = "full")]
const NO_BREAK_SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2007}'];

/// Column names from a header row: blank cells get `unnamed(j)`, a repeated name gets ` (2)`,
/// ` (3)`, ... and a note, so both columns stay readable.
pub fn column_names(
    header: &[RawCell],
    width: usize,
    detected: &mut Detected,
    unnamed: impl Fn(usize) -> String,
) -> Vec<String> {
    // A set and a counter per name: a header of 16,384 equal names must not take cubic time.
    let mut names: Vec<String> = Vec::with_capacity(width);
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Columns without a name in the header, named here: said in one note (full core; the first
    // reads the built-in data only, whose columns all have names).
    #[cfg(feature = "full")]
    let mut nameless: Vec<String> = Vec::new();
    // Names written over several lines (a header cell wrapped in Excel with Alt+Enter): read on
    // one line, as a chart's axis and a view's `y=` take them, and said.
    #[cfg(feature = "full")]
    let mut one_line: Vec<String> = Vec::new();
    for j in 0..width {
        let mut name = header.get(j).map(RawCell::display).unwrap_or_default();
        // A space that does not break (Excel's and Word's U+00A0, and its narrow kin) looks
        // like a space and is typed as one in `y=`: read as one, as nobody could tell them apart.
        #[cfg(feature = "full")]
        if name.contains(NO_BREAK_SPACES) {
            name = name.replace(NO_BREAK_SPACES, " ");
        }
        #[cfg(feature = "full")]
        if name.contains(['\n', '\r', '\t']) {
            name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            one_line.push(format!("'{name}'"));
        }
        if name.is_empty() {
            name = unnamed(j);
            #[cfg(feature = "full")]
            nameless.push(format!("'{name}'"));
        }
        if seen.contains(&name) {
            let k = next.entry(name.clone()).or_insert(2);
            while seen.contains(&format!("{name} ({k})")) {
                *k += 1;
            }
            let renamed = format!("{name} ({k})");
            *k += 1;
            detected.note(
                format!(
                    "De kolomnaam '{name}' komt meer dan eens voor; kolom {} heet nu '{renamed}'",
                    j + 1
                ),
                format!(
                    "The column name '{name}' occurs more than once; column {} is now called '{renamed}'",
                    j + 1
                ),
            );
            name = renamed;
        }
        seen.insert(name.clone());
        names.push(name);
    }
    #[cfg(feature = "full")]
    for (list, nl, en) in [
        (
            &nameless,
            "Zonder naam in de kopregel, hier genoemd naar hun plaats",
            "Without a name in the header, named here by their place",
        ),
        (
            &one_line,
            "Kolomnamen over meer regels op één regel gelezen",
            "Column names written over several lines read on one line",
        ),
    ] {
        use crate::format::{first_ten, Lang};
        if !list.is_empty() {
            detected.note(
                format!("{nl}: {}.", first_ten(list, Lang::Nl)),
                format!("{en}: {}.", first_ten(list, Lang::En)),
            );
        }
    }
    names
}

/// Skipped title rows as one note, in Dutch and English.
pub(crate) fn titles_note(titles: &[(usize, String)]) -> Option<(String, String)> {
    if titles.is_empty() {
        return None;
    }
    let list = |word: &str| -> String {
        titles
            .iter()
            .map(|(r, t)| {
                // Excel's first line `sep=;` names the delimiter (the reading finds it itself).
                #[cfg(feature = "full")]
                if t.trim().to_ascii_lowercase().starts_with("sep=") {
                    let hint = match word {
                        "rij" => "Excels aanwijzing voor het scheidingsteken",
                        _ => "Excel's hint naming the delimiter",
                    };
                    return format!("{word} {r} '{t}' ({hint})");
                }
                format!("{word} {r} '{t}'")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some((
        format!(
            "{} boven de kopregel overgeslagen: {}",
            if titles.len() == 1 {
                "1 titelregel".to_string()
            } else {
                format!("{} titelregels", titles.len())
            },
            list("rij")
        ),
        format!(
            "{} above the header skipped: {}",
            if titles.len() == 1 {
                "1 title row".to_string()
            } else {
                format!("{} title rows", titles.len())
            },
            list("row")
        ),
    ))
}

/// A table built a row at a time from cells a loader gives (a workbook, a JSON file): each cell
/// typed as [`parse_cell`] types it, numbers beyond the range kept as text and named.
pub(crate) struct TableBuilder<'s> {
    source: &'s str,
    columns: Vec<Column>,
    row_numbers: RowNumbers,
    /// Numbers beyond the range kept as text: (column, row, text).
    beyond: Vec<(usize, usize, String)>,
    decimal: char,
    keep_blank: bool,
    row_unit: Option<String>,
}

impl<'s> TableBuilder<'s> {
    /// A table of the columns `names` for `rows` rows (refused beyond the limits for a file of
    /// `file_bytes`); with `keep_blank` a row of blank cells is kept as a row of missing values
    /// (a JSON record with every field null is a record, not a separator).
    pub(crate) fn new(
        source: &'s str,
        names: Vec<String>,
        rows: usize,
        (decimal, file_bytes, keep_blank): (char, usize, bool),
        row_unit: Option<String>,
    ) -> Result<Self> {
        limits::check_cells(source, rows, names.len(), file_bytes)?;
        for name in &names {
            check_cell_len(source, name, || Location::file(source))?;
        }
        Ok(TableBuilder {
            source,
            columns: names
                .into_iter()
                .map(|name| Column::with_capacity(name, rows))
                .collect(),
            row_numbers: RowNumbers::new(),
            beyond: Vec::new(),
            decimal,
            keep_blank,
            row_unit,
        })
    }

    /// A table whose columns come as its rows are read ([`TableBuilder::add_column`]) and
    /// whose size is checked once all are in ([`TableBuilder::check`]).
    pub(crate) fn open(
        source: &'s str,
        (decimal, keep_blank): (char, bool),
        row_unit: Option<String>,
    ) -> Self {
        TableBuilder {
            source,
            columns: Vec::new(),
            row_numbers: RowNumbers::new(),
            beyond: Vec::new(),
            decimal,
            keep_blank,
            row_unit,
        }
    }

    /// A column more, missing in the rows pushed so far.
    pub(crate) fn add_column(&mut self, name: String) {
        let mut c = Column::with_capacity(name, self.row_numbers.len());
        for _ in 0..self.row_numbers.len() {
            c.push_missing();
        }
        self.columns.push(c);
    }

    /// The checks [`TableBuilder::new`] makes, for a table built before its size was known.
    pub(crate) fn check(&self, file_bytes: usize) -> Result<()> {
        let source = self.source;
        limits::check_cells(source, self.rows(), self.columns.len(), file_bytes)?;
        for c in &self.columns {
            check_cell_len(source, &c.name, || Location::file(source))?;
        }
        Ok(())
    }

    /// Adds the row on line `line` of the file.
    pub(crate) fn push(&mut self, line: usize, cells: &[RawCell]) -> Result<()> {
        let source = self.source;
        let row_unit = &self.row_unit;
        let at = |line: usize, column: &str| {
            let mut loc = Location::file(source).row(line).column(column);
            if let Some(u) = row_unit {
                loc = loc.row_unit(u);
            }
            loc
        };
        if !self.keep_blank && cells.iter().all(RawCell::is_blank) {
            return Ok(());
        }
        let width = self.columns.len();
        if let Some(extra) = cells
            .iter()
            .enumerate()
            .skip(width)
            .rfind(|(_, c)| !c.is_blank())
            .map(|(j, _)| j)
        {
            let filled = cells.iter().filter(|c| !c.is_blank()).count();
            return Err(row_too_wide(source, line, filled, extra, width));
        }
        let decimal = self.decimal;
        for (j, col) in self.columns.iter_mut().enumerate() {
            match cells.get(j) {
                Some(RawCell::Number(n)) if in_range(*n) => col.push_number(*n),
                Some(RawCell::Number(n)) => {
                    let text = if n.is_finite() {
                        format!("{n:e}")
                    } else {
                        n.to_string()
                    };
                    col.push_text(&text);
                    self.beyond.push((j, line, text));
                }
                Some(RawCell::Text(t)) => {
                    check_cell_len(source, t, || at(line, &col.name))?;
                    match parse_cell_ref(t, decimal) {
                        Cell::Missing => {
                            #[cfg(feature = "full")]
                            col.saw_marker(t);
                            col.push_missing()
                        }
                        Cell::Number(n) => {
                            #[cfg(feature = "full")]
                            col.saw_number(t);
                            col.push_number(n)
                        }
                        Cell::Text(s) => {
                            if overflows(t, decimal) {
                                self.beyond.push((j, line, s.to_string()));
                            }
                            col.push_text(s);
                        }
                    }
                }
                Some(RawCell::Empty) | None => col.push_missing(),
            }
        }
        self.row_numbers
            .push(u32::try_from(line).unwrap_or(u32::MAX));
        Ok(())
    }

    /// The columns so far.
    pub(crate) fn width(&self) -> usize {
        self.columns.len()
    }

    /// The rows pushed so far.
    pub(crate) fn rows(&self) -> usize {
        self.row_numbers.len()
    }

    pub(crate) fn finish(self, detected: Detected) -> Result<Table> {
        Table::assembled(
            self.source,
            self.columns,
            self.row_numbers,
            detected,
            &self.beyond,
        )
    }
}

/// Whether a text is one of Excel's error values, in Dutch or English (`#N/B`, `#N/A`,
/// `#DEEL/0!`, `#DIV/0!`, `#WAARDE!`, `#VALUE!`, `#VERW!`, `#REF!`, `#NAAM?`, `#NAME?`,
/// `#GETAL!`, `#NUM!`, `#LEEG!`, `#NULL!`, `#OVERLOOP!`, `#SPILL!`, `#BEREKENEN!`, `#CALC!`).
pub fn is_excel_error(s: &str) -> bool {
    let s = s.trim();
    s.starts_with('#')
        && matches!(
            crate::case::upper(s).as_str(),
            "#N/B"
                | "#N/A"
                | "#DEEL/0!"
                | "#DIV/0!"
                | "#WAARDE!"
                | "#VALUE!"
                | "#VERW!"
                | "#REF!"
                | "#NAAM?"
                | "#NAME?"
                | "#GETAL!"
                | "#NUM!"
                | "#LEEG!"
                | "#NULL!"
                | "#OVERLOOP!"
                | "#SPILL!"
                | "#BEREKENEN!"
                | "#CALC!"
        )
}

/// Texts that stand for a withheld or unknown number in a column of numbers: a bound for a small
/// count (`<10`, `< 5`, `<0,5`), stars (`*`), `geheim`, `onderdrukt`, `NULL`, `n/a`, `n.b.`,
/// `onbekend`. (Beside the [`is_missing_marker`] symbols, which are missing anywhere.)
#[cfg(feature = "full")]
pub fn is_suppression(s: &str) -> bool {
    let s = s.trim();
    if s.eq_ignore_ascii_case("<na>") {
        return true;
    }
    if let Some(rest) = s.strip_prefix('<').or_else(|| s.strip_prefix('≤')) {
        let rest = rest.trim_start_matches('=').trim();
        return rest.starts_with(|c: char| c.is_ascii_digit())
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    }
    if !s.is_empty() && s.chars().all(|c| c == '*') {
        return true;
    }
    let f = crate::case::lower(s.trim_matches(['(', ')']));
    matches!(
        f.as_str(),
        "geheim"
            | "onderdrukt"
            | "afgeschermd"
            | "null"
            | "n/a"
            | "n.b."
            | "nb"
            | "onbekend"
            | "unknown"
            | "suppressed"
            // A missing number as Python and pandas write it (`<NA>`: a nullable integer).
            | "nan"
            | "none"
            | "<na>"
            // Not available in other offices' tables (`..` OECD and older CBS tables, `:`
            // Eurostat).
            | ".."
            | "..."
            | ":"
    )
}

/// The multiplier a header's unit gives its numbers, and the header without the unit: `Werkzame
/// personen (x 1000)`, `(x 1 000)`, `(x1.000)`, `[× 1000]`, `(duizenden)`, `(in duizenden)`,
/// `(aantal x 1000)`, `(thousands)`, `('000)`, `(x mln)`, `(miljoenen)`, and a trailing `x 1000`.
#[cfg(feature = "full")]
pub fn header_multiplier(header: &str) -> Option<(f64, String)> {
    fn factor(unit: &str) -> Option<f64> {
        let s: String = crate::case::lower(unit)
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | '\'' | '’'))
            .collect();
        let mut s = s.as_str();
        for p in ["aantal", "number", "in"] {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        let s = s.trim_start_matches(['x', '×', '*']);
        match s {
            "1000" | "duizend" | "duizenden" | "1duizend" | "thousand" | "thousands" | "000"
            | "000s" => Some(1e3),
            "1000000" | "mln" | "1mln" | "miljoen" | "1miljoen" | "miljoenen" | "million"
            | "1million" | "millions" => Some(1e6),
            _ => None,
        }
    }
    let tidy = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // A unit in brackets.
    for (open, close) in [('(', ')'), ('[', ']')] {
        let mut from = 0;
        while let Some(a) = header[from..].find(open).map(|a| a + from) {
            let Some(b) = header[a..].find(close).map(|b| b + a) else {
                break;
            };
            if let Some(f) = factor(&header[a + 1..b]) {
                let bare = tidy(format!("{}{}", &header[..a], &header[b + 1..]));
                return (!bare.is_empty()).then_some((f, bare));
            }
            from = b + 1;
        }
    }
    // A trailing `x 1000`, `× 1.000`.
    let lower = crate::case::lower(header);
    let at = lower.rfind(" x ").or_else(|| lower.rfind(" ×"))?;
    if lower.len() != header.len() {
        return None;
    }
    let f = factor(&header[at..])?;
    let bare = tidy(header[..at].to_string());
    (!bare.is_empty()).then_some((f, bare))
}

/// The symbols statistics offices use for suppressed or unknown cells: never read as 0.
pub fn is_missing_marker(s: &str) -> bool {
    matches!(
        s,
        "" | "." | "x" | "X" | "-" | "–" | "—" | "?" | "NA" | "n.v.t." | "nvt"
    )
}

/// Parses one cell: missing marker, number (with the given decimal separator and the other one as
/// an optional thousands separator), or text.
pub fn parse_cell(raw: &str, decimal: char) -> Value {
    parse_cell_ref(raw, decimal).to_value()
}

/// [`parse_cell`] without copying a text: it borrows the trimmed cell.
pub fn parse_cell_ref(raw: &str, decimal: char) -> Cell<'_> {
    let s = trim(raw);
    if is_missing_marker(s) {
        return Cell::Missing;
    }
    match parse_number(s, decimal) {
        Some(n) => Cell::Number(n),
        None => Cell::Text(s),
    }
}

/// Parses `1234`, `-1.234,5` (decimal `,`), `1,234.5` (decimal `.`), `12,5%`, `1.5e-3` (as R
/// and Python write). Thousands separators must group by three, so `1.5` with decimal `,` is
/// not a number. A number beyond [`limits::MAX_ABS_NUMBER`] (401 digits, `1e400`) is `None`: it
/// stays text, and [`Table::from_cells`] names it in the notes.
pub fn parse_number(s: &str, decimal: char) -> Option<f64> {
    parse_number_unchecked(s, decimal).filter(|n| in_range(*n))
}

/// [`parse_number`] without the range check: infinity for `1e400`.
fn parse_number_unchecked(s: &str, decimal: char) -> Option<f64> {
    // The common cell first: a whole number of at most 15 digits (exact in a float).
    let b = s.as_bytes();
    // A code with a leading zero (`0363`, a municipality's code; `01234`) is text here:
    // [`Table::read_codes_with_leading_zeros`] decides per column (user files only).
    if cfg!(feature = "full") && leading_zero(b) {
        return None;
    }
    if !b.is_empty() && b.len() <= 15 && b.iter().all(u8::is_ascii_digit) {
        return Some(b.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64);
    }
    let s = trim(trim(s).trim_end_matches('%'));
    if s.is_empty() {
        return None;
    }
    // A number starts with a sign, a digit or the decimal separator: a name is no number.
    if !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '−' | '.' | ',')) {
        return None;
    }
    let thousands = if decimal == ',' { '.' } else { ',' };
    let (sign, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => (-1.0, rest),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    // An exponent: `e` or `E`, an optional sign and one to four digits.
    let (body, exponent) = match body.find(['e', 'E']) {
        Some(i) => {
            let e = &body[i + 1..];
            let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            (&body[..i], Some(e))
        }
        None => (body, None),
    };
    let (int, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() && frac.is_none() {
        return None;
    }
    let mut digits = String::new();
    // Thousands grouped by a space (`4 099`, `12 345 678`, also with U+00A0, U+202F or U+2009
    // as spreadsheets write them): user files only, the built-in data has none.
    if cfg!(feature = "full") && exponent.is_none() && int.contains(GROUP_SPACES) {
        digits = spaced_digits(int)?;
    } else if int.contains(thousands) {
        let groups: Vec<&str> = int.split(thousands).collect();
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        for g in groups {
            digits.push_str(g);
        }
    } else {
        digits.push_str(int);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if digits.is_empty() {
        digits.push('0');
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(f);
    }
    if let Some(e) = exponent {
        digits.push('e');
        digits.push_str(e);
    }
    crate::decimal::parse_f64(&digits).map(|v| sign * v)
}

/// Whether a cell is digits with a leading zero (`0363`, `007`; not `0`, `0,5` or `05,5`):
/// written so, it is a code more often than a number.
pub(crate) fn leading_zero(b: &[u8]) -> bool {
    b.len() >= 2 && b[0] == b'0' && b.iter().all(u8::is_ascii_digit)
}

/// The spaces that group thousands: a space, a no-break space (U+00A0), a narrow no-break
/// space (U+202F, Excel and LibreOffice in several locales) and a thin space (U+2009).
pub(crate) const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The digits of an integer part grouped by spaces (`12 345 678` -> `12345678`): a first group
/// of one to three digits, then groups of exactly three, one space between groups. `None` for
/// anything else (`12 34`, `2015 1`, `1234 AB`).
pub(crate) fn spaced_digits(int: &str) -> Option<String> {
    let mut digits = String::with_capacity(int.len());
    for (k, g) in int.split(GROUP_SPACES).enumerate() {
        let ok = if k == 0 {
            (1..=3).contains(&g.len())
        } else {
            g.len() == 3
        };
        if !ok || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    Some(digits)
}

/// Whether a cell read as a number had its thousands grouped by spaces (`4 099`): a grouping
/// space between two digits. For the note that says so.
#[cfg(feature = "full")]
pub(crate) fn has_spaced_groups(raw: &str) -> bool {
    // The common number has no space and nothing beyond ASCII: one scan of its bytes.
    if !raw.bytes().any(|b| b == b' ' || b >= 0x80) {
        return false;
    }
    let chars: Vec<char> = raw.trim().chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && GROUP_SPACES.contains(&w[1]) && w[2].is_ascii_digit())
}

/// The file formats [`load`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

/// Chooses the loader from the first bytes, then the extension. Formats we cannot read get a
/// Dutch error that says what to do instead.
pub fn detect_format(name: &str, bytes: &[u8]) -> Result<Format> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let fail =
        |nl: &str, en: &str| Err(Error::new2(ErrorKind::Parse, nl, en).at(Location::file(name)));
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let head = &bytes[..bytes.len().min(200)];
        let ods = head.windows(11).any(|w| w == b"opendocumen");
        if ext == "ods" || ods {
            return fail("Dit is een OpenDocument-rekenblad (.ods). Sla het op als Excel-werkmap (.xlsx) of als CSV en laad dat bestand.",
                "This is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) or as CSV and load that file.");
        }
        if ext == "xlsb" {
            return fail("Dit is een binaire Excel-werkmap (.xlsb). Sla het in Excel op als Excel-werkmap (.xlsx) of als CSV en laad dat bestand.",
                "This is a binary Excel workbook (.xlsb). Save it in Excel as an Excel workbook (.xlsx) or as CSV and load that file.");
        }
        return Ok(Format::Xlsx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return fail("Dit is een Excel-bestand in de oude indeling (.xls). Open het in Excel en kies 'Opslaan als' > 'Excel-werkmap (.xlsx)' of 'CSV (gescheiden door lijstscheidingsteken)', en laad dat bestand.",
                "This is an Excel file in the old format (.xls). Open it in Excel, choose 'Save as' > 'Excel Workbook (.xlsx)' or 'CSV (Comma delimited)', and load that file.");
    }
    // A file called .xlsx that is text (a CSV file saved under that name) is read as text below.
    let texty = !not_text(&bytes[..bytes.len().min(4096)]);
    if matches!(ext.as_str(), "xlsx" | "xlsm") && !(cfg!(feature = "full") && texty) {
        return fail("Dit bestand heet .xlsx maar is geen geldige Excel-werkmap (het is misschien beschadigd of een ander soort bestand). Open het in Excel en sla het opnieuw op als .xlsx of als CSV.",
                "This file is called .xlsx but is not a valid Excel workbook (it may be damaged or another kind of file). Open it in Excel and save it again as .xlsx or as CSV.");
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    #[cfg(feature = "full")]
    let utf16 = utf16 || source::Encoding::utf16_unmarked(bytes).is_some();
    let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if !utf16 {
        if bytes.starts_with(b"%PDF") {
            return fail("Dit is een PDF-bestand, geen tabel. Gebruik de gegevens als CSV, Excel-werkmap (.xlsx) of JSON.",
                "This is a PDF file, not a table. Use the data as CSV, Excel workbook (.xlsx) or JSON.");
        }
        if bytes.starts_with(&[0x1F, 0x8B]) {
            return fail("Dit is een gecomprimeerd bestand (gzip), geen tabel. Pak het eerst uit en laad het CSV-, Excel- of JSON-bestand dat erin zit.",
                "This is a compressed file (gzip), not a table. Unpack it first and load the CSV, Excel or JSON file inside.");
        }
        // A text file with a stray NUL byte in it (a database export): where it is.
        #[cfg(feature = "full")]
        if let Some(line) = stray_nul(&bytes[..bytes.len().min(4096)]) {
            return Err(Error::new2(
                ErrorKind::Parse,
                "Dit tekstbestand bevat een nul-teken (NUL, byte 0), dat niet in een tabel hoort. Verwijder het (of sla de tabel opnieuw op als CSV) en laad het bestand opnieuw.",
                "This text file holds a NUL character (byte 0), which does not belong in a table. Remove it (or save the table again as CSV) and load the file again.",
            )
            .at(Location::file(name).row(line)));
        }
        if not_text(&bytes[..bytes.len().min(4096)]) {
            return fail("Dit bestand is geen tabel die de verkenner kan lezen (het is geen tekst). Gebruik CSV, een Excel-werkmap (.xlsx) of JSON.",
                "This file is not a table the explorer can read (it is not text). Use CSV, an Excel workbook (.xlsx) or JSON.");
        }
        if first == Some(b'<') {
            return fail("Dit bestand is een webpagina of XML (het begint met '<'), geen tabel. Sla de tabel op als CSV of Excel-werkmap (.xlsx).",
                "This file is a web page or XML (it starts with '<'), not a table. Save the table as CSV or Excel workbook (.xlsx).");
        }
    }
    // (A file called .json that does not start as JSON is read as text with delimiters, and
    // said so: a CSV file saved under that name.)
    let delimited = || {
        let mut lines = text
            .split(|&b| b == b'\n')
            .filter(|l| !l.trim_ascii().is_empty());
        let head = lines.next().unwrap_or_default();
        head.iter().any(|b| matches!(b, b',' | b';' | b'\t')) && lines.next().is_some()
    };
    if matches!(first, Some(b'[') | Some(b'{'))
        || (ext == "json" && !(cfg!(feature = "full") && delimited()))
    {
        return Ok(Format::Json);
    }
    Ok(Format::Csv)
}

/// Whether the first bytes of a file are not text in any encoding the reader knows (UTF-16 was
/// ruled out before): a NUL byte, or more than one control character in a hundred (tab, line
/// breaks, form feed and the old end-of-file mark aside). Images, archives and programs.
/// The line of the first NUL byte in `head` when it is a delimited text table but for a few NUL
/// bytes (at most four, none in the padding at its end that [`not_text`] allows), else `None`.
#[cfg(feature = "full")]
fn stray_nul(head: &[u8]) -> Option<usize> {
    let head = &head[..head.len() - source::padding(head)];
    let nuls = head.iter().filter(|b| **b == 0).count();
    if nuls == 0 || nuls > 4 {
        return None;
    }
    let rest: Vec<u8> = head.iter().copied().filter(|b| *b != 0).collect();
    // Text as a table's: UTF-8 (a character cut at the end aside), lines, delimiters. (A PNG's
    // first bytes have NULs between letters too.)
    let utf8 = match std::str::from_utf8(&rest) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if !utf8
        || not_text(&rest)
        || !rest.contains(&b'\n')
        || !rest.iter().any(|b| matches!(b, b',' | b';' | b'\t'))
    {
        return None;
    }
    let at = head.iter().position(|b| *b == 0)?;
    Some(1 + head[..at].iter().filter(|b| **b == b'\n').count())
}

fn not_text(head: &[u8]) -> bool {
    // (A small file padded with NUL bytes at its end: see `source::without_padding`.)
    #[cfg(feature = "full")]
    let head = {
        let padding = source::padding(head);
        if padding > 0 && padding == head.len() {
            return true;
        }
        &head[..head.len() - padding]
    };
    let control = |b: &u8| *b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A);
    head.contains(&0) || head.iter().filter(|b| control(b)).count() * 100 > head.len()
}

/// Reads a file into a table, choosing the loader from the name and the bytes.
pub fn load(name: &str, bytes: &[u8]) -> Result<Table> {
    load_with(name, bytes, &mut |_, _| {})
}

/// [`load`], telling `progress(done, total)` how far it is in reading a CSV file (bytes of the
/// file, over both passes); workbooks and JSON report only their end.
pub fn load_with(
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Table> {
    load_from(name, &mut source::InMemory(bytes), progress)
}

/// Bytes from the start of a file that tell its format.
pub const HEAD: usize = 64 << 10;

/// [`load_with`] from any [`source::Source`]: a CSV file is read a piece at a time (twice) and
/// never held whole; a workbook or JSON file is read whole.
pub fn load_from(
    name: &str,
    source: &mut dyn source::Source,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Table> {
    let mut head = Vec::new();
    source.read_into(0, HEAD.min(source.size()), &mut head)?;
    let mut reading = Reading::new(name, source.size(), &head)?;
    let mut buf = Vec::new();
    while let Some((at, n)) = reading.want() {
        buf.clear();
        source.read_into(at, n, &mut buf)?;
        reading.give(&buf, progress)?;
    }
    reading.finish(progress)
}

/// Files from this size on are read by two readings in the page ([`Reading::split_wanted`]).
#[cfg(feature = "full")]
pub const SPLIT_FROM: usize = 8 << 20;

/// The bytes a workbook or JSON file is asked for at a time ([`Reading::want`]).
const WHOLE_PIECE: usize = 4 << 20;

/// A file read as its bytes are given (the page reads a large file this way, a piece at a time
/// between waits for the browser): [`Reading::want`] says which bytes are needed next,
/// [`Reading::give`] takes them, [`Reading::finish`] gives the table once nothing more is wanted.
/// A CSV file is taken twice, a piece at a time ([`csv::CsvReader`]), and never held whole; a
/// workbook or JSON file is held whole (taken a piece at a time, so that the caller never holds a
/// second copy of it).
pub struct Reading {
    name: String,
    how: How,
}

enum How {
    Csv(csv::CsvReader),
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    Whole {
        format: Format,
        bytes: Vec<u8>,
        size: usize,
        ended: bool,
        /// The bytes asked for at a time.
        piece: usize,
    },
}

impl Reading {
    /// Reading a file called `name` of `size` bytes; `head` is its start (up to [`HEAD`] bytes),
    /// which tells the format.
    pub fn new(name: &str, size: usize, head: &[u8]) -> Result<Reading> {
        // The page's first core reads only the built-in CSV: telling formats apart is the full
        // core's.
        #[cfg(not(feature = "full"))]
        let format = {
            let _ = head;
            Format::Csv
        };
        #[cfg(feature = "full")]
        let format = detect_format(name, head)?;
        let how = match format {
            Format::Csv => How::Csv(csv::CsvReader::new(name, size)),
            #[cfg(feature = "full")]
            other => {
                let mut bytes = Vec::new();
                bytes.try_reserve_exact(size).map_err(|_| {
                    Error::new2(
                        ErrorKind::Parse,
                        "Het bestand past niet in het geheugen.",
                        "The file does not fit in memory.",
                    )
                    .at(Location::file(name))
                })?;
                How::Whole {
                    format: other,
                    bytes,
                    size,
                    ended: size == 0,
                    piece: WHOLE_PIECE,
                }
            }
            #[cfg(not(feature = "full"))]
            Format::Xlsx => return Err(Error::needs_full_core("Excel")),
            #[cfg(not(feature = "full"))]
            Format::Json => return Err(Error::needs_full_core("JSON")),
        };
        Ok(Reading {
            name: name.to_string(),
            how,
        })
    }

    /// Where a second reading (the page's second worker) may take over this file: the byte to
    /// look for a line break from, for a CSV file of [`SPLIT_FROM`] bytes or more that is not
    /// UTF-16 (whose line breaks are two bytes), before any byte is given.
    #[cfg(feature = "full")]
    pub fn split_wanted(&self, head: &[u8]) -> Option<usize> {
        let How::Csv(r) = &self.how else {
            return None;
        };
        let utf16 = head.starts_with(&[0xFF, 0xFE])
            || head.starts_with(&[0xFE, 0xFF])
            || source::Encoding::utf16_unmarked(head).is_some();
        // A little past the middle: the helper starts later and also hands its rows over at
        // the end (in Chromium, on the 53 MB bench file, the helper's rows came 15-35 ms after
        // the main reading had read up to the middle).
        let size = r.size();
        (!utf16 && r.fresh() && size >= SPLIT_FROM).then(|| size / 2 + size / 40)
    }

    /// Splits the reading at the first line break in `around` (the file's bytes from `from`,
    /// as [`Reading::split_wanted`] asked): this reading reads up to it and then waits for the
    /// rows a helper ([`Reading::helper`]) read from there on. The byte the helper starts at.
    #[cfg(feature = "full")]
    pub fn split_at(&mut self, from: usize, around: &[u8]) -> Option<usize> {
        let How::Csv(r) = &mut self.how else {
            return None;
        };
        if !r.fresh() {
            return None;
        }
        let at = csv::split_after(around, from, r.size())?;
        r.split_main(at);
        Some(at)
    }

    /// The helper of a reading split at byte `at` ([`Reading::split_at`]): it reads the
    /// file's first piece and then from `at` to the end, and hands its rows over
    /// ([`Reading::handover`]).
    #[cfg(feature = "full")]
    pub fn helper(name: &str, size: usize, at: usize) -> Reading {
        Reading {
            name: name.to_string(),
            how: How::Csv(csv::CsvReader::helper(name, size, at)),
        }
    }

    /// The helper's rows as bytes once it has read its part; `None` when it could not.
    #[cfg(feature = "full")]
    pub fn handover(&self) -> Option<Vec<u8>> {
        match &self.how {
            How::Csv(r) => r.handover(),
            _ => None,
        }
    }

    /// Whether this reading waits for a helper's rows ([`Reading::take_over`]).
    #[cfg(feature = "full")]
    pub fn waits(&self) -> bool {
        matches!(&self.how, How::Csv(r) if r.waits())
    }

    /// Takes the helper's rows (`handed`; empty: none came) when they continue this reading
    /// exactly; otherwise reads on alone. Either way the table is the one reading gives.
    /// Whether the rows were taken.
    #[cfg(feature = "full")]
    pub fn take_over(
        &mut self,
        handed: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<bool> {
        match &mut self.how {
            How::Csv(r) => r.take_over(handed, progress),
            _ => Ok(false),
        }
    }

    /// The same reading with the file taken in pieces of `piece` bytes (the page's warm-up
    /// reads a small file in small pieces, as a large one is read).
    pub fn with_piece(mut self, piece: usize) -> Reading {
        match &mut self.how {
            How::Csv(r) => r.set_piece(piece),
            #[cfg(feature = "full")]
            How::Whole { piece: p, .. } => *p = piece.max(1),
            #[cfg(not(feature = "full"))]
            How::Whole { .. } => {}
        }
        self
    }

    /// The bytes to give next, `(offset, length)`, or `None` when [`Reading::finish`] is next.
    pub fn want(&mut self) -> Option<(usize, usize)> {
        match &mut self.how {
            How::Csv(r) => r.want(),
            // A piece at a time, as a CSV file: asked whole, the file would be held twice at
            // once (the caller's buffer of its bytes and the copy given here). (The first core
            // reads no workbook or JSON: it never makes a `Whole`.)
            #[cfg(feature = "full")]
            How::Whole {
                bytes,
                size,
                ended,
                piece,
                ..
            } => (!*ended).then(|| (bytes.len(), (*size - bytes.len()).min(*piece))),
            #[cfg(not(feature = "full"))]
            How::Whole { .. } => None,
        }
    }

    /// Takes the bytes [`Reading::want`] asked for (fewer: the file ends there), telling
    /// `progress(done, total)` how far it is.
    pub fn give(&mut self, given: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Result<()> {
        match &mut self.how {
            How::Csv(r) => r.give(given, progress),
            #[cfg(feature = "full")]
            How::Whole {
                bytes,
                size,
                ended,
                piece,
                ..
            } => {
                let asked = (*size - bytes.len()).min(*piece);
                bytes.extend_from_slice(&given[..given.len().min(asked)]);
                *ended = given.len() < asked || bytes.len() >= *size;
                progress(bytes.len() / 2, (*size).max(1));
                Ok(())
            }
            #[cfg(not(feature = "full"))]
            How::Whole { .. } => Ok(()),
        }
    }

    /// The table, once nothing more is wanted.
    pub fn finish(self, progress: &mut dyn FnMut(usize, usize)) -> Result<Table> {
        let name = self.name.as_str();
        #[allow(unused_mut)]
        let mut table = match self.how {
            How::Csv(r) => r.finish(progress)?,
            #[cfg(feature = "full")]
            How::Whole { format, bytes, .. } => match format {
                Format::Xlsx => xlsx::read_xlsx_with(name, &bytes, progress)?,
                _ => json::read_json(name, &bytes)?,
            },
            #[cfg(not(feature = "full"))]
            How::Whole { .. } => return Err(Error::needs_full_core("Excel")),
        };
        // A table read as text under another format's name says so.
        #[cfg(feature = "full")]
        if let Some(ext) = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
            let csv = table.detected.format == "csv";
            if csv && matches!(ext.as_str(), "xlsx" | "xlsm" | "json" | "jsonl" | "ndjson") {
                table.detected.note(
                    format!("Dit bestand heet .{ext} maar is tekst met scheidingstekens: gelezen als CSV"),
                    format!("This file is called .{ext} but is text with delimiters: read as CSV"),
                );
            }
        }
        if table.is_empty() {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand bevat een kopregel maar geen gegevensrijen.",
                "The file has a header row but no data rows.",
            )
            .at(Location::file(name)));
        }
        Ok(table)
    }
}

/// CBS's code of the country (`NL01`, `NL00`), which stands beside municipal codes (`0363`) in a
/// column of codes.
fn national_code(t: &str) -> bool {
    let t = t.trim();
    t.eq_ignore_ascii_case("NL01") || t.eq_ignore_ascii_case("NL00")
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "full")]
    #[test]
    fn excel_s_delimiter_line_is_named_as_such() {
        let t = super::load("s.csv", b"sep=;\nRegio;Jaar\nA;2019\nB;2020\n").unwrap();
        assert_eq!(t.detected.header_row, 2);
        assert_eq!(
            t.detected.notes[0],
            "1 titelregel boven de kopregel overgeslagen: rij 1 'sep=' (Excels aanwijzing voor het scheidingsteken)"
        );
        assert!(t.detected.notes_en[0].ends_with("(Excel's hint naming the delimiter)"));
    }

    /// A workbook or JSON file given a few bytes at a time (as the page and the CLI give it,
    /// never asked for whole) reads as the file read at once.
    #[cfg(feature = "full")]
    #[test]
    fn whole_formats_are_given_in_pieces() {
        let json = br#"[{"regio":"Achterhoek","jaar":2015,"personen":"1.234"},{"regio":"Twente","jaar":2015,"personen":12}]"#;
        let lines = b"{\"regio\":\"Achterhoek\",\"n\":1}\n{\"regio\":\"Twente\",\"n\":2}\n";
        let book = std::fs::read("tests/fixtures/regio-werkmap.xlsx").unwrap();
        for (name, bytes) in [
            ("a.json", &json[..]),
            ("a.jsonl", &lines[..]),
            ("a.xlsx", &book[..]),
        ] {
            let whole = super::fingerprint(&super::load(name, bytes));
            for piece in [1, 7, 4096] {
                let head = &bytes[..bytes.len().min(super::HEAD)];
                let mut r = super::Reading::new(name, bytes.len(), head)
                    .unwrap()
                    .with_piece(piece);
                let mut asked = 0;
                while let Some((at, n)) = r.want() {
                    assert_eq!(at, asked, "{name}: pieces in order");
                    assert!(n <= piece, "{name}: asked {n} bytes, pieces of {piece}");
                    r.give(&bytes[at..(at + n).min(bytes.len())], &mut |_, _| {})
                        .unwrap();
                    asked += n;
                }
                assert_eq!(asked, bytes.len(), "{name}");
                let table = r.finish(&mut |_, _| {});
                assert_eq!(
                    super::fingerprint(&table),
                    whole,
                    "{name}, pieces of {piece}"
                );
            }
        }
    }

    #[test]
    fn the_fast_trim_is_str_trim() {
        for c in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}12\u{a0}",
            "é",
            " é ",
            "\t1\t",
            "1\u{2003}",
            "x y",
            "\r\n",
            "€ 5",
            "5 %",
        ] {
            assert_eq!(trim(c), c.trim(), "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn numbers_in_both_conventions() {
        assert_eq!(parse_number("1234", '.'), Some(1234.0));
        assert_eq!(parse_number("1.234,5", ','), Some(1234.5));
        assert_eq!(parse_number("1,234.5", '.'), Some(1234.5));
        assert_eq!(parse_number("-0,25", ','), Some(-0.25));
        assert_eq!(parse_number("12,5%", ','), Some(12.5));
        assert_eq!(parse_number("1.5", ','), None);
        assert_eq!(parse_number("abc", '.'), None);
        assert_eq!(parse_number("12a", '.'), None);
    }

    #[test]
    fn thousands_grouped_by_spaces() {
        for sp in GROUP_SPACES {
            let g = |s: &str| s.replace(' ', &sp.to_string());
            assert_eq!(parse_number(&g("4 099"), ','), Some(4099.0), "{sp:?}");
            assert_eq!(parse_number(&g("12 345 678"), '.'), Some(12345678.0));
            assert_eq!(parse_number(&g("-1 234,5"), ','), Some(-1234.5));
            assert_eq!(parse_number(&g("−1 234,5"), ','), Some(-1234.5));
            assert_eq!(parse_number(&g("+1 234.5"), '.'), Some(1234.5));
            assert_eq!(parse_number(&g("12 345,5%"), ','), Some(12345.5));
            // Not numbers: groups of another length, a postcode, text after, the other
            // separator, an exponent, spaces in the decimals, a space before the sign.
            for bad in [
                "12 34",
                "2015 1",
                "1 2345",
                "1234 567",
                "12  345",
                "1234 AB",
                "4 099 a",
                "a 4 099",
                "1 234e3",
                "1,5 000",
                "1 234,567 8",
                "- 1 234",
            ] {
                assert_eq!(parse_number(&g(bad), ','), None, "{:?}", g(bad));
                assert_eq!(parse_number(&g(bad), '.'), None, "{:?}", g(bad));
            }
        }
        // The decimal separator is the file's: with a decimal comma `1 234.5` is no number.
        assert_eq!(parse_number("1 234.5", ','), None);
        assert_eq!(parse_number("1 234,5", '.'), None);
        assert_eq!(parse_number("1 234.5", '.'), Some(1234.5));
        // Mixed with the thousands separator: no number.
        assert_eq!(parse_number("1 234.567", ','), None);
        // A cell read this way is told from one without spaces.
        assert!(has_spaced_groups(" 4\u{202f}099 "));
        assert!(!has_spaced_groups("4099"));
        assert!(!has_spaced_groups("12,5 %"));
        assert!(!has_spaced_groups("Regio 12"));
        // In quotes (as the CSV reader hands them over, without the quotes) and in cells.
        assert_eq!(parse_cell(" 4 099 ", ','), Value::Number(4099.0));
        assert_eq!(parse_cell("12 34", ','), Value::Text("12 34".into()));
        assert!(looks_numeric("12\u{202f}34"));
        for odd in ["(12)", "12*", "~10", ">1000", "≤ 5", "12¹", "(1.234,5)"] {
            assert!(looks_numeric(odd), "{odd}");
        }
        for text in ["()", "*", "(a)", "~", "12a", "Q1"] {
            assert!(!looks_numeric(text), "{text}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn header_units_multiply_their_numbers() {
        for (h, f, bare) in [
            ("Werkzame personen (x 1000)", 1e3, "Werkzame personen"),
            ("Werkzame personen (x 1 000)", 1e3, "Werkzame personen"),
            ("Werkzame personen (x1.000)", 1e3, "Werkzame personen"),
            ("Werkzame personen [× 1000]", 1e3, "Werkzame personen"),
            (
                "Werkzame personen (aantal x 1000)",
                1e3,
                "Werkzame personen",
            ),
            ("Banen (duizenden)", 1e3, "Banen"),
            ("Banen (in duizenden)", 1e3, "Banen"),
            ("Jobs (thousands)", 1e3, "Jobs"),
            ("Jobs ('000)", 1e3, "Jobs"),
            ("Banen x 1000", 1e3, "Banen"),
            ("Banen (x mln)", 1e6, "Banen"),
            ("Banen (Wajong) (x 1000)", 1e3, "Banen (Wajong)"),
        ] {
            assert_eq!(header_multiplier(h), Some((f, bare.to_string())), "{h}");
        }
        for h in [
            "Werkzame personen (aantal)",
            "Werkzame personen",
            "x 1000",
            "Leeftijd (in jaren)",
            "Aandeel (%)",
            "Box 1000",
        ] {
            assert_eq!(header_multiplier(h), None, "{h}");
        }
        let t = load(
            "t.csv",
            "regio;Werkzame personen (x 1000)\nA;80,105\nB;0,007\nC;.\n".as_bytes(),
        )
        .unwrap();
        let c = t.column("Werkzame personen").expect("renamed");
        assert_eq!(c.number(0), Some(80105.0));
        assert_eq!(c.number(1), Some(7.0));
        assert_eq!(c.number(2), None);
        assert!(
            t.detected
                .notes
                .iter()
                .any(|n| n.contains("vermenigvuldigd met 1000 (zoals 80,105 -> 80.105)")),
            "{:?}",
            t.detected.notes
        );
        assert!(
            t.detected
                .notes_en
                .iter()
                .any(|n| n.contains("multiplied by 1,000 (such as 80.105 -> 80,105)")),
            "{:?}",
            t.detected.notes_en
        );
    }

    /// A workbook's or JSON file's `.`, `x`, `-`, `?` cells in a column of numbers are missing
    /// and the file line names the column and the symbols.
    #[cfg(feature = "full")]
    #[test]
    fn missing_value_symbols_are_named_in_the_file_line() {
        let json = r#"[{"regio":"A","n":"."},{"regio":"B","n":5},{"regio":"C","n":"x"},
            {"regio":"D","n":"x"},{"regio":"E","n":null},{"regio":"F","n":"-"}]"#;
        let t = load("t.json", json.as_bytes()).unwrap();
        let n = t.column("n").unwrap();
        assert_eq!(
            (0..6).map(|i| n.number(i)).collect::<Vec<_>>(),
            [None, Some(5.0), None, None, None, None]
        );
        let note = t
            .detected
            .notes
            .iter()
            .find(|n| n.contains("ontbrekend getal"));
        assert_eq!(
            note.map(String::as_str),
            Some("Tekens voor een ontbrekend getal als ontbrekend gelezen, nooit als 0, in 'n' ('.', 'x', '-')"),
            "{:?}",
            t.detected.notes
        );
        // In a column of texts, the symbols read as unknown are named too (in a CSV file).
        let t = load("t.csv", b"regio;groep;n\nA;a;1\nA;x;2\nB;b;3\nB;-;4\n").unwrap();
        assert_eq!(t.column("groep").unwrap().get(1), Cell::Missing);
        assert!(
            t.detected.notes.iter().any(|n| n
                == "Tekens voor een ontbrekende waarde als onbekend gelezen in 'groep' ('x', '-')"),
            "{:?}",
            t.detected.notes
        );
        // Empty cells and nulls alone are not named.
        let t = load("t.json", br#"[{"regio":"A","n":null},{"regio":"B","n":5}]"#).unwrap();
        assert!(!t
            .detected
            .notes
            .iter()
            .any(|n| n.contains("ontbrekend getal")));
    }

    #[cfg(feature = "full")]
    #[test]
    fn other_offices_not_available_symbols_are_withheld() {
        for s in ["..", "...", ":"] {
            assert!(is_suppression(s), "{s}");
        }
        assert!(!is_suppression("a..b"));
    }

    #[test]
    fn suppressed_cells_are_missing_not_zero() {
        for s in ["", ".", "x", "-", " "] {
            assert_eq!(parse_cell(s, '.'), Value::Missing, "{s:?}");
        }
        assert_eq!(parse_cell("0", '.'), Value::Number(0.0));
        assert_eq!(
            parse_cell("Achterhoek", '.'),
            Value::Text("Achterhoek".into())
        );
    }

    #[test]
    #[cfg(feature = "full")]
    fn withheld_counts_in_a_column_of_numbers_are_missing_and_named() {
        for s in [
            "<10", "< 5", "<0,5", "<=5", "≤ 5", "*", "***", "geheim", "(geheim)", "NULL", "n/a",
        ] {
            assert!(is_suppression(s), "{s:?}");
        }
        for s in ["<", "<a", "10", "Wajong", "* p<0.05", "n.s."] {
            assert!(!is_suppression(s), "{s:?}");
        }
        let text = "groep;aantal;ster;gemengd;json\n\
                    a;120;*;5;<10\n\
                    b;<10;**;<10;<10\n\
                    c;*;;abc;<10\n\
                    d;95;***;7;<10\n";
        let t = load("a.csv", text.as_bytes()).unwrap();
        let col = |name: &str| &t.columns[t.column_index(name).unwrap()];
        // Counts with withheld cells: a column of numbers, the cells missing (never 0).
        let aantal = col("aantal");
        assert_eq!(aantal.kind(), ColumnKind::Number);
        assert!(aantal.dictionary().is_empty());
        let cells: Vec<Option<f64>> = (0..4).map(|i| aantal.number(i)).collect();
        assert_eq!(cells, [Some(120.0), None, None, Some(95.0)]);
        assert!(aantal.get(1).is_missing() && aantal.get(2).is_missing());
        let note = t
            .detected
            .notes
            .iter()
            .find(|n| n.starts_with("Kolom 'aantal'"))
            .unwrap_or_else(|| panic!("{:?}", t.detected.notes));
        assert!(
            note.contains("2 cellen") && note.contains("'<10', '*'"),
            "{note}"
        );
        assert!(note.contains("rij 3, rij 4"), "{note}");
        // Significance stars without numbers, and a column with another text, stay as they are.
        assert_eq!(col("ster").kind(), ColumnKind::Text);
        assert_eq!(col("ster").get(0), Cell::Text("*"));
        assert_eq!(col("gemengd").get(1), Cell::Text("<10"));
        // Only withheld texts and no number: nothing to read as numbers.
        assert_eq!(col("json").kind(), ColumnKind::Text);
        assert_eq!(
            t.detected
                .notes
                .iter()
                .filter(|n| n.contains("afgeschermd"))
                .count(),
            1
        );
    }

    #[test]
    fn format_from_bytes_and_name() {
        assert_eq!(detect_format("a.csv", b"a;b\n1;2"), Ok(Format::Csv));
        assert_eq!(
            detect_format("a.txt", b"\xEF\xBB\xBF [{\"a\":1}]"),
            Ok(Format::Json)
        );
        assert_eq!(detect_format("a", b"PK\x03\x04rest"), Ok(Format::Xlsx));
        assert_eq!(
            detect_format("a.txt", &[0xFF, 0xFE, b'a', 0]),
            Ok(Format::Csv)
        );
        let msg = |name: &str, bytes: &[u8]| detect_format(name, bytes).unwrap_err().message;
        assert!(msg("a.ods", b"PK\x03\x04").contains(".ods"));
        assert!(msg("a.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).contains("oude"));
        assert!(msg("a.xls", b"<html><table>").contains("webpagina"));
        assert!(msg("a.pdf", b"%PDF-1.4").contains("PDF"));
        assert!(msg("a.bin", b"\x00\x01\x02").contains("geen tekst"));
        // An image with no NUL in its first bytes, and a gzip file.
        let png: Vec<u8> = b"\x89PNG\r\n\x1a\n"
            .iter()
            .chain([1u8, 2, 3, 4, 5].iter().cycle().take(300))
            .copied()
            .collect();
        assert!(msg("a.csv", &png).contains("geen tekst"));
        assert!(msg("a.csv.gz", &[0x1F, 0x8B, 8, 0, 1]).contains("gzip"));
        // Text with a stray control character or two is still text.
        let mut text = b"regio;jaar;aantal\n".repeat(20);
        text[30] = 0x07;
        assert_eq!(detect_format("a.csv", &text), Ok(Format::Csv));
    }

    #[test]
    fn location_says_record_for_json_rows() {
        let t = load("r.json", br#"[{"a":1},{"a":"b"}]"#).unwrap();
        assert_eq!(
            t.location(1, "a").to_string(),
            "r.json, record 2, kolom 'a'"
        );
        let t = load("r.csv", b"a,b\n1,2\n").unwrap();
        assert_eq!(t.location(0, "a").to_string(), "r.csv, rij 2, kolom 'a'");
    }
}
