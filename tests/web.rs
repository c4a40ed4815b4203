//! The exported browser API, tested in headless Chromium (wasm-bindgen-test-runner): values
//! round-trip through serde-wasm-bindgen, errors arrive as JS errors with kind and location, and
//! no input makes the module panic (a panic would abort the wasm instance).
#![cfg(target_arch = "wasm32")]

use banenverkenner::web::Explorer;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn default_scatter_reproduces_the_published_r2() {
    let ex = Explorer::new().unwrap();
    let r = ex
        .render("view=scatter&subgroup=total&from=2015&to=2017")
        .unwrap();
    let data = get(&r, "data");
    let r2 = get(&data, "r2").as_f64().unwrap();
    assert_eq!((r2 * 10000.0).round() / 10000.0, 0.3083);
    let points = js_sys::Array::from(&get(&data, "points"));
    assert_eq!(points.length(), 35);
    let svg = get(&r, "svg").as_string().unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
    assert!(svg.contains("Food Valley"));
    assert_eq!(
        get(&r, "spec").as_string().unwrap(),
        "view=scatter&subgroup=total&from=2015&to=2017&x=share"
    );
    // The JSON text equals what the CLI prints.
    let json: serde_json::Value = serde_json::from_str(&ex.json("view=scatter").unwrap()).unwrap();
    assert_eq!(json["points"].as_array().unwrap().len(), 35);
}

#[wasm_bindgen_test]
fn errors_carry_kind_and_location() {
    let err = Explorer::load(
        "fout.csv",
        b"region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,veel,5\n",
    )
    .err()
    .unwrap();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "bad_value");
    let loc = get(&err, "location");
    assert_eq!(get(&loc, "row").as_f64(), Some(3.0));
    assert_eq!(
        get(&loc, "column").as_string().unwrap(),
        "register_persons_corrected"
    );
    let msg = get(&err, "message").as_string().unwrap();
    assert!(msg.contains("fout.csv, rij 3"), "{msg}");

    let ex = Explorer::new().unwrap();
    let err = ex.render("view=scatter&subgroup=onbekend").err().unwrap();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "view");
}

#[wasm_bindgen_test]
fn garbage_input_is_an_error_not_a_panic() {
    // Deterministic pseudo-random bytes and mangled versions of the default file.
    let mut seed: u32 = 12345;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let base = banenverkenner::DEFAULT_DATA;
    for i in 0..200 {
        let mut bytes: Vec<u8> = if i % 2 == 0 {
            base.to_vec()
        } else {
            (0..(next() % 400)).map(|_| next() as u8).collect()
        };
        for _ in 0..(next() % 20) {
            if bytes.is_empty() {
                break;
            }
            let at = (next() as usize) % bytes.len();
            bytes[at] = next() as u8;
        }
        if i % 3 == 0 {
            let cut = (next() as usize) % (bytes.len() + 1);
            bytes.truncate(cut);
        }
        if let Ok(ex) = Explorer::load("fuzz.csv", &bytes) {
            let _ = ex.render("view=scatter");
            let _ = ex.info();
        }
    }
}

#[wasm_bindgen_test]
fn gallery_examples_open_on_their_natural_charts() {
    let list = js_sys::Array::from(&banenverkenner::web::examples().unwrap());
    assert_eq!(list.length(), 5);
    for item in list.iter() {
        let file = get(&item, "file").as_string().unwrap();
        let ex = Explorer::example(&file).unwrap();
        let natural = ex.render("").unwrap();
        assert!(
            get(&natural, "svg")
                .as_string()
                .unwrap()
                .starts_with("<svg"),
            "{file}"
        );
        let view = get(&item, "view").as_string().unwrap();
        let r = ex.render(&view).unwrap();
        assert_eq!(
            get(&r, "view").as_string(),
            get(&natural, "view").as_string(),
            "{file}"
        );
        assert!(get(&item, "source")
            .as_string()
            .unwrap()
            .starts_with("Bron: "));
    }
    let ex = Explorer::example("jobcoach_states_by_month.csv").unwrap();
    let json: serde_json::Value = serde_json::from_str(&ex.json("").unwrap()).unwrap();
    assert_eq!(json["n"][0]["n"], 24149.0);
    assert_eq!(
        get(&Explorer::example("nee.csv").err().unwrap(), "kind")
            .as_string()
            .unwrap(),
        "not_available"
    );
}

#[wasm_bindgen_test]
fn mapping_step_reads_a_file_with_unrecognised_headers() {
    let csv = b"Gebied,Periode,Ingeschrevenen,Met werk\nA,2015,100,40\nA,2016,100,50\nB,2015,100,45\nB,2016,100,48\nC,2015,100,30\nC,2016,100,42\n";
    let ex = Explorer::load("eigen.csv", csv).unwrap();
    let info = ex.info().unwrap();
    let mapping = get(&info, "mapping");
    assert!(
        !mapping.is_null() && !mapping.is_undefined(),
        "the page is told to offer a mapping step"
    );
    let mapped = ex
        .with_mapping(r#"[["Gebied","region"],["Ingeschrevenen","register_persons_corrected"],["Met werk","workers_total"]]"#)
        .unwrap();
    let r = mapped.render("view=scatter").unwrap();
    let points = js_sys::Array::from(&get(&get(&r, "data"), "points"));
    assert_eq!(points.length(), 3);
    let err = ex.with_mapping("geen json").err().unwrap();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "view");
}

/// The browser's case mapping (used for non-ASCII text in wasm) gives what Rust's std gives.
#[wasm_bindgen_test]
fn case_mapping_matches_the_standard_library() {
    use banenverkenner::case;
    assert_eq!(case::lower("ÉÉN Ïjssel ΟΔΟΣ"), "één ïjssel οδος");
    assert_eq!(case::upper("één straße"), "ÉÉN STRASSE");
    assert_eq!(case::lower("İ"), "i\u{307}");
    assert_eq!(case::lower_each("ΑΣ"), "ασ");
    assert_eq!(case::upper_char('ß'), "SS");
    assert_eq!(case::lower("Werkzame Personen"), "werkzame personen");
}

/// Numbers beyond the exact fast path go to the browser's parseFloat: same bits as Rust's std.
#[wasm_bindgen_test]
fn decimal_parsing_matches_the_standard_library() {
    use banenverkenner::decimal::parse_f64;
    let cases: [(&str, f64); 9] = [
        ("0.35714285714285715", 0.35714285714285715),
        ("9007199254740993", 9007199254740993.0),
        ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("4.9e-324", 4.9e-324),
        ("1e23", 1e23),
        (
            "123456789012345678901234567890",
            123456789012345678901234567890.0,
        ),
        ("1.7976931348623157e308", 1.7976931348623157e308),
        ("12.5", 12.5),
        ("-0.1", -0.1),
    ];
    for (s, v) in cases {
        assert_eq!(parse_f64(s).map(f64::to_bits), Some(v.to_bits()), "{s}");
    }
    assert_eq!(parse_f64("1.8e308"), Some(f64::INFINITY));
    assert_eq!(parse_f64("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
    assert_eq!(parse_f64("1e"), None);
    assert_eq!(parse_f64(" 1"), None);
    assert_eq!(parse_f64("0x10"), None);
}

/// The page gets its table cells, CSV and role names from the core: no number logic in JS.
#[wasm_bindgen_test]
fn table_cells_csv_and_roles_come_from_the_core() {
    let ex = Explorer::new().unwrap();
    let r = ex.render("view=scatter").unwrap();
    let tt = get(&r, "text_table");
    let rows = js_sys::Array::from(&get(&tt, "rows"));
    assert_eq!(rows.length(), 35);
    let food = rows
        .iter()
        .map(|row| js_sys::Array::from(&row))
        .find(|row| row.get(0).as_string().as_deref() == Some("Food Valley"))
        .unwrap();
    // Region, then per measure its level and its difference from national.
    assert_eq!(food.get(1).as_string().unwrap(), "40,18");
    assert_eq!(food.get(2).as_string().unwrap(), "-3,70");
    let numeric = js_sys::Array::from(&get(&tt, "numeric"));
    assert_eq!(numeric.get(0).as_bool(), Some(false));
    assert_eq!(numeric.get(1).as_bool(), Some(true));
    let en = ex.render("view=scatter&lang=en").unwrap();
    let en_rows = js_sys::Array::from(&get(&get(&en, "text_table"), "rows"));
    assert!(en_rows
        .iter()
        .any(|row| js_sys::Array::from(&row).get(2).as_string().as_deref() == Some("-3.70")));

    let csv = ex.csv("view=scatter").unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.trim_end().split("\r\n").count(), 36);
    assert!(csv.contains("Food Valley;40,1"), "{}", &csv[..200]);
    assert!(csv.contains(";-3,69"), "{}", &csv[..200]);
    let csv_en = ex.csv("view=scatter&lang=en").unwrap();
    assert!(csv_en.contains("Food Valley,40.1") && csv_en.contains(",-3.69"));
    assert!(ex.csv("view=taart").is_err());

    let roles = js_sys::Array::from(&Explorer::roles("nl").unwrap());
    let keys: Vec<String> = roles
        .iter()
        .map(|r| get(&r, "key").as_string().unwrap())
        .collect();
    assert!(keys.contains(&"odds".to_string()), "{keys:?}");
    let en_roles = js_sys::Array::from(&Explorer::roles("en").unwrap());
    assert_eq!(get(&en_roles.get(0), "label").as_string().unwrap(), "time");
}

/// The report comes with its sections drawn once by the core, each with its own drawing.
#[wasm_bindgen_test]
fn report_sections_come_with_the_render() {
    let ex = Explorer::new().unwrap();
    let r = ex.render("view=report").unwrap();
    let sections = js_sys::Array::from(&get(&r, "sections"));
    assert_eq!(sections.length(), 14);
    let first = sections.get(0);
    assert_eq!(get(&first, "label").as_string().unwrap(), "Figuur 1a");
    assert!(get(&first, "svg").as_string().unwrap().starts_with("<svg"));
    assert_eq!(js_sys::Array::from(&get(&first, "hits")).length(), 35);
    let spec = get(&first, "spec").as_string().unwrap();
    assert_eq!(
        ex.section_csv("view=report", 0).unwrap(),
        ex.csv(&spec).unwrap()
    );
    assert!(ex.section_csv("view=scatter", 0).is_err());
    // Other views carry no sections.
    let plain = ex.render("view=scatter").unwrap();
    assert!(get(&plain, "sections").is_undefined());
}

#[wasm_bindgen_test]
fn the_map_asks_for_its_boundaries_then_draws() {
    let mut ex = Explorer::new().unwrap();
    // The bundle has no boundaries: a typed error names the edition and the file to fetch.
    let e = ex.render("view=map").unwrap_err();
    assert_eq!(get(&e, "kind").as_string().unwrap(), "needs_boundaries");
    assert_eq!(get(&e, "edition").as_f64(), Some(2017.0));
    assert_eq!(
        get(&get(&e, "location"), "file").as_string().unwrap(),
        "geo/arbeidsmarktregio_2017.topojson"
    );
    // Bad bytes are an error, not a panic; the real file draws all 35 regions.
    assert!(ex.set_boundaries(2017, b"{\"type\":").is_err());
    ex.set_boundaries(
        2017,
        include_bytes!("../data/geo/arbeidsmarktregio_2017.topojson"),
    )
    .unwrap();
    assert_eq!(ex.boundary_editions(), vec![2017]);
    let r = ex.render("view=map").unwrap();
    let regions = js_sys::Array::from(&get(&get(&r, "data"), "regions"));
    assert_eq!(regions.length(), 35);
    assert!(get(&r, "svg").as_string().unwrap().contains("CBS/PDOK"));
}

#[wasm_bindgen_test]
fn the_warm_up_reads_describes_and_draws_in_short_steps() {
    let mut w = banenverkenner::web::WarmUp::new();
    let mut steps = 1;
    while w.step() {
        steps += 1;
        assert!(steps < 200, "the warm-up does not end");
    }
    assert!(!w.failed());
    // The file (3.5 MB) in pieces of 128 KB, not in one step; then the file line, one view's
    // entry, three views and the catalogue; all of it twice.
    let pieces = banenverkenner::warm::file().len() / banenverkenner::warm::PIECE;
    assert!(pieces >= 26, "{pieces}");
    assert_eq!(banenverkenner::warm::ROUNDS, 2);
    assert!(steps >= 2 * (1 + pieces + 6), "{steps}");
    // Once done it stays done.
    assert!(!w.step());
    assert!(!w.failed());
    // The warm-up beside a large file's reading: one round.
    let mut once = banenverkenner::web::WarmUp::once();
    let mut once_steps = 1;
    while once.step() {
        once_steps += 1;
    }
    assert!(!once.failed());
    // (The last round reads the file by two readings: the helper's pieces, then the main
    // reading's, which takes the helper's rows over.)
    // (The small file: 1.1 MB, nine pieces.)
    assert!(
        once_steps >= 1 + 9 + 6 && once_steps + 10 + pieces <= steps,
        "{once_steps} of {steps}"
    );
}

/// The view as JSON text (what the worker posts to the page) is the view as objects: every
/// example's natural view, a line chart and the report, compared as the page would read them.
#[wasm_bindgen_test]
fn a_view_as_json_text_is_the_view_as_objects() {
    let list = js_sys::Array::from(&banenverkenner::web::examples().unwrap());
    let mut cases: Vec<(Explorer, &str)> = vec![
        (Explorer::new().unwrap(), "view=scatter&from=2015&to=2017"),
        (Explorer::new().unwrap(), "view=report"),
    ];
    for item in list.iter() {
        let file = get(&item, "file").as_string().unwrap();
        cases.push((Explorer::example(&file).unwrap(), ""));
    }
    for (ex, spec) in &cases {
        let objects = ex.render(spec).unwrap();
        let text = ex.render_json(spec).unwrap();
        let parsed = js_sys::JSON::parse(&text).unwrap();
        let a = js_sys::JSON::stringify(&objects)
            .unwrap()
            .as_string()
            .unwrap();
        let b = js_sys::JSON::stringify(&parsed)
            .unwrap()
            .as_string()
            .unwrap();
        assert!(a.len() > 1000, "{spec}: {}", &a[..a.len().min(200)]);
        assert_eq!(a, b, "{spec}");
    }
}
