//! Which column of a table is which column of the regional shape: matched by header name
//! ([`columns`](super::columns)), or chosen by the user in the page's mapping step when names do
//! not match. [`propose`] says what is missing and suggests headers; a mapping is a list of
//! `(file header, canonical name)` pairs passed to
//! [`RegionalData::from_table_with_mapping`](super::RegionalData::from_table_with_mapping).
//! An empty canonical name means "do not use this column".

use super::columns::{fold, fold_header, Count, IdColumn};
use super::REQUIRED;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::table::Table;
use serde::Serialize;

/// A column of the regional shape the user can map a header to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// Canonical name, e.g. `workers_total`.
    pub name: &'static str,
    /// Dutch label for the page.
    pub label: &'static str,
    /// English label for the page.
    pub label_en: &'static str,
    pub required: bool,
}

/// Every column of the regional shape, identification columns first, required ones marked.
pub fn targets() -> Vec<Target> {
    let ids = IdColumn::ALL.into_iter().map(|id| Target {
        name: id.name(),
        label: id.label(),
        label_en: id.label_en(),
        required: matches!(id, IdColumn::Region | IdColumn::Year),
    });
    let counts = Count::ALL.into_iter().map(|c| Target {
        name: c.name(),
        label: c.label(),
        label_en: c.label_en(),
        required: REQUIRED.contains(&c),
    });
    ids.chain(counts).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    Id(IdColumn),
    Count(Count),
}

impl Meaning {
    fn name(self) -> &'static str {
        match self {
            Meaning::Id(id) => id.name(),
            Meaning::Count(c) => c.name(),
        }
    }
    #[cfg(feature = "full")]
    fn label(self) -> &'static str {
        match self {
            Meaning::Id(id) => id.label(),
            Meaning::Count(c) => c.label(),
        }
    }
    #[cfg(feature = "full")]
    fn label_en(self) -> &'static str {
        match self {
            Meaning::Id(id) => id.label_en(),
            Meaning::Count(c) => c.label_en(),
        }
    }
    fn from_canonical(name: &str) -> Option<Meaning> {
        let f = fold(name);
        IdColumn::ALL
            .into_iter()
            .find(|id| id.name() == f)
            .map(Meaning::Id)
            .or_else(|| {
                Count::ALL
                    .into_iter()
                    .find(|c| c.name() == f)
                    .map(Meaning::Count)
            })
    }
    fn from_header(header: &str) -> Option<Meaning> {
        IdColumn::from_header(header)
            .map(Meaning::Id)
            .or_else(|| Count::from_header(header).map(Meaning::Count))
    }
}

/// The columns of a table resolved to the regional shape.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub region: Option<usize>,
    pub year: Option<usize>,
    pub row_type: Option<usize>,
    /// The subgroup column of a long file.
    pub subgroup: Option<usize>,
    pub counts: Vec<(Count, usize)>,
    /// The columns not used, in file order (by index: a file of thousands of columns must not
    /// look each up by its name).
    pub ignored: Vec<usize>,
    /// Remarks on the mapping (user choices applied, columns set aside), in Dutch and English.
    pub notes: Vec<(String, String)>,
    /// Whether the region column gives codes (`AM01`), read as the regions they name.
    pub region_codes: bool,
    /// Columns of row numbers (`ID`): neither counts nor dimensions the rows differ in (the
    /// full core's only: the first core reads the built-in data).
    #[cfg(feature = "full")]
    pub row_numbers: Vec<usize>,
}

impl Resolved {
    pub fn missing_required(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.region.is_none() {
            out.push(IdColumn::Region.name());
        }
        if self.year.is_none() {
            out.push(IdColumn::Year.name());
        }
        for c in REQUIRED {
            if !self.counts.iter().any(|(d, _)| *d == c) {
                out.push(c.name());
            }
        }
        out
    }
}

/// Resolves every column: the user's mapping first, then header names. Two columns meaning the
/// same thing by name is an error naming both; a name-matched column whose meaning the user gave
/// to another column is set aside with a note.
pub(crate) fn resolve<S: AsRef<str>>(table: &Table, mapping: &[(S, S)]) -> Result<Resolved> {
    let file = Location::file(&table.source);
    let mut chosen: Vec<(usize, Option<Meaning>)> = Vec::new();
    for (header, target) in mapping {
        let (header, target) = (header.as_ref(), target.as_ref());
        // (A column renamed on reading is found by its header in the file too.)
        #[cfg(feature = "full")]
        let j = table.named(header);
        #[cfg(not(feature = "full"))]
        let j = table.column_index(header);
        let Some(j) = j else {
            return Err(Error::new2(
                ErrorKind::UnknownColumn,
                format!("De kolom '{header}' uit de kolomkoppeling staat niet in het bestand."),
                format!("The column '{header}' from the column mapping is not in the file."),
            )
            .at(file.clone().column(header)));
        };
        let meaning = if target.trim().is_empty() {
            None
        } else {
            Some(Meaning::from_canonical(target).ok_or_else(|| {
                let names = targets()
                    .iter()
                    .map(|t| t.name)
                    .collect::<Vec<_>>()
                    .join(", ");
                Error::new2(
                    ErrorKind::UnknownColumn,
                    format!(
                        "'{target}' is geen kolom van de regionale gegevens; kies uit {names}."
                    ),
                    format!(
                        "'{target}' is not a column of the regional data; choose from {names}."
                    ),
                )
                .at(file.clone().column(header))
            })?)
        };
        if let Some(m) = meaning {
            if let Some((k, _)) = chosen.iter().find(|(_, o)| *o == Some(m)) {
                return Err(Error::new2(
                    ErrorKind::Duplicate,
                    format!(
                        "In de kolomkoppeling zijn '{}' en '{header}' allebei gekoppeld aan '{}'.",
                        table.columns[*k].name,
                        m.name()
                    ),
                    format!(
                        "In the column mapping '{}' and '{header}' are both mapped to '{}'.",
                        table.columns[*k].name,
                        m.name()
                    ),
                )
                .at(file.clone().column(header)));
            }
        }
        // One column given two meanings (the same column chosen for two fields of the mapping
        // step): said, not the first choice dropped for a "missing column" later.
        #[cfg(feature = "full")]
        if let (Some(m), Some((_, Some(o)))) = (meaning, chosen.iter().find(|(k, _)| *k == j)) {
            if *o != m {
                let (a, b) = (o.label(), m.label());
                let (a_en, b_en) = (o.label_en(), m.label_en());
                return Err(Error::new2(
                    ErrorKind::Duplicate,
                    format!("In de kolomkoppeling is de kolom '{header}' gekozen voor zowel '{a}' als '{b}'. Een kolom kan er maar één zijn: kies voor een van beide een andere kolom."),
                    format!("In the column mapping the column '{header}' is chosen for both '{a_en}' and '{b_en}'. A column can be only one: choose another column for one of them."),
                )
                .at(file.clone().column(header)));
            }
        }
        chosen.retain(|(k, _)| *k != j);
        chosen.push((j, meaning));
    }
    let mut out = Resolved {
        region: None,
        year: None,
        row_type: None,
        subgroup: None,
        counts: Vec::new(),
        ignored: Vec::new(),
        notes: Vec::new(),
        region_codes: false,
        #[cfg(feature = "full")]
        row_numbers: Vec::new(),
    };
    let mut by_name: Vec<(usize, Meaning)> = Vec::new();
    for (j, col) in table.columns.iter().enumerate() {
        let meaning = match chosen.iter().find(|(k, _)| *k == j) {
            Some((_, m)) => *m,
            None => match Meaning::from_header(&col.name) {
                Some(m) if chosen.iter().any(|(_, o)| *o == Some(m)) => {
                    out.notes.push((
                        format!(
                            "Kolom '{}' niet gebruikt: de kolomkoppeling wijst '{}' aan een andere kolom toe",
                            col.name,
                            m.name()
                        ),
                        format!(
                            "Column '{}' not used: the column mapping gives '{}' to another column",
                            col.name,
                            m.name()
                        ),
                    ));
                    None
                }
                Some(m) => {
                    if let Some(&(k, _)) = by_name.iter().find(|(_, o)| *o == m) {
                        // Two region columns by name (`Regio` holding municipalities beside
                        // `Arbeidsmarktregio`): the one whose values are regions, when only one's are.
                        #[cfg(feature = "full")]
                        if let (Meaning::Id(IdColumn::Region), Some(keep)) =
                            (m, region_by_values(table, k, j))
                        {
                            let other = if keep == j { k } else { j };
                            let (h, o) = (&table.columns[keep].name, &table.columns[other].name);
                            out.notes.push((
                                format!("Kolom '{h}' gelezen als de arbeidsmarktregio, niet '{o}': alleen de waarden van '{h}' zijn arbeidsmarktregio's"),
                                format!("Column '{h}' read as the labour-market region, not '{o}': only the values of '{h}' are labour-market regions"),
                            ));
                            if keep == k {
                                out.ignored.push(j);
                                continue;
                            }
                            let at = out.ignored.partition_point(|&x| x < k);
                            out.ignored.insert(at, k);
                            by_name.retain(|(x, _)| *x != k);
                            by_name.push((j, m));
                            out.region = Some(j);
                            continue;
                        }
                        return Err(Error::new2(
                            ErrorKind::Duplicate,
                            format!(
                                "De kolommen '{}' en '{}' betekenen allebei '{}'. Kies er één in de kolomkoppeling.",
                                table.columns[k].name,
                                col.name,
                                m.name()
                            ),
                            format!(
                                "The columns '{}' and '{}' both mean '{}'. Choose one in the column mapping.",
                                table.columns[k].name,
                                col.name,
                                m.name()
                            ),
                        )
                        .at(file.clone().column(&col.name)));
                    }
                    by_name.push((j, m));
                    Some(m)
                }
                None => None,
            },
        };
        match meaning {
            Some(Meaning::Id(IdColumn::Region)) => out.region = Some(j),
            Some(Meaning::Id(IdColumn::Year)) => out.year = Some(j),
            Some(Meaning::Id(IdColumn::RowType)) => out.row_type = Some(j),
            Some(Meaning::Id(IdColumn::Subgroup)) => out.subgroup = Some(j),
            Some(Meaning::Count(c)) => out.counts.push((c, j)),
            None => out.ignored.push(j),
        }
    }
    promote_register(table, &mut out);
    #[cfg(feature = "full")]
    promote_wajong_register(table, &mut out);
    find_subgroup_column(table, &mut out);
    #[cfg(feature = "full")]
    find_region_codes(table, &mut out);
    #[cfg(feature = "full")]
    find_region_names(table, &mut out);
    #[cfg(feature = "full")]
    cbs_notes(table, &mut out, &chosen);
    // Each column with the words the mapping step shows for its meaning (the full core's; the
    // first core reads the built-in data without a mapping).
    let applied = |unused: &str, en: bool| -> Vec<String> {
        chosen
            .iter()
            .filter_map(|(j, m)| {
                let h = &table.columns.get(*j)?.name;
                #[cfg(feature = "full")]
                let named = |m: &Meaning| match en {
                    true => format!("'{h}' as {}", m.label_en()),
                    false => format!("'{h}' als {}", m.label()),
                };
                #[cfg(not(feature = "full"))]
                let named = |m: &Meaning| {
                    let _ = en;
                    format!("'{h}' = {}", m.name())
                };
                Some(match m {
                    Some(m) => named(m),
                    None => format!("'{h}' {unused}"),
                })
            })
            .collect()
    };
    if !chosen.is_empty() {
        out.notes.push((
            format!(
                "Kolomkoppeling toegepast: {}",
                applied("niet gebruikt", false).join(", ")
            ),
            format!(
                "Column mapping applied: {}",
                applied("not used", true).join(", ")
            ),
        ));
    }
    Ok(out)
}

/// How many distinct values of a column name a subgroup, and whether every value does (or is
/// empty).
fn subgroup_values(table: &Table, j: usize) -> (usize, bool) {
    let mut found: Vec<crate::spec::Subgroup> = Vec::new();
    let mut all = true;
    // Each distinct text once: the column's dictionary. A column of a thousand texts none of
    // which names a subgroup (remarks, one per row) is no subgroup column: not read further.
    for (k, t) in table
        .columns
        .get(j)
        .map(|c| c.dictionary())
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        if k == 1000 && found.is_empty() {
            return (0, false);
        }
        {
            match crate::spec::Subgroup::from_label(t) {
                Some(g) if !found.contains(&g) => found.push(g),
                Some(_) => {}
                None => all = false,
            }
        }
    }
    (found.len(), all)
}

/// The subgroup column of a long file: by its header (kept only when some value names a
/// subgroup), else an unmatched text column whose values are all subgroups (Totaal, Wajong, WSW).
fn find_subgroup_column(table: &Table, out: &mut Resolved) {
    if let Some(j) = out.subgroup {
        if subgroup_values(table, j).0 == 0 {
            out.subgroup = None;
            out.ignored.push(j);
        }
        return;
    }
    let found = out
        .ignored
        .iter()
        .position(|&j| matches!(subgroup_values(table, j), (n, true) if n >= 2));
    if let Some(k) = found {
        let j = out.ignored.remove(k);
        out.subgroup = Some(j);
        let h = &table.columns[j].name;
        out.notes.push((
            format!("Kolom '{h}' gelezen als de doelgroep (de waarden zijn doelgroepen)"),
            format!("Column '{h}' read as the target group (its values are target groups)"),
        ));
    }
}

/// Whether every text of column `j` is a region code (`AM01`, `2017AM01`) or names the nation
/// or an unknown region, and some are codes.
#[cfg(feature = "full")]
fn holds_region_codes(table: &Table, j: usize) -> bool {
    let texts = table.columns[j].dictionary();
    let mut codes = 0;
    for t in texts {
        if crate::geo::names::region_of_code(t).is_some() {
            codes += 1;
        } else if super::row_type_from_name(t) == super::RowType::Region {
            return false;
        }
    }
    codes > 0
}

/// Whether column `j` holds labour-market regions by its values: at least four in five of them
/// (national rows and totals aside) name one, at least three; as (named, of).
#[cfg(feature = "full")]
fn region_names_in(table: &Table, j: usize) -> Option<(usize, usize)> {
    // (A region column has a few dozen values, some spellings and totals among them; a column
    // of thousands is none, and is not looked at.)
    let dictionary = table.columns[j].dictionary();
    if dictionary.len() > 1000 {
        return None;
    }
    let mut named = 0;
    let mut other = 0;
    for t in dictionary {
        if super::row_type_from_name(t) != super::RowType::Region {
            continue;
        }
        if crate::geo::names::names_a_region(t) {
            named += 1;
        } else {
            other += 1;
        }
    }
    (named >= 3 && named >= 4 * other).then_some((named, named + other))
}

/// Of two columns whose headers both name the region, the one whose values are regions (by
/// name or code), when only one's are.
#[cfg(feature = "full")]
fn region_by_values(table: &Table, a: usize, b: usize) -> Option<usize> {
    let regions = |j| holds_region_codes(table, j) || region_names_in(table, j).is_some();
    match (regions(a), regions(b)) {
        (true, false) => Some(a),
        (false, true) => Some(b),
        _ => None,
    }
}

/// The region column of a file whose header names none (`Werkgebied`, `Naam`): a text column
/// not otherwise used, at least four in five of whose values (national rows and unknown regions
/// aside) name a labour-market region, at least three of them. The file line says so.
#[cfg(feature = "full")]
fn find_region_names(table: &Table, out: &mut Resolved) {
    if out.region.is_some() {
        return;
    }
    // (A region column has a few dozen values, some spellings and totals among them; a column
    // of thousands is none, and is not looked at.)
    let Some((k, (named, of))) = out
        .ignored
        .iter()
        .enumerate()
        .find_map(|(k, &j)| Some((k, region_names_in(table, j)?)))
    else {
        return;
    };
    let j = out.ignored.remove(k);
    out.region = Some(j);
    let h = &table.columns[j].name;
    out.notes.push((
        format!("Kolom '{h}' gelezen als de arbeidsmarktregio: {named} van de {of} waarden zijn namen van arbeidsmarktregio's"),
        format!("Column '{h}' read as the labour-market region: {named} of its {of} values are names of labour-market regions"),
    ));
}

/// Regions given by their code: the region column when it holds codes, or, when the file has no
/// region column, a column of region codes (`amr_code`, `Arbeidsmarktregio (code)`,
/// `statcode`). The codes are read as the regions they name, and the file line says so.
#[cfg(feature = "full")]
fn find_region_codes(table: &Table, out: &mut Resolved) {
    let j = match out.region {
        Some(j) if holds_region_codes(table, j) => j,
        Some(_) => return,
        None => {
            let Some(k) = out
                .ignored
                .iter()
                .position(|&j| holds_region_codes(table, j))
            else {
                return;
            };
            let j = out.ignored.remove(k);
            out.region = Some(j);
            j
        }
    };
    out.region_codes = true;
    let h = &table.columns[j].name;
    // Codes written from the file's region numbers: their note says it, one note for both.
    if table
        .detected
        .notes
        .iter()
        .any(|n| n.starts_with(&numbers_note_start(h)))
    {
        return;
    }
    // Two of the file's own codes as it writes them (`AM009 = Achterhoek`), with the code as
    // the division writes it when that differs (`am009`: `AM09`).
    let examples: Vec<String> = table.columns[j]
        .dictionary()
        .iter()
        .filter_map(|t| {
            let (t, region) = (t.trim(), crate::geo::names::region_of_code(t)?);
            let code = crate::geo::names::normalise_code(t)?;
            Some(if code == t {
                format!("{t} = {region}")
            } else {
                format!("{t} = {code} = {region}")
            })
        })
        .take(2)
        .collect();
    let examples = examples.join(", ");
    out.notes.push((
        format!("Regio's gelezen uit hun code in kolom '{h}' ({examples}, ...)"),
        format!("Regions read from their code in column '{h}' ({examples}, ...)"),
    ));
}

/// Whether `n` is the number of a labour-market region's code (`AM09`: 9) in the division of
/// `year`: 1 to 35 until 2015; from 2016 `AM36` Regio Zwolle and `AM37` Zuid-Kennemerland en
/// IJmond in place of `AM04` and `AM16`, from 2017 `AM38` FoodValley in place of `AM31` (the
/// editions of `data/geo/`; a year before the first or after the last edition as that edition).
#[cfg(feature = "full")]
pub(crate) fn region_number_in(n: u32, year: i32) -> bool {
    match n {
        4 | 16 => year <= 2015,
        31 => year <= 2016,
        1..=35 => true,
        36 | 37 => year >= 2016,
        38 => year >= 2017,
        _ => false,
    }
}

/// Whether a header names a column of region numbers: the region column by its name (`regio`,
/// `arbeidsmarktregio_nr`), or a region word with a number word (`regionummer`, `amr_code`,
/// `nr_regio`, `Arbeidsmarktregio (nummer)`).
#[cfg(feature = "full")]
fn names_region_numbers(header: &str) -> bool {
    if IdColumn::from_header(header) == Some(IdColumn::Region) || names_region_code(header) {
        return true;
    }
    let compact = fold_header(header).replace('_', "");
    REGION_WORDS.contains(&compact.trim_end_matches('s'))
}

/// The words of a header of region numbers that name the region.
#[cfg(feature = "full")]
const REGION_WORDS: [&str; 6] = [
    "arbeidsmarktregio",
    "labourmarketregion",
    "region",
    "regio",
    "amregio",
    "amr",
];

/// Whether a header names the regions' code or number, not only the region: a region word with
/// a number word (`regionummer`, `amr_code`, `nr_regio`, `Arbeidsmarktregio (nummer)`, `AM-code`).
#[cfg(feature = "full")]
fn names_region_code(header: &str) -> bool {
    let compact = fold_header(header).replace('_', "");
    const NUMBER: [&str; 7] = ["nr", "nummer", "no", "code", "id", "number", "num"];
    REGION_WORDS.iter().chain(&["am"]).any(|r| {
        compact.strip_prefix(r).is_some_and(|rest| {
            NUMBER.contains(&rest.trim_start_matches('s')) || NUMBER.contains(&rest)
        }) || compact
            .strip_suffix(r)
            .is_some_and(|rest| NUMBER.contains(&rest))
    })
}

/// How the note on regions read from their number in column `h` starts (the code note of
/// [`find_region_codes`] is left out after it).
#[cfg(feature = "full")]
fn numbers_note_start(h: &str) -> String {
    format!("Regio's gelezen uit hun nummer in kolom '{h}'")
}

/// The column the user's column mapping gives the meaning `region` (the last pair naming a
/// column counts, as in [`resolve`]).
#[cfg(feature = "full")]
pub(crate) fn mapped_region<S: AsRef<str>>(table: &Table, mapping: &[(S, S)]) -> Option<usize> {
    let mut region = None;
    for (header, target) in mapping {
        let Some(j) = table.column_index(header.as_ref()) else {
            continue;
        };
        if Meaning::from_canonical(target.as_ref()) == Some(Meaning::Id(IdColumn::Region)) {
            region = Some(j);
        } else if region == Some(j) {
            region = None;
        }
    }
    region
}

/// A whole number written as a number or as digits (`9`, `09`, `9.0` read as a number).
#[cfg(feature = "full")]
fn whole_number(cell: crate::table::Cell<'_>) -> Option<Option<u32>> {
    use crate::table::Cell;
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..1e6).contains(&n) => Some(Some(n as u32)),
        Cell::Number(_) => Some(None),
        Cell::Text(t) => {
            let t = t.trim();
            (!t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
        }
        Cell::Missing => None,
    }
}

/// A region column of numbers (`9` or `09` for Achterhoek, as `arbeidsmarktregio_nr` or `regio`
/// in an analyst's file) read as the regions of those numbers in the official numbering, the
/// number of the region's code (`AM09`) in the division of the row's year: the column is
/// written as those codes (`AM09`), which the regional reader names, and the file line says
/// so. The column is `given` (the user's column mapping gave it the meaning `region`), or else
/// one whose header names a region (see [`names_region_numbers`]) when the table has no other
/// region column; either way its cells are whole numbers or texts that name no region
/// (`Landelijk`). `Ok(None)` for any other table. A number that is no region of its year (`40`,
/// `0`, `4` in 2017, when `AM04` had become `AM36`) is an error naming the number, its row and
/// the column: read as a region's name, `4` would be shown as a region called "4".
#[cfg(feature = "full")]
pub fn region_numbers_as_codes(table: &Table, given: Option<usize>) -> Result<Option<Table>> {
    use crate::table::{Cell, Column};
    // No text of the column names a region (each distinct text looked at once), and some cell
    // is a number.
    let numbers_only = |j: usize| {
        let c = &table.columns[j];
        let names_a_region = |t: &str| {
            whole_number(Cell::Text(t)).is_none()
                && (crate::geo::names::region_of_code(t).is_some()
                    || super::row_type_from_name(t) == super::RowType::Region)
        };
        !c.dictionary().iter().any(|t| names_a_region(t))
            && (0..table.len()).any(|i| whole_number(c.get(i)).is_some())
    };
    let j = match given {
        Some(j) if j < table.columns.len() && numbers_only(j) => j,
        Some(_) => return Ok(None),
        None => {
            let candidates: Vec<usize> = (0..table.columns.len())
                .filter(|&j| names_region_numbers(&table.columns[j].name))
                .filter(|&j| numbers_only(j))
                .collect();
            let [j] = candidates.as_slice() else {
                return Ok(None);
            };
            // Another column naming the regions: the numbers are not needed.
            if (0..table.columns.len()).any(|k| {
                k != *j && IdColumn::from_header(&table.columns[k].name) == Some(IdColumn::Region)
            }) {
                return Ok(None);
            }
            *j
        }
    };
    let year_col = (0..table.columns.len())
        .find(|&k| IdColumn::from_header(&table.columns[k].name) == Some(IdColumn::Year));
    let year_of = |i: usize| -> Option<i32> {
        let k = year_col?;
        let text = match table.columns[k].get(i) {
            Cell::Number(n) => crate::table::Value::Number(n).as_text()?,
            Cell::Text(t) => t.to_string(),
            Cell::Missing => return None,
        };
        let (p, _) = crate::spec::Period::split_mark(&text);
        crate::spec::Period::parse(p).map(|p| p.calendar_year())
    };
    let name = &table.columns[j].name;
    let word = table.detected.row_word();
    let word_en = table.detected.row_word_in(crate::format::Lang::En);
    let mut codes = Column::with_capacity(name.clone(), table.len());
    let (mut years, mut numbers): (Vec<i32>, Vec<u32>) = (Vec::new(), Vec::new());
    for i in 0..table.len() {
        let cell = table.columns[j].get(i);
        let Some(number) = whole_number(cell) else {
            codes.push(cell.to_value());
            continue;
        };
        let year = year_of(i);
        match (number, year) {
            (Some(n), Some(y)) if region_number_in(n, y) => {
                years.push(y);
                numbers.push(n);
                codes.push_text(&format!("AM{n:02}"));
            }
            (Some(n), None) if year_col.is_none() && (1..=38).contains(&n) => {
                numbers.push(n);
                codes.push_text(&format!("AM{n:02}"));
            }
            _ => {
                let shown = match cell {
                    Cell::Number(n) => n.to_string(),
                    other => other.to_value().as_text().unwrap_or_default(),
                };
                let row = table.row_shown(i);
                let (in_nl, in_en) = match year {
                    Some(y) => (format!(" in {y}"), format!(" in {y}")),
                    None => (String::new(), String::new()),
                };
                let at = table.location(i, name);
                return Err(Error::new2(
                    ErrorKind::BadValue,
                    format!("Kolom '{name}' geeft de regio's als getal, maar {shown} ({word} {row}) is geen nummer van een arbeidsmarktregio{in_nl} (1 tot en met 35; vanaf 2016 36 en 37 in plaats van 4 en 16, vanaf 2017 38 in plaats van 31). Geef de regio's met hun naam (Achterhoek) of code (AM09), of verbeter het nummer."),
                    format!("Column '{name}' gives the regions as numbers, but {shown} ({word_en} {row}) is no number of a labour-market region{in_en} (1 to 35; from 2016 36 and 37 in place of 4 and 16, from 2017 38 in place of 31). Give the regions by their name (Achterhoek) or code (AM09), or correct the number."),
                )
                .at(at));
            }
        }
    }
    codes.finish();
    // Numbers of 2015 only (or without a year) under a header that names the region but not its
    // code (`regio`): whether they are the official numbers (1 = Groningen) or a numbering by
    // the alphabet, as SPSS's AUTORECODE and Stata's `encode` make (1 = Achterhoek), no number
    // tells, and the other would pin every figure on another region. (From 2016 the official
    // numbering has 36 and 37, not 4 and 16: a numbering by the alphabet is refused above.)
    if given.is_none() && !years.iter().any(|&y| y >= 2016) && !names_region_code(name) {
        let first = (0..table.len())
            .find(|&i| whole_number(table.columns[j].get(i)).is_some())
            .unwrap_or(0);
        return Err(Error::new2(
            ErrorKind::BadValue,
            format!("Kolom '{name}' geeft de regio's als getal (1 tot en met 35). Of dat de nummers van de officiële indeling zijn (1 = Groningen) of een nummering op alfabet zoals SPSS en Stata die maken (1 = Achterhoek), is aan de getallen niet te zien. Geef de regio's met hun naam (Achterhoek) of code (AM09), of noem de kolom naar de code (zoals 'amr_code') als het de officiële nummers zijn."),
            format!("Column '{name}' gives the regions as numbers (1 to 35). Whether those are the numbers of the official division (1 = Groningen) or a numbering by the alphabet as SPSS and Stata make them (1 = Achterhoek), the numbers cannot tell. Give the regions by their name (Achterhoek) or code (AM09), or name the column after the code (such as 'amr_code') if they are the official numbers."),
        )
        .at(table.location(first, name)));
    }
    let mut columns = table.columns.clone();
    columns[j] = codes;
    let mut detected = table.detected.clone();
    let example = numbers
        .first()
        .and_then(|&n| {
            crate::geo::names::region_of_code(&format!("AM{n:02}"))
                .map(|r| format!("{n} = AM{n:02} {r}"))
        })
        .unwrap_or_default();
    let renumbered = years.iter().any(|&y| y >= 2016);
    let (range_nl, range_en) = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => (format!(" van {a}"), format!(" of {a}")),
        (Some(a), Some(b)) => (
            format!(" van {a} tot en met {b}"),
            format!(" of {a} to {b}"),
        ),
        _ => (String::new(), String::new()),
    };
    let (changed_nl, changed_en) = if renumbered {
        (
            " De nummering is veranderd: vanaf 2016 is 36 Regio Zwolle (was 4) en 37 Zuid-Kennemerland en IJmond (was 16), vanaf 2017 38 FoodValley (was 31); elk nummer is getoetst aan de indeling van het jaar van zijn rij en de oude en nieuwe nummers tellen als dezelfde regio.",
            " The numbering changed: from 2016 36 is Regio Zwolle (was 4) and 37 Zuid-Kennemerland en IJmond (was 16), from 2017 38 FoodValley (was 31); each number is checked against the division of its row's year and the old and new numbers count as the same region.",
        )
    } else {
        ("", "")
    };
    detected.note(
        format!("{}: het nummer van hun code in de officiële indeling{range_nl} ({example}).{changed_nl}", numbers_note_start(name)),
        format!("Regions read from their number in column '{name}': the number of their code in the official division{range_en} ({example}).{changed_en}"),
    );
    Ok(Some(crate::compute::tidy::melt::remade(
        table,
        columns,
        table.row_numbers.clone(),
        detected,
    )))
}

/// The file line for CBS exports: counts whose header matched as a CBS key without its topic
/// number (`WerkzamePersonen_2`), and columns of row numbers (`ID`), which are set apart.
#[cfg(feature = "full")]
fn cbs_notes(table: &Table, out: &mut Resolved, chosen: &[(usize, Option<Meaning>)]) {
    let keys: Vec<&str> = out
        .counts
        .iter()
        .filter(|(_, j)| !chosen.iter().any(|(k, _)| k == j))
        .filter_map(|(_, j)| table.columns.get(*j))
        .map(|c| c.name.as_str())
        .filter(|h| Count::from_cbs_key(h).is_some())
        .collect();
    if !keys.is_empty() {
        let list = keys.join(", ");
        out.notes.push((
            format!("Kolomnamen gelezen zonder het onderwerpnummer van CBS (_1, _2, ...): {list}"),
            format!("Column names read without the CBS topic number (_1, _2, ...): {list}"),
        ));
    }
    let mut counters = Vec::new();
    out.ignored.retain(|&j| {
        let counter = super::columns::is_row_counter(&table.columns[j]);
        if counter {
            counters.push(j);
        }
        !counter
    });
    if !counters.is_empty() {
        let list = counters
            .iter()
            .map(|&j| format!("'{}'", table.columns[j].name))
            .collect::<Vec<_>>()
            .join(", ");
        out.notes.push((
            format!("Kolom {list} overgeslagen: rijnummers, geen aantal en geen kenmerk van de rijen"),
            format!("Column {list} skipped: row numbers, not a count and not a characteristic of the rows"),
        ));
    }
    out.row_numbers = counters;
}

/// A file without a corrected register column but with a plain one ("personen
/// doelgroepregister", "aantal in doelgroepregister", "personen") uses the plain one as the
/// register, and says so; a header that says "niet gecorrigeerd" stays uncorrected.
fn promote_register(table: &Table, out: &mut Resolved) {
    if out
        .counts
        .iter()
        .any(|(c, _)| *c == Count::RegisterPersonsCorrected)
    {
        return;
    }
    for (c, j) in out.counts.iter_mut() {
        let header = table.columns.get(*j).map(|c| c.name.as_str()).unwrap_or("");
        let f = fold_header(header);
        let explicit =
            f.contains("niet") || f.contains("ongecorrigeerd") || f.contains("uncorrected");
        if *c == Count::RegisterPersonsUncorrected && !explicit {
            *c = Count::RegisterPersonsCorrected;
            out.notes.push((
                format!(
                    "'{header}' gebruikt als de personen in het doelgroepregister (het bestand heeft geen gecorrigeerde kolom)"
                ),
                format!(
                    "'{header}' used as the persons in the target group register (the file has no corrected column)"
                ),
            ));
            return;
        }
    }
}

/// [`promote_register`] for the Wajong register: a file with a plain Wajong register column
/// ("Wajong personen", "doelgroepregister Wajong") but no corrected one uses the plain one, as
/// the register of a long file's Wajong rows is, and says so (full core only: the built-in data
/// has the corrected column).
#[cfg(feature = "full")]
fn promote_wajong_register(table: &Table, out: &mut Resolved) {
    if out
        .counts
        .iter()
        .any(|(c, _)| *c == Count::RegisterWajongCorrected)
    {
        return;
    }
    for (c, j) in out.counts.iter_mut() {
        let header = table.columns.get(*j).map(|c| c.name.as_str()).unwrap_or("");
        let f = fold(header);
        let explicit =
            f.contains("niet") || f.contains("ongecorrigeerd") || f.contains("uncorrected");
        if *c == Count::RegisterWajongUncorrected && !explicit {
            *c = Count::RegisterWajongCorrected;
            out.notes.push((
                format!(
                    "'{header}' gebruikt als de Wajong-personen in het doelgroepregister (het bestand heeft geen gecorrigeerde kolom)"
                ),
                format!(
                    "'{header}' used as the Wajong persons in the target group register (the file has no corrected column)"
                ),
            ));
            return;
        }
    }
}

/// A header matched by name, for the mapping step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedColumn {
    pub header: String,
    pub column: &'static str,
}

/// A header that looks like a column of the regional shape without matching its names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub header: String,
    pub column: &'static str,
}

/// What the page needs for its mapping step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappingProposal {
    /// True when the table reads as regional data without a mapping (nothing required missing).
    pub complete: bool,
    /// Required columns (`region`, `year`, `register_persons_corrected`, `workers_total`) that no
    /// header matches.
    pub required_missing: Vec<&'static str>,
    /// Headers matched by name.
    pub matched: Vec<MatchedColumn>,
    /// Headers that match nothing (kept in the table, ignored by regional views).
    pub unmatched_headers: Vec<String>,
    /// For unmatched headers, the unmatched column they most resemble (required first).
    pub suggestions: Vec<Suggestion>,
    /// Every column a header can be mapped to.
    pub targets: Vec<Target>,
    /// How the page offers the mapping step when `complete` is false: `open` (two or more
    /// required columns recognised by name: the file looks regional), `closed` (offered, folded
    /// away), `none` (no column could hold the regions, or fewer than two columns of numbers:
    /// a table such as the gallery's examples, for the table views only).
    pub offer: &'static str,
    /// Why the table cannot be matched at all (two headers meaning the same column), if so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// `problem` in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem_en: Option<String>,
}

/// Matches the headers by name and proposes the rest. Never fails: a conflict is reported in
/// `problem` so the page can still offer the mapping step.
pub fn propose(table: &Table) -> MappingProposal {
    let headers: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
    let mut matched = Vec::new();
    // The columns no header matches, by index (a file of thousands of columns).
    let mut unmatched: Vec<usize> = Vec::new();
    let mut problem = None;
    let mut problem_en = None;
    let mut seen: Vec<Meaning> = Vec::new();
    for (j, h) in headers.iter().enumerate() {
        match Meaning::from_header(h) {
            Some(m) if seen.contains(&m) => {
                problem.get_or_insert(format!(
                    "Meer dan één kolom betekent '{}'; kies er één.",
                    m.name()
                ));
                problem_en.get_or_insert(format!(
                    "More than one column means '{}'; choose one.",
                    m.name()
                ));
                unmatched.push(j);
            }
            Some(m) => {
                seen.push(m);
                matched.push(MatchedColumn {
                    header: h.clone(),
                    column: m.name(),
                });
            }
            None => unmatched.push(j),
        }
    }
    let unmatched_headers: Vec<String> = unmatched.iter().map(|&j| headers[j].clone()).collect();
    // Whether each holds row numbers, asked once per column.
    let counters: Vec<bool> = unmatched.iter().map(|&j| row_counter(table, j)).collect();
    // As in reading: a plain register column is the register when no corrected one is there.
    let corrected = Count::RegisterPersonsCorrected.name();
    if !matched.iter().any(|m| m.column == corrected) {
        if let Some(m) = matched.iter_mut().find(|m| {
            let f = fold_header(&m.header);
            m.column == Count::RegisterPersonsUncorrected.name()
                && !(f.contains("niet")
                    || f.contains("ongecorrigeerd")
                    || f.contains("uncorrected"))
        }) {
            m.column = corrected;
        }
    }
    let all = targets();
    let required_missing: Vec<&'static str> = all
        .iter()
        .filter(|t| t.required && !matched.iter().any(|m| m.column == t.name))
        .map(|t| t.name)
        .collect();
    // Each open column (required first) takes the unmatched header most like it; the region
    // first the column whose values are labour-market regions (`Werkgebied`, `Naam`), as reading
    // takes it.
    let mut suggestions: Vec<Suggestion> = Vec::new();
    #[cfg(feature = "full")]
    if !matched.iter().any(|m| m.column == IdColumn::Region.name()) {
        if let Some(&j) = unmatched
            .iter()
            .find(|&&j| holds_region_codes(table, j) || region_names_in(table, j).is_some())
        {
            suggestions.push(Suggestion {
                header: headers[j].clone(),
                column: IdColumn::Region.name(),
            });
        }
    }
    let mut open: Vec<&Target> = all
        .iter()
        .filter(|t| !matched.iter().any(|m| m.column == t.name))
        .collect();
    crate::sort::sort_by_key(&mut open, |t| !t.required);
    open.retain(|t| !suggestions.iter().any(|s| s.column == t.name));
    for t in open {
        let best = unmatched_headers
            .iter()
            .zip(&counters)
            .filter(|(h, counter)| !**counter && !suggestions.iter().any(|s| s.header == **h))
            .map(|(h, _)| (similarity(h, t.name), h))
            .filter(|(s, _)| *s > 0.0)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, h)) = best {
            suggestions.push(Suggestion {
                header: h.clone(),
                column: t.name,
            });
        }
    }
    let region = IdColumn::Region.name();
    let regions_possible = matched.iter().any(|m| m.column == region)
        || unmatched.iter().zip(&counters).any(|(&j, counter)| {
            let c = &table.columns[j];
            !*counter && !c.has_number() && c.dictionary().len() >= 2
        });
    let numbers = table.columns.iter().filter(|c| c.has_number()).count();
    let recognised = all
        .iter()
        .filter(|t| t.required && matched.iter().any(|m| m.column == t.name))
        .count();
    let offer = if !regions_possible || numbers < 2 {
        "none"
    } else if recognised >= 2 {
        "open"
    } else {
        "closed"
    };
    MappingProposal {
        offer,
        complete: required_missing.is_empty() && problem.is_none(),
        required_missing,
        matched,
        unmatched_headers,
        suggestions,
        targets: all,
        problem,
        problem_en,
    }
}

/// Whether column `j` is a column of row numbers (`ID`), never proposed as a count (the full
/// core's only: the first core reads the built-in data).
fn row_counter(table: &Table, j: usize) -> bool {
    #[cfg(feature = "full")]
    if let Some(c) = table.columns.get(j) {
        return super::columns::is_row_counter(c);
    }
    let _ = (table, j);
    false
}

/// English words of the canonical names and their Dutch counterparts in headers.
fn dutch_word(w: &str) -> &str {
    match w {
        "register" => "doelgroepregister",
        "persons" => "personen",
        "workers" => "werkzame",
        "corrected" => "gecorrigeerd",
        "jobs" => "banen",
        "year" => "jaar",
        "region" => "regio",
        "indication" => "indicatie",
        "vacancies" => "vacatures",
        "other" => "overig",
        w => w,
    }
}

/// How much a header resembles a canonical column: shared words (a word of three letters or
/// more also matches a word it starts, so "werkz. pers." finds "werkzame personen") over all words.
fn similarity(header: &str, canonical: &str) -> f64 {
    let f = fold_header(header);
    let h: Vec<&str> = super::columns::word_key(&f);
    let names: Vec<String> = match Meaning::from_canonical(canonical) {
        Some(Meaning::Count(c)) => std::iter::once(c.name())
            .chain(c.dutch().iter().copied())
            .map(str::to_string)
            .collect(),
        Some(Meaning::Id(id)) => id.names().iter().map(|s| s.to_string()).collect(),
        None => return 0.0,
    };
    names
        .iter()
        .map(|n| {
            let t: Vec<&str> = n.split('_').map(dutch_word).collect();
            let shared = h
                .iter()
                .filter(|w| {
                    t.iter()
                        .any(|x| x == *w || (w.len() >= 3 && x.starts_with(*w)))
                })
                .count();
            shared as f64 / (h.len() + t.len() - shared).max(1) as f64
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_target_has_an_english_label() {
        for t in super::targets() {
            assert!(
                !t.label_en.is_empty() && t.label_en != t.label,
                "{}",
                t.name
            );
            for w in ["personen", "werkzame", "doelgroep", "jaar", "gecorrigeerd"] {
                assert!(!t.label_en.contains(w), "{}: {}", t.name, t.label_en);
            }
        }
    }

    use super::*;
    use crate::compute::regional::RegionalData;
    use crate::table;

    fn t(s: &str) -> Table {
        table::load("t.csv", s.as_bytes()).unwrap()
    }

    #[test]
    fn proposal_names_missing_columns_and_suggests_headers() {
        let p = propose(&t(
            "Arbeidsmarktregio;Jaar;Werkz. pers.;Pers. doelgroepreg. gecorr.;Opmerking\nA;2015;5;10;\n",
        ));
        assert!(!p.complete);
        assert_eq!(
            p.required_missing,
            ["register_persons_corrected", "workers_total"]
        );
        assert_eq!(
            p.unmatched_headers,
            ["Werkz. pers.", "Pers. doelgroepreg. gecorr.", "Opmerking"]
        );
        let s: Vec<(&str, &str)> = p
            .suggestions
            .iter()
            .map(|s| (s.header.as_str(), s.column))
            .collect();
        assert_eq!(
            &s[..2],
            [
                ("Pers. doelgroepreg. gecorr.", "register_persons_corrected"),
                ("Werkz. pers.", "workers_total")
            ]
        );
        assert_eq!(p.targets.len(), IdColumn::ALL.len() + Count::ALL.len());
    }

    #[test]
    fn a_plain_register_column_counts_as_the_register() {
        let p = propose(&t("regio;jaar;personen;uitstroom\nA;2015;10;5\n"));
        assert_eq!(p.required_missing, ["workers_total"]);
        assert!(p
            .matched
            .iter()
            .any(|m| m.header == "personen" && m.column == "register_persons_corrected"));
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_column_of_region_names_is_the_region_whatever_its_header() {
        let rows = "Werkgebied;jaar;werkzame personen;personen doelgroepregister\n\
                    Achterhoek;2015;5;10\nTwente;2015;6;12\nRijk van Nijmegen;2015;7;14\n\
                    Nederland;2015;18;36\n";
        let d = RegionalData::from_table(&t(rows)).unwrap();
        assert_eq!(d.regions, ["Achterhoek", "Rijk van Nijmegen", "Twente"]);
        assert_eq!(d.national(2015, Count::WorkersTotal), Some(18.0));
        assert!(
            d.notes
                .iter()
                .any(|n| n
                    .contains("Kolom 'Werkgebied' gelezen als de arbeidsmarktregio: 3 van de 3")),
            "{:?}",
            d.notes
        );
        // Municipalities, a few of them named like a region, are not regions.
        let rows = "Gemeente;jaar;werkzame personen;personen doelgroepregister\n\
                    Amersfoort;2015;5;10\nGroningen;2015;6;12\nEde;2015;7;14\nOss;2015;1;2\n\
                    Delft;2015;1;2\nLeiden;2015;1;2\n";
        let e = RegionalData::from_table(&t(rows)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::MissingColumn);
    }

    #[test]
    fn mapping_makes_a_table_readable() {
        let table = t("Gebied;Periode;W;R;Opmerking\nA;2015;5;10;x\nB;2015;6;12;\n");
        let e = RegionalData::from_table(&table).unwrap_err();
        assert_eq!(e.kind, ErrorKind::MissingColumn);
        let d = RegionalData::from_table_with_mapping(
            &table,
            &[
                ("Gebied", "region"),
                ("W", "workers_total"),
                ("R", "register_persons_corrected"),
                ("Opmerking", ""),
            ],
        )
        .unwrap();
        assert_eq!(d.regions, ["A", "B"]);
        assert_eq!(d.national(2015, Count::WorkersTotal), Some(11.0));
        assert!(
            d.notes
                .iter()
                .any(|n| n.contains("'W' als werkzame personen, ")),
            "{:?}",
            d.notes
        );
        assert!(
            d.notes_en
                .iter()
                .any(|n| n.contains("'Opmerking' not used")),
            "{:?}",
            d.notes_en
        );
    }

    #[test]
    fn mapping_errors_name_the_column() {
        let table = t("regio;jaar;W;R\nA;2015;5;10\n");
        let e =
            RegionalData::from_table_with_mapping(&table, &[("X", "workers_total")]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownColumn);
        assert_eq!(e.location.unwrap().column.as_deref(), Some("X"));
        let e = RegionalData::from_table_with_mapping(&table, &[("W", "werkenden")]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownColumn);
        let e = RegionalData::from_table_with_mapping(
            &table,
            &[("W", "workers_total"), ("R", "workers_total")],
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Duplicate);
        assert_eq!(e.location.unwrap().column.as_deref(), Some("R"));
    }

    #[cfg(feature = "full")]
    #[test]
    fn the_region_is_proposed_by_its_values_when_its_header_names_none() {
        // `Kolom B` holds regions, `Kolom A` text that is none; the similarity of the names
        // would propose neither (or the wrong one).
        let csv = "Kolom A;Kolom B;periode;x;y\nnoord;Achterhoek;2015;10;5\nzuid;Twente;2015;12;6\nwest;Rijnmond;2015;9;4\n";
        let p = propose(&t(csv));
        let region: Vec<&str> = p
            .suggestions
            .iter()
            .filter(|s| s.column == "region")
            .map(|s| s.header.as_str())
            .collect();
        assert_eq!(region, ["Kolom B"], "{p:?}");
    }

    #[test]
    fn a_cbs_export_matches_by_name_and_its_row_counter_is_never_proposed() {
        let cbs =
            "ID;RegioS;Perioden;PersonenInDoelgroepregister_1;WerkzamePersonen_2;Opmerking_3\n\
                   0;Achterhoek;2015JJ00;10;5;\n1;Twente;2015JJ00;12;6;\n";
        let p = propose(&t(cbs));
        assert!(p.complete, "{p:?}");
        let matched: Vec<(&str, &str)> = p
            .matched
            .iter()
            .map(|m| (m.header.as_str(), m.column))
            .collect();
        assert_eq!(
            matched,
            [
                ("RegioS", "region"),
                ("Perioden", "year"),
                (
                    "PersonenInDoelgroepregister_1",
                    "register_persons_corrected"
                ),
                ("WerkzamePersonen_2", "workers_total"),
            ]
        );
        // A row counter is never offered for a column (`row_id` resembles `row_type`), a column
        // of the same name that is no counter is.
        let p = propose(&t("row_id;RegioS;Perioden;W\n0;A;2015;5\n1;B;2015;6\n"));
        assert!(p.suggestions.iter().all(|s| s.header != "row_id"), "{p:?}");
        let p = propose(&t("row_id;RegioS;Perioden;W\n0;A;2015;5\n0;B;2015;6\n"));
        assert!(
            p.suggestions
                .iter()
                .any(|s| s.header == "row_id" && s.column == "row_type"),
            "{p:?}"
        );
        let d = RegionalData::from_table(&t(cbs)).unwrap();
        assert!(d.notes.iter().any(|n| n.contains("'ID' overgeslagen")));
        // A column the user maps is the user's: no note on its topic number.
        let d = RegionalData::from_table_with_mapping(
            &t(cbs),
            &[("WerkzamePersonen_2", "workers_total")],
        )
        .unwrap();
        let note = d
            .notes
            .iter()
            .find(|n| n.contains("onderwerpnummer"))
            .unwrap();
        assert!(!note.contains("WerkzamePersonen_2"), "{note}");
        assert_eq!(d.get("Twente", 2015, Count::WorkersTotal), Some(6.0));
    }

    #[test]
    fn user_choice_wins_over_a_name_match() {
        let table =
            t("regio;jaar;werkzame personen;W2;register_persons_corrected\nA;2015;5;7;10\n");
        let d = RegionalData::from_table_with_mapping(&table, &[("W2", "workers_total")]).unwrap();
        assert_eq!(d.get("A", 2015, Count::WorkersTotal), Some(7.0));
        assert!(d
            .notes
            .iter()
            .any(|n| n.contains("'werkzame personen' niet gebruikt")));
    }

    #[cfg(feature = "full")]
    #[test]
    fn region_numbers_are_those_of_each_editions_codes() {
        // Checked against the codes of every built-in edition of the division.
        for e in crate::geo::editions() {
            let b = crate::geo::bundled::boundaries(e).unwrap();
            let codes: Vec<u32> = b
                .regions
                .iter()
                .filter_map(|r| r.code.strip_prefix("AM")?.parse().ok())
                .collect();
            for n in 0..100 {
                assert_eq!(region_number_in(n, e), codes.contains(&n), "{n} in {e}");
            }
        }
        assert!(region_number_in(4, 2010) && !region_number_in(36, 2010));
        assert!(region_number_in(38, 2030) && !region_number_in(31, 2030));
    }

    #[cfg(feature = "full")]
    #[test]
    fn headers_that_name_region_numbers() {
        for h in [
            "regio",
            "arbeidsmarktregio_nr",
            "Arbeidsmarktregio (nummer)",
            "AMR nummer",
            "amr_code",
            "regionummer",
            "RegioNr",
            "nr_regio",
            "region_id",
            "Regio's",
        ] {
            assert!(names_region_numbers(h), "{h}");
        }
        for h in [
            "nr",
            "aantal",
            "regionaal_aantal",
            "werkzame_personen",
            "jaar",
            "id",
        ] {
            assert!(!names_region_numbers(h), "{h}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn region_numbers_read_as_the_regions_of_their_year() {
        let text = "arbeidsmarktregio_nr;jaar;personen;werkzaam\n9;2015;10;5\n04;2015;20;8\n36;2017;21;9\n38;2017;1;1\nLandelijk;2017;52;15\n";
        let table = t(text);
        let read = region_numbers_as_codes(&table, None).unwrap().unwrap();
        let col = &read.columns[0];
        let got: Vec<String> = (0..read.len())
            .map(|i| col.get(i).to_value().as_text().unwrap_or_default())
            .collect();
        assert_eq!(got, ["AM09", "AM04", "AM36", "AM38", "Landelijk"]);
        assert!(read.detected.notes.iter().any(|n| n.starts_with("Regio's gelezen uit hun nummer in kolom 'arbeidsmarktregio_nr': het nummer van hun code in de officiële indeling van 2015 tot en met 2017 (9 = AM09 Achterhoek). De nummering is veranderd")), "{:?}", read.detected.notes);
        assert_eq!(read.detected.notes.len(), read.detected.notes_en.len());
        // AM04 (2015) and AM36 (2017) are one region.
        let d = RegionalData::from_table(&read).unwrap();
        let names: Vec<&str> = d.regions.iter().map(String::as_str).collect();
        assert!(
            names.contains(&"IJsselvechtstreek (Regio Zwolle)"),
            "{names:?}"
        );
        assert!(!names
            .iter()
            .any(|n| n.starts_with(|c: char| c.is_ascii_digit())));
    }

    #[cfg(feature = "full")]
    #[test]
    fn numbers_that_are_no_region_of_their_year_are_errors_naming_number_and_row() {
        for (text, shown, row) in [
            // 4 had become 36 in 2017.
            (
                "regio;jaar;personen\n9;2017;1\n4;2017;2\n",
                "4 (rij 3) is geen nummer van een arbeidsmarktregio in 2017",
                3,
            ),
            // Beyond the numbering: a count.
            (
                "regio;jaar;personen\n9;2017;1\n4099;2017;2\n",
                "4099 (rij 3)",
                3,
            ),
            ("regio;jaar;personen\n0;2017;1\n", "0 (rij 2)", 2),
            ("regio;jaar;personen\n9.5;2017;1\n", "9.5 (rij 2)", 2),
        ] {
            let e = region_numbers_as_codes(&t(text), None).unwrap_err();
            assert_eq!(e.kind, ErrorKind::BadValue);
            assert!(
                e.message
                    .starts_with("Kolom 'regio' geeft de regio's als getal, maar ")
                    && e.message.contains(shown)
                    && e.message
                        .contains("Geef de regio's met hun naam (Achterhoek) of code (AM09)"),
                "{text}: {}",
                e.message
            );
            assert!(e
                .text_in(crate::format::Lang::En)
                .contains("Give the regions by their name"));
            let at = e.location.unwrap();
            assert_eq!((at.row, at.column.as_deref()), (Some(row), Some("regio")));
        }
        // Numbers of 2015 only under a header naming the region, not its code: the official
        // numbering is not told from one by the alphabet (SPSS's AUTORECODE: 1 = Achterhoek).
        for text in [
            "regio;jaar;personen\n9;2015;1\n1;2015;2\n",
            "regio;personen\n9;1\n",
        ] {
            let e = region_numbers_as_codes(&t(text), None).unwrap_err();
            assert!(
                e.message.contains("nummering op alfabet") && e.message.contains("'amr_code'"),
                "{text}: {}",
                e.message
            );
            assert_eq!(e.location.unwrap().row, Some(2), "{text}");
        }
        // Under a header naming the code, or with the numbering of 2016 on, they are read.
        for text in [
            "amr_code;jaar;personen\n9;2015;1\n1;2015;2\n",
            "AM-nummer;jaar;personen\n9;2015;1\n",
            "regio;jaar;personen\n9;2015;1\n36;2016;2\n",
        ] {
            assert!(
                region_numbers_as_codes(&t(text), None).unwrap().is_some(),
                "{text}"
            );
        }
        for text in [
            // A count whose header names no region.
            "aantal;jaar;personen\n9;2017;1\n",
            // Names, or codes (read as they were).
            "regio;jaar;personen\nTwente;2017;1\n",
            "regio;jaar;personen\nAM05;2017;1\n",
            // A region column beside the numbers.
            "regio_nr;regio;jaar;personen\n5;Twente;2017;1\n",
        ] {
            assert!(
                region_numbers_as_codes(&t(text), None).unwrap().is_none(),
                "{text}"
            );
        }
    }
}
