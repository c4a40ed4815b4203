//! The forest view: estimates (odds ratios) per term, grouped by dimension with the reference
//! category of each dimension written, one colour (or panel) per model, significance shown.
//! The dimension, term, reference and significance columns are found by their roles and names.

use super::frame::Frame;
use super::line::column_list;
use super::roles::tokens_of;
use crate::data::tidy::*;
use crate::data::tidy::{decimals, Point, Series};
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::ForestSpec;
use crate::spec::Role;
use crate::table::Cell;
use std::collections::HashMap;

const TERM_WORDS: &[&str] = &[
    "category",
    "categorie",
    "term",
    "level",
    "niveau",
    "kenmerkwaarde",
    "waarde",
    "value",
];
const DIMENSION_WORDS: &[&str] = &[
    "dimension",
    "dimensie",
    "kenmerk",
    "variable",
    "variabele",
    "factor",
    "characteristic",
];
const MODEL_WORDS: &[&str] = &[
    "model",
    "groep",
    "group",
    "subgroup",
    "deelgroep",
    "subdoelgroep",
];

fn named(cands: &[String], words: &[&str]) -> Option<String> {
    cands
        .iter()
        .find(|c| tokens_of(c).iter().any(|t| words.contains(&t.as_str())))
        .cloned()
}

/// The forest view of the frame's rows; notes, labels and errors in the frame's language.
pub fn compute(f: &Frame, spec: &ForestSpec) -> Result<ForestData> {
    let e = &spec.enc;
    let lang = f.lang;
    let y_name = match &e.y {
        Some(y) => y.clone(),
        None => f
            .roles
            .first(&[Role::OddsRatio])
            .map(|c| c.column.clone())
            .ok_or_else(|| {
                Error::view(match lang {
                    Lang::Nl => format!(
                        "Geen kolom met odds ratio's gevonden; geef y= op. Kolommen: {}.",
                        column_list(f)
                    ),
                    Lang::En => format!(
                        "No column with odds ratios found; give y=. Columns: {}.",
                        column_list(f)
                    ),
                })
            })?,
    };
    let yj = f.col("y", &y_name)?;
    f.numeric("y", yj)?;
    let pick = |given: &Option<String>, key: &str, role: Role| -> Result<Option<usize>> {
        match given {
            Some(n) => f.col(key, n).map(Some),
            None => Ok(f
                .roles
                .first(&[role])
                .and_then(|c| f.table.column_index(&c.column))),
        }
    };
    let sigj = pick(&spec.significance, "significance", Role::Significance)?;
    let refj = pick(&spec.reference, "reference", Role::Reference)?;
    let facet_j = f.facet_col(e.facet.as_deref(), [None, None])?;
    let series_given = e
        .series
        .as_deref()
        .map(|c| f.col("series", c))
        .transpose()?;

    let taken: Vec<&str> = [e.series.as_deref(), e.facet.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let cands: Vec<String> = f
        .roles
        .columns
        .iter()
        .filter(|c| c.role == Role::Category && !taken.contains(&c.column.as_str()))
        .map(|c| c.column.clone())
        .collect();
    let distinct = |name: &str| f.roles.get(name).map(|c| c.distinct).unwrap_or(0);
    let term_name = match &spec.term {
        Some(t) => t.clone(),
        None => named(&cands, TERM_WORDS)
            .or_else(|| {
                // the most values; the first column on a tie
                cands
                    .iter()
                    .fold(None, |best: Option<&String>, c| match best {
                        Some(b) if distinct(b) >= distinct(c) => Some(b),
                        _ => Some(c),
                    })
                    .cloned()
            })
            .ok_or_else(|| {
                Error::view(match lang {
                    Lang::Nl => format!(
                        "Geen kolom met de termen (categorieën) gevonden; geef term= op. Kolommen: {}.",
                        column_list(f)
                    ),
                    Lang::En => format!(
                        "No column with the terms (categories) found; give term=. Columns: {}.",
                        column_list(f)
                    ),
                })
            })?,
    };
    let tj = f.col("term", &term_name)?;
    let rest: Vec<String> = cands.iter().filter(|c| **c != term_name).cloned().collect();
    // A dimension groups terms: each term belongs to one dimension.
    let determined_by_term = |c: &str| -> bool {
        let Some(cj) = f.table.column_index(c) else {
            return false;
        };
        let mut seen: HashMap<String, String> = HashMap::new();
        for &i in &f.rows {
            let (t, d) = (f.text(tj, i), f.text(cj, i));
            match seen.get(&t) {
                Some(sd) if *sd != d => return false,
                Some(_) => {}
                None => {
                    seen.insert(t, d);
                }
            }
        }
        distinct(c) < distinct(&term_name)
    };
    let dim_name = match &spec.dimension {
        Some(d) => Some(d.clone()),
        None => named(&rest, DIMENSION_WORDS)
            .or_else(|| rest.iter().find(|c| determined_by_term(c)).cloned()),
    };
    let dj = dim_name
        .as_deref()
        .map(|d| f.col("dimension", d))
        .transpose()?;
    let series_name = match &e.series {
        Some(s) => Some(s.clone()),
        None => {
            let left: Vec<String> = rest
                .iter()
                .filter(|c| Some(c.as_str()) != dim_name.as_deref() && distinct(c) >= 2)
                .cloned()
                .collect();
            named(&left, MODEL_WORDS).or_else(|| left.first().cloned())
        }
    };
    let sj = match series_given {
        Some(j) => Some(j),
        None => series_name
            .as_deref()
            .map(|s| f.col("series", s))
            .transpose()?,
    };

    let sig_text = |i: usize| -> Option<String> {
        let j = sigj?;
        match f.value(j, i) {
            Cell::Missing => None,
            Cell::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            Cell::Number(p) => Some(
                if p < 0.05 {
                    "**"
                } else if p < 0.10 {
                    "*"
                } else {
                    ""
                }
                .to_string(),
            ),
        }
    };

    let mut dimensions: Vec<Dimension> = Vec::new();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for &i in &f.rows {
        let dim = dj.map(|d| f.text(d, i)).unwrap_or_default();
        let term = f.text(tj, i);
        let reference = refj
            .map(|r| f.text(r, i))
            .filter(|r| r != crate::data::tidy::UNKNOWN);
        let d = match dimensions.iter().position(|d| d.name == dim) {
            Some(k) => k,
            None => {
                dimensions.push(Dimension {
                    name: dim.clone(),
                    reference: None,
                    terms: Vec::new(),
                });
                dimensions.len() - 1
            }
        };
        if let Some(dd) = dimensions.get_mut(d) {
            if !dd.terms.contains(&term) {
                dd.terms.push(term.clone());
            }
            if let Some(r) = &reference {
                match &dd.reference {
                    None => dd.reference = Some(r.clone()),
                    Some(cur) if !cur.split(" / ").any(|c| c == r) => {
                        dd.reference = Some(format!("{cur} / {r}"))
                    }
                    _ => {}
                }
            }
        }
        let estimate = f.number(yj, i);
        if estimate.is_some_and(|v| v <= 0.0) {
            let row = f.table.row_shown(i);
            let v = crate::format::number(estimate.unwrap_or(0.0), 2, lang);
            notes.push(match lang {
                Lang::Nl => {
                    format!("Rij {row}: {y_name} {v} kan niet op een logaritmische schaal.")
                }
                Lang::En => {
                    format!("Row {row}: {y_name} {v} cannot be drawn on a logarithmic scale.")
                }
            });
        }
        rows.push(ForestRow {
            model: sj.map(|s| f.text(s, i)),
            dimension: dim,
            category: term,
            reference,
            estimate,
            significance: sig_text(i),
            facet: facet_j.map(|fj| f.text(fj, i)),
        });
    }
    // Two rows for one model and term would be drawn on top of each other.
    type Key = (Option<String>, String, String, Option<String>);
    let mut index: HashMap<Key, usize> = HashMap::new();
    for (k, r) in rows.iter().enumerate() {
        let key = (
            r.model.clone(),
            r.dimension.clone(),
            r.category.clone(),
            r.facet.clone(),
        );
        if let Some(&prev) = index.get(&key) {
            let (ia, ib) = (
                f.rows.get(prev).copied().unwrap_or(0),
                f.rows.get(k).copied().unwrap_or(0),
            );
            return Err(f.duplicate(
                &format!("term '{}' {}", r.category, r.model.as_deref().unwrap_or("")),
                ia,
                ib,
                tj,
            ));
        }
        index.insert(key, k);
    }
    let models: Vec<String> = match sj {
        Some(s) => f.distinct(s),
        None => Vec::new(),
    };
    let facets = facet_j.map(|fj| f.ordered_distinct(fj)).unwrap_or_default();
    let model_keys: Vec<Option<String>> = if models.is_empty() {
        vec![None]
    } else {
        models.iter().cloned().map(Some).collect()
    };
    let facet_keys: Vec<Option<String>> = if facets.is_empty() {
        vec![None]
    } else {
        facets.iter().cloned().map(Some).collect()
    };
    let mut series = Vec::new();
    for fk in &facet_keys {
        for mk in &model_keys {
            let points: Vec<Point> = dimensions
                .iter()
                .flat_map(|d| d.terms.iter().map(move |t| (d, t)))
                .map(|(d, t)| Point {
                    x: serde_json::json!(t),
                    y: index
                        .get(&(mk.clone(), d.name.clone(), t.clone(), fk.clone()))
                        .and_then(|&k| rows.get(k))
                        .and_then(|r| r.estimate),
                    value: None,
                })
                .collect();
            if points.iter().all(|p| p.y.is_none()) {
                continue;
            }
            series.push(Series {
                name: mk.clone().unwrap_or_else(|| y_name.clone()),
                facet: fk.clone(),
                points,
            });
        }
    }
    let missing = rows.iter().filter(|r| r.estimate.is_none()).count();
    if missing > 0 {
        notes.push(match lang {
            Lang::Nl => format!("{missing} schattingen onbekend of geheim (niet getekend)."),
            Lang::En => format!("{missing} estimates unknown or suppressed (not drawn)."),
        });
    }
    let log = rows.iter().filter_map(|r| r.estimate).all(|v| v > 0.0);
    let y_label = e.ylabel.clone().unwrap_or_else(|| {
        if f.roles.role(&y_name) == Some(Role::OddsRatio) {
            crate::format::t(
                lang,
                "Odds ratio (logaritmische schaal)",
                "Odds ratio (logarithmic scale)",
            )
            .to_string()
        } else {
            y_name.clone()
        }
    });
    let dec = decimals(rows.iter().filter_map(|r| r.estimate)).max(2);
    Ok(ForestData {
        view: "forest",
        y: y_name,
        series_column: series_name,
        facet_column: e.facet.clone(),
        dimension_column: dim_name,
        term_column: term_name,
        reference_column: refj.map(|j| f.name(j).to_string()),
        significance_column: sigj.map(|j| f.name(j).to_string()),
        y_label,
        log,
        models,
        facets,
        dimensions,
        series,
        rows,
        decimals: dec,
        notes,
        roles: f.roles.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Encoding;

    fn table(csv: &str) -> crate::table::Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    fn spec() -> ForestSpec {
        ForestSpec {
            enc: Encoding::default(),
            dimension: None,
            term: None,
            reference: None,
            significance: None,
        }
    }

    #[test]
    fn columns_found_by_role_and_terms_grouped_by_dimension() {
        let t = table(
            "groep,kenmerk,niveau,ref,or,sig\n\
             A,sekse,vrouw,man,0.8,**\nB,sekse,vrouw,man,0.9,\n\
             A,leeftijd,25-35,<25,1.2,*\nB,leeftijd,25-35,<25,1.1,**\nA,leeftijd,35+,<25,1.5,**\n",
        );
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(&f, &spec()).unwrap();
        assert_eq!(d.term_column, "niveau");
        assert_eq!(d.dimension_column.as_deref(), Some("kenmerk"));
        assert_eq!(d.series_column.as_deref(), Some("groep"));
        assert_eq!(d.rows.len(), 5);
        assert_eq!(d.dimensions[1].terms, ["25-35", "35+"]);
        assert_eq!(d.dimensions[0].reference.as_deref(), Some("man"));
        assert_eq!(d.rows[1].significance, None);
        assert_eq!(stars(d.rows[2].significance.as_deref()), 1);
        // Model B has no estimate for 35+: null, not 0.
        let b = d.series.iter().find(|s| s.name == "B").unwrap();
        assert_eq!(b.points[2].y, None);
        assert!(d.log);
    }

    #[test]
    fn without_names_the_dimension_is_the_column_the_term_determines() {
        let t = table("m,d,c,odds\nA,geslacht,vrouw,0.8\nB,geslacht,vrouw,0.9\nA,opl,hoog,1.4\nB,opl,laag,1.2\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(&f, &spec()).unwrap();
        assert_eq!(d.term_column, "c");
        assert_eq!(d.dimension_column.as_deref(), Some("d"));
        assert_eq!(d.series_column.as_deref(), Some("m"));
    }
}
