//! The crate's error: one type with a `kind` a program can branch on.

use crate::validate::{Code, Issue, Report};

mod brief;
mod fields;

/// Every error kind the lighter wasm modules make, for tests that compare both wordings.
#[cfg(test)]
pub(crate) use brief::tests::errors as brief_test_errors;
pub use brief::BriefFields;
pub use fields::ErrorFields;

/// Which kind of failure, as JavaScript sees it in `error.kind`.
///
/// `Validation`, `Config` and `ResendTooSoon` mean nothing was sent; `Timeout` means the request may
/// have been processed. A create's error says more: see [`crate::client::CreateOrderError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(rename = "TangoErrorKind"))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input broke Tango's rules; nothing was sent.
    #[default]
    Validation,
    /// Tango answered with an error status.
    Api,
    /// The request did not reach Tango, or the answer did not come back.
    Network,
    /// No answer in time; the request may have been processed.
    Timeout,
    /// The answer could not be read.
    Decode,
    /// The client is set up wrongly; nothing was sent.
    Config,
    /// A resend of the same order or line item within 30 s; nothing was sent.
    ResendTooSoon,
    /// A create's `externalRefID` is already used by an order that differs from the request.
    Conflict,
    /// The caller's abort signal fired.
    Aborted,
    /// A webhook delivery did not prove it came from Tango: nothing of it was read.
    Unverified,
}

impl ErrorKind {
    /// The name JavaScript sees.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::Api => "api",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Decode => "decode",
            ErrorKind::Config => "config",
            ErrorKind::ResendTooSoon => "resend_too_soon",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Unverified => "unverified",
        }
    }
}

/// A failure. Messages never contain input values, keys or personal data.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input broke Tango's rules; the report lists every problem. Nothing was sent.
    Validation(Report),
    /// Tango answered with an error status.
    Api(Box<ApiError>),
    /// The request did not reach Tango, or its answer was lost on the way back; a create may have
    /// been processed (its retry is safe: the same `externalRefID` is reused).
    Network {
        /// What failed, without addresses or keys.
        message: String,
    },
    /// No answer within the timeout; the request may have been processed.
    Timeout {
        /// The per-attempt timeout that ran out.
        timeout_ms: u64,
    },
    /// `wait_for_order` ran out of time before the order's status was final. Nothing failed: the
    /// order may still finish (wait again, or read it later).
    WaitTimeout {
        /// How long the wait lasted in all.
        timeout_ms: u64,
        /// The order's status at the last read (`None` if no read succeeded).
        last_status: Option<String>,
    },
    /// A body could not be read as the expected model.
    Decode {
        /// What went wrong and where (a JSON path and position, never the value).
        message: String,
        /// The start of the body, for support: bounded, with every string value blanked (keys,
        /// numbers and punctuation kept), so it holds no personal data.
        excerpt: Option<String>,
    },
    /// The client is set up wrongly; nothing was sent.
    Config {
        /// What to change.
        message: String,
    },
    /// A resend of the same order or line item within 30 s of the last one; nothing was sent.
    ResendTooSoon {
        /// How long until a resend may be sent.
        retry_after_ms: u64,
    },
    /// Tango answered a create with an existing order for its `externalRefID` (a replay, HTTP 200),
    /// but that order is not the one requested: the key was used before for another reward. Nothing
    /// new was placed; use a new key for this order.
    Conflict {
        /// The existing order's ID.
        reference_order_id: Option<String>,
        /// Which fields differ (wire names: `utid`, `amount`, `recipient.email`,
        /// `recipient.mobileNumber`, `deliveryMethod`), never their values.
        fields: Vec<&'static str>,
    },
    /// The caller's abort signal fired while the call was waiting or in flight.
    Aborted,
    /// A webhook delivery did not prove it came from Tango (no signature, a wrong one, or a body
    /// too large to check): nothing of it was read. The message quotes none of it.
    Unverified {
        /// Why, in words.
        message: String,
    },
}

/// Tango's answer to a failed request: the status and the error body.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// Tango's error body (empty when the answer had none).
    pub body: crate::model::ApiErrorBody,
    /// How long Tango asked to wait (`Retry-After`), for a 429.
    pub retry_after_ms: Option<u64>,
}

impl ApiError {
    /// A name for the status, for messages and branching: `insufficient_funds` for 402, …
    pub fn status_name(&self) -> &'static str {
        match self.status {
            400 => "bad_request",
            401 => "unauthorized",
            402 => "insufficient_funds",
            403 => "forbidden",
            404 => "not_found",
            409 => "conflict",
            422 => "unprocessable",
            429 => "rate_limited",
            500..=599 => "server_error",
            _ => "unexpected_status",
        }
    }
}

/// A validation report as the error of a call that validated before sending: the validators
/// return reports and know nothing of the client's errors; this is where the two meet.
impl From<Report> for Error {
    fn from(report: Report) -> Self {
        Error::Validation(report)
    }
}

impl Error {
    /// The kind, for branching.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::Api(_) => ErrorKind::Api,
            Error::Network { .. } => ErrorKind::Network,
            Error::Timeout { .. } | Error::WaitTimeout { .. } => ErrorKind::Timeout,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::Config { .. } => ErrorKind::Config,
            Error::ResendTooSoon { .. } => ErrorKind::ResendTooSoon,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::Aborted => ErrorKind::Aborted,
            Error::Unverified { .. } => ErrorKind::Unverified,
        }
    }

    /// Whether trying the same call again could succeed.
    pub fn retryable(&self) -> bool {
        match self {
            Error::Api(api) => crate::rules::RETRYABLE_STATUSES.contains(&api.status),
            Error::Network { .. }
            | Error::Timeout { .. }
            | Error::WaitTimeout { .. }
            | Error::ResendTooSoon { .. } => true,
            _ => false,
        }
    }

    /// A validation error with a single issue.
    pub fn invalid(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Error::Validation(Report::from(vec![Issue::new(path, code, message)]))
    }

    /// A configuration error.
    pub fn config(message: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
        }
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Error::Validation(report) => f.write_str(&report.summary()),
            Error::Api(api) => {
                write!(f, "Tango answered {} ({})", api.status, api.status_name())?;
                if let Some(key) = &api.body.i18n_key {
                    write!(f, ", i18nKey {key}")?;
                }
                Ok(())
            }
            Error::Network { message } => write!(f, "network error: {message}"),
            Error::Timeout { timeout_ms } => write!(
                f,
                "no answer within {timeout_ms} ms; the request may have been processed"
            ),
            Error::WaitTimeout {
                timeout_ms,
                last_status,
            } => match last_status {
                Some(status) => write!(
                    f,
                    "the order was still {status} after waiting {timeout_ms} ms for a final status"
                ),
                None => write!(f, "no read of the order succeeded within {timeout_ms} ms"),
            },
            Error::Decode { message, .. } => f.write_str(message),
            Error::Config { message } => f.write_str(message),
            Error::ResendTooSoon { retry_after_ms } => write!(
                f,
                "resent less than 30 s ago; retry in {retry_after_ms} ms (nothing was sent)"
            ),
            Error::Conflict {
                reference_order_id,
                fields,
            } => write!(
                f,
                "this externalRefID already belongs to order {} whose {} differ from this request; nothing new was placed: use a new externalRefID",
                reference_order_id.as_deref().unwrap_or("(unknown)"),
                fields.join(", ")
            ),
            Error::Aborted => f.write_str("aborted by the caller"),
            Error::Unverified { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_messages_summarise_the_report() {
        let one = Error::invalid(
            "recipient.email",
            Code::Required,
            "`recipient.email` is required",
        );
        assert_eq!(one.to_string(), "`recipient.email` is required");
        let two = Error::Validation(Report::from(vec![
            Issue::new("utid", Code::Required, "`utid` is required"),
            Issue::new("amount", Code::OutOfRange, "`amount` must be more than 0"),
        ]));
        assert_eq!(two.to_string(), "`utid` is required (and 1 more problem)");
        assert_eq!(two.kind().as_str(), "validation");
        assert!(!two.retryable());
    }
}
