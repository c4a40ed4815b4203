//! Assembles a rendered tidy view: view data -> titles, a Dutch summary, the data table, the
//! chart and the completed view description.

use crate::chart::Texts;
use crate::compute::tidy::frame::Frame;
use crate::compute::tidy::{area, bars, forest, line, stacked};
use crate::data::tidy::{shown_name, Series};
use crate::error::{Error, ErrorKind, Result};
use crate::format::t;
use crate::format::{number, signed, Lang};
use crate::render::tidy_text::{tidy_error, tidy_text};
use crate::render::{DataTable, Dataset, Rendered, Texts as ViewTexts};
use crate::spec::{View, ViewSpec};
use serde::Serialize;
use serde_json::{json, Value as Json};

fn to_json<T: Serialize>(v: &T) -> Result<Json> {
    serde_json::to_value(v).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("Interne fout bij omzetten naar JSON: {e}"),
        )
    })
}

/// The channels a tidy view used (chosen from the roles when the description left them out).
fn completed(x: &str, y: &str, series: Option<&str>) -> Vec<(&'static str, String)> {
    let mut out = vec![("x", x.to_string()), ("y", y.to_string())];
    if let Some(s) = series {
        out.push(("series", s.to_string()));
    }
    out
}

fn lab(column: &str, lang: Lang) -> String {
    crate::data::tidy::label_in(column, lang)
}

fn cap(column: &str, lang: Lang) -> String {
    crate::data::tidy::capitalise(&crate::data::tidy::label_in(column, lang))
}

/// The tidy encodings' Dutch notes and labels in `lang` (see [`crate::render::tidy_text`]).
fn in_lang(texts: &mut [String], lang: Lang) {
    for t in texts {
        *t = tidy_text(t, lang);
    }
}

fn pct(v: f64, decimals: usize, lang: Lang) -> String {
    format!("{} %", number(v, decimals, lang))
}

fn facet_of(s: &Series) -> String {
    s.facet.clone().unwrap_or_default()
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

/// A subtitle with the line that says how rows were combined ("opgeteld over gemeente en
/// leeftijd: 2.000 rijen -> 40 punten"; "ongewogen gemiddelde ...").
fn with_aggregation(s: String, a: &Option<crate::data::tidy::Aggregation>, lang: Lang) -> String {
    match a.as_ref().and_then(|a| a.notes.first()) {
        Some(n) => {
            let n = tidy_text(n, lang);
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

/// Renders a tidy view against a dataset's table.
pub fn render(ds: &Dataset, view: &View, spec: &ViewSpec) -> Result<Rendered> {
    let table = &ds.table;
    let source = crate::render::source_line(ds, spec.lang);
    let lang = spec.lang;
    let enc = match view {
        View::Line(s) => &s.enc,
        View::Bars(s) => &s.enc,
        View::Stacked(s) => &s.enc,
        View::Area(s) => &s.enc,
        View::Forest(s) => &s.enc,
        _ => {
            return Err(Error::view(format!(
                "Intern: view={} is geen tabelweergave.",
                view.name()
            )));
        }
    };
    let f = Frame::new(table, &spec.roles, &enc.filter).map_err(|e| tidy_error(e, lang))?;
    let filter_note = (!enc.filter.is_empty()).then(|| {
        format!(
            "{} {}.",
            t(lang, "Alleen rijen met", "Only rows with"),
            enc.filter
                .iter()
                .map(|(c, v)| format!("{c} = {}", v.join(" of ")))
                .collect::<Vec<_>>()
                .join(t(lang, " en ", " and "))
        )
    });
    let mut r = match view {
        View::Line(s) => {
            let mut d = line::compute(&f, s).map_err(|e| tidy_error(e, lang))?;
            if lang == Lang::En {
                in_lang(&mut d.notes, lang);
                if let Some(a) = d.aggregated.as_mut() {
                    in_lang(&mut a.notes, lang);
                }
                d.y_label =
                    tidy_text(&d.y_label, lang).replace(&cap(&d.y, Lang::Nl), &cap(&d.y, lang));
                if let Some(p) = s.enc.per.as_deref() {
                    d.y_label = d.y_label.replace(
                        &format!("per 100 {}", crate::data::tidy::label_of(p)),
                        &format!("per 100 {}", crate::data::tidy::label_in(p, lang)),
                    );
                }
                d.x_label = cap(&d.x, lang);
            }
            let first = d
                .x_values
                .first()
                .map(|x| x.label.clone())
                .unwrap_or_default();
            let last = d
                .x_values
                .last()
                .map(|x| x.label.clone())
                .unwrap_or_default();
            let period = if first == last {
                first.clone()
            } else {
                format!("{first}-{last}")
            };
            let title = enc.title.clone().unwrap_or_else(|| match &d.series_column {
                Some(sc) => format!(
                    "{} {} {}, {period}",
                    cap(&d.y, lang),
                    t(lang, "naar", "by"),
                    lab(sc, lang)
                ),
                None => format!("{}, {period}", cap(&d.y, lang)),
            });
            let subtitle = enc.subtitle.clone().unwrap_or_else(|| {
                let mut s = if d.index {
                    format!("Index, {first} = 100")
                } else {
                    d.y_label.clone()
                };
                if let Some(fc) = &d.facet_column {
                    s.push_str(&format!("; per {fc}"));
                }
                with_aggregation(s, &d.aggregated, lang)
            });
            let summary = line_summary(&d, lang);
            let chart = crate::chart::line::draw(
                &d,
                &Texts {
                    title: &title,
                    subtitle: &subtitle,
                    source: &source,
                    description: &summary,
                    width: spec.width,
                },
                s.highlight.as_deref().or(spec.highlight.as_deref()),
                lang,
            )?;
            let mut columns = vec![];
            if let Some(fc) = &d.facet_column {
                columns.push(fc.clone());
            }
            columns.push(
                d.series_column
                    .clone()
                    .unwrap_or_else(|| t(lang, "reeks", "series").into()),
            );
            columns.push(d.x.clone());
            columns.push(if d.index { "index".into() } else { d.y.clone() });
            if d.index {
                columns.push(d.y.clone());
            }
            let rows = d
                .series
                .iter()
                .flat_map(|s| {
                    let fc = d.facet_column.is_some().then(|| facet_of(s));
                    s.points.iter().map(move |p| {
                        let mut row: Vec<Json> = Vec::new();
                        if let Some(fc) = &fc {
                            row.push(json!(fc));
                        }
                        row.push(json!(s.name));
                        row.push(p.x.clone());
                        row.push(json!(p.y));
                        if d.index {
                            row.push(json!(p.value));
                        }
                        row
                    })
                })
                .collect();
            let q = spec.query(view, &completed(&d.x, &d.y, d.series_column.as_deref()));
            Rendered::assemble(
                "line",
                q,
                ViewTexts {
                    title,
                    subtitle,
                    source: source.clone(),
                    summary,
                },
                to_json(&d)?,
                DataTable { columns, rows },
                chart,
                d.notes.clone(),
            )
        }
        View::Bars(s) => {
            let mut d =
                bars::compute(&f, s, spec.highlight.as_deref()).map_err(|e| tidy_error(e, lang))?;
            if lang == Lang::En {
                in_lang(&mut d.notes, lang);
                d.y_label = d.y_label.replace(&cap(&d.y, Lang::Nl), &cap(&d.y, lang));
            }
            let by = t(lang, "naar", "by");
            let title = enc.title.clone().unwrap_or_else(|| match &d.series_column {
                Some(sc) => format!(
                    "{} {by} {} {} {}",
                    cap(&d.y, lang),
                    lab(&d.x, lang),
                    t(lang, "en", "and"),
                    lab(sc, lang)
                ),
                None => format!("{} {by} {}", cap(&d.y, lang), lab(&d.x, lang)),
            });
            let subtitle = enc.subtitle.clone().unwrap_or_else(|| {
                let mut s = d.y_label.clone();
                if d.sort == "desc" {
                    s.push_str(t(lang, ", van hoog naar laag", ", from high to low"));
                }
                if let Some(r) = &d.reference {
                    s.push_str(&format!("; {}: {}", t(lang, "lijn", "line"), r.label));
                }
                with_aggregation(s, &d.aggregated, lang)
            });
            let summary = bars_summary(&d, lang);
            let chart = crate::chart::bars::draw(
                &d,
                &Texts {
                    title: &title,
                    subtitle: &subtitle,
                    source: &source,
                    description: &summary,
                    width: spec.width,
                },
                lang,
            )?;
            let mut columns = vec![];
            if let Some(fc) = &d.facet_column {
                columns.push(fc.clone());
            }
            if let Some(sc) = &d.series_column {
                columns.push(sc.clone());
            }
            columns.push(d.x.clone());
            columns.push(d.y.clone());
            let rows = d
                .series
                .iter()
                .flat_map(|s| {
                    let fc = d.facet_column.is_some().then(|| facet_of(s));
                    let sc = d.series_column.is_some().then(|| s.name.clone());
                    s.points.iter().map(move |p| {
                        let mut row: Vec<Json> = Vec::new();
                        if let Some(fc) = &fc {
                            row.push(json!(fc));
                        }
                        if let Some(sc) = &sc {
                            row.push(json!(sc));
                        }
                        row.push(p.x.clone());
                        row.push(json!(p.y));
                        row
                    })
                })
                .collect();
            let q = spec.query(view, &completed(&d.x, &d.y, d.series_column.as_deref()));
            Rendered::assemble(
                "bars",
                q,
                ViewTexts {
                    title,
                    subtitle,
                    source: source.clone(),
                    summary,
                },
                to_json(&d)?,
                DataTable { columns, rows },
                chart,
                d.notes.clone(),
            )
        }
        View::Stacked(s) => {
            let mut d = stacked::compute(&f, s).map_err(|e| tidy_error(e, lang))?;
            in_lang(&mut d.notes, lang);
            let title = enc.title.clone().unwrap_or_else(|| match lang {
                Lang::Nl => format!(
                    "Verdeling naar {} per {}",
                    lab(&d.series_column, lang),
                    lab(&d.x, lang)
                ),
                Lang::En => format!(
                    "Distribution by {} per {}",
                    lab(&d.series_column, lang),
                    lab(&d.x, lang)
                ),
            });
            let subtitle = enc.subtitle.clone().unwrap_or_else(|| {
                let s = match (d.converted, lang) {
                    (true, Lang::Nl) => format!(
                        "Aandeel in % van het totaal per {} (omgerekend uit {}; totaal rechts)",
                        lab(&d.x, lang),
                        lab(&d.y, lang)
                    ),
                    (true, Lang::En) => format!(
                        "Share in % of the total per {} (converted from {}; total on the right)",
                        lab(&d.x, lang),
                        lab(&d.y, lang)
                    ),
                    (false, Lang::Nl) => format!(
                        "{} in %, per {} samen 100 %",
                        cap(&d.y, lang),
                        lab(&d.x, lang)
                    ),
                    (false, Lang::En) => format!(
                        "{} in %, per {} together 100 %",
                        cap(&d.y, lang),
                        lab(&d.x, lang)
                    ),
                };
                with_aggregation(s, &d.aggregated, lang)
            });
            let summary = stacked_summary(&d, lang);
            let chart = crate::chart::stacked::draw(
                &d,
                &Texts {
                    title: &title,
                    subtitle: &subtitle,
                    source: &source,
                    description: &summary,
                    width: spec.width,
                },
                lang,
            )?;
            let mut columns = vec![];
            if let Some(fc) = &d.facet_column {
                columns.push(fc.clone());
            }
            columns.extend([
                d.x.clone(),
                d.series_column.clone(),
                t(lang, "aandeel (%)", "share (%)").into(),
            ]);
            if d.converted {
                columns.push(d.y.clone());
            }
            let rows = d
                .series
                .iter()
                .flat_map(|s| {
                    let fc = d.facet_column.is_some().then(|| facet_of(s));
                    let conv = d.converted;
                    s.points.iter().map(move |p| {
                        let mut row: Vec<Json> = Vec::new();
                        if let Some(fc) = &fc {
                            row.push(json!(fc));
                        }
                        row.push(p.x.clone());
                        row.push(json!(shown_name(&s.name, lang)));
                        row.push(json!(p.y));
                        if conv {
                            row.push(json!(p.value));
                        }
                        row
                    })
                })
                .collect();
            Rendered::assemble(
                "stacked",
                spec.query(view, &completed(&d.x, &d.y, Some(&d.series_column))),
                ViewTexts {
                    title,
                    subtitle,
                    source: source.clone(),
                    summary,
                },
                to_json(&d)?,
                DataTable { columns, rows },
                chart,
                d.notes.clone(),
            )
        }
        View::Area(s) => {
            let mut d = area::compute(&f, s).map_err(|e| tidy_error(e, lang))?;
            in_lang(&mut d.notes, lang);
            let title = enc.title.clone().unwrap_or_else(|| match lang {
                Lang::Nl => format!(
                    "Verdeling naar {} per {}",
                    lab(&d.series_column, lang),
                    lab(&d.x, lang)
                ),
                Lang::En => format!(
                    "Distribution by {} per {}",
                    lab(&d.series_column, lang),
                    lab(&d.x, lang)
                ),
            });
            let subtitle = enc.subtitle.clone().unwrap_or_else(|| {
                let mut sub = match lang {
                    Lang::Nl => format!("Aandeel in %, per {} samen 100 %", lab(&d.x, lang)),
                    Lang::En => format!("Share in %, per {} together 100 %", lab(&d.x, lang)),
                };
                if d.n_column.is_some() {
                    sub.push_str(&match lang {
                        Lang::Nl => format!(
                            "; onder de as het aantal personen; gearceerd: minder dan {}",
                            number(d.min_n, 0, lang)
                        ),
                        Lang::En => format!(
                            "; below the axis the number of persons; hatched: fewer than {}",
                            number(d.min_n, 0, lang)
                        ),
                    });
                }
                with_aggregation(sub, &d.aggregated, lang)
            });
            let summary = area_summary(&d, lang);
            let chart = crate::chart::area::draw(
                &d,
                &Texts {
                    title: &title,
                    subtitle: &subtitle,
                    source: &source,
                    description: &summary,
                    width: spec.width,
                },
                lang,
            )?;
            let mut columns = vec![];
            if let Some(fc) = &d.facet_column {
                columns.push(fc.clone());
            }
            columns.extend([
                d.x.clone(),
                d.series_column.clone(),
                t(lang, "aandeel (%)", "share (%)").into(),
                "n".into(),
            ]);
            let n_at: std::collections::HashMap<(Option<String>, String), Option<f64>> =
                d.n.iter()
                    .map(|n| ((n.facet.clone(), n.x.to_string()), n.n))
                    .collect();
            let rows = d
                .series
                .iter()
                .flat_map(|s| {
                    let fc = d.facet_column.is_some().then(|| facet_of(s));
                    let n_at = &n_at;
                    s.points.iter().map(move |p| {
                        let n = n_at
                            .get(&(s.facet.clone(), p.x.to_string()))
                            .copied()
                            .flatten();
                        let mut row: Vec<Json> = Vec::new();
                        if let Some(fc) = &fc {
                            row.push(json!(fc));
                        }
                        row.push(p.x.clone());
                        row.push(json!(shown_name(&s.name, lang)));
                        row.push(json!(p.y));
                        row.push(json!(n));
                        row
                    })
                })
                .collect();
            let q = spec.query(view, &completed(&d.x, &d.y, Some(&d.series_column)));
            Rendered::assemble(
                "area",
                q,
                ViewTexts {
                    title,
                    subtitle,
                    source: source.clone(),
                    summary,
                },
                to_json(&d)?,
                DataTable { columns, rows },
                chart,
                d.notes.clone(),
            )
        }
        View::Forest(s) => {
            let mut d = forest::compute(&f, s).map_err(|e| tidy_error(e, lang))?;
            if lang == Lang::En {
                in_lang(&mut d.notes, lang);
                d.y_label =
                    tidy_text(&d.y_label, lang).replace(&cap(&d.y, Lang::Nl), &cap(&d.y, lang));
            }
            let title = enc
                .title
                .clone()
                .unwrap_or_else(|| match (&d.series_column, lang) {
                    (Some(sc), Lang::Nl) => {
                        format!("{} per kenmerk, naar {}", cap(&d.y, lang), lab(sc, lang))
                    }
                    (Some(sc), Lang::En) => {
                        format!(
                            "{} per characteristic, by {}",
                            cap(&d.y, lang),
                            lab(sc, lang)
                        )
                    }
                    (None, _) => format!(
                        "{} {}",
                        cap(&d.y, lang),
                        t(lang, "per kenmerk", "per characteristic")
                    ),
                });
            let subtitle = enc.subtitle.clone().unwrap_or_else(|| {
                if d.log {
                    t(lang, "Logaritmische schaal; 1 = gelijk aan de referentiecategorie (naast elk kenmerk)", "Logarithmic scale; 1 = equal to the reference category (beside each characteristic)")
                        .to_string()
                } else {
                    d.y_label.clone()
                }
            });
            let summary = forest_summary(&d, lang);
            let chart = crate::chart::forest::draw(
                &d,
                &Texts {
                    title: &title,
                    subtitle: &subtitle,
                    source: &source,
                    description: &summary,
                    width: spec.width,
                },
                lang,
            )?;
            let mut columns: Vec<String> = vec![];
            if let Some(fc) = &d.facet_column {
                columns.push(fc.clone());
            }
            columns.extend([
                "model".into(),
                t(lang, "dimensie", "dimension").into(),
                t(lang, "categorie", "category").into(),
                t(lang, "referentie", "reference").into(),
                d.y.clone(),
                t(lang, "significantie", "significance").into(),
            ]);
            let rows = d
                .rows
                .iter()
                .map(|r| {
                    let mut row: Vec<Json> = Vec::new();
                    if d.facet_column.is_some() {
                        row.push(json!(r.facet));
                    }
                    row.extend([
                        json!(r.model),
                        json!(r.dimension),
                        json!(r.category),
                        json!(r.reference),
                        json!(r.estimate),
                        json!(r.significance),
                    ]);
                    row
                })
                .collect();
            let mut resolved = vec![("y", d.y.clone())];
            if let Some(c) = &d.series_column {
                resolved.push(("series", c.clone()));
            }
            let q = spec.query(view, &resolved);
            Rendered::assemble(
                "forest",
                q,
                ViewTexts {
                    title,
                    subtitle,
                    source: source.clone(),
                    summary,
                },
                to_json(&d)?,
                DataTable { columns, rows },
                chart,
                d.notes.clone(),
            )
        }
        _ => not_tidy(view)?,
    };
    if let Some(n) = filter_note {
        r.notes.insert(0, n);
    }
    if let Some(n) = regional_note(ds, lang) {
        r.notes.push(n);
    }
    Ok(r)
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

fn not_tidy(view: &View) -> Result<Rendered> {
    Err(Error::view(format!(
        "Intern: view={} is geen tabelweergave.",
        view.name()
    )))
}

/// "Van 2017 tot 2019 groeide vso/pro het sterkst (+107,2 %); Wajong daalde het meest (-5,4 %)."
pub fn line_summary(d: &crate::data::tidy::LineData, lang: Lang) -> String {
    let mut changes: Vec<(String, f64, String, String)> = Vec::new();
    for s in &d.series {
        let known: Vec<(usize, f64)> = s
            .points
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.y.map(|y| (k, y)))
            .collect();
        if let (Some(a), Some(b)) = (known.first(), known.last()) {
            if a.0 < b.0 && a.1 != 0.0 {
                let name = match &s.facet {
                    Some(f) => format!("{} ({f})", s.name),
                    None => s.name.clone(),
                };
                let xa = d
                    .x_values
                    .get(a.0)
                    .map(|x| x.label.clone())
                    .unwrap_or_default();
                let xb = d
                    .x_values
                    .get(b.0)
                    .map(|x| x.label.clone())
                    .unwrap_or_default();
                changes.push((name, (b.1 / a.1 - 1.0) * 100.0, xa, xb));
            }
        }
    }
    if changes.is_empty() {
        return format!(
            "{} per {}: {}",
            cap(&d.y, lang),
            lab(&d.x, lang),
            t(
                lang,
                "te weinig waarden voor een ontwikkeling.",
                "too few values for a trend."
            )
        );
    }
    crate::sort::sort_by(&mut changes, |a, b| b.1.total_cmp(&a.1));
    let mut s = String::new();
    if let Some(top) = changes.first() {
        s.push_str(&match lang {
            Lang::Nl => format!(
                "Van {} tot {} {} {} het sterkst ({} %)",
                top.2,
                top.3,
                if top.1 >= 0.0 { "groeide" } else { "daalde" },
                top.0,
                signed(top.1, 1, lang)
            ),
            Lang::En => format!(
                "From {} to {} {} {} most ({} %)",
                top.2,
                top.3,
                top.0,
                if top.1 >= 0.0 { "grew" } else { "fell" },
                signed(top.1, 1, lang)
            ),
        });
    }
    if changes.len() > 1 {
        if let Some(low) = changes.last() {
            if low.1 < 0.0 {
                s.push_str(&format!(
                    "; {} {} ({} %)",
                    low.0,
                    t(lang, "daalde het meest", "fell most"),
                    signed(low.1, 1, lang)
                ));
            } else {
                s.push_str(&format!(
                    "; {} {} ({} %)",
                    low.0,
                    t(lang, "groeide het minst", "grew least"),
                    signed(low.1, 1, lang)
                ));
            }
        }
    }
    s.push('.');
    s
}

pub fn bars_summary(d: &crate::data::tidy::BarsData, lang: Lang) -> String {
    let Some(first) = d.series.first() else {
        return String::new();
    };
    let fmt = |v: f64| {
        if d.percent {
            pct(v, d.decimals, lang)
        } else {
            number(v, d.decimals, lang)
        }
    };
    let known: Vec<(String, f64)> = first
        .points
        .iter()
        .filter_map(|p| p.y.map(|y| (x_text(&p.x), y)))
        .collect();
    let hi = known.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let lo = known.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let mut s = match (hi, lo) {
        (Some(h), Some(l)) => format!(
            "{} {}: {} ({}); {}: {} ({}).",
            t(lang, "Hoogste", "Highest"),
            lab(&d.y, lang),
            h.0,
            fmt(h.1),
            t(lang, "laagste", "lowest"),
            l.0,
            fmt(l.1)
        ),
        _ => format!(
            "{} {}.",
            t(lang, "Geen bekende waarden van", "No known values of"),
            lab(&d.y, lang)
        ),
    };
    if let Some(r) = &d.reference {
        if let Some(rv) = r.values.first().and_then(|v| v.value) {
            let above = known.iter().filter(|(_, v)| *v > rv).count();
            let line = if r.category.is_some() {
                r.label.clone()
            } else {
                t(lang, "de referentielijn", "the reference line").to_string()
            };
            s.push_str(&match lang {
                Lang::Nl => format!(
                    " {above} van de {} boven {line} ({}).",
                    known.len(),
                    fmt(rv)
                ),
                Lang::En => format!(
                    " {above} of the {} above {line} ({}).",
                    known.len(),
                    fmt(rv)
                ),
            });
        }
    }
    s
}

pub fn stacked_summary(d: &crate::data::tidy::StackedData, lang: Lang) -> String {
    let mut parts = Vec::new();
    for s in d
        .series
        .iter()
        .filter(|s| s.facet == d.series.first().and_then(|f| f.facet.clone()))
    {
        if s.name == crate::data::tidy::UNKNOWN {
            continue;
        }
        let known: Vec<(String, f64)> = s
            .points
            .iter()
            .filter_map(|p| p.y.map(|y| (x_text(&p.x), y)))
            .collect();
        let hi = known.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let lo = known.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(h), Some(l)) = (hi, lo) {
            parts.push(match lang {
                Lang::Nl => format!(
                    "'{}' is het grootst bij {} ({}) en het kleinst bij {} ({})",
                    s.name,
                    h.0,
                    pct(h.1, d.decimals, lang),
                    l.0,
                    pct(l.1, d.decimals, lang)
                ),
                Lang::En => format!(
                    "'{}' is largest at {} ({}) and smallest at {} ({})",
                    s.name,
                    h.0,
                    pct(h.1, d.decimals, lang),
                    l.0,
                    pct(l.1, d.decimals, lang)
                ),
            });
        }
        if parts.len() >= 2 {
            break;
        }
    }
    if parts.is_empty() {
        t(lang, "Geen bekende aandelen.", "No known shares.").into()
    } else {
        format!("{}.", parts.join("; "))
    }
}

pub fn area_summary(d: &crate::data::tidy::AreaData, lang: Lang) -> String {
    let panels: Vec<Option<String>> = if d.facets.is_empty() {
        vec![None]
    } else {
        d.facets.iter().cloned().map(Some).collect()
    };
    let mut parts = Vec::new();
    for p in panels {
        // The last x with enough persons: shares there are still reliable.
        let reliable: Vec<&crate::data::tidy::NPoint> =
            d.n.iter().filter(|n| n.facet == p && !n.small).collect();
        let Some(last) = reliable.last() else {
            continue;
        };
        let mut at: Vec<(String, f64)> = d
            .series
            .iter()
            .filter(|s| s.facet == p)
            .filter_map(|s| {
                s.points
                    .iter()
                    .find(|pt| pt.x == last.x)
                    .and_then(|pt| pt.y)
                    .map(|y| (s.name.clone(), y))
            })
            .collect();
        crate::sort::sort_by(&mut at, |a, b| b.1.total_cmp(&a.1));
        if let Some(top) = at.first() {
            let who = p.clone().map(|p| format!("{p}: ")).unwrap_or_default();
            let n = last
                .n
                .map(|n| number(n, 0, lang))
                .unwrap_or_else(|| "?".into());
            parts.push(match lang {
                Lang::Nl => format!(
                    "{who}bij {} {} (n = {n}) is '{}' het grootst ({})",
                    lab(&d.x, lang),
                    x_text(&last.x),
                    top.0,
                    pct(top.1, d.decimals, lang)
                ),
                Lang::En => format!(
                    "{who}at {} {} (n = {n}) '{}' is largest ({})",
                    lab(&d.x, lang),
                    x_text(&last.x),
                    shown_name(&top.0, lang),
                    pct(top.1, d.decimals, lang)
                ),
            });
        }
    }
    if parts.is_empty() {
        t(lang, "Geen bekende aandelen.", "No known shares.").into()
    } else {
        format!("{}.", parts.join("; "))
    }
}

pub fn forest_summary(d: &crate::data::tidy::ForestData, lang: Lang) -> String {
    let known: Vec<&crate::data::tidy::ForestRow> =
        d.rows.iter().filter(|r| r.estimate.is_some()).collect();
    let sig = known
        .iter()
        .filter(|r| crate::data::tidy::stars(r.significance.as_deref()) >= 2)
        .count();
    let desc = |r: &crate::data::tidy::ForestRow| {
        let m = r
            .model
            .as_ref()
            .map(|m| format!(", {m}"))
            .unwrap_or_default();
        format!(
            "{} ({}{m}: {})",
            r.category,
            r.dimension,
            number(r.estimate.unwrap_or(0.0), d.decimals, lang)
        )
    };
    let hi = known.iter().max_by(|a, b| {
        a.estimate
            .unwrap_or(0.0)
            .total_cmp(&b.estimate.unwrap_or(0.0))
    });
    let lo = known.iter().min_by(|a, b| {
        a.estimate
            .unwrap_or(0.0)
            .total_cmp(&b.estimate.unwrap_or(0.0))
    });
    let mut s = match lang {
        Lang::Nl => format!(
            "{} schattingen in {} kenmerken{}",
            known.len(),
            d.dimensions.len(),
            if d.models.is_empty() {
                String::new()
            } else {
                format!(" en {} modellen", d.models.len())
            }
        ),
        Lang::En => format!(
            "{} estimates in {} characteristics{}",
            known.len(),
            d.dimensions.len(),
            if d.models.is_empty() {
                String::new()
            } else {
                format!(" and {} models", d.models.len())
            }
        ),
    };
    if d.significance_column.is_some() {
        s.push_str(&match lang {
            Lang::Nl => format!(", waarvan {sig} met **"),
            Lang::En => format!(", {sig} of them with **"),
        });
    }
    s.push('.');
    if let (Some(h), Some(l)) = (hi, lo) {
        s.push_str(&format!(
            " {}: {}; {}: {}.",
            t(lang, "Hoogste", "Highest"),
            desc(h),
            t(lang, "laagste", "lowest"),
            desc(l)
        ));
    }
    s
}
