//! Hostile IDs and filter values: the client either refuses them before sending, or encodes them so
//! the simulator, recording the raw path and query it received, sees exactly the intended route and
//! parameters — no traversal, no extra parameter, no header or fragment smuggled in.

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
use tango_orders::error::ErrorKind;
use tango_sim::Request;

mod common;
use common::in_process::TestRuntime;

const HOSTILE: [&str; 16] = [
    "../",
    "..%2f",
    "%2e%2e%2f",
    "a/../../admin",
    "x?y=1",
    "x#frag",
    "a&page=9",
    "k=v",
    "line\r\nHost: evil",
    "nul\0byte",
    "\u{202e}reversed",
    "ＲＡ１２３",
    "rа123-cyrillic-a",
    "😀",
    "%00",
    "a+b c",
];

struct Recorder {
    seen: Rc<RefCell<Vec<Request>>>,
}
impl Transport for Recorder {
    fn send(
        &self,
        request: HttpRequest,
        _timeout_ms: u64,
        _signal: Option<&Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        // Exactly what tango-sim's HTTP front end does with the request line.
        let raw = Request::new(request.method, &request.url, request.headers, vec![]);
        self.seen.borrow_mut().push(raw);
        Box::pin(async {
            Ok(HttpResponse {
                status: 200,
                headers: vec![],
                body: "{}".into(),
            })
        })
    }
}

fn client() -> (Client<Recorder, TestRuntime>, Rc<RefCell<Vec<Request>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let config = ClientConfig {
        base_url: "http://tango-sim.local/raas/v2".into(),
        ..ClientConfig::default()
    };
    let client = Client::new(
        config.checked().expect("config"),
        Recorder {
            seen: Rc::clone(&seen),
        },
        TestRuntime::new(tokio::time::Instant::now(), 1),
    );
    (client, seen)
}

fn decode_query(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

#[tokio::test]
async fn hostile_ids_are_refused_before_sending_and_plain_ones_are_one_segment() {
    let (client, seen) = client();
    let options = CallOptions::default();
    for id in HOSTILE
        .iter()
        .copied()
        .chain([&*"A".repeat(10_000), "", " "])
    {
        for error in [
            client.get_order(id, &options).await.err(),
            client.get_line_item(id, &options).await.err(),
            client.resend_order(id, &json!({}), &options).await.err(),
        ] {
            assert_eq!(
                error.map(|e| e.kind()),
                Some(ErrorKind::Validation),
                "{id:?}"
            );
        }
    }
    assert!(seen.borrow().is_empty(), "a hostile ID was sent");
    let _ = client.get_order("RA260101-0001-01", &options).await;
    let _ = client
        .resend_order("RA260101-0001-01", &json!({}), &options)
        .await;
    let paths: Vec<String> = seen.borrow().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "/raas/v2/orders/RA260101-0001-01",
            "/raas/v2/orders/RA260101-0001-01/resends"
        ]
    );
}

#[tokio::test]
async fn hostile_filter_values_arrive_as_exactly_the_intended_parameters() {
    let (client, seen) = client();
    let options = CallOptions::default();
    let mut sent = 0;
    for value in HOSTILE {
        // Free-text filters (partial matches are allowed, so only the length is checked).
        let filter = json!({"recipientEmail": value, "rewardName": value, "page": 0});
        match client.list_orders(&filter, &options).await {
            Err(error) => assert_eq!(error.kind(), ErrorKind::Validation, "{value:?}"),
            Ok(_) => {
                sent += 1;
                let request = seen.borrow().last().cloned().expect("a request");
                assert_eq!(request.path, "/raas/v2/orders", "{value:?}");
                let mut params = decode_query(&request.query);
                params.sort();
                let mut expected: Vec<(String, String)> = filter
                    .as_object()
                    .expect("object")
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                        )
                    })
                    .collect();
                expected.sort();
                assert_eq!(params, expected, "{value:?}");
                assert!(
                    !request.query.contains(['\r', '\n', '#', '\0', ' ']),
                    "{:?}",
                    request.query
                );
            }
        }
    }
    assert!(sent >= 12, "only {sent} hostile values were sent at all");
    // An array filter repeats its key; its values stay apart.
    let filter: Value = json!({"status": ["COMPLETE", "a&status=FAILED"]});
    if client.list_orders(&filter, &options).await.is_ok() {
        let query = seen.borrow().last().cloned().expect("a request").query;
        let statuses: Vec<String> = decode_query(&query).into_iter().map(|(_, v)| v).collect();
        assert_eq!(statuses, ["COMPLETE", "a&status=FAILED"]);
    }
}
