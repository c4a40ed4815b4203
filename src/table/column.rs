//! A column of a loaded table, stored compactly: texts as codes into a dictionary of the
//! column's distinct texts, two bytes a row while there are fewer than 65,535 of them (four
//! after); numbers as four-byte whole numbers while every number is one (counts, years), eight
//! bytes (`f64`) once one is not. A category column of a million rows is then two megabytes and
//! its distinct values are known without a pass over the rows. A column holding both (a count
//! column with a stray text) keeps both arrays.
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
/// No whole number (in the four-byte form).
const NO_INT: i32 = i32::MIN;
/// A missing cell in [`Column::whole_numbers`].
pub const NO_WHOLE: i32 = NO_INT;
/// No text.
pub const NO_CODE: u32 = u32::MAX;
/// No text (in the two-byte form).
const NO_SHORT: u16 = u16::MAX;
/// A missing cell in [`Column::short_codes`].
pub const NO_SHORT_CODE: u16 = NO_SHORT;

/// Where a two-byte code goes in a table with one entry per text of the dictionary and, after
/// them, one at `missing` for a missing cell.
#[inline]
pub fn slot(code: u16, missing: usize) -> usize {
    if code == NO_SHORT {
        missing
    } else {
        usize::from(code)
    }
}

/// The rows of each of `n` groups in the order `pairs` gives them (each row with its group; a
/// group number of `n` or more, such as `u32::MAX`: in none), each list made at its size, so
/// that no list grows (and is copied) row by row.
pub fn rows_by_group<I>(pairs: I, n: usize) -> Vec<Vec<usize>>
where
    I: Iterator<Item = (usize, u32)> + Clone,
{
    let mut sizes = vec![0usize; n];
    for (_, g) in pairs.clone() {
        if let Some(k) = sizes.get_mut(g as usize) {
            *k += 1;
        }
    }
    let mut lists: Vec<Vec<usize>> = sizes.iter().map(|&k| Vec::with_capacity(k)).collect();
    for (i, g) in pairs {
        if let Some(list) = lists.get_mut(g as usize) {
            list.push(i);
        }
    }
    lists
}

/// Rows' cells in some columns of texts as one number each, for grouping rows without hashing:
/// each column a digit (its codes, missing the last), so equal numbers are equal cells. Made
/// when every column holds texts only and the numbers stay under a limit.
pub struct CodeKey<'a> {
    columns: Vec<&'a Column>,
    /// The two-byte codes, when every column has them (the common case, read directly).
    short: Option<Vec<&'a [u16]>>,
    radix: Vec<usize>,
    /// How many numbers there are: every key is below it.
    pub cells: usize,
}

impl<'a> CodeKey<'a> {
    /// The key of `columns`, when they hold texts only and have at most `limit` numbers.
    pub fn of(columns: Vec<&'a Column>, limit: usize) -> Option<CodeKey<'a>> {
        if columns.iter().any(|c| c.has_number()) {
            return None;
        }
        let radix: Vec<usize> = columns.iter().map(|c| c.dictionary().len() + 1).collect();
        let cells = radix
            .iter()
            .try_fold(1usize, |a, &b| a.checked_mul(b))
            .filter(|&n| n <= limit)?;
        let short = columns.iter().map(|c| c.short_codes()).collect();
        Some(CodeKey {
            columns,
            short,
            radix,
            cells,
        })
    }

    /// The two-byte codes of the key's columns, one array per column, when every column has
    /// them (see [`Column::short_codes`]).
    pub fn short_codes(&self) -> Option<&[&'a [u16]]> {
        self.short.as_deref()
    }

    /// Row `i`'s number.
    #[inline]
    pub fn of_row(&self, i: usize) -> usize {
        let mut at = 0usize;
        match &self.short {
            Some(short) => {
                for (codes, &r) in short.iter().zip(&self.radix) {
                    let k = codes.get(i).copied().unwrap_or(NO_SHORT);
                    at = at * r + slot(k, r - 1);
                }
            }
            None => {
                for (c, &r) in self.columns.iter().zip(&self.radix) {
                    at = at * r + c.code(i).map_or(r - 1, |k| k as usize);
                }
            }
        }
        at
    }
}

fn no_number() -> f64 {
    f64::from_bits(NO_NUMBER)
}
fn is_number(n: f64) -> bool {
    n.to_bits() != NO_NUMBER
}
/// `n` as a four-byte whole number when it is exactly one (not -0, which must read back as -0).
fn as_int(n: f64) -> Option<i32> {
    let k = n as i32;
    (k != NO_INT && f64::from(k).to_bits() == n.to_bits()).then_some(k)
}

/// A value of a column's array in its narrow form, which holds most columns whole; the wide
/// form holds any value.
trait Narrow: Copy + PartialEq {
    type Wide: Copy;
    /// No value, in each form.
    const NONE: Self;
    const WIDE_NONE: Self::Wide;
    fn widen(self) -> Self::Wide;
    /// `w` in the narrow form, if it has one.
    fn narrow(w: Self::Wide) -> Option<Self>;
}

/// Whole numbers: four bytes, eight (`f64`) once one is not whole or does not fit.
impl Narrow for i32 {
    type Wide = f64;
    const NONE: i32 = NO_INT;
    const WIDE_NONE: f64 = f64::from_bits(NO_NUMBER);
    fn widen(self) -> f64 {
        if self == NO_INT {
            no_number()
        } else {
            f64::from(self)
        }
    }
    fn narrow(n: f64) -> Option<i32> {
        if !is_number(n) {
            return Some(NO_INT);
        }
        as_int(n)
    }
}

/// Text codes: two bytes, four once the dictionary holds 65,535 texts.
impl Narrow for u16 {
    type Wide = u32;
    const NONE: u16 = NO_SHORT;
    const WIDE_NONE: u32 = NO_CODE;
    fn widen(self) -> u32 {
        if self == NO_SHORT {
            NO_CODE
        } else {
            u32::from(self)
        }
    }
    fn narrow(c: u32) -> Option<u16> {
        if c == NO_CODE {
            return Some(NO_SHORT);
        }
        u16::try_from(c).ok().filter(|&c| c != NO_SHORT)
    }
}

/// The values of a column's array being appended to another's: a column's own array
/// ([`Compact`]), or one still in the bytes that handed it over ([`WireCompact`]).
trait Values<N: Narrow> {
    fn len(&self) -> usize;
    /// Value `i` in the wide form ([`Narrow::WIDE_NONE`]: none); `None` past the end.
    fn get(&self, i: usize) -> Option<N::Wide>;
    /// Whether the values are in the narrow form.
    fn narrow(&self) -> bool;
    /// Appends each value in the narrow form, as `f` maps it, to `to` (nothing when they are
    /// wide).
    fn extend_narrow(&self, to: &mut Vec<N>, f: impl FnMut(N) -> N);
    /// Appends the values in the wide form to `to` (nothing when they are narrow).
    fn extend_wide(&self, to: &mut Vec<N::Wide>);
}

impl<N: Narrow> Values<N> for Compact<N> {
    fn len(&self) -> usize {
        Compact::len(self)
    }
    fn get(&self, i: usize) -> Option<N::Wide> {
        Compact::get(self, i)
    }
    fn narrow(&self) -> bool {
        matches!(self, Compact::Narrow(_))
    }
    fn extend_narrow(&self, to: &mut Vec<N>, f: impl FnMut(N) -> N) {
        if let Compact::Narrow(v) = self {
            to.extend(v.iter().copied().map(f));
        }
    }
    fn extend_wide(&self, to: &mut Vec<N::Wide>) {
        if let Compact::Wide(v) = self {
            to.extend_from_slice(v);
        }
    }
}

/// A column's numbers or codes, narrow until a value needs the wide form; widened once, then.
#[derive(Debug, Clone)]
enum Compact<N: Narrow> {
    Narrow(Vec<N>),
    Wide(Vec<N::Wide>),
}

impl<N: Narrow> Default for Compact<N> {
    fn default() -> Self {
        Compact::Narrow(Vec::new())
    }
}

impl<N: Narrow> Compact<N> {
    fn len(&self) -> usize {
        match self {
            Compact::Narrow(v) => v.len(),
            Compact::Wide(v) => v.len(),
        }
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Row `i`'s value in the wide form ([`Narrow::WIDE_NONE`]: none); `None` past the end.
    fn get(&self, i: usize) -> Option<N::Wide> {
        match self {
            Compact::Narrow(v) => v.get(i).map(|&x| x.widen()),
            Compact::Wide(v) => v.get(i).copied(),
        }
    }
    fn reserve(&mut self, n: usize) {
        match self {
            Compact::Narrow(v) => v.reserve(n),
            Compact::Wide(v) => v.reserve(n),
        }
    }
    /// Pads with "none" up to `n` rows.
    fn pad(&mut self, n: usize) {
        match self {
            Compact::Narrow(v) if v.len() < n => v.resize(n, N::NONE),
            Compact::Wide(v) if v.len() < n => v.resize(n, N::WIDE_NONE),
            _ => {}
        }
    }
    /// Appends `w`; `hint`: the rows expected, for the wide array if one is made.
    fn push(&mut self, w: N::Wide, hint: usize) {
        if let Compact::Narrow(v) = self {
            match N::narrow(w) {
                Some(x) => return v.push(x),
                None => {
                    let mut wide = Vec::with_capacity(hint.max(v.len() + 1));
                    wide.extend(v.iter().map(|&x| x.widen()));
                    *self = Compact::Wide(wide);
                }
            }
        }
        if let Compact::Wide(v) = self {
            v.push(w);
        }
    }
    /// Appends the values of `other`.
    fn extend(&mut self, other: &impl Values<N>, hint: usize) {
        match &mut *self {
            Compact::Narrow(a) if other.narrow() => other.extend_narrow(a, |x| x),
            Compact::Wide(a) if !other.narrow() => other.extend_wide(a),
            _ => {
                for i in 0..other.len() {
                    self.push(other.get(i).unwrap_or(N::WIDE_NONE), hint);
                }
            }
        }
    }
    /// Bytes a row.
    fn width(&self) -> usize {
        match self {
            Compact::Narrow(_) => std::mem::size_of::<N>(),
            Compact::Wide(_) => std::mem::size_of::<N::Wide>(),
        }
    }
    fn all_none(&self) -> bool {
        match self {
            Compact::Narrow(v) => v.iter().all(|&x| x == N::NONE),
            Compact::Wide(v) => v.iter().all(|&w| N::narrow(w) == Some(N::NONE)),
        }
    }
    /// Writes the form (0 narrow, 1 wide, 2 and 3 narrow packed in one and two bytes) and
    /// the values, each in `A` or `B` bytes, or packed ([`Column::write_to`]).
    #[cfg(feature = "full")]
    fn write_to<const A: usize, const B: usize>(
        &self,
        w: &mut super::wire::Wire,
        narrow: impl Fn(&N) -> [u8; A],
        wide: impl Fn(&N::Wide) -> [u8; B],
    ) where
        N: OnWire,
    {
        match self {
            Compact::Narrow(v) => match packed_width(v) {
                1 => {
                    w.u8(2);
                    w.many(v, |&x| [x.packed(1) as u8]);
                }
                2 => {
                    w.u8(3);
                    w.many(v, |&x| (x.packed(2) as u16).to_le_bytes());
                }
                _ => {
                    w.u8(0);
                    w.many(v, narrow);
                }
            },
            Compact::Wide(v) => {
                w.u8(1);
                w.many(v, wide);
            }
        }
    }

    /// Frees spare capacity when much was left over (a shrink copies the array).
    fn shrink(&mut self) {
        fn shrink<T>(v: &mut Vec<T>) {
            if v.capacity() > v.len() + v.len() / 8 + 16 {
                v.shrink_to_fit();
            }
        }
        match self {
            Compact::Narrow(v) => shrink(v),
            Compact::Wide(v) => shrink(v),
        }
    }
}

/// A column in the byte form that hands rows from one reading to another (the page's second
/// worker, see [`super::wire`]), and back.
#[cfg(feature = "full")]
impl Column {
    /// About the bytes [`Column::write_to`] writes (to make room for them at once).
    pub(crate) fn wire_size(&self) -> usize {
        let dict: usize = self.dict.iter().map(|t| t.len() + 8).sum();
        self.nums.len() * self.nums.width() + self.codes.len() * self.codes.width() + dict + 64
    }

    pub(crate) fn write_to(&self, w: &mut super::wire::Wire) {
        w.str(&self.name);
        w.usize(self.len);
        self.nums
            .write_to(w, |x| x.to_le_bytes(), |x| x.to_bits().to_le_bytes());
        self.codes
            .write_to(w, |x| x.to_le_bytes(), |x| x.to_le_bytes());
        w.usize(self.dict.len());
        for t in &self.dict {
            w.str(t);
        }
        w.opt_str(self.spaced.as_deref());
        w.usize(self.markers.len());
        for m in &self.markers {
            w.str(m);
        }
    }
}

/// A column as [`Column::write_to`] wrote it, read back in place: its arrays stay in the bytes
/// until [`Column::append_wire`] appends them.
#[cfg(feature = "full")]
pub(crate) struct WireColumn<'a> {
    pub(crate) name: &'a str,
    len: usize,
    nums: WireCompact<'a, i32>,
    codes: WireCompact<'a, u16>,
    dict: Vec<&'a str>,
    spaced: Option<&'a str>,
    markers: Vec<&'a str>,
}

#[cfg(feature = "full")]
impl<'a> WireColumn<'a> {
    /// The column written by [`Column::write_to`]; `None` when the bytes are not one (cut
    /// short, more cells than rows, a text twice in the dictionary, a code past it).
    pub(crate) fn read_from(r: &mut super::wire::Unwire<'a>) -> Option<WireColumn<'a>> {
        let name = r.str()?;
        let len = r.usize()?;
        let nums = WireCompact::read_from(r)?;
        let codes: WireCompact<u16> = WireCompact::read_from(r)?;
        let n = r.len_of(8)?;
        let mut dict = Vec::with_capacity(n);
        let mut seen: FastMap<&str, ()> = FastMap::default();
        for _ in 0..n {
            let t = r.str()?;
            if seen.insert(t, ()).is_some() {
                return None; // the same text twice
            }
            dict.push(t);
        }
        let known = |k: u32| k == NO_CODE || (k as usize) < dict.len();
        if !codes.all(known) || nums.len() > len || codes.len() > len {
            return None;
        }
        let spaced = r.opt_str()?;
        let m = r.len_of(8)?;
        let mut markers = Vec::with_capacity(m);
        for _ in 0..m {
            markers.push(r.str()?);
        }
        Some(WireColumn {
            name,
            len,
            nums,
            codes,
            dict,
            spaced,
            markers,
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// A [`Compact`] array as [`Compact::write_to`] wrote it: its form and its bytes, each value
/// read from them as it is used.
#[cfg(feature = "full")]
struct WireCompact<'a, N> {
    wide: bool,
    /// Narrow values packed in this many bytes each (0: as they are).
    packed: usize,
    bytes: &'a [u8],
    form: std::marker::PhantomData<N>,
}

/// A value's bytes in the wire, in each form.
#[cfg(feature = "full")]
trait OnWire: Narrow {
    /// The bytes of a value in each form (written little-endian at their size, see `wire.rs`).
    const NARROW: usize = std::mem::size_of::<Self>();
    const WIDE: usize = std::mem::size_of::<Self::Wide>();
    fn narrow_from(b: &[u8]) -> Self;
    fn wide_from(b: &[u8]) -> Self::Wide;
    /// The value as a whole number from 0 that a packed form holds, when it is one.
    fn small(self) -> Option<u32>;
    /// The value [`OnWire::small`] gave.
    fn from_small(v: u32) -> Self;
    /// The value packed in `bytes` bytes: [`OnWire::small`], or all ones for none (the caller
    /// checked, see [`packed_width`]).
    fn packed(self, bytes: usize) -> u32 {
        match self.small() {
            Some(v) if self != Self::NONE => v,
            _ => all_ones(bytes),
        }
    }
    /// The value [`OnWire::packed`] packed in `bytes` bytes as `v`.
    #[inline]
    fn unpacked(v: u32, bytes: usize) -> Self {
        if v == all_ones(bytes) {
            Self::NONE
        } else {
            Self::from_small(v)
        }
    }
}

/// "None" in a value packed in `bytes` bytes.
#[cfg(feature = "full")]
#[inline]
fn all_ones(bytes: usize) -> u32 {
    (1u32 << (8 * bytes)) - 1
}

/// The bytes a narrow array's values can be packed in on the wire (1 or 2; 0: none, kept as
/// they are): every value none or a whole number from 0 below the all-ones of that size.
/// Texts' codes of a column of fewer than 255 texts and small counts take a byte a row.
#[cfg(feature = "full")]
fn packed_width<N: OnWire>(v: &[N]) -> usize {
    let mut most = 0u32;
    for &x in v {
        if x == N::NONE {
            continue;
        }
        match x.small() {
            Some(s) => most = most.max(s),
            None => return 0,
        }
    }
    if most < 0xFF {
        1
    } else if most < 0xFFFF && N::NARROW > 2 {
        2
    } else {
        0
    }
}

#[cfg(feature = "full")]
impl OnWire for i32 {
    fn narrow_from(b: &[u8]) -> i32 {
        i32::from_le_bytes(b.try_into().unwrap_or([0; 4]))
    }
    fn wide_from(b: &[u8]) -> f64 {
        f64::from_bits(u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }
    fn small(self) -> Option<u32> {
        u32::try_from(self).ok()
    }
    fn from_small(v: u32) -> i32 {
        i32::try_from(v).unwrap_or(NO_INT)
    }
}

#[cfg(feature = "full")]
impl OnWire for u16 {
    fn narrow_from(b: &[u8]) -> u16 {
        u16::from_le_bytes(b.try_into().unwrap_or([0; 2]))
    }
    fn wide_from(b: &[u8]) -> u32 {
        u32::from_le_bytes(b.try_into().unwrap_or([0; 4]))
    }
    fn small(self) -> Option<u32> {
        Some(u32::from(self))
    }
    fn from_small(v: u32) -> u16 {
        u16::try_from(v).unwrap_or(NO_SHORT)
    }
}

#[cfg(feature = "full")]
impl<'a, N: OnWire> WireCompact<'a, N> {
    fn read_from(r: &mut super::wire::Unwire<'a>) -> Option<Self> {
        let (wide, packed) = match r.u8()? {
            0 => (false, 0),
            1 => (true, 0),
            2 => (false, 1),
            3 if N::NARROW > 2 => (false, 2),
            _ => return None,
        };
        let mut c = WireCompact {
            wide,
            packed,
            bytes: &[],
            form: std::marker::PhantomData,
        };
        c.bytes = r.run(c.width())?;
        Some(c)
    }
    fn width(&self) -> usize {
        if self.wide {
            N::WIDE
        } else if self.packed > 0 {
            self.packed
        } else {
            N::NARROW
        }
    }
    /// A narrow value from its bytes.
    #[inline]
    fn narrow_at(&self, b: &[u8]) -> N {
        match (self.packed, b) {
            (1, &[x]) => N::unpacked(u32::from(x), 1),
            (2, &[x, y]) => N::unpacked(u32::from(u16::from_le_bytes([x, y])), 2),
            _ => N::narrow_from(b),
        }
    }
    /// Whether `f` holds for every value (in the wide form).
    fn all(&self, f: impl Fn(N::Wide) -> bool) -> bool {
        if self.wide {
            self.bytes.chunks_exact(N::WIDE).all(|b| f(N::wide_from(b)))
        } else {
            self.bytes
                .chunks_exact(self.width())
                .all(|b| f(self.narrow_at(b).widen()))
        }
    }
}

#[cfg(feature = "full")]
impl<N: OnWire> Values<N> for WireCompact<'_, N> {
    fn len(&self) -> usize {
        self.bytes.len() / self.width()
    }
    fn get(&self, i: usize) -> Option<N::Wide> {
        let w = self.width();
        let b = self.bytes.get(i.checked_mul(w)?..)?.get(..w)?;
        Some(if self.wide {
            N::wide_from(b)
        } else {
            self.narrow_at(b).widen()
        })
    }
    fn narrow(&self) -> bool {
        !self.wide
    }
    fn extend_narrow(&self, to: &mut Vec<N>, mut f: impl FnMut(N) -> N) {
        match (self.wide, self.packed) {
            (true, _) => {}
            // (One byte a value, the usual packed form, without a slice per value.)
            (false, 1) => to.extend(self.bytes.iter().map(|&x| f(N::unpacked(u32::from(x), 1)))),
            (false, _) => to.extend(
                self.bytes
                    .chunks_exact(self.width())
                    .map(|b| f(self.narrow_at(b))),
            ),
        }
    }
    fn extend_wide(&self, to: &mut Vec<N::Wide>) {
        if self.wide {
            to.extend(self.bytes.chunks_exact(N::WIDE).map(N::wide_from));
        }
    }
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
    /// Per row the number, or none; empty when the column has no number.
    nums: Compact<i32>,
    /// Per row the code of the text in `dict`, or none; empty when it has no text.
    codes: Compact<u16>,
    /// The distinct texts, in order of first appearance.
    dict: Vec<Box<str>>,
    /// Text -> code, while the column is written to.
    index: FastMap<Box<str>, u32>,
    /// Rows expected: the array a first number or text creates is made this long at once.
    hint: usize,
    /// The first cell read as a number with its thousands grouped by spaces (`4 099`), for the
    /// note that says so.
    #[cfg(feature = "full")]
    pub(crate) spaced: Option<Box<str>>,
    /// The symbols for a missing number (`.`, `x`, `-`, `?`) read in this column (a few, each
    /// once), for the note that names them.
    #[cfg(feature = "full")]
    pub(crate) markers: Vec<Box<str>>,
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

    /// Remembers `raw`, read as a number in this column, when its thousands are grouped by
    /// spaces and it is the first such cell.
    #[cfg(feature = "full")]
    pub(crate) fn saw_number(&mut self, raw: &str) {
        if self.spaced.is_none() && super::has_spaced_groups(raw) {
            self.spaced = Some(raw.trim().into());
        }
    }

    /// Remembers `raw`, a missing-value symbol read as a missing cell of this column (not an
    /// empty cell), when it is one of the first few different ones.
    #[cfg(feature = "full")]
    pub(crate) fn saw_marker(&mut self, raw: &str) {
        let t = raw.trim();
        if !t.is_empty() && self.markers.len() < 5 && !self.markers.iter().any(|m| &**m == t) {
            self.markers.push(t.into());
        }
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
        if let Some(c) = self.codes.get(i) {
            if c != NO_CODE {
                if let Some(t) = self.dict.get(c as usize) {
                    return Cell::Text(t);
                }
            }
        }
        match self.nums.get(i) {
            Some(n) if is_number(n) => Cell::Number(n),
            _ => Cell::Missing,
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Cell<'_>> + '_ {
        (0..self.len).map(move |i| self.get(i))
    }

    /// Whether rows `a` and `b` hold the same cell (as [`Cell`]'s `==`: texts by their code in
    /// this column's dictionary, -0 equal to 0, two missing cells equal), without reading either
    /// cell's text.
    pub fn same(&self, a: usize, b: usize) -> bool {
        // A column of one narrow array: its entries compare as the cells do.
        match (&self.codes, &self.nums) {
            (Compact::Narrow(v), n) if n.is_empty() => {
                if let (Some(x), Some(y)) = (v.get(a), v.get(b)) {
                    return x == y;
                }
            }
            (c, Compact::Narrow(v)) if c.is_empty() => {
                if let (Some(x), Some(y)) = (v.get(a), v.get(b)) {
                    return x == y;
                }
            }
            _ => {}
        }
        if a >= self.len || b >= self.len {
            return self.get(a) == self.get(b); // past the end: missing
        }
        let (ca, cb) = (self.code(a), self.code(b));
        if ca.is_some() || cb.is_some() {
            return ca == cb;
        }
        match (self.nums.get(a), self.nums.get(b)) {
            (Some(x), Some(y)) => x == y || (!is_number(x) && !is_number(y)),
            _ => true, // neither has a number nor a text: both missing
        }
    }

    /// Row `i`'s number, if it is one (the cell's [`Cell::as_number`]).
    pub fn number(&self, i: usize) -> Option<f64> {
        if self.code(i).is_some() {
            return None;
        }
        self.nums.get(i).filter(|&n| is_number(n))
    }

    /// The sum of the numbers in `rows`, added in their order (as `f64`); `None` when one of
    /// them holds no number. Whole numbers are read straight from their array.
    pub fn sum_of(&self, rows: &[usize]) -> Option<f64> {
        if let Some(whole) = self.whole_numbers() {
            return rows.iter().try_fold(0.0, |acc, &i| match whole.get(i) {
                Some(&k) if k != NO_WHOLE => Some(acc + f64::from(k)),
                _ => None,
            });
        }
        rows.iter()
            .try_fold(0.0, |acc, &i| self.number(i).map(|v| acc + v))
    }

    /// Whether some row holds a number.
    pub fn has_number(&self) -> bool {
        !self.nums.all_none()
    }

    /// Whether some row holds a text.
    pub fn has_text(&self) -> bool {
        match &self.codes {
            Compact::Narrow(v) => v.iter().any(|&c| c != NO_SHORT),
            Compact::Wide(v) => v.iter().any(|&c| c != NO_CODE),
        }
    }

    /// The cells as owned values.
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|c| c.to_value()).collect()
    }

    /// The code of row `i`'s text in [`Column::dictionary`], if it is a text.
    pub fn code(&self, i: usize) -> Option<u32> {
        self.codes.get(i).filter(|&c| c != NO_CODE)
    }

    /// The distinct texts of the column, indexed by [`Column::code`].
    pub fn dictionary(&self) -> &[Box<str>] {
        &self.dict
    }

    /// The column's numbers as four-byte whole numbers, one a row ([`NO_WHOLE`]: missing), when
    /// it holds no text and every number is one: for scans that need no [`Cell`] per row.
    pub fn whole_numbers(&self) -> Option<&[i32]> {
        match (&self.nums, self.codes.is_empty()) {
            (Compact::Narrow(v), true) if v.len() == self.len => Some(v),
            _ => None,
        }
    }

    /// The column's text codes as two-byte codes, one a row ([`NO_SHORT_CODE`]: missing), when
    /// it holds no number and fewer than 65,535 texts: for scans that need no [`Cell`] per row.
    pub fn short_codes(&self) -> Option<&[u16]> {
        match (&self.codes, self.nums.is_empty()) {
            (Compact::Narrow(v), true) if v.len() == self.len => Some(v),
            _ => None,
        }
    }

    /// Bytes a row of the column takes (numbers and codes, the dictionary not counted).
    pub fn bytes_per_row(&self) -> usize {
        let width = |empty: bool, w: usize| if empty { 0 } else { w };
        width(self.nums.is_empty(), self.nums.width())
            + width(self.codes.is_empty(), self.codes.width())
    }

    pub fn push(&mut self, v: Value) {
        match v {
            Value::Missing => self.push_missing(),
            Value::Number(n) => self.push_number(n),
            Value::Text(t) => self.push_text(&t),
        }
    }

    /// Appends the last row's cell `n` more times: the same as pushing it again `n` times
    /// (arrays that hold values are always as long as the column; an empty one stays empty,
    /// filled later as pushing would). For runs of a cell that repeats row after row.
    #[cfg(feature = "full")]
    pub fn repeat_last(&mut self, n: usize) {
        if n == 0 || self.len == 0 {
            return;
        }
        fn repeat<T: Copy>(v: &mut Vec<T>, n: usize) {
            if let Some(&x) = v.last() {
                v.extend(std::iter::repeat_n(x, n));
            }
        }
        match &mut self.nums {
            Compact::Narrow(v) => repeat(v, n),
            Compact::Wide(v) => repeat(v, n),
        }
        match &mut self.codes {
            Compact::Narrow(v) => repeat(v, n),
            Compact::Wide(v) => repeat(v, n),
        }
        self.len += n;
    }

    pub fn push_missing(&mut self) {
        if !self.nums.is_empty() {
            self.nums.push(no_number(), self.hint);
        }
        if !self.codes.is_empty() {
            self.codes.push(NO_CODE, self.hint);
        }
        self.len += 1;
    }

    #[cfg_attr(feature = "full", inline)]
    pub fn push_number(&mut self, n: f64) {
        // The common case first: a whole number into a column of whole numbers only, with room
        // for it (inlined where cells are read; the rest is a call).
        #[cfg(feature = "full")]
        if let (Compact::Narrow(v), true) = (&mut self.nums, self.codes.is_empty()) {
            if v.len() == self.len && !v.is_empty() && v.len() < v.capacity() {
                if let Some(k) = as_int(n) {
                    v.push(k);
                    self.len += 1;
                    return;
                }
            }
        }
        self.push_number_slow(n)
    }

    #[cfg_attr(feature = "full", inline(never))]
    fn push_number_slow(&mut self, n: f64) {
        if let (Compact::Narrow(v), true) = (&mut self.nums, self.codes.is_empty()) {
            if v.len() == self.len && !v.is_empty() {
                if let Some(k) = as_int(n) {
                    v.push(k);
                    self.len += 1;
                    return;
                }
            }
        }
        // A NaN is not a number of the file (loaders never produce one): it is missing.
        if n.is_nan() {
            return self.push_missing();
        }
        if self.nums.is_empty() {
            self.nums.reserve(self.hint.max(self.len + 1));
        }
        self.nums.pad(self.len);
        self.nums.push(n, self.hint);
        if !self.codes.is_empty() {
            self.codes.push(NO_CODE, self.hint);
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
    #[cfg_attr(feature = "full", inline)]
    pub fn push_code(&mut self, code: u32) {
        // The common case first: a short code into a column of texts only, with room for it
        // (inlined where cells are read; the rest is a call).
        #[cfg(feature = "full")]
        if let (Compact::Narrow(v), true) = (&mut self.codes, self.nums.is_empty()) {
            if v.len() == self.len && !v.is_empty() && v.len() < v.capacity() {
                if let Some(k) = u16::try_from(code).ok().filter(|&k| k != NO_SHORT) {
                    v.push(k);
                    self.len += 1;
                    return;
                }
            }
        }
        self.push_code_slow(code)
    }

    #[cfg_attr(feature = "full", inline(never))]
    fn push_code_slow(&mut self, code: u32) {
        if let (Compact::Narrow(v), true) = (&mut self.codes, self.nums.is_empty()) {
            if v.len() == self.len && !v.is_empty() {
                if let Some(k) = u16::try_from(code).ok().filter(|&k| k != NO_SHORT) {
                    v.push(k);
                    self.len += 1;
                    return;
                }
            }
        }
        if self.codes.is_empty() {
            self.codes.reserve(self.hint.max(self.len + 1));
        }
        self.codes.pad(self.len);
        self.codes.push(code, self.hint);
        if !self.nums.is_empty() {
            self.nums.push(no_number(), self.hint);
        }
        self.len += 1;
    }

    /// Appends the rows of `other` (before [`Column::finish`]): its texts get this column's
    /// codes, new ones added in the order they first occur in `other`, so the dictionary is the
    /// one writing all rows into this column would have made.
    pub fn append(&mut self, other: Column) {
        #[cfg(feature = "full")]
        self.saw_marks(other.spaced.as_deref(), other.markers.iter().map(|m| &**m));
        let texts = other.dict.iter().map(|t| &**t);
        self.append_arrays(other.len, texts, &other.codes, &other.nums);
    }

    /// [`Column::append`] of a column still in the bytes that handed it over: its arrays are
    /// read from there as they are appended, not copied into arrays of their own first.
    #[cfg(feature = "full")]
    pub(crate) fn append_wire(&mut self, other: &WireColumn) {
        self.saw_marks(other.spaced, other.markers.iter().copied());
        let texts = other.dict.iter().copied();
        self.append_arrays(other.len, texts, &other.codes, &other.nums);
    }

    /// What appended rows saw: the first number with spaced thousands (when this column saw
    /// none) and the missing-value symbols.
    #[cfg(feature = "full")]
    fn saw_marks<'t>(&mut self, spaced: Option<&str>, markers: impl Iterator<Item = &'t str>) {
        if self.spaced.is_none() {
            self.spaced = spaced.map(Into::into);
        }
        for m in markers {
            self.saw_marker(m);
        }
    }

    /// Appends `len` rows with the text codes `codes` (into `texts`, which get this column's
    /// codes, new ones added in their order) and the numbers `nums`.
    fn append_arrays<'t>(
        &mut self,
        len: usize,
        texts: impl Iterator<Item = &'t str>,
        codes: &impl Values<u16>,
        nums: &impl Values<i32>,
    ) {
        let remap: Vec<u32> = texts.map(|t| self.intern(t)).collect();
        let total = self.len + len;
        if nums.len() == 0 && self.nums.is_empty() && codes.len() != 0 {
            // Texts and missing cells only.
            if self.codes.is_empty() {
                self.codes.reserve(self.hint.max(total));
            }
            self.codes.pad(self.len);
            // Both narrow, every new code narrow too (the usual case): one pass over the array.
            // (The first core appends no rows: the page reads on one thread.)
            #[cfg(feature = "full")]
            let narrow: Option<Vec<u16>> = remap.iter().map(|&m| u16::narrow(m)).collect();
            #[cfg(not(feature = "full"))]
            let narrow: Option<Vec<u16>> = None;
            match (&mut self.codes, narrow) {
                (Compact::Narrow(to), Some(map)) if codes.narrow() => {
                    codes.extend_narrow(to, |c| map.get(c as usize).copied().unwrap_or(NO_SHORT));
                }
                _ => {
                    for i in 0..codes.len() {
                        let c = codes.get(i).unwrap_or(NO_CODE);
                        let mapped = remap.get(c as usize).copied().unwrap_or(NO_CODE);
                        self.codes.push(mapped, self.hint);
                    }
                }
            }
            self.codes.pad(total);
            self.len = total;
        } else if codes.len() == 0 && self.codes.is_empty() && nums.len() != 0 {
            // Numbers and missing cells only.
            if self.nums.is_empty() {
                self.nums.reserve(self.hint.max(total));
            }
            self.nums.pad(self.len);
            self.nums.extend(nums, self.hint);
            self.nums.pad(total);
            self.len = total;
        } else {
            for i in 0..len {
                match codes.get(i) {
                    Some(c) if c != NO_CODE => {
                        self.push_code(remap.get(c as usize).copied().unwrap_or(NO_CODE))
                    }
                    _ => match nums.get(i) {
                        Some(n) if is_number(n) => self.push_number(n),
                        _ => self.push_missing(),
                    },
                }
            }
        }
    }

    /// Frees what was only needed while writing (the text index) and spare capacity.
    pub fn finish(&mut self) {
        self.index = FastMap::default();
        if !self.nums.is_empty() {
            self.nums.pad(self.len);
        }
        if !self.codes.is_empty() {
            self.codes.pad(self.len);
        }
        self.nums.shrink();
        self.codes.shrink();
    }

    /// Makes the cells whose text has a code marked in `drop` missing and takes those texts out
    /// of the dictionary (after [`Column::finish`]); returns the rows so changed. A column left
    /// without texts keeps no code array.
    #[cfg(feature = "full")]
    pub fn blank_texts(&mut self, drop: &[bool]) -> Vec<usize> {
        let mut remap: Vec<u32> = Vec::with_capacity(self.dict.len());
        let mut kept: Vec<Box<str>> = Vec::new();
        for (k, t) in std::mem::take(&mut self.dict).into_iter().enumerate() {
            if drop.get(k) == Some(&true) {
                remap.push(NO_CODE);
            } else {
                remap.push(kept.len() as u32);
                kept.push(t);
            }
        }
        self.dict = kept;
        let old = std::mem::take(&mut self.codes);
        let mut codes: Compact<u16> = Compact::default();
        let mut rows = Vec::new();
        for i in 0..old.len() {
            let c = old.get(i).unwrap_or(NO_CODE);
            let mapped = remap.get(c as usize).copied().unwrap_or(NO_CODE);
            if c != NO_CODE && mapped == NO_CODE {
                rows.push(i);
            }
            if !self.dict.is_empty() {
                codes.push(mapped, self.len);
            }
        }
        self.codes = codes;
        self.codes.shrink();
        rows
    }

    /// Gives each text the code `into[k]` of the text it is taken as (`into[k] <= k`; `k` keeps
    /// its own), taking the texts no code is left for out of the dictionary (after
    /// [`Column::finish`]).
    #[cfg(feature = "full")]
    pub fn merge_texts(&mut self, into: &[u32]) {
        let mut remap: Vec<u32> = Vec::with_capacity(self.dict.len());
        let mut kept: Vec<Box<str>> = Vec::new();
        for (k, t) in std::mem::take(&mut self.dict).into_iter().enumerate() {
            match into.get(k).copied() {
                Some(to) if (to as usize) < k => {
                    let mapped = remap.get(to as usize).copied().unwrap_or(NO_CODE);
                    remap.push(mapped);
                }
                _ => {
                    remap.push(kept.len() as u32);
                    kept.push(t);
                }
            }
        }
        self.dict = kept;
        let old = std::mem::take(&mut self.codes);
        let mut codes: Compact<u16> = Compact::default();
        for i in 0..old.len() {
            let c = old.get(i).unwrap_or(NO_CODE);
            codes.push(remap.get(c as usize).copied().unwrap_or(NO_CODE), self.len);
        }
        self.codes = codes;
        self.codes.shrink();
    }

    /// The column with every number multiplied by `factor` (a header's unit, `(x 1000)`), its
    /// texts and missing cells as they are. A product that is a whole or short decimal number up
    /// to a rounding error of the multiplication (`80.105 * 1000`) is that number.
    #[cfg(feature = "full")]
    pub fn scaled(&self, factor: f64) -> Column {
        let mut c = Column::with_capacity(self.name.clone(), self.len);
        for i in 0..self.len {
            match self.get(i) {
                Cell::Number(n) => {
                    let v = n * factor;
                    let r = (v * 1e6).round() / 1e6;
                    let exact = (r - v).abs() <= 1e-9 * v.abs().max(1.0);
                    c.push_number(if exact && r.is_finite() { r } else { v });
                }
                Cell::Text(t) => c.push_text(t),
                Cell::Missing => c.push_missing(),
            }
        }
        c.spaced = self.spaced.clone();
        c.markers = self.markers.clone();
        c.finish();
        c
    }

    /// The column with its numbers read with a point that groups thousands, not a decimal point
    /// (`4.099` read as 4.099 is 4099): each number with decimals times 1000. Only for a column
    /// whose every such number was written with three digits after its point.
    #[cfg(feature = "full")]
    pub fn point_as_thousands(&self) -> Column {
        self.numbers_read(|n| {
            if n.fract() != 0.0 {
                (n * 1000.0).round()
            } else {
                n
            }
        })
    }

    /// The column with its numbers read with a decimal point where a point grouping thousands
    /// was assumed (`56.892` read as 56892 is 56.892): each number of 1000 or more divided by
    /// 1000. Only for a column whose every such number is whole.
    #[cfg(feature = "full")]
    pub fn thousands_as_point(&self) -> Column {
        self.numbers_read(|n| if n.abs() >= 1000.0 { n / 1000.0 } else { n })
    }

    /// The column with each number `n` read as `read(n)`, texts and missing cells as they are.
    #[cfg(feature = "full")]
    fn numbers_read(&self, read: impl Fn(f64) -> f64) -> Column {
        let mut out = Column::with_capacity(self.name.clone(), self.len);
        for i in 0..self.len {
            match self.get(i) {
                Cell::Number(n) => out.push_number(read(n)),
                Cell::Text(t) => out.push_text(t),
                Cell::Missing => out.push_missing(),
            }
        }
        out.spaced = self.spaced.clone();
        out.markers = self.markers.clone();
        out.finish();
        out
    }

    /// Rows whose text is `text`: for messages naming where a value occurs.
    pub fn rows_with_text(&self, text: &str) -> impl Iterator<Item = usize> + '_ {
        let code = self
            .dict
            .iter()
            .position(|t| &**t == text)
            .map(|c| c as u32);
        (0..self.codes.len()).filter(move |&i| code.is_some() && self.codes.get(i) == code)
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
    /// A column handed over in bytes and appended from there ([`Column::append_wire`]) ends as
    /// the same column appended as it is ([`Column::append`]): texts (two-byte codes, and four
    /// once there are more than 65,535 texts), whole and other numbers, missing cells, texts and
    /// numbers mixed, the rows onto a column of each kind.
    #[cfg(feature = "full")]
    #[test]
    fn a_column_appended_from_its_bytes_equals_it_appended_as_it_is() {
        use super::super::Value;
        let texts = |n: usize, of: usize| -> Vec<Value> {
            (0..n)
                .map(|i| match i % 7 {
                    3 => Value::Missing,
                    _ => Value::Text(format!("t{}", (i * 31) % of)),
                })
                .collect()
        };
        let numbers = |n: usize, whole: bool| -> Vec<Value> {
            (0..n)
                .map(|i| match i % 5 {
                    2 => Value::Missing,
                    _ if whole => Value::Number((i as f64) - 40.0),
                    _ => Value::Number(i as f64 / 4.0),
                })
                .collect()
        };
        let mixed: Vec<Value> = texts(50, 9)
            .into_iter()
            .zip(numbers(50, false))
            .enumerate()
            .map(|(i, (t, n))| if i % 2 == 0 { t } else { n })
            .collect();
        // Whole numbers from 0 up to `most` (each packed in one or two bytes on the wire when
        // `most` stays below 255 or 65,535) with missing cells.
        let counts = |n: usize, most: usize| -> Vec<Value> {
            (0..n)
                .map(|i| match i % 6 {
                    4 => Value::Missing,
                    _ => Value::Number(((i * 7919) % (most + 1)) as f64),
                })
                .chain([Value::Number(most as f64)])
                .collect()
        };
        let kinds = [
            texts(300, 20),
            texts(70_000, 70_000),
            numbers(300, true),
            numbers(300, false),
            mixed,
            vec![Value::Missing; 10],
            // The packed forms' edges: 255 texts (codes up to 254) and 256, counts up to 254,
            // 255, 65,534 and 65,535.
            texts(600, 255),
            texts(600, 256),
            counts(300, 254),
            counts(300, 255),
            counts(300, 65_534),
            counts(300, 65_535),
        ];
        let mut compared = 0;
        for base in &kinds {
            for next in &kinds {
                let mut plain = Column::from_values("c", base.iter().cloned());
                let mut wired = plain.clone();
                let other = Column::from_values("c", next.iter().cloned());
                let mut w = super::super::wire::Wire::default();
                other.write_to(&mut w);
                let mut r = super::super::wire::Unwire::new(&w.0);
                let read = super::WireColumn::read_from(&mut r).expect("reads back");
                assert!(r.is_empty());
                wired.append_wire(&read);
                plain.append(other);
                plain.finish();
                wired.finish();
                assert_eq!(wired.len(), plain.len());
                assert_eq!(wired.dictionary(), plain.dictionary());
                assert!((0..plain.len()).all(|i| wired.get(i) == plain.get(i)));
                compared += 1;
            }
        }
        assert_eq!(compared, 144);
        // The packed forms are taken: a byte a code for 255 texts, two for 256; a byte a count
        // up to 254, two up to 65,534, four above.
        let wire_len = |v: &[Value]| {
            let mut w = super::super::wire::Wire::default();
            Column::from_values("c", v.iter().cloned()).write_to(&mut w);
            w.0.len()
        };
        let (t255, t256) = (wire_len(&kinds[6]), wire_len(&kinds[7]));
        assert!(t256 - t255 > 600, "{t255} {t256}");
        let counts: Vec<usize> = (8..12).map(|k| wire_len(&kinds[k])).collect();
        assert_eq!(counts[1] - counts[0], 301, "{counts:?}");
        assert_eq!(counts[3] - counts[2], 2 * 301, "{counts:?}");
        // Bytes out of shape read as nothing: a code past the dictionary, cut short.
        let c = Column::from_values("c", texts(20, 3));
        let mut w = super::super::wire::Wire::default();
        c.write_to(&mut w);
        // (Name 9 bytes, length 8, no numbers 9, the codes' form 1 and count 8, a byte a code:
        // row 5's code at byte 40.)
        let mut bad = w.0.clone();
        assert_eq!(bad[26], 2); // packed in a byte
        assert_eq!(bad[40], 2); // "t2"
        bad[40] = 9;
        assert!(super::WireColumn::read_from(&mut super::super::wire::Unwire::new(&bad)).is_none());
        let short = &w.0[..w.0.len() - 1];
        assert!(
            super::WireColumn::read_from(&mut super::super::wire::Unwire::new(short)).is_none()
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn merged_texts_keep_the_first_spelling_and_missing_cells() {
        let mut c = Column::new("g");
        for t in ["A", "b", "a", "", "B", "c"] {
            if t.is_empty() {
                c.push_missing();
            } else {
                c.push_text(t);
            }
        }
        c.finish();
        // Codes: A 0, b 1, a 2, B 3, c 4; a -> A, B -> b.
        c.merge_texts(&[0, 1, 0, 1, 4]);
        let texts: Vec<Option<String>> = (0..6).map(|i| c.get(i).as_text()).collect();
        assert_eq!(
            texts,
            [
                Some("A".into()),
                Some("b".into()),
                Some("A".into()),
                None,
                Some("b".into()),
                Some("c".into())
            ]
        );
        assert_eq!(c.dictionary().len(), 3);
    }

    use super::*;

    #[test]
    #[cfg(feature = "full")]
    fn repeating_the_last_cell_is_pushing_it_again() {
        let tx = |s: &str| Value::Text(s.into());
        // Each form a column can be in when a run starts: codes only, whole numbers only,
        // other numbers, missing only, both arrays, and two-byte codes widened to four.
        let many: Vec<Value> = (0..70_000).map(|i| tx(&format!("t{i}"))).collect();
        let cases: Vec<Vec<Value>> = vec![
            vec![tx("a")],
            vec![Value::Number(3.0)],
            vec![Value::Number(2.5)],
            vec![Value::Number(-0.0)],
            vec![Value::Missing],
            vec![Value::Missing, Value::Missing],
            vec![Value::Missing, Value::Number(1.0), tx("x")],
            vec![tx("x"), Value::Number(1e10), Value::Missing],
            vec![Value::Number(1.0), tx("x"), Value::Number(7.0)],
            vec![tx("x"), Value::Missing, tx("y")],
            many,
        ];
        for cells in cases {
            for n in [0, 1, 5] {
                let (mut a, mut b) = (Column::new("c"), Column::new("c"));
                for v in &cells {
                    a.push(v.clone());
                    b.push(v.clone());
                }
                a.repeat_last(n);
                let last = cells.last().cloned().unwrap_or(Value::Missing);
                for _ in 0..n {
                    b.push(last.clone());
                }
                assert_eq!(a.len(), cells.len() + n);
                let (d, e) = (format!("{a:?}"), format!("{b:?}"));
                a.finish();
                b.finish();
                assert_eq!(a.values(), b.values(), "{:?} then {n} more", &cells[..1]);
                assert!(d == e, "{:?} then {n} more: the arrays differ", &cells[..1]);
                assert_eq!(a.bytes_per_row(), b.bytes_per_row());
            }
        }
        // An empty column has no last cell: nothing is added.
        let mut c = Column::new("c");
        c.repeat_last(3);
        assert_eq!(c.len(), 0);
    }

    #[test]
    #[cfg(feature = "full")]
    fn a_spaced_number_is_remembered_once_and_kept_by_append() {
        let mut a = Column::new("n");
        a.saw_number("4099");
        a.saw_number("12,5 %");
        assert_eq!(a.spaced, None);
        // A second part of the file (read on another thread) with the first spaced number.
        let mut b = Column::new("n");
        b.saw_number(" 4\u{a0}099 ");
        b.saw_number("1 234");
        assert_eq!(b.spaced.as_deref(), Some("4\u{a0}099"));
        a.append(b);
        assert_eq!(a.spaced.as_deref(), Some("4\u{a0}099"));
        // The first part's example stays the first.
        let mut c = Column::new("n");
        c.saw_number("7 000");
        a.append(c);
        assert_eq!(a.spaced.as_deref(), Some("4\u{a0}099"));
    }

    #[test]
    #[cfg(feature = "full")]
    fn blanking_texts_keeps_the_other_cells_and_codes() {
        let mut c = Column::new("a");
        for v in [
            Value::Text("x".into()),
            Value::Number(1.0),
            Value::Text("<5".into()),
            Value::Missing,
            Value::Text("y".into()),
            Value::Text("<5".into()),
        ] {
            c.push(v);
        }
        c.finish();
        let rows = c.blank_texts(&[false, true, false]);
        assert_eq!(rows, [2, 5]);
        assert_eq!(c.dictionary(), [Box::from("x"), Box::from("y")]);
        let cells: Vec<Value> = c.values();
        assert_eq!(
            cells,
            [
                Value::Text("x".into()),
                Value::Number(1.0),
                Value::Missing,
                Value::Missing,
                Value::Text("y".into()),
                Value::Missing
            ]
        );
        assert_eq!(c.code(4), Some(1));
        // Every text dropped: a column of numbers.
        assert_eq!(c.blank_texts(&[true, true]), [0, 4]);
        assert!(!c.has_text() && c.has_number() && c.code(0).is_none());
        assert_eq!(c.get(1), Cell::Number(1.0));
    }

    #[test]
    fn same_number_and_has_text_agree_with_the_cells() {
        let mixes: Vec<Vec<Value>> = vec![
            vec![
                Value::Missing,
                Value::Number(0.0),
                Value::Number(-0.0),
                Value::Text("a".into()),
                Value::Number(3.0),
                Value::Text("a".into()),
                Value::Text("b".into()),
                Value::Number(0.5),
                Value::Missing,
            ],
            vec![Value::Number(2.0), Value::Missing, Value::Number(2.0)],
            vec![
                Value::Text("x".into()),
                Value::Missing,
                Value::Text("x".into()),
            ],
            vec![Value::Missing, Value::Missing],
        ];
        for vals in mixes {
            let mut c = Column::from_values("c", vals.clone());
            c.finish();
            for a in 0..=vals.len() {
                assert_eq!(c.number(a), c.get(a).as_number(), "{vals:?} row {a}");
                for b in 0..=vals.len() {
                    assert_eq!(c.same(a, b), c.get(a) == c.get(b), "{vals:?} rows {a} {b}");
                }
            }
            let texts = vals.iter().any(|v| matches!(v, Value::Text(_)));
            assert_eq!(c.has_text(), texts);
            let numbers = vals.iter().any(|v| matches!(v, Value::Number(_)));
            assert_eq!(c.has_number(), numbers);
        }
    }

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
        assert!(nums.has_number() && nums.get(0) == Cell::Missing);
    }

    #[test]
    fn the_compact_forms_widen_without_changing_a_cell() {
        // Whole numbers in four bytes until one is not; -0, the ends of i32 and beyond.
        let nums = [1.0, -3.0, f64::from(i32::MAX), f64::from(i32::MIN + 1), 0.0];
        let mut c = Column::with_capacity("n", 10);
        for &n in &nums {
            c.push_number(n);
        }
        c.push_missing();
        assert_eq!(c.bytes_per_row(), 4);
        for wide in [-0.0, 2.5, f64::from(i32::MIN), 1e12] {
            let mut w = c.clone();
            w.push_number(wide);
            w.push_number(7.0);
            assert_eq!(w.bytes_per_row(), 8, "{wide}");
            let got: Vec<Cell> = w.iter().collect();
            let mut want: Vec<Cell> = nums.iter().map(|&n| Cell::Number(n)).collect();
            want.extend([Cell::Missing, Cell::Number(wide), Cell::Number(7.0)]);
            assert_eq!(got, want);
            assert_eq!(w.get(6).as_number().map(f64::to_bits), Some(wide.to_bits()));
        }
        // Codes in two bytes until the dictionary holds 65,535 texts.
        let mut t = Column::new("t");
        for k in 0..65_535u32 {
            t.push_text(&k.to_string());
        }
        t.push_missing();
        t.push_number(4.0);
        assert_eq!(t.bytes_per_row(), 2 + 4);
        t.push_text("65535");
        t.push_text("0");
        assert_eq!(t.bytes_per_row(), 4 + 4);
        assert_eq!(t.dictionary().len(), 65_536);
        assert_eq!(t.get(65_534), Cell::Text("65534"));
        assert_eq!(t.get(65_535), Cell::Missing);
        assert_eq!(t.get(65_536), Cell::Number(4.0));
        assert_eq!(t.get(65_537), Cell::Text("65535"));
        assert_eq!(t.code(65_537), Some(65_535));
        assert_eq!(t.get(65_538), Cell::Text("0"));
        assert_eq!(t.rows_with_text("0").collect::<Vec<_>>(), vec![0, 65_538]);
        // Appending columns of either form gives the cells of writing them all into one.
        let mut a = Column::new("a");
        a.push_number(1.0);
        let mut b = Column::new("a");
        b.push_number(0.5);
        b.push_missing();
        a.append(b);
        assert_eq!(
            a.values(),
            vec![Value::Number(1.0), Value::Number(0.5), Value::Missing]
        );
        let mut a = Column::new("a");
        a.push_number(0.5);
        let mut b = Column::new("a");
        b.push_number(3.0);
        a.append(b);
        assert_eq!(a.values(), vec![Value::Number(0.5), Value::Number(3.0)]);
        let mut a = Column::new("a");
        a.push_text("x");
        a.append(t.clone());
        assert_eq!(a.len(), t.len() + 1);
        assert_eq!(a.get(65_539), Cell::Text("0"));
        assert_eq!(a.get(1), Cell::Text("0"));
    }
}
