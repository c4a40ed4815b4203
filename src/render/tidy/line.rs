//! The line view's texts, table and chart.

use super::{cap, columns, completed, lab, series_rows, Ctx};
use crate::compute::tidy::frame::Frame;
use crate::compute::tidy::line;
use crate::error::Result;
use crate::format::{number, signed, t, Lang};
use crate::render::{DataTable, Rendered};
use crate::spec::LineSpec;
use serde_json::json;

pub(super) fn render(ctx: &Ctx, f: &Frame, s: &LineSpec) -> Result<Rendered> {
    let (spec, lang) = (ctx.spec, ctx.lang);
    let d = line::compute(f, s)?;
    let label = |x: Option<&crate::data::tidy::XValue>| x.map(|x| x.label.clone());
    let first = label(d.x_values.first()).unwrap_or_default();
    let last = label(d.x_values.last()).unwrap_or_default();
    // Years as 2015-2017; labels with parts of their own (2015 K1, 31 dec 2015) with a spaced dash.
    let plain = |l: &str| l.bytes().all(|b| b.is_ascii_digit());
    let period = if first == last {
        first.clone()
    } else if plain(&first) && plain(&last) {
        format!("{first}-{last}")
    } else {
        format!("{first} – {last}")
    };
    let title = ctx.title(|| match &d.series_column {
        Some(sc) => format!(
            "{} {} {}, {period}",
            cap(&d.y, lang),
            t(lang, "naar", "by"),
            lab(sc, lang)
        ),
        None => format!("{}, {period}", cap(&d.y, lang)),
    });
    let subtitle = ctx.subtitle(&d.aggregated, || {
        let mut s = if d.index {
            format!("Index, {first} = 100")
        } else {
            d.y_label.clone()
        };
        if let Some(fc) = &d.facet_column {
            s.push_str(&format!("; per {fc}"));
        }
        s
    });
    let summary = line_summary(&d, lang);
    let chart = crate::chart::line::draw(
        &d,
        &ctx.texts(&title, &subtitle, &summary),
        s.highlight.as_deref().or(spec.highlight.as_deref()),
        lang,
    )?;
    let series = d
        .series_column
        .clone()
        .unwrap_or_else(|| t(lang, "reeks", "series").into());
    let value = if d.index { "index".into() } else { d.y.clone() };
    let mut columns = columns(&d.facet_column, [series, d.x.clone(), value]);
    if d.index {
        columns.push(d.y.clone());
    }
    let rows = series_rows(&d.series, d.facet_column.is_some(), |s, p| {
        let mut row = vec![json!(s.name), p.x.clone(), json!(p.y)];
        if d.index {
            row.push(json!(p.value));
        }
        row
    });
    ctx.finish(
        &completed(&d.x, &d.y, d.series_column.as_deref()),
        (title, subtitle, summary),
        &d,
        DataTable {
            columns,
            rows,
            ..Default::default()
        },
        chart,
        &d.notes,
    )
}

/// "Van 2017 tot 2019 groeide vso/pro het sterkst (+107,2 %); Wajong daalde het meest (-5,4 %)."
/// A percentage changes by percentage points ("+10,0 %-punt"), as differences of shares are given.
pub fn line_summary(d: &crate::data::tidy::LineData, lang: Lang) -> String {
    let points = d.percent && !d.index;
    let unit = match (points, lang) {
        (true, Lang::Nl) => "%-punt",
        (true, Lang::En) => "percentage points",
        (false, _) => "%",
    };
    let mut changes: Vec<(String, f64, String, String)> = Vec::new();
    // Lines that start at 0 or below: no change in % from there (-10 to 10 is no fall of
    // 200 %), their values said instead.
    let mut from_to: Vec<(String, f64, f64, String, String)> = Vec::new();
    for s in &d.series {
        let known: Vec<(usize, f64)> = s
            .points
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.y.map(|y| (k, y)))
            .collect();
        if let (Some(a), Some(b)) = (known.first(), known.last()) {
            if a.0 < b.0 {
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
                if !points && a.1 <= 0.0 {
                    from_to.push((name, a.1, b.1, xa, xb));
                    continue;
                }
                let change = if points {
                    b.1 - a.1
                } else {
                    (b.1 / a.1 - 1.0) * 100.0
                };
                changes.push((name, change, xa, xb));
            }
        }
    }
    // The first line that starts at 0 or below, by its values.
    let values = |(name, a, b, xa, xb): &(String, f64, f64, String, String)| {
        let (a, b) = (number(*a, d.decimals, lang), number(*b, d.decimals, lang));
        match lang {
            Lang::Nl => format!("van {xa} tot {xb} ging {name} van {a} naar {b} (geen verandering in % vanaf 0 of minder)"),
            Lang::En => format!("from {xa} to {xb} {name} went from {a} to {b} (no change in % from 0 or less)"),
        }
    };
    if changes.is_empty() {
        if let Some(first) = from_to.first() {
            return format!("{}.", crate::data::tidy::capitalise(&values(first)));
        }
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
        // One line: how much it changed; several: the one that grew most, or, when every line
        // fell, the one that fell least.
        let (nl, en) = if top.1 >= 0.0 {
            ("groeide", "grew")
        } else {
            ("daalde", "fell")
        };
        let how = match (changes.len() > 1, top.1 >= 0.0, lang) {
            (false, _, _) => String::new(),
            (true, true, Lang::Nl) => " het sterkst".to_string(),
            (true, false, Lang::Nl) => " het minst".to_string(),
            (true, true, Lang::En) => " most".to_string(),
            (true, false, Lang::En) => " least".to_string(),
        };
        s.push_str(&match lang {
            Lang::Nl => format!(
                "Van {} tot {} {nl} {}{how} ({} {unit})",
                top.2,
                top.3,
                top.0,
                signed(top.1, 1, lang)
            ),
            Lang::En => format!(
                "From {} to {} {} {en}{how} ({} {unit})",
                top.2,
                top.3,
                top.0,
                signed(top.1, 1, lang)
            ),
        });
    }
    if changes.len() > 1 {
        if let Some(low) = changes.last() {
            if low.1 < 0.0 {
                s.push_str(&format!(
                    "; {} {} ({} {unit})",
                    low.0,
                    t(lang, "daalde het meest", "fell most"),
                    signed(low.1, 1, lang)
                ));
            } else {
                s.push_str(&format!(
                    "; {} {} ({} {unit})",
                    low.0,
                    t(lang, "groeide het minst", "grew least"),
                    signed(low.1, 1, lang)
                ));
            }
        }
    }
    if let Some(first) = from_to.first() {
        s.push_str(&format!("; {}", values(first)));
    }
    s.push('.');
    // Of the lines shown, when there were more than a chart holds ("Van de 100 getoonde van
    // 20.000 lijnen: van 2019 ...").
    let Some(all) = d.series_total else {
        return s;
    };
    let (shown, all) = (
        number(d.series.len() as f64, 0, lang),
        number(all as f64, 0, lang),
    );
    let lead = match lang {
        Lang::Nl => format!("Van de {shown} getoonde van {all} lijnen: "),
        Lang::En => format!("Of the {shown} lines shown of {all}: "),
    };
    let mut c = s.chars();
    let first: String = c
        .next()
        .map(|f| f.to_lowercase().collect())
        .unwrap_or_default();
    lead + &first + c.as_str()
}
