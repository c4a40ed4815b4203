//! The view description parser on arbitrary text; a parsed description prints back to one that
//! parses again. Each line of the text (and each `;`-separated cell of it) read as a period, as
//! loaders read a file's cells: never a panic, a parsed period prints back to the same period,
//! and a date with a time of day gives a date.
#![no_main]
use banenverkenner::spec::period::{date_and_time, Grain, Period};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = banenverkenner::spec::ViewSpec::parse(s);
    let cells = std::iter::once(s)
        .chain(s.lines())
        .chain(s.split(['\n', ';']))
        .take(64);
    for cell in cells {
        if let Some(p) = Period::parse(cell) {
            assert_eq!(Period::parse(&p.to_string()), Some(p), "{cell:?} read as {p}");
            let _ = (p.label(), p.position());
        }
        let _ = Period::split_mark(cell);
        if let Some((date, _)) = date_and_time(cell) {
            assert_eq!(
                Period::parse(date).map(Period::grain),
                Some(Grain::Date),
                "{cell:?}: date {date:?}"
            );
        }
    }
});
