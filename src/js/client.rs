//! `TangoClient` for JavaScript: the Rust client over `fetch` and timers. Converts arguments,
//! calls the core, converts results; the one piece of JavaScript (`fetch.js`) runs a single attempt.

use super::convert::{json_from_js, string_from_js, to_js};
use crate::client::{
    Auth, CallOptions, Client, ClientConfig, HttpRequest, HttpResponse, LineItemActionKind,
    LineItemPager, LocalFuture, LogEvent, OrderPager, Runtime, Signal, TokenSource, Transport,
    TransportError, PRODUCTION_URL, SANDBOX_URL,
};
use crate::error::Error;
use crate::model::Sensitive;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

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
    fn sleep(ms: f64) -> Promise;
    #[wasm_bindgen(js_name = inBrowser)]
    fn in_browser() -> bool;
    #[wasm_bindgen(js_name = randomUnit)]
    fn random_unit() -> f64;
}

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TS: &'static str = r#"
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
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in milliseconds (default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Creates started per second (default 1, Tango's limit). */
  ordersPerSecond?: number;
  /** Allow credentials in a web page, where every visitor can read them. Prefer a backend proxy. */
  dangerouslyAllowBrowser?: boolean;
  /** Called once per attempt with method, path, status, requestId, attempt and duration only. */
  logger?: (event: LogEvent) => void;
}

/** Per-call settings. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface CreateOrderResult {
  order: Order;
  /** false when Tango answered 200: an order with this externalRefID already existed. */
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
  /** For decode errors: the start of the body (may contain personal data: do not log it). */
  excerpt?: string;
}

export interface OrderIterator {
  [Symbol.asyncIterator](): AsyncIterator<Order>;
}

export interface LineItemIterator {
  [Symbol.asyncIterator](): AsyncIterator<LineItem>;
}
"#;

/// `fetch` as the client's transport.
struct FetchTransport {
    fetch: Function,
}

impl Transport for FetchTransport {
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u64,
        signal: Option<&Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        let signal = signal
            .and_then(|s| s.downcast_ref::<JsValue>().cloned())
            .unwrap_or(JsValue::UNDEFINED);
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
            let text = |key: &str| {
                Reflect::get(&answer, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            match text("kind").as_deref() {
                Some("response") => {
                    let status = Reflect::get(&answer, &"status".into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .unwrap_or(0.0) as u16;
                    let headers = Reflect::get(&answer, &"headers".into())
                        .map(|list| {
                            Array::from(&list)
                                .iter()
                                .filter_map(|pair| {
                                    let pair = Array::from(&pair);
                                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    Ok(HttpResponse {
                        status,
                        headers,
                        body: text("body").unwrap_or_default(),
                    })
                }
                Some("timeout") => Err(TransportError::Timeout),
                Some("aborted") => Err(TransportError::Aborted),
                _ => Err(TransportError::Network("fetch failed".into())),
            }
        })
    }
}

/// Timers and `crypto` as the client's runtime.
struct JsRuntime;

impl Runtime for JsRuntime {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
    fn sleep(&self, ms: u64) -> LocalFuture<'_, ()> {
        Box::pin(async move {
            let _ = JsFuture::from(sleep(ms as f64)).await;
        })
    }
    fn random(&self) -> f64 {
        random_unit()
    }
}

/// A token function: called before every request; may return a string or a promise of one.
struct TokenFunction(Function);

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

type JsClient = Client<FetchTransport, JsRuntime>;

fn get(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn optional_string(object: &JsValue, key: &str) -> Result<Option<String>, Error> {
    let value = get(object, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| Error::config(format!("{key} must be a string")))
}

fn optional_number(object: &JsValue, key: &str) -> Result<Option<f64>, Error> {
    let value = get(object, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
        _ => Err(Error::config(format!(
            "{key} must be a number of at least 0"
        ))),
    }
}

fn config_from_js(options: &JsValue) -> Result<(ClientConfig, Function), Error> {
    if !(options.is_undefined() || options.is_object()) {
        return Err(Error::config("the options must be an object"));
    }
    let base_url = match optional_string(options, "baseUrl")? {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => match optional_string(options, "environment")?.as_deref() {
            None | Some("sandbox") => SANDBOX_URL.to_owned(),
            Some("production") => PRODUCTION_URL.to_owned(),
            Some(_) => {
                return Err(Error::config(
                    "environment must be \"sandbox\" or \"production\"",
                ))
            }
        },
    };
    let platform_name = optional_string(options, "platformName")?;
    let platform_key = optional_string(options, "platformKey")?;
    let token = get(options, "token");
    let auth = match (platform_name, platform_key) {
        (Some(platform_name), Some(platform_key)) => Auth::Basic {
            platform_name,
            platform_key: Sensitive::new(platform_key),
        },
        (None, None) if token.is_undefined() || token.is_null() => Auth::None,
        (None, None) => match token.as_string() {
            Some(token) => Auth::Bearer(Rc::new(Sensitive::new(token))),
            None => match token.dyn_into::<Function>() {
                Ok(function) => Auth::Bearer(Rc::new(TokenFunction(function))),
                Err(_) => return Err(Error::config("token must be a string or a function")),
            },
        },
        _ => return Err(Error::config("platformName and platformKey go together")),
    };
    let allow_browser = get(options, "dangerouslyAllowBrowser").as_bool() == Some(true);
    if !matches!(auth, Auth::None) && in_browser() && !allow_browser {
        return Err(Error::config(
            "credentials in a web page are readable by every visitor: call your own backend proxy (baseUrl, no credentials), or set dangerouslyAllowBrowser: true",
        ));
    }
    let fetch = match get(options, "fetch") {
        value if value.is_undefined() || value.is_null() => {
            Reflect::get(&js_sys::global(), &"fetch".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| Error::config("no global fetch: pass options.fetch"))?
        }
        value => value
            .dyn_into::<Function>()
            .map_err(|_| Error::config("fetch must be a function"))?,
    };
    let logger = match get(options, "logger") {
        value if value.is_undefined() || value.is_null() => None,
        value => {
            let function = value
                .dyn_into::<Function>()
                .map_err(|_| Error::config("logger must be a function"))?;
            let logger: Rc<dyn Fn(&LogEvent)> = Rc::new(move |event: &LogEvent| {
                if let Ok(event) = to_js(event) {
                    // A logger that throws must not break the call.
                    let _ = function.call1(&JsValue::NULL, &event);
                }
            });
            Some(logger)
        }
    };
    let defaults = ClientConfig::default();
    let config = ClientConfig {
        base_url,
        auth,
        timeout_ms: optional_number(options, "timeoutMs")?
            .map_or(defaults.timeout_ms, |n| n as u64),
        max_retries: optional_number(options, "maxRetries")?
            .map_or(defaults.max_retries, |n| n as u32),
        orders_per_second: optional_number(options, "ordersPerSecond")?
            .unwrap_or(defaults.orders_per_second),
        logger,
    };
    Ok((config, fetch))
}

fn call_options(options: &JsValue) -> Result<(CallOptions, JsValue), Error> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(Error::config("the call options must be an object"));
    }
    let signal = get(options, "signal");
    let signal_handle: Option<Signal> =
        (!signal.is_undefined() && !signal.is_null()).then(|| Rc::new(signal.clone()) as Signal);
    Ok((
        CallOptions {
            timeout_ms: optional_number(options, "timeoutMs")?.map(|n| n as u64),
            max_retries: optional_number(options, "maxRetries")?.map(|n| n as u32),
            signal: signal_handle,
        },
        signal,
    ))
}

/// The error to throw: the caller's abort reason when its signal fired, else a TangoError.
fn rejection(error: Error, signal: &JsValue) -> JsValue {
    if get(signal, "aborted").as_bool() == Some(true) {
        return get(signal, "reason");
    }
    super::error::to_js_error(error)
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
            let order = json_from_js(&order)?;
            let client = Rc::clone(&self.inner);
            Ok(promise(signal, async move {
                let result = client.create_order(&order, &options).await?;
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
