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
/// were 2 KiB gzip of the validation-only module for this one function.
pub fn normalized<'a>(order: &Json<'a>) -> Json<'a> {
    let mut order = trim_strings(order);
    normalize_codes(&mut order);
    order
}

/// The normalized order, or `None` when normalizing changes nothing (then nothing is copied): a
/// form's valid order usually is already clean, and the Standard Schema's value is then the input
/// itself. Checked by reading first, so clean input costs one walk and no allocation.
pub fn normalized_if_changed<'a>(order: &Json<'a>) -> Option<Json<'a>> {
    if is_trimmed(order) && codes_are_normal(order) {
        return None;
    }
    Some(normalized(order))
}

/// Whether every string is trimmed (and so no member holds only spaces).
fn is_trimmed(value: &Json<'_>) -> bool {
    match value {
        Json::String(text) => text.trim().len() == text.len(),
        Json::Array(items) => items.iter().all(is_trimmed),
        Json::Object(object) => object.members().iter().all(|(_, value)| is_trimmed(value)),
        _ => true,
    }
}

/// `recipient.address` of an order, if it is an object.
fn address<'o, 'a>(order: &'o Json<'a>) -> Option<&'o Object<'a>> {
    order.get("recipient")?.get("address")?.as_object()
}

/// Whether the codes are as [`normalize_codes`] would write them: the delivery method, country,
/// postal code and (in the US and Canada) state in capitals, the postal code without spaces.
fn codes_are_normal(order: &Json<'_>) -> bool {
    let capitals = |text: Option<&Json<'_>>| match text {
        Some(Json::String(text)) => !text.bytes().any(|b| b.is_ascii_lowercase()),
        _ => true,
    };
    let Some(address) = address(order) else {
        return capitals(order.get("deliveryMethod"));
    };
    let postal_is_compact = match address.get("postalCode") {
        Some(Json::String(postal)) => !postal.chars().any(char::is_whitespace),
        _ => true,
    };
    let country = address.get("country").and_then(Json::as_str);
    let north_america =
        country.is_some_and(|c| c.eq_ignore_ascii_case("US") || c.eq_ignore_ascii_case("CA"));
    capitals(order.get("deliveryMethod"))
        && capitals(address.get("country"))
        && capitals(address.get("postalCode"))
        && postal_is_compact
        && (!north_america || capitals(address.get("stateOrProvince")))
}

/// Upper-cases the codes and compacts the postal code (see [`normalize_create_order`]).
fn normalize_codes(order: &mut Json<'_>) {
    let Json::Object(object) = order else {
        return;
    };
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
    fn clean_input_is_not_copied_and_anything_to_clean_is() {
        let clean = json!({
            "deliveryMethod": "ADDRESS", "utid": "U000002", "tags": ["a", "b"],
            "recipient": {"firstName": "Ada", "address": {"country": "US", "stateOrProvince": "IL", "postalCode": "62701"}},
            "customFields": {"keep": 1}
        });
        assert!(normalized_if_changed(&Json::from(&clean)).is_none());
        for (pointer, value) in [
            ("/deliveryMethod", json!("address")),
            ("/tags/1", json!(" b")),
            ("/recipient/firstName", json!("   ")),
            ("/recipient/address/country", json!("us")),
            ("/recipient/address/stateOrProvince", json!("il")),
            ("/recipient/address/postalCode", json!("627 01")),
            ("/customFields/keep", json!(" x ")),
        ] {
            let mut order = clean.clone();
            *order.pointer_mut(pointer).unwrap() = value;
            let changed = normalized_if_changed(&Json::from(&order))
                .map(|j| serde_json::to_value(j).unwrap());
            assert_eq!(changed, Some(normalize_create_order(&order)), "{pointer}");
            assert_ne!(changed, Some(order), "{pointer}");
        }
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
