//! `Simulator`: Tango's side of the wire. Takes a raw request, answers as Tango documents.

use crate::clock::{rfc3339, Clock};
use crate::data;
use crate::faults::Faults;
use crate::http::{phrase, Request, Response};
use crate::store::Store;
use crate::webhooks::WebhookStore;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tango_orders::validate::{Code, Report};

/// The path prefix every endpoint lives under, as on Tango's hosts.
pub const BASE_PATH: &str = "/raas/v2";
/// The largest request body read; a larger one is answered 413.
pub const MAX_BODY_BYTES: usize = 1 << 20;
/// Tango's create limit: one `POST /orders` per second.
pub const CREATE_INTERVAL_MS: i64 = (1_000.0 / tango_orders::rules::CREATES_PER_SECOND) as i64;
/// Tango's resend limit: one resend per order (or line item) per 30 seconds.
pub const RESEND_INTERVAL_MS: i64 = tango_orders::rules::RESEND_INTERVAL_MS;
/// Tango's list limit: a query returns at most 10,000 results.
pub const MAX_LIST_RESULTS: usize = tango_orders::rules::MAX_RESULTS_PER_QUERY as usize;

/// How to start a simulator.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SimOptions {
    /// Seed of the random source (IDs, codes, faults): the same seed, the same run.
    pub seed: u64,
    /// Faults to inject.
    pub faults: Faults,
    /// Use a virtual clock (moves only with `advance`) instead of the real one.
    pub virtual_clock: bool,
    /// Creates allowed per second: Tango's is 1; higher values let a client's queue be measured
    /// at other limits.
    pub creates_per_second: f64,
    /// Accept webhook subscriptions to any host, not only this machine's (the binary's
    /// `--allow-webhook-hosts`).
    pub allow_any_webhook_host: bool,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            seed: 1,
            faults: Faults::default(),
            virtual_clock: true,
            creates_per_second: tango_orders::rules::CREATES_PER_SECOND,
            allow_any_webhook_host: false,
        }
    }
}

/// The least time between creates for a limit of `per_second` (Tango's 1,000 ms for anything that
/// is not a positive number).
fn create_interval_ms(per_second: f64) -> i64 {
    if per_second.is_finite() && per_second > 0.0 {
        ((1_000.0 / per_second).round() as i64).max(1)
    } else {
        CREATE_INTERVAL_MS
    }
}

/// A simulated Tango: accounts, catalog, orders and line items, with Tango's documented limits.
pub struct Simulator {
    pub(crate) clock: Clock,
    pub(crate) rng: fastrand::Rng,
    pub(crate) faults: Faults,
    pub(crate) store: Store,
    pub(crate) last_create_ms: Option<i64>,
    /// Least time between two creates (1,000 ms: Tango's 1 per second).
    pub(crate) create_interval_ms: i64,
    pub(crate) burst_remaining: u32,
    /// The ID of the request being answered: the `x-request-id` header and an error body's
    /// `requestId` are the same value, as one request has one ID.
    pub(crate) request_id: String,
    /// Webhook subscriptions, their events and the deliveries queued.
    pub(crate) webhooks: WebhookStore,
    /// See [`SimOptions::allow_any_webhook_host`].
    pub(crate) allow_any_webhook_host: bool,
}

impl Simulator {
    /// Changes the create limit (see [`SimOptions::creates_per_second`]).
    pub fn set_creates_per_second(&mut self, per_second: f64) {
        self.create_interval_ms = create_interval_ms(per_second);
    }

    /// A simulator with the default data.
    pub fn new(options: SimOptions) -> Self {
        let clock = if options.virtual_clock {
            Clock::virtual_default()
        } else {
            Clock::Real { offset_ms: 0 }
        };
        Simulator {
            clock,
            rng: fastrand::Rng::with_seed(options.seed),
            faults: options.faults,
            store: Store {
                accounts: data::accounts(),
                ..Store::default()
            },
            last_create_ms: None,
            create_interval_ms: create_interval_ms(options.creates_per_second),
            burst_remaining: 0,
            request_id: String::new(),
            webhooks: WebhookStore::default(),
            allow_any_webhook_host: options.allow_any_webhook_host,
        }
    }

    /// The current simulated time, in epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Moves simulated time forward (pending rewards complete, limits expire).
    pub fn advance(&mut self, ms: i64) {
        self.clock.advance(ms);
    }

    /// Moves simulated time forward to `now_ms` (never back), for a host whose own virtual clock
    /// drives the simulator's.
    pub fn advance_to(&mut self, now_ms: i64) {
        let now = self.now_ms();
        if now_ms > now {
            self.clock.advance(now_ms - now);
        }
    }

    /// Replaces the faults to inject.
    pub fn set_faults(&mut self, faults: Faults) {
        self.faults = faults;
    }

    /// How many orders exist.
    pub fn order_count(&self) -> usize {
        self.store.orders.len()
    }

    /// An account's balance in cents.
    pub fn balance_cents(&self, account: &str) -> Option<i64> {
        self.store
            .accounts
            .iter()
            .find(|a| a.identifier == account)
            .map(|a| a.balance_cents)
    }

    /// How many orders carry each `externalRefID` (every count should be 1).
    pub fn external_ref_counts(&self) -> std::collections::HashMap<String, usize> {
        let mut counts = std::collections::HashMap::new();
        for stored in &self.store.orders {
            if let Some(key) = &stored.order.external_ref_id {
                *counts.entry(key.clone()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Answers one request.
    pub fn handle(&mut self, request: &Request) -> Response {
        self.request_id = self.new_uuid();
        self.mail_moved();
        let mut response = self.route(request);
        response.delay_ms = self.faults.latency_ms;
        response
            .headers
            .push(("x-request-id".into(), self.request_id.clone()));
        response
    }

    fn route(&mut self, request: &Request) -> Response {
        let method = request.method.to_ascii_uppercase();
        if method == "OPTIONS" {
            return Response::json(204, &Value::Null).without_body();
        }
        let Some(segments) = self.segments(&request.path) else {
            return self.error(request, 404, "404.000", "No such endpoint.", vec![]);
        };
        if !self.authorized(request) {
            return self.error(
                request,
                401,
                "401.000",
                "Missing or wrong credentials.",
                vec![],
            );
        }
        if request.body.len() > MAX_BODY_BYTES {
            return self.error(
                request,
                413,
                "413.000",
                "The request body is too large.",
                vec![],
            );
        }
        if let Some(fault) = self.injected_fault(request) {
            return fault;
        }
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        if let Some(answer) = self.webhook_route(request, &method, &segments) {
            return answer;
        }
        match (method.as_str(), segments.as_slice()) {
            ("GET", ["catalogs"]) => self.catalogs(request),
            ("POST", ["orders"]) => self.create_order(request),
            ("GET", ["orders"]) => self.list_orders(request),
            ("GET", ["orders", id]) => self.get_order(request, id),
            ("POST", ["orders", id, "resends"]) => self.resend_order(request, id),
            ("GET", ["lineItems"]) => self.list_line_items(request),
            ("GET", ["lineItems", "reasonCodes"]) => self.reason_codes(),
            ("GET", ["lineItems", id]) => self.get_line_item(request, id),
            ("POST", ["lineItems", id, "resends"]) => self.resend_line_item(request, id),
            ("POST", ["lineItems", id, action @ ("cancel" | "freeze" | "unfreeze")]) => {
                self.line_item_action(request, id, action)
            }
            ("POST", ["lineItems", id, "reissue"]) => self.reissue_line_item(request, id),
            ("PATCH", ["lineItems", id]) => self.update_line_item(request, id),
            ("GET", ["lineItems", id, "embeddedUrl"]) => self.embedded_url(request, id),
            (
                _,
                ["catalogs"]
                | ["orders"]
                | ["orders", _]
                | ["orders", _, "resends"]
                | ["lineItems"]
                | ["lineItems", _],
            )
            | (
                _,
                ["lineItems", _, "resends" | "cancel" | "freeze" | "unfreeze" | "reissue" | "embeddedUrl"],
            ) => self.error(request, 405, "405.000", "Method not allowed here.", vec![]),
            _ => self.error(request, 404, "404.000", "No such endpoint.", vec![]),
        }
    }

    /// The path's segments after `/raas/v2`, percent-decoded; `None` outside it or when a segment
    /// does not decode to UTF-8.
    fn segments(&self, path: &str) -> Option<Vec<String>> {
        let rest = path.strip_prefix(BASE_PATH)?;
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        rest.split('/')
            .filter(|s| !s.is_empty())
            .map(|segment| {
                percent_encoding::percent_decode_str(segment)
                    .decode_utf8()
                    .ok()
                    .map(|s| s.into_owned())
            })
            .collect()
    }

    fn authorized(&self, request: &Request) -> bool {
        let Some(value) = request.header("authorization") else {
            return false;
        };
        if let Some(token) = value.strip_prefix("Bearer ") {
            return token == data::BEARER_TOKEN;
        }
        let Some(encoded) = value.strip_prefix("Basic ") else {
            return false;
        };
        let expected = format!("{}:{}", data::PLATFORM_NAME, data::PLATFORM_KEY);
        use base64::Engine as _;
        let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim());
        decoded.is_ok_and(|decoded| decoded == expected.as_bytes())
    }

    fn injected_fault(&mut self, request: &Request) -> Option<Response> {
        if self.burst_remaining > 0 {
            self.burst_remaining -= 1;
            return Some(self.rate_limited(request));
        }
        if self.roll(self.faults.rate_limit_burst_rate) {
            self.burst_remaining = self.faults.rate_limit_burst_length.max(1) - 1;
            return Some(self.rate_limited(request));
        }
        if self.roll(self.faults.server_error_rate) {
            let status = [500, 502, 503, 504]
                .get(self.rng.usize(..4))
                .copied()
                .unwrap_or(500);
            return Some(self.error(request, status, "500.000", "Injected server error.", vec![]));
        }
        None
    }

    /// Whether a fault with probability `rate` happens now.
    pub(crate) fn roll(&mut self, rate: f64) -> bool {
        rate > 0.0 && self.rng.f64() < rate
    }

    /// 429 with `Retry-After: 1`, as Tango's 1 TPS limit answers.
    pub(crate) fn rate_limited(&mut self, request: &Request) -> Response {
        let message = "Exceeded the allowable TPS rate limit: wait 1 second and try again.";
        let mut response = self.error(request, 429, "429.000", message, vec![]);
        response.headers.push(("retry-after".into(), "1".into()));
        response
    }

    /// 400 `400.001`: the body is not JSON.
    pub(crate) fn not_json(&mut self, request: &Request) -> Response {
        let message = "The request body is not valid JSON.";
        self.error(request, 400, "400.001", message, vec![])
    }

    /// 400 `400.002` with one entry per invalid field when `report` has issues (`what` names the
    /// input: "The order is not valid.").
    pub(crate) fn refuse_invalid(
        &mut self,
        request: &Request,
        report: &Report,
        what: &str,
    ) -> Result<(), Response> {
        if report.valid {
            return Ok(());
        }
        // Tango ignores members it does not have (the client refuses them before sending).
        let report = report.clone().ignoring_unknown_fields();
        if report.valid {
            return Ok(());
        }
        // Tango's 400 `errors` list: one entry per invalid field.
        let errors = report
            .issues
            .iter()
            .map(|issue| field_entry(&issue.path, issue.code, &issue.message))
            .collect();
        Err(self.error(request, 400, "400.002", what, errors))
    }

    /// A 400 naming each template that is not on the platform, or `None` when every one named
    /// exists. `templates` are (field, the ID sent, whether it is printed).
    pub(crate) fn unknown_templates(
        &mut self,
        request: &Request,
        templates: &[(&str, Option<&str>, Template)],
    ) -> Option<Response> {
        let mut errors = Vec::new();
        for &(field, id, kind) in templates {
            let list: &[&str] = match kind {
                Template::Email => &data::EMAIL_TEMPLATES,
                Template::Printed => &data::PRINTED_TEMPLATES,
            };
            let known = |id: &str| list.contains(&id.to_ascii_uppercase().as_str());
            if id.is_some_and(|id| !known(id)) {
                let message = "No template with this ID on the platform.";
                errors.push(field_entry(field, Code::InvalidValue, message));
            }
        }
        (!errors.is_empty())
            .then(|| self.error(request, 400, "400.008", "Unknown template.", errors))
    }

    /// A Tango error body (`ErrorInfo`).
    pub(crate) fn error(
        &mut self,
        request: &Request,
        status: u16,
        i18n_key: &str,
        message: &str,
        errors: Vec<Value>,
    ) -> Response {
        let body = json!({
            "timestamp": rfc3339(self.now_ms()),
            "requestId": self.request_id.clone(),
            "path": request.path,
            "httpCode": status,
            "httpPhrase": phrase(status),
            "i18nKey": i18n_key,
            "message": message,
            "errors": errors,
        });
        Response::json(status, &body)
    }

    /// The answer when an index the store handed out points nowhere: a bug in the simulator,
    /// answered as a 500 instead of a panic.
    pub(crate) fn inconsistent(&mut self, request: &Request) -> Response {
        let message = "The simulator's store is inconsistent.";
        self.error(request, 500, "500.001", message, vec![])
    }

    /// An ID in the UUID shape (requests, webhooks, events), from the seeded source.
    pub(crate) fn new_uuid(&mut self) -> String {
        let hex: String = (0..32)
            .map(|_| char::from_digit(self.rng.u32(..16), 16).unwrap_or('0'))
            .collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    }
}

/// Which kind of template an ID names.
#[derive(Clone, Copy)]
pub(crate) enum Template {
    /// An email template (`etid`).
    Email,
    /// A printed reward link template (`ptid`).
    Printed,
}

/// One entry of a 400's `errors`, in the documented `ValidationErrorDto` shape: `field`,
/// `errorCodeName` and `errorCodeValue` (the validator's stable code, upper-cased, and its number:
/// Tango documents the shape, not the values) and `message`.
pub(crate) fn field_entry(field: &str, code: Code, message: &str) -> Value {
    let (value, name) = match code {
        Code::Required => (1, "REQUIRED"),
        Code::TooShort => (2, "TOO_SHORT"),
        Code::TooLong => (3, "TOO_LONG"),
        Code::InvalidCharacters => (4, "INVALID_CHARACTERS"),
        Code::InvalidFormat => (5, "INVALID_FORMAT"),
        Code::InvalidValue => (6, "INVALID_VALUE"),
        Code::NotAllowed => (7, "NOT_ALLOWED"),
        Code::OutOfRange => (8, "OUT_OF_RANGE"),
        Code::Unsupported => (9, "UNSUPPORTED"),
        Code::Conflict => (10, "CONFLICT"),
        // `Code` may grow (it is non_exhaustive): a code this version does not know gets 0.
        _ => (0, "OTHER"),
    };
    json!({"field": field, "errorCodeValue": value, "errorCodeName": name, "message": message})
}

/// A body that may be empty (an empty resend resends to the original recipient) as JSON: `null`
/// when empty, `None` when it is not JSON.
pub(crate) fn optional_json_body(request: &Request) -> Option<Value> {
    if request.body.iter().all(u8::is_ascii_whitespace) {
        return Some(Value::Null);
    }
    serde_json::from_slice(&request.body).ok()
}

impl Response {
    /// The same response with no body (for 204, and Tango's empty 200s).
    pub(crate) fn without_body(mut self) -> Self {
        self.body.clear();
        self.headers
            .retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
        self
    }
}
