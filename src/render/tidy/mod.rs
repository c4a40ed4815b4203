//! Assembles a rendered tidy view: view data -> titles, a summary, the data table, the chart and
//! the completed view description. The steps every tidy view shares live here (the frame after
//! `filter=`, the encoding keys, `title=`/`subtitle=`, the aggregation note in the subtitle, the
//! table rows per series, the notes on filter and regional reading); each view has its own
//! module with its texts, table and chart ([`line`], [`bars`], [`stacked`], [`area`],
//! [`forest`]).

mod area;
mod bars;
mod forest;
mod line;
mod stacked;

pub use area::area_summary;
pub use bars::bars_summary;
pub use forest::forest_summary;
pub use line::line_summary;
pub use stacked::stacked_summary;

use crate::chart::Chart;
use crate::compute::tidy::frame::Frame;
use crate::data::tidy::{Aggregation, Point, Series};
use crate::error::{Error, ErrorKind, Result};
use crate::format::{number, t, Lang};
use crate::render::{DataTable, Dataset, Rendered, Texts as ViewTexts};
use crate::spec::{Encoding, View, ViewSpec};
use serde::Serialize;
use serde_json::{json, Value as Json};

/// What every tidy view works with besides its own data.
struct Ctx<'a> {
    view: &'a View,
    spec: &'a ViewSpec,
    /// The encoding keys of the view (`x=`, `title=`, ...).
    enc: &'a Encoding,
    lang: Lang,
    /// The source line under the chart.
    source: String,
}

impl Ctx<'_> {
    /// The description's `title=`, else the view's own title.
    /// The chart's texts: the view's title, subtitle and summary, the source line, the width.
    fn texts<'b>(
        &'b self,
        title: &'b str,
        subtitle: &'b str,
        summary: &'b str,
    ) -> crate::chart::Texts<'b> {
        crate::chart::Texts {
            title,
            subtitle,
            source: &self.source,
            description: summary,
            width: self.spec.width,
        }
    }

    fn title(&self, own: impl FnOnce() -> String) -> String {
        self.enc.title.clone().unwrap_or_else(own)
    }

    /// The description's `subtitle=`, else the view's own subtitle followed by the rows kept
    /// ("alleen regio = Achterhoek": a printed chart says what it leaves out) and the line that
    /// says how rows were combined ("opgeteld over gemeente en leeftijd: 2.000 rijen -> 40
    /// punten"; "ongewogen gemiddelde ...").
    fn subtitle(&self, aggregated: &Option<Aggregation>, own: impl FnOnce() -> String) -> String {
        self.enc.subtitle.clone().unwrap_or_else(|| {
            let own = match filter_list(self.enc, self.lang) {
                Some(list) => format!("{}; {} {list}", own(), t(self.lang, "alleen", "only")),
                None => own(),
            };
            with_aggregation(own, aggregated)
        })
    }

    /// The rendered view: its texts, data, table and chart, and the completed description with
    /// the channels the view chose (`resolved`).
    fn finish<T: Serialize>(
        &self,
        resolved: &[(&str, String)],
        (title, subtitle, summary): (String, String, String),
        data: &T,
        table: DataTable,
        chart: Chart,
        notes: &[String],
    ) -> Result<Rendered> {
        Ok(Rendered::assemble(
            self.view.name(),
            self.spec.query(self.view, resolved),
            ViewTexts {
                title,
                subtitle,
                source: self.source.clone(),
                summary,
            },
            to_json(data)?,
            table,
            chart,
            notes.to_vec(),
        ))
    }
}

/// Renders a tidy view against a dataset's table.
pub fn render(ds: &Dataset, view: &View, spec: &ViewSpec) -> Result<Rendered> {
    let lang = spec.lang;
    #[cfg(feature = "full")]
    let named = as_named_in(view, &ds.table);
    #[cfg(feature = "full")]
    let view = named.as_ref().unwrap_or(view);
    let enc = match view {
        View::Line(s) => &s.enc,
        View::Bars(s) => &s.enc,
        View::Stacked(s) => &s.enc,
        View::Area(s) => &s.enc,
        View::Forest(s) => &s.enc,
        _ => return Err(not_tidy(view)),
    };
    // The dataset's roles, detected once; `roles=` overrides detect them again.
    let f = if spec.roles.is_empty() {
        Frame::with_roles(&ds.table, ds.roles_in(lang), &enc.filter, lang)?
    } else {
        Frame::new(&ds.table, &spec.roles, &enc.filter, lang)?
    };
    let ctx = Ctx {
        view,
        spec,
        enc,
        lang,
        source: crate::render::source_line(ds, lang),
    };
    let mut r = match view {
        View::Line(s) => line::render(&ctx, &f, s)?,
        View::Bars(s) => bars::render(&ctx, &f, s)?,
        View::Stacked(s) => stacked::render(&ctx, &f, s)?,
        View::Area(s) => area::render(&ctx, &f, s)?,
        View::Forest(s) => forest::render(&ctx, &f, s)?,
        _ => return Err(not_tidy(view)),
    };
    if let Some(n) = filter_note(enc, lang) {
        r.notes.insert(0, n);
    }
    with_filter(&mut r, enc, lang);
    if let Some(n) = regional_note(ds, lang) {
        r.notes.push(n);
    }
    if let Some(n) = unused_note(&f, &r.data, enc, lang) {
        r.notes.push(n);
    }
    Ok(r)
}

/// The view with each column it names written as the table names it
/// ([`crate::table::Table::named`]): `x=jaar`
/// draws the column `Jaar`, and so does the file's header before a rename; the completed
/// description then names the column as the table does. `None` when every name was the table's.
#[cfg(feature = "full")]
fn as_named_in(view: &View, table: &crate::table::Table) -> Option<View> {
    let mut v = view.clone();
    let (enc, more): (&mut Encoding, Vec<&mut Option<String>>) = match &mut v {
        View::Line(s) => (&mut s.enc, vec![&mut s.n]),
        View::Bars(s) => (&mut s.enc, vec![&mut s.n]),
        View::Stacked(s) => (&mut s.enc, vec![&mut s.n]),
        View::Area(s) => (&mut s.enc, vec![&mut s.n]),
        View::Forest(s) => (
            &mut s.enc,
            vec![
                &mut s.dimension,
                &mut s.term,
                &mut s.reference,
                &mut s.significance,
            ],
        ),
        _ => return None,
    };
    let mut changed = false;
    let mut fix = |name: &mut String| match table.named(name) {
        Some(j) if table.columns[j].name != *name => {
            *name = table.columns[j].name.clone();
            changed = true;
        }
        _ => {}
    };
    for name in [
        &mut enc.x,
        &mut enc.y,
        &mut enc.series,
        &mut enc.facet,
        &mut enc.per,
    ]
    .into_iter()
    .chain(more)
    .flatten()
    {
        fix(name);
    }
    for f in enc.filter.iter_mut() {
        fix(&mut f.column);
    }
    // A period in the filter as the file writes it (`kwartaal:2019K1` for `2019KW01`), so the
    // completed description names the values the page's list offers.
    for f in enc.filter.iter_mut() {
        let Some(c) = table
            .column_index(&f.column)
            .and_then(|j| table.columns.get(j))
        else {
            continue;
        };
        let texts: Vec<String> = c
            .dictionary()
            .iter()
            .map(|t| crate::compute::tidy::roles::cell_key(crate::table::Cell::Text(t)))
            .collect();
        for v in f.values.iter_mut() {
            if texts.contains(v) {
                continue;
            }
            let Some(p) = crate::spec::Period::parse(v) else {
                continue;
            };
            if let Some(t) = texts
                .iter()
                .find(|t| crate::spec::Period::parse(t) == Some(p))
            {
                *v = t.clone();
                changed = true;
            }
        }
    }
    changed.then_some(v)
}

/// The columns of numbers the view does not show, named so that nothing in the file is left
/// out unsaid: "Ook in het bestand, niet in deze grafiek: '12-24', '>=32'; kies er een met
/// y=12-24." The view's columns are those its data names (its axes, series, panels, group
/// sizes, the weight and the denominator of a combination) and the description's filter.
fn unused_note(f: &Frame, data: &Json, enc: &Encoding, lang: Lang) -> Option<String> {
    const NAMED: [&str; 9] = [
        "x",
        "y",
        "series_column",
        "facet_column",
        "n_column",
        "dimension_column",
        "term_column",
        "reference_column",
        "significance_column",
    ];
    let aggregated = data.get("aggregated");
    let mut used: Vec<&str> = NAMED
        .iter()
        .filter_map(|k| data.get(*k))
        .chain(["weight", "per"].iter().filter_map(|k| aggregated?.get(*k)))
        .filter_map(Json::as_str)
        .collect();
    used.extend(enc.per.as_deref());
    used.extend(enc.filter.iter().map(|f| f.column.as_str()));
    let left: Vec<&str> = f
        .roles
        .columns
        .iter()
        .filter(|c| c.role.is_value() && !used.contains(&c.column.as_str()))
        .map(|c| c.column.as_str())
        .collect();
    let first = left.first()?;
    // (Written so that it can be pasted into a description: `&`, `=`, `%`, `+`, `#` encoded.)
    let first = if first.contains(['&', '=', '%', '+', '#']) {
        crate::spec::percent_encode(first)
    } else {
        first.to_string()
    };
    let quoted: Vec<String> = left.iter().map(|c| format!("'{c}'")).collect();
    let list = crate::format::first_ten(&quoted, lang);
    Some(match lang {
        Lang::Nl => {
            format!("Ook in het bestand, niet in deze grafiek: {list}; kies er een met y={first}.")
        }
        Lang::En => {
            format!("Also in the file, not in this chart: {list}; choose one with y={first}.")
        }
    })
}

fn not_tidy(view: &View) -> Error {
    Error::view(format!(
        "Intern: view={} is geen tabelweergave.",
        view.name()
    ))
}

fn to_json<T: Serialize>(v: &T) -> Result<Json> {
    serde_json::to_value(v).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("Interne fout bij omzetten naar JSON: {e}"),
        )
    })
}

/// "Alleen rijen met jaar = 2019 of 2020." when the description filters rows; "... en regio
/// anders dan Landelijk en Onbekend." for values left out.
fn filter_note(enc: &Encoding, lang: Lang) -> Option<String> {
    filter_list(enc, lang)
        .map(|list| format!("{} {list}.", t(lang, "Alleen rijen met", "Only rows with")))
}

/// A filtered view's data and table say which rows they hold, so that an exported CSV or JSON
/// read on its own does too: the data gets `filter` (`[{column, values, exclude}]`), and the table
/// a column per filtered column it does not show, holding its condition (`2019`, `2019 of 2020`,
/// `anders dan Landelijk`).
fn with_filter(r: &mut Rendered, enc: &Encoding, lang: Lang) {
    if enc.filter.is_empty() {
        return;
    }
    if let (Some(data), Ok(filters)) = (r.data.as_object_mut(), serde_json::to_value(&enc.filter)) {
        data.insert("filter".into(), filters);
    }
    for f in &enc.filter {
        if r.table.columns.contains(&f.column) {
            continue;
        }
        let held = held(f, lang);
        r.table.columns.push(f.column.clone());
        for row in r.table.rows.iter_mut() {
            row.push(serde_json::Value::String(held.clone()));
        }
    }
}

/// What one column's filter keeps, without the column: "2019 of 2020", "anders dan Landelijk".
fn held(f: &crate::spec::tidy::RowFilter, lang: Lang) -> String {
    if f.exclude {
        format!(
            "{} {}",
            t(lang, "anders dan", "other than"),
            f.values.join(t(lang, " en ", " and "))
        )
    } else {
        f.values.join(t(lang, " of ", " or "))
    }
}

/// The rows `filter=` keeps: "jaar = 2019 of 2020 en regio anders dan Landelijk".
fn filter_list(enc: &Encoding, lang: Lang) -> Option<String> {
    (!enc.filter.is_empty()).then(|| {
        enc.filter
            .iter()
            .map(|f| {
                if f.exclude {
                    format!("{} {}", f.column, held(f, lang))
                } else {
                    format!("{} = {}", f.column, held(f, lang))
                }
            })
            .collect::<Vec<_>>()
            .join(t(lang, " en ", " and "))
    })
}

/// Why a table with regional-looking columns was not read as regional data, so a user who meant
/// the regional analysis learns what to fix.
fn regional_note(ds: &Dataset, lang: Lang) -> Option<String> {
    use crate::compute::regional::{Count, IdColumn};
    let names = || ds.table.columns.iter().map(|c| c.name.as_str());
    let looks_regional = names().any(|h| IdColumn::from_header(h) == Some(IdColumn::Region))
        && names().any(|h| Count::from_header(h).is_some());
    match (&ds.regional, &ds.regional_error) {
        (None, Some(e)) if looks_regional => Some(match lang {
            Lang::Nl => format!("Niet gelezen als regionale gegevens: {}", e.message),
            Lang::En => format!(
                "Not read as regional data: the column '{}' is missing or unreadable.",
                e.location
                    .as_ref()
                    .and_then(|l| l.column.as_deref())
                    .unwrap_or("region")
            ),
        }),
        _ => None,
    }
}

/// The channels a tidy view used (chosen from the roles when the description left them out).
fn completed(x: &str, y: &str, series: Option<&str>) -> Vec<(&'static str, String)> {
    let mut out = vec![("x", x.to_string()), ("y", y.to_string())];
    if let Some(s) = series {
        out.push(("series", s.to_string()));
    }
    out
}

/// The table columns of a view: its panel column first when it has one, then `rest`.
fn columns(facet: &Option<String>, rest: impl IntoIterator<Item = String>) -> Vec<String> {
    facet.iter().cloned().chain(rest).collect()
}

/// The table rows of a series view: a row per point of every series, its panel first when the
/// view has panels, then the view's `cells`.
fn series_rows(
    series: &[Series],
    panels: bool,
    cells: impl Fn(&Series, &Point) -> Vec<Json>,
) -> Vec<Vec<Json>> {
    series
        .iter()
        .flat_map(|s| {
            let panel = panels.then(|| json!(s.facet.clone().unwrap_or_default()));
            let cells = &cells;
            s.points
                .iter()
                .map(move |p| panel.clone().into_iter().chain(cells(s, p)).collect())
        })
        .collect()
}

fn lab(column: &str, lang: Lang) -> String {
    crate::data::tidy::label_in(column, lang)
}

fn cap(column: &str, lang: Lang) -> String {
    crate::data::tidy::capitalise(&crate::data::tidy::label_in(column, lang))
}

fn pct(v: f64, decimals: usize, lang: Lang) -> String {
    format!("{} %", number(v, decimals, lang))
}

/// "Verdeling naar uren per subdoelgroep": the title of the distribution views.
fn distribution_title(series_column: &str, x: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Verdeling naar {} per {}",
            lab(series_column, lang),
            lab(x, lang)
        ),
        Lang::En => format!(
            "Distribution by {} per {}",
            lab(series_column, lang),
            lab(x, lang)
        ),
    }
}

fn x_text(x: &Json) -> String {
    match x {
        Json::String(s) => s.clone(),
        Json::Number(n) => n
            .as_f64()
            .map(|v| {
                if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    v.to_string()
                }
            })
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A subtitle with the first aggregation note, its first letter lower case; not for a mean
/// asked for where each point is one row (the notes say there is nothing to average).
fn with_aggregation(s: String, a: &Option<Aggregation>) -> String {
    let said = a
        .as_ref()
        .filter(|a| !(a.method == "mean" && a.rows == a.points));
    match said.and_then(|a| a.notes.first()) {
        Some(n) => {
            let mut c = n.chars();
            let lower = match c.next() {
                Some(f) => crate::case::lower_char(f) + c.as_str(),
                None => String::new(),
            };
            format!("{s}; {lower}")
        }
        None => s,
    }
}
