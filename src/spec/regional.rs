//! View descriptions of the regional views beside the scatterplot: ranking, decomposition, trend,
//! convergence, basics and the report. Parsed here so `spec.rs` only dispatches on the view name.

use super::{subgroup, Params, View, COMMON};
use crate::error::{Error, Result};
use crate::spec::{Period, Subgroup};

/// What a ranked bar chart ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankMeasure {
    /// Growth of working persons from `from` to `to`.
    Growth,
    /// Share working at `year`.
    Share,
    /// Register of the subgroup as a share of its parent group's register at `year`.
    RegisterShare,
}

impl RankMeasure {
    pub fn key(self) -> &'static str {
        match self {
            RankMeasure::Growth => "growth",
            RankMeasure::Share => "share",
            RankMeasure::RegisterShare => "register_share",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingSpec {
    pub measure: RankMeasure,
    pub subgroup: Subgroup,
    pub from: Option<Period>,
    pub to: Option<Period>,
    /// For level measures (`share`, `register_share`).
    pub year: Option<Period>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecompositionSpec {
    pub from: Option<Period>,
    pub to: Option<Period>,
}

/// What a trend chart counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendMeasure {
    Workers,
    Register,
}

impl TrendMeasure {
    pub fn key(self) -> &'static str {
        match self {
            TrendMeasure::Workers => "workers",
            TrendMeasure::Register => "register",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendSpec {
    pub measure: TrendMeasure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConvergenceSpec {
    pub subgroup: Subgroup,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BasicsSpec {
    pub from: Option<Period>,
    pub to: Option<Period>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportSpec {
    pub from: Option<Period>,
    pub to: Option<Period>,
}

/// The view names parsed here.
pub const VIEWS: &[&str] = &[
    "ranking",
    "decomposition",
    "trend",
    "convergence",
    "basics",
    "report",
];

fn years(p: &mut Params) -> Result<(Option<Period>, Option<Period>)> {
    let from = p.take_period("from")?;
    let to = p.take_period("to")?;
    if let (Some(a), Some(b)) = (from, to) {
        if a >= b {
            return Err(Error::view(format!(
                "Het beginjaar (from={a}) moet voor het eindjaar (to={b}) liggen."
            )));
        }
    }
    Ok((from, to))
}

fn finish(p: &Params, view: &str, own: &[&str]) -> Result<()> {
    p.finish(view, &[COMMON, own].concat())
}

/// Parses the keys of one of [`VIEWS`]; `None` when `view` is not one of them.
pub fn parse(view: &str, p: &mut Params) -> Result<Option<View>> {
    let v = match view {
        "ranking" => {
            let measure = match p.take("measure").as_deref() {
                None | Some("growth") => RankMeasure::Growth,
                Some("share") => RankMeasure::Share,
                Some("register_share") => RankMeasure::RegisterShare,
                Some(v) => {
                    return Err(Error::view(format!(
                        "Onbekende maat 'measure={v}' voor view=ranking. Kies uit: growth, share, register_share."
                    )))
                }
            };
            let sub = subgroup(p, &Subgroup::ALL)?.unwrap_or(Subgroup::Total);
            if measure == RankMeasure::RegisterShare && sub == Subgroup::Total {
                return Err(Error::view(
                    "measure=register_share vraagt een deelgroep: wajong, wsw, participatiewet, praktijkroute of pw_other.",
                ));
            }
            let (from, to) = years(p)?;
            let year = p.take_period("year")?;
            match measure {
                RankMeasure::Growth if year.is_some() => {
                    return Err(Error::view(
                        "measure=growth gebruikt from= en to= (een periode), niet year=.",
                    ))
                }
                RankMeasure::Share | RankMeasure::RegisterShare
                    if from.is_some() || to.is_some() =>
                {
                    return Err(Error::view(format!(
                        "measure={} is een stand op één moment: gebruik year=, niet from=/to=.",
                        measure.key()
                    )))
                }
                _ => {}
            }
            finish(p, "ranking", &["measure", "subgroup", "from", "to", "year"])?;
            View::Ranking(RankingSpec {
                measure,
                subgroup: sub,
                from,
                to,
                year,
            })
        }
        "decomposition" => {
            // Only the Participatiewet growth splits into routes; the key is accepted for clarity.
            subgroup(p, &[Subgroup::Participatiewet])?;
            let (from, to) = years(p)?;
            finish(p, "decomposition", &["subgroup", "from", "to"])?;
            View::Decomposition(DecompositionSpec { from, to })
        }
        "trend" => {
            let measure = match p.take("measure").as_deref() {
                None | Some("workers") => TrendMeasure::Workers,
                Some("register") => TrendMeasure::Register,
                Some(v) => {
                    return Err(Error::view(format!(
                        "Onbekende maat 'measure={v}' voor view=trend. Kies uit: workers, register."
                    )))
                }
            };
            finish(p, "trend", &["measure"])?;
            View::Trend(TrendSpec { measure })
        }
        "convergence" => {
            let allowed = [
                Subgroup::Total,
                Subgroup::Wajong,
                Subgroup::Wsw,
                Subgroup::Participatiewet,
            ];
            let sub = subgroup(p, &allowed)?.unwrap_or(Subgroup::Total);
            finish(p, "convergence", &["subgroup"])?;
            View::Convergence(ConvergenceSpec { subgroup: sub })
        }
        "basics" => {
            let (from, to) = years(p)?;
            finish(p, "basics", &["from", "to"])?;
            View::Basics(BasicsSpec { from, to })
        }
        "report" => {
            let (from, to) = years(p)?;
            finish(p, "report", &["from", "to"])?;
            View::Report(ReportSpec { from, to })
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::ViewSpec;

    fn view(q: &str) -> View {
        ViewSpec::parse(q).unwrap().view.unwrap()
    }

    #[test]
    fn parses_rankings() {
        assert_eq!(
            view("view=ranking&measure=growth&subgroup=wajong&from=2015&to=2017"),
            View::Ranking(RankingSpec {
                measure: RankMeasure::Growth,
                subgroup: Subgroup::Wajong,
                from: Some(Period::year(2015)),
                to: Some(Period::year(2017)),
                year: None
            })
        );
        assert_eq!(
            view("view=ranking&measure=register_share&subgroup=praktijkroute&year=2017"),
            View::Ranking(RankingSpec {
                measure: RankMeasure::RegisterShare,
                subgroup: Subgroup::Praktijkroute,
                from: None,
                to: None,
                year: Some(Period::year(2017))
            })
        );
        assert!(matches!(
            view("view=ranking"),
            View::Ranking(RankingSpec {
                measure: RankMeasure::Growth,
                subgroup: Subgroup::Total,
                ..
            })
        ));
    }

    #[test]
    fn ranking_errors_say_what_is_allowed() {
        let e = ViewSpec::parse("view=ranking&measure=mean").unwrap_err();
        assert!(e.message.contains("register_share"), "{}", e.message);
        let e = ViewSpec::parse("view=ranking&measure=growth&year=2016").unwrap_err();
        assert!(e.message.contains("from="), "{}", e.message);
        let e = ViewSpec::parse("view=ranking&measure=share&from=2015").unwrap_err();
        assert!(e.message.contains("year="), "{}", e.message);
        let e = ViewSpec::parse("view=ranking&measure=register_share").unwrap_err();
        assert!(e.message.contains("deelgroep"), "{}", e.message);
        let e = ViewSpec::parse("view=ranking&x=share").unwrap_err();
        assert!(e.message.contains("measure"), "{}", e.message);
        assert!(ViewSpec::parse("view=ranking&from=2017&to=2016").is_err());
    }

    #[test]
    fn parses_the_other_views() {
        assert_eq!(
            view("view=decomposition&subgroup=participatiewet&from=2016&to=2017"),
            View::Decomposition(DecompositionSpec {
                from: Some(Period::year(2016)),
                to: Some(Period::year(2017))
            })
        );
        assert!(ViewSpec::parse("view=decomposition&subgroup=wajong").is_err());
        assert_eq!(
            view("view=trend&measure=workers"),
            View::Trend(TrendSpec {
                measure: TrendMeasure::Workers
            })
        );
        let s = ViewSpec::parse("view=trend&region=Twente").unwrap();
        assert_eq!(s.highlight.as_deref(), Some("Twente"));
        assert!(ViewSpec::parse("view=trend&measure=jobs").is_err());
        assert_eq!(
            view("view=convergence"),
            View::Convergence(ConvergenceSpec {
                subgroup: Subgroup::Total
            })
        );
        assert_eq!(
            view("view=basics&from=2015&to=2017"),
            View::Basics(BasicsSpec {
                from: Some(Period::year(2015)),
                to: Some(Period::year(2017))
            })
        );
        assert_eq!(
            view("view=report"),
            View::Report(ReportSpec {
                from: None,
                to: None
            })
        );
        assert!(ViewSpec::parse("view=report&year=2015").is_err());
    }
}
