//! `/lineItems`: list (keyset pages), get, resend (with a switch of method), cancel, freeze,
//! unfreeze (reissue, update, embedded URL and reason codes: line_item_changes.rs).

use crate::clock::rfc3339;
use crate::data::Behaviour;
use crate::http::{Request, Response};
use crate::orders::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use crate::query::{same, whole, Query};
use crate::simulator::optional_json_body;
use crate::simulator::{field_entry, Simulator, Template, RESEND_INTERVAL_MS};
use crate::store::StoredLineItem;
use serde_json::Value;
use tango_orders::model::*;
use tango_orders::validate::{
    parse_date_or_date_time, parse_range_end, validate_line_item_action, validate_line_item_filter,
    validate_line_item_resend, Code, LineItemAction as Action, ValidateOptions,
};

const LINE_ITEM_FILTER_NUMBERS: [&str; 3] = [
    "elementsPerBlock",
    "minRemainingBalance",
    "maxRemainingBalance",
];
const LINE_ITEM_FILTER_BOOLEANS: [&str; 3] =
    ["pagePrevious", "hasRemainingBalance", "columnSortAscending"];

impl Simulator {
    /// A line item as Tango shows it now; `verbose` adds the reward and the histories.
    /// The line item at `index` as Tango shows it now (`None` for an index the store does not
    /// hold).
    pub(crate) fn line_item_view_at(&self, index: usize, verbose: bool) -> Option<LineItem> {
        self.store
            .line_items
            .get(index)
            .map(|stored| self.line_item_view(stored, verbose))
    }

    fn line_item_view(&self, stored: &StoredLineItem, verbose: bool) -> LineItem {
        let mut item = stored.item.clone();
        let status = self.line_item_status(stored);
        let order_status = self
            .store
            .orders
            .get(stored.order)
            .map(|order| self.order_status(order));
        let method = item.delivery_method.clone().unwrap_or(DeliveryMethod::None);
        let pending = status == LineItemStatus::Pending;
        let failed = status == LineItemStatus::Failed;
        item.order_status = order_status;
        item.email_status = Some(match (&method, pending, failed) {
            (DeliveryMethod::Email, _, true) => EmailStatus::NotDelivered,
            (DeliveryMethod::Email, true, _) => EmailStatus::Pending,
            (DeliveryMethod::Email, false, _) => EmailStatus::Delivered,
            _ => EmailStatus::NotDelivered,
        });
        item.delivery_status = match (&method, stored.behaviour) {
            _ if failed => Some(DeliveryStatus::Failed),
            (DeliveryMethod::Address, _) if pending => Some(DeliveryStatus::Pending),
            (DeliveryMethod::Address, _) => Some(DeliveryStatus::Dispatched),
            (m, _) if m.is_delivered_by_tango() && pending => Some(DeliveryStatus::Processing),
            (m, _) if m.is_delivered_by_tango() => Some(DeliveryStatus::Delivered),
            _ => None,
        };
        let reward_status = if failed {
            RewardStatus::Failed
        } else if stored.cancelled {
            RewardStatus::Cancelled
        } else if stored.frozen {
            RewardStatus::Frozen
        } else if pending {
            RewardStatus::Processing
        } else {
            RewardStatus::Active
        };
        let usable = reward_status == RewardStatus::Active || reward_status == RewardStatus::Frozen;
        item.remaining_balance = Some(if usable {
            stored.amount_cents as f64 / 100.0
        } else {
            0.0
        });
        item.can_cancel = Some(matches!(
            status,
            LineItemStatus::Complete | LineItemStatus::Pending
        ));
        item.can_freeze = Some(status == LineItemStatus::Complete && !stored.frozen);
        if stored.behaviour == Behaviour::PromoLink {
            item.expiration_date = item
                .reward
                .as_ref()
                .and_then(|r| r.credential_list.as_ref())
                .and_then(|list| {
                    list.iter()
                        .find(|c| c.credential_type.as_deref() == Some("expirationDate"))
                })
                .and_then(|c| c.value.as_ref().map(|v| v.expose().to_owned()));
        }
        if failed {
            item.line_item_errors = Some(vec![LineItemErrorDetail {
                error_code: Some("REWARD_UNAVAILABLE".into()),
                error_message: Some(
                    "The reward could not be issued; the account was refunded.".into(),
                ),
            }]);
        }
        item.status = Some(status);
        item.reward_status = Some(reward_status.clone());
        if verbose {
            item.resend_history = Some(stored.resend_history.clone());
            item.line_item_action_history = Some(stored.action_history.clone());
            item.redemption_history = Some(Vec::new());
            item.reward_view_history = Some(vec![RewardStatusChange {
                date: item.date_issued.clone(),
                status: Some(reward_status),
            }]);
        } else {
            item.reward = None;
        }
        item
    }

    fn find_line_item(&self, id: &str) -> Option<usize> {
        self.store.line_item_by_id.get(id).copied()
    }

    pub(crate) fn get_line_item(&mut self, request: &Request, id: &str) -> Response {
        match self.find_line_item(id) {
            Some(index) => match self.line_item_view_at(index, true) {
                Some(view) => Response::json(200, &view),
                None => self.inconsistent(request),
            },
            None => self.error(
                request,
                404,
                "404.002",
                "No line item with this referenceLineItemID.",
                vec![],
            ),
        }
    }

    pub(crate) fn list_line_items(&mut self, request: &Request) -> Response {
        let query = Query::parse(&request.query);
        let mut filter_json = query.to_json(&LINE_ITEM_FILTER_NUMBERS, &LINE_ITEM_FILTER_BOOLEANS);
        let keys = query.all("pageKeys");
        if let Some(object) = filter_json.as_object_mut() {
            object.remove("pageKeys[]");
            if keys.is_empty() {
                object.remove("pageKeys");
            } else {
                object.insert("pageKeys".into(), Value::from(keys.clone()));
            }
        }
        // The same rules the client applies before sending (one source: the core's validator).
        let report = validate_line_item_filter(&filter_json, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The query is not valid.") {
            return refusal;
        }
        if let Some(object) = filter_json.as_object_mut() {
            object.remove("pageKeys");
        }
        let Ok(filter) = serde_json::from_value::<LineItemFilter>(filter_json) else {
            return self.error(request, 400, "400.002", "The query is not valid.", vec![]);
        };
        let ascending = filter.column_sort_ascending == Some(true);
        let column = filter
            .column_sort_name
            .as_ref()
            .map_or("dateIssued", |c| c.as_str());
        let mut keyed: Vec<(SortKey, usize)> = (self.store.line_items.iter().enumerate())
            .filter(|(_, stored)| self.line_item_matches(stored, &filter))
            .map(|(i, stored)| (self.sort_key(stored, column), i))
            .collect();
        // Ties keep issue order, so pages (keyed by position) are stable.
        keyed.sort();
        if !ascending {
            keyed.reverse();
        }
        let matching: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        let total = matching.len();
        let size = whole(query.get("elementsPerBlock"))
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        // A page key is [dateIssued, referenceLineItemID] of the item the page continues from.
        let anchor = keys.last().and_then(|id| {
            matching.iter().position(|&i| {
                self.store
                    .line_items
                    .get(i)
                    .and_then(|stored| stored.item.reference_line_item_id.as_deref())
                    == Some(*id)
            })
        });
        if !keys.is_empty() && anchor.is_none() {
            // Keys no page of this query answered: page 1 again would make a client with a paging
            // bug loop forever, so say so.
            let message =
                "Page keys must be the nextPageKeys or previousPageKeys of a page of this query.";
            let errors = vec![field_entry("pageKeys", Code::InvalidFormat, message)];
            return self.error(request, 400, "400.002", "The query is not valid.", errors);
        }
        let (start, end) = match (anchor, filter.page_previous == Some(true)) {
            (None, _) => (0, size.min(total)),
            (Some(at), false) => (at + 1, (at + 1 + size).min(total)),
            (Some(at), true) => (at.saturating_sub(size), at),
        };
        let page = matching
            .get(start.min(total)..end.max(start).min(total))
            .unwrap_or_default();
        let key_of = |i: usize| {
            let stored = self.store.line_items.get(i)?;
            Some(vec![
                stored.created_ms.to_string(),
                stored
                    .item
                    .reference_line_item_id
                    .clone()
                    .unwrap_or_default(),
            ])
        };
        let next = if end < total {
            page.last().and_then(|&i| key_of(i))
        } else {
            None
        };
        let previous = if start > 0 {
            page.first().and_then(|&i| key_of(i))
        } else {
            None
        };
        let line_items: Vec<LineItem> = page
            .iter()
            .filter_map(|&i| self.line_item_view_at(i, false))
            .collect();
        let body = LineItemListPage {
            keyset_page: Some(KeysetPage {
                next_page_keys: Some(next.unwrap_or_default()),
                previous_page_keys: Some(previous.unwrap_or_default()),
                result_count: Some(line_items.len() as i64),
                total_count: Some(total as i64),
            }),
            line_items: line_items.into(),
        };
        Response::json(200, &body)
    }

    /// What `columnSortName` sorts a line item by.
    fn sort_key(&self, stored: &StoredLineItem, column: &str) -> SortKey {
        let view = self.line_item_view(stored, false);
        let text = |value: Option<&str>| SortKey::Text(value.unwrap_or_default().to_lowercase());
        let person = |pick: fn(&Recipient) -> Option<&Sensitive>| {
            text(
                view.recipient
                    .as_ref()
                    .and_then(pick)
                    .map(Sensitive::expose),
            )
        };
        match column {
            "amountIssued" => SortKey::Number(stored.amount_cents),
            "accountNumber" => text(view.account_number.as_deref()),
            "emailStatus" => text(view.email_status.as_ref().map(EmailStatus::as_str)),
            "deliveryMethod" => text(view.delivery_method.as_ref().map(DeliveryMethod::as_str)),
            "externalReferenceId" => text(
                self.store
                    .orders
                    .get(stored.order)
                    .and_then(|o| o.order.external_ref_id.as_deref()),
            ),
            "status" => text(view.status.as_ref().map(LineItemStatus::as_str)),
            "orderSource" => text(view.order_source.as_ref().map(OrderSource::as_str)),
            "orderStatus" => text(view.order_status.as_ref().map(OrderStatus::as_str)),
            "recipientFirstName" => person(|r| r.first_name.as_ref()),
            "recipientLastName" => person(|r| r.last_name.as_ref()),
            "rewardName" => text(view.reward_name.as_deref()),
            _ => SortKey::Number(stored.created_ms),
        }
    }

    fn line_item_matches(&self, stored: &StoredLineItem, filter: &LineItemFilter) -> bool {
        let view = self.line_item_view(stored, false);
        let Some(order) = self.store.orders.get(stored.order).map(|o| &o.order) else {
            return false;
        };
        let recipient = view.recipient.as_ref();
        let address = recipient.and_then(|r| r.address.as_ref());
        let person = |wanted: &Option<Sensitive>, actual: Option<&Sensitive>| {
            wanted.as_ref().map_or(true, |w| {
                actual.is_some_and(|a| a.expose().eq_ignore_ascii_case(w.expose()))
            })
        };
        let balance = view.remaining_balance.unwrap_or(0.0);
        let start = filter
            .start_date
            .as_deref()
            .and_then(parse_date_or_date_time);
        let end = filter.end_date.as_deref().and_then(parse_range_end);
        same(&filter.reference_order_id, &view.reference_order_id)
            && same(&filter.external_ref_id, &order.external_ref_id)
            && same(&filter.utid, &view.utid)
            && same(&filter.ptid, &view.ptid)
            && same(&filter.etid, &view.etid)
            && same(&filter.status, &view.status)
            && same(&filter.email_status, &view.email_status)
            && same(&filter.delivery_method, &view.delivery_method)
            && same(&filter.delivery_status, &view.delivery_status)
            && same(&filter.order_status, &view.order_status)
            && same(&filter.order_source, &view.order_source)
            && person(
                &filter.recipient_email,
                recipient.and_then(|r| r.email.as_ref()),
            )
            && person(
                &filter.recipient_mobile_number,
                recipient.and_then(|r| r.mobile_number.as_ref()),
            )
            && person(
                &filter.recipient_first_name,
                recipient.and_then(|r| r.first_name.as_ref()),
            )
            && person(
                &filter.recipient_last_name,
                recipient.and_then(|r| r.last_name.as_ref()),
            )
            && person(
                &filter.recipient_street_line1,
                address.and_then(|a| a.street_line1.as_ref()),
            )
            && person(
                &filter.recipient_street_line2,
                address.and_then(|a| a.street_line2.as_ref()),
            )
            && person(
                &filter.recipient_city,
                address.and_then(|a| a.city.as_ref()),
            )
            && person(
                &filter.recipient_state_or_province,
                address.and_then(|a| a.state_or_province.as_ref()),
            )
            && person(
                &filter.recipient_postal_code,
                address.and_then(|a| a.postal_code.as_ref()),
            )
            && person(
                &filter.recipient_country,
                address.and_then(|a| a.country.as_ref()),
            )
            && same(&filter.account_identifier, &view.account_identifier)
            && same(&filter.campaign, &view.campaign)
            && same(&filter.purchase_order_number, &view.purchase_order_number)
            && same(&filter.order_notes, &view.order_notes)
            && start.map_or(true, |start| start <= stored.created_ms)
            && end.map_or(true, |end| stored.created_ms <= end)
            && filter
                .min_remaining_balance
                .map_or(true, |min| min <= balance)
            && filter
                .max_remaining_balance
                .map_or(true, |max| balance <= max)
            && filter
                .has_remaining_balance
                .map_or(true, |has| has == (balance > 0.0))
    }

    pub(crate) fn resend_line_item(&mut self, request: &Request, id: &str) -> Response {
        let Some(index) = self.find_line_item(id) else {
            return self.error(
                request,
                404,
                "404.002",
                "No line item with this referenceLineItemID.",
                vec![],
            );
        };
        let Some(body) = optional_json_body(request) else {
            return self.not_json(request);
        };
        let report = validate_line_item_resend(&body, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The resend is not valid.") {
            return refusal;
        }
        let criteria: LineItemResendRequest = serde_json::from_value(body).unwrap_or_default();
        let templates = [("newEtid", criteria.new_etid.as_deref(), Template::Email)];
        if let Some(refusal) = self.unknown_templates(request, &templates) {
            return refusal;
        }
        let now = self.now_ms();
        let Some(stored) = self.store.line_items.get(index) else {
            return self.inconsistent(request);
        };
        let status = self.line_item_status(stored);
        let method = stored
            .item
            .delivery_method
            .clone()
            .unwrap_or(DeliveryMethod::None);
        // As for orders (the docs): a reward Tango did not deliver cannot be resent, even by
        // another method.
        if status != LineItemStatus::Complete || !method.is_delivered_by_tango() {
            let message = "Tango did not deliver this reward, so it cannot resend it.";
            return self.error(request, 403, "403.003", message, vec![]);
        }
        if stored
            .last_resend_ms
            .is_some_and(|last| now - last < RESEND_INTERVAL_MS)
        {
            let message = "A line item can be resent once every 30 seconds.";
            return self.error(request, 403, "403.005", message, vec![]);
        }
        self.store.resends += 1;
        let resend_id = self.store.resends;
        let Some(stored) = self.store.line_items.get_mut(index) else {
            return self.inconsistent(request);
        };
        stored.last_resend_ms = Some(now);
        let new_method = criteria.new_delivery_method.clone().unwrap_or(method);
        stored.item.delivery_method = Some(new_method.clone());
        let recipient = stored.item.recipient.get_or_insert_with(Recipient::default);
        if let Some(email) = &criteria.new_email {
            recipient.email = Some(email.clone());
        }
        if let Some(mobile) = &criteria.new_mobile_number {
            recipient.mobile_number = Some(mobile.clone());
        }
        let contact = Recipient {
            email: recipient.email.clone(),
            mobile_number: recipient.mobile_number.clone(),
            ..Recipient::default()
        };
        stored.resend_history.push(ResendAuditEvent {
            date_issued: Some(rfc3339(now)),
            sender: stored.item.sender.clone(),
            recipient: Some(contact.clone()),
            delivery_method: Some(new_method.clone()),
            delivery_status: Some(DeliveryStatus::Delivered),
            etid: criteria
                .new_etid
                .clone()
                .or_else(|| stored.item.etid.clone()),
            reason_code: criteria.reason_code.clone(),
            other_reason: criteria.other_reason.clone(),
        });
        let result = LineItemResendResult {
            id: Some(resend_id),
            legacy_id: Some(format!("R{resend_id:08}")),
            created_at: Some(rfc3339(now)),
            delivery_method: Some(new_method),
            email: contact.email,
            mobile_number: contact.mobile_number,
            reason_code: criteria.reason_code,
            other_reason: criteria.other_reason,
        };
        Response::json(201, &result)
    }

    pub(crate) fn line_item_action(
        &mut self,
        request: &Request,
        id: &str,
        action: &str,
    ) -> Response {
        let Some(index) = self.find_line_item(id) else {
            return self.error(
                request,
                404,
                "404.002",
                "No line item with this referenceLineItemID.",
                vec![],
            );
        };
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return self.not_json(request);
        };
        let kind = if action == "cancel" {
            Action::Cancel
        } else {
            Action::Freeze
        };
        let report = validate_line_item_action(&body, kind, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The request is not valid.") {
            return refusal;
        }
        let reason = body
            .get("reasonCode")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let Some(stored) = self.store.line_items.get(index) else {
            return self.inconsistent(request);
        };
        let status = self.line_item_status(stored);
        let allowed = match action {
            "cancel" => matches!(status, LineItemStatus::Complete | LineItemStatus::Pending),
            "freeze" => status == LineItemStatus::Complete && !stored.frozen,
            _ => stored.frozen && !stored.cancelled,
        };
        if !allowed {
            let done = match action {
                "cancel" => "cancelled",
                "freeze" => "frozen",
                _ => "unfrozen",
            };
            let message = format!("This line item cannot be {done} in its current state.");
            return self.error(request, 422, "422.002", &message, vec![]);
        }
        let now = self.now_ms();
        let order_account = self
            .store
            .orders
            .get(stored.order)
            .and_then(|order| order.order.account_identifier.clone())
            .unwrap_or_default();
        let amount = stored.amount_cents;
        let Some(stored) = self.store.line_items.get_mut(index) else {
            return self.inconsistent(request);
        };
        match action {
            "cancel" => stored.cancelled = true,
            "freeze" => stored.frozen = true,
            _ => stored.frozen = false,
        }
        stored.action_history.push(LineItemAction {
            action: Some(action.to_uppercase()),
            reason: Some(reason.clone()),
            action_date: Some(rfc3339(now)),
            ..LineItemAction::default()
        });
        if action == "cancel" {
            if let Some(account) = self.store.account_mut(&order_account) {
                account.balance_cents += amount;
            }
        }
        self.reward_status(index, &action.to_uppercase(), &reason, None);
        Response::json(202, &"Accepted")
    }
}

/// A sort value: a number (amounts in cents, dates in milliseconds) or text (compared without case).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(i64),
    Text(String),
}
