//! What the notes of earlier sessions left: each file or view with its answer worked out by
//! hand.

use banenverkenner::compute::regional::Count;
use banenverkenner::format::Lang;
use banenverkenner::render::{render_query, Dataset};
use banenverkenner::spec::Period;

fn all_notes(ds: &Dataset, q: &str) -> String {
    let r = render_query(ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
    let mut all = ds.info_in(Lang::Nl).notes;
    all.extend(r.notes);
    all.join(" | ")
}

/// `jaar` and `kwartaal` with a pivot table's `kwartaal = Totaal` row per year (the sum of
/// four stands). Before, the file was refused as "two columns that mean year"; with `--map
/// jaar=year` the quarters were summed into the year (20 for 5 at the year's end).
#[test]
fn a_quarter_column_with_totals_beside_the_year_is_read_as_quarters() {
    let mut csv = String::from("arbeidsmarktregio,jaar,kwartaal,personen,werkzaam\n");
    for (region, base) in [("Achterhoek", 10), ("Twente", 20)] {
        for year in 2015..=2016 {
            let mut sum = (0, 0);
            for q in 1..=4 {
                let n = base + q + (year - 2015) * 4;
                sum = (sum.0 + 2 * n, sum.1 + n);
                csv.push_str(&format!("{region},{year},K{q},{},{n}\n", 2 * n));
            }
            csv.push_str(&format!("{region},{year},Totaal,{},{}\n", sum.0, sum.1));
        }
    }
    for mapping in [&[][..], &[("jaar", "year")][..]] {
        let ds = Dataset::load("q.csv", csv.as_bytes()).unwrap();
        let ds = if mapping.is_empty() {
            ds
        } else {
            Dataset::with_mapping(ds.table, mapping).unwrap_or_else(|e| panic!("{e}"))
        };
        let r = ds.regional.as_ref().expect("read as regional data");
        // Achterhoek at the end of 2016: its fourth quarter, 10 + 4 + 4.
        let q4 = Period::parse("2016K4").unwrap();
        assert_eq!(
            r.get("Achterhoek", q4, Count::WorkersTotal),
            Some(18.0),
            "{mapping:?}"
        );
        let n = all_notes(&ds, "view=trend");
        assert!(
            n.contains("Totaal 2016") && n.contains("niet gebruikt"),
            "{n}"
        );
    }
}
