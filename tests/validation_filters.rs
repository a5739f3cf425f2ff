//! The query rules of `GET /lineItems` and `GET /orders` (issue 14): each parameter's enum as its
//! own operation lists it, lengths, E.164 mobile numbers, sort columns, page keys, remaining
//! balance ranges, and one reading of a date-only end date (the whole day) everywhere.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::validate::{
    validate_line_item_filter, validate_order_filter, Code, Report, ValidateOptions,
};

fn line_items(filter: Value) -> Report {
    validate_line_item_filter(&filter, &ValidateOptions::default())
}

fn only(report: &Report) -> (String, Code) {
    assert_eq!(report.issues.len(), 1, "{:?}", report.issues);
    (report.issues[0].path.clone(), report.issues[0].code)
}

#[test]
fn a_full_line_item_filter_of_valid_values_passes() {
    let filter = json!({
        "referenceOrderID": "RA260101-0001-05", "externalRefID": "abc123", "utid": "U000001",
        "status": "COMPLETE", "emailStatus": "NOT_DELIVERED", "deliveryMethod": "EMAIL",
        "deliveryStatus": "DISPATCHED", "orderStatus": "PARTIAL", "orderSource": "RA",
        "recipientEmail": "ada@example.com", "recipientMobileNumber": "+442071234567",
        "recipientFirstName": "Zoë", "accountIdentifier": "demo-account", "campaign": "spring",
        "recipientPostalCode": "62701", "recipientCountry": "US",
        "startDate": "2026-01-01", "endDate": "2026-01-31T23:59:59Z",
        "columnSortName": "amountIssued", "columnSortAscending": true, "elementsPerBlock": 50,
        "pagePrevious": false, "pageKeys": ["1767225600000", "RA260101-0001-05-01"],
        "minRemainingBalance": 0, "maxRemainingBalance": 25.5, "hasRemainingBalance": true,
    });
    let report = line_items(filter);
    assert!(report.valid, "{:?}", report.issues);
    assert!(line_items(Value::Null).valid);
}

#[test]
fn a_huge_value_is_too_long_before_it_reaches_a_url() {
    let huge = "a".repeat(10 * 1024 * 1024);
    assert_eq!(
        only(&line_items(json!({"externalRefID": huge}))),
        ("externalRefID".into(), Code::TooLong)
    );
    assert_eq!(
        only(&line_items(json!({"campaign": "c".repeat(101)}))),
        ("campaign".into(), Code::TooLong)
    );
    assert_eq!(
        only(&line_items(json!({"recipientCity": "c".repeat(31)}))),
        ("recipientCity".into(), Code::TooLong)
    );
}

#[test]
fn each_enum_is_the_one_its_operation_lists() {
    for (field, bad) in [
        ("status", "PARTIAL"),     // an order status, not a line item one
        ("orderStatus", "QUEUED"), // GET /orders knows it; GET /lineItems does not
        ("emailStatus", "OPENED"),
        ("deliveryMethod", "CARRIER"),
        ("deliveryStatus", "SHIPPED"),
        ("orderSource", "XX"),
        ("columnSortName", "amount"),
    ] {
        assert_eq!(
            only(&line_items(json!({field: bad}))),
            (field.into(), Code::InvalidValue),
            "{field}"
        );
    }
    // GET /orders lists no CANCELED for lineItemStatus (line items may show it; the query takes
    // only CANCELLED).
    let orders = |filter: Value| validate_order_filter(&filter, &ValidateOptions::default());
    assert_eq!(
        only(&orders(json!({"lineItemStatus": "CANCELED"}))),
        ("lineItemStatus".into(), Code::InvalidValue)
    );
    assert!(orders(json!({"lineItemStatus": "CANCELLED"})).valid);
}

#[test]
fn mobile_numbers_booleans_numbers_and_page_keys_have_their_shapes() {
    assert_eq!(
        only(&line_items(json!({"recipientMobileNumber": "2025550123"}))),
        ("recipientMobileNumber".into(), Code::InvalidFormat)
    );
    assert_eq!(
        only(&line_items(json!({"columnSortAscending": "yes"}))),
        ("columnSortAscending".into(), Code::InvalidFormat)
    );
    assert_eq!(
        only(&line_items(json!({"elementsPerBlock": 0}))),
        ("elementsPerBlock".into(), Code::OutOfRange)
    );
    assert_eq!(
        only(&line_items(json!({"elementsPerBlock": 2.5}))),
        ("elementsPerBlock".into(), Code::InvalidFormat)
    );
    assert_eq!(
        only(&line_items(json!({"minRemainingBalance": -1}))),
        ("minRemainingBalance".into(), Code::OutOfRange)
    );
    assert_eq!(
        only(&line_items(
            json!({"minRemainingBalance": 5, "maxRemainingBalance": 1})
        )),
        ("maxRemainingBalance".into(), Code::OutOfRange)
    );
    for keys in [
        json!("a,b"),
        json!([1, 2]),
        json!([""]),
        json!(vec!["k"; 11]),
    ] {
        assert_eq!(
            only(&line_items(json!({"pageKeys": keys}))).0,
            "pageKeys",
            "{keys}"
        );
    }
    assert_eq!(
        only(&line_items(json!([1]))),
        ("".into(), Code::InvalidFormat)
    );
}

#[test]
fn a_date_only_end_date_means_the_whole_day_in_both_queries() {
    // Noon to the same day: the day runs to 23:59:59.999, so the range is not reversed.
    let same_day = json!({"startDate": "2026-03-04T12:00:00Z", "endDate": "2026-03-04"});
    assert!(line_items(same_day.clone()).valid);
    assert!(validate_order_filter(&same_day, &ValidateOptions::default()).valid);
    // The day before is still before.
    let reversed = json!({"startDate": "2026-03-04T12:00:00Z", "endDate": "2026-03-03"});
    assert_eq!(
        only(&line_items(reversed.clone())),
        ("endDate".into(), Code::OutOfRange)
    );
    assert_eq!(
        only(&validate_order_filter(
            &reversed,
            &ValidateOptions::default()
        )),
        ("endDate".into(), Code::OutOfRange)
    );
    assert_eq!(
        only(&line_items(json!({"startDate": "yesterday"}))),
        ("startDate".into(), Code::InvalidFormat)
    );
}
