//! Headers that name a subgroup by its people, as analysts write them (`AantalWSWers`,
//! `WSWersWerkzaam`, `aantal WSW'ers`, `Wajongers`, `WajongersMetWerk`, `PWetters`): the wide
//! file built from the long regional file with such headers gives exactly its numbers.

use banenverkenner::render::{render_query, Dataset};

const LONG: &[u8] = include_bytes!("fixtures/regions_long.csv");

/// The long file as one row per region and year, the columns named by `names` (per subgroup
/// in the file's order: Totaal, Wajong, WSW, Participatiewet, Praktijkroute; persons, workers).
fn wide(names: [&str; 10]) -> Vec<u8> {
    let order = [
        "Totaal",
        "Wajong",
        "WSW",
        "Participatiewet",
        "Praktijkroute",
    ];
    let text = std::str::from_utf8(LONG).unwrap();
    let mut rows: Vec<(String, String, [String; 10])> = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let g = order.iter().position(|g| *g == c[2]).unwrap();
        if !rows.iter().any(|(r, y, _)| r == c[0] && y == c[1]) {
            rows.push((c[0].into(), c[1].into(), Default::default()));
        }
        let row = rows
            .iter_mut()
            .find(|(r, y, _)| r == c[0] && y == c[1])
            .unwrap();
        row.2[2 * g] = c[3].into();
        row.2[2 * g + 1] = c[4].into();
    }
    let mut out = format!("arbeidsmarktregio;jaar;{}\n", names.join(";"));
    for (r, y, cells) in rows {
        out.push_str(&format!("{r};{y};{}\n", cells.join(";")));
    }
    out.into_bytes()
}

fn scatters(ds: &Dataset) -> Vec<serde_json::Value> {
    ["total", "wajong", "wsw", "participatiewet"]
        .iter()
        .map(|g| {
            let r =
                render_query(ds, &format!("view=scatter&subgroup={g}&from=2015&to=2017")).unwrap();
            assert!(r.changes.is_empty(), "{g}: {:?}", r.changes);
            r.data
        })
        .collect()
}

#[test]
fn headers_naming_a_subgroups_people_give_the_numbers_of_the_long_file() {
    let reference = scatters(&Dataset::load("regions_long.csv", LONG).unwrap());
    let plain = [
        "personen_doelgroepregister",
        "werkzame_personen",
        "Wajong personen",
        "Wajong werkzaam",
        "WSW personen",
        "WSW werkzaam",
        "Participatiewet personen",
        "Participatiewet werkzaam",
        "Praktijkroute personen",
        "Praktijkroute werkzaam",
    ];
    let ds = Dataset::load("plain.csv", &wide(plain)).unwrap();
    assert_eq!(scatters(&ds), reference, "plain names");
    for names in [
        [
            "AantalWajongers",
            "WajongersMetWerk",
            "AantalWSWers",
            "WSWersWerkzaam",
            "PWetters",
            "PWettersWerkzaam",
        ],
        [
            "Wajongers",
            "Werkzame Wajongers",
            "aantal WSW'ers",
            "WSW'ers werkzaam",
            "P-wetters",
            "P-wetters met werk",
        ],
        [
            "Aantal Wajongers",
            "WajongersWerkzaam",
            "Wsw-ers",
            "Wsw-ers met werk",
            "Aantal P-wetters",
            "Werkzame PWetters",
        ],
    ] {
        let mut all = plain;
        all[2..8].copy_from_slice(&names);
        let ds = Dataset::load("meervoud.csv", &wide(all)).unwrap();
        // Every column used: none kept aside unread.
        let r = render_query(&ds, "view=scatter").unwrap();
        let notes = r.notes.join(" | ");
        assert!(
            !notes.contains("niet gebruikt") && !notes.contains("not used"),
            "{names:?}: {notes}"
        );
        assert_eq!(scatters(&ds), reference, "{names:?}: {notes}");
    }
}

#[test]
fn subgroups_named_by_their_people_in_a_long_file() {
    let reference = scatters(&Dataset::load("regions_long.csv", LONG).unwrap());
    let text = std::str::from_utf8(LONG)
        .unwrap()
        .replace(",Wajong,", ",Wajongers,")
        .replace(",WSW,", ",WSW'ers,")
        .replace(",Participatiewet,", ",P-wetters,");
    assert!(text.contains(",P-wetters,"));
    let ds = Dataset::load("mensen.csv", text.as_bytes()).unwrap();
    assert_eq!(scatters(&ds), reference);
}
