//! The tidy views a table supports, for the page's view pickers: each view whose data can be
//! computed with its defaults.

use crate::compute::tidy::frame::Frame;
use crate::compute::tidy::{area, bars, forest, line, stacked};
use crate::spec::tidy::DEFAULT_MIN_N;
use crate::spec::{AreaSpec, BarsSpec, Encoding, ForestSpec, LineSpec, StackedSpec};
use crate::table::Table;

/// The tidy views a table supports, natural view first: only views that can be drawn with
/// their defaults are offered (their keys come from the schema, see [`super::catalog`]).
pub fn views(table: &Table) -> Vec<&'static str> {
    let Ok(f) = Frame::new(table, &[], &[]) else {
        return Vec::new();
    };
    // The natural view is always offered, even when its defaults need a facet to compute.
    let natural = crate::compute::tidy::natural_view(table, &[])
        .ok()
        .map(|v| v.name());
    let enc = Encoding::default;
    let mut out = Vec::new();
    let line_spec = LineSpec {
        enc: enc(),
        index: false,
        highlight: None,
    };
    if line::compute(&f, &line_spec).is_ok() || natural == Some("line") {
        out.push("line");
    }
    let bars_spec = BarsSpec {
        enc: enc(),
        reference: None,
        highlight: None,
        sort: None,
        n: None,
    };
    if bars::compute(&f, &bars_spec, None).is_ok() || natural == Some("bars") {
        out.push("bars");
    }
    if stacked::compute(&f, &StackedSpec { enc: enc() }).is_ok() || natural == Some("stacked") {
        out.push("stacked");
    }
    let area_spec = AreaSpec {
        enc: enc(),
        n: None,
        min_n: DEFAULT_MIN_N,
    };
    if area::compute(&f, &area_spec).is_ok() || natural == Some("area") {
        out.push("area");
    }
    let forest_spec = ForestSpec {
        enc: enc(),
        dimension: None,
        term: None,
        reference: None,
        significance: None,
    };
    if forest::compute(&f, &forest_spec).is_ok() || natural == Some("forest") {
        out.push("forest");
    }
    // The natural view first, so the picker opens on what the table shows.
    if let Some(k) = natural.and_then(|n| out.iter().position(|v| *v == n)) {
        let first = out.remove(k);
        out.insert(0, first);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distribution_offers_stacked_first_and_no_forest() {
        let t = crate::table::load(
            "t.csv",
            b"groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,30\nB,>12,70\n",
        )
        .unwrap();
        let names = views(&t);
        assert_eq!(names.first(), Some(&"stacked"));
        assert!(!names.contains(&"forest"));
        assert!(!names.contains(&"line"), "no time column: {names:?}");
        let ds = crate::render::Dataset::from_table(t).unwrap();
        let v = crate::render::catalog::catalog(&ds);
        let y = v[0].keys.iter().find(|k| k.key == "y").unwrap();
        assert_eq!(y.choices[0].value, "aandeel");
    }
}
