//! The bytes one reader of a CSV file hands another: the page reads a large file in two halves
//! at once, in two instances of the core (two workers), and the second half's rows, counts and
//! pieces come back as these bytes (see `csv::CsvReader::join`). Written and read by the same
//! build of the core; read defensively all the same (a short or odd buffer gives `None`, and the
//! reader then reads the second half itself).

/// Appends values to a buffer, little-endian.
#[derive(Default)]
pub(crate) struct Out(pub Vec<u8>);

impl Out {
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
    /// A slice of fixed-size values, its length first.
    pub fn slice<T: Copy, const N: usize>(&mut self, v: &[T], bytes: impl Fn(T) -> [u8; N]) {
        self.usize(v.len());
        self.0.reserve(v.len() * N);
        for &x in v {
            self.0.extend_from_slice(&bytes(x));
        }
    }
}

/// Reads what [`Out`] wrote; `None` once the bytes run out or do not fit.
pub(crate) struct In<'a>(pub &'a [u8]);

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    pub fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    /// What [`Out::slice`] wrote.
    pub fn vec<T, const N: usize>(&mut self, from: impl Fn([u8; N]) -> T) -> Option<Vec<T>> {
        let n = self.usize()?;
        let bytes = self.take(n.checked_mul(N)?)?;
        Some(
            bytes
                .chunks_exact(N)
                .filter_map(|c| c.try_into().ok())
                .map(from)
                .collect(),
        )
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back_and_a_short_buffer_gives_none() {
        let mut o = Out::default();
        o.u8(7);
        o.str("één");
        o.opt_str(None);
        o.opt_str(Some("x"));
        o.slice(&[1u32, u32::MAX], u32::to_le_bytes);
        let mut i = In(&o.0);
        assert_eq!(i.u8(), Some(7));
        assert_eq!(i.str(), Some("één"));
        assert_eq!(i.opt_str(), Some(None));
        assert_eq!(i.opt_str(), Some(Some("x")));
        assert_eq!(i.vec(u32::from_le_bytes), Some(vec![1, u32::MAX]));
        assert!(i.is_empty());
        for n in 0..o.0.len() {
            let mut i = In(&o.0[..n]);
            let all = (|| {
                i.u8()?;
                i.str()?;
                i.opt_str()?;
                i.opt_str()?;
                i.vec(u32::from_le_bytes)
            })();
            assert!(all.is_none(), "{n}");
        }
    }
}
