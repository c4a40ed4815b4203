//! The 100% stacked area view: shares of categories (labour-market states) over an ordered x
//! (months since the start), with the number of persons per x carried through and x values with
//! few persons marked, because the shares there rest on few people.

use super::frame::Frame;
use super::stacked::distribution_columns;
use super::stacked::parts;
use crate::data::tidy::*;
use crate::data::tidy::{decimals, Point, Series, UNKNOWN};
use crate::error::{Error, Result};
use crate::format::{number, Lang};
use crate::spec::{AreaSpec, Role};

/// The 100% stacked area view of the frame's rows; notes and errors in the frame's language.
pub fn compute(f: &Frame, spec: &AreaSpec) -> Result<AreaData> {
    let e = &spec.enc;
    let lang = f.lang;
    let (x_name, y_name, s_name) = distribution_columns(
        f,
        e.x.as_deref(),
        (e.y.as_deref(), e.per.as_deref()),
        e.series.as_deref(),
        e.facet.as_deref(),
        "area",
    )?;
    let xj = f.col("x", &x_name)?;
    let yj = f.col("y", &y_name)?;
    let sj = f.col("series", &s_name)?;
    let facet_j = f.facet_col(e.facet.as_deref(), [Some(xj), Some(sj)])?;
    f.numeric("y", yj)?;
    let used = [
        x_name.as_str(),
        y_name.as_str(),
        s_name.as_str(),
        e.facet.as_deref().unwrap_or(""),
    ];
    // Without n=, a column of persons is taken only for shares: the persons behind counts are
    // their own sum (another count, such as working persons beside the register, is no n of
    // theirs).
    let nj = if spec.n.is_none() && matches!(f.role(yj), Some(Role::Count | Role::N)) {
        None
    } else {
        f.n_column(spec.n.as_deref(), &used)?
    };
    // Rows that land on one point are combined over the columns the view does not show.
    let per_j = e.per.as_deref().map(|p| f.col("per", p)).transpose()?;
    let mut keys = vec![xj, sj];
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
    let (as_is, mut categories, dropped) = parts(f, &y_name, yj, sj, xj, facet_j)?;
    if categories.len() > super::stacked::MAX_PARTS {
        let most = super::stacked::MAX_PARTS;
        return Err(super::stacked::too_many(
            "parts",
            f.name(sj),
            categories.len(),
            most,
            lang,
        ));
    }
    let facets = f.facets(facet_j);
    let cat_at = f.label_index(sj, &categories);
    let facet_of = super::frame::facet_index(&facets, f.table.len());
    let (x_values, x_at, axis_notes) = f.time_axis(xj, |i| {
        let c = cat_at.get(i).copied().flatten()?;
        Some(c * facets.len() + facet_of.get(i).map_or(0, |&k| k as usize))
    });
    if x_values.len() < 2 {
        return Err(Error::not_available(match lang {
            Lang::Nl => format!("Een vlakdiagram vraagt minstens twee waarden van '{x_name}'."),
            Lang::En => format!("An area chart needs at least two values of '{x_name}'."),
        }));
    }
    let mut series = Vec::new();
    let mut n_points = Vec::new();
    let mut notes: Vec<String> = combined
        .as_ref()
        .map(|c| c.aggregation.notes.clone())
        .unwrap_or_default();
    notes.extend(axis_notes);
    let mut any_unknown = false;
    // Parts with no row in the file: (x, part).
    let mut no_row: Vec<(String, String)> = Vec::new();
    for (facet, rows) in &facets {
        let mut grid: Vec<Vec<Option<usize>>> = vec![vec![None; x_values.len()]; categories.len()];
        for &i in rows {
            let (Some(c), Some(k)) = (
                cat_at.get(i).copied().flatten(),
                x_at.get(i).copied().flatten(),
            ) else {
                continue;
            };
            if let Some(prev) = grid[c][k] {
                let what = format!(
                    "{x_name} = {}, {s_name} = {}",
                    x_values[k].label, categories[c]
                );
                return Err(f.duplicate(&what, prev, i, sj));
            }
            grid[c][k] = Some(i);
        }
        let raw: Vec<Vec<Option<f64>>> = grid
            .iter()
            .map(|r| r.iter().map(|c| c.and_then(|i| f.number(yj, i))).collect())
            .collect();
        let mut unknown_share: Vec<Option<f64>> = vec![None; x_values.len()];
        let mut sums = vec![0.0; x_values.len()];
        // Counts: a part the file has no row for at an x (exports leave out rows of nobody; a
        // state may not occur yet) adds nothing (0), and is said; a row whose count is unknown
        // or suppressed leaves the whole unknown.
        let absent = |c: usize, k: usize| !as_is && grid[c][k].is_none();
        for k in 0..x_values.len() {
            let present = grid.iter().any(|r| r[k].is_some());
            sums[k] = raw.iter().filter_map(|r| r[k]).sum();
            if present {
                for (c, name) in categories.iter().enumerate() {
                    if absent(c, k) {
                        let place = match facet {
                            Some(fc) => format!("{} ({fc})", x_values[k].label),
                            None => x_values[k].label.clone(),
                        };
                        no_row.push((place, name.clone()));
                    }
                }
            }
            if present && (0..categories.len()).any(|c| raw[c][k].is_none() && !absent(c, k)) {
                any_unknown = true;
                unknown_share[k] = Some(if as_is {
                    (100.0 - sums[k]).max(0.0)
                } else {
                    0.0
                });
            }
        }
        for (c, name) in categories.iter().enumerate() {
            let points = x_values
                .iter()
                .enumerate()
                .map(|(k, x)| {
                    let v = raw.get(c).and_then(|r| r.get(k)).copied().flatten();
                    Point {
                        x: x.value.clone(),
                        y: if as_is {
                            v
                        } else if unknown_share[k].is_some() {
                            None // a count is missing, so the whole is unknown
                        } else if absent(c, k) && grid.iter().any(|r| r[k].is_some()) {
                            Some(0.0) // no row: nothing of this part
                        } else {
                            v.map(|v| {
                                if sums[k] > 0.0 {
                                    v / sums[k] * 100.0
                                } else {
                                    0.0
                                }
                            })
                        },
                        value: if as_is { None } else { v },
                    }
                })
                .collect();
            series.push(Series {
                name: name.clone(),
                facet: facet.clone(),
                points,
            });
        }
        if unknown_share.iter().any(Option::is_some) && as_is {
            series.push(Series {
                name: UNKNOWN.to_string(),
                facet: facet.clone(),
                points: x_values
                    .iter()
                    .zip(&unknown_share)
                    .map(|(x, u)| Point {
                        x: x.value.clone(),
                        y: Some(u.unwrap_or(0.0)),
                        value: None,
                    })
                    .collect(),
            });
        }
        // Persons per x: the n column when every row at x repeats it, else its sum over the
        // categories; without an n column, the sum of converted counts.
        for (k, x) in x_values.iter().enumerate() {
            let at: Vec<usize> = grid.iter().filter_map(|r| r[k]).collect();
            let n = match nj {
                Some(nj) => {
                    let vals: Vec<f64> = at.iter().filter_map(|&i| f.number(nj, i)).collect();
                    match vals.first() {
                        None => None,
                        Some(first) if vals.iter().all(|v| v == first) => Some(*first),
                        Some(_) => Some(vals.iter().sum()),
                    }
                }
                None if !as_is && !at.is_empty() && unknown_share[k].is_none() => Some(sums[k]),
                None => None,
            };
            if at.is_empty() {
                continue;
            }
            n_points.push(NPoint {
                facet: facet.clone(),
                x: x.value.clone(),
                n,
                small: n.is_some_and(|n| n < spec.min_n),
            });
        }
    }
    if any_unknown && as_is && !categories.iter().any(|c| c == UNKNOWN) {
        categories.push(UNKNOWN.to_string());
        notes.push(
            crate::format::t(
                lang,
                "Ontbrekende aandelen staan als 'onbekend' (de rest tot 100 %).",
                "Missing shares are shown as 'unknown' (the rest up to 100 %).",
            )
            .to_string(),
        );
    }
    let small: Vec<String> = n_points
        .iter()
        .filter(|p| p.small)
        .map(|p| {
            let x =
                p.x.as_f64()
                    .map(|v| number(v, 0, lang))
                    .or_else(|| p.x.as_str().map(str::to_string))
                    .unwrap_or_default();
            match &p.facet {
                Some(fc) => format!("{fc} {x}"),
                None => x,
            }
        })
        .collect();
    if !small.is_empty() {
        let (min_n, small) = (number(spec.min_n, 0, lang), small.join(", "));
        notes.push(match lang {
            Lang::Nl => format!("Minder dan {min_n} personen (onzeker, gearceerd): {small}."),
            Lang::En => format!("Fewer than {min_n} persons (uncertain, hatched): {small}."),
        });
    }
    notes.extend(super::stacked::no_row_note(&no_row, "at", lang));
    notes.extend(dropped.notes(lang));
    if !as_is {
        notes.push(match lang {
            Lang::Nl => format!("'{y_name}' is omgerekend naar aandelen per {x_name}."),
            Lang::En => format!("'{y_name}' is converted to shares per {x_name}."),
        });
        if any_unknown {
            notes.push(
                crate::format::t(
                    lang,
                    "Waar een aantal onbekend of geheim is, is geen verdeling te berekenen (gat).",
                    "Where a count is unknown or suppressed, no distribution can be computed (gap).",
                )
                .to_string(),
            );
        }
    }
    let dec = decimals(
        series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| p.y)),
    );
    Ok(AreaData {
        view: "area",
        x: x_name,
        y: y_name,
        series_column: s_name,
        facet_column: e.facet.clone(),
        n_column: nj.map(|j| f.name(j).to_string()),
        min_n: spec.min_n,
        x_values,
        categories,
        facets: facets.into_iter().filter_map(|f| f.0).collect(),
        series,
        n: n_points,
        converted: !as_is,
        decimals: dec.min(1),
        notes,
        roles: f.roles.clone(),
        aggregated: combined.as_ref().map(|c| c.aggregation.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::tidy::{Encoding, DEFAULT_MIN_N};

    fn table(csv: &str) -> crate::table::Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    #[test]
    fn shares_over_months_with_n_and_small_groups_marked() {
        let t = table(
            "maand,status,aandeel,personen\n0,werk,40,500\n0,geen werk,60,500\n6,werk,55,80\n6,geen werk,45,80\n",
        );
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(
            &f,
            &AreaSpec {
                enc: Encoding::default(),
                n: None,
                min_n: DEFAULT_MIN_N,
            },
        )
        .unwrap();
        assert_eq!(d.x, "maand");
        assert_eq!(d.series_column, "status");
        assert_eq!(d.n_column.as_deref(), Some("personen"));
        assert_eq!(d.n[0].n, Some(500.0));
        assert!(!d.n[0].small);
        assert_eq!(d.n[1].n, Some(80.0));
        assert!(d.n[1].small);
        assert_eq!(d.series[0].points[1].y, Some(55.0));
    }

    #[test]
    fn counts_per_state_become_shares_and_n_is_their_sum() {
        let t = table("maand,status,aantal_x\n0,werk,30\n0,geen,10\n6,werk,20\n6,geen,20\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(
            &f,
            &AreaSpec {
                enc: Encoding::default(),
                n: None,
                min_n: 10.0,
            },
        )
        .unwrap();
        assert!(d.converted);
        assert_eq!(d.series[0].points[0].y, Some(75.0));
        assert_eq!(d.n[0].n, Some(40.0));
    }
}
