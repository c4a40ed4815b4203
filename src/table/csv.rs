//! CSV loader: detects the encoding (UTF-8 with or without BOM, UTF-16 as Excel's "Unicode
//! text" writes it, Windows-1252), the delimiter (`,` `;` tab `|`) and the decimal separator (from
//! all numeric-looking cells of the file), finds the table with [`super::sniff::locate`] and hands
//! the rows to [`Table::from_cells`].

use super::limits::{self, thousands};
use super::sniff::{self, RawCell};
use super::{column_names, titles_note, Detected, Table};
use crate::error::{Error, ErrorKind, Location, Result};

/// Decodes bytes to text, reporting the encoding found.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 met BOM");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (decode_utf16(rest, u16::from_le_bytes), "UTF-16");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (decode_utf16(rest, u16::from_be_bytes), "UTF-16");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => (decode_windows_1252(bytes), "Windows-1252"),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
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

/// Picks the delimiter that splits the first lines most, and most regularly: for each candidate
/// the most common non-zero count per line times the number of lines that have it. A decimal
/// comma once per line of a `;` file loses to the 20 semicolons on the same lines.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for l in &lines {
            let n = count_outside_quotes(l, d as char);
            if n == 0 {
                continue;
            }
            match freq.iter_mut().find(|(k, _)| *k == n) {
                Some((_, f)) => *f += 1,
                None => freq.push((n, 1)),
            }
        }
        // Most lines first, then the larger count (a header splits on every delimiter).
        let Some(&(count, lines_with)) = freq.iter().max_by_key(|(k, f)| (*f, *k)) else {
            continue;
        };
        let score = lines_with * count;
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

/// What the numeric-looking cells of a file say about the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DecimalVotes {
    /// Cells only readable with a decimal comma (`12,5`, `1.234,5`, `0,125`).
    pub comma: usize,
    /// Cells only readable with a decimal point (`12.5`, `1,234.5`).
    pub dot: usize,
    /// Cells readable both ways (`1.234`, `1,234`).
    pub ambiguous: usize,
}

impl DecimalVotes {
    pub fn count(cells: &[&str]) -> DecimalVotes {
        let mut v = DecimalVotes::default();
        for c in cells {
            let c = c.trim().trim_end_matches('%').trim();
            let body = c.trim_start_matches(['-', '+', '−']);
            if body.is_empty()
                || !body.starts_with(|ch: char| ch.is_ascii_digit())
                || !body
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
            {
                continue;
            }
            match vote(body) {
                Some(',') => v.comma += 1,
                Some(_) => v.dot += 1,
                None if body.contains(['.', ',']) => v.ambiguous += 1,
                None => {}
            }
        }
        v
    }

    /// The separator: the majority of the decisive cells; with none, `,` for a `;`-delimited file
    /// (the Dutch Excel export) and `.` otherwise.
    pub fn decide(&self, delimiter: u8) -> char {
        if self.comma > self.dot || (self.comma == self.dot && delimiter == b';') {
            ','
        } else {
            '.'
        }
    }
}

/// The separator a single cell proves, if any. Thousands groups have exactly three digits and
/// do not start with a lone 0, so `1,234` is ambiguous but `12,5`, `1234,5` and `0,125` are not.
fn vote(body: &str) -> Option<char> {
    let last_comma = body.rfind(',');
    let last_dot = body.rfind('.');
    let decisive = |at: usize| {
        let before = &body[..at];
        let after = &body[at + 1..];
        after.len() != 3 || before.len() > 3 || before == "0"
    };
    match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(if c > d { ',' } else { '.' }),
        (Some(c), None) => {
            if body.matches(',').count() > 1 {
                Some('.') // 1,234,567: commas group thousands
            } else if decisive(c) {
                Some(',')
            } else {
                None
            }
        }
        (None, Some(d)) => {
            if body.matches('.').count() > 1 {
                Some(',')
            } else if decisive(d) {
                Some('.')
            } else {
                None
            }
        }
        (None, None) => None,
    }
}

/// Decides the decimal separator from the numeric-looking cells: see [`DecimalVotes::decide`].
pub fn sniff_decimal(cells: &[&str], delimiter: u8) -> char {
    DecimalVotes::count(cells).decide(delimiter)
}

/// The byte offset of a quote that opens a field and is never closed, as the csv reader quotes:
/// a field is quoted when it starts with `"`, and `""` inside it is a quote character. The reader
/// would take everything after it, to the end of the file, as one cell.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut field_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if field_start && b == b'"' {
            let open = i;
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Some(open),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
            field_start = false;
        } else {
            field_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    None
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

/// The delimiter that splits a row of one field into at least `width` fields, half of them
/// numbers, when it is not the file's: a line written with `;` in a `,` file.
fn other_delimiter(cells: &[RawCell], delimiter: u8, width: usize) -> Option<char> {
    let [RawCell::Text(t)] = cells else {
        return None;
    };
    [b',', b';', b'\t', b'|']
        .into_iter()
        .filter(|&d| d != delimiter)
        .find(|&d| {
            let parts: Vec<&str> = t.split(d as char).collect();
            let numbers = parts
                .iter()
                .filter(|p| {
                    super::parse_number(p, '.').is_some() || super::parse_number(p, ',').is_some()
                })
                .count();
            // Half of the parts numbers: a data row, not a footnote with a year in it.
            width >= 2 && parts.len() >= width && numbers >= 1 && numbers >= parts.len() / 2
        })
        .map(|d| d as char)
}

fn delimiter_name(d: char) -> &'static str {
    match d {
        ',' => "komma's",
        ';' => "puntkomma's",
        '\t' => "tabs",
        _ => "verticale strepen",
    }
}

pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::NoRows, "Het bestand is leeg.").at(Location::file(name)));
    }
    let delimiter = sniff_delimiter(&text);
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    if let Some(open) = unclosed_quote(&text, delimiter) {
        let row = line_of(&text, &newlines, open);
        return Err(Error::new(
            ErrorKind::Parse,
            format!(
                "Rij {row} opent een aanhalingsteken (\") dat nergens wordt gesloten: alles daarna, tot het einde van het bestand, zou als één cel worden gelezen. Sluit het aanhalingsteken of verwijder het."
            ),
        )
        .at(Location::file(name).row(row)));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid: sniff::Grid = Vec::new();
    let mut next_line = 1;
    // Rows with a quoted cell over several lines: (row where the quote opened, its lines).
    let mut multiline: Vec<(usize, usize, Vec<String>)> = Vec::new();
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
            .unwrap_or(grid.len() + 1);
        if rec.len() > limits::MAX_COLUMNS {
            return Err(limits::exceeded(
                name,
                "het aantal kolommen",
                format!(
                    "rij {line} heeft {} velden, ten hoogste {}",
                    thousands(rec.len()),
                    thousands(limits::MAX_COLUMNS)
                ),
            )
            .at(Location::file(name).row(line)));
        }
        if grid.len() >= limits::MAX_ROWS {
            return Err(limits::exceeded(
                name,
                "het aantal rijen",
                format!(
                    "meer dan {} rijen, ten hoogste {}",
                    thousands(limits::MAX_ROWS),
                    thousands(limits::MAX_ROWS)
                ),
            ));
        }
        // The csv crate skips blank lines; put one back so a note block below a blank line is
        // recognised as such (see sniff::locate).
        if line > next_line && !grid.is_empty() {
            grid.push((next_line, Vec::new()));
        }
        let mut at = line;
        for f in rec.iter() {
            let breaks = f.matches('\n').count();
            if breaks > 0 {
                multiline.push((line, at, f.lines().map(str::to_string).collect()));
            }
            at += breaks;
        }
        next_line = at + 1;
        grid.push((
            line,
            rec.iter().map(|c| RawCell::Text(c.to_string())).collect(),
        ));
    }
    let Some(layout) = sniff::locate(&grid, false) else {
        return Err(Error::new(
            ErrorKind::NoRows,
            "Het bestand bevat geen tabel: geen regel met ten minste twee gevulde kolommen.",
        )
        .at(Location::file(name)));
    };
    let (header_row, header) = grid[layout.header].clone();
    let fields = header.len();
    // A quoted cell holding whole lines of the table: a quote closed rows later than meant.
    for (row, quote_row, lines) in &multiline {
        if *row < header_row || layout.width < 2 {
            continue;
        }
        // A line that splits into a full row, half of it numbers: a text over several lines
        // with commas in it is no such line.
        let row_like = |l: &&String| {
            let parts: Vec<&str> = l.split(delimiter as char).collect();
            let numbers = parts
                .iter()
                .filter(|p| {
                    super::parse_number(p, '.').is_some() || super::parse_number(p, ',').is_some()
                })
                .count();
            parts.len() >= layout.width && numbers >= 1 && numbers >= parts.len() / 2
        };
        if let Some(l) = lines.iter().skip(1).find(row_like) {
            return Err(Error::new(
                ErrorKind::Parse,
                format!(
                    "Een aanhalingsteken (\") in of na rij {quote_row} wordt pas veel later gesloten: de cel bevat regels die zelf rijen van de tabel lijken ('{}'). Controleer de aanhalingstekens in die rij.",
                    sniff::shorten(l, 60)
                ),
            )
            .at(Location::file(name).row(*row)));
        }
    }
    // A row in another delimiter reads as one cell: its numbers would be lost.
    let other_rows = layout.data.iter().map(|&i| &grid[i]).chain(
        layout
            .rejected
            .iter()
            .filter(|r| r.reason == sniff::REASON_SINGLE)
            .filter_map(|r| {
                // The grid is in line order.
                let i = grid.binary_search_by_key(&r.row, |(l, _)| *l).ok()?;
                grid.get(i)
            }),
    );
    for (row, cells) in other_rows {
        if let Some(d) = other_delimiter(cells, delimiter, layout.width) {
            return Err(Error::new(
                ErrorKind::Parse,
                format!(
                    "Rij {row} is gescheiden met {}, de rest van het bestand met {}: de getallen in die rij zouden verloren gaan. Gebruik in het hele bestand hetzelfde scheidingsteken.",
                    delimiter_name(d),
                    delimiter_name(delimiter as char)
                ),
            )
            .at(Location::file(name).row(*row)));
        }
    }
    let mut short: Vec<(usize, usize)> = Vec::new();
    let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::with_capacity(layout.data.len());
    for &i in &layout.data {
        let row = std::mem::take(&mut grid[i]);
        if row.1.len() < fields.min(layout.width) && !row.1.iter().all(RawCell::is_blank) {
            short.push((row.0, row.1.len()));
        }
        rows.push(row);
    }
    let cells: Vec<&str> = rows
        .iter()
        .flat_map(|(_, c)| c.iter())
        .filter_map(|c| match c {
            RawCell::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let votes = DecimalVotes::count(&cells);
    let decimal = votes.decide(delimiter);
    let mut detected = Detected {
        format: "csv".into(),
        encoding: Some(encoding.into()),
        delimiter: Some((delimiter as char).to_string()),
        decimal: Some(decimal.to_string()),
        header_row,
        rejected: layout.rejected,
        ..Default::default()
    };
    detected.notes.extend(titles_note(&layout.titles));
    if !short.is_empty() {
        let shown: Vec<String> = short
            .iter()
            .take(5)
            .map(|(r, n)| format!("rij {r} ({n} velden, leeg vanaf kolom {})", n + 1))
            .collect();
        detected.notes.push(format!(
            "{} minder velden dan de kopregel ({}); de ontbrekende cellen zijn leeg gelaten: {}{}",
            if short.len() == 1 {
                "1 rij heeft".to_string()
            } else {
                format!("{} rijen hebben", short.len())
            },
            layout.width,
            shown.join(", "),
            if short.len() > 5 {
                format!(" en nog {}", short.len() - 5)
            } else {
                String::new()
            }
        ));
    }
    if votes.comma > 0 && votes.dot > 0 {
        detected.notes.push(format!(
            "Getallen in beide notaties: {} met decimaalkomma, {} met decimaalpunt; gelezen met '{decimal}', de andere blijven tekst",
            votes.comma, votes.dot
        ));
    } else if votes.comma == 0 && votes.dot == 0 && votes.ambiguous > 0 {
        detected.notes.push(format!(
            "Decimaalteken niet af te leiden (alleen getallen als 1.234 of 1,234); aangenomen: '{decimal}'{}",
            if delimiter == b';' { " (Nederlandse export met ';')" } else { "" }
        ));
    }
    let names = column_names(&header, layout.width, &mut detected.notes, |j| {
        format!("kolom_{}", j + 1)
    });
    Table::from_cells(name, names, rows, decimal, detected, bytes.len())
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

    #[test]
    fn decimal_votes_per_cell() {
        let v = |cells: &[&str]| DecimalVotes::count(cells);
        assert_eq!(v(&["12,5", "0,125", "1234,567", "1.234,5"]).comma, 4);
        assert_eq!(v(&["12.5", "0.125", "1,234.5", "1,234,567"]).dot, 4);
        assert_eq!(v(&["1.234.567"]).comma, 1);
        let amb = v(&["1.234", "1,234", "2015", "Achterhoek", "x", "31-12-2017"]);
        assert_eq!((amb.comma, amb.dot, amb.ambiguous), (0, 0, 2));
        assert_eq!(amb.decide(b';'), ',');
        assert_eq!(amb.decide(b','), '.');
        assert_eq!(amb.decide(b'\t'), '.');
    }

    #[test]
    fn reverse_convention_in_a_semicolon_file() {
        let t = read_csv("x.csv", b"regio;n;p\nA;1,234;12.5\nB;12,345;7.25\n").unwrap();
        assert_eq!(t.detected.decimal.as_deref(), Some("."));
        assert_eq!(t.columns[1].values[1], Value::Number(12345.0));
        assert_eq!(t.columns[2].values[1], Value::Number(7.25));
    }

    #[test]
    fn ambiguous_numbers_are_said_so() {
        let t = read_csv("x.tsv", b"regio\tn\nA\t1.234\n").unwrap();
        assert_eq!(t.detected.decimal.as_deref(), Some("."));
        assert!(
            t.detected.notes[0].contains("niet af te leiden"),
            "{:?}",
            t.detected.notes
        );
        let t = read_csv("x.csv", b"regio;n\nA;1.234\n").unwrap();
        assert_eq!(t.columns[1].values[0], Value::Number(1234.0));
    }

    #[test]
    fn utf16_as_excel_unicode_text_writes_it() {
        let text = "regio\tn\r\nF\u{e2}ll\t3\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let t = read_csv("x.txt", &bytes).unwrap();
        assert_eq!(t.detected.encoding.as_deref(), Some("UTF-16"));
        assert_eq!(t.columns[0].values[0], Value::Text("F\u{e2}ll".into()));
        assert_eq!(t.columns[1].values[0], Value::Number(3.0));
    }

    #[test]
    fn quoted_fields_with_delimiters_and_newlines() {
        let t = read_csv(
            "x.csv",
            b"regio;toelichting;n\n\"A\";\"een; twee\nregels\";\"1.234,5\"\nB;;2\n",
        )
        .unwrap();
        assert_eq!(t.detected.delimiter.as_deref(), Some(";"));
        assert_eq!(
            t.columns[1].values[0],
            Value::Text("een; twee\nregels".into())
        );
        assert_eq!(t.columns[2].values[0], Value::Number(1234.5));
        assert_eq!(t.columns[1].values[1], Value::Missing);
        assert_eq!(t.row_numbers, vec![2, 4]);
    }

    #[test]
    fn a_text_over_several_lines_with_commas_is_a_cell() {
        let t = read_csv(
            "x.csv",
            b"regio,toelichting,n\nA,\"Straat 1, Plaats\nTweede regel, met, komma's\",1\nB,,2\n",
        )
        .unwrap();
        assert_eq!(t.row_numbers, vec![2, 4]);
        let e = read_csv("x.csv", b"regio,n,m\nA,1,2\n\"B,1,2\nC,3,4\nD\",5,6\n").unwrap_err();
        assert_eq!(e.location.unwrap().row, Some(3));
    }

    #[test]
    fn duplicate_headers_are_renamed_and_said_so() {
        let t = read_csv("x.csv", b"regio,totaal,totaal\nA,1,2\n").unwrap();
        assert_eq!(t.columns[2].name, "totaal (2)");
        assert!(t.detected.notes[0].contains("totaal (2)"));
    }
}
