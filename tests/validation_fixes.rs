//! Rules issue 14 found wrong: amounts are exact cents (from the number's shortest decimal form,
//! not within a tolerance), too-large amounts say so, and digital names refuse invisible
//! characters (format and separator characters).

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::validate::{amount_cents, validate_create_order, Code, ValidateOptions};

fn order(amount: Value, first_name: &str) -> Value {
    json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000001",
        "amount": amount, "deliveryMethod": "EMAIL",
        "recipient": {"firstName": first_name, "email": "ada@example.com"}})
}

fn codes(order: &Value) -> Vec<(String, Code)> {
    validate_create_order(order, &ValidateOptions::default())
        .issues
        .into_iter()
        .map(|issue| (issue.path, issue.code))
        .collect()
}

#[test]
fn amounts_with_a_third_decimal_are_refused_however_small_or_large() {
    for amount in [
        1999.001, 1000.001, 5000.004, 1e-9, 5e-324, 10.005, 0.001, 123456.789,
    ] {
        assert_eq!(
            codes(&order(json!(amount), "Ada")),
            [("amount".to_owned(), Code::InvalidFormat)],
            "{amount}"
        );
        assert_eq!(amount_cents(amount), None, "{amount}");
    }
}

#[test]
fn amounts_with_two_decimals_or_fewer_are_exact_cents() {
    for (amount, cents) in [
        (10.1, 1010),
        (0.07, 7),
        (19.99, 1999),
        (1999.99, 199_999),
        (25.0, 2500),
        (0.3, 30),
        (9_999_999_999_999.99, 999_999_999_999_999),
        (1e13, 1_000_000_000_000_000),
    ] {
        assert!(codes(&order(json!(amount), "Ada")).is_empty(), "{amount}");
        assert_eq!(amount_cents(amount), Some(cents), "{amount}");
    }
    // 0.1 + 0.2 is 0.30000000000000004 as a number: not two decimals, whatever it was meant to be.
    assert_eq!(amount_cents(0.1 + 0.2), None);
}

#[test]
fn an_amount_too_large_for_exact_cents_says_it_is_too_large() {
    for amount in [1e308, 1e21, 10_000_000_000_000.01] {
        assert_eq!(
            codes(&order(json!(amount), "Ada")),
            [("amount".to_owned(), Code::OutOfRange)],
            "{amount}"
        );
    }
}

#[test]
fn digital_names_refuse_format_and_separator_characters() {
    for name in [
        "Ada\u{202E}",
        "A\u{200B}da",
        "Ada\u{2028}Lovelace",
        "Ada\u{00A0}L",
        "\u{FEFF}Ada",
        "Ada\u{2066}x\u{2069}",
    ] {
        assert_eq!(
            codes(&order(json!(10), name)),
            [("recipient.firstName".to_owned(), Code::InvalidCharacters)],
            "{name:?}"
        );
    }
    for name in ["Zoë", "José María", "李小龍", "O'Brien-Smith", "Ada 😀"] {
        assert!(codes(&order(json!(10), name)).is_empty(), "{name}");
    }
}
