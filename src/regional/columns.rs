//! The count columns of the regional file, their canonical and Dutch names, and header matching
//! after folding case, accents, spaces and punctuation.

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

pub const COUNT_COLUMNS: usize = 17;

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
        match self {
            Count::RegisterPersonsCorrected => "register_persons_corrected",
            Count::RegisterPersonsUncorrected => "register_persons_uncorrected",
            Count::RegisterWajongCorrected => "register_wajong_corrected",
            Count::RegisterWajongUncorrected => "register_wajong_uncorrected",
            Count::RegisterWsw => "register_wsw",
            Count::RegisterParticipatiewet => "register_participatiewet",
            Count::RegisterPwPraktijkroute => "register_pw_praktijkroute",
            Count::WorkersTotal => "workers_total",
            Count::WorkersWajong => "workers_wajong",
            Count::WorkersWsw => "workers_wsw",
            Count::WorkersParticipatiewet => "workers_participatiewet",
            Count::WorkersPwPraktijkroute => "workers_pw_praktijkroute",
            Count::WorkersPwOther => "workers_pw_other",
            Count::Jobs => "jobs",
            Count::WerkkamerIndication => "werkkamer_indication",
            Count::OpenVacancies => "open_vacancies",
            Count::NewVacancies => "new_vacancies",
        }
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
                "doelgroepregister_niet_gecorrigeerd",
            ],
            Count::RegisterWajongCorrected => &["doelgroepregister_wajong_gecorrigeerd"],
            Count::RegisterWajongUncorrected => &["doelgroepregister_wajong"],
            Count::RegisterWsw => &["doelgroepregister_wsw"],
            Count::RegisterParticipatiewet => &["doelgroepregister_participatiewet"],
            Count::RegisterPwPraktijkroute => &["doelgroepregister_praktijkroute"],
            Count::WorkersTotal => &["werkzame_personen", "werkzame_personen_totaal"],
            Count::WorkersWajong => &["werkzame_personen_wajong"],
            Count::WorkersWsw => &["werkzame_personen_wsw"],
            Count::WorkersParticipatiewet => &["werkzame_personen_participatiewet"],
            Count::WorkersPwPraktijkroute => &["werkzame_personen_praktijkroute"],
            Count::WorkersPwOther => &["werkzame_personen_participatiewet_overig"],
            Count::Jobs => &["banen"],
            Count::WerkkamerIndication => &["indicatie_werkkamer"],
            Count::OpenVacancies => &["openstaande_vacatures"],
            Count::NewVacancies => &["ontstane_vacatures"],
        }
    }

    /// A Dutch label for tables and error messages.
    pub fn label(self) -> &'static str {
        match self {
            Count::RegisterPersonsCorrected => "personen in doelgroepregister (gecorrigeerd)",
            Count::RegisterPersonsUncorrected => {
                "personen in doelgroepregister (niet gecorrigeerd)"
            }
            Count::RegisterWajongCorrected => "doelgroepregister Wajong (gecorrigeerd)",
            Count::RegisterWajongUncorrected => "doelgroepregister Wajong (niet gecorrigeerd)",
            Count::RegisterWsw => "doelgroepregister WSW",
            Count::RegisterParticipatiewet => "doelgroepregister Participatiewet",
            Count::RegisterPwPraktijkroute => "doelgroepregister Praktijkroute",
            Count::WorkersTotal => "werkzame personen",
            Count::WorkersWajong => "werkzame personen Wajong",
            Count::WorkersWsw => "werkzame personen WSW",
            Count::WorkersParticipatiewet => "werkzame personen Participatiewet",
            Count::WorkersPwPraktijkroute => "werkzame personen Praktijkroute",
            Count::WorkersPwOther => "werkzame personen Participatiewet overig",
            Count::Jobs => "banen",
            Count::WerkkamerIndication => "indicatie Werkkamer",
            Count::OpenVacancies => "openstaande vacatures",
            Count::NewVacancies => "ontstane vacatures",
        }
    }

    /// Finds the count a header names, after folding.
    pub fn from_header(header: &str) -> Option<Count> {
        let f = fold(header);
        Count::ALL
            .into_iter()
            .find(|c| c.name() == f || c.dutch().contains(&f.as_str()))
    }
}

/// The identification columns of the regional file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdColumn {
    Region,
    Year,
    RowType,
}

impl IdColumn {
    pub fn name(self) -> &'static str {
        match self {
            IdColumn::Region => "region",
            IdColumn::Year => "year",
            IdColumn::RowType => "row_type",
        }
    }
    pub fn from_header(header: &str) -> Option<IdColumn> {
        match fold(header).as_str() {
            "region" | "regio" | "arbeidsmarktregio" | "arbeidsmarktregio_naam" | "regionaam" => {
                Some(IdColumn::Region)
            }
            "year" | "jaar" | "periode" => Some(IdColumn::Year),
            "row_type" | "rijtype" | "soort_rij" => Some(IdColumn::RowType),
            _ => None,
        }
    }
}

/// Folds a header: lower case, accents removed, every run of other characters made one `_`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars().flat_map(char::to_lowercase) {
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
}
