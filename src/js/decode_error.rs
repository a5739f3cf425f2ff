//! `__responseDecodeError`: the `decode` TangoError that the client module's and the webhooks
//! module's JavaScript (decode.js, through client-wrap.js and webhook-read.js) raise for a body
//! they cannot read, worded as the Rust decoders word theirs.

use crate::error::Error;
use wasm_bindgen::prelude::*;

/// The `decode` TangoError for a response body the client module's JavaScript could not decode
/// (decode.js calls it as its `decodeError`): worded as the Rust decoder words it, with the body's
/// redacted excerpt, as every client error for a body has. `path` `undefined` asks for the text's
/// syntax error (`undefined` when it has none). With `key`, a create's error: the order may have
/// been placed (Tango answered 2xx), retry with that key.
#[wasm_bindgen(js_name = __responseDecodeError, skip_typescript)]
pub fn response_decode_error(
    body: JsValue,
    path: JsValue,
    missing: bool,
    key: Option<String>,
) -> JsValue {
    let text = body.as_string().unwrap_or_default();
    let error = match path.as_string() {
        Some(path) => crate::decode::shape_error(&path, missing),
        None => match crate::decode::syntax_error(&text) {
            Some(error) => error,
            None => return JsValue::UNDEFINED,
        },
    };
    let error = match error {
        Error::Decode { message, .. } => Error::Decode {
            message,
            excerpt: Some(crate::client::redacted_excerpt(&text)),
        },
        other => other,
    };
    match key {
        #[cfg(feature = "js-client")]
        Some(external_ref_id) => {
            super::error::create_error_to_js(&crate::client::CreateOrderError {
                error,
                external_ref_id,
                may_have_been_placed: true,
            })
        }
        // Only the client module reads a create's answer.
        _ => super::error::to_js_error(error),
    }
}
