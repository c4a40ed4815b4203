//! Joining a data file's regions to the regions of a map edition: by code (`AM01`) when the
//! file has codes, else by name folded (case, accents, spaces and punctuation ignored), then by
//! the known other spellings and successors of a region ([`ALIASES`], [`SUCCESSORS`]).
//! Names differ between editions and between data files (the built-in data spells
//! "IJsselvechtstreek (Regio Zwolle)", the editions "IJsselvechtstreek" or "Regio Zwolle").

use super::Boundaries;
use serde::Serialize;

/// Spellings of one region, folded (see [`fold`]): names used by editions of the division and by
/// published data files. A region renamed or merged into its successor is listed with it, so data
/// of either name is drawn on the edition's outline.
pub const ALIASES: &[&[&str]] = &[
    // AM04 IJsselvechtstreek (2014-2015) became AM36 Regio Zwolle.
    &[
        "ijsselvechtstreek",
        "regiozwolle",
        "ijsselvechtstreekregiozwolle",
        "zwolle",
    ],
    // AM16 Zuid-Kennemerland (2014-2015) became AM37 Zuid-Kennemerland en IJmond.
    &["zuidkennemerland", "zuidkennemerlandenijmond"],
    // AM31 Food Valley (2014-2016) became AM38 FoodValley; both fold alike.
    &["foodvalley", "regiofoodvalley"],
    // AM06 was renamed Veluwe Stedendriehoek in 2024.
    &[
        "stedendriehoekennoordwestveluwe",
        "veluwestedendriehoek",
        "stedendriehoek",
        "stedendriehoekennwveluwe",
    ],
    &["friesland", "fryslan"],
    &["helmonddepeel", "helmond"],
    &["rijkvannijmegen", "regionijmegen", "nijmegen"],
    // A region by its central city or with its words the other way round, as exports of other
    // years write them (`Amsterdam` in one year, `Groot Amsterdam` in another: one region).
    &["grootamsterdam", "amsterdam", "regioamsterdam"],
    &["rijnmond", "rotterdamrijnmond", "regiorijnmond"],
    &["middenutrecht", "utrechtmidden", "regioutrechtmidden"],
];

/// Codes of a region and its successor after a change of the division (same region for a map).
pub const SUCCESSORS: &[(&str, &str)] = &[("AM04", "AM36"), ("AM16", "AM37"), ("AM31", "AM38")];

/// Folds a region name for comparison: lower case, accents removed, everything but letters and
/// digits dropped ("Zaanstreek/Waterland" and "Zaanstreek Waterland" fold alike).
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in crate::case::lower_each(name).chars() {
        match c {
            // `Zuid-Kennemerland & IJmond` is `Zuid-Kennemerland en IJmond`.
            '&' => out.push_str("en"),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ĳ' => out.push_str("ij"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The labour-market regions by code, named as the published data names them (a region and its
/// successor after a change of the division under one name; `AM99` the municipalities no region
/// takes), for a file that gives codes only.
pub const CODE_NAMES: &[(&str, &str)] = &[
    ("AM01", "Groningen"),
    ("AM02", "Friesland"),
    ("AM03", "Drenthe"),
    ("AM04", "IJsselvechtstreek (Regio Zwolle)"),
    ("AM05", "Twente"),
    ("AM06", "Stedendriehoek en Noordwest-Veluwe"),
    ("AM07", "Midden-Gelderland"),
    ("AM08", "Rijk van Nijmegen"),
    ("AM09", "Achterhoek"),
    ("AM10", "Rivierenland"),
    ("AM11", "Flevoland"),
    ("AM12", "Gooi en Vechtstreek"),
    ("AM13", "Midden-Utrecht"),
    ("AM14", "Amersfoort"),
    ("AM15", "Noord-Holland Noord"),
    ("AM16", "Zuid-Kennemerland en IJmond"),
    ("AM17", "Zaanstreek/Waterland"),
    ("AM18", "Groot Amsterdam"),
    ("AM19", "Holland Rijnland"),
    ("AM20", "Midden-Holland"),
    ("AM21", "Haaglanden"),
    ("AM22", "Rijnmond"),
    ("AM23", "Drechtsteden"),
    ("AM24", "Zeeland"),
    ("AM25", "West-Brabant"),
    ("AM26", "Midden-Brabant"),
    ("AM27", "Noordoost-Brabant"),
    ("AM28", "Zuidoost-Brabant"),
    ("AM29", "Noord-Limburg"),
    ("AM30", "Zuid-Limburg"),
    ("AM31", "Food Valley"),
    ("AM32", "Helmond-De Peel"),
    ("AM33", "Midden-Limburg"),
    ("AM34", "Zuid-Holland Centraal"),
    ("AM35", "Gorinchem"),
    ("AM36", "IJsselvechtstreek (Regio Zwolle)"),
    ("AM37", "Zuid-Kennemerland en IJmond"),
    ("AM38", "Food Valley"),
    ("AM99", "Onbekend"),
];

/// The region a code names (`AM01`, `am1`, `2017AM01`: see [`normalise_code`]), as the
/// published data names it; `None` for a text that is no code or a code of no region.
pub fn region_of_code(code: &str) -> Option<&'static str> {
    let c = normalise_code(code)?;
    CODE_NAMES.iter().find(|(k, _)| *k == c).map(|(_, n)| *n)
}

/// A region code as the editions write it (`AM01`), from `AM1`, `am01`, `2017AM01` or `1`;
/// `None` for anything else (such as a slug like `achterhoek`).
pub fn normalise_code(code: &str) -> Option<String> {
    let upper = code.trim().to_ascii_uppercase();
    let b = upper.as_bytes();
    // `2017AM01`: a four-digit year before the code (the first four bytes are ASCII, so 4 is a
    // character boundary).
    let c = if b.len() > 6 && b[..4].iter().all(u8::is_ascii_digit) && b[4..].starts_with(b"AM") {
        &upper[4..]
    } else {
        upper.as_str()
    };
    let digits = after_letters(c).unwrap_or(c);
    // Three digits after the letters, the first a zero (`AM009`, `AMR009`), as some systems pad
    // the code: the code (user files only; a bare `009` is a number, read elsewhere).
    #[cfg(feature = "full")]
    let digits = match digits.strip_prefix('0') {
        Some(d) if d.len() == 2 && after_letters(c).is_some() => d,
        _ => digits,
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (n > 0).then(|| format!("AM{n:02}"))
}

/// What follows a code's letters in an upper-case text (`AMR09`, `AM 09`, `AM-09`: the letters,
/// a space or hyphen, the digits); `None` when it does not start with them.
fn after_letters(upper: &str) -> Option<&str> {
    upper
        .strip_prefix("AMR")
        .or_else(|| upper.strip_prefix("AM"))
        .map(|d| d.trim_start_matches([' ', '-', '_']))
}

#[cfg(feature = "full")]
/// Whether a text is written as a region code with its letters (`AM09`, `AMR 77`), whether or
/// not a region has that code; bare numbers are not.
pub fn code_shaped(text: &str) -> bool {
    let upper = text.trim().to_ascii_uppercase();
    let Some(rest) = after_letters(&upper) else {
        return false;
    };
    !rest.is_empty() && rest.len() <= 3 && rest.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(feature = "full")]
/// A region's name written with its code (`AM09 Achterhoek`, `AM09 - Achterhoek`,
/// `Achterhoek (AM09)`, `Achterhoek [AM09]`): the code (as [`normalise_code`] writes it) and the name. `None` when
/// the text is not a name with a code that has its letters (a bare number is not taken).
pub fn split_code_name(text: &str) -> Option<(String, &str)> {
    let t = text.trim();
    // The code in brackets after the name.
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some((name, code)) = t.strip_suffix(close).and_then(|b| b.rsplit_once(open)) {
            let name = name.trim();
            if code_shaped(code) && !name.is_empty() {
                return Some((normalise_code(code)?, name));
            }
        }
    }
    // The code before the name: `AM`, perhaps `R`, a space or hyphen, digits, then a
    // separator and the name.
    let b = t.as_bytes();
    let mut at = 0;
    for prefix in ["AMR", "AM"] {
        // (Bytes, not a slice of the text: its third byte may be inside a character.)
        if b.len() > prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes()) {
            at = prefix.len();
            break;
        }
    }
    if at == 0 {
        return None;
    }
    while at < b.len() && matches!(b[at], b' ' | b'-' | b'_') {
        at += 1;
    }
    let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    // (Three digits only with a leading zero: `AM009 Achterhoek`.)
    if !((1..=2).contains(&digits) || (digits == 3 && b[at] == b'0')) {
        return None;
    }
    let code = &t[..at + digits];
    let name = t[at + digits..].trim_start_matches([' ', '-', ':', '.', '\t', '|', ',']);
    if name.len() == t.len() - at - digits || !name.starts_with(char::is_alphabetic) {
        return None;
    }
    Some((normalise_code(code)?, name.trim_end()))
}

#[cfg(feature = "full")]
/// Whether a text (a header, a cell) names a labour-market region: its name in a known spelling
/// (`Regio Achterhoek`, `Rijk van Nijmegen`), its code with letters (`AM09`; a bare number is
/// not taken) or both (`AM09 Achterhoek`). Five regions share their name with their province
/// (`Groningen`, `Friesland`, `Drenthe`, `Flevoland`, `Zeeland`): see [`is_province`].
pub fn names_a_region(text: &str) -> bool {
    // The keys of every region's names, made once (a column of 200,000 names is asked about
    // name by name).
    static REGION_KEYS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    let region_keys = REGION_KEYS.get_or_init(|| {
        CODE_NAMES
            .iter()
            .filter(|(c, _)| *c != "AM99")
            .flat_map(|(_, n)| alternatives(n))
            .collect()
    });
    (code_shaped(text) && region_of_code(text).is_some())
        || split_code_name(text).is_some()
        || alternatives(text).iter().any(|k| region_keys.contains(k))
}

#[cfg(feature = "full")]
/// The region a name that names no region is most likely a misspelling of: one of `named` (the
/// file's names that name a region, see [`names_a_region`]), else a region of the division, at
/// most one letter off (two in a name of twelve letters or more; compared folded, so case,
/// accents and spaces do not count). `None` for a short or a long name (no region's name has
/// over 40 letters), and when no name is near.
pub fn misspelt_region(name: &str, named: &[&str]) -> Option<String> {
    let f = fold(name);
    let letters = f.chars().count();
    if !(5..=40).contains(&letters) {
        return None;
    }
    let most = if letters >= 12 { 2 } else { 1 };
    let near = |o: &&str| edits(&f, &fold(o)) <= most;
    named
        .iter()
        .copied()
        .filter(|o| *o != name)
        .find(near)
        .or_else(|| {
            CODE_NAMES
                .iter()
                .filter(|(c, _)| *c != "AM99")
                .map(|(_, n)| *n)
                .find(near)
        })
        .map(str::to_string)
}

/// The number of letters to insert, delete or change to make `a` into `b` (Levenshtein).
#[cfg(feature = "full")]
pub fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(feature = "full")]
/// Whether a text is the name of a province (a table of those is no table of regions, even when
/// all its names are names of regions as well).
pub fn is_province(text: &str) -> bool {
    const PROVINCES: [&str; 13] = [
        "groningen",
        "friesland",
        "fryslan",
        "drenthe",
        "overijssel",
        "flevoland",
        "gelderland",
        "utrecht",
        "noord-holland",
        "zuid-holland",
        "zeeland",
        "noord-brabant",
        "limburg",
    ];
    let t = fold(text);
    PROVINCES.iter().any(|p| fold(p) == t)
}

#[cfg(feature = "full")]
/// Whether two names name one region: a folded key in common, with the known other spellings,
/// the parts before and in brackets and the name without a lead word such as `Regio`.
pub fn same_region(a: &str, b: &str) -> bool {
    let b = alternatives(b);
    alternatives(a).iter().any(|k| b.contains(k))
}

/// A region as a data file names it, with its code if the file has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataRegion<'a> {
    pub name: &'a str,
    pub code: Option<&'a str>,
}

impl<'a> DataRegion<'a> {
    pub fn named(name: &'a str) -> Self {
        DataRegion { name, code: None }
    }
}

/// How a data region found its map region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same code.
    Code,
    /// The code of the region's predecessor or successor.
    SuccessorCode,
    /// The same name after folding.
    Name,
    /// A known other spelling, a part in brackets, or the name without "Regio".
    Alias,
}

/// A data region joined to a region of the edition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Index into the data regions given to [`match_regions`].
    #[serde(skip)]
    pub data: usize,
    /// Index into [`Boundaries::regions`].
    #[serde(skip)]
    pub region: usize,
    /// The name in the data file.
    pub data_name: String,
    /// The edition's code and name.
    pub code: String,
    pub map_name: String,
    pub by: MatchedBy,
}

/// The result of joining: pairs in the order of the data, the data regions not on the map and
/// the map regions without data (both by name, for the page to list).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matching {
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<String>,
    pub missing: Vec<String>,
}

impl Matching {
    /// The pair of data region `data` (its index in the input), if it is on the map.
    pub fn for_data(&self, data: usize) -> Option<&Pair> {
        self.pairs.iter().find(|p| p.data == data)
    }
    /// The pair of map region `region` (its index in the edition), if it has data.
    pub fn for_region(&self, region: usize) -> Option<&Pair> {
        self.pairs.iter().find(|p| p.region == region)
    }
}

/// The folded keys a name may match under besides itself: its alias group, the parts before and
/// inside brackets, and the name without what a file may put before it: "Regio",
/// "Arbeidsmarktregio", "AMR", a code ("AM01 Groningen", "Arbeidsmarktregio Twente").
fn alternatives(name: &str) -> Vec<String> {
    let mut keys = vec![fold(name)];
    if let Some((before, rest)) = name.split_once('(') {
        keys.push(fold(before));
        keys.push(fold(rest.trim_end_matches(')')));
    }
    for k in keys.clone() {
        let mut k = k.as_str();
        loop {
            let shorter = ["arbeidsmarktregio", "amr", "regio"]
                .iter()
                .find_map(|p| k.strip_prefix(p))
                .or_else(|| {
                    // A code before the name: `am` and one or two digits.
                    let rest = k.strip_prefix("am")?;
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    (1..=2).contains(&digits).then(|| &rest[digits..])
                })
                .filter(|s| s.len() > 1);
            match shorter {
                Some(s) => {
                    keys.push(s.to_string());
                    k = s;
                }
                None => break,
            }
        }
    }
    for k in keys.clone() {
        for group in ALIASES {
            if group.contains(&k.as_str()) {
                keys.extend(group.iter().map(|s| s.to_string()));
            }
        }
    }
    keys.retain(|k| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

fn successor(code: &str) -> Option<&'static str> {
    SUCCESSORS.iter().find_map(|&(a, b)| {
        if a == code {
            Some(b)
        } else if b == code {
            Some(a)
        } else {
            None
        }
    })
}

/// Joins data regions to the regions of `map`, in passes from the surest to the loosest (code,
/// successor code, folded name, alternatives); each pass only joins regions on both sides that
/// earlier passes left, and a map region takes at most one data region (the first).
pub fn match_regions(data: &[DataRegion], map: &Boundaries) -> Matching {
    let mut of_data: Vec<Option<(usize, MatchedBy)>> = vec![None; data.len()];
    let mut taken = vec![false; map.regions.len()];
    let map_codes: Vec<&str> = map.regions.iter().map(|r| r.code.as_str()).collect();
    let map_names: Vec<String> = map.regions.iter().map(|r| fold(&r.name)).collect();
    let map_alts: Vec<Vec<String>> = map.regions.iter().map(|r| alternatives(&r.name)).collect();
    let data_codes: Vec<Option<String>> = data
        .iter()
        .map(|d| d.code.and_then(normalise_code))
        .collect();
    let data_alts: Vec<Vec<String>> = data.iter().map(|d| alternatives(d.name)).collect();

    type Test<'t> = Box<dyn Fn(usize, usize) -> bool + 't>;
    let passes: [(MatchedBy, Test); 4] = [
        (
            MatchedBy::Code,
            Box::new(|d, m| data_codes[d].as_deref() == Some(map_codes[m])),
        ),
        (
            MatchedBy::SuccessorCode,
            Box::new(|d, m| {
                data_codes[d]
                    .as_deref()
                    .and_then(successor)
                    .is_some_and(|s| s == map_codes[m])
            }),
        ),
        (
            MatchedBy::Name,
            Box::new(|d, m| fold(data[d].name) == map_names[m]),
        ),
        (
            MatchedBy::Alias,
            Box::new(|d, m| data_alts[d].iter().any(|k| map_alts[m].contains(k))),
        ),
    ];
    for (by, test) in &passes {
        for (d, found) in of_data.iter_mut().enumerate() {
            if found.is_some() {
                continue;
            }
            if let Some(m) = (0..map.regions.len()).find(|&m| !taken[m] && test(d, m)) {
                taken[m] = true;
                *found = Some((m, *by));
            }
        }
    }
    let pairs = of_data
        .iter()
        .enumerate()
        .filter_map(|(d, found)| {
            let (m, by) = (*found)?;
            Some(Pair {
                data: d,
                region: m,
                data_name: data[d].name.to_string(),
                code: map.regions[m].code.clone(),
                map_name: map.regions[m].name.clone(),
                by,
            })
        })
        .collect();
    let unmatched = of_data
        .iter()
        .zip(data)
        .filter(|(found, _)| found.is_none())
        .map(|(_, d)| d.name.to_string())
        .collect();
    let missing = taken
        .iter()
        .zip(&map.regions)
        .filter(|(t, _)| !**t)
        .map(|(_, r)| r.name.clone())
        .collect();
    Matching {
        pairs,
        unmatched,
        missing,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "full")]
    #[test]
    fn a_name_one_letter_off_a_region_in_the_file_is_told() {
        let regions = ["Achterhoek", "Twente", "Zuid-Limburg"];
        let near = |n: &str| {
            assert!(!super::names_a_region(n), "{n}");
            super::misspelt_region(n, &regions)
        };
        assert!(super::names_a_region("Achterhoek"));
        assert_eq!(near("Achterhoekk").as_deref(), Some("Achterhoek"));
        assert_eq!(near("Zuid Limburgg").as_deref(), Some("Zuid-Limburg"));
        assert_eq!(near("Regio Noord"), None);
        assert_eq!(near("Twent").as_deref(), Some("Twente"));
        assert_eq!(near("Twnt"), None, "too short to tell");
        assert_eq!(near(&"Twente".repeat(20)), None, "too long to be a region");
        // A region the file does not have under its own name: the division's name.
        assert_eq!(near("Haaglnden").as_deref(), Some("Haaglanden"));
        assert_eq!(super::edits("kitten", "sitting"), 3);
    }

    /// Every region of every edition, as its boundaries name it, names a region (so none is ever
    /// told as a misspelling), and so do the published data's names.
    #[cfg(all(feature = "full", not(target_arch = "wasm32")))]
    #[test]
    fn every_edition_s_names_name_a_region() {
        for edition in crate::geo::editions() {
            let b = crate::geo::bundled::boundaries(edition).unwrap();
            for r in &b.regions {
                assert!(super::names_a_region(&r.name), "{edition}: {}", r.name);
                assert!(super::names_a_region(&r.code), "{edition}: {}", r.code);
            }
        }
        let t = crate::table::load("regions.csv", crate::DEFAULT_DATA).unwrap();
        let col = &t.columns[0];
        for i in 0..t.len() {
            let name = col.get(i).as_text().unwrap_or_default().to_string();
            assert!(
                ["Landelijk", "Onbekend"].contains(&name.as_str()) || super::names_a_region(&name),
                "{name}"
            );
        }
    }

    use super::super::RegionShape;
    use super::*;

    fn map(regions: &[(&str, &str)]) -> Boundaries {
        Boundaries {
            edition: 2017,
            regions: regions
                .iter()
                .map(|(c, n)| RegionShape::new(c.to_string(), n.to_string(), vec![]))
                .collect(),
            unassigned: vec![],
        }
    }

    #[test]
    fn folding_ignores_case_accents_spaces_and_punctuation() {
        assert_eq!(fold("Food Valley"), fold("FoodValley"));
        assert_eq!(
            fold("Stedendriehoek en Noordwest-Veluwe"),
            fold("Stedendriehoek en Noordwest Veluwe")
        );
        assert_eq!(fold("Zaanstreek/Waterland"), "zaanstreekwaterland");
        assert_eq!(fold("Fryslân"), "fryslan");
        assert_eq!(fold("ĲSSELVECHTSTREEK"), "ijsselvechtstreek");
        assert_eq!(
            fold("Zuid-Kennemerland & IJmond"),
            fold("Zuid-Kennemerland en IJmond")
        );
    }

    #[test]
    fn codes_name_their_regions() {
        assert_eq!(region_of_code("AM01"), Some("Groningen"));
        assert_eq!(region_of_code(" am9 "), Some("Achterhoek"));
        assert_eq!(region_of_code("2017AM38"), Some("Food Valley"));
        assert_eq!(region_of_code("AM77"), None);
        assert_eq!(region_of_code("Achterhoek"), None);
        // Every code of every edition has a name, and every name is one of the built-in data.
        let built_in = crate::table::load("regions.csv", crate::DEFAULT_DATA).unwrap();
        let regions = built_in.columns[0].dictionary();
        for (code, name) in CODE_NAMES {
            assert_eq!(normalise_code(code).as_deref(), Some(*code));
            assert!(regions.iter().any(|r| &**r == *name), "{name}");
        }
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(normalise_code("AM01").as_deref(), Some("AM01"));
        assert_eq!(normalise_code(" am1 ").as_deref(), Some("AM01"));
        assert_eq!(normalise_code("2017AM36").as_deref(), Some("AM36"));
        assert_eq!(normalise_code("7").as_deref(), Some("AM07"));
        assert_eq!(normalise_code("achterhoek"), None);
        assert_eq!(normalise_code("AM"), None);
        assert_eq!(normalise_code("AM123"), None);
        assert_eq!(normalise_code("0"), None);
        assert_eq!(normalise_code("2017"), None);
    }

    /// A code padded to three digits with a leading zero (`AM009`, `AMR009`, `am009`) is the
    /// code; three digits that are no padding (`AM109`, `AM0009`) and a bare `009` are not.
    #[cfg(feature = "full")]
    #[test]
    fn codes_padded_with_a_zero_are_the_code() {
        for (t, want) in [
            ("AM009", Some("AM09")),
            ("AMR009", Some("AM09")),
            ("am009", Some("AM09")),
            ("AM 036", Some("AM36")),
            ("am09", Some("AM09")),
            ("AM109", None),
            ("AM0009", None),
            ("AM000", None),
            ("009", None),
        ] {
            assert_eq!(normalise_code(t).as_deref(), want, "{t}");
        }
        assert_eq!(region_of_code("AMR009"), Some("Achterhoek"));
        assert!(code_shaped("AM009") && code_shaped("AM109"));
        assert_eq!(
            split_code_name("AM009 Achterhoek"),
            Some(("AM09".to_string(), "Achterhoek"))
        );
        assert_eq!(split_code_name("AM109 Achterhoek"), None);
    }

    #[cfg(feature = "full")]
    #[test]
    fn names_written_with_their_code_split() {
        for (t, want) in [
            ("AM09 Achterhoek", Some(("AM09", "Achterhoek"))),
            ("am9 - Achterhoek", Some(("AM09", "Achterhoek"))),
            ("AMR 09: Achterhoek", Some(("AM09", "Achterhoek"))),
            ("Achterhoek (AM09)", Some(("AM09", "Achterhoek"))),
            ("Achterhoek [AMR09]", Some(("AM09", "Achterhoek"))),
            ("AM77 Nergens", Some(("AM77", "Nergens"))),
            ("Amersfoort", None),
            ("AM09", None),
            ("AM09Achterhoek", None),
            ("9 Achterhoek", None),
            ("Achterhoek (9)", None),
            ("AMé", None),
            ("Aé", None),
        ] {
            let got = split_code_name(t);
            assert_eq!(got.as_ref().map(|(c, n)| (c.as_str(), *n)), want, "{t}");
        }
        assert!(code_shaped("AM77") && code_shaped("amr 09") && code_shaped("AM-9"));
        assert!(!code_shaped("9") && !code_shaped("AM") && !code_shaped("Amsterdam"));
        assert_eq!(normalise_code("AMR09").as_deref(), Some("AM09"));
        assert_eq!(normalise_code("AM 9").as_deref(), Some("AM09"));
        assert!(same_region(
            "Regio Zwolle",
            "IJsselvechtstreek (Regio Zwolle)"
        ));
        assert!(!same_region("Twente", "Achterhoek"));
    }

    #[test]
    fn aliases_and_brackets_join_other_spellings() {
        let m = map(&[
            ("AM36", "Regio Zwolle"),
            ("AM38", "FoodValley"),
            ("AM06", "Veluwe Stedendriehoek"),
        ]);
        let data = [
            DataRegion::named("Stedendriehoek en Noordwest-Veluwe"),
            DataRegion::named("IJsselvechtstreek (Regio Zwolle)"),
            DataRegion::named("Food Valley"),
            DataRegion::named("Nergenshuizen"),
        ];
        let r = match_regions(&data, &m);
        let codes: Vec<_> = r
            .pairs
            .iter()
            .map(|p| (p.data, p.code.as_str(), p.by))
            .collect();
        assert_eq!(
            codes,
            vec![
                (0, "AM06", MatchedBy::Alias),
                (1, "AM36", MatchedBy::Alias),
                (2, "AM38", MatchedBy::Name)
            ]
        );
        assert_eq!(r.unmatched, vec!["Nergenshuizen"]);
        assert!(r.missing.is_empty());
    }

    #[test]
    fn names_with_a_prefix_or_a_code_before_them_join() {
        let m = map(&[
            ("AM05", "Twente"),
            ("AM01", "Groningen"),
            ("AM36", "Regio Zwolle"),
        ]);
        let data = [
            DataRegion::named("Arbeidsmarktregio Twente"),
            DataRegion::named("AM01 Groningen"),
            DataRegion::named("AMR Regio Zwolle"),
        ];
        let r = match_regions(&data, &m);
        assert!(r.unmatched.is_empty(), "{:?}", r.unmatched);
        assert_eq!(r.for_data(0).unwrap().code, "AM05");
        assert_eq!(r.for_data(1).unwrap().code, "AM01");
        assert_eq!(r.for_data(2).unwrap().code, "AM36");
        // A name is not cut to nothing, nor to one letter.
        assert_eq!(alternatives("Regio"), ["regio"]);
        assert!(!alternatives("AM1 A").contains(&"a".to_string()));
    }

    #[test]
    fn codes_win_over_names_and_successors_join() {
        let m = map(&[("AM01", "Groningen"), ("AM36", "Regio Zwolle")]);
        // A file whose names are wrong but codes right maps by code; AM04 is AM36's predecessor.
        let data = [
            DataRegion {
                name: "Regio Zwolle",
                code: Some("am1"),
            },
            DataRegion {
                name: "IJsselvechtstreek",
                code: Some("AM04"),
            },
        ];
        let r = match_regions(&data, &m);
        assert_eq!(r.pairs[0].code, "AM01");
        assert_eq!(r.pairs[0].by, MatchedBy::Code);
        assert_eq!(r.pairs[1].code, "AM36");
        assert_eq!(r.pairs[1].by, MatchedBy::SuccessorCode);
    }

    #[test]
    fn a_map_region_takes_one_data_region() {
        let m = map(&[("AM37", "Zuid-Kennemerland en IJmond")]);
        let data = [
            DataRegion::named("Zuid-Kennemerland"),
            DataRegion::named("Zuid-Kennemerland en IJmond"),
        ];
        let r = match_regions(&data, &m);
        // The exact name wins over the older name, which is left unmatched.
        assert_eq!(r.pairs.len(), 1);
        assert_eq!(r.pairs[0].data, 1);
        assert_eq!(r.unmatched, vec!["Zuid-Kennemerland"]);
    }
}
