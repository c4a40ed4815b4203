//! View data of the regional views (scatter, ranking, decomposition, trend, convergence, basics).

use super::Outlier;
use crate::format::{t, Lang};
use crate::spec::{Period, Subgroup};
use serde::Serialize;

/// How many count columns the regional file has (DICTIONARY.md).
pub const COUNT_COLUMNS: usize = 17;

/// The count columns of the regional file, in the order of the regional `Count` enum:
/// the canonical (English) column name, the Dutch label for tables, axes and error messages, the
/// English label. A chart of such a column (a tidy view of the built-in data) is titled by it.
pub const COUNT_NAMES: [(&str, &str, &str); COUNT_COLUMNS] = [
    (
        "register_persons_corrected",
        "personen in doelgroepregister (gecorrigeerd)",
        "persons in the target group register (corrected)",
    ),
    (
        "register_persons_uncorrected",
        "personen in doelgroepregister (niet gecorrigeerd)",
        "persons in the target group register (uncorrected)",
    ),
    (
        "register_wajong_corrected",
        "doelgroepregister Wajong (gecorrigeerd)",
        "register Wajong (corrected)",
    ),
    (
        "register_wajong_uncorrected",
        "doelgroepregister Wajong (niet gecorrigeerd)",
        "register Wajong (uncorrected)",
    ),
    ("register_wsw", "doelgroepregister WSW", "register WSW"),
    (
        "register_participatiewet",
        "doelgroepregister Participatiewet",
        "register Participatiewet",
    ),
    (
        "register_pw_praktijkroute",
        "doelgroepregister Praktijkroute",
        "register Praktijkroute",
    ),
    ("workers_total", "werkzame personen", "working persons"),
    (
        "workers_wajong",
        "werkzame personen Wajong",
        "working persons Wajong",
    ),
    (
        "workers_wsw",
        "werkzame personen WSW",
        "working persons WSW",
    ),
    (
        "workers_participatiewet",
        "werkzame personen Participatiewet",
        "working persons Participatiewet",
    ),
    (
        "workers_pw_praktijkroute",
        "werkzame personen Praktijkroute",
        "working persons Praktijkroute",
    ),
    (
        "workers_pw_other",
        "werkzame personen Participatiewet overig",
        "working persons Participatiewet other",
    ),
    ("jobs", "banen", "jobs"),
    (
        "werkkamer_indication",
        "indicatie Werkkamer",
        "Werkkamer indication",
    ),
    ("open_vacancies", "openstaande vacatures", "open vacancies"),
    ("new_vacancies", "ontstane vacatures", "new vacancies"),
];

/// The label of a column of the regional file by its canonical name (`register_wsw` ->
/// `doelgroepregister WSW`), in `lang`; also its identification columns (`region_area` ->
/// `landsdeel`). None for any other name.
#[cfg(feature = "full")]
pub fn column_label(column: &str, lang: Lang) -> Option<&'static str> {
    if let Some((_, nl, en)) = COUNT_NAMES.iter().find(|(name, _, _)| *name == column) {
        return Some(t(lang, nl, en));
    }
    let (nl, en) = match column {
        "region_id" => ("regiocode", "region code"),
        "row_type" => ("soort rij", "row type"),
        "region_area" => ("landsdeel", "area"),
        "region_group" => ("regiogroep", "region group"),
        _ => return None,
    };
    Some(t(lang, nl, en))
}

/// What an outlier stands out from: the trendline (residuals of the scatterplot) or the national
/// value (the bars of a ranking, the basics table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    Trend,
    National,
}

/// The words for an outlier class, the same in every view, table, tooltip and export:
/// `boven trend`, `sterk onder landelijk` / `above trend`, `strongly below national`.
pub fn outlier_word(o: Outlier, against: Against, lang: Lang) -> String {
    let side = match (o.is_up(), o.is_strong()) {
        (true, false) => t(lang, "boven", "above"),
        (true, true) => t(lang, "sterk boven", "strongly above"),
        (false, false) => t(lang, "onder", "below"),
        (false, true) => t(lang, "sterk onder", "strongly below"),
    };
    let from = match against {
        Against::Trend => t(lang, "trend", "trend"),
        Against::National => t(lang, "landelijk", "national"),
    };
    format!("{side} {from}")
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScatterPoint {
    pub region: String,
    /// x relative to national, %-points.
    pub x: f64,
    /// y relative to national, %-points.
    pub y: f64,
    pub residual: f64,
    pub outlier: Option<Outlier>,
    /// The region's own (absolute) values, %.
    pub x_value: f64,
    pub y_value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScatterData {
    pub view: &'static str,
    pub subgroup: Subgroup,
    /// `share` or `register_share`.
    pub x_measure: &'static str,
    pub from: Period,
    pub to: Period,
    pub k: f64,
    pub slope: f64,
    pub intercept: f64,
    pub r2: f64,
    pub r: f64,
    /// Population SD of the residuals.
    pub residual_sd: f64,
    /// National values (absolute, %) at the crossing of the axes.
    pub national_x: f64,
    pub national_y: f64,
    pub x_label: String,
    pub y_label: String,
    /// Short names of the measures on the axes, e.g. "Aandeel werkenden 2015" (tooltips, table).
    pub x_name: String,
    pub y_name: String,
    pub points: Vec<ScatterPoint>,
    pub excluded: Vec<Excluded>,
}

/// Parts of a stacked bar (the decomposition of Participatiewet growth), in % of the start count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Parts {
    pub praktijkroute: f64,
    pub pw_other: f64,
}

/// One bar: a region's value, its difference with national and its outlier class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub region: String,
    /// The region's own value (%, unrounded).
    pub value: f64,
    /// value minus national (%-points, unrounded).
    pub relative: f64,
    /// `up`, `down` or null.
    pub outlier: Option<Outlier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Parts>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankingData {
    pub view: &'static str,
    pub measure: &'static str,
    pub subgroup: Subgroup,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Period>,
    pub k: f64,
    /// National value (%), from the national totals.
    pub national: f64,
    /// Population SD of the regional values (%-points).
    pub sd: f64,
    /// What is ranked, in the view's language.
    pub label: String,
    pub bars: Vec<Bar>,
    pub excluded: Vec<Excluded>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecompositionData {
    pub view: &'static str,
    pub subgroup: &'static str,
    pub from: Period,
    pub to: Period,
    pub k: f64,
    /// National Praktijkroute share of the growth (%).
    pub national: f64,
    /// Population SD of the regional shares (%-points).
    pub sd: f64,
    /// National growth of working Participatiewet persons (%), and its parts.
    pub national_growth: f64,
    pub national_parts: Parts,
    /// In display order; `value` is the Praktijkroute share of the growth.
    pub bars: Vec<Bar>,
    pub excluded: Vec<Excluded>,
    /// True when a missing Praktijkroute count before 2017 was taken as 0.
    pub praktijkroute_from_zero: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub subgroup: Subgroup,
    pub label: String,
    /// One value per year of [`TrendData::years`]; null where the file has none.
    pub values: Vec<Option<f64>>,
}

impl Series {
    /// First and last years with a value, with those values.
    pub fn ends(&self, years: &[Period]) -> Option<((Period, f64), (Period, f64))> {
        let pts: Vec<(Period, f64)> = years
            .iter()
            .zip(&self.values)
            .filter_map(|(y, v)| v.map(|v| (*y, v)))
            .collect();
        let last = *pts.last()?;
        // In a file of quarters or months, the first at the point of the year where it ends
        // (`2015K4` to `2017K4`), as growths compare like with like; else the first.
        #[cfg(feature = "full")]
        let first = pts
            .iter()
            .find(|(p, _)| p.same_point_of_year(last.0))
            .or(pts.first());
        #[cfg(not(feature = "full"))]
        let first = pts.first();
        Some((*first?, last))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    pub name: String,
    pub national: bool,
    pub highlighted: bool,
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendData {
    pub view: &'static str,
    pub measure: &'static str,
    pub years: Vec<Period>,
    /// National series (series without any value are left out).
    pub national: Vec<Series>,
    /// The chosen region, when small multiples are drawn.
    pub region: Option<String>,
    /// National and every region, when a region is chosen.
    pub panels: Vec<Panel>,
    /// What the lines rest on beyond the file's figures (a national value summed over the
    /// regions that have one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ConvergenceData {
    /// The rows the reading compares: the first at the same point of the year as the last, and
    /// the last.
    pub fn compared(&self) -> (Option<&YearRow>, Option<&YearRow>) {
        let first = match self.compared_from {
            Some(p) => self.years.iter().find(|r| r.year == p),
            None => self.years.first(),
        };
        (first, self.years.last())
    }
}

impl TrendData {
    /// The periods the lines run over, for titles and the axis: `2015-2017`, `2015 K1 – 2017 K4`.
    pub fn span(&self, lang: Lang) -> String {
        let (first, last) = (self.years.first(), self.years.last());
        first
            .copied()
            .unwrap_or_default()
            .span(last.copied().unwrap_or_default(), lang)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: Period,
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
    /// The period the last is compared with when it is not the first (a file of quarters starting
    /// in `2015K1`: `2015K4` for `2017K4`, the same point of the year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared_from: Option<Period>,
    /// Years left out, with the reason.
    pub skipped: Vec<String>,
    pub excluded: Vec<Excluded>,
}

/// One measure: a value per region (aligned with [`BasicsData::regions`]), national and SD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub key: String,
    /// Name in the view's language, e.g. "Groei banen 2015-2017".
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
    /// Outlier class per region: relative value beyond k population SD of the regional values.
    pub outliers: Vec<Option<Outlier>>,
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
    pub from: Period,
    pub to: Period,
    pub regions: Vec<String>,
    pub measures: Vec<Measure>,
    pub correlations: Vec<Correlation>,
    /// The outlier threshold in SD the marks follow (`k=`; 1 unless asked).
    pub k: f64,
}

impl BasicsData {
    pub fn measure(&self, key: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.key == key)
    }
}

/// A region left out of a view, with the reason in the view's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    pub region: String,
    pub reason: String,
}
