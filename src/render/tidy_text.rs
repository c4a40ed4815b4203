//! English for the texts the tidy encodings write in Dutch (notes, axis labels, errors), until
//! [`crate::compute::tidy`] takes the language itself: each known Dutch sentence is a pattern with
//! `{}` holes for the file's words, and its English twin puts the same words in the same order.
//! A text no pattern knows is returned unchanged (the English test lists it).

use crate::format::Lang;

/// (Dutch, English) sentence patterns of [`crate::compute::tidy`]; longer patterns first where
/// one starts like another.
const PATTERNS: &[(&str, &str)] = &[
    // Notes.
    (
        "Ontbrekende aandelen staan als 'onbekend' (de rest tot 100 %).",
        "Missing shares are shown as 'unknown' (the rest up to 100 %).",
    ),
    (
        "Minder dan {} personen (onzeker, gearceerd): {}.",
        "Fewer than {} persons (uncertain, hatched): {}.",
    ),
    (
        "{} niet meegeteld in de verdeling (is het totaal).",
        "{} not counted in the distribution (it is the total).",
    ),
    (
        "'{}' is omgerekend naar aandelen per {}; de totalen staan bij de balken.",
        "'{}' is converted to shares per {}; the totals are shown beside the bars.",
    ),
    (
        "'{}' is omgerekend naar aandelen per {}.",
        "'{}' is converted to shares per {}.",
    ),
    (
        "Waar een aantal onbekend of geheim is, is geen verdeling te berekenen (gat).",
        "Where a count is unknown or suppressed, no distribution can be computed (gap).",
    ),
    (
        "Onbekend of geheim (geen balk): {}.",
        "Unknown or suppressed (no bar): {}.",
    ),
    (
        "{}: de eerste periode ontbreekt; de index begint bij de eerste bekende periode.",
        "{}: the first period is missing; the index starts at the first known period.",
    ),
    (
        "{}: geen index mogelijk (eerste waarde ontbreekt of is 0).",
        "{}: no index possible (the first value is missing or 0).",
    ),
    (
        "Ontbrekende of geheime waarden (onderbroken lijn): {}.",
        "Missing or suppressed values (broken line): {}.",
    ),
    (
        "{}: {} onbekend of geheim; de rest tot 100 % staat als 'onbekend'.",
        "{}: {} unknown or suppressed; the rest up to 100 % is shown as 'unknown'.",
    ),
    (
        "{}: {} onbekend of geheim; zonder het totaal is geen verdeling te berekenen.",
        "{}: {} unknown or suppressed; without the total no distribution can be computed.",
    ),
    (
        "Door afronding tellen niet alle balken op tot 100 % ({}); getekend naar verhouding.",
        "Because of rounding not every bar adds up to 100 % ({}); drawn in proportion.",
    ),
    (
        "Rij {}: {} kan niet op een logaritmische schaal.",
        "Row {}: {} cannot be drawn on a logarithmic scale.",
    ),
    (
        "{} schattingen onbekend of geheim (niet getekend).",
        "{} estimates unknown or suppressed (not drawn).",
    ),
    // Axis labels.
    (
        "{}, index (eerste periode = 100)",
        "{}, index (first period = 100)",
    ),
    (
        "Odds ratio (logaritmische schaal)",
        "Odds ratio (logarithmic scale)",
    ),
    // Errors.
    (
        "Een vlakdiagram vraagt minstens twee waarden van '{}'.",
        "An area chart needs at least two values of '{}'.",
    ),
    (
        "Geen categoriekolom gevonden voor view=bars; geef x= op. Kolommen: {}.",
        "No category column found for view=bars; give x=. Columns: {}.",
    ),
    (
        "Geen kolom met getallen gevonden; geef y= op. Kolommen: {}.",
        "No column with numbers found; give y=. Columns: {}.",
    ),
    (
        "'ref={}' is geen waarde van '{}'. Kies een getal of een van: {}.",
        "'ref={}' is not a value of '{}'. Choose a number or one of: {}.",
    ),
    (
        "'highlight={}' is geen waarde van '{}'. Kies uit: {}.",
        "'highlight={}' is not a value of '{}'. Choose from: {}.",
    ),
    (
        "Geen tijdkolom gevonden voor view=line; geef x= op. Kolommen: {}.",
        "No time column found for view=line; give x=. Columns: {}.",
    ),
    (
        "'highlight={}' is geen reeks. Kies uit: {}.",
        "'highlight={}' is not a series. Choose from: {}.",
    ),
    (
        "Geen kolom voor {} gevonden voor view={}; geef {}= op. Kolommen: {}.",
        "No column for {} found for view={}; give {}=. Columns: {}.",
    ),
    (
        "x= en series= moeten verschillende kolommen zijn.",
        "x= and series= must be different columns.",
    ),
    (
        "Geen kolom met odds ratio's gevonden; geef y= op. Kolommen: {}.",
        "No column with odds ratios found; give y=. Columns: {}.",
    ),
    (
        "Geen kolom met de termen (categorieën) gevonden; geef term= op. Kolommen: {}.",
        "No column with the terms (categories) found; give term=. Columns: {}.",
    ),
    (
        "Geen rijen met {} = '{}'. Waarden in '{}': {}.",
        "No rows with {} = '{}'. Values in '{}': {}.",
    ),
    (
        "Rij {} en rij {} vallen op hetzelfde punt ({}). Kies een kolom voor series= of facet=, of beperk de rijen met filter=kolom:waarde.",
        "Rows {} and {} fall on the same point ({}). Choose a column for series= or facet=, or limit the rows with filter=column:value.",
    ),
    (
        "'{}={}' vraagt een kolom met getallen, maar deze cel bevat '{}'.",
        "'{}={}' needs a column with numbers, but this cell holds '{}'.",
    ),
    (
        "Onbekende kolom '{}={}'. Beschikbare kolommen: {}.",
        "Unknown column '{}={}'. Available columns: {}.",
    ),
    (
        "Geen passende weergave gevonden voor '{}': de tabel heeft geen kolom met getallen naast een categorie- of tijdkolom. Zonder waarden (alle cellen leeg of geheim): {}. Kolommen: {}. Geef de rollen op met roles=kolom:rol.",
        "No fitting view found for '{}': the table has no column with numbers beside a category or time column. Without values (every cell empty or suppressed): {}. Columns: {}. Give the roles with roles=column:role.",
    ),
    (
        "Geen passende weergave gevonden voor '{}': de tabel heeft geen kolom met getallen naast een categorie- of tijdkolom. Kolommen: {}. Geef de rollen op met roles=kolom:rol.",
        "No fitting view found for '{}': the table has no column with numbers beside a category or time column. Columns: {}. Give the roles with roles=column:role.",
    ),
];

/// Phrases of the aggregation notes ("Opgeteld over gemeente en leeftijd: 999.600 rijen -> 1.400
/// punten"), replaced in order in a text no whole-sentence pattern knows.
const PHRASES: &[(&str, &str)] = &[
    (
        "Totaalrijen gebruikt in plaats van hun delen (niet dubbel geteld): ",
        "Total rows used instead of their parts (not counted twice): ",
    ),
    ("Totaalrijen herkend: ", "Total rows recognised: "),
    (
        " (gebruikt als totaal, nooit opgeteld bij de delen)",
        " (used as the total, never added to the parts)",
    ),
    ("Alleen de laatste periode (", "Only the latest period ("),
    (
        "): standen tellen niet op over de tijd; kies een andere met filter=.",
        "): stocks do not add up over time; choose another with filter=.",
    ),
    (
        " punt(en) onbekend: een deel van de rijen is leeg of geheim.",
        " point(s) unknown: part of the rows is empty or suppressed.",
    ),
    ("Gemiddelde gewogen met ", "Mean weighted by "),
    ("Ongewogen gemiddelde", "Unweighted mean"),
    ("100 × som van ", "100 × sum of "),
    (" / som van ", " / sum of "),
    (", opgeteld over ", ", summed over "),
    ("Opgeteld over ", "Summed over "),
    ("opgeteld over ", "summed over "),
    ("Opgeteld", "Summed"),
    ("opgeteld", "summed"),
    (" rijen -> ", " rows -> "),
    (" rij -> ", " row -> "),
    (" punten", " points"),
    (" punt", " point"),
    (" en ", " and "),
];

/// The words in the holes of `pattern` when `text` has its shape.
fn holes<'a>(pattern: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = pattern.split("{}").collect();
    let (first, rest) = parts.split_first()?;
    let mut s = text.strip_prefix(first)?;
    let mut out = Vec::new();
    for (i, lit) in rest.iter().enumerate() {
        let at = if i + 1 == rest.len() {
            // The last literal closes the text.
            if !s.ends_with(lit) {
                return None;
            }
            s.len() - lit.len()
        } else {
            s.find(lit)?
        };
        out.push(&s[..at]);
        s = &s[at + lit.len()..];
    }
    Some(out)
}

/// `text` in `lang`: English for a known Dutch sentence of the tidy encodings, else unchanged.
pub fn tidy_text(text: &str, lang: Lang) -> String {
    if lang == Lang::Nl {
        return text.to_string();
    }
    for (nl, en) in PATTERNS {
        if let Some(words) = holes(nl, text) {
            let mut out = String::new();
            let mut parts = en.split("{}");
            out.push_str(parts.next().unwrap_or_default());
            for (w, lit) in words.iter().zip(parts) {
                out.push_str(w);
                out.push_str(lit);
            }
            return out.replace("'onbekend'", "'unknown'");
        }
    }
    let mut out = text.to_string();
    for (nl, en) in PHRASES {
        out = out.replace(nl, en);
    }
    out
}

/// An error of a tidy encoding in `lang`.
pub fn tidy_error(mut e: crate::error::Error, lang: Lang) -> crate::error::Error {
    e.message = tidy_text(&e.message, lang);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_sentences_become_english_with_the_file_words_kept() {
        assert_eq!(
            tidy_text(
                "Minder dan 100 personen (onzeker, gearceerd): Werken met een gemeentevoorziening.",
                Lang::En
            ),
            "Fewer than 100 persons (uncertain, hatched): Werken met een gemeentevoorziening."
        );
        assert_eq!(
            tidy_text(
                "Wajong: gemeente, UWV onbekend of geheim; de rest tot 100 % staat als 'onbekend'.",
                Lang::En
            ),
            "Wajong: gemeente, UWV unknown or suppressed; the rest up to 100 % is shown as 'unknown'."
        );
        assert_eq!(
            tidy_text("Persons, index (eerste periode = 100)", Lang::En),
            "Persons, index (first period = 100)"
        );
        // Dutch stays as it is; an unknown text is left alone.
        let nl = "Onbekend of geheim (geen balk): A.";
        assert_eq!(tidy_text(nl, Lang::Nl), nl);
        assert_eq!(tidy_text("iets anders", Lang::En), "iets anders");
    }
}
