//! What the notes of earlier sessions left: each file or view with its answer worked out by
//! hand.

use banenverkenner::compute::regional::Count;
use banenverkenner::format::Lang;
use banenverkenner::render::{render_query, Dataset};
use banenverkenner::spec::Period;

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
    let mut csv = format!("categorie,jaar,{y}\n");
    for (g, n) in [("Wajong", 20), ("WSW", 10)] {
        for year in [2019, 2020] {
            csv.push_str(&format!("\"{long} ({g})\",{year},{n}\n"));
        }
    }
    let ds = Dataset::load("lang.csv", csv.as_bytes()).unwrap();
    let y = y.replace(' ', "%20");
    for q in [
        format!("view=bars&x=categorie&y={y}&filter=jaar:2020"),
        format!("view=line&x=jaar&y={y}&series=categorie"),
        format!("view=stacked&x=categorie&y={y}&series=jaar"),
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
