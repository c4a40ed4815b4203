//! The forest view's texts, table and chart.

use super::{cap, columns, lab, Ctx};
use crate::compute::tidy::forest;
use crate::compute::tidy::frame::Frame;
use crate::error::Result;
use crate::format::{number, t, Lang};
use crate::render::{DataTable, Rendered};
use crate::spec::ForestSpec;
use serde_json::{json, Value as Json};

pub(super) fn render(ctx: &Ctx, f: &Frame, s: &ForestSpec) -> Result<Rendered> {
    let lang = ctx.lang;
    let d = forest::compute(f, s)?;
    let title = ctx.title(|| match (&d.series_column, lang) {
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
    // Rows are never combined in a forest: no aggregation note.
    let subtitle = ctx.subtitle(&None, || {
        if d.log {
            t(
                lang,
                "Logaritmische schaal; 1 = gelijk aan de referentiecategorie (naast elk kenmerk)",
                "Logarithmic scale; 1 = equal to the reference category (beside each characteristic)",
            )
            .to_string()
        } else {
            d.y_label.clone()
        }
    });
    let summary = forest_summary(&d, lang);
    let chart = crate::chart::forest::draw(&d, &ctx.texts(&title, &subtitle, &summary), lang)?;
    let columns = columns(
        &d.facet_column,
        [
            "model".into(),
            t(lang, "dimensie", "dimension").into(),
            t(lang, "categorie", "category").into(),
            t(lang, "referentie", "reference").into(),
            d.y.clone(),
            t(lang, "significantie", "significance").into(),
        ],
    );
    let rows = d
        .rows
        .iter()
        .map(|r| {
            let panel = d.facet_column.is_some().then(|| json!(r.facet));
            panel
                .into_iter()
                .chain([
                    json!(r.model),
                    json!(r.dimension),
                    json!(r.category),
                    json!(r.reference),
                    json!(r.estimate),
                    json!(r.significance),
                ])
                .collect::<Vec<Json>>()
        })
        .collect();
    let mut resolved = vec![("y", d.y.clone())];
    if let Some(c) = &d.series_column {
        resolved.push(("series", c.clone()));
    }
    ctx.finish(
        &resolved,
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
    // "1 schatting in 1 kenmerk", "12 schattingen in 3 kenmerken".
    let (n, m) = (known.len(), d.dimensions.len());
    let of = |k: usize, one: &str, more: &str| format!("{k} {}", if k == 1 { one } else { more });
    let mut s = match lang {
        Lang::Nl => format!(
            "{} in {}{}",
            of(n, "schatting", "schattingen"),
            of(m, "kenmerk", "kenmerken"),
            if d.models.is_empty() {
                String::new()
            } else {
                format!(" en {}", of(d.models.len(), "model", "modellen"))
            }
        ),
        Lang::En => format!(
            "{} in {}{}",
            of(n, "estimate", "estimates"),
            of(m, "characteristic", "characteristics"),
            if d.models.is_empty() {
                String::new()
            } else {
                format!(" and {}", of(d.models.len(), "model", "models"))
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
    if let (Some(h), true) = (hi, n == 1) {
        s.push_str(&format!(" {}.", desc(h)));
    } else if let (Some(h), Some(l)) = (hi, lo) {
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
