//! `/lineItems/{id}` changes beyond the actions: reissue (cancel and place a replacement), update
//! (PATCH: purchase order number, campaign, notes), the embedded page's URL, and the reason codes.

use crate::clock::rfc3339;
use crate::http::{Request, Response};
use crate::simulator::Simulator;
use serde_json::Value;
use std::collections::BTreeMap;
use tango_orders::model::*;
use tango_orders::validate::{
    validate_line_item_reissue, validate_line_item_update, ValidateOptions,
};

impl Simulator {
    fn line_item_or_404(&mut self, request: &Request, id: &str) -> Result<usize, Response> {
        self.store.line_item_by_id.get(id).copied().ok_or_else(|| {
            let message = "No line item with this referenceLineItemID.";
            self.error(request, 404, "404.002", message, vec![])
        })
    }

    /// `POST /lineItems/{id}/reissue`: cancels the line item (refunding it) and places a new order
    /// from the original with the body's changes; 201 with the new order, as a create answers.
    pub(crate) fn reissue_line_item(&mut self, request: &Request, id: &str) -> Response {
        let index = match self.line_item_or_404(request, id) {
            Ok(index) => index,
            Err(response) => return response,
        };
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return self.not_json(request);
        };
        let report = validate_line_item_reissue(&body, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The reissue is not valid.") {
            return refusal;
        }
        let Some(stored) = self.store.line_items.get(index) else {
            return self.inconsistent(request);
        };
        let status = self.line_item_status(stored);
        if stored.cancelled || !matches!(status, LineItemStatus::Complete | LineItemStatus::Pending)
        {
            let message = "This line item cannot be reissued in its current state.";
            return self.error(request, 422, "422.002", message, vec![]);
        }
        let (order_index, amount_cents) = (stored.order, stored.amount_cents);
        let Some(original) = self.store.orders.get(order_index).map(|o| o.order.clone()) else {
            return self.inconsistent(request);
        };
        let criteria = replacement(&original, &body);
        let account = original.account_identifier.clone().unwrap_or_default();

        // Refund first, so the replacement can spend it; put it back when the placement fails.
        self.refund(&account, amount_cents);
        let now = self.now_ms();
        let placed = self.place_order(request, criteria, now);
        if placed.status != 201 {
            self.refund(&account, -amount_cents);
            return placed;
        }
        let reason = body
            .get("reasonCode")
            .and_then(Value::as_str)
            .map(str::to_owned);
        // Each points at the other, as Tango's reissuedFrom/To fields do.
        let new_id = placed
            .json_body()
            .get("referenceLineItemID")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let new_index = new_id
            .as_deref()
            .and_then(|new| self.store.line_item_by_id.get(new).copied());
        if let Some(new) = new_index.and_then(|i| self.store.line_items.get_mut(i)) {
            new.item.reissued_from_reference_line_item_id = Some(id.to_owned());
        }
        if let Some(stored) = self.store.line_items.get_mut(index) {
            stored.item.reissued_to_reference_line_item_id = new_id.clone();
            stored.cancelled = true;
            stored.action_history.push(LineItemAction {
                action: Some("CANCEL_AND_REISSUE".into()),
                reason: reason.clone(),
                action_date: Some(rfc3339(now)),
                ..LineItemAction::default()
            });
        }
        let reason = reason.unwrap_or_default();
        self.reward_status(index, "CANCEL_AND_REISSUE", &reason, new_id.as_deref());
        placed
    }

    fn refund(&mut self, account: &str, cents: i64) {
        if let Some(account) = self.store.account_mut(account) {
            account.balance_cents += cents;
        }
    }

    /// `PATCH /lineItems/{id}`: sets the purchase order number, campaign and notes it names; 202.
    pub(crate) fn update_line_item(&mut self, request: &Request, id: &str) -> Response {
        let index = match self.line_item_or_404(request, id) {
            Ok(index) => index,
            Err(response) => return response,
        };
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return self.not_json(request);
        };
        let report = validate_line_item_update(&body, &ValidateOptions::default());
        if let Err(refusal) = self.refuse_invalid(request, &report, "The update is not valid.") {
            return refusal;
        }
        let update: UpdateLineItemRequest = serde_json::from_value(body).unwrap_or_default();
        let Some(stored) = self.store.line_items.get_mut(index) else {
            return self.inconsistent(request);
        };
        if let Some(number) = update.purchase_order_number {
            stored.item.purchase_order_number = Some(number);
        }
        if let Some(campaign) = update.campaign {
            stored.item.campaign = Some(campaign);
        }
        if let Some(notes) = update.order_notes {
            stored.item.order_notes = Some(notes);
        }
        Response::json(202, &"Accepted")
    }

    /// `GET /lineItems/{id}/embeddedUrl`: the page that shows an EMBEDDED reward; 400 for a line
    /// item delivered another way.
    pub(crate) fn embedded_url(&mut self, request: &Request, id: &str) -> Response {
        let index = match self.line_item_or_404(request, id) {
            Ok(index) => index,
            Err(response) => return response,
        };
        let Some(stored) = self.store.line_items.get(index) else {
            return self.inconsistent(request);
        };
        let embedded = matches!(
            stored.item.delivery_method,
            Some(DeliveryMethod::Embedded | DeliveryMethod::EmbeddedComponent)
        );
        if !embedded {
            let message = "This line item is not delivered through an embedded page.";
            return self.error(request, 400, "400.007", message, vec![]);
        }
        let token = format!("{:016x}", self.rng.u64(..));
        let url = format!("https://tango-sim.local/embedded/{id}?token={token}");
        Response::json(
            200,
            &EmbeddedUrl {
                url: Some(url.into()),
            },
        )
    }

    /// `GET /lineItems/reasonCodes`: every action's codes, from the core's enums (the lists the
    /// validators accept), each with a description.
    pub(crate) fn reason_codes(&mut self) -> Response {
        fn described<T: AsRef<str>>(
            codes: impl IntoIterator<Item = T>,
        ) -> BTreeMap<String, String> {
            codes
                .into_iter()
                .map(|code| {
                    let code = code.as_ref();
                    (code.to_owned(), code.replace('_', " ").to_lowercase())
                })
                .collect()
        }
        let body = ReasonCodes {
            freeze: Some(described(
                FreezeReason::KNOWN.iter().map(FreezeReason::as_str),
            )),
            unfreeze: Some(described(
                FreezeReason::KNOWN.iter().map(FreezeReason::as_str),
            )),
            cancel: Some(described(
                CancelReason::KNOWN.iter().map(CancelReason::as_str),
            )),
            cancel_and_reissue: Some(described(
                ReissueReason::KNOWN.iter().map(ReissueReason::as_str),
            )),
        };
        Response::json(200, &body)
    }
}

/// The create request a reissue places: the original order, without its key (a replacement is a
/// new order), with the body's amount, delivery method, recipient fields and notes.
fn replacement(original: &Order, body: &Value) -> CreateOrderRequest {
    let mut criteria: CreateOrderRequest = serde_json::to_value(original)
        .and_then(serde_json::from_value)
        .unwrap_or_default();
    criteria.external_ref_id = None;
    criteria.amount = body
        .get("amount")
        .and_then(Value::as_f64)
        .or_else(|| original.denomination.as_ref().and_then(|m| m.value));
    if let Some(method) = body.get("deliveryMethod").and_then(Value::as_str) {
        criteria.delivery_method = Some(DeliveryMethod::from(method));
        criteria.send_email = None;
    }
    if let Some(changes) = body.get("recipient").and_then(Value::as_object) {
        let recipient = criteria.recipient.get_or_insert_with(Recipient::default);
        let text = |key: &str| {
            changes
                .get(key)
                .and_then(Value::as_str)
                .map(Sensitive::from)
        };
        recipient.first_name = text("firstName").or(recipient.first_name.take());
        recipient.last_name = text("lastName").or(recipient.last_name.take());
        recipient.email = text("email").or(recipient.email.take());
        recipient.mobile_number = text("mobileNumber").or(recipient.mobile_number.take());
    }
    if let Some(notes) = body.get("notes").and_then(Value::as_str) {
        criteria.notes = Some(notes.to_owned());
    }
    criteria
}
