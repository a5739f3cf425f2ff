//! `CsvCheck`: a CSV of orders checked row by row, so that a page can show progress (and stay
//! responsive) between slices of rows.

use super::cells;
use super::columns::{self, Column, Kind, Target};
use super::options::CsvPlan;
use super::reader::{Record, Records};
use super::report::{CsvColumn, CsvIssue, CsvReport};
use crate::validate::{first_rows_of_repeated_keys, Code, Json, Object, MAX_BULK_ROWS};
use std::borrow::Cow;

/// The most of a file a check reads: 256 MiB, room for 50,000 rows of 5 KiB (a row with Tango's
/// longest gift message, 3,000 characters, and every other field is under 4 KiB). A larger input is
/// cut at its last line break within, and an issue says so: memory stays bounded by this, not by
/// what a page is given.
pub const MAX_CSV_BYTES: usize = 256 << 20;

/// A CSV read and being checked: [`CsvCheck::step`] checks the next rows, [`CsvCheck::report`]
/// is the report so far.
#[derive(Debug)]
pub struct CsvCheck {
    records: Records,
    columns: Vec<Column>,
    plan: CsvPlan,
    /// The records that are orders (not the header, blank lines or empty rows), at most
    /// [`MAX_BULK_ROWS`].
    rows: Vec<usize>,
    /// For each row, the earlier row with the same `externalRefID`.
    first_rows: Vec<Option<usize>>,
    /// The next row to check.
    next: usize,
    report: CsvReport,
}

impl CsvCheck {
    /// Reads the CSV (`input`: UTF-8, with or without a byte order mark) and its header. The
    /// header's and the file's problems are in the report at once; the rows are checked by
    /// [`CsvCheck::step`].
    pub fn new(input: &[u8], plan: CsvPlan) -> CsvCheck {
        CsvCheck::within(input, plan, MAX_CSV_BYTES)
    }

    /// [`CsvCheck::new`] reading at most `max_bytes` of the input (its last whole line within).
    fn within(input: &[u8], plan: CsvPlan, max_bytes: usize) -> CsvCheck {
        let cut = (input.len() > max_bytes).then(|| {
            let head = input.get(..max_bytes).unwrap_or_default();
            head.iter()
                .rposition(|b| *b == b'\n')
                .map_or(max_bytes, |at| at + 1)
        });
        let read = input.get(..cut.unwrap_or(input.len())).unwrap_or_default();
        // Room for empty rows (a spreadsheet's trailing ",,,") beyond the orders and the header.
        let records = Records::read(read, 2 * MAX_BULK_ROWS + 2);
        let mut check = CsvCheck {
            records,
            columns: Vec::new(),
            plan,
            rows: Vec::new(),
            first_rows: Vec::new(),
            next: 0,
            report: CsvReport::default(),
        };
        check.read_header_and_rows();
        if cut.is_some() {
            // The line where reading stopped.
            let line = 1 + read.iter().filter(|b| **b == b'\n').count();
            let megabytes = max_bytes >> 20;
            let message = format!("The file is larger than {megabytes} MB: only its first {megabytes} MB, to this line, were read. Tango's bulk upload takes at most {MAX_BULK_ROWS} rows: split the file.");
            check.report.issues.push(CsvIssue {
                index: None,
                line,
                path: String::new(),
                column: None,
                code: Code::OutOfRange,
                message,
            });
        }
        check
    }

    fn read_header_and_rows(&mut self) {
        let file_issue = |line, code, message: &str| CsvIssue {
            index: None,
            line,
            path: String::new(),
            column: None,
            code,
            message: message.to_owned(),
        };
        let Some(header) = self.records.records.first() else {
            let message = "The file is empty: it needs a header line naming the fields, then a row per order.";
            self.report
                .issues
                .push(file_issue(1, Code::Required, message));
            return;
        };
        let names: Vec<Cow<'_, str>> = (0..header.field_count)
            .map(|i| match self.records.field(header, i) {
                Ok(name) => Cow::Borrowed(name),
                Err(lossy) => lossy,
            })
            .collect();
        let (columns, issues) = columns::resolve(&names, &self.plan.columns, header.line);
        self.report.issues = issues;
        if header.unterminated_quote {
            let message = "A quoted header never closes, so the rest of the file was read into it: close the quote.";
            (self.report.issues).push(file_issue(header.line, Code::InvalidFormat, message));
        }
        self.columns = columns;
        self.report.columns = (self.columns.iter())
            .map(|column| CsvColumn {
                header: column.header.clone(),
                path: column.target.as_ref().map(|target| target.path.clone()),
            })
            .collect();

        for (at, record) in self.records.records.iter().enumerate().skip(1) {
            if is_empty_row(&self.records, record) {
                continue;
            }
            if self.rows.len() == MAX_BULK_ROWS {
                let message = format!("Tango's bulk upload takes at most {MAX_BULK_ROWS} rows: the rows from this line on were not checked. Split the file.");
                (self.report.issues).push(file_issue(record.line, Code::OutOfRange, &message));
                break;
            }
            self.rows.push(at);
        }
        if self.rows.is_empty() {
            let message = "The file has no rows under its header line.";
            (self.report.issues).push(file_issue(header.line, Code::Required, message));
        }
        if self.columns.iter().all(|column| column.target.is_none()) {
            // Without one column that names a field, every row would be every field's `required`:
            // the header's issue says what is wrong, once. The first line is then most likely a
            // row of data, which the report does not repeat.
            self.next = self.rows.len();
            self.report.invalid_count = self.rows.len();
            self.report.columns.clear();
        }
        self.report.row_count = self.rows.len();
        self.first_rows = self.repeated_keys();
    }

    /// For each row, the earlier row whose `externalRefID` (its cell, or the default) is the same.
    fn repeated_keys(&self) -> Vec<Option<usize>> {
        let column = (self.columns.iter())
            .position(|c| c.target.as_ref().is_some_and(|t| t.path == "externalRefID"));
        let default = (self.plan.defaults.as_ref())
            .and_then(|defaults| defaults.get("externalRefID"))
            .and_then(Json::as_str);
        let keys = self.rows.iter().map(|at| {
            let record = self.records.records.get(*at)?;
            let cell = column.and_then(|column| self.records.field(record, column).ok());
            cell.filter(|cell| !cell.is_empty()).or(default)
        });
        first_rows_of_repeated_keys(&keys.collect::<Vec<_>>())
    }

    /// How many rows have been checked.
    pub fn done(&self) -> usize {
        self.next
    }

    /// How many rows there are to check.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    /// Checks up to `max_rows` more rows; true when every row has been checked.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let end = self.next.saturating_add(max_rows).min(self.rows.len());
        for index in self.next..end {
            let row = self.check_row(index);
            if row.is_empty() {
                self.report.valid_count += 1;
            } else {
                self.report.invalid_count += 1;
            }
            self.report.issues.extend(row);
        }
        self.next = end;
        self.next == self.rows.len()
    }

    /// The report so far (complete once [`CsvCheck::step`] has returned true), without copying
    /// it: a file's report can hold 50,000 issues.
    pub fn report(&mut self) -> &CsvReport {
        self.report.valid = self.report.issues.is_empty();
        &self.report
    }

    /// The report, taken: complete once [`CsvCheck::step`] has returned true.
    pub fn into_report(mut self) -> CsvReport {
        self.report();
        self.report
    }

    /// Every row as an order, as read (nothing validated; a row the report says is broken is
    /// here as far as it could be read). Position `i` is the report's `index` `i`.
    pub fn orders(&self) -> Vec<Json<'_>> {
        (self.rows.iter())
            .filter_map(|at| self.records.records.get(*at))
            .map(|record| self.order(record, &mut |_, _| {}))
            .collect()
    }

    /// The issues of row `index`: the CSV's own problems, else every rule's.
    fn check_row(&self, index: usize) -> Vec<CsvIssue> {
        let Some(record) = self
            .rows
            .get(index)
            .and_then(|at| self.records.records.get(*at))
        else {
            return Vec::new();
        };
        let issue = |path: &str, column: Option<&str>, code, message: String| CsvIssue {
            index: Some(index),
            line: record.line,
            path: path.to_owned(),
            column: column.map(str::to_owned),
            code,
            message,
        };
        if record.unterminated_quote {
            let message = "A quoted field on this row never closes, so the rest of the file was read into it: close the quote (a quote inside a field is written twice).";
            return vec![issue("", None, Code::InvalidFormat, message.to_owned())];
        }
        if let Some(message) = self.field_count_problem(record) {
            return vec![issue("", None, Code::InvalidFormat, message)];
        }
        let mut not_text = Vec::new();
        let order = self.order(record, &mut |path, header| not_text.push((path, header)));
        let report = crate::validate::validate_create_order(&order, &self.plan.validate);
        let mut issues: Vec<CsvIssue> = (not_text.iter())
            .map(|(path, header)| {
                let message = "is not UTF-8 text: save the file as \"CSV UTF-8\".";
                let message = [crate::validate::labels::label(path), " ", message].concat();
                issue(path, Some(header), Code::InvalidCharacters, message)
            })
            .collect();
        for found in report.issues {
            if not_text.iter().any(|(path, _)| *path == found.path) {
                continue;
            }
            let column = self.column_of(&found.path);
            issues.push(issue(&found.path, column, found.code, found.message));
        }
        if let Some(Some(first)) = self.first_rows.get(index) {
            let line = (self.rows.get(*first))
                .and_then(|at| self.records.records.get(*at))
                .map_or(0, |record| record.line);
            let message = format!("External reference ID repeats the one on line {line}.");
            let column = self.column_of("externalRefID");
            issues.push(issue("externalRefID", column, Code::Conflict, message));
        }
        issues
    }

    /// What is wrong with the number of fields of `record`, if anything: fewer than the header's,
    /// or more with something in the extra ones (empty extras, a trailing comma, are fine).
    fn field_count_problem(&self, record: &Record) -> Option<String> {
        let expected = self.columns.len();
        let extra_filled = (expected..record.field_count).any(|i| {
            let bytes = self.records.field_bytes(record, i).unwrap_or_default();
            !bytes.trim_ascii().is_empty()
        });
        let found = record.field_count;
        if found < expected {
            Some(format!(
                "This row has {found} fields; the header has {expected}."
            ))
        } else if extra_filled {
            Some(format!("This row has {found} fields; the header has {expected}: a comma inside a field must be within quotes."))
        } else {
            None
        }
    }

    /// The header of the column that fills `path`.
    fn column_of(&self, path: &str) -> Option<&str> {
        (self.columns.iter())
            .find(|column| column.target.as_ref().is_some_and(|t| t.path == path))
            .map(|column| column.header.as_str())
    }

    /// Row `record` as an order: the defaults, then each filled cell at its field. `not_text` is
    /// told each field whose cell was not UTF-8 (read lossily).
    fn order<'s>(
        &'s self,
        record: &Record,
        not_text: &mut dyn FnMut(&'s str, &'s str),
    ) -> Json<'s> {
        let mut order = match &self.plan.defaults {
            Some(defaults) => defaults.clone(),
            None => Json::Object(Object::default()),
        };
        for (at, column) in self.columns.iter().enumerate() {
            let Some(target) = &column.target else {
                continue;
            };
            let text = match self.records.field(record, at) {
                Ok(text) => Cow::Borrowed(text),
                Err(lossy) => {
                    not_text(&target.path, &column.header);
                    lossy
                }
            };
            if text.is_empty() {
                continue;
            }
            set(&mut order, &target.keys, cell_value(text, target));
        }
        order
    }
}

/// Whether every cell of `record` is empty or spaces (a blank row of a spreadsheet).
fn is_empty_row(records: &Records, record: &Record) -> bool {
    (0..record.field_count).all(|i| {
        let bytes = records.field_bytes(record, i).unwrap_or_default();
        bytes.trim_ascii().is_empty()
    })
}

/// A cell's value for its field; text that is not the number or yes/no the field takes stays
/// text, for the rule to say what it must be.
fn cell_value<'s>(text: Cow<'s, str>, target: &Target) -> Json<'s> {
    match target.kind {
        Kind::Number => cells::number(&text).map_or(Json::String(text), Json::Number),
        Kind::Boolean => cells::boolean(&text).map_or(Json::String(text), Json::Bool),
        Kind::Text => Json::String(text),
    }
}

/// Sets the field at `keys` in `order`, making the objects on the way (a default that is not an
/// object where one is needed is replaced).
fn set<'s>(order: &mut Json<'s>, keys: &'s [String], value: Json<'s>) {
    let Some((last, parents)) = keys.split_last() else {
        return;
    };
    let mut object = order;
    for key in parents {
        let Json::Object(members) = object else {
            return;
        };
        if !matches!(members.get(key), Some(Json::Object(_))) {
            members.insert(Cow::Borrowed(key), Json::Object(Object::default()));
        }
        match members.get_mut(key) {
            Some(inner) => object = inner,
            None => return,
        }
    }
    if let Json::Object(members) = object {
        members.insert(Cow::Borrowed(last), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_larger_than_the_limit_is_read_to_its_last_whole_line_within_and_says_so() {
        let csv = "amount\n5\n6\n0\n";
        // 11 bytes: "amount\n5\n6\n" and one byte of the next line.
        let check = CsvCheck::within(csv.as_bytes(), CsvPlan::default(), 11);
        assert_eq!(check.total(), 2);
        let issue = check.report.issues.last().unwrap();
        assert_eq!(
            (issue.index, issue.line, issue.code),
            (None, 4, Code::OutOfRange)
        );
        assert!(issue.message.contains("larger than"), "{}", issue.message);
        let whole = CsvCheck::within(csv.as_bytes(), CsvPlan::default(), csv.len());
        assert_eq!(whole.total(), 3);
        assert!(whole.report.issues.is_empty());
    }
}
