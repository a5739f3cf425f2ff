//! Exports that read a response body (JSON text) into the model Tango's endpoint returns.

use super::convert::{string_from_js, to_js};
use crate::decode::from_json;
use crate::model::{
    ApiErrorBody, LineItem, LineItemListPage, LineItemResendResult, Order, OrderListPage,
    OrderResendResult,
};
use serde::{de::DeserializeOwned, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

fn parse<T: DeserializeOwned + Serialize + Tsify>(body: JsValue) -> Result<Ts<T>, JsValue> {
    let text = string_from_js(&body, "body")?;
    let model: T = from_json(&text)?;
    Ok(Ts::new_unchecked(to_js(&model)?))
}

/// Reads the body of `POST /orders` or `GET /orders/{id}`.
#[wasm_bindgen(js_name = parseOrder)]
pub fn parse_order(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<Order>, JsValue> {
    parse(body)
}

/// Reads the body of `GET /orders`.
#[wasm_bindgen(js_name = parseOrderListPage)]
pub fn parse_order_list_page(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<OrderListPage>, JsValue> {
    parse(body)
}

/// Reads the body of `GET /lineItems/{id}`.
#[wasm_bindgen(js_name = parseLineItem)]
pub fn parse_line_item(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<LineItem>, JsValue> {
    parse(body)
}

/// Reads the body of `GET /lineItems`.
#[wasm_bindgen(js_name = parseLineItemListPage)]
pub fn parse_line_item_list_page(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<LineItemListPage>, JsValue> {
    parse(body)
}

/// Reads the body of `POST /orders/{id}/resends`.
#[wasm_bindgen(js_name = parseOrderResendResult)]
pub fn parse_order_resend_result(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<OrderResendResult>, JsValue> {
    parse(body)
}

/// Reads the body of `POST /lineItems/{id}/resends`.
#[wasm_bindgen(js_name = parseLineItemResendResult)]
pub fn parse_line_item_resend_result(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<LineItemResendResult>, JsValue> {
    parse(body)
}

/// Reads the body Tango sends with an error status.
#[wasm_bindgen(js_name = parseApiErrorBody)]
pub fn parse_api_error_body(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<Ts<ApiErrorBody>, JsValue> {
    parse(body)
}
