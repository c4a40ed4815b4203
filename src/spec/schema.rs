//! The key schema: every view's keys declared once, with their kind (allowed values), default,
//! the other key they depend on and their labels in both languages. The parser checks a
//! description against it ([`check`]), the completed description is written from it
//! ([`super::ViewSpec::query`]), the catalogue builds the page's pickers from it and the CLI prints
//! it as help ([`help`]).

use super::{Role, Subgroup};
use crate::format::Lang;

/// What values a key takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyKind {
    /// One of a fixed list: `(value, Dutch label, English label)`.
    Choice(&'static [(&'static str, &'static str, &'static str)]),
    /// One of these subgroups of the register (those the data has are offered).
    Subgroup(&'static [Subgroup]),
    /// A period of the data (a year, quarter, month or date, as in the file or normalised).
    Period,
    /// A number in `min..=max`.
    Number { min: f64, max: f64 },
    /// A column of the table with one of these roles (any column when empty).
    Column(&'static [Role]),
    /// Free text (titles, highlighted names, filters).
    Text,
    /// On or off: `1`/`0`.
    Flag,
    /// A region of the data, found by a part of its name ("zwolle", "den haag").
    Region,
    /// Two to six regions, separated by commas, each found as [`KeyKind::Region`].
    Regions,
}

/// One key of a view description.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyDef {
    pub key: &'static str,
    pub kind: KeyKind,
    /// The value used when the key is absent (`None`: derived from the data, or not set).
    pub default: Option<&'static str>,
    /// The key applies only when another key has one of these values (its default counts).
    pub when: Option<(&'static str, &'static [&'static str])>,
    pub label_nl: &'static str,
    pub label_en: &'static str,
}

impl KeyDef {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.label_nl,
            Lang::En => self.label_en,
        }
    }
    /// The label of one of the key's fixed values, or the value itself.
    pub fn value_label(&self, value: &str, lang: Lang) -> String {
        match self.kind {
            KeyKind::Choice(cs) => cs
                .iter()
                .find(|c| c.0 == value)
                .map(|c| if lang == Lang::En { c.2 } else { c.1 }.to_string())
                .unwrap_or_else(|| value.to_string()),
            KeyKind::Subgroup(_) => Subgroup::parse(value)
                .map(|g| g.label_in(lang).to_string())
                .unwrap_or_else(|| value.to_string()),
            _ => value.to_string(),
        }
    }
}

/// One view: its name in the description, its labels and its own keys (the common keys come on top).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewDef {
    pub view: &'static str,
    pub label_nl: &'static str,
    pub label_en: &'static str,
    /// Needs the regional shape (region, period, counts); otherwise a tidy view.
    pub regional: bool,
    pub keys: &'static [KeyDef],
}

impl ViewDef {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.label_nl,
            Lang::En => self.label_en,
        }
    }
    pub fn key(&self, key: &str) -> Option<&'static KeyDef> {
        self.keys.iter().find(|k| k.key == key)
    }
}

const fn key(
    key: &'static str,
    kind: KeyKind,
    default: Option<&'static str>,
    label_nl: &'static str,
    label_en: &'static str,
) -> KeyDef {
    KeyDef {
        key,
        kind,
        default,
        when: None,
        label_nl,
        label_en,
    }
}

const fn when(mut k: KeyDef, on: &'static str, values: &'static [&'static str]) -> KeyDef {
    k.when = Some((on, values));
    k
}

const MAIN4: &[Subgroup] = &[
    Subgroup::Total,
    Subgroup::Wajong,
    Subgroup::Wsw,
    Subgroup::Participatiewet,
];
const ALL_SUBGROUPS: &[Subgroup] = &Subgroup::ALL;
const VALUES: &[Role] = &[
    Role::Percent,
    Role::Value,
    Role::Count,
    Role::N,
    Role::OddsRatio,
];
const GROUPS: &[Role] = &[Role::Category, Role::Time];

/// The subgroup of a view of the four main groups (scatterplot, convergence).
const SUBGROUP_MAIN: KeyDef = key(
    "subgroup",
    KeyKind::Subgroup(MAIN4),
    Some("total"),
    "Deelgroep",
    "Subgroup",
);
const FROM: KeyDef = key("from", KeyKind::Period, None, "Van", "From");
const TO: KeyDef = key("to", KeyKind::Period, None, "Tot en met", "To");
const K: KeyDef = key(
    "k",
    KeyKind::Number { min: 0.0, max: 5.0 },
    Some("1"),
    "Drempel uitschieters (k × sd)",
    "Outlier threshold (k × sd)",
);
const FACET: KeyDef = key(
    "facet",
    KeyKind::Column(GROUPS),
    None,
    "Kleine veelvouden per",
    "Small multiples by",
);
const FILTER: KeyDef = key(
    "filter",
    KeyKind::Text,
    None,
    "Alleen rijen met",
    "Only rows with",
);
const PER: KeyDef = key(
    "per",
    KeyKind::Column(&[Role::Count, Role::N]),
    None,
    "Per 100 van (verhouding van sommen)",
    "Per 100 of (ratio of sums)",
);
const AGG: KeyDef = key(
    "agg",
    KeyKind::Choice(&[
        ("sum", "Optellen", "Sum"),
        ("mean", "Ongewogen gemiddelde", "Unweighted mean"),
    ]),
    None,
    "Samenvoegen",
    "Combine rows",
);
const N_WEIGHT: KeyDef = key(
    "n",
    KeyKind::Column(&[Role::N, Role::Count]),
    None,
    "Aantal personen (weegt percentages)",
    "Number of persons (weights percentages)",
);
const TITLE: KeyDef = key("title", KeyKind::Text, None, "Titel", "Title");
const SUBTITLE: KeyDef = key("subtitle", KeyKind::Text, None, "Ondertitel", "Subtitle");
const YLABEL: KeyDef = key(
    "ylabel",
    KeyKind::Text,
    None,
    "Label waarde-as",
    "Value axis label",
);
/// Differences from national (the default, left out of the completed description) or levels.
const SCALE: KeyDef = key(
    "scale",
    KeyKind::Choice(&[
        (
            "relative",
            "Verschil met landelijk",
            "Difference from national",
        ),
        ("absolute", "Niveau", "Level"),
    ]),
    None,
    "Schaal",
    "Scale",
);
const MAP_MEASURE: &[(&str, &str, &str)] = &[
    ("growth", "Groei werkenden", "Growth of working persons"),
    ("share", "Aandeel werkenden", "Share working"),
    (
        "register_share",
        "Aandeel in het register",
        "Share of the register",
    ),
    (
        "residual",
        "Afwijking van de trend (spreidingsdiagram)",
        "Distance from the trend (scatterplot)",
    ),
];
const MEASURE_RANK: &[(&str, &str, &str)] = &[
    ("growth", "Groei werkenden", "Growth of working persons"),
    ("share", "Aandeel werkenden", "Share working"),
    (
        "register_share",
        "Aandeel in het register",
        "Share of the register",
    ),
];

/// Keys every view understands.
pub const COMMON: &[KeyDef] = &[
    key("view", KeyKind::Text, None, "Weergave", "View"),
    K,
    key(
        "region",
        KeyKind::Region,
        None,
        "Regio uitlichten",
        "Highlight region",
    ),
    key(
        "lang",
        KeyKind::Choice(&[("nl", "Nederlands", "Dutch"), ("en", "Engels", "English")]),
        Some("nl"),
        "Taal",
        "Language",
    ),
    key(
        "embed",
        KeyKind::Flag,
        None,
        "Alleen de figuur",
        "Chart only",
    ),
    key("roles", KeyKind::Text, None, "Kolomrollen", "Column roles"),
    WIDTH,
];

/// The width a chart is laid out for, in CSS pixels: the page asks for its figure's width (never
/// written into a link: the same view on another screen gets that screen's width). A width
/// outside the range is taken as its nearest end.
pub const WIDTH: KeyDef = key(
    "width",
    KeyKind::Number {
        min: 280.0,
        max: 2000.0,
    },
    Some("820"),
    "Breedte van de figuur (px)",
    "Width of the chart (px)",
);

/// Every view, in the order the page offers them.
pub const VIEWS: &[ViewDef] = &[
    ViewDef {
        view: "scatter",
        label_nl: "Spreidingsdiagram: aandeel en groei",
        label_en: "Scatterplot: share and growth",
        regional: true,
        keys: &[
            SUBGROUP_MAIN,
            FROM,
            TO,
            key(
                "x",
                KeyKind::Choice(&[
                    ("share", "Aandeel werkenden", "Share working"),
                    (
                        "register_share",
                        "Aandeel in het register",
                        "Share of the register",
                    ),
                ]),
                Some("share"),
                "Horizontale as",
                "Horizontal axis",
            ),
        ],
    },
    ViewDef {
        view: "ranking",
        label_nl: "Rangorde per regio",
        label_en: "Regions ranked",
        regional: true,
        keys: &[
            key(
                "measure",
                KeyKind::Choice(MEASURE_RANK),
                Some("growth"),
                "Maat",
                "Measure",
            ),
            key(
                "subgroup",
                KeyKind::Subgroup(ALL_SUBGROUPS),
                Some("total"),
                "Deelgroep",
                "Subgroup",
            ),
            when(FROM, "measure", &["growth"]),
            when(TO, "measure", &["growth"]),
            when(
                key("year", KeyKind::Period, None, "Jaar", "Year"),
                "measure",
                &["share", "register_share"],
            ),
            SCALE,
        ],
    },
    ViewDef {
        view: "decomposition",
        label_nl: "Groei Participatiewet naar route",
        label_en: "Participatiewet growth by route",
        regional: true,
        keys: &[
            key(
                "subgroup",
                KeyKind::Subgroup(&[Subgroup::Participatiewet]),
                Some("participatiewet"),
                "Deelgroep",
                "Subgroup",
            ),
            FROM,
            TO,
        ],
    },
    ViewDef {
        view: "trend",
        label_nl: "Ontwikkeling landelijk",
        label_en: "National trend",
        regional: true,
        keys: &[
            key(
                "measure",
                KeyKind::Choice(&[
                    ("workers", "Werkzame personen", "Working persons"),
                    (
                        "register",
                        "Personen in het register",
                        "Persons in the register",
                    ),
                ]),
                Some("workers"),
                "Maat",
                "Measure",
            ),
            FROM,
            TO,
        ],
    },
    ViewDef {
        view: "convergence",
        label_nl: "Convergentie tussen regio's",
        label_en: "Convergence between regions",
        regional: true,
        keys: &[SUBGROUP_MAIN, FROM, TO],
    },
    ViewDef {
        view: "basics",
        label_nl: "Basismaten per regio (tabel)",
        label_en: "Basic measures per region (table)",
        regional: true,
        keys: &[FROM, TO],
    },
    ViewDef {
        view: "report",
        label_nl: "Rapport: alle figuren en tabellen",
        label_en: "Report: all figures and tables",
        regional: true,
        keys: &[FROM, TO],
    },
    ViewDef {
        view: "map",
        label_nl: "Kaart van de arbeidsmarktregio's",
        label_en: "Map of the labour-market regions",
        regional: true,
        keys: &[
            key(
                "measure",
                KeyKind::Choice(MAP_MEASURE),
                Some("growth"),
                "Maat",
                "Measure",
            ),
            key(
                "subgroup",
                KeyKind::Subgroup(ALL_SUBGROUPS),
                Some("total"),
                "Deelgroep",
                "Subgroup",
            ),
            when(FROM, "measure", &["growth", "residual"]),
            when(TO, "measure", &["growth", "residual"]),
            when(
                key("year", KeyKind::Period, None, "Jaar", "Year"),
                "measure",
                &["share", "register_share"],
            ),
            when(
                key(
                    "x",
                    KeyKind::Choice(&[
                        ("share", "Aandeel werkenden", "Share working"),
                        (
                            "register_share",
                            "Aandeel in het register",
                            "Share of the register",
                        ),
                    ]),
                    Some("share"),
                    "Horizontale as van het spreidingsdiagram",
                    "Horizontal axis of the scatterplot",
                ),
                "measure",
                &["residual"],
            ),
            when(SCALE, "measure", &["growth", "share", "register_share"]),
            key(
                "edition",
                KeyKind::Number {
                    min: 2014.0,
                    max: 2025.0,
                },
                None,
                "Indeling van het jaar",
                "Division of the year",
            ),
        ],
    },
    ViewDef {
        view: "profile",
        label_nl: "Profiel van een regio",
        label_en: "Profile of a region",
        regional: true,
        keys: &[key(
            "subgroup",
            KeyKind::Subgroup(MAIN4),
            Some("total"),
            "Deelgroep (rang en spreidingsdiagram)",
            "Subgroup (rank and scatterplot)",
        )],
    },
    ViewDef {
        view: "compare",
        label_nl: "Regio's naast elkaar",
        label_en: "Regions side by side",
        regional: true,
        keys: &[
            key(
                "regions",
                KeyKind::Regions,
                None,
                "Regio's (2 tot 6)",
                "Regions (2 to 6)",
            ),
            key(
                "measure",
                KeyKind::Choice(&[
                    ("share", "Aandeel werkenden", "Share working"),
                    (
                        "growth",
                        "Groei werkenden sinds de eerste periode",
                        "Growth of working persons since the first period",
                    ),
                    (
                        "register_share",
                        "Aandeel in het register",
                        "Share of the register",
                    ),
                    ("workers", "Aantal werkenden", "Number of working persons"),
                    (
                        "register",
                        "Aantal personen in het register",
                        "Persons in the register",
                    ),
                ]),
                Some("share"),
                "Maat",
                "Measure",
            ),
            key(
                "subgroup",
                KeyKind::Subgroup(ALL_SUBGROUPS),
                Some("total"),
                "Deelgroep",
                "Subgroup",
            ),
            SCALE,
            key(
                "mark",
                KeyKind::Choice(&[
                    ("lines", "Lijnen", "Lines"),
                    ("bars", "Gegroepeerde staven", "Grouped bars"),
                ]),
                Some("lines"),
                "Vorm",
                "Mark",
            ),
        ],
    },
    ViewDef {
        view: "line",
        label_nl: "Lijnen over de tijd",
        label_en: "Lines over time",
        regional: false,
        keys: &[
            key(
                "x",
                KeyKind::Column(&[Role::Time]),
                None,
                "Tijd (horizontaal)",
                "Time (horizontal)",
            ),
            key("y", KeyKind::Column(VALUES), None, "Waarde", "Value"),
            key(
                "series",
                KeyKind::Column(&[Role::Category]),
                None,
                "Een lijn per",
                "One line per",
            ),
            FACET,
            FILTER,
            PER,
            AGG,
            N_WEIGHT,
            key(
                "index",
                KeyKind::Flag,
                Some("0"),
                "Index (eerste periode = 100)",
                "Index (first period = 100)",
            ),
            key(
                "highlight",
                KeyKind::Text,
                None,
                "Lijn uitlichten",
                "Highlight line",
            ),
            TITLE,
            SUBTITLE,
            YLABEL,
        ],
    },
    ViewDef {
        view: "bars",
        label_nl: "Staven (gesorteerd of gegroepeerd)",
        label_en: "Bars (sorted or grouped)",
        regional: false,
        keys: &[
            key("x", KeyKind::Column(GROUPS), None, "Categorie", "Category"),
            key("y", KeyKind::Column(VALUES), None, "Waarde", "Value"),
            key(
                "series",
                KeyKind::Column(GROUPS),
                None,
                "Gegroepeerd per",
                "Grouped by",
            ),
            FACET,
            FILTER,
            PER,
            AGG,
            key(
                "ref",
                KeyKind::Text,
                None,
                "Referentielijn (getal of categorie)",
                "Reference line (number or category)",
            ),
            key(
                "highlight",
                KeyKind::Text,
                None,
                "Categorie uitlichten",
                "Highlight category",
            ),
            key(
                "sort",
                KeyKind::Choice(&[
                    ("desc", "Hoog naar laag", "High to low"),
                    ("asc", "Laag naar hoog", "Low to high"),
                    ("none", "Als in het bestand", "As in the file"),
                ]),
                None,
                "Volgorde",
                "Order",
            ),
            key(
                "n",
                KeyKind::Column(&[Role::N, Role::Count]),
                None,
                "Aantal personen",
                "Number of persons",
            ),
            TITLE,
            SUBTITLE,
            YLABEL,
        ],
    },
    ViewDef {
        view: "stacked",
        label_nl: "Verdeling (100%-staven)",
        label_en: "Distribution (100% bars)",
        regional: false,
        keys: &[
            key(
                "x",
                KeyKind::Column(GROUPS),
                None,
                "Een staaf per",
                "One bar per",
            ),
            key(
                "y",
                KeyKind::Column(VALUES),
                None,
                "Aandeel of aantal",
                "Share or count",
            ),
            // (A period is no part of a whole: stands do not add up over time.)
            key(
                "series",
                KeyKind::Column(&[Role::Category]),
                None,
                "Verdeeld naar",
                "Split by",
            ),
            FACET,
            FILTER,
            PER,
            AGG,
            N_WEIGHT,
            TITLE,
            SUBTITLE,
            YLABEL,
        ],
    },
    ViewDef {
        view: "area",
        label_nl: "Verdeling over de tijd (vlakken)",
        label_en: "Distribution over time (areas)",
        regional: false,
        keys: &[
            key(
                "x",
                KeyKind::Column(&[Role::Time]),
                None,
                "Tijd of volgorde",
                "Time or order",
            ),
            key(
                "y",
                KeyKind::Column(VALUES),
                None,
                "Aandeel of aantal",
                "Share or count",
            ),
            key(
                "series",
                KeyKind::Column(&[Role::Category]),
                None,
                "Verdeeld naar",
                "Split by",
            ),
            FACET,
            FILTER,
            PER,
            AGG,
            key(
                "n",
                KeyKind::Column(&[Role::N, Role::Count]),
                None,
                "Aantal personen",
                "Number of persons",
            ),
            key(
                "min_n",
                KeyKind::Number {
                    min: 0.0,
                    max: f64::MAX,
                },
                Some("100"),
                "Markeer bij minder personen dan",
                "Mark below this many persons",
            ),
            TITLE,
            SUBTITLE,
            YLABEL,
        ],
    },
    ViewDef {
        view: "forest",
        label_nl: "Odds ratio's (forest plot)",
        label_en: "Odds ratios (forest plot)",
        regional: false,
        keys: &[
            key("y", KeyKind::Column(VALUES), None, "Schatting", "Estimate"),
            key(
                "series",
                KeyKind::Column(&[Role::Category]),
                None,
                "Een kleur per model",
                "One colour per model",
            ),
            FACET,
            FILTER,
            key(
                "dimension",
                KeyKind::Column(&[Role::Category]),
                None,
                "Kenmerk",
                "Characteristic",
            ),
            key(
                "term",
                KeyKind::Column(&[Role::Category]),
                None,
                "Categorie",
                "Category",
            ),
            key(
                "reference",
                KeyKind::Column(&[Role::Reference, Role::Category]),
                None,
                "Referentiecategorie",
                "Reference category",
            ),
            key(
                "significance",
                KeyKind::Column(&[Role::Significance]),
                None,
                "Significantie",
                "Significance",
            ),
            TITLE,
            SUBTITLE,
            YLABEL,
        ],
    },
];

/// The definition of a view by its name in the description.
pub fn view(name: &str) -> Option<&'static ViewDef> {
    VIEWS.iter().find(|v| v.view == name)
}

/// The names of all views, for messages.
pub fn view_names() -> Vec<&'static str> {
    VIEWS.iter().map(|v| v.view).collect()
}

/// The CLI's help on view descriptions: every view with its keys, their values and defaults.
pub fn help(lang: Lang) -> String {
    let mut out = String::new();
    let describe = |k: &KeyDef| -> String {
        let values = match k.kind {
            KeyKind::Choice(cs) => cs.iter().map(|c| c.0).collect::<Vec<_>>().join("|"),
            KeyKind::Subgroup(gs) => gs.iter().map(|g| g.key()).collect::<Vec<_>>().join("|"),
            KeyKind::Period => match lang {
                Lang::Nl => "periode (2015, 2019K4, 2019M04)".into(),
                Lang::En => "period (2015, 2019Q4, 2019M04)".into(),
            },
            KeyKind::Number { .. } => match lang {
                Lang::Nl => "getal".into(),
                Lang::En => "number".into(),
            },
            KeyKind::Column(_) => match lang {
                Lang::Nl => "kolom".into(),
                Lang::En => "column".into(),
            },
            KeyKind::Text => match lang {
                Lang::Nl => "tekst".into(),
                Lang::En => "text".into(),
            },
            KeyKind::Flag => "0|1".into(),
            KeyKind::Region => match lang {
                Lang::Nl => "regio, ook een deel van de naam".into(),
                Lang::En => "region, or part of its name".into(),
            },
            KeyKind::Regions => match lang {
                Lang::Nl => "regio's met komma's ertussen".into(),
                Lang::En => "regions separated by commas".into(),
            },
        };
        let mut s = format!("    {:<13} {} ({values}", k.key, k.label(lang));
        if let Some(d) = k.default {
            s.push_str(&format!(
                "; {} {d}",
                if lang == Lang::En {
                    "default"
                } else {
                    "standaard"
                }
            ));
        }
        if let Some((on, vs)) = k.when {
            s.push_str(&format!(
                "; {} {on}={}",
                if lang == Lang::En {
                    "only with"
                } else {
                    "alleen bij"
                },
                vs.join("|")
            ));
        }
        s.push(')');
        s
    };
    out.push_str(match lang {
        Lang::Nl => "Sleutels voor elke weergave:\n",
        Lang::En => "Keys of every view:\n",
    });
    for k in COMMON.iter().filter(|k| k.key != "view") {
        out.push_str(&describe(k));
        out.push('\n');
    }
    for v in VIEWS {
        out.push_str(&format!("  view={}: {}\n", v.view, v.label(lang)));
        for k in v.keys {
            out.push_str(&describe(k));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_declared_once_per_view_and_dependencies_exist() {
        for v in VIEWS {
            for (i, k) in v.keys.iter().enumerate() {
                assert!(
                    !v.keys[..i].iter().any(|o| o.key == k.key),
                    "{}: {} twice",
                    v.view,
                    k.key
                );
                assert!(
                    !COMMON.iter().any(|c| c.key == k.key),
                    "{}: {} is common",
                    v.view,
                    k.key
                );
                if let Some((on, _)) = k.when {
                    assert!(v.key(on).is_some(), "{}: {} depends on {on}", v.view, k.key);
                }
            }
        }
    }

    #[test]
    fn help_lists_every_view_and_key() {
        let h = help(Lang::Nl);
        for v in VIEWS {
            assert!(h.contains(&format!("view={}", v.view)));
        }
        assert!(h.contains("register_share"));
        assert!(help(Lang::En).contains("only with measure=share|register_share"));
    }
}
