//! Webhooks end to end in process: the client's subscription calls against the simulator, the
//! events the simulated rewards produce, their deliveries signed and verified, retried with
//! backoff, listed and replayed with the same eventId and revision.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};
use tango_orders::client::*;
use tango_orders::error::ErrorKind;
use tango_orders::webhook::signature::verify_hmac;
use tango_orders::webhook::{HmacKey, WebhookEvent, WebhookEventData, SIGNATURE_HEADER};
use tango_sim::webhooks::{Delivery, MAX_ATTEMPTS};
use tango_sim::Faults;

mod common;
use common::in_process::{demo_config, sim_client, TestClient};

type Sim = std::rc::Rc<std::cell::RefCell<tango_sim::Simulator>>;

fn client() -> (TestClient, Sim) {
    let (client, sim, _) = sim_client(Faults::default(), 5, demo_config());
    (client, sim)
}

fn secret() -> String {
    STANDARD.encode([42u8; 32])
}

fn subscription(url: &str) -> Value {
    json!({"url": url, "categories": ["REWARD", "ORDER"], "payloadVerificationMethod": "HMAC",
           "hmacSharedSecretKey": secret(), "headers": [{"name": "Authorization", "value": "Bearer receiver-token"}]})
}

/// Each delivery checked as a receiver would: signature, then the event.
fn verified(delivery: &Delivery) -> WebhookEvent {
    let key = HmacKey::from_shared_secret(&secret()).unwrap();
    let signature = delivery
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(SIGNATURE_HEADER))
        .map(|(_, value)| value.as_str());
    verify_hmac(&key, &delivery.body, signature).unwrap();
    WebhookEvent::from_json(std::str::from_utf8(&delivery.body).unwrap()).unwrap()
}

async fn line_item(client: &TestClient) -> String {
    let order = common::email_order("U000001", 10.0);
    let placed = client
        .create_order(&order, &CallOptions::default())
        .await
        .unwrap();
    placed.order.reference_line_item_id.clone().unwrap()
}

#[tokio::test(start_paused = true)]
async fn subscribe_freeze_and_receive_a_signed_reward_event() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let created = client
        .create_webhook(&subscription("http://127.0.0.1:9/hook"), &options)
        .await
        .unwrap();
    let id = created.webhook_id.clone().unwrap();
    assert!(created.expires_at.is_some());

    let item = line_item(&client).await;
    let freeze = json!({"reasonCode": "FRAUD"});
    client
        .line_item_action(LineItemActionKind::Freeze, &item, &freeze, &options)
        .await
        .unwrap();
    let unfreeze = json!({"reasonCode": "FRAUD"});
    client
        .line_item_action(LineItemActionKind::Unfreeze, &item, &unfreeze, &options)
        .await
        .unwrap();

    let deliveries = sim.borrow_mut().take_deliveries();
    assert_eq!(deliveries.len(), 2, "{deliveries:?}");
    let first = &deliveries[0];
    assert_eq!(first.url, "http://127.0.0.1:9/hook");
    assert!(first
        .headers
        .contains(&("Authorization".into(), "Bearer receiver-token".into())));
    let events: Vec<WebhookEvent> = deliveries.iter().map(verified).collect();
    let statuses: Vec<_> = events
        .iter()
        .map(|e| match &e.data {
            WebhookEventData::RewardStatus(data) => data.status.clone().unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(statuses, ["FROZEN", "UNFROZEN"]);
    assert_eq!(events[0].revision, Some(1));
    assert_eq!(events[1].revision, Some(2));
    assert!(!format!("{first:?}").contains("receiver-token"));

    // Past events, then a replay: the same eventId and revision again.
    let page = client
        .list_webhook_events(&id, &json!({"fromRevision": 2}), &options)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].event_id, events[1].event_id);
    client
        .replay_webhook_events(&id, &json!({"fromRevision": 1, "toRevision": 2}), &options)
        .await
        .unwrap();
    let replayed: Vec<WebhookEvent> = sim
        .borrow_mut()
        .take_deliveries()
        .iter()
        .map(verified)
        .collect();
    assert_eq!(replayed, events);
}

#[tokio::test(start_paused = true)]
async fn a_delivery_not_answered_200_is_retried_with_backoff_then_given_up() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let id = client
        .create_webhook(&subscription("http://localhost:8080/hook"), &options)
        .await
        .unwrap()
        .webhook_id
        .unwrap();
    client
        .test_webhook(&id, Some("RewardStatus"), &options)
        .await
        .unwrap();
    let mut attempts = 0;
    let mut waits = Vec::new();
    for _ in 0..20 {
        let due = sim.borrow_mut().take_deliveries();
        for delivery in due {
            attempts += 1;
            assert_eq!(delivery.attempt, attempts);
            verified(&delivery);
            sim.borrow_mut().delivery_failed(delivery);
        }
        let Some(next) = sim.borrow().next_delivery_due_ms() else {
            break;
        };
        let wait = next - sim.borrow().now_ms();
        waits.push(wait);
        sim.borrow_mut().advance(wait);
    }
    assert_eq!(attempts, MAX_ATTEMPTS);
    assert_eq!(sim.borrow().delivery_counts(), (0, 1));
    assert_eq!(waits, [1_000, 2_000, 4_000, 8_000, 16_000]);
}

#[tokio::test(start_paused = true)]
async fn every_subscription_call_works_and_renew_moves_the_expiry() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let mut ids = Vec::new();
    for port in 1..=3 {
        let url = format!("http://127.0.0.1:{port}/hook");
        let created = client
            .create_webhook(&subscription(&url), &options)
            .await
            .unwrap();
        ids.push(created.webhook_id.unwrap());
    }
    let first = client
        .list_webhooks(&json!({"maxResults": 2}), &options)
        .await
        .unwrap();
    assert_eq!(first.items.len(), 2);
    let cursor = first.next_cursor.clone().unwrap();
    let second = client
        .list_webhooks(&json!({"maxResults": 2, "nextCursor": cursor}), &options)
        .await
        .unwrap();
    assert_eq!(second.items.len(), 1);
    assert_eq!(second.next_cursor, None);

    let webhook = client.get_webhook(&ids[0], &options).await.unwrap();
    assert_eq!(webhook.payload_verification_method.as_deref(), Some("HMAC"));
    assert!(
        webhook.hmac_shared_secret_key.is_none(),
        "the key is never sent back"
    );
    let before = webhook.expires_at.clone().unwrap();

    let updated = client
        .update_webhook(
            &ids[0],
            &json!({"eventTypes": ["RewardStatus"], "categories": []}),
            &options,
        )
        .await
        .unwrap();
    assert_eq!(updated.event_types.as_slice(), ["RewardStatus"]);

    sim.borrow_mut().advance(86_400_000);
    let renewed = client.renew_webhook(&ids[0], &options).await.unwrap();
    assert!(renewed.expires_at.unwrap() > before);

    let types = client.list_webhook_event_types(&options).await.unwrap();
    assert!(types
        .items
        .iter()
        .any(|t| t.category.as_deref() == Some("REWARD")
            && t.event_types.contains(&"RewardStatus".to_owned())));

    client.delete_webhook(&ids[2], &options).await.unwrap();
    let gone = client.get_webhook(&ids[2], &options).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::Api);
    assert!(gone.to_string().contains("404"), "{gone}");
}

#[tokio::test(start_paused = true)]
async fn bad_subscriptions_are_refused_before_sending_and_never_quote_the_key() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let short_key = STANDARD.encode(b"short-secret-key");
    let cases = [
        (
            json!({"url": "http://example.com/hook", "categories": ["REWARD"]}),
            "url",
        ),
        (
            json!({"url": "ftp://127.0.0.1/hook", "categories": ["REWARD"]}),
            "url",
        ),
        (
            json!({"url": "https://user:pw@example.com/", "categories": ["REWARD"]}),
            "url",
        ),
        (json!({"url": "https://example.com/hook"}), "categories"),
        (
            json!({"url": "https://example.com/hook", "categories": ["NOPE"]}),
            "categories[0]",
        ),
        (
            json!({"url": "https://example.com/hook", "eventTypes": ["Nope"]}),
            "eventTypes[0]",
        ),
        (
            json!({"url": "https://example.com/hook", "categories": ["REWARD"], "payloadVerificationMethod": "HMAC"}),
            "hmacSharedSecretKey",
        ),
        (
            json!({"url": "https://example.com/hook", "categories": ["REWARD"], "payloadVerificationMethod": "HMAC", "hmacSharedSecretKey": short_key}),
            "hmacSharedSecretKey",
        ),
        (
            json!({"url": "https://example.com/hook", "categories": ["REWARD"], "payloadVerificationMethod": "HMAC", "hmacSharedSecretKey": "not base64 !!"}),
            "hmacSharedSecretKey",
        ),
        (
            json!({"url": "https://example.com/hook", "categories": ["REWARD"], "payloadVerificationMethod": "X509"}),
            "signingCertificate",
        ),
        (
            json!({"url": "https://example.com/hook", "categories": ["REWARD"], "headers": [{"name": "X-A", "value": "a\r\nInjected: 1"}]}),
            "headers[0].value",
        ),
        (
            json!({"url": "https://example.com/hook", "categories": ["REWARD"], "secret": 1}),
            "secret",
        ),
    ];
    for (body, path) in cases {
        let error = client.create_webhook(&body, &options).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Validation, "{body}");
        let text = format!("{error} {error:?}");
        assert!(text.contains(path), "{path}: {text}");
        assert!(
            !text.contains("short-secret") && !text.contains(&STANDARD.encode(b"short-secret-key")),
            "{text}"
        );
    }
    for (id, test) in [("../orders", None), ("w", Some("NoSuchTest"))] {
        let error = client.test_webhook(id, test, &options).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Validation);
    }
    let range = json!({"fromRevision": 5, "toRevision": 2});
    let error = client
        .list_webhook_events("w", &range, &options)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(sim.borrow().delivery_counts(), (0, 0));

    // A host other than this machine's: valid for Tango, refused by the simulator (by default).
    let remote = json!({"url": "https://example.com/hook", "categories": ["REWARD"]});
    let error = client.create_webhook(&remote, &options).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api);
}

#[tokio::test(start_paused = true)]
async fn a_mailed_reward_sends_its_delivery_status_as_it_moves() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let body = json!({"url": "http://[::1]:9/hook", "eventTypes": ["LineItemDeliveryStatus"]});
    client.create_webhook(&body, &options).await.unwrap();
    let order = common::physical_order();
    client.create_order(&order, &options).await.unwrap();
    let read = |deliveries: Vec<Delivery>| -> Vec<String> {
        deliveries
            .iter()
            .map(|d| {
                let event: Value = serde_json::from_slice(&d.body).unwrap();
                assert_eq!(event["eventType"], "LineItemDeliveryStatus");
                assert!(
                    d.headers.iter().all(|(name, _)| name != SIGNATURE_HEADER),
                    "NONE: unsigned"
                );
                event["eventData"]["status"].as_str().unwrap().to_owned()
            })
            .collect()
    };
    assert_eq!(read(sim.borrow_mut().take_deliveries()), ["IN_PROGRESS"]);
    sim.borrow_mut().advance(7 * 86_400_000);
    assert_eq!(read(sim.borrow_mut().take_deliveries()), ["SHIPPED"]);
}

#[tokio::test(start_paused = true)]
async fn in_process_deliveries_go_to_a_function_and_a_refusal_comes_again() {
    let (client, sim) = client();
    let options = CallOptions::default();
    let id = client
        .create_webhook(&subscription("http://127.0.0.1:9/hook"), &options)
        .await
        .unwrap()
        .webhook_id
        .unwrap();
    client.test_webhook(&id, None, &options).await.unwrap();
    let mut seen = Vec::new();
    let mut receiver = |delivery: &Delivery| {
        let event = verified(delivery);
        seen.push((event.data.event_type().to_owned(), delivery.attempt));
        if seen.len() == 1 {
            503
        } else {
            200
        }
    };
    assert_eq!(sim.borrow_mut().deliver_to(&mut receiver), 1);
    assert_eq!(sim.borrow_mut().deliver_to(&mut receiver), 0, "not due yet");
    sim.borrow_mut().advance(1_000);
    assert_eq!(sim.borrow_mut().deliver_to(&mut receiver), 1);
    assert_eq!(
        seen,
        [
            ("ConnectivityTest".to_owned(), 1),
            ("ConnectivityTest".to_owned(), 2)
        ]
    );
    assert_eq!(sim.borrow().delivery_counts(), (0, 0));
}
