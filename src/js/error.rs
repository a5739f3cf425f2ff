//! Turning a Rust [`Error`] into the JavaScript error callers catch: a real `Error` carrying the
//! error's [`ErrorFields`].

#[cfg(feature = "js-main")]
use crate::client::CreateOrderError;
use crate::error::Error;
use js_sys::Object;
#[cfg(feature = "js-main")]
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

// Written by hand only because tsify cannot say "extends Error": the fields are generated from
// `ErrorFields` (TangoErrorFields) and `ErrorKind` (TangoErrorKind).
#[wasm_bindgen(typescript_custom_section)]
const TANGO_ERROR_TS: &'static str = r#"
/** Every error this package throws: a real `Error` with fields a program can branch on. */
export interface TangoError extends Error, TangoErrorFields {
  /** "AbortError" for kind "aborted" (its `cause` is the signal's reason), else "TangoError". */
  name: "TangoError" | "AbortError";
}
"#;

/// A JavaScript `Error` named `TangoError` with `message` and `fields`.
fn js_error(message: &str, fields: &impl serde::Serialize) -> JsValue {
    let js_error = js_sys::Error::new(message);
    js_error.set_name("TangoError");
    // Through JSON text, not serde-wasm-bindgen: the fields hold the validation issues and Tango's
    // entries, whose serializers the reports and models already compile for JSON. Writing them with
    // serde-wasm-bindgen compiled a second set: +4.4 KB gzip in the validate module, for errors,
    // which are rare. (Measured with `make bench`, Dec 2026.)
    if let Ok(fields) = super::convert::to_js(fields) {
        if let Some(fields) = fields.dyn_ref::<Object>() {
            Object::assign(&js_error, fields);
        }
    }
    js_error.into()
}

/// The JavaScript error for `error`.
#[cfg(feature = "js-main")]
pub fn to_js_error(error: Error) -> JsValue {
    js_error(&error.to_string(), &error.fields())
}

/// The JavaScript error for `error`, in the validation-only module (`tango-orders/validate`).
///
/// Why not `Error::fields` and `Display` as the other modules do: this module only ever makes
/// `validation` errors (unusable options, a bulk input that is not an array or too long) and the
/// `decode` error of `to_js`. Converting any `Error` linked the wording and fields of every kind:
/// Tango's error entries with their `serde_json::Value` writer and float formatting, 2.5 KB gzip
/// of a module every form page pays for. The fields written here are the ones `Error::fields`
/// gives these kinds (a native test in `error/fields.rs` keeps the two in step).
#[cfg(not(feature = "js-main"))]
pub fn to_js_error(error: Error) -> JsValue {
    /// The fields of `ErrorFields` these kinds can have, in its order and spelling.
    #[derive(serde::Serialize)]
    struct ValidationFields<'a> {
        kind: crate::error::ErrorKind,
        retryable: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        issues: Option<&'a [crate::validate::Issue]>,
    }
    let (message, issues) = match &error {
        Error::Validation(report) => (report.summary(), Some(report.issues.as_slice())),
        Error::Decode { message, .. } | Error::Config { message } => (message.clone(), None),
        // Not made by this module; worded without the other kinds' formatting.
        _ => (String::from("unexpected error"), None),
    };
    let fields = ValidationFields {
        kind: error.kind(),
        retryable: error.retryable(),
        issues,
    };
    js_error(&message, &fields)
}

#[cfg(feature = "js-main")]
/// The JavaScript error for a create's `error`: with `externalRefID`, `mayHaveBeenPlaced`, and a
/// message that says to retry with that key when the order may exist.
pub fn create_error_to_js(error: &CreateOrderError) -> JsValue {
    js_error(&error.to_string(), &error.fields())
}

#[cfg(feature = "js-main")]
/// Makes a rejection an abort's: named `AbortError` (as code checking `error.name` expects), its
/// `cause` the signal's reason.
pub fn mark_aborted(js_error: &JsValue, reason: &JsValue) {
    let _ = Reflect::set(js_error, &"name".into(), &"AbortError".into());
    let _ = Reflect::set(js_error, &"cause".into(), reason);
}

impl From<Error> for JsValue {
    fn from(error: Error) -> Self {
        to_js_error(error)
    }
}
