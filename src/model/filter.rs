//! Query filters of `GET /orders` and `GET /lineItems`.

use super::delivery::{DeliveryMethod, OrderSource};
use super::open_enum::open_enum;
use super::sensitive::Sensitive;
use super::status::{DeliveryStatus, EmailStatus, LineItemStatus, OrderStatus};
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// The query of `GET /orders`: every filter of the OpenAPI operation. All optional.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderFilter {
    /// Only this account's orders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_identifier: Option<String>,
    /// Only this customer's orders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_identifier: Option<String>,
    /// Only the order with this idempotency key.
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    pub external_ref_id: Option<String>,
    /// From this RFC 3339 date or date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Up to this RFC 3339 date or date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elements_per_block: Option<i64>,
    /// Page number, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Smallest face value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_amount: Option<f64>,
    /// Largest face value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<f64>,
    /// `AUD`, `CAD`, `EUR`, `GBP` or `USD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The reward's catalog ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// Printed template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ptid: Option<String>,
    /// The reward's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_name: Option<String>,
    /// Sender's first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_first_name: Option<Sensitive>,
    /// Sender's last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_last_name: Option<Sensitive>,
    /// Sender's email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_email: Option<Sensitive>,
    /// Recipient's email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_email: Option<Sensitive>,
    /// Recipient's mobile number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_mobile_number: Option<Sensitive>,
    /// Recipient's first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_first_name: Option<Sensitive>,
    /// Recipient's last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_last_name: Option<Sensitive>,
    /// Whether Tango emailed the reward.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_email: Option<bool>,
    /// How the reward is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// Deprecated by Tango: use `orderStatus`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// The order's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// The status of a line item of the order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_status: Option<LineItemStatus>,
    /// Campaign label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Order notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Line item notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_notes: Option<String>,
    /// Purchase order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
}

open_enum! {
    /// The column `GET /lineItems` sorts by.
    LineItemSortColumn {
        AccountNumber = "accountNumber",
        AmountIssued = "amountIssued",
        DateIssued = "dateIssued",
        EmailStatus = "emailStatus",
        DeliveryMethod = "deliveryMethod",
        ExternalReferenceId = "externalReferenceId",
        Status = "status",
        OrderSource = "orderSource",
        OrderStatus = "orderStatus",
        RecipientFirstName = "recipientFirstName",
        RecipientLastName = "recipientLastName",
        RewardName = "rewardName",
    }
}

/// The query of `GET /lineItems`: every filter of the OpenAPI operation. All optional.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineItemFilter {
    /// Only this order's line items.
    #[serde(rename = "referenceOrderID", skip_serializing_if = "Option::is_none")]
    pub reference_order_id: Option<String>,
    /// Only the order with this idempotency key.
    #[serde(rename = "externalRefID", skip_serializing_if = "Option::is_none")]
    pub external_ref_id: Option<String>,
    /// The reward's catalog ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// Printed template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ptid: Option<String>,
    /// Email template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etid: Option<String>,
    /// The line item's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<LineItemStatus>,
    /// What happened to the email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_status: Option<EmailStatus>,
    /// How the reward is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// How far delivery got.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_status: Option<DeliveryStatus>,
    /// The order's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// Where the order came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_source: Option<OrderSource>,
    /// Recipient's email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_email: Option<Sensitive>,
    /// Recipient's mobile number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_mobile_number: Option<Sensitive>,
    /// Recipient's first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_first_name: Option<Sensitive>,
    /// Recipient's last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_last_name: Option<Sensitive>,
    /// The account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_identifier: Option<String>,
    /// Campaign label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Purchase order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// Order notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_notes: Option<String>,
    /// Recipient's street, line 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_street_line1: Option<Sensitive>,
    /// Recipient's street, line 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_street_line2: Option<Sensitive>,
    /// Recipient's city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_city: Option<Sensitive>,
    /// Recipient's state or province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_state_or_province: Option<Sensitive>,
    /// Recipient's postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_postal_code: Option<Sensitive>,
    /// Recipient's country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_country: Option<Sensitive>,
    /// From this RFC 3339 date or date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Up to this RFC 3339 date or date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Sort column; Tango's default is `dateIssued`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_sort_name: Option<LineItemSortColumn>,
    /// Sort ascending; Tango's default is descending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_sort_ascending: Option<bool>,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elements_per_block: Option<i64>,
    /// Walk backwards from `pageKeys`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_previous: Option<bool>,
    /// The `nextPageKeys` (or `previousPageKeys`) of the page before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_keys: Option<Vec<String>>,
    /// Smallest remaining balance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_remaining_balance: Option<f64>,
    /// Largest remaining balance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_remaining_balance: Option<f64>,
    /// Only rewards with money left on them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_remaining_balance: Option<bool>,
}
