//! Webhook subscriptions as Tango's webhook API answers them (`GetWebhookResponseView`, the
//! cursor pages of `GET /webhooks`, the event types), read leniently like every response. The
//! shared secret and the headers' values are `Sensitive`: never in `Debug`.

use super::event::WebhookEvent;
use crate::model::{Items, Sensitive};
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// A header Tango sends with every delivery of a subscription (its value is often a credential).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct WebhookHeader {
    /// The header's name.
    #[serde(default)]
    pub name: String,
    /// Its value: redacted in `Debug`.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub value: Sensitive,
}

/// A subscription (`GET /webhooks/{id}`, each item of `GET /webhooks`, `PATCH`'s answer).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// The subscription's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<String>,
    /// Where Tango delivers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The headers sent with every delivery.
    #[cfg_attr(feature = "js", tsify(type = "WebhookHeader[]"))]
    pub headers: Items<WebhookHeader>,
    /// The categories subscribed to.
    #[cfg_attr(feature = "js", tsify(type = "string[]"))]
    pub categories: Items<String>,
    /// The event types subscribed to.
    #[cfg_attr(feature = "js", tsify(type = "string[]"))]
    pub event_types: Items<String>,
    /// `HMAC`, `X509` or `NONE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload_verification_method: Option<String>,
    /// The HMAC key, base64 (when Tango returns it): redacted in `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub hmac_shared_secret_key: Option<Sensitive>,
    /// The X509 certificate, base64 DER.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_certificate: Option<String>,
    /// When it was created (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it was last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// When it stops delivering unless renewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// What a create or a renew answers: the subscription's ID and its new expiry.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WebhookExpiry {
    /// The subscription's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<String>,
    /// When it stops delivering unless renewed (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// The event types of a category (`GET /webhooks/eventtypes`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WebhookEventTypes {
    /// The category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Its event types.
    #[cfg_attr(feature = "js", tsify(type = "string[]"))]
    pub event_types: Items<String>,
}

/// One page of a cursor-paged webhook list: pass `nextCursor` back for the next.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WebhookPage<T> {
    /// The items on this page.
    #[cfg_attr(feature = "js", tsify(type = "T[]"))]
    pub items: Items<T>,
    /// How many items this page holds.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_elements: Option<i64>,
    /// The page size asked for.
    #[serde(
        default,
        deserialize_with = "crate::model::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i64>,
    /// The cursor of the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// The cursor of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev_cursor: Option<String>,
    /// Whether there is a next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_available: Option<bool>,
    /// Whether there is a previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev_page_available: Option<bool>,
}

/// A page of `GET /webhooks`.
pub type WebhookListPage = WebhookPage<Webhook>;
/// A page of `GET /webhooks/eventtypes`.
pub type WebhookEventTypesPage = WebhookPage<WebhookEventTypes>;
/// A page of a subscription's past events.
pub type WebhookEventPage = WebhookPage<WebhookEvent>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subscription_reads_leniently_and_hides_its_secrets_in_debug() {
        let body = r#"{"webhookId":"w1","url":"https://example.com/hook","headers":[{"name":"Authorization","value":"Bearer top-secret"}],
            "categories":["REWARD"],"eventTypes":null,"hmacSharedSecretKey":"c2VjcmV0LXNlY3JldA==","payloadVerificationMethod":"HMAC","extra":1}"#;
        let webhook: Webhook = serde_json::from_str(body).unwrap();
        assert_eq!(webhook.webhook_id.as_deref(), Some("w1"));
        assert!(webhook.event_types.is_empty());
        let debug = format!("{webhook:?}");
        assert!(
            !debug.contains("top-secret") && !debug.contains("c2VjcmV0"),
            "{debug}"
        );
    }

    #[test]
    fn pages_read_their_cursor_and_items() {
        let body = r#"{"items":[{"eventId":"e1","revision":3,"eventType":"RewardStatus","categories":["REWARD"],"eventData":{"status":"FROZEN"}}],
            "numberOfElements":1,"maxResults":10,"nextCursor":"c2","nextPageAvailable":true}"#;
        let page: WebhookEventPage = serde_json::from_str(body).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.next_cursor.as_deref(), Some("c2"));
        assert_eq!(page.items.first().map(|e| e.revision), Some(Some(3)));
    }
}
