//! A table laid out as published tables are, one column of numbers per period
//! (`Arbeidsmarktregio;2015;2016;2017`), read as the long table the views work on: the period
//! headers become the values of one column `periode`, their numbers one column `waarde`, every
//! other column repeated per period. The file line says so; row numbers stay the file's.

#[cfg(feature = "full")]
use super::roles::cell_id;
use crate::spec::Period;
use crate::table::{Column, ColumnKind, RowNumbers, Table};

/// `table` read otherwise: its source, with the given columns, file row numbers and file line
/// (no totals told by sums yet: the regional reading tells them again).
pub(crate) fn remade(
    table: &Table,
    columns: Vec<Column>,
    row_numbers: RowNumbers,
    detected: crate::table::Detected,
) -> Table {
    Table {
        source: table.source.clone(),
        columns,
        row_numbers,
        detected,
        #[cfg(feature = "full")]
        totals: Vec::new(),
    }
}

/// `base`, or `base (2)`, `base (3)`, ...: a column name the table does not have yet.
pub(crate) fn free_name(table: &Table, base: &str) -> String {
    let mut name = base.to_string();
    let mut k = 2;
    while table.columns.iter().any(|c| c.name == name) {
        name = format!("{base} ({k})");
        k += 1;
    }
    name
}

/// The long table's columns and file row numbers: each row of `table` once per period, with
/// the `others` columns repeated, the period's label (`period`: the column's name and the labels)
/// and per measure (its name, its column per period) the number of that period.
pub(crate) fn reshape(
    table: &Table,
    others: &[usize],
    (period_name, labels): (&str, &[&str]),
    measures: &[(String, Vec<usize>)],
) -> (Vec<Column>, RowNumbers) {
    let rows = table.len() * labels.len();
    let mut columns: Vec<Column> = others
        .iter()
        .map(|&j| Column::with_capacity(table.columns[j].name.clone(), rows))
        .collect();
    let mut period = Column::with_capacity(period_name.to_string(), rows);
    let mut values: Vec<Column> = measures
        .iter()
        .map(|(m, _)| Column::with_capacity(m.clone(), rows))
        .collect();
    let mut row_numbers = RowNumbers::new();
    for i in 0..table.len() {
        let row = table.row_numbers.get(i).unwrap_or(i + 1);
        for (k, label) in labels.iter().enumerate() {
            for (c, &j) in columns.iter_mut().zip(others) {
                c.push(table.columns[j].get(i).to_value());
            }
            period.push_text(label);
            for (v, (_, cols)) in values.iter_mut().zip(measures) {
                v.push(table.columns[cols[k]].get(i).to_value());
            }
            row_numbers.push(u32::try_from(row).unwrap_or(u32::MAX));
        }
    }
    columns.push(period);
    columns.extend(values);
    for c in columns.iter_mut() {
        c.finish();
    }
    (columns, row_numbers)
}

/// At most this many rows are made (rows x periods); a larger table stays as it is.
pub(crate) const MAX_ROWS: usize = 5_000_000;

/// The long form of `table` when at least two of its columns are headed by a period and hold
/// numbers (or nothing), and every other column holds texts; `None` for any other table.
pub fn periods_as_rows(table: &Table) -> Option<Table> {
    let (periods, others): (Vec<usize>, Vec<usize>) =
        (0..table.columns.len()).partition(|&j| Period::parse(&table.columns[j].name).is_some());
    let (totals, others) = totals_over_periods(table, others);
    let kind = |j: usize| table.columns[j].kind();
    if periods.len() < 2
        || periods.iter().any(|&j| kind(j) == ColumnKind::Text)
        || periods.iter().all(|&j| kind(j) == ColumnKind::Empty)
        || others.iter().any(|&j| kind(j) == ColumnKind::Number)
    {
        return None;
    }
    let rows = table.len().checked_mul(periods.len())?;
    if rows > MAX_ROWS {
        return None;
    }
    let (period_name, value_name) = (free_name(table, "periode"), free_name(table, "waarde"));
    let labels: Vec<&str> = periods
        .iter()
        .map(|&p| table.columns[p].name.as_str())
        .collect();
    let (columns, row_numbers) = reshape(
        table,
        &others,
        (&period_name, &labels),
        &[(value_name.clone(), periods.clone())],
    );
    // (`detected.rows` stays the file's count of data rows.)
    let mut detected = table.detected.clone();
    let heads: Vec<&str> = periods
        .iter()
        .map(|&j| table.columns[j].name.as_str())
        .collect();
    let shown = if heads.len() > 4 {
        format!("{} ... {}", heads[..2].join(", "), heads[heads.len() - 1])
    } else {
        heads.join(", ")
    };
    let (n, m) = (table.len(), rows);
    say_reshaped(
        &mut detected,
        (
            format!("Eén kolom per periode ({shown}): gelezen als de kolom '{period_name}' met de getallen in '{value_name}'"),
            format!("One column per period ({shown}): read as the column '{period_name}' with the numbers in '{value_name}'"),
        ),
        (n, m),
    );
    say_totals_set_aside(table, &totals, &mut detected);
    Some(remade(table, columns, row_numbers, detected))
}

/// The columns of `others` that hold a pivot table's total over the periods (numbers under a
/// header such as `Eindtotaal`, `Totaal`, `Grand Total`, or `Eindtotaal personen` under a header
/// over two rows, `werkzaam All` as pandas' `margins=True` writes it) apart from the rest: `(totals, rest)`. When the periods become rows such a
/// column has no period to go with; it is left out, and the file line says so.
/// Also a column of row numbers (pandas' index, R's row names: see
/// [`crate::compute::regional::columns::is_row_counter`]), which has no period either.
fn totals_over_periods(table: &Table, others: Vec<usize>) -> (Vec<usize>, Vec<usize>) {
    others.into_iter().partition(|&j| {
        let c = &table.columns[j];
        let mut words = c.name.split_whitespace();
        let first = words.next().unwrap_or("");
        let last = words.next_back().unwrap_or("");
        matches!(c.kind(), ColumnKind::Number | ColumnKind::Empty)
            && (crate::data::tidy::is_total(&c.name)
                || crate::data::tidy::is_total(first)
                || crate::data::tidy::is_total(last)
                || counter(c))
    })
}

/// Whether a column holds row numbers (the full core reads the tables whose periods become rows).
fn counter(c: &Column) -> bool {
    #[cfg(feature = "full")]
    return crate::compute::regional::columns::is_row_counter(c);
    #[cfg(not(feature = "full"))]
    {
        let _ = c;
        false
    }
}

/// The file line's note on the total columns [`totals_over_periods`] set aside.
fn say_totals_set_aside(table: &Table, totals: &[usize], detected: &mut crate::table::Detected) {
    if totals.is_empty() {
        return;
    }
    let (counters, totals): (Vec<&usize>, Vec<&usize>) =
        totals.iter().partition(|j| counter(&table.columns[**j]));
    if let Some(&&j) = counters.first() {
        let name = &table.columns[j].name;
        detected.note(
            format!("Kolom '{name}' (rijnummers, zoals pandas en R ze schrijven) weggelaten: die zegt niets over de periodes."),
            format!("Column '{name}' (row numbers, as pandas and R write them) left out: it says nothing about the periods."),
        );
    }
    if totals.is_empty() {
        return;
    }
    let names: Vec<String> = totals
        .iter()
        .map(|&&j| format!("'{}'", table.columns[j].name))
        .collect();
    let names = names.join(", ");
    detected.note(
        if totals.len() == 1 {
            format!("Kolom {names} (een totaal over de periodes) weggelaten: de weergaven tellen zelf op wat ze optellen.")
        } else {
            format!("Kolommen {names} (totalen over de periodes) weggelaten: de weergaven tellen zelf op wat ze optellen.")
        },
        if totals.len() == 1 {
            format!("Column {names} (a total over the periods) left out: the views add up what they add up themselves.")
        } else {
            format!("Columns {names} (totals over the periods) left out: the views add up what they add up themselves.")
        },
    );
}

/// Says in the file line how a table was reshaped: `what` in Dutch and English, then its rows
/// before and after (`(7 rijen -> 28 rijen)`).
pub(crate) fn say_reshaped(
    detected: &mut crate::table::Detected,
    (nl, en): (String, String),
    (before, after): (usize, usize),
) {
    use crate::format::{nl as nl_number, number, Lang};
    detected.note(
        format!(
            "{nl} ({} rijen -> {} rijen).",
            nl_number(before as f64, 0),
            nl_number(after as f64, 0)
        ),
        format!(
            "{en} ({} rows -> {} rows).",
            number(before as f64, 0, Lang::En),
            number(after as f64, 0, Lang::En)
        ),
    );
}

/// A column header made of a measure and a period, the period last or first after a space,
/// `_`, `-` or `.` (`Werkzame personen 2015`, `personen_2016`, `2017 werkzaam`, a header over two
/// rows `Personen doelgroepregister 2015`): the measure and the period as written.
fn measure_and_period(header: &str) -> Option<(String, String)> {
    let h = header.trim();
    let cut = |at: usize, len: usize| -> Option<(String, String)> {
        let period = h.get(at..at + len)?;
        Period::parse(period)?;
        let measure = if at == 0 { &h[len..] } else { &h[..at] };
        let measure = measure.trim_matches(|c: char| c.is_whitespace() || "_-.:".contains(c));
        measure
            .chars()
            .any(char::is_alphabetic)
            .then(|| (measure.to_string(), period.to_string()))
    };
    let sep = |c: char| c.is_whitespace() || "_-.".contains(c);
    if let Some((at, c)) = h.char_indices().rev().find(|&(_, c)| sep(c)) {
        // After the separator, which may take more than one byte (a no-break space).
        let from = at + c.len_utf8();
        if let Some(found) = cut(from, h.len() - from) {
            return Some(with_lead_words(found));
        }
    }
    h.find(sep).and_then(|at| cut(0, at))
}

/// A period found at a header's end with the words before it that belong to it: `Werkzaam
/// ultimo 2015` is the measure `Werkzaam` at `ultimo 2015`, `Werkzaam Q4 2015` at `Q4 2015`
/// (up to three words, as long as the longer text is still one period).
fn with_lead_words((measure, period): (String, String)) -> (String, String) {
    let words: Vec<&str> = measure.split_whitespace().collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|k| {
            let cand = format!("{} {period}", words[words.len() - k..].join(" "));
            Period::parse(&cand).map(|_| (words[..words.len() - k].join(" "), cand))
        })
        .unwrap_or((measure, period))
}

/// The long form of a table laid out with one column per measure and period (`personen 2015;
/// personen 2016; werkzaam 2015; werkzaam 2016`, as published tables and a header over two rows
/// write them): a column `periode` with the periods as written and one column per measure
/// (`personen`, `werkzaam`), every other column (texts only) repeated per period. Only when every
/// measure has the same two or more periods; `None` for any other table.
pub fn measures_by_period_as_rows(table: &Table) -> Option<Table> {
    let kind = |j: usize| table.columns[j].kind();
    let mut measures: Vec<(String, Vec<(String, usize)>)> = Vec::new();
    let mut others = Vec::new();
    for (j, c) in table.columns.iter().enumerate() {
        match measure_and_period(&c.name) {
            Some((m, p)) if kind(j) != ColumnKind::Text => {
                let key = crate::case::lower(&m);
                match measures
                    .iter_mut()
                    .find(|(k, _)| crate::case::lower(k) == key)
                {
                    Some((_, ps)) => ps.push((p, j)),
                    None => measures.push((m, vec![(p, j)])),
                }
            }
            _ => others.push(j),
        }
    }
    let (totals, others) = totals_over_periods(table, others);
    let periods: Vec<Option<Period>> = measures
        .first()?
        .1
        .iter()
        .map(|(p, _)| Period::parse(p))
        .collect();
    let same_periods = measures.iter().all(|(_, ps)| {
        ps.len() == periods.len()
            && ps
                .iter()
                .zip(&periods)
                .all(|((p, _), q)| Period::parse(p) == *q)
    });
    let mut distinct = periods.clone();
    distinct.dedup();
    if periods.len() < 2
        || distinct.len() != periods.len()
        || !same_periods
        || measures
            .iter()
            .flat_map(|(_, ps)| ps)
            .all(|&(_, j)| kind(j) == ColumnKind::Empty)
        || others.iter().any(|&j| kind(j) == ColumnKind::Number)
    {
        return None;
    }
    let rows = table.len().checked_mul(periods.len())?;
    if rows > MAX_ROWS {
        return None;
    }
    let period_name = free_name(table, "periode");
    let labels: Vec<&str> = measures[0].1.iter().map(|(p, _)| p.as_str()).collect();
    let by_measure: Vec<(String, Vec<usize>)> = measures
        .iter()
        .map(|(m, ps)| (m.clone(), ps.iter().map(|&(_, j)| j).collect()))
        .collect();
    let (columns, row_numbers) = reshape(table, &others, (&period_name, &labels), &by_measure);
    let mut detected = table.detected.clone();
    let names: Vec<String> = measures.iter().map(|(m, _)| format!("'{m}'")).collect();
    let shown: Vec<&str> = measures[0].1.iter().map(|(p, _)| p.as_str()).collect();
    let (n, m) = (table.len(), rows);
    say_reshaped(
        &mut detected,
        (
            format!(
                "Eén kolom per maat en periode ({} voor {}): gelezen als de kolom '{period_name}' met één kolom per maat",
            names.join(", "),
            shown.join(", ")
            ),
            format!(
                "One column per measure and period ({} for {}): read as the column '{period_name}' with one column per measure",
            names.join(", "),
            shown.join(", ")
            ),
        ),
        (n, m),
    );
    say_totals_set_aside(table, &totals, &mut detected);
    Some(remade(table, columns, row_numbers, detected))
}

/// A share written as a fraction (`aandeel` 0.569 for 56.9 %, as pandas and Stata keep shares):
/// a column of numbers named as a share (`aandeel`, `share`, `fractie`, `proportie`; not as a
/// percentage) whose numbers all lie between 0 and 1, some strictly between. The views label a
/// share as a percentage, so its numbers are read times 100 (`0,60 %` was shown for 60 %), and the
/// file line says so. `None` when the table has no such column.
#[cfg(feature = "full")]
pub fn fractions_as_percentages(table: &Table) -> Option<Table> {
    use crate::compute::regional::columns::fold_header;
    let fraction = |c: &Column| {
        let folded = fold_header(&c.name);
        let words: Vec<&str> = folded.split('_').collect();
        let share = words.iter().any(|w| {
            matches!(
                *w,
                "aandeel" | "share" | "fractie" | "fraction" | "proportie" | "proportion"
            )
        });
        let percent = words
            .iter()
            .any(|w| matches!(*w, "pct" | "procent" | "percentage" | "perc" | "percent"))
            || c.name.contains('%');
        if !share || percent || c.kind() != ColumnKind::Number {
            return false;
        }
        let (mut n, mut between) = (0usize, false);
        for i in 0..c.len() {
            if let Some(v) = c.number(i) {
                if !(0.0..=1.0).contains(&v) {
                    return false;
                }
                n += 1;
                between |= v > 0.0 && v < 1.0;
            }
        }
        n >= 2 && between
    };
    let which: Vec<usize> = (0..table.columns.len())
        .filter(|&j| fraction(&table.columns[j]))
        .collect();
    if which.is_empty() {
        return None;
    }
    let mut columns = table.columns.clone();
    for &j in &which {
        let c = &table.columns[j];
        let mut scaled = Column::with_capacity(c.name.clone(), c.len());
        for i in 0..c.len() {
            match c.number(i) {
                Some(v) => scaled.push_number(v * 100.0),
                None => scaled.push(c.get(i).to_value()),
            }
        }
        scaled.finish();
        columns[j] = scaled;
    }
    let mut detected = table.detected.clone();
    let names: Vec<String> = which
        .iter()
        .map(|&j| format!("'{}'", table.columns[j].name))
        .collect();
    let names = names.join(", ");
    detected.note(
        format!("Aandelen als fractie (alle getallen tussen 0 en 1) in {names}: gelezen als percentage, maal 100."),
        format!("Shares as fractions (every number between 0 and 1) in {names}: read as percentages, times 100."),
    );
    Some(remade(table, columns, table.row_numbers.clone(), detected))
}

/// A year column and a quarter or month column beside it (`jaar` 2019, `kwartaal` 1 or `K1` or
/// `1e kwartaal`; `maand` 4 or `april`) read as one period column (`2019K1`, `2019M04`), in
/// place of the year column: the views then see quarters or months, never four quarters of a
/// year summed as if they were parts of it. `None` when the table has no such pair, or a row
/// whose two cells are no period together.
pub fn year_and_part_as_period(table: &Table) -> Option<Table> {
    use crate::compute::regional::columns::fold_header;
    let words = |j: usize| -> Vec<String> {
        fold_header(&table.columns[j].name)
            .split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let named = |j: usize, names: &[&str]| words(j).iter().any(|w| names.contains(&w.as_str()));
    let year = (0..table.columns.len()).find(|&j| {
        named(j, &["jaar", "year", "jaartal"])
            && !named(j, &["kwartaal", "quarter", "maand", "month"])
            && table.columns[j].kind() == ColumnKind::Number
            && (0..table.len()).all(|i| {
                table.columns[j]
                    .number(i)
                    .is_some_and(|y| y.fract() == 0.0 && (1900.0..=2100.0).contains(&y))
            })
    })?;
    let (part, quarter) = (0..table.columns.len()).find_map(|j| {
        if j == year {
            return None;
        }
        if named(j, &["kwartaal", "quarter", "kw"]) {
            Some((j, true))
        } else if named(j, &["maand", "month"]) {
            Some((j, false))
        } else {
            None
        }
    })?;
    let col = &table.columns[part];
    let name = free_name(table, if quarter { "periode" } else { "maand_periode" });
    let mut period = Column::with_capacity(name.clone(), table.len());
    let mut first: Option<Period> = None;
    for i in 0..table.len() {
        let y = table.columns[year].number(i)? as i32;
        let p = match col.get(i) {
            // (The first core reads the built-in data only, which has years.)
            crate::table::Cell::Text(t)
                if cfg!(feature = "full") && crate::data::tidy::is_total(t) =>
            {
                // A pivot table's total over the year's quarters or months (`kwartaal` =
                // Totaal): no stand at any moment (a sum of four stands is not a count of
                // persons). The period says it is a total (`Totaal 2019`); the views leave it
                // out or use it as a total, never as a quarter.
                period.push_text(&format!("Totaal {y}"));
                continue;
            }
            crate::table::Cell::Number(n) if n.fract() == 0.0 => {
                let n = n as u32;
                let text = if quarter && (1..=4).contains(&n) {
                    format!("{y}K{n}")
                } else if !quarter && (1..=12).contains(&n) {
                    format!("{y}M{n:02}")
                } else {
                    return None;
                };
                Period::parse(&text)?
            }
            crate::table::Cell::Text(t) => {
                let t = t.trim();
                Period::parse(&format!("{y}{t}"))
                    .or_else(|| Period::parse(&format!("{t} {y}")))
                    // (Not a text that names another year itself.)
                    .filter(|p| p.to_string().starts_with(&y.to_string()))?
            }
            _ => return None,
        };
        let want = if quarter {
            crate::spec::Grain::Quarter
        } else {
            crate::spec::Grain::Month
        };
        if p.grain() != want {
            return None;
        }
        first.get_or_insert(p);
        period.push_text(&p.to_string());
    }
    // (Totals only: no period.)
    let first = first?;
    period.finish();
    // The period column in place of the year column; the quarter or month column dropped.
    let mut period = Some(period);
    let columns: Vec<Column> = (0..table.columns.len())
        .filter(|&j| j != part)
        .filter_map(|j| {
            if j == year {
                period.take()
            } else {
                Some(table.columns[j].clone())
            }
        })
        .collect();
    let mut detected = table.detected.clone();
    let (y, p) = (&table.columns[year].name, &table.columns[part].name);
    let example = first.to_string();
    // A view or a column mapping that names either finds the period.
    #[cfg(feature = "full")]
    {
        detected.renamed.push((y.clone(), name.clone()));
        detected.renamed.push((p.clone(), name.clone()));
    }
    detected.note(
        format!("Kolommen '{y}' en '{p}' samengenomen tot de periode '{name}' ({example})."),
        format!("Columns '{y}' and '{p}' taken together as the period '{name}' ({example})."),
    );
    Some(remade(table, columns, table.row_numbers.clone(), detected))
}

#[cfg(feature = "full")]
/// The role of a column in CBS's OData v4 observations (datasets.cbs.nl):
/// `Id;Measure;ValueAttribute;Value;<dimensions>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ObservationColumn {
    Measure,
    Value,
    Attribute,
    RowNumber,
    Dimension,
}

#[cfg(feature = "full")]
fn observation_column(column: &Column) -> ObservationColumn {
    use crate::compute::regional::columns::{fold_header, is_row_counter};
    match fold_header(&column.name).as_str() {
        "measure" | "measure_code" | "measures" => ObservationColumn::Measure,
        "value" | "waarde" => ObservationColumn::Value,
        "value_attribute" | "valueattribute" | "value_attributes" => ObservationColumn::Attribute,
        _ if is_row_counter(column) => ObservationColumn::RowNumber,
        _ => ObservationColumn::Dimension,
    }
}

#[cfg(feature = "full")]
/// A measure written as a code (`M001234`, `D000123`, `A045_2`): letters, then digits (a CBS
/// key's topic number after `_` too), no count any header word names.
fn is_measure_code(measure: &str) -> bool {
    let m = measure.trim();
    let head = m.split('_').next().unwrap_or("");
    let letters = head.chars().take_while(char::is_ascii_alphabetic).count();
    let digits = &head[letters..];
    (1..=3).contains(&letters)
        && digits.len() >= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && m[head.len()..]
            .trim_start_matches('_')
            .bytes()
            .all(|b| b.is_ascii_digit())
        && crate::compute::regional::columns::Count::from_header(m).is_none()
}

#[cfg(feature = "full")]
/// Whether an OData v4 `ValueAttribute` says the value is as published (`None`, or empty).
fn attribute_is_none(cell: crate::table::Cell<'_>) -> bool {
    match cell {
        crate::table::Cell::Missing => true,
        crate::table::Cell::Text(t) => {
            let t = t.trim();
            t.is_empty() || t.eq_ignore_ascii_case("none")
        }
        crate::table::Cell::Number(_) => false,
    }
}

#[cfg(feature = "full")]
/// A cell of the reshaped table: which file row gave it, and the number (or `None`: missing,
/// or withheld by its `ValueAttribute`).
#[derive(Clone, Copy)]
struct Observed {
    row: usize,
    value: Option<f64>,
}

#[cfg(feature = "full")]
/// CBS's OData v4 observations (datasets.cbs.nl, CSV or the JSON `{"value": [...]}` answer):
/// one row per measure, named in a `Measure` column (a title or a code), its number in `Value`,
/// beside the dimension columns (`RegioS`, `Perioden`, `Doelgroep`), read as the long table with
/// one column per measure, every dimension once per combination. A value whose `ValueAttribute`
/// is not `None` (`Impossible`, `Confidential`, `Missing`) is missing, never 0; a row counter
/// (`Id`) and the attribute column are left out; measures written as codes keep their code as
/// the column's name, and the file line says that a MeasureCodes table (or a column mapping)
/// must tell what they are. All said in the file line. `Ok(None)` for any other table; an error
/// for a measure given twice for the same dimensions (both rows named) or a row without one.
pub fn observations_as_columns(table: &Table) -> crate::error::Result<Option<Table>> {
    let roles: Vec<ObservationColumn> = table.columns.iter().map(observation_column).collect();
    let find = |r: ObservationColumn| -> Option<usize> {
        let mut found = (0..roles.len()).filter(|&j| roles[j] == r);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    };
    let (Some(measure), Some(value)) = (
        find(ObservationColumn::Measure),
        find(ObservationColumn::Value),
    ) else {
        return Ok(None);
    };
    let attribute = find(ObservationColumn::Attribute);
    let dims: Vec<usize> = (0..roles.len())
        .filter(|&j| roles[j] == ObservationColumn::Dimension)
        .collect();
    let counters: Vec<usize> = (0..roles.len())
        .filter(|&j| roles[j] == ObservationColumn::RowNumber)
        .collect();
    let kind = |j: usize| table.columns[j].kind();
    if kind(measure) != ColumnKind::Text
        || !matches!(kind(value), ColumnKind::Number | ColumnKind::Empty)
        || dims.is_empty()
        || table.is_empty()
    {
        return Ok(None);
    }
    let left_out = counters.into_iter().chain(attribute).collect();
    let pivot = Pivot {
        measure,
        value,
        attribute,
        dims,
        left_out,
        odata: true,
    };
    pivot_measures(table, &pivot)
}

#[cfg(feature = "full")]
/// Which columns a table of one row per measure is read by: the measure names and their number,
/// the attribute column that may withhold a number (OData v4), the dimensions (one row per
/// combination), the columns left out, and whether the table is CBS's OData v4 (for the file
/// line's words and the notes on codes).
struct Pivot {
    measure: usize,
    value: usize,
    attribute: Option<usize>,
    dims: Vec<usize>,
    left_out: Vec<usize>,
    odata: bool,
}

#[cfg(feature = "full")]
/// A table of one row per measure (OData v4 observations, or a measure column a user exported
/// beside a number column, `Onderwerp;Waarde`) read as one column per measure: see
/// [`observations_as_columns`] and [`measure_column_as_columns`].
fn pivot_measures(table: &Table, pivot: &Pivot) -> crate::error::Result<Option<Table>> {
    use crate::error::{Error, ErrorKind};
    use crate::table::Cell;
    let Pivot {
        measure,
        value,
        attribute,
        ref dims,
        ref left_out,
        odata,
    } = *pivot;
    let at = |i: usize, column: &str| table.location(i, column);
    let (word, word_en) = (
        table.detected.row_word().to_string(),
        table
            .detected
            .row_word_in(crate::format::Lang::En)
            .to_string(),
    );
    let capital = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let plural = |w: &str| {
        if w == "rij" {
            "rijen".to_string()
        } else {
            format!("{w}s")
        }
    };
    let (words, words_en) = (plural(&word), plural(&word_en));
    // The measures in the order they first come; per combination of the dimensions one slot
    // per measure.
    let mut measures: Vec<String> = Vec::new();
    let mut measure_of_code: Vec<Option<usize>> =
        vec![None; table.columns[measure].dictionary().len()];
    // A cell's key: 0 when empty, 1 and a number's bits, 2 and a text's code (a number's sign
    // kept: -1 and 1 are apart).
    // The combinations found: their keys one after another in `keys`, found by their hash
    // (`group_of`, then `same_hash` to the next combination of the same hash), and per
    // combination its first row and one slot per measure text (`stride`, at most the measure
    // column's texts) in `slots`: no allocation per row or combination.
    let d = dims.len();
    let stride = table.columns[measure].dictionary().len().max(1);
    let mut group_of: crate::table::FastMap<u64, u32> = Default::default();
    let mut same_hash: Vec<u32> = Vec::new();
    let mut keys: Vec<(u8, u64)> = Vec::new();
    let mut groups: Vec<usize> = Vec::new();
    let mut slots: Vec<Option<Observed>> = Vec::new();
    // Withheld values: per attribute text, how many and the first rows.
    let mut withheld: Vec<(String, usize, Vec<usize>)> = Vec::new();
    let mut withheld_numbers = 0usize;
    let mut key: Vec<(u8, u64)> = Vec::with_capacity(d);
    for i in 0..table.len() {
        let Some(code) = table.columns[measure].code(i) else {
            return Err(Error::new2(
                ErrorKind::BadValue,
                format!(
                    "Deze {word} noemt geen maat in '{}': elke waarneming hoort bij een maat.",
                    table.columns[measure].name
                ),
                format!(
                    "This {word_en} names no measure in '{}': every observation belongs to a measure.",
                    table.columns[measure].name
                ),
            )
            .at(at(i, &table.columns[measure].name)));
        };
        let m = match measure_of_code[code as usize] {
            Some(m) => m,
            None => {
                let text = table.columns[measure].dictionary()[code as usize].trim();
                let m = measures.iter().position(|k| k == text).unwrap_or_else(|| {
                    measures.push(text.to_string());
                    measures.len() - 1
                });
                measure_of_code[code as usize] = Some(m);
                m
            }
        };
        key.clear();
        key.extend(dims.iter().map(|&j| cell_id(&table.columns[j], i)));
        let hash = {
            use std::hash::Hasher;
            let mut h = crate::table::FastHasher::default();
            for &(kind, bits) in &key {
                h.write_u8(kind);
                h.write_u64(bits);
            }
            h.finish()
        };
        let mut found = group_of.get(&hash).copied();
        while let Some(g) = found {
            let g = g as usize;
            if keys[g * d..(g + 1) * d] == key[..] {
                break;
            }
            found = Some(same_hash[g]).filter(|&next| next != u32::MAX);
        }
        let g = match found {
            Some(g) => g as usize,
            None => {
                let g = groups.len();
                let Ok(g32) = u32::try_from(g) else {
                    return Ok(None);
                };
                same_hash.push(group_of.insert(hash, g32).unwrap_or(u32::MAX));
                keys.extend_from_slice(&key);
                groups.push(i);
                slots.resize(slots.len() + stride, None);
                g
            }
        };
        let mut v = table.columns[value].number(i);
        if let Some(a) = attribute {
            let cell = table.columns[a].get(i);
            if !attribute_is_none(cell) {
                let text = match cell {
                    Cell::Text(t) => t.trim().to_string(),
                    other => other.to_value().as_text().unwrap_or_default(),
                };
                match withheld.iter_mut().find(|(t, _, _)| *t == text) {
                    Some((_, n, rows)) => {
                        *n += 1;
                        if rows.len() < 5 {
                            rows.push(i);
                        }
                    }
                    None => withheld.push((text, 1, vec![i])),
                }
                withheld_numbers += usize::from(v.is_some());
                v = None;
            }
        }
        let slot = &mut slots[g * stride..(g + 1) * stride];
        if let Some(before) = slot[m] {
            let dims_shown: Vec<String> = dims
                .iter()
                .map(|&j| {
                    let c = &table.columns[j];
                    format!(
                        "{} {}",
                        c.name,
                        c.get(i).to_value().as_text().unwrap_or_default()
                    )
                })
                .collect();
            let (a, b) = (table.row_shown(before.row), table.row_shown(i));
            return Err(Error::new2(
                ErrorKind::Duplicate,
                format!(
                    "{} {a} en {word} {b} geven allebei '{}' voor {}: welke geldt? (Ze worden niet opgeteld.)",
                    capital(&word),
                    measures[m],
                    dims_shown.join(", ")
                ),
                format!(
                    "{} {a} and {word_en} {b} both give '{}' for {}: which one holds? (They are not added up.)",
                    capital(&word_en),
                    measures[m],
                    dims_shown.join(", ")
                ),
            )
            .at(at(i, &table.columns[measure].name)));
        }
        slot[m] = Some(Observed { row: i, value: v });
    }
    // The long table: the dimensions of each combination, then one column per measure.
    let n = groups.len();
    let mut columns: Vec<Column> = dims
        .iter()
        .map(|&j| Column::with_capacity(table.columns[j].name.clone(), n))
        .collect();
    for (c, &j) in columns.iter_mut().zip(dims) {
        for &i in &groups {
            c.push(table.columns[j].get(i).to_value());
        }
    }
    let mut names: Vec<String> = Vec::new();
    for m in &measures {
        let mut name = m.clone();
        let mut k = 2;
        while dims.iter().any(|&j| table.columns[j].name == name) || names.contains(&name) {
            name = format!("{m} ({k})");
            k += 1;
        }
        names.push(name);
    }
    for (m, name) in names.iter().enumerate() {
        let mut c = Column::with_capacity(name.clone(), n);
        for slot in slots.chunks_exact(stride) {
            match slot.get(m).copied().flatten().and_then(|o| o.value) {
                Some(v) => c.push_number(v),
                None => c.push_missing(),
            }
        }
        columns.push(c);
    }
    for c in columns.iter_mut() {
        c.finish();
    }
    let mut row_numbers = RowNumbers::new();
    for &i in &groups {
        let row = table.row_number(i).unwrap_or(i + 1);
        row_numbers.push(u32::try_from(row).unwrap_or(u32::MAX));
    }
    let mut detected = table.detected.clone();
    let quoted: Vec<String> = measures.iter().map(|m| format!("'{m}'")).collect();
    let (list_nl, list_en) = (
        crate::format::first_ten(&quoted, crate::format::Lang::Nl),
        crate::format::first_ten(&quoted, crate::format::Lang::En),
    );
    let left_out: Vec<String> = left_out
        .iter()
        .map(|&j| format!("'{}'", table.columns[j].name))
        .collect();
    let (mname, vname) = (&table.columns[measure].name, &table.columns[value].name);
    let count = |x: usize, lang| crate::format::number(x as f64, 0, lang);
    use crate::format::Lang::{En, Nl};
    // (A column left out of a user's table goes with the measure: its unit, its code.)
    let (lead_nl, lead_en, why_nl, why_en) = if odata {
        (
            "Waarnemingen van CBS (OData v4): één",
            "CBS observations (OData v4): one",
            "",
            "",
        )
    } else {
        (
            "Eén",
            "One",
            " (hoort bij de maat)",
            " (goes with the measure)",
        )
    };
    detected.note(
        format!(
            "{lead_nl} {word} per maat in '{mname}' met het getal in '{vname}'; gelezen als één kolom per maat ({list_nl}), {} {words} -> {} {words}{}.",
            count(table.len(), Nl),
            count(n, Nl),
            if left_out.is_empty() { String::new() } else { format!("; {} weggelaten{why_nl}", left_out.join(", ")) }
        ),
        format!(
            "{lead_en} {word_en} per measure in '{mname}' with the number in '{vname}'; read as one column per measure ({list_en}), {} {words_en} -> {} {words_en}{}.",
            count(table.len(), En),
            count(n, En),
            if left_out.is_empty() { String::new() } else { format!("; {} left out{why_en}", left_out.join(", ")) }
        ),
    );
    if let Some(a) = attribute {
        let aname = &table.columns[a].name;
        let total: usize = withheld.iter().map(|(_, k, _)| k).sum();
        if total == 0 {
            detected.note(
                format!("'{aname}' is overal None: geen waarde afgeschermd."),
                format!("'{aname}' is None throughout: no value withheld."),
            );
        } else {
            let kinds: Vec<String> = withheld
                .iter()
                .map(|(t, k, _)| format!("{t} {k}"))
                .collect();
            let first: Vec<usize> = {
                let mut rows: Vec<usize> = withheld
                    .iter()
                    .flat_map(|(_, _, r)| r.iter().copied())
                    .collect();
                rows.sort_unstable();
                rows.truncate(5);
                rows
            };
            let shown = |w: &str| -> String {
                first
                    .iter()
                    .map(|&i| format!("{w} {}", table.row_shown(i)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let more = |lang| {
                if total > first.len() {
                    match lang {
                        Nl => format!(" en {} meer", total - first.len()),
                        En => format!(" and {} more", total - first.len()),
                    }
                } else {
                    String::new()
                }
            };
            let numbers = |lang| match (withheld_numbers, lang) {
                (0, _) => String::new(),
                (k, Nl) => format!(" ({k} met een getal in '{vname}', dat niet gebruikt is)"),
                (k, En) => format!(" ({k} with a number in '{vname}', which is not used)"),
            };
            detected.note(
                format!(
                    "{} waarden met een '{aname}' anders dan None ({}) als ontbrekend gelezen, nooit als 0{}: {}{}",
                    count(total, Nl),
                    kinds.join(", "),
                    numbers(Nl),
                    shown(&word),
                    more(Nl)
                ),
                format!(
                    "{} values with a '{aname}' other than None ({}) read as missing, never as 0{}: {}{}",
                    count(total, En),
                    kinds.join(", "),
                    numbers(En),
                    shown(&word_en),
                    more(En)
                ),
            );
        }
    }
    let codes: Vec<String> = measures
        .iter()
        .filter(|m| odata && is_measure_code(m))
        .map(|m| format!("'{m}'"))
        .collect();
    if !codes.is_empty() {
        let (c_nl, c_en) = (
            crate::format::first_ten(&codes, Nl),
            crate::format::first_ten(&codes, En),
        );
        detected.note(
            format!(
                "De maten {c_nl} zijn codes: wat ze tellen staat in de tabel MeasureCodes van de dataset, niet in dit bestand. Niet geraden: geef elke code haar titel als naam, of koppel de kolom in de kolomkoppeling (bijvoorbeeld --map '{}=workers_total')."
            , measures.iter().find(|m| is_measure_code(m)).map_or("", |m| m.as_str())),
            format!(
                "The measures {c_en} are codes: what they count is in the dataset's MeasureCodes table, not in this file. Not guessed: give each code its title as its name, or map the column in the column mapping (for example --map '{}=workers_total')."
            , measures.iter().find(|m| is_measure_code(m)).map_or("", |m| m.as_str())),
        );
    }
    Ok(Some(remade(table, columns, row_numbers, detected)))
}

#[cfg(feature = "full")]
/// How many texts of a column name a count (`Personen in doelgroepregister`, `Werkzame
/// personen`), when none is named twice; `None` when one is (which of the two holds is not
/// told). The measure column of a table of one row per measure, or of a pivot table with one
/// row per measure, is one whose texts name counts so.
fn counts_named(c: &Column) -> Option<usize> {
    use crate::compute::regional::columns::Count;
    let mut counts: Vec<Count> = c
        .dictionary()
        .iter()
        .filter_map(|t| Count::from_header(t))
        .collect();
    let named = counts.len();
    counts.sort_by_key(|c| c.index());
    counts.dedup();
    (counts.len() == named).then_some(named)
}

#[cfg(feature = "full")]
/// A table of one row per measure as users export it (a StatLine download with its topics in
/// the rows, a dashboard's export, a published table melted by periods): a text column whose
/// values name two or more different counts (`Onderwerp`: `Personen in doelgroepregister`,
/// `Werkzame personen`), one column of numbers beside it (`Waarde`, `Aantal`), and the
/// dimensions (region, period, subgroup). Read as one column per measure, one row per
/// combination of the dimensions, as [`observations_as_columns`] reads CBS's OData v4. A text
/// column that goes with the measure (`Eenheid`: `personen`, `banen`) is left out: as a dimension
/// it would keep each measure on rows of its own. `None` for any other table: none such, a
/// column headed as a count already, or a measure given twice for the same dimensions (left to
/// the views, which say so).
pub fn measure_column_as_columns(table: &Table) -> Option<Table> {
    use crate::compute::regional::columns::{is_row_counter, Count, IdColumn};
    if table.is_empty()
        || table
            .columns
            .iter()
            .any(|c| Count::from_header(&c.name).is_some())
    {
        return None;
    }
    let kind = |j: usize| table.columns[j].kind();
    // The measure column: texts, at most 50, two or more naming a count, no count named twice,
    // and at least half of them naming one.
    let names_measures = |j: usize| -> bool {
        let texts = table.columns[j].dictionary().len();
        kind(j) == ColumnKind::Text
            && texts <= 50
            && counts_named(&table.columns[j]).is_some_and(|named| named >= 2 && named * 2 >= texts)
    };
    let mut found = (0..table.columns.len()).filter(|&j| names_measures(j));
    let (Some(measure), None) = (found.next(), found.next()) else {
        return None;
    };
    // The number column: the one column of numbers that is no period, region or row counter,
    // else the one so headed as a value.
    let numbers: Vec<usize> = (0..table.columns.len())
        .filter(|&j| {
            j != measure
                && matches!(kind(j), ColumnKind::Number | ColumnKind::Empty)
                && IdColumn::from_header(&table.columns[j].name).is_none()
                && !is_row_counter(&table.columns[j])
        })
        .collect();
    let value = match numbers[..] {
        [j] => j,
        _ => {
            let mut valued = numbers.iter().copied().filter(|&j| {
                matches!(
                    crate::compute::regional::columns::fold_header(&table.columns[j].name).as_str(),
                    "waarde" | "waarden" | "value" | "values" | "aantal" | "aantallen" | "getal"
                )
            });
            match (valued.next(), valued.next()) {
                (Some(j), None) => j,
                _ => return None,
            }
        }
    };
    let n_measures = table.columns[measure].dictionary().len();
    let goes_with_measure = |j: usize| {
        let c = &table.columns[j];
        kind(j) == ColumnKind::Text
            && (2..=n_measures).contains(&c.dictionary().len())
            && table.len() > n_measures
            && super::roles::column_determines(&table.columns[measure], c)
    };
    let (mut dims, mut left_out) = (Vec::new(), Vec::new());
    for j in (0..table.columns.len()).filter(|&j| j != measure && j != value) {
        if is_row_counter(&table.columns[j]) || goes_with_measure(j) {
            left_out.push(j);
        } else {
            dims.push(j);
        }
    }
    if dims.is_empty() {
        return None;
    }
    let pivot = Pivot {
        measure,
        value,
        attribute: None,
        dims,
        left_out,
        odata: false,
    };
    pivot_measures(table, &pivot).ok().flatten()
}

#[cfg(feature = "full")]
/// A pivot table as spreadsheets export it: one row per measure, named in a text column
/// (`maat`: `personen in doelgroepregister`, `werkzame personen`), and one column of numbers per
/// subgroup (`Totaal;Wajong;WSW;Participatiewet`), beside the other columns (region, year). Read
/// as the long table: a `doelgroep` column with the subgroups and one column per measure, one
/// row per subgroup and combination of the other columns (a subgroup with no number for any
/// measure is left out). Said in the file line. `Ok(None)` for any other table: at least two
/// subgroup columns of numbers, and one text column whose every value names a different count.
/// A measure given twice for the same other columns is an error that names both rows.
pub fn measure_rows_and_subgroup_columns(table: &Table) -> crate::error::Result<Option<Table>> {
    use crate::compute::regional::columns::Count;
    use crate::error::{Error, ErrorKind};
    use crate::spec::Subgroup;
    let kind = |j: usize| table.columns[j].kind();
    let subgroups: Vec<usize> = (0..table.columns.len())
        .filter(|&j| {
            let h = &table.columns[j].name;
            Subgroup::from_label(h).is_some()
                && Count::from_header(h).is_none()
                && matches!(kind(j), ColumnKind::Number | ColumnKind::Empty)
        })
        .collect();
    if subgroups.len() < 2 || table.is_empty() {
        return Ok(None);
    }
    // The measure column: texts only, each naming a count, no count named twice.
    let measure_column = |j: usize| -> bool {
        let c = &table.columns[j];
        !subgroups.contains(&j)
            && kind(j) == ColumnKind::Text
            && counts_named(c).is_some_and(|named| named >= 2 && named == c.dictionary().len())
    };
    let mut found = (0..table.columns.len()).filter(|&j| measure_column(j));
    let (Some(measure), None) = (found.next(), found.next()) else {
        return Ok(None);
    };
    let others: Vec<usize> = (0..table.columns.len())
        .filter(|&j| j != measure && !subgroups.contains(&j))
        .collect();
    // A pivot table leaves the labels of a block out below its first row: the value above.
    let filled = filled_down(table, &others, &subgroups, |k| k > 0);
    let table = filled.as_ref().unwrap_or(table);
    let mc = &table.columns[measure];
    let names: Vec<&str> = mc.dictionary().iter().map(|t| t.trim()).collect();
    // Per combination of the other columns (in order of first appearance): its first row and,
    // per measure, the row that gave it.
    let mut group_of: std::collections::HashMap<Vec<(u8, u64)>, usize> = Default::default();
    let mut groups: Vec<(usize, Vec<Option<usize>>)> = Vec::new();
    let mut key: Vec<(u8, u64)> = Vec::with_capacity(others.len());
    let row_of = |i: usize| table.row_shown(i);
    for i in 0..table.len() {
        let Some(code) = mc.code(i) else {
            if subgroups
                .iter()
                .all(|&j| table.columns[j].number(i).is_none())
            {
                continue;
            }
            return Err(Error::new2(
                ErrorKind::BadValue,
                format!(
                    "Rij {} noemt geen maat in '{}', maar heeft wel getallen: bij welke maat horen ze?",
                    row_of(i),
                    mc.name
                ),
                format!(
                    "Row {} names no measure in '{}' but has numbers: which measure are they?",
                    row_of(i),
                    mc.name
                ),
            )
            .at(table.location(i, &mc.name)));
        };
        key.clear();
        key.extend(others.iter().map(|&j| cell_id(&table.columns[j], i)));
        let g = match group_of.get(&key) {
            Some(&g) => g,
            None => {
                group_of.insert(key.clone(), groups.len());
                groups.push((i, vec![None; names.len()]));
                groups.len() - 1
            }
        };
        let slot = &mut groups[g].1[code as usize];
        if let Some(first) = *slot {
            let what: Vec<String> = others
                .iter()
                .map(|&j| {
                    let v = table.columns[j].get(i).to_value();
                    let v = v.as_text().unwrap_or_else(|| "(leeg)".into());
                    format!("{} {v}", table.columns[j].name)
                })
                .collect();
            let (a, b) = (row_of(first), row_of(i));
            let at = table.location(i, &mc.name);
            return Err(Error::new2(
                ErrorKind::Duplicate,
                format!(
                    "Rij {a} en rij {b} geven allebei '{}' voor {}: welke geldt? (Ze worden niet opgeteld.)",
                    names[code as usize],
                    what.join(", ")
                ),
                format!(
                    "Row {a} and row {b} both give '{}' for {}: which one holds? (They are not added up.)",
                    names[code as usize],
                    what.join(", ")
                ),
            )
            .at(at));
        }
        *slot = Some(i);
    }
    let rows = groups.len().saturating_mul(subgroups.len());
    if rows > MAX_ROWS {
        return Ok(None);
    }
    let subgroup_name = free_name(table, "doelgroep");
    let mut columns: Vec<Column> = others
        .iter()
        .map(|&j| Column::with_capacity(table.columns[j].name.clone(), rows))
        .collect();
    let mut subgroup = Column::with_capacity(subgroup_name.clone(), rows);
    let mut values: Vec<Column> = names
        .iter()
        .map(|m| Column::with_capacity(m.to_string(), rows))
        .collect();
    let mut row_numbers = RowNumbers::new();
    for (first, by_measure) in &groups {
        for &s in &subgroups {
            let cells: Vec<Option<f64>> = by_measure
                .iter()
                .map(|r| r.and_then(|i| table.columns[s].number(i)))
                .collect();
            if cells.iter().all(Option::is_none) {
                continue;
            }
            for (c, &j) in columns.iter_mut().zip(&others) {
                c.push(table.columns[j].get(*first).to_value());
            }
            subgroup.push_text(table.columns[s].name.trim());
            for (v, x) in values.iter_mut().zip(&cells) {
                match x {
                    Some(x) => v.push_number(*x),
                    None => v.push_missing(),
                }
            }
            let row = table.row_number(*first).unwrap_or(first + 1);
            row_numbers.push(u32::try_from(row).unwrap_or(u32::MAX));
        }
    }
    let m = subgroup.len();
    columns.push(subgroup);
    columns.extend(values);
    for c in columns.iter_mut() {
        c.finish();
    }
    let heads: Vec<&str> = subgroups
        .iter()
        .map(|&j| table.columns[j].name.trim())
        .collect();
    let quoted = |v: &[&str]| crate::format::quoted(v);
    let n = table.len();
    let mut detected = table.detected.clone();
    say_reshaped(
        &mut detected,
        (
            format!(
                "Eén rij per maat in '{}' ({}) en één kolom per doelgroep ({}): gelezen als de kolom '{subgroup_name}' met één kolom per maat",
            mc.name,
            quoted(&names),
            heads.join(", ")
            ),
            format!(
                "One row per measure in '{}' ({}) and one column per subgroup ({}): read as the column '{subgroup_name}' with one column per measure",
            mc.name,
            quoted(&names),
            heads.join(", ")
            ),
        ),
        (n, m),
    );
    Ok(Some(remade(table, columns, row_numbers, detected)))
}

#[cfg(feature = "full")]
/// Labels written once per block, as spreadsheets export an outline (a pivot table without
/// repeated labels): in the region or period column, an empty cell on a row that has numbers is
/// the label above it, when such cells are common (a quarter of the rows or more: an outline,
/// not a cell left empty by mistake, which stays the error it was). Said in the file line.
/// `None` when no column is filled so.
pub fn outline_labels_filled(table: &Table) -> Option<Table> {
    use crate::compute::regional::columns::IdColumn;
    let n = table.len();
    let labels: Vec<usize> = (0..table.columns.len())
        .filter(|&j| {
            let name = &table.columns[j].name;
            matches!(
                IdColumn::from_header(name),
                Some(IdColumn::Region | IdColumn::Year)
            ) || {
                // An Excel pivot table's column of labels.
                let f = crate::case::lower(name.trim());
                matches!(
                    f.as_str(),
                    "rijlabels" | "rijlabel" | "row labels" | "row label"
                )
            }
        })
        .collect();
    if n < 4 || labels.is_empty() {
        return None;
    }
    let numbers: Vec<usize> = (0..table.columns.len())
        .filter(|j| !labels.contains(j) && table.columns[*j].has_number())
        .collect();
    filled_down(table, &labels, &numbers, |k| k >= 2 && k * 4 >= n)
}

#[cfg(feature = "full")]
/// `table` with each empty cell of its `labels` columns that lies below a value, on a row with a
/// number in one of the `numbers` columns, read as the value above it (a spreadsheet's pivot
/// table or outline names a block's labels on its first row only), in the columns where
/// `enough(count of such cells)`; said in the file line with the counts. `None` when no column
/// is filled. Rows are looked at once per label column; whether a row holds a number only when
/// some label column has an empty cell.
fn filled_down(
    table: &Table,
    labels: &[usize],
    numbers: &[usize],
    enough: impl Fn(usize) -> bool,
) -> Option<Table> {
    let n = table.len();
    let empty_below_a_value = |j: usize| {
        let c = &table.columns[j];
        (0..n)
            .skip_while(|&i| c.get(i).is_missing())
            .any(|i| c.get(i).is_missing())
    };
    let candidates: Vec<usize> = labels
        .iter()
        .copied()
        .filter(|&j| empty_below_a_value(j))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    // A row of numbers, but no total: a row labelled as one (`Totaal Achterhoek`, `Eindtotaal`)
    // is a block's total, not one more row of the block above.
    let data: Vec<bool> = (0..n)
        .map(|i| {
            numbers
                .iter()
                .any(|&j| table.columns[j].number(i).is_some())
                && !labels.iter().any(|&j| {
                    table.columns[j]
                        .get(i)
                        .as_str()
                        .is_some_and(crate::data::tidy::is_total)
                })
        })
        .collect();
    // A row whose other cells (but for the numbers) are those of the row above: filled, it
    // would be a second row of that point, so it is the total of the block above
    // (`2019;;100` below `2019;K4;40`), not a row of it.
    let repeats_above = |i: usize, j: usize| {
        i > 0
            && (0..table.columns.len())
                .filter(|&k| k != j && !numbers.contains(&k))
                .all(|k| table.columns[k].same(i, i - 1))
    };
    let filled: Vec<(usize, usize)> = candidates
        .into_iter()
        .map(|j| {
            let c = &table.columns[j];
            let k = (0..n)
                .skip_while(|&i| c.get(i).is_missing())
                .filter(|&i| data[i] && c.get(i).is_missing() && !repeats_above(i, j))
                .count();
            (j, k)
        })
        .filter(|&(_, k)| k > 0 && enough(k))
        .collect();
    if filled.is_empty() {
        return None;
    }
    let mut columns = table.columns.clone();
    for &(j, _) in &filled {
        let source = &table.columns[j];
        let mut c = Column::with_capacity(source.name.clone(), n);
        let mut above = crate::table::Value::Missing;
        for (i, &with_numbers) in data.iter().enumerate() {
            let v = source.get(i);
            if v.is_missing() && with_numbers && !repeats_above(i, j) {
                c.push(above.clone());
            } else {
                if !v.is_missing() {
                    above = v.to_value();
                }
                c.push(v.to_value());
            }
        }
        c.finish();
        columns[j] = c;
    }
    let list = filled
        .iter()
        .map(|&(j, k)| format!("'{}' ({k})", table.columns[j].name))
        .collect::<Vec<_>>()
        .join(", ");
    let mut detected = table.detected.clone();
    detected.note(
        format!("Lege cellen in {list} gelezen als de waarde erboven: het bestand noemt elke waarde alleen in de eerste rij van zijn blok, zoals een draaitabel of overzicht in een spreadsheet."),
        format!("Empty cells in {list} read as the value above them: the file names each value on the first row of its block only, as a spreadsheet's pivot table or outline does."),
    );
    Some(remade(table, columns, table.row_numbers.clone(), detected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{load, Cell};

    #[cfg(feature = "full")]
    #[test]
    fn measure_rows_and_subgroup_columns_read_as_a_subgroup_and_a_column_per_measure() {
        let t = load(
            "p.csv",
            "regio;jaar;maat;Wajong;WSW\nTwente;2015;personen;10;20\nTwente;2015;werkzaam;5;\nTwente;2016;personen;11;\n"
                .as_bytes(),
        )
        .unwrap();
        let long = measure_rows_and_subgroup_columns(&t).unwrap().unwrap();
        let names: Vec<&str> = long.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["regio", "jaar", "doelgroep", "personen", "werkzaam"]
        );
        // Twente 2015 Wajong and WSW, Twente 2016 Wajong (its WSW has no number at all).
        assert_eq!(long.len(), 3);
        let col = |k: usize| &long.columns[k];
        assert_eq!(col(2).get(1), Cell::Text("WSW"));
        assert_eq!(col(3).get(1), Cell::Number(20.0));
        assert_eq!(col(4).get(1), Cell::Missing);
        assert_eq!(col(4).get(0), Cell::Number(5.0));
        assert_eq!(col(1).get(2), Cell::Number(2016.0));
        assert_eq!(long.row_numbers.get(2), Some(4));
        // Not such a table: one subgroup column, a text that names no count, a count named
        // twice, no measure column.
        for text in [
            "regio;maat;Wajong;x\nTwente;personen;1;2\nTwente;werkzaam;1;2\n",
            "regio;maat;Wajong;WSW\nTwente;personen;1;2\nTwente;opmerking;1;2\n",
            "regio;maat;Wajong;WSW\nTwente;personen;1;2\nTwente;aantal personen;1;2\n",
            "regio;jaar;Wajong;WSW\nTwente;2015;1;2\n",
        ] {
            let t = load("p.csv", text.as_bytes()).unwrap();
            assert!(
                measure_rows_and_subgroup_columns(&t).unwrap().is_none(),
                "{text}"
            );
        }
        // Numbers without a measure: an error with the row.
        let t = load(
            "p.csv",
            "regio;maat;Wajong;WSW\nTwente;personen;1;2\nTwente;werkzaam;1;2\nTwente;;3;4\n"
                .as_bytes(),
        )
        .unwrap();
        let e = measure_rows_and_subgroup_columns(&t).unwrap_err();
        assert!(
            e.message.starts_with("Rij 4 noemt geen maat in 'maat'"),
            "{}",
            e.message
        );
    }

    /// Labels that differ only in their sign are different groups (they once shared a key, so
    /// the row of `-1` was reported as a second `personen` for `1`).
    #[cfg(feature = "full")]
    #[test]
    fn pivot_labels_differing_in_sign_stay_apart() {
        let t = load(
            "p.csv",
            "code;maat;Wajong;WSW\n1;personen;10;20\n1;werkzaam;5;6\n-1;personen;11;21\n-1;werkzaam;7;8\n"
                .as_bytes(),
        )
        .unwrap();
        let long = measure_rows_and_subgroup_columns(&t).unwrap().unwrap();
        assert_eq!(long.len(), 4);
        assert_eq!(long.columns[0].get(2), Cell::Number(-1.0));
        assert_eq!(long.columns[2].get(2), Cell::Number(11.0));
        assert_eq!(long.columns[3].get(3), Cell::Number(8.0));
    }

    #[test]
    fn one_column_per_period_reads_as_a_period_and_a_value_column() {
        let t = load(
            "tabel.csv",
            "Regio;Doelgroep;2015;2016;2017K1\nAchterhoek;Wajong;10;.;12\nTwente;WSW;20;21;\n"
                .as_bytes(),
        )
        .unwrap();
        let long = periods_as_rows(&t).unwrap();
        let names: Vec<&str> = long.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Regio", "Doelgroep", "periode", "waarde"]);
        assert_eq!(long.len(), 6);
        let col = |k: usize| &long.columns[k];
        assert_eq!(col(0).get(4), Cell::Text("Twente"));
        assert_eq!(col(2).get(2), Cell::Text("2017K1"));
        assert_eq!(col(3).get(0), Cell::Number(10.0));
        assert!(col(3).get(1).is_missing() && col(3).get(5).is_missing());
        // The file's rows: the header is row 1.
        assert_eq!(long.row_number(3), Some(3));
        assert!(long.detected.notes.iter().any(|n| n.starts_with(
            "Eén kolom per periode (2015, 2016, 2017K1): gelezen als de kolom 'periode' met de getallen in 'waarde' (2 rijen -> 6 rijen)."
        )));
    }

    #[test]
    fn other_tables_stay_as_they_are() {
        for text in [
            // One period column only.
            "Regio;2015\nA;1\n",
            // A column of numbers beside the periods: a measure of its own.
            "Regio;inwoners;2015;2016\nA;100;1;2\n",
            // A period header over texts.
            "Regio;2015;2016\nA;x1;y\n",
            // No period headers.
            "regio;jaar;aantal\nA;2015;1\n",
        ] {
            let t = load("t.csv", text.as_bytes()).unwrap();
            assert!(periods_as_rows(&t).is_none(), "{text}");
        }
    }

    #[test]
    fn a_header_splits_into_a_measure_and_a_period() {
        for (h, want) in [
            (
                "Werkzame personen 2015",
                Some(("Werkzame personen", "2015")),
            ),
            ("personen_2016", Some(("personen", "2016"))),
            ("werkzaam-2019K1", Some(("werkzaam", "2019K1"))),
            ("2017 werkzaam", Some(("werkzaam", "2017"))),
            (
                "Personen doelgroepregister 2019KW04",
                Some(("Personen doelgroepregister", "2019KW04")),
            ),
            ("2015", None),
            ("werkzaam", None),
            ("regio 12", None),
            ("_ 2015", None),
            // A no-break space (two bytes in UTF-8), as spreadsheets write one, is a space.
            (
                "Werkzame personen\u{a0}2015",
                Some(("Werkzame personen", "2015")),
            ),
            ("2016\u{a0}personen", Some(("personen", "2016"))),
            ("personen\u{3000}2019K1", Some(("personen", "2019K1"))),
            // The words before the year that belong to the period (found by the file probe:
            // `ultimo` stayed in the measure, which then named no count).
            ("Werkzaam ultimo 2015", Some(("Werkzaam", "ultimo 2015"))),
            (
                "Doelgroepregister gecorrigeerd eind 2016",
                Some(("Doelgroepregister gecorrigeerd", "eind 2016")),
            ),
            ("Werkzaam Q4 2015", Some(("Werkzaam", "Q4 2015"))),
            (
                "Werkzaam 4e kwartaal 2015",
                Some(("Werkzaam", "4e kwartaal 2015")),
            ),
        ] {
            let got = measure_and_period(h);
            assert_eq!(
                got.as_ref().map(|(m, p)| (m.as_str(), p.as_str())),
                want,
                "{h}"
            );
        }
    }

    #[test]
    fn one_column_per_measure_and_period_reads_as_a_period_and_a_column_per_measure() {
        let t = load(
            "tabel.csv",
            "Regio;personen 2015;personen 2016;Werkzaam 2015;werkzaam 2016\nAchterhoek;10;11;5;.\nTwente;20;21;8;9\n"
                .as_bytes(),
        )
        .unwrap();
        assert!(periods_as_rows(&t).is_none());
        let long = measures_by_period_as_rows(&t).unwrap();
        let names: Vec<&str> = long.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Regio", "periode", "personen", "Werkzaam"]);
        assert_eq!(long.len(), 4);
        let col = |k: usize| &long.columns[k];
        assert_eq!(col(0).get(2), Cell::Text("Twente"));
        assert_eq!(col(1).get(1), Cell::Text("2016"));
        assert_eq!(col(2).get(3), Cell::Number(21.0));
        assert_eq!(col(3).get(0), Cell::Number(5.0));
        assert!(col(3).get(1).is_missing());
        assert_eq!(long.row_number(2), Some(3));
        assert!(long.detected.notes.iter().any(|n| n
            == "Eén kolom per maat en periode ('personen', 'Werkzaam' voor 2015, 2016): gelezen als de kolom 'periode' met één kolom per maat (2 rijen -> 4 rijen)."));
        for text in [
            // One period per measure.
            "Regio;personen 2015;werkzaam 2015\nA;1;2\n",
            // Measures with other periods.
            "Regio;personen 2015;personen 2016;werkzaam 2015;werkzaam 2017\nA;1;2;3;4\n",
            // A column of numbers beside them.
            "Regio;inwoners;personen 2015;personen 2016\nA;100;1;2\n",
            // Texts under a measure and period.
            "Regio;code 2015;code 2016\nA;x1;y\n",
            // Only periods: one column per period, the other reshaping's.
            "Regio;2015;2016\nA;1;2\n",
        ] {
            let t = load("t.csv", text.as_bytes()).unwrap();
            assert!(measures_by_period_as_rows(&t).is_none(), "{text}");
        }
    }

    #[test]
    fn a_year_and_a_quarter_column_read_as_one_period() {
        for (text, first) in [
            ("regio;jaar;kwartaal;n\nA;2019;1;5\nA;2019;4;7\n", "2019K1"),
            (
                "regio;jaar;kwartaal;n\nA;2019;K1;5\nA;2019;K4;7\n",
                "2019K1",
            ),
            (
                "regio;jaar;kwartaal;n\nA;2019;1e kwartaal;5\nA;2019;4e kwartaal;7\n",
                "2019K1",
            ),
            (
                "regio;jaar;maand;n\nA;2019;april;5\nA;2019;12;7\n",
                "2019M04",
            ),
        ] {
            let t = load("t.csv", text.as_bytes()).unwrap();
            let p = year_and_part_as_period(&t).unwrap_or_else(|| panic!("{text}"));
            let names: Vec<&str> = p.columns.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names.len(), 3, "{names:?}");
            assert_eq!(p.columns[1].get(0), Cell::Text(first), "{text}");
            assert!(p.detected.notes.iter().any(|n| n.contains("samengenomen")));
        }
        for text in [
            "regio;jaar;n\nA;2019;5\n",
            "regio;jaar;kwartaal;n\nA;2019;5;5\n",
            "regio;jaar;kwartaal;n\nA;2019;;5\n",
            "regio;jaar;leeftijd;n\nA;2019;1;5\n",
        ] {
            let t = load("t.csv", text.as_bytes()).unwrap();
            assert!(year_and_part_as_period(&t).is_none(), "{text}");
        }
    }

    #[cfg(feature = "full")]
    const ODATA: &str = "Id;Measure;ValueAttribute;Value;RegioS;Perioden;Doelgroep\n\
        0;Personen in doelgroepregister;None;4099;AM09;2015JJ00;Totaal\n\
        1;Werkzame personen;None;2332;AM09;2015JJ00;Totaal\n\
        2;Personen in doelgroepregister;None;4297;AM09;2016JJ00;Totaal\n\
        3;Werkzame personen;Confidential;0;AM09;2016JJ00;Totaal\n\
        4;Werkzame personen;Impossible;;AM05;2016JJ00;Totaal\n";

    #[cfg(feature = "full")]
    #[test]
    fn odata_observations_read_as_one_column_per_measure() {
        let t = load("o.csv", ODATA.as_bytes()).unwrap();
        let long = observations_as_columns(&t).unwrap().unwrap();
        let names: Vec<&str> = long.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "RegioS",
                "Perioden",
                "Doelgroep",
                "Personen in doelgroepregister",
                "Werkzame personen"
            ]
        );
        assert_eq!(long.len(), 3);
        let col = |k: usize| &long.columns[k];
        assert_eq!(col(0).get(2), Cell::Text("AM05"));
        assert_eq!(col(3).get(0), Cell::Number(4099.0));
        assert_eq!(col(4).get(0), Cell::Number(2332.0));
        assert_eq!(col(3).get(1), Cell::Number(4297.0));
        // Withheld: missing, never the 0 the file writes beside `Confidential`.
        assert!(col(4).get(1).is_missing());
        assert!(col(4).get(2).is_missing() && col(3).get(2).is_missing());
        // The file's row of each combination's first observation.
        assert_eq!(long.row_numbers.get(1), Some(4));
        let notes = &long.detected.notes;
        assert!(notes.iter().any(|n| n == "Waarnemingen van CBS (OData v4): één rij per maat in 'Measure' met het getal in 'Value'; gelezen als één kolom per maat ('Personen in doelgroepregister', 'Werkzame personen'), 5 rijen -> 3 rijen; 'Id', 'ValueAttribute' weggelaten."), "{notes:?}");
        assert!(notes.iter().any(|n| n == "2 waarden met een 'ValueAttribute' anders dan None (Confidential 1, Impossible 1) als ontbrekend gelezen, nooit als 0 (1 met een getal in 'Value', dat niet gebruikt is): rij 5, rij 6"), "{notes:?}");
        assert_eq!(long.detected.notes.len(), long.detected.notes_en.len());
        assert!(!notes.iter().any(|n| n.contains("MeasureCodes")));
    }

    /// Dimensions that differ only in their sign are different observations (they once shared a
    /// key, so the second was an observation given twice).
    #[cfg(feature = "full")]
    #[test]
    fn odata_dimensions_differing_in_sign_stay_apart() {
        let text = "Measure;Value;Code\nPersonen;1;1\nPersonen;2;-1\nWerkzaam;3;1\nWerkzaam;4;-1\n";
        let t = load("o.csv", text.as_bytes()).unwrap();
        let long = observations_as_columns(&t).unwrap().unwrap();
        assert_eq!(long.len(), 2);
        let code = long.columns.iter().position(|c| c.name == "Code").unwrap();
        let of = |name: &str| long.columns.iter().position(|c| c.name == name).unwrap();
        assert_eq!(long.columns[code].get(1), Cell::Number(-1.0));
        assert_eq!(long.columns[of("Personen")].get(1), Cell::Number(2.0));
        assert_eq!(long.columns[of("Werkzaam")].get(1), Cell::Number(4.0));
    }

    #[cfg(feature = "full")]
    #[test]
    fn odata_measure_codes_are_named_not_guessed() {
        let text = ODATA
            .replace("Personen in doelgroepregister", "M001234")
            .replace("Werkzame personen", "D000123");
        let t = load("o.csv", text.as_bytes()).unwrap();
        let long = observations_as_columns(&t).unwrap().unwrap();
        let names: Vec<&str> = long.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[3..], ["M001234", "D000123"]);
        assert!(long.detected.notes.iter().any(|n| {
            n.starts_with(
            "De maten 'M001234', 'D000123' zijn codes: wat ze tellen staat in de tabel MeasureCodes"
        )
        }));
        assert!(long.detected.notes_en.iter().any(|n| n.starts_with(
            "The measures 'M001234', 'D000123' are codes: what they count is in the dataset's MeasureCodes table"
        )));
        for (m, code) in [
            ("M001234", true),
            ("D000123", true),
            ("A045_2", true),
            ("Werkzame personen", false),
            ("AM01", false),
            ("WerkzamePersonen_2", false),
            ("2015", false),
        ] {
            assert_eq!(is_measure_code(m), code, "{m}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn an_odata_measure_given_twice_is_an_error_naming_both_rows() {
        let text =
            format!("{ODATA}9;Personen in doelgroepregister;None;4100;AM09;2016JJ00;Totaal\n");
        let t = load("o.csv", text.as_bytes()).unwrap();
        let e = observations_as_columns(&t).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Duplicate);
        assert!(
            e.message.starts_with("Rij 4 en rij 7 geven allebei 'Personen in doelgroepregister' voor RegioS AM09, Perioden 2016JJ00, Doelgroep Totaal"),
            "{}",
            e.message
        );
        assert_eq!(e.location.as_ref().and_then(|l| l.row), Some(7));
        // A row without a measure.
        let text = format!("{ODATA}9;;None;4100;AM09;2017JJ00;Totaal\n");
        let t = load("o.csv", text.as_bytes()).unwrap();
        let e = observations_as_columns(&t).unwrap_err();
        assert_eq!(e.location.as_ref().and_then(|l| l.row), Some(7));
    }

    #[cfg(feature = "full")]
    #[test]
    fn odata_json_reads_as_the_csv_does() {
        let json = r#"{"@odata.context":"x","value":[
            {"Id":0,"Measure":"Werkzame personen","ValueAttribute":"None","Value":2332,"RegioS":"AM09","Perioden":"2015JJ00"},
            {"Id":1,"Measure":"Personen in doelgroepregister","ValueAttribute":"None","Value":4099,"RegioS":"AM09","Perioden":"2015JJ00"},
            {"Id":2,"Measure":"Werkzame personen","ValueAttribute":"Confidential","Value":null,"RegioS":"AM09","Perioden":"2016JJ00"}]}"#;
        let t = load("o.json", json.as_bytes()).unwrap();
        let long = observations_as_columns(&t).unwrap().unwrap();
        assert_eq!(long.len(), 2);
        assert_eq!(long.columns[2].name, "Werkzame personen");
        assert_eq!(long.columns[3].get(0), Cell::Number(4099.0));
        assert!(long.columns[2].get(1).is_missing());
        assert!(long
            .detected
            .notes
            .iter()
            .any(|n| n.contains("3 records -> 2 records") && n.contains("één record per maat")));
        assert!(long.detected.notes.iter().any(|n| n.contains("record 3")));
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_measure_column_beside_one_number_column_is_read_as_a_column_per_measure() {
        let text = "gemeente;jaar;onderwerp;eenheid;waarde\n\
            Aalten;2015;Werkzame personen;personen;10\n\
            Aalten;2015;Personen in doelgroepregister;aantal;30\n\
            Oost Gelre;2015;Personen in doelgroepregister;aantal;20\n\
            Oost Gelre;2015;Werkzame personen;personen;5\n";
        let t = load("m.csv", text.as_bytes()).unwrap();
        let long = measure_column_as_columns(&t).unwrap();
        let names: Vec<&str> = long.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "gemeente",
                "jaar",
                "Werkzame personen",
                "Personen in doelgroepregister"
            ]
        );
        assert_eq!(long.len(), 2);
        assert_eq!(long.columns[2].get(1), Cell::Number(5.0));
        assert_eq!(long.columns[3].get(1), Cell::Number(20.0));
        assert_eq!(long.row_numbers.get(1), Some(4));
        assert!(long.detected.notes.iter().any(|n| n == "Eén rij per maat in 'onderwerp' met het getal in 'waarde'; gelezen als één kolom per maat ('Werkzame personen', 'Personen in doelgroepregister'), 4 rijen -> 2 rijen; 'eenheid' weggelaten (hoort bij de maat)."), "{:?}", long.detected.notes);
        assert!(long.detected.notes_en.iter().any(
            |n| n.starts_with("One row per measure in 'onderwerp' with the number in 'waarde'")
        ));
        for other in [
            // A measure given twice for the same dimensions: left to the views.
            text.replace("Oost Gelre;2015;Werkzame", "Aalten;2015;Werkzame"),
            // Columns headed as counts already.
            text.replace("waarde\n", "werkzame personen\n"),
            // Two columns of numbers, neither headed as the value.
            text.replace("eenheid;waarde", "code;n")
                .replace(";personen;", ";1;")
                .replace(";aantal;", ";2;"),
            // Values that name one count only.
            text.replace("Werkzame personen", "Uren per week"),
        ] {
            let t = load("m.csv", other.as_bytes()).unwrap();
            assert!(measure_column_as_columns(&t).is_none(), "{other}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn tables_without_observations_stay_as_they_are() {
        for text in [
            "regio;jaar;waarde\nA;2015;1\n",
            // Values that are texts.
            "Measure;Value;RegioS\nM1;abc;A\n",
            // Two measure columns.
            "Measure;measure_code;Value;RegioS\nA;B;1;A\n",
            // No dimension.
            "Id;Measure;Value\n1;A;1\n",
        ] {
            let t = load("t.csv", text.as_bytes()).unwrap();
            assert!(observations_as_columns(&t).unwrap().is_none(), "{text}");
        }
    }
}
