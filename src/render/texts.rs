//! Phrases and notes shared by the regional views (ranking, decomposition, trend, convergence,
//! basics, report), in Dutch or English, so each reads the same way.

use super::{DataTable, Dataset};
use crate::compute::regional::measures::Excluded;
pub use crate::data::regional::Against;
use crate::data::Outlier;
pub use crate::format::{k_text, list, list_in, pct, pp, pp_unit, t, Lang};
use crate::spec::Subgroup;

/// " (Wajong)" after a measure name, nothing for the total.
pub fn group_suffix(g: Subgroup) -> String {
    g.suffix()
}

/// A growth between stands at different points of their year (`2015M11` to `2017M12`, `2015K4`
/// to `2017K3`) compares unlike stands (the seasons differ): said, as the view was asked for.
/// (The built-in data has years: never.)
pub fn seasons_note(
    from: crate::spec::Period,
    to: crate::spec::Period,
    lang: Lang,
) -> Option<String> {
    #[cfg(feature = "full")]
    if !from.same_point_of_year(to) && from.grain() == to.grain() {
        let (f, l) = (from.label_in(lang), to.label_in(lang));
        return Some(match lang {
            Lang::Nl => format!("De groei loopt van {f} tot {l}: twee standen op een ander moment van het jaar, dus ook seizoensverschil; voor gelijke standen kies 'van' en 'tot' op hetzelfde moment van het jaar."),
            Lang::En => format!("The growth runs from {f} to {l}: two stands at different points of the year, so seasonal differences count too; for like stands choose 'from' and 'to' at the same point of the year."),
        });
    }
    let _ = (from, to, lang);
    None
}

/// Notes for regions a view leaves out, and for national values summed from the regions.
pub fn notes(ds: &Dataset, excluded: &[Excluded], lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = excluded
        .iter()
        .map(|e| {
            format!(
                "{} {}: {}",
                e.region,
                t(lang, "niet getoond", "not shown"),
                e.reason
            )
        })
        .collect();
    // (The built-in data, the first core's only file, has its national row.)
    if let Some(d) = ds.regional.as_ref().filter(|_| cfg!(feature = "full")) {
        if !d.national_from_file {
            out.push(t(lang, "Landelijke waarden berekend als som van de regio's, waar het bestand geen landelijke rij heeft.", "National values computed as the sum of the regions, where the file has no national row.").into());
        }
    }
    out
}

/// The file's region `h` names: its name matched ignoring case, accents and punctuation, else
/// the one region whose name holds it (`zwolle`: `IJsselvechtstreek (Regio Zwolle)`).
#[cfg(not(feature = "full"))]
fn region_named(ds: &Dataset, h: &str) -> Option<String> {
    use crate::compute::regional::columns::fold;
    let (f, d) = (fold(h), ds.regional.as_ref()?);
    d.regions
        .iter()
        .find(|r| fold(r) == f)
        .or_else(|| {
            let mut part = d.regions.iter().filter(|r| fold(r).contains(&f));
            part.next()
                .filter(|_| !f.is_empty() && part.next().is_none())
        })
        .cloned()
}

/// The file's spelling of the region to highlight ([`region_named`]); the text as given when
/// no region of the file fits it.
#[cfg(not(feature = "full"))]
pub fn resolve_highlight(ds: &Dataset, highlight: Option<&str>) -> Option<String> {
    let h = highlight?;
    region_named(ds, h).or_else(|| Some(h.to_string()))
}

/// A note when the region to highlight (`region=`) is not in the file, so the user sees why
/// nothing is marked.
#[cfg(not(feature = "full"))]
pub fn highlight_note(ds: &Dataset, highlight: Option<&str>, lang: Lang) -> Option<String> {
    let h = highlight?;
    ds.regional.as_ref()?;
    region_named(ds, h).is_none().then(|| match lang {
        Lang::Nl => format!("De regio '{h}' staat niet in het bestand en is niet gemarkeerd."),
        Lang::En => format!("The region '{h}' is not in the file and is not marked."),
    })
}

/// The file's spelling of the region to highlight (see `find_highlight`); the text as given when
/// no region of the file fits it.
#[cfg(feature = "full")]
pub fn resolve_highlight(ds: &Dataset, highlight: Option<&str>) -> Option<String> {
    let h = highlight?;
    find_highlight(ds, h)
        .ok()
        .flatten()
        .or_else(|| Some(h.to_string()))
}

/// The file's region that `region=` names, as the regions side by side find one: the same
/// name (whatever its case and spaces), the one region whose name holds it (`zwolle`), a
/// city's region (`enschede`), or the same region by another name (`Fryslân`). `Ok(None)`: no
/// region of the file; `Err`: more than one.
#[cfg(feature = "full")]
pub(crate) fn find_highlight(ds: &Dataset, h: &str) -> Result<Option<String>, ()> {
    let Some(d) = ds.regional.as_ref() else {
        return Ok(None);
    };
    use crate::compute::compare::{match_region, Match};
    match match_region(&d.regions, h) {
        Match::One(r, _) => return Ok(Some(r.clone())),
        Match::Several(_) => return Err(()),
        Match::None => {}
    }
    if let Some(r) = d
        .regions
        .iter()
        .find(|r| crate::geo::names::same_region(r, h))
    {
        return Ok(Some(r.clone()));
    }
    Ok(None)
}

/// A note when the region to highlight (`region=`) is not in the file, or fits more than one,
/// so the user sees why nothing is marked.
#[cfg(feature = "full")]
pub fn highlight_note(ds: &Dataset, highlight: Option<&str>, lang: Lang) -> Option<String> {
    let h = highlight?;
    ds.regional.as_ref()?;
    let found = find_highlight(ds, h);
    if matches!(found, Ok(Some(_))) {
        return None;
    }
    if found.is_err() {
        return Some(match lang {
            Lang::Nl => format!(
                "'{h}' past bij meer dan één regio en is niet gemarkeerd; geef meer van de naam."
            ),
            Lang::En => {
                format!("'{h}' fits more than one region and is not marked; give more of the name.")
            }
        });
    }
    Some(match lang {
        Lang::Nl => format!("De regio '{h}' staat niet in het bestand en is niet gemarkeerd."),
        Lang::En => format!("The region '{h}' is not in the file and is not marked."),
    })
}

/// The words of an outlier class in tables and exports (`boven trend`, `sterk onder landelijk`,
/// `above trend`), null for none: the one wording every view, tooltip and the report use.
pub fn outlier_word(o: Option<Outlier>, against: Against, lang: Lang) -> serde_json::Value {
    match o {
        Some(o) => crate::data::regional::outlier_word(o, against, lang).into(),
        None => serde_json::Value::Null,
    }
}

/// The column header of outlier words.
pub fn outlier_header(lang: Lang) -> &'static str {
    t(lang, "uitschieter", "outlier")
}

/// An empty table with the given column names.
pub fn table(columns: &[&str]) -> DataTable {
    DataTable {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: Vec::new(),
        ..Default::default()
    }
}

/// A number for a table cell: JSON null when absent or not finite.
pub fn cell(v: Option<f64>) -> serde_json::Value {
    match v {
        Some(x) if x.is_finite() => x.into(),
        _ => serde_json::Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_lists_and_numbers() {
        assert_eq!(list(&["A", "B", "C"]), "A, B en C");
        assert_eq!(list(&["A"]), "A");
        assert_eq!(list(&[]), "");
        assert_eq!(pp(3.44, Lang::Nl), "+3,4 %-punt");
        assert_eq!(pct(22.94, Lang::Nl), "22,9 %");
        assert_eq!(k_text(1.5, Lang::Nl), "1,5");
        assert_eq!(group_suffix(Subgroup::Total), "");
        assert_eq!(group_suffix(Subgroup::Wsw), " (WSW)");
        assert_eq!(list_in(&["A", "B"], Lang::En), "A and B");
        assert_eq!(pp(-3.44, Lang::En), "-3.4 pp");
    }

    #[test]
    fn outlier_words_are_the_same_everywhere() {
        assert_eq!(
            outlier_word(Some(Outlier::UpStrong), Against::Trend, Lang::Nl),
            "sterk boven trend"
        );
        assert_eq!(
            outlier_word(Some(Outlier::Down), Against::Trend, Lang::En),
            "below trend"
        );
        assert_eq!(
            outlier_word(Some(Outlier::Up), Against::National, Lang::Nl),
            "boven landelijk"
        );
        assert_eq!(
            outlier_word(None, Against::National, Lang::En),
            serde_json::Value::Null
        );
    }

    #[test]
    fn unknown_highlight_gets_a_note() {
        let ds = Dataset::default_data().unwrap();
        assert_eq!(highlight_note(&ds, Some("twente"), Lang::Nl), None);
        assert_eq!(highlight_note(&ds, None, Lang::Nl), None);
        assert!(highlight_note(&ds, Some("Atlantis"), Lang::Nl)
            .unwrap()
            .contains("Atlantis"));
        assert_eq!(
            resolve_highlight(&ds, Some("helmond de peel")).as_deref(),
            Some("Helmond-De Peel")
        );
    }
}
