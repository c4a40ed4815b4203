//! A plain byte form for handing rows read in one place to a reading in another: the page's
//! second worker reads the second half of a large CSV file and hands its rows (columns, row
//! numbers, counts) to the first worker, which appends them (see `csv::CsvReader::helper`).
//! Little-endian whole numbers, texts as their length and UTF-8 bytes. Only this program writes
//! it, but what it reads is checked all the same: anything out of shape reads as `None` (the
//! reading then reads those rows itself), never a panic.

/// Bytes being written.
#[derive(Default)]
pub struct Wire(pub Vec<u8>);

impl Wire {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }
    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    /// Whole numbers that mostly repeat the one before (a count per record): as runs of one
    /// value, each its count and value, the number of runs first.
    pub fn repeats(&mut self, items: &[u32]) {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &x in items {
            match runs.last_mut() {
                Some((n, v)) if *v == x && *n < u32::MAX => *n += 1,
                _ => runs.push((1, x)),
            }
        }
        self.many(&runs, |&(n, v)| {
            let mut b = [0u8; 8];
            b[..4].copy_from_slice(&n.to_le_bytes());
            b[4..].copy_from_slice(&v.to_le_bytes());
            b
        });
    }
    /// A run of fixed-size values, its length first.
    pub fn many<T, const N: usize>(&mut self, items: &[T], bytes: impl Fn(&T) -> [u8; N]) {
        self.usize(items.len());
        // Room made once, then each value written into its place (no check per value).
        let start = self.0.len();
        self.0.resize(start + items.len() * N, 0);
        for (to, x) in self.0[start..].chunks_exact_mut(N).zip(items) {
            to.copy_from_slice(&bytes(x));
        }
    }
}

/// Bytes being read back; each read is `None` past the end or out of shape.
pub struct Unwire<'a> {
    bytes: &'a [u8],
}

impl<'a> Unwire<'a> {
    pub fn new(bytes: &'a [u8]) -> Unwire<'a> {
        Unwire { bytes }
    }
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Some(a)
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }
    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    /// A length of items of `size` bytes each that the rest can hold.
    pub fn len_of(&mut self, size: usize) -> Option<usize> {
        let n = self.usize()?;
        (n.checked_mul(size.max(1))? <= self.bytes.len()).then_some(n)
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.len_of(1)?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    pub fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    /// The bytes of a run written by [`Wire::many`] of values of `size` bytes, in place.
    pub fn run(&mut self, size: usize) -> Option<&'a [u8]> {
        let n = self.len_of(size)?;
        self.take(n.checked_mul(size)?)
    }
    /// Whole numbers written by [`Wire::repeats`]; `None` also when they come to more than
    /// `most`.
    pub fn repeats(&mut self, most: usize) -> Option<Vec<u32>> {
        let runs = self.many(|b: [u8; 8]| {
            let (n, v) = b.split_at(4);
            (
                u32::from_le_bytes(n.try_into().unwrap_or([0; 4])),
                u32::from_le_bytes(v.try_into().unwrap_or([0; 4])),
            )
        })?;
        let total = runs
            .iter()
            .try_fold(0usize, |t, &(n, _)| t.checked_add(n as usize))?;
        if total > most {
            return None;
        }
        let mut out = Vec::with_capacity(total);
        for (n, v) in runs {
            out.extend(std::iter::repeat_n(v, n as usize));
        }
        Some(out)
    }
    /// A run written by [`Wire::many`].
    pub fn many<T, const N: usize>(&mut self, of: impl Fn([u8; N]) -> T) -> Option<Vec<T>> {
        let n = self.len_of(N)?;
        let bytes = self.take(n * N)?;
        Some(
            bytes
                .chunks_exact(N)
                .map(|c| of(c.try_into().unwrap_or([0; N])))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_numbers_go_as_runs_and_read_back_within_a_limit() {
        let items: Vec<u32> = [8, 8, 8, 3, 8, 0, 0, u32::MAX].to_vec();
        let mut w = Wire::default();
        w.repeats(&items);
        w.repeats(&[]);
        w.repeats(&vec![8; 100_000]);
        // (A length and five runs of eight bytes.)
        assert_eq!(w.0.len(), 8 + 5 * 8 + 8 + 8 + 8);
        let mut r = Unwire::new(&w.0);
        assert_eq!(r.repeats(8), Some(items.clone()));
        assert_eq!(r.repeats(0), Some(Vec::new()));
        assert_eq!(r.repeats(100_000), Some(vec![8; 100_000]));
        assert!(r.is_empty());
        // More than the limit, or cut short: nothing.
        assert_eq!(Unwire::new(&w.0).repeats(7), None);
        assert_eq!(Unwire::new(&w.0[..20]).repeats(8), None);
    }

    #[test]
    fn what_is_written_reads_back_and_anything_short_or_odd_reads_as_none() {
        let mut w = Wire::default();
        w.u8(7);
        w.u32(123_456);
        w.usize(1 << 40);
        w.str("Súdwest-Fryslân");
        w.opt_str(None);
        w.opt_str(Some(""));
        w.many(&[1u32, 2, u32::MAX], |x| x.to_le_bytes());
        let bytes = w.0;
        let mut r = Unwire::new(&bytes);
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.u32(), Some(123_456));
        assert_eq!(r.usize(), Some(1 << 40));
        assert_eq!(r.str(), Some("Súdwest-Fryslân"));
        assert_eq!(r.opt_str(), Some(None));
        assert_eq!(r.opt_str(), Some(Some("")));
        assert_eq!(r.many(u32::from_le_bytes), Some(vec![1, 2, u32::MAX]));
        assert!(r.is_empty());
        assert_eq!(r.u8(), None);
        // Cut anywhere, the last read fails instead of reading past the end.
        for cut in 0..bytes.len() {
            let mut r = Unwire::new(&bytes[..cut]);
            let all = (|| {
                r.u8()?;
                r.u32()?;
                r.usize()?;
                r.str()?;
                r.opt_str()?;
                r.opt_str()?;
                r.many(u32::from_le_bytes)
            })();
            assert_eq!(all, None, "cut at {cut}");
        }
        // A length larger than what follows, a tag that is no tag, a text that is no UTF-8.
        let mut r = Unwire::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1]);
        assert_eq!(r.str(), None);
        assert_eq!(Unwire::new(&[2]).opt_str(), None);
        assert_eq!(Unwire::new(&[1, 0, 0, 0, 0, 0, 0, 0, 0xff]).str(), None);
    }
}
