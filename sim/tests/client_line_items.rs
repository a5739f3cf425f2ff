//! The client's line item operations beyond resend and the actions — reissue, update, reason codes
//! and the embedded URL — against the simulator in process: they work, they validate before
//! sending, and they retry as their kind allows.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::client::*;
use tango_orders::error::{Error, ErrorKind};
use tango_sim::Faults;

mod common;
use common::in_process::{demo_config, sim_client, TestClient};

fn client() -> (
    TestClient,
    std::rc::Rc<std::cell::RefCell<tango_sim::Simulator>>,
) {
    let (client, sim, _) = sim_client(Faults::default(), 5, demo_config());
    (client, sim)
}

fn order(method: &str) -> Value {
    json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000001",
           "amount": 10, "deliveryMethod": method,
           "recipient": {"firstName": "Ada", "email": "ada@example.com"}})
}

async fn line_item(client: &TestClient, method: &str) -> String {
    let placed = client
        .create_order(&order(method), &CallOptions::default())
        .await
        .unwrap();
    placed.order.reference_line_item_id.clone().unwrap()
}

#[tokio::test(start_paused = true)]
async fn reissue_update_reason_codes_and_embedded_url_work_through_the_client() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let id = line_item(&client, "EMAIL").await;
    client
        .update_line_item(
            &id,
            &json!({"purchaseOrderNumber": "PO-1", "orderNotes": "n"}),
            &options,
        )
        .await
        .unwrap();
    let item = client.get_line_item(&id, &options).await.unwrap();
    assert_eq!(item.purchase_order_number.as_deref(), Some("PO-1"));

    let body = json!({"reasonCode": "REWARD_AMOUNT", "amount": 20});
    let replacement = client
        .reissue_line_item(&id, &body, &options)
        .await
        .unwrap();
    assert_ne!(
        replacement.reference_line_item_id.as_deref(),
        Some(id.as_str())
    );
    assert_eq!(replacement.amount_charged.and_then(|m| m.total), Some(20.0));
    assert_eq!(sim.borrow().order_count(), 2);

    let codes = client.list_reason_codes(&options).await.unwrap();
    assert!(codes.cancel.unwrap().contains_key("FRAUD"));

    let embedded = line_item(&client, "EMBEDDED").await;
    let url = client.get_embedded_url(&embedded, &options).await.unwrap();
    assert!(url.url.unwrap().expose().starts_with("https://"));
    // The URL opens the reward: it is kept out of Debug output like any credential.
    let debug = format!(
        "{:?}",
        client.get_embedded_url(&embedded, &options).await.unwrap()
    );
    assert!(!debug.contains("https://"), "{debug}");
    let refused = client.get_embedded_url(&id, &options).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Api);
}

#[tokio::test(start_paused = true)]
async fn bad_bodies_and_ids_fail_before_anything_is_sent() {
    let (client, _sim) = client();
    let options = CallOptions::default();
    let id = line_item(&client, "EMAIL").await;
    let sent = client.transport().requests.get();
    let reissue = client
        .reissue_line_item(
            &id,
            &json!({"reasonCode": "OTHER", "amount": -1, "deliveryMethod": "ADDRESS"}),
            &options,
        )
        .await
        .unwrap_err();
    let Error::Validation(report) = reissue else {
        panic!("{reissue:?}")
    };
    let paths: Vec<&str> = report.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["otherReason", "amount", "deliveryMethod"]);
    let update = client
        .update_line_item(&id, &json!({"campaign": "a/b"}), &options)
        .await
        .unwrap_err();
    assert_eq!(update.kind(), ErrorKind::Validation);
    for bad_id in ["../orders", "", "a b"] {
        assert_eq!(
            client
                .get_embedded_url(bad_id, &options)
                .await
                .unwrap_err()
                .kind(),
            ErrorKind::Validation
        );
        assert_eq!(
            client
                .reissue_line_item(
                    bad_id,
                    &json!({"reasonCode": "OTHER", "otherReason": "x"}),
                    &options
                )
                .await
                .unwrap_err()
                .kind(),
            ErrorKind::Validation
        );
    }
    assert_eq!(client.transport().requests.get(), sent, "nothing was sent");
}

#[tokio::test(start_paused = true)]
async fn an_update_is_retried_like_a_read_a_reissue_only_where_tango_did_not_act() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let id = line_item(&client, "EMAIL").await;
    sim.borrow_mut().set_faults(Faults {
        server_error_rate: 1.0,
        ..Faults::default()
    });

    let before = client.transport().requests.get();
    client
        .update_line_item(&id, &json!({"orderNotes": "n"}), &options)
        .await
        .unwrap_err();
    assert_eq!(
        client.transport().requests.get() - before,
        3,
        "1 attempt and the default 2 retries"
    );

    for _ in 0..5 {
        let before = client.transport().statuses.borrow().len();
        let body = json!({"reasonCode": "OTHER", "otherReason": "x"});
        client
            .reissue_line_item(&id, &body, &options)
            .await
            .unwrap_err();
        let statuses = client.transport().statuses.borrow()[before..].to_vec();
        // Retried only after 503 (Tango did not act); a 500, 502 or 504 may have placed the
        // replacement, so it is the end of the call.
        let (last, retried) = statuses.split_last().unwrap();
        assert!(retried.iter().all(|s| *s == 503), "{statuses:?}");
        assert!(statuses.len() == 3 || *last != 503, "{statuses:?}");
    }
}
