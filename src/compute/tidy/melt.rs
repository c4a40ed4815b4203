//! A table laid out as published tables are, one column of numbers per period
//! (`Arbeidsmarktregio;2015;2016;2017`), read as the long table the views work on: the period
//! headers become the values of one column `periode`, their numbers one column `waarde`, every
//! other column repeated per period. The file line says so; row numbers stay the file's.

use crate::spec::Period;
use crate::table::{Column, ColumnKind, RowNumbers, Table};

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
    let free = |base: &str| -> String {
        let mut name = base.to_string();
        let mut k = 2;
        while table.columns.iter().any(|c| c.name == name) {
            name = format!("{base} ({k})");
            k += 1;
        }
        name
    };
    let (period_name, value_name) = (free("periode"), free("waarde"));
    let mut columns: Vec<Column> = others
        .iter()
        .map(|&j| Column::with_capacity(table.columns[j].name.clone(), rows))
        .collect();
    let mut period = Column::with_capacity(period_name.clone(), rows);
    let mut value = Column::with_capacity(value_name.clone(), rows);
    let mut row_numbers = RowNumbers::new();
    for i in 0..table.len() {
        let row = table.row_numbers.get(i).unwrap_or(i + 1);
        for &p in &periods {
            for (c, &j) in columns.iter_mut().zip(&others) {
                c.push(table.columns[j].get(i).to_value());
            }
            period.push_text(&table.columns[p].name);
            value.push(table.columns[p].get(i).to_value());
            row_numbers.push(u32::try_from(row).unwrap_or(u32::MAX));
        }
    }
    columns.push(period);
    columns.push(value);
    for c in columns.iter_mut() {
        c.finish();
    }
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
}
