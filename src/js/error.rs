//! Turning a Rust [`Error`] into the JavaScript error callers catch, and its TypeScript type.

use crate::error::Error;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TANGO_ERROR_TS: &'static str = r#"
/** What kind of failure: branch on this, not on the message. */
export type TangoErrorKind =
  | "validation" | "api" | "network" | "timeout" | "decode" | "config" | "resend_too_soon";

/** Every error this package throws: a real `Error` with fields a program can branch on. */
export interface TangoError extends Error {
  name: "TangoError";
  kind: TangoErrorKind;
  /** Whether trying the same call again could succeed. */
  retryable: boolean;
  /** For `validation`: every problem, by wire path, with a stable code. */
  issues?: Issue[];
}
"#;

/// The JavaScript error for `error`: an `Error` named `TangoError` with `kind`, `retryable` and,
/// for validation, `issues`.
pub fn to_js_error(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.to_string());
    js_error.set_name("TangoError");
    let object: &JsValue = js_error.as_ref();
    // Setting a property on a fresh Error cannot fail; a failure would only lose a field.
    let _ = Reflect::set(object, &"kind".into(), &error.kind().as_str().into());
    let _ = Reflect::set(object, &"retryable".into(), &error.retryable().into());
    if let Error::Validation(report) = &error {
        if let Ok(issues) = super::convert::to_js(&report.issues) {
            let _ = Reflect::set(object, &"issues".into(), &issues);
        }
    }
    js_error.into()
}

impl From<Error> for JsValue {
    fn from(error: Error) -> Self {
        to_js_error(error)
    }
}
