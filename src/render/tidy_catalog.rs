//! The tidy views a table supports, for the page's view pickers: each view whose data can be
//! computed with its defaults.

use super::catalog::Choice;
use crate::compute::tidy::frame::Frame;
use crate::compute::tidy::{area, bars, forest, line, stacked};
use crate::data::tidy::label_of;
use crate::spec::tidy::{written, DEFAULT_MIN_N};
use crate::spec::Role;
use crate::spec::{AreaSpec, BarsSpec, Encoding, ForestSpec, LineSpec, StackedSpec};
use crate::table::Table;

/// Columns with more values than this get no picker for `filter=` (free input still works).
const MAX_FILTER_VALUES: usize = 500;

/// A column the `filter` key can filter on, with its values.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FilterColumn {
    /// The column's name.
    pub column: String,
    /// The column's name as `filter=` writes it before `:` (between quotes when it holds a
    /// `,`, `|`, `:` or `"`; see [`crate::spec::tidy::written`]).
    pub written: String,
    /// The column's label.
    pub label: String,
    /// Its values: `value` as written after `column:` (`"Bergen, NH"` between quotes, as
    /// [`crate::spec::tidy::written`] writes it), `label` as shown (`2019 K1`, `Bergen, NH`).
    pub values: Vec<Choice>,
}

/// The `filter` key: every category or period column with its values. The page offers a picker
/// per column not on the chart (all values, or one or more, or all but some); several values of
/// one column are joined with `|` and columns with `,` (`filter=subgroep:Wajong|Wsw,jaar:2019`,
/// `filter=regio:!Landelijk`).
fn filter_key(f: &Frame) -> Vec<FilterColumn> {
    let mut columns = Vec::new();
    for (j, c) in f.roles.columns.iter().enumerate() {
        if !matches!(c.role, Role::Category | Role::Time | Role::Reference)
            || c.distinct < 2
            || c.distinct > MAX_FILTER_VALUES
        {
            continue;
        }
        let values = if c.role == Role::Time {
            f.x_values(j)
                .into_iter()
                .map(|x| (x.key, x.label))
                .collect::<Vec<_>>()
        } else {
            f.distinct(j).into_iter().map(|v| (v.clone(), v)).collect()
        };
        columns.push(FilterColumn {
            column: c.column.clone(),
            written: written(&c.column),
            label: label_of(&c.column),
            values: values
                .into_iter()
                .map(|(value, label)| Choice {
                    value: written(&value),
                    label,
                })
                .collect(),
        });
    }
    columns
}

/// The `filter` columns of a table (see [`filter_key`]); none when it has no tidy frame.
pub fn filter_columns(table: &Table, roles: &crate::data::Roles) -> Vec<FilterColumn> {
    match Frame::with_roles(table, roles.clone(), &[], crate::format::Lang::Nl) {
        Ok(f) => filter_key(&f),
        Err(_) => Vec::new(),
    }
}

/// The `filter` columns as `column:value` choices, labelled `column = value`.
pub fn flat(columns: &[FilterColumn]) -> Vec<Choice> {
    columns
        .iter()
        .flat_map(|c| {
            c.values.iter().map(move |v| Choice {
                value: format!("{}:{}", c.written, v.value),
                label: format!("{} = {}", c.label, v.label),
            })
        })
        .collect()
}

/// The tidy views, in the order the page offers them (after the natural view).
const TIDY_VIEWS: [&str; 5] = ["line", "bars", "stacked", "area", "forest"];

/// The tidy views a table supports, natural view first: only views that can be drawn with
/// their defaults are offered (their keys come from the schema, see [`super::catalog`]).
pub fn views(table: &Table, roles: &crate::data::Roles) -> Vec<&'static str> {
    let Some((f, natural)) = frame(table, roles) else {
        return Vec::new();
    };
    let mut out: Vec<&'static str> = TIDY_VIEWS
        .into_iter()
        .filter(|v| offered(&f, v, natural))
        .collect();
    // The natural view first, so the picker opens on what the table shows.
    if let Some(k) = natural.and_then(|n| out.iter().position(|v| *v == n)) {
        let first = out.remove(k);
        out.insert(0, first);
    }
    out
}

/// Whether [`views`] offers `view`, working out that one view only.
pub fn offers(table: &Table, roles: &crate::data::Roles, view: &str) -> bool {
    frame(table, roles).is_some_and(|(f, natural)| offered(&f, view, natural))
}

/// The table's tidy frame and its natural view.
fn frame<'a>(
    table: &'a Table,
    roles: &crate::data::Roles,
) -> Option<(Frame<'a>, Option<&'static str>)> {
    let f = Frame::with_roles(table, roles.clone(), &[], crate::format::Lang::Nl).ok()?;
    let natural = crate::compute::tidy::natural_view_from(table, roles, crate::format::Lang::Nl)
        .ok()
        .map(|v| v.name());
    Some((f, natural))
}

/// Whether a tidy view is offered: it can be drawn with its defaults, or it is the natural view
/// (always offered, even when its defaults need a facet to compute).
fn offered(f: &Frame, view: &str, natural: Option<&str>) -> bool {
    if natural == Some(view) {
        return true;
    }
    let enc = Encoding::default;
    match view {
        "line" => line::compute(
            f,
            &LineSpec {
                enc: enc(),
                index: false,
                highlight: None,
                n: None,
            },
        )
        .is_ok(),
        "bars" => bars::compute(
            f,
            &BarsSpec {
                enc: enc(),
                reference: None,
                highlight: None,
                sort: None,
                n: None,
            },
            None,
        )
        .is_ok(),
        "stacked" => stacked::compute(
            f,
            &StackedSpec {
                enc: enc(),
                n: None,
            },
        )
        .is_ok(),
        "area" => area::compute(
            f,
            &AreaSpec {
                enc: enc(),
                n: None,
                min_n: DEFAULT_MIN_N,
            },
        )
        .is_ok(),
        "forest" => forest::compute(
            f,
            &ForestSpec {
                enc: enc(),
                dimension: None,
                term: None,
                reference: None,
                significance: None,
            },
        )
        .is_ok(),
        _ => false,
    }
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
        let names = views(&t, &crate::data::Roles::detect(&t));
        assert_eq!(names.first(), Some(&"stacked"));
        assert!(!names.contains(&"forest"));
        assert!(!names.contains(&"line"), "no time column: {names:?}");
        let ds = crate::render::Dataset::from_table(t).unwrap();
        let v = crate::render::catalog::catalog(&ds);
        let y = v[0].keys.iter().find(|k| k.key == "y").unwrap();
        assert_eq!(y.choices[0].value, "aandeel");
    }

    #[test]
    fn values_with_the_grammars_separators_are_listed_between_quotes() {
        let t = crate::table::load(
            "t.csv",
            b"jaar,gemeente,n\n2019,Bergen (L.),1\n2019,\"Bergen, NH\",2\n2019,Utrecht,3\n2020,Utrecht,4\n",
        )
        .unwrap();
        let f = Frame::with_roles(
            &t,
            crate::data::Roles::detect(&t),
            &[],
            crate::format::Lang::Nl,
        )
        .unwrap();
        let cols = filter_key(&f);
        let g = cols.iter().find(|c| c.column == "gemeente").unwrap();
        let values: Vec<&str> = g.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["Bergen (L.)", "\"Bergen, NH\"", "Utrecht"]);
        let labels: Vec<&str> = g.values.iter().map(|v| v.label.as_str()).collect();
        assert_eq!(labels, ["Bergen (L.)", "Bergen, NH", "Utrecht"]);
        // The value as written picks its rows.
        let ds = crate::render::Dataset::from_table(t).unwrap();
        let spec = format!("view=bars&x=jaar&y=n&filter=gemeente:{}|Utrecht", values[1]);
        let r = crate::render::render_query(&ds, &spec).unwrap();
        let ys: Vec<f64> = r.data["series"][0]["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["y"].as_f64().unwrap())
            .collect();
        assert_eq!(ys, [5.0, 4.0], "{}", r.data);
    }

    #[test]
    fn every_view_offers_a_filter_per_category_with_its_values() {
        let t = crate::table::load(
            "t.csv",
            b"kwartaal,regio,subgroep,werkzaam,personen\n2019K1,A,Wajong,1,2\n2019K1,A,Wsw,3,4\n2019K2,B,Wajong,5,6\n",
        )
        .unwrap();
        let ds = crate::render::Dataset::from_table(t).unwrap();
        let all = crate::render::catalog::catalog(&ds);
        assert!(
            all.len() >= 2,
            "{:?}",
            all.iter().map(|v| v.view).collect::<Vec<_>>()
        );
        for v in all
            .into_iter()
            .filter(|v| crate::spec::schema::view(v.view).is_some_and(|d| !d.regional))
        {
            let keys: Vec<&str> = v.keys.iter().map(|k| k.key).collect();
            let f = v.keys.iter().find(|k| k.key == "filter");
            let f = f.unwrap_or_else(|| panic!("{}: {keys:?}", v.view));
            let values: Vec<&str> = f.choices.iter().map(|c| c.value.as_str()).collect();
            assert_eq!(
                values,
                [
                    "kwartaal:2019K1",
                    "kwartaal:2019K2",
                    "regio:A",
                    "regio:B",
                    "subgroep:Wajong",
                    "subgroep:Wsw"
                ],
                "{}",
                v.view
            );
            assert_eq!(f.choices[0].label, "kwartaal = 2019 K1");
            // The same per column, for a picker per column.
            let columns: Vec<(&str, Vec<(&str, &str)>)> = f
                .columns
                .iter()
                .map(|c| {
                    (
                        c.column.as_str(),
                        c.values
                            .iter()
                            .map(|v| (v.value.as_str(), v.label.as_str()))
                            .collect(),
                    )
                })
                .collect();
            assert_eq!(
                columns,
                [
                    (
                        "kwartaal",
                        vec![("2019K1", "2019 K1"), ("2019K2", "2019 K2")]
                    ),
                    ("regio", vec![("A", "A"), ("B", "B")]),
                    ("subgroep", vec![("Wajong", "Wajong"), ("Wsw", "Wsw")]),
                ],
                "{}",
                v.view
            );
            if v.view != "forest" {
                assert!(keys.contains(&"per") && keys.contains(&"agg"), "{keys:?}");
            }
        }
    }
}
