//! A `limiter` option as the shared limiter's store: each decision is a call of one of its
//! methods (`tango-orders/redis` runs each as a script in Redis); the calls the client does not
//! wait for still have their rejections handled, so that none reaches the process as unhandled.

use super::options::LimiterObject;
use crate::client::{CreateAsk, CreateReport, LimiterStore, LocalFuture, StoreFailed};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// The caller's limiter object as a [`LimiterStore`].
pub(super) struct JsLimiterStore(LimiterObject);

impl JsLimiterStore {
    /// The store over a checked `limiter` option.
    pub fn new(limiter: LimiterObject) -> Self {
        JsLimiterStore(limiter)
    }

    /// Calls method `index` (see `LIMITER_METHODS`) with one object argument.
    fn call(&self, index: usize, argument: &Object) -> Result<JsValue, JsValue> {
        match self.0.methods.get(index) {
            Some(method) => method.call1(&self.0.object, argument),
            None => Err(JsValue::UNDEFINED),
        }
    }

    /// Calls a method whose answer is a number (or a promise of one).
    fn ask(
        &self,
        index: usize,
        argument: &Object,
    ) -> LocalFuture<'static, Result<f64, StoreFailed>> {
        let promise = match self.call(index, argument) {
            Ok(value) => Promise::resolve(&value),
            Err(_) => return Box::pin(std::future::ready(Err(StoreFailed))),
        };
        Box::pin(async move {
            let answer = JsFuture::from(promise).await.map_err(|_| StoreFailed)?;
            answer
                .as_f64()
                .filter(|number| !number.is_nan())
                .ok_or(StoreFailed)
        })
    }

    /// Calls a method without waiting for it; a rejection is handled (and ignored).
    fn tell(&self, index: usize, argument: &Object) {
        if let Ok(value) = self.call(index, argument) {
            let promise = Promise::resolve(&value);
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}

/// A plain object with the given members.
fn object(members: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in members {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}

impl LimiterStore for JsLimiterStore {
    fn timeout_ms(&self) -> u64 {
        self.0.timeout_ms
    }

    fn take_create<'a>(&'a self, ask: CreateAsk<'a>) -> LocalFuture<'a, Result<f64, StoreFailed>> {
        self.ask(
            0,
            &object(&[
                ("account", ask.account.into()),
                ("ticket", ask.ticket.into()),
                ("leads", ask.leads.into()),
                ("intervalMs", ask.interval_ms.into()),
                ("marginMs", ask.margin_ms.into()),
                ("holdMs", ask.hold_ms.into()),
            ]),
        )
    }

    fn report_create(&self, report: CreateReport<'_>) {
        self.tell(
            1,
            &object(&[
                ("account", report.account.into()),
                ("ticket", report.ticket.into()),
                ("nextAfterGoMs", report.next_after_go_ms.into()),
                ("answered", report.answered.into()),
            ]),
        );
    }

    fn leave_create(&self, account: &str, ticket: &str) {
        self.tell(
            2,
            &object(&[("account", account.into()), ("ticket", ticket.into())]),
        );
    }

    fn claim_resend<'a>(
        &'a self,
        account: &'a str,
        key: &'a str,
        claim: &'a str,
    ) -> LocalFuture<'a, Result<f64, StoreFailed>> {
        self.ask(
            3,
            &object(&[
                ("account", account.into()),
                ("key", key.into()),
                ("claim", claim.into()),
            ]),
        )
    }

    fn forget_resend(&self, account: &str, key: &str, claim: &str) {
        self.tell(
            4,
            &object(&[
                ("account", account.into()),
                ("key", key.into()),
                ("claim", claim.into()),
            ]),
        );
    }
}
