//! The 100% stacked bar view's texts, table and chart.

use super::{cap, columns, completed, distribution_title, lab, pct, series_rows, x_text, Ctx};
use crate::compute::tidy::frame::Frame;
use crate::compute::tidy::stacked;
use crate::data::tidy::{says_percent, shown_name};
use crate::error::Result;
use crate::format::{t, Lang};
use crate::render::{DataTable, Rendered};
use crate::spec::StackedSpec;
use serde_json::json;

/// The shares' column as the subtitle names it: `Aandeel in %`, but `Aandeel (%)` as it is.
fn in_percent(y: &str, lang: Lang) -> String {
    let label = cap(y, lang);
    if says_percent(&label) {
        label
    } else {
        format!("{label} in %")
    }
}

pub(super) fn render(ctx: &Ctx, f: &Frame, s: &StackedSpec) -> Result<Rendered> {
    let lang = ctx.lang;
    let d = stacked::compute(f, s)?;
    let title = ctx.title(|| distribution_title(&d.series_column, &d.x, lang));
    let subtitle = ctx.subtitle(&d.aggregated, || match (d.converted, lang) {
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
        (false, Lang::Nl) if cfg!(feature = "full") && d.left_out => format!(
            "{}, per {}: een deel van de verdeling over {} (filter)",
            in_percent(&d.y, lang),
            lab(&d.x, lang),
            lab(&d.series_column, lang)
        ),
        (false, Lang::En) if cfg!(feature = "full") && d.left_out => format!(
            "{}, per {}: part of the distribution over {} (filtered)",
            in_percent(&d.y, lang),
            lab(&d.x, lang),
            lab(&d.series_column, lang)
        ),
        (false, Lang::Nl) => format!(
            "{}, per {} samen 100 %",
            in_percent(&d.y, lang),
            lab(&d.x, lang)
        ),
        (false, Lang::En) => format!(
            "{}, per {} together 100 %",
            in_percent(&d.y, lang),
            lab(&d.x, lang)
        ),
    });
    let summary = stacked_summary(&d, lang);
    let chart = crate::chart::stacked::draw(&d, &ctx.texts(&title, &subtitle, &summary), lang)?;
    let mut columns = columns(
        &d.facet_column,
        [
            d.x.clone(),
            d.series_column.clone(),
            t(lang, "aandeel (%)", "share (%)").into(),
        ],
    );
    if d.converted {
        columns.push(d.y.clone());
    }
    let rows = series_rows(&d.series, d.facet_column.is_some(), |s, p| {
        let mut row = vec![p.x.clone(), json!(shown_name(&s.name, lang)), json!(p.y)];
        if d.converted {
            row.push(json!(p.value));
        }
        row
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
            let (hs, ls) = (pct(h.1, d.decimals, lang), pct(l.1, d.decimals, lang));
            // Equal everywhere (as shown): one share, not a largest and a smallest.
            parts.push(match lang {
                Lang::Nl if hs == ls => format!("'{}' is overal {hs}", s.name),
                Lang::En if hs == ls => format!("'{}' is {hs} throughout", s.name),
                Lang::Nl => format!(
                    "'{}' is het grootst bij {} ({hs}) en het kleinst bij {} ({ls})",
                    s.name, h.0, l.0
                ),
                Lang::En => format!(
                    "'{}' is largest at {} ({hs}) and smallest at {} ({ls})",
                    s.name, h.0, l.0
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
