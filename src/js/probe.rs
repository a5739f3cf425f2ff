//! The benchmark's probe (scripts/build-probe.sh, `--cfg tango_probe_no_rules`): what rules.rs
//! offers, applying no rule. Every export still reads its input and options and writes its
//! report, so that bench/ can tell what validation costs before any rule, in bytes and in time.
//! Never compiled into a module that ships.

use super::convert::to_js;
use crate::validate::{BulkReport, Json, Report, ValidateOptions};
use wasm_bindgen::JsValue;

/// No rules: every input is valid.
pub(super) const VALIDATORS: [super::rules::Validator; 7] = [|_, _| Report::from(Vec::new()); 7];

/// Nothing is normalized.
pub(super) fn normalized_if_changed<'a>(_: &Json<'a>) -> Option<Json<'a>> {
    None
}

/// The order as it came.
pub(super) fn normalized(order: &Json<'_>) -> Result<JsValue, crate::error::Error> {
    to_js(order)
}

/// Every row valid.
pub(super) fn validate_create_orders(
    _: &[Json<'_>],
    _: &ValidateOptions,
) -> Result<BulkReport, Report> {
    Ok(BulkReport::default())
}
