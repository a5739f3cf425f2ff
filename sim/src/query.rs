//! Query strings: decoded pairs, and the JSON object the documented validation rules read.

use serde_json::{Map, Value};

/// A decoded query string (`+` and `%xx` decoded; repeated keys kept).
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Decodes `raw` (without the `?`).
    pub fn parse(raw: &str) -> Self {
        let pairs = form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query { pairs }
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `key` (also accepted as `key[]`).
    pub fn all(&self, key: &str) -> Vec<&str> {
        let bracketed = format!("{key}[]");
        self.pairs
            .iter()
            .filter(|(k, _)| *k == key || *k == bracketed)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The pairs as a JSON object for validation: `numbers` become numbers and `booleans`
    /// booleans when they parse (otherwise they stay text, which validation then reports).
    pub fn to_json(&self, numbers: &[&str], booleans: &[&str]) -> Value {
        let mut object = Map::new();
        for (key, value) in &self.pairs {
            let typed = if numbers.contains(&key.as_str()) {
                // Whole numbers stay integers, so integer fields (page, elementsPerBlock) read them.
                match value.parse::<i64>() {
                    Ok(whole) => Value::from(whole),
                    Err(_) => value
                        .parse::<f64>()
                        .ok()
                        .and_then(serde_json::Number::from_f64)
                        .map_or_else(|| Value::String(value.clone()), Value::Number),
                }
            } else if booleans.contains(&key.as_str()) {
                match value.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::String(value.clone()),
                }
            } else {
                Value::String(value.clone())
            };
            object.entry(key.clone()).or_insert(typed);
        }
        Value::Object(object)
    }
}

/// Reads a whole number parameter; `None` when absent or not a non-negative whole number.
pub fn whole(value: Option<&str>) -> Option<usize> {
    value.and_then(|v| v.parse::<usize>().ok())
}

/// Whether an absent filter, or one equal to the value, matches (the list filters of orders and of
/// line items).
pub(crate) fn same<T: PartialEq>(wanted: &Option<T>, actual: &Option<T>) -> bool {
    wanted.is_none() || wanted == actual
}
