//! The message and fields of the errors the lighter wasm modules make — the main entry's first
//! load and `tango-orders/validate` — written without the other kinds' wording and fields.
//!
//! Why: those modules only ever make `validation`, `decode`, `config`, `network` and `aborted`
//! errors (and a create's, before it is sent). Going through [`Error::fields`] and `Display`
//! linked the wording and fields of every kind, Tango's error entries with their
//! `serde_json::Value` writer and float formatting among them: 2.5 KiB gzip of the validation-only
//! module, and more of the first load. The tests below keep both ways of writing an error equal
//! for every kind these modules make.

use super::{Error, ErrorKind};
use crate::validate::Issue;
use serde::Serialize;

/// The fields of [`super::ErrorFields`] these kinds can have, in its order and spelling.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BriefFields<'a> {
    kind: ErrorKind,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    issues: Option<&'a [Issue]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    excerpt: Option<&'a str>,
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    external_ref_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    may_have_been_placed: Option<bool>,
}

impl Error {
    /// This error's message and fields, for the kinds the lighter modules make; any other kind is
    /// worded "unexpected error" with only its kind (they never make one).
    pub fn brief(&self) -> (String, BriefFields<'_>) {
        let mut fields = BriefFields {
            kind: self.kind(),
            retryable: self.retryable(),
            issues: None,
            excerpt: None,
            external_ref_id: None,
            may_have_been_placed: None,
        };
        let message = match self {
            Error::Validation(report) => {
                fields.issues = Some(&report.issues);
                report.summary()
            }
            Error::Decode { message, excerpt } => {
                fields.excerpt = excerpt.as_deref();
                message.clone()
            }
            Error::Config { message } | Error::Unverified { message } => message.clone(),
            Error::Network { message } => ["network error: ", message].concat(),
            Error::Aborted => String::from("aborted by the caller"),
            _ => String::from("unexpected error"),
        };
        (message, fields)
    }
}

impl<'a> BriefFields<'a> {
    /// These fields for a create's error: its retryability, key and whether the order may have
    /// been placed (the client's `CreateOrderError::brief` adds them; this module knows no client).
    pub fn for_create(mut self, retryable: bool, external_ref_id: &'a str, placed: bool) -> Self {
        self.retryable = retryable;
        self.external_ref_id = Some(external_ref_id);
        self.may_have_been_placed = Some(placed);
        self
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::validate::{Code, Report};

    /// Every kind the lighter modules make (the client's create tests use them too).
    pub(crate) fn errors() -> Vec<Error> {
        let issue = |path: &str| Issue::new(path, Code::Required, "is required.");
        vec![
            Error::Validation(Report::from(vec![])),
            Error::Validation(Report::from(vec![issue("utid")])),
            Error::Validation(Report::from(vec![issue("utid"), issue("amount")])),
            Error::Validation(Report::from(vec![issue("a"), issue("b"), issue("c")])),
            Error::Decode {
                message: "`status` is missing".into(),
                excerpt: None,
            },
            Error::Decode {
                message: "expected value at line 1 column 2".into(),
                excerpt: Some("{\"a\":\"…\"}".into()),
            },
            Error::config("timeoutMs must be a number"),
            Error::Network {
                message: "the client's module could not be loaded; nothing was sent".into(),
            },
            Error::Aborted,
        ]
    }

    #[test]
    fn brief_errors_are_written_as_the_full_ones() {
        for error in errors() {
            let (message, fields) = error.brief();
            assert_eq!(message, error.to_string());
            let brief = serde_json::to_string(&fields).unwrap();
            assert_eq!(brief, serde_json::to_string(&error.fields()).unwrap());
        }
    }

    #[test]
    fn other_kinds_are_never_worded_with_their_details() {
        let error = Error::Timeout { timeout_ms: 1234 };
        let (message, fields) = error.brief();
        assert_eq!(message, "unexpected error");
        let fields = serde_json::to_value(&fields).unwrap();
        assert_eq!(
            fields,
            serde_json::json!({"kind": "timeout", "retryable": true})
        );
    }
}
