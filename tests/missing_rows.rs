//! Rows missing between periods that have them: a municipality left out of one year, a
//! subgroup row left out for one municipality. Without a total row the region is summed
//! without them; that is said, naming the row, the region and the period.

use banenverkenner::render::{render_query, Dataset};

fn notes(ds: &Dataset, q: &str) -> String {
    let r = render_query(ds, q).unwrap_or_else(|e| panic!("{q}: {e}"));
    let mut all = ds.info_in(banenverkenner::format::Lang::Nl).notes;
    all.extend(r.notes);
    all.join(" | ")
}

/// A long municipal file of two regions, 2015-2017, subgroups Totaal and Wajong; `skip` leaves
/// out the rows for which it is true (municipality, year, subgroup).
fn file(skip: impl Fn(&str, u32, &str) -> bool) -> String {
    let mut s = String::from("arbeidsmarktregio;gemeente;jaar;doelgroep;personen;werkzaam\n");
    for (region, towns) in [
        ("Twente", ["Enschede", "Hengelo", "Almelo"]),
        ("Achterhoek", ["Aalten", "Berkelland", "Winterswijk"]),
    ] {
        for (t, town) in towns.iter().enumerate() {
            for year in 2015..=2017u32 {
                for (g, group) in ["Totaal", "Wajong"].iter().enumerate() {
                    if skip(town, year, group) {
                        continue;
                    }
                    let n = 100 + 10 * t as u32 + (year - 2015) * 3 - 40 * g as u32;
                    s.push_str(&format!("{region};{town};{year};{group};{n};{}\n", n / 2));
                }
            }
        }
    }
    s
}

const VIEW: &str = "view=ranking&measure=growth&subgroup=total&from=2015&to=2017";

#[test]
fn a_municipality_missing_in_a_year_between_is_named() {
    let ds = Dataset::load(
        "gem.csv",
        file(|t, y, _| t == "Hengelo" && y == 2016).as_bytes(),
    )
    .unwrap();
    let n = notes(&ds, VIEW);
    assert!(
        n.contains("'Hengelo' (Twente, 2016)") && n.contains("ontbreken"),
        "{n}"
    );
    // Only the municipality and period that are missing.
    assert!(!n.contains("Enschede") && !n.contains("Aalten"), "{n}");
}

#[test]
fn a_subgroup_row_missing_names_its_subgroup() {
    let ds = Dataset::load(
        "gem.csv",
        file(|t, y, g| t == "Aalten" && y == 2016 && g == "Wajong").as_bytes(),
    )
    .unwrap();
    let n = notes(&ds, VIEW);
    assert!(n.contains("'Aalten' (Achterhoek, 2016, Wajong)"), "{n}");
}

#[test]
fn a_municipality_gone_at_the_end_or_new_later_is_not_missing() {
    // Merged away after 2016, or new from 2016: no period between that lacks it.
    let ds = Dataset::load(
        "gem.csv",
        file(|t, y, _| (t == "Hengelo" && y == 2017) || (t == "Aalten" && y == 2015)).as_bytes(),
    )
    .unwrap();
    let n = notes(&ds, VIEW);
    assert!(!n.contains("ontbreken"), "{n}");
    // The complete file says nothing of it either.
    let ds = Dataset::load("gem.csv", file(|_, _, _| false).as_bytes()).unwrap();
    assert!(!notes(&ds, VIEW).contains("ontbreken"));
}

#[test]
fn a_region_total_row_makes_the_missing_municipality_harmless() {
    // The region's total row (gemeente `Totaal`) stands for its municipalities in every year.
    let mut csv = file(|t, y, _| t == "Hengelo" && y == 2016);
    for region in ["Twente", "Achterhoek"] {
        for year in 2015..=2017 {
            for group in ["Totaal", "Wajong"] {
                csv.push_str(&format!("{region};Totaal;{year};{group};999;500\n"));
            }
        }
    }
    let ds = Dataset::load("gem.csv", csv.as_bytes()).unwrap();
    assert!(!notes(&ds, VIEW).contains("ontbreken"));
}
