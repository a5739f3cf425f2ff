//! `Client`: every endpoint, with validation first, idempotent creates, retries, Tango's limits kept
//! by a [`Limiter`] and typed errors. It runs on any [`Transport`] and [`Runtime`]: `fetch` and
//! timers in JavaScript, the simulator and a virtual clock in native tests.

mod abort;
mod config;
mod create;
mod excerpt;
mod fifo_gate;
mod limiter;
mod limiter_store;
mod local_limiter;
mod options;
mod pagination;
mod queue_wait;
mod rate_limit;
mod request;
mod resend_guard;
mod retry;
mod shared_limiter;
mod transport;
mod wait;

pub use config::{
    Auth, ClientConfig, Limits, LogEvent, Logger, RequestEvent, TokenSource, MAX_RETRIES,
    MAX_RETRY_DELAY_MS, ORDERS_PER_SECOND, PRODUCTION_URL, SANDBOX_URL, TIMEOUT_MS,
};
pub use create::{differences, may_have_reached, CreateOrderError, MAY_HAVE_BEEN_PLACED};
pub use excerpt::{redacted_excerpt, EXCERPT_CHARS};
pub use limiter::{CreatePermit, Limiter, LimiterContext, LimiterEvent};
pub use limiter_store::{CreateAsk, CreateReport, LimiterStore, StoreFailed};
pub use local_limiter::LocalLimiter;
pub use options::{CallSettings, ClientOptions, Environment, TokenSetting, WaitSettings};
pub use pagination::{LineItemPager, OrderPager, MAX_RESULTS_PER_QUERY, PAGE_SIZE};
pub use rate_limit::Spacing;
pub use request::{id_path, new_external_ref_id, prepare_create, query_string};
pub use retry::{delay_ms, parse_retry_after, should_retry, Retryability};
pub use shared_limiter::SharedLimiter;
pub use transport::{HttpRequest, HttpResponse, LocalFuture, Runtime, Transport, TransportError};
pub use wait::{poll_pause_ms, FIRST_POLL_MS, MAX_POLL_MS, WAIT_TIMEOUT, WAIT_TIMEOUT_MS};

use crate::decode::from_json;
use crate::error::{ApiError, Error};
use crate::model::*;
use crate::validate::{self, LineItemAction as ActionRule, ValidateOptions};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::rc::Rc;

/// Per-call settings that override the client's.
#[derive(Clone, Default)]
pub struct CallOptions {
    /// Per-attempt timeout for this call.
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt for this call.
    pub max_retries: Option<u32>,
    /// The longest wait before a retry for this call (see [`ClientConfig::max_retry_delay_ms`]).
    pub max_retry_delay_ms: Option<u64>,
    /// A cancellation handle the transport understands (in JavaScript, an `AbortSignal`).
    pub signal: Option<Signal>,
    /// Wire paths of fields this release does not know yet, sent as they are in this call (on top
    /// of the client's [`ClientConfig::extra_fields`]).
    pub extra_fields: Vec<String>,
}

/// An opaque cancellation handle, passed through to the transport.
pub type Signal = std::rc::Rc<dyn std::any::Any>;

impl core::fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CallOptions")
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("max_retry_delay_ms", &self.max_retry_delay_ms)
            .field("signal", &self.signal.is_some())
            .field("extra_fields", &self.extra_fields)
            .finish()
    }
}

impl CallOptions {
    /// Checks the per-call settings against the same ranges as the client's.
    pub fn check(&self) -> Result<(), Error> {
        if let Some(timeout_ms) = self.timeout_ms {
            TIMEOUT_MS.check("timeoutMs", timeout_ms as f64)?;
        }
        if let Some(max_retries) = self.max_retries {
            MAX_RETRIES.check("maxRetries", f64::from(max_retries))?;
        }
        if let Some(delay) = self.max_retry_delay_ms {
            MAX_RETRY_DELAY_MS.check("maxRetryDelayMs", delay as f64)?;
        }
        Ok(())
    }
}

/// What a create returns: the order, and whether this call placed it (`false` when Tango answered
/// 200 because an order with this `externalRefID` already existed before the call).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct CreateOrderResult {
    /// The order.
    pub order: Order,
    /// Whether this call placed the order; false when an order with this externalRefID already
    /// existed before the call (Tango answered 200 with it).
    pub created: bool,
}

/// A line item action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineItemActionKind {
    /// `POST /lineItems/{id}/cancel`.
    Cancel,
    /// `POST /lineItems/{id}/freeze`.
    Freeze,
    /// `POST /lineItems/{id}/unfreeze`.
    Unfreeze,
}

/// What kind of call an attempt belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CallKind {
    /// A `GET`: retried as an idempotent call.
    Read,
    /// `POST /orders`: idempotent through its `externalRefID`, paced by the limiter.
    Create,
    /// A resend: no idempotency key, so only retried where Tango did not act.
    Resend,
    /// Cancel, freeze, unfreeze and reissue: each changes state once (a reissue places a new
    /// order), with no idempotency key, so retried like a resend.
    Action,
    /// `PATCH /lineItems/{id}`: sets the same fields to the same values however often it is sent,
    /// so retried like a read.
    Update,
}

/// A Tango client over a transport and a runtime.
pub struct Client<T: Transport, R: Runtime> {
    config: ClientConfig,
    transport: T,
    runtime: R,
    limiter: Rc<dyn Limiter<R>>,
}

impl<T: Transport, R: Runtime> Client<T, R> {
    /// A client with its own [`LocalLimiter`]; fails with a `config` error on unusable settings.
    pub fn new(config: ClientConfig, transport: T, runtime: R) -> Result<Self, Error> {
        let limiter = Rc::new(LocalLimiter::new(config.orders_per_second));
        Self::with_limiter(config, transport, runtime, limiter)
    }

    /// A client whose creates and resends are paced by `limiter`: a [`LocalLimiter`] shared by
    /// several clients, or a [`SharedLimiter`] shared by several processes.
    pub fn with_limiter(
        config: ClientConfig,
        transport: T,
        runtime: R,
        limiter: Rc<dyn Limiter<R>>,
    ) -> Result<Self, Error> {
        config.check()?;
        Ok(Client {
            config,
            transport,
            runtime,
            limiter,
        })
    }

    /// What the limiter is told about this client's calls.
    fn limiter_context(&self) -> LimiterContext<'_, R> {
        let account = match &self.config.auth {
            Auth::Basic { platform_name, .. } => platform_name.as_str(),
            _ => "default",
        };
        LimiterContext {
            runtime: &self.runtime,
            logger: self.config.logger.as_ref(),
            account,
            per_second: self.config.orders_per_second,
        }
    }

    /// The settings.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The runtime (time and chance).
    pub fn runtime(&self) -> &R {
        &self.runtime
    }

    /// The transport (for tests that count what was sent).
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// How a call's input is validated: every rule, with the fields this release does not know
    /// that the client and the call allow.
    fn validation(&self, options: &CallOptions) -> ValidateOptions {
        ValidateOptions {
            extra_fields: Some(self.with_extra_fields(options).extra_fields),
            ..ValidateOptions::default()
        }
    }

    /// The call's options with the client's extra fields added to its own.
    fn with_extra_fields(&self, options: &CallOptions) -> CallOptions {
        let mut options = options.clone();
        options
            .extra_fields
            .extend(self.config.extra_fields.iter().cloned());
        options
    }

    /// Places an order. Validates first (nothing is sent on a problem); generates an
    /// `externalRefID` when there is none and reuses it on every retry, so a retry can never place a
    /// second order; waits for its turn from the limiter.
    ///
    /// Every failure carries the key and whether the order may have been placed
    /// ([`CreateOrderError`]): call again with that key to get the order without placing another.
    /// A replay (HTTP 200) whose order differs from the request fails with [`Error::Conflict`].
    /// `created` is true when this call placed the order: a 201, or a 200 for a generated key that an
    /// earlier attempt of this call may have placed.
    pub async fn create_order(
        &self,
        order: &Value,
        options: &CallOptions,
    ) -> Result<CreateOrderResult, CreateOrderError> {
        let generated = new_external_ref_id(|| self.runtime.random());
        let own_key = order
            .get("externalRefID")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let key = own_key.clone().unwrap_or_else(|| generated.clone());
        let fail = |error: Error, may_have_been_placed: bool| CreateOrderError {
            error,
            external_ref_id: key.clone(),
            may_have_been_placed,
        };
        let mut validation = self.validation(options);
        validation.now_ms = Some(self.runtime.now_ms());
        let body = prepare_create(order, &validation, generated).map_err(|e| fail(e, false))?;
        // Set by the failed attempts only: on success it tells whether an earlier attempt reached.
        let mut reached = false;
        let outcome = self
            .execute(
                "POST",
                "/orders".into(),
                String::new(),
                Some(body.to_string()),
                CallKind::Create,
                options,
                &mut reached,
            )
            .await;
        let response = outcome.map_err(|e| fail(e, reached))?;
        // A 2xx means an order with this key exists, readable or not.
        let order: Order = decode_body(&response).map_err(|e| fail(e, true))?;
        if response.status != 201 {
            let fields = differences(&body, &order);
            if !fields.is_empty() {
                let conflict = Error::Conflict {
                    reference_order_id: order.reference_order_id.clone(),
                    fields,
                };
                return Err(fail(conflict, false));
            }
        }
        let created = response.status == 201 || (own_key.is_none() && reached);
        Ok(CreateOrderResult { order, created })
    }

    /// Reads one order, with its reward credentials.
    pub async fn get_order(&self, id: &str, options: &CallOptions) -> Result<Order, Error> {
        let path = id_path("orders", "referenceOrderID", id, "")?;
        let response = self.read(path, String::new(), options).await?;
        decode_body(&response)
    }

    /// Reads one page of orders.
    pub async fn list_orders(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<OrderListPage, Error> {
        validate::validate_order_filter(filter, &self.validation(options)).into_result()?;
        let response = self
            .read("/orders".into(), query_string(filter), options)
            .await?;
        decode_body(&response)
    }

    /// Every order matching `filter`, page by page, past Tango's 10,000-result cap.
    pub fn iterate_orders(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<OrderPager<&Self>, Error> {
        OrderPager::new(self, filter, self.with_extra_fields(options))
    }

    /// Resends an order's reward (at most once per 30 s per order; only rewards Tango delivered).
    pub async fn resend_order(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<OrderResendResult, Error> {
        let path = id_path("orders", "referenceOrderID", id, "/resends")?;
        validate::validate_order_resend(body, &self.validation(options)).into_result()?;
        let response = self
            .resend(format!("order:{id}"), path, body, options)
            .await?;
        decode_body(&response)
    }

    /// Reads one page of line items.
    pub async fn list_line_items(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<LineItemListPage, Error> {
        validate::validate_line_item_filter(filter, &self.validation(options)).into_result()?;
        let response = self
            .read("/lineItems".into(), query_string(filter), options)
            .await?;
        decode_body(&response)
    }

    /// Every line item matching `filter`, following page keys.
    pub fn iterate_line_items(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<LineItemPager<&Self>, Error> {
        LineItemPager::new(self, filter, self.with_extra_fields(options))
    }

    /// Reads one line item, with its reward and histories.
    pub async fn get_line_item(&self, id: &str, options: &CallOptions) -> Result<LineItem, Error> {
        let path = id_path("lineItems", "referenceLineItemID", id, "")?;
        let response = self.read(path, String::new(), options).await?;
        decode_body(&response)
    }

    /// Resends a line item's reward, possibly by another method (email → phone …).
    pub async fn resend_line_item(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<LineItemResendResult, Error> {
        let path = id_path("lineItems", "referenceLineItemID", id, "/resends")?;
        validate::validate_line_item_resend(body, &self.validation(options)).into_result()?;
        let response = self
            .resend(format!("lineItem:{id}"), path, body, options)
            .await?;
        decode_body(&response)
    }

    /// Cancels, freezes or unfreezes a line item (`{reasonCode, otherReason}`).
    pub async fn line_item_action(
        &self,
        kind: LineItemActionKind,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<(), Error> {
        let (suffix, rule) = match kind {
            LineItemActionKind::Cancel => ("/cancel", ActionRule::Cancel),
            LineItemActionKind::Freeze => ("/freeze", ActionRule::Freeze),
            LineItemActionKind::Unfreeze => ("/unfreeze", ActionRule::Freeze),
        };
        let path = id_path("lineItems", "referenceLineItemID", id, suffix)?;
        validate::validate_line_item_action(body, rule, &self.validation(options)).into_result()?;
        self.write("POST", path, body, CallKind::Action, options)
            .await?;
        Ok(())
    }

    /// Cancels a line item and issues a new reward in its place, with what the body changes
    /// (amount, delivery method, recipient, notes). Resolves to the new order.
    pub async fn reissue_line_item(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<Order, Error> {
        let path = id_path("lineItems", "referenceLineItemID", id, "/reissue")?;
        validate::validate_line_item_reissue(body, &self.validation(options)).into_result()?;
        let response = self
            .write("POST", path, body, CallKind::Action, options)
            .await?;
        decode_body(&response)
    }

    /// Changes a line item's purchase order number, campaign or order notes.
    pub async fn update_line_item(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<(), Error> {
        let path = id_path("lineItems", "referenceLineItemID", id, "")?;
        validate::validate_line_item_update(body, &self.validation(options)).into_result()?;
        self.write("PATCH", path, body, CallKind::Update, options)
            .await?;
        Ok(())
    }

    /// The reason codes each line item action accepts, code → description.
    pub async fn list_reason_codes(&self, options: &CallOptions) -> Result<ReasonCodes, Error> {
        let response = self
            .read("/lineItems/reasonCodes".into(), String::new(), options)
            .await?;
        decode_body(&response)
    }

    /// Reads the platform's catalog (`GET /catalogs`), narrowed by `filter` (a [`CatalogFilter`]
    /// as JSON: `utid`, `brandKey`, `rewardType`, `itemAttribute`, …; `null` for everything). A
    /// member of the wrong type is a `validation` error and nothing is sent.
    pub async fn get_catalog(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<Catalog, Error> {
        let filter = if filter.is_null() {
            CatalogFilter::default()
        } else {
            // serde's message would quote the value: a fixed one instead.
            serde_json::from_value::<CatalogFilter>(filter.clone()).map_err(|_| {
                let message = "The catalog filter has a member of the wrong type.";
                Error::invalid("", validate::Code::InvalidFormat, message)
            })?
        };
        let query = serde_json::to_value(&filter)
            .map(|filter| query_string(&filter))
            .unwrap_or_default();
        let response = self.read("/catalogs".into(), query, options).await?;
        decode_body(&response)
    }

    /// The URL of the page that shows an EMBEDDED line item's reward, to embed in an app.
    pub async fn get_embedded_url(
        &self,
        id: &str,
        options: &CallOptions,
    ) -> Result<EmbeddedUrl, Error> {
        let path = id_path("lineItems", "referenceLineItemID", id, "/embeddedUrl")?;
        let response = self.read(path, String::new(), options).await?;
        decode_body(&response)
    }

    /// A resend, behind the 30 s guard: refused at once, without a request, when the limiter saw the
    /// same thing resent less than 30 s ago (by this client, or by any sharing its limiter).
    async fn resend(
        &self,
        key: String,
        path: String,
        body: &Value,
        options: &CallOptions,
    ) -> Result<HttpResponse, Error> {
        let context = self.limiter_context();
        let claim = self.limiter.claim_resend(&context, &key);
        if let Err(retry_after_ms) = self.abortable(options.signal.as_ref(), claim).await? {
            return Err(Error::ResendTooSoon { retry_after_ms });
        }
        let body = if body.is_null() {
            "{}".to_owned()
        } else {
            body.to_string()
        };
        let result = self
            .execute(
                "POST",
                path,
                String::new(),
                Some(body),
                CallKind::Resend,
                options,
                &mut false,
            )
            .await;
        if let Err(Error::Api(api)) = &result {
            // Refused before Tango acted (bad request, not found, undelivered): the next resend
            // need not wait.
            if api.status != 403 || api.body.i18n_key.as_deref() != Some("403.005") {
                self.limiter.forget_resend(&context, &key);
            }
        }
        result
    }

    /// A call with a JSON body and no idempotency key of its own (actions, reissue, update): sent and
    /// retried as `kind` allows.
    async fn write(
        &self,
        method: &'static str,
        path: String,
        body: &Value,
        kind: CallKind,
        options: &CallOptions,
    ) -> Result<HttpResponse, Error> {
        let body = Some(body.to_string());
        self.execute(method, path, String::new(), body, kind, options, &mut false)
            .await
    }

    /// A read (`GET`): retried as an idempotent call.
    async fn read(
        &self,
        path: String,
        query: String,
        options: &CallOptions,
    ) -> Result<HttpResponse, Error> {
        self.execute(
            "GET",
            path,
            query,
            None,
            CallKind::Read,
            options,
            &mut false,
        )
        .await
    }

    /// Sends one call, retrying as the rules allow, and returns the successful answer. Every wait
    /// (the limiter, the token, the request, the backoff) ends at once when the call's signal
    /// fires; a backoff longer than `max_retry_delay_ms` is not slept: the call fails with it.
    /// `reached` is set when a failed attempt may have reached Tango (see [`may_have_reached`]).
    #[allow(clippy::too_many_arguments)]
    async fn execute(
        &self,
        method: &'static str,
        path: String,
        query: String,
        body: Option<String>,
        kind: CallKind,
        options: &CallOptions,
        reached: &mut bool,
    ) -> Result<HttpResponse, Error> {
        options.check()?;
        let max_retries = options.max_retries.unwrap_or(self.config.max_retries);
        let timeout_ms = options.timeout_ms.unwrap_or(self.config.timeout_ms);
        let max_delay_ms = options
            .max_retry_delay_ms
            .unwrap_or(self.config.max_retry_delay_ms);
        let signal = options.signal.as_ref();
        let retryability = if kind == CallKind::Resend || kind == CallKind::Action {
            Retryability::OnlyUnprocessed
        } else {
            Retryability::Idempotent
        };
        let url = if query.is_empty() {
            format!("{}{path}", self.config.base_url)
        } else {
            format!("{}{path}?{query}", self.config.base_url)
        };
        let context = self.limiter_context();
        let mut attempt = 0;
        loop {
            attempt += 1;
            // Held until this attempt has its answer: the next create's start depends on when it
            // came (see `CreateQueue`); dropping the guard also covers a call abandoned by its
            // caller.
            let mut answered = if kind == CallKind::Create {
                Some(
                    self.abortable(signal, self.limiter.create_turn(&context))
                        .await?,
                )
            } else {
                None
            };
            let headers = self
                .abortable(signal, self.headers(body.is_some()))
                .await??;
            let request = HttpRequest {
                method,
                url: url.clone(),
                path: path.clone(),
                headers,
                body: body.clone(),
            };
            if let Some(answered) = answered.as_mut() {
                answered.sending();
            }
            let started = self.runtime.now_ms();
            let send = self.transport.send(request, timeout_ms, signal);
            let outcome = self
                .abortable(signal, send)
                .await
                .unwrap_or(Err(TransportError::Aborted { sent: true }));
            drop(answered);
            let duration_ms = self.runtime.now_ms() - started;
            self.log(method, &path, &outcome, attempt, duration_ms);
            let this_reached = may_have_reached(&outcome);
            let error = match outcome {
                Ok(response) if (200..300).contains(&response.status) => return Ok(response),
                Ok(response) => api_error(&response),
                Err(TransportError::Timeout) => Error::Timeout { timeout_ms },
                Err(TransportError::Network(message) | TransportError::NotSent(message)) => {
                    Error::Network { message }
                }
                Err(TransportError::Aborted { .. }) => Error::Aborted,
            };
            *reached |= this_reached;
            if attempt > max_retries || !should_retry(&error, retryability) {
                return Err(error);
            }
            let wait_ms = delay_ms(&error, attempt, self.runtime.random()).ceil() as u64;
            if wait_ms > max_delay_ms {
                return Err(with_retry_after(error, wait_ms));
            }
            self.abortable(signal, self.runtime.sleep(wait_ms)).await?;
        }
    }

    async fn headers(&self, has_body: bool) -> Result<Vec<(String, String)>, Error> {
        let mut headers = vec![("accept".to_owned(), "application/json".to_owned())];
        if has_body {
            headers.push(("content-type".to_owned(), "application/json".to_owned()));
        }
        match &self.config.auth {
            Auth::None => {}
            Auth::Basic {
                platform_name,
                platform_key,
            } => {
                use base64::Engine as _;
                let pair = format!("{platform_name}:{}", platform_key.expose());
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                headers.push(("authorization".to_owned(), format!("Basic {encoded}")));
            }
            Auth::Bearer(source) => {
                let token = source.token().await?;
                headers.push((
                    "authorization".to_owned(),
                    format!("Bearer {}", token.expose()),
                ));
            }
        }
        Ok(headers)
    }

    fn log(
        &self,
        method: &'static str,
        path: &str,
        outcome: &Result<HttpResponse, TransportError>,
        attempt: u32,
        duration_ms: f64,
    ) {
        let Some(logger) = &self.config.logger else {
            return;
        };
        let response = outcome.as_ref().ok();
        logger(&LogEvent::Request(RequestEvent {
            method,
            path: path.to_owned(),
            status: response.map(|r| r.status),
            request_id: response.and_then(|r| r.header("x-request-id").map(str::to_owned)),
            attempt,
            duration_ms,
        }));
    }
}

/// The error a call ends with when the wait before its retry would be longer than allowed: an API
/// error keeps Tango's `Retry-After`, or gets the wait the client would have slept.
fn with_retry_after(error: Error, wait_ms: u64) -> Error {
    match error {
        Error::Api(mut api) => {
            api.retry_after_ms.get_or_insert(wait_ms);
            Error::Api(api)
        }
        other => other,
    }
}

/// The typed error for a non-2xx answer.
fn api_error(response: &HttpResponse) -> Error {
    let body = crate::decode::error_body_from_json(&response.body);
    Error::Api(Box::new(ApiError {
        status: response.status,
        body,
        retry_after_ms: parse_retry_after(response.header("retry-after")),
    }))
}

/// Decodes a successful answer, keeping a bounded, redacted excerpt when it cannot be read.
fn decode_body<M: DeserializeOwned>(response: &HttpResponse) -> Result<M, Error> {
    from_json(&response.body).map_err(|error| match error {
        Error::Decode { message, .. } => Error::Decode {
            message,
            excerpt: Some(excerpt::redacted_excerpt(&response.body)),
        },
        other => other,
    })
}
