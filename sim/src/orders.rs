//! `/orders`: create (with idempotency, limits, balances), get, list (filters, pages, the 10,000 cap)
//! and resend (the 30 s limit, undelivered orders).

use crate::clock::rfc3339;
use crate::data::{catalog_item, Behaviour, CatalogItem};
use crate::http::{Request, Response};
use crate::query::{same, whole, Query};
use crate::simulator::{field_entry, Simulator, Template, MAX_LIST_RESULTS, RESEND_INTERVAL_MS};
use crate::store::{StoredLineItem, StoredOrder};
use serde_json::{json, Value};
use tango_orders::model::*;
use tango_orders::validate::{
    parse_date_or_date_time, parse_range_end, validate_create_order, validate_order_filter,
    validate_order_resend, Code, ValidateOptions,
};

/// Query parameters of `GET /orders` that are numbers or booleans.
const ORDER_FILTER_NUMBERS: [&str; 4] = ["page", "elementsPerBlock", "minAmount", "maxAmount"];
const ORDER_FILTER_BOOLEANS: [&str; 1] = ["sendEmail"];
/// Page size when none is asked for, and the largest one served.
pub const DEFAULT_PAGE_SIZE: usize = 10;
pub const MAX_PAGE_SIZE: usize = 100;

/// Which view of an order to build.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OrderView {
    /// `OrderViewSummary`, the answer to a create.
    Created,
    /// `OrderViewVerbose`, the answer to a get.
    Detail,
    /// `OrderListItemView`, an entry of a list.
    ListEntry,
}

/// An amount in cents, read as the validator reads it (exact, from its decimal form); amounts
/// reach here validated, so the fallback only guards the types.
fn cents(amount: f64) -> i64 {
    tango_orders::validate::amount_cents(amount).unwrap_or(0)
}

fn money(cents: i64, currency: &str) -> Money {
    Money {
        value: Some(cents as f64 / 100.0),
        currency_code: Some(currency.to_owned()),
        ..Money::default()
    }
}

impl Simulator {
    pub(crate) fn create_order(&mut self, request: &Request) -> Response {
        let now = self.now_ms();
        if self
            .last_create_ms
            .is_some_and(|last| now - last < self.create_interval_ms)
        {
            return self.rate_limited(request);
        }
        self.last_create_ms = Some(now);

        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return self.not_json(request);
        };
        let options = ValidateOptions {
            now_ms: Some(now as f64),
            ..ValidateOptions::default()
        };
        let report = validate_create_order(&body, &options);
        if let Err(refusal) = self.refuse_invalid(request, &report, "The order is not valid.") {
            return refusal;
        }
        // Valid by the documented rules, so the typed model reads it.
        let Ok(criteria) = serde_json::from_value::<CreateOrderRequest>(body) else {
            return self.error(
                request,
                400,
                "400.001",
                "The order could not be read.",
                vec![],
            );
        };

        if let Some(existing) = criteria
            .external_ref_id
            .as_ref()
            .and_then(|key| self.store.order_by_external_ref.get(key).copied())
        {
            let in_progress = self
                .store
                .orders
                .get(existing)
                .is_some_and(|stored| now < stored.in_progress_until_ms);
            if in_progress {
                let message = "An order with this externalRefID is still being processed.";
                return self.error(request, 409, "409.001", message, vec![]);
            }
            return match self.order_view_at(existing, OrderView::Created) {
                Some(view) => Response::json(200, &view),
                None => self.inconsistent(request),
            };
        }
        self.place_order(request, criteria, now)
    }

    pub(crate) fn place_order(
        &mut self,
        request: &Request,
        criteria: CreateOrderRequest,
        now: i64,
    ) -> Response {
        let customer = criteria.customer_identifier.clone().unwrap_or_default();
        let account_id = criteria.account_identifier.clone().unwrap_or_default();
        let Some(account) = self
            .store
            .accounts
            .iter()
            .find(|a| a.identifier == account_id)
            .cloned()
        else {
            let errors = vec![field_entry(
                "accountIdentifier",
                Code::InvalidValue,
                "No such account.",
            )];
            return self.error(request, 400, "400.003", "Unknown account.", errors);
        };
        if account.customer != customer {
            let errors = vec![field_entry(
                "customerIdentifier",
                Code::Conflict,
                "The account does not belong to this customer.",
            )];
            return self.error(request, 400, "400.003", "Unknown customer.", errors);
        }
        let utid = criteria.utid.clone().unwrap_or_default();
        let Some(item) = catalog_item(&utid) else {
            let errors = vec![field_entry(
                "utid",
                Code::InvalidValue,
                "The UTID is not in this platform's catalog.",
            )];
            return self.error(request, 400, "400.004", "Unknown reward.", errors);
        };
        let templates = [
            ("etid", criteria.etid.as_deref(), Template::Email),
            ("ptid", criteria.ptid.as_deref(), Template::Printed),
        ];
        if let Some(refusal) = self.unknown_templates(request, &templates) {
            return refusal;
        }
        let method = resolved_method(&criteria);
        if !item.methods.contains(&method.as_str()) {
            let errors = vec![field_entry(
                "deliveryMethod",
                Code::Unsupported,
                "This reward does not support this delivery method.",
            )];
            return self.error(
                request,
                400,
                "400.005",
                "Unsupported delivery method.",
                errors,
            );
        }
        let amount_cents = cents(criteria.amount.unwrap_or_default());
        if !(item.min_cents..=item.max_cents).contains(&amount_cents) {
            let errors = vec![field_entry(
                "amount",
                Code::OutOfRange,
                "The amount is outside this reward's range.",
            )];
            return self.error(request, 400, "400.006", "Amount out of range.", errors);
        }
        if account.frozen {
            let message = "Account has been frozen, please contact your Tango CSM.";
            let errors = vec![json!({"code": 422001, "i18nKey": "404.142", "message": message})];
            return self.error(request, 422, "404.142", message, errors);
        }
        if account.balance_cents < amount_cents {
            return self.error(
                request,
                402,
                "402.000",
                "Insufficient funds in the account.",
                vec![],
            );
        }

        let index = self.commit_order(criteria, item, method, &account.number, amount_cents, now);
        let Some(view) = self.order_view_at(index, OrderView::Created) else {
            return self.inconsistent(request);
        };
        let mut response = Response::json(201, &view);
        if self.roll(self.faults.drop_after_commit_rate) {
            response.dropped = true;
        }
        response
    }

    /// Adds `count` past orders of $1.00 (U000001, no delivery) to `demo-account`, one every
    /// `spacing_ms` up to now, without the create limits: history for demos and for tests of
    /// paging and of the 10,000-result cap.
    pub fn seed_orders(&mut self, count: usize, spacing_ms: i64) {
        let now = self.now_ms();
        let item = &crate::data::CATALOG[0];
        for i in 0..count {
            let at = now - (count - i) as i64 * spacing_ms;
            let criteria = CreateOrderRequest {
                customer_identifier: Some(crate::data::CUSTOMER.into()),
                account_identifier: Some("demo-account".into()),
                utid: Some(item.utid.into()),
                amount: Some(1.0),
                delivery_method: Some(DeliveryMethod::None),
                external_ref_id: Some(format!("seed{i}")),
                ..CreateOrderRequest::default()
            };
            self.commit_order(criteria, item, DeliveryMethod::None, "A11111111", 100, at);
        }
    }

    /// Stores a new order and its line item, debits (and for a failing reward refunds) the account.
    fn commit_order(
        &mut self,
        criteria: CreateOrderRequest,
        item: &'static CatalogItem,
        method: DeliveryMethod,
        account_number: &str,
        amount_cents: i64,
        now: i64,
    ) -> usize {
        self.store.sequence += 1;
        let date = rfc3339(now);
        let order_id = format!(
            "RA{}{}{}-{:04}-{:02}",
            &date[2..4],
            &date[5..7],
            &date[8..10],
            self.store.sequence % 10_000,
            self.rng.u32(..100)
        );
        let line_item_id = format!("{order_id}-01");
        let account_id = criteria.account_identifier.clone().unwrap_or_default();
        let refunded = item.behaviour == Behaviour::AlwaysFails;
        if let Some(account) = self.store.account_mut(&account_id) {
            account.balance_cents -= if refunded { 0 } else { amount_cents };
        }
        let reward = self.make_reward(item, criteria.expiration_date.as_deref(), now);
        let denomination = money(amount_cents, "USD");
        let charged = Money {
            exchange_rate: Some(1.0),
            fee: Some(0.0),
            total: Some(amount_cents as f64 / 100.0),
            ..denomination.clone()
        };
        let recipient = criteria.recipient.clone().map(|mut r| {
            if method != DeliveryMethod::Address {
                r.address = None;
            }
            r
        });
        let order = Order {
            reference_order_id: Some(order_id.clone()),
            reference_line_item_id: Some(line_item_id.clone()),
            external_ref_id: criteria.external_ref_id.clone(),
            customer_identifier: criteria.customer_identifier.clone(),
            account_identifier: criteria.account_identifier.clone(),
            account_number: Some(account_number.to_owned()),
            amount_charged: Some(charged.clone()),
            denomination: Some(denomination.clone()),
            utid: Some(item.utid.to_owned()),
            ptid: criteria.ptid.clone(),
            reward_name: Some(item.name.to_owned()),
            sender: criteria.sender.clone(),
            recipient: recipient.clone(),
            email_subject: criteria.email_subject.clone(),
            message: criteria.message.clone(),
            send_email: Some(method == DeliveryMethod::Email),
            delivery_method: Some(method.clone()),
            etid: criteria
                .etid
                .clone()
                .or_else(|| (method == DeliveryMethod::Email).then(|| "E000000".to_owned())),
            campaign: criteria.campaign.clone(),
            created_at: Some(date.clone()),
            notes: criteria.notes.clone(),
            order_client_source: Some("API".to_owned()),
            purchase_order_number: criteria.purchase_order_number.clone(),
            redemption_instructions: reward.redemption_instructions.clone(),
            reward: Some(reward.clone()),
            ..Order::default()
        };
        let line_item = LineItem {
            reference_line_item_id: Some(line_item_id.clone()),
            reference_order_id: Some(order_id.clone()),
            order_source: Some(OrderSource::Api),
            delivery_method: Some(method),
            line_number: Some(1),
            reward_name: Some(item.name.to_owned()),
            amount_issued: Some(denomination),
            amount_charged: Some(charged),
            date_issued: Some(date),
            account_number: order.account_number.clone(),
            account_identifier: order.account_identifier.clone(),
            etid: order.etid.clone(),
            ptid: order.ptid.clone(),
            utid: order.utid.clone(),
            customer_identifier: order.customer_identifier.clone(),
            recipient,
            sender: order.sender.clone(),
            purchase_order_number: order.purchase_order_number.clone(),
            campaign: order.campaign.clone(),
            order_notes: order.notes.clone(),
            quantity: Some(1),
            reward: Some(reward),
            ..LineItem::default()
        };
        let order_index = self.store.orders.len();
        let item_index = self.store.line_items.len();
        self.store.line_items.push(StoredLineItem {
            item: line_item,
            order: order_index,
            behaviour: item.behaviour,
            created_ms: now,
            amount_cents,
            cancelled: false,
            frozen: false,
            last_resend_ms: None,
            resend_history: Vec::new(),
            action_history: Vec::new(),
        });
        if let Some(key) = &criteria.external_ref_id {
            self.store
                .order_by_external_ref
                .insert(key.clone(), order_index);
        }
        self.store.order_by_id.insert(order_id, order_index);
        if let Behaviour::Printed { pending_ms } = item.behaviour {
            self.mailed(&line_item_id, pending_ms);
        }
        self.store.line_item_by_id.insert(line_item_id, item_index);
        self.store.orders.push(StoredOrder {
            order,
            created_ms: now,
            in_progress_until_ms: now + self.faults.latency_ms as i64,
            line_items: vec![item_index],
            last_resend_ms: None,
        });
        order_index
    }

    fn make_reward(&mut self, item: &CatalogItem, expiration: Option<&str>, now: i64) -> Reward {
        let token: String = (0..24).map(|_| self.rng.alphanumeric()).collect();
        let credential = |label: &str, kind: &str, value: String| Credential {
            label: Some(label.to_owned()),
            value: Some(Sensitive::new(value)),
            kind: Some(kind.to_owned()),
            credential_type: Some(label.to_owned()),
        };
        let list = match item.behaviour {
            Behaviour::PromoLink => {
                let expires =
                    expiration.map_or_else(|| rfc3339(now + 365 * 86_400_000), str::to_owned);
                vec![
                    credential(
                        "redemptionUrl",
                        "url",
                        format!("https://rewards.tango-sim.invalid/p/{token}"),
                    ),
                    credential("expirationDate", "date", expires),
                ]
            }
            _ => {
                let code: String = (0..8).map(|_| self.rng.uppercase()).collect();
                vec![
                    credential("rewardSecurityCode", "text", code),
                    credential(
                        "rewardSecurityUrl",
                        "url",
                        format!("https://rewards.tango-sim.invalid/r/{token}"),
                    ),
                ]
            }
        };
        // The deprecated `credentials` map beside `credentialList`, as every docs sample shows it
        // (`{"rewardSecurityCode": "…", "rewardSecurityUrl": "…"}`) and older clients (Tango's own
        // Python SDK) read it. The OpenAPI document types it as a string; the docs win here.
        let legacy: serde_json::Map<String, Value> = list
            .iter()
            .filter_map(|c| {
                let name = c.credential_type.clone()?;
                Some((name, Value::String(c.value.as_ref()?.expose().to_owned())))
            })
            .collect();
        Reward {
            credentials: Some(LegacyCredentials(Value::Object(legacy))),
            credential_list: Some(list),
            redemption_instructions: Some(format!(
                "Redeem the {} at the URL with the code.",
                item.name
            )),
        }
    }

    /// The status of a line item now.
    pub(crate) fn line_item_status(&self, stored: &StoredLineItem) -> LineItemStatus {
        if stored.cancelled {
            return LineItemStatus::Cancelled;
        }
        match stored.behaviour {
            Behaviour::AlwaysFails => LineItemStatus::Failed,
            Behaviour::Printed { pending_ms } | Behaviour::Slow { pending_ms }
                if self.now_ms() < stored.created_ms + pending_ms =>
            {
                LineItemStatus::Pending
            }
            _ => LineItemStatus::Complete,
        }
    }

    /// The status of the line item at `index` now (`None` for an index the store does not hold).
    pub(crate) fn line_item_status_at(&self, index: usize) -> Option<LineItemStatus> {
        self.store
            .line_items
            .get(index)
            .map(|stored| self.line_item_status(stored))
    }

    pub(crate) fn order_status(&self, stored: &StoredOrder) -> OrderStatus {
        let statuses: Vec<LineItemStatus> = stored
            .line_items
            .iter()
            .filter_map(|&item| self.line_item_status_at(item))
            .collect();
        derive_order_status(&statuses)
    }

    /// The order at `index` as `view` shows it (`None` for an index the store does not hold).
    pub(crate) fn order_view_at(&self, index: usize, view: OrderView) -> Option<Order> {
        self.store
            .orders
            .get(index)
            .map(|stored| self.order_view(stored, view))
    }

    fn order_view(&self, stored: &StoredOrder, view: OrderView) -> Order {
        let mut order = stored.order.clone();
        let status = self.order_status(stored);
        order.status = Some(status.clone());
        match view {
            OrderView::Created => {
                order.account_number = None;
                order.etid = None;
                order.notes = None;
                order.order_client_source = None;
            }
            OrderView::Detail | OrderView::ListEntry => {
                order.order_status = Some(status);
                order.line_item_status = stored
                    .line_items
                    .first()
                    .and_then(|&i| self.line_item_status_at(i));
                order.order_external_ref_id_dupe = Some(false);
                order.redemption_instructions = None;
                if view == OrderView::ListEntry {
                    order.reward = None;
                    order.reference_line_item_id = None;
                }
            }
        }
        order
    }

    fn find_order(&self, id: &str) -> Option<usize> {
        self.store.order_by_id.get(id).copied()
    }

    pub(crate) fn get_order(&mut self, request: &Request, id: &str) -> Response {
        match self.find_order(id) {
            Some(index) => match self.order_view_at(index, OrderView::Detail) {
                Some(view) => Response::json(200, &view),
                None => self.inconsistent(request),
            },
            None => self.error(
                request,
                404,
                "404.001",
                "No order with this referenceOrderID.",
                vec![],
            ),
        }
    }

    pub(crate) fn list_orders(&mut self, request: &Request) -> Response {
        let query = Query::parse(&request.query);
        let filter_json = query.to_json(&ORDER_FILTER_NUMBERS, &ORDER_FILTER_BOOLEANS);
        let report = validate_order_filter(&filter_json, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The query is not valid.") {
            return refusal;
        }
        let Ok(filter) = serde_json::from_value::<OrderFilter>(filter_json) else {
            return self.error(request, 400, "400.002", "The query is not valid.", vec![]);
        };
        // Newest first, as Tango lists them; the sequence breaks ties within one millisecond.
        let mut matching: Vec<usize> = (self.store.orders.iter().enumerate())
            .filter(|(_, stored)| self.order_matches(stored, &filter))
            .map(|(i, _)| i)
            .collect();
        matching.reverse();
        let total = matching.len();
        matching.truncate(MAX_LIST_RESULTS);
        let size = whole(query.get("elementsPerBlock"))
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        let page = whole(query.get("page")).unwrap_or(0);
        let orders: Vec<Order> = matching
            .iter()
            .skip(page.saturating_mul(size))
            .take(size)
            .filter_map(|&i| self.order_view_at(i, OrderView::ListEntry))
            .collect();
        let body = OrderListPage {
            page: Some(Page {
                number: Some(page as i64),
                elements_per_block: Some(size as i64),
                result_count: Some(orders.len() as i64),
                total_count: Some(total as i64),
            }),
            orders: orders.into(),
        };
        Response::json(200, &body)
    }

    fn order_matches(&self, stored: &StoredOrder, filter: &OrderFilter) -> bool {
        let order = &stored.order;
        let recipient = order.recipient.as_ref();
        let sender = order.sender.as_ref();
        let value = order
            .denomination
            .as_ref()
            .and_then(|m| m.value)
            .unwrap_or(0.0);
        let start = filter
            .start_date
            .as_deref()
            .and_then(parse_date_or_date_time);
        let end = filter.end_date.as_deref().and_then(parse_range_end);
        let status = self.order_status(stored);
        let line_item_status = stored
            .line_items
            .first()
            .and_then(|&i| self.line_item_status_at(i));
        let person = |wanted: &Option<Sensitive>, actual: Option<&Sensitive>| {
            wanted.as_ref().map_or(true, |w| {
                actual.is_some_and(|a| a.expose().eq_ignore_ascii_case(w.expose()))
            })
        };
        same(&filter.account_identifier, &order.account_identifier)
            && same(&filter.customer_identifier, &order.customer_identifier)
            && same(&filter.external_ref_id, &order.external_ref_id)
            && start.map_or(true, |start| start <= stored.created_ms)
            && end.map_or(true, |end| stored.created_ms <= end)
            && filter.min_amount.map_or(true, |min| min <= value)
            && filter.max_amount.map_or(true, |max| value <= max)
            && filter.currency_code.as_ref().map_or(true, |c| c == "USD")
            && filter.utid.as_ref().map_or(true, |u| {
                order.utid.as_ref().is_some_and(|o| o.eq_ignore_ascii_case(u))
            })
            && same(&filter.ptid, &order.ptid)
            && same(&filter.reward_name, &order.reward_name)
            && person(&filter.sender_first_name, sender.and_then(|s| s.first_name.as_ref()))
            && person(&filter.sender_last_name, sender.and_then(|s| s.last_name.as_ref()))
            && person(&filter.sender_email, sender.and_then(|s| s.email.as_ref()))
            && person(&filter.recipient_email, recipient.and_then(|r| r.email.as_ref()))
            && person(&filter.recipient_mobile_number, recipient.and_then(|r| r.mobile_number.as_ref()))
            && person(&filter.recipient_first_name, recipient.and_then(|r| r.first_name.as_ref()))
            && person(&filter.recipient_last_name, recipient.and_then(|r| r.last_name.as_ref()))
            && same(&filter.send_email, &order.send_email)
            && same(&filter.delivery_method, &order.delivery_method)
            && filter.status.as_ref().map_or(true, |s| *s == status)
            && filter.order_status.as_ref().map_or(true, |s| *s == status)
            && same(&filter.line_item_status, &line_item_status)
            && same(&filter.campaign, &order.campaign)
            && same(&filter.notes, &order.notes)
            // The simulator's line items carry no notes of their own.
            && filter.line_item_notes.is_none()
            && same(&filter.purchase_order_number, &order.purchase_order_number)
    }

    pub(crate) fn resend_order(&mut self, request: &Request, id: &str) -> Response {
        let Some(index) = self.find_order(id) else {
            return self.error(
                request,
                404,
                "404.001",
                "No order with this referenceOrderID.",
                vec![],
            );
        };
        let Some(body) = crate::simulator::optional_json_body(request) else {
            return self.not_json(request);
        };
        let report = validate_order_resend(&body, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The resend is not valid.") {
            return refusal;
        }
        let criteria: OrderResendRequest = serde_json::from_value(body).unwrap_or_default();
        let templates = [("newEtid", criteria.new_etid.as_deref(), Template::Email)];
        if let Some(refusal) = self.unknown_templates(request, &templates) {
            return refusal;
        }
        let now = self.now_ms();
        let Some(stored) = self.store.orders.get(index) else {
            return self.inconsistent(request);
        };
        let last_resend_ms = stored.last_resend_ms;
        let delivered = stored
            .order
            .delivery_method
            .as_ref()
            .is_some_and(DeliveryMethod::is_delivered_by_tango);
        // The docs: an order Tango did not deliver (sendEmail false, method NONE) cannot be resent,
        // whatever method the resend names.
        if !delivered {
            let message =
                "Tango did not deliver this order (sendEmail was false), so it cannot resend it.";
            return self.error(request, 403, "403.003", message, vec![]);
        }
        if let Some(last) = last_resend_ms {
            if now - last < RESEND_INTERVAL_MS {
                let message = format!(
                    "Orders can be resent once every 30 seconds; last resent at {}.",
                    rfc3339(last)
                );
                return self.error(request, 403, "403.005", &message, vec![]);
            }
        }
        let Some(stored) = self.store.orders.get_mut(index) else {
            return self.inconsistent(request);
        };
        stored.last_resend_ms = Some(now);
        let recipient = stored
            .order
            .recipient
            .get_or_insert_with(Recipient::default);
        if let Some(email) = &criteria.new_email {
            recipient.email = Some(email.clone());
        }
        if let Some(mobile) = &criteria.new_mobile {
            recipient.mobile_number = Some(mobile.clone());
        }
        if let Some(method) = &criteria.new_delivery_method {
            stored.order.delivery_method = Some(method.clone());
        }
        let (email, mobile) = (recipient.email.clone(), recipient.mobile_number.clone());
        self.store.resends += 1;
        let result = OrderResendResult {
            id: Some(self.store.resends),
            legacy_id: Some(format!("R{:08}", self.store.resends)),
            created_at: Some(rfc3339(now)),
            email,
            mobile_number: mobile,
        };
        Response::json(201, &result)
    }
}

/// The delivery method Tango uses for a valid order: the explicit one, or the inferred one.
pub fn resolved_method(criteria: &CreateOrderRequest) -> DeliveryMethod {
    if let Some(method) = &criteria.delivery_method {
        return method.clone();
    }
    let has_address = criteria
        .recipient
        .as_ref()
        .is_some_and(|r| r.address.is_some());
    // The core's inference, as the validator and the client apply it.
    tango_orders::rules::infer_delivery_method(has_address, criteria.send_email)
        .map_or(DeliveryMethod::None, DeliveryMethod::from)
}
