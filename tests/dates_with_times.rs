//! A peildatum written with a time of day (`31-12-2015 12:00`, `2015-12-31 23:59:59`,
//! `2015-12-31T08:30`, a workbook's date cell with a time): read as the date, said in the file
//! line, and the same numbers as the file with the dates alone. Rows that would fall on one date
//! with otherwise the same data are an error naming them, never summed.

use banenverkenner::render::{render_query, Dataset};
use banenverkenner::table;

const LONG: &[u8] = include_bytes!("fixtures/regions_long.csv");

/// The long file with its year column replaced by `date(year)`, named `peildatum`; `extra`
/// lines appended.
fn dated(mut date: impl FnMut(&str) -> String, extra: &str) -> Vec<u8> {
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

/// The scatter's numbers for every subgroup, and a line over the periods.
fn views(ds: &Dataset) -> Vec<serde_json::Value> {
    let mut v: Vec<serde_json::Value> = Vec::new();
    for g in ["total", "wajong", "wsw", "participatiewet"] {
        v.push(
            render_query(ds, &format!("view=scatter&subgroup={g}"))
                .unwrap()
                .data,
        );
    }
    for q in ["view=trend", "view=basics"] {
        v.push(render_query(ds, q).unwrap().data);
    }
    v
}

fn time_note(ds: &Dataset) -> Option<(String, String)> {
    let d = &ds.table.detected;
    let i = d
        .notes
        .iter()
        .position(|n| n.contains("de tijd na de datum is weggelaten"))?;
    Some((d.notes[i].clone(), d.notes_en[i].clone()))
}

#[test]
fn dates_with_a_time_read_as_the_dates() {
    let reference = load("datum.csv", &dated(|y| format!("31-12-{y}"), ""));
    assert_eq!(time_note(&reference), None);
    let want = views(&reference);
    assert!(want[0]["points"].as_array().is_some_and(|p| p.len() > 30));
    for (what, date) in [
        (
            "dd-mm-jjjj uu:mm",
            Box::new(|y: &str| format!("31-12-{y} 12:00")) as Box<dyn Fn(&str) -> String>,
        ),
        ("seconds", Box::new(|y: &str| format!("{y}-12-31 23:59:59"))),
        ("ISO T", Box::new(|y: &str| format!("{y}-12-31T08:30"))),
        (
            "zone",
            Box::new(|y: &str| format!("{y}-12-31T08:30:00.000+01:00")),
        ),
        // Some rows at midnight, some not.
        (
            "mixed",
            Box::new(|y: &str| match y {
                "2016" => format!("31-12-{y} 00:00"),
                _ => format!("31-12-{y} 17:45"),
            }),
        ),
    ] {
        let ds = load("tijd.csv", &dated(date, ""));
        let (nl, en) = time_note(&ds).unwrap_or_else(|| panic!("{what}: no note"));
        assert!(
            nl.starts_with("Kolom 'peildatum' gelezen als peildatum"),
            "{nl}"
        );
        assert!(
            en.starts_with("Column 'peildatum' read as a reference date"),
            "{en}"
        );
        assert_eq!(views(&ds), want, "{what}");
    }
}

#[test]
fn one_time_per_region_and_subgroup_on_a_date_is_no_clash() {
    // Regions given at different times of the same day: each (region, subgroup) once a date.
    let mut k = 0;
    let bytes = dated(
        |y| {
            k += 1;
            format!("31-12-{y} {:02}:{:02}", k % 24, k % 60)
        },
        "",
    );
    let reference = load("datum.csv", &dated(|y| format!("31-12-{y}"), ""));
    let ds = load("tijd.csv", &bytes);
    assert!(time_note(&ds).is_some());
    assert_eq!(views(&ds), views(&reference));
}

#[test]
fn two_rows_on_one_date_with_different_times_are_an_error_naming_them() {
    // Achterhoek 2015 Wajong again, later that day.
    let bytes = dated(
        |y| format!("31-12-{y} 12:00"),
        "Achterhoek,31-12-2015 17:00,Wajong,2142,724\n",
    );
    let Err(e) = Dataset::load("dubbel.csv", &bytes) else {
        panic!("no error");
    };
    let rows = std::str::from_utf8(LONG).unwrap().lines().count() + 1;
    assert!(
        e.message.contains("rij 3 ('31-12-2015 12:00')")
            && e.message
                .contains(&format!("rij {rows} ('31-12-2015 17:00')")),
        "{}",
        e.message
    );
    let en = e
        .message_en
        .as_deref()
        .map(String::as_str)
        .unwrap_or_default();
    assert!(
        en.contains(&format!("row {rows} ('31-12-2015 17:00')")),
        "{en}"
    );
    assert_eq!(e.location.and_then(|l| l.row), Some(rows as u32));
}

#[test]
fn a_time_column_beside_the_years_is_left_as_it_is() {
    // A column of export times beside a year column is no peildatum.
    let text = "regio,jaar,geexporteerd,personen\nAchterhoek,2015,2024-03-01 09:15,10\n\
                Amersfoort,2015,2024-03-01 09:16,12\n";
    let t = table::load("t.csv", text.as_bytes()).unwrap();
    assert!(
        t.detected.notes.iter().all(|n| !n.contains("weggelaten")),
        "{:?}",
        t.detected.notes
    );
    assert_eq!(
        t.columns[2].get(0).as_text().as_deref(),
        Some("2024-03-01 09:15")
    );
}

#[test]
fn a_workbook_date_cell_with_a_time_reads_as_the_date() {
    let text = std::str::from_utf8(LONG).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let f = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy hh:mm");
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            if r > 0 && c == 1 {
                let y: u16 = cell.parse().unwrap();
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(y, 12, 31)
                    .unwrap()
                    .and_hms(12, 30, 0)
                    .unwrap();
                ws.write_datetime_with_format(r, c, &d, &f).unwrap();
            } else if let Ok(n) = cell.parse::<f64>() {
                ws.write_number(r, c, n).unwrap();
            } else if !cell.is_empty() {
                ws.write_string(r, c, if r == 0 && c == 1 { "peildatum" } else { cell })
                    .unwrap();
            }
        }
    }
    let book = wb.save_to_buffer().unwrap();
    let ds = load("tijd.xlsx", &book);
    assert!(time_note(&ds).is_some(), "{:?}", ds.table.detected.notes);
    let reference = load("datum.csv", &dated(|y| format!("{y}-12-31"), ""));
    assert_eq!(views(&ds), views(&reference));
}

#[test]
fn regions_given_as_numbers_at_other_times_of_one_day_are_no_clash() {
    // Region 1 and region 2 on the same date at different times: other data, not a clash.
    let text = "arbeidsmarktregio_nr;peildatum;personen;werkzaam\n\
        1;31-12-2015 12:00;10;5\n2;31-12-2015 13:00;20;8\n\
        1;31-12-2016 12:00;11;5\n2;31-12-2016 12:00;21;9\n";
    let ds = load("nr.csv", text.as_bytes());
    assert!(time_note(&ds).is_some());
    // The same region twice on one date still is.
    let text = "arbeidsmarktregio_nr;peildatum;personen;werkzaam\n\
        1;31-12-2015 12:00;10;5\n1;31-12-2015 13:00;20;8\n";
    let Err(e) = Dataset::load("nr.csv", text.as_bytes()) else {
        panic!("no error");
    };
    assert!(
        e.message.contains("rij 2 ('31-12-2015 12:00')")
            && e.message.contains("rij 3 ('31-12-2015 13:00')"),
        "{}",
        e.message
    );
}
