//! The catalog: the simulator's `GET /catalogs` through the client (its items, ranges, kinds and
//! filters), and validation with that catalog agreeing with what the simulator accepts.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use tango_orders::client::*;
use tango_orders::error::ErrorKind;
use tango_orders::validate::{self, Code, ValidateOptions};
use tango_sim::Faults;

mod common;
use common::in_process::{demo_config, sim_client};
use common::{place, simulator};

#[tokio::test(start_paused = true)]
async fn the_catalog_lists_the_demo_rewards_with_their_ranges_and_kinds() {
    let (client, _sim, _) = sim_client(Faults::default(), 3, demo_config());
    let options = CallOptions::default();
    let catalog = client.get_catalog(&Value::Null, &options).await.unwrap();
    assert_eq!(catalog.brands.len(), 2);
    let utids: Vec<_> = catalog.items().filter_map(|i| i.utid.clone()).collect();
    assert_eq!(utids.len(), 5);
    let digital = catalog.item("u000001").unwrap();
    assert_eq!(
        (digital.min_value, digital.max_value),
        (Some(1.0), Some(2_000.0))
    );
    assert_eq!(digital.fulfillment_type.as_deref(), Some("DIGITAL"));
    assert!(digital
        .attributes
        .as_ref()
        .unwrap()
        .contains(&"PHONE".to_owned()));
    let physical = catalog.item("U000002").unwrap();
    assert_eq!(
        (physical.min_value, physical.max_value),
        (Some(5.0), Some(500.0))
    );
    assert_eq!(physical.fulfillment_type.as_deref(), Some("PHYSICAL"));
    assert_eq!(
        physical.attributes.as_deref(),
        Some(&["ADDRESS".to_owned()][..])
    );

    let only = |filter: Value| {
        let client = &client;
        let options = &options;
        async move {
            let catalog = client.get_catalog(&filter, options).await.unwrap();
            let mut utids: Vec<_> = catalog.items().filter_map(|i| i.utid.clone()).collect();
            utids.sort();
            utids
        }
    };
    assert_eq!(only(json!({"utid": "U000003"})).await, ["U000003"]);
    assert_eq!(only(json!({"itemAttribute": ["PHONE"]})).await, ["U000001"]);
    assert_eq!(
        only(json!({"fulfillmentType": ["PHYSICAL"]})).await,
        ["U000002"]
    );
    assert_eq!(only(json!({"country": "CA"})).await, ["U000001", "U000002"]);
    assert!(only(json!({"currencyCode": "EUR"})).await.is_empty());
    let brief = client
        .get_catalog(&json!({"verbose": false}), &options)
        .await
        .unwrap();
    assert!(brief
        .brands
        .iter()
        .all(|b| b.description.is_none() && b.terms.is_none()));
    assert!(catalog.brands.iter().all(|b| b.description.is_some()));

    let before = client.transport().requests.get();
    let error = client
        .get_catalog(&json!({"utid": 5}), &options)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(client.transport().requests.get(), before, "nothing sent");
}

/// An order for `utid` by `method` for `amount`, otherwise valid.
fn order(utid: &str, method: &str, amount: f64) -> Value {
    let mut order = json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
        "utid": utid, "amount": amount, "deliveryMethod": method,
        "recipient": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}});
    match method {
        "PHONE" => order["recipient"]["mobileNumber"] = json!("+12025550123"),
        "ADDRESS" => {
            order["recipient"]["address"] = json!({"streetLine1": "12 Main St", "city": "Springfield",
                "stateOrProvince": "IL", "postalCode": "62701", "country": "US"});
        }
        _ => {}
    }
    order
}

#[tokio::test(start_paused = true)]
async fn validation_with_the_catalog_agrees_with_what_the_simulator_accepts() {
    let (client, _sim, _) = sim_client(Faults::default(), 3, demo_config());
    let catalog = client
        .get_catalog(&Value::Null, &CallOptions::default())
        .await
        .unwrap();
    let with_catalog: ValidateOptions =
        serde_json::from_value(json!({ "catalog": serde_json::to_value(&catalog).unwrap() }))
            .unwrap();
    assert!(with_catalog.catalog.as_ref().is_some_and(|c| c.len() == 5));
    let mut sim = simulator();
    let mut compared = 0;
    for item in catalog.items() {
        let utid = item.utid.as_deref().unwrap();
        let (min, max) = (item.min_value.unwrap(), item.max_value.unwrap());
        for method in ["EMAIL", "PHONE", "ADDRESS", "NONE"] {
            for amount in [min - 0.01, min, max, max + 0.01] {
                let order = order(utid, method, amount);
                // Only orders the rules without a catalog pass: the catalog's rules are compared.
                if !validate::validate_create_order(&order, &ValidateOptions::default()).valid {
                    continue;
                }
                let report = validate::validate_create_order(&order, &with_catalog);
                let answer = place(&mut sim, order);
                assert_eq!(
                    report.valid,
                    answer.status == 201,
                    "{utid} {method} {amount}: {report:?} vs {} {}",
                    answer.status,
                    String::from_utf8_lossy(&answer.body)
                );
                for issue in &report.issues {
                    let expected = match issue.path.as_str() {
                        "amount" => Code::OutOfRange,
                        "deliveryMethod" => Code::Unsupported,
                        other => panic!("unexpected issue at {other}"),
                    };
                    assert_eq!(issue.code, expected);
                }
                compared += 1;
            }
        }
    }
    assert!(compared >= 40, "{compared} orders compared");
    // The UTID itself.
    let unknown = validate::validate_create_order(&order("U000042", "EMAIL", 10.0), &with_catalog);
    assert_eq!(unknown.issues.len(), 1);
    assert_eq!(
        (unknown.issues[0].path.as_str(), unknown.issues[0].code),
        ("utid", Code::InvalidValue)
    );
    assert_eq!(place(&mut sim, order("U000042", "EMAIL", 10.0)).status, 400);
}
