//! Banenverkenner: the core of the explorer for data on the Dutch *banenafspraak*.
//!
//! Data flows one way: file bytes -> [`table::Table`] -> [`regional::RegionalData`] (derived
//! measures in [`regional::measures`]) -> view data ([`view`]) -> chart ([`chart`], SVG).
//! Every stage is a plain function; only [`web`] touches JavaScript, and it never touches the DOM.

pub mod chart;
pub mod error;
pub mod export;
pub mod format;
pub mod regional;
pub mod stats;
pub mod table;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Error, Location};

/// The embedded default dataset: the published regional data 2015-2017.
pub const DEFAULT_DATA: &[u8] = include_bytes!("../data/regions.csv");
/// The file name shown for the embedded dataset.
pub const DEFAULT_DATA_NAME: &str = "regions.csv";
