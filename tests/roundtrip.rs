//! Encode → decode round trips, unknown enum values kept verbatim, and no personal data in `Debug`.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::model::*;

#[test]
fn unknown_enum_values_survive_a_round_trip() {
    let wire = json!({
        "referenceLineItemID": "RA1-000001-01",
        "status": "QUARANTINED",
        "orderStatus": "PENDING_REVIEW",
        "emailStatus": "OPENED",
        "deliveryMethod": "CARRIER_PIGEON",
        "deliveryStatus": "LOST_AT_SEA",
        "rewardStatus": "MELTED",
        "orderSource": "ZZ",
        "resendHistory": [{"reasonCode": "WHIM"}],
    });
    let item: LineItem = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        item.status,
        Some(LineItemStatus::Unknown("QUARANTINED".into()))
    );
    assert_eq!(
        item.delivery_method,
        Some(DeliveryMethod::Unknown("CARRIER_PIGEON".into()))
    );
    assert_eq!(serde_json::to_value(&item).unwrap(), wire);
}

#[test]
fn known_enum_values_decode_to_their_variants() {
    let item: LineItem = serde_json::from_value(json!({
        "status": "CANCELED", "emailStatus": "NOT DELIVERED", "deliveryStatus": "DISPATCHED",
        "rewardStatus": "FROZEN", "orderSource": "RA", "deliveryMethod": "WHATSAPP"
    }))
    .unwrap();
    assert_eq!(item.status, Some(LineItemStatus::Canceled));
    assert_eq!(item.email_status, Some(EmailStatus::NotDelivered));
    assert_eq!(item.delivery_status, Some(DeliveryStatus::Dispatched));
    assert_eq!(item.reward_status, Some(RewardStatus::Frozen));
    assert_eq!(item.order_source, Some(OrderSource::Api));
    assert_eq!(item.delivery_method, Some(DeliveryMethod::Whatsapp));
}

fn physical_order() -> CreateOrderRequest {
    CreateOrderRequest {
        external_ref_id: Some("campaign7row12".into()),
        customer_identifier: Some("demo-customer".into()),
        account_identifier: Some("demo-account".into()),
        utid: Some("U000002".into()),
        delivery_method: Some(DeliveryMethod::Address),
        amount: Some(25.5),
        recipient: Some(Recipient {
            first_name: Some("Ada".into()),
            last_name: Some("Lovelace".into()),
            address: Some(Address {
                street_line1: Some("12 St James's Sq".into()),
                city: Some("London".into()),
                state_or_province: Some("LND".into()),
                postal_code: Some("SW1Y4LB".into()),
                country: Some("GB".into()),
                ..Address::default()
            }),
            ..Recipient::default()
        }),
        send_email: Some(false),
        custom_fields: Some([("costCenter".to_owned(), json!(42))].into()),
        ..CreateOrderRequest::default()
    }
}

#[test]
fn create_order_request_round_trips_with_exact_wire_names() {
    let order = physical_order();
    let wire = serde_json::to_value(&order).unwrap();
    assert_eq!(wire["externalRefID"], "campaign7row12");
    assert_eq!(
        wire["recipient"]["address"]["streetLine1"],
        "12 St James's Sq"
    );
    assert_eq!(wire["customFields"]["costCenter"], 42);
    // Absent fields are left out, not sent as null.
    assert!(wire.get("etid").is_none());
    assert!(wire["recipient"].get("email").is_none());
    let back: CreateOrderRequest = serde_json::from_value(wire).unwrap();
    assert_eq!(back, order);
}

#[test]
fn an_incomplete_create_order_still_decodes_so_validation_can_report_it() {
    let partial: CreateOrderRequest = serde_json::from_value(json!({"amount": 10})).unwrap();
    assert_eq!(partial.amount, Some(10.0));
    assert_eq!(partial.utid, None);
}

#[test]
fn pages_round_trip() {
    let page = json!({
        "keysetPage": {"nextPageKeys": ["a", "b"], "previousPageKeys": [], "resultCount": 2, "totalCount": 9},
        "lineItems": [{"referenceLineItemID": "x"}, {"referenceLineItemID": "y"}]
    });
    let decoded: LineItemListPage = serde_json::from_value(page.clone()).unwrap();
    assert_eq!(decoded.line_items.len(), 2);
    assert_eq!(serde_json::to_value(&decoded).unwrap(), page);
    // A page without its list decodes as an empty one.
    let empty: OrderListPage = serde_json::from_value(json!({"page": {"number": 0}})).unwrap();
    assert!(empty.orders.is_empty());
}

/// Personal data and secrets put into every field that carries them.
const MARKERS: [&str; 9] = [
    "Zelda",
    "Hyrule",
    "zelda@example.com",
    "+12025550123",
    "742 Evergreen",
    "Springfield",
    "SECRETCODE123",
    "https://redeem.example/SECRET",
    "Happy birthday",
];

fn personal_order() -> Value {
    let person = json!({
        "firstName": "Zelda", "lastName": "Hyrule", "email": "zelda@example.com",
        "mobileNumber": "+12025550123",
        "address": {"companyName": "Hyrule", "streetLine1": "742 Evergreen", "streetLine2": "742 Evergreen",
                    "city": "Springfield", "stateOrProvince": "Springfield", "postalCode": "Springfield",
                    "country": "Springfield"}
    });
    json!({
        "referenceOrderID": "RA260101-0001-01",
        "sender": person, "recipient": person, "message": "Happy birthday",
        "reward": {
            "credentials": {"code": "SECRETCODE123"},
            "credentialList": [
                {"label": "Code", "value": "SECRETCODE123", "type": "text", "credentialType": "rewardSecurityCode"},
                {"label": "URL", "value": "https://redeem.example/SECRET", "type": "url", "credentialType": "rewardSecurityUrl"}
            ]
        }
    })
}

#[test]
fn debug_output_never_contains_personal_data_or_credentials() {
    let order: Order = serde_json::from_value(personal_order()).unwrap();
    let mut item_json = personal_order();
    item_json["resendHistory"] = json!([{"recipient": {"email": "zelda@example.com"}}]);
    let item: LineItem = serde_json::from_value(item_json).unwrap();
    let resend: OrderResendResult = serde_json::from_value(
        json!({"email": "zelda@example.com", "mobileNumber": "+12025550123"}),
    )
    .unwrap();
    let filter: OrderFilter = serde_json::from_value(json!({
        "recipientEmail": "zelda@example.com", "recipientFirstName": "Zelda", "senderLastName": "Hyrule"
    }))
    .unwrap();
    for text in [
        format!("{order:?}"),
        format!("{order:#?}"),
        format!("{item:?}"),
        format!("{resend:?}"),
        format!("{filter:?}"),
    ] {
        for marker in MARKERS {
            assert!(!text.contains(marker), "Debug output contains {marker:?}");
        }
    }
    // The Debug output is still useful: identifiers and structure are there.
    assert!(format!("{order:?}").contains("RA260101-0001-01"));
    assert!(format!("{order:?}").contains("rewardSecurityCode"));
}
