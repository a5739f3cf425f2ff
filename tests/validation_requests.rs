//! Validation of everything but the create body: list filters, resends, line item actions, IDs in
//! paths, bulk uploads, and the partial and field-by-field modes a form uses.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::validate::*;

fn codes(report: &Report) -> Vec<(&str, Code)> {
    report
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code))
        .collect()
}

fn filter(value: Value) -> Vec<(String, Code)> {
    let report = validate_order_filter(&value, &ValidateOptions::default());
    report
        .issues
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn one(path: &str, code: Code) -> Vec<(String, Code)> {
    vec![(path.to_owned(), code)]
}

#[test]
fn an_empty_or_absent_filter_is_valid() {
    assert!(filter(json!({})).is_empty());
    assert!(filter(Value::Null).is_empty());
    assert_eq!(
        filter(json!("status=COMPLETE")),
        one("", Code::InvalidFormat)
    );
}

#[test]
fn filter_identifiers_follow_the_create_rules() {
    assert!(
        filter(json!({"customerIdentifier": "abcde", "accountIdentifier": "a-b-c-d"})).is_empty()
    );
    assert_eq!(
        filter(json!({"customerIdentifier": "abcd"})),
        one("customerIdentifier", Code::TooShort)
    );
    assert_eq!(
        filter(json!({"accountIdentifier": "a".repeat(101)})),
        one("accountIdentifier", Code::TooLong)
    );
    assert_eq!(
        filter(json!({"externalRefID": "a b"})),
        one("externalRefID", Code::InvalidCharacters)
    );
}

#[test]
fn filter_dates_are_rfc3339_and_start_is_not_after_end() {
    assert!(
        filter(json!({"startDate": "2016-01-01", "endDate": "2016-01-01T00:00:00Z"})).is_empty()
    );
    assert_eq!(
        filter(json!({"startDate": "01/01/2016"})),
        one("startDate", Code::InvalidFormat)
    );
    assert_eq!(
        filter(json!({"endDate": "2016-02-30"})),
        one("endDate", Code::InvalidFormat)
    );
    assert_eq!(
        filter(json!({"startDate": "2026-02-01", "endDate": "2026-01-31T23:59:59Z"})),
        one("endDate", Code::OutOfRange)
    );
}

#[test]
fn filter_page_is_at_least_0_and_elements_per_block_at_least_1() {
    assert!(filter(json!({"page": 0, "elementsPerBlock": 1})).is_empty());
    assert_eq!(filter(json!({"page": -1})), one("page", Code::OutOfRange));
    assert_eq!(
        filter(json!({"elementsPerBlock": 0})),
        one("elementsPerBlock", Code::OutOfRange)
    );
    assert_eq!(
        filter(json!({"page": 1.5})),
        one("page", Code::InvalidFormat)
    );
    assert_eq!(
        filter(json!({"page": "2"})),
        one("page", Code::InvalidFormat)
    );
}

#[test]
fn filter_amounts_are_not_negative_and_min_is_not_above_max() {
    assert!(filter(json!({"minAmount": 0, "maxAmount": 0})).is_empty());
    assert_eq!(
        filter(json!({"minAmount": -0.01})),
        one("minAmount", Code::OutOfRange)
    );
    assert_eq!(
        filter(json!({"minAmount": 10, "maxAmount": 5})),
        one("maxAmount", Code::OutOfRange)
    );
}

#[test]
fn filter_currency_is_one_of_the_five() {
    for ok in ["AUD", "CAD", "EUR", "GBP", "USD"] {
        assert!(filter(json!({"currencyCode": ok})).is_empty());
    }
    assert_eq!(
        filter(json!({"currencyCode": "usd"})),
        one("currencyCode", Code::InvalidValue)
    );
    assert_eq!(
        filter(json!({"currencyCode": "JPY"})),
        one("currencyCode", Code::InvalidValue)
    );
}

#[test]
fn filter_statuses_are_known_values_only() {
    assert!(filter(
        json!({"orderStatus": "PENDING_KYB", "lineItemStatus": "RETURNED", "status": "PARTIAL"})
    )
    .is_empty());
    assert_eq!(
        filter(json!({"orderStatus": "COMPLETED"})),
        one("orderStatus", Code::InvalidValue)
    );
    assert_eq!(
        filter(json!({"lineItemStatus": "complete"})),
        one("lineItemStatus", Code::InvalidValue)
    );
    assert_eq!(
        filter(json!({"deliveryMethod": "SMS"})),
        one("deliveryMethod", Code::InvalidValue)
    );
}

#[test]
fn filter_names_campaign_and_notes_have_limits() {
    assert!(filter(json!({"recipientFirstName": "Zoë", "senderLastName": "O'Neil"})).is_empty());
    assert_eq!(
        filter(json!({"recipientLastName": "a/b"})),
        one("recipientLastName", Code::InvalidCharacters)
    );
    assert_eq!(
        filter(json!({"senderFirstName": "a".repeat(101)})),
        one("senderFirstName", Code::TooLong)
    );
    assert_eq!(
        filter(json!({"campaign": "a".repeat(101)})),
        one("campaign", Code::TooLong)
    );
    assert!(filter(json!({"notes": "a".repeat(150)})).is_empty());
    assert_eq!(
        filter(json!({"notes": "a".repeat(151)})),
        one("notes", Code::TooLong)
    );
    assert_eq!(
        filter(json!({"sendEmail": "true"})),
        one("sendEmail", Code::InvalidFormat)
    );
}

fn order_resend(body: Value) -> Report {
    validate_order_resend(&body, &ValidateOptions::default())
}

fn line_item_resend(body: Value) -> Report {
    validate_line_item_resend(&body, &ValidateOptions::default())
}

#[test]
fn an_empty_resend_resends_to_the_original_recipient() {
    assert!(order_resend(Value::Null).valid);
    assert!(order_resend(json!({})).valid);
    assert!(line_item_resend(json!({})).valid);
    assert_eq!(codes(&order_resend(json!([]))), [("", Code::InvalidFormat)]);
}

#[test]
fn resend_contacts_are_valid_emails_and_e164_numbers() {
    assert!(order_resend(json!({"newEmail": "new@example.com", "newEtid": "E000001"})).valid);
    assert_eq!(
        codes(&order_resend(json!({"newEmail": "new@"}))),
        [("newEmail", Code::InvalidFormat)]
    );
    assert_eq!(
        codes(&order_resend(json!({"newMobile": "2025550123"}))),
        [("newMobile", Code::InvalidFormat)]
    );
    assert_eq!(
        codes(&order_resend(json!({"newEtid": "E1"}))),
        [("newEtid", Code::InvalidFormat)]
    );
    assert_eq!(
        codes(&line_item_resend(json!({"newMobileNumber": "+0123"}))),
        [("newMobileNumber", Code::InvalidFormat)]
    );
}

#[test]
fn resend_method_switches_need_the_contact_of_the_new_method() {
    assert!(order_resend(json!({"newDeliveryMethod": "PHONE", "newMobile": "+12025550123"})).valid);
    assert_eq!(
        codes(&order_resend(json!({"newDeliveryMethod": "PHONE"}))),
        [("newMobile", Code::Required)]
    );
    assert_eq!(
        codes(&order_resend(
            json!({"newDeliveryMethod": "PHONE", "newMobile": "+442071838750"})
        )),
        [("newMobile", Code::Unsupported)]
    );
    assert!(
        line_item_resend(
            json!({"newDeliveryMethod": "WHATSAPP", "newMobileNumber": "+442071838750"})
        )
        .valid
    );
    assert_eq!(
        codes(&line_item_resend(json!({"newDeliveryMethod": "EMAIL"}))),
        [("newEmail", Code::Required)]
    );
    assert!(order_resend(json!({"newDeliveryMethod": "NONE"})).valid);
    for bad in ["ADDRESS", "EMBEDDED", "QRCODE", "phone"] {
        assert_eq!(
            codes(&order_resend(json!({"newDeliveryMethod": bad}))),
            [("newDeliveryMethod", Code::InvalidValue)],
            "{bad}"
        );
    }
}

#[test]
fn line_item_resend_reason_is_known_and_other_needs_words() {
    assert!(line_item_resend(json!({"reasonCode": "NOT_RECEIVED"})).valid);
    assert!(
        line_item_resend(json!({"reasonCode": "OTHER", "otherReason": "asked by phone"})).valid
    );
    assert_eq!(
        codes(&line_item_resend(json!({"reasonCode": "OTHER"}))),
        [("otherReason", Code::Required)]
    );
    assert_eq!(
        codes(&line_item_resend(json!({"reasonCode": "FRAUD"}))),
        [("reasonCode", Code::InvalidValue)]
    );
}

#[test]
fn cancel_and_freeze_need_a_reason_of_their_own_list() {
    let cancel = |body: Value| {
        validate_line_item_action(&body, LineItemAction::Cancel, &ValidateOptions::default())
    };
    let freeze = |body: Value| {
        validate_line_item_action(&body, LineItemAction::Freeze, &ValidateOptions::default())
    };
    assert!(cancel(json!({"reasonCode": "DUPLICATE"})).valid);
    assert_eq!(
        codes(&freeze(json!({"reasonCode": "DUPLICATE"}))),
        [("reasonCode", Code::InvalidValue)]
    );
    assert!(freeze(json!({"reasonCode": "VERIFY_ORDER"})).valid);
    assert_eq!(codes(&cancel(json!({}))), [("reasonCode", Code::Required)]);
    assert_eq!(
        codes(&cancel(json!({"reasonCode": "OTHER"}))),
        [("otherReason", Code::Required)]
    );
}

#[test]
fn ids_in_paths_are_1_to_100_letters_digits_and_hyphens() {
    assert!(validate_path_id("referenceOrderID", "RA230918-1234-56").valid);
    assert!(validate_path_id("referenceOrderID", &"A".repeat(100)).valid);
    for bad in [
        "",
        "../orders",
        "%2e%2e%2f",
        "RA1?x=1",
        "RA1#x",
        "RA1\r\nX: y",
        "RA1\0",
        "RА1",
        "RA 1",
    ] {
        let report = validate_path_id("referenceOrderID", bad);
        assert_eq!(
            codes(&report),
            [("referenceOrderID", Code::InvalidFormat)],
            "{bad:?}"
        );
    }
    assert!(!validate_path_id("referenceLineItemID", &"A".repeat(101)).valid);
}

fn valid_row(n: usize) -> Value {
    json!({
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
        "utid": "U000001", "amount": 10, "deliveryMethod": "EMAIL", "externalRefID": format!("row{n}"),
        "recipient": {"firstName": "Ada", "email": format!("ada{n}@example.com")}
    })
}

#[test]
fn bulk_reports_every_invalid_row_at_its_index() {
    let mut rows: Vec<Value> = (0..1000).map(valid_row).collect();
    for i in (0..1000).step_by(7) {
        rows[i]["amount"] = json!(0);
    }
    let report = validate_create_orders(&rows, &ValidateOptions::default()).unwrap();
    let invalid: Vec<usize> = (0..1000).step_by(7).collect();
    assert_eq!(report.invalid_count, invalid.len());
    assert_eq!(report.valid_count, 1000 - invalid.len());
    let reported: Vec<usize> = report.issues.iter().map(|i| i.index).collect();
    assert_eq!(reported, invalid);
    assert!(report
        .issues
        .iter()
        .all(|i| i.path == "amount" && i.code == Code::OutOfRange));
}

#[test]
fn bulk_flags_a_repeated_external_ref_id() {
    let rows = vec![valid_row(1), valid_row(2), valid_row(1)];
    let report = validate_create_orders(&rows, &ValidateOptions::default()).unwrap();
    assert_eq!(report.invalid_count, 1);
    let issue = &report.issues[0];
    assert_eq!(
        (issue.index, issue.path.as_str(), issue.code),
        (2, "externalRefID", Code::Conflict)
    );
    assert!(issue.message.contains("row 0"), "{}", issue.message);
}

#[test]
fn bulk_takes_at_most_50000_rows() {
    let rows = vec![json!({}); MAX_BULK_ROWS + 1];
    let report = validate_create_orders(&rows, &ValidateOptions::default()).unwrap_err();
    assert_eq!(
        (report.issues[0].path.as_str(), report.issues[0].code),
        ("", Code::OutOfRange)
    );
    let error = tango_orders::error::Error::from(report);
    assert_eq!(error.kind().as_str(), "validation");
    let rows = vec![valid_row(0); 3];
    assert!(validate_create_orders(&rows[..0], &ValidateOptions::default()).is_ok());
}

#[test]
fn partial_mode_reports_only_what_is_filled_in() {
    let partial = ValidateOptions {
        partial: true,
        ..ValidateOptions::default()
    };
    // A form that has only an email typed so far, and typed it wrong.
    let form = json!({"deliveryMethod": "EMAIL", "recipient": {"email": "ada@", "firstName": ""}});
    assert_eq!(
        codes(&validate_create_order(&form, &partial)),
        [("recipient.email", Code::InvalidFormat)]
    );
    // The same form, submitted: everything missing is reported too.
    let full = validate_create_order(&form, &ValidateOptions::default());
    let paths: Vec<_> = full.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "customerIdentifier",
            "accountIdentifier",
            "utid",
            "amount",
            "recipient.firstName",
            "recipient.email"
        ]
    );
    // An empty form is fine while partial, and a digital form with an address still is not.
    assert!(validate_create_order(&json!({}), &partial).valid);
    let with_address = json!({"deliveryMethod": "EMAIL", "recipient": {"address": {"city": "X"}}});
    assert_eq!(
        codes(&validate_create_order(&with_address, &partial)),
        [("recipient.address", Code::NotAllowed)]
    );
}

#[test]
fn fields_mode_reports_only_the_named_fields_and_what_is_inside_them() {
    let only = |fields: &[&str]| ValidateOptions {
        fields: Some(fields.iter().map(|f| f.to_string()).collect()),
        ..ValidateOptions::default()
    };
    let form = json!({
        "deliveryMethod": "ADDRESS",
        "recipient": {"firstName": "Zoë", "address": {"city": "Winston/Salem", "country": "us"}}
    });
    let city = validate_create_order(&form, &only(&["recipient.address.city"]));
    assert_eq!(
        codes(&city),
        [("recipient.address.city", Code::InvalidCharacters)]
    );
    let address = validate_create_order(&form, &only(&["recipient.address"]));
    let paths: Vec<_> = address.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "recipient.address.streetLine1",
            "recipient.address.city",
            "recipient.address.country",
            "recipient.address.stateOrProvince",
            "recipient.address.postalCode"
        ]
    );
    // `recipient.address` does not cover a path that merely starts with the same letters, and a
    // path the request does not have is itself reported.
    let misspelt = validate_create_order(&form, &only(&["recipient.addr"]));
    assert_eq!(codes(&misspelt), [("recipient.addr", Code::UnknownField)]);
    assert!(misspelt.issues[0]
        .message
        .ends_with("did you mean `recipient.address`?"));
    // Touched but empty: required is reported for that field alone.
    let blank = validate_create_order(&json!({"utid": ""}), &only(&["utid"]));
    assert_eq!(codes(&blank), [("utid", Code::Required)]);
}

#[test]
fn normalizing_fixes_what_validation_reports_about_case_and_spaces() {
    let order = json!({
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000002",
        "amount": 50, "deliveryMethod": "address",
        "recipient": {"firstName": " Ada", "lastName": "Lovelace ",
            "address": {"streetLine1": "12 Main St", "city": "Springfield", "stateOrProvince": "il",
                        "postalCode": " 62701", "country": "us"}}
    });
    let before = validate_create_order(&order, &ValidateOptions::default());
    // Method, two names, country and postal code; the state is checked once the country is known.
    assert_eq!(before.issues.len(), 5, "{:?}", before.issues);
    let after = validate_create_order(&normalize_create_order(&order), &ValidateOptions::default());
    assert!(after.valid, "{:?}", after.issues);
}
