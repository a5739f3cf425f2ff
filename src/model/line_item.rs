//! Line items: one reward inside an order, as listed and as read in detail.

use super::delivery::{DeliveryMethod, OrderSource};
use super::money::Money;
use super::person::{Recipient, Sender};
use super::resend::ResendReason;
use super::reward::Reward;
use super::status::{DeliveryStatus, EmailStatus, LineItemStatus, OrderStatus, RewardStatus};
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// A line item as Tango returns it: each entry of `GET /lineItems` (`LineItemView`),
/// `GET /lineItems/{id}` (`LineItemViewVerbose`, with the reward and its histories) and each entry
/// of a redemption history (`LineItemRedemptionHistoryView`).
///
/// One type for the three, every field optional: they differ only in which fields are present.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineItem {
    /// Tango's ID for the line item.
    #[serde(
        rename = "referenceLineItemID",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_line_item_id: Option<String>,
    /// Your reference for the line item.
    #[serde(
        rename = "externalReferenceLineItemID",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_reference_line_item_id: Option<String>,
    /// The order it belongs to.
    #[serde(rename = "referenceOrderID", skip_serializing_if = "Option::is_none")]
    pub reference_order_id: Option<String>,
    /// Where the order came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_source: Option<OrderSource>,
    /// Whether the reward was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<LineItemStatus>,
    /// The status of the whole order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// What happened to the reward email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_status: Option<EmailStatus>,
    /// How the reward is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// How far delivery got.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_status: Option<DeliveryStatus>,
    /// Whether the reward can be used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_status: Option<RewardStatus>,
    /// Whether Tango allows cancelling it now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_cancel: Option<bool>,
    /// Whether Tango allows freezing it now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_freeze: Option<bool>,
    /// Position in the order.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_number: Option<i64>,
    /// The reward's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_name: Option<String>,
    /// The reward's face value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_issued: Option<Money>,
    /// What the account was charged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_charged: Option<Money>,
    /// What is left on the reward.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining_balance: Option<f64>,
    /// When it was issued (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_issued: Option<String>,
    /// When the reward expires (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Tango's account number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// The account it was paid from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_identifier: Option<String>,
    /// Email template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etid: Option<String>,
    /// Printed template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ptid: Option<String>,
    /// The reward's catalog ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// The customer the account belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_identifier: Option<String>,
    /// Who receives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// Who sent it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// Purchase order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// Free label for reporting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// The order's notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_notes: Option<String>,
    /// Why it was last cancelled, frozen or reissued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_action_reason: Option<String>,
    /// The line item this one replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reissued_from_reference_line_item_id: Option<String>,
    /// The line item that replaced this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reissued_to_reference_line_item_id: Option<String>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_errors: Option<Vec<LineItemErrorDetail>>,
    /// How many rewards.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<i64>,
    /// The reward and its credentials (detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward: Option<Reward>,
    /// Every resend (detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_history: Option<Vec<ResendAuditEvent>>,
    /// Related line items of the same reward (detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redemption_history: Option<Vec<LineItem>>,
    /// Cancels, freezes and reissues (detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_item_action_history: Option<Vec<LineItemAction>>,
    /// Changes of the reward's status (detail only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_view_history: Option<Vec<RewardStatusChange>>,
}

/// Why a line item failed (`LineItemErrorDTO`; Tango spells these two fields in snake case).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct LineItemErrorDetail {
    /// Tango's error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Tango's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

/// A cancel, freeze, unfreeze or reissue of a line item (`LineItemAction`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineItemAction {
    /// What was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_date: Option<String>,
    /// The line item before a reissue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_reference_line_item_id: Option<String>,
    /// The line item after a reissue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_reference_line_item_id: Option<String>,
}

/// One resend of a line item (`RaasLineItemResendAuditEventDto`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResendAuditEvent {
    /// When (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_issued: Option<String>,
    /// Who sent it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// Where it went (email and mobile number only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// How it went.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// How far delivery got.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_status: Option<DeliveryStatus>,
    /// Email template ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etid: Option<String>,
    /// Why it was resent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<ResendReason>,
    /// The reason in words, for `OTHER`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reason: Option<String>,
}

/// A change of a reward's status (`RewardViewHistory`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct RewardStatusChange {
    /// When (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The new status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<RewardStatus>,
}

/// The answer of `GET /lineItems/{id}/embeddedUrl` (`EmbeddableResponseDTO`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct EmbeddedUrl {
    /// The page to embed; it shows the reward, so treat it as a secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<super::sensitive::Sensitive>,
}
