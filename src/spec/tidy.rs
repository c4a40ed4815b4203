//! The view descriptions of the tidy views (`view=line&x=year&y=persons&series=subgroup`): typed
//! settings per view, parsed from the query-string [`Params`], and written back completed.
//! Column names are checked against the table when the view is rendered, not here.

use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::{Params, View};

/// The columns a view puts on its channels, as written in the file, plus the texts around it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Encoding {
    pub x: Option<String>,
    pub y: Option<String>,
    pub series: Option<String>,
    /// Small multiples: one panel per value of this column.
    pub facet: Option<String>,
    /// Keep only rows where a column has one of the values: `filter=model:totaal,jaar:2019`,
    /// several values of one column `filter=subgroep:Wajong|Wsw`; all but some with `!`:
    /// `filter=regio:!Landelijk|Onbekend`.
    pub filter: Vec<RowFilter>,
    /// Plot `100 x sum(y) / sum(per)` per point: a ratio of two count columns.
    pub per: Option<String>,
    /// How rows that land on one point are combined, when not by the column's role.
    pub agg: Option<Agg>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Label of the value axis.
    pub ylabel: Option<String>,
}

/// One column's condition in `filter=`: the rows whose value is one of `values`, or, with
/// `exclude` (written `column:!value|value`), the rows whose value is none of them.
/// (In a view's data as `filter`: `{column, values, exclude}`.)
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RowFilter {
    pub column: String,
    pub values: Vec<String>,
    pub exclude: bool,
}

impl RowFilter {
    /// The rows whose `column` holds one of `values`.
    pub fn keep(column: &str, values: &[&str]) -> RowFilter {
        RowFilter {
            column: column.to_string(),
            values: values.iter().map(|v| v.to_string()).collect(),
            exclude: false,
        }
    }

    /// As written in a view description: `subgroep:Wajong|Wsw`, `regio:!Landelijk`; a name or
    /// value the grammar would misread between quotes ([`written`]).
    pub fn query(&self) -> String {
        let not = if self.exclude { "!" } else { "" };
        let values: Vec<String> = self.values.iter().map(|v| written(v)).collect();
        format!("{}:{not}{}", written(&self.column), values.join("|"))
    }
}

/// A column name or value as `filter=` writes it: as it is, or between double quotes (a quote
/// in it doubled) when it holds a `,`, `|`, `:` or `"`, starts with `!`, or starts or ends
/// with a space, so that `gemeente:"Bergen, NH"` names the value `Bergen, NH`.
pub fn written(v: &str) -> String {
    let plain =
        !v.contains([',', '|', ':', '"']) && !v.starts_with('!') && v.trim() == v && !v.is_empty();
    if plain {
        v.to_string()
    } else {
        format!("\"{}\"", v.replace('"', "\"\""))
    }
}

/// The parts of `s` between the separators `sep` outside double quotes, each trimmed.
fn split_outside_quotes(s: &str, sep: char) -> impl Iterator<Item = &str> {
    let mut parts = Vec::new();
    let (mut from, mut quoted) = (0, false);
    for (i, ch) in s.char_indices() {
        if ch == '"' {
            quoted = !quoted;
        } else if ch == sep && !quoted {
            parts.push(&s[from..i]);
            from = i + 1;
        }
    }
    parts.push(&s[from..]);
    parts.into_iter().map(str::trim)
}

/// `item` split at its last colon outside double quotes.
fn last_colon(item: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    let mut at = None;
    for (i, ch) in item.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ':' if !quoted => at = Some(i),
            _ => {}
        }
    }
    at.map(|i| (&item[..i], &item[i + 1..]))
}

/// A name or value as meant: trimmed; between double quotes, what they hold (`""` a quote).
fn unquoted(v: &str) -> String {
    let v = v.trim();
    match v.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if v.len() >= 2 => inner.replace("\"\"", "\""),
        _ => v.to_string(),
    }
}

/// How rows that fall on one point are combined (`agg=`). Without it: counts are summed,
/// percentages and other values are averaged weighted with the n column (refused without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agg {
    /// `agg=sum`: add up, whatever the column's role.
    Sum,
    /// `agg=mean`: the plain, unweighted mean.
    Mean,
}

impl Agg {
    pub fn key(self) -> &'static str {
        match self {
            Agg::Sum => "sum",
            Agg::Mean => "mean",
        }
    }
}

/// The reference line of a bar chart: a number, or the value of one of the categories.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    Value(f64),
    Category(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarSort {
    /// Largest first.
    Desc,
    Asc,
    /// As in the file.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineSpec {
    pub enc: Encoding,
    /// The column with the number of persons, to weight percentages when rows are combined.
    pub n: Option<String>,
    /// Each series as an index, its first period = 100.
    pub index: bool,
    pub highlight: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarsSpec {
    pub enc: Encoding,
    pub reference: Option<Reference>,
    pub highlight: Option<String>,
    /// `None` means: sorted descending without series, file order with series.
    pub sort: Option<BarSort>,
    /// The column with the number of persons per bar; found by its role when absent.
    pub n: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StackedSpec {
    pub enc: Encoding,
    /// The column with the number of persons, to weight percentages when rows are combined.
    pub n: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaSpec {
    pub enc: Encoding,
    /// The column with the number of persons per x; found by its role when absent.
    pub n: Option<String>,
    /// x values with fewer persons are marked as uncertain.
    pub min_n: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ForestSpec {
    pub enc: Encoding,
    pub dimension: Option<String>,
    /// The term (category of a dimension) column.
    pub term: Option<String>,
    pub reference: Option<String>,
    pub significance: Option<String>,
}

pub const DEFAULT_MIN_N: f64 = 100.0;

/// Keys every tidy view understands besides the common ones.
pub const ENCODING_KEYS: &[&str] = &[
    "x", "y", "series", "facet", "filter", "per", "agg", "title", "subtitle", "ylabel",
];

fn parse_encoding(p: &mut Params) -> Result<Encoding> {
    let lang = p.lang();
    let col = |p: &mut Params, k: &str| p.take(k).filter(|v| !v.trim().is_empty());
    let filter = match p.take("filter") {
        Some(f) => parse_filter(&f, lang)?,
        None => Vec::new(),
    };
    let agg = match p.take("agg").as_deref() {
        None | Some("") => None,
        Some("sum") | Some("som") => Some(Agg::Sum),
        Some("mean") | Some("gemiddelde") => Some(Agg::Mean),
        Some(v) => {
            return Err(Error::view(match lang {
                Lang::Nl => format!("Onbekende samenvoeging 'agg={v}'. Kies uit: sum, mean."),
                Lang::En => {
                    format!("Unknown way to combine rows 'agg={v}'. Choose from: sum, mean.")
                }
            }))
        }
    };
    Ok(Encoding {
        per: col(p, "per"),
        agg,
        x: col(p, "x"),
        y: col(p, "y"),
        series: col(p, "series"),
        facet: col(p, "facet"),
        filter,
        title: col(p, "title"),
        subtitle: col(p, "subtitle"),
        ylabel: col(p, "ylabel"),
    })
}

/// The conditions of a `filter=` value, one per column and kind (values kept, or all but
/// some), in the order first named: the grammar of `filter=` in one place (the page asks the
/// core for them, see [`filter_with`]).
pub fn parse_filter(f: &str, lang: Lang) -> Result<Vec<RowFilter>> {
    let mut filter: Vec<RowFilter> = Vec::new();
    for item in split_outside_quotes(f, ',').filter(|s| !s.is_empty()) {
        // As before: a column name may hold a colon, the values follow the last one (a
        // colon between quotes is part of a name or value).
        // A column is named before the colon (`:x` names none).
        let named = last_colon(item).filter(|(c, _)| !unquoted(c).is_empty());
        let (c, v) = named.ok_or_else(|| {
            Error::view(match lang {
                Lang::Nl => format!(
                    "'filter={f}': schrijf kolom:waarde, bijvoorbeeld filter=model:totaal of filter=subgroep:Wajong|Wsw; een waarde met een komma, | of : tussen aanhalingstekens: filter=gemeente:\"Bergen, NH\"."
                ),
                Lang::En => format!(
                    "'filter={f}': write column:value, for example filter=model:total or filter=subgroup:Wajong|Wsw; a value holding a comma, | or : between quotes: filter=municipality:\"Bergen, NH\"."
                ),
            })
        })?;
        let column = unquoted(c);
        let v = v.trim_start();
        let (exclude, v) = match v.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, v),
        };
        // An empty place in the list (`Utrecht|`) names nothing; alone (`gemeente:`) it asks
        // for the empty value, which the view then looks for (and names the values if none).
        let parts: Vec<&str> = split_outside_quotes(v, '|').collect();
        let named = parts.iter().filter(|p| !p.is_empty());
        let values: Vec<String> = if named.clone().next().is_some() {
            named.map(|p| unquoted(p)).collect()
        } else {
            parts.into_iter().map(unquoted).collect()
        };
        match filter
            .iter_mut()
            .find(|f| f.column == column && f.exclude == exclude)
        {
            Some(f) => f.values.extend(values),
            None => filter.push(RowFilter {
                column,
                values,
                exclude,
            }),
        }
    }
    Ok(filter)
}

/// A `filter=` value with column `column`'s conditions replaced by keeping `checked` of its
/// values `all` (both as [`written`] after `column:`, as the catalogue gives them): none when
/// every value or none is checked, the values kept when they are no more than those left
/// out, else `!` and those left out (`regio:!Landelijk`). The other columns' conditions stay.
pub fn filter_with(
    filter: &str,
    column: &str,
    checked: &[String],
    all: &[String],
    lang: Lang,
) -> Result<String> {
    let mut parts = parse_filter(filter, lang)?;
    parts.retain(|f| f.column != column);
    let kept: Vec<&String> = all.iter().filter(|v| checked.contains(v)).collect();
    if !kept.is_empty() && kept.len() < all.len() {
        let left: Vec<&String> = all.iter().filter(|v| !checked.contains(v)).collect();
        let (exclude, values) = if kept.len() <= left.len() {
            (false, kept)
        } else {
            (true, left)
        };
        parts.push(RowFilter {
            column: column.to_string(),
            values: values.into_iter().map(|v| unquoted(v)).collect(),
            exclude,
        });
    }
    Ok(filter_query(&parts))
}

fn take_highlight(p: &mut Params) -> Option<String> {
    p.take("highlight").filter(|h| !h.is_empty())
}

fn flag(p: &mut Params, key: &str) -> Result<bool> {
    match p.take(key).as_deref() {
        None | Some("0") | Some("false") | Some("nee") => Ok(false),
        Some("") | Some("1") | Some("true") | Some("ja") => Ok(true),
        Some(v) => Err(Error::view(match p.lang() {
            Lang::Nl => format!("'{key}={v}': verwacht {key}=1 of {key}=0."),
            Lang::En => format!("'{key}={v}': expected {key}=1 or {key}=0."),
        })),
    }
}

/// Parses the keys of a tidy view; `kind` is the value of `view=`. Returns `None` for other views.
pub fn parse(kind: &str, p: &mut Params) -> Result<Option<View>> {
    use View as V;
    let enc = parse_encoding(p)?;
    let v = match kind {
        "line" => V::Line(LineSpec {
            highlight: take_highlight(p),
            enc,
            index: flag(p, "index")?,
            n: p.take("n").filter(|v| !v.is_empty()),
        }),
        "bars" => {
            let highlight = take_highlight(p);
            let reference = match p.take("ref") {
                None => None,
                Some(r) if r.trim().is_empty() => None,
                Some(r) => Some(
                    match crate::decimal::parse_f64(r.replace(',', ".").trim()) {
                        Some(x) if x.is_finite() => Reference::Value(x),
                        _ => Reference::Category(r),
                    },
                ),
            };
            let sort = match p.take("sort").as_deref() {
                None => None,
                Some("desc") | Some("aflopend") => Some(BarSort::Desc),
                Some("asc") | Some("oplopend") => Some(BarSort::Asc),
                Some("none") | Some("file") | Some("bestand") => Some(BarSort::None),
                Some(v) => {
                    return Err(Error::view(match p.lang() {
                        Lang::Nl => {
                            format!("Onbekende sortering 'sort={v}'. Kies uit: desc, asc, none.")
                        }
                        Lang::En => {
                            format!("Unknown order 'sort={v}'. Choose from: desc, asc, none.")
                        }
                    }))
                }
            };
            V::Bars(BarsSpec {
                enc,
                reference,
                highlight,
                sort,
                n: p.take("n").filter(|v| !v.is_empty()),
            })
        }
        "stacked" => V::Stacked(StackedSpec {
            enc,
            n: p.take("n").filter(|v| !v.is_empty()),
        }),
        "area" => {
            let min_n = match p.take_number("min_n")? {
                None => DEFAULT_MIN_N,
                Some(m) if m >= 0.0 => m,
                Some(m) => {
                    return Err(Error::view(match p.lang() {
                        Lang::Nl => format!("min_n={m} moet 0 of groter zijn (standaard 100)."),
                        Lang::En => format!("min_n={m} must be 0 or more (default 100)."),
                    }))
                }
            };
            V::Area(AreaSpec {
                enc,
                n: p.take("n").filter(|v| !v.is_empty()),
                min_n,
            })
        }
        "forest" => V::Forest(ForestSpec {
            enc,
            dimension: p.take("dimension").filter(|v| !v.is_empty()),
            term: p.take("term").filter(|v| !v.is_empty()),
            reference: p.take("reference").filter(|v| !v.is_empty()),
            significance: p.take("significance").filter(|v| !v.is_empty()),
        }),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// The keys a tidy view accepts (for the error on unknown keys).
pub fn keys(kind: &str) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = ENCODING_KEYS.to_vec();
    match kind {
        "line" => k.extend(["index", "highlight", "n"]),
        "stacked" => k.push("n"),
        "bars" => k.extend(["ref", "sort", "highlight", "n"]),
        "area" => k.extend(["n", "min_n"]),
        "forest" => k.extend(["dimension", "term", "reference", "significance"]),
        _ => {}
    }
    k
}

impl Encoding {
    /// The encoding's settings as `(key, value)` pairs for the completed description.
    pub fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        let filter = (!self.filter.is_empty()).then(|| filter_query(&self.filter));
        vec![
            ("x", self.x.clone()),
            ("y", self.y.clone()),
            ("series", self.series.clone()),
            ("facet", self.facet.clone()),
            ("filter", filter),
            ("per", self.per.clone()),
            ("agg", self.agg.map(|a| a.key().to_string())),
            ("title", self.title.clone()),
            ("subtitle", self.subtitle.clone()),
            ("ylabel", self.ylabel.clone()),
        ]
    }
}

/// The filter as written in a view description: `subgroep:Wajong|Wsw,jaar:2019,regio:!Landelijk`.
pub fn filter_query(filter: &[RowFilter]) -> String {
    filter
        .iter()
        .map(RowFilter::query)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use crate::spec::{View, ViewSpec};

    #[test]
    fn filters_per_and_agg_parse_and_write_back() {
        let s = ViewSpec::parse(
            "view=line&x=jaar&y=werkzaam&per=personen&agg=mean&filter=subgroep:Wajong|Wsw,jaar:2019,subgroep:P-wet",
        )
        .unwrap();
        let Some(View::Line(l)) = s.view else {
            panic!("{:?}", s.view)
        };
        let f = |c: &str, vs: &[&str], exclude| super::RowFilter {
            column: c.to_string(),
            values: vs.iter().map(|v| v.to_string()).collect(),
            exclude,
        };
        assert_eq!(
            l.enc.filter,
            vec![
                f("subgroep", &["Wajong", "Wsw", "P-wet"], false),
                f("jaar", &["2019"], false)
            ]
        );
        assert_eq!(l.enc.per.as_deref(), Some("personen"));
        assert_eq!(l.enc.agg, Some(super::Agg::Mean));
        let s = ViewSpec::parse(
            "view=line&filter=subgroep:Wajong|Wsw|P-wet,jaar:2019&per=personen&agg=mean",
        )
        .unwrap();
        let q = s.query(s.view.as_ref().unwrap(), &[]);
        assert!(
            q.contains(
                "&filter=subgroep%3AWajong%7CWsw%7CP-wet%2Cjaar%3A2019&per=personen&agg=mean"
            ),
            "{q}"
        );
        // All values but some: `!` before the values; kept apart from the values asked for.
        let s = ViewSpec::parse("view=line&filter=regio:!Landelijk|Onbekend,regio:A,regio: ! B")
            .unwrap();
        let Some(View::Line(l)) = s.view.as_ref() else {
            panic!("{:?}", s.view)
        };
        assert_eq!(
            l.enc.filter,
            vec![
                f("regio", &["Landelijk", "Onbekend", "B"], true),
                f("regio", &["A"], false)
            ]
        );
        let q = s.query(s.view.as_ref().unwrap(), &[]);
        assert!(
            q.contains("&filter=regio%3A%21Landelijk%7COnbekend%7CB%2Cregio%3AA"),
            "{q}"
        );
        assert!(ViewSpec::parse("view=line&agg=median").is_err());
        assert!(ViewSpec::parse("view=bars&filter=subgroep").is_err());
        // No column before the colon: the grammar is explained.
        for f in [":x", "\"\":x"] {
            let e = ViewSpec::parse(&format!("view=bars&filter={f}")).unwrap_err();
            assert!(e.message.contains("schrijf kolom:waarde"), "{}", e.message);
        }
    }

    /// The page's column pickers: a column's condition replaced by the values checked, written
    /// as the fewer of kept or left out; the other columns' conditions kept; values with a
    /// separator of the grammar (as the catalogue writes them, between quotes) read as meant.
    #[test]
    fn a_columns_condition_is_replaced_by_the_values_checked() {
        use super::filter_with;
        use crate::format::Lang;
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let all = s(&["Wajong", "Wsw", "P-wet", "Praktijkroute"]);
        let w = |f: &str, checked: &[&str]| {
            filter_with(f, "subgroep", &s(checked), &all, Lang::Nl).unwrap()
        };
        assert_eq!(w("", &["Wsw"]), "subgroep:Wsw");
        assert_eq!(
            w("jaar:2019,subgroep:Wsw", &["Wsw", "Wajong"]),
            "jaar:2019,subgroep:Wajong|Wsw"
        );
        assert_eq!(
            w("subgroep:!Wsw", &["Wajong", "Wsw", "P-wet"]),
            "subgroep:!Praktijkroute"
        );
        // Every value or none: no condition on the column (the others stay).
        assert_eq!(w("subgroep:Wsw,jaar:2019", &[]), "jaar:2019");
        assert_eq!(
            w(
                "subgroep:Wsw,jaar:2019",
                &all.iter().map(String::as_str).collect::<Vec<_>>()
            ),
            "jaar:2019"
        );
        // Quoted names and values (as the catalogue writes them) read as meant.
        let odd = s(&["\"Bergen, NH\"", "Utrecht", "\"a|b\""]);
        let f = filter_with(
            "\"gemeente, oud\":Utrecht",
            "gemeente, oud",
            &s(&["\"Bergen, NH\""]),
            &odd,
            Lang::Nl,
        )
        .unwrap();
        assert_eq!(f, "\"gemeente, oud\":\"Bergen, NH\"");
        assert_eq!(
            super::parse_filter(&f, Lang::Nl).unwrap(),
            vec![super::RowFilter::keep("gemeente, oud", &["Bergen, NH"])]
        );
        // A filter the grammar refuses is an error, not a guess.
        assert!(filter_with("subgroep", "subgroep", &[], &all, Lang::Nl).is_err());
    }

    /// A name or value holding a separator of the grammar is written between quotes, and read
    /// back as it was: every such value can be picked.
    #[test]
    fn filter_values_with_separators_are_quoted_and_read_back() {
        let f = |c: &str, vs: &[&str], exclude| super::RowFilter {
            column: c.to_string(),
            values: vs.iter().map(|v| v.to_string()).collect(),
            exclude,
        };
        let odd = f(
            "gemeente, oud",
            &[
                "Bergen, NH",
                "a|b",
                "x:y",
                "!niet",
                "zeg \"ja\"",
                " rand ",
                "Utrecht",
            ],
            true,
        );
        let plain = f("kwartaal", &["2019K1"], false);
        let written = super::filter_query(&[odd.clone(), plain.clone()]);
        assert_eq!(
            written,
            "\"gemeente, oud\":!\"Bergen, NH\"|\"a|b\"|\"x:y\"|\"!niet\"|\"zeg \"\"ja\"\"\"|\" rand \"|Utrecht,kwartaal:2019K1"
        );
        let q = format!("view=line&filter={}", crate::spec::percent_encode(&written));
        let s = ViewSpec::parse(&q).unwrap();
        let Some(View::Line(l)) = s.view.as_ref() else {
            panic!("{:?}", s.view)
        };
        assert_eq!(l.enc.filter, vec![odd, plain]);
        // Written back the same, and unquoted values as before (a colon in a column's name).
        assert!(s
            .query(s.view.as_ref().unwrap(), &[])
            .contains(&crate::spec::percent_encode(&written)));
        let s = ViewSpec::parse("view=line&filter=a:b:c|d").unwrap();
        let Some(View::Line(l)) = s.view.as_ref() else {
            panic!("{:?}", s.view)
        };
        assert_eq!(l.enc.filter, vec![f("a:b", &["c", "d"], false)]);
        // An empty place in a list names nothing; quoted, the empty value is asked for.
        let s = ViewSpec::parse("view=line&filter=a:c||d|,b:\"\"|e,g:").unwrap();
        let Some(View::Line(l)) = s.view.as_ref() else {
            panic!("{:?}", s.view)
        };
        assert_eq!(
            l.enc.filter,
            vec![
                f("a", &["c", "d"], false),
                f("b", &["", "e"], false),
                f("g", &[""], false)
            ]
        );
    }
}
