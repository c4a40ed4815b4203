//! The map's building blocks against the real boundary files: every edition decodes to its
//! regions with the country's area and proportions, the built-in data joins the 2017 edition
//! completely, and the choropleth has one accessible shape per region.

use banenverkenner::chart::map::{self, MapData, MapRegion, Reference, Scale};
use banenverkenner::chart::Texts;
use banenverkenner::data::Outlier;
use banenverkenner::format::Lang;
use banenverkenner::geo::{self, bundled, match_regions, Boundaries, DataRegion, MatchedBy};

/// The region names of the built-in data (rows of type `region`), first appearance order.
fn data_names() -> Vec<String> {
    let mut rd = csv::Reader::from_reader(banenverkenner::DEFAULT_DATA);
    let headers = rd.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (region, kind) = (col("region"), col("row_type"));
    let mut names: Vec<String> = Vec::new();
    for rec in rd.records() {
        let rec = rec.expect("record");
        if &rec[kind] == "region" && !names.iter().any(|n| n == &rec[region]) {
            names.push(rec[region].to_string());
        }
    }
    names
}

#[test]
fn every_edition_decodes_to_35_regions_covering_the_country() {
    for edition in geo::editions() {
        let b = bundled::boundaries(edition).unwrap_or_else(|e| panic!("{edition}: {e}"));
        assert_eq!(b.edition, edition);
        assert_eq!(b.regions.len(), 35, "{edition}");
        // "Niet in te delen" only in 2019 and 2020, kept apart from the regions.
        let unassigned = usize::from(edition == 2019 || edition == 2020);
        assert_eq!(b.unassigned.len(), unassigned, "{edition}");
        let mut codes: Vec<&str> = b.regions.iter().map(|r| r.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 35, "{edition}: codes unique");
        for r in &b.regions {
            assert!(
                r.code.len() == 4 && r.code.starts_with("AM"),
                "{edition}: {}",
                r.code
            );
            assert!(r.area() > 100.0, "{edition} {}: {} km²", r.name, r.area());
            let (p, d) = r.label_point().expect("label point");
            assert!(
                r.polygons
                    .iter()
                    .any(|poly| geo::project::contains(poly, p)),
                "{edition} {}: label point outside",
                r.name
            );
            assert!(d > 0.0);
        }
        // The regions tile the Netherlands (land and inland water, about 37,400 km² of land plus
        // lakes; the generalised outlines are coarse), so wrong decoding shows up here.
        let total: f64 = b.regions.iter().map(|r| r.area()).sum();
        assert!(
            (33_000.0..43_000.0).contains(&total),
            "{edition}: {total} km²"
        );
        // Proportions: about 265 km wide and 310 km high; plain longitude and latitude would
        // make it wider than high.
        let bbox = b.bbox().expect("bbox");
        let ratio = bbox.width() / bbox.height();
        assert!((0.78..0.92).contains(&ratio), "{edition}: {ratio}");
        assert!((250.0..280.0).contains(&bbox.width()), "{}", bbox.width());
    }
}

#[test]
fn well_known_regions_sit_where_they_belong() {
    let b = bundled::boundaries(2017).expect("2017");
    let centre = |code: &str| b.region(code).and_then(|r| r.label_point()).expect(code).0;
    let (groningen, zeeland, zuid_limburg, amsterdam) = (
        centre("AM01"),
        centre("AM24"),
        centre("AM30"),
        centre("AM18"),
    );
    assert!(groningen[1] > amsterdam[1] && groningen[0] > amsterdam[0]);
    assert!(zeeland[0] < amsterdam[0] && zeeland[1] < amsterdam[1]);
    assert!(zuid_limburg[1] < zeeland[1] && zuid_limburg[0] > amsterdam[0]);
    assert_eq!(b.region("AM01").map(|r| r.name.as_str()), Some("Groningen"));
}

#[test]
fn the_built_in_data_maps_all_35_regions_of_2017() {
    let names = data_names();
    assert_eq!(names.len(), 35);
    let b = bundled::boundaries(2017).expect("2017");
    let data: Vec<DataRegion> = names.iter().map(|n| DataRegion::named(n)).collect();
    let m = match_regions(&data, &b);
    assert_eq!(m.unmatched, Vec::<String>::new());
    assert_eq!(m.missing, Vec::<String>::new());
    assert_eq!(m.pairs.len(), 35);
    let code_of = |name: &str| {
        m.pairs
            .iter()
            .find(|p| p.data_name == name)
            .map(|p| p.code.as_str())
    };
    assert_eq!(code_of("IJsselvechtstreek (Regio Zwolle)"), Some("AM36"));
    assert_eq!(code_of("Food Valley"), Some("AM38"));
    assert_eq!(code_of("Stedendriehoek en Noordwest-Veluwe"), Some("AM06"));
    assert_eq!(code_of("Zaanstreek/Waterland"), Some("AM17"));
    // Every map region is taken once.
    let mut regions: Vec<usize> = m.pairs.iter().map(|p| p.region).collect();
    regions.sort();
    regions.dedup();
    assert_eq!(regions.len(), 35);
}

#[test]
fn the_built_in_names_join_every_edition() {
    // Names changed (IJsselvechtstreek, Zuid-Kennemerland, Food Valley, Veluwe Stedendriehoek);
    // the aliases carry the data over to each edition's outline.
    let names = data_names();
    let data: Vec<DataRegion> = names.iter().map(|n| DataRegion::named(n)).collect();
    for edition in geo::editions() {
        let b = bundled::boundaries(edition).expect("edition");
        let m = match_regions(&data, &b);
        assert!(
            m.unmatched.is_empty() && m.missing.is_empty(),
            "{edition}: unmatched {:?}, missing {:?}",
            m.unmatched,
            m.missing
        );
    }
}

#[test]
fn a_file_with_codes_maps_by_code() {
    let b = bundled::boundaries(2022).expect("2022");
    // Names nobody could match, codes in several spellings.
    let codes = ["AM01", "am5", "2022AM36", "22"];
    let names = ["Regio A", "Regio B", "Regio C", "Regio D"];
    let data: Vec<DataRegion> = names
        .iter()
        .zip(codes)
        .map(|(n, c)| DataRegion {
            name: n,
            code: Some(c),
        })
        .collect();
    let m = match_regions(&data, &b);
    let got: Vec<(&str, &str, MatchedBy)> = m
        .pairs
        .iter()
        .map(|p| (p.data_name.as_str(), p.map_name.as_str(), p.by))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Regio A", "Groningen", MatchedBy::Code),
            ("Regio B", "Twente", MatchedBy::Code),
            ("Regio C", "Regio Zwolle", MatchedBy::Code),
            ("Regio D", "Rijnmond", MatchedBy::Code),
        ]
    );
    assert_eq!(m.missing.len(), 31);
    assert!(m.unmatched.is_empty());
}

#[test]
fn data_of_2022_uses_the_2022_edition() {
    let edition = geo::edition_for_year(2022);
    assert_eq!(edition, 2022);
    let b = bundled::boundaries(edition).expect("2022");
    assert_eq!(b.edition, 2022);
    // The 2022 file differs from its neighbours (its outlines were redrawn).
    assert_ne!(bundled::bytes(2022), bundled::bytes(2021));
    assert_eq!(geo::edition_for_year(2016), 2016);
    assert_eq!(geo::edition_for_year(2030), geo::LAST_EDITION);
}

#[test]
fn malformed_topojson_is_an_error_not_a_panic() {
    let good = bundled::bytes(2017).expect("2017");
    assert!(Boundaries::parse(good, 2017).is_ok());
    for cut in [0, 1, 100, good.len() / 2, good.len() - 1] {
        let e = Boundaries::parse(&good[..cut], 2017).expect_err("truncated");
        assert_eq!(e.kind, banenverkenner::error::ErrorKind::Parse);
        assert!(e.message.contains("TopoJSON"), "{}", e.message);
    }
    let text = std::str::from_utf8(good).expect("utf-8");
    let bad_index = text.replacen("\"arcs\":[[", "\"arcs\":[[99999,", 2);
    assert!(Boundaries::parse(bad_index.as_bytes(), 2017).is_err());
    // Mangled bytes anywhere: an answer either way, never a panic.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut bytes = good.to_vec();
        for _ in 0..3 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = (seed >> 33) as usize % bytes.len();
            bytes[at] = b"-~0123456789[]{},\"x"[(seed >> 20) as usize % 19];
        }
        let _ = Boundaries::parse(&bytes, 2017);
    }
}

/// The 2017 map of the share working per region (workers / register), relative to national,
/// outliers beyond one SD: computed here only to have realistic numbers to draw.
fn example_map(highlight: &str) -> (MapData, Boundaries) {
    let b = bundled::boundaries(2017).expect("2017");
    let mut rd = csv::Reader::from_reader(banenverkenner::DEFAULT_DATA);
    let h = rd.headers().expect("header").clone();
    let col = |n: &str| h.iter().position(|x| x == n).expect(n);
    let (reg, kind, year, reg_p, work) = (
        col("region"),
        col("row_type"),
        col("year"),
        col("register_persons_corrected"),
        col("workers_total"),
    );
    let mut rows = Vec::new();
    let mut national = 0.0;
    for rec in rd.records() {
        let rec = rec.expect("record");
        if &rec[year] != "2017" {
            continue;
        }
        let (Ok(p), Ok(w)) = (rec[reg_p].parse::<f64>(), rec[work].parse::<f64>()) else {
            continue;
        };
        match &rec[kind] {
            "region" => rows.push((rec[reg].to_string(), 100.0 * w / p)),
            "national" => national = 100.0 * w / p,
            _ => {}
        }
    }
    let rel: Vec<f64> = rows.iter().map(|(_, v)| v - national).collect();
    let mean = rel.iter().sum::<f64>() / rel.len() as f64;
    let sd = (rel.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / rel.len() as f64).sqrt();
    let data: Vec<DataRegion> = rows.iter().map(|(n, _)| DataRegion::named(n)).collect();
    let m = match_regions(&data, &b);
    let regions = m
        .pairs
        .iter()
        .map(|p| {
            let (name, v) = &rows[p.data];
            let r = v - national;
            let outlier = if r > 2.0 * sd {
                Some(Outlier::UpStrong)
            } else if r > sd {
                Some(Outlier::Up)
            } else if r < -2.0 * sd {
                Some(Outlier::DownStrong)
            } else if r < -sd {
                Some(Outlier::Down)
            } else {
                None
            };
            MapRegion {
                region: name.clone(),
                code: p.code.clone(),
                value: Some(*v),
                relative: Some(r),
                outlier,
                highlighted: name == highlight,
            }
        })
        .collect();
    (
        MapData {
            edition: 2017,
            regions,
            scale: Scale::Diverging { centre: 0.0 },
            breaks: vec![],
            national: Some(national),
            value_unit: "%".into(),
            relative_unit: "%-punt".into(),
            decimals: 1,
            legend_title: "Verschil met landelijk (%-punt)".into(),
            k: Some(1.0),
            reference: Reference::National,
        },
        b,
    )
}

const TEXTS: Texts = Texts {
    title: "Aandeel werkend per arbeidsmarktregio, 2017",
    subtitle: "Verschil met het landelijke aandeel, in procentpunten",
    source: "Bron: gepubliceerde cijfers banenafspraak 2015-2017 (bewerking Banenverkenner)",
    description: "Kaart van de 35 arbeidsmarktregio's.",
    width: 820,
};

/// The `<g class="region" ...>...</g>` elements of an SVG.
fn region_groups(svg: &str) -> Vec<&str> {
    svg.match_indices("<g class=\"region\"")
        .map(|(i, _)| {
            let end = svg[i..].find("</g>").expect("closed") + i;
            &svg[i..end]
        })
        .collect()
}

#[test]
fn the_map_has_one_accessible_shape_per_region() {
    let (data, b) = example_map("Twente");
    let chart = map::draw(&data, &b, &TEXTS, Lang::Nl).expect("drawn");
    let groups = region_groups(&chart.svg);
    assert_eq!(groups.len(), 35);
    for r in &data.regions {
        let g = groups
            .iter()
            .find(|g| g.contains(&format!("data-code=\"{}\"", r.code)))
            .unwrap_or_else(|| panic!("{}", r.region));
        let name = r.region.replace('&', "&amp;");
        assert!(g.contains(&format!("<title>{name}: ")), "{g}");
        assert_eq!(g.matches("<path ").count(), 1);
        assert!(!g.contains("bv-nodata"));
    }
    assert_eq!(chart.hits.len(), 35);
    assert!(chart.hits.iter().any(|h| h.key == "Food Valley"));
    // Hits lie inside the map box and do not overlap.
    for (i, a) in chart.hits.iter().enumerate() {
        assert!(a.x >= 0.0 && a.x + a.w <= map::WIDTH as f64);
        for c in &chart.hits[i + 1..] {
            let apart =
                a.x + a.w <= c.x || c.x + c.w <= a.x || a.y + a.h <= c.y || c.y + c.h <= a.y;
            assert!(apart, "{} and {} overlap", a.key, c.key);
        }
    }
    assert!(chart
        .svg
        .contains("Kaart: CBS/PDOK, gebiedsindelingen (CC BY 4.0)"));
    assert!(chart.svg.contains("role=\"img\""));
    // Outliers outlined and labelled with their name; the chosen region outlined.
    let outliers: Vec<&MapRegion> = data
        .regions
        .iter()
        .filter(|r| r.outlier.is_some())
        .collect();
    assert!(!outliers.is_empty());
    for o in &outliers {
        assert!(
            chart.svg.contains(&format!(" {}</text>", o.region)),
            "{}",
            o.region
        );
    }
    assert!(chart.svg.contains("<g class=\"chosen\"><path"));
    // The outlines for a shape-following hit layer: the same paths and keys as the drawing.
    let outlines = map::outlines(&data, &b).expect("outlines");
    assert_eq!(outlines.len(), 35);
    for o in &outlines {
        let g = groups
            .iter()
            .find(|g| g.contains(&format!("data-code=\"{}\"", o.code)))
            .expect("group");
        assert!(g.contains(&format!("d=\"{}\"", o.d)));
        assert!(chart.hits.iter().any(|h| h.key == o.key));
    }
    // A region serialises as the view's JSON has it.
    let twente = data
        .regions
        .iter()
        .find(|r| r.region == "Twente")
        .expect("Twente");
    let json = serde_json::to_value(twente).expect("json");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, vec!["code", "outlier", "region", "relative", "value"]);
    if std::env::var_os("GEO_SVG_OUT").is_some() {
        std::fs::write("/tmp/geo-map-2017.svg", &chart.svg).expect("write");
    }
}

#[test]
fn a_region_without_a_value_is_hatched_as_no_data_not_zero() {
    let (mut data, b) = example_map("");
    let twente = data
        .regions
        .iter_mut()
        .find(|r| r.region == "Twente")
        .expect("Twente");
    twente.value = None;
    twente.relative = None;
    twente.outlier = None;
    // A region with a difference of exactly zero keeps its colour.
    let zero = data
        .regions
        .iter_mut()
        .find(|r| r.region == "Achterhoek")
        .expect("Achterhoek");
    zero.relative = Some(0.0);
    // And one left out of the data altogether is drawn too, hatched, with the map's name.
    data.regions.retain(|r| r.code != "AM01");
    let chart = map::draw(&data, &b, &TEXTS, Lang::Nl).expect("drawn");
    let groups = region_groups(&chart.svg);
    assert_eq!(groups.len(), 35);
    let group = |code: &str| {
        *groups
            .iter()
            .find(|g| g.contains(&format!("data-code=\"{code}\"")))
            .expect(code)
    };
    let twente = group("AM05");
    assert!(twente.contains("fill=\"url(#bv-nodata)\""), "{twente}");
    assert!(twente.contains("<title>Twente: geen gegevens</title>"));
    let groningen = group("AM01");
    assert!(groningen.contains("fill=\"url(#bv-nodata)\""));
    assert!(groningen.contains("<title>Groningen: geen gegevens</title>"));
    let achterhoek = group("AM09");
    assert!(!achterhoek.contains("bv-nodata"));
    assert!(achterhoek.contains("fill=\"#"));
    assert!(chart.svg.contains("<pattern id=\"bv-nodata\""));
    assert!(chart.svg.contains("geen gegevens  (2)"));
    let hit = chart.hits.iter().find(|h| h.key == "Twente").expect("hit");
    assert_eq!(hit.label, "Twente: geen gegevens");
    if std::env::var_os("GEO_SVG_OUT").is_some() {
        std::fs::write("/tmp/geo-map-nodata.svg", &chart.svg).expect("write");
    }
    // In English too.
    let en = map::draw(&data, &b, &TEXTS, Lang::En).expect("drawn");
    assert!(en.svg.contains("<title>Twente: no data</title>"));
}

#[test]
fn a_sequential_map_colours_levels_and_the_same_svg_comes_twice() {
    let (mut data, b) = example_map("");
    data.scale = Scale::Sequential;
    data.legend_title = "Aandeel werkend (%)".into();
    let a = map::draw(&data, &b, &TEXTS, Lang::Nl).expect("drawn");
    let c = map::draw(&data, &b, &TEXTS, Lang::Nl).expect("drawn");
    assert_eq!(a.svg, c.svg);
    if std::env::var_os("GEO_SVG_OUT").is_some() {
        std::fs::write("/tmp/geo-map-sequential.svg", &a.svg).expect("write");
    }
    // Classes by level: as many legend swatch counts as regions with a value.
    let breaks = map::default_breaks(&data);
    assert!(breaks.len() >= 3, "{breaks:?}");
    let fills: std::collections::BTreeSet<&str> = region_groups(&a.svg)
        .iter()
        .filter_map(|g| g.split("fill=\"").nth(1)?.split('"').next())
        .collect();
    assert!(fills.len() >= 3, "{fills:?}");
    // A mismatched edition is refused.
    data.edition = 2016;
    assert!(map::draw(&data, &b, &TEXTS, Lang::Nl).is_err());
}

#[test]
fn every_edition_draws_all_its_regions_even_without_data() {
    for edition in geo::editions() {
        let b = bundled::boundaries(edition).expect("edition");
        let data = MapData {
            edition,
            regions: vec![],
            scale: Scale::Sequential,
            breaks: vec![],
            national: None,
            value_unit: "%".into(),
            relative_unit: "%-punt".into(),
            decimals: 1,
            legend_title: "Aandeel werkend (%)".into(),
            k: None,
            reference: Reference::National,
        };
        let chart = map::draw(&data, &b, &TEXTS, Lang::Nl).expect("drawn");
        let groups = region_groups(&chart.svg);
        assert_eq!(groups.len(), 35, "{edition}");
        assert!(groups.iter().all(|g| g.contains("url(#bv-nodata)")));
        assert!(chart.svg.contains("geen gegevens  (35)"), "{edition}");
        assert!(!chart.svg.contains("(0)"), "{edition}: no empty classes");
        assert!(chart
            .svg
            .contains(&format!("Indeling arbeidsmarktregio&apos;s {edition}")));
        assert_eq!(chart.hits.len(), 35);
        if std::env::var_os("GEO_SVG_OUT").is_some() {
            std::fs::write(format!("/tmp/geo-map-empty-{edition}.svg"), &chart.svg).expect("write");
        }
    }
}
