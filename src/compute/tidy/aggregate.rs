//! Combining rows that land on one point of a view. A view shows a few dimensions (x, series,
//! facet); a file often has more (gemeente, leeftijd, geslacht). Rows are then combined over the
//! dimensions the view does not show, by the rules of the data:
//! - counts (role count or n) are summed; a suppressed cell makes the point unknown, never 0;
//! - `per=COLUMN` plots the ratio of sums, `100 x sum(y) / sum(per)`;
//! - a percentage or other value is the n-weighted mean when the table has an n column, and is
//!   refused otherwise (the error names what is missing); `agg=mean` asks for the plain mean;
//! - a row whose value in a dimension is a total (`Totaal`, `Alle leeftijden`, `Nederland`)
//!   stands for the other rows of its point: it is used and they are left out, never both;
//! - a period column the view does not show is not summed over (stocks do not add up over
//!   time): the latest period is shown, and the view says so.
//!
//! The result is a table with the same columns, one row per point, so the views draw it as they
//! draw any table; [`Aggregation`] says what was done (the `aggregated` field of the view data).

use super::frame::Frame;
use crate::data::tidy::{is_total, Aggregation};
use crate::error::{Error, ErrorKind, Result};
use crate::format::{columns_and, number, t, Lang};
use crate::spec::{Agg, Role, Subgroup};
use crate::table::{Cell, Column, Table, Value};

/// A frame over a table of combined rows.
pub struct Combined {
    pub table: Table,
    pub roles: crate::data::Roles,
    pub aggregation: Aggregation,
    /// The language of the frame it was combined from.
    pub lang: Lang,
}

impl Combined {
    pub fn frame(&self) -> Frame<'_> {
        Frame {
            table: &self.table,
            roles: self.roles.clone(),
            rows: (0..self.table.len()).collect(),
            partial: Vec::new(),
            lang: self.lang,
        }
    }
}

/// The total rows of a table, for the file line: "Totaalrijen herkend: subgroup = totaal"
/// (in `lang`). Views use them when they want the total and leave them out when they add up
/// the parts.
pub fn totals_note(table: &Table, roles: &crate::data::Roles, lang: Lang) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for (j, (c, r)) in table.columns.iter().zip(&roles.columns).enumerate() {
        if r.role != Role::Category {
            continue;
        }
        let totals = total_codes(table, j);
        let values: Vec<&str> = c
            .dictionary()
            .iter()
            .zip(&totals)
            .filter(|(_, total)| **total)
            .map(|(t, _)| &**t)
            .collect();
        if !values.is_empty() && r.distinct > values.len() {
            found.push(format!("{} = {}", c.name, values.join(" / ")));
        }
    }
    (!found.is_empty()).then(|| match lang {
        Lang::Nl => format!(
            "Totaalrijen herkend: {} (gebruikt als totaal, nooit opgeteld bij de delen)",
            found.join("; ")
        ),
        Lang::En => format!(
            "Total rows recognised: {} (used as the total, never added to the parts)",
            found.join("; ")
        ),
    })
}

/// Per value of column `j` (by dictionary code), whether it is a total: by its words (`Totaal`,
/// `Landelijk`), by its sums (see [`told_total`]), or as the band that holds the column's other
/// bands (`15 jaar en ouder` beside `15-26` and `27 en ouder`). Decided once per column.
///
/// A value named as a total is none where a part is larger in a column of counts (`Alle
/// leeftijden` 200 beside `27-44` 300), and `Nederland` is a country, no total, in a column of
/// countries (`land`, `geboorteland`, `herkomst`, `nationaliteit`).
pub(crate) fn total_codes(table: &Table, j: usize) -> Vec<bool> {
    let Some(c) = table.columns.get(j) else {
        return Vec::new();
    };
    let bands = band_totals(c.dictionary());
    let countries = cfg!(feature = "full") && names_countries(&c.name);
    #[cfg_attr(not(feature = "full"), allow(unused_mut))]
    let mut named: Vec<bool> = c
        .dictionary()
        .iter()
        .map(|t| {
            is_total(t)
                && !(countries
                    && matches!(
                        crate::case::lower(t.trim()).as_str(),
                        "nederland" | "nl" | "heel nederland"
                    ))
        })
        .collect();
    #[cfg(feature = "full")]
    if named.contains(&true) {
        smaller_than_a_part(table, j, &mut named);
    }
    named
        .into_iter()
        .enumerate()
        .map(|(k, total)| total || told_total(table, j, k) || bands[k])
        .collect()
}

/// Whether a column's name says it holds countries (of birth, of origin, nationalities).
fn names_countries(name: &str) -> bool {
    crate::compute::tidy::roles::tokens_of(name)
        .iter()
        .any(|w| {
            matches!(
                w.as_str(),
                "land"
                    | "landen"
                    | "geboorteland"
                    | "herkomstland"
                    | "herkomst"
                    | "nationaliteit"
                    | "country"
                    | "countries"
                    | "nationality"
                    | "migratieachtergrond"
            )
        })
}

/// Takes back the totals `named` of column `j` whose sum, in a column of counts (numbers, none
/// negative, not named a share, not years), is below that of another value of the column in no
/// more rows: a total holds its parts.
#[cfg(feature = "full")]
fn smaller_than_a_part(table: &Table, j: usize, named: &mut [bool]) {
    let c = &table.columns[j];
    let k_of = |i: usize| c.code(i).map(|k| k as usize);
    for (m, counts) in table.columns.iter().enumerate() {
        if m == j
            || !counts.has_number()
            || counts.has_text()
            || crate::compute::tidy::roles::names_a_share(&counts.name)
        {
            continue;
        }
        let mut sums = vec![0.0f64; named.len()];
        let mut rows = vec![0usize; named.len()];
        // (A column of years, all of them whole and within 1900-2100, counts nothing.)
        let (mut negative, mut years) = (false, true);
        for i in 0..table.len() {
            let (Some(k), Some(v)) = (k_of(i), counts.number(i)) else {
                continue;
            };
            negative |= v < 0.0;
            years &= v.fract() == 0.0 && (1900.0..=2100.0).contains(&v);
            if let (Some(s), Some(r)) = (sums.get_mut(k), rows.get_mut(k)) {
                *s += v;
                *r += 1;
            }
        }
        if negative || years {
            continue;
        }
        // Compared with the parts in no more rows than the total (a total given for a few
        // groups only is not held against a part in all of them).
        for k in 0..named.len() {
            let larger = (0..named.len())
                .any(|p| !named[p] && rows[p] > 0 && rows[p] <= rows[k] && sums[p] > sums[k]);
            if named[k] && larger {
                named[k] = false;
            }
        }
    }
}

#[cfg(feature = "full")]
fn band_totals<S: AsRef<str>>(values: &[S]) -> Vec<bool> {
    crate::data::tidy::bands_holding_the_others(values)
}

#[cfg(not(feature = "full"))]
fn band_totals<S: AsRef<str>>(values: &[S]) -> Vec<bool> {
    vec![false; values.len()]
}

/// Whether value `k` of column `j` is a total told by its sums (see [`Table::totals`]).
fn told_total(table: &Table, j: usize, k: usize) -> bool {
    #[cfg(feature = "full")]
    return table.totals.contains(&(j, k as u32));
    #[cfg(not(feature = "full"))]
    {
        let _ = (table, j, k);
        false
    }
}

/// The periods of the time columns written with a two-digit year (`31-12-15`, read as 31 Dec
/// 2015: see [`crate::spec::Period::parse`]), for the file line: a few examples and the rule.
pub fn short_years_note(table: &Table, roles: &crate::data::Roles, lang: Lang) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (c, r) in table.columns.iter().zip(&roles.columns) {
        if r.role != Role::Time {
            continue;
        }
        let before = found.len();
        for text in c.dictionary() {
            let Some(p) = crate::spec::Period::parse(text) else {
                continue;
            };
            if !text.contains(&p.calendar_year().to_string()) && found.len() < before + 3 {
                found.push(format!("{} = {}", text.trim(), p.label_in(lang)));
            }
        }
        if found.len() > before {
            names.push(format!("'{}'", c.name));
        }
    }
    (!found.is_empty()).then(|| {
        let (names, found) = (names.join(", "), found.join(", "));
        t(
            lang,
            &format!("Jaartallen met twee cijfers in {names} gelezen als 20xx (00-69) of 19xx (70-99): {found}"),
            &format!("Two-digit years in {names} read as 20xx (00-69) or 19xx (70-99): {found}"),
        )
        .to_string()
    })
}

/// The periods of the time columns written as Roman quarters (`2015 IV`, `kwartaal II 2015`:
/// see [`crate::spec::period::roman_quarter`]), for the file line: a few examples; when the bare
/// numerals (no word that says "quarter") go no higher than `II`, the note says they may be
/// half-years.
#[cfg(feature = "full")]
pub fn roman_note(table: &Table, roles: &crate::data::Roles, lang: Lang) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let (mut bare, mut high) = (false, false);
    for (c, r) in table.columns.iter().zip(&roles.columns) {
        if r.role != Role::Time {
            continue;
        }
        let before = found.len();
        let mut any = false;
        for text in c.dictionary() {
            let Some(b) = crate::spec::period::roman_quarter(text) else {
                continue;
            };
            any = true;
            let p = crate::spec::Period::parse(text)?;
            bare |= b;
            high |= b && p.quarter_number() > 2;
            if found.len() < before + 3 {
                found.push(format!("{} = {}", text.trim(), p.label_in(lang)));
            }
        }
        if any {
            names.push(format!("'{}'", c.name));
        }
    }
    (!found.is_empty()).then(|| {
        let (names, found) = (names.join(", "), found.join(", "));
        let doubt = if bare && !high {
            t(
                lang,
                "; let op: zonder III of IV kunnen I en II ook halfjaren zijn (schrijf dan 2015H1)",
                "; note: without III or IV, I and II may be half-years as well (then write 2015H1)",
            )
        } else {
            ""
        };
        t(
            lang,
            &format!("Romeinse cijfers in {names} gelezen als kwartalen: {found}{doubt}"),
            &format!("Roman numerals in {names} read as quarters: {found}{doubt}"),
        )
        .to_string()
    })
}

/// The points of a view as [`summed_in_one_pass`] gives them, in order of first appearance.
struct Summed {
    /// Per point its first row.
    first: Vec<usize>,
    /// Per point how many rows it has.
    len: Vec<usize>,
    /// Per point the sums of the value columns (y, per, n; one after the other), added in the
    /// rows' order; `None` once a row holds no number.
    sums: Vec<Option<f64>>,
    /// Per point and column: whether every row holds the first row's cell (not kept for the
    /// columns the point is keyed by or summed over, whose cells the point takes otherwise).
    same: Vec<bool>,
    /// Columns per point in `same`, values per point in `sums`.
    width: usize,
    values: usize,
}

impl Summed {
    fn points(&self) -> usize {
        self.first.len()
    }
    fn sum(&self, p: usize, k: usize) -> Option<f64> {
        self.sums.get(p * self.values + k).copied().flatten()
    }
    fn same(&self, p: usize, j: usize) -> bool {
        self.same.get(p * self.width + j).copied().unwrap_or(false)
    }
}

/// Per code of column `c`, whether it is the Participatiewet and whether it is a part of it
/// (Praktijkroute, Participatiewet overig); `None` when the column does not hold both.
fn participatiewet_parts(c: &Column) -> Option<(Vec<bool>, Vec<bool>)> {
    let groups: Vec<Option<Subgroup>> = c
        .dictionary()
        .iter()
        .map(|t| Subgroup::from_label(t))
        .collect();
    let whole: Vec<bool> = groups
        .iter()
        .map(|&g| g == Some(Subgroup::Participatiewet))
        .collect();
    let part: Vec<bool> = groups
        .iter()
        .map(|g| g.and_then(|g| g.parent()) == Some(Subgroup::Participatiewet))
        .collect();
    (whole.contains(&true) && part.contains(&true)).then_some((whole, part))
}

/// Whether the points can be summed in one pass ([`summed_in_one_pass`]): a sum or a ratio of
/// sums, with nothing to leave out of the points' rows (the caller checks that no dimension
/// has total rows): no dimension the view does not show that is a period, and no
/// Participatiewet beside its parts.
fn summed_in_one_pass_fits(
    f: &Frame,
    dims: &[usize],
    y: usize,
    per: Option<usize>,
    agg: Option<Agg>,
) -> bool {
    let sums = match (per, agg) {
        (Some(_), _) | (None, Some(Agg::Sum)) => true,
        (None, None) => matches!(f.role(y), Some(Role::Count | Role::N)),
        (None, Some(_)) => false,
    };
    sums && dims.iter().all(|&j| {
        f.role(j) != Some(Role::Time)
            && f.table
                .columns
                .get(j)
                .is_some_and(|c| participatiewet_parts(c).is_none())
    })
}

/// The frame's rows combined per point (keyed by `key`, in order of first appearance) in one
/// pass: per point its first row, size, the sums of `value_cols` and which other columns hold
/// one cell.
fn summed_in_one_pass(
    f: &Frame,
    key: &crate::table::column::CodeKey,
    keys: &[usize],
    value_cols: &[usize],
) -> Summed {
    let table = f.table;
    let (width, values) = (table.columns.len(), value_cols.len());
    // The columns whose cells are compared with the first row's.
    let checked: Vec<usize> = (0..width)
        .filter(|j| !keys.contains(j) && !value_cols.contains(j))
        .collect();
    // Whole numbers straight from their array.
    let wholes: Vec<Option<&[i32]>> = value_cols
        .iter()
        .map(|&j| table.columns[j].whole_numbers())
        .collect();
    let mut out = Summed {
        first: Vec::new(),
        len: Vec::new(),
        sums: Vec::new(),
        same: Vec::new(),
        width,
        values,
    };
    // Per point, how many of the checked columns still hold one cell (none: not looked at).
    let mut open: Vec<usize> = Vec::new();
    let mut point_at: Vec<u32> = vec![u32::MAX; key.cells];
    // The point of the rows just before and its count and sums so far: a run of rows of one
    // point (rows grouped in the file) is counted and summed here, and written to the point's
    // place when the run ends, not row by row.
    let mut run = Run {
        point: usize::MAX,
        rows: 0,
        sums: [None; MAX_VALUES],
    };
    // Runs of rows, when the key's cells are two-byte codes: rows that follow each other in
    // the table with the same key (a file grouped by its first columns has long runs) are found
    // by comparing codes and counted at once; a column of whole numbers is summed as a slice,
    // the others row by row. Exactly the sums row by row: whole numbers add up exactly below
    // 2^53, which [`RUNS_UP_TO`] rows of four-byte numbers stay under (more rows: runs of one).
    let codes = key.short_codes().filter(|_| f.rows.len() <= RUNS_UP_TO);
    let rows = &f.rows;
    let mut k = 0;
    while let Some(&i) = rows.get(k) {
        let mut end = k + 1;
        if let Some(codes) = codes {
            while let Some(&r) = rows.get(end) {
                if r != i + (end - k) || !codes.iter().all(|c| c.get(r) == c.get(i)) {
                    break;
                }
                end += 1;
            }
        }
        let run_rows = &rows[k..end];
        k = end;
        let Some(slot) = point_at.get_mut(key.of_row(i)) else {
            continue; // within `cells` by construction
        };
        if *slot == u32::MAX {
            *slot = out.first.len() as u32;
            out.first.push(i);
            out.len.push(0);
            out.sums.extend(std::iter::repeat_n(Some(0.0), values));
            out.same.extend(std::iter::repeat_n(true, width));
            open.push(checked.len());
        }
        let g = *slot as usize;
        if g != run.point {
            run.end(&mut out);
            run = Run::of(&out, g);
        }
        run.rows += run_rows.len();
        for ((&j, whole), sum) in value_cols.iter().zip(&wholes).zip(&mut run.sums) {
            if let Some(acc) = *sum {
                *sum = match whole {
                    Some(w) => w
                        .get(i..i + run_rows.len())
                        .and_then(whole_sum)
                        .map(|s| acc + s as f64),
                    None => run_rows
                        .iter()
                        .try_fold(acc, |a, &r| table.columns[j].number(r).map(|v| a + v)),
                };
            }
        }
        for &r in run_rows {
            if open.get(g).is_none_or(|&n| n == 0) {
                break;
            }
            let first = out.first[g];
            for &j in &checked {
                let at = g * width + j;
                if out.same[at] && !table.columns[j].same(r, first) {
                    out.same[at] = false;
                    open[g] -= 1;
                }
            }
        }
    }
    run.end(&mut out);
    out
}

/// The most rows [`summed_in_one_pass`] sums in runs: their whole numbers (four bytes each, at
/// most 2^31 apart from 0) then add up to less than 2^53 in any order, exactly in an `f64`.
const RUNS_UP_TO: usize = 1 << 21;

/// The sum of whole numbers, `None` when one is missing.
fn whole_sum(xs: &[i32]) -> Option<i64> {
    let mut sum = 0i64;
    let mut missing = false;
    for &x in xs {
        missing |= x == crate::table::column::NO_WHOLE;
        sum += i64::from(x);
    }
    (!missing).then_some(sum)
}

/// The most value columns a view sums (y, per, n): [`summed_in_one_pass`] keeps that many in a
/// [`Run`].
const MAX_VALUES: usize = 3;

/// A run of rows of one point in [`summed_in_one_pass`]: its count and sums so far.
struct Run {
    point: usize,
    rows: usize,
    sums: [Option<f64>; MAX_VALUES],
}

impl Run {
    /// A run of `point`, from what its rows before came to.
    fn of(out: &Summed, point: usize) -> Run {
        let at = point.saturating_mul(out.values);
        let mut sums = [None; MAX_VALUES];
        for (k, s) in sums.iter_mut().enumerate().take(out.values) {
            *s = out.sums.get(at.saturating_add(k)).copied().flatten();
        }
        Run {
            point,
            rows: out.len.get(point).copied().unwrap_or(0),
            sums,
        }
    }

    /// Writes what the run came to in its point's place (nothing before the first run).
    fn end(&self, out: &mut Summed) {
        let Some(at) = self.point.checked_mul(out.values) else {
            return;
        };
        if let Some(n) = out.len.get_mut(self.point) {
            *n = self.rows;
        }
        for (k, &s) in self.sums.iter().enumerate().take(out.values) {
            if let Some(slot) = out.sums.get_mut(at + k) {
                *slot = s;
            }
        }
    }
}

/// How the values of one point are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Sum,
    Ratio,
    Weighted,
    Mean,
}

impl Method {
    fn key(self) -> &'static str {
        match self {
            Method::Sum => "sum",
            Method::Ratio => "ratio",
            Method::Weighted => "weighted_mean",
            Method::Mean => "mean",
        }
    }
}

/// Combines the frame's rows per point of the view. `keys` are the columns the view shows
/// (x, series, facet); `y` the value column; `per` the denominator of a ratio; `n` the column
/// with the number of persons (to weight percentages); `agg` the user's choice. `None` when every
/// point has one row and nothing asks for a ratio or a mean: the view draws the rows as they are.
pub fn combine(
    f: &Frame,
    keys: &[usize],
    y: usize,
    per: Option<usize>,
    n: Option<usize>,
    agg: Option<Agg>,
) -> Result<Option<Combined>> {
    let table = f.table;
    let lang = f.lang;
    // A divisor or a weight is a count beside y: not a column the chart shows or a time
    // (`per=jaar`: persons per 100 years), not y itself (every point 100, or a percentage
    // weighted by itself) and not a percentage.
    for (key, j) in [("per", per), ("n", n)] {
        let Some(j) = j else { continue };
        let name = f.name(j);
        // (A count weighted by itself is summed all the same: its n= changes nothing.)
        let y_counts = matches!(f.role(y), Some(Role::Count | Role::N));
        let why = if j == y && (key == "per" || (cfg!(feature = "full") && !y_counts)) {
            Some(t(lang, "is ook y=", "is y= as well"))
        } else if cfg!(feature = "full") && f.role(j) == Some(Role::Percent) {
            Some(t(
                lang,
                "is een percentage, geen aantal",
                "is a percentage, not a count",
            ))
        } else if keys.contains(&j) {
            Some(t(lang, "staat al in de grafiek", "is on the chart already"))
        } else if matches!(
            f.role(j),
            Some(Role::Time | Role::Category | Role::Reference)
        ) {
            Some(t(lang, "is geen aantal", "is not a count"))
        } else {
            None
        };
        if let Some(why) = why {
            let what = match (key, lang) {
                ("per", Lang::Nl) => "de noemer van een verhouding",
                ("per", Lang::En) => "the denominator of a ratio",
                (_, Lang::Nl) => "het gewicht per rij",
                (_, Lang::En) => "the weight of each row",
            };
            return Err(Error::view(match lang {
                Lang::Nl => format!(
                    "{key}={name}: '{name}' {why}. {key}= vraagt een kolom met aantallen naast \
                     y= ({what})."
                ),
                Lang::En => format!(
                    "{key}={name}: '{name}' {why}. {key}= asks for a column of counts beside y= \
                     ({what})."
                ),
            }));
        }
    }
    let mut keys: Vec<usize> = keys.to_vec();
    crate::sort::sort(&mut keys);
    keys.dedup();
    let value_cols: Vec<usize> = std::iter::once(y).chain(per).chain(n).collect();
    // The dimensions the view does not show.
    let dims: Vec<usize> = (0..table.columns.len())
        .filter(|j| !keys.contains(j) && !value_cols.contains(j))
        .filter(|&j| {
            matches!(
                f.role(j),
                Some(Role::Category | Role::Time | Role::Reference)
            )
        })
        .collect();
    // A point's identity: the key cells by dictionary code or number, not copied per row.
    // Group the kept rows by point, in order of first appearance (one key buffer for all rows).
    let mut group_of: crate::table::FastMap<Vec<(u8, u64)>, usize> = Default::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut key: Vec<(u8, u64)> = Vec::with_capacity(keys.len());
    // Key columns of texts only with few distinct values (regions, periods, subgroups): a
    // point's number straight from the codes (mixed radix) into a table, no hashing per row.
    let key_cols: Vec<&crate::table::Column> =
        keys.iter().filter_map(|&j| table.columns.get(j)).collect();
    let code_key = (key_cols.len() == keys.len())
        .then(|| crate::table::column::CodeKey::of(key_cols, 1 << 22))
        .flatten();
    // Total rows stand for the other rows of their point. Whether a text is a total is decided
    // once per distinct text (by dictionary code), not once per row: by its words, or by its
    // sums (the table's `totals`, told by the regional reading).
    let total_code: Vec<Vec<bool>> = (0..f.table.columns.len())
        .map(|j| total_codes(f.table, j))
        .collect();
    let is_total_cell = |j: usize, i: usize| -> bool {
        match f.table.columns.get(j).and_then(|c| c.code(i)) {
            Some(k) => total_code
                .get(j)
                .and_then(|v| v.get(k as usize))
                .copied()
                .unwrap_or(false),
            None => matches!(f.value(j, i), Cell::Text(t) if is_total(t)),
        }
    };
    let total_dims: Vec<usize> = dims
        .iter()
        .copied()
        .filter(|&j| total_code.get(j).is_some_and(|v| v.contains(&true)))
        .filter(|&j| f.rows.iter().any(|&i| is_total_cell(j, i)))
        .collect();
    // A sum or a ratio of sums with nothing left out of the points' rows (no total rows, no
    // parts of the Participatiewet, no period the view does not show), the usual view of a
    // large file: each point's first row, size, sums and constant columns in one pass over
    // the rows, without lists of rows.
    let summed = code_key
        .as_ref()
        .filter(|_| {
            total_dims.is_empty()
                && value_cols.len() <= MAX_VALUES
                && summed_in_one_pass_fits(f, &dims, y, per, agg)
        })
        .map(|k| summed_in_one_pass(f, k, &keys, &value_cols));
    if let Some(code_key) = code_key.as_ref().filter(|_| summed.is_none()) {
        // Each row's point first (its number in order of first appearance), then the rows of
        // each point into a list made at its size: no list grows row by row.
        let mut group_at: Vec<u32> = vec![u32::MAX; code_key.cells];
        let mut points = 0u32;
        let point: Vec<u32> = f
            .rows
            .iter()
            .map(|&i| match group_at.get_mut(code_key.of_row(i)) {
                Some(s) => {
                    if *s == u32::MAX {
                        *s = points;
                        points += 1;
                    }
                    *s
                }
                None => u32::MAX, // within `cells` by construction
            })
            .collect();
        groups = crate::table::column::rows_by_group(
            f.rows.iter().copied().zip(point.iter().copied()),
            points as usize,
        );
    }
    for &i in f.rows.iter().filter(|_| code_key.is_none()) {
        // (`summed` is only made with the codes' key.)
        key.clear();
        key.extend(keys.iter().map(|&j| {
            f.table
                .columns
                .get(j)
                .map_or((0, 0), |c| super::roles::cell_id(c, i))
        }));
        match group_of.get(key.as_slice()) {
            Some(&g) => groups[g].push(i),
            None => {
                group_of.insert(key.clone(), groups.len());
                groups.push(vec![i]);
            }
        }
    }
    // Whether some point has more than one row.
    let several = |groups: &[Vec<usize>]| match &summed {
        Some(points) => points.len.iter().any(|&n| n > 1),
        None => groups.iter().any(|g| g.len() > 1),
    };
    let repeated = several(&groups);
    // Whether rows `a` and `b` hold the same cell of column `j` (by code, not by text).
    let same = |j: usize, a: usize, b: usize| table.columns.get(j).is_none_or(|c| c.same(a, b));
    let number_at = |j: usize, i: usize| table.columns.get(j).and_then(|c| c.number(i));
    if !repeated && per.is_none() && agg.is_none() {
        return Ok(None);
    }

    // A period the view does not show: the latest one, where rows differ in it.
    let mut latest: Option<String> = None;
    for &j in &dims {
        if f.role(j) != Some(Role::Time) {
            continue;
        }
        let varies = groups.iter().any(|g| g.iter().any(|&i| !same(j, i, g[0])));
        if !varies {
            continue;
        }
        let Some(last) = f.moments(j).0.last().map(|x| x.key.clone()) else {
            continue;
        };
        // Whether a row is in the latest period: per distinct text once, then by code.
        let col = f.table.columns.get(j);
        let is_last: Vec<bool> = col
            .map(|c| c.dictionary().iter().map(|t| **t == *last).collect())
            .unwrap_or_default();
        for g in groups.iter_mut() {
            g.retain(|&i| match col.and_then(|c| c.code(i)) {
                Some(k) => is_last.get(k as usize).copied().unwrap_or(false),
                None => f.text(j, i) == last,
            });
        }
        groups.retain(|g| !g.is_empty());
        latest = Some(format!("{} = {last}", f.name(j)));
    }

    let mut totals: Vec<String> = Vec::new();
    // Totals of a column the filter left a part out of count that part: the parts are summed.
    let mut unused_totals: Vec<String> = Vec::new();
    // A plain mean is the mean of the parts: a total row is no part (it is their sum).
    let mut not_averaged: Vec<String> = Vec::new();
    let mean = cfg!(feature = "full") && agg == Some(Agg::Mean);
    for g in groups.iter_mut() {
        for &j in &total_dims {
            let tot: Vec<usize> = g.iter().copied().filter(|&i| is_total_cell(j, i)).collect();
            // (Each total row named once, `column = value`, in the list of what was done.)
            let name_in = |list: &mut Vec<String>| {
                for &i in &tot {
                    let label = format!("{} = {}", f.name(j), f.text(j, i));
                    if !list.contains(&label) {
                        list.push(label);
                    }
                }
            };
            if mean && !tot.is_empty() && tot.len() < g.len() {
                name_in(&mut not_averaged);
                g.retain(|&i| !is_total_cell(j, i));
            } else if f.partial.contains(&j) {
                name_in(&mut unused_totals);
                g.retain(|&i| !is_total_cell(j, i));
            } else if !tot.is_empty() && tot.len() < g.len() {
                name_in(&mut totals);
                *g = tot;
            }
        }
    }
    // A point of total rows only, with the totals not used: nothing left to show.
    groups.retain(|g| !g.is_empty());
    // Target groups within the Participatiewet (Praktijkroute, Participatiewet overig) are part
    // of its rows: where a point has a Participatiewet row, they are not added to it again.
    let mut parts_left: Vec<String> = Vec::new();
    if cfg!(feature = "full") {
        for &j in &dims {
            let Some(c) = f.table.columns.get(j) else {
                continue;
            };
            let Some((whole, part)) = participatiewet_parts(c) else {
                continue;
            };
            let code = |i: usize| c.code(i).map(|k| k as usize);
            for g in groups.iter_mut() {
                if !g.iter().any(|&i| code(i).is_some_and(|k| whole[k])) {
                    continue;
                }
                g.retain(|&i| match code(i) {
                    Some(k) if part[k] => {
                        let label = format!("{} = {}", f.name(j), f.text(j, i));
                        if !parts_left.contains(&label) {
                            parts_left.push(label);
                        }
                        false
                    }
                    _ => true,
                });
            }
        }
    }
    let combined = several(&groups);
    let over: Vec<String> = dims
        .iter()
        .copied()
        .filter(|&j| match &summed {
            Some(points) => (0..points.points()).any(|p| !points.same(p, j)),
            None => groups.iter().any(|g| g.iter().any(|&i| !same(j, i, g[0]))),
        })
        .map(|j| f.name(j).to_string())
        .collect();

    let y_role = f.role(y);
    let y_name = f.name(y).to_string();
    // Shares of a distribution (states that add up to 100 % per group) averaged over its parts:
    // always 100 divided by their number, whatever the file says.
    if cfg!(feature = "full") && combined {
        let parts = f
            .roles
            .get(&y_name)
            .filter(|c| c.role == Role::Percent)
            .and_then(|c| c.distribution_over.as_deref())
            .filter(|d| over.iter().any(|o| o == d));
        if let Some(d) = parts {
            return Err(Error::new(
                ErrorKind::NotAvailable,
                match lang {
                    Lang::Nl => format!(
                        "'{y_name}' is een verdeling over {d}: de delen tellen per groep op tot 100 %, en een gemiddelde over {d} is steeds 100 gedeeld door het aantal delen. Zet {d} op series= of facet=, of kies één deel met filter={d}:…"
                    ),
                    Lang::En => format!(
                        "'{y_name}' is a distribution over {d}: its parts add up to 100 % in each group, and a mean over {d} is always 100 divided by the number of parts. Put {d} on series= or facet=, or choose one part with filter={d}:…"
                    ),
                },
            ));
        }
    }
    // The columns combined over, as the refusals name them.
    let over_text = || {
        if over.is_empty() {
            t(lang, "de rijen", "the rows").to_string()
        } else {
            columns_and(&over, lang)
        }
    };
    // A percentage never adds up: not as a sum asked for, nor in a ratio of sums.
    let percent_of = |j: usize| (f.role(j) == Some(Role::Percent)).then(|| f.name(j).to_string());
    let summed_percent = match (per, agg) {
        (Some(p), _) => percent_of(y).or_else(|| percent_of(p)),
        (None, Some(Agg::Sum)) if combined => percent_of(y),
        _ => None,
    };
    if let Some(name) = summed_percent {
        let over = over_text();
        return Err(Error::new(
            ErrorKind::NotAvailable,
            match (lang, per.is_some()) {
                (Lang::Nl, true) => format!(
                    "'{name}' is een percentage: per= deelt de som van twee aantallen, en \
                     percentages tellen niet op. Kies voor y= en per= kolommen met aantallen."
                ),
                (Lang::En, true) => format!(
                    "'{name}' is a percentage: per= divides the sums of two counts, and \
                     percentages do not add up. Choose columns of counts for y= and per=."
                ),
                (Lang::Nl, false) => format!(
                    "'{name}' is een percentage: percentages tellen niet op, ook niet met agg=sum. \
                     Rijen samenvoegen over {over} kan gewogen met het aantal personen per rij \
                     (n=kolom), of ongewogen met agg=mean; of kies series=, facet= of filter= \
                     zodat elk punt één rij heeft."
                ),
                (Lang::En, false) => format!(
                    "'{name}' is a percentage: percentages do not add up, not with agg=sum either. \
                     Rows can be combined over {over} weighted by the number of persons per row \
                     (n=column), or unweighted with agg=mean; or choose series=, facet= or \
                     filter= so that each point has one row."
                ),
            },
        ));
    }
    let method = match (per, agg) {
        (Some(_), _) => Method::Ratio,
        (None, Some(Agg::Sum)) => Method::Sum,
        (None, Some(Agg::Mean)) => Method::Mean,
        (None, None) => match y_role {
            Some(Role::Count | Role::N) => Method::Sum,
            _ if !combined => Method::Sum, // one row per point: nothing is combined
            Some(Role::Percent | Role::Value) if n.is_some() => Method::Weighted,
            Some(Role::Percent | Role::Value) => {
                let percent = y_role == Some(Role::Percent);
                let over = over_text();
                return Err(Error::new(
                    ErrorKind::NotAvailable,
                    match lang {
                        Lang::Nl => format!(
                            "'{y_name}' is {}: rijen samenvoegen over {over} kan alleen gewogen met \
                             het aantal personen per rij, en een kolom met dat aantal (n) ontbreekt. \
                             Geef n=kolom, kies series=, facet= of filter= zodat elk punt één rij \
                             heeft, of vraag met agg=mean om een ongewogen gemiddelde.",
                            if percent { "een percentage" } else { "geen aantal" }
                        ),
                        Lang::En => format!(
                            "'{y_name}' is {}: combining rows over {over} is only possible weighted \
                             by the number of persons per row, and a column with that number (n) is \
                             missing. Give n=column, choose series=, facet= or filter= so that each \
                             point has one row, or ask for an unweighted mean with agg=mean.",
                            if percent { "a percentage" } else { "not a count" }
                        ),
                    },
                ));
            }
            _ => {
                let over = over_text();
                let role = y_role.map(|r| r.label_in(lang)).unwrap_or(t(
                    lang,
                    "onbekende rol",
                    "unknown role",
                ));
                return Err(Error::new(
                    ErrorKind::NotAvailable,
                    match lang {
                        Lang::Nl => format!(
                            "'{y_name}' ({role}) laat zich niet optellen of middelen over {over}. \
                             Kies series=, facet= of filter= zodat elk punt één rij heeft, of \
                             agg=mean."
                        ),
                        Lang::En => format!(
                            "'{y_name}' ({role}) cannot be summed or averaged over {over}. Choose \
                             series=, facet= or filter= so that each point has one row, or \
                             agg=mean."
                        ),
                    },
                ));
            }
        },
    };
    for j in value_cols.iter().copied() {
        f.numeric(
            if j == y {
                "y"
            } else if Some(j) == per {
                "per"
            } else {
                "n"
            },
            j,
        )?;
    }

    // One row per point: keys and constant columns from the point's rows, values combined.
    let sum = |g: &[usize], j: usize| -> Option<f64> { table.columns.get(j)?.sum_of(g) };
    let mut columns: Vec<Column> = table
        .columns
        .iter()
        .map(|c| Column::with_capacity(c.name.clone(), groups.len()))
        .collect();
    let mut row_numbers = crate::table::RowNumbers::new();
    let mut unknown = 0usize;
    // Points without a value because the denominator (or the weights) add up to 0, not because
    // a cell is empty: said apart.
    let mut zero_base = 0usize;
    let mut rows_in = 0usize;
    // The first row of the first point of several rows, when no column tells its rows apart
    // (nothing to sum over: a row there twice, or two figures for one thing).
    let mut alike: Option<usize> = None;
    let n_points = summed.as_ref().map_or(groups.len(), Summed::points);
    for p in 0..n_points {
        // The point's rows: summed in one pass, or its list of rows.
        let rows = groups.get(p).map(Vec::as_slice);
        let (first, len) = match (&summed, rows) {
            (Some(s), _) => (s.first[p], s.len[p]),
            (None, Some(g)) => (g[0], g.len()),
            (None, None) => continue,
        };
        // The sum of a value column over the point's rows.
        let total = |j: usize| match (&summed, rows) {
            (Some(s), _) => value_cols
                .iter()
                .position(|&k| k == j)
                .and_then(|k| s.sum(p, k)),
            (None, Some(g)) => sum(g, j),
            (None, None) => None,
        };
        // Whether every row of the point holds its first row's cell of column `j`.
        let one_cell = |j: usize| match (&summed, rows) {
            (Some(s), _) => s.same(p, j),
            (None, Some(g)) => g.iter().all(|&i| same(j, i, first)),
            (None, None) => false,
        };
        rows_in += len;
        if len > 1 && over.is_empty() && alike.is_none() {
            alike = Some(first);
        }
        let row = table.row_number(first).unwrap_or(first + 1);
        row_numbers.push(u32::try_from(row).unwrap_or(u32::MAX));
        let value = match method {
            Method::Sum => total(y),
            Method::Ratio => match (total(y), per.and_then(total)) {
                (Some(a), Some(b)) if b > 0.0 => Some(100.0 * a / b),
                (Some(_), Some(b)) => {
                    zero_base += (b == 0.0) as usize;
                    None
                }
                _ => None,
            },
            // (Means take the lists of rows: never summed in one pass.)
            Method::Mean => rows.and_then(|g| {
                g.iter()
                    .map(|&i| number_at(y, i))
                    .collect::<Option<Vec<f64>>>()
                    .filter(|v| !v.is_empty())
                    .map(|v| v.iter().sum::<f64>() / v.len() as f64)
            }),
            Method::Weighted => rows.and_then(|g| {
                let nj = n.unwrap_or(y);
                let pairs: Option<Vec<(f64, f64)>> = g
                    .iter()
                    .map(|&i| number_at(y, i).zip(number_at(nj, i)))
                    .collect();
                pairs.and_then(|p| {
                    let w: f64 = p.iter().map(|(_, w)| w).sum();
                    zero_base += (w == 0.0) as usize;
                    (w > 0.0).then(|| p.iter().map(|(v, w)| v * w).sum::<f64>() / w)
                })
            }),
        };
        unknown += value.is_none() as usize;
        for (j, col) in columns.iter_mut().enumerate() {
            let v = if j == y {
                value.map(Value::Number).unwrap_or(Value::Missing)
            } else if Some(j) == per || Some(j) == n {
                total(j).map(Value::Number).unwrap_or(Value::Missing)
            } else if keys.contains(&j) || one_cell(j) {
                f.value(j, first).to_value()
            } else {
                Value::Missing
            };
            col.push(v);
        }
    }
    let mut roles = f.roles.clone();
    if method == Method::Ratio {
        if let Some(r) = roles.columns.get_mut(y) {
            r.role = Role::Percent;
            r.group = Role::Percent.group();
            r.label = Role::Percent.label_in(lang);
            r.distribution_over = None;
        }
    }
    let n_name = n.map(|j| f.name(j).to_string());
    let per_name = per.map(|j| f.name(j).to_string());
    let over_text = if over.is_empty() {
        None
    } else {
        Some(columns_and(&over, lang))
    };
    // " over gemeente en leeftijd", or nothing when no dimension varied.
    let over_part = |word: &str| {
        over_text
            .as_ref()
            .map(|o| format!("{word} {o}"))
            .unwrap_or_default()
    };
    let per_text = per_name.clone().unwrap_or_default();
    let n_text = n_name.clone().unwrap_or_default();
    let mut note = match (method, lang) {
        (Method::Sum, Lang::Nl) => format!("Opgeteld{}", over_part(" over")),
        (Method::Sum, Lang::En) => format!("Summed{}", over_part(" over")),
        (Method::Ratio, Lang::Nl) => format!(
            "100 × som van {y_name} / som van {per_text}{}",
            over_part(", opgeteld over")
        ),
        (Method::Ratio, Lang::En) => format!(
            "100 × sum of {y_name} / sum of {per_text}{}",
            over_part(", summed over")
        ),
        (Method::Weighted, Lang::Nl) => {
            format!("Gemiddelde gewogen met {n_text}{}", over_part(" over"))
        }
        (Method::Weighted, Lang::En) => {
            format!("Mean weighted by {n_text}{}", over_part(" over"))
        }
        (Method::Mean, Lang::Nl) => {
            format!("Ongewogen gemiddelde{} (agg=mean)", over_part(" over"))
        }
        (Method::Mean, Lang::En) => format!("Unweighted mean{} (agg=mean)", over_part(" over")),
    };
    let (row, rows, point, points) = match lang {
        Lang::Nl => ("rij", "rijen", "punt", "punten"),
        Lang::En => ("row", "rows", "point", "points"),
    };
    note.push_str(&format!(
        ": {} {} -> {} {}",
        number(rows_in as f64, 0, lang),
        if rows_in == 1 { row } else { rows },
        number(n_points as f64, 0, lang),
        if n_points == 1 { point } else { points }
    ));
    // Rows no column tells apart: the first two named, so a row there twice is seen.
    if let Some(a) = alike {
        let key = |i: usize| keys.iter().map(|&j| f.value(j, i)).collect::<Vec<_>>();
        let b = f.rows.iter().copied().find(|&i| i > a && key(i) == key(a));
        if let Some(b) = b {
            let (a, b) = (table.row_shown(a), table.row_shown(b));
            note.push_str(&match lang {
                Lang::Nl => format!(
                    "; rij {a} en rij {b} vallen op één punt en geen categoriekolom onderscheidt ze: staat er een rij dubbel in?"
                ),
                Lang::En => format!(
                    "; rows {a} and {b} fall on one point and no category column tells them apart: is a row in it twice?"
                ),
            });
        }
    }
    // Nothing summed when each point kept one row (a total row, or the latest period); a mean
    // asked for where each point is one row is said as such, not as a mean.
    let mut notes = if combined || per.is_some() {
        vec![note]
    } else if let Some(a) = agg {
        // (agg=sum or agg=mean, as asked.)
        let (key, nl, en) = match a {
            Agg::Sum => ("sum", "op te tellen", "to add up"),
            Agg::Mean => ("mean", "te middelen", "to average"),
        };
        vec![match lang {
            Lang::Nl => format!(
                "agg={key}: elk punt is één rij ({} {rows}), er valt niets {nl}",
                number(n_points as f64, 0, lang)
            ),
            Lang::En => format!(
                "agg={key}: each point is one row ({} {rows}), there is nothing {en}",
                number(n_points as f64, 0, lang)
            ),
        }]
    } else {
        Vec::new()
    };
    if let Some(l) = &latest {
        notes.push(match lang {
            Lang::Nl => format!(
                "Alleen de laatste periode ({l}): standen tellen niet op over de tijd; kies een andere met filter=."
            ),
            Lang::En => format!(
                "Only the latest period ({l}): stocks do not add up over time; choose another with filter=."
            ),
        });
    }
    // The total rows, by what was done with them.
    for (list, nl, en) in [
        (
            &totals,
            "Totaalrijen gebruikt in plaats van hun delen (niet dubbel geteld)",
            "Total rows used instead of their parts (not counted twice)",
        ),
        (
            &unused_totals,
            "Totaalrijen niet gebruikt, want ze tellen ook wat het filter weglaat; de overige delen opgeteld",
            "Total rows not used, as they also count what the filter leaves out; the other parts summed",
        ),
        (
            &not_averaged,
            "Totaalrijen niet meegeteld: het gemiddelde is dat van hun delen",
            "Total rows not counted: the mean is that of their parts",
        ),
    ] {
        if !list.is_empty() {
            let said = t(lang, nl, en);
            notes.push(format!("{said}: {}.", crate::format::first_ten(list, lang)));
        }
    }
    if !parts_left.is_empty() {
        notes.push(match lang {
            Lang::Nl => format!(
                "Niet opgeteld, want deel van de Participatiewet (niet dubbel geteld): {}.",
                parts_left.join(", ")
            ),
            Lang::En => format!(
                "Not added, as part of the Participatiewet (not counted twice): {}.",
                parts_left.join(", ")
            ),
        });
    }
    if zero_base > 0 {
        let base = if method == Method::Ratio {
            &per_text
        } else {
            &n_text
        };
        notes.push(match lang {
            Lang::Nl => format!(
                "{zero_base} punt(en) zonder waarde: '{base}' telt daar op tot 0 (delen door nul)."
            ),
            Lang::En => format!(
                "{zero_base} point(s) without a value: '{base}' adds up to 0 there (division by zero)."
            ),
        });
    }
    let unknown = unknown - zero_base;
    if unknown > 0 {
        notes.push(match lang {
            Lang::Nl => {
                format!("{unknown} punt(en) onbekend: een deel van de rijen is leeg of geheim.")
            }
            Lang::En => {
                format!("{unknown} point(s) unknown: part of the rows is empty or suppressed.")
            }
        });
    }
    let aggregation = Aggregation {
        over,
        rows: rows_in,
        points: n_points,
        method: method.key(),
        weight: if method == Method::Weighted {
            n_name
        } else {
            None
        },
        per: per_name,
        totals,
        latest,
        unweighted: method == Method::Mean,
        notes,
    };
    let table = Table {
        source: table.source.clone(),
        columns,
        row_numbers,
        detected: table.detected.clone(),
        #[cfg(feature = "full")]
        totals: Vec::new(),
    };
    Ok(Some(Combined {
        table,
        roles,
        aggregation,
        lang,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(t: &Table) -> Frame<'_> {
        Frame::new(t, &[], &[], Lang::Nl).unwrap()
    }

    fn table(csv: &str) -> Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    /// The columns summed over, as the note says them: all of a few, ten of thousands.
    #[test]
    fn columns_summed_over_are_named_up_to_ten() {
        let names = |n: usize| (1..=n).map(|k| format!("k{k}")).collect::<Vec<_>>();
        assert_eq!(columns_and(&names(1), Lang::Nl), "k1");
        assert_eq!(columns_and(&names(3), Lang::Nl), "k1, k2 en k3");
        assert_eq!(
            columns_and(&names(10), Lang::En),
            "k1, k2, k3, k4, k5, k6, k7, k8, k9 and k10"
        );
        assert_eq!(
            columns_and(&names(2000), Lang::Nl),
            "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10 en 1.990 andere kolommen"
        );
        assert_eq!(
            columns_and(&names(12), Lang::En),
            "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10 and 2 other columns"
        );
    }

    fn ys(c: &Combined, y: usize) -> Vec<Option<f64>> {
        c.table.columns[y].iter().map(|v| v.as_number()).collect()
    }

    #[test]
    fn counts_are_summed_and_a_suppressed_cell_is_unknown() {
        let t = table("regio,gemeente,werkzaam\nA,a1,10\nA,a2,5\nB,b1,7\nB,b2,.\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(15.0), None]);
        assert_eq!(c.aggregation.over, ["gemeente"]);
        assert_eq!((c.aggregation.rows, c.aggregation.points), (4, 2));
        assert!(c.aggregation.notes[0].starts_with("Opgeteld over gemeente: 4 rijen -> 2 punten"));
        // One row per point: nothing to do.
        assert!(combine(&f, &[0, 1], 2, None, None, None).unwrap().is_none());
    }

    #[test]
    fn parts_of_the_participatiewet_are_not_added_to_it() {
        let t = table("regio,doelgroep,werkzaam\nA,Wajong,10\nA,Participatiewet,5\nA,Praktijkroute,2\nA,Participatiewet overig,3\nB,Wajong,7\nB,Praktijkroute,1\nB,P-wet overig,4\n");
        let c = combine(&frame(&t), &[0], 2, None, None, None)
            .unwrap()
            .unwrap();
        // A has the Participatiewet row: its parts are in it. B has only the parts: added up.
        assert_eq!(ys(&c, 2), vec![Some(15.0), Some(12.0)]);
        assert!(
            c.aggregation.notes.iter().any(|n| n
                == "Niet opgeteld, want deel van de Participatiewet (niet dubbel geteld): doelgroep = Praktijkroute, doelgroep = Participatiewet overig."),
            "{:?}",
            c.aggregation.notes
        );
    }

    /// `a`'s points are `b`'s first ones, column by column, combined over the same columns.
    fn assert_same_points(a: &Combined, b: &Combined, what: &str) {
        let n = a.aggregation.points;
        for (ca, cb) in a.table.columns.iter().zip(&b.table.columns) {
            let va: Vec<Value> = ca.iter().map(|c| c.to_value()).collect();
            let vb: Vec<Value> = cb.iter().take(n).map(|c| c.to_value()).collect();
            assert_eq!(va, vb, "{} ({what})", ca.name);
        }
        assert_eq!(a.aggregation.over, b.aggregation.over, "{what}");
    }

    #[test]
    fn points_summed_in_one_pass_equal_points_from_lists_of_rows() {
        // The same rows keyed by texts (summed in one pass) and with a number among the keys
        // (lists of rows per point): every column of every point alike, for a sum and a ratio
        // of sums, with a suppressed cell, a column of one value in some points and not in
        // others, and one that varies in every point.
        let rows = "regio,jaar,gemeente,bron,werkzaam,personen\nB,x,b1,CBS,1,10\nA,x,a1,CBS,2,20\nB,x,b2,CBS,4,.\nA,x,a2,UWV,8,40\nB,y,b1,CBS,16,80\nB,y,b2,CBS,32,90\n";
        let text = table(rows);
        let mixed = table(&format!("{rows}7,x,c1,CBS,64,100\n"));
        assert!(!text.columns[0].has_number() && mixed.columns[0].has_number());
        for per in [None, Some(5)] {
            let a = combine(&frame(&text), &[0, 1], 4, per, None, None)
                .unwrap()
                .unwrap();
            let b = combine(&frame(&mixed), &[0, 1], 4, per, None, None)
                .unwrap()
                .unwrap();
            assert_eq!(a.aggregation.points, 3);
            assert_eq!(b.aggregation.points, 4);
            assert_same_points(&a, &b, &format!("per {per:?}"));
            let numbers = |c: &Combined| (0..3).map(|i| c.table.row_number(i)).collect::<Vec<_>>();
            assert_eq!(numbers(&a), numbers(&b));
        }
        let sums = combine(&frame(&text), &[0, 1], 4, None, None, None)
            .unwrap()
            .unwrap();
        assert_eq!(ys(&sums, 4), vec![Some(5.0), Some(10.0), Some(48.0)]);
        let ratios = combine(&frame(&text), &[0, 1], 4, Some(5), None, None)
            .unwrap()
            .unwrap();
        assert_eq!(
            ys(&ratios, 4),
            vec![None, Some(100.0 * 10.0 / 60.0), Some(100.0 * 48.0 / 170.0)]
        );
        assert_eq!(ys(&ratios, 5), vec![None, Some(60.0), Some(170.0)]);
        // `bron` is one value in (B, x) and (B, y), two in (A, x).
        assert_eq!(
            sums.table.columns[3]
                .iter()
                .map(|c| c.to_value())
                .collect::<Vec<_>>(),
            vec![
                Value::Text("CBS".into()),
                Value::Missing,
                Value::Text("CBS".into())
            ]
        );
        assert_eq!(sums.aggregation.over, ["gemeente", "bron"]);
    }

    #[test]
    fn points_summed_in_runs_equal_points_summed_row_by_row() {
        // Rows grouped by their point (runs, summed as slices of whole numbers), a point coming
        // back after another, a missing count inside a run, a gemeente that differs within a
        // run and not in another; the same table with a number among the keys (lists of rows
        // per point) and with a decimal count (its runs summed row by row): the same points,
        // sums and columns.
        let rows = "regio,jaar,gemeente,werkzaam,personen\nA,x,a1,1,10\nA,x,a2,2,20\nA,x,a3,4,30\nB,x,b1,8,40\nB,x,b1,16,.\nB,x,b1,32,50\nA,x,a4,64,60\nA,y,a1,128,70\n";
        let runs = table(rows);
        let lists = table(&format!("{rows}7,z,c1,256,80\n"));
        let decimal = table(&format!("{rows}C,z,c1,0.5,80\n"));
        assert!(runs.columns[3].whole_numbers().is_some());
        assert!(decimal.columns[3].whole_numbers().is_none());
        for per in [None, Some(4)] {
            // (A decimal makes werkzaam no count: summed as asked.)
            let agg = per.is_none().then_some(Agg::Sum);
            let of = |t: &Table| {
                combine(&frame(t), &[0, 1], 3, per, None, agg)
                    .unwrap()
                    .unwrap()
            };
            let (a, b, c) = (of(&runs), of(&lists), of(&decimal));
            assert_eq!(a.aggregation.points, 3);
            for other in [&b, &c] {
                assert_same_points(&a, other, &format!("per {per:?}"));
                assert_eq!(a.aggregation.rows, other.aggregation.rows - 1);
            }
        }
        let sums = combine(&frame(&runs), &[0, 1], 3, None, None, None)
            .unwrap()
            .unwrap();
        assert_eq!(ys(&sums, 3), vec![Some(71.0), Some(56.0), Some(128.0)]);
        let ratios = combine(&frame(&runs), &[0, 1], 3, Some(4), None, None)
            .unwrap()
            .unwrap();
        assert_eq!(ys(&ratios, 4), vec![Some(120.0), None, Some(70.0)]);
        // gemeente: four in (A, x), one in (B, x) and (A, y).
        assert_eq!(
            sums.table.columns[2]
                .iter()
                .map(|c| c.to_value())
                .collect::<Vec<_>>(),
            vec![
                Value::Missing,
                Value::Text("b1".into()),
                Value::Text("a1".into())
            ]
        );
    }

    #[test]
    fn points_by_codes_equal_points_by_hashing() {
        // Text keys (points numbered from the codes, a missing cell its own point) and the same
        // table with a number among the keys (points by hashing): the same sums in the same order.
        let text = table("regio,kwartaal,werkzaam\nB,2019K1,1\nA,2019K1,2\n,2019K1,4\nB,2019K1,8\nA,2019K2,16\n,2019K1,32\n");
        let mixed = table("regio,kwartaal,werkzaam\nB,2019K1,1\nA,2019K1,2\n,2019K1,4\nB,2019K1,8\nA,2019K2,16\n,2019K1,32\n7,2019K3,64\n");
        assert!(!text.columns[0].has_number() && mixed.columns[0].has_number());
        let a = combine(&frame(&text), &[0, 1], 2, None, None, None)
            .unwrap()
            .unwrap();
        let b = combine(&frame(&mixed), &[0, 1], 2, None, None, None)
            .unwrap()
            .unwrap();
        assert_eq!(
            ys(&a, 2),
            vec![Some(9.0), Some(2.0), Some(36.0), Some(16.0)]
        );
        assert_eq!(ys(&b, 2)[..4], ys(&a, 2)[..]);
        let names = |c: &Combined| {
            c.table.columns[0]
                .iter()
                .map(|v| v.as_text())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&b)[..4], names(&a)[..]);
    }

    #[test]
    fn ratios_of_sums_weighted_means_and_the_refusal_without_n() {
        let t =
            table("regio,gemeente,werkzaam,personen,aandeel_pct\nA,a1,10,20,50\nA,a2,30,40,75\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, Some(3), None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(100.0 * 40.0 / 60.0)]);
        assert_eq!(c.roles.columns[2].role, Role::Percent);
        // The n-weighted mean of the percentages: (50*20 + 75*40) / 60.
        let c = combine(&f, &[0], 4, None, Some(3), None).unwrap().unwrap();
        assert_eq!(ys(&c, 4), vec![Some((50.0 * 20.0 + 75.0 * 40.0) / 60.0)]);
        assert_eq!(c.aggregation.weight.as_deref(), Some("personen"));
        let e = combine(&f, &[0], 4, None, None, None).err().unwrap();
        assert!(
            e.message.contains("percentage") && e.message.contains("(n)"),
            "{}",
            e.message
        );
        assert!(e.message.contains("gemeente"), "{}", e.message);
        let c = combine(&f, &[0], 4, None, None, Some(Agg::Mean))
            .unwrap()
            .unwrap();
        assert_eq!(ys(&c, 4), vec![Some(62.5)]);
        assert!(c.aggregation.unweighted);
    }

    #[test]
    fn notes_and_refusals_are_written_in_the_frames_language() {
        let t = table(
            "regio,gemeente,leeftijd,werkzaam,aandeel_pct\nA,a1,j,1000,50\nA,a2,o,2000,75\nB,b1,j,7,1\nB,b2,o,.,2\n",
        );
        let en = Frame::new(&t, &[], &[], Lang::En).unwrap();
        let c = combine(&en, &[0], 3, None, None, None).unwrap().unwrap();
        assert_eq!(
            c.aggregation.notes,
            [
                "Summed over gemeente and leeftijd: 4 rows -> 2 points",
                "1 point(s) unknown: part of the rows is empty or suppressed."
            ]
        );
        let e = combine(&en, &[0], 4, Some(3), None, None).err().unwrap();
        assert!(
            e.message
                .starts_with("'aandeel_pct' is a percentage: per= divides the sums of two counts"),
            "{}",
            e.message
        );
        // (A ratio of y to itself, 100 everywhere, is refused.)
        let e = combine(&en, &[0], 3, Some(3), None, None).err().unwrap();
        assert!(
            e.message
                .starts_with("per=werkzaam: 'werkzaam' is y= as well"),
            "{}",
            e.message
        );
        let e = combine(&en, &[0], 4, None, None, None).err().unwrap();
        assert!(
            e.message.starts_with(
                "'aandeel_pct' is a percentage: combining rows over gemeente and leeftijd is only possible weighted"
            ),
            "{}",
            e.message
        );
        let nl = frame(&t);
        let c = combine(&nl, &[0], 3, None, None, None).unwrap().unwrap();
        assert_eq!(
            c.aggregation.notes[0],
            "Opgeteld over gemeente en leeftijd: 4 rijen -> 2 punten"
        );
        let e = combine(&nl, &[0], 4, None, None, None).err().unwrap();
        assert!(
            e.message.starts_with(
                "'aandeel_pct' is een percentage: rijen samenvoegen over gemeente en leeftijd kan alleen gewogen"
            ),
            "{}",
            e.message
        );
    }

    #[test]
    fn total_rows_are_used_instead_of_their_parts() {
        let t = table("regio,gemeente,werkzaam\nA,a1,10\nA,a2,5\nA,Totaal,15\nB,b1,7\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(15.0), Some(7.0)]);
        assert_eq!(c.aggregation.totals, ["gemeente = Totaal"]);
    }

    /// Rows that no category column tells apart are summed, and the note names the first two.
    #[test]
    fn rows_no_column_tells_apart_are_named() {
        let t = table("regio,groep,aantal\nA,x1,5\nB,x1,3\nA,x1,5\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(10.0), Some(3.0)]);
        assert_eq!(
            c.aggregation.notes[0],
            "Opgeteld: 3 rijen -> 2 punten; rij 2 en rij 4 vallen op één punt en geen categoriekolom onderscheidt ze: staat er een rij dubbel in?"
        );
        // Rows told apart by a column summed over: no such words.
        let t = table("regio,gemeente,aantal\nA,a1,5\nA,a2,5\n");
        let c = combine(&frame(&t), &[0], 2, None, None, None)
            .unwrap()
            .unwrap();
        assert!(
            !c.aggregation.notes[0].contains("dubbel"),
            "{:?}",
            c.aggregation.notes
        );
    }

    /// A band that holds the column's other bands (`15 jaar en ouder` beside `15-26` and `27 en
    /// ouder`) is their total, though no word names it: used, never added to them.
    #[cfg(feature = "full")]
    #[test]
    fn the_band_that_holds_the_others_is_used_instead_of_them() {
        let t = table(
            "gemeente,leeftijd,aantal\nAa,15-26,10\nAa,27 en ouder,20\nAa,15 jaar en ouder,30\n\
             Ab,15-26,5\nAb,27 en ouder,7\nAb,15 jaar en ouder,12\n",
        );
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(30.0), Some(12.0)]);
        assert_eq!(c.aggregation.totals, ["leeftijd = 15 jaar en ouder"]);
        let roles = crate::data::Roles::detect(&t);
        assert!(totals_note(&t, &roles, Lang::Nl)
            .is_some_and(|n| n.starts_with("Totaalrijen herkend: leeftijd = 15 jaar en ouder")));
    }

    #[test]
    fn totals_are_named_for_the_file_line() {
        let t = table("subgroep,leeftijd,n\nTotaal,Alle leeftijden,3\nWajong,<27,1\nWsw,<27,2\n");
        let roles = crate::data::Roles::detect(&t);
        assert_eq!(
            totals_note(&t, &roles, Lang::Nl).unwrap(),
            "Totaalrijen herkend: subgroep = Totaal; leeftijd = Alle leeftijden (gebruikt als totaal, nooit opgeteld bij de delen)"
        );
        assert_eq!(
            totals_note(&t, &roles, Lang::En).unwrap(),
            "Total rows recognised: subgroep = Totaal; leeftijd = Alle leeftijden (used as the total, never added to the parts)"
        );
        let t = table("a,n\nx,1\ny,2\n");
        assert_eq!(
            totals_note(&t, &crate::data::Roles::detect(&t), Lang::Nl),
            None
        );
    }

    #[test]
    fn stocks_are_not_summed_over_time() {
        let t = table("regio,jaar,werkzaam\nA,2018,10\nA,2019,12\nB,2018,7\nB,2019,8\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(12.0), Some(8.0)]);
        assert_eq!(c.aggregation.latest.as_deref(), Some("jaar = 2019"));
    }
}
