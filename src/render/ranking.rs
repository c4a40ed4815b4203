//! Texts and assembly of the ranked bar charts per region (figures 3 and 4).

use super::texts::{self, pct, pp};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::ranking;
use crate::data::regional::*;
use crate::data::{DataTable, Outlier};
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::{RankingSpec, ViewSpec};

/// The Dutch reading of a ranking: highest and lowest, national, SD and the outliers.
pub fn summary(label: &str, national: f64, sd: f64, bars: &[Bar], k: f64, lang: Lang) -> String {
    let (Some(top), Some(bottom)) = (bars.first(), bars.last()) else {
        return String::new();
    };
    let ups: Vec<&str> = bars
        .iter()
        .filter(|b| b.outlier.is_some_and(Outlier::is_up))
        .map(|b| b.region.as_str())
        .collect();
    let downs: Vec<&str> = bars
        .iter()
        .filter(|b| b.outlier.is_some_and(|o| !o.is_up()))
        .map(|b| b.region.as_str())
        .collect();
    let mut s = format!(
        "{label}: het hoogst in {} ({}) en het laagst in {} ({}); landelijk {}, standaardafwijking {} %-punt.",
        top.region,
        pp(top.relative, lang),
        bottom.region,
        pp(bottom.relative, lang),
        pct(national, lang),
        number(sd, 1, lang),
    );
    let k = texts::k_text(k, lang);
    if !ups.is_empty() {
        s.push_str(&format!(
            " Meer dan {k} sd boven landelijk: {}.",
            texts::list(&ups)
        ));
    }
    if !downs.is_empty() {
        s.push_str(&format!(
            " Meer dan {k} sd onder landelijk: {}.",
            texts::list(&downs)
        ));
    }
    s
}

/// The numbers of a bar chart as a table.
pub fn bars_table(bars: &[Bar], with_parts: bool) -> DataTable {
    let mut cols = vec![
        "regio",
        "waarde (%)",
        "verschil met landelijk (%-punt)",
        "uitschieter",
    ];
    if with_parts {
        cols.extend([
            "groei via Praktijkroute (%)",
            "groei via overige routes (%)",
        ]);
    }
    let mut t = texts::table(&cols);
    for b in bars {
        let mut row = vec![
            b.region.clone().into(),
            b.value.into(),
            b.relative.into(),
            texts::outlier_word(b.outlier),
        ];
        if let Some(p) = b.parts.filter(|_| with_parts) {
            row.push(p.praktijkroute.into());
            row.push(p.pw_other.into());
        }
        t.rows.push(row);
    }
    t
}

pub fn render(ds: &Dataset, s: &RankingSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional()?;
    let data = ranking::compute(d, s, spec.k)?;
    let lang = spec.lang;
    let title = format!("{} per regio", data.label);
    let subtitle = format!(
        "Verschil met landelijk in %-punt; landelijk {}, standaardafwijking {} %-punt; n = {}",
        pct(data.national, lang),
        number(data.sd, 1, lang),
        data.bars.len()
    );
    let summary = summary(
        &data.label,
        data.national,
        data.sd,
        &data.bars,
        data.k,
        lang,
    );
    let source = source_line(ds);
    let chart = chart::ranking::draw(
        &chart::ranking::Input {
            bars: &data.bars,
            national: data.national,
            sd: data.sd,
            k: data.k,
            value_unit: "%",
        },
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        texts::resolve_highlight(ds, spec.highlight.as_deref()).as_deref(),
        lang,
    )?;
    let mut resolved = vec![
        ("measure", data.measure.to_string()),
        ("subgroup", data.subgroup.key().to_string()),
    ];
    if let (Some(a), Some(b)) = (data.from, data.to) {
        resolved.extend([("from", a.to_string()), ("to", b.to_string())]);
    }
    if let Some(y) = data.year {
        resolved.push(("year", y.to_string()));
    }
    Ok(Rendered::assemble(
        "ranking",
        spec.query_resolved("ranking", &resolved),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&data)?,
        bars_table(&data.bars, false),
        chart,
        texts::notes(ds, &data.excluded)
            .into_iter()
            .chain(texts::highlight_note(ds, spec.highlight.as_deref()))
            .collect(),
    ))
}
