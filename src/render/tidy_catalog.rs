//! The tidy views a table supports, for the page's view pickers: each view whose data can be
//! computed with its defaults, with its keys and the columns that fit each key (by role).

use crate::compute::tidy::frame::Frame;
use crate::compute::tidy::{area, bars, forest, line, stacked};
use crate::data::tidy::label_of;
use crate::data::Roles;
use crate::render::catalog::{Choice, KeyInfo, ViewInfo};
use crate::spec::tidy::DEFAULT_MIN_N;
use crate::spec::{AreaSpec, BarsSpec, Encoding, ForestSpec, LineSpec, Role, StackedSpec};
use crate::table::Table;

fn columns(roles: &Roles, want: &[Role]) -> Vec<Choice> {
    roles
        .columns
        .iter()
        .filter(|c| want.contains(&c.role))
        .map(|c| Choice {
            value: c.column.clone(),
            label: format!("{} ({})", label_of(&c.column), c.label),
        })
        .collect()
}

fn key(key: &'static str, label: &'static str, choices: Vec<Choice>) -> KeyInfo {
    KeyInfo {
        key,
        label,
        choices,
        default: None,
        when: None,
    }
}

/// Columns with more values than this get no picker for `filter=` (free input still works).
const MAX_FILTER_VALUES: usize = 500;

/// The `filter` key: every category or period column with its values, as `column:value`
/// choices. The page offers a picker per column not on the chart (all values, or one or more);
/// several values of one column are joined with `|` and columns with `,`
/// (`filter=subgroep:Wajong|Wsw,jaar:2019`).
fn filter_key(f: &Frame) -> KeyInfo {
    let mut choices = Vec::new();
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
        for (value, label) in values {
            choices.push(Choice {
                value: format!("{}:{value}", c.column),
                label: format!("{} = {label}", label_of(&c.column)),
            });
        }
    }
    key(
        "filter",
        "Alleen rijen met (kolom:waarde; meer waarden met |)",
        choices,
    )
}

/// The keys that say how rows on one point are combined: `per` (ratio of sums), `agg`.
fn combine_keys(roles: &Roles) -> Vec<KeyInfo> {
    vec![
        key(
            "per",
            "Per 100 van (verhouding van sommen)",
            columns(roles, &[Role::Count, Role::N]),
        ),
        KeyInfo {
            key: "agg",
            label: "Samenvoegen",
            choices: vec![
                Choice {
                    value: "sum".into(),
                    label: "Optellen".into(),
                },
                Choice {
                    value: "mean".into(),
                    label: "Ongewogen gemiddelde".into(),
                },
            ],
            default: None,
            when: None,
        },
    ]
}

const VALUES: &[Role] = &[
    Role::Percent,
    Role::Value,
    Role::Count,
    Role::N,
    Role::OddsRatio,
];
const GROUPS: &[Role] = &[Role::Category, Role::Time];

/// The tidy views of a table, natural view first; only views that can be drawn with their
/// defaults are offered. A key without a value means: chosen from the roles.
pub fn views(table: &Table) -> Vec<ViewInfo> {
    let roles = Roles::detect(table);
    let Ok(f) = Frame::new(table, &[], &[]) else {
        return Vec::new();
    };
    // The natural view is always offered, even when its defaults need a facet to compute.
    let natural = crate::compute::tidy::natural_view(table, &[])
        .ok()
        .map(|v| v.name());
    let is_natural = |name: &str| natural == Some(name);
    let enc = Encoding::default;
    let facet = || key("facet", "Kleine veelvouden per", columns(&roles, GROUPS));
    let filter = filter_key(&f);
    let n_key = || {
        key(
            "n",
            "Aantal personen (weegt percentages)",
            columns(&roles, &[Role::N, Role::Count]),
        )
    };
    let mut out = Vec::new();
    let line_spec = LineSpec {
        enc: enc(),
        index: false,
        highlight: None,
        n: None,
    };
    if line::compute(&f, &line_spec).is_ok() || is_natural("line") {
        out.push(ViewInfo {
            view: "line",
            label: "Lijnen over de tijd",
            keys: vec![
                key("x", "Tijd (horizontaal)", columns(&roles, &[Role::Time])),
                key("y", "Waarde", columns(&roles, VALUES)),
                key("series", "Een lijn per", columns(&roles, &[Role::Category])),
                facet(),
                KeyInfo {
                    key: "index",
                    label: "Index (eerste periode = 100)",
                    choices: vec![
                        Choice {
                            value: "0".into(),
                            label: "Nee".into(),
                        },
                        Choice {
                            value: "1".into(),
                            label: "Ja".into(),
                        },
                    ],
                    default: Some("0".into()),
                    when: None,
                },
                key("highlight", "Lijn uitlichten", vec![]),
                n_key(),
                filter.clone(),
            ]
            .into_iter()
            .chain(combine_keys(&roles))
            .collect(),
        });
    }
    let bars_spec = BarsSpec {
        enc: enc(),
        reference: None,
        highlight: None,
        sort: None,
        n: None,
    };
    if bars::compute(&f, &bars_spec, None).is_ok() || is_natural("bars") {
        out.push(ViewInfo {
            view: "bars",
            label: "Staven (gesorteerd of gegroepeerd)",
            keys: vec![
                key("x", "Categorie", columns(&roles, GROUPS)),
                key("y", "Waarde", columns(&roles, VALUES)),
                key("series", "Gegroepeerd per", columns(&roles, GROUPS)),
                facet(),
                key("ref", "Referentielijn (getal of categorie)", vec![]),
                key("highlight", "Categorie uitlichten", vec![]),
                KeyInfo {
                    key: "sort",
                    label: "Volgorde",
                    choices: [
                        ("desc", "Hoog naar laag"),
                        ("asc", "Laag naar hoog"),
                        ("none", "Als in het bestand"),
                    ]
                    .iter()
                    .map(|(v, l)| Choice {
                        value: v.to_string(),
                        label: l.to_string(),
                    })
                    .collect(),
                    default: None,
                    when: None,
                },
                n_key(),
                filter.clone(),
            ]
            .into_iter()
            .chain(combine_keys(&roles))
            .collect(),
        });
    }
    if stacked::compute(
        &f,
        &StackedSpec {
            enc: enc(),
            n: None,
        },
    )
    .is_ok()
        || is_natural("stacked")
    {
        out.push(ViewInfo {
            view: "stacked",
            label: "Verdeling (100%-staven)",
            keys: vec![
                key("x", "Een staaf per", columns(&roles, GROUPS)),
                key("y", "Aandeel of aantal", columns(&roles, VALUES)),
                key("series", "Verdeeld naar", columns(&roles, GROUPS)),
                facet(),
                n_key(),
                filter.clone(),
            ]
            .into_iter()
            .chain(combine_keys(&roles))
            .collect(),
        });
    }
    let area_spec = AreaSpec {
        enc: enc(),
        n: None,
        min_n: DEFAULT_MIN_N,
    };
    if area::compute(&f, &area_spec).is_ok() || is_natural("area") {
        out.push(ViewInfo {
            view: "area",
            label: "Verdeling over de tijd (vlakken)",
            keys: vec![
                key("x", "Tijd of volgorde", columns(&roles, &[Role::Time])),
                key("y", "Aandeel of aantal", columns(&roles, VALUES)),
                key(
                    "series",
                    "Verdeeld naar",
                    columns(&roles, &[Role::Category]),
                ),
                facet(),
                key(
                    "n",
                    "Aantal personen",
                    columns(&roles, &[Role::N, Role::Count]),
                ),
                KeyInfo {
                    key: "min_n",
                    label: "Markeer bij minder personen dan",
                    choices: vec![],
                    default: Some("100".into()),
                    when: None,
                },
                filter.clone(),
            ]
            .into_iter()
            .chain(combine_keys(&roles))
            .collect(),
        });
    }
    let forest_spec = ForestSpec {
        enc: enc(),
        dimension: None,
        term: None,
        reference: None,
        significance: None,
    };
    if forest::compute(&f, &forest_spec).is_ok() || is_natural("forest") {
        out.push(ViewInfo {
            view: "forest",
            label: "Odds ratio's (forest plot)",
            keys: vec![
                key("y", "Schatting", columns(&roles, VALUES)),
                key(
                    "series",
                    "Een kleur per model",
                    columns(&roles, &[Role::Category]),
                ),
                facet(),
                key("dimension", "Kenmerk", columns(&roles, &[Role::Category])),
                key("term", "Categorie", columns(&roles, &[Role::Category])),
                key(
                    "reference",
                    "Referentiecategorie",
                    columns(&roles, &[Role::Reference, Role::Category]),
                ),
                key(
                    "significance",
                    "Significantie",
                    columns(&roles, &[Role::Significance]),
                ),
                filter,
            ],
        });
    }
    // The natural view first, so the picker opens on what the table shows.
    if let Ok(v) = crate::compute::tidy::natural_view(table, &[]) {
        if let Some(k) = out.iter().position(|i| i.view == v.name()) {
            let first = out.remove(k);
            out.insert(0, first);
        }
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
        let v = views(&t);
        let names: Vec<&str> = v.iter().map(|i| i.view).collect();
        assert_eq!(names.first(), Some(&"stacked"));
        assert!(!names.contains(&"forest"));
        assert!(!names.contains(&"line"), "no time column: {names:?}");
        let y = v[0].keys.iter().find(|k| k.key == "y").unwrap();
        assert_eq!(y.choices[0].value, "aandeel");
    }

    #[test]
    fn every_view_offers_a_filter_per_category_with_its_values() {
        let t = crate::table::load(
            "t.csv",
            b"kwartaal,regio,subgroep,werkzaam,personen\n2019K1,A,Wajong,1,2\n2019K1,A,Wsw,3,4\n2019K2,B,Wajong,5,6\n",
        )
        .unwrap();
        let all = views(&t);
        assert!(
            all.len() >= 2,
            "{:?}",
            all.iter().map(|v| v.view).collect::<Vec<_>>()
        );
        for v in all {
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
            if v.view != "forest" {
                assert!(keys.contains(&"per") && keys.contains(&"agg"), "{keys:?}");
            }
        }
    }
}
