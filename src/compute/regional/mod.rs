//! The regional data: counts per labour-market region and year, with the national row (from the
//! file, or summed from the regions when the file has none). Built from a [`Table`] by matching
//! headers; [`measures`] derives growth, shares and relative values from it.

pub mod columns;
pub mod mapping;
pub mod measures;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::format::Lang;
use crate::spec::{Grain, Period, Subgroup};
#[cfg(feature = "full")]
use crate::table::column::NO_SHORT_CODE;
use crate::table::column::NO_WHOLE;
use crate::table::{Cell, Table};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowType {
    Region,
    National,
    UnknownRegion,
    /// An area of another division than the labour-market regions' (a province, a part of the
    /// country, a municipality, a subtotal over some regions; see [`other_area`]): its rows are
    /// set aside, named.
    OtherArea,
}

/// The columns a regional file must have; the other counts are optional and views that need
/// them say so.
pub const REQUIRED: [Count; 2] = [Count::RegisterPersonsCorrected, Count::WorkersTotal];

/// The most regions a file may have for their names to be checked for misspellings.
#[cfg(feature = "full")]
const MISSPELT_CHECKED_UP_TO: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct RegionalData {
    pub source: String,
    /// The regions in the cross-regional statistics, alphabetical.
    pub regions: Vec<String>,
    /// The grain of the periods (years, quarters, months, dates).
    pub grain: Grain,
    /// The periods present, ascending (named `years` since most files have years).
    pub years: Vec<Period>,
    /// Counts per (region, period).
    pub data: BTreeMap<(String, Period), Counts>,
    /// National counts per period: from the national row where the file has one, else summed.
    pub national: BTreeMap<Period, Counts>,
    /// True when the file had a national row for every year.
    pub national_from_file: bool,
    /// The values told to be totals by their sums (see [`Table::totals`]).
    #[cfg(feature = "full")]
    pub totals_by_sums: Vec<(usize, u32)>,
    /// The count columns the file has.
    pub present: Vec<Count>,
    /// Rows kept but not used across regions (unknown region), as (region, year).
    pub other_rows: Vec<(String, Period)>,
    /// Remarks in Dutch (national totals summed, columns ignored, ...).
    pub notes: Vec<String>,
    /// The same remarks in English, one for one.
    pub notes_en: Vec<String>,
    /// True when the file is long (a doelgroep column) or finer than regions (rows summed):
    /// its table also suits the tidy views (lines per region over quarters, filters).
    pub fine: bool,
    /// The values of a long file's subgroup column that name no subgroup (`Participatiewet
    /// (aangepast)`): their rows are not used, and a measure that lacks them names them.
    #[cfg(feature = "full")]
    pub unrecognised_subgroups: Vec<String>,
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
    ///
    /// The file may be finer than regions and long: rows for municipalities, ages or sexes are
    /// summed to one row per region and period (a row that is the total of the others, such as
    /// gemeente `Totaal`, is used instead of its parts, never both); a subgroup column
    /// (`doelgroep` = Totaal, Wajong, WSW, Participatiewet, Praktijkroute) is read as the
    /// per-subgroup columns of the wide file. Periods may be years, quarters, months or dates.
    pub fn from_table_with_mapping<S: AsRef<str>>(
        table: &Table,
        mapping: &[(S, S)],
    ) -> Result<RegionalData> {
        let file = Location::file(&table.source);
        let resolved = mapping::resolve(table, mapping)?;
        let count_cols = resolved.counts.clone();
        // The columns not used, by index, and whether each column is one.
        let ignored = resolved.ignored.clone();
        let mut is_ignored = vec![false; table.columns.len()];
        for &j in &ignored {
            if let Some(x) = is_ignored.get_mut(j) {
                *x = true;
            }
        }
        let unknown_hint = |lead: &str, lang: Lang| {
            if ignored.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = ignored
                    .iter()
                    .map(|&j| format!("'{}'", table.columns[j].name))
                    .collect();
                format!(" {lead}: {}.", column_list(&names, lang))
            }
        };
        let hint_nl = || unknown_hint("Kolommen die niet herkend zijn", Lang::Nl);
        let hint_en = || unknown_hint("Columns not recognised", Lang::En);
        let Some(region_col) = resolved.region else {
            // Municipalities without their region (`gemeentecode` GM0363): said what to add.
            #[cfg(feature = "full")]
            let (gm_nl, gm_en) = match municipality_column(table) {
                Some(name) => (
                    format!(" De kolom '{name}' noemt gemeenten, maar de verkenner weet niet bij welke arbeidsmarktregio een gemeente hoort (de indeling verschilt per jaar): voeg een kolom toe met de arbeidsmarktregio van elke rij; de gemeenten worden dan per regio opgeteld."),
                    format!(" The column '{name}' names municipalities, but the explorer does not know which labour-market region a municipality belongs to (the division differs per year): add a column with each row's labour-market region; the municipalities are then summed per region."),
                ),
                None => (String::new(), String::new()),
            };
            #[cfg(not(feature = "full"))]
            let (gm_nl, gm_en) = ("", "");
            return Err(Error::new2(
                ErrorKind::MissingColumn,
                format!(
                    "De kolom 'region' (of 'regio') ontbreekt.{}{gm_nl}",
                    hint_nl()
                ),
                format!(
                    "The column 'region' (or 'regio') is missing.{}{gm_en}",
                    hint_en()
                ),
            )
            .at(file.column("region")));
        };
        let Some(year_col) = resolved.year else {
            return Err(Error::new2(
                ErrorKind::MissingColumn,
                format!(
                    "De kolom 'year' (of 'jaar', 'kwartaal', 'periode') ontbreekt.{}",
                    hint_nl()
                ),
                format!(
                    "The column 'year' (or 'jaar', 'kwartaal', 'periode') is missing.{}",
                    hint_en()
                ),
            )
            .at(file.column("year")));
        };
        for req in REQUIRED {
            if !count_cols.iter().any(|(c, _)| *c == req) {
                return Err(Error::new2(
                    ErrorKind::MissingColumn,
                    format!(
                        "De verplichte kolom '{}' ({}) ontbreekt.{}",
                        req.name(),
                        req.label(),
                        hint_nl()
                    ),
                    format!(
                        "The required column '{}' ({}) is missing.{}",
                        req.name(),
                        count_en(req),
                        hint_en()
                    ),
                )
                .at(file.column(req.name())));
            }
        }
        if table.is_empty() {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand bevat geen gegevensrijen.",
                "The file has no data rows.",
            )
            .at(file));
        }
        let row_type_col = resolved.row_type;
        let subgroup_col = resolved.subgroup;
        // The other columns: dimensions the rows may differ in (gemeente, leeftijd, geslacht).
        let mut used: Vec<usize> = vec![region_col, year_col];
        used.extend(row_type_col);
        used.extend(subgroup_col);
        used.extend(count_cols.iter().map(|(_, j)| *j));
        #[cfg(feature = "full")]
        used.extend(&resolved.row_numbers);
        let dims: Vec<usize> = (0..table.columns.len())
            .filter(|j| !used.contains(j))
            .collect();
        // Whether each distinct text of each column is a total (`Totaal`, `Nederland`): once per
        // text, then per row by dictionary code.
        let total_codes: Vec<Vec<bool>> = table
            .columns
            .iter()
            .map(|c| {
                c.dictionary()
                    .iter()
                    .map(|t| crate::data::tidy::is_total(t))
                    .collect()
            })
            .collect();
        let is_total_cell = |j: usize, i: usize| -> bool {
            table.columns[j]
                .code(i)
                .is_some_and(|k| total_codes[j].get(k as usize) == Some(&true))
        };
        // Text dimensions with a total value: their total rows stand for the other rows.
        // (A text of the dictionary is in some row: a column without a total text has no total
        // row, and its rows are not looked at.)
        let total_dims: Vec<usize> = dims
            .iter()
            .copied()
            .filter(|&j| total_codes[j].contains(&true))
            .filter(|&j| (0..table.len()).any(|i| is_total_cell(j, i)))
            .collect();

        let mut groups: Vec<Group> = Vec::new();
        let mut group_of: crate::table::FastMap<GroupKey, usize> = Default::default();
        #[allow(clippy::type_complexity)]
        let mut group_of_code: crate::table::FastMap<
            (u32, RowType, Period, Option<Subgroup>),
            usize,
        > = Default::default();
        // What each distinct text of the region, period and subgroup columns reads as: worked
        // out once per text, not once per row.
        let RegionNames {
            names: region_by_code,
            spellings,
            with_codes,
            refused,
        } = region_names(
            table.columns[region_col].dictionary(),
            resolved.region_codes,
        );
        // A region no text can name: an error at its first row.
        // (The first core reads the built-in data only, whose regions are named plainly.)
        if let Some((k, nl, en)) = refused.filter(|_| cfg!(feature = "full")) {
            let col = &table.columns[region_col];
            let i = (0..table.len())
                .find(|&i| col.code(i) == Some(k as u32))
                .unwrap_or(0);
            return Err(Error::new2(ErrorKind::BadValue, nl, en).at(location(table, i, &col.name)));
        }
        let row_type_by_code: Vec<RowType> = region_by_code
            .iter()
            .map(|r| row_type_from_name(r))
            .collect();
        let mut period_by_code: Vec<Option<Option<Period>>> =
            vec![None; table.columns[year_col].dictionary().len()];
        let mut subgroup_by_code: Vec<Option<Option<Subgroup>>> =
            vec![None; subgroup_col.map_or(0, |j| table.columns[j].dictionary().len())];
        let mut grain: Option<(Grain, usize)> = None;
        // The finest grain of the period column, when it mixes grains (a region given by years
        // in a file of quarters): a coarser period is read as the stand at its end in that grain
        // (`2015` as 2015K4, as the year-end stand it is), said with the rows it concerns.
        #[cfg(feature = "full")]
        let finest: Option<Period> = {
            let col = &table.columns[year_col];
            let parsed: Vec<Period> = col
                .dictionary()
                .iter()
                .filter_map(|t| Period::parse(t))
                .collect();
            let years_as_numbers = col.has_number();
            let fine = parsed.iter().copied().max_by_key(|p| p.fineness());
            let coarse = parsed.iter().map(|p| p.fineness()).min();
            fine.filter(|f| {
                coarse.is_some_and(|c| c < f.fineness()) || (years_as_numbers && f.fineness() > 0)
            })
        };
        // Periods written with a provisional mark (`2017*`), once each.
        let mut provisional: Vec<String> = Vec::new();
        // Periods written with a two-digit year (`31-12-15`), a few for the note.
        #[cfg(feature = "full")]
        let mut short_years: Vec<(String, Period)> = Vec::new();
        // Quarters written as Roman numerals (`2015 IV`): the text, its period, whether without
        // a word that says "quarter", its row.
        #[cfg(feature = "full")]
        let mut romans: Vec<(String, Period, bool, usize)> = Vec::new();
        // Rows whose period is a total over the periods (`Totaal`): how many, and one text.
        let (mut period_totals, mut period_total_text) = (0usize, String::new());
        // Rows of a total label in the region column and no period (a pivot table's
        // `Totaal Achterhoek` below the region's years, `Eindtotaal`): the first label and
        // the rows.
        let (mut block_totals, mut block_total_text) = (0usize, String::new());
        // Per count column: its cells of an Excel error or withheld count read as missing, and
        // the first one's row.
        #[cfg_attr(not(feature = "full"), allow(unused_mut))]
        let mut unread_counts: Vec<(String, usize, String)> = Vec::new();
        let mut skipped_subgroups: Vec<(String, usize)> = Vec::new();
        // Per region text of another division (see `other_area`): its rows set aside.
        #[cfg(feature = "full")]
        let mut other_area_rows: Vec<usize> = vec![0; region_by_code.len()];
        let rname = &table.columns[region_col].name;
        let yname = &table.columns[year_col].name;
        // Without a row-type column a row's group follows from the codes of its region, period
        // and subgroup texts: a table from those codes to the group (no hashing per row) while
        // it is small.
        let n_periods = table.columns[year_col].dictionary().len();
        let n_subgroups = subgroup_col.map_or(1, |j| table.columns[j].dictionary().len());
        let coded_cells = table.columns[region_col]
            .dictionary()
            .len()
            .checked_mul(n_periods)
            .and_then(|n| n.checked_mul(n_subgroups))
            .filter(|&n| row_type_col.is_none() && n <= 1 << 22);
        let mut group_at: Vec<u32> = vec![u32::MAX; coded_cells.unwrap_or(0)];
        // The columns' two-byte codes, when all have them (the usual long file): read directly.
        // (The first core reads the built-in data only, whose periods are numbers.)
        #[cfg(feature = "full")]
        let short = coded_cells.and_then(|_| {
            let sub = match subgroup_col {
                Some(j) => Some(table.columns[j].short_codes()?),
                None => None,
            };
            Some((
                table.columns[region_col].short_codes()?,
                table.columns[year_col].short_codes()?,
                sub,
            ))
        });
        // Where row `i`'s codes lie in that table.
        let coded_at = |i: usize| -> Option<usize> {
            coded_cells?;
            #[cfg(feature = "full")]
            if let Some((rs, ps, ss)) = short {
                let code = |codes: &[u16]| {
                    codes
                        .get(i)
                        .copied()
                        .filter(|&k| k != NO_SHORT_CODE)
                        .map(usize::from)
                };
                let s = match ss {
                    Some(ss) => code(ss)?,
                    None => 0,
                };
                return Some((code(rs)? * n_periods + code(ps)?) * n_subgroups + s);
            }
            let r = table.columns[region_col].code(i)? as usize;
            let p = table.columns[year_col].code(i)? as usize;
            let s = match subgroup_col {
                Some(j) => table.columns[j].code(i)? as usize,
                None => 0,
            };
            Some((r * n_periods + p) * n_subgroups + s)
        };
        // Counts that are all whole numbers, none negative, no text (the usual file): plain in
        // every row, checked once per column instead of per row.
        let all_plain = count_cols.iter().all(|(_, j)| {
            table.columns[*j]
                .whole_numbers()
                .is_some_and(|v| v.iter().all(|&n| n >= 0 || n == NO_WHOLE))
        });
        // Each row's group (`u32::MAX`: none); the groups' lists of rows are made after, each at
        // its size, so that no list grows (and is copied) row by row.
        let mut group_of_row: Vec<u32> = vec![u32::MAX; table.len()];
        for i in 0..table.len() {
            // A row with the codes of a row before it: its group, and all that is worked out
            // below from its region, period and subgroup, are known. Its counts still have to
            // be numbers, not negative (else the row goes the long way, to its error).
            if let Some(&g) = coded_at(i)
                .and_then(|a| group_at.get(a))
                .filter(|&&g| g != u32::MAX)
            {
                let plain = all_plain
                    || count_cols.iter().all(|(_, j)| {
                        let c = &table.columns[*j];
                        c.code(i).is_none() && c.number(i).is_none_or(|n| n >= 0.0)
                    });
                if plain {
                    if let Some(slot) = group_of_row.get_mut(i) {
                        *slot = g;
                    }
                    continue;
                }
            }
            let region_cell = table.columns[region_col].get(i);
            // Borrowed from the distinct texts: no copy per row.
            let region_code = table.columns[region_col].code(i);
            let region: std::borrow::Cow<str> = match region_cell {
                Cell::Text(t) => match region_code.and_then(|k| region_by_code.get(k as usize)) {
                    Some(r) => std::borrow::Cow::Borrowed(r.as_str()),
                    None => std::borrow::Cow::Owned(t.trim().to_string()),
                },
                // A number among the names of regions: which region it means is not guessed.
                Cell::Number(n)
                    if cfg!(feature = "full")
                        && !table.columns[region_col].dictionary().is_empty() =>
                {
                    let (nl, en) = number_among_names(&n.to_string());
                    return Err(
                        Error::new2(ErrorKind::BadValue, nl, en).at(location(table, i, rname))
                    );
                }
                Cell::Number(n) => std::borrow::Cow::Owned(n.to_string()),
                // A grand-total row of a finer file (gemeente 'Nederland', region left empty).
                Cell::Missing if total_dims.iter().any(|&j| is_total_cell(j, i)) => {
                    std::borrow::Cow::Borrowed("Landelijk")
                }
                Cell::Missing => {
                    return Err(Error::new2(
                        ErrorKind::BadValue,
                        "De regio ontbreekt in deze rij.",
                        "The region is missing in this row.",
                    )
                    .at(location(table, i, rname)));
                }
            };
            // An area of another division (a province, a subtotal over some regions): set aside
            // (a file's `row_type` column says what each row is).
            #[cfg(feature = "full")]
            if let Some(k) = region_code.filter(|_| row_type_col.is_none()) {
                if row_type_by_code.get(k as usize) == Some(&RowType::OtherArea) {
                    if let Some(n) = other_area_rows.get_mut(k as usize) {
                        *n += 1;
                    }
                    continue;
                }
            }
            let period_cell = table.columns[year_col].get(i);
            let cached = table.columns[year_col]
                .code(i)
                .and_then(|k| period_by_code.get(k as usize).copied().flatten());
            let period = match period_cell {
                _ if cached.flatten().is_some() => cached.flatten().unwrap_or(Period::year(0)),
                Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(&n) => {
                    Period::year(n as i32)
                }
                Cell::Missing if cfg!(feature = "full") && crate::data::tidy::is_total(&region) => {
                    if block_totals == 0 {
                        block_total_text = region.trim().to_string();
                    }
                    block_totals += 1;
                    continue;
                }
                Cell::Missing => {
                    return Err(Error::new2(
                        ErrorKind::BadValue,
                        "De periode (het jaar) ontbreekt in deze rij.",
                        "The period (the year) is missing in this row.",
                    )
                    .at(location(table, i, yname)));
                }
                other => {
                    let shown = other.as_text().unwrap_or_default();
                    let parsed = Period::parse(&shown);
                    // (The first core reads the built-in data only, which has no marks.)
                    if cfg!(feature = "full")
                        && parsed.is_some()
                        && !Period::split_mark(&shown).1.is_empty()
                    {
                        provisional.push(shown.trim().to_string());
                    }
                    // A year written with two digits (`31-12-15`): said in the notes.
                    #[cfg(feature = "full")]
                    if let Some(p) = parsed.filter(|p| {
                        short_years.len() < 10 && !shown.contains(&p.calendar_year().to_string())
                    }) {
                        short_years.push((shown.trim().to_string(), p));
                    }
                    #[cfg(feature = "full")]
                    if let (Some(p), Some(bare)) =
                        (parsed, crate::spec::period::roman_quarter(&shown))
                    {
                        romans.push((shown.trim().to_string(), p, bare, i));
                    }
                    // A total over the periods (a pivot table's `Totaal` row): no stand at
                    // any moment, so not used, and said so.
                    if parsed.is_none() && crate::data::tidy::is_total(&shown) {
                        period_totals += 1;
                        period_total_text = shown;
                        continue;
                    }
                    if let Some(k) = table.columns[year_col].code(i) {
                        if let Some(slot) = period_by_code.get_mut(k as usize) {
                            *slot = Some(parsed);
                        }
                    }
                    parsed.ok_or_else(|| {
                        // A week or a fiscal year: said why it is not read.
                        #[cfg(feature = "full")]
                        if let Some((nl, en)) = crate::spec::period::unsupported(&shown) {
                            return Error::new2(
                                ErrorKind::BadValue,
                                format!("'{shown}' is {nl}."),
                                format!("'{shown}' is {en}."),
                            )
                            .at(location(table, i, yname));
                        }
                        Error::new2(
                            ErrorKind::BadValue,
                            format!("'{shown}' is geen jaartal of periode (verwacht bijvoorbeeld 2016, 2016K4, 2016M12 of 31-12-2016)."),
                            format!("'{shown}' is not a year or period (expected for example 2016, 2016K4, 2016M12 or 31-12-2016)."),
                        )
                        .at(location(table, i, yname))
                    })?
                }
            };
            #[cfg(feature = "full")]
            let period = match finest {
                // (Counted and said once the groups are made: `coarse_read`.)
                Some(f) if period.fineness() < f.fineness() => period.end_as(f.grain()),
                _ => period,
            };
            match grain {
                None => grain = Some((period.grain(), i)),
                Some((g, first)) if g != period.grain() => {
                    let first_row = table.row_shown(first);
                    let first_text = table.columns[year_col]
                        .get(first)
                        .as_text()
                        .unwrap_or_default();
                    return Err(Error::new2(
                        ErrorKind::BadValue,
                        format!(
                            "Het bestand mengt {} en {}: rij {first_row} heeft '{first_text}', deze rij '{period}'. Gebruik één soort periode.",
                            g.label(),
                            period.grain().label(),
                        ),
                        format!(
                            "The file mixes {} and {}: row {first_row} has '{first_text}', this row '{period}'. Use one kind of period.",
                            grain_en(g),
                            grain_en(period.grain()),
                        ),
                    )
                    .at(location(table, i, yname)));
                }
                Some(_) => {}
            }
            let row_type = match row_type_col.map(|j| table.columns[j].get(i)) {
                Some(Cell::Text(t)) => match fold(t).as_str() {
                    "region" | "regio" => RowType::Region,
                    "national" | "landelijk" | "nationaal" => RowType::National,
                    "unknown_region" | "onbekend" | "onbekende_regio" => RowType::UnknownRegion,
                    _ => {
                        let j = row_type_col.unwrap_or_default();
                        return Err(Error::new2(
                            ErrorKind::BadValue,
                            format!("Onbekend rijtype '{t}'; verwacht 'region', 'national' of 'unknown_region'."),
                            format!("Unknown row type '{t}'; expected 'region', 'national' or 'unknown_region'."),
                        )
                        .at(location(table, i, &table.columns[j].name)));
                    }
                },
                _ => match (region_cell, table.columns[region_col].code(i)) {
                    (Cell::Text(_), Some(k)) => row_type_by_code
                        .get(k as usize)
                        .copied()
                        .unwrap_or_else(|| row_type_from_name(&region)),
                    _ => row_type_from_name(&region),
                },
            };
            let subgroup = match subgroup_col {
                None => None,
                Some(j) => {
                    let code = table.columns[j].code(i);
                    let cached =
                        code.and_then(|k| subgroup_by_code.get(k as usize).copied().flatten());
                    let found = match cached {
                        Some(g) => g,
                        None => {
                            let g = Subgroup::from_label(
                                &table.columns[j].get(i).as_text().unwrap_or_default(),
                            );
                            if let Some(slot) =
                                code.and_then(|k| subgroup_by_code.get_mut(k as usize))
                            {
                                *slot = Some(g);
                            }
                            g
                        }
                    };
                    match found {
                        Some(g) => Some(g),
                        // An empty subgroup cell: which group the row counts is unknown.
                        // (The first core reads the built-in data only, which is wide.)
                        None if cfg!(feature = "full")
                            && table.columns[j].get(i) == Cell::Missing =>
                        {
                            return Err(Error::new2(
                                ErrorKind::BadValue,
                                "De doelgroep ontbreekt in deze rij.",
                                "The target group is missing in this row.",
                            )
                            .at(location(
                                table,
                                i,
                                &table.columns[j].name,
                            )));
                        }
                        None => {
                            let label = table.columns[j].get(i).as_text().unwrap_or_default();
                            match skipped_subgroups.iter_mut().find(|(l, _)| *l == label) {
                                Some((_, n)) => *n += 1,
                                None => skipped_subgroups.push((label, 1)),
                            }
                            continue;
                        }
                    }
                }
            };
            for (c, j) in &count_cols {
                match table.columns[*j].get(i) {
                    // Excel's error value (`#N/A`) or a withheld count in a count no view
                    // needs in every region (vacancies, a subgroup): missing, never 0, and said.
                    #[cfg(feature = "full")]
                    Cell::Text(t)
                        if !REQUIRED.contains(c)
                            && (crate::table::is_excel_error(t)
                                || crate::table::is_suppression(t)) =>
                    {
                        // (Excel's error values are named by the table's notes already.)
                        let name = &table.columns[*j].name;
                        match unread_counts.iter_mut().find(|(n, _, _)| n == name) {
                            _ if crate::table::is_excel_error(t) => {}
                            Some((_, k, _)) => *k += 1,
                            None => unread_counts.push((name.clone(), 1, table.row_shown(i))),
                        }
                    }
                    Cell::Text(t) => {
                        return Err(Error::new2(
                            ErrorKind::BadValue,
                            format!("Tekst '{t}' in een kolom met aantallen ({}); verwacht een getal of een leeg/onderdrukt vakje (., x, -).", c.label()),
                            format!("Text '{t}' in a column of counts ({}); expected a number or an empty/suppressed cell (., x, -).", count_en(*c)),
                        )
                        .at(location(table, i, &table.columns[*j].name)));
                    }
                    Cell::Number(n) if n < 0.0 => {
                        return Err(Error::new2(
                            ErrorKind::BadValue,
                            format!("Negatief aantal {n} ({}).", c.label()),
                            format!("Negative count {n} ({}).", count_en(*c)),
                        )
                        .at(location(table, i, &table.columns[*j].name)));
                    }
                    _ => {}
                }
            }
            // The group: by the region's code when it has one (no text hashed or copied per
            // row), else by the region's text.
            let coded = region_code
                .filter(|_| matches!(region, std::borrow::Cow::Borrowed(_)))
                .map(|k| (k, row_type, period, subgroup));
            // (A row whose codes are in `group_at` already took the short way above.)
            let at = coded.and_then(|_| coded_at(i));
            let g = match coded.and_then(|c| group_of_code.get(&c).copied()) {
                Some(g) => g,
                None => {
                    let key = GroupKey {
                        row_type,
                        region: region.into_owned(),
                        period,
                        subgroup,
                    };
                    let g = match group_of.get(&key) {
                        Some(&g) => g,
                        None => {
                            groups.push(Group {
                                key: key.clone(),
                                rows: Vec::new(),
                            });
                            group_of.insert(key, groups.len() - 1);
                            groups.len() - 1
                        }
                    };
                    if let Some(c) = coded {
                        group_of_code.insert(c, g);
                    }
                    g
                }
            };
            if let Some(slot) = at.and_then(|a| group_at.get_mut(a)) {
                *slot = g as u32;
            }
            if let Some(slot) = group_of_row.get_mut(i) {
                *slot = g as u32;
            }
        }
        let lists = crate::table::column::rows_by_group(
            group_of_row.iter().copied().enumerate(),
            groups.len(),
        );
        drop(group_of_row);
        for (group, rows) in groups.iter_mut().zip(lists) {
            group.rows = rows;
        }
        // A coarser period beside the finer one at its end, for the same region (a CBS download
        // of years and quarters: `2015JJ00` beside `2015KW04`): one stand given twice, or a
        // figure over the whole year beside the stand at its end. The finer rows are read, the
        // coarser set aside and said; a coarser period alone is still read as its end.
        // Also the rows still read as the end of their coarser period: how many, and the first
        // (its text, the period read, its region).
        #[cfg(feature = "full")]
        let mut coarse_read: (usize, Option<(String, Period, String)>) = (0, None);
        #[cfg(feature = "full")]
        let coarse_beside_fine = match finest {
            Some(f) => {
                let col = &table.columns[year_col];
                let coarse = |i: usize| match col.get(i) {
                    Cell::Number(_) => f.fineness() > 0,
                    _ => col
                        .code(i)
                        .and_then(|k| period_by_code.get(k as usize).copied().flatten().flatten())
                        .is_some_and(|p| p.fineness() < f.fineness()),
                };
                let mut set_aside: (usize, Option<(usize, usize)>) = (0, None);
                for group in groups.iter_mut() {
                    let fine = group.rows.iter().copied().find(|&i| !coarse(i));
                    let first = group.rows.iter().copied().find(|&i| coarse(i));
                    if let (Some(fine), Some(first)) = (fine, first) {
                        let before = group.rows.len();
                        group.rows.retain(|&i| !coarse(i));
                        set_aside.0 += before - group.rows.len();
                        set_aside.1.get_or_insert((first, fine));
                    }
                }
                let text = |i: usize| match col.get(i) {
                    Cell::Number(n) => n.to_string(),
                    c => c.as_text().unwrap_or_default().trim().to_string(),
                };
                for group in &groups {
                    for &i in group.rows.iter().filter(|&&i| coarse(i)) {
                        coarse_read.0 += 1;
                        let (period, region) = (group.key.period, &group.key.region);
                        coarse_read
                            .1
                            .get_or_insert_with(|| (text(i), period, region.clone()));
                    }
                }
                set_aside.1.map(|(a, b)| (set_aside.0, text(a), text(b)))
            }
            None => None,
        };
        #[cfg(feature = "full")]
        let romans_note = roman_quarters(&mut romans, table, yname)?;

        // Two rows that differ in nothing but their counts are one row entered twice: the first
        // such row in the file is named, with the row it repeats. Found group by group: the
        // rows of a group sorted by a hash of their other cells (the row's index in the low
        // bits), equal hashes compared cell by cell; one buffer the size of the largest group.
        // Looked for only when the dimensions' codes cannot rule it out at once (the first core,
        // with the built-in data only, leaves that out and stays small).
        let index_bits = usize::BITS - table.len().leading_zeros();
        let mask = 1u64.checked_shl(index_bits).map_or(u64::MAX, |b| b - 1);
        let mut keyed: Vec<u64> = Vec::new();
        let mut twice: Option<(usize, usize, usize)> = None; // (row, earlier row, group)
        #[cfg(feature = "full")]
        let none_twice = none_twice_by_codes(table, &dims, groups.iter().map(|g| &g.rows[..]));
        #[cfg(not(feature = "full"))]
        let none_twice = false;
        for (g, group) in groups.iter().enumerate().filter(|_| !none_twice) {
            keyed.clear();
            keyed.extend(
                group
                    .rows
                    .iter()
                    .map(|&i| (hash_cells(table, &dims, i, 0) & !mask) | i as u64),
            );
            crate::sort::sort_unstable(&mut keyed);
            let row = |k: u64| (k & mask) as usize;
            for run in keyed.chunk_by(|a, b| a & !mask == b & !mask) {
                for (at, &k) in run.iter().enumerate().skip(1) {
                    let i = row(k);
                    if twice.is_some_and(|(first, _, _)| first < i) {
                        break;
                    }
                    let same = |p: usize| {
                        dims.iter()
                            .all(|&j| table.columns[j].get(p) == table.columns[j].get(i))
                    };
                    if let Some(p) = run.iter().take(at).map(|&k| row(k)).find(|&p| same(p)) {
                        twice = Some((i, p, g));
                    }
                }
            }
        }
        drop(keyed);
        if let Some((i, prev, g)) = twice {
            let group = &groups[g];
            let (region, period, subgroup) =
                (&group.key.region, group.key.period, group.key.subgroup);
            let prev_row = table.row_shown(prev);
            // The row's other columns (its municipality, age, sex), which it repeats too.
            // (The first core reads the built-in data only, which has no other columns.)
            let also: String = dims
                .iter()
                .filter(|_| cfg!(feature = "full"))
                .filter_map(|&j| {
                    let v = table.columns[j].get(i).as_text()?;
                    Some(format!(", {} '{}'", table.columns[j].name, v.trim()))
                })
                .take(4)
                .collect();
            let (what, what_en) = match subgroup {
                Some(sg) => {
                    let label = table.columns[subgroup_col.unwrap_or_default()]
                        .get(i)
                        .as_text()
                        .unwrap_or_else(|| sg.label().to_string());
                    (
                        format!(
                            "Regio '{region}'{also} komt voor {period} met doelgroep '{label}' twee keer voor (ook op rij {prev_row})."
                        ),
                        format!(
                            "Region '{region}'{also} occurs twice for {period} with target group '{label}' (also on row {prev_row})."
                        ),
                    )
                }
                None => (
                    format!("Regio '{region}'{also} komt voor {period} twee keer voor (ook op rij {prev_row})."),
                    format!("Region '{region}'{also} occurs twice for {period} (also on row {prev_row})."),
                ),
            };
            // A year beside its own last quarter (read as the same stand): said, as the rows
            // write different periods.
            #[cfg(feature = "full")]
            let (what, what_en) = {
                let text = |k: usize| {
                    let c = table.columns[year_col].get(k);
                    c.as_text()
                        .map(|t| t.trim().to_string())
                        .unwrap_or_else(|| c.as_number().map(|n| n.to_string()).unwrap_or_default())
                };
                let (a, b) = (text(prev), text(i));
                if a == b {
                    (what, what_en)
                } else {
                    (
                        format!("{what} '{a}' en '{b}' zijn dezelfde stand: die aan het eind van {}.", period.label()),
                        format!("{what_en} '{a}' and '{b}' are the same stand: the one at the end of {}.", period.label_in(Lang::En)),
                    )
                }
            };
            return Err(
                Error::new2(ErrorKind::Duplicate, what, what_en).at(location(table, i, rname))
            );
        }

        // Sum every group over the dimensions, using total rows where a group has them.
        let mut used_totals: Vec<(usize, String)> = Vec::new();
        let is_number = |j: usize| table.columns[j].kind() == crate::table::ColumnKind::Number;
        let mut varying = vec![false; dims.len()];
        let mut summed_rows = 0usize;
        let mut summed_groups = 0usize;
        let mut sums: Vec<Vec<Option<f64>>> = Vec::with_capacity(groups.len());
        // A group's rows once the rows named as totals stand for the others: the rows, and per
        // total column the first total row used.
        let named_totals = |group: &[usize]| -> (Vec<usize>, Vec<(usize, usize)>) {
            let mut rows = group.to_vec();
            let mut used = Vec::new();
            for &j in &total_dims {
                let tot: Vec<usize> = rows
                    .iter()
                    .copied()
                    .filter(|&i| is_total_cell(j, i))
                    .collect();
                if !tot.is_empty() {
                    used.extend(tot.iter().map(|&i| (j, i)));
                    rows = tot;
                }
            }
            (rows, used)
        };
        // Totals no word names (`Arbeidsmarktregio Achterhoek` among its municipalities, `15 jaar
        // en ouder` among the ages): the rows of one value of a column that add up to the rows
        // of all its other values. A value is taken as such a total only when it is one in every
        // group it is in (a municipality that happens to equal the others once is not).
        let accepted = totals_by_sums(
            table,
            groups.iter().map(|g| &g.rows[..]),
            &dims,
            region_col,
            &count_cols,
            2,
            &named_totals,
        );
        // Rows that are there in the periods before and after but not in one between (a
        // municipality left out of 2016): the group is summed without them, said in a note.
        // Found by the rows' municipality (else all their other columns), in groups summed from
        // their parts only (full core).
        #[cfg(feature = "full")]
        let mut gaps = Gaps::new(table, &dims);
        #[cfg_attr(not(feature = "full"), allow(clippy::unused_enumerate_index))]
        for (_g, group) in groups.iter().enumerate() {
            // The group's rows as they stand, or narrowed to its totals: without totals (the
            // usual long file) not copied.
            let mut narrowed: Option<Vec<usize>> = None;
            #[cfg(feature = "full")]
            let mut by_totals = false;
            // The totals used (column, row), each text once.
            let mut note = |used: Vec<(usize, usize)>| {
                #[cfg(feature = "full")]
                {
                    by_totals |= !used.is_empty();
                }
                for (j, i) in used {
                    let v = table.columns[j].get(i).as_text().unwrap_or_default();
                    if !used_totals.iter().any(|(c, t)| *c == j && *t == v) {
                        used_totals.push((j, v));
                    }
                }
            };
            if !total_dims.is_empty() {
                let (rows, used) = named_totals(&group.rows);
                narrowed = Some(rows);
                note(used);
            }
            if !accepted.is_empty() {
                let rows = narrowed.take().unwrap_or_else(|| group.rows.clone());
                let (rows, used) = narrow_by_sums(table, rows, &accepted, &dims, &count_cols);
                narrowed = Some(rows);
                note(used);
            }
            let rows: &[usize] = narrowed.as_deref().unwrap_or(&group.rows);
            #[cfg(feature = "full")]
            gaps.record(_g, rows, by_totals);
            if rows.len() > 1 {
                summed_rows += rows.len();
                summed_groups += 1;
                for (k, &j) in dims.iter().enumerate() {
                    if !varying[k] {
                        let c = &table.columns[j];
                        varying[k] = rows.iter().any(|&i| !c.same(i, rows[0]));
                    }
                }
            }
            let sum: Vec<Option<f64>> = count_cols
                .iter()
                .map(|(_, j)| table.columns[*j].sum_of(rows))
                .collect();
            sums.push(sum);
        }

        // Counts per (row type, region, period): straight from the sums, or per subgroup.
        let mut cells: BTreeMap<(RowKind, String, Period), LongCell> = BTreeMap::new();
        for (group, sum) in groups.iter().zip(&sums) {
            let k = &group.key;
            let cell = cells
                .entry((k.row_type.into(), k.region.clone(), k.period))
                .or_default();
            let slot = k.subgroup.map(subgroup_slot).unwrap_or(0);
            cell.values[slot] = Some(sum.clone());
        }
        let mut derived_total = false;
        let mut derived_praktijkroute = false;
        let mut entries: BTreeMap<(RowKind, String, Period), Counts> = BTreeMap::new();
        for (key, cell) in cells {
            let counts = if subgroup_col.is_some() {
                let (c, d) = cell.counts(&count_cols);
                derived_total |= d.0;
                derived_praktijkroute |= d.1;
                c
            } else {
                let mut c = Counts::default();
                if let Some(Some(vals)) = cell.values.first() {
                    for ((count, _), v) in count_cols.iter().zip(vals) {
                        c.set(*count, *v);
                    }
                }
                c
            };
            entries.insert(key, counts);
        }

        let mut data: BTreeMap<(String, Period), Counts> = BTreeMap::new();
        let mut national_rows: BTreeMap<Period, Counts> = BTreeMap::new();
        let mut other_rows = Vec::new();
        // The counts of rows of an unknown region, summed per period: in the national figure.
        let mut unknown_sums: BTreeMap<Period, Counts> = BTreeMap::new();
        for ((kind, region, period), counts) in entries {
            match kind {
                RowKind::Region => {
                    data.insert((region, period), counts);
                }
                RowKind::National => {
                    national_rows.insert(period, counts);
                }
                RowKind::Unknown => {
                    if cfg!(feature = "full") {
                        let sum = unknown_sums.entry(period).or_default();
                        for c in Count::ALL {
                            if let Some(v) = counts.get(c) {
                                sum.set(c, Some(sum.get(c).unwrap_or(0.0) + v));
                            }
                        }
                    }
                    other_rows.push((region, period))
                }
            }
        }
        // Only areas of another division (municipalities, provinces): which, and what is needed.
        #[cfg(feature = "full")]
        if data.is_empty() {
            if let Some((_, nl, en)) = other_areas(&region_by_code, &other_area_rows) {
                return Err(Error::new2(
                    ErrorKind::NoRows,
                    format!("Kolom '{rname}' noemt geen arbeidsmarktregio's maar gebieden van een andere indeling: {nl}. De regionale analyse vraagt een kolom met de arbeidsmarktregio van elke rij (een gemeente hoort bij één arbeidsmarktregio; de rijen worden dan per regio opgeteld)."),
                    format!("Column '{rname}' names no labour-market regions but areas of another division: {en}. The regional analysis needs a column with each row's labour-market region (a municipality belongs to one; the rows are then summed per region)."),
                )
                .at(file));
            }
        }
        if data.is_empty() {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "Het bestand bevat geen rijen voor regio's (alleen landelijke of onbekende).",
                "The file has no rows for regions (only national or unknown ones).",
            )
            .at(file));
        }
        let mut regions: Vec<String> = data.keys().map(|(r, _)| r.clone()).collect();
        crate::sort::sort(&mut regions);
        regions.dedup();
        let mut years: Vec<Period> = data.keys().map(|(_, y)| *y).collect();
        crate::sort::sort(&mut years);
        years.dedup();

        let mut present: Vec<Count> = if subgroup_col.is_some() {
            Count::ALL
                .into_iter()
                .filter(|c| {
                    data.values()
                        .chain(national_rows.values())
                        .any(|k| k.get(*c).is_some())
                })
                .collect()
        } else {
            count_cols.iter().map(|(c, _)| *c).collect()
        };
        crate::sort::sort(&mut present);

        let mut notes = resolved.notes.clone();
        #[cfg(feature = "full")]
        notes.extend(gaps.note(&groups));
        // Region texts read as another (a spelling, a code): the pairs, the first ten.
        let mut pairs_note = |pairs: &[(String, String)], nl: &str, en: &str| {
            if cfg!(feature = "full") && !pairs.is_empty() {
                let pairs: Vec<String> = pairs
                    .iter()
                    .map(|(a, b)| format!("'{a}' = '{b}'"))
                    .collect();
                notes.push((
                    format!("{nl}: {}", crate::format::first_ten(&pairs, Lang::Nl)),
                    format!("{en}: {}", crate::format::first_ten(&pairs, Lang::En)),
                ));
            }
        };
        pairs_note(
            &spellings,
            "Regio's anders geschreven samengenomen",
            "Regions written another way taken as one",
        );
        pairs_note(
            &with_codes,
            "Regio's met hun code gelezen als de regio van die code",
            "Regions written with their code read as the region of that code",
        );
        // A region no name of the division fits, a letter off one that does: likely a typing
        // error, which makes two regions of one (full core). Only for as many regions as a
        // division has, give or take (a column of thousands of "regions" is no division, and
        // each name is compared with each).
        #[cfg(feature = "full")]
        if regions.len() <= MISSPELT_CHECKED_UP_TO {
            let (named, unknown): (Vec<&String>, Vec<&String>) = regions
                .iter()
                .partition(|r| crate::geo::names::names_a_region(r));
            let named: Vec<&str> = named.into_iter().map(String::as_str).collect();
            let misspelt: Vec<(String, String)> = unknown
                .into_iter()
                .filter_map(|r| {
                    let near = crate::geo::names::misspelt_region(r, &named)?;
                    Some((r.clone(), near))
                })
                .collect();
            if !misspelt.is_empty() {
                let pairs = |or: &str| -> Vec<String> {
                    misspelt
                        .iter()
                        .map(|(a, b)| format!("'{a}' ({or} '{b}'?)"))
                        .collect()
                };
                notes.push((
                    format!(
                        "Geen arbeidsmarktregio van die naam, wel bijna: {}; gelezen als een eigen regio. Controleer de spelling in het bestand.",
                        crate::format::first_ten(&pairs("bedoeld"), Lang::Nl)
                    ),
                    format!(
                        "No labour-market region of that name, but nearly: {}; read as a region of its own. Check the spelling in the file.",
                        crate::format::first_ten(&pairs("meant"), Lang::En)
                    ),
                ));
            }
        }
        #[cfg(feature = "full")]
        if !short_years.is_empty() {
            short_years.sort_by_key(|(_, p)| *p);
            short_years.dedup();
            let list = |lang| {
                let shown: Vec<String> = short_years
                    .iter()
                    .take(3)
                    .map(|(t, p)| format!("{t} = {}", p.label_in(lang)))
                    .collect();
                shown.join(", ")
            };
            let (list, list_en) = (list(Lang::Nl), list(Lang::En));
            notes.push((
                format!(
                    "Jaartallen met twee cijfers in '{yname}' gelezen als 20xx (00-69) of 19xx (70-99): {list}"
                ),
                format!(
                    "Two-digit years in '{yname}' read as 20xx (00-69) or 19xx (70-99): {list_en}"
                ),
            ));
        }
        #[cfg(feature = "full")]
        notes.extend(romans_note);
        #[cfg(feature = "full")]
        if let Some((n, coarse, fine)) = &coarse_beside_fine {
            notes.push((
                format!("{n} rij(en) van een grovere periode niet gebruikt naast de fijnere periode aan het eind ervan (zoals '{coarse}' naast '{fine}'): die stand staat er al, en een cijfer over een heel jaar kan een gemiddelde zijn; de fijnere perioden gelezen"),
                format!("{n} row(s) of a coarser period not used beside the finer period at its end (such as '{coarse}' beside '{fine}'): that stand is there already, and a figure over a whole year may be an average; the finer periods read"),
            ));
        }
        #[cfg(feature = "full")]
        if let (n, Some((shown, read, region))) = &coarse_read {
            let (l, le) = (read.label(), read.label_in(Lang::En));
            notes.push((
                format!("Periodes van een grovere soort gelezen als de stand aan het eind ervan: '{shown}' als {l} ({region}; {n} rij(en) in '{yname}')"),
                format!("Periods of a coarser kind read as the stand at their end: '{shown}' as {le} ({region}; {n} row(s) in '{yname}')"),
            ));
        }
        if cfg!(feature = "full") && !provisional.is_empty() {
            crate::sort::sort(&mut provisional);
            provisional.dedup();
            let list = provisional.join(", ");
            notes.push((
                format!(
                    "Voorlopige cijfers: {list} in '{yname}' gelezen als de periode zelf; de grafieken tonen de periode zonder teken."
                ),
                format!(
                    "Provisional figures: {list} in '{yname}' read as the period itself; the charts show the period without the mark."
                ),
            ));
        }
        // A quarterly, monthly or daily file whose first period is not at the point of its year
        // where the last is: a growth's default start moved to that point (see
        // `RegionalData::default_from`), said.
        #[cfg(feature = "full")]
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            if let Some(&from) = years
                .iter()
                .find(|p| **p < last && p.same_point_of_year(last))
                .filter(|p| **p != first)
            {
                let (f, l, s) = (from.label(), last.label(), first.label());
                let (fe, le, se) = (
                    from.label_in(Lang::En),
                    last.label_in(Lang::En),
                    first.label_in(Lang::En),
                );
                notes.push((
                    format!("Zonder 'van' loopt de groei standaard van {f} tot {l}: hetzelfde moment van het jaar, zodat de groei gelijke standen vergelijkt (het bestand begint met {s})"),
                    format!("Without 'from', growth runs by default from {fe} to {le}: the same point of the year, so the growth compares like with like (the file starts with {se})"),
                ));
            }
        }
        // A region without a row for a period the others have (a quarter missing from an
        // export): said once in the file line, the views each say what they leave out.
        #[cfg(feature = "full")]
        if regions.len() > 1 {
            let mut gaps: Vec<String> = Vec::new();
            let mut gaps_en: Vec<String> = Vec::new();
            for r in &regions {
                let lacking: Vec<&Period> = years
                    .iter()
                    .filter(|y| !data.contains_key(&(r.clone(), **y)))
                    .collect();
                if lacking.is_empty() || lacking.len() == years.len() {
                    continue;
                }
                let list = |lang| {
                    let ps: Vec<String> = lacking.iter().map(|p| p.label_in(lang)).collect();
                    crate::format::first_ten(&ps, lang)
                };
                gaps.push(format!("{r} ({})", list(Lang::Nl)));
                gaps_en.push(format!("{r} ({})", list(Lang::En)));
            }
            if !gaps.is_empty() {
                let (nl, en) = (
                    crate::format::first_ten(&gaps, Lang::Nl),
                    crate::format::first_ten(&gaps_en, Lang::En),
                );
                notes.push((
                    format!(
                        "Regio's zonder rij voor een periode die andere regio's wel hebben: {nl}"
                    ),
                    format!("Regions without a row for a period the other regions have: {en}"),
                ));
            }
        }
        let national_from_file = years.iter().all(|y| national_rows.contains_key(y));
        let mut national = BTreeMap::new();
        let mut summed_years = Vec::new();
        let mut unknown_added = false;
        for &y in &years {
            let sum = sum_regions(&data, &regions, y);
            match national_rows.get(&y) {
                Some(n) => {
                    // A national cell left empty is filled with the regional sum, and said so.
                    let mut n = *n;
                    for c in &present {
                        if n.get(*c).is_none() && sum.get(*c).is_some() {
                            n.set(*c, sum.get(*c));
                        }
                    }
                    national.insert(y, n);
                }
                None => {
                    // The national figure holds the persons of no known region too
                    // (Landelijk = the regions + Onbekend).
                    let mut sum = sum;
                    if let Some(u) = unknown_sums.get(&y) {
                        for c in Count::ALL {
                            if let (Some(a), Some(b)) = (sum.get(c), u.get(c)) {
                                sum.set(c, Some(a + b));
                                unknown_added = true;
                            }
                        }
                    }
                    summed_years.push(y);
                    national.insert(y, sum);
                }
            }
        }
        // (The first core reads the built-in data only, whose figures agree.)
        if cfg!(feature = "full") {
            notes.extend(figures_that_disagree(
                &data,
                &regions,
                &national_rows,
                &present,
                &unknown_sums,
            ));
        }
        if let Some(j) = subgroup_col {
            let mut seen_groups: Vec<Subgroup> = Vec::new();
            for g in &groups {
                if let Some(sg) = g.key.subgroup {
                    if !seen_groups.contains(&sg) {
                        seen_groups.push(sg);
                    }
                }
            }
            crate::sort::sort_by_key(&mut seen_groups, |g| subgroup_slot(*g));
            let groups_list = |lang| {
                seen_groups
                    .iter()
                    .map(|g| crate::data::tidy::capitalise(g.label_in(lang)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            notes.push((
                format!(
                    "Lang bestand: één rij per doelgroep in '{}' ({})",
                    table.columns[j].name,
                    groups_list(Lang::Nl)
                ),
                format!(
                    "Long file: one row per target group in '{}' ({})",
                    table.columns[j].name,
                    groups_list(Lang::En)
                ),
            ));
            if derived_total {
                notes.push((
                    "Totaal berekend als Wajong + WSW + Participatiewet waar een rij 'Totaal' ontbreekt (Praktijkroute is deel van de Participatiewet)".to_string(),
                    "Total computed as Wajong + WSW + Participatiewet where a row 'Totaal' is missing (Praktijkroute is part of the Participatiewet)".to_string(),
                ));
            }
            if cfg!(feature = "full") && derived_praktijkroute {
                notes.push((
                    "Praktijkroute berekend als Participatiewet min Participatiewet overig waar een rij 'Praktijkroute' ontbreekt".to_string(),
                    "Praktijkroute computed as Participatiewet minus Participatiewet other where a row 'Praktijkroute' is missing".to_string(),
                ));
            }
            // Subgroups written another way than their name: each spelling said once.
            #[cfg(feature = "full")]
            {
                let mut read_as: Vec<String> = Vec::new();
                for t in table.columns[j].dictionary() {
                    if let Some(g) = Subgroup::from_label(t) {
                        let plain = crate::case::lower(t.trim());
                        if plain != crate::case::lower(g.label()) {
                            read_as.push(format!(
                                "'{}' = {}",
                                t.trim(),
                                crate::data::tidy::capitalise(g.label())
                            ));
                        }
                    }
                }
                if !read_as.is_empty() {
                    let (nl, en) = (
                        crate::format::first_ten(&read_as, Lang::Nl),
                        crate::format::first_ten(&read_as, Lang::En),
                    );
                    notes.push((
                        format!("Doelgroepen anders geschreven gelezen als: {nl}"),
                        format!("Target groups written another way read as: {en}"),
                    ));
                }
            }
        }
        if period_totals > 0 {
            let n = period_totals;
            notes.push((
                format!(
                    "{n} {} met '{period_total_text}' in '{yname}' (een totaal over de perioden) niet gebruikt: een aantal geldt op één moment.",
                    if n == 1 { "rij" } else { "rijen" }
                ),
                format!(
                    "{n} row{} with '{period_total_text}' in '{yname}' (a total over the periods) not used: a count holds at one moment.",
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
        if !unread_counts.is_empty() {
            let list = |lang: Lang| {
                unread_counts
                    .iter()
                    .map(|(c, n, r)| match lang {
                        Lang::Nl => format!("'{c}' ({n}, de eerste op rij {r})"),
                        Lang::En => format!("'{c}' ({n}, the first on row {r})"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            notes.push((
                format!(
                    "Cellen met een afgeschermd aantal als ontbrekend gelezen, nooit als 0: {}",
                    list(Lang::Nl)
                ),
                format!(
                    "Cells with a withheld count read as missing, never as 0: {}",
                    list(Lang::En)
                ),
            ));
        }
        if block_totals > 0 {
            let n = block_totals;
            notes.push((
                format!(
                    "{n} {} met een totaal in '{rname}' en geen periode (zoals '{block_total_text}': een totaal over de perioden) niet gebruikt: een aantal geldt op één moment.",
                    if n == 1 { "rij" } else { "rijen" }
                ),
                format!(
                    "{n} row{} with a total in '{rname}' and no period (such as '{block_total_text}': a total over the periods) not used: a count holds at one moment.",
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
        #[cfg(feature = "full")]
        if let Some(note) = other_areas_note(&region_by_code, &other_area_rows) {
            notes.push(note);
        }
        if !skipped_subgroups.is_empty() {
            let list = |one: &str, many: &str| {
                skipped_subgroups
                    .iter()
                    .map(|(l, n)| format!("'{l}' ({n} {})", if *n == 1 { one } else { many }))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            notes.push((
                format!(
                    "Doelgroepen niet gebruikt in de regionale analyse: {}",
                    list("rij", "rijen")
                ),
                format!(
                    "Target groups not used in the regional analysis: {}",
                    list("row", "rows")
                ),
            ));
        }
        if !used_totals.is_empty() {
            // Per column its first few values and how many more (a total per region, such as
            // `Totaal Achterhoek`, is one value per region). The first core reads the built-in
            // data only, with one total: it lists them all.
            #[cfg(not(feature = "full"))]
            let list = |_: &str| {
                used_totals
                    .iter()
                    .map(|(j, v)| format!("{} = '{v}'", table.columns[*j].name))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            #[cfg(feature = "full")]
            let list = |more: &str| {
                let mut cols: Vec<usize> = Vec::new();
                for (j, _) in &used_totals {
                    if !cols.contains(j) {
                        cols.push(*j);
                    }
                }
                cols.iter()
                    .map(|&c| {
                        let values: Vec<String> = used_totals
                            .iter()
                            .filter(|(j, _)| *j == c)
                            .map(|(_, v)| format!("'{v}'"))
                            .collect();
                        let shown = values
                            .iter()
                            .take(3)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ");
                        let rest = values.len().saturating_sub(3);
                        let rest = if rest > 0 {
                            format!(" {}", more.replace("{}", &rest.to_string()))
                        } else {
                            String::new()
                        };
                        format!("{} = {shown}{rest}", table.columns[c].name)
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            notes.push((
                format!(
                    "Totaalrijen herkend en gebruikt (de losse rijen niet nog eens meegeteld): {}",
                    list("en {} andere")
                ),
                format!(
                    "Total rows recognised and used (the separate rows not counted again): {}",
                    list("and {} more")
                ),
            ));
        }
        if summed_groups > 0 {
            // A column of numbers that differs between the rows is a value not used (a
            // percentage, an unmapped count), not a dimension the rows are summed over.
            let over: Vec<&str> = dims
                .iter()
                .zip(&varying)
                .filter(|(j, v)| **v && !is_number(**j))
                .map(|(j, _)| table.columns[*j].name.as_str())
                .collect();
            notes.push((
                format!(
                    "Opgeteld over {}: {} rijen -> {} {}, één per regio{}",
                    if over.is_empty() {
                        "de rijen".to_string()
                    } else {
                        columns_and(&over, Lang::Nl)
                    },
                    crate::format::nl(summed_rows as f64, 0),
                    crate::format::nl(summed_groups as f64, 0),
                    if summed_groups == 1 { "rij" } else { "rijen" },
                    if subgroup_col.is_some() {
                        ", periode en doelgroep"
                    } else {
                        " en periode"
                    }
                ),
                format!(
                    "Summed over {}: {} rows -> {} {}, one per region{}",
                    if over.is_empty() {
                        "the rows".to_string()
                    } else {
                        columns_and(&over, Lang::En)
                    },
                    crate::format::number(summed_rows as f64, 0, Lang::En),
                    crate::format::number(summed_groups as f64, 0, Lang::En),
                    if summed_groups == 1 { "row" } else { "rows" },
                    if subgroup_col.is_some() {
                        ", period and target group"
                    } else {
                        " and period"
                    }
                ),
            ));
        }
        // A column named as the target group that holds numbers: codes (SPSS's values, Stata's
        // without labels), one of which is most likely the total. Added together they would
        // count the total and its parts twice (the national count of working persons doubled):
        // refused, naming the codes.
        #[cfg(feature = "full")]
        if summed_groups > 0 {
            let coded = dims.iter().zip(&varying).find(|(j, v)| {
                **v && is_number(**j)
                    && IdColumn::from_header(&table.columns[**j].name) == Some(IdColumn::Subgroup)
            });
            if let Some((&j, _)) = coded {
                let c = &table.columns[j];
                let mut codes: Vec<f64> = (0..c.len()).filter_map(|i| c.number(i)).collect();
                crate::sort::sort_by(&mut codes, |a, b| a.total_cmp(b));
                codes.dedup();
                let shown = |lang: Lang| -> String {
                    let all: Vec<String> = codes
                        .iter()
                        .map(|n| crate::format::number(*n, usize::from(n.fract() != 0.0), lang))
                        .collect();
                    crate::format::first_ten(&all, lang)
                };
                let name = &c.name;
                return Err(Error::new2(
                    ErrorKind::BadValue,
                    format!("Kolom '{name}' noemt de doelgroepen met codes ({}), niet met namen. De regionale analyse kan niet weten welke code het totaal is, en zou ze anders allemaal optellen (het totaal en zijn delen dubbel). Geef de doelgroepen hun naam (Totaal, Wajong, WSW, Participatiewet, Praktijkroute), bijvoorbeeld door bij het exporteren de waardelabels te kiezen.", shown(Lang::Nl)),
                    format!("Column '{name}' names the target groups by codes ({}), not by names. The regional analysis cannot know which code is the total, and would otherwise add them all up (the total and its parts twice). Give the target groups their names (Total, Wajong, WSW, Participatiewet, Praktijkroute), for example by exporting the value labels.", shown(Lang::En)),
                )
                .at(Location::file(&table.source).column(name)));
            }
        }
        // A column named as the target group none of whose values is one (`A`, `B`): its values
        // added together, which is right only when they do not overlap; said, naming them.
        #[cfg(feature = "full")]
        if summed_groups > 0 {
            for (&j, _) in dims
                .iter()
                .zip(&varying)
                .filter(|(j, v)| **v && !is_number(**j))
            {
                let c = &table.columns[j];
                if IdColumn::from_header(&c.name) != Some(IdColumn::Subgroup) {
                    continue;
                }
                let values: Vec<String> = c
                    .dictionary()
                    .iter()
                    .map(|t| format!("'{}'", t.trim()))
                    .collect();
                let name = &c.name;
                notes.push((
                    format!(
                        "De waarden van '{name}' zijn bij elkaar opgeteld: {}. Geen ervan is een doelgroep van de regionale analyse (Totaal, Wajong, WSW, Participatiewet, Praktijkroute); overlappen ze (iemand in meer dan één), dan zijn de aantallen te hoog: kies dan één waarde of geef de doelgroepen hun naam.",
                        crate::format::first_ten(&values, Lang::Nl)
                    ),
                    format!(
                        "The values of '{name}' were added together: {}. None of them is a target group of the regional analysis (Total, Wajong, WSW, Participatiewet, Praktijkroute); if they overlap (someone in more than one), the counts are too high: then choose one value or give the target groups their names.",
                        crate::format::first_ten(&values, Lang::En)
                    ),
                ));
            }
        }
        let (plus_nl, plus_en) = if unknown_added {
            (
                " plus de rijen met onbekende regio",
                " plus the rows of an unknown region",
            )
        } else {
            ("", "")
        };
        if summed_years.len() == years.len() && !years.is_empty() {
            notes.push((
                format!("Geen landelijke rij in het bestand: landelijke waarden zijn de som van de regio's{plus_nl}"),
                format!("No national row in the file: national values are the sum of the regions{plus_en}"),
            ));
        } else if !summed_years.is_empty() {
            let list = |lang: Lang| {
                summed_years
                    .iter()
                    .map(|y| y.label_in(lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            notes.push((
                format!(
                    "Geen landelijke rij voor {}: landelijke waarden zijn de som van de regio's{plus_nl}",
                    list(Lang::Nl)
                ),
                format!(
                    "No national row for {}: national values are the sum of the regions{plus_en}",
                    list(Lang::En)
                ),
            ));
        }
        if !other_rows.is_empty() {
            let n = other_rows.len();
            notes.push((
                format!("{n} rij(en) met onbekende regio bewaard maar niet gebruikt in de vergelijking tussen regio's"),
                format!(
                    "{n} row{} with an unknown region kept but not used in the comparison between regions",
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
        let ignored_now: Vec<String> = dims
            .iter()
            .zip(&varying)
            // (A column whose total rows were used is said above: it was used. The first core
            // reads the built-in data only, which has no such column.)
            .filter(|(j, v)| {
                (!**v || is_number(**j))
                    && is_ignored.get(**j).copied().unwrap_or(false)
                    && !(cfg!(feature = "full") && used_totals.iter().any(|(k, _)| k == *j))
            })
            .map(|(j, _)| table.columns[*j].name.clone())
            .collect();
        if !ignored_now.is_empty() {
            notes.push((
                format!(
                    "Kolommen bewaard maar niet gebruikt in de regionale analyse: {}",
                    column_list(&ignored_now, Lang::Nl)
                ),
                format!(
                    "Columns kept but not used in the regional analysis: {}",
                    column_list(&ignored_now, Lang::En)
                ),
            ));
        }
        let (notes, notes_en) = notes.into_iter().unzip();
        Ok(RegionalData {
            source: table.source.clone(),
            regions,
            grain: grain.map(|g| g.0).unwrap_or(Grain::Year),
            years,
            data,
            national,
            national_from_file,
            #[cfg(feature = "full")]
            totals_by_sums: accepted,
            present,
            other_rows,
            notes,
            notes_en,
            fine: subgroup_col.is_some() || summed_groups > 0,
            #[cfg(feature = "full")]
            unrecognised_subgroups: skipped_subgroups.into_iter().map(|(l, _)| l).collect(),
        })
    }

    pub fn get(&self, region: &str, year: impl Into<Period>, c: Count) -> Option<f64> {
        self.data
            .get(&(region.to_string(), year.into()))
            .and_then(|k| k.get(c))
    }
    pub fn national(&self, year: impl Into<Period>, c: Count) -> Option<f64> {
        self.national.get(&year.into()).and_then(|k| k.get(c))
    }
    /// The period a growth to `to` starts at when the view does not say: the first period of
    /// the file at the same point of its year as `to` (`2015K4` for `2017K4` in a quarterly
    /// file, `2015M06` for `2017M06`), so that the growth compares like with like (DOMAIN: 2015
    /// -> 2017 is Q4 2015 -> Q4 2017); the first period when no earlier one is at that point.
    /// User files only (the built-in data has years: the first year).
    #[cfg(feature = "full")]
    pub fn default_from(&self, to: Period) -> Option<Period> {
        self.at_point_of(to)
            .find(|p| *p < to)
            .or_else(|| self.years.first().copied())
    }

    /// The file's periods at the same point of their year as `p`, in order: every year in a
    /// file of years; `2015K4`, `2016K4`, `2017K4` for `2017K4` in a file of quarters. A growth
    /// or a mean over them compares like with like (the seasons never mixed). (The first core
    /// reads the built-in data, of years: every period.)
    pub fn at_point_of(&self, p: Period) -> impl Iterator<Item = Period> + '_ {
        self.years.iter().copied().filter(move |y| {
            #[cfg(feature = "full")]
            return y.same_point_of_year(p);
            #[cfg(not(feature = "full"))]
            {
                let _ = (y, p);
                true
            }
        })
    }

    /// The period a growth over one step to `to` starts at when the view does not say (the
    /// decomposition): the last one before it at the same point of its year (`2016K4` for
    /// `2017K4`: the year's growth, not the quarter's), else the period before `to`. User files
    /// only (the built-in data has years: the year before).
    #[cfg(feature = "full")]
    pub fn year_before(&self, to: Period) -> Option<Period> {
        self.at_point_of(to)
            .filter(|p| *p < to)
            .last()
            .or_else(|| self.years.iter().copied().rfind(|p| *p < to))
    }

    /// The file's periods from `from` to `to`, both included and each found as [`Self::resolve`]
    /// finds it; every period from the first or to the last when not given.
    pub fn periods_within(&self, from: Option<Period>, to: Option<Period>) -> Result<Vec<Period>> {
        let from = from.map(|p| self.resolve("from", p)).transpose()?;
        let to = to.map(|p| self.resolve("to", p)).transpose()?;
        Ok(self
            .years
            .iter()
            .copied()
            .filter(|y| from.is_none_or(|f| *y >= f) && to.is_none_or(|t| *y <= t))
            .collect())
    }

    pub fn has_year(&self, year: impl Into<Period>) -> bool {
        self.years.contains(&year.into())
    }

    /// The file's period a view asks for: the same period, or one ending on the same day
    /// (`2015` is `2015K4` in a quarterly file: a year is the stand at its end). Errors list the
    /// periods the file has.
    pub fn resolve(&self, key: &str, p: Period) -> Result<Period> {
        if self.years.contains(&p) {
            return Ok(p);
        }
        self.years
            .iter()
            .copied()
            .find(|y| y.same_end(p))
            .ok_or_else(|| {
                let have = self
                    .years
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                // A year in a file of quarters or months: the stand at its end is what is missing.
                #[cfg(feature = "full")]
                let (end, end_en) = match self.years.first() {
                    Some(y) if y.grain() != p.grain() => {
                        let e = p.end_as(y.grain());
                        (
                            format!(" (de stand aan het eind ervan, {})", e.label()),
                            format!(" (the stand at its end, {})", e.label_in(Lang::En)),
                        )
                    }
                    _ => Default::default(),
                };
                #[cfg(feature = "full")]
                return Error::view(format!(
                    "'{key}={p}'{end} staat niet in het bestand. Kies uit: {have}."
                ))
                .en(format!(
                    "'{key}={p}'{end_en} is not in the file. Choose from: {have}."
                ));
                #[cfg(not(feature = "full"))]
                Error::view(format!(
                    "'{key}={p}' staat niet in het bestand. Kies uit: {have}."
                ))
                .en(format!(
                    "'{key}={p}' is not in the file. Choose from: {have}."
                ))
            })
    }
}

/// True when no two rows of one group are equal in every dimension (the columns `dims`), told
/// from the dimensions' codes alone (texts only: one number per row, marked per group in one
/// table, no hashing or sorting). False when a row repeats one, or when the codes cannot tell
/// (then the rows are compared cell by cell).
#[cfg(feature = "full")]
fn none_twice_by_codes<'g>(
    table: &Table,
    dims: &[usize],
    groups: impl Iterator<Item = &'g [usize]>,
) -> bool {
    let columns = dims.iter().map(|&j| &table.columns[j]).collect();
    let Some(key) = crate::table::column::CodeKey::of(columns, 1 << 22) else {
        return false;
    };
    // The group that last marked each number.
    let mut marked: Vec<u32> = vec![u32::MAX; key.cells];
    for (g, rows) in groups.enumerate() {
        let g = g as u32;
        for &i in rows {
            match marked.get_mut(key.of_row(i)) {
                Some(m) if *m == g => return false,
                Some(m) => *m = g,
                None => return false,
            }
        }
    }
    true
}

/// The rows of each group summed from its parts, by what they are (their municipality, else all
/// their other columns), to find a row missing between periods that have it (see
/// [`Gaps::note`]).
#[cfg(feature = "full")]
struct Gaps<'t> {
    /// The columns that say what a row is.
    cols: Vec<usize>,
    key: Option<crate::table::column::CodeKey<'t>>,
    /// The group that last marked each key (with `key`).
    marked: Vec<u32>,
    /// Per group: its distinct keys, sorted, each with a row; `None` when the group used total
    /// rows (complete by them) or was not recorded.
    parts: Vec<Option<Vec<u64>>>,
    table: &'t Table,
}

#[cfg(feature = "full")]
impl<'t> Gaps<'t> {
    fn new(table: &'t Table, dims: &[usize]) -> Gaps<'t> {
        let cols: Vec<usize> = match municipality_column(table).and_then(|name| {
            dims.iter()
                .copied()
                .find(|&j| table.columns[j].name == name)
        }) {
            Some(j) => vec![j],
            None => dims.to_vec(),
        };
        let key = crate::table::column::CodeKey::of(
            cols.iter().map(|&j| &table.columns[j]).collect(),
            1 << 22,
        );
        let marked = vec![u32::MAX; key.as_ref().map_or(0, |k| k.cells)];
        Gaps {
            cols,
            key,
            marked,
            parts: Vec::new(),
            table,
        }
    }

    /// Group `g`'s rows as summed; `by_totals` when total rows stand for its parts.
    fn record(&mut self, g: usize, rows: &[usize], by_totals: bool) {
        if self.cols.is_empty() {
            return;
        }
        if self.parts.len() <= g {
            self.parts.resize(g + 1, None);
        }
        if by_totals {
            return;
        }
        // Each distinct key once, with a row: the key in the high half, the row in the low.
        let mut keys: Vec<u64> = Vec::new();
        match &self.key {
            Some(key) => {
                for &i in rows {
                    let k = key.of_row(i);
                    if let Some(m) = self.marked.get_mut(k).filter(|m| **m != g as u32) {
                        *m = g as u32;
                        keys.push((k as u64) << 32 | i as u64);
                    }
                }
                crate::sort::sort_unstable(&mut keys);
            }
            // Numbers among the columns: by a hash of their cells.
            None => {
                keys.extend(
                    rows.iter()
                        .map(|&i| hash_cells(self.table, &self.cols, i, 0) >> 32 << 32 | i as u64),
                );
                crate::sort::sort_unstable(&mut keys);
                keys.dedup_by_key(|k| *k >> 32);
            }
        }
        self.parts[g] = Some(keys);
    }

    /// The note naming the rows missing in a period of a region (and subgroup) while there are
    /// rows of them before and after it: that period's sum lacks them.
    fn note(&self, groups: &[Group]) -> Option<(String, String)> {
        let table = self.table;
        // Per region and subgroup: its periods in order, with their groups.
        // (row kind, region, subgroup slot) -> (period, group) in the file's order.
        type Series<'a> = BTreeMap<(RowKind, &'a str, Option<usize>), Vec<(Period, usize)>>;
        let mut series: Series = BTreeMap::new();
        for (g, group) in groups.iter().enumerate() {
            let k = &group.key;
            series
                .entry((
                    k.row_type.into(),
                    k.region.as_str(),
                    k.subgroup.map(subgroup_slot),
                ))
                .or_default()
                .push((k.period, g));
        }
        // (region, what, period) -> the subgroups it is missing in.
        let mut missing: BTreeMap<(&str, String, Period), Vec<Option<Subgroup>>> = BTreeMap::new();
        for ((_, region, _), mut periods) in series {
            periods.sort_by_key(|&(p, _)| p);
            let subgroup = periods.first().and_then(|&(_, g)| groups[g].key.subgroup);
            let sets: Vec<Option<&Vec<u64>>> = periods
                .iter()
                .map(|&(_, g)| self.parts.get(g).and_then(|p| p.as_ref()))
                .collect();
            let has = |at: usize, k: u64| {
                sets[at].is_some_and(|s| s.binary_search_by_key(&k, |&x| x >> 32).is_ok())
            };
            // Every key of the series once, with its first row (sorted, not searched for in a
            // list: a column of nearly unique values gives as many keys as rows).
            let mut keys: Vec<u64> = sets
                .iter()
                .flatten()
                .flat_map(|s| s.iter().copied())
                .collect();
            crate::sort::sort_unstable(&mut keys);
            keys.dedup_by_key(|x| *x >> 32);
            for &x in &keys {
                let (k, i) = (x >> 32, (x & u64::from(u32::MAX)) as usize);
                let at: Vec<usize> = (0..sets.len()).filter(|&a| has(a, k)).collect();
                let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
                    continue;
                };
                for a in first + 1..last {
                    if sets[a].is_some() && !has(a, k) {
                        let what: Vec<String> = self
                            .cols
                            .iter()
                            .map(|&j| table.columns[j].get(i).as_text().unwrap_or_default())
                            .collect();
                        missing
                            .entry((region, what.join(", "), periods[a].0))
                            .or_default()
                            .push(subgroup);
                    }
                }
            }
        }
        if missing.is_empty() {
            return None;
        }
        // Per region and period: its subgroups, to say "in every subgroup" by leaving them out.
        let mut subgroups: BTreeMap<(&str, Period), usize> = BTreeMap::new();
        for group in groups {
            *subgroups
                .entry((group.key.region.as_str(), group.key.period))
                .or_default() += 1;
        }
        let items = |lang: Lang| -> Vec<String> {
            missing
                .iter()
                .map(|((region, what, period), subs)| {
                    let all =
                        subs.len() >= subgroups.get(&(*region, *period)).copied().unwrap_or(0);
                    let subs: Vec<&str> = subs.iter().flatten().map(|s| s.label_in(lang)).collect();
                    let period = period.label_in(lang);
                    if all || subs.is_empty() {
                        format!("'{what}' ({region}, {period})")
                    } else {
                        format!("'{what}' ({region}, {period}, {})", subs.join(", "))
                    }
                })
                .collect()
        };
        Some((
            format!(
                "Rijen ontbreken in een periode terwijl ze er ervoor en erna wel zijn: {}. Zonder totaalrij is de regio daar opgeteld zonder die rijen (alsof ze 0 zijn); controleer het bestand.",
                crate::format::first_ten(&items(Lang::Nl), Lang::Nl)
            ),
            format!(
                "Rows are missing in a period while they are there before and after it: {}. Without a total row the region is summed there without them (as if they were 0); check the file.",
                crate::format::first_ten(&items(Lang::En), Lang::En)
            ),
        ))
    }
}

/// A hash of a row's cells in the given columns (numbers by their bits, texts by their bytes).
fn hash_cells(table: &Table, cols: &[usize], i: usize, seed: u64) -> u64 {
    use std::hash::Hasher;
    // Texts by dictionary code: equal texts of a column share one code.
    let mut h = crate::table::column::FastHasher::default();
    h.write_u64(seed);
    for &j in cols {
        let c = &table.columns[j];
        // The code first: a text is read no further.
        if let Some(k) = c.code(i) {
            h.write_u8(2);
            h.write_u32(k);
            continue;
        }
        match c.number(i) {
            None => h.write_u8(0),
            Some(n) => {
                h.write_u8(1);
                h.write_u64(n.to_bits());
            }
        }
    }
    h.finish()
}

/// The quarters of a period column written as Roman numerals (`2015 IV`, `kwartaal II 2015`;
/// each distinct text once, with its row): the note that says them, or an error at the first bare
/// one (without a word that says "quarter") when no bare one goes higher than `II`, as `2015 I`
/// and `2015 II` are also how a first and second half-year are written.
#[cfg(feature = "full")]
fn roman_quarters(
    romans: &mut [(String, Period, bool, usize)],
    table: &Table,
    yname: &str,
) -> Result<Option<(String, String)>> {
    let bare = romans.iter().filter(|r| r.2);
    if let Some(first) = bare.clone().min_by_key(|r| r.3) {
        if bare.clone().all(|r| r.1.quarter_number() <= 2) {
            let t = &first.0;
            return Err(Error::new2(
                ErrorKind::BadValue,
                format!("'{t}' is een Romeins cijfer na of voor een jaartal, zonder het woord kwartaal, en de kolom heeft geen III of IV: een kwartaal of een halfjaar? Schrijf bijvoorbeeld {} (kwartaal) of {}H{} (halfjaar).", first.1, first.1.calendar_year(), first.1.quarter_number()),
                format!("'{t}' is a Roman numeral after or before a year, without the word quarter, and the column has no III or IV: a quarter or a half-year? Write for example {} (quarter) or {}H{} (half-year).", first.1, first.1.calendar_year(), first.1.quarter_number()),
            )
            .at(location(table, first.3, yname)));
        }
    }
    if romans.is_empty() {
        return Ok(None);
    }
    romans.sort_by_key(|r| (r.1, r.3));
    let list = |lang| {
        romans
            .iter()
            .take(3)
            .map(|r| format!("{} = {}", r.0, r.1.label_in(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(Some((
        format!(
            "Romeinse cijfers in '{yname}' gelezen als kwartalen: {}",
            list(Lang::Nl)
        ),
        format!(
            "Roman numerals in '{yname}' read as quarters: {}",
            list(Lang::En)
        ),
    )))
}

/// The English name of a grain in the plural (for messages).
pub(crate) fn grain_en(g: Grain) -> &'static str {
    match g {
        Grain::Year => "years",
        Grain::Quarter => "quarters",
        Grain::Month => "months",
        Grain::Date => "dates",
        #[cfg(feature = "full")]
        Grain::Half => "half-years",
    }
}

/// A count column in English messages: its English label (`working persons`), as the Dutch
/// messages give its Dutch one.
fn count_en(c: Count) -> &'static str {
    // (The first core reads the built-in data only, which has every count: its key is enough
    // there, and keeps the English labels out of it.)
    if cfg!(feature = "full") {
        c.label_en()
    } else {
        c.name()
    }
}

/// Column names in a sentence: ten and how many others ([`crate::format::columns_and`]). The
/// first core reads only the built-in data, which sums over no column: there the plain list.
fn columns_and(items: &[&str], lang: Lang) -> String {
    #[cfg(feature = "full")]
    return crate::format::columns_and(items, lang);
    #[cfg(not(feature = "full"))]
    crate::format::list_in(items, lang)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum RowKind {
    Region,
    National,
    Unknown,
}

impl From<RowType> for RowKind {
    fn from(t: RowType) -> RowKind {
        match t {
            RowType::Region => RowKind::Region,
            RowType::National => RowKind::National,
            RowType::UnknownRegion => RowKind::Unknown,
            // (Set aside before its rows are grouped: never reached.)
            RowType::OtherArea => RowKind::Unknown,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct GroupKey {
    row_type: RowType,
    region: String,
    period: Period,
    subgroup: Option<Subgroup>,
}

struct Group {
    key: GroupKey,
    rows: Vec<usize>,
}

/// The position of a subgroup in a [`LongCell`].
fn subgroup_slot(g: Subgroup) -> usize {
    match g {
        Subgroup::Total => 0,
        Subgroup::Wajong => 1,
        Subgroup::Wsw => 2,
        Subgroup::Participatiewet => 3,
        Subgroup::Praktijkroute => 4,
        Subgroup::PwOther => 5,
    }
}

/// The summed counts of one region and period per subgroup (by [`subgroup_slot`]); `None` when
/// the file has no rows for the subgroup. The values follow the file's count columns.
#[derive(Debug, Clone, Default)]
struct LongCell {
    values: [Option<Vec<Option<f64>>>; 6],
}

/// What a count column of a long file measures, per subgroup row.
fn long_target(c: Count, g: Subgroup) -> Option<Count> {
    use Count as C;
    use Subgroup as S;
    match (c, g) {
        (C::RegisterPersonsCorrected, S::Total) => Some(C::RegisterPersonsCorrected),
        (C::RegisterPersonsCorrected, S::Wajong) => Some(C::RegisterWajongCorrected),
        (C::RegisterPersonsCorrected, S::Wsw) => Some(C::RegisterWsw),
        (C::RegisterPersonsCorrected, S::Participatiewet) => Some(C::RegisterParticipatiewet),
        (C::RegisterPersonsCorrected, S::Praktijkroute) => Some(C::RegisterPwPraktijkroute),
        (C::RegisterPersonsUncorrected, S::Total) => Some(C::RegisterPersonsUncorrected),
        (C::RegisterPersonsUncorrected, S::Wajong) => Some(C::RegisterWajongUncorrected),
        (C::WorkersTotal, S::Total) => Some(C::WorkersTotal),
        (C::WorkersTotal, S::Wajong) => Some(C::WorkersWajong),
        (C::WorkersTotal, S::Wsw) => Some(C::WorkersWsw),
        (C::WorkersTotal, S::Participatiewet) => Some(C::WorkersParticipatiewet),
        (C::WorkersTotal, S::Praktijkroute) => Some(C::WorkersPwPraktijkroute),
        (C::WorkersTotal, S::PwOther) => Some(C::WorkersPwOther),
        (C::RegisterPersonsCorrected | C::RegisterPersonsUncorrected, _) => None,
        // Other columns (jobs, vacancies, a column of one subgroup) belong to the total row.
        (c, S::Total) => Some(c),
        _ => None,
    }
}

impl LongCell {
    /// One value per subgroup slot of count column `k`: from its rows, or derived from the
    /// nesting of the subgroups (Totaal = Wajong + WSW + Participatiewet; Participatiewet =
    /// Praktijkroute + overig). `Some(None)` is a suppressed sum; `None` no rows.
    fn column(&self, k: usize) -> ([Option<Option<f64>>; 6], (bool, bool)) {
        let mut v: [Option<Option<f64>>; 6] =
            std::array::from_fn(|s| self.values[s].as_ref().map(|vals| vals[k]));
        let add = |a: Option<Option<f64>>, b: Option<Option<f64>>| match (a, b) {
            (Some(a), Some(b)) => Some(a.zip(b).map(|(a, b)| a + b)),
            _ => None,
        };
        if v[3].is_none() {
            v[3] = add(v[4], v[5]);
        }
        // (Total derived, Praktijkroute derived.)
        let mut derived = (false, false);
        if v[0].is_none() {
            v[0] = add(add(v[1], v[2]), v[3]);
            derived.0 = v[0].is_some();
        }
        if v[5].is_none() {
            if let (Some(pw), Some(prk)) = (v[3], v[4]) {
                v[5] = Some(pw.zip(prk).map(|(a, b)| a - b));
            }
        }
        // Praktijkroute from the Participatiewet and its other routes (full core only: the
        // first core reads the built-in data, which is wide).
        if cfg!(feature = "full") && v[4].is_none() {
            if let (Some(pw), Some(other)) = (v[3], v[5]) {
                v[4] = Some(pw.zip(other).map(|(a, b)| a - b));
                derived.1 = true;
            }
        }
        (v, derived)
    }

    /// The counts, and whether a total, and a Praktijkroute count, was derived.
    fn counts(&self, count_cols: &[(Count, usize)]) -> (Counts, (bool, bool)) {
        let mut out = Counts::default();
        let mut derived = (false, false);
        for (k, (c, _)) in count_cols.iter().enumerate() {
            let (v, d) = self.column(k);
            for g in Subgroup::ALL {
                if let (Some(target), Some(value)) = (long_target(*c, g), v[subgroup_slot(g)]) {
                    match g {
                        Subgroup::Total => derived.0 |= d.0,
                        Subgroup::Praktijkroute => derived.1 |= d.1,
                        _ => {}
                    }
                    out.set(target, value);
                }
            }
        }
        (out, derived)
    }
}

/// What the distinct texts of the region column name (see [`region_names`]).
struct RegionNames {
    /// The region per distinct text.
    names: Vec<String>,
    /// Spellings merged with an earlier one: (text, the first spelling).
    spellings: Vec<(String, String)>,
    /// Names written with their code read as the region of the code: (text, region).
    with_codes: Vec<(String, String)>,
    /// A text that cannot be read as a region: its index among the distinct texts, and why
    /// (Dutch, English).
    refused: Option<(usize, String, String)>,
}

/// The region each distinct text of the region column names: the text trimmed; in a file of
/// codes (`codes`) the region each code names, and in any file a code with its letters (`AM09`,
/// `AMR 09`) or a name with its code (`AM09 Achterhoek`, `Achterhoek (AM09)`, the name agreeing
/// with the code) the region of the code; one region written two ways (`Twente` and
/// `TWENTE`, `IJsselvechtstreek (Regio Zwolle)` and `Regio Zwolle`, as a division's editions
/// name it) under the first spelling in the file. With the spellings merged, to be said. A
/// code no region has (`AM77`), or a name with the code of another region, is refused.
#[cfg(feature = "full")]
fn region_names(texts: &[Box<str>], codes: bool) -> RegionNames {
    use crate::geo::names;
    let key = |name: &str| {
        let mut f = names::fold(name);
        // A lead word before a region's name (`Arbeidsmarktregio Achterhoek` in one year,
        // `Achterhoek` in another): one region. (`Regio Zwolle` is a region's own name.)
        let own_name = names::CODE_NAMES.iter().any(|(_, n)| names::fold(n) == f)
            || names::ALIASES
                .iter()
                .any(|group| group.contains(&f.as_str()));
        if !own_name {
            if let Some(rest) = ["arbeidsmarktregio", "amr", "regio"]
                .iter()
                .find_map(|p| f.strip_prefix(p))
                .filter(|rest| rest.len() > 1 && names::names_a_region(rest))
            {
                f = rest.to_string();
            }
        }
        names::ALIASES
            .iter()
            .find(|group| group.contains(&f.as_str()))
            .map_or(f.clone(), |group| group[0].to_string())
    };
    let mut spellings: Vec<(String, String)> = Vec::new();
    let mut with_codes: Vec<(String, String)> = Vec::new();
    let mut refused = None;
    let mut first: std::collections::HashMap<String, String> = Default::default();
    let mut out = Vec::with_capacity(texts.len());
    for (k, t) in texts.iter().enumerate() {
        let trimmed = t.trim();
        let name = match names::region_of_code(t) {
            Some(name) if codes => name.to_string(),
            Some(name) if names::code_shaped(t) => {
                with_codes.push((trimmed.to_string(), name.to_string()));
                name.to_string()
            }
            _ if names::code_shaped(t) => {
                let (nl, en) = no_such_code(trimmed, None);
                refused.get_or_insert((k, nl, en));
                trimmed.to_string()
            }
            // A bare number among names: which region it means is not guessed.
            _ if !trimmed.is_empty()
                && trimmed.len() <= 3
                && trimmed.bytes().all(|b| b.is_ascii_digit()) =>
            {
                let (nl, en) = number_among_names(trimmed);
                refused.get_or_insert((k, nl, en));
                trimmed.to_string()
            }
            _ => match names::split_code_name(t) {
                Some((code, written)) => match names::region_of_code(&code) {
                    Some(region) if names::same_region(written, region) => {
                        with_codes.push((trimmed.to_string(), region.to_string()));
                        region.to_string()
                    }
                    Some(region) => {
                        refused.get_or_insert((
                            k,
                            format!("'{trimmed}': de code {code} is die van {region}, niet van '{written}'."),
                            format!("'{trimmed}': the code {code} is that of {region}, not of '{written}'."),
                        ));
                        trimmed.to_string()
                    }
                    None => {
                        let (nl, en) = no_such_code(trimmed, Some(&code));
                        refused.get_or_insert((k, nl, en));
                        trimmed.to_string()
                    }
                },
                None => trimmed.to_string(),
            },
        };
        let k = key(&name);
        if k.is_empty() {
            out.push(name);
            continue;
        }
        out.push(match first.get(&k) {
            Some(canonical) if *canonical != name => {
                spellings.push((name, canonical.clone()));
                canonical.clone()
            }
            Some(_) => name,
            None => {
                first.insert(k, name.clone());
                name
            }
        });
    }
    RegionNames {
        names: out,
        spellings,
        with_codes,
        refused,
    }
}

/// The error of a number among the names of regions (which region it means is not guessed).
fn number_among_names(n: &str) -> (String, String) {
    (
        format!("'{n}' is een getal in een kolom met namen van regio's: schrijf de naam of de code (AM09)."),
        format!("'{n}' is a number in a column of region names: write the name or the code (AM09)."),
    )
}

/// The error of a text written as a region code, or with one (`code`), that no region has.
#[cfg(feature = "full")]
fn no_such_code(text: &str, code: Option<&str>) -> (String, String) {
    let (nl, en) = match code {
        Some(code) => (
            format!("'{text}': {code} is"),
            format!("'{text}': {code} is"),
        ),
        None => (format!("'{text}' is"), format!("'{text}' is")),
    };
    (
        format!("{nl} de code van geen arbeidsmarktregio (AM01 tot en met AM38)."),
        format!("{en} the code of no labour-market region (AM01 to AM38)."),
    )
}

/// The first core reads the built-in data only: its regions as written.
#[cfg(not(feature = "full"))]
fn region_names(texts: &[Box<str>], _codes: bool) -> RegionNames {
    RegionNames {
        names: texts.iter().map(|t| t.trim().to_string()).collect(),
        spellings: Vec::new(),
        with_codes: Vec::new(),
        refused: None,
    }
}

/// A group's rows once the rows named as totals stand for the others, and per total column
/// the total rows used.
type NamedTotals<'a> = dyn Fn(&[usize]) -> (Vec<usize>, Vec<(usize, usize)>) + 'a;

/// The values that are totals no word names, told by their sums: (column, code) of each value
/// that is the sum of the others (see [`sum_of_the_others`]) in every group it is in, a
/// municipality that happens to equal the others once not being one. `dims`: the columns the
/// rows are summed over; `named`: a group's rows after the named totals.
#[cfg(feature = "full")]
fn totals_by_sums<'g>(
    table: &Table,
    groups: impl IntoIterator<Item = &'g [usize]>,
    dims: &[usize],
    region_col: usize,
    count_cols: &[(Count, usize)],
    least: usize,
    named: &NamedTotals,
) -> Vec<(usize, u32)> {
    let mut seen: crate::table::FastMap<(usize, u32), (u32, u32)> = Default::default();
    // Per value, the groups where nothing added up and it held more than the others together:
    // a total with a part missing there (a municipality left out of one year, an age band
    // held back), when it is the total in at least as many groups elsewhere; else (a city
    // beside its small neighbours that once equals their sum) none.
    let mut short: crate::table::FastMap<(usize, u32), u32> = Default::default();
    // What groups said about a column once a total told by sums had narrowed their rows, or
    // where one value added up: weighed at the end.
    let mut said: Vec<Said> = Vec::new();
    let mut scratch = Scratch::default();
    if dims.is_empty() {
        return Vec::new();
    }
    // A value in a group where nothing adds up is never accepted: per column, the values not
    // yet seen so, and how many. A column none of whose values is left (its municipalities
    // each seen once beside the others) is not looked at again, and once no column is left, no
    // group is (a long file without such totals is done after a few groups, not thousands).
    // A column of fewer than three or more than a million texts has none to look at; one with
    // numbers among its texts is always looked at.
    let mut out: Vec<Vec<bool>> = dims
        .iter()
        .map(|&j| vec![false; table.columns[j].dictionary().len()])
        .collect();
    let mut left: Vec<usize> = dims
        .iter()
        .map(|&j| {
            let c = &table.columns[j];
            let n = c.dictionary().len();
            if c.has_number() {
                usize::MAX
            } else if (3..=1 << 20).contains(&n) {
                n
            } else {
                0
            }
        })
        .collect();
    for group in groups {
        if left.iter().all(|&n| n == 0) {
            break;
        }
        let (mut rows, _) = named(group);
        let usable = usable_counts(table, &rows, count_cols);
        if usable.len() < least {
            continue;
        }
        // The total told by sums that narrowed this group's rows last (an entry of `said`).
        let mut after: Option<usize> = None;
        for (d, &j) in dims.iter().enumerate() {
            if rows.len() < 3 {
                break;
            }
            if left[d] == 0 {
                continue;
            }
            let any = |_: u32| true;
            let (mut distinct, mut found, mut holder) =
                sum_of_the_others(table, &rows, j, &usable, &any, &mut scratch);
            if found.is_none() && !distinct.is_empty() {
                match crossed_total(table, &rows, j, dims, &usable, &any, &mut scratch) {
                    Crossed::Found(c, part) => found = Some((c, part)),
                    Crossed::None => {}
                    // (Nothing counted for or against a value.)
                    Crossed::Unclear => {
                        distinct.clear();
                        holder = None;
                    }
                }
            }
            match found {
                // Nothing adds up: none of these values is the total, but for one that holds
                // more than the others together, which may be a total with a part missing
                // here (counted apart: see below).
                None if after.is_none() => {
                    for c in distinct {
                        if holder == Some(c) {
                            *short.entry((j, c)).or_default() += 1;
                            continue;
                        }
                        seen.entry((j, c)).or_default().0 += 1;
                        if let Some(o) = out[d].get_mut(c as usize).filter(|o| !**o) {
                            *o = true;
                            left[d] = left[d].saturating_sub(1);
                        }
                    }
                }
                // Nothing adds up among the rows of a total told by sums: that holds only if
                // that total is one.
                None => said.push(Said {
                    j,
                    distinct,
                    total: None,
                    after,
                }),
                // One value adds up: weighed below, once it is known whether it is a total
                // elsewhere too.
                Some((c, part)) => {
                    said.push(Said {
                        j,
                        distinct,
                        total: Some(c),
                        after,
                    });
                    after = Some(said.len() - 1);
                    rows = part;
                }
            }
        }
    }
    // A group whose values add up by chance (tiny counts: 0, 1, 3 and a subtotal of 4, where
    // 3 = 1 + 0 + ...) names a value that is the total in at most half of the groups it is in:
    // that group says nothing about the column's real total and is left out of the count,
    // until none is left out anew. A value is then a total when it is one in every group of
    // the rest it is in.
    // What was said among the rows of a total left out is left out with it.
    let mut discounted = vec![false; said.len()];
    loop {
        let mut void = vec![false; said.len()];
        for (i, s) in said.iter().enumerate() {
            void[i] = discounted[i] || s.after.is_some_and(|p| void[p]);
        }
        let mut counts = seen.clone();
        for (s, _) in said.iter().zip(&void).filter(|(_, v)| !**v) {
            for &k in &s.distinct {
                counts.entry((s.j, k)).or_default().0 += 1;
            }
            if let Some(c) = s.total {
                counts.entry((s.j, c)).or_default().1 += 1;
            }
        }
        let mut changed = false;
        for (i, s) in said.iter().enumerate() {
            let Some(c) = s.total.filter(|_| !void[i]) else {
                continue;
            };
            let (a, f) = counts.get(&(s.j, c)).copied().unwrap_or_default();
            if f * 2 <= a {
                discounted[i] = true;
                changed = true;
            }
        }
        if !changed {
            let mut accepted: Vec<(usize, u32)> = counts
                .iter()
                .filter(|&(k, &(a, f))| f > 0 && f == a && short.get(k).is_none_or(|&n| n <= f))
                .map(|(&k, _)| k)
                .collect();
            accepted.sort_unstable();
            let mut accepted = plausible_totals(table, region_col, dims, accepted);
            let named = named_alike(table, region_col, &accepted, &counts);
            accepted.extend(named);
            accepted.sort_unstable();
            return accepted;
        }
    }
}

/// Totals no word names in a table the regional reading does not read (working persons per
/// municipality with their region's subtotal `Regio Achterhoek` beside them, and no register),
/// told by their sums as that reading tells them: per region and period, a value of a category
/// column whose counts are the sum of the others'. Read where the table has a region column,
/// counts and another category column; else none. The tidy views then use such a total or its
/// parts, never both (see [`Table::totals`]).
#[cfg(feature = "full")]
pub fn totals_by_sums_in(table: &Table, roles: &crate::data::Roles) -> Vec<(usize, u32)> {
    use crate::spec::Role;
    let Ok(resolved) = mapping::resolve::<&str>(table, &[]) else {
        return Vec::new();
    };
    let Some(region_col) = resolved.region else {
        return Vec::new();
    };
    let role = |j: usize| roles.columns.get(j).map(|r| r.role);
    let of_role = |f: &dyn Fn(Role) -> bool| -> Vec<usize> {
        (0..table.columns.len())
            .filter(|&j| j != region_col && role(j).is_some_and(f))
            .collect()
    };
    let times = of_role(&|r| r == Role::Time);
    // (The count's meaning is not used in telling totals: any stands for all.)
    let counts: Vec<(Count, usize)> = of_role(&|r| matches!(r, Role::Count | Role::N))
        .into_iter()
        .map(|j| (Count::WorkersTotal, j))
        .collect();
    let dims = of_role(&|r| r == Role::Category);
    if counts.is_empty() || dims.is_empty() {
        return Vec::new();
    }
    // A cell as a key: its text's code, else its number's bits.
    let key = |j: usize, i: usize| -> u64 {
        let c = &table.columns[j];
        c.code(i)
            .map(u64::from)
            .or_else(|| c.number(i).map(f64::to_bits))
            .unwrap_or(u64::MAX)
    };
    let mut group_of: crate::table::FastMap<(u64, u64), u32> = Default::default();
    let group_of_row: Vec<u32> = (0..table.len())
        .map(|i| {
            let k = (key(region_col, i), times.first().map_or(0, |&t| key(t, i)));
            let n = group_of.len() as u32;
            *group_of.entry(k).or_insert(n)
        })
        .collect();
    let lists = crate::table::column::rows_by_group(
        group_of_row.iter().copied().enumerate(),
        group_of.len(),
    );
    drop(group_of_row);
    // Totals named by a word stand for their parts first, as in the regional reading.
    let named_codes: Vec<(usize, Vec<bool>)> = dims
        .iter()
        .map(|&j| (j, crate::compute::tidy::aggregate::total_codes(table, j)))
        .filter(|(_, t)| t.contains(&true))
        .collect();
    let named = |group: &[usize]| -> (Vec<usize>, Vec<(usize, usize)>) {
        let mut rows = group.to_vec();
        for (j, codes) in &named_codes {
            let col = &table.columns[*j];
            let total: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&i| {
                    col.code(i)
                        .is_some_and(|c| codes.get(c as usize) == Some(&true))
                })
                .collect();
            if !total.is_empty() {
                rows = total;
            }
        }
        (rows, Vec::new())
    };
    // One count must do where the table has one, as in a tidy table of working persons: a
    // value is still a total only where it is one in every group it stands in, and where it
    // names its region or stands beside several values of another column.
    let least = counts.len().min(2);
    totals_by_sums(
        table,
        lists.iter().map(|r| &r[..]),
        &dims,
        region_col,
        &counts,
        least,
        &named,
    )
}

/// What the rows of one group said about column `j`: the values looked at, the one that added
/// up (none: nothing did), and the entry of the total told by sums whose rows they were.
#[cfg(feature = "full")]
struct Said {
    j: usize,
    distinct: Vec<u32>,
    total: Option<u32>,
    after: Option<usize>,
}

/// Of the values told as totals by their sums, those that can be one: a value that is a total
/// over something, standing in more than one region or beside more than one value of another
/// column summed over (`15 jaar en ouder` beside the municipalities), or one that names its
/// region (`Arbeidsmarktregio Achterhoek`, `AM09`). A municipality of one region that happens to
/// be the sum of the others there, each year (`Ac` with 30 and 15 beside 10 and 5, 20 and 10, as
/// made-up numbers often are), is not: its rows are summed with the others. Nor is a band that
/// does not hold the column's other bands (`45+` beside `15-26`).
#[cfg(feature = "full")]
fn plausible_totals(
    table: &Table,
    region_col: usize,
    dims: &[usize],
    accepted: Vec<(usize, u32)>,
) -> Vec<(usize, u32)> {
    let regions = &table.columns[region_col];
    let mut kept = Vec::with_capacity(accepted.len());
    let mut columns: Vec<usize> = accepted.iter().map(|&(j, _)| j).collect();
    columns.dedup();
    for j in columns {
        let col = &table.columns[j];
        let values: Vec<u32> = accepted.iter().filter(|a| a.0 == j).map(|a| a.1).collect();
        let others: Vec<&crate::table::Column> = dims
            .iter()
            .filter(|&&d| d != j)
            .map(|&d| &table.columns[d])
            .collect();
        // Per value: the region and the other columns' codes first seen with it, and whether
        // other ones were seen after.
        type Seen = (Option<u32>, Vec<Option<u32>>);
        let mut first: Vec<Option<Seen>> = vec![None; values.len()];
        let mut spread = vec![false; values.len()];
        for i in 0..table.len() {
            let Some(k) = col
                .code(i)
                .and_then(|c| values.iter().position(|&v| v == c))
            else {
                continue;
            };
            if spread[k] {
                continue;
            }
            // (Compared in place: no list made per row.)
            match &first[k] {
                None => {
                    first[k] = Some((regions.code(i), others.iter().map(|c| c.code(i)).collect()))
                }
                Some((r, codes)) => {
                    spread[k] = *r != regions.code(i)
                        || others.iter().zip(codes).any(|(c, seen)| c.code(i) != *seen);
                }
            }
            if spread.iter().all(|s| *s) {
                break;
            }
        }
        for (k, &c) in values.iter().enumerate() {
            let text = col.dictionary().get(c as usize).map_or("", |t| t.as_ref());
            let region = first[k]
                .as_ref()
                .and_then(|(r, _)| *r)
                .and_then(|r| regions.dictionary().get(r as usize));
            let names_region = region.is_some_and(|r| {
                let r = crate::geo::names::fold(r);
                !r.is_empty() && crate::geo::names::fold(text).contains(&r)
            }) || crate::geo::names::names_a_region(text);
            // A band of ages (or hours) that does not hold the column's other bands is one of
            // them, not their total: `45+` beside `15-26` and `27-44`, whatever its numbers.
            let holds_the_others = crate::data::tidy::band_span(text).is_none_or(|(lo, hi)| {
                col.dictionary()
                    .iter()
                    .enumerate()
                    .filter(|&(o, _)| o != c as usize)
                    .filter_map(|(_, t)| crate::data::tidy::band_span(t))
                    .all(|inner| crate::data::tidy::band_holds((lo, hi), inner))
            });
            if (spread[k] || names_region) && holds_the_others {
                kept.push((j, c));
            }
        }
    }
    kept.sort_unstable();
    kept
}

#[cfg(feature = "full")]
/// Subtotals named after their regions alike (`Regio Achterhoek`, `Regio Twente`), also where
/// no sums tell them (a region of one municipality, whose subtotal equals it): the pattern is
/// learnt from the `accepted` totals whose text holds the name of the region they are in, two or
/// more of one column alike; a value of that column named so after another region, about which
/// no group's sums told anything (`counts`), is a total too.
fn named_alike(
    table: &Table,
    region_col: usize,
    accepted: &[(usize, u32)],
    counts: &crate::table::FastMap<(usize, u32), (u32, u32)>,
) -> Vec<(usize, u32)> {
    let regions = &table.columns[region_col];
    let mut columns: Vec<usize> = accepted.iter().map(|&(j, _)| j).collect();
    columns.dedup();
    let mut found = Vec::new();
    for j in columns {
        let col = &table.columns[j];
        let dictionary = col.dictionary();
        // The region each accepted value of this column is first seen in.
        let mut region_of: crate::table::FastMap<u32, u32> = Default::default();
        let wanted = accepted.iter().filter(|a| a.0 == j).count();
        for i in 0..table.len() {
            if region_of.len() == wanted {
                break;
            }
            if let (Some(c), Some(r)) = (col.code(i), regions.code(i)) {
                if accepted.binary_search(&(j, c)).is_ok() {
                    region_of.entry(c).or_insert(r);
                }
            }
        }
        // Per pattern (the text with its region's name cut out), how many totals have it.
        let mut patterns: crate::table::FastMap<(String, String), usize> = Default::default();
        for (&c, &r) in &region_of {
            let (Some(text), Some(region)) = (
                dictionary.get(c as usize),
                regions.dictionary().get(r as usize),
            ) else {
                continue;
            };
            let (text, region) = (text.trim().to_lowercase(), region.trim().to_lowercase());
            if let Some(at) = text.find(&region).filter(|_| !region.is_empty()) {
                let key = (
                    text[..at].to_string(),
                    text[at + region.len()..].to_string(),
                );
                *patterns.entry(key).or_default() += 1;
            }
        }
        let by_text: crate::table::FastMap<String, u32> = dictionary
            .iter()
            .enumerate()
            .map(|(c, t)| (t.trim().to_lowercase(), c as u32))
            .collect();
        for ((before, after), n) in patterns {
            if n < 2 {
                continue;
            }
            for region in regions.dictionary() {
                let name = format!("{before}{}{after}", region.trim().to_lowercase());
                if let Some(&c) = by_text.get(&name) {
                    if !counts.contains_key(&(j, c)) && accepted.binary_search(&(j, c)).is_err() {
                        found.push((j, c));
                    }
                }
            }
        }
        // Subtotals that name their region by its code or another spelling (`AM22` in
        // Rijnmond), two or more of them told by their sums: a value of the column that names
        // the region it stands in so, and about which no group's sums told anything (a region
        // of one municipality, whose code row equals it), is a total too.
        let names_own = |c: u32, r: u32| {
            let (Some(text), Some(region)) = (
                dictionary.get(c as usize),
                regions.dictionary().get(r as usize),
            ) else {
                return false;
            };
            crate::geo::names::same_region(text, region)
                || crate::geo::names::region_of_code(text)
                    .is_some_and(|n| crate::geo::names::same_region(n, region))
        };
        if region_of.iter().filter(|&(&c, &r)| names_own(c, r)).count() < 2 {
            continue;
        }
        let candidates: Vec<u32> = (0..dictionary.len() as u32)
            .filter(|&c| {
                !counts.contains_key(&(j, c))
                    && accepted.binary_search(&(j, c)).is_err()
                    && !found.contains(&(j, c))
                    && crate::geo::names::names_a_region(&dictionary[c as usize])
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        // The region each candidate stands in: one only, and named by it.
        let mut region_of_candidate: crate::table::FastMap<u32, Option<u32>> = Default::default();
        for i in 0..table.len() {
            if let (Some(c), Some(r)) = (col.code(i), regions.code(i)) {
                if candidates.binary_search(&c).is_ok() {
                    let seen = region_of_candidate.entry(c).or_insert(Some(r));
                    if *seen != Some(r) {
                        *seen = None;
                    }
                }
            }
        }
        for (c, r) in region_of_candidate {
            if r.is_some_and(|r| names_own(c, r)) {
                found.push((j, c));
            }
        }
    }
    found.sort_unstable();
    found
}

/// The first core reads the built-in data only, which has none.
#[cfg(not(feature = "full"))]
fn totals_by_sums<'g>(
    _table: &Table,
    _groups: impl IntoIterator<Item = &'g [usize]>,
    _dims: &[usize],
    _region_col: usize,
    _count_cols: &[(Count, usize)],
    _least: usize,
    _named: &NamedTotals,
) -> Vec<(usize, u32)> {
    Vec::new()
}

/// A group's rows narrowed to the totals told by their sums (`accepted`, from
/// [`totals_by_sums`]), column by column; with the (column, row) of each total used.
#[cfg(feature = "full")]
fn narrow_by_sums(
    table: &Table,
    mut rows: Vec<usize>,
    accepted: &[(usize, u32)],
    dims: &[usize],
    count_cols: &[(Count, usize)],
) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut used = Vec::new();
    if rows.len() < 2 {
        return (rows, used);
    }
    let mut scratch = Scratch::default();
    let usable = usable_counts(table, &rows, count_cols);
    let mut columns: Vec<usize> = accepted.iter().map(|&(j, _)| j).collect();
    columns.dedup();
    for j in columns {
        // (Two rows are enough for a total named so; the sums below want three.)
        if rows.len() < 2 {
            break;
        }
        // One accepted value among the rows: its rows stand for the others, as a total named by
        // a word does, also where this group's sums cannot tell (a count held back, a group of
        // nobody, a municipality equal to the subtotal), unless they show it is none here: a
        // total holds at least as many as any one other value.
        let col = &table.columns[j];
        let of = |i: usize| {
            col.code(i)
                .filter(|&c| accepted.binary_search(&(j, c)).is_ok())
        };
        let mut totals = rows.iter().filter_map(|&i| of(i));
        let Some(c) = totals.next() else {
            continue;
        };
        let sums = usable
            .first()
            .and_then(|&first| code_sums(table, &rows, j, first, &mut scratch));
        let least = sums.is_none_or(|(sums, _)| {
            let of_c = sums.iter().find(|s| s.0 == c).map_or(0.0, |s| s.1);
            sums.iter().all(|s| s.1 <= of_c)
        });
        if least && totals.all(|k| k == c) {
            let part: Vec<usize> = rows.iter().copied().filter(|&i| of(i).is_some()).collect();
            if part.len() < rows.len() {
                used.push((j, part[0]));
                rows = part;
            }
            continue;
        }
        // Else the sums tell; only the accepted values count: a value that adds up alike in
        // this group only (a band where every other band has nobody) does not stand in the
        // total's way.
        // (Two counts must add up alike: one may by chance.)
        if usable.len() < 2 {
            continue;
        }
        let keep = |c: u32| accepted.binary_search(&(j, c)).is_ok();
        let (distinct, found, _) = sum_of_the_others(table, &rows, j, &usable, &keep, &mut scratch);
        let found = match found {
            None if !distinct.is_empty() => {
                match crossed_total(table, &rows, j, dims, &usable, &keep, &mut scratch) {
                    Crossed::Found(c, part) => Some((c, part)),
                    Crossed::None | Crossed::Unclear => None,
                }
            }
            found => found,
        };
        // (`keep` kept the accepted values only.)
        if let Some((_, part)) = found {
            used.push((j, part[0]));
            rows = part;
        }
    }
    (rows, used)
}

#[cfg(not(feature = "full"))]
fn narrow_by_sums(
    _table: &Table,
    rows: Vec<usize>,
    _accepted: &[(usize, u32)],
    _dims: &[usize],
    _count_cols: &[(Count, usize)],
) -> (Vec<usize>, Vec<(usize, usize)>) {
    (rows, Vec::new())
}

#[cfg(feature = "full")]
/// Sums per dictionary code, kept between groups (only the codes a group touched are cleared).
#[derive(Default)]
struct Scratch {
    sums: Vec<f64>,
    touched: Vec<u32>,
}

#[cfg(feature = "full")]
/// The count columns in which every one of `rows` has a number (and so every subset of them).
fn usable_counts(table: &Table, rows: &[usize], count_cols: &[(Count, usize)]) -> Vec<usize> {
    count_cols
        .iter()
        .map(|(_, k)| *k)
        .filter(|&k| match table.columns[k].whole_numbers() {
            // Whole numbers only (the usual file): their array read where it lies.
            Some(v) => rows
                .iter()
                .all(|&i| v.get(i).is_some_and(|&x| x != NO_WHOLE)),
            None => rows.iter().all(|&i| table.columns[k].number(i).is_some()),
        })
        .collect()
}

/// Column names listed in a note or error: ten and how many more (a file of thousands of
/// columns). The first core reads only the built-in data, all of whose columns are used: there
/// the plain list.
fn column_list(names: &[String], lang: Lang) -> String {
    #[cfg(feature = "full")]
    return crate::format::first_ten(names, lang);
    #[cfg(not(feature = "full"))]
    {
        let _ = lang;
        names.join(", ")
    }
}

#[cfg(feature = "full")]
/// Per distinct code of column `j` among `rows` (in code order), the sum of count column
/// `first`, and the sum over all of them; none when a row has no code or no count. Read from
/// the columns' arrays where they are texts only and whole numbers only (the usual file), else
/// cell by cell.
fn code_sums(
    table: &Table,
    rows: &[usize],
    j: usize,
    first: usize,
    scratch: &mut Scratch,
) -> Option<(Vec<(u32, f64)>, f64)> {
    let col = &table.columns[j];
    let n = col.dictionary().len();
    if scratch.sums.len() < n {
        scratch.sums.resize(n, 0.0);
    }
    let mut all = 0.0;
    let mut coded = true;
    let fast = col
        .short_codes()
        .zip(table.columns.get(first).and_then(|c| c.whole_numbers()));
    let code_and_count = |i: usize| -> Option<(u32, f64)> {
        match fast {
            Some((codes, counts)) => {
                let (k, v) = (*codes.get(i)?, *counts.get(i)?);
                (k != crate::table::column::NO_SHORT_CODE && v != NO_WHOLE)
                    .then(|| (u32::from(k), f64::from(v)))
            }
            None => Some((col.code(i)?, table.columns.get(first)?.number(i)?)),
        }
    };
    for &i in rows {
        let Some((code, v)) = code_and_count(i) else {
            coded = false;
            break;
        };
        let slot = &mut scratch.sums[code as usize];
        if *slot == 0.0 {
            scratch.touched.push(code);
        }
        *slot += v;
        all += v;
    }
    let mut distinct = std::mem::take(&mut scratch.touched);
    distinct.sort_unstable();
    distinct.dedup();
    let sums = distinct
        .iter()
        .map(|&c| (c, std::mem::take(&mut scratch.sums[c as usize])))
        .collect();
    distinct.clear();
    scratch.touched = distinct;
    coded.then_some((sums, all))
}

#[cfg(feature = "full")]
/// Whether the rows among `rows` of one text in column `j` are the total over that column: one
/// value of at least three whose rows' counts (in the `usable` count columns, all of whose rows
/// have a number, at least two: see [`usable_counts`]) add up to those of the rows of all the
/// other values, and are not all zero (of those that `keep` keeps). Gives the distinct codes
/// looked at (none when the column could not be, or two values add up alike) and that value
/// with its rows; where none adds up, the value that holds more than all the others together
/// in the first count (a total with a part missing here, or a city beside its small
/// neighbours), if one does.
#[allow(clippy::type_complexity)]
fn sum_of_the_others(
    table: &Table,
    rows: &[usize],
    j: usize,
    usable: &[usize],
    keep: &dyn Fn(u32) -> bool,
    scratch: &mut Scratch,
) -> (Vec<u32>, Option<(u32, Vec<usize>)>, Option<u32>) {
    let none = (Vec::new(), None, None);
    let col = &table.columns[j];
    // (The callers ask for two counts or more where they can: one alone may add up by chance,
    // 7 = 5 + 2.)
    let Some(&first) = usable.first() else {
        return none;
    };
    // (A dictionary of millions of texts is not a column of categories.)
    if !(3..=1 << 20).contains(&col.dictionary().len()) {
        return none;
    }
    // Per code, the sum of the first usable count column.
    let Some((sums, all)) = code_sums(table, rows, j, first, scratch) else {
        return none;
    };
    // (A group of nobody tells nothing: nought is the sum of noughts, total or not.)
    if sums.len() < 3 || all == 0.0 {
        return none;
    }
    let distinct: Vec<u32> = sums.iter().map(|&(c, _)| c).collect();
    match &mut verified(table, rows, j, usable, &sums, all, keep)[..] {
        [] => {
            let holder = sums.iter().find(|s| 2.0 * s.1 > all).map(|s| s.0);
            (distinct, None, holder)
        }
        [one] => (distinct, Some(std::mem::take(one)), None),
        // Two values that are each the sum of the others (`45-54` beside `15 jaar en ouder`
        // where every other age has nobody): the group cannot tell which is the total, and
        // counts neither for nor against one.
        _ => none,
    }
}

#[cfg(feature = "full")]
/// Whether the rows of `part` hold as many as those of `rest` in every `usable` count column
/// (a row without a number counts 0).
fn add_up_alike(table: &Table, usable: &[usize], part: &[usize], rest: &[usize]) -> bool {
    let sum = |rows: &[usize], k: usize| -> f64 {
        rows.iter()
            .map(|&i| table.columns[k].number(i).unwrap_or(0.0))
            .sum()
    };
    usable.iter().all(|&k| sum(part, k) == sum(rest, k))
}

#[cfg(feature = "full")]
/// The values of column `j` (with their per-code `sums` of the first count, and `all`) whose
/// rows add up to those of the others in every `usable` count, not all zero, with their rows.
fn verified(
    table: &Table,
    rows: &[usize],
    j: usize,
    usable: &[usize],
    sums: &[(u32, f64)],
    all: f64,
    keep: &dyn Fn(u32) -> bool,
) -> Vec<(u32, Vec<usize>)> {
    let col = &table.columns[j];
    sums.iter()
        .filter(|&&(c, s)| s > 0.0 && s * 2.0 == all && keep(c))
        .filter_map(|&(c, _)| {
            let (part, rest): (Vec<usize>, Vec<usize>) =
                rows.iter().partition(|&&i| col.code(i) == Some(c));
            add_up_alike(table, usable, &part, &rest).then_some((c, part))
        })
        .collect()
}

/// What the rows of a group say about one column's total when the other values do not add up
/// to one of them as they are (see [`crossed_total`]).
#[cfg(feature = "full")]
enum Crossed {
    /// The total, with its rows.
    Found(u32, Vec<usize>),
    /// Nothing adds up.
    None,
    /// Two values add up alike: the group tells nothing.
    Unclear,
}

#[cfg(feature = "full")]
/// Totals in two columns without the rows that are both (a region's subtotal per age beside
/// `15 jaar en ouder` per municipality, but no subtotal of all ages): the other values of one
/// column then include the other column's totals, and neither is their sum. Column `j`'s total
/// is the sum of the others once the rows of one value of another column (of `columns`), its
/// total, are left out, or among that value's rows alone (a subtotal of all ages only): looked
/// for value by value by the sums of the first count, and checked on every count (as
/// [`sum_of_the_others`]). Gives that total with its rows.
fn crossed_total(
    table: &Table,
    rows: &[usize],
    j: usize,
    columns: &[usize],
    usable: &[usize],
    keep: &dyn Fn(u32) -> bool,
    scratch: &mut Scratch,
) -> Crossed {
    let fits =
        |k: usize, least: usize| (least..=1 << 20).contains(&table.columns[k].dictionary().len());
    let (Some(&first), true) = (usable.first(), fits(j, 3)) else {
        return Crossed::None;
    };
    for &k in columns.iter().filter(|&&k| k != j && fits(k, 2)) {
        let Some((other, _)) = code_sums(table, rows, k, first, scratch) else {
            continue;
        };
        if !(2..=256).contains(&other.len()) {
            continue;
        }
        let col = &table.columns[k];
        for (&(x, _), only) in other.iter().flat_map(|x| [(x, false), (x, true)]) {
            // Without the rows of `x`; else among them only (a subtotal of all ages alone,
            // beside each municipality's ages and its `15 jaar en ouder`).
            let without: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&i| (col.code(i) == Some(x)) == only)
                .collect();
            let Some((sums, all)) = code_sums(table, &without, j, first, scratch) else {
                continue;
            };
            if sums.len() < 3 {
                continue;
            }
            // And the other way round: without the rows of that total, `x` is the sum of the
            // other values of its column (two are enough here), so that a value that adds up
            // by chance once a band is left out is not taken for a total.
            let mut found = verified(table, &without, j, usable, &sums, all, keep);
            found.retain(|(c, _)| {
                let col_j = &table.columns[j];
                let (part, rest): (Vec<usize>, Vec<usize>) = rows
                    .iter()
                    .filter(|&&i| col_j.code(i) != Some(*c))
                    .partition(|&&i| col.code(i) == Some(x));
                !rest.is_empty()
                    && part
                        .iter()
                        .map(|&i| table.columns[first].number(i).unwrap_or(0.0))
                        .sum::<f64>()
                        > 0.0
                    && add_up_alike(table, usable, &part, &rest)
            });
            match &mut found[..] {
                [] => {}
                [one] => {
                    let (c, part) = std::mem::take(one);
                    return Crossed::Found(c, part);
                }
                _ => return Crossed::Unclear,
            }
        }
    }
    Crossed::None
}

/// A row counts as national by its name when the file has no `row_type` column: `Landelijk`,
/// `Nederland`, `Totaal`, and as files write a total over the regions (`Totaal Nederland`,
/// `Nederland (totaal)`, `Heel Nederland`, `Alle arbeidsmarktregio's`, CBS's code `NL01`, with the
/// mark a file writes after every region's name: `Landelijk (AMR)`); a
/// region unknown by
/// `Onbekend`, `Regio onbekend`, and the rows files give to persons in no region: `Niet in te
/// delen` (CBS's name for `AM99`), `Buitenland`, `Geen regio`, `Niet toe te wijzen`,
/// `Overig/onbekend`, `Woonplaats onbekend`, `Overig`.
pub fn row_type_from_name(region: &str) -> RowType {
    match fold(region).as_str() {
        "landelijk" | "nederland" | "national" | "totaal" | "total" | "nl" | "nl01" | "nl00" => {
            return RowType::National
        }
        "onbekend" | "unknown" | "onbekende_regio" => return RowType::UnknownRegion,
        // (The first core reads the built-in data only, whose rows are named plainly.)
        _ if !cfg!(feature = "full") => return RowType::Region,
        _ => {}
    }
    let words: Vec<String> = crate::case::lower(region)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    #[cfg(feature = "full")]
    if other_area(region).is_some() {
        return RowType::OtherArea;
    }
    let only = |set: &[&str]| !words.is_empty() && words.iter().all(|w| set.contains(&w.as_str()));
    let national = crate::data::tidy::is_total(region)
        || (words.iter().any(|w| w == "nederland" || w == "landelijk")
            && only(&[
                "nederland",
                "landelijk",
                "totaal",
                "total",
                "heel",
                "geheel",
                "nl",
                // The kind of region a file writes after every name (`Landelijk (AMR)`,
                // `Nederland (arbeidsmarktregio's)`), the national row's too.
                "amr",
                "am",
                "arbeidsmarktregio",
                "arbeidsmarktregios",
                "s",
                "alle",
            ]));
    if national {
        return RowType::National;
    }
    // Words that say a row has no region, and the words that go with them.
    const NONE: [&str; 17] = [
        "onbekend",
        "onbekende",
        "unknown",
        "buitenland",
        "overig",
        "overige",
        "delen",
        "wijzen",
        "ingedeeld",
        "geen",
        "abroad",
        "other",
        "unassigned",
        "assigned",
        "unallocated",
        "none",
        "no",
    ];
    if words.iter().any(|w| NONE.contains(&w.as_str()))
        && words.iter().all(|w| {
            NONE.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "regio"
                        | "region"
                        | "arbeidsmarktregio"
                        | "amr"
                        | "am"
                        | "woonplaats"
                        | "niet"
                        | "in"
                        | "te"
                        | "toe"
                        | "en"
                        | "of"
                        | "not"
                )
        })
    {
        return RowType::UnknownRegion;
    }
    RowType::Region
}

/// The kind of area a text names when it is no labour-market region, the nation or an unknown
/// region, but an area of another division, as CBS and UWV tables put them beside the regions:
/// a province (`PV20`, `Groningen (PV)`, `Provincie Utrecht`, `Noord-Holland`), a part of the
/// country (`LD01`, `Noord-Nederland`), a COROP area (`CR01`), a municipality (`GM0363`,
/// `Gemeente Aalten`), a district or neighbourhood, or a subtotal over some regions (`Totaal
/// Noord-Nederland`, `Subtotaal Oost`). As (Dutch, English) kind. A province named like a region
/// (`Groningen`, `Zeeland`, `Flevoland`; also a bare `Utrecht`) is the region.
#[cfg(feature = "full")]
pub fn other_area(text: &str) -> Option<(&'static str, &'static str)> {
    const PROVINCE: (&str, &str) = ("provincie", "province");
    const PART: (&str, &str) = ("landsdeel", "part of the country");
    const COROP: (&str, &str) = ("COROP-gebied", "COROP area");
    const MUNICIPALITY: (&str, &str) = ("gemeente", "municipality");
    const DISTRICT: (&str, &str) = ("wijk of buurt", "district or neighbourhood");
    const SUBTOTAL: (&str, &str) = ("deeltotaal", "subtotal");
    let t = text.trim();
    // CBS's codes of the other divisions.
    let upper = t.to_ascii_uppercase();
    let coded = |prefix: &str, digits: usize| {
        upper.len() == prefix.len() + digits
            && upper.starts_with(prefix)
            && upper.bytes().skip(prefix.len()).all(|b| b.is_ascii_digit())
    };
    for (prefix, digits, kind) in [
        ("PV", 2, PROVINCE),
        ("LD", 2, PART),
        ("CR", 2, COROP),
        ("GM", 4, MUNICIPALITY),
        ("WK", 6, DISTRICT),
        ("BU", 8, DISTRICT),
    ] {
        if coded(prefix, digits) {
            return Some(kind);
        }
    }
    let lower = crate::case::lower(t);
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (first, last) = (words.first().copied()?, words.last().copied()?);
    // The division written after the name (`Groningen (PV)`, a province named like a region) or
    // before it (`Provincie Utrecht`).
    let kind_of = |w: &str| match w {
        "pv" | "provincie" | "province" | "prov" => Some(PROVINCE),
        "ld" | "landsdeel" => Some(PART),
        "cr" | "corop" | "coropgebied" => Some(COROP),
        "gm" | "gemeente" | "municipality" => Some(MUNICIPALITY),
        _ => None,
    };
    if words.len() > 1 {
        if let Some(kind) = kind_of(last).or_else(|| kind_of(first)) {
            return Some(kind);
        }
    }
    if crate::geo::names::names_a_region(t) {
        return None;
    }
    match crate::geo::names::fold(t).as_str() {
        "noordholland" | "zuidholland" | "gelderland" | "overijssel" | "noordbrabant"
        | "limburg" => return Some(PROVINCE),
        "noordnederland" | "oostnederland" | "westnederland" | "zuidnederland" => {
            return Some(PART)
        }
        _ => {}
    }
    // A total over some regions: a total word first or last, and other words than the nation's
    // or a region's name (`Totaal Achterhoek` is left to the region).
    let total = |w: &str| matches!(w, "totaal" | "total" | "subtotaal" | "subtotal");
    if words.len() > 1 && (total(first) || total(last)) {
        let rest: Vec<&str> = words.iter().copied().filter(|w| !total(w)).collect();
        let national = rest.iter().all(|w| {
            matches!(
                *w,
                "nederland"
                    | "landelijk"
                    | "heel"
                    | "geheel"
                    | "nl"
                    | "alle"
                    | "all"
                    | "generaal"
                    | "overall"
                    | "regio"
                    | "regios"
                    | "s"
                    | "arbeidsmarktregio"
                    | "arbeidsmarktregios"
                    | "amr"
                    | "am"
                    | "regions"
                    | "doelgroepen"
                    | "doelgroep"
            )
        });
        if !national && !crate::geo::names::names_a_region(&rest.join(" ")) {
            return Some(SUBTOTAL);
        }
    }
    None
}

/// The rows of areas of another division set aside: how many, and each text with its kind (ten
/// and how many more) in Dutch and in English. `None` when there are none.
#[cfg(feature = "full")]
fn other_areas(names: &[String], rows: &[usize]) -> Option<(usize, String, String)> {
    let set_aside: Vec<(&str, (&str, &str))> = names
        .iter()
        .zip(rows)
        .filter(|(_, &n)| n > 0)
        .filter_map(|(t, _)| Some((t.as_str(), other_area(t)?)))
        .collect();
    if set_aside.is_empty() {
        return None;
    }
    let list = |lang: Lang| {
        let items: Vec<String> = set_aside
            .iter()
            .map(|(t, (nl, en))| format!("'{t}' ({})", if lang == Lang::Nl { nl } else { en }))
            .collect();
        crate::format::first_ten(&items, lang)
    };
    Some((rows.iter().sum(), list(Lang::Nl), list(Lang::En)))
}

/// What the file line says of the rows of areas of another division set aside.
#[cfg(feature = "full")]
fn other_areas_note(names: &[String], rows: &[usize]) -> Option<(String, String)> {
    let (n, nl, en) = other_areas(names, rows)?;
    let count = |lang: Lang, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{} {many}", crate::format::number(n as f64, 0, lang))
        }
    };
    Some((
        format!(
            "{} van een andere indeling dan de arbeidsmarktregio's niet gebruikt (nooit opgeteld bij de regio's of als landelijk genomen): {nl}",
            count(Lang::Nl, "rij", "rijen")
        ),
        format!(
            "{} of another division than the labour-market regions not used (never added to the regions or taken as national): {en}",
            count(Lang::En, "row", "rows")
        ),
    ))
}

/// Sums the regions of one year per count; a count is summed only when every region has it.
/// Each region's row is looked up once.
/// The file's figures checked against each other, each disagreement said (the figures are used
/// as they are): a national row that differs from the sum of the regions (plus the rows of an
/// unknown region, `unknown`, which the national figure holds too) in a count of persons every
/// region has,
/// and more persons working than in the register of their group (a region or the national row,
/// any period).
fn figures_that_disagree(
    data: &BTreeMap<(String, Period), Counts>,
    regions: &[String],
    national_rows: &BTreeMap<Period, Counts>,
    present: &[Count],
    unknown: &BTreeMap<Period, Counts>,
) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    let fmt = |v: f64, lang| crate::format::number(v, if v.fract() == 0.0 { 0 } else { 1 }, lang);
    let mut national_off: Vec<(String, String)> = Vec::new();
    for (&y, n) in national_rows {
        let sum = sum_regions(data, regions, y);
        let unknown = unknown.get(&y);
        // Persons add up exactly; jobs, indications and vacancies are published rounded (and
        // national jobs hold some no region does), so small differences there are normal.
        let persons = present.iter().filter(|c| {
            !matches!(
                c,
                Count::Jobs
                    | Count::WerkkamerIndication
                    | Count::OpenVacancies
                    | Count::NewVacancies
            )
        });
        for &c in persons {
            let (Some(a), Some(b)) = (n.get(c), sum.get(c)) else {
                continue;
            };
            let b = b + unknown.and_then(|k| k.get(c)).unwrap_or(0.0);
            if (a - b).abs() > 0.5_f64.max(1e-9 * a.abs()) {
                national_off.push((
                    format!(
                        "{} {}: {} landelijk, {} opgeteld",
                        c.label(),
                        y.label_in(Lang::Nl),
                        fmt(a, Lang::Nl),
                        fmt(b, Lang::Nl)
                    ),
                    format!(
                        "{} {}: {} national, {} summed",
                        c.label_en(),
                        y.label_in(Lang::En),
                        fmt(a, Lang::En),
                        fmt(b, Lang::En)
                    ),
                ));
            }
        }
    }
    notes.extend(listed(
        national_off,
        "De landelijke rij wijkt af van de som van de regio's: {}. Landelijke waarden, en de verschillen met landelijk, komen uit de landelijke rij.",
        "The national row differs from the sum of the regions: {}. National values, and the differences from national, come from the national row.",
    ));
    let national_name = |lang| match lang {
        Lang::Nl => "landelijk",
        Lang::En => "national",
    };
    let rows = data
        .iter()
        .map(|((r, y), k)| (Some(r.as_str()), *y, k))
        .chain(national_rows.iter().map(|(y, k)| (None, *y, k)));
    let mut over: Vec<(String, String)> = Vec::new();
    for (region, y, k) in rows {
        for g in Subgroup::ALL {
            let (Some(w), Some(r)) = (g.workers(k), g.register(k)) else {
                continue;
            };
            if w > r + 0.5 {
                let at = |lang| {
                    format!(
                        "{} {} ({}): {} {}, {} {}",
                        region.unwrap_or(national_name(lang)),
                        y.label_in(lang),
                        g.label_in(lang),
                        fmt(w, lang),
                        if lang == Lang::Nl {
                            "werkzaam"
                        } else {
                            "working"
                        },
                        fmt(r, lang),
                        if lang == Lang::Nl {
                            "in het register"
                        } else {
                            "in the register"
                        },
                    )
                };
                over.push((at(Lang::Nl), at(Lang::En)));
            }
        }
    }
    notes.extend(listed(
        over,
        "Meer werkenden dan personen in het register: {}. Zo gelezen; een aandeel werkenden boven 100 % wijst op een fout in het bestand.",
        "More persons working than in the register: {}. Read as given; a share working above 100% points to an error in the file.",
    ));
    notes
}

/// A note listing `items` (Dutch, English; the first ten) at the `{}` of each text; none
/// without items.
fn listed(items: Vec<(String, String)>, nl: &str, en: &str) -> Option<(String, String)> {
    let (a, b): (Vec<String>, Vec<String>) = items.into_iter().unzip();
    (!a.is_empty()).then(|| {
        (
            nl.replace("{}", &crate::format::first_ten(&a, Lang::Nl)),
            en.replace("{}", &crate::format::first_ten(&b, Lang::En)),
        )
    })
}

pub(crate) fn sum_regions(
    data: &BTreeMap<(String, Period), Counts>,
    regions: &[String],
    year: Period,
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

/// The first column that names municipalities: its header says so (`gemeente`, `gemeentecode`,
/// `gemeentenaam`, `municipality`) or its texts are CBS municipality codes (`GM0363`).
#[cfg(feature = "full")]
fn municipality_column(table: &Table) -> Option<String> {
    let gm_code = |t: &str| {
        let t = t.trim();
        t.len() == 6
            && t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("GM"))
            && t.bytes().skip(2).all(|b| b.is_ascii_digit())
    };
    table
        .columns
        .iter()
        .find(|c| {
            let h = crate::case::lower(&c.name);
            h.contains("gemeente")
                || h.contains("municipalit")
                || (!c.dictionary().is_empty() && c.dictionary().iter().all(|t| gm_code(t)))
        })
        .map(|c| c.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_and_unknown_rows_by_their_names() {
        for n in [
            "Landelijk",
            "Nederland",
            "Totaal",
            "Totaal Nederland",
            "Nederland totaal",
            "Nederland (totaal)",
            "Heel Nederland",
            "Alle arbeidsmarktregio's",
            "Totaal arbeidsmarktregio's",
            "NL",
            "NL01",
            "Landelijk (AMR)",
            "Nederland (AM)",
            "Nederland (arbeidsmarktregio's)",
        ] {
            assert_eq!(row_type_from_name(n), RowType::National, "{n}");
        }
        for n in [
            "Onbekend",
            "Regio onbekend",
            "Onbekende regio",
            "unknown",
            "Onbekend (AMR)",
            "Niet in te delen",
            "Buitenland",
            "Geen regio",
            "Niet toe te wijzen",
            "Overig/onbekend",
            "Onbekend/buitenland",
            "Woonplaats onbekend",
            "Overig",
            "Not assigned",
        ] {
            assert_eq!(row_type_from_name(n), RowType::UnknownRegion, "{n}");
        }
        for n in [
            "Groot Amsterdam",
            "Regio Zwolle",
            "Noord-Holland Noord",
            "Rijk van Nijmegen",
            "Zuid-Limburg",
            "Midden-Utrecht",
            "Achterhoek (AMR)",
            "Gooi en Vechtstreek",
            "Holland Rijnland",
        ] {
            assert_eq!(row_type_from_name(n), RowType::Region, "{n}");
        }
    }
    use crate::table;

    fn load(s: &str) -> Result<RegionalData> {
        RegionalData::from_table(&table::load("t.csv", s.as_bytes())?)
    }

    /// The codes rule a repeated row out exactly: rows equal in every dimension (missing cells
    /// included) within one group are found, the same rows in two groups are not, and a
    /// dimension with numbers leaves it to the cell by cell comparison.
    #[test]
    fn repeated_rows_are_told_from_the_codes() {
        let t = table::load("t.csv", b"g;l;n\nA;M;1\nA;V;2\nB;M;3\nA;M;4\nA;;5\nA;;6\n").unwrap();
        let none = |groups: &[&[usize]], dims: &[usize]| {
            none_twice_by_codes(&t, dims, groups.iter().copied())
        };
        assert!(none(&[&[0, 1, 2]], &[0, 1]));
        assert!(!none(&[&[0, 1, 2, 3]], &[0, 1]));
        assert!(none(&[&[0, 1, 2], &[3]], &[0, 1]));
        assert!(none(&[&[0, 4]], &[0, 1]));
        assert!(!none(&[&[4, 5]], &[0, 1]));
        // Without the second dimension rows 0 and 1 are equal.
        assert!(!none(&[&[0, 1]], &[0]));
        // A dimension of numbers: not told here.
        assert!(!none(&[&[0, 1]], &[2]));
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
    fn figures_that_disagree_are_said_and_used_as_given() {
        let head = "regio;jaar;personen doelgroepregister gecorrigeerd;werkzame personen;banen\n";
        // The national row counts 4 more workers than the regions; B has more workers than
        // persons in the register; jobs differ by one (rounded figures: not said).
        let d = load(&format!(
            "{head}A;2015;10;5;3\nB;2015;30;31;4\nLandelijk;2015;40;40;8\n"
        ))
        .unwrap();
        assert_eq!(d.national(2015, Count::WorkersTotal), Some(40.0));
        let off: Vec<&String> = d.notes.iter().filter(|n| n.contains("wijkt af")).collect();
        assert_eq!(off.len(), 1, "{:?}", d.notes);
        assert!(
            off[0].contains("werkzame personen 2015: 40 landelijk, 36 opgeteld"),
            "{}",
            off[0]
        );
        assert!(!off[0].contains("banen"), "{}", off[0]);
        let over: Vec<&String> = d
            .notes
            .iter()
            .filter(|n| n.contains("Meer werkenden"))
            .collect();
        assert_eq!(over.len(), 1, "{:?}", d.notes);
        assert!(
            over[0].contains("B 2015 (totaal): 31 werkzaam, 30 in het register"),
            "{}",
            over[0]
        );
        assert!(d
            .notes_en
            .iter()
            .any(|n| n.contains("More persons working than in the register: B 2015")));
        // Figures that agree, counting a row of an unknown region in the national row: nothing said.
        let d = load(&format!(
            "{head}A;2015;10;5;3\nB;2015;30;21;4\nOnbekend;2015;2;1;\nLandelijk;2015;42;27;8\n"
        ))
        .unwrap();
        assert_eq!(d.other_rows.len(), 1);
        assert!(
            !d.notes
                .iter()
                .any(|n| n.contains("wijkt af") || n.contains("Meer werkenden")),
            "{:?}",
            d.notes
        );
        // The published data (national jobs and vacancies rounded) has nothing to say.
        let t = table::load("regions.csv", crate::DEFAULT_DATA).unwrap();
        let d = RegionalData::from_table(&t).unwrap();
        assert!(
            !d.notes
                .iter()
                .any(|n| n.contains("wijkt af") || n.contains("Meer werkenden")),
            "{:?}",
            d.notes
        );
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

    #[test]
    fn periods_of_any_grain_and_one_grain_per_file() {
        let d = load("regio;periode;personen doelgroepregister gecorrigeerd;werkzame personen\nA;1e kwartaal 2019;10;5\nA;4e kwartaal 2019;12;6\n").unwrap();
        assert_eq!(d.grain, Grain::Quarter);
        assert_eq!(
            d.years.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            ["2019K1", "2019K4"]
        );
        let asked = Period::parse("2019").unwrap();
        assert_eq!(d.resolve("to", asked).unwrap().to_string(), "2019K4");
        let e = d
            .resolve("from", Period::parse("2019K2").unwrap())
            .unwrap_err();
        assert!(e.message.contains("2019K1, 2019K4"), "{}", e.message);
        // A year beside its own last quarter: the quarter is read, the year set aside and said.
        let d = load("regio;periode;personen doelgroepregister gecorrigeerd;werkzame personen\nA;2019;10;5\nA;2019K4;12;6\n").unwrap();
        let k4 = Period::parse("2019K4").unwrap();
        assert_eq!(d.get("A", k4, Count::WorkersTotal), Some(6.0));
        assert!(
            d.notes
                .iter()
                .any(|n| n.contains("(zoals '2019' naast '2019K4')")),
            "{:?}",
            d.notes
        );
        // A region given by years among quarters: its years are its year-end stands, said.
        let d = load("regio;periode;personen doelgroepregister gecorrigeerd;werkzame personen\nA;2019K3;10;5\nA;2019K4;12;6\nB;2019;20;8\n").unwrap();
        assert_eq!(d.grain, Grain::Quarter);
        let k4 = Period::parse("2019K4").unwrap();
        assert_eq!(d.get("B", k4, Count::WorkersTotal), Some(8.0));
        assert!(
            d.notes
                .iter()
                .any(|n| n.contains("'2019' als 2019 K4 (B; 1 rij(en)")),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn a_total_row_without_a_region_is_national() {
        let d = load(
            "gemeente;regio;jaar;personen doelgroepregister gecorrigeerd;werkzame personen\n\
            a1;A;2019;10;5\na2;A;2019;20;6\nb1;B;2019;30;7\nNederland;;2019;61;19\n",
        )
        .unwrap();
        assert_eq!(d.regions, ["A", "B"]);
        assert_eq!(d.get("A", 2019, Count::WorkersTotal), Some(11.0));
        assert_eq!(
            d.national(2019, Count::RegisterPersonsCorrected),
            Some(61.0)
        );
        assert!(d.national_from_file);
        let e = load("gemeente;regio;jaar;personen doelgroepregister gecorrigeerd;werkzame personen\na1;;2019;10;5\n").unwrap_err();
        assert!(e.message.contains("regio ontbreekt"), "{}", e.message);
    }

    #[test]
    fn a_long_file_reads_as_the_wide_columns() {
        let d = load("arbeidsmarktregio;jaar;doelgroep;aantal in doelgroepregister;aantal werkzaam\n\
            A;2017;Totaal;100;50\nA;2017;Wajong;60;20\nA;2017;Wsw;30;25\nA;2017;P-wet;10;5\nA;2017;Praktijkroute;4;3\nA;2017;vso/pro;7;1\n").unwrap();
        assert_eq!(
            d.get("A", 2017, Count::RegisterPersonsCorrected),
            Some(100.0)
        );
        assert_eq!(d.get("A", 2017, Count::WorkersWsw), Some(25.0));
        assert_eq!(d.get("A", 2017, Count::RegisterParticipatiewet), Some(10.0));
        assert_eq!(d.get("A", 2017, Count::WorkersPwPraktijkroute), Some(3.0));
        assert_eq!(d.get("A", 2017, Count::WorkersPwOther), Some(2.0));
        assert!(
            d.notes.iter().any(|n| n.contains("'vso/pro' (1 rij)")),
            "{:?}",
            d.notes
        );
    }

    /// A region written two ways is one region, under its first spelling, and said so: in the
    /// case only by the table (as any column's values), otherwise by the regional reading.
    #[test]
    fn a_region_written_two_ways_is_one_region() {
        let t = table::load(
            "t.csv",
            "gemeente;regio;jaar;personen doelgroepregister;werkzame personen\n\
             g1;Twente;2019;10;4\ng2;TWENTE;2019;20;6\ng3;Zeeland;2019;5;1\n\
             g4;IJsselvechtstreek (Regio Zwolle);2018;8;2\ng4;Regio Zwolle;2019;9;3\n"
                .as_bytes(),
        )
        .unwrap();
        let d = RegionalData::from_table(&t).unwrap();
        assert_eq!(d.regions.len(), 3, "{:?}", d.regions);
        assert_eq!(d.get("Twente", 2019, Count::WorkersTotal), Some(10.0));
        assert_eq!(
            d.get(
                "IJsselvechtstreek (Regio Zwolle)",
                2019,
                Count::WorkersTotal
            ),
            Some(3.0)
        );
        assert!(
            t.detected
                .notes
                .iter()
                .any(|n| n.contains("'TWENTE' = 'Twente'")),
            "{:?}",
            t.detected.notes
        );
        assert!(
            d.notes
                .iter()
                .any(|n| n.contains("'Regio Zwolle' = 'IJsselvechtstreek (Regio Zwolle)'")),
            "{:?}",
            d.notes
        );
    }

    /// A row that is the sum of the others is a total only when it is one wherever its value
    /// is: a municipality that equals the others in one year is summed with them.
    #[test]
    fn a_total_told_by_its_sums_holds_in_every_group() {
        let head = "gemeente;regio;jaar;personen doelgroepregister;werkzame personen\n";
        let rows = "g1;A;2018;10;4\ng2;A;2018;20;6\ng3;A;2018;30;10\n\
            g1;A;2019;11;4\ng2;A;2019;20;6\ng3;A;2019;35;12\n";
        let d = load(&format!("{head}{rows}")).unwrap();
        assert_eq!(d.get("A", 2018, Count::WorkersTotal), Some(20.0));
        assert_eq!(d.get("A", 2019, Count::WorkersTotal), Some(22.0));
        // A subtotal row in every year: used, the others not counted again.
        let rows = "g1;A;2018;10;4\ng2;A;2018;20;6\nRegio A;A;2018;30;10\n\
            g1;A;2019;11;4\ng2;A;2019;20;6\nRegio A;A;2019;31;10\n";
        let d = load(&format!("{head}{rows}")).unwrap();
        assert_eq!(d.get("A", 2018, Count::WorkersTotal), Some(10.0));
        assert_eq!(
            d.get("A", 2019, Count::RegisterPersonsCorrected),
            Some(31.0)
        );
        assert!(
            d.notes.iter().any(|n| n.contains("gemeente = 'Regio A'")),
            "{:?}",
            d.notes
        );
    }

    /// Rows of a fine file whose region, period and subgroup texts were seen before take the
    /// short way to their group: summed the same, and a text or negative count, or a row
    /// entered twice, still named with its row.
    #[test]
    fn rows_seen_before_sum_and_fail_as_the_first() {
        let head = "gemeente;arbeidsmarktregio;kwartaal;subgroep;personen;werkzaam\n";
        let rows = "G1;A;2019K1;Wajong;10;5\nG2;A;2019K1;Wajong;20;7\nG1;B;2019K1;Wajong;1;1\n\
            G3;A;2019K1;Wajong;;2\nG1;A;2019K2;Wajong;4;3\nG2;A;2019K2;Wajong;5;3\n";
        let d = load(&format!("{head}{rows}")).unwrap();
        let q1 = Period::parse("2019K1").unwrap();
        assert_eq!(d.get("A", q1, Count::WorkersWajong), Some(14.0));
        // A missing count makes the sum missing, as on the long way.
        assert_eq!(d.get("A", q1, Count::RegisterWajongCorrected), None);
        assert_eq!(d.get("B", q1, Count::WorkersWajong), Some(1.0));
        let q2 = Period::parse("2019K2").unwrap();
        assert_eq!(d.get("A", q2, Count::WorkersWajong), Some(6.0));
        for (bad, kind, row) in [
            ("G4;A;2019K1;Wajong;3;veel\n", ErrorKind::BadValue, 8),
            ("G4;A;2019K1;Wajong;-3;1\n", ErrorKind::BadValue, 8),
            ("G2;A;2019K2;Wajong;5;3\n", ErrorKind::Duplicate, 8),
        ] {
            let e = load(&format!("{head}{rows}{bad}")).unwrap_err();
            assert_eq!(
                (e.kind, e.location.and_then(|l| l.row)),
                (kind, Some(row)),
                "{bad}"
            );
        }
    }
}
