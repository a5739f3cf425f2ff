//! Validation exports: every rule of Tango's, in the browser, before anything is sent.

use super::convert::{to_js, with_json_for_validation};
use crate::error::Error;
use crate::validate::{self, BulkReport, Report, ValidateOptions};
use tsify::Ts;
use wasm_bindgen::prelude::*;

// The rules the exports apply: Tango's (rules.rs), or none in the benchmark's probe build
// (probe.rs, `--cfg tango_probe_no_rules`, scripts/build-probe.sh), which measures what
// validation costs before any rule.
#[cfg(tango_probe_no_rules)]
use super::probe as rules;
#[cfg(not(tango_probe_no_rules))]
use super::rules;
use super::rules::with_clock;

/// Reads options from any JavaScript value (`undefined` for the defaults; a `validation` error
/// for options that are not options).
fn options_from_value(options: &JsValue) -> Result<ValidateOptions, Error> {
    if options.is_undefined() {
        return Ok(ValidateOptions::default());
    }
    with_json_for_validation(options, |json, found| {
        if found.is_empty() {
            ValidateOptions::from_json(json)
        } else {
            Err(validate::unrepresentable_report(found))
        }
    })?
    .map_err(Error::from)
}

thread_local! {
    /// The report of every valid input: one frozen object, shared. Writing and parsing
    /// `{"valid":true,"issues":[]}` for each call cost 0.8 µs of a 7 µs validation, and valid input
    /// is the common case (a form as it is filled in, a bulk upload that is fine).
    static VALID_REPORT: JsValue = frozen_valid_report();
}

/// `Object.freeze({ valid: true, issues: Object.freeze([]) })`.
fn frozen_valid_report() -> JsValue {
    let report = js_sys::Object::new();
    let issues = js_sys::Array::new();
    let _ = js_sys::Reflect::set(&report, &"valid".into(), &JsValue::TRUE);
    let _ = js_sys::Reflect::set(&report, &"issues".into(), &js_sys::Object::freeze(&issues));
    js_sys::Object::freeze(&report).into()
}

/// A report for JavaScript: the shared frozen one when there are no issues.
fn report_to_js(report: &Report) -> Result<Ts<Report>, JsValue> {
    if report.valid && report.issues.is_empty() {
        return Ok(Ts::new_unchecked(VALID_REPORT.with(JsValue::clone)));
    }
    Ok(Ts::new_unchecked(to_js(report)?))
}

/// The kinds, by request. The create is the one whose valid value may be normalized.
const CREATE: usize = 0;
const ORDER_FILTER: usize = 1;
const LINE_ITEM_FILTER: usize = 2;
const ORDER_RESEND: usize = 3;
const LINE_ITEM_RESEND: usize = 4;
const LINE_ITEM_REISSUE: usize = 5;
const LINE_ITEM_UPDATE: usize = 6;

/// Validates `input` as request `kind` with `options` (`undefined` for the defaults): the report,
/// and, when `normalize` asks for it and a valid create changes by normalizing, the normalized
/// order. Input JSON cannot hold becomes issues of the report. The public validators and the
/// schemas' hook both come here, so that the reading and writing is compiled once.
pub(super) fn checked(
    kind: usize,
    input: &JsValue,
    options: &JsValue,
    normalize: bool,
) -> Result<(Report, Option<JsValue>), Error> {
    let validator = rules::VALIDATORS
        .get(kind)
        .ok_or_else(|| Error::invalid("", validate::Code::InvalidValue, "No such request."))?;
    let options = options_from_value(options)?;
    let checked = with_json_for_validation(input, |json, found| {
        let mut report = validator(json, &options);
        validate::explain_report(&mut report, found);
        let normal = match normalize && kind == CREATE && report.issues.is_empty() {
            true => rules::normalized_if_changed(json).map(|normal| to_js(&normal)),
            false => None,
        };
        (report, normal)
    });
    match checked {
        Ok((report, normal)) => Ok((report, normal.transpose()?)),
        Err(Error::Validation(report)) => Ok((report, None)),
        Err(other) => Err(other),
    }
}

/// Runs validator `kind` on a JavaScript value for a public validator: its report (a
/// `validation` TangoError for options that are not options).
fn report_for(
    input: &JsValue,
    options: Option<Ts<ValidateOptions>>,
    kind: usize,
) -> Result<Ts<Report>, JsValue> {
    let options = options.map_or(JsValue::UNDEFINED, Into::into);
    let (report, _) = checked(kind, input, &options, false)?;
    report_to_js(&report)
}

/// Checks a create-order body against every rule of Tango's and returns every problem at once,
/// each with its wire path, a stable code and a message. Never changes the input.
///
/// `options.partial`: for a form being filled in, fields not filled yet are not `required`.
/// `options.fields`: report only these paths (and what is inside them), e.g. the field that lost
/// focus. `options.fulfillment`: `"digital"` or `"physical"`, overriding the inference.
#[wasm_bindgen(js_name = validateCreateOrder)]
pub fn validate_create_order(
    #[wasm_bindgen(unchecked_param_type = "Partial<CreateOrderRequest> | Record<string, unknown>")]
    order: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&order, options, CREATE)
}

/// Checks up to 50,000 create-order bodies at once (a bulk upload). Issues carry the row `index`;
/// a row that repeats an earlier row's `externalRefID` is a `conflict`. Throws a `validation`
/// TangoError when `orders` is not an array or has more than 50,000 rows.
#[wasm_bindgen(js_name = validateCreateOrders)]
pub fn validate_create_orders(
    #[wasm_bindgen(
        unchecked_param_type = "Array<Partial<CreateOrderRequest> | Record<string, unknown>>"
    )]
    orders: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<BulkReport>, JsValue> {
    let mut options = options_from_value(&options.map_or(JsValue::UNDEFINED, Into::into))?;
    with_clock(&mut options);
    let checked = with_json_for_validation(&orders, |rows, found| {
        let Some(rows) = rows.as_array() else {
            let code = validate::Code::InvalidFormat;
            return Err(Error::invalid("", code, "The orders must be an array."));
        };
        let mut report = rules::validate_create_orders(rows, &options).map_err(Error::from)?;
        validate::explain_bulk_report(&mut report, found);
        Ok(report)
    });
    let report = checked??;
    Ok(Ts::new_unchecked(to_js(&report)?))
}

/// Checks the filters of a `GET /orders` query.
#[wasm_bindgen(js_name = validateOrderFilter)]
pub fn validate_order_filter(
    #[wasm_bindgen(unchecked_param_type = "OrderFilter | Record<string, unknown> | undefined")]
    filter: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&filter, options, ORDER_FILTER)
}

/// Checks the filters of a `GET /lineItems` query.
#[wasm_bindgen(js_name = validateLineItemFilter)]
pub fn validate_line_item_filter(
    #[wasm_bindgen(unchecked_param_type = "LineItemFilter | Record<string, unknown> | undefined")]
    filter: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&filter, options, LINE_ITEM_FILTER)
}

/// Checks the body of an order resend.
#[wasm_bindgen(js_name = validateOrderResend)]
pub fn validate_order_resend(
    #[wasm_bindgen(
        unchecked_param_type = "OrderResendRequest | Record<string, unknown> | undefined"
    )]
    body: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&body, options, ORDER_RESEND)
}

/// Checks the body of a line item resend.
#[wasm_bindgen(js_name = validateLineItemResend)]
pub fn validate_line_item_resend(
    #[wasm_bindgen(
        unchecked_param_type = "LineItemResendRequest | Record<string, unknown> | undefined"
    )]
    body: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&body, options, LINE_ITEM_RESEND)
}

/// Checks the body of a line item reissue.
#[wasm_bindgen(js_name = validateLineItemReissue)]
pub fn validate_line_item_reissue(
    #[wasm_bindgen(
        unchecked_param_type = "ReissueLineItemRequest | Record<string, unknown> | undefined"
    )]
    body: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&body, options, LINE_ITEM_REISSUE)
}

/// Checks the body of a line item update (PATCH).
#[wasm_bindgen(js_name = validateLineItemUpdate)]
pub fn validate_line_item_update(
    #[wasm_bindgen(
        unchecked_param_type = "UpdateLineItemRequest | Record<string, unknown> | undefined"
    )]
    body: JsValue,
    options: Option<Ts<ValidateOptions>>,
) -> Result<Ts<Report>, JsValue> {
    report_for(&body, options, LINE_ITEM_UPDATE)
}

/// Returns a cleaned copy of a create-order body: strings trimmed (spaces-only ones removed),
/// `deliveryMethod` and the address's `country` and `postalCode` upper-cased (postal code without
/// spaces), and the state upper-cased for US and Canadian addresses. Unknown fields are kept.
#[wasm_bindgen(js_name = normalizeCreateOrder, unchecked_return_type = "Partial<CreateOrderRequest>")]
pub fn normalize_create_order(
    #[wasm_bindgen(unchecked_param_type = "Partial<CreateOrderRequest> | Record<string, unknown>")]
    order: JsValue,
) -> Result<JsValue, JsValue> {
    let normal = with_json_for_validation(&order, |order, found| {
        if found.is_empty() {
            Ok(rules::normalized(order))
        } else {
            Err(validate::unrepresentable_report(found))
        }
    })?
    .map_err(Error::from)?;
    Ok(normal?)
}
