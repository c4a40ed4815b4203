//! Combining rows that land on one point of a view. A view shows a few dimensions (x, series,
//! facet); a file often has more (gemeente, leeftijd, geslacht). Rows are then combined over the
//! dimensions the view does not show, by the rules of the data:
//! - counts (role count or n) are summed; a suppressed cell makes the point unknown, never 0;
//! - `per=COLUMN` plots the ratio of sums, `100 x sum(y) / sum(per)`;
//! - a percentage or other value is the n-weighted mean when the table has an n column, and is
//!   refused otherwise (the error names what is missing); `agg=mean` asks for the plain mean;
//! - a row whose value in a dimension is a total (`Totaal`, `Alle leeftijden`, `Nederland`)
//!   stands for the other rows of its point: it is used and they are left out, never both;
//! - a period column the view does not show is not summed over (stocks do not add up over
//!   time): the latest period is shown, and the view says so.
//!
//! The result is a table with the same columns, one row per point, so the views draw it as they
//! draw any table; [`Aggregation`] says what was done (the `aggregated` field of the view data).

use super::frame::Frame;
use crate::data::tidy::{is_total, Aggregation};
use crate::error::{Error, ErrorKind, Result};
use crate::spec::{Agg, Role};
use crate::table::{Cell, Column, Table, Value};

/// A frame over a table of combined rows.
pub struct Combined {
    pub table: Table,
    pub roles: crate::data::Roles,
    pub aggregation: Aggregation,
}

impl Combined {
    pub fn frame(&self) -> Frame<'_> {
        Frame {
            table: &self.table,
            roles: self.roles.clone(),
            rows: (0..self.table.len()).collect(),
        }
    }
}

/// The total rows of a table, for the file line: "Totaalrijen herkend: subgroup = totaal".
/// Views use them when they want the total and leave them out when they add up the parts.
pub fn totals_note(table: &Table, roles: &crate::data::Roles) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for (c, r) in table.columns.iter().zip(&roles.columns) {
        if r.role != Role::Category {
            continue;
        }
        let values: Vec<&str> = c
            .dictionary()
            .iter()
            .map(|t| &**t)
            .filter(|t| is_total(t))
            .collect();
        if !values.is_empty() && r.distinct > values.len() {
            found.push(format!("{} = {}", c.name, values.join(" / ")));
        }
    }
    (!found.is_empty()).then(|| {
        format!(
            "Totaalrijen herkend: {} (gebruikt als totaal, nooit opgeteld bij de delen)",
            found.join("; ")
        )
    })
}

/// How the values of one point are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Sum,
    Ratio,
    Weighted,
    Mean,
}

impl Method {
    fn key(self) -> &'static str {
        match self {
            Method::Sum => "sum",
            Method::Ratio => "ratio",
            Method::Weighted => "weighted_mean",
            Method::Mean => "mean",
        }
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// Combines the frame's rows per point of the view. `keys` are the columns the view shows
/// (x, series, facet); `y` the value column; `per` the denominator of a ratio; `n` the column
/// with the number of persons (to weight percentages); `agg` the user's choice. `None` when every
/// point has one row and nothing asks for a ratio or a mean: the view draws the rows as they are.
pub fn combine(
    f: &Frame,
    keys: &[usize],
    y: usize,
    per: Option<usize>,
    n: Option<usize>,
    agg: Option<Agg>,
) -> Result<Option<Combined>> {
    let table = f.table;
    let mut keys: Vec<usize> = keys.to_vec();
    crate::sort::sort(&mut keys);
    keys.dedup();
    let value_cols: Vec<usize> = std::iter::once(y).chain(per).chain(n).collect();
    // The dimensions the view does not show.
    let dims: Vec<usize> = (0..table.columns.len())
        .filter(|j| !keys.contains(j) && !value_cols.contains(j))
        .filter(|&j| {
            matches!(
                f.role(j),
                Some(Role::Category | Role::Time | Role::Reference)
            )
        })
        .collect();
    // A point's identity: the key cells by dictionary code or number, not copied per row.
    let key_of = |i: usize| -> Vec<(u8, u64)> {
        keys.iter()
            .map(|&j| {
                f.table
                    .columns
                    .get(j)
                    .map_or((0, 0), |c| super::roles::cell_id(c, i))
            })
            .collect()
    };
    // Group the kept rows by point, in order of first appearance.
    let mut group_of: crate::table::FastMap<Vec<(u8, u64)>, usize> = Default::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &f.rows {
        let k = key_of(i);
        match group_of.get(&k) {
            Some(&g) => groups[g].push(i),
            None => {
                group_of.insert(k, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let repeated = groups.iter().any(|g| g.len() > 1);
    if !repeated && per.is_none() && agg.is_none() {
        return Ok(None);
    }

    // A period the view does not show: the latest one, where rows differ in it.
    let mut latest: Option<String> = None;
    for &j in &dims {
        if f.role(j) != Some(Role::Time) {
            continue;
        }
        let varies = groups
            .iter()
            .any(|g| g.iter().any(|&i| f.value(j, i) != f.value(j, g[0])));
        if !varies {
            continue;
        }
        let Some(last) = f.x_values(j).last().map(|x| x.key.clone()) else {
            continue;
        };
        for g in groups.iter_mut() {
            g.retain(|&i| f.text(j, i) == last);
        }
        groups.retain(|g| !g.is_empty());
        latest = Some(format!("{} = {last}", f.name(j)));
    }

    // Total rows stand for the other rows of their point.
    let total_dims: Vec<usize> = dims
        .iter()
        .copied()
        .filter(|&j| {
            f.rows
                .iter()
                .any(|&i| matches!(f.value(j, i), Cell::Text(t) if is_total(t)))
        })
        .collect();
    let mut totals: Vec<String> = Vec::new();
    for g in groups.iter_mut() {
        for &j in &total_dims {
            let tot: Vec<usize> = g
                .iter()
                .copied()
                .filter(|&i| matches!(f.value(j, i), Cell::Text(t) if is_total(t)))
                .collect();
            if !tot.is_empty() && tot.len() < g.len() {
                for &i in &tot {
                    let label = format!("{} = {}", f.name(j), f.text(j, i));
                    if !totals.contains(&label) {
                        totals.push(label);
                    }
                }
                *g = tot;
            }
        }
    }
    let combined = groups.iter().any(|g| g.len() > 1);
    let over: Vec<String> = dims
        .iter()
        .copied()
        .filter(|&j| {
            groups
                .iter()
                .any(|g| g.iter().any(|&i| f.value(j, i) != f.value(j, g[0])))
        })
        .map(|j| f.name(j).to_string())
        .collect();

    let y_role = f.role(y);
    let y_name = f.name(y).to_string();
    let method = match (per, agg) {
        (Some(_), _) => Method::Ratio,
        (None, Some(Agg::Sum)) => Method::Sum,
        (None, Some(Agg::Mean)) => Method::Mean,
        (None, None) => match y_role {
            Some(Role::Count | Role::N) => Method::Sum,
            _ if !combined => Method::Sum, // one row per point: nothing is combined
            Some(Role::Percent | Role::Value) if n.is_some() => Method::Weighted,
            Some(Role::Percent | Role::Value) => {
                let what = if y_role == Some(Role::Percent) {
                    "een percentage"
                } else {
                    "geen aantal"
                };
                return Err(Error::new(
                    ErrorKind::NotAvailable,
                    format!(
                        "'{y_name}' is {what}: rijen samenvoegen over {} kan alleen gewogen met het \
                         aantal personen per rij, en een kolom met dat aantal (n) ontbreekt. Geef \
                         n=kolom, kies series=, facet= of filter= zodat elk punt één rij heeft, of \
                         vraag met agg=mean om een ongewogen gemiddelde.",
                        if over.is_empty() {
                            "de rijen".to_string()
                        } else {
                            join_and(&over)
                        }
                    ),
                ));
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::NotAvailable,
                    format!(
                        "'{y_name}' ({}) laat zich niet optellen of middelen over {}. Kies series=, \
                         facet= of filter= zodat elk punt één rij heeft, of agg=mean.",
                        y_role.map(Role::label).unwrap_or("onbekende rol"),
                        if over.is_empty() {
                            "de rijen".to_string()
                        } else {
                            join_and(&over)
                        }
                    ),
                ));
            }
        },
    };
    for j in value_cols.iter().copied() {
        f.numeric(
            if j == y {
                "y"
            } else if Some(j) == per {
                "per"
            } else {
                "n"
            },
            j,
        )?;
    }

    // One row per point: keys and constant columns from the point's rows, values combined.
    let sum = |g: &[usize], j: usize| -> Option<f64> {
        g.iter()
            .try_fold(0.0, |acc, &i| f.number(j, i).map(|v| acc + v))
    };
    let mut columns: Vec<Column> = table
        .columns
        .iter()
        .map(|c| Column::with_capacity(c.name.clone(), groups.len()))
        .collect();
    let mut row_numbers = Vec::with_capacity(groups.len());
    let mut unknown = 0usize;
    let mut rows_in = 0usize;
    for g in &groups {
        rows_in += g.len();
        let first = g[0];
        row_numbers.push(table.row_numbers.get(first).copied().unwrap_or(first + 1));
        let value = match method {
            Method::Sum => sum(g, y),
            Method::Ratio => match (sum(g, y), per.and_then(|p| sum(g, p))) {
                (Some(a), Some(b)) if b > 0.0 => Some(100.0 * a / b),
                _ => None,
            },
            Method::Mean => g
                .iter()
                .map(|&i| f.number(y, i))
                .collect::<Option<Vec<f64>>>()
                .filter(|v| !v.is_empty())
                .map(|v| v.iter().sum::<f64>() / v.len() as f64),
            Method::Weighted => {
                let nj = n.unwrap_or(y);
                let pairs: Option<Vec<(f64, f64)>> = g
                    .iter()
                    .map(|&i| f.number(y, i).zip(f.number(nj, i)))
                    .collect();
                pairs.and_then(|p| {
                    let w: f64 = p.iter().map(|(_, w)| w).sum();
                    (w > 0.0).then(|| p.iter().map(|(v, w)| v * w).sum::<f64>() / w)
                })
            }
        };
        unknown += value.is_none() as usize;
        for (j, col) in columns.iter_mut().enumerate() {
            let v = if j == y {
                value.map(Value::Number).unwrap_or(Value::Missing)
            } else if Some(j) == per || Some(j) == n {
                sum(g, j).map(Value::Number).unwrap_or(Value::Missing)
            } else {
                let v = f.value(j, first);
                if keys.contains(&j) || g.iter().all(|&i| f.value(j, i) == v) {
                    v.to_value()
                } else {
                    Value::Missing
                }
            };
            col.push(v);
        }
    }
    let mut roles = f.roles.clone();
    if method == Method::Ratio {
        if let Some(r) = roles.columns.get_mut(y) {
            r.role = Role::Percent;
            r.group = Role::Percent.group();
            r.label = Role::Percent.label();
            r.distribution_over = None;
        }
    }
    let n_name = n.map(|j| f.name(j).to_string());
    let per_name = per.map(|j| f.name(j).to_string());
    let over_text = if over.is_empty() {
        None
    } else {
        Some(join_and(&over))
    };
    let mut note = match method {
        Method::Sum => match &over_text {
            Some(o) => format!("Opgeteld over {o}"),
            None => "Opgeteld".to_string(),
        },
        Method::Ratio => format!(
            "100 × som van {y_name} / som van {}{}",
            per_name.clone().unwrap_or_default(),
            over_text
                .as_ref()
                .map(|o| format!(", opgeteld over {o}"))
                .unwrap_or_default()
        ),
        Method::Weighted => format!(
            "Gemiddelde gewogen met {}{}",
            n_name.clone().unwrap_or_default(),
            over_text
                .as_ref()
                .map(|o| format!(" over {o}"))
                .unwrap_or_default()
        ),
        Method::Mean => format!(
            "Ongewogen gemiddelde{} (agg=mean)",
            over_text
                .as_ref()
                .map(|o| format!(" over {o}"))
                .unwrap_or_default()
        ),
    };
    note.push_str(&format!(
        ": {} {} -> {} {}",
        crate::format::nl(rows_in as f64, 0),
        if rows_in == 1 { "rij" } else { "rijen" },
        crate::format::nl(groups.len() as f64, 0),
        if groups.len() == 1 { "punt" } else { "punten" }
    ));
    // Nothing summed when each point kept one row (a total row, or the latest period).
    let mut notes = if combined || per.is_some() || agg.is_some() {
        vec![note]
    } else {
        Vec::new()
    };
    if let Some(l) = &latest {
        notes.push(format!(
            "Alleen de laatste periode ({l}): standen tellen niet op over de tijd; kies een andere met filter=."
        ));
    }
    if !totals.is_empty() {
        notes.push(format!(
            "Totaalrijen gebruikt in plaats van hun delen (niet dubbel geteld): {}.",
            totals.join(", ")
        ));
    }
    if unknown > 0 {
        notes.push(format!(
            "{unknown} punt(en) onbekend: een deel van de rijen is leeg of geheim."
        ));
    }
    let aggregation = Aggregation {
        over,
        rows: rows_in,
        points: groups.len(),
        method: method.key(),
        weight: if method == Method::Weighted {
            n_name
        } else {
            None
        },
        per: per_name,
        totals,
        latest,
        unweighted: method == Method::Mean,
        notes,
    };
    let table = Table {
        source: table.source.clone(),
        columns,
        row_numbers,
        detected: table.detected.clone(),
    };
    Ok(Some(Combined {
        table,
        roles,
        aggregation,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(t: &Table) -> Frame<'_> {
        Frame::new(t, &[], &[]).unwrap()
    }

    fn table(csv: &str) -> Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    fn ys(c: &Combined, y: usize) -> Vec<Option<f64>> {
        c.table.columns[y].iter().map(|v| v.as_number()).collect()
    }

    #[test]
    fn counts_are_summed_and_a_suppressed_cell_is_unknown() {
        let t = table("regio,gemeente,werkzaam\nA,a1,10\nA,a2,5\nB,b1,7\nB,b2,.\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(15.0), None]);
        assert_eq!(c.aggregation.over, ["gemeente"]);
        assert_eq!((c.aggregation.rows, c.aggregation.points), (4, 2));
        assert!(c.aggregation.notes[0].starts_with("Opgeteld over gemeente: 4 rijen -> 2 punten"));
        // One row per point: nothing to do.
        assert!(combine(&f, &[0, 1], 2, None, None, None).unwrap().is_none());
    }

    #[test]
    fn ratios_of_sums_weighted_means_and_the_refusal_without_n() {
        let t =
            table("regio,gemeente,werkzaam,personen,aandeel_pct\nA,a1,10,20,50\nA,a2,30,40,75\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, Some(3), None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(100.0 * 40.0 / 60.0)]);
        assert_eq!(c.roles.columns[2].role, Role::Percent);
        // The n-weighted mean of the percentages: (50*20 + 75*40) / 60.
        let c = combine(&f, &[0], 4, None, Some(3), None).unwrap().unwrap();
        assert_eq!(ys(&c, 4), vec![Some((50.0 * 20.0 + 75.0 * 40.0) / 60.0)]);
        assert_eq!(c.aggregation.weight.as_deref(), Some("personen"));
        let e = combine(&f, &[0], 4, None, None, None).err().unwrap();
        assert!(
            e.message.contains("percentage") && e.message.contains("(n)"),
            "{}",
            e.message
        );
        assert!(e.message.contains("gemeente"), "{}", e.message);
        let c = combine(&f, &[0], 4, None, None, Some(Agg::Mean))
            .unwrap()
            .unwrap();
        assert_eq!(ys(&c, 4), vec![Some(62.5)]);
        assert!(c.aggregation.unweighted);
    }

    #[test]
    fn total_rows_are_used_instead_of_their_parts() {
        let t = table("regio,gemeente,werkzaam\nA,a1,10\nA,a2,5\nA,Totaal,15\nB,b1,7\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(15.0), Some(7.0)]);
        assert_eq!(c.aggregation.totals, ["gemeente = Totaal"]);
    }

    #[test]
    fn totals_are_named_for_the_file_line() {
        let t = table("subgroep,leeftijd,n\nTotaal,Alle leeftijden,3\nWajong,<27,1\nWsw,<27,2\n");
        let roles = crate::data::Roles::detect(&t);
        assert_eq!(
            totals_note(&t, &roles).unwrap(),
            "Totaalrijen herkend: subgroep = Totaal; leeftijd = Alle leeftijden (gebruikt als totaal, nooit opgeteld bij de delen)"
        );
        let t = table("a,n\nx,1\ny,2\n");
        assert_eq!(totals_note(&t, &crate::data::Roles::detect(&t)), None);
    }

    #[test]
    fn stocks_are_not_summed_over_time() {
        let t = table("regio,jaar,werkzaam\nA,2018,10\nA,2019,12\nB,2018,7\nB,2019,8\n");
        let f = frame(&t);
        let c = combine(&f, &[0], 2, None, None, None).unwrap().unwrap();
        assert_eq!(ys(&c, 2), vec![Some(12.0), Some(8.0)]);
        assert_eq!(c.aggregation.latest.as_deref(), Some("jaar = 2019"));
    }
}
