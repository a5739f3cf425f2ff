//! Reading Tango's JSON into models, with errors that say where and never what.

use crate::error::Error;
use serde::de::DeserializeOwned;

/// Decodes a response body as `T`.
///
/// The error names the JSON path and position but not the offending value: serde's own messages
/// quote values (`invalid type: string "jane@example.com"`), and response bodies carry personal data.
pub fn from_json<T: DeserializeOwned>(body: &str) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        decode_error(&path, &inner)
    })?;
    deserializer.end().map_err(|e| decode_error("", &e))?;
    Ok(value)
}

fn decode_error(path: &str, error: &serde_json::Error) -> Error {
    use serde_json::error::Category;
    let position = format!("line {}, column {}", error.line(), error.column());
    let message = match error.classify() {
        Category::Io | Category::Syntax => format!("the body is not valid JSON ({position})"),
        Category::Eof => format!("the body ends too early ({position})"),
        Category::Data if path.is_empty() || path == "." => {
            format!("the body does not have the expected shape ({position})")
        }
        Category::Data => format!("`{path}` has an unexpected type or value ({position})"),
    };
    Error::Decode {
        message,
        excerpt: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrderListPage;

    #[test]
    fn errors_name_the_path_but_not_the_value() {
        let body = r#"{"orders":[{"referenceOrderID":"RA1"},{"recipient":{"email":["jane@example.com"]}}]}"#;
        let error = from_json::<OrderListPage>(body).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("orders[1].recipient.email"), "{message}");
        assert!(!message.contains("jane"), "{message}");
        assert_eq!(error.kind(), crate::error::ErrorKind::Decode);
    }

    #[test]
    fn syntax_errors_and_trailing_garbage_are_decode_errors() {
        assert!(from_json::<OrderListPage>("{\"orders\": [").is_err());
        assert!(from_json::<OrderListPage>("{} x").is_err());
        assert!(from_json::<OrderListPage>("[]").is_err());
        assert!(from_json::<OrderListPage>("{}").is_ok());
    }
}
