//! The rules for resend bodies (order and line item) and line item actions (cancel, freeze, unfreeze).

use super::check::{Checker, Field, TextRule};
use super::json::{Json, Object};
use super::order::{check_email, check_mobile_number};
use super::report::Code;
use crate::model::{CancelReason, FreezeReason, ResendReason};

/// Methods a resend may switch to.
pub const RESEND_METHODS: [&str; 4] = ["NONE", "EMAIL", "PHONE", "WHATSAPP"];

/// Field names, which differ between the two resend bodies.
struct ResendFields {
    mobile: &'static str,
}

/// Checks the body of `POST /orders/{id}/resends`.
pub fn check_order_resend(checker: &mut Checker, body: &Json<'_>) {
    if let Some(body) = resend_object(checker, body) {
        check_resend(
            checker,
            body,
            ResendFields {
                mobile: "newMobile",
            },
        );
    }
}

/// Checks the body of `POST /lineItems/{id}/resends`.
pub fn check_line_item_resend(checker: &mut Checker, body: &Json<'_>) {
    let Some(body) = resend_object(checker, body) else {
        return;
    };
    check_resend(
        checker,
        body,
        ResendFields {
            mobile: "newMobileNumber",
        },
    );
    check_reason(checker, body, false, |v| ResendReason::from(v).is_known());
}

/// Which line item action a body is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineItemAction {
    /// `POST /lineItems/{id}/cancel`.
    Cancel,
    /// `POST /lineItems/{id}/freeze` or `/unfreeze`.
    Freeze,
}

/// Checks the body of a cancel, freeze or unfreeze: a reason code is required.
pub fn check_line_item_action(checker: &mut Checker, body: &Json<'_>, action: LineItemAction) {
    let Some(body) = body.as_object() else {
        return checker.wrong_type("", "an object");
    };
    let known: fn(&str) -> bool = match action {
        LineItemAction::Cancel => |v| CancelReason::from(v).is_known(),
        LineItemAction::Freeze => |v| FreezeReason::from(v).is_known(),
    };
    check_reason(checker, body, true, known);
}

/// A resend body may be absent (resend to the original recipient): `null` counts as `{}`.
fn resend_object<'a>(checker: &mut Checker, body: &'a Json<'a>) -> Option<&'a Object<'a>> {
    static EMPTY: std::sync::OnceLock<Object<'static>> = std::sync::OnceLock::new();
    match body {
        Json::Null => Some(EMPTY.get_or_init(Object::default)),
        Json::Object(body) => Some(body),
        _ => {
            checker.wrong_type("", "an object");
            None
        }
    }
}

fn check_resend(checker: &mut Checker, body: &Object<'_>, names: ResendFields) {
    let field = |key: &str| Field::of(Some(body), key);
    let method = checker.one_of(
        "newDeliveryMethod",
        field("newDeliveryMethod"),
        false,
        &RESEND_METHODS,
    );
    // Switching method needs the contact that method delivers to.
    check_email(
        checker,
        "newEmail",
        field("newEmail"),
        method == Some("EMAIL"),
    );
    let mobile_required = matches!(method, Some("PHONE" | "WHATSAPP"));
    let texting = method == Some("PHONE");
    check_mobile_number(
        checker,
        names.mobile,
        field(names.mobile),
        mobile_required,
        texting,
    );
    if let Some(etid) = checker.text("newEtid", field("newEtid"), TextRule::max(usize::MAX)) {
        let digits = etid.get(1..).unwrap_or("");
        let ok = etid.starts_with(['E', 'e'])
            && digits.len() == 6
            && digits.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            checker.push(
                "newEtid",
                Code::InvalidFormat,
                "must be E followed by 6 digits.",
            );
        }
    }
}

pub(super) fn check_reason(
    checker: &mut Checker,
    body: &Object<'_>,
    required: bool,
    known: fn(&str) -> bool,
) {
    let field = |key: &str| Field::of(Some(body), key);
    let rule = TextRule::max(usize::MAX);
    let rule = if required { rule.required() } else { rule };
    let reason = checker.text("reasonCode", field("reasonCode"), rule);
    if let Some(reason) = reason {
        if !known(reason) {
            checker.push(
                "reasonCode",
                Code::InvalidValue,
                "is not one of the reason codes Tango accepts here.",
            );
        }
    }
    let other = TextRule::max(usize::MAX);
    let other = if reason == Some("OTHER") {
        other.required()
    } else {
        other
    };
    checker.text("otherReason", field("otherReason"), other);
}
