//! `normalize_create_order`: the safe clean-ups of a create-order body, kept apart from validation
//! (which never changes its input).

use super::json::{Json, ReadJson};
use serde_json::{Map, Value};

/// Returns a copy of `order` with the clean-ups that cannot change its meaning:
///
/// - every string trimmed; a string that was only spaces becomes absent (it was not filled in);
/// - `deliveryMethod` upper-cased (`email` → `EMAIL`);
/// - in `recipient.address`: `country` upper-cased; `postalCode` upper-cased with its spaces
///   removed (Tango takes letters and digits only, so `k1a 0b1` → `K1A0B1`); `stateOrProvince`
///   upper-cased when the country is US or CA, where it must be a two-letter code (elsewhere a
///   region name such as "Île-de-France" is left as written).
///
/// Fields it does not know are kept unchanged.
pub fn normalize_create_order(order: &impl ReadJson) -> Value {
    let mut order = trim_strings(&order.read_json());
    if let Some(object) = order.as_object_mut() {
        upper_case(object, "deliveryMethod");
        let address = object
            .get_mut("recipient")
            .and_then(Value::as_object_mut)
            .and_then(|recipient| recipient.get_mut("address"))
            .and_then(Value::as_object_mut);
        if let Some(address) = address {
            upper_case(address, "country");
            if let Some(Value::String(postal)) = address.get_mut("postalCode") {
                *postal = postal
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_uppercase();
            }
            let country = address.get("country").and_then(Value::as_str);
            if matches!(country, Some("US" | "CA")) {
                upper_case(address, "stateOrProvince");
            }
        }
    }
    order
}

/// ASCII upper case: these are codes (country, state, postal code) where anything non-ASCII is
/// invalid anyway, and full Unicode case mapping would pull its tables into the wasm.
fn upper_case(object: &mut Map<String, Value>, key: &str) {
    if let Some(Value::String(text)) = object.get_mut(key) {
        *text = text.to_ascii_uppercase();
    }
}

/// Trims every string, dropping object members whose string was only whitespace.
/// A copy as `Value`, strings trimmed and members holding only spaces left out.
fn trim_strings(value: &Json<'_>) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => number(*n),
        Json::String(text) => Value::String(text.trim().to_owned()),
        Json::Array(items) => Value::Array(items.iter().map(trim_strings).collect()),
        Json::Object(members) => Value::Object(
            members
                .iter()
                .filter(
                    |(_, v)| !matches!(v, Json::String(s) if !s.is_empty() && s.trim().is_empty()),
                )
                .map(|(k, v)| (k.to_owned(), trim_strings(v)))
                .collect(),
        ),
    }
}

/// A number as serde_json writes what it read: whole numbers (within 2^53) as integers.
fn number(n: f64) -> Value {
    const MAX_EXACT: f64 = 9_007_199_254_740_991.0;
    // (-0 stays a float, as serde_json reads `-0`.)
    if n.fract() == 0.0 && n.abs() <= MAX_EXACT && !(n == 0.0 && n.is_sign_negative()) {
        Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn trims_and_upper_cases_where_safe() {
        let order = json!({
            "deliveryMethod": " address ",
            "utid": " U000002",
            "recipient": {
                "firstName": "  Ada ", "lastName": "   ",
                "address": {"country": "ca", "stateOrProvince": "on", "postalCode": " k1a 0b1 ", "city": "Ottawa "}
            },
            "customFields": {"keep": 1}
        });
        let normal = normalize_create_order(&order);
        assert_eq!(normal["deliveryMethod"], "ADDRESS");
        assert_eq!(normal["utid"], "U000002");
        assert_eq!(normal["recipient"]["firstName"], "Ada");
        assert!(normal["recipient"].get("lastName").is_none());
        assert_eq!(normal["recipient"]["address"]["country"], "CA");
        assert_eq!(normal["recipient"]["address"]["stateOrProvince"], "ON");
        assert_eq!(normal["recipient"]["address"]["postalCode"], "K1A0B1");
        assert_eq!(normal["recipient"]["address"]["city"], "Ottawa");
        assert_eq!(normal["customFields"]["keep"], 1);
        // The input is untouched.
        assert_eq!(order["utid"], " U000002");
    }

    #[test]
    fn regions_outside_north_america_keep_their_case() {
        let order = json!({"recipient": {"address": {"country": "fr", "stateOrProvince": "Île-de-France"}}});
        let normal = normalize_create_order(&order);
        assert_eq!(
            normal["recipient"]["address"]["stateOrProvince"],
            "Île-de-France"
        );
        assert_eq!(normal["recipient"]["address"]["country"], "FR");
    }
}
