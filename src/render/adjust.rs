//! Settings that do not fit the data are adjusted, never silently: when a combination of choices
//! cannot be drawn (a period the subgroup does not exist in, a start after the end, a measure that
//! needs a subgroup), the view is drawn with the nearest combination that works and
//! [`Rendered::changes`] says, in the words of the pickers, what changed and why.

use super::catalog::{catalog_in, KeyInfo, ViewInfo};
use super::{render, Dataset, Rendered};
use crate::error::{ErrorKind, Result};
use crate::format::Lang;
use crate::spec::{percent_encode, schema, Params, ViewSpec};

/// At most this many alternative combinations are tried before the original error is shown.
const MAX_TRIES: usize = 40;

/// The description's pairs, in order.
fn pairs_of(query: &str) -> Result<Vec<(String, String)>> {
    let mut p = Params::parse(query)?;
    let keys: Vec<String> = p.untaken().map(|(k, _)| k.to_string()).collect();
    Ok(keys
        .into_iter()
        .map(|k| {
            let v = p.take(&k).unwrap_or_default();
            (k, v)
        })
        .collect())
}

fn query_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            if v.is_empty() && k == "embed" {
                k.clone()
            } else {
                format!("{k}={}", percent_encode(v))
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn set(pairs: &mut Vec<(String, String)>, key: &str, value: &str) {
    match pairs.iter_mut().find(|(k, _)| k == key) {
        Some(p) => p.1 = value.to_string(),
        None => pairs.push((key.to_string(), value.to_string())),
    }
}

/// One setting changed: the picker's label, the old and the new value in words.
struct Change {
    label: &'static str,
    from: Option<String>,
    to: String,
}

fn label_of(info: &KeyInfo, value: &str) -> String {
    info.choices
        .iter()
        .find(|c| c.value == value)
        .map(|c| c.label.clone())
        .unwrap_or_else(|| value.to_string())
}

fn sentence(c: &Change, why: &str, lang: Lang) -> String {
    let why = why.trim_end_matches('.');
    match (lang, &c.from) {
        (Lang::En, Some(f)) => format!("{} changed from {f} to {}: {why}.", c.label, c.to),
        (Lang::En, None) => format!("{} set to {}: {why}.", c.label, c.to),
        (Lang::Nl, Some(f)) => format!("{} is {} geworden (was {f}): {why}.", c.label, c.to),
        (Lang::Nl, None) => format!("{} is {} geworden: {why}.", c.label, c.to),
    }
}

/// Renders `query`, adjusting settings that do not fit the data.
pub fn render_adjusted(ds: &Dataset, query: &str) -> Result<Rendered> {
    let mut pairs = pairs_of(query)?;
    let view_name = get(&pairs, "view").unwrap_or("").to_string();
    let lang = get(&pairs, "lang")
        .and_then(Lang::parse)
        .unwrap_or(Lang::Nl);
    let def = schema::view(&view_name).filter(|d| d.regional == ds.regional.is_some());
    let Some(def) = def else {
        return render(ds, &ViewSpec::parse(query)?);
    };
    // The catalogue (the values each picker allows) only when a setting may have to move: a
    // view that draws as asked does not wait for it (on a million-row file it takes a while).
    let catalog = std::cell::OnceCell::new();
    let info_of = || {
        catalog
            .get_or_init(|| catalog_in(ds, lang))
            .iter()
            .find(|v: &&ViewInfo| v.view == def.view)
    };
    let mut changes = Vec::new();
    // A start that is not before the end: the start moves back (the end is kept).
    if let (Some(from), Some(to)) = (get(&pairs, "from"), get(&pairs, "to")) {
        if let (Some(a), Some(b)) = (
            crate::decimal::parse_f64(from),
            crate::decimal::parse_f64(to),
        ) {
            if a >= b {
                let Some(info) = info_of() else {
                    return render(ds, &ViewSpec::parse(query)?);
                };
                let (from, to) = (from.to_string(), to.to_string());
                let fix = |key: &'static str, pick: &dyn Fn(&str) -> bool| {
                    key_of(info, key).and_then(|k| {
                        let mut cands: Vec<&str> = k
                            .choices
                            .iter()
                            .map(|c| c.value.as_str())
                            .filter(|v| pick(v))
                            .collect();
                        if key == "from" {
                            cands.reverse();
                        }
                        cands.first().map(|v| (k, v.to_string()))
                    })
                };
                let lt = |v: &str| crate::decimal::parse_f64(v).is_some_and(|x| x < b);
                let gt = |v: &str| crate::decimal::parse_f64(v).is_some_and(|x| x > a);
                let (k, new, why) = match fix("from", &lt) {
                    Some((k, v)) => (k, v, start_before_end(&to, lang)),
                    None => match fix("to", &gt) {
                        Some((k, v)) => (k, v, end_after_start(&from, lang)),
                        None => return render(ds, &ViewSpec::parse(query)?),
                    },
                };
                let old = get(&pairs, k.key).map(|v| label_of(k, v));
                set(&mut pairs, k.key, &new);
                changes.push(sentence(
                    &Change {
                        label: k.label,
                        from: old,
                        to: label_of(k, &new),
                    },
                    &why,
                    lang,
                ));
            }
        }
    }
    let spec = ViewSpec::parse(&query_of(&pairs))?;
    let first_err = match render(ds, &spec) {
        Ok(mut r) => {
            // A view's own adjustments (a profile without a region) come after these.
            changes.append(&mut r.changes);
            r.changes = changes;
            return Ok(r);
        }
        Err(e)
            if matches!(
                e.kind,
                ErrorKind::NotAvailable | ErrorKind::View | ErrorKind::Duplicate
            ) =>
        {
            e
        }
        Err(e) => return Err(e),
    };
    let Some(info) = info_of() else {
        return Err(first_err);
    };
    // A tidy view is refused when its rows cannot be combined by the rules (percentages without
    // n): that refusal stands; only rows that fall on one point move a setting the core chose.
    let refused =
        !def.regional && !matches!(first_err.kind, ErrorKind::Duplicate | ErrorKind::View);
    if refused && get(&pairs, "x").is_some() {
        return Err(first_err);
    }
    // One setting at a time: periods first, then axes and measures, the subgroup last (the
    // subgroup is what the user looks at; it changes only when nothing else helps).
    let rank = |k: &KeyInfo| match schema::view(def.view)
        .and_then(|d| d.key(k.key))
        .map(|d| d.kind)
    {
        Some(schema::KeyKind::Period) => 0,
        Some(schema::KeyKind::Choice(_)) => 1,
        Some(schema::KeyKind::Subgroup(_)) => 2,
        _ => 3,
    };
    // In a tidy view the columns the user named stay as named; only what the core chose moves.
    let mut keys: Vec<&KeyInfo> = info
        .keys
        .iter()
        .filter(|k| {
            !matches!(k.key, "k" | "region" | "regions" | "filter") && !k.choices.is_empty()
        })
        .filter(|k| {
            def.regional
                || (matches!(k.key, "x" | "series" | "facet")
                    && get(&pairs, k.key).is_none()
                    && (!refused || k.key == "x"))
        })
        .collect();
    // (Of the periods, the one the error names first: `'to=2017' staat niet in het bestand`.)
    #[cfg(feature = "full")]
    let named = |k: &KeyInfo| first_err.message.contains(&format!("'{}=", k.key));
    #[cfg(feature = "full")]
    keys.sort_by_key(|k| (rank(k), !named(k)));
    #[cfg(not(feature = "full"))]
    keys.sort_by_key(|k| rank(k));
    // (In the view's language; the first core's reasons are Dutch.)
    #[cfg(feature = "full")]
    let reason = first_err.message_in(lang);
    #[cfg(not(feature = "full"))]
    let reason = &first_err.message;
    let mut tries = 0;
    for k in keys {
        let current = get(&pairs, k.key).map(str::to_string);
        let mut values: Vec<&str> = k.choices.iter().map(|c| c.value.as_str()).collect();
        // The default first, then the others in their order (latest period first for a start).
        if let Some(d) = &k.default {
            values.sort_by_key(|v| *v != d.as_str());
        }
        for v in values {
            if Some(v) == current.as_deref() || tries >= MAX_TRIES {
                continue;
            }
            tries += 1;
            let mut alt = pairs.clone();
            set(&mut alt, k.key, v);
            #[cfg(feature = "full")]
            let aligned = other_end_aligned(info, &mut alt, k.key, v, lang);
            let Ok(spec) = ViewSpec::parse(&query_of(&alt)) else {
                continue;
            };
            if let Ok(mut r) = render(ds, &spec) {
                changes.push(sentence(
                    &Change {
                        label: k.label,
                        from: current.as_deref().map(|c| label_of(k, c)),
                        to: label_of(k, v),
                    },
                    reason,
                    lang,
                ));
                #[cfg(feature = "full")]
                changes.extend(aligned);
                changes.append(&mut r.changes);
                r.changes = changes;
                return Ok(r);
            }
        }
    }
    Err(first_err)
}

/// A growth compares like with like (DOMAIN: 2015 -> 2017 is Q4 2015 -> Q4 2017): when one end
/// of the period moves to another point of the year (`to=2017` in a quarterly file that ends
/// with 2017K3 becomes 2017K3), the other end the view gives moves to that point of its own
/// year (`from=2015`, the end of 2015, becomes 2015K3), and the sentence that says so. Nothing
/// when the other end is not given (its default is at that point already), is there already,
/// or was given at the file's grain (`from=2015K2`: that point was chosen).
#[cfg(feature = "full")]
fn other_end_aligned(
    info: &ViewInfo,
    pairs: &mut Vec<(String, String)>,
    key: &str,
    moved: &str,
    lang: Lang,
) -> Option<String> {
    use crate::spec::Period;
    let other = match key {
        "from" => "to",
        "to" => "from",
        _ => return None,
    };
    let moved = Period::parse(moved)?;
    let given = get(pairs, other)?.to_string();
    let was = Period::parse(&given)?;
    let at = was.end_as(moved.grain());
    // (A point of the year the view chose itself, `from=2015K2`, stays.)
    if was.grain() == moved.grain() || at.same_point_of_year(moved) {
        return None;
    }
    let k = key_of(info, other)?;
    let new = k.choices.iter().map(|c| c.value.as_str()).find(|c| {
        Period::parse(c)
            .is_some_and(|p| p.same_point_of_year(moved) && p.calendar_year() == at.calendar_year())
    })?;
    let new = new.to_string();
    set(pairs, other, &new);
    let why = match lang {
        Lang::Nl => format!(
            "hetzelfde moment van het jaar als {}, zodat de groei gelijke standen vergelijkt",
            moved.label_in(lang)
        ),
        Lang::En => format!(
            "the same point of the year as {}, so that the growth compares like with like",
            moved.label_in(lang)
        ),
    };
    Some(sentence(
        &Change {
            label: k.label,
            from: Some(label_of(k, &given)),
            to: label_of(k, &new),
        },
        &why,
        lang,
    ))
}

fn key_of<'a>(info: &'a ViewInfo, key: &str) -> Option<&'a KeyInfo> {
    info.keys.iter().find(|k| k.key == key)
}

fn start_before_end(to: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("the period must start before its end ({to})"),
        Lang::Nl => format!("de periode moet beginnen vóór het einde ({to})"),
    }
}

fn end_after_start(from: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("the period must end after its start ({from})"),
        Lang::Nl => format!("de periode moet eindigen na het begin ({from})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        Dataset::default_data().unwrap()
    }

    #[test]
    fn a_start_after_the_end_moves_the_start_and_keeps_the_subgroup() {
        let r = render_adjusted(&ds(), "view=scatter&subgroup=wajong&from=2016&to=2016").unwrap();
        assert_eq!(
            r.spec,
            "view=scatter&subgroup=wajong&from=2015&to=2016&x=share"
        );
        assert_eq!(r.changes.len(), 1, "{:?}", r.changes);
        assert!(r.changes[0].starts_with("Van is 2015 geworden (was 2016)"));
        assert!(!r.changes[0].contains("from="), "{}", r.changes[0]);
    }

    #[test]
    fn the_praktijkroute_ranking_finds_a_measure_that_exists() {
        let r =
            render_adjusted(&ds(), "view=ranking&measure=growth&subgroup=praktijkroute").unwrap();
        assert!(r.spec.contains("subgroup=praktijkroute"), "{}", r.spec);
        assert_eq!(r.changes.len(), 1, "{:?}", r.changes);
        assert!(r.changes[0].starts_with("Maat is "), "{}", r.changes[0]);
    }

    #[test]
    fn a_description_that_fits_has_no_changes() {
        let r = render_adjusted(&ds(), "view=scatter&subgroup=wsw&from=2015&to=2017").unwrap();
        assert!(r.changes.is_empty());
        let e = render_adjusted(&ds(), "view=scatter&subgroup=nope").unwrap_err();
        assert!(e.message.contains("Onbekende deelgroep"));
    }
}
