//! View data: the numbers each view shows, as plain serialisable types shared by the compute layer
//! (which fills them) and the chart layer (which draws them). Also the plain table of a view's
//! numbers, outlier classes and column roles. Depends only on the grammar ([`crate::spec`]).

pub mod places;
pub mod regional;
pub mod tidy;

use crate::spec::{Role, RoleGroup, TimeKind};
use serde::Serialize;

/// Outlier class of one value against a threshold of k standard deviations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlier {
    Up,
    UpStrong,
    Down,
    DownStrong,
}

impl Outlier {
    pub fn as_str(self) -> &'static str {
        match self {
            Outlier::Up => "up",
            Outlier::UpStrong => "up_strong",
            Outlier::Down => "down",
            Outlier::DownStrong => "down_strong",
        }
    }
    pub fn is_up(self) -> bool {
        matches!(self, Outlier::Up | Outlier::UpStrong)
    }
    pub fn is_strong(self) -> bool {
        matches!(self, Outlier::UpStrong | Outlier::DownStrong)
    }
    /// The Dutch marker the report prints beside a region: `+`, `++`, `-`, `--`.
    pub fn marker(self) -> &'static str {
        match self {
            Outlier::Up => "+",
            Outlier::UpStrong => "++",
            Outlier::Down => "-",
            Outlier::DownStrong => "--",
        }
    }
}

/// The numbers of a view as a plain table (the page's "Tabel" toggle and CSV export).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
    /// Rows whose numbers are written with two decimals where the others have the published
    /// one (Table 7's correlations, r = 0,79): by index in `rows`.
    #[serde(skip)]
    pub precise_rows: Vec<usize>,
}

/// The role of one column, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnRole {
    pub column: String,
    pub role: Role,
    pub group: RoleGroup,
    /// Dutch name of the role.
    pub label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_kind: Option<TimeKind>,
    /// For a share: the category column over which it sums to 100 within each group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution_over: Option<String>,
    /// Distinct non-missing values.
    pub distinct: usize,
    /// Missing or suppressed cells.
    pub missing: usize,
    /// Why this role, in Dutch.
    pub reason: String,
    /// Set by the user in `roles=`.
    pub overridden: bool,
}

/// The roles of all columns of a table, in column order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roles {
    pub columns: Vec<ColumnRole>,
}
