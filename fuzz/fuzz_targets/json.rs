//! The JSON loader on arbitrary bytes: the records read as the file is parsed must be what
//! parsing the whole file first gives.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = banenverkenner::table::json::read_json("f.json", data);
    assert_eq!(read, banenverkenner::table::json::read_json_whole("f.json", data));
    if let Ok(t) = read {
        banenverkenner_fuzz_check::table(&t);
    }
    // Named as JSON Lines: read a line at a time.
    let read = banenverkenner::table::json::read_json("f.jsonl", data);
    assert_eq!(read, banenverkenner::table::json::read_json_whole("f.jsonl", data));
    if let Ok(t) = read {
        banenverkenner_fuzz_check::table(&t);
    }
});

#[path = "check.rs"]
mod banenverkenner_fuzz_check;
