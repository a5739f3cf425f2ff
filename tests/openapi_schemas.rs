//! Every schema, response and query parameter of Tango's OpenAPI document is modelled: a
//! schema-shaped instance with every property filled in decodes and re-encodes without losing a
//! field, and every enum value in the document is a known variant of the matching open enum.

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
use serde_json::{json, Map, Value};
use tango_orders::model::*;

fn document() -> Value {
    serde_json::from_str(&fixture_text("openapi/tango-orders.openapi.json")).unwrap()
}

/// Decodes `value` as `T` and encodes it again.
fn through<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let decoded: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(decoded).map_err(|e| e.to_string())
}

/// Decodes a JSON value as some model and encodes it again.
type RoundTrip = fn(&Value) -> Result<Value, String>;

/// The Rust type that models each component schema, as a decode-then-encode function.
fn model_of(schema: &str) -> Option<RoundTrip> {
    Some(match schema {
        "ErrorInfo" | "ErrorDTO" => through::<ApiErrorBody>,
        "CancelLineItemRequestCriteria" => through::<CancelLineItemRequest>,
        "FreezeLineItemRequestCriteria" | "UnfreezeLineItemRequestCriteria" => {
            through::<FreezeLineItemRequest>
        }
        "ReissueLineItemRequestCriteria" => through::<ReissueLineItemRequest>,
        "UpdateLineItemRequest" => through::<UpdateLineItemRequest>,
        "AddressCriteria" | "RecipientAddressView" => through::<Address>,
        "RecipientInfoCriteria"
        | "RecipientInfoView"
        | "RecipientDTO"
        | "ReissueLineItemRecipientInfoCriteria" => through::<Recipient>,
        "SenderInfoCriteria" | "SenderInfoView" | "SenderDTO" => through::<Sender>,
        "AsyncOrderEntity" => through::<AsyncOrderEntity>,
        "LineItemError" => through::<AsyncLineItemError>,
        "ValidationErrorDto" => through::<FieldError>,
        "CreateOrderCriteria" => through::<CreateOrderRequest>,
        "CredentialView" => through::<Credential>,
        "MoneyView" => through::<Money>,
        "OrderViewSummary" | "OrderViewVerbose" | "OrderListItemView" => through::<Order>,
        "RewardView" => through::<Reward>,
        "RewardReasonsMap" => through::<ReasonCodes>,
        "PageView" => through::<Page>,
        "KeysetPageView" => through::<KeysetPage>,
        "OrderListView" => through::<OrderListPage>,
        "LineItemListView" => through::<LineItemListPage>,
        "EmbeddableResponseDTO" => through::<EmbeddedUrl>,
        "LineItemErrorDTO" => through::<LineItemErrorDetail>,
        "LineItemAction" => through::<LineItemAction>,
        "LineItemView" | "LineItemViewVerbose" | "LineItemRedemptionHistoryView" => {
            through::<LineItem>
        }
        "RaasLineItemResendAuditEventDto" => through::<ResendAuditEvent>,
        "RewardViewHistory" => through::<RewardStatusChange>,
        "OrderResendRequestCriteria" => through::<OrderResendRequest>,
        "ResendOrderView" => through::<OrderResendResult>,
        "LineItemResendRequestCriteria" => through::<LineItemResendRequest>,
        "ResendView" => through::<LineItemResendResult>,
        _ => return None,
    })
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            &doc["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// A schema-shaped instance with every property present, like a mock server's, but filled in
/// deterministically: the first enum value, a fixed date-time, `7` for integers, `1.5` for numbers.
fn instance(doc: &Value, schema: &Value, depth: usize) -> Value {
    assert!(depth < 12, "schema nests too deep");
    let schema = resolve(doc, schema);
    if let Some(first) = schema.get("oneOf").and_then(|o| o.get(0)) {
        return instance(doc, first, depth + 1);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values[0].clone();
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("string") if schema.get("format") == Some(&json!("date-time")) => {
            json!("2024-01-02T03:04:05Z")
        }
        Some("string") => json!("text"),
        Some("integer") => json!(7),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("array") => json!([instance(doc, &schema["items"], depth + 1)]),
        _ => {
            let mut object = Map::new();
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (name, property) in properties {
                    object.insert(name.clone(), instance(doc, property, depth + 1));
                }
            } else if let Some(extra) = schema.get("additionalProperties") {
                let value = if extra.as_object().is_some_and(|o| o.is_empty()) {
                    json!("any")
                } else {
                    instance(doc, extra, depth + 1)
                };
                object.insert("key".into(), value);
            }
            Value::Object(object)
        }
    }
}

#[test]
fn every_component_schema_is_modelled_without_losing_a_field() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    assert_eq!(schemas.len(), 43);
    for (name, schema) in schemas {
        let model = model_of(name).unwrap_or_else(|| panic!("no model for schema {name}"));
        let full = instance(&doc, schema, 0);
        let again = model(&full).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_same_json(&full, &again, name);
        // An empty object decodes too: no field is required to decode.
        model(&json!({})).unwrap_or_else(|e| panic!("{name} from {{}}: {e}"));
    }
}

#[test]
fn every_response_of_every_operation_decodes() {
    let doc = document();
    let mut checked = 0;
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                let Some(content) = response["content"]["application/json"].as_object() else {
                    continue;
                };
                let where_ = format!("{method} {path} {status}");
                let schema = &content["schema"];
                let alternatives: Vec<&Value> = match schema.get("oneOf") {
                    Some(list) => list.as_array().unwrap().iter().collect(),
                    None => vec![schema],
                };
                for alternative in alternatives {
                    if let Some(reference) = alternative.get("$ref").and_then(Value::as_str) {
                        let name = reference.trim_start_matches("#/components/schemas/");
                        let model = model_of(name).unwrap();
                        model(&instance(&doc, alternative, 0))
                            .unwrap_or_else(|e| panic!("{where_}: {e}"));
                    } else if alternative["type"] == "string" {
                        // The 202 answers of cancel, freeze, unfreeze and update: `"Accepted"`.
                        let example = content["example"].as_str().unwrap();
                        let text: String = serde_json::from_str(example).unwrap();
                        assert_eq!(text, "Accepted", "{where_}");
                    } else {
                        // An untyped object (some 400s): read it as an error body.
                        through::<ApiErrorBody>(&json!({})).unwrap();
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 69, "responses checked");
}

/// The query parameters of a list operation, as the JSON object our filter type reads.
fn query_instance(doc: &Value, path: &str) -> Value {
    let mut object = Map::new();
    for parameter in doc["paths"][path]["get"]["parameters"].as_array().unwrap() {
        let name = parameter["name"].as_str().unwrap().to_owned();
        let schema = &parameter["schema"];
        // `columnSortAscending` is a string "true"/"false" in the document; it is modelled as the
        // boolean it stands for (both put the same text in a query string).
        let value = match schema.get("default").and_then(Value::as_str) {
            Some("true" | "false") => json!(true),
            _ => instance(doc, schema, 0),
        };
        object.insert(name, value);
    }
    Value::Object(object)
}

#[test]
fn every_list_filter_is_modelled_with_its_wire_name() {
    let doc = document();
    let orders = query_instance(&doc, "/orders");
    assert_eq!(orders.as_object().unwrap().len(), 29);
    assert_same_json(
        &orders,
        &through::<OrderFilter>(&orders).unwrap(),
        "GET /orders",
    );
    let line_items = query_instance(&doc, "/lineItems");
    assert_eq!(line_items.as_object().unwrap().len(), 35);
    assert_same_json(
        &line_items,
        &through::<LineItemFilter>(&line_items).unwrap(),
        "GET /lineItems",
    );
}

/// The catalog part of Tango's document (`GET /catalogs`): every schema modelled without losing a
/// field, its answers decode, and its query parameters are the catalog filter's, by wire name.
#[test]
fn the_catalog_document_is_modelled_too() {
    let doc: Value =
        serde_json::from_str(&fixture_text("openapi/tango-catalogs.openapi.json")).unwrap();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    assert_eq!(schemas.len(), 8);
    for (name, schema) in schemas {
        let model: RoundTrip = match name.as_str() {
            "ErrorInfo" => through::<ApiErrorBody>,
            "CatalogViewVerbose" => through::<Catalog>,
            "BrandViewWithItemsVerbose" => through::<Brand>,
            "BrandRequirements" => through::<BrandRequirements>,
            "CategoryView" => through::<Category>,
            "CostAdjustmentEntity" => through::<CostAdjustment>,
            "ItemViewVerbose" => through::<CatalogItem>,
            "QuantityConstraints" => through::<QuantityConstraints>,
            other => panic!("no model for catalog schema {other}"),
        };
        let full = instance(&doc, schema, 0);
        let again = model(&full).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_same_json(&full, &again, name);
        model(&json!({})).unwrap_or_else(|e| panic!("{name} from {{}}: {e}"));
    }
    // The document gives some lists a single value: what goes on the wire must be the same.
    let filter = query_instance(&doc, "/catalogs");
    assert_eq!(filter.as_object().unwrap().len(), 12);
    let query = |filter: &Value| {
        let mut pairs: Vec<_> = tango_orders::client::query_string(filter)
            .split('&')
            .map(str::to_owned)
            .collect();
        pairs.sort();
        pairs
    };
    let again = through::<CatalogFilter>(&filter).unwrap();
    assert_eq!(query(&filter), query(&again), "GET /catalogs");
}

/// Whether `value` is a known variant of the open enum that models a field or parameter called
/// `name` (in the schema or operation called `owner`).
fn is_known(owner: &str, name: &str, value: &str) -> bool {
    match (owner, name) {
        (_, "deliveryMethod" | "newDeliveryMethod") => DeliveryMethod::from(value).is_known(),
        ("CancelLineItemRequestCriteria", "reasonCode") => CancelReason::from(value).is_known(),
        ("FreezeLineItemRequestCriteria" | "UnfreezeLineItemRequestCriteria", "reasonCode") => {
            FreezeReason::from(value).is_known()
        }
        ("ReissueLineItemRequestCriteria", "reasonCode") => ReissueReason::from(value).is_known(),
        (_, "reasonCode") => ResendReason::from(value).is_known(),
        ("/orders", "status" | "orderStatus") | ("/lineItems", "orderStatus") => {
            OrderStatus::from(value).is_known()
        }
        ("/orders", "lineItemStatus") | ("/lineItems", "status") => {
            LineItemStatus::from(value).is_known()
        }
        (_, "emailStatus") => EmailStatus::from(value).is_known(),
        (_, "deliveryStatus") => DeliveryStatus::from(value).is_known(),
        (_, "orderSource") => OrderSource::from(value).is_known(),
        (_, "columnSortName") => LineItemSortColumn::from(value).is_known(),
        _ => panic!("no open enum for {owner}.{name}"),
    }
}

#[test]
fn every_enum_value_in_the_document_is_a_known_variant() {
    let doc = document();
    let mut seen = 0;
    let mut check = |owner: &str, name: &str, schema: &Value| {
        for value in schema["enum"].as_array().into_iter().flatten() {
            let value = value.as_str().unwrap();
            assert!(is_known(owner, name, value), "{owner}.{name}: {value}");
            seen += 1;
        }
    };
    for (owner, schema) in doc["components"]["schemas"].as_object().unwrap() {
        for (name, property) in schema["properties"].as_object().into_iter().flatten() {
            check(owner, name, property);
        }
    }
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for operation in operations.as_object().unwrap().values() {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                check(
                    path,
                    parameter["name"].as_str().unwrap(),
                    &parameter["schema"],
                );
            }
        }
    }
    assert!(seen > 150, "only {seen} enum values found");
}
