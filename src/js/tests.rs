//! Boundary tests, run by `wasm-bindgen-test` in Node and in headless Chromium: the exports, a
//! model crossing the boundary both ways, and errors that reach JavaScript as `TangoError`s.

// Tests (wasm-bindgen-test, which clippy does not see as tests): a failing unwrap is a failing test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::helpers::*;
use super::parse::*;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

/// The `kind` and first issue path of a thrown error, after checking it is a real `Error`.
fn kind_of(error: &JsValue) -> (String, String) {
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error");
    assert_eq!(
        get(error, "name").as_string().as_deref(),
        Some("TangoError")
    );
    assert_eq!(get(error, "retryable").as_bool(), Some(false));
    let issues = get(error, "issues");
    let path = if issues.is_undefined() {
        String::new()
    } else {
        let first = Array::from(&issues).get(0);
        get(&first, "path").as_string().unwrap_or_default()
    };
    (get(error, "kind").as_string().unwrap_or_default(), path)
}

#[wasm_bindgen_test]
fn order_source_reads_the_prefix() {
    assert_eq!(
        order_source("RA230918-1234-56".into()).unwrap().as_deref(),
        Some("RA")
    );
    assert_eq!(order_source("QW1".into()).unwrap().as_deref(), Some("QW"));
    assert_eq!(order_source("7".into()).unwrap(), None);
    assert_eq!(order_source("string".into()).unwrap(), None);
    let error = order_source(JsValue::from(42)).unwrap_err();
    assert_eq!(kind_of(&error).0, "validation");
}

#[wasm_bindgen_test]
fn derive_order_status_reads_a_js_array() {
    let status = |json: &str| derive_order_status(js(json)).unwrap();
    assert_eq!(status(r#"["COMPLETE","COMPLETE"]"#), "COMPLETE");
    assert_eq!(status(r#"["COMPLETE","FAILED"]"#), "PARTIAL");
    assert_eq!(status(r#"["FAILED"]"#), "FAILED");
    assert_eq!(status(r#"["COMPLETE","NEW_THING"]"#), "PENDING");
    // A number where a status belongs: a validation error at that index, not a trap.
    let error = derive_order_status(js(r#"["COMPLETE", 7]"#)).unwrap_err();
    assert_eq!(kind_of(&error), ("validation".into(), "[1]".into()));
    let error = derive_order_status(JsValue::NULL).unwrap_err();
    assert_eq!(kind_of(&error).0, "validation");
}

#[wasm_bindgen_test]
fn finality_helpers() {
    assert!(is_order_status_final("PARTIAL".into()).unwrap());
    assert!(!is_order_status_final("ON_HOLD".into()).unwrap());
    assert!(is_line_item_status_final("CANCELED".into()).unwrap());
    assert!(!is_line_item_status_final("SOMETHING_NEW".into()).unwrap());
    assert!(is_order_status_final(JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn a_model_crosses_the_boundary_both_ways() {
    let body = r#"{
        "referenceOrderID": "RA260101-0001-01", "status": "COMPLETE", "sendEmail": true,
        "deliveryMethod": "EMAIL", "futureField": {"x": 1},
        "amountCharged": {"value": 10.5, "currencyCode": "USD", "total": 10.5},
        "recipient": {"email": "zelda@example.com", "address": null},
        "reward": {"credentials": {"code": "X"}, "credentialList": [{"label": "Code", "value": "ABC", "type": "text", "credentialType": "rewardSecurityCode"}]},
        "customStatus": "x"
    }"#;
    // Rust → JS: plain objects, wire names, absent fields left out, unknown fields dropped.
    let order: JsValue = parse_order(body.into()).unwrap().into();
    assert_eq!(
        get(&order, "referenceOrderID").as_string().as_deref(),
        Some("RA260101-0001-01")
    );
    assert_eq!(
        get(&get(&order, "amountCharged"), "value").as_f64(),
        Some(10.5)
    );
    assert!(get(&order, "futureField").is_undefined());
    assert!(!Reflect::has(&order, &"etid".into()).unwrap());
    let list = get(&get(&order, "reward"), "credentialList");
    assert!(Array::is_array(&list));
    assert_eq!(
        get(&Array::from(&list).get(0), "value")
            .as_string()
            .as_deref(),
        Some("ABC")
    );
    let prototype = js_sys::Object::get_prototype_of(&order);
    assert_eq!(
        prototype,
        js_sys::Object::get_prototype_of(&js_sys::Object::new().into())
    );

    // JS → Rust: the object we produced is accepted back, and read correctly.
    assert!(can_resend_order(tsify::Ts::new_unchecked(order.clone())).unwrap());
    Reflect::set(&order, &"status".into(), &"FAILED".into()).unwrap();
    assert!(!can_resend_order(tsify::Ts::new_unchecked(order.clone())).unwrap());

    // A wrong type in a field it reads is a validation error at its wire path; the fields it does
    // not read are not its business (it reads the order as the validators do, not through the
    // typed model, to stay out of the first load's bytes).
    let bad = js(r#"{"deliveryMethod": 5, "recipient": {"email": 5}}"#);
    let error = can_resend_order(tsify::Ts::new_unchecked(bad)).unwrap_err();
    assert_eq!(
        kind_of(&error),
        ("validation".into(), "deliveryMethod".into())
    );
    let message = get(&error, "message").as_string().unwrap();
    assert!(!message.contains('5'), "{message}");
    let elsewhere = js(r#"{"deliveryMethod": "EMAIL", "recipient": {"email": 5}}"#);
    assert!(can_resend_order(tsify::Ts::new_unchecked(elsewhere)).unwrap());
    let not_an_order = can_resend_order(tsify::Ts::new_unchecked(JsValue::from(5))).unwrap_err();
    assert_eq!(kind_of(&not_an_order), ("validation".into(), "".into()));
}

#[wasm_bindgen_test]
fn parse_failures_are_decode_errors_without_values() {
    let error =
        parse_order_list_page(r#"{"orders": [{"recipient": {"email": ["secret@x.io"]}}]}"#.into())
            .unwrap_err();
    assert_eq!(kind_of(&error).0, "decode");
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("orders[0].recipient.email"), "{message}");
    assert!(!message.contains("secret"), "{message}");
    assert_eq!(
        kind_of(&parse_order("not json".into()).unwrap_err()).0,
        "decode"
    );
    assert_eq!(
        kind_of(&parse_order(JsValue::NULL).unwrap_err()).0,
        "validation"
    );
}

#[wasm_bindgen_test]
fn every_parser_reads_its_model() {
    let page: JsValue = parse_line_item_list_page(
        r#"{"keysetPage":{"nextPageKeys":["k1"],"totalCount":3},"lineItems":[{"status":"CANCELED","emailStatus":"NOT DELIVERED"}]}"#.into(),
    )
    .unwrap()
    .into();
    let item = Array::from(&get(&page, "lineItems")).get(0);
    assert_eq!(
        get(&item, "emailStatus").as_string().as_deref(),
        Some("NOT_DELIVERED")
    );
    assert_eq!(
        get(&get(&page, "keysetPage"), "totalCount").as_f64(),
        Some(3.0)
    );
    let item: JsValue = parse_line_item(r#"{"deliveryStatus":"DISPATCHED"}"#.into())
        .unwrap()
        .into();
    assert_eq!(
        get(&item, "deliveryStatus").as_string().as_deref(),
        Some("DISPATCHED")
    );
    let resend: JsValue = parse_order_resend_result(r#"{"id": 12}"#.into())
        .unwrap()
        .into();
    assert_eq!(get(&resend, "id").as_f64(), Some(12.0));
    let resend: JsValue = parse_line_item_resend_result(r#"{"reasonCode": "REMINDER"}"#.into())
        .unwrap()
        .into();
    assert_eq!(
        get(&resend, "reasonCode").as_string().as_deref(),
        Some("REMINDER")
    );
    let body: JsValue = parse_api_error_body(
        r#"{"httpCode": 422, "errors": [{"code": 422001, "i18nKey": "404.142"}]}"#.into(),
    )
    .unwrap()
    .into();
    let detail = Array::from(&get(&body, "errors")).get(0);
    assert_eq!(
        get(&detail, "i18nKey").as_string().as_deref(),
        Some("404.142")
    );
    assert_eq!(get(&detail, "code").as_f64(), Some(422001.0));
}

fn issue_pairs(report: &JsValue) -> Vec<(String, String)> {
    Array::from(&get(report, "issues"))
        .iter()
        .map(|issue| {
            let text = |key| get(&issue, key).as_string().unwrap_or_default();
            (text("path"), text("code"))
        })
        .collect()
}

fn pair(path: &str, code: &str) -> (String, String) {
    (path.to_owned(), code.to_owned())
}

#[wasm_bindgen_test]
fn validation_reports_every_issue_by_path_and_code() {
    use super::validate::*;
    let order = js(
        r#"{"customerIdentifier":"demo-customer","accountIdentifier":"demo-account","utid":"U1",
        "amount":0,"deliveryMethod":"ADDRESS","recipient":{"firstName":"Zoë","lastName":"L",
        "address":{"streetLine1":"1 A St","city":"B","stateOrProvince":"ny","postalCode":"1234","country":"US"}}}"#,
    );
    let report: JsValue = validate_create_order(order, None).unwrap().into();
    assert_eq!(get(&report, "valid").as_bool(), Some(false));
    assert_eq!(
        issue_pairs(&report),
        [
            pair("amount", "out_of_range"),
            pair("recipient.firstName", "invalid_characters"),
            pair("recipient.address.stateOrProvince", "invalid_value"),
            pair("recipient.address.postalCode", "invalid_format"),
        ]
    );
    // A form in progress: only what is filled in.
    let options = js(r#"{"partial": true}"#);
    let form = js(r#"{"recipient": {"email": "ada@"}, "deliveryMethod": "EMAIL"}"#);
    let report: JsValue = validate_create_order(form, Some(tsify::Ts::new_unchecked(options)))
        .unwrap()
        .into();
    assert_eq!(
        issue_pairs(&report),
        [pair("recipient.email", "invalid_format")]
    );
}

#[wasm_bindgen_test]
fn validation_survives_hostile_input_and_bulk_reports_indexes() {
    use super::validate::*;
    let getter =
        js_sys::Function::new_no_args("return { get utid() { throw new Error('boom'); } };")
            .call0(&JsValue::NULL)
            .unwrap();
    let report: JsValue = validate_create_order(getter, None).unwrap().into();
    assert_eq!(issue_pairs(&report), [pair("", "invalid_format")]);
    let report: JsValue = validate_create_order(JsValue::UNDEFINED, None)
        .unwrap()
        .into();
    assert_eq!(issue_pairs(&report), [pair("", "invalid_format")]);
    let bad_options = tsify::Ts::new_unchecked(js(r#"{"fields": 5}"#));
    let error = validate_create_order(js("{}"), Some(bad_options)).unwrap_err();
    assert_eq!(kind_of(&error), ("validation".into(), "fields".into()));

    let rows = js(
        r#"[{"utid": "U1"}, {"customerIdentifier":"demo-customer","accountIdentifier":"demo-account",
        "utid":"U1","amount":5,"deliveryMethod":"NONE"}, 7]"#,
    );
    let report: JsValue = validate_create_orders(rows, None).unwrap().into();
    assert_eq!(get(&report, "validCount").as_f64(), Some(1.0));
    assert_eq!(get(&report, "invalidCount").as_f64(), Some(2.0));
    let indexes: Vec<f64> = Array::from(&get(&report, "issues"))
        .iter()
        .filter_map(|issue| get(&issue, "index").as_f64())
        .collect();
    assert!(indexes.iter().all(|i| *i == 0.0 || *i == 2.0));
    assert!(indexes.contains(&2.0));
    let error = validate_create_orders(js("{}"), None).unwrap_err();
    assert_eq!(kind_of(&error).0, "validation");

    let normal = normalize_create_order(js(r#"{"deliveryMethod": " email "}"#)).unwrap();
    assert_eq!(
        get(&normal, "deliveryMethod").as_string().as_deref(),
        Some("EMAIL")
    );
}

/// The CSV check crosses the boundary three times: the input and options in, its driver
/// (csv_driver.js, shipped as a wasm-bindgen snippet) stepping the check, and the report out.
#[wasm_bindgen_test]
async fn a_csv_is_checked_through_its_driver_with_progress_and_aborts() {
    use super::csv::{orders_from_csv, validate_orders_csv};
    use wasm_bindgen_futures::JsFuture;
    let mut csv = String::from("recipient.email,amount\n");
    for i in 0..3_000 {
        let email = if i == 2_000 { "bad@" } else { "a@example.com" };
        csv.push_str(&format!("{email},\"1,000.50\"\n"));
    }
    let progress = js_sys::Array::new();
    let record = progress.clone();
    let on_progress = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue, JsValue)>::new(
        move |done: JsValue, _total: JsValue| {
            record.push(&done);
        },
    );
    let options = js(r#"{"defaults": {"utid": "U000001"}}"#);
    Reflect::set(&options, &"onProgress".into(), on_progress.as_ref()).unwrap();
    let report = JsFuture::from(validate_orders_csv(csv.clone().into(), options))
        .await
        .unwrap();
    assert_eq!(get(&report, "rowCount").as_f64(), Some(3_000.0));
    let issues = Array::from(&get(&report, "issues"));
    let path_of = |issue: &JsValue| get(issue, "path").as_string().unwrap_or_default();
    let emails: Vec<_> = (issues.iter())
        .filter(|issue| path_of(issue) == "recipient.email")
        .collect();
    assert_eq!(emails.len(), 1);
    let issue = emails[0].clone();
    assert_eq!(get(&issue, "line").as_f64(), Some(2_002.0));
    assert_eq!(
        get(&issue, "path").as_string().as_deref(),
        Some("recipient.email")
    );
    assert_eq!(progress.get(progress.length() - 1).as_f64(), Some(3_000.0));
    // As bytes, and the rows as read.
    let bytes = js_sys::Uint8Array::from(csv.as_bytes());
    let orders = JsFuture::from(orders_from_csv(bytes.into(), JsValue::UNDEFINED))
        .await
        .unwrap();
    let first = Array::from(&orders).get(0);
    assert_eq!(get(&first, "amount").as_f64(), Some(1000.5));
    // An aborted signal rejects with an AbortError; input that is not text or bytes with a
    // validation error.
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let options = js("{}");
    Reflect::set(&options, &"signal".into(), &controller.signal()).unwrap();
    let aborted = JsFuture::from(validate_orders_csv(csv.into(), options))
        .await
        .unwrap_err();
    assert_eq!(
        get(&aborted, "name").as_string().as_deref(),
        Some("AbortError")
    );
    assert_eq!(
        get(&aborted, "kind").as_string().as_deref(),
        Some("aborted")
    );
    let wrong = JsFuture::from(validate_orders_csv(JsValue::from(5), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(kind_of(&wrong).0, "validation");
}
