//! CSV loader: detects the encoding (UTF-8 with or without BOM, UTF-16 as Excel's "Unicode
//! text" writes it, Windows-1252), the delimiter (`,` `;` tab `|`) and the decimal separator (from
//! all numeric-looking cells of the file), finds the table with [`super::sniff::locate`] and hands
//! the rows to [`Table::from_cells`].

#[cfg(feature = "full")]
use super::column::WireColumn;
use super::fastcell::CellWriter;
use super::limits::{self, thousands};
use super::sniff::{self, RawCell};
use super::source::{Encoding, Pieces};
use super::{column_names, titles_note, Column, Detected, RejectedRow, RowNumbers, Table};
use crate::error::{Error, ErrorKind, Location, Result};
use std::borrow::Cow;

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
    /// Of those, the ones with a point (`1.234`).
    pub ambiguous_dot: usize,
}

impl DecimalVotes {
    pub fn count<S: AsRef<str>>(cells: &[S]) -> DecimalVotes {
        let mut v = DecimalVotes::default();
        for c in cells {
            v.add(c.as_ref());
        }
        v
    }

    /// Adds the vote of one cell.
    #[cfg_attr(feature = "full", inline)]
    pub fn add(&mut self, c: &str) {
        // Without a `.` or `,` a cell proves nothing and is not ambiguous: the common cell
        // (a name, a whole number) is decided by this one scan.
        if has_point_or_comma(c) {
            self.add_separated(c);
        }
    }

    fn add_separated(&mut self, c: &str) {
        let c = super::trim(super::trim(c).trim_end_matches('%'));
        let body = c.trim_start_matches(['-', '+', '−']);
        if body.is_empty()
            || !body.starts_with(|ch: char| ch.is_ascii_digit())
            || !body
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
        {
            // Thousands grouped by spaces (`1 234,5`): the separator after them is the decimal
            // one, so the cell votes as its digits without the spaces (`1234,5`); a cell grouped
            // otherwise (`12 34,5`) is no number and does not vote. (The built-in data has
            // none.)
            #[cfg(feature = "full")]
            if let Some(u) = unspaced(body) {
                self.add_separated(&u);
            }
            return;
        }
        match vote(body) {
            Some(',') => self.comma += 1,
            Some(_) => self.dot += 1,
            None if body.contains(['.', ',']) => {
                self.ambiguous += 1;
                self.ambiguous_dot += usize::from(body.contains('.'));
            }
            None => {}
        }
    }

    /// The votes of other cells added.
    pub fn merge(&mut self, other: &DecimalVotes) {
        self.comma += other.comma;
        self.dot += other.dot;
        self.ambiguous += other.ambiguous;
        self.ambiguous_dot += other.ambiguous_dot;
    }

    /// The separator: the majority of the decisive cells. With none, the delimiter's convention
    /// where it has one: `,` for a `;`-delimited file (the Dutch Excel export: `1.234` = 1234,
    /// `1,234` = 1.234) and `.` for a `,`-delimited one (whose decimal comma would have to be
    /// quoted: `1.234` = 1.234, `"1,234"` = 1234). Otherwise numbers that could be read either
    /// way are read as whole numbers when they are all written alike (only `1.234`: the point
    /// groups thousands, so `,`; only `1,234`: `.`), as counts are, and else `.`.
    pub fn decide(&self, delimiter: u8) -> char {
        if self.comma != self.dot {
            return if self.comma > self.dot { ',' } else { '.' };
        }
        match delimiter {
            b';' => return ',',
            b',' => return '.',
            _ => {}
        }
        if self.comma == 0 && self.ambiguous > 0 {
            if self.ambiguous_dot == self.ambiguous {
                return ',';
            }
            if self.ambiguous_dot == 0 {
                return '.';
            }
        }
        '.'
    }
}

/// A number with its thousands grouped by spaces and at most one separator after them
/// (`1 234,5`), without the spaces (`1234,5`); `None` for anything else.
#[cfg(feature = "full")]
fn unspaced(body: &str) -> Option<String> {
    let (int, rest) = body.split_at(body.find(['.', ',']).unwrap_or(body.len()));
    if !int.contains(super::GROUP_SPACES)
        || rest
            .get(1..)
            .is_some_and(|r| !r.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(super::spaced_digits(int)? + rest)
}

/// Whether a column read with a decimal point looks like whole numbers written with a point for
/// the thousands: every number with decimals 1 or more with at most three of them, at least
/// two and 60 % of them with exactly three (`2.100` reads as 2.1: one in ten thousands ends
/// in a 0, so a few such are no sign of measurements), and every whole number below 1000.
fn looks_like_thousands(c: &Column) -> bool {
    let whole = |x: f64| (x - x.round()).abs() <= 1e-6 * x.abs().max(1.0);
    let (mut three, mut fewer) = (0usize, 0usize);
    for i in 0..c.len() {
        let Some(v) = c.number(i) else { continue };
        if v.fract() == 0.0 {
            if v.abs() >= 1000.0 {
                return false;
            }
            continue;
        }
        if v.abs() < 1.0 || !whole(v * 1000.0) {
            return false;
        }
        if whole(v * 100.0) {
            fewer += 1;
        } else {
            three += 1;
        }
    }
    three >= 2 && three * 10 >= (three + fewer) * 6
}

/// The columns named as a share or percentage (`aandeel_werkend`, `% werkzaam`) in a file read
/// with a point that groups thousands, whose every number of 1000 or more is whole: a share is
/// never 1000 % or more, so each was written with a decimal point (`56.892`, read as 56892) and
/// is read so now (56.892; a number below 1000 had no point and stays). Their names, in file
/// order.
#[cfg(feature = "full")]
fn shares_with_point(columns: &mut [Column]) -> Vec<String> {
    let mut out = Vec::new();
    for c in columns.iter_mut() {
        if !crate::case::names_a_share(&c.name) {
            continue;
        }
        let big = (0..c.len()).filter_map(|i| c.number(i).filter(|v| v.abs() >= 1000.0));
        let mut big = big.peekable();
        if big.peek().is_none() || big.any(|v| v.fract() != 0.0) {
            continue;
        }
        *c = c.thousands_as_point();
        out.push(c.name.clone());
    }
    out
}

/// The cells of a file read with a decimal point that were kept as text because a point with
/// three zeros after it was all they had (`9.000`; see [`super::fastcell::point_thousand`]),
/// read as numbers: their whole part times `factor` (1 with a decimal point, 1000 where the
/// point groups thousands).
#[cfg(feature = "full")]
fn read_point_thousands(columns: &mut [Column], factor: f64) {
    for col in columns.iter_mut() {
        let numbers: Vec<Option<f64>> = col
            .dictionary()
            .iter()
            .map(|t| {
                let t = super::trim(t);
                super::fastcell::point_thousand(t)
                    .then(|| super::parse_number(t.trim_end_matches(".000"), '.'))
                    .flatten()
                    .map(|n| n * factor)
            })
            .collect();
        if numbers.iter().any(Option::is_some) {
            *col = super::with_numbers(col, &numbers);
        }
    }
}

/// What the file line says when the decimal separator was not told by any cell (`votes` only
/// ambiguous): which numbers were read how.
pub fn decimal_guess_note(votes: &DecimalVotes, decimal: char, delimiter: u8) -> (String, String) {
    // (The first core reads the built-in data only: the general text will do.)
    let (conv_nl, conv_en) = match delimiter {
        _ if !cfg!(feature = "full") => ("", ""),
        b';' => (
            " (de gewoonte bij een bestand met ';')",
            " (the convention of a file with ';')",
        ),
        b',' => (
            " (de gewoonte bij een bestand met ',')",
            " (the convention of a file with ',')",
        ),
        _ => ("", ""),
    };
    if cfg!(feature = "full")
        && (votes.ambiguous_dot == votes.ambiguous || votes.ambiguous_dot == 0)
    {
        let (example, point) = if votes.ambiguous_dot > 0 {
            ("1.234", '.')
        } else {
            ("1,234", ',')
        };
        if point == decimal {
            return (
                format!(
                    "Decimaalteken niet af te leiden (alleen getallen als {example}); gelezen met decimaalteken '{decimal}'{conv_nl}: {example} als decimaal getal, niet als 1234"
                ),
                format!(
                    "Decimal separator cannot be told (only numbers like {example}); read with decimal separator '{decimal}'{conv_en}: {example} as a decimal number, not as 1234"
                ),
            );
        }
        let (sep_nl, sep_en) = if point == '.' {
            ("de punt", "the point")
        } else {
            ("de komma", "the comma")
        };
        return (
            format!(
                "Decimaalteken niet af te leiden (alleen getallen als {example}); gelezen als hele getallen{conv_nl}: {sep_nl} scheidt de duizendtallen ({example} = 1234), decimaalteken '{decimal}'"
            ),
            format!(
                "Decimal separator cannot be told (only numbers like {example}); read as whole numbers{conv_en}: {sep_en} groups thousands ({example} = 1234), decimal separator '{decimal}'"
            ),
        );
    }
    (
        format!(
            "Decimaalteken niet af te leiden (alleen getallen als 1.234 of 1,234); aangenomen: '{decimal}'{conv_nl}"
        ),
        format!(
            "Decimal separator cannot be told (only numbers like 1.234 or 1,234); assumed: '{decimal}'{conv_en}"
        ),
    )
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
    // From quote to quote: a quote opens a field when it is the first byte or follows a
    // delimiter or line end; one right after a closing quote, or inside a field, is a character.
    let mut i = 0;
    let mut after_close = false;
    while let Some(q) = find_byte(bytes, i, b'"') {
        let opens = if q == i && after_close {
            false
        } else {
            q == 0 || matches!(bytes[q - 1], b'\n' | b'\r') || bytes[q - 1] == delimiter
        };
        if !opens {
            i = q + 1;
            after_close = false;
            continue;
        }
        let mut j = q + 1;
        loop {
            match find_byte(bytes, j, b'"') {
                None => return Some(q),
                Some(c) if bytes.get(c + 1) == Some(&b'"') => j = c + 2,
                Some(c) => {
                    j = c + 1;
                    break;
                }
            }
        }
        i = j;
        after_close = true;
    }
    None
}

/// The delimiter that splits a row of one field into at least `width` fields, half of them
/// numbers, when it is not the file's: a line written with `;` in a `,` file.
fn other_delimiter_text(t: &str, delimiter: u8, width: usize) -> Option<char> {
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

fn delimiter_name_en(d: char) -> &'static str {
    match d {
        ',' => "commas",
        ';' => "semicolons",
        '\t' => "tabs",
        _ => "vertical bars",
    }
}

fn delimiter_name(d: char) -> &'static str {
    match d {
        ',' => "komma's",
        ';' => "puntkomma's",
        '\t' => "tabs",
        _ => "verticale strepen",
    }
}

/// One record of a CSV text: its fields (borrowed unless a quoted field held `""`), the line it
/// starts on and the line after it ends.
struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: u8,
}

/// What [`Records::next_sharing`] keeps of the record before: where it started and, for its
/// leading fields that are not quoted and end at a delimiter, the offset just past that
/// delimiter (from the record's start).
#[derive(Default)]
#[cfg_attr(not(feature = "full"), allow(dead_code))]
struct Shared {
    start: usize,
    ends: Vec<usize>,
}

#[cfg(feature = "full")]
impl Shared {
    /// How many of the record before's leading fields the record at `pos` starts with: the same
    /// bytes up to and including each one's delimiter.
    fn fields_alike(&self, bytes: &[u8], pos: usize) -> usize {
        let Some(&most) = self.ends.last() else {
            return 0;
        };
        let most = most.min(bytes.len().saturating_sub(pos));
        let (a, b) = (self.start, pos);
        let mut x = 0;
        while x + 8 <= most {
            match (word(bytes, a + x), word(bytes, b + x)) {
                (Some(u), Some(v)) if u == v => x += 8,
                (Some(u), Some(v)) => {
                    x += ((u ^ v).trailing_zeros() / 8) as usize;
                    return self.ends.partition_point(|&e| e <= x);
                }
                _ => break,
            }
        }
        while x < most && bytes.get(a + x).is_some() && bytes.get(a + x) == bytes.get(b + x) {
            x += 1;
        }
        self.ends.partition_point(|&e| e <= x)
    }

    /// [`Shared::note`] when `ends` already holds the ends of the first `noted` fields of the
    /// record (and `start` is its start): the ends of the fields after them added.
    fn note_more(&mut self, text: &str, delimiter: u8, fields: &[Cow<str>], noted: usize) {
        if self.ends.len() != noted || noted >= fields.len() {
            return;
        }
        let (start, kept) = (self.start, self.ends.len());
        self.note(text, delimiter, start, fields, kept);
    }

    /// Takes note of the record just read (starting at `start`, its fields in `fields`, the
    /// first `kept` of them shared with the record before).
    fn note(&mut self, text: &str, delimiter: u8, start: usize, fields: &[Cow<str>], kept: usize) {
        self.ends.truncate(kept);
        self.start = start;
        let bytes = text.as_bytes();
        let base = text.as_ptr() as usize;
        for f in &fields[kept.min(fields.len())..] {
            // A field borrowed from the text and followed by the delimiter is not quoted: a
            // quoted one is a copy, or followed by its closing quote.
            let Cow::Borrowed(f) = f else { break };
            let Some(at) = (f.as_ptr() as usize).checked_sub(base) else {
                break;
            };
            if bytes.get(at + f.len()) != Some(&delimiter) {
                break;
            }
            self.ends.push(at + f.len() + 1 - start);
        }
    }
}

/// Where a record was found.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RecordAt {
    /// 1-based line the record starts on.
    line: usize,
    /// Byte offset of its start.
    start: usize,
    /// True when a line end closed it (else the text ran out: in a piece that is not the
    /// last, more of it may follow).
    ended: bool,
    /// Byte offset of its end.
    end: usize,
    /// True when a quoted field holds a line break.
    multiline: bool,
}

impl<'a> Records<'a> {
    #[cfg(test)]
    fn new(text: &'a str, delimiter: u8) -> Records<'a> {
        Records::new_at_start(text, delimiter)
    }

    /// Reading from the start of `text`, line 1.
    fn new_at_start(text: &'a str, delimiter: u8) -> Records<'a> {
        Records::at(text, delimiter, 0, 1)
    }

    /// Reading from the record that starts at byte `pos` on line `line`.
    fn at(text: &'a str, delimiter: u8, pos: usize, line: usize) -> Records<'a> {
        Records {
            text,
            pos,
            line,
            delimiter,
        }
    }

    /// Reads the next record into `fields`. As the `csv` crate reads: `\n`, `\r\n` and `\r`
    /// end a record; a field that starts with `"` is quoted (`""` is a quote) and text after
    /// its closing quote is appended; a quote inside an unquoted field is a character. An empty
    /// line is a record of no fields (a blank row).
    fn next_into(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<RecordAt> {
        fields.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let at_line = self.line;
        let mut i = self.pos;
        let start = i;
        // An empty line: a blank row.
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            self.pos = i;
            self.line += 1;
            return Some(RecordAt {
                line: at_line,
                start,
                // A `\r` at the end may be half of a `\r\n`.
                ended: bytes[i - 1] == b'\n' || i < bytes.len(),
                end: i,
                multiline: false,
            });
        }
        self.fields_from(fields, start, i)
    }

    /// The next record of a table's body and the leading fields kept from the record before:
    /// [`Records::next_sharing`] in the full core; the first core, which reads the built-in data
    /// only, reads each record alone (and stays smaller).
    fn next_row(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
        shared: &mut Shared,
    ) -> Option<(RecordAt, usize)> {
        #[cfg(feature = "full")]
        {
            self.next_sharing(fields, shared)
        }
        #[cfg(not(feature = "full"))]
        {
            let _ = shared;
            self.next_into(fields).map(|at| (at, 0))
        }
    }

    /// [`Records::next_into`], when `fields` still holds the record before, read by this same
    /// call: the leading fields this record shares with it, byte for byte (rows grouped by their
    /// first columns repeat them), are kept instead of read again. Gives the record and how many
    /// fields were kept; those are the same texts as the record before's.
    #[cfg(feature = "full")]
    fn next_sharing(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
        shared: &mut Shared,
    ) -> Option<(RecordAt, usize)> {
        let bytes = self.text.as_bytes();
        let pos = self.pos;
        let kept = shared.fields_alike(bytes, pos);
        let d = self.delimiter;
        let plain = d.is_ascii() && !matches!(d, b'"' | b'\n' | b'\r');
        if kept > 0 || (plain && !matches!(bytes.get(pos), None | Some(b'\n' | b'\r'))) {
            fields.truncate(kept);
            let from = pos + kept.checked_sub(1).map_or(0, |k| shared.ends[k]);
            shared.ends.truncate(kept);
            shared.start = pos;
            let (at, noted) = if plain {
                self.plain_fields_from(fields, pos, from, &mut shared.ends)
            } else {
                (self.fields_from(fields, pos, from), kept)
            };
            shared.note_more(self.text, d, fields, noted);
            return at.map(|at| (at, kept));
        }
        let Some(at) = self.next_into(fields) else {
            shared.ends.clear();
            return None;
        };
        shared.note(self.text, d, at.start, fields, kept);
        Some((at, kept))
    }

    /// [`Records::fields_from`] for the record that starts at `start`, from the field at `i`
    /// on, one scan over its bytes (a word at a time) for all the delimiters and its line end
    /// while its fields are not quoted; a quoted field, or the last few bytes of the text, are
    /// read by [`Records::fields_from`]. Each field it reads that a delimiter ends has that
    /// delimiter's offset (past it, from `start`) added to `ends` (as [`Shared::note`] would);
    /// gives the record and the number of fields in `fields` by then (those after them are
    /// left to [`Shared::note_more`]). The delimiter is ASCII and no quote or line end.
    #[cfg(feature = "full")]
    fn plain_fields_from(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
        start: usize,
        mut i: usize,
        ends: &mut Vec<usize>,
    ) -> (Option<RecordAt>, usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let d = self.delimiter;
        // A field starting with a quote is read the usual way.
        if bytes.get(i) == Some(&b'"') {
            let noted = fields.len();
            return (self.fields_from(fields, start, i), noted);
        }
        let mut w_at = i;
        while let Some(w) = word(bytes, w_at) {
            let mut delims = exact_zero_bytes(w ^ splat(d));
            let stop = exact_zero_bytes(w ^ splat(b'\n')) | exact_zero_bytes(w ^ splat(b'\r'));
            // The delimiters before the first line end in this word, each ending a field.
            let before_stop = if stop == 0 {
                u64::MAX
            } else {
                (1u64 << stop.trailing_zeros()) - 1
            };
            delims &= before_stop;
            while delims != 0 {
                let k = w_at + (delims.trailing_zeros() / 8) as usize;
                delims &= delims - 1;
                fields.push(Cow::Borrowed(text.get(i..k).unwrap_or_default()));
                ends.push(k + 1 - start);
                i = k + 1;
                if bytes.get(i) == Some(&b'"') {
                    let noted = fields.len();
                    return (self.fields_from(fields, start, i), noted);
                }
            }
            if stop != 0 {
                let k = w_at + (stop.trailing_zeros() / 8) as usize;
                fields.push(Cow::Borrowed(text.get(i..k).unwrap_or_default()));
                let at_line = self.line;
                self.line += 1;
                let (next, ended) = if bytes[k] == b'\r' {
                    let next = k + if bytes.get(k + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    // A `\r` at the end may be half of a `\r\n`.
                    (next, bytes[next - 1] == b'\n' || next < bytes.len())
                } else {
                    (k + 1, true)
                };
                self.pos = next;
                let n = fields.len();
                return (
                    Some(RecordAt {
                        line: at_line,
                        start,
                        ended,
                        end: next,
                        multiline: false,
                    }),
                    n,
                );
            }
            w_at += 8;
        }
        // The last bytes of the text.
        let noted = fields.len();
        (self.fields_from(fields, start, i), noted)
    }

    /// The rest of the record that starts at `start` (not a blank line), from the field that
    /// starts at `i`: `fields` holds the fields before it.
    fn fields_from(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
        start: usize,
        mut i: usize,
    ) -> Option<RecordAt> {
        let bytes = self.text.as_bytes();
        let at_line = self.line;
        let d = self.delimiter;
        let mut multiline = false;
        let mut ended = false;
        loop {
            // One field starting at i.
            if bytes.get(i) == Some(&b'"') {
                let start = i + 1;
                let mut j = start;
                // Set once a `""` is seen: the field is then unescaped into a copy.
                let mut owned: Option<String> = None;
                let content_end;
                loop {
                    match memchr_quote(bytes, j) {
                        None => {
                            // Unclosed (checked before reading): the rest of the text.
                            if let Some(o) = owned.as_mut() {
                                o.push_str(&self.text[j..]);
                            }
                            content_end = bytes.len();
                            j = bytes.len();
                            break;
                        }
                        Some(q) if bytes.get(q + 1) == Some(&b'"') => {
                            owned
                                .get_or_insert_with(String::new)
                                .push_str(&self.text[j..=q]);
                            j = q + 2;
                        }
                        Some(q) => {
                            if let Some(o) = owned.as_mut() {
                                o.push_str(&self.text[j..q]);
                            }
                            content_end = q;
                            j = q + 1;
                            break;
                        }
                    }
                }
                let breaks = bytes[start..j].iter().filter(|&&b| b == b'\n').count();
                self.line += breaks;
                multiline |= breaks > 0;
                // Text after the closing quote belongs to the field.
                let tail_end = field_end(bytes, j, d);
                let field = match owned {
                    Some(mut o) => {
                        o.push_str(&self.text[j..tail_end]);
                        Cow::Owned(o)
                    }
                    None if tail_end > j => {
                        let mut o = self.text[start..content_end].to_string();
                        o.push_str(&self.text[j..tail_end]);
                        Cow::Owned(o)
                    }
                    None => Cow::Borrowed(&self.text[start..content_end]),
                };
                fields.push(field);
                i = tail_end;
            } else {
                let e = field_end(bytes, i, d);
                fields.push(Cow::Borrowed(&self.text[i..e]));
                i = e;
            }
            match bytes.get(i) {
                Some(&b) if b == d => {
                    i += 1;
                    if i >= bytes.len() {
                        fields.push(Cow::Borrowed(""));
                        break;
                    }
                }
                Some(b'\r') => {
                    i += if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    self.line += 1;
                    // A `\r` at the end may be half of a `\r\n`.
                    ended = bytes[i - 1] == b'\n' || i < bytes.len();
                    break;
                }
                Some(b'\n') => {
                    i += 1;
                    self.line += 1;
                    ended = true;
                    break;
                }
                _ => break,
            }
        }
        self.pos = i;
        Some(RecordAt {
            line: at_line,
            start,
            ended,
            end: i,
            multiline,
        })
    }
}

/// What the first pass keeps of a record.
#[derive(Debug, PartialEq)]
struct Counted {
    at: RecordAt,
    /// Its fields, filled or not.
    fields: usize,
    /// Its fields that are not blank.
    filled: usize,
    votes: DecimalVotes,
}

impl Counted {
    /// The count of a record read field by field ([`Records::next_into`]).
    fn of_fields(at: RecordAt, fields: &[Cow<str>]) -> Counted {
        Counted {
            at,
            fields: fields.len(),
            filled: filled(fields),
            votes: DecimalVotes::count(fields),
        }
    }
}

impl<'a> Records<'a> {
    /// The next record as the first pass counts it ([`Records::next_into`]'s record, its number
    /// of fields, filled fields and decimal votes), read in one scan without keeping its fields
    /// when its line holds no quote; `Err(())` when it does (or is a blank line), for
    /// [`Records::next_into`] to read; `Ok(None)` at the end of the text.
    fn next_counted(&mut self) -> std::result::Result<Option<Counted>, ()> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let d = self.delimiter;
        match bytes.get(start) {
            None => return Ok(None),
            Some(b'\n' | b'\r' | b'"') => return Err(()),
            Some(_) if !d.is_ascii() => return Err(()),
            Some(_) => {}
        }
        // Field by field, each found by one scan for the delimiter, a line end or a quote that
        // also tells whether a `.` or `,` (other than the delimiter) comes before its end: a
        // field without one casts no decimal vote. (A flagged byte above the lowest match of a
        // mask may be wrong, but only ever above a true match of that mask.)
        let sep_comma = d != b',';
        let (mut i, mut fields, mut filled, mut votes) =
            (start, 0usize, 0usize, DecimalVotes::default());
        let end = loop {
            let (e, seps) = match word(bytes, i) {
                Some(w) => {
                    let stop = zero_bytes(w ^ splat(d))
                        | zero_bytes(w ^ splat(b'\n'))
                        | zero_bytes(w ^ splat(b'\r'))
                        | zero_bytes(w ^ splat(b'"'));
                    let sep = zero_bytes(w ^ splat(b'.'))
                        | if sep_comma {
                            zero_bytes(w ^ splat(b','))
                        } else {
                            0
                        };
                    if stop != 0 {
                        let k = stop.trailing_zeros() as usize / 8;
                        (i + k, sep & ((1u64 << (k * 8)) - 1) != 0)
                    } else {
                        // A long field: the rest of it the usual way.
                        let e = field_end(bytes, i, d);
                        let e = find_byte(&bytes[..e], i, b'"').unwrap_or(e);
                        (e, true)
                    }
                }
                None => {
                    let rest = bytes.get(i..).unwrap_or_default();
                    let k = rest
                        .iter()
                        .position(|&b| b == d || b == b'\n' || b == b'\r' || b == b'"')
                        .unwrap_or(rest.len());
                    (i + k, true)
                }
            };
            if bytes.get(e) == Some(&b'"') {
                return Err(());
            }
            let field = self.text.get(i..e).unwrap_or_default();
            fields += 1;
            filled += !is_blank(field) as usize;
            if seps {
                votes.add(field);
            }
            match bytes.get(e) {
                Some(&b) if b == d => i = e + 1,
                _ => break e,
            }
        };
        let at_line = self.line;
        let (next, ended) = match bytes.get(end) {
            Some(b'\r') => {
                let next = end
                    + if bytes.get(end + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                self.line += 1;
                // A `\r` at the end may be half of a `\r\n`.
                (next, bytes[next - 1] == b'\n' || next < bytes.len())
            }
            Some(_) => {
                self.line += 1;
                (end + 1, true)
            }
            None => (end, false),
        };
        self.pos = next;
        Ok(Some(Counted {
            at: RecordAt {
                line: at_line,
                start,
                ended,
                end: next,
                multiline: false,
            },
            fields,
            filled,
            votes,
        }))
    }
}

/// Whether the first pass's one-scan count of each record ([`Records::next_counted`]) agrees
/// with reading its fields ([`Records::next_into`]) on any `text`: the
/// number of records counted in one scan, or the first difference. For the unit tests and the
/// `csv` fuzz target.
#[doc(hidden)]
pub fn counted_matches_fields(text: &str, d: u8) -> std::result::Result<usize, String> {
    let (mut a, mut b) = (
        Records::new_at_start(text, d),
        Records::new_at_start(text, d),
    );
    let mut f: Vec<Cow<str>> = Vec::new();
    let mut fast = 0;
    let differ = |what: &str| format!("{what} differ(s) on {text:?} (delimiter {})", d as char);
    loop {
        let counted = a.next_counted();
        let theirs = b.next_into(&mut f);
        match (counted, theirs) {
            (Ok(None), None) => return Ok(fast),
            (Ok(Some(c)), Some(t)) => {
                fast += 1;
                if c != Counted::of_fields(t, &f) {
                    return Err(differ("the record's place, fields, filled fields or votes"));
                }
                if (a.pos, a.line) != (b.pos, b.line) {
                    return Err(differ("the position after the record"));
                }
            }
            (Err(()), Some(t)) => {
                // Not read: the field reader takes it from where it starts.
                if (a.pos, a.line) != (t.start, t.line) {
                    return Err(differ(
                        "the position after a record left to the field reader",
                    ));
                }
                a.next_into(&mut f);
            }
            _ => return Err(differ("the number of records")),
        }
    }
}

/// Whether reading each record of `text` with the fields it shares with the record before kept
/// ([`Records::next_sharing`]) gives what reading it alone gives ([`Records::next_into`]): the
/// number of fields kept, or the first difference. For the unit tests and the `csv` fuzz target.
#[doc(hidden)]
#[cfg(feature = "full")]
pub fn sharing_matches_fields(text: &str, d: u8) -> std::result::Result<usize, String> {
    let (mut a, mut b) = (
        Records::new_at_start(text, d),
        Records::new_at_start(text, d),
    );
    let (mut alone, mut kept_fields): (Vec<Cow<str>>, Vec<Cow<str>>) = (Vec::new(), Vec::new());
    let mut shared = Shared::default();
    let mut before: Vec<String> = Vec::new();
    let mut kept_total = 0;
    let differ = |what: &str| format!("{what} differ(s) on {text:?} (delimiter {})", d as char);
    loop {
        let theirs = a.next_into(&mut alone);
        let ours = b.next_sharing(&mut kept_fields, &mut shared);
        if theirs != ours.map(|(at, _)| at) {
            return Err(differ("the record's place"));
        }
        let Some((_, kept)) = ours else {
            return Ok(kept_total);
        };
        if alone != kept_fields {
            return Err(differ("the fields"));
        }
        if kept > before.len() || kept > kept_fields.len() || before[..kept] != kept_fields[..kept]
        {
            return Err(differ("the fields kept and the record before's"));
        }
        kept_total += kept;
        before = kept_fields.iter().map(|c| c.to_string()).collect();
    }
}

/// The next `"` at or after `from`.
fn memchr_quote(bytes: &[u8], from: usize) -> Option<usize> {
    find_byte(bytes, from, b'"')
}

/// Eight copies of a byte.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// A word with the high bit set in the byte where `w` has a zero byte, at least in the lowest
/// such byte (bytes above it may be flagged wrongly; only the lowest one is used).
#[inline(always)]
fn zero_bytes(w: u64) -> u64 {
    w.wrapping_sub(splat(1)) & !w & splat(0x80)
}

/// Eight bytes from `at` as a little-endian word (the lowest byte first).
#[inline(always)]
fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let w: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(w))
}

/// A word with the high bit set in exactly the bytes where `w` has a zero byte.
#[cfg(feature = "full")]
#[inline(always)]
fn exact_zero_bytes(w: u64) -> u64 {
    const LOW7: u64 = splat(0x7f);
    !(((w & LOW7).wrapping_add(LOW7)) | w | LOW7)
}

/// The first `b` at or after `from`, eight bytes at a time.
fn find_byte(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    let mut i = from;
    while let Some(w) = word(bytes, i) {
        let m = zero_bytes(w ^ splat(b));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&c| c == b).map(|k| i + k)
}

/// The end of an unquoted field: the next delimiter or line end, eight bytes at a time.
fn field_end(bytes: &[u8], from: usize, d: u8) -> usize {
    let mut i = from;
    while let Some(w) = word(bytes, i) {
        let m =
            zero_bytes(w ^ splat(d)) | zero_bytes(w ^ splat(b'\n')) | zero_bytes(w ^ splat(b'\r'));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or(&[]);
    i + rest
        .iter()
        .position(|&b| b == d || b == b'\n' || b == b'\r')
        .unwrap_or(rest.len())
}

/// Where the first byte of a record's raw text (delimited by `d`) is that shows it may hold a
/// cell that casts a decimal vote (the length when there is none): a `.`, a `,` that is not the
/// delimiter, or a quote (a quoted cell may hold the delimiter).
fn first_vote(bytes: &[u8], d: u8) -> usize {
    let comma = if d == b',' { b'"' } else { b',' };
    let mut i = 0;
    while let Some(w) = word(bytes, i) {
        let hit = zero_bytes(w ^ splat(b'.'))
            | zero_bytes(w ^ splat(comma))
            | zero_bytes(w ^ splat(b'"'));
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest
        .iter()
        .position(|&b| b == b'.' || b == comma || b == b'"')
        .unwrap_or(rest.len())
}

/// True when `s` holds a `.` or a `,`, eight bytes at a time.
#[cfg_attr(feature = "full", inline)]
fn has_point_or_comma(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(w) = word(bytes, i) {
        if zero_bytes(w ^ splat(b'.')) | zero_bytes(w ^ splat(b',')) != 0 {
            return true;
        }
        i += 8;
    }
    bytes
        .get(i..)
        .is_some_and(|r| r.iter().any(|&b| b == b'.' || b == b','))
}

fn is_blank(f: &str) -> bool {
    super::trim(f).is_empty()
}

fn filled(fields: &[Cow<str>]) -> usize {
    fields.iter().filter(|f| !is_blank(f)).count()
}

fn cells_of(fields: &[Cow<str>]) -> Vec<RawCell> {
    fields
        .iter()
        .map(|f| RawCell::Text(f.to_string()))
        .collect()
}

/// Reads a CSV file. Two passes over the text and no grid of cells: the first counts the filled
/// cells of every record (and the decimal votes), which is all [`sniff::plan`] needs to find the
/// header and the note block; the second reads the data rows straight into the columns. Both
/// take the file a piece at a time ([`CsvReader`]), so a file of a million rows is held as its
/// columns (codes and numbers) and a few pieces, never whole. Fields are found eight bytes at a
/// time and borrowed from the piece; plain numbers and texts seen before in a column take a short
/// path (`table::fastcell`) with the same result as the general one. Natively the rows of two
/// pieces are read at once, on two threads (same table).
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table> {
    read_csv_with(name, bytes, &mut |_, _| {})
}

/// [`read_csv`], telling `progress(done, total)` as it goes: `done` runs from 0 to `total` (the
/// file's bytes) over both passes, about once per percent.
pub fn read_csv_with(
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Table> {
    read_in(name, bytes, PIECE, threaded(bytes.len()), progress)
}

/// [`read_csv`] in pieces of `piece` bytes: the same table whatever the size (tests and the
/// fuzz target check it).
pub fn read_csv_in_pieces(name: &str, bytes: &[u8], piece: usize) -> Result<Table> {
    read_in(name, bytes, piece, false, &mut |_, _| {})
}

/// [`read_csv_in_pieces`] on two threads, as natively for a large file: the rows of two pieces
/// read at once, a quote-free piece's first pass counted in two halves at once. The same table
/// or error as one thread gives (the fuzz target checks it).
#[doc(hidden)]
pub fn read_csv_in_pieces_on_two_threads(name: &str, bytes: &[u8], piece: usize) -> Result<Table> {
    read_in(name, bytes, piece, true, &mut |_, _| {})
}

/// [`read_csv_in_pieces`], on two threads or one.
fn read_in(
    name: &str,
    bytes: &[u8],
    piece: usize,
    threads: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Table> {
    let mut reader = CsvReader::new(name, bytes.len());
    reader.piece = piece.max(1);
    reader.threads = threads;
    while let Some((at, n)) = reader.want() {
        reader.give(&bytes[at..at + n], progress)?;
    }
    reader.finish(progress)
}

/// [`read_csv_in_pieces`] by two readings, as the page's two workers read a large file: a
/// helper reads from the first line break at or after byte `mid` to the end, the main reading
/// up to there and then takes the helper's rows (or reads on alone). The same table, notes and
/// first error as one reading (the tests and the fuzz target check it).
#[cfg(feature = "full")]
pub fn read_csv_split(name: &str, bytes: &[u8], piece: usize, mid: usize) -> Result<Table> {
    let size = bytes.len();
    let Some(at) = split_after(bytes.get(mid..).unwrap_or_default(), mid, size) else {
        return read_csv_in_pieces(name, bytes, piece);
    };
    let mut helper = CsvReader::helper(name, size, at);
    helper.piece = piece.max(1);
    let handed = loop {
        match helper.want() {
            Some((o, n)) => {
                if helper.give(&bytes[o..o + n], &mut |_, _| {}).is_err() {
                    break None;
                }
            }
            None => break helper.handover(),
        }
    };
    let mut main = CsvReader::main(name, size, at);
    main.piece = piece.max(1);
    let progress = &mut |_, _| {};
    loop {
        while let Some((o, n)) = main.want() {
            main.give(&bytes[o..o + n], progress)?;
        }
        if !main.waits() {
            break;
        }
        main.take_over(handed.as_deref().unwrap_or_default(), progress)?;
    }
    main.finish(progress)
}

/// Where a file of `size` bytes is cut for two readings, given its bytes `around` from byte
/// `from` on: after the first line break among them, when bytes follow it.
#[cfg(feature = "full")]
pub fn split_after(around: &[u8], from: usize, size: usize) -> Option<usize> {
    let at = from + find_byte(around, 0, b'\n')? + 1;
    (at < size).then_some(at)
}

/// Bytes of the file taken at a time (more when one record is longer).
const PIECE: usize = 4 << 20;
/// The first piece's size when the pieces grow (see [`CsvReader::want`]).
const RAMP: usize = 256 << 10;

/// What the first pass found of a piece, for the second to read the same records.
#[derive(Clone, Copy)]
struct Planned {
    /// Bytes of the file it took.
    raw: usize,
    /// Its text up to here holds whole records; the rest goes with the next piece.
    keep: usize,
    /// Records before it.
    records: usize,
    /// The line it starts on.
    line: usize,
}

/// A piece of text for the second pass: whole records only.
struct Piece {
    text: String,
    records: usize,
    line: usize,
    /// Bytes of text before it.
    before: usize,
}

fn changed(name: &str) -> Error {
    Error::new2(
        ErrorKind::Io,
        "Het bestand is veranderd terwijl het werd gelezen. Laad het opnieuw.",
        "The file changed while it was being read. Load it again.",
    )
    .at(Location::file(name))
}

/// True when `text` holds the first 30 filled lines, whole (all the delimiter is told from).
fn enough_lines(text: &str) -> bool {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .nth(30)
        .is_some()
}

/// The line of byte `at` of `text` (whose first record starts on line `line`), counted as
/// records count lines: the line its record starts on plus the line breaks (`\n`) before it in
/// the record, so the same whatever piece the record is read in.
fn line_of(text: &str, delimiter: u8, line: usize, at: usize) -> usize {
    let mut records = Records::at(text, delimiter, 0, line);
    let mut fields: Vec<Cow<str>> = Vec::new();
    while let Some(r) = records.next_into(&mut fields) {
        if r.end > at {
            let within = text.as_bytes().get(r.start..at).unwrap_or(&[]);
            return r.line + within.iter().filter(|&&b| b == b'\n').count();
        }
    }
    records.line
}

/// A CSV file read as its bytes are given, which may take a while (a large file in the page):
/// [`CsvReader::want`] says which bytes it needs next, [`CsvReader::give`] takes them, and
/// [`CsvReader::finish`] gives the table once nothing more is wanted. The file is taken twice,
/// from the start, a piece at a time.
pub struct CsvReader {
    name: String,
    size: usize,
    piece: usize,
    threads: bool,
    step: usize,
    stage: Stage,
    /// Whether another reading reads part of the file (the page's second worker).
    #[cfg(feature = "full")]
    split: Split,
}

/// A large file read by two readings at once, in the page (where a worker has one thread): the
/// main reading reads up to a record's start, the helper from there to the end, and hands its
/// rows over ([`CsvReader::handover`], [`CsvReader::take_over`]). Whatever does not hold up (the
/// cut inside a quoted cell, a row in error, another encoding after it) leaves the main reading
/// to read on alone: the table, its notes and its first error are those of one reading.
#[cfg(feature = "full")]
#[derive(Clone, Copy, PartialEq, Debug)]
enum Split {
    Alone,
    /// Reads up to `at`, then waits for the rows from there on.
    Main {
        at: usize,
    },
    /// Reads the first piece (for the header), then from `at` to the end.
    Helper {
        at: usize,
        jumped: bool,
    },
}

enum Stage {
    First(Box<First>),
    Second(Box<Second>),
    Failed,
}

/// The first pass: per record its filled cells; the decimal votes of every record; where each
/// piece ends. Started again as Windows-1252 when bytes that are not UTF-8 come after other
/// non-ASCII text (an ASCII start reads the same in both).
struct First {
    pieces: Pieces,
    /// Told from the first 30 filled lines, once they are in.
    delimiter: Option<u8>,
    meta: Vec<u32>,
    votes_of: Vec<(u32, DecimalVotes)>,
    planned: Vec<Planned>,
    line: usize,
    any_text: bool,
    /// Bytes taken since the last planned piece.
    taken: usize,
    next_report: usize,
    /// The rows read ahead, in this same pass, once the first piece showed where the table is
    /// (see [`CsvReader::start_ahead`]).
    ahead: Option<Box<Second>>,
}

impl First {
    fn new(size: usize, encoding: Option<Encoding>, step: usize) -> First {
        First {
            pieces: Pieces::new(size, encoding),
            delimiter: None,
            meta: Vec::new(),
            votes_of: Vec::new(),
            planned: Vec::new(),
            line: 1,
            any_text: false,
            taken: 0,
            next_report: step,
            ahead: None,
        }
    }
}

/// The second pass: the first pass's pieces again, in the same encoding, into the columns.
struct Second {
    pieces: Pieces,
    planned: std::vec::IntoIter<Planned>,
    /// The piece asked for.
    next: Option<Planned>,
    delimiter: u8,
    plan: sniff::Plan,
    encoding: Encoding,
    /// Until the header is read.
    meta: Vec<u32>,
    votes_of: Vec<(u32, DecimalVotes)>,
    titles: Vec<(usize, String)>,
    /// The row right above the header (its line and cells), a group row perhaps.
    #[cfg(feature = "full")]
    above: Option<(usize, Vec<RawCell>)>,
    /// The header and the records right after it, until they tell whether the row below the
    /// header is the second row of a header over two rows.
    #[cfg(feature = "full")]
    head: Option<Head>,
    /// The row below the header and the next row of two filled cells or more, for
    /// [`CsvReader::header`] to combine with the header.
    #[cfg(feature = "full")]
    below: Option<Below>,
    /// Once the header is read.
    rows: Option<Rows>,
    /// A piece waiting for the next, to read both at once on two threads.
    pending: Option<Piece>,
    /// The rows to make room for, when not the data rows of `meta` (reading ahead).
    rows_hint: Option<usize>,
}

impl Second {
    /// The second pass before its first piece: the pieces to read (`planned`), how (`delimiter`,
    /// `plan`, `encoding`), the first pass's counts, and the rows to make room for (`rows_hint`).
    fn start(
        pieces: Pieces,
        planned: Vec<Planned>,
        (delimiter, plan, encoding): (u8, sniff::Plan, Encoding),
        (meta, votes_of): (Vec<u32>, Vec<(u32, DecimalVotes)>),
        rows_hint: Option<usize>,
    ) -> Second {
        Second {
            pieces,
            planned: planned.into_iter(),
            next: None,
            delimiter,
            plan,
            encoding,
            meta,
            votes_of,
            titles: Vec::new(),
            #[cfg(feature = "full")]
            above: None,
            #[cfg(feature = "full")]
            head: None,
            #[cfg(feature = "full")]
            below: None,
            rows: None,
            pending: None,
            rows_hint,
        }
    }
}

/// What reading the rows needs once the header is known, and the rows read.
struct Rows {
    body: Body,
    names: Vec<String>,
    detected: Detected,
    votes: DecimalVotes,
    part: Part,
    first_body: usize,
}

/// The row below the header (its line and cells) and the next row of two filled cells or more;
/// the row after it (its line and cells) and the next such row after that one.
#[cfg(feature = "full")]
type Below = (
    (usize, Vec<RawCell>),
    Option<Vec<RawCell>>,
    Option<((usize, Vec<RawCell>), Option<Vec<RawCell>>)>,
);

/// The header read, and the records after it kept (their cells and text) until they tell
/// whether the row below the header is a row of sub-names ([`sniff::header_over_row_below`]):
/// the row right below and the next row of two filled cells or more, at most a few rows on.
#[cfg(feature = "full")]
struct Head {
    header: (usize, Vec<RawCell>),
    /// Per record: its line, cells, filled cells and where its text starts in `raw`.
    after: Vec<(usize, Vec<RawCell>, usize, usize)>,
    raw: String,
}

#[cfg(feature = "full")]
impl Head {
    /// Whether enough records are kept to tell.
    fn decided(&self) -> bool {
        match self.after.split_first() {
            None => false,
            Some((l, _)) if l.2 < 2 => true,
            // (Two such rows: the first may be a row of the index's names, see
            // `sniff::pandas_levels`.)
            Some((_, rest)) => rest.len() >= 6 || rest.iter().filter(|a| a.2 >= 2).count() >= 2,
        }
    }

    fn below(&self) -> Option<Below> {
        let (l, rest) = self.after.split_first()?;
        let next_in = |rows: &[(usize, Vec<RawCell>, usize, usize)]| {
            rows.iter().find(|a| a.2 >= 2).map(|a| a.1.clone())
        };
        let then = rest
            .split_first()
            .map(|(a, more)| ((a.0, a.1.clone()), next_in(more)));
        Some(((l.0, l.1.clone()), next_in(rest), then))
    }
}

/// The first pass's count of the records of `text` (the first on line `line`): per record its
/// filled cells into `counts.0` and its decimal votes, if any, into `counts.1` (by record, from
/// the records already in `counts.0`). A record the text does not end is left for the next piece
/// unless `last`. `report(end)` is called once a record ends at `*next` or later, and gives the
/// next such offset. Gives the line after the last record counted and the offset of the first
/// not counted.
#[allow(clippy::too_many_arguments)]
fn tally(
    name: &str,
    text: &str,
    delimiter: u8,
    line: usize,
    last: bool,
    counts: (&mut Vec<u32>, &mut Vec<(u32, DecimalVotes)>),
    next: &mut usize,
    report: &mut dyn FnMut(usize) -> usize,
) -> Result<(usize, usize)> {
    let (meta, votes_of) = counts;
    let mut fields: Vec<Cow<str>> = Vec::new();
    let mut records = Records::at(text, delimiter, 0, line);
    let mut line = line;
    loop {
        // A line without quotes in one scan; the others field by field.
        let counted = match records.next_counted() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(()) => {
                let Some(at) = records.next_into(&mut fields) else {
                    break;
                };
                Counted::of_fields(at, &fields)
            }
        };
        let at = counted.at;
        if !last && !at.ended {
            return Ok((line, at.start));
        }
        keep_count(name, counted, (&mut *meta, &mut *votes_of))?;
        line = records.line;
        if at.end >= *next {
            *next = report(at.end);
        }
    }
    Ok((line, text.len()))
}

/// The count of the file's first record (`filled`, the first record of `text`): all its fields
/// when it is pandas' header of a table whose index has no name, empty above the index's columns
/// and a name above each other column (`Series.to_csv()` writes `,aantal`; a MultiIndex `,,,0`).
/// By its filled cells alone it is a title (one of two), and the first data row was taken for
/// the header: a row lost. (A name is short: a title is a sentence.)
#[cfg(feature = "full")]
fn unnamed_index_header(filled: u32, text: &str, delimiter: u8) -> u32 {
    let mut fields: Vec<Cow<str>> = Vec::new();
    if filled == 0
        || Records::at(text, delimiter, 0, 1)
            .next_into(&mut fields)
            .is_none()
    {
        return filled;
    }
    let lead = fields.iter().take_while(|f| f.trim().is_empty()).count();
    let named = |f: &Cow<str>| {
        let f = f.trim();
        !f.is_empty() && f.chars().count() <= 40
    };
    if fields.len() >= 2 && lead >= 1 && fields[lead..].iter().all(named) {
        return fields.len().min(u32::MAX as usize) as u32;
    }
    filled
}

/// Keeps the first pass's count of one record in `counts` (its filled cells, its decimal votes),
/// or gives the error it is: too many fields, too many rows.
#[cfg_attr(feature = "full", inline)]
fn keep_count(
    name: &str,
    counted: Counted,
    counts: (&mut Vec<u32>, &mut Vec<(u32, DecimalVotes)>),
) -> Result<()> {
    let (meta, votes_of) = counts;
    let Counted {
        at,
        fields: n_fields,
        filled: n_filled,
        votes: v,
    } = counted;
    if n_fields > limits::MAX_COLUMNS {
        return Err(too_many_fields(name, at.line, n_fields));
    }
    if meta.len() >= limits::MAX_ROWS {
        return Err(limits::too_many_rows(name));
    }
    if v != DecimalVotes::default() {
        votes_of.push((meta.len() as u32, v));
    }
    meta.push(n_filled.min(u32::MAX as usize) as u32);
    Ok(())
}

/// The error of a record of `n_fields` fields, more than a table may have, on line `line`.
#[cfg_attr(feature = "full", cold)]
#[cfg_attr(feature = "full", inline(never))]
fn too_many_fields(name: &str, line: usize, n_fields: usize) -> Error {
    limits::exceeded(
        name,
        ["het aantal kolommen", "the number of columns"],
        [
            format!(
                "rij {line} heeft {} velden, ten hoogste {}",
                thousands(n_fields),
                thousands(limits::MAX_COLUMNS)
            ),
            format!(
                "row {line} has {} fields, at most {}",
                limits::thousands_en(n_fields),
                limits::thousands_en(limits::MAX_COLUMNS)
            ),
        ],
    )
    .at(Location::file(name).row(line))
}

/// The decimal votes of the records read as data: below the header, above the notes below the
/// table, filled, and not a lone cell in a table of three columns or more.
fn data_votes(
    meta: &[u32],
    votes_of: &[(u32, DecimalVotes)],
    plan: &sniff::Plan,
    width: usize,
) -> DecimalVotes {
    let below_abs = (plan.header + 1).saturating_add(plan.below_from);
    let mut votes = DecimalVotes::default();
    for (k, v) in votes_of {
        let k = *k as usize;
        let n = meta.get(k).map_or(0, |&m| m as usize);
        if k > plan.header && k < below_abs && n > 0 && !(n == 1 && width >= 3) {
            votes.merge(v);
        }
    }
    votes
}

/// The filled records between the header and the notes below the table.
fn data_rows(meta: &[u32], plan: &sniff::Plan) -> usize {
    meta.iter()
        .skip(plan.header + 1)
        .take(plan.below_from)
        .filter(|&&m| m > 0)
        .count()
}

/// Where a piece of text is cut in two for its halves to be counted at once: after the first
/// line break past its middle, when it has `from` bytes or more (a quarter of a piece: 1 MB)
/// and holds no quote (so every line break ends a record); `None` otherwise.
fn split_point(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.len() < from.max(2) || find_byte(bytes, 0, b'"').is_some() {
        return None;
    }
    let mid = find_byte(bytes, bytes.len() / 2, b'\n')? + 1;
    (mid < bytes.len()).then_some(mid)
}

#[cfg(test)]
thread_local! {
    /// Pieces the first pass counted in two halves on this thread (tests check it happens).
    static SPLITS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Files whose rows were read ahead, on this thread: kept, and read again in a second pass.
    static AHEAD: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
    /// Helpers' rows taken over by the main reading, on this thread.
    static TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts a file whose rows were read ahead: `kept`, or read again (tests check both happen).
fn counted_ahead(kept: bool) {
    #[cfg(test)]
    AHEAD.with(|n| {
        let (k, again) = n.get();
        n.set(if kept { (k + 1, again) } else { (k, again + 1) });
    });
    #[cfg(not(test))]
    let _ = kept;
}

impl CsvReader {
    /// Reading a CSV file of `size` bytes called `name`.
    pub fn new(name: &str, size: usize) -> CsvReader {
        let step = (size / 100).max(1 << 20);
        CsvReader {
            name: name.to_string(),
            size,
            piece: PIECE,
            threads: threaded(size),
            step,
            stage: Stage::First(Box::new(First::new(size, None, step))),
            #[cfg(feature = "full")]
            split: Split::Alone,
        }
    }

    /// The main reading of a file read by two ([`Split`]): it reads up to byte `at` (the
    /// start of the first record after a line break), then waits ([`CsvReader::waits`]) for
    /// the helper's rows ([`CsvReader::take_over`]).
    #[cfg(feature = "full")]
    pub fn main(name: &str, size: usize, at: usize) -> CsvReader {
        let mut r = CsvReader::new(name, size);
        r.split_main(at);
        r
    }

    /// This reading (no byte given yet) made the main reading of a file split at `at`.
    #[cfg(feature = "full")]
    pub(crate) fn split_main(&mut self, at: usize) {
        self.threads = false;
        self.split = Split::Main { at };
    }

    /// The helper of a file read by two ([`Split`]): it reads the file's first piece (for the
    /// header and what the rows are like), then from byte `at` to the end, and gives its rows
    /// ([`CsvReader::handover`]).
    #[cfg(feature = "full")]
    pub fn helper(name: &str, size: usize, at: usize) -> CsvReader {
        let mut r = CsvReader::new(name, size);
        r.threads = false;
        r.split = Split::Helper { at, jumped: false };
        r
    }

    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// Whether no byte was given yet.
    pub(crate) fn fresh(&self) -> bool {
        matches!(&self.stage, Stage::First(f) if f.pieces.offset() == 0 && f.planned.is_empty())
    }

    /// Whether the main reading has reached the helper's part and waits for its rows.
    #[cfg(feature = "full")]
    pub fn waits(&self) -> bool {
        match (&self.split, &self.stage) {
            (Split::Main { at }, Stage::First(f)) => f.pieces.offset() >= *at,
            _ => false,
        }
    }

    /// The helper, past its first piece: on to byte `at`, counting and reading from there as
    /// if the file started there (line 1; the main reading shifts what it is handed).
    #[cfg(feature = "full")]
    fn jump(f: &mut First, size: usize, at: usize) {
        let keep = f.planned.first().map_or(0, |p| p.keep).max(1);
        f.pieces = Pieces::starting_at(size, at, f.pieces.encoding);
        f.meta.clear();
        f.votes_of.clear();
        f.planned.clear();
        f.line = 1;
        f.taken = 0;
        f.any_text = false;
        f.next_report = at;
        if let Some(rows) = f.ahead.as_deref_mut().and_then(|s| s.rows.as_mut()) {
            // Room for as many rows per byte as the first piece had.
            let per_byte = rows.part.row_numbers.len() as f64 / keep as f64;
            let hint = (per_byte * size.saturating_sub(at) as f64 * 1.02) as usize + 16;
            rows.part = Part::new(&rows.names, hint.min(limits::MAX_ROWS));
            rows.first_body = 0;
        }
    }

    /// The helper's rows, counts and pieces as bytes, once its part is read; `None` when it
    /// could not read them (the main reading then reads that part itself).
    #[cfg(feature = "full")]
    pub fn handover(&self) -> Option<Vec<u8>> {
        let Split::Helper { at, jumped: true } = self.split else {
            return None;
        };
        let Stage::First(f) = &self.stage else {
            return None;
        };
        let rows = f.ahead.as_ref()?.rows.as_ref()?;
        if !f.pieces.at_end() {
            return None;
        }
        let size: usize = rows.part.columns.iter().map(Column::wire_size).sum();
        let mut w = super::wire::Wire(Vec::with_capacity(size + f.meta.len() * 4 + 1024));
        w.str(HANDOVER);
        w.usize(self.size);
        w.usize(at);
        w.u32(rows.body.decimal as u32);
        w.u8(encoding_code(f.pieces.encoding));
        w.u8(u8::from(f.pieces.non_ascii()));
        w.u8(u8::from(f.any_text));
        w.usize(f.line);
        w.repeats(&f.meta);
        w.usize(f.votes_of.len());
        for (k, v) in &f.votes_of {
            w.u32(*k);
            for n in [v.comma, v.dot, v.ambiguous, v.ambiguous_dot] {
                w.usize(n);
            }
        }
        w.usize(f.planned.len());
        for p in &f.planned {
            for n in [p.raw, p.keep, p.records, p.line] {
                w.usize(n);
            }
        }
        rows.part.write_to(&mut w);
        Some(w.0)
    }

    /// The main reading, waiting at the helper's part: takes the helper's rows (`handed`, from
    /// [`CsvReader::handover`]) when they continue its own exactly, and then ends the first
    /// pass as at the end of the file. Otherwise (nothing handed, the cut inside a quoted cell,
    /// another encoding after the cut) it reads that part itself, as one reading would.
    /// Whether the rows were taken.
    #[cfg(feature = "full")]
    pub fn take_over(
        &mut self,
        handed: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<bool> {
        let Split::Main { at } = self.split else {
            return Ok(false);
        };
        self.split = Split::Alone;
        let Stage::First(f) = &mut self.stage else {
            return Ok(false);
        };
        let Some(delimiter) = f.delimiter else {
            return Ok(false);
        };
        if !Self::taken_over(self.size, f, at, handed) {
            return Ok(false);
        }
        progress(self.size, self.size.max(1));
        let stage = std::mem::replace(&mut self.stage, Stage::Failed);
        if let Stage::First(f) = stage {
            self.stage = self.ended(f, delimiter)?;
        }
        Ok(true)
    }

    /// Appends the helper's rows and counts to the first pass `f`, waiting at `at`, when they
    /// continue it exactly; false (and `f` as it was) otherwise.
    #[cfg(feature = "full")]
    fn taken_over(size: usize, f: &mut First, at: usize, handed: &[u8]) -> bool {
        let whole = f.pieces.offset() == at && f.pieces.text.is_empty() && f.pieces.whole();
        let Some(rows) = f.ahead.as_deref_mut().and_then(|s| s.rows.as_mut()) else {
            return false;
        };
        let Some(h) = Handed::read(handed, &rows.names) else {
            return false;
        };
        // (Rows read with another decimal separator than this reading's hold other numbers.)
        if !whole || h.size != size || h.at != at || h.decimal != rows.body.decimal {
            return false;
        }
        // The encoding one reading would have named for both parts (see `Encoding::joined`): the
        // text is the same however the two parts were read, as bytes that are not UTF-8 are
        // read as Windows-1252 a byte each and the rest as UTF-8 in every part.
        let Some(encoding) = Encoding::joined(
            (f.pieces.encoding, f.pieces.non_ascii()),
            (h.encoding, h.non_ascii),
        ) else {
            return false;
        };
        let records = f.meta.len();
        if records + h.meta.len() > limits::MAX_ROWS {
            return false;
        }
        let shift = f.line - 1;
        f.meta.extend_from_slice(&h.meta);
        f.votes_of
            .extend(h.votes_of.into_iter().map(|(k, v)| (k + records as u32, v)));
        f.planned.extend(h.planned.into_iter().map(|p| Planned {
            records: p.records + records,
            line: p.line + shift,
            ..p
        }));
        f.line = h.line + shift;
        f.any_text |= h.any_text;
        let mut part = h.part;
        part.shift(shift);
        for (c, w) in rows.part.columns.iter_mut().zip(&h.columns) {
            c.append_wire(w);
        }
        rows.part.append(part);
        f.pieces.read_elsewhere(size - at, encoding);
        #[cfg(test)]
        TAKEN.with(|n| n.set(n.get() + 1));
        true
    }

    /// Whether this is a helper past its first piece (see [`Split`]; never in the first core).
    fn helping(&self) -> bool {
        #[cfg(feature = "full")]
        return matches!(self.split, Split::Helper { jumped: true, .. });
        #[cfg(not(feature = "full"))]
        false
    }

    /// Takes the file in pieces of `piece` bytes (before the first is given).
    pub(crate) fn set_piece(&mut self, piece: usize) {
        self.piece = piece.max(1);
    }

    /// The bytes to give next, `(offset, length)`, or `None` when [`CsvReader::finish`] is next.
    pub fn want(&mut self) -> Option<(usize, usize)> {
        match &mut self.stage {
            Stage::First(f) => {
                if f.pieces.at_end() {
                    return None;
                }
                #[cfg(feature = "full")]
                let cap = match &mut self.split {
                    Split::Main { at } => {
                        let at = *at;
                        if f.pieces.offset() >= at {
                            return None; // waiting for the helper's rows
                        }
                        at - f.pieces.offset()
                    }
                    Split::Helper { at, jumped } => {
                        if !*jumped {
                            // The header is read: on to the helper's part of the file.
                            if f.planned.is_empty() {
                                usize::MAX
                            } else if f.ahead.is_some() {
                                *jumped = true;
                                Self::jump(f, self.size, *at);
                                usize::MAX
                            } else {
                                self.stage = Stage::Failed;
                                return None;
                            }
                        } else if f.ahead.is_none() {
                            // A row in error: the main reading reads it itself.
                            self.stage = Stage::Failed;
                            return None;
                        } else {
                            usize::MAX
                        }
                    }
                    Split::Alone => usize::MAX,
                };
                #[cfg(not(feature = "full"))]
                let cap = usize::MAX;
                #[cfg(feature = "full")]
                let Stage::First(f) = &mut self.stage
                else {
                    return None;
                };
                // A record longer than a piece: take as much again (linear, not quadratic).
                // The first pieces are smaller, growing to a whole one: the engine has the
                // reading code optimised after a few calls, and a call runs to its end in the
                // code it started in.
                let ramp = if self.piece == PIECE {
                    self.piece.min(f.pieces.offset().max(RAMP))
                } else {
                    self.piece
                };
                let len = ramp.max(f.pieces.text.len()).min(cap);
                Some(f.pieces.want(len))
            }
            Stage::Second(s) => {
                if s.next.is_none() {
                    s.next = s.planned.next();
                }
                let p = s.next?;
                Some(s.pieces.want(p.raw))
            }
            Stage::Failed => None,
        }
    }

    /// Takes the bytes [`CsvReader::want`] asked for (fewer: the file ends there).
    pub fn give(&mut self, bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Result<()> {
        let stage = std::mem::replace(&mut self.stage, Stage::Failed);
        self.stage = match stage {
            Stage::First(mut f) => {
                // (Only in the first core, which reads the built-in data, can decoding ask for
                // a new start: the full core reads bytes that are not UTF-8 where they are.)
                if f.pieces.fill(bytes).is_err() {
                    // The helper read its part as UTF-8 and finds it is not: the main reading
                    // reads that part itself.
                    if self.helping() {
                        return Ok(());
                    }
                    // Read again from the start as Windows-1252.
                    Stage::First(Box::new(First::new(
                        self.size,
                        Some(Encoding::Windows1252),
                        self.step,
                    )))
                } else {
                    f.taken += bytes.len();
                    self.first(f, progress)?
                }
            }
            Stage::Second(mut s) => {
                self.second(&mut s, bytes, progress)?;
                Stage::Second(s)
            }
            Stage::Failed => Stage::Failed,
        };
        Ok(())
    }

    /// The first pass over the text at hand: every whole record in it (all of it, at the end).
    fn first(&self, mut f: Box<First>, progress: &mut dyn FnMut(usize, usize)) -> Result<Stage> {
        let name = self.name.as_str();
        let total = self.size.max(1);
        let last = f.pieces.at_end();
        // The first piece holds the first 30 filled lines: the delimiter is told from them.
        let delimiter = match f.delimiter {
            Some(d) => d,
            None if last || enough_lines(&f.pieces.text) => {
                let d = sniff_delimiter(&f.pieces.text);
                f.delimiter = Some(d);
                d
            }
            None => return Ok(Stage::First(f)),
        };
        let First {
            pieces,
            meta,
            votes_of,
            planned,
            line,
            any_text,
            taken,
            next_report,
            ahead,
            ..
        } = &mut *f;
        let text: &str = &pieces.text;
        *any_text |= !text.trim().is_empty();
        if last {
            if let Some(open) = unclosed_quote(text, delimiter) {
                let row = line_of(text, delimiter, *line, open);
                return Err(Error::new2(
                    ErrorKind::Parse,
                    format!(
                        "Rij {row} opent een aanhalingsteken (\") dat nergens wordt gesloten: alles daarna, tot het einde van het bestand, zou als één cel worden gelezen. Sluit het aanhalingsteken of verwijder het."
                    ),
                    format!(
                        "Row {row} opens a quote (\") that is never closed: everything after it, to the end of the file, would be read as one cell. Close the quote or remove it."
                    ),
                )
                .at(Location::file(name).row(row)));
            }
        }
        let (records_before, line_before) = (meta.len(), *line);
        let before = pieces.before;
        // Rows read ahead: this piece's records counted as they are read into the columns. When
        // that fails (an error in a row, which the second pass reports in its turn), the piece
        // is counted the usual way and the file read a second time.
        let read_ahead = ahead.as_deref_mut().and_then(|s| {
            let votes_before = votes_of.len();
            let counts = (&mut *meta, &mut *votes_of);
            let r = self.read_ahead(s, text, (*line, last, before), counts, progress);
            if r.is_none() {
                meta.truncate(records_before);
                votes_of.truncate(votes_before);
            }
            r
        });
        if read_ahead.is_none() && ahead.take().is_some() {
            counted_ahead(false);
        }
        // Progress about once per step, by the offset in this text.
        let mut next = next_report.saturating_sub(before);
        let mut report = |end: usize| {
            let done = before + end;
            progress(done.min(total) / 2, total);
            end + self.step
        };
        // (Looked for only on two threads: on one, a piece is not scanned for quotes in vain.)
        let split = self
            .threads
            .then(|| split_point(text, self.piece / 4))
            .flatten();
        let (end_line, keep) = match (read_ahead, split) {
            (Some(counted), _) => counted,
            // A large piece without quotes: its two halves counted at once, on two threads.
            (None, Some(mid)) => {
                #[cfg(test)]
                SPLITS.with(|n| n.set(n.get() + 1));
                let (head, tail) = text.split_at(mid);
                let (mut meta_b, mut votes_b) = (Vec::new(), Vec::new());
                let (a, b) = std::thread::scope(|scope| {
                    let b = scope.spawn(|| {
                        let mut never = usize::MAX;
                        let mut quiet = |_| usize::MAX;
                        let counts = (&mut meta_b, &mut votes_b);
                        tally(
                            name, tail, delimiter, 1, last, counts, &mut never, &mut quiet,
                        )
                    });
                    let counts = (&mut *meta, &mut *votes_of);
                    let a = tally(
                        name,
                        head,
                        delimiter,
                        *line,
                        false,
                        counts,
                        &mut next,
                        &mut report,
                    );
                    (a, b.join())
                });
                let (line_a, _) = a?;
                let b = b.unwrap_or_else(|e| std::panic::resume_unwind(e));
                match b {
                    Ok((line_b, keep_b)) if meta.len() + meta_b.len() <= limits::MAX_ROWS => {
                        let offset = meta.len() as u32;
                        meta.append(&mut meta_b);
                        votes_of.extend(votes_b.into_iter().map(|(k, v)| (k + offset, v)));
                        next = report(mid + keep_b);
                        (line_a + line_b - 1, mid + keep_b)
                    }
                    // An error or too many rows: the second half again after the first, for
                    // the message read in one go gives.
                    _ => {
                        let mut never = usize::MAX;
                        let counts = (&mut *meta, &mut *votes_of);
                        let (l, k) = tally(
                            name,
                            tail,
                            delimiter,
                            line_a,
                            last,
                            counts,
                            &mut never,
                            &mut |_| usize::MAX,
                        )?;
                        (l, mid + k)
                    }
                }
            }
            (None, None) => tally(
                name,
                text,
                delimiter,
                *line,
                last,
                (&mut *meta, &mut *votes_of),
                &mut next,
                &mut report,
            )?,
        };
        // The file's first record: pandas' header over an index without a name, perhaps.
        #[cfg(feature = "full")]
        if records_before == 0 {
            if let Some(m) = meta.first_mut() {
                *m = unnamed_index_header(*m, text, delimiter);
            }
        }
        *line = end_line;
        *next_report = before.saturating_add(next);
        planned.push(Planned {
            raw: std::mem::take(taken),
            keep: if last { usize::MAX } else { keep },
            records: records_before,
            line: line_before,
        });
        // (The helper, past the first piece, reads rows only where the main reading reads them.)
        let helping = self.helping();
        if !last {
            if planned.len() == 1 && !self.threads && !helping {
                let how = (delimiter, pieces.encoding);
                *ahead = self.start_ahead(text, keep, (meta, votes_of), how);
            }
            pieces.keep_from(keep);
            return Ok(Stage::First(f));
        }
        // The helper's part is read: its rows are handed over as they are.
        if helping {
            return Ok(Stage::First(f));
        }
        self.ended(f, delimiter)
    }

    /// The first pass at the file's end: the plan of the table, and the rows read ahead or else
    /// the second pass.
    // (Boxed as the pass is kept: moving it out would copy it.)
    #[allow(clippy::boxed_local)]
    fn ended(&self, mut f: Box<First>, delimiter: u8) -> Result<Stage> {
        let name = self.name.as_str();
        let First {
            pieces,
            meta,
            votes_of,
            any_text,
            ahead,
            ..
        } = &mut *f;
        if !*any_text {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand is leeg.",
                "The file is empty.",
            )
            .at(Location::file(name)));
        }
        let Some(plan) = sniff::plan(meta.as_slice()) else {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand bevat geen tabel: geen regel met ten minste twee gevulde kolommen.",
                "The file holds no table: no line with at least two filled columns.",
            )
            .at(Location::file(name)));
        };
        if let Some(s) = ahead.take() {
            let done = self.finish_ahead(s, &plan, (meta, votes_of), pieces.encoding);
            counted_ahead(done.is_some());
            if let Some(done) = done {
                return Ok(Stage::Second(done));
            }
        }
        let f = *f;
        Ok(Stage::Second(Box::new(Second::start(
            Pieces::new(self.size, Some(f.pieces.encoding)),
            f.planned,
            (delimiter, plan, f.pieces.encoding),
            (f.meta, f.votes_of),
            None,
        ))))
    }

    /// The second pass over the next piece: titles and header until they are read, then rows.
    fn second(
        &self,
        s: &mut Second,
        bytes: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<()> {
        let name = self.name.as_str();
        let total = self.size.max(1);
        let Some(p) = s.next.take() else {
            return Ok(());
        };
        let before = s.pieces.before;
        // Not UTF-8 where the first reading found it was: the file changed meanwhile.
        s.pieces.fill(bytes).map_err(|_| changed(name))?;
        let mut text = std::mem::take(&mut s.pieces.text);
        let keep = p.keep.min(text.len());
        if !text.is_char_boundary(keep) {
            return Err(changed(name));
        }
        s.pieces.before += keep;
        let mut tick = |done: usize| {
            progress(total / 2 + done.min(total) / 2, total);
            true
        };
        if let Some(rows) = s.rows.as_mut().filter(|_| self.threads) {
            // Two pieces at once: each owns its text.
            s.pieces.text = text[keep..].to_string();
            text.truncate(keep);
            let piece = Piece {
                text,
                records: p.records,
                line: p.line,
                before,
            };
            let Some(a) = s.pending.take() else {
                s.pending = Some(piece);
                return Ok(());
            };
            return rows.two(&a, &piece, s.delimiter, &mut tick);
        }
        // One piece at a time: read where it lies, and the buffer kept for the next piece (the
        // record cut at its end moved to the front), not a new one per piece.
        let done = self.read_piece(s, &text[..keep], p, before, &mut tick);
        text.drain(..keep);
        s.pieces.text = text;
        done
    }

    /// Reads the records of one piece of text (whole records, from record `p.records` on line
    /// `p.line`; `before` bytes of text before it): titles and the header first, then rows.
    fn read_piece(
        &self,
        s: &mut Second,
        text: &str,
        p: Planned,
        before: usize,
        tick: &mut dyn FnMut(usize) -> bool,
    ) -> Result<()> {
        let Some(rows) = s.rows.as_mut() else {
            // Titles and the header, then the rows after it in the same piece.
            let mut fields: Vec<Cow<str>> = Vec::new();
            let mut records = Records::at(text, s.delimiter, 0, p.line);
            let mut r = p.records;
            let mut header_cells = None;
            while r <= s.plan.header {
                let Some(at) = records.next_into(&mut fields) else {
                    break;
                };
                if r < s.plan.header {
                    if filled(&fields) > 0 {
                        s.titles
                            .push((at.line, sniff::row_text(&cells_of(&fields))));
                    }
                    #[cfg(feature = "full")]
                    if r + 1 == s.plan.header && filled(&fields) >= 2 {
                        s.above = Some((at.line, cells_of(&fields)));
                    }
                } else {
                    header_cells = Some((at.line, cells_of(&fields)));
                }
                r += 1;
            }
            #[cfg(feature = "full")]
            {
                if let Some(h) = header_cells {
                    s.head = Some(Head {
                        header: h,
                        after: Vec::new(),
                        raw: String::new(),
                    });
                }
                let last = p.keep == usize::MAX;
                return self.header_below(s, records, last, &mut |end| tick(before + end));
            }
            #[cfg(not(feature = "full"))]
            {
                let Some(header_cells) = header_cells else {
                    return Ok(());
                };
                let mut rows = self.header(s, header_cells)?;
                rows.body
                    .read(&mut records, 0, &mut rows.part, None, &mut |end| {
                        tick(before + end)
                    })?;
                drop(fields);
                s.rows = Some(rows);
                return Ok(());
            }
        };
        let from = p.records.saturating_sub(rows.first_body);
        let mut records = Records::at(text, s.delimiter, 0, p.line);
        rows.body
            .read(&mut records, from, &mut rows.part, None, &mut |end| {
                tick(before + end)
            })
    }

    /// The records after the header kept (`s.head`) until they tell whether the row below it
    /// is the second row of the header, then the header read and the rows after it (those kept,
    /// and the rest of `records`, whose text ends the file when `last`). Across pieces: the
    /// records are kept as text and read as rows once the header is known.
    #[cfg(feature = "full")]
    fn header_below(
        &self,
        s: &mut Second,
        mut records: Records,
        last: bool,
        tick: &mut dyn FnMut(usize) -> bool,
    ) -> Result<()> {
        let Some(head) = s.head.as_mut() else {
            return Ok(());
        };
        let mut fields: Vec<Cow<str>> = Vec::new();
        while !head.decided() {
            let Some(at) = records.next_into(&mut fields) else {
                break;
            };
            let raw = records.text.get(at.start..at.end).unwrap_or_default();
            head.after
                .push((at.line, cells_of(&fields), filled(&fields), head.raw.len()));
            head.raw.push_str(raw);
        }
        drop(fields);
        if !head.decided() && !last {
            return Ok(());
        }
        let Some(head) = s.head.take() else {
            return Ok(());
        };
        s.below = head.below();
        let mut rows = self.header(s, head.header)?;
        // The row below the header taken into it: the rows kept start after it.
        let skip = rows.first_body - (s.plan.header + 1);
        if let Some(&(line, _, _, from)) = head.after.get(skip) {
            let mut kept = Records::at(&head.raw[from..], s.delimiter, 0, line);
            rows.body
                .read(&mut kept, 0, &mut rows.part, None, &mut |_| true)?;
        }
        let next = head.after.len().saturating_sub(skip);
        rows.body
            .read(&mut records, next, &mut rows.part, None, tick)?;
        s.rows = Some(rows);
        Ok(())
    }

    /// Starts reading ahead after the first piece (`text`, whose whole records end at `keep`,
    /// counted into `counts`): when the table's header is among them, its titles, header and
    /// rows are read now, and so are the rows of each piece after it as it is counted, so the
    /// file is read once instead of twice. Assumed meanwhile: no notes below the table, the
    /// decimal separator of these rows; checked at the end ([`CsvReader::finish_ahead`]).
    /// Natively a large file is read on two threads instead.
    fn start_ahead(
        &self,
        text: &str,
        keep: usize,
        counts: (&[u32], &[(u32, DecimalVotes)]),
        (delimiter, encoding): (u8, Encoding),
    ) -> Option<Box<Second>> {
        let (meta, votes_of) = counts;
        let plan = sniff::plan(meta)?;
        // Room for as many rows per byte in the rest of the file.
        let per_byte = data_rows(meta, &plan) as f64 / keep.max(1) as f64;
        let hint = (per_byte * self.size as f64 * 1.02) as usize;
        let plan = sniff::Plan {
            header: plan.header,
            below_from: usize::MAX,
        };
        let mut s = Second::start(
            Pieces::new(0, Some(encoding)),
            Vec::new(),
            (delimiter, plan, encoding),
            (meta.to_vec(), votes_of.to_vec()),
            Some(hint.min(limits::MAX_ROWS)),
        );
        // Progress is not told again for this piece: the count of it was.
        let mut tick = |_| true;
        let first = Planned {
            raw: 0,
            keep,
            records: 0,
            line: 1,
        };
        self.read_piece(&mut s, text.get(..keep)?, first, 0, &mut tick)
            .ok()?;
        s.rows.is_some().then_some(Box::new(s))
    }

    /// Reads the rows of the next piece ahead (`text`, its first record on `line`, `before`
    /// bytes of text before it), keeping each record's count in `counts` as [`tally`] does:
    /// the line after the last record read and where the record left for the next piece
    /// starts, as [`tally`] gives them; `None` when a row is in error. Progress runs by the
    /// bytes read, to the whole file (this reading is both), past the half the count of the first
    /// piece told; if the rows are read again after all, that second pass tells it from the
    /// half on.
    fn read_ahead(
        &self,
        s: &mut Second,
        text: &str,
        (line, last, before): (usize, bool, usize),
        counts: (&mut Vec<u32>, &mut Vec<(u32, DecimalVotes)>),
        progress: &mut dyn FnMut(usize, usize),
    ) -> Option<(usize, usize)> {
        let rows = s.rows.as_mut()?;
        let (meta, votes_of) = counts;
        let from = meta.len().checked_sub(rows.first_body)?;
        let mut records = Records::at(text, s.delimiter, 0, line);
        let mut counting = Counting {
            meta,
            votes_of,
            last,
            left: None,
        };
        let total = self.size.max(1);
        let mut tick = |end: usize| {
            progress((before + end).min(total), total);
            true
        };
        let part = &mut rows.part;
        rows.body
            .read(&mut records, from, part, Some(&mut counting), &mut tick)
            .ok()?;
        Some(match counting.left {
            Some((start, line)) => (line, start),
            None => (records.line, text.len()),
        })
    }

    /// The rows read ahead, once the whole file is counted, when what was assumed holds: the
    /// header where the file's counts put it, nothing but blank lines below the table, the same decimal
    /// separator from all rows (their votes then replace the first piece's), a table within
    /// the limits. `None`: the rows are read again, in a second pass. `encoding`: as the whole
    /// file was read (an ASCII start followed by Windows-1252 bytes is read on as that).
    fn finish_ahead(
        &self,
        mut s: Box<Second>,
        plan: &sniff::Plan,
        (meta, votes_of): (&[u32], &[(u32, DecimalVotes)]),
        encoding: Encoding,
    ) -> Option<Box<Second>> {
        s.encoding = encoding;
        let rows = s.rows.as_mut()?;
        rows.detected.encoding = Some(encoding.label().into());
        // Rows below the table were read as data, unless all blank (skipped either way: a file
        // that ends in empty lines is still read once).
        let below = (plan.header + 1).saturating_add(plan.below_from);
        let notes_below = meta.get(below..).is_some_and(|r| r.iter().any(|&m| m > 0));
        if plan.header != s.plan.header || notes_below {
            return None;
        }
        let votes = data_votes(meta, votes_of, plan, rows.body.width);
        if votes.decide(s.delimiter) != rows.body.decimal {
            return None;
        }
        let n = data_rows(meta, plan);
        limits::check_cells(&self.name, n, rows.names.len(), self.size).ok()?;
        rows.votes = votes;
        Some(s)
    }

    /// Reads the header: the columns' names, the decimal separator, what was detected.
    fn header(&self, s: &mut Second, header_cells: (usize, Vec<RawCell>)) -> Result<Rows> {
        let name = self.name.as_str();
        let (plan, delimiter, encoding) = (&s.plan, s.delimiter, s.encoding);
        let votes_of = std::mem::take(&mut s.votes_of);
        let meta = std::mem::take(&mut s.meta);
        let titles = std::mem::take(&mut s.titles);
        #[allow(unused_mut)]
        let (mut header_row, header) = header_cells;
        #[allow(unused_mut)]
        let mut fields_in_header = header.len();
        #[allow(unused_mut)]
        let mut width = header
            .iter()
            .rposition(|c| !c.is_blank())
            .map_or(0, |j| j + 1);
        let header_key: Vec<String> = header[..width.min(header.len())]
            .iter()
            .map(RawCell::display)
            .collect();
        // The header's other row, when it is over two rows: a repeat of it is a repeated header.
        #[cfg(feature = "full")]
        let above_key = s.above.as_ref().map(|(_, c)| sniff::RowKey::of(c));
        #[cfg(feature = "full")]
        let (header, titles, two_rows) =
            with_group_row(s.above.take(), (header_row, header), width, titles);
        #[cfg(feature = "full")]
        let mut other_key = two_rows.as_ref().and(above_key);
        // Else the rows below the header may be part of it (see `sniff::header_below`).
        #[cfg(feature = "full")]
        let (header, two_rows, under) = match (two_rows, s.below.take()) {
            (None, Some(((row, lower), next, then))) => {
                let index = then
                    .as_ref()
                    .map(|((r, cells), after)| ((*r, cells.as_slice()), after.as_deref()));
                match sniff::header_below(
                    (header_row, &header),
                    (row, &lower),
                    next.as_deref(),
                    index,
                ) {
                    Some((cells, nl, en, last_row, took)) => {
                        header_row = last_row;
                        other_key = Some(sniff::RowKey::of(&lower));
                        fields_in_header = fields_in_header.max(lower.len());
                        width = cells
                            .iter()
                            .rposition(|c| !c.is_blank())
                            .map_or(0, |j| j + 1);
                        (cells, Some((nl, en)), took)
                    }
                    None => (header, None, 0),
                }
            }
            (two, _) => (header, two, 0),
        };
        #[cfg(not(feature = "full"))]
        let under = 0;

        // The decimal separator from the votes of the rows that will be read as data.
        let votes = data_votes(&meta, &votes_of, plan, width);
        drop(votes_of);
        let decimal = votes.decide(delimiter);

        let mut detected = Detected {
            format: "csv".into(),
            encoding: Some(encoding.label().into()),
            delimiter: Some((delimiter as char).to_string()),
            decimal: Some(decimal.to_string()),
            header_row,
            ..Default::default()
        };
        if let Some((nl, en)) = titles_note(&titles) {
            detected.note(nl, en);
        }
        #[cfg(feature = "full")]
        if let Some((nl, en)) = two_rows {
            detected.note(nl, en);
        }
        let names = column_names(&header, width, &mut detected, |j| {
            format!("kolom_{}", j + 1)
        });
        for n in &names {
            if n.len() > limits::MAX_CELL_BYTES {
                return Err(limits::exceeded(
                    name,
                    ["de lengte van een cel", "the length of a cell"],
                    [
                        format!(
                            "een kolomnaam van {} bytes, ten hoogste {}",
                            thousands(n.len()),
                            thousands(limits::MAX_CELL_BYTES)
                        ),
                        format!(
                            "a column name of {} bytes, at most {}",
                            limits::thousands_en(n.len()),
                            limits::thousands_en(limits::MAX_CELL_BYTES)
                        ),
                    ],
                ));
            }
        }
        let data_estimate = data_rows(&meta, plan);
        limits::check_cells(name, data_estimate, names.len(), self.size)?;
        drop(meta);
        let part = Part::new(&names, s.rows_hint.unwrap_or(data_estimate));
        Ok(Rows {
            body: Body {
                name: name.to_string(),
                width,
                fields_in_header,
                header_key,
                #[cfg(feature = "full")]
                other_key,
                below_from: plan.below_from.saturating_sub(under),
                delimiter,
                decimal,
                step: self.step,
            },
            names,
            detected,
            votes,
            part,
            first_body: plan.header + 1 + under,
        })
    }

    /// The table, once [`CsvReader::want`] wants nothing more.
    pub fn finish(self, progress: &mut dyn FnMut(usize, usize)) -> Result<Table> {
        let name = self.name.as_str();
        let total = self.size.max(1);
        let mut s = match self.stage {
            Stage::Second(s) => s,
            // Nothing given (an empty file) or the reading failed.
            _ => {
                return Err(Error::new2(
                    ErrorKind::NoRows,
                    "Het bestand is leeg.",
                    "The file is empty.",
                )
                .at(Location::file(name)))
            }
        };
        let delimiter = s.delimiter;
        let Some(mut rows) = s.rows.take() else {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand bevat geen kopregel.",
                "The file has no header row.",
            )
            .at(Location::file(name)));
        };
        if let Some(a) = s.pending.take() {
            let from = a.records.saturating_sub(rows.first_body);
            let mut records = Records::at(&a.text, delimiter, 0, a.line);
            let mut tick = |done: usize| {
                progress(total / 2 + done.min(total) / 2, total);
                true
            };
            rows.body
                .read(&mut records, from, &mut rows.part, None, &mut |end| {
                    tick(a.before + end)
                })?;
        }
        progress(total, total);
        let Rows {
            part,
            mut detected,
            votes,
            body,
            ..
        } = rows;
        let (width, decimal) = (body.width, body.decimal);
        let Part {
            #[allow(unused_mut)]
            mut columns,
            row_numbers,
            rejected,
            short,
            beyond,
            ..
        } = part;
        // A note under the table whose text holds the delimiter (`Bron: UWV, bewerking SZW`)
        // is a short row, not data: left out as the other notes below are.
        #[cfg(feature = "full")]
        let (mut columns, row_numbers, rejected, short) =
            notes_in_short_rows((columns, row_numbers, rejected, short), delimiter);
        detected.rejected = rejected;
        #[cfg(feature = "full")]
        if detected.encoding.as_deref() == Some(Encoding::Utf8Mixed.label()) {
            detected.note(
                "Tekenset gemengd: het bestand is UTF-8, op enkele tekens na (zoals een naam die uit een ander programma is overgenomen); die zijn als Windows-1252 gelezen",
                "Mixed encoding: the file is UTF-8 except for a few characters (such as a name taken over from another program); those were read as Windows-1252",
            );
        }
        if !short.is_empty() {
            let shown: Vec<String> = short
                .iter()
                .take(5)
                .map(|(r, n)| format!("rij {r} ({n} velden, leeg vanaf kolom {})", n + 1))
                .collect();
            let shown_en: Vec<String> = short
                .iter()
                .take(5)
                .map(|(r, n)| {
                    format!(
                        "row {r} ({n} field{}, empty from column {})",
                        if *n == 1 { "" } else { "s" },
                        n + 1
                    )
                })
                .collect();
            let nl = format!(
                "{} minder velden dan de kopregel ({}); de ontbrekende cellen zijn leeg gelaten: {}{}",
                if short.len() == 1 {
                    "1 rij heeft".to_string()
                } else {
                    format!("{} rijen hebben", short.len())
                },
                width,
                shown.join(", "),
                super::and_more(short.len(), crate::format::Lang::Nl)
            );
            let en = format!(
                "{} fewer fields than the header ({}); the missing cells are left empty: {}{}",
                if short.len() == 1 {
                    "1 row has".to_string()
                } else {
                    format!("{} rows have", short.len())
                },
                width,
                shown_en.join(", "),
                super::and_more(short.len(), crate::format::Lang::En)
            );
            detected.note(nl, en);
        }
        if votes.comma > 0 && votes.dot > 0 {
            detected.note(
                format!(
                    "Getallen in beide notaties: {} met decimaalkomma, {} met decimaalpunt; gelezen met '{decimal}', de andere blijven tekst",
                    votes.comma, votes.dot
                ),
                format!(
                    "Numbers in both notations: {} with decimal comma, {} with decimal point; read with '{decimal}', the others stay text",
                    votes.comma, votes.dot
                ),
            );
        } else if votes.comma == 0 && votes.dot == 0 && votes.ambiguous > 0 {
            // No cell told the separator, so every number with a point has three digits after
            // it. Where they stand beside whole numbers below 1000 in a column (`987`, `4.099`,
            // `12.345`), and no column has a whole number of 1000 or more beside them, the point
            // groups thousands in the whole file: counts, not decimals.
            #[cfg(feature = "full")]
            let grouped = decimal == '.'
                && {
                    let whole = |c: &Column, big: bool| {
                        (0..c.len()).any(|i| {
                            c.number(i)
                                .is_some_and(|v| v.fract() == 0.0 && (v.abs() >= 1000.0) == big)
                        })
                    };
                    let dotted = |c: &Column| {
                        (0..c.len()).any(|i| c.number(i).is_some_and(|v| v.fract() != 0.0))
                    };
                    let sign = columns
                        .iter()
                        .find(|c| whole(c, false) && looks_like_thousands(c))
                        .map(|c| c.name.clone());
                    match sign {
                        Some(h) if !columns.iter().any(|c| dotted(c) && whole(c, true)) => {
                            for c in columns.iter_mut().filter(|c| dotted(c)) {
                                *c = c.point_as_thousands();
                            }
                            detected.decimal = Some(",".to_string());
                            detected.note(
                            format!("Decimaalteken niet af te leiden (alleen getallen als 1.234); gelezen als hele getallen: de punt scheidt de duizendtallen (1.234 = 1234), want in kolom '{h}' staan zulke getallen naast hele getallen onder 1000"),
                            format!("Decimal separator cannot be told (only numbers like 1.234); read as whole numbers: the point groups thousands (1.234 = 1234), as in column '{h}' such numbers stand beside whole numbers below 1000"),
                        );
                            true
                        }
                        _ => false,
                    }
                };
            #[cfg(not(feature = "full"))]
            let grouped = false;
            // A column named as a share or percentage read with a point that groups thousands
            // would hold 56.892 % as 56892 %: its point is a decimal one (pandas' `sep=';'` with
            // `float_format='%.3f'`), whatever the file's other columns say.
            #[cfg(feature = "full")]
            let shares = if decimal == ',' {
                shares_with_point(&mut columns)
            } else {
                Vec::new()
            };
            #[cfg(not(feature = "full"))]
            let shares: Vec<String> = Vec::new();
            if !shares.is_empty() {
                let list = shares
                    .iter()
                    .map(|h| format!("'{h}'"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let (nl, en) = match shares.len() {
                    1 => ("Kolom", "Column"),
                    _ => ("Kolommen", "Columns"),
                };
                detected.note(
                    format!("{nl} {list}: een aandeel of percentage, dus de punt is daar een decimaalpunt (zoals 56.892 = 56,892, niet 56892)"),
                    format!("{en} {list}: a share or percentage, so the point there is a decimal point (such as 56.892 = 56.892, not 56892)"),
                );
            }
            // Where those were the only numbers with a point, the point is the file's decimal one.
            let others_grouped = || {
                columns.iter().any(|c| {
                    !shares.contains(&c.name)
                        && (0..c.len()).any(|i| {
                            c.number(i)
                                .is_some_and(|v| v.fract() == 0.0 && v.abs() >= 1000.0)
                        })
                })
            };
            if !shares.is_empty() && !others_grouped() {
                detected.decimal = Some(".".to_string());
            } else if !grouped {
                let (nl, en) = decimal_guess_note(&votes, decimal, delimiter);
                detected.note(nl, en);
            }
        }
        // The cells like `9.000`, kept as text while the separator was open: read as numbers now.
        #[cfg(feature = "full")]
        if decimal == '.' {
            let grouped = detected.decimal.as_deref() == Some(",");
            read_point_thousands(&mut columns, if grouped { 1000.0 } else { 1.0 });
        }
        // (The first core reads the built-in data only, which has none.)
        // (When no cell told the separator, the note above already says how `1.234` was read.)
        if cfg!(feature = "full") && decimal == '.' && votes.ambiguous_dot > 0 && votes.dot > 0 {
            // (A share or percentage is never 1000 % or more: its point is a decimal one.)
            for c in &columns {
                if looks_like_thousands(c) && !crate::case::names_a_share(&c.name) {
                    let h = &c.name;
                    detected.note(
                        format!("Kolom '{h}': de getallen met een punt hebben drie cijfers erachter (zoals 1.234) en die zonder punt zijn kleiner dan 1000: als de punt daar de duizendtallen scheidt, zijn het hele getallen. Gelezen met decimaalpunt, zoals de rest van het bestand; controleer de kolom."),
                        format!("Column '{h}': the numbers with a point have three digits after it (such as 1.234) and those without one are below 1000: if the point groups thousands there, they are whole numbers. Read with a decimal point, as the rest of the file; check the column."),
                    );
                }
            }
        }
        Table::assembled(name, columns, row_numbers, detected, &beyond)
    }
}

impl Rows {
    /// Reads two pieces at once: this thread reads the first straight into the columns, another
    /// the second, whose rows are then appended (its dictionaries merged in order of first
    /// appearance), so the table, its notes and its first error are the same as read on one
    /// thread.
    fn two(
        &mut self,
        a: &Piece,
        b: &Piece,
        delimiter: u8,
        tick: &mut dyn FnMut(usize) -> bool,
    ) -> Result<()> {
        let stop = std::sync::atomic::AtomicBool::new(false);
        let mut rest = Part::new(
            &self.names,
            (b.text.len() / 16).min(self.part.columns.len() << 20),
        );
        let (body, part, first_body) = (&self.body, &mut self.part, self.first_body);
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let mut records = Records::at(&b.text, delimiter, 0, b.line);
                let mut go = |_| !stop.load(std::sync::atomic::Ordering::Relaxed);
                let from = b.records.saturating_sub(first_body);
                body.read(&mut records, from, &mut rest, None, &mut go)
            });
            let mut records = Records::at(&a.text, delimiter, 0, a.line);
            let from = a.records.saturating_sub(first_body);
            let first = body.read(&mut records, from, part, None, &mut |end| {
                tick(a.before + end)
            });
            if first.is_err() {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            (first, second.join())
        });
        first?;
        match second {
            Ok(r) => r?,
            Err(e) => std::panic::resume_unwind(e),
        }
        self.part.append(rest);
        Ok(())
    }
}

/// Whether a cell opens a note under a table (`Bron: CBS`, `Noot 1`, `* voorlopig`, `© UWV`): a
/// note's word first and then no letter or digit (`Bronckhorst` is a municipality), or a mark.
#[cfg(feature = "full")]
fn opens_a_note(text: &str) -> bool {
    let t = crate::case::lower(text.trim());
    if t.starts_with(['*', '©', '¹', '²', '³']) || t.starts_with("(c)") {
        return true;
    }
    [
        "bron",
        "bronnen",
        "source",
        "sources",
        "noot",
        "noten",
        "voetnoot",
        "voetnoten",
        "toelichting",
        "opmerking",
        "opmerkingen",
        "note",
        "notes",
        "let op",
        "verklaring",
        "copyright",
        "disclaimer",
    ]
    .iter()
    .any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

#[cfg(feature = "full")]
type Read = (
    Vec<Column>,
    RowNumbers,
    Vec<RejectedRow>,
    Vec<(usize, usize)>,
);

/// The last rows of a table that are notes below it split by the delimiter their text holds
/// (`Bron: UWV, bewerking SZW` in a comma-separated file): rows with fewer fields than the header
/// (or fewer than half of their cells filled) whose first filled cell opens a note ([`opens_a_note`]), at most five, after the last row of
/// data. They are taken out of the columns and listed as notes below the table, as a note in one
/// cell is; the rows they leave are as read.
#[cfg(feature = "full")]
fn notes_in_short_rows(read: Read, delimiter: u8) -> Read {
    use super::Cell;
    let (columns, row_numbers, mut rejected, mut short) = read;
    let n = row_numbers.len();
    let first_filled = |i: usize| {
        columns.iter().find_map(|c| match c.get(i) {
            Cell::Missing => None,
            cell => Some(cell),
        })
    };
    let mut k = 0;
    while k < n.min(5) {
        let i = n - 1 - k;
        // Fewer fields than the header, or (the delimiters written out, `Bron: UWV; SZW;;;`)
        // fewer than half of the cells filled.
        let filled = columns.iter().filter(|c| !c.get(i).is_missing()).count();
        let is_short = filled * 2 < columns.len()
            || row_numbers
                .get(i)
                .is_some_and(|r| short.iter().any(|&(row, _)| row == r));
        // In a table of two or three columns a note split by its delimiter fills them all
        // (`Bron: UWV` | `bewerking SZW`): a row of texts only, with a ':' after the word that
        // opens it, beside a column of numbers, is a note too.
        let all_text = || {
            columns.iter().all(|c| !matches!(c.get(i), Cell::Number(_)))
                && columns.iter().any(Column::has_number)
        };
        match first_filled(i) {
            Some(Cell::Text(t)) if is_short && opens_a_note(t) => k += 1,
            Some(Cell::Text(t)) if t.contains(':') && opens_a_note(t) && all_text() => k += 1,
            _ => break,
        }
    }
    if k == 0 {
        return (columns, row_numbers, rejected, short);
    }
    let kept = n - k;
    let sep = format!("{} ", char::from(delimiter));
    for i in kept..n {
        let row = row_numbers.get(i).unwrap_or(i + 1);
        let cells: Vec<String> = columns
            .iter()
            .filter_map(|c| c.get(i).to_value().as_text())
            .collect();
        rejected.push(RejectedRow {
            sheet: None,
            row,
            reason: sniff::REASON_BELOW.to_string(),
            reason_en: sniff::reason_en(sniff::REASON_BELOW).to_string(),
            content: sniff::shorten(&cells.join(&sep), 80),
        });
        short.retain(|&(r, _)| r != row);
    }
    rejected.sort_by_key(|r| r.row);
    let columns = columns
        .into_iter()
        .map(|c| {
            let mut kept_column = Column::with_capacity(c.name.clone(), kept);
            for i in 0..kept {
                kept_column.push(c.get(i).to_value());
            }
            kept_column.spaced = c.spaced.clone();
            kept_column.markers = c.markers.clone();
            kept_column
        })
        .collect();
    let mut numbers = RowNumbers::new();
    for i in 0..kept {
        numbers.push(u32::try_from(row_numbers.get(i).unwrap_or(i + 1)).unwrap_or(u32::MAX));
    }
    (columns, numbers, rejected, short)
}

/// What the helper's bytes start with (and so which form they have).
#[cfg(feature = "full")]
const HANDOVER: &str = "banenverkenner-rijen-1";

#[cfg(feature = "full")]
fn encoding_code(e: Encoding) -> u8 {
    match e {
        Encoding::Utf8 => 0,
        Encoding::Windows1252 => 1,
        Encoding::Utf8Bom => 2,
        Encoding::Utf16Le => 3,
        Encoding::Utf16Be => 4,
        Encoding::Utf8Mixed => 5,
    }
}

/// The helper's part as handed over ([`CsvReader::handover`]).
#[cfg(feature = "full")]
struct Handed<'a> {
    size: usize,
    at: usize,
    /// The decimal separator the helper read its rows with.
    decimal: char,
    encoding: Encoding,
    non_ascii: bool,
    any_text: bool,
    line: usize,
    meta: Vec<u32>,
    votes_of: Vec<(u32, DecimalVotes)>,
    planned: Vec<Planned>,
    /// The rows' columns, still in the bytes (appended from there), and the rest of their part.
    columns: Vec<WireColumn<'a>>,
    part: Part,
}

#[cfg(feature = "full")]
impl<'a> Handed<'a> {
    /// The bytes read back, when they are a handover of rows of the columns `names`.
    fn read(bytes: &'a [u8], names: &[String]) -> Option<Handed<'a>> {
        let mut r = super::wire::Unwire::new(bytes);
        if r.str()? != HANDOVER {
            return None;
        }
        let (size, at) = (r.usize()?, r.usize()?);
        let decimal = char::from_u32(r.u32()?)?;
        let encoding = match r.u8()? {
            0 => Encoding::Utf8,
            1 => Encoding::Windows1252,
            2 => Encoding::Utf8Bom,
            3 => Encoding::Utf16Le,
            4 => Encoding::Utf16Be,
            5 => Encoding::Utf8Mixed,
            _ => return None,
        };
        let (non_ascii, any_text) = (r.u8()? != 0, r.u8()? != 0);
        let line = r.usize()?.max(1);
        let meta = r.repeats(limits::MAX_ROWS)?;
        let n = r.len_of(36)?;
        let mut votes_of = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u32()?;
            let v = DecimalVotes {
                comma: r.usize()?,
                dot: r.usize()?,
                ambiguous: r.usize()?,
                ambiguous_dot: r.usize()?,
            };
            if k as usize >= meta.len() || votes_of.last().is_some_and(|(j, _)| *j >= k) {
                return None;
            }
            votes_of.push((k, v));
        }
        let n = r.len_of(32)?;
        let mut planned = Vec::with_capacity(n);
        for _ in 0..n {
            planned.push(Planned {
                raw: r.usize()?,
                keep: r.usize()?,
                records: r.usize()?,
                line: r.usize()?,
            });
        }
        let (columns, part) = Part::read_from(&mut r, names)?;
        let sane = r.is_empty()
            && line <= limits::MAX_ROWS.saturating_mul(1 << 8)
            && planned
                .iter()
                .all(|p| p.records <= meta.len() && p.line <= line);
        sane.then_some(Handed {
            size,
            at,
            decimal,
            encoding,
            non_ascii,
            any_text,
            line,
            meta,
            votes_of,
            planned,
            columns,
            part,
        })
    }
}

/// Whether the rows are read on two threads: natively, for a file of 4 MB or more (below it a
/// thread costs more than it saves), on a machine with two cores or more.
/// The header combined with the group row right above it (`above`), when the two make a header
/// over two rows ([`sniff::two_row_header`]): the group row is then no title row, and the note
/// that says so is given.
#[cfg(feature = "full")]
#[allow(clippy::type_complexity)]
fn with_group_row(
    above: Option<(usize, Vec<RawCell>)>,
    (header_row, header): (usize, Vec<RawCell>),
    width: usize,
    mut titles: Vec<(usize, String)>,
) -> (Vec<RawCell>, Vec<(usize, String)>, Option<(String, String)>) {
    let Some((row, above)) = above else {
        return (header, titles, None);
    };
    match sniff::two_row_header((row, &above), (header_row, &header), width) {
        Some((cells, nl, en)) => {
            titles.retain(|(r, _)| *r != row);
            (cells, titles, Some((nl, en)))
        }
        None => (header, titles, None),
    }
}

fn threaded(size: usize) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        size >= THREADED_FROM && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = size;
        false
    }
}

/// The first pass's count kept while rows are read (reading ahead): each record's count goes
/// into `meta` and `votes_of` as [`tally`] keeps it; a record the text does not end (unless
/// `last`) stops the reading, left for the next piece.
struct Counting<'c> {
    meta: &'c mut Vec<u32>,
    votes_of: &'c mut Vec<(u32, DecimalVotes)>,
    last: bool,
    /// The start and line of the record left for the next piece.
    left: Option<(usize, usize)>,
}

/// What reading the rows below the header needs to know.
struct Body {
    name: String,
    width: usize,
    fields_in_header: usize,
    header_key: Vec<String>,
    /// The header's other row when it is over two rows (see [`sniff::RowKey`]).
    #[cfg(feature = "full")]
    other_key: Option<sniff::RowKey>,
    below_from: usize,
    delimiter: u8,
    decimal: char,
    /// Bytes between calls of the tick.
    step: usize,
}

/// The rows read from a run of records below the header.
struct Part {
    columns: Vec<Column>,
    row_numbers: RowNumbers,
    rejected: Vec<RejectedRow>,
    short: Vec<(usize, usize)>,
    beyond: Vec<(usize, usize, String)>,
}

impl Part {
    fn new(names: &[String], rows: usize) -> Self {
        Part {
            columns: names
                .iter()
                .map(|n| Column::with_capacity(n.clone(), rows))
                .collect(),
            row_numbers: RowNumbers::new(),
            rejected: Vec::new(),
            short: Vec::new(),
            beyond: Vec::new(),
        }
    }

    /// Every row `by` lines further down (rows read from a later part of the file, counted
    /// from its start).
    #[cfg(feature = "full")]
    fn shift(&mut self, by: usize) {
        self.row_numbers
            .shift(u32::try_from(by).unwrap_or(u32::MAX));
        for r in &mut self.rejected {
            r.row += by;
        }
        for s in &mut self.short {
            s.0 += by;
        }
        for b in &mut self.beyond {
            b.1 += by;
        }
    }

    #[cfg(feature = "full")]
    fn write_to(&self, w: &mut super::wire::Wire) {
        w.usize(self.columns.len());
        for c in &self.columns {
            c.write_to(w);
        }
        self.row_numbers.write_to(w);
        w.usize(self.rejected.len());
        for r in &self.rejected {
            w.usize(r.row);
            w.str(&r.reason);
            w.str(&r.reason_en);
            w.str(&r.content);
        }
        w.usize(self.short.len());
        for (line, n) in &self.short {
            w.usize(*line);
            w.usize(*n);
        }
        w.usize(self.beyond.len());
        for (j, line, t) in &self.beyond {
            w.usize(*j);
            w.usize(*line);
            w.str(t);
        }
    }

    /// A part written by [`Part::write_to`] with the columns `names`, as many rows in each:
    /// its columns still in the bytes, and the rest (a part without columns).
    #[cfg(feature = "full")]
    fn read_from<'a>(
        r: &mut super::wire::Unwire<'a>,
        names: &[String],
    ) -> Option<(Vec<WireColumn<'a>>, Part)> {
        if r.usize()? != names.len() {
            return None;
        }
        let mut columns = Vec::with_capacity(names.len());
        for n in names {
            let c = WireColumn::read_from(r)?;
            if c.name != n {
                return None;
            }
            columns.push(c);
        }
        let row_numbers = RowNumbers::read_from(r)?;
        if columns.iter().any(|c| c.len() != row_numbers.len()) {
            return None;
        }
        let mut part = Part {
            columns: Vec::new(),
            row_numbers,
            rejected: Vec::new(),
            short: Vec::new(),
            beyond: Vec::new(),
        };
        for _ in 0..r.len_of(32)? {
            part.rejected.push(RejectedRow {
                sheet: None,
                row: r.usize()?,
                reason: r.str()?.to_string(),
                reason_en: r.str()?.to_string(),
                content: r.str()?.to_string(),
            });
        }
        for _ in 0..r.len_of(16)? {
            part.short.push((r.usize()?, r.usize()?));
        }
        for _ in 0..r.len_of(24)? {
            let (j, line, t) = (r.usize()?, r.usize()?, r.str()?);
            if j >= names.len() {
                return None;
            }
            part.beyond.push((j, line, t.to_string()));
        }
        Some((columns, part))
    }

    /// Appends the rows of `next`, read from the records after this part's.
    fn append(&mut self, next: Part) {
        for (c, n) in self.columns.iter_mut().zip(next.columns) {
            c.append(n);
        }
        self.row_numbers.extend(next.row_numbers);
        self.rejected.extend(next.rejected);
        self.short.extend(next.short);
        self.beyond.extend(next.beyond);
    }
}

impl Body {
    /// Reads the body records left in `records` into `part`; the first of them is body row
    /// `first` (counted from the row after the header). `tick(end)` is told the byte offset
    /// reached about every `step` bytes; when it returns false the reading stops.
    fn read(
        &self,
        records: &mut Records,
        first: usize,
        part: &mut Part,
        counting: Option<&mut Counting>,
        tick: &mut dyn FnMut(usize) -> bool,
    ) -> Result<()> {
        // In the full core, a cell that is the record before's (rows grouped by their first
        // columns) is counted here instead of pushed: each run is written at once, before the
        // column's next other cell and when the reading ends, however it ends.
        #[cfg(feature = "full")]
        {
            let mut runs = vec![0usize; part.columns.len()];
            let r = self.read_records(records, first, part, counting, tick, &mut runs);
            for (col, &n) in part.columns.iter_mut().zip(&runs) {
                col.repeat_last(n);
            }
            r
        }
        #[cfg(not(feature = "full"))]
        {
            self.read_records(records, first, part, counting, tick, &mut [])
        }
    }

    /// [`Body::read`], the runs of repeated cells not yet written counted in `runs` (one a
    /// column; full core only).
    fn read_records<'a>(
        &self,
        records: &mut Records<'a>,
        first: usize,
        part: &mut Part,
        mut counting: Option<&mut Counting>,
        tick: &mut dyn FnMut(usize) -> bool,
        runs: &mut [usize],
    ) -> Result<()> {
        #[cfg(not(feature = "full"))]
        let _ = &runs;
        let mut fields: Vec<Cow<'a, str>> = Vec::new();
        let mut writers: Vec<CellWriter<'a>> =
            part.columns.iter().map(|_| CellWriter::default()).collect();
        let mut next_report = records.pos + self.step;
        let mut shared = Shared::default();
        // Whether the record before went into the columns (its cells are then each writer's
        // last).
        let mut pushed = false;
        // Where the record before's first byte that may vote is ([`first_vote`]), from its start.
        let mut quiet = 0;
        for i in first.. {
            let Some((at, alike)) = records.next_row(&mut fields, &mut shared) else {
                break;
            };
            let kept = if std::mem::replace(&mut pushed, false) {
                alike
            } else {
                0
            };
            let n = filled(&fields);
            if let Some(c) = counting.as_deref_mut() {
                if !c.last && !at.ended {
                    c.left = Some((at.start, at.line));
                    break;
                }
                // As `Counted::of_fields`, the cells looked at only when one may vote. The
                // bytes this record starts with as the record before did (its first `alike`
                // fields) are looked at again only when the record before may vote there.
                let raw = records.text.get(at.start..at.end).unwrap_or_default();
                let same = alike
                    .checked_sub(1)
                    .and_then(|k| shared.ends.get(k))
                    .map_or(0, |&e| e.min(raw.len()));
                if same <= quiet {
                    let rest = raw.as_bytes().get(same..).unwrap_or_default();
                    quiet = same + first_vote(rest, self.delimiter);
                }
                let counted = Counted {
                    at,
                    fields: fields.len(),
                    filled: n,
                    votes: if quiet < raw.len() {
                        DecimalVotes::count(&fields)
                    } else {
                        DecimalVotes::default()
                    },
                };
                keep_count(&self.name, counted, (&mut *c.meta, &mut *c.votes_of))?;
            }
            if at.end >= next_report {
                if !tick(at.end) {
                    break;
                }
                next_report = at.end + self.step;
            }
            if n == 0 {
                continue;
            }
            let line = at.line;
            // A quoted cell holding whole lines of the table: a quote closed rows later than meant.
            if self.width >= 2 && at.multiline {
                let mut quote_line = line;
                for f in fields.iter().filter(|f| f.as_bytes().contains(&b'\n')) {
                    let breaks = f.matches('\n').count();
                    if breaks > 0 {
                        if let Some(l) = f
                            .lines()
                            .skip(1)
                            .find(|l| row_like(l, self.delimiter, self.width))
                        {
                            return Err(Error::new2(
                                ErrorKind::Parse,
                                format!(
                                    "Een aanhalingsteken (\") in of na rij {quote_line} wordt pas veel later gesloten: de cel bevat regels die zelf rijen van de tabel lijken ('{}'). Controleer de aanhalingstekens in die rij.",
                                    sniff::shorten(l, 60)
                                ),
                                format!(
                                    "A quote (\") in or after row {quote_line} is closed only much later: the cell holds lines that look like rows of the table themselves ('{}'). Check the quotes in that row.",
                                    sniff::shorten(l, 60)
                                ),
                            )
                            .at(Location::file(&self.name).row(line)));
                        }
                    }
                    quote_line += breaks;
                }
            }
            let repeated = || {
                fields.len() >= self.header_key.len()
                    && self
                        .header_key
                        .iter()
                        .zip(fields.iter())
                        .all(|(h, c)| h.as_str() == super::trim(c))
            };
            // Or its other row, when it is over two rows.
            #[cfg(feature = "full")]
            let repeated = || {
                repeated()
                    || self
                        .other_key
                        .as_ref()
                        .is_some_and(|k| k.repeated_by(n, &fields, |k, c| k == super::trim(c)))
            };
            let reason = sniff::classify(i, n, self.width, self.below_from, repeated);
            // A row in another self.delimiter reads as one cell: its numbers would be lost.
            if reason.is_none() || reason == Some(sniff::REASON_SINGLE) {
                if let [one] = fields.as_slice() {
                    if let Some(d) = other_delimiter_text(one, self.delimiter, self.width) {
                        return Err(Error::new2(
                            ErrorKind::Parse,
                            format!(
                                "Rij {line} is gescheiden met {}, de rest van het bestand met {}: de getallen in die rij zouden verloren gaan. Gebruik in het hele bestand hetzelfde scheidingsteken.",
                                delimiter_name(d),
                                delimiter_name(self.delimiter as char)
                            ),
                            format!(
                                "Row {line} is separated by {}, the rest of the file by {}: the numbers in that row would be lost. Use the same delimiter in the whole file.",
                                delimiter_name_en(d),
                                delimiter_name_en(self.delimiter as char)
                            ),
                        )
                        .at(Location::file(&self.name).row(line)));
                    }
                }
            }
            if let Some(reason) = reason {
                part.rejected.push(RejectedRow {
                    sheet: None,
                    row: line,
                    reason: reason.to_string(),
                    reason_en: sniff::reason_en(reason).to_string(),
                    content: sniff::row_text(&cells_of(&fields)),
                });
                continue;
            }
            if fields.len() < self.fields_in_header.min(self.width) {
                part.short.push((line, fields.len()));
            }
            if let Some(extra) = fields
                .iter()
                .enumerate()
                .skip(self.width)
                .rfind(|(_, c)| !is_blank(c))
                .map(|(j, _)| j)
            {
                let e = super::row_too_wide(&self.name, line, n, extra, self.width);
                #[cfg(feature = "full")]
                let e = other_than_commas(e, self.delimiter);
                return Err(e);
            }
            for (j, (col, writer)) in part.columns.iter_mut().zip(writers.iter_mut()).enumerate() {
                #[cfg(feature = "full")]
                {
                    // The record before's cell (same text, not too long), pushed by this writer:
                    // counted into the column's run unless it is to be named as beyond the
                    // range. Any other cell first writes the run.
                    if j < kept && writer.pushed_over() == Some(false) {
                        if let Some(r) = runs.get_mut(j) {
                            *r += 1;
                            continue;
                        }
                    }
                    if let Some(r) = runs.get_mut(j).filter(|r| **r > 0) {
                        col.repeat_last(std::mem::take(r));
                    }
                }
                let Some(t) = fields.get(j) else {
                    col.push_missing();
                    continue;
                };
                if t.len() > limits::MAX_CELL_BYTES {
                    return Err(super::cell_too_long(
                        &self.name,
                        t.len(),
                        Location::file(&self.name).row(line).column(&col.name),
                    ));
                }
                let over = match t {
                    // The same text as the record before's, which went into the columns.
                    Cow::Borrowed(t) if j < kept => writer.again(col, t, self.decimal),
                    Cow::Borrowed(t) => writer.push(col, t, self.decimal),
                    // A quoted cell with `""` in it: not remembered, it lives in `fields` only.
                    Cow::Owned(t) => CellWriter::default().push(col, t, self.decimal),
                };
                if over {
                    part.beyond.push((j, line, super::trim(t).to_string()));
                }
            }
            part.row_numbers
                .push(u32::try_from(line).unwrap_or(u32::MAX));
            pushed = true;
        }
        Ok(())
    }
}

/// A row wider than the header in a file not separated by commas: no decimal comma split it,
/// so the error asks about the header instead.
#[cfg(feature = "full")]
fn other_than_commas(mut e: Error, delimiter: u8) -> Error {
    if delimiter == b',' {
        return e;
    }
    if let Some(i) = e.message.find(" Staat er een komma") {
        e.message.truncate(i);
        e.message.push_str(
            " Heeft de kopregel lege cellen boven gevulde kolommen, of staan de kolomnamen over \
             twee rijen? Geef elke kolom een naam in de kopregel.",
        );
    }
    if let Some(en) = e.message_en.as_deref_mut() {
        if let Some(i) = en.find(" Is there a decimal comma") {
            en.truncate(i);
            en.push_str(
                " Does the header leave cells empty above filled columns, or are the column \
                 names written over two rows? Give every column a name in the header row.",
            );
        }
    }
    e
}

/// A file from which the rows are read on two threads (natively): below it a thread costs more
/// than it saves.
#[cfg(not(target_arch = "wasm32"))]
const THREADED_FROM: usize = 4 << 20;

/// A line that splits into a full row, half of it numbers: a text over several lines with
/// commas in it is no such line.
fn row_like(l: &str, delimiter: u8, width: usize) -> bool {
    let parts: Vec<&str> = l.split(delimiter as char).collect();
    let numbers = parts
        .iter()
        .filter(|p| super::parse_number(p, '.').is_some() || super::parse_number(p, ',').is_some())
        .count();
    parts.len() >= width && numbers >= 1 && numbers >= parts.len() / 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Value;

    /// A name saved in Windows-1252 in a UTF-8 file reads right, and the UTF-8 around it too
    /// (the whole file read as Windows-1252 made `Fryslân` of UTF-8 `FryslÃ¢n`), said; in
    /// pieces and on two threads as at once.
    #[cfg(feature = "full")]
    #[test]
    fn windows_1252_in_a_utf8_file_reads_as_both() {
        let mut bytes = "regio;n\nFryslân;1\nSúdwest;2\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"Frysl\xe2n;3\nBelgi\xeb;4\n");
        bytes.extend_from_slice("Zuid-Holland Centraal;5\n".repeat(50).as_bytes());
        bytes.extend_from_slice("Fryslân;6\n".as_bytes());
        let t = read_csv("m.csv", &bytes).unwrap();
        let names: Vec<&str> = t.columns[0].dictionary().iter().map(|d| &**d).collect();
        assert_eq!(
            names,
            ["Fryslân", "Súdwest", "België", "Zuid-Holland Centraal"]
        );
        assert_eq!(
            t.detected.encoding.as_deref(),
            Some("UTF-8 met Windows-1252")
        );
        assert!(t
            .detected
            .notes
            .iter()
            .any(|n| n.starts_with("Tekenset gemengd")));
        for piece in [7, 16, 61] {
            let a = read_csv_in_pieces("m.csv", &bytes, piece);
            assert_eq!(
                crate::table::fingerprint(&a),
                crate::table::fingerprint(&Ok(t.clone())),
                "pieces of {piece}"
            );
            let b = read_csv_in_pieces_on_two_threads("m.csv", &bytes, piece);
            assert_eq!(
                crate::table::fingerprint(&b),
                crate::table::fingerprint(&Ok(t.clone())),
                "two threads, pieces of {piece}"
            );
        }
        // A file of Windows-1252 alone is named so, as before.
        let t = read_csv("w.csv", b"regio;n\nFrysl\xe2n;1\n").unwrap();
        assert_eq!(t.detected.encoding.as_deref(), Some("Windows-1252"));
        assert_eq!(t.columns[0].dictionary()[0].as_ref(), "Fryslân");
    }

    /// A note under the table split by the delimiter its text holds is a note, not a row of
    /// data that turns the year column into text; a short last row of data stays a row.
    #[cfg(feature = "full")]
    #[test]
    fn a_note_below_split_by_the_delimiter_is_a_note() {
        let body = "gemeente,jaar,aantal\nAalten,2019,10\nAalten,2020,12\nBronckhorst,2019,14\n";
        let t = read_csv(
            "n.csv",
            format!("{body}Bron: CBS, bewerking SZW\n* voorlopig\n").as_bytes(),
        )
        .unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(
            t.columns[1].values(),
            [
                Value::Number(2019.0),
                Value::Number(2020.0),
                Value::Number(2019.0)
            ]
        );
        assert_eq!(t.columns[0].dictionary().len(), 2);
        let rows: Vec<(usize, &str, &str)> = t
            .detected
            .rejected
            .iter()
            .map(|r| (r.row, r.reason.as_str(), r.content.as_str()))
            .collect();
        assert_eq!(
            rows[0],
            (5, sniff::REASON_BELOW, "Bron: CBS, bewerking SZW")
        );
        assert_eq!(rows[1].0, 6);
        assert!(
            !t.detected.notes.iter().any(|n| n.contains("minder velden")),
            "{:?}",
            t.detected.notes
        );
        // With the delimiters written out.
        let wide = "regio;jaar;a;b;c\nTwente;2019;1;2;3\nZeeland;2019;4;5;6\nBron: CBS; SZW;;;\n";
        let t = read_csv("n.csv", wide.as_bytes()).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.detected.rejected[0].content, "Bron: CBS; SZW");
        // A short row of data (a municipality that begins like a note's word) stays.
        let t = read_csv("n.csv", format!("{body}Bronckhorst,2020\n").as_bytes()).unwrap();
        assert_eq!(t.len(), 4);
        assert!(t.detected.notes.iter().any(|n| n.contains("minder velden")));
        assert!(t.detected.rejected.is_empty());
    }

    #[test]
    fn spaced_thousands_vote_by_their_decimals() {
        let v = |cells: &[&str]| DecimalVotes::count(cells);
        // `1 234,5`: the comma follows the groups, so it is the decimal one.
        assert_eq!(v(&["1 234,5", "-12\u{a0}345,25"]).comma, 2);
        assert_eq!(v(&["1\u{202f}234.567"]).dot, 1);
        // Whole spaced numbers say nothing; badly grouped ones do not vote.
        assert_eq!(v(&["4 099", "12 345 678"]), DecimalVotes::default());
        assert_eq!(
            v(&["12 34,5", "1 234.567.8", "1 234,5,6"]),
            DecimalVotes::default()
        );
        assert_eq!(sniff_decimal(&["1 234.5", "7"], b';'), '.');
        assert_eq!(sniff_decimal(&["1 234,5", "7"], b','), ',');
    }

    #[test]
    fn semicolon_windows_1252_decimal_comma() {
        let bytes: Vec<u8> = b"Regio;Waarde;Aandeel\nF\xe2ll;1.234;12,5\nB;7;.\n".to_vec();
        let t = read_csv("x.csv", &bytes).unwrap();
        assert_eq!(t.detected.encoding.as_deref(), Some("Windows-1252"));
        assert_eq!(t.detected.delimiter.as_deref(), Some(";"));
        assert_eq!(t.detected.decimal.as_deref(), Some(","));
        assert_eq!(t.columns[0].values()[0], Value::Text("Fâll".into()));
        assert_eq!(t.columns[1].values()[0], Value::Number(1234.0));
        assert_eq!(t.columns[2].values()[0], Value::Number(12.5));
        assert_eq!(t.columns[2].values()[1], Value::Missing);
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
        assert_eq!(t.columns[1].values()[1], Value::Number(12345.0));
        assert_eq!(t.columns[2].values()[1], Value::Number(7.25));
    }

    #[test]
    fn ambiguous_numbers_are_said_so() {
        // Only `1.234`: whole numbers with a point for the thousands, as counts are.
        let t = read_csv("x.tsv", b"regio\tn\nA\t1.234\nB\t12.500\n").unwrap();
        assert_eq!(t.detected.decimal.as_deref(), Some(","));
        assert_eq!(t.columns[1].values()[1], Value::Number(12500.0));
        assert!(
            t.detected.notes[0].contains("niet af te leiden")
                && t.detected.notes[0].contains("1.234 = 1234"),
            "{:?}",
            t.detected.notes
        );
        // Only `1,234`: the comma groups thousands.
        let t = read_csv("x.csv", b"regio,n\nA,\"1,234\"\n").unwrap();
        assert_eq!(t.columns[1].values()[0], Value::Number(1234.0));
        // Both: the delimiter's convention.
        let t = read_csv("x.tsv", b"regio\tn\tm\nA\t1.234\t1,234\n").unwrap();
        assert_eq!(t.detected.decimal.as_deref(), Some("."));
        assert!(
            t.detected.notes[0].contains("1.234 of 1,234"),
            "{:?}",
            t.detected.notes
        );
        let t = read_csv("x.csv", b"regio;n\nA;1.234\n").unwrap();
        assert_eq!(t.columns[1].values()[0], Value::Number(1234.0));
    }

    #[test]
    fn thousands_written_with_a_point_in_a_file_with_decimal_points_are_said() {
        let t = read_csv(
            "x.csv",
            b"regio;n;p\nA;4.099;56.9\nB;724;12.5\nC;1.518;7.2\nD;2.332;1.25\n",
        )
        .unwrap();
        assert_eq!(t.detected.decimal.as_deref(), Some("."));
        assert!(
            t.detected
                .notes
                .iter()
                .any(|n| n.contains("Kolom 'n'") && n.contains("duizendtallen")),
            "{:?}",
            t.detected.notes
        );
        assert!(!t.detected.notes.iter().any(|n| n.contains("Kolom 'p'")));
        // Measurements with three decimals, or numbers of 1000 and more without a point: silent.
        let t = read_csv(
            "x.csv",
            b"a;n;p\nA;0.125;12.5\nB;1.500;1.25\nC;2.250;3.5\nD;1.125;1\n",
        )
        .unwrap();
        assert!(t.detected.notes.is_empty(), "{:?}", t.detected.notes);
        let t = read_csv(
            "x.csv",
            b"a;n;p\nA;4.099;12.5\nB;1.518;1.25\nC;2.332;3.5\nD;1500;1\n",
        )
        .unwrap();
        assert!(t.detected.notes.is_empty(), "{:?}", t.detected.notes);
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
        assert_eq!(t.columns[0].values()[0], Value::Text("F\u{e2}ll".into()));
        assert_eq!(t.columns[1].values()[0], Value::Number(3.0));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_read_as_utf16() {
        let text = "regio\tn\r\nF\u{e2}ll\t3\r\nZuid-Limburg\t4\r\n";
        for le in [true, false] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let t = crate::table::load("x.txt", &bytes).unwrap_or_else(|e| panic!("{le}: {e}"));
            assert_eq!(t.detected.encoding.as_deref(), Some("UTF-16"), "{le}");
            assert_eq!(t.columns[0].values()[0], Value::Text("F\u{e2}ll".into()));
            assert_eq!(t.columns[1].values()[1], Value::Number(4.0));
        }
        // Zero bytes elsewhere than every other byte are still no text.
        let err =
            crate::table::load("x.bin", b"PK\x00\x00\x01\x02abc\x00\x00\x00\x00xyz").unwrap_err();
        assert!(err.to_string().contains("geen tekst"), "{err}");
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
            t.columns[1].values()[0],
            Value::Text("een; twee\nregels".into())
        );
        assert_eq!(t.columns[2].values()[0], Value::Number(1234.5));
        assert_eq!(t.columns[1].values()[1], Value::Missing);
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
    fn records_read_as_the_csv_crate_reads_them() {
        let text = "a,\"b \"\"c\"\"\",\"d\"e,f\r\n\r\n\"x\ny\",,\rlast,";
        let mut r = Records::new(text, b',');
        let mut f: Vec<Cow<str>> = Vec::new();
        let mut out: Vec<(usize, Vec<String>)> = Vec::new();
        while let Some(at) = r.next_into(&mut f) {
            out.push((at.line, f.iter().map(|c| c.to_string()).collect()));
        }
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            out,
            vec![
                (1, s(&["a", "b \"c\"", "de", "f"])),
                (2, vec![]),
                (3, s(&["x\ny", "", ""])),
                (5, s(&["last", ""])),
            ]
        );
    }

    /// A fixed pseudo-random walk (xorshift64) from `seed`.
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    /// A text of fewer than `max` characters of `alphabet`, drawn by `next`.
    fn random_text(next: &mut impl FnMut() -> u64, alphabet: &[char], max: u64) -> String {
        let len = next() % max;
        (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn records_match_the_csv_crate_on_many_small_texts() {
        // A fixed pseudo-random walk over the characters that matter to a CSV reader.
        let alphabet = ['a', 'b', ',', '"', '\n', '\r', ' ', '1', ';'];
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let mut compared = 0;
        for _ in 0..5000 {
            let text = random_text(&mut next, &alphabet, 24);
            if unclosed_quote(&text, b',').is_some() {
                continue;
            }
            let theirs: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            let mut ours: Vec<Vec<String>> = Vec::new();
            let mut r = Records::new(&text, b',');
            let mut f: Vec<Cow<str>> = Vec::new();
            while r.next_into(&mut f).is_some() {
                if !f.is_empty() {
                    ours.push(f.iter().map(|c| c.to_string()).collect());
                }
            }
            assert_eq!(ours, theirs, "text {text:?}");
            compared += 1;
        }
        assert!(compared > 2000, "{compared}");
    }

    #[test]
    #[cfg(feature = "full")]
    fn records_sharing_fields_read_as_one_at_a_time() {
        // Lines of a few cells drawn from a small set (quoted, empty, spaced, a quote inside,
        // numbers), so that records often start with the fields of the record before.
        let cells = [
            "A",
            "B",
            "\"A\"",
            "\"a,b\"",
            "\"x\"\"y\"",
            "",
            "1",
            "1e400",
            " A",
            "A\"b",
            "\"m\nn\"",
        ];
        let ends = ["\n", "\r\n", "\r", "\n\n"];
        let mut next = xorshift(0x6a09_e667_f3bc_c908);
        let (mut kept_total, mut compared) = (0, 0);
        for _ in 0..3000 {
            let mut text = String::new();
            let mut line: Vec<&str> = Vec::new();
            for _ in 0..next() % 12 {
                // Mostly the line before with its last cells changed.
                let keep = if line.is_empty() {
                    0
                } else {
                    (next() % (line.len() as u64 + 1)) as usize
                };
                line.truncate(keep);
                while line.len() < (next() % 5) as usize {
                    line.push(cells[(next() % cells.len() as u64) as usize]);
                }
                text.push_str(&line.join(","));
                text.push_str(ends[(next() % ends.len() as u64) as usize]);
            }
            if next().is_multiple_of(3) {
                text.pop(); // the text may end inside a record
            }
            if unclosed_quote(&text, b',').is_some() {
                continue;
            }
            let d = if compared % 2 == 0 { b',' } else { b';' };
            let text = if d == b';' {
                text.replace(',', ";")
            } else {
                text
            };
            kept_total += sharing_matches_fields(&text, d).unwrap_or_else(|e| panic!("{e}"));
            compared += 1;
        }
        assert!(
            compared > 1000 && kept_total > 3000,
            "{compared} {kept_total}"
        );
    }

    #[test]
    #[cfg(feature = "full")]
    fn plain_records_read_in_one_scan_as_field_by_field() {
        // Fields of every length from 0 to 17 (delimiters and line ends at every place in a
        // word), each kind of line end, records repeating the one before's first fields, a
        // quote inside a field and one opening a field, a letter of two bytes, a blank line;
        // cut at every byte.
        let ends = ["\n", "\r\n", "\r"];
        let mut text = String::new();
        for n in 0..18 {
            let line = format!("{},bb,x\"y,{}", "a".repeat(n), "c".repeat(17 - n));
            for k in 0..2 {
                text.push_str(&line);
                text.push_str(ends[(n + k) % 3]);
            }
            text.push_str(&format!("{},bb,\"q,r\"s,é{}", "a".repeat(n), ends[n % 3]));
            if n % 5 == 0 {
                text.push_str(&format!("{},\n\n", "d".repeat(n)));
            }
        }
        let mut kept = 0;
        for d in [b',', b';', b'\t'] {
            let text = text.replace(',', std::str::from_utf8(&[d]).unwrap());
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let cut = &text[..end];
                if unclosed_quote(cut, d).is_none() {
                    kept += sharing_matches_fields(cut, d).unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
        assert!(kept > 150_000, "{kept}");
    }

    #[test]
    #[cfg(feature = "full")]
    fn runs_of_repeated_cells_read_as_each_cell_alone() {
        // Long runs of the same cell in the leading columns (counted, then written at once),
        // changing from text to number to missing within a column, broken by a repeated header
        // (a row left out), a short row and a text beyond the range of numbers.
        let mut text = String::from("regio;jaar;soort;n\n");
        let mut want: Vec<[&str; 4]> = Vec::new();
        let regio = ["R0", "R1", "R2"];
        let jaar = ["2015", "x", ""];
        let soort = ["a", "b", "1e400", "7"];
        let ns: Vec<String> = (0..300).map(|i| i.to_string()).collect();
        for i in 0..300 {
            if i == 120 {
                text.push_str("regio;jaar;soort;n\n");
            }
            let row = if i == 150 {
                ["R1", "x", "", ""]
            } else {
                [
                    regio[i / 100],
                    jaar[i / 25 % 3],
                    soort[i / 10 % 4],
                    ns[i].as_str(),
                ]
            };
            if i == 150 {
                text.push_str("R1;x\n");
            } else {
                text.push_str(&row.join(";"));
                text.push('\n');
            }
            want.push(row);
        }
        let t = read_csv("x.csv", text.as_bytes()).unwrap();
        for (j, col) in t.columns.iter().enumerate() {
            let expected: Vec<Value> = want
                .iter()
                .map(|r| match crate::table::parse_cell_ref(r[j], '.') {
                    crate::table::Cell::Missing => Value::Missing,
                    crate::table::Cell::Number(x) => Value::Number(x),
                    crate::table::Cell::Text(s) => Value::Text(s.into()),
                })
                .collect();
            assert_eq!(col.values(), expected, "column {j}");
        }
        // Every cell beyond the range named, also those in a run.
        let over = want.iter().filter(|r| r[2] == "1e400").count();
        let said = format!("{over} getallen buiten");
        assert!(
            t.detected.notes.iter().any(|n| n.contains(&said)),
            "{said}: {:?}",
            t.detected.notes
        );
        let whole = super::super::fingerprint(&Ok(t));
        for piece in [1, 7, 64, 1000] {
            let got =
                super::super::fingerprint(&read_csv_in_pieces("x.csv", text.as_bytes(), piece));
            assert_eq!(got, whole, "pieces of {piece}");
        }
    }

    #[test]
    #[cfg(feature = "full")]
    fn rows_sharing_their_first_cells_read_as_alone() {
        // B's row goes into the columns, the single cell "A" is left out: the row after it,
        // which starts with the same bytes, is read again (not B's cells repeated). A number
        // beyond the range is named in every row it is in; a blank line and a short row between.
        let text = "regio;jaar;n;m\nB;2015;1;2\nA;;;\nA;2016;3;4\nA;2016;5;6\n\nA;1e400;7;8\nA;1e400;9;1\nA;1e400\nA;1e400;2;3\n";
        let t = read_csv("x.csv", text.as_bytes()).unwrap();
        let col = |j: usize| t.columns[j].values();
        let tx = |s: &str| Value::Text(s.into());
        assert_eq!(
            col(0),
            vec![
                tx("B"),
                tx("A"),
                tx("A"),
                tx("A"),
                tx("A"),
                tx("A"),
                tx("A")
            ]
        );
        assert_eq!(
            col(1)[..3],
            [
                Value::Number(2015.0),
                Value::Number(2016.0),
                Value::Number(2016.0)
            ]
        );
        assert_eq!(
            col(1)[3..],
            [tx("1e400"), tx("1e400"), tx("1e400"), tx("1e400")]
        );
        assert_eq!(col(3)[5], Value::Missing);
        assert_eq!(t.row_numbers, vec![2, 4, 5, 7, 8, 9, 10]);
        let beyond = t
            .detected
            .notes
            .iter()
            .find(|n| n.contains("1e400"))
            .unwrap();
        for row in ["7", "8", "9", "10"] {
            assert!(beyond.contains(&format!(" {row} ")), "{beyond}");
        }
        // The same table in pieces too small to share anything across them.
        let whole = super::super::fingerprint(&Ok(t));
        for piece in [1, 7, 16, 40] {
            let got =
                super::super::fingerprint(&read_csv_in_pieces("x.csv", text.as_bytes(), piece));
            assert_eq!(got, whole, "pieces of {piece}");
        }
    }

    #[test]
    fn the_first_pass_counts_a_plain_line_as_the_field_reader_does() {
        let alphabet = ['a', '1', ',', ';', '.', '"', '\n', '\r', ' ', '5', '2'];
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let mut fast = 0;
        for case in 0..20000 {
            let text = random_text(&mut next, &alphabet, 48);
            let d = if case % 2 == 0 { b',' } else { b';' };
            fast += counted_matches_fields(&text, d).unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(fast > 10000, "{fast}");
    }

    /// The byte-at-a-time reading the word-at-a-time scans replace.
    fn unclosed_quote_bytewise(text: &str, delimiter: u8) -> Option<usize> {
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

    #[test]
    fn word_scans_match_byte_scans() {
        let alphabet = [
            b'a', b'"', b',', b';', b'\n', b'\r', b'.', b'1', 0x80, 0x0b, b'\t',
        ];
        let mut next = xorshift(0x1234_5678_9abc_def1);
        let mut unclosed = 0;
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let b = text.as_bytes();
            for d in [b',', b';', b'\t'] {
                assert_eq!(
                    unclosed_quote(&text, d),
                    unclosed_quote_bytewise(&text, d),
                    "{text:?}"
                );
                unclosed += usize::from(unclosed_quote(&text, d).is_some());
                for from in 0..=b.len() {
                    let naive = from
                        + b[from..]
                            .iter()
                            .position(|&c| c == d || c == b'\n' || c == b'\r')
                            .unwrap_or(b.len() - from);
                    assert_eq!(field_end(b, from, d), naive, "{text:?} {from}");
                    assert_eq!(
                        find_byte(b, from, b'"'),
                        b[from..].iter().position(|&c| c == b'"').map(|k| k + from)
                    );
                }
            }
            assert_eq!(has_point_or_comma(&text), text.contains(['.', ',']));
        }
        assert!(unclosed > 1000, "{unclosed}");
    }

    /// Natively a piece's rows are read on two threads, and a quote-free piece's first pass
    /// counts its halves at once: the same table, notes, errors and rising progress as one
    /// thread gives.
    #[test]
    fn two_threads_read_what_one_reads() {
        let mut seed: u64 = 0x5151_7e57_0000_0001;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut threaded = 0;
        for case in 0..300 {
            let d = [',', ';', '\t'][case % 3];
            let dec = if d == ';' { ',' } else { '.' };
            let mut t = String::new();
            if next() % 3 == 0 {
                t += "Tabel 1. Titel\n\n";
            }
            t += &["regio", "jaar", "n", "p", "toelichting"].join(&d.to_string());
            t += "\n";
            let rows = 20 + next() % 200;
            for r in 0..rows {
                let k = next();
                let cell = |v: u64| -> String {
                    match v % 16 {
                        0 => String::new(),
                        1 => "x".into(),
                        2 => format!("{}{dec}{}", v % 1000, v % 7),
                        3 => "1e400".into(),
                        4 => format!("{}", v % 100_000),
                        5 => format!("\"{} \"\"q\"\"\"", v % 9),
                        6 => " 12 ".into(),
                        7 => format!("Regio {}", v % 5),
                        _ => format!("{}", v % 50),
                    }
                };
                let line = match k % 97 {
                    0 => "Tussenkop".to_string(),
                    1 => ["regio", "jaar", "n", "p", "toelichting"].join(&d.to_string()),
                    2 => String::new(),
                    3 => format!("A{d}2015{d}1"),
                    4 if case % 5 == 0 => format!("B{d}2015{d}1{d}2{d}3{d}4"),
                    5 if case % 7 == 0 => "\"een\nA,1,2,3,4\nB,5,6,7,8\"".to_string(),
                    6 => format!("\"cel over\nregels\"{d}2016{d}3{d}4{d}"),
                    7 if case % 11 == 0 => format!(
                        "A{}2015{}1{}2",
                        if d == ',' { ';' } else { ',' },
                        if d == ',' { ';' } else { ',' },
                        if d == ',' { ';' } else { ',' }
                    ),
                    _ => format!(
                        "Regio {}{d}{}{d}{}{d}{}{d}{}",
                        k % 7,
                        2015 + r % 4,
                        cell(k >> 8),
                        cell(k >> 20),
                        cell(k >> 32)
                    ),
                };
                t += &line;
                t += if k % 13 == 0 { "\r\n" } else { "\n" };
            }
            if next() % 4 == 0 {
                t += "\nBron: UWV\nx = geheim\n";
            }
            let serial = super::super::fingerprint(&read_csv("x.csv", t.as_bytes()));
            let mut ticks = Vec::new();
            let piece = 64 + (next() % 512) as usize;
            let two = read_in("x.csv", t.as_bytes(), piece, true, &mut |d, n| {
                ticks.push((d, n))
            });
            assert_eq!(super::super::fingerprint(&two), serial, "{t}");
            assert!(ticks.windows(2).all(|w| w[0].0 <= w[1].0), "{ticks:?}");
            threaded += usize::from(two.is_ok());
            // Two readings, as the page's two workers read a large file: cut anywhere.
            for mid in [t.len() / 2, (next() as usize) % t.len().max(1)] {
                let got = read_csv_split("x.csv", t.as_bytes(), piece, mid);
                assert_eq!(super::super::fingerprint(&got), serial, "cut at {mid}: {t}");
            }
        }
        // Most were read by two.
        assert!(TAKEN.with(|n| n.get()) > 250, "{}", TAKEN.with(|n| n.get()));
        assert!(threaded > 100, "{threaded}");
        // The first pass counted many quote-free pieces in two halves.
        assert!(
            SPLITS.with(|n| n.get()) > 300,
            "{}",
            SPLITS.with(|n| n.get())
        );
    }

    /// A row with too many fields in the second half of a piece counted in two: the error names
    /// its row, as read on one thread.
    #[test]
    fn an_error_in_the_second_half_names_its_row() {
        let mut t = String::from("regio,jaar,n\n");
        for r in 0..2000 {
            t += &format!("Regio {},{},{}\n", r % 7, 2015 + r % 4, r);
        }
        t += &",".repeat(limits::MAX_COLUMNS);
        t += "\nRegio 1,2016,3\n";
        let piece = 64 << 10;
        assert!(
            t.len() < piece && split_point(&t, piece / 4).is_some_and(|m| m < t.len() - 16_000)
        );
        let one = read_in("x.csv", t.as_bytes(), piece, false, &mut |_, _| {});
        let before = SPLITS.with(|n| n.get());
        let two = read_in("x.csv", t.as_bytes(), piece, true, &mut |_, _| {});
        assert_eq!(SPLITS.with(|n| n.get()), before + 1);
        let (one, two) = (one.unwrap_err(), two.unwrap_err());
        assert_eq!(two.location.as_ref().and_then(|l| l.row), Some(2002));
        assert_eq!(two.to_string(), one.to_string());
    }

    /// Every text of the bad-input corpus, the samples and some made here reads the same in
    /// pieces of any size as whole: records, lines, encodings and errors do not depend on
    /// where a piece ends.
    #[test]
    fn rows_read_ahead_are_the_rows_two_passes_read() {
        // Read in pieces, a file's rows are read in the first pass, and again in a second only
        // when the first piece misled: the same table, notes and errors either way.
        let rows = |n: usize, row: &dyn Fn(usize) -> String| -> String {
            (0..n).map(row).collect::<Vec<_>>().concat()
        };
        let plain = format!(
            "regio;n;p\n{}",
            rows(300, &|k| format!("R{};{k};{k}\n", k % 7))
        );
        let texts: Vec<(&str, String, bool)> = vec![
            ("plain", plain.clone(), true),
            (
                "quoted cells",
                format!(
                    "regio,n\n{}",
                    rows(300, &|k| format!("\"R, {k}\",\"{k}\"\n"))
                ),
                true,
            ),
            (
                "notes below",
                format!("{plain}\nBron: CBS\nToelichting: voorlopig\n"),
                false,
            ),
            // Whole numbers with a dot first (a thousands dot in a `;` file), decimal points
            // later: the decimal separator changes, so the rows are read again.
            (
                "decimal later",
                format!(
                    "regio;n\n{}{}",
                    rows(200, &|k| format!("R;1.{:03}\n", k % 1000)),
                    rows(100, &|k| format!("R;{k}.25\n"))
                ),
                false,
            ),
            // Decimal commas in quoted cells of a comma-delimited file, later: read again.
            (
                "quoted decimal commas later",
                format!(
                    "regio,n\n{}{}",
                    rows(200, &|k| format!("R,{k}\n")),
                    rows(100, &|k| format!("R,\"{k},5\"\n"))
                ),
                false,
            ),
            // A fuller row later moves the header down.
            (
                "header later",
                format!(
                    "a;b\n{}x;y;z;w;v;u\n{}",
                    rows(200, &|k| format!("{k};{k}\n")),
                    rows(100, &|k| format!("{k};1;2;3;4;5\n"))
                ),
                false,
            ),
            (
                "a ragged row later",
                format!("{plain}R;1;2;3;4\n{}", rows(50, &|k| format!("R;{k};1\n"))),
                false,
            ),
            // Decimal points in the cells rows share with the row before, and decimal commas
            // in fewer rows later: each row's points count (the shared bytes are not looked
            // at again, but what they held is known), so the points win and the rows are kept.
            (
                "votes in shared cells",
                format!(
                    "p;regio;k\n{}{}",
                    rows(300, &|k| format!("12.5;R;{k}\n")),
                    rows(200, &|k| format!("1;R;{k},5\n"))
                ),
                true,
            ),
            (
                "votes after shared cells",
                format!(
                    "regio;p;k\n{}{}",
                    rows(300, &|k| format!(
                        "R{};{};{k}\n",
                        k / 3,
                        if k % 2 == 0 { "1.5" } else { "x" }
                    )),
                    rows(140, &|k| format!("R;1;{k},5\n"))
                ),
                true,
            ),
            ("a blank line, then rows", format!("{plain}\n{plain}"), true),
            (
                "blank lines at the end",
                format!("{plain}\n\r\n;;\n\n"),
                true,
            ),
        ];
        for (what, text, kept) in &texts {
            let whole = super::super::fingerprint(&read_csv("x.csv", text.as_bytes()));
            for piece in [97, 256, 1000] {
                let before = AHEAD.with(|n| n.get());
                let got = read_csv_in_pieces("x.csv", text.as_bytes(), piece);
                assert_eq!(
                    super::super::fingerprint(&got),
                    whole,
                    "{what}, pieces of {piece}"
                );
                let after = AHEAD.with(|n| n.get());
                let expected = if *kept {
                    (before.0 + 1, before.1)
                } else {
                    (before.0, before.1 + 1)
                };
                assert_eq!(
                    after, expected,
                    "{what}, pieces of {piece}: read ahead and kept?"
                );
            }
        }
        // Read ahead, progress only goes forward, to the end.
        let mut told = Vec::new();
        let bytes = plain.as_bytes();
        let mut reader = CsvReader::new("x.csv", bytes.len());
        (reader.piece, reader.threads, reader.step) = (256, false, 100);
        let mut progress = |done, total| told.push((done, total));
        while let Some((at, n)) = reader.want() {
            reader.give(&bytes[at..at + n], &mut progress).unwrap();
        }
        reader.finish(&mut progress).unwrap();
        assert!(told.len() > 5, "{told:?}");
        assert!(told.windows(2).all(|w| w[0].0 <= w[1].0), "{told:?}");
        assert_eq!(told.last(), Some(&(bytes.len(), bytes.len())));
    }

    #[test]
    fn pieces_of_any_size_read_what_the_whole_file_reads() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut files: Vec<Vec<u8>> = Vec::new();
        for dir in ["tests/bad", "data/samples"] {
            let mut names: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            names.sort();
            for p in names {
                let b = std::fs::read(&p).unwrap();
                if b.len() < 20_000 && !b.starts_with(b"PK") {
                    files.push(b);
                }
            }
        }
        let text =
            "regio;toelichting;n\r\n\"Fryslân\";\"een; twee\r\nregels\";\"1.234,5\"\rB;;2\r\n";
        files.push(text.as_bytes().to_vec());
        files.push(text.chars().map(|c| c as u32 as u8).collect()); // Windows-1252
        files.push([0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect());
        let utf16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        files.push([0xFF, 0xFE].into_iter().chain(utf16).collect());
        // ASCII first, a non-UTF-8 byte much later; UTF-8 first, then one.
        let mut late = b"regio,n\n".to_vec();
        for k in 0..200 {
            late.extend_from_slice(format!("R{k},{k}\n").as_bytes());
        }
        late.extend_from_slice(b"F\xe2ll,1\n");
        files.push(late.clone());
        let mut mixed = "regio,n\nFryslân,1\n".as_bytes().to_vec();
        mixed.extend_from_slice(&late[8..]);
        files.push(mixed);
        files.push(b"a,b\n1,\"2\n3,4\n".to_vec());
        files.push(b"a,b\r1,2\r3,4\r".to_vec());
        let mut compared = 0;
        for bytes in &files {
            let whole = super::super::fingerprint(&read_csv("x.csv", bytes));
            let mut sizes: Vec<usize> = vec![1, 2, 3, 5, 8, 13, 64, 300];
            if bytes.len() < 600 {
                sizes.extend(1..bytes.len() + 2);
            }
            for piece in sizes {
                let got = super::super::fingerprint(&read_csv_in_pieces("x.csv", bytes, piece));
                assert_eq!(
                    got,
                    whole,
                    "pieces of {piece}: {:?}",
                    String::from_utf8_lossy(bytes)
                );
                compared += 1;
            }
            // Read by two, cut after any line (the helper's part in another encoding, a
            // quoted cell across the cut, a record ended by a lone CR).
            let step = (bytes.len() / 150).max(1);
            for mid in (0..bytes.len()).step_by(step) {
                for piece in [5, 64] {
                    let got =
                        super::super::fingerprint(&read_csv_split("x.csv", bytes, piece, mid));
                    assert_eq!(
                        got,
                        whole,
                        "cut at {mid}, pieces of {piece}: {:?}",
                        String::from_utf8_lossy(bytes)
                    );
                }
            }
        }
        assert!(compared > 500, "{compared}");
        assert!(TAKEN.with(|n| n.get()) > 500, "{}", TAKEN.with(|n| n.get()));
    }

    /// The helper's rows cut short, or handed to a reading of another file or cut elsewhere,
    /// are refused: the main reading reads on alone and gives what one reading gives.
    #[test]
    fn rows_handed_over_that_do_not_fit_are_refused_and_read_again() {
        let mut text = String::from("regio;jaar;n;toelichting\n");
        for k in 0..400 {
            text += &format!(
                "Regio {};{};{},5;\"a;{}\"\n",
                k % 7,
                2015 + k % 3,
                k,
                k % 11
            );
        }
        let bytes = text.as_bytes();
        let whole = super::super::fingerprint(&read_csv("x.csv", bytes));
        let mid = bytes.len() / 2;
        let at = split_after(&bytes[mid..], mid, bytes.len()).unwrap();
        let handed = |size: usize, at: usize| {
            let mut h = CsvReader::helper("x.csv", size, at);
            h.piece = 512;
            while let Some((o, n)) = h.want() {
                h.give(&bytes[o..(o + n).min(bytes.len())], &mut |_, _| {})
                    .unwrap();
            }
            h.handover().unwrap()
        };
        let good = handed(bytes.len(), at);
        let main = |handed: &[u8], at: usize| {
            let mut m = CsvReader::main("x.csv", bytes.len(), at);
            m.piece = 512;
            let mut taken = false;
            loop {
                while let Some((o, n)) = m.want() {
                    m.give(&bytes[o..o + n], &mut |_, _| {}).unwrap();
                }
                if !m.waits() {
                    break;
                }
                taken = m.take_over(handed, &mut |_, _| {}).unwrap();
            }
            (taken, super::super::fingerprint(&m.finish(&mut |_, _| {})))
        };
        assert_eq!(main(&good, at), (true, whole.clone()));
        // Cut short anywhere: refused.
        for cut in (0..good.len()).step_by((good.len() / 80).max(1)) {
            assert_eq!(
                main(&good[..cut], at),
                (false, whole.clone()),
                "cut at {cut}"
            );
        }
        // Nothing handed; rows read from another cut; a byte more at the end.
        assert_eq!(main(&[], at), (false, whole.clone()));
        let later = split_after(&bytes[at + 10..], at + 10, bytes.len()).unwrap();
        assert_eq!(
            main(&handed(bytes.len(), later), at),
            (false, whole.clone())
        );
        let mut longer = good.clone();
        longer.push(0);
        assert_eq!(main(&longer, at), (false, whole.clone()));
    }

    #[test]
    fn duplicate_headers_are_renamed_and_said_so() {
        let t = read_csv("x.csv", b"regio,totaal,totaal\nA,1,2\n").unwrap();
        assert_eq!(t.columns[2].name, "totaal (2)");
        assert!(t.detected.notes[0].contains("totaal (2)"));
    }
}
