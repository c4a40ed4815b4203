//! A total drawn among its parts on one axis (`Landelijk` beside 35 regions, `Totaal` beside
//! many categories) is so much larger than they are that it flattens them to a band along the
//! axis. The line and bar views leave such a total out unless it was asked for, and say so.

use crate::format::Lang;

/// How many times the largest part a total must be to be left out: the parts would then use
/// less than a fifth of the axis.
pub const FLATTENS: f64 = 5.0;

/// The totals among `values` (a name, and the largest absolute value drawn for it) that would
/// flatten the others: recognised as a total by their words, beside at least two parts, and
/// more than [`FLATTENS`] times the largest part. `asked` tells a name the description asked
/// for (in `filter=` or `highlight=`), which is drawn whatever its size. Gives each total left
/// out with how many times the largest part it is.
pub fn flattening(
    values: &[(String, Option<f64>)],
    asked: impl Fn(&str) -> bool,
) -> Vec<(String, f64)> {
    let is_total = |n: &str| crate::data::tidy::is_total(n);
    let parts: Vec<f64> = values
        .iter()
        .filter(|(n, _)| !is_total(n))
        .filter_map(|(_, v)| *v)
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    let largest = parts.iter().fold(0.0f64, |m, v| m.max(*v));
    // (Not greater than zero, or no number at all.)
    if largest.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return Vec::new();
    }
    values
        .iter()
        .filter(|(n, _)| is_total(n) && !asked(n))
        .filter_map(|(n, v)| {
            let times = (*v)? / largest;
            (times > FLATTENS).then(|| (n.clone(), times))
        })
        .collect()
}

/// Whether the description asks for `value` of `column` by name: in `filter=` (any case; not
/// when it leaves the value out) or as `highlight=`.
pub fn asked_for(
    filter: &[crate::spec::tidy::RowFilter],
    highlight: Option<&str>,
    column: &str,
    value: &str,
) -> bool {
    let lower = crate::case::lower(value.trim());
    highlight == Some(value)
        || filter
            .iter()
            .filter(|f| !f.exclude && f.column == column)
            .any(|f| {
                f.values
                    .iter()
                    .any(|v| crate::case::lower(v.trim()) == lower)
            })
}

/// How to see what a chart left out because it holds no more: "kies andere met
/// filter=naam:... of neem als x= een kolom met minder waarden" (`key`: `x` or `series`).
pub fn choose_others(column: &str, key: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "kies andere met filter={column}:... of neem als {key}= een kolom met minder waarden"
        ),
        Lang::En => {
            format!("choose others with filter={column}:... or take a column with fewer values as {key}=")
        }
    }
}

/// The note on the totals left out of a line chart (`lines`) or a bar chart: what, how much
/// larger, and how to see them.
pub fn note(left_out: &[(String, f64)], column: &str, lines: bool, lang: Lang) -> Option<String> {
    let first = left_out.first()?;
    let names = left_out
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let times = crate::format::number(first.1.floor(), 0, lang);
    let total = &first.0;
    Some(match (lang, lines) {
        (Lang::Nl, true) => format!(
            "{names} (het totaal) niet getekend: ruim {times} keer zo groot als de grootste \
             andere lijn, het zou de lijnen platdrukken. Alleen het totaal: filter={column}:{total}; \
             naast de delen als index: index=1."
        ),
        (Lang::En, true) => format!(
            "{names} (the total) not drawn: over {times} times the largest other line, it would \
             flatten the lines. The total alone: filter={column}:{total}; beside the parts as an \
             index: index=1."
        ),
        (Lang::Nl, false) => format!(
            "{names} (het totaal) niet getekend: ruim {times} keer zo groot als de grootste \
             andere balk, het zou de balken platdrukken. Alleen het totaal: filter={column}:{total}."
        ),
        (Lang::En, false) => format!(
            "{names} (the total) not drawn: over {times} times the largest other bar, it would \
             flatten the bars. The total alone: filter={column}:{total}."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(n: &str, x: f64) -> (String, Option<f64>) {
        (n.to_string(), Some(x))
    }

    #[test]
    fn a_national_total_beside_regions_is_left_out_but_a_total_of_three_subgroups_is_not() {
        let regions = [
            v("Achterhoek", 2332.0),
            v("Twente", 4500.0),
            v("Landelijk", 80105.0),
        ];
        let out = flattening(&regions, |_| false);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, "Landelijk");
        assert!((out[0].1 - 80105.0 / 4500.0).abs() < 1e-9);
        // Asked for: drawn.
        assert!(flattening(&regions, |n| n == "Landelijk").is_empty());
        // Totaal of Wajong, Wsw and Participatiewet: about twice the largest part, drawn.
        let subgroups = [
            v("Totaal", 4099.0),
            v("Wajong", 2142.0),
            v("WSW", 1578.0),
            v("Participatiewet", 379.0),
        ];
        assert!(flattening(&subgroups, |_| false).is_empty());
        // One part only, or no total: nothing left out.
        assert!(flattening(&[v("Twente", 1.0), v("Landelijk", 100.0)], |_| false).is_empty());
        assert!(flattening(&[v("A", 1.0), v("B", 100.0), v("C", 2.0)], |_| false).is_empty());
    }

    #[test]
    fn asked_for_by_filter_in_any_case_or_by_highlight() {
        use crate::spec::tidy::RowFilter;
        let mut filter = vec![RowFilter::keep("regio", &["landelijk", "Twente"])];
        assert!(asked_for(&filter, None, "regio", "Landelijk"));
        assert!(!asked_for(&filter, None, "jaar", "Landelijk"));
        // Left out by name is not asked for.
        filter[0].exclude = true;
        assert!(!asked_for(&filter, None, "regio", "Landelijk"));
        assert!(asked_for(&[], Some("Landelijk"), "regio", "Landelijk"));
        assert!(!asked_for(&[], None, "regio", "Landelijk"));
        let n = note(&[("Landelijk".to_string(), 17.8)], "regio", false, Lang::Nl).unwrap();
        assert!(
            n.starts_with("Landelijk (het totaal) niet getekend: ruim 17 keer zo groot"),
            "{n}"
        );
        assert!(n.ends_with("filter=regio:Landelijk."), "{n}");
    }
}
