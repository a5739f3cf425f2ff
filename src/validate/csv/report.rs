//! `CsvReport`: `validateOrdersCsv`'s answer, the bulk report with each row's line and column.

use crate::validate::Code;
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// One problem in a CSV of orders: in a row (its `index` and `line`), or in the header or the
/// file as a whole (no `index`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct CsvIssue {
    /// The row's position among the file's orders, from 0 (blank lines and empty rows are not
    /// orders); absent for a problem of the header or of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub index: Option<usize>,
    /// The line the row starts on, from 1 (a quoted field may span lines).
    pub line: usize,
    /// Wire path of the field within the order; empty for the row, the header or the file.
    pub path: String,
    /// The header of the column the field was read from, when it was read from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub column: Option<String>,
    /// What is wrong.
    pub code: Code,
    /// A short sentence for people, without the value.
    pub message: String,
}

/// How one column was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct CsvColumn {
    /// Its header, trimmed.
    pub header: String,
    /// The wire path its cells fill; `null` for a column ignored (`options.columns` maps it to
    /// `null`) or not understood (an issue says so).
    #[cfg_attr(feature = "js", tsify(type = "string | null"))]
    pub path: Option<String>,
}

/// The result of checking a CSV of orders.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CsvReport {
    /// Whether there are no issues at all: every row valid, the header and the file fine.
    pub valid: bool,
    /// The orders (rows) checked: at most 50,000.
    pub row_count: usize,
    /// Rows without issues.
    pub valid_count: usize,
    /// Rows with at least one issue; every row when the first line names no field (none could be
    /// read as an order, and none is reported one by one).
    pub invalid_count: usize,
    /// The columns, in file order, and the field each fills; empty when the first line names no
    /// field at all (it is then most likely a row of data, which the report does not repeat).
    pub columns: Vec<CsvColumn>,
    /// Every problem: the header's and the file's first, then each row's, in row order.
    pub issues: Vec<CsvIssue>,
}
