//! `Checker`: reads fields of a JSON object by wire path and collects issues, once per field.
//!
//! Validation works on `serde_json::Value`, not on the typed models: a form or a CSV row with a wrong
//! type in one field must still get every other field checked, and serde stops at the first error.

use super::json::{Json, Object};
use super::labels::label;
use super::report::{Code, Issue};

/// What a field holds. `null` counts as absent, as it does for Tango.
#[derive(Clone, Copy, Debug)]
pub enum Field<'a> {
    /// Not there, or `null`.
    Absent,
    /// A string.
    Text(&'a str),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// An object.
    Object(&'a Object<'a>),
    /// An array.
    List,
}

impl<'a> Field<'a> {
    /// The field `key` of `object` (absent when `object` is not an object).
    pub fn of(object: Option<&'a Object<'a>>, key: &str) -> Field<'a> {
        match object.and_then(|o| o.get(key)) {
            None | Some(Json::Null) => Field::Absent,
            Some(Json::String(s)) => Field::Text(s),
            Some(Json::Number(n)) => Field::Number(*n),
            Some(Json::Bool(b)) => Field::Bool(*b),
            Some(Json::Object(o)) => Field::Object(o),
            Some(Json::Array(_)) => Field::List,
        }
    }

    /// Whether a person has put something here: present and, for text, not only whitespace.
    pub fn is_filled(&self) -> bool {
        match self {
            Field::Absent => false,
            Field::Text(s) => !s.trim().is_empty(),
            _ => true,
        }
    }
}

/// Which characters a text field allows, and how to say so ("letters, digits and hyphens").
pub type CharClass = (fn(char) -> bool, &'static str);

/// What a text field may hold.
#[derive(Clone, Copy)]
pub struct TextRule {
    /// Whether it must be filled.
    pub required: bool,
    /// Fewest characters (Unicode scalar values) when present.
    pub min: usize,
    /// Most characters.
    pub max: usize,
    /// Which characters are allowed, and how to say so ("letters, digits and hyphens").
    pub chars: Option<CharClass>,
}

impl TextRule {
    /// Optional, any characters, at most `max`.
    pub const fn max(max: usize) -> Self {
        TextRule {
            required: false,
            min: 0,
            max,
            chars: None,
        }
    }

    /// The same rule, required.
    pub const fn required(self) -> Self {
        TextRule {
            required: true,
            ..self
        }
    }

    /// The same rule with a minimum length.
    pub const fn min(self, min: usize) -> Self {
        TextRule { min, ..self }
    }

    /// The same rule with a character class.
    pub const fn chars(self, allowed: fn(char) -> bool, description: &'static str) -> Self {
        TextRule {
            chars: Some((allowed, description)),
            ..self
        }
    }
}

/// Collects issues. In `partial` mode (a form being filled in) a field that is not filled yet is
/// never `required`; everything that is filled is checked in full.
pub struct Checker {
    /// Issues so far.
    pub issues: Vec<Issue>,
    /// Whether unfilled fields are skipped instead of reported.
    pub partial: bool,
}

impl Checker {
    /// An empty checker.
    pub fn new(partial: bool) -> Self {
        Checker {
            issues: Vec::new(),
            partial,
        }
    }

    /// Records an issue; the message starts with the field's label.
    pub fn push(&mut self, path: &str, code: Code, predicate: &str) {
        let message = format!("{} {predicate}", label(path));
        self.issues.push(Issue::new(path, code, message));
    }

    /// Records `required` for `path`, unless in partial mode.
    pub fn missing(&mut self, path: &str) {
        if !self.partial {
            self.push(path, Code::Required, "is required.");
        }
    }

    /// Records that the field has the wrong JSON type.
    pub fn wrong_type(&mut self, path: &str, expected: &str) {
        self.push(path, Code::InvalidFormat, &format!("must be {expected}."));
    }

    /// Checks a text field against `rule`, and returns its value when it passed every check (so the
    /// caller can apply a pattern or a list), or `None` when absent or already reported.
    pub fn text<'a>(&mut self, path: &str, field: Field<'a>, rule: TextRule) -> Option<&'a str> {
        let value = match field {
            Field::Absent => {
                if rule.required {
                    self.missing(path);
                }
                return None;
            }
            Field::Text(value) => value,
            _ => {
                self.wrong_type(path, "text");
                return None;
            }
        };
        let trimmed = value.trim();
        if trimmed.is_empty() {
            // Empty or only spaces: not filled. Required fields say so; optional ones accept "" when
            // they have no minimum, and reject spaces alone (the normalizer turns those into "").
            if rule.required {
                self.missing(path);
            } else if self.partial || (value.is_empty() && rule.min == 0) {
            } else if value.is_empty() {
                self.push(path, Code::TooShort, "must not be empty.");
            } else {
                self.push(path, Code::InvalidFormat, "must not be only spaces.");
            }
            return None;
        }
        if trimmed.len() != value.len() {
            self.push(
                path,
                Code::InvalidFormat,
                "must not start or end with a space.",
            );
            return None;
        }
        // Characters, not bytes; ASCII text (the common case) has one byte per character.
        let length = if value.is_ascii() {
            value.len()
        } else {
            value.chars().count()
        };
        if length < rule.min {
            let predicate = format!("must be at least {} characters.", rule.min);
            self.push(path, Code::TooShort, &predicate);
            return None;
        }
        if length > rule.max {
            let predicate = format!("must be at most {} characters.", rule.max);
            self.push(path, Code::TooLong, &predicate);
            return None;
        }
        if let Some((allowed, description)) = rule.chars {
            if !value.chars().all(allowed) {
                let predicate = format!("may only contain {description}.");
                self.push(path, Code::InvalidCharacters, &predicate);
                return None;
            }
        }
        Some(value)
    }

    /// Checks a number field: returns it when present and a number, reports a wrong type.
    /// Empty text (or only spaces) counts as not filled in, as it does for text fields: a form's
    /// number input reads `""` until something is typed.
    pub fn number(&mut self, path: &str, field: Field<'_>, required: bool) -> Option<f64> {
        match field {
            Field::Absent => {
                if required {
                    self.missing(path);
                }
                None
            }
            Field::Text(text) if text.trim().is_empty() => {
                if required {
                    self.missing(path);
                }
                None
            }
            Field::Number(n) => Some(n),
            _ => {
                self.wrong_type(path, "a number");
                None
            }
        }
    }

    /// Checks a boolean field: returns it when present and a boolean, reports a wrong type.
    pub fn boolean(&mut self, path: &str, field: Field<'_>) -> Option<bool> {
        match field {
            Field::Absent => None,
            Field::Bool(b) => Some(b),
            _ => {
                self.wrong_type(path, "true or false");
                None
            }
        }
    }

    /// Checks an object field: returns it when present and an object, reports a wrong type.
    pub fn object<'a>(&mut self, path: &str, field: Field<'a>) -> Option<&'a Object<'a>> {
        match field {
            Field::Absent => None,
            Field::Object(o) => Some(o),
            _ => {
                self.wrong_type(path, "an object");
                None
            }
        }
    }

    /// Checks a text field that must be one of `allowed` (exact, case-sensitive).
    pub fn one_of<'a>(
        &mut self,
        path: &str,
        field: Field<'a>,
        required: bool,
        allowed: &[&str],
    ) -> Option<&'a str> {
        let rule = TextRule {
            required,
            min: 1,
            max: usize::MAX,
            chars: None,
        };
        let value = self.text(path, field, rule)?;
        if allowed.contains(&value) {
            Some(value)
        } else {
            self.push(
                path,
                Code::InvalidValue,
                "is not one of the allowed values.",
            );
            None
        }
    }
}

/// Letters (ASCII), digits and hyphens: Tango's identifiers.
pub fn identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// ASCII letters and digits.
pub fn alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Issues whose path is one of `fields`, or inside one (`recipient.address` covers
/// `recipient.address.city`).
pub fn keep_fields(issues: &mut Vec<Issue>, fields: &[String]) {
    issues.retain(|issue| {
        fields.iter().any(|field| {
            issue.path == *field
                || issue
                    .path
                    .strip_prefix(field.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    });
}
