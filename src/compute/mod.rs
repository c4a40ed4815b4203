//! The compute layer: statistics, the regional measures and the tidy encodings, and the view data
//! of each view ([`crate::data`]) computed from a table and a view description. No drawing, no texts
//! beyond notes about the data.

pub mod basics;
pub mod compare;
pub mod convergence;
pub mod decomposition;
pub mod map;
pub mod profile;
pub mod ranking;
pub mod regional;
pub mod scatter;
pub mod stats;
pub mod tidy;
pub mod trend;
