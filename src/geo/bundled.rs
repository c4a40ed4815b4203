//! Every edition built into the native binary (the CLI draws maps without network). Not compiled
//! for wasm: the page fetches the one edition it needs when a map is opened.

use super::{file_name, Boundaries};
use crate::error::{Error, Result};

/// The TopoJSON files of `data/geo/`, by edition.
const FILES: &[(i32, &[u8])] = &[
    (
        2014,
        include_bytes!("../../data/geo/arbeidsmarktregio_2014.topojson"),
    ),
    (
        2015,
        include_bytes!("../../data/geo/arbeidsmarktregio_2015.topojson"),
    ),
    (
        2016,
        include_bytes!("../../data/geo/arbeidsmarktregio_2016.topojson"),
    ),
    (
        2017,
        include_bytes!("../../data/geo/arbeidsmarktregio_2017.topojson"),
    ),
    (
        2018,
        include_bytes!("../../data/geo/arbeidsmarktregio_2018.topojson"),
    ),
    (
        2019,
        include_bytes!("../../data/geo/arbeidsmarktregio_2019.topojson"),
    ),
    (
        2020,
        include_bytes!("../../data/geo/arbeidsmarktregio_2020.topojson"),
    ),
    (
        2021,
        include_bytes!("../../data/geo/arbeidsmarktregio_2021.topojson"),
    ),
    (
        2022,
        include_bytes!("../../data/geo/arbeidsmarktregio_2022.topojson"),
    ),
    (
        2023,
        include_bytes!("../../data/geo/arbeidsmarktregio_2023.topojson"),
    ),
    (
        2024,
        include_bytes!("../../data/geo/arbeidsmarktregio_2024.topojson"),
    ),
    (
        2025,
        include_bytes!("../../data/geo/arbeidsmarktregio_2025.topojson"),
    ),
];

/// The raw TopoJSON of an edition, if it is built in.
pub fn bytes(edition: i32) -> Option<&'static [u8]> {
    FILES.iter().find(|(e, _)| *e == edition).map(|(_, b)| *b)
}

/// The decoded boundaries of an edition.
pub fn boundaries(edition: i32) -> Result<Boundaries> {
    let b = bytes(edition).ok_or_else(|| {
        Error::not_available(format!(
            "Er is geen kaart van de arbeidsmarktregio's van {edition} ({}); kies een editie van {} tot en met {}.",
            file_name(edition),
            super::FIRST_EDITION,
            super::LAST_EDITION
        ))
    })?;
    Boundaries::parse(b, edition)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_edition_is_built_in() {
        for e in super::super::editions() {
            assert!(super::bytes(e).is_some_and(|b| !b.is_empty()), "{e}");
        }
        assert!(super::bytes(2013).is_none());
        assert!(super::boundaries(2013).is_err());
    }
}
