//! The rows a tidy view works on: the table with its roles, after `filter=`, with helpers to
//! resolve column names (errors list the available columns), read cells, and split into facets.
//! Also the JSON shapes every tidy view shares (`series` of `{name, points: [{x, y}]}`).

use super::roles::{cell_key, time_position};
use crate::data::tidy::*;
use crate::data::Roles;
use crate::error::{Error, ErrorKind, Result};
use crate::format::{t, Lang};
use crate::spec::tidy::RowFilter;
use crate::spec::Role;
use crate::table::{Cell, Table};

/// The refusal of a facet= that takes the one column `key`= could be.
pub fn facet_took(f: &Frame, facet: &str, key: &str) -> Error {
    Error::view(match f.lang {
        Lang::Nl => format!(
            "facet={facet} neemt de enige kolom die {key}= kan zijn. Laat facet= weg of kies er \
             een andere kolom voor."
        ),
        Lang::En => format!(
            "facet={facet} takes the one column that could be {key}=. Leave facet= out or \
             choose another column for it."
        ),
    })
}

/// At most this many panels in one chart (small multiples of the 35 labour-market regions fit).
pub const MAX_PANELS: usize = 40;

/// Bars over a time column ([`Frame::period_bars`]): the rows when some are left out, each
/// period's text in the file with its label (`2019KW01`, `2019 K1`), and the notes.
#[cfg(feature = "full")]
pub struct PeriodBars<'a> {
    frame: Option<Frame<'a>>,
    pub labels: Vec<(String, String)>,
    pub notes: Vec<String>,
}

#[cfg(feature = "full")]
impl<'a> PeriodBars<'a> {
    /// The frame to draw from: the rows left, else `all`.
    pub fn frame<'s>(&'s self, all: &'s Frame<'a>) -> &'s Frame<'a> {
        self.frame.as_ref().unwrap_or(all)
    }
}

/// Writes a period's label in place of its text in the file (see [`Frame::period_bars`]).
#[cfg(feature = "full")]
pub fn relabel(labels: &[(String, String)], text: &mut String) {
    if let Some((_, l)) = labels.iter().find(|(k, _)| k == text) {
        *text = l.clone();
    }
}

/// [`relabel`] for the x of every point of `series`.
#[cfg(feature = "full")]
pub fn relabel_points(labels: &[(String, String)], series: &mut [crate::data::tidy::Series]) {
    for p in series.iter_mut().flat_map(|s| s.points.iter_mut()) {
        if let Some(x) = p.x.as_str() {
            let mut x = x.to_string();
            relabel(labels, &mut x);
            p.x = serde_json::json!(x);
        }
    }
}

pub struct Frame<'a> {
    pub table: &'a Table,
    pub roles: Roles,
    /// Row indices kept after `filter=`.
    pub rows: Vec<usize>,
    /// The columns `filter=` kept some parts of and left others out of (`doelgroep:!Wajong`):
    /// their total rows (`Totaal`) still count the parts left out, so a view that adds up over
    /// them sums the parts kept.
    pub partial: Vec<usize>,
    /// The language of the views' texts: notes, labels and errors.
    pub lang: Lang,
}

/// A value the file has that is one letter off what was written (two in a long name), or that
/// differs only in case or accents: `Twent` or `twente` for `Twente`. Names only: `16-26` is no
/// misspelling of `15-26`. (Full core: the first core draws no table views.)
pub fn near_value<'v>(written: &str, values: &'v [String]) -> Option<&'v String> {
    #[cfg(feature = "full")]
    {
        use crate::geo::names::{edits, fold};
        let f = fold(written);
        let n = f.chars().count();
        let most = if n >= 12 { 2 } else { 1 };
        (f.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .then(|| values.iter().find(|v| edits(&f, &fold(v)) <= most))
            .flatten()
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = (written, values);
        None
    }
}

/// The error for `filter=groep:A: een`, read as column `groep:A` (a column name may hold a colon,
/// the values follow the last one): when a column `groep` is there, it says to put the value
/// between quotes, with the value as the file has it (`filter=groep:"A: een"`).
#[cfg(feature = "full")]
fn colon_in_value(table: &Table, col: &str, wanted: &[String], lang: Lang) -> Option<Error> {
    let (j, rest) = table.columns.iter().enumerate().find_map(|(j, c)| {
        col.strip_prefix(c.name.as_str())
            .and_then(|r| r.strip_prefix(':'))
            .map(|r| (j, r))
    })?;
    let name = &table.columns[j].name;
    let value = table.columns[j]
        .dictionary()
        .iter()
        .map(|t| t.to_string())
        .find(|t| {
            t.strip_prefix(rest)
                .and_then(|r| r.trim_start().strip_prefix(':'))
                .is_some_and(|r| wanted.iter().any(|w| r.trim() == w.trim()))
        })
        .unwrap_or_else(|| format!("{rest}:{}", wanted.first().map_or("", |w| w.as_str())));
    let quoted = crate::spec::tidy::filter_query(&[RowFilter {
        column: name.clone(),
        values: vec![value],
        exclude: false,
    }]);
    Some(
        Error::view(match lang {
            Lang::Nl => format!(
                "'filter={col}:...' leest '{col}' als kolom: een waarde met een dubbele punt hoort tussen aanhalingstekens: filter={quoted}."
            ),
            Lang::En => format!(
                "'filter={col}:...' reads '{col}' as a column: a value holding a colon goes between quotes: filter={quoted}."
            ),
        })
        .at(crate::error::Location::file(&table.source)),
    )
}

#[cfg(not(feature = "full"))]
fn colon_in_value(_: &Table, _: &str, _: &[String], _: Lang) -> Option<Error> {
    None
}

/// " Bedoelt u 'Twente'?" after an error naming a value that is not there, when one is near.
pub fn did_you_mean(near: Option<&String>, lang: Lang) -> String {
    match (near, lang) {
        (Some(v), Lang::Nl) => format!(" Bedoelt u '{v}'?"),
        (Some(v), Lang::En) => format!(" Did you mean '{v}'?"),
        (None, _) => String::new(),
    }
}

impl<'a> Frame<'a> {
    pub fn new(
        table: &'a Table,
        overrides: &[(String, Role)],
        filter: &[RowFilter],
        lang: Lang,
    ) -> Result<Frame<'a>> {
        let roles = Roles::with_overrides(table, overrides, lang)?;
        Frame::with_roles(table, roles, filter, lang)
    }

    /// [`Frame::new`] with roles detected before (a dataset detects them once, not per view).
    pub fn with_roles(
        table: &'a Table,
        roles: Roles,
        filter: &[RowFilter],
        lang: Lang,
    ) -> Result<Frame<'a>> {
        #[allow(unused_mut)]
        let mut rows: Vec<usize> = (0..table.len()).collect();
        #[allow(unused_mut)]
        let mut partial: Vec<usize> = Vec::new();
        // The page's first core draws no table views: it never filters rows.
        #[cfg(not(feature = "full"))]
        let _ = filter;
        #[cfg(feature = "full")]
        for RowFilter {
            column: col,
            values: wanted,
            exclude,
        } in filter
        {
            let j = table.column_index(col).ok_or_else(|| {
                colon_in_value(table, col, wanted, lang)
                    .unwrap_or_else(|| super::roles::unknown_column(table, "filter", col, lang))
            })?;
            let before = rows.len();
            // A period matches however it is written (`2019K1` finds `2019KW01`).
            let periods: Vec<crate::spec::Period> = wanted
                .iter()
                .filter_map(|w| crate::spec::Period::parse(w))
                .collect();
            let Some(c) = table.columns.get(j) else {
                continue;
            };
            let matches = |v: Cell| {
                let k = cell_key(v);
                wanted
                    .iter()
                    .any(|w| k == *w || (v.is_missing() && w == UNKNOWN))
                    || (!periods.is_empty()
                        && matches!(v, Cell::Text(_))
                        && crate::spec::Period::parse(&k).is_some_and(|p| periods.contains(&p)))
            };
            // Texts are decided once per distinct value, by dictionary code.
            let by_code: Vec<bool> = c
                .dictionary()
                .iter()
                .map(|t| matches(Cell::Text(t)) != *exclude)
                .collect();
            // Some parts kept and some left out (`doelgroep:!Wajong`, or `Totaal|Wsw` as the
            // page's list writes it when most are left out): a total kept still counts the
            // parts left out, so a view that sums over this column adds up the parts kept.
            let totals = super::aggregate::total_codes(table, j);
            let dict = c.dictionary();
            let some = |kept: bool| {
                (0..totals.len())
                    .any(|k| by_code.get(k).copied().unwrap_or(false) == kept && !totals[k])
            };
            if some(true) && some(false) && !partial.contains(&j) {
                partial.push(j);
            }
            rows.retain(|&i| match c.code(i) {
                Some(k) => by_code.get(k as usize).copied().unwrap_or(false),
                None => matches(c.get(i)) != *exclude,
            });
            // Every value asked for is in the column: one that no row has (a typo, or a `+` the
            // view description reads as a space) is an error, also beside values that are
            // found, so that the rows of the others are never shown as if all were.
            let none_left = rows.is_empty() && before > 0;
            let absent: Vec<&String> = if none_left {
                wanted.iter().collect()
            } else {
                wanted
                    .iter()
                    .filter(|w| {
                        let p = crate::spec::Period::parse(w);
                        let one = |v: Cell| {
                            let k = cell_key(v);
                            k == **w
                                || (v.is_missing() && *w == UNKNOWN)
                                || (p.is_some()
                                    && matches!(v, Cell::Text(_))
                                    && crate::spec::Period::parse(&k) == p)
                        };
                        !(dict.iter().any(|t| one(Cell::Text(t)))
                            || (0..table.len()).any(|i| c.code(i).is_none() && one(c.get(i))))
                    })
                    .collect()
            };
            if !absent.is_empty() {
                let want =
                    absent
                        .iter()
                        .map(|w| w.as_str())
                        .collect::<Vec<_>>()
                        .join(if *exclude {
                            t(lang, "' en '", "' and '")
                        } else {
                            t(lang, "' of '", "' or '")
                        });
                let is = match (exclude, lang) {
                    (false, _) => "=",
                    (true, Lang::Nl) => "anders dan",
                    (true, Lang::En) => "other than",
                };
                let f = Frame {
                    table,
                    roles: Roles::detect(table),
                    rows: (0..table.len()).collect(),
                    partial: Vec::new(),
                    lang,
                };
                let values = f.distinct(j);
                // A value the file has with a `+` where the description has a space (`67+` read
                // as `67 `, then trimmed).
                let plus = absent.iter().find_map(|w| {
                    values
                        .iter()
                        .find(|v| v.contains('+') && v.replace('+', " ").trim() == w.as_str())
                });
                // A value the file has that is one letter off (two in a long name), when the
                // description has none with a `+`: `Twent` for `Twente`. Names only: `16-26`
                // is no misspelling of `15-26`.
                let near: Option<&String> = absent.iter().find_map(|w| near_value(w, &values));
                let values = values.join(", ");
                let what = match (none_left, lang) {
                    (true, Lang::Nl) => format!("Geen rijen met {col} {is} '{want}'"),
                    (true, Lang::En) => format!("No rows with {col} {is} '{want}'"),
                    (false, Lang::Nl) => {
                        format!("'{want}' komt niet voor in '{col}' (filter={col}:...)")
                    }
                    (false, Lang::En) => {
                        format!("'{want}' does not occur in '{col}' (filter={col}:...)")
                    }
                };
                let hint = match (&plus, lang) {
                    (Some(w), Lang::Nl) => format!(
                        " Een + in een weergave is een spatie: schrijf %2B voor een + ('{}').",
                        w.replace('+', "%2B")
                    ),
                    (Some(w), Lang::En) => format!(
                        " A + in a view description is a space: write %2B for a + ('{}').",
                        w.replace('+', "%2B")
                    ),
                    (None, _) => did_you_mean(near, lang),
                };
                return Err(Error::not_available(match lang {
                    Lang::Nl => format!("{what}. Waarden in '{col}': {values}.{hint}"),
                    Lang::En => format!("{what}. Values in '{col}': {values}.{hint}"),
                }));
            }
        }
        Ok(Frame {
            table,
            roles,
            rows,
            partial,
            lang,
        })
    }

    /// The index of a named column; `key` is the view description key, for the error.
    pub fn col(&self, key: &str, name: &str) -> Result<usize> {
        self.table
            .column_index(name)
            .ok_or_else(|| super::roles::unknown_column(self.table, key, name, self.lang))
    }

    pub fn name(&self, j: usize) -> &str {
        self.table
            .columns
            .get(j)
            .map(|c| c.name.as_str())
            .unwrap_or("")
    }

    pub fn role(&self, j: usize) -> Option<Role> {
        self.roles.columns.get(j).map(|c| c.role)
    }

    pub fn value(&self, j: usize, i: usize) -> Cell<'a> {
        self.table
            .columns
            .get(j)
            .map_or(Cell::Missing, |c| c.get(i))
    }

    /// A cell as a category label; missing cells are "onbekend".
    pub fn text(&self, j: usize, i: usize) -> String {
        match self.value(j, i) {
            Cell::Missing => UNKNOWN.to_string(),
            v => cell_key(v),
        }
    }

    pub fn number(&self, j: usize, i: usize) -> Option<f64> {
        self.value(j, i).as_number()
    }

    /// The kept rows, in order, that can hold a value of column `j` not seen before: for a
    /// column of texts (two-byte codes) the first row of each code and the first missing cell,
    /// found in one scan of the codes that stops once every text was seen; else every kept row.
    fn first_rows(&self, j: usize) -> std::borrow::Cow<'_, [usize]> {
        use crate::table::column::{slot, NO_SHORT_CODE};
        let Some((codes, dict)) = self
            .table
            .columns
            .get(j)
            .and_then(|c| Some((c.short_codes()?, c.dictionary().len())))
        else {
            return std::borrow::Cow::Borrowed(&self.rows);
        };
        let is_missing = |i: usize| codes.get(i).is_none_or(|&k| k == NO_SHORT_CODE);
        // Seen per code, the last entry for a missing cell.
        let mut seen = vec![false; dict + 1];
        let (mut texts_left, mut out) = (dict, Vec::new());
        for (at, &i) in self.rows.iter().enumerate() {
            let k = codes.get(i).map_or(dict, |&k| slot(k, dict));
            let Some(s) = seen.get_mut(k).filter(|s| !**s) else {
                continue;
            };
            *s = true;
            out.push(i);
            if k < dict {
                texts_left -= 1;
            }
            if texts_left == 0 {
                // Every text seen: only a first missing cell can be new.
                // (The roles, detected on this table, counted its missing cells.)
                let none_missing = self.roles.columns.get(j).is_some_and(|r| {
                    r.missing == 0
                        && self
                            .table
                            .columns
                            .get(j)
                            .is_some_and(|c| c.name == r.column)
                });
                let first_missing =
                    if seen[dict] || (none_missing && self.rows.len() == codes.len()) {
                        None
                    } else if self.rows.len() == codes.len() {
                        // Every row (kept rows are in table order): the codes where they lie.
                        let from = i + 1;
                        codes[from..]
                            .iter()
                            .position(|&k| k == NO_SHORT_CODE)
                            .map(|p| from + p)
                    } else {
                        self.rows[at + 1..].iter().copied().find(|&r| is_missing(r))
                    };
                out.extend(first_missing);
                break;
            }
        }
        std::borrow::Cow::Owned(out)
    }

    /// Distinct labels of a column over the kept rows, in order of first appearance.
    pub fn distinct(&self, j: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let col = self.table.columns.get(j);
        let mut seen_code = vec![false; col.map_or(0, |c| c.dictionary().len())];
        let mut seen: std::collections::HashSet<String> = Default::default();
        for &i in self.first_rows(j).iter() {
            // A text is new when its dictionary code is: no copy, no hash per row.
            if let Some(k) = col.and_then(|c| c.code(i)) {
                match seen_code.get_mut(k as usize) {
                    Some(s) if *s => continue,
                    Some(s) => *s = true,
                    None => {}
                }
            }
            let t = self.text(j, i);
            if seen.insert(t.clone()) {
                out.push(t);
            }
        }
        out
    }

    /// For every row of the table, the position of its label in `labels` (`None` when the cell
    /// is missing or its label is not listed). One pass, so views stay fast on long tables.
    pub fn label_index(&self, j: usize, labels: &[String]) -> Vec<Option<usize>> {
        let map: std::collections::HashMap<&str, usize> = labels
            .iter()
            .enumerate()
            .map(|(k, l)| (l.as_str(), k))
            .collect();
        let col = self.table.columns.get(j);
        let by_code: Vec<Option<usize>> = col
            .map(|c| {
                c.dictionary()
                    .iter()
                    .map(|t| map.get(&**t).copied())
                    .collect()
            })
            .unwrap_or_default();
        (0..self.table.len())
            .map(|i| {
                if let Some(k) = col.and_then(|c| c.code(i)) {
                    return by_code.get(k as usize).copied().flatten();
                }
                let v = self.value(j, i);
                if v.is_missing() && !labels.iter().any(|l| l == UNKNOWN) {
                    return None;
                }
                map.get(self.text(j, i).as_str()).copied()
            })
            .collect()
    }

    /// Distinct labels in time order for a time column, else in order of first appearance.
    pub fn ordered_distinct(&self, j: usize) -> Vec<String> {
        if self.role(j) == Some(Role::Time) {
            let mut out: Vec<String> = self.x_values(j).into_iter().map(|x| x.key).collect();
            if self.rows.iter().any(|&i| self.value(j, i).is_missing()) {
                out.push(UNKNOWN.to_string());
            }
            out
        } else {
            self.distinct(j)
        }
    }

    /// The kept rows split by the values of a facet column (one group of all rows without one).
    pub fn facets(&self, facet: Option<usize>) -> Vec<(Option<String>, Vec<usize>)> {
        match facet {
            None => vec![(None, self.rows.clone())],
            Some(f) => {
                let names = self.ordered_distinct(f);
                let index = self.label_index(f, &names);
                let mut rows: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
                for &i in &self.rows {
                    if let Some(r) = index
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|k| rows.get_mut(k))
                    {
                        r.push(i);
                    }
                }
                names.into_iter().map(Some).zip(rows).collect()
            }
        }
    }

    /// The distinct values of an x column over the kept rows, in axis order: by time or number
    /// when the column is a time or number column, else in file order.
    pub fn x_values(&self, j: usize) -> Vec<XValue> {
        let mut out: Vec<XValue> = Vec::new();
        let months = self.roles.columns.get(j).and_then(|c| c.time_kind)
            == Some(crate::spec::TimeKind::Month);
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut ordered = true;
        let col = self.table.columns.get(j);
        let mut seen_code = vec![false; col.map_or(0, |c| c.dictionary().len())];
        for &i in self.first_rows(j).iter() {
            if let Some(k) = col.and_then(|c| c.code(i)) {
                match seen_code.get_mut(k as usize) {
                    Some(s) if *s => continue,
                    Some(s) => *s = true,
                    None => {}
                }
            }
            let v = self.value(j, i);
            if v.is_missing() {
                continue;
            }
            let label = cell_key(v);
            if !seen.insert(label.clone()) {
                continue;
            }
            let value = match v {
                Cell::Number(n) => serde_json::json!(n),
                _ => serde_json::json!(label),
            };
            // A written period, or a month written as six digits (`201904`) in a column of months.
            let period = match v {
                Cell::Text(t) => {
                    crate::spec::Period::parse(t).map(|p| (p, crate::spec::Period::split_mark(t).1))
                }
                Cell::Number(n) if months => super::roles::month_of_number(n).map(|p| (p, "")),
                Cell::Number(_) | Cell::Missing => None,
            };
            let pos = period
                .map(|(p, _)| p.position())
                .or_else(|| time_position(v));
            // A total over the periods (`Totaal` in a time column) does not stop the time order;
            // it goes last. So does a value of a time column that is no period (a slip:
            // `2019k5`), which [`Frame::moments`] leaves off the axis.
            let total = pos.is_none()
                && (crate::data::tidy::is_total(&label) || self.role(j) == Some(Role::Time));
            ordered &= pos.is_some() || total;
            // A written period reads as one (`2019K1` -> `2019 K1`, `2015JJ00` -> `2015`; a provisional
            // mark stays: `2019K1*` -> `2019 K1*`).
            let readable = period.map(|(p, mark)| p.label_in(self.lang) + mark);
            out.push(XValue {
                value,
                label: readable.unwrap_or_else(|| label.clone()),
                pos: pos.unwrap_or(if total { f64::INFINITY } else { 0.0 }),
                key: label,
            });
        }
        if ordered {
            crate::sort::sort_by(&mut out, |a, b| a.pos.total_cmp(&b.pos));
            // Totals after the last period, one step on.
            let mut at = out
                .iter()
                .map(|x| x.pos)
                .filter(|p| p.is_finite())
                .fold(0.0, f64::max);
            for x in out.iter_mut().filter(|x| x.pos.is_infinite()) {
                at += 1.0;
                x.pos = at;
            }
        } else {
            for (k, x) in out.iter_mut().enumerate() {
                x.pos = k as f64;
            }
        }
        out
    }

    /// The moments of a time column for a time axis: [`Frame::x_values`] without the totals over
    /// the periods (`Totaal`, sorted last there), and the notes for the axis: the totals left out,
    /// and (full core) the periods the file marks as provisional (`2019K2*`), which the axis shows
    /// with their mark. Another column's values are all kept, without notes.
    pub fn moments(&self, j: usize) -> (Vec<XValue>, Vec<String>) {
        let mut xs = self.x_values(j);
        let mut notes = Vec::new();
        if self.role(j) != Some(Role::Time) {
            return (xs, notes);
        }
        let total = |x: &XValue| crate::data::tidy::is_total(&x.key);
        let slip = |x: &XValue| {
            !total(x)
                && !x.value.is_number()
                && crate::spec::Period::parse(crate::spec::Period::split_mark(&x.key).0).is_none()
        };
        let slips: Vec<String> = xs
            .iter()
            .filter(|x| slip(x))
            .map(|x| x.key.clone())
            .collect();
        if !slips.is_empty() {
            xs.retain(|x| !slip(x));
            let (list, name) = (slips.join("', '"), self.name(j));
            notes.push(match self.lang {
                Lang::Nl => format!(
                    "'{list}' in {name} is geen periode: de rijen ervan staan niet op de tijdas. Controleer de waarde in het bestand."
                ),
                Lang::En => format!(
                    "'{list}' in {name} is no period: its rows are not on the time axis. Check the value in the file."
                ),
            });
        }
        let left: Vec<String> = xs
            .iter()
            .filter(|x| total(x))
            .map(|x| x.label.clone())
            .collect();
        if !left.is_empty() {
            xs.retain(|x| !total(x));
            let (list, name) = (left.join("', '"), self.name(j));
            notes.push(match self.lang {
                Lang::Nl => format!(
                    "Rijen met '{list}' in {name} (een totaal over de perioden) staan niet op de tijdas."
                ),
                Lang::En => format!(
                    "Rows with '{list}' in {name} (a total over the periods) are not on the time axis."
                ),
            });
        }
        #[cfg(feature = "full")]
        {
            let marked: Vec<&str> = xs
                .iter()
                .filter(|x| !crate::spec::Period::split_mark(&x.key).1.is_empty())
                .map(|x| x.label.as_str())
                .collect();
            if !marked.is_empty() {
                let list = marked.join(", ");
                notes.push(match self.lang {
                    Lang::Nl => {
                        format!("Voorlopige cijfers, zoals het bestand ze aangeeft: {list}.")
                    }
                    Lang::En => format!("Provisional figures, as the file marks them: {list}."),
                });
            }
        }
        (xs, notes)
    }

    /// Bars over time column `j` (a bar or a stack per period): the rows as a time axis places
    /// them ([`Frame::time_axis`]: a year among its own quarters left out and said, as on a
    /// line), and each period's label (`2019 K1` for `2019KW01`) where it differs from the
    /// file's text. Nothing changes when `j` is no time column.
    #[cfg(feature = "full")]
    pub fn period_bars(&self, j: usize) -> PeriodBars<'a> {
        let mut out = PeriodBars {
            frame: None,
            labels: Vec::new(),
            notes: Vec::new(),
        };
        if self.role(j) != Some(Role::Time) {
            return out;
        }
        let (xs, at, notes) = self.time_axis(j, |_| None);
        out.labels = xs
            .into_iter()
            .filter(|x| x.label != x.key)
            .map(|x| (x.key, x.label))
            .collect();
        out.notes = notes;
        let rows: Vec<usize> = self
            .rows
            .iter()
            .copied()
            .filter(|&i| at.get(i).copied().flatten().is_some())
            .collect();
        if rows.len() != self.rows.len() {
            out.frame = Some(Frame {
                table: self.table,
                roles: self.roles.clone(),
                rows,
                partial: self.partial.clone(),
                lang: self.lang,
            });
        }
        out
    }

    /// A time axis with the rows placed on it: [`Frame::moments`], and each row's moment (`None`:
    /// not on the axis). `group` tells a row's line (its series and panel). In the full core,
    /// periods of a coarser grain among finer ones (a year among quarters) are folded in: see
    /// [`Frame::fold_grains`].
    #[cfg_attr(not(feature = "full"), allow(unused_mut))]
    pub fn time_axis(
        &self,
        j: usize,
        group: impl Fn(usize) -> Option<usize>,
    ) -> (Vec<XValue>, Vec<Option<usize>>, Vec<String>) {
        let (mut xs, mut notes) = self.moments(j);
        let labels: Vec<String> = xs.iter().map(|x| x.key.clone()).collect();
        let mut at = self.label_index(j, &labels);
        #[cfg(feature = "full")]
        if self.role(j) == Some(Role::Time) {
            self.fold_grains(&mut xs, &mut at, group, &mut notes);
        }
        #[cfg(not(feature = "full"))]
        let _ = group;
        (xs, at, notes)
    }

    /// Periods of a coarser grain on an axis of finer ones (`2019` among `2019K1` ... `2019K4`).
    /// A year is the stand at the end of its last quarter (or their total), so it is never a
    /// point beside them: where the row's line has finer periods within it, the row is left out
    /// (it would count twice or draw a spike); where it has none, the row stands at the end of
    /// the period, on the finer period that ends with it (`2019K4`), as the stock it is. Both
    /// are said. Rows `at` are moved, `xs` loses the coarse moments no row stands on any more,
    /// and the rest are placed at their ends.
    #[cfg(feature = "full")]
    fn fold_grains(
        &self,
        xs: &mut Vec<XValue>,
        at: &mut [Option<usize>],
        group: impl Fn(usize) -> Option<usize>,
        notes: &mut Vec<String>,
    ) {
        use crate::spec::Period;
        let periods: Vec<Option<Period>> = xs
            .iter()
            .map(|x| Period::parse(Period::split_mark(&x.key).0))
            .collect();
        if periods.iter().any(|p| p.is_none()) {
            return;
        }
        let periods: Vec<Period> = periods.into_iter().flatten().collect();
        let Some(finest) = periods.iter().map(|p| p.fineness()).max() else {
            return;
        };
        if periods.iter().all(|p| p.fineness() == finest) {
            return;
        }
        let fine_grain = periods
            .iter()
            .find(|p| p.fineness() == finest)
            .map(|p| p.grain());
        let Some(fine_grain) = fine_grain else { return };
        // For every moment, the coarser moments it lies within; for a coarse one, the finest
        // moment that ends with it.
        let within: Vec<Vec<usize>> = periods
            .iter()
            .map(|p| {
                (0..periods.len())
                    .filter(|&c| periods[c].contains(*p))
                    .collect()
            })
            .collect();
        let slot: Vec<Option<usize>> = periods
            .iter()
            .map(|p| {
                (p.fineness() < finest)
                    .then(|| {
                        (0..periods.len())
                            .find(|&k| periods[k].fineness() == finest && periods[k].same_end(*p))
                    })
                    .flatten()
            })
            .collect();
        // The (line, coarse moment) pairs with a finer row within.
        let mut covered: std::collections::HashSet<(Option<usize>, usize)> = Default::default();
        for &i in &self.rows {
            if let Some(k) = at.get(i).copied().flatten() {
                for &c in &within[k] {
                    covered.insert((group(i), c));
                }
            }
        }
        let mut dropped = 0usize;
        let (mut left, mut placed) = (vec![false; xs.len()], vec![false; xs.len()]);
        let mut used = vec![false; xs.len()];
        for &i in &self.rows {
            let Some(k) = at.get(i).copied().flatten() else {
                continue;
            };
            if periods[k].fineness() < finest {
                if covered.contains(&(group(i), k)) {
                    at[i] = None;
                    dropped += 1;
                    left[k] = true;
                    continue;
                }
                placed[k] = true;
                if let Some(s) = slot[k] {
                    at[i] = Some(s);
                }
            }
            if let Some(k) = at[i] {
                used[k] = true;
            }
        }
        let names = |flags: &[bool]| -> (String, Option<crate::spec::Grain>) {
            let ks: Vec<usize> = (0..xs.len()).filter(|&k| flags[k]).collect();
            let grain = ks.first().map(|&k| periods[k].grain());
            let one = ks.iter().all(|&k| Some(periods[k].grain()) == grain);
            let list: Vec<&str> = ks.iter().map(|&k| xs[k].label.as_str()).collect();
            (list.join(", "), grain.filter(|_| one))
        };
        // "het laatste kwartaal", "de laatste maand"
        let fine_nl = match fine_grain {
            crate::spec::Grain::Quarter | crate::spec::Grain::Half => "het laatste ",
            _ => "de laatste ",
        }
        .to_string()
            + fine_grain.noun(Lang::Nl);
        let fine_en = fine_grain.noun(Lang::En);
        let coarse = |g: Option<crate::spec::Grain>| match (g, self.lang) {
            (Some(g), lang) => g.noun(lang),
            (None, Lang::Nl) => "langere periode",
            (None, Lang::En) => "longer period",
        };
        if dropped > 0 {
            let (list, grain) = names(&left);
            let what = coarse(grain);
            let one = dropped == 1;
            notes.push(match self.lang {
                Lang::Nl => format!(
                    "{dropped} {} met een {what} ({list}) {} niet op de tijdas: dezelfde lijn heeft de {} daarbinnen al, en een {what} is de stand aan het eind van {fine_nl} (of hun totaal).",
                    if one { "rij" } else { "rijen" },
                    if one { "staat" } else { "staan" },
                    fine_grain.label(),
                ),
                Lang::En => format!(
                    "{dropped} {} with a {what} ({list}) {} not on the time axis: the same line has the {fine_en}s within it, and a {what} is the stand at the end of its last {fine_en} (or their total).",
                    if one { "row" } else { "rows" },
                    if one { "is" } else { "are" },
                ),
            });
        }
        if placed.iter().any(|&p| p) {
            let (list, grain) = names(&placed);
            let what = coarse(grain);
            notes.push(match self.lang {
                Lang::Nl => format!(
                    "Waar een lijn geen {} heeft maar een {what} ({list}), staat die op de plaats van {fine_nl}: de stand aan het eind van de periode.",
                    fine_grain.label(),
                ),
                Lang::En => format!(
                    "Where a line has no {fine_en}s but a {what} ({list}), it stands at its last {fine_en}: the stand at the end of the period."
                ),
            });
        }
        // The coarse moments no row stands on are gone; the others stand at their ends.
        let mut keep: Vec<usize> = (0..xs.len())
            .filter(|&k| periods[k].fineness() == finest || used[k])
            .collect();
        for &k in &keep {
            if periods[k].fineness() < finest {
                xs[k].pos = periods[k].end_as(fine_grain).position();
            }
        }
        crate::sort::sort_by(&mut keep, |&a, &b| xs[a].pos.total_cmp(&xs[b].pos));
        let mut new_of = vec![None; xs.len()];
        for (n, &k) in keep.iter().enumerate() {
            new_of[k] = Some(n);
        }
        let old = std::mem::take(xs);
        let mut old: Vec<Option<XValue>> = old.into_iter().map(Some).collect();
        *xs = keep.iter().filter_map(|&k| old[k].take()).collect();
        for a in at.iter_mut() {
            *a = a.and_then(|k| new_of[k]);
        }
    }

    /// Refuses one column as both x and series (a chart of it is a diagonal, or one segment).
    pub fn series_apart(&self, xj: usize, sj: Option<usize>) -> Result<()> {
        if sj == Some(xj) {
            return Err(Error::view(t(
                self.lang,
                "x= en series= moeten verschillende kolommen zijn.",
                "x= and series= must be different columns.",
            )));
        }
        Ok(())
    }

    /// Whether `series` belongs to `x`: it has two or more values and one at each x (the body
    /// responsible for a grondslag). Such a column is no distribution within x.
    pub fn belongs_to(&self, x: &str, series: &str) -> bool {
        series != x
            && self.roles.get(series).is_some_and(|c| c.distinct >= 2)
            && super::natural::determines(self.table, x, series)
    }

    /// A facet column that is also on x= or series=: each panel would hold one bar or line.
    pub fn facet_apart(&self, facet: Option<usize>, others: [Option<usize>; 2]) -> Result<()> {
        if facet.is_some() && others.contains(&facet) {
            return Err(Error::view(t(
                self.lang,
                "facet= moet een andere kolom zijn dan x= en series=.",
                "facet= must be another column than x= and series=.",
            )));
        }
        Ok(())
    }

    /// The facet column of a view: another column than x= and series= ([`Frame::facet_apart`];
    /// a column of hundreds of municipalities made tens of thousands of bars), with at most
    /// [`MAX_PANELS`] values among the rows shown.
    pub fn facet_col(
        &self,
        name: Option<&str>,
        others: [Option<usize>; 2],
    ) -> Result<Option<usize>> {
        let Some(name) = name else {
            return Ok(None);
        };
        let j = self.col("facet", name)?;
        self.facet_apart(Some(j), others)?;
        let n = self.ordered_distinct(j).len();
        if n > MAX_PANELS {
            let count = crate::format::number(n as f64, 0, self.lang);
            return Err(Error::view(match self.lang {
                Lang::Nl => format!(
                    "facet={name} geeft {count} panelen; een grafiek houdt er hoogstens \
                     {MAX_PANELS}. Kies voor facet= een kolom met minder waarden, of kies \
                     waarden met filter={name}:…"
                ),
                Lang::En => format!(
                    "facet={name} gives {count} panels; a chart holds at most {MAX_PANELS}. \
                     Choose a column with fewer values for facet=, or choose values with \
                     filter={name}:…"
                ),
            }));
        }
        Ok(Some(j))
    }

    /// The row of a table for error locations.
    pub fn location(&self, i: usize, j: usize) -> crate::error::Location {
        self.table.location(i, self.name(j))
    }

    /// The error for two rows that land on one point of a view.
    pub fn duplicate(&self, what: &str, a: usize, b: usize, j: usize) -> Error {
        let ra = self.table.row_shown(a);
        let rb = self.table.row_shown(b);
        Error::new(
            ErrorKind::Duplicate,
            match self.lang {
                Lang::Nl => format!(
                    "Rij {ra} en rij {rb} vallen op hetzelfde punt ({what}). Kies een kolom voor \
                     series= of facet=, of beperk de rijen met filter=kolom:waarde."
                ),
                Lang::En => format!(
                    "Rows {ra} and {rb} fall on the same point ({what}). Choose a column for \
                     series= or facet=, or limit the rows with filter=column:value."
                ),
            },
        )
        .at(self.location(b, j))
    }

    /// Checks that a column can serve as numbers (`y=`): numbers or missing cells only.
    /// The column with the number of persons: the one named by `n=`, else the first column with
    /// the n role that the view does not already use; checked to hold numbers.
    pub fn n_column(&self, given: Option<&str>, used: &[&str]) -> Result<Option<usize>> {
        let name = match given {
            Some(n) => Some(n.to_string()),
            None => self
                .roles
                .columns
                .iter()
                .find(|c| c.role == crate::spec::Role::N && !used.contains(&c.column.as_str()))
                .map(|c| c.column.clone()),
        };
        let Some(name) = name else { return Ok(None) };
        let j = self.col("n", &name)?;
        self.numeric("n", j)?;
        Ok(Some(j))
    }

    pub fn numeric(&self, key: &str, j: usize) -> Result<()> {
        if self.table.columns.get(j).is_some_and(|c| !c.has_text()) {
            return Ok(());
        }
        for &i in &self.rows {
            if let Cell::Text(t) = self.value(j, i) {
                let name = self.name(j);
                return Err(Error::new(
                    ErrorKind::BadValue,
                    match self.lang {
                        Lang::Nl => format!(
                            "'{key}={name}' vraagt een kolom met getallen, maar deze cel bevat '{t}'."
                        ),
                        Lang::En => format!(
                            "'{key}={name}' needs a column with numbers, but this cell holds '{t}'."
                        ),
                    },
                )
                .at(self.location(i, j)));
            }
        }
        Ok(())
    }
}

/// The panel of each row of `facets` (from [`Frame::facets`]), by row index up to `len`; empty
/// when there is one panel (every row is in panel 0).
pub fn facet_index(facets: &[(Option<String>, Vec<usize>)], len: usize) -> Vec<u32> {
    if facets.len() < 2 {
        return Vec::new();
    }
    let mut of = vec![0u32; len];
    for (k, (_, rows)) in facets.iter().enumerate() {
        for &i in rows {
            if let Some(o) = of.get_mut(i) {
                *o = k as u32;
            }
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(csv: &str) -> Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    #[test]
    fn distinct_labels_in_order_of_first_appearance_over_the_kept_rows() {
        let t = table("g,v\nb,1\n,2\na,3\nb,4\nonbekend,5\nc,6\n");
        let mut f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        assert!(t.columns[0].short_codes().is_some());
        // A missing cell reads as "onbekend", once, even beside the text "onbekend".
        assert_eq!(f.distinct(0), ["b", "onbekend", "a", "c"]);
        f.rows = vec![5, 3, 2];
        assert_eq!(f.distinct(0), ["c", "b", "a"]);
        let xs: Vec<String> = f.x_values(0).into_iter().map(|x| x.key).collect();
        assert_eq!(xs, ["c", "b", "a"]);
        // A column of numbers goes row by row, as before.
        assert_eq!(f.distinct(1), ["6", "4", "3"]);
        // A missing cell after every text was seen still counts.
        let t = table("g,v\nb,1\na,2\nb,3\n,4\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        assert_eq!(f.distinct(0), ["b", "a", "onbekend"]);
        // Without one (the roles counted none), nothing after the last new text is looked at.
        let t = table("g,v\nb,1\na,2\nb,3\nb,4\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        assert_eq!(f.roles.columns[0].missing, 0);
        assert_eq!(f.distinct(0), ["b", "a"]);
    }

    #[test]
    fn x_values_sort_by_time_and_keep_file_order_otherwise() {
        let t = table("p,g,v\n2020K1,a,1\n2019K4,a,2\n2019K3,b,.\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let xs: Vec<String> = f.x_values(0).into_iter().map(|x| x.key).collect();
        assert_eq!(xs, ["2019K3", "2019K4", "2020K1"]);
        let xs: Vec<String> = f.x_values(0).into_iter().map(|x| x.label).collect();
        assert_eq!(xs, ["2019 K3", "2019 K4", "2020 K1"]);
        let gs: Vec<String> = f.x_values(1).into_iter().map(|x| x.label).collect();
        assert_eq!(gs, ["a", "b"]);
        assert_eq!(f.number(2, 2), None);
    }

    #[test]
    fn months_written_as_six_digits_are_months_on_the_axis() {
        let t = table("jaarmaand,v\n202001,1\n201911,2\n201912,3\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let xs = f.x_values(0);
        let labels: Vec<&str> = xs.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["nov 2019", "dec 2019", "jan 2020"]);
        // One month apart on the axis, across the year's end.
        let step = |a: usize, b: usize| xs[b].pos - xs[a].pos;
        assert!((step(0, 1) - 1.0 / 12.0).abs() < 1e-9 && (step(1, 2) - 1.0 / 12.0).abs() < 1e-9);
        // The values stay as the file has them.
        assert_eq!(xs[0].key, "201911");
    }

    #[test]
    fn a_filter_value_no_row_has_is_an_error_beside_values_that_are_found() {
        let t = table("leeftijd,v\n15-26,1\n67+,2\n27-44,3\n,4\n");
        let keep =
            |values: &[&str]| Frame::new(&t, &[], &[RowFilter::keep("leeftijd", values)], Lang::Nl);
        // Found, however many: the rows of each.
        assert_eq!(keep(&["15-26", "67+"]).unwrap().rows, vec![0, 1]);
        assert_eq!(keep(&["27-44", UNKNOWN]).unwrap().rows, vec![2, 3]);
        // One value no row has: an error that names it and lists the column's values, not
        // the rows of the other value as if both were found.
        let e = keep(&["15-26", "16-26"]).err().unwrap();
        assert_eq!(
            e.message,
            "'16-26' komt niet voor in 'leeftijd' (filter=leeftijd:...). Waarden in 'leeftijd': 15-26, 67+, 27-44, onbekend."
        );
        // A name one letter off: the value meant is suggested.
        let r = table("regio,v\nTwente,1\nAchterhoek,2\n");
        let e = Frame::new(&r, &[], &[RowFilter::keep("regio", &["Twent"])], Lang::Nl)
            .err()
            .unwrap();
        assert!(
            e.message
                .ends_with("Waarden in 'regio': Twente, Achterhoek. Bedoelt u 'Twente'?"),
            "{}",
            e.message
        );
        // Left out (`!`): the same.
        let e = Frame::new(
            &t,
            &[],
            &[RowFilter {
                column: "leeftijd".into(),
                values: vec!["67".into()],
                exclude: true,
            }],
            Lang::En,
        )
        .err()
        .unwrap();
        assert!(
            e.message.starts_with("'67' does not occur in 'leeftijd'"),
            "{}",
            e.message
        );
        // `67+` in a view description reads as `67 ` (then `67`): the error says how to write it.
        let e = keep(&["15-26", "67"]).err().unwrap();
        assert!(
            e.message.ends_with(
                "Een + in een weergave is een spatie: schrijf %2B voor een + ('67%2B')."
            ),
            "{}",
            e.message
        );
        // Numbers and periods as before: a year column of numbers, a quarter however written.
        let y = table("jaar,v\n2019,1\n2020,2\n");
        let f = Frame::new(
            &y,
            &[],
            &[RowFilter::keep("jaar", &["2020", "2019"])],
            Lang::Nl,
        );
        assert_eq!(f.unwrap().rows, vec![0, 1]);
        let e = Frame::new(
            &y,
            &[],
            &[RowFilter::keep("jaar", &["2020", "2021"])],
            Lang::Nl,
        );
        assert!(e
            .err()
            .unwrap()
            .message
            .starts_with("'2021' komt niet voor in 'jaar'"));
    }

    #[test]
    fn filter_keeps_matching_rows_and_explains_misses() {
        let t = table("model,v\ntotaal,1\nWsw,2\ntotaal,3\n");
        let f = Frame::new(&t, &[], &[RowFilter::keep("model", &["totaal"])], Lang::Nl).unwrap();
        assert_eq!(f.rows, vec![0, 2]);
        let f = Frame::new(
            &t,
            &[],
            &[RowFilter::keep("model", &["Wsw", "totaal"])],
            Lang::Nl,
        )
        .unwrap();
        assert_eq!(f.rows, vec![0, 1, 2]);
        let q = table("kwartaal,v\n2019KW01,1\n2019KW02,2\n");
        let f = Frame::new(
            &q,
            &[],
            &[RowFilter::keep("kwartaal", &["2019K2"])],
            Lang::Nl,
        )
        .unwrap();
        assert_eq!(f.rows, vec![1]);
        let e = Frame::new(&t, &[], &[RowFilter::keep("model", &["wajong"])], Lang::Nl)
            .err()
            .unwrap();
        assert!(e.message.contains("totaal, Wsw"), "{}", e.message);
        let e = Frame::new(&t, &[], &[RowFilter::keep("modl", &["x"])], Lang::Nl)
            .err()
            .unwrap();
        assert!(e.message.contains("model, v"), "{}", e.message);
        // In English the sentence is English; the file's words stay as written.
        let e = Frame::new(&t, &[], &[RowFilter::keep("model", &["wajong"])], Lang::En)
            .err()
            .unwrap();
        assert_eq!(
            e.message,
            "No rows with model = 'wajong'. Values in 'model': totaal, Wsw."
        );
        // All but some: `exclude`.
        let mut but = RowFilter::keep("model", &["totaal"]);
        but.exclude = true;
        let f = Frame::new(&t, &[], std::slice::from_ref(&but), Lang::Nl).unwrap();
        assert_eq!(f.rows, vec![1]);
    }

    #[test]
    fn labels_read_as_dutch() {
        assert_eq!(label_of("share_pct"), "aandeel");
        assert_eq!(label_of("months_since_start"), "maanden sinds de start");
        assert_eq!(label_of("aantal_werkenden"), "aantal werkenden");
        assert_eq!(capitalise("personen"), "Personen");
    }

    #[test]
    fn decimals_follow_the_data() {
        assert_eq!(decimals([1.0, 20.0].into_iter()), 0);
        assert_eq!(decimals([1.5, 20.0].into_iter()), 1);
        assert_eq!(decimals([0.83, 1.0].into_iter()), 2);
    }
}
