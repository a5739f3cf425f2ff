//! Which field of an order each column of a CSV fills: the wire path in its header, or the one
//! `options.columns` gives for the header.

use super::report::CsvIssue;
use crate::validate::Code;
use std::borrow::Cow;

/// How a cell's text becomes the field's JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The text as it is (trimmed).
    Text,
    /// A number as a person writes it (`25`, `25.00`, `1,000`): see `cells::number`.
    Number,
    /// `true`/`false`, `yes`/`no` or `1`/`0`.
    Boolean,
}

/// The fields of a create order a column can fill, by wire path. Tango-specific: the leaves of
/// `CreateOrderRequest` (src/model/order.rs); `customFields.<name>` fills one of your own fields.
const FIELDS: &[(&str, Kind)] = &[
    ("externalRefID", Kind::Text),
    ("customerIdentifier", Kind::Text),
    ("accountIdentifier", Kind::Text),
    ("utid", Kind::Text),
    ("deliveryMethod", Kind::Text),
    ("amount", Kind::Number),
    ("ptid", Kind::Text),
    ("sender.firstName", Kind::Text),
    ("sender.lastName", Kind::Text),
    ("sender.email", Kind::Text),
    ("recipient.firstName", Kind::Text),
    ("recipient.lastName", Kind::Text),
    ("recipient.email", Kind::Text),
    ("recipient.mobileNumber", Kind::Text),
    ("recipient.address.companyName", Kind::Text),
    ("recipient.address.streetLine1", Kind::Text),
    ("recipient.address.streetLine2", Kind::Text),
    ("recipient.address.city", Kind::Text),
    ("recipient.address.stateOrProvince", Kind::Text),
    ("recipient.address.postalCode", Kind::Text),
    ("recipient.address.country", Kind::Text),
    ("emailSubject", Kind::Text),
    ("message", Kind::Text),
    ("sendEmail", Kind::Boolean),
    ("etid", Kind::Text),
    ("campaign", Kind::Text),
    ("purchaseOrderNumber", Kind::Text),
    ("notes", Kind::Text),
    ("expirationDate", Kind::Text),
];

/// The prefix of a column that fills one of your own fields.
const CUSTOM_FIELDS: &str = "customFields.";

/// The field a column fills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Its wire path, e.g. `recipient.address.city`.
    pub path: String,
    /// The keys from the order down to the field (`customFields.a.b` is `customFields`, `a.b`).
    pub keys: Vec<String>,
    /// How its cells read.
    pub kind: Kind,
}

impl Target {
    /// The field at wire path `path`, when a column can fill it.
    pub fn of_path(path: &str) -> Option<Target> {
        if let Some(name) = path
            .strip_prefix(CUSTOM_FIELDS)
            .filter(|name| !name.is_empty())
        {
            return Some(Target {
                path: path.to_owned(),
                keys: vec!["customFields".to_owned(), name.to_owned()],
                kind: Kind::Text,
            });
        }
        let (path, kind) = FIELDS.iter().find(|(wire, _)| *wire == path)?;
        Some(Target::known(path, *kind))
    }

    /// The field a header names: a wire path, in any case (`Amount` is `amount`).
    fn of_header(header: &str) -> Option<Target> {
        if let Some(found) = FIELDS
            .iter()
            .find(|(wire, _)| wire.eq_ignore_ascii_case(header))
        {
            return Some(Target::known(found.0, found.1));
        }
        Target::of_path(header)
    }

    fn known(path: &str, kind: Kind) -> Target {
        Target {
            path: path.to_owned(),
            keys: path.split('.').map(str::to_owned).collect(),
            kind,
        }
    }
}

/// One column: its header as written and the field it fills (`None`: ignored, or unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header, trimmed.
    pub header: String,
    /// The field its cells fill.
    pub target: Option<Target>,
}

/// The columns of a header row, and what is wrong with them. `mapping` is `options.columns`
/// (header → wire path, `None` to ignore the column), its paths already checked.
///
/// Messages name columns by number, never by header: a file without a header row has a person's
/// data in its first line.
pub fn resolve(
    headers: &[Cow<'_, str>],
    mapping: &[(String, Option<Target>)],
    line: usize,
) -> (Vec<Column>, Vec<CsvIssue>) {
    let mut columns: Vec<Column> = Vec::with_capacity(headers.len());
    let mut issues = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let number = index + 1;
        let header_issue = |path: &str, code, message: String| CsvIssue {
            index: None,
            line,
            path: path.to_owned(),
            column: Some(header.to_string()),
            code,
            message,
        };
        let mut target = match mapping.iter().find(|(name, _)| name == header) {
            Some((_, mapped)) => mapped.clone(),
            None => {
                let target = Target::of_header(header);
                if target.is_none() {
                    let message = if header.is_empty() {
                        format!("Column {number} has no name: name the field it fills (such as recipient.email), or remove it.")
                    } else {
                        format!("Column {number} is not a field of an order: name it with a wire path (such as recipient.email), map it in options.columns, or remove it.")
                    };
                    issues.push(header_issue("", Code::InvalidValue, message));
                }
                target
            }
        };
        if let Some(path) = target.as_ref().map(|t| t.path.as_str()) {
            let earlier = columns
                .iter()
                .position(|column| column.target.as_ref().map(|t| t.path.as_str()) == Some(path));
            if let Some(earlier) = earlier {
                let message = format!(
                    "Column {number} fills the same field as column {}; only the first is read.",
                    earlier + 1
                );
                issues.push(header_issue(path, Code::Conflict, message));
                target = None;
            }
        }
        columns.push(Column {
            header: header.to_string(),
            target,
        });
    }
    let unknown = issues
        .iter()
        .filter(|i| i.code == Code::InvalidValue)
        .count();
    if unknown > 1 && unknown == headers.len() {
        // Not one field named: most likely a file without its header row. One issue says so.
        let message = "The first line must name the field of each column (such as recipient.email); none of its columns names one.";
        issues = vec![CsvIssue {
            index: None,
            line,
            path: String::new(),
            column: None,
            code: Code::InvalidValue,
            message: message.to_owned(),
        }];
    }
    (columns, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&'static str]) -> Vec<Cow<'static, str>> {
        names.iter().map(|name| Cow::Borrowed(*name)).collect()
    }

    fn paths(columns: &[Column]) -> Vec<Option<&str>> {
        (columns.iter())
            .map(|c| c.target.as_ref().map(|t| t.path.as_str()))
            .collect()
    }

    #[test]
    fn headers_name_wire_paths_in_any_case_and_custom_fields() {
        let names = headers(&["Amount", "recipient.EMAIL", "customFields.team", "utid"]);
        let (columns, issues) = resolve(&names, &[], 1);
        assert!(issues.is_empty(), "{issues:?}");
        let found = paths(&columns);
        let expected = [
            Some("amount"),
            Some("recipient.email"),
            Some("customFields.team"),
            Some("utid"),
        ];
        assert_eq!(found, expected);
        let custom = columns[2].target.as_ref().unwrap();
        assert_eq!(custom.keys, ["customFields", "team"]);
        assert_eq!(columns[0].target.as_ref().unwrap().kind, Kind::Number);
    }

    #[test]
    fn the_mapping_wins_and_null_ignores_a_column() {
        let mapping = vec![
            ("email".to_owned(), Target::of_path("recipient.email")),
            ("amount".to_owned(), None),
        ];
        let (columns, issues) = resolve(&headers(&["email", "amount", "note"]), &mapping, 3);
        assert_eq!(paths(&columns), [Some("recipient.email"), None, None]);
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].line, issues[0].code), (3, Code::InvalidValue));
        assert_eq!(issues[0].column.as_deref(), Some("note"));
        assert!(issues[0].message.starts_with("Column 3 "), "{issues:?}");
        assert!(!issues[0].message.contains("note"));
    }

    #[test]
    fn a_field_filled_twice_is_a_conflict_and_the_first_column_is_read() {
        let (columns, issues) = resolve(&headers(&["amount", "Amount", ""]), &[], 1);
        assert_eq!(paths(&columns), [Some("amount"), None, None]);
        let codes: Vec<_> = issues.iter().map(|i| (i.code, i.path.as_str())).collect();
        assert_eq!(
            codes,
            [(Code::Conflict, "amount"), (Code::InvalidValue, "")]
        );
        assert!(issues[1].message.contains("has no name"));
    }

    #[test]
    fn a_first_line_of_data_is_one_issue_that_names_no_value() {
        let (_, issues) = resolve(&headers(&["Ada", "ada@example.com", "25"]), &[], 1);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].column, None);
        assert!(!issues[0].message.contains("Ada"));
    }

    #[test]
    fn only_fields_a_column_can_fill_are_targets() {
        assert!(Target::of_path("recipient").is_none());
        assert!(Target::of_path("recipient.address").is_none());
        assert!(Target::of_path("customFields.").is_none());
        assert!(
            Target::of_path("Amount").is_none(),
            "paths in options are exact"
        );
        assert_eq!(Target::of_path("sendEmail").unwrap().kind, Kind::Boolean);
    }
}
