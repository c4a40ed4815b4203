//! Tidy tables: any table with one row per observation, some category or period columns and one
//! or more numeric columns (register counts per subgroup per year, distributions per subgroup,
//! odds ratios, shares by months since a start). Owns column roles ([`roles`]), the view
//! descriptions of the tidy views ([`spec`]), their view data (one module per view), the
//! default view of a table ([`natural`]) and the assembly of a rendered view ([`render`]).

pub mod area;
pub mod bars;
pub mod catalog;
pub mod forest;
pub mod frame;
pub mod line;
pub mod natural;
pub mod render;
pub mod roles;
pub mod spec;
pub mod stacked;

pub use natural::natural_view;
pub use roles::{Role, Roles};
