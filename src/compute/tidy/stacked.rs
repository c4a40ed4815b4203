//! The 100% stacked bar view: the distribution of a category (`series`) within each group (`x`).
//! Shares that already sum to about 100 per group are drawn as they are; counts are converted to
//! shares and the group totals shown. Missing shares become an "onbekend" segment, never 0.

use super::frame::Frame;
use super::line::{column_list, default_category, default_value, no_numbers};
use super::roles::sums_to_100;
use crate::data::tidy::*;
use crate::data::tidy::{decimals, Point, Series, UNKNOWN};
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::Role;
use crate::spec::StackedSpec;

/// The columns of a stacked or area view: which category is distributed within which group.
pub(crate) fn distribution_columns(
    f: &Frame,
    x: Option<&str>,
    (y, per): (Option<&str>, Option<&str>),
    series: Option<&str>,
    facet: Option<&str>,
    view: &str,
) -> Result<(String, String, String)> {
    let skip = [x.unwrap_or(""), series.unwrap_or("")];
    let y_name = match y {
        Some(y) => y.to_string(),
        None => super::line::default_count_for_per(&f.roles, &skip, per)
            .or_else(|| default_value(&f.roles, &skip))
            .ok_or_else(|| no_numbers(f))?,
    };
    let over = f
        .roles
        .get(&y_name)
        .and_then(|c| c.distribution_over.clone())
        .filter(|o| Some(o.as_str()) != x && Some(o.as_str()) != facet);
    let facet = facet.unwrap_or("");
    let missing = |what: &str| {
        Error::view(match f.lang {
            Lang::Nl => format!(
                "Geen kolom voor {what} gevonden voor view={view}; geef {what}= op. Kolommen: {}.",
                column_list(f)
            ),
            Lang::En => format!(
                "No column for {what} found for view={view}; give {what}=. Columns: {}.",
                column_list(f)
            ),
        })
    };
    // The distributed category is the one the shares sum to 100 over; without that, the second
    // category (the first being the groups).
    let series_name = match (series, &over) {
        (Some(s), _) => Some(s.to_string()),
        (None, Some(o)) => Some(o.clone()),
        (None, None) => None,
    };
    let x_name = match x {
        Some(x) => x.to_string(),
        None => {
            let time = if view == "area" {
                f.roles.first(&[Role::Time]).map(|c| c.column.clone())
            } else {
                None
            };
            let skip = series_name.as_deref().unwrap_or("");
            time.or_else(|| default_category(&f.roles, &[skip, &y_name, facet]))
                .ok_or_else(|| {
                    if facet.is_empty() {
                        missing("x")
                    } else {
                        super::frame::facet_took(f, facet, "x")
                    }
                })?
        }
    };
    // Not a category the groups determine (the region of a municipality): each group would be
    // one part whole, the others absent.
    let series_name = match series_name {
        Some(s) => s,
        None => f
            .roles
            .columns
            .iter()
            .filter(|c| c.role == Role::Category && c.distinct >= 2)
            .map(|c| c.column.as_str())
            .filter(|c| ![x_name.as_str(), y_name.as_str(), facet].contains(c))
            .find(|c| !super::natural::determines(f.table, &x_name, c))
            .map(str::to_string)
            .or_else(|| default_category(&f.roles, &[&x_name, &y_name, facet]))
            .ok_or_else(|| {
                if facet.is_empty() {
                    missing("series")
                } else {
                    super::frame::facet_took(f, facet, "series")
                }
            })?,
    };
    // Periods are no parts of a whole: the stands of 2015, 2016 and 2017 do not add up to
    // persons (a person counts in each), and a share of them means nothing.
    if f.roles.role(&series_name) == Some(Role::Time) {
        let to = if view == "area" { "x" } else { "facet" };
        return Err(Error::view(match f.lang {
            Lang::Nl => format!(
                "series={series_name}: perioden zijn geen delen van een geheel (standen tellen niet op over de tijd). Zet '{series_name}' op {to}= of kies view=line."
            ),
            Lang::En => format!(
                "series={series_name}: periods are no parts of a whole (stands do not add up over time). Put '{series_name}' on {to}= or choose view=line."
            ),
        }));
    }
    // Shares that add up to 100 over one column stacked by another: a bar would add up shares
    // of different distributions (the x column turned the other way, or a third column).
    #[cfg(feature = "full")]
    if let Some(o) = f
        .roles
        .get(&y_name)
        .and_then(|c| c.distribution_over.as_deref())
        .filter(|o| *o != series_name && series_name != x_name)
    {
        let what = if o == x_name {
            match f.lang {
                Lang::Nl => format!("Wissel x en series: view={view}&x={series_name}&series={o}."),
                Lang::En => format!("Swap x and series: view={view}&x={series_name}&series={o}."),
            }
        } else {
            format!("view={view}&x={x_name}&series={o}.")
        };
        return Err(Error::view(match f.lang {
            Lang::Nl => format!(
                "De aandelen in '{y_name}' tellen op tot 100 over {o}, niet over {series_name}: een balk zou aandelen van verschillende verdelingen optellen. {what}"
            ),
            Lang::En => format!(
                "The shares in '{y_name}' add up to 100 over {o}, not over {series_name}: a bar would add up shares of different distributions. {what}"
            ),
        }));
    }
    // A category with one value at each x (the body responsible for a grondslag) is no
    // distribution: each bar would be one part, the rest drawn as unknown.
    if cfg!(feature = "full") && f.belongs_to(&x_name, &series_name) {
        return Err(Error::view(match f.lang {
            Lang::Nl => format!(
                "view={view} toont per {x_name} de verdeling over de delen van een andere kolom, maar '{series_name}' heeft bij elke {x_name} één waarde (het hoort bij {x_name}): er is geen verdeling te tonen. Kies view=bars&x={x_name}&y={y_name} (met series={series_name} voor een kleur per {series_name})."
            ),
            Lang::En => format!(
                "view={view} shows for each {x_name} the distribution over the parts of another column, but '{series_name}' has one value at each {x_name} (it belongs to {x_name}): there is no distribution to show. Choose view=bars&x={x_name}&y={y_name} (with series={series_name} for a colour per {series_name})."
            ),
        }));
    }
    Ok((x_name, y_name, series_name))
}

/// The note on parts of counts the file has no row for, as (where, part): they count as
/// nothing. `at_en`: the English word before the place ("in" a group, "at" an x).
pub(crate) fn no_row_note(no_row: &[(String, String)], at_en: &str, lang: Lang) -> Option<String> {
    if no_row.is_empty() {
        return None;
    }
    let listed = |at: &str| {
        let pairs: Vec<String> = no_row
            .iter()
            .map(|(g, c)| format!("{c} {at} {g}"))
            .collect();
        crate::format::first_ten(&pairs, lang)
    };
    Some(match lang {
        Lang::Nl => format!(
            "Geen rij in het bestand voor {}; die delen tellen niet mee (als 0).",
            listed("bij")
        ),
        Lang::En => format!(
            "No row in the file for {}; those parts do not count (as 0).",
            listed(at_en)
        ),
    })
}

/// The parts of a distribution: whether `y` is already a share (a percentage, or summing to 100
/// within each x and facet), the categories of `s`, and the total categories left out because
/// counts would count them twice (the whole, not a part). A negative value is refused
/// ([`no_negative_parts`]).
pub(crate) fn parts(
    f: &Frame,
    y_name: &str,
    yj: usize,
    sj: usize,
    xj: usize,
    facet_j: Option<usize>,
) -> Result<(bool, Vec<String>, LeftOut)> {
    no_negative_parts(f, y_name, yj)?;
    let mut group_cols = vec![xj];
    group_cols.extend(facet_j);
    let as_is =
        f.roles.role(y_name) == Some(Role::Percent) || sums_to_100(f.table, yj, sj, &group_cols);
    let mut categories = f.distinct(sj);
    // A total is the whole, no part: of counts it would count them twice, of shares it is the
    // 100 % itself.
    let totals: Vec<String> = categories
        .iter()
        .filter(|c| crate::data::tidy::is_total(c))
        .cloned()
        .collect();
    // The parts of the Participatiewet (Praktijkroute) beside it are in it already: as parts
    // of their own they would count twice (DOMAIN.md).
    use crate::spec::Subgroup;
    let group = |c: &String| Subgroup::from_label(c);
    let within: Vec<String> = if categories
        .iter()
        .any(|c| group(c) == Some(Subgroup::Participatiewet))
    {
        categories
            .iter()
            .filter(|c| group(c).and_then(Subgroup::parent) == Some(Subgroup::Participatiewet))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    categories.retain(|c| !totals.contains(c) && !within.contains(c));
    Ok((as_is, categories, LeftOut { totals, within }))
}

/// A distribution has no negative parts: a count or share below 0 (a balance, a change) would
/// give shares beyond 100 % and below 0. Refused, naming the first such cell.
fn no_negative_parts(f: &Frame, y_name: &str, yj: usize) -> Result<()> {
    let Some(i) = f
        .rows
        .iter()
        .copied()
        .find(|&i| f.number(yj, i).is_some_and(|v| v < 0.0))
    else {
        return Ok(());
    };
    let v = crate::format::number(f.number(yj, i).unwrap_or_default(), 2, f.lang);
    Err(Error::not_available(match f.lang {
        Lang::Nl => format!("'{y_name}' heeft een negatieve waarde ({v}): een verdeling (100 %) kan geen negatieve delen hebben. Kies view=bars of view=line."),
        Lang::En => format!("'{y_name}' has a negative value ({v}): a distribution (100 %) cannot have negative parts. Choose view=bars or view=line."),
    })
    .at(f.location(i, yj)))
}

/// The values of a distribution's column that are no parts of it: totals, and parts of a part.
pub(crate) struct LeftOut {
    pub(crate) totals: Vec<String>,
    within: Vec<String>,
}

impl LeftOut {
    /// What the notes say of them.
    pub(crate) fn notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.totals.is_empty() {
            let list = crate::format::first_ten(&self.totals, lang);
            notes.push(match lang {
                Lang::Nl => format!("{list} niet meegeteld in de verdeling (is het totaal)."),
                Lang::En => format!("{list} not counted in the distribution (it is the total)."),
            });
        }
        if !self.within.is_empty() {
            let list = crate::format::first_ten(&self.within, lang);
            notes.push(match lang {
                Lang::Nl => format!(
                    "{list} niet apart in de verdeling: deel van de Participatiewet (niet dubbel geteld)."
                ),
                Lang::En => format!(
                    "{list} not a part of its own in the distribution: part of the Participatiewet (not counted twice)."
                ),
            });
        }
        notes
    }
}

/// At most this many parts in a distribution (100% bars, areas): more are no distribution a
/// person can read, and a column of a value per row would draw thousands. Refused, not cut: a
/// distribution without some of its parts would show wrong shares.
pub const MAX_PARTS: usize = 60;

/// The refusal of a distribution over more parts than [`MAX_PARTS`] (or more bars than
/// [`super::bars::MAX_BARS`]), naming the column and how many it has.
pub(crate) fn too_many(what: &str, column: &str, n: usize, most: usize, lang: Lang) -> Error {
    let n = crate::format::number(n as f64, 0, lang);
    Error::not_available(match (what, lang) {
        ("parts", Lang::Nl) => format!("'{column}' heeft {n} waarden: te veel delen voor één verdeling (ten hoogste {most}). Neem als series= een kolom met minder waarden, of kies er enkele met filter={column}:..."),
        ("parts", _) => format!("'{column}' has {n} values: too many parts for one distribution (at most {most}). Take a column with fewer values as series=, or choose some with filter={column}:..."),
        (_, Lang::Nl) => format!("'{column}' heeft {n} waarden: te veel staven voor één grafiek (ten hoogste {most}). Neem als x= een kolom met minder waarden, of kies er enkele met filter={column}:..."),
        (_, _) => format!("'{column}' has {n} values: too many bars for one chart (at most {most}). Take a column with fewer values as x=, or choose some with filter={column}:..."),
    })
}

/// The 100% stacked bar view of the frame's rows; notes and errors in the frame's language.
pub fn compute(f: &Frame, spec: &StackedSpec) -> Result<StackedData> {
    let e = &spec.enc;
    let lang = f.lang;
    let (x_name, y_name, s_name) = distribution_columns(
        f,
        e.x.as_deref(),
        (e.y.as_deref(), e.per.as_deref()),
        e.series.as_deref(),
        e.facet.as_deref(),
        "stacked",
    )?;
    let xj = f.col("x", &x_name)?;
    // A stack per period: a year among its own quarters left out (as on a line), each period
    // by its label (`2019 K1`).
    #[cfg(feature = "full")]
    let by_period = f.period_bars(xj);
    #[cfg(feature = "full")]
    let f = by_period.frame(f);
    let yj = f.col("y", &y_name)?;
    let sj = f.col("series", &s_name)?;
    let facet_j = f.facet_col(e.facet.as_deref(), [Some(xj), Some(sj)])?;
    f.numeric("y", yj)?;
    f.series_apart(xj, Some(sj))?;
    // Rows that land on one segment are combined over the columns the view does not show.
    let per_j = e.per.as_deref().map(|p| f.col("per", p)).transpose()?;
    let used = [
        x_name.as_str(),
        y_name.as_str(),
        s_name.as_str(),
        e.facet.as_deref().unwrap_or(""),
        e.per.as_deref().unwrap_or(""),
    ];
    // Without n=, a column of persons is taken only for shares: the persons behind counts are
    // their own sum (another count, such as working persons beside the register, is no n of
    // theirs).
    let nj = if spec.n.is_none() && matches!(f.role(yj), Some(Role::Count | Role::N)) {
        None
    } else {
        f.n_column(spec.n.as_deref(), &used)?
    };
    let mut keys = vec![xj, sj];
    keys.extend(facet_j);
    let combined = super::aggregate::combine(f, &keys, yj, per_j, nj, e.agg)?;
    // Parts of the distribution left out by the filter (`filter=uren:!>32`).
    let filtered = f.partial.contains(&sj);
    let combined_frame;
    let f = match &combined {
        Some(c) => {
            combined_frame = c.frame();
            &combined_frame
        }
        None => f,
    };
    let (as_is, mut categories, dropped) = parts(f, &y_name, yj, sj, xj, facet_j)?;
    // Shares of which the filter left parts out: drawn as the file gives them, each bar short
    // of 100 % by what was left out (not scaled up to 100 %, not taken for an error in the file).
    let left_out = cfg!(feature = "full") && as_is && filtered;
    if categories.len() > MAX_PARTS {
        return Err(too_many(
            "parts",
            f.name(sj),
            categories.len(),
            MAX_PARTS,
            lang,
        ));
    }
    let facets = f.facets(facet_j);
    let group_names = f.ordered_distinct(xj);
    if group_names.len() > super::bars::MAX_BARS {
        let most = super::bars::MAX_BARS;
        return Err(too_many("bars", f.name(xj), group_names.len(), most, lang));
    }
    let cat_at = f.label_index(sj, &categories);
    let group_at = f.label_index(xj, &group_names);
    // The file's own total of each group (a `Totaal` row), held against the sum of its parts.
    let total_at = f.label_index(sj, &dropped.totals);
    let mut mismatched: Vec<String> = Vec::new();
    let mut groups = Vec::new();
    // values[facet][category][group]
    // Per panel: shares and file values, indexed [category][group].
    type Grid = Vec<Vec<Option<f64>>>;
    let mut shares: Vec<(Option<String>, Grid, Grid)> = Vec::new();
    let mut any_unknown = false;
    // Parts with no row in the file: (group, part).
    let mut no_row: Vec<(String, String)> = Vec::new();
    for (facet, rows) in &facets {
        let mut grid: Vec<Vec<Option<usize>>> =
            vec![vec![None; group_names.len()]; categories.len()];
        for &i in rows {
            let (Some(c), Some(g)) = (
                cat_at.get(i).copied().flatten(),
                group_at.get(i).copied().flatten(),
            ) else {
                continue;
            };
            if let Some(prev) = grid[c][g] {
                let what = format!(
                    "{x_name} = {}, {s_name} = {}",
                    group_names[g], categories[c]
                );
                return Err(f.duplicate(&what, prev, i, sj));
            }
            grid[c][g] = Some(i);
        }
        let raw: Vec<Vec<Option<f64>>> = grid
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| c.and_then(|i| f.number(yj, i)))
                    .collect()
            })
            .collect();
        let mut share: Vec<Vec<Option<f64>>> = raw.clone();
        let mut file_total: Vec<Option<f64>> = vec![None; group_names.len()];
        if !dropped.totals.is_empty() {
            for &i in rows {
                if let (Some(_), Some(g)) = (
                    total_at.get(i).copied().flatten(),
                    group_at.get(i).copied().flatten(),
                ) {
                    file_total[g] = f.number(yj, i);
                }
            }
        }
        for (g, gname) in group_names.iter().enumerate() {
            if !grid.iter().any(|row| row[g].is_some()) {
                continue; // this group has no rows in this panel
            }
            let known: Vec<f64> = raw.iter().filter_map(|r| r[g]).collect();
            // Counts: a part the file has no row for (exports leave out rows of nobody, and a
            // part may not occur in a group) adds nothing to the whole, and is said; a row whose
            // count is unknown or suppressed leaves the whole unknown.
            let absent = |c: usize| !as_is && grid[c][g].is_none();
            let unknown: Vec<String> = categories
                .iter()
                .zip(&raw)
                .enumerate()
                .filter(|(c, (_, r))| r[g].is_none() && !absent(*c))
                .map(|(_, (c, _))| c.clone())
                .collect();
            for (c, name) in categories.iter().enumerate() {
                if absent(c) {
                    let place = match facet {
                        Some(fc) => format!("{gname} ({fc})"),
                        None => gname.clone(),
                    };
                    no_row.push((place, name.clone()));
                }
            }
            let sum: f64 = known.iter().sum();
            let complete = unknown.is_empty();
            // Counts whose parts add up to other than the file's total: the distribution is of
            // the parts, and the difference is said (a part missing, or one counted twice).
            if let Some(t) = file_total[g].filter(|_| !as_is && complete) {
                if (sum - t).abs() > 1e-9 * t.abs().max(1.0) {
                    let place = match facet {
                        Some(fc) => format!("{gname} ({fc})"),
                        None => gname.clone(),
                    };
                    let (s, t) = (
                        crate::format::number(sum, decimals([sum].into_iter()), lang),
                        crate::format::number(t, decimals([t].into_iter()), lang),
                    );
                    mismatched.push(format!("{place}: {s} / {t}"));
                }
            }
            let total = if as_is {
                // Shares that do not add up to 100 stay the file's numbers (in the table, the
                // labels and the summary); the chart draws them in proportion, as the note says.
                None
            } else {
                // Without every count the whole is unknown, so no share can be computed.
                for r in share.iter_mut() {
                    r[g] = r[g].filter(|_| complete).map(|v| {
                        if sum > 0.0 {
                            v / sum * 100.0
                        } else {
                            0.0
                        }
                    });
                }
                complete.then_some(sum)
            };
            any_unknown |= !unknown.is_empty();
            groups.push(GroupInfo {
                name: gname.clone(),
                facet: facet.clone(),
                sum: if as_is {
                    sum
                } else if known.is_empty() || !complete || sum <= 0.0 {
                    // (A group of nobody, all its counts 0, has no distribution.)
                    0.0
                } else {
                    100.0
                },
                total,
                unknown,
            });
        }
        shares.push((facet.clone(), share, raw));
    }
    let mut series = Vec::new();
    for (facet, share, raw) in &shares {
        for (c, name) in categories.iter().enumerate() {
            let points = group_names
                .iter()
                .enumerate()
                .filter(|(_, gn)| {
                    groups
                        .iter()
                        .any(|gi| gi.name == **gn && gi.facet == *facet)
                })
                .map(|(g, gn)| Point {
                    x: serde_json::json!(gn),
                    y: share.get(c).and_then(|r| r.get(g)).copied().flatten(),
                    value: if as_is {
                        None
                    } else {
                        raw.get(c).and_then(|r| r.get(g)).copied().flatten()
                    },
                })
                .collect();
            series.push(Series {
                name: name.clone(),
                facet: facet.clone(),
                points,
            });
        }
        if any_unknown && as_is && !left_out {
            // The share nobody knows: what is left of 100 in a group with a missing cell.
            let points = groups
                .iter()
                .filter(|gi| gi.facet == *facet)
                .map(|gi| Point {
                    x: serde_json::json!(gi.name),
                    y: Some(if gi.unknown.is_empty() {
                        0.0
                    } else {
                        (100.0 - gi.sum).max(0.0)
                    }),
                    value: None,
                })
                .collect();
            series.push(Series {
                name: UNKNOWN.to_string(),
                facet: facet.clone(),
                points,
            });
        }
    }
    if any_unknown && as_is && !left_out && !categories.iter().any(|c| c == UNKNOWN) {
        categories.push(UNKNOWN.to_string());
    }
    let aggregated = combined.as_ref().map(|c| c.aggregation.clone());
    let mut notes: Vec<String> = aggregated
        .as_ref()
        .map(|a| a.notes.clone())
        .unwrap_or_default();
    let (mut rounding, mut off) = (Vec::new(), Vec::new());
    // A note per group with unknown parts, for the first ten such groups; then how many more.
    let with_unknown = groups.iter().filter(|g| !g.unknown.is_empty()).count();
    let mut told = 0;
    for g in &groups {
        let place = g
            .facet
            .as_ref()
            .map(|f| format!("{}, {f}", g.name))
            .unwrap_or_else(|| g.name.clone());
        if !g.unknown.is_empty() {
            told += 1;
            if told > 10 {
                if told == 11 {
                    notes.push(match lang {
                        Lang::Nl => format!(
                            "En nog {} groepen met onbekende of geheime delen.",
                            with_unknown - 10
                        ),
                        Lang::En => format!(
                            "And {} more groups with unknown or suppressed parts.",
                            with_unknown - 10
                        ),
                    });
                }
                continue;
            }
            let unknown = crate::format::first_ten(&g.unknown, lang);
            notes.push(match (as_is, lang) {
                (true, Lang::Nl) => format!(
                    "{place}: {unknown} onbekend of geheim; de rest tot 100 % staat als 'onbekend'."
                ),
                (true, Lang::En) => format!(
                    "{place}: {unknown} unknown or suppressed; the rest up to 100 % is shown as 'unknown'."
                ),
                (false, Lang::Nl) => format!(
                    "{place}: {unknown} onbekend of geheim; zonder het totaal is geen verdeling te berekenen."
                ),
                (false, Lang::En) => format!(
                    "{place}: {unknown} unknown or suppressed; without the total no distribution can be computed."
                ),
            });
        } else if as_is && !left_out && (g.sum - 100.0).abs() > 0.5 {
            // More than rounding can explain (a share of each group's total beside one of
            // the whole, or a part counted twice): said so, not blamed on rounding.
            let to = if (g.sum - 100.0).abs() > 2.0 {
                &mut off
            } else {
                &mut rounding
            };
            to.push(format!("{place} {}", crate::format::number(g.sum, 1, lang)));
        }
    }
    notes.extend(no_row_note(&no_row, "in", lang));
    if !rounding.is_empty() {
        let rounding = rounding.join("; ");
        notes.push(match lang {
            Lang::Nl => format!(
                "Door afronding tellen niet alle balken op tot 100 % ({rounding}); getekend naar verhouding."
            ),
            Lang::En => format!(
                "Because of rounding not every bar adds up to 100 % ({rounding}); drawn in proportion."
            ),
        });
    }
    if !off.is_empty() {
        let off = off.join("; ");
        notes.push(match lang {
            Lang::Nl => format!(
                "Niet elke balk telt op tot 100 % ({off} %), meer dan afronding verklaart: controleer of de aandelen één verdeling vormen. Getekend naar verhouding: elk aandeel gedeeld door de som van de balk."
            ),
            Lang::En => format!(
                "Not every bar adds up to 100 % ({off} %), more than rounding explains: check whether the shares form one distribution. Drawn in proportion: each share divided by the sum of its bar."
            ),
        });
    }
    if left_out {
        notes.push(match lang {
            Lang::Nl => format!(
                "Het filter laat een deel van {s_name} weg: de balken tellen niet op tot 100 %; de aandelen zijn die van het bestand."
            ),
            Lang::En => format!(
                "The filter leaves part of {s_name} out: the bars do not add up to 100 %; the shares are the file's."
            ),
        });
    }
    notes.extend(dropped.notes(lang));
    if !mismatched.is_empty() {
        let list = crate::format::first_ten(&mismatched, lang);
        notes.push(match lang {
            Lang::Nl => format!(
                "De delen tellen niet op tot het totaal van het bestand (som van de delen / totaal): {list}. De verdeling is die van de delen; controleer of er een deel ontbreekt of dubbel staat."
            ),
            Lang::En => format!(
                "The parts do not add up to the file's total (sum of the parts / total): {list}. The distribution is that of the parts; check whether a part is missing or given twice."
            ),
        });
    }
    if !as_is {
        notes.push(match lang {
            Lang::Nl => format!(
                "'{y_name}' is omgerekend naar aandelen per {x_name}; de totalen staan bij de balken."
            ),
            Lang::En => format!(
                "'{y_name}' is converted to shares per {x_name}; the totals are shown beside the bars."
            ),
        });
    }
    let dec = if as_is {
        decimals(
            series
                .iter()
                .flat_map(|s| s.points.iter().filter_map(|p| p.y)),
        )
    } else {
        1
    };
    #[cfg(feature = "full")]
    {
        notes.extend(by_period.notes.iter().cloned());
        let relabel = |t: &mut String| super::frame::relabel(&by_period.labels, t);
        groups.iter_mut().for_each(|g| relabel(&mut g.name));
        super::frame::relabel_points(&by_period.labels, &mut series);
    }
    Ok(StackedData {
        view: "stacked",
        x: x_name,
        y: y_name,
        series_column: s_name,
        facet_column: e.facet.clone(),
        groups,
        categories,
        facets: facets.into_iter().filter_map(|f| f.0).collect(),
        series,
        converted: !as_is,
        left_out,
        decimals: dec.min(1),
        notes,
        roles: f.roles.clone(),
        aggregated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Encoding;

    fn table(csv: &str) -> crate::table::Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    fn spec() -> StackedSpec {
        StackedSpec {
            enc: Encoding::default(),
            n: None,
        }
    }

    #[test]
    fn counts_become_shares_with_totals() {
        let t = table("regio,sekse,werkenden\nA,man,30\nA,vrouw,10\nB,man,5\nB,vrouw,15\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(&f, &spec()).unwrap();
        assert!(d.converted);
        assert_eq!(d.x, "regio");
        assert_eq!(d.series_column, "sekse");
        assert_eq!(d.groups[0].total, Some(40.0));
        assert_eq!(d.series[0].points[0].y, Some(75.0));
        assert_eq!(d.series[0].points[0].value, Some(30.0));
        assert_eq!(d.series[1].points[1].y, Some(75.0));
    }

    #[test]
    fn a_distribution_over_more_parts_than_it_holds_is_refused() {
        let rows: String = (0..=MAX_PARTS)
            .map(|i| format!("A,p{i},1\nB,p{i},2\n"))
            .collect();
        let t = table(&format!("regio,deel,aantal\n{rows}"));
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let mut s = spec();
        s.enc.x = Some("regio".into());
        s.enc.series = Some("deel".into());
        let e = compute(&f, &s).unwrap_err();
        assert!(
            e.message.starts_with(
                "'deel' heeft 61 waarden: te veel delen voor één verdeling (ten hoogste 60)."
            ),
            "{}",
            e.message
        );
        // As many as it holds: drawn.
        let rows: String = (0..MAX_PARTS)
            .map(|i| format!("A,p{i},1\nB,p{i},2\n"))
            .collect();
        let t = table(&format!("regio,deel,aantal\n{rows}"));
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        assert_eq!(compute(&f, &s).unwrap().series.len(), MAX_PARTS);
    }

    #[test]
    fn a_missing_share_is_unknown_not_zero() {
        let t = table("groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,.\nB,>12,70\n");
        let f = Frame::new(&t, &[], &[], Lang::Nl).unwrap();
        let d = compute(&f, &spec()).unwrap();
        assert!(!d.converted);
        assert_eq!(d.series[0].points[1].y, None);
        let unknown = d.series.iter().find(|s| s.name == UNKNOWN).unwrap();
        assert_eq!(unknown.points[1].y, Some(30.0));
        assert_eq!(unknown.points[0].y, Some(0.0));
        assert_eq!(d.categories.last().map(String::as_str), Some(UNKNOWN));
    }
}
