//! A crosstab: a table whose columns of numbers are the categories of one dimension (hours
//! bands `<12;12-24;24-32;>=32`, age bands `15-24 jaar`, subgroups `Wajong;WSW;Participatiewet`,
//! sexes `Man;Vrouw`, or any columns whose numbers add up to 100, or to a `Totaal` column, in
//! every row), read as the long table the views work on: the headers become the values of one
//! column, their numbers one column, every other column repeated per category. Only where that
//! reading is unambiguous; said in the file line. Full core only.

use super::melt::{free_name, remade, reshape, say_reshaped, MAX_ROWS};
use crate::data::tidy::is_total;
use crate::spec::Period;
use crate::table::{ColumnKind, Table};

/// What makes the columns categories of one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Every header is a band of numbers (`<12`, `12-24`, `65+`, `15 tot 25 jaar`); the unit
    /// of the bands when the headers name one.
    Bands(Unit),
    /// Every header names a subgroup of the banenafspraak.
    Subgroups,
    /// Every header names a sex.
    Sexes,
    /// Every header names a labour-market region (`Achterhoek;Twente`, `AM09;AM10`).
    Regions,
    /// The numbers add up to 100 in every row.
    Shares,
    /// The numbers add up to the total column in every row.
    SumToTotal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Years,
    Hours,
    None,
}

/// Words of a band header that name its unit (left out when the band is read).
fn unit_of(word: &str) -> Option<Unit> {
    match word {
        "jaar" | "jr" | "years" | "year" | "yrs" => Some(Unit::Years),
        "uur" | "uren" | "hours" | "hour" | "u" | "h" => Some(Unit::Hours),
        "maand" | "maanden" | "months" | "weken" | "weeks" | "dagen" | "days" | "euro"
        | "procent" | "%" | "€" => Some(Unit::None),
        _ => None,
    }
}

/// What joins two numbers of a band (`12-24`, `12 tot 24`, `15 t/m 24`).
const RANGE: &[&str] = &["-", "–", "—", "tot", "t/m", "totenmet", "to", "à", "a"];
/// What goes with one number of an open band (`<12`, `>=32`, `65+`, `65 jaar en ouder`).
const OPEN: &[&str] = &[
    "<",
    ">",
    "<=",
    ">=",
    "=<",
    "=>",
    "≤",
    "≥",
    "+",
    "tot",
    "onder",
    "jongerdan",
    "vanaf",
    "enouder",
    "ofouder",
    "ofmeer",
    "enmeer",
    "meerdan",
    "minderdan",
    "andover",
    "andolder",
    "under",
    "over",
    "ormore",
    "lessthan",
    "morethan",
    "upto",
    "from",
    "plus",
];

/// The unit of a header that is a band of numbers, `None` for any other header.
fn band(header: &str) -> Option<Unit> {
    let lower = crate::case::lower(header.trim());
    let mut numbers = 0usize;
    let mut rest = String::new();
    let mut unit = Unit::None;
    let mut chars = lower.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            numbers += 1;
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == '.' || d == ',' {
                    chars.next();
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_alphabetic() {
                    word.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            match unit_of(&word) {
                Some(Unit::None) => {}
                Some(u) => unit = u,
                None => rest.push_str(&word),
            }
        } else {
            chars.next();
            if c.is_whitespace() {
                continue;
            }
            let s = c.to_string();
            if unit_of(&s).is_none() {
                rest.push(c);
            }
        }
    }
    let fits = match numbers {
        1 => OPEN.contains(&rest.as_str()),
        2 => RANGE.contains(&rest.as_str()),
        _ => false,
    };
    fits.then_some(unit)
}

/// Whether the headers name subgroups: all of them, or, for columns of counts (whole numbers
/// not below 0), at least half, the others short labels of a word or two (`vso/pro`, `Wiw/ID`,
/// `P-wet (ABA)`: parts of the target group the vocabulary does not name).
fn subgroup_counts(table: &Table, cats: &[usize], known: &[&str]) -> bool {
    let named = known
        .iter()
        .filter(|h| crate::spec::Subgroup::from_label(h).is_some())
        .count();
    if named == known.len() {
        return true;
    }
    let counts = || {
        cats.iter().all(|&j| {
            let c = &table.columns[j];
            (0..c.len()).all(|i| c.number(i).is_none_or(|v| v >= 0.0 && v.fract() == 0.0))
        })
    };
    2 * named >= known.len()
        && known
            .iter()
            .all(|h| h.split_whitespace().count() <= 2 && h.chars().count() <= 24)
        && counts()
}

/// Whether a header is the column of unknowns or others (`onbekend`, `overig`).
fn unknown(header: &str) -> bool {
    matches!(
        crate::case::lower(header.trim()).as_str(),
        "onbekend"
            | "niet bekend"
            | "unknown"
            | "overig"
            | "overige"
            | "other"
            | "others"
            | "anders"
    )
}

/// The leading words (up to and with the space or `_` after them) that every header starts
/// with, leaving each header some of its own; empty when there are none.
fn common_words<'a>(heads: &[&'a str]) -> &'a str {
    let Some(first) = heads.first() else {
        return "";
    };
    let mut end = 0;
    for (at, c) in first.char_indices() {
        if c.is_whitespace() || c == '_' {
            let cut = at + c.len_utf8();
            let shared = heads
                .iter()
                .all(|h| h.len() > cut && h.get(..cut) == first.get(..cut));
            if !shared {
                break;
            }
            end = cut;
        }
    }
    &first[..end]
}

/// Whether a header names a sex.
fn sex(header: &str) -> bool {
    matches!(
        crate::case::lower(header.trim()).as_str(),
        "man"
            | "mannen"
            | "vrouw"
            | "vrouwen"
            | "male"
            | "female"
            | "men"
            | "women"
            | "males"
            | "females"
            | "jongens"
            | "meisjes"
            | "boys"
            | "girls"
    )
}

/// Whether a number column is a period or another column that is no category (`jaar`, `ID`).
fn is_time_or_counter(table: &Table, j: usize) -> bool {
    const TIME: &[&str] = &[
        "jaar",
        "jaartal",
        "year",
        "periode",
        "period",
        "maand",
        "month",
        "kwartaal",
        "quarter",
        "datum",
        "date",
        "peildatum",
        "tijd",
        "time",
    ];
    let c = &table.columns[j];
    // (`15-24 jaar` is a band of ages, no period.)
    band(&c.name).is_none()
        && super::roles::tokens_of(&c.name)
            .iter()
            .any(|t| TIME.contains(&t.as_str()))
        || crate::compute::regional::columns::is_row_counter(c)
}

/// Whether the category columns add up to `target(i)` in every row that has them all (at least
/// two such rows, or one of three or more columns), within what rounding each number explains.
fn adds_up(
    table: &Table,
    cats: &[usize],
    target: impl Fn(usize) -> Option<f64>,
    slack: impl Fn(f64) -> f64,
) -> bool {
    let mut checked = 0usize;
    'rows: for i in 0..table.len() {
        let Some(goal) = target(i) else {
            continue;
        };
        let mut sum = 0.0;
        for &j in cats {
            match table.columns[j].number(i) {
                Some(v) if v < 0.0 => return false,
                Some(v) => sum += v,
                None => continue 'rows,
            }
        }
        if (sum - goal).abs() > slack(goal) {
            return false;
        }
        checked += 1;
    }
    checked >= 2 || (checked == 1 && cats.len() >= 3)
}

/// The long form of a crosstab (see the module text): `None` for any other table, for a file
/// read as regional data, and when any column of numbers is neither a category, the total, a
/// period nor a row counter.
pub fn categories_as_rows(table: &Table) -> Option<Table> {
    use crate::compute::regional::columns::Count;
    if table.is_empty() {
        return None;
    }
    let kind = |j: usize| table.columns[j].kind();
    let mut cats = Vec::new();
    let mut totals = Vec::new();
    for j in 0..table.columns.len() {
        if kind(j) != ColumnKind::Number || is_time_or_counter(table, j) {
            continue;
        }
        if is_total(&table.columns[j].name) {
            totals.push(j);
        } else {
            cats.push(j);
        }
    }
    let heads: Vec<&str> = cats
        .iter()
        .map(|&j| table.columns[j].name.as_str())
        .collect();
    if cats.len() < 2 || totals.len() > 1 || heads.iter().any(|h| Period::parse(h).is_some()) {
        return None;
    }
    if crate::compute::regional::RegionalData::matches(table) {
        return None;
    }
    let total = totals.first().copied();
    // A column of unknowns or others among the categories (`onbekend`) names no other kind.
    let known: Vec<&str> = heads.iter().copied().filter(|h| !unknown(h)).collect();
    if known.len() < 2 {
        return None;
    }
    // Bands after words every header starts with (`leeftijd 15-24;leeftijd 25-44`): those
    // words name the column of categories.
    let prefix = common_words(&known);
    let bands: Option<Vec<Unit>> = known
        .iter()
        .map(|h| band(h).or_else(|| band(h.get(prefix.len()..)?)))
        .collect();
    let k = cats.len() as f64;
    // A total column of 100 in every row beside shares adding up to 100 is their check sum:
    // left out, said so.
    let total_is_100 = total.is_some_and(|t| {
        (0..table.len()).all(|i| {
            table.columns[t]
                .number(i)
                .is_none_or(|v| (v - 100.0).abs() < 0.05)
        })
    });
    let shares = (total.is_none() || total_is_100)
        && adds_up(table, &cats, |_| Some(100.0), |_| (0.5 * k).clamp(1.0, 3.0));
    let check_sum = total.filter(|_| shares);
    let total = total.filter(|_| !shares);
    // A header that names a count of the regional data (`werkzame personen`) is a measure,
    // unless the columns are shares adding up to 100 (`werkend;niet werkend`).
    if !shares && heads.iter().any(|h| Count::from_header(h).is_some()) {
        return None;
    }
    let sums_to_total = total.is_some_and(|t| {
        adds_up(
            table,
            &cats,
            |i| table.columns[t].number(i),
            |goal| (0.5 * k).max(goal.abs() * 0.005),
        )
    });
    let kind = if let Some(units) = bands {
        let unit = units
            .iter()
            .copied()
            .find(|u| *u != Unit::None)
            .unwrap_or(Unit::None);
        Kind::Bands(unit)
    } else if subgroup_counts(table, &cats, &known) {
        Kind::Subgroups
    } else if known.iter().all(|h| sex(h)) {
        Kind::Sexes
    } else if known.iter().all(|h| crate::geo::names::names_a_region(h))
        && !known.iter().all(|h| crate::geo::names::is_province(h))
    {
        Kind::Regions
    } else if shares {
        Kind::Shares
    } else if sums_to_total {
        Kind::SumToTotal
    } else {
        return None;
    };
    // Subgroup columns beside a region column are the regional wide layout with the measure
    // not named (`Gebied;Jaar;Wajong;WSW;Totaal`): kept as they are for the column mapping,
    // which maps each of them to its count.
    let some_subgroup = heads
        .iter()
        .any(|h| crate::spec::Subgroup::from_label(h).is_some());
    let region = table.columns.iter().any(|c| {
        crate::compute::regional::IdColumn::from_header(&c.name)
            == Some(crate::compute::regional::IdColumn::Region)
    });
    if some_subgroup && region {
        return None;
    }
    // The categories in file order, the total among them (a total row of the long table).
    let columns: Vec<usize> = (0..table.columns.len())
        .filter(|j| cats.contains(j) || total == Some(*j))
        .collect();
    let others: Vec<usize> = (0..table.columns.len())
        .filter(|j| !columns.contains(j) && check_sum != Some(*j))
        .collect();
    if others
        .iter()
        .any(|&j| kind_is_number(table, j) && !is_time_or_counter(table, j))
    {
        return None;
    }
    let rows = table.len().checked_mul(columns.len())?;
    if rows > MAX_ROWS {
        return None;
    }
    let percent = shares
        || (total.is_some_and(|t| {
            (0..table.len()).all(|i| table.columns[t].number(i).is_none_or(|v| v == 100.0))
        }));
    let base = match kind {
        Kind::Bands(Unit::Years) => "leeftijd",
        Kind::Bands(Unit::Hours) => "uren",
        Kind::Subgroups => "doelgroep",
        Kind::Sexes => "geslacht",
        Kind::Regions => "arbeidsmarktregio",
        Kind::Shares | Kind::SumToTotal if some_subgroup => "doelgroep",
        _ => "categorie",
    };
    let named =
        crate::case::lower(prefix.trim_matches(|c: char| c.is_whitespace() || "_-:".contains(c)));
    let base = match kind {
        Kind::Bands(_) if named.chars().any(char::is_alphabetic) => named.as_str(),
        _ => base,
    };
    let category_name = free_name(table, base);
    let value_name = free_name(table, if percent { "aandeel" } else { "waarde" });
    let labels: Vec<&str> = columns
        .iter()
        .map(|&j| table.columns[j].name.as_str())
        .collect();
    // Bands after the words that name their column (`uren per week <12`, as a header over two
    // rows combines a dimension with its categories) are the bands alone in that column.
    let values: Vec<&str> = match kind {
        Kind::Bands(_) if base == named.as_str() => labels
            .iter()
            .map(|h| match h.get(prefix.len()..) {
                Some(rest) if h.starts_with(prefix) && band(rest).is_some() => rest.trim(),
                _ => h,
            })
            .collect(),
        _ => labels.clone(),
    };
    let (long, row_numbers) = reshape(
        table,
        &others,
        (&category_name, &values),
        &[(value_name.clone(), columns.clone())],
    );
    let quoted: Vec<String> = labels.iter().map(|h| format!("'{h}'")).collect();
    let (shown_nl, shown_en) = (
        crate::format::first_ten(&quoted, crate::format::Lang::Nl),
        crate::format::first_ten(&quoted, crate::format::Lang::En),
    );
    let total_name = total.map_or("", |t| table.columns[t].name.as_str());
    let (why_nl, why_en) = match kind {
        Kind::Bands(_) => ("klassen".to_string(), "bands".to_string()),
        Kind::Subgroups => ("doelgroepen".to_string(), "target groups".to_string()),
        Kind::Sexes => ("geslachten".to_string(), "sexes".to_string()),
        Kind::Regions => (
            "arbeidsmarktregio's".to_string(),
            "labour-market regions".to_string(),
        ),
        Kind::Shares => (
            "samen 100 in elke rij".to_string(),
            "adding up to 100 in every row".to_string(),
        ),
        Kind::SumToTotal => (
            format!("samen '{total_name}' in elke rij"),
            format!("adding up to '{total_name}' in every row"),
        ),
    };
    let (why_nl, why_en) = if shares && kind != Kind::Shares {
        (
            format!("{why_nl}, samen 100 in elke rij"),
            format!("{why_en}, adding up to 100 in every row"),
        )
    } else {
        (why_nl, why_en)
    };
    let (why_nl, why_en) = if sums_to_total && kind != Kind::SumToTotal {
        (
            format!("{why_nl}, samen '{total_name}' in elke rij"),
            format!("{why_en}, adding up to '{total_name}' in every row"),
        )
    } else {
        (why_nl, why_en)
    };
    let (why_nl, why_en) = match check_sum {
        Some(t) => {
            let name = &table.columns[t].name;
            (
                format!("{why_nl}; de kolom '{name}', 100 in elke rij, is hun som en weggelaten"),
                format!(
                    "{why_en}; the column '{name}', 100 in every row, is their sum and left out"
                ),
            )
        }
        None => (why_nl, why_en),
    };
    let (n, m) = (table.len(), rows);
    let mut detected = table.detected.clone();
    say_reshaped(
        &mut detected,
        (
            format!("Eén kolom per categorie ({shown_nl}: {why_nl}): gelezen als de kolom '{category_name}' met de getallen in '{value_name}'"),
            format!("One column per category ({shown_en}: {why_en}): read as the column '{category_name}' with the numbers in '{value_name}'"),
        ),
        (n, m),
    );
    Some(remade(table, long, row_numbers, detected))
}

fn kind_is_number(table: &Table, j: usize) -> bool {
    table.columns[j].kind() == ColumnKind::Number
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(csv: &str) -> Table {
        crate::table::load("t.csv", csv.as_bytes()).unwrap()
    }

    fn names(t: &Table) -> Vec<&str> {
        t.columns.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn bands_are_read_as_such() {
        for h in [
            "<12",
            ">=32",
            "≥ 32 uur",
            "12-24",
            "12 - 24",
            "15-24 jaar",
            "15 tot 25 jaar",
            "65+",
            "65 jaar en ouder",
            "tot 12 uur",
            "0-10%",
            "12 t/m 24",
        ] {
            assert!(band(h).is_some(), "{h}");
        }
        for h in [
            "2019",
            "12",
            "Wajong",
            "aantal",
            "personen 2019",
            "1-2-3",
            "x12-24y",
        ] {
            assert!(band(h).is_none(), "{h}");
        }
        assert_eq!(band("15-24 jaar"), Some(Unit::Years));
        assert_eq!(band("<12 uur"), Some(Unit::Hours));
    }

    #[test]
    fn hours_bands_become_one_column() {
        let t = load("subgroep,<12,12-24,24-32,>=32\nA,10,20,30,40\nB,25,25,25,25\n");
        let long = categories_as_rows(&t).expect("read as long");
        assert_eq!(names(&long), ["subgroep", "categorie", "aandeel"]);
        assert_eq!(long.len(), 8);
        assert_eq!(long.columns[1].get(3).as_text().as_deref(), Some(">=32"));
        assert_eq!(long.columns[2].number(3), Some(40.0));
        assert_eq!(long.columns[0].get(4).as_text().as_deref(), Some("B"));
        assert_eq!(long.row_numbers.get(4), Some(3), "the file's row number");
        let note = &long.detected.notes.last().unwrap();
        assert!(note.contains("Eén kolom per categorie"), "{note}");
    }

    #[test]
    fn shares_adding_up_to_100_or_counts_adding_up_to_a_total() {
        let t = load("groep,werkend,niet werkend\nA,40.2,59.8\nB,70,30\n");
        let long = categories_as_rows(&t).expect("shares");
        assert_eq!(names(&long), ["groep", "categorie", "aandeel"]);
        let t = load("jaar,vso/pro,Wiw/ID,totaal\n2017,10,5,15\n2018,12,6,18\n");
        let long = categories_as_rows(&t).expect("sum to total");
        assert_eq!(names(&long), ["jaar", "categorie", "waarde"]);
        assert_eq!(long.len(), 6);
        assert_eq!(long.columns[1].get(2).as_text().as_deref(), Some("totaal"));
        let en = long.detected.notes_en.last().unwrap();
        assert!(en.contains("adding up to 'totaal' in every row"), "{en}");
    }

    #[test]
    fn one_column_per_region_becomes_the_column_arbeidsmarktregio() {
        // Names, codes and both, with or without a national total; a year column beside them.
        for csv in [
            "Jaar;Achterhoek;Twente;Regio Rijnmond\n2015;10;20;30\n2016;11;21;31\n",
            "Jaar;AM09;AM10;Landelijk\n2015;10;20;30\n2016;11;21;32\n",
            "Jaar;AM09 Achterhoek;Twente (AM10)\n2015;10;20\n2016;11;21\n",
        ] {
            let t = load(csv);
            let long = categories_as_rows(&t).unwrap_or_else(|| panic!("{csv}"));
            assert_eq!(
                names(&long),
                ["Jaar", "arbeidsmarktregio", "waarde"],
                "{csv}"
            );
            let en = long.detected.notes_en.last().unwrap();
            assert!(en.contains("labour-market regions"), "{en}");
        }
        // Bare numbers and other places are no regions.
        for csv in [
            "Jaar;1;2\n2015;10;20\n2016;11;21\n",
            "Jaar;Noord;Zuid\n2015;10;20\n2016;11;21\n",
            // Provinces, even those that share their name with their region.
            "Jaar;Groningen;Friesland;Drenthe\n2015;10;20;30\n2016;11;21;31\n",
        ] {
            assert!(categories_as_rows(&load(csv)).is_none(), "{csv}");
        }
    }

    #[test]
    fn age_bands_sexes_and_a_check_sum_column() {
        // `jaar` in an age band names no period.
        let t = load("regio,15-24 jaar,25-44 jaar,45 jaar en ouder\nA,10,40,20\nB,5,30,25\n");
        let long = categories_as_rows(&t).expect("ages");
        assert_eq!(names(&long), ["regio", "leeftijd", "waarde"]);
        let t = load("regio,Man,Vrouw,Totaal\nA,10,40,50\nB,5,30,35\n");
        let long = categories_as_rows(&t).expect("sexes");
        assert_eq!(names(&long), ["regio", "geslacht", "waarde"]);
        assert_eq!(long.len(), 6, "the total kept as a category");
        // Shares with a total of 100: the total is their check sum, left out and said.
        let t = load("groep;tot 12 uur;12 uur of meer;Totaal\nA;40,5;59,5;100\nB;70;30;100\n");
        let long = categories_as_rows(&t).expect("shares with a check sum");
        assert_eq!(names(&long), ["groep", "uren", "aandeel"]);
        assert_eq!(long.len(), 4);
        let en = long.detected.notes_en.last().unwrap();
        assert!(
            en.contains("the column 'Totaal', 100 in every row, is their sum and left out"),
            "{en}"
        );
    }

    #[test]
    fn bands_after_a_shared_word_and_an_unknown_column() {
        let t =
            load("regio,leeftijd 15-24,leeftijd 25-44,leeftijd onbekend\nA,10,40,2\nB,5,30,1\n");
        assert!(
            categories_as_rows(&t).is_none(),
            "'leeftijd onbekend' is no band"
        );
        let t = load("regio,leeftijd 15-24,leeftijd 25-44,onbekend\nA,10,40,2\nB,5,30,1\n");
        let long = categories_as_rows(&t).expect("age bands and unknowns");
        assert_eq!(names(&long), ["regio", "leeftijd", "waarde"]);
        assert_eq!(long.len(), 6);
        // The bands without the word that names their column.
        assert_eq!(long.columns[1].get(0).as_text().as_deref(), Some("15-24"));
        assert_eq!(long.columns[1].get(1).as_text().as_deref(), Some("25-44"));
        assert_eq!(
            long.columns[1].get(2).as_text().as_deref(),
            Some("onbekend")
        );
        assert_eq!(common_words(&["a b c", "a b d"]), "a b ");
        assert_eq!(common_words(&["ab", "ab c"]), "");
    }

    #[test]
    fn subgroups_the_vocabulary_does_not_all_name() {
        let csv = "jaar,vso/pro,P-wet (ABA),P-wet (Praktijkroute),Wsw,Wajong,Wiw/ID\n\
                   2017,12067,40823,4874,88564,98758,1078\n\
                   2018,18759,46222,7975,89564,95580,2394\n";
        let long = categories_as_rows(&load(csv)).expect("subgroups");
        assert_eq!(names(&long), ["jaar", "doelgroep", "waarde"]);
        assert_eq!(long.len(), 12);
        // Not counts: left as they are.
        let csv = "jaar,vso/pro,Wiw/ID,Wsw,Wajong\n2017,1.5,2,3,4\n2018,1,2,3,4\n";
        assert!(categories_as_rows(&load(csv)).is_none());
        // Fewer than half named.
        let csv = "jaar,vso/pro,P-wet (ABA),Wiw/ID,Wajong\n2017,1,2,3,4\n2018,1,2,3,4\n";
        assert!(categories_as_rows(&load(csv)).is_none());
    }

    #[test]
    fn other_tables_stay_as_they_are() {
        // Two measures of different kinds, no sum.
        assert!(categories_as_rows(&load("regio,personen,banen\nA,10,4\nB,20,9\n")).is_none());
        // Shares not adding up to 100.
        assert!(categories_as_rows(&load("groep,a,b\nA,40,40\nB,70,30\n")).is_none());
        // A measure beside the categories.
        assert!(
            categories_as_rows(&load("groep,<12,>=12,banen\nA,40,60,3\nB,70,30,4\n")).is_none()
        );
        // Subgroups per region: the regional layout, left for the column mapping.
        assert!(categories_as_rows(&load(
            "arbeidsmarktregio,jaar,Wajong,WSW,Totaal\nA,2017,1,2,3\nB,2017,2,2,4\n"
        ))
        .is_none());
        // One column of numbers.
        assert!(categories_as_rows(&load("groep,<12\nA,40\n")).is_none());
        // A total that is no sum of the parts.
        assert!(categories_as_rows(&load("jaar,x,y,totaal\n2017,1,2,9\n2018,1,2,3\n")).is_none());
    }
}
