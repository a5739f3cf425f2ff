//! `TangoClient` for JavaScript: the Rust client over `fetch` (`transport.rs`) and timers
//! (`runtime.rs`). Each export converts its arguments (`options.rs`, `convert.rs`), calls the core
//! through one helper (`TangoClient::call`), and converts the result or error (`error.rs`).

use super::convert::{json_for_validation, json_from_js, string_from_js, to_js};
use super::limiter::JsLimiterStore;
use super::options::{call_options, config_from_js, get, wait_options, ClientFromJs};
use super::runtime::JsRuntime;
use super::transport::FetchTransport;
use crate::client::{
    CallOptions, Client, CreateOrderError, Endpoint, LineItemActionKind, LineItemPager,
    LocalFuture, OrderPager, RawLineItemPage, RawOrderPage, SharedLimiter,
};
use crate::error::Error;
use crate::validate;
use js_sys::{Object, Promise, Reflect};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TS: &'static str = r#"
/** The part of a fetch Request the client's requests have, for environments whose types declare
 * none. */
export interface FetchRequestLike {
  readonly url: string;
  readonly method: string;
  readonly headers: { get(name: string): string | null; forEach(callback: (value: string, name: string) => void): void };
  readonly signal: AbortSignalType;
  text(): Promise<string>;
}

/** What the client passes to fetch on every attempt, as its only argument: a Request (the
 * environment's own type where its types declare one). */
export type FetchRequest = typeof globalThis extends { Request: { prototype: infer R } } ? R : FetchRequestLike;

/** The part of a fetch Response the client reads. */
export interface FetchResponse {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
}

/** A fetch function: the global fetch, undici's, tango-orders/sim's, a proxy's or a test double.
 * The client calls it with one argument, `fetch(request)`. */
export type FetchLike = (request: FetchRequest) => Promise<FetchResponse>;

/** Settings of a TangoClient: the generated ClientSettings and the two settings that are
 * functions (written here by hand: tsify cannot express a function type). */
export interface TangoClientOptions extends ClientSettings {
  /** The fetch to use (default: the global fetch), e.g. tango-orders/sim's. */
  fetch?: FetchLike;
  /** Called once per attempt (`type: "request"`: method, path, status, requestId, attempt and
   * duration only), and when a shared limiter's store stops answering or answers again
   * (`type: "limiter"`). */
  logger?: (event: LogEvent) => void;
  /** Keeps Tango's limits (1 create per second, 1 resend per reward per 30 s) together with every
   * other client that uses the same store: `createRedisLimiter(redis)` from `tango-orders/redis`.
   * Default: this client's own queue and resend guard. */
  limiter?: TangoLimiter;
}

/** A create asking a shared limiter's store whether it may be sent now (its first ask queues it). */
export interface LimiterCreateAsk {
  /** The limit the creates share: the platform name, or "default" with a bearer token. */
  account: string;
  /** The create's place: random, unique across processes. */
  ticket: string;
  /** Its process has had no create answered lately (its request may be slow on the way). */
  leads: boolean;
  /** One interval between creates, ms. */
  intervalMs: number;
  /** The margin after each create while it has not answered, ms. */
  marginMs: number;
  /** How long an unanswered leader may hold the next create, ms from its start. */
  holdMs: number;
}

/** What a started create tells the store: the next start, counted from its own. */
export interface LimiterCreateReport {
  account: string;
  ticket: string;
  nextAfterGoMs: number;
  /** True once it has its answer; false when only its request's late departure is reported. */
  answered: boolean;
}

/** A resend's claim on its order or line item (`key`: "order:<id>" or "lineItem:<id>"). */
export interface LimiterResendClaim {
  account: string;
  key: string;
  /** Random: only this claim can end itself early. */
  claim: string;
}

/** The store a client shares Tango's limits through: each method one atomic decision, timed by the
 * store's own clock. `createRedisLimiter` (tango-orders/redis) implements it on Redis. The client
 * waits at most `storeTimeoutMs` (default 1000) for `takeCreate` and `claimResend`, then keeps the
 * limits alone, tells the logger once, and asks the store again every 2 s. */
export interface TangoLimiter {
  /** How long to wait for the store before deciding alone, 1 to 60000 ms (default 1000). */
  readonly storeTimeoutMs?: number;
  /** Resolves to 0 (or less) when the create may be sent now, else to the ms to wait before
   * asking again. */
  takeCreate(ask: LimiterCreateAsk): Promise<number> | number;
  /** Not waited for. */
  reportCreate(report: LimiterCreateReport): unknown;
  /** An aborted create leaves the queue. Not waited for. */
  leaveCreate(place: { account: string; ticket: string }): unknown;
  /** Resolves to 0 (or less) when the resend is claimed for 30 s, else to the ms until it may be. */
  claimResend(claim: LimiterResendClaim): Promise<number> | number;
  /** Ends the claim if it is still this one (the resend was refused before Tango acted). Not waited
   * for. */
  forgetResend(claim: LimiterResendClaim): unknown;
}

/** Per-call settings: the generated CallSettings and the signal (written here by hand: its type
 * is the environment's own AbortSignal, which tsify cannot name). */
export interface CallOptions extends CallSettings {
  /** Ends the call at once wherever it waits (create queue, backoff, token, request): it rejects
   * with a TangoError of kind "aborted" (name "AbortError", cause the signal's reason). */
  signal?: AbortSignalType;
}

/** Options of waitForOrder: the generated WaitSettings (timeoutMs, the whole wait), the signal
 * and onStatus (written here by hand: tsify cannot express a function type). */
export interface WaitOptions extends WaitSettings {
  /** Ends the wait at once, between reads or in one: it rejects with a TangoError of kind
   * "aborted" (name "AbortError", cause the signal's reason). */
  signal?: AbortSignalType;
  /** Called with the order at the first read and at each read whose status differs from the
   * one before (an exception it throws is ignored: it cannot end the wait). */
  onStatus?: (order: Order) => void;
}

export interface OrderIterator {
  [Symbol.asyncIterator](): AsyncIterator<Order>;
}

export interface LineItemIterator {
  [Symbol.asyncIterator](): AsyncIterator<LineItem>;
}
"#;

/// The error to throw: a TangoError; for an abort its `cause` is the signal's reason and its name
/// `AbortError`, as code that checks `error.name === "AbortError"` expects.
fn rejection(error: Error, signal: &JsValue) -> JsValue {
    let aborted = matches!(error, Error::Aborted);
    let js_error = super::error::to_js_error(error);
    if aborted {
        super::error::mark_aborted(&js_error, &get(signal, "reason"));
    }
    js_error
}

/// A create's answer for the JavaScript that decodes it: `{ body, created, externalRefID }`.
fn created(answer: crate::client::CreatedBody) -> JsValue {
    let out = Object::new();
    let _ = Reflect::set(&out, &"body".into(), &answer.body.into());
    let _ = Reflect::set(&out, &"created".into(), &answer.created.into());
    let _ = Reflect::set(
        &out,
        &"externalRefID".into(),
        &answer.external_ref_id.into(),
    );
    out.into()
}

/// A create's error: the TangoError with `externalRefID` and `mayHaveBeenPlaced`.
fn create_rejection(error: CreateOrderError, signal: &JsValue) -> JsValue {
    let js_error = super::error::create_error_to_js(&error);
    if matches!(error.error, Error::Aborted) {
        super::error::mark_aborted(&js_error, &get(signal, "reason"));
    }
    js_error
}

pub(super) type JsClient = Client<FetchTransport, JsRuntime>;
/// The pagers of the JavaScript iterators: each item left as JSON for client-wrap.js to decode.
type JsOrderPager = OrderPager<Rc<JsClient>, RawOrderPage>;
type JsLineItemPager = LineItemPager<Rc<JsClient>, RawLineItemPage>;

/// The Tango client: every endpoint, with validation first, idempotent retries, the 1-per-second
/// create queue, the 30 s resend guard, paging past 10,000 results and typed errors.
#[wasm_bindgen]
pub struct TangoClient {
    pub(super) inner: Rc<JsClient>,
}

/// The promise of an export's work. Boxed, so that `future_to_promise` is compiled once rather
/// than once per export's future type.
pub(super) fn promise(work: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>) -> Promise {
    future_to_promise(work)
}

/// A response body for the client module's JavaScript to decode (pkg-template/client-wrap.js):
/// decode.js builds the same objects as the Rust decoders, for far fewer bytes of wasm.
pub(super) fn text(body: String) -> JsValue {
    JsValue::from(body)
}

/// The result of an export's call that resolves to nothing.
fn nothing(_: ()) -> JsValue {
    JsValue::UNDEFINED
}

impl TangoClient {
    /// Every async export in one shape (convert, call, convert): reads the call options, lets
    /// `start` convert the arguments and return the work, and runs it as a promise. A failure at
    /// any step rejects the promise with a TangoError: callers of an async API handle failures
    /// with `await`/`.catch`, and a synchronous throw would escape a `.catch()` chain.
    pub(super) fn call<Work>(
        &self,
        options: &JsValue,
        start: impl FnOnce(Rc<JsClient>, CallOptions) -> Result<Work, Error>,
    ) -> Promise
    where
        Work: Future<Output = Result<JsValue, Error>> + 'static,
    {
        let (options, signal) = match call_options(options) {
            Ok(read) => read,
            Err(error) => return Promise::reject(&rejection(error, &JsValue::UNDEFINED)),
        };
        match start(Rc::clone(&self.inner), options) {
            Ok(work) => promise(Box::pin(async move {
                work.await.map_err(|error| rejection(error, &signal))
            })),
            Err(error) => Promise::reject(&rejection(error, &signal)),
        }
    }
}

#[wasm_bindgen]
impl TangoClient {
    /// A client. Throws a `config` TangoError on unusable options, and in a browser when
    /// credentials are given without `dangerouslyAllowBrowser: true`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "TangoClientOptions")] options: JsValue,
    ) -> Result<TangoClient, JsValue> {
        let ClientFromJs {
            config,
            fetch,
            limiter,
        } = config_from_js(
            &options,
            super::runtime::token_function,
            super::options::logger,
        )?;
        let transport = FetchTransport { fetch };
        let inner = match limiter {
            Some(limiter) => {
                let store = JsLimiterStore::new(limiter);
                let shared = SharedLimiter::new(store, config.orders_per_second);
                Client::with_limiter(config, transport, JsRuntime, Rc::new(shared))
            }
            None => Client::new(config, transport, JsRuntime),
        };
        Ok(TangoClient {
            inner: Rc::new(inner),
        })
    }

    /// Places an order: validated first; an `externalRefID` is generated when absent and reused by
    /// every retry. Resolves to `{ order, created }`.
    #[wasm_bindgen(js_name = createOrder, unchecked_return_type = "Promise<CreateOrderResult>")]
    pub fn create_order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateOrderRequest")] order: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        // Not `call`: every error of a create, even one before sending, carries its key: the
        // order's own when it has a readable one (bad options, or an order that cannot be read:
        // a cycle, a BigInt, a getter that throws).
        let before_sending = |error| {
            let key = get(&order, "externalRefID").as_string();
            CreateOrderError::before_sending(error, key.as_deref(), js_sys::Math::random)
        };
        let (options, signal) = match call_options(&options) {
            Ok(read) => read,
            Err(error) => {
                let error = before_sending(error);
                return Promise::reject(&create_rejection(error, &JsValue::UNDEFINED));
            }
        };
        let client = Rc::clone(&self.inner);
        let start = json_for_validation(&order).map_err(before_sending);
        let order = match start {
            // NaN, ±Infinity or a broken string: nothing to send, and the key it would have had.
            Ok((order, found)) if !found.is_empty() => {
                let report = Error::Validation(validate::unrepresentable_report(&found));
                let key = order
                    .get("externalRefID")
                    .and_then(serde_json::Value::as_str);
                let error = CreateOrderError::before_sending(report, key, js_sys::Math::random);
                return Promise::reject(&create_rejection(error, &signal));
            }
            Ok((order, _)) => order,
            Err(error) => return Promise::reject(&create_rejection(error, &signal)),
        };
        promise(Box::pin(async move {
            match client.create_order_body(&order, &options).await {
                Ok(answer) => Ok(created(answer)),
                Err(error) => Err(create_rejection(error, &signal)),
            }
        }))
    }

    /// Reads one order, with `reward.credentialList`.
    #[wasm_bindgen(js_name = getOrder, unchecked_return_type = "Promise<Order>")]
    pub fn get_order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let id = string_from_js(&id, "The ID")?;
            Ok(async move {
                client
                    .call(Endpoint::GetOrder(&id), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Reads the order until its status is final (COMPLETE, FAILED, CANCELLED, PARTIAL, DELETED)
    /// and resolves to it: reads about a second apart at first, backing off to at most 30 s,
    /// jittered; a read rate-limited (429) does not end the wait. `options.timeoutMs` (default
    /// 600000, 10 minutes; up to a day) ends it with a `timeout` TangoError carrying `lastStatus`;
    /// `options.signal` ends it at once; `options.onStatus(order)` sees each change of status.
    #[wasm_bindgen(js_name = waitForOrder, unchecked_return_type = "Promise<Order>")]
    pub fn wait_for_order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitOptions")] options: JsValue,
    ) -> Promise {
        let options = match wait_options(&options) {
            Ok(options) => options,
            Err(error) => return Promise::reject(&rejection(error, &JsValue::UNDEFINED)),
        };
        let id = match string_from_js(&id, "The ID") {
            Ok(id) => id,
            Err(error) => return Promise::reject(&rejection(error, &options.signal)),
        };
        let client = Rc::clone(&self.inner);
        promise(Box::pin(async move {
            let on_status = options.on_status;
            let mut report = |order: &String| {
                if let Some(on_status) = &on_status {
                    // A callback that throws must not end the wait (as the logger's).
                    let _ = on_status.call1(&JsValue::NULL, &JsValue::from_str(order));
                }
            };
            let waited = client
                .wait_for_order_body(&id, options.timeout_ms, &options.call, &mut report)
                .await;
            waited
                .map(text)
                .map_err(|error| rejection(error, &options.signal))
        }))
    }

    /// Reads the platform's catalog (`GET /catalogs`): brands, each with its items (UTIDs) and
    /// what an order for each may be (value range or face value, currency, digital or physical,
    /// countries, delivery attributes). `filter` narrows it (`{ utid }`, `{ itemAttribute:
    /// ["PHONE"] }`, …). Pass the result to `validateCreateOrder(order, { catalog })`.
    #[wasm_bindgen(js_name = getCatalog, unchecked_return_type = "Promise<Catalog>")]
    pub fn get_catalog(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CatalogFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let filter = json_from_js(&filter)?;
            Ok(async move { to_js(&client.get_catalog(&filter, &options).await?) })
        })
    }

    /// Reads one page of orders.
    #[wasm_bindgen(js_name = listOrders, unchecked_return_type = "Promise<OrderListPage>")]
    pub fn list_orders(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "OrderFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let filter = json_from_js(&filter)?;
            Ok(async move {
                client
                    .call(Endpoint::ListOrders(&filter), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Every order matching `filter`: `for await (const order of client.iterateOrders(filter))`.
    /// Splits the date range when a query matches more than the 10,000 results Tango returns.
    #[wasm_bindgen(js_name = iterateOrders)]
    pub fn iterate_orders(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "OrderFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Result<OrderIterator, JsValue> {
        let (options, signal) = call_options(&options)?;
        let filter = json_from_js(&filter)?;
        let pager = JsOrderPager::new(Rc::clone(&self.inner), &filter, options)?;
        Ok(OrderIterator {
            pager: Rc::new(RefCell::new(Some(pager))),
            signal,
        })
    }

    /// Resends an order's reward (once per 30 s per order; a second try within 30 s throws
    /// `resend_too_soon` without a request).
    #[wasm_bindgen(js_name = resendOrder, unchecked_return_type = "Promise<OrderResendResult>")]
    pub fn resend_order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "OrderResendRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let (id, body) = (string_from_js(&id, "The ID")?, json_from_js(&body)?);
            Ok(async move {
                client
                    .call(Endpoint::ResendOrder(&id, &body), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Reads one page of line items.
    #[wasm_bindgen(js_name = listLineItems, unchecked_return_type = "Promise<LineItemListPage>")]
    pub fn list_line_items(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LineItemFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let filter = json_from_js(&filter)?;
            Ok(async move {
                client
                    .call(Endpoint::ListLineItems(&filter), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Every line item matching `filter`, following page keys.
    #[wasm_bindgen(js_name = iterateLineItems)]
    pub fn iterate_line_items(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LineItemFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Result<LineItemIterator, JsValue> {
        let (options, signal) = call_options(&options)?;
        let filter = json_from_js(&filter)?;
        let pager =
            LineItemPager::<_, RawLineItemPage>::new(Rc::clone(&self.inner), &filter, options)?;
        Ok(LineItemIterator {
            pager: Rc::new(RefCell::new(Some(pager))),
            signal,
        })
    }

    /// Reads one line item, with its reward and histories.
    #[wasm_bindgen(js_name = getLineItem, unchecked_return_type = "Promise<LineItem>")]
    pub fn get_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let id = string_from_js(&id, "The ID")?;
            Ok(async move {
                client
                    .call(Endpoint::GetLineItem(&id), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Resends a line item's reward, possibly by another method.
    #[wasm_bindgen(js_name = resendLineItem, unchecked_return_type = "Promise<LineItemResendResult>")]
    pub fn resend_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LineItemResendRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let (id, body) = (string_from_js(&id, "The ID")?, json_from_js(&body)?);
            Ok(async move {
                client
                    .call(Endpoint::ResendLineItem(&id, &body), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Cancels a line item (`{ reasonCode, otherReason? }`); the account is refunded.
    #[wasm_bindgen(js_name = cancelLineItem, unchecked_return_type = "Promise<void>")]
    pub fn cancel_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CancelLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.action(LineItemActionKind::Cancel, &id, &body, &options)
    }

    /// Freezes a line item's reward.
    #[wasm_bindgen(js_name = freezeLineItem, unchecked_return_type = "Promise<void>")]
    pub fn freeze_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FreezeLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.action(LineItemActionKind::Freeze, &id, &body, &options)
    }

    /// Unfreezes a line item's reward.
    #[wasm_bindgen(js_name = unfreezeLineItem, unchecked_return_type = "Promise<void>")]
    pub fn unfreeze_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FreezeLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.action(LineItemActionKind::Unfreeze, &id, &body, &options)
    }

    /// Cancels a line item and issues a replacement with the body's changes (amount, delivery
    /// method, recipient, notes); resolves to the new order. Retried only where Tango did not act.
    #[wasm_bindgen(js_name = reissueLineItem, unchecked_return_type = "Promise<Order>")]
    pub fn reissue_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ReissueLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let (id, body) = (string_from_js(&id, "The ID")?, json_from_js(&body)?);
            Ok(async move {
                client
                    .call(Endpoint::ReissueLineItem(&id, &body), &options)
                    .await
                    .map(text)
            })
        })
    }

    /// Changes a line item's `purchaseOrderNumber`, `campaign` or `orderNotes`.
    #[wasm_bindgen(js_name = updateLineItem, unchecked_return_type = "Promise<void>")]
    pub fn update_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let (id, body) = (string_from_js(&id, "The ID")?, json_from_js(&body)?);
            Ok(async move {
                client
                    .update_line_item(&id, &body, &options)
                    .await
                    .map(nothing)
            })
        })
    }

    /// The reason codes each line item action accepts, code → description.
    #[wasm_bindgen(js_name = listReasonCodes, unchecked_return_type = "Promise<ReasonCodes>")]
    pub fn list_reason_codes(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            Ok(async move { to_js(&client.list_reason_codes(&options).await?) })
        })
    }

    /// The URL of the page that shows an EMBEDDED line item's reward (treat it as a secret).
    #[wasm_bindgen(js_name = getEmbeddedUrl, unchecked_return_type = "Promise<EmbeddedUrl>")]
    pub fn get_embedded_url(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(&options, |client, options| {
            let id = string_from_js(&id, "The ID")?;
            Ok(async move { to_js(&client.get_embedded_url(&id, &options).await?) })
        })
    }

    /// Cancel, freeze and unfreeze: the same call with another action.
    fn action(
        &self,
        kind: LineItemActionKind,
        id: &JsValue,
        body: &JsValue,
        options: &JsValue,
    ) -> Promise {
        self.call(options, |client, options| {
            let (id, body) = (string_from_js(id, "The ID")?, json_from_js(body)?);
            Ok(async move {
                let done = client.line_item_action(kind, &id, &body, &options).await;
                done.map(nothing)
            })
        })
    }
}

/// An async iterator over pages of orders, each `{ done, value }` with the page's body as JSON
/// text (client-wrap.js yields the orders).
#[wasm_bindgen]
pub struct OrderIterator {
    pager: Rc<RefCell<Option<JsOrderPager>>>,
    signal: JsValue,
}

/// An async iterator over pages of line items, each page's body as JSON text (client-wrap.js
/// yields the line items).
#[wasm_bindgen]
pub struct LineItemIterator {
    pager: Rc<RefCell<Option<JsLineItemPager>>>,
    signal: JsValue,
}

macro_rules! iterator_next {
    ($iterator:ident, $item:literal) => {
        #[wasm_bindgen]
        impl $iterator {
            /// The next item: `{ done, value }`, as the async iterator protocol wants.
            #[wasm_bindgen(unchecked_return_type = $item)]
            pub fn next(&self) -> Promise {
                let cell = Rc::clone(&self.pager);
                promise(Box::pin(Self::step(cell, self.signal.clone())))
            }
        }

        impl $iterator {
            async fn step(
                cell: Rc<RefCell<Option<impl PagerNext + 'static>>>,
                signal: JsValue,
            ) -> Result<JsValue, JsValue> {
                // Taken out while awaiting, so a second next() before the first resolves is an
                // error instead of a double borrow.
                let taken = cell.try_borrow_mut().ok().and_then(|mut slot| slot.take());
                let Some(mut pager) = taken else {
                    return Err(super::error::to_js_error(Error::config(
                        "call next() again only after the previous call resolved",
                    )));
                };
                let result = pager.next_value().await;
                if let Ok(mut slot) = cell.try_borrow_mut() {
                    *slot = Some(pager);
                }
                let out = Object::new();
                match result {
                    Ok(Some(value)) => {
                        let _ = Reflect::set(&out, &"done".into(), &false.into());
                        let _ = Reflect::set(&out, &"value".into(), &value);
                    }
                    Ok(None) => {
                        let _ = Reflect::set(&out, &"done".into(), &true.into());
                    }
                    Err(error) => return Err(rejection(error, &signal)),
                }
                Ok(out.into())
            }
        }
    };
}

/// The next page of either pager, as a JavaScript value.
trait PagerNext {
    fn next_value(&mut self) -> LocalFuture<'_, Result<Option<JsValue>, Error>>;
}

// Each page as JSON text, for the client module's JavaScript to decode and walk (see `text`):
// one JSON.parse per page rather than one per item.
impl PagerNext for JsOrderPager {
    fn next_value(&mut self) -> LocalFuture<'_, Result<Option<JsValue>, Error>> {
        Box::pin(async move { Ok(self.next_page().await?.map(|page| text(page.body))) })
    }
}

impl PagerNext for JsLineItemPager {
    fn next_value(&mut self) -> LocalFuture<'_, Result<Option<JsValue>, Error>> {
        Box::pin(async move { Ok(self.next_page().await?.map(|page| text(page.body))) })
    }
}

iterator_next!(OrderIterator, "Promise<IteratorResult<Order>>");
iterator_next!(LineItemIterator, "Promise<IteratorResult<LineItem>>");
