//! Arbitrary bytes loaded as the page loads a file, then the natural view and every view of the
//! catalog with its defaults, plus bars and line charts of the first two columns: errors are
//! fine, a panic is not, and no NaN or infinity reaches the SVG or the JSON.
#![no_main]
use banenverkenner::render::{catalog::catalog, render_query, Dataset};
use banenverkenner::spec::percent_encode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A first byte 0 makes a workbook of the rest, so charts are reached from all three loaders.
    let built;
    let (name, bytes) = match data.split_first() {
        Some((0, rest)) => {
            built = workbook::from_parts(rest);
            ("f.xlsx", &built[..])
        }
        _ => ("f.csv", data),
    };
    let Ok(ds) = Dataset::load(name, bytes) else {
        return;
    };
    let _ = ds.info();
    let mut queries = vec![String::new()];
    for v in catalog(&ds) {
        let mut q = format!("view={}", v.view);
        for k in &v.keys {
            if let Some(d) = &k.default {
                q.push_str(&format!("&{}={}", k.key, percent_encode(d)));
            }
        }
        queries.push(q);
    }
    let cols: Vec<String> = ds
        .table
        .columns
        .iter()
        .map(|c| percent_encode(&c.name))
        .collect();
    if let [a, b, ..] = cols.as_slice() {
        for view in ["bars", "line", "area", "stacked"] {
            queries.push(format!("view={view}&x={a}&y={b}"));
        }
    }
    // A file that says "NaN" itself may see it back as a label.
    let says_nan = String::from_utf8_lossy(bytes).contains("NaN");
    for q in queries.iter().take(12) {
        if let Ok(r) = render_query(&ds, q) {
            check(&r, q, says_nan);
        }
    }
});

fn check(r: &banenverkenner::render::Rendered, q: &str, says_nan: bool) {
    // Numbers in geometry attributes (texts from the file may say anything).
    const GEOMETRY: [&str; 16] = [
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "width",
        "height",
        "points",
        "d",
        "transform",
        "viewBox",
        "font-size",
    ];
    let mut rest = r.svg.as_str();
    while let Some(i) = rest.find("=\"") {
        let key = rest[..i].rsplit([' ', '<', '\n']).next().unwrap_or("");
        let value_end = rest[i + 2..].find('"').map_or(rest.len(), |j| i + 2 + j);
        let value = &rest[i + 2..value_end];
        if GEOMETRY.contains(&key) {
            assert!(
                !value.contains("NaN") && !value.contains("inf"),
                "{key}=\"{value}\" in the SVG of {q}"
            );
        }
        rest = &rest[value_end.min(rest.len())..];
        if rest.starts_with('"') {
            rest = &rest[1..];
        }
    }
    let json = serde_json::to_string(&r.data).unwrap_or_default();
    assert!(says_nan || !json.contains("NaN"), "NaN in the JSON of {q}");
    for h in &r.hits {
        assert!(
            [h.x, h.y, h.w, h.h].iter().all(|v| v.is_finite()),
            "hit {h:?} of {q}"
        );
    }
}

mod workbook;
