//! A bulk upload's CSV checked before anything is sent: each row read as a create order (the
//! header names each column's wire path, or `options.columns` maps it), then every rule of
//! `validate_create_orders`, and the CSV's own problems (a quote that never closes, a row with
//! the wrong number of fields, a column that is not a field), each reported at its line rather
//! than thrown.

mod cells;
mod check;
mod columns;
mod options;
mod reader;
mod report;

pub use check::{CsvCheck, MAX_CSV_BYTES};
pub use options::{CsvPlan, CsvSettings};
pub use report::{CsvColumn, CsvIssue, CsvReport};

use crate::validate::Report;

/// Checks every row of a CSV of orders (UTF-8, a byte order mark allowed) and returns every
/// problem with its line. `Err` only for settings that are not settings (a `columns` entry that
/// names no field, `defaults` that is not an object): the file's own problems are in the report.
pub fn validate_orders_csv(input: &[u8], settings: &CsvSettings) -> Result<CsvReport, Report> {
    let mut check = CsvCheck::new(input, CsvPlan::from_settings(settings)?);
    while !check.step(usize::MAX) {}
    Ok(check.into_report())
}

/// The rows of a CSV of orders as create-order bodies, as read (numbers and yes/no from their
/// text, the defaults filled in), without checking them: position `i` is the report's `index` `i`.
pub fn orders_from_csv(
    input: &[u8],
    settings: &CsvSettings,
) -> Result<Vec<serde_json::Value>, Report> {
    let check = CsvCheck::new(input, CsvPlan::from_settings(settings)?);
    let orders = check.orders();
    Ok((orders.iter())
        .map(|order| serde_json::to_value(order).unwrap_or_default())
        .collect())
}
