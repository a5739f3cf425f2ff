//! `normalize_create_order`: the safe clean-ups of a create-order body, kept apart from validation
//! (which never changes its input).

use super::json::{Json, Object, ReadJson};
use serde_json::Value;
use std::borrow::Cow;

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
    // Every `Json` is representable as a `Value` (finite numbers, string keys).
    serde_json::to_value(normalized(&order.read_json())).unwrap_or(Value::Null)
}

/// [`normalize_create_order`] as `Json`, members in the order given: what the wasm export writes.
///
/// Why not through `serde_json::Value`: its objects are `BTreeMap`s, whose building and sorting
/// were 2 KB gzip of the validation-only module for this one function.
pub fn normalized<'a>(order: &Json<'a>) -> Json<'a> {
    let mut order = trim_strings(order);
    if let Json::Object(object) = &mut order {
        upper_case(object, "deliveryMethod");
        let address = match object.get_mut("recipient") {
            Some(Json::Object(recipient)) => match recipient.get_mut("address") {
                Some(Json::Object(address)) => Some(address),
                _ => None,
            },
            _ => None,
        };
        if let Some(address) = address {
            upper_case(address, "country");
            if let Some(Json::String(postal)) = address.get_mut("postalCode") {
                let compact: String = postal.chars().filter(|c| !c.is_whitespace()).collect();
                *postal = Cow::Owned(compact.to_ascii_uppercase());
            }
            if matches!(
                address.get("country").and_then(Json::as_str),
                Some("US" | "CA")
            ) {
                upper_case(address, "stateOrProvince");
            }
        }
    }
    order
}

/// ASCII upper case: these are codes (country, state, postal code) where anything non-ASCII is
/// invalid anyway, and full Unicode case mapping would pull its tables into the wasm.
fn upper_case(object: &mut Object<'_>, key: &str) {
    if let Some(Json::String(text)) = object.get_mut(key) {
        *text = Cow::Owned(text.to_ascii_uppercase());
    }
}

/// A copy with every string trimmed and the object members holding only spaces left out.
fn trim_strings<'a>(value: &Json<'a>) -> Json<'a> {
    match value {
        Json::String(Cow::Borrowed(text)) => Json::String(Cow::Borrowed(text.trim())),
        Json::String(Cow::Owned(text)) => Json::String(Cow::Owned(text.trim().to_owned())),
        Json::Array(items) => Json::Array(items.iter().map(trim_strings).collect()),
        Json::Object(object) => Json::Object(
            object
                .members()
                .iter()
                .filter(
                    |(_, v)| !matches!(v, Json::String(s) if !s.is_empty() && s.trim().is_empty()),
                )
                .map(|(k, v)| (k.clone(), trim_strings(v)))
                .collect(),
        ),
        other => other.clone(),
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
