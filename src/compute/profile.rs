//! One region's profile (`view=profile`): its share working per subgroup and its growth since
//! the first period against the national value, its rank among the regions per period and its
//! place in the scatterplot. Every number comes from the measures the other views use.

use super::compare::{national_name, over_periods, series_of};
use crate::compute::regional::RegionalData;
use crate::compute::scatter;
use crate::data::places::{Found, PlaceSeries, ProfileData, RankPoint};
use crate::data::regional::ScatterData;
use crate::error::Result;
use crate::format::Lang;
use crate::spec::{CompareMeasure, ProfileSpec, ScatterSpec, ScatterX, Subgroup};

/// The subgroups whose share working the profile shows (those the file has).
pub const SUBGROUPS: [Subgroup; 4] = [
    Subgroup::Total,
    Subgroup::Wajong,
    Subgroup::Wsw,
    Subgroup::Participatiewet,
];

/// The rank of `value` among `values` (1 = highest; ties share the better rank).
fn rank_of(value: f64, values: &[f64]) -> usize {
    1 + values.iter().filter(|v| **v > value).count()
}

/// The profile of the region `found`, and the scatterplot it stands in (when the file has two
/// periods and enough regions for a trend line).
pub fn compute(
    d: &RegionalData,
    s: &ProfileSpec,
    found: Found,
    k: f64,
    lang: Lang,
) -> Result<(ProfileData, Option<ScatterData>)> {
    let region = found.region.clone();
    let mut series: Vec<PlaceSeries> = Vec::new();
    let mut first_err = None;
    for g in SUBGROUPS {
        match over_periods(d, CompareMeasure::Share, g, lang) {
            Ok(per) => {
                series.push(series_of(&per, Some(&region), &region, "share", g, false));
                series.push(series_of(
                    &per,
                    None,
                    national_name(lang),
                    "share",
                    g,
                    false,
                ));
            }
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    if series.is_empty() {
        if let Some(e) = first_err {
            return Err(e);
        }
    }
    if d.years.len() > 1 {
        if let Ok(per) = over_periods(d, CompareMeasure::Growth, s.subgroup, lang) {
            series.push(series_of(
                &per,
                Some(&region),
                &region,
                "growth",
                s.subgroup,
                false,
            ));
            series.push(series_of(
                &per,
                None,
                national_name(lang),
                "growth",
                s.subgroup,
                false,
            ));
        }
    }
    let rank = match over_periods(d, CompareMeasure::Share, s.subgroup, lang) {
        Ok(per) => per
            .iter()
            .map(|(y, v)| {
                let values: Vec<f64> = v.as_ref().map(|v| v.numbers()).unwrap_or_default();
                let value = v.as_ref().and_then(|v| v.get(&region));
                RankPoint {
                    period: *y,
                    rank: value.map(|x| rank_of(x, &values)),
                    of: values.len(),
                    value,
                }
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let sc = if d.years.len() > 1 {
        scatter::compute(
            d,
            &ScatterSpec {
                subgroup: s.subgroup,
                from: None,
                to: None,
                x: ScatterX::Share,
            },
            k,
            lang,
        )
        .ok()
    } else {
        None
    };
    let point = sc
        .as_ref()
        .and_then(|sc| sc.points.iter().find(|p| p.region == region).cloned());
    Ok((
        ProfileData {
            view: "profile",
            region,
            asked: found.asked,
            partial: found.partial,
            subgroup: s.subgroup,
            periods: d.years.clone(),
            series,
            rank,
            scatter: point,
        },
        sc,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ranks_count_the_higher_values() {
        let v = [3.0, 1.0, 2.0, 2.0];
        assert_eq!(super::rank_of(3.0, &v), 1);
        assert_eq!(super::rank_of(2.0, &v), 2);
        assert_eq!(super::rank_of(1.0, &v), 4);
    }
}
