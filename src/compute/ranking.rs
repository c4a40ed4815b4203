//! Ranked bar charts per region (figures 3 and 4 of the report): a measure per region relative
//! to national, sorted descending, with outliers beyond k population SD of the regional values.

use crate::compute::regional::measures::{self, RegionalValues};
use crate::compute::regional::RegionalData;
use crate::compute::stats;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{t, Lang};
use crate::spec::{Period, Subgroup};
use crate::spec::{RankMeasure, RankingSpec};

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
/// In a file of quarters or months, the first at the point of its year where the file ends
/// (`2017K4`, the stand at the end of 2017, not `2017K1`), as growths compare; else the first.
fn first_year(
    d: &RegionalData,
    lang: Lang,
    f: impl Fn(Period) -> Result<RegionalValues>,
) -> Result<(Period, RegionalValues)> {
    let mut last_err = None;
    // The stands at the point of the year where the file ends first, then the others.
    let at_end: Vec<Period> = d
        .years
        .last()
        .map(|&l| d.at_point_of(l).collect())
        .unwrap_or_default();
    let rest = d.years.iter().filter(|y| !at_end.contains(y));
    let years: Vec<Period> = at_end.iter().chain(rest).copied().collect();
    for &y in years.iter() {
        match f(y) {
            Ok(v) => return Ok((y, v)),
            // The last stand at the point of the year where the file ends names what is
            // missing (`2017 K4`, never the `2017 K3` tried after it).
            Err(e) if last_err.is_none() || at_end.contains(&y) => last_err = Some(e),
            Err(_) => {}
        }
    }
    Err(last_err.unwrap_or_else(|| {
        crate::Error::not_available(t(
            lang,
            "Het bestand bevat geen jaren.",
            "The file has no years.",
        ))
    }))
}

pub fn compute(d: &RegionalData, s: &RankingSpec, k: f64, lang: Lang) -> Result<RankingData> {
    let g = s.subgroup;
    let suffix = g.suffix_in(lang);
    let (values, from, to, year, label) = match s.measure {
        RankMeasure::Growth => {
            let (from, to) = super::scatter::years(d, s.from, s.to, lang)?;
            let span = from.span(to, lang);
            let v = measures::growth_workers(d, g, from, to, lang).map_err(|mut e| {
                if matches!(g, Subgroup::Praktijkroute | Subgroup::PwOther) {
                    e.message.push_str(t(lang, " De Praktijkroute wordt pas vanaf 2017 apart geteld; een groei vraagt twee jaren met die aantallen.", " The Praktijkroute is counted separately only from 2017; a growth needs two years with those counts."));
                }
                e
            })?;
            let label = match lang {
                Lang::Nl => format!("Groei werkenden{suffix} {span}"),
                Lang::En => format!("Growth of working persons{suffix} {span}"),
            };
            (v, Some(from), Some(to), None, label)
        }
        RankMeasure::Share => {
            let (y, v) = match s.year {
                Some(y) => (y, measures::share_working(d, g, y, lang)?),
                None => first_year(d, lang, |y| measures::share_working(d, g, y, lang))?,
            };
            let at = y.moment(lang);
            let label = match lang {
                Lang::Nl => format!("Aandeel werkenden{suffix} {at}"),
                Lang::En => format!("Share working{suffix} {at}"),
            };
            (v, None, None, Some(y), label)
        }
        RankMeasure::RegisterShare => {
            let (y, v) = match s.year {
                Some(y) => (y, measures::register_share(d, g, y, lang)?),
                None => first_year(d, lang, |y| measures::register_share(d, g, y, lang))?,
            };
            let at = y.moment(lang);
            let pw = g.parent() == Some(Subgroup::Participatiewet);
            let label = match (lang, pw) {
                (Lang::Nl, true) => {
                    format!("Aandeel {} in het register Participatiewet {at}", g.label())
                }
                (Lang::Nl, false) => {
                    format!("Aandeel {} in het doelgroepregister {at}", g.label())
                }
                (Lang::En, true) => format!(
                    "Share of {} in the Participatiewet register {at}",
                    g.label_in(lang)
                ),
                (Lang::En, false) => format!(
                    "Share of {} in the target group register {at}",
                    g.label_in(lang)
                ),
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Outlier;
    use crate::render::Dataset;
    use crate::spec::ViewSpec;

    fn data() -> RegionalData {
        Dataset::default_data().unwrap().regional.unwrap()
    }

    #[test]
    fn wajong_growth_ranking_matches_the_definitions() {
        let d = data();
        let s = RankingSpec {
            measure: RankMeasure::Growth,
            subgroup: Subgroup::Wajong,
            from: Some(Period::year(2015)),
            to: Some(Period::year(2017)),
            year: None,
            scale: crate::spec::ValueScale::Relative,
        };
        let r = compute(&d, &s, 1.0, Lang::Nl).unwrap();
        assert_eq!(r.bars.len(), 35);
        // National from the totals, not the mean of regions.
        let n = &d.national;
        let nat = (n[&Period::year(2017)].0
            [crate::compute::regional::Count::WorkersWajong.index()]
        .unwrap()
            / n[&Period::year(2015)].0[crate::compute::regional::Count::WorkersWajong.index()]
                .unwrap()
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
            scale: crate::spec::ValueScale::Relative,
        };
        let r = compute(&d, &s, 1.0, Lang::Nl).unwrap();
        assert_eq!(r.year, Some(Period::year(2017)));
        assert!((r.national - 8.567).abs() < 5e-4);
        // An explicit year without Praktijkroute data says so.
        let e = compute(
            &d,
            &RankingSpec {
                year: Some(Period::year(2015)),
                ..s
            },
            1.0,
            Lang::Nl,
        )
        .unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::NotAvailable);
    }

    #[test]
    fn renders_with_reading_and_table() {
        let ds = Dataset::default_data().unwrap();
        let spec = ViewSpec::parse("view=ranking&measure=share&subgroup=total&year=2015").unwrap();
        let r = crate::render::render(&ds, &spec).unwrap();
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
