//! Banenverkenner: the core of the explorer for data on the Dutch *banenafspraak*.
//!
//! Data flows one way: file bytes -> [`table::Table`] -> [`regional::RegionalData`] (derived
//! measures in [`regional::measures`]) -> view data ([`view`]) -> chart ([`chart`], SVG).
//! Every stage is a plain function; only [`web`] touches JavaScript (and [`case`], for non-ASCII
//! case mapping in the browser), and nothing touches the DOM.
// The first core leaves out what only the full core uses; what is left unused is not an error.
#![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

pub mod case;
pub mod chart;
pub mod compute;
pub mod data;
pub mod decimal;
pub mod error;
pub mod export;
pub mod format;
pub mod geo;
pub mod render;
pub mod sort;
pub mod spec;
pub mod table;
/// The page's warm-up file (see the module): the full core only.
#[cfg(feature = "full")]
pub mod warm;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Error, Location};

// The sample tables are in the full build only: the page's first core (without the `full`
// feature) lists the gallery but leaves opening an example to the full core.
#[cfg(feature = "full")]
macro_rules! sample {
    ($file:literal) => {
        include_bytes!(concat!("../data/samples/", $file))
    };
}
#[cfg(not(feature = "full"))]
macro_rules! sample {
    ($file:literal) => {
        &[]
    };
}

/// The embedded default dataset: the published regional data 2015-2017.
pub const DEFAULT_DATA: &[u8] = include_bytes!("../data/regions.csv");
/// The file name shown for the embedded dataset.
pub const DEFAULT_DATA_NAME: &str = "regions.csv";

/// A bundled example table for the gallery: a small published table of one of the kinds the
/// explorer charts besides the regional data (see `data/samples/README.md`).
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Example {
    /// Dutch name shown in the gallery.
    pub name: &'static str,
    /// File name, as the dataset's source.
    pub file: &'static str,
    #[serde(skip)]
    pub bytes: &'static [u8],
    /// Dutch source line, written under the chart.
    pub source: &'static str,
    /// One line of explanation for the gallery.
    pub explanation: &'static str,
    /// The view the table opens on (its natural chart, with what the data cannot say itself,
    /// such as the 35 % reference line).
    pub view: &'static str,
    /// Dutch chart title for that view.
    pub title: &'static str,
}

impl Example {
    /// The full view description: `view` plus the percent-encoded title.
    pub fn view_description(&self) -> String {
        format!("{}&title={}", self.view, spec::percent_encode(self.title))
    }

    pub fn find(file: &str) -> Option<&'static Example> {
        EXAMPLES.iter().find(|e| e.file == file)
    }

    /// The gallery's English name, explanation and chart title (the full core only: the page's
    /// first core lists the gallery in Dutch, and an English page asks the full core).
    #[cfg(feature = "full")]
    pub fn english(&self) -> Option<(&'static str, &'static str, &'static str)> {
        Some(match self.file {
            "register_by_subgroup_2017_2019.csv" => (
                "Target group register by subgroup",
                "Number of persons in the target group register per subgroup, end of 2017 to end of 2019: a line per subgroup.",
                "Persons in the target group register by subgroup, end of 2017-2019",
            ),
            "hours_per_week_by_subgroup_2019.csv" => (
                "Hours worked per week",
                "Distribution of the hours worked per week per subgroup (each group together 100 %): stacked bars.",
                "Hours worked per week by subgroup, December 2019",
            ),
            "odds_ratios_job_finding_2019.csv" => (
                "Chance of work: odds ratios",
                "Odds ratios of finding a job in 2019 per characteristic, per subgroup, against a reference category: a forest plot on a logarithmic scale.",
                "Chance of finding work in 2019 by characteristic and subgroup",
            ),
            "jobcoach_states_by_month.csv" => (
                "Job coaching: position per month",
                "Share without work, working with or without a job coach, and on a work trial, per month since the start of job coaching, with the number of persons per month.",
                "Labour market position by months since the start of job coaching",
            ),
            "not_working_by_grondslag_2019_2021.csv" => (
                "36 months without work, by registration ground",
                "Share that did not work at all in 36 months, per ground of registration (grondslag), with the average (35 %) as a reference line.",
                "Share that did not work for 36 months, by ground of registration, 2019-2021",
            ),
            _ => return None,
        })
    }
}

/// The five sample tables, in gallery order (the regional data is [`DEFAULT_DATA`]).
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "Doelgroepregister per subdoelgroep",
        file: "register_by_subgroup_2017_2019.csv",
        bytes: sample!("register_by_subgroup_2017_2019.csv"),
        source: "Bron: UWV, doelgroepregister banenafspraak, eind 2017-2019 (gepubliceerde cijfers; bewerking Banenverkenner)",
        explanation: "Aantal personen in het doelgroepregister per subdoelgroep, eind 2017 tot en met 2019: een lijn per subdoelgroep.",
        view: "view=line&x=year&y=persons&series=subgroup",
        title: "Personen in het doelgroepregister per subdoelgroep, eind 2017-2019",
    },
    Example {
        name: "Gewerkte uren per week",
        file: "hours_per_week_by_subgroup_2019.csv",
        bytes: sample!("hours_per_week_by_subgroup_2019.csv"),
        source: "Bron: gepubliceerde cijfers banenafspraak, december 2019 (bewerking Banenverkenner)",
        explanation: "Verdeling van het aantal gewerkte uren per week per subdoelgroep (elke groep samen 100 %): gestapelde balken.",
        view: "view=stacked&x=subgroup&y=share_pct&series=hours_per_week",
        title: "Gewerkte uren per week naar subdoelgroep, december 2019",
    },
    Example {
        name: "Kans op werk: odds ratio's",
        file: "odds_ratios_job_finding_2019.csv",
        bytes: sample!("odds_ratios_job_finding_2019.csv"),
        source: "Bron: gepubliceerde logistische regressies baanvinden 2019 (** p < 0,05; * p < 0,10; bewerking Banenverkenner)",
        explanation: "Odds ratio's op het vinden van een baan in 2019 per kenmerk, per subdoelgroep, tegen een referentiecategorie: een forest plot op logaritmische schaal.",
        view: "view=forest&y=odds_ratio&series=model",
        title: "Kans op het vinden van werk in 2019 naar kenmerk en subdoelgroep",
    },
    Example {
        name: "Jobcoaching: positie per maand",
        file: "jobcoach_states_by_month.csv",
        bytes: sample!("jobcoach_states_by_month.csv"),
        source: "Bron: gepubliceerde cijfers jobcoaching Wajong en WGA (bewerking Banenverkenner)",
        explanation: "Aandeel zonder werk, met of zonder jobcoach en op proefplaatsing, per maand sinds de start van jobcoaching, met het aantal personen per maand.",
        view: "view=area&x=months_since_start&y=share_pct&series=state&facet=group",
        title: "Arbeidsmarktpositie naar maanden sinds de start van jobcoaching",
    },
    Example {
        name: "36 maanden niet gewerkt, per grondslag",
        file: "not_working_by_grondslag_2019_2021.csv",
        bytes: sample!("not_working_by_grondslag_2019_2021.csv"),
        source: "Bron: gepubliceerde cijfers banenafspraak, cohort 2019-2021 (bewerking Banenverkenner)",
        explanation: "Aandeel dat in 36 maanden helemaal niet werkte, per grondslag van de registratie, met het gemiddelde (35 %) als referentielijn.",
        view: "view=bars&x=grondslag&y=share_pct&ref=35",
        title: "Aandeel dat 36 maanden niet werkte, naar grondslag, 2019-2021",
    },
];
