//! The crate's error: one type with a `kind` a program can branch on.

use crate::validate::{Code, Issue, Report};

/// Which kind of failure, as JavaScript sees it in `error.kind`.
///
/// `Validation`, `Config` and `ResendTooSoon` mean nothing was sent; `Timeout` means the request may
/// have been processed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input broke Tango's rules; nothing was sent.
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
        }
    }
}

/// A failure. Messages never contain input values, keys or personal data.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The input broke Tango's rules; the report lists every problem.
    Validation(Report),
    /// A body could not be read as the expected model.
    Decode {
        /// What went wrong and where (a JSON path and position, never the value).
        message: String,
    },
}

impl Error {
    /// The kind, for branching.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::Decode { .. } => ErrorKind::Decode,
        }
    }

    /// Whether trying the same call again could succeed.
    pub fn retryable(&self) -> bool {
        false
    }

    /// A validation error with a single issue.
    pub fn invalid(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Error::Validation(Report::from(vec![Issue::new(path, code, message)]))
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Error::Validation(report) => match report.issues.as_slice() {
                [] => f.write_str("invalid input"),
                [only] => f.write_str(&only.message),
                [first, rest @ ..] => {
                    let plural = if rest.len() == 1 { "" } else { "s" };
                    write!(
                        f,
                        "{} (and {} more problem{plural})",
                        first.message,
                        rest.len()
                    )
                }
            },
            Error::Decode { message } => f.write_str(message),
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
