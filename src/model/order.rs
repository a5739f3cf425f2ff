//! Orders: the create request and the order Tango returns from create, get and list.

use super::delivery::DeliveryMethod;
use super::money::Money;
use super::person::{Recipient, Sender};
use super::reward::Reward;
use super::sensitive::Sensitive;
use super::status::{LineItemStatus, OrderStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
#[cfg(feature = "js")]
use tsify::Tsify;

/// The body of `POST /orders` (`CreateOrderCriteria`).
///
/// Required fields are `Option` in Rust so that an incomplete order still decodes and validation
/// can report every missing field at once; the TypeScript type marks them required.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CreateOrderRequest {
    /// Your idempotency key: letters and digits, at most 100. A second create with the same value
    /// returns the first order (HTTP 200) instead of placing another.
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    pub external_ref_id: Option<String>,
    /// The customer the account belongs to.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub customer_identifier: Option<String>,
    /// The account the order is paid from.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub account_identifier: Option<String>,
    /// The reward's catalog ID, e.g. `U000001`.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub utid: Option<String>,
    /// How to deliver. When omitted it is inferred: an address means ADDRESS, `sendEmail: true`
    /// EMAIL, `sendEmail: false` NONE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// Face value of the reward, at most two decimal places.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "number"))]
    pub amount: Option<f64>,
    /// Printed template ID, required for a printed reward link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ptid: Option<String>,
    /// Who sends it (for tracking only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// Who receives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// Subject of the reward email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
    /// Gift message, at most 3000 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Sensitive>,
    /// Deprecated by Tango in favour of `deliveryMethod`; still sent, derived from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_email: Option<bool>,
    /// Email template ID, e.g. `E000000`; only with EMAIL delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etid: Option<String>,
    /// Free label for reporting, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// At most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// At most 150 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// RFC 3339 date-time when a promo link expires; promo links only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Your own fields, stored with the order.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, unknown>"))]
    pub custom_fields: Option<BTreeMap<String, serde_json::Value>>,
}

/// An order as Tango returns it: from `POST /orders` (`OrderViewSummary`), `GET /orders/{id}`
/// (`OrderViewVerbose`, with `reward.credentialList`) and each entry of `GET /orders`
/// (`OrderListItemView`, without `reward`).
///
/// One type for the three: they differ only in which fields are present, and every field is
/// optional because real responses leave out fields the OpenAPI document calls required.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// Tango's ID for the order; its first two letters are the order source (`RA` for the API).
    #[serde(rename = "referenceOrderID", skip_serializing_if = "Option::is_none")]
    pub reference_order_id: Option<String>,
    /// The ID of the order's line item, for single-reward orders.
    #[serde(
        rename = "referenceLineItemID",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_line_item_id: Option<String>,
    /// Your idempotency key, as sent.
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    pub external_ref_id: Option<String>,
    /// The customer the account belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_identifier: Option<String>,
    /// The account the order was paid from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_identifier: Option<String>,
    /// Tango's account number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// What the account was charged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_charged: Option<Money>,
    /// The reward's face value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denomination: Option<Money>,
    /// The reward's catalog ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// Printed template ID, for printed rewards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ptid: Option<String>,
    /// The reward's name, e.g. `Amazon.com Gift Card`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_name: Option<String>,
    /// Who sent it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// Who receives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// Subject of the reward email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
    /// Gift message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Sensitive>,
    /// Deprecated by Tango; whether Tango emailed the reward.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_email: Option<bool>,
    /// How the reward is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// Email template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etid: Option<String>,
    /// The order's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// The order's status, as the list endpoint also reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// The status of the order's line item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_status: Option<LineItemStatus>,
    /// Free label for reporting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// When the order was placed (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Order notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Which client placed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_client_source: Option<String>,
    /// Purchase order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// Whether this `externalRefID` was already used by another order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_external_ref_id_dupe: Option<bool>,
    /// Progress of an asynchronous (`AA`) order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub async_order_entity: Option<AsyncOrderEntity>,
    /// The reward and its credentials (create and get only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward: Option<Reward>,
    /// How to redeem, as HTML (create only; also inside `reward`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redemption_instructions: Option<String>,
}

impl Order {
    /// Whether Tango can resend this order: Tango delivered it itself (EMAIL, PHONE or WHATSAPP,
    /// or `sendEmail: true` on an order without a delivery method) and it did not fail, get
    /// cancelled or get deleted. Tango answers 403 (`403.003`) to a resend of anything else.
    pub fn can_resend(&self) -> bool {
        let delivered_by_tango = match &self.delivery_method {
            Some(method) => method.is_delivered_by_tango(),
            None => self.send_email == Some(true),
        };
        let status = self.status.as_ref().or(self.order_status.as_ref());
        let withdrawn = matches!(
            status,
            Some(OrderStatus::Failed | OrderStatus::Cancelled | OrderStatus::Deleted)
        );
        delivered_by_tango && !withdrawn
    }
}

/// Progress of an asynchronous order (`AsyncOrderEntity`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsyncOrderEntity {
    /// Your idempotency key.
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    pub external_ref_id: Option<String>,
    /// Processing status of the asynchronous order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// How many line items the order has.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_line_items: Option<i64>,
    /// When it was accepted (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// The line items that failed, with why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_line_items: Option<Vec<AsyncLineItemError>>,
    /// Line item reference IDs sent more than once, with how often.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::lenient::option_int_map"
    )]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, number>"))]
    pub duplicate_line_item_ref_ids: Option<BTreeMap<String, i64>>,
}

/// A line item of an asynchronous order that failed (`LineItemError`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AsyncLineItemError {
    /// The line item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_id: Option<String>,
    /// Your reference for the line item.
    #[serde(
        rename = "externalRefLineItemID",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_ref_line_item_id: Option<String>,
    /// The reward's catalog ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// What was wrong.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
}

/// One invalid field of an asynchronous line item (`ValidationErrorDto`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The field's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Tango's numeric error code.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub error_code_value: Option<i64>,
    /// Tango's error code name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code_name: Option<String>,
    /// Tango's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(method: Option<&str>, send_email: Option<bool>, status: &str) -> Order {
        Order {
            delivery_method: method.map(DeliveryMethod::from),
            send_email,
            status: Some(OrderStatus::from(status)),
            ..Order::default()
        }
    }

    #[test]
    fn resend_needs_tango_delivery_and_a_live_order() {
        assert!(order(Some("EMAIL"), None, "COMPLETE").can_resend());
        assert!(order(Some("PHONE"), Some(false), "PENDING").can_resend());
        assert!(order(None, Some(true), "COMPLETE").can_resend());
        assert!(!order(None, Some(false), "COMPLETE").can_resend());
        assert!(!order(None, None, "COMPLETE").can_resend());
        assert!(!order(Some("NONE"), Some(true), "COMPLETE").can_resend());
        assert!(!order(Some("ADDRESS"), None, "COMPLETE").can_resend());
        assert!(!order(Some("EMAIL"), None, "FAILED").can_resend());
        assert!(!order(Some("EMAIL"), None, "CANCELLED").can_resend());
    }
}
