//! The view description: one query string (`view=scatter&subgroup=wajong&from=2015&to=2017`)
//! that drives the page (as the URL hash), embeds and the CLI. Parsed into a typed [`ViewSpec`];
//! unknown keys or values are errors that say what is allowed.

pub mod period;
pub mod regional;
pub mod tidy;
pub mod vocab;

use crate::error::{Error, Result};
use crate::format::Lang;
pub use crate::spec::tidy::{
    Agg, AreaSpec, BarSort, BarsSpec, Encoding, ForestSpec, LineSpec, Reference, StackedSpec,
};
pub use period::{Grain, Period};
pub use regional::{
    BasicsSpec, ConvergenceSpec, DecompositionSpec, RankMeasure, RankingSpec, ReportSpec,
    TrendMeasure, TrendSpec,
};
pub use vocab::{parse_overrides, Role, RoleGroup, Subgroup, TimeKind};

/// The query string split into key/value pairs, percent-decoded, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pairs: Vec<(String, String, bool)>,
}

impl Params {
    pub fn parse(query: &str) -> Result<Params> {
        let q = query.trim().trim_start_matches('#').trim_start_matches('?');
        let mut pairs: Vec<(String, String, bool)> = Vec::new();
        for part in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let k = percent_decode(k)?;
            let v = percent_decode(v)?;
            if pairs.iter().any(|(pk, _, _)| *pk == k) {
                return Err(Error::view(format!(
                    "De sleutel '{k}' staat twee keer in de weergave."
                )));
            }
            pairs.push((k, v, false));
        }
        Ok(Params { pairs })
    }
    /// Takes a value, marking the key as understood.
    pub fn take(&mut self, key: &str) -> Option<String> {
        self.pairs
            .iter_mut()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, used)| {
                *used = true;
                v.clone()
            })
    }
    /// A period (`2015`, `2015K4`, `2015KW04`, `2019M04`, `31-12-2019`): see [`Period::parse`].
    pub fn take_period(&mut self, key: &str) -> Result<Option<Period>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => Period::parse(&v).map(Some).ok_or_else(|| {
                Error::view(format!(
                    "'{key}={v}': verwacht een periode, bijvoorbeeld {key}=2015, {key}=2015K4 of {key}=2015M12."
                ))
            }),
        }
    }
    pub fn take_number(&mut self, key: &str) -> Result<Option<f64>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => crate::decimal::parse_f64(&v.replace(',', "."))
                .filter(|x| x.is_finite())
                .map(Some)
                .ok_or_else(|| Error::view(format!("'{key}={v}': verwacht een getal."))),
        }
    }
    /// Errors on keys no part of the parser understood.
    pub fn finish(&self, view: &str, allowed: &[&str]) -> Result<()> {
        if let Some((k, _, _)) = self.pairs.iter().find(|(_, _, used)| !used) {
            return Err(Error::view(format!(
                "Onbekende sleutel '{k}' voor view={view}. Toegestaan: {}.",
                allowed.join(", ")
            )));
        }
        Ok(())
    }
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

fn percent_decode(s: &str) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => return Err(Error::view(format!("Ongeldige codering '%' in '{s}'."))),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| Error::view(format!("'{s}' is geen geldige UTF-8-tekst.")))
}

/// Encodes a value for a query string (letters, digits and `-_.~` stay).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What the scatterplot puts on the x axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScatterX {
    /// Share working of the subgroup at the start year.
    Share,
    /// The subgroup's share of the register at the start year.
    RegisterShare,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScatterSpec {
    pub subgroup: Subgroup,
    pub from: Option<Period>,
    pub to: Option<Period>,
    pub x: ScatterX,
}

/// The view kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Scatter(ScatterSpec),
    Line(LineSpec),
    Bars(BarsSpec),
    Stacked(StackedSpec),
    Area(AreaSpec),
    Forest(ForestSpec),
    Ranking(RankingSpec),
    Decomposition(DecompositionSpec),
    Trend(TrendSpec),
    Convergence(ConvergenceSpec),
    Basics(BasicsSpec),
    Report(ReportSpec),
}

impl View {
    pub fn name(&self) -> &'static str {
        match self {
            View::Scatter(_) => "scatter",
            View::Line(_) => "line",
            View::Bars(_) => "bars",
            View::Stacked(_) => "stacked",
            View::Area(_) => "area",
            View::Forest(_) => "forest",
            View::Ranking(_) => "ranking",
            View::Decomposition(_) => "decomposition",
            View::Trend(_) => "trend",
            View::Convergence(_) => "convergence",
            View::Basics(_) => "basics",
            View::Report(_) => "report",
        }
    }
}

/// A parsed view description: the view plus settings that apply to every view.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSpec {
    /// `None` when the description names no view: the dataset's natural view is used.
    pub view: Option<View>,
    /// Outlier threshold in standard deviations (`k=`, default 1).
    pub k: f64,
    /// A region or series to highlight (`region=`).
    pub highlight: Option<String>,
    pub lang: Lang,
    /// `embed` flag: the page shows only the chart.
    pub embed: bool,
    /// Column roles set by the user (`roles=jaar:time,groep:category`), for the tidy views.
    pub roles: Vec<(String, Role)>,
}

pub const VIEWS: &[&str] = &[
    "scatter",
    "ranking",
    "decomposition",
    "trend",
    "convergence",
    "basics",
    "report",
    "line",
    "bars",
    "stacked",
    "area",
    "forest",
];
pub(crate) const COMMON: &[&str] = &["view", "k", "region", "lang", "embed", "roles"];

pub(crate) fn subgroup(p: &mut Params, allowed: &[Subgroup]) -> Result<Option<Subgroup>> {
    match p.take("subgroup") {
        None => Ok(None),
        Some(v) => match Subgroup::parse(&v).filter(|g| allowed.contains(g)) {
            Some(g) => Ok(Some(g)),
            None => Err(Error::view(format!(
                "Onbekende deelgroep 'subgroup={v}'. Kies uit: {}.",
                allowed
                    .iter()
                    .map(|g| g.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        },
    }
}

impl ViewSpec {
    pub fn parse(query: &str) -> Result<ViewSpec> {
        let mut p = Params::parse(query)?;
        let embed = p.take("embed").is_some();
        let lang = match p.take("lang") {
            None => Lang::Nl,
            Some(v) => Lang::parse(&v).ok_or_else(|| {
                Error::view(format!("Onbekende taal 'lang={v}'. Kies uit: nl, en."))
            })?,
        };
        let k = match p.take_number("k")? {
            None => 1.0,
            Some(k) if k > 0.0 && k <= 5.0 => k,
            Some(k) => {
                return Err(Error::view(format!(
                    "De drempel k={k} moet tussen 0 en 5 liggen (standaard 1)."
                )))
            }
        };
        let highlight = p.take("region").filter(|r| !r.is_empty());
        let roles = match p.take("roles") {
            Some(r) => parse_overrides(&r)?,
            None => Vec::new(),
        };
        let view = match p.take("view").as_deref() {
            None | Some("") => {
                p.finish("(geen)", COMMON)?;
                None
            }
            Some("scatter") => {
                let allowed = [
                    Subgroup::Total,
                    Subgroup::Wajong,
                    Subgroup::Wsw,
                    Subgroup::Participatiewet,
                ];
                let subgroup = subgroup(&mut p, &allowed)?.unwrap_or(Subgroup::Total);
                let from = p.take_period("from")?;
                let to = p.take_period("to")?;
                let x = match p.take("x").as_deref() {
                    None | Some("share") => ScatterX::Share,
                    Some("register_share") => ScatterX::RegisterShare,
                    Some(v) => return Err(Error::view(format!("Onbekende waarde 'x={v}' voor view=scatter. Kies uit: share, register_share."))),
                };
                if let (Some(a), Some(b)) = (from, to) {
                    if a >= b {
                        return Err(Error::view(format!(
                            "Het beginjaar (from={a}) moet voor het eindjaar (to={b}) liggen."
                        )));
                    }
                }
                p.finish(
                    "scatter",
                    &[COMMON, &["subgroup", "from", "to", "x"]].concat(),
                )?;
                Some(View::Scatter(ScatterSpec {
                    subgroup,
                    from,
                    to,
                    x,
                }))
            }
            Some(kind @ ("line" | "bars" | "stacked" | "area" | "forest")) => {
                let v = crate::spec::tidy::parse(kind, &mut p)?;
                p.finish(kind, &[COMMON, &crate::spec::tidy::keys(kind)].concat())?;
                v
            }
            Some(other) => match regional::parse(other, &mut p)? {
                Some(v) => Some(v),
                None => {
                    return Err(Error::view(format!(
                        "Onbekende weergave 'view={other}'. Kies uit: {}.",
                        VIEWS.join(", ")
                    )))
                }
            },
        };
        Ok(ViewSpec {
            view,
            k,
            highlight,
            lang,
            embed,
            roles,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_flagship_view() {
        let s = ViewSpec::parse("view=scatter&subgroup=wajong&from=2015&to=2017").unwrap();
        assert_eq!(
            s.view,
            Some(View::Scatter(ScatterSpec {
                subgroup: Subgroup::Wajong,
                from: Some(Period::year(2015)),
                to: Some(Period::year(2017)),
                x: ScatterX::Share
            }))
        );
        assert_eq!(s.k, 1.0);
        let s = ViewSpec::parse("#embed&view=scatter&k=1.5&region=Food%20Valley").unwrap();
        assert!(s.embed);
        assert_eq!(s.k, 1.5);
        assert_eq!(s.highlight.as_deref(), Some("Food Valley"));
    }

    #[test]
    fn unknown_keys_and_values_are_errors() {
        let e = ViewSpec::parse("view=scatter&colour=red").unwrap_err();
        assert!(e.message.contains("colour"), "{}", e.message);
        let e = ViewSpec::parse("view=scatter&subgroup=wsx").unwrap_err();
        assert!(e.message.contains("wajong"), "{}", e.message);
        assert!(ViewSpec::parse("view=pie").is_err());
        assert!(ViewSpec::parse("view=scatter&from=2017&to=2015").is_err());
        assert!(ViewSpec::parse("view=scatter&from=abc").is_err());
        assert!(ViewSpec::parse("view=scatter&k=0").is_err());
        assert!(ViewSpec::parse("view=scatter&view=scatter").is_err());
    }

    #[test]
    fn percent_coding_round_trips() {
        let s = "P-wet (ABA) & co/é";
        let mut p = Params::parse(&format!("a={}", percent_encode(s))).unwrap();
        assert_eq!(p.take("a").as_deref(), Some(s));
    }
}
