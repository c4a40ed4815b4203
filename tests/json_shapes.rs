//! The long file (`tests/fixtures/regions_long.csv`) written as JSON in every shape pandas'
//! `to_json` and spreadsheet APIs write a table in gives exactly the numbers of the CSV file:
//! records, a list of lists with the names first, `split`, a list per column, an object per
//! column keyed by row labels (pandas' default) and a record per row label.

use banenverkenner::render::{render_query, Dataset, Rendered};
use banenverkenner::Error;
use serde_json::{json, Map, Value};

const LONG: &str = include_str!("fixtures/regions_long.csv");

const VIEWS: &[&str] = &[
    "view=scatter",
    "view=scatter&subgroup=wajong&from=2016&to=2017",
    "view=ranking&measure=share&year=2017",
    "view=trend",
    "view=convergence",
    "view=profile&region=Twente",
];

/// What a view shows, without the file line (which names the file).
fn shown(r: &Result<Rendered, Error>) -> String {
    match r {
        Ok(r) => json!({
            "spec": r.spec, "title": r.title, "subtitle": r.subtitle, "summary": r.summary,
            "data": r.data, "table": serde_json::to_value(&r.table).unwrap(),
        })
        .to_string(),
        Err(e) => json!({ "error": e.message }).to_string(),
    }
}

/// The header and the rows of the long file, numbers as JSON numbers (empty: null).
fn table() -> (Vec<String>, Vec<Vec<Value>>) {
    let mut lines = LONG.lines();
    let header = lines.next().unwrap().split(',').map(String::from).collect();
    let rows = lines
        .map(|l| {
            l.split(',')
                .enumerate()
                .map(|(k, c)| match (k, c.parse::<i64>()) {
                    (_, Ok(n)) => json!(n),
                    (3 | 4, Err(_)) => Value::Null,
                    (_, Err(_)) => json!(c),
                })
                .collect()
        })
        .collect();
    (header, rows)
}

fn shapes() -> Vec<(&'static str, Value, &'static str)> {
    let (header, rows) = table();
    let record = |r: &Vec<Value>| -> Value {
        Value::Object(
            header
                .iter()
                .cloned()
                .zip(r.iter().cloned())
                .collect::<Map<_, _>>(),
        )
    };
    let records: Vec<Value> = rows.iter().map(record).collect();
    let mut lists = vec![json!(header)];
    lists.extend(rows.iter().map(|r| json!(r)));
    let per_column: Map<String, Value> = header
        .iter()
        .enumerate()
        .map(|(k, h)| {
            (
                h.clone(),
                Value::Array(rows.iter().map(|r| r[k].clone()).collect()),
            )
        })
        .collect();
    let by_label: Map<String, Value> = header
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let cells: Map<String, Value> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i.to_string(), r[k].clone()))
                .collect();
            (h.clone(), Value::Object(cells))
        })
        .collect();
    let per_label: Map<String, Value> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (i.to_string(), record(r)))
        .collect();
    vec![
        ("records", Value::Array(records), ""),
        ("lists", Value::Array(lists), "lijst van lijsten"),
        (
            "split",
            json!({ "columns": header, "index": (0..rows.len()).collect::<Vec<_>>(), "data": rows }),
            "'split'",
        ),
        ("per_column", Value::Object(per_column), "lijst per kolom"),
        ("columns", Value::Object(by_label), "object per kolom"),
        ("index", Value::Object(per_label), "rijlabel"),
    ]
}

#[test]
fn every_shape_gives_the_numbers_of_the_csv_file() {
    let csv = Dataset::load("long.csv", LONG.as_bytes()).unwrap();
    assert!(csv.regional.is_some());
    for (shape, value, said) in shapes() {
        let name = format!("{shape}.json");
        let ds = Dataset::load(&name, value.to_string().as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(ds.regional.is_some(), "{name}: {:?}", ds.regional_error);
        assert!(
            said.is_empty() || ds.table.detected.notes.iter().any(|n| n.contains(said)),
            "{name}: {:?}",
            ds.table.detected.notes
        );
        for q in VIEWS {
            let (a, b) = (shown(&render_query(&csv, q)), shown(&render_query(&ds, q)));
            assert!(!a.contains("\"error\""), "{q}: {a}");
            assert_eq!(a, b, "{name}, {q}");
        }
    }
}

#[test]
fn a_table_indexed_by_region_keeps_its_regions() {
    // `df.set_index('arbeidsmarktregio')` of one year, written with pandas' default orient: the
    // regions are only in the row labels, which become the column `index`.
    let (header, rows) = table();
    let year: Vec<&Vec<Value>> = rows
        .iter()
        .filter(|r| r[1] == json!(2017) && r[2] == json!("Totaal"))
        .collect();
    let columns: Map<String, Value> = header[1..]
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let cells: Map<String, Value> = year
                .iter()
                .map(|r| (r[0].as_str().unwrap().to_string(), r[k + 1].clone()))
                .collect();
            (h.clone(), Value::Object(cells))
        })
        .collect();
    let ds = Dataset::load(
        "indexed.json",
        Value::Object(columns).to_string().as_bytes(),
    )
    .unwrap();
    let t = &ds.table;
    assert_eq!(t.columns[0].name, "index");
    assert_eq!(t.columns[0].len(), year.len());
    assert!(t
        .detected
        .notes
        .iter()
        .any(|n| n.contains("rijlabels staan in de kolom 'index'")));
    let first = year[0][0].as_str().unwrap();
    assert_eq!(
        t.columns[0].values()[0],
        banenverkenner::table::Value::Text(first.into())
    );
}

/// Records wrapped deeper, as APIs answer: CKAN's `{"result": {"fields": [...], "records": [...]}}`
/// (data.overheid.nl), `{"result": {"records": [...]}}`, and a list beside a `meta` object with a
/// list of its own. Each gives the numbers of the CSV file and says where its records were;
/// the reading as the file is parsed equals the reading of the whole tree. Two lists none of
/// which is to be preferred are an error naming both.
#[test]
fn records_wrapped_deeper_are_found_by_their_path() {
    use banenverkenner::table::json::{read_json, read_json_whole};
    let csv = Dataset::load("long.csv", LONG.as_bytes()).unwrap();
    let records = shapes().remove(0).1;
    let fields: Vec<Value> = table()
        .0
        .iter()
        .map(|h| json!({ "id": h, "type": "text" }))
        .collect();
    for (value, said) in [
        (
            json!({ "help": "https://data.overheid.nl/api/3/action/help_show", "success": true,
                    "result": { "fields": fields, "records": records, "total": 468 } }),
            "Records gelezen uit het veld 'result.records' (niet uit 'result.fields')",
        ),
        (
            json!({ "result": { "records": records } }),
            "Records gelezen uit het veld 'result.records'",
        ),
        (
            json!({ "regios": records, "meta": { "links": [{ "href": "/volgende" }] } }),
            "Records gelezen uit het veld 'regios' (niet uit 'meta.links')",
        ),
    ] {
        let bytes = value.to_string().into_bytes();
        assert_eq!(
            read_json("w.json", &bytes),
            read_json_whole("w.json", &bytes),
            "{said}"
        );
        let ds = Dataset::load("w.json", &bytes).unwrap_or_else(|e| panic!("{said}: {e}"));
        assert!(
            ds.table.detected.notes.iter().any(|n| n == said),
            "{:?}",
            ds.table.detected.notes
        );
        for q in VIEWS {
            assert_eq!(
                shown(&render_query(&csv, q)),
                shown(&render_query(&ds, q)),
                "{said}, {q}"
            );
        }
    }
    let two = json!({ "a": { "x": records }, "b": { "y": records } })
        .to_string()
        .into_bytes();
    let e = Dataset::load("two.json", &two).unwrap_err();
    assert!(
        e.message
            .contains("meer dan één lijst van records: 'a.x', 'b.y'"),
        "{e}"
    );
    assert_eq!(
        read_json("two.json", &two),
        read_json_whole("two.json", &two)
    );
}

/// `df.set_index(['arbeidsmarktregio', 'jaar', 'doelgroep']).to_json(orient='split')`: each
/// row's index is a list of three values. Before, the three columns were dropped without a
/// word (only the counts were left); now they are the columns `index_1` to `index_3`, said, and
/// the table is the CSV file's.
#[test]
fn a_split_table_with_an_index_of_several_levels_keeps_them_as_columns() {
    let (header, rows) = table();
    let split = json!({
        "columns": header[3..],
        "index": rows.iter().map(|r| json!(r[..3])).collect::<Vec<_>>(),
        "data": rows.iter().map(|r| json!(r[3..])).collect::<Vec<_>>(),
    });
    let ds = Dataset::load("split.json", split.to_string().as_bytes()).unwrap();
    let t = &ds.table;
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "index_1",
            "index_2",
            "index_3",
            "personen_doelgroepregister",
            "werkzame_personen"
        ]
    );
    assert_eq!(t.len(), rows.len());
    assert!(
        t.detected
            .notes
            .iter()
            .any(|n| n.contains("index van 3 niveaus")),
        "{:?}",
        t.detected.notes
    );
    let csv = Dataset::load("long.csv", LONG.as_bytes()).unwrap();
    let q = "view=line&x=index_2&y=werkzame_personen&series=index_3";
    let q_csv = "view=line&x=jaar&y=werkzame_personen&series=doelgroep";
    let (a, b) = (
        render_query(&ds, q).unwrap(),
        render_query(&csv, q_csv).unwrap(),
    );
    assert_eq!(a.data["series"], b.data["series"]);
}
