//! Timers for the client: `setTimeout`, bound as the global function every JavaScript environment
//! has (web-sys binds it only on `Window` and `WorkerGlobalScope`, which Node has neither of), and
//! [`Flag`], which turns a JavaScript callback into a future that can be dropped at any time.

use js_sys::Function;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;

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

/// Set by a JavaScript callback (a timer, an `abort` event), and the task to wake then.
///
/// Why not a `Promise` and wasm-bindgen-futures' `JsFuture`: a `JsFuture` frees its two callbacks
/// only when its promise settles, and the promise of a timer cleared early (a create's wait ended
/// another way) or of a signal that never fires never does, so each such wait kept two closures
/// and their state for good. Here the callback is a `Closure` owned by the future's side: dropping
/// the future removes the timer or listener and frees the closure at once.
#[derive(Default)]
pub(super) struct Flag {
    set: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Flag {
    /// Sets the flag and wakes the task waiting on it.
    pub fn set(&self) {
        self.set.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }

    /// Whether it is set; if not, `cx`'s task is woken when it is.
    pub fn poll_set(&self, cx: &Context<'_>) -> Poll<()> {
        if self.set.get() {
            return Poll::Ready(());
        }
        let mut waker = self.waker.borrow_mut();
        match waker.as_ref() {
            Some(kept) if kept.will_wake(cx.waker()) => {}
            _ => *waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}

/// Waits `ms`; dropping the future before then clears the timer (the wait ended another way: an
/// abort, a queue change).
pub(super) fn sleep(ms: u64) -> Sleep {
    let flag = Rc::new(Flag::default());
    let timeout = {
        let flag = Rc::clone(&flag);
        Timeout::new(ms, move || flag.set())
    };
    Sleep {
        flag,
        _timeout: timeout,
    }
}

/// The future of [`sleep`].
pub(super) struct Sleep {
    flag: Rc<Flag>,
    _timeout: Timeout,
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.flag.poll_set(cx)
    }
}

/// A timer's ID, cleared when dropped.
struct ClearOnDrop(JsValue);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        clear_timeout(&self.0);
    }
}
