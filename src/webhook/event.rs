//! The events a webhook delivery carries, as Tango's webhook API describes them
//! (`*EventDataView` and `*EventData` in its OpenAPI document), read leniently like responses.
//!
//! The docs' samples spell two fields two ways: `eventType` or `eventTypes` (a list of one), and
//! `category` or `categories`. Both are read; the event keeps one of each. An event type this
//! release does not know is kept whole ([`WebhookEventData::Other`]), not refused: Tango adds types.

use crate::error::Error;
use crate::model::lenient;
use serde::{Deserialize, Serialize};
use serde_json::Value;
#[cfg(feature = "js")]
use tsify::Tsify;

crate::model::open_enum::open_enum! {
    /// A webhook category.
    WebhookCategory {
        /// Reward (line item) status changes: `RewardStatus`.
        Reward = "REWARD",
        /// Orders: `AsyncOrderStatus`, `LineItemDeliveryStatus`.
        Order = "ORDER",
        /// Catalog items: `ItemAvailability`.
        Item = "ITEM",
        /// Accounts: `AccountStatus`, `Transaction`, `LowBalance`.
        Account = "ACCOUNT",
        /// The platform: `APICredentials`.
        Platform = "PLATFORM",
    }
}

/// Declares the event data types: every field optional, read leniently, written as read.
macro_rules! event_data {
    ($(
        $(#[$meta:meta])* $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty $(= $with:literal)? ),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "js", derive(Tsify))]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none" $(, deserialize_with = $with)?)]
                #[cfg_attr(feature = "js", tsify(optional))]
                pub $field: Option<$ty>,
            )*
        }
    )*};
}

event_data! {
    /// `RewardStatus`: a reward was frozen, unfrozen, cancelled, activated or redeemed.
    RewardStatusEventData {
        /// The line item.
        reference_line_item_id: String,
        /// The order's key.
        #[serde(rename = "externalRefID")]
        external_ref_id: String,
        /// What was done.
        action: String,
        /// The action's reason code.
        reason_code: String,
        /// The action's reason.
        reason: String,
        /// The reward's status now: FROZEN, UNFROZEN, CANCELLED, ACTIVATED, PARTIAL_REDEMPTION or
        /// FULL-REDEMPTION.
        status: String,
        /// The kind of reward.
        #[serde(rename = "type")]
        reward_type: String,
        /// The line item that replaces this one (a reissue).
        new_reference_line_item_id: String,
    }
    /// `LineItemDeliveryStatus`: a mailed reward moved (IN_PROGRESS, SHIPPED, COMPLETED, CANCELED,
    /// FAILED).
    LineItemDeliveryStatusEventData {
        /// The line item.
        reference_line_item_id: String,
        /// Its delivery status now.
        status: String,
    }
    /// `AsyncOrderStatus`: an asynchronous order finished (SUCCESSFUL, RETRYING, FAILED,
    /// PARTIALFAILED).
    AsyncOrderStatusEventData {
        /// The order's key.
        #[serde(rename = "externalRefID")]
        external_ref_id: String,
        /// The order's status.
        status: String,
        /// Its line items in all.
        total_line_items: i64 = "lenient::option_int",
        /// Those that failed.
        failed_line_items: i64 = "lenient::option_int",
        /// Those that succeeded.
        successful_line_items: i64 = "lenient::option_int",
        /// The order.
        reference_order_id: String,
        /// The account it was paid from.
        account_identifier: String,
        /// The customer.
        customer_identifier: String,
    }
    /// `ItemAvailability`: a catalog item became available or not.
    ItemAvailabilityEventData {
        /// The item.
        utid: String,
        /// Its availability.
        status: String,
    }
    /// `AccountStatus`: an account changed status.
    AccountStatusEventData {
        /// The account.
        account_identifier: String,
        /// Its status.
        status: String,
    }
    /// `Transaction`: money moved on an account.
    TransactionEventData {
        /// The customer.
        customer_identifier: String,
        /// The account.
        account_identifier: String,
        /// What kind of transaction.
        transaction_type: String,
        /// The transaction.
        transaction_id: i64 = "lenient::option_int",
        /// How it was funded.
        funding_method: String,
        /// The funding type.
        funding_type: String,
        /// The account it went to.
        transfer_to_account_identifier: String,
        /// The account it came from.
        transfer_from_account_identifier: String,
        /// The invoice.
        invoice_number: String,
        /// The currency.
        currency: String,
        /// The amount.
        amount: f64,
        /// A note.
        note: String,
    }
    /// `LowBalance`: an account's balance fell below its alert.
    LowBalanceEventData {
        /// The account.
        account_identifier: String,
        /// Its balance.
        balance: f64,
        /// The alert's threshold.
        balance_threshold: f64,
        /// The alert.
        balance_alert_identifier: String,
    }
    /// `APICredentials` (tested as `CredentialStatus`): an API credential changed.
    CredentialStatusEventData {
        /// The platform.
        platform_name: String,
        /// The credential.
        credential_name: String,
        /// Its type.
        credential_type: String,
        /// Its status.
        status: String,
        /// Who changed it.
        last_updated_by: String,
    }
    /// `ExchangeRatesStatus`: exchange rates were updated.
    ExchangeRatesStatusData {
        /// The status.
        status: String,
    }
}

/// An event of a type this release does not know: its type and its data as Tango sent them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OtherWebhookEvent {
    /// The event type.
    pub event_type: String,
    /// The event's data.
    pub event_data: Value,
}

/// What happened, by event type (in JSON, `eventType` and `eventData`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "eventType", content = "eventData")]
pub enum WebhookEventData {
    /// `RewardStatus`.
    RewardStatus(RewardStatusEventData),
    /// `LineItemDeliveryStatus`.
    LineItemDeliveryStatus(LineItemDeliveryStatusEventData),
    /// `AsyncOrderStatus`.
    AsyncOrderStatus(AsyncOrderStatusEventData),
    /// `ItemAvailability`.
    ItemAvailability(ItemAvailabilityEventData),
    /// `AccountStatus`.
    AccountStatus(AccountStatusEventData),
    /// `Transaction`.
    Transaction(TransactionEventData),
    /// `LowBalance`.
    LowBalance(LowBalanceEventData),
    /// `APICredentials`.
    #[serde(rename = "APICredentials")]
    ApiCredentials(CredentialStatusEventData),
    /// `ExchangeRatesStatus`.
    ExchangeRatesStatus(ExchangeRatesStatusData),
    /// A type this release does not know.
    #[serde(untagged)]
    Other(OtherWebhookEvent),
}

impl WebhookEventData {
    /// The event types this release reads into their own data type, as Tango spells them.
    pub const KNOWN_TYPES: &'static [&'static str] = &[
        "RewardStatus",
        "LineItemDeliveryStatus",
        "AsyncOrderStatus",
        "ItemAvailability",
        "AccountStatus",
        "Transaction",
        "LowBalance",
        "APICredentials",
        "ExchangeRatesStatus",
    ];

    /// The event type, as Tango spells it.
    pub fn event_type(&self) -> &str {
        match self {
            WebhookEventData::RewardStatus(_) => "RewardStatus",
            WebhookEventData::LineItemDeliveryStatus(_) => "LineItemDeliveryStatus",
            WebhookEventData::AsyncOrderStatus(_) => "AsyncOrderStatus",
            WebhookEventData::ItemAvailability(_) => "ItemAvailability",
            WebhookEventData::AccountStatus(_) => "AccountStatus",
            WebhookEventData::Transaction(_) => "Transaction",
            WebhookEventData::LowBalance(_) => "LowBalance",
            WebhookEventData::ApiCredentials(_) => "APICredentials",
            WebhookEventData::ExchangeRatesStatus(_) => "ExchangeRatesStatus",
            WebhookEventData::Other(other) => &other.event_type,
        }
    }

    /// `data` read as the data of `event_type`.
    fn read(event_type: String, data: Value) -> Result<WebhookEventData, serde_json::Error> {
        use serde_json::from_value as read;
        Ok(match event_type.as_str() {
            "RewardStatus" => WebhookEventData::RewardStatus(read(data)?),
            "LineItemDeliveryStatus" => WebhookEventData::LineItemDeliveryStatus(read(data)?),
            "AsyncOrderStatus" => WebhookEventData::AsyncOrderStatus(read(data)?),
            "ItemAvailability" => WebhookEventData::ItemAvailability(read(data)?),
            "AccountStatus" => WebhookEventData::AccountStatus(read(data)?),
            "Transaction" => WebhookEventData::Transaction(read(data)?),
            "LowBalance" => WebhookEventData::LowBalance(read(data)?),
            "APICredentials" => WebhookEventData::ApiCredentials(read(data)?),
            "ExchangeRatesStatus" => WebhookEventData::ExchangeRatesStatus(read(data)?),
            _ => WebhookEventData::Other(OtherWebhookEvent {
                event_type,
                event_data: data,
            }),
        })
    }
}

/// One event of a delivery, or of a subscription's past events (`listWebhookEvents`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Delivery")]
pub struct WebhookEvent {
    /// The event's ID: the same on every delivery of it (a retry, a replay).
    pub event_id: String,
    /// Its position among the subscription's events: deliveries may arrive out of order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
    /// Its category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<WebhookCategory>,
    /// When it happened (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_occurred_at: Option<String>,
    /// Its type and data.
    #[serde(flatten)]
    pub data: WebhookEventData,
}

/// A delivery as it is written, both spellings of the two fields that have two.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Delivery {
    event_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::option_int")]
    revision: Option<i64>,
    event_type: Option<String>,
    event_types: Option<Vec<String>>,
    category: Option<WebhookCategory>,
    categories: Option<Vec<WebhookCategory>>,
    event_occurred_at: Option<String>,
    #[serde(default)]
    event_data: Value,
}

impl WebhookEvent {
    /// The event of a delivery's body (verified first: see [`super::signature`]). A body that is
    /// not an event is a `decode` error that quotes none of it.
    pub fn from_json(body: &str) -> Result<WebhookEvent, Error> {
        let not_an_event = |what: &str| Error::Decode {
            message: format!("the webhook delivery is not an event: {what}"),
            excerpt: None,
        };
        let delivery: Delivery = serde_json::from_str(body)
            .map_err(|_| not_an_event("not a JSON object of its shape"))?;
        WebhookEvent::try_from(delivery).map_err(not_an_event)
    }
}

impl TryFrom<Delivery> for WebhookEvent {
    /// What is missing or wrong, in words that quote nothing of the event.
    type Error = &'static str;

    fn try_from(delivery: Delivery) -> Result<Self, Self::Error> {
        let event_id = delivery.event_id.ok_or("no eventId")?;
        let event_type = delivery
            .event_type
            .or_else(|| {
                delivery
                    .event_types
                    .and_then(|types| types.into_iter().next())
            })
            .ok_or("no eventType")?;
        let data = WebhookEventData::read(event_type, delivery.event_data)
            .map_err(|_| "its eventData does not fit its eventType")?;
        Ok(WebhookEvent {
            event_id,
            revision: delivery.revision,
            category: delivery
                .category
                .or_else(|| delivery.categories.and_then(|c| c.into_iter().next())),
            event_occurred_at: delivery.event_occurred_at,
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_spellings_are_read_and_one_is_written() {
        let singular = r#"{"eventId":"e1","revision":7.0,"eventType":"RewardStatus","category":"REWARD",
            "eventOccurredAt":"2026-12-07T10:00:00Z","eventData":{"referenceLineItemId":"RL1","status":"FROZEN","type":"GIFT_CARD"}}"#;
        let plural = r#"{"eventId":"e1","revision":7,"eventTypes":["RewardStatus"],"categories":["REWARD"],
            "eventOccurredAt":"2026-12-07T10:00:00Z","eventData":{"referenceLineItemId":"RL1","status":"FROZEN","type":"GIFT_CARD"}}"#;
        let a = WebhookEvent::from_json(singular).unwrap();
        assert_eq!(a, WebhookEvent::from_json(plural).unwrap());
        assert_eq!(a.revision, Some(7));
        assert_eq!(a.data.event_type(), "RewardStatus");
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            json!({"eventId": "e1", "revision": 7, "category": "REWARD", "eventOccurredAt": "2026-12-07T10:00:00Z",
                   "eventType": "RewardStatus", "eventData": {"referenceLineItemId": "RL1", "status": "FROZEN", "type": "GIFT_CARD"}})
        );
    }

    #[test]
    fn every_known_type_reads_into_its_own_data_and_an_unknown_one_is_kept() {
        for event_type in WebhookEventData::KNOWN_TYPES {
            let body =
                json!({"eventId": "e", "eventType": event_type, "eventData": {}}).to_string();
            let event = WebhookEvent::from_json(&body).unwrap();
            assert_eq!(event.data.event_type(), *event_type);
            assert!(
                !matches!(event.data, WebhookEventData::Other(_)),
                "{event_type}"
            );
        }
        let body =
            r#"{"eventId":"e","eventType":"OrderActionStatus","eventData":{"x":[1,{"y":null}]}}"#;
        let event = WebhookEvent::from_json(body).unwrap();
        let written = serde_json::to_value(&event).unwrap();
        assert_eq!(written["eventType"], "OrderActionStatus");
        assert_eq!(written["eventData"], json!({"x": [1, {"y": null}]}));
    }

    #[test]
    fn what_is_not_an_event_is_a_decode_error_that_quotes_nothing() {
        for body in [
            "",
            "[1]",
            r#"{"eventType":"RewardStatus"}"#,
            r#"{"eventId":"secret-id"}"#,
            r#"{"eventId":"e","eventType":"AsyncOrderStatus","eventData":{"totalLineItems":"many-secret"}}"#,
        ] {
            let error = WebhookEvent::from_json(body).unwrap_err();
            assert_eq!(error.kind(), crate::error::ErrorKind::Decode);
            assert!(!error.to_string().contains("secret"), "{error}");
        }
    }
}
