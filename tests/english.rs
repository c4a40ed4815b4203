//! With `lang=en` every text the core produces is English: every view of the catalogue, for the
//! built-in data and each sample, is rendered in Dutch and in English, and none of the Dutch
//! words of the Dutch rendering may appear in the English one (titles, subtitles, source,
//! readings, notes, table headers and text cells, the text drawn in the SVG, tooltips, errors).
//! Words from the file itself (region names, category values, column names) are left out: they
//! stay as the file writes them.

use banenverkenner::render::{self, catalog::catalog, Dataset, Rendered};
use std::collections::BTreeSet;

/// Common Dutch words of the core's texts that are not English words too.
const DUTCH: &[&str] = &[
    "aandeel",
    "aantal",
    "alleen",
    "als",
    "banen",
    "beschikbaar",
    "bewerking",
    "bij",
    "binnen",
    "boven",
    "bron",
    "categorie",
    "daalde",
    "dan",
    "de",
    "deelgroep",
    "een",
    "eind",
    "en",
    "figuur",
    "gearceerd",
    "gebied",
    "geen",
    "gegevens",
    "gegroeid",
    "gemarkeerd",
    "gemiddelde",
    "grens",
    "groei",
    "groeide",
    "groeien",
    "groep",
    "het",
    "hoe",
    "hoger",
    "hoogst",
    "hoogste",
    "indicatie",
    "jaar",
    "jaren",
    "kenmerk",
    "kenmerken",
    "kolom",
    "kwartaal",
    "landelijk",
    "landelijke",
    "laagst",
    "laagste",
    "lager",
    "lezing",
    "lijn",
    "logaritmische",
    "maand",
    "maanden",
    "meer",
    "met",
    "minder",
    "modellen",
    "naar",
    "nauwelijks",
    "niet",
    "omgerekend",
    "onbekend",
    "onder",
    "ontbreekt",
    "onzeker",
    "opbouw",
    "overige",
    "personen",
    "punt",
    "referentie",
    "referentiecategorie",
    "regio",
    "regionale",
    "residu",
    "rijen",
    "samen",
    "schaal",
    "schattingen",
    "significantie",
    "sinds",
    "staat",
    "standaardafwijking",
    "sterk",
    "sterker",
    "sterkst",
    "subdoelgroep",
    "tabel",
    "titel",
    "totaal",
    "trendlijn",
    "tussen",
    "uitschieter",
    "uren",
    "vacatures",
    "van",
    "verband",
    "verdeling",
    "verschil",
    "verschillen",
    "vraagt",
    "waarde",
    "waarvan",
    "werkenden",
    "werkzame",
    "weergave",
    "zwak",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// The text drawn in an SVG: what lies between tags, entities undone.
fn svg_text(svg: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in svg.chars() {
        match c {
            '<' => {
                inside = true;
                out.push(' ');
            }
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Every text a rendering shows, one string per place (for the failure message).
fn texts(r: &Rendered) -> Vec<(String, String)> {
    let mut out = vec![
        ("title".to_string(), r.title.clone()),
        ("subtitle".into(), r.subtitle.clone()),
        ("source".into(), r.source.clone()),
        ("summary".into(), r.summary.clone()),
        ("svg".into(), svg_text(&r.svg)),
    ];
    out.extend(r.notes.iter().map(|n| ("note".to_string(), n.clone())));
    out.extend(
        r.table
            .columns
            .iter()
            .map(|c| ("column".to_string(), c.clone())),
    );
    for row in &r.table.rows {
        for cell in row {
            if let Some(s) = cell.as_str() {
                out.push(("cell".into(), s.to_string()));
            }
        }
    }
    out.extend(
        r.hits
            .iter()
            .map(|h| ("tooltip".to_string(), h.label.clone())),
    );
    out
}

/// The words of the file itself: column names, text cells, the file name; they stay as written.
fn file_words(ds: &Dataset) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = words(&ds.table.source).collect();
    for c in &ds.table.columns {
        out.extend(words(&c.name));
        // Columns the core names in Dutch for a chart keep the file's word too ("subgroup").
        out.extend(words(&banenverkenner::data::tidy::label_of(&c.name)));
    }
    for c in &ds.table.columns {
        for v in c.iter() {
            if let Some(t) = v.as_text() {
                out.extend(words(&t));
            }
        }
    }
    if let Some(r) = &ds.regional {
        for region in &r.regions {
            out.extend(words(region));
        }
    }
    out
}

fn dutch_words(text: &str, skip: &BTreeSet<String>) -> BTreeSet<String> {
    words(text)
        .filter(|w| DUTCH.contains(&w.as_str()) && !skip.contains(w))
        .collect()
}

/// The descriptions to render for a dataset: every view of the catalogue with its defaults, and
/// with each choice of each of its keys.
fn descriptions(ds: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    for v in catalog(ds) {
        out.push(format!("view={}", v.view));
        for k in &v.keys {
            for c in &k.choices {
                out.push(format!(
                    "view={}&{}={}",
                    v.view,
                    k.key,
                    banenverkenner::spec::percent_encode(&c.value)
                ));
            }
        }
    }
    out
}

fn datasets() -> Vec<Dataset> {
    let mut out = vec![Dataset::default_data().expect("built-in data")];
    for ex in banenverkenner::EXAMPLES {
        out.push(Dataset::load(ex.file, ex.bytes).expect(ex.file));
    }
    out
}

#[test]
fn every_view_in_english_has_none_of_its_dutch_words() {
    let mut failures = Vec::new();
    let mut dutch_seen = 0usize;
    let mut rendered = 0usize;
    for ds in datasets() {
        let skip = file_words(&ds);
        for q in descriptions(&ds) {
            // Descriptions the parser refuses are the grammar's errors, not a rendering's.
            if banenverkenner::spec::ViewSpec::parse(&q).is_err() {
                continue;
            }
            let nl = render::render_query(&ds, &q);
            let en = render::render_query(&ds, &format!("{q}&lang=en"));
            match (nl, en) {
                (Ok(nl), Ok(en)) => {
                    rendered += 1;
                    let want: BTreeSet<String> = texts(&nl)
                        .iter()
                        .flat_map(|(_, t)| dutch_words(t, &skip))
                        .collect();
                    dutch_seen += want.len();
                    for (place, text) in texts(&en) {
                        let found: Vec<String> = dutch_words(&text, &skip)
                            .into_iter()
                            .filter(|w| want.contains(w))
                            .collect();
                        if !found.is_empty() {
                            failures.push(format!(
                                "{} {q} {place}: {found:?} in {text:?}",
                                ds.table.source
                            ));
                        }
                    }
                }
                (Err(nl), Err(en)) => {
                    let found = dutch_words(&en.message, &skip);
                    if !found.is_empty() || en.message == nl.message && !nl.message.is_empty() {
                        failures.push(format!(
                            "{} {q} error: {found:?} in {:?}",
                            ds.table.source, en.message
                        ));
                    }
                }
                (Ok(_), Err(e)) => failures.push(format!(
                    "{} {q}: only English fails: {}",
                    ds.table.source, e.message
                )),
                (Err(e), Ok(_)) => failures.push(format!(
                    "{} {q}: only Dutch fails: {}",
                    ds.table.source, e.message
                )),
            }
        }
    }
    // The check can fail: the Dutch renderings do use the listed words.
    assert!(rendered > 50, "only {rendered} views rendered");
    assert!(dutch_seen > 100, "only {dutch_seen} Dutch words seen");
    assert!(
        failures.is_empty(),
        "{} texts with Dutch words:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_scatter_names_its_measures_and_keeps_the_numbers() {
    let ds = Dataset::default_data().unwrap();
    let nl = render::render_query(&ds, "view=scatter").unwrap();
    let en = render::render_query(&ds, "view=scatter&lang=en").unwrap();
    assert_eq!(nl.data["points"], en.data["points"]);
    assert_eq!(
        en.table.columns,
        [
            "region",
            "Share working 2015 (%)",
            "Share working 2015, difference from national (pp)",
            "Growth of working persons 2015-2017 (%)",
            "Growth of working persons 2015-2017, difference from national (pp)",
            "residual (pp)",
            "outlier"
        ]
    );
    let food = en
        .hits
        .iter()
        .find(|h| h.key == "Food Valley")
        .expect("Food Valley");
    assert_eq!(
        food.label,
        "Food Valley – Share working 2015: 40.2 % (-3.7 pp vs. national); growth of working persons 2015-2017: 60.2 % (+37.3 pp); strongly above trend"
    );
    assert!(
        en.summary
            .starts_with("The lower the share working in 2015, the stronger the growth: R² 0.31"),
        "{}",
        en.summary
    );
}

#[test]
fn errors_of_a_regional_view_on_a_tidy_file_are_english() {
    let ex = &banenverkenner::EXAMPLES[0];
    let ds = Dataset::load(ex.file, ex.bytes).unwrap();
    let e = render::render_query(&ds, "view=scatter&lang=en").unwrap_err();
    assert!(
        e.message.starts_with("This view needs regional data"),
        "{}",
        e.message
    );
    let e = render::render_query(&ds, "view=scatter").unwrap_err();
    assert!(
        e.message
            .starts_with("Deze weergave vraagt regionale gegevens"),
        "{}",
        e.message
    );
}
