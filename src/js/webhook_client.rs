//! `TangoClient`'s webhook subscription calls. Each export only reads its arguments into a
//! [`WebhookCall`]; one async function sends them all, so the module carries one future for the
//! ten instead of one each. Answers go back as JSON text, decoded by client-wrap.js against
//! webhook-models.js (a description only the client module carries).

use super::client::{text, JsClient, TangoClient};
use super::convert::{json_from_js, string_from_js};
use crate::client::{CallOptions, Endpoint};
use crate::error::Error;
use js_sys::Promise;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const WEBHOOK_CLIENT_TS: &'static str = r#"
/** A webhook category, as Tango's docs list them. */
export type WebhookCategoryName = "ITEM" | "ACCOUNT" | "REWARD" | "ORDER" | "PLATFORM";
/** A webhook event type, as Tango's docs list them. */
export type WebhookEventTypeName = "ItemAvailability" | "AccountStatus" | "Transaction" | "LowBalance" | "RewardStatus"
  | "AsyncOrderStatus" | "LineItemDeliveryStatus" | "OrderActionStatus" | "APICredentials" | "ExchangeRatesStatus";
/** The test events `testWebhook` can ask for. */
export type WebhookTestName = "ConnectivityTest" | "ItemAvailability" | "RewardStatus" | "Transaction" | "LowBalance"
  | "AccountStatus" | "CredentialStatus" | "LineItemDeliveryStatus" | "AsyncOrderStatus" | "ExchangeRatesStatus";

/** A subscription (`createWebhook`; `updateWebhook` takes any part of it). */
export interface WebhookSubscriptionRequest {
  /** Where Tango POSTs deliveries: `https://`, or `http://` to localhost for local work. */
  url: string;
  /** Categories to subscribe to (this or `eventTypes`, or both). */
  categories?: WebhookCategoryName[];
  /** Event types to subscribe to. */
  eventTypes?: WebhookEventTypeName[];
  /** Headers Tango sends with every delivery (a token your receiver checks, say). */
  headers?: { name: string; value: string }[];
  /** How deliveries are signed; HMAC needs `hmacSharedSecretKey`, X509 `signingCertificate`. */
  payloadVerificationMethod?: "HMAC" | "X509" | "NONE";
  /** The HMAC key, base64 of at least 32 bytes. Never logged or put in errors. */
  hmacSharedSecretKey?: string;
  /** The X509 certificate, base64 of its DER (no PEM lines). */
  signingCertificate?: string;
}

/** The query of `listWebhooks`: a cursor, a page size (1–200) and filters. */
export interface WebhookListQuery {
  maxResults?: number;
  nextCursor?: string;
  prevCursor?: string;
  url?: string;
  headerName?: string;
  headerValue?: string;
  categories?: string[];
  eventTypes?: string[];
  expiresAtFrom?: string;
  expiresAtTo?: string;
  createdAtFrom?: string;
  createdAtTo?: string;
}

/** Which of a subscription's past events, by revision (both ends included), and a cursor. */
export interface WebhookEventRange {
  fromRevision?: number;
  toRevision?: number;
  maxResults?: number;
  nextCursor?: string;
  prevCursor?: string;
}

export interface TangoClient {
  /** Every subscription, following `nextCursor` from page to page. */
  iterateWebhooks(query?: WebhookListQuery, options?: CallOptions): AsyncGenerator<Webhook, void, undefined>;
}
"#;

/// A webhook call with its arguments read.
enum WebhookCall {
    Create(Value),
    List(Value),
    Get(String),
    Update(String, Value),
    Delete(String),
    Renew(String),
    EventTypes,
    Events(String, Value),
    Replay(String, Value),
    Test(String, Option<String>),
}

/// Sends `call`; resolves to the answer's body as text (empty for the calls that answer nothing).
async fn send(
    client: Rc<JsClient>,
    call: WebhookCall,
    options: CallOptions,
) -> Result<JsValue, Error> {
    let endpoint = match &call {
        WebhookCall::Create(body) => Endpoint::CreateWebhook(body),
        WebhookCall::List(query) => Endpoint::ListWebhooks(query),
        WebhookCall::Get(id) => Endpoint::GetWebhook(id),
        WebhookCall::Update(id, body) => Endpoint::UpdateWebhook(id, body),
        WebhookCall::Delete(id) => Endpoint::DeleteWebhook(id),
        WebhookCall::Renew(id) => Endpoint::RenewWebhook(id),
        WebhookCall::EventTypes => Endpoint::ListWebhookEventTypes,
        WebhookCall::Events(id, range) => Endpoint::ListWebhookEvents(id, range),
        WebhookCall::Replay(id, range) => Endpoint::ReplayWebhookEvents(id, range),
        WebhookCall::Test(id, test) => Endpoint::TestWebhook(id, test.as_deref()),
    };
    client.call(endpoint, &options).await.map(text)
}

fn read_id(value: &JsValue) -> Result<String, Error> {
    string_from_js(value, "The webhook ID")
}

impl TangoClient {
    /// Reads the call's arguments with `read` and sends it.
    fn webhook(
        &self,
        options: &JsValue,
        read: impl FnOnce() -> Result<WebhookCall, Error>,
    ) -> Promise {
        self.call(options, |client, options| {
            Ok(send(client, read()?, options))
        })
    }
}

#[wasm_bindgen]
impl TangoClient {
    /// Subscribes to webhook events: validated first (an `https://` url, or `http://` to
    /// localhost; Tango's categories or event types; the key or certificate the verification
    /// method needs). Resolves to `{ webhookId, expiresAt }`.
    #[wasm_bindgen(js_name = createWebhook, unchecked_return_type = "Promise<WebhookExpiry>")]
    pub fn create_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookSubscriptionRequest")] subscription: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || {
            Ok(WebhookCall::Create(json_from_js(&subscription)?))
        })
    }

    /// One page of subscriptions; pass `nextCursor` back for the next (or use `iterateWebhooks`).
    #[wasm_bindgen(js_name = listWebhooks, unchecked_return_type = "Promise<WebhookPage<Webhook>>")]
    pub fn list_webhooks(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookListQuery")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || Ok(WebhookCall::List(json_from_js(&query)?)))
    }

    /// One subscription.
    #[wasm_bindgen(js_name = getWebhook, unchecked_return_type = "Promise<Webhook>")]
    pub fn get_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || Ok(WebhookCall::Get(read_id(&id)?)))
    }

    /// Changes a subscription: what the body has, checked as for a create.
    #[wasm_bindgen(js_name = updateWebhook, unchecked_return_type = "Promise<Webhook>")]
    pub fn update_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<WebhookSubscriptionRequest>")]
        changes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || {
            Ok(WebhookCall::Update(read_id(&id)?, json_from_js(&changes)?))
        })
    }

    /// Deletes a subscription.
    #[wasm_bindgen(js_name = deleteWebhook, unchecked_return_type = "Promise<void>")]
    pub fn delete_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || Ok(WebhookCall::Delete(read_id(&id)?)))
    }

    /// Renews a subscription before it expires; resolves to its new `expiresAt`.
    #[wasm_bindgen(js_name = renewWebhook, unchecked_return_type = "Promise<WebhookExpiry>")]
    pub fn renew_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || Ok(WebhookCall::Renew(read_id(&id)?)))
    }

    /// The event types one can subscribe to, by category.
    #[wasm_bindgen(
        js_name = listWebhookEventTypes,
        unchecked_return_type = "Promise<WebhookPage<WebhookEventTypes>>"
    )]
    pub fn list_webhook_event_types(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || Ok(WebhookCall::EventTypes))
    }

    /// A page of a subscription's past events (kept three months), oldest first:
    /// `{ fromRevision, toRevision, maxResults, nextCursor }`.
    #[wasm_bindgen(
        js_name = listWebhookEvents,
        unchecked_return_type = "Promise<WebhookPage<WebhookEvent>>"
    )]
    pub fn list_webhook_events(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookEventRange")] range: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || {
            Ok(WebhookCall::Events(read_id(&id)?, json_from_js(&range)?))
        })
    }

    /// Delivers a subscription's past events again, `{ fromRevision, toRevision }`, each with its
    /// own `eventId` and `revision` (a receiver's ledger sees them as repeats).
    #[wasm_bindgen(js_name = replayWebhookEvents, unchecked_return_type = "Promise<void>")]
    pub fn replay_webhook_events(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookEventRange")] range: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || {
            Ok(WebhookCall::Replay(read_id(&id)?, json_from_js(&range)?))
        })
    }

    /// Asks Tango to send a test event: `ConnectivityTest` by default, or the test named
    /// (`RewardStatus`, `LineItemDeliveryStatus`, …).
    #[wasm_bindgen(js_name = testWebhook, unchecked_return_type = "Promise<void>")]
    pub fn test_webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookTestName")] test: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.webhook(&options, || {
            let test = match test.is_undefined() || test.is_null() {
                true => None,
                false => Some(string_from_js(&test, "The test's name")?),
            };
            Ok(WebhookCall::Test(read_id(&id)?, test))
        })
    }
}
