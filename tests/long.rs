//! Long and fine files give exactly the numbers of the wide file: the published data in long form
//! (`tests/fixtures/regions_long.csv`, one row per region, year and doelgroep, with `Totaal`
//! rows), a municipality-level, `;`-separated, Windows-1252 export with thousands separators
//! generated from it (every region's counts split over municipalities and ages in integer parts
//! that add up exactly), and a quarterly file whose Q4 is the year-end stock.

use banenverkenner::format::Lang;
use banenverkenner::render::{render_query, Dataset, Rendered};
use banenverkenner::Error;
use serde_json::Value;

mod common;
use common::{wide_without, LONG, NOT_IN_LONG, WIDE};

/// Every regional view, with the settings the report and the page use.
const VIEWS: &[&str] = &[
    "view=scatter",
    "view=scatter&subgroup=wajong&from=2015&to=2017",
    "view=scatter&subgroup=wsw",
    "view=scatter&subgroup=participatiewet",
    "view=scatter&subgroup=wsw&x=register_share",
    "view=scatter&from=2016&to=2017&region=Twente&k=1.5",
    "view=ranking",
    "view=ranking&subgroup=wajong",
    "view=ranking&subgroup=wsw",
    "view=ranking&subgroup=participatiewet",
    "view=ranking&subgroup=praktijkroute&from=2016&to=2017",
    "view=ranking&subgroup=pw_other&from=2016&to=2017",
    "view=ranking&measure=share&year=2017",
    "view=ranking&measure=share&subgroup=wajong&year=2015",
    "view=ranking&measure=register_share&subgroup=praktijkroute",
    "view=ranking&measure=register_share&subgroup=wsw&year=2016",
    "view=decomposition",
    "view=trend",
    "view=trend&measure=register",
    "view=convergence",
    "view=convergence&subgroup=wajong",
    "view=convergence&subgroup=wsw",
    "view=convergence&subgroup=participatiewet",
    "view=basics",
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
fn shown(r: &Result<Rendered, Error>) -> Value {
    match r {
        Ok(r) => serde_json::json!({
            "spec": r.spec,
            "title": r.title,
            "subtitle": r.subtitle,
            "summary": r.summary,
            "data": r.data,
            "table": serde_json::to_value(&r.table).unwrap(),
        }),
        Err(e) => serde_json::json!({ "error": e.message }),
    }
}

/// The first place two JSON values differ, as a path with both values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let (va, vb) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                if let Some(d) = first_difference(va, vb, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} != {b}")),
    }
}

/// The regional views the tests of subtotals draw from a split file and from the long file.
const SUBTOTAL_VIEWS: [&str; 3] = [
    "view=compare&regions=Achterhoek,Twente,Zeeland&measure=workers",
    "view=compare&regions=Achterhoek,Twente,Zeeland&measure=register&subgroup=wajong",
    "view=scatter&from=2015&to=2017",
];

fn assert_same_views(a: &Dataset, b: &Dataset, views: &[&str]) {
    let mut drawn = 0;
    for q in views {
        let (ra, rb) = (render_query(a, q), render_query(b, q));
        drawn += ra.is_ok() as usize;
        // The file name in the report's subtitle is the only text allowed to differ.
        let anon = |v: Value, name: &str| -> Value {
            serde_json::from_str(&v.to_string().replace(name, "FILE")).unwrap()
        };
        let (ja, jb) = (
            anon(shown(&ra), &a.table.source),
            anon(shown(&rb), &b.table.source),
        );
        if let Some(d) = first_difference(&ja, &jb, "") {
            panic!(
                "{q}: {} differs from {}: {d}",
                a.table.source, b.table.source
            );
        }
    }
    assert!(drawn >= views.len() - 2, "only {drawn} views drawn");
}

#[test]
fn long_file_gives_the_numbers_of_the_wide_file() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let wide = load("regions.csv", wide_without(NOT_IN_LONG, true).as_bytes());
    assert_same_views(&long, &wide, VIEWS);
    let r = long.regional.as_ref().unwrap();
    assert_eq!(r.regions.len(), 35);
    assert!(r.national_from_file);
    assert!(
        r.notes.iter().any(|n| n.contains("Lang bestand")),
        "{:?}",
        r.notes
    );
}

#[test]
fn long_file_without_totaal_rows_adds_up_the_subgroups_but_not_praktijkroute() {
    let no_total: String = LONG
        .lines()
        .filter(|l| !l.contains(",Totaal,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let ds = load("zonder_totaal.csv", no_total.as_bytes());
    let wide = load("regions.csv", wide_without(NOT_IN_LONG, true).as_bytes());
    assert_same_views(&ds, &wide, VIEWS);
    let r = ds.regional.as_ref().unwrap();
    assert!(r
        .notes
        .iter()
        .any(|n| n.contains("Wajong + WSW + Participatiewet")));
    // The table views add up the same way: Praktijkroute is part of the Participatiewet rows,
    // never added to them (2017: 2,607 working in Achterhoek, not 2,607 + 63), and say so.
    let q = "view=line&x=jaar&y=werkzame_personen&series=arbeidsmarktregio";
    let line = render_query(&ds, q).unwrap();
    assert_eq!(
        series_of(&line, "Achterhoek"),
        [Some(2332.0), Some(2437.0), Some(2607.0)]
    );
    let notes = line.data["aggregated"]["notes"].to_string();
    assert!(
        notes.contains(
            "deel van de Participatiewet (niet dubbel geteld): doelgroep = Praktijkroute"
        ),
        "{notes}"
    );
    // Praktijkroute on its own (filtered) is still its own number.
    let only = render_query(&ds, &format!("{q}&filter=doelgroep:Praktijkroute")).unwrap();
    assert_eq!(series_of(&only, "Achterhoek"), [Some(63.0)]);
}

/// The y values of one series of a line view.
fn series_of(r: &Rendered, name: &str) -> Vec<Option<f64>> {
    r.data["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no series {name}"))["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["y"].as_f64())
        .collect()
}

// ---- A municipality-level export, as analysts have them ----------------------------------------

/// The rows of the long file: region, `year,subgroup`, the two count cells as written, and the
/// two counts when the row is a region's and both are numbers.
#[allow(clippy::type_complexity)]
fn long_rows() -> impl Iterator<Item = (&'static str, String, [&'static str; 2], Option<(u64, u64)>)>
{
    LONG.lines().skip(1).map(|line| {
        let c: Vec<&str> = line.split(',').collect();
        let counts = match (c[3].parse(), c[4].parse()) {
            (Ok(r), Ok(w)) if c[0] != "Landelijk" => Some((r, w)),
            _ => None,
        };
        (c[0], c[1..3].join(","), [c[3], c[4]], counts)
    })
}

/// The long file over municipalities (`parts(region)` of each region), each region with its
/// subtotal `Regio {region}` (the national row too); municipality `k`'s `werkzaam` is held back
/// (left empty) where `held_back("year,subgroup", k)`.
fn with_regional_subtotals(
    parts: impl Fn(&str) -> usize,
    held_back: impl Fn(&str, usize) -> bool,
) -> String {
    let mut out = String::from("gemeente,arbeidsmarktregio,jaar,doelgroep,personen,werkzaam\n");
    for (region, rest, [reg, wrk], counts) in long_rows() {
        out.push_str(&format!("Regio {region},{region},{rest},{reg},{wrk}\n"));
        let Some((reg, wrk)) = counts else {
            continue;
        };
        let n = parts(region);
        let (a, b) = (split(reg, n), split(wrk, n));
        for k in 0..n {
            let w = if held_back(&rest, k) {
                String::new()
            } else {
                b[k].to_string()
            };
            out.push_str(&format!(
                "{region} {},{region},{rest},{},{w}\n",
                k + 1,
                a[k]
            ));
        }
    }
    out
}

/// The long file over three municipalities of each region, each over the age `bands` and its
/// own `15 jaar en ouder`; with `subtotal`, every row of the long file also as `Regio {region}`,
/// `15 jaar en ouder` (else only the national row, as `{region}`).
fn municipalities_by_age(bands: &[&str], subtotal: bool) -> String {
    let mut out =
        String::from("gemeente,leeftijd,arbeidsmarktregio,jaar,doelgroep,personen,werkzaam\n");
    let prefix = if subtotal { "Regio " } else { "" };
    for (region, rest, [reg, wrk], counts) in long_rows() {
        if subtotal || counts.is_none() {
            out.push_str(&format!(
                "{prefix}{region},15 jaar en ouder,{region},{rest},{reg},{wrk}\n"
            ));
        }
        let Some((reg, wrk)) = counts else {
            continue;
        };
        let (a, b) = (split(reg, 3), split(wrk, 3));
        for k in 0..3 {
            let (p, w) = (split(a[k], bands.len()), split(b[k], bands.len()));
            let ages = bands.iter().zip(p.iter().zip(&w));
            for (band, (p, w)) in ages.chain([(&"15 jaar en ouder", (&a[k], &b[k]))]) {
                out.push_str(&format!(
                    "{region} {},{band},{region},{rest},{p},{w}\n",
                    k + 1
                ));
            }
        }
    }
    out
}

/// Splits `v` into `k` whole parts with weights 1, 2, ..., k that add up to `v` exactly.
fn split(v: u64, k: usize) -> Vec<u64> {
    let w: u64 = (1..=k as u64).sum();
    let mut parts: Vec<u64> = (1..=k as u64).map(|i| v * i / w).collect();
    let rest = v - parts.iter().sum::<u64>();
    parts[k - 1] += rest;
    parts
}

/// Dutch thousands separators: 12345 -> 12.345.
fn dutch(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn windows_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '–' => 0x96,
            '’' => 0x92,
            'é' => 0xE9,
            c if c.is_ascii() => c as u8,
            c => panic!("no Windows-1252 byte for {c}"),
        })
        .collect()
}

/// The wide file's cell for a region, year and column ("" when empty or absent).
fn wide_cell(region: &str, year: &str, column: &str) -> String {
    let mut lines = WIDE.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let j = header.iter().position(|h| *h == column).unwrap();
    lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|c| c[0] == region && c[5] == year)
        .map(|c| c[j].to_string())
        .unwrap_or_default()
}

const REGION_COUNTS: [(&str, &str); 4] = [
    ("jobs", "Banen"),
    ("werkkamer_indication", "Indicatie Werkkamer"),
    ("open_vacancies", "Openstaande vacatures"),
    ("new_vacancies", "Ontstane vacatures"),
];

/// The long file split over municipalities and two age groups; the jobs, indication and
/// vacancies of the wide file on the `Totaal` rows; national rows as `Landelijk`; the unknown
/// region's vacancies as `Onbekend`. With `totals`, every region also has a `Totaal` municipality
/// row and every municipality an `Alle leeftijden` row, which must not be counted twice.
fn municipal_export(totals: bool) -> Vec<u8> {
    let mut out = String::from("Gemeenten en arbeidsmarktregio's, eind van het jaar\r\n\r\n");
    out.push_str("Gemeente;Arbeidsmarktregio;Jaar;Doelgroep;Leeftijd;Aantal in doelgroepregister;Aantal werkzaam");
    for (_, h) in REGION_COUNTS {
        out.push_str(&format!(";{h}"));
    }
    out.push_str("\r\n");
    let mut regions: Vec<&str> = Vec::new();
    let row = |out: &mut String,
               gemeente: &str,
               region: &str,
               year: &str,
               group: &str,
               age: &str,
               counts: &[Option<u64>]| {
        let cells: Vec<String> = counts
            .iter()
            .map(|c| c.map(dutch).unwrap_or_default())
            .collect();
        out.push_str(&format!(
            "\"{gemeente}\";\"{region}\";{year};{group};{age};{}\r\n",
            cells.join(";")
        ));
    };
    for line in LONG.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (region, year, group) = (c[0], c[1], c[2]);
        let register: u64 = c[3].parse().unwrap();
        let workers: u64 = c[4].parse().unwrap();
        let mut counts: Vec<Option<u64>> = vec![Some(register), Some(workers)];
        for (col, _) in REGION_COUNTS {
            let v = wide_cell(region, year, col);
            counts.push(if group == "Totaal" {
                v.parse().ok()
            } else {
                None
            });
        }
        if region == "Landelijk" {
            row(
                &mut out,
                "Nederland",
                region,
                year,
                group,
                "Alle leeftijden",
                &counts,
            );
            continue;
        }
        if !regions.contains(&region) {
            regions.push(region);
        }
        let k = 2 + regions.iter().position(|r| *r == region).unwrap() % 3;
        let by_town: Vec<Vec<Option<u64>>> = counts
            .iter()
            .map(|v| match v {
                Some(v) => split(*v, k).into_iter().map(Some).collect(),
                None => vec![None; k],
            })
            .collect();
        if totals {
            row(
                &mut out,
                "Totaal",
                region,
                year,
                group,
                "Alle leeftijden",
                &counts,
            );
        }
        for t in 0..k {
            let town = format!("{region} – deel {}", t + 1);
            let town_counts: Vec<Option<u64>> = by_town.iter().map(|v| v[t]).collect();
            if totals {
                row(
                    &mut out,
                    &town,
                    region,
                    year,
                    group,
                    "Alle leeftijden",
                    &town_counts,
                );
            }
            let by_age: Vec<Vec<Option<u64>>> = town_counts
                .iter()
                .map(|v| match v {
                    Some(v) => split(*v, 2).into_iter().map(Some).collect(),
                    None => vec![None; 2],
                })
                .collect();
            for (a, age) in ["jonger dan 27", "27 jaar en ouder"].iter().enumerate() {
                let age_counts: Vec<Option<u64>> = by_age.iter().map(|v| v[a]).collect();
                row(&mut out, &town, region, year, group, age, &age_counts);
            }
        }
    }
    for year in ["2016", "2017"] {
        let mut counts: Vec<Option<u64>> = vec![None, None];
        for (col, _) in REGION_COUNTS {
            counts.push(wide_cell("Onbekend", year, col).parse().ok());
        }
        row(
            &mut out,
            "onbekend",
            "Onbekend",
            year,
            "Totaal",
            "Alle leeftijden",
            &counts,
        );
    }
    windows_1252(&out)
}

/// The wide file without the uncorrected register (the export has none; no view uses it).
fn wide_for_export() -> Dataset {
    load(
        "regions.csv",
        wide_without(
            &[
                "register_persons_uncorrected",
                "register_wajong_uncorrected",
            ],
            false,
        )
        .as_bytes(),
    )
}

#[test]
fn municipality_export_in_windows_1252_gives_the_numbers_of_the_wide_file() {
    let bytes = municipal_export(false);
    assert!(bytes.contains(&0x96), "the export has a Windows-1252 byte");
    let ds = load("gemeenten.csv", &bytes);
    assert_eq!(ds.table.detected.delimiter.as_deref(), Some(";"));
    assert_same_views(&ds, &wide_for_export(), VIEWS);
    let r = ds.regional.as_ref().unwrap();
    assert_eq!(r.regions.len(), 35);
    let summed = note_starting(&r.notes, "Opgeteld over");
    assert!(summed.contains("Gemeente en Leeftijd"), "{summed}");
    // The full wide file too: no view uses the uncorrected register.
    assert_same_views(&ds, &load("regions.csv", WIDE.as_bytes()), VIEWS);
}

#[test]
fn total_rows_in_a_municipality_export_are_not_counted_twice() {
    let ds = load("gemeenten_met_totalen.csv", &municipal_export(true));
    assert_same_views(&ds, &wide_for_export(), VIEWS);
    let r = ds.regional.as_ref().unwrap();
    let totals = note_starting(&r.notes, "Totaalrijen herkend");
    assert!(totals.contains("Gemeente = 'Totaal'"), "{totals}");
    assert!(totals.contains("Leeftijd = 'Alle leeftijden'"), "{totals}");
}

#[test]
fn a_row_entered_twice_is_still_an_error() {
    let twice = format!("{LONG}Achterhoek,2015,Wajong,2142,724\n");
    let e = Dataset::load("dubbel.csv", twice.as_bytes()).unwrap_err();
    assert!(e.message.contains("twee keer"), "{}", e.message);
    assert_eq!(
        e.location.unwrap().row,
        Some(LONG.lines().count() as u32 + 1)
    );
}

#[test]
fn of_several_rows_entered_twice_the_first_in_the_file_is_named_with_the_row_it_repeats() {
    // Municipalities: Achterhoek's group comes first, but Twente's repeat is the earlier row.
    let csv = "gemeente,arbeidsmarktregio,jaar,personen,werkzaam
Aalten,Achterhoek,2015,10,5
Enschede,Twente,2015,30,9
Hengelo,Twente,2015,20,8
Winterswijk,Achterhoek,2015,11,6
Hengelo,Twente,2015,21,7
Enschede,Twente,2015,31,8
Aalten,Achterhoek,2015,12,4
";
    let e = Dataset::load("dubbel.csv", csv.as_bytes()).unwrap_err();
    assert!(e.message.contains("'Twente'"), "{}", e.message);
    assert!(e.message.contains("ook op rij 4"), "{}", e.message);
    assert_eq!(e.location.unwrap().row, Some(6));
    // Rows that differ in a municipality are parts, not repeats.
    let parts = csv.lines().take(5).collect::<Vec<_>>().join("\n") + "\n";
    assert!(Dataset::load("delen.csv", parts.as_bytes()).is_ok());
}

// ---- Quarters ---------------------------------------------------------------------------------

/// The long file by quarter: Q4 is the year-end stock of the yearly file; Q1-Q3 lie below it.
fn quarterly(code: impl Fn(&str, u8) -> String) -> String {
    let mut out = String::from(
        "arbeidsmarktregio;kwartaal;doelgroep;personen doelgroepregister;werkzame personen\n",
    );
    for line in LONG.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (reg, wrk): (u64, u64) = (c[3].parse().unwrap(), c[4].parse().unwrap());
        for q in 1..=4u8 {
            let f = |v: u64| v - v * (4 - q as u64) / 50;
            out.push_str(&format!(
                "{};{};{};{};{}\n",
                c[0],
                code(c[1], q),
                c[2],
                f(reg),
                f(wrk)
            ));
        }
    }
    out
}

fn points(r: &Rendered) -> Value {
    serde_json::json!({
        "points": r.data["points"],
        "national_x": r.data["national_x"],
        "national_y": r.data["national_y"],
        "fit": r.data["fit"],
        "x_measure": r.data["x_measure"],
    })
}

#[test]
fn a_quarterly_file_gives_the_scatter_of_the_yearly_file_for_q4() {
    let q = load(
        "kwartalen.csv",
        quarterly(|y, q| format!("{y}K{q}")).as_bytes(),
    );
    let r = q.regional.as_ref().unwrap();
    assert_eq!(r.years.len(), 12);
    assert_eq!(r.years[3].to_string(), "2015K4");
    let yearly = load("regions_long.csv", LONG.as_bytes());
    for sub in ["total", "wajong", "wsw"] {
        let want = render_query(
            &yearly,
            &format!("view=scatter&subgroup={sub}&from=2015&to=2017"),
        )
        .unwrap();
        for (from, to) in [
            ("2015K4", "2017K4"),
            ("2015KW04", "2017KW04"),
            ("2015", "2017"),
        ] {
            let got = render_query(
                &q,
                &format!("view=scatter&subgroup={sub}&from={from}&to={to}"),
            )
            .unwrap_or_else(|e| panic!("{from}-{to}: {e}"));
            assert_eq!(points(&got), points(&want), "{sub} {from}-{to}");
            assert!(got.spec.contains("from=2015K4&to=2017K4"), "{}", got.spec);
        }
    }
    // Texts name quarters readably ("2015 K4"); the description keeps the normalised form.
    let got = render_query(&q, "view=scatter&from=2015K4&to=2017K4").unwrap();
    let shown = format!("{} {} {}", got.title, got.data, got.svg);
    assert!(shown.contains("eind 2015 K4"), "{shown}");
    assert!(shown.contains("2015 K4 – 2017 K4"), "{shown}");
    assert!(!shown.contains("eind 2015K4"), "{shown}");
    // In English a quarter is a Q.
    let got = render_query(&q, "view=scatter&from=2015K4&to=2017K4&lang=en").unwrap();
    let shown = format!("{} {} {}", got.title, got.data, got.svg);
    assert!(shown.contains("at the end of 2015 Q4"), "{shown}");
    assert!(shown.contains("2015 Q4 – 2017 Q4"), "{shown}");
    assert!(!shown.contains(" K4"), "{shown}");
    // A period the file does not have names the ones it does.
    // (The view moves to a period the file has and says so, with the file's periods.)
    let r = render_query(&q, "view=scatter&from=2014K4&to=2017K4").unwrap();
    assert!(!r.spec.contains("2014K4"), "{}", r.spec);
    assert!(
        r.changes.iter().any(|c| c.contains("2015K1")),
        "{:?}",
        r.changes
    );
    // Trend lines run at any grain: twelve quarters, labelled readably.
    let t = render_query(&q, "view=trend").unwrap();
    assert_eq!(t.data["years"].as_array().unwrap().len(), 12);
    assert_eq!(t.data["years"][0], "2015K1");
    // The yearly file keeps its years as numbers.
    let t = render_query(&yearly, "view=trend").unwrap();
    assert_eq!(t.data["years"][0], 2015);
}

#[test]
fn the_file_line_names_the_periods_at_their_grain_readably() {
    let q = load(
        "kwartalen.csv",
        quarterly(|y, q| format!("{y}KW0{q}")).as_bytes(),
    );
    let line = |d: &Dataset, lang| {
        let info = serde_json::to_value(d.info_in(lang)).unwrap();
        info["regional"]["line"].as_str().unwrap().to_string()
    };
    // Twelve quarters: the first and the last, with how many; never "jaren", never `2015KW01`.
    assert_eq!(
        line(&q, Lang::Nl),
        "35 regio’s, kwartalen 2015 K1 tot en met 2017 K4 (12)"
    );
    assert_eq!(
        line(&q, Lang::En),
        "35 regions, quarters 2015 Q1 to 2017 Q4 (12)"
    );
    let yearly = load("regions_long.csv", LONG.as_bytes());
    assert_eq!(
        line(&yearly, Lang::Nl),
        "35 regio’s, jaren 2015, 2016, 2017"
    );
    // A column whose total rows were used is not said to be unused as well.
    let with_age = "arbeidsmarktregio,jaar,leeftijd,personen,werkzaam
Achterhoek,2015,jong,10,5
Achterhoek,2015,oud,20,6
Achterhoek,2015,Totaal,30,11
Twente,2015,jong,11,5
Twente,2015,oud,21,7
Twente,2015,Totaal,32,12
";
    let d = load("leeftijd.csv", with_age.as_bytes());
    let notes = d.regional.as_ref().unwrap().notes.join(" | ");
    assert!(notes.contains("leeftijd = 'Totaal'"), "{notes}");
    assert!(
        !notes.contains("niet gebruikt in de regionale analyse: leeftijd"),
        "{notes}"
    );
}

#[test]
fn statline_quarters_and_dates_are_periods_too() {
    let kw = load(
        "statline.csv",
        quarterly(|y, q| format!("{y}KW0{q}")).as_bytes(),
    );
    let dated = load(
        "peildatum.csv",
        quarterly(|y, q| {
            let (d, m) = [("31", "03"), ("30", "06"), ("30", "09"), ("31", "12")][q as usize - 1];
            format!("{d}-{m}-{y}")
        })
        .replace("kwartaal", "peildatum")
        .as_bytes(),
    );
    let months = load(
        "maanden.csv",
        quarterly(|y, q| format!("{y}M{:02}", 3 * q)).as_bytes(),
    );
    let month_names = load(
        "maandnamen.csv",
        quarterly(|y, q| {
            let m = ["maart", "juni", "september", "december"][q as usize - 1];
            format!("{m} {y}")
        })
        .replace("kwartaal", "maand")
        .as_bytes(),
    );
    assert_eq!(
        month_names.regional.as_ref().unwrap().years[3].to_string(),
        "2015M12"
    );
    let yearly = load("regions_long.csv", LONG.as_bytes());
    let want = render_query(&yearly, "view=ranking&from=2015&to=2017").unwrap();
    for ds in [&kw, &dated, &months, &month_names] {
        let got = render_query(ds, "view=ranking&from=2015&to=2017").unwrap();
        assert_eq!(
            got.data["values"], want.data["values"],
            "{}",
            ds.table.source
        );
    }
}

#[test]
fn a_fine_file_also_offers_the_tidy_views_and_they_add_up_the_same() {
    let ds = load("gemeenten.csv", &municipal_export(true));
    let views: Vec<&str> = banenverkenner::render::catalog::catalog(&ds)
        .iter()
        .map(|v| v.view)
        .collect();
    assert!(
        views.contains(&"scatter") && views.contains(&"line"),
        "{views:?}"
    );
    let want = [Some(2332.0), Some(2437.0), Some(2607.0)];
    for q in [
        "view=line&x=Jaar&y=Aantal%20werkzaam&series=Arbeidsmarktregio&filter=Doelgroep:Totaal",
        // Without the filter the Totaal rows stand for the doelgroepen (Praktijkroute is never
        // added on top), and the Totaal municipality rows for the municipalities.
        "view=line&x=Jaar&y=Aantal%20werkzaam&series=Arbeidsmarktregio",
    ] {
        let r = render_query(&ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
        let s = r.data["series"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Achterhoek")
            .unwrap();
        let ys: Vec<Option<f64>> = s["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["y"].as_f64())
            .collect();
        assert_eq!(ys, want, "{q}");
        assert!(r.data["aggregated"]["rows"].as_u64().unwrap() > 0);
    }
}

/// Without Landelijk rows the national values are the sums of the regions, which for the
/// register and the working persons are the published national figures.
#[test]
fn without_national_rows_the_nation_is_the_sum_of_the_regions() {
    let no_nation: String = LONG
        .lines()
        .filter(|l| !l.starts_with("Landelijk,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let ds = load("zonder_landelijk.csv", no_nation.as_bytes());
    let r = ds.regional.as_ref().unwrap();
    assert!(!r.national_from_file);
    assert!(r.notes.iter().any(|n| n.contains("som van de regio's")));
    let wide = load("regions.csv", wide_without(NOT_IN_LONG, true).as_bytes());
    // The views that can be drawn are the same; those that cannot may say why differently
    // (without national rows, a missing national value is not the first thing missing).
    let drawn: Vec<&str> = VIEWS
        .iter()
        .copied()
        .filter(|q| !q.starts_with("view=report"))
        .filter(|q| {
            let (a, b) = (render_query(&ds, q), render_query(&wide, q));
            assert_eq!(a.is_ok(), b.is_ok(), "{q}");
            a.is_ok()
        })
        .collect();
    assert!(drawn.len() >= VIEWS.len() - 3, "{drawn:?}");
    assert_same_views(&ds, &wide, &drawn);
}

/// The long file with each row as two: `header`, then per row of the long file and per half
/// (0, 1) the line `row` writes from the row's region, year and subgroup and that half of its
/// persons and working (the first half rounded down; a missing count stays missing).
fn long_in_halves(
    header: &str,
    mut row: impl FnMut(&[&str], usize, (Option<u64>, Option<u64>)) -> String,
) -> String {
    let mut text = format!("{header}\n");
    for line in LONG.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (p, w) = (f[3].parse::<u64>().ok(), f[4].parse::<u64>().ok());
        for part in 0..2 {
            let half = |v: Option<u64>| v.map(|v| if part == 0 { v / 2 } else { v - v / 2 });
            text.push_str(&row(&f[..3], part, (half(p), half(w))));
            text.push('\n');
        }
    }
    text
}

/// Asserts that the file line names `what` among the totals recognised.
fn assert_total_recognised(ds: &Dataset, what: &str) {
    let notes = &ds.regional.as_ref().unwrap().notes;
    let totals = note_starting(notes, "Totaalrijen herkend");
    assert!(totals.contains(what), "{notes:?}");
}

/// The note that starts with `prefix` (the test fails with all the notes when none does).
fn note_starting<'a>(notes: &'a [String], prefix: &str) -> &'a str {
    notes
        .iter()
        .find(|n| n.starts_with(prefix))
        .unwrap_or_else(|| panic!("{notes:?}"))
}

/// A count as a cell: empty when missing.
fn cell(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

#[test]
fn a_percentage_column_beside_the_counts_is_not_a_dimension_summed_over() {
    // The long file with a percentage per row and the rows split by sex: the counts are summed
    // over sex, the percentage is left out (and said so), never named as summed over.
    let text = long_in_halves(
        "arbeidsmarktregio,jaar,doelgroep,geslacht,personen,werkzaam,percentage werkzaam",
        |f, part, (p, w)| {
            let sex = ["Man", "Vrouw"][part];
            let pct = match (p, w) {
                (Some(p), Some(w)) if p > 0 => format!("{:.1}", 100.0 * w as f64 / p as f64),
                _ => String::new(),
            };
            format!(
                "{},{},{},{sex},{},{},{pct}",
                f[0],
                f[1],
                f[2],
                cell(p),
                cell(w)
            )
        },
    );
    let ds = load("geslacht.csv", text.as_bytes());
    assert_same_views(&ds, &load("regions_long.csv", LONG.as_bytes()), &VIEWS[..8]);
    let notes = &ds.regional.as_ref().unwrap().notes;
    let summed = note_starting(notes, "Opgeteld over");
    assert!(summed.starts_with("Opgeteld over geslacht:"), "{summed}");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Kolommen bewaard maar niet gebruikt")
                && n.contains("percentage werkzaam")),
        "{notes:?}"
    );
}

/// The labels of a line chart's time axis.
fn time_labels(line: &Rendered) -> Vec<&str> {
    line.data["x_values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect()
}

#[test]
fn provisional_years_marked_with_a_star_are_the_years_and_say_so() {
    // StatLine marks provisional figures `2017*` (and `2017**`): read as 2017, the regional views
    // give the numbers of the unmarked file, the file line says so, and a time axis keeps the mark.
    let marked = LONG.replace(",2017,", ",2017*,");
    assert_ne!(marked, LONG);
    let ds = load("voorlopig.csv", marked.as_bytes());
    assert_same_views(&ds, &load("regions_long.csv", LONG.as_bytes()), &VIEWS[..8]);
    let notes = &ds.regional.as_ref().unwrap().notes;
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Voorlopige cijfers: 2017* in 'jaar'")),
        "{notes:?}"
    );
    let line = render_query(&ds, "view=line&x=jaar&y=werkzame_personen&series=doelgroep").unwrap();
    let labels = time_labels(&line);
    assert_eq!(labels, ["2015", "2016", "2017*"]);
}

#[test]
fn a_total_over_the_periods_is_left_out_of_the_regions_and_the_time_axis() {
    // A pivot table's row per region and doelgroep with jaar = 'Totaal' (the sum over the years):
    // the regional views give the numbers of the file without it, the file line says so, a line
    // chart over jaar has no 'Totaal' moment, and a view of one period takes the latest year.
    let mut text = LONG.to_string();
    let mut sums: Vec<((String, String), (u64, u64))> = Vec::new();
    for line in LONG.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let key = (f[0].to_string(), f[2].to_string());
        let (p, w) = (f[3].parse().unwrap_or(0), f[4].parse().unwrap_or(0));
        match sums.iter_mut().find(|(k, _)| *k == key) {
            Some((_, (a, b))) => (*a, *b) = (*a + p, *b + w),
            None => sums.push((key, (p, w))),
        }
    }
    for ((region, group), (p, w)) in &sums {
        text.push_str(&format!("{region},Totaal,{group},{p},{w}\n"));
    }
    let ds = load("draaitabel.csv", text.as_bytes());
    assert_same_views(&ds, &load("regions_long.csv", LONG.as_bytes()), &VIEWS[..8]);
    let notes = &ds.regional.as_ref().unwrap().notes;
    assert!(
        notes.iter().any(|n| n.starts_with(&format!(
            "{} rijen met 'Totaal' in 'jaar' (een totaal over de perioden) niet gebruikt",
            sums.len()
        ))),
        "{notes:?}"
    );
    let line = render_query(&ds, "view=line&x=jaar&y=werkzame_personen&series=doelgroep").unwrap();
    let labels = time_labels(&line);
    assert_eq!(labels, ["2015", "2016", "2017"]);
    assert!(
        line.notes.iter().any(|n| n.contains("'Totaal' in jaar")),
        "{:?}",
        line.notes
    );
    let bars = render_query(&ds, "view=bars&x=doelgroep&y=werkzame_personen").unwrap();
    assert!(
        bars.notes.iter().any(|n| n.contains("jaar = 2017")),
        "{:?}",
        bars.notes
    );
}

#[test]
fn national_rows_missing_for_some_periods_are_named_and_for_all_said_once() {
    let without = |year: &str| -> String {
        LONG.lines()
            .filter(|l| !(l.starts_with("Landelijk,") && (year.is_empty() || l.contains(year))))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let notes = |text: &str| load("l.csv", text.as_bytes()).regional.unwrap().notes;
    let some = notes(&without(",2016,"));
    assert!(
        some.iter()
            .any(|n| n.starts_with("Geen landelijke rij voor 2016:")),
        "{some:?}"
    );
    let none = notes(&without(""));
    assert!(
        none.iter()
            .any(|n| n.starts_with("Geen landelijke rij in het bestand:")),
        "{none:?}"
    );
    assert!(!none.iter().any(|n| n.contains("rij voor")), "{none:?}");
}

/// Subtotal rows that no word names ("Arbeidsmarktregio Achterhoek" among its municipalities)
/// are told by their sums and never counted twice; a municipality that equals the sum of the
/// others in some groups only (the split below makes the third part the sum of the first two
/// wherever a count divides by six) is not a total.
#[test]
fn subtotal_rows_told_by_their_sums_are_not_counted_twice() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let mut out = String::from("gemeente,arbeidsmarktregio,jaar,doelgroep,personen,werkzaam\n");
    for line in LONG.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (region, rest) = (c[0], c[1..3].join(","));
        if region == "Landelijk" {
            out.push_str(&format!("Nederland,,{rest},{},{}\n", c[3], c[4]));
            continue;
        }
        let (Ok(reg), Ok(wrk)) = (c[3].parse::<u64>(), c[4].parse::<u64>()) else {
            out.push_str(&format!(
                "{region} gemeente 1,{region},{rest},{},{}\n",
                c[3], c[4]
            ));
            continue;
        };
        let (a, b) = (split(reg, 3), split(wrk, 3));
        for k in 0..3 {
            out.push_str(&format!(
                "{region} gemeente {},{region},{rest},{},{}\n",
                k + 1,
                a[k],
                b[k]
            ));
        }
        out.push_str(&format!(
            "Arbeidsmarktregio {region},{region},{rest},{reg},{wrk}\n"
        ));
    }
    let ds = load("subtotalen.csv", out.as_bytes());
    let notes = &ds.regional.as_ref().unwrap().notes;
    assert!(
        notes
            .iter()
            .any(|n| n.contains("gemeente = 'Arbeidsmarktregio Achterhoek'")),
        "{notes:?}"
    );
    assert!(
        !notes.iter().any(|n| n.contains("gemeente 3'")),
        "{notes:?}"
    );
    assert_same_views(&ds, &long, VIEWS);
    // The table views use those subtotals as the regional reading does: summed over the
    // municipalities, a region counts once (not its municipalities plus its subtotal).
    for q in [
        "view=line&x=jaar&y=werkzaam&series=arbeidsmarktregio&filter=doelgroep:Totaal",
        "view=line&x=jaar&y=werkzaam&series=arbeidsmarktregio",
        "view=bars&x=arbeidsmarktregio&y=werkzaam&filter=jaar:2017,doelgroep:Totaal",
    ] {
        let r = render_query(&ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
        if q.contains("bars") {
            assert!(r.data.to_string().contains("2607"), "{q}: {}", r.data);
            assert!(!r.data.to_string().contains("5214"), "{q}: {}", r.data);
        } else {
            assert_eq!(
                series_of(&r, "Achterhoek"),
                [Some(2332.0), Some(2437.0), Some(2607.0)],
                "{q}"
            );
        }
        let notes = r.data["aggregated"]["notes"].to_string();
        assert!(
            notes.contains("gemeente = Arbeidsmarktregio Achterhoek"),
            "{q}: {notes}"
        );
    }
}

/// Totals in two columns that no word names, without the rows that are both (each region's
/// subtotal per age, `15 jaar en ouder` per municipality, but no subtotal of all ages), are told
/// by their sums and never counted twice: the other municipalities also hold their
/// `15 jaar en ouder` rows, so the subtotal is the sum of the others only once those are left
/// out. An age band with nobody in it (Praktijkroute's younger band), beside which the older
/// band adds up like the total, does not stand in the way.
#[test]
fn crossed_subtotals_told_by_their_sums_are_not_counted_twice() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let mut out =
        String::from("gemeente,leeftijd,arbeidsmarktregio,jaar,doelgroep,personen,werkzaam\n");
    for (region, rest, [reg, wrk], counts) in long_rows() {
        let Some((reg, wrk)) = counts else {
            assert_eq!(region, "Landelijk");
            out.push_str(&format!("Nederland,15 jaar en ouder,,{rest},{reg},{wrk}\n"));
            continue;
        };
        let (a, b) = (split(reg, 3), split(wrk, 3));
        let mut subtotal = [(0, 0), (0, 0)];
        for k in 0..3 {
            let young = if rest.ends_with("Praktijkroute") {
                (0, 0)
            } else {
                (a[k] / 3, b[k] / 3)
            };
            let bands = [young, (a[k] - young.0, b[k] - young.1)];
            for (band, (p, w)) in ["15-26", "27 en ouder"].iter().zip(bands) {
                out.push_str(&format!(
                    "{region} gemeente {},{band},{region},{rest},{p},{w}\n",
                    k + 1
                ));
            }
            out.push_str(&format!(
                "{region} gemeente {},15 jaar en ouder,{region},{rest},{},{}\n",
                k + 1,
                a[k],
                b[k]
            ));
            for (s, (p, w)) in subtotal.iter_mut().zip(bands) {
                *s = (s.0 + p, s.1 + w);
            }
        }
        for (band, (p, w)) in ["15-26", "27 en ouder"].iter().zip(subtotal) {
            out.push_str(&format!("Regio {region},{band},{region},{rest},{p},{w}\n"));
        }
    }
    let ds = load("kruistotalen.csv", out.as_bytes());
    assert_total_recognised(&ds, "gemeente = 'Regio Achterhoek'");
    let notes = &ds.regional.as_ref().unwrap().notes;
    assert!(
        !notes.iter().any(|n| n.contains("wijkt af van de som")),
        "{notes:?}"
    );
    assert_same_views(&ds, &long, VIEWS);
    // The counts themselves (ratios would hide a region counted twice over).
    assert_same_views(&ds, &long, &[
        "view=compare&regions=Achterhoek,Twente,Zeeland&measure=workers",
        "view=compare&regions=Achterhoek,Twente,Zeeland&measure=register&subgroup=praktijkroute",
    ]);
    // The table view uses those subtotals as the regional reading does.
    let q = "view=line&x=jaar&y=werkzaam&series=arbeidsmarktregio&filter=doelgroep:Totaal";
    let r = render_query(&ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
    for (region, counts) in [
        ("Achterhoek", [2332.0, 2437.0, 2607.0]),
        ("Zuid-Kennemerland en IJmond", [1134.0, 1313.0, 1454.0]),
    ] {
        assert_eq!(series_of(&r, region), counts.map(Some), "{q}");
    }
}

/// A group of nobody (the Praktijkroute before it began: each age band and their total 0) tells
/// nothing about which age is the total, so `15 jaar en ouder`, which no word names as one,
/// stays the total the other groups show and is never counted beside the bands.
#[test]
fn groups_of_nobody_do_not_hide_a_total_told_by_its_sums() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let mut out = String::from("leeftijd,arbeidsmarktregio,jaar,doelgroep,personen,werkzaam\n");
    for (region, rest, [reg, wrk], counts) in long_rows() {
        let Some((reg, wrk)) = counts else {
            out.push_str(&format!("15 jaar en ouder,{region},{rest},{reg},{wrk}\n"));
            continue;
        };
        let (a, b) = (split(reg, 2), split(wrk, 2));
        for (k, band) in ["15-26", "27 en ouder"].iter().enumerate() {
            out.push_str(&format!("{band},{region},{rest},{},{}\n", a[k], b[k]));
        }
        out.push_str(&format!("15 jaar en ouder,{region},{rest},{reg},{wrk}\n"));
        if rest.ends_with("Totaal") && !rest.starts_with("2017") {
            for band in ["15-26", "27 en ouder", "15 jaar en ouder"] {
                let year = &rest[..4];
                out.push_str(&format!("{band},{region},{year},Praktijkroute,0,0\n"));
            }
        }
    }
    let ds = load("nul.csv", out.as_bytes());
    assert_total_recognised(&ds, "leeftijd = '15 jaar en ouder'");
    assert_same_views(
        &ds,
        &long,
        &[&SUBTOTAL_VIEWS[..], &["view=ranking"]].concat(),
    );
}

/// A subtotal told by its sums elsewhere stands for its municipalities also in a group whose
/// sums cannot tell (one municipality's count held back): the region is its subtotal there too,
/// not the subtotal plus the municipalities that have a number.
#[test]
fn a_subtotal_stands_for_its_parts_where_a_count_is_held_back() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let out = with_regional_subtotals(|_| 3, |rest, k| rest == "2016,Totaal" && k == 1);
    let ds = load("achtergehouden.csv", out.as_bytes());
    assert_same_views(
        &ds,
        &long,
        &[
            "view=compare&regions=Achterhoek,Twente,Zeeland&measure=workers",
            "view=compare&regions=Achterhoek,Twente,Zeeland&measure=register",
            "view=scatter&from=2015&to=2017",
        ],
    );
}

/// A region of one municipality beside its subtotal (`Regio Zeeland` equal to its one
/// municipality, so no sum can tell which is the total) is read by how the other regions'
/// subtotals are named: `Regio Zeeland` is the subtotal, counted once.
#[test]
fn a_subtotal_named_as_the_others_counts_once_in_a_region_of_one_municipality() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let parts = |region: &str| {
        if ["Zeeland", "Gorinchem"].contains(&region) {
            1
        } else {
            3
        }
    };
    let out = with_regional_subtotals(parts, |_, _| false);
    let ds = load("een_gemeente.csv", out.as_bytes());
    assert_same_views(
        &ds,
        &long,
        &[
            "view=compare&regions=Zeeland,Gorinchem,Twente&measure=workers",
            "view=compare&regions=Zeeland,Gorinchem,Twente&measure=register&subgroup=wsw",
            "view=scatter&from=2015&to=2017",
        ],
    );
}

/// A municipality that adds up by chance once an age band is left out (tiny counts: 1 + 0 + 2 and
/// a total of 3 beside 0 + 0 + 4 and 4) narrows nothing for good: that the ages among its rows
/// do not add up says nothing against `15 jaar en ouder`, which stays the total it is elsewhere.
#[test]
fn a_total_found_by_chance_does_not_hide_the_real_one() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let mut out = municipalities_by_age(&["15-26", "27-44", "45 en ouder"], false);
    let bands = ["15-26", "27-44", "45 en ouder", "15 jaar en ouder"];
    for (k, counts) in [[1, 0, 2, 3], [0, 0, 4, 4], [0, 0, 0, 0]]
        .iter()
        .enumerate()
    {
        for (band, n) in bands.iter().zip(counts) {
            out.push_str(&format!(
                "Drenthe {},{band},Drenthe,2016,Praktijkroute,{n},{n}\n",
                k + 1
            ));
        }
    }
    let ds = load("toeval.csv", out.as_bytes());
    assert_total_recognised(&ds, "leeftijd = '15 jaar en ouder'");
    assert_same_views(
        &ds,
        &long,
        &[
            "view=compare&regions=Drenthe,Twente,Zeeland&measure=workers",
            "view=compare&regions=Drenthe,Twente,Zeeland&measure=register&subgroup=wsw",
        ],
    );
}

/// The regional data of `ds`, which recognised no total row (the test fails with its notes).
fn no_total_told(ds: &Dataset) -> &banenverkenner::compute::regional::RegionalData {
    let regional = ds.regional.as_ref().unwrap();
    let told = regional
        .notes
        .iter()
        .any(|n| n.starts_with("Totaalrijen herkend"));
    assert!(!told, "{:?}", regional.notes);
    regional
}

/// Made-up numbers where one municipality is the sum of the others in its region, in both counts
/// and every year (`Ac`: 30 and 15 beside 10 and 5, 20 and 10): a municipality, not a subtotal
/// (it names no region and stands nowhere else), so its rows are summed with the others.
#[test]
fn a_municipality_that_is_the_sum_of_the_others_by_its_numbers_is_counted() {
    let file = "gemeente;arbeidsmarktregio;jaar;personen;werkzaam\n\
                Aa;Achterhoek;2015;10;5\nAb;Achterhoek;2015;20;10\nAc;Achterhoek;2015;30;15\n\
                Ba;Twente;2015;40;20\nBb;Twente;2015;50;25\nCa;Zeeland;2015;60;30\n\
                Aa;Achterhoek;2016;12;6\nAb;Achterhoek;2016;22;12\nAc;Achterhoek;2016;34;18\n\
                Ba;Twente;2016;44;22\nBb;Twente;2016;55;27\nCa;Zeeland;2016;66;33\n";
    let ds = load("gemeenten.csv", file.as_bytes());
    let regional = no_total_told(&ds);
    use banenverkenner::compute::regional::Count;
    assert_eq!(
        regional.national(2015, Count::RegisterPersonsCorrected),
        Some(210.0)
    );
    assert_eq!(regional.national(2016, Count::WorkersTotal), Some(118.0));
}

/// Made-up numbers where the oldest band is the sum of the other two in every municipality and
/// year (`45+`: 30 beside 10 and 20): a band that does not hold the others is one of them, not
/// their total, so every band is counted.
#[test]
fn an_age_band_that_is_the_sum_of_the_others_by_its_numbers_is_counted() {
    let mut file = String::from("gemeente;arbeidsmarktregio;jaar;leeftijd;personen;werkzaam\n");
    for (g, region) in [
        ("Aa", "Achterhoek"),
        ("Ab", "Achterhoek"),
        ("Ba", "Twente"),
        ("Ca", "Zeeland"),
    ] {
        for (y, k) in [(2015, 1), (2016, 2)] {
            for (band, p, w) in [("15-26", 10, 5), ("27-44", 20, 10), ("45+", 30, 15)] {
                file.push_str(&format!("{g};{region};{y};{band};{};{}\n", p * k, w * k));
            }
        }
    }
    let ds = load("leeftijden.csv", file.as_bytes());
    let regional = no_total_told(&ds);
    use banenverkenner::compute::regional::Count;
    assert_eq!(
        regional.national(2015, Count::RegisterPersonsCorrected),
        Some(240.0)
    );
    assert_eq!(regional.national(2016, Count::WorkersTotal), Some(240.0));
}

/// A region's subtotal of all ages alone (`Regio Achterhoek`, `15 jaar en ouder`) beside each
/// municipality's ages and its own `15 jaar en ouder`, neither named as a total: among the rows
/// of `15 jaar en ouder` the subtotal is the sum of the municipalities, and the region counts
/// once (before, three times).
#[test]
fn a_subtotal_of_all_ages_alone_is_told_among_those_rows() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let out = municipalities_by_age(&["15-26", "27 en ouder"], true);
    let ds = load("alle_leeftijden.csv", out.as_bytes());
    assert_same_views(&ds, &long, &SUBTOTAL_VIEWS);
}

/// A national row named as files name it ("Totaal Nederland", "Nederland (totaal)") is the
/// national row, never a 36th region.
#[test]
fn a_national_row_by_another_name_is_not_a_region() {
    let long = load("regions_long.csv", LONG.as_bytes());
    for name in [
        "Totaal Nederland",
        "Nederland (totaal)",
        "Alle arbeidsmarktregio's",
    ] {
        let renamed: String = LONG
            .lines()
            .map(|l| match l.strip_prefix("Landelijk,") {
                Some(rest) => format!("\"{name}\",{rest}\n"),
                None => format!("{l}\n"),
            })
            .collect();
        let ds = load("landelijk.csv", renamed.as_bytes());
        assert_eq!(ds.regional.as_ref().unwrap().regions.len(), 35, "{name}");
        assert_same_views(&ds, &long, &VIEWS[..12]);
    }
}

/// A file that gives the regions by their code only (`amr_code`: AM01, ..., CBS's NL01 for the
/// nation) gives the numbers of the file with names.
#[test]
fn regions_given_by_their_code_are_the_regions_they_name() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let code_of = |name: &str| {
        banenverkenner::geo::names::CODE_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map_or("NL01", |(c, _)| *c)
    };
    let coded: String = LONG
        .lines()
        .enumerate()
        .map(|(i, l)| match (i, l.split_once(',')) {
            (0, Some((_, rest))) => format!("amr_code,{rest}\n"),
            (_, Some((region, rest))) => format!("{},{rest}\n", code_of(region)),
            _ => format!("{l}\n"),
        })
        .collect();
    assert!(coded.contains("\nAM09,2015,"), "{}", &coded[..200]);
    let ds = load("codes.csv", coded.as_bytes());
    let r = ds.regional.as_ref().unwrap();
    assert_eq!(r.regions.len(), 35);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("uit hun code in kolom 'amr_code'")),
        "{:?}",
        r.notes
    );
    assert_same_views(&ds, &long, VIEWS);
}

// ---- Dates in a workbook ----------------------------------------------------------------------

/// The long file as a workbook whose period is the peildatum, 31 December, as an Excel date (a
/// day number shown as a date): the same scatter as the yearly file.
#[test]
fn a_workbook_with_excel_dates_gives_the_scatter_of_the_yearly_file() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy");
    let header = [
        "arbeidsmarktregio",
        "peildatum",
        "doelgroep",
        "personen doelgroepregister",
        "werkzame personen",
    ];
    for (j, h) in header.iter().enumerate() {
        ws.write_string(0, j as u16, *h).unwrap();
    }
    for (i, line) in LONG.lines().skip(1).enumerate() {
        let c: Vec<&str> = line.split(',').collect();
        let r = 1 + i as u32;
        ws.write_string(r, 0, c[0]).unwrap();
        // 31 December of the year: days since 30 December 1899 (Excel's day numbers).
        let year: i64 = c[1].parse().unwrap();
        let days = 42_369
            + (2015..year)
                .map(|y| if y % 4 == 0 { 366 } else { 365 })
                .sum::<i64>();
        ws.write_number_with_format(r, 1, days as f64, &date)
            .unwrap();
        ws.write_string(r, 2, c[2]).unwrap();
        for (j, cell) in c.iter().enumerate().skip(3) {
            if let Ok(n) = cell.parse::<f64>() {
                ws.write_number(r, j as u16, n).unwrap();
            }
        }
    }
    let ds = load("peildata.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(
        ds.table.columns[1].values()[0],
        banenverkenner::table::Value::Text("2015-12-31".into())
    );
    assert!(
        ds.table
            .detected
            .notes
            .iter()
            .any(|n| n.contains("datumopmaak")),
        "{:?}",
        ds.table.detected.notes
    );
    let yearly = load("regions_long.csv", LONG.as_bytes());
    for sub in ["total", "wajong"] {
        let want = render_query(
            &yearly,
            &format!("view=scatter&subgroup={sub}&from=2015&to=2017"),
        )
        .unwrap();
        let got = render_query(
            &ds,
            &format!("view=scatter&subgroup={sub}&from=2015&to=2017"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(points(&got), points(&want), "{sub}");
    }
    // A date is "op 31 dec 2015", never "in 31 dec 2015".
    let got = render_query(&ds, "view=scatter&from=2015&to=2017").unwrap();
    assert!(
        got.summary.contains("werkenden op 31 dec 2015"),
        "{}",
        got.summary
    );
    let got = render_query(&ds, "view=trend").unwrap();
    assert!(!got.summary.contains("in 31 dec"), "{}", got.summary);
}

/// The long file as CBS's OData API (StatLine) writes a table: a row counter `ID`, the
/// dimensions `RegioS` (padded with spaces, as CBS pads its codes) and `Perioden` (`2015JJ00`),
/// and the topics as CamelCase keys with their topic number (`WerkzamePersonen_2`), `;`-separated.
/// `regions` gives the text of each region (its name, or its code).
fn cbs_export(regions: impl Fn(&str) -> String) -> String {
    let mut out = String::from(
        "ID;RegioS;Perioden;Doelgroep;PersonenInDoelgroepregister_1;WerkzamePersonen_2\n",
    );
    for (i, line) in LONG.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        out.push_str(&format!(
            "{i};{:<40};{}JJ00;{};{};{}\n",
            regions(f[0]),
            f[1],
            f[2],
            f[3],
            f[4]
        ));
    }
    out
}

#[test]
fn a_cbs_odata_export_gives_the_numbers_of_the_long_file() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let cbs = load("cbs.csv", cbs_export(|r| r.to_string()).as_bytes());
    assert_same_views(&cbs, &long, VIEWS);
    // The default scatterplot and a ranking give exactly the same JSON.
    for q in ["view=scatter", "view=ranking&measure=share&year=2017"] {
        let (a, b) = (
            render_query(&cbs, q).unwrap(),
            render_query(&long, q).unwrap(),
        );
        assert_eq!(a.data, b.data, "{q}");
    }
    let notes = &cbs.regional.as_ref().unwrap().notes;
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Kolom 'ID' overgeslagen")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("onderwerpnummer van CBS") && n.contains("WerkzamePersonen_2")),
        "{notes:?}"
    );
    assert!(
        !notes.iter().any(|n| n.contains("niet gebruikt")),
        "{notes:?}"
    );
    // The tidy views leave the row counter out and name the topics in words.
    assert_eq!(
        cbs.roles().role("ID"),
        Some(banenverkenner::spec::Role::Ignore)
    );
    let line = render_query(
        &cbs,
        "view=line&x=Perioden&y=WerkzamePersonen_2&series=Doelgroep",
    )
    .unwrap();
    assert_eq!(line.data["y_label"], "Werkzame personen");
    let plain = render_query(
        &long,
        "view=line&x=jaar&y=werkzame_personen&series=doelgroep",
    )
    .unwrap();
    // The same series and numbers (the periods as written: `2015JJ00` against `2015`).
    let ys = |r: &Rendered| -> Vec<(Value, Vec<Value>)> {
        r.data["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let points = s["points"].as_array().unwrap();
                (
                    s["name"].clone(),
                    points.iter().map(|p| p["y"].clone()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(ys(&line), ys(&plain));
    assert_eq!(time_labels(&line), time_labels(&plain));
}

#[test]
fn a_cbs_export_with_region_codes_gives_the_same_numbers() {
    use banenverkenner::geo::names::CODE_NAMES;
    let code = |r: &str| -> String {
        match CODE_NAMES.iter().find(|(_, n)| *n == r) {
            Some((c, _)) => c.to_string(),
            None if r == "Landelijk" => "NL01".to_string(),
            None => panic!("no code for {r}"),
        }
    };
    let long = load("regions_long.csv", LONG.as_bytes());
    let cbs = load("cbs_codes.csv", cbs_export(code).as_bytes());
    assert_same_views(&cbs, &long, &VIEWS[..8]);
}

#[test]
fn a_row_entered_twice_in_a_cbs_export_is_an_error_despite_its_own_id() {
    // The row counter differs in every row: it must not make a repeated row look like a part.
    let mut text = cbs_export(|r| r.to_string());
    let second = text.lines().nth(1).unwrap().to_string();
    text.push_str(&second.replacen("0;", "999;", 1));
    text.push('\n');
    let e = match Dataset::load("twice.csv", text.as_bytes()) {
        Err(e) => e,
        Ok(ds) => ds.regional_error.expect("the repeated row is an error"),
    };
    assert_eq!(e.kind, banenverkenner::error::ErrorKind::Duplicate, "{e}");
}

#[test]
fn a_cbs_odata_json_answer_gives_the_numbers_of_the_long_file() {
    // The API's own answer: `{"odata.metadata": ..., "value": [records]}`, numbers as numbers,
    // `RegioS` padded with spaces.
    let text = cbs_export(|r| r.to_string());
    let mut lines = text.lines();
    let keys: Vec<&str> = lines.next().unwrap().split(';').collect();
    let records: Vec<Value> = lines
        .map(|l| {
            let cells: Vec<&str> = l.split(';').collect();
            let mut o = serde_json::Map::new();
            for (k, c) in keys.iter().zip(&cells) {
                let v = match c.trim().parse::<i64>() {
                    Ok(n) if *k != "Perioden" => Value::from(n),
                    _ if c.is_empty() => Value::Null,
                    _ => Value::from(*c),
                };
                o.insert(k.to_string(), v);
            }
            Value::Object(o)
        })
        .collect();
    let json = serde_json::json!({
        "odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/00000NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
        "value": records,
    });
    let cbs = load("cbs.json", json.to_string().as_bytes());
    assert_same_views(
        &cbs,
        &load("regions_long.csv", LONG.as_bytes()),
        &VIEWS[..8],
    );
}

/// A published table with one column per measure and year (`personen 2015;...;werkzaam 2017`),
/// also under a header over two rows, gives the numbers of the long file it was made from.
#[test]
fn one_column_per_measure_and_year_gives_the_numbers_of_the_long_file() {
    let totals: Vec<Vec<&str>> = LONG
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<&str>>())
        .filter(|c| c[2] == "Totaal")
        .collect();
    let long_totals: String = std::iter::once(LONG.lines().next().unwrap().to_string())
        .chain(totals.iter().map(|c| c.join(",")))
        .map(|l| format!("{l}\n"))
        .collect();
    let long = load("totaal.csv", long_totals.as_bytes());
    let years = ["2015", "2016", "2017"];
    let mut regions: Vec<&str> = totals.iter().map(|c| c[0]).collect();
    regions.dedup();
    let cell = |region: &str, year: &str, k: usize| {
        totals
            .iter()
            .find(|c| c[0] == region && c[1] == year)
            .map(|c| c[k])
            .unwrap_or("")
            .to_string()
    };
    let body = |out: &mut String| {
        for r in &regions {
            let mut row = vec![r.to_string()];
            row.extend(years.iter().map(|y| cell(r, y, 3)));
            row.extend(years.iter().map(|y| cell(r, y, 4)));
            out.push_str(&(row.join(";") + "\n"));
        }
    };
    let mut one_row = String::from("Arbeidsmarktregio;personen 2015;personen 2016;personen 2017;werkzaam 2015;werkzaam 2016;werkzaam 2017\n");
    body(&mut one_row);
    let mut two_rows =
        String::from(";Personen doelgroepregister;;;Werkzame personen;;\nArbeidsmarktregio;2015;2016;2017;2015;2016;2017\n");
    body(&mut two_rows);
    let views = [
        "view=scatter",
        "view=scatter&from=2016&to=2017",
        "view=ranking",
        "view=ranking&measure=share&year=2017",
        "view=basics",
    ];
    for (name, text) in [("per-jaar.csv", one_row), ("twee-rijen.csv", two_rows)] {
        let ds = load(name, text.as_bytes());
        assert!(
            ds.table
                .detected
                .notes
                .iter()
                .any(|n| n.starts_with("Eén kolom per maat en periode")),
            "{name}: {:?}",
            ds.table.detected.notes
        );
        assert_same_views(&ds, &long, &views);
    }
}

/// The long file as a spreadsheet's pivot table: one row per region, year and measure (the
/// measure named in `maat`), one column per subgroup, `;`-separated; with `blank_below` the
/// region and year only on the first row of each block.
fn pivot(measures: [&str; 2], duplicate: bool, blank_below: bool) -> String {
    let mut r = csv::Reader::from_reader(LONG.as_bytes());
    let subgroups = [
        "Totaal",
        "Wajong",
        "WSW",
        "Participatiewet",
        "Praktijkroute",
    ];
    let mut cells: std::collections::BTreeMap<(String, String), Vec<[String; 2]>> =
        Default::default();
    for rec in r.records() {
        let rec = rec.unwrap();
        let k = subgroups.iter().position(|s| *s == &rec[2]).unwrap();
        let row = cells
            .entry((rec[0].to_string(), rec[1].to_string()))
            .or_insert_with(|| vec![[String::new(), String::new()]; 5]);
        row[k] = [rec[3].to_string(), rec[4].to_string()];
    }
    let mut s = format!("Arbeidsmarktregio;Jaar;Maat;{}\n", subgroups.join(";"));
    for ((region, year), row) in &cells {
        for (m, name) in measures.iter().enumerate() {
            let values: Vec<&str> = row.iter().map(|v| v[m].as_str()).collect();
            // A pivot table without repeated labels writes them on a block's first row only.
            let (region, year) = if m > 0 && blank_below {
                ("", "")
            } else {
                (region.as_str(), year.as_str())
            };
            s.push_str(&format!("{region};{year};{name};{}\n", values.join(";")));
        }
    }
    if duplicate {
        s.push_str("Achterhoek;2016;werkzame personen;1;1;1;1;\n");
    }
    s
}

#[test]
fn a_pivot_table_with_measures_in_rows_and_subgroups_in_columns_gives_the_long_numbers() {
    let long = load("regions_long.csv", LONG.as_bytes());
    for measures in [
        ["personen in doelgroepregister", "werkzame personen"],
        ["Aantal in doelgroepregister", "Aantal werkzaam"],
    ] {
        for blank in [false, true] {
            let ds = load("draaitabel.csv", pivot(measures, false, blank).as_bytes());
            assert_same_views(&ds, &long, VIEWS);
            let filled = ds.table.detected.notes.iter().any(|n| {
            n.starts_with("Lege cellen in 'Arbeidsmarktregio' (108), 'Jaar' (108) gelezen als de waarde erboven")
        });
            assert_eq!(filled, blank, "{:?}", ds.table.detected.notes);
            let r = ds.regional.as_ref().unwrap();
            let said = ds.table.detected.notes.join(" | ");
            assert!(
            said.contains(&format!(
                "Eén rij per maat in 'Maat' ('{}', '{}') en één kolom per doelgroep (Totaal, Wajong, WSW, Participatiewet, Praktijkroute)",
                measures[0], measures[1]
            )),
            "{said}"
        );
            assert_eq!(r.regions.len(), 35);
        }
    }
    // The same measure twice for one region and year: an error naming both rows.
    let e = Dataset::load(
        "draaitabel.csv",
        pivot(["personen", "werkzame personen"], true, false).as_bytes(),
    )
    .err()
    .unwrap();
    assert!(
        e.message.contains(
            "geven allebei 'werkzame personen' voor Arbeidsmarktregio Achterhoek, Jaar 2016"
        ),
        "{}",
        e.message
    );
}

/// The long file as a spreadsheet outline writes it: the region on the first row of its block
/// only, the year on the first row of its region's year. The same numbers, and said; a single
/// region left empty by mistake stays an error.
#[test]
fn an_outline_with_labels_once_per_block_gives_the_long_numbers() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let mut out = String::new();
    let (mut region, mut year) = (String::new(), String::new());
    for (k, line) in LONG.lines().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        if k == 0 {
            out.push_str(&cells.join(";"));
        } else {
            let r = if cells[0] == region { "" } else { cells[0] };
            let y = if cells[0] == region && cells[1] == year {
                ""
            } else {
                cells[1]
            };
            out.push_str(
                &[r, y]
                    .iter()
                    .chain(&cells[2..])
                    .copied()
                    .collect::<Vec<_>>()
                    .join(";"),
            );
            (region, year) = (cells[0].to_string(), cells[1].to_string());
        }
        out.push('\n');
    }
    let ds = load("overzicht.csv", out.as_bytes());
    assert_same_views(&ds, &long, VIEWS);
    let notes = ds.table.detected.notes.join(" | ");
    assert!(
        notes.contains(
            "Lege cellen in 'arbeidsmarktregio' (432), 'jaar' (360) gelezen als de waarde erboven"
        ),
        "{notes}"
    );
    // One empty region among filled ones: no outline, the error it was.
    let mut lines: Vec<String> = LONG.lines().map(|l| l.replace(',', ";")).collect();
    lines[2] = lines[2].replacen("Achterhoek", "", 1);
    let e = Dataset::load("fout.csv", lines.join("\n").as_bytes())
        .err()
        .unwrap();
    assert!(
        e.message.contains("De regio ontbreekt in deze rij"),
        "{}",
        e.message
    );
}

#[test]
fn a_register_header_saying_ingeschreven_reads_as_the_register() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let variant = LONG.replacen(
        "personen_doelgroepregister,werkzame_personen",
        "Ingeschreven in doelgroepregister,Aantal werkzame personen",
        1,
    );
    assert_ne!(variant, LONG);
    let ds = load("ingeschreven.csv", variant.as_bytes());
    assert_same_views(&long, &ds, VIEWS);
}

/// Counts a file gives in thousands (`Werkzame personen (x 1000)`: `4,099` for 4099, `;` and a
/// decimal comma) are read as the counts they are, and the file line says so: every view gives
/// the numbers of the wide file (before, the views silently showed a thousandth of the counts).
#[test]
fn counts_given_in_thousands_read_as_the_counts() {
    let wide = load("regions.csv", WIDE.as_bytes());
    let mut lines = WIDE.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let first_count = header.iter().position(|h| *h == "year").unwrap() + 1;
    for unit in ["(x 1000)", "(x 1 000)", "(duizenden)"] {
        let mut out = header
            .iter()
            .enumerate()
            .map(|(j, h)| match j >= first_count {
                true => format!("{h} {unit}"),
                false => h.to_string(),
            })
            .collect::<Vec<_>>()
            .join(";")
            + "\n";
        for line in WIDE.lines().skip(1) {
            let cells: Vec<String> = line
                .split(',')
                .enumerate()
                .map(|(j, c)| match c.parse::<i64>() {
                    Ok(n) if j >= first_count => format!("{},{:03}", n / 1000, n % 1000),
                    _ => c.to_string(),
                })
                .collect();
            out += &(cells.join(";") + "\n");
        }
        let k = load("regions_x1000.csv", out.as_bytes());
        assert_same_views(&wide, &k, VIEWS);
        assert_eq!(k.table.detected.decimal.as_deref(), Some(","));
        assert!(
            k.table
                .detected
                .notes
                .iter()
                .any(|n| n.contains(&format!("Kolom 'workers_total {unit}'"))
                    && n.contains("vermenigvuldigd met 1000")
                    && n.contains("heet nu 'workers_total'")),
            "{unit}: {:?}",
            k.table.detected.notes
        );
    }
}

/// The long file with English headers (`Region, Year, Subgroup, Registered, Employed`) gives the
/// numbers of the Dutch one (before, `Registered` was not recognised and the views refused).
#[test]
fn english_headers_of_the_long_file_give_its_numbers() {
    let long = load("regions_long.csv", LONG.as_bytes());
    let body = LONG.split_once('\n').unwrap().1;
    for header in [
        "Region,Year,Subgroup,Registered,Employed",
        "region,year,group,registered persons,employed persons",
        "REGION,YEAR,TARGET GROUP,NUMBER REGISTERED,EMPLOYED",
    ] {
        let en = load("en.csv", format!("{header}\n{body}").as_bytes());
        assert_same_views(&long, &en, VIEWS);
    }
}

/// The wide file with English headers (`Region`, `Year`, `Registered (corrected)`, `Registered
/// Wajong (corrected)`, `Employed WSW`, ...) gives the numbers of the wide file (before,
/// `Registered (corrected)` and `Registered` both meant the uncorrected register and the views
/// refused).
#[test]
fn english_headers_of_the_wide_file_give_its_numbers() {
    let wide = load("regions.csv", WIDE.as_bytes());
    let english = |h: &str| -> String {
        match h {
            "region" => "Region",
            "year" => "Year",
            "register_persons_corrected" => "Registered (corrected)",
            "register_persons_uncorrected" => "Registered",
            "register_wajong_corrected" => "Registered Wajong (corrected)",
            "register_wajong_uncorrected" => "Registered Wajong",
            "register_wsw" => "Registered WSW",
            "register_participatiewet" => "Registered Participatiewet",
            "register_pw_praktijkroute" => "Registered Praktijkroute",
            "workers_total" => "Employed",
            "workers_wajong" => "Employed Wajong",
            "workers_wsw" => "Employed WSW",
            "workers_participatiewet" => "Employed Participatiewet",
            "workers_pw_praktijkroute" => "Employed Praktijkroute",
            other => other,
        }
        .to_string()
    };
    let (header, body) = WIDE.split_once('\n').unwrap();
    let header: Vec<String> = header.split(',').map(english).collect();
    let en = load("en.csv", format!("{}\n{body}", header.join(",")).as_bytes());
    assert_same_views(&wide, &en, VIEWS);
}

/// A table with one row per region and a block of columns per year, the year written once above
/// its block (a spreadsheet's merged cell) and the counts' names repeated under each year, reads
/// as the same table with the year in each header (`2015 werkzame_personen`): before, the row of
/// years was skipped as a title and the repeated names were refused.
#[test]
fn years_over_blocks_of_repeated_names_are_a_header_over_two_rows() {
    let mut lines = WIDE.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let first_count = header.iter().position(|h| *h == "year").unwrap() + 1;
    let counts = &header[first_count..];
    let years = ["2015", "2016", "2017"];
    let mut regions: Vec<&str> = Vec::new();
    let mut cell = std::collections::HashMap::new();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        if !regions.contains(&cells[0]) {
            regions.push(cells[0]);
        }
        for (k, c) in counts.iter().enumerate() {
            cell.insert(
                (cells[0], cells[first_count - 1], *c),
                cells[first_count + k],
            );
        }
    }
    let body: String = regions
        .iter()
        .map(|r| {
            let v: Vec<&str> = years
                .iter()
                .flat_map(|y| counts.iter().map(move |c| (y, c)))
                .map(|(y, c)| cell.get(&(*r, *y, *c)).copied().unwrap_or(""))
                .collect();
            format!("{r};{}\n", v.join(";"))
        })
        .collect();
    let one_row: Vec<String> = years
        .iter()
        .flat_map(|y| counts.iter().map(move |c| format!("{y} {c}")))
        .collect();
    let one = load(
        "one.csv",
        format!("arbeidsmarktregio;{}\n{body}", one_row.join(";")).as_bytes(),
    );
    let top: Vec<&str> = years
        .iter()
        .flat_map(|y| (0..counts.len()).map(move |k| if k == 0 { *y } else { "" }))
        .collect();
    let names: Vec<&str> = years.iter().flat_map(|_| counts.iter().copied()).collect();
    let two = load(
        "two.csv",
        format!(
            ";{}\narbeidsmarktregio;{}\n{body}",
            top.join(";"),
            names.join(";")
        )
        .as_bytes(),
    );
    assert_same_views(&one, &two, VIEWS);
    assert_eq!(one.regional.as_ref().unwrap().regions.len(), 35);
}

/// The same table as pandas writes a header of measures and years: each count's name repeated
/// over its three columns, the years in the row below with nothing under the region column.
#[test]
fn measures_over_years_as_pandas_writes_them_are_a_header_over_two_rows() {
    let mut lines = WIDE.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let first_count = header.iter().position(|h| *h == "year").unwrap() + 1;
    let counts = &header[first_count..];
    let years = ["2015", "2016", "2017"];
    let mut regions: Vec<&str> = Vec::new();
    let mut cell = std::collections::HashMap::new();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        if !regions.contains(&cells[0]) {
            regions.push(cells[0]);
        }
        for (k, c) in counts.iter().enumerate() {
            cell.insert(
                (cells[0], cells[first_count - 1], *c),
                cells[first_count + k],
            );
        }
    }
    let pairs: Vec<(&str, &str)> = counts
        .iter()
        .flat_map(|c| years.iter().map(move |y| (*c, *y)))
        .collect();
    let body: String = regions
        .iter()
        .map(|r| {
            let v: Vec<&str> = pairs
                .iter()
                .map(|(c, y)| cell.get(&(*r, *y, *c)).copied().unwrap_or(""))
                .collect();
            format!("{r},{}\n", v.join(","))
        })
        .collect();
    let one_row: Vec<String> = pairs.iter().map(|(c, y)| format!("{c} {y}")).collect();
    let one = load(
        "one.csv",
        format!("arbeidsmarktregio,{}\n{body}", one_row.join(",")).as_bytes(),
    );
    let top: Vec<&str> = pairs.iter().map(|p| p.0).collect();
    let below: Vec<&str> = pairs.iter().map(|p| p.1).collect();
    let two = load(
        "two.csv",
        format!(
            "arbeidsmarktregio,{}\n,{}\n{body}",
            top.join(","),
            below.join(",")
        )
        .as_bytes(),
    );
    assert_same_views(&one, &two, VIEWS);
    assert!(
        two.table
            .detected
            .notes
            .iter()
            .any(|n| n.contains("bijvoorbeeld 'register_persons_corrected 2015'")),
        "{:?}",
        two.table.detected.notes
    );
}

/// A total row per region (`Totaal Achterhoek` beside the region's municipalities) is used for
/// the region, its municipalities not added to it; the file line names the first few such
/// totals per column and how many more, not every one of them.
#[test]
fn a_total_row_per_region_is_used_and_the_file_line_names_a_few() {
    let regions = ["Achterhoek", "Twente", "Zeeland", "Drenthe", "Flevoland"];
    let mut csv = String::from(
        "Gemeente;Arbeidsmarktregio;Jaar;Aantal in doelgroepregister;Aantal werkzaam\n",
    );
    for (i, r) in regions.iter().enumerate() {
        for y in [2015, 2016] {
            let (a, b) = (100 + 10 * i + (y - 2015), 50 + i);
            csv += &format!(
                "{r} Noord;{r};{y};{a};{b}\n{r} Zuid;{r};{y};{};{}\n",
                a + 1,
                b + 1
            );
            csv += &format!("Totaal {r};{r};{y};{};{}\n", 2 * a + 1, 2 * b + 1);
        }
    }
    let ds = load("totaal_per_regio.csv", csv.as_bytes());
    let r = ds.regional.as_ref().unwrap();
    let totals = note_starting(&r.notes, "Totaalrijen herkend");
    assert!(
        totals.ends_with(
            "Gemeente = 'Totaal Achterhoek', 'Totaal Twente', 'Totaal Zeeland' en 2 andere"
        ),
        "{totals}"
    );
    let v = shown(&banenverkenner::render::render_query(
        &ds,
        "view=ranking&measure=share&year=2016",
    ));
    let achterhoek = v["data"]["bars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["region"] == "Achterhoek")
        .unwrap_or_else(|| panic!("{v}"));
    assert!(
        (achterhoek["value"].as_f64().unwrap() - 100.0 * 101.0 / 203.0).abs() < 1e-9,
        "{achterhoek}"
    );
}

/// The trend of a quarterly file says its counts hold at the end of each quarter (it said "end
/// of the year" whatever the grain); the yearly file's still says the end of the year.
#[test]
fn the_trend_says_at_which_moment_its_counts_hold() {
    let q = load(
        "kwartalen.csv",
        quarterly(|y, q| format!("{y}K{q}")).as_bytes(),
    );
    let r = banenverkenner::render::render_query(&q, "view=trend").unwrap();
    assert_eq!(
        r.subtitle,
        "Landelijk, aantal personen eind van elk kwartaal"
    );
    let r = banenverkenner::render::render_query(&q, "view=trend&lang=en&region=Twente").unwrap();
    assert!(
        r.subtitle
            .starts_with("Number of persons at the end of each quarter;"),
        "{}",
        r.subtitle
    );
    let y = load("regions_long.csv", LONG.as_bytes());
    let r = banenverkenner::render::render_query(&y, "view=trend").unwrap();
    assert_eq!(r.subtitle, "Landelijk, aantal personen eind van het jaar");
}

/// The views over the periods of a quarterly file say so: "per kwartaal" (was "per jaar"), and
/// write the periods as labels ("2017 K4", never "2017K4").
#[test]
fn views_over_a_quarterly_files_periods_say_per_quarter() {
    let q = load(
        "kwartalen.csv",
        quarterly(|y, q| format!("{y}K{q}")).as_bytes(),
    );
    let r = |s: &str| banenverkenner::render::render_query(&q, s).unwrap();
    let p = r("view=profile&region=Twente");
    assert_eq!(
        p.subtitle,
        "Twente (doorgetrokken) en landelijk (gestippeld), per kwartaal"
    );
    assert!(
        // (The growth runs from the first stand at the point of the year of the last: 2015 K4.)
        p.summary.contains("in 2017 K4)") && p.summary.contains("sinds 2015 K4"),
        "{}",
        p.summary
    );
    assert!(!p.summary.contains("2017K4"), "{}", p.summary);
    let c = r("view=compare&regions=Twente,Zeeland");
    assert_eq!(c.subtitle, "Twente en Zeeland; per kwartaal, %");
    assert!(
        c.summary
            .starts_with("Aandeel werkenden (totaal) in 2017 K4:"),
        "{}",
        c.summary
    );
    let v = r("view=convergence&lang=en");
    assert!(
        v.subtitle
            .starts_with("Per quarter: highest and lowest region"),
        "{}",
        v.subtitle
    );
    let y = load("regions_long.csv", LONG.as_bytes());
    let c =
        banenverkenner::render::render_query(&y, "view=compare&regions=Twente,Zeeland").unwrap();
    assert_eq!(c.subtitle, "Twente en Zeeland; per jaar, %");
}

/// Regions side by side without regions=: the marked region (region=, kept by the page from
/// the view before) is one of them, and the change says which two were taken.
#[test]
fn compare_without_regions_starts_from_the_marked_region() {
    let y = load("regions_long.csv", LONG.as_bytes());
    let c = banenverkenner::render::render_query(&y, "view=compare&region=Twente").unwrap();
    assert!(c.spec.contains("regions=Twente%2CAchterhoek"), "{}", c.spec);
    assert!(
        c.changes
            .iter()
            .any(|ch| ch.contains("Twente en Achterhoek")),
        "{:?}",
        c.changes
    );
}

/// The convergence table of a quarterly file has a column "kwartaal" with the quarters as they
/// are written ("2015 K1"); the yearly file's keeps "jaar" with the years as numbers.
#[test]
fn the_convergence_table_names_its_periods_by_the_grain() {
    let q = load(
        "kwartalen.csv",
        quarterly(|y, q| format!("{y}K{q}")).as_bytes(),
    );
    let r = banenverkenner::render::render_query(&q, "view=convergence").unwrap();
    assert_eq!(r.table.columns[0], "kwartaal");
    assert_eq!(r.table.rows[0][0], "2015 K1");
    let r = banenverkenner::render::render_query(&q, "view=convergence&lang=en").unwrap();
    assert_eq!(r.table.columns[0], "quarter");
    assert_eq!(r.table.rows[0][0], "2015 Q1");
    let y = load("regions_long.csv", LONG.as_bytes());
    let r = banenverkenner::render::render_query(&y, "view=convergence").unwrap();
    assert_eq!(r.table.columns[0], "jaar");
    assert_eq!(r.table.rows[0][0], 2015);
}

#[test]
fn rows_summed_over_many_columns_name_ten_of_them() {
    // The long file with each row split in two that differ in twelve text columns: the note
    // names ten of the columns summed over and counts the other two (a file of thousands of
    // columns would otherwise write them all), in both languages; the numbers are the long file's.
    let names: Vec<String> = (1..=12).map(|k| format!("kenmerk{k}")).collect();
    let header = format!(
        "arbeidsmarktregio,jaar,doelgroep,{},personen,werkzaam",
        names.join(",")
    );
    let text = long_in_halves(&header, |f, part, (p, w)| {
        let dims = vec![["a", "b"][part]; names.len()].join(",");
        format!("{},{},{},{dims},{},{}", f[0], f[1], f[2], cell(p), cell(w))
    });
    let ds = load("kenmerken.csv", text.as_bytes());
    assert_same_views(&ds, &load("regions_long.csv", LONG.as_bytes()), &VIEWS[..8]);
    let regional = ds.regional.as_ref().unwrap();
    let summed = note_starting(&regional.notes, "Opgeteld over");
    assert!(
        summed.starts_with(
            "Opgeteld over kenmerk1, kenmerk2, kenmerk3, kenmerk4, kenmerk5, kenmerk6, kenmerk7, \
             kenmerk8, kenmerk9, kenmerk10 en 2 andere kolommen:"
        ),
        "{summed}"
    );
    let en = ds.info_in(Lang::En);
    assert!(
        en.notes.iter().any(|n| n.starts_with(
            "Summed over kenmerk1, kenmerk2, kenmerk3, kenmerk4, kenmerk5, kenmerk6, kenmerk7, \
             kenmerk8, kenmerk9, kenmerk10 and 2 other columns:"
        )),
        "{:?}",
        en.notes
    );
}

/// `LONG` with one row per measure: a measure column (`Onderwerpen`) naming the counts, the
/// number in `Aantal`, a unit column that goes with the measure, and a share that is no count.
fn one_row_per_measure() -> String {
    let mut lines = LONG.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header.len(), 5, "{header:?}");
    let mut out = String::from("Onderwerpen;Eenheid;Arbeidsmarktregio;Perioden;Doelgroep;Aantal\n");
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let (p, w) = (f[3], f[4]);
        let share = match (p.parse::<f64>(), w.parse::<f64>()) {
            (Ok(p), Ok(w)) if p > 0.0 => format!("{:.1}", 100.0 * w / p).replace('.', ","),
            _ => String::new(),
        };
        let dims = format!("{};{};{}", f[0], f[1], f[2]);
        out += &format!("Werkzame personen;personen;{dims};{w}\n");
        out += &format!("Personen in doelgroepregister;aantal;{dims};{p}\n");
        out += &format!("Aandeel werkzaam;%;{dims};{share}\n");
    }
    out
}

/// `LONG` as a published table with one column per year, one row per region, doelgroep and
/// measure (`maat`).
fn one_column_per_year() -> String {
    let mut lines = LONG.lines();
    lines.next();
    let mut years: Vec<String> = Vec::new();
    let mut keys: Vec<(String, String, &str)> = Vec::new();
    let mut cells = std::collections::HashMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        if !years.iter().any(|y| y == f[1]) {
            years.push(f[1].to_string());
        }
        for (measure, v) in [("personen", f[3]), ("werkzaam", f[4])] {
            let key = (f[0].to_string(), f[2].to_string(), measure);
            if !keys.contains(&key) {
                keys.push(key.clone());
            }
            cells.insert((key, f[1].to_string()), v.to_string());
        }
    }
    let mut out = format!("regio,doelgroep,maat,{}\n", years.join(","));
    for key in keys {
        let row: Vec<String> = years
            .iter()
            .map(|y| {
                cells
                    .get(&(key.clone(), y.clone()))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        out += &format!("{},{},{},{}\n", key.0, key.1, key.2, row.join(","));
    }
    out
}

#[test]
fn a_file_with_one_row_per_measure_gives_the_numbers_of_the_wide_file() {
    let wide = load("regions.csv", wide_without(NOT_IN_LONG, true).as_bytes());
    let text = one_row_per_measure();
    let measures = load("onderwerpen.csv", &windows_1252(&text));
    assert_same_views(&measures, &wide, VIEWS);
    let notes = &measures.table.detected.notes;
    assert!(
        notes.iter().any(|n| n.starts_with("Eén rij per maat in 'Onderwerpen' met het getal in 'Aantal'; gelezen als één kolom per maat ('Werkzame personen', 'Personen in doelgroepregister', 'Aandeel werkzaam')")
            && n.ends_with("; 'Eenheid' weggelaten (hoort bij de maat).")),
        "{notes:?}"
    );
    // A table without regions keeps its shape: a line per measure, as its view descriptions say.
    let national =
        "indicator;jaar;waarde\nWerkzame personen;2015;10000\nWerkzame personen;2016;11000\n\
        Personen in doelgroepregister;2015;40000\nPersonen in doelgroepregister;2016;42000\n";
    let ds = Dataset::load("landelijk.csv", national.as_bytes()).unwrap();
    assert!(ds.regional.is_none());
    let r = render_query(&ds, "view=line&x=jaar&y=waarde&series=indicator").unwrap();
    assert_eq!(
        r.data["series"].as_array().map(Vec::len),
        Some(2),
        "{}",
        r.data
    );
    // The same with the periods as columns (melted first, then one column per measure).
    let years = load("jaren.csv", one_column_per_year().as_bytes());
    assert_same_views(&years, &wide, VIEWS);
    assert!(
        years
            .table
            .detected
            .notes
            .iter()
            .any(|n| n.starts_with("Eén rij per maat in 'maat' met het getal in 'waarde'")),
        "{:?}",
        years.table.detected.notes
    );
}
