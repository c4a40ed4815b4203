//! The little of the zip format an `.xlsx` workbook needs: list the entries from the central
//! directory and inflate one by name. Hand-written (with `miniz_oxide` for inflate) because a
//! full zip and workbook library costs several hundred KB of wasm; errors are Dutch details.

/// An opened archive borrowing the file's bytes.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

struct Entry {
    name: String,
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    local: usize,
}

/// Inflated entries larger than this are refused (a workbook of counts is far smaller).
const MAX_ENTRY: usize = 256 * 1024 * 1024;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize)
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, String> {
        const EOCD: &[u8] = b"PK\x05\x06";
        let from = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(EOCD))
            .ok_or("geen zip-inhoudsopgave gevonden; het bestand is afgebroken of geen werkmap")?;
        let corrupt = || "de zip-inhoudsopgave is beschadigd".to_string();
        let count = u16_at(bytes, eocd + 10).ok_or_else(corrupt)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or_else(corrupt)?;
        if at == 0xFFFF_FFFF {
            return Err("zip64-archieven worden niet ondersteund".into());
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
                return Err(corrupt());
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or_else(corrupt);
            let name_len = field(28)? as usize;
            let extra_len = field(30)? as usize;
            let comment_len = field(32)? as usize;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(corrupt)?;
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
        Ok(Archive { bytes, entries })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The inflated entry (names compared without case), `None` when absent.
    pub fn read(&self, name: &str) -> Option<Result<Vec<u8>, String>> {
        let e = self
            .entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))?;
        Some(self.inflate(e))
    }

    fn inflate(&self, e: &Entry) -> Result<Vec<u8>, String> {
        let corrupt = || format!("onderdeel '{}' is beschadigd", e.name);
        if e.flags & 1 != 0 {
            return Err("de werkmap is met een wachtwoord versleuteld".into());
        }
        if e.size > MAX_ENTRY {
            return Err(format!("onderdeel '{}' is te groot", e.name));
        }
        let b = self.bytes;
        if b.get(e.local..e.local + 4) != Some(b"PK\x03\x04") {
            return Err(corrupt());
        }
        let name_len = u16_at(b, e.local + 26).ok_or_else(corrupt)? as usize;
        let extra_len = u16_at(b, e.local + 28).ok_or_else(corrupt)? as usize;
        let start = e.local + 30 + name_len + extra_len;
        let data = b.get(start..start + e.compressed).ok_or_else(corrupt)?;
        match e.method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_ENTRY)
                .map_err(|_| corrupt()),
            m => Err(format!(
                "onderdeel '{}' gebruikt compressiemethode {m}, die niet wordt ondersteund",
                e.name
            )),
        }
    }
}
