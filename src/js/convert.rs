//! Conversions between JavaScript values and Rust models, failing with value-free errors.

use crate::error::Error;
use crate::validate::Code;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

/// Reads a JavaScript value as `T`.
///
/// A wrong shape is a `validation` error at the field's path. The message is ours, not serde's:
/// serde's messages quote the value (`invalid type: string "jane@…"`), which may be personal data.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, Error> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let message = if path.is_empty() {
            format!("{what} has the wrong type")
        } else {
            format!("`{path}` has the wrong type")
        };
        Error::invalid(path, Code::InvalidFormat, message)
    })
}

/// Reads a JavaScript string argument.
pub fn string_from_js(value: &JsValue, what: &str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| Error::invalid("", Code::InvalidFormat, format!("{what} must be a string")))
}

/// Writes a model as plain JavaScript objects and arrays (never `Map`), leaving out absent fields.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    // json_compatible: maps become objects and 64-bit integers become numbers, as JSON.parse gives.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|_| Error::Decode {
        message: "the value could not be turned into a JavaScript object".into(),
        excerpt: None,
    })
}

/// Reads any JavaScript value as JSON, the way it would be sent: through `JSON.stringify`, which is
/// also much faster than walking a large array of objects property by property. `undefined` reads
/// as `null`; members that are `undefined` or functions are left out, as on the wire.
///
/// Fails, with a message that names no value, on input JSON cannot hold: a cycle, a `BigInt`, a
/// getter that throws, or nesting deeper than 128 levels.
pub fn json_from_js(value: &JsValue) -> Result<serde_json::Value, Error> {
    let unreadable = |why: &str| {
        Error::invalid(
            "",
            Code::InvalidFormat,
            format!("The input cannot be read as JSON: {why}."),
        )
    };
    if value.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    let text = js_sys::JSON::stringify(value)
        .map_err(|_| unreadable("it has a cycle, a BigInt or a property that throws"))?;
    let Some(text) = JsValue::from(text).as_string() else {
        return Ok(serde_json::Value::Null); // a function or a symbol: nothing to send
    };
    serde_json::from_str(&text).map_err(|_| unreadable("it is nested too deeply"))
}
