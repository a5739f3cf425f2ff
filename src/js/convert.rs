//! Conversions between JavaScript values and Rust models, failing with value-free errors.

use crate::error::Error;
use crate::validate::{self, Code};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::text::json_bytes;
#[cfg(any(feature = "js-main", feature = "js-client"))]
use super::text::utf8;

/// `object[key]`, or `undefined` when `object` is not an object or its getter throws.
#[cfg(any(
    feature = "js-main",
    feature = "js-csv",
    feature = "js-client",
    feature = "js-webhook"
))]
pub fn get(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// Reads a JavaScript string argument.
#[cfg(any(feature = "js-main", feature = "js-client"))]
pub fn string_from_js(value: &JsValue, what: &str) -> Result<String, Error> {
    utf8(value)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| Error::invalid("", Code::InvalidFormat, format!("{what} must be a string")))
}

/// Writes a model as plain JavaScript objects and arrays, leaving out absent fields: serialised
/// to JSON text in Rust and read by the engine's `JSON.parse`.
///
/// Why not build the objects from Rust (serde-wasm-bindgen): that makes one boundary call per
/// property and per string, which made reading a page of 10,000 orders 8× slower than `JSON.parse`
/// alone, and its serializer is monomorphised per model, which costs wasm size.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    let failed = || Error::Decode {
        message: "the value could not be turned into a JavaScript object".into(),
        excerpt: None,
    };
    let text = serde_json::to_string(value).map_err(|_| failed())?;
    js_sys::JSON::parse(&text).map_err(|_| failed())
}

#[cfg(feature = "js-client")]
/// Reads any JavaScript value as JSON, the way it would be sent: through `JSON.stringify`, which is
/// also much faster than walking a large array of objects property by property. `undefined` reads
/// as `null`; members that are `undefined` or functions are left out, as on the wire.
///
/// Fails, with a message that names no value, on input JSON cannot hold: a cycle, a `BigInt`, a
/// getter that throws, or nesting [`validate::MAX_NESTING`] levels deep.
///
/// `NaN`, `±Infinity` and strings with an unpaired surrogate, which JSON cannot carry, fail as a
/// `validation` error at their paths (see `validate::unrepresentable`): nothing holding them can
/// be sent.
pub fn json_from_js(value: &JsValue) -> Result<serde_json::Value, Error> {
    let (value, found) = json_for_validation(value)?;
    if found.is_empty() {
        Ok(value)
    } else {
        Err(Error::Validation(validate::unrepresentable_report(&found)))
    }
}

#[cfg(feature = "js-client")]
/// Reads a JavaScript value as JSON for a validator: the value with markers where JSON could not
/// carry what was there, and where they are, for [`validate::explain_report`].
pub fn json_for_validation(
    value: &JsValue,
) -> Result<(serde_json::Value, Vec<(String, validate::Unrepresentable)>), Error> {
    let Some((bytes, marked)) = json_bytes_from_js(value)? else {
        return Ok((serde_json::Value::Null, Vec::new()));
    };
    // From `&str`, like every read of JSON (one copy of serde_json's parser in the wasm).
    let value: serde_json::Value = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| serde_json::from_str(text).ok())
        .ok_or_else(|| unreadable_text(&bytes))?;
    let found = if marked {
        validate::find_unrepresentable(&value)
    } else {
        Vec::new()
    };
    Ok((value, found))
}

/// Reads a JavaScript value for a validator, as [`json_for_validation`] does, but into a borrowed
/// [`validate::Json`] (no `serde_json::Value` built), and hands it to `then` with the markers found.
pub fn with_json_for_validation<R>(
    value: &JsValue,
    then: impl FnOnce(&validate::Json<'_>, &[(String, validate::Unrepresentable)]) -> R,
) -> Result<R, Error> {
    let Some((bytes, marked)) = json_bytes_from_js(value)? else {
        return Ok(then(&validate::Json::Null, &[]));
    };
    // JSON.stringify and TextEncoder only make valid UTF-8; a failure here would be a bug.
    let text = std::str::from_utf8(&bytes).map_err(|_| unreadable("it is not valid text"))?;
    let json = validate::Json::parse(text).map_err(|_| unreadable_text(&bytes))?;
    let found = if marked {
        validate::find_unrepresentable(&json)
    } else {
        Vec::new()
    };
    Ok(then(&json, &found))
}

/// The JSON text of a JavaScript value, by `JSON.stringify`, as UTF-8, and whether it holds
/// markers for values JSON cannot carry; `None` for `undefined`, a function or a symbol (nothing
/// JSON can hold).
pub fn json_bytes_from_js(value: &JsValue) -> Result<Option<(Vec<u8>, bool)>, Error> {
    if value.is_undefined() {
        return Ok(None);
    }
    json_bytes(value).map_err(|_| unreadable("it has a cycle, a BigInt or a property that throws"))
}

/// Why `JSON.stringify`'s text of a value could not be read: nesting past the parser's limit, or
/// (which would be a defect here, never the caller's doing) text that is not whole.
fn unreadable_text(bytes: &[u8]) -> Error {
    if validate::too_deeply_nested(bytes) {
        unreadable("it is nested too deeply")
    } else {
        unreadable(
            "its JSON text could not be read whole (a defect in tango-orders: please report it)",
        )
    }
}

fn unreadable(why: &str) -> Error {
    Error::invalid(
        "",
        Code::InvalidFormat,
        format!("The input cannot be read as JSON: {why}."),
    )
}
