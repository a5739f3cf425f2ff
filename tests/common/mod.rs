//! Helpers shared by the native integration tests: fixture loading and JSON comparison.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::path::PathBuf;

/// The path of a file under `tests/fixtures`.
pub fn fixture_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// A fixture's text.
pub fn fixture_text(relative: &str) -> String {
    let path = fixture_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Asserts that two JSON values are the same, treating numbers by value (`10` equals `10.0`) and a
/// `null` member as absent.
/// On a difference it names the JSON path, which is what makes a failure quick to fix.
pub fn assert_same_json(expected: &Value, actual: &Value, context: &str) {
    if let Some(difference) = first_difference(expected, actual, "$") {
        panic!("{context}: {difference}");
    }
}

fn first_difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => {
            (a.as_f64() != b.as_f64()).then(|| format!("{path}: expected {a}, got {b}"))
        }
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let child = format!("{path}.{key}");
                match b.get(key) {
                    // `null` and absent mean the same to Tango and decode to the same `None`.
                    None if value.is_null() => {}
                    None => return Some(format!("{child} was lost")),
                    Some(other) => {
                        if let Some(d) = first_difference(value, other, &child) {
                            return Some(d);
                        }
                    }
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| format!("{path}.{k} appeared"))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{path}: {} items became {}", a.len(), b.len()));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(x, y, &format!("{path}[{i}]")))
        }
        _ => (expected != actual).then(|| format!("{path}: expected {expected}, got {actual}")),
    }
}

/// A valid digital order, delivered by email.
pub fn digital_order() -> Value {
    json!({
        "customerIdentifier": "demo-customer",
        "accountIdentifier": "demo-account",
        "utid": "U000001",
        "amount": 25,
        "deliveryMethod": "EMAIL",
        "recipient": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
    })
}
