//! A peildatum written with a time of day (`31-12-2015 12:00`, `2015-12-31 23:59:59`,
//! `2015-12-31T08:30`, or a workbook's date cell with a time): the column is read as its dates,
//! and the notes say the times were left out. Rows that would then fall on one date with all
//! their other texts (region, subgroup, ...) the same are never summed or dropped silently: that
//! is an error naming the rows. User files only (full core).

use super::column::{Cell, Column};
use super::{sniff, Table};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::spec::period::{date_and_time, Grain, Period};
use std::collections::HashMap;

/// Whether a header names a number that identifies a row (a region's or municipality's number or
/// code) rather than a count.
fn names_a_place(name: &str) -> bool {
    let name = crate::case::lower(name);
    ["regio", "gemeente", "nummer", "code", "_nr", " nr", "nr."]
        .iter()
        .any(|w| name.contains(w))
}

impl Table {
    /// See the module.
    pub(super) fn read_dates_with_times(&mut self) -> Result<()> {
        let Some(j) = self.dated_column() else {
            return Ok(());
        };
        let col = &self.columns[j];
        // Each text's date (as written) and whether it had a time other than midnight.
        let dates: Vec<(&str, bool)> = col
            .dictionary()
            .iter()
            .map(|t| date_and_time(t).unwrap_or((t.trim(), false)))
            .collect();
        // The rows whose texts would become one date: several texts with the same date.
        let date_of: Vec<Option<Period>> = dates.iter().map(|(d, _)| Period::parse(d)).collect();
        let mut texts_of: HashMap<Period, usize> = HashMap::new();
        for p in date_of.iter().flatten() {
            *texts_of.entry(*p).or_default() += 1;
        }
        let shared: Vec<bool> = date_of
            .iter()
            .map(|p| p.is_some_and(|p| texts_of.get(&p).is_some_and(|&n| n > 1)))
            .collect();
        let others: Vec<&Column> = self
            .columns
            .iter()
            .enumerate()
            .filter(|&(k, c)| k != j && c.has_text() && !c.has_number())
            .map(|(_, c)| c)
            .collect();
        // Numbers that name a row's place rather than count (`arbeidsmarktregio_nr`,
        // `gemeentecode`, `regio` 1..35): rows that differ in them are other data.
        let identifying: Vec<&Column> = self
            .columns
            .iter()
            .enumerate()
            .filter(|&(k, c)| k != j && c.has_number() && names_a_place(&c.name))
            .map(|(_, c)| c)
            .collect();
        type Key = (Period, Vec<Option<u32>>, Vec<Option<u64>>);
        let mut seen: HashMap<Key, usize> = HashMap::new();
        let mut clashes: Vec<(usize, usize)> = Vec::new();
        for i in 0..col.len() {
            let Some(k) = col.code(i).map(|k| k as usize) else {
                continue;
            };
            let (Some(true), Some(Some(p))) = (shared.get(k), date_of.get(k)) else {
                continue;
            };
            let key = (
                *p,
                others.iter().map(|c| c.code(i)).collect(),
                identifying
                    .iter()
                    .map(|c| c.number(i).map(f64::to_bits))
                    .collect(),
            );
            match seen.get(&key) {
                Some(&first) if col.code(first) != col.code(i) => clashes.push((first, i)),
                Some(_) => {}
                None => {
                    seen.insert(key, i);
                }
            }
        }
        let name = col.name.clone();
        let word = self.detected.row_word().to_string();
        let word_en = self
            .detected
            .row_word_in(crate::format::Lang::En)
            .to_string();
        let row = |i: usize| self.row_number(i).unwrap_or(i + 1);
        let text = |i: usize| sniff::shorten(&col.get(i).as_text().unwrap_or_default(), 30);
        if let Some(&(a, b)) = clashes.first() {
            let more = clashes.len() - 1;
            let (more_nl, more_en) = match more {
                0 => (String::new(), String::new()),
                1 => (
                    " (en 1 paar meer)".to_string(),
                    " (and 1 more pair)".to_string(),
                ),
                n => (
                    format!(" (en {n} paren meer)"),
                    format!(" (and {n} more pairs)"),
                ),
            };
            return Err(Error::new2(
                ErrorKind::BadValue,
                format!(
                    "Kolom '{name}' heeft datums met een tijd. Zonder de tijden vallen {word} {} ('{}') en {word} {} ('{}'){more_nl} op dezelfde datum met verder dezelfde gegevens: ze zouden worden opgeteld of de een zou de ander wegdrukken. Houd één tijd per datum, of laat de tijden weg en tel de rijen zelf samen.",
                    row(a), text(a), row(b), text(b)
                ),
                format!(
                    "Column '{name}' has dates with a time. Without the times, {word_en} {} ('{}') and {word_en} {} ('{}'){more_en} fall on the same date with otherwise the same data: they would be summed or one would hide the other. Keep one time per date, or leave the times out and combine the rows yourself.",
                    row(a), text(a), row(b), text(b)
                ),
            )
            .at(Location::file(&self.source).row(row(b)).column(&name)));
        }
        // An example of a text with a time, for the note.
        let example = col
            .dictionary()
            .iter()
            .zip(&dates)
            .find(|(_, (_, t))| *t)
            .map(|(t, (d, _))| (sniff::shorten(t, 30), d.to_string()))
            .unwrap_or_default();
        let mut new = Column::with_capacity(name.clone(), col.len());
        for i in 0..col.len() {
            match (col.code(i), col.get(i)) {
                (Some(k), _) => match dates.get(k as usize) {
                    Some((d, _)) => new.push_text(d),
                    None => new.push_missing(),
                },
                (None, Cell::Number(n)) => new.push_number(n),
                (None, _) => new.push_missing(),
            }
        }
        new.finish();
        self.columns[j] = new;
        self.detected.note(
            format!(
                "Kolom '{name}' gelezen als peildatum: de tijd na de datum is weggelaten (zoals '{}' = {}); geen twee rijen met verder dezelfde gegevens vallen daardoor op dezelfde datum",
                example.0, example.1
            ),
            format!(
                "Column '{name}' read as a reference date: the time after the date left out (such as '{}' = {}); no two rows with otherwise the same data fall on the same date by it",
                example.0, example.1
            ),
        );
        Ok(())
    }

    /// The column whose texts are all dates, at least one with a time other than midnight
    /// (each with or without a time), when no other column holds the periods (texts that are
    /// all periods, or whole numbers named as years).
    fn dated_column(&self) -> Option<usize> {
        let all_periods = |c: &Column| {
            !c.dictionary().is_empty()
                && !c.has_number()
                && c.dictionary().iter().all(|t| Period::parse(t).is_some())
        };
        let years = |c: &Column| {
            let name = crate::case::lower(&c.name);
            (name.contains("jaar") || name.contains("year") || name.contains("period"))
                && c.has_number()
                && !c.has_text()
        };
        let dated = |c: &Column| {
            !c.dictionary().is_empty()
                && !c.has_number()
                && c.dictionary().iter().all(|t| {
                    date_and_time(t).is_some()
                        || Period::parse(t).is_some_and(|p| p.grain() == Grain::Date)
                })
                && c.dictionary()
                    .iter()
                    .any(|t| date_and_time(t).is_some_and(|(_, timed)| timed))
        };
        let j = self.columns.iter().position(dated)?;
        let other = self
            .columns
            .iter()
            .enumerate()
            .any(|(k, c)| k != j && (all_periods(c) || years(c)));
        (!other).then_some(j)
    }
}
