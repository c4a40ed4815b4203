//! The trend (figure 6 of the report): national working persons (or register persons) per
//! subgroup over all years of the file; with a region chosen, small multiples of every region with
//! that region highlighted.

use super::regional_spec::{TrendMeasure, TrendSpec};
use super::texts::{self, pct};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts, ViewSpec};
use crate::chart;
use crate::error::{Error, Result};
use crate::format::{number, Lang};
use crate::regional::columns::fold;
use crate::regional::measures::{growth, Subgroup};
use crate::regional::{Counts, RegionalData};
use serde::Serialize;

/// The subgroups a trend draws: the total, the three groups and the Praktijkroute within
/// the Participatiewet (from 2017).
pub const SUBGROUPS: [Subgroup; 5] = [
    Subgroup::Total,
    Subgroup::Wajong,
    Subgroup::Wsw,
    Subgroup::Participatiewet,
    Subgroup::Praktijkroute,
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub subgroup: Subgroup,
    pub label: String,
    /// One value per year of [`TrendData::years`]; null where the file has none.
    pub values: Vec<Option<f64>>,
}

impl Series {
    /// First and last years with a value, with those values.
    pub fn ends(&self, years: &[i32]) -> Option<((i32, f64), (i32, f64))> {
        let pts: Vec<(i32, f64)> = years
            .iter()
            .zip(&self.values)
            .filter_map(|(y, v)| v.map(|v| (*y, v)))
            .collect();
        Some((*pts.first()?, *pts.last()?))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    pub name: String,
    pub national: bool,
    pub highlighted: bool,
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendData {
    pub view: &'static str,
    pub measure: &'static str,
    pub years: Vec<i32>,
    /// National series (series without any value are left out).
    pub national: Vec<Series>,
    /// The chosen region, when small multiples are drawn.
    pub region: Option<String>,
    /// National and every region, when a region is chosen.
    pub panels: Vec<Panel>,
}

fn label(g: Subgroup) -> String {
    match g {
        Subgroup::Total => "Totaal".into(),
        g => g.label().into(),
    }
}

fn series(
    measure: TrendMeasure,
    years: &[i32],
    row: impl Fn(i32) -> Option<Counts>,
) -> Vec<Series> {
    SUBGROUPS
        .iter()
        .map(|&g| Series {
            subgroup: g,
            label: label(g),
            values: years
                .iter()
                .map(|&y| {
                    let k = row(y)?;
                    match measure {
                        TrendMeasure::Workers => g.workers(&k),
                        TrendMeasure::Register => g.register(&k),
                    }
                })
                .collect(),
        })
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect()
}

/// Finds a region by name, ignoring case, accents and punctuation.
pub fn find_region<'a>(d: &'a RegionalData, name: &str) -> Result<&'a str> {
    let f = fold(name);
    d.regions
        .iter()
        .find(|r| fold(r) == f)
        .map(String::as_str)
        .ok_or_else(|| {
            Error::view(format!(
                "De regio '{name}' staat niet in het bestand. Regio's: {}.",
                d.regions.join(", ")
            ))
        })
}

pub fn compute(d: &RegionalData, s: &TrendSpec, region: Option<&str>) -> Result<TrendData> {
    let years = d.years.clone();
    let national = series(s.measure, &years, |y| d.national.get(&y).copied());
    if national.is_empty() {
        return Err(Error::not_available(
            "Geen aantallen per deelgroep in het bestand.",
        ));
    }
    let region = region.map(|r| find_region(d, r)).transpose()?;
    let mut panels = Vec::new();
    if let Some(chosen) = region {
        panels.push(Panel {
            name: "Landelijk".into(),
            national: true,
            highlighted: false,
            series: national.clone(),
        });
        for r in &d.regions {
            panels.push(Panel {
                name: r.clone(),
                national: false,
                highlighted: r == chosen,
                series: series(s.measure, &years, |y| d.data.get(&(r.clone(), y)).copied()),
            });
        }
    }
    Ok(TrendData {
        view: "trend",
        measure: s.measure.key(),
        years,
        national,
        region: region.map(str::to_string),
        panels,
    })
}

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
    let data = compute(d, s, spec.highlight.as_deref())?;
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
        format!("view=trend&measure={}{}", data.measure, common_query(spec)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> RegionalData {
        Dataset::default_data().unwrap().regional.unwrap()
    }

    #[test]
    fn national_workers_per_subgroup() {
        let d = data();
        let t = compute(
            &d,
            &TrendSpec {
                measure: TrendMeasure::Workers,
            },
            None,
        )
        .unwrap();
        assert_eq!(t.years, vec![2015, 2016, 2017]);
        let pw = t
            .national
            .iter()
            .find(|s| s.subgroup == Subgroup::Participatiewet)
            .unwrap();
        assert_eq!(pw.values, vec![pw.values[0], Some(9385.0), Some(21292.0)]);
        let prk = t
            .national
            .iter()
            .find(|s| s.subgroup == Subgroup::Praktijkroute)
            .unwrap();
        assert_eq!(prk.values, vec![None, None, Some(4108.0)]);
        assert!(t.panels.is_empty());
        // The subgroups add up to the total.
        let sum: f64 = t.national[1..4].iter().map(|s| s.values[2].unwrap()).sum();
        assert_eq!(Some(sum), t.national[0].values[2]);
    }

    #[test]
    fn chosen_region_gives_small_multiples() {
        let d = data();
        let t = compute(
            &d,
            &TrendSpec {
                measure: TrendMeasure::Workers,
            },
            Some("twente"),
        )
        .unwrap();
        assert_eq!(t.region.as_deref(), Some("Twente"));
        assert_eq!(t.panels.len(), 36);
        assert_eq!(t.panels.iter().filter(|p| p.highlighted).count(), 1);
        let e = compute(
            &d,
            &TrendSpec {
                measure: TrendMeasure::Workers,
            },
            Some("Atlantis"),
        )
        .unwrap_err();
        assert!(e.message.contains("Atlantis"));
    }

    #[test]
    fn reading_names_growth_and_decline() {
        let d = data();
        let t = compute(
            &d,
            &TrendSpec {
                measure: TrendMeasure::Workers,
            },
            None,
        )
        .unwrap();
        let s = summary(&t, Lang::Nl);
        assert!(s.contains("+22,9 %"), "{s}");
        assert!(s.contains("Participatiewet groeide het sterkst"), "{s}");
        assert!(s.contains("WSW daalde"), "{s}");
    }
}
