//! Convergence (table 8 of the report): per year the national share working, the highest and
//! lowest share relative to national (with the region) and the population SD of the regional
//! shares. Regions grow towards each other when the SD falls.

use super::regional_spec::ConvergenceSpec;
use super::texts::{self, group_suffix, pp};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts, ViewSpec};
use crate::chart;
use crate::error::{Error, Result};
use crate::format::{number, Lang};
use crate::regional::measures::{self, Excluded, Subgroup};
use crate::regional::RegionalData;
use crate::stats;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    /// National share working (%), from the totals.
    pub national: f64,
    pub max_relative: f64,
    pub max_region: String,
    pub min_relative: f64,
    pub min_region: String,
    /// Population SD of the regional shares (%-points).
    pub sd: f64,
    /// Regions with a value that year.
    pub n: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvergenceData {
    pub view: &'static str,
    pub subgroup: Subgroup,
    pub years: Vec<YearRow>,
    /// SD in the last year below the first: the regions grow towards each other.
    pub converging: Option<bool>,
    /// Years left out, with the reason.
    pub skipped: Vec<String>,
    pub excluded: Vec<Excluded>,
}

pub fn compute(d: &RegionalData, g: Subgroup) -> Result<ConvergenceData> {
    let mut years = Vec::new();
    let mut skipped = Vec::new();
    let mut excluded: Vec<Excluded> = Vec::new();
    for &y in &d.years {
        let v = match measures::share_working(d, g, y) {
            Ok(v) => v,
            Err(e) => {
                skipped.push(format!("{y}: {}", e.message));
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
                    reason: format!("{} ({y})", e.reason),
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
        return Err(Error::not_available(format!(
            "Het aandeel werkenden is voor geen enkel jaar te berekenen. {}",
            skipped.join(" ")
        )));
    }
    let converging = match (years.first(), years.last()) {
        (Some(a), Some(b)) if years.len() > 1 => Some(b.sd < a.sd),
        _ => None,
    };
    Ok(ConvergenceData {
        view: "convergence",
        subgroup: g,
        years,
        converging,
        skipped,
        excluded,
    })
}

pub fn summary(d: &ConvergenceData, lang: Lang) -> String {
    let (Some(a), Some(b)) = (d.years.first(), d.years.last()) else {
        return String::new();
    };
    let what = format!("het aandeel werkenden{}", group_suffix(d.subgroup));
    match d.converging {
        Some(true) => format!(
            "De regio's groeien naar elkaar toe: de standaardafwijking van {what} daalt van {} %-punt in {} naar {} %-punt in {}.",
            number(a.sd, 1, lang), a.year, number(b.sd, 1, lang), b.year
        ),
        Some(false) => format!(
            "De regio's groeien niet naar elkaar toe: de standaardafwijking van {what} was {} %-punt in {} en {} %-punt in {}.",
            number(a.sd, 1, lang), a.year, number(b.sd, 1, lang), b.year
        ),
        None => format!(
            "Eén jaar ({}): standaardafwijking van {what} {} %-punt; hoogste {} ({}), laagste {} ({}).",
            a.year,
            number(a.sd, 1, lang),
            a.max_region,
            pp(a.max_relative, lang),
            a.min_region,
            pp(a.min_relative, lang)
        ),
    }
}

pub fn render(ds: &Dataset, s: &ConvergenceSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional()?;
    let data = compute(d, s.subgroup)?;
    let lang = spec.lang;
    let title = format!(
        "Verschillen tussen regio's in het aandeel werkenden{}",
        group_suffix(data.subgroup)
    );
    let subtitle = "Per jaar: hoogste en laagste regio t.o.v. landelijk (%-punt) en de standaardafwijking (band: ± 1 sd)".to_string();
    let summary = summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::convergence::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        lang,
    )?;
    let mut table = texts::table(&[
        "jaar",
        "aandeel werkenden landelijk (%)",
        "hoogste t.o.v. landelijk (%-punt)",
        "regio hoogste",
        "laagste t.o.v. landelijk (%-punt)",
        "regio laagste",
        "standaardafwijking (%-punt)",
        "aantal regio's",
    ]);
    for y in &data.years {
        table.rows.push(vec![
            y.year.into(),
            y.national.into(),
            y.max_relative.into(),
            y.max_region.clone().into(),
            y.min_relative.into(),
            y.min_region.clone().into(),
            y.sd.into(),
            y.n.into(),
        ]);
    }
    let mut notes = texts::notes(ds, &data.excluded);
    notes.extend(
        data.skipped
            .iter()
            .map(|s| format!("Jaar overgeslagen: {s}")),
    );
    Ok(Rendered::assemble(
        "convergence",
        format!(
            "view=convergence&subgroup={}{}",
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
        table,
        chart,
        notes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn convergence_2015_matches_the_report() {
        let d = Dataset::default_data().unwrap().regional.unwrap();
        let c = compute(&d, Subgroup::Total).unwrap();
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
}
