//! Typed errors for everything a user can get wrong: each carries a Dutch message a person can act
//! on and, where it applies, the location (file, row, column) in the user's file.

use serde::Serialize;
use std::fmt;

/// Where in the user's file something went wrong. Rows are 1-based line numbers in the file as a
/// spreadsheet shows them (the header is row 1 for a plain CSV).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Location {
    pub file: String,
    /// (Four bytes: an `Error` holding a `Location` stays small in every `Result`.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What a row is called in this file when it is not a spreadsheet row: `record` (JSON),
    /// `regel` (a line of text). `None` reads as `rij`.
    #[serde(skip_serializing_if = "Option::is_none")]
    /// (Boxed text: an `Error` holding a `Location` stays small in every `Result`.)
    pub row_unit: Option<Box<str>>,
    /// The worksheet of the row, when the table stacks several worksheets (the row is then
    /// counted in that sheet).
    #[cfg(feature = "full")]
    #[serde(skip_serializing_if = "Option::is_none")]
    /// (A thin box, as `message_en`'s.)
    pub sheet: Option<Box<String>>,
}

impl Location {
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_string(),
            row: None,
            column: None,
            row_unit: None,
            #[cfg(feature = "full")]
            sheet: None,
        }
    }
    pub fn row(mut self, row: usize) -> Self {
        self.row = Some(u32::try_from(row).unwrap_or(u32::MAX));
        self
    }
    pub fn column(mut self, column: &str) -> Self {
        self.column = Some(column.to_string());
        self
    }
    pub fn row_unit(mut self, unit: &str) -> Self {
        self.row_unit = Some(unit.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text_in(crate::format::Lang::Nl))
    }
}

impl Location {
    /// "t.csv, rij 4, kolom 'jaar'" in `lang` ("t.csv, row 4, column 'jaar'").
    pub fn text_in(&self, lang: crate::format::Lang) -> String {
        let en = lang == crate::format::Lang::En;
        let mut out = self.file.clone();
        #[cfg(feature = "full")]
        if let Some(s) = &self.sheet {
            out.push_str(&format!(
                ", {} '{s}'",
                if en { "worksheet" } else { "werkblad" }
            ));
        }
        if let Some(r) = self.row {
            let unit = match (self.row_unit.as_deref(), en) {
                (None, false) => "rij",
                (None, true) => "row",
                (Some("regel"), true) => "line",
                (Some("geometrie"), true) => "geometry",
                (Some(u), _) => u,
            };
            out.push_str(&format!(", {unit} {r}"));
        }
        if let Some(c) = &self.column {
            out.push_str(&format!(", {} '{c}'", if en { "column" } else { "kolom" }));
        }
        out
    }
}

/// The kinds of failure; `kind` is stable and machine-readable, the message is Dutch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The bytes could not be read as a table (encoding, quoting, empty file, bad workbook).
    Parse,
    /// A column the analysis needs is absent.
    MissingColumn,
    /// A column name is not known where known names are required.
    UnknownColumn,
    /// A cell holds something that does not fit its column (text in a count column).
    BadValue,
    /// The same region and year appear twice.
    Duplicate,
    /// The table has no data rows.
    NoRows,
    /// The view description is not understood.
    View,
    /// The data cannot support the requested view (e.g. a year that is absent).
    NotAvailable,
    /// Writing output failed (CLI only).
    Io,
    /// A map needs the boundaries of an edition that are not loaded yet (in the browser they are
    /// fetched when a map is opened): the location names the file, [`Error::edition`] the
    /// edition; load it (`Explorer.set_boundaries`) and render again.
    NeedsBoundaries,
    /// The page's first core (built without the `full` feature) cannot do this (read a workbook
    /// or JSON, a table view, a map, the report): the page loads the full core and asks again.
    NeedsFullCore,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// The same message in English, when the code that failed wrote one (the loaders and the
    /// regional reader do: a file is read before the page knows its language). Boxed, so an
    /// `Error` stays small in every `Result`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_en: Option<Box<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            message_en: None,
            location: None,
        }
    }
    /// An error with its message in Dutch (`nl`) and English (`en`).
    pub fn new2(kind: ErrorKind, nl: impl Into<String>, en: impl Into<String>) -> Self {
        Error::new(kind, nl).en(en)
    }
    /// The English message of this error.
    pub fn en(mut self, en: impl Into<String>) -> Self {
        self.message_en = Some(Box::new(en.into()));
        self
    }
    /// The message in `lang`: the English one when there is one, else the Dutch one.
    pub fn message_in(&self, lang: crate::format::Lang) -> &str {
        match (&self.message_en, lang) {
            (Some(en), crate::format::Lang::En) => en,
            _ => &self.message,
        }
    }
    /// The boundaries of `edition` are not loaded: the page fetches the file the location names
    /// (`geo/arbeidsmarktregio_YYYY.topojson`), hands it to `Explorer.set_boundaries` and
    /// retries. [`Error::edition`] reads the edition back.
    /// What the page's first core cannot do (see [`ErrorKind::NeedsFullCore`]).
    #[cfg(not(feature = "full"))]
    pub fn needs_full_core(what: &str) -> Self {
        Error::new2(
            ErrorKind::NeedsFullCore,
            format!("Hiervoor is de volledige verkenner nodig ({what}); die wordt geladen."),
            format!("This needs the full explorer ({what}); it is being loaded."),
        )
    }

    pub fn needs_boundaries(edition: i32) -> Self {
        Error::new(
            ErrorKind::NeedsBoundaries,
            format!(
                "De kaart heeft de grenzen van de arbeidsmarktregio's van {edition} nodig (arbeidsmarktregio_{edition}.topojson); die zijn nog niet geladen."
            ),
        )
        .at(Location::file(&format!(
            "geo/arbeidsmarktregio_{edition}.topojson"
        )))
    }
    /// The edition a [`ErrorKind::NeedsBoundaries`] error asks for.
    pub fn edition(&self) -> Option<i32> {
        if self.kind != ErrorKind::NeedsBoundaries {
            return None;
        }
        let file = &self.location.as_ref()?.file;
        file.strip_prefix("geo/arbeidsmarktregio_")?
            .strip_suffix(".topojson")?
            .parse()
            .ok()
    }
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
    pub fn view(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::View, message)
    }
    pub fn not_available(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::NotAvailable, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text_in(crate::format::Lang::Nl))
    }
}

impl Error {
    /// The message followed by its location, both in `lang` ([`Error::message_in`]; a message
    /// written only in the language of the request that failed is given as it is).
    pub fn text_in(&self, lang: crate::format::Lang) -> String {
        let message = self.message_in(lang);
        match &self.location {
            Some(loc) => format!("{message} ({})", loc.text_in(lang)),
            None => message.to_string(),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Why a file could not be read or written, in words of `lang` (the system's own text, English,
/// only for a reason without a Dutch word here): `het bestand of de map bestaat niet`.
pub fn io_reason(e: &std::io::Error, lang: crate::format::Lang) -> String {
    use std::io::ErrorKind as K;
    let (nl, en) = match e.kind() {
        K::NotFound => (
            "het bestand of de map bestaat niet",
            "no such file or directory",
        ),
        K::PermissionDenied => ("geen toegang", "permission denied"),
        K::IsADirectory => (
            "dit is een map, geen bestand",
            "this is a folder, not a file",
        ),
        K::NotADirectory => (
            "een deel van het pad is geen map",
            "part of the path is not a folder",
        ),
        K::AlreadyExists => (
            "er staat al een bestand met die naam",
            "a file of that name exists",
        ),
        K::StorageFull => ("de schijf is vol", "the disk is full"),
        K::ReadOnlyFilesystem => ("de schijf is alleen-lezen", "the disk is read-only"),
        _ => return e.to_string(),
    };
    crate::format::t(lang, nl, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_edition_names_its_file_and_edition() {
        let e = Error::needs_boundaries(2022);
        assert_eq!(e.kind, ErrorKind::NeedsBoundaries);
        assert_eq!(e.edition(), Some(2022));
        assert_eq!(
            e.location.as_ref().map(|l| l.file.as_str()),
            Some("geo/arbeidsmarktregio_2022.topojson")
        );
        assert!(e.message.contains("2022"));
        assert_eq!(Error::view("x").edition(), None);
    }

    #[test]
    fn locations_read_in_either_language() {
        use crate::format::Lang;
        let e = Error::view("x").at(Location::file("t.csv").row(4).column("jaar"));
        assert_eq!(e.to_string(), "x (t.csv, rij 4, kolom 'jaar')");
        assert_eq!(e.text_in(Lang::En), "x (t.csv, row 4, column 'jaar')");
        let l = Location::file("t.json").row(2).row_unit("regel");
        assert_eq!(l.to_string(), "t.json, regel 2");
        assert_eq!(l.text_in(Lang::En), "t.json, line 2");
    }
}
