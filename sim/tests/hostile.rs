//! Bad requests never crash the simulator: each gets a Tango-shaped 4xx.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use serde_json::json;
use tango_sim::Request;

fn raw(method: &str, url: &str, body: Vec<u8>) -> tango_sim::Response {
    let mut sim = simulator();
    sim.advance(1_000);
    let headers = vec![("authorization".to_string(), AUTH.to_string())];
    sim.handle(&Request::new(method, url, headers, body))
}

fn assert_tango_4xx(response: &tango_sim::Response, status: u16) {
    assert_eq!(
        response.status,
        status,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    let body = response.json_body();
    assert_eq!(body["httpCode"], status);
    assert!(
        body["requestId"].is_string()
            && body["timestamp"].is_string()
            && body["message"].is_string()
    );
}

#[test]
fn malformed_json_is_400() {
    for body in [
        &b"{"[..],
        b"not json",
        b"\xff\xfe\x00",
        b"",
        b"[1,2",
        b"{\"amount\": 1e999999}",
    ] {
        assert_tango_4xx(&raw("POST", "/raas/v2/orders", body.to_vec()), 400);
    }
    assert_tango_4xx(
        &raw("POST", "/raas/v2/lineItems/X1/cancel", b"{".to_vec()),
        404,
    );
}

#[test]
fn wrong_types_are_400_with_the_fields_named() {
    let body = json!({"customerIdentifier": 5, "accountIdentifier": ["a"], "utid": {}, "amount": "10",
                      "deliveryMethod": true, "recipient": "Ada"});
    let response = raw(
        "POST",
        "/raas/v2/orders",
        serde_json::to_vec(&body).unwrap(),
    );
    assert_tango_4xx(&response, 400);
    assert!(response.json_body()["errors"].as_array().unwrap().len() >= 5);
    for body in [json!([]), json!(null), json!("order"), json!(12)] {
        assert_tango_4xx(
            &raw(
                "POST",
                "/raas/v2/orders",
                serde_json::to_vec(&body).unwrap(),
            ),
            400,
        );
    }
}

#[test]
fn a_10_mb_body_is_413() {
    let body = vec![b'a'; 10 << 20];
    assert_tango_4xx(&raw("POST", "/raas/v2/orders", body), 413);
}

#[test]
fn unknown_paths_and_methods_are_404_and_405() {
    for url in [
        "/raas/v2/nothing",
        "/raas/v2/orders/RA1/nothing",
        "/raas/v2/",
        "/raas/v3/orders",
        "/orders",
        "/",
        "",
    ] {
        let response = raw("GET", url, vec![]);
        assert_tango_4xx(&response, 404);
    }
    for (method, url) in [
        ("DELETE", "/raas/v2/orders"),
        ("PUT", "/raas/v2/orders/RA1"),
        ("PATCH", "/raas/v2/lineItems"),
        ("GET", "/raas/v2/lineItems/X/cancel"),
        ("BREW", "/raas/v2/orders"),
    ] {
        assert_tango_4xx(&raw(method, url, vec![]), 405);
    }
}

#[test]
fn odd_encodings_in_path_segments_never_reach_another_route() {
    let mut sim = simulator();
    let order = placed(&mut sim, email_order("U000001", 10.0));
    let id = order["referenceOrderID"].as_str().unwrap().to_owned();
    for suffix in [
        "%2e%2e%2f",
        "..%2F..%2Forders",
        "%00",
        "%ZZ",
        "%C0%AF",
        "%E2%80%AE",
        "%0D%0AX-Injected:%201",
    ] {
        let url = format!("/raas/v2/orders/{suffix}");
        let response = send(&mut sim, "GET", &url["/raas/v2".len()..], None);
        assert!(
            matches!(response.status, 404 | 405),
            "{url}: {}",
            response.status
        );
        assert!(response
            .headers
            .iter()
            .all(|(k, _)| !k.contains("Injected")));
    }
    // An encoded slash inside the ID is part of the ID, not a new segment.
    let response = send(&mut sim, "GET", &format!("/orders/{id}%2Fresends"), None);
    assert_tango_4xx(&response, 404);
    // The real ID, encoded, is still found.
    let encoded = id.replace('-', "%2D");
    assert_eq!(
        send(&mut sim, "GET", &format!("/orders/{encoded}"), None).status,
        200
    );
}

#[test]
fn odd_query_strings_are_400_or_ignored() {
    let mut sim = simulator();
    for query in [
        "page=abc",
        "elementsPerBlock=0",
        "startDate=%FF",
        "minAmount=NaN&maxAmount=1",
        "orderStatus=%00",
        "page",
    ] {
        let response = send(&mut sim, "GET", &format!("/orders?{query}"), None);
        assert_tango_4xx(&response, 400);
    }
    for query in ["unknown=1", "&&&", "=x"] {
        assert_eq!(
            send(&mut sim, "GET", &format!("/orders?{query}"), None).status,
            200,
            "{query}"
        );
    }
}
