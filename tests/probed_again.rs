//! Files that the probes of the seventh session got wrong, each with the answer worked out by
//! hand: subtotals no word names in a tidy table the regional reading does not read, ...

use banenverkenner::render::{render_query, Dataset};
use serde_json::Value;

fn load(name: &str, bytes: &[u8]) -> Dataset {
    Dataset::load(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn data(ds: &Dataset, q: &str) -> Value {
    render_query(ds, q)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .data
}

/// Each series' name and its points' y.
fn series_ys(d: &Value) -> Vec<(String, Vec<Option<f64>>)> {
    d["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let ys = s["points"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["y"].as_f64())
                .collect();
            (s["name"].as_str().unwrap().to_string(), ys)
        })
        .collect()
}

fn notes(d: &Value) -> String {
    d["notes"]
        .as_array()
        .map(|n| {
            n.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

/// Working persons per municipality with their region's subtotal beside them (`Regio
/// Achterhoek` = 10 + 20 + 30), and no register column: the regional reading does not read the
/// file, the tidy views sum it. Before, the subtotals were summed with their parts (Achterhoek
/// 2019: 120 for 60).
#[test]
fn a_subtotal_no_word_names_is_not_summed_with_its_parts_in_a_tidy_table() {
    let csv = "arbeidsmarktregio,gemeente,jaar,werkzaam\n\
        Achterhoek,Aalten,2019,10\nAchterhoek,Berkelland,2019,20\nAchterhoek,Winterswijk,2019,30\n\
        Achterhoek,Regio Achterhoek,2019,60\n\
        Twente,Enschede,2019,40\nTwente,Hengelo,2019,50\nTwente,Almelo,2019,5\n\
        Twente,Regio Twente,2019,95\n\
        Achterhoek,Aalten,2020,11\nAchterhoek,Berkelland,2020,21\nAchterhoek,Winterswijk,2020,31\n\
        Achterhoek,Regio Achterhoek,2020,63\n\
        Twente,Enschede,2020,41\nTwente,Hengelo,2020,51\nTwente,Almelo,2020,6\n\
        Twente,Regio Twente,2020,98\n";
    let ds = load("sub.csv", csv.as_bytes());
    assert!(ds.regional.is_none());
    let d = data(&ds, "view=line&x=jaar&y=werkzaam&series=arbeidsmarktregio");
    assert_eq!(
        series_ys(&d),
        [
            ("Achterhoek".to_string(), vec![Some(60.0), Some(63.0)]),
            ("Twente".to_string(), vec![Some(95.0), Some(98.0)]),
        ]
    );
    assert!(
        notes(&d).contains("Regio Achterhoek"),
        "the subtotals are named: {}",
        notes(&d)
    );
    // Bars of the municipalities keep every one, the subtotals among them as in the file.
    let d = data(&ds, "view=bars&x=gemeente&y=werkzaam&filter=jaar:2019");
    let text = d.to_string();
    assert!(
        text.contains("Aalten") && text.contains("Regio Twente"),
        "{text}"
    );
}
