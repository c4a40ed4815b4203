//! The row in the file of each data row. In most files the data rows are the file's rows one
//! after another (a header, then no blank lines, no line breaks inside cells): then only the
//! first row and the count are kept, not four bytes a row; the list is written out the first
//! time a row does not follow on.

use serde::{Serialize, Serializer};

#[derive(Clone, Default)]
pub struct RowNumbers {
    /// While `list` is empty: the rows are `first`, `first + 1`, ... (`run` of them).
    first: u32,
    run: usize,
    /// Every row's number, once they do not all follow on.
    list: Vec<u32>,
}

impl RowNumbers {
    pub fn new() -> RowNumbers {
        RowNumbers::default()
    }

    pub fn len(&self) -> usize {
        if self.list.is_empty() {
            self.run
        } else {
            self.list.len()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The 1-based row in the file of data row `i`.
    pub fn get(&self, i: usize) -> Option<usize> {
        if self.list.is_empty() {
            (i < self.run).then(|| self.first as usize + i)
        } else {
            self.list.get(i).map(|&r| r as usize)
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    #[cfg_attr(feature = "full", inline)]
    pub fn push(&mut self, row: u32) {
        // The common case inlined: the row follows on (the first core, which reads the
        // built-in data only, makes the call).
        #[cfg(feature = "full")]
        if self.list.is_empty()
            && self.run > 0
            && u64::from(self.first) + self.run as u64 == u64::from(row)
        {
            self.run += 1;
            return;
        }
        self.push_other(row)
    }

    #[cfg_attr(feature = "full", inline(never))]
    fn push_other(&mut self, row: u32) {
        if !self.list.is_empty() {
            return self.list.push(row);
        }
        if self.run == 0 {
            self.first = row;
            self.run = 1;
        } else if u64::from(self.first) + self.run as u64 == u64::from(row) {
            self.run += 1;
        } else {
            let mut list = Vec::with_capacity(self.run + self.run / 4 + 16);
            list.extend((0..self.run).map(|k| self.first.saturating_add(k as u32)));
            list.push(row);
            self.list = list;
        }
    }

    /// Appends the rows of `other`, which come after these in the file.
    pub fn extend(&mut self, other: RowNumbers) {
        if self.is_empty() {
            *self = other;
            return;
        }
        for r in other.iter() {
            self.push(u32::try_from(r).unwrap_or(u32::MAX));
        }
    }

    /// Every row `by` further down (rows read from a later part of the file, counted from its
    /// start).
    #[cfg(feature = "full")]
    pub fn shift(&mut self, by: u32) {
        self.first = self.first.saturating_add(by);
        for r in &mut self.list {
            *r = r.saturating_add(by);
        }
    }

    #[cfg(feature = "full")]
    pub(crate) fn write_to(&self, w: &mut super::wire::Wire) {
        w.u32(self.first);
        w.usize(self.run);
        w.many(&self.list, |x| x.to_le_bytes());
    }

    /// Row numbers written by [`RowNumbers::write_to`].
    #[cfg(feature = "full")]
    pub(crate) fn read_from(r: &mut super::wire::Unwire) -> Option<RowNumbers> {
        let first = r.u32()?;
        let run = r.usize()?;
        let list = r.many(u32::from_le_bytes)?;
        Some(RowNumbers { first, run, list })
    }

    /// Whether the numbers are kept as a list (four bytes a row) rather than a run.
    pub fn is_listed(&self) -> bool {
        !self.list.is_empty()
    }
}

impl FromIterator<u32> for RowNumbers {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        let mut r = RowNumbers::new();
        for x in iter {
            r.push(x);
        }
        r
    }
}

impl PartialEq for RowNumbers {
    fn eq(&self, other: &RowNumbers) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<const N: usize> PartialEq<[u32; N]> for RowNumbers {
    fn eq(&self, other: &[u32; N]) -> bool {
        self.len() == N && self.iter().eq(other.iter().map(|&r| r as usize))
    }
}

impl PartialEq<Vec<u32>> for RowNumbers {
    fn eq(&self, other: &Vec<u32>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().map(|&r| r as usize))
    }
}

impl std::fmt::Debug for RowNumbers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for RowNumbers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_kept_as_a_run_until_a_row_does_not_follow_on() {
        let mut r: RowNumbers = [2u32, 3, 4].into_iter().collect();
        assert!(!r.is_listed());
        assert_eq!(r, [2, 3, 4]);
        assert_eq!(r.get(2), Some(4));
        assert_eq!(r.get(3), None);
        r.push(7);
        assert!(r.is_listed());
        assert_eq!(r, [2, 3, 4, 7]);
        r.push(8);
        assert_eq!(r.get(4), Some(8));
        assert_eq!(format!("{r:?}"), "[2, 3, 4, 7, 8]");

        let mut a: RowNumbers = [5u32, 6].into_iter().collect();
        a.extend([7u32, 8].into_iter().collect());
        assert!(!a.is_listed());
        assert_eq!(a, [5, 6, 7, 8]);
        a.extend([10u32].into_iter().collect());
        assert_eq!(a, [5, 6, 7, 8, 10]);
        let mut e = RowNumbers::new();
        e.extend([4u32, 9].into_iter().collect());
        assert_eq!(e, [4, 9]);
        assert!(RowNumbers::new().is_empty());
    }
}
