//! View data of the tidy views (line, bars, stacked, area, forest), and the label helpers their
//! charts and texts share.

use super::Roles;
use serde::Serialize;

/// The text shown for a missing or suppressed category.
pub const UNKNOWN: &str = "onbekend";

/// One point of a series: `y` is null where the cell is missing or the row is absent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub x: serde_json::Value,
    pub y: Option<f64>,
    /// The value in the file when `y` is derived from it (an index, or a share of a count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// A named series of points; `facet` names its panel when the view has small multiples.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    pub points: Vec<Point>,
}

/// A value on an ordered axis: the value as in the file, its label and its position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XValue {
    pub value: serde_json::Value,
    /// The value as a reader sees it: a period in words (`2019 K1`, `apr 2019`), else as written.
    pub label: String,
    pub pos: f64,
    /// The value as written in the file, which rows are matched on.
    #[serde(skip)]
    pub key: String,
}

/// A column name as a reader sees it on a chart: the Dutch word for the common English names of
/// published tables, otherwise the name with underscores as spaces (a CBS key as its words). Descriptions keep the real name.
pub fn label_of(column: &str) -> String {
    #[cfg(feature = "full")]
    if let Some(label) = super::regional::column_label(column.trim(), crate::format::Lang::Nl) {
        return label.to_string();
    }
    let dutch = match crate::case::lower(column.trim()).as_str() {
        "year" => "jaar",
        "quarter" => "kwartaal",
        "month" => "maand",
        "persons" | "people" => "personen",
        "share_pct" | "share" | "pct" | "percentage" => "aandeel",
        "subgroup" => "subdoelgroep",
        "group" => "groep",
        "hours_per_week" => "uren per week",
        "months_since_start" => "maanden sinds de start",
        "state" => "situatie",
        "odds_ratio" => "odds ratio",
        "dimension" => "kenmerk",
        "category" => "categorie",
        "reference" => "referentie",
        "significance" => "significantie",
        "region" => "regio",
        "responsible" => "verantwoordelijke",
        "count" | "n" => "aantal",
        _ => "",
    };
    if dutch.is_empty() {
        // In the full core a CBS key as words (`WerkzamePersonen_2` -> `werkzame personen`).
        #[cfg(feature = "full")]
        if let Some(words) = crate::case::cbs_key_words(column.trim()) {
            return words;
        }
        column.replace('_', " ")
    } else {
        dutch.to_string()
    }
}

/// A column name as a reader sees it, in `lang`: [`label_of`] in Dutch; in English the name with
/// underscores as spaces, and a few published names spelled out.
pub fn label_in(column: &str, lang: crate::format::Lang) -> String {
    if lang == crate::format::Lang::Nl {
        return label_of(column);
    }
    #[cfg(feature = "full")]
    if let Some(label) = super::regional::column_label(column.trim(), lang) {
        return label.to_string();
    }
    let english = match crate::case::lower(column.trim()).as_str() {
        "share_pct" | "pct" | "percentage" => "share",
        "months_since_start" => "months since the start",
        "n" => "number",
        _ => "",
    };
    if english.is_empty() {
        #[cfg(feature = "full")]
        if let Some(words) = crate::case::cbs_key_words(column.trim()) {
            return words;
        }
        column.replace('_', " ")
    } else {
        english.to_string()
    }
}

/// A label of percentages with the unit after it (`Aandeel (%)`), unless the label already
/// says it: a column called `Aandeel (%)` or `Percentage werkzaam` is not labelled twice.
pub fn with_percent_unit(label: String) -> String {
    if says_percent(&label) {
        label
    } else {
        format!("{label} (%)")
    }
}

/// Whether a label already says its numbers are percentages (`%`, `procent`, `percentage`,
/// `pct`). (`Aandeel` does not: a share may be a fraction.)
pub fn says_percent(label: &str) -> bool {
    let lower = crate::case::lower(label);
    label.contains('%')
        || lower.contains("procent")
        || lower.contains("percent")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "pct")
}

/// The text shown for a missing or suppressed category, in `lang`.
pub fn unknown_in(lang: crate::format::Lang) -> &'static str {
    crate::format::t(lang, UNKNOWN, "unknown")
}

/// A series or category name as shown: the core's [`UNKNOWN`] in `lang`, the file's names as
/// they are.
pub fn shown_name(name: &str, lang: crate::format::Lang) -> &str {
    if name == UNKNOWN {
        unknown_in(lang)
    } else {
        name
    }
}

/// The text with its first letter upper case (for titles made from column names).
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::case::upper_char(f) + c.as_str(),
        None => String::new(),
    }
}

/// Decimals to print values with: none for whole numbers, else one (two below 10 for ratios).
pub fn decimals(values: impl Iterator<Item = f64>) -> usize {
    let mut d = 0;
    for v in values {
        if (v * 10.0).fract().abs() > 1e-9 && (v * 10.0).fract().abs() < 1.0 - 1e-9 {
            return 2;
        }
        if v.fract().abs() > 1e-9 {
            d = 1;
        }
    }
    d
}

/// Whether a category label is the overall total of a table (`totaal`, `Nederland`,
/// `Totaal doelgroepen`, `Alle leeftijden`, `Landelijk`, `Mannen en vrouwen`, `Subtotaal`,
/// `Leeftijd totaal`, `Doelgroepregister`, ...).
pub fn is_total(label: &str) -> bool {
    let l = crate::case::lower(label.trim());
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let first = words.first().copied().unwrap_or("");
    let last = words.last().copied().unwrap_or("");
    let several = words.len() > 1;
    let basic = matches!(
        l.as_str(),
        "totaal"
            | "total"
            | "nederland"
            | "landelijk"
            | "alle"
            | "allen"
            | "all"
            | "overall"
            | "nl"
            | "alle personen"
            | "heel nederland"
    ) || (several && matches!(first, "totaal" | "total" | "alle" | "all"));
    // (The first core reads the built-in data only, whose totals are named plainly.)
    if basic || !cfg!(feature = "full") {
        return basic;
    }
    matches!(
        l.as_str(),
        "beide"
            | "both"
            | "beide geslachten"
            | "both sexes"
            | "iedereen"
            // CBS's code for the Netherlands in a column of region codes (`RegioS`)
            | "nl01"
            | "nl00"
    ) // The total of the target groups, as the regional reading names it (`Doelgroepregister`,
      // `Totaal banenafspraak`): one list of those names. Each of them holds one of these
      // words, so a text without them (a column of 300,000 remarks) is passed by at once.
        || (["tot", "all", "doelgroep", "banenafspraak"].iter().any(|w| l.contains(w))
            && crate::spec::Subgroup::from_label(label) == Some(crate::spec::Subgroup::Total))
        || matches!(
        words.as_slice(),
        ["mannen", "en", "vrouwen"]
            | ["vrouwen", "en", "mannen"]
            | ["man", "en", "vrouw"]
            | ["vrouw", "en", "man"]
            | ["man", "vrouw"]
            | ["men", "and", "women"]
            | ["male", "and", "female"]
    ) || matches!(
        l.as_str(),
        // A spreadsheet's pivot table: `Eindtotaal`, `Eindtotalen`, `Generaal totaal` (Excel
        // in Dutch), `Grand Total` (in English).
        "subtotaal" | "subtotal" | "eindtotaal" | "eindtotalen" | "totaal generaal" | "generaal totaal" | "grand total"
            // and a sum named so (`Som`, `Sum`, `Totalen`)
            | "som" | "sum" | "totalen" | "totals"
    )
        // `Leeftijd totaal`, `Nederland (totaal)`: a total of a dimension, not of one category
        // (`Participatiewet totaal` is a part's subtotal).
        || (several
            && matches!(last, "totaal" | "total")
            && words[..words.len() - 1].iter().all(|w| {
                matches!(
                    *w,
                    "nederland" | "leeftijd" | "leeftijden" | "geslacht" | "geslachten"
                        | "gemeente" | "gemeenten" | "regio" | "regios" | "s"
                        | "arbeidsmarktregio" | "arbeidsmarktregios" | "doelgroep"
                        | "doelgroepen" | "mannen" | "vrouwen" | "en" | "personen" | "nl"
                        | "age" | "ages" | "sex" | "gender"
                )
            }))
}

/// The numbers a band label spans, low and high (`15-26`, `15 tot 27 jaar`: 15 to 26 or 27;
/// `45+`, `45 jaar en ouder`: 45 and up; `tot 27`, `<27`: up to 27, from wherever the others
/// start); `None` for any other label.
#[cfg(feature = "full")]
pub fn band_span(label: &str) -> Option<(f64, f64)> {
    let lower = crate::case::lower(label.trim());
    let mut numbers: Vec<f64> = Vec::new();
    let mut rest = String::new();
    let mut digits = String::new();
    for c in lower.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            numbers.push(digits.parse().ok()?);
            digits.clear();
        }
        if !c.is_whitespace() {
            rest.push(c);
        }
    }
    for unit in ["jaar", "jr", "years", "year", "uur", "hours"] {
        rest = rest.replace(unit, "");
    }
    match (numbers.as_slice(), rest.as_str()) {
        ([a, b], "-" | "–" | "tot" | "t/m" | "totenmet" | "to") if a <= b => Some((*a, *b)),
        (
            [a],
            "+" | "enouder" | "ofouder" | "enmeer" | "ofmeer" | "vanaf" | "plus" | "-plus" | ">="
            | "≥" | "andover" | "andolder" | "ormore",
        ) => Some((*a, f64::INFINITY)),
        ([a], "tot" | "<" | "onder" | "jongerdan" | "under" | "upto" | "<=" | "≤" | "t/m") => {
            Some((f64::NEG_INFINITY, *a))
        }
        _ => None,
    }
}

/// Whether band `outer` holds band `inner` (see [`band_span`]; an open low end, `tot 27`, starts
/// wherever the other does).
#[cfg(feature = "full")]
pub fn band_holds(outer: (f64, f64), inner: (f64, f64)) -> bool {
    (inner.0 == f64::NEG_INFINITY || outer.0 <= inner.0) && inner.1 <= outer.1
}

/// Per value of a column (its distinct texts, `values`), whether it is the band that holds all
/// the others: `15 jaar en ouder` beside `15-26` and `27 en ouder`, `15-64` beside `15-26` and
/// `27-64`. Every other value is a band it holds (or a total by its words), two at least. Each
/// label is read once; a column of bands has a few dozen values, not hundreds, and a longer one
/// is not looked at.
#[cfg(feature = "full")]
pub fn bands_holding_the_others<S: AsRef<str>>(values: &[S]) -> Vec<bool> {
    let mut out = vec![false; values.len()];
    if values.len() > 100 {
        return out;
    }
    let spans: Vec<Option<(f64, f64)>> = values.iter().map(|t| band_span(t.as_ref())).collect();
    for (k, outer) in spans.iter().enumerate() {
        let Some(outer) = *outer else { continue };
        let mut held = 0;
        let all = spans
            .iter()
            .zip(values)
            .enumerate()
            .filter(|&(o, _)| o != k)
            .all(|(_, (inner, t))| match inner {
                Some(inner) if band_holds(outer, *inner) => {
                    held += 1;
                    true
                }
                _ => is_total(t.as_ref()),
            });
        out[k] = all && held >= 2;
    }
    out
}

#[cfg(test)]
mod total_tests {
    use super::is_total;

    #[cfg(feature = "full")]
    #[test]
    fn bands_span_their_numbers() {
        use super::band_span;
        let inf = f64::INFINITY;
        assert_eq!(band_span("15-26"), Some((15.0, 26.0)));
        assert_eq!(band_span("15 tot 27 jaar"), Some((15.0, 27.0)));
        assert_eq!(band_span("45+"), Some((45.0, inf)));
        assert_eq!(band_span("15 jaar en ouder"), Some((15.0, inf)));
        assert_eq!(band_span("65-plus"), Some((65.0, inf)));
        assert_eq!(band_span("tot 27 jaar"), Some((f64::NEG_INFINITY, 27.0)));
        for other in ["Twente", "2015", "26-15", "Wajong", "15 - 26 - 30"] {
            assert_eq!(band_span(other), None, "{other}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn the_band_that_holds_the_others_is_their_total() {
        use super::bands_holding_the_others;
        let spans_the_others = |values: &[&str], k: usize| bands_holding_the_others(values)[k];
        let ages = ["15-26", "27 en ouder", "15 jaar en ouder", "Totaal"];
        assert!(spans_the_others(&ages, 2));
        assert!(!spans_the_others(&ages, 0) && !spans_the_others(&ages, 1));
        // Beside a value that is no band, or one other band only: no total by its span.
        assert!(!spans_the_others(
            &["15-26", "27-64", "15-64", "onbekend"],
            2
        ));
        assert!(!spans_the_others(&["15-26", "15-64"], 1));
        assert!(!spans_the_others(&["15-26", "27-44", "45+"], 2));
    }

    #[test]
    fn totals_as_files_write_them() {
        for t in [
            "Totaal",
            "Totaal doelgroepen",
            "Alle leeftijden",
            "Mannen en vrouwen",
            "Beide geslachten",
            "Man/vrouw",
            "Subtotaal",
            "Leeftijd totaal",
            "Nederland (totaal)",
            "Doelgroepregister",
            "Totaal arbeidsmarktregio's",
            "Eindtotaal",
            "Generaal totaal",
            "Grand Total",
        ] {
            assert!(is_total(t), "{t}");
        }
        for t in [
            "Participatiewet totaal",
            "Wajong",
            "Man",
            "15-26 jaar",
            "Subtotaal Participatiewet",
            "Groningen",
        ] {
            assert!(!is_total(t), "{t}");
        }
    }
}

/// What a view combined when the file has more rows than the view has points
/// (`aggregated` in the view data; absent when every point is one row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregation {
    /// The columns rows were combined over (not on the chart, differing within a point).
    pub over: Vec<String>,
    /// Rows that went in, and points that came out.
    pub rows: usize,
    pub points: usize,
    /// `sum`, `ratio` (100 x sum(y) / sum(per)), `weighted_mean` (weighted with `weight`) or
    /// `mean` (unweighted, asked for with `agg=mean`).
    pub method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// Total rows used instead of their parts, as `column = value`.
    pub totals: Vec<String>,
    /// The period shown when the file has several and the view shows none (`jaar = 2019`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// True for `agg=mean`: the chart says the mean is unweighted.
    pub unweighted: bool,
    /// The Dutch lines the view shows about it ("Opgeteld over gemeente en leeftijd: 1.000
    /// rijen -> 40 punten").
    pub notes: Vec<String>,
}

/// The number of persons behind the shares at one x (of one panel).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NPoint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    pub x: serde_json::Value,
    pub n: Option<f64>,
    /// Fewer persons than `min_n`: the shares are uncertain.
    pub small: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaData {
    pub view: &'static str,
    pub x: String,
    pub y: String,
    pub series_column: String,
    pub facet_column: Option<String>,
    pub n_column: Option<String>,
    pub min_n: f64,
    pub x_values: Vec<XValue>,
    /// Categories from bottom to top; `onbekend` last when a share is missing.
    pub categories: Vec<String>,
    pub facets: Vec<String>,
    /// One series per category and panel; `points[k]` belongs to `x_values[k]`; `y` in %.
    pub series: Vec<Series>,
    pub n: Vec<NPoint>,
    pub converted: bool,
    pub decimals: usize,
    pub notes: Vec<String>,
    pub roles: Roles,
    /// Rows combined per point, when the file has more rows than the view has points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregated: Option<Aggregation>,
}

/// A reference value for one panel and series (both `None` for a single fixed number).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefLine {
    /// What the line is: the number, or the category whose value it is.
    pub label: String,
    /// The category drawn as the line (and so not as a bar).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub values: Vec<RefValue>,
}

/// The number of persons behind one bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarN {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    pub category: String,
    pub n: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarsData {
    pub view: &'static str,
    pub x: String,
    pub y: String,
    pub series_column: Option<String>,
    pub facet_column: Option<String>,
    pub y_label: String,
    /// Categories from top to bottom.
    pub categories: Vec<String>,
    /// How many categories the data has, when there were more than a chart shows (only the
    /// first [`crate::compute::tidy::bars::MAX_BARS`] in the chart's order are in `categories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories_total: Option<usize>,
    pub facets: Vec<String>,
    /// One series per value of the series column (or one named after `y`); points follow
    /// `categories`.
    pub series: Vec<Series>,
    pub reference: Option<RefLine>,
    pub highlight: Option<String>,
    pub sort: &'static str,
    /// The column with the number of persons per bar, written beside the bars.
    pub n_column: Option<String>,
    pub n: Vec<BarN>,
    pub percent: bool,
    pub decimals: usize,
    pub notes: Vec<String>,
    pub roles: Roles,
    /// Rows combined per point, when the file has more rows than the view has points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregated: Option<Aggregation>,
    /// Bars of a series at a category the file has no row for (not an empty cell: no bar, and
    /// not "unknown" either).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub no_row: Vec<BarN>,
    /// The series column belongs to the categories (one value at each): one bar per category,
    /// in its series' colour.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub one_per_category: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForestRow {
    pub model: Option<String>,
    pub dimension: String,
    pub category: String,
    pub reference: Option<String>,
    pub estimate: Option<f64>,
    /// The marker as in the file (`**`, `*`), or derived from a p-value; `None` when absent.
    pub significance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    pub name: String,
    /// The reference category (several joined with " / " when models differ).
    pub reference: Option<String>,
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForestData {
    pub view: &'static str,
    pub y: String,
    pub series_column: Option<String>,
    pub facet_column: Option<String>,
    pub dimension_column: Option<String>,
    pub term_column: String,
    pub reference_column: Option<String>,
    pub significance_column: Option<String>,
    pub y_label: String,
    /// Estimates are ratios drawn on a log scale with a line at 1.
    pub log: bool,
    pub models: Vec<String>,
    pub facets: Vec<String>,
    pub dimensions: Vec<Dimension>,
    /// One series per model (and panel); points follow the terms of `dimensions` in order.
    pub series: Vec<Series>,
    pub rows: Vec<ForestRow>,
    pub decimals: usize,
    pub notes: Vec<String>,
    pub roles: Roles,
}

/// How many stars a significance marker stands for: 2 for `**` or more, 1 for `*`, else 0.
pub fn stars(s: Option<&str>) -> usize {
    s.map(|s| s.chars().filter(|c| *c == '*').count().min(2))
        .unwrap_or(0)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineData {
    pub view: &'static str,
    pub x: String,
    pub y: String,
    pub series_column: Option<String>,
    pub facet_column: Option<String>,
    pub index: bool,
    pub x_label: String,
    pub y_label: String,
    /// The x values in axis order; `points[k]` of every series belongs to `x_values[k]`.
    pub x_values: Vec<XValue>,
    pub facets: Vec<String>,
    pub series: Vec<Series>,
    /// How many lines the data has, when there were more than a chart shows (only the first
    /// [`crate::compute::tidy::line::MAX_LINES`] by their last value are in `series`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series_total: Option<usize>,
    pub percent: bool,
    pub decimals: usize,
    pub notes: Vec<String>,
    pub roles: Roles,
    /// Series drawn dashed (a reference such as the national value beside a region).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dashed: Vec<String>,
    /// Rows combined per point, when the file has more rows than the view has points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregated: Option<Aggregation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupInfo {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    /// Sum of the known shares (after conversion: 100 when any value is known).
    pub sum: f64,
    /// The group total, when counts were converted to shares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// Categories with a missing value in this group.
    pub unknown: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StackedData {
    pub view: &'static str,
    pub x: String,
    pub y: String,
    pub series_column: String,
    pub facet_column: Option<String>,
    /// Groups (bars) from top to bottom.
    pub groups: Vec<GroupInfo>,
    /// Categories in stacking order (left to right); `onbekend` last when a share is missing.
    pub categories: Vec<String>,
    pub facets: Vec<String>,
    /// One series per category (and facet); points follow the groups, `y` is the share in %.
    pub series: Vec<Series>,
    /// Whether the values were counts converted to shares.
    pub converted: bool,
    /// Whether the filter left parts of the distribution out (`filter=` on the series column):
    /// the shares are the file's, and a bar adds up to less than 100.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub left_out: bool,
    pub decimals: usize,
    pub notes: Vec<String>,
    pub roles: Roles,
    /// Rows combined per point, when the file has more rows than the view has points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregated: Option<Aggregation>,
}
