//! Turning a Rust [`Error`] into the JavaScript error callers catch, and its TypeScript type.

use crate::error::Error;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TANGO_ERROR_TS: &'static str = r#"
/** What kind of failure: branch on this, not on the message. */
export type TangoErrorKind =
  | "validation" | "api" | "network" | "timeout" | "decode" | "config" | "resend_too_soon"
  | "conflict" | "aborted";

/** Every error this package throws: a real `Error` with fields a program can branch on. */
export interface TangoError extends Error {
  /** "AbortError" for kind "aborted" (its `cause` is the signal's reason), else "TangoError". */
  name: "TangoError" | "AbortError";
  kind: TangoErrorKind;
  /** Whether trying the same call again could succeed. */
  retryable: boolean;
  /** For `validation`: every problem, by wire path, with a stable code. */
  issues?: Issue[];
  /** For `api`: a name for the status — bad_request, unauthorized, insufficient_funds (402),
   * forbidden, not_found, conflict (409), unprocessable (422, e.g. a frozen account),
   * rate_limited (429), server_error. */
  statusName?: string;
  /** For `timeout`: the per-attempt timeout that ran out (the request may have been processed). */
  timeoutMs?: number;
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
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(object, &key.into(), &value);
    };
    match &error {
        Error::Validation(report) => {
            if let Ok(issues) = super::convert::to_js(&report.issues) {
                set("issues", issues);
            }
        }
        Error::Api(api) => {
            let body = &api.body;
            let first_key = body
                .errors
                .as_ref()
                .and_then(|e| e.first())
                .and_then(|e| e.i18n_key.clone());
            set("status", api.status.into());
            set("statusName", api.status_name().into());
            set("httpPhrase", body.http_phrase.clone().into());
            set("requestId", body.request_id.clone().into());
            set("i18nKey", body.i18n_key.clone().or(first_key).into());
            set("apiMessage", body.message.clone().into());
            set("path", body.path.clone().into());
            set("timestamp", body.timestamp.clone().into());
            if let Ok(errors) = super::convert::to_js(&body.errors.clone().unwrap_or_default()) {
                set("errors", errors);
            }
            if let Some(ms) = api.retry_after_ms {
                set("retryAfterMs", (ms as f64).into());
            }
        }
        Error::ResendTooSoon { retry_after_ms } => {
            set("retryAfterMs", (*retry_after_ms as f64).into())
        }
        Error::Decode {
            excerpt: Some(excerpt),
            ..
        } => set("excerpt", excerpt.clone().into()),
        Error::Timeout { timeout_ms } => set("timeoutMs", (*timeout_ms as f64).into()),
        Error::Conflict {
            reference_order_id,
            fields,
        } => {
            set("referenceOrderID", reference_order_id.clone().into());
            let names: js_sys::Array = fields.iter().map(|f| JsValue::from_str(f)).collect();
            set("fields", names.into());
        }
        _ => {}
    }
    js_error.into()
}

impl From<Error> for JsValue {
    fn from(error: Error) -> Self {
        to_js_error(error)
    }
}
