//! Regional files as analysts have them that earlier probes got wrong, each made here from the
//! published wide file (`data/regions.csv`): a share beside the counts headed as a share of
//! working persons, rows for persons in no region under other names than `Onbekend`, a pivot
//! table with a total row per region and a grand total, Excel's `#N/A` and Python's `NaN` in a
//! count no view needs, English headers for the WSW and the Participatiewet, and a pivot table's
//! `Som van` headers. Each gives the wide file's numbers, or the error it must, and says what it
//! read.

use banenverkenner::render::{render_query, Dataset};

const WIDE: &str = include_str!("../data/regions.csv");

const VIEWS: &[&str] = &[
    "view=scatter&subgroup=total&from=2015&to=2017",
    "view=scatter&subgroup=wajong&from=2016&to=2017",
    "view=scatter&subgroup=wsw&from=2015&to=2017",
    "view=ranking&measure=share&subgroup=participatiewet&year=2017",
    "view=convergence&subgroup=total",
];

fn load(name: &str, text: &str) -> Dataset {
    Dataset::load(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A view's numbers without its notes (which name each file's own ways).
fn numbers(ds: &Dataset, q: &str) -> serde_json::Value {
    let mut d = render_query(ds, q)
        .unwrap_or_else(|e| panic!("{}: {q}: {e}", ds.table.source))
        .data;
    if let Some(o) = d.as_object_mut() {
        o.remove("notes");
    }
    d
}

fn assert_same(base: &Dataset, ds: &Dataset, views: &[&str]) {
    for q in views {
        assert_eq!(numbers(base, q), numbers(ds, q), "{}: {q}", ds.table.source);
    }
}

/// Every note, of the table and of the regional reading.
fn notes(ds: &Dataset) -> String {
    let mut all = ds.table.detected.notes.clone();
    if let Some(r) = &ds.regional {
        all.extend(r.notes.iter().cloned());
    }
    all.join(" | ")
}

/// The wide file's rows as cells, with its header.
fn wide() -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = WIDE.lines();
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn csv(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = header.join(",") + "\n";
    for r in rows {
        out.push_str(&r.join(","));
        out.push('\n');
    }
    out
}

/// The wide file without its `row_type` and `region_id` columns (rows then told by their names)
/// and without its national and unknown-region rows.
fn plain_regions() -> (Vec<String>, Vec<Vec<String>>) {
    let (header, rows) = wide();
    let keep: Vec<usize> = (0..header.len())
        .filter(|&j| header[j] != "row_type" && header[j] != "region_id")
        .collect();
    let pick = |r: &[String]| keep.iter().map(|&j| r[j].clone()).collect::<Vec<_>>();
    let rows = rows
        .iter()
        .filter(|r| r[2] == "region")
        .map(|r| pick(r))
        .collect();
    (pick(&header), rows)
}

#[test]
fn a_share_of_working_persons_is_never_read_as_their_count() {
    let (mut header, rows) = wide();
    let w = header.iter().position(|h| h == "workers_total").unwrap();
    let r = header
        .iter()
        .position(|h| h == "register_persons_corrected")
        .unwrap();
    let share = |row: &[String]| match (row[w].parse::<f64>(), row[r].parse::<f64>()) {
        (Ok(a), Ok(b)) => format!("{:.1}", 100.0 * a / b),
        _ => String::new(),
    };
    // Beside the count: the count is read, the share kept and not used.
    for name in [
        "% werkzaam",
        "Werkzame personen (%)",
        "Werkzame personen (aandeel)",
    ] {
        let mut h = header.clone();
        h.push(name.into());
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                let mut row = row.clone();
                row.push(share(&row));
                row
            })
            .collect();
        let ds = load("aandeel.csv", &csv(&h, &rows));
        assert_same(&load("regions.csv", WIDE), &ds, VIEWS);
    }
    // In place of the count: the count is missing, and said, where the share was read as it.
    header[w] = "Werkzame personen (%)".into();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut row = row.clone();
            row[w] = share(&row);
            row
        })
        .collect();
    let ds = load("alleen-aandeel.csv", &csv(&header, &rows));
    let e = render_query(&ds, VIEWS[0]).unwrap_err();
    assert!(
        e.message
            .contains("'workers_total' (werkzame personen) ontbreekt"),
        "{}",
        e.message
    );
}

#[test]
fn persons_in_no_region_under_other_names_are_an_unknown_region() {
    let (header, rows) = plain_regions();
    let base = load("regio.csv", &csv(&header, &rows));
    for name in [
        "Niet in te delen",
        "Buitenland",
        "Geen regio",
        "Overig/onbekend",
        "Woonplaats onbekend",
    ] {
        let mut more = rows.clone();
        for year in ["2015", "2016", "2017"] {
            let mut r = rows[0].clone();
            r[0] = name.into();
            r[3] = year.into();
            more.push(r);
        }
        let ds = load("buiten.csv", &csv(&header, &more));
        // Not a 36th region: the comparison between regions is that of the 35.
        let q = "view=ranking&measure=share&subgroup=participatiewet&year=2017";
        let bars = numbers(&ds, q)["bars"].as_array().unwrap().len();
        assert_eq!(bars, 35, "{name}");
        assert!(
            notes(&ds).contains("3 rij(en) met onbekende regio bewaard"),
            "{name}: {}",
            notes(&ds)
        );
        // Without national rows, the national figure holds them (Landelijk = the regions +
        // Onbekend), said.
        assert!(
            notes(&ds).contains("de som van de regio's plus de rijen met onbekende regio"),
            "{}",
            notes(&ds)
        );
        let national = |d: &Dataset| {
            numbers(d, "view=ranking&measure=share&subgroup=total&year=2017")["national"]
                .as_f64()
                .unwrap()
        };
        assert_ne!(national(&ds), national(&base), "{name}");
    }
}

#[test]
fn a_pivot_table_with_a_total_per_region_and_a_grand_total_gives_the_regions() {
    let (header, rows) = plain_regions();
    let base = load("regio.csv", &csv(&header, &rows));
    let year = header.iter().position(|h| h == "year").unwrap();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let region = rows[k][0].clone();
        let block: Vec<&Vec<String>> = rows[k..].iter().take_while(|r| r[0] == region).collect();
        k += block.len();
        let mut total = block[0].clone();
        for (j, cell) in total.iter_mut().enumerate() {
            if j == 0 {
                *cell = format!("Totaal {region}");
            } else if j == year {
                cell.clear();
            } else if let Ok(first) = cell.parse::<f64>() {
                let sum: f64 = block.iter().filter_map(|r| r[j].parse::<f64>().ok()).sum();
                *cell = format!("{}", sum.max(first));
            }
        }
        for (i, r) in block.into_iter().enumerate() {
            let mut r = r.clone();
            if i > 0 {
                r[0].clear(); // an outline: the region on its block's first row only
            }
            out.push(r);
        }
        out.push(total);
    }
    let mut grand = out.last().unwrap().clone();
    grand[0] = "Eindtotaal".into();
    out.push(grand);
    let ds = load("draaitabel.csv", &csv(&header, &out));
    assert_same(&base, &ds, VIEWS);
    assert!(
        notes(&ds).contains("36 rijen met een totaal in 'region' en geen periode (zoals 'Totaal Achterhoek': een totaal over de perioden) niet gebruikt"),
        "{}",
        notes(&ds)
    );
}

#[test]
fn a_year_total_below_its_quarters_is_not_filled_down_into_the_last_quarter() {
    let text = "jaar;kwartaal;aantal\n2019;K1;10\n2019;K2;20\n2019;K3;30\n2019;K4;40\n2019;;100\n2020;K1;50\n2020;K2;60\n2020;;110\n";
    let ds = load("kwartalen.csv", text);
    let data = serde_json::to_string(&render_query(&ds, "").unwrap().data).unwrap();
    // The fourth quarter of 2019 is 40, never 40 + 100.
    assert!(!data.contains("140") && !data.contains("170"), "{data}");
}

#[test]
fn excel_errors_and_python_s_nan_in_a_count_no_view_needs_are_missing() {
    let base = load("regions.csv", WIDE);
    let (header, rows) = wide();
    let v = header.iter().position(|h| h == "open_vacancies").unwrap();
    for missing in ["#N/A", "NaN", "nan", "None"] {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if r[5] == "2015" || r[v].is_empty() {
                    r[v] = missing.into();
                }
                r
            })
            .collect();
        let ds = load("fouten.csv", &csv(&header, &rows));
        assert_same(&base, &ds, VIEWS);
        assert!(
            notes(&ds).contains(&format!("'{missing}'")),
            "{missing}: {}",
            notes(&ds)
        );
    }
}

#[test]
fn english_and_pivot_headers_name_the_counts() {
    let base = load("regions.csv", WIDE);
    let (header, rows) = wide();
    let english = |h: &str| -> String {
        match h {
            "register_wsw" => "Register sheltered employment".into(),
            "register_participatiewet" => "Participation Act register".into(),
            "workers_wsw" => "Working persons sheltered employment".into(),
            "workers_participatiewet" => "Working persons Participation Act".into(),
            "workers_total" => "Sum of working persons".into(),
            "register_persons_corrected" => "Som van register_persons_corrected".into(),
            h => h.into(),
        }
    };
    let header: Vec<String> = header.iter().map(|h| english(h)).collect();
    let ds = load("english.csv", &csv(&header, &rows));
    assert_same(&base, &ds, VIEWS);
}

/// The y of every point of every series of a view, by series name.
fn series(ds: &Dataset, q: &str) -> Vec<(String, Vec<f64>)> {
    let d = render_query(ds, q)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .data;
    d["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let ys = s["points"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| p["y"].as_f64())
                .collect();
            (s["name"].as_str().unwrap_or_default().to_string(), ys)
        })
        .collect()
}

/// The bars of `view=bars&x=jaar&y=aantal`, smallest first.
fn sums(ds: &Dataset) -> Vec<f64> {
    let mut ys: Vec<f64> = series(ds, "view=bars&x=jaar&y=aantal")
        .into_iter()
        .flat_map(|(_, y)| y)
        .collect();
    ys.sort_by(f64::total_cmp);
    ys
}

#[test]
fn a_named_total_smaller_than_a_part_or_a_country_is_no_total() {
    // `Nederland` among countries is a country: the countries are summed.
    let ds = load(
        "landen.csv",
        "jaar;land;aantal\n2019;Nederland;100\n2019;Belgie;300\n2019;Duitsland;200\n2020;Nederland;110\n2020;Belgie;310\n2020;Duitsland;210\n",
    );
    let ys = sums(&ds);
    assert_eq!(ys, [600.0, 630.0]);
    let ds = load(
        "geboorteland.csv",
        "jaar;geboorteland;aantal\n2019;Nederland;800\n2019;Marokko;100\n2019;Turkije;120\n",
    );
    let ys = sums(&ds);
    assert_eq!(ys, [1020.0]);
    // Among municipalities, `Nederland` is still their total.
    let ds = load(
        "gemeenten.csv",
        "jaar;gemeente;aantal\n2019;Nederland;600\n2019;Zwolle;300\n2019;Kampen;300\n",
    );
    let ys = sums(&ds);
    assert_eq!(ys, [600.0]);
    // A total smaller than one of its parts holds no parts.
    let ds = load(
        "leeftijd.csv",
        "jaar;leeftijd;aantal\n2019;15-26;100\n2019;27-44;300\n2019;Alle leeftijden;200\n",
    );
    let ys = sums(&ds);
    assert_eq!(ys, [600.0]);
}

#[test]
fn a_total_of_100_percent_is_no_part_of_its_distribution() {
    let ds = load(
        "uren.csv",
        "doelgroep;uren;aandeel\nWajong;<12;20\nWajong;12-24;30\nWajong;>=24;50\nWajong;Totaal;100\nWsw;<12;10\nWsw;12-24;20\nWsw;>=24;70\nWsw;Totaal;100\n",
    );
    let r = render_query(&ds, "view=stacked&x=doelgroep&y=aandeel&series=uren").unwrap();
    let text = serde_json::to_string(&r.data).unwrap();
    assert!(!text.contains("\"Totaal\""), "{text}");
    assert!(!text.contains("afronding"), "{text}");
}

#[test]
fn counts_of_which_one_group_adds_up_to_100_are_counts() {
    let ds = load(
        "uren.csv",
        "doelgroep;uren;aantal\nWajong;kort;60\nWajong;lang;40\nWsw;kort;70\nPwet;kort;5\nPwet;lang;.\n",
    );
    let r = render_query(&ds, "view=stacked&x=doelgroep&y=aantal&series=uren").unwrap();
    let notes = r.data["notes"].to_string();
    assert!(notes.contains("omgerekend naar aandelen"), "{notes}");
}

#[test]
fn whole_numbers_that_name_something_are_categories() {
    let ds = load(
        "codes.csv",
        "gemeentecode;jaar;aantal\n363;2019;5\n363;2020;6\n14;2019;7\n14;2020;8\n",
    );
    let spec = render_query(&ds, "").unwrap().spec;
    assert!(spec.contains("y=aantal"), "{spec}");
    let ds = load(
        "leeftijd.csv",
        "leeftijd;geslacht;aantal\n18;Man;5\n25;Man;7\n18;Vrouw;4\n25;Vrouw;6\n",
    );
    let spec = render_query(&ds, "").unwrap().spec;
    assert!(spec.contains("y=aantal"), "{spec}");
}
