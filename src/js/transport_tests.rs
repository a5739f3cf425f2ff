//! The fetch transport against tango-sim over real fetch, in Node and in headless Chromium
//! (`make test-wasm-node`, `make test-wasm-browser` start the simulator with its transport test
//! routes and name it in `TANGO_SIM_URL`): an answer read whole, a non-JSON body, a timeout, an
//! abort before and during a request, a refused connection and a header `fetch` refuses.

// Tests (wasm-bindgen-test, which clippy does not see as tests): a failing unwrap is a failing test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::options::in_browser;
use super::timers::Timeout;
use super::transport::FetchTransport;
use crate::client::{HttpRequest, Signal, Transport, TransportError};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn sim_url() -> &'static str {
    match option_env!("TANGO_SIM_URL") {
        Some(url) => url,
        None => panic!("TANGO_SIM_URL is unset: run these through make test-wasm-node or test-wasm-browser, which start tango-sim"),
    }
}

fn transport() -> FetchTransport {
    let fetch = js_sys::Reflect::get(&js_sys::global(), &"fetch".into()).unwrap();
    FetchTransport {
        fetch: fetch.dyn_into().unwrap(),
    }
}

fn get(url: String, headers: Vec<(String, String)>) -> HttpRequest {
    HttpRequest {
        method: "GET",
        path: String::new(),
        url,
        headers,
        body: None,
    }
}

fn demo_auth() -> Vec<(String, String)> {
    // demo-platform:demo-key
    vec![(
        "authorization".into(),
        "Basic ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ==".into(),
    )]
}

#[wasm_bindgen_test]
async fn an_answer_is_read_whole_with_its_headers() {
    let url = format!("{}/raas/v2/lineItems/reasonCodes", sim_url());
    let response = transport()
        .send(get(url, demo_auth()), 10_000, None)
        .await
        .unwrap();
    assert_eq!(response.status, 200);
    assert!(response
        .header("x-request-id")
        .is_some_and(|id| !id.is_empty()));
    let body: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert!(body.get("CANCEL").is_some(), "{}", response.body);
}

#[wasm_bindgen_test]
async fn a_post_carries_its_body_and_headers() {
    let request = HttpRequest {
        method: "POST",
        path: String::new(),
        url: format!("{}/raas/v2/orders", sim_url()),
        headers: [
            demo_auth(),
            vec![("content-type".into(), "application/json".into())],
        ]
        .concat(),
        body: Some(r#"{"customerIdentifier":"demo-customer"}"#.into()),
    };
    let response = transport().send(request, 10_000, None).await.unwrap();
    // The simulator read the JSON body and refused the order field by field.
    assert_eq!(response.status, 400, "{}", response.body);
    assert!(response.body.contains("utid"), "{}", response.body);
}

#[wasm_bindgen_test]
async fn a_body_that_is_not_json_is_handed_on_as_text() {
    let url = format!("{}/__transport/html", sim_url());
    let response = transport()
        .send(get(url, vec![]), 10_000, None)
        .await
        .unwrap();
    assert_eq!(response.status, 502);
    assert!(response.body.starts_with("<html>"), "{}", response.body);
    assert_eq!(response.header("content-type"), Some("text/html"));
}

#[wasm_bindgen_test]
async fn an_attempt_longer_than_its_timeout_times_out() {
    let url = format!("{}/__transport/slow", sim_url());
    let started = js_sys::Date::now();
    let error = transport()
        .send(get(url, vec![]), 200, None)
        .await
        .unwrap_err();
    assert_eq!(error, TransportError::Timeout);
    let elapsed = js_sys::Date::now() - started;
    assert!(elapsed < 2_500.0, "the timeout waited {elapsed} ms");
}

#[wasm_bindgen_test]
async fn an_abort_mid_request_ends_it_as_possibly_sent() {
    let controller = web_sys::AbortController::new().unwrap();
    let signal: Signal = Rc::new(JsValue::from(controller.signal()));
    let _abort_soon = {
        let controller = controller.clone();
        Timeout::new(150, move || controller.abort())
    };
    let url = format!("{}/__transport/slow", sim_url());
    let started = js_sys::Date::now();
    let error = transport()
        .send(get(url, vec![]), 10_000, Some(&signal))
        .await
        .unwrap_err();
    assert_eq!(error, TransportError::Aborted { sent: true });
    assert!(js_sys::Date::now() - started < 2_500.0);
}

#[wasm_bindgen_test]
async fn an_aborted_signal_sends_nothing() {
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let signal: Signal = Rc::new(JsValue::from(controller.signal()));
    let url = format!("{}/raas/v2/lineItems/reasonCodes", sim_url());
    let error = transport()
        .send(get(url, demo_auth()), 10_000, Some(&signal))
        .await
        .unwrap_err();
    assert_eq!(error, TransportError::Aborted { sent: false });
}

#[wasm_bindgen_test]
async fn a_refused_connection_is_a_network_error() {
    // Nothing listens on this port in the test run (fetch refuses low "bad ports" such as 9
    // before any connection, with no error code, which would test something else).
    let error = transport()
        .send(
            get("http://127.0.0.1:47099/raas/v2/orders".into(), vec![]),
            5_000,
            None,
        )
        .await
        .unwrap_err();
    if in_browser() {
        // Browsers say only "Failed to fetch": whether it was sent cannot be known.
        assert!(matches!(error, TransportError::Network(_)), "{error:?}");
    } else {
        // Node names ECONNREFUSED: nothing left.
        assert!(matches!(error, TransportError::NotSent(_)), "{error:?}");
    }
}

#[wasm_bindgen_test]
async fn a_header_fetch_refuses_is_never_sent() {
    let url = format!("{}/raas/v2/orders", sim_url());
    let headers = vec![("authorization".into(), "Bearer a\nb".into())];
    let error = transport()
        .send(get(url, headers), 5_000, None)
        .await
        .unwrap_err();
    assert!(matches!(error, TransportError::NotSent(_)), "{error:?}");
}

#[wasm_bindgen_test]
async fn a_fetch_answering_a_plain_object_is_read_too() {
    // A test double typed as FetchLike: { status, headers.forEach, text() }, not a Response.
    let double = js_sys::Function::new_no_args(
        "return Promise.resolve({ status: 201, headers: { forEach(f) { f('7', 'x-request-id'); } }, text: () => Promise.resolve('{}') });",
    );
    let response = FetchTransport { fetch: double }
        .send(
            get("http://tango.test/raas/v2/orders".into(), vec![]),
            5_000,
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        (response.status, response.header("x-request-id")),
        (201, Some("7"))
    );
}

#[wasm_bindgen_test]
async fn an_odd_answer_fails_the_attempt_instead_of_throwing_through_the_wasm() {
    for body in [
        "return Promise.resolve(undefined);",
        "return Promise.resolve({ get status() { throw new Error('boom'); } });",
        "return Promise.resolve({ status: 200, headers: {}, text: () => '' });",
        "return Promise.resolve({ status: 200, headers: { forEach() {} }, text: 'not a function' });",
        "return Promise.resolve({ status: 200, headers: { forEach() { throw new Error('boom'); } }, text: () => '' });",
        "return Promise.resolve({ status: 200, headers: { forEach() {} }, text: () => Promise.reject(new Error('boom')) });",
        "throw new Error('a fetch that throws at once');",
    ] {
        let double = js_sys::Function::new_no_args(body);
        let error = FetchTransport { fetch: double }
            .send(get("http://tango.test/raas/v2/orders".into(), vec![]), 5_000, None)
            .await
            .unwrap_err();
        assert_eq!(error, TransportError::Network("fetch failed".into()), "{body}");
    }
    // The module is still whole: a good answer after them is read.
    an_answer_is_read_whole_with_its_headers().await;
}
