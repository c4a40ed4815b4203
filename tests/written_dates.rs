//! Dates as analysts' tools write them: month first from English-locale exports (`12/31/2019`,
//! decided per column, never per cell), a twelve-hour clock (`12/31/2019 11:59 PM`,
//! `2019-12-31 12:00:00 AM`), written out with or without the day of the week (`dinsdag 31
//! december 2019`, `Tuesday, December 31, 2019`), with a zone (`2019-12-31T00:00:00+01:00`).
//! Each reads as the same dates written day first (the same numbers in the views), said in the
//! file line where it was a choice; a column mixing the orders, or a date that is none in the
//! column's order, is an error naming row and column.

use banenverkenner::render::{render_query, Dataset};

const LONG: &[u8] = include_bytes!("fixtures/regions_long.csv");

/// The long file with its year column replaced by `date(year)`, named `peildatum`; `extra`
/// lines appended.
fn dated(date: impl Fn(&str) -> String, extra: &str) -> Vec<u8> {
    let text = std::str::from_utf8(LONG).unwrap();
    let mut out = String::new();
    for (k, line) in text.lines().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        cells[1] = if k == 0 {
            "peildatum".into()
        } else {
            date(&cells[1])
        };
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out.push_str(extra);
    out.into_bytes()
}

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The scatter's and ranking's numbers for every subgroup, and the lines over the periods.
fn views(ds: &Dataset) -> Vec<serde_json::Value> {
    let mut v: Vec<serde_json::Value> = Vec::new();
    for g in ["total", "wajong", "wsw", "participatiewet"] {
        for view in ["scatter", "ranking"] {
            v.push(
                render_query(ds, &format!("view={view}&subgroup={g}"))
                    .unwrap()
                    .data,
            );
        }
    }
    for q in ["view=trend", "view=basics"] {
        v.push(render_query(ds, q).unwrap().data);
    }
    v
}

/// The note (Dutch, English) that contains `nl`.
fn note(ds: &Dataset, nl: &str) -> Option<(String, String)> {
    let d = &ds.table.detected;
    let i = d.notes.iter().position(|n| n.contains(nl))?;
    Some((d.notes[i].clone(), d.notes_en[i].clone()))
}

const MONTH_FIRST: &str = "datums gelezen als maand/dag/jaar";
const EITHER: &str = "dus met de maand eerst";

fn two(y: &str) -> &str {
    &y[2..]
}

#[test]
fn month_first_dates_give_the_numbers_of_the_same_dates_day_first() {
    let reference = load("datum.csv", &dated(|y| format!("31-12-{y}"), ""));
    let want = views(&reference);
    assert!(want[0]["points"].as_array().is_some_and(|p| p.len() > 30));
    assert_eq!(note(&reference, MONTH_FIRST), None);
    type Date = Box<dyn Fn(&str) -> String>;
    for (what, date) in [
        ("m/d/yyyy", Box::new(|y: &str| format!("12/31/{y}")) as Date),
        ("m-d-yyyy", Box::new(|y: &str| format!("12-31-{y}"))),
        ("m/d/yy", Box::new(|y: &str| format!("12/31/{}", two(y)))),
        ("PM", Box::new(|y: &str| format!("12/31/{y} 11:59 PM"))),
        ("AM", Box::new(|y: &str| format!("12/31/{y} 12:00:00 AM"))),
    ] {
        let ds = load("us.csv", &dated(date, ""));
        let (nl, en) = note(&ds, MONTH_FIRST).unwrap_or_else(|| panic!("{what}: no note"));
        assert!(
            nl.starts_with("Kolom 'peildatum': datums gelezen als maand/dag/jaar (zoals '12")
                && nl.contains("= 31 dec 2015)"),
            "{what}: {nl}"
        );
        assert!(
            en.starts_with("Column 'peildatum': dates read as month/day/year")
                && en.contains("= 31 Dec 2015)"),
            "{what}: {en}"
        );
        assert_eq!(nl.contains("twee cijfers"), what == "m/d/yy", "{nl}");
        assert_eq!(views(&ds), want, "{what}");
    }
}

#[test]
fn a_date_that_reads_either_way_follows_its_column() {
    // 2015's date reads either way (3/4); 2016's (6/30) tells the column is month first, so
    // 2015 is 4 March, not 3 April.
    let date = |y: &str| match y {
        "2015" => "3/4/2015".to_string(),
        "2016" => "6/30/2016".to_string(),
        _ => format!("12/31/{y}"),
    };
    let iso = |y: &str| match y {
        "2015" => "2015-03-04".to_string(),
        "2016" => "2016-06-30".to_string(),
        _ => format!("{y}-12-31"),
    };
    let ds = load("us.csv", &dated(date, ""));
    assert!(note(&ds, MONTH_FIRST).is_some());
    let reference = load("iso.csv", &dated(iso, ""));
    assert_eq!(views(&ds), views(&reference));
    // The same dates in a day-first column (13/... tells): 3/4 is 3 April.
    let date = |y: &str| match y {
        "2015" => "3/4/2015".to_string(),
        _ => format!("31/12/{y}"),
    };
    let iso = |y: &str| match y {
        "2015" => "2015-04-03".to_string(),
        _ => format!("{y}-12-31"),
    };
    let ds = load("eu.csv", &dated(date, ""));
    assert_eq!(note(&ds, MONTH_FIRST), None);
    assert_eq!(note(&ds, EITHER), None);
    assert_eq!(views(&ds), views(&load("iso.csv", &dated(iso, ""))));
}

#[test]
fn slash_dates_that_read_either_way_are_read_day_first_and_said() {
    // 4/1: 4 January day first, 1 April month first; no number over 12 anywhere.
    let ds = load("beide.csv", &dated(|y| format!("4/1/{y}"), ""));
    let reference = load("iso.csv", &dated(|y| format!("{y}-01-04"), ""));
    assert_eq!(views(&ds), views(&reference));
    let (nl, en) = note(&ds, EITHER).unwrap();
    assert!(
        nl.contains("datums gelezen als dag/maand/jaar (zoals '4/1/2015' = 4 jan 2015)")
            && nl.contains("(1 apr 2015)"),
        "{nl}"
    );
    assert!(
        en.contains("dates read as day/month/year (such as '4/1/2015' = 4 Jan 2015)")
            && en.contains("(1 Apr 2015)"),
        "{en}"
    );
    // Dashed Dutch dates and dates whose day is their month are not said.
    for date in [|y: &str| format!("4-1-{y}"), |y: &str| format!("1/1/{y}")] {
        let ds = load("nl.csv", &dated(date, ""));
        assert_eq!(note(&ds, EITHER), None);
    }
}

#[test]
fn a_column_with_both_orders_is_an_error_naming_a_row_of_each() {
    let bytes = dated(
        |y| match y {
            "2016" => format!("31/12/{y}"),
            _ => format!("12/31/{y}"),
        },
        "",
    );
    let Err(e) = Dataset::load("beide.csv", &bytes) else {
        panic!("no error");
    };
    // Rows 2-5 are Achterhoek 2015, 6-9 Achterhoek 2016.
    assert!(
        e.message.contains("dag eerst ('31/12/2016', rij 6)")
            && e.message.contains("maand eerst ('12/31/2015', rij 2)"),
        "{}",
        e.message
    );
    let en = e.message_en.as_deref().map(String::as_str).unwrap();
    assert!(en.contains("day first ('31/12/2016', row 6)"), "{en}");
    let at = e.location.unwrap();
    assert_eq!((at.row, at.column.as_deref()), (Some(6), Some("peildatum")));
}

#[test]
fn a_date_that_is_none_month_first_is_an_error_naming_it() {
    let bytes = dated(
        |y| match y {
            "2017" => format!("2/30/{y}"),
            _ => format!("12/31/{y}"),
        },
        "",
    );
    let Err(e) = Dataset::load("fout.csv", &bytes) else {
        panic!("no error");
    };
    assert!(e.message.contains("'2/30/2017' (rij 10)"), "{}", e.message);
    assert_eq!(e.location.and_then(|l| l.row), Some(10));
}

#[test]
fn twelve_hour_times_read_as_their_dates() {
    let reference = load("datum.csv", &dated(|y| format!("31-12-{y}"), ""));
    let want = views(&reference);
    type Date = Box<dyn Fn(&str) -> String>;
    for (what, date, timed) in [
        (
            "PM",
            Box::new(|y: &str| format!("31-12-{y} 3:00 PM")) as Date,
            true,
        ),
        (
            "a.m.",
            Box::new(|y: &str| format!("{y}-12-31 8:30 a.m.")),
            true,
        ),
        // Midnight on a twelve-hour clock is the date itself.
        (
            "12 AM",
            Box::new(|y: &str| format!("{y}-12-31 12:00:00 AM")),
            false,
        ),
    ] {
        let ds = load("tijd.csv", &dated(date, ""));
        assert_eq!(
            note(&ds, "de tijd na de datum is weggelaten").is_some(),
            timed,
            "{what}"
        );
        assert_eq!(views(&ds), want, "{what}");
    }
}

#[test]
fn a_month_first_date_with_a_time_clashing_with_another_is_named_as_written() {
    let bytes = dated(
        |y| format!("12/31/{y} 11:00 AM"),
        "Achterhoek,12/31/2015 5:00 PM,Wajong,2142,724\n",
    );
    let Err(e) = Dataset::load("dubbel.csv", &bytes) else {
        panic!("no error");
    };
    assert!(
        e.message.contains("('12/31/2015 11:00 AM')")
            && e.message.contains("rij 470 ('12/31/2015 5:00 PM')"),
        "{}",
        e.message
    );
}

#[test]
fn written_out_dates_and_zones_give_the_numbers_of_the_dates() {
    let reference = load("datum.csv", &dated(|y| format!("31-12-{y}"), ""));
    let want = views(&reference);
    // 31 December 2015, 2016 and 2017 were a Thursday, Saturday and Sunday.
    let weekday = |y: &str| match y {
        "2015" => ("donderdag", "Thursday"),
        "2016" => ("zaterdag", "Saturday"),
        _ => ("zondag", "Sunday"),
    };
    type Date = Box<dyn Fn(&str) -> String>;
    for (what, date) in [
        ("nl", Box::new(|y: &str| format!("31 december {y}")) as Date),
        ("dec.", Box::new(|y: &str| format!("31 dec. {y}"))),
        ("en", Box::new(|y: &str| format!("\"December 31, {y}\""))),
        ("Dec", Box::new(|y: &str| format!("\"Dec 31, {y}\""))),
        (
            "ordinal",
            Box::new(|y: &str| format!("31st of December {y}")),
        ),
        (
            "weekday nl",
            Box::new(move |y: &str| format!("{} 31 december {y}", weekday(y).0)),
        ),
        (
            "weekday en",
            Box::new(move |y: &str| format!("\"{}, December 31, {y}\"", weekday(y).1)),
        ),
        ("slashes", Box::new(|y: &str| format!("{y}/12/31"))),
        ("digits", Box::new(|y: &str| format!("{y}1231"))),
        ("Z", Box::new(|y: &str| format!("{y}-12-31T00:00:00Z"))),
        (
            "+01:00",
            Box::new(|y: &str| format!("{y}-12-31T00:00:00+01:00")),
        ),
        ("UTC", Box::new(|y: &str| format!("{y}-12-31 00:00:00 UTC"))),
    ] {
        let ds = load("datum.csv", &dated(date, ""));
        assert_eq!(views(&ds), want, "{what}");
    }
}

#[test]
fn a_weekday_that_is_not_the_dates_is_an_error_naming_the_row() {
    let bytes = dated(|y| format!("dinsdag 31 december {y}"), "");
    let Err(e) = Dataset::load("dag.csv", &bytes) else {
        panic!("no error");
    };
    assert!(
        e.message.contains("'dinsdag 31 december 2015'"),
        "{}",
        e.message
    );
    let at = e.location.unwrap();
    assert_eq!((at.row, at.column.as_deref()), (Some(2), Some("peildatum")));
}

#[test]
fn month_first_dates_in_json_records_read_as_in_csv() {
    let text = std::str::from_utf8(LONG).unwrap();
    let mut records = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        records.push(serde_json::json!({
            "arbeidsmarktregio": c[0],
            "peildatum": format!("12/31/{} 3:15 PM", c[1]),
            "doelgroep": c[2],
            "personen_doelgroepregister": c[3].parse::<f64>().ok(),
            "werkzame_personen": c[4].parse::<f64>().ok(),
        }));
    }
    let bytes = serde_json::to_vec(&records).unwrap();
    let ds = load("us.json", &bytes);
    assert!(note(&ds, MONTH_FIRST).is_some());
    let reference = load("datum.csv", &dated(|y| format!("31-12-{y}"), ""));
    assert_eq!(views(&ds), views(&reference));
}

/// The long file's registered persons as a wide file, one column per year headed `head(year)`.
fn wide(head: impl Fn(&str) -> String) -> Vec<u8> {
    let text = std::str::from_utf8(LONG).unwrap();
    let years = ["2015", "2016", "2017"];
    let mut rows: Vec<((String, String), [String; 3])> = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let key = (c[0].to_string(), c[2].to_string());
        let k = match rows.iter().position(|(k, _)| *k == key) {
            Some(k) => k,
            None => {
                rows.push((key, Default::default()));
                rows.len() - 1
            }
        };
        let y = years.iter().position(|y| *y == c[1]).unwrap();
        rows[k].1[y] = c[3].to_string();
    }
    let mut out = format!(
        "arbeidsmarktregio,doelgroep,{}\n",
        years.map(head).join(",")
    );
    for ((region, group), n) in rows {
        out.push_str(&format!("{region},{group},{}\n", n.join(",")));
    }
    out.into_bytes()
}

#[test]
fn month_first_dates_as_column_headers_read_as_a_whole() {
    let reference = load("iso.csv", &wide(|y| format!("{y}-12-31")));
    let want = render_query(&reference, "view=line").unwrap().data;
    assert!(want.to_string().contains("2017-12-31"), "{want}");
    let ds = load("us.csv", &wide(|y| format!("12/31/{y}")));
    let (nl, en) = note(&ds, "Kolomkoppen gelezen als maand/dag/jaar").unwrap();
    assert!(nl.contains("(zoals '12/31/2015' = 31 dec 2015)"), "{nl}");
    assert!(
        en.starts_with("Column headers read as month/day/year"),
        "{en}"
    );
    assert_eq!(render_query(&ds, "view=line").unwrap().data, want);
    // Both orders among the headers: an error naming them.
    let bytes = wide(|y| match y {
        "2016" => format!("31/12/{y}"),
        _ => format!("12/31/{y}"),
    });
    let Err(e) = Dataset::load("beide.csv", &bytes) else {
        panic!("no error");
    };
    assert!(
        e.message
            .contains("dag eerst ('31/12/2016') en met de maand eerst ('12/31/2015')"),
        "{}",
        e.message
    );
    let at = e.location.unwrap();
    assert_eq!(
        (at.row, at.column.as_deref()),
        (Some(1), Some("31/12/2016"))
    );
}
