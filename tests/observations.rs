//! Files as CBS and analysts write them give exactly the numbers of the long file
//! (`tests/fixtures/regions_long.csv`): CBS's OData v4 observations (one row per measure in
//! `Measure`, its number in `Value`, CSV and the JSON answer), with measures written as titles,
//! as codes (mapped by the user) or withheld by their `ValueAttribute`; and regions given by
//! their number (`9` for Achterhoek, `36` for Regio Zwolle from 2016) instead of their name.

use banenverkenner::render::{render_query, Dataset, Rendered};
use banenverkenner::Error;
use serde_json::Value;

const LONG: &str = include_str!("fixtures/regions_long.csv");

const VIEWS: &[&str] = &[
    "view=scatter",
    "view=scatter&subgroup=wajong",
    "view=scatter&subgroup=wsw&x=register_share",
    "view=scatter&subgroup=participatiewet&from=2016&to=2017",
    "view=ranking",
    "view=ranking&subgroup=praktijkroute&from=2016&to=2017",
    "view=ranking&measure=share&year=2017",
    "view=ranking&measure=register_share&subgroup=praktijkroute",
    "view=decomposition",
    "view=trend",
    "view=trend&measure=register",
    "view=convergence",
    "view=convergence&subgroup=wajong",
    "view=basics",
    "view=profile&region=Twente",
    "view=compare&regions=Twente,Achterhoek",
    "view=map",
    "view=report",
];

fn load(name: &str, bytes: &[u8]) -> Dataset {
    let ds = Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        ds.regional.is_some(),
        "{name} is not read as regional data: {:?}",
        ds.regional_error
    );
    ds
}

/// What a view shows, without the file line (which names the file).
fn shown(r: &Result<Rendered, Error>, file: &str) -> String {
    let v = match r {
        Ok(r) => serde_json::json!({
            "spec": r.spec,
            "title": r.title,
            "subtitle": r.subtitle,
            "summary": r.summary,
            "data": r.data,
            "table": serde_json::to_value(&r.table).unwrap(),
        }),
        Err(e) => serde_json::json!({ "error": e.message }),
    };
    v.to_string().replace(file, "FILE")
}

fn assert_same_views(a: &Dataset, b: &Dataset) {
    let mut drawn = 0;
    for q in VIEWS {
        let (ra, rb) = (render_query(a, q), render_query(b, q));
        drawn += ra.is_ok() as usize;
        let (ja, jb) = (shown(&ra, &a.table.source), shown(&rb, &b.table.source));
        assert!(
            ja == jb,
            "{q}: {} differs from {}:\n{ja}\n{jb}",
            a.table.source,
            b.table.source
        );
    }
    assert_eq!(drawn, VIEWS.len());
}

/// The rows of the long file: region, year, doelgroep, register, working.
fn long_rows() -> Vec<[String; 5]> {
    LONG.lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            std::array::from_fn(|k| c[k].to_string())
        })
        .collect()
}

fn long_with(rows: &[[String; 5]]) -> String {
    let mut out = String::from(
        "arbeidsmarktregio,jaar,doelgroep,personen_doelgroepregister,werkzame_personen\n",
    );
    for r in rows {
        out.push_str(&r.join(","));
        out.push('\n');
    }
    out
}

/// The long file as OData v4 observations, the measures named `register` and `working`; with
/// `withheld` the cells (region, year, doelgroep, measure 3 or 4) given an attribute and a 0.
fn observations(
    register: &str,
    working: &str,
    withheld: &[(&str, &str, &str, usize, &str)],
) -> String {
    let mut out = String::from("Id;Measure;ValueAttribute;Value;RegioS;Perioden;Doelgroep\n");
    let mut id = 0;
    for r in long_rows() {
        for (k, m) in [(3, register), (4, working)] {
            let w = withheld
                .iter()
                .find(|w| w.0 == r[0] && w.1 == r[1] && w.2 == r[2] && w.3 == k);
            let (attribute, value) = match w {
                Some(w) => (w.4, "0"),
                None if r[k].is_empty() => ("Impossible", ""),
                None => ("None", r[k].as_str()),
            };
            out.push_str(&format!(
                "{id};{m};{attribute};{value};{};{}JJ00;{}\n",
                r[0], r[1], r[2]
            ));
            id += 1;
        }
    }
    out
}

/// The observations as the OData v4 JSON answer.
fn observations_json(csv: &str) -> String {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let records: Vec<Value> = lines
        .map(|l| {
            let mut o = serde_json::Map::new();
            for (h, c) in header.iter().zip(l.split(';')) {
                let v = match *h {
                    "Id" | "Value" => c
                        .parse::<f64>()
                        .map_or(Value::Null, |n| serde_json::json!(n as i64)),
                    _ => Value::String(c.to_string()),
                };
                o.insert(h.to_string(), v);
            }
            Value::Object(o)
        })
        .collect();
    serde_json::json!({"@odata.context": "https://datasets.cbs.nl/odata/v1/CBS/x/$metadata#Observations", "value": records}).to_string()
}

#[test]
fn odata_observations_with_measure_titles_give_the_numbers_of_the_long_file() {
    let long = load("regions_long.csv", LONG.as_bytes());
    for (register, working) in [
        ("Personen in doelgroepregister", "Werkzame personen"),
        ("PERSONEN DOELGROEPREGISTER", "werkzame personen (aantal)"),
    ] {
        let csv = observations(register, working, &[]);
        let ds = load("observations.csv", csv.as_bytes());
        assert!(
            ds.table.detected.notes.iter().any(|n| n.starts_with(
                "Waarnemingen van CBS (OData v4): één rij per maat in 'Measure' met het getal in 'Value'"
            )),
            "{:?}",
            ds.table.detected.notes
        );
        assert_same_views(&long, &ds);
        let json = observations_json(&csv);
        let ds = load("observations.json", json.as_bytes());
        assert!(ds
            .table
            .detected
            .notes_en
            .iter()
            .any(|n| n.starts_with("CBS observations (OData v4): one record per measure")));
        assert_same_views(&long, &ds);
    }
}

#[test]
fn odata_measure_codes_are_said_and_read_once_mapped() {
    let csv = observations("M001234", "D000123", &[]);
    let ds = Dataset::load("observations.csv", csv.as_bytes()).unwrap();
    // Not guessed: no regional data until the user says which code is which.
    assert!(ds.regional.is_none());
    assert!(ds
        .table
        .detected
        .notes
        .iter()
        .any(|n| n.starts_with("De maten 'M001234', 'D000123' zijn codes")));
    let mapped = Dataset::with_mapping(
        ds.table,
        &[
            ("M001234", "register_persons_corrected"),
            ("D000123", "workers_total"),
        ],
    )
    .unwrap();
    assert_same_views(&load("regions_long.csv", LONG.as_bytes()), &mapped);
}

#[test]
fn withheld_odata_values_are_missing_never_zero() {
    let withheld = [
        ("Achterhoek", "2015", "Wajong", 4, "Confidential"),
        ("Twente", "2017", "WSW", 3, "Impossible"),
    ];
    let csv = observations(
        "Personen in doelgroepregister",
        "Werkzame personen",
        &withheld,
    );
    let ds = load("observations.csv", csv.as_bytes());
    assert!(
        ds.table.detected.notes.iter().any(|n| n.starts_with(
            "2 waarden met een 'ValueAttribute' anders dan None (Confidential 1, Impossible 1) als ontbrekend gelezen, nooit als 0 (2 met een getal in 'Value', dat niet gebruikt is)"
        )),
        "{:?}",
        ds.table.detected.notes
    );
    // The same as the long file with those cells empty.
    let mut rows = long_rows();
    for r in rows.iter_mut() {
        for w in &withheld {
            if r[0] == w.0 && r[1] == w.1 && r[2] == w.2 {
                r[w.3].clear();
            }
        }
    }
    let blank = long_with(&rows);
    let long = load("regions_long.csv", blank.as_bytes());
    assert_same_views(&long, &ds);
    let wajong = render_query(&ds, "view=scatter&subgroup=wajong").unwrap();
    let data = serde_json::to_value(&wajong.data).unwrap();
    let excluded = data["excluded"].as_array().unwrap();
    assert!(
        excluded.iter().any(|e| e["region"] == "Achterhoek"),
        "{excluded:?}"
    );
}

#[test]
fn an_odata_measure_given_twice_is_an_error_naming_both_rows() {
    let mut csv = observations("Personen in doelgroepregister", "Werkzame personen", &[]);
    csv.push_str("9999;Werkzame personen;None;1;Twente;2016JJ00;WSW\n");
    let e = Dataset::load("observations.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(e.kind, banenverkenner::error::ErrorKind::Duplicate);
    let last = csv.lines().count();
    assert!(
        e.message.contains(&format!("en rij {last} geven allebei 'Werkzame personen' voor RegioS Twente, Perioden 2016JJ00, Doelgroep WSW")),
        "{}",
        e.message
    );
}

/// The official number of each region in `year` (the number of its code).
fn number_of(name: &str, year: u32) -> Option<u32> {
    let n = match name {
        "IJsselvechtstreek (Regio Zwolle)" if year >= 2016 => 36,
        "Zuid-Kennemerland en IJmond" if year >= 2016 => 37,
        "Food Valley" if year >= 2017 => 38,
        _ => banenverkenner::geo::names::CODE_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .and_then(|(c, _)| c[2..].parse().ok())?,
    };
    Some(n)
}

#[test]
fn region_numbers_give_the_numbers_of_the_long_file() {
    let long = load("regions_long.csv", LONG.as_bytes());
    for (header, padded) in [("arbeidsmarktregio_nr", false), ("Regio", true)] {
        let mut out =
            format!("{header};jaar;doelgroep;personen_doelgroepregister;werkzame_personen\n");
        for r in long_rows() {
            let region = match number_of(&r[0], r[1].parse().unwrap()) {
                Some(n) if padded => format!("{n:02}"),
                Some(n) => n.to_string(),
                None => {
                    assert_eq!(r[0], "Landelijk");
                    r[0].clone()
                }
            };
            out.push_str(&format!("{region};{};{};{};{}\n", r[1], r[2], r[3], r[4]));
        }
        let ds = load("numbers.csv", out.as_bytes());
        assert!(
            ds.table.detected.notes.iter().any(|n| n.starts_with(&format!(
                "Regio's gelezen uit hun nummer in kolom '{header}': het nummer van hun code in de officiële indeling van 2015 tot en met 2017 (9 = AM09 Achterhoek). De nummering is veranderd"
            ))),
            "{:?}",
            ds.table.detected.notes
        );
        // One note on how the regions were read (not also the one for region codes).
        let notes = ds.info().notes;
        assert_eq!(
            notes
                .iter()
                .filter(|n| n.starts_with("Regio's gelezen uit hun"))
                .count(),
            1,
            "{notes:?}"
        );
        assert_same_views(&long, &ds);
    }
}

#[test]
fn numbers_of_no_region_in_their_year_are_an_error_naming_number_and_row() {
    // The old number 4 in 2017, when IJsselvechtstreek had become 36 (Regio Zwolle).
    let mut out = String::from("regio;jaar;doelgroep;personen;werkzame_personen\n");
    for r in long_rows().iter().filter(|r| r[0] != "Landelijk") {
        let n = number_of(&r[0], 2015).unwrap();
        out.push_str(&format!("{n};{};{};{};{}\n", r[1], r[2], r[3], r[4]));
    }
    let e = Dataset::load("numbers.csv", out.as_bytes()).unwrap_err();
    assert_eq!(e.kind, banenverkenner::error::ErrorKind::BadValue);
    // The first row in the file of a number its year does not have (the file is sorted by
    // name: Food Valley, 31 until 2016, comes before IJsselvechtstreek).
    assert!(
        e.message.starts_with("Kolom 'regio' geeft de regio's als getal, maar 31 (rij 75) is geen nummer van een arbeidsmarktregio in 2017")
            && e.message.contains("Geef de regio's met hun naam (Achterhoek) of code (AM09)"),
        "{}",
        e.message
    );
    let at = e.location.unwrap();
    assert_eq!((at.row, at.column.as_deref()), (Some(75), Some("regio")));
}

#[test]
fn a_column_of_region_numbers_mapped_to_region_reads_as_the_regions() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let mut out =
        String::from("gebied;jaar;doelgroep;personen_doelgroepregister;werkzame_personen\n");
    for r in long_rows() {
        let region =
            number_of(&r[0], r[1].parse().unwrap()).map_or_else(|| r[0].clone(), |n| n.to_string());
        out.push_str(&format!("{region};{};{};{};{}\n", r[1], r[2], r[3], r[4]));
    }
    // `gebied` names no region: without the mapping the file is no regional data.
    let plain = Dataset::load("gebied.csv", out.as_bytes()).unwrap();
    assert!(plain.regional.is_none());
    let ds = Dataset::with_mapping(plain.table, &[("gebied", "region")]).unwrap();
    let notes = ds.info().notes;
    assert_eq!(
        notes
            .iter()
            .filter(|n| n.starts_with("Regio's gelezen uit hun"))
            .count(),
        1,
        "{notes:?}"
    );
    assert!(notes
        .iter()
        .any(|n| n.starts_with("Regio's gelezen uit hun nummer in kolom 'gebied'")));
    assert_same_views(&long, &ds);
}
