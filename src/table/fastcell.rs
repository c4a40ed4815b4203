//! The common cells of a large CSV file read without the general path: plain numbers parsed in
//! one pass over their bytes, and texts looked up by their raw bytes in a small memo per column,
//! so a cell seen before costs one hash. Both give exactly what [`super::parse_cell_ref`] gives;
//! anything unusual goes to it.

use super::column::{Column, FastMap};
use super::Cell;

/// 10^0 ..= 10^15, each exact in an `f64`.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The number a plain cell holds, when it is one of the simple forms: an optional `-`, digits
/// (grouped by three with the other separator, `1.234.567` with a decimal comma, or not
/// grouped), an optional decimal separator followed by digits; at most 15 digits in all, no
/// spaces around. `None` means "not decided here": the caller takes the general path.
///
/// Exactly [`super::parse_number`]'s result for these forms: with at most 15 digits the
/// digits are an exact integer `m` and the value is `m / 10^k`, one correctly rounded division,
/// which is what [`crate::decimal::parse_f64`] computes for them.
pub fn plain_number(b: &[u8], decimal: u8) -> Option<f64> {
    let thousands = if decimal == b',' { b'.' } else { b',' };
    let (negative, body) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    // (A code with a leading zero is the general path's: see `super::leading_zero`.)
    if cfg!(feature = "full") && super::leading_zero(b) {
        return None;
    }
    let mut m: u64 = 0;
    let mut digits = 0usize;
    let mut i = 0;
    // The integer part: a first run of digits, then groups of three after a separator.
    let mut run = 0usize;
    let mut grouped = false;
    while let Some(&c) = body.get(i) {
        if c.is_ascii_digit() {
            m = m * 10 + u64::from(c - b'0');
            digits += 1;
            run += 1;
            if digits > 15 {
                return None;
            }
        } else if c == thousands {
            // A group separator: the run before it is 1-3 digits (first) or exactly 3.
            if run == 0 || run > 3 || (grouped && run != 3) {
                return None;
            }
            grouped = true;
            run = 0;
        } else {
            break;
        }
        i += 1;
    }
    if run == 0 || (grouped && run != 3) {
        return None;
    }
    let mut frac = 0usize;
    if let Some(&c) = body.get(i) {
        if c != decimal {
            return None;
        }
        i += 1;
        while let Some(&c) = body.get(i) {
            if !c.is_ascii_digit() {
                return None;
            }
            m = m * 10 + u64::from(c - b'0');
            digits += 1;
            frac += 1;
            if digits > 15 {
                return None;
            }
            i += 1;
        }
        if frac == 0 {
            return None;
        }
    }
    // `9.000` read with a decimal point: kept as text for now (see [`point_thousand`]).
    if cfg!(feature = "full")
        && decimal == b'.'
        && frac == 3
        && !grouped
        && digits <= 6
        && m.is_multiple_of(1000)
    {
        return None;
    }
    let v = if frac == 0 {
        m as f64
    } else {
        m as f64 / POW10[frac]
    };
    // As the general path: the sign multiplies (`-0` is -0.0).
    Some(if negative { -v } else { v })
}

/// Whether a cell is a whole number of one to three digits written with a point and three
/// zeros (`9.000`, `-12.000`). Read with a decimal point that is 9; where the point groups
/// thousands (a file whose numbers are all like `4.099`, see `csv::looks_like_thousands`) it
/// is 9000, and nothing in the cell tells which. A CSV file's reading keeps such a cell as text
/// until the file's separator is settled, then reads it as that number
/// (`csv::read_point_thousands`).
#[cfg(feature = "full")]
pub(crate) fn point_thousand(t: &str) -> bool {
    let b = t.as_bytes();
    let b = b.strip_prefix(b"-").unwrap_or(b);
    (5..=7).contains(&b.len())
        && b.ends_with(b".000")
        && b[..b.len() - 4].iter().all(u8::is_ascii_digit)
}

/// What a raw cell became in its column.
#[derive(Clone, Copy)]
enum Outcome {
    Missing,
    Number(f64),
    /// A text with its code, and whether it is written as a number beyond the range.
    Text(u32, bool),
}

/// Distinct raw texts remembered per column at most: a column of unique texts stops growing
/// the memo there (its cells then take the general path, as before).
const MEMO_CAP: usize = 1 << 16;

/// Writes cells into one column, remembering what each distinct raw text became.
#[derive(Default)]
pub struct CellWriter<'a> {
    last: Option<(&'a str, Outcome)>,
    memo: FastMap<Raw<'a>, Outcome>,
    /// The cell pushed last (for [`CellWriter::again`]).
    #[cfg(feature = "full")]
    pushed: Option<Outcome>,
}

/// A raw cell as a memo key: compared without a call to `memcmp` (cells are short).
#[derive(Clone, Copy)]
struct Raw<'a>(&'a [u8]);

impl PartialEq for Raw<'_> {
    fn eq(&self, other: &Self) -> bool {
        same(self.0, other.0)
    }
}
impl Eq for Raw<'_> {}
impl std::hash::Hash for Raw<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write(self.0);
    }
}

/// `a == b`, a word at a time for the short texts cells are.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let w = |s: &[u8], at: usize| -> u64 {
        let mut x = [0u8; 8];
        x.copy_from_slice(&s[at..at + 8]);
        u64::from_le_bytes(x)
    };
    if (8..=16).contains(&n) {
        // Two words that overlap when n < 16: the first and the last eight bytes.
        w(a, 0) == w(b, 0) && w(a, n - 8) == w(b, n - 8)
    } else if n < 8 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
}

impl<'a> CellWriter<'a> {
    /// Appends the raw cell `t` to `col` as [`super::parse_cell_ref`] reads it with the decimal
    /// separator `decimal`. Returns true when it is a text written as a number beyond the
    /// range (as [`super::overflows`] tells), for the caller to name.
    #[cfg_attr(feature = "full", inline)]
    pub fn push(&mut self, col: &mut Column, t: &'a str, decimal: char) -> bool {
        let out = self.outcome(col, t, decimal);
        #[cfg(feature = "full")]
        {
            self.pushed = Some(out);
        }
        Self::write(col, out)
    }

    /// [`CellWriter::push`] of the same text as the cell pushed last (not looked at again).
    pub fn again(&mut self, col: &mut Column, t: &'a str, decimal: char) -> bool {
        #[cfg(feature = "full")]
        if let Some(out) = self.pushed {
            return Self::write(col, out);
        }
        self.push(col, t, decimal)
    }

    /// Whether the cell pushed last is a text written as a number beyond the range (as
    /// [`CellWriter::push`] answered); `None` before the first push.
    #[cfg(feature = "full")]
    #[inline]
    pub fn pushed_over(&self) -> Option<bool> {
        self.pushed.map(|o| matches!(o, Outcome::Text(_, true)))
    }

    #[cfg_attr(feature = "full", inline)]
    fn write(col: &mut Column, out: Outcome) -> bool {
        match out {
            Outcome::Missing => col.push_missing(),
            Outcome::Number(x) => col.push_number(x),
            Outcome::Text(c, _) => col.push_code(c),
        }
        matches!(out, Outcome::Text(_, true))
    }

    /// The cell's outcome: the same text as the last one looked up here is answered inline,
    /// the others by a call.
    #[cfg_attr(feature = "full", inline)]
    fn outcome(&mut self, col: &mut Column, t: &'a str, decimal: char) -> Outcome {
        if let Some((l, o)) = self.last {
            if same(l.as_bytes(), t.as_bytes()) {
                return o;
            }
        }
        self.looked_up(col, t, decimal)
    }

    #[cfg_attr(feature = "full", inline(never))]
    fn looked_up(&mut self, col: &mut Column, t: &'a str, decimal: char) -> Outcome {
        let b = t.as_bytes();
        // A plain number: no spaces around (it starts with `-` or a digit, ends with a digit),
        // so the trim and the missing markers (none has a digit) leave it as it is.
        if let (Some(&f), Some(&e)) = (b.first(), b.last()) {
            if (f.is_ascii_digit() || f == b'-') && e.is_ascii_digit() && decimal.is_ascii() {
                if let Some(x) = plain_number(b, decimal as u8) {
                    return Outcome::Number(x);
                }
            }
        }
        if let Some(&o) = self.memo.get(&Raw(b)) {
            self.last = Some((t, o));
            return o;
        }
        // (A whole number written with a point and three zeros: see [`point_thousand`].)
        #[cfg(feature = "full")]
        if decimal == '.' && point_thousand(super::trim(t)) {
            let o = Outcome::Text(col.intern(super::trim(t)), false);
            self.last = Some((t, o));
            return o;
        }
        let o = match super::parse_cell_ref(t, decimal) {
            Cell::Missing => {
                // Once per distinct text of the column (a memo miss): the file line names it.
                #[cfg(feature = "full")]
                col.saw_marker(t);
                Outcome::Missing
            }
            Cell::Number(x) => {
                #[cfg(feature = "full")]
                col.saw_number(t);
                Outcome::Number(x)
            }
            Cell::Text(s) => Outcome::Text(col.intern(s), super::overflows(s, decimal)),
        };
        if self.memo.len() < MEMO_CAP {
            self.memo.insert(Raw(b), o);
        }
        self.last = Some((t, o));
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{parse_cell_ref, Value};

    /// The slow path's reading of a cell, as bits.
    fn slow(t: &str, decimal: char) -> Option<u64> {
        match parse_cell_ref(t, decimal) {
            Cell::Number(x) => Some(x.to_bits()),
            _ => None,
        }
    }

    /// Texts that numbers are written as, and near misses: every sign, separator, grouping and
    /// length around the limits, exponents, percents, spaces.
    fn number_texts() -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            " ",
            "0",
            "-0",
            "+0",
            "00",
            "007",
            "-007",
            "0,0",
            "-0,0",
            "0.0",
            "-0.000",
            "1",
            "12",
            "123",
            "1234",
            "12,5",
            "12.5",
            "-12,5",
            "-12.5",
            "+12,5",
            "−12,5",
            "1.234",
            "1,234",
            "1.234,5",
            "1,234.5",
            "1.234.567",
            "1,234,567",
            "1.234.567,89",
            "1,234,567.89",
            "12.34",
            "12,34",
            "1.2345",
            "1,2345",
            "1.23",
            "1,23",
            ".5",
            ",5",
            "5.",
            "5,",
            "1..2",
            "1,,2",
            "1.,2",
            "1,.2",
            ",",
            ".",
            "-",
            "--1",
            "-,5",
            "-.5",
            "1e3",
            "1E3",
            "1,5e3",
            "1.5e-3",
            "1e400",
            "12%",
            "12,5%",
            " 12",
            "12 ",
            " 12,5 ",
            "12 345",
            "1 234,5",
            "\u{a0}12",
            "12\u{a0}",
            "€ 5",
            "'12",
            "x",
            "NA",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "2019K1",
            "15-19",
            "31-12-2017",
            "1.234.5",
            "1,234,5",
            ".123",
            "0.123",
            "0,125",
            "999999999999999",
            "9999999999999999",
            "99999999999999.9",
            "999.999.999.999.999",
            "999.999.999.999.999,9",
            "1.000.000.000.000.000",
            "000000000000000",
            "0000000000000000",
            "0,000000000000001",
            "0.000000000000001",
            "123456789012345",
            "-123456789012345",
            "12345678901234,5",
            "1234567890123,45",
            "0,1",
            "0,2",
            "0,3",
            "0,7",
            "2,675",
            "1,005",
            "4,35",
            "8,875",
            "1.005",
            "4.35",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // A deterministic sweep: integer part, grouping, fraction, sign.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..8_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = (x % 10_000_000_000) >> ((x >> 40) % 34);
            let places = ((x >> 50) % 9) as usize;
            let frac = (x >> 20) % 10u64.pow(places as u32);
            let sign = ["", "-", "+"][((x >> 60) % 3) as usize];
            let group = |n: u64, sep: char| -> String {
                let s = n.to_string();
                let mut g = String::new();
                for (k, ch) in s.chars().enumerate() {
                    if k > 0 && (s.len() - k).is_multiple_of(3) {
                        g.push(sep);
                    }
                    g.push(ch);
                }
                g
            };
            let lead = if (x >> 33).is_multiple_of(7) { "0" } else { "" };
            for (int_s, dec) in [
                (int.to_string(), ','),
                (int.to_string(), '.'),
                (group(int, '.'), ','),
                (group(int, ','), '.'),
            ] {
                let int_s = format!("{lead}{int_s}");
                out.push(format!("{sign}{int_s}"));
                if places > 0 {
                    out.push(format!("{sign}{int_s}{dec}{frac:0>places$}"));
                    out.push(format!("{sign}{int_s}{dec}{frac:0>places$}e{}", places % 3));
                }
            }
        }
        out
    }

    #[test]
    fn plain_numbers_are_bit_identical_to_the_general_path() {
        let mut fast = 0;
        for t in number_texts() {
            for decimal in [',', '.'] {
                let slow = slow(&t, decimal);
                let mut col = Column::new("x");
                let mut w = CellWriter::default();
                w.push(&mut col, &t, decimal);
                // (`9.000` with a decimal point stays text until the file is read: the
                // general path's number is then given, see `csv::read_point_thousands`.)
                if decimal == '.' && point_thousand(crate::table::trim(&t)) {
                    assert_eq!(col.get(0), Cell::Text(crate::table::trim(&t)), "{t:?}");
                    assert!(slow.is_some(), "{t:?}");
                    continue;
                }
                let ours = col.get(0).as_number().map(f64::to_bits);
                assert_eq!(ours, slow, "{t:?} with decimal {decimal:?}");
                if let Some(x) = plain_number(t.as_bytes(), decimal as u8) {
                    assert_eq!(Some(x.to_bits()), slow, "{t:?} with decimal {decimal:?}");
                    fast += 1;
                }
            }
        }
        // The fast path takes most of them: it is tested, not bypassed.
        assert!(fast > 20_000, "{fast}");
    }

    #[test]
    fn cells_written_match_the_general_path_with_the_memo() {
        let texts = number_texts();
        let cells: Vec<&str> = texts
            .iter()
            .map(String::as_str)
            .chain([
                "A", " A", "A", "x", "B", "A", "2019K1", "2019K1", "1e400", "1e400",
            ])
            .take(2000)
            .collect();
        for decimal in [',', '.'] {
            // (`9.000` with a decimal point: see the test above.)
            let cells: Vec<&str> = cells
                .iter()
                .copied()
                .filter(|t| decimal != '.' || !point_thousand(crate::table::trim(t)))
                .collect();
            let mut col = Column::new("x");
            let mut w = CellWriter::default();
            let mut over = Vec::new();
            for t in &cells {
                over.push(w.push(&mut col, t, decimal));
            }
            let mut slow_col = Column::new("x");
            let mut slow_over = Vec::new();
            for t in &cells {
                match parse_cell_ref(t, decimal) {
                    Cell::Missing => slow_col.push_missing(),
                    Cell::Number(x) => slow_col.push_number(x),
                    Cell::Text(s) => {
                        slow_col.push_text(s);
                        slow_over.push(crate::table::overflows(s, decimal));
                        continue;
                    }
                }
                slow_over.push(false);
            }
            assert_eq!(col.dictionary(), slow_col.dictionary());
            for (i, cell) in cells.iter().enumerate() {
                assert_eq!(col.code(i), slow_col.code(i), "{cell:?}");
                let bits = |c: Cell| match c {
                    Cell::Number(x) => Value::Text(x.to_bits().to_string()),
                    other => other.to_value(),
                };
                assert_eq!(bits(col.get(i)), bits(slow_col.get(i)), "{cell:?}");
            }
            assert_eq!(over, slow_over);
            assert!(over.iter().any(|&o| o));
        }
    }
}
