//! Texts and assembly of a region's profile (`view=profile&region=R`): the share working per
//! subgroup and the growth since the first period against national (the tidy line chart, national
//! dashed), the rank per period, and the scatterplot with the region marked, stacked in one SVG.

use super::compare::{found_note, line_data};
use super::grain_of;
use super::map::{pct_in, pp_in, tr};
use super::report::unique_ids;
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart::{self, Chart, Hit};
use crate::compute::compare::find_region;
use crate::compute::profile as compute_profile;
use crate::data::places::{PlaceSeries, ProfileData};
use crate::data::tidy::{BarsData, Point, RefLine, RefValue, Series};
use crate::data::{DataTable, Roles};
use crate::error::{Error, Result};
use crate::format::{signed, Lang};
use crate::spec::Period;
use crate::spec::{ProfileSpec, View, ViewSpec};
use serde_json::json;

/// The period the growth series starts at ("sinds 2015 K4"): its first point, which in a file of
/// quarters is the first at the same point of the year as the last
/// ([`crate::compute::compare::growth_base`]), not the file's first period.
fn growth_since(p: &ProfileData, lang: Lang) -> String {
    p.series
        .iter()
        .find(|x| x.measure == "growth")
        .and_then(|x| x.points.first())
        .map(|pt| pt.x)
        .or_else(|| p.periods.first().copied())
        .map(|y| y.label_in(lang))
        .unwrap_or_default()
}

/// The last value of a series and its period.
fn last(s: &PlaceSeries) -> Option<(Period, f64)> {
    s.points.iter().rev().find_map(|p| Some((p.x, p.y?)))
}

fn find<'a>(p: &'a ProfileData, measure: &str, national: bool) -> Option<&'a PlaceSeries> {
    p.series
        .iter()
        .find(|s| s.measure == measure && s.national == national && s.subgroup == p.subgroup)
}

/// The reading: share and growth against national, the rank, the place in the scatterplot.
pub fn summary(p: &ProfileData, lang: Lang) -> String {
    let r = &p.region;
    let share = find(p, "share", false).and_then(last);
    let share_n = find(p, "share", true).and_then(last);
    let growth = find(p, "growth", false).and_then(last);
    let growth_n = find(p, "growth", true).and_then(last);
    let first = growth_since(p, lang);
    let group = match p.subgroup {
        crate::spec::Subgroup::Total => String::new(),
        g => format!(" ({})", g.label_in(lang)),
    };
    let mut s = String::new();
    if let (Some((y, v)), Some((_, n))) = (share, share_n) {
        let y = y.label_in(lang);
        let higher = v > n;
        s = match lang {
            Lang::Nl => format!(
                "{r} heeft een {} aandeel werkenden{group} dan landelijk ({} tegen {} in {y})",
                if higher { "hoger" } else { "lager" },
                pct_in(v, lang),
                pct_in(n, lang)
            ),
            Lang::En => format!(
                "{r} has a {} share working{group} than national ({} against {} in {y})",
                if higher { "higher" } else { "lower" },
                pct_in(v, lang),
                pct_in(n, lang)
            ),
        };
        if let (Some((_, g)), Some((_, gn))) = (growth, growth_n) {
            let faster = g > gn;
            let but = if faster == higher {
                tr(lang, "en", "and")
            } else {
                tr(lang, "maar", "but")
            };
            s.push_str(&match lang {
                Lang::Nl => format!(
                    ", {but} groeit {} dan landelijk ({} tegen {} werkenden sinds {first}).",
                    if faster { "sneller" } else { "minder snel" },
                    signed_pct(g, lang),
                    signed_pct(gn, lang)
                ),
                Lang::En => format!(
                    ", {but} grows {} than national ({} against {} working persons since {first}).",
                    if faster { "faster" } else { "more slowly" },
                    signed_pct(g, lang),
                    signed_pct(gn, lang)
                ),
            });
        } else {
            s.push('.');
        }
    }
    let ranked: Vec<_> = p.rank.iter().filter(|x| x.rank.is_some()).collect();
    // The rank then and now at the same point of the year (2015 K4 beside 2017 K4 in a file of
    // quarters, as the growth compares).
    #[cfg(feature = "full")]
    let first = ranked.last().and_then(|b| {
        ranked
            .iter()
            .find(|x| x.period.same_point_of_year(b.period))
    });
    #[cfg(not(feature = "full"))]
    let first = ranked.first();
    if let (Some(a), Some(b)) = (first, ranked.last()) {
        let (ra, rb) = (a.rank.unwrap_or(0), b.rank.unwrap_or(0));
        s.push_str(&match lang {
            Lang::Nl if a.period != b.period => {
                format!(
                    " In aandeel werkenden staat {r} {} op plaats {rb} van {} ({}: plaats {ra}).",
                    b.period.at_in(lang),
                    b.of,
                    a.period.at_in(lang)
                )
            }
            Lang::Nl => format!(
                " In aandeel werkenden staat {r} {} op plaats {rb} van {}.",
                b.period.at_in(lang),
                b.of
            ),
            Lang::En if a.period != b.period => format!(
                " On share working {r} ranks {rb} of {} {} ({ra} {}).",
                b.of,
                b.period.at_in(lang),
                a.period.at_in(lang)
            ),
            Lang::En => format!(
                " On share working {r} ranks {rb} of {} {}.",
                b.of,
                b.period.at_in(lang)
            ),
        });
    }
    if let Some(pt) = &p.scatter {
        let above = pt.residual > 0.0;
        s.push_str(&match lang {
            Lang::Nl => format!(
                " In het spreidingsdiagram ligt {r} {} de trendlijn ({})",
                if above { "boven" } else { "onder" },
                pp_in(pt.residual, lang)
            ),
            Lang::En => format!(
                " In the scatterplot {r} lies {} the trend line ({})",
                if above { "above" } else { "below" },
                pp_in(pt.residual, lang)
            ),
        });
        s.push_str(match (pt.outlier.is_some(), lang) {
            (true, Lang::Nl) => ", een uitschieter.",
            (true, Lang::En) => ", an outlier.",
            (false, _) => ".",
        });
    }
    s
}

fn signed_pct(v: f64, lang: Lang) -> String {
    format!("{} %", signed(v, 1, lang))
}

/// The series as a table: a row per series, a column per period.
fn table(p: &ProfileData, lang: Lang) -> DataTable {
    let mut columns: Vec<String> = [
        tr(lang, "maat", "measure"),
        tr(lang, "deelgroep", "subgroup"),
        tr(lang, "regio", "region"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    columns.extend(p.periods.iter().map(|y| y.label_in(lang)));
    let mut t = DataTable {
        columns,
        rows: Vec::new(),
        ..Default::default()
    };
    for s in &p.series {
        let measure = match (s.measure, lang) {
            ("share", Lang::Nl) => "aandeel werkenden (%)",
            ("share", Lang::En) => "share working (%)",
            (_, Lang::Nl) => "groei werkenden sinds de eerste periode (%)",
            (_, Lang::En) => "growth of working persons since the first period (%)",
        };
        let mut row = vec![
            json!(measure),
            json!(s.subgroup.label_in(lang)),
            json!(s.name),
        ];
        row.extend(s.points.iter().map(|pt| super::texts::cell(pt.y)));
        t.rows.push(row);
    }
    let mut row = vec![
        json!(tr(
            lang,
            "rang in aandeel werkenden",
            "rank on share working"
        )),
        json!(p.subgroup.label_in(lang)),
        json!(p.region),
    ];
    row.extend(p.rank.iter().map(|r| match r.rank {
        Some(k) => json!(format!("{k}/{}", r.of)),
        None => serde_json::Value::Null,
    }));
    t.rows.push(row);
    t
}

/// Charts stacked in one SVG (nested `<svg>`s, ids made unique), with their hits moved along.
/// A line chart of the profile with targets that mark nothing: its lines are the region and
/// the nation, its points years, and `region=` is the profile's subject (a click set
/// `region=Landelijk` or `region=2016`, which no profile has).
fn unmarked(mut chart: Chart) -> Chart {
    for h in chart.hits.iter_mut() {
        h.key.clear();
    }
    chart
}

fn stack(charts: &[Chart]) -> Chart {
    let width = charts.iter().map(|c| c.width).max().unwrap_or(820);
    let mut body = String::new();
    let mut hits: Vec<Hit> = Vec::new();
    let mut y = 0u32;
    for (i, c) in charts.iter().enumerate() {
        let svg = unique_ids(&c.svg, i);
        let Some(p) = svg.find("<svg") else { continue };
        body.push_str(&format!("<svg x=\"0\" y=\"{y}\"{}", &svg[p + 4..]));
        hits.extend(c.hits.iter().map(|h| Hit {
            y: h.y + y as f64,
            ..h.clone()
        }));
        y += c.height + 16;
    }
    let height = y.saturating_sub(16).max(1);
    Chart {
        svg: format!(
            "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"document\">{body}</svg>"
        ),
        width,
        height,
        hits,
    }
}

pub fn render(ds: &Dataset, s: &ProfileSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional(spec.lang)?;
    let lang = spec.lang;
    // Without a region the first one is shown, and the change is said.
    let (found, change) = match spec.highlight.as_deref() {
        Some(asked) => (find_region(&d.regions, asked, lang)?, None),
        None => {
            let first = d.regions.first().ok_or_else(|| {
                Error::not_available(tr(
                    lang,
                    "Het bestand heeft geen regio's.",
                    "The file has no regions.",
                ))
            })?;
            let change = match lang {
                Lang::Nl => format!("Regio is {first} geworden: een profiel gaat over één regio; kies er een met region=."),
                Lang::En => format!("Region set to {first}: a profile is about one region; choose one with region=."),
            };
            (
                crate::data::places::Found {
                    asked: String::new(),
                    region: first.clone(),
                    partial: false,
                },
                Some(change),
            )
        }
    };
    let note = found_note(std::slice::from_ref(&found), lang);
    let (p, sc) = compute_profile::compute(d, s, found, spec.k, lang)?;
    let region = p.region.clone();
    let summary = summary(&p, lang);
    let source = source_line(ds, spec.lang);
    let national = crate::compute::compare::national_name(lang);
    let title = match lang {
        Lang::Nl => format!("Profiel van {region}"),
        Lang::En => format!("Profile of {region}"),
    };
    let per = grain_of(&p.periods).per(lang);
    let subtitle = match lang {
        Lang::Nl => format!("{region} (doorgetrokken) en landelijk (gestippeld), {per}"),
        Lang::En => format!("{region} (solid) and national (dashed), {per}"),
    };
    let mut charts = Vec::new();
    // Share working per subgroup: one panel each.
    let shares: Vec<&PlaceSeries> = p.series.iter().filter(|x| x.measure == "share").collect();
    if !shares.is_empty() {
        let y_label = tr(lang, "Aandeel werkenden (%)", "Share working (%)");
        let mut ld = line_data(&p.periods, &shares, y_label, true, 1, lang);
        for (t, src) in ld.series.iter_mut().zip(&shares) {
            t.facet = Some(capitalise(src.subgroup.label_in(lang)));
        }
        let mut facets: Vec<String> = Vec::new();
        for x in &shares {
            let f = capitalise(x.subgroup.label_in(lang));
            if !facets.contains(&f) {
                facets.push(f);
            }
        }
        ld.facets = facets;
        let t = match lang {
            Lang::Nl => format!("Aandeel werkenden per deelgroep: {region} en landelijk"),
            Lang::En => format!("Share working by subgroup: {region} and national"),
        };
        charts.push(unmarked(chart::line::draw(
            &ld,
            &chart::Texts {
                title: &t,
                subtitle: &subtitle,
                source: &source,
                description: &summary,
                width: spec.width,
            },
            None,
            lang,
        )?));
    }
    let growth: Vec<&PlaceSeries> = p.series.iter().filter(|x| x.measure == "growth").collect();
    if !growth.is_empty() {
        let first = growth_since(&p, lang);
        let y_label = match lang {
            Lang::Nl => format!("Groei sinds {first} (%)"),
            Lang::En => format!("Growth since {first} (%)"),
        };
        let t = match lang {
            Lang::Nl => format!(
                "Groei werkenden ({}) sinds {first}: {region} en {}",
                p.subgroup.label_in(lang),
                national.to_lowercase()
            ),
            Lang::En => format!(
                "Growth of working persons ({}) since {first}: {region} and {}",
                p.subgroup.label_in(lang),
                national.to_lowercase()
            ),
        };
        charts.push(unmarked(chart::line::draw(
            &line_data(&p.periods, &growth, &y_label, true, 1, lang),
            &chart::Texts {
                title: &t,
                subtitle: &subtitle,
                source: &source,
                description: &summary,
                width: spec.width,
            },
            None,
            lang,
        )?));
    }
    // The rank per period: short bars are high places (1 = the highest share).
    if p.rank.iter().any(|r| r.rank.is_some()) {
        let of = p.rank.iter().map(|r| r.of).max().unwrap_or(0);
        let t = match lang {
            Lang::Nl => format!(
                "Plaats van {region} onder de {of} regio's in aandeel werkenden ({})",
                p.subgroup.label_in(lang)
            ),
            Lang::En => format!(
                "Rank of {region} among the {of} regions on share working ({})",
                p.subgroup.label_in(lang)
            ),
        };
        let sub = tr(
            lang,
            "1 = het hoogste aandeel; een korte staaf is een hoge plaats",
            "1 = the highest share; a short bar is a high rank",
        );
        let name = tr(lang, "Plaats", "Rank").to_string();
        charts.push(chart::bars::draw(
            &BarsData {
                aggregated: None,
                no_row: Vec::new(),
                one_per_category: false,
                view: "bars",
                x: "period".to_string(),
                y: name.clone(),
                series_column: None,
                facet_column: None,
                y_label: name.clone(),
                categories: p.rank.iter().map(|r| r.period.label_in(lang)).collect(),
                categories_total: None,
                facets: Vec::new(),
                series: vec![Series {
                    name,
                    facet: None,
                    points: p
                        .rank
                        .iter()
                        .map(|r| Point {
                            x: json!(r.period),
                            y: r.rank.map(|k| k as f64),
                            value: None,
                        })
                        .collect(),
                }],
                // The last place as a line, so the axis spans all the regions.
                reference: Some(RefLine {
                    label: match lang {
                        Lang::Nl => format!("laatste plaats ({of})"),
                        Lang::En => format!("last place ({of})"),
                    },
                    category: None,
                    values: vec![RefValue {
                        facet: None,
                        series: None,
                        value: Some(of as f64),
                    }],
                }),
                highlight: None,
                sort: "none",
                n_column: None,
                n: Vec::new(),
                percent: false,
                decimals: 0,
                notes: Vec::new(),
                roles: Roles {
                    columns: Vec::new(),
                },
            },
            &chart::Texts {
                title: &t,
                subtitle: sub,
                source: &source,
                description: &summary,
                width: spec.width,
            },
            lang,
        )?);
    }
    if let Some(sc) = &sc {
        let t = match lang {
            Lang::Nl => format!(
                "{region} in het spreidingsdiagram {}",
                sc.from.span(sc.to, lang)
            ),
            Lang::En => format!("{region} in the scatterplot {}", sc.from.span(sc.to, lang)),
        };
        let sub = match lang {
            Lang::Nl => format!("x: {}; y: {}", sc.x_label, sc.y_label),
            Lang::En => format!(
                "x: share working at the start, y: growth {}, both vs. national (pp)",
                sc.from.span(sc.to, lang)
            ),
        };
        charts.push(chart::scatter::draw(
            sc,
            &chart::Texts {
                title: &t,
                subtitle: &sub,
                source: &source,
                description: &summary,
                width: spec.width,
            },
            Some(&region),
            lang,
        )?);
    }
    let chart = stack(&charts);
    let mut sp = spec.clone();
    sp.highlight = Some(region.clone());
    let notes: Vec<String> = note.into_iter().collect();
    let mut r = Rendered::assemble(
        "profile",
        sp.query(&View::Profile(s.clone()), &[]),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&p)?,
        table(&p, lang),
        chart,
        notes,
    );
    r.changes.extend(change);
    Ok(r)
}

fn capitalise(s: &str) -> String {
    crate::data::tidy::capitalise(s)
}
