//! What the notes of earlier sessions left: each file or view with its answer worked out by
//! hand.

mod common;

use banenverkenner::compute::regional::Count;
use banenverkenner::format::Lang;
use banenverkenner::render::{render_query, Dataset};
use banenverkenner::spec::Period;

/// The refusal of view `q`, said to contain `said`.
fn assert_refused(ds: &Dataset, q: &str, said: &str) {
    let e = render_query(ds, q)
        .err()
        .unwrap_or_else(|| panic!("{q}: drawn"));
    assert!(e.to_string().contains(said), "{q}: {e}");
}

fn all_notes(ds: &Dataset, q: &str) -> String {
    let r = render_query(ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
    let mut all = ds.info_in(Lang::Nl).notes;
    all.extend(r.notes);
    all.join(" | ")
}

/// `jaar` and `kwartaal` with a pivot table's `kwartaal = Totaal` row per year (the sum of
/// four stands). Before, the file was refused as "two columns that mean year"; with `--map
/// jaar=year` the quarters were summed into the year (20 for 5 at the year's end).
#[test]
fn a_quarter_column_with_totals_beside_the_year_is_read_as_quarters() {
    let mut csv = String::from("arbeidsmarktregio,jaar,kwartaal,personen,werkzaam\n");
    for (region, base) in [("Achterhoek", 10), ("Twente", 20)] {
        for year in 2015..=2016 {
            let mut sum = (0, 0);
            for q in 1..=4 {
                let n = base + q + (year - 2015) * 4;
                sum = (sum.0 + 2 * n, sum.1 + n);
                csv.push_str(&format!("{region},{year},K{q},{},{n}\n", 2 * n));
            }
            csv.push_str(&format!("{region},{year},Totaal,{},{}\n", sum.0, sum.1));
        }
    }
    for mapping in [&[][..], &[("jaar", "year")][..]] {
        let ds = Dataset::load("q.csv", csv.as_bytes()).unwrap();
        let ds = if mapping.is_empty() {
            ds
        } else {
            Dataset::with_mapping(ds.table, mapping).unwrap_or_else(|e| panic!("{e}"))
        };
        let r = ds.regional.as_ref().expect("read as regional data");
        // Achterhoek at the end of 2016: its fourth quarter, 10 + 4 + 4.
        let q4 = Period::parse("2016K4").unwrap();
        assert_eq!(
            r.get("Achterhoek", q4, Count::WorkersTotal),
            Some(18.0),
            "{mapping:?}"
        );
        let n = all_notes(&ds, "view=trend");
        assert!(
            n.contains("Totaal 2016") && n.contains("niet gebruikt"),
            "{n}"
        );
    }
}

/// The grammar's words are read as words: keys with outer spaces or capitals, a view named in
/// capitals. Before: "unknown key ' x'" and "unknown view 'LINE'".
#[test]
fn keys_and_view_names_are_read_whatever_their_case_and_spaces() {
    use banenverkenner::spec::ViewSpec;
    let a = ViewSpec::parse("view=line&x=jaar&y=n").unwrap();
    for q in [
        "view=LINE&x=jaar&y=n",
        "view=line& x=jaar&y =n",
        "View=Line&X=jaar&Y=n",
        "view=%20line&x=jaar&y=n",
    ] {
        assert_eq!(ViewSpec::parse(q).unwrap(), a, "{q}");
    }
    // Values keep their case: a column name is not a word of the grammar.
    assert_ne!(ViewSpec::parse("view=line&x=Jaar&y=n").unwrap(), a);
}

/// `embed=2` was taken as an embed without a word; `embed=0` as one too.
#[test]
fn embed_takes_a_yes_or_a_no() {
    use banenverkenner::spec::ViewSpec;
    for q in ["embed", "embed=", "embed=1", "embed=true", "embed=ja"] {
        assert!(ViewSpec::parse(q).unwrap().embed, "{q}");
    }
    for q in ["embed=0", "embed=nee", "embed=false", ""] {
        assert!(!ViewSpec::parse(q).unwrap().embed, "{q}");
    }
    let e = ViewSpec::parse("embed=2").unwrap_err().to_string();
    assert!(e.contains("embed=2") && e.contains("embed=1"), "{e}");
}

/// A `%` in a value that is no code (`filter=aandeel:50%`): the message says how to write it.
#[test]
fn a_bare_percent_sign_is_explained() {
    use banenverkenner::spec::ViewSpec;
    let e = ViewSpec::parse("view=bars&filter=aandeel:50%")
        .unwrap_err()
        .to_string();
    assert!(e.contains("%25"), "{e}");
}

/// A municipal row given twice: the message names the municipality, not only its region (which
/// holds many rows of that year).
#[test]
fn a_repeated_municipal_row_is_named_by_its_municipality() {
    let csv = "arbeidsmarktregio;gemeente;jaar;personen;werkzaam\n\
        Twente;Enschede;2019;10;5\nTwente;Hengelo;2019;20;10\nTwente;Hengelo;2019;21;11\n";
    let e = Dataset::load("dup.csv", csv.as_bytes())
        .and_then(|ds| render_query(&ds, "view=trend").map(|_| ()))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("'Twente', gemeente 'Hengelo'") && e.contains("rij 3"),
        "{e}"
    );
}

/// Long labels that differ only at their end, and a long axis title: before, two categories
/// were both cut to "Werkzame personen in de doelgroep / banenafspraak met een indicatie van het
/// UWV…", and the title ran about 50 px off the chart.
#[test]
fn long_labels_stay_apart_and_inside_the_chart() {
    let long = "Werkzame personen in de doelgroep banenafspraak met een indicatie van het UWV";
    let y = "aantal werkzame personen in de doelgroep banenafspraak met een indicatie van het UWV eind van het jaar gecorrigeerd";
    let mut csv = format!("categorie,soort,jaar,{y}\n");
    for (g, n) in [("Wajong", 20), ("WSW", 10)] {
        for year in [2019, 2020] {
            for (soort, k) in [("a", 1), ("b", 2)] {
                csv.push_str(&format!("\"{long} ({g})\",{soort},{year},{}\n", n * k));
            }
        }
    }
    let ds = Dataset::load("lang.csv", csv.as_bytes()).unwrap();
    let y = y.replace(' ', "%20");
    for q in [
        format!("view=bars&x=categorie&y={y}&filter=jaar:2020"),
        format!("view=line&x=jaar&y={y}&series=categorie"),
        format!("view=stacked&x=categorie&y={y}&series=soort&filter=jaar:2020"),
    ] {
        let svg = render_query(&ds, &q).unwrap().svg;
        // The texts drawn (not the title and description, which keep every word).
        let body = &svg[svg.find("</desc>").unwrap_or(0)..];
        let texts: Vec<&str> = body
            .split("<text")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .map(|(_, r)| r.split('<').next().unwrap_or("").trim())
            })
            .collect();
        let shown = |g: &str| {
            texts
                .iter()
                .any(|t| t.contains('…') && t.ends_with(&format!("({g})")))
        };
        assert!(shown("Wajong") && shown("WSW"), "{q}: {texts:?}");
        // The chart's own texts, after the header (title, subtitle, which wrap) and source.
        let chart = &texts[texts.iter().position(|t| t.starts_with("Bron:")).unwrap()..];
        assert!(
            !chart
                .iter()
                .any(|t| t.contains("gecorrigeerd)") || t.ends_with("gecorrigeerd")),
            "the axis title is cut to the chart: {q}: {chart:?}"
        );
    }
}

/// A long regional file in quarters, two regions: register and working persons per quarter.
fn quarters() -> Dataset {
    let mut csv =
        String::from("arbeidsmarktregio,kwartaal,personen_doelgroepregister,werkzame_personen\n");
    for (region, base) in [("Achterhoek", 100), ("Twente", 200)] {
        for year in 2015..=2017 {
            for q in 1..=4 {
                let k = (year - 2015) * 4 + q;
                csv.push_str(&format!(
                    "{region},{year}K{q},{},{}\n",
                    base + 10 * k,
                    base / 2 + 5 * k
                ));
            }
        }
    }
    Dataset::load("kwartalen.csv", csv.as_bytes()).unwrap()
}

/// Found by the page probe: the area chart of register persons gave as n the sum of working
/// persons (another count the file has), so "n = 101.946" under shares of 197.828 persons.
#[test]
fn the_persons_behind_shares_of_counts_are_their_own_sum() {
    let ds = quarters();
    let d = render_query(
        &ds,
        "view=area&x=kwartaal&y=personen_doelgroepregister&series=arbeidsmarktregio",
    )
    .unwrap()
    .data;
    assert_eq!(d["n_column"], serde_json::Value::Null, "{}", d["n_column"]);
    // 2015K1: 110 + 210.
    assert_eq!(d["n"][0]["n"].as_f64(), Some(320.0), "{}", d["n"]);
}

/// Stands of several years stacked as parts of a whole (n = the three years' stands summed):
/// refused with what to do instead.
#[test]
fn periods_are_no_parts_of_a_whole() {
    let ds = quarters();
    for q in [
        "view=stacked&x=arbeidsmarktregio&y=personen_doelgroepregister&series=kwartaal",
        "view=area&x=arbeidsmarktregio&y=personen_doelgroepregister&series=kwartaal",
    ] {
        let e = render_query(&ds, q).unwrap_err().to_string();
        assert!(
            e.contains("series=kwartaal") && e.contains("view=line"),
            "{q}: {e}"
        );
    }
}

/// The page keeps region= from view to view: a bar chart whose series holds that region drew
/// nothing ("'highlight=Achterhoek' is geen waarde van 'jaar'", a key the user never set).
#[test]
fn a_region_to_mark_that_is_a_series_of_a_bar_chart_is_said_not_refused() {
    let ds = quarters();
    let r = render_query(
        &ds,
        "view=bars&x=kwartaal&y=werkzame_personen&series=arbeidsmarktregio&region=Achterhoek",
    )
    .unwrap();
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("region=Achterhoek") && n.contains("niet gemarkeerd")),
        "{:?}",
        r.notes
    );
    // highlight= names a bar, and is refused when it names none.
    assert!(render_query(
        &ds,
        "view=bars&x=kwartaal&y=werkzame_personen&series=arbeidsmarktregio&highlight=Achterhoek"
    )
    .is_err());
}

/// The trend's summary of a quarterly file compared 2015K1 with 2017K4; the growth is from the
/// same point of the year (2015K4: 70 + 120 working; 2017K4: 110 + 160).
#[test]
fn the_trend_summary_compares_the_same_point_of_the_year() {
    let r = render_query(&quarters(), "view=trend").unwrap();
    assert!(
        r.summary
            .contains("van 190 in 2015 K4 naar 270 in 2017 K4 (+42,1 %)"),
        "{}",
        r.summary
    );
}

/// English messages named a count by its key (`(workers_total)`), the Dutch ones by its label.
#[test]
fn english_messages_name_counts_in_english() {
    let csv = "arbeidsmarktregio,jaar,personen_doelgroepregister,werkzame_personen\nTwente,2015,10,veel\n";
    let e = Dataset::load("t.csv", csv.as_bytes())
        .and_then(|ds| render_query(&ds, "view=trend&lang=en").map(|_| ()))
        .unwrap_err()
        .text_in(Lang::En);
    assert!(e.contains("(working persons)"), "{e}");
}

/// The area chart's summary began in lower case ("bij kwartaal 2017 K4 ...").
#[test]
fn the_area_summary_is_a_sentence() {
    let r = render_query(
        &quarters(),
        "view=area&x=kwartaal&y=personen_doelgroepregister&series=arbeidsmarktregio",
    )
    .unwrap();
    // 2017K4: Achterhoek 100 + 120, Twente 200 + 120 of 540.
    assert!(
        r.summary
            .starts_with("Bij kwartaal 2017 K4 (n = 540) is 'Twente' het grootst"),
        "{}",
        r.summary
    );
}

/// A category that belongs to the bars' category (the body responsible for a grondslag, one
/// value each) is no distribution: a 100 % stacked bar of it showed one part per bar and the
/// rest as "onbekend" (gemeente 46, onbekend 54). Bars coloured by it said every bar was
/// "unknown or suppressed"; a missing row is now told apart from an empty cell.
#[test]
fn a_category_that_belongs_to_the_bars_is_no_distribution() {
    let csv = "grondslag,verantwoordelijk,aandeel_pct,personen\n\
        Indicatie,gemeente,46,36901\nWajong,UWV,41,96909\nWSW,gemeente of UWV,55,5403\n";
    let ds = Dataset::load("g.csv", csv.as_bytes()).unwrap();
    for view in [
        "view=stacked",
        "view=stacked&series=verantwoordelijk",
        "view=area&x=grondslag",
    ] {
        assert_refused(
            &ds,
            view,
            "'verantwoordelijk' heeft bij elke grondslag één waarde",
        );
    }
    let q = "view=bars&x=grondslag&y=aandeel_pct&series=verantwoordelijk";
    let n = all_notes(&ds, q);
    assert!(!n.contains("Onbekend") && !n.contains("Geen rij"), "{n}");
    // One bar per grondslag, in the colour of its body, no empty places.
    let r = render_query(&ds, q).unwrap();
    assert_eq!(r.data["one_per_category"], true);
    assert!(
        !r.svg.contains("onbekend") && !r.svg.contains("geen rij"),
        "{}",
        r.svg
    );
    // Regions by subgroup: an empty cell is unknown, a combination without a row is said so.
    let csv = "regio,subgroep,aantal\nTwente,Wajong,5\nTwente,WSW,\nRijnmond,Wajong,7\n\
        Rijnmond,WSW,8\nDrechtsteden,WSW,3\n";
    let ds = Dataset::load("b.csv", csv.as_bytes()).unwrap();
    let n = all_notes(&ds, "view=bars&x=regio&y=aantal&series=subgroep");
    assert!(n.contains("Onbekend of geheim (geen balk): Twente."), "{n}");
    assert!(
        n.contains("Geen rij in het bestand (geen balk): Wajong bij Drechtsteden."),
        "{n}"
    );
    let svg = render_query(&ds, "view=bars&x=regio&y=aantal&series=subgroep")
        .unwrap()
        .svg;
    assert_eq!(
        (
            svg.matches(">\nonbekend\n<").count(),
            svg.matches(">\ngeen rij\n<").count()
        ),
        (1, 1),
        "{svg}"
    );
}

/// Shares of states that add up to 100 % per group and month: a line per group averaged the four
/// states (always 25 %). The line view now draws a line per state, and a mean over the states
/// is refused with what to do.
#[test]
fn shares_of_a_distribution_are_not_averaged_over_its_parts() {
    let mut csv = String::from("groep,maanden,toestand,aandeel_pct,personen\n");
    for (g, n) in [("Wajong", 1000), ("WGA", 300)] {
        for (m, parts) in [(0, [10, 40, 20, 30]), (6, [25, 35, 15, 25])] {
            for (s, p) in [
                "Geen werk",
                "Met jobcoach",
                "Zonder jobcoach",
                "Proefplaats",
            ]
            .iter()
            .zip(parts)
            {
                csv.push_str(&format!("{g},{m},{s},{p},{n}\n"));
            }
        }
    }
    let ds = Dataset::load("j.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "view=line").unwrap_or_else(|e| panic!("{e}"));
    assert!(r.spec.contains("series=toestand"), "{}", r.spec);
    // Geen werk at month 0: (10 x 1000 + 10 x 300) / 1300 = 10.
    let line = r.data["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Geen werk")
        .unwrap()
        .clone();
    assert_eq!(line["points"][0]["y"].as_f64(), Some(10.0), "{line}");
    for q in ["view=line&series=groep", "view=bars&x=groep"] {
        assert_refused(&ds, q, "'aandeel_pct' is een verdeling over toestand");
    }
    let r = render_query(&ds, "view=line&series=groep&filter=toestand:Geen%20werk")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        r.title.contains("Geen werk") || r.spec.contains("filter="),
        "{}",
        r.spec
    );
}

/// Small multiples with a panel per municipality (or the same column on x= and facet=) drew
/// tens of thousands of bars: `x=gemeente&facet=gemeente` ran for over ten minutes. They are
/// refused with what to do, at once.
#[test]
fn panels_per_municipality_are_refused_with_what_to_do() {
    let mut csv = String::from("gemeente;arbeidsmarktregio;jaar;personen;werkzaam\n");
    for g in 0..350 {
        for y in [2015, 2016, 2017] {
            csv.push_str(&format!(
                "Gemeente {g};Regio {};{y};{};{}\n",
                g % 35,
                100 + g,
                40 + g % 20
            ));
        }
    }
    let ds = Dataset::load("gm.csv", csv.as_bytes()).unwrap();
    for (q, said) in [
        (
            "view=bars&x=gemeente&facet=gemeente",
            "facet=gemeente geeft 350 panelen; een grafiek houdt er hoogstens 40",
        ),
        (
            "view=line&x=jaar&facet=gemeente",
            "facet=gemeente geeft 350 panelen",
        ),
        (
            "view=bars&x=gemeente&facet=arbeidsmarktregio",
            "36.750 plaatsen voor staven",
        ),
        (
            "view=line&x=jaar&series=arbeidsmarktregio&facet=arbeidsmarktregio",
            "facet= moet een andere kolom zijn",
        ),
    ] {
        assert_refused(&ds, q, said);
    }
    // 35 panels of a region's years are drawn.
    render_query(&ds, "view=bars&x=jaar&facet=arbeidsmarktregio").unwrap_or_else(|e| panic!("{e}"));
}

/// The reading under a bar chart of several series named no series (it described the first)
/// and called the total row the highest part ("Hoogste personen: totaal (246.164)").
#[test]
fn the_bars_reading_names_its_series_and_passes_the_total_by() {
    let csv = "subgroep,jaar,personen\nWajong,2017,98758\nWajong,2019,93391\nWiw/ID,2017,1078\n\
        Wiw/ID,2019,2131\ntotaal,2017,246164\ntotaal,2019,267111\n";
    let ds = Dataset::load("r.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "view=bars&x=subgroep&y=personen&series=jaar").unwrap();
    assert_eq!(
        r.summary,
        "Hoogste personen (2017): Wajong (98.758); laagste: Wiw/ID (1.078); totaal: 246.164."
    );
    let r = render_query(&ds, "view=bars&x=jaar&y=personen&facet=subgroep").unwrap();
    assert!(
        r.summary
            .starts_with("Hoogste personen (Wajong): 2017 (98.758)"),
        "{}",
        r.summary
    );
}

/// A `,` file whose counts are written with a point for the thousands (`4.099` beside `987`):
/// no cell told the separator, and by the convention of a `,` file they were read as decimals
/// (4.099 persons; Twente's share of working persons came out as 0.06 %).
#[test]
fn a_point_that_groups_thousands_beside_small_whole_numbers_is_read_so() {
    let csv = "arbeidsmarktregio,jaar,personen doelgroepregister,werkzame personen\n\
        Twente,2015,4.099,2.332\nTwente,2016,4.210,2.400\nRijnmond,2015,12.345,6.001\n\
        Rijnmond,2016,12.500,6.100\nAchterhoek,2015,987,512\nAchterhoek,2016,1.002,530\n";
    let ds = Dataset::load("th.csv", csv.as_bytes()).unwrap();
    let r = ds.regional.as_ref().expect("regional");
    let y = |s: &str| Period::parse(s).unwrap();
    assert_eq!(
        r.get("Twente", y("2015"), Count::RegisterPersonsCorrected),
        Some(4099.0)
    );
    assert_eq!(
        r.get("Twente", y("2016"), Count::WorkersTotal),
        Some(2400.0)
    );
    assert_eq!(
        r.get("Achterhoek", y("2016"), Count::RegisterPersonsCorrected),
        Some(1002.0)
    );
    let n = all_notes(&ds, "view=scatter");
    assert!(
        n.contains("de punt scheidt de duizendtallen (1.234 = 1234)"),
        "{n}"
    );
    // Decimals with three digits and no small whole numbers beside them stay decimals.
    let csv = "plaats,lengtegraad,breedtegraad\nA,52.370,4.895\nB,51.924,4.477\nC,53.219,6.566\n";
    let ds = Dataset::load("c.csv", csv.as_bytes()).unwrap();
    assert_eq!(ds.table.columns[1].number(0), Some(52.37));
}

/// A CSV file saved under a workbook's or JSON's name was refused ("heet .xlsx maar is geen
/// geldige Excel-werkmap"); it is read as CSV, and said so. Bytes that are no text still get the
/// workbook's message, and a one-line text called .json the JSON error.
#[test]
fn a_csv_file_under_another_format_s_name_is_read_as_csv() {
    let csv = "regio;jaar;aantal\nTwente;2015;10\nTwente;2016;12\n";
    for name in ["t.xlsx", "t.json"] {
        let ds = Dataset::load(name, csv.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(ds.table.len(), 2);
        let n = ds.info_in(Lang::Nl).notes.join(" | ");
        assert!(
            n.contains("maar is tekst met scheidingstekens: gelezen als CSV"),
            "{n}"
        );
    }
    let junk: Vec<u8> = (0..300u32).map(|i| (i * 7 % 251) as u8).collect();
    let e = Dataset::load("j.xlsx", &junk).err().unwrap();
    assert!(e.to_string().contains("geen geldige Excel-werkmap"), "{e}");
    let e = Dataset::load("j.json", b"geen json, wel tekst\n")
        .err()
        .unwrap();
    assert!(e.to_string().contains("JSON"), "{e}");
}

/// A file padded with NUL bytes to a whole block, or ending in the old end-of-file mark (Ctrl-Z),
/// as some programs write them. Before, a CSV file kept the padding as a rejected row of NUL
/// characters, and a small JSON file was refused as "not text". The padding is no data: the
/// table is the one without it, however the file is read (in pieces of any size, by two
/// readings). A file of NUL bytes only is still no text, and a NUL inside the data is kept.
#[test]
fn padding_at_a_file_s_end_is_no_data() {
    use banenverkenner::table::{csv, fingerprint, load};
    let plain = "regio;jaar;aantal\nTwente;2015;10\nTwente;2016;12\nAchterhoek;2015;7\n";
    let want = fingerprint(&load("t.csv", plain.as_bytes()));
    for pad in [&[0u8; 1][..], &[0u8; 700], &[0x1A], &[0x1A, 0, 0, 0]] {
        let mut bytes = plain.as_bytes().to_vec();
        bytes.extend_from_slice(pad);
        let t = load("t.csv", &bytes).unwrap();
        assert_eq!(t.len(), 3, "{} bytes of padding", pad.len());
        assert!(t.detected.rejected.is_empty(), "{:?}", t.detected.rejected);
        assert_eq!(fingerprint(&Ok(t)), want, "{} bytes of padding", pad.len());
        for piece in [1, 5, 64, 4096] {
            for mid in [0, 20, bytes.len() / 2] {
                let got = fingerprint(&csv::read_csv_split("t.csv", &bytes, piece, mid));
                assert_eq!(got, want, "pieces of {piece}, split at {mid}");
            }
        }
    }
    // Without a line break after the last row.
    let mut bytes = plain.trim_end().as_bytes().to_vec();
    bytes.extend_from_slice(&[0; 512]);
    assert_eq!(fingerprint(&load("t.csv", &bytes)), want);

    let json = r#"[{"regio":"Twente","jaar":2015,"aantal":10},{"regio":"Twente","jaar":2016,"aantal":12}]"#;
    for pad in [&[0u8; 100][..], &[0x1A]] {
        let mut bytes = json.as_bytes().to_vec();
        bytes.extend_from_slice(pad);
        let t = load("t.json", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.len(), 2);
        assert_eq!(
            fingerprint(&Ok(t)),
            fingerprint(&load("t.json", json.as_bytes()))
        );
    }
    // UTF-16 (two bytes a character) padded with NUL bytes.
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(plain.encode_utf16().flat_map(|u| u.to_le_bytes()));
    utf16.extend_from_slice(&[0; 64]);
    let t = load("t.csv", &utf16).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.len(), 3);
    assert!(t.detected.rejected.is_empty(), "{:?}", t.detected.rejected);

    let e = load("t.csv", &[0u8; 300]).err().unwrap();
    assert!(e.to_string().contains("geen tekst"), "{e}");
    // A stray NUL in a cell: named at its row (see `a_stray_nul_byte_is_named_at_its_row`).
    let e = load("t.csv", b"regio;jaar\nTw\0ente;2015\n").err().unwrap();
    assert!(e.to_string().contains("nul-teken"), "{e}");
    assert!(e.to_string().contains("rij 2"), "{e}");
}

/// A header cell written over two lines (wrapped in Excel with Alt+Enter, then saved as CSV).
/// Before, the name kept its line break: `y=aantal werkzaam` was an unknown column, the chart's
/// axis showed only "aantal", and the regional reading did not know the column.
#[test]
fn a_name_over_two_lines_is_read_on_one() {
    let csv = "regio;jaar;\"aantal\nwerkzaam\"\nTwente;2019;10\nAchterhoek;2019;12\n";
    let ds = Dataset::load("t.csv", csv.as_bytes()).unwrap();
    assert_eq!(ds.table.columns[2].name, "aantal werkzaam");
    let n = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        n.contains("Kolomnamen over meer regels op één regel gelezen: 'aantal werkzaam'"),
        "{n}"
    );
    let r = render_query(&ds, "view=bars&x=regio&y=aantal werkzaam").unwrap();
    assert!(r.summary.contains("Achterhoek (12)"), "{}", r.summary);
    assert!(r.svg.contains("aantal werkzaam"), "axis title");

    // A space that does not break looks like a space, and is typed as one.
    let nbsp = "regio;jaar;aantal\u{a0}werkzaam\nTwente;2019;10\nAchterhoek;2019;12\n";
    let ds = Dataset::load("n.csv", nbsp.as_bytes()).unwrap();
    assert_eq!(ds.table.columns[2].name, "aantal werkzaam");
    render_query(&ds, "view=bars&x=regio&y=aantal werkzaam").unwrap();

    let wide = "arbeidsmarktregio;jaar;\"personen in\r\ndoelgroepregister\";\"werkzame\npersonen\"\n\
                Twente;2016;100;40\nTwente;2017;110;50\nAchterhoek;2016;80;20\nAchterhoek;2017;90;30\n";
    let ds = Dataset::load("r.csv", wide.as_bytes()).unwrap();
    let r =
        render_query(&ds, "view=ranking&measure=share&year=2017").unwrap_or_else(|e| panic!("{e}"));
    assert!(r.summary.contains("Twente"), "{}", r.summary);
}

/// Amounts with the minus sign after them, as bookkeeping programs export them. Before, the
/// column was read as text without a word: no bars, no sums. Age bands (`65-` beside `15-24`)
/// and codes (`0363-`) stay text.
#[test]
fn a_minus_sign_after_a_number_makes_it_negative() {
    let csv = "regio;jaar;saldo\nA;2019;12-\nB;2019;30\nC;2019;1.234,5-\nD;2019;\n";
    let ds = Dataset::load("s.csv", csv.as_bytes()).unwrap();
    let saldo = ds.table.column("saldo").unwrap();
    let got: Vec<Option<f64>> = (0..saldo.len()).map(|i| saldo.number(i)).collect();
    assert_eq!(got, [Some(-12.0), Some(30.0), Some(-1234.5), None]);
    let n = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        n.contains("minteken achteraan") && n.contains("'12-' = -12, in kolom 'saldo'"),
        "{n}"
    );
    for (file, column) in [
        ("leeftijd;aantal\n15-24;10\n25-64;20\n65-;5\n", "leeftijd"),
        ("code;aantal\n0363-;10\n0599-;20\n", "code"),
    ] {
        let ds = Dataset::load("t.csv", file.as_bytes()).unwrap();
        let c = ds.table.column(column).unwrap();
        assert!((0..c.len()).all(|i| c.number(i).is_none()), "{column}");
        let n = ds.info_in(Lang::Nl).notes.join(" | ");
        assert!(!n.contains("minteken"), "{n}");
    }
}

/// The file line counts its rows as the views' notes do, thousands grouped (`1.200 gegevensrijen`,
/// `1,200 data rows`), also the rows it did not use.
#[test]
fn the_file_line_groups_the_thousands_of_its_counts() {
    use banenverkenner::table::load;
    let mut text = String::from("regio;jaar;aantal\n");
    for i in 0..1200 {
        text.push_str(&format!("Regio {};{};{}\n", i % 40, 2015 + i / 40, i));
    }
    let t = load("t.csv", text.as_bytes()).unwrap();
    assert!(
        t.detected.summary().ends_with(", 1.200 gegevensrijen"),
        "{}",
        t.detected.summary()
    );
    let en = t.detected.summary_in(Lang::En);
    assert!(en.ends_with(", 1,200 data rows"), "{en}");
    // A small file is written as before.
    let t = load("t.csv", b"regio;jaar;aantal\nTwente;2015;10\n").unwrap();
    assert!(
        t.detected.summary().ends_with(", 1 gegevensrij"),
        "{}",
        t.detected.summary()
    );
}

/// A comma-separated file whose counts group their thousands with a point (`4.099`): a count
/// written `9.000` is 9000 like the others, not 9 (it was read as 9.000 = 9, and the file line
/// said the point groups thousands). With a decimal point told by other cells (`12.5`), `9.000`
/// stays 9. The same however the file is read (in pieces, by two).
#[test]
fn a_count_of_whole_thousands_is_read_as_the_others_are() {
    use banenverkenner::table::{csv, fingerprint, load, Table};
    let col = |t: &Table, name: &str| -> Vec<Option<f64>> {
        let c = t.columns.iter().find(|c| c.name == name).unwrap();
        (0..c.len()).map(|i| c.number(i)).collect()
    };
    let grouped = "regio,jaar,personen,werkzaam\nAchterhoek,2015,4.099,2.332\nAmersfoort,2015,2.730,1.259\n\
        Drenthe,2015,3.471,1.451\nFriesland,2015,7.603,585\nZeeland,2015,9.000,2.000\nTwente,2015,\"10.000\",-1.000\n";
    let t = load("t.csv", grouped.as_bytes()).unwrap();
    assert_eq!(t.detected.decimal.as_deref(), Some(","));
    let w = |xs: &[f64]| xs.iter().map(|x| Some(*x)).collect::<Vec<_>>();
    assert_eq!(
        col(&t, "personen"),
        w(&[4099.0, 2730.0, 3471.0, 7603.0, 9000.0, 10000.0])
    );
    assert_eq!(
        col(&t, "werkzaam"),
        w(&[2332.0, 1259.0, 1451.0, 585.0, 2000.0, -1000.0])
    );
    let want = fingerprint(&Ok(t));
    let bytes = grouped.as_bytes();
    for piece in [1, 7, 64, 4096] {
        for mid in [0, 40, bytes.len() / 2] {
            assert_eq!(
                fingerprint(&csv::read_csv_split("t.csv", bytes, piece, mid)),
                want,
                "pieces of {piece}, split at {mid}"
            );
        }
    }
    // A decimal point told by a cell: `9.000` is nine.
    let pointed = "regio,jaar,aandeel\nA,2015,12.5\nB,2015,9.000\nC,2015,\"1.000\"\n";
    let t = load("t.csv", pointed.as_bytes()).unwrap();
    assert_eq!(t.detected.decimal.as_deref(), Some("."));
    assert_eq!(col(&t, "aandeel"), w(&[12.5, 9.0, 1.0]));
    // A column of only such cells is a column of numbers.
    let only = "regio,jaar,aantal,aandeel\nA,2015,1.000,0.5\nB,2015,2.000,0.25\n";
    let t = load("t.csv", only.as_bytes()).unwrap();
    assert_eq!(col(&t, "aantal"), w(&[1.0, 2.0]));
}

/// Found by a probe: a quarterly file that ends with 2017K3 drew `from=2015&to=2017` as 2015K4
/// to 2017K3 (seven quarters), said only "Tot en met is 2017 K3 geworden". The end moves to the
/// file's last quarter and a start given as a year moves to the same point of its year, both
/// said; a start chosen at the file's grain stays as chosen.
#[test]
fn a_growth_whose_end_moves_keeps_the_same_point_of_the_year() {
    let mut csv =
        String::from("arbeidsmarktregio,kwartaal,personen_doelgroepregister,werkzame_personen\n");
    for (region, base) in [("Achterhoek", 100), ("Twente", 200), ("Drenthe", 150)] {
        for k in 1..=11 {
            let (year, q) = (2015 + (k - 1) / 4, (k - 1) % 4 + 1);
            csv.push_str(&format!(
                "{region},{year}K{q},{},{}\n",
                base + 10 * k,
                base / 2 + k * k
            ));
        }
    }
    let ds = Dataset::load("tot-k3.csv", csv.as_bytes()).unwrap();
    for view in ["scatter", "ranking&measure=growth"] {
        let r = render_query(&ds, &format!("view={view}&from=2015&to=2017")).unwrap();
        assert!(
            r.spec.contains("from=2015K3") && r.spec.contains("to=2017K3"),
            "{view}: {}",
            r.spec
        );
        assert_eq!(r.changes.len(), 2, "{:?}", r.changes);
        assert!(r.changes[0].starts_with("Tot en met is 2017 K3 geworden (was 2017): 'to=2017' (de stand aan het eind ervan, 2017 K4) staat niet in het bestand"), "{}", r.changes[0]);
        assert!(
            r.changes[1].starts_with(
                "Van is 2015 K3 geworden (was 2015): hetzelfde moment van het jaar als 2017 K3"
            ),
            "{}",
            r.changes[1]
        );
    }
    let r = render_query(&ds, "view=scatter&from=2015K2&to=2017").unwrap();
    assert!(
        r.spec.contains("from=2015K2") && r.spec.contains("to=2017K3"),
        "{}",
        r.spec
    );
    assert_eq!(r.changes.len(), 1, "{:?}", r.changes);
    let r = render_query(&ds, "view=scatter&from=2015&to=2017&lang=en").unwrap();
    assert!(
        r.changes[0].contains("'to=2017' (the stand at its end, 2017 Q4) is not in the file"),
        "{}",
        r.changes[0]
    );
    assert!(
        r.changes[1].starts_with(
            "From changed from 2015 to 2015 Q3: the same point of the year as 2017 Q3"
        ),
        "{}",
        r.changes[1]
    );
}

/// Found by a probe: `agg=mean` over regions gave the national row (80.105 working persons in
/// 2015, "13 rijen -> 13 punten") instead of the mean of the 35 regions (2.288,7); over the
/// hours bands' subgroups it gave the `totaal` row. A plain mean is that of the parts: the
/// total rows are left out, and said.
#[test]
fn a_plain_mean_is_that_of_the_parts_not_the_total_row() {
    let bytes = std::fs::read("tests/fixtures/regions_long.csv").unwrap();
    let ds = Dataset::load("regions_long.csv", &bytes).unwrap();
    let r = render_query(
        &ds,
        "view=line&x=jaar&y=werkzame_personen&series=doelgroep&agg=mean",
    )
    .unwrap();
    let ys = totaal(&r);
    // The mean of the 35 regions' Totaal rows (80.105 / 35 in 2015: the regions add up to it).
    assert!((ys[0] - 80105.0 / 35.0).abs() < 1e-9, "{ys:?}");
    let notes = all_notes(
        &ds,
        "view=line&x=jaar&y=werkzame_personen&series=doelgroep&agg=mean",
    );
    assert!(notes.contains("455 rijen -> 13 punten"), "{notes}");
    assert!(notes.contains("Totaalrijen niet meegeteld: het gemiddelde is dat van hun delen: arbeidsmarktregio = Landelijk"), "{notes}");
    // A sum keeps the total row (the parts are not added to it).
    let r = render_query(&ds, "view=line&x=jaar&y=werkzame_personen&series=doelgroep").unwrap();
    assert_eq!(totaal(&r)[0], 80105.0);
}

/// The points of the line `Totaal`.
fn totaal(r: &banenverkenner::render::Rendered) -> Vec<f64> {
    let line = r.data["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Totaal")
        .unwrap();
    line["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["y"].as_f64().unwrap())
        .collect()
}

/// Found by a probe: a filter that leaves parts of a distribution out scaled the rest up to
/// 100 % (totaal <12: 17,4 for the file's 10,0) and blamed the file ("controleer of de aandelen
/// één verdeling vormen"); `n=` naming y itself weighted a percentage by itself; `agg=sum` of a
/// percentage was drawn as grouped bars instead of refused.
#[test]
fn filters_and_weights_do_not_change_the_file_s_shares() {
    let bytes = std::fs::read("data/samples/hours_per_week_by_subgroup_2019.csv").unwrap();
    let ds = Dataset::load("hours_per_week_by_subgroup_2019.csv", &bytes).unwrap();
    let q = "view=stacked&x=subgroup&y=share_pct&series=hours_per_week&filter=hours_per_week:!>32";
    let r = render_query(&ds, q).unwrap();
    assert_eq!(r.data["left_out"], true);
    let first = &r.data["series"][0];
    assert_eq!(first["name"], "<12");
    assert_eq!(
        first["points"][0]["y"].as_f64(),
        Some(10.0),
        "{}",
        first["points"][0]
    );
    assert!(
        r.subtitle.contains("een deel van de verdeling"),
        "{}",
        r.subtitle
    );
    let notes = all_notes(&ds, q);
    assert!(
        notes.contains("Het filter laat een deel van hours_per_week weg"),
        "{notes}"
    );
    assert!(!notes.contains("controleer of de aandelen"), "{notes}");
    // Without the filter: each bar adds up to 100, as before.
    let r = render_query(
        &ds,
        "view=stacked&x=subgroup&y=share_pct&series=hours_per_week",
    )
    .unwrap();
    assert_eq!(r.data.get("left_out"), None);
    assert!(r.subtitle.contains("samen 100 %"), "{}", r.subtitle);

    let bytes = std::fs::read("data/samples/not_working_by_grondslag_2019_2021.csv").unwrap();
    let ds = Dataset::load("not_working_by_grondslag_2019_2021.csv", &bytes).unwrap();
    assert_refused(
        &ds,
        "view=bars&x=responsible&y=share_pct&n=share_pct",
        "n=share_pct: 'share_pct' is ook y=",
    );
    assert_refused(
        &ds,
        "view=bars&x=responsible&y=persons&per=share_pct",
        "'share_pct' is een percentage, geen aantal",
    );
    assert_refused(
        &ds,
        "view=bars&x=responsible&y=share_pct&agg=sum",
        "ook niet met agg=sum",
    );
    // Weighted by the persons: 29,32 % for the gemeente.
    let r = render_query(&ds, "view=bars&x=responsible&y=share_pct&n=persons").unwrap();
    let points = r.data["series"][0]["points"].as_array().unwrap();
    let gemeente = points.iter().find(|p| p["x"] == "gemeente").unwrap();
    assert!(
        (gemeente["y"].as_f64().unwrap() - 29.317897896572273).abs() < 1e-9,
        "{gemeente}"
    );
}

/// Found by a probe: the highlighted region's name began inside its ring ("chterhoek" showed
/// beside the ring's stroke). Its label starts beyond the ring, on whichever side it goes.
#[test]
fn a_highlighted_region_s_name_starts_outside_its_ring() {
    let ds = Dataset::default_data().unwrap();
    for region in ["Achterhoek", "Haaglanden", "West-Brabant", "Twente"] {
        let r = render_query(&ds, &format!("view=scatter&region={region}")).unwrap();
        let svg = &r.svg;
        let ring = svg
            .find("r=\"11\"")
            .and_then(|i| svg[..i].rfind("<circle"))
            .unwrap();
        let num = |s: &str, key: &str| -> f64 {
            let at = s.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
            s[at..].split('"').next().unwrap().parse().unwrap()
        };
        let cx = num(&svg[ring..], "cx");
        let at = svg.find(&format!("\n{region}\n")).unwrap();
        let text = &svg[svg[..at].rfind("<text").unwrap()..at];
        let x = num(text, "x");
        let gap = if text.contains("text-anchor=\"end\"") {
            cx - x
        } else {
            x - cx
        };
        // (The ring: radius 11, stroke 3, so 12.5 from the centre.)
        assert!(gap >= 13.0, "{region}: label at {x}, ring at {cx}: {text}");
    }
}

/// Found by the page probe: "Lijnen over de tijd" picked on a municipality file drew one line per
/// municipality (100 of 350 tangled lines), though the file opens on lines per region. A line
/// chart without series= takes the level the municipalities lie in, as the natural view does.
#[test]
fn a_line_chart_without_series_takes_the_regions_of_many_municipalities() {
    let mut csv = String::from("gemeente;arbeidsmarktregio;jaar;werkzaam\n");
    for g in 0..120 {
        for year in 2015..=2017 {
            csv.push_str(&format!(
                "Gemeente {g};Regio {};{year};{}\n",
                g % 12,
                10 + g + year - 2015
            ));
        }
    }
    let ds = Dataset::load("gemeenten.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "view=line").unwrap();
    assert!(r.spec.contains("series=arbeidsmarktregio"), "{}", r.spec);
    assert_eq!(r.data["series"].as_array().unwrap().len(), 12);
    // Named, the municipalities are drawn as asked.
    let r = render_query(&ds, "view=line&series=gemeente").unwrap();
    assert!(r.spec.contains("series=gemeente"), "{}", r.spec);
}

/// Found by a probe: a wide file without a subgroup's register column drew the total for
/// `subgroup=wajong`, saying only "de benodigde kolommen ontbreken of zijn leeg". The change now
/// names the column the file lacks and how to link one.
#[test]
fn a_subgroup_without_its_column_names_the_column_and_how_to_link_it() {
    let csv = "regio;jaar;personen in doelgroepregister (gecorrigeerd);werkzame personen;werkzame personen wajong\n\
               Twente;2015;100;40;10\nTwente;2017;110;50;12\nDrenthe;2015;80;30;8\nDrenthe;2017;90;36;9\n";
    let ds = Dataset::load("breed.csv", csv.as_bytes()).unwrap();
    // (Refused, or drawn for another subgroup with the reason: either says it.)
    let said = match render_query(&ds, "view=scatter&subgroup=wajong&from=2015&to=2017") {
        Ok(r) => r.changes.join(" "),
        Err(e) => e.to_string(),
    };
    assert!(said.contains("heeft het bestand geen kolom 'doelgroepregister Wajong (gecorrigeerd)' (register_wajong_corrected)"), "{said}");
    assert!(
        said.contains("--map 'Kop=register_wajong_corrected'"),
        "{said}"
    );
    // The growth needs only the workers: drawn for Wajong.
    let r = render_query(
        &ds,
        "view=ranking&measure=growth&subgroup=wajong&from=2015&to=2017",
    )
    .unwrap();
    assert!(r.changes.is_empty(), "{:?}", r.changes);
}

/// Found by a probe: a file that names some regions by their city or the other way round in one
/// year (`Amsterdam`, `Nijmegen`, `Rotterdam Rijnmond`, `Utrecht-Midden`, `Zwolle` in 2017) read
/// them as other regions: 39 regions, and both names left out of the scatterplot. They are
/// one region each, and the file line says which names were taken together.
#[test]
fn a_region_named_by_its_city_in_one_year_is_one_region() {
    let text = std::fs::read_to_string("tests/fixtures/regions_long.csv").unwrap();
    let renamed: String = text
        .lines()
        .map(|l| {
            if !l.contains(",2017,") {
                return format!("{l}\n");
            }
            let mut l = l.to_string();
            for (from, to) in [
                ("Groot Amsterdam,", "Amsterdam,"),
                ("Rijk van Nijmegen,", "Nijmegen,"),
                ("Rijnmond,", "Rotterdam Rijnmond,"),
                ("Midden-Utrecht,", "Utrecht-Midden,"),
                ("IJsselvechtstreek (Regio Zwolle),", "Zwolle,"),
            ] {
                if l.starts_with(from) {
                    l = l.replacen(from, to, 1);
                }
            }
            format!("{l}\n")
        })
        .collect();
    assert!(renamed.contains("\nAmsterdam,2017,"));
    let want = Dataset::load("regions_long.csv", text.as_bytes()).unwrap();
    let got = Dataset::load("hernoemd.csv", renamed.as_bytes()).unwrap();
    assert_eq!(
        got.regional.as_ref().unwrap().regions.len(),
        want.regional.as_ref().unwrap().regions.len()
    );
    let q = "view=scatter&from=2015&to=2017";
    let (a, b) = (
        render_query(&want, q).unwrap(),
        render_query(&got, q).unwrap(),
    );
    assert_eq!(a.data["points"], b.data["points"]);
    assert_eq!(a.data["r2"], b.data["r2"]);
    let notes = got.info_in(Lang::Nl).notes.join(" | ");
    assert!(notes.contains("'Amsterdam' = 'Groot Amsterdam'"), "{notes}");
}

/// A filter value holding a colon, written without quotes, was refused as an unknown column
/// 'filter=groep:A'; a highlight one letter off had no suggestion (a filter had).
#[test]
fn a_value_with_a_colon_and_a_misspelt_highlight_are_answered_with_what_to_write() {
    let csv = "groep,tijd,n\nA: een,2019,5\nA: een,2020,6\nB,2019,3\nB,2020,4\n";
    let ds = Dataset::load("colon.csv", csv.as_bytes()).unwrap();
    assert_refused(
        &ds,
        "view=line&filter=groep:A: een",
        "een waarde met een dubbele punt hoort tussen aanhalingstekens: filter=groep:\"A: een\".",
    );
    let r = render_query(&ds, "view=line&filter=groep:\"A: een\"").unwrap();
    assert!(r.svg.contains("A: een"));
    assert_refused(
        &ds,
        "view=line&filter=groep:A: een&lang=en",
        "a value holding a colon goes between quotes: filter=groep:\"A: een\".",
    );
    let csv = "subgroep,jaar,personen\nWajong,2019,5\nWajong,2020,6\nWsw,2019,3\nWsw,2020,4\n";
    let ds = Dataset::load("h.csv", csv.as_bytes()).unwrap();
    assert_refused(&ds, "view=line&highlight=wajong", "Bedoelt u 'Wajong'?");
    assert_refused(
        &ds,
        "view=bars&x=subgroep&filter=jaar:2019&highlight=Wswx&lang=en",
        "Did you mean 'Wsw'?",
    );
}

/// Years marked provisional (`2019*`) were said both to be "read as text and not counted" and to
/// be provisional figures on the axis; only the second is true.
#[test]
fn a_provisional_year_is_not_said_to_be_left_out() {
    let csv = "subgroep,jaar,personen\nWajong,2018,5\nWajong,2019*,6\nWsw,2018,3\nWsw,2019*,4\n\n* voorlopige cijfers\n";
    let ds = Dataset::load("star.csv", csv.as_bytes()).unwrap();
    let notes = all_notes(&ds, "view=line");
    assert!(
        notes.contains("Voorlopige cijfers, zoals het bestand ze aangeeft: 2019*."),
        "{notes}"
    );
    assert!(
        !notes.contains("telt niet mee") && !notes.contains("tellen niet mee"),
        "{notes}"
    );
    let r = render_query(&ds, "view=line&series=subgroep").unwrap();
    assert!(r.summary.contains("+20,0 %"), "{}", r.summary);
}

/// The mapping step for the regional analysis was offered (and opened) on tables that cannot be
/// regional, such as the gallery's register per subgroup (no column for the regions).
#[test]
fn the_mapping_step_is_offered_only_where_regions_can_be() {
    use banenverkenner::compute::regional::mapping::propose;
    let offer =
        |csv: &str| propose(&banenverkenner::table::load("m.csv", csv.as_bytes()).unwrap()).offer;
    for e in banenverkenner::EXAMPLES {
        let t = banenverkenner::table::load(e.file, e.bytes).unwrap();
        assert_ne!(propose(&t).offer, "open", "{}", e.file);
    }
    let ex = |file: &str| {
        let e = banenverkenner::Example::find(file).unwrap();
        propose(&banenverkenner::table::load(e.file, e.bytes).unwrap()).offer
    };
    assert_eq!(ex("register_by_subgroup_2017_2019.csv"), "none");
    assert_eq!(ex("odds_ratios_job_finding_2019.csv"), "none");
    // Headers of a regional file the reading does not know: offered, open.
    assert_eq!(
        offer("Gebied,Periode,Ingeschrevenen,Met werk\nA,2015,100,40\nA,2016,100,50\nB,2015,100,45\nB,2016,100,48\n"),
        "open"
    );
    // A column that could hold regions and counts, nothing recognised: offered, folded away.
    assert_eq!(offer("Kolom1,Kolom2,Kolom3\nA,1,2\nB,3,4\n"), "closed");
}

/// The built-in wide file in quarters: every region and count per quarter, the year's stand in
/// K4 and a smaller made-up value in K1-K3 (as the probe made it).
fn quarterly_wide() -> Dataset {
    let text = std::str::from_utf8(banenverkenner::DEFAULT_DATA).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let cols: Vec<&str> = header.split(',').collect();
    let year_at = cols.iter().position(|c| *c == "year").unwrap();
    let mut csv = header.replace(",year,", ",kwartaal,");
    csv.push('\n');
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        for q in 1..=4 {
            let row: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(j, c)| match (j, c.parse::<f64>()) {
                    (j, _) if j == year_at => format!("{c}K{q}"),
                    (_, Ok(v)) if j > year_at && q < 4 => {
                        format!("{}", (v * (0.88 + 0.03 * q as f64)).floor())
                    }
                    _ => c.to_string(),
                })
                .collect();
            csv.push_str(&row.join(","));
            csv.push('\n');
        }
    }
    Dataset::load("kwartalen-breed.csv", csv.as_bytes()).unwrap()
}

/// Found by the file probe: on a quarterly file the basics table grew jobs and vacancies over
/// 2017 K3 -> 2017 K4 and gave the indication per quarter (8 columns, their mean 104,96 for
/// 105,75); the compare and profile views grew "since 2015K1" (33,63 % for 22,94 %).
#[test]
fn a_quarterly_file_compares_year_end_stands_in_every_view() {
    let q = quarterly_wide();
    let y = Dataset::default_data().unwrap();
    let basics = |ds: &Dataset, spec: &str| {
        let r = render_query(ds, spec).unwrap();
        let mut out: Vec<(String, f64)> = Vec::new();
        for m in r.data["measures"].as_array().unwrap() {
            if let Some(n) = m["national"].as_f64() {
                out.push((m["label"].as_str().unwrap().to_string(), n));
            }
        }
        out
    };
    let (bq, by) = (
        basics(&q, "view=basics&from=2015K4&to=2017K4"),
        basics(&y, "view=basics&from=2015&to=2017"),
    );
    assert_eq!(bq.len(), by.len(), "{bq:?}");
    for ((lq, nq), (ly, ny)) in bq.iter().zip(&by) {
        assert!((nq - ny).abs() < 1e-9, "{lq} {nq} against {ly} {ny}");
    }
    assert!(bq
        .iter()
        .any(|(l, _)| l == "Banen t.o.v. indicatie Werkkamer 2016 K4"));
    let last = |ds: &Dataset, spec: &str| {
        let r = render_query(ds, spec).unwrap();
        let s = r.data["series"].as_array().unwrap().last().unwrap().clone();
        let p = s["points"].as_array().unwrap();
        (
            r.data["label"].clone(),
            p.last().unwrap()["y"].as_f64().unwrap(),
        )
    };
    let (label, national) = last(&q, "view=compare&regions=twente,zeeland&measure=growth");
    assert_eq!(label, "Groei werkenden (totaal) sinds 2015 K4");
    assert!((national - 22.939891392547285).abs() < 1e-9, "{national}");
    let r = render_query(&q, "view=profile&region=twente").unwrap();
    assert!(
        r.summary.contains("+22,9 % werkenden sinds 2015 K4"),
        "{}",
        r.summary
    );
    // Its rank then and now at the same point of the year (was "in 2015 K1").
    assert!(
        r.summary.contains("(in 2015 K4: plaats 13)"),
        "{}",
        r.summary
    );
    // The basics' reading wrote the measure's period lower case ("2015 k4").
    let r = render_query(&q, "view=basics&from=2015K4&to=2017K4").unwrap();
    assert!(
        r.summary.contains("aandeel werkenden 2015 K4 (r = -0,56)"),
        "{}",
        r.summary
    );
}

/// Found by the view probe: counts compared as a difference from national kept the scale and
/// gave up the measure the user asked for (register -> share).
#[test]
fn counts_side_by_side_change_the_scale_not_the_measure() {
    let ds = Dataset::default_data().unwrap();
    let r = render_query(
        &ds,
        "view=compare&regions=twente,drenthe&measure=register&scale=relative",
    )
    .unwrap();
    assert!(r.spec.contains("measure=register"), "{}", r.spec);
    assert!(!r.spec.contains("scale=relative"), "{}", r.spec);
    assert!(
        r.changes[0].starts_with("Schaal is Niveau geworden"),
        "{:?}",
        r.changes
    );
}

/// Found by the view probe: a file that is not there was said in the system's English inside a
/// Dutch message ("No such file or directory (os error 2)").
#[test]
fn a_missing_file_is_said_in_the_language_of_the_message() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_banenverkenner"))
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let nl = run(&["view", "geen-bestand-hier.csv", ""]);
    assert!(
        nl.contains("Kan 'geen-bestand-hier.csv' niet lezen: het bestand of de map bestaat niet"),
        "{nl}"
    );
    let en = run(&["view", "geen-bestand-hier.csv", "", "--en"]);
    assert!(en.contains("no such file or directory"), "{en}");
    assert!(!en.contains("os error"), "{en}");
}

/// Found by the view probe: agg=mean where each point is one row said "Ongewogen gemiddelde
/// (agg=mean): 21 rijen -> 21 punten", in the notes and the subtitle, though nothing was averaged.
#[test]
fn a_mean_of_one_row_per_point_says_there_is_nothing_to_average() {
    let ds = Dataset::load(
        "register_by_subgroup_2017_2019.csv",
        include_bytes!("../data/samples/register_by_subgroup_2017_2019.csv"),
    )
    .unwrap();
    let r = render_query(&ds, "view=line&agg=mean&x=year").unwrap();
    assert!(
        r.notes
            .iter()
            .any(|n| n == "agg=mean: elk punt is één rij (21 rijen), er valt niets te middelen"),
        "{:?}",
        r.notes
    );
    assert!(!r.subtitle.contains("agg=mean"), "{}", r.subtitle);
    assert!(!r.notes.iter().any(|n| n.contains("Ongewogen gemiddelde")));
}

/// Found by the view probe: 100 % bars of hour bands per hour band, stacked by subgroup, added
/// the shares of seven distributions (bars of 57,6 to 257,7 %) and then scaled them to 100.
#[test]
fn shares_stacked_across_their_distributions_are_refused_with_the_swap() {
    let ds = Dataset::load(
        "hours_per_week_by_subgroup_2019.csv",
        include_bytes!("../data/samples/hours_per_week_by_subgroup_2019.csv"),
    )
    .unwrap();
    assert_refused(
        &ds,
        "view=stacked&x=hours_per_week&series=subgroup",
        "Wissel x en series: view=stacked&x=subgroup&series=hours_per_week.",
    );
    assert!(render_query(&ds, "view=stacked&x=subgroup&series=hours_per_week").is_ok());
}

/// Found by the view probe: at 375 px the area chart's x labels and group sizes stopped at 48
/// months, so the hatched point's n (26 at 54 months, WGA) was never shown.
#[test]
fn a_narrow_area_chart_shows_its_last_point_and_its_n() {
    let ds = Dataset::load(
        "jobcoach_states_by_month.csv",
        include_bytes!("../data/samples/jobcoach_states_by_month.csv"),
    )
    .unwrap();
    let r = render_query(&ds, "width=375").unwrap();
    assert_eq!(r.view, "area");
    assert!(r.svg.contains(">\n26\n<"), "the n of 54 months");
    assert!(r.svg.contains(">\n54\n<"), "the last x label");
}

/// A municipal file with two region headers: `Regio` holding the municipalities beside
/// `Arbeidsmarktregio`, in either order. Before: "De kolommen 'Regio' en 'Arbeidsmarktregio'
/// betekenen allebei 'region'" and nothing drawn without `--map`. Now the column whose values
/// are labour-market regions is the region, said in the file line, and the scatter is the long
/// file's.
#[test]
fn of_two_region_headers_the_one_holding_regions_is_the_region() {
    let long = include_str!("fixtures/regions_long.csv");
    let reference = Dataset::load("long.csv", long.as_bytes()).unwrap();
    let want = render_query(&reference, "view=scatter&from=2015&to=2017").unwrap();
    for amr_first in [false, true] {
        let mut csv = String::from(if amr_first {
            "Arbeidsmarktregio;Regio;jaar;doelgroep;personen_doelgroepregister;werkzame_personen\n"
        } else {
            "Regio;Arbeidsmarktregio;jaar;doelgroep;personen_doelgroepregister;werkzame_personen\n"
        });
        for (i, line) in long.lines().skip(1).enumerate() {
            let f: Vec<&str> = line.split(',').collect();
            let (p, w): (i64, i64) = (f[3].parse().unwrap(), f[4].parse().unwrap());
            // Each region's counts split over two municipalities named after no region.
            for (k, (pp, ww)) in [(p / 3, w / 3), (p - p / 3, w - w / 3)]
                .into_iter()
                .enumerate()
            {
                let gemeente = format!("Gem{}{}", i % 7, k);
                let gemeente = format!("{gemeente}-{}", &f[0][..3]);
                let (a, b) = if amr_first {
                    (f[0], gemeente.as_str())
                } else {
                    (gemeente.as_str(), f[0])
                };
                csv.push_str(&format!("{a};{b};{};{};{pp};{ww}\n", f[1], f[2]));
            }
        }
        let ds = Dataset::load("gemeenten.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let notes = all_notes(&ds, "view=scatter&from=2015&to=2017");
        assert!(
            notes.contains(
                "Kolom 'Arbeidsmarktregio' gelezen als de arbeidsmarktregio, niet 'Regio'"
            ),
            "{notes}"
        );
        let got = render_query(&ds, "view=scatter&from=2015&to=2017").unwrap();
        assert_eq!(got.summary, want.summary, "amr first: {amr_first}");
        assert_eq!(got.data, want.data, "amr first: {amr_first}");
    }
}

/// At 375 px the scatter's axis titles were cut ("Groei werkenden totaal 2015…") and the
/// subtitle broke `n = 35` between `n` and `= 35`. The titles now wrap onto a second line and an
/// equation stays whole.
#[test]
fn a_narrow_scatter_keeps_its_axis_titles_and_equations_whole() {
    let ds = Dataset::load("regions.csv", banenverkenner::DEFAULT_DATA).unwrap();
    let r = render_query(&ds, "view=scatter&from=2015&to=2017&width=375").unwrap();
    let texts: Vec<String> = r
        .svg
        .split("<text")
        .skip(1)
        .map(|t| {
            let t = &t[t.find('>').unwrap() + 1..];
            t[..t.find("</text>").unwrap()].trim().to_string()
        })
        .collect();
    assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
    assert!(texts.iter().any(|t| t.ends_with("n = 35")), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("verschil met landelijk")),
        "{texts:?}"
    );
}

/// A CBS StatLine export: regions by code with the national row `NL01` among them, quarters
/// `2019KW01` and the year `2019JJ00` in one column, shuffled. Before: `NL01` was added to the
/// regions (every sum doubled), and bars and stacked bars showed `2019JJ00` beside its own
/// quarters, by value and under the file's codes. Now `NL01` is the total, bars over periods
/// stand in time order with readable labels, and the year is left out and said.
#[test]
fn a_cbs_export_s_national_row_and_periods_are_read_as_such() {
    let mut csv = String::from("ID;RegioS;Perioden;Geslacht;WerkzamePersonen_1\n");
    let mut id = 0;
    let periods = [
        "2019KW03", "2018KW04", "2019JJ00", "2019KW01", "2019KW04", "2019KW02",
    ];
    for p in periods {
        // The year is the stand at the end of its last quarter.
        let q = if p == "2019JJ00" { "2019KW04" } else { p };
        let k = periods.iter().position(|x| *x == q).unwrap() as i64;
        let mut nl = (0, 0);
        for (r, code) in ["AM01    ", "AM02    ", "AM09    "].iter().enumerate() {
            let (m, v) = (100 + 10 * k + r as i64, 50 + k + r as i64);
            nl = (nl.0 + m, nl.1 + v);
            for (g, n) in [
                ("Mannen", m),
                ("Vrouwen", v),
                ("Totaal mannen en vrouwen", m + v),
            ] {
                csv.push_str(&format!("{id};\"{code}\";\"{p}\";\"{g}\";{n}\n"));
                id += 1;
            }
        }
        for (g, n) in [
            ("Mannen", nl.0),
            ("Vrouwen", nl.1),
            ("Totaal mannen en vrouwen", nl.0 + nl.1),
        ] {
            csv.push_str(&format!("{id};\"NL01    \";\"{p}\";\"{g}\";{n}\n"));
            id += 1;
        }
    }
    let ds = Dataset::load("cbs.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "view=bars&x=Perioden&y=WerkzamePersonen_1").unwrap();
    let labels: Vec<&str> = r.data["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["2018 K4", "2019 K1", "2019 K2", "2019 K3", "2019 K4"]
    );
    // 2019 K1 (k = 3): the three regions' men and women, each once.
    let k1: f64 = (0..3).map(|r| (100 + 30 + r + 50 + 3 + r) as f64).sum();
    let points = &r.data["series"][0]["points"];
    assert_eq!(points[1]["x"], "2019 K1");
    assert_eq!(points[1]["y"].as_f64(), Some(k1));
    let notes = r.notes.join(" | ");
    assert!(notes.contains("RegioS = NL01"), "{notes}");
    assert!(
        notes.contains("jaar (2019) staan niet op de tijdas"),
        "{notes}"
    );
    let s = render_query(
        &ds,
        "view=stacked&x=Perioden&y=WerkzamePersonen_1&series=Geslacht",
    )
    .unwrap();
    let groups: Vec<&str> = s.data["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        ["2018 K4", "2019 K1", "2019 K2", "2019 K3", "2019 K4"]
    );
    assert_eq!(s.data["groups"][1]["total"].as_f64(), Some(k1));
}

/// One malformed number (`46.222.1`) in a column of counts: the note said the cell "telt niet
/// mee" while the column could no longer be drawn at all, and the refusal of the natural view
/// said only that the table had no column of numbers. Now the note says what to do and the
/// refusal names the column and the cell.
#[test]
fn a_malformed_number_is_named_where_the_view_is_refused() {
    let csv = "subgroup,year,persons\nvso/pro,2017,12067\nvso/pro,2018,18759\nWajong,2017,46.222.1\nWajong,2018,46222\n";
    let ds = Dataset::load("kapot.csv", csv.as_bytes()).unwrap();
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains("rij 4 '46.222.1'; verbeter of leeg de cel"),
        "{notes}"
    );
    assert!(!notes.contains("telt niet mee"), "{notes}");
    assert_refused(
        &ds,
        "",
        "Kolom 'persons' heeft getallen, maar rij 4 bevat '46.222.1'",
    );
}

/// A long file naming the group `Participatiewet (nieuw)` (the new group of 2015, all of it):
/// its rows were set aside, the Participatiewet views changed to the total and the
/// decomposition said a column was missing and to link one with `--map`, which a long file
/// cannot. Now the name is read; a name that stays unrecognised is named in the refusal.
#[test]
fn the_participatiewet_named_new_is_read_and_an_unknown_group_is_named() {
    let long = include_str!("fixtures/regions_long.csv");
    let want = Dataset::load("long.csv", long.as_bytes()).unwrap();
    let q = "view=scatter&subgroup=participatiewet&from=2015&to=2017";
    let a = render_query(&want, q).unwrap();
    for label in [
        "Participatiewet (nieuw)",
        "P-wet nieuw",
        "Participatiewetters",
    ] {
        let text = long.replace(",Participatiewet,", &format!(",{label},"));
        let ds = Dataset::load("nieuw.csv", text.as_bytes()).unwrap();
        let b = render_query(&ds, q).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(b.changes.is_empty(), "{label}: {:?}", b.changes);
        assert_eq!(a.data, b.data, "{label}");
    }
    let text = long.replace(",Participatiewet,", ",Participatiewet (aangepast),");
    let ds = Dataset::load("aangepast.csv", text.as_bytes()).unwrap();
    assert_refused(
        &ds,
        "view=decomposition",
        "Niet herkend als doelgroep en niet gebruikt: 'Participatiewet (aangepast)'",
    );
}

/// `regions=Twente|Rijnmond`, with the separator `filter=` takes for several values, was
/// refused as one unknown region; it names the same regions as `regions=Twente,Rijnmond`.
#[test]
fn regions_to_compare_may_be_separated_as_filter_values_are() {
    let ds = Dataset::load("regions.csv", banenverkenner::DEFAULT_DATA).unwrap();
    let a = render_query(&ds, "view=compare&regions=Twente,Rijnmond").unwrap();
    let b = render_query(&ds, "view=compare&regions=Twente|Rijnmond").unwrap();
    assert_eq!(a.spec, b.spec);
    assert_eq!(a.data, b.data);
}

/// The same column chosen for two fields of the mapping step (`Met baan` for the register and
/// for working persons): the first choice was dropped and the refusal said the register column
/// was missing, which the user had filled in. Now the refusal says the column was chosen twice.
#[test]
fn a_column_chosen_for_two_meanings_is_said_so() {
    let long = include_str!("fixtures/regions_long.csv").replacen(
        "arbeidsmarktregio,jaar,doelgroep,personen_doelgroepregister,werkzame_personen",
        "Gebied,Periode van meting,Groep,Aantal mensen,Met baan",
        1,
    );
    let ds = Dataset::load("odd.csv", long.as_bytes()).unwrap();
    let Err(e) = Dataset::with_mapping(
        ds.table,
        &[
            ("Gebied", "region"),
            ("Periode van meting", "year"),
            ("Met baan", "register_persons_corrected"),
            ("Met baan", "workers_total"),
        ],
    ) else {
        panic!("read with one column as two");
    };
    assert!(
        e.to_string()
            .contains("de kolom 'Met baan' gekozen voor zowel"),
        "{e}"
    );
}

/// Shares that add up to 95: drawn in proportion, but the table, the reading and the JSON keep
/// the file's 60 (before, 63.2: the share divided by the bar's sum, which no source says).
#[test]
fn shares_short_of_100_keep_the_files_numbers_where_numbers_are_written() {
    let csv = "groep;deel;aandeel\nA;voltijd;60\nA;deeltijd;35\nB;voltijd;50\nB;deeltijd;50\n";
    let ds = Dataset::load("aandelen.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "view=stacked&x=groep&y=aandeel&series=deel").unwrap();
    let row = r
        .table
        .rows
        .iter()
        .find(|row| row[0] == "A" && row[1] == "voltijd")
        .unwrap_or_else(|| panic!("{:?}", r.table.rows));
    assert_eq!(row[2], 60.0, "{:?}", r.table.rows);
    assert!(r.summary.contains("A (60 %)"), "{}", r.summary);
    assert!(!r.summary.contains("63"), "{}", r.summary);
    assert!(
        r.hits.iter().any(|h| h.label == "A, voltijd: 60 %"),
        "{:?}",
        r.hits.iter().map(|h| &h.label).collect::<Vec<_>>()
    );
    // Drawn in proportion: the bar of A is as long as that of B (95 filling the width).
    common::assert_bars_equally_long(&r, "A", "B");
    assert!(
        r.notes.iter().any(|n| n.contains("naar verhouding")),
        "{:?}",
        r.notes
    );
}

/// One bar: its value, not "Hoogste: A; laagste: A".
#[test]
fn one_bar_is_read_as_one() {
    let ds = Dataset::load("een.csv", b"regio;aantal\nTwente;12\n").unwrap();
    let r = render_query(&ds, "view=bars&x=regio&y=aantal").unwrap();
    assert!(!r.summary.contains("aagste"), "{}", r.summary);
    assert!(r.summary.contains("Twente (12)"), "{}", r.summary);
    let ds = Dataset::load("twee.csv", b"regio;aantal\nTwente;12\nRijnmond;12\n").unwrap();
    let r = render_query(&ds, "view=bars&x=regio&y=aantal").unwrap();
    assert!(r.summary.contains("overal 12"), "{}", r.summary);
}

/// A ratio whose denominator adds up to 0 at a point is said as such, not as an empty or
/// suppressed cell.
#[test]
fn a_zero_denominator_is_named() {
    let csv = "regio;werkzaam;personen\nA;5;10\nA;5;10\nB;0;0\nB;0;0\n";
    let ds = Dataset::load("nul.csv", csv.as_bytes()).unwrap();
    let n = all_notes(&ds, "view=bars&x=regio&y=werkzaam&per=personen");
    assert!(
        n.contains("delen door nul") && n.contains("'personen'"),
        "{n}"
    );
    assert!(!n.contains("leeg of geheim"), "{n}");
}

/// A region without the last year: the national trend runs to that year over the other regions,
/// and says so (it stopped a year early).
#[test]
fn the_national_trend_runs_on_when_a_region_lacks_the_last_year() {
    let kept =
        common::long_lines(|l| !l.starts_with("Twente,2017") && !l.starts_with("Landelijk,"));
    let ds = Dataset::load("zonder.csv", kept.as_bytes()).unwrap();
    let r = render_query(&ds, "view=trend").unwrap();
    let national = r.data["national"][0]["values"].as_array().unwrap().clone();
    assert_eq!(national.len(), 3, "{national:?}");
    // The total 2017 over the other 34 regions.
    let expected: f64 = kept
        .lines()
        .filter(|l| {
            l.contains(",2017,Totaal,")
                && !l.starts_with("Nederland")
                && !l.starts_with("Landelijk")
        })
        .map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap())
        .sum();
    assert_eq!(national[2].as_f64(), Some(expected), "{national:?}");
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("Landelijk 2017") && n.contains("Twente")),
        "{:?}",
        r.notes
    );
}

/// Table 7's correlations are in its table (and so in the CSV and the report's HTML), not only
/// in its figure: r of workers growth and the share working 2015 is the scatter's sqrt(R²).
#[test]
fn the_basics_table_holds_the_correlations() {
    let ds = Dataset::load("data.csv", banenverkenner::DEFAULT_DATA).unwrap();
    let r = render_query(&ds, "view=basics").unwrap();
    let growth = r.data["measures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["key"] == "workers_growth")
        .unwrap();
    let corr = r.data["correlations"].as_array().unwrap();
    let row = r
        .table
        .rows
        .iter()
        .find(|row| {
            row[0]
                .as_str()
                .is_some_and(|s| s.starts_with("Correlatie (r) met groei werkenden"))
        })
        .unwrap_or_else(|| panic!("{:?}", r.table.rows.last()));
    let some: Vec<f64> = row.iter().filter_map(|v| v.as_f64()).collect();
    assert!(!some.is_empty());
    for c in corr
        .iter()
        .filter(|c| c["a"] == "workers_growth" || c["b"] == "workers_growth")
    {
        let r_ = c["r"].as_f64().unwrap();
        assert!(some.contains(&r_), "{r_} not in {row:?}");
    }
    // Its own column stays empty.
    assert!(row[1 + 3 * growth].is_null(), "{row:?}");
}

/// A file of one year gets a report: the growth sections say why they are missing, the others
/// are drawn (it was refused as a whole).
#[test]
fn a_file_of_one_year_gets_a_report() {
    let kept = common::long_lines(|l| !l.contains(",2015,") && !l.contains(",2016,"));
    let ds = Dataset::load("2017.csv", kept.as_bytes()).unwrap();
    let spec = banenverkenner::spec::ViewSpec::parse("view=report").unwrap();
    let Some(banenverkenner::spec::View::Report(s)) = spec.view.clone() else {
        panic!("no report")
    };
    let rep = banenverkenner::render::report::build(&ds, &s, &spec).unwrap();
    let drawn = rep.sections.iter().filter(|s| s.rendered.is_ok()).count();
    let refused: Vec<&String> = rep
        .sections
        .iter()
        .filter_map(|s| s.rendered.as_ref().err())
        .collect();
    assert!(drawn >= 3, "{refused:?}");
    assert!(
        refused.iter().any(|e| e.contains("twee jaren")),
        "{refused:?}"
    );
    assert!(rep.title.ends_with("2017"), "{}", rep.title);
}

/// Found by the municipal probe: the convergence of a quarterly file compared 2015 K1 with
/// 2017 K4; it compares the stands at the same point of the year (2015 K4), as the growth does.
/// A growth asked between different points of the year is said.
#[test]
fn quarters_compare_the_same_point_of_the_year() {
    let ds = quarters();
    let r = render_query(&ds, "view=convergence").unwrap();
    assert_eq!(r.data["compared_from"], "2015K4", "{}", r.data);
    assert!(r.summary.contains("2015 K4"), "{}", r.summary);
    assert!(!r.summary.contains("K1"), "{}", r.summary);
    let n = all_notes(&ds, "view=ranking&from=2015K4&to=2017K3");
    assert!(n.contains("ander moment van het jaar"), "{n}");
    let n = all_notes(&ds, "view=ranking&from=2015K4&to=2017K4");
    assert!(!n.contains("ander moment van het jaar"), "{n}");
    let n = all_notes(&ds, "view=ranking&from=2015K1&to=2017K4");
    assert!(n.contains("van 2015 K1 tot 2017 K4"), "{n}");
}

/// Found by the municipal probe: municipal codes with a leading zero beside CBS's `NL01` were
/// said to be "numbers read as text, correct or empty those cells"; they are codes, as without
/// the national row.
#[test]
fn municipal_codes_beside_the_national_code_are_codes() {
    let csv = "gemeentecode;jaar;aantal\nNL01;2019;100\n0363;2019;60\n0518;2019;30\n1680;2019;10\n";
    let ds = Dataset::load("codes.csv", csv.as_bytes()).unwrap();
    let n = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(n.contains("Codes met een voorloopnul (0363)"), "{n}");
    assert!(!n.contains("lijken een getal"), "{n}");
}

/// Found by the robustness probe: one data row with twice the header's cells, deep in a file,
/// was taken for the header and every row above it skipped as a title (25,000 rows gone, exit
/// 0). The table begins where it begins; the wide row is a ragged row of it, an error at its row.
#[test]
fn one_wide_row_deep_in_a_file_is_no_header() {
    let mut csv = String::from("cat,aantal\n");
    for i in 0..40 {
        csv.push_str(&format!("r{i},{i}\n"));
    }
    csv.push_str("Twente,53,extra,more\n");
    for i in 40..60 {
        csv.push_str(&format!("r{i},{i}\n"));
    }
    let Err(e) = Dataset::load("breed.csv", csv.as_bytes()) else {
        panic!("read, not refused at the wide row")
    };
    assert_eq!(e.location.as_ref().and_then(|l| l.row), Some(42), "{e}");
    // Title rows above a header still go (one or two cells each, then a table of four).
    let csv = "Tabel 1\nBron,CBS\nregio,jaar,aantal,werkzaam\nA,2019,5,1\nB,2019,6,2\nC,2019,7,3\n";
    let ds = Dataset::load("titels.csv", csv.as_bytes()).unwrap();
    assert_eq!(ds.table.columns[0].name, "regio");
    assert_eq!(ds.table.len(), 3);
}

/// Found by the robustness probe: `agg=sum` where each point is one row said "agg=mean: ... er
/// valt niets te middelen".
#[test]
fn agg_sum_on_single_rows_says_sum() {
    let ds = Dataset::load("a.csv", b"regio;aantal\nA;1\nB;2\n").unwrap();
    let n = all_notes(&ds, "view=bars&x=regio&y=aantal&agg=sum");
    assert!(
        n.contains("agg=sum: elk punt is één rij") && n.contains("niets op te tellen"),
        "{n}"
    );
    assert!(!n.contains("agg=mean"), "{n}");
}

/// Found by the robustness probe: a line from -10 to 10 "daalde (-200,0 %)", and its index ran
/// 100, 50, -100. No change in % from a start of 0 or below: its values are said, no index.
#[test]
fn a_line_from_below_zero_has_no_change_in_percent() {
    let ds = Dataset::load("saldo.csv", b"jaar;saldo\n2015;-10\n2016;0\n2017;10\n").unwrap();
    let r = render_query(&ds, "view=line&x=jaar&y=saldo").unwrap();
    assert!(
        !r.summary.contains("daalde") && !r.summary.contains('%')
            || r.summary.contains("geen verandering in %"),
        "{}",
        r.summary
    );
    assert!(r.summary.contains("van -10 naar 10"), "{}", r.summary);
    let r = render_query(&ds, "view=line&x=jaar&y=saldo&index=1").unwrap();
    assert!(
        r.data["series"][0]["points"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["y"].is_null()),
        "{}",
        r.data
    );
    assert!(
        r.notes.iter().any(|n| n.contains("geen index mogelijk")),
        "{:?}",
        r.notes
    );
}

/// Found by the robustness probe: a negative count gave shares of 200 % and -100 %, and a group
/// of zeros a sum of 100. A distribution has no negative parts: refused at the cell.
#[test]
fn a_distribution_refuses_negative_parts() {
    let csv = "groep;status;aantal\nA;werk;20\nA;geen werk;-10\nB;werk;0\nB;geen werk;0\n";
    let ds = Dataset::load("neg.csv", csv.as_bytes()).unwrap();
    for view in ["stacked", "area"] {
        let e = render_query(&ds, &format!("view={view}&x=groep&series=status&y=aantal"))
            .err()
            .unwrap_or_else(|| panic!("{view}: drawn"));
        assert!(
            e.to_string().contains("negatieve waarde (-10"),
            "{view}: {e}"
        );
        assert_eq!(
            e.location.as_ref().and_then(|l| l.row),
            Some(3),
            "{view}: {e}"
        );
    }
    let csv = "groep;status;aantal\nA;werk;20\nA;geen werk;10\nB;werk;0\nB;geen werk;0\n";
    let ds = Dataset::load("nul.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "view=stacked&x=groep&series=status&y=aantal").unwrap();
    let b = r.data["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "B")
        .unwrap()
        .clone();
    assert_eq!(b["sum"], 0.0, "{b}");
}

/// Found by the robustness probe: `987`, `4.099`, `12.345`, `15` in a column `aantal` of a
/// decimal-point file (other columns have 45.3) was read as 4.099 persons without a word; two
/// such numbers are enough to name the column. And one number written `00012` among numbers
/// made the column codes, so a view blamed the valid `7`.
#[test]
fn point_thousands_and_a_leading_zero_in_a_column_of_numbers_are_said() {
    let csv = "regio,aantal,aandeel_pct\nA,987,45.3\nB,4.099,12.5\nC,12.345,7.25\nD,15,0.5\n";
    let ds = Dataset::load("mix.csv", csv.as_bytes()).unwrap();
    let n = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        n.contains("Kolom 'aantal'") && n.contains("duizendtallen"),
        "{n}"
    );
    let ds = Dataset::load("nul.csv", b"naam,waarde\na,7\nb,3\nc,00012\n").unwrap();
    let r = render_query(&ds, "view=bars&x=naam&y=waarde").unwrap();
    let ys: Vec<f64> = r.data["series"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["y"].as_f64())
        .collect();
    assert!(ys.contains(&12.0) && ys.contains(&7.0), "{ys:?}");
    let n = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(n.contains("'00012' = 12"), "{n}");
    // Codes stay codes: several with a leading zero, or a header that says so.
    let ds = Dataset::load(
        "codes.csv",
        b"gemeentecode,aantal\n0363,5\n1680,6\n0014,7\n",
    )
    .unwrap();
    assert!(ds
        .info_in(Lang::Nl)
        .notes
        .join(" | ")
        .contains("Codes met een voorloopnul"));
}

/// Found by the robustness probe: `Bron: UWV, bewerking SZW` below a table of two columns is
/// split by its comma into both, and was read as a data row (a view then refused its text).
#[test]
fn a_source_line_split_over_two_columns_is_a_note() {
    let csv = "cat,aantal\nA,1\nB,2\nC,3\nBron: UWV, bewerking SZW\n";
    let ds = Dataset::load("bron.csv", csv.as_bytes()).unwrap();
    assert_eq!(ds.table.len(), 3);
    let r = render_query(&ds, "view=bars&x=cat&y=aantal").unwrap();
    assert_eq!(r.table.rows.len(), 3);
    let info = ds.info_in(Lang::Nl);
    assert!(
        info.summary.contains("toelichting onder de tabel"),
        "{}",
        info.summary
    );
    // A row of data whose category opens with such a word stays data.
    let csv = "cat,aantal\nA,1\nBron: eigen,2\n";
    let ds = Dataset::load("data.csv", csv.as_bytes()).unwrap();
    assert_eq!(ds.table.len(), 2);
}

/// Found by the municipal probe: a region without one quarter was said by each view its own way,
/// but not in the file line.
#[test]
fn a_region_missing_a_period_is_named_in_the_file_line() {
    let csv = "arbeidsmarktregio,kwartaal,personen_doelgroepregister,werkzame_personen\n\
               Achterhoek,2016K3,100,50\nAchterhoek,2016K4,110,55\nTwente,2016K3,200,90\n";
    let ds = Dataset::load("gat.csv", csv.as_bytes()).unwrap();
    let n = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        n.contains("Regio's zonder rij voor een periode") && n.contains("Twente (2016 K4)"),
        "{n}"
    );
    let n = ds.info_in(Lang::En).notes.join(" | ");
    assert!(n.contains("Twente (2016 Q4)"), "{n}");
}

/// Found by the report probe: Figure 5's reading named the regions above national only, where
/// the chart and table mark 13 below too.
#[test]
fn the_decomposition_reading_names_both_sides() {
    let ds = Dataset::load("data.csv", banenverkenner::DEFAULT_DATA).unwrap();
    let r = render_query(&ds, "view=decomposition").unwrap();
    assert!(r.summary.contains("sd onder landelijk"), "{}", r.summary);
    assert!(r.summary.contains("sd boven landelijk"), "{}", r.summary);
}

/// Found by the report probe: Table 7's correlations were written with the published one decimal
/// in the report's table (0,8 beside r = 0,79 in its figure); its key said 1 sd with `k=1.5`;
/// an English report wrote its CSV files the Dutch way; a missing column was named by its
/// canonical name (`'jobs'`), which the file may not use.
#[test]
fn table_7_in_the_report_as_published() {
    let ds = Dataset::load("data.csv", banenverkenner::DEFAULT_DATA).unwrap();
    let spec = banenverkenner::spec::ViewSpec::parse("view=report").unwrap();
    let Some(banenverkenner::spec::View::Report(s)) = spec.view.clone() else {
        panic!("no report")
    };
    let rep = banenverkenner::render::report::build(&ds, &s, &spec).unwrap();
    let files = banenverkenner::export::report_files(&rep, "", &[], Lang::Nl);
    let html = &files.iter().find(|f| f.0 == "index.html").unwrap().1;
    let basics = rep.sections.iter().find(|s| s.label == "Tabel 7").unwrap();
    let t = &basics.rendered.as_ref().unwrap().table;
    assert!(!t.precise_rows.is_empty());
    let r0 = t.rows[t.precise_rows[0]]
        .iter()
        .find_map(|v| v.as_f64())
        .unwrap();
    let two = banenverkenner::format::number(r0, 2, Lang::Nl);
    assert!(
        html.contains(&format!(">{two}<")),
        "{two} not in the report"
    );
    let r = render_query(&ds, "view=basics&k=1.5").unwrap();
    assert!(r.svg.contains("meer dan 1,5 sd boven"), "key");
    let spec = banenverkenner::spec::ViewSpec::parse("view=report&lang=en").unwrap();
    let Some(banenverkenner::spec::View::Report(s)) = spec.view.clone() else {
        panic!("no report")
    };
    let rep = banenverkenner::render::report::build(&ds, &s, &spec).unwrap();
    let files = banenverkenner::export::report_files(&rep, "", &[], Lang::En);
    let csv = &files
        .iter()
        .find(|f| f.0.ends_with("table-7.csv"))
        .unwrap()
        .1;
    assert!(csv.lines().next().unwrap().contains(','), "{}", &csv[..80]);
    let long = std::fs::read("tests/fixtures/regions_long.csv").unwrap();
    let ds = Dataset::load("lang.csv", &long).unwrap();
    let n = all_notes(&ds, "view=basics");
    assert!(n.contains("geen kolom met banen"), "{n}");
    assert!(!n.contains("'jobs'"), "{n}");
}

/// Found by the report probe: a one-year file's Figure 6 had an empty reading.
#[test]
fn a_trend_of_one_year_is_read_as_a_level() {
    let kept = common::long_lines(|l| !l.contains(",2015,") && !l.contains(",2016,"));
    let ds = Dataset::load("2017.csv", kept.as_bytes()).unwrap();
    let r = render_query(&ds, "view=trend").unwrap();
    assert!(
        r.summary.contains("één meetpunt") && r.summary.contains("98.481"),
        "{}",
        r.summary
    );
}

/// Found by the page probe: a user's edited copy of `regions.csv` (other years, other counts)
/// was credited "Bron: regionale analyse banenafspraak 2015-2017 (UWV, ...)" by its name alone,
/// on screen and in every export. Only the built-in data and the examples, opened as such, carry
/// the publication's source.
#[test]
fn a_users_file_named_like_the_built_in_data_is_the_users() {
    let ds = Dataset::load("regions.csv", banenverkenner::DEFAULT_DATA).unwrap();
    let r = render_query(&ds, "view=scatter").unwrap();
    assert_eq!(r.source, "Bron: regions.csv (bewerking Banenverkenner)");
    let ds = Dataset::default_data().unwrap();
    let r = render_query(&ds, "view=scatter").unwrap();
    assert!(r.source.contains("UWV"), "{}", r.source);
    let ex = &banenverkenner::EXAMPLES[0];
    let ds = Dataset::load(ex.file, ex.bytes).unwrap();
    let r = render_query(&ds, ex.view).unwrap();
    assert!(!r.source.contains("gepubliceerde"), "{}", r.source);
    let ds = Dataset::example(ex).unwrap();
    let r = render_query(&ds, ex.view).unwrap();
    assert_eq!(r.source, ex.source);
}

/// Found by the consistency probe: bars with a `totaal` among them read "Hoogste personen:
/// Wajong" under a top bar of the total; the decomposition's table said "(%)" for what its
/// tooltip calls percentage points; the residual map's column said "verschil"; the absolute
/// ranking's reading left out the outliers its table marks.
#[test]
fn readings_and_headers_say_what_the_numbers_are() {
    let ex = banenverkenner::EXAMPLES
        .iter()
        .find(|e| e.file == "register_by_subgroup_2017_2019.csv")
        .unwrap();
    let ds = Dataset::example(ex).unwrap();
    let r = render_query(&ds, "view=bars&x=subgroup&y=persons&filter=year:2019").unwrap();
    assert!(r.summary.contains("; totaal: 267.111."), "{}", r.summary);
    let ds = Dataset::default_data().unwrap();
    let r = render_query(&ds, "view=decomposition").unwrap();
    assert!(
        r.table
            .columns
            .iter()
            .any(|c| c == "groei via Praktijkroute (%-punt)"),
        "{:?}",
        r.table.columns
    );
    let r = render_query(&ds, "view=map&measure=residual&subgroup=wajong").unwrap();
    assert!(
        r.table
            .columns
            .iter()
            .any(|c| c == "afstand tot de trendlijn (%-punt)"),
        "{:?}",
        r.table.columns
    );
    let r = render_query(&ds, "view=ranking&measure=share&year=2015&scale=absolute").unwrap();
    assert!(r.summary.contains("sd boven landelijk"), "{}", r.summary);
}

/// Found by the hostile-input probe: a NUL byte in a cell near the top of a text file refused it
/// as "not text", without saying where.
#[test]
fn a_stray_nul_byte_is_named_at_its_row() {
    let e = Dataset::load("nul.csv", b"cat,aantal\nA,1\nB\0x,2\nC,3\n").unwrap_err();
    assert_eq!(e.location.as_ref().and_then(|l| l.row), Some(3), "{e}");
    assert!(e.message.contains("nul-teken"), "{e}");
    // A file of binary bytes is still "not text".
    let e = Dataset::load("bin.csv", &[0u8, 1, 2, 3, 0, 0, 0, 9, 0, 0, 0, 7][..]).unwrap_err();
    assert!(e.message.contains("geen tekst"), "{e}");
}

/// Found by the workbook probe: a spreadsheet's pivot table with its `Eindtotaal` column (the
/// total over the years) was not read as one column per year ("kolom 'year' ontbreekt"). The
/// column is left out, said, and the regional views give the numbers of the file without it.
#[test]
fn a_pivot_tables_total_column_over_the_years_is_set_aside() {
    let with = "Arbeidsmarktregio;2015;;2016;;Eindtotaal;\n;personen;werkzaam;personen;werkzaam;personen;werkzaam\nAchterhoek;4099;2332;4297;2437;8396;4769\nTwente;6000;2500;6300;2900;12300;5400\nZeeland;2000;900;2100;1000;4100;1900\nEindtotaal;12099;5732;12697;6337;24796;12069\n";
    let without = "Arbeidsmarktregio;2015;;2016;\n;personen;werkzaam;personen;werkzaam\nAchterhoek;4099;2332;4297;2437\nTwente;6000;2500;6300;2900\nZeeland;2000;900;2100;1000\nEindtotaal;12099;5732;12697;6337\n";
    let a = Dataset::load("draaitabel.csv", with.as_bytes()).unwrap();
    let b = Dataset::load("zonder.csv", without.as_bytes()).unwrap();
    let notes = a.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains("Kolommen 'Eindtotaal personen', 'Eindtotaal werkzaam' (totalen over de periodes) weggelaten"),
        "{notes}"
    );
    for q in ["view=scatter", "view=ranking&measure=share&year=2016"] {
        let ra = render_query(&a, q).unwrap_or_else(|e| panic!("{q}: {e}"));
        let rb = render_query(&b, q).unwrap_or_else(|e| panic!("{q}: {e}"));
        assert_eq!(ra.table.rows, rb.table.rows, "{q}");
        assert_eq!(ra.summary, rb.summary, "{q}");
    }
    // One measure, years across, as Excel's pivot writes it.
    let one = "Som van werkzaam;Kolomlabels;;\nRijlabels;2015;2016;Eindtotaal\nAchterhoek;2332;2437;4769\nTwente;2500;2900;5400\n";
    let c = Dataset::load("een.csv", one.as_bytes()).unwrap();
    let notes = c.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains("Kolom 'Eindtotaal' (een totaal over de periodes) weggelaten"),
        "{notes}"
    );
    let r = render_query(&c, "view=line&x=periode&y=waarde&series=Rijlabels").unwrap();
    let json = r.data.to_string();
    assert!(!json.contains("4769") && json.contains("2437"), "{json}");
}

/// Found by the exports probe: a filtered view's CSV and JSON did not say which rows they hold
/// (the chart's subtitle did): a CSV of 2019 read as the whole file's.
#[test]
fn a_filtered_views_csv_and_json_say_the_filter() {
    let csv = "subgroep,jaar,regio,personen\nWajong,2018,A,10\nWajong,2019,A,12\nWsw,2018,A,5\nWsw,2019,A,6\nWajong,2019,Landelijk,40\nWsw,2019,Landelijk,20\n";
    let ds = Dataset::load("f.csv", csv.as_bytes()).unwrap();
    let r = render_query(
        &ds,
        "view=bars&x=subgroep&y=personen&filter=jaar:2019,regio:!Landelijk",
    )
    .unwrap();
    assert_eq!(
        r.data["filter"],
        serde_json::json!([
            {"column": "jaar", "values": ["2019"], "exclude": false},
            {"column": "regio", "values": ["Landelijk"], "exclude": true}
        ])
    );
    let out = banenverkenner::export::csv(&r.table);
    let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "subgroep;personen;jaar;regio", "{out}");
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.ends_with(";2019;anders dan Landelijk")),
        "{out}"
    );
    assert!(out.contains("Wajong;12;"), "{out}");
    // A filter on a column the table shows adds no column; no filter, no key.
    let r = render_query(
        &ds,
        "view=bars&x=subgroep&y=personen&filter=subgroep:Wajong,jaar:2019,regio:A",
    )
    .unwrap();
    assert_eq!(r.table.columns, ["subgroep", "personen", "jaar", "regio"]);
    let r = render_query(
        &ds,
        "view=line&x=jaar&y=personen&series=subgroep&filter=regio:A",
    )
    .unwrap();
    assert_eq!(r.table.columns.last().map(String::as_str), Some("regio"));
    let r = render_query(&ds, "view=bars&x=subgroep&y=personen&agg=sum").unwrap();
    assert!(r.data.get("filter").is_none());
    // (The latest year, chosen by the view, is the table's own first column.)
    assert_eq!(r.table.columns, ["jaar", "subgroep", "personen"]);
}

/// pandas' `pivot_table(index=..., columns='year', values=[...]).to_csv()`: the values' names
/// repeated over the years, `year` and the index's names on rows of their own. Before, the row of
/// years was a data row (a bar `year` = 2015) and the columns were named `personen (2)`, ...; the
/// regional views now give the published numbers, as from the wide file.
#[test]
fn a_pandas_pivot_written_to_csv_gives_the_wide_files_numbers() {
    let wide = Dataset::default_data().unwrap();
    let reference = render_query(&wide, "view=scatter").unwrap();
    // The built-in file's cells (plain CSV, no quotes) by column name.
    let text = std::str::from_utf8(banenverkenner::DEFAULT_DATA).unwrap();
    let mut lines = text.lines();
    let names: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
    let value = |r: &str, y: &str, m: &str| -> String {
        rows.iter()
            .find(|c| c[at("region")] == r && c[at("year")] == y)
            .map_or(String::new(), |c| c[at(m)].to_string())
    };
    let measures = ["register_persons_corrected", "workers_total"];
    let years = ["2015", "2016", "2017"];
    for (sep, two) in [(",", false), (";", true)] {
        let mut head: Vec<String> = vec![String::new(); if two { 2 } else { 1 }];
        let mut level: Vec<String> = vec!["year".into()];
        level.extend(std::iter::repeat_n(String::new(), head.len() - 1));
        for m in measures {
            for y in years {
                head.push(m.into());
                level.push(y.into());
            }
        }
        let mut csv = format!("{}\n{}\n", head.join(sep), level.join(sep));
        let index = if two {
            vec!["region", "code"]
        } else {
            vec!["region"]
        };
        csv += &format!(
            "{}{}\n",
            index.join(sep),
            sep.repeat(measures.len() * years.len())
        );
        let mut regions: Vec<&str> = rows.iter().map(|c| c[at("region")]).collect();
        regions.sort();
        regions.dedup();
        for r in regions {
            let mut cells = vec![r.to_string()];
            if two {
                cells.push(format!("c{}", r.len()));
            }
            for m in measures {
                for y in years {
                    cells.push(value(r, y, m));
                }
            }
            csv += &(cells.join(sep) + "\n");
        }
        let ds = Dataset::load("pivot.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let notes = ds.info_in(Lang::Nl).notes.join(" | ");
        assert!(
            notes.contains("Kopregel over drie rijen samengenomen (rij 1 tot en met 3)"),
            "{notes}"
        );
        let r = render_query(&ds, "view=scatter").unwrap_or_else(|e| panic!("{sep}: {e}\n{notes}"));
        assert_eq!(r.summary, reference.summary, "{sep}");
        assert_eq!(r.table.rows, reference.table.rows, "{sep}");
    }
}

/// Found by the statistics-software probe: a long file whose target groups are codes (SPSS's
/// values, Stata without labels: 0 = Totaal, 1 = Wajong, ...) was summed over them, the total and
/// its parts together: national working persons 160,210 for 80,105. The regional reading now
/// refuses the file, naming the codes (a file with the regional columns must read cleanly: the
/// file is the user's to fix, as with a region entered twice).
#[test]
fn target_groups_as_codes_are_refused_not_added_up() {
    let mut csv = String::from("REGIO;JAAR;DOELGROEP;REGISTER;WERKZAAM\n");
    for (r, base) in [("Achterhoek", 100), ("Twente", 200), ("Zeeland", 300)] {
        for y in [2015, 2016] {
            // code 0 is the total of codes 1 and 2
            let (a, b) = (base + y - 2015, base / 2);
            csv += &format!("{r};{y};0;{};{}\n", 2 * (a + b), a + b);
            csv += &format!("{r};{y};1;{};{a}\n", 2 * a);
            csv += &format!("{r};{y};2;{};{b}\n", 2 * b);
        }
    }
    let e = Dataset::load("codes.csv", csv.as_bytes()).unwrap_err();
    assert!(
        e.message
            .contains("Kolom 'DOELGROEP' noemt de doelgroepen met codes (0, 1, 2)"),
        "{e}"
    );
    assert_eq!(
        e.location.as_ref().and_then(|l| l.column.as_deref()),
        Some("DOELGROEP")
    );
    // Named target groups beside the codes' column are read as before.
    let named = csv
        .replace(";0;", ";Totaal;")
        .replace(";1;", ";Wajong;")
        .replace(";2;", ";WSW;");
    let ds = Dataset::load("namen.csv", named.as_bytes()).unwrap();
    let r = render_query(&ds, "view=trend").unwrap();
    // (The totals' sum over the regions, not the total and its parts: 1,800.)
    assert_eq!(
        r.data["national"][0]["values"],
        serde_json::json!([900.0, 903.0])
    );
}

/// Found by the same probe: the row numbers pandas and R write before the data (a column without
/// a name, `0, 1, 2, ...`; `index` in pandas' JSON, also `8, 21, ...` after rows were picked)
/// were charted as the values ("Hoogste kolom 1: Zuidoost-Brabant (35)"), and stopped one column
/// per measure and year from being read as periods ("kolom 'year' ontbreekt").
#[test]
fn pandas_and_r_row_numbers_are_no_values() {
    let csv = "\"\",\"regio\",\"werkzaam\"\n\"1\",\"Achterhoek\",2607\n\"2\",\"Twente\",1627\n\"3\",\"Zeeland\",900\n";
    let ds = Dataset::load("r.csv", csv.as_bytes()).unwrap();
    let r = render_query(&ds, "").unwrap();
    assert!(r.spec.contains("y=werkzaam"), "{}", r.spec);
    let json = "{\"schema\":{\"fields\":[{\"name\":\"index\",\"type\":\"integer\"},{\"name\":\"regio\",\"type\":\"string\"},{\"name\":\"werkzaam\",\"type\":\"integer\"}],\"primaryKey\":[\"index\"]},\"data\":[{\"index\":8,\"regio\":\"Achterhoek\",\"werkzaam\":2607},{\"index\":21,\"regio\":\"Twente\",\"werkzaam\":1627},{\"index\":34,\"regio\":\"Zeeland\",\"werkzaam\":900}]}";
    let ds = Dataset::load("t.json", json.as_bytes()).unwrap();
    let r = render_query(&ds, "").unwrap();
    assert!(r.spec.contains("y=werkzaam"), "{}", r.spec);
    // Index figures rise too, but not from row to row over several series: still values.
    let idx = "jaar,reeks,index\n2015,A,100\n2016,A,104\n2015,B,100\n2016,B,98\n";
    let ds = Dataset::load("i.csv", idx.as_bytes()).unwrap();
    let r = render_query(&ds, "").unwrap();
    assert!(r.spec.contains("y=index"), "{}", r.spec);
    // One column per measure and year after R's row names: read as periods.
    let wide = ",regio,personen_2015,personen_2016,werkzaam_2015,werkzaam_2016\n0,Achterhoek,4099,4297,2332,2437\n1,Twente,6000,6300,2500,2900\n2,Zeeland,2000,2100,900,1000\n";
    let ds = Dataset::load("w.csv", wide.as_bytes()).unwrap();
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(notes.contains("Kolom 'kolom_1' (rijnummers"), "{notes}");
    render_query(&ds, "view=ranking&measure=share&year=2016")
        .unwrap_or_else(|e| panic!("{e}\n{notes}"));
}

/// Found by the statistics-software probe: shares kept as fractions (`aandeel` 0.569, as pandas
/// and Stata keep them) were labelled as percentages: "Helmond-De Peel (0,60 %)". They are now
/// read times 100, said; a percentage column, and a share column beyond 1, stay as they are.
#[test]
fn shares_as_fractions_are_read_as_percentages() {
    let csv = "regio,aandeel\nAchterhoek,0.5689\nTwente,0.4512\nZeeland,0.3762\n";
    let ds = Dataset::load("f.csv", csv.as_bytes()).unwrap();
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains("Aandelen als fractie (alle getallen tussen 0 en 1) in 'aandeel': gelezen als percentage, maal 100."),
        "{notes}"
    );
    let r = render_query(&ds, "view=bars&x=regio&y=aandeel").unwrap();
    assert!(r.summary.contains("Achterhoek (56,89 %)"), "{}", r.summary);
    for other in [
        "regio,percentage\nA,0.5\nB,0.25\n",
        "regio,aandeel\nA,0.5\nB,25\n",
        "regio,aandeel\nA,0\nB,1\n",
    ] {
        let ds = Dataset::load("p.csv", other.as_bytes()).unwrap();
        let notes = ds.info_in(Lang::Nl).notes.join(" | ");
        assert!(!notes.contains("als fractie"), "{other}: {notes}");
    }
}

/// Found by the statistics-software probe: pandas' `<NA>` (a nullable integer) refused the file
/// where `NaN` was read as missing; and `NaN` was called "een afgeschermd aantal" (withheld),
/// where it says that a number is missing.
#[test]
fn pandas_missing_words_are_missing_numbers() {
    let csv = "regio,jaar,werkzaam\nA,2015,10\nB,2015,<NA>\nC,2015,12\n";
    let ds = Dataset::load("na.csv", csv.as_bytes()).unwrap();
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains("1 cel met de tekst voor een ontbrekend getal ('<NA>')"),
        "{notes}"
    );
    let csv = "regio,jaar,werkzaam\nA,2015,10\nB,2015,<10\nC,2015,12\n";
    let ds = Dataset::load("s.csv", csv.as_bytes()).unwrap();
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(notes.contains("een afgeschermd aantal ('<10')"), "{notes}");
}

/// pandas' `pivot_table(..., margins=True)` with the years across: an `All` column per measure
/// (`werkzaam All`) stopped the years from being read as rows ("kolom 'year' ontbreekt").
#[test]
fn pandas_margins_per_measure_are_set_aside() {
    let csv = ",personen,personen,personen,werkzaam,werkzaam,werkzaam\nyear,2015,2016,All,2015,2016,All\nregion,,,,,,\nAchterhoek,4099,4297,8396,2332,2437,4769\nTwente,6000,6300,12300,2500,2900,5400\nZeeland,2000,2100,4100,900,1000,1900\n";
    let ds = Dataset::load("m.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains(
            "Kolommen 'personen All', 'werkzaam All' (totalen over de periodes) weggelaten"
        ),
        "{notes}"
    );
    let r = render_query(&ds, "view=ranking&measure=share&year=2016").unwrap();
    assert!(r.summary.contains("Achterhoek"), "{}", r.summary);
}

/// pandas' levels the other way round (`unstack().swaplevel()`: the years over the measures),
/// with the years' level named in the first cell: refused as "'jaar' en 'periode' betekenen
/// allebei 'year'" (the region column was named `jaar`). Read as the header over three rows.
#[test]
fn pandas_years_over_measures_with_the_level_named_above_the_index() {
    let csv = "jaar,2015,2015,2016,2016\n,personen,werkzaam,personen,werkzaam\narbeidsmarktregio,,,,\nAchterhoek,4099,2332,4297,2437\nTwente,6000,2500,6300,2900\nZeeland,2000,900,2100,1000\n";
    let ds = Dataset::load("s.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let notes = ds.info_in(Lang::Nl).notes.join(" | ");
    assert!(
        notes.contains("'jaar' op rij 1 is de naam van een niveau, 'arbeidsmarktregio' op rij 3 de naam van de kolom eronder"),
        "{notes}"
    );
    let r = render_query(&ds, "view=ranking&measure=growth").unwrap();
    assert_eq!(r.table.rows.len(), 3);
}

/// A `;` file whose only numbers with a point are a share's, written with three decimals
/// (pandas' `to_csv(sep=';', float_format='%.3f')`): a `;` file's point groups thousands by
/// convention, so 56.892 % was shown as 56892 % ("Hoogste aandeel werkend: 59.976 %"). A share
/// is never 1000 % or more: its point is a decimal one. A count column beside it keeps its
/// thousands.
#[test]
fn a_share_with_three_decimals_in_a_semicolon_file_keeps_its_decimal_point() {
    let only =
        "regio;aandeel_werkend\nAchterhoek;56.892\nTwente;45.100\nDrenthe;50.000\nFlevoland;7\n";
    let ds = Dataset::load("s.csv", only.as_bytes()).unwrap();
    let c = ds.table.column("aandeel_werkend").unwrap();
    let got: Vec<Option<f64>> = (0..c.len()).map(|i| c.number(i)).collect();
    assert_eq!(got, [Some(56.892), Some(45.1), Some(50.0), Some(7.0)]);
    let info = ds.info_in(Lang::Nl);
    assert_eq!(info.detected.decimal.as_deref(), Some("."));
    assert!(
        info.notes
            .iter()
            .any(|n| n.contains("'aandeel_werkend'") && n.contains("decimaalpunt")),
        "{:?}",
        info.notes
    );

    let both = "regio;werkzaam;aandeel_werkend\nAchterhoek;4.099;56.892\nTwente;987;45.100\n";
    let ds = Dataset::load("s.csv", both.as_bytes()).unwrap();
    let w = ds.table.column("werkzaam").unwrap();
    let a = ds.table.column("aandeel_werkend").unwrap();
    assert_eq!((w.number(0), w.number(1)), (Some(4099.0), Some(987.0)));
    assert_eq!((a.number(0), a.number(1)), (Some(56.892), Some(45.1)));
    // A column not named as a share is read as the file's convention says.
    let counts = "regio;werkzaam\nAchterhoek;4.099\nTwente;12.345\n";
    let ds = Dataset::load("s.csv", counts.as_bytes()).unwrap();
    assert_eq!(ds.table.column("werkzaam").unwrap().number(0), Some(4099.0));
}

/// Two CBS downloads appended, each numbering its rows in `ID` from 0. The `ID` was taken for
/// a dimension the rows differ in, so a year in both downloads was summed (national working
/// persons 2016 doubled) and a year in one only was said to lack rows ("'0' (Achterhoek,
/// 2016)"). It is row numbers: a year in both is one stand given twice (refused, at its row),
/// and downloads of different years read as one file.
#[test]
fn ids_of_two_appended_downloads_are_row_numbers() {
    let head = "ID;RegioS;Perioden;PersonenDoelgroepregister;WerkzamePersonen\n";
    let rows = |years: &[(u32, u32)], regions: &[(&str, u32)]| {
        let mut out = String::new();
        let mut id = 0;
        for &(year, step) in years {
            for &(r, base) in regions {
                out.push_str(&format!(
                    "{id};{r};{year}JJ00;{};{}\n",
                    2 * (base + step),
                    base + step
                ));
                id += 1;
            }
        }
        out
    };
    let regions = [("AM09", 10), ("AM14", 20)];
    let first = rows(&[(2015, 0), (2016, 1)], &regions);
    let apart = format!("{head}{first}{}", rows(&[(2017, 2)], &regions));
    let ds = Dataset::load("cbs.csv", apart.as_bytes()).unwrap();
    let r = ds.regional.as_ref().expect("read as regional data");
    let y = |s: &str| Period::parse(s).unwrap();
    assert_eq!(
        r.get("Achterhoek", y("2016"), Count::WorkersTotal),
        Some(11.0)
    );
    assert_eq!(
        r.get("Amersfoort", y("2017"), Count::WorkersTotal),
        Some(22.0)
    );
    let notes = all_notes(&ds, "view=trend&measure=workers");
    assert!(
        notes.contains("'ID'") && notes.contains("rijnummers"),
        "{notes}"
    );
    assert!(!notes.contains("ontbreken"), "{notes}");

    let overlap = format!("{head}{first}{}", rows(&[(2016, 1), (2017, 2)], &regions));
    let e = Dataset::load("cbs.csv", overlap.as_bytes())
        .and_then(|ds| render_query(&ds, "view=trend&measure=workers").map(|_| ()))
        .expect_err("a year given twice is refused");
    let said = e.to_string();
    assert!(
        said.contains("2016") && said.contains("twee keer"),
        "{said}"
    );
}

/// Areas of another division beside the labour-market regions, as CBS and UWV tables put them:
/// subtotals over some regions (`Totaal Noord-Nederland`), provinces and parts of the country
/// by code (`PV20`, `LD01`) or label (`Groningen (PV)`). The last `Totaal ...` was taken as the
/// national row (a share of 55.0 % for 49.8 %), and provinces were regions (39 of them, three
/// provinces counted twice in the national value). They are set aside, named; a file of
/// municipalities only is refused, saying what is needed.
#[test]
fn areas_of_another_division_are_set_aside() {
    let body = |extra: &[(&str, u32)]| {
        let mut csv = String::from("regio;jaar;personen;werkzaam\n");
        for year in [2015, 2016] {
            let d = year - 2015;
            for (r, n) in [("Groningen", 10), ("Friesland", 20), ("Drenthe", 30)] {
                csv.push_str(&format!("{r};{year};{};{}\n", 2 * (n + d), n + d));
            }
            for (r, n) in extra {
                csv.push_str(&format!("{r};{year};{};{}\n", 2 * (n + d), n + d));
            }
        }
        csv
    };
    let y = |s: &str| Period::parse(s).unwrap();
    for (extra, said) in [
        (
            &[
                ("Totaal Noord-Nederland", 60),
                ("Totaal Oost-Nederland", 500),
            ][..],
            "'Totaal Oost-Nederland' (deeltotaal)",
        ),
        (&[("PV20", 10), ("LD01", 60)][..], "'PV20' (provincie)"),
        (
            &[("Groningen (PV)", 10), ("Noord-Holland", 99)][..],
            "'Groningen (PV)' (provincie)",
        ),
    ] {
        let ds = Dataset::load("a.csv", body(extra).as_bytes()).unwrap();
        let r = ds.regional.as_ref().expect("read as regional data");
        assert_eq!(
            r.regions,
            ["Drenthe", "Friesland", "Groningen"],
            "{extra:?}"
        );
        // National: the sum of the three regions, 60 working persons in 2015.
        assert_eq!(
            r.national(y("2015"), Count::WorkersTotal),
            Some(60.0),
            "{extra:?}"
        );
        let notes = all_notes(&ds, "view=trend&measure=workers");
        assert!(
            notes.contains(said) && notes.contains("andere indeling"),
            "{notes}"
        );
    }
    // Municipalities only: no region to sum them to.
    let gm = "RegioS;Perioden;personen;werkzaam\nGM0019;2015;20;10\nGM0020;2015;40;20\n";
    let e = Dataset::load("gm.csv", gm.as_bytes())
        .and_then(|ds| render_query(&ds, "view=ranking&measure=share").map(|_| ()))
        .expect_err("municipalities only");
    let said = e.to_string();
    assert!(
        said.contains("'GM0019' (gemeente)") && said.contains("arbeidsmarktregio van elke rij"),
        "{said}"
    );
}

/// A provisional year marked in a header over two rows (`2017*` over its block of columns, as
/// UWV and CBS mark provisional figures): the row of years was taken for a title and the file
/// refused as two columns that mean the same. It is read as the year's block, said provisional.
#[test]
fn a_provisional_year_over_its_block_of_columns() {
    let mut csv = String::from(
        "Werkzame personen per arbeidsmarktregio\n;2015;;2016;;2017*;\nArbeidsmarktregio;Doelgroepregister;Werkzaam;Doelgroepregister;Werkzaam;Doelgroepregister;Werkzaam\n",
    );
    for (r, n) in [("Achterhoek", 10), ("Twente", 20), ("Drenthe", 30)] {
        csv.push_str(&format!(
            "{r};{};{n};{};{};{};{}\n",
            2 * n,
            2 * n + 2,
            n + 1,
            2 * n + 4,
            n + 2
        ));
    }
    csv.push_str("* voorlopige cijfers\n");
    let ds = Dataset::load("uwv.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let r = ds.regional.as_ref().expect("read as regional data");
    let y = |s: &str| Period::parse(s).unwrap();
    assert_eq!(r.get("Twente", y("2017"), Count::WorkersTotal), Some(22.0));
    assert_eq!(r.national(y("2017"), Count::WorkersTotal), Some(66.0));
    let notes = all_notes(&ds, "view=trend&measure=workers");
    assert!(notes.contains("2017*"), "{notes}");
}

/// A JSON file that is one page of a paged OData answer (`odata.nextLink`, as CBS's API gives
/// 10,000 rows a page) was read as the whole table without a word.
#[test]
fn one_page_of_an_odata_answer_is_said() {
    let mut json = String::from(r#"{"odata.metadata":"x","value":["#);
    for (k, (r, n)) in [("Achterhoek", 10), ("Twente", 20), ("Drenthe", 30)]
        .iter()
        .enumerate()
    {
        if k > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            r#"{{"RegioS":"{r}","Perioden":"2015JJ00","Personen":{},"Werkzaam":{n}}}"#,
            2 * n
        ));
    }
    let whole = format!("{json}]}}");
    let page = format!(r#"{json}],"odata.nextLink":"https://opendata.cbs.nl/x?$skip=3"}}"#);
    let notes = |text: &str| {
        let ds = Dataset::load("cbs.json", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        ds.info_in(Lang::Nl).notes.join(" | ")
    };
    assert!(!notes(&whole).contains("odata.nextLink"));
    let said = notes(&page);
    assert!(
        said.contains("één pagina") && said.contains("ontbreken"),
        "{said}"
    );
}

/// pandas' header of a table whose index has no name (`Series.to_csv()`: `,aantal`; a
/// MultiIndex: `,,,0`) fills one cell of two: it was skipped as a title and the first data row
/// taken for the header, so Achterhoek was lost. It is the header, the index's columns named by
/// their place.
#[test]
fn pandas_header_over_an_unnamed_index_keeps_the_first_row() {
    for (csv, columns, rows) in [
        (
            ",aantal\nAchterhoek,2607\nAmersfoort,1627\nTwente,3000\n",
            &["kolom_1", "aantal"][..],
            3,
        ),
        (
            ",,0\nAchterhoek,2015,2332\nAchterhoek,2016,2437\nTwente,2015,3000\n",
            &["kolom_1", "kolom_2", "0"][..],
            3,
        ),
    ] {
        let ds = Dataset::load("s.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<&str> = ds.table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, columns, "{csv}");
        assert_eq!(ds.table.len(), rows, "{csv}");
        assert_eq!(ds.table.detected.header_row, 1, "{csv}");
    }
    // A title above a table is still a title (a sentence, in the first column or not).
    let titled = ",Werkzame personen per arbeidsmarktregio in 2015\nregio,aantal\nAchterhoek,2607\nTwente,3000\n";
    let ds = Dataset::load("t.csv", titled.as_bytes()).unwrap();
    assert_eq!(ds.table.detected.header_row, 2);
    assert_eq!(ds.table.len(), 2);
}

/// A CBS download of years and quarters (`2015JJ00` beside `2015KW01` ... `2015KW04`), as one
/// file or two appended: the year was read as the stand of its fourth quarter and then refused as
/// that stand given twice (before the `ID` mend, summed with it). The quarters are read, the
/// years beside them set aside and said (a year's figure may be an average: here it differs);
/// a year given alone, for a region without quarters, is still read as its end.
#[test]
fn years_beside_their_quarters_give_way_to_the_quarters() {
    let mut csv = String::from("ID;RegioS;Perioden;Personen;Werkzaam\n");
    let mut id = 0;
    for (region, base) in [("Achterhoek", 10), ("Twente", 20)] {
        for year in [2015, 2016] {
            for q in 1..=4 {
                let n = base + q + (year - 2015) * 4;
                csv.push_str(&format!("{id};{region};{year}KW0{q};{};{n}\n", 2 * n));
                id += 1;
            }
            // The year's average, not its end.
            let avg = base + (year - 2015) * 4 + 2;
            csv.push_str(&format!("{id};{region};{year}JJ00;{};{avg}\n", 2 * avg));
            id += 1;
        }
    }
    // A region given by years only.
    for (year, n) in [(2015, 50), (2016, 60)] {
        csv.push_str(&format!("{id};Drenthe;{year}JJ00;{};{n}\n", 2 * n));
        id += 1;
    }
    let ds = Dataset::load("cbs.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let r = ds.regional.as_ref().expect("read as regional data");
    let q4 = Period::parse("2016K4").unwrap();
    // Achterhoek at the end of 2016: its fourth quarter, 10 + 4 + 4 (the year's figure is 16).
    assert_eq!(r.get("Achterhoek", q4, Count::WorkersTotal), Some(18.0));
    assert_eq!(r.get("Drenthe", q4, Count::WorkersTotal), Some(60.0));
    let notes = all_notes(&ds, "view=trend&measure=workers");
    assert!(
        notes.contains("4 rij(en) van een grovere periode niet gebruikt")
            && notes.contains("'2015JJ00' naast '2015KW04'"),
        "{notes}"
    );
    assert!(
        notes.contains("'2015JJ00' als 2015 K4 (Drenthe; 2 rij(en)"),
        "{notes}"
    );
}
