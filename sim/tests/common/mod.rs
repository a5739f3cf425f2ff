//! Helpers for the simulator's tests: requests with the demo credentials, and valid orders.

#![allow(dead_code)]

pub mod in_process;

use serde_json::{json, Value};
use tango_sim::{Request, Response, SimOptions, Simulator};

/// `Basic` auth for demo-platform:demo-key.
pub const AUTH: &str = "Basic ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ==";

/// A simulator with a virtual clock and seed 7.
pub fn simulator() -> Simulator {
    Simulator::new(SimOptions {
        seed: 7,
        ..SimOptions::default()
    })
}

/// Sends `method path` with the demo credentials and an optional JSON body.
pub fn send(sim: &mut Simulator, method: &str, path: &str, body: Option<Value>) -> Response {
    let headers = vec![("Authorization".to_string(), AUTH.to_string())];
    let body = body
        .map(|b| serde_json::to_vec(&b).unwrap())
        .unwrap_or_default();
    sim.handle(&Request::new(
        method,
        &format!("/raas/v2{path}"),
        headers,
        body,
    ))
}

/// A valid digital order for `utid`, delivered by email.
pub fn email_order(utid: &str, amount: f64) -> Value {
    json!({
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": utid,
        "amount": amount, "deliveryMethod": "EMAIL",
        "recipient": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}
    })
}

/// A valid physical order (U000002), mailed to a US address.
pub fn physical_order() -> Value {
    json!({
        "customerIdentifier": "demo-customer", "accountIdentifier": "demo-account", "utid": "U000002",
        "amount": 50, "deliveryMethod": "ADDRESS",
        "recipient": {"firstName": "Ada", "lastName": "Lovelace",
            "address": {"streetLine1": "12 Main St", "city": "Springfield", "stateOrProvince": "IL",
                        "postalCode": "62701", "country": "US"}}
    })
}

/// Places an order (advancing the clock past the 1 s limit first) and returns the response.
pub fn place(sim: &mut Simulator, order: Value) -> Response {
    sim.advance(1_000);
    send(sim, "POST", "/orders", Some(order))
}

/// Places an order that must succeed and returns its body.
pub fn placed(sim: &mut Simulator, order: Value) -> Value {
    let response = place(sim, order);
    assert_eq!(
        response.status,
        201,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    response.json_body()
}
