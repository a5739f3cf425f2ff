//! What a failed create tells its caller: the `externalRefID` it sent and whether the order may
//! exist; and the check that the order Tango returns for a replayed key is the one requested.

use super::transport::{HttpResponse, TransportError};
use crate::error::{Error, ErrorKind};
use serde_json::Value;

/// A create that failed. Like aws-sdk-rust's per-operation errors, it wraps the crate's [`Error`]
/// with what only a create knows: the key that was sent and whether an order may have been placed.
///
/// When `may_have_been_placed` is true, call `create_order` again **with the same
/// `external_ref_id`** (set it in the request): Tango answers with the order if it exists
/// (`created: false`) and places it otherwise. A new call without that key may place a second order.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateOrderError {
    /// What went wrong (the last attempt's failure).
    pub error: Error,
    /// The `externalRefID` every attempt carried: the caller's own, or the one generated.
    pub external_ref_id: String,
    /// True once any attempt may have reached Tango and placed the order (a timeout, a network
    /// error after sending, a lost or unreadable answer, a 409 or a 5xx other than 503); false when
    /// every attempt was refused before sending or by Tango without placing.
    pub may_have_been_placed: bool,
}

impl CreateOrderError {
    /// A create refused before anything was sent, with the caller's key or, when it had none,
    /// the one it would have been sent with: every create error carries one.
    pub fn before_sending(
        error: Error,
        external_ref_id: Option<&str>,
        random: impl FnMut() -> f64,
    ) -> Self {
        CreateOrderError {
            error,
            external_ref_id: external_ref_id
                .map_or_else(|| super::new_external_ref_id(random), str::to_owned),
            may_have_been_placed: false,
        }
    }

    /// The kind of the underlying error.
    pub fn kind(&self) -> ErrorKind {
        self.error.kind()
    }

    /// Whether calling again with the same `external_ref_id` could succeed: always, when the order
    /// may exist (the retry returns it), else as the underlying error says.
    pub fn retryable(&self) -> bool {
        self.may_have_been_placed || self.error.retryable()
    }

    /// The underlying error's fields with the key, whether the order may exist, and this
    /// error's own `retryable`.
    pub fn fields(&self) -> crate::error::ErrorFields {
        crate::error::ErrorFields {
            retryable: self.retryable(),
            external_ref_id: Some(self.external_ref_id.clone()),
            may_have_been_placed: Some(self.may_have_been_placed),
            ..self.error.fields()
        }
    }
}

/// What a create error's message adds when the order may have been placed.
pub const MAY_HAVE_BEEN_PLACED: &str = "; the order may have been placed: retry with the same externalRefID (never a new one) to get it without placing another";

impl CreateOrderError {
    /// [`Error::brief`] for a create (the lighter wasm modules' wording): with the key and whether
    /// the order may have been placed.
    pub fn brief(&self) -> (String, crate::error::BriefFields<'_>) {
        let (mut message, fields) = self.error.brief();
        if self.may_have_been_placed {
            message.push_str(MAY_HAVE_BEEN_PLACED);
        }
        let fields = fields.for_create(
            self.retryable(),
            &self.external_ref_id,
            self.may_have_been_placed,
        );
        (message, fields)
    }
}

impl core::fmt::Display for CreateOrderError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(&self.error, f)?;
        if self.may_have_been_placed {
            f.write_str(MAY_HAVE_BEEN_PLACED)?;
        }
        Ok(())
    }
}

impl std::error::Error for CreateOrderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl From<CreateOrderError> for Error {
    /// The underlying error (the key and `may_have_been_placed` are dropped).
    fn from(error: CreateOrderError) -> Self {
        error.error
    }
}

/// Whether one attempt's outcome means the request may have reached Tango and placed the order.
///
/// Tango's refusals (4xx but 408 and 409, and 503) happen before an order exists. A 409 means an
/// order with this key is being processed; a 500, 502 or 504 may come after the order was
/// committed (a gateway that lost the answer); a timeout or a network error after sending may hide
/// an order that was placed. Any other answer is counted as reached, to be safe.
pub fn may_have_reached(outcome: &Result<HttpResponse, TransportError>) -> bool {
    match outcome {
        Ok(response) => {
            let status = response.status;
            let refused = (400..500).contains(&status) && status != 408 && status != 409;
            !(refused || status == 503)
        }
        Err(TransportError::NotSent(_) | TransportError::Aborted { sent: false }) => false,
        Err(_) => true,
    }
}

/// A string field of a JSON object, trimmed.
fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str).map(str::trim)
}

/// The fields in which the order Tango returned (as JSON) differs from the create request (both
/// as sent): utid, amount, recipient email and phone, delivery method. A field the answer leaves
/// out is not compared. Values are compared as Tango normalises them (emails without case, phones
/// by digits).
pub fn differences(request: &Value, order: &Value) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if let (Some(asked), Some(got)) = (text(request, "utid"), text(order, "utid")) {
        if !asked.eq_ignore_ascii_case(got) {
            fields.push("utid");
        }
    }
    let amount = request.get("amount").and_then(Value::as_f64);
    let denomination = order
        .get("denomination")
        .and_then(|money| money.get("value"))
        .and_then(Value::as_f64);
    if let (Some(asked), Some(got)) = (amount, denomination) {
        // Cents: amounts have at most two decimals.
        if (asked * 100.0).round() != (got * 100.0).round() {
            fields.push("amount");
        }
    }
    let asked = request.get("recipient").unwrap_or(&Value::Null);
    let got = order.get("recipient").unwrap_or(&Value::Null);
    match (text(asked, "email"), text(got, "email")) {
        (Some(asked), Some(got)) if !asked.eq_ignore_ascii_case(got) => {
            fields.push("recipient.email")
        }
        _ => {}
    }
    let digits = |phone: &str| {
        phone
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    };
    match (text(asked, "mobileNumber"), text(got, "mobileNumber")) {
        (Some(asked), Some(got)) if digits(asked) != digits(got) => {
            fields.push("recipient.mobileNumber")
        }
        _ => {}
    }
    if let (Some(asked), Some(got)) = (
        text(request, "deliveryMethod"),
        text(order, "deliveryMethod"),
    ) {
        if !asked.eq_ignore_ascii_case(got) {
            fields.push("deliveryMethod");
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn brief_create_errors_are_written_as_the_full_ones() {
        for error in crate::error::brief_test_errors() {
            for placed in [false, true] {
                let create = CreateOrderError {
                    error: error.clone(),
                    external_ref_id: "key1".into(),
                    may_have_been_placed: placed,
                };
                let (message, fields) = create.brief();
                assert_eq!(message, create.to_string());
                let brief = serde_json::to_string(&fields).unwrap();
                assert_eq!(brief, serde_json::to_string(&create.fields()).unwrap());
            }
        }
    }

    fn answer(status: u16) -> Result<HttpResponse, TransportError> {
        Ok(HttpResponse {
            status,
            headers: Vec::new(),
            body: String::new(),
        })
    }

    #[test]
    fn refusals_did_not_place_and_everything_else_may_have() {
        for status in [400, 401, 402, 403, 404, 422, 429, 503] {
            assert!(!may_have_reached(&answer(status)), "{status}");
        }
        for status in [200, 201, 409, 408, 500, 502, 504, 302] {
            assert!(may_have_reached(&answer(status)), "{status}");
        }
        assert!(may_have_reached(&Err(TransportError::Timeout)));
        assert!(may_have_reached(&Err(TransportError::Network("x".into()))));
        assert!(may_have_reached(&Err(TransportError::Aborted {
            sent: true
        })));
        assert!(!may_have_reached(&Err(TransportError::Aborted {
            sent: false
        })));
        assert!(!may_have_reached(&Err(TransportError::NotSent("x".into()))));
    }

    #[test]
    fn differences_name_the_fields_never_the_values() {
        let request = json!({"utid": "U000001", "amount": 5, "deliveryMethod": "EMAIL",
            "recipient": {"email": "Ann@Example.com", "mobileNumber": "+1 (555) 010-0000"}});
        let same = json!({"utid": "U000001",
            "denomination": {"value": 5.0, "currencyCode": "USD"}, "deliveryMethod": "EMAIL",
            "recipient": {"email": "ann@example.com", "mobileNumber": "+15550100000"}});
        assert!(differences(&request, &same).is_empty());
        let other = json!({"utid": "U000002",
            "denomination": {"value": 5.01}, "deliveryMethod": "PHONE",
            "recipient": {"email": "bob@example.com", "mobileNumber": "+15550100001"}});
        assert_eq!(
            differences(&request, &other),
            [
                "utid",
                "amount",
                "recipient.email",
                "recipient.mobileNumber",
                "deliveryMethod"
            ]
        );
        // Fields the answer leaves out are not compared.
        assert!(differences(&request, &json!({})).is_empty());
    }
}
