//! Texts and assembly of the regional scatterplot (figures 1 and 2).

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
    let d = ds.regional()?;
    let data = scatter::compute(d, s, spec.k)?;
    let lang = spec.lang;
    let g = data.subgroup;
    let title = match s.x {
        crate::spec::ScatterX::Share => format!(
            "Aandeel werkenden {from} en groei {from}-{to}, {}",
            g.label(),
            from = data.from,
            to = data.to
        ),
        crate::spec::ScatterX::RegisterShare => format!(
            "Aandeel {} in het register {from} en groei {from}-{to}",
            g.label(),
            from = data.from,
            to = data.to
        ),
    };
    let subtitle = format!(
        "Per arbeidsmarktregio, verschil met landelijk (landelijk: {} % en {} %); n = {}",
        number(data.national_x, 1, lang),
        number(data.national_y, 1, lang),
        data.points.len()
    );
    let summary = scatter_summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::scatter::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        spec.highlight.as_deref(),
        lang,
    )?;
    let mut notes: Vec<String> = data
        .excluded
        .iter()
        .map(|e| format!("{} niet getoond: {}", e.region, e.reason))
        .collect();
    if !d.national_from_file {
        notes.push("Landelijke waarden berekend als som van de regio's (geen landelijke rij in het bestand).".into());
    }
    let table = DataTable {
        columns: vec![
            "regio".into(),
            "x (%-punt)".into(),
            "y (%-punt)".into(),
            "residu".into(),
            "uitschieter".into(),
        ],
        rows: data
            .points
            .iter()
            .map(|p| {
                vec![
                    p.region.clone().into(),
                    p.x.into(),
                    p.y.into(),
                    p.residual.into(),
                    p.outlier.map(|o| o.as_str()).into(),
                ]
            })
            .collect(),
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

/// The Dutch reading of a scatterplot: direction and strength of the trend, and the outliers.
pub fn scatter_summary(d: &ScatterData, lang: Lang) -> String {
    let what_x = match d.x_measure {
        "register_share" => format!(
            "het aandeel {} in het register in {}",
            d.subgroup.label(),
            d.from
        ),
        _ => format!("het aandeel werkenden in {}", d.from),
    };
    let trend = if d.slope < 0.0 {
        format!("Hoe lager {what_x}, hoe sterker de groei")
    } else {
        format!("Hoe hoger {what_x}, hoe sterker de groei")
    };
    let strength = if d.r2 < 0.05 {
        " (nauwelijks verband)"
    } else if d.r2 < 0.25 {
        " (zwak verband)"
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
    let mut s = format!("{trend}: R² {}{strength}.", number(d.r2, 2, lang));
    if !ups.is_empty() {
        s.push_str(&format!(
            " Sterker gegroeid dan de trend: {}.",
            ups.join(", ")
        ));
    }
    if !downs.is_empty() {
        s.push_str(&format!(
            " Minder gegroeid dan de trend: {}.",
            downs.join(", ")
        ));
    }
    s
}
