//! `TangoClient` for JavaScript: the Rust client over `fetch` and timers (`runtime.rs`). Converts
//! arguments (`options.rs`), calls the core, converts results and errors.

use super::convert::{json_for_validation, json_from_js, string_from_js, to_js};
use super::options::{call_options, config_from_js, get};
use super::runtime::JsRuntime;
use super::transport::FetchTransport;
use crate::client::{
    new_external_ref_id, Client, CreateOrderError, LineItemActionKind, LineItemPager, LocalFuture,
    OrderPager,
};
use crate::error::Error;
use crate::validate;
use js_sys::{Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TS: &'static str = r#"
/** The part of an AbortSignal the client uses, for environments whose types declare none. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** The environment's AbortSignal where its types declare one (DOM, @types/node, workers), else
 * AbortSignalLike: the package's types name no DOM type, so they compile in any project. */
export type AbortSignalType = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : AbortSignalLike;

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

/** Settings of a TangoClient. */
export interface TangoClientOptions {
  /** Tango's sandbox (default) or production; ignored when baseUrl is given. */
  environment?: "sandbox" | "production";
  /** Any base URL: your backend proxy, or tango-sim. */
  baseUrl?: string;
  /** HTTP Basic credentials. Refused in a browser unless dangerouslyAllowBrowser is true. */
  platformName?: string;
  platformKey?: string;
  /** A bearer token, or a function returning one (called before every request). */
  token?: string | (() => string | Promise<string>);
  /** The fetch to use (default: the global fetch), e.g. tango-orders/sim's. */
  fetch?: FetchLike;
  /** Per-attempt timeout, 1 to 600000 ms (default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt, 0 to 100 (default 2). */
  maxRetries?: number;
  /** Creates started per second, 0.01 to 1000 (default 1, Tango's limit). */
  ordersPerSecond?: number;
  /** The longest wait before a retry, 0 to 3600000 ms (default 60000). When Tango asks for a longer
   * wait (Retry-After), the call fails at once with the error and its retryAfterMs. */
  maxRetryDelayMs?: number;
  /** Allow credentials in a web page, where every visitor can read them. Prefer a backend proxy. */
  dangerouslyAllowBrowser?: boolean;
  /** Called once per attempt with method, path, status, requestId, attempt and duration only. */
  logger?: (event: LogEvent) => void;
}

/** Per-call settings (the same ranges as the client's). */
export interface CallOptions {
  /** Ends the call at once wherever it waits (create queue, backoff, token, request): it rejects
   * with a TangoError of kind "aborted" (name "AbortError", cause the signal's reason). */
  signal?: AbortSignalType;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryDelayMs?: number;
}

export interface CreateOrderResult {
  order: Order;
  /** Whether this call placed the order; false when an order with this externalRefID already
   * existed before the call (Tango answered 200 with it). */
  created: boolean;
}

export interface TangoError {
  /** For api errors. */
  status?: number;
  httpPhrase?: string;
  requestId?: string;
  i18nKey?: string;
  errors?: ApiErrorDetail[];
  path?: string;
  timestamp?: string;
  /** Tango's own message, for api errors. */
  apiMessage?: string;
  /** For resend_too_soon, and for a 429 whose Retry-After said how long to wait. */
  retryAfterMs?: number;
  /** For decode errors: the start of the body with every string value replaced by "…" (keys,
   * numbers and punctuation kept), or a note of its length when it is not JSON. */
  excerpt?: string;
  /** For every error of createOrder: the externalRefID the order was (or would have been) sent
   * with — yours, or the one generated. */
  externalRefID?: string;
  /** For every error of createOrder: true when an attempt may have reached Tango and placed the
   * order (a timeout, a network error after sending, a lost or unreadable answer, 409, 5xx but
   * 503). Then call createOrder again with `{ ...order, externalRefID: error.externalRefID }`: it
   * resolves with the order (created: false) if it was placed, and places it once if not. A call
   * without that key may place a second order. */
  mayHaveBeenPlaced?: boolean;
  /** For conflict errors: the existing order that holds this externalRefID. */
  referenceOrderID?: string;
  /** For conflict errors: which fields of that order differ from the request (names only). */
  fields?: string[];
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
        let _ = Reflect::set(&js_error, &"name".into(), &"AbortError".into());
        let _ = Reflect::set(&js_error, &"cause".into(), &get(signal, "reason"));
    }
    js_error
}

/// A create's error: the TangoError with `externalRefID`, `mayHaveBeenPlaced`, and `retryable`
/// and the message saying to retry with that key when the order may exist.
fn create_rejection(error: CreateOrderError, signal: &JsValue) -> JsValue {
    let message = error.to_string();
    let retryable = error.retryable();
    let js_error = rejection(error.error, signal);
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&js_error, &key.into(), &value);
    };
    set("message", message.into());
    set("retryable", retryable.into());
    set("externalRefID", error.external_ref_id.into());
    set("mayHaveBeenPlaced", error.may_have_been_placed.into());
    js_error
}

/// Runs `work` as a promise, turning its error into the thrown value.
fn promise<F>(signal: JsValue, work: F) -> Promise
where
    F: std::future::Future<Output = Result<JsValue, Error>> + 'static,
{
    future_to_promise(async move { work.await.map_err(|e| rejection(e, &signal)) })
}

/// Runs an exported async method's synchronous part, turning its error into a rejected promise:
/// callers of an async API handle failures with `await`/`.catch`, and a synchronous throw would
/// escape a `.catch()` chain.
fn rejecting(start: impl FnOnce() -> Result<Promise, JsValue>) -> Promise {
    start().unwrap_or_else(|error| Promise::reject(&error))
}

type JsClient = Client<FetchTransport, JsRuntime>;

/// The Tango client: every endpoint, with validation first, idempotent retries, the 1-per-second
/// create queue, the 30 s resend guard, paging past 10,000 results and typed errors.
#[wasm_bindgen]
pub struct TangoClient {
    inner: Rc<JsClient>,
}

#[wasm_bindgen]
impl TangoClient {
    /// A client. Throws a `config` TangoError on unusable options, and in a browser when
    /// credentials are given without `dangerouslyAllowBrowser: true`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "TangoClientOptions")] options: JsValue,
    ) -> Result<TangoClient, JsValue> {
        let (config, fetch) = config_from_js(&options)?;
        let inner = Client::new(config, FetchTransport { fetch }, JsRuntime)?;
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
        rejecting(|| {
            let (options, signal) = call_options(&options)?;
            let (order, found) = json_for_validation(&order)?;
            if !found.is_empty() {
                // NaN, ±Infinity or a broken string: nothing to send. Failing here, the error still
                // carries the key the order would have had, as every create error does.
                let key = order
                    .get("externalRefID")
                    .and_then(serde_json::Value::as_str)
                    .map_or_else(|| new_external_ref_id(js_sys::Math::random), str::to_owned);
                let error = CreateOrderError {
                    error: Error::Validation(validate::unrepresentable_report(&found)),
                    external_ref_id: key,
                    may_have_been_placed: false,
                };
                return Ok(Promise::reject(&create_rejection(error, &signal)));
            }
            let client = Rc::clone(&self.inner);
            Ok(future_to_promise(async move {
                let result = client
                    .create_order(&order, &options)
                    .await
                    .map_err(|e| create_rejection(e, &signal))?;
                let out = Object::new();
                let _ = Reflect::set(&out, &"order".into(), &to_js(&result.order)?);
                let _ = Reflect::set(&out, &"created".into(), &result.created.into());
                Ok(out.into())
            }))
        })
    }

    /// Reads one order, with `reward.credentialList`.
    #[wasm_bindgen(js_name = getOrder, unchecked_return_type = "Promise<Order>")]
    pub fn get_order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.get_order(&id, &options).await?)
            }))
        })
    }

    /// Reads one page of orders.
    #[wasm_bindgen(js_name = listOrders, unchecked_return_type = "Promise<OrderListPage>")]
    pub fn list_orders(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "OrderFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let (options, signal) = call_options(&options)?;
            let filter = json_from_js(&filter)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.list_orders(&filter, &options).await?)
            }))
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
        let pager = OrderPager::new(Rc::clone(&self.inner), &filter, options)?;
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
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let body = json_from_js(&body)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.resend_order(&id, &body, &options).await?)
            }))
        })
    }

    /// Reads one page of line items.
    #[wasm_bindgen(js_name = listLineItems, unchecked_return_type = "Promise<LineItemListPage>")]
    pub fn list_line_items(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LineItemFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let (options, signal) = call_options(&options)?;
            let filter = json_from_js(&filter)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.list_line_items(&filter, &options).await?)
            }))
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
        let pager = LineItemPager::new(Rc::clone(&self.inner), &filter, options)?;
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
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.get_line_item(&id, &options).await?)
            }))
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
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let body = json_from_js(&body)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.resend_line_item(&id, &body, &options).await?)
            }))
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
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            self.action(LineItemActionKind::Cancel, id, body, options)
        })
    }

    /// Freezes a line item's reward.
    #[wasm_bindgen(js_name = freezeLineItem, unchecked_return_type = "Promise<void>")]
    pub fn freeze_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FreezeLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            self.action(LineItemActionKind::Freeze, id, body, options)
        })
    }

    /// Unfreezes a line item's reward.
    #[wasm_bindgen(js_name = unfreezeLineItem, unchecked_return_type = "Promise<void>")]
    pub fn unfreeze_line_item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FreezeLineItemRequest")] body: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            self.action(LineItemActionKind::Unfreeze, id, body, options)
        })
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
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let body = json_from_js(&body)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.reissue_line_item(&id, &body, &options).await?)
            }))
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
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let body = json_from_js(&body)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                client.update_line_item(&id, &body, &options).await?;
                Ok(JsValue::UNDEFINED)
            }))
        })
    }

    /// The reason codes each line item action accepts, code → description.
    #[wasm_bindgen(js_name = listReasonCodes, unchecked_return_type = "Promise<ReasonCodes>")]
    pub fn list_reason_codes(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let (options, signal) = call_options(&options)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.list_reason_codes(&options).await?)
            }))
        })
    }

    /// The URL of the page that shows an EMBEDDED line item's reward (treat it as a secret).
    #[wasm_bindgen(js_name = getEmbeddedUrl, unchecked_return_type = "Promise<EmbeddedUrl>")]
    pub fn get_embedded_url(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let id = string_from_js(&id, "The ID")?;
            let (options, signal) = call_options(&options)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                to_js(&client.get_embedded_url(&id, &options).await?)
            }))
        })
    }

    fn action(
        &self,
        kind: LineItemActionKind,
        id: String,
        body: JsValue,
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        let (options, signal) = call_options(&options)?;
        let body = json_from_js(&body)?;
        let client = Rc::clone(&self.inner);
        Ok(promise(signal, async move {
            client.line_item_action(kind, &id, &body, &options).await?;
            Ok(JsValue::UNDEFINED)
        }))
    }
}

/// An async iterator over orders: `for await (const order of iterator)`.
#[wasm_bindgen]
pub struct OrderIterator {
    pager: Rc<RefCell<Option<OrderPager<Rc<JsClient>>>>>,
    signal: JsValue,
}

/// An async iterator over line items: `for await (const item of iterator)`.
#[wasm_bindgen]
pub struct LineItemIterator {
    pager: Rc<RefCell<Option<LineItemPager<Rc<JsClient>>>>>,
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
                future_to_promise(Self::step(cell, self.signal.clone()))
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

/// The next item of either pager, as a JavaScript value.
trait PagerNext {
    fn next_value(&mut self) -> LocalFuture<'_, Result<Option<JsValue>, Error>>;
}

impl PagerNext for OrderPager<Rc<JsClient>> {
    fn next_value(&mut self) -> LocalFuture<'_, Result<Option<JsValue>, Error>> {
        Box::pin(async move { self.next().await?.map(|order| to_js(&order)).transpose() })
    }
}

impl PagerNext for LineItemPager<Rc<JsClient>> {
    fn next_value(&mut self) -> LocalFuture<'_, Result<Option<JsValue>, Error>> {
        Box::pin(async move { self.next().await?.map(|item| to_js(&item)).transpose() })
    }
}

iterator_next!(OrderIterator, "Promise<IteratorResult<Order>>");
iterator_next!(LineItemIterator, "Promise<IteratorResult<LineItem>>");
