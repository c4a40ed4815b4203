//! The CSV loader on arbitrary bytes: an error or a table, never a panic, and a table it returns
//! is consistent (every column as long as the row numbers, no NaN or infinity). Read in small
//! pieces (1 to 64 bytes, from the first byte), the same bytes give the same table or error.
//! On two threads (pieces of 256 bytes to 4 KB: two read at once, a quote-free piece's first pass
//! counted in two halves at once) the same again; and by two readings as the page's two workers
//! read a large file (a helper from the first line break past a byte the data picks, its rows
//! handed over as bytes, or the main reading reading on alone) the same again. As text (with `,`, `;` and tab), the first
//! pass's one-scan count of each record agrees with reading its fields, and so does reading each
//! record with the leading fields it shares with the record before kept.
#![no_main]
use banenverkenner::table::csv::{
    counted_matches_fields, read_csv, read_csv_in_pieces, read_csv_in_pieces_on_two_threads,
    read_csv_split, sharing_matches_fields,
};
use banenverkenner::table::fingerprint;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let whole = read_csv("f.csv", data);
    if let Ok(t) = &whole {
        banenverkenner_fuzz_check::table(t);
    }
    let piece = 1 + usize::from(data.first().copied().unwrap_or(0) % 64);
    let pieces = read_csv_in_pieces("f.csv", data, piece);
    assert_eq!(
        fingerprint(&whole),
        fingerprint(&pieces),
        "pieces of {piece}"
    );
    let piece = 256 + 16 * usize::from(data.get(1).copied().unwrap_or(0));
    let two = read_csv_in_pieces_on_two_threads("f.csv", data, piece);
    assert_eq!(
        fingerprint(&whole),
        fingerprint(&two),
        "two threads, pieces of {piece}"
    );
    let mid = data.len() * usize::from(data.get(2).copied().unwrap_or(0)) / 256;
    let split = read_csv_split("f.csv", data, piece, mid);
    assert_eq!(
        fingerprint(&whole),
        fingerprint(&split),
        "two readings cut after {mid}, pieces of {piece}"
    );
    if let Ok(text) = std::str::from_utf8(data) {
        for d in [b',', b';', b'\t'] {
            if let Err(e) = counted_matches_fields(text, d) {
                panic!("{e}");
            }
            if let Err(e) = sharing_matches_fields(text, d) {
                panic!("{e}");
            }
        }
    }
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
