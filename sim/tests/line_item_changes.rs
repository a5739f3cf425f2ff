//! The line item operations beyond resend and the actions: reissue, update (PATCH), the embedded
//! page's URL and the reason codes, on the virtual clock.

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
use tango_orders::model::{CancelReason, FreezeReason, ReissueReason};
use tango_sim::Simulator;

fn line_item_of(sim: &mut Simulator, order: Value) -> String {
    let placed = place(sim, order);
    assert_eq!(placed.status, 201);
    placed.json_body()["referenceLineItemID"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_reissue_cancels_the_line_item_and_places_its_replacement_with_the_changes() {
    let mut sim = simulator();
    let id = line_item_of(&mut sim, email_order("U000001", 10.0));
    let before = sim.balance_cents("demo-account").unwrap();
    let body = json!({"reasonCode": "REWARD_AMOUNT", "amount": 25, "deliveryMethod": "EMAIL",
        "recipient": {"email": "grace@example.com"}, "notes": "bigger"});
    let answer = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{id}/reissue"),
        Some(body),
    );
    assert_eq!(answer.status, 201, "{}", answer.json_body());
    let new = answer.json_body();
    assert_ne!(new["referenceOrderID"], Value::Null);
    assert_eq!(new["amountCharged"]["total"], 25.0);
    assert_eq!(new["recipient"]["email"], "grace@example.com");
    assert_eq!(
        new["recipient"]["firstName"], "Ada",
        "unchanged fields come from the original"
    );
    // The summary a create answers has no notes; the order has them.
    let order_path = format!("/orders/{}", new["referenceOrderID"].as_str().unwrap());
    assert_eq!(
        send(&mut sim, "GET", &order_path, None).json_body()["notes"],
        "bigger"
    );
    // The old one is refunded and cancelled; the new one charged.
    assert_eq!(
        sim.balance_cents("demo-account").unwrap(),
        before + 1_000 - 2_500
    );
    let old = send(&mut sim, "GET", &format!("/lineItems/{id}"), None).json_body();
    assert_eq!(old["rewardStatus"], "CANCELLED");
    assert_eq!(
        old["lineItemActionHistory"][0]["action"],
        "CANCEL_AND_REISSUE"
    );
    // A cancelled line item cannot be reissued again.
    let again = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{id}/reissue"),
        Some(json!({"reasonCode": "OTHER", "otherReason": "x"})),
    );
    assert_eq!(again.status, 422);
    assert_eq!(sim.order_count(), 2);
}

#[test]
fn a_reissue_is_validated_and_a_failed_placement_changes_nothing() {
    let mut sim = simulator();
    let id = line_item_of(&mut sim, email_order("U000001", 10.0));
    let path = format!("/lineItems/{id}/reissue");
    let refused = send(
        &mut sim,
        "POST",
        &path,
        Some(json!({"amount": 5.001, "deliveryMethod": "ADDRESS"})),
    );
    assert_eq!(refused.status, 400);
    let fields: Vec<String> = refused.json_body()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["reasonCode", "amount", "deliveryMethod"]);
    // Out of the reward's range: the placement fails, the original stays as it was.
    let before = sim.balance_cents("demo-account").unwrap();
    let too_much = send(
        &mut sim,
        "POST",
        &path,
        Some(json!({"reasonCode": "REWARD_AMOUNT", "amount": 5000})),
    );
    assert_eq!(too_much.status, 400);
    assert_eq!(sim.balance_cents("demo-account").unwrap(), before);
    let item = send(&mut sim, "GET", &format!("/lineItems/{id}"), None).json_body();
    assert_eq!(item["rewardStatus"], "ACTIVE");
    assert_eq!(sim.order_count(), 1);
    assert_eq!(
        send(
            &mut sim,
            "POST",
            "/lineItems/RA000-0000-00-01/reissue",
            Some(json!({"reasonCode": "OTHER", "otherReason": "x"}))
        )
        .status,
        404
    );
}

#[test]
fn an_update_sets_what_it_names_and_refuses_what_the_schema_refuses() {
    let mut sim = simulator();
    let id = line_item_of(&mut sim, email_order("U000001", 10.0));
    let path = format!("/lineItems/{id}");
    let ok = send(
        &mut sim,
        "PATCH",
        &path,
        Some(json!({"purchaseOrderNumber": "PO-7", "campaign": "Spring 2026", "orderNotes": "ok"})),
    );
    assert_eq!(ok.status, 202);
    let item = send(&mut sim, "GET", &path, None).json_body();
    assert_eq!(
        (
            item["purchaseOrderNumber"].as_str(),
            item["campaign"].as_str(),
            item["orderNotes"].as_str()
        ),
        (Some("PO-7"), Some("Spring 2026"), Some("ok"))
    );
    let bad = send(
        &mut sim,
        "PATCH",
        &path,
        Some(json!({"campaign": "spring!", "orderNotes": "n".repeat(151)})),
    );
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json_body()["errors"].as_array().unwrap().len(), 2);
    assert_eq!(
        send(&mut sim, "GET", &path, None).json_body()["campaign"],
        "Spring 2026"
    );
    assert_eq!(
        send(
            &mut sim,
            "PATCH",
            "/lineItems/RA000-0000-00-01",
            Some(json!({}))
        )
        .status,
        404
    );
}

#[test]
fn the_embedded_url_is_served_for_embedded_line_items_only() {
    let mut sim = simulator();
    let embedded = json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
        "utid": "U000001", "amount": 5, "deliveryMethod": "EMBEDDED"});
    let id = line_item_of(&mut sim, embedded);
    let answer = send(
        &mut sim,
        "GET",
        &format!("/lineItems/{id}/embeddedUrl"),
        None,
    );
    assert_eq!(answer.status, 200);
    assert!(answer.json_body()["url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let email = line_item_of(&mut sim, email_order("U000001", 5.0));
    assert_eq!(
        send(
            &mut sim,
            "GET",
            &format!("/lineItems/{email}/embeddedUrl"),
            None
        )
        .status,
        400
    );
}

#[test]
fn reason_codes_are_the_lists_the_validators_accept() {
    let mut sim = simulator();
    let codes = send(&mut sim, "GET", "/lineItems/reasonCodes", None).json_body();
    let keys =
        |name: &str| -> Vec<String> { codes[name].as_object().unwrap().keys().cloned().collect() };
    let sorted = |list: Vec<&str>| {
        let mut list: Vec<String> = list.into_iter().map(String::from).collect();
        list.sort();
        list
    };
    assert_eq!(
        keys("FREEZE"),
        sorted(FreezeReason::KNOWN.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(keys("UNFREEZE"), keys("FREEZE"));
    assert_eq!(
        keys("CANCEL"),
        sorted(CancelReason::KNOWN.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(
        keys("CANCEL_AND_REISSUE"),
        sorted(ReissueReason::KNOWN.iter().map(|r| r.as_str()).collect())
    );
}
