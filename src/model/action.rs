//! Cancel, freeze, unfreeze, reissue and update of a line item: requests and reason codes.

use super::delivery::DeliveryMethod;
use super::open_enum::open_enum;
use super::person::Recipient;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
#[cfg(feature = "js")]
use tsify::Tsify;

open_enum! {
    /// Why a line item is cancelled.
    CancelReason {
        DeliveryInfo = "DELIVERY_INFO",
        RewardAmount = "REWARD_AMOUNT",
        RewardType = "REWARD_TYPE",
        Recipient = "RECIPIENT",
        Currency = "CURRENCY",
        RecipientRequested = "RECIPIENT_REQUESTED",
        RecipientObligations = "RECIPIENT_OBLIGATIONS",
        Duplicate = "DUPLICATE",
        Fraud = "FRAUD",
        Other = "OTHER",
    }
}

open_enum! {
    /// Why a line item is frozen or unfrozen.
    FreezeReason {
        DeliveryInfo = "DELIVERY_INFO",
        RewardAmount = "REWARD_AMOUNT",
        RewardType = "REWARD_TYPE",
        VerifyOrder = "VERIFY_ORDER",
        Fraud = "FRAUD",
        Other = "OTHER",
    }
}

open_enum! {
    /// Why a line item is reissued.
    ReissueReason {
        DeliveryInfo = "DELIVERY_INFO",
        RewardAmount = "REWARD_AMOUNT",
        RewardType = "REWARD_TYPE",
        Recipient = "RECIPIENT",
        Currency = "CURRENCY",
        RecipientRequested = "RECIPIENT_REQUESTED",
        Other = "OTHER",
    }
}

/// The body of `POST /lineItems/{id}/cancel` (`CancelLineItemRequestCriteria`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CancelLineItemRequest {
    /// Why.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "CancelReason"))]
    pub reason_code: Option<CancelReason>,
    /// The reason in words; required with `OTHER`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reason: Option<String>,
}

/// The body of `POST /lineItems/{id}/freeze` and `/unfreeze` (`FreezeLineItemRequestCriteria`,
/// `UnfreezeLineItemRequestCriteria`, which are the same).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FreezeLineItemRequest {
    /// Why.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "FreezeReason"))]
    pub reason_code: Option<FreezeReason>,
    /// The reason in words; required with `OTHER`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reason: Option<String>,
}

/// The body of `POST /lineItems/{id}/reissue` (`ReissueLineItemRequestCriteria`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReissueLineItemRequest {
    /// Why.
    #[serde(skip_serializing_if = "super::is_absent")]
    #[cfg_attr(feature = "js", tsify(type = "ReissueReason"))]
    pub reason_code: Option<ReissueReason>,
    /// The reason in words; required with `OTHER`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reason: Option<String>,
    /// A new face value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// A new delivery method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<DeliveryMethod>,
    /// A new recipient (names, email, mobile number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// At most 150 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The body of `PATCH /lineItems/{id}` (`UpdateLineItemRequest`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct UpdateLineItemRequest {
    /// Purchase order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
    /// Letters, digits and spaces, at most 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// At most 150 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_notes: Option<String>,
}

/// The reason codes each line item action accepts, code → description
/// (`GET /lineItems/reasonCodes`, `RewardReasonsMap`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct ReasonCodes {
    /// Reasons to freeze.
    #[serde(rename = "FREEZE", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, string>"))]
    pub freeze: Option<BTreeMap<String, String>>,
    /// Reasons to unfreeze.
    #[serde(rename = "UNFREEZE", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, string>"))]
    pub unfreeze: Option<BTreeMap<String, String>>,
    /// Reasons to cancel.
    #[serde(rename = "CANCEL", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, string>"))]
    pub cancel: Option<BTreeMap<String, String>>,
    /// Reasons to cancel and reissue.
    #[serde(rename = "CANCEL_AND_REISSUE", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, string>"))]
    pub cancel_and_reissue: Option<BTreeMap<String, String>>,
}
