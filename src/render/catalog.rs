//! The catalogue of views a dataset supports, with the keys of each view and the values the data
//! allows, so the page builds its pickers from the core instead of knowing every view itself.
//! Keys, labels, defaults and dependencies come from the key schema ([`crate::spec::schema`]);
//! this module only fills in what depends on the data (periods, subgroups, columns).

use super::Dataset;
use crate::format::Lang;
use crate::spec::schema::{self, KeyDef, KeyKind, ViewDef};

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KeyInfo {
    /// The key in the view description.
    pub key: &'static str,
    /// Label for the picker, in the description's language.
    pub label: &'static str,
    /// Allowed values; empty for free input.
    pub choices: Vec<Choice>,
    /// The value used when the key is absent.
    pub default: Option<String>,
    /// The key applies only when another key has one of these values, e.g. `year` only for
    /// `measure=share`; the page hides (and drops) it otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<(&'static str, Vec<&'static str>)>,
    /// `filter` only: each column it can filter on with its values (`value` as written after
    /// `column:`), for a picker per column; `choices` holds the same as `column:value`.
    #[cfg(feature = "full")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<super::tidy_catalog::FilterColumn>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ViewInfo {
    pub view: &'static str,
    pub label: &'static str,
    pub keys: Vec<KeyInfo>,
}

/// Keys the page offers as pickers besides a view's own (the common keys it shows itself:
/// region, language, embed; roles have their own step).
const PICKED_COMMON: &[&str] = &["k"];

/// Keys whose free text the page does not offer as a picker (titles are edited elsewhere).
const NOT_PICKED: &[&str] = &["title", "subtitle", "ylabel"];

/// The key of one view as a picker, with the values this dataset allows.
fn key_info(view: &ViewDef, k: &'static KeyDef, ds: &Dataset, lang: Lang) -> KeyInfo {
    let mut info = KeyInfo {
        key: k.key,
        label: k.label(lang),
        choices: Vec::new(),
        default: k.default.map(str::to_string),
        when: k.when.map(|(on, vs)| (on, vs.to_vec())),
        #[cfg(feature = "full")]
        columns: Vec::new(),
    };
    match k.kind {
        KeyKind::Choice(cs) => {
            info.choices = cs
                .iter()
                .map(|c| Choice {
                    value: c.0.to_string(),
                    label: if lang == Lang::En { c.2 } else { c.1 }.to_string(),
                })
                .collect()
        }
        KeyKind::Subgroup(gs) => {
            info.choices = gs
                .iter()
                .map(|g| Choice {
                    value: g.key().to_string(),
                    label: capitalise(g.label_in(lang)),
                })
                .collect()
        }
        KeyKind::Flag => {
            info.choices = [("0", "Nee", "No"), ("1", "Ja", "Yes")]
                .iter()
                .map(|(v, nl, en)| Choice {
                    value: v.to_string(),
                    label: if lang == Lang::En { en } else { nl }.to_string(),
                })
                .collect()
        }
        KeyKind::Period => {
            if let Some(d) = &ds.regional {
                let ys = &d.years;
                // The decomposition is about the last year's growth (the Praktijkroute exists
                // from 2017). In a quarterly or monthly file, from the same point of the year as
                // the last period (see `RegionalData::default_from`).
                #[cfg(feature = "full")]
                let from = match ys.last() {
                    Some(&last) if view.view == "decomposition" => d.year_before(last),
                    Some(&last) => d.default_from(last),
                    None => None,
                };
                #[cfg(not(feature = "full"))]
                let from = if view.view == "decomposition" {
                    ys.len().checked_sub(2).and_then(|i| ys.get(i)).copied()
                } else {
                    ys.first().copied()
                };
                let (list, default): (&[crate::spec::Period], Option<crate::spec::Period>) =
                    match k.key {
                        "from" => (&ys[..ys.len().saturating_sub(1)], from),
                        "to" => (ys.get(1..).unwrap_or(&[]), ys.last().copied()),
                        _ => (ys, ys.last().copied()),
                    };
                info.choices = list
                    .iter()
                    .map(|y| Choice {
                        value: y.to_string(),
                        label: y.label_in(lang),
                    })
                    .collect();
                info.default = default.map(|d| d.to_string());
            }
        }
        KeyKind::Column(roles) => {
            let detected = ds.roles_in(lang);
            info.choices = detected
                .columns
                .iter()
                .filter(|c| roles.is_empty() || roles.contains(&c.role))
                .map(|c| Choice {
                    value: c.column.clone(),
                    label: format!(
                        "{} ({})",
                        crate::data::tidy::label_in(&c.column, lang),
                        c.label
                    ),
                })
                .collect();
            // `per=` divides one count by another: offered only with two counts to choose from
            // (a count by itself would leave a percentage as y, which never adds up).
            #[cfg(feature = "full")]
            if k.key == "per" && info.choices.len() < 2 {
                info.choices.clear();
            }
            // The 100 % bars' (and areas') x never is the column the default shares add up to 100 over
            // (each bar would add up shares of different distributions; refused).
            // Nor its panels; nor is its series another column than that one.
            #[cfg(feature = "full")]
            if matches!(view.view, "stacked" | "area") && matches!(k.key, "x" | "series" | "facet")
            {
                let over = crate::compute::tidy::line::default_value(&detected, &[])
                    .and_then(|y| detected.get(&y).and_then(|c| c.distribution_over.clone()));
                if let Some(o) = over {
                    info.choices
                        .retain(|c| (c.value == o) == (k.key == "series"));
                }
            }
        }
        KeyKind::Region | KeyKind::Regions => {
            if let Some(d) = &ds.regional {
                info.choices = d
                    .regions
                    .iter()
                    .map(|r| Choice {
                        value: r.clone(),
                        label: r.clone(),
                    })
                    .collect();
            }
        }
        KeyKind::Text if k.key == "filter" => {
            // `column:value` for each value of each category or period column (the page offers a
            // picker per column not on the chart).
            #[cfg(feature = "full")]
            {
                info.columns = super::tidy_catalog::filter_columns(&ds.table, &ds.roles());
                info.choices = super::tidy_catalog::flat(&info.columns);
            }
        }
        KeyKind::Number { .. } | KeyKind::Text => {}
    }
    info
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::case::upper_char(f) + c.as_str(),
        None => String::new(),
    }
}

fn view_info(def: &'static ViewDef, ds: &Dataset, lang: Lang) -> ViewInfo {
    let mut keys: Vec<KeyInfo> = def
        .keys
        .iter()
        .filter(|k| !NOT_PICKED.contains(&k.key))
        .map(|k| key_info(def, k, ds, lang))
        .collect();
    // A profile is about one region: the common key names it.
    if def.view == "profile" {
        keys.extend(
            schema::COMMON
                .iter()
                .filter(|k| k.key == "region")
                .map(|k| KeyInfo {
                    label: if lang == Lang::En { "Region" } else { "Regio" },
                    ..key_info(def, k, ds, lang)
                }),
        );
    }
    // The outlier threshold matters only where outliers are drawn.
    if matches!(
        def.view,
        "scatter" | "ranking" | "decomposition" | "report" | "map"
    ) {
        keys.extend(
            schema::COMMON
                .iter()
                .filter(|k| PICKED_COMMON.contains(&k.key))
                .map(|k| key_info(def, k, ds, lang)),
        );
    }
    ViewInfo {
        view: def.view,
        label: def.label(lang),
        keys,
    }
}

/// The views the dataset supports, in the order the page offers them, labelled in `lang`: the
/// regional views of regional data, then the tidy views its table supports.
pub fn catalog_in(ds: &Dataset, lang: Lang) -> Vec<ViewInfo> {
    let tidy = if has_tidy_views(ds) {
        tidy_views(ds)
    } else {
        Vec::new()
    };
    schema::VIEWS
        .iter()
        .filter(|v| v.regional && ds.regional.is_some())
        .chain(tidy.into_iter().filter_map(schema::view))
        .map(|v| view_info(v, ds, lang))
        .collect()
}

/// The catalogue's entry for one view, labelled in `lang`; `None` when the dataset does not offer
/// it. Works out that view only (not every tidy view, as the catalogue does): what the page needs
/// to keep the view on screen for a newly loaded file before the whole catalogue is in.
pub fn view_in(ds: &Dataset, view: &str, lang: Lang) -> Option<ViewInfo> {
    let def = schema::view(view)?;
    let offered = if def.regional {
        ds.regional.is_some()
    } else {
        has_tidy_views(ds)
            && match ds.tidy_views_cache.get() {
                Some(views) => views.contains(&def.view),
                None => tidy_offers(ds, def.view),
            }
    };
    offered.then(|| view_info(def, ds, lang))
}

/// Whether the dataset's rows have tidy views: a table that is not regional, or a long or
/// municipality-level regional file (the wide regional table has only the regional views).
fn has_tidy_views(ds: &Dataset) -> bool {
    ds.regional.as_ref().is_none_or(|d| d.fine)
}

/// Whether the table supports one tidy view ([`tidy_views`] for that view only).
fn tidy_offers(ds: &Dataset, view: &str) -> bool {
    #[cfg(feature = "full")]
    {
        super::tidy_catalog::offers(&ds.table, &ds.roles(), view)
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = (ds, view);
        false
    }
}

/// The tidy views the table supports (by its column roles); none in the page's first core, which
/// has only the built-in regional data.
fn tidy_views(ds: &Dataset) -> Vec<&'static str> {
    #[cfg(feature = "full")]
    {
        ds.tidy_views_cache
            .get_or_init(|| super::tidy_catalog::views(&ds.table, &ds.roles()))
            .clone()
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = ds;
        Vec::new()
    }
}

/// The catalogue in Dutch.
pub fn catalog(ds: &Dataset) -> Vec<ViewInfo> {
    catalog_in(ds, Lang::Nl)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn default_data_offers_the_regional_views_with_their_years() {
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
                "report",
                "map",
                "profile",
                "compare"
            ]
        );
        let from = c[0].keys.iter().find(|k| k.key == "from").unwrap();
        assert_eq!(
            from.choices
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>(),
            vec!["2015", "2016"]
        );
        let en = catalog_in(&ds, Lang::En);
        assert_eq!(en[0].label, "Scatterplot: share and growth");
    }

    /// The entry for one view, worked out alone, is the catalogue's entry for it (or none when
    /// the catalogue does not offer it): regional, long regional, tidy tables and a table whose
    /// defaults do not draw every view.
    #[test]
    fn one_view_is_the_catalogues_entry() {
        let files: [(&str, &[u8]); 5] = [
            ("regions.csv", include_bytes!("../../data/regions.csv")),
            (
                "regions_long.csv",
                include_bytes!("../../tests/fixtures/regions_long.csv"),
            ),
            (
                "hours.csv",
                include_bytes!("../../data/samples/hours_per_week_by_subgroup_2019.csv"),
            ),
            (
                "odds.csv",
                include_bytes!("../../data/samples/odds_ratios_job_finding_2019.csv"),
            ),
            (
                "jobcoach.csv",
                include_bytes!("../../data/samples/jobcoach_states_by_month.csv"),
            ),
        ];
        let (mut missing, mut missing_tidy) = (0, 0);
        for (name, bytes) in files {
            for lang in [Lang::Nl, Lang::En] {
                let alone = Dataset::load(name, bytes).unwrap();
                let ds = Dataset::load(name, bytes).unwrap();
                let all = catalog_in(&ds, lang);
                for def in schema::VIEWS {
                    let entry = all.iter().find(|v| v.view == def.view);
                    missing += usize::from(entry.is_none());
                    missing_tidy += usize::from(entry.is_none() && !def.regional);
                    assert_eq!(
                        view_in(&alone, def.view, lang).as_ref(),
                        entry,
                        "{name} {}",
                        def.view
                    );
                    // The same once the catalogue is in.
                    assert_eq!(
                        view_in(&ds, def.view, lang).as_ref(),
                        entry,
                        "{name} {}",
                        def.view
                    );
                }
            }
        }
        assert!(missing > 10 && missing_tidy > 0, "{missing} {missing_tidy}");
        assert_eq!(
            view_in(&Dataset::default_data().unwrap(), "nee", Lang::Nl),
            None
        );
    }
}
