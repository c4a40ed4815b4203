//! Texts and assembly of the trend chart (figure 6).

use super::grain_of;
use super::texts::{self, pct, t};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::regional::measures::growth;
use crate::compute::trend;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::{Subgroup, TrendSpec, ViewSpec};

fn noun(measure: &str, lang: Lang) -> &'static str {
    match measure {
        "register" => t(
            lang,
            "personen in het doelgroepregister",
            "persons in the target group register",
        ),
        _ => t(lang, "werkzame personen", "working persons"),
    }
}

pub fn summary(d: &TrendData, lang: Lang) -> String {
    let mut parts = Vec::new();
    let total = d.national.iter().find(|s| s.subgroup == Subgroup::Total);
    if let Some(((a, va), (b, vb))) = total.and_then(|s| s.ends(&d.years)) {
        if a < b {
            let change = format!(
                "{}{}",
                if vb >= va { "+" } else { "" },
                pct(growth(Some(va), Some(vb)).unwrap_or(f64::NAN), lang)
            );
            parts.push(match lang {
                Lang::Nl => format!(
                    "Het aantal {} {} landelijk van {} {} naar {} {} ({change})",
                    noun(d.measure, lang),
                    if vb >= va { "groeide" } else { "daalde" },
                    number(va, 0, lang),
                    a.at_in(lang),
                    number(vb, 0, lang),
                    b.at_in(lang),
                ),
                Lang::En => format!(
                    "The number of {} nationally {} from {} {} to {} {} ({change})",
                    noun(d.measure, lang),
                    if vb >= va { "grew" } else { "fell" },
                    number(va, 0, lang),
                    a.at_in(lang),
                    number(vb, 0, lang),
                    b.at_in(lang),
                ),
            });
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
            "{} {} ({}{})",
            s.label,
            t(lang, "groeide het sterkst", "grew most"),
            if *g > 0.0 { "+" } else { "" },
            pct(*g, lang)
        ));
    }
    let falling: Vec<String> = changes
        .iter()
        .filter(|(_, g)| *g < 0.0)
        .map(|(s, g)| {
            format!(
                "{} {} ({})",
                s.label,
                t(lang, "daalde", "fell"),
                pct(*g, lang)
            )
        })
        .collect();
    if !falling.is_empty() {
        parts.push(falling.join(", "));
    }
    // One period (or no line with two): the level, not a change.
    if parts.is_empty() {
        if let Some((p, v)) = total.and_then(|s| {
            let k = s.values.iter().rposition(Option::is_some)?;
            Some((d.years.get(k)?, s.values[k]?))
        }) {
            parts.push(match lang {
                Lang::Nl => format!(
                    "Landelijk {} {} {}; één meetpunt, dus geen ontwikkeling",
                    number(v, 0, lang),
                    noun(d.measure, lang),
                    p.at_in(lang)
                ),
                Lang::En => format!(
                    "Nationally {} {} {}; one data point, so no trend",
                    number(v, 0, lang),
                    noun(d.measure, lang),
                    p.at_in(lang)
                ),
            });
        }
    }
    let mut s = parts.join("; ");
    if !s.is_empty() {
        s.push('.');
    }
    if let Some(r) = &d.region {
        s.push_str(&match lang {
            Lang::Nl => format!(" Per regio uitgesplitst; {r} is gemarkeerd."),
            Lang::En => format!(" Split by region; {r} is marked."),
        });
    }
    s.trim().to_string()
}

pub fn render(ds: &Dataset, s: &TrendSpec, spec: &ViewSpec) -> Result<Rendered> {
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let data = trend::compute(d, s, spec.highlight.as_deref(), lang)?;
    let span = data.span(lang);
    let noun_cap = crate::data::tidy::capitalise(noun(data.measure, lang));
    let title = match (&data.region, lang) {
        (None, Lang::Nl) => format!("{noun_cap} per deelgroep, {span}"),
        (Some(r), Lang::Nl) => format!("{noun_cap} per deelgroep per regio, {span} ({r})"),
        (None, Lang::En) => format!("{noun_cap} per subgroup, {span}"),
        (Some(r), Lang::En) => {
            format!("{noun_cap} per subgroup per region, {span} ({r})")
        }
    };
    let at = grain_of(&data.years).at_each(lang);
    let subtitle = match (&data.region, lang) {
        (None, Lang::Nl) => format!("Landelijk, aantal personen {at}"),
        (None, Lang::En) => format!("National, number of persons {at}"),
        (Some(_), Lang::Nl) => format!("Aantal personen {at}; elke regio op een eigen schaal (vergelijk de vorm, niet de hoogte)"),
        (Some(_), Lang::En) => format!("Number of persons {at}; each region on its own scale (compare the shape, not the height)"),
    };
    let summary = summary(&data, lang);
    let source = source_line(ds, lang);
    let chart = chart::trend::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
        },
        lang,
    )?;
    let mut table = texts::table(&[]);
    table.columns.push(t(lang, "gebied", "area").into());
    table.columns.push(t(lang, "deelgroep", "subgroup").into());
    table
        .columns
        .extend(data.years.iter().map(|y| y.label_in(lang)));
    let mut add = |name: &str, series: &[Series]| {
        for s in series {
            let mut row = vec![name.into(), s.label.clone().into()];
            row.extend(s.values.iter().map(|v| texts::cell(*v)));
            table.rows.push(row);
        }
    };
    if data.panels.is_empty() {
        add(t(lang, "Landelijk", "National"), &data.national);
    } else {
        for p in &data.panels {
            add(&p.name, &p.series);
        }
    }
    let mut notes = texts::notes(ds, &[], lang);
    notes.extend(data.notes.iter().cloned());
    if let Some(p) = data
        .national
        .iter()
        .find(|s| s.subgroup == Subgroup::Praktijkroute)
    {
        if p.values.iter().filter(|v| v.is_some()).count() == 1 {
            notes.push(
                t(
                    lang,
                    "De Praktijkroute bestaat sinds 1 januari 2017; er is één meetpunt.",
                    "The Praktijkroute exists since 1 January 2017; there is one data point.",
                )
                .into(),
            );
        }
    }
    let mut resolved = vec![("measure", data.measure.to_string())];
    resolved.extend(super::period_bounds(s.from, s.to, &data.years));
    Ok(Rendered::assemble(
        "trend",
        spec.query_resolved("trend", &resolved),
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
