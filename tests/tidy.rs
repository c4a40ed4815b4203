//! The tidy views on the five sample tables and on tables the tests write themselves: the numbers
//! in the JSON contract (`data`), the natural view of each file, missing cells as null.

use banenverkenner::format::Lang;
use banenverkenner::render::{render_query, Dataset, Rendered};
use banenverkenner::EXAMPLES;
use serde_json::Value;

fn sample(file: &str) -> Dataset {
    let ex = EXAMPLES
        .iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no example {file}"));
    Dataset::load(ex.file, ex.bytes).unwrap()
}

fn render(ds: &Dataset, q: &str) -> Rendered {
    render_query(ds, q).unwrap_or_else(|e| panic!("{q}: {e}"))
}

fn own(csv: &str) -> Dataset {
    Dataset::load("eigen.csv", csv.as_bytes()).unwrap()
}

/// The `y` values of the series named `name` (in panel `facet`).
fn ys(data: &Value, name: &str, facet: Option<&str>) -> Vec<Option<f64>> {
    let s = data["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name && s["facet"].as_str() == facet)
        .unwrap_or_else(|| panic!("no series {name} {facet:?}"));
    s["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["y"].as_f64())
        .collect()
}

#[test]
fn line_of_register_persons_per_subgroup() {
    let ds = sample("register_by_subgroup_2017_2019.csv");
    let r = render(&ds, "view=line&x=year&y=persons&series=subgroup");
    let d = &r.data;
    assert_eq!(d["series"].as_array().unwrap().len(), 7);
    let xs: Vec<f64> = d["series"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["x"].as_f64().unwrap())
        .collect();
    assert_eq!(xs, vec![2017.0, 2018.0, 2019.0]);
    assert_eq!(
        ys(d, "Wajong", None),
        vec![Some(98758.0), Some(95580.0), Some(93391.0)]
    );
    assert_eq!(
        ys(d, "totaal", None),
        vec![Some(246164.0), Some(260494.0), Some(267111.0)]
    );
    assert!(r.svg.starts_with("<svg"));
    assert_eq!(r.hits.len(), 21);
    assert!(r.summary.contains("P-wet (Praktijkroute)"), "{}", r.summary);
    // Index: first period = 100; the file's value is kept beside it.
    let r = render(&ds, "view=line&x=year&y=persons&series=subgroup&index=1");
    let w = ys(&r.data, "vso/pro", None);
    assert_eq!(w[0], Some(100.0));
    assert!((w[2].unwrap() - 25005.0 / 12067.0 * 100.0).abs() < 1e-9);
    assert_eq!(r.data["series"][0]["points"][2]["value"], 25005.0);
}

#[test]
fn stacked_hours_per_week_shares_sum_to_100_per_group() {
    let ds = sample("hours_per_week_by_subgroup_2019.csv");
    let r = render(
        &ds,
        "view=stacked&x=subgroup&y=share_pct&series=hours_per_week",
    );
    let d = &r.data;
    assert_eq!(d["converted"], false);
    let cats: Vec<&str> = d["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(cats, ["<12", "12-24", "24-32", ">32"]);
    let groups = d["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 7);
    for (g, group) in groups.iter().enumerate() {
        let sum: f64 = d["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["points"][g]["y"].as_f64().unwrap())
            .sum();
        assert!((sum - 100.0).abs() <= 0.15, "{}: {sum}", group["name"]);
        assert!((group["sum"].as_f64().unwrap() - sum).abs() < 1e-9);
    }
    assert_eq!(ys(d, ">32", None)[4], Some(59.8)); // Wsw
    assert_eq!(groups[4]["name"], "Wsw");
    assert_eq!(r.table.rows.len(), 28);
}

#[test]
fn stacked_counts_are_converted_with_totals() {
    let ds = sample("register_by_subgroup_2017_2019.csv");
    let r = render(&ds, "view=stacked&x=year&y=persons&series=subgroup");
    let d = &r.data;
    assert_eq!(d["converted"], true);
    // The totaal row is the whole, not a part: left out, and said so.
    assert!(!d["categories"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "totaal"));
    assert!(r.notes.iter().any(|n| n.contains("totaal niet meegeteld")));
    let total_2017 = 12067.0 + 40823.0 + 4874.0 + 88564.0 + 98758.0 + 1078.0;
    assert_eq!(d["groups"][0]["total"].as_f64(), Some(total_2017));
    let wajong = ys(d, "Wajong", None);
    assert!((wajong[0].unwrap() - 98758.0 / total_2017 * 100.0).abs() < 1e-9);
    for g in 0..3 {
        let sum: f64 = d["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["points"][g]["y"].as_f64().unwrap())
            .sum();
        assert!((sum - 100.0).abs() < 1e-9);
    }
}

#[test]
fn forest_of_odds_ratios_finds_its_columns_by_role() {
    let ds = sample("odds_ratios_job_finding_2019.csv");
    let r = render(&ds, "view=forest&y=odds_ratio&series=model");
    let d = &r.data;
    let rows = d["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 108);
    assert_eq!(d["dimension_column"], "dimension");
    assert_eq!(d["term_column"], "category");
    assert_eq!(d["reference_column"], "reference");
    assert_eq!(d["significance_column"], "significance");
    assert_eq!(d["log"], true);
    assert_eq!(d["models"].as_array().unwrap().len(), 6);
    let first = &rows[0];
    assert_eq!(first["model"], "totaal");
    assert_eq!(first["dimension"], "geslacht");
    assert_eq!(first["category"], "vrouw");
    assert_eq!(first["reference"], "man");
    assert_eq!(first["estimate"], 0.83);
    assert_eq!(first["significance"], "**");
    // Not significant is null, not an empty marker.
    let vso_middel = rows
        .iter()
        .find(|r| r["model"] == "vso/pro" && r["category"] == "opleiding middel")
        .unwrap();
    assert_eq!(vso_middel["estimate"], 1.03);
    assert!(vso_middel["significance"].is_null());
    // The reference category of each dimension.
    let refs: Vec<(String, String)> = d["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|dm| {
            (
                dm["name"].as_str().unwrap().to_string(),
                dm["reference"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(refs.len(), 8);
    assert!(refs.contains(&("geslacht".into(), "man".into())));
    assert!(refs.contains(&("opleiding".into(), "alleen basisonderwijs".into())));
    assert!(refs.contains(&("subdoelgroep".into(), "P-wet (ABA)".into())));
    // Terms without an estimate for a model are null in that model's series.
    let wsw = ys(d, "Wsw", None);
    assert_eq!(wsw.len(), 24);
    assert_eq!(wsw.iter().filter(|v| v.is_some()).count(), 17);
    let sig2 = rows.iter().filter(|r| r["significance"] == "**").count();
    assert!(r.summary.contains(&format!("waarvan {sig2} met **")));
}

#[test]
fn area_of_jobcoach_states_carries_n_per_month() {
    let ds = sample("jobcoach_states_by_month.csv");
    let r = render(
        &ds,
        "view=area&x=months_since_start&y=share_pct&series=state&facet=group",
    );
    let d = &r.data;
    assert_eq!(d["n_column"], "persons");
    let n = d["n"].as_array().unwrap();
    assert_eq!(n.len(), 20);
    let at = |g: &str, m: f64| {
        n.iter()
            .find(|p| p["facet"] == g && p["x"].as_f64() == Some(m))
            .unwrap()
    };
    assert_eq!(at("Wajong", 0.0)["n"], 24149.0);
    assert_eq!(at("Wajong", 54.0)["n"], 435.0);
    assert_eq!(at("Wajong", 54.0)["small"], false);
    assert_eq!(at("WGA", 48.0)["n"], 144.0);
    assert_eq!(at("WGA", 54.0)["n"], 26.0);
    assert_eq!(at("WGA", 54.0)["small"], true);
    assert_eq!(d["series"].as_array().unwrap().len(), 8);
    assert_eq!(ys(d, "Werk met jobcoach", Some("Wajong"))[1], Some(65.0));
    assert_eq!(ys(d, "Geen werk", Some("WGA"))[9], Some(62.0));
    // A stricter threshold marks more months.
    let r = render(
        &ds,
        "view=area&x=months_since_start&y=share_pct&series=state&facet=group&min_n=500",
    );
    let small = r.data["n"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["small"] == true)
        .count();
    assert_eq!(small, 1 + 4); // Wajong 54 (435); WGA 36..54 (423 and less)
    assert!(r.spec.contains("min_n=500"));
}

#[test]
fn bars_of_not_working_with_a_reference_line() {
    let ds = sample("not_working_by_grondslag_2019_2021.csv");
    let r = render(&ds, "view=bars&x=grondslag&y=share_pct&ref=35");
    let d = &r.data;
    let cats = d["categories"].as_array().unwrap();
    assert_eq!(cats.len(), 14);
    assert_eq!(
        cats[0],
        "Tijdelijke registraties: schoolverlaters Vso/Pro en MBO-entree"
    );
    assert_eq!(cats[13], "WSW detachering");
    let v = ys(d, "share_pct", None);
    assert_eq!(v[0], Some(59.0));
    assert_eq!(v[13], Some(1.0));
    assert!(v.windows(2).all(|w| w[0] >= w[1]), "sorted descending");
    assert_eq!(d["reference"]["values"][0]["value"], 35.0);
    assert!(r.summary.contains("7 van de 14 boven"), "{}", r.summary);
    // The group size behind each bar comes along from the n column.
    assert_eq!(d["n_column"], "persons");
    let n_of = |cat: &str| {
        d["n"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["category"] == cat)
            .unwrap()["n"]
            .as_f64()
    };
    assert_eq!(
        n_of("Tijdelijke registraties: schoolverlaters Vso/Pro en MBO-entree"),
        Some(63.0)
    );
    assert_eq!(n_of("Wajong"), Some(96909.0));
    assert!(r.svg.contains("n = 96.909"));
    // A category as reference and a highlighted category.
    let r = render(
        &ds,
        "view=bars&x=grondslag&y=share_pct&ref=Wajong&highlight=Pro-leerlingen",
    );
    assert_eq!(r.data["reference"]["values"][0]["value"], 41.0);
    assert_eq!(r.data["categories"].as_array().unwrap().len(), 13);
    assert_eq!(r.data["highlight"], "Pro-leerlingen");
}

#[test]
fn each_sample_opens_on_its_natural_view() {
    let expect = [
        (
            "register_by_subgroup_2017_2019.csv",
            "view=line&x=year&y=persons&series=subgroup",
        ),
        (
            "hours_per_week_by_subgroup_2019.csv",
            "view=stacked&x=subgroup&y=share_pct&series=hours_per_week",
        ),
        (
            "odds_ratios_job_finding_2019.csv",
            "view=forest&y=odds_ratio&series=model",
        ),
        (
            "jobcoach_states_by_month.csv",
            "view=area&x=months_since_start&y=share_pct&series=state&facet=group",
        ),
        (
            "not_working_by_grondslag_2019_2021.csv",
            "view=bars&x=grondslag&y=share_pct",
        ),
    ];
    for (file, spec) in expect {
        let ds = sample(file);
        let r = render(&ds, "");
        assert_eq!(r.spec, spec, "{file}");
        // The completed description renders the same numbers.
        let again = render(&ds, &r.spec);
        assert_eq!(again.data, r.data, "{file}");
        assert!(r.svg.contains("<svg") && !r.hits.is_empty(), "{file}");
        assert!(r.source.starts_with("Bron: "), "{file}");
    }
}

#[test]
fn gallery_examples_render_their_views_with_dutch_texts() {
    assert_eq!(EXAMPLES.len(), 5);
    for ex in EXAMPLES {
        let ds = Dataset::example(ex).unwrap();
        let r = render(&ds, &ex.view_description());
        assert_eq!(r.title, ex.title);
        assert_eq!(r.source, ex.source);
        assert!(ex.view.starts_with(&format!("view={}", r.view)));
        assert!(!ex.explanation.is_empty());
        assert!(r.svg.contains(&format!(
            "<title id=\"bv-title\">{}",
            ex.title.replace('&', "&amp;")
        )));
    }
}

#[test]
fn missing_cells_are_null_and_lines_break() {
    let ds = own(
        "jaar,groep,aantal\n2017,A,100\n2018,A,.\n2019,A,130\n2017,B,x\n2018,B,50\n2019,B,60\n",
    );
    let r = render(&ds, "");
    assert_eq!(r.view, "line");
    assert_eq!(r.spec, "view=line&x=jaar&y=aantal&series=groep");
    assert_eq!(ys(&r.data, "A", None), vec![Some(100.0), None, Some(130.0)]);
    assert_eq!(ys(&r.data, "B", None), vec![None, Some(50.0), Some(60.0)]);
    assert_eq!(r.data["series"][0]["points"][1]["y"], Value::Null);
    assert!(r.notes.iter().any(|n| n.contains("onderbroken")));
    // The CLI's JSON is the same data: y null where missing.
    let text = serde_json::to_string(&r.data).unwrap();
    assert!(text.contains("\"y\":null"));

    // A suppressed share in a distribution is "onbekend", not 0.
    let ds = own("groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,.\nB,>12,70\n");
    let r = render(&ds, "view=stacked");
    assert_eq!(ys(&r.data, "<12", None), vec![Some(40.0), None]);
    assert_eq!(ys(&r.data, "onbekend", None), vec![Some(0.0), Some(30.0)]);
    // And a missing bar is written "onbekend", not drawn as zero.
    let ds = own("regio,aandeel\nA,20\nB,.\n");
    let r = render(&ds, "view=bars");
    assert_eq!(ys(&r.data, "aandeel", None), vec![Some(20.0), None]);
    assert!(r.svg.contains("onbekend"));
}

#[test]
fn a_dutch_table_with_other_names_charts_just_as_well() {
    let csv = "kwartaal,regio,sekse,werkenden\n\
               2019K4,Noord,man,120\n2019K4,Noord,vrouw,80\n2019K4,Zuid,man,60\n2019K4,Zuid,vrouw,90\n\
               2020K1,Noord,man,125\n2020K1,Noord,vrouw,85\n2020K1,Zuid,man,.\n2020K1,Zuid,vrouw,95\n\
               2019K3,Noord,man,110\n2019K3,Noord,vrouw,75\n2019K3,Zuid,man,55\n2019K3,Zuid,vrouw,88\n";
    let ds = own(csv);
    let roles = ds.roles();
    assert_eq!(
        roles.role("kwartaal"),
        Some(banenverkenner::compute::tidy::Role::Time)
    );
    // Natural: lines over quarters, per region, one panel per sex; quarters in time order.
    let r = render(&ds, "");
    assert_eq!(
        r.spec,
        "view=line&x=kwartaal&y=werkenden&series=regio&facet=sekse"
    );
    let xs: Vec<&str> = r.data["x_values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect();
    // Readable labels; the values stay as written in the file.
    assert_eq!(xs, ["2019 K3", "2019 K4", "2020 K1"]);
    assert_eq!(r.data["x_values"][0]["value"], "2019K3");
    assert_eq!(
        ys(&r.data, "Zuid", Some("man")),
        vec![Some(55.0), Some(60.0), None]
    );
    // The same table as stacked bars of sex per region for one quarter, counts to shares.
    let r = render(
        &ds,
        "view=stacked&x=regio&y=werkenden&series=sekse&filter=kwartaal:2019K4",
    );
    assert_eq!(r.data["converted"], true);
    assert_eq!(ys(&r.data, "man", None), vec![Some(60.0), Some(40.0)]);
    assert_eq!(r.data["groups"][1]["total"], 150.0);
    // A missing count leaves the whole unknown: no shares for that bar, never a share of 100.
    let r = render(
        &ds,
        "view=stacked&x=regio&y=werkenden&series=sekse&facet=kwartaal",
    );
    let facets: Vec<&str> = r.data["facets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(
        facets,
        ["2019K3", "2019K4", "2020K1"],
        "time facets in time order"
    );
    assert_eq!(
        ys(&r.data, "vrouw", Some("2020K1")),
        vec![Some(85.0 / 210.0 * 100.0), None]
    );
    let zuid = r.data["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Zuid" && g["facet"] == "2020K1")
        .unwrap();
    assert!(zuid["total"].is_null());
    assert_eq!(zuid["unknown"][0], "man");
    // Grouped bars with a facet.
    let r = render(
        &ds,
        "view=bars&x=regio&y=werkenden&series=sekse&facet=kwartaal",
    );
    assert_eq!(r.data["series"].as_array().unwrap().len(), 6);
    // Area over quarters.
    let r = render(
        &ds,
        "view=area&x=kwartaal&y=werkenden&series=sekse&facet=regio",
    );
    assert_eq!(r.data["converted"], true);
    let n = r.data["n"].as_array().unwrap();
    assert_eq!(n[0]["n"], 185.0); // Noord 2019K3: 110 + 75
}

#[test]
fn unknown_columns_and_values_list_what_is_there() {
    let ds = sample("register_by_subgroup_2017_2019.csv");
    let e = render_query(&ds, "view=line&x=jaar&y=persons").unwrap_err();
    assert!(
        e.message.contains("'x=jaar'") && e.message.contains("subgroup, year, persons"),
        "{}",
        e.message
    );
    let e = render_query(&ds, "view=line&x=year&y=subgroup").unwrap_err();
    assert!(e.message.contains("getallen"), "{}", e.message);
    let e = render_query(&ds, "view=bars&x=subgroup&y=persons&highlight=wajong").unwrap_err();
    assert!(e.message.contains("Wajong"), "{}", e.message);
    let e = render_query(&ds, "view=line&highlight=wajong").unwrap_err();
    assert!(e.message.contains("Wajong"), "{}", e.message);
    let e = render_query(&ds, "view=line&colour=red").unwrap_err();
    assert!(e.message.contains("index"), "{}", e.message);
    let e = render_query(&ds, "view=bars&x=subgroup&y=persons&filter=year:2020").unwrap_err();
    assert!(e.message.contains("2017, 2018, 2019"), "{}", e.message);
    // Two rows on one point: counts are summed, a percentage without n is refused, naming what
    // is missing and what to do.
    let ds = own("jaar,groep,sekse,werkzaam,pct\n2017,A,man,1,10\n2017,A,vrouw,2,20\n");
    let r = render(&ds, "view=line&x=jaar&y=werkzaam&series=groep");
    assert_eq!(ys(&r.data, "A", None), vec![Some(3.0)]);
    assert!(
        r.subtitle
            .contains("opgeteld over sekse: 2 rijen -> 1 punt"),
        "{}",
        r.subtitle
    );
    let e = render_query(&ds, "view=line&x=jaar&y=pct&series=groep").unwrap_err();
    assert!(
        e.message.contains("'pct' is een percentage") && e.message.contains("agg=mean"),
        "{}",
        e.message
    );
}

#[test]
fn roles_can_be_overridden_in_the_description() {
    let ds = sample("register_by_subgroup_2017_2019.csv");
    // With year read as a category there is no time axis: grouped bars per subgroup.
    let r = render(&ds, "roles=year:category");
    assert_eq!(r.view, "bars");
    assert_eq!(
        r.spec,
        "view=bars&x=subgroup&y=persons&series=year&ref=totaal&roles=year%3Acategory"
    );
    assert_eq!(r.data["roles"]["columns"][1]["role"], "category");
    assert_eq!(r.data["roles"]["columns"][1]["overridden"], true);
    let e = render_query(&ds, "roles=jaar:time").unwrap_err();
    assert!(
        e.message.contains("subgroup, year, persons"),
        "{}",
        e.message
    );
}

#[test]
fn dataset_info_shows_the_roles() {
    let ds = sample("jobcoach_states_by_month.csv");
    let info = serde_json::to_value(ds.info()).unwrap();
    let roles = info["roles"]["columns"].as_array().unwrap();
    let role = |c: &str| {
        roles
            .iter()
            .find(|r| r["column"] == c)
            .map(|r| r["role"].as_str().unwrap().to_string())
    };
    assert_eq!(role("group").as_deref(), Some("category"));
    assert_eq!(role("months_since_start").as_deref(), Some("time"));
    assert_eq!(role("state").as_deref(), Some("category"));
    assert_eq!(role("share_pct").as_deref(), Some("percent"));
    assert_eq!(role("persons").as_deref(), Some("n"));
    let share = roles.iter().find(|r| r["column"] == "share_pct").unwrap();
    assert_eq!(share["distribution_over"], "state");
}

#[test]
fn odd_tables_give_errors_or_charts_never_panics() {
    let tables = [
        "a,b\nx1,1\n",
        "jaar,waarde\n2019,.\n2020,.\n",
        "groep,aandeel\nA,.\n",
        "maand,status,aandeel\n0,a,.\n6,a,.\n",
        "term,odds_ratio\na,.\nb,2\n",
        "jaar,groep,aantal\n2017,A,-5\n2018,A,0\n",
        "t,odds\nx1,0\nx2,1.5\n",
    ];
    let views = [
        "",
        "view=line",
        "view=bars",
        "view=stacked",
        "view=area",
        "view=forest",
        "view=line&index=1",
        "view=bars&sort=asc",
    ];
    let mut charts = 0;
    for t in tables {
        let ds = own(t);
        for v in views {
            match render_query(&ds, v) {
                Ok(r) => {
                    assert!(r.svg.starts_with("<svg"), "{t} {v}");
                    charts += 1;
                }
                Err(e) => assert!(e.message.len() > 20, "{t} {v}: {}", e.message),
            }
        }
    }
    // Most combinations still chart something; the rest are errors with a message.
    assert!(charts >= 12, "{charts}");
    let e = render_query(&own("jaar,waarde\n2019,.\n2020,.\n"), "").unwrap_err();
    assert!(e.message.contains("Zonder waarden"), "{}", e.message);
}

#[test]
fn every_example_offers_its_natural_view_in_the_catalogue() {
    for ex in banenverkenner::EXAMPLES {
        let ds = banenverkenner::render::Dataset::load(ex.file, ex.bytes).unwrap();
        let natural = ds.natural_view().unwrap();
        let names: Vec<&str> = banenverkenner::render::catalog::catalog(&ds)
            .iter()
            .map(|v| v.view)
            .collect();
        assert!(
            names.contains(&natural.name()),
            "{}: natural view {} not in {:?}",
            ex.file,
            natural.name(),
            names
        );
    }
}

/// Percentages per region and subgroup, bars per subgroup: each bar is the n-weighted mean over
/// the regions, never the value of the last region's row.
#[test]
fn bars_over_several_rows_per_category_combine_them() {
    let csv = "regio,subgroep,aandeel,personen\nNoord,Wajong,40,100\nNoord,Wsw,60,50\nWest,Wajong,30,300\nWest,Wsw,20,10\n";
    let ds = own(csv);
    let r = render(&ds, "view=bars&x=subgroep&y=aandeel&sort=none");
    assert_eq!(r.data["series_column"], Value::Null);
    assert_eq!(
        ys(&r.data, "aandeel", None),
        vec![
            Some((40.0 * 100.0 + 30.0 * 300.0) / 400.0),
            Some((60.0 * 50.0 + 20.0 * 10.0) / 60.0)
        ]
    );
    let a = &r.data["aggregated"];
    assert_eq!(a["method"], "weighted_mean");
    assert_eq!(a["weight"], "personen");
    assert_eq!(a["over"], serde_json::json!(["regio"]));
    assert_eq!(
        (a["rows"].as_u64(), a["points"].as_u64()),
        (Some(4), Some(2))
    );
    // The persons beside the bars are summed too.
    let n: Vec<f64> = r.data["n"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["n"].as_f64().unwrap())
        .collect();
    assert_eq!(n, vec![400.0, 60.0]);
    // The plain mean on request, said to be unweighted.
    let r = render(&ds, "view=bars&x=subgroep&y=aandeel&agg=mean&sort=none");
    assert_eq!(ys(&r.data, "aandeel", None), vec![Some(35.0), Some(40.0)]);
    assert!(
        r.subtitle.contains("ongewogen gemiddelde"),
        "{}",
        r.subtitle
    );
    assert!(r.spec.contains("agg=mean"), "{}", r.spec);
    // Without n and without agg=, the regions become the series: every bar is one row's value.
    let ds =
        own("regio,subgroep,aandeel\nNoord,Wajong,40\nNoord,Wsw,60\nWest,Wajong,30\nWest,Wsw,20\n");
    let r = render(&ds, "view=bars&x=subgroep&y=aandeel");
    assert_eq!(r.data["series_column"], "regio");
    assert_eq!(ys(&r.data, "West", None), vec![Some(30.0), Some(20.0)]);
    assert_eq!(ys(&r.data, "Noord", None), vec![Some(40.0), Some(60.0)]);
}

#[test]
fn counts_sum_ratios_of_sums_and_totals_are_not_counted_twice() {
    let csv = "kwartaal,regio,gemeente,personen,werkzaam\n\
        2019K1,A,a1,100,40\n2019K1,A,a2,300,60\n2019K1,A,Totaal,400,100\n\
        2019K2,A,a1,110,50\n2019K2,A,a2,290,70\n2019K2,A,Totaal,400,120\n\
        2019K1,B,b1,50,10\n2019K1,B,b2,50,30\n2019K2,B,b1,60,.\n2019K2,B,b2,40,30\n";
    let ds = own(csv);
    let r = render(&ds, "view=line&x=kwartaal&y=werkzaam&series=regio");
    assert_eq!(ys(&r.data, "A", None), vec![Some(100.0), Some(120.0)]);
    assert_eq!(
        ys(&r.data, "B", None),
        vec![Some(40.0), None],
        "a suppressed part: unknown"
    );
    let a = &r.data["aggregated"];
    assert_eq!(a["totals"], serde_json::json!(["gemeente = Totaal"]));
    // Time axes read as periods: 2019 K1, never the code.
    let labels: Vec<&str> = r.data["x_values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2019 K1", "2019 K2"]);
    // The ratio of sums, in % per point.
    let r = render(
        &ds,
        "view=line&x=kwartaal&y=werkzaam&per=personen&series=regio",
    );
    assert_eq!(ys(&r.data, "A", None), vec![Some(25.0), Some(30.0)]);
    assert_eq!(ys(&r.data, "B", None), vec![Some(40.0), None]);
    assert!(r.spec.contains("per=personen"), "{}", r.spec);
    // Bars per region: grouped per quarter (stocks are not summed over time), municipalities
    // summed, the total row used.
    let r = render(&ds, "view=bars&x=regio&y=personen&sort=none");
    assert_eq!(r.data["series_column"], "kwartaal");
    assert_eq!(ys(&r.data, "2019K1", None), vec![Some(400.0), Some(100.0)]);
    assert_eq!(ys(&r.data, "2019K2", None), vec![Some(400.0), Some(100.0)]);
    // With a series that leaves the quarter off the chart: the latest quarter, said so.
    let r = render(
        &ds,
        "view=bars&x=regio&y=werkzaam&series=gemeente&sort=none",
    );
    assert_eq!(r.data["aggregated"]["latest"], "kwartaal = 2019K2");
    assert_eq!(ys(&r.data, "a1", None), vec![Some(50.0), None]);
    // Several values of one column in a filter.
    let r = render(
        &ds,
        "view=bars&x=gemeente&y=personen&filter=gemeente:a1|b1,kwartaal:2019K1&sort=none",
    );
    assert_eq!(ys(&r.data, "personen", None), vec![Some(100.0), Some(50.0)]);
}

#[test]
fn roles_detected_beside_the_regional_reading_equal_roles_detected_when_asked() {
    // Long enough (100,000 rows) for the CLI's second thread; shares over `leeftijd` in
    // `aandeel`, the number of persons in `personen`.
    let mut csv = String::from("gemeente,regio,leeftijd,aandeel,personen\n");
    for g in 0..25_000 {
        let (a, b) = (g % 50, 100 - g % 50);
        csv.push_str(&format!("G{g},R{},jong,{a},{g}\n", g % 35));
        csv.push_str(&format!("G{g},R{},oud,{b},{}\n", g % 35, g + 1));
        csv.push_str(&format!("G{g},R{},jong,{a},{g}\n", g % 35 + 100).replace("jong", "x"));
        csv.push_str(&format!("G{g},R{},oud,{b},{}\n", g % 35 + 100, g + 2).replace("oud", "y"));
    }
    let ds = own(&csv);
    assert_eq!(ds.table.len(), 100_000);
    // Detected while the file was opened (natively, with two cores), before being asked for.
    if std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2) {
        assert_eq!(ds.roles_at_hand(), [Lang::Nl]);
    }
    let fresh = banenverkenner::data::Roles::detect_in(&ds.table, Lang::Nl);
    assert_eq!(ds.roles_in(Lang::Nl), fresh);
    assert_eq!(fresh.role("personen"), Some(banenverkenner::spec::Role::N));
    assert_eq!(
        fresh
            .get("aandeel")
            .and_then(|c| c.distribution_over.clone())
            .as_deref(),
        Some("leeftijd")
    );
    // The other language as if detected afresh.
    assert_eq!(
        ds.roles_in(Lang::En),
        banenverkenner::data::Roles::detect_in(&ds.table, Lang::En)
    );
}

#[test]
fn a_table_with_one_column_per_year_opens_as_lines_over_the_years() {
    // As published tables are laid out: regions down, years across.
    let ds = own(
        "Arbeidsmarktregio;2015;2016;2017\nAchterhoek;2.332;2.437;2.600\nTwente;4.000;x;4.500\n",
    );
    let r = render(&ds, "");
    assert!(
        r.spec
            .starts_with("view=line&x=periode&y=waarde&series=Arbeidsmarktregio"),
        "{}",
        r.spec
    );
    assert_eq!(
        ys(&r.data, "Achterhoek", None),
        [Some(2332.0), Some(2437.0), Some(2600.0)]
    );
    assert_eq!(
        ys(&r.data, "Twente", None),
        [Some(4000.0), None, Some(4500.0)]
    );
    let info = serde_json::to_value(ds.info()).unwrap();
    assert!(
        info.to_string()
            .contains("Eén kolom per periode (2015, 2016, 2017): gelezen als de kolom 'periode'"),
        "{info}"
    );
}

/// A percentage column whose name already says so (`Aandeel (%)`, `Percentage werkzaam`) is
/// labelled as it is; another gets the unit after it (before: `Aandeel (%) (%)` on the axis).
#[test]
fn a_percentage_axis_says_its_unit_once() {
    let csv = "Doelgroep;Jaar;Aandeel (%);Percentage werkzaam;Aandeel;Werkzaam pct\n\
               Wajong;2018;10,5;11,5;12,5;13,5\nWajong;2019;20,5;21,5;22,5;23,5\n\
               Wsw;2018;30,5;31,5;32,5;33,5\nWsw;2019;40,5;41,5;42,5;43,5\n";
    let ds = own(csv);
    for (y, label) in [
        ("Aandeel%20%28%25%29", "Aandeel (%)"),
        ("Percentage%20werkzaam", "Percentage werkzaam"),
        ("Aandeel", "Aandeel (%)"),
        ("Werkzaam%20pct", "Werkzaam pct"),
    ] {
        let bars = render(&ds, &format!("view=bars&x=Doelgroep&y={y}&series=Jaar"));
        assert_eq!(bars.data["y_label"], label, "bars, y={y}");
        let line = render(&ds, &format!("view=line&x=Jaar&y={y}&series=Doelgroep"));
        assert_eq!(line.data["y_label"], label, "line, y={y}");
    }
}

/// The 100% stacked view's subtitle says "in %" once as well.
#[test]
fn a_stacked_subtitle_says_percent_once() {
    let csv = "Doelgroep;Uren;Aandeel (%)\nWajong;<12;40\nWajong;12+;60\nWsw;<12;30\nWsw;12+;70\n";
    let ds = own(csv);
    let r = render(
        &ds,
        "view=stacked&x=Doelgroep&y=Aandeel%20%28%25%29&series=Uren",
    );
    assert!(
        r.svg.contains("Aandeel (%), per Doelgroep samen 100 %"),
        "{}",
        r.svg
    );
    assert!(!r.svg.contains("(%) in %"), "{}", r.svg);
    let plain = render(
        &sample("hours_per_week_by_subgroup_2019.csv"),
        "view=stacked&x=subgroup&y=share_pct&series=hours_per_week",
    );
    assert!(plain
        .svg
        .contains("Aandeel in %, per subdoelgroep samen 100 %"));
}

/// Periods a file marks as provisional (`2019K2*`, `2020 (voorlopig)`) keep their mark on the time
/// axis, and a note says what it means, in both languages; a file without marks gets no such note.
#[test]
fn provisional_periods_are_said_on_a_time_axis() {
    let csv = "Periode;Doelgroep;Werkzaam\n2019K1;Wajong;10\n2019K2*;Wajong;12\n\
               2019K1;Wsw;20\n2019K2*;Wsw;22\n";
    let ds = own(csv);
    let r = render(&ds, "view=line&x=Periode&y=Werkzaam&series=Doelgroep");
    assert!(
        r.notes
            .iter()
            .any(|n| n == "Voorlopige cijfers, zoals het bestand ze aangeeft: 2019 K2*."),
        "{:?}",
        r.notes
    );
    assert!(r.svg.contains("2019 K2*"), "the axis keeps the mark");
    let en = render(
        &ds,
        "view=line&x=Periode&y=Werkzaam&series=Doelgroep&lang=en",
    );
    assert!(
        en.notes
            .iter()
            .any(|n| n == "Provisional figures, as the file marks them: 2019 Q2*."),
        "{:?}",
        en.notes
    );
    let worded = own("Jaar;Werkzaam\n2019;10\n2020 (voorlopig);12\n");
    let r = render(&worded, "view=line&x=Jaar&y=Werkzaam");
    assert!(
        r.notes
            .iter()
            .any(|n| n.ends_with("aangeeft: 2020 (voorlopig).")),
        "{:?}",
        r.notes
    );
    let plain = own("Jaar;Werkzaam\n2019;10\n2020;12\n");
    let r = render(&plain, "view=line&x=Jaar&y=Werkzaam");
    assert!(
        !r.notes.iter().any(|n| n.contains("Voorlopig")),
        "{:?}",
        r.notes
    );
}

/// A view description may name a column in another case (`x=jaar` for `Jaar`) or by its header in
/// the file before reading renamed it (`Werkzame personen (x 1 000)`, now `Werkzame personen`):
/// the same chart, and the completed description names the column as the table does. Two
/// columns differing only in case leave such a name unknown.
#[test]
fn a_column_is_found_in_any_case_and_by_its_header_before_a_rename() {
    let csv = "Jaar;Doelgroep;Werkzame personen (x 1 000)\n2019;Wajong;80,105\n2020;Wajong;81,2\n\
               2019;Wsw;70\n2020;Wsw;71\n";
    let ds = own(csv);
    let exact = render(
        &ds,
        "view=line&x=Jaar&y=Werkzame%20personen&series=Doelgroep&filter=Doelgroep:Wajong",
    );
    assert_eq!(
        ys(&exact.data, "Wajong", None),
        [Some(80105.0), Some(81200.0)]
    );
    for q in [
        "view=line&x=jaar&y=werkzame%20personen&series=DOELGROEP&filter=doelgroep:Wajong",
        "view=line&x=Jaar&y=Werkzame%20personen%20(x%201%20000)&series=Doelgroep&filter=Doelgroep:Wajong",
    ] {
        let r = render(&ds, q);
        assert_eq!(r.data, exact.data, "{q}");
        assert_eq!(r.spec, exact.spec, "{q}");
    }
    assert!(exact.spec.contains("x=Jaar"), "{}", exact.spec);
    let twice = own("Jaar;jaar;Werkzaam\n2019;2019;1\n2020;2020;2\n");
    let e = render_query(&twice, "view=line&x=JAAR&y=Werkzaam").unwrap_err();
    assert!(e.to_string().contains("Onbekende kolom 'x=JAAR'"), "{e}");
}

/// The texts of an SVG with their `x` and `y` attributes, in document order.
fn svg_texts(svg: &str) -> Vec<(f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> f64 {
        tag.split(&format!(" {name}=\"")[..])
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find("<text") {
        rest = &rest[at..];
        let end = rest.find("</text>").unwrap();
        let (tag, body) = rest[..end].split_once('>').unwrap();
        out.push((attr(tag, "x"), attr(tag, "y"), body.trim().to_string()));
        rest = &rest[end..];
    }
    out
}

/// A line chart labels every line at its end without labels on top of each other, however many
/// lines there are (the panel grows): 40 groups, 40 labels at least 12 px apart.
#[test]
fn many_lines_keep_their_end_labels_apart() {
    let mut csv = String::from("Groep;Jaar;Aantal\n");
    for g in 1..=40 {
        for (y, v) in [(2015, 100 + g), (2016, 110 + g)] {
            csv.push_str(&format!("Groep {g:02};{y};{v}\n"));
        }
    }
    let r = render(&own(&csv), "view=line&x=Jaar&y=Aantal&series=Groep");
    let mut ys: Vec<f64> = svg_texts(&r.svg)
        .into_iter()
        .filter(|(_, _, t)| t.starts_with("Groep "))
        .map(|(_, y, _)| y)
        .collect();
    assert_eq!(ys.len(), 40, "every line labelled");
    ys.sort_by(f64::total_cmp);
    for w in ys.windows(2) {
        assert!(
            w[1] - w[0] >= 12.0,
            "labels at {} and {} overlap",
            w[0],
            w[1]
        );
    }
}

/// Values of a column that differ only in case (`Wajong` in 2019, `wajong` in 2020, as files that
/// several people filled in write them) are one value, written as it first appears: one line
/// without a gap, said in the file's notes in both languages.
#[test]
fn values_differing_only_in_case_are_one_value() {
    let ds = own("Doelgroep;Jaar;Aantal\nWajong;2019;10\nwajong;2020;12\nWsw;2019;5\nWSW;2020;6\n");
    let r = render(&ds, "view=line&x=Jaar&y=Aantal&series=Doelgroep");
    assert_eq!(ys(&r.data, "Wajong", None), [Some(10.0), Some(12.0)]);
    assert_eq!(ys(&r.data, "Wsw", None), [Some(5.0), Some(6.0)]);
    assert_eq!(r.data["series"].as_array().unwrap().len(), 2);
    let d = &ds.table.detected;
    assert!(
        d.notes.iter().any(|n| n.ends_with(
            "geschreven zoals ze het eerst voorkomen, in 'Doelgroep': 'wajong' = 'Wajong', 'WSW' = 'Wsw'"
        )),
        "{:?}",
        d.notes
    );
    assert!(
        d.notes_en
            .iter()
            .any(|n| n.starts_with("Values that differ only in case read as one value")),
        "{:?}",
        d.notes_en
    );
    // A file that writes each value one way gets no such note.
    let plain = own("Doelgroep;Jaar;Aantal\nWajong;2019;10\nWajong;2020;12\n");
    assert!(!plain
        .table
        .detected
        .notes
        .iter()
        .any(|n| n.contains("hoofdletters")));
}

/// Jobs per labour-market region and year, with the national row as the file has it
/// (`Landelijk`, 15 times the largest region): the lines and bars of the 35 regions are drawn
/// without it, and it is said how to see it; asked for by name, or as an index, it is drawn.
#[test]
fn a_national_total_that_would_flatten_the_regions_is_left_out_and_said() {
    let published = std::str::from_utf8(banenverkenner::DEFAULT_DATA).unwrap();
    let mut csv = String::from("regio;jaar;banen\n");
    for line in published.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        // region, region_id, row_type, ..., year (6th), ..., workers_total (14th)
        let region = match f[2] {
            "region" => f[0],
            "national" => "Landelijk",
            _ => continue,
        };
        csv += &format!("{region};{};{}\n", f[5], f[13]);
    }
    let ds = own(&csv);
    let r = render(&ds, "view=line&x=jaar&y=banen&series=regio");
    let names: Vec<&str> = r.data["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 35, "{names:?}");
    assert!(!names.contains(&"Landelijk"));
    assert!(
        r.notes.iter().any(|n| n
            .starts_with("Landelijk (het totaal) niet getekend: ruim 15 keer zo groot")
            && n.contains("filter=regio:Landelijk")),
        "{:?}",
        r.notes
    );
    assert_eq!(
        ys(&r.data, "Achterhoek", None),
        vec![Some(2332.0), Some(2437.0), Some(2607.0)]
    );
    // Asked for: drawn.
    for q in ["filter=regio:Landelijk", "highlight=Landelijk", "index=1"] {
        let r = render(&ds, &format!("view=line&x=jaar&y=banen&series=regio&{q}"));
        let names: Vec<&str> = r.data["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"Landelijk"), "{q}: {names:?}");
        assert!(
            !r.notes.iter().any(|n| n.contains("niet getekend")),
            "{q}: {:?}",
            r.notes
        );
    }
    // Bars per region in 2017: the highest bar is a region's, not the country's.
    let r = render(&ds, "view=bars&x=regio&y=banen&filter=jaar:2017");
    let cats = r.data["categories"].as_array().unwrap();
    assert_eq!(cats.len(), 35);
    assert_eq!(cats[0], "Rijnmond");
    assert!(r.summary.contains("Rijnmond (6.487)"), "{}", r.summary);
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("Landelijk (het totaal) niet getekend") && n.contains("balk")),
        "{:?}",
        r.notes
    );
    let r = render(
        &ds,
        "view=bars&x=regio&y=banen&filter=jaar:2017,regio:Landelijk|Twente",
    );
    assert_eq!(r.data["categories"].as_array().unwrap().len(), 2);
}

/// Counts with no row for a part (exports leave out the rows of nobody) make that part count as
/// nothing, said; a row whose count is suppressed still leaves its whole unknown.
#[test]
fn a_part_without_a_row_counts_as_nothing_and_a_suppressed_count_leaves_the_whole_unknown() {
    let ds = own("gemeente,leeftijd,aantal\nA,jong,4\nA,oud,6\nB,jong,7\nC,jong,.\nC,oud,3\n");
    let r = render(&ds, "view=stacked&x=gemeente&y=aantal&series=leeftijd");
    assert_eq!(
        ys(&r.data, "jong", None),
        vec![Some(40.0), Some(100.0), None]
    );
    assert_eq!(ys(&r.data, "oud", None), vec![Some(60.0), None, None]);
    assert!(
        r.notes
            .iter()
            .any(|n| n
                == "Geen rij in het bestand voor oud bij B; die delen tellen niet mee (als 0)."),
        "{:?}",
        r.notes
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("C: jong onbekend of geheim")),
        "{:?}",
        r.notes
    );

    let ds = own("maand,status,aantal\n0,a,5\n0,b,5\n6,a,6\n12,a,3\n12,b,.\n");
    let r = render(&ds, "view=area&x=maand&y=aantal&series=status");
    assert_eq!(ys(&r.data, "a", None), vec![Some(50.0), Some(100.0), None]);
    assert_eq!(ys(&r.data, "b", None), vec![Some(50.0), Some(0.0), None]);
    assert!(
        r.notes.iter().any(
            |n| n == "Geen rij in het bestand voor b bij 6; die delen tellen niet mee (als 0)."
        ),
        "{:?}",
        r.notes
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("Waar een aantal onbekend of geheim is")),
        "{:?}",
        r.notes
    );
}

/// Stacked bars per municipality: the default parts are not the municipality's region (one
/// part per bar, the others absent), and a chart with many incomplete bars says the first ten
/// and how many more.
#[test]
fn stacked_bars_do_not_split_a_group_by_what_it_determines_and_keep_their_notes_short() {
    let mut csv = String::from("gemeente,regio,groep,aantal\n");
    for g in 0..30 {
        for grp in ["Wajong", "Wsw"] {
            let n = if g % 2 == 0 && grp == "Wsw" {
                ".".to_string()
            } else {
                (g + 3).to_string()
            };
            csv += &format!("G{g},R{},{grp},{n}\n", g % 3);
        }
    }
    let ds = own(&csv);
    let r = render(&ds, "view=stacked&x=gemeente&y=aantal");
    assert!(r.spec.contains("series=groep"), "{}", r.spec);
    let per_group = r
        .notes
        .iter()
        .filter(|n| n.contains(": Wsw onbekend of geheim"))
        .count();
    assert_eq!(per_group, 10, "{:?}", r.notes);
    assert!(
        r.notes
            .iter()
            .any(|n| n == "En nog 5 groepen met onbekende of geheime delen."),
        "{:?}",
        r.notes
    );
}

/// A file per municipality over the years opens on lines per region (summed over the
/// municipalities) once there are more municipalities than lines can be labelled (40); with
/// fewer, on a line per municipality. Never a panel per municipality.
#[test]
fn the_natural_line_chart_of_many_municipalities_draws_their_regions() {
    let file = |municipalities: usize| {
        let mut csv = String::from("gemeente;arbeidsmarktregio;jaar;subgroep;banen\n");
        for m in 0..municipalities {
            for y in 2015..2018 {
                for s in ["Wajong", "Wsw"] {
                    csv += &format!("Gemeente {m};Regio {};{y};{s};{}\n", m % 5, 10 + m + y % 7);
                }
            }
        }
        own(&csv)
    };
    let r = render(&file(60), "");
    assert_eq!(
        r.spec,
        "view=line&x=jaar&y=banen&series=arbeidsmarktregio&facet=subgroep"
    );
    assert_eq!(r.data["series"].as_array().unwrap().len(), 10); // 5 regions x 2 panels
    let r = render(&file(30), "");
    assert_eq!(
        r.spec,
        "view=line&x=jaar&y=banen&series=gemeente&facet=subgroep"
    );
}

/// The time axis labels every k-th period and the last; the one before the last is left out
/// when the two would overlap (40 quarters in a panel of a faceted chart wrote `2024 K1` into
/// `2024 K4`).
#[test]
fn the_last_period_label_never_overlaps_the_one_before() {
    let mut csv = String::from("Groep;Kwartaal;Aantal\n");
    for g in ["A", "B"] {
        for y in 2015..2025 {
            for q in 1..=4 {
                csv.push_str(&format!("{g};{y}K{q};{}\n", y + q));
            }
        }
    }
    let r = render(&own(&csv), "view=line&x=Kwartaal&y=Aantal&facet=Groep");
    // The x labels of the first row of panels (side by side): texts such as "2019 K3", with
    // their x.
    let mut xs: Vec<f64> = Vec::new();
    let mut last_seen = false;
    for (x, _, body) in svg_texts(&r.svg) {
        if body.len() == 7 && body.starts_with("20") && body.contains(" K") {
            if xs.last().is_some_and(|&p| x < p) {
                break; // the next row of panels
            }
            last_seen |= body == "2024 K4";
            xs.push(x);
        }
    }
    assert!(last_seen, "the last period is labelled");
    assert!(xs.len() >= 3, "{xs:?}");
    for w in xs.windows(2) {
        // "2024 K4" is about 40 px wide at 11 px.
        assert!(
            w[1] - w[0] >= 40.0,
            "x labels at {} and {} overlap: {xs:?}",
            w[0],
            w[1]
        );
    }
}

/// Bars per region with the national row: a share opens with the national value as the
/// reference line; a count, whose national row is the sum of the regions, opens without it (the
/// line at 15 times the largest bar flattened them and "0 of the 35 above Landelijk" was said).
#[test]
fn the_national_row_is_the_reference_line_of_shares_but_not_of_counts() {
    let counts = own("regio;banen\nAchterhoek;2607\nTwente;5145\nZeeland;2000\nLandelijk;98481\n");
    let r = render(&counts, "");
    assert_eq!(r.spec, "view=bars&x=regio&y=banen");
    assert!(!r.summary.contains("boven Landelijk"), "{}", r.summary);
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("Landelijk (het totaal) niet getekend")),
        "{:?}",
        r.notes
    );
    let shares = own(
        "regio;aandeel werkenden\nAchterhoek;56,9\nTwente;51,2\nZeeland;47,0\nLandelijk;49,3\n",
    );
    let r = render(&shares, "");
    assert_eq!(
        r.spec,
        "view=bars&x=regio&y=aandeel%20werkenden&ref=Landelijk"
    );
}

/// Panels share their axis: a panel of the national total (`Landelijk`, many times each region)
/// flattened the regions' panels; it is left out and said, as a total among the lines is.
#[test]
fn a_panel_of_the_total_that_would_flatten_the_others_is_left_out() {
    let mut csv = String::from("regio;jaar;doelgroep;banen\n");
    for (r, k) in [
        ("Achterhoek", 1.0),
        ("Twente", 1.5),
        ("Zeeland", 0.5),
        ("Landelijk", 35.0),
    ] {
        for (y, base) in [(2015, 700.0), (2016, 760.0)] {
            for (g, f) in [("Wajong", 1.0), ("WSW", 2.0)] {
                csv += &format!("{r};{y};{g};{}\n", base * f * k);
            }
        }
    }
    let ds = own(&csv);
    let r = render(&ds, "view=line&x=jaar&y=banen&series=doelgroep&facet=regio");
    assert_eq!(
        r.data["facets"],
        serde_json::json!(["Achterhoek", "Twente", "Zeeland"])
    );
    assert_eq!(r.data["series"].as_array().unwrap().len(), 6);
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("Landelijk (het totaal) niet getekend")),
        "{:?}",
        r.notes
    );
    let r = render(
        &ds,
        "view=line&x=jaar&y=banen&series=doelgroep&facet=regio&filter=regio:Landelijk|Twente",
    );
    assert_eq!(r.data["facets"], serde_json::json!(["Twente", "Landelijk"]));
}

/// The reading of a line chart: with every line falling, the top one fell least (it said "daalde
/// A het sterkst" of the line that fell least); one line, how much it changed.
#[test]
fn the_line_reading_says_least_when_every_line_fell_and_no_most_of_one_line() {
    let ds = own("jaar;groep;n\n2015;A;10\n2016;A;9\n2015;B;10\n2016;B;5\n");
    let r = render(&ds, "view=line");
    assert_eq!(
        r.summary,
        "Van 2015 tot 2016 daalde A het minst (-10,0 %); B daalde het meest (-50,0 %)."
    );
    let r = render(&ds, "view=line&lang=en");
    assert_eq!(
        r.summary,
        "From 2015 to 2016 A fell least (-10.0 %); B fell most (-50.0 %)."
    );
    let r = render(&ds, "view=line&filter=groep:B");
    assert_eq!(r.summary, "Van 2015 tot 2016 daalde B (-50,0 %).");
}

/// `filter=column:!a|b` keeps every row but those of `a` and `b` (all regions but the national
/// one without listing 35 names): sums without them, said in the notes, written back as given;
/// leaving every value out is refused with the values there are.
#[test]
fn a_filter_with_an_exclamation_mark_keeps_all_values_but_those_named() {
    let ds = own(
        "regio,doelgroep,jaar,werkzaam\nA,Wajong,2019,10\nA,Wsw,2019,20\nB,Wajong,2019,1\nB,Wsw,2019,2\nLandelijk,Wajong,2019,12\nLandelijk,Wsw,2019,25\n",
    );
    let bars = |r: &Rendered| -> Vec<f64> {
        r.data["series"][0]["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["y"].as_f64().unwrap())
            .collect()
    };
    // Without it the national rows are the total (they hold an unknown region's persons too).
    assert_eq!(
        bars(&render(&ds, "view=bars&x=doelgroep&y=werkzaam")),
        [25.0, 12.0]
    );
    let r = render(
        &ds,
        "view=bars&x=doelgroep&y=werkzaam&filter=regio:!Landelijk",
    );
    assert_eq!(r.data["categories"], serde_json::json!(["Wsw", "Wajong"]));
    assert_eq!(bars(&r), [22.0, 11.0]);
    assert!(
        r.notes
            .iter()
            .any(|n| n == "Alleen rijen met regio anders dan Landelijk."),
        "{:?}",
        r.notes
    );
    assert!(r.spec.contains("filter=regio%3A%21Landelijk"), "{}", r.spec);
    // With the values asked for: the two filters together.
    let r = render(
        &ds,
        "view=bars&x=doelgroep&y=werkzaam&filter=regio:!Landelijk|B,doelgroep:Wajong",
    );
    assert_eq!(r.data["categories"], serde_json::json!(["Wajong"]));
    assert_eq!(bars(&r), [10.0]);
    let e = render_query(
        &ds,
        "view=bars&x=doelgroep&y=werkzaam&filter=regio:!A|B|Landelijk",
    )
    .unwrap_err();
    assert!(
        e.message
            .starts_with("Geen rijen met regio anders dan 'A' en 'B' en 'Landelijk'. Waarden in 'regio': A, B, Landelijk."),
        "{}",
        e.message
    );
}

/// Leaving a part out (`doelgroep:!Wajong`, or `Totaal|Wsw`) while the file has total rows: the
/// totals still count that part, so the view sums the parts kept instead (was: the total,
/// Wajong included, shown as the sum without Wajong), and says so; leaving the total out sums
/// the parts as before; the column on the chart keeps its total bar.
#[test]
fn leaving_a_part_out_does_not_show_a_total_that_counts_it() {
    let ds = own(
        "regio,doelgroep,jaar,werkzaam\nA,Totaal,2019,30\nA,Wajong,2019,10\nA,Wsw,2019,20\nA,Totaal,2020,33\nA,Wajong,2020,11\nA,Wsw,2020,22\n",
    );
    let line = |q: &str| {
        let r = render(
            &ds,
            &format!("view=line&x=jaar&y=werkzaam&series=regio&{q}"),
        );
        (ys(&r.data, "A", None), r.notes)
    };
    let (all, _) = line("");
    assert_eq!(all, [Some(30.0), Some(33.0)]);
    let (without, notes) = line("filter=doelgroep:!Wajong");
    assert_eq!(without, [Some(20.0), Some(22.0)]);
    assert!(
        notes.iter().any(|n| n
            == "Totaalrijen niet gebruikt, want ze tellen ook wat het filter weglaat; de overige delen opgeteld: doelgroep = Totaal."),
        "{notes:?}"
    );
    // The same set written with the values kept, as the page's list writes it when most are
    // left out: the same sum.
    let (kept, _) = line("filter=doelgroep:Totaal|Wsw");
    assert_eq!(kept, [Some(20.0), Some(22.0)]);
    let (parts, _) = line("filter=doelgroep:!Totaal");
    assert_eq!(parts, [Some(30.0), Some(33.0)]);
    // Only the total kept: the total.
    let (total, _) = line("filter=doelgroep:!Wajong|Wsw");
    assert_eq!(total, [Some(30.0), Some(33.0)]);
    // On the chart the total is a bar of its own, kept.
    let r = render(
        &ds,
        "view=bars&x=doelgroep&y=werkzaam&filter=doelgroep:!Wajong,jaar:2020",
    );
    assert_eq!(r.data["categories"], serde_json::json!(["Totaal", "Wsw"]));
}

/// A period in `filter=` written otherwise than the file writes it finds its rows, and the
/// completed description names it as the file does (the page's list offers the file's values).
#[test]
fn a_filtered_period_is_written_back_as_the_file_writes_it() {
    let ds =
        own("kwartaal,regio,werkzaam\n2019KW01,A,1\n2019KW02,A,2\n2019KW01,B,3\n2019KW02,B,4\n");
    let r = render(&ds, "view=bars&x=regio&y=werkzaam&filter=kwartaal:!2019K1");
    assert!(
        r.spec.contains("filter=kwartaal%3A%212019KW01"),
        "{}",
        r.spec
    );
    assert_eq!(ys(&r.data, "werkzaam", None), [Some(4.0), Some(2.0)]);
}
