//! `Sensitive`: a string holding personal data or a secret, redacted in `Debug`.

use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// A string holding personal data (a name, an email, a phone number, an address line, a gift
/// message) or a reward credential.
///
/// On the wire and in JavaScript it is a plain string: the name only marks the fields that carry
/// personal data. In Rust its `Debug` output is `"[redacted]"` and it has no `Display`, so it cannot
/// end up in a log line or an error message by accident; it is read deliberately with `expose()`.
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(transparent)]
pub struct Sensitive(String);

impl Sensitive {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Sensitive(value.into())
    }

    /// The value itself. Named so that every read of personal data is easy to find.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Sensitive {
    fn from(value: &str) -> Self {
        Sensitive(value.to_owned())
    }
}

impl From<String> for Sensitive {
    fn from(value: String) -> Self {
        Sensitive(value)
    }
}

impl core::fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("\"[redacted]\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Sensitive::from("jane.doe@example.com");
        assert_eq!(format!("{secret:?}"), "\"[redacted]\"");
        assert_eq!(
            format!("{:?}", Some(secret.clone())),
            "Some(\"[redacted]\")"
        );
        assert_eq!(secret.expose(), "jane.doe@example.com");
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let json = serde_json::to_string(&Sensitive::from("x")).unwrap();
        assert_eq!(json, "\"x\"");
        let back: Sensitive = serde_json::from_str("\"y\"").unwrap();
        assert_eq!(back.expose(), "y");
    }
}
