//! A create's failure tells the truth: every error carries the `externalRefID` it sent and whether
//! the order may have been placed, at the default retries and under faults; a reused key with a
//! different order is a conflict; aborts end every wait at once; waits past the cap are not slept;
//! settings out of range are refused.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use std::cell::RefCell;
use tango_orders::client::*;
use tango_orders::error::{Error, ErrorKind};
use tango_sim::Faults;

mod common;
use common::in_process::{demo_config, sim_client, AbortAt};

/// Every answer a 429 (`Retry-After: 1`).
fn always_rate_limited() -> Faults {
    Faults {
        rate_limit_burst_rate: 1.0,
        rate_limit_burst_length: 1_000,
        ..Faults::default()
    }
}

fn order(amount: f64, email: &str) -> Value {
    json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000001",
           "amount": amount, "deliveryMethod": "EMAIL",
           "recipient": {"firstName": "Zebulon", "email": email}})
}

fn elapsed_ms(origin: tokio::time::Instant) -> u128 {
    origin.elapsed().as_millis()
}

#[tokio::test(start_paused = true)]
async fn at_the_default_retries_no_placed_create_is_reported_as_not_placed() {
    let faults = Faults {
        drop_after_commit_rate: 0.5,
        server_error_rate: 0.1,
        rate_limit_burst_rate: 0.1,
        rate_limit_burst_length: 3,
        ..Faults::default()
    };
    let (client, sim, _) = sim_client(faults, 21, demo_config());
    let defaults = CallOptions::default();
    let mut failed = Vec::new();
    let (mut placed_but_reported_not_placed, mut maybe_but_not_placed) = (0, 0);
    for _ in 0..500 {
        let Err(error) = client
            .create_order(&order(1.0, "ann@example.com"), &defaults)
            .await
        else {
            continue;
        };
        assert_eq!(error.external_ref_id.len(), 32);
        let exists = sim
            .borrow()
            .external_ref_counts()
            .contains_key(&error.external_ref_id);
        if exists && !error.may_have_been_placed {
            placed_but_reported_not_placed += 1;
        }
        if !exists && error.may_have_been_placed {
            maybe_but_not_placed += 1;
        }
        if error.may_have_been_placed {
            assert!(error.retryable(), "{error}");
            assert!(error
                .to_string()
                .contains("retry with the same externalRefID"));
        }
        failed.push((error.external_ref_id.clone(), exists));
    }
    println!(
        "500 creates at maxRetries 2: {} failed, {placed_but_reported_not_placed} placed but reported as not placed, {maybe_but_not_placed} reported as maybe placed but not placed",
        failed.len()
    );
    assert!(failed.len() > 20, "the faults must make some creates fail");
    assert_eq!(placed_but_reported_not_placed, 0);
    // The safe retry: the same key, until it answers; an order that existed comes back as not
    // created here, one that did not is placed once.
    let patient = CallOptions {
        max_retries: Some(30),
        ..CallOptions::default()
    };
    for (key, existed) in &failed {
        let mut again = order(1.0, "ann@example.com");
        again["externalRefID"] = json!(key);
        let result = client.create_order(&again, &patient).await.unwrap();
        assert_eq!(result.order.external_ref_id.as_deref(), Some(key.as_str()));
        if *existed {
            assert!(
                !result.created,
                "an order that existed is not created again"
            );
        }
    }
    let sim = sim.borrow();
    assert_eq!(sim.order_count(), 500);
    assert!(sim.external_ref_counts().values().all(|&n| n == 1));
}

#[tokio::test(start_paused = true)]
async fn a_reused_key_with_a_different_order_is_a_conflict_and_a_true_replay_is_not() {
    let (client, sim, _) = sim_client(Faults::default(), 3, demo_config());
    let options = CallOptions::default();
    let mut first = order(10.0, "zebulon.marker@example.com");
    first["externalRefID"] = json!("campaignrow1");
    let placed = client.create_order(&first, &options).await.unwrap();
    assert!(placed.created);
    let replay = client.create_order(&first, &options).await.unwrap();
    assert!(!replay.created);
    assert_eq!(
        replay.order.reference_order_id,
        placed.order.reference_order_id
    );

    let mut other = order(20.0, "quixote.marker@example.com");
    other["externalRefID"] = json!("campaignrow1");
    other["utid"] = json!("U000003");
    let error = client.create_order(&other, &options).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(!error.may_have_been_placed && !error.retryable());
    assert_eq!(error.external_ref_id, "campaignrow1");
    let Error::Conflict {
        reference_order_id,
        fields,
    } = &error.error
    else {
        panic!("{error:?}")
    };
    assert_eq!(reference_order_id, &placed.order.reference_order_id);
    assert_eq!(fields, &["utid", "amount", "recipient.email"]);
    for text in [error.to_string(), format!("{error:?}")] {
        assert!(!text.contains("marker"), "{text}");
    }
    assert!(error.to_string().contains("use a new externalRefID"));
    let mut phone = order(10.0, "zebulon.marker@example.com");
    phone["externalRefID"] = json!("campaignrow1");
    phone["deliveryMethod"] = json!("NONE");
    let error = client.create_order(&phone, &options).await.unwrap_err();
    assert!(
        matches!(&error.error, Error::Conflict { fields, .. } if fields == &["deliveryMethod"])
    );
    assert_eq!(sim.borrow().order_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_abort_ends_a_queued_create_at_once_and_gives_its_turn_to_the_next() {
    let (client, sim, origin) = sim_client(Faults::default(), 5, demo_config());
    let plain = CallOptions::default();
    let aborted = CallOptions {
        signal: Some(AbortAt::signal(50)),
        ..CallOptions::default()
    };
    let first = order(1.0, "a@example.com");
    let (second, third, fourth) = (first.clone(), first.clone(), first.clone());
    let ended = RefCell::new(Vec::new());
    let run = |body: Value, options: CallOptions, name: &'static str| {
        let client = &client;
        let ended = &ended;
        async move {
            let result = client.create_order(&body, &options).await;
            ended
                .borrow_mut()
                .push((name, elapsed_ms(origin), result.map(|r| r.created)));
        }
    };
    futures::join!(
        run(first, plain.clone(), "first"),
        run(second, aborted, "second"),
        run(third, plain.clone(), "third"),
        run(fourth, plain, "fourth"),
    );
    let ended = ended.into_inner();
    let at = |name: &str| ended.iter().find(|(n, ..)| *n == name).unwrap();
    let second = at("second");
    assert_eq!(second.1, 50, "the queued create ends when its signal fires");
    let error = second.2.clone().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Aborted);
    assert!(!error.may_have_been_placed, "it never left the queue");
    assert!(at("third").2.is_ok() && at("fourth").2.is_ok());
    // The third takes the second's turn: one interval after the first, not two.
    let starts = client.transport().create_starts.borrow().clone();
    assert_eq!(starts.len(), 3);
    let gap = |i: usize| starts[i + 1] - starts[i];
    // (One interval plus 1 ms for the test clock's whole milliseconds: every answer is instant.)
    assert!((1_001.0..1_100.0).contains(&gap(0)), "{starts:?}");
    assert!((1_001.0..1_100.0).contains(&gap(1)), "{starts:?}");
    assert_eq!(sim.borrow().order_count(), 3);
}

#[tokio::test(start_paused = true)]
async fn an_abort_ends_a_backoff_and_a_request_in_flight_at_once() {
    // Every answer is a 429: the create waits out Retry-After (1 s) between attempts.
    let (client, _sim, origin) = sim_client(always_rate_limited(), 8, demo_config());
    let options = CallOptions {
        signal: Some(AbortAt::signal(300)),
        max_retries: Some(5),
        ..CallOptions::default()
    };
    let error = client
        .create_order(&order(1.0, "a@example.com"), &options)
        .await
        .unwrap_err();
    assert_eq!(
        (error.kind(), elapsed_ms(origin)),
        (ErrorKind::Aborted, 300)
    );
    assert!(!error.may_have_been_placed, "Tango refused every attempt");

    // A request in flight (5 s latency): the abort ends it, and the order may exist.
    let slow = Faults {
        latency_ms: 5_000,
        ..Faults::default()
    };
    let (client, sim, origin) = sim_client(slow, 9, demo_config());
    let options = CallOptions {
        signal: Some(AbortAt::signal(400)),
        ..CallOptions::default()
    };
    let error = client
        .create_order(&order(1.0, "a@example.com"), &options)
        .await
        .unwrap_err();
    assert_eq!(
        (error.kind(), elapsed_ms(origin)),
        (ErrorKind::Aborted, 400)
    );
    assert!(error.may_have_been_placed && error.retryable());
    assert_eq!(sim.borrow().order_count(), 1, "it reached the simulator");
    // A signal that already fired sends nothing.
    let before = client.transport().requests.get();
    let fired = CallOptions {
        signal: Some(AbortAt::signal(0)),
        ..CallOptions::default()
    };
    let error = client
        .get_order("RA000000-0000-00", &fired)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Aborted);
    assert_eq!(client.transport().requests.get(), before);
}

#[tokio::test(start_paused = true)]
async fn a_wait_longer_than_the_cap_is_not_slept() {
    let config = ClientConfig {
        max_retry_delay_ms: 500,
        ..demo_config()
    };
    let (client, _sim, origin) = sim_client(always_rate_limited(), 4, config);
    let error = client
        .create_order(&order(1.0, "a@example.com"), &CallOptions::default())
        .await
        .unwrap_err();
    let Error::Api(api) = &error.error else {
        panic!("{error:?}")
    };
    // Tango asked for 1 s (Retry-After: 1), more than the 500 ms cap: the call fails at once.
    assert_eq!((api.status, api.retry_after_ms), (429, Some(1_000)));
    assert_eq!(elapsed_ms(origin), 0);
    assert_eq!(client.transport().requests.get(), 1);
    // The same cap per call.
    let (client, _sim, origin) = sim_client(always_rate_limited(), 4, demo_config());
    let capped = CallOptions {
        max_retry_delay_ms: Some(0),
        ..CallOptions::default()
    };
    let error = client.list_orders(&Value::Null, &capped).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(elapsed_ms(origin), 0);
}

#[test]
fn settings_out_of_range_are_config_errors_that_name_the_range() {
    let cases = [
        (
            ClientConfig {
                timeout_ms: 2_147_483_648,
                ..demo_config()
            },
            "timeoutMs must be from 1 to 600000",
        ),
        (
            ClientConfig {
                timeout_ms: 0,
                ..demo_config()
            },
            "timeoutMs must be from 1 to 600000",
        ),
        (
            ClientConfig {
                max_retries: 1_000,
                ..demo_config()
            },
            "maxRetries must be from 0 to 100",
        ),
        (
            ClientConfig {
                orders_per_second: 1e-7,
                ..demo_config()
            },
            "ordersPerSecond must be from 0.01 to 1000",
        ),
        (
            ClientConfig {
                orders_per_second: f64::NAN,
                ..demo_config()
            },
            "ordersPerSecond must be from 0.01 to 1000",
        ),
        (
            ClientConfig {
                max_retry_delay_ms: 1_000_000_000,
                ..demo_config()
            },
            "maxRetryDelayMs must be from 0 to 3600000",
        ),
    ];
    for (config, message) in cases {
        let error = config.check().unwrap_err();
        assert_eq!(
            (error.kind(), error.to_string()),
            (ErrorKind::Config, message.to_owned())
        );
    }
    let call = CallOptions {
        timeout_ms: Some(2_147_483_648),
        ..CallOptions::default()
    };
    assert_eq!(call.check().unwrap_err().kind(), ErrorKind::Config);
}
