//! Ranked bar charts per region (figures 3 and 4 of the report): a measure per region relative
//! to national, sorted descending, with outliers beyond k population SD of the regional values.

use super::regional_spec::{RankMeasure, RankingSpec};
use super::texts::{self, group_suffix, pct, pp};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts, ViewSpec};
use crate::chart;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::regional::measures::{self, Excluded, RegionalValues, Subgroup};
use crate::regional::RegionalData;
use crate::stats::{self, Outlier};
use serde::Serialize;

/// Parts of a stacked bar (the decomposition of Participatiewet growth), in % of the start count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Parts {
    pub praktijkroute: f64,
    pub pw_other: f64,
}

/// One bar: a region's value, its difference with national and its outlier class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub region: String,
    /// The region's own value (%, unrounded).
    pub value: f64,
    /// value minus national (%-points, unrounded).
    pub relative: f64,
    /// `up`, `down` or null.
    pub outlier: Option<Outlier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Parts>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankingData {
    pub view: &'static str,
    pub measure: &'static str,
    pub subgroup: Subgroup,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub k: f64,
    /// National value (%), from the national totals.
    pub national: f64,
    /// Population SD of the regional values (%-points).
    pub sd: f64,
    /// What is ranked, in Dutch.
    pub label: String,
    pub bars: Vec<Bar>,
    pub excluded: Vec<Excluded>,
}

/// Bars in display order: descending on the unrounded relative value, ties alphabetical
/// (the values come alphabetical and the sort is stable). Outliers: |relative| > k * SD.
pub fn ranked_bars(v: &RegionalValues, k: f64) -> (f64, Vec<Bar>) {
    let sd = stats::population_sd(&v.numbers()).unwrap_or(0.0);
    let mut bars: Vec<Bar> = v
        .values
        .iter()
        .map(|(region, value)| {
            let relative = value - v.national;
            Bar {
                region: region.clone(),
                value: *value,
                relative,
                outlier: stats::classify_simple(relative, sd, k),
                parts: None,
            }
        })
        .collect();
    crate::sort::sort_by(&mut bars, |a, b| b.relative.total_cmp(&a.relative));
    (sd, bars)
}

/// The first year of the file for which `f` gives a national value (a level measure's default).
fn first_year(
    d: &RegionalData,
    f: impl Fn(i32) -> Result<RegionalValues>,
) -> Result<(i32, RegionalValues)> {
    let mut last_err = None;
    for &y in &d.years {
        match f(y) {
            Ok(v) => return Ok((y, v)),
            Err(e) => last_err = Some(e),
        }
    }
    Err(last_err.unwrap_or_else(|| crate::Error::not_available("Het bestand bevat geen jaren.")))
}

pub fn compute(d: &RegionalData, s: &RankingSpec, k: f64) -> Result<RankingData> {
    let g = s.subgroup;
    let (values, from, to, year, label) = match s.measure {
        RankMeasure::Growth => {
            let (from, to) = super::scatter::years(d, s.from, s.to)?;
            let v = measures::growth_workers(d, g, from, to).map_err(|mut e| {
                if matches!(g, Subgroup::Praktijkroute | Subgroup::PwOther) {
                    e.message.push_str(" De Praktijkroute wordt pas vanaf 2017 apart geteld; een groei vraagt twee jaren met die aantallen.");
                }
                e
            })?;
            let label = format!("Groei werkenden{} {from}-{to}", group_suffix(g));
            (v, Some(from), Some(to), None, label)
        }
        RankMeasure::Share => {
            let (y, v) = match s.year {
                Some(y) => (y, measures::share_working(d, g, y)?),
                None => first_year(d, |y| measures::share_working(d, g, y))?,
            };
            let label = format!("Aandeel werkenden{} eind {y}", group_suffix(g));
            (v, None, None, Some(y), label)
        }
        RankMeasure::RegisterShare => {
            let (y, v) = match s.year {
                Some(y) => (y, measures::register_share(d, g, y)?),
                None => first_year(d, |y| measures::register_share(d, g, y))?,
            };
            let parent = match g.parent() {
                Some(Subgroup::Participatiewet) => "het register Participatiewet",
                _ => "het doelgroepregister",
            };
            let label = format!("Aandeel {} in {parent} eind {y}", g.label());
            (v, None, None, Some(y), label)
        }
    };
    let (sd, bars) = ranked_bars(&values, k);
    Ok(RankingData {
        view: "ranking",
        measure: s.measure.key(),
        subgroup: g,
        from,
        to,
        year,
        k,
        national: values.national,
        sd,
        label,
        bars,
        excluded: values.excluded,
    })
}

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
pub fn bars_table(bars: &[Bar], with_parts: bool) -> super::DataTable {
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
    let data = compute(d, s, spec.k)?;
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
    let period = match (data.from, data.to, data.year) {
        (Some(a), Some(b), _) => format!("&from={a}&to={b}"),
        (_, _, Some(y)) => format!("&year={y}"),
        _ => String::new(),
    };
    Ok(Rendered::assemble(
        "ranking",
        format!(
            "view=ranking&measure={}&subgroup={}{period}{}",
            data.measure,
            data.subgroup.key(),
            common_query(spec)
        ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::spec::ViewSpec;

    fn data() -> RegionalData {
        Dataset::default_data().unwrap().regional.unwrap()
    }

    #[test]
    fn wajong_growth_ranking_matches_the_definitions() {
        let d = data();
        let s = RankingSpec {
            measure: RankMeasure::Growth,
            subgroup: Subgroup::Wajong,
            from: Some(2015),
            to: Some(2017),
            year: None,
        };
        let r = compute(&d, &s, 1.0).unwrap();
        assert_eq!(r.bars.len(), 35);
        // National from the totals, not the mean of regions.
        let n = &d.national;
        let nat = (n[&2017].0[crate::regional::Count::WorkersWajong.index()].unwrap()
            / n[&2015].0[crate::regional::Count::WorkersWajong.index()].unwrap()
            - 1.0)
            * 100.0;
        assert!((r.national - nat).abs() < 1e-9);
        // Sorted descending, relative = value - national, outliers beyond 1 SD.
        for w in r.bars.windows(2) {
            assert!(w[0].relative >= w[1].relative);
        }
        for b in &r.bars {
            assert!((b.relative - (b.value - r.national)).abs() < 1e-12);
            let expect = if b.relative > r.sd {
                Some(Outlier::Up)
            } else if b.relative < -r.sd {
                Some(Outlier::Down)
            } else {
                None
            };
            assert_eq!(b.outlier, expect, "{}", b.region);
        }
        assert!(r.bars.iter().any(|b| b.outlier == Some(Outlier::Up)));
        assert!(r.bars.iter().any(|b| b.outlier == Some(Outlier::Down)));
    }

    #[test]
    fn ties_keep_alphabetical_order() {
        let v = RegionalValues {
            values: vec![("A".into(), 1.0), ("B".into(), 2.0), ("C".into(), 1.0)],
            national: 1.0,
            excluded: vec![],
        };
        let (_, bars) = ranked_bars(&v, 1.0);
        let order: Vec<&str> = bars.iter().map(|b| b.region.as_str()).collect();
        assert_eq!(order, ["B", "A", "C"]);
    }

    #[test]
    fn praktijkroute_register_share_defaults_to_its_first_year() {
        let d = data();
        let s = RankingSpec {
            measure: RankMeasure::RegisterShare,
            subgroup: Subgroup::Praktijkroute,
            from: None,
            to: None,
            year: None,
        };
        let r = compute(&d, &s, 1.0).unwrap();
        assert_eq!(r.year, Some(2017));
        assert!((r.national - 8.567).abs() < 5e-4);
        // An explicit year without Praktijkroute data says so.
        let e = compute(
            &d,
            &RankingSpec {
                year: Some(2015),
                ..s
            },
            1.0,
        )
        .unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::NotAvailable);
    }

    #[test]
    fn renders_with_reading_and_table() {
        let ds = Dataset::default_data().unwrap();
        let spec = ViewSpec::parse("view=ranking&measure=share&subgroup=total&year=2015").unwrap();
        let r = super::super::render(&ds, &spec).unwrap();
        assert_eq!(r.table.rows.len(), 35);
        assert!(r.summary.contains("Helmond-De Peel"), "{}", r.summary);
        assert!(r.summary.contains("43,9 %"), "{}", r.summary);
        assert!(r.svg.contains("Helmond-De Peel"));
        assert_eq!(r.hits.len(), 35);
        assert_eq!(
            r.spec,
            "view=ranking&measure=share&subgroup=total&year=2015"
        );
    }
}
