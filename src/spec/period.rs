//! Periods of any grain: years (`2019`, StatLine `2019JJ00`), quarters (`2019K1`, `2019Q1`,
//! `2019KW01`, `K1 2019`, `1e kwartaal 2019`), months (`2019M04`, `2019MM04`, `2019-04`,
//! `april 2019`) and dates (a peildatum such as `31-12-2019` or `2019-12-31`); in user files
//! also half-years (`2019H1`, `1e halfjaar 2019`).
//!
//! A [`Period`] has a normalised form (`2019`, `2019K4`, `2019M04`, `2019-12-31`), a readable
//! label (`2019`, `2019 K4`, `apr 2019`, `31-12-2019`) and an order by the end of the period, so
//! a stock at the end of 2019 is the same moment whether written as `2019`, `2019K4`, `2019M12`
//! or `31-12-2019` ([`Period::same_end`]).

use crate::spec::TimeKind;
use serde::{Serialize, Serializer};
use std::fmt;

/// How fine a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    Year,
    Quarter,
    Month,
    Date,
    /// Half-years (user files only: not in the first core). Declared last, so the order of the
    /// other grains is as it was.
    #[cfg(feature = "full")]
    Half,
}

impl Grain {
    pub fn time_kind(self) -> TimeKind {
        match self {
            Grain::Year => TimeKind::Year,
            Grain::Quarter => TimeKind::Quarter,
            Grain::Month => TimeKind::Month,
            Grain::Date => TimeKind::Date,
            #[cfg(feature = "full")]
            Grain::Half => TimeKind::HalfYear,
        }
    }
    /// "per jaar", "per kwartaal", ...: what each point of a chart over the periods is.
    pub fn per(self, lang: crate::format::Lang) -> &'static str {
        use crate::format::Lang::{En, Nl};
        match (self, lang) {
            (Grain::Year, Nl) => "per jaar",
            (Grain::Year, En) => "per year",
            (Grain::Quarter, Nl) => "per kwartaal",
            (Grain::Quarter, En) => "per quarter",
            (Grain::Month, Nl) => "per maand",
            (Grain::Month, En) => "per month",
            (Grain::Date, Nl) => "per peildatum",
            (Grain::Date, En) => "per reference date",
            #[cfg(feature = "full")]
            (Grain::Half, Nl) => "per halfjaar",
            #[cfg(feature = "full")]
            (Grain::Half, En) => "per half-year",
        }
    }
    /// When a count of each period holds: the published yearly figures are year-end counts, a
    /// quarterly file's the end of each quarter ("eind van elk kwartaal").
    pub fn at_each(self, lang: crate::format::Lang) -> &'static str {
        use crate::format::Lang::{En, Nl};
        match (self, lang) {
            (Grain::Year, Nl) => "eind van het jaar",
            (Grain::Year, En) => "at the end of the year",
            (Grain::Quarter, Nl) => "eind van elk kwartaal",
            (Grain::Quarter, En) => "at the end of each quarter",
            (Grain::Month, Nl) => "eind van elke maand",
            (Grain::Month, En) => "at the end of each month",
            (Grain::Date, Nl) => "op elke peildatum",
            (Grain::Date, En) => "on each reference date",
            #[cfg(feature = "full")]
            (Grain::Half, Nl) => "eind van elk halfjaar",
            #[cfg(feature = "full")]
            (Grain::Half, En) => "at the end of each half-year",
        }
    }
    /// The name of one period of the grain, for a table's column: "jaar", "kwartaal", ...
    pub fn noun(self, lang: crate::format::Lang) -> &'static str {
        use crate::format::Lang::{En, Nl};
        match (self, lang) {
            (Grain::Year, Nl) => "jaar",
            (Grain::Year, En) => "year",
            (Grain::Quarter, Nl) => "kwartaal",
            (Grain::Quarter, En) => "quarter",
            (Grain::Month, Nl) => "maand",
            (Grain::Month, En) => "month",
            (Grain::Date, Nl) => "peildatum",
            (Grain::Date, En) => "reference date",
            #[cfg(feature = "full")]
            (Grain::Half, Nl) => "halfjaar",
            #[cfg(feature = "full")]
            (Grain::Half, En) => "half-year",
        }
    }
    /// Dutch name of the grain in the plural (for notes).
    pub fn label(self) -> &'static str {
        match self {
            Grain::Year => "jaren",
            Grain::Quarter => "kwartalen",
            Grain::Month => "maanden",
            Grain::Date => "datums",
            #[cfg(feature = "full")]
            Grain::Half => "halfjaren",
        }
    }
}

/// A period. Ordered by its end (year, month, day), then by grain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    year: i32,
    /// The last month of the period (12 for a year, 3q for quarter q).
    month: u8,
    /// The last day of the period (the month's last day unless a date).
    day: u8,
    grain: Grain,
}

const MONTHS: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "february", "feb", "febr"],
    &["maart", "march", "mrt", "mar", "maa"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["augustus", "august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];
const SHORT_MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// A date as Stata writes it by default (`%td`: `31dec2015`, `1jan2016`): the day, the month's
/// name and the year apart (`31 dec 2015`); `None` for any other text.
#[cfg(feature = "full")]
fn stata_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let m = b[d..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let rest = &s[d + m..];
    let year = rest.len() == 4 && rest.bytes().all(|c| c.is_ascii_digit());
    ((1..=2).contains(&d) && m == 3 && year).then(|| format!("{} {} {rest}", &s[..d], &s[d..d + m]))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn year_of(t: &str) -> Option<i32> {
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok().filter(|y| (1800..=2200).contains(y))
    } else {
        None
    }
}

/// A year written with two digits (`15` in `31-12-15`): 00-69 is 2000-2069, 70-99 is
/// 1970-1999, as spreadsheets read them. User files only (the built-in data has none).
fn short_year(t: &str) -> Option<i32> {
    if cfg!(feature = "full") && t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.parse().ok()?;
        Some(if y < 70 { 2000 + y } else { 1900 + y })
    } else {
        None
    }
}

/// A date with a time of midnight after it, as JSON, OData and spreadsheet exports write a
/// day (`2015-12-31T00:00:00`, `2015-12-31T00:00:00.000Z`, `2015-12-31T00:00:00+01:00`,
/// `31-12-2015 00:00`, `12/31/2019 12:00:00 AM`): the date. A time of day other than midnight
/// is kept (the text is then no period).
fn without_midnight(s: &str) -> &str {
    #[cfg(feature = "full")]
    if let Some((date, false)) = split_time(s) {
        if date.bytes().any(|b| b.is_ascii_digit()) {
            return date;
        }
    }
    // An ISO date with a zone and no time, as XML Schema writes one (`2019-12-31Z`,
    // `2019-12-31+01:00`).
    #[cfg(feature = "full")]
    if let (Some(date), Some(zone)) = (s.get(..10), s.get(10..)) {
        let iso = date.bytes().enumerate().all(|(k, b)| match k {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let zone = zone == "Z"
            || (zone.len() == 6
                && zone.starts_with(['+', '-'])
                && zone.bytes().enumerate().skip(1).all(|(k, b)| match k {
                    3 => b == b':',
                    _ => b.is_ascii_digit(),
                }));
        if iso && zone {
            return date;
        }
    }
    s
}

/// A text split into what comes before a time of day and whether that time is other than
/// midnight: `31-12-2015 12:00` is (`31-12-2015`, true), `2015-12-31T00:00:00Z` (`2015-12-31`,
/// false), `12/31/2019 11:59 PM` (`12/31/2019`, true). The time is `hh:mm`, `hh:mm:ss` or
/// `hh:mm:ss.fff`, after a `T` right after a digit (ISO) or a space, with a zone after it or
/// not (`Z`, `+01:00`, `-0500`, ` UTC`) and with `AM`/`PM` (`a.m.`, `p.m.`) or not; `None`
/// when there is no such time (a time out of range: `24:00`, `13:00 PM`). What comes before the
/// time is not checked. User files only.
#[cfg(feature = "full")]
pub fn split_time(s: &str) -> Option<(&str, bool)> {
    let s = s.trim();
    if !s.contains(':') {
        return None;
    }
    let b = s.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(|c| c.is_ascii_digit());
    // `T` between digits (ISO), else the first word after a space that starts with a digit and
    // holds a colon (`31 dec 2015 8:30`, `12/31/2019 11:59 PM`).
    let at = s
        .char_indices()
        .find(|&(k, c)| c == 'T' && k > 0 && digit(k - 1) && digit(k + 1))
        .map(|(k, _)| k)
        .or_else(|| {
            s.char_indices()
                .filter(|&(k, c)| c.is_whitespace() && digit(k + 1))
                .map(|(k, _)| k)
                .find(|&k| {
                    s[k + 1..]
                        .split(char::is_whitespace)
                        .next()
                        .is_some_and(|w| w.contains(':'))
                })
        })?;
    let (date, time) = (s[..at].trim_end(), s[at + 1..].trim());
    if date.is_empty() {
        return None;
    }
    Some((date, !clock(time)?))
}

/// A date written as three numbers with one separator, the year last (`12/31/2019`,
/// `31-12-2019`, `3.4.19`): the first and the second number, the year and the separator, so a
/// column can tell whether its dates are written day first or month first (see
/// `table::datetime`). User files only.
#[cfg(feature = "full")]
pub fn numbers_of_date(s: &str) -> Option<(u8, u8, i32, char)> {
    let s = s.trim();
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut parts = s.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let year = year_of(c).or_else(|| short_year(c))?;
    Some((small(a, 31)?, small(b, 31)?, year, sep))
}

/// Whether a time of day (see [`split_time`]) is midnight; `None` when the text is no time.
#[cfg(feature = "full")]
fn clock(time: &str) -> Option<bool> {
    let lower = time.to_ascii_lowercase();
    let mut time = lower.trim();
    // `AM` / `PM`, `a.m.` / `p.m.`, with a space before or not.
    let mut half: Option<bool> = None;
    for (mark, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ] {
        if let Some(t) = time.strip_suffix(mark) {
            time = t.trim_end();
            half = Some(pm);
            break;
        }
    }
    // A zone after the time: `Z`, `UTC`, `GMT`, `CET`, `CEST`, `+01:00`, `-0500`, ` +0000`.
    for zone in ["z", "utc", "gmt", "cest", "cet"] {
        if let Some(t) = time.strip_suffix(zone) {
            time = t.trim_end();
            break;
        }
    }
    if let Some(k) = time.rfind(['+', '-']) {
        let zone = &time[k + 1..];
        let ok =
            (1..=5).contains(&zone.len()) && zone.bytes().all(|b| b.is_ascii_digit() || b == b':');
        if !ok {
            return None;
        }
        time = time[..k].trim_end();
    }
    let (clock, fraction) = time.split_once(['.', ',']).unwrap_or((time, ""));
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let two = |t: &str, max: u8| {
        (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u8>().ok())
            .flatten()
            .filter(|v| *v <= max)
    };
    let mut parts = clock.split(':');
    let (h, m, sec) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(h), Some(m), None, None) => (two(h, 23)?, two(m, 59)?, 0),
        (Some(h), Some(m), Some(sec), None) if sec.len() == 2 => {
            (two(h, 23)?, two(m, 59)?, two(sec, 59)?)
        }
        _ => return None,
    };
    // 12 AM is midnight, 12 PM noon; a 12-hour clock has no hour 0 or 13.
    let h = match half {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    Some(h == 0 && m == 0 && sec == 0 && fraction.bytes().all(|b| b == b'0'))
}

/// Where a provisional mark written as a word or a letter starts at the end of `t` (see
/// [`Period::split_mark`]): a word after a space or in brackets, a letter `v` or `p` right after
/// a digit or in brackets. Only after a digit, so a month's name (`sep`) is never cut.
#[cfg(feature = "full")]
fn provisional_word(t: &str) -> Option<usize> {
    const WORDS: [&str; 11] = [
        "nader voorlopig",
        "voorlopig",
        "voorl.",
        "voorl",
        "provisional",
        "prov.",
        "preliminary",
        "prel.",
        "prel",
        "v",
        "p",
    ];
    let lower = t.to_ascii_lowercase();
    let (body, closing) = match lower.strip_suffix(')') {
        Some(b) => (b, 1),
        None => (lower.as_str(), 0),
    };
    for w in WORDS {
        let Some(before) = body.strip_suffix(w) else {
            continue;
        };
        let letter = w.len() == 1;
        let (before, bracket) = match before.strip_suffix('(') {
            Some(b) => (b, true),
            None => (before, false),
        };
        if bracket != (closing == 1) {
            continue;
        }
        let spaced = before.len() > before.trim_end().len();
        let before = before.trim_end();
        // After the period itself: its last character is a digit.
        if !before.ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // A word stands apart (a space or a bracket); a letter follows the digit or is bracketed.
        if bracket || letter != spaced {
            return Some(before.len());
        }
    }
    None
}

/// A day of the week before a date (`dinsdag 31 december 2019`, `Tue, 31 Dec 2019`,
/// `di. 31-12-2019`): the day (Monday 0 to Sunday 6) and the rest of the text.
#[cfg(feature = "full")]
fn weekday_before(s: &str) -> Option<(u8, &str)> {
    const DAYS: [&[&str]; 7] = [
        &["maandag", "monday", "ma", "mon"],
        &["dinsdag", "tuesday", "di", "tue", "tues"],
        &["woensdag", "wednesday", "wo", "wed"],
        &["donderdag", "thursday", "do", "thu", "thur", "thurs"],
        &["vrijdag", "friday", "vr", "fri"],
        &["zaterdag", "saturday", "za", "sat"],
        &["zondag", "sunday", "zo", "sun"],
    ];
    let s = s.trim_start();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = s.find([' ', ',', '.']).unwrap_or(s.len());
    let word = s[..end].to_ascii_lowercase();
    let day = DAYS
        .iter()
        .position(|names| names.contains(&word.as_str()))?;
    let rest = s[end..].trim_start_matches([' ', ',', '.']);
    (!rest.is_empty()).then_some((day as u8, rest))
}

/// Words written before a stand or a year (`ultimo 2015`, `stand per 31-12-2015`, `Jaar 2015`).
const LEADS: [&str; 9] = [
    "ultimo ",
    "eind ",
    "einde ",
    "stand per ",
    "stand ",
    "per ",
    "peildatum ",
    "jaar ",
    "year ",
];

/// How many bytes of lead words (`per `, `stand per `, `ultimo `) `s` starts with (any case).
/// User files only.
#[cfg(feature = "full")]
pub fn lead_len(s: &str) -> usize {
    let mut rest = s;
    while let Some(r) = LEADS.iter().find_map(|lead| {
        rest.get(..lead.len())
            .filter(|p| p.eq_ignore_ascii_case(lead))
            .map(|_| &rest[lead.len()..])
    }) {
        let r = r.trim_start();
        rest = match r.get(..4) {
            Some(v) if v.eq_ignore_ascii_case("van ") => r[4..].trim_start(),
            _ => r,
        };
    }
    s.len() - rest.len()
}

/// A date followed by a time of day, as exports write a peildatum with its time (`31-12-2015
/// 12:00`, `2015-12-31 23:59:59`, `2015-12-31T08:30`, `2015-12-31T08:30:00.5+01:00`,
/// `31-12-2019 3:00 PM`): the date as written and whether the time is other than midnight;
/// `None` when the text is not a date with a time (a date alone, a time alone, a time out of
/// range; see [`split_time`]). User files only.
#[cfg(feature = "full")]
pub fn date_and_time(s: &str) -> Option<(&str, bool)> {
    let (date, timed) = split_time(s)?;
    (Period::parse(date).map(Period::grain) == Some(Grain::Date)).then_some((date, timed))
}

/// A text with each two-digit year written after an apostrophe (`dec '19`, `Q4'19`, `jan ’19`)
/// written after a space instead (`dec 19`); `None` when it has no such year. An apostrophe
/// that is not before exactly two digits, or a second one, is left (the text is then no
/// period).
#[cfg(feature = "full")]
fn apostrophe_years(s: &str) -> Option<String> {
    if !s.contains(['\'', '\u{2019}']) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find(['\'', '\u{2019}']) {
        let mark = rest[k..].chars().next().map_or(1, char::len_utf8);
        let after = &rest[k + mark..];
        let b = after.as_bytes();
        let two = b.len() >= 2
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && !b.get(2).is_some_and(|c| c.is_ascii_alphanumeric());
        if !two {
            return None;
        }
        if !out.is_empty() {
            return None;
        }
        out.push_str(&rest[..k]);
        out.push(' ');
        rest = after;
    }
    out.push_str(rest);
    Some(out)
}

/// A text in capitals without its separators (` `, `-`, `/`, `_`, `.`), to match codes in
/// (`Q4-19` is `Q419`, `2019 / Q4` is `2019Q4`), but with one space kept where separators stand
/// between two digits: digits written apart are never read as one number (`Q4 19 20` is not
/// `Q4 1920`, `20 15K4` not `2015K4`, `2 0 1 9` not `2019`). User files only.
/// A word that says "quarter" (`kwartaal`, `kw`, `quarter`, `qtr`).
fn is_quarter_word(w: &str) -> bool {
    matches!(w, "kwartaal" | "kw" | "quarter" | "qtr")
}

/// A word that says "half-year" (`halfjaar`, `helft`, `half`, `semester`, `hj`).
#[cfg(feature = "full")]
fn is_half_word(w: &str) -> bool {
    matches!(w, "halfjaar" | "helft" | "half" | "semester" | "hj")
}

#[cfg(feature = "full")]
fn squeezed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut apart = false;
    for c in crate::case::upper(s).chars() {
        if matches!(c, ' ' | '-' | '/' | '_' | '.') {
            apart = true;
            continue;
        }
        if apart && c.is_ascii_digit() && out.ends_with(|d: char| d.is_ascii_digit()) {
            out.push(' ');
        }
        apart = false;
        out.push(c);
    }
    out
}

/// What follows a quarter's or a month's number in a squeezed text (see [`squeezed`]): the year,
/// after the one space kept between digits or not (`Q4 2019` is `Q4 2019`, `Q4-19` `Q419`).
#[cfg(feature = "full")]
fn after_number(t: &str) -> &str {
    t.strip_prefix(' ').unwrap_or(t)
}

/// Quarters and months in the spellings of spreadsheets and business reports, on a squeezed text
/// (see [`squeezed`]) (`Q4 '19` is `Q419`): the quarter before a year of four or two
/// digits (`KW4 2019`, `Q4-19`, `K4 '19`), the quarter's number before its letter (`4Q19`,
/// `4Q2019`), a two-digit year before the quarter (`19Q4`), the month before its year (`M12
/// 2019`, `MM12-2019`). Two-digit years as `short_year`. User files only.
#[cfg(feature = "full")]
fn quarter_or_month_first(upper: &str) -> Option<Period> {
    let year = |t: &str| year_of(t).or_else(|| short_year(t));
    for p in ["KW", "K", "Q"] {
        if let Some(rest) = upper.strip_prefix(p) {
            if let (Some(q), Some(y)) = (
                rest.get(..1).and_then(|q| small(q, 4)),
                rest.get(1..).map(after_number).and_then(year),
            ) {
                return Some(Period::quarter(y, q));
            }
        }
    }
    if let (Some(q), Some(rest)) = (upper.get(..1).and_then(|q| small(q, 4)), upper.get(1..)) {
        if let Some(y) = rest
            .strip_prefix('Q')
            .or_else(|| rest.strip_prefix('K'))
            .and_then(year)
        {
            return Some(Period::quarter(y, q));
        }
    }
    if let (Some(y), Some(rest)) = (upper.get(..2).and_then(short_year), upper.get(2..)) {
        if let Some(q) = rest
            .strip_prefix('Q')
            .or_else(|| rest.strip_prefix('K'))
            .and_then(|q| small(q, 4))
        {
            return Some(Period::quarter(y, q));
        }
    }
    let rest = upper
        .strip_prefix("MM")
        .or_else(|| upper.strip_prefix('M'))?;
    let at = rest.len().checked_sub(4)?;
    let (m, y) = (rest.get(..at)?.trim_end_matches(' '), rest.get(at..)?);
    Some(Period::month(year_of(y)?, small(m, 12)?))
}

/// Why a text that names a time is no period the explorer reads, in Dutch and English: an ISO
/// week (`2019-W52`, `2019W52-1`, `week 52 2019`, `wk 52 2019`) or a fiscal year (`FY2019`,
/// `FY 2019/20`, `boekjaar 2019`, `fiscal year 2019`). User files only.
#[cfg(feature = "full")]
pub fn unsupported(s: &str) -> Option<(&'static str, &'static str)> {
    const WEEK: (&str, &str) = (
        "een week: weken worden niet gelezen, want de cijfers van de banenafspraak zijn standen per jaar, kwartaal, maand of datum en een (ISO-)week hoort soms bij het jaar ervoor of erna (2020-W01 begint op 30 december 2019). Schrijf de datum van de stand (zoals 2019-12-31), de maand of het kwartaal",
        "a week: weeks are not read, as the banenafspraak figures are stocks per year, quarter, month or date and an (ISO) week sometimes belongs to the year before or after (2020-W01 starts on 30 December 2019). Write the date of the stock (such as 2019-12-31), the month or the quarter",
    );
    const FISCAL: (&str, &str) = (
        "een boekjaar: een boekjaar loopt niet altijd gelijk met het kalenderjaar, dus wanneer de stand geteld is blijft onbekend. Schrijf het kalenderjaar (zoals 2019) als het boekjaar het kalenderjaar is, of de datum van de stand",
        "a fiscal year: a fiscal year does not always run with the calendar year, so when the stock was counted is unknown. Write the calendar year (such as 2019) if the fiscal year is the calendar year, or the date of the stock",
    );
    let s = Period::split_mark(s).0;
    let upper = crate::case::upper(s).replace([' ', '-', '/', '_', '.'], "");
    let week_number = |t: &str| {
        // The week (1-53), with an ISO weekday (1-7) after it or not.
        let t = match (t.len(), t.get(..2), t.get(2..)) {
            (3, Some(week), Some(day)) if small(day, 7).is_some() => week,
            _ => t,
        };
        small(t, 53).is_some()
    };
    // `2019W52`, `2019-W52-1`, `W52 2019`.
    if let (Some(_), Some(w)) = (
        upper.get(..4).and_then(year_of),
        upper.get(4..).and_then(|r| r.strip_prefix('W')),
    ) {
        if week_number(w) {
            return Some(WEEK);
        }
    }
    if let Some(rest) = upper.strip_prefix('W') {
        let at = rest.len().saturating_sub(4);
        if rest.get(at..).and_then(year_of).is_some() && rest.get(..at).is_some_and(week_number) {
            return Some(WEEK);
        }
    }
    let lower = crate::case::lower(s);
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ',' | '.' | '_' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let has_year = words.iter().any(|w| year_of(w).is_some());
    // `week 52 2019`, `wk52 2019`, `2019 weeknummer 52`.
    let week_word = |w: &&str| {
        ["weeknummer", "weeknr", "week", "wk"].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| r.is_empty() || small(r, 53).is_some())
        })
    };
    if has_year && words.iter().any(week_word) {
        return Some(WEEK);
    }
    // A year over two calendar years (`2019/20`, `2019/2020`): a fiscal or school year.
    let split_year = s.trim().split_once('/').is_some_and(|(a, b)| {
        year_of(a.trim()).is_some_and(|y| {
            let b = b.trim();
            year_of(b) == Some(y + 1) || (b.len() == 2 && short_year(b) == Some(y + 1))
        })
    });
    let fiscal = split_year
        || upper.strip_prefix("FY").is_some_and(|r| {
            r.get(..4).and_then(year_of).is_some() || r.get(..2).and_then(short_year).is_some()
        })
        || (has_year
            && (words.contains(&"boekjaar")
                || words.contains(&"fy")
                || lower.contains("fiscal year")));
    fiscal.then_some(FISCAL)
}

fn small(t: &str, max: u8) -> Option<u8> {
    if !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok().filter(|v| (1..=max).contains(v))
    } else {
        None
    }
}

/// A quarter number written as a word: `1`, `1e`, `1ste`, `eerste`, `first`, `1st`.
fn quarter_word(w: &str) -> Option<u8> {
    const WORDS: [&[&str]; 4] = [
        &["1", "1e", "1ste", "eerste", "first", "1st"],
        &["2", "2e", "2de", "tweede", "second", "2nd"],
        &["3", "3e", "3de", "derde", "third", "3rd"],
        &["4", "4e", "4de", "vierde", "fourth", "4th"],
    ];
    WORDS
        .iter()
        .position(|ws| ws.contains(&w))
        .map(|k| k as u8 + 1)
}

/// A quarter written as a Roman numeral (`I` to `IV`, any case), with an ordinal `e` after it or
/// not (`IVe kwartaal`). User files only.
#[cfg(feature = "full")]
fn roman(w: &str) -> Option<u8> {
    let w = crate::case::lower(w);
    let w = w.strip_suffix('e').filter(|r| !r.is_empty()).unwrap_or(&w);
    ["i", "ii", "iii", "iv"]
        .iter()
        .position(|r| *r == w)
        .map(|k| k as u8 + 1)
}

/// A quarter number written as a word (see [`quarter_word`]) or, in user files, as a Roman
/// numeral (`kwartaal IV 2019`).
fn quarter_number_word(w: &str) -> Option<u8> {
    let q = quarter_word(w);
    #[cfg(feature = "full")]
    let q = q.or_else(|| roman(w));
    q
}

/// The words of a text cut at anything but a letter or digit and between digits and letters
/// (`2019-IV` and `2019IV` are `2019`, `iv`), in lower case.
#[cfg(feature = "full")]
fn runs(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<bool> = None;
    for c in crate::case::lower(s).chars() {
        if !c.is_alphanumeric() {
            last = None;
            continue;
        }
        let digit = c.is_ascii_digit();
        match out.last_mut() {
            Some(w) if last == Some(digit) => w.push(c),
            _ => out.push(c.to_string()),
        }
        last = Some(digit);
    }
    out
}

/// A quarter written as a Roman numeral right before or after a four-digit year, with no word
/// that says "quarter" (`2019 IV`, `2019-IV`, `2019/IV`, `2019IV`, `IV 2019`, `IV-2019`). `I`
/// and `II` could be half-years: a column whose Roman numerals go no higher is refused by
/// its reader (see [`roman_quarter`]). User files only.
#[cfg(feature = "full")]
fn bare_roman(s: &str) -> Option<Period> {
    let words = runs(s);
    match words.as_slice() {
        [a, b] => match (year_of(a), year_of(b)) {
            (Some(y), None) if !b.ends_with('e') => Some(Period::quarter(y, roman(b)?)),
            (None, Some(y)) if !a.ends_with('e') => Some(Period::quarter(y, roman(a)?)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a text is read as a quarter through a Roman numeral, and whether without a word that
/// says "quarter" (`2019 IV`: `Some(true)`; `kwartaal IV 2019`: `Some(false)`); `None` when the
/// text is no quarter written so. A reader says the Roman numerals it read, and refuses bare ones
/// that go no higher than `II` (a first and second half-year are written so too). User files
/// only.
#[cfg(feature = "full")]
pub fn roman_quarter(s: &str) -> Option<bool> {
    if Period::parse(s)?.grain != Grain::Quarter {
        return None;
    }
    let words = runs(s);
    if !words.iter().any(|w| roman(w).is_some()) {
        return None;
    }
    Some(!words.iter().any(|w| is_quarter_word(w)))
}

impl Period {
    pub fn year(y: i32) -> Period {
        Period {
            year: y,
            month: 12,
            day: 31,
            grain: Grain::Year,
        }
    }
    pub fn quarter(y: i32, q: u8) -> Period {
        let month = 3 * q.clamp(1, 4);
        Period {
            year: y,
            month,
            day: days_in_month(y, month),
            grain: Grain::Quarter,
        }
    }
    pub fn month(y: i32, m: u8) -> Period {
        let month = m.clamp(1, 12);
        Period {
            year: y,
            month,
            day: days_in_month(y, month),
            grain: Grain::Month,
        }
    }
    /// The half-year `h` (1 or 2) of year `y`, which ends on 30 June or 31 December.
    #[cfg(feature = "full")]
    pub fn half(y: i32, h: u8) -> Period {
        Period {
            year: y,
            month: 6 * h,
            day: if h == 1 { 30 } else { 31 },
            grain: Grain::Half,
        }
    }
    pub fn date(y: i32, m: u8, d: u8) -> Option<Period> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Period {
            year: y,
            month: m,
            day: d,
            grain: Grain::Date,
        })
    }

    pub fn grain(self) -> Grain {
        self.grain
    }
    /// The calendar year the period falls in.
    pub fn calendar_year(self) -> i32 {
        self.year
    }
    /// The quarter (1-4) the period ends in.
    pub fn quarter_number(self) -> u8 {
        self.month.div_ceil(3)
    }

    /// Whether the period ends when its year ends (a year, Q4, December, 31 December): a
    /// year-end stock.
    pub fn is_year_end(self) -> bool {
        self.month == 12 && self.day == 31
    }

    /// Whether two periods of one grain end at the same point of their years (`2015K2` and
    /// `2017K2`, `2015M02` and `2016M02`, `30-06-2015` and `30-06-2017`): a growth between them
    /// compares like with like. User files only (the built-in data has years).
    #[cfg(feature = "full")]
    pub fn same_point_of_year(self, other: Period) -> bool {
        self.grain == other.grain
            && self.month == other.month
            && (self.grain != Grain::Date || self.day == other.day)
    }

    /// How fine the period's grain is: a year 0, a half-year 1, a quarter 2, a month 3, a date 4.
    #[cfg(feature = "full")]
    pub fn fineness(self) -> u8 {
        match self.grain {
            Grain::Year => 0,
            Grain::Half => 1,
            Grain::Quarter => 2,
            Grain::Month => 3,
            Grain::Date => 4,
        }
    }

    /// Whether `other`, of a finer grain, lies within this period (`2019K2` and `2019M05` in
    /// `2019`; `2019M05` in `2019K2`).
    #[cfg(feature = "full")]
    pub fn contains(self, other: Period) -> bool {
        let months: u8 = match self.grain {
            Grain::Year => 12,
            Grain::Half => 6,
            Grain::Quarter => 3,
            Grain::Month | Grain::Date => 0,
        };
        other.fineness() > self.fineness()
            && other.year == self.year
            && other.month <= self.month
            && other.month + months > self.month
    }

    /// The period of `grain` that ends when this one ends (`2019` as a quarter: `2019K4`): where a
    /// stock of a coarser period stands on an axis of finer ones.
    #[cfg(feature = "full")]
    pub fn end_as(self, grain: Grain) -> Period {
        match grain {
            Grain::Year => Period::year(self.year),
            Grain::Half => Period::half(self.year, self.month.div_ceil(6)),
            Grain::Quarter => Period::quarter(self.year, self.quarter_number()),
            Grain::Month => Period::month(self.year, self.month),
            Grain::Date => Period::date(self.year, self.month, self.day).unwrap_or(self),
        }
    }

    /// Whether two periods end on the same day (`2019`, `2019K4`, `2019M12`, `31-12-2019`).
    pub fn same_end(self, other: Period) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }

    /// A position on a continuous time axis, in years (a quarter adds (q-1)/4, a month (m-1)/12).
    pub fn position(self) -> f64 {
        let y = self.year as f64;
        match self.grain {
            Grain::Year => y,
            Grain::Quarter => y + (self.quarter_number() - 1) as f64 / 4.0,
            Grain::Month => y + (self.month - 1) as f64 / 12.0,
            Grain::Date => y + (self.month - 1) as f64 / 12.0 + (self.day - 1) as f64 / 372.0,
            #[cfg(feature = "full")]
            Grain::Half => y + (self.month / 6 - 1) as f64 / 2.0,
        }
    }

    /// The readable label in `lang`: `2019 K1`, `apr 2019`, `31 dec 2019` in Dutch, `2019 Q1`,
    /// `Apr 2019`, `31 Dec 2019` in English.
    pub fn label_in(self, lang: crate::format::Lang) -> String {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let month = || EN[(self.month as usize).saturating_sub(1).min(11)];
        match (lang, self.grain) {
            (crate::format::Lang::Nl, _) | (_, Grain::Year) => self.label(),
            (_, Grain::Quarter) => format!("{} Q{}", self.year, self.quarter_number()),
            (_, Grain::Month) => format!("{} {}", month(), self.year),
            (_, Grain::Date) => format!("{} {} {}", self.day, month(), self.year),
            #[cfg(feature = "full")]
            (_, Grain::Half) => self.label(),
        }
    }

    /// A readable label for axes and tables: `2019`, `2019 K1`, `apr 2019`, `31 dec 2019`.
    pub fn label(self) -> String {
        match self.grain {
            Grain::Year => self.year.to_string(),
            Grain::Quarter => format!("{} K{}", self.year, self.quarter_number()),
            Grain::Month => format!(
                "{} {}",
                SHORT_MONTHS[(self.month as usize).saturating_sub(1).min(11)],
                self.year
            ),
            Grain::Date => format!(
                "{} {} {}",
                self.day,
                SHORT_MONTHS[(self.month as usize).saturating_sub(1).min(11)],
                self.year
            ),
            #[cfg(feature = "full")]
            Grain::Half => format!("{} H{}", self.year, self.month / 6),
        }
    }

    /// The span from one period to another for titles and labels: `2015-2017` between years,
    /// `2015 K4 – 2017 K4` (`2015 Q4 – 2017 Q4`) or `31 dec 2015 – 31 dec 2017` otherwise (a hyphen would run into the
    /// labels' own parts), the one label when both are the same period.
    pub fn span(self, to: Period, lang: crate::format::Lang) -> String {
        if self.same_end(to) && self.grain == to.grain {
            self.label_in(lang)
        } else if self.grain == Grain::Year && to.grain == Grain::Year {
            format!("{}-{}", self.year, to.year)
        } else {
            format!("{} – {}", self.label_in(lang), to.label_in(lang))
        }
    }

    /// When a stock is counted, for titles: `eind 2015` / `at the end of 2015`, `eind 2015 K4`, but a
    /// peildatum is the day itself: `op 31 dec 2015` / `on 31 dec 2015`.
    pub fn moment(self, lang: crate::format::Lang) -> String {
        use crate::format::Lang;
        match (self.grain, lang) {
            (Grain::Date, Lang::Nl) => format!("op {}", self.label()),
            (Grain::Date, Lang::En) => format!("on {}", self.label_in(lang)),
            (_, Lang::Nl) => format!("eind {}", self.label()),
            (_, Lang::En) => format!("at the end of {}", self.label_in(lang)),
        }
    }

    /// The period after a measure ("het aandeel werkenden in 2015"): `in 2015`, `in 2015 K4`,
    /// and for a date `op 31 dec 2015` (`on 31 Dec 2015`).
    pub fn at_in(self, lang: crate::format::Lang) -> String {
        use crate::format::Lang;
        match (self.grain, lang) {
            (Grain::Date, Lang::Nl) => format!("op {}", self.label()),
            (Grain::Date, Lang::En) => format!("on {}", self.label_in(lang)),
            (_, _) => format!("in {}", self.label_in(lang)),
        }
    }

    /// A period's text and the mark StatLine writes after provisional figures (`2019*`
    /// voorlopig, `2019**` nader voorlopig): `("2019", "*")`; the mark is empty when there is none.
    /// Files also write the word (`2019 (voorlopig)`, `2019 voorl.`, `2019 (provisional)`,
    /// `2019 prel.`) or its letter right after the period (`2019v`, `2019p`, `2019K4 (v)`).
    pub fn split_mark(s: &str) -> (&str, &str) {
        let t = s.trim();
        let core = t.trim_end_matches('*');
        #[cfg(feature = "full")]
        if core.len() == t.len() {
            if let Some(at) = provisional_word(t) {
                return (t[..at].trim_end(), &t[at..]);
            }
        }
        (core.trim_end(), &t[core.len()..])
    }

    /// Parses a period as written in a file or a view description (a provisional mark after it
    /// is read past: `2019*` is 2019); `None` when the text is no period.
    pub fn parse(s: &str) -> Option<Period> {
        let s = Period::split_mark(s).0;
        // Excel's mark of a cell typed as text (`'2019`, `'2019K4`, `'31-12-2019`): the period
        // after it. Only one, right before a digit (`'19` is then a bare `19`: no period).
        #[cfg(feature = "full")]
        let s = match s.strip_prefix('\'') {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => r,
            _ => s,
        };
        if let Some(y) = year_of(s) {
            return Some(Period::year(y));
        }
        #[cfg(feature = "full")]
        if let Some(p) = Period::grain_in_brackets(s) {
            return Some(p);
        }
        // A stand written with a lead word: `ultimo 2015`, `eind 2015`, `stand 31 december
        // 2015`, `per 31-12-2015`; a year as `Jaar 2015`. (The first core reads the built-in data only.)
        // Lead words are taken off in a loop, not by recursion: a cell of thousands of them
        // (`per per per ... 2015`) must not overflow the stack.
        if cfg!(feature = "full") {
            let lower = crate::case::lower(s);
            let mut rest = lower.as_str();
            while let Some(r) = LEADS.iter().find_map(|lead| rest.strip_prefix(lead)) {
                rest = r.trim_start_matches("van ").trim();
            }
            if rest.len() != lower.len() {
                return Period::parse_written(rest);
            }
        }
        Period::parse_written(s)
    }

    /// A year with its part in brackets after it (`2015 (Q4)`, `2015 (dec)`), or the year said
    /// to be one (`2015 (jaar)`): the period of the year and that part. `None` for anything else,
    /// and for a part that is no period of that year.
    #[cfg(feature = "full")]
    fn grain_in_brackets(s: &str) -> Option<Period> {
        let (before, inner) = s.trim().strip_suffix(')')?.rsplit_once('(')?;
        let (before, inner) = (before.trim(), inner.trim());
        let y = year_of(before)?;
        if matches!(
            crate::case::lower(inner).as_str(),
            "jaar" | "year" | "heel jaar" | "jaarcijfer" | "jaarcijfers"
        ) {
            return Some(Period::year(y));
        }
        let p = Period::parse_written(&format!("{before} {inner}"))?;
        (p.calendar_year() == y && p.grain != Grain::Year).then_some(p)
    }

    /// [`Period::parse`] of a text without its lead words. A date may have its day of the week
    /// before it (`dinsdag 31 december 2019`, `Tue, 31 Dec 2019`, `di 31-12-2019`), which must
    /// be that date's (else the text is no period).
    fn parse_written(s: &str) -> Option<Period> {
        #[cfg(feature = "full")]
        if let Some((weekday, rest)) = weekday_before(s) {
            let p = Period::parse_plain(rest)?;
            return (p.grain == Grain::Date && p.weekday() == weekday).then_some(p);
        }
        Period::parse_plain(s)
    }

    /// The day of the week of the period's last day, Monday 0 to Sunday 6.
    #[cfg(feature = "full")]
    fn weekday(self) -> u8 {
        // Days since 1970-01-01 (a Thursday), by the civil calendar (H. Hinnant's algorithm).
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        (days + 3).rem_euclid(7) as u8
    }

    /// [`Period::parse_written`] of a text without a day of the week.
    fn parse_plain(s: &str) -> Option<Period> {
        let s = Period::split_mark(s).0;
        if let Some(y) = year_of(s) {
            return Some(Period::year(y));
        }
        // A two-digit year after an apostrophe (`dec '19`, `Q4'19`, `31 dec ’19`): read as the
        // two-digit year it is (see `short_year`).
        #[cfg(feature = "full")]
        let unquoted = apostrophe_years(s);
        #[cfg(feature = "full")]
        let s = unquoted.as_deref().unwrap_or(s);
        #[cfg(feature = "full")]
        let upper = squeezed(s);
        #[cfg(not(feature = "full"))]
        let upper = crate::case::upper(s).replace([' ', '-', '/', '_', '.'], "");
        #[cfg(feature = "full")]
        if let Some(p) = quarter_or_month_first(&upper) {
            return Some(p);
        }
        #[cfg(feature = "full")]
        if let Some(p) = bare_roman(s) {
            return Some(p);
        }
        // A year followed by a code: 2019JJ00, 2019K4, 2019Q4, 2019KW04, 2019M04, 2019MM04.
        if let (Some(y), Some(rest)) = (upper.get(..4).and_then(year_of), upper.get(4..)) {
            if rest == "JJ00" {
                return Some(Period::year(y));
            }
            for p in ["KW", "K", "Q"] {
                if let Some(q) = rest.strip_prefix(p).and_then(|q| small(q, 4)) {
                    return Some(Period::quarter(y, q));
                }
            }
            // A half-year: 2019H1, 2019HJ1, 2019HJ01, 2019S1 (semester), 2019-H1.
            #[cfg(feature = "full")]
            for p in ["HJ", "H", "S"] {
                if let Some(h) = rest.strip_prefix(p).and_then(|h| small(h, 2)) {
                    return Some(Period::half(y, h));
                }
            }
            if let Some(m) = rest
                .strip_prefix("MM")
                .or_else(|| rest.strip_prefix('M'))
                .and_then(|m| small(m, 12))
            {
                return Some(Period::month(y, m));
            }
        }
        // A month or a day written as one number, as databases and statistics packages
        // export them: 201912 (2019M12), 20191231 (2019-12-31).
        if cfg!(feature = "full")
            && matches!(s.len(), 6 | 8)
            && s.bytes().all(|b| b.is_ascii_digit())
        {
            if let (Some(y), Some(m)) = (year_of(&s[..4]), small(&s[4..6], 12)) {
                return match s.get(6..) {
                    Some("") | None => Some(Period::month(y, m)),
                    Some(d) => Period::date(y, m, small(d, 31)?),
                };
            }
        }
        // A half-year before its year: H1 2019, H2-2019.
        #[cfg(feature = "full")]
        if let Some(rest) = upper.strip_prefix('H') {
            if let (Some(h), Some(y)) = (
                rest.get(..1).and_then(|h| small(h, 2)),
                rest.get(1..).map(after_number).and_then(year_of),
            ) {
                return Some(Period::half(y, h));
            }
        }
        // A quarter before its year: K4 2019, Q4-2019.
        for p in ['K', 'Q'] {
            if let Some(rest) = upper.strip_prefix(p) {
                if let (Some(q), Some(y)) = (
                    rest.get(..1).and_then(|q| small(q, 4)),
                    rest.get(1..).and_then(year_of),
                ) {
                    return Some(Period::quarter(y, q));
                }
            }
        }
        // Numbers split by - / or .: 2019-04, 04-2019, 2019-04-30, 30-4-2019, 30.04.2019, and
        // with a two-digit year 31-12-15 (see `short_year`); a time of midnight after a date
        // is read past.
        let s = if cfg!(feature = "full") {
            without_midnight(s)
        } else {
            s
        };
        let parts: Vec<&str> = s.split(['-', '/', '.']).map(str::trim).collect();
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if parts.len() >= 2 && parts.iter().all(|p| digits(p)) {
            match parts.as_slice() {
                [a, b] => {
                    if let (Some(y), Some(m)) = (year_of(a), small(b, 12)) {
                        if b.len() == 2 {
                            return Some(Period::month(y, m));
                        }
                    }
                    if let (Some(m), Some(y)) = (small(a, 12), year_of(b)) {
                        return Some(Period::month(y, m));
                    }
                }
                [a, b, c] => {
                    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
                    if let (Some(y), Some(m), Some(d)) = (year_of(y), small(m, 12), small(d, 31)) {
                        return Period::date(y, m, d);
                    }
                    // Day, month, two-digit year (never a two-digit year first: 15-12-31 is
                    // not told from 31-12-15).
                    if cfg!(feature = "full") {
                        if let (Some(y), Some(m), Some(d)) =
                            (short_year(c), small(b, 12), small(a, 31))
                        {
                            return Period::date(y, m, d);
                        }
                    }
                }
                _ => {}
            }
        }
        // Words: `1e kwartaal 2019`, `kwartaal 1 2019`, `april 2019`, `2019 april`, `jan. 2019`.
        let lower = crate::case::lower(s);
        // A quarter word written together with its number or year (`4ekwartaal2019`,
        // `kwartaal4 2019`, `4ekw2019`): apart.
        #[cfg(feature = "full")]
        let lower = match ["kwartaal", "quarter", "kw"]
            .iter()
            .find(|w| lower.contains(**w))
        {
            Some(w) => lower.replacen(w, &format!(" {w} "), 1),
            None => lower,
        };
        #[cfg(feature = "full")]
        let lower = stata_date(&lower).unwrap_or(lower);
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ',' | '.' | '_'))
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 || words.len() > 4 {
            return None;
        }
        // A day, a month's name and a two-digit year: `31-dec-15`, `31 dec 15` (Excel's
        // d-mmm-yy).
        if cfg!(feature = "full") {
            if let [d, name, y] = words.as_slice() {
                if let (Some(y), Some(m)) = (
                    short_year(y),
                    MONTHS.iter().position(|names| names.contains(name)),
                ) {
                    return Period::date(y, m as u8 + 1, small(d, 31)?);
                }
            }
            // A month's name and a two-digit year: `dec-15`, `okt 19` (Excel's mmm-yy; a day
            // and a month without a year are no period).
            if let [name, y] = words.as_slice() {
                if let (Some(y), Some(m)) = (
                    short_year(y),
                    MONTHS.iter().position(|names| names.contains(name)),
                ) {
                    return Some(Period::month(y, m as u8 + 1));
                }
            }
        }
        // A quarter or a half-year with a two-digit year last (`4e kw 19`, `2e halfjaar 19`):
        // that year (see `short_year`).
        #[cfg(feature = "full")]
        let long = words
            .split_last()
            .filter(|(_, front)| front.iter().any(|w| is_quarter_word(w) || is_half_word(w)))
            .and_then(|(last, _)| short_year(last))
            .map(|y| y.to_string());
        #[cfg(feature = "full")]
        let words: Vec<&str> = match &long {
            Some(y) => words[..words.len() - 1]
                .iter()
                .copied()
                .chain([y.as_str()])
                .collect(),
            None => words,
        };
        let years: Vec<i32> = words.iter().filter_map(|w| year_of(w)).collect();
        let [y] = years.as_slice() else { return None };
        let rest: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| year_of(w).is_none())
            .collect();
        // `1e halfjaar 2019`, `halfjaar 2 2019`, `first half 2019`, `2e helft 2019`.
        #[cfg(feature = "full")]
        if rest.iter().any(|w| is_half_word(w)) {
            let nums: Vec<u8> = rest
                .iter()
                .filter(|w| !is_half_word(w))
                .map(|w| quarter_word(w).filter(|&h| h <= 2))
                .collect::<Option<Vec<u8>>>()?;
            if let [h] = nums.as_slice() {
                return Some(Period::half(*y, *h));
            }
            return None;
        }
        if rest.iter().any(|w| is_quarter_word(w)) {
            let nums: Vec<u8> = rest
                .iter()
                .filter(|w| !is_quarter_word(w))
                .map(|w| quarter_number_word(w))
                .collect::<Option<Vec<u8>>>()?;
            if let [q] = nums.as_slice() {
                return Some(Period::quarter(*y, *q));
            }
            return None;
        }
        if let [name] = rest.as_slice() {
            let m = MONTHS.iter().position(|names| names.contains(name))?;
            return Some(Period::month(*y, m as u8 + 1));
        }
        // A day and a month's name: `31 december 2015`, `December 31, 2015`, `31st of
        // December 2015`.
        #[cfg(feature = "full")]
        {
            let rest: Vec<&str> = rest
                .into_iter()
                .filter(|w| !matches!(*w, "of" | "the"))
                .collect();
            if let [a, b] = rest.as_slice() {
                let (day, name) = if a.starts_with(|c: char| c.is_ascii_digit()) {
                    (a, b)
                } else {
                    (b, a)
                };
                let m = MONTHS.iter().position(|names| names.contains(name))?;
                let day = ["st", "nd", "rd", "th", "ste", "de", "e"]
                    .iter()
                    .find_map(|o| day.strip_suffix(o))
                    .unwrap_or(day);
                return Period::date(*y, m as u8 + 1, small(day, 31)?);
            }
        }
        None
    }

    /// The kind and axis position of a written period (for tidy time columns).
    pub fn parse_kind(s: &str) -> Option<(TimeKind, f64)> {
        Period::parse(s).map(|p| (p.grain.time_kind(), p.position()))
    }
}

/// A bare number is a year.
impl From<i32> for Period {
    fn from(y: i32) -> Period {
        Period::year(y)
    }
}

/// A period equals a number when it is that year.
impl PartialEq<i32> for Period {
    fn eq(&self, y: &i32) -> bool {
        self.grain == Grain::Year && self.year == *y
    }
}

impl Default for Period {
    fn default() -> Period {
        Period::year(0)
    }
}

/// The normalised form, as view descriptions write it: `2019`, `2019K4`, `2019M04`,
/// `2019-12-31`. Texts for people use [`Period::label_in`], [`Period::span`] and
/// [`Period::moment`].
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.grain {
            Grain::Year => write!(f, "{}", self.year),
            Grain::Quarter => write!(f, "{}K{}", self.year, self.quarter_number()),
            Grain::Month => write!(f, "{}M{:02}", self.year, self.month),
            Grain::Date => write!(f, "{}-{:02}-{:02}", self.year, self.month, self.day),
            #[cfg(feature = "full")]
            Grain::Half => write!(f, "{}H{}", self.year, self.month / 6),
        }
    }
}

/// Years as numbers (as the JSON has always had them), other periods as their normalised text.
impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.grain {
            Grain::Year => s.serialize_i32(self.year),
            _ => s.collect_str(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell of many lead words is read in a loop, not by one call per word (a crash found by
    /// fuzzing: 32,000 `per ` overflowed the stack and aborted the page's core).
    #[cfg(feature = "full")]
    #[test]
    fn many_lead_words_do_not_overflow_the_stack() {
        let text = format!("{}2015", "per ".repeat(100_000));
        let read = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || Period::parse(&text))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(read, Some(Period::year(2015)));
        assert_eq!(p("stand per van 31-12-2015"), "2015-12-31");
        assert_eq!(p("Ultimo Jaar 2015 (voorlopig)"), "2015");
        assert_eq!(p("per per"), "-");
        assert_eq!(lead_len("Stand per van 12/31/2015"), 14);
        assert_eq!(lead_len("12/31/2015"), 0);
        assert_eq!(lead_len("perron 12/31/2015"), 0);
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_years_part_in_brackets_is_that_period() {
        assert_eq!(p("2015 (Q4)"), "2015K4");
        assert_eq!(p("2015 (4e kwartaal)"), "2015K4");
        assert_eq!(p("2015 (december)"), "2015M12");
        assert_eq!(p("2015 (jaar)"), "2015");
        // Not a part of that year, or no period at all.
        assert_eq!(p("2015 (2016K4)"), "-");
        assert_eq!(p("2015 (oud)"), "-");
        assert_eq!(p("(Q4)"), "-");
    }

    fn p(s: &str) -> String {
        Period::parse(s)
            .map(|p| p.to_string())
            .unwrap_or_else(|| "-".into())
    }

    #[test]
    fn every_written_form_normalises() {
        for (s, want) in [
            ("2019", "2019"),
            ("2019JJ00", "2019"),
            ("2019K1", "2019K1"),
            ("2019Q1", "2019K1"),
            ("2019KW01", "2019K1"),
            ("2015KW04", "2015K4"),
            ("2019-Q2", "2019K2"),
            ("K3 2019", "2019K3"),
            ("1e kwartaal 2019", "2019K1"),
            ("4e kwartaal 2019", "2019K4"),
            ("eerste kwartaal 2020", "2020K1"),
            ("2019 2e kwartaal", "2019K2"),
            ("2019M04", "2019M04"),
            ("2019MM04", "2019M04"),
            ("2019-04", "2019M04"),
            ("04-2019", "2019M04"),
            ("april 2019", "2019M04"),
            ("Apr 2019", "2019M04"),
            ("mrt. 2019", "2019M03"),
            ("31-12-2019", "2019-12-31"),
            ("2019-12-31", "2019-12-31"),
            ("31/7/2019", "2019-07-31"),
            ("31 december 2015", "2015-12-31"),
            ("ultimo 2015", "2015"),
            ("Jaar 2015", "2015"),
            ("year 2015", "2015"),
            ("eind 2015", "2015"),
            ("Stand 31 december 2015", "2015-12-31"),
            ("per 31-12-2015", "2015-12-31"),
            ("eind van het jaar", "-"),
            ("31 foo 2015", "-"),
            ("2019*", "2019"),
            ("2019K4 **", "2019K4"),
            ("*", "-"),
            ("2019K5", "-"),
            ("2019M13", "-"),
            ("31-2-2019", "-"),
            ("Wajong", "-"),
            ("12-24", "-"),
            ("5e kwartaal 2019", "-"),
            ("april", "-"),
            // Two-digit years, day first: 00-69 is 20xx, 70-99 is 19xx.
            ("31-12-15", "2015-12-31"),
            ("31/12/15", "2015-12-31"),
            ("31.12.15", "2015-12-31"),
            ("1-7-69", "2069-07-01"),
            ("1-7-70", "1970-07-01"),
            ("31-12-99", "1999-12-31"),
            ("31-dec-15", "2015-12-31"),
            ("31 dec 15", "2015-12-31"),
            ("31 dec 2015", "2015-12-31"),
            // Stata's default date format.
            ("31dec2015", "2015-12-31"),
            ("1JAN2016", "2016-01-01"),
            ("31foo2015", "-"),
            ("dec 2015", "2015M12"),
            ("29-2-15", "-"),
            ("31-13-15", "-"),
            ("32-12-15", "-"),
            ("31-12-015", "-"),
            ("31 foo 15", "-"),
            ("dec 15", "2015M12"),
            ("okt-19", "2019M10"),
            ("15 dec", "-"),
            ("12-15", "-"),
            ("15", "-"),
            ("1515", "-"),
            ("12.5", "-"),
            // A day with a time of midnight, as JSON and OData write dates.
            ("2015-12-31T00:00:00", "2015-12-31"),
            ("2015-12-31T00:00:00Z", "2015-12-31"),
            ("2015-12-31T00:00:00.000Z", "2015-12-31"),
            ("2015-12-31T00:00:00+00:00", "2015-12-31"),
            ("31-12-2015 00:00", "2015-12-31"),
            ("31-12-2015 00:00:00", "2015-12-31"),
            ("2015-12-31T13:30:00", "-"),
            ("2019H1", "2019H1"),
            ("2019H2", "2019H2"),
            ("2019-H2", "2019H2"),
            ("2019HJ02", "2019H2"),
            ("2019S1", "2019H1"),
            ("H1 2019", "2019H1"),
            ("H2-2019", "2019H2"),
            ("1e halfjaar 2019", "2019H1"),
            ("tweede halfjaar 2019", "2019H2"),
            ("halfjaar 2 2019", "2019H2"),
            ("2019 2e halfjaar", "2019H2"),
            ("first half 2019", "2019H1"),
            ("2e helft 2019", "2019H2"),
            ("2019H3", "-"),
            ("3e halfjaar 2019", "-"),
            ("201912", "2019M12"),
            ("201901", "2019M01"),
            ("20191231", "2019-12-31"),
            ("20190229", "-"),
            ("201913", "-"),
            ("201900", "-"),
            ("123456", "-"),
            ("2019123", "-"),
            ("20191232", "-"),
            ("2019 (voorlopig)", "2019"),
            ("2019 voorlopig", "2019"),
            ("2019 Voorl.", "2019"),
            ("2019K4 (nader voorlopig)", "2019K4"),
            ("2019v", "2019"),
            ("2019 (v)", "2019"),
            ("2019p", "2019"),
            ("2019 (provisional)", "2019"),
            ("2019 prel.", "2019"),
            ("2019 v", "-"),
            ("2019voorlopig", "-"),
            ("31 dec 2019 (p)", "2019-12-31"),
            ("dec 2019v", "2019M12"),
            ("Totaal 00:00", "-"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
    }

    /// Dates as analysts' tools write them out (user files only).
    #[cfg(feature = "full")]
    #[test]
    fn written_out_dates_weekdays_zones_and_twelve_hour_midnights() {
        for (s, want) in [
            ("31 december 2019", "2019-12-31"),
            ("31 dec. 2019", "2019-12-31"),
            ("31 December 2019", "2019-12-31"),
            ("December 31, 2019", "2019-12-31"),
            ("Dec 31, 2019", "2019-12-31"),
            ("Dec. 31, 2019", "2019-12-31"),
            ("31-Dec-2019", "2019-12-31"),
            ("2019/12/31", "2019-12-31"),
            ("20191231", "2019-12-31"),
            ("December 31st, 2019", "2019-12-31"),
            ("31st of December 2019", "2019-12-31"),
            ("1st January 2020", "2020-01-01"),
            ("2nd Feb 2020", "2020-02-02"),
            ("1e januari 2020", "2020-01-01"),
            ("1ste kwartaal 2020", "2020K1"),
            ("31x december 2019", "-"),
            // The day of the week must be the date's: 31 December 2019 was a Tuesday.
            ("dinsdag 31 december 2019", "2019-12-31"),
            ("Dinsdag, 31 december 2019", "2019-12-31"),
            ("di 31-12-2019", "2019-12-31"),
            ("di. 31 dec. 2019", "2019-12-31"),
            ("Tuesday, December 31, 2019", "2019-12-31"),
            ("Tue, 31 Dec 2019", "2019-12-31"),
            ("Tue, 31 Dec 2019 00:00:00 +0000", "2019-12-31"),
            ("Tue, 31 Dec 2019 00:00:00 GMT", "2019-12-31"),
            ("woensdag 31 december 2019", "-"),
            ("Monday, December 31, 2019", "-"),
            ("dinsdag 2019", "-"),
            ("dinsdag december 2019", "-"),
            ("dinsdag", "-"),
            ("zondag 29 februari 2020", "-"),
            ("zaterdag 29 februari 2020", "2020-02-29"),
            ("donderdag 1 januari 1970", "1970-01-01"),
            ("vrijdag 1 januari 2100", "2100-01-01"),
            // Midnight with any zone, and on a twelve-hour clock.
            ("2019-12-31T00:00:00Z", "2019-12-31"),
            ("2019-12-31T00:00:00+01:00", "2019-12-31"),
            ("2019-12-31T00:00:00-05:00", "2019-12-31"),
            ("2019-12-31T00:00:00.000+0100", "2019-12-31"),
            ("2019-12-31 00:00:00 UTC", "2019-12-31"),
            ("2019-12-31 12:00:00 AM", "2019-12-31"),
            ("2019-12-31 12:00 am", "2019-12-31"),
            ("31-12-2019 12:00 a.m.", "2019-12-31"),
            ("31-12-2019 12:00AM", "2019-12-31"),
            ("31 dec 2019 00:00", "2019-12-31"),
            ("2019-12-31 12:00:00 PM", "-"),
            ("2019-12-31 00:00:00 AM", "-"),
            ("2019-12-31T00:00:00+01:00x", "-"),
            ("2019-12-31 00:00:00 CET", "2019-12-31"),
            ("2019-12-31Z", "2019-12-31"),
            ("2019-12-31+01:00", "2019-12-31"),
            ("2019-12-31-05:00", "2019-12-31"),
            ("2019-12-31+0100", "-"),
            ("2019-12-31X", "-"),
            ("2019-13-31Z", "-"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
    }

    /// Quarters written as Roman numerals and quarter words written together (user files
    /// only); bare `I` and `II` are read too, their column then judged by its reader.
    #[cfg(feature = "full")]
    #[test]
    fn roman_quarters_and_words_written_together() {
        for (s, want, roman) in [
            ("2015 IV", "2015K4", Some(true)),
            ("2015-IV", "2015K4", Some(true)),
            ("2015/IV", "2015K4", Some(true)),
            ("2015IV", "2015K4", Some(true)),
            ("IV 2015", "2015K4", Some(true)),
            ("IV-2015", "2015K4", Some(true)),
            ("2015 iii", "2015K3", Some(true)),
            ("2015 I", "2015K1", Some(true)),
            ("2015-II", "2015K2", Some(true)),
            ("kwartaal IV 2015", "2015K4", Some(false)),
            ("IVe kwartaal 2015", "2015K4", Some(false)),
            ("2015 kwartaal II", "2015K2", Some(false)),
            ("2015 IV*", "2015K4", Some(true)),
            ("4ekwartaal2015", "2015K4", None),
            ("4ekw2015", "2015K4", None),
            ("kwartaal4 2015", "2015K4", None),
            ("2015K4", "2015K4", None),
            ("vierde kwartaal 2015", "2015K4", None),
            // Not quarters: no such numeral, a two-digit year, an ordinal without the word,
            // two numerals, a Roman half-year.
            ("2015 V", "-", None),
            ("2015 VI", "-", None),
            ("IV 15", "-", None),
            ("2015 IVe", "-", None),
            ("2015 IV IV", "-", None),
            ("IIe halfjaar 2015", "-", None),
            ("5ekwartaal2015", "-", None),
            ("kwartaal", "-", None),
        ] {
            assert_eq!(p(s), want, "{s}");
            assert_eq!(roman_quarter(s), roman, "{s}");
        }
    }

    /// Quarters and months as spreadsheets and business reports write them, two-digit years
    /// after an apostrophe (user files only).
    #[cfg(feature = "full")]
    #[test]
    fn business_spellings_of_quarters_and_months() {
        for (s, want) in [
            ("4Q19", "2019K4"),
            ("4Q2019", "2019K4"),
            ("1K2020", "2020K1"),
            ("19Q4", "2019K4"),
            ("Q4 '19", "2019K4"),
            ("Q4'19", "2019K4"),
            ("Q4 \u{2019}19", "2019K4"),
            ("Q4-19", "2019K4"),
            ("Q4 19", "2019K4"),
            ("Q4-2019", "2019K4"),
            ("Q4/2019", "2019K4"),
            ("2019-Q4", "2019K4"),
            ("2019/Q4", "2019K4"),
            ("2019 Q4", "2019K4"),
            ("2019_Q4", "2019K4"),
            ("kw4 2019", "2019K4"),
            ("KW4-19", "2019K4"),
            ("K4 2019", "2019K4"),
            ("kwartaal 4 2019", "2019K4"),
            ("4e kw. 2019", "2019K4"),
            ("vierde kwartaal 2019", "2019K4"),
            ("Q4 '19 (voorlopig)", "2019K4"),
            ("jan-19", "2019M01"),
            ("jan '19", "2019M01"),
            ("januari '19", "2019M01"),
            ("december '19", "2019M12"),
            ("Dec-2019", "2019M12"),
            ("dec\u{2019}19", "2019M12"),
            ("31 dec '19", "2019-12-31"),
            ("31-dec-'19", "2019-12-31"),
            ("2019 M12", "2019M12"),
            ("M12 2019", "2019M12"),
            ("M1 2019", "2019M01"),
            ("MM12-2019", "2019M12"),
            ("2019-12 (voorlopig)", "2019M12"),
            // Not periods: out of range, apostrophes before other than two digits, a bare
            // two-digit quarter code.
            ("5Q19", "-"),
            ("Q5 '19", "-"),
            ("Q4 '2019", "-"),
            ("Q4 '1", "-"),
            ("dec '19x", "-"),
            ("'19", "-"),
            ("Q4", "-"),
            ("M13 2019", "-"),
            ("M12", "-"),
            ("Maart", "-"),
            ("Q4 '19 '20", "-"),
            ("FY2019", "-"),
            ("2019-W52", "-"),
            ("week 52 2019", "-"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
    }

    /// Digits written apart are never read as one number: a cell such as `Q4 19 20` (a quarter
    /// of a school year, or garbage) is no period, where `Q4 1920` and `Q4 20` are.
    #[cfg(feature = "full")]
    #[test]
    fn digits_written_apart_are_not_one_year() {
        for (s, want) in [
            ("Q4 19 20", "-"),
            ("Q4 20 19", "-"),
            ("Q4-19-20", "-"),
            ("Q4 19/20", "-"),
            ("Q4 2019/20", "-"),
            ("K4 20 19", "-"),
            ("kw4 20.19", "-"),
            ("4Q 19 20", "-"),
            ("20 15K4", "-"),
            ("20-15K4", "-"),
            ("2019 K4 1", "-"),
            ("2 0 1 9", "-"),
            ("2-0-1-9", "-"),
            ("20 19", "-"),
            ("19 20", "-"),
            ("M1 2 2019", "-"),
            ("M12 20 19", "-"),
            ("H1 20 19", "-"),
            ("1 9Q4", "-"),
            ("Q 4 1 9", "-"),
            // A date written with spaces only is refused too (day first or month first is not
            // told by its separators); with the month's name it reads.
            ("31 12 2019", "-"),
            ("31 dec 2019", "2019-12-31"),
            // Separators between letters and digits are still read past.
            ("Q4 1920", "1920K4"),
            ("Q4 - 2019", "2019K4"),
            ("Q 4 2019", "2019K4"),
            ("KW 4 - 19", "2019K4"),
            ("2019 K 4", "2019K4"),
            ("M12 - 2019", "2019M12"),
            ("H1  2019", "2019H1"),
            ("4 Q 19", "2019K4"),
            ("19 Q4", "2019K4"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
    }

    /// Excel's apostrophe before a cell typed as text, and quarters in words with a two-digit
    /// year.
    #[cfg(feature = "full")]
    #[test]
    fn excel_text_marks_and_quarter_words_with_two_digit_years() {
        for (s, want) in [
            ("'2019", "2019"),
            ("'2019K4", "2019K4"),
            ("'31-12-2019", "2019-12-31"),
            ("'201912", "2019M12"),
            ("'19Q4", "2019K4"),
            ("'31 dec '19", "2019-12-31"),
            ("'2019*", "2019"),
            (" '2019 ", "2019"),
            // `'19` is a bare two-digit number after the mark, as without it: no period.
            ("'19", "-"),
            ("19", "-"),
            ("''2019", "-"),
            ("'Q4 2019", "-"),
            ("' 2019", "-"),
            ("\u{2019}2019", "-"),
            ("2019'", "-"),
            ("4 kw 19", "2019K4"),
            ("4e kw 19", "2019K4"),
            ("4e kw. 19", "2019K4"),
            ("vierde kwartaal 19", "2019K4"),
            ("kwartaal 4 19", "2019K4"),
            ("1e kwartaal 70", "1970K1"),
            ("2e halfjaar 19", "2019H2"),
            ("4e kw '19", "2019K4"),
            ("5e kw 19", "-"),
            ("4e kw 019", "-"),
            ("4e kw 19 20", "-"),
            ("kw 19", "-"),
            ("4 19", "-"),
            ("4e kw 2019 19", "-"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
    }

    /// Weeks and fiscal years are refused, with the reason.
    #[cfg(feature = "full")]
    #[test]
    fn weeks_and_fiscal_years_are_named() {
        let kind = |s: &str| {
            unsupported(s)
                .map(|(nl, en)| (nl.split(':').next().unwrap(), en.split(':').next().unwrap()))
        };
        for s in [
            "2019-W52",
            "2019W52",
            "2019-W52-1",
            "2019-W01",
            "W52 2019",
            "W52-2019",
            "week 52 2019",
            "Week 52, 2019",
            "wk 52 2019",
            "wk52 2019",
            "2019 week 52",
            "2019 weeknummer 52",
        ] {
            assert_eq!(kind(s), Some(("een week", "a week")), "{s}");
        }
        for s in [
            "FY2019",
            "FY 2019",
            "FY19",
            "FY2019/20",
            "2019/20",
            "2019/2020",
            "boekjaar 2019",
            "Fiscal year 2019",
        ] {
            assert_eq!(kind(s), Some(("een boekjaar", "a fiscal year")), "{s}");
        }
        for s in [
            "2019",
            "2019K4",
            "2019-W54",
            "W54 2019",
            "week",
            "WSW 2019",
            "Wajong",
            "FY",
            "2019M12",
            "weekend 2019",
            "2019/22",
            "2019/2021",
            "1/2019",
            // A week number followed by a letter of two bytes (found by the fuzzer: it was
            // cut inside that letter).
            "2019W5\u{a8}",
            "W5\u{e9}2019",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn dates_with_a_time_of_day() {
        for (s, want) in [
            ("31-12-2015 12:00", Some(("31-12-2015", true))),
            ("2015-12-31 23:59:59", Some(("2015-12-31", true))),
            ("2015-12-31T08:30", Some(("2015-12-31", true))),
            ("2015-12-31T08:30:00.500+01:00", Some(("2015-12-31", true))),
            ("2015-12-31T08:30:00Z", Some(("2015-12-31", true))),
            ("31 dec 2015 8:30", Some(("31 dec 2015", true))),
            ("2015-12-31T00:00:00.000Z", Some(("2015-12-31", false))),
            ("31-12-2015 00:00", Some(("31-12-2015", false))),
            ("31-12-2015", None),
            ("2015 12:00", None),
            ("2015K4 12:00", None),
            ("31-12-2015 24:00", None),
            ("31-12-2015 12:60", None),
            ("31-12-2015 12", None),
            ("31-12-2015 12:00 uur", None),
            ("Totaal 12:00", None),
            ("12:00", None),
            // A twelve-hour clock (12 AM is midnight), zones, a day of the week.
            ("31-12-2019 3:00 PM", Some(("31-12-2019", true))),
            ("2019-12-31 12:00:00 AM", Some(("2019-12-31", false))),
            ("2019-12-31 12:30:00 AM", Some(("2019-12-31", true))),
            ("2019-12-31 8:30 a.m.", Some(("2019-12-31", true))),
            ("2019-12-31 8:30p.m.", Some(("2019-12-31", true))),
            ("31-12-2019 11:59PM", Some(("31-12-2019", true))),
            ("31-12-2019 13:00 PM", None),
            ("31-12-2019 0:30 AM", None),
            ("31-12-2019 3:00 XM", None),
            ("2019-12-31T08:30:00-05:00", Some(("2019-12-31", true))),
            ("2019-12-31 08:30:00 UTC", Some(("2019-12-31", true))),
            (
                "dinsdag 31 december 2019 14:00",
                Some(("dinsdag 31 december 2019", true)),
            ),
            ("12/31/2019 11:59 PM", None),
        ] {
            assert_eq!(date_and_time(s), want, "{s}");
        }
    }

    #[test]
    fn order_labels_and_year_ends() {
        let q4 = Period::parse("2015K4").unwrap();
        let y = Period::parse("2015").unwrap();
        let d = Period::parse("31-12-2015").unwrap();
        let m = Period::parse("2015M12").unwrap();
        assert!(q4.same_end(y) && d.same_end(y) && m.same_end(q4));
        assert!(q4.is_year_end() && !Period::parse("2015K3").unwrap().is_year_end());
        assert!(Period::parse("2015K3").unwrap() < q4);
        assert!(Period::parse("2016K1").unwrap() > y);
        assert_eq!(Period::parse("2019K1").unwrap().label(), "2019 K1");
        assert_eq!(Period::parse("2019M04").unwrap().label(), "apr 2019");
        assert_eq!(Period::parse("2019JJ00").unwrap().label(), "2019");
        assert_eq!(serde_json::json!(y), serde_json::json!(2015));
        assert_eq!(serde_json::json!(q4), serde_json::json!("2015K4"));
        assert_eq!(Period::parse("2019K4").unwrap().position(), 2019.75);
    }

    #[test]
    fn spans_and_moments_read_for_every_grain() {
        use crate::format::Lang;
        let p = |s: &str| Period::parse(s).unwrap();
        assert_eq!(p("2015").span(p("2017"), Lang::En), "2015-2017");
        assert_eq!(p("2015K4").span(p("2017K4"), Lang::Nl), "2015 K4 – 2017 K4");
        assert_eq!(p("2015K4").span(p("2017K4"), Lang::En), "2015 Q4 – 2017 Q4");
        assert_eq!(
            p("31-12-2015").span(p("31-12-2017"), Lang::Nl),
            "31 dec 2015 – 31 dec 2017"
        );
        assert_eq!(p("2015M04").span(p("2015M04"), Lang::Nl), "apr 2015");
        assert_eq!(
            p("2015M03").span(p("2015M05"), Lang::En),
            "Mar 2015 – May 2015"
        );
        assert_eq!(p("2015").moment(Lang::Nl), "eind 2015");
        assert_eq!(p("2015K4").moment(Lang::En), "at the end of 2015 Q4");
        assert_eq!(p("31-12-2015").moment(Lang::Nl), "op 31 dec 2015");
        assert_eq!(p("2015-07-01").moment(Lang::En), "on 1 Jul 2015");
    }
}
