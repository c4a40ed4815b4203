//! The vocabulary of the grammar: subgroups of the register and column roles, with their keys.

use crate::error::{Error, Result};
use serde::Serialize;

/// The role of a column. Value roles (`Percent`, `Count`, `N`, `OddsRatio`, `Value`) can be plotted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An ordered axis: years, quarters, months, dates, or an ordinal such as months since start.
    Time,
    /// A text column that groups rows (subgroup, category, model).
    Category,
    /// Percentages (0-100).
    Percent,
    /// Counts of anything (non-negative whole numbers).
    Count,
    /// The number of persons a row is based on (`n`, `persons`, `personen`, `aantal`).
    N,
    /// Odds ratios or other ratios around 1, drawn on a log scale.
    OddsRatio,
    /// Any other number.
    Value,
    /// Significance markers (`*`, `**`) or p-values.
    Significance,
    /// The reference category of a regression term.
    Reference,
    /// Not used (empty columns, or set so by the user).
    Ignore,
}

impl Role {
    /// All roles with their keys in the view description (`roles=year:time`).
    pub const ALL: [Role; 10] = [
        Role::Time,
        Role::Category,
        Role::Percent,
        Role::Count,
        Role::N,
        Role::OddsRatio,
        Role::Value,
        Role::Significance,
        Role::Reference,
        Role::Ignore,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Time => "time",
            Role::Category => "category",
            Role::Percent => "percent",
            Role::Count => "count",
            Role::N => "n",
            Role::OddsRatio => "odds",
            Role::Value => "value",
            Role::Significance => "significance",
            Role::Reference => "reference",
            Role::Ignore => "ignore",
        }
    }

    /// Dutch name shown in the page.
    pub fn label(self) -> &'static str {
        match self {
            Role::Time => "tijd",
            Role::Category => "categorie",
            Role::Percent => "percentage",
            Role::Count => "aantal",
            Role::N => "aantal personen (n)",
            Role::OddsRatio => "odds ratio",
            Role::Value => "waarde",
            Role::Significance => "significantie",
            Role::Reference => "referentiecategorie",
            Role::Ignore => "niet gebruikt",
        }
    }

    /// Parses a role key, English or Dutch (`time`/`tijd`, `category`/`categorie`, ...).
    pub fn parse(s: &str) -> Option<Role> {
        let s = crate::case::lower(s.trim());
        Some(match s.as_str() {
            "time" | "tijd" | "period" | "periode" => Role::Time,
            "category" | "categorie" | "group" | "groep" => Role::Category,
            "percent" | "percentage" | "pct" | "share" | "aandeel" => Role::Percent,
            "count" | "aantal" => Role::Count,
            "n" | "persons" | "personen" => Role::N,
            "odds" | "odds_ratio" | "ratio" | "or" => Role::OddsRatio,
            "value" | "waarde" | "number" | "getal" => Role::Value,
            "significance" | "significantie" | "sig" => Role::Significance,
            "reference" | "referentie" | "ref" => Role::Reference,
            "ignore" | "negeer" | "negeren" => Role::Ignore,
            _ => return None,
        })
    }

    /// The name shown in the page, in `lang`.
    pub fn label_in(self, lang: crate::format::Lang) -> &'static str {
        match lang {
            crate::format::Lang::Nl => self.label(),
            crate::format::Lang::En => match self {
                Role::Time => "time",
                Role::Category => "category",
                Role::Percent => "percentage",
                Role::Count => "count",
                Role::N => "number of persons (n)",
                Role::OddsRatio => "odds ratio",
                Role::Value => "value",
                Role::Significance => "significance",
                Role::Reference => "reference category",
                Role::Ignore => "not used",
            },
        }
    }

    /// The coarse group the page sorts columns into.
    pub fn group(self) -> RoleGroup {
        match self {
            Role::Time => RoleGroup::Time,
            Role::Category | Role::Reference => RoleGroup::Category,
            Role::Percent | Role::Count | Role::N | Role::OddsRatio | Role::Value => {
                RoleGroup::Value
            }
            Role::Significance | Role::Ignore => RoleGroup::Other,
        }
    }

    pub fn is_value(self) -> bool {
        self.group() == RoleGroup::Value
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleGroup {
    Time,
    Category,
    Value,
    Other,
}

/// How a time column's values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    Year,
    Quarter,
    Month,
    Date,
    /// A number counting periods, such as months since the start.
    Ordinal,
    /// Half-years (`2019H1`); user files only, so not in the first core.
    #[cfg(feature = "full")]
    HalfYear,
}

/// Parses the `roles=` value: `column:role` pairs separated by commas. A column name may itself
/// contain a colon; the role is what follows the last one.
pub fn parse_overrides(v: &str, lang: crate::format::Lang) -> Result<Vec<(String, Role)>> {
    use crate::format::Lang;
    let mut out = Vec::new();
    for item in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (col, role) = item.rsplit_once(':').ok_or_else(|| {
            Error::view(match lang {
                Lang::Nl => format!(
                    "'roles={v}': schrijf kolom:rol, bijvoorbeeld roles=jaar:time,groep:category."
                ),
                Lang::En => format!(
                    "'roles={v}': write column:role, for example roles=year:time,group:category."
                ),
            })
        })?;
        let r = Role::parse(role).ok_or_else(|| {
            let roles = Role::ALL.map(Role::key).join(", ");
            Error::view(match lang {
                Lang::Nl => format!("Onbekende rol '{role}' in roles=. Kies uit: {roles}."),
                Lang::En => format!("Unknown role '{role}' in roles=. Choose from: {roles}."),
            })
        })?;
        out.push((col.trim().to_string(), r));
    }
    Ok(out)
}

/// A subgroup (deelgroep) of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subgroup {
    Total,
    Wajong,
    Wsw,
    Participatiewet,
    Praktijkroute,
    PwOther,
}

impl Subgroup {
    pub const ALL: [Subgroup; 6] = [
        Subgroup::Total,
        Subgroup::Wajong,
        Subgroup::Wsw,
        Subgroup::Participatiewet,
        Subgroup::Praktijkroute,
        Subgroup::PwOther,
    ];

    pub fn parse(s: &str) -> Option<Subgroup> {
        Subgroup::ALL.into_iter().find(|g| g.key() == s)
    }
    /// The subgroup a category value of a file names (`Totaal`, `Wajong`, `WSW`, `Wsw`,
    /// `Participatiewet`, `P-wet`, `Praktijkroute`, `P-wet (Praktijkroute)`, `Participatiewet
    /// overig`); `None` for other values (vso/pro, Wiw/ID, ...).
    /// A label with a note in brackets or a lead word ("Wajong (gecorrigeerd)", "waarvan
    /// Praktijkroute", "Praktijkroute (P-wet)") names the subgroup of the label without them.
    pub fn from_label(s: &str) -> Option<Subgroup> {
        let fold = |s: &str| {
            let mut f = String::new();
            for c in crate::case::lower(s.trim()).chars() {
                if c.is_alphanumeric() {
                    f.push(c);
                } else if !f.is_empty() && !f.ends_with(' ') {
                    f.push(' ');
                }
            }
            f.trim_end().to_string()
        };
        let f = fold(s);
        if let Some(g) = Subgroup::from_folded(&f) {
            return Some(g);
        }
        // (The first core reads the built-in data only, whose subgroups are columns.)
        if !cfg!(feature = "full") {
            return None;
        }
        // Initials written apart (`W.S.W.`, `P.W.`): the word they spell.
        if f.contains(' ') && f.split(' ').all(|w| w.chars().count() == 1) {
            if let Some(g) = Subgroup::from_folded(&f.replace(' ', "")) {
                return Some(g);
            }
        }
        // Without a note in brackets that does not narrow the group ("P-wet (ABA)" is a part
        // of the Participatiewet, not all of it).
        let mut plain = String::new();
        let mut note = String::new();
        let mut depth = 0usize;
        for c in s.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                c if depth == 0 => plain.push(c),
                c => note.push(c),
            }
        }
        // A footnote's number (`Wajong (1)`) is no note on the group either.
        let footnote = !note.trim().is_empty() && note.trim().bytes().all(|b| b.is_ascii_digit());
        let harmless = footnote
            || matches!(
                fold(&note).as_str(),
                "" | "gecorrigeerd"
                    | "p wet"
                    | "pwet"
                    | "participatiewet"
                    | "totaal"
                    | "aantal"
                    | "personen"
                    | "voorlopig"
            );
        if !harmless {
            return None;
        }
        let mut f = fold(&plain);
        // Without a code before the name (`01 Wajong`, `3a - Praktijkroute`, `2. WSW`): digits,
        // perhaps with one letter, as a first word before more words.
        if let Some((code, rest)) = f.split_once(' ') {
            let digits = code.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && code.len() - digits <= 1 && !rest.is_empty() {
                f = rest.to_string();
            }
        }
        // Without a lead word.
        for lead in [
            "waarvan ",
            "daarvan ",
            "waaronder ",
            "w v ",
            "of which ",
            "doelgroep ",
            // The agreement's name before its group (`Banenafspraak Wajong`).
            "banenafspraak ",
        ] {
            if let Some(rest) = f.strip_prefix(lead) {
                f = rest.to_string();
            }
        }
        // Without a footnote's mark after it (`Wajong¹`).
        while let Some(rest) = f.strip_suffix(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
        {
            f = rest.trim_end().to_string();
        }
        // Without a word for the group's people, or `totaal`, after its name (`Wajong-ers`,
        // `Wsw-geïndiceerden`, `Wsw totaal`).
        for tail in [
            " totaal",
            " total",
            " ers",
            " er",
            " geindiceerden",
            " geïndiceerden",
            " geindiceerde",
            " geïndiceerde",
        ] {
            if let Some(rest) = f.strip_suffix(tail) {
                f = rest.to_string();
            }
        }
        (f != fold(s)).then(|| Subgroup::from_folded(&f)).flatten()
    }

    fn from_folded(f: &str) -> Option<Subgroup> {
        Some(match f {
            "totaal"
            | "total"
            | "totaal doelgroepen"
            | "alle doelgroepen"
            | "totaal doelgroep"
            | "doelgroepregister"
            | "totaal doelgroepregister"
            | "alle"
            | "allen"
            | "all"
            | "banenafspraak"
            | "totaal banenafspraak"
            | "banenafspraak totaal"
            | "doelgroep banenafspraak"
            | "all target groups" => Subgroup::Total,
            "wajong" | "wajongers" | "wajong totaal" => Subgroup::Wajong,
            "wsw"
            | "wsw groep"
            | "wsw ers"
            | "wswers"
            | "wsw er"
            | "sw"
            | "sociale werkvoorziening"
            | "wsw indicatie"
            | "wsw indicaties"
            | "sheltered employment"
            | "sheltered employment wsw" => Subgroup::Wsw,
            "participatiewet"
            | "p wet"
            | "pwet"
            | "pw"
            | "participatiewet totaal"
            | "p wet totaal"
            | "participatiewet incl praktijkroute"
            | "participatiewet inclusief praktijkroute"
            | "participatiewet met praktijkroute"
            | "p wet incl praktijkroute"
            | "pw incl praktijkroute"
            | "participation act" => Subgroup::Participatiewet,
            "praktijkroute"
            | "p wet praktijkroute"
            | "pwet praktijkroute"
            | "pw praktijkroute"
            | "participatiewet praktijkroute" => Subgroup::Praktijkroute,
            "participatiewet overig"
            | "p wet overig"
            | "pw overig"
            | "pwet overig"
            | "participatiewet excl praktijkroute"
            | "participatiewet exclusief praktijkroute"
            | "participatiewet zonder praktijkroute"
            | "p wet excl praktijkroute"
            | "pw excl praktijkroute" => Subgroup::PwOther,
            // The group's people (user files only: the first core reads the built-in data).
            "pwetters"
            | "p wetters"
            | "participatiewetters"
            | "participatiewetter"
            // The new group of 2015 (`Participatiewet (nieuw)`), all of it.
            | "participatiewet nieuw"
            | "p wet nieuw"
            | "pwet nieuw"
            | "pw nieuw"
            | "participatiewet overig en praktijkroute"
            | "participatiewet praktijkroute en overig"
            | "p wet overig en praktijkroute"
                if cfg!(feature = "full") =>
            {
                Subgroup::Participatiewet
            }
            // The group named as a group (`Wajong-groep`, `Participatiewetgroep`), and the
            // Praktijkroute named after its law (user files only).
            "wajong groep" | "wajonggroep" if cfg!(feature = "full") => Subgroup::Wajong,
            "wswgroep" if cfg!(feature = "full") => Subgroup::Wsw,
            "participatiewet groep" | "participatiewetgroep" | "p wet groep" | "pwet groep"
                if cfg!(feature = "full") =>
            {
                Subgroup::Participatiewet
            }
            "praktijkroute participatiewet"
            | "praktijkroute p wet"
            | "praktijkroute pwet"
            | "participatiewet waarvan praktijkroute"
            | "p wet waarvan praktijkroute"
            | "participatiewet praktijkroute groep"
                if cfg!(feature = "full") =>
            {
                Subgroup::Praktijkroute
            }
            // English tables (user files only).
            "practice route"
            | "practical route"
            | "participation act practice route"
            | "participation act practical route"
                if cfg!(feature = "full") =>
            {
                Subgroup::Praktijkroute
            }
            "participation act other" | "participation act excl practice route"
                if cfg!(feature = "full") =>
            {
                Subgroup::PwOther
            }
            _ => return None,
        })
    }

    /// The key used in view descriptions.
    pub fn key(self) -> &'static str {
        match self {
            Subgroup::Total => "total",
            Subgroup::Wajong => "wajong",
            Subgroup::Wsw => "wsw",
            Subgroup::Participatiewet => "participatiewet",
            Subgroup::Praktijkroute => "praktijkroute",
            Subgroup::PwOther => "pw_other",
        }
    }
    /// The Dutch name in titles.
    pub fn label(self) -> &'static str {
        match self {
            Subgroup::Total => "totaal",
            Subgroup::Wajong => "Wajong",
            Subgroup::Wsw => "WSW",
            Subgroup::Participatiewet => "Participatiewet",
            Subgroup::Praktijkroute => "Praktijkroute",
            Subgroup::PwOther => "Participatiewet overig",
        }
    }
    /// The name in titles, in `lang`: the schemes keep their Dutch proper names.
    pub fn label_in(self, lang: crate::format::Lang) -> &'static str {
        match (lang, self) {
            (crate::format::Lang::En, Subgroup::Total) => "total",
            (crate::format::Lang::En, Subgroup::PwOther) => "Participatiewet other",
            _ => self.label(),
        }
    }
    /// " (Wajong)" after a measure name in `lang`, nothing for the total.
    pub fn suffix_in(self, lang: crate::format::Lang) -> String {
        match self {
            Subgroup::Total => String::new(),
            g => format!(" ({})", g.label_in(lang)),
        }
    }
    /// The group whose register this subgroup's register share is taken within.
    pub fn parent(self) -> Option<Subgroup> {
        match self {
            Subgroup::Total => None,
            Subgroup::Wajong | Subgroup::Wsw | Subgroup::Participatiewet => Some(Subgroup::Total),
            Subgroup::Praktijkroute | Subgroup::PwOther => Some(Subgroup::Participatiewet),
        }
    }

    /// " (Wajong)" after a measure name, nothing for the total.
    pub fn suffix(self) -> String {
        match self {
            Subgroup::Total => String::new(),
            g => format!(" ({})", g.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subgroups_as_files_write_them() {
        for (s, g) in [
            ("Totaal", Some(Subgroup::Total)),
            ("Totaal doelgroepen", Some(Subgroup::Total)),
            ("WSW", Some(Subgroup::Wsw)),
            ("Wsw", Some(Subgroup::Wsw)),
            ("P-wet", Some(Subgroup::Participatiewet)),
            ("Participatiewet", Some(Subgroup::Participatiewet)),
            ("P-wet (Praktijkroute)", Some(Subgroup::Praktijkroute)),
            ("Praktijkroute", Some(Subgroup::Praktijkroute)),
            ("Participatiewet overig", Some(Subgroup::PwOther)),
            ("Wajong", Some(Subgroup::Wajong)),
            ("Alle doelgroepen", Some(Subgroup::Total)),
            ("Totaal banenafspraak", Some(Subgroup::Total)),
            ("Wsw-ers", Some(Subgroup::Wsw)),
            (
                "Participatiewet (incl. praktijkroute)",
                Some(Subgroup::Participatiewet),
            ),
            (
                "Participatiewet excl. Praktijkroute",
                Some(Subgroup::PwOther),
            ),
            ("P-wet (ABA)", None),
            #[cfg(feature = "full")]
            (
                "Participation Act: practice route",
                Some(Subgroup::Praktijkroute),
            ),
            #[cfg(feature = "full")]
            ("Practical route", Some(Subgroup::Praktijkroute)),
            #[cfg(feature = "full")]
            ("Participation Act: other", Some(Subgroup::PwOther)),
            ("Participation Act", Some(Subgroup::Participatiewet)),
            ("Wajong (gecorrigeerd)", Some(Subgroup::Wajong)),
            ("waarvan Praktijkroute", Some(Subgroup::Praktijkroute)),
            ("Praktijkroute (P-wet)", Some(Subgroup::Praktijkroute)),
            ("Wsw-indicatie", Some(Subgroup::Wsw)),
            #[cfg(feature = "full")]
            ("01 Wajong", Some(Subgroup::Wajong)),
            #[cfg(feature = "full")]
            ("3a - Praktijkroute", Some(Subgroup::Praktijkroute)),
            #[cfg(feature = "full")]
            ("2. WSW", Some(Subgroup::Wsw)),
            #[cfg(feature = "full")]
            ("Wajong-ers", Some(Subgroup::Wajong)),
            #[cfg(feature = "full")]
            ("Wsw-geïndiceerden", Some(Subgroup::Wsw)),
            #[cfg(feature = "full")]
            ("Participatiewet-ers", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            ("Wsw totaal", Some(Subgroup::Wsw)),
            // Found by a probe: the new group of 2015 named as such, all of it.
            #[cfg(feature = "full")]
            ("Participatiewet (nieuw)", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            ("Participatiewet nieuw", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            ("P-wet (nieuw)", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            ("Participatiewetters", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            (
                "Participatiewet overig en praktijkroute",
                Some(Subgroup::Participatiewet),
            ),
            #[cfg(feature = "full")]
            ("Wajong (1)", Some(Subgroup::Wajong)),
            #[cfg(feature = "full")]
            ("Wajong¹", Some(Subgroup::Wajong)),
            #[cfg(feature = "full")]
            ("W.S.W.", Some(Subgroup::Wsw)),
            #[cfg(feature = "full")]
            ("P.W.", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            ("Wajong-groep", Some(Subgroup::Wajong)),
            #[cfg(feature = "full")]
            ("Participatiewetgroep", Some(Subgroup::Participatiewet)),
            #[cfg(feature = "full")]
            (
                "Praktijkroute Participatiewet",
                Some(Subgroup::Praktijkroute),
            ),
            #[cfg(feature = "full")]
            (
                "Participatiewet, waarvan praktijkroute",
                Some(Subgroup::Praktijkroute),
            ),
            ("W.A.", None),
            ("Wsw-wachtlijst", None),
            ("Wsw (wachtlijst)", None),
            ("2015 vso/pro", None),
            ("12", None),
            ("Sheltered employment (WSW)", Some(Subgroup::Wsw)),
            ("Participation Act", Some(Subgroup::Participatiewet)),
            ("waarvan vso/pro", None),
            ("vso/pro", None),
            ("Wiw/ID", None),
        ] {
            assert_eq!(Subgroup::from_label(s), g, "{s}");
        }
    }
}
