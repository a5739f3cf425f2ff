//! Turning a Rust [`Error`] into the JavaScript error callers catch: a real `Error` carrying the
//! error's [`ErrorFields`].

#[cfg(feature = "js-main")]
use crate::client::CreateOrderError;
use crate::error::Error;
use js_sys::Object;
#[cfg(any(feature = "js-main", feature = "js-csv"))]
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
#[cfg(feature = "js-client")]
pub fn to_js_error(error: Error) -> JsValue {
    js_error(&error.to_string(), &error.fields())
}

#[cfg(feature = "js-client")]
/// The JavaScript error for a create's `error`: with `externalRefID`, `mayHaveBeenPlaced`, and a
/// message that says to retry with that key when the order may exist.
pub fn create_error_to_js(error: &CreateOrderError) -> JsValue {
    js_error(&error.to_string(), &error.fields())
}

/// The JavaScript error for `error`, in the modules without the client (the first load,
/// `tango-orders/validate`): written by [`Error::brief`], which links only the kinds they make.
#[cfg(not(feature = "js-client"))]
pub fn to_js_error(error: Error) -> JsValue {
    let (message, fields) = error.brief();
    js_error(&message, &fields)
}

#[cfg(all(feature = "js-main", not(feature = "js-client")))]
/// [`to_js_error`] for a create's `error`, with its key and whether it may have been placed.
pub fn create_error_to_js(error: &CreateOrderError) -> JsValue {
    let (message, fields) = error.brief();
    js_error(&message, &fields)
}

#[cfg(any(feature = "js-main", feature = "js-csv"))]
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
