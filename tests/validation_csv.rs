//! `validate_orders_csv` and `orders_from_csv`: the file's problems at their lines, every rule of
//! the bulk validation on each row, and the CSV's own problems reported, never returned as errors.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::validate::{
    orders_from_csv, validate_create_orders, validate_orders_csv, Code, CsvIssue, CsvReport,
    CsvSettings,
};

/// Settings for a digital EMAIL reward with the header of `examples/recipients.csv`.
fn recipients_settings() -> CsvSettings {
    serde_json::from_value(json!({
        "columns": {
            "firstName": "recipient.firstName",
            "lastName": "recipient.lastName",
            "email": "recipient.email",
        },
        "defaults": {
            "customerIdentifier": "demo-customer",
            "accountIdentifier": "demo-account",
            "utid": "U000001",
            "deliveryMethod": "EMAIL",
        },
    }))
    .unwrap()
}

fn check(csv: &str, settings: &CsvSettings) -> CsvReport {
    validate_orders_csv(csv.as_bytes(), settings).unwrap()
}

/// Each issue as (index, line, path, code).
fn summary(report: &CsvReport) -> Vec<(Option<usize>, usize, String, Code)> {
    (report.issues.iter())
        .map(|i| (i.index, i.line, i.path.clone(), i.code))
        .collect()
}

const HEADER: &str = "customerIdentifier,accountIdentifier,utid,amount,deliveryMethod,recipient.firstName,recipient.lastName,recipient.email";

fn row(amount: &str, first: &str, email: &str) -> String {
    format!("demo-customer,demo-account,U000001,{amount},EMAIL,{first},Lovelace,{email}")
}

#[test]
fn the_example_recipients_file_reports_its_bad_rows_by_line_and_column() {
    let csv = std::fs::read_to_string("examples/recipients.csv").unwrap();
    let report = check(&csv, &recipients_settings());
    assert_eq!(
        (report.row_count, report.valid_count, report.invalid_count),
        (9, 5, 4)
    );
    assert!(!report.valid);
    let found: Vec<_> = (report.issues.iter())
        .map(|i| (i.line, i.path.as_str(), i.column.as_deref(), i.code))
        .collect();
    assert_eq!(
        found,
        [
            (4, "recipient.email", Some("email"), Code::InvalidFormat),
            (5, "amount", Some("amount"), Code::OutOfRange),
            (
                7,
                "recipient.firstName",
                Some("firstName"),
                Code::InvalidCharacters
            ),
            (9, "amount", Some("amount"), Code::InvalidFormat),
        ]
    );
    let indexes: Vec<_> = report.issues.iter().map(|i| i.index).collect();
    assert_eq!(indexes, [Some(2), Some(3), Some(5), Some(7)]);
    let columns: Vec<_> = (report.columns.iter())
        .map(|c| (c.header.as_str(), c.path.as_deref()))
        .collect();
    assert_eq!(
        columns,
        [
            ("firstName", Some("recipient.firstName")),
            ("lastName", Some("recipient.lastName")),
            ("email", Some("recipient.email")),
            ("amount", Some("amount")),
        ]
    );
}

#[test]
fn each_row_gets_exactly_the_bulk_validations_issues_on_the_orders_it_reads_as() {
    let csv = [
        HEADER.to_owned(),
        row("25", "Ada", "ada@example.com"),
        row("25.001", "", "ada@example.com"),
        row("abc", "A<b>", "not-an-email"),
        row("\"1,000.50\"", "Grace", ""),
        row("-5", "Ada", "ada@example.com"),
    ]
    .join("\n");
    let settings = CsvSettings::default();
    let report = check(&csv, &settings);
    let orders = orders_from_csv(csv.as_bytes(), &settings).unwrap();
    assert_eq!(orders.len(), 5);
    assert_eq!(orders[3]["amount"], json!(1000.5));
    assert_eq!(orders[2]["amount"], json!("abc"));
    assert!(
        orders[1]["recipient"].get("firstName").is_none(),
        "empty cells are absent"
    );
    let bulk = validate_create_orders(&orders, &Default::default()).unwrap();
    let from_bulk: Vec<_> = (bulk.issues.iter())
        .map(|i| (Some(i.index), i.index + 2, i.path.clone(), i.code))
        .collect();
    assert_eq!(summary(&report), from_bulk);
    assert!(from_bulk.len() >= 6, "{from_bulk:?}");
    assert_eq!(
        (report.valid_count, report.invalid_count),
        (bulk.valid_count, bulk.invalid_count)
    );
    let messages: Vec<_> = bulk.issues.iter().map(|i| i.message.as_str()).collect();
    let csv_messages: Vec<_> = report.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(csv_messages, messages);
}

#[test]
fn quoting_as_rfc_4180_has_it() {
    let csv = [
        "recipient.firstName,recipient.lastName,amount,notes,message".to_owned(),
        // A quoted comma, a doubled quote, and a line break inside quotes (CRLF line ends).
        "\"Ada\",\"Lovelace, Countess\",\"1,000\",\"say \"\"hi\"\"\",\"line one\r\nline two\"\r"
            .to_owned(),
        "Grace,Hopper,25,,".to_owned(),
    ]
    .join("\n");
    let settings: CsvSettings = serde_json::from_value(json!({"defaults": {
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000001",
        "deliveryMethod": "NONE"
    }}))
    .unwrap();
    let orders = orders_from_csv(csv.as_bytes(), &settings).unwrap();
    assert_eq!(
        orders[0]["recipient"]["lastName"],
        json!("Lovelace, Countess")
    );
    assert_eq!(orders[0]["amount"], json!(1000));
    assert_eq!(orders[0]["notes"], json!("say \"hi\""));
    assert_eq!(orders[0]["message"], json!("line one\r\nline two"));
    let report = check(&csv, &settings);
    assert!(report.valid, "{:?}", report.issues);
    assert_eq!(report.row_count, 2);
    // The second row starts on line 4: the first spans lines 2 and 3.
    let csv = csv.replace("Grace,Hopper,25", "Grace,Hopper,0");
    assert_eq!(
        summary(&check(&csv, &settings)),
        [(Some(1), 4, "amount".to_owned(), Code::OutOfRange)]
    );
}

#[test]
fn the_files_own_problems_are_issues_at_their_lines_and_the_rest_is_still_checked() {
    let csv = [
        HEADER,
        &row("25", "Ada", "ada@example.com"),
        // A comma outside quotes: one field too many.
        &row("25", "Ada, Jr.", "ada@example.com"),
        // One field short.
        "demo-customer,demo-account,U000001,25,EMAIL,Ada,Lovelace",
        // Trailing empty fields are fine.
        &(row("25", "Ada", "ada@example.com") + ",,"),
        &row("0", "Ada", "ada@example.com"),
        // A quote that never closes swallows the rest of the file.
        &row("25", "\"Ada", "ada@example.com"),
        &row("25", "Bob", "bob@example.com"),
    ]
    .join("\n");
    let report = check(&csv, &CsvSettings::default());
    let found = summary(&report);
    assert_eq!(
        found,
        [
            (Some(1), 3, String::new(), Code::InvalidFormat),
            (Some(2), 4, String::new(), Code::InvalidFormat),
            (Some(4), 6, "amount".to_owned(), Code::OutOfRange),
            (Some(5), 7, String::new(), Code::InvalidFormat),
        ]
    );
    assert!(report.issues[0]
        .message
        .contains("9 fields; the header has 8"));
    assert!(report.issues[1].message.contains("7 fields"));
    assert!(report.issues[3].message.contains("never closes"));
    assert_eq!((report.valid_count, report.invalid_count), (2, 4));
}

#[test]
fn header_problems_come_first_without_an_index() {
    let csv = format!(
        "{HEADER},note,Amount\n{}, hello ,5\n",
        row("25", "Ada", "ada@example.com")
    );
    let report = check(&csv, &CsvSettings::default());
    let found: Vec<_> = (report.issues.iter())
        .map(|i| {
            (
                i.index,
                i.line,
                i.path.as_str(),
                i.column.as_deref(),
                i.code,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (None, 1, "", Some("note"), Code::InvalidValue),
            (None, 1, "amount", Some("Amount"), Code::Conflict),
        ]
    );
    // The row itself is valid: the first amount column is read, the others are not.
    assert_eq!((report.valid_count, report.invalid_count), (1, 0));
    assert!(!report.valid);
    assert_eq!(report.columns[8].path, None);
    // Mapped to null, the column is ignored without an issue.
    let settings: CsvSettings =
        serde_json::from_value(json!({"columns": {"note": null, "Amount": null}})).unwrap();
    assert!(check(&csv, &settings).valid);
}

#[test]
fn a_file_without_its_header_line_is_one_issue_and_its_rows_are_not_checked() {
    let csv = std::fs::read_to_string("examples/recipients.csv").unwrap();
    let without_header = csv.split_once('\n').unwrap().1;
    let report = check(without_header, &CsvSettings::default());
    assert_eq!(
        summary(&report),
        [(None, 1, String::new(), Code::InvalidValue)]
    );
    assert_eq!(
        (report.row_count, report.valid_count, report.invalid_count),
        (8, 0, 8)
    );
    assert!(report.columns.is_empty());
    let text = serde_json::to_string(&report).unwrap();
    for value in ["Ada", "Lovelace", "ada@example.com"] {
        assert!(!text.contains(value), "{value} in {text}");
    }
}

#[test]
fn empty_files_and_headers_alone_say_so() {
    for (csv, line) in [
        ("", 1),
        ("\n\n", 1),
        (HEADER, 1),
        ("\n\nutid,amount\n,,\n", 3),
    ] {
        let report = check(csv, &CsvSettings::default());
        assert_eq!(
            summary(&report),
            [(None, line, String::new(), Code::Required)],
            "{csv:?}"
        );
        assert!(!report.valid);
    }
}

#[test]
fn blank_lines_and_empty_rows_are_not_orders_but_keep_the_line_count() {
    let csv = format!(
        "{HEADER}\n\n{}\n,,,,,,,\n  ,\t,,,,,,\n\r\n{}\n",
        row("25", "Ada", "ada@example.com"),
        row("0", "Ada", "ada@example.com")
    );
    let report = check(&csv, &CsvSettings::default());
    assert_eq!(report.row_count, 2);
    assert_eq!(
        summary(&report),
        [(Some(1), 7, "amount".to_owned(), Code::OutOfRange)]
    );
}

#[test]
fn a_byte_order_mark_is_skipped_and_bytes_that_are_not_utf8_are_reported_at_their_field() {
    let mut csv = b"\xef\xbb\xbf".to_vec();
    csv.extend_from_slice(HEADER.as_bytes());
    csv.push(b'\n');
    csv.extend_from_slice(row("25", "Jos\u{e9}", "j@example.com").as_bytes());
    csv.push(b'\n');
    // Windows-1252's é, as Excel's plain "CSV" saves it.
    csv.extend_from_slice(
        row("25", "Jos\u{e9}", "j@example.com")
            .replace('\u{e9}', "\u{1}")
            .as_bytes(),
    );
    let at = csv.iter().rposition(|b| *b == 1).unwrap();
    csv[at] = 0xe9;
    let report = validate_orders_csv(&csv, &CsvSettings::default()).unwrap();
    assert_eq!(
        report.columns[0].path.as_deref(),
        Some("customerIdentifier")
    );
    assert_eq!(
        summary(&report),
        [(
            Some(1),
            3,
            "recipient.firstName".to_owned(),
            Code::InvalidCharacters
        )]
    );
    assert!(
        report.issues[0].message.contains("UTF-8"),
        "{:?}",
        report.issues
    );
}

#[test]
fn defaults_fill_what_a_cell_leaves_empty_and_a_cell_wins_over_them() {
    let csv = "recipient.email,utid,recipient.address.city\na@example.com,,\nb@example.com,U000002,Paris\n";
    let settings: CsvSettings = serde_json::from_value(json!({
        "defaults": {"utid": "U000001", "recipient": {"firstName": "Ada"}, "customFields": {"team": "x"}},
    }))
    .unwrap();
    let orders = orders_from_csv(csv.as_bytes(), &settings).unwrap();
    assert_eq!(
        orders[0],
        json!({"utid": "U000001", "recipient": {"firstName": "Ada", "email": "a@example.com"}, "customFields": {"team": "x"}})
    );
    assert_eq!(orders[1]["utid"], json!("U000002"));
    assert_eq!(
        orders[1]["recipient"],
        json!({"firstName": "Ada", "email": "b@example.com", "address": {"city": "Paris"}})
    );
}

#[test]
fn yes_no_and_custom_fields_read_from_text() {
    let csv = "sendEmail,customFields.costCenter\nyes,42\nmaybe,\n";
    let orders = orders_from_csv(csv.as_bytes(), &CsvSettings::default()).unwrap();
    assert_eq!(
        orders[0],
        json!({"sendEmail": true, "customFields": {"costCenter": "42"}})
    );
    assert_eq!(orders[1], json!({"sendEmail": "maybe"}));
}

#[test]
fn a_repeated_external_ref_id_is_a_conflict_naming_the_first_line() {
    let csv = format!(
        "{HEADER},externalRefID\n{}\n{}\n{}\n",
        row("25", "Ada", "ada@example.com") + ",key1",
        row("25", "Ada", "ada@example.com") + ",key2",
        row("25", "Ada", "ada@example.com") + ",key1"
    );
    let report = check(&csv, &CsvSettings::default());
    assert_eq!(
        summary(&report),
        [(Some(2), 4, "externalRefID".to_owned(), Code::Conflict)]
    );
    assert!(report.issues[0].message.contains("line 2"));
    // A key given in the defaults is every row's: all but the first repeat it.
    let settings: CsvSettings =
        serde_json::from_value(json!({"defaults": {"externalRefID": "same"}})).unwrap();
    let csv = format!(
        "{HEADER}\n{}\n{}\n",
        row("25", "A", "a@example.com"),
        row("25", "B", "b@example.com")
    );
    let codes: Vec<_> = check(&csv, &settings)
        .issues
        .iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(codes, [Code::Conflict]);
}

#[test]
fn more_rows_than_a_bulk_upload_takes_are_reported_once_and_not_checked() {
    let good = row("25", "Ada", "ada@example.com");
    let mut csv = String::from(HEADER);
    for _ in 0..50_001 {
        csv.push('\n');
        csv.push_str(&good);
    }
    let report = check(&csv, &CsvSettings::default());
    assert_eq!(report.row_count, 50_000);
    assert_eq!(report.valid_count, 50_000);
    assert_eq!(
        summary(&report),
        [(None, 50_002, String::new(), Code::OutOfRange)]
    );
}

#[test]
fn settings_that_are_not_settings_are_an_error_and_the_file_is_not_read() {
    for bad in [
        json!({"columns": {"Email": "recipient.mail"}}),
        json!({"columns": {"Email": "recipient"}}),
        json!({"defaults": [1]}),
    ] {
        let settings: CsvSettings = serde_json::from_value(bad.clone()).unwrap();
        let error = validate_orders_csv(b"a\n1\n", &settings).unwrap_err();
        assert_eq!(error.issues.len(), 1, "{bad}");
        assert!(
            !error.issues[0].message.contains("recipient.mail"),
            "{error:?}"
        );
    }
}

#[test]
fn messages_never_hold_a_cells_value() {
    let secret = "Zyxwv";
    let csv = format!(
        "{HEADER},recipient.address.streetLine1\n{}\n{}\n",
        row("x", secret, &format!("{secret}@")) + "," + secret,
        row("25", &format!("\"{secret}"), secret)
    );
    let report = check(&csv, &CsvSettings::default());
    assert!(report.issues.len() >= 3, "{:?}", report.issues);
    for CsvIssue { message, .. } in &report.issues {
        assert!(!message.contains(secret), "{message}");
    }
}

#[test]
fn settings_round_trip_through_serde_with_the_validation_options_flattened() {
    let value = json!({"columns": {"Email": "recipient.email", "Notes": null}, "defaults": {"utid": "U000001"}, "partial": true});
    let settings: CsvSettings = serde_json::from_value(value.clone()).unwrap();
    assert!(settings.validate.partial);
    assert_eq!(serde_json::to_value(&settings).unwrap(), value);
    let _: Value = serde_json::to_value(CsvSettings::default()).unwrap();
}
