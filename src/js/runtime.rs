//! What the client runs on in JavaScript besides `fetch` (`transport.rs`): the clock, timers
//! (`timers.rs`), `crypto` for jitter, the caller's `AbortSignal`, and token functions.

use super::timers::Flag;
use crate::client::{LocalFuture, Runtime, Signal, TokenSource};
use crate::error::Error;
use crate::model::Sensitive;
use js_sys::{Function, Promise, Reflect};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// The caller's signal that a [`Signal`] handle holds, as the `AbortSignal` it was checked to look
/// like (see `options::is_signal`); typed calls reach its members by name, so a look-alike works too.
pub(super) fn abort_signal(signal: Option<&Signal>) -> Option<AbortSignal> {
    signal
        .and_then(|s| s.downcast_ref::<JsValue>())
        .map(|value| value.clone().unchecked_into())
}

/// Whether the caller's signal has fired, read through a call that catches: it was checked to look
/// like an `AbortSignal` when the call began, but a look-alike's getter could throw later, and a
/// typed read would throw through the wasm.
pub(super) fn has_fired(signal: &AbortSignal) -> bool {
    Reflect::get(signal, &"aborted".into()).is_ok_and(|aborted| aborted.as_bool() == Some(true))
}

/// A uniform number in [0, 1) from `crypto.getRandomValues`, or `Math.random` without it.
fn random_unit() -> f64 {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).unwrap_or(JsValue::UNDEFINED);
    if crypto.is_object() {
        let crypto: web_sys::Crypto = crypto.unchecked_into();
        let mut bytes = [0u8; 8];
        if crypto.get_random_values_with_u8_array(&mut bytes).is_ok() {
            return (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64;
        }
    }
    js_sys::Math::random()
}

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: a monotonic clock with sub-millisecond readings in browsers, Node,
    /// Deno, Bun and workers (`Date.now` counts whole milliseconds).
    #[wasm_bindgen(catch, js_namespace = performance, js_name = now)]
    fn performance_now() -> Result<f64, JsValue>;
}

/// The clock, timers, `crypto` and `AbortSignal` as the client's runtime.
pub(super) struct JsRuntime;

impl Runtime for JsRuntime {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
    fn precise_ms(&self) -> f64 {
        // `Date.now()` where there is no `performance`.
        performance_now().unwrap_or_else(|_| js_sys::Date::now())
    }
    fn sleep(&self, ms: u64) -> LocalFuture<'_, ()> {
        Box::pin(super::timers::sleep(ms))
    }
    fn random(&self) -> f64 {
        random_unit()
    }
    fn is_aborted(&self, signal: &Signal) -> bool {
        abort_signal(Some(signal)).is_some_and(|signal| has_fired(&signal))
    }
    fn on_abort<'a>(&'a self, signal: &'a Signal) -> LocalFuture<'a, ()> {
        match abort_signal(Some(signal)) {
            Some(signal) => Box::pin(AbortListener::new(signal)),
            None => Box::pin(std::future::pending()),
        }
    }
}

/// An `abort` listener on a signal, removed and freed when this is dropped, so that a long-lived
/// signal does not collect one per wait or attempt.
pub(super) struct OnAbort {
    signal: AbortSignal,
    listener: Closure<dyn FnMut()>,
}

impl OnAbort {
    /// Calls `callback` when `signal` fires, until dropped.
    pub fn new(signal: AbortSignal, callback: impl FnMut() + 'static) -> Self {
        let listener = Closure::<dyn FnMut()>::new(callback);
        let _ = signal.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        OnAbort { signal, listener }
    }
}

impl Drop for OnAbort {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.listener.as_ref().unchecked_ref());
    }
}

/// Resolves when the signal fires (see [`Flag`] for why not a promise).
struct AbortListener {
    flag: Rc<Flag>,
    on_abort: OnAbort,
}

impl AbortListener {
    fn new(signal: AbortSignal) -> Self {
        let flag = Rc::new(Flag::default());
        let on_abort = {
            let flag = Rc::clone(&flag);
            OnAbort::new(signal, move || flag.set())
        };
        AbortListener { flag, on_abort }
    }
}

impl Future for AbortListener {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Fired before the listener was added (or a look-alike that never calls it): seen here.
        if has_fired(&self.on_abort.signal) {
            return Poll::Ready(());
        }
        self.flag.poll_set(cx)
    }
}

/// The token source of a token function given in the options.
pub(super) fn token_function(function: Function) -> std::rc::Rc<dyn TokenSource> {
    std::rc::Rc::new(TokenFunction(function))
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
