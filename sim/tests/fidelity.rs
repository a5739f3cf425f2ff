//! The simulator answering as Tango's docs and samples do (issue 14): amounts charged to the
//! exact cent the validator reads, nothing placed for an amount with a third decimal.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;

#[test]
fn an_amount_with_a_third_decimal_is_refused_and_two_decimals_are_charged_exactly() {
    let mut sim = simulator();
    let refused = place(&mut sim, email_order("U000001", 1999.001));
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json_body()["errors"][0]["field"], "amount");
    assert_eq!(sim.order_count(), 0);
    let before = sim.balance_cents("demo-account").unwrap();
    let placed = placed(&mut sim, email_order("U000001", 1999.99));
    assert_eq!(placed["amountCharged"]["total"], 1999.99);
    assert_eq!(sim.balance_cents("demo-account").unwrap(), before - 199_999);
}

#[test]
fn orders_and_line_items_carry_the_deprecated_credentials_map_beside_the_list() {
    let mut sim = simulator();
    let order = placed(&mut sim, email_order("U000001", 10.0));
    let id = order["referenceOrderID"].as_str().unwrap();
    let item_id = order["referenceLineItemID"].as_str().unwrap();
    let read = send(&mut sim, "GET", &format!("/orders/{id}"), None).json_body();
    let item = send(&mut sim, "GET", &format!("/lineItems/{item_id}"), None).json_body();
    for reward in [&order["reward"], &read["reward"], &item["reward"]] {
        let map = reward["credentials"].as_object().unwrap();
        let list = reward["credentialList"].as_array().unwrap();
        assert_eq!(map.len(), list.len());
        for credential in list {
            let name = credential["credentialType"].as_str().unwrap();
            assert_eq!(map[name], credential["value"], "{name}");
        }
    }
}

#[test]
fn one_request_has_one_id_in_the_header_and_the_error_body() {
    let mut sim = simulator();
    for answer in [
        send(&mut sim, "GET", "/orders/RA000000-0000-00", None),
        place(&mut sim, email_order("U000001", 0.001)),
        send(&mut sim, "GET", "/lineItems?status=NOPE", None),
    ] {
        let header = answer
            .headers
            .iter()
            .find(|(name, _)| name == "x-request-id")
            .unwrap()
            .1
            .clone();
        assert_eq!(answer.json_body()["requestId"], header.as_str());
    }
    let a = send(&mut sim, "GET", "/orders", None);
    let b = send(&mut sim, "GET", "/orders", None);
    let id = |r: &tango_sim::Response| {
        r.headers
            .iter()
            .find(|(n, _)| n == "x-request-id")
            .unwrap()
            .1
            .clone()
    };
    assert_ne!(id(&a), id(&b));
}
