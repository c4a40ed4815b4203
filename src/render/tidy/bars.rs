//! The bar view's texts, table and chart.

use super::{cap, columns, completed, lab, pct, series_rows, x_text, Ctx};
use crate::compute::tidy::bars;
use crate::compute::tidy::frame::Frame;
use crate::error::Result;
use crate::format::{number, t, Lang};
use crate::render::{DataTable, Rendered};
use crate::spec::BarsSpec;
use serde_json::json;

pub(super) fn render(ctx: &Ctx, f: &Frame, s: &BarsSpec) -> Result<Rendered> {
    let (spec, lang) = (ctx.spec, ctx.lang);
    let d = bars::compute(f, s, spec.highlight.as_deref())?;
    let by = t(lang, "naar", "by");
    let title = ctx.title(|| match &d.series_column {
        Some(sc) => format!(
            "{} {by} {} {} {}",
            cap(&d.y, lang),
            lab(&d.x, lang),
            t(lang, "en", "and"),
            lab(sc, lang)
        ),
        None => format!("{} {by} {}", cap(&d.y, lang), lab(&d.x, lang)),
    });
    let subtitle = ctx.subtitle(&d.aggregated, || {
        let mut s = d.y_label.clone();
        if d.sort == "desc" {
            s.push_str(t(lang, ", van hoog naar laag", ", from high to low"));
        }
        if let Some(r) = &d.reference {
            s.push_str(&format!("; {}: {}", t(lang, "lijn", "line"), r.label));
        }
        s
    });
    let summary = bars_summary(&d, lang);
    let chart = crate::chart::bars::draw(&d, &ctx.texts(&title, &subtitle, &summary), lang)?;
    let columns = columns(
        &d.facet_column,
        d.series_column
            .iter()
            .cloned()
            .chain([d.x.clone(), d.y.clone()]),
    );
    let named = d.series_column.is_some();
    let rows = series_rows(&d.series, d.facet_column.is_some(), |s, p| {
        let series = named.then(|| json!(s.name));
        series
            .into_iter()
            .chain([p.x.clone(), json!(p.y)])
            .collect()
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
    let mut known: Vec<(String, f64)> = first
        .points
        .iter()
        .filter_map(|p| p.y.map(|y| (x_text(&p.x), y)))
        .collect();
    // A total among the bars (`totaal` beside the subgroups) is no highest part: said apart.
    let mut total = None;
    if known.iter().any(|(c, _)| !crate::data::tidy::is_total(c)) {
        total = known
            .iter()
            .find(|(c, _)| crate::data::tidy::is_total(c))
            .cloned();
        known.retain(|(c, _)| !crate::data::tidy::is_total(c));
    }
    // With several series or panels, the one described is named ("Hoogste personen (2017)").
    let of = match (
        &first.facet,
        d.series_column.is_some() && d.series.len() > 1,
    ) {
        (Some(fc), true) => format!(" ({}, {fc})", first.name),
        (Some(fc), false) => format!(" ({fc})"),
        (None, true) => format!(" ({})", first.name),
        (None, false) => String::new(),
    };
    let hi = known.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let lo = known.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    // Of the bars shown, when there were more than a chart holds.
    let shown = match (d.categories_total, lang) {
        (Some(all), Lang::Nl) => format!(
            "Van de {} getoonde van {} staven: ",
            number(d.categories.len() as f64, 0, lang),
            number(all as f64, 0, lang)
        ),
        (Some(all), Lang::En) => format!(
            "Of the {} bars shown of {}: ",
            number(d.categories.len() as f64, 0, lang),
            number(all as f64, 0, lang)
        ),
        (None, _) => String::new(),
    };
    let body = match (hi, lo) {
        // One bar (or every bar the same, as written): no highest beside a lowest.
        (Some(h), Some(l)) if known.len() == 1 || fmt(h.1) == fmt(l.1) => {
            let v = fmt(h.1);
            match (known.len(), lang) {
                (1, _) => format!("{}{of}: {} ({v}).", cap(&d.y, lang), h.0),
                (_, Lang::Nl) => format!("{}{of}: overal {v}.", cap(&d.y, lang)),
                (_, Lang::En) => format!("{}{of}: {v} throughout.", cap(&d.y, lang)),
            }
        }
        (Some(h), Some(l)) => format!(
            "{} {}{of}: {} ({}); {}: {} ({}).",
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
    let body = match total {
        Some((name, v)) => format!("{}; {name}: {}.", body.trim_end_matches('.'), fmt(v)),
        None => body,
    };
    // ("Van de 400 getoonde van 200.000 staven: hoogste ...")
    let mut s = match body.chars().next() {
        Some(first) if !shown.is_empty() => {
            shown + &first.to_lowercase().collect::<String>() + &body[first.len_utf8()..]
        }
        _ => body,
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
