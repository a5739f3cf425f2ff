//! Values a JavaScript caller can pass that JSON cannot carry: `NaN` and `±Infinity` (which
//! `JSON.stringify` turns into `null`, so an amount of `NaN` would read as missing) and strings with
//! an unpaired surrogate (which no UTF-8 text can hold). The JavaScript boundary writes each as a
//! marker object instead (`{"\u0000tango:nonFinite": "NaN"}`, `{"\u0000tango:loneSurrogate": true}`);
//! the validators then see a value of the wrong type at the right path, and this module turns that
//! issue into the true one: "must be a finite number", "contains a broken character".

use super::json::{Json, ReadJson};
use super::report::{Code, Issue, Report};

/// The key of the marker the boundary writes for `NaN`, `Infinity` and `-Infinity`.
pub const NON_FINITE_KEY: &str = "\u{0}tango:nonFinite";
/// The key of the marker the boundary writes for a string with an unpaired surrogate.
pub const LONE_SURROGATE_KEY: &str = "\u{0}tango:loneSurrogate";

/// What a marker stood for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unrepresentable {
    /// `NaN`.
    NotANumber,
    /// `Infinity` or `-Infinity`.
    Infinite,
    /// A string holding an unpaired UTF-16 surrogate.
    LoneSurrogate,
}

impl Unrepresentable {
    fn issue(self) -> (Code, &'static str) {
        match self {
            Unrepresentable::NotANumber => (Code::InvalidFormat, "must be a number, not NaN."),
            Unrepresentable::Infinite => (Code::OutOfRange, "must be a finite number."),
            Unrepresentable::LoneSurrogate => (
                Code::InvalidCharacters,
                "contains a broken character (an unpaired surrogate).",
            ),
        }
    }
}

fn marker(value: &Json<'_>) -> Option<Unrepresentable> {
    let object = value.as_object().filter(|o| o.len() == 1)?;
    if let Some(kind) = object.get(NON_FINITE_KEY) {
        return Some(if kind.as_str() == Some("NaN") {
            Unrepresentable::NotANumber
        } else {
            Unrepresentable::Infinite
        });
    }
    object
        .get(LONE_SURROGATE_KEY)
        .is_some()
        .then_some(Unrepresentable::LoneSurrogate)
}

/// Every marker in `value`, with its path as issues spell paths (`recipient.firstName`,
/// `items[2]`).
pub fn find_unrepresentable(value: &impl ReadJson) -> Vec<(String, Unrepresentable)> {
    let mut found = Vec::new();
    walk(&value.read_json(), String::new(), &mut found);
    found
}

fn walk(value: &Json<'_>, path: String, found: &mut Vec<(String, Unrepresentable)>) {
    if let Some(kind) = marker(value) {
        found.push((path, kind));
        return;
    }
    match value {
        Json::Object(object) => {
            for (key, member) in object.iter() {
                let inner = if path.is_empty() {
                    key.to_owned()
                } else {
                    format!("{path}.{key}")
                };
                walk(member, inner, found);
            }
        }
        Json::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{index}]"), found);
            }
        }
        _ => {}
    }
}

/// Rewrites the issue a validator gave at a marker's path (a wrong type) into what is really
/// wrong there. Paths without an issue were not checked (unknown fields) and stay so.
pub fn explain(
    path: &str,
    code: &mut Code,
    message: &mut String,
    found: &[(String, Unrepresentable)],
) {
    let Some((_, kind)) = found.iter().find(|(at, _)| at == path) else {
        return;
    };
    if *code == Code::InvalidFormat {
        let (true_code, predicate) = kind.issue();
        *code = true_code;
        *message = format!("{} {predicate}", super::labels::label(path));
    }
}

/// Rewrites every issue of `report` at a marker's path (see [`explain`]).
pub fn explain_report(report: &mut Report, found: &[(String, Unrepresentable)]) {
    for issue in &mut report.issues {
        explain(&issue.path, &mut issue.code, &mut issue.message, found);
    }
}

/// [`explain_report`] for a bulk report: markers are found at `[row].path`, and bulk issues carry
/// the row and the path apart.
pub fn explain_bulk_report(report: &mut super::BulkReport, found: &[(String, Unrepresentable)]) {
    let by_row: Vec<(usize, Vec<(String, Unrepresentable)>)> = found
        .iter()
        .filter_map(|(path, kind)| {
            let (row, rest) = path.strip_prefix('[')?.split_once(']')?;
            let rest = rest.trim_start_matches('.').to_owned();
            Some((row.parse().ok()?, vec![(rest, *kind)]))
        })
        .collect();
    for issue in &mut report.issues {
        for (row, found) in &by_row {
            if *row == issue.index {
                explain(&issue.path, &mut issue.code, &mut issue.message, found);
            }
        }
    }
}

/// Input that cannot be sent at all: one issue per marker, wherever it is.
pub fn unrepresentable_report(found: &[(String, Unrepresentable)]) -> Report {
    Report::from(
        found
            .iter()
            .map(|(path, kind)| {
                let (code, predicate) = kind.issue();
                Issue::new(
                    path.clone(),
                    code,
                    format!("{} {predicate}", super::labels::label(path)),
                )
            })
            .collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn markers_are_found_by_path_and_their_issues_made_true() {
        let value = json!({
            "amount": {NON_FINITE_KEY: "Infinity"}, "recipient": {"firstName": {LONE_SURROGATE_KEY: true}},
            "list": [1, {NON_FINITE_KEY: "NaN"}],
        });
        let found = find_unrepresentable(&value);
        assert_eq!(
            found,
            [
                ("amount".to_owned(), Unrepresentable::Infinite),
                ("list[1]".to_owned(), Unrepresentable::NotANumber),
                (
                    "recipient.firstName".to_owned(),
                    Unrepresentable::LoneSurrogate
                ),
            ]
        );
        let mut report = Report::from(vec![
            Issue::new("amount", Code::InvalidFormat, "Amount must be a number."),
            Issue::new(
                "recipient.firstName",
                Code::InvalidFormat,
                "… must be text.",
            ),
            Issue::new("utid", Code::Required, "Reward ID (utid) is required."),
        ]);
        explain_report(&mut report, &found);
        assert_eq!(report.issues[0].code, Code::OutOfRange);
        assert_eq!(report.issues[0].message, "Amount must be a finite number.");
        assert_eq!(report.issues[1].code, Code::InvalidCharacters);
        assert_eq!(report.issues[2].code, Code::Required);
        assert_eq!(unrepresentable_report(&found).issues.len(), 3);
    }

    #[test]
    fn bulk_markers_explain_only_their_own_rows_issues() {
        let rows = json!([{"amount": 5}, {"amount": {NON_FINITE_KEY: "NaN"}}]);
        let found = find_unrepresentable(&rows);
        assert_eq!(
            found,
            [("[1].amount".to_owned(), Unrepresentable::NotANumber)]
        );
        let issue = |index: usize| super::super::BulkIssue {
            index,
            path: "amount".into(),
            code: Code::InvalidFormat,
            message: "Amount must be a number.".into(),
        };
        let mut report = super::super::BulkReport {
            valid_count: 0,
            invalid_count: 2,
            issues: vec![issue(0), issue(1)],
        };
        explain_bulk_report(&mut report, &found);
        assert_eq!(report.issues[0].message, "Amount must be a number.");
        assert_eq!(report.issues[1].code, Code::InvalidFormat);
        assert_eq!(
            report.issues[1].message,
            "Amount must be a number, not NaN."
        );
    }
}
