//! Texts and assembly of regions side by side (`view=compare`) and of the ranking's levels
//! (`view=ranking&scale=absolute`). Both build the tidy charts' data (lines, grouped or sorted
//! bars) from the regional measures and draw them with the tidy charts.

use super::grain_of;
use super::map::{list_in, pct_in, tr};
use super::{source_line, texts, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::compare::{self as compute_compare, find_region, national_name};
use crate::compute::ranking;
use crate::data::places::{CompareData, Found, PlaceSeries};
use crate::data::tidy::{BarsData, LineData, Point, RefLine, RefValue, Series, XValue};
use crate::data::{DataTable, Roles};
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::Period;
use crate::spec::{CompareMark, CompareSpec, RankingSpec, ViewSpec};
use serde_json::json;

/// The tidy series of a place series (points follow the periods).
fn tidy_series(s: &PlaceSeries) -> Series {
    Series {
        name: s.name.clone(),
        facet: None,
        points: s
            .points
            .iter()
            .map(|p| Point {
                x: json!(p.x),
                y: p.y,
                value: None,
            })
            .collect(),
    }
}

/// The periods as the x axis of a line chart.
pub(crate) fn x_values(periods: &[Period], lang: Lang) -> Vec<XValue> {
    periods
        .iter()
        .map(|y| XValue {
            value: json!(y),
            label: y.label_in(lang),
            pos: y.position(),
            key: y.to_string(),
        })
        .collect()
}

/// Lines over the periods: a line per series, `dashed` ones dashed (the national value).
pub(crate) fn line_data(
    periods: &[Period],
    series: &[&PlaceSeries],
    y_label: &str,
    percent: bool,
    decimals: usize,
    lang: Lang,
) -> LineData {
    LineData {
        aggregated: None,
        view: "line",
        x: "period".to_string(),
        y: y_label.to_string(),
        series_column: Some("region".to_string()),
        facet_column: None,
        index: false,
        // "Jaar", "Kwartaal", ...; "Periode" when the grains differ.
        x_label: match periods.first().map(|p| p.grain()) {
            Some(g) if periods.iter().all(|p| p.grain() == g) => {
                crate::data::tidy::capitalise(g.noun(lang))
            }
            None => tr(lang, "Jaar", "Year").to_string(),
            Some(_) => tr(lang, "Periode", "Period").to_string(),
        },
        y_label: y_label.to_string(),
        x_values: x_values(periods, lang),
        facets: Vec::new(),
        series: series.iter().map(|s| tidy_series(s)).collect(),
        series_total: None,
        percent,
        decimals,
        notes: Vec::new(),
        roles: Roles {
            columns: Vec::new(),
        },
        dashed: series
            .iter()
            .filter(|s| s.national)
            .map(|s| s.name.clone())
            .collect(),
    }
}

/// A sentence naming the regions found from part of their name.
pub(crate) fn found_note(found: &[Found], lang: Lang) -> Option<String> {
    let partial: Vec<String> = found
        .iter()
        .filter(|f| f.partial)
        .map(|f| format!("'{}' → {}", f.asked, f.region))
        .collect();
    if partial.is_empty() {
        return None;
    }
    let refs: Vec<&str> = partial.iter().map(String::as_str).collect();
    Some(match lang {
        Lang::Nl => format!(
            "Gekozen regio bij een deel van de naam: {}.",
            list_in(&refs, lang)
        ),
        Lang::En => format!(
            "Region chosen for part of a name: {}.",
            list_in(&refs, lang)
        ),
    })
}

/// The first and last value of a series with a value.
fn ends(s: &PlaceSeries) -> Option<((Period, f64), (Period, f64))> {
    let pts: Vec<(Period, f64)> = s.points.iter().filter_map(|p| Some((p.x, p.y?))).collect();
    Some((*pts.first()?, *pts.last()?))
}

fn summary(c: &CompareData, lang: Lang) -> String {
    let count = c.unit == "personen" || c.unit == "persons";
    let fmt = |v: f64| match c.unit.as_str() {
        "%" => pct_in(v, lang),
        "personen" | "persons" => number(v, 0, lang),
        u => format!("{} {u}", crate::format::signed(v, 1, lang)),
    };
    let mut last: Vec<(&str, f64, Period)> = c
        .series
        .iter()
        .filter(|s| !s.national)
        .filter_map(|s| ends(s).map(|(_, (y, v))| (s.name.as_str(), v, y)))
        .collect();
    crate::sort::sort_by(&mut last, |a, b| b.1.total_cmp(&a.1));
    let Some(&(top, tv, ty)) = last.first() else {
        return match lang {
            Lang::Nl => format!("{}: geen van de regio's heeft een waarde.", c.label),
            Lang::En => format!("{}: none of the regions has a value.", c.label),
        };
    };
    let Some(&(bottom, bv, _)) = last.last() else {
        return String::new();
    };
    let national = c
        .series
        .iter()
        .find(|s| s.national)
        .and_then(ends)
        .map(|(_, (_, v))| v);
    let ty = ty.label_in(lang);
    let mut s = match lang {
        Lang::Nl => format!(
            "{} in {ty}: het hoogst in {top} ({}), het laagst in {bottom} ({})",
            c.label,
            fmt(tv),
            fmt(bv)
        ),
        Lang::En => format!(
            "{} in {ty}: highest in {top} ({}), lowest in {bottom} ({})",
            c.label,
            fmt(tv),
            fmt(bv)
        ),
    };
    match (national, c.scale, count) {
        (Some(n), "absolute", false) => s.push_str(&match lang {
            Lang::Nl => format!("; landelijk {}.", fmt(n)),
            Lang::En => format!("; national {}.", fmt(n)),
        }),
        _ => s.push('.'),
    }
    if c.scale == "absolute" && !count {
        if let Some(n) = national {
            let above: Vec<&str> = last.iter().filter(|x| x.1 > n).map(|x| x.0).collect();
            if !above.is_empty() && above.len() < last.len() {
                s.push_str(&match lang {
                    Lang::Nl => format!(" Boven landelijk: {}.", list_in(&above, lang)),
                    Lang::En => format!(" Above national: {}.", list_in(&above, lang)),
                });
            }
        }
    }
    s
}

fn table(c: &CompareData, lang: Lang) -> DataTable {
    let mut cols: Vec<String> = vec![tr(lang, "periode", "period").to_string()];
    cols.extend(c.series.iter().map(|s| s.name.clone()));
    let mut t = DataTable {
        columns: cols,
        rows: Vec::new(),
        ..Default::default()
    };
    for (i, y) in c.periods.iter().enumerate() {
        let mut row = vec![json!(y)];
        row.extend(
            c.series
                .iter()
                .map(|s| texts::cell(s.points.get(i).and_then(|p| p.y))),
        );
        t.rows.push(row);
    }
    t
}

pub fn render(ds: &Dataset, s: &CompareSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional(spec.lang)?;
    let lang = spec.lang;
    let mut found: Vec<Found> = Vec::new();
    for r in &s.regions {
        let f = find_region(&d.regions, r, lang)?;
        if !found.iter().any(|x| x.region == f.region) {
            found.push(f);
        }
    }
    // Fewer than two regions: the marked region (region=, as the page keeps it from view to
    // view), then the first of the data fill up to two, and the change is said.
    let mut change = None;
    if found.len() < 2 {
        let marked = spec
            .highlight
            .as_deref()
            .and_then(|h| find_region(&d.regions, h, lang).ok());
        if let Some(m) = marked {
            if !found.iter().any(|f| f.region == m.region) {
                found.push(m);
            }
        }
        for r in &d.regions {
            if found.len() >= 2 {
                break;
            }
            if !found.iter().any(|f| &f.region == r) {
                found.push(Found {
                    asked: String::new(),
                    region: r.clone(),
                    partial: false,
                });
            }
        }
        let names: Vec<&str> = found.iter().map(|f| f.region.as_str()).collect();
        change = Some(match lang {
            Lang::Nl => format!(
                "Regio's zijn {} geworden: vergelijk twee tot zes regio's (regions=).",
                list_in(&names, lang)
            ),
            Lang::En => format!(
                "Regions set to {}: compare two to six regions (regions=).",
                list_in(&names, lang)
            ),
        });
    }
    let c = compute_compare::compute(d, s, found, lang)?;
    let count = s.measure.is_count();
    let title = match lang {
        Lang::Nl => format!("{}: regio's naast elkaar", c.label),
        Lang::En => format!("{}: regions side by side", c.label),
    };
    let unit_text = match (count, c.scale, lang) {
        (true, _, _) => c.unit.clone(),
        (false, "relative", Lang::Nl) => "verschil met landelijk in %-punt".to_string(),
        (false, "relative", Lang::En) => {
            "difference from national in percentage points (pp)".to_string()
        }
        (false, _, _) => "%".to_string(),
    };
    let regions: Vec<&str> = c.regions.iter().map(|f| f.region.as_str()).collect();
    let subtitle = format!(
        "{}; {}, {unit_text}",
        list_in(&regions, lang),
        grain_of(&c.periods).per(lang)
    );
    let summary = summary(&c, lang);
    let source = source_line(ds, spec.lang);
    let texts_ = chart::Texts {
        title: &title,
        subtitle: &subtitle,
        source: &source,
        description: &summary,
        width: spec.width,
    };
    // A national count dwarfs the regions' counts: it stays in the table and the JSON only.
    let drawn: Vec<&PlaceSeries> = c.series.iter().filter(|x| !(count && x.national)).collect();
    let y_label = format!("{} ({unit_text})", c.label);
    let decimals = if count { 0 } else { 1 };
    let chart = match s.mark {
        CompareMark::Lines => chart::line::draw(
            &line_data(&c.periods, &drawn, &y_label, c.unit == "%", decimals, lang),
            &texts_,
            None,
            lang,
        )?,
        CompareMark::Bars => chart::bars::draw(
            &BarsData {
                aggregated: None,
                no_row: Vec::new(),
                one_per_category: false,
                view: "bars",
                x: "period".to_string(),
                y: y_label.clone(),
                series_column: Some("region".to_string()),
                facet_column: None,
                y_label: y_label.clone(),
                categories: c.periods.iter().map(|y| y.label_in(lang)).collect(),
                categories_total: None,
                facets: Vec::new(),
                series: drawn.iter().map(|x| tidy_series(x)).collect(),
                reference: None,
                highlight: None,
                sort: "none",
                n_column: None,
                n: Vec::new(),
                percent: c.unit == "%",
                decimals,
                notes: Vec::new(),
                roles: Roles {
                    columns: Vec::new(),
                },
            },
            &texts_,
            lang,
        )?,
    };
    let mut notes: Vec<String> = found_note(&c.regions, lang).into_iter().collect();
    if count {
        notes.push(match lang {
            Lang::Nl => "Het landelijke aantal staat in de tabel, niet in de figuur (het zou de regio's platdrukken).".to_string(),
            Lang::En => "The national count is in the table, not in the chart (it would flatten the regions).".to_string(),
        });
    }
    let mut resolved = vec![(
        "regions",
        c.regions
            .iter()
            .map(|f| f.region.as_str())
            .collect::<Vec<_>>()
            .join(","),
    )];
    if s.scale == crate::spec::ValueScale::Relative {
        resolved.push(("scale", "relative".to_string()));
    }
    let mut r = Rendered::assemble(
        "compare",
        spec.query(&crate::spec::View::Compare(s.clone()), &resolved),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&c)?,
        table(&c, lang),
        chart,
        notes,
    );
    r.changes.extend(change);
    Ok(r)
}

/// `view=ranking&scale=absolute`: the ranking's own values as levels, sorted, with the national
/// level as a dashed reference line (the tidy bar chart).
pub fn render_levels(ds: &Dataset, s: &RankingSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional(spec.lang)?;
    let lang = spec.lang;
    let data = ranking::compute(d, s, spec.k, spec.lang)?;
    let label = crate::compute::map::measure_label(
        crate::spec::MapMeasure::Rank(s.measure),
        s.subgroup,
        data.from,
        data.to,
        data.year,
        lang,
    );
    let title = match lang {
        Lang::Nl => format!("{label} per regio"),
        Lang::En => format!("{label} by region"),
    };
    let national = pct_in(data.national, lang);
    let subtitle = match lang {
        Lang::Nl => format!(
            "Niveau in %; landelijk {national} (stippellijn); n = {}",
            data.bars.len()
        ),
        Lang::En => format!(
            "Level in %; national {national} (dashed line); n = {}",
            data.bars.len()
        ),
    };
    let mut by_value = data.bars.clone();
    crate::sort::sort_by(&mut by_value, |a, b| b.value.total_cmp(&a.value));
    let summary = match (by_value.first(), by_value.last()) {
        (Some(top), Some(bottom)) => match lang {
            Lang::Nl => format!(
                "{label}: het hoogst in {} ({}) en het laagst in {} ({}); landelijk {national}.",
                top.region,
                pct_in(top.value, lang),
                bottom.region,
                pct_in(bottom.value, lang)
            ),
            Lang::En => format!(
                "{label}: highest in {} ({}) and lowest in {} ({}); national {national}.",
                top.region,
                pct_in(top.value, lang),
                bottom.region,
                pct_in(bottom.value, lang)
            ),
        },
        _ => String::new(),
    };
    // The outliers the table marks, said in the reading (the bars are drawn in one colour).
    let summary = summary + &super::ranking::outliers_sentence(&by_value, spec.k, lang);
    let source = source_line(ds, spec.lang);
    let name = tr(lang, "Niveau", "Level").to_string();
    let chart = chart::bars::draw(
        &BarsData {
            aggregated: None,
            no_row: Vec::new(),
            one_per_category: false,
            view: "bars",
            x: "region".to_string(),
            y: name.clone(),
            series_column: None,
            facet_column: None,
            y_label: format!("{label} (%)"),
            categories: by_value.iter().map(|b| b.region.clone()).collect(),
            categories_total: None,
            facets: Vec::new(),
            series: vec![Series {
                name,
                facet: None,
                points: by_value
                    .iter()
                    .map(|b| Point {
                        x: json!(b.region),
                        y: Some(b.value),
                        value: None,
                    })
                    .collect(),
            }],
            reference: Some(RefLine {
                label: format!("{} {national}", national_name(lang).to_lowercase()),
                category: None,
                values: vec![RefValue {
                    facet: None,
                    series: None,
                    value: Some(data.national),
                }],
            }),
            highlight: texts::resolve_highlight(ds, spec.highlight.as_deref()),
            sort: "desc",
            n_column: None,
            n: Vec::new(),
            percent: true,
            decimals: 1,
            notes: Vec::new(),
            roles: Roles {
                columns: Vec::new(),
            },
        },
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
        },
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
    resolved.push(("scale", "absolute".to_string()));
    let mut json = to_json(&data)?;
    if let Some(o) = json.as_object_mut() {
        o.insert("scale".to_string(), json!("absolute"));
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
        json,
        super::ranking::bars_table(&by_value, &label, false, spec.lang),
        chart,
        texts::notes(ds, &data.excluded, spec.lang)
            .into_iter()
            .chain(texts::highlight_note(
                ds,
                spec.highlight.as_deref(),
                spec.lang,
            ))
            .collect(),
    ))
}
