//! The little of the zip format an `.xlsx` workbook needs: list the entries from the central
//! directory and inflate one by name. Hand-written (with `miniz_oxide` for inflate) because a
//! full zip and workbook library costs several hundred KB of wasm; errors are Dutch details.

/// An opened archive borrowing the file's bytes.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Bytes inflated so far, against `max_total`.
    inflated: std::cell::Cell<usize>,
    /// Lower-cased name to the first entry of that name: a workbook of 10,000 sheets must not
    /// search 65,535 entries for each.
    index: std::collections::HashMap<String, usize>,
    /// Inflate limits per entry and in total ([`super::limits::workbook_limits`]).
    max_entry: usize,
    max_total: usize,
}

struct Entry {
    name: String,
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    local: usize,
}

/// Why an archive or entry cannot be read: damage (a Dutch detail), or a limit exceeded.
#[derive(Debug, Clone, PartialEq)]
pub struct ZipError {
    pub message: String,
    /// The same in English.
    pub message_en: String,
    /// A limit of [`super::limits`] was exceeded: the file is not damaged, just too large.
    pub limit: bool,
}

impl ZipError {
    /// Damage, said in Dutch (`nl`) and English (`en`).
    fn damaged(nl: impl Into<String>, en: impl Into<String>) -> Self {
        ZipError {
            message: nl.into(),
            message_en: en.into(),
            limit: false,
        }
    }
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn limit(message: String, message_en: String) -> ZipError {
    ZipError {
        message,
        message_en,
        limit: true,
    }
}

/// `len` bytes from `start`, `None` when out of range (offsets come from the file: no overflow).
fn slice(b: &[u8], start: usize, len: usize) -> Option<&[u8]> {
    b.get(start..start.checked_add(len)?)
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(slice(b, i, 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(slice(b, i, 4)?.try_into().ok()?) as usize)
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        const EOCD: &[u8] = b"PK\x05\x06";
        let from = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(EOCD))
            .ok_or_else(|| {
                ZipError::damaged(
                    "geen zip-inhoudsopgave gevonden; het bestand is afgebroken of geen werkmap",
                    "no zip table of contents found; the file is cut off or not a workbook",
                )
            })?;
        let corrupt = || {
            ZipError::damaged(
                "de zip-inhoudsopgave is beschadigd",
                "the zip table of contents is damaged",
            )
        };
        let count = u16_at(bytes, eocd + 10).ok_or_else(corrupt)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or_else(corrupt)?;
        if at == 0xFFFF_FFFF {
            return Err(ZipError::damaged(
                "zip64-archieven worden niet ondersteund",
                "zip64 archives are not supported",
            ));
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            // Checked first, so `at + small` below cannot overflow.
            if at > bytes.len() || slice(bytes, at, 4) != Some(b"PK\x01\x02") {
                return Err(corrupt());
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or_else(corrupt);
            let name_len = field(28)? as usize;
            let extra_len = field(30)? as usize;
            let comment_len = field(32)? as usize;
            let name = slice(bytes, at + 46, name_len).ok_or_else(corrupt)?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                flags: field(8)?,
                method: field(10)?,
                compressed: u32_at(bytes, at + 20).ok_or_else(corrupt)?,
                size: u32_at(bytes, at + 24).ok_or_else(corrupt)?,
                local: u32_at(bytes, at + 42).ok_or_else(corrupt)?,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        let mut index = std::collections::HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            index.entry(e.name.to_ascii_lowercase()).or_insert(i);
        }
        Ok(Archive {
            bytes,
            entries,
            index,
            inflated: std::cell::Cell::new(0),
            max_entry: super::limits::workbook_limits(bytes.len()).0,
            max_total: super::limits::workbook_limits(bytes.len()).1,
        })
    }

    /// The same archive with other limits (tests use small ones).
    #[cfg(test)]
    fn with_limits(mut self, entry: usize, total: usize) -> Self {
        self.max_entry = entry;
        self.max_total = total;
        self
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The inflated entry (names compared without case), `None` when absent.
    pub fn read(&self, name: &str) -> Option<Result<Vec<u8>, ZipError>> {
        let e = &self.entries[*self.index.get(&name.to_ascii_lowercase())?];
        Some(self.inflate(e))
    }

    fn inflate(&self, e: &Entry) -> Result<Vec<u8>, ZipError> {
        let mut part = self.open_entry(e)?;
        let mut out = Vec::with_capacity(e.size.min(part.limit));
        while part.fill(&mut out, 1 << 16)? {}
        Ok(out)
    }

    /// The entry (names compared without case) inflated a piece at a time, `None` when absent:
    /// a large worksheet is read without holding its text whole.
    pub fn stream(&self, name: &str) -> Option<Result<Inflating<'_>, ZipError>> {
        let e = &self.entries[*self.index.get(&name.to_ascii_lowercase())?];
        Some(self.open_entry(e))
    }

    fn open_entry<'s>(&'s self, e: &'s Entry) -> Result<Inflating<'s>, ZipError> {
        let corrupt = || {
            ZipError::damaged(
                format!("onderdeel '{}' is beschadigd", e.name),
                format!("part '{}' is damaged", e.name),
            )
        };
        if e.flags & 1 != 0 {
            return Err(ZipError::damaged(
                "de werkmap is met een wachtwoord versleuteld",
                "the workbook is encrypted with a password",
            ));
        }
        let too_large = || {
            limit(
                format!(
                    "onderdeel '{}' is uitgepakt groter dan de grens van {} MB per onderdeel",
                    e.name,
                    self.max_entry >> 20
                ),
                format!(
                    "part '{}' is larger when unpacked than the limit of {} MB a part",
                    e.name,
                    self.max_entry >> 20
                ),
            )
        };
        if e.size > self.max_entry {
            return Err(too_large());
        }
        let done = self.inflated.get();
        let left = self.max_total.saturating_sub(done);
        let total_exceeded = || {
            limit(
                format!(
                    "de werkmap is uitgepakt groter dan de grens van {} MB voor alle onderdelen samen (bij onderdeel '{}')",
                    self.max_total >> 20,
                    e.name
                ),
                format!(
                    "the workbook is larger when unpacked than the limit of {} MB for all parts together (at part '{}')",
                    self.max_total >> 20,
                    e.name
                ),
            )
        };
        if e.size > left {
            return Err(total_exceeded());
        }
        let b = self.bytes;
        if e.local > b.len() || slice(b, e.local, 4) != Some(b"PK\x03\x04") {
            return Err(corrupt());
        }
        let name_len = u16_at(b, e.local + 26).ok_or_else(corrupt)? as usize;
        let extra_len = u16_at(b, e.local + 28).ok_or_else(corrupt)? as usize;
        let start = e.local + 30 + name_len + extra_len;
        let data = slice(b, start, e.compressed).ok_or_else(corrupt)?;
        let limit = self.max_entry.min(left);
        let over = if limit < self.max_entry {
            total_exceeded()
        } else {
            too_large()
        };
        let state = match e.method {
            0 => None,
            8 => Some(InflateState::new_boxed(DataFormat::Raw)),
            m => {
                return Err(ZipError::damaged(
                    format!(
                        "onderdeel '{}' gebruikt compressiemethode {m}, die niet wordt ondersteund",
                        e.name
                    ),
                    format!(
                        "part '{}' uses compression method {m}, which is not supported",
                        e.name
                    ),
                ))
            }
        };
        Ok(Inflating {
            archive: self,
            data,
            state,
            read: 0,
            written: 0,
            limit,
            over,
            corrupt: corrupt(),
            counted: false,
            ended: false,
        })
    }
}

use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZFlush, MZStatus};

/// An entry being inflated ([`Archive::stream`]): [`Inflating::fill`] appends the next bytes.
/// The limits are those of reading it whole; it counts towards the archive's total once, when
/// it first ends ([`Inflating::restart`] reads it again without counting it twice).
pub struct Inflating<'a> {
    archive: &'a Archive<'a>,
    data: &'a [u8],
    /// `None`: stored, not compressed.
    state: Option<Box<InflateState>>,
    read: usize,
    written: usize,
    limit: usize,
    over: ZipError,
    corrupt: ZipError,
    counted: bool,
    ended: bool,
}

impl Inflating<'_> {
    /// How far the entry is read: its compressed bytes taken and their number.
    pub fn taken(&self) -> (usize, usize) {
        (self.read, self.data.len())
    }

    /// Appends up to `most` more bytes to `out`; false once the entry has ended.
    pub fn fill(&mut self, out: &mut Vec<u8>, most: usize) -> Result<bool, ZipError> {
        if self.ended {
            return Ok(false);
        }
        let most = most.max(1);
        let Some(state) = self.state.as_mut() else {
            // Stored: the bytes as they are.
            if self.data.len() > self.limit {
                return Err(self.over.clone());
            }
            let n = most.min(self.data.len() - self.read);
            out.extend_from_slice(&self.data[self.read..self.read + n]);
            self.read += n;
            self.written += n;
            if self.read < self.data.len() {
                return Ok(true);
            }
            return Ok(self.end());
        };
        let at = out.len();
        // One byte more than the limit allows shows that the entry is over it.
        let room = most.min(self.limit - self.written + 1);
        out.resize(at + room, 0);
        let r = miniz_oxide::inflate::stream::inflate(
            state,
            &self.data[self.read..],
            &mut out[at..],
            MZFlush::None,
        );
        out.truncate(at + r.bytes_written);
        self.read += r.bytes_consumed;
        self.written += r.bytes_written;
        if self.written > self.limit {
            return Err(self.over.clone());
        }
        match r.status {
            Ok(MZStatus::StreamEnd) => Ok(self.end()),
            // No progress: the data ends before the stream does.
            Ok(_) if r.bytes_written == 0 && r.bytes_consumed == 0 => Err(self.corrupt.clone()),
            Ok(_) => Ok(true),
            Err(_) => Err(self.corrupt.clone()),
        }
    }

    fn end(&mut self) -> bool {
        self.ended = true;
        if !std::mem::replace(&mut self.counted, true) {
            let a = self.archive;
            a.inflated.set(a.inflated.get() + self.written);
        }
        false
    }

    /// From the start again (a second pass over a worksheet).
    pub fn restart(&mut self) {
        if let Some(s) = self.state.as_mut() {
            s.reset(DataFormat::Raw);
        }
        (self.read, self.written, self.ended) = (0, 0, false);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip with one stored entry, written by hand.
    fn stored(name: &str, data: &[u8]) -> Vec<u8> {
        let mut z = Vec::new();
        let le16 = |v: usize| (v as u16).to_le_bytes();
        let le32 = |v: usize| (v as u32).to_le_bytes();
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&le32(data.len()));
        z.extend_from_slice(&le32(data.len()));
        z.extend_from_slice(&le16(name.len()));
        z.extend_from_slice(&le16(0));
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(data);
        let cd = z.len();
        z.extend_from_slice(b"PK\x01\x02");
        z.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&le32(data.len()));
        z.extend_from_slice(&le32(data.len()));
        z.extend_from_slice(&le16(name.len()));
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&le32(0));
        z.extend_from_slice(name.as_bytes());
        let cd_len = z.len() - cd;
        z.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
        z.extend_from_slice(&le32(cd_len));
        z.extend_from_slice(&le32(cd));
        z.extend_from_slice(&[0, 0]);
        z
    }

    #[test]
    fn reads_a_stored_entry_and_refuses_bad_offsets() {
        let z = stored("xl/a.xml", b"<a/>");
        let a = Archive::open(&z).unwrap();
        assert_eq!(a.names().collect::<Vec<_>>(), ["xl/a.xml"]);
        assert_eq!(a.read("XL/A.XML").unwrap().unwrap(), b"<a/>");
        assert!(a.read("b.xml").is_none());
        // A central directory offset pointing far outside the file is an error, not a panic.
        let mut bad = z.clone();
        let n = bad.len();
        bad[n - 6..n - 2].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        assert!(Archive::open(&bad).is_err());
        // So is an entry whose local header offset is out of range.
        let mut bad = z;
        let cd = u32_at(&bad, n - 6).unwrap();
        bad[cd + 42..cd + 46].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        assert!(Archive::open(&bad)
            .unwrap()
            .read("xl/a.xml")
            .unwrap()
            .is_err());
    }

    /// A zip of deflated entries whose declared sizes say nothing (0): only inflating tells.
    pub(crate) fn deflated(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let le16 = |v: usize| (v as u16).to_le_bytes();
        let le32 = |v: usize| (v as u32).to_le_bytes();
        let (mut z, mut cd) = (Vec::new(), Vec::new());
        for (name, data) in entries {
            let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
            let local = z.len();
            z.extend_from_slice(b"PK\x03\x04\x14\0\0\0\x08\0");
            z.extend_from_slice(&[0; 8]);
            z.extend_from_slice(&le32(packed.len()));
            z.extend_from_slice(&le32(0));
            z.extend_from_slice(&le16(name.len()));
            z.extend_from_slice(&le16(0));
            z.extend_from_slice(name.as_bytes());
            z.extend_from_slice(&packed);
            cd.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\x08\0");
            cd.extend_from_slice(&[0; 8]);
            cd.extend_from_slice(&le32(packed.len()));
            cd.extend_from_slice(&le32(0));
            cd.extend_from_slice(&le16(name.len()));
            cd.extend_from_slice(&[0; 12]);
            cd.extend_from_slice(&le32(local));
            cd.extend_from_slice(name.as_bytes());
        }
        let at = z.len();
        z.extend_from_slice(&cd);
        z.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        z.extend_from_slice(&le16(entries.len()));
        z.extend_from_slice(&le16(entries.len()));
        z.extend_from_slice(&le32(cd.len()));
        z.extend_from_slice(&le32(at));
        z.extend_from_slice(&[0, 0]);
        z
    }

    #[test]
    fn inflated_size_is_limited_per_part_and_in_total() {
        let part = vec![b' '; 3 << 20];
        let z = deflated(&[("a.xml", &part), ("b.xml", &part), ("c.xml", &part)]);
        // Each part within 4 MB, but together more than 8 MB: the third fails, naming the total.
        let a = Archive::open(&z).unwrap().with_limits(4 << 20, 8 << 20);
        assert_eq!(a.read("a.xml").unwrap().unwrap().len(), 3 << 20);
        assert!(a.read("b.xml").unwrap().is_ok());
        let e = a.read("c.xml").unwrap().unwrap_err();
        assert!(
            e.limit && e.message.contains("alle onderdelen samen"),
            "{e}"
        );
        // A part larger than the per-part limit fails while inflating, though it claims 0 bytes.
        let a = Archive::open(&z).unwrap().with_limits(2 << 20, 8 << 20);
        let e = a.read("a.xml").unwrap().unwrap_err();
        assert!(e.limit && e.message.contains("per onderdeel"), "{e}");
        // Damage is not a limit.
        let mut bad = z.clone();
        bad[40..60].fill(0xff);
        let e = Archive::open(&bad)
            .unwrap()
            .read("a.xml")
            .unwrap()
            .unwrap_err();
        assert!(!e.limit, "{e}");
    }
}
