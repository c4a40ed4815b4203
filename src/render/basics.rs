//! Texts and assembly of the basic measures table (table 7 of the report).

use super::texts::{self, pct};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::basics;
use crate::data::regional::*;
use crate::data::DataTable;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::ViewSpec;

pub fn summary(d: &BasicsData, lang: Lang) -> String {
    let mut s = Vec::new();
    if let Some(m) = d.measure("workers_growth").filter(|m| m.available) {
        s.push(format!(
            "{}: landelijk {} (sd {} %-punt)",
            m.label,
            pct(m.national.unwrap_or(f64::NAN), lang),
            number(m.sd.unwrap_or(f64::NAN), 1, lang)
        ));
    }
    let label = |k: &str| {
        d.measure(k)
            .map(|m| crate::case::lower(&m.label))
            .unwrap_or_else(|| k.to_string())
    };
    // Correlations of workers growth with the other measures: the report's question.
    let mut with_growth: Vec<(String, f64, bool)> = d
        .correlations
        .iter()
        .filter_map(|c| {
            let other = if c.a == "workers_growth" {
                &c.b
            } else if c.b == "workers_growth" {
                &c.a
            } else {
                return None;
            };
            Some((label(other), c.r?, other.contains("vacancies")))
        })
        .collect();
    crate::sort::sort_by(&mut with_growth, |a, b| b.1.abs().total_cmp(&a.1.abs()));
    let related: Vec<String> = with_growth
        .iter()
        .filter(|(_, r, vac)| !vac && r.abs() >= 0.3)
        .map(|(l, r, _)| format!("{l} (r = {})", number(*r, 2, lang)))
        .collect();
    if !related.is_empty() {
        s.push(format!(
            "de groei van werkenden hangt samen met {}",
            texts::list(&related.iter().map(String::as_str).collect::<Vec<_>>())
        ));
    }
    let vac: Vec<&(String, f64, bool)> = with_growth.iter().filter(|c| c.2).collect();
    if !vac.is_empty() {
        let weak = vac.iter().all(|c| c.1.abs() < 0.2);
        s.push(format!(
            "met de groei van vacatures {} (r = {})",
            if weak { "nauwelijks" } else { "wel" },
            vac.iter()
                .map(|c| number(c.1, 2, lang))
                .collect::<Vec<_>>()
                .join(" en ")
        ));
    }
    let na: Vec<String> = d
        .measures
        .iter()
        .filter(|m| !m.available)
        .map(|m| {
            format!(
                "{} niet beschikbaar ({})",
                m.label,
                m.reason.clone().unwrap_or_default()
            )
        })
        .collect();
    let mut out = s.join("; ");
    if !out.is_empty() {
        out = format!("{}{}.", crate::case::upper(&out[..1]), &out[1..]);
    }
    if !na.is_empty() {
        out.push_str(&format!(" {}.", na.join("; ")));
    }
    out.trim().to_string()
}

/// The table of the page and the CSV: value and difference per measure, then national and SD rows.
pub fn data_table(d: &BasicsData) -> DataTable {
    let mut t = texts::table(&["regio"]);
    for m in &d.measures {
        t.columns.push(format!("{} (%)", m.label));
        t.columns
            .push(format!("{}: verschil met landelijk (%-punt)", m.label));
    }
    let na = || serde_json::Value::from("n.b.");
    for (i, r) in d.regions.iter().enumerate() {
        let mut row = vec![r.clone().into()];
        for m in &d.measures {
            if m.available {
                row.push(texts::cell(m.values.get(i).copied().flatten()));
                row.push(texts::cell(m.relative.get(i).copied().flatten()));
            } else {
                row.push(na());
                row.push(na());
            }
        }
        t.rows.push(row);
    }
    let mut nat = vec!["Landelijk".into()];
    let mut sd = vec!["Standaardafwijking".into()];
    for m in &d.measures {
        if m.available {
            nat.push(texts::cell(m.national));
            nat.push(serde_json::Value::Null);
            sd.push(serde_json::Value::Null);
            sd.push(texts::cell(m.sd));
        } else {
            nat.extend([na(), na()]);
            sd.extend([na(), na()]);
        }
    }
    t.rows.push(nat);
    t.rows.push(sd);
    t
}

pub fn render(
    ds: &Dataset,
    from: Option<crate::spec::Period>,
    to: Option<crate::spec::Period>,
    spec: &ViewSpec,
) -> Result<Rendered> {
    let d = ds.regional()?;
    let mut data = basics::compute(d, from, to)?;
    basics::classify_outliers(&mut data, spec.k);
    let lang = spec.lang;
    let title = format!("Basisgegevens per regio, {}-{}", data.from, data.to);
    let subtitle =
        "Regio's: verschil met landelijk in %-punt; landelijk en standaardafwijking onderaan"
            .to_string();
    let summary = summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::basics::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        texts::resolve_highlight(ds, spec.highlight.as_deref()).as_deref(),
        lang,
    )?;
    let mut notes = texts::notes(ds, &[]);
    notes.extend(texts::highlight_note(ds, spec.highlight.as_deref()));
    for m in data.measures.iter().filter(|m| !m.available) {
        notes.push(format!(
            "{} niet beschikbaar: {}.",
            m.label,
            m.reason.clone().unwrap_or_default()
        ));
    }
    if data
        .measures
        .iter()
        .any(|m| m.national_basis == "mean_of_regions")
    {
        notes.push("Banen t.o.v. indicatie: landelijk = ongewogen gemiddelde van de regio's; gemid. = gemiddelde van de jaren.".into());
    }
    Ok(Rendered::assemble(
        "basics",
        format!(
            "view=basics&from={}&to={}{}",
            data.from,
            data.to,
            common_query(spec)
        ),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&data)?,
        data_table(&data),
        chart,
        notes,
    ))
}
