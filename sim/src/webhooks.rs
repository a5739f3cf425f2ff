//! Tango's webhooks in the simulator: subscriptions (they expire; renew moves the expiry), the
//! events the simulated rewards produce, their list and replay, test events, and the deliveries:
//! signed JSON POSTs queued for the host to send (the binary POSTs them; in process they go to a
//! function), retried with backoff until answered 200.

use crate::clock::rfc3339;
use crate::http::{Request, Response};
use crate::query::{whole, Query};
use crate::simulator::Simulator;
use serde_json::{json, Value};
use tango_orders::validate::{
    is_loopback_url, validate_webhook_query, validate_webhook_subscription, ValidateOptions,
    WEBHOOK_EVENT_TYPES, WEBHOOK_TESTS,
};
use tango_orders::webhook::signature::sign_hmac;
use tango_orders::webhook::{HmacKey, SIGNATURE_HEADER};

/// How long a subscription lives before it must be renewed. Tango does not publish its own; 30
/// days is the simulator's.
pub const SUBSCRIPTION_LIFETIME_MS: i64 = 30 * 24 * 3_600_000;
/// Attempts per delivery before it is given up (the first and five retries).
pub const MAX_ATTEMPTS: u32 = 6;
/// The wait before the first retry; each retry waits twice the one before.
pub const FIRST_RETRY_MS: i64 = 1_000;

/// A subscription as stored.
#[derive(Clone)]
pub struct StoredWebhook {
    pub(crate) id: String,
    pub(crate) url: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) categories: Vec<String>,
    pub(crate) event_types: Vec<String>,
    pub(crate) method: String,
    pub(crate) hmac_key: Option<String>,
    pub(crate) certificate: Option<String>,
    pub(crate) created_ms: i64,
    pub(crate) updated_ms: i64,
    pub(crate) expires_ms: i64,
    /// Its events, oldest first: an event's revision is its position, from 1.
    pub(crate) events: Vec<StoredEvent>,
}

/// One event of a subscription.
#[derive(Clone)]
pub struct StoredEvent {
    pub(crate) event_id: String,
    pub(crate) event_type: String,
    pub(crate) category: String,
    pub(crate) occurred_ms: i64,
    pub(crate) data: Value,
}

/// A delivery for the host to send: POST `body` to `url` with `headers`, then report a failure
/// with [`Simulator::delivery_failed`]. Its `Debug` shows where and which attempt, never the body
/// or the headers (a subscription's headers often carry a credential).
#[derive(Clone)]
pub struct Delivery {
    /// The subscription it belongs to.
    pub webhook_id: String,
    /// Where to POST it.
    pub url: String,
    /// The headers: content type, the subscription's own, the signature.
    pub headers: Vec<(String, String)>,
    /// The event as JSON.
    pub body: Vec<u8>,
    /// Which attempt this is, from 1.
    pub attempt: u32,
    /// When it is due, in the simulator's time.
    pub due_ms: i64,
}

impl core::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Delivery")
            .field("webhook_id", &self.webhook_id)
            .field("attempt", &self.attempt)
            .field("due_ms", &self.due_ms)
            .finish_non_exhaustive()
    }
}

/// What the webhook part of the simulator holds.
#[derive(Clone, Default)]
pub struct WebhookStore {
    pub(crate) subscriptions: Vec<StoredWebhook>,
    pub(crate) outbox: Vec<Delivery>,
    /// Deliveries given up after [`MAX_ATTEMPTS`].
    pub(crate) given_up: usize,
    /// Mailed rewards not yet shipped: (line item, when it ships).
    pub(crate) mailings: Vec<(String, i64)>,
}

/// The category Tango's docs give an event type (`""` where they give none).
fn category_of(event_type: &str) -> &'static str {
    WEBHOOK_EVENT_TYPES
        .iter()
        .find(|(_, t)| *t == event_type)
        .map_or("", |(c, _)| c)
}

fn strings(body: &Value, key: &str) -> Option<Vec<String>> {
    body.get(key)?.as_array().map(|items| {
        items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect()
    })
}

fn headers_of(body: &Value) -> Option<Vec<(String, String)>> {
    body.get("headers")?.as_array().map(|items| {
        items
            .iter()
            .filter_map(|h| {
                Some((
                    h.get("name")?.as_str()?.to_owned(),
                    h.get("value")?.as_str()?.to_owned(),
                ))
            })
            .collect()
    })
}

impl StoredWebhook {
    /// `GetWebhookResponseView`, without the HMAC key (the simulator never sends a secret back).
    fn view(&self) -> Value {
        let headers: Vec<Value> = self
            .headers
            .iter()
            .map(|(name, value)| json!({"name": name, "value": value}))
            .collect();
        json!({
            "webhookId": self.id,
            "url": self.url,
            "headers": headers,
            "categories": self.categories,
            "eventTypes": self.event_types,
            "payloadVerificationMethod": self.method,
            "signingCertificate": self.certificate,
            "createdAt": rfc3339(self.created_ms),
            "updatedAt": rfc3339(self.updated_ms),
            "expiresAt": rfc3339(self.expires_ms),
        })
    }

    fn wants(&self, event_type: &str, category: &str) -> bool {
        self.event_types.iter().any(|t| t == event_type)
            || (!category.is_empty() && self.categories.iter().any(|c| c == category))
    }

    /// Sets what `body` names (a create's or an update's, validated).
    fn apply(&mut self, body: &Value) {
        let text = |key| body.get(key).and_then(Value::as_str).map(str::to_owned);
        if let Some(url) = text("url") {
            self.url = url;
        }
        if let Some(headers) = headers_of(body) {
            self.headers = headers;
        }
        if let Some(categories) = strings(body, "categories") {
            self.categories = categories;
        }
        if let Some(event_types) = strings(body, "eventTypes") {
            self.event_types = event_types;
        }
        if let Some(method) = text("payloadVerificationMethod") {
            self.method = method;
        }
        if let Some(key) = text("hmacSharedSecretKey") {
            self.hmac_key = Some(key);
        }
        if let Some(certificate) = text("signingCertificate") {
            self.certificate = Some(certificate);
        }
    }

    /// The delivery of event `index`: the body as Tango documents it, signed per the method (HMAC
    /// only: the simulator has no X509 private key, so X509 and NONE deliveries are unsigned).
    fn delivery(&self, index: usize, due_ms: i64) -> Option<Delivery> {
        let event = self.events.get(index)?;
        let body = json!({
            "eventId": event.event_id,
            "revision": index + 1,
            "eventType": event.event_type,
            "category": event.category,
            "eventOccurredAt": rfc3339(event.occurred_ms),
            "eventData": event.data,
        })
        .to_string()
        .into_bytes();
        let mut headers = vec![("content-type".to_owned(), "application/json".to_owned())];
        headers.extend(self.headers.iter().cloned());
        if self.method == "HMAC" {
            let key = self.hmac_key.as_deref()?;
            let key = HmacKey::from_shared_secret(key).ok()?;
            headers.push((SIGNATURE_HEADER.to_owned(), sign_hmac(&key, &body)));
        }
        Some(Delivery {
            webhook_id: self.id.clone(),
            url: self.url.clone(),
            headers,
            body,
            attempt: 1,
            due_ms,
        })
    }
}

impl Simulator {
    /// The deliveries due now, taken out of the queue: send each, and hand back those not answered
    /// 200 with [`Simulator::delivery_failed`].
    pub fn take_deliveries(&mut self) -> Vec<Delivery> {
        self.mail_moved();
        let now = self.now_ms();
        let (due, later) = std::mem::take(&mut self.webhooks.outbox)
            .into_iter()
            .partition(|d| d.due_ms <= now);
        self.webhooks.outbox = later;
        due
    }

    /// A delivery that was not answered 200: queued again after twice the last wait, or given up
    /// after [`MAX_ATTEMPTS`].
    pub fn delivery_failed(&mut self, mut delivery: Delivery) {
        if delivery.attempt >= MAX_ATTEMPTS {
            self.webhooks.given_up += 1;
            return;
        }
        let wait = FIRST_RETRY_MS << (delivery.attempt - 1).min(20);
        delivery.attempt += 1;
        delivery.due_ms = self.now_ms() + wait;
        self.webhooks.outbox.push(delivery);
    }

    /// Sends the deliveries due now to `receive` (in process, a receiver's handler), which answers
    /// each with an HTTP status; those not answered 200 are retried with backoff. Returns how many
    /// it was given.
    pub fn deliver_to(&mut self, mut receive: impl FnMut(&Delivery) -> u16) -> usize {
        let due = self.take_deliveries();
        let count = due.len();
        for delivery in due {
            if receive(&delivery) != 200 {
                self.delivery_failed(delivery);
            }
        }
        count
    }

    /// When the next queued delivery is due, if any is queued.
    pub fn next_delivery_due_ms(&self) -> Option<i64> {
        self.webhooks.outbox.iter().map(|d| d.due_ms).min()
    }

    /// Deliveries queued (due or not) and deliveries given up.
    pub fn delivery_counts(&self) -> (usize, usize) {
        (self.webhooks.outbox.len(), self.webhooks.given_up)
    }

    /// A mailed reward was ordered: `LineItemDeliveryStatus` IN_PROGRESS now, SHIPPED once its
    /// printing time has passed.
    pub(crate) fn mailed(&mut self, line_item_id: &str, pending_ms: i64) {
        let data = json!({"referenceLineItemId": line_item_id, "status": "IN_PROGRESS"});
        self.emit("LineItemDeliveryStatus", data);
        let ships_ms = self.now_ms() + pending_ms;
        self.webhooks
            .mailings
            .push((line_item_id.to_owned(), ships_ms));
    }

    /// Sends SHIPPED for every mailed reward whose printing time has passed (called as requests
    /// arrive and as deliveries are taken, since the clock moves between them).
    pub(crate) fn mail_moved(&mut self) {
        let now = self.now_ms();
        let (shipped, waiting) = std::mem::take(&mut self.webhooks.mailings)
            .into_iter()
            .partition::<Vec<_>, _>(|(_, ships_ms)| *ships_ms <= now);
        self.webhooks.mailings = waiting;
        for (line_item_id, _) in shipped {
            let data = json!({"referenceLineItemId": line_item_id, "status": "SHIPPED"});
            self.emit("LineItemDeliveryStatus", data);
        }
    }

    /// A reward's status changed by an action (`RewardStatus`): frozen, unfrozen, cancelled, or
    /// cancelled and reissued as `new_line_item_id`.
    pub(crate) fn reward_status(
        &mut self,
        line_item: usize,
        action: &str,
        reason_code: &str,
        new_line_item_id: Option<&str>,
    ) {
        let Some(stored) = self.store.line_items.get(line_item) else {
            return;
        };
        let external_ref_id = self
            .store
            .orders
            .get(stored.order)
            .and_then(|o| o.order.external_ref_id.clone());
        let status = match action {
            "FREEZE" => "FROZEN",
            "UNFREEZE" => "UNFROZEN",
            _ => "CANCELLED",
        };
        let data = json!({
            "referenceLineItemId": stored.item.reference_line_item_id,
            "externalRefID": external_ref_id,
            "action": action,
            "reasonCode": reason_code,
            "status": status,
            "type": crate::data::CATALOG
                .iter()
                .find(|c| stored.item.utid.as_deref() == Some(c.utid))
                .map(|c| c.reward_type),
            "newReferenceLineItemId": new_line_item_id,
        });
        self.emit("RewardStatus", data);
    }

    /// Records an event for every live subscription that wants it, and queues its delivery.
    pub(crate) fn emit(&mut self, event_type: &str, data: Value) {
        let now = self.now_ms();
        let category = category_of(event_type);
        let wanting: Vec<usize> = (0..self.webhooks.subscriptions.len())
            .filter(|&i| {
                self.webhooks
                    .subscriptions
                    .get(i)
                    .is_some_and(|s| s.expires_ms > now && s.wants(event_type, category))
            })
            .collect();
        for index in wanting {
            self.record_event(index, event_type, data.clone());
        }
    }

    /// Routes `/webhooks…`; `None` when the path is not one of them.
    pub(crate) fn webhook_route(
        &mut self,
        request: &Request,
        method: &str,
        segments: &[&str],
    ) -> Option<Response> {
        Some(match (method, segments) {
            ("POST", ["webhooks"]) => self.create_webhook(request),
            ("GET", ["webhooks"]) => self.list_webhooks(request),
            ("GET", ["webhooks", "eventtypes"]) => self.webhook_event_types(),
            ("GET", ["webhooks", id]) => {
                self.with_webhook(request, id, |_, w| Response::json(200, &w.view()))
            }
            ("PATCH", ["webhooks", id]) => self.update_webhook(request, id),
            ("DELETE", ["webhooks", id]) => self.delete_webhook(request, id),
            ("POST", ["webhooks", id, "renew"]) => self.renew_webhook(request, id),
            ("GET", ["webhooks", id, "events"]) => self.webhook_events(request, id),
            ("POST", ["webhooks", id, "replay"]) => self.replay_webhook(request, id),
            ("POST", ["webhooks", id, "tests"]) => {
                self.test_webhook(request, id, "ConnectivityTest")
            }
            ("POST", ["webhooks", id, "tests", name]) => self.test_webhook(request, id, name),
            (_, ["webhooks", ..]) => {
                self.error(request, 405, "405.000", "Method not allowed here.", vec![])
            }
            _ => return None,
        })
    }

    /// The index of the subscription `id`, or the 404 that says there is none.
    fn webhook_or_404(&mut self, request: &Request, id: &str) -> Result<usize, Response> {
        match self.webhooks.subscriptions.iter().position(|w| w.id == id) {
            Some(index) => Ok(index),
            None => Err(self.error(
                request,
                404,
                "404.003",
                "No webhook with this webhookId.",
                vec![],
            )),
        }
    }

    /// Runs `answer` on the subscription `id`, or answers 404.
    fn with_webhook(
        &mut self,
        request: &Request,
        id: &str,
        answer: impl FnOnce(&mut Simulator, StoredWebhook) -> Response,
    ) -> Response {
        let index = match self.webhook_or_404(request, id) {
            Ok(index) => index,
            Err(refusal) => return refusal,
        };
        match self.webhooks.subscriptions.get(index).cloned() {
            Some(webhook) => answer(self, webhook),
            None => self.inconsistent(request),
        }
    }

    /// Records an event for the subscription at `index` and queues its delivery.
    fn record_event(&mut self, index: usize, event_type: &str, data: Value) {
        let now = self.now_ms();
        let event_id = self.new_uuid();
        let Some(subscription) = self.webhooks.subscriptions.get_mut(index) else {
            return;
        };
        subscription.events.push(StoredEvent {
            event_id,
            event_type: event_type.to_owned(),
            category: category_of(event_type).to_owned(),
            occurred_ms: now,
            data,
        });
        let last = subscription.events.len() - 1;
        if let Some(delivery) = subscription.delivery(last, now) {
            self.webhooks.outbox.push(delivery);
        }
    }

    /// The body of a create or update, validated as the client does, plus the simulator's own
    /// rule: deliveries go to loopback hosts only, unless started to allow others.
    fn subscription_body(&mut self, request: &Request, update: bool) -> Result<Value, Response> {
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return Err(self.not_json(request));
        };
        let report = validate_webhook_subscription(&body, update, &ValidateOptions::default());
        self.refuse_invalid(request, &report, "The subscription is not valid.")?;
        let url = body.get("url").and_then(Value::as_str);
        if let Some(url) = url.filter(|url| !self.allow_any_webhook_host && !is_loopback_url(url)) {
            let _ = url;
            let entry = crate::simulator::field_entry(
                "url",
                tango_orders::validate::Code::NotAllowed,
                "The simulator delivers to this machine only (localhost, 127.0.0.1, [::1]).",
            );
            let message = "The subscription is not valid.";
            return Err(self.error(request, 400, "400.002", message, vec![entry]));
        }
        Ok(body)
    }

    fn create_webhook(&mut self, request: &Request) -> Response {
        let body = match self.subscription_body(request, false) {
            Ok(body) => body,
            Err(refusal) => return refusal,
        };
        let now = self.now_ms();
        let mut webhook = StoredWebhook {
            id: self.new_uuid(),
            url: String::new(),
            headers: Vec::new(),
            categories: Vec::new(),
            event_types: Vec::new(),
            method: "NONE".into(),
            hmac_key: None,
            certificate: None,
            created_ms: now,
            updated_ms: now,
            expires_ms: now + SUBSCRIPTION_LIFETIME_MS,
            events: Vec::new(),
        };
        webhook.apply(&body);
        let answer = json!({"webhookId": webhook.id, "expiresAt": rfc3339(webhook.expires_ms)});
        self.webhooks.subscriptions.push(webhook);
        Response::json(201, &answer)
    }

    fn update_webhook(&mut self, request: &Request, id: &str) -> Response {
        let index = match self.webhook_or_404(request, id) {
            Ok(index) => index,
            Err(refusal) => return refusal,
        };
        let body = match self.subscription_body(request, true) {
            Ok(body) => body,
            Err(refusal) => return refusal,
        };
        let now = self.now_ms();
        match self.webhooks.subscriptions.get_mut(index) {
            Some(webhook) => {
                webhook.apply(&body);
                webhook.updated_ms = now;
                Response::json(200, &webhook.view())
            }
            None => self.inconsistent(request),
        }
    }

    fn delete_webhook(&mut self, request: &Request, id: &str) -> Response {
        let index = match self.webhook_or_404(request, id) {
            Ok(index) => index,
            Err(refusal) => return refusal,
        };
        self.webhooks.subscriptions.remove(index);
        self.webhooks.outbox.retain(|d| d.webhook_id != id);
        Response::json(200, &Value::Null).without_body()
    }

    fn renew_webhook(&mut self, request: &Request, id: &str) -> Response {
        let index = match self.webhook_or_404(request, id) {
            Ok(index) => index,
            Err(refusal) => return refusal,
        };
        let expires_ms = self.now_ms() + SUBSCRIPTION_LIFETIME_MS;
        match self.webhooks.subscriptions.get_mut(index) {
            Some(webhook) => {
                webhook.expires_ms = expires_ms;
                let answer = json!({"webhookId": webhook.id, "expiresAt": rfc3339(expires_ms)});
                Response::json(200, &answer)
            }
            None => self.inconsistent(request),
        }
    }

    /// The query of a list, validated as the client does; `None` after answering 400.
    fn webhook_query(&mut self, request: &Request, events: bool) -> Result<Query, Response> {
        let query = Query::parse(&request.query);
        let as_json = query.to_json(&["maxResults", "fromRevision", "toRevision"], &[]);
        let report = validate_webhook_query(&as_json, events, &ValidateOptions::default());
        self.refuse_invalid(request, &report, "The query is not valid.")?;
        Ok(query)
    }

    fn list_webhooks(&mut self, request: &Request) -> Response {
        let query = match self.webhook_query(request, false) {
            Ok(query) => query,
            Err(refusal) => return refusal,
        };
        let views: Vec<Value> = self
            .webhooks
            .subscriptions
            .iter()
            .map(StoredWebhook::view)
            .collect();
        Response::json(200, &cursor_page(&views, &query))
    }

    fn webhook_event_types(&mut self) -> Response {
        let mut items: Vec<Value> = Vec::new();
        for (category, event_type) in WEBHOOK_EVENT_TYPES.iter().filter(|(c, _)| !c.is_empty()) {
            match items.iter_mut().find(|i| i["category"] == *category) {
                Some(item) => {
                    if let Some(types) = item["eventTypes"].as_array_mut() {
                        types.push(json!(event_type));
                    }
                }
                None => items.push(json!({"category": category, "eventTypes": [event_type]})),
            }
        }
        Response::json(200, &cursor_page(&items, &Query::parse("maxResults=200")))
    }

    /// The events of `[fromRevision, toRevision]` (every one when absent), by index.
    fn revision_range(webhook: &StoredWebhook, query: &Query) -> std::ops::Range<usize> {
        let from = whole(query.get("fromRevision")).unwrap_or(1).max(1);
        let to = whole(query.get("toRevision"))
            .unwrap_or(usize::MAX)
            .min(webhook.events.len());
        (from - 1)..to.max(from - 1)
    }

    fn webhook_events(&mut self, request: &Request, id: &str) -> Response {
        let query = match self.webhook_query(request, true) {
            Ok(query) => query,
            Err(refusal) => return refusal,
        };
        self.with_webhook(request, id, |_, webhook| {
            let range = Simulator::revision_range(&webhook, &query);
            let events: Vec<Value> = range
                .filter_map(|i| {
                    let event = webhook.events.get(i)?;
                    Some(json!({
                        "eventId": event.event_id,
                        "revision": i + 1,
                        "eventType": event.event_type,
                        "categories": [event.category],
                        "eventOccurredAt": rfc3339(event.occurred_ms),
                        "eventData": event.data,
                    }))
                })
                .collect();
            Response::json(200, &cursor_page(&events, &query))
        })
    }

    fn replay_webhook(&mut self, request: &Request, id: &str) -> Response {
        let query = match self.webhook_query(request, true) {
            Ok(query) => query,
            Err(refusal) => return refusal,
        };
        self.with_webhook(request, id, |sim, webhook| {
            let now = sim.now_ms();
            for index in Simulator::revision_range(&webhook, &query) {
                if let Some(delivery) = webhook.delivery(index, now) {
                    sim.webhooks.outbox.push(delivery);
                }
            }
            Response::json(200, &Value::Null).without_body()
        })
    }

    fn test_webhook(&mut self, request: &Request, id: &str, test: &str) -> Response {
        if !WEBHOOK_TESTS.contains(&test) {
            return self.error(
                request,
                404,
                "404.004",
                "No webhook test with this name.",
                vec![],
            );
        }
        let index = match self.webhook_or_404(request, id) {
            Ok(index) => index,
            Err(refusal) => return refusal,
        };
        // A test event goes to the subscription tested, whatever it subscribes to.
        let event_type = if test == "CredentialStatus" {
            "APICredentials"
        } else {
            test
        };
        self.record_event(index, event_type, json!({"test": true}));
        Response::json(200, &Value::Null).without_body()
    }
}

/// One cursor page of `items`: the cursor is the index of the page's first item.
fn cursor_page(items: &[Value], query: &Query) -> Value {
    let size = whole(query.get("maxResults")).unwrap_or(10).clamp(1, 200);
    let start = query
        .get("nextCursor")
        .or_else(|| query.get("prevCursor"))
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(0)
        .min(items.len());
    let end = (start + size).min(items.len());
    let page = items.get(start..end).unwrap_or_default();
    json!({
        "items": page,
        "numberOfElements": page.len(),
        "maxResults": size,
        "nextCursor": (end < items.len()).then(|| end.to_string()),
        "prevCursor": (start > 0).then(|| start.saturating_sub(size).to_string()),
        "nextPageAvailable": end < items.len(),
        "prevPageAvailable": start > 0,
    })
}
