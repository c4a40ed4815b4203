//! View data of the views about places: the map of the regions, one region's profile and
//! regions side by side.

use super::regional::{Excluded, ScatterPoint};
use super::Outlier;
use crate::spec::Period;
use crate::spec::Subgroup;
use serde::Serialize;

/// One region of the map: its value, its difference from the reference (national, or the
/// trend for residuals) and its outlier class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapEntry {
    /// The data's spelling of the region.
    pub region: String,
    /// The edition's code (`AM01`).
    pub code: String,
    /// `None`: the region is on the map but has no value (drawn as "geen gegevens").
    pub value: Option<f64>,
    pub relative: Option<f64>,
    pub outlier: Option<Outlier>,
}

/// `view=map`: the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapView {
    pub view: &'static str,
    /// The edition of the division the regions are drawn on.
    pub edition: i32,
    /// `growth`, `share`, `register_share` or `residual`.
    pub measure: &'static str,
    pub subgroup: Subgroup,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Period>,
    /// `relative` (difference from national, diverging colours) or `absolute` (levels).
    pub scale: &'static str,
    pub k: f64,
    /// The national value (for residuals: the national growth, the scatter's crossing).
    pub national: Option<f64>,
    /// Population SD of the regional values (of the residuals for `residual`), %-points.
    pub sd: f64,
    /// What is mapped, in the description's language.
    pub label: String,
    /// Regions on the map, in the data's alphabetical order.
    pub regions: Vec<MapEntry>,
    /// Regions of the file not on the map.
    pub unmatched: Vec<String>,
    /// Regions of the map without a value (the edition's names).
    pub missing: Vec<String>,
    pub excluded: Vec<Excluded>,
}

/// A point of a series over the periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XY {
    /// The period.
    pub x: Period,
    /// `None` where the file has no value.
    pub y: Option<f64>,
}

/// A region's (or the national) values of one measure over the periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceSeries {
    /// The region, or "Landelijk" / "National".
    pub name: String,
    pub national: bool,
    /// `share`, `growth`, `register_share`, `workers`, `register`.
    pub measure: &'static str,
    pub subgroup: Subgroup,
    pub points: Vec<XY>,
}

/// The region's place among the regions in one period (1 = highest value).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankPoint {
    pub period: Period,
    pub rank: Option<usize>,
    /// Regions with a value that period.
    pub of: usize,
    pub value: Option<f64>,
}

/// `view=profile`: the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileData {
    pub view: &'static str,
    /// The region as the file spells it.
    pub region: String,
    /// The region as it was asked for (`region=`).
    pub asked: String,
    /// Whether only part of the name was given.
    pub partial: bool,
    pub subgroup: Subgroup,
    pub periods: Vec<Period>,
    /// Share working per subgroup, then growth since the first period: the region and the
    /// national value of each.
    pub series: Vec<PlaceSeries>,
    /// The rank of the region's share working (of `subgroup`) per period.
    pub rank: Vec<RankPoint>,
    /// Where the region stands in the scatterplot of the whole period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scatter: Option<ScatterPoint>,
}

/// A region looked up from a part of its name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub asked: String,
    pub region: String,
    /// Whether only part of the name (or a city in it) was given.
    pub partial: bool,
}

/// `view=compare`: the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareData {
    pub view: &'static str,
    pub measure: &'static str,
    pub subgroup: Subgroup,
    pub scale: &'static str,
    /// `%`, `%-punt` or `personen` (`persons`).
    pub unit: String,
    pub label: String,
    pub periods: Vec<Period>,
    pub regions: Vec<Found>,
    /// One series per region, then the national one.
    pub series: Vec<PlaceSeries>,
}
