//! The count columns of the regional file, their canonical and Dutch names, and header matching
//! after folding case, accents, spaces and punctuation. A header matches when its folded form is
//! a canonical or Dutch name, or failing that when its words are the same set once filler words
//! ("aantal", "in het", "number of") are left out: "Aantal personen in het doelgroepregister,
//! gecorrigeerd" and "Wajong werkzame personen" match too.

/// A count column of the regional file (DICTIONARY.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Count {
    RegisterPersonsCorrected,
    RegisterPersonsUncorrected,
    RegisterWajongCorrected,
    RegisterWajongUncorrected,
    RegisterWsw,
    RegisterParticipatiewet,
    RegisterPwPraktijkroute,
    WorkersTotal,
    WorkersWajong,
    WorkersWsw,
    WorkersParticipatiewet,
    WorkersPwPraktijkroute,
    WorkersPwOther,
    Jobs,
    WerkkamerIndication,
    OpenVacancies,
    NewVacancies,
}

pub use crate::data::regional::{COUNT_COLUMNS, COUNT_NAMES};

impl Count {
    pub const ALL: [Count; COUNT_COLUMNS] = [
        Count::RegisterPersonsCorrected,
        Count::RegisterPersonsUncorrected,
        Count::RegisterWajongCorrected,
        Count::RegisterWajongUncorrected,
        Count::RegisterWsw,
        Count::RegisterParticipatiewet,
        Count::RegisterPwPraktijkroute,
        Count::WorkersTotal,
        Count::WorkersWajong,
        Count::WorkersWsw,
        Count::WorkersParticipatiewet,
        Count::WorkersPwPraktijkroute,
        Count::WorkersPwOther,
        Count::Jobs,
        Count::WerkkamerIndication,
        Count::OpenVacancies,
        Count::NewVacancies,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The canonical (English) column name.
    pub fn name(self) -> &'static str {
        COUNT_NAMES[self.index()].0
    }

    /// The Dutch column names users' files carry (already folded).
    pub fn dutch(self) -> &'static [&'static str] {
        match self {
            Count::RegisterPersonsCorrected => &[
                "personen_doelgroepregister_gecorrigeerd",
                "doelgroepregister_gecorrigeerd",
            ],
            Count::RegisterPersonsUncorrected => &[
                "personen_doelgroepregister",
                "personen_in_doelgroepregister",
                "doelgroepregister",
                "personen",
                "doelgroepregister_niet_gecorrigeerd",
                "personen_doelgroepregister_niet_gecorrigeerd",
                "persons_in_register",
                "register_persons",
                "persons_in_target_group_register",
                "target_group_register",
            ],
            Count::RegisterWajongCorrected => &["doelgroepregister_wajong_gecorrigeerd"],
            Count::RegisterWajongUncorrected => &[
                "doelgroepregister_wajong",
                "doelgroepregister_wajong_niet_gecorrigeerd",
            ],
            Count::RegisterWsw => &["doelgroepregister_wsw"],
            Count::RegisterParticipatiewet => &["doelgroepregister_participatiewet"],
            Count::RegisterPwPraktijkroute => &["doelgroepregister_praktijkroute"],
            Count::WorkersTotal => &[
                "werkzame_personen",
                "werkzame_personen_totaal",
                "werkzaam",
                "personen_met_werk",
                "employed",
                "employed_persons",
                "working_persons",
                "persons_working",
                "persons_in_work",
                "people_in_work",
                "met_werk",
                "workers",
                // (Words of user files only: the first core reads the built-in data.)
                #[cfg(feature = "full")]
                "met_baan",
                #[cfg(feature = "full")]
                "personen_met_baan",
                #[cfg(feature = "full")]
                "aan_het_werk",
                #[cfg(feature = "full")]
                "personen_aan_het_werk",
                #[cfg(feature = "full")]
                "met_betaald_werk",
                // The register's people at work (`Aantal werkende personen uit het
                // doelgroepregister`).
                #[cfg(feature = "full")]
                "werkzame_personen_doelgroepregister",
                #[cfg(feature = "full")]
                "werkzaam_doelgroepregister",
                #[cfg(feature = "full")]
                "in_employment",
                #[cfg(feature = "full")]
                "persons_in_employment",
            ],
            Count::WorkersWajong => &["werkzame_personen_wajong"],
            Count::WorkersWsw => &["werkzame_personen_wsw"],
            Count::WorkersParticipatiewet => &["werkzame_personen_participatiewet"],
            Count::WorkersPwPraktijkroute => {
                &["werkzame_personen_praktijkroute", "werkzaam_praktijkroute"]
            }
            Count::WorkersPwOther => &["werkzame_personen_participatiewet_overig"],
            Count::Jobs => &["banen"],
            Count::WerkkamerIndication => &["indicatie_werkkamer", "ind_wk"],
            Count::OpenVacancies => &["openstaande_vacatures"],
            Count::NewVacancies => &["ontstane_vacatures"],
        }
    }

    /// A Dutch label for tables and error messages.
    pub fn label(self) -> &'static str {
        COUNT_NAMES[self.index()].1
    }

    /// The English label (the mapping step in an English page).
    pub fn label_en(self) -> &'static str {
        COUNT_NAMES[self.index()].2
    }

    /// Finds the count a header names: by folded name first, then by its set of words; a header
    /// that names nothing so is tried again without its parts in brackets (`Werkzame personen
    /// (aantal)`), so that `(gecorrigeerd)` still counts where it is part of a name, and then, in
    /// the full core, as a CBS key without its topic number (`WerkzamePersonen_2`, see
    /// [`crate::case::without_topic_number`]).
    /// A header that names a share (`% werkzaam`, `Werkzame personen (%)`, `aandeel werkzaam`)
    /// names no count, whatever its other words.
    pub fn from_header(header: &str) -> Option<Count> {
        #[cfg(feature = "full")]
        if crate::compute::tidy::roles::names_a_share(header) {
            return None;
        }
        or_unbracketed(header, Count::named).or_else(|| Count::from_cbs_key(header))
    }

    /// The count a CBS key names once its topic number is left out (`WerkzamePersonen_2`), when
    /// the whole header names none: a header matched so, which the file line mentions.
    pub fn from_cbs_key(header: &str) -> Option<Count> {
        #[cfg(feature = "full")]
        if Count::named(header).is_none() {
            return crate::case::without_topic_number(header).and_then(Count::named);
        }
        let _ = header;
        None
    }

    // (In the first core `found` is returned as found: the code it had before.)
    #[allow(clippy::let_and_return)]
    fn named(header: &str) -> Option<Count> {
        let f = fold_header(header);
        let found = Count::ALL
            .into_iter()
            .find(|c| c.name() == f || c.dutch().contains(&f.as_str()))
            .or_else(|| {
                let key = word_key(&f);
                #[cfg(feature = "full")]
                return count_keys()
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, c)| *c);
                #[cfg(not(feature = "full"))]
                Count::ALL.into_iter().find(|c| {
                    word_key(c.name()) == key || c.dutch().iter().any(|d| word_key(d) == key)
                })
            });
        #[cfg(feature = "full")]
        let found = found.or_else(|| Count::of_subgroup(&f));
        found
    }

    /// A subgroup's count named as the subgroup and a total count, in any order: `Wajong
    /// personen`, `WSW werkzaam` (a header over two rows combined, a pivot table's columns).
    #[cfg(feature = "full")]
    fn of_subgroup(folded: &str) -> Option<Count> {
        let (words, people) = group_words(folded);
        let is_group =
            |w: &&str| matches!(*w, "wajong" | "wsw" | "participatiewet" | "praktijkroute");
        let groups: Vec<&str> = words.iter().copied().filter(is_group).collect();
        let mut rest: Vec<&str> = words.iter().copied().filter(|w| !is_group(w)).collect();
        // The group's people (`Wajongers`, `Aantal WSW'ers`) are its persons in the register.
        if people && rest.iter().all(|w| FILLER.contains(w)) {
            rest = vec!["personen"];
        }
        if groups.is_empty() || rest.is_empty() {
            return None;
        }
        let group = match groups.as_slice() {
            [g] => *g,
            ["participatiewet", "praktijkroute"] | ["praktijkroute", "participatiewet"] => {
                "praktijkroute"
            }
            _ => return None,
        };
        // (The rest names no subgroup, so `named` does not come back here.)
        let total = Count::named(&rest.join("_"))?;
        Some(match (total, group) {
            (Count::RegisterPersonsCorrected, "wajong") => Count::RegisterWajongCorrected,
            (Count::RegisterPersonsUncorrected, "wajong") => Count::RegisterWajongUncorrected,
            (Count::RegisterPersonsUncorrected, "wsw") => Count::RegisterWsw,
            (Count::RegisterPersonsUncorrected, "participatiewet") => {
                Count::RegisterParticipatiewet
            }
            (Count::RegisterPersonsUncorrected, "praktijkroute") => Count::RegisterPwPraktijkroute,
            (Count::WorkersTotal, "wajong") => Count::WorkersWajong,
            (Count::WorkersTotal, "wsw") => Count::WorkersWsw,
            (Count::WorkersTotal, "participatiewet") => Count::WorkersParticipatiewet,
            (Count::WorkersTotal, "praktijkroute") => Count::WorkersPwPraktijkroute,
            _ => return None,
        })
    }
}

/// The words of a folded header with a subgroup's people named by its group (`wajongers` ->
/// `wajong`; `wswers`, and `wsw_ers` from `WSW'ers` or `Wsw-ers` -> `wsw`; `pwetters`,
/// `p_wetters` -> `participatiewet`; `p_wet`, `pwet` -> `participatiewet`), and whether a group's
/// people were named so.
#[cfg(feature = "full")]
fn group_words(folded: &str) -> (Vec<&str>, bool) {
    let words: Vec<&str> = folded.split('_').filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut people = false;
    let mut k = 0;
    while k < words.len() {
        let next = words.get(k + 1).copied();
        let (group, taken, person) = match (words[k], next) {
            ("wajongers" | "wajonger", _) => ("wajong", 1, true),
            ("wswers" | "wswer", _) => ("wsw", 1, true),
            ("wsw", Some("ers" | "er")) => ("wsw", 2, true),
            ("pwetters" | "pwetter", _) => ("participatiewet", 1, true),
            ("p", Some("wetters" | "wetter")) => ("participatiewet", 2, true),
            ("pwet", _) => ("participatiewet", 1, false),
            ("p", Some("wet")) => ("participatiewet", 2, false),
            (w, _) => (w, 1, false),
        };
        out.push(group);
        people |= person;
        k += taken;
    }
    (out, people)
}

/// What `named` finds for the header, or else for the header without its parts in brackets.
fn or_unbracketed<T>(header: &str, named: impl Fn(&str) -> Option<T>) -> Option<T> {
    named(header).or_else(|| unbracketed(header).and_then(|h| named(&h)))
}

/// A header without its parts in round or square brackets, when it has any and words are left.
fn unbracketed(header: &str) -> Option<String> {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    (out.len() < header.len() && out.chars().any(char::is_alphanumeric)).then_some(out)
}

/// Words that say nothing about which column is meant.
const FILLER: [&str; 14] = [
    "aantal",
    "het",
    "de",
    "in",
    "van",
    "the",
    "of",
    "number",
    "nr",
    "abs",
    "absoluut",
    "q4",
    "banenafspraak",
    "totaal",
];

/// More words that say nothing about which column is meant, in user files (`n_werkzaam`,
/// `Omvang doelgroepregister`, `Waarvan werkzaam`, `werkzaam uit het register`, `Register count`).
fn filler_full(w: &str) -> bool {
    #[cfg(feature = "full")]
    // (`som`, `sum`: a pivot table's `Som van werkzame personen`, `Sum of persons working`;
    // `act`: the second word of `Participation Act`.)
    return matches!(
        w,
        "n" | "omvang" | "waarvan" | "uit" | "een" | "count" | "som" | "sum" | "act"
    );
    #[cfg(not(feature = "full"))]
    {
        let _ = w;
        false
    }
}

/// Every name of every count as its word key, in the order `Count::named` tries them, made once
/// (a file of thousands of columns asks for each column, several times). Full core only: the
/// first core reads the built-in data's few columns.
#[cfg(feature = "full")]
fn count_keys() -> &'static [(Vec<&'static str>, Count)] {
    static KEYS: std::sync::OnceLock<Vec<(Vec<&'static str>, Count)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        Count::ALL
            .into_iter()
            .flat_map(|c| {
                std::iter::once(c.name())
                    .chain(c.dutch().iter().copied())
                    .map(move |n| (word_key(n), c))
            })
            .collect()
    })
}

/// The same for the names of the identification columns (`IdColumn::from_header`).
#[cfg(feature = "full")]
fn id_keys() -> &'static [(String, IdColumn)] {
    static KEYS: std::sync::OnceLock<Vec<(String, IdColumn)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        IdColumn::ALL
            .into_iter()
            .flat_map(|id| id.names().iter().map(move |n| (word_key(n).join("_"), id)))
            .collect()
    })
}

/// The sorted words of a folded header without filler words, with a few spellings unified.
pub fn word_key(folded: &str) -> Vec<&str> {
    let mut words: Vec<&str> = folded
        .split('_')
        .filter(|w| !w.is_empty() && !FILLER.contains(w) && !filler_full(w))
        .map(|w| match w {
            "werkzaam" | "werkende" | "werkenden" => "werkzame",
            // (User files only: the first core reads the built-in data.)
            #[cfg(feature = "full")]
            "werkend" => "werkzame",
            // `Ingeschreven in doelgroepregister`: the persons in the register.
            #[cfg(feature = "full")]
            "ingeschreven" | "ingeschrevenen" => "personen",
            // English headers: `Registered` (the persons in the register), `Registered persons`,
            // `People in work`.
            #[cfg(feature = "full")]
            "registered" => "doelgroepregister",
            // `Aantal in register`, `Personen register`, `DGR`, `Geregistreerd`: the register
            // is the target-group register (the only one these files count).
            #[cfg(feature = "full")]
            "register" | "dgr" | "geregistreerd" | "geregistreerden" => "doelgroepregister",
            // `Inschrijvingen doelgroepregister`: the persons in it.
            #[cfg(feature = "full")]
            "inschrijvingen" => "personen",
            // `Working`, `Werkzamen`.
            #[cfg(feature = "full")]
            "working" | "werkzamen" => "werkzame",
            #[cfg(feature = "full")]
            "persons" | "people" => "personen",
            #[cfg(feature = "full")]
            "corrected" => "gecorrigeerd",
            // English names of the subgroups in a header (`Register sheltered employment`,
            // `Working persons Participation Act`).
            #[cfg(feature = "full")]
            "sheltered" => "wsw",
            #[cfg(feature = "full")]
            "participation" => "participatiewet",
            // Plurals and compounds of a period's name: `Kwartalen`, `Jaren`, `jaarmaand`.
            #[cfg(feature = "full")]
            "jaren" | "years" => "jaar",
            #[cfg(feature = "full")]
            "kwartalen" | "quarters" | "jaarkwartaal" | "yearquarter" => "kwartaal",
            #[cfg(feature = "full")]
            "maanden" | "months" | "jaarmaand" | "yearmonth" => "maand",
            "regios" => "regio",
            "perioden" => "periode",
            w => w,
        })
        .collect();
    // `sheltered employment`: the WSW (`persons in employment` are the workers).
    #[cfg(feature = "full")]
    if words.contains(&"wsw") && folded.split('_').any(|w| w == "sheltered") {
        words.retain(|w| *w != "employment");
    }
    crate::sort::sort(&mut words);
    words
}

/// The identification columns of the regional file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdColumn {
    Region,
    Year,
    RowType,
    /// The subgroup of a long file (one row per subgroup: Totaal, Wajong, WSW, ...).
    Subgroup,
}

impl IdColumn {
    pub const ALL: [IdColumn; 4] = [
        IdColumn::Region,
        IdColumn::Year,
        IdColumn::RowType,
        IdColumn::Subgroup,
    ];
}

impl IdColumn {
    pub fn name(self) -> &'static str {
        match self {
            IdColumn::Region => "region",
            IdColumn::Year => "year",
            IdColumn::RowType => "row_type",
            IdColumn::Subgroup => "subgroup",
        }
    }
    /// Names a header may carry for this column (folded).
    pub fn names(self) -> &'static [&'static str] {
        match self {
            IdColumn::Region => &[
                "region",
                "regio",
                "arbeidsmarktregio",
                "arbeidsmarktregio_naam",
                "arbeidsmarktregionaam",
                "naam_arbeidsmarktregio",
                "amr_naam",
                "naam_regio",
                "regionaam",
                "regio_s",
                "arbeidsmarktregio_s",
                "amr",
                "region_name",
                "labour_market_region",
                "labor_market_region",
            ],
            IdColumn::Year => &[
                "year",
                "jaar",
                "periode",
                "jaar_einde",
                "period",
                "kwartaal",
                "quarter",
                "maand",
                "month",
                "peildatum",
                "datum",
                "date",
                "verslagperiode",
                "jaar_maand",
                "jaar_kwartaal",
            ],
            IdColumn::RowType => &["row_type", "rijtype", "soort_rij", "row_kind"],
            IdColumn::Subgroup => &[
                "subgroup",
                "subgroep",
                "doelgroep",
                "subdoelgroep",
                "deelgroep",
                "doelgroepen",
                "deelgroepen",
                "subdoelgroepen",
                "regeling",
                "target_group",
            ],
        }
    }

    /// The column a header names by its set of words, or else by the words outside its brackets
    /// (`Arbeidsmarktregio (AMR)`, `Jaar (peildatum)`).
    pub fn from_header(header: &str) -> Option<IdColumn> {
        let named = |header: &str| {
            let key = word_key(&fold_header(header)).join("_");
            #[cfg(feature = "full")]
            return id_keys().iter().find(|(k, _)| *k == key).map(|(_, id)| *id);
            #[cfg(not(feature = "full"))]
            IdColumn::ALL
                .into_iter()
                .find(|id| id.names().iter().any(|n| word_key(n).join("_") == key))
        };
        or_unbracketed(header, named)
    }

    /// A Dutch label for the mapping step and messages.
    pub fn label(self) -> &'static str {
        match self {
            IdColumn::Region => "regio (arbeidsmarktregio)",
            IdColumn::Year => "jaar",
            IdColumn::RowType => "soort rij (regio, landelijk, onbekend)",
            IdColumn::Subgroup => "doelgroep (Totaal, Wajong, WSW, Participatiewet, ...)",
        }
    }

    /// The English label for the mapping step.
    pub fn label_en(self) -> &'static str {
        match self {
            IdColumn::Region => "region (labour-market region)",
            IdColumn::Year => "year",
            IdColumn::RowType => "row type (region, national, unknown)",
            IdColumn::Subgroup => "target group (Total, Wajong, WSW, Participatiewet, ...)",
        }
    }
}

/// Folds a header as [`fold`] does, and in the full core first sets the words of a CamelCase
/// name apart ([`crate::case::camel_words`]: `WerkzamePersonen` -> `werkzame_personen`, `RegioS` ->
/// `regio_s`, `PersonenWSW` -> `personen_wsw`). Header matching uses this; region names, values
/// and file names keep [`fold`].
pub fn fold_header(s: &str) -> String {
    #[cfg(feature = "full")]
    if let Some(spaced) = crate::case::camel_words(s) {
        return fold(&spaced);
    }
    fold(s)
}

/// Folded names of a column of row numbers (`ID` in a CBS export, `rijnummer`, pandas' index);
/// not `index`, the name of a column of index figures (2015 = 100).
#[cfg(feature = "full")]
const ROW_NUMBER_NAMES: [&str; 14] = [
    "id",
    "row_id",
    "rowid",
    "row_nr",
    "row_number",
    "rownumber",
    "rij",
    "rijnr",
    "rij_nr",
    "rijnummer",
    "regelnummer",
    "volgnummer",
    "volgnr",
    "unnamed_0",
];

/// Whether a column is a row counter: named so (`ID`, `Rijnummer`, pandas' `Unnamed: 0`) and
/// holding a different whole number in every row. Such a column is no count and no dimension
/// the rows differ in: the regional analysis leaves it out (two rows alike but for it
/// are still one row entered twice) and the tidy views do not use it.
/// A column without a name in the file (the loader names it by its place, `kolom_1` in a CSV
/// file, `kolom_A` in a workbook), `index` (pandas' `to_json(orient='table')`, `reset_index()`)
/// or `X` (R's `read.csv` of a file with row names) is a row counter only when its numbers rise
/// from row to row, from 0 or more: pandas' index (also of rows picked from a larger table,
/// `8, 21, 34, ...`), R's row names.
#[cfg(feature = "full")]
pub fn is_row_counter(column: &crate::table::Column) -> bool {
    let folded = fold_header(&column.name);
    let named = ROW_NUMBER_NAMES.contains(&folded.as_str());
    let unnamed = matches!(
        folded.as_str(),
        "" | "kolom_1" | "kolom_a" | "index" | "x" | "level_0"
    );
    if !(named || unnamed) || column.kind() != crate::table::ColumnKind::Number {
        return false;
    }
    let mut seen: Vec<f64> = Vec::with_capacity(column.len());
    for i in 0..column.len() {
        match column.number(i) {
            Some(n) if n.fract() == 0.0 => seen.push(n),
            _ => return false,
        }
    }
    if !named {
        // (`index` from 100 up is a column of index figures, 2015 = 100.)
        let figures = folded == "index" && seen.first() == Some(&100.0);
        return seen.len() >= 2
            && !figures
            && seen.first().is_some_and(|n| *n >= 0.0)
            && seen.windows(2).all(|w| w[0] < w[1]);
    }
    if appended_numberings(&seen) {
        return true;
    }
    crate::sort::sort_by(&mut seen, |a, b| a.total_cmp(b));
    seen.windows(2).all(|w| w[0] != w[1])
}

/// Whether numbers are row numberings one after another: each run counting up by one from the
/// same start, 0 or 1 (two CBS downloads appended, each with its own `ID` from 0), over two rows
/// or more each. Runs from 1 all as long as each other (1-35 per year) are a key, not a
/// numbering.
#[cfg(feature = "full")]
fn appended_numberings(seen: &[f64]) -> bool {
    let Some(&start) = seen.first().filter(|s| **s == 0.0 || **s == 1.0) else {
        return false;
    };
    let mut lengths: Vec<usize> = vec![1];
    for w in seen.windows(2) {
        match lengths.last_mut() {
            Some(n) if w[1] == w[0] + 1.0 => *n += 1,
            _ if w[1] == start => lengths.push(1),
            _ => return false,
        }
    }
    lengths.len() >= 2
        && lengths.iter().all(|&n| n >= 2)
        && (start == 0.0 || lengths.windows(2).any(|w| w[0] != w[1]))
}

/// Folds a header: lower case, accents removed, every run of other characters made one `_`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in crate::case::lower_each(s).chars() {
        let c = strip_accent(c);
        if c.is_ascii_alphanumeric() {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.push(c);
        } else {
            pending = true;
        }
    }
    out
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_dutch_headers() {
        assert_eq!(
            fold("Werkzame personen (Wajong)"),
            "werkzame_personen_wajong"
        );
        assert_eq!(fold("  Indicatie Wérkkamer "), "indicatie_werkkamer");
        assert_eq!(
            Count::from_header("Werkzame personen (Wajong)"),
            Some(Count::WorkersWajong)
        );
        assert_eq!(
            Count::from_header("WORKERS_TOTAL"),
            Some(Count::WorkersTotal)
        );
        assert_eq!(Count::from_header("Banen"), Some(Count::Jobs));
        // A share is no count, whatever its other words.
        #[cfg(feature = "full")]
        for h in [
            "% werkzaam",
            "Werkzame personen (%)",
            "Werkzame personen in %",
            "Werkzaam (pct)",
            "Werkzame personen (aandeel)",
            "aandeel werkzame personen",
            "Percentage werkzaam",
        ] {
            assert_eq!(Count::from_header(h), None, "{h}");
        }
        assert_eq!(Count::from_header("onzin"), None);
        assert_eq!(
            IdColumn::from_header("Arbeidsmarktregio"),
            Some(IdColumn::Region)
        );
        for c in Count::ALL {
            assert_eq!(Count::from_header(c.name()), Some(c));
            for d in c.dutch() {
                assert_eq!(Count::from_header(d), Some(c), "{d}");
            }
        }
    }

    #[test]
    fn word_keys_are_unique_across_columns() {
        let mut keys: Vec<(Vec<&str>, Count)> = Vec::new();
        for c in Count::ALL {
            for n in std::iter::once(c.name()).chain(c.dutch().iter().copied()) {
                let k = word_key(n);
                if let Some((_, other)) = keys.iter().find(|(q, o)| *q == k && *o != c) {
                    panic!("{n} ({c:?}) has the same words as a name of {other:?}");
                }
                keys.push((k, c));
            }
        }
    }

    /// English headers as an English table writes them (full core: user files only).
    #[cfg(feature = "full")]
    #[test]
    fn english_headers_name_the_register_and_the_workers() {
        for (h, c) in [
            ("Registered", Count::RegisterPersonsUncorrected),
            ("registered", Count::RegisterPersonsUncorrected),
            ("Registered persons", Count::RegisterPersonsUncorrected),
            (
                "Number of registered persons",
                Count::RegisterPersonsUncorrected,
            ),
            ("Persons registered", Count::RegisterPersonsUncorrected),
            ("Registered Wajong", Count::RegisterWajongUncorrected),
            ("Registered WSW", Count::RegisterWsw),
            ("Registered (corrected)", Count::RegisterPersonsCorrected),
            (
                "Registered persons, corrected",
                Count::RegisterPersonsCorrected,
            ),
            (
                "Registered (not corrected)",
                Count::RegisterPersonsUncorrected,
            ),
            (
                "Registered Wajong (corrected)",
                Count::RegisterWajongCorrected,
            ),
            ("Employed", Count::WorkersTotal),
            ("Employed Wajong", Count::WorkersWajong),
            ("People in work", Count::WorkersTotal),
            ("Persons in register", Count::RegisterPersonsUncorrected),
            ("Register sheltered employment", Count::RegisterWsw),
            ("Participation Act register", Count::RegisterParticipatiewet),
            ("Working persons sheltered employment", Count::WorkersWsw),
            (
                "Working persons Participation Act",
                Count::WorkersParticipatiewet,
            ),
            // A pivot table's sums.
            ("Som van Werkzame personen", Count::WorkersTotal),
            ("Sum of working persons", Count::WorkersTotal),
        ] {
            assert_eq!(Count::from_header(h), Some(c), "{h}");
        }
        // A word that only looks alike names nothing.
        assert_eq!(Count::from_header("Registration date"), None);
    }

    #[test]
    fn headers_as_users_write_them() {
        let cases = [
            ("Werkzame personen (Wajong)", Count::WorkersWajong),
            (
                "Personen doelgroepregister gecorrigeerd",
                Count::RegisterPersonsCorrected,
            ),
            (
                "Aantal personen in het doelgroepregister, gecorrigeerd",
                Count::RegisterPersonsCorrected,
            ),
            (
                "Personen in het doelgroepregister (niet gecorrigeerd)",
                Count::RegisterPersonsUncorrected,
            ),
            ("Aantal werkzame personen totaal", Count::WorkersTotal),
            ("Wajong werkzame personen", Count::WorkersWajong),
            (
                "Aantal werkzaam Praktijkroute",
                Count::WorkersPwPraktijkroute,
            ),
            (
                "Werkzame personen Participatiewet (overig)",
                Count::WorkersPwOther,
            ),
            ("Doelgroepregister WSW", Count::RegisterWsw),
            ("Ind. Wk.", Count::WerkkamerIndication),
            ("Openstaande vacatures", Count::OpenVacancies),
            ("Number of jobs", Count::Jobs),
            (
                "Aantal in doelgroepregister",
                Count::RegisterPersonsUncorrected,
            ),
            (
                "Personen doelgroepregister",
                Count::RegisterPersonsUncorrected,
            ),
            ("Aantal werkzaam", Count::WorkersTotal),
            ("Werkzame personen", Count::WorkersTotal),
            ("Aantal werkende personen", Count::WorkersTotal),
            ("Werkenden", Count::WorkersTotal),
            ("Werkzame personen (aantal)", Count::WorkersTotal),
            ("Werkzame personen banenafspraak", Count::WorkersTotal),
            (
                "Personen doelgroepregister (gecorrigeerd)",
                Count::RegisterPersonsCorrected,
            ),
            ("Banen [abs.]", Count::Jobs),
            ("Employed persons", Count::WorkersTotal),
            ("Persons in register", Count::RegisterPersonsUncorrected),
            // The register named without `doelgroep`, the people at work in other words.
            ("Aantal in register", Count::RegisterPersonsUncorrected),
            ("Personen register", Count::RegisterPersonsUncorrected),
            ("DGR", Count::RegisterPersonsUncorrected),
            ("aantal_dgr", Count::RegisterPersonsUncorrected),
            ("Geregistreerd", Count::RegisterPersonsUncorrected),
            (
                "Omvang doelgroepregister",
                Count::RegisterPersonsUncorrected,
            ),
            ("n_register", Count::RegisterPersonsUncorrected),
            ("Register count", Count::RegisterPersonsUncorrected),
            (
                "Inschrijvingen doelgroepregister",
                Count::RegisterPersonsUncorrected,
            ),
            ("Register (gecorrigeerd)", Count::RegisterPersonsCorrected),
            ("Personen met een baan", Count::WorkersTotal),
            ("Met baan", Count::WorkersTotal),
            ("Aan het werk", Count::WorkersTotal),
            ("Waarvan werkzaam", Count::WorkersTotal),
            ("n_werkzaam", Count::WorkersTotal),
            ("Werkzamen", Count::WorkersTotal),
            ("Working", Count::WorkersTotal),
            ("Persons in employment", Count::WorkersTotal),
            (
                "Aantal werkende personen uit het doelgroepregister",
                Count::WorkersTotal,
            ),
            ("Wajong met baan", Count::WorkersWajong),
            ("DGR Wsw", Count::RegisterWsw),
            ("Register Wajong", Count::RegisterWajongUncorrected),
        ];
        for (h, c) in cases {
            assert_eq!(Count::from_header(h), Some(c), "{h}");
        }
        for (h, id) in [
            ("Arbeidsmarktregio", IdColumn::Region),
            ("Regio's", IdColumn::Region),
            ("Jaar", IdColumn::Year),
            ("Perioden", IdColumn::Year),
            ("Soort rij", IdColumn::RowType),
            ("Doelgroep", IdColumn::Subgroup),
            ("Kwartaal", IdColumn::Year),
            ("Peildatum", IdColumn::Year),
            ("Arbeidsmarktregio (AMR)", IdColumn::Region),
            ("Jaar (peildatum)", IdColumn::Year),
            ("Doelgroep banenafspraak", IdColumn::Subgroup),
            ("Labour market region", IdColumn::Region),
            ("Target group", IdColumn::Subgroup),
            ("Kwartalen", IdColumn::Year),
            ("Jaren", IdColumn::Year),
            ("jaarmaand", IdColumn::Year),
            ("Jaar/maand", IdColumn::Year),
            ("Jaar-kwartaal", IdColumn::Year),
            ("Months", IdColumn::Year),
        ] {
            assert_eq!(IdColumn::from_header(h), Some(id), "{h}");
        }
        assert_eq!(Count::from_header("Werkzame personen (Wajong) 2015"), None);
    }

    #[cfg(feature = "full")]
    #[test]
    fn camel_case_headers_fold_to_their_words() {
        for (h, f) in [
            ("WerkzamePersonen", "werkzame_personen"),
            (
                "PersonenInDoelgroepregister",
                "personen_in_doelgroepregister",
            ),
            ("RegioS", "regio_s"),
            ("AantalWerkzaam", "aantal_werkzaam"),
            ("PersonenWSW", "personen_wsw"),
            ("WSWPersonen", "wsw_personen"),
            ("AMRNaam", "amr_naam"),
            ("WSW", "wsw"),
            ("AMRs", "amrs"),
            ("IJmondRegio", "ijmond_regio"),
            ("Werkzame personen", "werkzame_personen"),
            ("werkzaam_2017", "werkzaam_2017"),
            ("Werkzame personen Q4", "werkzame_personen_q4"),
        ] {
            assert_eq!(fold_header(h), f, "{h}");
        }
        // Region names and values keep the plain fold.
        assert_eq!(fold("FoodValley"), "foodvalley");
        assert_eq!(fold("RegioS"), "regios");
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_subgroups_people_in_a_header_name_its_counts() {
        for (h, c) in [
            ("AantalWSWers", Count::RegisterWsw),
            ("WSWersWerkzaam", Count::WorkersWsw),
            ("aantal WSW'ers", Count::RegisterWsw),
            ("WSW'ers werkzaam", Count::WorkersWsw),
            ("Wsw-ers met werk", Count::WorkersWsw),
            ("Werkzame WSWers", Count::WorkersWsw),
            ("Wajongers", Count::RegisterWajongUncorrected),
            ("Aantal Wajongers", Count::RegisterWajongUncorrected),
            ("WajongersMetWerk", Count::WorkersWajong),
            ("Werkzame Wajongers", Count::WorkersWajong),
            ("PWetters", Count::RegisterParticipatiewet),
            ("PWettersWerkzaam", Count::WorkersParticipatiewet),
            ("P-wetters met werk", Count::WorkersParticipatiewet),
            ("P-wet werkzaam", Count::WorkersParticipatiewet),
            // The CBS and earlier names read as before.
            ("WerkzamePersonenWSW_12", Count::WorkersWsw),
            ("PersonenWSW", Count::RegisterWsw),
            ("WSWPersonen", Count::RegisterWsw),
            ("Wajong werkzaam", Count::WorkersWajong),
        ] {
            assert_eq!(Count::from_header(h), Some(c), "{h}");
        }
        // A group alone, or its people with a measure that names nothing, names no count.
        for h in ["Wajong", "WSW", "Wajongers 2015 oud"] {
            assert_eq!(Count::from_header(h), None, "{h}");
        }
        for (h, f) in [
            ("AantalWSWers", "aantal_wswers"),
            ("WSWersWerkzaam", "wswers_werkzaam"),
            ("WSWer", "wswer"),
            ("WajongersMetWerk", "wajongers_met_werk"),
            ("WSWErvaring", "wsw_ervaring"),
            ("WSWPersonen", "wsw_personen"),
        ] {
            assert_eq!(fold_header(h), f, "{h}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn cbs_and_other_tools_headers_match() {
        for (h, c) in [
            ("WerkzamePersonen_2", Count::WorkersTotal),
            ("WerkzamePersonen", Count::WorkersTotal),
            (
                "PersonenInDoelgroepregister_1",
                Count::RegisterPersonsUncorrected,
            ),
            ("AantalWerkzaam", Count::WorkersTotal),
            ("WerkzamePersonenWSW_12", Count::WorkersWsw),
            ("PersonenWerkzaamWajong", Count::WorkersWajong),
            ("Banen_3", Count::Jobs),
            ("WorkingPersons", Count::WorkersTotal),
            ("persons_in_work", Count::WorkersTotal),
            ("Aantal met werk", Count::WorkersTotal),
            ("werkend", Count::WorkersTotal),
            (
                "Ingeschreven in doelgroepregister",
                Count::RegisterPersonsUncorrected,
            ),
            ("Aantal werkend", Count::WorkersTotal),
            ("register_persons", Count::RegisterPersonsUncorrected),
            ("RegisterPersonsCorrected", Count::RegisterPersonsCorrected),
            ("Werkzame personen (aantal)", Count::WorkersTotal),
            ("Werkzame personen [x 1]", Count::WorkersTotal),
            ("Aantal werkzame personen*", Count::WorkersTotal),
            ("\u{feff}Werkzame personen", Count::WorkersTotal),
            ("\"Werkzame personen\"", Count::WorkersTotal),
            ("  'WerkzamePersonen_2' ", Count::WorkersTotal),
            ("Werkzame\u{a0}personen", Count::WorkersTotal),
        ] {
            assert_eq!(Count::from_header(h), Some(c), "{h}");
        }
        for (h, id) in [
            ("RegioS", IdColumn::Region),
            ("ArbeidsmarktregioS", IdColumn::Region),
            ("Perioden", IdColumn::Year),
            ("Doelgroep", IdColumn::Subgroup),
            ("LabourMarketRegion", IdColumn::Region),
        ] {
            assert_eq!(IdColumn::from_header(h), Some(id), "{h}");
        }
        // The topic number is cut only where the whole header names nothing, and said so.
        assert_eq!(
            Count::from_cbs_key("WerkzamePersonen_2"),
            Some(Count::WorkersTotal)
        );
        assert_eq!(Count::from_cbs_key("WerkzamePersonen"), None);
        assert_eq!(Count::from_cbs_key("Onzin_2"), None);
        assert_eq!(IdColumn::from_header("ID"), None);
        assert_eq!(Count::from_header("ID"), None);
    }

    /// A header with a year or a number in small letters keeps the meaning it had before CBS
    /// keys were read: nothing, so that a wide file's year columns are never taken for a count.
    #[test]
    fn year_suffixed_headers_keep_their_meaning() {
        for h in [
            "werkzaam_2017",
            "Werkzaam_2017",
            "WerkzamePersonen_2017",
            "werkzame_personen_2015",
            "werkzaam_2",
            "werkzame personen 2",
            "Werkzame personen (Wajong) 2015",
        ] {
            assert_eq!(Count::from_header(h), None, "{h}");
        }
        for h in ["jaar_2", "Jaar_2", "Perioden_1", "jaar_2017"] {
            assert_eq!(IdColumn::from_header(h), None, "{h}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn row_counters_are_named_so_and_all_different() {
        let t = |csv: &str| crate::table::load("t.csv", csv.as_bytes()).unwrap();
        let table = t(
            "ID;Rijnummer;id;Nr;Index;Unnamed: 0\n0;1;7;1;100;0\n1;2;7;2;104;1\n2;3;8;3;109;2\n",
        );
        let counters: Vec<bool> = table.columns.iter().map(is_row_counter).collect();
        // `id` repeats a number; `Nr` is no row-number name, nor is `Index` (index figures).
        assert_eq!(counters, [true, true, false, false, false, true]);
        assert!(!is_row_counter(&t("ID;x\nA1;1\nA2;2\n").columns[0]));
        assert!(!is_row_counter(&t("ID;x\n1;1\n;2\n").columns[0]));
        assert!(!is_row_counter(&t("ID;x\n1.5;1\n2;2\n").columns[0]));
        // Two downloads appended, each numbered from 0 (or from 1, of other lengths).
        assert!(is_row_counter(
            &t("ID;x\n0;1\n1;2\n2;3\n0;4\n1;5\n").columns[0]
        ));
        assert!(is_row_counter(
            &t("ID;x\n1;1\n2;2\n3;3\n1;4\n2;5\n").columns[0]
        ));
        // A key per region and year (1-35 each year), or numbers that jump: no numbering.
        assert!(!is_row_counter(&t("ID;x\n1;1\n2;2\n1;3\n2;4\n").columns[0]));
        assert!(!is_row_counter(&t("ID;x\n0;1\n3;2\n0;3\n3;4\n").columns[0]));
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_subgroup_before_a_total_count_names_the_subgroup_count() {
        for (h, c) in [
            ("Wajong personen", Count::RegisterWajongUncorrected),
            ("Wajong werkzaam", Count::WorkersWajong),
            ("WSW personen", Count::RegisterWsw),
            ("WSW Werkzame personen", Count::WorkersWsw),
            ("Participatiewet personen", Count::RegisterParticipatiewet),
            ("werkzaam Participatiewet", Count::WorkersParticipatiewet),
            (
                "Participatiewet Praktijkroute personen",
                Count::RegisterPwPraktijkroute,
            ),
            ("Praktijkroute werkzaam", Count::WorkersPwPraktijkroute),
            (
                "Wajong Personen doelgroepregister gecorrigeerd",
                Count::RegisterWajongCorrected,
            ),
            ("Totaal personen", Count::RegisterPersonsUncorrected),
            ("Totaal werkzaam", Count::WorkersTotal),
        ] {
            assert_eq!(Count::from_header(h), Some(c), "{h}");
        }
        // No correction exists for these subgroups, two subgroups name none, a subgroup alone
        // names nothing, and other counts have no subgroup form.
        for h in [
            "WSW personen gecorrigeerd",
            "Wajong WSW personen",
            "Wajong",
            "Wajong banen",
        ] {
            assert_eq!(Count::from_header(h), None, "{h}");
        }
    }
}
