//! `Client::wait_for_order` against the simulator in process, on tokio's paused clock: it reads
//! until the status is final, backs off from about a second to at most 30 s, reports each change
//! of status, times out with the last status, ends at once on an abort, and rides out 429s.

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
use tango_orders::model::Order;
use tango_sim::Faults;

mod common;
use common::in_process::{demo_config, sim_client, AbortAt, TestClient};

fn order(utid: &str) -> Value {
    let mut order = json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
        "utid": utid, "amount": 10, "deliveryMethod": "EMAIL",
        "recipient": {"firstName": "Ada", "email": "ada@example.com"}});
    if utid == "U000002" {
        order["deliveryMethod"] = json!("ADDRESS");
        order["recipient"] = json!({"firstName": "Ada", "lastName": "Lovelace", "address": {
            "streetLine1": "12 Main St", "city": "Springfield", "stateOrProvince": "IL",
            "postalCode": "62701", "country": "US"}});
    }
    order
}

async fn placed(client: &TestClient, utid: &str) -> String {
    let result = client
        .create_order(&order(utid), &CallOptions::default())
        .await
        .unwrap();
    result.order.reference_order_id.clone().unwrap()
}

/// The statuses `on_status` saw, as text.
fn recorder(seen: &mut Vec<String>) -> impl FnMut(&Order) + '_ {
    |order: &Order| {
        seen.push(
            order
                .status
                .as_ref()
                .map_or("-".into(), |s| s.as_str().into()),
        )
    }
}

/// Virtual milliseconds since `origin`.
fn elapsed(origin: tokio::time::Instant) -> u64 {
    origin.elapsed().as_millis() as u64
}

#[tokio::test(start_paused = true)]
async fn a_physical_order_is_read_until_complete_with_backoff() {
    let (client, _sim, origin) = sim_client(Faults::default(), 7, demo_config());
    let id = placed(&client, "U000002").await;
    let started = elapsed(origin);
    let reads_before = client.transport().requests.get();
    let mut seen = Vec::new();
    let order = client
        .wait_for_order(&id, None, &CallOptions::default(), &mut recorder(&mut seen))
        .await
        .unwrap();
    assert_eq!(order.status.unwrap().as_str(), "COMPLETE");
    assert_eq!(seen, ["PENDING", "COMPLETE"], "each change once");
    // Printed for 10 s: pauses of 0.5–1, 1–2, 2–4, 4–8 and 8–16 s (at least 7.5 s in four, at
    // most 15 s) reach it in 5 or 6 reads, before 10 + 16 s.
    let waited = elapsed(origin) - started;
    let reads = client.transport().requests.get() - reads_before;
    assert!((10_000..=26_000).contains(&waited), "{waited} ms");
    assert!((5..=6).contains(&reads), "{reads} reads");
}

#[tokio::test(start_paused = true)]
async fn a_final_order_resolves_after_one_read() {
    let (client, _sim, _) = sim_client(Faults::default(), 7, demo_config());
    let id = placed(&client, "U000001").await;
    let reads_before = client.transport().requests.get();
    let mut seen = Vec::new();
    let order = client
        .wait_for_order(&id, None, &CallOptions::default(), &mut recorder(&mut seen))
        .await
        .unwrap();
    assert_eq!(order.reference_order_id.as_deref(), Some(id.as_str()));
    assert_eq!(seen, ["COMPLETE"]);
    assert_eq!(client.transport().requests.get() - reads_before, 1);
}

#[tokio::test(start_paused = true)]
async fn running_out_of_time_is_a_timeout_with_the_last_status() {
    let (client, _sim, origin) = sim_client(Faults::default(), 7, demo_config());
    let id = placed(&client, "U000005").await; // pending for 60 s
    let started = elapsed(origin);
    let mut seen = Vec::new();
    let error = client
        .wait_for_order(
            &id,
            Some(20_000),
            &CallOptions::default(),
            &mut recorder(&mut seen),
        )
        .await
        .unwrap_err();
    assert_eq!(
        error,
        Error::WaitTimeout {
            timeout_ms: 20_000,
            last_status: Some("PENDING".into())
        }
    );
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(error.retryable());
    assert_eq!(
        error.to_string(),
        "the order was still PENDING after waiting 20000 ms for a final status"
    );
    let fields = serde_json::to_value(error.fields()).unwrap();
    assert_eq!(fields["lastStatus"], "PENDING");
    assert_eq!(fields["timeoutMs"], 20_000);
    assert_eq!(seen, ["PENDING"], "no change, no second call");
    // The last read is made when the time runs out, not a pause before it.
    assert_eq!(elapsed(origin) - started, 20_000);
}

#[tokio::test(start_paused = true)]
async fn an_abort_ends_the_wait_at_once() {
    let (client, _sim, origin) = sim_client(Faults::default(), 7, demo_config());
    let id = placed(&client, "U000005").await;
    let abort_at = elapsed(origin) + 3_000;
    let options = CallOptions {
        signal: Some(AbortAt::signal(abort_at)),
        ..CallOptions::default()
    };
    let error = client
        .wait_for_order(&id, None, &options, &mut |_: &Order| ())
        .await
        .unwrap_err();
    assert_eq!(error, Error::Aborted);
    assert_eq!(elapsed(origin), abort_at, "in the middle of a pause");
    // A signal that has already fired sends nothing.
    let before = client.transport().requests.get();
    let error = client
        .wait_for_order(&id, None, &options, &mut |_: &Order| ())
        .await
        .unwrap_err();
    assert_eq!(error, Error::Aborted);
    assert_eq!(client.transport().requests.get(), before);
}

#[tokio::test(start_paused = true)]
async fn rate_limited_reads_do_not_end_the_wait() {
    let config = ClientConfig {
        max_retries: 0,
        ..demo_config()
    };
    let (client, sim, _) = sim_client(Faults::default(), 11, config);
    let id = placed(&client, "U000002").await;
    sim.borrow_mut().set_faults(Faults {
        rate_limit_burst_rate: 0.5,
        rate_limit_burst_length: 2,
        ..Faults::default()
    });
    let order = client
        .wait_for_order(&id, None, &CallOptions::default(), &mut |_: &Order| ())
        .await
        .unwrap();
    assert_eq!(order.status.unwrap().as_str(), "COMPLETE");
    let statuses = client.transport().statuses.borrow().clone();
    assert!(statuses.contains(&429), "the faults were on: {statuses:?}");
}

#[tokio::test(start_paused = true)]
async fn other_failures_and_bad_settings_end_the_wait_with_their_error() {
    let (client, _sim, _) = sim_client(Faults::default(), 7, demo_config());
    let error = client
        .wait_for_order(
            "RA000000-0000-00",
            None,
            &CallOptions::default(),
            &mut |_: &Order| (),
        )
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api, "{error}");
    for bad in [0, 86_400_001] {
        let before = client.transport().requests.get();
        let error = client
            .wait_for_order(
                "RA1",
                Some(bad),
                &CallOptions::default(),
                &mut |_: &Order| (),
            )
            .await
            .unwrap_err();
        assert_eq!(error.to_string(), "timeoutMs must be from 1 to 86400000");
        assert_eq!(client.transport().requests.get(), before, "nothing sent");
    }
}
