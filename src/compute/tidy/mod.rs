//! Tidy tables: any table with one row per observation, some category or period columns and one
//! or more numeric columns (register counts per subgroup per year, distributions per subgroup,
//! odds ratios, shares by months since a start). Owns column roles ([`roles`]), the view
//! encodings of the tidy views (one module per view, filling [`crate::data::tidy`]) and the
//! default view of a table ([`natural`]).

pub mod aggregate;
pub mod area;
pub mod bars;
#[cfg(feature = "full")]
pub mod crosstab;
pub mod forest;
pub mod frame;
pub mod line;
pub mod melt;
pub mod natural;
pub mod roles;
pub mod stacked;
pub mod totals;

pub use crate::data::Roles;
pub use crate::spec::Role;
pub use natural::{natural_view, natural_view_from};
