//! The validation behind the package's Standard Schema objects (`createOrderSchema` and the rest,
//! made by `pkg-template/schema.js`): one call that reads the input once and answers `{ value }`
//! or the report of its issues.
//!
//! One hook rather than the public validators plus `normalizeCreateOrder`: a form validates on
//! every keystroke, and reading the input twice (once to check it, once to normalize it) would
//! double the cost. It never throws: Standard Schema's `validate` must answer whatever it is given.

use super::convert::{to_js, with_json_for_validation};
use super::validate::{clock_if_needed, options_from_value};
use crate::error::Error;
use crate::validate::{self, Code, Issue, Json, Report, ValidateOptions};
use wasm_bindgen::prelude::*;

/// The requests a schema validates, by the `kind` number `schema.js` passes.
const VALIDATORS: [fn(&Json<'_>, &ValidateOptions) -> Report; 7] = [
    |json, options| validate::validate_create_order(json, options),
    |json, options| validate::validate_order_filter(json, options),
    |json, options| validate::validate_line_item_filter(json, options),
    |json, options| validate::validate_order_resend(json, options),
    |json, options| validate::validate_line_item_resend(json, options),
    |json, options| validate::validate_line_item_reissue(json, options),
    |json, options| validate::validate_line_item_update(json, options),
];

/// `kind` 0: the create, whose valid value is the normalized order.
const CREATE: usize = 0;

/// The issues as an array, with paths as the validators write them (`recipient.address.postalCode`,
/// `pageKeys[1]`): `schema.js` makes them segments. In JavaScript rather than here, where a
/// serializer of its own for the segments cost 6 KB of wasm.
fn failure(issues: Vec<Issue>) -> JsValue {
    to_js(&issues).unwrap_or(JsValue::NULL)
}

/// Validates `input` as request `kind` with `options` (`ValidateOptions` as JSON, already checked
/// by the schema's `with`, or `undefined`). Answers `undefined` when the input is valid as it is,
/// the normalized order (an object) when a valid create is cleaned by normalizing, and the array
/// of issues otherwise; `schema.js` makes Standard Schema's `{ value }` or `{ issues }` of that
/// (an object made in JavaScript costs less than one made from here). Never throws: options that
/// are not options and input that cannot be read become issues too.
#[wasm_bindgen(js_name = __standardValidate, skip_typescript)]
pub fn standard_validate(kind: usize, input: JsValue, options: JsValue) -> JsValue {
    // The benchmark's probe build (see `NO_RULES` in validate.rs) measures the module without its
    // rules: the schemas' hook must not link them either.
    if cfg!(tango_probe_no_rules) {
        return JsValue::UNDEFINED;
    }
    let Some(validator) = VALIDATORS.get(kind) else {
        let issue = Issue::new("", Code::InvalidValue, "No such schema.");
        return failure(vec![issue]);
    };
    let options = match options_from_value(&options) {
        Ok(options) => options,
        Err(error) => return failure(error_issues(error)),
    };
    let checked = with_json_for_validation(&input, |json, found| {
        let options = clock_if_needed(kind == CREATE, json, &options);
        let mut report = validator(json, &options);
        validate::explain_report(&mut report, found);
        if !report.issues.is_empty() {
            return Err(failure(report.issues));
        }
        if kind != CREATE {
            return Ok(None);
        }
        Ok(validate::normalized_if_changed(json).map(|normal| to_js(&normal)))
    });
    match checked {
        Ok(Ok(None)) => JsValue::UNDEFINED,
        Ok(Ok(Some(Ok(normal)))) => normal,
        Ok(Ok(Some(Err(error)))) | Err(error) => failure(error_issues(error)),
        Ok(Err(failure)) => failure,
    }
}

/// An error as issues: a validation error's own, anything else as one issue on the whole input.
fn error_issues(error: Error) -> Vec<Issue> {
    match error {
        Error::Validation(report) => report.issues,
        _ => vec![Issue::new(
            "",
            Code::InvalidFormat,
            "The input cannot be read as JSON.",
        )],
    }
}
