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

#[test]
fn line_items_sort_by_the_named_column_both_ways() {
    let mut sim = simulator();
    for (amount, name) in [(10.0, "Carol"), (30.0, "alice"), (20.0, "Bob")] {
        let mut order = email_order("U000001", amount);
        order["recipient"]["firstName"] = serde_json::json!(name);
        placed(&mut sim, order);
    }
    let list =
        |sim: &mut tango_sim::Simulator, query: &str, field: &str| -> Vec<serde_json::Value> {
            let body = send(sim, "GET", &format!("/lineItems?{query}"), None).json_body();
            body["lineItems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| match field {
                    "amount" => item["amountIssued"]["value"].clone(),
                    _ => item["recipient"]["firstName"].clone(),
                })
                .collect()
        };
    let amounts =
        |v: Vec<serde_json::Value>| v.iter().map(|a| a.as_f64().unwrap()).collect::<Vec<_>>();
    assert_eq!(
        amounts(list(
            &mut sim,
            "columnSortName=amountIssued&columnSortAscending=true",
            "amount"
        )),
        [10.0, 20.0, 30.0]
    );
    assert_eq!(
        amounts(list(&mut sim, "columnSortName=amountIssued", "amount")),
        [30.0, 20.0, 10.0]
    );
    assert_eq!(
        list(
            &mut sim,
            "columnSortName=recipientFirstName&columnSortAscending=true",
            "name"
        ),
        ["alice", "Bob", "Carol"]
    );
    // The default: newest first.
    assert_eq!(amounts(list(&mut sim, "", "amount")), [20.0, 30.0, 10.0]);
    // Keyset pages follow the sort.
    let first = send(
        &mut sim,
        "GET",
        "/lineItems?columnSortName=amountIssued&columnSortAscending=true&elementsPerBlock=2",
        None,
    )
    .json_body();
    let keys: Vec<String> = first["keysetPage"]["nextPageKeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| format!("pageKeys={}", k.as_str().unwrap()))
        .collect();
    let rest = list(
        &mut sim,
        &format!(
            "columnSortName=amountIssued&columnSortAscending=true&elementsPerBlock=2&{}",
            keys.join("&")
        ),
        "amount",
    );
    assert_eq!(amounts(rest), [30.0]);
}

#[test]
fn a_reissued_line_item_and_its_replacement_point_at_each_other() {
    let mut sim = simulator();
    let old = placed(&mut sim, email_order("U000001", 10.0))["referenceLineItemID"]
        .as_str()
        .unwrap()
        .to_owned();
    let new = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{old}/reissue"),
        Some(serde_json::json!({"reasonCode": "RECIPIENT"})),
    )
    .json_body();
    let new = new["referenceLineItemID"].as_str().unwrap().to_owned();
    let old_view = send(&mut sim, "GET", &format!("/lineItems/{old}"), None).json_body();
    let new_view = send(&mut sim, "GET", &format!("/lineItems/{new}"), None).json_body();
    assert_eq!(old_view["reissuedToReferenceLineItemId"], new.as_str());
    assert_eq!(new_view["reissuedFromReferenceLineItemId"], old.as_str());
}

#[test]
fn unknown_email_and_printed_templates_are_refused_known_ones_accepted() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 10.0);
    order["etid"] = serde_json::json!("E999999");
    let refused = place(&mut sim, order.clone());
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json_body()["errors"][0]["field"], "etid");
    assert_eq!(sim.order_count(), 0);
    order["etid"] = serde_json::json!("E000001");
    let placed = placed(&mut sim, order);
    let id = placed["referenceOrderID"].as_str().unwrap();
    let resend = send(
        &mut sim,
        "POST",
        &format!("/orders/{id}/resends"),
        Some(serde_json::json!({"newEtid": "E123456"})),
    );
    assert_eq!(resend.status, 400);
    assert_eq!(resend.json_body()["errors"][0]["field"], "newEtid");
}

#[test]
fn a_reward_tango_did_not_deliver_cannot_be_resent_even_by_naming_a_method() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 10.0);
    order["deliveryMethod"] = serde_json::json!("NONE");
    let placed = placed(&mut sim, order);
    let id = placed["referenceOrderID"].as_str().unwrap();
    let item = placed["referenceLineItemID"].as_str().unwrap();
    let switch = serde_json::json!({"newDeliveryMethod": "EMAIL", "newEmail": "ada@example.com"});
    let order_resend = send(
        &mut sim,
        "POST",
        &format!("/orders/{id}/resends"),
        Some(switch.clone()),
    );
    assert_eq!(
        (
            order_resend.status,
            order_resend.json_body()["i18nKey"].as_str()
        ),
        (403, Some("403.003"))
    );
    let item_resend = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{item}/resends"),
        Some(serde_json::json!({"newDeliveryMethod": "EMAIL", "newEmail": "ada@example.com"})),
    );
    assert_eq!(
        (
            item_resend.status,
            item_resend.json_body()["i18nKey"].as_str()
        ),
        (403, Some("403.003"))
    );
}

#[test]
fn validation_errors_use_the_documented_validation_error_shape() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 0.0);
    order["accountIdentifier"] = serde_json::json!("x");
    let body = place(&mut sim, order).json_body();
    for entry in body["errors"].as_array().unwrap() {
        let mut keys: Vec<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["errorCodeName", "errorCodeValue", "field", "message"],
            "{entry}"
        );
        assert!(entry["errorCodeValue"].is_i64());
    }
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["accountIdentifier", "amount"]);
    // The frozen account's 422 keeps the docs' own entry: {code, i18nKey, message}.
    let mut frozen = email_order("U000001", 10.0);
    frozen["accountIdentifier"] = serde_json::json!("frozen-account");
    let entry = place(&mut sim, frozen).json_body()["errors"][0].clone();
    assert_eq!(
        (entry["code"].as_i64(), entry["i18nKey"].as_str()),
        (Some(422_001), Some("404.142"))
    );
}
