//! Regions side by side (`view=compare`): two to six regions and the national value on one
//! measure over every period, and the region search every place view shares (a part of a name or
//! a city finds its region).

use crate::compute::regional::measures::{self, RegionalValues};
use crate::compute::regional::RegionalData;
use crate::data::places::{CompareData, Found, PlaceSeries, XY};
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::geo::names::fold;
use crate::spec::Period;
use crate::spec::{CompareMeasure, CompareSpec, Subgroup, ValueScale};

/// Cities (folded) and a part of the name of the region they lie in, as the regions are spelled
/// in the data files and the editions: "den haag" finds Haaglanden.
const CITIES: &[(&str, &str)] = &[
    ("denhaag", "haaglanden"),
    ("sgravenhage", "haaglanden"),
    ("delft", "haaglanden"),
    ("rotterdam", "rijnmond"),
    ("amsterdam", "grootamsterdam"),
    ("utrecht", "middenutrecht"),
    ("eindhoven", "zuidoostbrabant"),
    ("arnhem", "middengelderland"),
    ("nijmegen", "nijmegen"),
    ("leeuwarden", "fri"),
    ("maastricht", "zuidlimburg"),
    ("heerlen", "zuidlimburg"),
    ("tilburg", "middenbrabant"),
    ("breda", "westbrabant"),
    ("denbosch", "noordoostbrabant"),
    ("shertogenbosch", "noordoostbrabant"),
    ("enschede", "twente"),
    ("hengelo", "twente"),
    ("apeldoorn", "stedendriehoek"),
    ("deventer", "stedendriehoek"),
    ("almere", "flevoland"),
    ("lelystad", "flevoland"),
    ("haarlem", "zuidkennemerland"),
    ("leiden", "hollandrijnland"),
    ("dordrecht", "drechtsteden"),
    ("zaandam", "zaanstreek"),
    ("alkmaar", "noordhollandnoord"),
    ("hilversum", "gooienvechtstreek"),
    ("gouda", "middenholland"),
    ("ede", "foodvalley"),
    ("wageningen", "foodvalley"),
    ("doetinchem", "achterhoek"),
    ("venlo", "noordlimburg"),
    ("roermond", "middenlimburg"),
    ("assen", "drenthe"),
    ("emmen", "drenthe"),
    ("middelburg", "zeeland"),
    ("tiel", "rivierenland"),
    ("zoetermeer", "zuidhollandcentraal"),
    ("zwolle", "zwolle"),
];

/// What a name given for a region matches among the file's regions.
pub enum Match<'r> {
    /// One region: the same name (`partial` false) or one its name holds or a city's (true).
    One(&'r String, bool),
    /// Several regions hold the name, none starts with it alone.
    Several(Vec<&'r String>),
    None,
}

/// The region of `regions` that `asked` names: the same name (case, accents and punctuation
/// ignored), else the one region whose name contains it (or starts with it, when several
/// contain it), else the region of a city.
pub fn match_region<'r>(regions: &'r [String], asked: &str) -> Match<'r> {
    let q = fold(asked);
    if q.is_empty() {
        return Match::None;
    }
    if let Some(r) = regions.iter().find(|r| fold(r) == q) {
        return Match::One(r, false);
    }
    let containing: Vec<&String> = regions.iter().filter(|r| fold(r).contains(&q)).collect();
    let starting: Vec<&String> = containing
        .iter()
        .copied()
        .filter(|r| fold(r).starts_with(&q))
        .collect();
    match (containing.len(), starting.len()) {
        (1, _) => return Match::One(containing[0], true),
        (_, 1) => return Match::One(starting[0], true),
        (0, _) => {}
        _ => return Match::Several(containing),
    }
    CITIES
        .iter()
        .find(|(city, _)| *city == q)
        .and_then(|(_, part)| regions.iter().find(|r| fold(r).contains(part)))
        .map_or(Match::None, |r| Match::One(r, true))
}

/// [`match_region`], with errors that list the candidates for a name that is ambiguous or
/// unknown.
pub fn find_region(regions: &[String], asked: &str, lang: Lang) -> Result<Found> {
    if fold(asked).is_empty() {
        return Err(Error::view(match lang {
            Lang::Nl => "Geef een regio op, bijvoorbeeld region=Twente.".to_string(),
            Lang::En => "Name a region, for example region=Twente.".to_string(),
        }));
    }
    match match_region(regions, asked) {
        Match::One(r, partial) => Ok(Found {
            asked: asked.trim().to_string(),
            region: r.clone(),
            partial,
        }),
        Match::Several(containing) => {
            let names: Vec<&str> = containing.iter().map(|r| r.as_str()).collect();
            Err(Error::view(match lang {
                Lang::Nl => format!(
                    "'{asked}' past bij meer dan één regio: {}. Geef meer van de naam.",
                    names.join(", ")
                ),
                Lang::En => format!(
                    "'{asked}' fits more than one region: {}. Give more of the name.",
                    names.join(", ")
                ),
            }))
        }
        Match::None => Err(Error::view(match lang {
            Lang::Nl => format!(
                "Geen regio gevonden bij '{asked}'. Kies uit: {}.",
                regions.join(", ")
            ),
            Lang::En => format!(
                "No region found for '{asked}'. Choose from: {}.",
                regions.join(", ")
            ),
        })),
    }
}

/// The national series' name.
pub fn national_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Landelijk",
        Lang::En => "National",
    }
}

/// The start of a growth over the periods ("sinds"): the file's first period, or in a file of
/// quarters or months the first at the same point of the year as its last (2015 K4 in a file
/// of 2015 K1 to 2017 K4), as the growth views start by default: a growth since 2015 K1 would
/// mix the seasons and differ from the scatter's.
pub fn growth_base(d: &RegionalData) -> Option<Period> {
    #[cfg(feature = "full")]
    if let Some(&last) = d.years.last() {
        return d.default_from(last);
    }
    d.years.first().copied()
}

/// One measure in one period for every region, with the national value.
fn values_in(
    d: &RegionalData,
    m: CompareMeasure,
    g: Subgroup,
    y: Period,
    lang: Lang,
) -> Result<RegionalValues> {
    match m {
        CompareMeasure::Share => measures::share_working(d, g, y, lang),
        CompareMeasure::Growth => {
            let first = growth_base(d).unwrap_or(y);
            measures::growth_workers(d, g, first, y, lang)
        }
        CompareMeasure::RegisterShare => measures::register_share(d, g, y, lang),
        CompareMeasure::Workers | CompareMeasure::Register => {
            let count = |k: &crate::compute::regional::Counts| match m {
                CompareMeasure::Workers => g.workers(k),
                _ => g.register(k),
            };
            let values: Vec<(String, f64)> = d
                .regions
                .iter()
                .filter_map(|r| {
                    let k = d.data.get(&(r.clone(), y))?;
                    Some((r.clone(), count(k)?))
                })
                .collect();
            let national = d.national.get(&y).and_then(count).ok_or_else(|| {
                Error::not_available(format!("Het aantal ({}) ontbreekt in {y}.", g.label()))
            })?;
            Ok(RegionalValues {
                values,
                national,
                excluded: Vec::new(),
            })
        }
    }
}

/// Every period's values of a measure: `None` for a period the measure cannot be computed in;
/// the first error when no period has it.
pub fn over_periods(
    d: &RegionalData,
    m: CompareMeasure,
    g: Subgroup,
    lang: Lang,
) -> Result<Vec<(Period, Option<RegionalValues>)>> {
    let mut out = Vec::new();
    let mut first_err = None;
    // A growth runs from its base on (the stands before it are no growth "since" it).
    let base = match m {
        CompareMeasure::Growth => growth_base(d),
        _ => None,
    };
    for &y in d.years.iter().filter(|y| base.is_none_or(|b| **y >= b)) {
        match values_in(d, m, g, y, lang) {
            Ok(v) => out.push((y, Some(v))),
            Err(e) => {
                first_err.get_or_insert(e);
                out.push((y, None));
            }
        }
    }
    if out.iter().all(|(_, v)| v.is_none()) {
        return Err(
            first_err.unwrap_or_else(|| Error::not_available("Het bestand bevat geen perioden."))
        );
    }
    Ok(out)
}

/// The series of `region` (or national, `None`) from the values per period, relative to
/// national when `relative`.
pub fn series_of(
    per: &[(Period, Option<RegionalValues>)],
    region: Option<&str>,
    name: &str,
    measure: &'static str,
    g: Subgroup,
    relative: bool,
) -> PlaceSeries {
    PlaceSeries {
        name: name.to_string(),
        national: region.is_none(),
        measure,
        subgroup: g,
        points: per
            .iter()
            .map(|(y, v)| XY {
                x: *y,
                y: v.as_ref().and_then(|v| {
                    let value = match region {
                        Some(r) => v.get(r)?,
                        None => v.national,
                    };
                    Some(if relative { value - v.national } else { value })
                }),
            })
            .collect(),
    }
}

/// What a compare measure is called, with its subgroup.
pub fn label(m: CompareMeasure, g: Subgroup, first: Option<Period>, lang: Lang) -> String {
    let group = g.label_in(lang);
    let since = first.map(|f| f.label_in(lang)).unwrap_or_default();
    match (m, lang) {
        (CompareMeasure::Share, Lang::Nl) => format!("Aandeel werkenden ({group})"),
        (CompareMeasure::Share, Lang::En) => format!("Share working ({group})"),
        (CompareMeasure::Growth, Lang::Nl) => format!("Groei werkenden ({group}) sinds {since}"),
        (CompareMeasure::Growth, Lang::En) => {
            format!("Growth of working persons ({group}) since {since}")
        }
        (CompareMeasure::RegisterShare, Lang::Nl) => format!("Aandeel {group} in het register"),
        (CompareMeasure::RegisterShare, Lang::En) => format!("Share of {group} in the register"),
        (CompareMeasure::Workers, Lang::Nl) => format!("Werkzame personen ({group})"),
        (CompareMeasure::Workers, Lang::En) => format!("Working persons ({group})"),
        (CompareMeasure::Register, Lang::Nl) => format!("Personen in het register ({group})"),
        (CompareMeasure::Register, Lang::En) => format!("Persons in the register ({group})"),
    }
}

/// The comparison of the regions `found` (already looked up) on `s.measure`.
pub fn compute(
    d: &RegionalData,
    s: &CompareSpec,
    found: Vec<Found>,
    lang: Lang,
) -> Result<CompareData> {
    if found.len() < 2 {
        return Err(Error::view(match lang {
            Lang::Nl => {
                "Kies twee tot zes regio's om te vergelijken, bijvoorbeeld regions=Twente,Zeeland."
            }
            Lang::En => "Choose two to six regions to compare, for example regions=Twente,Zeeland.",
        }));
    }
    let relative = s.scale == ValueScale::Relative;
    if relative && s.measure.is_count() {
        return Err(Error::view(match lang {
            Lang::Nl => "Aantallen worden als niveau vergeleken ('scale=absolute'); een verschil met landelijk bestaat alleen voor aandelen en groei.",
            Lang::En => "Counts are compared as levels ('scale=absolute'); a difference from national exists only for shares and growth.",
        }));
    }
    let per = over_periods(d, s.measure, s.subgroup, lang)?;
    let mut series: Vec<PlaceSeries> = found
        .iter()
        .map(|f| {
            series_of(
                &per,
                Some(&f.region),
                &f.region,
                s.measure.key(),
                s.subgroup,
                relative,
            )
        })
        .collect();
    series.push(series_of(
        &per,
        None,
        national_name(lang),
        s.measure.key(),
        s.subgroup,
        relative,
    ));
    let unit = match (s.measure.is_count(), relative, lang) {
        (true, _, Lang::Nl) => "personen",
        (true, _, Lang::En) => "persons",
        (false, true, Lang::Nl) => "%-punt",
        (false, true, Lang::En) => "pp",
        (false, false, _) => "%",
    };
    Ok(CompareData {
        view: "compare",
        measure: s.measure.key(),
        subgroup: s.subgroup,
        scale: s.scale.key(),
        unit: unit.to_string(),
        label: label(s.measure, s.subgroup, growth_base(d), lang),
        periods: per.iter().map(|(p, _)| *p).collect(),
        regions: found,
        series,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Vec<String> {
        [
            "Haaglanden",
            "IJsselvechtstreek (Regio Zwolle)",
            "Midden-Brabant",
            "Midden-Holland",
            "Twente",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn parts_of_names_and_cities_find_their_region() {
        let r = regions();
        let f = find_region(&r, "twente", Lang::Nl).unwrap();
        assert_eq!((f.region.as_str(), f.partial), ("Twente", false));
        let f = find_region(&r, "zwolle", Lang::Nl).unwrap();
        assert_eq!(f.region, "IJsselvechtstreek (Regio Zwolle)");
        assert!(f.partial);
        assert_eq!(
            find_region(&r, "den haag", Lang::Nl).unwrap().region,
            "Haaglanden"
        );
        assert_eq!(
            find_region(&r, "Midden-Brab", Lang::Nl).unwrap().region,
            "Midden-Brabant"
        );
        let e = find_region(&r, "midden", Lang::Nl).unwrap_err();
        assert!(e.message.contains("Midden-Holland"), "{}", e.message);
        let e = find_region(&r, "Atlantis", Lang::En).unwrap_err();
        assert!(e.message.starts_with("No region found"), "{}", e.message);
    }
}
