//! The trend (figure 6 of the report): national working persons (or register persons) per
//! subgroup over all years of the file; with a region chosen, small multiples of every region with
//! that region highlighted.

use crate::compute::regional::{Counts, RegionalData};
use crate::data::regional::*;
use crate::error::{Error, Result};
use crate::format::{t, Lang};
use crate::spec::{Period, Subgroup};
use crate::spec::{TrendMeasure, TrendSpec};
use std::collections::BTreeMap;

/// The subgroups a trend draws: the total, the three groups and the Praktijkroute within
/// the Participatiewet (from 2017).
pub const SUBGROUPS: [Subgroup; 5] = [
    Subgroup::Total,
    Subgroup::Wajong,
    Subgroup::Wsw,
    Subgroup::Participatiewet,
    Subgroup::Praktijkroute,
];

fn label(g: Subgroup, lang: Lang) -> String {
    match g {
        Subgroup::Total => t(lang, "Totaal", "Total").into(),
        g => g.label_in(lang).into(),
    }
}

fn series(
    lang: Lang,
    measure: TrendMeasure,
    years: &[Period],
    row: impl Fn(Period) -> Option<Counts>,
) -> Vec<Series> {
    SUBGROUPS
        .iter()
        .map(|&g| Series {
            subgroup: g,
            label: label(g, lang),
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

/// Finds a region by name as the regions side by side do (see
/// [`crate::compute::compare::find_region`]): ignoring case, accents and punctuation, by part
/// of its name (`zwolle`) or a city in it.
pub fn find_region<'a>(d: &'a RegionalData, name: &str, lang: Lang) -> Result<&'a str> {
    let found = crate::compute::compare::find_region(&d.regions, name, lang)?;
    d.regions
        .iter()
        .find(|r| **r == found.region)
        .map(String::as_str)
        .ok_or_else(|| Error::view(found.region))
}

pub fn compute(
    d: &RegionalData,
    s: &TrendSpec,
    region: Option<&str>,
    lang: Lang,
) -> Result<TrendData> {
    let years = d.periods_within(s.from, s.to)?;
    #[cfg(feature = "full")]
    let (filled, notes) = national_of_present(d, &years, lang);
    #[cfg(not(feature = "full"))]
    let (filled, notes) = (BTreeMap::<Period, Counts>::new(), Vec::new());
    let national = series(lang, s.measure, &years, |y| {
        filled.get(&y).or_else(|| d.national.get(&y)).copied()
    });
    if national.is_empty() {
        return Err(Error::not_available(t(
            lang,
            "Geen aantallen per deelgroep in het bestand.",
            "The file has no counts per subgroup.",
        )));
    }
    let region = region.map(|r| find_region(d, r, lang)).transpose()?;
    let mut panels = Vec::new();
    if let Some(chosen) = region {
        panels.push(Panel {
            name: t(lang, "Landelijk", "National").into(),
            national: true,
            highlighted: false,
            series: national.clone(),
        });
        for r in &d.regions {
            panels.push(Panel {
                name: r.clone(),
                national: false,
                highlighted: r == chosen,
                series: series(lang, s.measure, &years, |y| {
                    d.data.get(&(r.clone(), y)).copied()
                }),
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
        notes,
    })
}

/// The national counts of the periods where a region lacks a count the others have (and the
/// file has no national figure for it): the sum of the regions that have it, as the growth
/// views take it, with a note per period naming the regions left out. Without this the national
/// line would stop at the first such period.
#[cfg(feature = "full")]
fn national_of_present(
    d: &RegionalData,
    years: &[Period],
    lang: Lang,
) -> (BTreeMap<Period, Counts>, Vec<String>) {
    let mut filled = BTreeMap::new();
    let mut notes = Vec::new();
    for &y in years {
        let Some(n) = d.national.get(&y) else {
            continue;
        };
        let mut k = *n;
        let mut left_out: Vec<String> = Vec::new();
        for (i, cell) in k.0.iter_mut().enumerate() {
            if cell.is_some() {
                continue;
            }
            let of = |r: &String| d.data.get(&(r.clone(), y)).and_then(|c| c.0[i]);
            let have: Vec<f64> = d.regions.iter().filter_map(of).collect();
            if have.is_empty() {
                continue;
            }
            *cell = Some(have.iter().sum());
            for r in d.regions.iter().filter(|r| of(r).is_none()) {
                if !left_out.contains(r) {
                    left_out.push(r.clone());
                }
            }
        }
        if !left_out.is_empty() {
            let list = crate::format::first_ten(&left_out, lang);
            notes.push(match lang {
                Lang::Nl => format!(
                    "Landelijk {}: de som van de regio's met een waarde; zonder waarde: {list}.",
                    y.label_in(lang)
                ),
                Lang::En => format!(
                    "National {}: the sum of the regions with a value; without a value: {list}.",
                    y.label_in(lang)
                ),
            });
            filled.insert(y, k);
        }
    }
    (filled, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::trend::summary;
    use crate::render::Dataset;

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
                from: None,
                to: None,
            },
            None,
            Lang::Nl,
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
                from: None,
                to: None,
            },
            Some("twente"),
            Lang::Nl,
        )
        .unwrap();
        assert_eq!(t.region.as_deref(), Some("Twente"));
        assert_eq!(t.panels.len(), 36);
        assert_eq!(t.panels.iter().filter(|p| p.highlighted).count(), 1);
        let e = compute(
            &d,
            &TrendSpec {
                measure: TrendMeasure::Workers,
                from: None,
                to: None,
            },
            Some("Atlantis"),
            Lang::Nl,
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
                from: None,
                to: None,
            },
            None,
            Lang::Nl,
        )
        .unwrap();
        let s = summary(&t, Lang::Nl);
        assert!(s.contains("+22,9 %"), "{s}");
        assert!(s.contains("Participatiewet groeide het sterkst"), "{s}");
        assert!(s.contains("WSW daalde"), "{s}");
    }
}
