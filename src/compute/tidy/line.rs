//! The line view: values over time per series, optionally as an index (first period = 100).
//! Every series has a point for every x; missing cells and absent rows are null, so lines break.

use super::frame::Frame;
use crate::data::tidy::*;
use crate::data::tidy::{capitalise, decimals, label_in, Point, Series};
use crate::data::Roles;
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::LineSpec;
use crate::spec::Role;

/// The default value column: shares and plain values before counts, the group size last.
/// At most this many lines in one chart (a column of a value per person would draw thousands,
/// which no one can tell apart and which stop the page while it draws them).
pub const MAX_LINES: usize = 100;

pub fn default_value(roles: &Roles, skip: &[&str]) -> Option<String> {
    // The regional file's central count (the agreement counts working persons) before its
    // subgroups and registers: a line or bars of the built-in data show `workers_total`.
    #[cfg(feature = "full")]
    if let Some(c) = roles.columns.iter().find(|c| {
        c.column == crate::compute::regional::Count::WorkersTotal.name()
            && c.role == Role::Count
            && !skip.contains(&c.column.as_str())
    }) {
        return Some(c.column.clone());
    }
    [
        Role::Percent,
        Role::Value,
        Role::Count,
        Role::OddsRatio,
        Role::N,
    ]
    .iter()
    .find_map(|r| {
        roles
            .columns
            .iter()
            .find(|c| c.role == *r && !skip.contains(&c.column.as_str()))
    })
    .map(|c| c.column.clone())
}

/// The default value column beside `per=` (a ratio of sums divides counts): the first count, else
/// group size, that is not `per` itself nor skipped. `None` without `per=`.
pub fn default_count_for_per(roles: &Roles, skip: &[&str], per: Option<&str>) -> Option<String> {
    let per = per?;
    [Role::Count, Role::N]
        .iter()
        .find_map(|r| {
            roles
                .columns
                .iter()
                .find(|c| c.role == *r && c.column != per && !skip.contains(&c.column.as_str()))
        })
        .map(|c| c.column.clone())
}

/// The default series column: the first category with more than one value not used elsewhere.
pub fn default_category(roles: &Roles, skip: &[&str]) -> Option<String> {
    roles
        .columns
        .iter()
        .find(|c| c.role == Role::Category && c.distinct >= 2 && !skip.contains(&c.column.as_str()))
        .map(|c| c.column.clone())
}

/// The line view of the frame's rows; notes, labels and errors in the frame's language.
pub fn compute(f: &Frame, spec: &LineSpec) -> Result<LineData> {
    let e = &spec.enc;
    let lang = f.lang;
    let x_name = match &e.x {
        Some(x) => x.clone(),
        // The time column on facet= leaves none for x= (each panel would be one point).
        None if e.facet.is_some()
            && f.roles.first(&[Role::Time]).map(|c| c.column.as_str()) == e.facet.as_deref() =>
        {
            return Err(super::frame::facet_took(
                f,
                e.facet.as_deref().unwrap_or_default(),
                "x",
            ));
        }
        None => f
            .roles
            .first(&[Role::Time])
            .map(|c| c.column.clone())
            .ok_or_else(|| {
                Error::view(match lang {
                    Lang::Nl => format!(
                        "Geen tijdkolom gevonden voor view=line; geef x= op. Kolommen: {}.",
                        column_list(f)
                    ),
                    Lang::En => format!(
                        "No time column found for view=line; give x=. Columns: {}.",
                        column_list(f)
                    ),
                })
            })?,
    };
    let xj = f.col("x", &x_name)?;
    let y_name = match &e.y {
        Some(y) => y.clone(),
        None => default_count_for_per(&f.roles, &[&x_name], e.per.as_deref())
            .or_else(|| default_value(&f.roles, &[&x_name]))
            .ok_or_else(|| no_numbers(f))?,
    };
    let yj = f.col("y", &y_name)?;
    f.numeric("y", yj)?;
    // Shares of a distribution get a line per part (a mean over the parts says nothing).
    let parts = f
        .roles
        .get(&y_name)
        .and_then(|c| c.distribution_over.clone())
        .filter(|d| *d != x_name && Some(d.as_str()) != e.facet.as_deref());
    let series_name = match &e.series {
        Some(s) => Some(s.clone()),
        None if cfg!(feature = "full") && parts.is_some() => parts,
        #[cfg(feature = "full")]
        // (y is a number, never a series; a column of y's values tells every other apart.)
        None => super::natural::line_series(
            f.table,
            &f.roles,
            &[&x_name, e.facet.as_deref().unwrap_or("")],
        ),
        #[cfg(not(feature = "full"))]
        None => default_category(
            &f.roles,
            &[&x_name, &y_name, e.facet.as_deref().unwrap_or("")],
        ),
    };
    let sj = series_name
        .as_deref()
        .map(|s| f.col("series", s))
        .transpose()?;
    f.series_apart(xj, sj)?;
    let facet_j = f.facet_col(e.facet.as_deref(), [Some(xj), sj])?;
    // Rows that land on one point are combined over the columns the view does not show.
    let per_j = e.per.as_deref().map(|p| f.col("per", p)).transpose()?;
    let used = [
        x_name.as_str(),
        y_name.as_str(),
        series_name.as_deref().unwrap_or(""),
        e.facet.as_deref().unwrap_or(""),
        e.per.as_deref().unwrap_or(""),
    ];
    let nj = f.n_column(spec.n.as_deref(), &used)?;
    let mut keys = vec![xj];
    keys.extend(sj);
    keys.extend(facet_j);
    let combined = super::aggregate::combine(f, &keys, yj, per_j, nj, e.agg)?;
    let combined_frame;
    let f = match &combined {
        Some(c) => {
            combined_frame = c.frame();
            &combined_frame
        }
        None => f,
    };

    // A total over the periods (a pivot table's `Totaal` in the time column) is no moment on the
    // axis: its rows are left out, and said so.
    let all_series: Vec<String> = match sj {
        Some(sj) => f.distinct(sj),
        None => vec![y_name.clone()],
    };
    let s_at: Vec<Option<usize>> = match sj {
        Some(sj) => f.label_index(sj, &all_series),
        None => vec![Some(0); f.table.len()],
    };
    let facets = f.facets(facet_j);
    let facet_of = super::frame::facet_index(&facets, f.table.len());
    let (x_values, x_at, axis_notes) = f.time_axis(xj, |i| {
        let s = s_at.get(i).copied().flatten()?;
        Some(s * facets.len() + facet_of.get(i).map_or(0, |&k| k as usize))
    });
    let mut series = Vec::new();
    let mut notes = Vec::new();
    notes.extend(axis_notes);
    for (facet, rows) in &facets {
        // The row of every (series, x) in this panel; two rows on one point are an error.
        let mut cells: Vec<Vec<Option<usize>>> = vec![vec![None; x_values.len()]; all_series.len()];
        let mut present = vec![false; all_series.len()];
        for &i in rows {
            let Some(s) = s_at.get(i).copied().flatten() else {
                continue;
            };
            present[s] = true;
            let Some(k) = x_at.get(i).copied().flatten() else {
                continue;
            };
            if let Some(prev) = cells[s][k] {
                return Err(f.duplicate(
                    &format!(
                        "{} '{}', {x_name} = {}",
                        crate::format::t(lang, "reeks", "series"),
                        all_series[s],
                        x_values[k].label
                    ),
                    prev,
                    i,
                    xj,
                ));
            }
            cells[s][k] = Some(i);
        }
        for (si, name) in all_series.iter().enumerate() {
            if !present[si] {
                continue;
            }
            let name = name.clone();
            let cells = &cells[si];
            let raw: Vec<Option<f64>> = cells
                .iter()
                .map(|c| c.and_then(|i| f.number(yj, i)))
                .collect();
            let points = if spec.index {
                let base = raw.iter().flatten().next().copied();
                if base.is_some() && raw.first().copied().flatten().is_none() {
                    notes.push(match lang {
                        Lang::Nl => format!(
                            "{name}: de eerste periode ontbreekt; de index begint bij de eerste bekende periode."
                        ),
                        Lang::En => format!(
                            "{name}: the first period is missing; the index starts at the first known period."
                        ),
                    });
                }
                match base {
                    Some(b) if b > 0.0 => x_values
                        .iter()
                        .zip(&raw)
                        .map(|(x, v)| Point {
                            x: x.value.clone(),
                            y: v.map(|v| v / b * 100.0),
                            value: *v,
                        })
                        .collect(),
                    _ => {
                        notes.push(match lang {
                            Lang::Nl => format!(
                                "{name}: geen index mogelijk (eerste waarde ontbreekt, is 0 of negatief)."
                            ),
                            Lang::En => format!(
                                "{name}: no index possible (the first value is missing, 0 or negative)."
                            ),
                        });
                        x_values
                            .iter()
                            .map(|x| Point {
                                x: x.value.clone(),
                                y: None,
                                value: None,
                            })
                            .collect()
                    }
                }
            } else {
                x_values
                    .iter()
                    .zip(&raw)
                    .map(|(x, v)| Point {
                        x: x.value.clone(),
                        y: *v,
                        value: None,
                    })
                    .collect()
            };
            series.push(Series {
                name,
                facet: facet.clone(),
                points,
            });
        }
    }
    // A total so much larger than its parts that it would flatten them (`Landelijk` beside 35
    // regions) is left out, unless asked for; an index puts them side by side. Among the lines,
    // and among the panels, which share their axis.
    let mut hidden_panels: Vec<String> = Vec::new();
    if !spec.index {
        type Key = fn(&Series) -> Option<&str>;
        let by: [(Option<&str>, Key); 2] = [
            (series_name.as_deref(), |s| Some(s.name.as_str())),
            (e.facet.as_deref(), |s| s.facet.as_deref()),
        ];
        for (column, key) in by {
            let Some(column) = column else { continue };
            let mut largest: Vec<(String, Option<f64>)> = Vec::new();
            // (Found by its name in a map: a file of 100,000 series took 30 s searching a list.)
            let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for s in &series {
                let Some(k) = key(s) else { continue };
                let m = s
                    .points
                    .iter()
                    .filter_map(|p| p.y)
                    .map(f64::abs)
                    .reduce(f64::max);
                match at.get(k) {
                    Some(&i) => {
                        let v = &mut largest[i].1;
                        *v = [*v, m].into_iter().flatten().reduce(f64::max);
                    }
                    None => {
                        at.insert(k, largest.len());
                        largest.push((k.to_string(), m));
                    }
                }
            }
            let asked =
                |n: &str| super::totals::asked_for(&e.filter, spec.highlight.as_deref(), column, n);
            let left_out = super::totals::flattening(&largest, asked);
            if left_out.is_empty() {
                continue;
            }
            let out = |k: Option<&str>| k.is_some_and(|k| left_out.iter().any(|(n, _)| n == k));
            series.retain(|s| !out(key(s)));
            if Some(column) == e.facet.as_deref() {
                hidden_panels.extend(left_out.iter().map(|(n, _)| n.clone()));
            }
            notes.extend(super::totals::note(&left_out, column, true, lang));
        }
    }
    // More lines than a chart can tell apart (a series per person or per row): the MAX_LINES
    // with the highest last value (the highlighted one kept), and a note says how many are
    // left out.
    let mut last: Vec<(&str, f64)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in &series {
        let v = s
            .points
            .iter()
            .rev()
            .find_map(|p| p.y)
            .unwrap_or(f64::NEG_INFINITY);
        match index.get(s.name.as_str()) {
            Some(&k) => last[k].1 = last[k].1.max(v),
            None => {
                index.insert(&s.name, last.len());
                last.push((&s.name, v));
            }
        }
    }
    let lines = last.len();
    if lines > MAX_LINES {
        crate::sort::sort_by(&mut last, |a, b| b.1.total_cmp(&a.1));
        let mut kept: std::collections::HashSet<String> = last
            .iter()
            .take(MAX_LINES)
            .map(|(n, _)| n.to_string())
            .collect();
        if let Some(h) = spec
            .highlight
            .as_ref()
            .filter(|h| index.contains_key(h.as_str()))
        {
            if kept.insert(h.clone()) {
                if let Some((n, _)) = last.get(MAX_LINES - 1) {
                    kept.remove(*n);
                }
            }
        }
        series.retain(|s| kept.contains(&s.name));
        let column = series_name.as_deref().unwrap_or_default();
        let (shown, all) = (
            crate::format::number(MAX_LINES as f64, 0, lang),
            crate::format::number(lines as f64, 0, lang),
        );
        let others = super::totals::choose_others(column, "series", lang);
        notes.push(match lang {
            Lang::Nl => format!(
                "De {shown} lijnen met de hoogste laatste waarde van {all} getoond; {others}."
            ),
            Lang::En => {
                format!("The {shown} lines with the highest last value of {all} shown; {others}.")
            }
        });
    }
    if let Some(h) = &spec.highlight {
        if !series.iter().any(|s| s.name == *h) {
            let mut names: Vec<String> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for s in &series {
                if seen.insert(s.name.as_str()) {
                    names.push(s.name.clone());
                }
            }
            let hint = super::frame::did_you_mean(super::frame::near_value(h, &names), lang);
            let names = crate::format::first_ten(&names, lang);
            return Err(Error::view(match lang {
                Lang::Nl => format!("'highlight={h}' is geen reeks. Kies uit: {names}.{hint}"),
                Lang::En => format!("'highlight={h}' is not a series. Choose from: {names}.{hint}"),
            }));
        }
    }
    let gaps: Vec<String> = series
        .iter()
        .filter(|s| s.points.iter().any(|p| p.y.is_none()))
        .map(|s| match &s.facet {
            Some(fc) => format!("{} ({fc})", s.name),
            None => s.name.clone(),
        })
        .collect();
    if !gaps.is_empty() {
        notes.push(match lang {
            Lang::Nl => format!(
                "Ontbrekende of geheime waarden (onderbroken lijn): {}.",
                crate::format::first_ten(&gaps, lang)
            ),
            Lang::En => format!(
                "Missing or suppressed values (broken line): {}.",
                crate::format::first_ten(&gaps, lang)
            ),
        });
    }
    let percent = f.roles.role(&y_name) == Some(Role::Percent);
    let yl = match &e.per {
        Some(p) => format!(
            "{} per 100 {}",
            capitalise(&label_in(&y_name, lang)),
            label_in(p, lang)
        ),
        None => capitalise(&label_in(&y_name, lang)),
    };
    let y_label = match (&e.ylabel, spec.index) {
        (Some(l), _) => l.clone(),
        (None, true) => format!(
            "{yl}, index ({} = 100)",
            crate::format::t(lang, "eerste periode", "first period")
        ),
        (None, false) if percent && e.per.is_none() => crate::data::tidy::with_percent_unit(yl),
        (None, false) => yl,
    };
    let aggregated = combined.as_ref().map(|c| c.aggregation.clone());
    if let Some(a) = &aggregated {
        notes.splice(0..0, a.notes.iter().cloned());
    }
    let decimals = if spec.index {
        0
    } else {
        decimals(
            series
                .iter()
                .flat_map(|s| s.points.iter().filter_map(|p| p.y)),
        )
    };
    Ok(LineData {
        view: "line",
        x_label: capitalise(&label_in(&x_name, lang)),
        x: x_name,
        y: y_name,
        series_column: series_name,
        facet_column: e.facet.clone(),
        index: spec.index,
        y_label,
        x_values,
        facets: facets
            .into_iter()
            .filter_map(|f| f.0)
            .filter(|f| !hidden_panels.contains(f))
            .collect(),
        series,
        series_total: (lines > MAX_LINES).then_some(lines),
        percent,
        decimals,
        notes,
        roles: f.roles.clone(),
        dashed: Vec::new(),
        aggregated,
    })
}

/// The error when no column with numbers is found for `y=`.
pub fn no_numbers(f: &Frame) -> Error {
    Error::view(match f.lang {
        Lang::Nl => format!(
            "Geen kolom met getallen gevonden; geef y= op. Kolommen: {}.",
            column_list(f)
        ),
        Lang::En => format!(
            "No column with numbers found; give y=. Columns: {}.",
            column_list(f)
        ),
    })
}

pub fn column_list(f: &Frame) -> String {
    f.table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Encoding;

    fn table(csv: &str) -> crate::table::Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    #[test]
    fn more_lines_than_a_chart_holds_keep_the_highest_last_values() {
        let mut csv = String::from("naam,jaar,waarde\n");
        for i in 0..MAX_LINES + 20 {
            csv.push_str(&format!("p{i},2019,1\np{i},2020,{i}\n"));
        }
        let t = crate::table::load("t.csv", csv.as_bytes()).unwrap();
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let spec = LineSpec {
            enc: crate::spec::Encoding {
                x: Some("jaar".into()),
                y: Some("waarde".into()),
                series: Some("naam".into()),
                ..Default::default()
            },
            n: None,
            index: false,
            highlight: Some("p0".into()),
        };
        let d = compute(&f, &spec).unwrap();
        assert_eq!(d.series.len(), MAX_LINES);
        assert_eq!(d.series_total, Some(MAX_LINES + 20));
        // The highest last values, and the highlighted line (last 2020 value 0) kept.
        let names: Vec<&str> = d.series.iter().map(|s| s.name.as_str()).collect();
        assert!(names.contains(&"p0") && names.contains(&"p119") && !names.contains(&"p5"));
        assert!(
            d.notes
                .iter()
                .any(|n| n
                    .starts_with("De 100 lijnen met de hoogste laatste waarde van 120 getoond")),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn series_have_a_point_per_year_with_gaps_as_null() {
        let t = table("jaar,groep,aantal\n2017,A,10\n2018,A,.\n2019,A,30\n2017,B,5\n2019,B,7\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let spec = LineSpec {
            enc: Encoding::default(),
            index: false,
            highlight: None,
            n: None,
        };
        let d = compute(&f, &spec).unwrap();
        assert_eq!(d.x, "jaar");
        assert_eq!(d.y, "aantal");
        assert_eq!(d.series_column.as_deref(), Some("groep"));
        let a: Vec<Option<f64>> = d.series[0].points.iter().map(|p| p.y).collect();
        assert_eq!(a, vec![Some(10.0), None, Some(30.0)]);
        let b: Vec<Option<f64>> = d.series[1].points.iter().map(|p| p.y).collect();
        assert_eq!(b, vec![Some(5.0), None, Some(7.0)]);
        assert!(d.notes.iter().any(|n| n.contains("A, B")));
    }

    #[test]
    fn index_sets_the_first_period_to_100() {
        let t = table("jaar,aantal\n2017,50\n2018,75\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let spec = LineSpec {
            enc: Encoding::default(),
            index: true,
            highlight: None,
            n: None,
        };
        let d = compute(&f, &spec).unwrap();
        assert_eq!(d.series[0].points[1].y, Some(150.0));
        assert_eq!(d.series[0].points[1].value, Some(75.0));
    }

    #[test]
    fn rows_on_one_point_are_combined_by_the_rules() {
        let t = table(
            "jaar,groep,sekse,werkzaam,pct\n2017,A,m,1,10\n2017,A,v,2,40\n2018,A,m,3,20\n2018,A,v,.,30\n",
        );
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let mut spec = LineSpec {
            enc: Encoding {
                series: Some("groep".into()),
                y: Some("werkzaam".into()),
                ..Encoding::default()
            },
            index: false,
            highlight: None,
            n: None,
        };
        let d = compute(&f, &spec).unwrap();
        assert_eq!(d.series[0].points[0].y, Some(3.0));
        assert_eq!(
            d.series[0].points[1].y, None,
            "a suppressed part: unknown, not 3"
        );
        let a = d.aggregated.unwrap();
        assert_eq!(
            (a.over.as_slice(), a.rows, a.points),
            (&["sekse".to_string()][..], 4, 2)
        );
        assert!(
            d.notes[0].starts_with("Opgeteld over sekse"),
            "{:?}",
            d.notes
        );
        // A percentage without n is refused; weighted with n=aantal it is the weighted mean.
        spec.enc.y = Some("pct".into());
        let e = compute(&f, &spec).unwrap_err();
        assert!(e.message.contains("(n)"), "{}", e.message);
        spec.n = Some("werkzaam".into());
        let d = compute(&f, &spec).unwrap();
        assert_eq!(d.series[0].points[0].y, Some(30.0));
        assert_eq!(d.series[0].points[1].y, None);
        // A percentage is never part of a ratio of sums, nor summed when asked to.
        spec.n = None;
        spec.enc.y = Some("werkzaam".into());
        spec.enc.per = Some("pct".into());
        let e = compute(&f, &spec).unwrap_err();
        assert!(
            e.message.contains("'pct' is een percentage"),
            "{}",
            e.message
        );
        spec.enc.per = None;
        spec.enc.y = Some("pct".into());
        spec.enc.agg = Some(crate::spec::Agg::Sum);
        let e = compute(&f, &spec).unwrap_err();
        assert!(e.message.contains("ook niet met agg=sum"), "{}", e.message);
        // Ratio of sums of two counts; without y= beside per=, the y is a count.
        let t = table(
            "jaar,groep,sekse,werkzaam,personen,pct\n2017,A,m,1,10,10\n2017,A,v,2,40,5\n2018,A,m,3,20,15\n2018,A,v,4,30,13\n",
        );
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        spec.enc.agg = None;
        spec.enc.y = None;
        spec.enc.per = Some("personen".into());
        let d = compute(&f, &spec).unwrap();
        assert_eq!(d.y, "werkzaam");
        assert_eq!(d.series[0].points[0].y, Some(100.0 * 3.0 / 50.0));
        assert_eq!(d.series[0].points[1].y, Some(100.0 * 7.0 / 50.0));
        assert_eq!(d.y_label, "Werkzaam per 100 personen");
    }
}
