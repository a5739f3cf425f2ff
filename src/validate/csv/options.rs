//! How to read a CSV of orders: the header's mapping, the fields every row gets, and the usual
//! validation options.

use super::columns::Target;
use crate::validate::{Code, Json, Report, ValidateOptions};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
#[cfg(feature = "js")]
use tsify::Tsify;

/// How to read a CSV of orders (in TypeScript, `CsvSettings`; `CsvOptions` adds `onProgress` and
/// `signal`, which the host sets). The validation options apply to every row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CsvSettings {
    /// Headers that are not wire paths, each mapped to the wire path it fills (`"Email":
    /// "recipient.email"`), or to `null` to ignore the column.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "js",
        tsify(optional, type = "Record<string, string | null>")
    )]
    pub columns: BTreeMap<String, Option<String>>,
    /// Fields every row gets unless its own cell is filled, e.g. `customerIdentifier`, `utid`,
    /// `deliveryMethod` (an object like an order; nested objects merge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "js",
        tsify(
            optional,
            type = "Partial<CreateOrderRequest> | Record<string, unknown>"
        )
    )]
    pub defaults: Option<serde_json::Value>,
    /// How to validate each row.
    #[serde(flatten)]
    pub validate: ValidateOptions,
}

/// How a check reads a CSV: each mapped header's field checked, the defaults as JSON, and the
/// validation options (from [`CsvSettings`], or straight from JSON).
#[derive(Clone, Debug, Default)]
pub struct CsvPlan {
    /// `columns`: header → field (`None` to ignore the column).
    pub columns: Vec<(String, Option<Target>)>,
    /// `defaults`, an object.
    pub defaults: Option<Json<'static>>,
    /// The validation options.
    pub validate: ValidateOptions,
}

/// An options error at `path`.
fn wrong(path: &str, message: &str) -> Report {
    Report::one(path, Code::InvalidFormat, message)
}

/// The error for a `columns` entry that names no field.
fn not_a_field() -> Report {
    let message = "`columns` maps a header to something that is not a field of an order (a wire path such as recipient.email, or null).";
    wrong("columns", message)
}

/// The field a `columns` entry maps to, checked.
fn mapped(path: Option<&str>) -> Result<Option<Target>, Report> {
    match path {
        None => Ok(None),
        Some(path) => Target::of_path(path).map(Some).ok_or_else(not_a_field),
    }
}

impl CsvPlan {
    /// Reads the options from JSON (`null` for the defaults). By hand, as
    /// [`ValidateOptions::from_json`] is and for the same reason (wasm size).
    pub fn from_json(json: &Json<'_>) -> Result<CsvPlan, Report> {
        let validate = ValidateOptions::from_json(json)?;
        let member = |key: &str| json.get(key).filter(|value| !value.is_null());
        let columns = match member("columns") {
            None => Vec::new(),
            Some(Json::Object(columns)) => (columns.iter())
                .map(|(header, path)| {
                    let path = match path {
                        Json::Null => None,
                        Json::String(path) => Some(path.as_ref()),
                        _ => return Err(not_a_field()),
                    };
                    Ok((header.trim().to_owned(), mapped(path)?))
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(wrong("columns", "`columns` must be an object.")),
        };
        let defaults = match member("defaults") {
            None => None,
            Some(defaults @ Json::Object(_)) => Some(defaults.clone().into_owned()),
            Some(_) => return Err(wrong("defaults", "`defaults` must be an object.")),
        };
        Ok(CsvPlan {
            columns,
            defaults,
            validate,
        })
    }

    /// The settings of a native caller.
    pub fn from_settings(settings: &CsvSettings) -> Result<CsvPlan, Report> {
        let columns = (settings.columns.iter())
            .map(|(header, path)| Ok((header.trim().to_owned(), mapped(path.as_deref())?)))
            .collect::<Result<_, Report>>()?;
        let defaults = match &settings.defaults {
            None | Some(serde_json::Value::Null) => None,
            Some(value @ serde_json::Value::Object(_)) => Some(Json::from(value).into_owned()),
            Some(_) => return Err(wrong("defaults", "`defaults` must be an object.")),
        };
        Ok(CsvPlan {
            columns,
            defaults,
            validate: settings.validate.clone(),
        })
    }
}
