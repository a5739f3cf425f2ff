//! The rules for the query of `GET /orders`.

use super::check::{Checker, Field, TextRule};
use super::datetime::parse_date_or_date_time;
use super::order::{DIGITAL_NAME, EXTERNAL_REF, IDENTIFIER};
use super::report::Code;
use crate::model::{DeliveryMethod, LineItemStatus, OrderStatus};
use serde_json::Value;

/// Currencies Tango's order list accepts.
const CURRENCIES: [&str; 5] = ["AUD", "CAD", "EUR", "GBP", "USD"];

/// Checks an order-list filter and records every issue in `checker`.
pub fn check_order_filter(checker: &mut Checker, filter: &Value) {
    let filter = match filter {
        Value::Null => return,
        Value::Object(filter) => filter,
        _ => return checker.wrong_type("", "an object"),
    };
    let field = |key: &str| Field::of(Some(filter), key);
    checker.text(
        "customerIdentifier",
        field("customerIdentifier"),
        IDENTIFIER,
    );
    checker.text("accountIdentifier", field("accountIdentifier"), IDENTIFIER);
    checker.text("externalRefID", field("externalRefID"), EXTERNAL_REF);

    let start = check_date(checker, "startDate", field("startDate"));
    let end = check_date(checker, "endDate", field("endDate"));
    if let (Some(start), Some(end)) = (start, end) {
        if start > end {
            checker.push(
                "endDate",
                Code::OutOfRange,
                "must not be before the start date.",
            );
        }
    }
    check_whole_number(checker, "page", field("page"), 0);
    check_whole_number(checker, "elementsPerBlock", field("elementsPerBlock"), 1);
    let min = check_amount(checker, "minAmount", field("minAmount"));
    let max = check_amount(checker, "maxAmount", field("maxAmount"));
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            checker.push(
                "maxAmount",
                Code::OutOfRange,
                "must not be less than the minimum amount.",
            );
        }
    }
    checker.one_of("currencyCode", field("currencyCode"), false, &CURRENCIES);

    for key in ["status", "orderStatus"] {
        check_known(checker, key, field(key), |v| {
            OrderStatus::from(v).is_known()
        });
    }
    check_known(checker, "lineItemStatus", field("lineItemStatus"), |v| {
        LineItemStatus::from(v).is_known()
    });
    check_known(checker, "deliveryMethod", field("deliveryMethod"), |v| {
        DeliveryMethod::from(v).is_known()
    });
    checker.boolean("sendEmail", field("sendEmail"));

    for key in [
        "senderFirstName",
        "senderLastName",
        "recipientFirstName",
        "recipientLastName",
    ] {
        checker.text(key, field(key), DIGITAL_NAME);
    }
    for key in [
        "senderEmail",
        "recipientEmail",
        "rewardName",
        "purchaseOrderNumber",
    ] {
        checker.text(key, field(key), TextRule::max(100));
    }
    for key in ["utid", "ptid", "recipientMobileNumber", "lineItemNotes"] {
        checker.text(key, field(key), TextRule::max(usize::MAX));
    }
    checker.text("campaign", field("campaign"), TextRule::max(100));
    checker.text("notes", field("notes"), TextRule::max(150));
}

fn check_date(checker: &mut Checker, path: &str, field: Field<'_>) -> Option<i64> {
    let text = checker.text(path, field, TextRule::max(usize::MAX))?;
    let at = parse_date_or_date_time(text);
    if at.is_none() {
        checker.push(
            path,
            Code::InvalidFormat,
            "must be an RFC 3339 date or date-time, such as 2026-01-01 or 2026-01-01T00:00:00Z.",
        );
    }
    at
}

fn check_whole_number(checker: &mut Checker, path: &str, field: Field<'_>, minimum: i64) {
    let Some(number) = checker.number(path, field, false) else {
        return;
    };
    if number.fract() != 0.0 || number.abs() > 2_147_483_647.0 {
        checker.push(path, Code::InvalidFormat, "must be a whole number.");
    } else if number < minimum as f64 {
        checker.push(
            path,
            Code::OutOfRange,
            &format!("must be at least {minimum}."),
        );
    }
}

fn check_amount(checker: &mut Checker, path: &str, field: Field<'_>) -> Option<f64> {
    let amount = checker.number(path, field, false)?;
    // NaN cannot arrive from JSON; written this way it would be rejected too.
    if amount.is_nan() || amount < 0.0 {
        checker.push(path, Code::OutOfRange, "must be 0 or more.");
        return None;
    }
    Some(amount)
}

fn check_known(checker: &mut Checker, path: &str, field: Field<'_>, known: fn(&str) -> bool) {
    let Some(value) = checker.text(path, field, TextRule::max(usize::MAX)) else {
        return;
    };
    if !known(value) {
        checker.push(
            path,
            Code::InvalidValue,
            "is not a status or value Tango knows.",
        );
    }
}
