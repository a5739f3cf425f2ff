//! The main entry's first load asks the wasm for three things its JavaScript cannot decide alone,
//! so that the client module (the transport, the typed decoders) is fetched only when a client is
//! first used: the check that makes `new TangoClient(options)` throw at once, the errors of
//! `parse*` (decode.js finds what is wrong; these word it as the Rust decoder does), and the error
//! a call rejects with when the client module cannot be loaded. Not part of the public API: the
//! package's own JavaScript calls them (`pkg-template/lazy-client.js`, `decode.js`).

use super::convert::string_from_js;
use super::options::{config_from_js, get};
use crate::client::{CreateOrderError, LocalFuture, LogEvent, TokenSource};
use crate::decode;
use crate::error::Error;
use crate::model::Sensitive;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A token function as the options check sees it: checked to be a function, never called (the
/// client module calls the real one).
struct CheckedOnly;

impl TokenSource for CheckedOnly {
    fn token(&self) -> LocalFuture<'_, Result<Sensitive, Error>> {
        Box::pin(async {
            Err(Error::config(
                "the options check does not call the token function",
            ))
        })
    }
}

/// Throws the `config` TangoError that `new TangoClient(options)` throws, if any: the same reading
/// and `ClientConfig::resolve` as the client module's constructor. Its result is dropped: the
/// client module is another wasm instance, loaded later, and reads the options itself; this check
/// is what lets the constructor throw before that module is loaded.
#[wasm_bindgen(js_name = __checkClientOptions, skip_typescript)]
pub fn check_client_options(options: JsValue) -> Result<(), JsValue> {
    // The logger is checked to be a function, never called here.
    config_from_js(
        &options,
        |_| Rc::new(CheckedOnly),
        |_| Rc::new(|_: &LogEvent| ()),
    )?;
    Ok(())
}

/// The `decode` TangoError of a body: for `path` `undefined`, the text's syntax error as the Rust
/// decoder words it (`undefined` when serde_json reads the text: nothing wrong with its syntax or
/// depth; a `validation` error when `body` is not a string); else a value missing (`missing`) or of
/// the wrong type or value at `path`.
#[wasm_bindgen(js_name = __decodeError, skip_typescript)]
pub fn decode_error(body: JsValue, path: JsValue, missing: bool) -> JsValue {
    if let Some(path) = path.as_string() {
        return decode::shape_error(&path, missing).into();
    }
    match string_from_js(&body, "body") {
        Ok(body) => decode::syntax_error(&body).map_or(JsValue::UNDEFINED, JsValue::from),
        Err(not_a_string) => not_a_string.into(),
    }
}

/// The rejection of a call made before the client module could be loaded: `aborted` (name
/// `AbortError`, cause the signal's reason) when `signal` has fired, else a `network` error (the
/// module's file could not be fetched; retryable). For a create (`order` given), with the order's
/// `externalRefID` (or the one it would have had) and `mayHaveBeenPlaced: false`, like every
/// create error: nothing was sent. With `module` (`"CSV"`), the error of another module the main
/// entry imports on first use.
#[wasm_bindgen(js_name = __clientLoadError, skip_typescript)]
pub fn client_load_error(
    is_create: bool,
    order: JsValue,
    signal: JsValue,
    module: Option<String>,
) -> JsValue {
    let aborted = get(&signal, "aborted").as_bool() == Some(true);
    let error = if aborted {
        Error::Aborted
    } else {
        let message = match module {
            Some(module) => format!("tango-orders' {module} module could not be loaded"),
            None => "the client's module could not be loaded; nothing was sent".into(),
        };
        Error::Network { message }
    };
    let js_error = if is_create {
        let key = get(&order, "externalRefID").as_string();
        let error = CreateOrderError::before_sending(error, key.as_deref(), js_sys::Math::random);
        super::error::create_error_to_js(&error)
    } else {
        super::error::to_js_error(error)
    };
    if aborted {
        super::error::mark_aborted(&js_error, &get(&signal, "reason"));
    }
    js_error
}
