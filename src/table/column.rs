//! A column of a loaded table, stored compactly: numbers as `f64`s, texts as codes into a
//! dictionary of the column's distinct texts. A category column of a million rows is then four
//! bytes per row and its distinct values are known without a pass over the rows; a numeric column
//! is eight. A column holding both (a count column with a stray text) keeps both arrays.
//!
//! Cells are read as [`Cell`]s, which borrow the text from the dictionary; [`Value`] is the
//! owned form builders and tests write.

use super::Value;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One cell as read from a [`Column`]: the text borrows from the column's dictionary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Missing,
    Number(f64),
    Text(&'a str),
}

impl<'a> Cell<'a> {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => Some(*n),
            _ => None,
        }
    }
    /// The cell as text: numbers written plainly (`1234`, `12.5`), as [`Value::as_text`].
    pub fn as_text(&self) -> Option<String> {
        self.to_value().as_text()
    }
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }
    pub fn is_missing(&self) -> bool {
        matches!(self, Cell::Missing)
    }
    pub fn to_value(&self) -> Value {
        match self {
            Cell::Missing => Value::Missing,
            Cell::Number(n) => Value::Number(*n),
            Cell::Text(t) => Value::Text((*t).to_string()),
        }
    }
}

impl PartialEq<Value> for Cell<'_> {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Cell::Missing, Value::Missing) => true,
            (Cell::Number(a), Value::Number(b)) => a == b,
            (Cell::Text(a), Value::Text(b)) => *a == b.as_str(),
            _ => false,
        }
    }
}

/// No number: the bit pattern of a NaN no arithmetic produces; numbers in a table are finite.
const NO_NUMBER: u64 = 0x7ff8_dead_beef_0001;
/// No text.
pub const NO_CODE: u32 = u32::MAX;

fn no_number() -> f64 {
    f64::from_bits(NO_NUMBER)
}
fn is_number(n: f64) -> bool {
    n.to_bits() != NO_NUMBER
}

/// A fast hash for the dictionaries (FxHash's multiply-rotate): the keys are the cells of the
/// user's own file, so resistance to crafted collisions buys nothing here.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A column of a loaded table.
#[derive(Debug, Clone, Default)]
pub struct Column {
    pub name: String,
    len: usize,
    /// Per row the number, or [`NO_NUMBER`]; empty when the column has no number.
    nums: Vec<f64>,
    /// Per row the code of the text in `dict`, or [`NO_CODE`]; empty when it has no text.
    codes: Vec<u32>,
    /// The distinct texts, in order of first appearance.
    dict: Vec<Box<str>>,
    /// Text -> code, while the column is written to.
    index: FastMap<Box<str>, u32>,
    /// Rows expected: the array a first number or text creates is made this long at once.
    hint: usize,
}

impl Column {
    pub fn new(name: impl Into<String>) -> Column {
        Column {
            name: name.into(),
            ..Default::default()
        }
    }

    /// A column expected to get `rows` rows: its numbers or codes are allocated once, at that
    /// size, when the first arrives (a numeric column never holds a code array).
    pub fn with_capacity(name: impl Into<String>, rows: usize) -> Column {
        let mut c = Column::new(name);
        c.hint = rows;
        c
    }

    pub fn from_values(name: impl Into<String>, values: impl IntoIterator<Item = Value>) -> Column {
        let mut c = Column::new(name);
        for v in values {
            c.push(v);
        }
        c
    }

    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The cell of row `i`; [`Cell::Missing`] past the end.
    pub fn get(&self, i: usize) -> Cell<'_> {
        if i >= self.len {
            return Cell::Missing;
        }
        if let Some(&c) = self.codes.get(i) {
            if c != NO_CODE {
                if let Some(t) = self.dict.get(c as usize) {
                    return Cell::Text(t);
                }
            }
        }
        match self.nums.get(i) {
            Some(&n) if is_number(n) => Cell::Number(n),
            _ => Cell::Missing,
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Cell<'_>> + '_ {
        (0..self.len).map(move |i| self.get(i))
    }

    /// The cells as owned values.
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|c| c.to_value()).collect()
    }

    /// The code of row `i`'s text in [`Column::dictionary`], if it is a text.
    pub fn code(&self, i: usize) -> Option<u32> {
        self.codes.get(i).copied().filter(|&c| c != NO_CODE)
    }

    /// The distinct texts of the column, indexed by [`Column::code`].
    pub fn dictionary(&self) -> &[Box<str>] {
        &self.dict
    }

    /// True when the column holds texts only (and missing cells): its cells are fully described
    /// by their codes.
    pub fn is_text_only(&self) -> bool {
        self.nums.iter().all(|n| !is_number(*n))
    }

    pub fn push(&mut self, v: Value) {
        match v {
            Value::Missing => self.push_missing(),
            Value::Number(n) => self.push_number(n),
            Value::Text(t) => self.push_text(&t),
        }
    }

    pub fn push_missing(&mut self) {
        if !self.nums.is_empty() {
            self.nums.push(no_number());
        }
        if !self.codes.is_empty() {
            self.codes.push(NO_CODE);
        }
        self.len += 1;
    }

    pub fn push_number(&mut self, n: f64) {
        // A NaN is not a number of the file (loaders never produce one): it is missing.
        if n.is_nan() {
            return self.push_missing();
        }
        if self.nums.is_empty() {
            self.nums.reserve(self.hint.max(self.len + 1));
        }
        if self.nums.len() < self.len {
            self.nums.resize(self.len, no_number());
        }
        self.nums.push(n);
        if !self.codes.is_empty() {
            self.codes.push(NO_CODE);
        }
        self.len += 1;
    }

    pub fn push_text(&mut self, t: &str) {
        let code = self.intern(t);
        self.push_code(code);
    }

    /// The code of `t` in the dictionary, adding it when new.
    pub fn intern(&mut self, t: &str) -> u32 {
        if let Some(&c) = self.index.get(t) {
            return c;
        }
        let c = self.dict.len() as u32;
        self.dict.push(t.into());
        self.index.insert(t.into(), c);
        c
    }

    /// Appends a row whose text has code `code` (from [`Column::intern`]).
    pub fn push_code(&mut self, code: u32) {
        if self.codes.is_empty() {
            self.codes.reserve(self.hint.max(self.len + 1));
        }
        if self.codes.len() < self.len {
            self.codes.resize(self.len, NO_CODE);
        }
        self.codes.push(code);
        if !self.nums.is_empty() {
            self.nums.push(no_number());
        }
        self.len += 1;
    }

    /// Appends the rows of `other` (before [`Column::finish`]): its texts get this column's
    /// codes, new ones added in the order they first occur in `other`, so the dictionary is the
    /// one writing all rows into this column would have made.
    pub fn append(&mut self, other: Column) {
        let remap: Vec<u32> = other.dict.iter().map(|t| self.intern(t)).collect();
        let total = self.len + other.len;
        if other.nums.is_empty() && self.nums.is_empty() && !other.codes.is_empty() {
            // Texts and missing cells only.
            if self.codes.is_empty() {
                self.codes.reserve(self.hint.max(total));
            }
            self.codes.resize(self.len, NO_CODE);
            self.codes.extend(
                other
                    .codes
                    .iter()
                    .map(|&c| remap.get(c as usize).copied().unwrap_or(NO_CODE)),
            );
            self.codes.resize(total, NO_CODE);
            self.len = total;
        } else if other.codes.is_empty() && self.codes.is_empty() && !other.nums.is_empty() {
            // Numbers and missing cells only.
            if self.nums.is_empty() {
                self.nums.reserve(self.hint.max(total));
            }
            self.nums.resize(self.len, no_number());
            self.nums.extend_from_slice(&other.nums);
            self.nums.resize(total, no_number());
            self.len = total;
        } else {
            for i in 0..other.len {
                match other.codes.get(i) {
                    Some(&c) if c != NO_CODE => {
                        self.push_code(remap.get(c as usize).copied().unwrap_or(NO_CODE))
                    }
                    _ => match other.nums.get(i) {
                        Some(&n) if is_number(n) => self.push_number(n),
                        _ => self.push_missing(),
                    },
                }
            }
        }
    }

    /// Frees what was only needed while writing (the text index) and spare capacity.
    pub fn finish(&mut self) {
        self.index = FastMap::default();
        if self.nums.len() < self.len && !self.nums.is_empty() {
            self.nums.resize(self.len, no_number());
        }
        if self.codes.len() < self.len && !self.codes.is_empty() {
            self.codes.resize(self.len, NO_CODE);
        }
        // Shrunk only when much was left over: a shrink copies the array.
        if self.nums.capacity() > self.nums.len() + self.nums.len() / 8 + 16 {
            self.nums.shrink_to_fit();
        }
        if self.codes.capacity() > self.codes.len() + self.codes.len() / 8 + 16 {
            self.codes.shrink_to_fit();
        }
    }

    /// Rows whose raw code is `code`: for messages naming where a value occurs.
    pub fn rows_with_text(&self, text: &str) -> impl Iterator<Item = usize> + '_ {
        let code = self
            .dict
            .iter()
            .position(|t| &**t == text)
            .map(|c| c as u32);
        self.codes
            .iter()
            .enumerate()
            .filter(move |(_, &c)| Some(c) == code)
            .map(|(i, _)| i)
    }
}

impl PartialEq for Column {
    fn eq(&self, other: &Column) -> bool {
        self.name == other.name
            && self.len == other.len
            && (0..self.len).all(|i| self.get(i) == other.get(i))
    }
}

impl Serialize for Column {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Values<'a>(&'a Column);
        impl Serialize for Values<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len))?;
                for c in self.0.iter() {
                    match c {
                        Cell::Missing => seq.serialize_element(&())?,
                        Cell::Number(n) => seq.serialize_element(&n)?,
                        Cell::Text(t) => seq.serialize_element(t)?,
                    }
                }
                seq.end()
            }
        }
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Column", 2)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("values", &Values(self))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_round_trip_in_every_mix() {
        let vals = vec![
            Value::Missing,
            Value::Number(1.5),
            Value::Text("a".into()),
            Value::Missing,
            Value::Text("a".into()),
            Value::Number(-0.0),
            Value::Text("b".into()),
        ];
        let c = Column::from_values("x", vals.clone());
        assert_eq!(c.values(), vals);
        assert_eq!(c.dictionary().len(), 2);
        assert_eq!(c.code(2), c.code(4));
        assert_eq!(c.code(1), None);
        assert_eq!(c.get(99), Cell::Missing);
        let only_missing = Column::from_values("m", vec![Value::Missing; 3]);
        assert_eq!(only_missing.values(), vec![Value::Missing; 3]);
        let nums = Column::from_values("n", vec![Value::Missing, Value::Number(2.0)]);
        assert!(!nums.is_text_only() && nums.get(0) == Cell::Missing);
    }
}
