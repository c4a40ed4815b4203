//! Dutch phrases and notes shared by the regional views (ranking, decomposition, trend,
//! convergence, basics, report), so each reads the same way.

use super::{DataTable, Dataset};
use crate::compute::regional::measures::Excluded;
use crate::data::Outlier;
pub use crate::format::{k_text, list, pct, pp};
use crate::spec::Subgroup;

/// " (Wajong)" after a measure name, nothing for the total.
pub fn group_suffix(g: Subgroup) -> String {
    g.suffix()
}

/// Notes for regions a view leaves out, and for national values summed from the regions.
pub fn notes(ds: &Dataset, excluded: &[Excluded]) -> Vec<String> {
    let mut out: Vec<String> = excluded
        .iter()
        .map(|e| format!("{} niet getoond: {}", e.region, e.reason))
        .collect();
    if let Some(d) = &ds.regional {
        if !d.national_from_file {
            out.push("Landelijke waarden berekend als som van de regio's (geen landelijke rij in het bestand).".into());
        }
    }
    out
}

/// The file's spelling of the region to highlight, matched ignoring case, accents and punctuation.
pub fn resolve_highlight(ds: &Dataset, highlight: Option<&str>) -> Option<String> {
    let h = highlight?;
    let f = crate::compute::regional::columns::fold(h);
    ds.regional
        .as_ref()
        .and_then(|d| {
            d.regions
                .iter()
                .find(|r| crate::compute::regional::columns::fold(r) == f)
        })
        .cloned()
        .or_else(|| Some(h.to_string()))
}

/// A note when the region to highlight (`region=`) is not in the file, so the user sees why
/// nothing is marked.
pub fn highlight_note(ds: &Dataset, highlight: Option<&str>) -> Option<String> {
    let (h, d) = (highlight?, ds.regional.as_ref()?);
    let f = crate::compute::regional::columns::fold(h);
    if d.regions
        .iter()
        .any(|r| r == h || crate::compute::regional::columns::fold(r) == f)
    {
        None
    } else {
        Some(format!(
            "De regio '{h}' staat niet in het bestand en is niet gemarkeerd."
        ))
    }
}

/// The Dutch name of an outlier class in tables.
pub fn outlier_word(o: Option<Outlier>) -> serde_json::Value {
    match o {
        Some(o) if o.is_up() => "boven".into(),
        Some(_) => "onder".into(),
        None => serde_json::Value::Null,
    }
}

/// An empty table with the given column names.
pub fn table(columns: &[&str]) -> DataTable {
    DataTable {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: Vec::new(),
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
    use crate::format::Lang;

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
    }

    #[test]
    fn unknown_highlight_gets_a_note() {
        let ds = Dataset::default_data().unwrap();
        assert_eq!(highlight_note(&ds, Some("twente")), None);
        assert_eq!(highlight_note(&ds, None), None);
        assert!(highlight_note(&ds, Some("Atlantis"))
            .unwrap()
            .contains("Atlantis"));
        assert_eq!(
            resolve_highlight(&ds, Some("helmond de peel")).as_deref(),
            Some("Helmond-De Peel")
        );
    }
}
