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
            .starts_with("The lower the share working in 2015, the stronger the growth: R² 0.3083"),
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

/// Every text a rendering or its error shows, as one string (svg text included).
fn all_text(r: &Result<Rendered, banenverkenner::Error>) -> String {
    match r {
        Ok(r) => texts(r)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => e.message.clone(),
    }
}

/// The tidy encodings write their notes, labels, refusals and the aggregation notes in the
/// description's language: each case shows one sentence in Dutch and its English twin, with
/// the file's own words (columns, categories) kept as written.
#[test]
fn tidy_notes_refusals_and_aggregation_notes_are_english() {
    const REGISTER: &str = "register_by_subgroup_2017_2019.csv";
    let cases: &[(&str, &str, &str, &str)] = &[
        // (table: a sample's file name or CSV text, description, Dutch, English)
        (
            REGISTER,
            "view=bars&x=subgroup&y=persons&filter=year:2020",
            "Geen rijen met year = '2020'. Waarden in 'year': 2017, 2018, 2019.",
            "No rows with year = '2020'. Values in 'year': 2017, 2018, 2019.",
        ),
        (
            REGISTER,
            "view=line&filter=subgroup:Wajong|Wsw,year:2018",
            "Alleen rijen met subgroup = Wajong of Wsw en year = 2018.",
            "Only rows with subgroup = Wajong or Wsw and year = 2018.",
        ),
        (
            REGISTER,
            "view=line&x=jaar&y=persons",
            "Onbekende kolom 'x=jaar'. Beschikbare kolommen: subgroup, year, persons.",
            "Unknown column 'x=jaar'. Available columns: subgroup, year, persons.",
        ),
        (
            REGISTER,
            "view=line&roles=nope:time",
            "Onbekende kolom 'roles=nope'.",
            "Unknown column 'roles=nope'.",
        ),
        (
            REGISTER,
            "view=line&x=year&y=subgroup",
            "'y=subgroup' vraagt een kolom met getallen, maar deze cel bevat",
            "'y=subgroup' needs a column with numbers, but this cell holds",
        ),
        (
            REGISTER,
            "view=line&highlight=wajong",
            "'highlight=wajong' is geen reeks. Kies uit:",
            "'highlight=wajong' is not a series. Choose from:",
        ),
        (
            REGISTER,
            "view=bars&x=subgroup&y=persons&highlight=wajong",
            "'highlight=wajong' is geen waarde van 'subgroup'. Kies uit:",
            "'highlight=wajong' is not a value of 'subgroup'. Choose from:",
        ),
        (
            REGISTER,
            "view=bars&x=subgroup&y=persons&ref=zz",
            "'ref=zz' is geen waarde van 'subgroup'. Kies een getal of een van:",
            "'ref=zz' is not a value of 'subgroup'. Choose a number or one of:",
        ),
        (
            "groep,aantal\nA,1\nB,2\n",
            "view=line",
            "Geen tijdkolom gevonden voor view=line; geef x= op. Kolommen: groep, aantal.",
            "No time column found for view=line; give x=. Columns: groep, aantal.",
        ),
        (
            "jaar,groep\n2017,A\n2018,B\n",
            "view=line",
            "Geen kolom met getallen gevonden; geef y= op.",
            "No column with numbers found; give y=.",
        ),
        (
            "groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,30\nB,>12,70\n",
            "view=stacked&x=groep&series=groep",
            "x= en series= moeten verschillende kolommen zijn.",
            "x= and series= must be different columns.",
        ),
        (
            "jaar,aantal\n2017,1\n2018,2\n",
            "view=stacked",
            "Geen kolom voor x gevonden voor view=stacked; geef x= op.",
            "No column for x found for view=stacked; give x=.",
        ),
        (
            "groep,uren,aandeel\nA,<12,40\nA,>12,60\n",
            "view=area&x=groep",
            "Een vlakdiagram vraagt minstens twee waarden van 'groep'.",
            "An area chart needs at least two values of 'groep'.",
        ),
        (
            "groep,aantal\nA,1\nB,2\n",
            "view=forest",
            "Geen kolom met odds ratio's gevonden; geef y= op.",
            "No column with odds ratios found; give y=.",
        ),
        (
            "term,odds_ratio\na,1.2\na,1.5\n",
            "view=forest",
            "Rij 2 en rij 3 vallen op hetzelfde punt (term 'a' ). Kies een kolom voor series= of \
             facet=, of beperk de rijen met filter=kolom:waarde.",
            "Rows 2 and 3 fall on the same point (term 'a' ). Choose a column for series= or \
             facet=, or limit the rows with filter=column:value.",
        ),
        (
            "term,odds_ratio\na,0\nb,1.5\nc,.\n",
            "view=forest&y=odds_ratio",
            "Rij 2: odds_ratio 0,00 kan niet op een logaritmische schaal.",
            "Row 2: odds_ratio 0.00 cannot be drawn on a logarithmic scale.",
        ),
        (
            "term,odds_ratio\na,0.5\nb,1.5\nc,.\n",
            "view=forest",
            "1 schattingen onbekend of geheim (niet getekend).",
            "1 estimates unknown or suppressed (not drawn).",
        ),
        (
            "term,odds_ratio\na,0.5\nb,1.5\n",
            "view=forest",
            "Odds ratio (logaritmische schaal)",
            "Odds ratio (logarithmic scale)",
        ),
        (
            "jaar,waarde\n2019,.\n2020,.\n",
            "",
            "Geen passende weergave gevonden voor 'eigen.csv': de tabel heeft geen kolom met \
             getallen naast een categorie- of tijdkolom. Zonder waarden (alle cellen leeg of \
             geheim): waarde.",
            "No fitting view found for 'eigen.csv': the table has no column with numbers beside a \
             category or time column. Without values (every cell empty or suppressed): waarde.",
        ),
        // Refusals to combine rows.
        (
            "jaar,groep,sekse,werkzaam,pct\n2017,A,man,1,10\n2017,A,vrouw,2,20\n",
            "view=line&x=jaar&y=pct&series=groep",
            "'pct' is een percentage: rijen samenvoegen over sekse kan alleen gewogen",
            "'pct' is a percentage: combining rows over sekse is only possible weighted",
        ),
        (
            "jaar,a,b,odds_ratio\n2017,x,p,1.5\n2017,x,q,2\n",
            "view=line&x=jaar&y=odds_ratio&series=a",
            "'odds_ratio' (odds ratio) laat zich niet optellen of middelen over b.",
            "'odds_ratio' (odds ratio) cannot be summed or averaged over b.",
        ),
        // Aggregation notes (the first one also closes the subtitle).
        (
            "jaar,groep,sekse,werkzaam,pct\n2017,A,man,1,10\n2017,A,vrouw,2,20\n",
            "view=line&x=jaar&y=werkzaam&series=groep",
            "Werkzaam; opgeteld over sekse: 2 rijen -> 1 punt",
            "Werkzaam; summed over sekse: 2 rows -> 1 point",
        ),
        (
            "regio,subgroep,aandeel,personen\nNoord,Wajong,40,100\nNoord,Wsw,60,50\nWest,Wajong,30,300\nWest,Wsw,20,10\n",
            "view=bars&x=subgroep&y=aandeel&sort=none",
            "Gemiddelde gewogen met personen over regio: 4 rijen -> 2 punten",
            "Mean weighted by personen over regio: 4 rows -> 2 points",
        ),
        (
            "regio,subgroep,aandeel,personen\nNoord,Wajong,40,100\nNoord,Wsw,60,50\nWest,Wajong,30,300\nWest,Wsw,20,10\n",
            "view=bars&x=subgroep&y=aandeel&agg=mean&sort=none",
            "Ongewogen gemiddelde over regio (agg=mean): 4 rijen -> 2 punten",
            "Unweighted mean over regio (agg=mean): 4 rows -> 2 points",
        ),
        (
            COUNTS,
            "view=line&x=kwartaal&y=werkzaam&per=personen&series=regio",
            "100 × som van werkzaam / som van personen, opgeteld over gemeente: 6 rijen -> 4 punten",
            "100 × sum of werkzaam / sum of personen, summed over gemeente: 6 rows -> 4 points",
        ),
        (
            COUNTS,
            "view=line&x=kwartaal&y=werkzaam&per=personen&series=regio",
            "Werkzaam per 100 personen",
            "Werkzaam per 100 personen",
        ),
        (
            COUNTS,
            "view=line&x=kwartaal&y=werkzaam&series=regio",
            "Totaalrijen gebruikt in plaats van hun delen (niet dubbel geteld): gemeente = Totaal.",
            "Total rows used instead of their parts (not counted twice): gemeente = Totaal.",
        ),
        (
            COUNTS,
            "view=line&x=kwartaal&y=werkzaam&series=regio",
            "1 punt(en) onbekend: een deel van de rijen is leeg of geheim.",
            "1 point(s) unknown: part of the rows is empty or suppressed.",
        ),
        (
            COUNTS,
            "view=bars&x=regio&y=werkzaam&series=gemeente&sort=none",
            "Alleen de laatste periode (kwartaal = 2019K2): standen tellen niet op over de tijd; \
             kies een andere met filter=.",
            "Only the latest period (kwartaal = 2019K2): stocks do not add up over time; choose \
             another with filter=.",
        ),
        // Notes of the views.
        (
            "jaar,groep,aantal\n2017,A,0\n2018,A,5\n2017,B,.\n2018,B,4\n",
            "view=line&index=1",
            "A: geen index mogelijk (eerste waarde ontbreekt, is 0 of negatief).",
            "A: no index possible (the first value is missing, 0 or negative).",
        ),
        (
            "jaar,groep,aantal\n2017,A,0\n2018,A,5\n2017,B,.\n2018,B,4\n",
            "view=line&index=1",
            "B: de eerste periode ontbreekt; de index begint bij de eerste bekende periode.",
            "B: the first period is missing; the index starts at the first known period.",
        ),
        (
            "jaar,groep,aantal\n2017,A,0\n2018,A,5\n2017,B,.\n2018,B,4\n",
            "view=line&index=1",
            "Aantal, index (eerste periode = 100)",
            "Aantal, index (first period = 100)",
        ),
        (
            "jaar,groep,aantal\n2017,A,0\n2018,A,5\n2017,B,.\n2018,B,4\n",
            "view=line",
            "Ontbrekende of geheime waarden (onderbroken lijn): B.",
            "Missing or suppressed values (broken line): B.",
        ),
        (
            "regio,aandeel\nA,20\nB,.\n",
            "view=bars",
            "Onbekend of geheim (geen balk): B.",
            "Unknown or suppressed (no bar): B.",
        ),
        (
            "groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,.\nB,>12,70\n",
            "view=stacked",
            "B: <12 onbekend of geheim; de rest tot 100 % staat als 'onbekend'.",
            "B: <12 unknown or suppressed; the rest up to 100 % is shown as 'unknown'.",
        ),
        (
            "groep,uren,aandeel\nA,<12,40\nA,>12,62\nB,<12,30\nB,>12,70\n",
            "view=stacked",
            "Door afronding tellen niet alle balken op tot 100 % (A 102,0); getekend naar verhouding.",
            "Because of rounding not every bar adds up to 100 % (A 102.0); drawn in proportion.",
        ),
        (
            "groep,uren,aantal\nA,<12,4\nA,>12,6\nA,Totaal,10\nB,<12,.\nB,>12,7\nB,Totaal,.\n",
            "view=stacked&x=groep&y=aantal&series=uren",
            "B: <12 onbekend of geheim; zonder het totaal is geen verdeling te berekenen.",
            "B: <12 unknown or suppressed; without the total no distribution can be computed.",
        ),
        (
            "groep,uren,aantal\nA,<12,4\nA,>12,6\nA,Totaal,10\nB,<12,.\nB,>12,7\nB,Totaal,.\n",
            "view=stacked&x=groep&y=aantal&series=uren",
            "Totaal niet meegeteld in de verdeling (is het totaal).",
            "Totaal not counted in the distribution (it is the total).",
        ),
        (
            "groep,uren,aantal\nA,<12,4\nA,>12,6\nA,Totaal,10\nB,<12,.\nB,>12,7\nB,Totaal,.\n",
            "view=stacked&x=groep&y=aantal&series=uren",
            "'aantal' is omgerekend naar aandelen per groep; de totalen staan bij de balken.",
            "'aantal' is converted to shares per groep; the totals are shown beside the bars.",
        ),
        (
            "maand,status,aandeel,n\n0,a,50,30\n0,b,50,30\n6,a,60,300\n6,b,.,300\n",
            "view=area",
            "Ontbrekende aandelen staan als 'onbekend' (de rest tot 100 %).",
            "Missing shares are shown as 'unknown' (the rest up to 100 %).",
        ),
        (
            "maand,status,aandeel,n\n0,a,50,30\n0,b,50,30\n6,a,60,300\n6,b,.,300\n",
            "view=area&min_n=1000",
            "Minder dan 1.000 personen (onzeker, gearceerd): 0, 6.",
            "Fewer than 1,000 persons (uncertain, hatched): 0, 6.",
        ),
        (
            "maand,status,aantal\n0,a,5\n0,b,5\n6,a,6\n6,b,.\n",
            "view=area&x=maand&y=aantal&series=status",
            "'aantal' is omgerekend naar aandelen per maand.",
            "'aantal' is converted to shares per maand.",
        ),
        (
            "maand,status,aantal\n0,a,5\n0,b,5\n6,a,6\n6,b,.\n",
            "view=area&x=maand&y=aantal&series=status",
            "Waar een aantal onbekend of geheim is, is geen verdeling te berekenen (gat).",
            "Where a count is unknown or suppressed, no distribution can be computed (gap).",
        ),
    ];
    let mut failures = Vec::new();
    for (table, q, nl, en) in cases {
        let ds = match banenverkenner::EXAMPLES.iter().find(|e| e.file == *table) {
            Some(ex) => Dataset::load(ex.file, ex.bytes).unwrap(),
            None => Dataset::load("eigen.csv", table.as_bytes()).unwrap(),
        };
        let q_en = if q.is_empty() {
            "lang=en".to_string()
        } else {
            format!("{q}&lang=en")
        };
        let text_nl = all_text(&render::render_query(&ds, q));
        let text_en = all_text(&render::render_query(&ds, &q_en));
        if !text_nl.contains(nl) {
            failures.push(format!("{q}: Dutch {nl:?} not in {text_nl:?}"));
        }
        if !text_en.contains(en) {
            failures.push(format!("{q}: English {en:?} not in {text_en:?}"));
        }
        if nl != en && text_en.contains(nl) {
            failures.push(format!("{q}: Dutch {nl:?} in the English rendering"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Counts per quarter, region and municipality, with total rows and a suppressed cell.
const COUNTS: &str = "kwartaal,regio,gemeente,personen,werkzaam\n\
    2019K1,A,a1,100,40\n2019K1,A,a2,300,60\n2019K1,A,Totaal,400,100\n\
    2019K2,A,a1,110,50\n2019K2,A,a2,290,70\n2019K2,A,Totaal,400,120\n\
    2019K1,B,b1,50,10\n2019K1,B,b2,50,30\n2019K2,B,b1,60,.\n2019K2,B,b2,40,30\n";

/// A description the parser refuses: with `lang=en` (wherever it stands) the error is English,
/// without it Dutch.
#[test]
fn parser_errors_follow_the_descriptions_language() {
    use banenverkenner::spec::ViewSpec;
    let cases: &[(&str, &str, &str)] = &[
        // (description, start of the Dutch error, start of the English error)
        (
            "view=scatter&colour=red",
            "Onbekende sleutel 'colour' voor view=scatter",
            "Unknown key 'colour' for view=scatter",
        ),
        (
            "view=scatter&subgroup=wsx",
            "Onbekende deelgroep 'subgroup=wsx' bij view=scatter. Kies uit:",
            "Unknown subgroup 'subgroup=wsx' for view=scatter. Choose from:",
        ),
        (
            "view=pie",
            "Onbekende weergave 'view=pie'. Kies uit:",
            "Unknown view 'view=pie'. Choose from:",
        ),
        (
            "view=scatter&view=scatter",
            "De sleutel 'view' staat twee keer in de weergave.",
            "The key 'view' appears twice in the description.",
        ),
        (
            "view=scatter&from=abc",
            "'from=abc': verwacht een periode",
            "'from=abc': expected a period",
        ),
        (
            "view=scatter&from=2017&to=2015",
            "Het begin (from=2017) moet voor het eind (to=2015) liggen. Verwissel ze: from=2015&to=2017.",
            "The start (from=2017) must come before the end (to=2015). Swap them: from=2015&to=2017.",
        ),
        (
            "view=scatter&k=abc",
            "'k=abc': verwacht een getal.",
            "'k=abc': expected a number.",
        ),
        (
            "view=scatter&k=9",
            "De drempel k=9 moet groter dan 0 zijn en ten hoogste 5",
            "The threshold k=9 must be greater than 0 and at most 5",
        ),
        (
            "subgroup=wajong",
            "De sleutel 'subgroup' hoort bij een weergave",
            "The key 'subgroup' needs a view",
        ),
        (
            "view=line&roles=jaar",
            "'roles=jaar': schrijf kolom:rol",
            "'roles=jaar': write column:role",
        ),
        (
            "view=line&roles=jaar:kleur",
            "Onbekende rol 'kleur' in roles=. Kies uit:",
            "Unknown role 'kleur' in roles=. Choose from:",
        ),
        (
            "view=line&filter=jaar",
            "'filter=jaar': schrijf kolom:waarde",
            "'filter=jaar': write column:value",
        ),
        ("view=line&index=misschien", "Onbekende", "Unknown"),
        ("view=area&min_n=-1", "Onbekende", "Unknown"),
        (
            "view=line&x=%zz",
            "Ongeldige codering '%' in '%zz'.",
            "Invalid encoding '%' in '%zz'.",
        ),
    ];
    let mut failures = Vec::new();
    for (q, nl, en) in cases {
        let dutch = ViewSpec::parse(q).map(|_| ()).unwrap_err().message;
        // lang=en first and last: the language is read before the rest of the description.
        for q_en in [format!("lang=en&{q}"), format!("{q}&lang=en")] {
            let english = ViewSpec::parse(&q_en).map(|_| ()).unwrap_err().message;
            if !english.starts_with(en) {
                failures.push(format!("{q_en}: {english:?} does not start with {en:?}"));
            }
            // The description's own words (a column named `jaar`) stay as written.
            let found: Vec<String> = dutch_words(&english, &words(q).collect())
                .into_iter()
                .collect();
            if !found.is_empty() {
                failures.push(format!("{q_en}: Dutch words {found:?} in {english:?}"));
            }
        }
        if !dutch.starts_with(nl) {
            failures.push(format!("{q}: {dutch:?} does not start with {nl:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Runs the CLI; returns (exit status, stdout, stderr).
fn cli(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_banenverkenner"))
        .args(args)
        .output()
        .expect("the CLI runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_speaks_english_with_en() {
    // A refused description: the error line and the progress lines in English.
    for args in [
        &["view", "default", "view=scatter&colour=red", "--en"][..],
        &["--lang", "en", "view", "default", "view=scatter&colour=red"],
        &["view", "default", "view=scatter&colour=red&lang=en"],
    ] {
        let (ok, _, err) = cli(args);
        assert!(!ok, "{args:?}");
        assert!(
            err.contains("\nError: Unknown key 'colour'"),
            "{args:?}: {err}"
        );
        assert!(err.starts_with("Read: format CSV"), "{args:?}: {err}");
        assert!(!err.contains("Fout") && !err.contains("Ingelezen"), "{err}");
    }
    let (ok, _, err) = cli(&["view", "default", "view=scatter&colour=red"]);
    assert!(!ok);
    assert!(err.contains("\nFout: Onbekende sleutel 'colour'"), "{err}");
    assert!(err.starts_with("Ingelezen: formaat CSV"), "{err}");

    // A view: --en renders it in English and says what was adjusted in English.
    let (ok, out, err) = cli(&[
        "view",
        "default",
        "view=ranking&subgroup=praktijkroute&from=2015&to=2017",
        "--en",
    ]);
    assert!(ok, "{err}");
    assert!(err.contains("\nAdjusted: "), "{err}");
    assert!(!err.contains("Aangepast"), "{err}");
    assert!(out.starts_with("Growth of working persons"), "{out}");
    let (ok, out, _) = cli(&["view", "default", "view=scatter", "--spec", "--en"]);
    assert!(ok);
    assert!(out.trim_end().ends_with("&lang=en"), "{out}");
    // Both printed only the description before, without a word about --json.
    let (ok, out, err) = cli(&[
        "view",
        "default",
        "view=scatter",
        "--json",
        "--spec",
        "--en",
    ]);
    assert!(!ok && out.is_empty(), "{out}");
    assert!(
        err.contains("Choose --json (the numbers) or --spec"),
        "{err}"
    );

    // Notes of the tidy encodings on the file line.
    let file = format!(
        "{}/data/samples/register_by_subgroup_2017_2019.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let (ok, _, err) = cli(&["view", &file, "view=line", "--en"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("Note: Total rows recognised: subgroup = totaal"),
        "{err}"
    );

    // Options, usage and help.
    let (ok, _, err) = cli(&["view", "default", "view=scatter", "--bogus", "--en"]);
    assert!(!ok);
    assert!(
        err.starts_with("Error: Unknown option '--bogus'.\n\nUsage:"),
        "{err}"
    );
    let (ok, _, err) = cli(&["report", "default", "--en"]);
    assert!(!ok);
    assert!(err.contains("Error: report needs --out FOLDER"), "{err}");
    let (ok, _, err) = cli(&["view", "nope.csv", "view=line", "--en"]);
    assert!(!ok);
    assert!(err.starts_with("Error: Cannot read 'nope.csv'"), "{err}");
    let (ok, out, _) = cli(&["help", "--en"]);
    assert!(ok);
    assert!(out.starts_with("Usage:"), "{out}");
    assert!(out.contains("--en (or --lang en)"), "{out}");
    let (ok, out, _) = cli(&["help"]);
    assert!(ok);
    assert!(out.starts_with("Gebruik:") && out.contains("--en (of --lang en)"));
    let (ok, _, err) = cli(&["help", "--lang", "fr"]);
    assert!(!ok);
    assert!(err.contains("--lang 'fr': choose nl or en"), "{err}");
}

/// The roles the page lists for a tidy file (label and the reason it was detected) follow the
/// language; so does the note on total rows.
#[test]
fn column_roles_and_their_reasons_are_english() {
    use banenverkenner::format::Lang;
    const REASON_WORDS: &[&str] = &[
        "naam",
        "bevat",
        "waarden",
        "getallen",
        "gehele",
        "tekstkolom",
        "perioden",
        "sterretjes",
        "opgegeven",
        "tellen",
        "leeg",
        "positief",
    ];
    let mut columns = 0;
    for ds in datasets().iter().skip(1) {
        let skip = file_words(ds);
        let nl = ds.info_in(Lang::Nl);
        let en = ds.info_in(Lang::En);
        for (n, e) in nl.roles.columns.iter().zip(&en.roles.columns) {
            columns += 1;
            assert_eq!(n.role, e.role);
            assert_ne!(n.reason, e.reason, "{}", e.column);
            let dutch: Vec<String> = words(&format!("{} {}", e.label, e.reason))
                .filter(|w| {
                    (REASON_WORDS.contains(&w.as_str()) || DUTCH.contains(&w.as_str()))
                        && !skip.contains(w)
                })
                .collect();
            assert!(dutch.is_empty(), "{}: {dutch:?} in {e:?}", e.column);
            assert!(
                words(&n.reason).any(|w| REASON_WORDS.contains(&w.as_str())),
                "{n:?}"
            );
        }
        for note in &en.notes {
            assert!(!note.starts_with("Totaalrijen"), "{note}");
        }
    }
    assert!(columns > 15, "{columns}");
    // A role given in the description says so in the view's language.
    let ex = &banenverkenner::EXAMPLES[0];
    let ds = Dataset::load(ex.file, ex.bytes).unwrap();
    let r = render::render_query(&ds, "view=line&roles=year:time&lang=en").unwrap();
    assert_eq!(
        r.data["roles"]["columns"][1]["reason"],
        "given in the view description"
    );
    assert_eq!(r.data["roles"]["columns"][1]["label"], "time");
}

// ---- Loaders: errors, notes and the file line ------------------------------------------------

/// Dutch words of the loaders' and the regional reader's texts (besides [`DUTCH`]).
const LOADER_DUTCH: &[&str] = &[
    "aangenomen",
    "aanhalingsteken",
    "aanhalingstekens",
    "afgebroken",
    "allebei",
    "beschadigd",
    "bestand",
    "bevat",
    "bewaard",
    "cel",
    "cellen",
    "daarna",
    "decimaalteken",
    "decimaalkomma",
    "decimaalpunt",
    "dat",
    "die",
    "doelgroep",
    "doelgroepen",
    "formaat",
    "gebruikt",
    "gecorrigeerde",
    "gelezen",
    "gescheiden",
    "gesloten",
    "getal",
    "getallen",
    "gevulde",
    "gegevensrijen",
    "heeft",
    "herkend",
    "heet",
    "hoogste",
    "kolommen",
    "kolomnaam",
    "komma",
    "kopregel",
    "leeg",
    "lijst",
    "mengt",
    "nergens",
    "nog",
    "ontbrekende",
    "opgeteld",
    "overgeslagen",
    "perioden",
    "puntkomma",
    "rij",
    "scheidingsteken",
    "som",
    "tekenset",
    "tekst",
    "titelregel",
    "titelregels",
    "toelichting",
    "totaalrijen",
    "twee",
    "vanaf",
    "veld",
    "velden",
    "verwacht",
    "voor",
    "werkblad",
    "werkmap",
    "wordt",
    "zou",
];

fn loader_dutch_words(text: &str, skip: &BTreeSet<String>) -> BTreeSet<String> {
    words(text)
        .filter(|w| {
            (DUTCH.contains(&w.as_str()) || LOADER_DUTCH.contains(&w.as_str())) && !skip.contains(w)
        })
        .collect()
}

/// The Dutch words of `nl` (not in `skip`) that `en` still has.
fn left_dutch(nl: &str, en: &str, skip: &BTreeSet<String>) -> Vec<String> {
    let want = loader_dutch_words(nl, skip);
    loader_dutch_words(en, skip)
        .into_iter()
        .filter(|w| want.contains(w))
        .collect()
}

#[test]
fn errors_and_notes_of_the_bad_input_corpus_are_english() {
    use banenverkenner::format::Lang;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.tsv")
        .collect();
    names.sort();
    let (mut errors, mut noted, mut dutch_seen) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        // Words of the file itself (and its name) may stay: they are the user's.
        let mut skip: BTreeSet<String> = words(&String::from_utf8_lossy(&bytes)).collect();
        skip.extend(words(name));
        // (what, Dutch, English) of every text the load produced.
        let mut pairs: Vec<(&str, String, String)> = Vec::new();
        match Dataset::load(name, &bytes) {
            Err(e) => {
                errors += 1;
                if e.message_en.is_none() {
                    failures.push(format!("{name}: no English message for {:?}", e.message));
                }
                if let Some(c) = e.location.as_ref().and_then(|l| l.column.as_deref()) {
                    skip.extend(words(c));
                }
                pairs.push(("error", e.text_in(Lang::Nl), e.text_in(Lang::En)));
            }
            Ok(ds) => {
                let (nl, en) = (ds.info_in(Lang::Nl), ds.info_in(Lang::En));
                pairs.push(("summary", nl.summary.clone(), en.summary.clone()));
                assert_eq!(nl.notes.len(), en.notes.len(), "{name}");
                for (n, e) in nl.notes.iter().zip(&en.notes) {
                    noted += 1;
                    pairs.push(("note", n.clone(), e.clone()));
                }
                for r in &ds.table.detected.rejected {
                    let en = r.reason_in(Lang::En).to_string();
                    pairs.push(("rejected row", r.reason.clone(), en));
                }
                if let Some(e) = &ds.regional_error {
                    if e.kind != banenverkenner::error::ErrorKind::MissingColumn {
                        errors += 1;
                        pairs.push(("regional error", e.text_in(Lang::Nl), e.text_in(Lang::En)));
                    }
                }
            }
        }
        for (what, nl, en) in pairs {
            dutch_seen += loader_dutch_words(&nl, &skip).len();
            let left = left_dutch(&nl, &en, &skip);
            if !left.is_empty() || nl == en {
                failures.push(format!("{name} {what}: {left:?} in {en:?} (Dutch: {nl:?})"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(errors >= 20, "only {errors} errors");
    assert!(noted >= 8, "only {noted} notes");
    assert!(dutch_seen > 150, "only {dutch_seen} Dutch words seen");
}

/// A municipality-level long export with two title rows, a repeated column name, short rows,
/// numbers whose decimal separator cannot be told, total rows and notes below the table.
const MESSY: &str = "Banenafspraak per gemeente, eind van het jaar\r\n\
Peildatum 31 december\r\n\
\r\n\
Gemeente;Arbeidsmarktregio;Jaar;Doelgroep;Aantal in doelgroepregister;Aantal werkzaam;Opmerking;Opmerking\r\n\
Totaal;Achterhoek;2015;Totaal;1.234;567;zie bron;zie bron\r\n\
Aalten;Achterhoek;2015;Totaal;1.000;300;zie bron;zie bron\r\n\
Winterswijk;Achterhoek;2015;Totaal;234;267;zie bron;zie bron\r\n\
Totaal;Achterhoek;2016;Totaal;1.300;600;zie bron;zie bron\r\n\
Aalten;Achterhoek;2016;Totaal;1.000;300;zie bron\r\n\
Winterswijk;Achterhoek;2016;Totaal;300;300;zie bron\r\n\
Amsterdam;Groot Amsterdam;2015;Totaal;2.345;1.111;zie bron;zie bron\r\n\
Diemen;Groot Amsterdam;2015;Totaal;345;111;zie bron;zie bron\r\n\
Amsterdam;Groot Amsterdam;2016;Totaal;2.400;1.200;zie bron;zie bron\r\n\
Diemen;Groot Amsterdam;2016;Totaal;400;200;zie bron;zie bron\r\n\
Enschede;Twente;2015;Totaal;500;250;zie bron;zie bron\r\n\
Enschede;Twente;2016;Totaal;520;260;zie bron;zie bron\r\n\
\r\n\
Bron: UWV, bewerking\r\n\
Cijfers zijn voorlopig\r\n";

#[test]
fn notes_and_summary_of_a_messy_municipality_file_are_english() {
    use banenverkenner::format::Lang;
    let ds = Dataset::load("gemeenten.csv", MESSY.as_bytes()).expect("the file loads");
    assert!(ds.regional.is_some(), "{:?}", ds.regional_error);
    let (nl, en) = (ds.info_in(Lang::Nl), ds.info_in(Lang::En));
    let all_nl = nl.notes.join("\n");
    let all_en = en.notes.join("\n");
    // Every remark is there in Dutch, and in English.
    for (dutch, english) in [
        (
            "2 titelregels boven de kopregel overgeslagen",
            "2 title rows above the header skipped",
        ),
        (
            "De kolomnaam 'Opmerking' komt meer dan eens voor",
            "The column name 'Opmerking' occurs more than once",
        ),
        (
            "2 rijen hebben minder velden dan de kopregel",
            "2 rows have fewer fields than the header",
        ),
        (
            "Decimaalteken niet af te leiden",
            "Decimal separator cannot be told",
        ),
        (
            "Totaalrijen herkend en gebruikt",
            "Total rows recognised and used",
        ),
        ("Opgeteld over", "Summed over"),
        (
            "Geen landelijke rij in het bestand: landelijke waarden zijn de som",
            "No national row in the file: national values are the sum",
        ),
    ] {
        assert!(all_nl.contains(dutch), "{dutch:?} not in {all_nl}");
        assert!(all_en.contains(english), "{english:?} not in {all_en}");
    }
    assert_eq!(nl.notes.len(), en.notes.len());
    assert!(
        nl.summary.contains("2 rijen niet gebruikt"),
        "{}",
        nl.summary
    );
    assert!(
        nl.summary.contains("toelichting onder de tabel"),
        "{}",
        nl.summary
    );
    assert!(en.summary.contains("2 rows not used"), "{}", en.summary);
    assert!(
        en.summary.contains("notes below the table"),
        "{}",
        en.summary
    );
    assert!(
        en.summary
            .starts_with("format CSV, encoding UTF-8, delimiter semicolon"),
        "{}",
        en.summary
    );
    // No Dutch word of the Dutch texts is left in the English ones (the file's own words aside).
    let skip: BTreeSet<String> = words(MESSY).collect();
    let mut seen = 0;
    for (n, e) in nl
        .notes
        .iter()
        .zip(&en.notes)
        .chain([(&nl.summary, &en.summary)])
    {
        seen += loader_dutch_words(n, &skip).len();
        let left = left_dutch(n, e, &skip);
        assert!(left.is_empty(), "{left:?} in {e:?} (Dutch: {n:?})");
    }
    assert!(seen > 30, "only {seen} Dutch words seen");
    // The Dutch texts are the ones the loaders always wrote.
    assert_eq!(nl.summary, ds.table.detected.summary());
    assert_eq!(ds.info().notes, nl.notes);
}

#[test]
fn the_cli_prints_the_file_line_notes_and_load_errors_in_english() {
    let dir = std::env::temp_dir().join(format!("bv-english-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let messy = dir.join("gemeenten.csv");
    std::fs::write(&messy, MESSY).unwrap();
    let messy = messy.to_string_lossy().into_owned();
    let (ok, _, err) = cli(&["view", &messy, "view=scatter", "--en"]);
    assert!(ok, "{err}");
    assert!(err.contains("Read: format CSV"), "{err}");
    assert!(
        err.contains("Note: 2 title rows above the header skipped"),
        "{err}"
    );
    assert!(
        !err.contains("overgeslagen") && !err.contains("Ingelezen"),
        "{err}"
    );
    let (ok, _, err) = cli(&["view", &messy, "view=scatter"]);
    assert!(ok, "{err}");
    assert!(err.contains("Ingelezen: formaat CSV"), "{err}");
    assert!(
        err.contains("Let op: 2 titelregels boven de kopregel overgeslagen"),
        "{err}"
    );
    let bad = dir.join("kapot.csv");
    std::fs::write(&bad, "a,b\n1,\"2\n3,4\n").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let (ok, _, err) = cli(&["info", &bad, "--en"]);
    assert!(!ok);
    assert!(err.contains("opens a quote"), "{err}");
    assert!(!err.contains("aanhalingsteken"), "{err}");
    let (_, _, err) = cli(&["info", &bad]);
    assert!(err.contains("aanhalingsteken"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--en` beside `lang=nl` in the description: the chart stays Dutch (the description says so),
/// the messages are English, and that is said.
#[test]
fn a_flag_and_a_description_in_two_languages_are_said() {
    let (ok, out, err) = cli(&["view", "default", "view=trend&lang=nl", "--en"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("the chart is in Dutch, the messages follow --en"),
        "{err}"
    );
    assert!(err.contains("\nRead: "), "{err}");
    assert!(out.starts_with("Werkzame personen per deelgroep"), "{out}");
    let (_, _, err) = cli(&["view", "default", "view=trend&lang=en", "--en"]);
    assert!(!err.contains("follow --en"), "{err}");
}

/// The report in English names its map in English: the heading, the file names and the
/// attribution of the boundaries (were "Kaart", `14-kaart.svg` and "Kaart: CBS/PDOK ...").
#[test]
fn the_english_report_names_its_map_in_english() {
    let dir = std::env::temp_dir().join(format!("bv-report-en-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (ok, _, err) = cli(&["report", "default", "--out", dir.to_str().unwrap(), "--en"]);
    assert!(ok, "{err}");
    let svg = std::fs::read_to_string(dir.join("14-map.svg")).expect("14-map.svg");
    assert!(svg.contains("Map: CBS/PDOK"), "attribution");
    assert!(!svg.contains("Kaart"), "no Dutch left in the map");
    assert!(!dir.join("14-kaart.svg").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
