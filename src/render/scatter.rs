//! Texts and assembly of the regional scatterplot (figures 1 and 2).

use super::texts::{self, pct, pp_unit, t, Against};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::scatter;
use crate::data::regional::*;
use crate::data::DataTable;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::ViewSpec;

pub fn render_scatter(
    ds: &Dataset,
    s: &crate::spec::ScatterSpec,
    spec: &ViewSpec,
) -> Result<Rendered> {
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let data = scatter::compute(d, s, spec.k, lang)?;
    // The file's name of the region to mark (`zwolle`, `Fryslân`: see `texts::find_highlight`).
    let found = texts::resolve_highlight(ds, spec.highlight.as_deref());
    let highlight = found.as_deref();
    let g = data.subgroup;
    let gl = g.label_in(lang);
    let (from, to) = (data.from, data.to);
    let span = from.span(to, lang);
    let from_l = from.label_in(lang);
    let title = match (s.x, lang) {
        (crate::spec::ScatterX::Share, Lang::Nl) => {
            format!("Aandeel werkenden {from_l} en groei {span}, {gl}")
        }
        (crate::spec::ScatterX::Share, Lang::En) => {
            format!("Share working {from_l} and growth {span}, {gl}")
        }
        (crate::spec::ScatterX::RegisterShare, Lang::Nl) => {
            format!("Aandeel {gl} in het register {from_l} en groei {span}")
        }
        (crate::spec::ScatterX::RegisterShare, Lang::En) => {
            format!("Share of {gl} in the register {from_l} and growth {span}")
        }
    };
    // Which national value is which, short: the subgroup is in the title.
    let (x_short, y_short) = match (s.x, lang) {
        (crate::spec::ScatterX::Share, Lang::Nl) => (
            format!("aandeel werkenden {from_l}"),
            format!("groei {span}"),
        ),
        (crate::spec::ScatterX::Share, Lang::En) => {
            (format!("share working {from_l}"), format!("growth {span}"))
        }
        (crate::spec::ScatterX::RegisterShare, Lang::Nl) => (
            format!("aandeel in het register {from_l}"),
            format!("groei {span}"),
        ),
        (crate::spec::ScatterX::RegisterShare, Lang::En) => (
            format!("share in the register {from_l}"),
            format!("growth {span}"),
        ),
    };
    let subtitle = match lang {
        Lang::Nl => format!(
            "Per arbeidsmarktregio, verschil met landelijk (landelijk: {x_short} {} en {y_short} {}); n = {}",
            pct(data.national_x, lang),
            pct(data.national_y, lang),
            data.points.len()
        ),
        Lang::En => format!(
            "Per labour market region, difference from national (national: {x_short} {} and {y_short} {}); n = {}",
            pct(data.national_x, lang),
            pct(data.national_y, lang),
            data.points.len()
        ),
    };
    let summary = scatter_summary(&data, lang);
    let source = source_line(ds, lang);
    let chart = chart::scatter::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
        },
        highlight,
        lang,
    )?;
    let mut notes = texts::notes(ds, &data.excluded, lang);
    notes.extend(texts::seasons_note(data.from, data.to, lang));
    let relative = format!(
        "{} ({})",
        t(lang, "verschil met landelijk", "difference from national"),
        pp_unit(lang)
    );
    let table = DataTable {
        columns: vec![
            t(lang, "regio", "region").into(),
            format!("{} (%)", data.x_name),
            format!("{}, {relative}", data.x_name),
            format!("{} (%)", data.y_name),
            format!("{}, {relative}", data.y_name),
            format!("{} ({})", t(lang, "residu", "residual"), pp_unit(lang)),
            texts::outlier_header(lang).into(),
        ],
        rows: data
            .points
            .iter()
            .map(|p| {
                vec![
                    p.region.clone().into(),
                    p.x_value.into(),
                    p.x.into(),
                    p.y_value.into(),
                    p.y.into(),
                    p.residual.into(),
                    texts::outlier_word(p.outlier, Against::Trend, lang),
                ]
            })
            .collect(),
        ..Default::default()
    };
    let x = match s.x {
        crate::spec::ScatterX::Share => "share",
        crate::spec::ScatterX::RegisterShare => "register_share",
    };
    Ok(Rendered::assemble(
        "scatter",
        spec.query_resolved(
            "scatter",
            &[
                ("subgroup", g.key().into()),
                ("from", data.from.to_string()),
                ("to", data.to.to_string()),
                ("x", x.into()),
            ],
        ),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&data)?,
        table,
        chart,
        notes,
    ))
}

/// The reading of a scatterplot: direction and strength of the trend, and the outliers.
pub fn scatter_summary(d: &ScatterData, lang: Lang) -> String {
    let what_x = match (d.x_measure, lang) {
        ("register_share", Lang::Nl) => format!(
            "het aandeel {} in het register {}",
            d.subgroup.label(),
            d.from.at_in(lang)
        ),
        ("register_share", Lang::En) => format!(
            "the share of {} in the register {}",
            d.subgroup.label_in(lang),
            d.from.at_in(lang)
        ),
        (_, Lang::Nl) => format!("het aandeel werkenden {}", d.from.at_in(lang)),
        (_, Lang::En) => format!("the share working {}", d.from.at_in(lang)),
    };
    let trend = match (d.slope < 0.0, lang) {
        (true, Lang::Nl) => format!("Hoe lager {what_x}, hoe sterker de groei"),
        (false, Lang::Nl) => format!("Hoe hoger {what_x}, hoe sterker de groei"),
        (true, Lang::En) => format!("The lower {what_x}, the stronger the growth"),
        (false, Lang::En) => format!("The higher {what_x}, the stronger the growth"),
    };
    let strength = if d.r2 < 0.05 {
        t(lang, " (nauwelijks verband)", " (hardly any relation)")
    } else if d.r2 < 0.25 {
        t(lang, " (zwak verband)", " (weak relation)")
    } else {
        ""
    };
    let ups: Vec<&str> = d
        .points
        .iter()
        .filter(|p| p.outlier.is_some_and(|o| o.is_up()))
        .map(|p| p.region.as_str())
        .collect();
    let downs: Vec<&str> = d
        .points
        .iter()
        .filter(|p| p.outlier.is_some_and(|o| !o.is_up()))
        .map(|p| p.region.as_str())
        .collect();
    let mut s = format!("{trend}: R² {}{strength}.", number(d.r2, 4, lang));
    if !ups.is_empty() {
        s.push_str(&format!(
            " {}: {}.",
            t(
                lang,
                "Sterker gegroeid dan de trend",
                "Grew more strongly than the trend"
            ),
            ups.join(", ")
        ));
    }
    if !downs.is_empty() {
        s.push_str(&format!(
            " {}: {}.",
            t(
                lang,
                "Minder gegroeid dan de trend",
                "Grew less than the trend"
            ),
            downs.join(", ")
        ));
    }
    s
}
