//! The simulator's reading of `GET /lineItems` queries: the core's filter rules (the client's
//! own), page keys it never answered refused instead of restarting at page 1, and the client
//! checking a filter before it builds a URL.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::in_process::{demo_config, sim_client};
use common::*;
use serde_json::json;
use tango_orders::client::CallOptions;
use tango_orders::error::ErrorKind;
use tango_sim::Faults;

fn fields(body: &serde_json::Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn page_keys_no_page_answered_get_400_not_page_one() {
    let mut sim = simulator();
    for _ in 0..3 {
        placed(&mut sim, email_order("U000001", 5.0));
    }
    let first = send(&mut sim, "GET", "/lineItems?elementsPerBlock=1", None).json_body();
    let next = first["keysetPage"]["nextPageKeys"]
        .as_array()
        .unwrap()
        .clone();
    let query: Vec<String> = next
        .iter()
        .map(|k| format!("pageKeys={}", k.as_str().unwrap()))
        .collect();
    let second = send(
        &mut sim,
        "GET",
        &format!("/lineItems?elementsPerBlock=1&{}", query.join("&")),
        None,
    );
    assert_eq!(second.status, 200);
    assert_ne!(second.json_body()["lineItems"][0], first["lineItems"][0]);
    for garbage in [
        "pageKeys=garbage",
        "pageKeys=1767225600000,RA1-01",
        "pageKeys=1&pageKeys=RA999999-9999-99-01",
    ] {
        let answer = send(
            &mut sim,
            "GET",
            &format!("/lineItems?elementsPerBlock=1&{garbage}"),
            None,
        );
        assert_eq!(answer.status, 400, "{garbage}");
        assert_eq!(fields(&answer.json_body()), ["pageKeys"], "{garbage}");
    }
}

#[test]
fn line_item_queries_get_the_same_rules_as_the_client_with_one_entry_per_field() {
    let mut sim = simulator();
    let answer = send(&mut sim, "GET", "/lineItems?status=PARTIAL&columnSortName=amount&recipientMobileNumber=555&startDate=2026-03-04T12:00:00Z&endDate=2026-03-03", None);
    assert_eq!(answer.status, 400);
    assert_eq!(
        fields(&answer.json_body()),
        [
            "recipientMobileNumber",
            "status",
            "columnSortName",
            "endDate"
        ]
    );
    // Noon to the same (whole) day is a range, not a reversed one.
    assert_eq!(
        send(
            &mut sim,
            "GET",
            "/lineItems?startDate=2026-03-04T12:00:00Z&endDate=2026-03-04",
            None
        )
        .status,
        200
    );
}

#[tokio::test(start_paused = true)]
async fn the_client_checks_a_line_item_filter_before_it_builds_a_url() {
    let (client, _sim, _) = sim_client(Faults::default(), 3, demo_config());
    let huge = json!({"externalRefID": "a".repeat(10 * 1024 * 1024)});
    let error = client
        .list_line_items(&huge, &CallOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert!(client
        .iterate_line_items(&json!({"status": "PARTIAL"}), &CallOptions::default())
        .is_err());
    assert_eq!(client.transport().requests.get(), 0);
}
