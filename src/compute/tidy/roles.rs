//! Column roles: what each column of a tidy table is for (a time axis, a grouping category, a value
//! to plot, a group size, a significance marker, ...). Detected from names and values; the user can
//! override them with the view description key `roles=column:role,...`.

use crate::data::{ColumnRole, Roles};
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::{Role, RoleGroup, TimeKind};
use crate::table::{Cell, Column, ColumnKind, Table};

/// Lower-case name tokens (see [`crate::case::name_tokens`]).
fn tokens(name: &str) -> Vec<String> {
    crate::case::name_tokens(name)
}

/// The name tokens used for role hints, for other modules' name matching.
pub fn tokens_of(name: &str) -> Vec<String> {
    tokens(name)
}

pub use crate::case::names_a_share;

fn has_token(tokens: &[String], words: &[&str]) -> Option<String> {
    tokens.iter().find(|t| words.contains(&t.as_str())).cloned()
}

fn has_prefix(tokens: &[String], prefixes: &[&str]) -> Option<String> {
    tokens
        .iter()
        .find(|t| prefixes.iter().any(|p| t.starts_with(p)))
        .cloned()
}

const N_WORDS: &[&str] = &[
    "n",
    "persons",
    "personen",
    "aantal",
    "people",
    "mensen",
    // The base of a share in survey and register tables.
    "populatie",
    "population",
    "respondenten",
    "respondents",
    "noemer",
    "denominator",
    "steekproefomvang",
];
const ODDS_WORDS: &[&str] = &[
    "odds",
    "or",
    "ratio",
    "oddsratio",
    "kansverhouding",
    "hr",
    "rr",
];
const SIG_WORDS: &[&str] = &[
    "sig",
    "signif",
    "significance",
    "significantie",
    "p",
    "pvalue",
];
const REF_WORDS: &[&str] = &[
    "reference",
    "referentie",
    "ref",
    "referentiecategorie",
    "referentiegroep",
];
const YEAR_WORDS: &[&str] = &["year", "jaar", "jaartal", "years", "jaren"];
const TIME_WORDS: &[&str] = &[
    "period", "periode", "time", "tijd", "date", "datum", "quarter", "kwartaal", "month", "maand",
];
/// Name parts of an ordinal time: months since start, weeks, duration.
const ORDINAL_PREFIXES: &[&str] = &[
    "month", "maand", "week", "day", "dag", "since", "sinds", "duur", "duration", "quarter",
    "kwarta",
];

/// Parses a written period: `2019`, `2019K4`, `2019Q4`, `K4 2019`, `1e kwartaal 2019`,
/// `2019-04`, `2019M04`, `april 2019`, `2019-04-30`, `30-4-2019`, and the StatLine codes
/// `2019JJ00`, `2019KW04`, `2019MM04` (see [`crate::spec::Period`]). Returns the kind and a
/// position on a continuous time axis in years.
pub fn parse_period(s: &str) -> Option<(TimeKind, f64)> {
    crate::spec::Period::parse_kind(s)
}

/// A month written as a six-digit number, `201904` (years 1950 to 2100).
pub fn month_of_number(x: f64) -> Option<crate::spec::Period> {
    let whole = x.fract() == 0.0 && (195_001.0..=210_012.0).contains(&x);
    let (y, m) = (x as i32 / 100, x as i32 % 100);
    (whole && (1..=12).contains(&m)).then(|| crate::spec::Period::month(y, m as u8))
}

/// The position of a cell on a time axis of the given kind.
pub fn time_position(v: Cell) -> Option<f64> {
    match v {
        Cell::Number(n) => Some(n),
        Cell::Text(t) => parse_period(t).map(|(_, p)| p),
        Cell::Missing => None,
    }
}

/// Whether a text is a significance marker: stars, daggers, or "ns".
pub fn is_significance_marker(s: &str) -> bool {
    let s = s.trim();
    (!s.is_empty() && s.chars().all(|c| matches!(c, '*' | '†' | '+')))
        || matches!(crate::case::lower(s).as_str(), "ns" | "n.s." | "n.s")
}

/// A cell's identity for grouping (text as written, numbers as text).
pub fn cell_key(v: Cell) -> String {
    match v {
        Cell::Text(t) => t.to_string(),
        _ => v.as_text().unwrap_or_default(),
    }
}

#[derive(Debug, PartialEq)]
struct Stats<'a> {
    /// The distinct numbers (every check on them is "all numbers are ...": once per value).
    numbers: Vec<f64>,
    /// The distinct non-missing values in the order first seen (numbers as the page shows them):
    /// the checks on text columns run once per value, not once per row.
    distinct_values: Vec<Cell<'a>>,
    texts: usize,
    distinct: usize,
    missing: usize,
}

/// A cell as a key for counting distinct values, without copying its text.
#[derive(PartialEq, Eq, Hash)]
enum CellKey<'a> {
    Number(u64),
    Text(&'a str),
}

fn column_stats(c: &Column) -> Stats<'_> {
    whole_number_stats(c)
        .or_else(|| text_stats(c))
        .unwrap_or_else(|| scan_stats(c))
}

/// [`column_stats`] of any column, a cell at a time.
fn scan_stats(c: &Column) -> Stats<'_> {
    let mut numbers = Vec::new();
    let mut texts = 0;
    let mut missing = 0;
    let mut seen: std::collections::HashSet<
        CellKey,
        std::hash::BuildHasherDefault<crate::table::column::FastHasher>,
    > = Default::default();
    let mut distinct_values = Vec::new();
    let mut seen_code: Vec<bool> = vec![false; c.dictionary().len()];
    for i in 0..c.len() {
        let v = c.get(i);
        let key = match v {
            Cell::Missing => {
                missing += 1;
                continue;
            }
            Cell::Number(n) => {
                // -0 and 0 are one value, as the page shows them.
                let key = CellKey::Number(if n == 0.0 { 0 } else { n.to_bits() });
                if seen.insert(key) {
                    numbers.push(n);
                    distinct_values.push(v);
                }
                continue;
            }
            Cell::Text(t) => {
                texts += 1;
                // Texts are told apart by their dictionary code: no hashing per row.
                if let Some(seen) = c.code(i).and_then(|k| seen_code.get_mut(k as usize)) {
                    if !*seen {
                        *seen = true;
                        distinct_values.push(v);
                    }
                    continue;
                }
                CellKey::Text(t)
            }
        };
        if seen.insert(key) {
            distinct_values.push(v);
        }
    }
    Stats {
        numbers,
        distinct: distinct_values.len(),
        distinct_values,
        texts,
        missing,
    }
}

/// [`column_stats`] of a column of whole numbers only, from its four-byte array: the distinct
/// values marked in a bit per value between the smallest and the largest (no hashing per row),
/// in the order first seen, as the general scan finds them.
fn whole_number_stats(c: &Column) -> Option<Stats<'_>> {
    use crate::table::column::NO_WHOLE;
    let xs = c.whole_numbers()?;
    let (mut lo, mut hi, mut missing) = (i32::MAX, i32::MIN, 0usize);
    for &x in xs {
        if x == NO_WHOLE {
            missing += 1;
        } else {
            lo = lo.min(x);
            hi = hi.max(x);
        }
    }
    let span = (i64::from(hi) - i64::from(lo) + 1).max(0) as u64;
    // At most 4 MB of bits, or eight bits a row (a wider spread goes the general way).
    if span > (1 << 25).max(xs.len() as u64 * 8) {
        return None;
    }
    let mut bits = vec![0u64; span.div_ceil(64) as usize];
    let mut numbers = Vec::new();
    for &x in xs {
        if x == NO_WHOLE {
            continue;
        }
        let k = (i64::from(x) - i64::from(lo)) as usize;
        if let Some(w) = bits.get_mut(k / 64) {
            let bit = 1u64 << (k % 64);
            if *w & bit == 0 {
                *w |= bit;
                numbers.push(f64::from(x));
            }
        }
    }
    let distinct_values: Vec<Cell> = numbers.iter().map(|&n| Cell::Number(n)).collect();
    Some(Stats {
        distinct: numbers.len(),
        numbers,
        distinct_values,
        texts: 0,
        missing,
    })
}

/// [`column_stats`] of a column of texts only, from its two-byte codes.
fn text_stats(c: &Column) -> Option<Stats<'_>> {
    use crate::table::column::NO_SHORT_CODE;
    let codes = c.short_codes()?;
    let dict = c.dictionary();
    let mut seen = vec![false; dict.len()];
    let missing = codes.iter().filter(|&&k| k == NO_SHORT_CODE).count();
    // The distinct texts in the order first seen; once every text of the dictionary is seen
    // (often early on: a text is in it because a row holds it), the rest can bring no new one.
    let (mut unseen, mut distinct_values) = (dict.len(), Vec::new());
    for &k in codes {
        if unseen == 0 {
            break;
        }
        if let Some(s) = seen.get_mut(usize::from(k)) {
            if !*s {
                *s = true;
                unseen -= 1;
                if let Some(t) = dict.get(usize::from(k)) {
                    distinct_values.push(Cell::Text(t));
                }
            }
        }
    }
    Some(Stats {
        numbers: Vec::new(),
        distinct: distinct_values.len(),
        distinct_values,
        texts: codes.len() - missing,
        missing,
    })
}

/// Why a role was detected, in `lang`.
enum Why {
    Empty,
    /// The column's name holds this word.
    Name(String),
    Stars,
    Periods(TimeKind),
    Text,
    NameWhole(String),
    NamePValue(String),
    NamePositive(String),
    Years,
    Counts,
    Numbers,
    Given,
    RowNumbers,
}

impl Why {
    fn text(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match (self, en) {
            (Why::Empty, false) => "alle cellen zijn leeg".into(),
            (Why::Empty, true) => "all cells are empty".into(),
            (Why::Name(w), false) => format!("naam bevat '{w}'"),
            (Why::Name(w), true) => format!("name contains '{w}'"),
            (Why::Stars, false) => "waarden zijn sterretjes (*, **)".into(),
            (Why::Stars, true) => "values are stars (*, **)".into(),
            (Why::Periods(k), false) => {
                format!("waarden zijn perioden ({})", time_kind_label(*k, lang))
            }
            (Why::Periods(k), true) => {
                format!("values are periods ({})", time_kind_label(*k, lang))
            }
            (Why::Text, false) => "tekstkolom".into(),
            (Why::Text, true) => "text column".into(),
            (Why::NameWhole(w), false) => format!("naam bevat '{w}', gehele getallen"),
            (Why::NameWhole(w), true) => format!("name contains '{w}', whole numbers"),
            (Why::NamePValue(w), false) => format!("naam bevat '{w}' (p-waarde)"),
            (Why::NamePValue(w), true) => format!("name contains '{w}' (p-value)"),
            (Why::NamePositive(w), false) => format!("naam bevat '{w}', waarden positief"),
            (Why::NamePositive(w), true) => format!("name contains '{w}', values positive"),
            (Why::Years, false) => "gehele getallen tussen 1950 en 2100".into(),
            (Why::Years, true) => "whole numbers between 1950 and 2100".into(),
            (Why::Counts, false) => "niet-negatieve gehele getallen".into(),
            (Why::Counts, true) => "non-negative whole numbers".into(),
            (Why::Numbers, false) => "getallen".into(),
            (Why::Numbers, true) => "numbers".into(),
            (Why::Given, false) => "opgegeven in de weergave".into(),
            (Why::Given, true) => "given in the view description".into(),
            (Why::RowNumbers, false) => "rijnummers (een ander getal in elke rij)".into(),
            (Why::RowNumbers, true) => "row numbers (a different number in every row)".into(),
        }
    }
}

/// The first-pass role of one column from its name and its own values, the reason in `lang`.
fn base_role(c: &Column, st: &Stats, lang: Lang) -> (Role, Option<TimeKind>, String) {
    let (role, kind, why) = base_role_why(c, st);
    (role, kind, why.text(lang))
}

fn base_role_why(c: &Column, st: &Stats) -> (Role, Option<TimeKind>, Why) {
    let t = tokens(&c.name);
    match c.kind() {
        ColumnKind::Empty => (Role::Ignore, None, Why::Empty),
        ColumnKind::Text => {
            // A numeric cell in a text column is read as text too (e.g. `2019` among `2019K4`).
            let all: Vec<String> = st
                .distinct_values
                .iter()
                .filter_map(Cell::as_text)
                .collect();
            if let Some(w) = has_token(&t, REF_WORDS) {
                return (Role::Reference, None, Why::Name(w));
            }
            if st.texts > 0 && all.iter().all(|s| is_significance_marker(s)) {
                return (Role::Significance, None, Why::Stars);
            }
            // A column named as a time whose values are periods but for a slip or two
            // (`2019k5` among quarters) is still the time: the slips are left off its axis and
            // named there (Frame::moments), not made a reason to draw the periods in file order.
            let named_time =
                has_token(&t, TIME_WORDS).is_some() || has_token(&t, YEAR_WORDS).is_some();
            // Periods, beside perhaps a total over them (a pivot table's `Totaal`). Read until
            // the slips are more than a time column may have (a column of 300,000 remarks is
            // told from a time by its first values, not by all of them).
            let (mut moments, mut slips) = (0usize, 0usize);
            let mut periods: Vec<TimeKind> = Vec::new();
            for s in &all {
                if crate::data::tidy::is_total(s) {
                    continue;
                }
                moments += 1;
                match parse_period(s) {
                    Some(p) => periods.push(p.0),
                    None => slips += 1,
                }
                if slips > 0 && (!named_time || (slips > 1 && slips * 10 > all.len())) {
                    break;
                }
            }
            let nearly = named_time && periods.len() >= 3 && (slips == 1 || slips * 10 <= moments);
            if moments > 0 && (slips == 0 || nearly) {
                let kind = periods
                    .iter()
                    .copied()
                    .find(|k| *k != TimeKind::Year)
                    .unwrap_or(TimeKind::Year);
                return (Role::Time, Some(kind), Why::Periods(kind));
            }
            if let Some(w) = has_token(&t, SIG_WORDS) {
                return (Role::Significance, None, Why::Name(w));
            }
            (Role::Category, None, Why::Text)
        }
        ColumnKind::Number => {
            // `ID` of a CBS export: counts nothing, groups nothing.
            #[cfg(feature = "full")]
            if crate::compute::regional::columns::is_row_counter(c) {
                return (Role::Ignore, None, Why::RowNumbers);
            }
            let xs = &st.numbers;
            let whole = xs.iter().all(|x| x.fract() == 0.0);
            let nonneg = xs.iter().all(|x| *x >= 0.0);
            let in_years = whole && xs.iter().all(|x| (1950.0..=2100.0).contains(x));
            // Months written as six digits (`201904`: a database's or spreadsheet's `jaarmaand`)
            // in a column named as a time: months, not numbers (201912 and 202001 are one month
            // apart, not 89).
            if !in_years && !xs.is_empty() && xs.iter().all(|x| month_of_number(*x).is_some()) {
                let named = has_token(&t, TIME_WORDS)
                    .or_else(|| has_token(&t, YEAR_WORDS))
                    .or_else(|| has_prefix(&t, &["jaarmaand", "yyyymm", "maand", "month"]));
                if named.is_some() {
                    return (
                        Role::Time,
                        Some(TimeKind::Month),
                        Why::Periods(TimeKind::Month),
                    );
                }
            }
            // "per jaar", "eind van het jaar" in a longer header say per or at what time a
            // number is (`werkzame personen eind van het jaar`), not that the column is a time.
            let about_a_year = t.windows(2).any(|p| {
                matches!(
                    p[0].as_str(),
                    "per" | "het" | "elk" | "ieder" | "the" | "each"
                ) && YEAR_WORDS.contains(&p[1].as_str())
            });
            if let Some(w) = has_token(&t, YEAR_WORDS).filter(|_| !about_a_year) {
                return if in_years {
                    (Role::Time, Some(TimeKind::Year), Why::Name(w))
                } else {
                    (Role::Time, Some(TimeKind::Ordinal), Why::Name(w))
                };
            }
            if whole {
                // A time word after `per` is a rate's unit (`uren per week`), no time.
                let timed: Vec<String> = t
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k == 0 || t[k - 1] != "per")
                    .map(|(_, w)| w.clone())
                    .collect();
                if let Some(w) =
                    has_prefix(&timed, ORDINAL_PREFIXES).or_else(|| has_token(&timed, TIME_WORDS))
                {
                    return (Role::Time, Some(TimeKind::Ordinal), Why::NameWhole(w));
                }
                // A rate per unit of time (`uren per week`) is a value, no count to add up.
                let rate = t.windows(2).find(|w| {
                    w[0] == "per"
                        && (TIME_WORDS.contains(&w[1].as_str())
                            || YEAR_WORDS.contains(&w[1].as_str())
                            || has_prefix(&w[1..], ORDINAL_PREFIXES).is_some())
                });
                if let Some(w) = rate {
                    return (Role::Value, None, Why::Name(w.join(" ")));
                }
            }
            if let Some(w) = has_token(&t, SIG_WORDS) {
                if xs.iter().all(|p| (0.0..=1.0).contains(p)) {
                    return (Role::Significance, None, Why::NamePValue(w));
                }
            }
            if let Some(w) = has_token(&t, crate::case::PERCENT_WORDS) {
                return (Role::Percent, None, Why::Name(w));
            }
            if let Some(w) = has_token(&t, ODDS_WORDS) {
                if xs.iter().all(|x| *x > 0.0) {
                    return (Role::OddsRatio, None, Why::NamePositive(w));
                }
            }
            if let Some(w) = has_token(&t, N_WORDS) {
                if nonneg {
                    return (Role::N, None, Why::Name(w));
                }
            }
            if in_years && st.distinct <= 60 {
                return (Role::Time, Some(TimeKind::Year), Why::Years);
            }
            // Whole numbers that name something (`gemeentecode` 363, `postcode`, a `leeftijd`
            // of 18, 25, 40): categories, never summed.
            if whole && nonneg {
                if let Some(w) = t.iter().find(|w| {
                    w.ends_with("code")
                        || matches!(w.as_str(), "pc4" | "pc6" | "zip" | "leeftijd" | "age")
                }) {
                    return (Role::Category, None, Why::Name(w.clone()));
                }
                return (Role::Count, None, Why::Counts);
            }
            (Role::Value, None, Why::Numbers)
        }
    }
}

/// A column of texts that name times the explorer does not read as periods (ISO weeks
/// `2019W05`, `week 5 2019`; fiscal or school years `2019/20`, `FY2019`, also under a header
/// `boekjaar`): it stays a column of categories (texts, in the order first seen), and the notes
/// say so once per column with the reason ([`crate::spec::period::unsupported`]), so that no one
/// takes the categories for a time axis.
#[cfg(feature = "full")]
pub fn note_unread_periods(table: &mut Table) {
    let mut notes = Vec::new();
    for c in &table.columns {
        if c.kind() != ColumnKind::Text {
            continue;
        }
        let header = crate::case::lower(&c.name);
        let mut example: Option<(&str, (&str, &str))> = None;
        let mut other = false;
        for t in c.dictionary() {
            let t = t.trim();
            if t.is_empty() || crate::data::tidy::is_total(t) || parse_period(t).is_some() {
                continue;
            }
            let why = crate::spec::period::unsupported(t)
                .or_else(|| crate::spec::period::unsupported(&format!("{header} {t}")));
            match why {
                Some(w) => {
                    example.get_or_insert((t, w));
                }
                None => {
                    other = true;
                    break;
                }
            }
        }
        if let (Some((t, (nl, en))), false) = (example, other) {
            notes.push((
                format!(
                    "Kolom '{}' als tekst (categorieën) gelezen, niet als perioden: '{t}' is {nl}",
                    c.name
                ),
                format!(
                    "Column '{}' read as text (categories), not as periods: '{t}' is {en}",
                    c.name
                ),
            ));
        }
    }
    for (nl, en) in notes {
        table.detected.note(nl, en);
    }
}

/// What the periods of a time column are, in `lang` ("kwartalen", "quarters").
pub fn time_kind_label(k: TimeKind, lang: Lang) -> &'static str {
    let (nl, en) = match k {
        TimeKind::Year => ("jaren", "years"),
        TimeKind::Quarter => ("kwartalen", "quarters"),
        TimeKind::Month => ("maanden", "months"),
        TimeKind::Date => ("datums", "dates"),
        TimeKind::Ordinal => ("volgnummers", "ordinal numbers"),
        #[cfg(feature = "full")]
        TimeKind::HalfYear => ("halfjaren", "half-years"),
    };
    crate::format::t(lang, nl, en)
}

/// A cell's identity for grouping without copying it: texts by dictionary code, numbers by
/// value (-0 and 0 as one).
pub fn cell_id(c: &Column, i: usize) -> (u8, u64) {
    if let Some(k) = c.code(i) {
        return (2, u64::from(k));
    }
    match c.number(i) {
        Some(n) => (1, if n == 0.0 { 0 } else { n.to_bits() }),
        None => (0, 0),
    }
}

/// Whether every cell of column `a` goes with one cell of column `b` (rows compared as far as
/// both columns reach; a missing cell is a value of its own).
pub fn column_determines(ca: &Column, cb: &Column) -> bool {
    let n = ca.len().min(cb.len());
    if let (Some(xa), Some(xb)) = (ca.short_codes(), cb.short_codes()) {
        // Two columns of texts: a table from code to code (missing is the last entry).
        const NONE: u32 = u32::MAX;
        let mut to: Vec<u32> = vec![NONE; ca.dictionary().len() + 1];
        let last = ca.dictionary().len();
        for (&ka, &kb) in xa.iter().zip(xb).take(n) {
            let Some(slot) = to.get_mut(crate::table::column::slot(ka, last)) else {
                return false;
            };
            match *slot {
                NONE => *slot = u32::from(kb),
                k if k != u32::from(kb) => return false,
                _ => {}
            }
        }
        return true;
    }
    let mut seen: crate::table::FastMap<(u8, u64), (u8, u64)> = Default::default();
    for i in 0..n {
        let kb = cell_id(cb, i);
        match seen.get(&cell_id(ca, i)) {
            Some(y) if *y != kb => return false,
            Some(_) => {}
            None => {
                seen.insert(cell_id(ca, i), kb);
            }
        }
    }
    true
}

/// Whether `value` sums to about 100 over the categories of `over` within every group formed by
/// the `groups` columns. Rounded published shares may miss 100 by half a point per category.
pub fn sums_to_100(table: &Table, value: usize, over: usize, groups: &[usize]) -> bool {
    let Some(oc) = table.columns.get(over) else {
        return false;
    };
    let mut cols: Vec<usize> = groups.to_vec();
    cols.push(over);
    let keys = RowKeys::new(table, &cols);
    if !keys.unique() {
        return false; // two rows for one category: the groups are not complete
    }
    let m = Mixes::of(oc, over);
    let group_of = |i| keys.without(&m, i);
    probes_fit(table, value, None, |p, i| group_of(p) == group_of(i))
        && all_groups_fit(table, value, group_of)
}

/// A per-row hash of the cells of some columns, XOR-combined so that one column can be taken
/// out again: the group of a row over "all these columns but `over`" costs one cell, not all.
/// Kept in blocks of 1 MB: in the page's heap, where the file's reading left holes of a few
/// megabytes, eight of them fit where one array of 8 MB would grow the memory.
struct RowKeys {
    blocks: Vec<Vec<u64>>,
}

/// The hash space cut in slices, so that `n` items of `T` keyed by a hash are worked through a
/// slice at a time in at most about `budget` bytes (one scan per slice), not all at once.
struct Slices {
    count: u64,
}

impl Slices {
    fn of<T>(n: usize, budget: usize) -> Slices {
        let count = (n * std::mem::size_of::<T>()).div_ceil(budget).max(1) as u64;
        Slices { count }
    }
    /// Room for one slice's items, with some over for an uneven hash.
    fn room(&self, n: usize) -> usize {
        n / self.count as usize + n / 64 + 16
    }
    /// Whether slice `slice` holds the item of hash `key`.
    fn holds(&self, slice: u64, key: u64) -> bool {
        (key >> 32) % self.count == slice
    }
}

/// Keys in a block of [`RowKeys`].
const KEY_BLOCK: usize = 1 << 17;

/// A well-mixed 64-bit hash of column `j`'s cell identity (splitmix64's finaliser).
fn mix(j: usize, (t, v): (u8, u64)) -> u64 {
    let mut z = v
        ^ (u64::from(t) << 56)
        ^ (j as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ 0x632b_e59b_d9b4_e019;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// [`mix`] of every cell of column `j` (whose column is `c`), worked out once per text when the
/// column holds two-byte codes: the last entry is a missing cell's.
enum Mixes<'a> {
    ByCode(&'a [u16], Vec<u64>),
    ByCell(&'a Column, usize),
}

impl<'a> Mixes<'a> {
    fn of(c: &'a Column, j: usize) -> Mixes<'a> {
        match c.short_codes() {
            Some(codes) => {
                let mut by_code: Vec<u64> = (0..c.dictionary().len())
                    .map(|k| mix(j, (2, k as u64)))
                    .collect();
                by_code.push(mix(j, (0, 0)));
                Mixes::ByCode(codes, by_code)
            }
            None => Mixes::ByCell(c, j),
        }
    }
    #[inline]
    fn get(&self, i: usize) -> u64 {
        match self {
            Mixes::ByCode(codes, by_code) => {
                let missing = by_code.len() - 1;
                let k = codes
                    .get(i)
                    .map_or(missing, |&k| crate::table::column::slot(k, missing));
                by_code.get(k).copied().unwrap_or(0)
            }
            Mixes::ByCell(c, j) => mix(*j, cell_id(c, i)),
        }
    }
}

impl RowKeys {
    fn new(table: &Table, cols: &[usize]) -> RowKeys {
        let n = table.len();
        let mut blocks: Vec<Vec<u64>> = (0..n.div_ceil(KEY_BLOCK))
            .map(|b| vec![0u64; KEY_BLOCK.min(n - b * KEY_BLOCK)])
            .collect();
        for &j in cols {
            if let Some(c) = table.columns.get(j) {
                let mixes = Mixes::of(c, j);
                for (b, block) in blocks.iter_mut().enumerate() {
                    for (k, h) in block.iter_mut().enumerate() {
                        *h ^= mixes.get(b * KEY_BLOCK + k);
                    }
                }
            }
        }
        RowKeys { blocks }
    }
    fn get(&self, i: usize) -> u64 {
        self.blocks
            .get(i / KEY_BLOCK)
            .and_then(|b| b.get(i % KEY_BLOCK))
            .copied()
            .unwrap_or(0)
    }
    /// Whether no two rows have the same key (64-bit hashes: a collision, about one in 10^7 for
    /// a million rows, would read as a duplicate and only withhold the share role). The keys
    /// are sorted in slices of the hash space of about 1 MB each, not in a copy of them all.
    fn unique(&self) -> bool {
        let n: usize = self.blocks.iter().map(Vec::len).sum();
        let slices = Slices::of::<u64>(n, 1 << 20);
        let mut some: Vec<u64> = Vec::with_capacity(slices.room(n));
        for slice in 0..slices.count {
            some.clear();
            for block in &self.blocks {
                some.extend(block.iter().copied().filter(|&k| slices.holds(slice, k)));
            }
            crate::sort::sort_unstable(&mut some);
            if some.windows(2).any(|w| w[0] == w[1]) {
                return false;
            }
        }
        true
    }
    /// Row `i`'s key without column `j` (whose cells' mixes are `m`).
    fn without(&self, m: &Mixes, i: usize) -> u64 {
        self.get(i) ^ m.get(i)
    }
}

/// Whether the groups of a few rows (each found by one scan, without sorting) add up to 100 in
/// `value`, `in_group(probe, row)` telling a row of the probe's group: on a long file of counts
/// the first group that does not ends the check at a fraction of the cost of [`all_groups_fit`].
/// `first`: codes a row of the probe's group shares with the probe (looked at first, in one pass
/// over them, so that `in_group` is asked only of the rows that do).
fn probes_fit(
    table: &Table,
    value: usize,
    first: Option<&[u16]>,
    in_group: impl Fn(usize, usize) -> bool,
) -> bool {
    let Some(vc) = table.columns.get(value) else {
        return false;
    };
    let n = table.len();
    let first = first.filter(|k| k.len() == n);
    for probe in [0, n / 2, n.saturating_sub(1), n / 4, 3 * n / 4] {
        if probe >= n {
            continue;
        }
        let mut run: Vec<f64> = Vec::new();
        let mut add = |i: usize| {
            if in_group(probe, i) {
                match vc.get(i) {
                    Cell::Number(x) if (-0.5..=100.5).contains(&x) => run.push(x),
                    Cell::Number(_) => return false,
                    _ => run.push(f64::NAN),
                }
            }
            true
        };
        let fits = match first {
            Some(k) => {
                let code = k[probe];
                k.iter().enumerate().all(|(i, &c)| c != code || add(i))
            }
            None => (0..n).all(&mut add),
        };
        if !fits || group_fits(&run) == Fit::No {
            return false;
        }
    }
    true
}

/// Some columns whose rows are compared cell by cell: the columns of two-byte codes by their
/// codes, read where they lie (in the order given: the most varied first tells most rows apart
/// by the first cell), the others by [`Column::same`].
struct SameCells<'a> {
    codes: Vec<&'a [u16]>,
    others: Vec<&'a Column>,
}

impl<'a> SameCells<'a> {
    fn of(table: &'a Table, cols: &[usize]) -> SameCells<'a> {
        let mut codes = Vec::new();
        let mut others = Vec::new();
        for c in cols.iter().filter_map(|&j| table.columns.get(j)) {
            match c.short_codes() {
                Some(k) => codes.push(k),
                None => others.push(c),
            }
        }
        SameCells { codes, others }
    }
    /// The codes of the first column compared, if it is one of two-byte codes.
    fn first(&self) -> Option<&'a [u16]> {
        self.codes.first().copied()
    }

    /// Whether rows `a` and `b` hold the same cells in these columns.
    #[inline]
    fn same(&self, a: usize, b: usize) -> bool {
        self.codes.iter().all(|k| k.get(a) == k.get(b)) && self.others.iter().all(|c| c.same(a, b))
    }
}

/// Whether every group adds up to 100 in `value` (some of them complete), the group of each
/// row given as a hash.
fn all_groups_fit(table: &Table, value: usize, group_of: impl Fn(usize) -> u64) -> bool {
    let Some(vc) = table.columns.get(value) else {
        return false;
    };
    let n = table.len();
    // (group, value) per row, sorted by group (a missing value is NaN here): where a map of
    // half a million small groups took a hundred megabytes. In slices of the groups (by their
    // hash) of at most about 2 MB each, one scan of the rows per slice: a million rows cost eight
    // scans, not 16 MB at once.
    let slices = Slices::of::<(u64, f64)>(n, 2 << 20);
    let mut rows: Vec<(u64, f64)> = Vec::with_capacity(slices.room(n));
    let (mut complete, mut open) = (0usize, 0usize);
    let mut values: Vec<f64> = Vec::new();
    for slice in 0..slices.count {
        rows.clear();
        for i in 0..n {
            let g = group_of(i);
            if !slices.holds(slice, g) {
                continue;
            }
            match vc.get(i) {
                Cell::Number(x) if (-0.5..=100.5).contains(&x) => rows.push((g, x)),
                Cell::Number(_) => return false,
                _ => rows.push((g, f64::NAN)),
            }
        }
        crate::sort::sort_pairs(&mut rows);
        for run in rows.chunk_by(|a, b| a.0 == b.0) {
            values.clear();
            values.extend(run.iter().map(|&(_, x)| x));
            match group_fits(&values) {
                Fit::No => return false,
                Fit::Complete => complete += 1,
                Fit::Open => open += 1,
            }
        }
    }
    // One group that happens to add up to 100 among others that say nothing (counts of 60 and
    // 40 beside a lone 70) is no distribution: most groups must show it.
    complete > 0 && complete >= open
}

/// How one group's values (NaN: missing) stand against "adds up to 100".
#[derive(PartialEq)]
enum Fit {
    /// They cannot be a distribution.
    No,
    /// Complete (no value missing, at least two) and adding up to 100.
    Complete,
    /// Not against it (some missing, at most 100), but no evidence either.
    Open,
}

/// Whether one group's values add up to about 100: rounded published shares may miss 100 by
/// half a point per category.
fn group_fits(values: &[f64]) -> Fit {
    let (mut sum, mut n, mut any_missing) = (0.0, 0usize, false);
    for &x in values {
        if x.is_nan() {
            any_missing = true;
        } else {
            sum += x;
            n += 1;
        }
    }
    let tol = (0.5 * n as f64).max(1.0);
    if any_missing {
        if sum > 100.0 + tol {
            return Fit::No;
        }
    } else if n >= 2 {
        if (sum - 100.0).abs() > tol {
            return Fit::No;
        }
        return Fit::Complete;
    }
    Fit::Open
}

/// Makes a column a share of a distribution over `over` (unless the user chose its role).
fn mark_share(r: &mut ColumnRole, over_name: String, lang: Lang) {
    if r.role != Role::Percent && !r.overridden {
        r.role = Role::Percent;
        r.group = RoleGroup::Value;
        r.label = Role::Percent.label_in(lang);
        r.reason = match lang {
            Lang::Nl => format!("waarden tellen per groep op tot 100 over '{over_name}'"),
            Lang::En => format!("values add up to 100 per group over '{over_name}'"),
        };
    }
    if r.role == Role::Percent {
        r.distribution_over = Some(over_name);
    }
}

impl Roles {
    /// Detects the roles of every column (labels and reasons in Dutch).
    pub fn detect(table: &Table) -> Roles {
        Self::detect_in(table, Lang::Nl)
    }

    /// Detects the roles of every column, with their labels and the reasons in `lang`.
    pub fn detect_in(table: &Table, lang: Lang) -> Roles {
        Self::build(table, &[], lang)
    }

    /// Detects roles, then applies the user's overrides (`roles=` in the view description);
    /// labels, reasons and the error for an override of a column the table does not have are in
    /// `lang`.
    pub fn with_overrides(
        table: &Table,
        overrides: &[(String, Role)],
        lang: Lang,
    ) -> Result<Roles> {
        for (name, _) in overrides {
            if table.column(name).is_none() {
                return Err(unknown_column(table, "roles", name, lang));
            }
        }
        Ok(Self::build(table, overrides, lang))
    }

    fn build(table: &Table, overrides: &[(String, Role)], lang: Lang) -> Roles {
        let (Roles { mut columns }, could_be_shares) = Self::first_pass(table, overrides, lang);
        Self::shares(table, &mut columns, &could_be_shares, lang);
        Roles { columns }
    }

    /// The role of every column from its name and its own values (and the user's overrides);
    /// and per column whether its numbers could be shares (every one between -0.5 and 100.5:
    /// one outside fails the share check of every grouping).
    fn first_pass(table: &Table, overrides: &[(String, Role)], lang: Lang) -> (Roles, Vec<bool>) {
        let mut could_be_shares = Vec::with_capacity(table.columns.len());
        let columns: Vec<ColumnRole> = table
            .columns
            .iter()
            .map(|c| {
                let st = column_stats(c);
                could_be_shares.push(st.numbers.iter().all(|x| (-0.5..=100.5).contains(x)));
                let forced = overrides.iter().find(|(n, _)| *n == c.name).map(|o| o.1);
                let (role, time_kind, reason) = match forced {
                    Some(r) => {
                        let kind = if r == Role::Time {
                            let detected = base_role_why(c, &st);
                            Some(detected.1.unwrap_or(TimeKind::Ordinal))
                        } else {
                            None
                        };
                        (r, kind, Why::Given.text(lang))
                    }
                    None => base_role(c, &st, lang),
                };
                ColumnRole {
                    column: c.name.clone(),
                    role,
                    group: role.group(),
                    label: role.label_in(lang),
                    time_kind,
                    distribution_over: None,
                    distinct: st.distinct,
                    missing: st.missing,
                    reason,
                    overridden: forced.is_some(),
                }
            })
            .collect();
        (Roles { columns }, could_be_shares)
    }

    /// Second pass: numbers that sum to 100 over a category within every group are shares.
    fn shares(table: &Table, columns: &mut [ColumnRole], could_be: &[bool], lang: Lang) {
        let cats: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r.role, Role::Category | Role::Time))
            .map(|(j, _)| j)
            .collect();
        let mut keys: Option<RowKeys> = None;
        // The category columns, the most varied first (for comparing rows cell by cell).
        let mut by_variety = cats.clone();
        crate::sort::sort_by_key(&mut by_variety, |&j| std::cmp::Reverse(columns[j].distinct));
        // Whether the rows are unique over all category columns (a category twice in a group
        // is no distribution): checked once, and only for a column whose probes add up.
        let mut unique: Option<bool> = None;
        // Whether another category settles `over`, once per category.
        let mut settled: Vec<Option<bool>> = vec![None; columns.len()];
        let mut determined = |over: usize| -> bool {
            let (Some(slot), Some(oc)) = (settled.get_mut(over), table.columns.get(over)) else {
                return false;
            };
            *slot.get_or_insert_with(|| {
                cats.iter().any(|&c| {
                    c != over
                        && table
                            .columns
                            .get(c)
                            .is_some_and(|cc| column_determines(cc, oc))
                })
            })
        };
        for j in 0..columns.len() {
            let role = columns[j].role;
            if !matches!(role, Role::Percent | Role::Count | Role::Value)
                || could_be.get(j) == Some(&false)
            {
                continue;
            }
            if unique == Some(false) {
                break;
            }
            let found = cats.iter().copied().find(|&over| {
                let Some(oc) = table.columns.get(over) else {
                    return false;
                };
                // The probes compare cells (no row keys yet: most columns end here).
                let others: Vec<usize> =
                    by_variety.iter().copied().filter(|&c| c != over).collect();
                let others = SameCells::of(table, &others);
                columns[over].role == Role::Category
                    && columns[over].distinct >= 2
                    // Another category that settles `over` (gemeente settles the region) leaves
                    // one row per group: nothing can add up to 100 over it. (Asked before the
                    // probes: each of its groups is one row, which every probe lets pass, at
                    // five scans of the table; this is one, and a column that does not settle
                    // `over` mostly shows it within a few rows.)
                    && !determined(over)
                    && probes_fit(table, j, others.first(), |p, i| others.same(p, i))
                    && {
                        let keys = keys.get_or_insert_with(|| RowKeys::new(table, &cats));
                        let m = Mixes::of(oc, over);
                        *unique.get_or_insert_with(|| keys.unique())
                            && all_groups_fit(table, j, |i| keys.without(&m, i))
                    }
            });
            if let Some(over) = found {
                let over_name = columns[over].column.clone();
                mark_share(&mut columns[j], over_name, lang);
            }
        }
    }

    /// [`Roles::detect_in`] for `lang` when the roles were already detected in another language
    /// (`known`): the first pass again for the labels and reasons, the share check (the costly
    /// part on a long file) taken over from `known`.
    pub fn detect_like(table: &Table, lang: Lang, known: &Roles) -> Roles {
        let (mut r, _) = Self::first_pass(table, &[], lang);
        for (c, k) in r.columns.iter_mut().zip(&known.columns) {
            if let Some(over) = &k.distribution_over {
                mark_share(c, over.clone(), lang);
            }
        }
        r
    }

    pub fn get(&self, column: &str) -> Option<&ColumnRole> {
        self.columns.iter().find(|c| c.column == column)
    }

    pub fn role(&self, column: &str) -> Option<Role> {
        self.get(column).map(|c| c.role)
    }

    /// Columns with the given role, in file order.
    pub fn with_role(&self, role: Role) -> Vec<&ColumnRole> {
        self.columns.iter().filter(|c| c.role == role).collect()
    }

    /// The first column with one of the given roles, in the order of `roles` then file order.
    pub fn first(&self, roles: &[Role]) -> Option<&ColumnRole> {
        roles
            .iter()
            .find_map(|r| self.columns.iter().find(|c| c.role == *r))
    }

    /// The overrides as written in a view description (`year:time,subgroup:category`).
    pub fn overrides_query(overrides: &[(String, Role)]) -> String {
        overrides
            .iter()
            .map(|(c, r)| format!("{c}:{}", r.key()))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The error for a column name that is not in the table, listing the columns that are, and
/// what the reading said of a column of the file by that name (`jaar` and `kwartaal` read as
/// one column `periode`).
pub fn unknown_column(table: &Table, key: &str, name: &str, lang: Lang) -> Error {
    let columns = table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let d = &table.detected;
    let said = match lang {
        Lang::Nl => &d.notes,
        Lang::En if d.notes_en.len() == d.notes.len() => &d.notes_en,
        Lang::En => &d.notes,
    };
    let quoted = format!("'{name}'");
    let said = said
        .iter()
        .find(|n| n.contains(&quoted))
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    Error::new(
        crate::error::ErrorKind::UnknownColumn,
        match lang {
            Lang::Nl => {
                format!("Onbekende kolom '{key}={name}'. Beschikbare kolommen: {columns}.{said}")
            }
            Lang::En => {
                format!("Unknown column '{key}={name}'. Available columns: {columns}.{said}")
            }
        },
    )
    .at(crate::error::Location::file(&table.source))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_probe_looks_at_the_rows_of_its_own_group() {
        // Per region the shares over `soort` add up to 100 in A, not in B (the probe at the
        // middle row); the region's codes are looked at first.
        let csv = "regio,soort,aandeel\nA,x,60\nA,y,40\nB,x,30\nB,y,30\nC,x,50\nC,y,50\n";
        let t = crate::table::load("t.csv", csv.as_bytes()).unwrap();
        let same = super::SameCells::of(&t, &[0]);
        assert!(same.first().is_some());
        assert!(!super::probes_fit(&t, 2, same.first(), |p, i| same.same(p, i)));
        assert!(!super::probes_fit(&t, 2, None, |p, i| same.same(p, i)));
        // Without B, every probe's group adds up.
        let csv = "regio,soort,aandeel\nA,x,60\nA,y,40\nC,x,50\nC,y,50\n";
        let t = crate::table::load("t.csv", csv.as_bytes()).unwrap();
        let same = super::SameCells::of(&t, &[0]);
        assert!(super::probes_fit(&t, 2, same.first(), |p, i| same.same(p, i)));
    }

    #[test]
    fn roles_in_a_second_language_equal_a_fresh_detection() {
        for csv in [
            "groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,30\nB,>12,70\n",
            "regio,jaar,personen,aandeel\nA,2015,10,55.5\nB,2015,20,44.5\nA,2016,11,50\nB,2016,19,50\n",
            "x,y\n1,2\n3,4\n",
        ] {
            let t = crate::table::load("t.csv", csv.as_bytes()).unwrap();
            for (first, second) in [(Lang::Nl, Lang::En), (Lang::En, Lang::Nl)] {
                let known = Roles::detect_in(&t, first);
                let like = Roles::detect_like(&t, second, &known);
                let fresh = Roles::detect_in(&t, second);
                assert_eq!(
                    serde_json::to_string(&like).unwrap(),
                    serde_json::to_string(&fresh).unwrap(),
                    "{csv}"
                );
            }
        }
    }

    use super::*;
    use crate::spec::parse_overrides;

    fn table(csv: &str) -> Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    #[test]
    fn column_statistics_from_the_compact_arrays_equal_a_scan_of_the_cells() {
        let t = table(
            "a,b,c,d,e\n5,x,1,-3,\n,y,,2000000000,\n5,,2.5,-3,\n7,x,0,-2000000000,\n-1,z,1,0,\n",
        );
        for c in &t.columns {
            assert_eq!(column_stats(c), scan_stats(c), "column {}", c.name);
        }
        // Whole numbers and texts take the fast ways; a mixed or wide column the scan.
        assert!(whole_number_stats(&t.columns[0]).is_some());
        assert!(text_stats(&t.columns[1]).is_some());
        assert!(whole_number_stats(&t.columns[2]).is_none());
        assert!(whole_number_stats(&t.columns[3]).is_none());
        let a = column_stats(&t.columns[0]);
        assert_eq!((a.distinct, a.missing), (3, 1));
        assert_eq!(a.numbers, vec![5.0, 7.0, -1.0]);
    }

    #[test]
    fn a_column_settled_by_another_is_found_by_codes_as_by_cells() {
        let t = table("g,r,n,x\na,R1,1,p\nb,R1,2,q\na,R1,1,p\nc,,3,\nd,R2,,q\nc,,3,p\n");
        let c = |j: usize| &t.columns[j];
        assert!(c(0).short_codes().is_some() && c(1).short_codes().is_some());
        // g settles r (a missing region is a value too), not x; n settles r through numbers.
        assert!(column_determines(c(0), c(1)));
        assert!(!column_determines(c(0), c(3)));
        assert!(!column_determines(c(1), c(0)));
        assert!(column_determines(c(2), c(1)));
        assert!(!column_determines(c(3), c(1)));
        // A share over a column that another category settles has one row per group: no share.
        let t = table("gemeente,regio,pct\na,R1,40\na,R2,60\nb,R1,50\nb,R2,50\n");
        let r = Roles::detect(&t);
        assert_eq!(r.role("pct"), Some(Role::Percent));
        let t = table("gemeente,regio,leeftijd,pct\na,R1,j,40\na,R1,o,60\nb,R2,j,50\nb,R2,o,50\n");
        let r = Roles::detect(&t);
        assert_eq!(
            r.get("pct")
                .and_then(|c| c.distribution_over.clone())
                .as_deref(),
            Some("leeftijd")
        );
    }

    #[test]
    fn periods_are_recognised() {
        assert_eq!(parse_period("2019"), Some((TimeKind::Year, 2019.0)));
        assert_eq!(parse_period("2019K4"), Some((TimeKind::Quarter, 2019.75)));
        assert_eq!(parse_period("2019Q1"), Some((TimeKind::Quarter, 2019.0)));
        assert_eq!(parse_period("K2 2020"), Some((TimeKind::Quarter, 2020.25)));
        assert_eq!(parse_period("2019KW04"), Some((TimeKind::Quarter, 2019.75)));
        assert_eq!(parse_period("2019JJ00"), Some((TimeKind::Year, 2019.0)));
        assert_eq!(parse_period("2019MM07").map(|p| p.0), Some(TimeKind::Month));
        assert_eq!(parse_period("2019-07").map(|p| p.0), Some(TimeKind::Month));
        assert_eq!(
            parse_period("2019-07-31").map(|p| p.0),
            Some(TimeKind::Date)
        );
        assert_eq!(parse_period("31-7-2019").map(|p| p.0), Some(TimeKind::Date));
        assert_eq!(parse_period("2019K5"), None);
        assert_eq!(parse_period("Wajong"), None);
        assert_eq!(parse_period("12-24"), None);
        assert!(parse_period("2019K4").unwrap().1 > parse_period("2019K3").unwrap().1);
    }

    #[test]
    fn roles_of_a_register_table() {
        let t = table("subgroup,year,persons\nWajong,2017,98758\nWajong,2018,95580\nWsw,2017,88564\nWsw,2018,.\n");
        let r = Roles::detect(&t);
        assert_eq!(r.role("subgroup"), Some(Role::Category));
        assert_eq!(r.role("year"), Some(Role::Time));
        assert_eq!(r.get("year").unwrap().time_kind, Some(TimeKind::Year));
        assert_eq!(r.role("persons"), Some(Role::N));
        assert_eq!(r.get("persons").unwrap().missing, 1);
    }

    /// The base of a share named as a population, respondents or a denominator is the n a
    /// percentage is weighted with.
    #[test]
    fn the_base_of_a_share_is_its_n() {
        for n in [
            "populatie",
            "Population",
            "aantal respondenten",
            "noemer",
            "steekproefomvang",
        ] {
            let t = table(&format!("regio,aandeel,{n}\nA,40,100\nB,60,300\n"));
            assert_eq!(Roles::detect(&t).role(n), Some(Role::N), "{n}");
        }
    }

    #[test]
    fn shares_that_sum_to_100_per_group_are_percentages() {
        let t = table("groep,uren,waarde,n\nA,<12,40,10\nA,>12,60,15\nB,<12,25,3\nB,>12,75.5,4\n");
        let r = Roles::detect(&t);
        let w = r.get("waarde").unwrap();
        assert_eq!(w.role, Role::Percent);
        assert_eq!(w.distribution_over.as_deref(), Some("uren"));
        assert_eq!(r.role("n"), Some(Role::N));
        // Values that do not sum to 100 stay values.
        let t = table("groep,uren,waarde\nA,<12,40\nA,>12,70\n");
        assert_eq!(Roles::detect(&t).role("waarde"), Some(Role::Count));
    }

    #[test]
    fn odds_ratios_significance_and_references() {
        let t = table(
            "model,dimension,category,reference,odds_ratio,significance\n\
             totaal,geslacht,vrouw,man,0.83,**\ntotaal,leeftijd,25-35,<25,1.2,\nWsw,geslacht,vrouw,man,0.9,*\n",
        );
        let r = Roles::detect(&t);
        assert_eq!(r.role("odds_ratio"), Some(Role::OddsRatio));
        assert_eq!(r.role("significance"), Some(Role::Significance));
        assert_eq!(r.role("reference"), Some(Role::Reference));
        assert_eq!(r.role("category"), Some(Role::Category));
        // Stars without a telling name are still significance markers.
        let t = table("term,est,x\na,1.2,*\nb,0.8,**\nc,1.1,\n");
        assert_eq!(Roles::detect(&t).role("x"), Some(Role::Significance));
    }

    #[test]
    fn quarters_and_ordinal_time() {
        let t = table("periode,maanden_sinds_start,aandeel\n2019K4,0,10\n2020K1,6,20\n");
        let r = Roles::detect(&t);
        assert_eq!(r.get("periode").unwrap().time_kind, Some(TimeKind::Quarter));
        assert_eq!(
            r.get("maanden_sinds_start").unwrap().time_kind,
            Some(TimeKind::Ordinal)
        );
        assert_eq!(r.role("aandeel"), Some(Role::Percent));
    }

    #[test]
    fn months_written_as_six_digits_in_a_column_named_as_a_time() {
        let t = table("jaarmaand,periode,bedrag,maand\n201911,201911,201911,201911\n202001,202001,202001,201913\n");
        let r = Roles::detect(&t);
        for name in ["jaarmaand", "periode"] {
            assert_eq!(
                r.get(name).unwrap().time_kind,
                Some(TimeKind::Month),
                "{name}"
            );
        }
        // Not named as a time, or not every number a month (`201913`): numbers as before.
        assert_eq!(r.get("bedrag").unwrap().time_kind, None);
        assert_eq!(r.get("maand").unwrap().time_kind, Some(TimeKind::Ordinal));
        assert_eq!(
            month_of_number(201_904.0),
            Some(crate::spec::Period::month(2019, 4))
        );
        for x in [201_900.0, 201_913.0, 194_912.0, 201_904.5, 2019.0] {
            assert_eq!(month_of_number(x), None, "{x}");
        }
    }

    #[test]
    fn overrides_replace_detected_roles_and_check_names() {
        let t = table("code,jaar,waarde\n1,2017,5\n2,2018,6\n");
        let o = parse_overrides("code:category, waarde:percent", Lang::Nl).unwrap();
        let r = Roles::with_overrides(&t, &o, Lang::Nl).unwrap();
        assert_eq!(r.role("code"), Some(Role::Category));
        assert!(r.get("code").unwrap().overridden);
        assert_eq!(r.role("waarde"), Some(Role::Percent));
        let e = Roles::with_overrides(&t, &[("cod".into(), Role::Time)], Lang::Nl).unwrap_err();
        assert!(e.message.contains("code, jaar, waarde"), "{}", e.message);
        let e = Roles::with_overrides(&t, &[("cod".into(), Role::Time)], Lang::En).unwrap_err();
        assert_eq!(
            e.message,
            "Unknown column 'roles=cod'. Available columns: code, jaar, waarde."
        );
        assert!(parse_overrides("code=time", Lang::Nl).is_err());
        let e = parse_overrides("code:kleur", Lang::Nl).unwrap_err();
        assert!(e.message.contains("category"), "{}", e.message);
    }
}
