//! Boundaries of the labour-market regions (arbeidsmarktregio's) for the map view: decoding the
//! yearly TopoJSON editions in `data/geo/` ([`topojson`]), a projection that keeps the country's
//! proportions ([`project`]), and joining a data file's regions to the map's ([`names`]).
//!
//! The boundaries are not part of the main wasm bundle: the page fetches
//! `geo/arbeidsmarktregio_YYYY.topojson` when a map is opened and hands the bytes to
//! [`Boundaries::parse`]; natively [`bundled`] has every edition built in.

pub mod names;
pub mod project;
pub mod topojson;

#[cfg(not(target_arch = "wasm32"))]
pub mod bundled;

use crate::error::Result;
pub use names::{match_regions, DataRegion, MatchedBy, Matching, Pair};
pub use project::{BBox, Fit, Point};

/// The first and last yearly edition of the division in `data/geo/`.
pub const FIRST_EDITION: i32 = 2014;
pub const LAST_EDITION: i32 = 2025;

/// The attribution every map carries (CBS open data, CC BY 4.0).
pub const ATTRIBUTION: &str = "Kaart: CBS/PDOK, gebiedsindelingen (CC BY 4.0)";
/// [`ATTRIBUTION`] in English.
pub const ATTRIBUTION_EN: &str = "Map: CBS/PDOK, administrative boundaries (CC BY 4.0)";

/// A closed ring of projected points (first point not repeated at the end).
pub type Ring = Vec<Point>;
/// An exterior ring followed by its holes.
pub type Polygon = Vec<Ring>;

/// One region of an edition: its code (`AM01`), its name as the edition spells it and its
/// outline as projected polygons (kilometres east and north of the projection centre, see
/// [`project::project`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionShape {
    pub code: String,
    pub name: String,
    pub polygons: Vec<Polygon>,
    /// Where its label and hit target go, and the distance from there to the nearest edge, in
    /// km (see [`RegionShape::new`]).
    pub label: Option<(Point, f64)>,
}

impl RegionShape {
    /// A region with its label point computed: in its largest polygon, as far from the edges as
    /// a quick search finds (computed once here, not at every drawing).
    pub fn new(code: String, name: String, polygons: Vec<Polygon>) -> RegionShape {
        let label = polygons
            .iter()
            .max_by(|a, b| project::polygon_area(a).total_cmp(&project::polygon_area(b)))
            .and_then(|p| project::interior_point(p));
        RegionShape {
            code,
            name,
            polygons,
            label,
        }
    }

    /// The smallest box around all polygons (`None` for a region without any).
    pub fn bbox(&self) -> Option<BBox> {
        BBox::around(self.polygons.iter().flatten().flatten().copied())
    }

    /// Area in km², holes subtracted.
    pub fn area(&self) -> f64 {
        self.polygons.iter().map(|p| project::polygon_area(p)).sum()
    }

    /// A point well inside the region for its label and hit target and its distance to the
    /// nearest edge, in km.
    pub fn label_point(&self) -> Option<(Point, f64)> {
        self.label
    }
}

/// One edition of the division: its 35 regions, plus areas the edition assigns to no region
/// (`AM99` "Niet in te delen" in 2019-2020), kept apart so region counts stay 35.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    pub edition: i32,
    pub regions: Vec<RegionShape>,
    pub unassigned: Vec<RegionShape>,
}

impl Boundaries {
    /// Decodes the TopoJSON of `edition` (as fetched from `geo/` or read from `data/geo/`).
    /// Every defect of the file is an error, never a panic.
    pub fn parse(bytes: &[u8], edition: i32) -> Result<Boundaries> {
        topojson::decode(bytes, edition)
    }

    /// The box around every region and unassigned area.
    pub fn bbox(&self) -> Option<BBox> {
        BBox::around(
            self.regions
                .iter()
                .chain(&self.unassigned)
                .flat_map(|r| r.polygons.iter().flatten().flatten().copied()),
        )
    }

    /// The region with this code, if the edition has it.
    pub fn region(&self, code: &str) -> Option<&RegionShape> {
        self.regions.iter().find(|r| r.code == code)
    }
}

/// The editions in `data/geo/`, oldest first.
pub fn editions() -> impl Iterator<Item = i32> {
    FIRST_EDITION..=LAST_EDITION
}

/// The edition to draw data of `year` on: the latest edition not after the year, so a region
/// is drawn as it was then; years outside the editions get the nearest one.
pub fn edition_for_year(year: i32) -> i32 {
    editions()
        .filter(|e| *e <= year)
        .last()
        .unwrap_or(FIRST_EDITION)
}

/// The file name of an edition, as in `data/geo/` and under `geo/` on the page.
pub fn file_name(edition: i32) -> String {
    format!("arbeidsmarktregio_{edition}.topojson")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_is_latest_not_after_the_year() {
        assert_eq!(edition_for_year(2022), 2022);
        assert_eq!(edition_for_year(2017), 2017);
        assert_eq!(edition_for_year(2010), 2014);
        assert_eq!(edition_for_year(2031), 2025);
    }

    #[test]
    fn file_names_follow_the_data_folder() {
        assert_eq!(file_name(2019), "arbeidsmarktregio_2019.topojson");
    }
}
