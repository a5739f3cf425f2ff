//! Exports that read models: order source, derived status, finality, resend eligibility.

use super::convert::{from_js, string_from_js};
use crate::model::{self, LineItemStatus, Order, OrderStatus};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// The source of an order from the first two letters of its reference order ID: `"RA"` (API),
/// `"RG"` (portal), `"BE"`, `"BI"`, `"CI"`, `"QW"`, `"AA"`, or another two-letter prefix as is.
/// `undefined` when the ID is not two upper-case letters followed by digits.
#[wasm_bindgen(js_name = orderSource, unchecked_return_type = "OrderSource | undefined")]
pub fn order_source(
    #[wasm_bindgen(js_name = referenceOrderID, unchecked_param_type = "string")] reference_order_id: JsValue,
) -> Result<Option<String>, JsValue> {
    let id = string_from_js(&reference_order_id, "referenceOrderID")?;
    Ok(model::order_source(&id).map(|source| source.as_str().to_owned()))
}

/// The order status that a set of line item statuses implies: `COMPLETE` only when every line item
/// is complete, `FAILED` when none completed and some failed, `CANCELLED` when all were cancelled,
/// `PARTIAL` when some completed and others did not, `PENDING` while any is pending or unknown.
#[wasm_bindgen(js_name = deriveOrderStatus, unchecked_return_type = "OrderStatus")]
pub fn derive_order_status(
    #[wasm_bindgen(js_name = lineItemStatuses, unchecked_param_type = "LineItemStatus[]")]
    line_item_statuses: JsValue,
) -> Result<String, JsValue> {
    let statuses: Vec<LineItemStatus> = from_js(line_item_statuses, "lineItemStatuses")?;
    Ok(model::derive_order_status(&statuses).as_str().to_owned())
}

/// Whether an order status is final (COMPLETE, FAILED, CANCELLED, PARTIAL, DELETED). Unknown
/// statuses are not final.
#[wasm_bindgen(js_name = isOrderStatusFinal)]
pub fn is_order_status_final(
    #[wasm_bindgen(unchecked_param_type = "OrderStatus")] status: JsValue,
) -> Result<bool, JsValue> {
    let status = string_from_js(&status, "status")?;
    Ok(OrderStatus::from(status).is_final())
}

/// Whether a line item status is final (anything but PENDING or an unknown status).
#[wasm_bindgen(js_name = isLineItemStatusFinal)]
pub fn is_line_item_status_final(
    #[wasm_bindgen(unchecked_param_type = "LineItemStatus")] status: JsValue,
) -> Result<bool, JsValue> {
    let status = string_from_js(&status, "status")?;
    Ok(LineItemStatus::from(status).is_final())
}

/// Whether Tango can resend this order: it delivered the reward itself (EMAIL, PHONE, WHATSAPP, or
/// `sendEmail: true`) and the order did not fail or get cancelled.
#[wasm_bindgen(js_name = canResendOrder)]
pub fn can_resend_order(order: Ts<Order>) -> Result<bool, JsValue> {
    let order: Order = from_js(order.into(), "order")?;
    Ok(order.can_resend())
}
