//! Secrets and personal data never leave through errors, logs or `Debug`: one test runs the client
//! against the simulator through every kind of outcome (success, validation, 400, 401, 402, 403,
//! 404, 422, 429, 5xx, dropped answers, timeouts, the resend guard) with a known platform key,
//! token and personal-data markers, collects every error's `Display` and `Debug`, every logger
//! event, `Debug` of the config and of every model returned, and every error body the simulator
//! wrote, and finds none of the markers in any of them.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use std::cell::RefCell;
use std::rc::Rc;
use tango_orders::client::*;
use tango_orders::model::Sensitive;
use tango_sim::{Faults, Request, SimOptions, Simulator};

mod common;
use common::in_process::{SimTransport, TestRuntime};

const SECRETS: [&str; 4] = [
    "demo-key",
    "KEY-MARKER-9f3",
    "TOKEN-MARKER-77",
    "ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ",
];
const PERSONAL: [&str; 7] = [
    "Zebulon",
    "Quixote",
    "zq.marker",
    "4155550123",
    "Evergreen",
    "Marker Company",
    "Pemberton",
];

struct Harness {
    client: Client<SimTransport, TestRuntime>,
    seen: Rc<RefCell<Vec<String>>>,
}

impl Harness {
    /// The bodies of the simulator's error answers so far.
    fn error_bodies(&self) -> Vec<String> {
        self.client.transport().error_bodies.borrow().clone()
    }
}

fn harness(auth: Auth, faults: Faults, seen: Rc<RefCell<Vec<String>>>) -> Harness {
    let origin = tokio::time::Instant::now();
    let sim = Rc::new(RefCell::new(Simulator::new(SimOptions {
        faults,
        ..SimOptions::default()
    })));
    let log = Rc::clone(&seen);
    let config = ClientConfig {
        base_url: "http://tango-sim.local/raas/v2".into(),
        auth,
        timeout_ms: 2_000,
        logger: Some(Rc::new(move |event: &LogEvent| {
            log.borrow_mut().push(format!("{event:?}"))
        })),
        ..ClientConfig::default()
    };
    seen.borrow_mut().push(format!("{config:?}"));
    let transport = SimTransport::new(sim, origin);
    // A seeded source: each create gets its own generated externalRefID.
    let runtime = TestRuntime::new(origin, 3);
    let client = Client::new(config.checked().expect("config"), transport, runtime);
    Harness { client, seen }
}

fn basic(key: &str) -> Auth {
    Auth::Basic {
        platform_name: "demo-platform".into(),
        platform_key: Sensitive::from(key),
    }
}

fn person_order(method: &str) -> Value {
    let mut order = json!({
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000001",
        "amount": 10, "deliveryMethod": method,
        "recipient": {"firstName": "Zebulon", "lastName": "Quixote", "email": "zq.marker@example.com",
                      "mobileNumber": "+14155550123"},
        "sender": {"firstName": "Pemberton", "lastName": "Quixote", "email": "zq.marker@example.org"},
    });
    if method == "ADDRESS" {
        order["utid"] = json!("U000002");
        order["recipient"]["address"] = json!({"companyName": "Marker Company", "streetLine1": "742 Evergreen Terrace",
            "city": "Springfield", "stateOrProvince": "IL", "postalCode": "62704", "country": "US"});
    }
    order
}

fn record<T: std::fmt::Debug, E: std::fmt::Debug + std::fmt::Display>(
    seen: &RefCell<Vec<String>>,
    result: &Result<T, E>,
) {
    match result {
        Ok(value) => seen.borrow_mut().push(format!("{value:?}")),
        Err(error) => seen
            .borrow_mut()
            .extend([format!("{error}"), format!("{error:?}")]),
    }
}

#[tokio::test(start_paused = true)]
async fn no_key_token_or_personal_data_in_any_error_log_or_debug_output() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let once = CallOptions {
        max_retries: Some(0),
        ..CallOptions::default()
    };
    let mut error_bodies = Vec::new();

    // Successes, and what fails on Tango's side, with the demo key.
    let h = harness(basic("demo-key"), Faults::default(), Rc::clone(&seen));
    let second = std::time::Duration::from_millis(1_100);
    for method in ["EMAIL", "PHONE", "ADDRESS"] {
        let placed = h.client.create_order(&person_order(method), &once).await;
        record(&h.seen, &placed);
        if let Ok(placed) = placed {
            let id = placed.order.reference_order_id.clone().unwrap_or_default();
            record(&h.seen, &h.client.get_order(&id, &once).await);
            record(
                &h.seen,
                &h.client.resend_order(&id, &json!({}), &once).await,
            );
            record(
                &h.seen,
                &h.client.resend_order(&id, &json!({}), &once).await,
            ); // the 30 s guard
        }
        tokio::time::sleep(second).await;
    }
    for (field, value) in [
        ("accountIdentifier", "empty-account"),
        ("accountIdentifier", "frozen-account"),
        ("utid", "U999999"),
    ] {
        let mut order = person_order("EMAIL");
        order[field] = json!(value);
        record(&h.seen, &h.client.create_order(&order, &once).await);
        tokio::time::sleep(second).await;
    }
    record(
        &h.seen,
        &h.client.get_order("RA000000-0000-00", &once).await,
    );
    record(
        &h.seen,
        &h.client
            .list_orders(&json!({"recipientEmail": "zq.marker@example.com"}), &once)
            .await,
    );
    record(
        &h.seen,
        &h.client
            .list_line_items(&json!({"recipientEmail": "zq.marker@example.com"}), &once)
            .await,
    );
    // Invalid input: personal data in the wrong places.
    let mut invalid = person_order("EMAIL");
    invalid["recipient"]["email"] = json!("zq.marker@");
    invalid["recipient"]["mobileNumber"] = json!("4155550123 Evergreen");
    invalid["recipient"]["address"] = json!({"streetLine1": "742 Evergreen Terrace"});
    record(&h.seen, &h.client.create_order(&invalid, &once).await);
    record(&h.seen, &h.client.get_order("Zebulon Quixote", &once).await);
    // A reused externalRefID with another recipient and amount: a conflict.
    let mut keyed = person_order("EMAIL");
    keyed["externalRefID"] = json!("leakkey1");
    record(&h.seen, &h.client.create_order(&keyed, &once).await);
    tokio::time::sleep(second).await;
    keyed["amount"] = json!(20);
    keyed["recipient"]["email"] = json!("other.marker@example.com");
    keyed["recipient"]["mobileNumber"] = json!("+14155550199");
    record(&h.seen, &h.client.create_order(&keyed, &once).await);
    tokio::time::sleep(second).await;
    error_bodies.extend(h.error_bodies());

    // Wrong key, wrong token: 401.
    let h = harness(basic("KEY-MARKER-9f3"), Faults::default(), Rc::clone(&seen));
    record(
        &h.seen,
        &h.client.create_order(&person_order("EMAIL"), &once).await,
    );
    error_bodies.extend(h.error_bodies());
    let h = harness(
        Auth::Bearer(Rc::new(Sensitive::from("TOKEN-MARKER-77"))),
        Faults::default(),
        Rc::clone(&seen),
    );
    record(&h.seen, &h.client.list_orders(&json!({}), &once).await);
    error_bodies.extend(h.error_bodies());

    // Faults: 5xx, 429 bursts, dropped answers, timeouts.
    let faults = Faults {
        server_error_rate: 0.3,
        rate_limit_burst_rate: 0.2,
        rate_limit_burst_length: 2,
        drop_after_commit_rate: 0.3,
        ..Faults::default()
    };
    let h = harness(basic("demo-key"), faults, Rc::clone(&seen));
    for _ in 0..30 {
        record(
            &h.seen,
            &h.client.create_order(&person_order("EMAIL"), &once).await,
        );
        tokio::time::sleep(second).await;
    }
    error_bodies.extend(h.error_bodies());
    let dropping = Faults {
        drop_after_commit_rate: 1.0,
        ..Faults::default()
    };
    let h = harness(basic("demo-key"), dropping, Rc::clone(&seen));
    record(
        &h.seen,
        &h.client.create_order(&person_order("EMAIL"), &once).await,
    );
    let slow = Faults {
        latency_ms: 5_000,
        ..Faults::default()
    };
    let h = harness(basic("demo-key"), slow, Rc::clone(&seen));
    record(
        &h.seen,
        &h.client.create_order(&person_order("EMAIL"), &once).await,
    );

    // The simulator's own 400 for invalid personal data, sent past the client's validation.
    let mut sim = Simulator::new(SimOptions::default());
    let auth = (
        "authorization".to_owned(),
        "Basic ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ==".to_owned(),
    );
    let mut bad = person_order("ADDRESS");
    bad["recipient"]["email"] = json!("zq.marker@");
    bad["recipient"]["firstName"] = json!("Zebulon!!!Quixote");
    bad["recipient"]["address"]["streetLine1"] = json!("742 Evergreen Terrace ☃");
    let body = serde_json::to_vec(&bad).unwrap_or_default();
    let answer = sim.handle(&Request::new("POST", "/raas/v2/orders", vec![auth], body));
    assert_eq!(answer.status, 400);
    error_bodies.push(String::from_utf8_lossy(&answer.body).into_owned());

    let seen = seen.borrow();
    assert!(seen.len() > 40, "collected only {} strings", seen.len());
    let kinds = [
        "Validation",
        "Api",
        "Timeout",
        "Network",
        "ResendTooSoon",
        "Conflict",
    ];
    for kind in kinds {
        assert!(
            seen.iter().any(|s| s.starts_with(kind)
                || s.starts_with(&format!("CreateOrderError {{ error: {kind}"))),
            "no {kind} error was produced"
        );
    }
    for status in ["400", "401", "402", "403", "404", "422", "429", "50"] {
        let answered = format!("Tango answered {status}");
        assert!(
            seen.iter().any(|s| s.starts_with(&answered)),
            "no {status} was produced: {:?}",
            seen.iter()
                .filter(|s| s.starts_with("Tango answered"))
                .collect::<Vec<_>>()
        );
    }
    let mut leaks = Vec::new();
    for text in seen.iter().chain(error_bodies.iter()) {
        for marker in SECRETS.iter().chain(PERSONAL.iter()) {
            if text.contains(marker) {
                leaks.push(format!("{marker} in: {text}"));
            }
        }
    }
    println!(
        "checked {} strings and {} error bodies",
        seen.len(),
        error_bodies.len()
    );
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}
