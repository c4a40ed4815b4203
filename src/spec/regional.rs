//! View descriptions of the regional views beside the scatterplot: ranking, decomposition, trend,
//! convergence, basics and the report. Parsed here so `spec.rs` only dispatches on the view name.

use super::{Params, View};
use crate::error::{Error, Result};
use crate::format::Lang;
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
    /// Differences from national (default) or the levels themselves (`scale=absolute`).
    pub scale: ValueScale,
}

/// Whether a regional view shows differences from national or levels (`scale=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueScale {
    #[default]
    Relative,
    Absolute,
}

impl ValueScale {
    pub fn key(self) -> &'static str {
        match self {
            ValueScale::Relative => "relative",
            ValueScale::Absolute => "absolute",
        }
    }
    fn parse(v: Option<&str>, default: ValueScale) -> ValueScale {
        match v {
            Some("absolute") => ValueScale::Absolute,
            Some("relative") => ValueScale::Relative,
            _ => default,
        }
    }
    /// The value written in the completed description: only a level scale is written.
    pub fn pair(self) -> Option<String> {
        (self == ValueScale::Absolute).then(|| self.key().to_string())
    }
}

/// What the map colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMeasure {
    /// One of the ranking's measures (same values, same outliers).
    Rank(RankMeasure),
    /// The scatterplot's residuals: distance from the trend line, residual outliers.
    Residual,
}

impl MapMeasure {
    pub fn key(self) -> &'static str {
        match self {
            MapMeasure::Rank(m) => m.key(),
            MapMeasure::Residual => "residual",
        }
    }
}

/// `view=map`: a ranking measure (or the scatter's residuals) per region on the map of the
/// division of `edition` (default: the edition of the data's last year).
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    pub measure: MapMeasure,
    pub subgroup: Subgroup,
    pub from: Option<Period>,
    pub to: Option<Period>,
    pub year: Option<Period>,
    /// The scatter's x axis, for `measure=residual`.
    pub x: super::ScatterX,
    pub scale: ValueScale,
    pub edition: Option<i32>,
}

impl MapSpec {
    /// The ranking with the same keys (its values are the map's).
    pub fn ranking(&self) -> Option<RankingSpec> {
        match self.measure {
            MapMeasure::Rank(measure) => Some(RankingSpec {
                measure,
                subgroup: self.subgroup,
                from: self.from,
                to: self.to,
                year: self.year,
                scale: self.scale,
            }),
            MapMeasure::Residual => None,
        }
    }
    /// The scatterplot with the same keys (its residuals are the map's).
    pub fn scatter(&self) -> super::ScatterSpec {
        super::ScatterSpec {
            subgroup: self.subgroup,
            from: self.from,
            to: self.to,
            x: self.x,
        }
    }
}

/// `view=profile&region=R`: one region against national over every period; the region is the
/// common key `region=` ([`super::ViewSpec::highlight`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSpec {
    /// The subgroup of the rank per period and of the scatterplot.
    pub subgroup: Subgroup,
}

/// What regions are compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareMeasure {
    /// Share working, %.
    Share,
    /// Growth of working persons since the first period, %.
    Growth,
    /// Share of the parent group's register, %.
    RegisterShare,
    /// Number of working persons.
    Workers,
    /// Persons in the register.
    Register,
}

impl CompareMeasure {
    pub fn key(self) -> &'static str {
        match self {
            CompareMeasure::Share => "share",
            CompareMeasure::Growth => "growth",
            CompareMeasure::RegisterShare => "register_share",
            CompareMeasure::Workers => "workers",
            CompareMeasure::Register => "register",
        }
    }
    /// Counts, not percentages.
    pub fn is_count(self) -> bool {
        matches!(self, CompareMeasure::Workers | CompareMeasure::Register)
    }
}

/// Lines over the periods, or grouped bars (a group per period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareMark {
    Lines,
    Bars,
}

/// `view=compare&regions=A,B,C`: two to six regions and national on one measure over the periods.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareSpec {
    /// As given (parts of names are resolved against the data when rendering).
    pub regions: Vec<String>,
    pub measure: CompareMeasure,
    pub subgroup: Subgroup,
    /// Levels by default (the national value is a line of its own).
    pub scale: ValueScale,
    pub mark: CompareMark,
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
    /// The periods drawn (all of the file's when not given).
    pub from: Option<Period>,
    pub to: Option<Period>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConvergenceSpec {
    pub subgroup: Subgroup,
    /// The periods compared (all of the file's when not given).
    pub from: Option<Period>,
    pub to: Option<Period>,
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

/// Checks that a period runs forward.
pub fn ordered(from: Option<Period>, to: Option<Period>, lang: Lang) -> Result<()> {
    match (from, to) {
        (Some(a), Some(b)) if a >= b => {
            // (Full core:) the two the other way round, when that is what was meant.
            #[cfg(feature = "full")]
            let swap = match (a > b, lang) {
                (true, Lang::En) => format!(" Swap them: from={b}&to={a}."),
                (true, Lang::Nl) => format!(" Verwissel ze: from={b}&to={a}."),
                (false, _) => String::new(),
            };
            #[cfg(not(feature = "full"))]
            let swap = "";
            Err(Error::view(if lang == Lang::En {
                format!("The start (from={a}) must come before the end (to={b}).{swap}")
            } else {
                format!("Het begin (from={a}) moet voor het eind (to={b}) liggen.{swap}")
            }))
        }
        _ => Ok(()),
    }
}

fn years(p: &mut Params, lang: Lang) -> Result<(Option<Period>, Option<Period>)> {
    let from = p.take_period("from")?;
    let to = p.take_period("to")?;
    ordered(from, to, lang)?;
    Ok((from, to))
}

/// Builds one of the regional views beside the scatterplot from keys already checked against
/// the [`super::schema`]; `None` when `view` is not one of them.
pub fn parse(view: &str, p: &mut Params, lang: Lang) -> Result<Option<View>> {
    let subgroup = |p: &mut Params| {
        p.take("subgroup")
            .and_then(|v| Subgroup::parse(&v))
            .unwrap_or(Subgroup::Total)
    };
    let v = match view {
        "ranking" => {
            let measure = match p.take("measure").as_deref() {
                Some("share") => RankMeasure::Share,
                Some("register_share") => RankMeasure::RegisterShare,
                _ => RankMeasure::Growth,
            };
            let sub = subgroup(p);
            let (from, to) = years(p, lang)?;
            let year = p.take_period("year")?;
            let scale = ValueScale::parse(p.take("scale").as_deref(), ValueScale::Relative);
            View::Ranking(RankingSpec {
                measure,
                subgroup: sub,
                from,
                to,
                year,
                scale,
            })
        }
        "map" => {
            let measure = match p.take("measure").as_deref() {
                Some("share") => MapMeasure::Rank(RankMeasure::Share),
                Some("register_share") => MapMeasure::Rank(RankMeasure::RegisterShare),
                Some("residual") => MapMeasure::Residual,
                _ => MapMeasure::Rank(RankMeasure::Growth),
            };
            let sub = subgroup(p);
            let (from, to) = years(p, lang)?;
            let year = p.take_period("year")?;
            let x = match p.take("x").as_deref() {
                Some("register_share") => super::ScatterX::RegisterShare,
                _ => super::ScatterX::Share,
            };
            let scale = ValueScale::parse(p.take("scale").as_deref(), ValueScale::Relative);
            let edition = p.take_period("edition")?.map(|e| e.calendar_year());
            View::Map(MapSpec {
                measure,
                subgroup: sub,
                from,
                to,
                year,
                x,
                scale,
                edition,
            })
        }
        "profile" => View::Profile(ProfileSpec {
            subgroup: subgroup(p),
        }),
        "compare" => {
            let regions: Vec<String> = p
                .take("regions")
                .unwrap_or_default()
                // (`|` too, as `filter=` separates several values.)
                .split([',', '|'])
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            if regions.len() > 6 {
                return Err(Error::view(if lang == Lang::En {
                    format!(
                        "Compare at most six regions; regions= names {}.",
                        regions.len()
                    )
                } else {
                    format!(
                        "Vergelijk hoogstens zes regio's; regions= noemt er {}.",
                        regions.len()
                    )
                }));
            }
            let measure = match p.take("measure").as_deref() {
                Some("growth") => CompareMeasure::Growth,
                Some("register_share") => CompareMeasure::RegisterShare,
                Some("workers") => CompareMeasure::Workers,
                Some("register") => CompareMeasure::Register,
                _ => CompareMeasure::Share,
            };
            let sub = subgroup(p);
            let scale = ValueScale::parse(p.take("scale").as_deref(), ValueScale::Absolute);
            let mark = match p.take("mark").as_deref() {
                Some("bars") => CompareMark::Bars,
                _ => CompareMark::Lines,
            };
            View::Compare(CompareSpec {
                regions,
                measure,
                subgroup: sub,
                scale,
                mark,
            })
        }
        "decomposition" => {
            // Only the Participatiewet growth splits into routes; the key is accepted for clarity.
            p.take("subgroup");
            let (from, to) = years(p, lang)?;
            View::Decomposition(DecompositionSpec { from, to })
        }
        "trend" => {
            let measure = match p.take("measure").as_deref() {
                Some("register") => TrendMeasure::Register,
                _ => TrendMeasure::Workers,
            };
            let (from, to) = years(p, lang)?;
            View::Trend(TrendSpec { measure, from, to })
        }
        "convergence" => {
            let subgroup = subgroup(p);
            let (from, to) = years(p, lang)?;
            View::Convergence(ConvergenceSpec { subgroup, from, to })
        }
        "basics" => {
            let (from, to) = years(p, lang)?;
            View::Basics(BasicsSpec { from, to })
        }
        "report" => {
            let (from, to) = years(p, lang)?;
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
                year: None,
                scale: ValueScale::Relative
            })
        );
        assert_eq!(
            view("view=ranking&measure=register_share&subgroup=praktijkroute&year=2017"),
            View::Ranking(RankingSpec {
                measure: RankMeasure::RegisterShare,
                subgroup: Subgroup::Praktijkroute,
                from: None,
                to: None,
                year: Some(Period::year(2017)),
                scale: ValueScale::Relative
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
                measure: TrendMeasure::Workers,
                from: None,
                to: None
            })
        );
        let s = ViewSpec::parse("view=trend&region=Twente").unwrap();
        assert_eq!(s.highlight.as_deref(), Some("Twente"));
        assert!(ViewSpec::parse("view=trend&measure=jobs").is_err());
        assert_eq!(
            view("view=convergence"),
            View::Convergence(ConvergenceSpec {
                subgroup: Subgroup::Total,
                from: None,
                to: None
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
