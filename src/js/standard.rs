//! The validation behind the package's Standard Schema objects (`createOrderSchema` and the rest,
//! made by `pkg-template/schema.js`): one call that reads the input once and answers with the
//! value or the issues.
//!
//! One hook rather than the public validators plus `normalizeCreateOrder`: a form validates on
//! every keystroke, and reading the input twice (once to check it, once to normalize it) would
//! double the cost. It never throws: Standard Schema's `validate` must answer whatever it is given.

use super::convert::to_js;
use super::validate::checked;
use crate::error::Error;
use crate::validate::{Code, Issue, Report};
use wasm_bindgen::prelude::*;

/// Validates `input` as request `kind` (the numbers of `VALIDATORS` in validate.rs) with
/// `options` (`ValidateOptions`, already checked by the schema's `with`, or `undefined`).
/// Answers `undefined` when the input is valid as it is, `[order]` when a valid create is cleaned
/// by normalizing, and the report otherwise; `schema.js` makes Standard Schema's `{ value }` or
/// `{ issues }` of that (an object made in JavaScript costs less than one made from here). Never
/// throws: options that are not options and input that cannot be read become issues too.
#[wasm_bindgen(js_name = __standardValidate, skip_typescript)]
pub fn standard_validate(kind: usize, input: JsValue, options: JsValue) -> JsValue {
    let report = match checked(kind, &input, &options, true) {
        Ok((report, None)) if report.issues.is_empty() => return JsValue::UNDEFINED,
        Ok((report, None)) => report,
        Ok((_, Some(normal))) => return js_sys::Array::of1(&normal).into(),
        Err(Error::Validation(report)) => report,
        Err(_) => Report::from(vec![Issue::new(
            "",
            Code::InvalidFormat,
            "The input cannot be read as JSON.",
        )]),
    };
    to_js(&report).unwrap_or(JsValue::NULL)
}
