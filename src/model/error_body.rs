//! The body Tango sends with an error status (`ErrorInfo`, and `ErrorDTO` on some 404s).

use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// What Tango says went wrong. Every field is optional: error bodies vary by endpoint and status.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ApiErrorBody {
    /// When (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Tango's ID for the request: quote it to Tango's support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The path that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The HTTP status.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub http_code: Option<i64>,
    /// The HTTP reason phrase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_phrase: Option<String>,
    /// A stable key for the error, e.g. `403.005` (resend within 30 s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i18n_key: Option<String>,
    /// Tango's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Values for the placeholders of the `i18nKey` message (`ErrorDTO`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "unknown[]"))]
    pub i18n_token_replacements: Option<Vec<serde_json::Value>>,
    /// One entry per problem, e.g. per invalid field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiErrorDetail>>,
}

/// One problem inside an error body. The OpenAPI document leaves these untyped; the docs show
/// `{code, i18nKey, message}`, and validation errors are `{field, errorCodeValue, errorCodeName,
/// message}` (`ValidationErrorDto`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ApiErrorDetail {
    /// Tango's code: a number in the docs (`422001`), kept as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "number | string"))]
    pub code: Option<serde_json::Value>,
    /// A stable key for the error, e.g. `404.142` (frozen account).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i18n_key: Option<String>,
    /// Tango's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The field the problem is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A validation error's code as a number (`ValidationErrorDto.errorCodeValue`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "number | string"))]
    pub error_code_value: Option<serde_json::Value>,
    /// A validation error's code as a name (`ValidationErrorDto.errorCodeName`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code_name: Option<String>,
}
