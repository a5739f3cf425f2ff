//! Turning a Rust [`Error`] into the JavaScript error callers catch: a real `Error` carrying the
//! error's [`ErrorFields`].

#[cfg(any(feature = "js-main", feature = "js-client"))]
use crate::client::CreateOrderError;
use crate::error::Error;
use js_sys::Object;
#[cfg(any(feature = "js-main", feature = "js-csv", feature = "js-client"))]
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

// Written by hand only because tsify cannot say "extends Error": the fields are generated from
// `ErrorFields` (TangoErrorFields) and `ErrorKind` (TangoErrorKind). A union by `kind`, so that
// `error.kind === "api"` narrows `error.status` to a number; which fields each kind always has is
// `ErrorFields`' doing (src/error/fields.rs). `isTangoError` and `TangoError` (the value) are in
// every entry's JavaScript (pkg-template/errors.js).
#[wasm_bindgen(typescript_custom_section)]
const TANGO_ERROR_TS: &'static str = r#"
/** A TangoError of kind `K`: `Always` are the fields that kind always has; the rest of
 * TangoErrorFields may be present as their comments say. */
export type TangoErrorOf<K extends TangoErrorKind, Always extends keyof TangoErrorFields = never> =
  Error & Omit<TangoErrorFields, "kind" | Always> & Required<Pick<TangoErrorFields, Always>> & {
    kind: K;
    /** "AbortError" for kind "aborted" (its `cause` is the signal's reason), else "TangoError". */
    name: K extends "aborted" ? "AbortError" : "TangoError";
  };
/** Every error this package throws: a real `Error` with fields a program can branch on, one
 * type per `kind` (check `kind` and TypeScript knows which fields are there). */
export type TangoError =
  | TangoErrorOf<"validation", "issues">
  | TangoErrorOf<"api", "status" | "statusName" | "errors">
  | TangoErrorOf<"network">
  | TangoErrorOf<"timeout", "timeoutMs">
  | TangoErrorOf<"decode">
  | TangoErrorOf<"config">
  | TangoErrorOf<"resend_too_soon", "retryAfterMs">
  | TangoErrorOf<"conflict", "fields">
  | TangoErrorOf<"aborted">
  | TangoErrorOf<"unverified">;
/** `TangoError` as a value: for `error instanceof TangoError` (TypeScript 5.3+ narrows on it). */
export interface TangoErrorConstructor {
  readonly prototype: Error;
  [Symbol.hasInstance](value: unknown): value is TangoError;
}
/** `error instanceof TangoError`: whether `error` was thrown by tango-orders. Not constructible. */
export declare const TangoError: TangoErrorConstructor;
/** Whether `value` is an error thrown by tango-orders: narrows `unknown` (a `catch` variable) to
 * TangoError. */
export declare function isTangoError(value: unknown): value is TangoError;
"#;

/// A JavaScript `Error` named `TangoError` with `message` and `fields`.
fn js_error(message: &str, fields: &impl serde::Serialize) -> JsValue {
    let js_error = js_sys::Error::new(message);
    js_error.set_name("TangoError");
    // Through JSON text, not serde-wasm-bindgen: the fields hold the validation issues and Tango's
    // entries, whose serializers the reports and models already compile for JSON; a second set for
    // errors, which are rare, would make every module larger.
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

#[cfg(any(feature = "js-main", feature = "js-csv", feature = "js-client"))]
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
