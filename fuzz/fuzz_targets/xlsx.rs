//! The workbook loader: raw bytes starting with `PK` go to the zip reader as they are (damaged
//! archives, deflate streams); anything else is XML wrapped into a workbook (see workbook.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let built;
    let bytes = if data.starts_with(b"PK") {
        data
    } else {
        built = workbook::from_parts(data);
        &built
    };
    if let Ok(t) = banenverkenner::table::xlsx::read_xlsx("f.xlsx", bytes) {
        banenverkenner_fuzz_check::table(&t);
    }
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
mod workbook;
