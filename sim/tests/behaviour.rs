//! One test per documented behaviour of the simulator (SPEC section 5, issue 4 point 3), on the
//! virtual clock: nothing sleeps.

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
use tango_sim::{Faults, Request, SimOptions, Simulator};

fn error_key(body: &Value) -> &str {
    body["i18nKey"].as_str().unwrap_or("")
}

#[test]
fn unauthenticated_requests_get_401_with_tango_error_body() {
    let mut sim = simulator();
    for auth in [
        None,
        Some("Basic ZGVtby1wbGF0Zm9ybTp3cm9uZw=="),
        Some("Bearer nope"),
        Some("Basic !!"),
    ] {
        let headers = auth
            .map(|a| vec![("authorization".to_string(), a.to_string())])
            .unwrap_or_default();
        let response = sim.handle(&Request::new("GET", "/raas/v2/orders", headers, vec![]));
        assert_eq!(response.status, 401);
        let body = response.json_body();
        for key in [
            "timestamp",
            "requestId",
            "path",
            "httpCode",
            "httpPhrase",
            "i18nKey",
            "message",
            "errors",
        ] {
            assert!(body.get(key).is_some(), "{key} missing");
        }
        assert_eq!(body["httpPhrase"], "Unauthorized");
        assert_eq!(body["path"], "/raas/v2/orders");
    }
    let bearer = vec![("authorization".to_string(), "Bearer demo-token".to_string())];
    assert_eq!(
        sim.handle(&Request::new("GET", "/raas/v2/orders", bearer, vec![]))
            .status,
        200
    );
}

#[test]
fn invalid_orders_get_400_with_one_entry_per_invalid_field() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 0.0);
    order["recipient"]["email"] = json!("ada@");
    order["customerIdentifier"] = json!("ab");
    let response = place(&mut sim, order);
    assert_eq!(response.status, 400);
    let body = response.json_body();
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["customerIdentifier", "amount", "recipient.email"]);
    assert_eq!(sim.order_count(), 0);
}

#[test]
fn an_empty_account_gets_402_and_is_not_charged() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 10.0);
    order["accountIdentifier"] = json!("empty-account");
    let response = place(&mut sim, order);
    assert_eq!(response.status, 402);
    assert_eq!(sim.balance_cents("empty-account"), Some(0));
    assert_eq!(sim.order_count(), 0);
}

#[test]
fn a_frozen_account_gets_422_with_i18n_key_404_142() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 10.0);
    order["accountIdentifier"] = json!("frozen-account");
    let response = place(&mut sim, order);
    assert_eq!(response.status, 422);
    let body = response.json_body();
    assert_eq!(error_key(&body), "404.142");
    assert_eq!(body["errors"][0]["i18nKey"], "404.142");
    assert_eq!(body["errors"][0]["code"], 422001);
}

#[test]
fn a_higher_configured_create_limit_spaces_creates_by_its_own_interval() {
    let mut sim = Simulator::new(SimOptions {
        creates_per_second: 10.0,
        ..SimOptions::default()
    });
    let create = |sim: &mut Simulator| {
        send(sim, "POST", "/orders", Some(email_order("U000001", 10.0))).status
    };
    assert_eq!(create(&mut sim), 201);
    sim.advance(99);
    assert_eq!(create(&mut sim), 429);
    sim.advance(1);
    assert_eq!(create(&mut sim), 201);
    assert_eq!(sim.order_count(), 2);
}

#[test]
fn more_than_one_create_per_second_gets_429_with_retry_after() {
    let mut sim = simulator();
    assert_eq!(place(&mut sim, email_order("U000001", 10.0)).status, 201);
    sim.advance(999);
    let response = send(
        &mut sim,
        "POST",
        "/orders",
        Some(email_order("U000001", 10.0)),
    );
    assert_eq!(response.status, 429);
    assert_eq!(response.header("retry-after"), Some("1"));
    sim.advance(1);
    assert_eq!(
        send(
            &mut sim,
            "POST",
            "/orders",
            Some(email_order("U000001", 10.0))
        )
        .status,
        201
    );
    // Reads are not limited.
    for _ in 0..5 {
        assert_eq!(send(&mut sim, "GET", "/orders", None).status, 200);
    }
    assert_eq!(sim.order_count(), 2);
}

#[test]
fn a_known_external_ref_id_gets_200_and_the_same_order_a_new_one_201() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 10.0);
    order["externalRefID"] = json!("campaign7row1");
    let first = place(&mut sim, order.clone());
    assert_eq!(first.status, 201);
    let again = place(&mut sim, order);
    assert_eq!(again.status, 200);
    assert_eq!(
        again.json_body()["referenceOrderID"],
        first.json_body()["referenceOrderID"]
    );
    assert_eq!(sim.order_count(), 1);
    assert_eq!(sim.balance_cents("demo-account"), Some(10_000_000 - 1_000));
}

#[test]
fn a_repeat_while_the_first_create_is_in_progress_gets_409() {
    let mut sim = Simulator::new(SimOptions {
        faults: Faults {
            latency_ms: 5_000,
            ..Faults::default()
        },
        ..SimOptions::default()
    });
    let mut order = email_order("U000001", 10.0);
    order["externalRefID"] = json!("slow1");
    let first = place(&mut sim, order.clone());
    assert_eq!((first.status, first.delay_ms), (201, 5_000));
    let during = place(&mut sim, order.clone()); // 1 s later: still in progress
    assert_eq!(during.status, 409);
    sim.advance(4_000);
    assert_eq!(place(&mut sim, order).status, 200);
    assert_eq!(sim.order_count(), 1);
}

#[test]
fn a_second_resend_within_30_seconds_gets_403_005() {
    let mut sim = simulator();
    let id = placed(&mut sim, email_order("U000001", 10.0))["referenceOrderID"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/orders/{id}/resends");
    assert_eq!(send(&mut sim, "POST", &path, Some(json!({}))).status, 201);
    sim.advance(29_999);
    let again = send(&mut sim, "POST", &path, None);
    assert_eq!(again.status, 403);
    assert_eq!(error_key(&again.json_body()), "403.005");
    sim.advance(1);
    let later = send(
        &mut sim,
        "POST",
        &path,
        Some(json!({"newEmail": "ada@new.example.com"})),
    );
    assert_eq!(later.status, 201);
    assert_eq!(later.json_body()["email"], "ada@new.example.com");
}

#[test]
fn resending_an_order_tango_did_not_deliver_gets_403_003() {
    let mut sim = simulator();
    let mut order = email_order("U000001", 10.0);
    order["deliveryMethod"] = json!("NONE");
    let id = placed(&mut sim, order)["referenceOrderID"]
        .as_str()
        .unwrap()
        .to_owned();
    let response = send(
        &mut sim,
        "POST",
        &format!("/orders/{id}/resends"),
        Some(json!({})),
    );
    assert_eq!(response.status, 403);
    assert_eq!(error_key(&response.json_body()), "403.003");
}

#[test]
fn a_list_returns_at_most_10000_results_but_counts_them_all() {
    let mut sim = simulator();
    sim.seed_orders(10_050, 60_000);
    let page = send(
        &mut sim,
        "GET",
        "/orders?elementsPerBlock=100&page=99",
        None,
    )
    .json_body();
    assert_eq!(page["page"]["totalCount"], 10_050);
    assert_eq!(page["orders"].as_array().unwrap().len(), 100);
    let beyond = send(
        &mut sim,
        "GET",
        "/orders?elementsPerBlock=100&page=100",
        None,
    )
    .json_body();
    assert_eq!(beyond["orders"].as_array().unwrap().len(), 0);
    // A narrower date window reaches the oldest orders.
    let oldest = send(
        &mut sim,
        "GET",
        "/orders?endDate=2025-12-26T00:00:00Z&elementsPerBlock=100",
        None,
    )
    .json_body();
    assert!(oldest["page"]["totalCount"].as_i64().unwrap() < 10_000);
    assert!(!oldest["orders"].as_array().unwrap().is_empty());
}

#[test]
fn order_pages_follow_page_and_elements_per_block_newest_first() {
    let mut sim = simulator();
    let ids: Vec<String> = (0..5)
        .map(|_| {
            placed(&mut sim, email_order("U000001", 10.0))["referenceOrderID"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let mut page = |n: usize| {
        send(
            &mut sim,
            "GET",
            &format!("/orders?elementsPerBlock=2&page={n}"),
            None,
        )
        .json_body()
    };
    let listed: Vec<String> = (0..3)
        .flat_map(|n| page(n)["orders"].as_array().unwrap().clone())
        .map(|o| o["referenceOrderID"].as_str().unwrap().to_owned())
        .collect();
    let newest_first: Vec<String> = ids.into_iter().rev().collect();
    assert_eq!(listed, newest_first);
    let first = page(0);
    assert_eq!(
        first["page"],
        json!({"number": 0, "elementsPerBlock": 2, "resultCount": 2, "totalCount": 5})
    );
    assert!(
        first["orders"][0].get("reward").is_none(),
        "list entries carry no credentials"
    );
}

#[test]
fn every_order_list_filter_narrows_the_list() {
    let mut sim = simulator();
    let mut a = email_order("U000001", 10.0);
    a["externalRefID"] = json!("alpha1");
    a["campaign"] = json!("spring");
    a["sender"] = json!({"firstName": "Sam", "lastName": "Sender", "email": "sam@example.com"});
    a["notes"] = json!("vip");
    a["purchaseOrderNumber"] = json!("PO-1");
    placed(&mut sim, a);
    let mut b = email_order("U000001", 25.0);
    b["deliveryMethod"] = json!("PHONE");
    b["recipient"] = json!({"firstName": "Bo", "mobileNumber": "+12025550123"});
    placed(&mut sim, b);
    placed(&mut sim, physical_order());
    placed(&mut sim, email_order("U000004", 10.0));
    let count = |sim: &mut Simulator, query: &str| {
        let response = send(sim, "GET", &format!("/orders?{query}"), None);
        assert_eq!(
            response.status,
            200,
            "{query}: {}",
            String::from_utf8_lossy(&response.body)
        );
        response.json_body()["page"]["totalCount"].as_i64().unwrap()
    };
    let cases = [
        ("", 4),
        ("accountIdentifier=demo-account", 4),
        ("accountIdentifier=empty-account", 0),
        ("customerIdentifier=demo-customer", 4),
        ("externalRefID=alpha1", 1),
        ("startDate=2026-01-01T00:00:02Z", 3),
        ("endDate=2026-01-01T00:00:02Z", 2),
        ("startDate=2026-01-01&endDate=2026-01-01", 4),
        ("minAmount=20", 2),
        ("maxAmount=10", 2),
        ("minAmount=20&maxAmount=30", 1),
        ("currencyCode=USD", 4),
        ("currencyCode=EUR", 0),
        ("utid=U000002", 1),
        ("utid=u000004", 1),
        ("ptid=P000001", 0),
        ("rewardName=Demo%20Physical%20Gift%20Card", 1),
        ("senderFirstName=sam", 1),
        ("senderLastName=Sender", 1),
        ("senderEmail=sam%40example.com", 1),
        ("recipientEmail=ada%40example.com", 2),
        ("recipientMobileNumber=%2B12025550123", 1),
        ("recipientFirstName=Bo", 1),
        ("recipientLastName=Lovelace", 3),
        ("sendEmail=true", 2),
        ("sendEmail=false", 2),
        ("deliveryMethod=ADDRESS", 1),
        ("status=FAILED", 1),
        ("orderStatus=PENDING", 1),
        ("orderStatus=COMPLETE", 2),
        ("lineItemStatus=FAILED", 1),
        ("campaign=spring", 1),
        ("notes=vip", 1),
        ("lineItemNotes=x", 0),
        ("purchaseOrderNumber=PO-1", 1),
    ];
    for (query, expected) in cases {
        assert_eq!(count(&mut sim, query), expected, "{query}");
    }
    // An invalid filter is a 400 naming the parameter.
    let bad = send(
        &mut sim,
        "GET",
        "/orders?orderStatus=COMPLETED&page=-1",
        None,
    );
    assert_eq!(bad.status, 400);
    let fields: Vec<String> = bad.json_body()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["page", "orderStatus"]);
}

#[test]
fn line_items_page_by_keys_forward_and_back() {
    let mut sim = simulator();
    for _ in 0..5 {
        placed(&mut sim, email_order("U000001", 10.0));
    }
    let mut seen = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    loop {
        let query: String = keys.iter().map(|k| format!("&pageKeys={k}")).collect();
        let page = send(
            &mut sim,
            "GET",
            &format!("/lineItems?elementsPerBlock=2{query}"),
            None,
        )
        .json_body();
        seen.extend(
            page["lineItems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["referenceLineItemID"].as_str().unwrap().to_owned()),
        );
        assert_eq!(page["keysetPage"]["totalCount"], 5);
        keys = serde_json::from_value(page["keysetPage"]["nextPageKeys"].clone()).unwrap();
        if keys.is_empty() {
            break;
        }
    }
    assert_eq!(seen.len(), 5);
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique.len(), 5);
    // Back from the last page.
    let last = send(
        &mut sim,
        "GET",
        &format!(
            "/lineItems?elementsPerBlock=2&pageKeys=x&pageKeys={}",
            seen[3]
        ),
        None,
    )
    .json_body();
    let previous: Vec<String> =
        serde_json::from_value(last["keysetPage"]["previousPageKeys"].clone()).unwrap();
    let back = send(
        &mut sim,
        "GET",
        &format!(
            "/lineItems?elementsPerBlock=2&pagePrevious=true&pageKeys=x&pageKeys={}",
            previous[1]
        ),
        None,
    )
    .json_body();
    let back_ids: Vec<&str> = back["lineItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["referenceLineItemID"].as_str().unwrap())
        .collect();
    assert_eq!(back_ids, [seen[2].as_str(), seen[3].as_str()]);
}

#[test]
fn line_item_statuses_progress_with_simulated_time() {
    let mut sim = simulator();
    let printed = placed(&mut sim, physical_order());
    let slow = placed(&mut sim, email_order("U000005", 10.0));
    let item = |sim: &mut Simulator, order: &Value| {
        let id = order["referenceLineItemID"].as_str().unwrap().to_owned();
        send(sim, "GET", &format!("/lineItems/{id}"), None).json_body()
    };
    assert_eq!(printed["status"], "PENDING");
    assert_eq!(item(&mut sim, &printed)["deliveryStatus"], "PENDING");
    sim.advance(10_000);
    let done = item(&mut sim, &printed);
    assert_eq!(
        (done["status"].as_str(), done["deliveryStatus"].as_str()),
        (Some("COMPLETE"), Some("DISPATCHED"))
    );
    assert_eq!(item(&mut sim, &slow)["status"], "PENDING");
    sim.advance(50_000);
    assert_eq!(item(&mut sim, &slow)["status"], "COMPLETE");
    let order_id = slow["referenceOrderID"].as_str().unwrap();
    assert_eq!(
        send(&mut sim, "GET", &format!("/orders/{order_id}"), None).json_body()["status"],
        "COMPLETE"
    );
}

#[test]
fn a_failing_reward_fails_and_is_refunded_balances_add_up() {
    let mut sim = simulator();
    let start = sim.balance_cents("demo-account").unwrap();
    placed(&mut sim, email_order("U000001", 12.34));
    assert_eq!(sim.balance_cents("demo-account"), Some(start - 1_234));
    let failed = placed(&mut sim, email_order("U000004", 50.0));
    assert_eq!(failed["status"], "FAILED");
    assert_eq!(sim.balance_cents("demo-account"), Some(start - 1_234));
    let id = failed["referenceLineItemID"].as_str().unwrap();
    let item = send(&mut sim, "GET", &format!("/lineItems/{id}"), None).json_body();
    assert_eq!(
        (item["status"].as_str(), item["rewardStatus"].as_str()),
        (Some("FAILED"), Some("FAILED"))
    );
    // Cancelling a completed reward refunds it too.
    let kept = placed(&mut sim, email_order("U000001", 20.0));
    let id = kept["referenceLineItemID"].as_str().unwrap();
    let cancel = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{id}/cancel"),
        Some(json!({"reasonCode": "DUPLICATE"})),
    );
    assert_eq!(
        (cancel.status, cancel.json_body()),
        (202, json!("Accepted"))
    );
    assert_eq!(sim.balance_cents("demo-account"), Some(start - 1_234));
    let again = send(
        &mut sim,
        "POST",
        &format!("/lineItems/{id}/cancel"),
        Some(json!({"reasonCode": "DUPLICATE"})),
    );
    assert_eq!(again.status, 422);
}

#[test]
fn credential_lists_carry_a_code_and_url_or_a_promo_url_and_expiration() {
    let mut sim = simulator();
    let card = placed(&mut sim, email_order("U000001", 10.0));
    let kinds: Vec<(String, String)> =
        serde_json::from_value::<Vec<Value>>(card["reward"]["credentialList"].clone())
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["credentialType"].as_str().unwrap().to_owned(),
                    c["type"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
    assert_eq!(
        kinds,
        [
            ("rewardSecurityCode".into(), "text".into()),
            ("rewardSecurityUrl".into(), "url".into())
        ]
    );
    let mut promo = email_order("U000003", 10.0);
    promo["expirationDate"] = json!("2027-06-30T23:59:59Z");
    let promo = placed(&mut sim, promo);
    let list = promo["reward"]["credentialList"].as_array().unwrap();
    assert_eq!(list[0]["type"], "url");
    assert_eq!(
        (
            list[1]["credentialType"].as_str(),
            list[1]["value"].as_str()
        ),
        (Some("expirationDate"), Some("2027-06-30T23:59:59Z"))
    );
    // The detail view has them too; the list view does not.
    let id = card["referenceOrderID"].as_str().unwrap();
    let detail = send(&mut sim, "GET", &format!("/orders/{id}"), None).json_body();
    assert_eq!(
        detail["reward"]["credentialList"],
        card["reward"]["credentialList"]
    );
}

#[test]
fn order_ids_carry_the_ra_source_and_the_date_line_items_derive_from_them() {
    let mut sim = simulator();
    let order = placed(&mut sim, email_order("U000001", 10.0));
    let id = order["referenceOrderID"].as_str().unwrap();
    assert_eq!(
        tango_orders::model::order_source(id),
        Some(tango_orders::model::OrderSource::Api)
    );
    assert!(id.starts_with("RA260101-0001-"), "{id}");
    assert_eq!(
        order["referenceLineItemID"].as_str().unwrap(),
        format!("{id}-01")
    );
    let item = send(&mut sim, "GET", &format!("/lineItems/{id}-01"), None).json_body();
    assert_eq!(item["orderSource"], "RA");
}

#[test]
fn line_item_resend_switches_method_and_keeps_history_and_its_30_second_limit() {
    let mut sim = simulator();
    let order = placed(&mut sim, email_order("U000001", 10.0));
    let id = order["referenceLineItemID"].as_str().unwrap().to_owned();
    let path = format!("/lineItems/{id}/resends");
    let body = json!({"newDeliveryMethod": "PHONE", "newMobileNumber": "+12025550123", "reasonCode": "DELIVERY_METHOD"});
    let response = send(&mut sim, "POST", &path, Some(body));
    assert_eq!(
        response.status,
        201,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    assert_eq!(response.json_body()["deliveryMethod"], "PHONE");
    let again = send(&mut sim, "POST", &path, Some(json!({})));
    assert_eq!(
        (again.status, error_key(&again.json_body()).to_owned()),
        (403, "403.005".to_owned())
    );
    let item = send(&mut sim, "GET", &format!("/lineItems/{id}"), None).json_body();
    assert_eq!(item["deliveryMethod"], "PHONE");
    assert_eq!(item["resendHistory"][0]["reasonCode"], "DELIVERY_METHOD");
}

#[test]
fn freeze_and_unfreeze_change_the_reward_status() {
    let mut sim = simulator();
    let id = placed(&mut sim, email_order("U000001", 10.0))["referenceLineItemID"]
        .as_str()
        .unwrap()
        .to_owned();
    let act = |sim: &mut Simulator, action: &str, reason: &str| {
        send(
            sim,
            "POST",
            &format!("/lineItems/{id}/{action}"),
            Some(json!({"reasonCode": reason})),
        )
        .status
    };
    assert_eq!(act(&mut sim, "freeze", "DUPLICATE"), 400); // not a freeze reason
    assert_eq!(act(&mut sim, "unfreeze", "FRAUD"), 422); // not frozen
    assert_eq!(act(&mut sim, "freeze", "FRAUD"), 202);
    let item = send(&mut sim, "GET", &format!("/lineItems/{id}"), None).json_body();
    assert_eq!(item["rewardStatus"], "FROZEN");
    assert_eq!(act(&mut sim, "unfreeze", "VERIFY_ORDER"), 202);
    let item = send(&mut sim, "GET", &format!("/lineItems/{id}"), None).json_body();
    assert_eq!(item["rewardStatus"], "ACTIVE");
    assert_eq!(item["lineItemActionHistory"].as_array().unwrap().len(), 2);
}

fn faulty(faults: Faults) -> Simulator {
    Simulator::new(SimOptions {
        seed: 42,
        faults,
        ..SimOptions::default()
    })
}

#[test]
fn injected_server_errors_happen_at_the_configured_rate_and_change_nothing() {
    let mut sim = faulty(Faults {
        server_error_rate: 0.3,
        ..Faults::default()
    });
    let errors = (0..1_000)
        .filter(|_| send(&mut sim, "GET", "/orders", None).status >= 500)
        .count();
    assert!((250..=350).contains(&errors), "{errors}");
    let mut placed_orders = 0;
    for _ in 0..100 {
        if place(&mut sim, email_order("U000001", 1.0)).status == 201 {
            placed_orders += 1;
        }
    }
    assert_eq!(sim.order_count(), placed_orders);
}

#[test]
fn injected_429_bursts_last_their_length() {
    let mut sim = faulty(Faults {
        rate_limit_burst_rate: 0.05,
        rate_limit_burst_length: 4,
        ..Faults::default()
    });
    let statuses: Vec<u16> = (0..2_000)
        .map(|_| send(&mut sim, "GET", "/orders", None).status)
        .collect();
    let mut runs: Vec<usize> = statuses
        .split(|s| *s != 429)
        .map(<[u16]>::len)
        .filter(|n| *n > 0)
        .collect();
    // A burst still going when the requests stop is cut short by the test, not the simulator.
    if statuses.last() == Some(&429) {
        runs.pop();
    }
    assert!(!runs.is_empty());
    assert!(runs.iter().all(|n| n % 4 == 0), "{runs:?}");
}

#[test]
fn a_dropped_response_still_commits_the_order_and_a_retry_gets_200() {
    let mut sim = faulty(Faults {
        drop_after_commit_rate: 1.0,
        ..Faults::default()
    });
    let mut order = email_order("U000001", 10.0);
    order["externalRefID"] = json!("drop1");
    let lost = place(&mut sim, order.clone());
    assert!(lost.dropped);
    assert_eq!(sim.order_count(), 1);
    sim.set_faults(Faults::default());
    let retry = place(&mut sim, order);
    assert_eq!(retry.status, 200);
    assert_eq!(sim.order_count(), 1);
}

#[test]
fn injected_latency_is_reported_for_the_transport() {
    let mut sim = faulty(Faults {
        latency_ms: 250,
        ..Faults::default()
    });
    assert_eq!(send(&mut sim, "GET", "/orders", None).delay_ms, 250);
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let run = || {
        let mut sim = faulty(Faults {
            server_error_rate: 0.2,
            ..Faults::default()
        });
        (0..50)
            .map(|_| place(&mut sim, email_order("U000001", 1.0)).body)
            .collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
}

#[test]
fn every_line_item_list_filter_narrows_the_list() {
    let mut sim = simulator();
    let mut a = email_order("U000001", 10.0);
    a["externalRefID"] = json!("li1");
    a["campaign"] = json!("spring");
    a["purchaseOrderNumber"] = json!("PO-7");
    a["notes"] = json!("vip");
    a["etid"] = json!("E000001");
    let first = placed(&mut sim, a);
    placed(&mut sim, physical_order());
    placed(&mut sim, email_order("U000004", 10.0));
    let mut phone = email_order("U000001", 30.0);
    phone["deliveryMethod"] = json!("PHONE");
    phone["recipient"] =
        json!({"firstName": "Bo", "lastName": "Diddley", "mobileNumber": "+12025550123"});
    placed(&mut sim, phone);
    let order_id = first["referenceOrderID"].as_str().unwrap().to_owned();
    let count = |sim: &mut Simulator, query: &str| {
        let response = send(sim, "GET", &format!("/lineItems?{query}"), None);
        assert_eq!(
            response.status,
            200,
            "{query}: {}",
            String::from_utf8_lossy(&response.body)
        );
        response.json_body()["keysetPage"]["totalCount"]
            .as_i64()
            .unwrap()
    };
    let by_order = format!("referenceOrderID={order_id}");
    let cases: Vec<(&str, i64)> = vec![
        ("", 4),
        (by_order.as_str(), 1),
        ("externalRefID=li1", 1),
        ("utid=U000002", 1),
        ("ptid=P000001", 0),
        ("etid=E000001", 1),
        ("status=FAILED", 1),
        ("status=PENDING", 1),
        ("emailStatus=DELIVERED", 1),
        ("emailStatus=NOT_DELIVERED", 3),
        ("deliveryMethod=PHONE", 1),
        ("deliveryStatus=PENDING", 1),
        ("deliveryStatus=DELIVERED", 2),
        ("orderStatus=COMPLETE", 2),
        ("orderSource=RA", 4),
        ("orderSource=RG", 0),
        ("recipientEmail=ADA%40example.com", 2),
        ("recipientMobileNumber=%2B12025550123", 1),
        ("recipientFirstName=bo", 1),
        ("recipientLastName=Diddley", 1),
        ("recipientStreetLine1=12%20Main%20St", 1),
        ("recipientStreetLine2=x", 0),
        ("recipientCity=Springfield", 1),
        ("recipientStateOrProvince=IL", 1),
        ("recipientPostalCode=62701", 1),
        ("recipientCountry=US", 1),
        ("accountIdentifier=demo-account", 4),
        ("campaign=spring", 1),
        ("purchaseOrderNumber=PO-7", 1),
        ("orderNotes=vip", 1),
        ("startDate=2026-01-01T00:00:02Z", 3),
        ("endDate=2026-01-01T00:00:02Z", 2),
        ("minRemainingBalance=20", 1),
        ("maxRemainingBalance=5", 2),
        ("hasRemainingBalance=false", 2),
        ("hasRemainingBalance=true", 2),
        ("columnSortName=dateIssued&columnSortAscending=true", 4),
        ("pagePrevious=false", 4),
    ];
    for (query, expected) in cases {
        assert_eq!(count(&mut sim, query), expected, "{query}");
    }
    // Ascending order puts the oldest first.
    let ascending = send(
        &mut sim,
        "GET",
        "/lineItems?columnSortAscending=true&elementsPerBlock=1",
        None,
    )
    .json_body();
    assert_eq!(
        ascending["lineItems"][0]["referenceOrderID"],
        order_id.as_str()
    );
    for bad in [
        "status=COMPLETED",
        "orderSource=XX",
        "startDate=yesterday",
        "elementsPerBlock=0",
        "columnSortName=color",
    ] {
        assert_eq!(
            send(&mut sim, "GET", &format!("/lineItems?{bad}"), None).status,
            400,
            "{bad}"
        );
    }
}
