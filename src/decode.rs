//! Reading Tango's JSON into models, with errors that say where and never what.

use crate::error::Error;
use serde::de::DeserializeOwned;

/// Why a body could not be read, and where: the JSON path (`orders[1].recipient.email`, empty
/// for the whole body) and serde_json's position. Never the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeFailure {
    /// The JSON path of the value that did not fit; empty for the body as a whole.
    pub path: String,
    /// Whether the text is not JSON at all (syntax or end of input) rather than the wrong shape.
    pub syntax: bool,
    /// The text ends before the value does.
    pub eof: bool,
    /// serde_json's one-based line and column.
    pub line: usize,
    pub column: usize,
}

/// Decodes a response body as `T`.
///
/// The error names the JSON path and position but not the offending value: serde's own messages
/// quote values (`invalid type: string "jane@example.com"`), and response bodies carry personal data.
pub fn from_json<T: DeserializeOwned>(body: &str) -> Result<T, Error> {
    decode(body).map_err(|failure| failure.into_error())
}

impl DecodeFailure {
    /// The `decode` error for this failure: what is wrong and where, never the value.
    pub(crate) fn into_error(self) -> Error {
        let position = format!("line {}, column {}", self.line, self.column);
        let message = if self.eof {
            format!("the body ends too early ({position})")
        } else if self.syntax {
            format!("the body is not valid JSON ({position})")
        } else {
            format!("{} ({position})", shape_message(&self.path, false))
        };
        Error::Decode {
            message,
            excerpt: None,
        }
    }
}

/// What is wrong with a body of the wrong shape, at `path` (the whole body when empty).
fn shape_message(path: &str, missing: bool) -> String {
    match (path.is_empty(), missing) {
        (true, _) => "the body does not have the expected shape".to_owned(),
        (false, true) => format!("`{path}` is missing"),
        (false, false) => format!("`{path}` has an unexpected type or value"),
    }
}

/// The error of a body that is not JSON, worded as [`from_json`] words it (serde_json's position),
/// or `None` when serde_json reads the text (nested no deeper than it allows). For decoders that
/// read the text some other way (the package's `JSON.parse` path) and need the Rust decoder's
/// answer for text they could not read.
pub fn syntax_error(body: &str) -> Option<Error> {
    use serde_json::error::Category;
    let error = crate::validate::Json::parse(body).err()?;
    let category = error.classify();
    let failure = DecodeFailure {
        path: String::new(),
        syntax: category != Category::Data,
        eof: category == Category::Eof,
        line: error.line(),
        column: error.column(),
    };
    Some(failure.into_error())
}

/// The error of a body whose value at `path` (a JSON path as [`from_json`] writes it, empty for
/// the whole body) is missing or has the wrong type or value; without a position, for decoders
/// that found it in a parsed value rather than in the text.
pub fn shape_error(path: &str, missing: bool) -> Error {
    Error::Decode {
        message: shape_message(path, missing),
        excerpt: None,
    }
}

/// Decodes `text` as `T`, locating a failure by JSON path.
///
/// Reads what `JSON.parse` reads, so that no schema-valid body loses its data: when the direct
/// read fails, a repeated key is read as its last value (through `serde_json::Value`, whose maps
/// keep the last), and an unpaired surrogate escape (`"\ud800"`, which `JSON.parse` accepts) as
/// U+FFFD. Only a body that fails all of that is an error; the fast path stays the direct read.
pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, DecodeFailure> {
    let direct = decode_direct(text);
    let Err(failure) = direct else {
        return direct;
    };
    let repaired = repair_lone_surrogates(text);
    let text = repaired.as_deref().unwrap_or(text);
    // Through text again, not `T::deserialize(value)`: that would compile a second deserializer
    // for every model (from `Value`), tens of kilobytes of wasm for a path that rarely runs.
    let normalized = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|value| serde_json::to_string(&value).ok());
    normalized
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or(failure)
}

/// A copy of `text` with each unpaired surrogate escape inside a string replaced by `\ufffd`, or
/// `None` when there is none.
pub(crate) fn repair_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let hex_at = |at: usize| -> Option<u32> {
        let digits = text.get(at..at + 4)?;
        u32::from_str_radix(digits, 16).ok()
    };
    let escape_at = |at: usize| -> Option<u32> {
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex_at(at + 2))
            .flatten()
    };
    let mut out: Option<String> = None;
    let (mut in_string, mut i, mut copied) = (false, 0, 0);
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'"') => in_string = !in_string,
            Some(b'\\') if in_string => {
                if let Some(unit) = escape_at(i) {
                    let paired = (0xD800..0xDC00).contains(&unit)
                        && escape_at(i + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low));
                    if paired {
                        i += 12;
                        continue;
                    }
                    if (0xD800..0xE000).contains(&unit) {
                        let repaired = out.get_or_insert_with(String::new);
                        repaired.push_str(text.get(copied..i).unwrap_or_default());
                        repaired.push_str("\\ufffd");
                        copied = i + 6;
                    }
                    i += 6;
                    continue;
                }
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut repaired = out?;
    repaired.push_str(text.get(copied..).unwrap_or_default());
    Some(repaired)
}

fn decode_direct<T: DeserializeOwned>(text: &str) -> Result<T, DecodeFailure> {
    use serde_json::error::Category;
    serde_json::from_str(text).map_err(|error| {
        let category = error.classify();
        let path = match category {
            Category::Data => path_at(text, error.line(), error.column()),
            _ => String::new(),
        };
        DecodeFailure {
            path,
            syntax: matches!(category, Category::Syntax | Category::Io),
            eof: category == Category::Eof,
            line: error.line(),
            column: error.column(),
        }
    })
}

/// One open container while scanning: an object with the key being read, or an array with the
/// index of the element being read.
enum Frame<'a> {
    Object(Option<&'a str>),
    Array(usize),
}

/// The JSON path of the value at serde_json's error position (one-based line and byte column).
///
/// Written by hand instead of wrapping every deserializer in `serde_path_to_error`: that wrapper is
/// monomorphised once per model and was the largest single part of the wasm (≈ 170 KiB of code).
/// This runs only after a failure, over text serde_json has already read as far as the position,
/// so it assumes well-formed JSON up to there and never fails: at worst the path is shorter.
fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = byte_offset(text, line, column).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < end {
        match bytes.get(i).copied().unwrap_or(b' ') {
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes.get(i) != Some(&b'"') {
                    i += if bytes.get(i) == Some(&b'\\') { 2 } else { 1 };
                }
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = text.get(start..i.min(text.len()));
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => break,
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The byte offset of a one-based line and column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start.saturating_add(column)
}

/// Reads an error body field by field, keeping every field that is readable: one odd field (a
/// `httpCode` written as text, an `errors` entry of another shape) must not lose `i18nKey`,
/// `requestId` and the rest, which are what a program branches on and what Tango's support asks
/// for. Text that is not a JSON object reads as an empty body.
///
/// The odd fields are dropped from the parsed value, which is then read by the same typed decoder
/// as a well-formed body: no second deserializer (from `Value`) is compiled into the wasm.
pub fn error_body_from_json(text: &str) -> crate::model::ApiErrorBody {
    use serde_json::Value;
    if let Ok(body) = decode(text) {
        return body;
    }
    let repaired = repair_lone_surrogates(text);
    let Ok(Value::Object(mut fields)) = serde_json::from_str(repaired.as_deref().unwrap_or(text))
    else {
        return Default::default();
    };
    let text_or_null = |v: &Value| v.is_string() || v.is_null();
    fields.retain(|key, value| match key.as_str() {
        "timestamp" | "requestId" | "path" | "httpPhrase" | "i18nKey" | "message" => {
            text_or_null(value)
        }
        "httpCode" => value.as_f64().is_some_and(|n| n.fract() == 0.0) || value.is_null(),
        "i18nTokenReplacements" => value.is_array() || value.is_null(),
        "errors" => {
            if let Value::Array(entries) = value {
                entries.retain(Value::is_object);
                for entry in entries.iter_mut().filter_map(Value::as_object_mut) {
                    entry.retain(|key, value| match key.as_str() {
                        "i18nKey" | "message" | "field" | "errorCodeName" => text_or_null(value),
                        _ => true,
                    });
                }
                true
            } else {
                value.is_null()
            }
        }
        _ => true,
    });
    serde_json::to_string(&Value::Object(fields))
        .ok()
        .and_then(|text| decode(&text).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Order, OrderListPage};

    #[test]
    fn errors_name_the_path_but_not_the_value() {
        let body = r#"{"orders":[{"referenceOrderID":"RA1"},{"recipient":{"email":["jane@example.com"]}}]}"#;
        let error = from_json::<OrderListPage>(body).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("orders[1].recipient.email"), "{message}");
        assert!(!message.contains("jane"), "{message}");
        assert_eq!(error.kind(), crate::error::ErrorKind::Decode);
    }

    #[test]
    fn paths_point_at_the_value_that_does_not_fit() {
        let cases = [
            (r#"{"orders": "x"}"#, "orders"),
            (r#"{"orders": [{}, {}, {"amountCharged": {"total": "12"}}]}"#, "orders[2].amountCharged.total"),
            (
                "{\n  \"page\": {\"number\": 1},\n  \"orders\": [\n    {\"sender\": {\"email\": [\"x\"]}}\n  ]\n}",
                "orders[0].sender.email",
            ),
            (r#"{"a\"b": {"c": [1, {"d": 2}]}, "orders": [{"notes": ["x"]}]}"#, "orders[0].notes"),
            (r#"{"orders": [{"recipient": {"email": 5}}]}"#, "orders[0].recipient.email"),
        ];
        for (body, path) in cases {
            let Err(failure) = decode::<OrderListPage>(body) else {
                panic!("decoded: {body}")
            };
            assert_eq!(failure.path, path, "{body}");
            assert!(!failure.syntax);
        }
        assert_eq!(decode::<Order>("5").unwrap_err().path, "");
    }

    #[test]
    fn syntax_errors_and_trailing_garbage_are_decode_errors() {
        assert!(from_json::<OrderListPage>("{\"orders\": [").is_err());
        assert!(decode::<OrderListPage>("{\"orders\": [").unwrap_err().eof);
        assert!(decode::<OrderListPage>("{} x").unwrap_err().syntax);
        assert!(from_json::<OrderListPage>("[]").is_err());
        assert!(from_json::<OrderListPage>("{}").is_ok());
    }

    #[test]
    fn the_locator_never_panics_on_odd_positions() {
        for (line, column) in [(0, 0), (1, 0), (1, 1000), (99, 5), (usize::MAX, usize::MAX)] {
            let _ = path_at("{\"a\": [\"\\", line, column);
            let _ = path_at("", line, column);
            let _ = path_at("\"é\\\"", line, column);
        }
    }
}
