//! Decoding never drops a schema-valid body (issue 14): integers however JSON writes them, a
//! repeated key as its last value (as `JSON.parse` reads it, and as Tango's own get-order sample
//! lists `denomination` three times), unpaired surrogate escapes, numbers that round-trip exactly,
//! and error bodies read field by field.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use tango_orders::decode::{error_body_from_json, from_json};
use tango_orders::model::{LineItemListPage, Order, OrderListPage};

#[test]
fn integers_written_as_decimals_or_exponents_read_as_integers() {
    let page: OrderListPage = from_json(
        r#"{"page": {"number": 0.0, "elementsPerBlock": 1e1, "resultCount": 10e-1, "totalCount": 25.0}, "orders": []}"#,
    )
    .unwrap();
    let page = page.page.unwrap();
    assert_eq!(
        (
            page.number,
            page.elements_per_block,
            page.result_count,
            page.total_count
        ),
        (Some(0), Some(10), Some(1), Some(25))
    );
    let items: LineItemListPage =
        from_json(r#"{"keysetPage": {"resultCount": 2.0, "totalCount": 2}, "lineItems": []}"#)
            .unwrap();
    assert_eq!(items.keyset_page.unwrap().result_count, Some(2));
    assert!(
        from_json::<OrderListPage>(r#"{"page": {"number": 0.5}}"#).is_err(),
        "a fraction is not an integer"
    );
}

#[test]
fn a_repeated_key_reads_as_its_last_value_as_json_parse_does() {
    let order: Order = from_json(
        r#"{"referenceOrderID": "RA1", "denomination": {"value": 1, "currencyCode": "USD"},
            "denomination": {"value": 2, "currencyCode": "USD"}, "denomination": {"value": 5, "currencyCode": "USD"}}"#,
    )
    .unwrap();
    assert_eq!(order.denomination.unwrap().value, Some(5.0));
    assert_eq!(order.reference_order_id.as_deref(), Some("RA1"));
}

#[test]
fn an_unpaired_surrogate_escape_reads_as_the_replacement_character() {
    let order: Order = from_json(
        r#"{"referenceOrderID": "RA1", "rewardName": "Gift \ud800 card \udc00 x \ud83d\ude00"}"#,
    )
    .unwrap();
    assert_eq!(
        order.reward_name.as_deref(),
        Some("Gift \u{FFFD} card \u{FFFD} x \u{1F600}")
    );
    // A backslash before the u is an escaped backslash, not an escape: left alone.
    let order: Order = from_json(r#"{"rewardName": "C:\\ud800", "x": "\ud800"}"#).unwrap();
    assert_eq!(order.reward_name.as_deref(), Some("C:\\ud800"));
}

// The feature that makes them exact (serde_json's float_roundtrip); the core without it reads
// within a unit in the last place.
#[cfg(feature = "exact-floats")]
#[test]
fn numbers_round_trip_exactly() {
    for value in [
        1.351_351_351_351_351_3,
        0.1,
        12.34,
        1e-7,
        123_456_789.123_456_79,
    ] {
        let text = format!(r#"{{"denomination": {{"value": {value}}}}}"#);
        let order: Order = from_json(&text).unwrap();
        assert_eq!(order.denomination.unwrap().value, Some(value), "{text}");
        assert_eq!(
            serde_json::from_str::<f64>(&value.to_string())
                .unwrap()
                .to_bits(),
            value.to_bits()
        );
    }
}

#[test]
fn an_error_body_keeps_every_readable_field_when_one_is_odd() {
    let body = error_body_from_json(
        r#"{"requestId": "req-1", "i18nKey": "403.005", "httpPhrase": "Forbidden", "httpCode": "403",
            "timestamp": 12, "message": "Too soon", "errors": [{"field": "x", "message": 5}, "odd", {"code": 422001}]}"#,
    );
    assert_eq!(body.request_id.as_deref(), Some("req-1"));
    assert_eq!(body.i18n_key.as_deref(), Some("403.005"));
    assert_eq!(body.http_phrase.as_deref(), Some("Forbidden"));
    assert_eq!(body.message.as_deref(), Some("Too soon"));
    assert_eq!((body.http_code, body.timestamp), (None, None));
    let errors = body.errors.unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].field.as_deref(), Some("x"));
    assert_eq!(errors[0].message, None);
    assert_eq!(errors[1].code, Some(serde_json::json!(422001)));
    let lone = error_body_from_json(
        r#"{"i18nKey": "400.002", "message": "bad \udfff", "httpCode": 400.0}"#,
    );
    assert_eq!(
        (lone.i18n_key.as_deref(), lone.http_code),
        (Some("400.002"), Some(400))
    );
    assert_eq!(error_body_from_json("<html>").i18n_key, None);
}
