//! `Report`, `Issue` and `Code`: every problem with an input, by wire path, with a stable code.

use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// What is wrong with a field. The codes are stable: programs and forms branch on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// A required field is missing or empty.
    Required,
    /// Shorter than allowed.
    TooShort,
    /// Longer than allowed.
    TooLong,
    /// Contains characters Tango does not accept there.
    InvalidCharacters,
    /// Not in the expected format (a pattern, a date, an email, a phone number), or of the wrong type.
    InvalidFormat,
    /// Not one of the allowed values.
    InvalidValue,
    /// Present where Tango forbids it (e.g. an address on a digital order).
    NotAllowed,
    /// A number or date outside its allowed range.
    OutOfRange,
    /// Valid in general but not supported here (e.g. a non-US number for PHONE delivery).
    Unsupported,
    /// Contradicts another field.
    Conflict,
    /// A member the request does not have (a misspelt name, most likely): Tango would ignore it.
    /// List a field this release does not know yet in `extraFields` to send it anyway.
    UnknownField,
}

/// One problem: where (the wire path, e.g. `recipient.address.postalCode`), what (a stable code),
/// and a short English sentence. The message never contains the value, which may be personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct Issue {
    /// Wire path of the field, dotted, with `[i]` for list items; empty for the input as a whole.
    pub path: String,
    /// What is wrong.
    pub code: Code,
    /// A short sentence for people, without the value.
    pub message: String,
}

impl Issue {
    /// An issue at `path`.
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Issue {
            path: path.into(),
            code,
            message: message.into(),
        }
    }
}

/// Every problem found in one input, in the order found. Empty means valid. In JavaScript, every
/// valid input gets the same frozen report object.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct Report {
    /// Whether there were no issues.
    pub valid: bool,
    /// The problems.
    pub issues: Vec<Issue>,
}

impl Report {
    /// `Ok` when valid, else the report: how every call that validates before sending stops
    /// (`?` turns it into a `validation` error, see `From<Report> for Error`).
    pub fn into_result(self) -> Result<(), Report> {
        if self.valid {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// The message of an error carrying this report: the first issue's, and how many more.
    pub fn summary(&self) -> String {
        match self.issues.as_slice() {
            [] => String::from("invalid input"),
            [only] => only.message.clone(),
            [first, rest @ ..] => {
                let plural = if rest.len() == 1 { "" } else { "s" };
                let more = rest.len().to_string();
                [
                    &first.message,
                    " (and ",
                    &more,
                    " more problem",
                    plural,
                    ")",
                ]
                .concat()
            }
        }
    }

    /// A report of one issue.
    pub fn one(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Report::from(vec![Issue::new(path, code, message)])
    }
}

impl Report {
    /// The report without its `unknown_field` issues: what Tango itself checks, since it ignores
    /// members it does not have (the simulator answers as Tango does).
    pub fn ignoring_unknown_fields(self) -> Report {
        let mut issues = self.issues;
        issues.retain(|issue| issue.code != Code::UnknownField);
        Report::from(issues)
    }
}

impl From<Vec<Issue>> for Report {
    fn from(issues: Vec<Issue>) -> Self {
        Report {
            valid: issues.is_empty(),
            issues,
        }
    }
}

/// One problem in one row of a bulk validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct BulkIssue {
    /// The row's position in the input, from 0.
    pub index: usize,
    /// Wire path of the field within the row.
    pub path: String,
    /// What is wrong.
    pub code: Code,
    /// A short sentence for people, without the value.
    pub message: String,
}

/// The result of validating many rows at once.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BulkReport {
    /// Rows without issues.
    pub valid_count: usize,
    /// Rows with at least one issue.
    pub invalid_count: usize,
    /// Every problem of every row, in row order.
    pub issues: Vec<BulkIssue>,
}
