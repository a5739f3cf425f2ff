//! What the client runs on in JavaScript: `fetch` as its transport (one attempt in `fetch.js`),
//! timers, `crypto` and `AbortSignal` as its runtime, and token functions as a token source.

use crate::client::{
    HttpRequest, HttpResponse, LocalFuture, Runtime, Signal, TokenSource, Transport, TransportError,
};
use crate::error::Error;
use crate::model::Sensitive;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/fetch.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchAttempt)]
    fn fetch_attempt(
        fetch: &Function,
        url: &str,
        method: &str,
        headers: Array,
        body: JsValue,
        timeout_ms: f64,
        signal: &JsValue,
    ) -> Promise;
    fn timer(ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = abortPromise)]
    fn abort_promise(signal: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = isAborted)]
    fn is_aborted(signal: &JsValue) -> bool;
    #[wasm_bindgen(js_name = isSignal)]
    pub(super) fn is_signal(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = inBrowser)]
    pub(super) fn in_browser() -> bool;
    #[wasm_bindgen(js_name = randomUnit)]
    fn random_unit() -> f64;
}

/// The signal a [`Signal`] handle holds (an `AbortSignal`), or `undefined`.
fn js_signal(signal: Option<&Signal>) -> JsValue {
    signal
        .and_then(|s| s.downcast_ref::<JsValue>().cloned())
        .unwrap_or(JsValue::UNDEFINED)
}

fn field(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `fetch` as the client's transport.
pub(super) struct FetchTransport {
    /// The fetch function: the global one or the caller's.
    pub fetch: Function,
}

impl Transport for FetchTransport {
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u64,
        signal: Option<&Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        let signal = js_signal(signal);
        Box::pin(async move {
            let headers = Array::new();
            for (name, value) in &request.headers {
                headers.push(&Array::of2(&name.into(), &value.into()));
            }
            let body = request.body.map_or(JsValue::UNDEFINED, JsValue::from);
            let promise = fetch_attempt(
                &self.fetch,
                &request.url,
                request.method,
                headers,
                body,
                timeout_ms as f64,
                &signal,
            );
            let answer = JsFuture::from(promise)
                .await
                .map_err(|_| TransportError::Network("fetch failed".into()))?;
            let text = |key: &str| field(&answer, key).as_string();
            match text("kind").as_deref() {
                Some("response") => {
                    let status = field(&answer, "status").as_f64().unwrap_or(0.0) as u16;
                    let headers = Array::from(&field(&answer, "headers"))
                        .iter()
                        .filter_map(|pair| {
                            let pair = Array::from(&pair);
                            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                        })
                        .collect();
                    Ok(HttpResponse {
                        status,
                        headers,
                        body: text("body").unwrap_or_default(),
                    })
                }
                Some("timeout") => Err(TransportError::Timeout),
                Some("aborted") => Err(TransportError::Aborted {
                    sent: field(&answer, "sent").as_bool() != Some(false),
                }),
                Some("unsent") => Err(TransportError::NotSent("connection refused".into())),
                _ => Err(TransportError::Network("fetch failed".into())),
            }
        })
    }
}

/// A timer cancelled when its future is dropped (the wait ended another way).
struct Timer {
    cancel: JsValue,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(cancel) = self.cancel.dyn_ref::<Function>() {
            let _ = cancel.call0(&JsValue::NULL);
        }
    }
}

/// Timers, `crypto` and `AbortSignal` as the client's runtime.
pub(super) struct JsRuntime;

impl Runtime for JsRuntime {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
    fn sleep(&self, ms: u64) -> LocalFuture<'_, ()> {
        let handle = timer(ms as f64);
        let promise = Promise::from(field(&handle, "promise"));
        let guard = Timer {
            cancel: field(&handle, "cancel"),
        };
        Box::pin(async move {
            let _ = JsFuture::from(promise).await;
            drop(guard);
        })
    }
    fn random(&self) -> f64 {
        random_unit()
    }
    fn is_aborted(&self, signal: &Signal) -> bool {
        is_aborted(&js_signal(Some(signal)))
    }
    fn on_abort<'a>(&'a self, signal: &'a Signal) -> LocalFuture<'a, ()> {
        let promise = abort_promise(&js_signal(Some(signal)));
        Box::pin(async move {
            let _ = JsFuture::from(promise).await;
        })
    }
}

/// A token function: called before every request; may return a string or a promise of one.
pub(super) struct TokenFunction(pub Function);

impl TokenSource for TokenFunction {
    fn token(&self) -> LocalFuture<'_, Result<Sensitive, Error>> {
        Box::pin(async move {
            let bad =
                || Error::config("the token function must return a string (or a promise of one)");
            let value = self.0.call0(&JsValue::NULL).map_err(|_| bad())?;
            let value = if value.is_instance_of::<Promise>() {
                JsFuture::from(Promise::from(value))
                    .await
                    .map_err(|_| bad())?
            } else {
                value
            };
            value.as_string().map(Sensitive::from).ok_or_else(bad)
        })
    }
}
