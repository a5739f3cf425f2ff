//! The shared table of validation cases (`tests/fixtures/validation-cases.json`), run natively. The
//! package test runs the same table through the JavaScript API, so both stay in step.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use serde_json::Value;
use tango_orders::validate::{parse_date_time, validate_create_order, ValidateOptions};

/// Applies a case's `set`: each JSON pointer gets its value; `null` removes, `"NULL"` sets null.
pub fn apply(mut order: Value, set: &serde_json::Map<String, Value>) -> Value {
    for (pointer, value) in set {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = order.pointer_mut(parent).unwrap().as_object_mut().unwrap();
        match value {
            Value::Null => {
                target.remove(key);
            }
            Value::String(s) if s == "NULL" => {
                target.insert(key.to_owned(), Value::Null);
            }
            other => {
                target.insert(key.to_owned(), other.clone());
            }
        }
    }
    order
}

#[test]
fn every_shared_case_gives_exactly_its_expected_issues() {
    let table: Value =
        serde_json::from_str(&common::fixture_text("validation-cases.json")).unwrap();
    let now = parse_date_time(table["now"].as_str().unwrap()).unwrap() as f64;
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 70);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let base = table["bases"][case["base"].as_str().unwrap()].clone();
        let order = apply(base, case["set"].as_object().unwrap());
        let options = case
            .get("options")
            .cloned()
            .unwrap_or_else(|| serde_json::json!({}));
        let mut options: ValidateOptions = serde_json::from_value(options).unwrap();
        options.now_ms = Some(now);
        let report = validate_create_order(&order, &options);
        let found: Vec<(String, String)> = report
            .issues
            .iter()
            .map(|i| {
                (
                    i.path.clone(),
                    serde_json::to_value(i.code)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> =
            serde_json::from_value(case["expect"].clone()).unwrap();
        assert_eq!(found, expected, "case {name:?}: {:?}", report.issues);
    }
}
