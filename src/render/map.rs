//! Texts and assembly of the map (`view=map`): the boundaries of the edition come from the
//! dataset ([`Dataset::boundaries`]), the numbers from [`crate::compute::map`], the drawing from
//! [`crate::chart::map`].

use super::texts;
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart::map::{self as chart_map, MapData, MapRegion, Reference, Scale};
use crate::compute::map as compute_map;
use crate::data::places::{MapEntry, MapView};
use crate::data::{DataTable, Outlier};
use crate::error::Result;
use crate::format::{k_text, number, signed, Lang};
use crate::spec::{MapMeasure, MapSpec, ValueScale, ViewSpec};

/// A word in the description's language.
pub(crate) fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A difference in percentage points with sign: "+3,4 %-punt", "+3.4 %-points".
pub(crate) fn pp_in(v: f64, lang: Lang) -> String {
    format!("{} {}", signed(v, 1, lang), tr(lang, "%-punt", "pp"))
}

/// A level in %: "22,9 %".
pub(crate) fn pct_in(v: f64, lang: Lang) -> String {
    format!("{} %", number(v, 1, lang))
}

/// "A, B en C" / "A, B and C".
pub(crate) fn list_in(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), tr(lang, "en", "and")),
    }
}

/// The shown quantity of a region: the level on an absolute map, else the difference.
fn shown(e: &MapEntry, absolute: bool) -> Option<f64> {
    if absolute {
        e.value
    } else {
        e.relative
    }
}

/// The reading of a map: highest and lowest, the outliers, the regions without data.
pub fn summary(v: &MapView, residual: bool, absolute: bool, lang: Lang) -> String {
    let mut with: Vec<(&MapEntry, f64)> = v
        .regions
        .iter()
        .filter_map(|e| shown(e, absolute).map(|x| (e, x)))
        .collect();
    crate::sort::sort_by(&mut with, |a, b| b.1.total_cmp(&a.1));
    let (Some(top), Some(bottom)) = (with.first(), with.last()) else {
        return match lang {
            Lang::Nl => format!("{}: geen regio heeft een waarde.", v.label),
            Lang::En => format!("{}: no region has a value.", v.label),
        };
    };
    let fmt = |x: f64| {
        if absolute {
            pct_in(x, lang)
        } else {
            pp_in(x, lang)
        }
    };
    let mut s = match lang {
        Lang::Nl => format!(
            "{}: het hoogst in {} ({}) en het laagst in {} ({})",
            v.label,
            top.0.region,
            fmt(top.1),
            bottom.0.region,
            fmt(bottom.1)
        ),
        Lang::En => format!(
            "{}: highest in {} ({}) and lowest in {} ({})",
            v.label,
            top.0.region,
            fmt(top.1),
            bottom.0.region,
            fmt(bottom.1)
        ),
    };
    match (v.national, residual, lang) {
        (_, true, Lang::Nl) => s.push_str(&format!(
            ", gemeten als afstand tot de trendlijn; standaardafwijking {} %-punt.",
            number(v.sd, 1, lang)
        )),
        (_, true, Lang::En) => s.push_str(&format!(
            ", measured as the distance from the trend line; standard deviation {} pp.",
            number(v.sd, 1, lang)
        )),
        (Some(n), false, Lang::Nl) => s.push_str(&format!(
            "; landelijk {}, standaardafwijking {} %-punt.",
            pct_in(n, lang),
            number(v.sd, 1, lang)
        )),
        (Some(n), false, Lang::En) => s.push_str(&format!(
            "; national {}, standard deviation {} pp.",
            pct_in(n, lang),
            number(v.sd, 1, lang)
        )),
        (None, false, _) => s.push('.'),
    }
    let names = |up: bool| -> Vec<&str> {
        v.regions
            .iter()
            .filter(|e| e.outlier.is_some_and(|o| o.is_up() == up))
            .map(|e| e.region.as_str())
            .collect()
    };
    let k = k_text(v.k, lang);
    let from = if residual {
        tr(lang, "de trend", "the trend")
    } else {
        tr(lang, "landelijk", "national")
    };
    for (up, list) in [(true, names(true)), (false, names(false))] {
        if list.is_empty() {
            continue;
        }
        let side = match (up, lang) {
            (true, Lang::Nl) => "boven",
            (false, Lang::Nl) => "onder",
            (true, Lang::En) => "above",
            (false, Lang::En) => "below",
        };
        s.push_str(&match lang {
            Lang::Nl => format!(" Meer dan {k} sd {side} {from}: {}.", list_in(&list, lang)),
            Lang::En => format!(" More than {k} sd {side} {from}: {}.", list_in(&list, lang)),
        });
    }
    if !v.missing.is_empty() {
        s.push_str(&match lang {
            Lang::Nl => format!(
                " Zonder gegevens op de kaart: {}.",
                list_in(
                    &v.missing.iter().map(String::as_str).collect::<Vec<_>>(),
                    lang
                )
            ),
            Lang::En => format!(
                " Without data on the map: {}.",
                list_in(
                    &v.missing.iter().map(String::as_str).collect::<Vec<_>>(),
                    lang
                )
            ),
        });
    }
    s
}

/// The map's numbers as a table.
pub fn table(v: &MapView, lang: Lang) -> DataTable {
    // The residual map's difference is the distance to the scatterplot's trend line.
    let residual = v.measure == "residual";
    let mut t = texts::table(&match (lang, residual) {
        (Lang::Nl, false) => [
            "regio",
            "code",
            "waarde (%)",
            "verschil met landelijk (%-punt)",
            "uitschieter",
        ],
        (Lang::Nl, true) => [
            "regio",
            "code",
            "waarde (%)",
            "afstand tot de trendlijn (%-punt)",
            "uitschieter",
        ],
        (Lang::En, false) => [
            "region",
            "code",
            "value (%)",
            "difference from national (pp)",
            "outlier",
        ],
        (Lang::En, true) => [
            "region",
            "code",
            "value (%)",
            "distance to the trend line (pp)",
            "outlier",
        ],
    });
    for e in &v.regions {
        t.rows.push(vec![
            e.region.clone().into(),
            e.code.clone().into(),
            texts::cell(e.value),
            texts::cell(e.relative),
            outlier_cell(e.outlier, lang),
        ]);
    }
    t
}

fn outlier_cell(o: Option<Outlier>, lang: Lang) -> serde_json::Value {
    match (o, lang) {
        (None, _) => serde_json::Value::Null,
        (Some(o), Lang::Nl) => if o.is_up() { "boven" } else { "onder" }.into(),
        (Some(o), Lang::En) => if o.is_up() { "above" } else { "below" }.into(),
    }
}

pub fn render(ds: &Dataset, s: &MapSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional(spec.lang)?;
    let lang = spec.lang;
    let edition = compute_map::edition(d, s, lang)?;
    let shapes = ds.boundaries(edition)?;
    let v = compute_map::compute(&ds.table, d, s, spec.k, &shapes, lang)?;
    let residual = s.measure == MapMeasure::Residual;
    let absolute = !residual && s.scale == ValueScale::Absolute;
    // The region to mark, also from part of its name ("zwolle").
    let found = spec
        .highlight
        .as_deref()
        .and_then(|h| crate::compute::compare::find_region(&d.regions, h, lang).ok());
    let highlight = match &found {
        Some(f) => Some(f.region.clone()),
        None => texts::resolve_highlight(ds, spec.highlight.as_deref()),
    };
    let title = match lang {
        Lang::Nl => format!("{} per arbeidsmarktregio", v.label),
        Lang::En => format!("{} by labour-market region", v.label),
    };
    let national = v.national.map(|n| pct_in(n, lang)).unwrap_or_default();
    let sd = number(v.sd, 1, lang);
    // The regions with a value (one on the map without, "geen gegevens", is not counted).
    let n = v.regions.iter().filter(|r| r.value.is_some()).count();
    let subtitle = match (residual, absolute, lang) {
        (true, _, Lang::Nl) => format!("Afstand tot de trendlijn van het spreidingsdiagram in %-punt; standaardafwijking {sd} %-punt; n = {n}"),
        (true, _, Lang::En) => format!("Distance from the scatterplot's trend line in percentage points (pp); standard deviation {sd} pp; n = {n}"),
        (false, true, Lang::Nl) => format!("Niveau in %; landelijk {national}; n = {n}"),
        (false, true, Lang::En) => format!("Level in %; national {national}; n = {n}"),
        (false, false, Lang::Nl) => format!("Verschil met landelijk in %-punt; landelijk {national}, standaardafwijking {sd} %-punt; n = {n}"),
        (false, false, Lang::En) => format!("Difference from national in percentage points (pp); national {national}, standard deviation {sd} pp; n = {n}"),
    };
    let summary = summary(&v, residual, absolute, lang);
    let source = source_line(ds, spec.lang);
    let legend_title = match (residual, absolute, lang) {
        (true, _, Lang::Nl) => "Afstand tot de trend (%-punt)".to_string(),
        (true, _, Lang::En) => "Distance from the trend (pp)".to_string(),
        (false, true, _) => format!("{} (%)", v.label),
        (false, false, Lang::Nl) => "Verschil met landelijk (%-punt)".to_string(),
        (false, false, Lang::En) => "Difference from national (pp)".to_string(),
    };
    let data = MapData {
        edition: v.edition,
        regions: v
            .regions
            .iter()
            .map(|e| MapRegion {
                region: e.region.clone(),
                code: e.code.clone(),
                value: e.value,
                relative: e.relative,
                outlier: e.outlier,
                highlighted: highlight.as_deref() == Some(e.region.as_str()),
            })
            .collect(),
        scale: if absolute {
            Scale::Sequential
        } else {
            Scale::Diverging { centre: 0.0 }
        },
        breaks: Vec::new(),
        national: v.national,
        value_unit: "%".to_string(),
        relative_unit: tr(lang, "%-punt", "pp").to_string(),
        decimals: 1,
        legend_title,
        k: Some(v.k),
        reference: if residual {
            Reference::Trend
        } else {
            Reference::National
        },
    };
    let chart = chart_map::draw(
        &data,
        &shapes,
        &crate::chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
        },
        lang,
    )?;
    let mut resolved = vec![
        ("measure", v.measure.to_string()),
        ("subgroup", v.subgroup.key().to_string()),
    ];
    if let (Some(a), Some(b)) = (v.from, v.to) {
        resolved.extend([("from", a.to_string()), ("to", b.to_string())]);
    }
    if let Some(y) = v.year {
        resolved.push(("year", y.to_string()));
    }
    if residual {
        resolved.push((
            "x",
            match s.x {
                crate::spec::ScatterX::Share => "share",
                crate::spec::ScatterX::RegisterShare => "register_share",
            }
            .to_string(),
        ));
    }
    if absolute {
        resolved.push(("scale", "absolute".to_string()));
    }
    resolved.push(("edition", v.edition.to_string()));
    let mut notes = texts::notes(ds, &v.excluded, spec.lang);
    if let (Some(a), Some(b)) = (v.from, v.to) {
        notes.extend(texts::seasons_note(a, b, lang));
    }
    if !v.unmatched.is_empty() {
        notes.push(match lang {
            Lang::Nl => format!(
                "Niet op de kaart van {} gevonden: {}.",
                v.edition,
                list_in(
                    &v.unmatched.iter().map(String::as_str).collect::<Vec<_>>(),
                    lang
                )
            ),
            Lang::En => format!(
                "Not found on the map of {}: {}.",
                v.edition,
                list_in(
                    &v.unmatched.iter().map(String::as_str).collect::<Vec<_>>(),
                    lang
                )
            ),
        });
    }
    match &found {
        Some(f) => notes.extend(super::compare::found_note(std::slice::from_ref(f), lang)),
        None => notes.extend(texts::highlight_note(
            ds,
            spec.highlight.as_deref(),
            spec.lang,
        )),
    }
    Ok(Rendered::assemble(
        "map",
        spec.query_resolved("map", &resolved),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&v)?,
        table(&v, lang),
        chart,
        notes,
    ))
}
