//! The bar view: horizontal bars per category, sorted (one series) or grouped (a series column),
//! with an optional reference line (a number, or the value of a category such as `totaal`) and
//! an optional highlighted category.

use super::frame::Frame;
use super::line::{column_list, default_value, no_numbers};
use crate::data::tidy::*;
use crate::data::tidy::{capitalise, decimals, label_in, Point, Series};
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::Role;
use crate::spec::{BarSort, BarsSpec, Reference};
use std::collections::HashMap;

/// At most this many bars (categories) in one chart: every municipality of the country fits
/// (342 in 2026); a column of a value per row (200,000 names) would make a chart no one can read
/// or print, and a page that stops for a minute drawing it.
pub const MAX_BARS: usize = 400;
/// At most this many places for bars in panels (categories x panels x series).
pub const MAX_PLACES: usize = 2_000;

/// The bar view of the frame's rows; notes, labels and errors in the frame's language.
pub fn compute(f: &Frame, spec: &BarsSpec, region: Option<&str>) -> Result<BarsData> {
    let e = &spec.enc;
    let lang = f.lang;
    let facet_j = f.facet_col(e.facet.as_deref(), [None, None])?;
    let x_name = match &e.x {
        Some(x) => x.clone(),
        None => f
            .roles
            .columns
            .iter()
            .filter(|c| c.role == Role::Category && Some(c.column.as_str()) != e.facet.as_deref())
            // the most values; the first column on a tie
            .fold(
                None,
                |best: Option<&crate::data::ColumnRole>, c| match best {
                    Some(b) if b.distinct >= c.distinct => Some(b),
                    _ => Some(c),
                },
            )
            .map(|c| c.column.clone())
            .ok_or_else(|| {
                Error::view(match lang {
                    Lang::Nl => format!(
                        "Geen categoriekolom gevonden voor view=bars; geef x= op. Kolommen: {}.",
                        column_list(f)
                    ),
                    Lang::En => format!(
                        "No category column found for view=bars; give x=. Columns: {}.",
                        column_list(f)
                    ),
                })
            })?,
    };
    let xj = f.col("x", &x_name)?;
    // Bars per period: in time order, a year among its own quarters left out (as on a line),
    // each period by its label (`2019 K1`).
    let time_x = f.role(xj) == Some(Role::Time);
    #[cfg(feature = "full")]
    let by_period = f.period_bars(xj);
    #[cfg(feature = "full")]
    let f = by_period.frame(f);
    let y_name = match &e.y {
        Some(y) => y.clone(),
        None => super::line::default_count_for_per(&f.roles, &[&x_name], e.per.as_deref())
            .or_else(|| default_value(&f.roles, &[&x_name]))
            .ok_or_else(|| no_numbers(f))?,
    };
    let yj = f.col("y", &y_name)?;
    f.numeric("y", yj)?;
    // Without series=, a category that splits repeated bars becomes the series (grouped bars).
    let repeated = {
        let mut seen = std::collections::HashSet::new();
        f.rows.iter().any(|&i| {
            let fc = facet_j.map(|j| f.text(j, i)).unwrap_or_default();
            !seen.insert((fc, f.text(xj, i)))
        })
    };
    let series_auto = if e.series.is_none() && repeated {
        f.roles
            .columns
            .iter()
            .filter(|c| {
                matches!(c.role, Role::Category | Role::Time)
                    && c.distinct >= 2
                    && c.column != x_name
                    && Some(c.column.as_str()) != e.facet.as_deref()
                    && !super::natural::determines(f.table, &x_name, &c.column)
            })
            .map(|c| c.column.clone())
            .next()
    } else {
        None
    };
    // The group size behind each bar, when the table has an n column not otherwise used; it
    // also weights percentages when rows are combined.
    let per_j = e.per.as_deref().map(|p| f.col("per", p)).transpose()?;
    let used = [
        y_name.as_str(),
        e.series.as_deref().unwrap_or(""),
        e.facet.as_deref().unwrap_or(""),
        e.per.as_deref().unwrap_or(""),
    ];
    let nj = f.n_column(spec.n.as_deref(), &used)?;
    // Repeated bars without series=: rows are combined over the other columns; only when that
    // is refused (percentages without n) does another category become the series (grouped
    // bars), unless the view said how to combine them (agg=, per=).
    let mut combined = None;
    let mut decided = false;
    let time_series = series_auto
        .as_deref()
        .is_some_and(|s| f.roles.role(s) == Some(Role::Time));
    let series_name = match &e.series {
        Some(s) => Some(s.clone()),
        // Bars per category and period: grouped per period, as before.
        None if repeated && time_series => series_auto.clone(),
        None if repeated => {
            let mut keys = vec![xj];
            keys.extend(facet_j);
            match super::aggregate::combine(f, &keys, yj, per_j, nj, e.agg) {
                Ok(c) => {
                    combined = c;
                    decided = true;
                    None
                }
                // (Not when the view asked how to combine them: `agg=sum` of a percentage is
                // refused, not drawn as other bars.)
                Err(err) => match series_auto {
                    Some(s) if e.agg.is_none() && per_j.is_none() => Some(s),
                    _ => return Err(err),
                },
            }
        }
        None => None,
    };
    let sj = series_name
        .as_deref()
        .map(|s| f.col("series", s))
        .transpose()?;
    f.series_apart(xj, sj)?;
    f.facet_apart(facet_j, [Some(xj), sj])?;
    if !decided {
        let mut keys = vec![xj];
        keys.extend(sj);
        keys.extend(facet_j);
        combined = super::aggregate::combine(f, &keys, yj, per_j, nj, e.agg)?;
    }
    let combined_frame;
    let f = match &combined {
        Some(c) => {
            combined_frame = c.frame();
            &combined_frame
        }
        None => f,
    };
    let series_names: Vec<String> = match sj {
        Some(sj) => f.distinct(sj),
        None => vec![y_name.clone()],
    };
    let mut categories = if time_x {
        f.ordered_distinct(xj)
    } else {
        f.distinct(xj)
    };
    let ref_category = match &spec.reference {
        Some(Reference::Category(given)) => {
            // Written in another case (`ref=totaal` for `Totaal`): the value as the file has it.
            let c = categories
                .iter()
                .find(|k| *k == given)
                .or_else(|| {
                    let lower = crate::case::lower(given);
                    categories.iter().find(|k| crate::case::lower(k) == lower)
                })
                .unwrap_or(given)
                .clone();
            let c = &c;
            if !categories.contains(c) {
                let list = crate::format::first_ten(&categories, lang);
                return Err(Error::view(match lang {
                    Lang::Nl => format!(
                        "'ref={c}' is geen waarde van '{x_name}'. Kies een getal of een van: {list}."
                    ),
                    Lang::En => format!(
                        "'ref={c}' is not a value of '{x_name}'. Choose a number or one of: {list}."
                    ),
                }));
            }
            categories.retain(|k| k != c);
            Some(c.clone())
        }
        _ => None,
    };
    // `highlight=` names a bar; `region=` (the page's mark, kept from view to view) marks a
    // bar of that name when there is one, and is said, not refused, when there is none.
    let from_region = spec.highlight.is_none();
    let highlight = spec
        .highlight
        .clone()
        .or_else(|| region.map(str::to_string))
        .filter(|h| !from_region || categories.contains(h) || ref_category.as_ref() == Some(h));
    if let Some(h) = &highlight {
        if !categories.contains(h) && ref_category.as_ref() != Some(h) {
            let list = crate::format::first_ten(&categories, lang);
            let hint = super::frame::did_you_mean(super::frame::near_value(h, &categories), lang);
            return Err(Error::view(match lang {
                Lang::Nl => format!(
                    "'highlight={h}' is geen waarde van '{x_name}'. Kies uit: {list}.{hint}"
                ),
                Lang::En => format!(
                    "'highlight={h}' is not a value of '{x_name}'. Choose from: {list}.{hint}"
                ),
            }));
        }
    }

    // The value of every (facet, series, category); two rows on one bar are an error.
    let facets = f.facets(facet_j);
    // Rows per (panel, series, category), built once; two rows on one bar are an error.
    let mut at_bar: HashMap<(usize, String, String), usize> = HashMap::new();
    for (p, (facet, rows)) in facets.iter().enumerate() {
        for &i in rows {
            let s = match sj {
                Some(sj) => f.text(sj, i),
                None => y_name.clone(),
            };
            let cat = f.text(xj, i);
            if let Some(&prev) = at_bar.get(&(p, s.clone(), cat.clone())) {
                let what = match facet {
                    Some(fc) => format!("{x_name} = {cat}, {fc}"),
                    None => format!("{x_name} = {cat}"),
                };
                return Err(f.duplicate(&what, prev, i, xj));
            }
            at_bar.insert((p, s, cat), i);
        }
    }
    let cell = |p: usize, s: &str, cat: &str| -> Result<Option<usize>> {
        Ok(at_bar.get(&(p, s.to_string(), cat.to_string())).copied())
    };
    let mut n_values: Vec<BarN> = Vec::new();
    let mut values: Vec<(Option<String>, String, Vec<Option<f64>>)> = Vec::new();
    let mut ref_values = Vec::new();
    for (p, (facet, _)) in facets.iter().enumerate() {
        for s in &series_names {
            let at = categories
                .iter()
                .map(|c| cell(p, s, c))
                .collect::<Result<Vec<_>>>()?;
            if let Some(nj) = nj {
                for (c, i) in categories.iter().zip(&at) {
                    n_values.push(BarN {
                        facet: facet.clone(),
                        series: sj.map(|_| s.clone()),
                        category: c.clone(),
                        n: i.and_then(|i| f.number(nj, i)),
                    });
                }
            }
            let v = at.iter().map(|i| i.and_then(|i| f.number(yj, i))).collect();
            values.push((facet.clone(), s.clone(), v));
            if let Some(rc) = &ref_category {
                ref_values.push(RefValue {
                    facet: facet.clone(),
                    series: sj.map(|_| s.clone()),
                    value: cell(p, s, rc)?.and_then(|i| f.number(yj, i)),
                });
            }
        }
    }

    // A total so much larger than the other bars that it would flatten them (`Landelijk` beside
    // 35 regions) is left out, unless asked for.
    let largest: Vec<(String, Option<f64>)> = categories
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let m = values
                .iter()
                .filter_map(|(_, _, v)| v.get(k).copied().flatten())
                .map(f64::abs)
                .reduce(f64::max);
            (c.clone(), m)
        })
        .collect();
    let asked = |n: &str| super::totals::asked_for(&e.filter, highlight.as_deref(), &x_name, n);
    let left_out = super::totals::flattening(&largest, asked);
    let total_note = super::totals::note(&left_out, &x_name, false, lang);
    if !left_out.is_empty() {
        let keep: Vec<bool> = categories
            .iter()
            .map(|c| !left_out.iter().any(|(n, _)| n == c))
            .collect();
        let kept = |v: &mut Vec<Option<f64>>| {
            let mut k = keep.iter();
            v.retain(|_| k.next().copied().unwrap_or(true));
        };
        for (_, _, v) in values.iter_mut() {
            kept(v);
        }
        n_values.retain(|b| !left_out.iter().any(|(n, _)| *n == b.category));
        categories.retain(|c| !left_out.iter().any(|(n, _)| n == c));
    }

    // Sort on the first series of the first panel; missing values go last.
    let sort = spec.sort.unwrap_or(if sj.is_some() || time_x {
        BarSort::None
    } else {
        BarSort::Desc
    });
    let mut order: Vec<usize> = (0..categories.len()).collect();
    if let Some((_, _, first)) = values.first() {
        let key = |k: usize| first.get(k).copied().flatten();
        match sort {
            BarSort::Desc => crate::sort::sort_by(&mut order, |&a, &b| match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }),
            BarSort::Asc => crate::sort::sort_by(&mut order, |&a, &b| match (key(a), key(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }),
            BarSort::None => {}
        }
    }
    // More bars than a chart holds: the first MAX_BARS in the chart's order (the highest when
    // sorted high to low), the highlighted one kept, and a note says how many are left out.
    let all = order.len();
    if all > MAX_BARS {
        let wanted = highlight
            .as_ref()
            .and_then(|h| categories.iter().position(|c| c == h));
        order.truncate(MAX_BARS);
        if let Some(h) = wanted.filter(|h| !order.contains(h)) {
            order[MAX_BARS - 1] = h;
        }
        let kept: std::collections::HashSet<&str> =
            order.iter().map(|&k| categories[k].as_str()).collect();
        n_values.retain(|b| kept.contains(b.category.as_str()));
    }
    let cut_note = (all > MAX_BARS).then(|| {
        let (shown, all) = (
            crate::format::number(order.len() as f64, 0, lang),
            crate::format::number(all as f64, 0, lang),
        );
        let which = match (sort, lang) {
            (BarSort::Desc, Lang::Nl) => format!("De {shown} hoogste"),
            (BarSort::Asc, Lang::Nl) => format!("De {shown} laagste"),
            (BarSort::None, Lang::Nl) => format!("De eerste {shown}"),
            (BarSort::Desc, Lang::En) => format!("The {shown} highest"),
            (BarSort::Asc, Lang::En) => format!("The {shown} lowest"),
            (BarSort::None, Lang::En) => format!("The first {shown}"),
        };
        let others = super::totals::choose_others(&x_name, "x", lang);
        match lang {
            Lang::Nl => format!("{which} van {all} staven getoond; {others}."),
            Lang::En => format!("{which} of {all} bars shown; {others}."),
        }
    });
    // Panels times categories times series: small multiples of every municipality per region
    // drew 36,750 places for bars (8 MB of SVG, seconds of drawing), nearly all empty.
    let places = order.len() * facets.len().max(1) * series_names.len().max(1);
    if facets.len() > 1 && places > MAX_PLACES {
        let n = |v: usize| crate::format::number(v as f64, 0, lang);
        let fc = e.facet.as_deref().unwrap_or_default();
        return Err(Error::view(match lang {
            Lang::Nl => format!(
                "Deze grafiek zou {} plaatsen voor staven tekenen ({} waarden van {x_name} in \
                 elk van {} panelen van {fc}, {} reeks(en)); een grafiek houdt er hoogstens {}. \
                 Kies minder waarden met filter=, of een andere kolom voor x= of facet=.",
                n(places),
                n(order.len()),
                n(facets.len()),
                n(series_names.len().max(1)),
                n(MAX_PLACES)
            ),
            Lang::En => format!(
                "This chart would draw {} places for bars ({} values of {x_name} in each of {} \
                 panels of {fc}, {} series); a chart holds at most {}. Choose fewer values with \
                 filter=, or another column for x= or facet=.",
                n(places),
                n(order.len()),
                n(facets.len()),
                n(series_names.len().max(1)),
                n(MAX_PLACES)
            ),
        }));
    }
    let categories: Vec<String> = order
        .iter()
        .filter_map(|&k| categories.get(k).cloned())
        .collect();
    let series: Vec<Series> = values
        .into_iter()
        .map(|(facet, name, v)| Series {
            name,
            facet,
            points: order
                .iter()
                .zip(&categories)
                .map(|(&k, c)| Point {
                    x: serde_json::json!(c),
                    y: v.get(k).copied().flatten(),
                    value: None,
                })
                .collect(),
        })
        .collect();
    let reference = match &spec.reference {
        None => None,
        Some(Reference::Value(v)) => Some(RefLine {
            label: crate::format::number(*v, decimals(std::iter::once(*v)), lang),
            category: None,
            values: vec![RefValue {
                facet: None,
                series: None,
                value: Some(*v),
            }],
        }),
        Some(Reference::Category(given)) => {
            // As the file writes it (`Totaal` for `ref=totaal`).
            let c = ref_category.clone().unwrap_or_else(|| given.clone());
            Some(RefLine {
                label: c.clone(),
                category: Some(c),
                values: ref_values,
            })
        }
    };
    let aggregated = combined.as_ref().map(|c| c.aggregation.clone());
    let mut notes: Vec<String> = aggregated
        .as_ref()
        .map(|a| a.notes.clone())
        .unwrap_or_default();
    notes.extend(total_note);
    notes.extend(cut_note);
    // A region to mark that names a series, not a bar: bars mark bars only.
    if let Some(h) =
        region.filter(|h| from_region && highlight.is_none() && series_names.iter().any(|s| s == h))
    {
        notes.push(match lang {
            Lang::Nl => format!(
                "region={h}: een staafdiagram markeert een staaf (een waarde van '{x_name}'); de reeks '{h}' is niet gemarkeerd."
            ),
            Lang::En => format!(
                "region={h}: a bar chart marks a bar (a value of '{x_name}'); the series '{h}' is not marked."
            ),
        });
    }
    // A bar without a number: a row with an empty cell (unknown or suppressed), or no row for
    // that series at that category. A series that belongs to its category (the body
    // responsible for a grondslag) has no row at the others, and that needs no word.
    let mut unknown: Vec<String> = Vec::new();
    let mut absent: Vec<String> = Vec::new();
    let mut no_row: Vec<BarN> = Vec::new();
    let structural = sj.is_some_and(|sj| f.belongs_to(&x_name, f.name(sj)));
    for s in &series {
        let p = facets
            .iter()
            .position(|(fc, _)| *fc == s.facet)
            .unwrap_or(0);
        for pt in s.points.iter().filter(|pt| pt.y.is_none()) {
            let c = pt.x.as_str().unwrap_or("").to_string();
            if at_bar.contains_key(&(p, s.name.clone(), c.clone())) {
                unknown.push(c);
                continue;
            }
            no_row.push(BarN {
                facet: s.facet.clone(),
                series: Some(s.name.clone()),
                category: c.clone(),
                n: None,
            });
            if !structural {
                let at = crate::format::t(lang, "bij", "at");
                absent.push(match &s.facet {
                    Some(fc) if sj.is_some() => format!("{} {at} {c} ({fc})", s.name),
                    Some(fc) => format!("{c} ({fc})"),
                    None => format!("{} {at} {c}", s.name),
                });
            }
        }
    }
    // Each bar without a number once, listed under what it lacks.
    let mut u: Vec<String> = Vec::new();
    for x in unknown {
        if !u.contains(&x) {
            u.push(x);
        }
    }
    for (items, nl, en) in [
        (
            &absent,
            "Geen rij in het bestand (geen balk)",
            "No row in the file (no bar)",
        ),
        (
            &u,
            "Onbekend of geheim (geen balk)",
            "Unknown or suppressed (no bar)",
        ),
    ] {
        if !items.is_empty() {
            let list = crate::format::first_ten(items, lang);
            notes.push(format!("{}: {list}.", crate::format::t(lang, nl, en)));
        }
    }
    let percent = f.roles.role(&y_name) == Some(Role::Percent);
    let y_label = e.ylabel.clone().unwrap_or_else(|| {
        let yl = capitalise(&label_in(&y_name, lang));
        if let Some(p) = &e.per {
            format!("{yl} per 100 {}", label_in(p, lang))
        } else if percent {
            crate::data::tidy::with_percent_unit(yl)
        } else {
            yl
        }
    });
    let dec = decimals(
        series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| p.y)),
    );
    #[cfg(feature = "full")]
    let (categories, series, highlight, n_values, no_row, reference) = {
        notes.extend(by_period.notes.iter().cloned());
        let (mut categories, mut series, mut highlight) = (categories, series, highlight);
        let (mut n_values, mut no_row, mut reference) = (n_values, no_row, reference);
        let relabel = |t: &mut String| super::frame::relabel(&by_period.labels, t);
        categories.iter_mut().for_each(relabel);
        highlight.iter_mut().for_each(relabel);
        n_values.iter_mut().for_each(|b| relabel(&mut b.category));
        no_row.iter_mut().for_each(|b| relabel(&mut b.category));
        if let Some(r) = reference.as_mut().filter(|r| r.category.is_some()) {
            relabel(&mut r.label);
            r.category.iter_mut().for_each(relabel);
        }
        super::frame::relabel_points(&by_period.labels, &mut series);
        (categories, series, highlight, n_values, no_row, reference)
    };
    Ok(BarsData {
        view: "bars",
        x: x_name,
        y: y_name,
        series_column: series_name,
        facet_column: e.facet.clone(),
        y_label,
        categories,
        categories_total: (all > MAX_BARS).then_some(all),
        facets: facets.into_iter().filter_map(|f| f.0).collect(),
        series,
        reference,
        highlight,
        n_column: nj.map(|j| f.name(j).to_string()),
        n: n_values,
        sort: match sort {
            BarSort::Desc => "desc",
            BarSort::Asc => "asc",
            BarSort::None => "none",
        },
        percent,
        decimals: dec,
        notes,
        roles: f.roles.clone(),
        aggregated,
        no_row,
        one_per_category: structural,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Encoding;

    fn table(csv: &str) -> crate::table::Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    #[test]
    fn sorted_bars_with_a_category_as_reference() {
        let t = table("groep,aandeel\nA,20\ntotaal,30\nB,40\nC,x\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let spec = BarsSpec {
            enc: Encoding::default(),
            reference: Some(Reference::Category("totaal".into())),
            highlight: Some("A".into()),
            sort: None,
            n: None,
        };
        let d = compute(&f, &spec, None).unwrap();
        assert_eq!(d.categories, ["B", "A", "C"]);
        let ys: Vec<Option<f64>> = d.series[0].points.iter().map(|p| p.y).collect();
        assert_eq!(ys, vec![Some(40.0), Some(20.0), None]);
        assert_eq!(d.reference.unwrap().values[0].value, Some(30.0));
        assert!(d.notes[0].contains('C'));
    }

    #[test]
    fn more_bars_than_a_chart_holds_show_the_first_in_its_order() {
        let rows: String = (0..MAX_BARS + 50).map(|i| format!("p{i},{i}\n")).collect();
        let t = table(&format!("naam,waarde\n{rows}"));
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let spec = BarsSpec {
            enc: Encoding::default(),
            reference: None,
            highlight: Some("p3".into()),
            sort: None,
            n: None,
        };
        let d = compute(&f, &spec, None).unwrap();
        assert_eq!(d.categories.len(), MAX_BARS);
        assert_eq!(d.categories_total, Some(MAX_BARS + 50));
        // The highest first, the highlighted one kept in the last place.
        assert_eq!(d.categories[0], format!("p{}", MAX_BARS + 49));
        assert_eq!(d.categories[MAX_BARS - 1], "p3");
        assert_eq!(d.series[0].points.len(), MAX_BARS);
        assert!(d.notes.iter().any(|n| n == "De 400 hoogste van 450 staven getoond; kies andere met filter=naam:... of neem als x= een kolom met minder waarden."), "{:?}", d.notes);
        // As many as a chart holds: all of them, and no count beside them.
        let rows: String = (0..MAX_BARS).map(|i| format!("p{i},{i}\n")).collect();
        let t = table(&format!("naam,waarde\n{rows}"));
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(
            &f,
            &BarsSpec {
                highlight: None,
                ..spec
            },
            None,
        )
        .unwrap();
        assert_eq!((d.categories.len(), d.categories_total), (MAX_BARS, None));
    }

    #[test]
    fn unknown_highlight_and_reference_list_the_categories() {
        let t = table("groep,aandeel\nA,20\nB,40\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let mut spec = BarsSpec {
            enc: Encoding::default(),
            reference: Some(Reference::Category("totaal".into())),
            highlight: None,
            sort: None,
            n: None,
        };
        let e = compute(&f, &spec, None).unwrap_err();
        assert!(e.message.contains("A, B"), "{}", e.message);
        spec.reference = None;
        spec.highlight = Some("Z".into());
        assert!(compute(&f, &spec, None).is_err());
    }
}
