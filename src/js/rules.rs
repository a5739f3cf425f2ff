//! The rules the validation exports apply, by kind (validate.rs reads them through this module,
//! so that the benchmark's probe build can put probe.rs, which applies none, in its place).
// In the probe build only the clock is used from here.
#![cfg_attr(tango_probe_no_rules, allow(dead_code))]

use super::convert::to_js;
use crate::validate::{self, BulkReport, Json, Report, ValidateOptions};
use wasm_bindgen::JsValue;

/// Fills in the clock for the "expiration date in the future" rule, unless the caller set it.
/// Asked only where that rule can apply: reading the clock is a call out of the wasm.
pub(super) fn with_clock(options: &mut ValidateOptions) {
    if options.now_ms.is_none() {
        options.now_ms = Some(js_sys::Date::now());
    }
}

/// The options for validating create `order`, with the clock read when it has an expiration date
/// and the caller set no time.
fn clock_if_needed<'a>(
    order: &Json<'_>,
    options: &'a ValidateOptions,
) -> std::borrow::Cow<'a, ValidateOptions> {
    if order.get("expirationDate").is_some() && options.now_ms.is_none() {
        let mut options = options.clone();
        with_clock(&mut options);
        return std::borrow::Cow::Owned(options);
    }
    std::borrow::Cow::Borrowed(options)
}

/// A validator as the exports run it: one plain function each, so that the reading and writing
/// around it (`checked`) is compiled once rather than once per export.
pub(super) type Validator = fn(&Json<'_>, &ValidateOptions) -> Report;

/// The validators by kind: the numbers the exports below and `schema.js` (through
/// `__standardValidate`) name them by.
pub(super) const VALIDATORS: [Validator; 7] = [
    |order, options| validate::validate_create_order(order, &clock_if_needed(order, options)),
    |filter, options| validate::validate_order_filter(filter, options),
    |filter, options| validate::validate_line_item_filter(filter, options),
    |body, options| validate::validate_order_resend(body, options),
    |body, options| validate::validate_line_item_resend(body, options),
    |body, options| validate::validate_line_item_reissue(body, options),
    |body, options| validate::validate_line_item_update(body, options),
];

/// A valid create's normalized form, when normalizing changes it.
pub(super) fn normalized_if_changed<'a>(order: &Json<'a>) -> Option<Json<'a>> {
    validate::normalized_if_changed(order)
}

/// `normalizeCreateOrder`'s answer.
pub(super) fn normalized(order: &Json<'_>) -> Result<JsValue, crate::error::Error> {
    to_js(&validate::normalized(order))
}

/// The bulk validator.
pub(super) fn validate_create_orders(
    rows: &[Json<'_>],
    options: &ValidateOptions,
) -> Result<BulkReport, Report> {
    validate::validate_create_orders(rows, options)
}
