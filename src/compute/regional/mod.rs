//! The regional data: counts per labour-market region and year, with the national row (from the
//! file, or summed from the regions when the file has none). Built from a [`Table`] by matching
//! headers; [`measures`] derives growth, shares and relative values from it.

pub mod columns;
pub mod mapping;
pub mod measures;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::table::{Table, Value};
use columns::fold;
pub use columns::{Count, IdColumn, COUNT_COLUMNS};
pub use mapping::{propose as propose_mapping, MappingProposal};
use std::collections::BTreeMap;

/// The counts of one region (or the nation) in one year; `None` where the file has no value.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counts(pub [Option<f64>; COUNT_COLUMNS]);

impl Counts {
    pub fn get(&self, c: Count) -> Option<f64> {
        self.0[c.index()]
    }
    pub fn set(&mut self, c: Count, v: Option<f64>) {
        self.0[c.index()] = v;
    }
}

/// What kind of row a line of the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowType {
    Region,
    National,
    UnknownRegion,
}

/// The columns a regional file must have; the other counts are optional and views that need
/// them say so.
pub const REQUIRED: [Count; 2] = [Count::RegisterPersonsCorrected, Count::WorkersTotal];

#[derive(Debug, Clone, PartialEq)]
pub struct RegionalData {
    pub source: String,
    /// The regions in the cross-regional statistics, alphabetical.
    pub regions: Vec<String>,
    /// The years present, ascending.
    pub years: Vec<i32>,
    /// Counts per (region, year).
    pub data: BTreeMap<(String, i32), Counts>,
    /// National counts per year: from the national row where the file has one, else summed.
    pub national: BTreeMap<i32, Counts>,
    /// True when the file had a national row for every year.
    pub national_from_file: bool,
    /// The count columns the file has.
    pub present: Vec<Count>,
    /// Rows kept but not used across regions (unknown region), as (region, year).
    pub other_rows: Vec<(String, i32)>,
    /// Remarks in Dutch (national totals summed, columns ignored, ...).
    pub notes: Vec<String>,
}

fn location(table: &Table, i: usize, col: &str) -> Location {
    table.location(i, col)
}

impl RegionalData {
    /// Whether a table looks like the regional shape (region, year and the required counts).
    pub fn matches(table: &Table) -> bool {
        mapping::resolve::<&str>(table, &[]).is_ok_and(|r| r.missing_required().is_empty())
    }

    /// Reads the regional shape from a table, matching columns by header name. Errors name the
    /// file, row and column.
    pub fn from_table(table: &Table) -> Result<RegionalData> {
        RegionalData::from_table_with_mapping::<&str>(table, &[])
    }

    /// Reads the regional shape with a user's column mapping: `(file header, canonical name)`
    /// pairs (canonical names as in DICTIONARY.md; an empty name leaves the column unused).
    /// Headers not in the mapping are matched by name. See [`propose_mapping`].
    pub fn from_table_with_mapping<S: AsRef<str>>(
        table: &Table,
        mapping: &[(S, S)],
    ) -> Result<RegionalData> {
        let file = Location::file(&table.source);
        let resolved = mapping::resolve(table, mapping)?;
        let count_cols = resolved.counts.clone();
        let ignored = resolved.ignored.clone();
        let unknown_hint = || {
            if ignored.is_empty() {
                String::new()
            } else {
                format!(
                    " Kolommen die niet herkend zijn: {}.",
                    ignored
                        .iter()
                        .map(|s| format!("'{s}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        };
        let Some(region_col) = resolved.region else {
            return Err(Error::new(
                ErrorKind::MissingColumn,
                format!(
                    "De kolom 'region' (of 'regio') ontbreekt.{}",
                    unknown_hint()
                ),
            )
            .at(file.column("region")));
        };
        let Some(year_col) = resolved.year else {
            return Err(Error::new(
                ErrorKind::MissingColumn,
                format!("De kolom 'year' (of 'jaar') ontbreekt.{}", unknown_hint()),
            )
            .at(file.column("year")));
        };
        for req in REQUIRED {
            if !count_cols.iter().any(|(c, _)| *c == req) {
                return Err(Error::new(
                    ErrorKind::MissingColumn,
                    format!(
                        "De verplichte kolom '{}' ({}) ontbreekt.{}",
                        req.name(),
                        req.label(),
                        unknown_hint()
                    ),
                )
                .at(file.column(req.name())));
            }
        }
        if table.is_empty() {
            return Err(
                Error::new(ErrorKind::NoRows, "Het bestand bevat geen gegevensrijen.").at(file),
            );
        }
        let row_type_col = resolved.row_type;

        let mut data: BTreeMap<(String, i32), Counts> = BTreeMap::new();
        let mut national_rows: BTreeMap<i32, Counts> = BTreeMap::new();
        let mut other_rows = Vec::new();
        let mut first_row: BTreeMap<(String, i32), usize> = BTreeMap::new();
        for i in 0..table.len() {
            let rname = &table.columns[region_col].name;
            let region = match &table.columns[region_col].values[i] {
                Value::Text(t) => t.trim().to_string(),
                Value::Number(n) => n.to_string(),
                Value::Missing => {
                    return Err(
                        Error::new(ErrorKind::BadValue, "De regio ontbreekt in deze rij.")
                            .at(location(table, i, rname)),
                    );
                }
            };
            let yname = &table.columns[year_col].name;
            let year = match &table.columns[year_col].values[i] {
                Value::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => *n as i32,
                Value::Missing => {
                    return Err(
                        Error::new(ErrorKind::BadValue, "Het jaar ontbreekt in deze rij.")
                            .at(location(table, i, yname)),
                    );
                }
                other => {
                    let shown = other.as_text().unwrap_or_default();
                    let year_prefix: Option<i32> =
                        // End-of-year codes: 2016Q4, 2016K4 and CBS StatLine's 2016JJ00, 2016KW04.
                        shown.get(..4).and_then(|s| s.parse().ok()).filter(|_| {
                            shown.get(4..).is_some_and(|q| {
                                ["Q4", "K4", "JJ00", "KW04"]
                                    .iter()
                                    .any(|c| q.eq_ignore_ascii_case(c))
                            })
                        });
                    match year_prefix {
                        Some(y) => y,
                        None => {
                            return Err(Error::new(
                                ErrorKind::BadValue,
                                format!("'{shown}' is geen jaartal (verwacht bijvoorbeeld 2016)."),
                            )
                            .at(location(table, i, yname)))
                        }
                    }
                }
            };
            let row_type = match row_type_col.map(|j| &table.columns[j].values[i]) {
                Some(Value::Text(t)) => match fold(t).as_str() {
                    "region" | "regio" => RowType::Region,
                    "national" | "landelijk" | "nationaal" => RowType::National,
                    "unknown_region" | "onbekend" | "onbekende_regio" => RowType::UnknownRegion,
                    _ => {
                        let j = row_type_col.unwrap_or_default();
                        return Err(Error::new(
                            ErrorKind::BadValue,
                            format!("Onbekend rijtype '{t}'; verwacht 'region', 'national' of 'unknown_region'."),
                        )
                        .at(location(table, i, &table.columns[j].name)));
                    }
                },
                _ => row_type_from_name(&region),
            };
            let mut counts = Counts::default();
            for (c, j) in &count_cols {
                let v = match &table.columns[*j].values[i] {
                    Value::Number(n) => Some(*n),
                    Value::Missing => None,
                    Value::Text(t) => {
                        return Err(Error::new(
                            ErrorKind::BadValue,
                            format!("Tekst '{t}' in een kolom met aantallen ({}); verwacht een getal of een leeg/onderdrukt vakje (., x, -).", c.label()),
                        )
                        .at(location(table, i, &table.columns[*j].name)));
                    }
                };
                if let Some(n) = v {
                    if n < 0.0 {
                        return Err(Error::new(
                            ErrorKind::BadValue,
                            format!("Negatief aantal {n} ({}).", c.label()),
                        )
                        .at(location(table, i, &table.columns[*j].name)));
                    }
                }
                counts.set(*c, v);
            }
            let key = (region.clone(), year);
            if let Some(prev) = first_row.get(&key) {
                return Err(Error::new(
                    ErrorKind::Duplicate,
                    format!(
                        "Regio '{region}' komt voor {year} twee keer voor (ook op rij {prev})."
                    ),
                )
                .at(location(table, i, rname)));
            }
            first_row.insert(
                key.clone(),
                table.row_numbers.get(i).copied().unwrap_or(i + 1),
            );
            match row_type {
                RowType::Region => {
                    data.insert(key, counts);
                }
                RowType::National => {
                    national_rows.insert(year, counts);
                }
                RowType::UnknownRegion => other_rows.push(key),
            }
        }
        if data.is_empty() {
            return Err(Error::new(
                ErrorKind::NoRows,
                "Het bestand bevat geen rijen voor regio's (alleen landelijke of onbekende).",
            )
            .at(file));
        }
        let mut regions: Vec<String> = data.keys().map(|(r, _)| r.clone()).collect();
        crate::sort::sort(&mut regions);
        regions.dedup();
        let mut years: Vec<i32> = data.keys().map(|(_, y)| *y).collect();
        crate::sort::sort(&mut years);
        years.dedup();

        let mut notes = resolved.notes.clone();
        let national_from_file = years.iter().all(|y| national_rows.contains_key(y));
        let mut national = BTreeMap::new();
        let mut summed_years = Vec::new();
        for &y in &years {
            let sum = sum_regions(&data, &regions, y);
            match national_rows.get(&y) {
                Some(n) => {
                    // A national cell left empty is filled with the regional sum, and said so.
                    let mut n = *n;
                    for (c, _) in &count_cols {
                        if n.get(*c).is_none() && sum.get(*c).is_some() {
                            n.set(*c, sum.get(*c));
                        }
                    }
                    national.insert(y, n);
                }
                None => {
                    summed_years.push(y);
                    national.insert(y, sum);
                }
            }
        }
        if !summed_years.is_empty() {
            notes.push(format!(
                "Geen landelijke rij voor {}: landelijke waarden zijn de som van de regio's",
                summed_years
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !other_rows.is_empty() {
            notes.push(format!("{} rij(en) met onbekende regio bewaard maar niet gebruikt in de vergelijking tussen regio's", other_rows.len()));
        }
        if !ignored.is_empty() {
            notes.push(format!(
                "Kolommen bewaard maar niet gebruikt in de regionale analyse: {}",
                ignored.join(", ")
            ));
        }
        let mut present: Vec<Count> = count_cols.iter().map(|(c, _)| *c).collect();
        crate::sort::sort(&mut present);
        Ok(RegionalData {
            source: table.source.clone(),
            regions,
            years,
            data,
            national,
            national_from_file,
            present,
            other_rows,
            notes,
        })
    }

    pub fn get(&self, region: &str, year: i32, c: Count) -> Option<f64> {
        self.data
            .get(&(region.to_string(), year))
            .and_then(|k| k.get(c))
    }
    pub fn national(&self, year: i32, c: Count) -> Option<f64> {
        self.national.get(&year).and_then(|k| k.get(c))
    }
    pub fn has_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }
}

/// A row counts as national by its name when the file has no `row_type` column.
pub fn row_type_from_name(region: &str) -> RowType {
    match fold(region).as_str() {
        "landelijk" | "nederland" | "national" | "totaal" | "total" | "nl" => RowType::National,
        "onbekend" | "unknown" | "onbekende_regio" => RowType::UnknownRegion,
        _ => RowType::Region,
    }
}

/// Sums the regions of one year per count; a count is summed only when every region has it.
/// Each region's row is looked up once.
pub(crate) fn sum_regions(
    data: &BTreeMap<(String, i32), Counts>,
    regions: &[String],
    year: i32,
) -> Counts {
    if regions.is_empty() {
        return Counts::default();
    }
    let mut totals = [Some(0.0); COUNT_COLUMNS];
    for r in regions {
        let row = data.get(&(r.clone(), year));
        for (i, total) in totals.iter_mut().enumerate() {
            *total = match (*total, row.and_then(|k| k.0[i])) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
        }
    }
    Counts(totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table;

    fn load(s: &str) -> Result<RegionalData> {
        RegionalData::from_table(&table::load("t.csv", s.as_bytes())?)
    }

    #[test]
    fn default_data_has_35_regions_and_national_rows() {
        let t = table::load("regions.csv", crate::DEFAULT_DATA).unwrap();
        let d = RegionalData::from_table(&t).unwrap();
        assert_eq!(d.regions.len(), 35);
        assert_eq!(d.years, vec![2015, 2016, 2017]);
        assert!(d.national_from_file);
        assert_eq!(d.other_rows.len(), 2);
        assert_eq!(d.national(2017, Count::Jobs), Some(112147.0));
    }

    #[test]
    fn text_in_count_column_names_row_and_column() {
        let e = load(
            "region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,veel,5\n",
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadValue);
        let loc = e.location.unwrap();
        assert_eq!(loc.row, Some(3));
        assert_eq!(loc.column.as_deref(), Some("register_persons_corrected"));
    }

    #[test]
    fn missing_required_column() {
        let e = load("region,year,workers_total,onzin\nA,2015,5,1\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::MissingColumn);
        assert!(
            e.message.contains("register_persons_corrected"),
            "{}",
            e.message
        );
        assert!(e.message.contains("onzin"), "{}", e.message);
    }

    #[test]
    fn duplicate_region_year() {
        let e = load(
            "region,year,register_persons_corrected,workers_total\nA,2015,10,5\nA,2015,10,5\n",
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Duplicate);
        assert_eq!(e.location.unwrap().row, Some(3));
    }

    #[test]
    fn no_rows() {
        let e = load("region,year,register_persons_corrected,workers_total\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::NoRows);
    }

    #[test]
    fn national_summed_when_absent_and_suppressed_cells_missing() {
        let d = load("regio;jaar;personen doelgroepregister gecorrigeerd;werkzame personen\nA;2015;10;5\nB;2015;30;x\n").unwrap();
        assert_eq!(
            d.national(2015, Count::RegisterPersonsCorrected),
            Some(40.0)
        );
        assert_eq!(d.national(2015, Count::WorkersTotal), None);
        assert_eq!(d.get("B", 2015, Count::WorkersTotal), None);
        assert!(!d.national_from_file);
        assert!(d.notes[0].contains("som van de regio"));
    }
}
