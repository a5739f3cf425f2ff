//! Every JSON sample in Tango's documentation decodes, and re-encodes without losing a field.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{assert_same_json, fixture_text};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use tango_orders::model::{
    ApiErrorBody, DeliveryMethod, Order, OrderListPage, OrderResendResult, OrderStatus,
};

/// Decodes a fixture as `T`, checks that encoding it again gives back the same JSON (so every
/// documented field is modelled), and returns the decoded value.
fn decode_losslessly<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let text = fixture_text(&format!("docs/{name}"));
    let decoded: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let original: Value = serde_json::from_str(&text).unwrap();
    let again = serde_json::to_value(&decoded).unwrap();
    assert_same_json(&original, &again, name);
    decoded
}

#[test]
fn every_docs_sample_is_covered_by_a_test() {
    let dir = common::fixture_path("docs");
    let samples = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .count();
    // Twelve samples in three pages; a new fixture needs a decode test below.
    assert_eq!(samples, 12);
}

#[test]
fn list_orders_samples_decode() {
    for name in [
        "orders-endpoints.1.list-orders.json",
        "orders-list.1.list-orders.json",
    ] {
        let page: OrderListPage = decode_losslessly(name);
        assert_eq!(page.orders.len(), 1, "{name}");
        let order = &page.orders[0];
        // "string" is a placeholder in the docs: an open enum keeps it instead of failing.
        assert_eq!(order.status, Some(OrderStatus::Unknown("string".into())));
        assert_eq!(page.page.as_ref().and_then(|p| p.total_count), Some(0));
    }
    let page: OrderListPage = decode_losslessly("orders-list.1.list-orders.json");
    assert_eq!(page.orders[0].delivery_method, Some(DeliveryMethod::None));
    assert_eq!(page.orders[0].order_external_ref_id_dupe, Some(true));
    let mobile = page.orders[0]
        .recipient
        .as_ref()
        .and_then(|r| r.mobile_number.as_ref());
    assert_eq!(mobile.map(|m| m.expose()), Some("string"));
}

#[test]
fn create_and_get_order_samples_decode() {
    for name in [
        "orders-endpoints.2.create-order.json",
        "orders-endpoints.5.get-order.json",
        "order-details.1.get-order.json",
    ] {
        let order: Order = decode_losslessly(name);
        let reward = order.reward.expect("reward");
        let credentials = reward.credential_list.expect("credentialList");
        assert_eq!(credentials.len(), 1, "{name}");
        assert!(order.recipient.and_then(|r| r.address).is_some(), "{name}");
    }
}

#[test]
fn promo_link_samples_carry_the_expiration_date_in_the_credential_list() {
    for name in [
        "orders-endpoints.3.create-order-promo-link.json",
        "orders-endpoints.6.get-order-promo-link.json",
        "order-details.3.get-order-promo-link.json",
    ] {
        let order: Order = decode_losslessly(name);
        assert_eq!(order.status, Some(OrderStatus::Complete), "{name}");
        assert_eq!(order.send_email, Some(false));
        // `"address": null` decodes as no address.
        assert_eq!(
            order.recipient.as_ref().and_then(|r| r.address.as_ref()),
            None
        );
        let list = order.reward.and_then(|r| r.credential_list).unwrap();
        let expiration = list
            .iter()
            .find(|c| c.credential_type.as_deref() == Some("expirationDate"))
            .and_then(|c| c.value.as_ref())
            .map(|v| v.expose().to_owned());
        assert_eq!(
            expiration.as_deref(),
            Some("2024-12-31T06:59:59Z"),
            "{name}"
        );
        assert_eq!(order.amount_charged.and_then(|m| m.total), Some(10.0));
    }
}

#[test]
fn credential_list_fragment_decodes_as_an_order() {
    let order: Order = decode_losslessly("order-details.2.reward-credential-list.json");
    let list = order.reward.and_then(|r| r.credential_list).unwrap();
    let kinds: Vec<_> = list.iter().filter_map(|c| c.kind.as_deref()).collect();
    assert_eq!(kinds, ["text", "url"]);
    assert_eq!(list[0].value.as_ref().map(|v| v.expose()), Some("331XHT75"));
}

#[test]
fn error_samples_decode() {
    let frozen: ApiErrorBody =
        decode_losslessly("orders-endpoints.4.error-422-frozen-account.json");
    assert_eq!(frozen.http_code, Some(422));
    let detail = &frozen.errors.unwrap()[0];
    assert_eq!(detail.i18n_key.as_deref(), Some("404.142"));
    assert_eq!(detail.code, Some(Value::from(422001)));

    let generic: ApiErrorBody = decode_losslessly("orders-list.2.error.json");
    assert_eq!(generic.errors.map(|e| e.len()), Some(1));
    assert_eq!(generic.i18n_key.as_deref(), Some("string"));
}

#[test]
fn resend_sample_decodes() {
    let resend: OrderResendResult = decode_losslessly("orders-endpoints.7.resend-order.json");
    assert_eq!(resend.id, Some(0));
    assert_eq!(
        resend.created_at.as_deref(),
        Some("2024-03-25T22:46:39.922Z")
    );
}
