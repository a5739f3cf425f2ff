//! The rules for webhook subscriptions (`POST /webhooks`, `PATCH /webhooks/{id}`) and for the
//! queries of their lists and past events. Only the client calls these (no form fills in a
//! subscription), so their messages are written here rather than through the labels table, which
//! the first load carries.

use super::check::{Checker, Field};
use super::json::{Json, Object};
use super::report::{Code, Issue};
use crate::webhook::signature::MIN_HMAC_KEY_BYTES;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// The categories and event types Tango's docs list ("Supported webhook events"), as
/// (category, event type). `ExchangeRatesStatus` has events and a test but no documented
/// category.
pub const WEBHOOK_EVENT_TYPES: [(&str, &str); 10] = [
    ("ITEM", "ItemAvailability"),
    ("ACCOUNT", "AccountStatus"),
    ("ACCOUNT", "Transaction"),
    ("ACCOUNT", "LowBalance"),
    ("REWARD", "RewardStatus"),
    ("ORDER", "AsyncOrderStatus"),
    ("ORDER", "LineItemDeliveryStatus"),
    ("ORDER", "OrderActionStatus"),
    ("PLATFORM", "APICredentials"),
    ("", "ExchangeRatesStatus"),
];

/// The tests `POST /webhooks/{id}/tests/{testName}` sends, by name.
pub const WEBHOOK_TESTS: [&str; 10] = [
    "ConnectivityTest",
    "ItemAvailability",
    "RewardStatus",
    "Transaction",
    "LowBalance",
    "AccountStatus",
    "CredentialStatus",
    "LineItemDeliveryStatus",
    "AsyncOrderStatus",
    "ExchangeRatesStatus",
];

/// The longest subscription URL accepted.
pub const MAX_WEBHOOK_URL: usize = 2048;

/// Whether `category` is one Tango documents.
pub fn is_webhook_category(category: &str) -> bool {
    !category.is_empty() && WEBHOOK_EVENT_TYPES.iter().any(|(c, _)| *c == category)
}

/// Whether `event_type` is one Tango documents.
pub fn is_webhook_event_type(event_type: &str) -> bool {
    WEBHOOK_EVENT_TYPES.iter().any(|(_, t)| *t == event_type)
}

/// Checks a subscription's body: `update` for `PATCH` (nothing required; what is there is checked
/// as for a create).
pub fn check_subscription(checker: &mut Checker, body: &Json<'_>, update: bool) {
    let Some(object) = body.as_object() else {
        return checker.wrong_type("", "an object");
    };
    let field = |key| Field::of(Some(object), key);
    match field("url") {
        Field::Absent if update => {}
        Field::Absent => checker.missing("url"),
        Field::Text(url) => check_url(checker, url),
        _ => checker.wrong_type("url", "a string"),
    }
    check_headers(checker, object.get("headers"));
    let categories = check_names(checker, object, "categories", is_webhook_category);
    let event_types = check_names(checker, object, "eventTypes", is_webhook_event_type);
    if !update && categories == 0 && event_types == 0 {
        let message = "A subscription needs at least one category or event type.";
        checker
            .issues
            .push(Issue::new("categories", Code::Required, message));
    }
    check_signing(checker, object, update);
}

/// `https://`, or `http://` to this machine (a receiver in local work); no credentials in it.
fn check_url(checker: &mut Checker, url: &str) {
    let refuse = |checker: &mut Checker, message: &str| {
        checker
            .issues
            .push(Issue::new("url", Code::InvalidFormat, message));
    };
    if url.chars().count() > MAX_WEBHOOK_URL {
        return refuse(checker, "The url is longer than 2048 characters.");
    }
    let lower = url.to_ascii_lowercase();
    let Some((secure, authority)) = split_url(&lower) else {
        return refuse(checker, "The url must start with https://.");
    };
    if authority.contains('@') {
        return refuse(checker, "The url must not carry a user name or password.");
    }
    let host = host_of(authority);
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse(checker, "The url is not a URL.");
    }
    if !secure && !is_loopback(host) {
        refuse(
            checker,
            "The url must start with https:// (http:// only to localhost, for local work).",
        );
    }
}

/// Whether an `https://` URL (`None` for another scheme) and its authority (`user@host:port`), of
/// a URL already lower-cased.
fn split_url(lower: &str) -> Option<(bool, &str)> {
    let (secure, rest) = match lower.strip_prefix("https://") {
        Some(rest) => (true, rest),
        None => (false, lower.strip_prefix("http://")?),
    };
    Some((
        secure,
        rest.split(['/', '?', '#']).next().unwrap_or_default(),
    ))
}

/// Whether `url` is `http(s)://` to this machine, with no user name or password: where the
/// simulator delivers webhooks unless told otherwise.
pub fn is_loopback_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    split_url(&lower)
        .is_some_and(|(_, authority)| !authority.contains('@') && is_loopback(host_of(authority)))
}

/// The host of `host[:port]`, or the address of `[v6]:port`.
fn host_of(authority: &str) -> &str {
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    }
}

/// Whether `host` (a URL's host, an IPv6 address without its brackets) names this machine.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host == "::1"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let parts: Vec<&str> = rest.split('.').collect();
            parts.len() == 3 && parts.iter().all(|p| p.parse::<u8>().is_ok())
        })
}

/// `headers`: a list of `{ name, value }`, each a header Tango can send (a token name, a value
/// without line breaks).
fn check_headers(checker: &mut Checker, headers: Option<&Json<'_>>) {
    let Some(headers) = headers.filter(|h| !matches!(h, Json::Null)) else {
        return;
    };
    let Some(items) = headers.as_array() else {
        return checker.wrong_type("headers", "a list");
    };
    for (index, item) in items.iter().enumerate() {
        let path = format!("headers[{index}]");
        let Some(header) = item.as_object() else {
            checker.wrong_type(&path, "an object with name and value");
            continue;
        };
        let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        match Field::of(Some(header), "name") {
            Field::Text(name) if !name.is_empty() && name.chars().all(token) => {}
            _ => checker.issues.push(Issue::new(
                format!("{path}.name"),
                Code::InvalidFormat,
                "A header's name must be a header name (letters, digits and - _ .).",
            )),
        }
        match Field::of(Some(header), "value") {
            Field::Text(value) if !value.is_empty() && !value.contains(['\r', '\n', '\0']) => {}
            _ => checker.issues.push(Issue::new(
                format!("{path}.value"),
                Code::InvalidFormat,
                "A header's value must be text of one line.",
            )),
        }
    }
}

/// A list of names each `known`; returns how many there are.
fn check_names(
    checker: &mut Checker,
    object: &Object<'_>,
    key: &str,
    known: fn(&str) -> bool,
) -> usize {
    let Some(value) = object.get(key).filter(|v| !matches!(v, Json::Null)) else {
        return 0;
    };
    let Some(items) = value.as_array() else {
        checker.wrong_type(key, "a list");
        return 0;
    };
    for (index, item) in items.iter().enumerate() {
        match item {
            Json::String(name) if known(name) => {}
            _ => checker.issues.push(Issue::new(
                format!("{key}[{index}]"),
                Code::InvalidValue,
                format!("Not one of Tango's webhook {key}."),
            )),
        }
    }
    items.len()
}

/// `payloadVerificationMethod` and the key or certificate it needs. Neither value is quoted.
fn check_signing(checker: &mut Checker, object: &Object<'_>, update: bool) {
    let method = checker.one_of(
        "payloadVerificationMethod",
        Field::of(Some(object), "payloadVerificationMethod"),
        false,
        &["HMAC", "X509", "NONE"],
    );
    let mut needs = |key: &str, wanted: &str, what: &str, min_bytes: usize| {
        let given = Field::of(Some(object), key);
        let refuse = |checker: &mut Checker, code, message: &str| {
            checker.issues.push(Issue::new(key, code, message));
        };
        match given {
            Field::Absent if method == Some(wanted) => {
                refuse(
                    checker,
                    Code::Required,
                    &format!("{wanted} signing needs {what}."),
                );
            }
            Field::Absent => {}
            Field::Text(_)
                if method.is_some_and(|m| m != wanted) || (method.is_none() && !update) =>
            {
                let message = format!("{key} is only for payloadVerificationMethod {wanted}.");
                refuse(checker, Code::NotAllowed, &message);
            }
            Field::Text(text) => match STANDARD.decode(text.trim()) {
                Ok(bytes) if bytes.len() >= min_bytes => {}
                Ok(_) => refuse(
                    checker,
                    Code::TooShort,
                    &format!("{key} must be at least {min_bytes} bytes once decoded."),
                ),
                Err(_) => refuse(
                    checker,
                    Code::InvalidFormat,
                    &format!("{key} must be base64."),
                ),
            },
            _ => checker.wrong_type(key, "a string"),
        }
    };
    needs(
        "hmacSharedSecretKey",
        "HMAC",
        "hmacSharedSecretKey (base64)",
        MIN_HMAC_KEY_BYTES,
    );
    needs(
        "signingCertificate",
        "X509",
        "signingCertificate (the certificate's DER, base64)",
        1,
    );
}

/// Checks the query of `GET /webhooks` (and of the event types' and events' pages): cursors as
/// strings, `maxResults` 1–200, the filters' names known.
pub fn check_list_query(checker: &mut Checker, query: &Json<'_>) {
    let Some(object) = query.as_object() else {
        if !matches!(query, Json::Null) {
            checker.wrong_type("", "an object");
        }
        return;
    };
    for (key, value) in object.iter() {
        match (key, value) {
            (_, Json::Null) => {}
            ("maxResults", Json::Number(n)) if n.fract() == 0.0 && (1.0..=200.0).contains(n) => {}
            ("maxResults", _) => checker.issues.push(Issue::new(
                key,
                Code::OutOfRange,
                "maxResults must be a whole number from 1 to 200.",
            )),
            ("fromRevision" | "toRevision", Json::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => {}
            ("fromRevision" | "toRevision", _) => checker.issues.push(Issue::new(
                key,
                Code::InvalidFormat,
                "A revision must be a whole number, 0 or more.",
            )),
            ("categories", _) => {
                check_names(checker, object, "categories", is_webhook_category);
            }
            ("eventTypes", _) => {
                check_names(checker, object, "eventTypes", is_webhook_event_type);
            }
            (_, Json::String(_)) => {}
            _ => checker.wrong_type(key, "a string"),
        }
    }
    let revision = |key| match object.get(key) {
        Some(Json::Number(n)) => Some(*n),
        _ => None,
    };
    if let (Some(from), Some(to)) = (revision("fromRevision"), revision("toRevision")) {
        if from > to {
            let message = "fromRevision must not be after toRevision.";
            checker
                .issues
                .push(Issue::new("fromRevision", Code::OutOfRange, message));
        }
    }
}
