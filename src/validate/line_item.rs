//! The rules for the bodies of a line item reissue (`POST /lineItems/{id}/reissue`) and update
//! (`PATCH /lineItems/{id}`), from the OpenAPI document (the docs do not describe either).

use super::check::{Checker, Field, TextRule};
use super::json::Json;
use super::order::{check_amount, check_email, check_mobile_number, DIGITAL_NAME};
use super::resend::check_reason;
use crate::model::ReissueReason;

/// The methods a reissue may name (`ReissueLineItemRequestCriteria.deliveryMethod`): digital only,
/// since a reissue replaces a digital reward.
pub const REISSUE_METHODS: [&str; 7] = [
    "NONE",
    "EMAIL",
    "PHONE",
    "EMBEDDED",
    "EMBEDDED_COMPONENT",
    "WHATSAPP",
    "BULKDIGITAL",
];

/// `campaign` of an update: the OpenAPI pattern `^[a-zA-Z0-9 ]{0,100}$`, stricter than a create's.
const UPDATE_CAMPAIGN: TextRule = TextRule::max(100).chars(
    |c| c.is_ascii_alphanumeric() || c == ' ',
    "letters A-Z, digits and spaces",
);

/// Checks a reissue body: a reason code (and the reason in words for OTHER), and whatever it
/// changes: the amount (as a create's), the method, the recipient's names, email and mobile
/// number, the notes.
pub fn check_line_item_reissue(checker: &mut Checker, body: &Json<'_>) {
    let Some(body) = body.as_object() else {
        return checker.wrong_type("", "an object");
    };
    let field = |key: &str| Field::of(Some(body), key);
    check_reason(checker, body, true, |v| ReissueReason::from(v).is_known());
    if !matches!(field("amount"), Field::Absent) {
        check_amount(checker, field("amount"));
    }
    let method = checker.one_of(
        "deliveryMethod",
        field("deliveryMethod"),
        false,
        &REISSUE_METHODS,
    );
    if let Some(recipient) = checker.object("recipient", field("recipient")) {
        let part = |key: &str| Field::of(Some(recipient), key);
        checker.text("recipient.firstName", part("firstName"), DIGITAL_NAME);
        checker.text("recipient.lastName", part("lastName"), DIGITAL_NAME);
        check_email(checker, "recipient.email", part("email"), false);
        check_mobile_number(
            checker,
            "recipient.mobileNumber",
            part("mobileNumber"),
            false,
            method == Some("PHONE"),
        );
    }
    checker.text("notes", field("notes"), TextRule::max(150));
}

/// Checks an update body: purchase order number, campaign and order notes, each optional.
pub fn check_line_item_update(checker: &mut Checker, body: &Json<'_>) {
    let Some(body) = body.as_object() else {
        return checker.wrong_type("", "an object");
    };
    let field = |key: &str| Field::of(Some(body), key);
    checker.text(
        "purchaseOrderNumber",
        field("purchaseOrderNumber"),
        TextRule::max(100),
    );
    checker.text("campaign", field("campaign"), UPDATE_CAMPAIGN);
    checker.text("orderNotes", field("orderNotes"), TextRule::max(150));
}
