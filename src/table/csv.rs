//! CSV loader: detects encoding (UTF-8 with or without BOM, Windows-1252), the delimiter
//! (`,` `;` tab `|`) and the decimal separator, then hands text rows to [`Table::from_text_rows`].

use super::{Detected, Table};
use crate::error::{Error, ErrorKind, Location, Result};

/// Decodes bytes to text, reporting the encoding found.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 met BOM");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => (decode_windows_1252(bytes), "Windows-1252"),
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80..=0x9F; a table of 32 is all it takes.
fn decode_windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// Picks the delimiter that splits the first lines into the most, and a consistent number of, fields.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, d as char))
            .collect();
        let Some(&max) = counts.iter().max() else {
            continue;
        };
        // The delimiter must appear on most lines the same number of times.
        let consistent = counts.iter().filter(|&&c| c == max).count();
        let score = if max == 0 { 0 } else { consistent * 1000 + max };
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut inq = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            inq = !inq;
        } else if c == d && !inq {
            n += 1;
        }
    }
    n
}

/// Decides the decimal separator from the numeric-looking cells: `,` when cells like `12,5` or
/// `1.234,5` occur, `.` otherwise. A `;`-delimited file with only ambiguous cells counts as Dutch.
pub fn sniff_decimal(cells: &[&str], delimiter: u8) -> char {
    let (mut comma, mut dot) = (0, 0);
    for c in cells {
        let c = c.trim().trim_end_matches('%');
        let body = c.trim_start_matches(['-', '+']);
        if body.is_empty()
            || !body
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
        {
            continue;
        }
        let last_comma = body.rfind(',');
        let last_dot = body.rfind('.');
        match (last_comma, last_dot) {
            (Some(c), Some(d)) => {
                if c > d {
                    comma += 1
                } else {
                    dot += 1
                }
            }
            (Some(c), None) => {
                // `12,5` is a decimal comma; `1,234` alone is ambiguous.
                if body.len() - c - 1 != 3 || body.matches(',').count() == 1 && body[..c].len() > 3
                {
                    comma += 1
                } else if body.matches(',').count() > 1 {
                    dot += 1
                }
            }
            (None, Some(d)) => {
                if body.len() - d - 1 != 3 || body[..d].len() > 3 {
                    dot += 1
                } else if body.matches('.').count() > 1 {
                    comma += 1
                }
            }
            (None, None) => {}
        }
    }
    if comma > dot || (comma == dot && delimiter == b';') {
        ','
    } else {
        '.'
    }
}

/// 1-based line number of a byte offset, given the offsets of the newlines.
/// A record's offset may point at blank lines the reader skipped before it.
fn line_of(text: &str, newlines: &[usize], byte: usize) -> usize {
    let skip = text
        .as_bytes()
        .get(byte..)
        .map(|rest| {
            rest.iter()
                .take_while(|b| **b == b'\n' || **b == b'\r')
                .count()
        })
        .unwrap_or(0);
    newlines.partition_point(|&n| n < byte + skip) + 1
}

pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::NoRows, "Het bestand is leeg.").at(Location::file(name)));
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let row = e
                .position()
                .map(|p| line_of(&text, &newlines, p.byte() as usize));
            let mut loc = Location::file(name);
            if let Some(r) = row {
                loc = loc.row(r);
            }
            Error::new(
                ErrorKind::Parse,
                format!("Het CSV-bestand kan niet worden gelezen: {e}."),
            )
            .at(loc)
        })?;
        // Line numbers from byte offsets: the csv crate's own line count skips blank lines.
        let line = rec
            .position()
            .map(|p| line_of(&text, &newlines, p.byte() as usize))
            .unwrap_or(records.len() + 1);
        records.push((line, rec.iter().map(str::to_string).collect()));
    }
    // The header is the first row that is not a title: it has at least two non-empty cells.
    let Some(hpos) = records
        .iter()
        .position(|(_, cells)| cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
    else {
        return Err(Error::new(
            ErrorKind::NoRows,
            "Het bestand bevat geen tabel met kolommen.",
        )
        .at(Location::file(name)));
    };
    let mut rows = records.split_off(hpos);
    let skipped = records.len();
    let (header_row, header) = rows.remove(0);
    let cells: Vec<&str> = rows
        .iter()
        .flat_map(|(_, c)| c.iter().map(String::as_str))
        .collect();
    let decimal = sniff_decimal(&cells, delimiter);
    let mut detected = Detected {
        format: "csv".into(),
        encoding: Some(encoding.into()),
        delimiter: Some((delimiter as char).to_string()),
        decimal: Some(decimal.to_string()),
        header_row,
        ..Default::default()
    };
    if skipped > 0 {
        detected.notes.push(format!(
            "{skipped} titelregel(s) boven de kopregel overgeslagen"
        ));
    }
    Table::from_text_rows(name, header, rows, decimal, detected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Value;

    #[test]
    fn semicolon_windows_1252_decimal_comma() {
        let bytes: Vec<u8> = b"Regio;Waarde;Aandeel\nF\xe2ll;1.234;12,5\nB;7;.\n".to_vec();
        let t = read_csv("x.csv", &bytes).unwrap();
        assert_eq!(t.detected.encoding.as_deref(), Some("Windows-1252"));
        assert_eq!(t.detected.delimiter.as_deref(), Some(";"));
        assert_eq!(t.detected.decimal.as_deref(), Some(","));
        assert_eq!(t.columns[0].values[0], Value::Text("Fâll".into()));
        assert_eq!(t.columns[1].values[0], Value::Number(1234.0));
        assert_eq!(t.columns[2].values[0], Value::Number(12.5));
        assert_eq!(t.columns[2].values[1], Value::Missing);
        assert_eq!(t.row_numbers, vec![2, 3]);
    }

    #[test]
    fn tab_and_bom_and_title_row() {
        let bytes = "\u{feff}Tabel 1. Titel\n\nregio\tjaar\tn\nA\t2015\t1\n".as_bytes();
        let t = read_csv("x.tsv", bytes).unwrap();
        assert_eq!(t.detected.encoding.as_deref(), Some("UTF-8 met BOM"));
        assert_eq!(t.detected.delimiter.as_deref(), Some("\t"));
        assert_eq!(t.detected.header_row, 3);
        assert_eq!(t.row_numbers, vec![4]);
    }

    #[test]
    fn ragged_row_is_an_error_with_row() {
        let e = read_csv("x.csv", b"a,b\n1,2\n1,2,3\n").unwrap_err();
        assert_eq!(e.location.unwrap().row, Some(3));
    }
}
