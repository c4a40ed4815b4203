//! Derived measures of the regional analysis (DOMAIN.md): growth, share working, register share,
//! national values from the totals and values relative to national, per region.

use super::{Count, Counts, RegionalData};
pub use crate::data::regional::Excluded;
use crate::error::{Error, Result};
use crate::format::{t, Lang};
use crate::spec::{Period, Subgroup};
use serde::Serialize;

impl Subgroup {
    /// Working persons of this subgroup in a row of counts.
    pub fn workers(self, k: &Counts) -> Option<f64> {
        match self {
            Subgroup::Total => k.get(Count::WorkersTotal),
            Subgroup::Wajong => k.get(Count::WorkersWajong),
            Subgroup::Wsw => k.get(Count::WorkersWsw),
            Subgroup::Participatiewet => k.get(Count::WorkersParticipatiewet),
            Subgroup::Praktijkroute => k.get(Count::WorkersPwPraktijkroute),
            Subgroup::PwOther => k.get(Count::WorkersPwOther).or_else(|| {
                Some(k.get(Count::WorkersParticipatiewet)? - k.get(Count::WorkersPwPraktijkroute)?)
            }),
        }
    }
    /// Persons in the register of this subgroup (corrected where a correction exists).
    pub fn register(self, k: &Counts) -> Option<f64> {
        match self {
            Subgroup::Total => k.get(Count::RegisterPersonsCorrected),
            Subgroup::Wajong => k.get(Count::RegisterWajongCorrected),
            Subgroup::Wsw => k.get(Count::RegisterWsw),
            Subgroup::Participatiewet => k.get(Count::RegisterParticipatiewet),
            Subgroup::Praktijkroute => k.get(Count::RegisterPwPraktijkroute),
            Subgroup::PwOther => Some(
                k.get(Count::RegisterParticipatiewet)? - k.get(Count::RegisterPwPraktijkroute)?,
            ),
        }
    }
    pub fn workers_column(self) -> Count {
        match self {
            Subgroup::Total => Count::WorkersTotal,
            Subgroup::Wajong => Count::WorkersWajong,
            Subgroup::Wsw => Count::WorkersWsw,
            Subgroup::Participatiewet => Count::WorkersParticipatiewet,
            Subgroup::Praktijkroute => Count::WorkersPwPraktijkroute,
            Subgroup::PwOther => Count::WorkersPwOther,
        }
    }
    pub fn register_column(self) -> Count {
        match self {
            Subgroup::Total => Count::RegisterPersonsCorrected,
            Subgroup::Wajong => Count::RegisterWajongCorrected,
            Subgroup::Wsw => Count::RegisterWsw,
            Subgroup::Participatiewet | Subgroup::PwOther => Count::RegisterParticipatiewet,
            Subgroup::Praktijkroute => Count::RegisterPwPraktijkroute,
        }
    }
}

/// growth (mutatie) from `a` to `b` in %: `(b / a - 1) * 100`; `None` when `a` is 0 or absent.
pub fn growth(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    let (a, b) = (a?, b?);
    if a == 0.0 {
        return None;
    }
    Some((b / a - 1.0) * 100.0)
}

/// `part / whole * 100`; `None` when `whole` is 0 or absent.
pub fn percentage(part: Option<f64>, whole: Option<f64>) -> Option<f64> {
    let (p, w) = (part?, whole?);
    if w == 0.0 {
        return None;
    }
    Some(p / w * 100.0)
}

/// One measure for every region, with the national value; regions without a value are listed in
/// `excluded`, never dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionalValues {
    /// (region, value) in alphabetical order of region.
    pub values: Vec<(String, f64)>,
    pub national: f64,
    pub excluded: Vec<Excluded>,
}

impl RegionalValues {
    /// Regional minus national, in %-points, on unrounded values.
    pub fn relative(&self) -> Vec<(String, f64)> {
        self.values
            .iter()
            .map(|(r, v)| (r.clone(), v - self.national))
            .collect()
    }
    pub fn get(&self, region: &str) -> Option<f64> {
        self.values
            .iter()
            .find(|(r, _)| r == region)
            .map(|(_, v)| *v)
    }
    pub fn numbers(&self) -> Vec<f64> {
        self.values.iter().map(|(_, v)| *v).collect()
    }
}

/// Computes a measure for each region and for the nation from the counts of the years it needs.
/// `f` gets the counts per requested year (in the order of `years`). `what` names the measure in
/// the messages, which are in `lang`.
pub fn per_region(
    d: &RegionalData,
    years: &[Period],
    what: &str,
    lang: Lang,
    f: impl Fn(&[&Counts]) -> Option<f64>,
) -> Result<RegionalValues> {
    // A year asks for the file's period ending with it (2015 is 2015K4 in a quarterly file).
    let resolved: Vec<Period> = years
        .iter()
        .map(|y| {
            d.years
                .iter()
                .copied()
                .find(|p| p == y || p.same_end(*y))
                .unwrap_or(*y)
        })
        .collect();
    let years = &resolved[..];
    for y in years {
        if !d.has_year(*y) {
            let have = d
                .years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Error::not_available(match lang {
                Lang::Nl => format!("Het jaar {y} staat niet in het bestand (jaren: {have})."),
                Lang::En => format!("The year {y} is not in the file (years: {have})."),
            }));
        }
    }
    let empty = Counts::default();
    let national_rows: Vec<&Counts> = years
        .iter()
        .map(|y| d.national.get(y).unwrap_or(&empty))
        .collect();
    let national_from_rows = f(&national_rows);
    let no_national = || {
        let unread = unrecognised(d, lang);
        Error::not_available(match lang {
            Lang::Nl => format!("De landelijke waarde van {what} kan niet worden berekend: de benodigde kolommen ontbreken of zijn leeg.{unread}"),
            Lang::En => format!("The national value of {what} cannot be computed: the columns it needs are missing or empty.{unread}"),
        })
    };
    if national_from_rows.is_none() && d.national_from_file {
        return Err(no_national());
    }
    let mut values = Vec::new();
    let mut excluded = Vec::new();
    for r in &d.regions {
        let rows: Vec<&Counts> = years
            .iter()
            .map(|y| d.data.get(&(r.clone(), *y)).unwrap_or(&empty))
            .collect();
        match f(&rows) {
            Some(v) if v.is_finite() => values.push((r.clone(), v)),
            _ => excluded.push(Excluded { region: r.clone(), reason: match lang {
                Lang::Nl => format!("{what} ontbreekt of is niet te berekenen (leeg, onderdrukt of nul in de noemer)"),
                Lang::En => format!("{what} is missing or cannot be computed (empty, suppressed or zero denominator)"),
            } }),
        }
    }
    if values.is_empty() {
        let unread = unrecognised(d, lang);
        return Err(Error::not_available(match lang {
            Lang::Nl => format!("Voor geen enkele regio is {what} te berekenen.{unread}"),
            Lang::En => format!("{what} cannot be computed for any region.{unread}"),
        }));
    }
    let national = match national_from_rows {
        Some(n) => n,
        None => {
            // No national row and a suppressed regional cell: the national value is taken over
            // the regions that have this measure (numerator and denominator alike), and each
            // region left out says so.
            let kept: Vec<String> = values.iter().map(|(r, _)| r.clone()).collect();
            let summed: Vec<Counts> = years
                .iter()
                .map(|y| super::sum_regions(&d.data, &kept, *y))
                .collect();
            let refs: Vec<&Counts> = summed.iter().collect();
            let Some(n) = f(&refs) else {
                return Err(no_national());
            };
            for e in &mut excluded {
                e.reason.push_str(t(lang, "; daarom ook niet meegeteld in de landelijke waarde (som van de overige regio's)", "; so also left out of the national value (sum of the other regions)"));
            }
            n
        }
    };
    Ok(RegionalValues {
        values,
        national,
        excluded,
    })
}

/// Share working of a subgroup at `year`: workers / register * 100.
pub fn share_working(
    d: &RegionalData,
    g: Subgroup,
    year: Period,
    lang: Lang,
) -> Result<RegionalValues> {
    let what = match lang {
        Lang::Nl => format!("het aandeel werkenden ({}) {}", g.label(), year.at_in(lang)),
        Lang::En => format!(
            "the share working ({}) {}",
            g.label_in(lang),
            year.at_in(lang)
        ),
    };
    let r = per_region(d, &[year], &what, lang, |k| {
        percentage(g.workers(k[0]), g.register(k[0]))
    });
    named_if_missing(
        r,
        d,
        g,
        &[g.workers_column(), g.register_column()],
        &what,
        lang,
    )
}

/// `r`, or where it failed for want of a column of `columns` the file has not at all, the
/// error that names it (see [`missing_columns`]; full core only).
fn named_if_missing(
    r: Result<RegionalValues>,
    d: &RegionalData,
    g: Subgroup,
    columns: &[Count],
    what: &str,
    lang: Lang,
) -> Result<RegionalValues> {
    #[cfg(feature = "full")]
    return r.map_err(|e| missing_columns(d, g, columns, what, lang).unwrap_or(e));
    #[cfg(not(feature = "full"))]
    {
        let _ = (d, g, columns, what, lang);
        r
    }
}

/// The subgroups of a long file not recognised, as a sentence after a refusal (empty when
/// there are none; always in the first core, which reads the built-in data only). Made only
/// when a refusal needs it.
pub(crate) fn unrecognised(d: &RegionalData, lang: Lang) -> String {
    #[cfg(not(feature = "full"))]
    {
        let _ = (d, lang);
        String::new()
    }
    #[cfg(feature = "full")]
    unrecognised_in(d, lang)
}

#[cfg(feature = "full")]
fn unrecognised_in(d: &RegionalData, lang: Lang) -> String {
    if d.unrecognised_subgroups.is_empty() {
        return String::new();
    }
    let list = d
        .unrecognised_subgroups
        .iter()
        .map(|l| format!("'{l}'"))
        .collect::<Vec<_>>();
    let list = crate::format::first_ten(&list, lang);
    match lang {
        Lang::Nl => format!(" Niet herkend als doelgroep en niet gebruikt: {list}. Schrijf de doelgroep als Wajong, Wsw, Participatiewet, Praktijkroute, Participatiewet overig of Totaal."),
        Lang::En => format!(" Not recognised as a target group and not used: {list}. Write the group as Wajong, Wsw, Participatiewet, Praktijkroute, Participatiewet overig or Totaal."),
    }
}

/// A measure of subgroup `g` that could not be computed because the file has no column for
/// some of `columns` at all: an error that names them (label and the name `--map` takes) and
/// says how to link one, in place of "the columns it needs are missing". `None` when the file
/// has them (the first error stands). (Not for the total and the other Participatiewet routes:
/// their columns can be stood in for by others.)
#[cfg(feature = "full")]
fn missing_columns(
    d: &RegionalData,
    g: Subgroup,
    columns: &[Count],
    what: &str,
    lang: Lang,
) -> Option<Error> {
    if matches!(g, Subgroup::Total | Subgroup::PwOther) {
        return None;
    }
    let mut missing: Vec<Count> = columns
        .iter()
        .copied()
        .filter(|c| !d.present.contains(c))
        .collect();
    missing.dedup();
    let first = missing.first()?.name();
    // A long file whose rows of the group carry a name not recognised: that name, not a column.
    if !d.unrecognised_subgroups.is_empty() {
        return Some(Error::not_available(match lang {
            Lang::Nl => format!(
                "Voor {what} heeft het bestand geen rijen van die doelgroep.{}",
                unrecognised(d, lang)
            ),
            Lang::En => format!(
                "For {what} the file has no rows of that group.{}",
                unrecognised(d, lang)
            ),
        }));
    }
    let named = |en: bool| -> String {
        let list: Vec<String> = missing
            .iter()
            .map(|c| {
                format!(
                    "'{}' ({})",
                    if en { c.label_en() } else { c.label() },
                    c.name()
                )
            })
            .collect();
        list.join(if en { " and " } else { " en " })
    };
    Some(Error::not_available(match lang {
        Lang::Nl => format!(
            "Voor {what} heeft het bestand geen kolom {}. Koppel er een kolom van het bestand aan: in de pagina bij 'Kolommen koppelen', op de commandoregel met --map 'Kop={first}'.",
            named(false)
        ),
        Lang::En => format!(
            "For {what} the file has no column {}. Link a column of the file to it: in the page under 'Map columns', on the command line with --map 'Header={first}'.",
            named(true)
        ),
    }))
}

/// Growth of working persons of a subgroup from `from` to `to`, in %.
pub fn growth_workers(
    d: &RegionalData,
    g: Subgroup,
    from: Period,
    to: Period,
    lang: Lang,
) -> Result<RegionalValues> {
    let span = from.span(to, lang);
    let what = match lang {
        Lang::Nl => format!("de groei van het aantal werkenden ({}) {span}", g.label()),
        Lang::En => format!(
            "the growth of working persons ({}) {span}",
            g.label_in(lang)
        ),
    };
    let r = per_region(d, &[from, to], &what, lang, |k| {
        growth(g.workers(k[0]), g.workers(k[1]))
    });
    named_if_missing(r, d, g, &[g.workers_column()], &what, lang)
}

/// Register of a subgroup as a share of its parent group's register at `year`, in %.
pub fn register_share(
    d: &RegionalData,
    g: Subgroup,
    year: Period,
    lang: Lang,
) -> Result<RegionalValues> {
    let Some(parent) = g.parent() else {
        return Err(Error::view(t(
            lang,
            "Het aandeel in het register bestaat niet voor het totaal van alle deelgroepen; kies een deelgroep.",
            "A share of the register does not exist for the total of all subgroups; choose a subgroup.",
        )));
    };
    let what = match lang {
        Lang::Nl => format!(
            "het aandeel {} in het register ({}) {}",
            g.label(),
            parent.label(),
            year.at_in(lang)
        ),
        Lang::En => format!(
            "the share of {} in the register ({}) {}",
            g.label_in(lang),
            parent.label_in(lang),
            year.at_in(lang)
        ),
    };
    let r = per_region(d, &[year], &what, lang, |k| {
        percentage(g.register(k[0]), parent.register(k[0]))
    });
    let columns = [g.register_column(), parent.register_column()];
    named_if_missing(r, d, g, &columns, &what, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table;

    fn default() -> RegionalData {
        RegionalData::from_table(&table::load("regions.csv", crate::DEFAULT_DATA).unwrap()).unwrap()
    }

    #[test]
    fn national_share_from_totals() {
        let d = default();
        let s = share_working(&d, Subgroup::Total, Period::year(2015), Lang::Nl).unwrap();
        assert!((s.national - 43.874).abs() < 5e-4);
        assert_eq!(s.values.len(), 35);
        let s17 = share_working(&d, Subgroup::Total, Period::year(2017), Lang::Nl).unwrap();
        assert!((s17.national - 49.781).abs() < 5e-4);
    }

    #[test]
    fn growth_is_percent() {
        assert_eq!(
            growth(Some(100.0), Some(122.0)).map(|g| (g * 1e9).round() / 1e9),
            Some(22.0)
        );
        assert_eq!(growth(Some(0.0), Some(5.0)), None);
        assert_eq!(growth(None, Some(5.0)), None);
    }

    #[test]
    fn absent_year_is_not_available() {
        let d = default();
        let e = share_working(&d, Subgroup::Total, Period::year(2014), Lang::Nl).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::NotAvailable);
    }

    #[test]
    fn suppressed_cell_without_national_row_sums_the_other_regions() {
        let t = table::load(
            "t.csv",
            b"regio;jaar;personen doelgroepregister gecorrigeerd;werkzame personen\nA;2015;100;40\nB;2015;200;x\nC;2015;100;60\n",
        )
        .unwrap();
        let d = RegionalData::from_table(&t).unwrap();
        let s = share_working(&d, Subgroup::Total, Period::year(2015), Lang::Nl).unwrap();
        // National over A and C only: (40 + 60) / (100 + 100).
        assert!((s.national - 50.0).abs() < 1e-12);
        assert_eq!(s.values.len(), 2);
        assert_eq!(s.excluded[0].region, "B");
        assert!(s.excluded[0]
            .reason
            .contains("niet meegeteld in de landelijke waarde"));
    }

    #[test]
    fn praktijkroute_register_share() {
        let d = default();
        let s = register_share(&d, Subgroup::Praktijkroute, Period::year(2017), Lang::Nl).unwrap();
        assert!((s.national - 8.567).abs() < 5e-4);
    }
}
