//! Property tests: any JSON at all, and any order-shaped JSON, gets a report (never a panic), the
//! same input always gets the same report, and normalizing twice changes nothing more.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use tango_orders::validate::*;

/// Any JSON value, a few levels deep, with strings that mix ASCII, accents, emoji and controls.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|i| json!(i)),
        "\\PC{0,40}".prop_map(Value::String),
        "[ -~]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const ORDER_KEYS: [&str; 18] = [
    "customerIdentifier",
    "accountIdentifier",
    "externalRefID",
    "utid",
    "ptid",
    "etid",
    "amount",
    "deliveryMethod",
    "sendEmail",
    "sender",
    "recipient",
    "message",
    "campaign",
    "notes",
    "expirationDate",
    "customFields",
    "purchaseOrderNumber",
    "emailSubject",
];
const RECIPIENT_KEYS: [&str; 5] = ["firstName", "lastName", "email", "mobileNumber", "address"];
const ADDRESS_KEYS: [&str; 7] = [
    "companyName",
    "streetLine1",
    "streetLine2",
    "city",
    "stateOrProvince",
    "postalCode",
    "country",
];

/// Plausible values for any field: the right kinds of text, numbers, and wrong types.
fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("EMAIL")),
        Just(json!("ADDRESS")),
        Just(json!("PHONE")),
        Just(json!("QRCODE")),
        Just(json!("US")),
        Just(json!("CA")),
        Just(json!("NY")),
        Just(json!("+12025550123")),
        Just(json!("2027-01-01T00:00:00Z")),
        Just(json!(true)),
        Just(json!(false)),
        Just(json!(10.5)),
        "[A-Za-z0-9 .,'/<>-]{0,40}".prop_map(Value::String),
        any_json(),
    ]
}

fn object_of(
    keys: &'static [&'static str],
    values: impl Strategy<Value = Value>,
) -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec((prop::sample::select(keys), values), 0..keys.len())
        .prop_map(|pairs| pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// Order-shaped JSON: known keys, nested recipient and address, values of every kind.
fn order_shaped() -> impl Strategy<Value = Value> {
    let address = object_of(&ADDRESS_KEYS, field_value()).prop_map(Value::Object);
    let recipient = (
        object_of(&RECIPIENT_KEYS, field_value()),
        prop::option::of(address),
    )
        .prop_map(|(mut r, a)| {
            if let Some(a) = a {
                r.insert("address".into(), a);
            }
            Value::Object(r)
        });
    (
        object_of(&ORDER_KEYS, field_value()),
        prop::option::of(recipient),
    )
        .prop_map(|(mut o, r)| {
            if let Some(r) = r {
                o.insert("recipient".into(), r);
            }
            Value::Object(o)
        })
}

fn every_option() -> Vec<ValidateOptions> {
    vec![
        ValidateOptions::default(),
        ValidateOptions {
            partial: true,
            ..Default::default()
        },
        ValidateOptions {
            fulfillment: Some(FulfillmentOption::Physical),
            now_ms: Some(0.0),
            ..Default::default()
        },
        ValidateOptions {
            fields: Some(vec!["recipient".into()]),
            ..Default::default()
        },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_json_gets_a_report_and_the_same_one_twice(input in any_json()) {
        for options in every_option() {
            let first = validate_create_order(&input, &options);
            prop_assert_eq!(first.valid, first.issues.is_empty());
            prop_assert_eq!(&first, &validate_create_order(&input, &options));
        }
        let _ = validate_order_filter(&input, &ValidateOptions::default());
        let _ = validate_order_resend(&input, &ValidateOptions::default());
        let _ = validate_line_item_resend(&input, &ValidateOptions::default());
        let _ = validate_line_item_action(&input, LineItemAction::Cancel, &ValidateOptions::default());
        let _ = normalize_create_order(&input);
    }

    #[test]
    fn order_shaped_json_gets_a_consistent_report(order in order_shaped()) {
        for options in every_option() {
            let report = validate_create_order(&order, &options);
            prop_assert_eq!(&report, &validate_create_order(&order, &options));
            for issue in &report.issues {
                prop_assert!(issue.message.ends_with('.'));
                if let Some(fields) = &options.fields {
                    prop_assert!(fields.iter().any(|f| issue.path.starts_with(f.as_str())));
                }
            }
        }
    }

    #[test]
    fn normalizing_is_idempotent(order in order_shaped()) {
        let once = normalize_create_order(&order);
        prop_assert_eq!(&once, &normalize_create_order(&once));
    }

    #[test]
    fn any_string_is_a_path_id_or_an_invalid_format(id in "\\PC{0,120}") {
        let report = validate_path_id("referenceOrderID", &id);
        let ok = !id.is_empty() && id.chars().count() <= 100 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        prop_assert_eq!(report.valid, ok);
    }
}
