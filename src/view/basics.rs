//! Basic measures per region (table 7 of the report, Tabel 3.2 with B.3 and B.6): growth of jobs
//! and of working persons, jobs against the Werkkamer indication, share working at the start and
//! vacancy growth, with the national value, the SD and the correlations between the measures.
//!
//! National values come from the national totals, except jobs against the indication: there the
//! national value is the unweighted mean of the regional ratios (DOMAIN.md, footnote 26 of the
//! report), and "gemid." is the mean of the years' ratios. A measure the file cannot support is
//! kept in the table as not available, with the reason; it is never shown as 0.

use super::texts::{self, pct};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts, ViewSpec};
use crate::chart;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::regional::measures::{self, growth, percentage, RegionalValues, Subgroup};
use crate::regional::{Count, RegionalData};
use crate::stats;
use serde::Serialize;

/// One measure: a value per region (aligned with [`BasicsData::regions`]), national and SD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub key: String,
    /// Dutch name, e.g. "Groei banen 2015-2017".
    pub label: String,
    /// Column group in the printed table: "Banen", "Werkenden", "Vacatures".
    pub group: &'static str,
    /// Short column header, lines separated by '\n'.
    pub header: String,
    pub available: bool,
    /// Why the measure is not available.
    pub reason: Option<String>,
    pub national: Option<f64>,
    /// `totals` (national row) or `mean_of_regions` (unweighted mean of the regional values).
    pub national_basis: &'static str,
    pub sd: Option<f64>,
    pub values: Vec<Option<f64>>,
    /// value minus national, %-points.
    pub relative: Vec<Option<f64>>,
    /// Whether the measure enters the correlation table.
    #[serde(skip)]
    pub correlate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correlation {
    pub a: String,
    pub b: String,
    /// Pearson r across the regions that have both values; null when not computable.
    pub r: Option<f64>,
    pub n: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasicsData {
    pub view: &'static str,
    pub from: i32,
    pub to: i32,
    pub regions: Vec<String>,
    pub measures: Vec<Measure>,
    pub correlations: Vec<Correlation>,
}

impl BasicsData {
    pub fn measure(&self, key: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.key == key)
    }
}

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
        values,
        correlate: d.correlate,
    }
}

/// Why a count cannot be used for `years`, or `None` when it can.
fn missing(d: &RegionalData, c: Count, years: &[i32]) -> Option<String> {
    if !d.present.contains(&c) {
        return Some(format!(
            "het bestand heeft geen kolom '{}' ({})",
            c.name(),
            c.label()
        ));
    }
    let absent: Vec<String> = years
        .iter()
        .filter(|y| d.national(**y, c).is_none())
        .map(|y| y.to_string())
        .collect();
    if absent.is_empty() {
        None
    } else {
        Some(format!(
            "het bestand heeft geen {} voor {}",
            c.label(),
            texts::list(&absent.iter().map(String::as_str).collect::<Vec<_>>())
        ))
    }
}

/// The last two years within [from, to] for which the national value of `c` exists.
fn last_pair(d: &RegionalData, c: Count, from: i32, to: i32) -> Option<(i32, i32)> {
    let ys: Vec<i32> = d
        .years
        .iter()
        .copied()
        .filter(|y| (from..=to).contains(y) && d.national(*y, c).is_some())
        .collect();
    match ys.as_slice() {
        [.., a, b] => Some((*a, *b)),
        _ => None,
    }
}

fn growth_measure(d: &RegionalData, c: Count, a: i32, b: i32, def: Def) -> Measure {
    let n = d.regions.len();
    if let Some(reason) = missing(d, c, &[a, b]) {
        return unavailable(def, reason, n);
    }
    match measures::per_region(d, &[a, b], &crate::case::lower(&def.label), |k| {
        growth(k[0].get(c), k[1].get(c))
    }) {
        Ok(v) => from_values(def, &d.regions, &v, "totals"),
        Err(e) => unavailable(def, e.message, n),
    }
}

/// Jobs against the indication in `year`, national = unweighted mean of the regional ratios.
fn ratio_values(d: &RegionalData, year: i32) -> Option<RegionalValues> {
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

pub fn compute(d: &RegionalData, from: Option<i32>, to: Option<i32>) -> Result<BasicsData> {
    let (from, to) = super::scatter::years(d, from, to)?;
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
            format!("Groei banen {from}-{to}"),
            "Banen",
            format!("groei\n{from}-{to}"),
            true,
        ),
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
                format!("Groei banen {a}-{b}"),
                "Banen",
                format!("groei\n{a}-{b}"),
                correlate,
            ),
        ));
    }
    // Jobs against the indication, per year with both counts, and their mean.
    let ratio_years: Vec<i32> = d
        .years
        .iter()
        .copied()
        .filter(|y| (from..=to).contains(y))
        .filter(|y| {
            missing(d, Count::Jobs, &[*y]).is_none()
                && missing(d, Count::WerkkamerIndication, &[*y]).is_none()
        })
        .collect();
    if ratio_years.is_empty() {
        let reason = missing(d, Count::WerkkamerIndication, &[to])
            .or_else(|| missing(d, Count::Jobs, &[to]))
            .unwrap_or_else(|| format!("geen jaar in {from}-{to} met banen en indicatie"));
        ms.push(unavailable(
            def(
                "jobs_indication_mean".into(),
                "Banen t.o.v. indicatie Werkkamer".into(),
                "Banen",
                "t.o.v.\nindicatie".into(),
                true,
            ),
            reason,
            n,
        ));
    }
    let mut per_year: Vec<RegionalValues> = Vec::new();
    for &y in &ratio_years {
        let single = ratio_years.len() == 1;
        let dfn = def(
            format!("jobs_indication_{y}"),
            format!("Banen t.o.v. indicatie Werkkamer {y}"),
            "Banen",
            format!("t.o.v.\nindicatie\n{y}"),
            single,
        );
        match ratio_values(d, y) {
            Some(v) => {
                ms.push(from_values(dfn, &d.regions, &v, "mean_of_regions"));
                per_year.push(v);
            }
            None => ms.push(unavailable(
                dfn,
                format!("geen regio heeft banen en indicatie voor {y}"),
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
            "Banen t.o.v. indicatie Werkkamer, gemiddelde".into(),
            "Banen",
            "t.o.v.\nindicatie\ngemid.".into(),
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
            None => ms.push(unavailable(dfn, "geen regio heeft alle jaren".into(), n)),
        }
    }

    // Working persons.
    let dfn = def(
        "workers_growth".into(),
        format!("Groei werkenden {from}-{to}"),
        "Werkenden",
        format!("groei\n{from}-{to}"),
        true,
    );
    ms.push(
        match measures::growth_workers(d, Subgroup::Total, from, to) {
            Ok(v) => from_values(dfn, &d.regions, &v, "totals"),
            Err(e) => unavailable(dfn, e.message, n),
        },
    );
    let dfn = def(
        "share_working".into(),
        format!("Aandeel werkenden {from}"),
        "Werkenden",
        format!("aandeel\n{from}"),
        true,
    );
    ms.push(match measures::share_working(d, Subgroup::Total, from) {
        Ok(v) => from_values(dfn, &d.regions, &v, "totals"),
        Err(e) => unavailable(dfn, e.message, n),
    });

    // Vacancies, over the last two years with vacancy counts.
    for (c, key, label, header) in [
        (
            Count::OpenVacancies,
            "open_vacancies_growth",
            "Groei openstaande vacatures",
            "openstaand",
        ),
        (
            Count::NewVacancies,
            "new_vacancies_growth",
            "Groei ontstane vacatures",
            "ontstaan",
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
                    format!("{label} {a}-{b}"),
                    "Vacatures",
                    format!("groei\n{header}\n{a}-{b}"),
                    true,
                ),
            )),
            None => ms.push(unavailable(
                def(
                    key.into(),
                    label.into(),
                    "Vacatures",
                    format!("groei\n{header}"),
                    true,
                ),
                missing(d, c, &[to]).unwrap_or_else(|| {
                    format!(
                        "het bestand heeft geen twee jaren met {} in {from}-{to}",
                        c.label()
                    )
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

pub fn summary(d: &BasicsData, lang: Lang) -> String {
    let mut s = Vec::new();
    if let Some(m) = d.measure("workers_growth").filter(|m| m.available) {
        s.push(format!(
            "{}: landelijk {} (sd {} %-punt)",
            m.label,
            pct(m.national.unwrap_or(f64::NAN), lang),
            number(m.sd.unwrap_or(f64::NAN), 1, lang)
        ));
    }
    let label = |k: &str| {
        d.measure(k)
            .map(|m| crate::case::lower(&m.label))
            .unwrap_or_else(|| k.to_string())
    };
    // Correlations of workers growth with the other measures: the report's question.
    let mut with_growth: Vec<(String, f64, bool)> = d
        .correlations
        .iter()
        .filter_map(|c| {
            let other = if c.a == "workers_growth" {
                &c.b
            } else if c.b == "workers_growth" {
                &c.a
            } else {
                return None;
            };
            Some((label(other), c.r?, other.contains("vacancies")))
        })
        .collect();
    crate::sort::sort_by(&mut with_growth, |a, b| b.1.abs().total_cmp(&a.1.abs()));
    let related: Vec<String> = with_growth
        .iter()
        .filter(|(_, r, vac)| !vac && r.abs() >= 0.3)
        .map(|(l, r, _)| format!("{l} (r = {})", number(*r, 2, lang)))
        .collect();
    if !related.is_empty() {
        s.push(format!(
            "de groei van werkenden hangt samen met {}",
            texts::list(&related.iter().map(String::as_str).collect::<Vec<_>>())
        ));
    }
    let vac: Vec<&(String, f64, bool)> = with_growth.iter().filter(|c| c.2).collect();
    if !vac.is_empty() {
        let weak = vac.iter().all(|c| c.1.abs() < 0.2);
        s.push(format!(
            "met de groei van vacatures {} (r = {})",
            if weak { "nauwelijks" } else { "wel" },
            vac.iter()
                .map(|c| number(c.1, 2, lang))
                .collect::<Vec<_>>()
                .join(" en ")
        ));
    }
    let na: Vec<String> = d
        .measures
        .iter()
        .filter(|m| !m.available)
        .map(|m| {
            format!(
                "{} niet beschikbaar ({})",
                m.label,
                m.reason.clone().unwrap_or_default()
            )
        })
        .collect();
    let mut out = s.join("; ");
    if !out.is_empty() {
        out = format!("{}{}.", crate::case::upper(&out[..1]), &out[1..]);
    }
    if !na.is_empty() {
        out.push_str(&format!(" {}.", na.join("; ")));
    }
    out.trim().to_string()
}

/// The table of the page and the CSV: value and difference per measure, then national and SD rows.
pub fn data_table(d: &BasicsData) -> super::DataTable {
    let mut t = texts::table(&["regio"]);
    for m in &d.measures {
        t.columns.push(format!("{} (%)", m.label));
        t.columns
            .push(format!("{}: verschil met landelijk (%-punt)", m.label));
    }
    let na = || serde_json::Value::from("n.b.");
    for (i, r) in d.regions.iter().enumerate() {
        let mut row = vec![r.clone().into()];
        for m in &d.measures {
            if m.available {
                row.push(texts::cell(m.values.get(i).copied().flatten()));
                row.push(texts::cell(m.relative.get(i).copied().flatten()));
            } else {
                row.push(na());
                row.push(na());
            }
        }
        t.rows.push(row);
    }
    let mut nat = vec!["Landelijk".into()];
    let mut sd = vec!["Standaardafwijking".into()];
    for m in &d.measures {
        if m.available {
            nat.push(texts::cell(m.national));
            nat.push(serde_json::Value::Null);
            sd.push(serde_json::Value::Null);
            sd.push(texts::cell(m.sd));
        } else {
            nat.extend([na(), na()]);
            sd.extend([na(), na()]);
        }
    }
    t.rows.push(nat);
    t.rows.push(sd);
    t
}

pub fn render(
    ds: &Dataset,
    from: Option<i32>,
    to: Option<i32>,
    spec: &ViewSpec,
) -> Result<Rendered> {
    let d = ds.regional()?;
    let data = compute(d, from, to)?;
    let lang = spec.lang;
    let title = format!("Basisgegevens per regio, {}-{}", data.from, data.to);
    let subtitle =
        "Regio's: verschil met landelijk in %-punt; landelijk en standaardafwijking onderaan"
            .to_string();
    let summary = summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::basics::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        texts::resolve_highlight(ds, spec.highlight.as_deref()).as_deref(),
        lang,
    )?;
    let mut notes = texts::notes(ds, &[]);
    notes.extend(texts::highlight_note(ds, spec.highlight.as_deref()));
    for m in data.measures.iter().filter(|m| !m.available) {
        notes.push(format!(
            "{} niet beschikbaar: {}.",
            m.label,
            m.reason.clone().unwrap_or_default()
        ));
    }
    if data
        .measures
        .iter()
        .any(|m| m.national_basis == "mean_of_regions")
    {
        notes.push("Banen t.o.v. indicatie: landelijk = ongewogen gemiddelde van de regio's; gemid. = gemiddelde van de jaren.".into());
    }
    Ok(Rendered::assemble(
        "basics",
        format!(
            "view=basics&from={}&to={}{}",
            data.from,
            data.to,
            common_query(spec)
        ),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&data)?,
        data_table(&data),
        chart,
        notes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basics() -> BasicsData {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        compute(&d, Some(2015), Some(2017)).unwrap()
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
        let t = data_table(&b);
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
