//! The render layer: from a loaded [`Dataset`] and a [`ViewSpec`] to everything a view shows
//! ([`Rendered`]): it computes the view data ([`crate::compute`]), writes the texts (titles,
//! readings, notes, table headers), draws the chart ([`crate::chart`]) and completes the view
//! description. Also the catalogue of views a dataset supports and the report.

pub mod basics;
pub mod catalog;
pub mod convergence;
pub mod decomposition;
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
}

impl Dataset {
    /// Reads file bytes into a dataset. Errors name file, row and column.
    pub fn load(name: &str, bytes: &[u8]) -> Result<Dataset> {
        let table = table::load(name, bytes)?;
        Dataset::from_table(table)
    }

    pub fn from_table(table: Table) -> Result<Dataset> {
        // Read once: the error is kept to explain why a view needs regional data.
        match RegionalData::from_table(&table) {
            Ok(regional) => Ok(Dataset {
                table,
                regional: Some(regional),
                regional_error: None,
            }),
            // A file that has the regional columns must read cleanly: errors are the user's to fix.
            Err(e) if RegionalData::matches(&table) => Err(e),
            Err(e) => Ok(Dataset {
                table,
                regional: None,
                regional_error: Some(e),
            }),
        }
    }

    /// The table read as regional data with the user's column mapping, `(file header, canonical
    /// name)` pairs: the page's mapping step when [`DatasetInfo::mapping`] is not complete.
    pub fn with_mapping<S: AsRef<str>>(table: Table, mapping: &[(S, S)]) -> Result<Dataset> {
        let regional = RegionalData::from_table_with_mapping(&table, mapping)?;
        Ok(Dataset {
            table,
            regional: Some(regional),
            regional_error: None,
        })
    }

    /// The embedded default dataset.
    pub fn default_data() -> Result<Dataset> {
        Dataset::load(crate::DEFAULT_DATA_NAME, crate::DEFAULT_DATA)
    }

    /// What was detected and remarked while loading, for the page and the CLI.
    pub fn info(&self) -> DatasetInfo {
        // Roles drive the tidy views only; a regional file is read by its named columns.
        let roles = if self.regional.as_ref().is_some_and(|r| !r.fine) {
            crate::data::Roles {
                columns: Vec::new(),
            }
        } else {
            self.roles()
        };
        let mut notes = self.table.detected.notes.clone();
        if let Some(r) = &self.regional {
            notes.extend(r.notes.iter().cloned());
        } else {
            notes.extend(crate::compute::tidy::aggregate::totals_note(
                &self.table,
                &roles,
            ));
        }
        DatasetInfo {
            file: self.table.source.clone(),
            detected: self.table.detected.clone(),
            summary: self.table.detected.summary(),
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
            }),
            notes,
            mapping: self
                .regional
                .is_none()
                .then(|| crate::compute::regional::propose_mapping(&self.table)),
        }
    }

    fn regional(&self) -> Result<&RegionalData> {
        match (&self.regional, &self.regional_error) {
            (Some(r), _) => Ok(r),
            (None, Some(e)) => Err(Error::new(
                ErrorKind::NotAvailable,
                format!("Deze weergave vraagt regionale gegevens. {}", e.message),
            )
            .at(e.location.clone().unwrap_or_default())),
            (None, None) => Err(Error::not_available(
                "Deze weergave vraagt regionale gegevens (regio, jaar, aantallen).",
            )),
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
        self.natural_view_with(&[])
    }

    /// The natural view of a tidy table, with the user's role overrides (`roles=`).
    pub fn natural_view_with(&self, roles: &[(String, crate::spec::Role)]) -> Result<View> {
        if self.regional.is_some() {
            return self.natural_view();
        }
        crate::compute::tidy::natural_view(&self.table, roles)
    }

    /// The detected roles of the table's columns (shown in the page, changed with `roles=`).
    pub fn roles(&self) -> crate::data::Roles {
        crate::data::Roles::detect(&self.table)
    }
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
    /// A Dutch reading of the chart: what is plotted, the trend, the outliers.
    pub summary: String,
    /// The view's numbers (the JSON contract of the view).
    pub data: serde_json::Value,
    pub table: DataTable,
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub hits: Vec<Hit>,
    pub notes: Vec<String>,
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
            hits: chart.hits,
            notes,
        }
    }
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
pub fn render(ds: &Dataset, spec: &ViewSpec) -> Result<Rendered> {
    let view = match &spec.view {
        Some(v) => v.clone(),
        None => ds.natural_view_with(&spec.roles)?,
    };
    match &view {
        View::Scatter(s) => scatter::render_scatter(ds, s, spec),
        View::Ranking(s) => ranking::render(ds, s, spec),
        View::Decomposition(s) => decomposition::render(ds, s.from, s.to, spec),
        View::Trend(s) => trend::render(ds, s, spec),
        View::Convergence(s) => convergence::render(ds, s, spec),
        View::Basics(s) => basics::render(ds, s.from, s.to, spec),
        View::Report(s) => report::render_report(ds, s, spec),
        View::Line(_) | View::Bars(_) | View::Stacked(_) | View::Area(_) | View::Forest(_) => {
            crate::render::tidy::render(ds, &view, spec)
        }
    }
}

/// Parses and renders in one step.
pub fn render_query(ds: &Dataset, query: &str) -> Result<Rendered> {
    render(ds, &ViewSpec::parse(query)?)
}

pub(crate) fn source_line(ds: &Dataset) -> String {
    if let Some(ex) = crate::EXAMPLES.iter().find(|e| e.file == ds.table.source) {
        return ex.source.to_string();
    }
    if ds.table.source == crate::DEFAULT_DATA_NAME {
        "Bron: regionale analyse banenafspraak 2015-2017 (UWV, bewerking Banenverkenner)"
            .to_string()
    } else {
        format!("Bron: {} (bewerking Banenverkenner)", ds.table.source)
    }
}

fn common_query(spec: &ViewSpec) -> String {
    let mut q = String::new();
    if spec.k != 1.0 {
        q.push_str(&format!("&k={}", spec.k));
    }
    if let Some(r) = &spec.highlight {
        q.push_str(&format!("&region={}", spec::percent_encode(r)));
    }
    if spec.lang != Lang::Nl {
        q.push_str(&format!("&lang={}", spec.lang.code()));
    }
    q
}
