//! The CSV loader on arbitrary bytes: an error or a table, never a panic, and a table it returns
//! is consistent (every column as long as the row numbers, no NaN or infinity).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = banenverkenner::table::csv::read_csv("f.csv", data) {
        banenverkenner_fuzz_check::table(&t);
    }
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
