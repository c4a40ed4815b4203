//! Texts and assembly of the ranked bar charts per region (figures 3 and 4).

use super::texts::{self, pct, pp, pp_unit, t, Against};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::ranking;
use crate::data::regional::*;
use crate::data::DataTable;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::{RankingSpec, ViewSpec};

/// The reading of a ranking: highest and lowest, national, SD and the outliers.
pub fn summary(label: &str, national: f64, sd: f64, bars: &[Bar], k: f64, lang: Lang) -> String {
    let (Some(top), Some(bottom)) = (bars.first(), bars.last()) else {
        return String::new();
    };
    let mut s = match lang {
        Lang::Nl => format!(
            "{label}: het hoogst in {} ({}) en het laagst in {} ({}); landelijk {}, standaardafwijking {} %-punt.",
            top.region,
            pp(top.relative, lang),
            bottom.region,
            pp(bottom.relative, lang),
            pct(national, lang),
            number(sd, 1, lang),
        ),
        Lang::En => format!(
            "{label}: highest in {} ({}) and lowest in {} ({}); national {}, standard deviation {} pp.",
            top.region,
            pp(top.relative, lang),
            bottom.region,
            pp(bottom.relative, lang),
            pct(national, lang),
            number(sd, 1, lang),
        ),
    };
    s.push_str(&outliers_sentence(bars, k, lang));
    s
}

/// The outliers among `bars`, above and below, in their order: " Meer dan 1 sd boven landelijk:
/// A en B. Meer dan 1 sd onder landelijk: C." (rankings, the decomposition, levels).
pub fn outliers_sentence(bars: &[Bar], k: f64, lang: Lang) -> String {
    let k = texts::k_text(k, lang);
    let side = |up: bool| -> Vec<&str> {
        bars.iter()
            .filter(|b| b.outlier.is_some_and(|o| o.is_up() == up))
            .map(|b| b.region.as_str())
            .collect()
    };
    let mut s = String::new();
    for (regions, nl, en) in [
        (side(true), "boven", "above"),
        (side(false), "onder", "below"),
    ] {
        if !regions.is_empty() {
            s.push_str(&match lang {
                Lang::Nl => format!(
                    " Meer dan {k} sd {nl} landelijk: {}.",
                    texts::list_in(&regions, lang)
                ),
                Lang::En => format!(
                    " More than {k} sd {en} national: {}.",
                    texts::list_in(&regions, lang)
                ),
            });
        }
    }
    s
}

/// The numbers of a bar chart as a table; `measure` names the value column ("Groei werkenden
/// 2015-2017").
pub fn bars_table(bars: &[Bar], measure: &str, with_parts: bool, lang: Lang) -> DataTable {
    let mut cols = vec![
        t(lang, "regio", "region").to_string(),
        format!("{measure} (%)"),
        format!(
            "{} ({})",
            t(lang, "verschil met landelijk", "difference from national"),
            pp_unit(lang)
        ),
        texts::outlier_header(lang).to_string(),
    ];
    if with_parts {
        cols.extend([
            t(
                lang,
                "groei via Praktijkroute (%-punt)",
                "growth via the Praktijkroute (pp)",
            )
            .to_string(),
            t(
                lang,
                "groei via overige routes (%-punt)",
                "growth via other routes (pp)",
            )
            .to_string(),
        ]);
    }
    let mut t = DataTable {
        columns: cols,
        rows: Vec::new(),
        ..Default::default()
    };
    for b in bars {
        let mut row = vec![
            b.region.clone().into(),
            b.value.into(),
            b.relative.into(),
            texts::outlier_word(b.outlier, Against::National, lang),
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
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let data = ranking::compute(d, s, spec.k, lang)?;
    let title = format!("{} {}", data.label, t(lang, "per regio", "per region"));
    let subtitle = match lang {
        Lang::Nl => format!(
            "Verschil met landelijk in %-punt; landelijk {}, standaardafwijking {} %-punt; n = {}",
            pct(data.national, lang),
            number(data.sd, 1, lang),
            data.bars.len()
        ),
        Lang::En => format!(
            "Difference from national in percentage points (pp); national {}, standard deviation {} pp; n = {}",
            pct(data.national, lang),
            number(data.sd, 1, lang),
            data.bars.len()
        ),
    };
    let summary = summary(
        &data.label,
        data.national,
        data.sd,
        &data.bars,
        data.k,
        lang,
    );
    let source = source_line(ds, lang);
    let chart = chart::ranking::draw(
        &chart::ranking::Input {
            bars: &data.bars,
            national: data.national,
            sd: data.sd,
            k: data.k,
            value_unit: "%",
            label: &data.label,
        },
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
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
        bars_table(&data.bars, &data.label, false, lang),
        chart,
        texts::notes(ds, &data.excluded, lang)
            .into_iter()
            .chain(match (data.from, data.to) {
                (Some(f), Some(t)) => texts::seasons_note(f, t, lang),
                _ => None,
            })
            .chain(texts::highlight_note(ds, spec.highlight.as_deref(), lang))
            .collect(),
    ))
}
