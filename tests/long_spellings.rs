//! How analysts spell the identification values of a long regional file (one row per region,
//! year and doelgroep): subgroups, regions and periods written many ways, the subgroup column
//! under other names, the columns in another order, the `Totaal` rows left out. Each variant
//! that is read gives exactly the wide file's numbers in every regional view; each that cannot
//! be read is an error naming its row and column.

use banenverkenner::render::{render_query, Dataset};
use serde_json::Value;

mod common;
use common::{wide, LONG};

/// The regional views, over the four scatter subgroups and the other kinds.
const VIEWS: &[&str] = &[
    "view=scatter&subgroup=total&from=2015&to=2017",
    "view=scatter&subgroup=wajong&from=2015&to=2017",
    "view=scatter&subgroup=wsw&from=2015&to=2017",
    "view=scatter&subgroup=participatiewet&from=2015&to=2017",
    "view=ranking&measure=growth&subgroup=participatiewet&from=2016&to=2017",
    "view=ranking&measure=register_share&subgroup=praktijkroute&year=2017",
    "view=ranking&measure=share&subgroup=pw_other&year=2017",
    "view=map&measure=growth&subgroup=total&from=2015&to=2017",
    "view=trend&measure=workers",
    "view=convergence&subgroup=wajong",
    "view=decomposition&from=2016&to=2017",
];

/// The long file's rows as cells (region, year, doelgroep, register, workers).
fn rows() -> Vec<Vec<String>> {
    LONG.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// A CSV of a header and rows (cells with a comma or quote quoted).
fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let cell = |c: &str| {
        if c.contains([',', '"']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let mut out = header.join(",") + "\n";
    for r in rows {
        out.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

const HEADER: [&str; 5] = [
    "arbeidsmarktregio",
    "jaar",
    "doelgroep",
    "personen_doelgroepregister",
    "werkzame_personen",
];

/// The long file with column `j` rewritten by `f(value, row)`.
fn rewritten(j: usize, f: impl Fn(&str, &[String]) -> String) -> String {
    let rows: Vec<Vec<String>> = rows()
        .into_iter()
        .map(|mut r| {
            r[j] = f(&r[j], &r);
            r
        })
        .collect();
    csv(&HEADER, &rows)
}

/// The labour-market region code of a region in a year (the division of that year).
fn code(region: &str, year: i32) -> Option<u32> {
    let names = [
        "Groningen",
        "Friesland",
        "Drenthe",
        "IJsselvechtstreek (Regio Zwolle)",
        "Twente",
        "Stedendriehoek en Noordwest-Veluwe",
        "Midden-Gelderland",
        "Rijk van Nijmegen",
        "Achterhoek",
        "Rivierenland",
        "Flevoland",
        "Gooi en Vechtstreek",
        "Midden-Utrecht",
        "Amersfoort",
        "Noord-Holland Noord",
        "Zuid-Kennemerland en IJmond",
        "Zaanstreek/Waterland",
        "Groot Amsterdam",
        "Holland Rijnland",
        "Midden-Holland",
        "Haaglanden",
        "Rijnmond",
        "Drechtsteden",
        "Zeeland",
        "West-Brabant",
        "Midden-Brabant",
        "Noordoost-Brabant",
        "Zuidoost-Brabant",
        "Noord-Limburg",
        "Zuid-Limburg",
        "Food Valley",
        "Helmond-De Peel",
        "Midden-Limburg",
        "Zuid-Holland Centraal",
        "Gorinchem",
    ];
    let n = names.iter().position(|n| *n == region)? as u32 + 1;
    Some(match (n, year) {
        (4, 2016..) => 36,
        (16, 2016..) => 37,
        (31, 2017..) => 38,
        _ => n,
    })
}

/// A region's name folded for comparing spellings: lower case, letters and digits only,
/// without a lead `Arbeidsmarktregio` or `Regio`, and a renamed region under one name.
fn fold_region(s: &str) -> String {
    let mut f: String = s
        .replace('&', "en")
        .replace('â', "a")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    for alias in [
        ["ijsselvechtstreekregiozwolle", "ijsselvechtstreek"],
        ["regiozwolle", "ijsselvechtstreek"],
        ["zuidkennemerlandenijmond", "zuidkennemerland"],
        ["fryslan", "friesland"],
        ["regionijmegen", "rijkvannijmegen"],
        ["helmonddepeel", "helmond"],
    ] {
        if f == alias[0] {
            return alias[1].to_string();
        }
    }
    // The kind of region written after the name (`Achterhoek (AMR)`).
    if let Some(rest) = f.strip_suffix("amr") {
        return fold_region(rest);
    }
    for lead in ["arbeidsmarktregio", "regio"] {
        if let Some(rest) = f.strip_prefix(lead) {
            f = rest.to_string();
            return fold_region(&f);
        }
    }
    f
}

/// A view's numbers without what names the periods (a quarterly file's `2015K4` is the year's
/// end) and, with `regions_as_written`, with region names folded (a file that writes `REGIO
/// TWENTE` shows that name).
fn numbers(v: &Value, regions_as_written: bool) -> Value {
    const PERIODS: [&str; 5] = ["from", "to", "year", "years", "spec"];
    const NAMES: [&str; 5] = ["region", "regions", "max_region", "min_region", "outliers"];
    fn walk(v: &Value, key: &str, fold: bool) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(k, _)| {
                        !PERIODS.contains(&k.as_str())
                            && !k.ends_with("label")
                            && !k.ends_with("name")
                    })
                    .map(|(k, v)| (k.clone(), walk(v, k, fold)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(|v| walk(v, key, fold)).collect()),
            Value::String(s) if fold && NAMES.contains(&key) => Value::String(fold_region(s)),
            v => v.clone(),
        }
    }
    walk(v, "", regions_as_written)
}

/// Asserts that `text` read as a file gives the wide file's numbers in every view (with the
/// periods asked for written by `period`), and returns its notes.
fn same_numbers_as(
    wide: &Dataset,
    name: &str,
    text: &str,
    period: impl Fn(&str) -> String,
    regions_as_written: bool,
) -> Vec<String> {
    let ds = Dataset::load(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let r = ds
        .regional
        .as_ref()
        .unwrap_or_else(|| panic!("{name}: {:?}", ds.regional_error));
    assert_eq!(r.regions.len(), 35, "{name}: {:?}", r.regions);
    for q in VIEWS {
        let asked = q
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k @ ("from" | "to" | "year"), v)) => format!("{k}={}", period(v)),
                _ => kv.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&");
        let a = render_query(wide, q).unwrap_or_else(|e| panic!("wide {q}: {e}"));
        let b = render_query(&ds, &asked).unwrap_or_else(|e| panic!("{name} {asked}: {e}"));
        assert!(b.changes.is_empty(), "{name} {asked}: {:?}", b.changes);
        assert_eq!(
            numbers(&a.data, regions_as_written),
            numbers(&b.data, regions_as_written),
            "{name} {asked}"
        );
    }
    r.notes.clone()
}

fn year(v: &str) -> String {
    v.to_string()
}

#[test]
fn subgroups_written_other_ways_give_the_wide_numbers_and_are_said() {
    let wide = wide();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("wajong-ers", &[("Wajong", "Wajong-ers")]),
        ("wajongers", &[("Wajong", "Wajongers")]),
        ("wsw-ers", &[("WSW", "WSW'ers")]),
        ("wsw-geindiceerden", &[("WSW", "Wsw-geïndiceerden")]),
        ("sw", &[("WSW", "SW")]),
        (
            "sociale-werkvoorziening",
            &[("WSW", "Sociale werkvoorziening")],
        ),
        (
            "pw-totaal",
            &[("Participatiewet", "Participatiewet (totaal)")],
        ),
        ("p-wet", &[("Participatiewet", "P-wet")]),
        ("pw", &[("Participatiewet", "Pw")]),
        (
            "pw-praktijkroute",
            &[("Praktijkroute", "Participatiewet praktijkroute")],
        ),
        (
            "praktijkroute-pwet",
            &[("Praktijkroute", "Praktijkroute (P-wet)")],
        ),
        (
            "banenafspraak-totaal",
            &[("Totaal", "Banenafspraak totaal")],
        ),
        ("alle-doelgroepen", &[("Totaal", "Alle doelgroepen")]),
        ("doelgroep-totaal", &[("Totaal", "Doelgroep totaal")]),
        (
            "totaal-banenafspraak",
            &[("Totaal", "Totaal banenafspraak")],
        ),
        (
            "wsw-totaal",
            &[("WSW", "Wsw totaal"), ("Wajong", "Wajong totaal")],
        ),
        ("footnotes", &[("WSW", "WSW (1)"), ("Wajong", "Wajong¹")]),
        (
            "codes",
            &[
                ("Totaal", "00 Totaal"),
                ("Wajong", "01 Wajong"),
                ("WSW", "02 WSW"),
                ("Participatiewet", "03 Participatiewet"),
                ("Praktijkroute", "03a Praktijkroute"),
            ],
        ),
        (
            "codes-dash",
            &[
                ("Totaal", "0 - Totaal"),
                ("Wajong", "1 - Wajong"),
                ("WSW", "2. WSW"),
                ("Participatiewet", "3: Participatiewet"),
            ],
        ),
    ];
    for (name, map) in cases {
        let text = rewritten(2, |v, _| {
            map.iter()
                .find(|(a, _)| *a == v)
                .map_or(v.to_string(), |(_, b)| b.to_string())
        });
        let notes = same_numbers_as(&wide, name, &text, year, false);
        // A spelling other than the group's name (not only its case) is said.
        for (_, b) in map.iter() {
            assert!(
                notes.iter().any(|n| n.contains(&format!("'{b}' ="))),
                "{name}: {b} not said: {notes:?}"
            );
        }
    }
    for (name, f) in [
        ("upper", str::to_uppercase as fn(&str) -> String),
        ("lower", str::to_lowercase),
        ("spaces", |v: &str| format!("  {v} ")),
    ] {
        same_numbers_as(&wide, name, &rewritten(2, |v, _| f(v)), year, false);
    }
}

#[test]
fn participatiewet_overig_instead_of_praktijkroute_gives_praktijkroute_by_difference() {
    let wide = wide();
    let all = rows();
    let pw = |r: &[String]| {
        all.iter()
            .find(|p| p[0] == r[0] && p[1] == r[1] && p[2] == "Participatiewet")
            .unwrap()
            .clone()
    };
    let minus =
        |a: &str, b: &str| (a.parse::<i64>().unwrap() - b.parse::<i64>().unwrap()).to_string();
    let other: Vec<Vec<String>> = all
        .iter()
        .map(|r| {
            if r[2] != "Praktijkroute" {
                return r.clone();
            }
            let p = pw(r);
            vec![
                r[0].clone(),
                r[1].clone(),
                "Participatiewet overig".to_string(),
                minus(&p[3], &r[3]),
                minus(&p[4], &r[4]),
            ]
        })
        .collect();
    let notes = same_numbers_as(&wide, "overig", &csv(&HEADER, &other), year, false);
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Praktijkroute berekend als Participatiewet min")),
        "{notes:?}"
    );
}

#[test]
fn regions_written_with_codes_and_other_spellings_give_the_wide_numbers() {
    let wide = wide();
    type Spell = fn(&str, i32) -> String;
    type Rewrite = Box<dyn Fn(&str, &[String]) -> String>;
    let with_code = |f: fn(&str, u32) -> String| -> Rewrite {
        Box::new(
            move |v: &str, r: &[String]| match code(v, r[1].parse().unwrap()) {
                Some(n) => f(v, n),
                None => v.to_string(),
            },
        )
    };
    // Read as the regions of the codes, under the published names: numbers and names the same.
    for (name, f) in [
        (
            "AM09",
            (|_, n| format!("AM{n:02}")) as fn(&str, u32) -> String,
        ),
        ("AMR09", |_, n| format!("AMR{n:02}")),
        ("AM 09", |_, n| format!("AM {n:02}")),
        ("9", |_, n| n.to_string()),
        ("AM09 Achterhoek", |v, n| format!("AM{n:02} {v}")),
        ("AM09 - Achterhoek", |v, n| format!("AM{n:02} - {v}")),
        ("Achterhoek (AM09)", |v, n| format!("{v} (AM{n:02})")),
        ("Achterhoek [AM09]", |v, n| format!("{v} [AM{n:02}]")),
        ("AM09-Achterhoek", |v, n| format!("AM{n:02}-{v}")),
    ] {
        let notes = same_numbers_as(&wide, name, &rewritten(0, with_code(f)), year, false);
        if name.contains("Achterhoek") {
            assert!(
                notes
                    .iter()
                    .any(|n| n.starts_with("Regio's met hun code gelezen")),
                "{name}: {notes:?}"
            );
        }
    }
    // Names as the user wrote them: the same numbers, the names shown as written.
    let renamed: Spell = |v, y| match (v, y) {
        ("IJsselvechtstreek (Regio Zwolle)", 2015) => "IJsselvechtstreek".into(),
        ("IJsselvechtstreek (Regio Zwolle)", _) => "Regio Zwolle".into(),
        ("Zuid-Kennemerland en IJmond", 2015) => "Zuid-Kennemerland".into(),
        ("Zuid-Kennemerland en IJmond", _) => "Zuid-Kennemerland & IJmond".into(),
        ("Friesland", 2015) => "Fryslân".into(),
        ("Food Valley", 2017) => "FoodValley".into(),
        ("Helmond-De Peel", 2017) => "Helmond - De Peel".into(),
        ("Rijk van Nijmegen", 2017) => "Regio Nijmegen".into(),
        ("Zaanstreek/Waterland", 2017) => "Zaanstreek-Waterland".into(),
        _ => v.into(),
    };
    for (name, f) in [
        ("official names by year", renamed),
        ("arbeidsmarktregio", |v: &str, _| {
            if v == "Landelijk" {
                v.into()
            } else {
                format!("Arbeidsmarktregio {v}")
            }
        }),
        ("upper", |v: &str, _| v.to_uppercase()),
        ("lower", |v: &str, _| v.to_lowercase()),
        // As a CBS-style table writes every row, the national one too: `Landelijk (AMR)`.
        ("kind after every name", |v: &str, _| format!("{v} (AMR)")),
        ("no hyphens", |v: &str, _| v.replace('-', " ")),
        ("spaces", |v: &str, _| format!(" {v}  ")),
        ("code in 2016", |v: &str, y| match (y, code(v, y)) {
            (2016, Some(n)) => format!("AM{n:02}"),
            _ => v.into(),
        }),
    ] {
        let text = rewritten(0, |v, r| f(v, r[1].parse().unwrap()));
        same_numbers_as(&wide, name, &text, year, true);
    }
    // The national row under its other names.
    for nat in [
        "Nederland",
        "Totaal",
        "Landelijk totaal",
        "NL",
        "Totaal Nederland",
    ] {
        let text = rewritten(0, |v, _| {
            if v == "Landelijk" {
                nat.into()
            } else {
                v.into()
            }
        });
        let ds = Dataset::load(nat, text.as_bytes()).unwrap();
        assert!(ds.regional.as_ref().unwrap().national_from_file, "{nat}");
        same_numbers_as(&wide, nat, &text, year, false);
    }
}

#[test]
fn periods_written_other_ways_are_the_year_end_asked_as_the_year_or_in_their_grain() {
    let wide = wide();
    type Spell = fn(&str) -> String;
    let quarter: Spell = |y| format!("{y}K4");
    let month: Spell = |y| format!("{y}M12");
    let date: Spell = |y| format!("{y}-12-31");
    let cases: [(Spell, Option<Spell>); 22] = [
        (|y| format!("{y}-12-31"), Some(date)),
        (|y| format!("31-12-{y}"), Some(date)),
        (|y| format!("31 december {y}"), Some(date)),
        (|y| format!("dec {y}"), Some(month)),
        (|y| format!("december {y}"), Some(month)),
        (|y| format!("{y}Q4"), Some(quarter)),
        (|y| format!("Q4 {y}"), Some(quarter)),
        (|y| format!("{y} Q4"), Some(quarter)),
        (|y| format!("{y}-Q4"), Some(quarter)),
        (|y| format!("4e kwartaal {y}"), Some(quarter)),
        (|y| format!("{y} 4e kwartaal"), Some(quarter)),
        (|y| format!("{y}K4"), Some(quarter)),
        (|y| format!("{y}KW04"), Some(quarter)),
        (|y| format!("{y}-12"), Some(month)),
        (|y| format!("{y}M12"), Some(month)),
        (|y| format!("{y}*"), None),
        (
            |y| {
                if y == "2017" {
                    "2017 (voorlopig)".into()
                } else {
                    y.into()
                }
            },
            None,
        ),
        (|y| format!("ultimo {y}"), None),
        (|y| format!("eind {y}"), None),
        (|y| format!("kwartaal 4 {y}"), Some(quarter)),
        (|y| format!("{y} (Q4)"), Some(quarter)),
        (|y| format!("{y} (jaar)"), None),
    ];
    for (spell, grain) in cases {
        let text = rewritten(1, |v, _| spell(v));
        let name = spell("2015");
        // As the year (the stand at its end) ...
        same_numbers_as(&wide, &name, &text, year, false);
        // ... and in the file's own grain.
        if let Some(g) = grain {
            same_numbers_as(&wide, &name, &text, g, false);
        }
    }
}

#[test]
fn the_subgroup_column_under_other_names_in_any_order_and_without_totaal_rows() {
    let wide = wide();
    for header in [
        "regeling",
        "deelgroep",
        "Doelgroep banenafspraak",
        "Groep",
        "subgroep",
    ] {
        let mut h = HEADER;
        h[2] = header;
        same_numbers_as(&wide, header, &csv(&h, &rows()), year, false);
    }
    // The columns in another order.
    let order = [2, 4, 1, 3, 0];
    let h: Vec<&str> = order.iter().map(|&j| HEADER[j]).collect();
    let moved: Vec<Vec<String>> = rows()
        .iter()
        .map(|r| order.iter().map(|&j| r[j].clone()).collect())
        .collect();
    same_numbers_as(&wide, "order", &csv(&h, &moved), year, false);
    // Without the `Totaal` rows, with and without the national rows: the totals are the sums of
    // Wajong, WSW and Participatiewet (never Praktijkroute), the nation the sum of the regions.
    for national in [true, false] {
        let kept: Vec<Vec<String>> = rows()
            .into_iter()
            .filter(|r| r[2] != "Totaal" && (national || r[0] != "Landelijk"))
            .collect();
        let notes = same_numbers_as(&wide, "no totaal", &csv(&HEADER, &kept), year, false);
        assert!(
            notes.iter().any(|n| n.starts_with("Totaal berekend als")),
            "{notes:?}"
        );
    }
}

/// The error reading `text` as regional data, which must name `row` and `column`.
fn refused(text: &str, row: usize, column: &str, says: &str) {
    // The file is refused as a whole, or read with the regional views refused.
    let e = match Dataset::load("bad.csv", text.as_bytes()) {
        Err(e) => e,
        Ok(ds) => {
            assert!(render_query(&ds, VIEWS[0]).is_err(), "drawn: {says}");
            ds.regional_error.unwrap_or_else(|| panic!("read: {says}"))
        }
    };
    let at = e.location.as_ref().expect("a location");
    assert_eq!(at.row, Some(row as u32), "{e:?}");
    assert_eq!(at.column.as_deref(), Some(column), "{e:?}");
    assert!(e.message.contains(says), "{}", e.message);
    assert!(e.message_en.is_some(), "{e:?}");
}

#[test]
fn values_that_cannot_be_read_are_errors_at_their_cell() {
    // (File row 11 is data row 10, index 9.)
    let at = |j: usize, value: &'static str| {
        let mut r = rows();
        r[9][j] = value.to_string();
        csv(&HEADER, &r)
    };
    refused(
        &at(0, "AM77"),
        11,
        "arbeidsmarktregio",
        "'AM77' is de code van geen",
    );
    refused(
        &at(0, "AMR 40"),
        11,
        "arbeidsmarktregio",
        "'AMR 40' is de code van geen",
    );
    // Row 11 is Achterhoek's: AM05 is Twente.
    refused(
        &at(0, "AM05 Achterhoek"),
        11,
        "arbeidsmarktregio",
        "de code AM05 is die van Twente",
    );
    refused(&at(0, ""), 11, "arbeidsmarktregio", "De regio ontbreekt");
    refused(
        &at(0, "9"),
        11,
        "arbeidsmarktregio",
        "'9' is een getal in een kolom met namen",
    );
    refused(&at(2, ""), 11, "doelgroep", "De doelgroep ontbreekt");
    refused(&at(1, "2016Q5"), 11, "jaar", "'2016Q5' is geen jaartal");
    refused(&at(1, "2016?"), 11, "jaar", "'2016?' is geen jaartal");
    // April or the fourth quarter: not guessed.
    refused(&at(1, "2017-4"), 11, "jaar", "'2017-4' is geen jaartal");
    // The Wsw waiting list is not the WSW group: its rows are named as not used, and a WSW
    // view says it cannot be drawn.
    let text = rewritten(2, |v, _| {
        if v == "WSW" {
            "Wsw-wachtlijst".into()
        } else {
            v.into()
        }
    });
    let ds = Dataset::load("wachtlijst.csv", text.as_bytes()).unwrap();
    let notes = &ds.regional.as_ref().unwrap().notes;
    assert!(
        notes
            .iter()
            .any(|n| n.contains("niet gebruikt") && n.contains("'Wsw-wachtlijst' (108 rijen)")),
        "{notes:?}"
    );
    let r = render_query(&ds, VIEWS[2]).unwrap();
    assert!(r.data["subgroup"] != "wsw", "{:?}", r.data["subgroup"]);
    assert!(!r.changes.is_empty());
    // A region written as a code in one year and by name in another is one region.
    let mut r = rows();
    r[9][0] = "AM09".into();
    let ds = Dataset::load("mixed.csv", csv(&HEADER, &r).as_bytes()).unwrap();
    let reg = ds.regional.as_ref().unwrap();
    assert_eq!(reg.regions.len(), 35);
    assert!(
        reg.notes
            .iter()
            .any(|n| n.contains("'AM09' = 'Achterhoek'")),
        "{:?}",
        reg.notes
    );
}

/// A region written one letter off in some rows (`Achterhoekk` in 2016) becomes a region of its
/// own; the notes say so with the region meant, in both languages. The published file has no
/// such note.
#[test]
fn a_misspelt_region_is_said_with_the_one_meant() {
    let typo = LONG.replace("\nAchterhoek,2016,", "\nAchterhoekk,2016,");
    assert_ne!(typo, LONG);
    let ds = Dataset::load("typo.csv", typo.as_bytes()).unwrap();
    let r = ds.regional.as_ref().unwrap();
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("wel bijna: 'Achterhoekk' (bedoeld 'Achterhoek'?)")),
        "{:?}",
        r.notes
    );
    assert!(
        r.notes_en
            .iter()
            .any(|n| n.contains("but nearly: 'Achterhoekk' (meant 'Achterhoek'?)")),
        "{:?}",
        r.notes_en
    );
    let ds = Dataset::load("long.csv", LONG.as_bytes()).unwrap();
    let r = ds.regional.as_ref().unwrap();
    assert!(
        !r.notes.iter().any(|n| n.contains("bijna")),
        "{:?}",
        r.notes
    );
}
