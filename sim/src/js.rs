//! The simulator in JavaScript (`tango-orders/sim`): a handle function the package's `fetch` shim
//! calls, and the controls tests and demos need. No logic: it converts and calls the core.

use crate::faults::Faults;
use crate::http::Request;
use crate::simulator::{SimOptions, Simulator};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

fn read_json<T: serde::de::DeserializeOwned + Default>(value: &JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let text = js_sys::JSON::stringify(value)?
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).map_err(|_| {
        JsValue::from(js_sys::TypeError::new(
            "tango-sim: the options are not valid",
        ))
    })
}

/// A simulated Tango. Use it through `createSimulator()` from `tango-orders/sim`.
#[wasm_bindgen]
pub struct SimulatorHandle {
    inner: Simulator,
    /// Deliveries handed to JavaScript and not yet reported, by token.
    in_flight: std::collections::HashMap<u32, crate::webhooks::Delivery>,
    next_token: u32,
}

#[wasm_bindgen]
impl SimulatorHandle {
    /// `options`: `{ seed?, faults?, virtualClock? }`. JavaScript defaults to the real clock.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<SimulatorHandle, JsValue> {
        let virtual_clock = Reflect::get(&options, &"virtualClock".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let mut options: SimOptions = read_json(&options)?;
        options.virtual_clock = virtual_clock;
        Ok(SimulatorHandle {
            inner: Simulator::new(options),
            in_flight: std::collections::HashMap::new(),
            next_token: 0,
        })
    }

    /// Answers one request: `{ status, headers: [name, value][], body: Uint8Array, delayMs, dropped }`.
    pub fn handle(
        &mut self,
        method: String,
        url: String,
        headers: Array,
        body: Vec<u8>,
    ) -> Result<JsValue, JsValue> {
        let headers = headers
            .iter()
            .filter_map(|pair| {
                let pair = Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect();
        let response = self
            .inner
            .handle(&Request::new(&method, &url, headers, body));
        let out = Object::new();
        let header_list = Array::new();
        for (name, value) in &response.headers {
            header_list.push(&Array::of2(&name.into(), &value.into()));
        }
        Reflect::set(&out, &"status".into(), &response.status.into())?;
        Reflect::set(&out, &"headers".into(), &header_list)?;
        Reflect::set(
            &out,
            &"body".into(),
            &Uint8Array::from(response.body.as_slice()),
        )?;
        Reflect::set(&out, &"delayMs".into(), &(response.delay_ms as f64).into())?;
        Reflect::set(&out, &"dropped".into(), &response.dropped.into())?;
        Ok(out.into())
    }

    /// Moves simulated time forward: pending rewards complete, the 1 s and 30 s limits expire.
    #[wasm_bindgen(js_name = advanceTime)]
    pub fn advance_time(&mut self, ms: f64) {
        self.inner.advance(ms as i64);
    }

    /// The simulated time, in epoch milliseconds.
    #[wasm_bindgen(js_name = nowMs)]
    pub fn now_ms(&self) -> f64 {
        self.inner.now_ms() as f64
    }

    /// How many orders exist.
    #[wasm_bindgen(js_name = orderCount)]
    pub fn order_count(&self) -> usize {
        self.inner.order_count()
    }

    /// An account's balance in cents (`undefined` for an unknown account).
    #[wasm_bindgen(js_name = balanceCents)]
    pub fn balance_cents(&self, account: &str) -> Option<f64> {
        self.inner.balance_cents(account).map(|c| c as f64)
    }

    /// Replaces the faults to inject: `{ latencyMs, serverErrorRate, rateLimitBurstRate,
    /// rateLimitBurstLength, dropAfterCommitRate }`.
    #[wasm_bindgen(js_name = setFaults)]
    pub fn set_faults(&mut self, faults: JsValue) -> Result<(), JsValue> {
        let faults: Faults = read_json(&faults)?;
        self.inner.set_faults(faults);
        Ok(())
    }

    /// Adds `count` past $1.00 orders, one every `spacingMs`, for paging demos and tests.
    #[wasm_bindgen(js_name = seedOrders)]
    pub fn seed_orders(&mut self, count: usize, spacing_ms: f64) {
        self.inner.seed_orders(count, spacing_ms as i64);
    }

    /// The webhook deliveries due now, each `{ token, url, headers: [name, value][], body:
    /// Uint8Array, attempt }`: POST it, then report it with `deliveryDone(token, answeredOk)`.
    #[wasm_bindgen(js_name = takeDeliveries)]
    pub fn take_deliveries(&mut self) -> Result<Array, JsValue> {
        let out = Array::new();
        for delivery in self.inner.take_deliveries() {
            let token = self.next_token;
            self.next_token = self.next_token.wrapping_add(1);
            let item = Object::new();
            let headers = Array::new();
            for (name, value) in &delivery.headers {
                headers.push(&Array::of2(&name.into(), &value.into()));
            }
            Reflect::set(&item, &"token".into(), &token.into())?;
            Reflect::set(&item, &"url".into(), &delivery.url.as_str().into())?;
            Reflect::set(&item, &"headers".into(), &headers)?;
            let body = Uint8Array::from(delivery.body.as_slice());
            Reflect::set(&item, &"body".into(), &body)?;
            Reflect::set(&item, &"attempt".into(), &delivery.attempt.into())?;
            self.in_flight.insert(token, delivery);
            out.push(&item);
        }
        Ok(out)
    }

    /// Reports a delivery: answered 200 (done), or not (retried with backoff, then given up).
    #[wasm_bindgen(js_name = deliveryDone)]
    pub fn delivery_done(&mut self, token: u32, answered_ok: bool) {
        if let Some(delivery) = self.in_flight.remove(&token) {
            if !answered_ok {
                self.inner.delivery_failed(delivery);
            }
        }
    }

    /// When the next queued delivery is due (simulated epoch ms), if one is queued.
    #[wasm_bindgen(js_name = nextDeliveryDueMs)]
    pub fn next_delivery_due_ms(&self) -> Option<f64> {
        self.inner.next_delivery_due_ms().map(|ms| ms as f64)
    }
}
