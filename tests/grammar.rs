//! The view grammar: every view and key of the schema round-trips (parse -> write -> parse), and
//! every combination the catalogue offers renders on the built-in data and on each sample.

use banenverkenner::render::catalog::catalog;
use banenverkenner::render::{render_query, Dataset};
use banenverkenner::spec::schema::{self, KeyKind};
use banenverkenner::spec::{percent_encode, ViewSpec};

/// Values to try for a key: each fixed value, or a typical one.
fn values(kind: KeyKind) -> Vec<String> {
    match kind {
        KeyKind::Choice(cs) => cs.iter().map(|c| c.0.to_string()).collect(),
        KeyKind::Subgroup(gs) => gs.iter().map(|g| g.key().to_string()).collect(),
        KeyKind::Period => vec!["2016".into()],
        KeyKind::Number { min, .. } => vec![format!("{}", min + 0.5)],
        KeyKind::Column(_) => vec!["kolom & co/é".into()],
        KeyKind::Text => vec!["Titel: a,b|c".into()],
        KeyKind::Flag => vec!["1".into()],
        KeyKind::Region => vec!["Twente".into()],
        KeyKind::Regions => vec!["Twente,Zeeland".into()],
    }
}

#[test]
fn every_view_and_key_round_trips() {
    let mut checked = 0;
    for def in schema::VIEWS {
        for key in def.keys {
            for v in values(key.kind) {
                let mut q = format!("view={}", def.view);
                // A key that depends on another: give the other a value it applies to.
                if let Some((on, vs)) = key.when {
                    q.push_str(&format!("&{on}={}", vs[0]));
                }
                if key.key == "subgroup" && def.view == "ranking" && v == "total" {
                    continue; // paired with measure=register_share below, which needs a subgroup
                }
                let v = if key.key == "filter" {
                    "kolom A:waarde|b,jaar:2019".to_string()
                } else if key.key == "edition" {
                    "2019".to_string()
                } else {
                    v
                };
                q.push_str(&format!("&{}={}", key.key, percent_encode(&v)));
                if def.view == "ranking" && key.key == "measure" && v == "register_share" {
                    q.push_str("&subgroup=wajong");
                }
                if key.key == "to" {
                    q.push_str("&from=2015");
                }
                let spec = ViewSpec::parse(&q).unwrap_or_else(|e| panic!("{q}: {e}"));
                let view = spec.view.clone().expect("a view");
                let written = spec.query(&view, &[]);
                let again = ViewSpec::parse(&written).unwrap_or_else(|e| panic!("{written}: {e}"));
                assert_eq!(again.view, spec.view, "{q} -> {written}");
                assert_eq!(
                    again.query(again.view.as_ref().unwrap(), &[]),
                    written,
                    "{q}"
                );
                // The written description holds the value (unless it is the default of a number,
                // or the view's own default scale, which is left out).
                if !matches!(key.kind, KeyKind::Number { .. } | KeyKind::Flag) && key.key != "scale"
                {
                    assert!(
                        written.contains(&format!("{}={}", key.key, percent_encode(&v))),
                        "{q} -> {written}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 80, "{checked}");
    // The common keys too.
    let s =
        ViewSpec::parse("view=line&x=jaar&y=n&region=Food%20Valley&k=1.5&lang=en&roles=jaar:time")
            .unwrap();
    let w = s.query(s.view.as_ref().unwrap(), &[]);
    assert_eq!(
        w,
        "view=line&x=jaar&y=n&k=1.5&region=Food%20Valley&roles=jaar%3Atime&lang=en"
    );
    assert_eq!(ViewSpec::parse(&w).unwrap(), s);
}

/// Renders each combination of the catalogue's choices for a view (the cross product for the
/// regional views, one key at a time for the tidy views); every one must draw.
fn render_all(ds: &Dataset, name: &str) -> usize {
    let mut n = 0;
    let mut refused = 0;
    let mut facet_refused = 0;
    for v in catalog(ds) {
        let def = schema::view(v.view).unwrap();
        let keys: Vec<_> = v.keys.iter().filter(|k| !k.choices.is_empty()).collect();
        let mut combos: Vec<Vec<(&str, String)>> = vec![vec![]];
        let mut seen = std::collections::HashSet::new();
        if def.regional {
            for k in &keys {
                let mut next = Vec::new();
                // One region (two for a comparison) stands for all: each is drawn alike.
                let choices: Vec<_> = match k.key {
                    "region" => k.choices.iter().take(1).cloned().collect(),
                    "regions" => k
                        .choices
                        .get(..2)
                        .map(|two| {
                            vec![banenverkenner::render::catalog::Choice {
                                value: format!("{},{}", two[0].value, two[1].value),
                                label: String::new(),
                            }]
                        })
                        .unwrap_or_default(),
                    _ => k.choices.clone(),
                };
                for c in &combos {
                    for choice in &choices {
                        let mut c2 = c.clone();
                        c2.push((k.key, choice.value.clone()));
                        next.push(c2);
                    }
                }
                combos = next;
            }
        } else {
            // The page offers a filter for the columns not on the chart: those of the view as
            // drawn with its defaults.
            let on_chart: Vec<String> = render_query(ds, &format!("view={}", v.view))
                .map(|r| {
                    banenverkenner::spec::ViewSpec::parse(&r.spec)
                        .ok()
                        .and_then(|s| s.view)
                        .map(|v| {
                            v.pairs()
                                .into_iter()
                                .filter(|(k, _)| matches!(*k, "x" | "series" | "facet"))
                                .map(|(_, c)| c)
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            for k in &keys {
                for choice in &k.choices {
                    if k.key == "filter"
                        && on_chart
                            .iter()
                            .any(|c| choice.value.starts_with(&format!("{c}:")))
                    {
                        continue;
                    }
                    combos.push(vec![(k.key, choice.value.clone())]);
                }
            }
        }
        for c in combos {
            // Keys that do not apply to the chosen values are left out, as the page does.
            let applies = |key: &str| {
                def.key(key)
                    .and_then(|k| k.when)
                    .map(|(on, vs)| {
                        c.iter()
                            .find(|(k, _)| *k == on)
                            .is_some_and(|(_, v)| vs.contains(&v.as_str()))
                    })
                    .unwrap_or(true)
            };
            let mut q = format!("view={}", v.view);
            for (k, val) in &c {
                if applies(k) {
                    q.push_str(&format!("&{k}={}", percent_encode(val)));
                }
            }
            // Keys left out make some combinations the same description.
            if !seen.insert(q.clone()) {
                continue;
            }
            let r = match render_query(ds, &q) {
                Ok(r) => r,
                // A column the user picked whose rows cannot be combined by the rules (odds
                // ratios, percentages without n) is refused, saying what to choose instead.
                Err(e)
                    if !def.regional
                        && e.kind == banenverkenner::error::ErrorKind::NotAvailable
                        && e.message.contains("filter=") =>
                {
                    refused += 1;
                    continue;
                }
                // A panel per value of the column on x= (or the only column x= can be): each
                // panel would hold one bar or point; refused, saying what to choose.
                // (Counted apart: the catalogue offers any category for facet=.)
                Err(e) if !def.regional && e.message.starts_with("facet=") => {
                    facet_refused += 1;
                    continue;
                }
                Err(e) => panic!("{name} {q}: {}", e.message),
            };
            // The completed description draws the same view without further changes.
            let again = render_query(ds, &r.spec).unwrap();
            assert!(
                again.changes.is_empty(),
                "{q} -> {}: {:?}",
                r.spec,
                again.changes
            );
            n += 1;
        }
    }
    // Refusals are the exception: nearly everything the catalogue offers draws.
    assert!(refused * 10 <= n, "{name}: {refused} refused, {n} drawn");
    assert!(
        facet_refused * 4 <= n,
        "{name}: {facet_refused} facets refused, {n} drawn"
    );
    n
}

#[test]
fn every_catalogue_combination_renders_on_the_built_in_data() {
    let ds = Dataset::default_data().unwrap();
    let n = render_all(&ds, "default");
    assert!(n > 100, "{n}");
}

#[test]
fn every_catalogue_combination_renders_on_each_sample() {
    for ex in banenverkenner::EXAMPLES {
        let ds = Dataset::load(ex.file, ex.bytes).unwrap();
        let n = render_all(&ds, ex.file);
        assert!(n > 3, "{}: {n}", ex.file);
    }
}
