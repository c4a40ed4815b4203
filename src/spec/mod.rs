//! The view description: one query string (`view=scatter&subgroup=wajong&from=2015&to=2017`)
//! that drives the page (as the URL hash), embeds and the CLI. Parsed into a typed [`ViewSpec`];
//! unknown keys or values are errors that say what is allowed.

pub mod period;
pub mod regional;
pub mod schema;
pub mod tidy;
pub mod vocab;

use crate::error::{Error, Result};
use crate::format::Lang;
pub use crate::spec::tidy::{
    Agg, AreaSpec, BarSort, BarsSpec, Encoding, ForestSpec, LineSpec, Reference, StackedSpec,
};
pub use period::{Grain, Period};
pub use regional::{
    BasicsSpec, CompareMark, CompareMeasure, CompareSpec, ConvergenceSpec, DecompositionSpec,
    MapMeasure, MapSpec, ProfileSpec, RankMeasure, RankingSpec, ReportSpec, TrendMeasure,
    TrendSpec, ValueScale,
};
pub use vocab::{parse_overrides, Role, RoleGroup, Subgroup, TimeKind};

/// The query string split into key/value pairs, percent-decoded, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pairs: Vec<(String, String, bool)>,
    /// The language of the description (`lang=en`), for the parser's errors.
    lang: Lang,
}

/// The language a description asks for (`lang=en`), read before anything else so that every
/// error of the parser, even about the rest of the description, is in that language.
pub fn lang_of(query: &str) -> Lang {
    query
        .trim()
        .trim_start_matches('#')
        .trim_start_matches('?')
        .split('&')
        .filter_map(|part| part.split_once('='))
        .filter(|(k, _)| k.trim().eq_ignore_ascii_case("lang"))
        .find_map(|(_, v)| Lang::parse(v.trim()))
        .unwrap_or_default()
}

impl Params {
    pub fn parse(query: &str) -> Result<Params> {
        let lang = lang_of(query);
        let q = query.trim().trim_start_matches('#').trim_start_matches('?');
        let mut pairs: Vec<(String, String, bool)> = Vec::new();
        for part in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            // Keys are words of the grammar: outer spaces and capitals are no part of them
            // (` x=jaar`, `View=line`). Values keep theirs (column names, labels).
            let k = percent_decode(k, lang)?.trim().to_ascii_lowercase();
            let v = percent_decode(v, lang)?;
            if pairs.iter().any(|(pk, _, _)| *pk == k) {
                return Err(Error::view(match lang {
                    Lang::Nl => format!("De sleutel '{k}' staat twee keer in de weergave."),
                    Lang::En => format!("The key '{k}' appears twice in the description."),
                }));
            }
            pairs.push((k, v, false));
        }
        Ok(Params { pairs, lang })
    }
    /// The language of the description, for errors about its values.
    pub fn lang(&self) -> Lang {
        self.lang
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
                Error::view(match self.lang {
                    Lang::Nl => format!(
                        "'{key}={v}': verwacht een periode, bijvoorbeeld {key}=2015, {key}=2015K4 of {key}=2015M12."
                    ),
                    Lang::En => format!(
                        "'{key}={v}': expected a period, for example {key}=2015, {key}=2015K4 or {key}=2015M12."
                    ),
                })
            }),
        }
    }
    pub fn take_number(&mut self, key: &str) -> Result<Option<f64>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => crate::decimal::parse_f64(&v.replace(',', "."))
                .filter(|x| x.is_finite())
                .map(Some)
                .ok_or_else(|| {
                    Error::view(match self.lang {
                        Lang::Nl => format!("'{key}={v}': verwacht een getal."),
                        Lang::En => format!("'{key}={v}': expected a number."),
                    })
                }),
        }
    }
    /// The keys not taken yet, with their values.
    pub fn untaken(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs
            .iter()
            .filter(|(_, _, used)| !used)
            .map(|(k, v, _)| (k.as_str(), v.as_str()))
    }
    /// A value without marking it as taken.
    pub fn peek(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, _)| v.as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

fn percent_decode(s: &str, lang: Lang) -> Result<String> {
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
                    None => {
                        // (The hint in the full core only: the first core stays small.)
                        let (hint_nl, hint_en) = if cfg!(feature = "full") {
                            (
                                " Een % in een waarde schrijf je als %25 (50%25 voor 50%).",
                                " Write a % in a value as %25 (50%25 for 50%).",
                            )
                        } else {
                            ("", "")
                        };
                        return Err(Error::view(match lang {
                            Lang::Nl => format!("Ongeldige codering '%' in '{s}'.{hint_nl}"),
                            Lang::En => format!("Invalid encoding '%' in '{s}'.{hint_en}"),
                        }));
                    }
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| {
        Error::view(match lang {
            Lang::Nl => format!("'{s}' is geen geldige UTF-8-tekst."),
            Lang::En => format!("'{s}' is not valid UTF-8 text."),
        })
    })
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
    Map(MapSpec),
    Profile(ProfileSpec),
    Compare(CompareSpec),
}

impl View {
    /// The view's settings as `(key, value)` pairs, as the completed description writes them;
    /// unset settings are left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, Option<String>)> = Vec::new();
        let year = |y: Option<Period>| y.map(|y| y.to_string());
        match self {
            View::Scatter(s) => out.extend([
                ("subgroup", Some(s.subgroup.key().to_string())),
                ("from", year(s.from)),
                ("to", year(s.to)),
                (
                    "x",
                    Some(
                        match s.x {
                            ScatterX::Share => "share",
                            ScatterX::RegisterShare => "register_share",
                        }
                        .to_string(),
                    ),
                ),
            ]),
            View::Ranking(s) => out.extend([
                ("measure", Some(s.measure.key().to_string())),
                ("subgroup", Some(s.subgroup.key().to_string())),
                ("from", year(s.from)),
                ("to", year(s.to)),
                ("year", year(s.year)),
                ("scale", s.scale.pair()),
            ]),
            View::Map(s) => out.extend([
                ("measure", Some(s.measure.key().to_string())),
                ("subgroup", Some(s.subgroup.key().to_string())),
                ("from", year(s.from)),
                ("to", year(s.to)),
                ("year", year(s.year)),
                (
                    "x",
                    Some(
                        match s.x {
                            ScatterX::Share => "share",
                            ScatterX::RegisterShare => "register_share",
                        }
                        .to_string(),
                    ),
                ),
                ("scale", s.scale.pair()),
                ("edition", s.edition.map(|e| e.to_string())),
            ]),
            View::Profile(s) => out.push(("subgroup", Some(s.subgroup.key().to_string()))),
            View::Compare(s) => out.extend([
                (
                    "regions",
                    (!s.regions.is_empty()).then(|| s.regions.join(",")),
                ),
                ("measure", Some(s.measure.key().to_string())),
                ("subgroup", Some(s.subgroup.key().to_string())),
                (
                    "scale",
                    (s.scale == ValueScale::Relative).then(|| "relative".to_string()),
                ),
                (
                    "mark",
                    Some(
                        match s.mark {
                            CompareMark::Lines => "lines",
                            CompareMark::Bars => "bars",
                        }
                        .to_string(),
                    ),
                ),
            ]),
            View::Decomposition(s) => out.extend([("from", year(s.from)), ("to", year(s.to))]),
            View::Trend(s) => out.extend([
                ("measure", Some(s.measure.key().to_string())),
                ("from", year(s.from)),
                ("to", year(s.to)),
            ]),
            View::Convergence(s) => out.extend([
                ("subgroup", Some(s.subgroup.key().to_string())),
                ("from", year(s.from)),
                ("to", year(s.to)),
            ]),
            View::Basics(s) => out.extend([("from", year(s.from)), ("to", year(s.to))]),
            View::Report(s) => out.extend([("from", year(s.from)), ("to", year(s.to))]),
            // The first core reads no table views (see `ViewSpec::parse`): none to write back.
            #[cfg(not(feature = "full"))]
            View::Line(_) | View::Bars(_) | View::Stacked(_) | View::Area(_) | View::Forest(_) => {}
            #[cfg(feature = "full")]
            View::Line(s) => {
                out.extend(s.enc.pairs());
                out.push(("index", s.index.then(|| "1".to_string())));
                out.push(("highlight", s.highlight.clone()));
                out.push(("n", s.n.clone()));
            }
            #[cfg(feature = "full")]
            View::Bars(s) => {
                out.extend(s.enc.pairs());
                out.push((
                    "ref",
                    s.reference.as_ref().map(|r| match r {
                        Reference::Value(v) => v.to_string(),
                        Reference::Category(c) => c.clone(),
                    }),
                ));
                out.push(("highlight", s.highlight.clone()));
                out.push((
                    "sort",
                    s.sort.map(|o| {
                        match o {
                            BarSort::Desc => "desc",
                            BarSort::Asc => "asc",
                            BarSort::None => "none",
                        }
                        .to_string()
                    }),
                ));
                out.push(("n", s.n.clone()));
            }
            #[cfg(feature = "full")]
            View::Stacked(s) => {
                out.extend(s.enc.pairs());
                out.push(("n", s.n.clone()));
            }
            #[cfg(feature = "full")]
            View::Area(s) => {
                out.extend(s.enc.pairs());
                out.push(("n", s.n.clone()));
                out.push((
                    "min_n",
                    (s.min_n != tidy::DEFAULT_MIN_N).then(|| s.min_n.to_string()),
                ));
            }
            #[cfg(feature = "full")]
            View::Forest(s) => {
                out.extend(s.enc.pairs());
                out.push(("dimension", s.dimension.clone()));
                out.push(("term", s.term.clone()));
                out.push(("reference", s.reference.clone()));
                out.push(("significance", s.significance.clone()));
            }
        }
        out.into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect()
    }

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
            View::Map(_) => "map",
            View::Profile(_) => "profile",
            View::Compare(_) => "compare",
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
    /// The width charts are laid out for (`width=`, CSS px, see [`schema::WIDTH`]).
    pub width: u32,
}

/// A key given in the description that belongs to another view, or a value outside the key's
/// kind: checked against the [`schema`] before the typed view is built.
fn check(def: &schema::ViewDef, p: &Params, lang: Lang) -> Result<()> {
    let en = lang == Lang::En;
    for (k, v) in p.untaken() {
        let Some(key) = def.key(k) else {
            let allowed: Vec<&str> = schema::COMMON
                .iter()
                .chain(def.keys)
                .map(|k| k.key)
                .collect();
            return Err(Error::view(if en {
                format!(
                    "Unknown key '{k}' for view={} ({}). Allowed: {}.",
                    def.view,
                    def.label(lang),
                    allowed.join(", ")
                )
            } else {
                format!(
                    "Onbekende sleutel '{k}' voor view={} ({}). Toegestaan: {}.",
                    def.view,
                    def.label(lang),
                    allowed.join(", ")
                )
            }));
        };
        check_value(def, key, v, lang)?;
        if let Some((on, values)) = key.when {
            let current = p
                .peek(on)
                .or_else(|| def.key(on).and_then(|o| o.default))
                .unwrap_or("");
            if !values.contains(&current) {
                let applies: Vec<String> = def
                    .keys
                    .iter()
                    .filter(|o| {
                        o.when
                            .is_some_and(|(w, vs)| w == on && vs.contains(&current))
                    })
                    .map(|o| format!("{}=", o.key))
                    .collect();
                let on_label = def
                    .key(on)
                    .map(|o| o.value_label(current, lang))
                    .unwrap_or_default();
                return Err(Error::view(if en {
                    format!(
                        "{} ({k}=) applies only with {on}={}; with {on}={current} ({on_label}) use {}.",
                        key.label(lang),
                        values.join(" or "),
                        if applies.is_empty() { "neither".to_string() } else { applies.join(" and ") }
                    )
                } else {
                    format!(
                        "{} ({k}=) hoort alleen bij {on}={}; bij {on}={current} ({on_label}) gebruik je {}.",
                        key.label(lang),
                        values.join(" of "),
                        if applies.is_empty() { "geen van beide".to_string() } else { applies.join(" en ") }
                    )
                }));
            }
        }
    }
    Ok(())
}

fn check_value(def: &schema::ViewDef, key: &schema::KeyDef, v: &str, lang: Lang) -> Result<()> {
    use schema::KeyKind as K;
    let en = lang == Lang::En;
    let k = key.key;
    let ok = match key.kind {
        K::Choice(cs) => cs.iter().any(|c| c.0 == v),
        K::Subgroup(gs) => Subgroup::parse(v).is_some_and(|g| gs.contains(&g)),
        K::Number { min, max } => crate::decimal::parse_f64(&v.replace(',', "."))
            .is_some_and(|x| x.is_finite() && x >= min && x <= max),
        K::Flag => matches!(v, "" | "0" | "1" | "true" | "false" | "ja" | "nee"),
        K::Period | K::Column(_) | K::Text | K::Region | K::Regions => true,
    };
    if ok {
        return Ok(());
    }
    let options = match key.kind {
        K::Choice(cs) => cs
            .iter()
            .map(|c| format!("{} ({})", c.0, if en { c.2 } else { c.1 }))
            .collect::<Vec<_>>()
            .join(", "),
        K::Subgroup(gs) => gs
            .iter()
            .map(|g| format!("{} ({})", g.key(), g.label_in(lang)))
            .collect::<Vec<_>>()
            .join(", "),
        K::Number { min, max } if max < 1e300 => format!("{min} .. {max}"),
        K::Number { min, .. } => format!(">= {min}"),
        _ => "0, 1".to_string(),
    };
    Err(Error::view(if en {
        format!(
            "Unknown {} '{k}={v}' for view={}. Choose from: {options}.",
            crate::case::lower(key.label(lang)),
            def.view
        )
    } else {
        format!(
            "Onbekende {} '{k}={v}' bij view={}. Kies uit: {options}.",
            crate::case::lower(key.label(lang)),
            def.view
        )
    }))
}

/// The chart width for a `width=` value: the schema's default when absent, clamped to its range.
pub fn chart_width(v: Option<f64>) -> u32 {
    let (lo, hi) = match schema::WIDTH.kind {
        schema::KeyKind::Number { min, max } => (min, max),
        _ => (280.0, 2000.0),
    };
    let default = schema::WIDTH
        .default
        .and_then(|d| d.parse::<f64>().ok())
        .unwrap_or(820.0);
    v.unwrap_or(default).clamp(lo, hi).round() as u32
}

impl ViewSpec {
    pub fn parse(query: &str) -> Result<ViewSpec> {
        let mut p = Params::parse(query)?;
        // `embed` alone (as the page's embed code writes it), or with a yes or a no.
        let embed = match p.take("embed") {
            None => false,
            // (The first core, on the page's first chart, takes any value as a yes.)
            Some(_) if !cfg!(feature = "full") => true,
            Some(v) => match crate::case::lower(v.trim()).as_str() {
                "" | "1" | "true" | "ja" | "yes" => true,
                "0" | "false" | "nee" | "no" => false,
                _ => {
                    return Err(Error::view(match lang_of(query) {
                        Lang::Nl => format!(
                            "'embed={v}': schrijf embed (of embed=1) voor een ingesloten figuur, of laat het weg."
                        ),
                        Lang::En => format!(
                            "'embed={v}': write embed (or embed=1) for an embedded chart, or leave it out."
                        ),
                    }))
                }
            },
        };
        let lang = match p.take("lang") {
            None => Lang::Nl,
            // The language is unknown: say it in both.
            Some(v) => Lang::parse(&v).ok_or_else(|| {
                Error::view(format!(
                    "Onbekende taal 'lang={v}'. Kies uit: nl (Nederlands), en (English). / \
                     Unknown language 'lang={v}'. Choose from: nl (Dutch), en (English)."
                ))
            })?,
        };
        let en = lang == Lang::En;
        let k = match p.take_number("k")? {
            None => 1.0,
            Some(k) if k > 0.0 && k <= 5.0 => k,
            Some(k) => {
                return Err(Error::view(if en {
                    format!("The threshold k={k} must be greater than 0 and at most 5 (default 1).")
                } else {
                    format!(
                        "De drempel k={k} moet groter dan 0 zijn en ten hoogste 5 (standaard 1)."
                    )
                }))
            }
        };
        let width = chart_width(p.take_number("width")?);
        let highlight = p.take("region").filter(|r| !r.is_empty());
        let roles = match p.take("roles") {
            Some(r) => parse_overrides(&r, lang)?,
            None => Vec::new(),
        };
        // (Views are named in lower case; `view=LINE` is the same view.)
        let name = p
            .take("view")
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let view = if name.is_empty() {
            if let Some((k, _)) = p.untaken().next() {
                return Err(Error::view(if en {
                    format!("The key '{k}' needs a view (view=...).")
                } else {
                    format!("De sleutel '{k}' hoort bij een weergave: geef ook view=... op.")
                }));
            }
            None
        } else {
            let def = schema::view(&name).ok_or_else(|| {
                let list = schema::VIEWS
                    .iter()
                    .map(|v| format!("{} ({})", v.view, v.label(lang)))
                    .collect::<Vec<_>>()
                    .join(", ");
                Error::view(if en {
                    format!("Unknown view 'view={name}'. Choose from: {list}.")
                } else {
                    format!("Onbekende weergave 'view={name}'. Kies uit: {list}.")
                })
            })?;
            check(def, &p, lang)?;
            let v = match def.view {
                "scatter" => {
                    let subgroup = p
                        .take("subgroup")
                        .and_then(|v| Subgroup::parse(&v))
                        .unwrap_or(Subgroup::Total);
                    let from = p.take_period("from")?;
                    let to = p.take_period("to")?;
                    let x = match p.take("x").as_deref() {
                        Some("register_share") => ScatterX::RegisterShare,
                        _ => ScatterX::Share,
                    };
                    regional::ordered(from, to, lang)?;
                    View::Scatter(ScatterSpec {
                        subgroup,
                        from,
                        to,
                        x,
                    })
                }
                #[cfg(feature = "full")]
                kind @ ("line" | "bars" | "stacked" | "area" | "forest") => {
                    tidy::parse(kind, &mut p)?.ok_or_else(|| Error::view(kind.to_string()))?
                }
                // The page's first core has no table views: the full core reads them.
                #[cfg(not(feature = "full"))]
                kind @ ("line" | "bars" | "stacked" | "area" | "forest") => {
                    return Err(Error::needs_full_core(kind));
                }
                #[cfg(feature = "full")]
                other => regional::parse(other, &mut p, lang)?
                    .ok_or_else(|| Error::view(other.to_string()))?,
                // The first core draws the scatterplot only: the full core reads the others.
                #[cfg(not(feature = "full"))]
                other => return Err(Error::needs_full_core(other)),
            };
            Some(v)
        };
        Ok(ViewSpec {
            view,
            k,
            highlight,
            lang,
            embed,
            roles,
            width,
        })
    }

    /// The completed description of `view`: the view's keys in schema order, each with the value
    /// the view used (`resolved`, e.g. the years taken from the data), else its setting in the
    /// typed view, else its declared default (for keys with fixed values); keys that do not apply
    /// (`when`) are left out. Then the common keys that differ from their defaults.
    pub fn query(&self, view: &View, resolved: &[(&str, String)]) -> String {
        self.query_named(view.name(), &view.pairs(), resolved)
    }

    /// [`ViewSpec::query`] for a view named `name` whose settings are all in `resolved`.
    pub fn query_resolved(&self, name: &str, resolved: &[(&str, String)]) -> String {
        self.query_named(name, &[], resolved)
    }

    fn query_named(
        &self,
        name: &str,
        own: &[(&'static str, String)],
        resolved: &[(&str, String)],
    ) -> String {
        use schema::KeyKind as K;
        let mut q = format!("view={name}");
        if let Some(def) = schema::view(name) {
            let value = |key: &schema::KeyDef| -> Option<String> {
                resolved
                    .iter()
                    .map(|(k, v)| (*k, v))
                    .chain(own.iter().map(|(k, v)| (*k, v)))
                    .find(|(k, _)| *k == key.key)
                    .map(|(_, v)| v.clone())
                    .or_else(|| match key.kind {
                        K::Choice(_) | K::Subgroup(_) => key.default.map(str::to_string),
                        _ => None,
                    })
            };
            let values: Vec<(&schema::KeyDef, Option<String>)> =
                def.keys.iter().map(|k| (k, value(k))).collect();
            for (key, v) in &values {
                let applies = match key.when {
                    None => true,
                    Some((on, vs)) => values
                        .iter()
                        .find(|(o, _)| o.key == on)
                        .and_then(|(_, v)| v.as_deref())
                        .is_some_and(|v| vs.contains(&v)),
                };
                match v {
                    Some(v) if applies && !v.is_empty() => {
                        q.push_str(&format!("&{}={}", key.key, percent_encode(v)))
                    }
                    _ => {}
                }
            }
        }
        if self.k != 1.0 {
            q.push_str(&format!("&k={}", self.k));
        }
        if let Some(r) = &self.highlight {
            q.push_str(&format!("&region={}", percent_encode(r)));
        }
        if !self.roles.is_empty() {
            let r = self
                .roles
                .iter()
                .map(|(c, r)| format!("{c}:{}", r.key()))
                .collect::<Vec<_>>()
                .join(",");
            q.push_str(&format!("&roles={}", percent_encode(&r)));
        }
        if self.lang != Lang::Nl {
            q.push_str(&format!("&lang={}", self.lang.code()));
        }
        q
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
