//! Where a file's bytes come from, and their text a piece at a time: a CSV file is read twice
//! (see `csv`) without ever holding the whole file, so a large file costs its table and a few
//! pieces, not the table and the file. A [`Source`] is a file the reader pulls from: in memory
//! ([`InMemory`]) or on disk ([`OnDisk`], the CLI); the page pushes a browser `File`'s pieces
//! instead (`web::FileReading`), each awaited in the worker. [`Pieces`] turns the bytes given
//! into text.

use crate::error::{Error, ErrorKind, Result};

/// A file read in pieces, as often as needed.
pub trait Source {
    /// The file's size in bytes.
    fn size(&self) -> usize;
    /// Appends the bytes `offset..offset + len` (fewer at the end of the file) to `out`.
    fn read_into(&mut self, offset: usize, len: usize, out: &mut Vec<u8>) -> Result<()>;
}

/// A file already in memory.
pub struct InMemory<'a>(pub &'a [u8]);

impl Source for InMemory<'_> {
    fn size(&self) -> usize {
        self.0.len()
    }
    fn read_into(&mut self, offset: usize, len: usize, out: &mut Vec<u8>) -> Result<()> {
        let from = offset.min(self.0.len());
        let to = offset.saturating_add(len).min(self.0.len());
        out.extend_from_slice(&self.0[from..to]);
        Ok(())
    }
}

/// A file on disk, read where it is asked (the CLI).
pub struct OnDisk {
    file: std::fs::File,
    size: usize,
    name: String,
}

impl OnDisk {
    pub fn open(path: &std::path::Path) -> std::io::Result<OnDisk> {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        // A folder opens on some systems; it is said at once, by the path given.
        if meta.is_dir() {
            return Err(std::io::ErrorKind::IsADirectory.into());
        }
        let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(OnDisk { file, size, name })
    }
}

impl Source for OnDisk {
    fn size(&self) -> usize {
        self.size
    }
    fn read_into(&mut self, offset: usize, len: usize, out: &mut Vec<u8>) -> Result<()> {
        use std::io::{Read, Seek, SeekFrom};
        let io = |e: std::io::Error| {
            Error::new2(
                ErrorKind::Io,
                format!(
                    "Kan '{}' niet lezen: {}",
                    self.name,
                    crate::error::io_reason(&e, crate::format::Lang::Nl)
                ),
                format!(
                    "Cannot read '{}': {}",
                    self.name,
                    crate::error::io_reason(&e, crate::format::Lang::En)
                ),
            )
        };
        self.file.seek(SeekFrom::Start(offset as u64)).map_err(io)?;
        let want = len.min(self.size.saturating_sub(offset));
        let start = out.len();
        out.resize(start + want, 0);
        let mut got = 0;
        while got < want {
            match self.file.read(&mut out[start + got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io(e)),
            }
        }
        out.truncate(start + got);
        Ok(())
    }
}

/// A text encoding, told by a byte order mark or else by whether the bytes are UTF-8.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    /// UTF-8 with a byte order mark: read leniently (bad bytes become U+FFFD).
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// UTF-8 without a mark, as long as all of it is (else one of the two below).
    Utf8,
    /// Bytes that are not UTF-8 (in the full core: read as Windows-1252, a byte each, while
    /// what is UTF-8 is read as such, see [`mixed_into`]).
    Windows1252,
    /// Both in one file (a name saved in Windows-1252 pasted into a UTF-8 file): read as
    /// [`Encoding::Windows1252`] is.
    #[cfg(feature = "full")]
    Utf8Mixed,
}

impl Encoding {
    /// The name the file line shows (Dutch; `Detected::summary_in` translates).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8Bom => "UTF-8 met BOM",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
            #[cfg(feature = "full")]
            Encoding::Utf8Mixed => "UTF-8 met Windows-1252",
        }
    }

    /// The encoding one reading of the whole file finds, from the encodings of its first part
    /// (`a`) and the rest (`b`) read apart, each with whether it read non-ASCII text as UTF-8
    /// (full core: both UTF-8 and Windows-1252 is the two mixed, however they are spread).
    #[cfg(feature = "full")]
    pub fn joined(a: (Encoding, bool), b: (Encoding, bool)) -> Option<Encoding> {
        use Encoding::{Utf8, Utf8Mixed, Windows1252};
        Some(match (a, b) {
            ((x, _), (y, _)) if x == y => x,
            ((Utf8Mixed, _), (Utf8 | Windows1252, _))
            | ((Utf8 | Windows1252, _), (Utf8Mixed, _)) => Utf8Mixed,
            ((Utf8, utf8), (Windows1252, _)) | ((Windows1252, _), (Utf8, utf8)) => {
                if utf8 {
                    Utf8Mixed
                } else {
                    Windows1252
                }
            }
            _ => return None,
        })
    }

    /// The encoding a file's first bytes announce, and the length of its mark.
    fn of(head: &[u8]) -> (Encoding, usize) {
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            (Encoding::Utf8Bom, 3)
        } else if head.starts_with(&[0xFF, 0xFE]) {
            (Encoding::Utf16Le, 2)
        } else if head.starts_with(&[0xFE, 0xFF]) {
            (Encoding::Utf16Be, 2)
        } else {
            #[cfg(feature = "full")]
            if let Some(found) = Encoding::utf16_unmarked(head) {
                return (found, 0);
            }
            (Encoding::Utf8, 0)
        }
    }

    /// UTF-16 without a byte order mark (as some programs write it): of the file's first units
    /// (up to 64, at least 4), nine in ten or more have one zero byte, on the same side, and one
    /// that is not zero, as text in Latin letters has. UTF-8 text has no zero bytes at all.
    #[cfg(feature = "full")]
    pub fn utf16_unmarked(head: &[u8]) -> Option<Encoding> {
        let units = || head.chunks_exact(2).take(64);
        let n = units().count();
        let count = |zero: usize| units().filter(|u| u[zero] == 0 && u[1 - zero] != 0).count();
        if n < 4 {
            None
        } else if count(1) * 10 >= n * 9 {
            Some(Encoding::Utf16Le)
        } else if count(0) * 10 >= n * 9 {
            Some(Encoding::Utf16Be)
        } else {
            None
        }
    }
}

/// Decoding found bytes that are not UTF-8 after other non-ASCII text was already read as UTF-8:
/// the reading must start again as Windows-1252. (First core only: the full core reads such bytes
/// where they are, see [`mixed_into`].)
#[derive(Debug)]
pub struct Restart;

/// `text` without what some programs write after a file's last line: NUL bytes (a file padded
/// to a whole block) and the old end-of-file mark (Ctrl-Z, 0x1A). They are no data: left out at
/// the end as a blank line is, and only there (within the text they are read as written).
pub fn without_padding(text: &str) -> &str {
    &text[..text.len() - padding(text.as_bytes())]
}

/// How many bytes at the end of `bytes` are padding (see [`without_padding`]): NUL and 0x1A,
/// each one byte in UTF-8 and never part of another character.
pub fn padding(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .rev()
        .take_while(|&&b| b == 0 || b == 0x1A)
        .count()
}

/// The text of a file a piece at a time, from the bytes it is given. `text` holds what the
/// reader kept of the previous piece (an unfinished record) followed by the next piece, decoded;
/// the reader takes what it can and keeps the rest with [`Pieces::keep_from`]. Given the same
/// bytes in the same pieces with the same encoding, the texts are the same.
pub struct Pieces {
    size: usize,
    /// Bytes of the file taken so far.
    at: usize,
    /// Bytes asked for by the last [`Pieces::want`].
    asked: usize,
    /// Bytes taken but not yet decoded: an unfinished character at the end of a piece.
    raw: Vec<u8>,
    /// The text at hand.
    pub text: String,
    /// Bytes of text let go before `text` (for progress).
    pub before: usize,
    /// The encoding: as told (an earlier reading found it), else from the file's mark.
    pub encoding: Encoding,
    told: bool,
    /// Whether any byte read as UTF-8 so far was not ASCII.
    non_ascii: bool,
    ended: bool,
}

impl Pieces {
    /// Reading a file of `size` bytes; `encoding` as found by an earlier reading, else from its
    /// mark.
    pub fn new(size: usize, encoding: Option<Encoding>) -> Pieces {
        Pieces {
            size,
            at: 0,
            asked: 0,
            raw: Vec::new(),
            text: String::new(),
            before: 0,
            encoding: encoding.unwrap_or(Encoding::Utf8),
            told: encoding.is_some(),
            non_ascii: false,
            ended: size == 0,
        }
    }

    /// Reading a file of `size` bytes from byte `at` on (a record's start) in `encoding`, as
    /// decided by the start of the file; what comes from here decides it afresh as far as a
    /// reading from the start would ([`super::csv::CsvReader`]'s helper).
    #[cfg(feature = "full")]
    pub fn starting_at(size: usize, at: usize, encoding: Encoding) -> Pieces {
        Pieces {
            at,
            before: at,
            ended: at >= size,
            ..Pieces::new(size.max(at), Some(encoding))
        }
    }

    /// Whether any byte read as UTF-8 so far was not ASCII.
    #[cfg(feature = "full")]
    pub fn non_ascii(&self) -> bool {
        self.non_ascii
    }

    /// Whether the text at hand ends between two characters (none is cut in two).
    #[cfg(feature = "full")]
    pub fn whole(&self) -> bool {
        self.raw.is_empty()
    }

    /// The rest of the file was read elsewhere (`text` bytes of text, in `encoding` as both
    /// readings together decided it): nothing more is asked.
    #[cfg(feature = "full")]
    pub fn read_elsewhere(&mut self, text: usize, encoding: Encoding) {
        self.at = self.size;
        self.before += text;
        self.encoding = encoding;
        self.ended = true;
    }

    /// The bytes to give next: `(offset, length)`, about `len` of them (the first piece holds
    /// at least the byte order mark).
    pub fn want(&mut self, len: usize) -> (usize, usize) {
        let len = if self.at == 0 { len.max(3) } else { len.max(1) };
        self.asked = len.min(self.size.saturating_sub(self.at));
        (self.at, self.asked)
    }

    /// The bytes given so far.
    pub fn offset(&self) -> usize {
        self.at
    }

    /// True once the whole file is in `text` (nothing more will come).
    pub fn at_end(&self) -> bool {
        self.ended
    }

    /// Lets go of `text[..from]`: the reader is done with it.
    pub fn keep_from(&mut self, from: usize) {
        self.before += from;
        self.text.drain(..from);
    }

    /// Takes the bytes asked for by [`Pieces::want`] (fewer: the file ends there) and appends
    /// their text to `text` (an unfinished character at the end waits for the next piece).
    pub fn fill(&mut self, given: &[u8]) -> std::result::Result<(), Restart> {
        // A file that gives fewer bytes than it said it has ends here.
        let short = given.len() < self.asked;
        let mut bytes = given;
        if self.at == 0 {
            let (found, mark) = Encoding::of(bytes);
            if !self.told {
                self.encoding = found;
            }
            bytes = &bytes[mark.min(bytes.len())..];
            self.at = mark.min(given.len());
        }
        self.at += bytes.len();
        let last = short || self.at >= self.size;
        if last {
            self.ended = true;
        }
        // Room for the piece's text at once, a little over (a record cut at the piece's end is
        // kept), so that the next piece fits without growing it again.
        let room = self.raw.len() + bytes.len();
        if self.text.capacity() - self.text.len() < room {
            self.text.reserve_exact(room + room / 16);
        }
        // An unfinished character from the last piece: finished with the first bytes of this
        // one (8 are enough for any character), so the piece itself is decoded where it lies,
        // not copied first.
        if !self.raw.is_empty() {
            let take = bytes.len().min(8);
            self.raw.extend_from_slice(&bytes[..take]);
            let joined = std::mem::take(&mut self.raw);
            let used = self.decode(&joined, last && take == bytes.len())?;
            let old = joined.len() - take;
            if used < old {
                // Still unfinished: this piece was too short to finish it.
                self.raw = joined[used..].to_vec();
                return Ok(());
            }
            bytes = &bytes[used - old..];
        }
        let used = self.decode(bytes, last)?;
        if !last {
            self.raw.extend_from_slice(&bytes[used..]);
        } else if cfg!(feature = "full") {
            // (The first core reads the built-in data only.)
            self.text.truncate(without_padding(&self.text).len());
        }
        Ok(())
    }

    /// Appends the text of `raw` in the encoding; returns how many bytes it used (an
    /// unfinished character at the end is left when more may come).
    fn decode(&mut self, raw: &[u8], last: bool) -> std::result::Result<usize, Restart> {
        Ok(match self.encoding {
            // ASCII (nearly every file) checked a word at a time, which is needed anyway to
            // tell it: then it is UTF-8 without looking at it again.
            #[cfg(feature = "full")]
            Encoding::Utf8 if !self.non_ascii && is_ascii(raw) => {
                // SAFETY: every byte of `raw` is ASCII (below 0x80), and ASCII bytes are
                // valid UTF-8 each on their own.
                let s = unsafe { std::str::from_utf8_unchecked(raw) };
                self.text.push_str(s);
                raw.len()
            }
            Encoding::Utf8 => match std::str::from_utf8(raw) {
                Ok(s) => {
                    // (The full core's arm above took every ASCII piece while no other byte
                    // was seen: here one was, or is in this piece.)
                    #[cfg(feature = "full")]
                    {
                        self.non_ascii = true;
                    }
                    #[cfg(not(feature = "full"))]
                    {
                        self.non_ascii |= !s.is_ascii();
                    }
                    self.text.push_str(s);
                    raw.len()
                }
                Err(e) if e.error_len().is_none() && !last => {
                    let ok = e.valid_up_to();
                    // Valid by `valid_up_to`.
                    let s = std::str::from_utf8(&raw[..ok]).unwrap_or("");
                    self.non_ascii |= !s.is_ascii();
                    self.text.push_str(s);
                    ok
                }
                // Not UTF-8: the bytes that are not read as Windows-1252, the rest as UTF-8
                // still, so what was read before stays as it is (full core).
                #[cfg(feature = "full")]
                Err(_) => {
                    self.encoding = if self.non_ascii {
                        Encoding::Utf8Mixed
                    } else {
                        Encoding::Windows1252
                    };
                    self.mixed(raw, last)
                }
                #[cfg(not(feature = "full"))]
                Err(_) => {
                    // Not UTF-8: Windows-1252, as the whole file would have been read; what
                    // was read before is the same text in both when it was all ASCII.
                    // (An unfinished character kept from the last piece is not text yet.)
                    if self.non_ascii {
                        return Err(Restart);
                    }
                    self.encoding = Encoding::Windows1252;
                    windows_1252_into(raw, &mut self.text);
                    raw.len()
                }
            },
            Encoding::Utf8Bom => lossy_into(raw, last, &mut self.text),
            Encoding::Utf16Le => utf16_into(raw, last, u16::from_le_bytes, &mut self.text),
            Encoding::Utf16Be => utf16_into(raw, last, u16::from_be_bytes, &mut self.text),
            #[cfg(feature = "full")]
            Encoding::Windows1252 | Encoding::Utf8Mixed => self.mixed(raw, last),
            #[cfg(not(feature = "full"))]
            Encoding::Windows1252 => {
                windows_1252_into(raw, &mut self.text);
                raw.len()
            }
        })
    }

    /// [`mixed_into`], the encoding named `Utf8Mixed` once UTF-8 text is read too.
    #[cfg(feature = "full")]
    fn mixed(&mut self, raw: &[u8], last: bool) -> usize {
        let (used, utf8) = mixed_into(raw, last, &mut self.text);
        if utf8 {
            self.non_ascii = true;
            self.encoding = Encoding::Utf8Mixed;
        }
        used
    }
}

/// UTF-8 with the bytes that are not UTF-8 read as Windows-1252, a byte each: a file of
/// Windows-1252 reads as that (its bytes above 0x7F seldom make UTF-8: `Ã©` would), and names
/// saved in Windows-1252 in a UTF-8 file read right, where the whole file read as
/// Windows-1252 turned its UTF-8 into `Ã¢`. Gives the bytes used (an unfinished character at
/// the end of a piece that is not the last is left) and whether any UTF-8 beyond ASCII was
/// read.
#[cfg(feature = "full")]
fn mixed_into(raw: &[u8], last: bool, out: &mut String) -> (usize, bool) {
    let mut rest = raw;
    let mut utf8 = false;
    out.reserve(raw.len());
    loop {
        let (ok, error) = match std::str::from_utf8(rest) {
            Ok(_) => (rest.len(), None),
            Err(e) => (e.valid_up_to(), Some(e.error_len())),
        };
        let valid = std::str::from_utf8(&rest[..ok]).unwrap_or_default();
        utf8 |= !valid.is_ascii();
        out.push_str(valid);
        match error {
            None => return (raw.len(), utf8),
            // An unfinished character at the end: the next piece may finish it.
            Some(None) if !last => return (raw.len() - (rest.len() - ok), utf8),
            Some(None) => {
                windows_1252_into(&rest[ok..], out);
                return (raw.len(), utf8);
            }
            Some(Some(_)) => {
                windows_1252_into(&rest[ok..ok + 1], out);
                rest = &rest[ok + 1..];
            }
        }
    }
}

/// `bytes.is_ascii()`, eight bytes at a time without stopping early (the text is ASCII nearly
/// always: the whole of it is looked at then anyway). (The first core, which reads the
/// built-in data only, uses the standard library's.)
#[cfg(feature = "full")]
fn is_ascii(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    let mut any = 0u64;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        any |= u64::from_le_bytes(w);
    }
    any & 0x8080_8080_8080_8080 == 0 && chunks.remainder().is_ascii()
}

/// UTF-8 read leniently, as `String::from_utf8_lossy`: returns the bytes used (an unfinished
/// character at the end of a piece that is not the last is left).
fn lossy_into(raw: &[u8], last: bool, out: &mut String) -> usize {
    let mut used = 0;
    for chunk in raw.utf8_chunks() {
        let valid = chunk.valid();
        let bad = chunk.invalid();
        out.push_str(valid);
        used += valid.len();
        if bad.is_empty() {
            continue;
        }
        let end = used + bad.len() == raw.len();
        // At the end of a piece: an unfinished character, when more may come.
        if end && !last && std::str::from_utf8(bad).is_err_and(|e| e.error_len().is_none()) {
            return used;
        }
        out.push(char::REPLACEMENT_CHARACTER);
        used += bad.len();
    }
    used
}

/// UTF-16 units to text (unpaired surrogates become U+FFFD); an odd byte or a high surrogate at
/// the end of a piece that is not the last waits for the next.
fn utf16_into(raw: &[u8], last: bool, unit: fn([u8; 2]) -> u16, out: &mut String) -> usize {
    let mut n = raw.len() / 2 * 2;
    if !last && n >= 2 && (0xD800..0xDC00).contains(&unit([raw[n - 2], raw[n - 1]])) {
        n -= 2;
    }
    out.extend(
        char::decode_utf16(raw[..n].chunks_exact(2).map(|p| unit([p[0], p[1]])))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)),
    );
    // An odd byte at the very end is dropped, as when the whole file is read.
    if last {
        raw.len()
    } else {
        n
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80..=0x9F; a table of 32 is all it takes.
pub(crate) fn windows_1252_into(bytes: &[u8], out: &mut String) {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    out.reserve(bytes.len());
    // Runs of ASCII (nearly all of a file) are copied as they are; a character at a time was a
    // third of the reading of a large Windows-1252 file.
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = ascii_len(rest);
        out.push_str(std::str::from_utf8(&rest[..n]).unwrap_or_default());
        rest = &rest[n..];
        while let Some((&b, after)) = rest.split_first().filter(|(b, _)| **b >= 0x80) {
            out.push(match b {
                0x80..=0x9F => HIGH[(b - 0x80) as usize],
                _ => b as char,
            });
            rest = after;
        }
    }
}

/// How many bytes at the start of `b` are ASCII, eight at a time.
fn ascii_len(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(w) = b.get(i..i + 8) {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|b| *b < 0x80) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of `bytes` read in pieces of `piece` bytes, and the encoding found.
    fn pieces(bytes: &[u8], piece: usize) -> (String, Encoding) {
        let mut enc = None;
        'again: loop {
            let mut p = Pieces::new(bytes.len(), enc);
            let mut all = String::new();
            while !p.at_end() {
                let (at, n) = p.want(piece);
                if p.fill(&bytes[at..at + n]).is_err() {
                    enc = Some(Encoding::Windows1252);
                    continue 'again;
                }
                all.push_str(&p.text);
                let n = p.text.len();
                p.keep_from(n);
            }
            return (all, p.encoding);
        }
    }

    #[test]
    fn windows_1252_runs_of_ascii_and_high_bytes_read_as_one_byte_at_a_time() {
        // Every byte, and runs of ASCII of every length up to 20 around high bytes.
        // Latin-1 outside 0x80..=0x9F; inside it the table, a byte alone.
        let one = |b: u8| match b {
            0x80..=0x9F => {
                let mut s = String::new();
                windows_1252_into(&[b], &mut s);
                s.chars().next().unwrap()
            }
            _ => b as char,
        };
        assert_eq!((one(0x80), one(0x96), one(0x9F)), ('€', '–', 'Ÿ'));
        let mut texts: Vec<Vec<u8>> = vec![(0..=255u8).collect()];
        for n in 0..20 {
            for high in [0x80u8, 0x96, 0xE9, 0xFF] {
                let mut t = vec![b'x'; n];
                t.push(high);
                t.extend(std::iter::repeat_n(b'y', 19 - n));
                t.push(high);
                texts.push(t);
            }
        }
        for t in texts {
            let mut got = String::new();
            windows_1252_into(&t, &mut got);
            let want: String = t.iter().map(|&b| one(b)).collect();
            assert_eq!(got, want);
            assert_eq!(got.chars().count(), t.len());
        }
    }

    /// The whole file decoded at once (how the reader did it before it read in pieces).
    fn whole(bytes: &[u8]) -> (String, &'static str) {
        let utf16 = |b: &[u8], unit: fn([u8; 2]) -> u16| -> String {
            char::decode_utf16(b.chunks_exact(2).map(|p| unit([p[0], p[1]])))
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        };
        if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 met BOM");
        }
        if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
            return (utf16(rest, u16::from_le_bytes), "UTF-16");
        }
        if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            return (utf16(rest, u16::from_be_bytes), "UTF-16");
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), "UTF-8"),
            // (Full core:) each byte that is not UTF-8 as Windows-1252, the rest as UTF-8; named
            // so when both are in the file.
            #[cfg(feature = "full")]
            Err(_) => {
                let mut out = String::new();
                let mut utf8 = false;
                for chunk in bytes.utf8_chunks() {
                    out.push_str(chunk.valid());
                    utf8 |= !chunk.valid().is_ascii();
                    windows_1252_into(chunk.invalid(), &mut out);
                }
                (
                    out,
                    if utf8 {
                        "UTF-8 met Windows-1252"
                    } else {
                        "Windows-1252"
                    },
                )
            }
            #[cfg(not(feature = "full"))]
            Err(_) => {
                let mut out = String::new();
                windows_1252_into(bytes, &mut out);
                (out, "Windows-1252")
            }
        }
    }

    #[test]
    fn pieces_decode_as_the_whole_file_does() {
        let cases: Vec<Vec<u8>> = vec![
            b"a;b\nx;1\n".to_vec(),
            "Fryslân;Zuid-Holland Centraal;€ 12\n".as_bytes().to_vec(),
            b"ascii first\nthen F\xe2ll\n".to_vec(),
            "é first\nthen \u{fffd}"
                .bytes()
                .chain([0xE2, 0x41])
                .collect(),
            [0xEF, 0xBB, 0xBF]
                .iter()
                .copied()
                .chain("Fryslân 😀 x".bytes())
                .chain([0xF0, 0x9F])
                .collect(),
            [0xEF, 0xBB, 0xBF, 0xE2, 0x82, 0x41, 0xC3].to_vec(),
            [0xFF, 0xFE]
                .iter()
                .copied()
                .chain("a😀b\nc".encode_utf16().flat_map(|u| u.to_le_bytes()))
                .collect(),
            [0xFE, 0xFF]
                .iter()
                .copied()
                .chain("a😀b\nc".encode_utf16().flat_map(|u| u.to_be_bytes()))
                .chain([0xD8])
                .collect(),
            [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00].to_vec(),
            b"\xc3".to_vec(),
            b"x\xc3\xa9\xc3".to_vec(),
            // Windows-1252 in a UTF-8 file, before and after UTF-8 text, and bytes of
            // Windows-1252 that make UTF-8 (`Ã©`).
            b"Frysl\xe2n;Frysl\xc3\xa2n\n\xe9\xe9\xc3\xa9\xf0\x9f\x98\x80\xe2\x82\n".to_vec(),
            b"\xc3\xa2 \xe2 \xc3\xa9 \xe9\xe9 \xe2\x82\xac \x80".to_vec(),
            Vec::new(),
        ];
        for bytes in &cases {
            let (text, label) = whole(bytes);
            for piece in 1..=bytes.len().max(1) + 1 {
                let (t, e) = pieces(bytes, piece);
                assert_eq!(t, text, "{bytes:?} in pieces of {piece}");
                assert_eq!(e.label(), label, "{bytes:?} in pieces of {piece}");
            }
        }
    }
}
