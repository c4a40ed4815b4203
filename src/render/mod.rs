//! The render layer: from a loaded [`Dataset`] and a [`ViewSpec`] to everything a view shows
//! ([`Rendered`]): it computes the view data ([`crate::compute`]), writes the texts (titles,
//! readings, notes, table headers), draws the chart ([`crate::chart`]) and completes the view
//! description. Also the catalogue of views a dataset supports and the report.

pub mod adjust;
pub mod basics;
pub mod catalog;
pub mod compare;
pub mod convergence;
pub mod decomposition;
pub mod map;
pub mod profile;
pub mod ranking;
pub mod report;
pub mod scatter;
pub mod texts;
pub mod tidy;
pub mod tidy_catalog;
pub mod trend;

use crate::chart::{self, Hit};
use crate::compute::regional::RegionalData;
pub use crate::data::DataTable;
use crate::error::{Error, ErrorKind, Result};
use crate::format::Lang;
use crate::geo::Boundaries;
use crate::spec::Period;
pub use crate::spec::{self, View, ViewSpec};
use crate::table::{self, Detected, Table};
use serde::Serialize;

/// A loaded file: the table, and the regional reading of it when it has the regional shape.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub table: Table,
    pub regional: Option<RegionalData>,
    /// Why the table is not read as regional data, when it looks like it should be.
    pub regional_error: Option<Error>,
    /// Boundary editions loaded for the map (the page hands them over when a map is opened;
    /// natively every edition is built in, see [`Dataset::boundaries`]).
    pub boundaries: Vec<std::sync::Arc<Boundaries>>,
    /// The column roles per language, detected once (a million-row table takes a while).
    roles_cache: std::cell::RefCell<Vec<(Lang, crate::data::Roles)>>,
    /// The table views the data supports (the same in every language), worked out once: each
    /// is computed with its defaults to see that it can be drawn.
    pub(crate) tidy_views_cache: std::cell::OnceCell<Vec<&'static str>>,
    /// Whether this is the built-in data or a bundled example, opened as such (not a user's
    /// file of the same name): only then is the source line the publication's.
    pub(crate) published: bool,
}

impl Dataset {
    /// Reads file bytes into a dataset. Errors name file, row and column.
    pub fn load(name: &str, bytes: &[u8]) -> Result<Dataset> {
        let table = table::load(name, bytes)?;
        Dataset::from_table(table)
    }

    /// [`Dataset::load`], telling `progress(done, total)` how far the file is read (see
    /// [`table::load_with`]).
    pub fn load_with(
        name: &str,
        bytes: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Dataset> {
        let table = table::load_with(name, bytes, progress)?;
        Dataset::from_table(table)
    }

    /// [`Dataset::load_with`] from a [`table::source::Source`]: a CSV file is read a piece at a
    /// time and never held whole (see [`table::load_from`]).
    pub fn load_from(
        name: &str,
        source: &mut dyn table::source::Source,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Dataset> {
        let table = table::load_from(name, source, progress)?;
        Dataset::from_table(table)
    }

    pub fn from_table(table: Table) -> Result<Dataset> {
        // CBS OData v4 observations (one row per measure in `Measure`, its number in `Value`):
        // one column per measure, said so; a measure given twice is an error.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::melt::observations_as_columns(&table)?.unwrap_or(table);
        // Region and period labels written once per block (a spreadsheet's outline): the value
        // above, said so.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::melt::outline_labels_filled(&table).unwrap_or(table);
        // One row per measure and one column per subgroup (a spreadsheet's pivot table): the
        // long table, said so; a measure given twice is an error.
        #[cfg(feature = "full")]
        let table =
            crate::compute::tidy::melt::measure_rows_and_subgroup_columns(&table)?.unwrap_or(table);
        // Shares written as fractions (0.569): percentages, said so.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::melt::fractions_as_percentages(&table).unwrap_or(table);
        // One column per period (a published table's layout): the long table, said so.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::melt::periods_as_rows(&table).unwrap_or(table);
        // One column per measure and period (`personen 2015;werkzaam 2015;...`): the same.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::melt::measures_by_period_as_rows(&table).unwrap_or(table);
        // One row per measure, named in a column beside one column of numbers (`Onderwerp;
        // Waarde`, also as the periods' columns above leave it): one column per measure, said so,
        // when that gives regional data. (A table the tidy views read keeps its shape: its
        // lines per measure, and the view descriptions written for it, `y=waarde&series=...`.)
        #[cfg(feature = "full")]
        let table = match crate::compute::tidy::melt::measure_column_as_columns(&table) {
            Some(t) if RegionalData::matches(&t) => t,
            _ => table,
        };
        // One column per category of one dimension (hours bands, age bands, subgroups, sexes,
        // shares adding up to 100 or counts to a total column per row): the long table, said so.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::crosstab::categories_as_rows(&table).unwrap_or(table);
        // A year and a quarter or month column: one period column, said so.
        #[cfg(feature = "full")]
        let table = crate::compute::tidy::melt::year_and_part_as_period(&table).unwrap_or(table);
        // Weeks and fiscal years: categories, not periods, said so.
        #[cfg(feature = "full")]
        let table = {
            let mut table = table;
            crate::compute::tidy::roles::note_unread_periods(&mut table);
            // Excel's error values: missing in a table of the tidy views; in a regional file
            // text, so a count it needs names the cell in its error.
            let regional = RegionalData::matches(&table);
            table.read_excel_errors(!regional);
            table
        };
        // Regions given by their number (`9`, `09`: AM09 in the year's division), said so; a
        // number that is no region of its year is the regional reading's error.
        #[cfg(feature = "full")]
        let (table, numbers_error) =
            match crate::compute::regional::mapping::region_numbers_as_codes(&table, None) {
                Ok(read) => (read.unwrap_or(table), None),
                Err(e) => (table, Some(e)),
            };
        // Read once: the error is kept to explain why a view needs regional data.
        let (regional, roles) = regional_and_roles(&table);
        #[cfg(feature = "full")]
        let regional = match numbers_error {
            Some(e) => Err(e),
            None => regional,
        };
        let roles_cache = std::cell::RefCell::new(roles.into_iter().collect());
        match regional {
            Ok(regional) => Ok(Dataset {
                #[cfg(feature = "full")]
                table: Table {
                    totals: regional.totals_by_sums.clone(),
                    ..table
                },
                #[cfg(not(feature = "full"))]
                table,
                regional: Some(regional),
                regional_error: None,
                boundaries: Vec::new(),
                roles_cache,
                tidy_views_cache: Default::default(),
                published: false,
            }),
            // A file that has the regional columns must read cleanly: errors are the user's to fix.
            Err(e) if RegionalData::matches(&table) => Err(e),
            Err(e) => {
                // Subtotals no word names, told by their sums per region and period (the
                // regional reading tells them for its own files).
                // (The roles do not read the totals: detected once, kept for the views.)
                #[cfg(feature = "full")]
                let table = {
                    let mut table = table;
                    if roles_cache.borrow().is_empty() {
                        let roles = crate::data::Roles::detect_in(&table, Lang::Nl);
                        roles_cache.borrow_mut().push((Lang::Nl, roles));
                    }
                    if let Some((_, roles)) = roles_cache.borrow().first() {
                        table.totals = crate::compute::regional::totals_by_sums_in(&table, roles);
                    }
                    table
                };
                Ok(Dataset {
                    table,
                    regional: None,
                    regional_error: Some(e),
                    boundaries: Vec::new(),
                    roles_cache,
                    tidy_views_cache: Default::default(),
                    published: false,
                })
            }
        }
    }

    /// The table read as regional data with the user's column mapping, `(file header, canonical
    /// name)` pairs: the page's mapping step when [`DatasetInfo::mapping`] is not complete.
    pub fn with_mapping<S: AsRef<str>>(table: Table, mapping: &[(S, S)]) -> Result<Dataset> {
        // The column mapped to `region` holding region numbers: read as in `from_table`.
        #[cfg(feature = "full")]
        let table = match crate::compute::regional::mapping::mapped_region(&table, mapping) {
            Some(j) => crate::compute::regional::mapping::region_numbers_as_codes(&table, Some(j))?
                .unwrap_or(table),
            None => table,
        };
        let regional = RegionalData::from_table_with_mapping(&table, mapping)?;
        Ok(Dataset {
            #[cfg(feature = "full")]
            table: Table {
                totals: regional.totals_by_sums.clone(),
                ..table
            },
            #[cfg(not(feature = "full"))]
            table,
            regional: Some(regional),
            regional_error: None,
            boundaries: Vec::new(),
            roles_cache: Default::default(),
            tidy_views_cache: Default::default(),
            published: false,
        })
    }

    /// Keeps the boundaries of an edition for the maps of this dataset (replacing the same
    /// edition loaded before).
    pub fn set_boundaries(&mut self, b: Boundaries) {
        self.boundaries.retain(|x| x.edition != b.edition);
        self.boundaries.push(std::sync::Arc::new(b));
    }

    /// The boundaries of `edition`: those handed over with [`Dataset::set_boundaries`], else
    /// (natively) the built-in ones. In the browser an edition not handed over yet is an
    /// [`ErrorKind::NeedsBoundaries`] error naming it, so the page can fetch it and retry.
    pub fn boundaries(&self, edition: i32) -> Result<std::sync::Arc<Boundaries>> {
        if let Some(b) = self.boundaries.iter().find(|b| b.edition == edition) {
            return Ok(b.clone());
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            crate::geo::bundled::boundaries(edition).map(std::sync::Arc::new)
        }
        #[cfg(target_arch = "wasm32")]
        {
            Err(Error::needs_boundaries(edition))
        }
    }

    /// The embedded default dataset.
    pub fn default_data() -> Result<Dataset> {
        let mut ds = Dataset::load(crate::DEFAULT_DATA_NAME, crate::DEFAULT_DATA)?;
        ds.published = true;
        Ok(ds)
    }

    /// A bundled example table ([`crate::EXAMPLES`]) opened as such: its source line is the
    /// publication's.
    pub fn example(ex: &crate::Example) -> Result<Dataset> {
        let mut ds = Dataset::load(ex.file, ex.bytes)?;
        ds.published = true;
        Ok(ds)
    }

    /// What was detected and remarked while loading, for the page and the CLI.
    pub fn info(&self) -> DatasetInfo {
        self.info_in(Lang::Nl)
    }

    /// [`Dataset::info`] with the column roles (labels, reasons) and the note on total rows in
    /// `lang`.
    pub fn info_in(&self, lang: Lang) -> DatasetInfo {
        // Roles drive the tidy views only; a regional file is read by its named columns.
        let roles = if self.regional.as_ref().is_some_and(|r| !r.fine) {
            crate::data::Roles {
                columns: Vec::new(),
            }
        } else {
            self.roles_in(lang)
        };
        let mut notes = self.table.detected.notes_in(lang);
        if let Some(r) = &self.regional {
            match lang {
                Lang::Nl => notes.extend(r.notes.iter().cloned()),
                Lang::En => notes.extend(r.notes_en.iter().cloned()),
            }
        } else {
            #[cfg(feature = "full")]
            notes.extend(crate::compute::tidy::aggregate::totals_note(
                &self.table,
                &roles,
                lang,
            ));
            #[cfg(feature = "full")]
            notes.extend(crate::compute::tidy::aggregate::short_years_note(
                &self.table,
                &roles,
                lang,
            ));
            #[cfg(feature = "full")]
            notes.extend(crate::compute::tidy::aggregate::roman_note(
                &self.table,
                &roles,
                lang,
            ));
        }
        DatasetInfo {
            file: self.table.source.clone(),
            detected: self.table.detected.clone(),
            summary: self.table.detected.summary_in(lang),
            columns: self
                .table
                .columns
                .iter()
                .map(|c| ColumnInfo {
                    name: c.name.clone(),
                    kind: c.kind(),
                })
                .collect(),
            roles,
            regional: self.regional.as_ref().map(|r| RegionalInfo {
                regions: r.regions.len(),
                years: r.years.clone(),
                national_from_file: r.national_from_file,
                #[cfg(feature = "full")]
                line: regional_line(r, lang),
            }),
            notes,
            // The first core has only the built-in regional data: nothing to map.
            #[cfg(feature = "full")]
            mapping: self
                .regional
                .is_none()
                .then(|| crate::compute::regional::propose_mapping(&self.table)),
            #[cfg(not(feature = "full"))]
            mapping: None,
        }
    }

    /// The regional reading of the file, or why a regional view cannot be drawn (in `lang`).
    fn regional(&self, lang: Lang) -> Result<&RegionalData> {
        match (&self.regional, &self.regional_error, lang) {
            (Some(r), _, _) => Ok(r),
            (None, Some(e), Lang::Nl) => Err(Error::new(
                ErrorKind::NotAvailable,
                format!("Deze weergave vraagt regionale gegevens. {}", e.message),
            )
            .at(e.location.clone().unwrap_or_default())),
            // The reading of the file says why in English too.
            (None, Some(e), Lang::En) => {
                let column = e.location.as_ref().and_then(|l| l.column.as_deref());
                let message = match (e.kind, column, &e.message_en) {
                    (_, _, Some(why)) => format!("This view needs regional data. {why}"),
                    (ErrorKind::MissingColumn, Some(c), None) => format!(
                        "This view needs regional data (region, year, counts): the column '{c}' is missing."
                    ),
                    _ => "This view needs regional data (region, year, counts); the file cannot be read as such.".to_string(),
                };
                Err(Error::new(ErrorKind::NotAvailable, message)
                    .at(e.location.clone().unwrap_or_default()))
            }
            (None, None, _) => Err(Error::not_available(crate::format::t(
                lang,
                "Deze weergave vraagt regionale gegevens (regio, jaar, aantallen).",
                "This view needs regional data (region, year, counts).",
            ))),
        }
    }

    /// The view shown when a description names none.
    pub fn natural_view(&self) -> Result<View> {
        if self.regional.is_some() {
            return Ok(View::Scatter(spec::ScatterSpec {
                subgroup: crate::spec::Subgroup::Total,
                from: None,
                to: None,
                x: spec::ScatterX::Share,
            }));
        }
        self.natural_view_with(&[], Lang::Nl)
    }

    /// The natural view of a tidy table, with the user's role overrides (`roles=`); why there
    /// is none is said in `lang`.
    pub fn natural_view_with(
        &self,
        roles: &[(String, crate::spec::Role)],
        lang: Lang,
    ) -> Result<View> {
        if self.regional.is_some() {
            return self.natural_view();
        }
        #[cfg(not(feature = "full"))]
        if self.regional.is_none() {
            let _ = roles;
            return Err(Error::needs_full_core("tabelweergave"));
        }
        if roles.is_empty() {
            return crate::compute::tidy::natural_view_from(
                &self.table,
                &self.roles_in(lang),
                lang,
            );
        }
        crate::compute::tidy::natural_view(&self.table, roles, lang)
    }

    /// The detected roles of the table's columns (shown in the page, changed with `roles=`).
    pub fn roles(&self) -> crate::data::Roles {
        self.roles_in(Lang::Nl)
    }

    /// The languages whose column roles are detected already.
    pub fn roles_at_hand(&self) -> Vec<Lang> {
        self.roles_cache.borrow().iter().map(|(l, _)| *l).collect()
    }

    /// [`Dataset::roles`] with labels and reasons in `lang`; detected once per language.
    pub fn roles_in(&self, lang: Lang) -> crate::data::Roles {
        if let Some((_, r)) = self.roles_cache.borrow().iter().find(|(l, _)| *l == lang) {
            return r.clone();
        }
        // The share check (costly on a long file) is the same in every language: taken over
        // from roles detected before in the other language.
        #[cfg(not(feature = "full"))]
        {
            // The first core has only the built-in regional data, read by its named columns.
            crate::data::Roles {
                columns: Vec::new(),
            }
        }
        #[cfg(feature = "full")]
        {
            let known = self.roles_cache.borrow().first().map(|(_, r)| r.clone());
            let r = match known {
                Some(k) => crate::data::Roles::detect_like(&self.table, lang, &k),
                None => crate::data::Roles::detect_in(&self.table, lang),
            };
            self.roles_cache.borrow_mut().push((lang, r.clone()));
            r
        }
    }
}

/// Rows from which the column roles are detected beside the regional reading (natively).
#[cfg(all(feature = "full", not(target_arch = "wasm32")))]
const ROLES_ALONGSIDE_FROM: usize = 100_000;

/// The table's regional reading; natively, on a long table with two cores, also its column
/// roles in Dutch, detected on a second thread meanwhile (both only read the table: the roles
/// are the ones [`Dataset::roles_in`] would detect, ready before they are asked for).
fn regional_and_roles(table: &Table) -> (Result<RegionalData>, Option<(Lang, crate::data::Roles)>) {
    #[cfg(all(feature = "full", not(target_arch = "wasm32")))]
    if table.len() >= ROLES_ALONGSIDE_FROM
        && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
    {
        return std::thread::scope(|s| {
            let roles = s.spawn(|| crate::data::Roles::detect_in(table, Lang::Nl));
            let regional = RegionalData::from_table(table);
            (regional, roles.join().ok().map(|r| (Lang::Nl, r)))
        });
    }
    (RegionalData::from_table(table), None)
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnInfo {
    pub name: String,
    pub kind: table::ColumnKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionalInfo {
    pub regions: usize,
    pub years: Vec<crate::spec::Period>,
    pub national_from_file: bool,
    /// The regions and periods in words, for the file line: `35 regio’s, jaren 2015, 2016,
    /// 2017`, `6 regio’s, kwartalen 2019 K1 tot en met 2021 K4 (12)`.
    #[cfg(feature = "full")]
    pub line: String,
}

/// [`RegionalInfo::line`] in `lang`: up to six periods listed, more as the first and the last
/// with how many, each as the page shows it (`2019 K1`, never `2019KW01`).
#[cfg(feature = "full")]
fn regional_line(r: &RegionalData, lang: Lang) -> String {
    let n = r.regions.len();
    let en = lang == Lang::En;
    let regions = match (en, n) {
        (false, 1) => "1 regio".to_string(),
        (false, _) => format!("{n} regio’s"),
        (true, 1) => "1 region".to_string(),
        (true, _) => format!("{n} regions"),
    };
    let grain = if en {
        crate::compute::regional::grain_en(r.grain)
    } else {
        r.grain.label()
    };
    let labels: Vec<String> = r.years.iter().map(|p| p.label_in(lang)).collect();
    let periods = match (labels.first(), labels.last()) {
        (Some(first), Some(last)) if labels.len() > 6 => format!(
            "{first} {} {last} ({})",
            if en { "to" } else { "tot en met" },
            labels.len()
        ),
        _ => labels.join(", "),
    };
    format!("{regions}, {grain} {periods}")
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetInfo {
    pub file: String,
    pub detected: Detected,
    pub summary: String,
    pub columns: Vec<ColumnInfo>,
    /// The role of each column (time, category, percent, n, ...), for the tidy views.
    pub roles: crate::data::Roles,
    pub regional: Option<RegionalInfo>,
    pub notes: Vec<String>,
    /// When the file is not read as regional data: matched and missing columns and suggestions
    /// for the page's column-mapping step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<crate::compute::regional::MappingProposal>,
}

/// Everything the page, an embed or the CLI shows for one view.
#[derive(Debug, Clone, Serialize)]
pub struct Rendered {
    /// The view description, completed with the defaults that were used.
    pub spec: String,
    pub view: String,
    pub title: String,
    pub subtitle: String,
    pub source: String,
    /// The reading of the chart in the view's language: what is plotted, the trend, the outliers.
    pub summary: String,
    /// The view's numbers (the JSON contract of the view).
    pub data: serde_json::Value,
    pub table: DataTable,
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// The chart's focusable targets, in the order a keyboard steps through them
    /// ([`chart::in_reading_order`]).
    pub hits: Vec<Hit>,
    pub notes: Vec<String>,
    /// Settings the core changed because the chosen combination does not fit the data, each a
    /// sentence saying what changed and why (empty when the description was used as given).
    pub changes: Vec<String>,
}

/// The texts around a chart.
pub struct Texts {
    pub title: String,
    pub subtitle: String,
    pub source: String,
    pub summary: String,
}

impl Rendered {
    /// Puts a view's parts together; every view but the report (several charts) ends here.
    pub fn assemble(
        view: &str,
        spec: String,
        texts: Texts,
        data: serde_json::Value,
        table: DataTable,
        chart: chart::Chart,
        notes: Vec<String>,
    ) -> Rendered {
        Rendered {
            spec,
            view: view.to_string(),
            title: texts.title,
            subtitle: texts.subtitle,
            source: texts.source,
            summary: texts.summary,
            data,
            table,
            svg: chart.svg,
            width: chart.width,
            height: chart.height,
            hits: chart::in_reading_order(chart.hits),
            notes,
            changes: Vec::new(),
        }
    }
}

/// The grain of a view's periods (years when it has none): "per jaar", "per kwartaal", ... in
/// its texts.
pub(crate) fn grain_of(periods: &[crate::spec::Period]) -> crate::spec::period::Grain {
    periods
        .first()
        .map_or(crate::spec::period::Grain::Year, |p| p.grain())
}

fn to_json<T: Serialize>(v: &T) -> Result<serde_json::Value> {
    serde_json::to_value(v).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("Interne fout bij omzetten naar JSON: {e}"),
        )
    })
}

/// Renders a view description against a dataset.
/// The `from` and `to` a view was given, as the file's periods drawn (`2016` is `2016K4` in a
/// file of quarters): the first and the last of `periods`. Keys not given stay unwritten.
pub(crate) fn period_bounds(
    from: Option<Period>,
    to: Option<Period>,
    periods: &[Period],
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let (Some(_), Some(p)) = (from, periods.first()) {
        out.push(("from", p.to_string()));
    }
    if let (Some(_), Some(p)) = (to, periods.last()) {
        out.push(("to", p.to_string()));
    }
    out
}

pub fn render(ds: &Dataset, spec: &ViewSpec) -> Result<Rendered> {
    let view = match &spec.view {
        Some(v) => v.clone(),
        None => ds.natural_view_with(&spec.roles, spec.lang)?,
    };
    // The page's first core draws the built-in data's first view (the scatterplot) only; the
    // full core draws the others (the page loads it and asks again).
    #[cfg(not(feature = "full"))]
    return match &view {
        View::Scatter(s) => scatter::render_scatter(ds, s, spec),
        _ => Err(Error::needs_full_core(view.name())),
    };
    #[cfg(feature = "full")]
    let mut r = match &view {
        View::Scatter(s) => scatter::render_scatter(ds, s, spec),
        View::Ranking(s) if s.scale == spec::ValueScale::Absolute => {
            compare::render_levels(ds, s, spec)
        }
        View::Ranking(s) => ranking::render(ds, s, spec),
        View::Decomposition(s) => decomposition::render(ds, s.from, s.to, spec),
        View::Trend(s) => trend::render(ds, s, spec),
        View::Convergence(s) => convergence::render(ds, s, spec),
        View::Basics(s) => basics::render(ds, s.from, s.to, spec),
        View::Profile(s) => profile::render(ds, s, spec),
        View::Compare(s) => compare::render(ds, s, spec),
        View::Report(s) => report::render_report(ds, s, spec),
        View::Map(s) => map::render(ds, s, spec),
        View::Line(_) | View::Bars(_) | View::Stacked(_) | View::Area(_) | View::Forest(_) => {
            crate::render::tidy::render(ds, &view, spec)
        }
    }?;
    // A region to mark (`region=`) that is not in the file, or given to a view that marks
    // none: said in every view, never dropped without a word.
    #[cfg(feature = "full")]
    if let Some(h) = spec.highlight.as_deref() {
        let tidy = matches!(
            view,
            View::Line(_) | View::Bars(_) | View::Stacked(_) | View::Area(_) | View::Forest(_)
        );
        // (A tidy chart marks a series or bar of that name; bars refuse another name.)
        let marked = r.data["series"]
            .as_array()
            .is_some_and(|list| list.iter().any(|s| s["name"].as_str() == Some(h)));
        let note = if (tidy || ds.regional.is_none()) && !marked {
            Some(match spec.lang {
                Lang::Nl => format!(
                    "region={h}: '{h}' is geen reeks of regio van deze grafiek en is niet \
                     gemarkeerd."
                ),
                Lang::En => format!(
                    "region={h}: '{h}' is no series or region of this chart and is not marked."
                ),
            })
        } else if tidy {
            None
        } else {
            texts::highlight_note(ds, Some(h), spec.lang)
        };
        if let Some(note) = note.filter(|n| !r.notes.contains(n)) {
            r.notes.push(note);
        }
    }
    #[cfg(feature = "full")]
    Ok(r)
}

/// Parses and renders in one step. A combination of settings that does not fit the data is
/// adjusted (see [`adjust`]) and the changes are said in [`Rendered::changes`].
pub fn render_query(ds: &Dataset, query: &str) -> Result<Rendered> {
    adjust::render_adjusted(ds, query)
}

pub(crate) fn source_line(ds: &Dataset, lang: Lang) -> String {
    // A user's file named as a bundled one (an edited copy of `regions.csv`) is the user's.
    // (The first core holds the built-in data only: no example.)
    #[cfg(feature = "full")]
    if let Some(ex) = crate::EXAMPLES
        .iter()
        .find(|e| ds.published && e.file == ds.table.source)
    {
        return match lang {
            Lang::Nl => ex.source.to_string(),
            Lang::En => english_source(ex.file)
                .map(str::to_string)
                .unwrap_or_else(|| format!("Source: {} (processed by Banenverkenner)", ex.file)),
        };
    }
    // (The first core holds the built-in data only.)
    let built_in =
        !cfg!(feature = "full") || (ds.published && ds.table.source == crate::DEFAULT_DATA_NAME);
    match (lang, built_in) {
        (Lang::Nl, true) => {
            "Bron: regionale analyse banenafspraak 2015-2017 (UWV, bewerking Banenverkenner)"
                .to_string()
        }
        (Lang::Nl, false) => format!("Bron: {} (bewerking Banenverkenner)", ds.table.source),
        (Lang::En, true) => "Source: regional analysis of the jobs agreement (banenafspraak) 2015-2017 (UWV, processed by Banenverkenner)".to_string(),
        (Lang::En, false) => format!("Source: {} (processed by Banenverkenner)", ds.table.source),
    }
}

/// The source lines of the samples in English, by file name.
pub(crate) fn english_source(file: &str) -> Option<&'static str> {
    Some(match file {
        "register_by_subgroup_2017_2019.csv" => "Source: UWV, target group register of the jobs agreement (banenafspraak), end of 2017-2019 (published figures; processed by Banenverkenner)",
        "hours_per_week_by_subgroup_2019.csv" => "Source: published figures of the jobs agreement (banenafspraak), December 2019 (processed by Banenverkenner)",
        "odds_ratios_job_finding_2019.csv" => "Source: published logistic regressions of job finding 2019 (** p < 0.05; * p < 0.10; processed by Banenverkenner)",
        "jobcoach_states_by_month.csv" => "Source: published figures on job coaching, Wajong and WGA (processed by Banenverkenner)",
        "not_working_by_grondslag_2019_2021.csv" => "Source: published figures of the jobs agreement (banenafspraak), cohort 2019-2021 (processed by Banenverkenner)",
        _ => return None,
    })
}
