//! One named test per rule of SPEC section 3, valid and invalid, at the exact boundaries.
//!
//! Each invalid case changes one field of a valid order and expects exactly one issue, at that
//! field's wire path with the rule's code: a second issue would mean a rule misfired elsewhere.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::validate::{
    validate_create_order, Code, FulfillmentOption, Report, ValidateOptions,
};

mod common;

const NOW_MS: f64 = 1_795_302_245_000.0; // 2026-11-21T23:04:05Z

fn options() -> ValidateOptions {
    ValidateOptions {
        now_ms: Some(NOW_MS),
        ..ValidateOptions::default()
    }
}

fn digital() -> Value {
    common::digital_order()
}

/// A valid physical order, mailed to a US address.
fn physical() -> Value {
    json!({
        "customerIdentifier": "demo-customer",
        "accountIdentifier": "demo-account",
        "utid": "U000002",
        "amount": 50,
        "deliveryMethod": "ADDRESS",
        "recipient": {
            "firstName": "Ada", "lastName": "Lovelace",
            "address": {"streetLine1": "12 Main St", "city": "Springfield", "stateOrProvince": "IL",
                        "postalCode": "62701", "country": "US"}
        },
    })
}

/// `order` with the member at JSON pointer `pointer` set to `value` (`null` removes it).
fn with(mut order: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = order.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    if value.is_null() {
        target.remove(key);
    } else {
        target.insert(key.to_owned(), value);
    }
    order
}

fn report(order: &Value) -> Report {
    validate_create_order(order, &options())
}

fn assert_valid(order: &Value) {
    let report = report(order);
    assert!(report.valid, "expected valid, got {:?}", report.issues);
}

/// Asserts the order has exactly one issue, at `path` with `code`.
fn assert_issue(order: &Value, path: &str, code: Code) {
    let report = report(order);
    let found: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code))
        .collect();
    assert_eq!(found, [(path, code)], "{:?}", report.issues);
    assert!(!report.valid);
}

fn chars(n: usize) -> String {
    "a".repeat(n)
}

#[test]
fn the_valid_baselines_are_valid() {
    assert_valid(&digital());
    assert_valid(&physical());
}

#[test]
fn customer_and_account_identifiers_are_required_5_to_100_letters_digits_hyphens() {
    for key in ["customerIdentifier", "accountIdentifier"] {
        let at = format!("/{key}");
        assert_issue(&with(digital(), &at, Value::Null), key, Code::Required);
        assert_issue(&with(digital(), &at, json!("")), key, Code::Required);
        assert_issue(&with(digital(), &at, json!("abcd")), key, Code::TooShort);
        assert_valid(&with(digital(), &at, json!("abcde")));
        assert_valid(&with(digital(), &at, json!(chars(100))));
        assert_issue(&with(digital(), &at, json!(chars(101))), key, Code::TooLong);
        assert_issue(
            &with(digital(), &at, json!("demo_customer")),
            key,
            Code::InvalidCharacters,
        );
        assert_issue(
            &with(digital(), &at, json!("démo-customer")),
            key,
            Code::InvalidCharacters,
        );
        assert_issue(
            &with(digital(), &at, json!(12345)),
            key,
            Code::InvalidFormat,
        );
    }
}

#[test]
fn external_ref_id_is_optional_1_to_100_letters_and_digits() {
    assert_valid(&with(digital(), "/externalRefID", json!("a")));
    assert_valid(&with(digital(), "/externalRefID", json!(chars(100))));
    assert_issue(
        &with(digital(), "/externalRefID", json!(chars(101))),
        "externalRefID",
        Code::TooLong,
    );
    assert_issue(
        &with(digital(), "/externalRefID", json!("")),
        "externalRefID",
        Code::TooShort,
    );
    assert_issue(
        &with(digital(), "/externalRefID", json!("run-7")),
        "externalRefID",
        Code::InvalidCharacters,
    );
}

#[test]
fn utid_is_required_u_then_digits() {
    assert_valid(&with(digital(), "/utid", json!("u123")));
    assert_issue(
        &with(digital(), "/utid", Value::Null),
        "utid",
        Code::Required,
    );
    for bad in ["U", "X000001", "U00000a", "000001", "UU1"] {
        assert_issue(
            &with(digital(), "/utid", json!(bad)),
            "utid",
            Code::InvalidFormat,
        );
    }
}

#[test]
fn ptid_is_p_then_digits_and_makes_the_order_physical() {
    assert_valid(&with(physical(), "/ptid", json!("P000001")));
    assert_issue(
        &with(physical(), "/ptid", json!("Q1")),
        "ptid",
        Code::InvalidFormat,
    );
    // A ptid on a digital-looking order makes it physical: the address becomes required.
    let order = with(
        with(digital(), "/ptid", json!("p7")),
        "/deliveryMethod",
        Value::Null,
    );
    let order = with(order, "/sendEmail", json!(false));
    assert_issue(&order, "recipient.address", Code::Required);
}

#[test]
fn etid_is_e_then_six_digits_and_only_with_email() {
    assert_valid(&with(digital(), "/etid", json!("E000000")));
    assert_valid(&with(digital(), "/etid", json!("e123456")));
    assert_issue(
        &with(digital(), "/etid", json!("E00000")),
        "etid",
        Code::InvalidFormat,
    );
    assert_issue(
        &with(digital(), "/etid", json!("E0000000")),
        "etid",
        Code::InvalidFormat,
    );
    assert_issue(
        &with(physical(), "/etid", json!("E000000")),
        "etid",
        Code::NotAllowed,
    );
}

#[test]
fn amount_is_required_above_zero_with_at_most_two_decimals() {
    for ok in [0.01, 10.1, 10.25, 1999.99, 5.0] {
        assert_valid(&with(digital(), "/amount", json!(ok)));
    }
    assert_issue(
        &with(digital(), "/amount", Value::Null),
        "amount",
        Code::Required,
    );
    assert_issue(
        &with(digital(), "/amount", json!(0)),
        "amount",
        Code::OutOfRange,
    );
    assert_issue(
        &with(digital(), "/amount", json!(-5)),
        "amount",
        Code::OutOfRange,
    );
    assert_issue(
        &with(digital(), "/amount", json!(10.005)),
        "amount",
        Code::InvalidFormat,
    );
    assert_issue(
        &with(digital(), "/amount", json!(0.001)),
        "amount",
        Code::InvalidFormat,
    );
    assert_issue(
        &with(digital(), "/amount", json!("10")),
        "amount",
        Code::InvalidFormat,
    );
}

#[test]
fn sender_names_are_at_most_100_without_angle_brackets_or_slash() {
    for key in ["firstName", "lastName"] {
        let at = format!("/sender/{key}");
        let path = format!("sender.{key}");
        let base = with(digital(), "/sender", json!({}));
        assert_valid(&with(base.clone(), &at, json!(chars(100))));
        assert_valid(&with(base.clone(), &at, json!("Zoë 🎉")));
        assert_issue(
            &with(base.clone(), &at, json!(chars(101))),
            &path,
            Code::TooLong,
        );
        assert_issue(
            &with(base.clone(), &at, json!("<b>Bo</b>")),
            &path,
            Code::InvalidCharacters,
        );
        assert_issue(
            &with(base, &at, json!("A/B")),
            &path,
            Code::InvalidCharacters,
        );
    }
}

#[test]
fn sender_and_recipient_emails_are_valid_and_at_most_100() {
    let with_sender = |email: Value| with(digital(), "/sender", json!({"email": email}));
    assert_valid(&with_sender(json!("boss@example.com")));
    assert_issue(
        &with_sender(json!("boss@")),
        "sender.email",
        Code::InvalidFormat,
    );
    let long = format!("{}@example.com", chars(89)); // 101 characters
    assert_issue(&with_sender(json!(long)), "sender.email", Code::TooLong);
    let exactly = format!("{}@example.com", chars(88)); // 100 characters
    assert_valid(&with_sender(json!(exactly)));
    assert_issue(
        &with(digital(), "/recipient/email", json!("ada.example.com")),
        "recipient.email",
        Code::InvalidFormat,
    );
}

#[test]
fn recipient_is_required_unless_none_or_embedded() {
    for method in ["EMAIL", "PHONE", "WHATSAPP", "ADDRESS"] {
        let order = with(
            with(digital(), "/deliveryMethod", json!(method)),
            "/recipient",
            Value::Null,
        );
        assert_issue(&order, "recipient", Code::Required);
    }
    for method in ["NONE", "EMBEDDED", "EMBEDDED_COMPONENT"] {
        let order = with(
            with(digital(), "/deliveryMethod", json!(method)),
            "/recipient",
            Value::Null,
        );
        assert_valid(&order);
    }
}

#[test]
fn recipient_first_name_is_required_for_email_and_address_100_digital_25_physical() {
    assert_issue(
        &with(digital(), "/recipient/firstName", Value::Null),
        "recipient.firstName",
        Code::Required,
    );
    assert_issue(
        &with(physical(), "/recipient/firstName", Value::Null),
        "recipient.firstName",
        Code::Required,
    );
    let texting = with(
        with(digital(), "/deliveryMethod", json!("PHONE")),
        "/recipient",
        json!({"mobileNumber": "+12025550123"}),
    );
    assert_valid(&texting);
    assert_valid(&with(digital(), "/recipient/firstName", json!(chars(100))));
    assert_issue(
        &with(digital(), "/recipient/firstName", json!(chars(101))),
        "recipient.firstName",
        Code::TooLong,
    );
    assert_valid(&with(physical(), "/recipient/firstName", json!(chars(25))));
    assert_issue(
        &with(physical(), "/recipient/firstName", json!(chars(26))),
        "recipient.firstName",
        Code::TooLong,
    );
    assert_valid(&with(
        physical(),
        "/recipient/firstName",
        json!("Mary-Jo St. Clair, Jr"),
    ));
}

#[test]
fn recipient_last_name_is_required_for_address_with_the_same_rules() {
    assert_issue(
        &with(physical(), "/recipient/lastName", Value::Null),
        "recipient.lastName",
        Code::Required,
    );
    assert_valid(&with(digital(), "/recipient/lastName", Value::Null));
    assert_issue(
        &with(physical(), "/recipient/lastName", json!(chars(26))),
        "recipient.lastName",
        Code::TooLong,
    );
    assert_issue(
        &with(digital(), "/recipient/lastName", json!("a>b")),
        "recipient.lastName",
        Code::InvalidCharacters,
    );
}

#[test]
fn names_accents_emoji_markup_slash_control_and_blank() {
    let first = "/recipient/firstName";
    let path = "recipient.firstName";
    assert_valid(&with(digital(), first, json!("Zoë Ångström")));
    assert_issue(
        &with(physical(), first, json!("Zoë")),
        path,
        Code::InvalidCharacters,
    );
    assert_valid(&with(digital(), first, json!("Ada 🎉")));
    assert_issue(
        &with(physical(), first, json!("Ada 🎉")),
        path,
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(digital(), first, json!("<b>Ada</b>")),
        path,
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(digital(), first, json!("Ada/Bob")),
        path,
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(digital(), first, json!("Ada\u{0007}")),
        path,
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(digital(), first, json!("A\u{0000}da")),
        path,
        Code::InvalidCharacters,
    );
    assert_issue(&with(digital(), first, json!("   ")), path, Code::Required);
    assert_issue(
        &with(digital(), first, json!(" Ada")),
        path,
        Code::InvalidFormat,
    );
    // Length counts characters, not bytes: 100 accented letters are 200 bytes and still fine.
    assert_valid(&with(digital(), first, json!("é".repeat(100))));
}

#[test]
fn recipient_email_is_required_for_email_delivery() {
    assert_issue(
        &with(digital(), "/recipient/email", Value::Null),
        "recipient.email",
        Code::Required,
    );
    let none = with(
        with(digital(), "/deliveryMethod", json!("NONE")),
        "/recipient/email",
        Value::Null,
    );
    assert_valid(&none);
}

#[test]
fn recipient_mobile_number_is_required_for_phone_and_whatsapp_in_e164() {
    let by = |method: &str, number: Value| {
        let order = with(digital(), "/deliveryMethod", json!(method));
        with(order, "/recipient/mobileNumber", number)
    };
    let path = "recipient.mobileNumber";
    assert_valid(&by("PHONE", json!("+12025550123")));
    assert_valid(&by("WHATSAPP", json!("+442071838750")));
    assert_issue(
        &by("PHONE", json!("+442071838750")),
        path,
        Code::Unsupported,
    );
    assert_issue(&by("PHONE", Value::Null), path, Code::Required);
    assert_issue(&by("WHATSAPP", Value::Null), path, Code::Required);
    for bad in [
        "2025550123",
        "+02025550123",
        "+1234567890123456",
        "+1202555012a",
        "+1 202 555 0123",
    ] {
        assert_issue(&by("WHATSAPP", json!(bad)), path, Code::InvalidFormat);
        assert_issue(&by("PHONE", json!(bad)), path, Code::InvalidFormat);
    }
}

#[test]
fn recipient_address_is_required_for_physical_and_not_allowed_for_digital() {
    assert_issue(
        &with(physical(), "/recipient/address", Value::Null),
        "recipient.address",
        Code::Required,
    );
    let address = physical()["recipient"]["address"].clone();
    assert_issue(
        &with(digital(), "/recipient/address", address),
        "recipient.address",
        Code::NotAllowed,
    );
    assert_issue(
        &with(digital(), "/recipient/address", json!({})),
        "recipient.address",
        Code::NotAllowed,
    );
    // Explicit null is how the docs say to leave it out.
    assert_valid(&with(digital(), "/recipient/address", json!(null)));
    let mut explicit_null = digital();
    explicit_null["recipient"]["address"] = Value::Null;
    assert_valid(&explicit_null);
}

#[test]
fn street_lines_are_at_most_35_of_letters_digits_space_and_punctuation() {
    let line1 = "/recipient/address/streetLine1";
    assert_valid(&with(physical(), line1, json!(chars(35))));
    assert_issue(
        &with(physical(), line1, json!(chars(36))),
        "recipient.address.streetLine1",
        Code::TooLong,
    );
    assert_valid(&with(physical(), line1, json!("Apt 4/B, O'Neil St. 12-14")));
    assert_issue(
        &with(physical(), line1, json!("12 Main St #4")),
        "recipient.address.streetLine1",
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(physical(), line1, Value::Null),
        "recipient.address.streetLine1",
        Code::Required,
    );
    let line2 = "/recipient/address/streetLine2";
    assert_valid(&with(physical(), line2, json!("Suite 100")));
    assert_issue(
        &with(physical(), line2, json!(chars(36))),
        "recipient.address.streetLine2",
        Code::TooLong,
    );
}

#[test]
fn city_is_required_at_most_30_letters_digits_space_period_hyphen_apostrophe() {
    let city = "/recipient/address/city";
    assert_valid(&with(physical(), city, json!(chars(30))));
    assert_issue(
        &with(physical(), city, json!(chars(31))),
        "recipient.address.city",
        Code::TooLong,
    );
    assert_valid(&with(physical(), city, json!("Coeur d'Alene")));
    assert_issue(
        &with(physical(), city, json!("Winston/Salem")),
        "recipient.address.city",
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(physical(), city, json!("Washington, DC")),
        "recipient.address.city",
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(physical(), city, Value::Null),
        "recipient.address.city",
        Code::Required,
    );
}

#[test]
fn state_or_province_is_a_usps_code_in_the_us_a_province_in_canada_else_up_to_35() {
    let state = "/recipient/address/stateOrProvince";
    let path = "recipient.address.stateOrProvince";
    for ok in [
        "NY", "DC", "PR", "GU", "VI", "AS", "MP", "UM", "FM", "MH", "PW", "AA", "AE", "AP",
    ] {
        assert_valid(&with(physical(), state, json!(ok)));
    }
    for bad in ["ny", "XX", "New York", "ON"] {
        assert_issue(
            &with(physical(), state, json!(bad)),
            path,
            Code::InvalidValue,
        );
    }
    let canada = |province: &str| {
        let order = with(physical(), "/recipient/address/country", json!("CA"));
        let order = with(order, "/recipient/address/postalCode", json!("K1A0B1"));
        with(order, state, json!(province))
    };
    assert_valid(&canada("ON"));
    assert_valid(&canada("YT"));
    assert_issue(&canada("NY"), path, Code::InvalidValue);
    let france = |region: &str| {
        let order = with(physical(), "/recipient/address/country", json!("FR"));
        let order = with(order, "/recipient/address/postalCode", json!("75001"));
        with(order, state, json!(region))
    };
    assert_valid(&france("Ile-de-France"));
    assert_valid(&france(&chars(35)));
    assert_issue(&france(&chars(36)), path, Code::TooLong);
    assert_issue(&with(physical(), state, Value::Null), path, Code::Required);
}

#[test]
fn postal_code_is_letters_and_digits_up_to_12_and_five_digits_in_the_us() {
    let postal = "/recipient/address/postalCode";
    let path = "recipient.address.postalCode";
    assert_valid(&with(physical(), postal, json!("12345")));
    assert_issue(
        &with(physical(), postal, json!("1234")),
        path,
        Code::InvalidFormat,
    );
    assert_issue(
        &with(physical(), postal, json!("123456")),
        path,
        Code::InvalidFormat,
    );
    assert_issue(
        &with(physical(), postal, json!("12345-6789")),
        path,
        Code::InvalidCharacters,
    );
    assert_issue(
        &with(physical(), postal, json!("ABCDE")),
        path,
        Code::InvalidFormat,
    );
    let abroad = |code: &str| {
        let order = with(physical(), "/recipient/address/country", json!("GB"));
        let order = with(order, "/recipient/address/stateOrProvince", json!("London"));
        with(order, postal, json!(code))
    };
    assert_valid(&abroad("SW1Y4LB"));
    assert_valid(&abroad(&"9".repeat(12)));
    assert_issue(&abroad(&"9".repeat(13)), path, Code::TooLong);
    assert_issue(&abroad("SW1Y 4LB"), path, Code::InvalidCharacters);
    assert_issue(&with(physical(), postal, Value::Null), path, Code::Required);
}

#[test]
fn country_is_an_iso_alpha_2_code_in_capitals() {
    let country = "/recipient/address/country";
    let path = "recipient.address.country";
    assert_issue(
        &with(physical(), country, json!("us")),
        path,
        Code::InvalidValue,
    );
    assert_issue(
        &with(physical(), country, json!("USA")),
        path,
        Code::InvalidValue,
    );
    assert_issue(
        &with(physical(), country, json!("UK")),
        path,
        Code::InvalidValue,
    );
    assert_issue(
        &with(physical(), country, Value::Null),
        path,
        Code::Required,
    );
}

#[test]
fn message_campaign_purchase_order_and_notes_have_maximum_lengths() {
    for (key, max) in [
        ("message", 3000),
        ("campaign", 100),
        ("purchaseOrderNumber", 100),
        ("notes", 150),
    ] {
        let at = format!("/{key}");
        assert_valid(&with(digital(), &at, json!(chars(max))));
        assert_issue(
            &with(digital(), &at, json!(chars(max + 1))),
            key,
            Code::TooLong,
        );
    }
    assert_valid(&with(
        digital(),
        "/message",
        json!("Happy birthday!\nLove, Ada"),
    ));
}

#[test]
fn expiration_date_is_an_rfc3339_date_time_in_the_future_for_promo_links_only() {
    let promo = with(digital(), "/utid", json!("U000003"));
    assert_valid(&with(
        promo.clone(),
        "/expirationDate",
        json!("2027-12-31T23:59:59Z"),
    ));
    assert_issue(
        &with(promo.clone(), "/expirationDate", json!("2027-12-31")),
        "expirationDate",
        Code::InvalidFormat,
    );
    assert_issue(
        &with(promo.clone(), "/expirationDate", json!("31/12/2027")),
        "expirationDate",
        Code::InvalidFormat,
    );
    assert_issue(
        &with(promo, "/expirationDate", json!("2026-11-21T23:04:05Z")),
        "expirationDate",
        Code::OutOfRange,
    );
    assert_issue(
        &with(physical(), "/expirationDate", json!("2027-12-31T23:59:59Z")),
        "expirationDate",
        Code::NotAllowed,
    );
}

#[test]
fn delivery_method_is_inferred_from_address_then_send_email() {
    let inferred = |order: Value| with(order, "/deliveryMethod", Value::Null);
    // An address means ADDRESS: the physical rules apply.
    assert_valid(&inferred(physical()));
    let long_name = with(
        inferred(physical()),
        "/recipient/firstName",
        json!(chars(26)),
    );
    assert_issue(&long_name, "recipient.firstName", Code::TooLong);
    // sendEmail true means EMAIL: the recipient email becomes required.
    let email = with(inferred(digital()), "/sendEmail", json!(true));
    assert_valid(&email);
    assert_issue(
        &with(email, "/recipient/email", Value::Null),
        "recipient.email",
        Code::Required,
    );
    // sendEmail false means NONE: no recipient needed.
    let none = with(
        with(inferred(digital()), "/sendEmail", json!(false)),
        "/recipient",
        Value::Null,
    );
    assert_valid(&none);
    // Nothing to infer from.
    assert_issue(&inferred(digital()), "deliveryMethod", Code::Required);
}

#[test]
fn send_email_that_contradicts_the_method_is_a_conflict() {
    assert_valid(&with(digital(), "/sendEmail", json!(true)));
    assert_issue(
        &with(digital(), "/sendEmail", json!(false)),
        "sendEmail",
        Code::Conflict,
    );
    assert_issue(
        &with(physical(), "/sendEmail", json!(true)),
        "sendEmail",
        Code::Conflict,
    );
    assert_valid(&with(physical(), "/sendEmail", json!(false)));
    assert_issue(
        &with(digital(), "/sendEmail", json!("yes")),
        "sendEmail",
        Code::InvalidFormat,
    );
}

#[test]
fn portal_and_bulk_methods_and_unknown_methods_are_invalid_values() {
    for method in ["QRCODE", "BULKSHIPMENT", "BULKDIGITAL", "SMS", "email"] {
        let report = report(&with(digital(), "/deliveryMethod", json!(method)));
        assert_eq!(report.issues[0].path, "deliveryMethod", "{method}");
        assert_eq!(report.issues[0].code, Code::InvalidValue, "{method}");
    }
}

#[test]
fn fulfillment_option_overrides_the_inference() {
    let physical_override = ValidateOptions {
        fulfillment: Some(FulfillmentOption::Physical),
        ..options()
    };
    // A digital method with a physical reward: physical name rules, address required.
    let order = with(digital(), "/recipient/firstName", json!("Zoë"));
    let report = validate_create_order(&order, &physical_override);
    let found: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code))
        .collect();
    assert_eq!(
        found,
        [
            ("recipient.firstName", Code::InvalidCharacters),
            ("recipient.address", Code::Required)
        ]
    );
    let digital_override = ValidateOptions {
        fulfillment: Some(FulfillmentOption::Digital),
        ..options()
    };
    let report = validate_create_order(&physical(), &digital_override);
    assert!(report
        .issues
        .iter()
        .any(|i| i.path == "deliveryMethod" && i.code == Code::Conflict));
}

#[test]
fn every_problem_is_reported_at_once_without_the_values() {
    let order = json!({
        "customerIdentifier": "ab", "accountIdentifier": "SECRET_ACCOUNT!", "utid": "X1",
        "amount": -1, "deliveryMethod": "EMAIL",
        "recipient": {"firstName": "<script>", "email": "jane.secret@", "address": {"city": "x"}},
    });
    let report = report(&order);
    let paths: Vec<_> = report.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "customerIdentifier",
            "accountIdentifier",
            "utid",
            "amount",
            "recipient.firstName",
            "recipient.email",
            "recipient.address"
        ]
    );
    for issue in &report.issues {
        for secret in ["SECRET", "script", "jane", "X1"] {
            assert!(!issue.message.contains(secret), "{}", issue.message);
        }
        assert!(issue.message.ends_with('.'), "{}", issue.message);
    }
}

#[test]
fn a_body_that_is_not_an_object_is_one_issue() {
    for body in [json!(null), json!([]), json!("order"), json!(7)] {
        let report = report(&body);
        assert_eq!(report.issues.len(), 1);
        assert_eq!(report.issues[0].path, "");
        assert_eq!(report.issues[0].code, Code::InvalidFormat);
    }
}
