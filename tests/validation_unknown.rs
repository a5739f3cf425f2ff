//! Members a request does not have (`unknown_field`, with the nearest known name), `extraFields`
//! for fields this release does not know yet, and what a form passes from its own state: `fields`
//! with holes in it, an amount typed as `""`, input that is not an object.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::validate::*;

mod common;

fn issues(report: &Report) -> Vec<(&str, Code, &str)> {
    report
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code, i.message.as_str()))
        .collect()
}

fn digital() -> Value {
    common::digital_order()
}

fn with(mut order: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    order
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(key.to_owned(), value);
    order
}

#[test]
fn misspelt_members_are_reported_with_the_name_meant() {
    let options = ValidateOptions::default();
    let notez = validate_create_order(&with(digital(), "/notez", json!("x")), &options);
    assert_eq!(
        issues(&notez),
        [(
            "notez",
            Code::UnknownField,
            "`notez` is not a field of this request; did you mean `notes`?"
        )]
    );
    let emial = validate_create_order(&with(digital(), "/recipient/emial", json!("a")), &options);
    assert_eq!(
        issues(&emial),
        [(
            "recipient.emial",
            Code::UnknownField,
            "`recipient.emial` is not a field of this request; did you mean `recipient.email`?"
        )]
    );
    let far = validate_create_order(&with(digital(), "/favouriteColour", json!(1)), &options);
    assert_eq!(
        issues(&far),
        [(
            "favouriteColour",
            Code::UnknownField,
            "`favouriteColour` is not a field of this request."
        )]
    );
    let filter = validate_order_filter(&json!({"orderStatuss": "COMPLETE"}), &options);
    assert_eq!(filter.issues[0].code, Code::UnknownField);
    assert!(filter.issues[0]
        .message
        .ends_with("did you mean `orderStatus`?"));
    let items = validate_line_item_filter(&json!({"lineItemStatus": "COMPLETE"}), &options);
    assert_eq!(items.issues[0].path, "lineItemStatus");
    assert!(items.issues[0].message.ends_with("did you mean `status`?"));
    let resend = validate_order_resend(&json!({"newMobileNumber": "+15555550100"}), &options);
    assert!(resend.issues[0]
        .message
        .ends_with("did you mean `newMobile`?"));
    let update = validate_line_item_update(&json!({"notes": "x"}), &options);
    assert!(update.issues[0]
        .message
        .ends_with("did you mean `orderNotes`?"));
    let action = validate_line_item_action(
        &json!({"reasonCode": "OTHER", "otherReason": "x", "reason": "y"}),
        LineItemAction::Cancel,
        &options,
    );
    assert_eq!(action.issues[0].path, "reason");
    let reissue = validate_line_item_reissue(
        &json!({"reasonCode": "OTHER", "otherReason": "x", "recipient": {"mobile": "+1"}}),
        &options,
    );
    assert_eq!(reissue.issues[0].path, "recipient.mobile");
    // Custom fields are the caller's own: nothing inside is checked.
    let custom = with(
        digital(),
        "/customFields",
        json!({"anything": {"at": "all"}}),
    );
    assert!(validate_create_order(&custom, &options).valid);
}

#[test]
fn a_long_key_is_shortened_in_the_message_but_not_in_the_path() {
    let key = "k".repeat(500);
    let report = validate_create_order(
        &with(digital(), &format!("/{key}"), json!(1)),
        &ValidateOptions::default(),
    );
    assert_eq!(report.issues[0].path, key);
    assert!(report.issues[0].message.chars().count() < 120);
}

#[test]
fn extra_fields_are_sent_as_they_are() {
    let order = with(digital(), "/loyaltyTier", json!({"any": "shape"}));
    let order = with(order, "/recipient/pronouns", json!("they"));
    let options = ValidateOptions {
        extra_fields: Some(vec!["loyaltyTier".into(), "recipient.pronouns".into()]),
        ..ValidateOptions::default()
    };
    assert!(validate_create_order(&order, &options).valid);
    // Only the paths listed: the same name elsewhere is still unknown.
    let elsewhere = with(digital(), "/pronouns", json!("they"));
    let report = validate_create_order(&elsewhere, &options);
    assert_eq!(report.issues[0].path, "pronouns");
    // From JSON, as JavaScript passes it; a single path is a list of one.
    let read = ValidateOptions::from_json(&json!({"extraFields": "loyaltyTier"})).unwrap();
    assert_eq!(read.extra_fields, Some(vec!["loyaltyTier".to_owned()]));
}

#[test]
fn fields_naming_nothing_are_reported_and_holes_are_skipped() {
    // `event.target.dataset.path` of a button is undefined, which JSON writes as null.
    let options = ValidateOptions::from_json(&json!({"fields": ["amount", null]})).unwrap();
    assert_eq!(options.fields, Some(vec!["amount".to_owned()]));
    let report = validate_create_order(&json!({"amount": 0}), &options);
    assert_eq!(
        issues(&report),
        [("amount", Code::OutOfRange, "Amount must be more than 0.")]
    );
    let misspelt = ValidateOptions::from_json(&json!({"fields": ["recipent.email"]})).unwrap();
    let report = validate_create_order(&digital(), &misspelt);
    assert_eq!(
        issues(&report),
        [(
            "recipent.email",
            Code::UnknownField,
            "`fields` names `recipent.email`, which is not a field of this request; did you mean `recipient.email`?"
        )]
    );
    // Anything else in the list is still a caller's mistake, named.
    let wrong = ValidateOptions::from_json(&json!({"fields": ["amount", 3]})).unwrap_err();
    assert!(wrong.issues[0].message.contains("fields"));
}

#[test]
fn an_empty_amount_is_not_filled_in() {
    let partial = ValidateOptions {
        partial: true,
        ..ValidateOptions::default()
    };
    let typed = validate_create_order(&json!({"amount": ""}), &partial);
    assert!(typed.valid, "{:?}", typed.issues);
    let spaces = validate_create_order(&json!({"amount": "  "}), &partial);
    assert!(spaces.valid, "{:?}", spaces.issues);
    let whole = validate_create_order(
        &with(digital(), "/amount", json!("")),
        &ValidateOptions::default(),
    );
    assert_eq!(
        issues(&whole),
        [("amount", Code::Required, "Amount is required.")]
    );
    let filter = validate_order_filter(&json!({"minAmount": ""}), &partial);
    assert!(filter.valid);
}

#[test]
fn input_that_is_not_an_object_says_so_in_a_sentence() {
    let report = validate_create_order(&Value::Null, &ValidateOptions::default());
    assert_eq!(
        issues(&report),
        [("", Code::InvalidFormat, "The request must be an object.")]
    );
}
