//! The map's numbers (`view=map`): the ranking's values per region (or the scatterplot's
//! residuals) joined to the regions of one edition of the division. The values and outlier
//! classes are the ranking's and the scatter's own, computed by them: the map adds only the join.

use crate::compute::regional::columns::{fold_header, IdColumn};
use crate::compute::regional::RegionalData;
use crate::compute::{ranking, scatter};
use crate::data::places::{MapEntry, MapView};
use crate::data::Outlier;
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::geo::{self, names, Boundaries, DataRegion};
use crate::spec::Period;
use crate::spec::{MapMeasure, MapSpec, RankMeasure, ValueScale};
use crate::table::Table;

/// Headers of a column with region codes (`AM01`), folded.
const CODE_HEADERS: &[&str] = &[
    "code",
    "regiocode",
    "region_code",
    "regio_code",
    "amcode",
    "am_code",
    "arbeidsmarktregio_code",
    "arbeidsmarktregiocode",
    "code_arbeidsmarktregio",
    "gebiedscode",
    "area_code",
];

/// The edition to draw on: `edition=` when given (checked), else the edition of the data's last
/// period.
pub fn edition(d: &RegionalData, s: &MapSpec, lang: Lang) -> Result<i32> {
    match s.edition {
        Some(e) if geo::editions().any(|x| x == e) => Ok(e),
        Some(e) => Err(Error::view(match lang {
            Lang::Nl => format!(
                "Er is geen indeling van de arbeidsmarktregio's van {e}; kies edition={} tot en met {}.",
                geo::FIRST_EDITION,
                geo::LAST_EDITION
            ),
            Lang::En => format!(
                "There is no division of the labour-market regions of {e}; choose edition={} to {}.",
                geo::FIRST_EDITION,
                geo::LAST_EDITION
            ),
        })),
        None => Ok(geo::edition_for_year(
            d.years.last().map(|p| p.calendar_year()).unwrap_or(geo::LAST_EDITION),
        )),
    }
}

/// The code of each region of `d` when the file has a code column (or codes as region names).
pub fn region_codes(table: &Table, d: &RegionalData) -> Vec<Option<String>> {
    let code_col = table.columns.iter().position(|c| {
        let h = fold_header(&c.name);
        CODE_HEADERS.contains(&h.as_str())
    });
    let region_col = table
        .columns
        .iter()
        .position(|c| IdColumn::from_header(&c.name) == Some(IdColumn::Region));
    d.regions
        .iter()
        .map(|r| {
            if let (Some(cc), Some(rc)) = (code_col, region_col) {
                let row = table.columns[rc]
                    .iter()
                    .position(|v| v.as_text().is_some_and(|t| t.trim() == r));
                let code = row
                    .map(|i| table.columns[cc].get(i))
                    .and_then(|v| v.as_text())
                    .and_then(|c| names::normalise_code(&c));
                if code.is_some() {
                    return code;
                }
            }
            // A region column that holds codes.
            names::normalise_code(r).filter(|_| r.trim().len() >= 3)
        })
        .collect()
}

/// One region's numbers before the join.
struct Value {
    value: Option<f64>,
    relative: Option<f64>,
    outlier: Option<Outlier>,
}

/// The values of the ranking (or the scatter) the map shows, with what they are.
struct Measured {
    values: Vec<(String, Value)>,
    national: Option<f64>,
    sd: f64,
    from: Option<Period>,
    to: Option<Period>,
    year: Option<Period>,
    excluded: Vec<crate::data::regional::Excluded>,
    label: String,
}

/// The map's numbers of `s` on the regions of `shapes`.
pub fn compute(
    table: &Table,
    d: &RegionalData,
    s: &MapSpec,
    k: f64,
    shapes: &Boundaries,
    lang: Lang,
) -> Result<MapView> {
    let Measured {
        values,
        national,
        sd,
        from,
        to,
        year,
        excluded,
        label,
    } = match s.ranking() {
        Some(rs) => {
            let r = ranking::compute(d, &rs, k, lang)?;
            Measured {
                values: r
                    .bars
                    .iter()
                    .map(|b| {
                        (
                            b.region.clone(),
                            Value {
                                value: Some(b.value),
                                relative: Some(b.relative),
                                outlier: b.outlier,
                            },
                        )
                    })
                    .collect(),
                national: Some(r.national),
                sd: r.sd,
                label: measure_label(s.measure, s.subgroup, r.from, r.to, r.year, lang),
                from: r.from,
                to: r.to,
                year: r.year,
                excluded: r.excluded,
            }
        }
        None => {
            let sc = scatter::compute(d, &s.scatter(), k, lang)?;
            Measured {
                values: sc
                    .points
                    .iter()
                    .map(|p| {
                        (
                            p.region.clone(),
                            Value {
                                value: Some(p.y_value),
                                relative: Some(p.residual),
                                outlier: p.outlier,
                            },
                        )
                    })
                    .collect(),
                national: Some(sc.national_y),
                sd: sc.residual_sd,
                label: measure_label(
                    s.measure,
                    s.subgroup,
                    Some(sc.from),
                    Some(sc.to),
                    None,
                    lang,
                ),
                from: Some(sc.from),
                to: Some(sc.to),
                year: None,
                excluded: sc.excluded,
            }
        }
    };
    let codes = region_codes(table, d);
    let data: Vec<DataRegion> = d
        .regions
        .iter()
        .zip(&codes)
        .map(|(name, code)| DataRegion {
            name,
            code: code.as_deref(),
        })
        .collect();
    let m = names::match_regions(&data, shapes);
    let mut regions = Vec::new();
    let mut has_value = vec![false; shapes.regions.len()];
    for p in &m.pairs {
        let v = values
            .iter()
            .find(|(r, _)| *r == p.data_name)
            .map(|(_, v)| v);
        has_value[p.region] = v.is_some_and(|v| v.value.is_some());
        regions.push(MapEntry {
            region: p.data_name.clone(),
            code: p.code.clone(),
            value: v.and_then(|v| v.value),
            relative: v.and_then(|v| v.relative),
            outlier: v.and_then(|v| v.outlier),
        });
    }
    let missing = shapes
        .regions
        .iter()
        .zip(&has_value)
        .filter(|(_, h)| !**h)
        .map(|(r, _)| r.name.clone())
        .collect();
    Ok(MapView {
        view: "map",
        edition: shapes.edition,
        measure: s.measure.key(),
        subgroup: s.subgroup,
        from,
        to,
        year,
        scale: match s.measure {
            MapMeasure::Residual => ValueScale::Relative.key(),
            _ => s.scale.key(),
        },
        k,
        national,
        sd,
        label,
        regions,
        unmatched: m.unmatched,
        missing,
        excluded,
    })
}

/// What the map shows, with subgroup and period, in the description's language.
pub fn measure_label(
    m: MapMeasure,
    g: crate::spec::Subgroup,
    from: Option<Period>,
    to: Option<Period>,
    year: Option<Period>,
    lang: Lang,
) -> String {
    let group = g.label_in(lang);
    let period = match (from, to, year) {
        (Some(a), Some(b), _) => a.span(b, lang),
        (_, _, Some(y)) => y.moment(lang),
        _ => String::new(),
    };
    match (m, lang) {
        (MapMeasure::Rank(RankMeasure::Growth), Lang::Nl) => {
            format!("Groei werkenden ({group}) {period}")
        }
        (MapMeasure::Rank(RankMeasure::Growth), Lang::En) => {
            format!("Growth of working persons ({group}) {period}")
        }
        (MapMeasure::Rank(RankMeasure::Share), Lang::Nl) => {
            format!("Aandeel werkenden ({group}) {period}")
        }
        (MapMeasure::Rank(RankMeasure::Share), Lang::En) => {
            format!("Share working ({group}) {period}")
        }
        (MapMeasure::Rank(RankMeasure::RegisterShare), Lang::Nl) => {
            format!("Aandeel {group} in het register {period}")
        }
        (MapMeasure::Rank(RankMeasure::RegisterShare), Lang::En) => {
            format!("Share of {group} in the register {period}")
        }
        (MapMeasure::Residual, Lang::Nl) => {
            format!("Groei werkenden ({group}) {period} t.o.v. de trend")
        }
        (MapMeasure::Residual, Lang::En) => {
            format!("Growth of working persons ({group}) {period} vs. the trend")
        }
    }
}
