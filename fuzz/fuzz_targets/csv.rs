//! The CSV loader on arbitrary bytes: an error or a table, never a panic, and a table it returns
//! is consistent (every column as long as the row numbers, no NaN or infinity). Read in small
//! pieces (1 to 64 bytes, from the first byte), the same bytes give the same table or error.
#![no_main]
use banenverkenner::table::csv::{read_csv, read_csv_in_pieces};
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
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
