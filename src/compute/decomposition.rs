//! The decomposition of Participatiewet growth (figure 5 of the report): per region the growth of
//! working Participatiewet persons split into the Praktijkroute and the other routes, ranked by the
//! Praktijkroute share of that growth relative to national.
//!
//! Definitions (DOMAIN.md; the parts are ours, chosen so they add up to the growth):
//! - Praktijkroute share of the growth = `(prk_to - prk_from) / (pw_to - pw_from) * 100`
//!   (the report: `workers_pw_praktijkroute_2017 / (workers_pw_2017 - workers_pw_2016) * 100`).
//! - parts, in % of the start count: `praktijkroute = (prk_to - prk_from) / pw_from * 100` and
//!   `pw_other = (pw_to - pw_from - (prk_to - prk_from)) / pw_from * 100`; they sum to the growth
//!   `(pw_to / pw_from - 1) * 100`.
//! - The Praktijkroute exists from 1 January 2017: a missing count for an earlier year is 0.

use super::ranking;
use crate::compute::regional::measures::{Excluded, RegionalValues};
use crate::compute::regional::{Count, Counts, RegionalData};
use crate::data::regional::*;
use crate::error::{Error, Result};
use crate::format::{t, Lang};
use crate::spec::Period;

/// The first year-end at which the Praktijkroute can have persons.
pub const PRAKTIJKROUTE_START: i32 = 2017;

/// Share of growth and parts for one row pair; `Err` carries the reason in `lang`.
fn split(
    a: &Counts,
    b: &Counts,
    from: Period,
    lang: Lang,
) -> std::result::Result<(f64, Parts), String> {
    let from_l = from.label_in(lang);
    let pw_a = a
        .get(Count::WorkersParticipatiewet)
        .ok_or_else(|| match lang {
            Lang::Nl => format!("werkzame personen Participatiewet {from_l} ontbreken"),
            Lang::En => format!("working persons Participatiewet {from_l} are missing"),
        })?;
    let pw_b = b.get(Count::WorkersParticipatiewet).ok_or(t(
        lang,
        "werkzame personen Participatiewet ontbreken in het eindjaar",
        "working persons Participatiewet are missing in the last year",
    ))?;
    let prk_b = b.get(Count::WorkersPwPraktijkroute).ok_or(t(
        lang,
        "werkzame personen Praktijkroute ontbreken in het eindjaar",
        "working persons Praktijkroute are missing in the last year",
    ))?;
    let prk_a = match a.get(Count::WorkersPwPraktijkroute) {
        Some(v) => v,
        None if from.calendar_year() < PRAKTIJKROUTE_START => 0.0,
        None => {
            return Err(match lang {
                Lang::Nl => format!("werkzame personen Praktijkroute {from_l} ontbreken"),
                Lang::En => format!("working persons Praktijkroute {from_l} are missing"),
            })
        }
    };
    if pw_a <= 0.0 {
        return Err(match lang {
            Lang::Nl => format!("geen werkzame personen Participatiewet in {from_l}"),
            Lang::En => format!("no working persons Participatiewet in {from_l}"),
        });
    }
    let growth = pw_b - pw_a;
    if growth <= 0.0 {
        return Err(t(lang, "het aantal werkzame personen Participatiewet groeide niet, dus is er geen aandeel van de groei", "the number of working persons Participatiewet did not grow, so there is no share of the growth").into());
    }
    let prk = prk_b - prk_a;
    Ok((
        prk / growth * 100.0,
        Parts {
            praktijkroute: prk / pw_a * 100.0,
            pw_other: (growth - prk) / pw_a * 100.0,
        },
    ))
}

/// Default years: the last period of the file and the one a year before it (see
/// [`RegionalData::year_before`]).
fn years(
    d: &RegionalData,
    from: Option<Period>,
    to: Option<Period>,
    lang: Lang,
) -> Result<(Period, Period)> {
    let last = d.years.last().copied();
    let to = match to {
        Some(p) => d.resolve("to", p)?,
        None => last.ok_or_else(|| {
            Error::not_available(t(
                lang,
                "Het bestand bevat geen jaren.",
                "The file has no years.",
            ))
        })?,
    };
    #[cfg(feature = "full")]
    let before = d.year_before(to);
    #[cfg(not(feature = "full"))]
    let before = d.years.iter().copied().rfind(|y| *y < to);
    let from = match from {
        Some(f) => d.resolve("from", f)?,
        None => before.ok_or_else(|| {
            Error::not_available(match lang {
                Lang::Nl => format!("Voor de opbouw van de groei zijn twee jaren nodig; het bestand heeft er geen vóór {}.", to.label_in(lang)),
                Lang::En => format!("The make-up of the growth needs two years; the file has none before {}.", to.label_in(lang)),
            })
        })?,
    };
    for y in [from, to] {
        if !d.has_year(y) {
            return Err(Error::not_available(match lang {
                Lang::Nl => format!("Het jaar {y} staat niet in het bestand."),
                Lang::En => format!("The year {y} is not in the file."),
            }));
        }
    }
    Ok((from, to))
}

pub fn compute(
    d: &RegionalData,
    from: Option<Period>,
    to: Option<Period>,
    k: f64,
    lang: Lang,
) -> Result<DecompositionData> {
    let (from, to) = years(d, from, to, lang)?;
    let span = from.span(to, lang);
    let empty = Counts::default();
    let nat = |y: Period| d.national.get(&y).unwrap_or(&empty);
    let (national, national_parts) = split(nat(from), nat(to), from, lang).map_err(|reason| {
        // (A long file's group under a name not recognised is named.)
        let unread = crate::compute::regional::measures::unrecognised(d, lang);
        Error::not_available(match lang {
            Lang::Nl => format!(
                "De opbouw van de groei {span} is landelijk niet te berekenen: {reason}.{unread}"
            ),
            Lang::En => format!(
                "The make-up of the growth {span} cannot be computed nationally: {reason}.{unread}"
            ),
        })
    })?;
    let mut values = Vec::new();
    let mut parts = Vec::new();
    let mut excluded = Vec::new();
    for r in &d.regions {
        let row = |y: Period| d.data.get(&(r.clone(), y)).unwrap_or(&empty);
        match split(row(from), row(to), from, lang) {
            Ok((share, p)) => {
                values.push((r.clone(), share));
                parts.push((r.clone(), p));
            }
            Err(reason) => excluded.push(Excluded {
                region: r.clone(),
                reason,
            }),
        }
    }
    if values.is_empty() {
        return Err(Error::not_available(t(
            lang,
            "Voor geen enkele regio is de opbouw van de groei te berekenen.",
            "The make-up of the growth cannot be computed for any region.",
        )));
    }
    let rv = RegionalValues {
        values,
        national,
        excluded: Vec::new(),
    };
    let (sd, mut bars) = ranking::ranked_bars(&rv, k);
    for b in &mut bars {
        b.parts = parts.iter().find(|(r, _)| *r == b.region).map(|(_, p)| *p);
    }
    let praktijkroute_from_zero = from.calendar_year() < PRAKTIJKROUTE_START
        && nat(from).get(Count::WorkersPwPraktijkroute).is_none();
    Ok(DecompositionData {
        view: "decomposition",
        subgroup: "participatiewet",
        from,
        to,
        k,
        national,
        sd,
        national_growth: national_parts.praktijkroute + national_parts.pw_other,
        national_parts,
        bars,
        excluded,
        praktijkroute_from_zero,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Dataset;

    #[test]
    fn national_praktijkroute_share_of_growth_is_34_5() {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        let r = compute(
            &d,
            Some(Period::year(2016)),
            Some(Period::year(2017)),
            1.0,
            Lang::Nl,
        )
        .unwrap();
        assert_eq!(format!("{:.1}", r.national), "34.5");
        assert!(r.praktijkroute_from_zero);
        assert_eq!(r.bars.len(), 35);
        // The parts add up to the growth, nationally and per region.
        let g = (21292.0 / 9385.0 - 1.0) * 100.0;
        assert!((r.national_growth - g).abs() < 1e-9);
        for b in &r.bars {
            let p = b.parts.unwrap();
            assert!(p.praktijkroute >= 0.0);
            let share = p.praktijkroute / (p.praktijkroute + p.pw_other) * 100.0;
            assert!((share - b.value).abs() < 1e-9, "{}", b.region);
        }
        // Haaglanden: 733 of (1315 - 457) = 85.4 %.
        let h = r.bars.iter().find(|b| b.region == "Haaglanden").unwrap();
        assert!((h.value - 733.0 / 858.0 * 100.0).abs() < 1e-9);
        assert_eq!(r.bars[0].region, "Haaglanden");
    }

    #[test]
    fn defaults_to_the_last_two_years() {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        let r = compute(&d, None, None, 1.0, Lang::Nl).unwrap();
        assert_eq!((r.from, r.to), (Period::year(2016), Period::year(2017)));
    }

    #[test]
    fn shrinking_or_missing_regions_are_excluded_with_a_reason() {
        let a = Counts::default();
        let mut b = Counts::default();
        let mut a2 = a;
        a2.set(Count::WorkersParticipatiewet, Some(100.0));
        b.set(Count::WorkersParticipatiewet, Some(90.0));
        b.set(Count::WorkersPwPraktijkroute, Some(5.0));
        assert!(split(&a2, &b, Period::year(2016), Lang::Nl)
            .unwrap_err()
            .contains("groeide niet"));
        assert!(split(&a, &b, Period::year(2016), Lang::Nl)
            .unwrap_err()
            .contains("2016"));
        let mut c = b;
        c.set(Count::WorkersParticipatiewet, Some(110.0));
        // After 2017 a missing start count is missing, not 0.
        assert!(split(&a2, &c, Period::year(2017), Lang::Nl)
            .unwrap_err()
            .contains("Praktijkroute 2017"));
        let (share, p) = split(&a2, &c, Period::year(2016), Lang::Nl).unwrap();
        assert!((share - 50.0).abs() < 1e-12);
        assert!((p.praktijkroute - 5.0).abs() < 1e-12 && (p.pw_other - 5.0).abs() < 1e-12);
    }
}
