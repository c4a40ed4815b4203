//! Basic measures per region (table 7 of the report, Tabel 3.2 with B.3 and B.6): growth of jobs
//! and of working persons, jobs against the Werkkamer indication, share working at the start and
//! vacancy growth, with the national value, the SD and the correlations between the measures.
//!
//! National values come from the national totals, except jobs against the indication: there the
//! national value is the unweighted mean of the regional ratios (DOMAIN.md, footnote 26 of the
//! report), and "gemid." is the mean of the years' ratios. A measure the file cannot support is
//! kept in the table as not available, with the reason; it is never shown as 0.

use crate::compute::regional::measures::{self, growth, percentage, RegionalValues};
use crate::compute::regional::{Count, RegionalData};
use crate::compute::stats;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{t, Lang};
use crate::spec::{Period, Subgroup};

struct Def {
    key: String,
    label: String,
    group: &'static str,
    header: String,
    correlate: bool,
}

fn def(key: String, label: String, group: &'static str, header: String, correlate: bool) -> Def {
    Def {
        key,
        label,
        group,
        header,
        correlate,
    }
}

fn unavailable(d: Def, reason: String, n: usize) -> Measure {
    Measure {
        key: d.key,
        label: d.label,
        group: d.group,
        header: d.header,
        available: false,
        reason: Some(reason),
        national: None,
        national_basis: "totals",
        sd: None,
        values: vec![None; n],
        relative: vec![None; n],
        outliers: vec![None; n],
        correlate: d.correlate,
    }
}

fn from_values(d: Def, regions: &[String], v: &RegionalValues, basis: &'static str) -> Measure {
    let values: Vec<Option<f64>> = regions.iter().map(|r| v.get(r)).collect();
    Measure {
        key: d.key,
        label: d.label,
        group: d.group,
        header: d.header,
        available: true,
        reason: None,
        national: Some(v.national),
        national_basis: basis,
        sd: stats::population_sd(&v.numbers()),
        relative: values.iter().map(|x| x.map(|x| x - v.national)).collect(),
        outliers: vec![None; values.len()],
        values,
        correlate: d.correlate,
    }
}

/// A count's name in `lang`.
fn count_label(c: Count, lang: Lang) -> String {
    match lang {
        Lang::Nl => c.label().to_string(),
        Lang::En => c.name().replace('_', " "),
    }
}

/// Why a count cannot be used for `years`, or `None` when it can.
fn missing(d: &RegionalData, c: Count, years: &[Period], lang: Lang) -> Option<String> {
    if !d.present.contains(&c) {
        return Some(match lang {
            // (Named as a reader knows it, not by the canonical name `jobs` that a file may
            // not use; `--map` or the mapping step shows the names.)
            Lang::Nl => format!("het bestand heeft geen kolom met {}", c.label()),
            Lang::En => format!("the file has no column of {}", count_label(c, lang)),
        });
    }
    let absent: Vec<String> = years
        .iter()
        .filter(|y| d.national(**y, c).is_none())
        .map(|y| y.label_in(lang))
        .collect();
    if absent.is_empty() {
        None
    } else {
        let years =
            crate::format::list_in(&absent.iter().map(String::as_str).collect::<Vec<_>>(), lang);
        Some(match lang {
            Lang::Nl => format!("het bestand heeft geen {} voor {years}", c.label()),
            Lang::En => format!("the file has no {} for {years}", count_label(c, lang)),
        })
    }
}

/// The file's stands within [from, to] at the same point of the year as `to`: in a quarterly
/// file 2016 K4 and 2017 K4, never 2017 K3 beside 2017 K4 (a growth or a mean over them would
/// mix the seasons).
fn stands(d: &RegionalData, from: Period, to: Period) -> impl Iterator<Item = Period> + '_ {
    d.at_point_of(to).filter(move |y| (from..=to).contains(y))
}

/// The last two stands within [from, to] (see [`stands`]) for which the national value of `c`
/// exists.
fn last_pair(d: &RegionalData, c: Count, from: Period, to: Period) -> Option<(Period, Period)> {
    let ys: Vec<Period> = stands(d, from, to)
        .filter(|y| d.national(*y, c).is_some())
        .collect();
    match ys.as_slice() {
        [.., a, b] => Some((*a, *b)),
        _ => None,
    }
}

fn growth_measure(
    d: &RegionalData,
    c: Count,
    a: Period,
    b: Period,
    def: Def,
    lang: Lang,
) -> Measure {
    let n = d.regions.len();
    if let Some(reason) = missing(d, c, &[a, b], lang) {
        return unavailable(def, reason, n);
    }
    match measures::per_region(d, &[a, b], &crate::case::lower(&def.label), lang, |k| {
        growth(k[0].get(c), k[1].get(c))
    }) {
        Ok(v) => from_values(def, &d.regions, &v, "totals"),
        Err(e) => unavailable(def, e.message, n),
    }
}

/// Jobs against the indication in `year`, national = unweighted mean of the regional ratios.
fn ratio_values(d: &RegionalData, year: Period) -> Option<RegionalValues> {
    let values: Vec<(String, f64)> = d
        .regions
        .iter()
        .filter_map(|r| {
            let v = percentage(
                d.get(r, year, Count::Jobs),
                d.get(r, year, Count::WerkkamerIndication),
            )?;
            Some((r.clone(), v))
        })
        .collect();
    let national = stats::mean(&values.iter().map(|v| v.1).collect::<Vec<_>>())?;
    Some(RegionalValues {
        values,
        national,
        excluded: Vec::new(),
    })
}

/// Outlier classes of every measure at threshold `k` (relative value beyond k SD).
pub fn classify_outliers(data: &mut BasicsData, k: f64) {
    data.k = k;
    for m in &mut data.measures {
        let sd = m.sd.unwrap_or(0.0);
        m.outliers = m
            .relative
            .iter()
            .map(|r| r.and_then(|r| stats::classify_simple(r, sd, k)))
            .collect();
    }
}

pub fn compute(
    d: &RegionalData,
    from: Option<Period>,
    to: Option<Period>,
    lang: Lang,
) -> Result<BasicsData> {
    let (from, to) = super::scatter::years(d, from, to, lang)?;
    let span = from.span(to, lang);
    let from_l = from.label_in(lang);
    let (jobs, workers, vacancies) = (
        t(lang, "Banen", "Jobs"),
        t(lang, "Werkenden", "Workers"),
        t(lang, "Vacatures", "Vacancies"),
    );
    let growth_word = t(lang, "groei", "growth");
    let against = t(lang, "t.o.v.\nindicatie", "vs.\nindication");
    let n = d.regions.len();
    let mut ms = Vec::new();

    // Jobs: growth over the view's period, and over the last two years with jobs when that differs.
    let jobs_pair = last_pair(d, Count::Jobs, from, to);
    let full = (from, to);
    ms.push(growth_measure(
        d,
        Count::Jobs,
        from,
        to,
        def(
            "jobs_growth".into(),
            match lang {
                Lang::Nl => format!("Groei banen {span}"),
                Lang::En => format!("Growth of jobs {span}"),
            },
            jobs,
            format!("{growth_word}\n{span}"),
            true,
        ),
        lang,
    ));
    if let Some((a, b)) = jobs_pair.filter(|p| *p != full) {
        let correlate = !ms.last().is_some_and(|m| m.available);
        ms.push(growth_measure(
            d,
            Count::Jobs,
            a,
            b,
            def(
                format!("jobs_growth_{a}_{b}"),
                match lang {
                    Lang::Nl => format!("Groei banen {}", a.span(b, lang)),
                    Lang::En => format!("Growth of jobs {}", a.span(b, lang)),
                },
                jobs,
                format!("{growth_word}\n{}", a.span(b, lang)),
                correlate,
            ),
            lang,
        ));
    }
    // Jobs against the indication, per year with both counts, and their mean.
    let ratio_years: Vec<Period> = stands(d, from, to)
        .filter(|y| {
            missing(d, Count::Jobs, &[*y], lang).is_none()
                && missing(d, Count::WerkkamerIndication, &[*y], lang).is_none()
        })
        .collect();
    if ratio_years.is_empty() {
        let reason = missing(d, Count::WerkkamerIndication, &[to], lang)
            .or_else(|| missing(d, Count::Jobs, &[to], lang))
            .unwrap_or_else(|| match lang {
                Lang::Nl => format!("geen jaar in {span} met banen en indicatie"),
                Lang::En => format!("no year in {span} with jobs and indication"),
            });
        ms.push(unavailable(
            def(
                "jobs_indication_mean".into(),
                t(
                    lang,
                    "Banen t.o.v. indicatie Werkkamer",
                    "Jobs against the Werkkamer indication",
                )
                .into(),
                jobs,
                against.into(),
                true,
            ),
            reason,
            n,
        ));
    }
    let mut per_year: Vec<RegionalValues> = Vec::new();
    for &y in &ratio_years {
        let single = ratio_years.len() == 1;
        let yl = y.label_in(lang);
        let dfn = def(
            format!("jobs_indication_{y}"),
            match lang {
                Lang::Nl => format!("Banen t.o.v. indicatie Werkkamer {yl}"),
                Lang::En => format!("Jobs against the Werkkamer indication {yl}"),
            },
            jobs,
            format!("{against}\n{yl}"),
            single,
        );
        match ratio_values(d, y) {
            Some(v) => {
                ms.push(from_values(dfn, &d.regions, &v, "mean_of_regions"));
                per_year.push(v);
            }
            None => ms.push(unavailable(
                dfn,
                match lang {
                    Lang::Nl => format!("geen regio heeft banen en indicatie voor {y}"),
                    Lang::En => format!("no region has jobs and indication for {y}"),
                },
                n,
            )),
        }
    }
    if per_year.len() > 1 {
        let values: Vec<(String, f64)> = d
            .regions
            .iter()
            .filter_map(|r| {
                let xs: Option<Vec<f64>> = per_year.iter().map(|v| v.get(r)).collect();
                Some((r.clone(), stats::mean(&xs?)?))
            })
            .collect();
        let national = stats::mean(&values.iter().map(|v| v.1).collect::<Vec<_>>());
        let dfn = def(
            "jobs_indication_mean".into(),
            t(
                lang,
                "Banen t.o.v. indicatie Werkkamer, gemiddelde",
                "Jobs against the Werkkamer indication, mean",
            )
            .into(),
            jobs,
            format!("{against}\n{}", t(lang, "gemid.", "mean")),
            true,
        );
        match national {
            Some(national) => ms.push(from_values(
                dfn,
                &d.regions,
                &RegionalValues {
                    values,
                    national,
                    excluded: Vec::new(),
                },
                "mean_of_regions",
            )),
            None => ms.push(unavailable(
                dfn,
                t(
                    lang,
                    "geen regio heeft alle jaren",
                    "no region has every year",
                )
                .into(),
                n,
            )),
        }
    }

    // Working persons.
    let dfn = def(
        "workers_growth".into(),
        match lang {
            Lang::Nl => format!("Groei werkenden {span}"),
            Lang::En => format!("Growth of working persons {span}"),
        },
        workers,
        format!("{growth_word}\n{span}"),
        true,
    );
    ms.push(
        match measures::growth_workers(d, Subgroup::Total, from, to, lang) {
            Ok(v) => from_values(dfn, &d.regions, &v, "totals"),
            Err(e) => unavailable(dfn, e.message, n),
        },
    );
    let dfn = def(
        "share_working".into(),
        match lang {
            Lang::Nl => format!("Aandeel werkenden {from_l}"),
            Lang::En => format!("Share working {from_l}"),
        },
        workers,
        format!("{}\n{from_l}", t(lang, "aandeel", "share")),
        true,
    );
    ms.push(
        match measures::share_working(d, Subgroup::Total, from, lang) {
            Ok(v) => from_values(dfn, &d.regions, &v, "totals"),
            Err(e) => unavailable(dfn, e.message, n),
        },
    );

    // Vacancies, over the last two years with vacancy counts.
    for (c, key, label, header) in [
        (
            Count::OpenVacancies,
            "open_vacancies_growth",
            t(
                lang,
                "Groei openstaande vacatures",
                "Growth of open vacancies",
            ),
            t(lang, "openstaand", "open"),
        ),
        (
            Count::NewVacancies,
            "new_vacancies_growth",
            t(lang, "Groei ontstane vacatures", "Growth of new vacancies"),
            t(lang, "ontstaan", "new"),
        ),
    ] {
        match last_pair(d, c, from, to) {
            Some((a, b)) => ms.push(growth_measure(
                d,
                c,
                a,
                b,
                def(
                    key.into(),
                    format!("{label} {}", a.span(b, lang)),
                    vacancies,
                    format!("{growth_word}\n{header}\n{}", a.span(b, lang)),
                    true,
                ),
                lang,
            )),
            None => ms.push(unavailable(
                def(
                    key.into(),
                    label.into(),
                    vacancies,
                    format!("{growth_word}\n{header}"),
                    true,
                ),
                missing(d, c, &[to], lang).unwrap_or_else(|| match lang {
                    Lang::Nl => format!(
                        "het bestand heeft geen twee jaren met {} in {span}",
                        c.label()
                    ),
                    Lang::En => format!(
                        "the file has no two years with {} in {span}",
                        count_label(c, lang)
                    ),
                }),
                n,
            )),
        }
    }

    let correlations = correlations(&ms);
    Ok(BasicsData {
        view: "basics",
        from,
        to,
        regions: d.regions.clone(),
        measures: ms,
        correlations,
        k: 1.0,
    })
}

/// Pearson r between every pair of correlated measures, over the regions with both values.
fn correlations(ms: &[Measure]) -> Vec<Correlation> {
    let core: Vec<&Measure> = ms.iter().filter(|m| m.correlate && m.available).collect();
    let mut out = Vec::new();
    for (i, a) in core.iter().enumerate() {
        for b in core.iter().skip(i + 1) {
            let (xs, ys): (Vec<f64>, Vec<f64>) = a
                .values
                .iter()
                .zip(&b.values)
                .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
                .unzip();
            out.push(Correlation {
                a: a.key.clone(),
                b: b.key.clone(),
                r: stats::pearson(&xs, &ys),
                n: xs.len(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::basics::data_table;
    use crate::render::Dataset;

    fn basics() -> BasicsData {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        compute(
            &d,
            Some(Period::year(2015)),
            Some(Period::year(2017)),
            Lang::Nl,
        )
        .unwrap()
    }

    fn national(b: &BasicsData, key: &str) -> f64 {
        b.measure(key).and_then(|m| m.national).unwrap()
    }

    #[test]
    fn jobs_for_2015_are_not_available_with_the_reason() {
        let b = basics();
        let m = b.measure("jobs_growth").unwrap();
        assert!(!m.available);
        assert!(
            m.reason.as_deref().unwrap().contains("2015"),
            "{:?}",
            m.reason
        );
        assert!(m.values.iter().all(Option::is_none));
        let t = data_table(&b, Lang::Nl);
        assert_eq!(t.rows[0][1], serde_json::Value::from("n.b."));
    }

    #[test]
    fn published_national_values() {
        let b = basics();
        assert_eq!(
            format!("{:.2}", national(&b, "jobs_growth_2016_2017")),
            "14.42"
        );
        assert_eq!(
            format!("{:.2}", national(&b, "jobs_indication_2016")),
            "104.96"
        );
        assert_eq!(
            format!("{:.2}", national(&b, "jobs_indication_2017")),
            "106.54"
        );
        assert_eq!(
            format!("{:.2}", national(&b, "jobs_indication_mean")),
            "105.75"
        );
        assert_eq!(
            format!("{:.2}", national(&b, "open_vacancies_growth")),
            "33.66"
        );
        assert_eq!(
            format!("{:.2}", national(&b, "new_vacancies_growth")),
            "15.29"
        );
        assert_eq!(format!("{:.2}", national(&b, "workers_growth")), "22.94");
        assert_eq!(format!("{:.2}", national(&b, "share_working")), "43.87");
        let w = b.measure("workers_growth").unwrap();
        assert_eq!(format!("{:.2}", w.sd.unwrap()), "12.92");
    }

    #[test]
    fn correlations_cover_the_available_measures() {
        let b = basics();
        let c = b
            .correlations
            .iter()
            .find(|c| c.a == "workers_growth" && c.b == "share_working")
            .unwrap();
        // The scatterplot's R² 0.31 is this correlation squared.
        assert_eq!(format!("{:.2}", c.r.unwrap().powi(2)), "0.31");
        assert!(c.r.unwrap() < 0.0);
        assert_eq!(c.n, 35);
        // The unavailable 2015-2017 jobs growth is replaced by 2016-2017 in the correlations.
        assert!(b.correlations.iter().all(|c| c.a != "jobs_growth"));
        assert!(b
            .correlations
            .iter()
            .any(|c| c.a == "jobs_growth_2016_2017"));
    }
}
