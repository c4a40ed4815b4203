//! Convergence (table 8 of the report): per year the national share working, the highest and
//! lowest share relative to national (with the region) and the population SD of the regional
//! shares. Regions grow towards each other when the SD falls.

use crate::compute::regional::measures::{self, Excluded};
use crate::compute::regional::RegionalData;
use crate::compute::stats;
use crate::data::regional::*;
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::ConvergenceSpec;

pub fn compute(d: &RegionalData, s: &ConvergenceSpec, lang: Lang) -> Result<ConvergenceData> {
    let g = s.subgroup;
    let mut years = Vec::new();
    let mut skipped = Vec::new();
    let mut excluded: Vec<Excluded> = Vec::new();
    for y in d.periods_within(s.from, s.to)? {
        let v = match measures::share_working(d, g, y, lang) {
            Ok(v) => v,
            Err(e) => {
                skipped.push(format!("{}: {}", y.label_in(lang), e.message));
                continue;
            }
        };
        let rel = v.relative();
        // Ties keep the alphabetically first region (values come alphabetical).
        let max = rel.iter().fold(None::<&(String, f64)>, |m, x| match m {
            Some(m) if m.1 >= x.1 => Some(m),
            _ => Some(x),
        });
        let min = rel.iter().fold(None::<&(String, f64)>, |m, x| match m {
            Some(m) if m.1 <= x.1 => Some(m),
            _ => Some(x),
        });
        let (Some(max), Some(min), Some(sd)) = (max, min, stats::population_sd(&v.numbers()))
        else {
            continue;
        };
        for e in v.excluded {
            if !excluded.iter().any(|x| x.region == e.region) {
                excluded.push(Excluded {
                    region: e.region,
                    reason: format!("{} ({})", e.reason, y.label_in(lang)),
                });
            }
        }
        years.push(YearRow {
            year: y,
            national: v.national,
            max_relative: max.1,
            max_region: max.0.clone(),
            min_relative: min.1,
            min_region: min.0.clone(),
            sd,
            n: rel.len(),
        });
    }
    if years.is_empty() {
        return Err(Error::not_available(match lang {
            Lang::Nl => format!(
                "Het aandeel werkenden is voor geen enkel jaar te berekenen. {}",
                skipped.join(" ")
            ),
            Lang::En => format!(
                "The share working cannot be computed for any year. {}",
                skipped.join(" ")
            ),
        }));
    }
    // The last period against the first at the same point of its year (`2015K4` for `2017K4`:
    // stands of one season, as the growth compares them; the first year in a file of years).
    // (The first core reads the built-in data only, of years: the first.)
    #[cfg(feature = "full")]
    let start = years.last().and_then(|last| {
        d.at_point_of(last.year)
            .find_map(|p| years.iter().position(|r| r.year == p))
    });
    #[cfg(not(feature = "full"))]
    let start = (!years.is_empty()).then_some(0);
    let converging = match (start.map(|i| &years[i]), years.last()) {
        (Some(a), Some(b)) if a.year != b.year => Some(b.sd < a.sd),
        _ => None,
    };
    Ok(ConvergenceData {
        view: "convergence",
        subgroup: g,
        compared_from: start
            .map(|i| years[i].year)
            .filter(|p| Some(*p) != years.first().map(|r| r.year)),
        years,
        converging,
        skipped,
        excluded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Dataset;
    use crate::spec::{Period, Subgroup};

    fn total(from: Option<i32>, to: Option<i32>) -> ConvergenceSpec {
        ConvergenceSpec {
            subgroup: Subgroup::Total,
            from: from.map(Period::year),
            to: to.map(Period::year),
        }
    }

    #[test]
    fn convergence_2015_matches_the_report() {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        let c = compute(&d, &total(None, None), Lang::Nl).unwrap();
        assert_eq!(c.years.len(), 3);
        let y = &c.years[0];
        assert_eq!(y.year, 2015);
        assert_eq!(y.max_region, "Helmond-De Peel");
        assert_eq!(format!("{:.2}", y.max_relative), "16.10");
        assert_eq!(y.min_region, "Flevoland");
        assert_eq!(format!("{:.2}", y.min_relative), "-13.08");
        assert_eq!(format!("{:.2}", y.sd), "6.52");
        assert_eq!(format!("{:.2}", y.national), "43.87");
        assert_eq!(c.converging, Some(c.years[2].sd < c.years[0].sd));
    }

    #[test]
    fn from_and_to_keep_their_periods() {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        let c = compute(&d, &total(Some(2016), None), Lang::Nl).unwrap();
        let years: Vec<Period> = c.years.iter().map(|r| r.year).collect();
        assert_eq!(years, [Period::year(2016), Period::year(2017)]);
        assert_eq!(c.converging, Some(c.years[1].sd < c.years[0].sd));
        let c = compute(&d, &total(None, Some(2016)), Lang::Nl).unwrap();
        assert_eq!(c.years.len(), 2);
        let e = compute(&d, &total(Some(2014), None), Lang::Nl).unwrap_err();
        assert!(e.message.contains("2014"), "{}", e.message);
    }
}
