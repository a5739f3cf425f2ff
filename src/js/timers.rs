//! Timers for the client: `setTimeout`, bound as the global function every JavaScript environment
//! has (web-sys binds it only on `Window` and `WorkerGlobalScope`, which Node has neither of).

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// A number in browsers, a `Timeout` object in Node: only ever handed back to `clearTimeout`.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Timers cannot be longer than 2^31 - 1 ms (Node and browsers fire a longer one after 1 ms); a
/// longer sleep wakes early, and every caller looks at the clock again.
const LONGEST_TIMER_MS: f64 = 2_147_483_647.0;

fn clamp(ms: u64) -> f64 {
    (ms as f64).min(LONGEST_TIMER_MS)
}

/// A callback after `ms`, cancelled when this is dropped, so no timer outlives its purpose (a
/// pending timer keeps a Node process alive).
pub(super) struct Timeout {
    _clear: ClearOnDrop,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `callback` once after `ms`.
    pub fn new(ms: u64, callback: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let id = set_timeout(callback.as_ref().unchecked_ref(), clamp(ms));
        Timeout {
            _clear: ClearOnDrop(id),
            _callback: callback,
        }
    }
}

/// Waits `ms`; dropping the future before then clears the timer (the wait ended another way: an
/// abort, a queue change).
pub(super) async fn sleep(ms: u64) {
    let mut id = JsValue::UNDEFINED;
    let promise = Promise::new(&mut |resolve, _reject| {
        id = set_timeout(&resolve, clamp(ms));
    });
    let _clear_on_drop = ClearOnDrop(id);
    let _ = JsFuture::from(promise).await;
}

/// A timer's ID, cleared when dropped.
struct ClearOnDrop(JsValue);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        clear_timeout(&self.0);
    }
}
