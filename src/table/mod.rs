//! The table model every loader produces and every view reads: named columns of cells, each cell a
//! number, a text or missing (CBS suppression symbols and empty cells are missing, never 0), plus
//! the row number each data row had in the user's file and a report of what was detected.

mod csv;

use crate::error::{Error, ErrorKind, Location, Result};
use serde::Serialize;

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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub name: String,
    pub values: Vec<Value>,
}

impl Column {
    pub fn kind(&self) -> ColumnKind {
        let mut any = false;
        for v in &self.values {
            match v {
                Value::Text(_) => return ColumnKind::Text,
                Value::Number(_) => any = true,
                Value::Missing => {}
            }
        }
        if any {
            ColumnKind::Number
        } else {
            ColumnKind::Empty
        }
    }
}

/// What a loader found out about the file, shown in the page and printed by the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Detected {
    /// `csv`, `xlsx` or `json`.
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
}

impl Detected {
    /// One Dutch line for the page and the CLI.
    pub fn summary(&self) -> String {
        let mut parts = vec![format!("formaat {}", self.format.to_uppercase())];
        if let Some(e) = &self.encoding {
            parts.push(format!("tekenset {e}"));
        }
        if let Some(d) = &self.delimiter {
            let name = match d.as_str() {
                "," => "komma",
                ";" => "puntkomma",
                "\t" => "tab",
                "|" => "verticale streep",
                _ => d.as_str(),
            };
            parts.push(format!("scheidingsteken {name}"));
        }
        if let Some(d) = &self.decimal {
            parts.push(format!("decimaalteken '{d}'"));
        }
        if let Some(s) = &self.sheet {
            parts.push(format!("werkblad '{s}'"));
        }
        parts.push(format!("kopregel op rij {}", self.header_row));
        parts.push(format!("{} gegevensrijen", self.rows));
        let mut s = parts.join(", ");
        for n in &self.notes {
            s.push_str("; ");
            s.push_str(n);
        }
        s
    }
}

/// A loaded table. `row_numbers[i]` is the 1-based row in the file of data row `i`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub source: String,
    pub columns: Vec<Column>,
    pub row_numbers: Vec<usize>,
    pub detected: Detected,
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
    /// The location of data row `i` in column `col`, for error messages.
    pub fn location(&self, i: usize, col: &str) -> Location {
        let mut loc = Location::file(&self.source).column(col);
        if let Some(r) = self.row_numbers.get(i) {
            loc = loc.row(*r);
        }
        loc
    }

    /// Builds a table from a header and rows of raw text cells; numbers are parsed with
    /// `decimal` (`.` or `,`). Used by every text-based loader.
    pub fn from_text_rows(
        source: &str,
        header: Vec<String>,
        rows: Vec<(usize, Vec<String>)>,
        decimal: char,
        detected: Detected,
    ) -> Result<Table> {
        let loc = Location::file(source);
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(Error::new(
                ErrorKind::NoRows,
                "Het bestand bevat geen kopregel met kolomnamen.",
            )
            .at(loc));
        }
        let mut names: Vec<String> = Vec::with_capacity(header.len());
        for (j, h) in header.iter().enumerate() {
            let mut name = h.trim().to_string();
            if name.is_empty() {
                name = format!("kolom_{}", j + 1);
            }
            if names.contains(&name) {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!("De kolomnaam '{name}' komt twee keer voor in de kopregel."),
                )
                .at(loc.clone().row(detected.header_row).column(&name)));
            }
            names.push(name);
        }
        let mut columns: Vec<Column> = names
            .into_iter()
            .map(|name| Column {
                name,
                values: Vec::with_capacity(rows.len()),
            })
            .collect();
        let mut row_numbers = Vec::with_capacity(rows.len());
        for (line, cells) in rows {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue; // blank lines separate nothing in a table
            }
            if cells.len() > columns.len()
                && cells[columns.len()..].iter().any(|c| !c.trim().is_empty())
            {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!(
                        "Rij {line} heeft {} cellen, maar de kopregel heeft {} kolommen.",
                        cells.len(),
                        columns.len()
                    ),
                )
                .at(loc.clone().row(line)));
            }
            for (j, col) in columns.iter_mut().enumerate() {
                let raw = cells.get(j).map(String::as_str).unwrap_or("");
                col.values.push(parse_cell(raw, decimal));
            }
            row_numbers.push(line);
        }
        let mut detected = detected;
        detected.rows = row_numbers.len();
        Ok(Table {
            source: source.to_string(),
            columns,
            row_numbers,
            detected,
        })
    }
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
    let s = raw.trim();
    if is_missing_marker(s) {
        return Value::Missing;
    }
    match parse_number(s, decimal) {
        Some(n) => Value::Number(n),
        None => Value::Text(s.to_string()),
    }
}

/// Parses `1234`, `-1.234,5` (decimal `,`), `1,234.5` (decimal `.`), `12,5%`. Thousands
/// separators must group by three, so `1.5` with decimal `,` is not a number.
pub fn parse_number(s: &str, decimal: char) -> Option<f64> {
    let s = s.trim().trim_end_matches('%').trim();
    if s.is_empty() {
        return None;
    }
    let thousands = if decimal == ',' { '.' } else { ',' };
    let (sign, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => (-1.0, rest),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() && frac.is_none() {
        return None;
    }
    let mut digits = String::new();
    if int.contains(thousands) {
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
    digits.parse::<f64>().ok().map(|v| sign * v)
}

/// Reads a file into a table, choosing the loader from the name and the bytes.
pub fn load(name: &str, bytes: &[u8]) -> Result<Table> {
    let table = csv::read_csv(name, bytes)?;
    if table.is_empty() {
        return Err(Error::new(
            ErrorKind::NoRows,
            "Het bestand bevat een kopregel maar geen gegevensrijen.",
        )
        .at(Location::file(name)));
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
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
}
