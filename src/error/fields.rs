//! An error's fields as a program reads them, one flat record per error: what JavaScript's
//! `TangoError` carries beside its message (its TypeScript, `TangoErrorFields`, is generated from
//! this struct).

use super::{Error, ErrorKind};
use crate::model::ApiErrorDetail;
use crate::validate::Issue;
use serde::Serialize;

/// Every field an error may have; each is set only for the kinds its comment names.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    feature = "js",
    derive(tsify::Tsify),
    tsify(rename = "TangoErrorFields")
)]
#[serde(rename_all = "camelCase")]
pub struct ErrorFields {
    /// What kind of failure: branch on this, not on the message.
    #[cfg_attr(feature = "js", tsify(type = "TangoErrorKind"))]
    pub kind: ErrorKind,
    /// Whether trying the same call again could succeed.
    pub retryable: bool,
    /// For `validation`: every problem, by wire path, with a stable code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub issues: Option<Vec<Issue>>,
    /// For `api`: the HTTP status.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub status: Option<u16>,
    /// For `api`: a name for the status — bad_request, unauthorized, insufficient_funds (402),
    /// forbidden, not_found, conflict (409), unprocessable (422, e.g. a frozen account),
    /// rate_limited (429), server_error.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "string"))]
    pub status_name: Option<&'static str>,
    /// For `api`: Tango's reason phrase.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub http_phrase: Option<String>,
    /// For `api`: Tango's ID for the request, to quote to its support.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub request_id: Option<String>,
    /// For `api`: Tango's stable key for the error (the body's, else its first entry's).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub i18n_key: Option<String>,
    /// For `api`: Tango's entries, one per problem (empty when it sent none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub errors: Option<Vec<ApiErrorDetail>>,
    /// For `api`: the path Tango says failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub path: Option<String>,
    /// For `api`: when, as Tango wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub timestamp: Option<String>,
    /// For `api`: Tango's own message.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub api_message: Option<String>,
    /// For `resend_too_soon`, and for a 429 whose Retry-After said how long to wait.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub retry_after_ms: Option<u64>,
    /// For `decode`: the start of the body with every string value replaced by "…" (keys,
    /// numbers and punctuation kept), or a note of its length when it is not JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub excerpt: Option<String>,
    /// For `timeout`: the per-attempt timeout that ran out (the request may have been processed),
    /// or for `waitForOrder`, how long the wait lasted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub timeout_ms: Option<u64>,
    /// For the `timeout` of `waitForOrder`: the order's status at its last read (absent when no
    /// read succeeded). The order may still finish.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub last_status: Option<String>,
    /// For `conflict`: the existing order that holds this externalRefID.
    #[serde(rename = "referenceOrderID", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub reference_order_id: Option<String>,
    /// For `conflict`: which fields of that order differ from the request (names only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "string[]"))]
    pub fields: Option<Vec<&'static str>>,
    /// For every error of createOrder: the externalRefID the order was (or would have been) sent
    /// with — yours, or the one generated.
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub external_ref_id: Option<String>,
    /// For every error of createOrder: true when an attempt may have reached Tango and placed the
    /// order (a timeout, a network error after sending, a lost or unreadable answer, 409, 5xx but
    /// 503). Then call createOrder again with `{ ...order, externalRefID: error.externalRefID }`:
    /// it resolves with the order (created: false) if it was placed, and places it once if not. A
    /// call without that key may place a second order.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub may_have_been_placed: Option<bool>,
}

impl Error {
    /// This error's fields.
    pub fn fields(&self) -> ErrorFields {
        let mut fields = ErrorFields {
            kind: self.kind(),
            retryable: self.retryable(),
            ..ErrorFields::default()
        };
        match self {
            Error::Validation(report) => fields.issues = Some(report.issues.clone()),
            Error::Api(api) => {
                let body = &api.body;
                let first_key = body
                    .errors
                    .as_ref()
                    .and_then(|e| e.first())
                    .and_then(|e| e.i18n_key.clone());
                fields.status = Some(api.status);
                fields.status_name = Some(api.status_name());
                fields.http_phrase = body.http_phrase.clone();
                fields.request_id = body.request_id.clone();
                fields.i18n_key = body.i18n_key.clone().or(first_key);
                fields.api_message = body.message.clone();
                fields.path = body.path.clone();
                fields.timestamp = body.timestamp.clone();
                fields.errors = Some(body.errors.clone().unwrap_or_default());
                fields.retry_after_ms = api.retry_after_ms;
            }
            Error::ResendTooSoon { retry_after_ms } => {
                fields.retry_after_ms = Some(*retry_after_ms)
            }
            Error::Decode { excerpt, .. } => fields.excerpt = excerpt.clone(),
            Error::Timeout { timeout_ms } => fields.timeout_ms = Some(*timeout_ms),
            Error::WaitTimeout {
                timeout_ms,
                last_status,
            } => {
                fields.timeout_ms = Some(*timeout_ms);
                fields.last_status = last_status.clone();
            }
            Error::Conflict {
                reference_order_id,
                fields: names,
            } => {
                fields.reference_order_id = reference_order_id.clone();
                fields.fields = Some(names.clone());
            }
            Error::Network { .. }
            | Error::Config { .. }
            | Error::Aborted
            | Error::Unverified { .. } => {}
        }
        fields
    }
}
