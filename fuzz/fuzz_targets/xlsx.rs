//! The workbook loader: raw bytes starting with `PK` go to the zip reader as they are (damaged
//! archives, deflate streams); anything else is XML wrapped into a workbook (see workbook.rs).
//! The streamed reading (`read_xlsx`) must give what reading each sheet whole gives.
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
    let read = banenverkenner::table::xlsx::read_xlsx("f.xlsx", bytes);
    // Read as it is inflated, twice, the same as from the whole grid.
    let whole = banenverkenner::table::xlsx::read_xlsx_whole("f.xlsx", bytes);
    assert_eq!(read, whole);
    if let Ok(t) = read {
        banenverkenner_fuzz_check::table(&t);
    }
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
mod workbook;
