//! Building requests: IDs encoded into paths, filters into query strings, and the create body with
//! its delivery method, `sendEmail` and `externalRefID` filled in.

use crate::error::Error;
use crate::validate::{self, ValidateOptions};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;

/// Everything but letters, digits and `-` is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-');

/// `/{collection}/{id}{suffix}` with `id` checked (1–100 letters, digits, hyphens) and encoded, so no
/// input can change the route.
pub fn id_path(collection: &str, name: &str, id: &str, suffix: &str) -> Result<String, Error> {
    validate::validate_path_id(name, id).into_result()?;
    Ok(format!(
        "/{collection}/{}{suffix}",
        utf8_percent_encode(id, SEGMENT)
    ))
}

/// A filter object as a query string (`a=1&b=x`), arrays as repeated keys, `null` left out.
pub fn query_string(filter: &Value) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(filter) = filter.as_object() {
        for (key, value) in filter {
            match value {
                Value::Null => {}
                Value::Array(items) => {
                    for item in items {
                        query.append_pair(key, &scalar(item));
                    }
                }
                other => {
                    query.append_pair(key, &scalar(other));
                }
            }
        }
    }
    query.finish()
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Validates a create body and returns the one to send: `deliveryMethod` made explicit (inferred as
/// Tango would), `sendEmail` derived from it, and `externalRefID` set to `generated` when absent —
/// the key every retry of this call reuses.
pub fn prepare_create(
    order: &Value,
    options: &ValidateOptions,
    generated: String,
) -> Result<Value, Error> {
    validate::validate_create_order(order, options).into_result()?;
    let mut body = order.clone();
    let Some(object) = body.as_object_mut() else {
        return Err(Error::invalid(
            "",
            validate::Code::InvalidFormat,
            "The order must be an object.",
        ));
    };
    let method = match object.get("deliveryMethod").and_then(Value::as_str) {
        Some(method) if !method.trim().is_empty() => method.to_owned(),
        _ => {
            let has_address = object
                .get("recipient")
                .and_then(|r| r.get("address"))
                .is_some_and(Value::is_object);
            let send_email = object.get("sendEmail").and_then(Value::as_bool);
            // Validated above, so a method can be inferred; NONE is only a type-level fallback.
            crate::rules::infer_delivery_method(has_address, send_email)
                .unwrap_or("NONE")
                .to_owned()
        }
    };
    object.insert("sendEmail".into(), Value::Bool(method == "EMAIL"));
    object.insert("deliveryMethod".into(), Value::String(method));
    let missing_key = object
        .get("externalRefID")
        .and_then(Value::as_str)
        .is_none();
    if missing_key {
        object.insert("externalRefID".into(), Value::String(generated));
    }
    Ok(body)
}

/// A new idempotency key: 32 letters and digits from `random` (`[0, 1)` draws).
pub fn new_external_ref_id(mut random: impl FnMut() -> f64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..32)
        .map(|_| {
            let index = ((random() * ALPHABET.len() as f64) as usize).min(ALPHABET.len() - 1);
            char::from(ALPHABET.get(index).copied().unwrap_or(b'0'))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_are_checked_and_encoded() {
        assert_eq!(
            id_path("orders", "referenceOrderID", "RA1-2", "/resends").unwrap(),
            "/orders/RA1-2/resends"
        );
        for bad in ["../x", "a/b", "a?b", "", "a b"] {
            assert!(
                id_path("orders", "referenceOrderID", bad, "").is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn filters_become_query_strings() {
        let query = query_string(
            &json!({"recipientEmail": "a+b@x.io", "page": 2, "pageKeys": ["k 1", "k2"], "sendEmail": false, "x": null}),
        );
        assert_eq!(
            query,
            "page=2&pageKeys=k+1&pageKeys=k2&recipientEmail=a%2Bb%40x.io&sendEmail=false"
        );
    }

    #[test]
    fn create_bodies_get_method_send_email_and_key() {
        let order = json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
            "utid": "U000001", "amount": 5, "sendEmail": true, "recipient": {"firstName": "A", "email": "a@b.co"}});
        let body = prepare_create(&order, &ValidateOptions::default(), "KEY1".into()).unwrap();
        assert_eq!(
            (body["deliveryMethod"].as_str(), body["sendEmail"].as_bool()),
            (Some("EMAIL"), Some(true))
        );
        assert_eq!(body["externalRefID"], "KEY1");
        let mut own = order.clone();
        own["externalRefID"] = json!("mine1");
        assert_eq!(
            prepare_create(&own, &ValidateOptions::default(), "KEY2".into()).unwrap()
                ["externalRefID"],
            "mine1"
        );
        assert!(matches!(
            prepare_create(&json!({}), &ValidateOptions::default(), "K".into()),
            Err(Error::Validation(_))
        ));
    }

    #[test]
    fn generated_keys_are_32_letters_and_digits() {
        let mut n = 0.0;
        let key = new_external_ref_id(|| {
            n = (n + 0.37) % 1.0;
            n
        });
        assert_eq!(key.len(), 32);
        assert!(key.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(new_external_ref_id(|| 0.999_999_999).len(), 32);
    }
}
