//! Numbers and dates as Dutch spreadsheets and exports write them, each file generated here from
//! `tests/fixtures/regions_long.csv`: counts with their thousands grouped by a space, a no-break
//! space (U+00A0), a narrow no-break space (U+202F) or a thin space (U+2009), quoted or not;
//! a `peildatum` with two-digit years (`31-12-15`, `31/12/15`, `31.12.15`, `31-dec-15`), with
//! the month's name (`31 december 2015`) or as JSON and OData write a day
//! (`2015-12-31T00:00:00`). Each must give exactly the numbers of the original file, and say in
//! the file line how it was read.

use banenverkenner::render::{render_query, Dataset};
use banenverkenner::table::{self, Value};
use serde_json::Value as Json;

const LONG: &str = include_str!("fixtures/regions_long.csv");

/// The long file as header + rows of text.
fn long() -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(LONG.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// A whole number with its thousands grouped by `sep` (`4099` -> `4 099`).
fn grouped(s: &str, sep: &str) -> String {
    let (sign, digits) = match s.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::from(sign);
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// The long file written with `;`, its year column named `year_name` and written by `period`,
/// its counts by `count`.
fn variant(
    year_name: &str,
    period: impl Fn(&str) -> String,
    count: impl Fn(&str) -> String,
) -> Vec<u8> {
    let (header, rows) = long();
    let year = header.iter().position(|h| h == "jaar").unwrap();
    let counts: Vec<usize> = ["personen_doelgroepregister", "werkzame_personen"]
        .iter()
        .map(|c| header.iter().position(|h| h == c).unwrap())
        .collect();
    let mut h = header.clone();
    h[year] = year_name.to_string();
    let mut s = h.join(";") + "\n";
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, v)| {
                if j == year {
                    period(v)
                } else if counts.contains(&j) {
                    count(v)
                } else {
                    v.clone()
                }
            })
            .collect();
        s.push_str(&cells.join(";"));
        s.push('\n');
    }
    s.into_bytes()
}

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A view's numbers: its data without the texts that name the periods.
fn numbers(v: &Json) -> Json {
    match v {
        Json::Object(m) => Json::Object(
            m.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "from"
                            | "to"
                            | "year"
                            | "label"
                            | "x_label"
                            | "y_label"
                            | "x_name"
                            | "y_name"
                    )
                })
                .map(|(k, v)| (k.clone(), numbers(v)))
                .collect(),
        ),
        Json::Array(a) => Json::Array(a.iter().map(numbers).collect()),
        other => other.clone(),
    }
}

const VIEWS: [&str; 6] = [
    "view=scatter",
    "view=scatter&subgroup=wajong",
    "view=scatter&subgroup=wsw&from=2016&to=2017",
    "view=ranking",
    "view=ranking&subgroup=participatiewet",
    "view=ranking&measure=share&year=2017",
];

fn notes(ds: &Dataset) -> String {
    ds.table.detected.notes.join(" | ")
}

#[test]
fn counts_grouped_by_spaces_give_the_numbers_of_the_plain_file() {
    let plain = load("regions_long.csv", LONG.as_bytes());
    for (sep, quoted) in [
        (" ", false),
        ("\u{a0}", false),
        ("\u{202f}", false),
        ("\u{2009}", false),
        (" ", true),
        ("\u{a0}", true),
    ] {
        let name = format!("spatie {:?} {quoted}.csv", sep);
        let bytes = variant(
            "jaar",
            |y| y.to_string(),
            |v| {
                let g = grouped(v, sep);
                if quoted {
                    format!("\"{g}\"")
                } else {
                    g
                }
            },
        );
        assert!(
            String::from_utf8_lossy(&bytes).contains(&format!("4{sep}099")),
            "the file has grouped counts"
        );
        let ds = load(&name, &bytes);
        assert_eq!(ds.table.detected.decimal.as_deref(), Some(","), "{name}");
        for view in VIEWS {
            let want = render_query(&plain, view).unwrap();
            let got = render_query(&ds, view).unwrap_or_else(|e| panic!("{name} {view}: {e}"));
            assert_eq!(got.data, want.data, "{name} {view}");
        }
        let n = notes(&ds);
        assert!(
            n.contains("Getallen met een spatie tussen de duizendtallen gelezen")
                && n.contains("'personen_doelgroepregister', 'werkzame_personen'"),
            "{name}: {n}"
        );
        let en = ds
            .table
            .detected
            .notes_in(banenverkenner::format::Lang::En)
            .join(" | ");
        assert!(
            en.contains("Numbers with a space between the thousands"),
            "{en}"
        );
        // Nothing is named as read as text.
        assert!(!n.contains("als tekst gelezen"), "{name}: {n}");
    }
}

/// The cells of the one column of a small `;` file.
fn cells(text: &str) -> (Option<String>, Vec<Value>) {
    let t = table::load("x.csv", text.as_bytes()).unwrap();
    let j = t.column_index("n").unwrap();
    (t.detected.decimal.clone(), t.columns[j].values())
}

#[test]
fn spaced_numbers_with_decimals_and_signs_follow_the_files_separator() {
    // A decimal comma file.
    let (dec, v) = cells("id;n\na;-1 234,5\nb;12 345 678\nc;4\u{a0}099\nd;0,5\n");
    assert_eq!(dec.as_deref(), Some(","));
    assert_eq!(
        v,
        [-1234.5, 12345678.0, 4099.0, 0.5]
            .map(Value::Number)
            .to_vec()
    );
    // A decimal point file, though `;`-separated (which alone would mean a comma): the spaced
    // cells tell the point.
    let (dec, v) = cells("id;n\na;1 234.5\nb;2\u{202f}345.25\nc;7\n");
    assert_eq!(dec.as_deref(), Some("."));
    assert_eq!(v, [1234.5, 2345.25, 7.0].map(Value::Number).to_vec());
    // A `,` file with quoted cells.
    let (dec, v) = cells("id,n\na,\"1 234.5\"\nb,\"12 345\"\nc,3.25\n");
    assert_eq!(dec.as_deref(), Some("."));
    assert_eq!(v, [1234.5, 12345.0, 3.25].map(Value::Number).to_vec());
}

#[test]
fn badly_grouped_spaces_stay_text_and_are_named() {
    for bad in [
        "12 34",
        "2015 1",
        "1234 AB",
        "4 099 a",
        "1 2345",
        "12  345",
        "1 234,5,6",
    ] {
        let text = format!("id;n\na;{bad}\nb;4 099\nc;12 345\nd;7\n");
        let t = table::load("x.csv", text.as_bytes()).unwrap();
        let j = t.column_index("n").unwrap();
        assert_eq!(
            t.columns[j].values()[0],
            Value::Text(bad.to_string()),
            "{bad}"
        );
        assert_eq!(t.columns[j].values()[1], Value::Number(4099.0), "{bad}");
    }
    // A postcode column stays a text column, and no number note is made.
    let t = table::load("x.csv", "pc;n\n1234 AB;1\n7511 JM;2\n".as_bytes()).unwrap();
    assert_eq!(t.columns[0].values()[0], Value::Text("1234 AB".into()));
    assert!(
        !t.detected.notes.iter().any(|n| n.contains("spatie")),
        "{:?}",
        t.detected.notes
    );
}

#[test]
fn a_workbook_and_json_with_spaced_texts_read_them_as_numbers() {
    let json =
        r#"[{"regio":"A","n":"4 099"},{"regio":"B","n":"1 234.5"},{"regio":"C","n":"12 34"}]"#;
    let t = table::load("x.json", json.as_bytes()).unwrap();
    let j = t.column_index("n").unwrap();
    assert_eq!(
        t.columns[j].values(),
        vec![
            Value::Number(4099.0),
            Value::Number(1234.5),
            Value::Text("12 34".into())
        ]
    );
    assert!(t.detected.notes.iter().any(|n| n.contains("zoals 4 099")));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "regio").unwrap();
    ws.write_string(0, 1, "n").unwrap();
    for (i, (r, n)) in [("A", "4\u{a0}099"), ("B", "12 345 678"), ("C", "7")]
        .iter()
        .enumerate()
    {
        ws.write_string(1 + i as u32, 0, *r).unwrap();
        ws.write_string(1 + i as u32, 1, *n).unwrap();
    }
    let t = table::load("x.xlsx", &wb.save_to_buffer().unwrap()).unwrap();
    let j = t.column_index("n").unwrap();
    assert_eq!(
        t.columns[j].values(),
        [4099.0, 12345678.0, 7.0].map(Value::Number).to_vec()
    );
    assert!(t.detected.notes.iter().any(|n| n.contains("duizendtallen")));
}

#[test]
fn two_digit_years_in_a_peildatum_give_the_numbers_of_the_yearly_file() {
    let yearly = load("regions_long.csv", LONG.as_bytes());
    let four = load(
        "peildatum.csv",
        &variant("peildatum", |y| format!("31-12-{y}"), |v| v.to_string()),
    );
    for (name, period) in [
        (
            "streepjes",
            (|y: &str| format!("31-12-{}", &y[2..])) as fn(&str) -> String,
        ),
        ("schuine strepen", |y: &str| format!("31/12/{}", &y[2..])),
        ("punten", |y: &str| format!("31.12.{}", &y[2..])),
        ("maandnaam kort", |y: &str| format!("31-dec-{}", &y[2..])),
        ("maandnaam", |y: &str| format!("31 december {y}")),
        ("afkorting", |y: &str| format!("31 dec {y}")),
        ("met tijd", |y: &str| format!("{y}-12-31T00:00:00")),
        ("met tijd en Z", |y: &str| {
            format!("{y}-12-31T00:00:00.000Z")
        }),
        ("Excel met tijd", |y: &str| format!("31-12-{y} 00:00")),
    ] {
        let ds = load(name, &variant("peildatum", period, |v| v.to_string()));
        let years: Vec<String> = ds
            .regional
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: {:?}", ds.regional_error))
            .years
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(years, ["2015-12-31", "2016-12-31", "2017-12-31"], "{name}");
        for view in VIEWS {
            let dated = view
                .replace("from=2016", "from=31-12-2016")
                .replace("to=2017", "to=31-12-2017")
                .replace("year=2017", "year=31-12-2017");
            let want = render_query(&four, &dated).unwrap();
            let got = render_query(&ds, &dated).unwrap_or_else(|e| panic!("{name} {view}: {e}"));
            assert_eq!(got.data, want.data, "{name} {view}");
            // The numbers of the yearly file.
            let yearly_view = render_query(&yearly, view).unwrap();
            assert_eq!(
                numbers(&got.data),
                numbers(&yearly_view.data),
                "{name} {view}"
            );
        }
        // `from`/`to` take the periods as the file writes them, two-digit years too.
        if name == "streepjes" {
            let r = render_query(&ds, "view=scatter&from=31-12-15&to=31-12-16").unwrap();
            assert!(
                r.spec.contains("from=2015-12-31&to=2016-12-31"),
                "{}",
                r.spec
            );
            let want = render_query(&yearly, "view=scatter&from=2015&to=2016").unwrap();
            assert_eq!(numbers(&r.data), numbers(&want.data));
        }
        // Two-digit years are said, with the rule; four-digit ones are not.
        let r = ds.regional.as_ref().unwrap();
        let said = r.notes.join(" | ");
        let said_en = r.notes_en.join(" | ");
        let short = !period("2015").contains("2015");
        assert_eq!(
            said.contains("Jaartallen met twee cijfers in 'peildatum' gelezen als 20xx (00-69) of 19xx (70-99)"),
            short,
            "{name}: {said}"
        );
        assert_eq!(
            said_en.contains("Two-digit years in 'peildatum' read as 20xx (00-69) or 19xx (70-99)"),
            short,
            "{name}: {said_en}"
        );
        if short {
            assert!(said.contains(" = 31 dec 2015"), "{said}");
            assert!(said_en.contains(" = 31 Dec 2015"), "{said_en}");
        }
    }
}

#[test]
fn a_peildatum_with_a_time_in_json_records() {
    let (header, rows) = long();
    let recs: Vec<Json> = rows
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            for (h, v) in header.iter().zip(r) {
                let v = match h.as_str() {
                    "jaar" => Json::String(format!("{v}-12-31T00:00:00")),
                    "arbeidsmarktregio" | "doelgroep" => Json::String(v.clone()),
                    _ => v.parse::<f64>().map_or(Json::Null, Json::from),
                };
                let h = if h == "jaar" { "peildatum" } else { h.as_str() };
                m.insert(h.to_string(), v);
            }
            Json::Object(m)
        })
        .collect();
    let odata = serde_json::json!({ "odata.metadata": "x", "value": recs });
    let ds = load("odata.json", odata.to_string().as_bytes());
    let yearly = load("regions_long.csv", LONG.as_bytes());
    for view in VIEWS {
        let got = render_query(&ds, view).unwrap_or_else(|e| panic!("{view}: {e}"));
        let want = render_query(&yearly, view).unwrap();
        assert_eq!(numbers(&got.data), numbers(&want.data), "{view}");
    }
}

#[test]
fn a_column_of_small_numbers_is_no_date() {
    // `15`, `16`, `17` are no years: the regional reading refuses them, as before.
    let bytes = variant("jaar", |y| y[2..].to_string(), |v| v.to_string());
    let e = match Dataset::load("kort.csv", &bytes) {
        Ok(ds) => ds.regional_error.expect("no periods"),
        Err(e) => e,
    };
    assert!(e.message.contains("'15' is geen jaartal of periode"), "{e}");
}

#[test]
fn two_digit_years_in_a_tidy_file_are_said_in_the_file_line() {
    let text = "peildatum;leeftijd;aantal\n31-12-15;jong;1 200\n31-12-15;oud;800\n31-12-16;jong;1 300\n31-12-16;oud;900\n";
    let ds = load("tidy.csv", text.as_bytes());
    assert!(ds.regional.is_none());
    let nl = ds
        .info_in(banenverkenner::format::Lang::Nl)
        .notes
        .join(" | ");
    assert!(
        nl.contains("Jaartallen met twee cijfers in 'peildatum' gelezen als 20xx (00-69) of 19xx (70-99): 31-12-15 = 31 dec 2015, 31-12-16 = 31 dec 2016"),
        "{nl}"
    );
    assert!(nl.contains("zoals 1 200 = 1200"), "{nl}");
    let en = ds
        .info_in(banenverkenner::format::Lang::En)
        .notes
        .join(" | ");
    assert!(en.contains("Two-digit years in 'peildatum'"), "{en}");
    // The line view runs over the dates.
    let r = render_query(&ds, "view=line&x=peildatum&y=aantal").unwrap();
    assert_eq!(r.data["x_values"][1]["label"], "31 dec 2016", "{}", r.data);
    assert_eq!(r.data["series"][0]["points"][1]["y"], 1300.0, "{}", r.data);
    // A file whose periods have four digits says nothing of the kind.
    let four = load(
        "tidy4.csv",
        text.replace("-15;", "-2015;")
            .replace("-16;", "-2016;")
            .as_bytes(),
    );
    let nl = four
        .info_in(banenverkenner::format::Lang::Nl)
        .notes
        .join(" | ");
    assert!(!nl.contains("twee cijfers"), "{nl}");
}

/// Months and days written as one number (`201512`, `20151231`), as databases and statistics
/// packages export them, give the numbers of the yearly file, as do second half-years (`2e
/// halfjaar 2015`, `2015H2`: they end with the year); so do years marked provisional
/// by a word or a letter (`2015 (voorlopig)`, `2015v`), which the file line names.
#[test]
fn compact_periods_and_provisional_words_give_the_numbers_of_the_yearly_file() {
    let yearly = load("regions_long.csv", LONG.as_bytes());
    const YEARS: [&str; 3] = ["2015", "2016", "2017"];
    for (name, period, years, provisional) in [
        (
            "jjjjmm",
            (|y: &str| format!("{y}12")) as fn(&str) -> String,
            ["2015M12", "2016M12", "2017M12"],
            false,
        ),
        (
            "jjjjmmdd",
            |y: &str| format!("{y}1231"),
            ["2015-12-31", "2016-12-31", "2017-12-31"],
            false,
        ),
        (
            "halfjaar",
            |y: &str| format!("2e halfjaar {y}"),
            ["2015H2", "2016H2", "2017H2"],
            false,
        ),
        (
            "halfjaar code",
            |y: &str| format!("{y}H2"),
            ["2015H2", "2016H2", "2017H2"],
            false,
        ),
        (
            "voorlopig",
            |y: &str| format!("{y} (voorlopig)"),
            YEARS,
            true,
        ),
        ("letter", |y: &str| format!("{y}v"), YEARS, true),
        (
            "provisional",
            |y: &str| format!("{y} (provisional)"),
            YEARS,
            true,
        ),
    ] {
        let ds = load(name, &variant("periode", period, |v| v.to_string()));
        let r = ds
            .regional
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: {:?}", ds.regional_error));
        let got: Vec<String> = r.years.iter().map(|p| p.to_string()).collect();
        assert_eq!(got, years, "{name}");
        for view in VIEWS {
            let want = render_query(&yearly, view).unwrap();
            let at = |y: &str| {
                let i = YEARS.iter().position(|x| *x == y).unwrap();
                years[i].to_string()
            };
            let asked = view
                .replace("from=2016", &format!("from={}", at("2016")))
                .replace("to=2017", &format!("to={}", at("2017")))
                .replace("year=2017", &format!("year={}", at("2017")));
            let got = render_query(&ds, &asked).unwrap_or_else(|e| panic!("{name} {view}: {e}"));
            assert_eq!(numbers(&got.data), numbers(&want.data), "{name} {view}");
        }
        let said = r
            .notes
            .iter()
            .any(|n| n.starts_with("Voorlopige cijfers: ") && n.contains(&period("2015")));
        assert_eq!(said, provisional, "{name}: {:?}", r.notes);
    }
}

/// Half-years are a time axis of their own: a trend line over `2019H1`, `2019H2`, `2020H1` runs
/// in that order with readable labels, and the column is named as half-years.
#[test]
fn half_years_make_a_time_axis() {
    let text = "periode;aantal\n2e halfjaar 2019;20\n1e halfjaar 2019;10\n1e halfjaar 2020;30\n";
    let ds = load("halfjaren.csv", text.as_bytes());
    let r = render_query(&ds, "view=line&x=periode&y=aantal").unwrap();
    // In the order of time, not of the file; the title names them readably.
    let values: Vec<String> = r.table.rows.iter().map(|row| row[2].to_string()).collect();
    assert_eq!(values, ["10.0", "20.0", "30.0"], "{:?}", r.table.rows);
    assert!(r.title.contains("2019 H1 – 2020 H1"), "{}", r.title);
    let info = serde_json::to_value(ds.info()).unwrap();
    let roles = info["roles"]["columns"].as_array().unwrap();
    let periode = roles.iter().find(|c| c["column"] == "periode").unwrap();
    assert_eq!(periode["time_kind"], "half_year", "{periode}");
}
