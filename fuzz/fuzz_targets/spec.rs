//! The view description parser on arbitrary text; a parsed description prints back to one that
//! parses again. Each line of the text (and each `;`-separated cell of it) read as a period, as
//! loaders read a file's cells: never a panic, a parsed period prints back to the same period,
//! and a date with a time of day gives a date. The text read as a `filter=` value: a filter
//! that parses prints back to the same conditions, and one column's condition replaced (as the
//! page's pickers do) parses again and keeps the values checked.
#![no_main]
use banenverkenner::format::Lang;
use banenverkenner::spec::period::{date_and_time, Grain, Period};
use banenverkenner::spec::tidy::{filter_query, filter_with, parse_filter, written};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = banenverkenner::spec::ViewSpec::parse(s);
    if let Ok(parts) = parse_filter(s, Lang::Nl) {
        let again = filter_query(&parts);
        assert_eq!(parse_filter(&again, Lang::Nl).ok(), Some(parts.clone()), "{s:?} -> {again:?}");
        if let Some(first) = parts.first() {
            let all: Vec<String> = first.values.iter().map(|v| written(v)).collect();
            let checked: Vec<String> = all.iter().step_by(2).cloned().collect();
            let w = filter_with(s, &first.column, &checked, &all, Lang::Nl).expect("parsed before");
            let replaced = parse_filter(&w, Lang::Nl).expect("written by filter_with");
            let mine: Vec<_> = replaced.iter().filter(|p| p.column == first.column).collect();
            assert!(mine.len() <= 1, "{s:?} -> {w:?}");
            for v in &first.values {
                let kept = mine.first().is_none_or(|p| p.values.contains(v) != p.exclude);
                let asked = checked.contains(&written(v)) || checked.is_empty() || checked.len() == all.len();
                assert!(kept == asked || all.iter().filter(|x| **x == written(v)).count() > 1, "{s:?} -> {w:?}: {v:?}");
            }
        }
    }
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
