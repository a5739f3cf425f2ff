//! Text into the wasm as UTF-8 bytes, made by the engine: `JSON.stringify` for values and
//! `TextEncoder` for strings. wasm-bindgen's own string passing copies ASCII one character at a
//! time in JavaScript (about 2 ns a character: 21 ms for the 11 MB of a 50,000-row bulk
//! validation); `TextEncoder` does it natively and the bytes are copied in whole.

use crate::validate::{LONE_SURROGATE_KEY, NON_FINITE_KEY};
use js_sys::{JsString, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// web-sys's `TextEncoder` with `encode` taking a JavaScript string as it is (web-sys's
    /// `encode_with_input` takes a Rust `&str`, which would copy the text in the slow way first).
    #[wasm_bindgen(extends = web_sys::TextEncoder, js_name = TextEncoder)]
    type StringEncoder;
    /// The bytes come back as a `Vec` copied in by the glue (not a `Uint8Array` then `to_vec`,
    /// whose length assertion links the panic formatting machinery).
    #[wasm_bindgen(method, js_name = encode)]
    fn encode_string(this: &StringEncoder, input: &JsString) -> Vec<u8>;
    /// `encodeInto`, writing straight into the wasm memory. The destination is a `&mut [u8]`, so
    /// the glue makes its view of the memory inside the call, after every allocation the call
    /// makes: a view made beforehand (`Uint8Array::view_mut_raw`) is detached when an allocation
    /// in between grows the memory (handing the view itself to the wasm takes one), and
    /// `encodeInto` then writes nothing.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into_slice(this: &StringEncoder, input: &JsString, into: &mut [u8]) -> EncodedInto;
    /// `encodeInto` into a view made beforehand: only for the test that shows why not.
    #[cfg(test)]
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into_view(
        this: &StringEncoder,
        input: &JsString,
        view: &js_sys::Uint8Array,
    ) -> EncodedInto;

    /// What `encodeInto` answers: `{ read, written }`.
    type EncodedInto;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodedInto) -> u32;
}

thread_local! {
    /// One encoder for every call: making one per call cost 0.4 µs of a 7 µs validation.
    static ENCODER: Option<StringEncoder> =
        web_sys::TextEncoder::new().ok().map(JsCast::unchecked_into);
}

/// Below this many UTF-16 units a string is written straight into the wasm memory by
/// `encodeInto`, above it by `encode`. `encode` makes a `Uint8Array` that the glue then copies
/// again, a fixed cost of 0.8 µs for the 200 bytes of a small order; `encodeInto` into a view of
/// a buffer sized for the worst case (3 bytes per unit) has none of that, but the buffer is three
/// times the text, which for a 50,000-row bulk validation would be 34 MB instead of 11.
const SHORT_TEXT: u32 = 16_384;

/// A JavaScript string's UTF-8 bytes.
fn encode(text: &JsString) -> Option<Vec<u8>> {
    ENCODER.with(|encoder| {
        let encoder = encoder.as_ref()?;
        let units = text.length();
        if units > SHORT_TEXT {
            return Some(encoder.encode_string(text));
        }
        // Zeroed rather than left uninitialised: a `&mut [u8]` must be initialised, and zeroing
        // three bytes per unit of a short text costs next to nothing.
        let mut bytes = vec![0u8; units as usize * 3];
        let written = encoder.encode_into_slice(text, &mut bytes).written() as usize;
        if written > bytes.len() {
            return None;
        }
        bytes.truncate(written);
        Some(bytes)
    })
}

/// Whether JSON text shows `null` or a `\ud…` escape, where a value JSON cannot carry may have
/// been: checked on the bytes in Rust rather than with two `includes` calls into JavaScript.
fn may_hide_unrepresentable(json: &[u8]) -> bool {
    memchr::memchr2_iter(b'n', b'\\', json).any(|at| {
        let rest = json.get(at..).unwrap_or_default();
        rest.starts_with(b"null") || rest.starts_with(b"\\ud")
    })
}

/// Whether strings have `isWellFormed` (Node 20+, current browsers; not Node 18).
fn has_is_well_formed() -> bool {
    Reflect::get(&JsString::from("").into(), &"isWellFormed".into()).is_ok_and(|f| f.is_function())
}

/// A string as UTF-8, or `None` for anything that is not a string.
#[cfg(any(feature = "js-main", feature = "js-client", feature = "js-webhook"))]
pub(super) fn utf8(value: &JsValue) -> Option<Vec<u8>> {
    value.dyn_ref::<JsString>().and_then(encode)
}

/// `JSON.stringify(value)` as UTF-8 and whether markers were written, or `None` when JSON has
/// nothing for the value. Fails with what `JSON.stringify` threw (a cycle, a BigInt, a getter).
///
/// `NaN` and `±Infinity` come out of `JSON.stringify` as `null`, and an unpaired surrogate as a
/// `\ud8xx` escape: only when the text shows one of those is the value written again with
/// markers, so ordinary input pays for one `JSON.stringify`.
pub(super) fn json_bytes(value: &JsValue) -> Result<Option<(Vec<u8>, bool)>, JsValue> {
    let text = JSON::stringify(value)?;
    if text.is_undefined() {
        return Ok(None);
    }
    let Some(bytes) = encode(&text) else {
        return Ok(None);
    };
    if may_hide_unrepresentable(&bytes) {
        // Asked once per value written again, not once per string in it.
        let has_is_well_formed = has_is_well_formed();
        let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(move |key, value| {
            mark(key, value, has_is_well_formed)
        });
        let again = JSON::stringify_with_replacer(value, replacer.as_ref())?;
        if again.includes("\\u0000tango:", 0) {
            return Ok(encode(&again).map(|bytes| (bytes, true)));
        }
    }
    Ok(Some((bytes, false)))
}

/// The replacer that writes a marker object where a value cannot be JSON.
fn mark(_key: JsValue, value: JsValue, has_is_well_formed: bool) -> JsValue {
    let marker = |key: &str, inner: JsValue| {
        let object = Object::new();
        let _ = Reflect::set(&object, &key.into(), &inner);
        object.into()
    };
    if let Some(number) = value.as_f64() {
        if !number.is_finite() {
            let text = if number.is_nan() {
                "NaN"
            } else if number > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            };
            return marker(NON_FINITE_KEY, text.into());
        }
    } else if let Some(text) = value.dyn_ref::<JsString>() {
        let well_formed = if has_is_well_formed {
            text.is_well_formed()
        } else {
            text.is_valid_utf16()
        };
        if !well_formed {
            return marker(LONE_SURROGATE_KEY, true.into());
        }
    }
    value
}

#[cfg(test)]
mod tests {
    // Tests (wasm-bindgen-test, which clippy does not see as tests): a failing unwrap is a failing test.
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use js_sys::Uint8Array;
    use wasm_bindgen_test::wasm_bindgen_test;

    const ORDER: &str = r#"{"utid":"U000001","amount":25,"recipient":{"firstName":"Zoë"}}"#;

    /// Grows the wasm memory by one page: every view of it made before is detached.
    fn grow_memory() {
        assert!(core::arch::wasm32::memory_grow(0, 1) != usize::MAX);
    }

    #[wasm_bindgen_test]
    fn encode_into_writes_the_whole_text_when_the_memory_grew_after_the_allocation() {
        ENCODER.with(|encoder| {
            let encoder = encoder.as_ref().unwrap();
            let text = JsString::from(ORDER);
            // The buffer allocated, then the memory grown before the write: the view is made in
            // the call, so every byte arrives.
            let mut bytes = vec![0u8; text.length() as usize * 3];
            grow_memory();
            let written = encoder.encode_into_slice(&text, &mut bytes).written() as usize;
            assert_eq!(&bytes[..written], ORDER.as_bytes());
            // The defect this replaced: a view made before the growth is detached and nothing is
            // written into it.
            let mut bytes = vec![0u8; text.length() as usize * 3];
            // SAFETY: the view covers `bytes` and is used once, below, while `bytes` lives.
            let view = unsafe { Uint8Array::view_mut_raw(bytes.as_mut_ptr(), bytes.len()) };
            grow_memory();
            assert_eq!(encoder.encode_into_view(&text, &view).written(), 0);
        });
        // And through the path every input takes, with growth between calls.
        for _ in 0..3 {
            let value = JSON::parse(ORDER).unwrap();
            grow_memory();
            let (bytes, marked) = json_bytes(&value).unwrap().unwrap();
            assert_eq!((bytes.as_slice(), marked), (ORDER.as_bytes(), false));
        }
    }
}
