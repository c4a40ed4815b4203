//! Periods as spreadsheets and business reports write them: a quarter before or after its year
//! in any order (`4Q19`, `Q4 '19`, `Q4-2019`, `2019/Q4`, `kw4 2019`, `vierde kwartaal 2019`), a
//! month before its year (`M12 2019`, `december '19`, `Dec-2019`), a date with a two-digit
//! year after an apostrophe (`31 dec '19`) and Excel's day numbers in a column named as a date
//! (`43830`). Each gives exactly the views of the same periods written as the explorer writes
//! them (`2019K4`, `2019M12`, `2019-12-31`); two-digit years and day numbers are said in the
//! file line. A week or a fiscal year is refused, naming the cell and why.

use banenverkenner::render::{render_query, Dataset};

const LONG: &str = include_str!("fixtures/regions_long.csv");

/// The long file with its year column replaced by `period(year)`, headed `header`.
fn variant(header: &str, period: impl Fn(&str) -> String) -> Vec<u8> {
    let mut out = String::new();
    for (k, line) in LONG.lines().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        cells[1] = if k == 0 {
            header.to_string()
        } else {
            period(&cells[1])
        };
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

fn load(bytes: &[u8]) -> Dataset {
    let ds = Dataset::load("perioden.csv", bytes).unwrap_or_else(|e| panic!("{e}"));
    assert!(ds.regional.is_some(), "{:?}", ds.regional_error);
    ds
}

/// The scatter's and ranking's titles and numbers for every subgroup, and the trend and basics.
fn views(ds: &Dataset) -> Vec<serde_json::Value> {
    let mut queries: Vec<String> = Vec::new();
    for g in ["total", "wajong", "wsw", "participatiewet"] {
        for view in ["scatter", "ranking"] {
            queries.push(format!("view={view}&subgroup={g}"));
        }
    }
    queries.extend(["view=trend".to_string(), "view=basics".to_string()]);
    queries
        .iter()
        .map(|q| {
            let r = render_query(ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
            serde_json::json!({"title": r.title, "subtitle": r.subtitle, "data": r.data})
        })
        .collect()
}

fn notes(ds: &Dataset) -> String {
    ds.info_in(banenverkenner::format::Lang::Nl)
        .notes
        .join(" | ")
}

fn two(y: &str) -> &str {
    &y[2..]
}

type Spelling = Box<dyn Fn(&str) -> String>;

#[test]
fn quarters_written_any_way_give_the_views_of_2019k4() {
    let reference = load(&variant("jaar", |y| format!("{y}K4")));
    let want = views(&reference);
    assert!(want[0]["data"]["points"]
        .as_array()
        .is_some_and(|p| p.len() > 30));
    for (what, spelling, short) in [
        (
            "4Q19",
            Box::new(|y: &str| format!("4Q{}", two(y))) as Spelling,
            true,
        ),
        ("4Q2019", Box::new(|y: &str| format!("4Q{y}")), false),
        ("19Q4", Box::new(|y: &str| format!("{}Q4", two(y))), true),
        (
            "Q4 '19",
            Box::new(|y: &str| format!("Q4 '{}", two(y))),
            true,
        ),
        ("Q4-19", Box::new(|y: &str| format!("Q4-{}", two(y))), true),
        ("Q4-2019", Box::new(|y: &str| format!("Q4-{y}")), false),
        ("2019-Q4", Box::new(|y: &str| format!("{y}-Q4")), false),
        ("2019/Q4", Box::new(|y: &str| format!("{y}/Q4")), false),
        ("2019 Q4", Box::new(|y: &str| format!("{y} Q4")), false),
        ("2019_Q4", Box::new(|y: &str| format!("{y}_Q4")), false),
        ("Q4/2019", Box::new(|y: &str| format!("Q4/{y}")), false),
        ("kw4 2019", Box::new(|y: &str| format!("kw4 {y}")), false),
        ("K4 2019", Box::new(|y: &str| format!("K4 {y}")), false),
        (
            "kwartaal 4 2019",
            Box::new(|y: &str| format!("kwartaal 4 {y}")),
            false,
        ),
        (
            "4e kw. 2019",
            Box::new(|y: &str| format!("4e kw. {y}")),
            false,
        ),
        (
            "vierde kwartaal",
            Box::new(|y: &str| format!("vierde kwartaal {y}")),
            false,
        ),
        (
            "Q4 '19*",
            Box::new(|y: &str| format!("Q4 '{}*", two(y))),
            true,
        ),
    ] {
        let ds = load(&variant("jaar", spelling));
        assert_eq!(views(&ds), want, "{what}");
        let notes = notes(&ds);
        assert_eq!(
            notes.contains("Jaartallen met twee cijfers in 'jaar' gelezen als 20xx"),
            short,
            "{what}: {notes}"
        );
    }
}

#[test]
fn months_written_any_way_give_the_views_of_2019m12() {
    let reference = load(&variant("jaar", |y| format!("{y}M12")));
    let want = views(&reference);
    for (what, spelling, short) in [
        (
            "dec-19",
            Box::new(|y: &str| format!("dec-{}", two(y))) as Spelling,
            true,
        ),
        (
            "dec '19",
            Box::new(|y: &str| format!("dec '{}", two(y))),
            true,
        ),
        (
            "december '19",
            Box::new(|y: &str| format!("december '{}", two(y))),
            true,
        ),
        ("Dec-2019", Box::new(|y: &str| format!("Dec-{y}")), false),
        ("2019 M12", Box::new(|y: &str| format!("{y} M12")), false),
        ("M12 2019", Box::new(|y: &str| format!("M12 {y}")), false),
        (
            "2019-12 (voorlopig)",
            Box::new(|y: &str| format!("{y}-12 (voorlopig)")),
            false,
        ),
    ] {
        let ds = load(&variant("jaar", spelling));
        assert_eq!(views(&ds), want, "{what}");
        let notes = notes(&ds);
        assert_eq!(
            notes.contains("Jaartallen met twee cijfers in 'jaar' gelezen als 20xx"),
            short,
            "{what}: {notes}"
        );
    }
}

#[test]
fn dates_with_an_apostrophe_year_and_excel_day_numbers_give_the_views_of_31_december() {
    let reference = load(&variant("peildatum", |y| format!("{y}-12-31")));
    let want = views(&reference);
    let ds = load(&variant("peildatum", |y| format!("31 dec '{}", two(y))));
    assert_eq!(views(&ds), want, "31 dec '19");
    assert!(notes(&ds).contains("Jaartallen met twee cijfers in 'peildatum'"));
    // Excel's day numbers of 31 December 2015, 2016 and 2017.
    let day = |y: &str| match y {
        "2015" => "42369".to_string(),
        "2016" => "42735".to_string(),
        "2017" => "43100".to_string(),
        other => panic!("a year the fixture does not have: {other}"),
    };
    let ds = load(&variant("peildatum", day));
    assert_eq!(views(&ds), want, "Excel day numbers");
    let (nl, en) = {
        let (nl, en) = (&ds.table.detected.notes, &ds.table.detected.notes_en);
        let k = nl
            .iter()
            .position(|n| n.contains("Excel"))
            .unwrap_or_else(|| panic!("no note: {nl:?}"));
        (nl[k].clone(), en[k].clone())
    };
    assert!(
        nl.starts_with(
            "Kolom 'peildatum': getallen gelezen als Excel-datums (42369 = 31 dec 2015)"
        ),
        "{nl}"
    );
    assert!(
        en.starts_with("Column 'peildatum': numbers read as Excel dates (42369 = 31 Dec 2015)"),
        "{en}"
    );
}

/// The error reading `bytes` gives (the file's, or the regional analysis' when the file is
/// read as another kind of table).
fn error_of(bytes: &[u8]) -> banenverkenner::error::Error {
    match Dataset::load("perioden.csv", bytes) {
        Err(e) => e,
        Ok(ds) => ds.regional_error.expect("an error"),
    }
}

/// A column named as a year holding day numbers is not read as dates: the numbers are no years
/// either, so that is the usual error.
#[test]
fn day_numbers_under_another_header_stay_numbers() {
    let err = error_of(&variant("jaar", |_| "43830".to_string())).message;
    assert!(err.contains("'43830' is geen jaartal of periode"), "{err}");
}

#[test]
fn weeks_and_fiscal_years_are_refused_naming_the_cell_and_why() {
    for (spelling, nl, en) in [
        (
            "2019-W52",
            "is een week: weken worden niet gelezen",
            "is a week: weeks are not read",
        ),
        ("week 52 2019", "is een week", "is a week"),
        ("FY2019", "is een boekjaar", "is a fiscal year"),
    ] {
        let bytes = variant("jaar", |y| spelling.replace("2019", y));
        let err = error_of(&bytes);
        assert!(err.message.contains(nl), "{spelling}: {}", err.message);
        let message_en = err.message_en.as_deref().cloned().unwrap_or_default();
        assert!(message_en.contains(en), "{spelling}: {message_en}");
        let loc = serde_json::to_value(&err.location).unwrap();
        assert_eq!(loc["row"], 2, "{spelling}: {loc}");
        assert_eq!(loc["column"], "jaar", "{spelling}: {loc}");
    }
}

/// Excel's apostrophe before a cell typed as text (`'2019K4`) and a quarter in words with a
/// two-digit year (`4e kw 19`) give the views of `2019K4`; digits written apart are never glued
/// into one year: `Q4 19 20` is refused naming the cell, not read as 1920 K4.
#[test]
fn excel_text_marks_and_digits_written_apart() {
    let reference = load(&variant("jaar", |y| format!("{y}K4")));
    let want = views(&reference);
    for (what, spelling, short) in [
        (
            "'2019K4",
            Box::new(|y: &str| format!("'{y}K4")) as Spelling,
            false,
        ),
        (
            "4e kw 19",
            Box::new(|y: &str| format!("4e kw {}", two(y))),
            true,
        ),
        (
            "4 kw 19",
            Box::new(|y: &str| format!("4 kw {}", two(y))),
            true,
        ),
    ] {
        let ds = load(&variant("jaar", spelling));
        assert_eq!(views(&ds), want, "{what}");
        let notes = notes(&ds);
        assert_eq!(
            notes.contains("Jaartallen met twee cijfers in 'jaar' gelezen als 20xx"),
            short,
            "{what}: {notes}"
        );
    }
    let years = load(&variant("jaar", str::to_string));
    assert_eq!(
        views(&load(&variant("jaar", |y| format!("'{y}")))),
        views(&years),
        "'2019"
    );
    for spelling in ["Q4 19 20", "Q4 20 19", "20 15K4"] {
        let bytes = variant("jaar", |y| {
            let next = (y.parse::<i32>().unwrap() + 1).to_string();
            spelling
                .replace("19 20", &format!("{} {}", two(y), two(&next)))
                .replace("20 19", &format!("{} {}", &y[..2], two(y)))
                .replace("20 15", &format!("{} {}", &y[..2], two(y)))
        });
        let err = error_of(&bytes);
        assert!(
            err.message.contains("is geen jaartal"),
            "{spelling}: {}",
            err.message
        );
        let loc = serde_json::to_value(&err.location).unwrap();
        assert_eq!(loc["row"], 2, "{spelling}: {loc}");
        assert_eq!(loc["column"], "jaar", "{spelling}: {loc}");
    }
}
