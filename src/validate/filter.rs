//! The rules for the queries of `GET /orders` and `GET /lineItems`: each parameter's enum as that
//! operation's OpenAPI document lists it, dates (an end date alone means the whole day, as the
//! simulator and the pager read it), ranges, lengths, E.164 mobile numbers and sort columns.

use super::check::{Checker, Field, TextRule};
use super::datetime::{parse_date_or_date_time, parse_range_end};
use super::json::{Json, Object};
use super::order::{check_mobile_number, DIGITAL_NAME, EXTERNAL_REF, IDENTIFIER};
use super::report::Code;
use crate::model::{DeliveryMethod, DeliveryStatus, EmailStatus, OrderSource, OrderStatus};

/// Currencies Tango's order list accepts.
pub const CURRENCIES: [&str; 5] = ["AUD", "CAD", "EUR", "GBP", "USD"];

/// `lineItemStatus` of `GET /orders` (its enum has no `CANCELED`, which line items may show).
pub const ORDER_QUERY_LINE_ITEM_STATUSES: [&str; 6] = [
    "COMPLETE",
    "PENDING",
    "FAILED",
    "DELETED",
    "CANCELLED",
    "RETURNED",
];

/// `status` of `GET /lineItems`.
pub const LINE_ITEM_QUERY_STATUSES: [&str; 4] = ["COMPLETE", "PENDING", "FAILED", "CANCELLED"];

/// `orderStatus` of `GET /lineItems`.
pub const LINE_ITEM_QUERY_ORDER_STATUSES: [&str; 5] =
    ["COMPLETE", "PENDING", "FAILED", "CANCELLED", "PARTIAL"];

/// `columnSortName` of `GET /lineItems`.
pub const LINE_ITEM_SORT_COLUMNS: [&str; 12] = [
    "accountNumber",
    "amountIssued",
    "dateIssued",
    "emailStatus",
    "deliveryMethod",
    "externalReferenceId",
    "status",
    "orderSource",
    "orderStatus",
    "recipientFirstName",
    "recipientLastName",
    "rewardName",
];

/// An order or line item reference: 1 to 100 letters, digits and hyphens.
const REFERENCE_ID: TextRule =
    TextRule::max(100).chars(super::check::identifier_char, "letters, digits and hyphens");

/// At most this many page keys (Tango's are two: the date and the ID of the item a page follows).
const MAX_PAGE_KEYS: usize = 10;

/// Checks an order-list filter and records every issue in `checker`.
pub fn check_order_filter(checker: &mut Checker, filter: &Json<'_>) {
    let filter = match filter {
        Json::Null => return,
        Json::Object(filter) => filter,
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

    check_date_range(checker, filter);
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
    checker.one_of(
        "lineItemStatus",
        field("lineItemStatus"),
        false,
        &ORDER_QUERY_LINE_ITEM_STATUSES,
    );
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

/// Checks a `GET /lineItems` query and records every issue in `checker`.
pub fn check_line_item_filter(checker: &mut Checker, filter: &Json<'_>) {
    let filter = match filter {
        Json::Null => return,
        Json::Object(filter) => filter,
        _ => return checker.wrong_type("", "an object"),
    };
    let field = |key: &str| Field::of(Some(filter), key);
    checker.text("referenceOrderID", field("referenceOrderID"), REFERENCE_ID);
    checker.text("externalRefID", field("externalRefID"), EXTERNAL_REF);
    checker.text("accountIdentifier", field("accountIdentifier"), IDENTIFIER);
    for key in [
        "utid",
        "ptid",
        "etid",
        "recipientEmail",
        "campaign",
        "purchaseOrderNumber",
    ] {
        checker.text(key, field(key), TextRule::max(100));
    }
    checker.text("orderNotes", field("orderNotes"), TextRule::max(150));
    for key in ["recipientFirstName", "recipientLastName"] {
        checker.text(key, field(key), DIGITAL_NAME);
    }
    check_mobile_number(
        checker,
        "recipientMobileNumber",
        field("recipientMobileNumber"),
        false,
        false,
    );
    // The address fields' lengths as a create allows them.
    for (key, max) in [
        ("recipientStreetLine1", 35),
        ("recipientStreetLine2", 35),
        ("recipientCity", 30),
        ("recipientStateOrProvince", 35),
        ("recipientPostalCode", 12),
        ("recipientCountry", 2),
    ] {
        checker.text(key, field(key), TextRule::max(max));
    }

    checker.one_of("status", field("status"), false, &LINE_ITEM_QUERY_STATUSES);
    checker.one_of(
        "orderStatus",
        field("orderStatus"),
        false,
        &LINE_ITEM_QUERY_ORDER_STATUSES,
    );
    check_known(checker, "emailStatus", field("emailStatus"), |v| {
        EmailStatus::from(v).is_known()
    });
    check_known(checker, "deliveryMethod", field("deliveryMethod"), |v| {
        DeliveryMethod::from(v).is_known()
    });
    check_known(checker, "deliveryStatus", field("deliveryStatus"), |v| {
        DeliveryStatus::from(v).is_known()
    });
    check_known(checker, "orderSource", field("orderSource"), |v| {
        OrderSource::from(v).is_known()
    });
    checker.one_of(
        "columnSortName",
        field("columnSortName"),
        false,
        &LINE_ITEM_SORT_COLUMNS,
    );
    for key in ["columnSortAscending", "pagePrevious", "hasRemainingBalance"] {
        checker.boolean(key, field(key));
    }

    check_date_range(checker, filter);
    check_whole_number(checker, "elementsPerBlock", field("elementsPerBlock"), 1);
    let min = check_amount(checker, "minRemainingBalance", field("minRemainingBalance"));
    let max = check_amount(checker, "maxRemainingBalance", field("maxRemainingBalance"));
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            checker.push(
                "maxRemainingBalance",
                Code::OutOfRange,
                "must not be less than the minimum remaining balance.",
            );
        }
    }
    check_page_keys(checker, filter.get("pageKeys"));
}

/// `startDate` and `endDate`: each an RFC 3339 date or date-time, and the start not after the end,
/// where an end date alone means the whole of that day.
fn check_date_range(checker: &mut Checker, filter: &Object<'_>) {
    let field = |key: &str| Field::of(Some(filter), key);
    let start = check_date(checker, "startDate", field("startDate"));
    let end = check_date(checker, "endDate", field("endDate"))
        .and(filter.get("endDate").and_then(Json::as_str))
        .and_then(parse_range_end);
    if let (Some(start), Some(end)) = (start, end) {
        if start > end {
            checker.push(
                "endDate",
                Code::OutOfRange,
                "must not be before the start date.",
            );
        }
    }
}

/// `pageKeys`: the keys a previous page answered, a short list of short strings.
fn check_page_keys(checker: &mut Checker, keys: Option<&Json<'_>>) {
    let keys = match keys {
        None | Some(Json::Null) => return,
        Some(Json::Array(keys)) => keys,
        Some(_) => {
            return checker.wrong_type("pageKeys", "a list of the page keys a page answered")
        }
    };
    let usable = keys.len() <= MAX_PAGE_KEYS
        && keys.iter().all(|key| {
            key.as_str()
                .is_some_and(|k| (1..=100).contains(&k.chars().count()))
        });
    if !usable {
        checker.push(
            "pageKeys",
            Code::InvalidFormat,
            "must be the page keys a previous page answered (at most 10, each 1 to 100 characters).",
        );
    }
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
