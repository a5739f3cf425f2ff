//! Entry points for the fuzz targets in `fuzz/` and for their replay on stable (`tests/fuzz.rs`):
//! each takes arbitrary bytes and must return without panicking. Not part of the supported API.

use crate::decode::from_json;
use crate::model::*;
use crate::validate::{self, FulfillmentOption, LineItemAction, ValidateOptions};
use serde_json::{json, Value};

/// Decodes `bytes` as every response body the client reads, and re-encodes what decoded.
pub fn decode_every_response(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug>(text: &str) {
        if let Ok(model) = from_json::<T>(text) {
            // Encoding what decoded must work too (the JS layer does exactly this), and Debug
            // must not fail on anything (it redacts personal data).
            let _ = serde_json::to_string(&model);
            let _ = format!("{model:?}");
        }
    }
    round_trip::<Order>(text);
    round_trip::<OrderListPage>(text);
    round_trip::<LineItem>(text);
    round_trip::<LineItemListPage>(text);
    round_trip::<OrderResendResult>(text);
    round_trip::<LineItemResendResult>(text);
    round_trip::<ApiErrorBody>(text);
    round_trip::<CreateOrderRequest>(text);
    round_trip::<OrderFilter>(text);
    round_trip::<LineItemFilter>(text);
    round_trip::<ValidateOptions>(text);
}

/// Runs every validator, the normalizer and the request builders on `bytes` read as JSON (or, when
/// they are not JSON, as one string), under several option sets.
pub fn validate_everything(bytes: &[u8]) {
    let input = serde_json::from_slice::<Value>(bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(bytes).into_owned()));
    let options = [
        ValidateOptions::default(),
        ValidateOptions {
            partial: true,
            fulfillment: Some(FulfillmentOption::Physical),
            fields: Some(vec!["recipient".into(), "amount".into()]),
            now_ms: Some(1.8e12),
            // The input read as a catalog too: the catalog reader sees every shape.
            catalog: crate::validate::CatalogRules::from_json(&crate::validate::Json::from(&input)),
            extra_fields: Some(vec!["recipient.pronouns".into(), "notez".into()]),
        },
        ValidateOptions {
            fulfillment: Some(FulfillmentOption::Digital),
            now_ms: Some(f64::MAX),
            // The simulator's kinds of item: digital with PHONE, physical with countries, fixed.
            catalog: serde_json::from_str(
                r#"{"catalog": [{"utid": "U000001", "minValue": 1, "maxValue": 2000, "attributes": ["PHONE"]},
                    {"utid": "U000002", "minValue": 5, "maxValue": 500, "fulfillmentType": "PHYSICAL",
                     "countries": ["US"], "isWholeAmountValueRequired": true},
                    {"utid": "U000003", "valueType": "FIXED_VALUE", "faceValue": 25, "status": "inactive"}]}"#,
            )
            .map_or(None, |options: ValidateOptions| options.catalog),
            ..ValidateOptions::default()
        },
    ];
    for options in &options {
        let report = validate::validate_create_order(&input, options);
        assert_eq!(report, validate::validate_create_order(&input, options));
        let rows = match &input {
            Value::Array(rows) => rows.clone(),
            other => vec![other.clone(), other.clone()],
        };
        let _ = validate::validate_create_orders(&rows, options);
        let _ = validate::validate_order_filter(&input, options);
        let _ = validate::validate_order_resend(&input, options);
        let _ = validate::validate_line_item_resend(&input, options);
    }
    let _ = validate::validate_line_item_action(&input, LineItemAction::Cancel, &options[0]);
    let _ = validate::validate_line_item_action(&input, LineItemAction::Freeze, &options[1]);
    let normalized = validate::normalize_create_order(&input);
    assert_eq!(normalized, validate::normalize_create_order(&normalized));
    // "Nothing to change" is decided by reading first: it must agree with the normalizer.
    let json = validate::Json::from(&input);
    match validate::normalized_if_changed(&json) {
        Some(changed) => assert_ne!(changed, json),
        None => assert_eq!(validate::normalized(&json), json),
    }
    // Any text as the paths a form names: reported or kept, never a panic.
    if let Value::String(path) = &input {
        let fields = ValidateOptions {
            fields: Some(vec![path.clone(), format!("recipient.{path}")]),
            extra_fields: Some(vec![path.clone()]),
            ..ValidateOptions::default()
        };
        let _ = validate::validate_create_order(&json!({ path.as_str(): 1 }), &fields);
        let _ = validate::validate_line_item_filter(&Value::Null, &fields);
    }
    let _ = crate::client::query_string(&input);
    let _ = crate::client::prepare_create(&input, &options[0], "generated".into());
    check_csv(bytes);
    if let Value::String(id) = &input {
        let _ = validate::validate_path_id("referenceOrderID", id);
        if let Ok(path) = crate::client::id_path("orders", "referenceOrderID", id, "/resends") {
            // Only plain IDs pass, and they are the one segment under the collection.
            assert_eq!(path, format!("/orders/{id}/resends"));
            assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        }
    }
}

/// Reads `bytes` as a CSV of orders, as they are and under a header of wire paths, with and without
/// a mapping and defaults, and checks what every report must hold.
fn check_csv(bytes: &[u8]) {
    let header = b"recipient.firstName,recipient.email,amount,sendEmail,customFields.x\n".to_vec();
    let with_header = [header, bytes.to_vec()].concat();
    let settings = [
        validate::CsvSettings::default(),
        serde_json::from_str(
            r#"{"columns": {"a": "recipient.lastName", "b": null, "amount": "notes"},
                "defaults": {"utid": "U000001", "recipient": {"email": "a@example.com"}, "externalRefID": "k"}}"#,
        )
        .unwrap_or_default(),
    ];
    for input in [bytes, &with_header[..]] {
        for settings in &settings {
            let Ok(report) = validate::validate_orders_csv(input, settings) else {
                continue;
            };
            assert_eq!(report.valid_count + report.invalid_count, report.row_count);
            assert_eq!(report.valid, report.issues.is_empty());
            for issue in &report.issues {
                assert!(issue.line >= 1);
                assert!(issue.index.map_or(true, |index| index < report.row_count));
            }
            let orders = validate::orders_from_csv(input, settings).unwrap_or_default();
            assert_eq!(orders.len(), report.row_count);
            assert_eq!(
                validate::validate_orders_csv(input, settings).ok(),
                Some(report)
            );
        }
    }
}
