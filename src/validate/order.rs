//! The rules for the body of `POST /orders`: SPEC section 3, field by field.

use super::check::{alphanumeric, identifier_char, Checker, Field, TextRule};
use super::contact::{check_mobile, is_email, PhoneProblem};
use super::datetime::parse_date_time;
use super::json::{Json, Object};
use super::regions::{is_canadian_province, is_country, is_us_state};
use super::report::Code;

/// Whether a reward is sent as a code or link (digital) or printed and mailed (physical). Tango's
/// name and address rules differ between the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fulfillment {
    /// Email, text message, WhatsApp, embedded, or handed over by you.
    Digital,
    /// Printed and mailed.
    Physical,
}

/// The delivery methods an API order may ask for.
pub const REQUESTABLE_METHODS: [&str; 7] = [
    "NONE",
    "EMAIL",
    "PHONE",
    "ADDRESS",
    "EMBEDDED",
    "EMBEDDED_COMPONENT",
    "WHATSAPP",
];

/// Identifiers: customer and account (required in a create, optional in a filter).
pub const IDENTIFIER: TextRule = TextRule::max(100)
    .min(5)
    .chars(identifier_char, "letters, digits and hyphens");

/// The idempotency key: letters and digits, 1 to 100.
pub const EXTERNAL_REF: TextRule = TextRule::max(100)
    .min(1)
    .chars(alphanumeric, "letters and digits");

/// Digital names: anything but `<`, `>`, `/`, control characters and invisible ones (format and
/// separator characters, see `invisible.rs`), up to 100.
pub const DIGITAL_NAME: TextRule = TextRule::max(100).chars(
    digital_name_char,
    "visible characters other than <, > and /",
);

/// Physical names: what a printer and the post accept, up to 25.
const PHYSICAL_NAME: TextRule = TextRule::max(25).chars(
    physical_name_char,
    "letters A-Z, digits, spaces, periods, commas and hyphens",
);

const STREET: TextRule =
    TextRule::max(35).chars(street_char, "letters A-Z, digits, spaces and . , - / '");

const CITY: TextRule = TextRule::max(30).chars(city_char, "letters A-Z, digits, spaces and . - '");

/// Characters of a digital recipient's or a sender's name.
pub fn digital_name_char(c: char) -> bool {
    !matches!(c, '<' | '>' | '/') && !c.is_control() && !super::invisible::is_invisible(c)
}

fn physical_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-')
}

fn street_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '/' | '\'')
}

fn city_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\'')
}

/// What the order-level checks decided, which the recipient checks depend on.
struct Context<'a> {
    method: Option<&'a str>,
    fulfillment: Fulfillment,
}

/// Checks a create-order body and records every issue in `checker`.
///
/// `fulfillment` overrides the inference (physical when the method is ADDRESS or a `ptid` is given);
/// `now_ms` enables the "expiration date in the future" check.
pub fn check_create_order(
    checker: &mut Checker,
    order: &Json<'_>,
    fulfillment: Option<Fulfillment>,
    now_ms: Option<i64>,
) {
    let Some(order) = order.as_object() else {
        checker.wrong_type("", "an object");
        return;
    };
    let field = |key: &str| Field::of(Some(order), key);

    let method = check_delivery_method(checker, order);
    // Without a usable method (missing or invalid, and already reported), an address still says
    // what the order is meant to be, as it does in Tango's own inference.
    let address_given = matches!(field("recipient"), Field::Object(r) if !matches!(Field::of(Some(r), "address"), Field::Absent));
    let physical_by_request = method == Some("ADDRESS")
        || field("ptid").is_filled()
        || (method.is_none() && address_given);
    let fulfillment = fulfillment.unwrap_or(if physical_by_request {
        Fulfillment::Physical
    } else {
        Fulfillment::Digital
    });
    if fulfillment == Fulfillment::Digital && method == Some("ADDRESS") {
        checker.push(
            "deliveryMethod",
            Code::Conflict,
            "is ADDRESS, which mails a physical reward, but the order is digital.",
        );
    }
    let context = Context {
        method,
        fulfillment,
    };

    let identifier = IDENTIFIER.required();
    checker.text(
        "customerIdentifier",
        field("customerIdentifier"),
        identifier,
    );
    checker.text("accountIdentifier", field("accountIdentifier"), identifier);
    checker.text("externalRefID", field("externalRefID"), EXTERNAL_REF);
    check_pattern(checker, "utid", field("utid"), true, 'U', None);
    check_pattern(checker, "ptid", field("ptid"), false, 'P', None);
    if check_pattern(checker, "etid", field("etid"), false, 'E', Some(6))
        && method.is_some()
        && method != Some("EMAIL")
    {
        checker.push("etid", Code::NotAllowed, "applies only to EMAIL delivery.");
    }
    check_amount(checker, field("amount"));

    if let Some(sender) = checker.object("sender", field("sender")) {
        let sender_field = |key: &str| Field::of(Some(sender), key);
        checker.text("sender.firstName", sender_field("firstName"), DIGITAL_NAME);
        checker.text("sender.lastName", sender_field("lastName"), DIGITAL_NAME);
        check_email(checker, "sender.email", sender_field("email"), false);
    }
    check_recipient(checker, field("recipient"), &context);

    checker.text(
        "emailSubject",
        field("emailSubject"),
        TextRule::max(usize::MAX),
    );
    checker.text("message", field("message"), TextRule::max(3000));
    checker.text("campaign", field("campaign"), TextRule::max(100));
    checker.text(
        "purchaseOrderNumber",
        field("purchaseOrderNumber"),
        TextRule::max(100),
    );
    checker.text("notes", field("notes"), TextRule::max(150));
    check_expiration(checker, field("expirationDate"), &context, now_ms);
    checker.object("customFields", field("customFields"));
}

/// The delivery method: the explicit one, or the one Tango infers (address → ADDRESS, then
/// `sendEmail` true → EMAIL, false → NONE). Checks that `sendEmail` agrees with an explicit method.
fn check_delivery_method<'a>(checker: &mut Checker, order: &'a Object<'a>) -> Option<&'a str> {
    let send_email = checker.boolean("sendEmail", Field::of(Some(order), "sendEmail"));
    let explicit = Field::of(Some(order), "deliveryMethod");
    if explicit.is_filled() || !matches!(explicit, Field::Absent | Field::Text(_)) {
        let method = checker.text("deliveryMethod", explicit, TextRule::max(usize::MAX))?;
        if !REQUESTABLE_METHODS.contains(&method) {
            let predicate = match method {
                "QRCODE" => "QRCODE is for the Tango portal only, not API orders.",
                "BULKSHIPMENT" | "BULKDIGITAL" => "is for bulk orders only, not API orders.",
                _ => "is not one of NONE, EMAIL, PHONE, ADDRESS, EMBEDDED, EMBEDDED_COMPONENT, WHATSAPP.",
            };
            checker.push("deliveryMethod", Code::InvalidValue, predicate);
            return None;
        }
        match (send_email, method == "EMAIL") {
            (Some(true), false) => checker.push(
                "sendEmail",
                Code::Conflict,
                "is true, but the delivery method is not EMAIL.",
            ),
            (Some(false), true) => checker.push(
                "sendEmail",
                Code::Conflict,
                "is false, but the delivery method is EMAIL.",
            ),
            _ => {}
        }
        return Some(method);
    }
    let recipient = match Field::of(Some(order), "recipient") {
        Field::Object(recipient) => Some(recipient),
        _ => None,
    };
    let has_address = matches!(Field::of(recipient, "address"), Field::Object(_));
    let inferred = crate::rules::infer_delivery_method(has_address, send_email);
    if inferred.is_none() {
        checker.missing("deliveryMethod");
    }
    inferred
}

/// A catalog ID: `letter` (either case) then digits, `digits` of them when given. Returns whether
/// the field is present and valid.
fn check_pattern(
    checker: &mut Checker,
    path: &str,
    field: Field<'_>,
    required: bool,
    letter: char,
    digits: Option<usize>,
) -> bool {
    let rule = TextRule::max(usize::MAX);
    let rule = if required { rule.required() } else { rule };
    let Some(value) = checker.text(path, field, rule) else {
        return false;
    };
    let mut chars = value.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.eq_ignore_ascii_case(&letter));
    let rest = chars.as_str();
    let rest_ok = !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
        && digits.map_or(true, |n| rest.len() == n);
    if first_ok && rest_ok {
        return true;
    }
    let predicate = match digits {
        Some(n) => format!("must be {letter} followed by {n} digits."),
        None => format!("must be {letter} followed by digits."),
    };
    checker.push(path, Code::InvalidFormat, &predicate);
    false
}

/// The largest amount: ten trillion. Tango states no maximum (each reward has its own range, which
/// Tango checks), but a JSON number (an IEEE double) holds every cent exactly only below about
/// 3.5 × 10^13; this round bound keeps "two decimal places" meaningful.
pub const MAX_AMOUNT: f64 = 10_000_000_000_000.0;

/// Face value: a finite number above zero with at most two decimal places.
pub(super) fn check_amount(checker: &mut Checker, field: Field<'_>) {
    let Some(amount) = checker.number("amount", field, true) else {
        return;
    };
    if amount.is_nan() {
        checker.push("amount", Code::InvalidFormat, "must be a number.");
    } else if amount <= 0.0 {
        checker.push("amount", Code::OutOfRange, "must be more than 0.");
    } else if amount > MAX_AMOUNT {
        checker.push("amount", Code::OutOfRange, "is too large.");
    } else if amount_cents(amount).is_none() {
        checker.push(
            "amount",
            Code::InvalidFormat,
            "must have at most two decimal places.",
        );
    }
}

/// The amount in whole cents, when its decimal form has at most two decimal places: exact, as the
/// shortest decimal that is this number (what `JSON.stringify` prints) reads, so 10.1 is 1010
/// cents and 1999.001 or 1e-9 are not cents at all. The validator and the simulator read an amount
/// this one way.
///
/// Computed without formatting the number (float formatting costs kilobytes of wasm): the nearest
/// whole number of cents `n` is the answer exactly when `n / 100`, which IEEE division rounds
/// correctly to the double nearest that decimal, is this very number.
pub fn amount_cents(amount: f64) -> Option<i64> {
    if !amount.is_finite() || amount.abs() > MAX_AMOUNT {
        return None;
    }
    let cents = (amount * 100.0).round();
    (cents / 100.0 == amount).then_some(cents as i64)
}

/// An email address: required or not, valid, at most 100 characters.
pub fn check_email(checker: &mut Checker, path: &str, field: Field<'_>, required: bool) {
    let rule = TextRule::max(100);
    let rule = if required { rule.required() } else { rule };
    if let Some(address) = checker.text(path, field, rule) {
        if !is_email(address) {
            checker.push(path, Code::InvalidFormat, "is not a valid email address.");
        }
    }
}

/// A mobile number: E.164, and for text messages (PHONE) a North American number.
pub fn check_mobile_number(
    checker: &mut Checker,
    path: &str,
    field: Field<'_>,
    required: bool,
    text_message: bool,
) {
    let rule = TextRule::max(usize::MAX);
    let rule = if required { rule.required() } else { rule };
    let Some(number) = checker.text(path, field, rule) else {
        return;
    };
    match check_mobile(number, text_message) {
        Ok(()) => {}
        Err(PhoneProblem::NotE164) => checker.push(
            path,
            Code::InvalidFormat,
            "must be in E.164 format: + then the country code and number, 15 digits at most.",
        ),
        Err(PhoneProblem::NotNorthAmerican) => checker.push(
            path,
            Code::Unsupported,
            "must be +1 followed by 10 digits: text messages go to US and Canadian numbers only.",
        ),
    }
}

fn check_recipient(checker: &mut Checker, field: Field<'_>, context: &Context<'_>) {
    let method = context.method;
    let needs_recipient = !matches!(
        method,
        None | Some("NONE" | "EMBEDDED" | "EMBEDDED_COMPONENT")
    ) || context.fulfillment == Fulfillment::Physical;
    let recipient = match checker.object("recipient", field) {
        Some(recipient) => recipient,
        None => {
            if needs_recipient && matches!(field, Field::Absent) {
                checker.missing("recipient");
            }
            return;
        }
    };
    let get = |key: &str| Field::of(Some(recipient), key);
    let physical = context.fulfillment == Fulfillment::Physical;
    let name = if physical {
        PHYSICAL_NAME
    } else {
        DIGITAL_NAME
    };
    let first_required = matches!(method, Some("EMAIL" | "ADDRESS")) || physical;
    let first = if first_required {
        name.required()
    } else {
        name
    };
    checker.text("recipient.firstName", get("firstName"), first);
    let last = if physical { name.required() } else { name };
    checker.text("recipient.lastName", get("lastName"), last);
    check_email(
        checker,
        "recipient.email",
        get("email"),
        method == Some("EMAIL"),
    );
    let texting = method == Some("PHONE");
    let mobile_required = matches!(method, Some("PHONE" | "WHATSAPP"));
    check_mobile_number(
        checker,
        "recipient.mobileNumber",
        get("mobileNumber"),
        mobile_required,
        texting,
    );

    let address = get("address");
    if !physical {
        if !matches!(address, Field::Absent) {
            checker.push(
                "recipient.address",
                Code::NotAllowed,
                "must be left out of a digital order: Tango rejects an address there.",
            );
        }
        return;
    }
    match checker.object("recipient.address", address) {
        Some(address) => check_address(checker, address),
        None if matches!(address, Field::Absent) => checker.missing("recipient.address"),
        None => {}
    }
}

fn check_address(checker: &mut Checker, address: &Object<'_>) {
    let get = |key: &str| Field::of(Some(address), key);
    checker.text(
        "recipient.address.companyName",
        get("companyName"),
        TextRule::max(100),
    );
    checker.text(
        "recipient.address.streetLine1",
        get("streetLine1"),
        STREET.required(),
    );
    checker.text("recipient.address.streetLine2", get("streetLine2"), STREET);
    checker.text("recipient.address.city", get("city"), CITY.required());

    let country = checker.text(
        "recipient.address.country",
        get("country"),
        TextRule::max(usize::MAX).required(),
    );
    let country = match country {
        Some(code) if is_country(code) => Some(code),
        Some(_) => {
            checker.push(
                "recipient.address.country",
                Code::InvalidValue,
                "must be an ISO 3166-1 two-letter country code in capitals, such as US.",
            );
            None
        }
        None => None,
    };

    let state_path = "recipient.address.stateOrProvince";
    let state_rule = TextRule::max(35).required();
    if let Some(state) = checker.text(state_path, get("stateOrProvince"), state_rule) {
        match country {
            Some("US") if !is_us_state(state) => checker.push(
                state_path,
                Code::InvalidValue,
                "must be a two-letter USPS code in capitals, such as NY, DC, PR or AE.",
            ),
            Some("CA") if !is_canadian_province(state) => checker.push(
                state_path,
                Code::InvalidValue,
                "must be a two-letter province or territory code in capitals, such as ON.",
            ),
            _ => {}
        }
    }

    let postal_path = "recipient.address.postalCode";
    let postal_rule = TextRule::max(12)
        .required()
        .chars(alphanumeric, "letters and digits");
    if let Some(postal) = checker.text(postal_path, get("postalCode"), postal_rule) {
        if country == Some("US")
            && !(postal.len() == 5 && postal.bytes().all(|b| b.is_ascii_digit()))
        {
            checker.push(
                postal_path,
                Code::InvalidFormat,
                "must be a five-digit ZIP code in the US.",
            );
        }
    }
}

fn check_expiration(
    checker: &mut Checker,
    field: Field<'_>,
    context: &Context<'_>,
    now_ms: Option<i64>,
) {
    let path = "expirationDate";
    let Some(text) = checker.text(path, field, TextRule::max(usize::MAX)) else {
        return;
    };
    if context.fulfillment == Fulfillment::Physical {
        checker.push(
            path,
            Code::NotAllowed,
            "applies only to promo links, which are digital.",
        );
        return;
    }
    match parse_date_time(text) {
        None => checker.push(
            path,
            Code::InvalidFormat,
            "must be an RFC 3339 date-time, such as 2027-12-31T23:59:59Z.",
        ),
        Some(at) if now_ms.is_some_and(|now| at <= now) => {
            checker.push(path, Code::OutOfRange, "must be in the future.")
        }
        Some(_) => {}
    }
}
