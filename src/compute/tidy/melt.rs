//! A table laid out as published tables are, one column of numbers per period
//! (`Arbeidsmarktregio;2015;2016;2017`), read as the long table the views work on: the period
//! headers become the values of one column `periode`, their numbers one column `waarde`, every
//! other column repeated per period. The file line says so; row numbers stay the file's.

use crate::spec::Period;
use crate::table::{Column, ColumnKind, RowNumbers, Table};

/// `base`, or `base (2)`, `base (3)`, ...: a column name the table does not have yet.
fn free_name(table: &Table, base: &str) -> String {
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
fn reshape(
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
const MAX_ROWS: usize = 5_000_000;

/// The long form of `table` when at least two of its columns are headed by a period and hold
/// numbers (or nothing), and every other column holds texts; `None` for any other table.
pub fn periods_as_rows(table: &Table) -> Option<Table> {
    let (periods, others): (Vec<usize>, Vec<usize>) =
        (0..table.columns.len()).partition(|&j| Period::parse(&table.columns[j].name).is_some());
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
    detected.note(
        format!(
            "Eén kolom per periode ({shown}): gelezen als de kolom '{period_name}' met de getallen in '{value_name}' ({} rijen -> {} rijen).",
            crate::format::nl(n as f64, 0),
            crate::format::nl(m as f64, 0)
        ),
        format!(
            "One column per period ({shown}): read as the column '{period_name}' with the numbers in '{value_name}' ({} rows -> {} rows).",
            crate::format::number(n as f64, 0, crate::format::Lang::En),
            crate::format::number(m as f64, 0, crate::format::Lang::En)
        ),
    );
    Some(Table {
        source: table.source.clone(),
        columns,
        row_numbers,
        detected,
        #[cfg(feature = "full")]
        totals: Vec::new(),
    })
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
    if let Some(at) = h.rfind(sep) {
        if let Some(found) = cut(at + 1, h.len() - at - 1) {
            return Some(found);
        }
    }
    h.find(sep).and_then(|at| cut(0, at))
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
    detected.note(
        format!(
            "Eén kolom per maat en periode ({} voor {}): gelezen als de kolom '{period_name}' met één kolom per maat ({} rijen -> {} rijen).",
            names.join(", "),
            shown.join(", "),
            crate::format::nl(n as f64, 0),
            crate::format::nl(m as f64, 0)
        ),
        format!(
            "One column per measure and period ({} for {}): read as the column '{period_name}' with one column per measure ({} rows -> {} rows).",
            names.join(", "),
            shown.join(", "),
            crate::format::number(n as f64, 0, crate::format::Lang::En),
            crate::format::number(m as f64, 0, crate::format::Lang::En)
        ),
    );
    Some(Table {
        source: table.source.clone(),
        columns,
        row_numbers,
        detected,
        #[cfg(feature = "full")]
        totals: Vec::new(),
    })
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
    let mut periods: Vec<Period> = Vec::with_capacity(table.len());
    for i in 0..table.len() {
        let y = table.columns[year].number(i)? as i32;
        let p = match col.get(i) {
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
        periods.push(p);
    }
    let name = free_name(table, if quarter { "periode" } else { "maand_periode" });
    let mut period = Column::with_capacity(name.clone(), table.len());
    for p in &periods {
        period.push_text(&p.to_string());
    }
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
    let example = periods.first().map(|p| p.to_string()).unwrap_or_default();
    detected.note(
        format!("Kolommen '{y}' en '{p}' samengenomen tot de periode '{name}' ({example})."),
        format!("Columns '{y}' and '{p}' taken together as the period '{name}' ({example})."),
    );
    Some(Table {
        source: table.source.clone(),
        columns,
        row_numbers: table.row_numbers.clone(),
        detected,
        #[cfg(feature = "full")]
        totals: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{load, Cell};

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
}
