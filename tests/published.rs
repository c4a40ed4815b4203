//! Golden tests: every number the published regional report (2015-2017) prints that can be derived
//! from the default data, reproduced at its printed precision through the views' JSON contracts
//! (the same JSON the page, embeds and `--json` give). Sources: tests/data/expected.json (copied
//! from the shared data folder), DOMAIN.md and DICTIONARY.md.

use banenverkenner::render::{render_query, Dataset};
use serde_json::Value;

fn ds() -> Dataset {
    Dataset::default_data().expect("default data loads")
}

fn data(q: &str) -> Value {
    render_query(&ds(), q)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .data
}

fn expected() -> Value {
    serde_json::from_str(include_str!("data/expected.json")).expect("expected.json parses")
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// Asserts `v` printed with `decimals` decimals reads `printed`.
fn printed(v: f64, decimals: usize, printed: &str) {
    assert_eq!(format!("{v:.decimals$}"), printed, "unrounded {v}");
}

/// Asserts `v` equals the recomputed value of expected.json within its 3 published decimals.
fn close(v: f64, e: &Value) {
    assert!((v - num(e)).abs() < 5e-4, "{v} vs {e}");
}

#[test]
fn national_share_working_from_totals() {
    let e = expected();
    let want = &e["national_share_working"];
    for (i, (year, p)) in [(2015, "43.87"), (2016, "44.80"), (2017, "49.78")]
        .into_iter()
        .enumerate()
    {
        let d = data(&format!("view=ranking&measure=share&year={year}"));
        let national = num(&d["national"]);
        close(national, &want[year.to_string()]);
        printed(national, 2, p);
        printed(national, 1, &format!("{}", num(&want["printed"][i])));
    }
}

#[test]
fn growth_of_working_persons_and_its_sd() {
    let e = expected();
    let d = data("view=ranking&measure=growth&subgroup=total&from=2015&to=2017");
    close(
        num(&d["national"]),
        &e["national_growth_workers_total_2015_2017"]["value"],
    );
    printed(num(&d["national"]), 2, "22.94");
    printed(num(&d["national"]), 1, "22.9");
    close(
        num(&d["sd"]),
        &e["sd_relative_growth_workers_total_2015_2017"]["value"],
    );
    printed(num(&d["sd"]), 2, "12.92");
    printed(num(&d["sd"]), 1, "12.9");
}

#[test]
fn sd_of_relative_share_2015() {
    let e = expected();
    let d = data("view=ranking&measure=share&subgroup=total&year=2015");
    close(num(&d["sd"]), &e["sd_relative_share_working_2015"]["value"]);
    printed(num(&d["sd"]), 2, "6.52");
}

#[test]
fn convergence_2015() {
    let e = &expected()["convergence_2015"];
    let d = data("view=convergence");
    let y = &d["years"][0];
    assert_eq!(y["year"], 2015);
    assert_eq!(y["max_region"], e["max_region"]);
    assert_eq!(y["min_region"], e["min_region"]);
    close(num(&y["max_relative"]), &e["max_relative"]);
    close(num(&y["min_relative"]), &e["min_relative"]);
    close(num(&y["sd"]), &e["sd"]);
    printed(num(&y["max_relative"]), 2, "16.10");
    printed(num(&y["min_relative"]), 2, "-13.08");
    printed(num(&y["national"]), 2, "43.87");
    // The JSON contract: every year has these fields.
    for y in d["years"].as_array().unwrap() {
        for k in [
            "year",
            "national",
            "max_relative",
            "min_relative",
            "sd",
            "max_region",
            "min_region",
        ] {
            assert!(!y[k].is_null(), "{k} in {y}");
        }
    }
    assert_eq!(d["years"].as_array().unwrap().len(), 3);
}

#[test]
fn flagship_scatter() {
    let e = &expected()["scatter_total_share2015_vs_growth_2015_2017"];
    let d = data("view=scatter&subgroup=total&from=2015&to=2017");
    assert!((num(&d["slope"]) - num(&e["slope"])).abs() < 5e-5);
    close(num(&d["intercept"]), &e["intercept"]);
    assert!((num(&d["r2"]) - num(&e["r2"])).abs() < 5e-6);
    printed(num(&d["r2"]), 4, "0.3083");
    close(num(&d["residual_sd"]), &e["residual_sd"]);
    let outliers = d["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["outlier"].is_null())
        .count();
    assert_eq!(outliers as u64, e["outliers"].as_u64().unwrap());
    // The reading the report prints.
    let r = render_query(&ds(), "view=scatter&subgroup=total&from=2015&to=2017").unwrap();
    assert!(r
        .summary
        .starts_with("Hoe lager het aandeel werkenden in 2015, hoe sterker de groei: R² 0,3083"));
}

#[test]
fn wsw_register_share_scatter() {
    let d = data("view=scatter&subgroup=wsw&from=2015&to=2017&x=register_share");
    assert_eq!(d["x_measure"], "register_share");
    assert_eq!(d["points"].as_array().unwrap().len(), 35);
    // National WSW share of the register 2015 and national WSW growth, from the totals.
    let ds = ds();
    let n = &ds.regional.as_ref().unwrap().national;
    let c = |y: i32, col: banenverkenner::compute::regional::Count| n[&y.into()].get(col).unwrap();
    use banenverkenner::compute::regional::Count;
    let share = c(2015, Count::RegisterWsw) / c(2015, Count::RegisterPersonsCorrected) * 100.0;
    let growth = (c(2017, Count::WorkersWsw) / c(2015, Count::WorkersWsw) - 1.0) * 100.0;
    assert!((num(&d["national_x"]) - share).abs() < 1e-9);
    assert!((num(&d["national_y"]) - growth).abs() < 1e-9);
}

#[test]
fn praktijkroute_share_of_participatiewet_register() {
    let e = expected();
    let d = data("view=ranking&measure=register_share&subgroup=praktijkroute&year=2017");
    let v = &e["national_praktijkroute_share_of_participatiewet_register_2017"];
    close(num(&d["national"]), &v["value"]);
    printed(num(&d["national"]), 2, "8.57");
    printed(num(&d["national"]), 0, &v["printed"].to_string());
}

#[test]
fn praktijkroute_share_of_participatiewet_growth() {
    let d = data("view=decomposition&subgroup=participatiewet&from=2016&to=2017");
    printed(num(&d["national"]), 1, "34.5");
    let bars = d["bars"].as_array().unwrap();
    assert_eq!(bars.len(), 35);
    for b in bars {
        let p = &b["parts"];
        let (prk, other) = (num(&p["praktijkroute"]), num(&p["pw_other"]));
        // value = Praktijkroute share of the growth; the parts add up to the growth.
        assert!((prk / (prk + other) * 100.0 - num(&b["value"])).abs() < 1e-9);
    }
}

#[test]
fn basics_jobs_indication_and_vacancies() {
    let d = data("view=basics&from=2015&to=2017");
    let m = |key: &str| {
        d["measures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["key"] == key)
            .unwrap_or_else(|| panic!("measure {key}"))
            .clone()
    };
    printed(num(&m("jobs_growth_2016_2017")["national"]), 2, "14.42");
    printed(num(&m("jobs_growth_2016_2017")["national"]), 1, "14.4");
    printed(num(&m("jobs_indication_2016")["national"]), 2, "104.96");
    printed(num(&m("jobs_indication_2017")["national"]), 2, "106.54");
    printed(num(&m("jobs_indication_mean")["national"]), 2, "105.75");
    assert_eq!(
        m("jobs_indication_mean")["national_basis"],
        "mean_of_regions"
    );
    printed(num(&m("open_vacancies_growth")["national"]), 2, "33.66");
    printed(num(&m("new_vacancies_growth")["national"]), 2, "15.29");
    printed(num(&m("workers_growth")["national"]), 2, "22.94");
    printed(num(&m("workers_growth")["sd"]), 2, "12.92");
    printed(num(&m("share_working")["sd"]), 2, "6.52");
    // Jobs for 2015 are absent: not available with the reason, never 0.
    let j = m("jobs_growth");
    assert_eq!(j["available"], false);
    assert!(j["reason"].as_str().unwrap().contains("2015"));
    assert!(j["national"].is_null());
}

#[test]
fn ranking_json_contract() {
    let d = data("view=ranking&measure=growth&subgroup=wajong&from=2015&to=2017");
    let bars = d["bars"].as_array().unwrap();
    assert_eq!(bars.len(), 35);
    let national = num(&d["national"]);
    let sd = num(&d["sd"]);
    let mut prev = f64::INFINITY;
    for b in bars {
        let keys: Vec<&String> = b.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["outlier", "region", "relative", "value"]);
        let rel = num(&b["relative"]);
        assert!(rel <= prev, "descending");
        prev = rel;
        assert!((rel - (num(&b["value"]) - national)).abs() < 1e-12);
        let want = if rel > sd {
            Value::from("up")
        } else if rel < -sd {
            Value::from("down")
        } else {
            Value::Null
        };
        assert_eq!(b["outlier"], want, "{b}");
    }
}

#[test]
fn cli_prints_the_same_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_banenverkenner"))
        .args([
            "view",
            "default",
            "view=ranking&measure=growth&subgroup=wajong&from=2015&to=2017",
            "--json",
        ])
        .output()
        .expect("CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Byte for byte what the library's JSON contract gives.
    let lib = serde_json::to_string_pretty(&data(
        "view=ranking&measure=growth&subgroup=wajong&from=2015&to=2017",
    ))
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{lib}\n"));
}
