//! The 100% stacked area view's texts, table and chart.

use super::{columns, completed, distribution_title, lab, pct, series_rows, x_text, Ctx};
use crate::compute::tidy::area;
use crate::compute::tidy::frame::Frame;
use crate::data::tidy::shown_name;
use crate::error::Result;
use crate::format::{number, t, Lang};
use crate::render::{DataTable, Rendered};
use crate::spec::AreaSpec;
use serde_json::json;
use std::collections::HashMap;

pub(super) fn render(ctx: &Ctx, f: &Frame, s: &AreaSpec) -> Result<Rendered> {
    let lang = ctx.lang;
    let d = area::compute(f, s)?;
    let title = ctx.title(|| distribution_title(&d.series_column, &d.x, lang));
    let subtitle = ctx.subtitle(&d.aggregated, || {
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
        sub
    });
    let summary = area_summary(&d, lang);
    let chart = crate::chart::area::draw(&d, &ctx.texts(&title, &subtitle, &summary), lang)?;
    let columns = columns(
        &d.facet_column,
        [
            d.x.clone(),
            d.series_column.clone(),
            t(lang, "aandeel (%)", "share (%)").into(),
            "n".into(),
        ],
    );
    let n_at: HashMap<(Option<String>, String), Option<f64>> =
        d.n.iter()
            .map(|n| ((n.facet.clone(), n.x.to_string()), n.n))
            .collect();
    let rows = series_rows(&d.series, d.facet_column.is_some(), |s, p| {
        let n = n_at
            .get(&(s.facet.clone(), p.x.to_string()))
            .copied()
            .flatten();
        vec![
            p.x.clone(),
            json!(shown_name(&s.name, lang)),
            json!(p.y),
            json!(n),
        ]
    });
    ctx.finish(
        &completed(&d.x, &d.y, Some(&d.series_column)),
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

pub fn area_summary(d: &crate::data::tidy::AreaData, lang: Lang) -> String {
    let panels: Vec<Option<String>> = if d.facets.is_empty() {
        vec![None]
    } else {
        d.facets.iter().cloned().map(Some).collect()
    };
    let mut parts = Vec::new();
    for p in panels {
        // The shares at an x of this panel.
        let shares_at = |x: &serde_json::Value| -> Vec<(String, f64)> {
            d.series
                .iter()
                .filter(|s| s.facet == p)
                .filter_map(|s| {
                    s.points
                        .iter()
                        .find(|pt| pt.x == *x)
                        .and_then(|pt| pt.y)
                        .map(|y| (s.name.clone(), y))
                })
                .collect()
        };
        // The last x with known shares and enough persons: shares there are reliable; else the
        // last with known shares, its n said.
        let in_panel: Vec<&crate::data::tidy::NPoint> =
            d.n.iter().filter(|n| n.facet == p).collect();
        let Some((last, mut at)) = in_panel
            .iter()
            .rev()
            .filter(|n| !n.small)
            .chain(in_panel.iter().rev())
            .map(|n| (*n, shares_at(&n.x)))
            .find(|(_, at)| !at.is_empty())
        else {
            continue;
        };
        crate::sort::sort_by(&mut at, |a, b| b.1.total_cmp(&a.1));
        if let Some(top) = at.first() {
            let who = p.clone().map(|p| format!("{p}: ")).unwrap_or_default();
            // The x as the axis shows it (`2017 K4`, not `2017K4`).
            let x_shown = d
                .x_values
                .iter()
                .find(|v| v.value == last.x)
                .map(|v| v.label.clone())
                .unwrap_or_else(|| x_text(&last.x));
            // (An n the file does not give is left out, not shown as "?".)
            let n = last
                .n
                .map(|n| format!(" (n = {})", number(n, 0, lang)))
                .unwrap_or_default();
            parts.push(match lang {
                Lang::Nl => format!(
                    "{who}bij {} {x_shown}{n} is '{}' het grootst ({})",
                    lab(&d.x, lang),
                    top.0,
                    pct(top.1, d.decimals, lang)
                ),
                Lang::En => format!(
                    "{who}at {} {x_shown}{n} '{}' is largest ({})",
                    lab(&d.x, lang),
                    shown_name(&top.0, lang),
                    pct(top.1, d.decimals, lang)
                ),
            });
        }
    }
    if parts.is_empty() {
        t(lang, "Geen bekende aandelen.", "No known shares.").into()
    } else {
        // A sentence begins with a capital ("Bij jaar 2017 ...").
        let s = format!("{}.", parts.join("; "));
        let mut c = s.chars();
        match c.next() {
            Some(first) => first.to_uppercase().chain(c).collect(),
            None => s,
        }
    }
}
