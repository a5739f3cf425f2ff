//! Every response the simulator gives validates against its operation's response schema in Tango's
//! OpenAPI document (`tests/fixtures/openapi/`), checked with a JSON Schema validator.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use serde_json::{json, Value};
use tango_sim::Simulator;

fn document() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/openapi/tango-orders.openapi.json"
    );
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Where the docs and the OpenAPI document disagree, the simulator follows the docs: the
    // deprecated `reward.credentials` is a map of label to value in every docs sample, a string in
    // the OpenAPI document.
    let credentials = &mut doc["components"]["schemas"]["RewardView"]["properties"]["credentials"];
    assert_eq!(
        credentials["type"], "string",
        "the document changed: revisit this exception"
    );
    *credentials = json!({"type": "object", "additionalProperties": {"type": "string"}});
    doc
}

/// Removes every `required` list: the OpenAPI document's `required` lists on responses are not
/// reliable (SPEC section 2). With them kept, the simulator's answers fail only on fields that do
/// not apply to the order — `campaign`, `emailSubject`, `message`, `sender` and `externalRefID` of an
/// order sent without them (the docs' own promo-link samples leave out the same fields). Types,
/// formats and enums of everything present are still checked.
fn relax_required(value: &mut Value) {
    match value {
        Value::Object(object) => {
            object.remove("required");
            object.values_mut().for_each(relax_required);
        }
        Value::Array(items) => items.iter_mut().for_each(relax_required),
        _ => {}
    }
}

/// The response schema of `method path` for `status`, as a validator rooted at the whole document.
fn validator(doc: &Value, method: &str, path: &str, status: u16) -> jsonschema::Validator {
    let schema = doc["paths"][path][method]["responses"][status.to_string()]["content"]
        ["application/json"]["schema"]
        .clone();
    assert!(!schema.is_null(), "no schema for {method} {path} {status}");
    let mut root = doc.clone();
    relax_required(&mut root);
    root.as_object_mut()
        .unwrap()
        .insert("allOf".into(), json!([schema]));
    jsonschema::validator_for(&root).unwrap()
}

fn check(doc: &Value, method: &str, path: &str, response: &tango_sim::Response) {
    let body = response.json_body();
    let validator = validator(doc, method, path, response.status);
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {}: {errors:#?}",
        response.status
    );
}

#[test]
fn every_kind_of_response_matches_its_schema() {
    let doc = document();
    let mut sim: Simulator = simulator();
    let mut orders = Vec::new();
    for order in [
        email_order("U000001", 10.0),
        physical_order(),
        {
            let mut promo = email_order("U000003", 10.0);
            promo["expirationDate"] = json!("2027-01-01T00:00:00Z");
            promo["externalRefID"] = json!("promo1");
            promo
        },
        email_order("U000004", 10.0),
        email_order("U000005", 10.0),
    ] {
        let response = place(&mut sim, order);
        check(&doc, "post", "/orders", &response);
        orders.push(response.json_body());
    }
    let mut again = email_order("U000003", 10.0);
    again["expirationDate"] = json!("2027-01-01T00:00:00Z");
    again["externalRefID"] = json!("promo1");
    let replay = place(&mut sim, again);
    assert_eq!(replay.status, 200);
    check(&doc, "post", "/orders", &replay);

    for order in &orders {
        let id = order["referenceOrderID"].as_str().unwrap();
        check(
            &doc,
            "get",
            "/orders/{referenceOrderID}",
            &send(&mut sim, "GET", &format!("/orders/{id}"), None),
        );
        let item = order["referenceLineItemID"].as_str().unwrap();
        check(
            &doc,
            "get",
            "/lineItems/{referenceLineItemID}",
            &send(&mut sim, "GET", &format!("/lineItems/{item}"), None),
        );
    }
    check(
        &doc,
        "get",
        "/orders",
        &send(&mut sim, "GET", "/orders?elementsPerBlock=3", None),
    );
    check(
        &doc,
        "get",
        "/lineItems",
        &send(&mut sim, "GET", "/lineItems?elementsPerBlock=3", None),
    );
    check(
        &doc,
        "get",
        "/lineItems/reasonCodes",
        &send(&mut sim, "GET", "/lineItems/reasonCodes", None),
    );

    // Update and reissue the slow reward's line item; the embedded page of an EMBEDDED one.
    let slow = orders[4]["referenceLineItemID"].as_str().unwrap();
    let update = send(
        &mut sim,
        "PATCH",
        &format!("/lineItems/{slow}"),
        Some(json!({"orderNotes": "n"})),
    );
    check(&doc, "patch", "/lineItems/{referenceLineItemID}", &update);
    let reissue = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{slow}/reissue"),
        Some(json!({"reasonCode": "RECIPIENT", "recipient": {"email": "grace@example.com"}})),
    );
    assert_eq!(reissue.status, 201);
    check(
        &doc,
        "post",
        "/lineItems/{referenceLineItemID}/reissue",
        &reissue,
    );
    let embedded = place(
        &mut sim,
        json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
            "utid": "U000001", "amount": 5, "deliveryMethod": "EMBEDDED"}),
    );
    let embedded = embedded.json_body()["referenceLineItemID"]
        .as_str()
        .unwrap()
        .to_owned();
    check(
        &doc,
        "get",
        "/lineItems/{referenceLineItemID}/embeddedUrl",
        &send(
            &mut sim,
            "GET",
            &format!("/lineItems/{embedded}/embeddedUrl"),
            None,
        ),
    );

    let first = orders[0]["referenceOrderID"].as_str().unwrap();
    let resend = send(
        &mut sim,
        "POST",
        &format!("/orders/{first}/resends"),
        Some(json!({})),
    );
    check(&doc, "post", "/orders/{referenceOrderID}/resends", &resend);
    let item = orders[0]["referenceLineItemID"].as_str().unwrap();
    let resend = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{item}/resends"),
        Some(json!({"reasonCode": "REMINDER"})),
    );
    check(
        &doc,
        "post",
        "/lineItems/{referenceLineItemId}/resends",
        &resend,
    );
    let freeze = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{item}/freeze"),
        Some(json!({"reasonCode": "FRAUD"})),
    );
    check(
        &doc,
        "post",
        "/lineItems/{referenceLineItemID}/freeze",
        &freeze,
    );
    let cancel = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{item}/cancel"),
        Some(json!({"reasonCode": "FRAUD"})),
    );
    check(
        &doc,
        "post",
        "/lineItems/{referenceLineItemID}/cancel",
        &cancel,
    );
    // With the histories filled in, the detail still matches.
    check(
        &doc,
        "get",
        "/lineItems/{referenceLineItemID}",
        &send(&mut sim, "GET", &format!("/lineItems/{item}"), None),
    );
}

#[test]
fn error_bodies_match_the_error_schema() {
    let doc = document();
    let mut sim = simulator();
    let mut invalid = email_order("U000001", 0.0);
    invalid["utid"] = json!("X");
    check(&doc, "post", "/orders", &place(&mut sim, invalid));
    let mut frozen = email_order("U000001", 10.0);
    frozen["accountIdentifier"] = json!("frozen-account");
    check(&doc, "post", "/orders", &place(&mut sim, frozen));
    let mut empty = email_order("U000001", 10.0);
    empty["accountIdentifier"] = json!("empty-account");
    check(&doc, "post", "/orders", &place(&mut sim, empty));
    check(
        &doc,
        "get",
        "/orders/{referenceOrderID}",
        &send(&mut sim, "GET", "/orders/RA000000-0000-00", None),
    );
    check(
        &doc,
        "get",
        "/orders",
        &send(&mut sim, "GET", "/orders?page=-1", None),
    );
}

#[test]
fn the_schema_check_catches_a_wrong_type_and_an_unknown_enum_value() {
    let doc = document();
    let mut sim = simulator();
    let mut response = place(&mut sim, email_order("U000001", 10.0));
    let mut body = response.json_body();
    body["deliveryMethod"] = json!("CARRIER_PIGEON");
    body["amountCharged"]["value"] = json!("ten");
    response.body = serde_json::to_vec(&body).unwrap();
    let validator = validator(&doc, "post", "/orders", 201);
    assert_eq!(validator.iter_errors(&response.json_body()).count(), 2);
}
