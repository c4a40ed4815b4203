//! A peildatum written with a time of day (`31-12-2015 12:00`, `2015-12-31 23:59:59`,
//! `2015-12-31T08:30`, or a workbook's date cell with a time): the column is read as its dates,
//! and the notes say the times were left out. Rows that would then fall on one date with all
//! their other texts (region, subgroup, ...) the same are never summed or dropped silently: that
//! is an error naming the rows.
//!
//! Before that, a column of dates written as three numbers is read day first or month first as a
//! whole, never cell by cell (`Table::read_month_first_dates`): English-locale exports write
//! `12/31/2019`, `3/31/2019 11:59 PM`. User files only (full core).

use super::column::{Cell, Column};
use super::{sniff, Table};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::spec::period::{date_and_time, lead_len, numbers_of_date, split_time, Grain, Period};
use std::collections::HashMap;

/// Columns read month first, each with its new texts and the texts as written.
pub(super) type Written = Vec<(usize, HashMap<Box<str>, Box<str>>)>;

/// The first of a column's dates that tells it is written day first (first number over 12) and
/// the first that tells month first (second number over 12), by index. Dates with dots
/// (`31.12.2019`) are European, day first: a column with one is never read month first (its
/// texts are left to [`Period::parse`], as before).
fn orders(read: &[Option<(u8, u8, i32, char)>]) -> (Option<usize>, Option<usize>) {
    let day_first = read
        .iter()
        .position(|n| n.is_some_and(|(a, b, ..)| a > 12 && b <= 12));
    let dotted = read.iter().any(|n| n.is_some_and(|(.., sep)| sep == '.'));
    let month_first = read
        .iter()
        .position(|n| n.is_some_and(|(a, b, ..)| a <= 12 && b > 12))
        .filter(|_| !dotted);
    (day_first, month_first)
}

/// The first slash date that is a date either way (`4/1/2019`), with its day-first and its
/// month-first reading.
fn either_way(read: &[Option<(u8, u8, i32, char)>]) -> Option<(usize, Period, Period)> {
    read.iter().enumerate().find_map(|(k, n)| {
        let (a, b, y, sep) = (*n)?;
        if sep != '/' || a == b {
            return None;
        }
        Some((k, Period::date(y, b, a)?, Period::date(y, a, b)?))
    })
}

/// A date as written, with a time and a provisional mark after it left off.
fn date_part(t: &str) -> &str {
    let d = split_time(t).map_or(t.trim(), |(d, _)| d);
    let d = &d[lead_len(d)..];
    Period::split_mark(d).0
}

/// Whether a header names a number that identifies a row (a region's or municipality's number or
/// code) rather than a count.
fn names_a_place(name: &str) -> bool {
    let name = crate::case::lower(name);
    ["regio", "gemeente", "nummer", "code", "_nr", " nr", "nr."]
        .iter()
        .any(|w| name.contains(w))
}

/// The date of a day number of Excel's 1900 date system (`43830` is 31 December 2019), for
/// day numbers from 1 March 1900 on (61), where that system counts days from 30 December 1899.
fn excel_day(n: i64) -> Option<Period> {
    if n < 61 {
        return None;
    }
    // Days since 1970-01-01, to the civil date (H. Hinnant's algorithm).
    let z = n - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    Period::date(i32::try_from(y).ok()?, m, d)
}

/// Whether a header names a date (`peildatum`, `Datum`, `date`, `reference_date`).
fn names_a_date(name: &str) -> bool {
    let name = crate::case::lower(name);
    name.contains("datum")
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "date")
}

impl Table {
    /// A column whose header names a date (`peildatum`, `datum`, `date`) holding only whole
    /// numbers that are days of 1990-2100 in Excel's 1900 date system (`43830`, a date cell
    /// exported as its number): read as those dates (`2019-12-31`) and said in the file line.
    /// Any other column of numbers (a year `2019`, a number with a fraction, a text among the
    /// numbers) is left as it is.
    #[cfg_attr(feature = "full", inline(never))]
    pub(super) fn read_excel_day_numbers(&mut self) {
        // 1 January 1990 and 31 December 2100 in Excel's day numbers.
        const FIRST: f64 = 32_874.0;
        const LAST: f64 = 73_415.0;
        for j in 0..self.columns.len() {
            let col = &self.columns[j];
            if !names_a_date(&col.name) || !col.has_number() || col.has_text() {
                continue;
            }
            let days = (0..col.len())
                .filter_map(|i| col.number(i))
                .all(|n| n.fract() == 0.0 && (FIRST..=LAST).contains(&n));
            if !days {
                continue;
            }
            let Some(first) = (0..col.len()).find_map(|i| col.number(i)) else {
                continue;
            };
            let mut new = Column::with_capacity(col.name.clone(), col.len());
            for i in 0..col.len() {
                match col.number(i).and_then(|n| excel_day(n as i64)) {
                    Some(p) => new.push_text(&p.to_string()),
                    None => new.push_missing(),
                }
            }
            new.finish();
            let Some(example) = excel_day(first as i64) else {
                continue;
            };
            let name = col.name.clone();
            self.columns[j] = new;
            let (nl, en) = (
                format!(
                    "Kolom '{name}': getallen gelezen als Excel-datums ({first} = {}), want de kolom noemt een datum en elk getal is een dag van 1990 tot 2100 in Excels telling",
                    example.label()
                ),
                format!(
                    "Column '{name}': numbers read as Excel dates ({first} = {}), as the column names a date and every number is a day of 1990 to 2100 in Excel's count",
                    example.label_in(crate::format::Lang::En)
                ),
            );
            self.detected.note(nl, en);
        }
    }

    /// See the module.
    /// `written`: the texts of the columns read month first as they were written (see
    /// [`Table::read_month_first_dates`]), for the notes and errors.
    #[cfg_attr(feature = "full", inline(never))]
    pub(super) fn read_dates_with_times(&mut self, written: &Written) -> Result<()> {
        let Some(j) = self.dated_column() else {
            return Ok(());
        };
        let col = &self.columns[j];
        let as_written = |t: &str| -> String {
            written
                .iter()
                .find(|(k, _)| *k == j)
                .and_then(|(_, m)| m.get(t))
                .map_or(t, |o| o)
                .to_string()
        };
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
        let row = |i: usize| self.row_shown(i);
        let text =
            |i: usize| sniff::shorten(&as_written(&col.get(i).as_text().unwrap_or_default()), 30);
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
            .at(self.location(b, &name)));
        }
        // An example of a text with a time, for the note.
        let example = col
            .dictionary()
            .iter()
            .zip(&dates)
            .find(|(_, (_, t))| *t)
            .map(|(t, (d, _))| (sniff::shorten(&as_written(t), 30), d.to_string()))
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

    /// Reads each column of dates written as three numbers, the year last, in one order: day
    /// first (`31/12/2019`, as [`Period::parse`] reads them) when some text's first number is
    /// over 12 or none's second is, month first (`12/31/2019`, US) when some text's second
    /// number is over 12 and none's first is; then its texts are rewritten as ISO dates
    /// (`2019-12-31`, a time after the date kept) and the file line says so. A column with both
    /// is an error naming a row of each; a slash date that reads either way (`4/1/2019`) is read
    /// day first and said.
    ///
    /// Gives each rewritten column's new texts with the texts as written. Column headers that
    /// are such dates (a wide file, one column per date) are read by the same rule as a whole.
    #[cfg_attr(feature = "full", inline(never))]
    pub(super) fn read_month_first_dates(&mut self) -> Result<Written> {
        self.month_first_headers()?;
        let mut written = Vec::new();
        for j in 0..self.columns.len() {
            if let Some(m) = self.month_first_column(j)? {
                written.push((j, m));
            }
        }
        Ok(written)
    }

    /// Column headers that are dates written as three numbers (`12/31/2015`, `12/31/2016`):
    /// read month first as a whole by the rule of [`Table::read_month_first_dates`], renamed
    /// as ISO dates and said; both orders among them are an error.
    fn month_first_headers(&mut self) -> Result<()> {
        let read: Vec<Option<(u8, u8, i32, char)>> = self
            .columns
            .iter()
            .map(|c| numbers_of_date(Period::split_mark(&c.name).0))
            .collect();
        if read.iter().flatten().count() < 2 {
            return Ok(());
        }
        let (day_first, month_first) = orders(&read);
        let name = |j: usize| sniff::shorten(&self.columns[j].name, 30);
        let at = |j: usize| {
            let at = Location::file(&self.source).column(&self.columns[j].name);
            match self.detected.header_row {
                0 => at,
                r => at.row(r),
            }
        };
        match (day_first, month_first) {
            (Some(d), Some(m)) => Err(Error::new2(
                ErrorKind::BadValue,
                format!(
                    "De kolomkoppen hebben datums met de dag eerst ('{}') en met de maand eerst ('{}'): ze worden op één manier gelezen. Schrijf alle datums in dezelfde volgorde, of als 2019-12-31.",
                    name(d),
                    name(m)
                ),
                format!(
                    "The column headers have dates with the day first ('{}') and with the month first ('{}'): they are read one way. Write all dates in the same order, or as 2019-12-31.",
                    name(d),
                    name(m)
                ),
            )
            .at(at(d.max(m)))),
            (None, Some(m)) => {
                let mut names: Vec<Option<String>> = Vec::with_capacity(read.len());
                for (j, n) in read.iter().enumerate() {
                    let Some((a, b, y, _)) = *n else {
                        names.push(None);
                        continue;
                    };
                    let Some(p) = Period::date(y, a, b) else {
                        return Err(Error::new2(
                            ErrorKind::BadValue,
                            format!(
                                "De kolomkoppen hebben datums met de maand eerst (zoals '{}'), maar '{}' is zo geen datum.",
                                name(m),
                                name(j)
                            ),
                            format!(
                                "The column headers have dates with the month first (such as '{}'), but '{}' is then no date.",
                                name(m),
                                name(j)
                            ),
                        )
                        .at(at(j)));
                    };
                    let mark = Period::split_mark(&self.columns[j].name).1;
                    let new = format!("{p}{mark}");
                    // A header that would then be another's is left as written.
                    let taken = self.columns.iter().any(|c| c.name == new);
                    names.push((!taken).then_some(new));
                }
                let example = read[m]
                    .and_then(|(a, b, y, _)| Period::date(y, a, b))
                    .map(|p| (p.label(), p.label_in(crate::format::Lang::En)))
                    .unwrap_or_default();
                let shown = name(m);
                for (c, n) in self.columns.iter_mut().zip(names) {
                    if let Some(n) = n {
                        c.name = n;
                    }
                }
                self.detected.note(
                    format!(
                        "Kolomkoppen gelezen als maand/dag/jaar (zoals '{shown}' = {}), want het tweede getal is soms groter dan 12 en het eerste nooit",
                        example.0
                    ),
                    format!(
                        "Column headers read as month/day/year (such as '{shown}' = {}), as the second number is sometimes over 12 and the first never",
                        example.1
                    ),
                );
                Ok(())
            }
            (None, None) => {
                if let Some((t, day, month)) = either_way(&read).map(|(k, d, m)| (name(k), d, m)) {
                    let en = crate::format::Lang::En;
                    self.detected.note(
                        format!(
                            "Kolomkoppen gelezen als dag/maand/jaar (zoals '{t}' = {}); geen getal is groter dan 12, dus met de maand eerst ({}) had ook gekund",
                            day.label(),
                            month.label()
                        ),
                        format!(
                            "Column headers read as day/month/year (such as '{t}' = {}); no number is over 12, so month first ({}) was possible too",
                            day.label_in(en),
                            month.label_in(en)
                        ),
                    );
                }
                Ok(())
            }
            (Some(_), None) => Ok(()),
        }
    }

    fn month_first_column(&mut self, j: usize) -> Result<Option<HashMap<Box<str>, Box<str>>>> {
        let col = &self.columns[j];
        if col.dictionary().is_empty() || col.has_number() {
            return Ok(None);
        }
        let has_digit = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
        // The date as written (a time and a provisional mark after it left off).
        // A quick look at the first text with a digit: most columns stop here.
        let dict = col.dictionary();
        match dict.iter().find(|t| has_digit(t)) {
            Some(t) if numbers_of_date(date_part(t)).is_some() => {}
            _ => return Ok(None),
        }
        // Every text with a digit must be such a date (texts without, such as `Totaal`, are
        // no date either way).
        let mut read: Vec<Option<(u8, u8, i32, char)>> = Vec::with_capacity(dict.len());
        for t in dict {
            if !has_digit(t) {
                read.push(None);
                continue;
            }
            match numbers_of_date(date_part(t)) {
                Some(n) => read.push(Some(n)),
                None => return Ok(None),
            }
        }
        let (day_first, month_first) = orders(&read);
        let name = col.name.clone();
        // The first data row of text `k`.
        let index_of = |k: usize| -> usize {
            (0..col.len())
                .find(|&i| col.code(i) == Some(k as u32))
                .unwrap_or(0)
        };
        let shown = |k: usize| sniff::shorten(dict[k].trim(), 30);
        let (word, word_en) = (
            self.detected.row_word().to_string(),
            self.detected
                .row_word_in(crate::format::Lang::En)
                .to_string(),
        );
        match (day_first, month_first) {
            (Some(d), Some(m)) => {
                let (id, im) = (index_of(d), index_of(m));
                let (rd, rm) = (self.row_shown(id), self.row_shown(im));
                Err(Error::new2(
                    ErrorKind::BadValue,
                    format!(
                        "Kolom '{name}' heeft datums met de dag eerst ('{}', {word} {rd}) en met de maand eerst ('{}', {word} {rm}): een kolom wordt op één manier gelezen. Schrijf alle datums in dezelfde volgorde, of als 2019-12-31.",
                        shown(d),
                        shown(m)
                    ),
                    format!(
                        "Column '{name}' has dates with the day first ('{}', {word_en} {rd}) and with the month first ('{}', {word_en} {rm}): a column is read one way. Write all dates in the same order, or as 2019-12-31.",
                        shown(d),
                        shown(m)
                    ),
                )
                .at(self.location(im.max(id), &name)))
            }
            (None, Some(m)) => {
                // Every date read month first, or an error naming the first that is none.
                let mut texts: Vec<Option<String>> = Vec::with_capacity(dict.len());
                let mut example = (String::new(), String::new());
                for (k, (t, n)) in dict.iter().zip(&read).enumerate() {
                    let Some((a, b, y, _)) = *n else {
                        texts.push(None);
                        continue;
                    };
                    let Some(p) = Period::date(y, a, b) else {
                        let i = index_of(k);
                        let r = self.row_shown(i);
                        return Err(Error::new2(
                            ErrorKind::BadValue,
                            format!(
                                "Kolom '{name}' heeft datums met de maand eerst (zoals '{}'), maar '{}' ({word} {r}) is zo geen datum.",
                                shown(m),
                                shown(k)
                            ),
                            format!(
                                "Column '{name}' has dates with the month first (such as '{}'), but '{}' ({word_en} {r}) is then no date.",
                                shown(m),
                                shown(k)
                            ),
                        )
                        .at(self.location(i, &name)));
                    };
                    // The date as written replaced by its ISO form; what comes before it (a
                    // lead word) and after it (a time, a mark) kept.
                    let d = date_part(t);
                    let start = d.as_ptr() as usize - t.as_ptr() as usize;
                    let end = start + d.len();
                    texts.push(Some(format!(
                        "{}{p}{}",
                        t.get(..start).unwrap_or_default(),
                        t.get(end..).unwrap_or_default()
                    )));
                    if k == m {
                        example = (p.label(), p.label_in(crate::format::Lang::En));
                    }
                }
                let two_digits = read
                    .iter()
                    .zip(dict)
                    .any(|(n, t)| n.is_some_and(|(_, _, y, _)| !t.contains(&y.to_string())));
                let (short, short_en) = if two_digits {
                    (
                        "; jaartallen met twee cijfers als 20xx (00-69) of 19xx (70-99)",
                        "; two-digit years as 20xx (00-69) or 19xx (70-99)",
                    )
                } else {
                    ("", "")
                };
                let note = (
                    format!(
                        "Kolom '{name}': datums gelezen als maand/dag/jaar (zoals '{}' = {}), want het tweede getal is soms groter dan 12 en het eerste nooit{short}",
                        shown(m),
                        example.0
                    ),
                    format!(
                        "Column '{name}': dates read as month/day/year (such as '{}' = {}), as the second number is sometimes over 12 and the first never{short_en}",
                        shown(m),
                        example.1
                    ),
                );
                let mut new = Column::with_capacity(name, col.len());
                for i in 0..col.len() {
                    match col.code(i).map(|k| k as usize) {
                        Some(k) => match (texts.get(k), dict.get(k)) {
                            (Some(Some(t)), _) => new.push_text(t),
                            (_, Some(t)) => new.push_text(t),
                            _ => new.push_missing(),
                        },
                        None => new.push_missing(),
                    }
                }
                new.finish();
                let originals = texts
                    .into_iter()
                    .zip(dict)
                    .filter_map(|(n, t)| Some((n?.into_boxed_str(), t.clone())))
                    .collect();
                self.columns[j] = new;
                self.detected.note(note.0, note.1);
                Ok(Some(originals))
            }
            (None, None) => {
                // A slash date that reads either way (`4/1/2019`): read day first, and said.
                let Some((k, day, month)) = either_way(&read) else {
                    return Ok(None);
                };
                let en = crate::format::Lang::En;
                let t = shown(k);
                self.detected.note(
                    format!(
                        "Kolom '{name}': datums gelezen als dag/maand/jaar (zoals '{t}' = {}); geen getal is groter dan 12, dus met de maand eerst ({}) had ook gekund",
                        day.label(),
                        month.label()
                    ),
                    format!(
                        "Column '{name}': dates read as day/month/year (such as '{t}' = {}); no number is over 12, so month first ({}) was possible too",
                        day.label_in(en),
                        month.label_in(en)
                    ),
                );
                Ok(None)
            }
            (Some(_), None) => Ok(None),
        }
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

#[cfg(test)]
mod tests {
    use crate::table::load;

    #[test]
    fn excel_day_numbers_are_dates_only_in_a_date_column_of_whole_days() {
        use super::excel_day;
        let d = |n| excel_day(n).map(|p| p.to_string());
        assert_eq!(d(43830).as_deref(), Some("2019-12-31"));
        assert_eq!(d(42369).as_deref(), Some("2015-12-31"));
        assert_eq!(d(32874).as_deref(), Some("1990-01-01"));
        assert_eq!(d(73415).as_deref(), Some("2100-12-31"));
        assert_eq!(d(61).as_deref(), Some("1900-03-01"));
        assert_eq!(d(60), None);
        let col = |csv: &str| {
            let t = load("d.csv", csv.as_bytes()).unwrap();
            let c = &t.columns[0];
            let cells: Vec<String> = (0..c.len()).map(|i| format!("{:?}", c.get(i))).collect();
            (cells.join(" "), t.detected.notes.join(" | "))
        };
        let (cells, notes) = col("peildatum,n\n43830,1\n42369,2\n,3\n");
        assert!(
            cells.contains("2019-12-31") && cells.contains("2015-12-31"),
            "{cells}"
        );
        assert!(
            notes.contains(
                "Kolom 'peildatum': getallen gelezen als Excel-datums (43830 = 31 dec 2019)"
            ),
            "{notes}"
        );
        // Not a date's header, a fraction, a number out of range, a text: left as numbers.
        for csv in [
            "aantal,n\n43830,1\n42369,2\n",
            "datum,n\n43830.5,1\n42369,2\n",
            "datum,n\n43830,1\n2019,2\n",
            "datum,n\n43830,1\nTotaal,2\n",
            "update,n\n43830,1\n42369,2\n",
        ] {
            let (cells, notes) = col(csv);
            assert!(!cells.contains("2019-12-31"), "{csv}: {cells}");
            assert!(!notes.contains("Excel"), "{csv}: {notes}");
        }
    }

    fn texts(csv: &str, col: usize) -> (Vec<String>, Vec<String>) {
        let t = load("t.csv", csv.as_bytes()).unwrap();
        let c = &t.columns[col];
        let texts = (0..c.len())
            .map(|i| c.get(i).as_text().unwrap_or_default())
            .collect();
        (texts, t.detected.notes)
    }

    #[test]
    fn a_column_is_read_month_first_as_a_whole() {
        let (t, notes) = texts(
            "regio;datum;n\nA;3/4/2019;1\nB;12/31/2019 11:59 PM;2\nD;;4\n",
            1,
        );
        // 3/4 follows its column: 4 March. The time is then left out as for any date.
        assert_eq!(t, ["2019-03-04", "2019-12-31", ""]);
        assert!(
            notes.iter().any(|n| n.starts_with(
                "Kolom 'datum': datums gelezen als maand/dag/jaar (zoals '12/31/2019 11:59 PM' = 31 dec 2019)"
            )),
            "{notes:?}"
        );
        // Lead words and provisional marks are kept around the date.
        let (t, _) = texts(
            "regio;datum;n\nA;per 12/31/2019;1\nB;Stand per 12/30/2019*;2\n",
            1,
        );
        assert_eq!(t, ["per 2019-12-31", "Stand per 2019-12-30*"]);
        // A text without digits (a total) is no date either way.
        let (t, _) = texts("regio;datum;n\nA;3/4/19;1\nB;12/31/19;2\nC;Totaal;3\n", 1);
        assert_eq!(t, ["2019-03-04", "2019-12-31", "Totaal"]);
        // Day first when a first number is over 12, as before: the texts stay.
        let (t, notes) = texts("regio;datum;n\nA;3/4/2019;1\nB;31/12/2019;2\n", 1);
        assert_eq!(t, ["3/4/2019", "31/12/2019"]);
        assert!(notes.iter().all(|n| !n.contains("maand")), "{notes:?}");
    }

    #[test]
    fn other_columns_are_left_as_they_are() {
        // Texts that are not all dates (a remark with a date in it, ratios, codes).
        for csv in [
            "regio;opmerking;n\nA;12/31/2019;1\nB;zie 12/31/2019;2\n",
            "regio;deel;n\nA;1/13;1\nB;2/14;2\n",
            "regio;code;n\nA;12/31/2019/1;1\nB;1-13-2019-x;2\n",
            // Dots: never month first (versions, European dates).
            "regio;versie;n\nA;1.13.20;1\nB;2.1.19;2\n",
        ] {
            let (t, notes) = texts(csv, 1);
            let written: Vec<&str> = csv
                .lines()
                .skip(1)
                .map(|l| l.split(';').nth(1).unwrap())
                .collect();
            assert_eq!(t, written, "{csv}");
            assert!(notes.iter().all(|n| !n.contains("datums")), "{notes:?}");
        }
    }

    #[test]
    fn mixed_orders_and_impossible_dates_are_errors_at_their_row() {
        let e = load("t.csv", b"regio;datum;n\nA;12/31/2019;1\nB;31/12/2019;2\n").unwrap_err();
        assert!(e.message.contains("rij 3"), "{}", e.message);
        assert_eq!(e.location.and_then(|l| l.row), Some(3));
        let e = load("t.csv", b"regio;datum;n\nA;12/31/2019;1\nB;31/31/2019;2\n").unwrap_err();
        assert!(e.message.contains("'31/31/2019' (rij 3)"), "{}", e.message);
        let e = load("t.csv", b"regio;datum;n\nA;12/31/2019;1\nB;2/29/2019;2\n").unwrap_err();
        assert!(e.message.contains("'2/29/2019' (rij 3)"), "{}", e.message);
        assert!(e.message_en.is_some());
        // Headers: a date that is none month first names its column.
        let e = load("t.csv", b"regio;12/31/2019;2/30/2019\nA;1;2\n").unwrap_err();
        assert!(
            e.message.contains("'2/30/2019' is zo geen datum"),
            "{}",
            e.message
        );
        assert_eq!(
            e.location.and_then(|l| l.column).as_deref(),
            Some("2/30/2019")
        );
    }
}
