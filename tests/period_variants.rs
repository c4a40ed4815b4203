//! Periods and region codes as analysts write them in regional files: quarters as Roman numerals
//! (`2015 IV`, `IV-2015`, `kwartaal IV 2015`) and quarter words written together
//! (`4ekwartaal2015`), region codes padded to three digits (`AM009`); a quarterly or monthly
//! file's growth compared year-end to year-end by default; a target-group column none of whose
//! values is a target group, summed over, said with its values. Each variant that is read gives
//! exactly the wide file's numbers; each that cannot be read is an error naming its cell.

use banenverkenner::format::Lang;
use banenverkenner::render::{catalog::view_in, render_query, Dataset};
use serde_json::Value;

mod common;
use common::{wide, LONG, WIDE};

/// The long file with column `j` rewritten by `f(value)` (a value with a comma quoted).
fn rewritten(j: usize, f: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for (k, line) in LONG.lines().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        if k > 0 {
            cells[j] = f(&cells[j]);
            if cells[j].contains(',') {
                cells[j] = format!("\"{}\"", cells[j]);
            }
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The scatter for every subgroup, a growth and a share ranking, asked with years.
const VIEWS: &[&str] = &[
    "view=scatter&subgroup=total&from=2015&to=2017",
    "view=scatter&subgroup=wajong&from=2015&to=2017",
    "view=scatter&subgroup=wsw&from=2015&to=2017",
    "view=scatter&subgroup=participatiewet&from=2015&to=2017",
    "view=ranking&measure=growth&subgroup=wajong&from=2015&to=2017",
    "view=ranking&measure=share&subgroup=total&year=2017",
    "view=decomposition&from=2016&to=2017",
];

/// A view's numbers without what names the periods (`2015K4` is the year's end).
fn numbers(v: &Value) -> Value {
    const PERIODS: [&str; 5] = ["from", "to", "year", "years", "spec"];
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| {
                    !PERIODS.contains(&k.as_str()) && !k.ends_with("label") && !k.ends_with("name")
                })
                .map(|(k, v)| (k.clone(), numbers(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(numbers).collect()),
        v => v.clone(),
    }
}

fn load(name: &str, text: &str) -> Dataset {
    let ds = Dataset::load(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(ds.regional.is_some(), "{name}: {:?}", ds.regional_error);
    ds
}

/// Asserts that `ds` gives the wide file's numbers in `queries` (asked the same way of both,
/// or of `ds` as `asked(query)`), and returns its notes.
fn same_numbers(
    wide: &Dataset,
    name: &str,
    ds: &Dataset,
    queries: &[&str],
    asked: impl Fn(&str) -> String,
) -> String {
    let r = ds.regional.as_ref().unwrap();
    assert_eq!(r.regions.len(), 35, "{name}: {:?}", r.regions);
    for q in queries {
        let a = render_query(wide, q).unwrap_or_else(|e| panic!("wide {q}: {e}"));
        let b = render_query(ds, &asked(q)).unwrap_or_else(|e| panic!("{name} {q}: {e}"));
        assert!(b.changes.is_empty(), "{name} {q}: {:?}", b.changes);
        assert_eq!(numbers(&a.data), numbers(&b.data), "{name} {q}");
    }
    r.notes.join(" | ")
}

fn same(q: &str) -> String {
    q.to_string()
}

/// The error reading `text` as regional data: its Dutch message, row and column.
fn refused(text: &str) -> (String, Option<usize>, Option<String>) {
    let e = match Dataset::load("bad.csv", text.as_bytes()) {
        Err(e) => e,
        Ok(ds) => {
            assert!(render_query(&ds, VIEWS[0]).is_err());
            ds.regional_error.expect("an error")
        }
    };
    assert!(e.message_en.is_some(), "{e:?}");
    let at = e.location.clone().expect("a location");
    (e.message, at.row.map(|r| r as usize), at.column)
}

#[test]
fn quarters_as_roman_numerals_or_written_together_give_the_wide_numbers_and_are_said() {
    let wide = wide();
    type Spell = fn(&str) -> String;
    let cases: [(Spell, bool); 9] = [
        (|y| format!("{y} IV"), true),
        (|y| format!("{y}-IV"), true),
        (|y| format!("{y}/IV"), true),
        (|y| format!("{y}IV"), true),
        (|y| format!("IV {y}"), true),
        (|y| format!("IV-{y}"), true),
        (|y| format!("kwartaal IV {y}"), true),
        (|y| format!("IVe kwartaal {y}"), true),
        (|y| format!("4ekwartaal{y}"), false),
    ];
    for (spell, roman) in cases {
        let name = spell("2015");
        let ds = load(&name, &rewritten(1, spell));
        let notes = same_numbers(&wide, &name, &ds, VIEWS, same);
        // Asked in the file's grain too.
        same_numbers(&wide, &name, &ds, VIEWS, |q| {
            q.replace("=2015", "=2015K4")
                .replace("=2016", "=2016K4")
                .replace("=2017", "=2017K4")
        });
        assert_eq!(
            notes.contains(&format!(
                "Romeinse cijfers in 'jaar' gelezen als kwartalen: {} = 2015 K4",
                spell("2015")
            )),
            roman,
            "{name}: {notes}"
        );
    }
    let ds = load("4ekw", &rewritten(1, |y| format!("4ekw{y}")));
    same_numbers(&wide, "4ekw", &ds, VIEWS, same);
}

/// `2015 I` and `2015 II` are also how half-years are written: a column whose bare Roman
/// numerals go no higher is refused at its first such cell; with `III` or `IV` in the column, or
/// the word kwartaal, the numerals are quarters.
#[test]
fn bare_roman_numerals_no_higher_than_ii_are_refused_at_their_cell() {
    for spell in [(|y: &str| format!("{y} II")) as fn(&str) -> String, |y| {
        format!("I-{y}")
    }] {
        let (message, row, column) = refused(&rewritten(1, spell));
        assert!(
            message.contains(&format!("'{}' is een Romeins cijfer", spell("2015")))
                && message.contains("een kwartaal of een halfjaar"),
            "{message}"
        );
        assert_eq!((row, column.as_deref()), (Some(2), Some("jaar")));
    }
    // With the word, `II` is the second quarter.
    let ds = load("kw II", &rewritten(1, |y| format!("kwartaal II {y}")));
    let years = &ds.regional.as_ref().unwrap().years;
    assert_eq!(years[0].to_string(), "2015K2");
    // A quarterly file written I to IV reads, each quarter its own period.
    let text = quarterly(|y, q| format!("{y} {}", ["I", "II", "III", "IV"][q - 1]));
    let ds = load("I-IV", &text);
    assert_eq!(ds.regional.as_ref().unwrap().years.len(), 12);
}

#[test]
fn region_codes_padded_to_three_digits_are_the_code_of_their_region() {
    let wide = wide();
    // The codes of the regions of the fixture (all 2015 codes up to 35; the regions renamed
    // later keep one code in the long file's names), read by the name's code in each year.
    let codes: Vec<(String, String)> = {
        let ds = wide.regional.as_ref().unwrap();
        ds.regions
            .iter()
            .map(|r| {
                let code = banenverkenner::geo::names::CODE_NAMES
                    .iter()
                    .find(|(_, n)| n == r)
                    .map(|(c, _)| c.to_string())
                    .unwrap_or_else(|| panic!("{r}"));
                (r.clone(), code)
            })
            .collect()
    };
    let code = |v: &str| codes.iter().find(|(r, _)| r == v).map(|(_, c)| c.clone());
    for (name, spell) in [
        (
            "AM009",
            (|c: &str| format!("AM0{}", &c[2..])) as fn(&str) -> String,
        ),
        ("AMR009", |c| format!("AMR0{}", &c[2..])),
        ("am09", |c| c.to_lowercase()),
        ("AM009 Achterhoek", |c| format!("AM0{} x", &c[2..])),
    ] {
        let text = rewritten(0, |v| match code(v) {
            Some(c) if name.contains(' ') => spell(&c).replace(" x", &format!(" {v}")),
            Some(c) => spell(&c),
            None => v.to_string(),
        });
        let ds = load(name, &text);
        let notes = same_numbers(&wide, name, &ds, VIEWS, same);
        // Said as written: with the name, among the names with a code; codes alone, in the
        // note on the column of codes.
        let said = match name {
            "AM009 Achterhoek" => "'AM009 Achterhoek' = 'Achterhoek'",
            "AM009" => "(AM009 = AM09 = Achterhoek, ",
            "AMR009" => "(AMR009 = AM09 = Achterhoek, ",
            _ => "(am09 = AM09 = Achterhoek, ",
        };
        assert!(notes.contains(said), "{name}: {notes}");
    }
    // Three digits that are no padding: the code of no region, named at its cell.
    let (message, row, column) = refused(&rewritten(0, |v| {
        if v == "Achterhoek" {
            "AM109".into()
        } else {
            v.into()
        }
    }));
    assert!(message.contains("'AM109' is de code van geen"), "{message}");
    assert_eq!(
        (row, column.as_deref()),
        (Some(2), Some("arbeidsmarktregio"))
    );
}

/// The long file made quarterly (or monthly): the fourth quarter (December) holds the year's
/// numbers, the others the register doubled and the workers tripled (exactly, so the national
/// rows stay the regions' sums), so a growth from the first quarter differs from the year's.
fn periodic(n: usize, period: impl Fn(&str, usize) -> String) -> String {
    let mut out = String::new();
    for (k, line) in LONG.lines().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        if k == 0 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        for q in 1..=n {
            let (reg, work) = if q == n {
                (cells[3].to_string(), cells[4].to_string())
            } else {
                let x = |s: &str, f: i64| (s.parse::<i64>().unwrap() * f).to_string();
                (x(cells[3], 2), x(cells[4], 3))
            };
            out.push_str(&format!(
                "{},{},{},{reg},{work}\n",
                cells[0],
                period(cells[1], q),
                cells[2]
            ));
        }
    }
    out
}

fn quarterly(period: impl Fn(&str, usize) -> String) -> String {
    periodic(4, period)
}

/// DOMAIN: a year is the stand at the end of Q4, and 2015 -> 2017 compares Q4 2015 with Q4 2017.
/// A quarterly or monthly file's growth without `from` runs from the first period at the point
/// of its year where the last is, in every view and in the catalogue's defaults, and is said.
#[test]
fn quarterly_and_monthly_files_compare_year_ends_by_default() {
    let wide = wide();
    for (grain, text, first, start) in [
        (
            "quarterly",
            quarterly(|y, q| format!("{y}K{q}")),
            "2015K4",
            "2015 K1",
        ),
        (
            "monthly",
            periodic(12, |y, m| format!("{y}M{m:02}")),
            "2015M12",
            "jan 2015",
        ),
    ] {
        let ds = load(grain, &text);
        // Without from: the wide file's 2015-2017 numbers, and the decomposition's 2016-2017.
        let notes = same_numbers(&wide, grain, &ds, VIEWS, |q| {
            let kept: Vec<&str> = q
                .split('&')
                .filter(|kv| !kv.starts_with("from=") && !kv.starts_with("to="))
                .collect();
            kept.join("&")
        });
        let r = render_query(&ds, "view=scatter").unwrap();
        assert_eq!(r.data["from"], first, "{grain}");
        assert!(
            notes.contains(&format!(
                "Zonder 'van' loopt de groei standaard van {} tot",
                ds.regional.as_ref().unwrap().years[if grain == "quarterly" { 3 } else { 11 }]
                    .label()
            )) && notes.contains(&format!("het bestand begint met {start}")),
            "{grain}: {notes}"
        );
        let info = view_in(&ds, "scatter", Lang::Nl).unwrap();
        let from = info.keys.iter().find(|k| k.key == "from").unwrap();
        assert_eq!(from.default.as_deref(), Some(first), "{grain}");
        let info = view_in(&ds, "decomposition", Lang::Nl).unwrap();
        let from = info.keys.iter().find(|k| k.key == "from").unwrap();
        assert_eq!(
            from.default.as_deref(),
            Some(first.replace("2015", "2016").as_str()),
            "{grain}"
        );
        // A start asked is kept.
        let r = render_query(&ds, "view=scatter&from=2015K1").unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(
            numbers(&r.data),
            numbers(&render_query(&wide, VIEWS[0]).unwrap().data)
        );
    }
    // A file that ends in the second quarter compares the second quarters.
    let text = quarterly(|y, q| format!("{y}K{q}"));
    let cut: String = text
        .lines()
        .filter(|l| !(l.contains("2017K3") || l.contains("2017K4")))
        .map(|l| format!("{l}\n"))
        .collect();
    let ds = load("to K2", &cut);
    let r = render_query(&ds, "view=scatter").unwrap();
    assert_eq!(
        (&r.data["from"], &r.data["to"]),
        (&"2015K2".into(), &"2017K2".into())
    );
    // A yearly file says nothing of it.
    let notes = wide.regional.as_ref().unwrap().notes.join(" | ");
    assert!(!notes.contains("groei standaard"), "{notes}");
}

/// A column named as the target group whose values are none of the target groups (`A`, `B`) is
/// summed over; the note names the values added together, as overlapping groups would count
/// people twice. Shares, as ratios of sums, are the wide file's.
#[test]
fn a_target_group_column_of_unknown_groups_is_said_with_its_values() {
    let wide = wide();
    let mut lines = WIDE.lines();
    let header = lines.next().unwrap();
    let mut text = format!("doelgroep,{header}\n");
    for line in lines {
        if line.contains(",unknown_region,") {
            continue;
        }
        let cells: Vec<&str> = line.split(',').collect();
        for g in ["A", "B"] {
            // The wide file's columns the long file lacks left empty.
            let _ = &cells;
            text.push_str(&format!("{g},{line}\n"));
        }
    }
    let ds = load("A-B", &text);
    let notes = ds.regional.as_ref().unwrap().notes.join(" | ");
    assert!(
        notes.contains("De waarden van 'doelgroep' zijn bij elkaar opgeteld: 'A', 'B'."),
        "{notes}"
    );
    assert!(notes.contains("te hoog"), "{notes}");
    let en = ds.regional.as_ref().unwrap().notes_en.join(" | ");
    assert!(
        en.contains("The values of 'doelgroep' were added together: 'A', 'B'."),
        "{en}"
    );
    // Doubled counts, the same shares and growth: the scatter is the wide file's.
    let full = Dataset::load("regions.csv", WIDE.as_bytes()).unwrap();
    for q in &VIEWS[..4] {
        let a = render_query(&full, q).unwrap();
        let b = render_query(&ds, q).unwrap();
        assert_eq!(numbers(&a.data), numbers(&b.data), "{q}");
    }
    let _ = wide;
    // A column of known target groups is no such note.
    let notes = load("long", LONG).regional.unwrap().notes.join(" | ");
    assert!(!notes.contains("bij elkaar opgeteld"), "{notes}");
}
