//! The client (`tango_orders::client`) against the simulator in process, on a paused tokio clock
//! that the simulator follows: sleeps take no real time, so the 1 s and 30 s rules, retries and
//! backoff run exactly and fast.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use futures::future::join_all;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::rc::Rc;
use tango_orders::client::*;
use tango_orders::error::{Error, ErrorKind};
use tango_orders::model::Sensitive;
use tango_sim::{Faults, Simulator};

mod common;
use common::in_process::{demo_config, sim_client, SimTransport, TestClient};

fn client_with(faults: Faults, config: ClientConfig) -> (TestClient, Rc<RefCell<Simulator>>) {
    let (client, sim, _) = sim_client(faults, 11, config);
    (client, sim)
}

fn new_client(faults: Faults) -> (TestClient, Rc<RefCell<Simulator>>) {
    client_with(faults, demo_config())
}

fn order(amount: f64) -> Value {
    json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000001",
           "amount": amount, "deliveryMethod": "EMAIL",
           "recipient": {"firstName": "Ada", "email": "ada@example.com"}})
}

fn transport(client: &TestClient) -> &SimTransport {
    client.transport()
}

#[tokio::test(start_paused = true)]
async fn a_hundred_concurrent_creates_make_a_hundred_orders_one_second_apart_with_no_429() {
    let (client, sim) = new_client(Faults::default());
    let body = order(10.0);
    let options = CallOptions::default();
    let calls = (0..100).map(|_| client.create_order(&body, &options));
    let results = join_all(calls).await;
    assert!(results.iter().all(|r| r.as_ref().is_ok_and(|r| r.created)));
    assert_eq!(sim.borrow().order_count(), 100);
    let t = transport(&client);
    assert_eq!(t.statuses.borrow().iter().filter(|s| **s == 429).count(), 0);
    let starts = t.create_starts.borrow();
    assert_eq!(starts.len(), 100);
    assert!(
        starts.windows(2).all(|w| w[1] - w[0] >= 1_000.0),
        "starts closer than 1 s"
    );
}

#[tokio::test(start_paused = true)]
async fn creates_behind_a_first_create_on_a_slow_connection_meet_no_429() {
    for per_second in [1.0, 10.0] {
        let config = ClientConfig {
            orders_per_second: per_second,
            ..demo_config()
        };
        let (client, sim) = client_with(Faults::default(), config);
        sim.borrow_mut().set_creates_per_second(per_second);
        // The first request reaches Tango 300 ms after it was sent (connection set-up, TLS).
        transport(&client).next_arrival_delay_ms.set(300);
        let body = order(10.0);
        let options = CallOptions::default();
        let results = join_all((0..8).map(|_| client.create_order(&body, &options))).await;
        assert!(results.iter().all(|r| r.is_ok()));
        let t = transport(&client);
        assert_eq!(
            t.statuses.borrow().iter().filter(|s| **s == 429).count(),
            0,
            "{per_second}/s"
        );
        assert_eq!(sim.borrow().order_count(), 8);
    }
}

#[tokio::test(start_paused = true)]
async fn a_thousand_creates_under_faults_make_exactly_a_thousand_orders() {
    let faults = Faults {
        drop_after_commit_rate: 0.3,
        server_error_rate: 0.1,
        rate_limit_burst_rate: 0.02,
        rate_limit_burst_length: 3,
        ..Faults::default()
    };
    let (client, sim) = new_client(faults);
    let options = CallOptions {
        max_retries: Some(25),
        ..CallOptions::default()
    };
    let mut created_here = 0;
    for _ in 0..1_000 {
        let result = client
            .create_order(&order(1.0), &options)
            .await
            .expect("every create succeeds in the end");
        created_here += usize::from(result.created);
    }
    let sim = sim.borrow();
    assert_eq!(sim.order_count(), 1_000);
    let counts = sim.external_ref_counts();
    assert_eq!(counts.len(), 1_000);
    assert!(
        counts.values().all(|&n| n == 1),
        "an externalRefID was used twice"
    );
    let t = transport(&client);
    let statuses = t.statuses.borrow();
    let count = |status: u16| statuses.iter().filter(|s| **s == status).count();
    println!(
        "1,000 creates under faults: {} requests, {} answered 201 (created here {created_here}), {} answered 200 after a dropped answer, {} 429, {} 5xx",
        t.requests.get(),
        count(201),
        count(200),
        count(429),
        statuses.iter().filter(|s| **s >= 500).count()
    );
    assert!(count(200) > 200, "dropped answers were retried into 200s");
}

#[tokio::test(start_paused = true)]
async fn iterate_orders_yields_each_of_25000_matching_orders_exactly_once() {
    let (client, sim) = new_client(Faults::default());
    sim.borrow_mut().seed_orders(25_000, 60_000);
    let mut pager = client
        .iterate_orders(
            &json!({"accountIdentifier": "demo-account"}),
            &CallOptions::default(),
        )
        .unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut yielded = 0;
    while let Some(order) = pager.next().await.unwrap() {
        yielded += 1;
        assert!(
            seen.insert(order.reference_order_id.unwrap()),
            "an order was yielded twice"
        );
    }
    println!(
        "iterateOrders: 25,000 orders in {} pages ({} requests)",
        pager.pages_fetched,
        transport(&client).requests.get()
    );
    assert_eq!(yielded, 25_000);
}

#[tokio::test(start_paused = true)]
async fn iterate_line_items_follows_page_keys() {
    let (client, sim) = new_client(Faults::default());
    sim.borrow_mut().seed_orders(250, 1_000);
    let mut pager = client
        .iterate_line_items(&json!({"elementsPerBlock": 40}), &CallOptions::default())
        .unwrap();
    let mut ids = Vec::new();
    while let Some(item) = pager.next().await.unwrap() {
        ids.push(item.reference_line_item_id.unwrap());
    }
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!((ids.len(), unique.len()), (250, 250));
    assert_eq!(transport(&client).requests.get(), 7);
}

#[tokio::test(start_paused = true)]
async fn a_second_resend_within_30_seconds_fails_without_a_request() {
    let (client, _sim) = new_client(Faults::default());
    let placed = client
        .create_order(&order(10.0), &CallOptions::default())
        .await
        .unwrap();
    let id = placed.order.reference_order_id.unwrap();
    client
        .resend_order(&id, &Value::Null, &CallOptions::default())
        .await
        .unwrap();
    let sent = transport(&client).requests.get();
    tokio::time::sleep(std::time::Duration::from_millis(10_000)).await;
    let error = client
        .resend_order(&id, &json!({}), &CallOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        Error::ResendTooSoon {
            retry_after_ms: 20_000
        }
    );
    assert!(error.retryable());
    assert_eq!(
        transport(&client).requests.get(),
        sent,
        "a request was sent"
    );
    tokio::time::sleep(std::time::Duration::from_millis(20_000)).await;
    client
        .resend_order(
            &id,
            &json!({"newEmail": "ada@new.example.com"}),
            &CallOptions::default(),
        )
        .await
        .unwrap();
    // A line item resend that switches method.
    let item = placed.order.reference_line_item_id.unwrap();
    let switch = json!({"newDeliveryMethod": "PHONE", "newMobileNumber": "+12025550123", "reasonCode": "DELIVERY_METHOD"});
    let result = client
        .resend_line_item(&item, &switch, &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(
        result
            .delivery_method
            .map(|m| m.as_str().to_owned())
            .as_deref(),
        Some("PHONE")
    );
}

fn api_status(error: &Error) -> Option<(u16, Option<String>)> {
    match error {
        Error::Api(api) => Some((api.status, api.body.i18n_key.clone())),
        _ => None,
    }
}

#[tokio::test(start_paused = true)]
async fn every_error_status_maps_to_its_typed_error() {
    let no_retry = CallOptions {
        max_retries: Some(0),
        ..CallOptions::default()
    };
    let (client, _sim) = new_client(Faults::default());
    // 400: valid by the documented rules, unknown to this platform's catalog.
    let mut unknown = order(10.0);
    unknown["utid"] = json!("U999999");
    let error = client.create_order(&unknown, &no_retry).await.unwrap_err();
    assert_eq!(
        (
            error.kind(),
            api_status(&error.error).unwrap().0,
            error.retryable(),
            error.may_have_been_placed
        ),
        (ErrorKind::Api, 400, false, false)
    );
    assert_eq!(
        error.external_ref_id.len(),
        32,
        "the generated key is reported"
    );
    // 402 and 422.
    let mut empty = order(10.0);
    empty["accountIdentifier"] = json!("empty-account");
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        api_status(
            &client
                .create_order(&empty, &no_retry)
                .await
                .unwrap_err()
                .error
        )
        .unwrap()
        .0,
        402
    );
    let mut frozen = order(10.0);
    frozen["accountIdentifier"] = json!("frozen-account");
    let error = client.create_order(&frozen, &no_retry).await.unwrap_err();
    assert_eq!(
        api_status(&error.error),
        Some((422, Some("404.142".into())))
    );
    assert!(!error.may_have_been_placed);
    assert!(!error.to_string().contains("frozen-account"));
    // 404.
    let error = client
        .get_order("RA000000-0000-00", &no_retry)
        .await
        .unwrap_err();
    assert_eq!(api_status(&error).unwrap().0, 404);
    // 403.003: resend of an order Tango did not deliver.
    let mut none = order(10.0);
    none["deliveryMethod"] = json!("NONE");
    let placed = client.create_order(&none, &no_retry).await.unwrap();
    let error = client
        .resend_order(
            placed.order.reference_order_id.as_deref().unwrap(),
            &json!({}),
            &no_retry,
        )
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), Some((403, Some("403.003".into()))));
    // Validation never sends anything.
    let before = transport(&client).requests.get();
    let error = client
        .create_order(&json!({"amount": -1}), &no_retry)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(
        client
            .get_order("../orders", &no_retry)
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::Validation
    );
    assert_eq!(transport(&client).requests.get(), before);

    // 401.
    let wrong_key = ClientConfig {
        auth: Auth::Basic {
            platform_name: "demo-platform".into(),
            platform_key: Sensitive::from("nope"),
        },
        ..demo_config()
    };
    let (client, _sim) = client_with(Faults::default(), wrong_key);
    let error = client.list_orders(&json!({}), &no_retry).await.unwrap_err();
    assert_eq!(
        (api_status(&error).unwrap().0, error.retryable()),
        (401, false)
    );
    assert!(!format!("{error:?} {error}").contains("nope"));

    // 429 and 5xx, when retries run out, are retryable errors.
    let (client, _sim) = new_client(Faults {
        rate_limit_burst_rate: 1.0,
        rate_limit_burst_length: 1,
        ..Faults::default()
    });
    let error = client.list_orders(&json!({}), &no_retry).await.unwrap_err();
    assert_eq!(
        (api_status(&error).unwrap().0, error.retryable()),
        (429, true)
    );
    if let Error::Api(api) = &error {
        assert_eq!(api.retry_after_ms, Some(1_000));
    }
    let (client, _sim) = new_client(Faults {
        server_error_rate: 1.0,
        ..Faults::default()
    });
    let error = client
        .get_order("RA1", &CallOptions::default())
        .await
        .unwrap_err();
    assert!(matches!(
        api_status(&error).unwrap().0,
        500 | 502 | 503 | 504
    ));
    assert_eq!(
        transport(&client).requests.get(),
        3,
        "two retries by default"
    );

    // 409: a repeat while the first create is still in progress, waits at least 2 s, then 200.
    let (client, sim) = new_client(Faults {
        latency_ms: 1_500,
        ..Faults::default()
    });
    let mut keyed = order(10.0);
    keyed["externalRefID"] = json!("inprogress1");
    let slow = CallOptions {
        timeout_ms: Some(1_000),
        max_retries: Some(3),
        ..CallOptions::default()
    };
    let result = client.create_order(&keyed, &slow).await;
    // The first attempt timed out after the order was committed; the retry saw 409 or 200.
    assert!(result.is_ok() || result.as_ref().unwrap_err().kind() == ErrorKind::Timeout);
    assert_eq!(sim.borrow().order_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_timeout_is_reported_as_maybe_processed() {
    let (client, sim) = new_client(Faults {
        latency_ms: 5_000,
        ..Faults::default()
    });
    let options = CallOptions {
        timeout_ms: Some(1_000),
        max_retries: Some(0),
        ..CallOptions::default()
    };
    let error = client
        .create_order(&order(10.0), &options)
        .await
        .unwrap_err();
    assert_eq!(error.error, Error::Timeout { timeout_ms: 1_000 });
    assert!(error.may_have_been_placed && error.retryable());
    assert!(error.to_string().contains("may have been processed"));
    assert!(error
        .to_string()
        .contains("retry with the same externalRefID"));
    // The safe retry: the same key returns the order that was placed, without placing another.
    let mut again = order(10.0);
    again["externalRefID"] = json!(error.external_ref_id);
    tokio::time::sleep(std::time::Duration::from_secs(10)).await;
    let replay = client
        .create_order(&again, &CallOptions::default())
        .await
        .unwrap();
    assert!(!replay.created);
    assert_eq!(sim.borrow().order_count(), 1);
    assert_eq!(
        sim.borrow().order_count(),
        1,
        "the order was placed; only the answer was late"
    );
}

#[tokio::test(start_paused = true)]
async fn the_logger_sees_method_path_status_request_id_attempt_and_duration_only() {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&events);
    let config = ClientConfig {
        logger: Some(Rc::new(move |event: &LogEvent| {
            sink.borrow_mut().push(event.clone())
        })),
        ..demo_config()
    };
    let (client, _sim) = client_with(Faults::default(), config);
    client
        .list_orders(
            &json!({"recipientEmail": "zelda@example.com"}),
            &CallOptions::default(),
        )
        .await
        .unwrap();
    let events = events.borrow();
    assert_eq!(events.len(), 1);
    let event = events[0].as_request().unwrap();
    assert_eq!(
        (
            event.method,
            event.path.as_str(),
            event.status,
            event.attempt
        ),
        ("GET", "/orders", Some(200), 1)
    );
    assert!(event.request_id.is_some());
    assert!(!format!("{event:?}").contains("zelda"));
}

#[test]
fn bad_settings_are_config_errors() {
    let bad = [
        ClientConfig {
            base_url: "ftp://x".into(),
            ..demo_config()
        },
        ClientConfig {
            orders_per_second: 0.0,
            ..demo_config()
        },
        ClientConfig {
            timeout_ms: 0,
            ..demo_config()
        },
    ];
    for config in bad {
        let error = config.checked().err().unwrap();
        assert_eq!(error.kind(), ErrorKind::Config);
    }
    assert!(!format!("{:?}", demo_config()).contains("demo-key"));
}
