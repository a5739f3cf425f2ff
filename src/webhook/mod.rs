//! Tango's webhooks: the subscriptions ([`subscription`]), the events deliveries carry
//! ([`event`]) and how a delivery is checked to come from Tango ([`signature`]) before anything in
//! it is read.
//!
//! A delivery is a JSON POST to the subscription's URL, signed per its `payloadVerificationMethod`
//! with the signature in the `X-Signed-Payload` header. Deliveries may repeat (Tango retries,
//! replays) and arrive out of order: `revision` orders the events of one subscription.

pub mod certificate;
pub mod event;
pub mod signature;
pub mod subscription;

pub use event::{
    AccountStatusEventData, AsyncOrderStatusEventData, CredentialStatusEventData,
    ExchangeRatesStatusData, ItemAvailabilityEventData, LineItemDeliveryStatusEventData,
    LowBalanceEventData, OtherWebhookEvent, RewardStatusEventData, TransactionEventData,
    WebhookCategory, WebhookEvent, WebhookEventData,
};
pub use signature::{HmacKey, MAX_DELIVERY_BYTES, SIGNATURE_HEADER};
pub use subscription::{
    Webhook, WebhookEventPage, WebhookEventTypes, WebhookEventTypesPage, WebhookExpiry,
    WebhookHeader, WebhookListPage, WebhookPage,
};
