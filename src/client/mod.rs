//! `Client`: every endpoint, with validation first, idempotent creates, retries, Tango's limits kept
//! by a [`Limiter`] and typed errors. It runs on any [`Transport`] and [`Runtime`]: `fetch` and
//! timers in JavaScript, the simulator and a virtual clock in native tests.

mod abort;
mod config;
mod create;
mod endpoint;
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
mod send;
mod shared_limiter;
mod transport;
mod wait;

pub use config::{
    Auth, CheckedConfig, ClientConfig, Limits, LogEvent, Logger, RequestEvent, TokenSource,
    MAX_RETRIES, MAX_RETRY_DELAY_MS, ORDERS_PER_SECOND, PRODUCTION_URL, SANDBOX_URL, TIMEOUT_MS,
};
pub use create::{differences, may_have_reached, CreateOrderError, MAY_HAVE_BEEN_PLACED};
pub use endpoint::Endpoint;
pub use excerpt::{redacted_excerpt, EXCERPT_CHARS};
pub use limiter::{CreatePermit, Limiter, LimiterContext, LimiterEvent};
pub use limiter_store::{CreateAsk, CreateReport, LimiterStore, StoreFailed};
pub use local_limiter::LocalLimiter;
pub use options::{CallSettings, ClientOptions, Environment, TokenSetting, WaitSettings};
pub use pagination::{
    LineItemPage, LineItemPager, OrderPage, OrderPager, RawLineItemPage, RawOrderPage,
    MAX_RESULTS_PER_QUERY, PAGE_SIZE,
};
pub use rate_limit::Spacing;
pub use request::{id_path, new_external_ref_id, prepare_create, query_string};
pub use retry::{delay_ms, parse_retry_after, should_retry, Retryability};
pub use shared_limiter::SharedLimiter;
pub use transport::{HttpRequest, HttpResponse, LocalFuture, Runtime, Transport, TransportError};
pub use wait::{poll_pause_ms, FIRST_POLL_MS, MAX_POLL_MS, WAIT_TIMEOUT, WAIT_TIMEOUT_MS};

use crate::decode::from_json;
use crate::error::Error;
use crate::model::*;
use crate::validate::ValidateOptions;
use crate::webhook::{
    Webhook, WebhookEventPage, WebhookEventTypesPage, WebhookExpiry, WebhookListPage,
};
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

/// A create's answer before it is decoded ([`Client::create_order_body`]).
#[derive(Clone, Debug)]
pub struct CreatedBody {
    /// The order as Tango wrote it (JSON text).
    pub body: String,
    /// Whether this call placed the order (see [`CreateOrderResult::created`]).
    pub created: bool,
    /// The order's key: its own, or the one generated for it.
    pub external_ref_id: String,
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

/// A Tango client over a transport and a runtime.
pub struct Client<T: Transport, R: Runtime> {
    config: ClientConfig,
    transport: T,
    runtime: R,
    limiter: Rc<dyn Limiter<R>>,
}

impl<T: Transport, R: Runtime> Client<T, R> {
    /// A client with its own [`LocalLimiter`], from a checked configuration
    /// ([`ClientConfig::checked`] or [`ClientConfig::resolve`]).
    pub fn new(config: CheckedConfig, transport: T, runtime: R) -> Self {
        let limiter = Rc::new(LocalLimiter::new(config.orders_per_second));
        Self::with_limiter(config, transport, runtime, limiter)
    }

    /// A client whose creates and resends are paced by `limiter`: a [`LocalLimiter`] shared by
    /// several clients, or a [`SharedLimiter`] shared by several processes.
    pub fn with_limiter(
        config: CheckedConfig,
        transport: T,
        runtime: R,
        limiter: Rc<dyn Limiter<R>>,
    ) -> Self {
        Client {
            config: config.into_inner(),
            transport,
            runtime,
            limiter,
        }
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
        let answer = self.create_order_body(order, options).await?;
        match decode_body(&answer.body) {
            Ok(order) => Ok(CreateOrderResult {
                order,
                created: answer.created,
            }),
            // A 2xx means an order with this key exists, readable or not.
            Err(error) => Err(CreateOrderError {
                error,
                external_ref_id: answer.external_ref_id,
                may_have_been_placed: true,
            }),
        }
    }

    /// [`Client::create_order`] up to the order's body, which it leaves for the caller to decode
    /// (JavaScript's decode.js does, for a smaller module): every check, the key, the retries, and
    /// the replay's comparison with the request (on the body read as JSON).
    pub async fn create_order_body(
        &self,
        order: &Value,
        options: &CallOptions,
    ) -> Result<CreatedBody, CreateOrderError> {
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
        let call = endpoint::Prepared::create(body.to_string());
        let outcome = self.execute(&call, options, &mut reached).await;
        let response = outcome.map_err(|e| fail(e, reached))?;
        // A 2xx means an order with this key exists, readable or not.
        let answer: Value = decode_body(&response.body).map_err(|e| fail(e, true))?;
        if response.status != 201 {
            let fields = differences(&body, &answer);
            if !fields.is_empty() {
                let conflict = Error::Conflict {
                    reference_order_id: answer
                        .get("referenceOrderID")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                    fields,
                };
                return Err(fail(conflict, false));
            }
        }
        let created = response.status == 201 || (own_key.is_none() && reached);
        Ok(CreatedBody {
            body: response.body,
            created,
            external_ref_id: key,
        })
    }

    /// Reads one order, with its reward credentials.
    pub async fn get_order(&self, id: &str, options: &CallOptions) -> Result<Order, Error> {
        self.decoded(Endpoint::GetOrder(id), options).await
    }

    /// Reads one page of orders.
    pub async fn list_orders(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<OrderListPage, Error> {
        self.decoded(Endpoint::ListOrders(filter), options).await
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
        self.decoded(Endpoint::ResendOrder(id, body), options).await
    }

    /// Reads one page of line items.
    pub async fn list_line_items(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<LineItemListPage, Error> {
        self.decoded(Endpoint::ListLineItems(filter), options).await
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
        self.decoded(Endpoint::GetLineItem(id), options).await
    }

    /// Resends a line item's reward, possibly by another method (email → phone …).
    pub async fn resend_line_item(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<LineItemResendResult, Error> {
        self.decoded(Endpoint::ResendLineItem(id, body), options)
            .await
    }

    /// Cancels, freezes or unfreezes a line item (`{reasonCode, otherReason}`).
    pub async fn line_item_action(
        &self,
        kind: LineItemActionKind,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<(), Error> {
        let endpoint = Endpoint::LineItemAction(kind, id, body);
        self.call(endpoint, options).await.map(drop)
    }

    /// Cancels a line item and issues a new reward in its place, with what the body changes
    /// (amount, delivery method, recipient, notes). Resolves to the new order.
    pub async fn reissue_line_item(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<Order, Error> {
        self.decoded(Endpoint::ReissueLineItem(id, body), options)
            .await
    }

    /// Changes a line item's purchase order number, campaign or order notes.
    pub async fn update_line_item(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<(), Error> {
        let endpoint = Endpoint::UpdateLineItem(id, body);
        self.call(endpoint, options).await.map(drop)
    }

    /// The reason codes each line item action accepts, code → description.
    pub async fn list_reason_codes(&self, options: &CallOptions) -> Result<ReasonCodes, Error> {
        self.decoded(Endpoint::ListReasonCodes, options).await
    }

    /// Reads the platform's catalog (`GET /catalogs`), narrowed by `filter` (a [`CatalogFilter`]
    /// as JSON: `utid`, `brandKey`, `rewardType`, `itemAttribute`, …; `null` for everything). A
    /// member of the wrong type is a `validation` error and nothing is sent.
    pub async fn get_catalog(
        &self,
        filter: &Value,
        options: &CallOptions,
    ) -> Result<Catalog, Error> {
        self.decoded(Endpoint::GetCatalog(filter), options).await
    }

    /// The URL of the page that shows an EMBEDDED line item's reward, to embed in an app.
    pub async fn get_embedded_url(
        &self,
        id: &str,
        options: &CallOptions,
    ) -> Result<EmbeddedUrl, Error> {
        self.decoded(Endpoint::GetEmbeddedUrl(id), options).await
    }

    /// Subscribes to webhook events (`POST /webhooks`): validated first (an `https://` url, or
    /// `http://` to localhost; known categories or event types; the key or certificate the
    /// verification method needs). Resolves to the subscription's ID and expiry.
    pub async fn create_webhook(
        &self,
        body: &Value,
        options: &CallOptions,
    ) -> Result<WebhookExpiry, Error> {
        self.decoded(Endpoint::CreateWebhook(body), options).await
    }

    /// One page of subscriptions (`GET /webhooks`; `nextCursor` for the next).
    pub async fn list_webhooks(
        &self,
        query: &Value,
        options: &CallOptions,
    ) -> Result<WebhookListPage, Error> {
        self.decoded(Endpoint::ListWebhooks(query), options).await
    }

    /// One subscription.
    pub async fn get_webhook(&self, id: &str, options: &CallOptions) -> Result<Webhook, Error> {
        self.decoded(Endpoint::GetWebhook(id), options).await
    }

    /// Changes a subscription (`PATCH`): what the body has, checked as for a create.
    pub async fn update_webhook(
        &self,
        id: &str,
        body: &Value,
        options: &CallOptions,
    ) -> Result<Webhook, Error> {
        self.decoded(Endpoint::UpdateWebhook(id, body), options)
            .await
    }

    /// Deletes a subscription.
    pub async fn delete_webhook(&self, id: &str, options: &CallOptions) -> Result<(), Error> {
        self.call(Endpoint::DeleteWebhook(id), options)
            .await
            .map(drop)
    }

    /// Renews a subscription before it expires; resolves to its new expiry.
    pub async fn renew_webhook(
        &self,
        id: &str,
        options: &CallOptions,
    ) -> Result<WebhookExpiry, Error> {
        self.decoded(Endpoint::RenewWebhook(id), options).await
    }

    /// The event types one can subscribe to, by category.
    pub async fn list_webhook_event_types(
        &self,
        options: &CallOptions,
    ) -> Result<WebhookEventTypesPage, Error> {
        self.decoded(Endpoint::ListWebhookEventTypes, options).await
    }

    /// A page of a subscription's past events (`{ fromRevision, toRevision, nextCursor,
    /// maxResults }`), kept three months.
    pub async fn list_webhook_events(
        &self,
        id: &str,
        range: &Value,
        options: &CallOptions,
    ) -> Result<WebhookEventPage, Error> {
        self.decoded(Endpoint::ListWebhookEvents(id, range), options)
            .await
    }

    /// Delivers a subscription's past events again (`{ fromRevision, toRevision }`), with their
    /// own `eventId` and `revision`.
    pub async fn replay_webhook_events(
        &self,
        id: &str,
        range: &Value,
        options: &CallOptions,
    ) -> Result<(), Error> {
        let endpoint = Endpoint::ReplayWebhookEvents(id, range);
        self.call(endpoint, options).await.map(drop)
    }

    /// Asks Tango to send a test event: every test, or the one named (`ConnectivityTest`,
    /// `RewardStatus`, …: [`crate::validate::WEBHOOK_TESTS`]).
    pub async fn test_webhook(
        &self,
        id: &str,
        test: Option<&str>,
        options: &CallOptions,
    ) -> Result<(), Error> {
        let endpoint = Endpoint::TestWebhook(id, test);
        self.call(endpoint, options).await.map(drop)
    }

    /// [`Client::call`], with the body decoded into the endpoint's model.
    async fn decoded<M: DeserializeOwned>(
        &self,
        endpoint: Endpoint<'_>,
        options: &CallOptions,
    ) -> Result<M, Error> {
        decode_body(&self.call(endpoint, options).await?)
    }
}

/// Decodes a successful answer, keeping a bounded, redacted excerpt when it cannot be read.
pub(super) fn decode_body<M: DeserializeOwned>(body: &str) -> Result<M, Error> {
    from_json(body).map_err(|error| match error {
        Error::Decode { message, .. } => Error::Decode {
            message,
            excerpt: Some(excerpt::redacted_excerpt(body)),
        },
        other => other,
    })
}
