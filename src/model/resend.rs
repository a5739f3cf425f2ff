//! Resends of orders and line items: requests, answers and reason codes.

use super::delivery::DeliveryMethod;
use super::open_enum::open_enum;
use super::sensitive::Sensitive;
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

open_enum! {
    /// Why a line item is resent (`reasonCode` of a line item resend).
    ResendReason {
        NotReceived = "NOT_RECEIVED",
        LostDeleted = "LOST_DELETED",
        DeliveryInfo = "DELIVERY_INFO",
        DeliveryMethod = "DELIVERY_METHOD",
        Reminder = "REMINDER",
        Other = "OTHER",
    }
}

/// The body of `POST /orders/{referenceOrderID}/resends` (`OrderResendRequestCriteria`). Every field
/// is optional: an empty body resends to the original recipient.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderResendRequest {
    /// Send to this email address instead (same recipient).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_email: Option<Sensitive>,
    /// Send to this mobile number instead (E.164).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_mobile: Option<Sensitive>,
    /// Use this email template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_etid: Option<String>,
    /// Switch delivery method: NONE, EMAIL, PHONE or WHATSAPP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_delivery_method: Option<DeliveryMethod>,
}

/// Tango's answer to an order resend (`ResendOrderView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderResendResult {
    /// The resend's ID.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<i64>,
    /// The resend's ID in Tango's older system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legacy_id: Option<String>,
    /// When (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Where it was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Sensitive>,
    /// Where it was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number: Option<Sensitive>,
}

/// The body of `POST /lineItems/{referenceLineItemId}/resends` (`LineItemResendRequestCriteria`):
/// can switch the delivery method, e.g. from email to phone.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineItemResendRequest {
    /// Switch delivery method: NONE, EMAIL, PHONE or WHATSAPP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_delivery_method: Option<DeliveryMethod>,
    /// Send to this email address instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_email: Option<Sensitive>,
    /// Send to this mobile number instead (E.164).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_mobile_number: Option<Sensitive>,
    /// Use this email template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_etid: Option<String>,
    /// Why it is resent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<ResendReason>,
    /// The reason in words; required with `OTHER`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reason: Option<String>,
}

/// Tango's answer to a line item resend (`ResendView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineItemResendResult {
    /// The resend's ID.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<i64>,
    /// The resend's ID in Tango's older system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legacy_id: Option<String>,
    /// When (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// How it was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// Where it was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Sensitive>,
    /// Where it was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number: Option<Sensitive>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<ResendReason>,
    /// The reason in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reason: Option<String>,
}
