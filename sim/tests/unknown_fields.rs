//! The Rust client and members a request does not have: refused before sending as `unknown_field`
//! (a misspelt filter would filter nothing, a misspelt note would never be stored), and sent as
//! they are when the client's or the call's `extra_fields` name them.

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
use tango_orders::error::{Error, ErrorKind};
use tango_orders::validate::Code;

mod common;
use common::in_process::TestRuntime;

/// Every request's method, URL and body; answers 404 (the answer does not matter here).
struct Recorder {
    seen: Rc<RefCell<Vec<(String, String, String)>>>,
}
impl Transport for Recorder {
    fn send(
        &self,
        request: HttpRequest,
        _timeout_ms: u64,
        _signal: Option<&Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        let body = request.body.clone().unwrap_or_default();
        self.seen
            .borrow_mut()
            .push((request.method.to_string(), request.url.clone(), body));
        Box::pin(async {
            Ok(HttpResponse {
                status: 404,
                headers: vec![],
                body: "{}".into(),
            })
        })
    }
}

type Seen = Rc<RefCell<Vec<(String, String, String)>>>;

fn recording_client(extra_fields: &[&str]) -> (Client<Recorder, TestRuntime>, Seen) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let config = ClientConfig {
        base_url: "http://tango-sim.local/raas/v2".into(),
        max_retries: 0,
        extra_fields: extra_fields.iter().map(|f| f.to_string()).collect(),
        ..ClientConfig::default()
    };
    let recorder = Recorder {
        seen: Rc::clone(&seen),
    };
    let runtime = TestRuntime::new(tokio::time::Instant::now(), 1);
    (
        Client::new(config.checked().expect("config"), recorder, runtime),
        seen,
    )
}

fn order() -> Value {
    json!({
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
        "utid": "U000001", "amount": 25, "deliveryMethod": "EMAIL",
        "recipient": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
        "loyaltyTier": "gold"
    })
}

fn unknown_paths(error: &Error) -> Vec<String> {
    match error {
        Error::Validation(report) => report
            .issues
            .iter()
            .filter(|issue| issue.code == Code::UnknownField)
            .map(|issue| issue.path.clone())
            .collect(),
        other => panic!("not a validation error: {other}"),
    }
}

#[tokio::test(start_paused = true)]
async fn unknown_members_are_refused_before_sending() {
    let (client, seen) = recording_client(&[]);
    let options = CallOptions::default();
    let refused = client.create_order(&order(), &options).await.unwrap_err();
    assert_eq!(refused.error.kind(), ErrorKind::Validation);
    assert!(!refused.may_have_been_placed);
    assert_eq!(unknown_paths(&refused.error), ["loyaltyTier"]);
    let filter = json!({"orderStatuss": "COMPLETE"});
    let listed = client.list_orders(&filter, &options).await.unwrap_err();
    assert_eq!(unknown_paths(&listed), ["orderStatuss"]);
    let items = client.iterate_line_items(&json!({"lineItemStatus": "COMPLETE"}), &options);
    assert_eq!(unknown_paths(&items.err().unwrap()), ["lineItemStatus"]);
    let update = json!({"notes": "x"});
    let updated = client.update_line_item("RA1-2", &update, &options).await;
    assert_eq!(unknown_paths(&updated.unwrap_err()), ["notes"]);
    assert!(seen.borrow().is_empty(), "nothing was sent");
}

#[tokio::test(start_paused = true)]
async fn extra_fields_of_the_client_or_the_call_are_sent_as_they_are() {
    let (client, seen) = recording_client(&["loyaltyTier"]);
    let _ = client.create_order(&order(), &CallOptions::default()).await;
    let (method, url, body) = seen.borrow()[0].clone();
    assert_eq!((method.as_str(), url.ends_with("/orders")), ("POST", true));
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["loyaltyTier"],
        "gold"
    );

    let (client, seen) = recording_client(&[]);
    let call = CallOptions {
        extra_fields: vec!["newFilter".into()],
        ..CallOptions::default()
    };
    let _ = client
        .list_orders(&json!({"newFilter": "x", "status": "COMPLETE"}), &call)
        .await;
    let (_, url, _) = seen.borrow()[0].clone();
    assert!(url.contains("newFilter=x"), "{url}");
    // Only for that call.
    let again = client
        .list_orders(&json!({"newFilter": "x"}), &CallOptions::default())
        .await;
    assert_eq!(unknown_paths(&again.unwrap_err()), ["newFilter"]);
    assert_eq!(seen.borrow().len(), 1);
}
