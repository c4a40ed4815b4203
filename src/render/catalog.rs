//! The catalogue of views a dataset supports, with the keys of each view and their allowed values,
//! so the page builds its pickers from the core instead of knowing every view itself.

use super::Dataset;
use crate::spec::Subgroup;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyInfo {
    /// The key in the view description.
    pub key: &'static str,
    /// Dutch label for the picker.
    pub label: &'static str,
    /// Allowed values; empty for free input.
    pub choices: Vec<Choice>,
    /// The value used when the key is absent.
    pub default: Option<String>,
    /// The key applies only when another key has one of these values, e.g. `year` only for
    /// `measure=share`; the page hides (and drops) it otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<(&'static str, Vec<&'static str>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewInfo {
    pub view: &'static str,
    pub label: &'static str,
    pub keys: Vec<KeyInfo>,
}

fn choices<T: ToString>(values: impl IntoIterator<Item = (T, String)>) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(v, l)| Choice {
            value: v.to_string(),
            label: l,
        })
        .collect()
}

fn subgroups(gs: &[Subgroup]) -> KeyInfo {
    KeyInfo {
        key: "subgroup",
        label: "Deelgroep",
        choices: choices(gs.iter().map(|g| (g.key(), capitalise(g.label())))),
        default: Some("total".into()),
        when: None,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::case::upper_char(f) + c.as_str(),
        None => String::new(),
    }
}

fn years(
    key: &'static str,
    label: &'static str,
    ys: &[crate::spec::Period],
    default: Option<crate::spec::Period>,
) -> KeyInfo {
    KeyInfo {
        key,
        label,
        choices: choices(ys.iter().map(|y| (y, y.label()))),
        default: default.map(|d| d.to_string()),
        when: None,
    }
}

/// The views the dataset supports, in the order the page offers them.
pub fn catalog(ds: &Dataset) -> Vec<ViewInfo> {
    let mut out = Vec::new();
    if let Some(d) = &ds.regional {
        let ys = &d.years;
        let first = ys.first().copied();
        let last = ys.last().copied();
        let k = || KeyInfo {
            key: "k",
            label: "Drempel uitschieters (k × sd)",
            choices: vec![],
            default: Some("1".into()),
            when: None,
        };
        let from = || years("from", "Van", &ys[..ys.len().saturating_sub(1)], first);
        let to = || years("to", "Tot en met", ys.get(1..).unwrap_or(&[]), last);
        let main4 = [
            Subgroup::Total,
            Subgroup::Wajong,
            Subgroup::Wsw,
            Subgroup::Participatiewet,
        ];
        out.push(ViewInfo {
            view: "scatter",
            label: "Spreidingsdiagram: aandeel en groei",
            keys: vec![
                subgroups(&main4),
                from(),
                to(),
                KeyInfo {
                    key: "x",
                    label: "Horizontale as",
                    choices: choices([
                        ("share", "Aandeel werkenden".to_string()),
                        ("register_share", "Aandeel in het register".to_string()),
                    ]),
                    default: Some("share".into()),
                    when: None,
                },
                k(),
            ],
        });
        let growth_only = |mut k: KeyInfo| {
            k.when = Some(("measure", vec!["growth"]));
            k
        };
        let mut year = years("year", "Jaar", ys, None);
        year.when = Some(("measure", vec!["share", "register_share"]));
        out.push(ViewInfo {
            view: "ranking",
            label: "Rangorde per regio",
            keys: vec![
                KeyInfo {
                    key: "measure",
                    label: "Maat",
                    choices: choices([
                        ("growth", "Groei werkenden".to_string()),
                        ("share", "Aandeel werkenden".to_string()),
                        ("register_share", "Aandeel in het register".to_string()),
                    ]),
                    default: Some("growth".into()),
                    when: None,
                },
                subgroups(&Subgroup::ALL),
                growth_only(from()),
                growth_only(to()),
                year,
                k(),
            ],
        });
        // The decomposition is about the last year's growth (the Praktijkroute exists from 2017).
        let last_from = years(
            "from",
            "Van",
            &ys[..ys.len().saturating_sub(1)],
            ys.len().checked_sub(2).and_then(|i| ys.get(i)).copied(),
        );
        out.push(ViewInfo {
            view: "decomposition",
            label: "Groei Participatiewet naar route",
            keys: vec![last_from, to(), k()],
        });
        out.push(ViewInfo {
            view: "trend",
            label: "Ontwikkeling landelijk",
            keys: vec![KeyInfo {
                key: "measure",
                label: "Maat",
                choices: choices([
                    ("workers", "Werkzame personen".to_string()),
                    ("register", "Personen in het register".to_string()),
                ]),
                default: Some("workers".into()),
                when: None,
            }],
        });
        out.push(ViewInfo {
            view: "convergence",
            label: "Convergentie tussen regio's",
            keys: vec![subgroups(&main4)],
        });
        out.push(ViewInfo {
            view: "basics",
            label: "Basismaten per regio (tabel)",
            keys: vec![from(), to()],
        });
        out.push(ViewInfo {
            view: "report",
            label: "Rapport: alle figuren en tabellen",
            keys: vec![from(), to(), k()],
        });
        if d.fine {
            out.extend(crate::render::tidy_catalog::views(&ds.table));
        }
    } else {
        out.extend(crate::render::tidy_catalog::views(&ds.table));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn default_data_offers_the_scatter_with_its_years() {
        let ds = Dataset::default_data().unwrap();
        let c = catalog(&ds);
        assert_eq!(
            c.iter().map(|v| v.view).collect::<Vec<_>>(),
            vec![
                "scatter",
                "ranking",
                "decomposition",
                "trend",
                "convergence",
                "basics",
                "report"
            ]
        );
        // Every view in the catalogue renders with its defaults.
        for v in &c {
            let r = crate::render::render_query(&ds, &format!("view={}", v.view));
            assert!(r.is_ok(), "view={}: {:?}", v.view, r.err());
        }
        let from = c[0].keys.iter().find(|k| k.key == "from").unwrap();
        assert_eq!(
            from.choices
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>(),
            vec!["2015", "2016"]
        );
    }
}
