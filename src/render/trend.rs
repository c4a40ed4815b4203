//! Texts and assembly of the trend chart (figure 6).

use super::texts::{self, pct};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::regional::measures::growth;
use crate::compute::trend;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::{Subgroup, TrendSpec, ViewSpec};

fn noun(measure: &str) -> &'static str {
    match measure {
        "register" => "personen in het doelgroepregister",
        _ => "werkzame personen",
    }
}

pub fn summary(d: &TrendData, lang: Lang) -> String {
    let mut parts = Vec::new();
    let total = d.national.iter().find(|s| s.subgroup == Subgroup::Total);
    if let Some(((a, va), (b, vb))) = total.and_then(|s| s.ends(&d.years)) {
        if a < b {
            parts.push(format!(
                "Het aantal {} {} landelijk van {} in {a} naar {} in {b} ({}{})",
                noun(d.measure),
                if vb >= va { "groeide" } else { "daalde" },
                number(va, 0, lang),
                number(vb, 0, lang),
                if vb >= va { "+" } else { "" },
                pct(growth(Some(va), Some(vb)).unwrap_or(f64::NAN), lang)
            ));
        }
    }
    let mut changes: Vec<(&Series, f64)> = d
        .national
        .iter()
        .filter(|s| s.subgroup != Subgroup::Total)
        .filter_map(|s| {
            let ((a, va), (b, vb)) = s.ends(&d.years)?;
            (a < b).then_some((s, growth(Some(va), Some(vb))?))
        })
        .collect();
    crate::sort::sort_by(&mut changes, |a, b| b.1.total_cmp(&a.1));
    if let Some((s, g)) = changes.first() {
        parts.push(format!(
            "{} groeide het sterkst ({}{})",
            s.label,
            if *g > 0.0 { "+" } else { "" },
            pct(*g, lang)
        ));
    }
    let falling: Vec<String> = changes
        .iter()
        .filter(|(_, g)| *g < 0.0)
        .map(|(s, g)| format!("{} daalde ({})", s.label, pct(*g, lang)))
        .collect();
    if !falling.is_empty() {
        parts.push(falling.join(", "));
    }
    let mut s = parts.join("; ");
    if !s.is_empty() {
        s.push('.');
    }
    if let Some(r) = &d.region {
        s.push_str(&format!(" Per regio uitgesplitst; {r} is gemarkeerd."));
    }
    s.trim().to_string()
}

pub fn render(ds: &Dataset, s: &TrendSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional()?;
    let data = trend::compute(d, s, spec.highlight.as_deref())?;
    let lang = spec.lang;
    let (first, last) = (
        data.years.first().copied().unwrap_or_default(),
        data.years.last().copied().unwrap_or_default(),
    );
    let noun_cap = match data.measure {
        "register" => "Personen in het doelgroepregister",
        _ => "Werkzame personen",
    };
    let title = match &data.region {
        None => format!("{noun_cap} per deelgroep, {first}-{last}"),
        Some(r) => format!("{noun_cap} per deelgroep per regio, {first}-{last} ({r})"),
    };
    let subtitle = match &data.region {
        None => "Landelijk, aantal personen eind van het jaar".to_string(),
        Some(_) => "Aantal personen eind van het jaar; elke regio op een eigen schaal (vergelijk de vorm, niet de hoogte)".to_string(),
    };
    let summary = summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::trend::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        lang,
    )?;
    let mut table = texts::table(&[]);
    table.columns.push("gebied".into());
    table.columns.push("deelgroep".into());
    table
        .columns
        .extend(data.years.iter().map(|y| y.to_string()));
    let mut add = |name: &str, series: &[Series]| {
        for s in series {
            let mut row = vec![name.into(), s.label.clone().into()];
            row.extend(s.values.iter().map(|v| texts::cell(*v)));
            table.rows.push(row);
        }
    };
    if data.panels.is_empty() {
        add("Landelijk", &data.national);
    } else {
        for p in &data.panels {
            add(&p.name, &p.series);
        }
    }
    let mut notes = texts::notes(ds, &[]);
    if let Some(p) = data
        .national
        .iter()
        .find(|s| s.subgroup == Subgroup::Praktijkroute)
    {
        if p.values.iter().filter(|v| v.is_some()).count() == 1 {
            notes.push("De Praktijkroute bestaat sinds 1 januari 2017; er is één meetpunt.".into());
        }
    }
    Ok(Rendered::assemble(
        "trend",
        spec.query_resolved("trend", &[("measure", data.measure.to_string())]),
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
