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
    match (&read, &whole) {
        // A damaged part: the whole reading finds the damage before its first cell, the
        // streamed reading only where it lies, so an error in a cell before it may come first
        // there. Both must fail.
        (Err(_), Err(w)) if w.message.contains("' is beschadigd") => {}
        _ => assert_eq!(read, whole),
    }
    if let Ok(t) = read {
        banenverkenner_fuzz_check::table(&t);
    }
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
mod workbook;
