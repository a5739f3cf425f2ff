//! Exports that read models: order source, derived status, finality, resend eligibility.
//!
//! They read their input as the validators do (a borrowed [`Json`] tree), not through the models'
//! typed `Deserialize`: these helpers are part of the main entry's first load, which must stay
//! small, and the typed decoders of `Order` alone are ≈ 23 KiB of gzip'd wasm. Each reads only the
//! fields its answer depends on, and a wrong type in one of those is the same `validation` error
//! the typed read gave (the field's path, code `invalid_format`).

use super::convert::{string_from_js, with_json_for_validation};
use crate::error::Error;
use crate::model::{self, DeliveryMethod, LineItemStatus, Order, OrderStatus};
use crate::validate::{Code, Json};
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

/// The error for a value of the wrong type at `path` (the whole input when empty).
fn wrong_type(path: &str, what: &str) -> Error {
    let message = if path.is_empty() {
        format!("{what} has the wrong type")
    } else {
        format!("`{path}` has the wrong type")
    };
    Error::invalid(path, Code::InvalidFormat, message)
}

/// A string at `path`, `None` for absent or `null`.
fn optional_str<'j>(value: Option<&'j Json<'_>>, path: &str) -> Result<Option<&'j str>, Error> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(value) => value
            .as_str()
            .map(Some)
            .ok_or_else(|| wrong_type(path, path)),
    }
}

/// The order status that a set of line item statuses implies: `COMPLETE` only when every line item
/// is complete, `FAILED` when none completed and some failed, `CANCELLED` when all were cancelled,
/// `PARTIAL` when some completed and others did not, `PENDING` while any is pending or unknown.
#[wasm_bindgen(js_name = deriveOrderStatus, unchecked_return_type = "OrderStatus")]
pub fn derive_order_status(
    #[wasm_bindgen(js_name = lineItemStatuses, unchecked_param_type = "LineItemStatus[]")]
    line_item_statuses: JsValue,
) -> Result<String, JsValue> {
    const WHAT: &str = "lineItemStatuses";
    let statuses = with_json_for_validation(&line_item_statuses, |json, _| {
        let items = json.as_array().ok_or_else(|| wrong_type("", WHAT))?;
        let mut statuses = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let status = item
                .as_str()
                .ok_or_else(|| wrong_type(&format!("[{index}]"), WHAT))?;
            statuses.push(LineItemStatus::from(status.to_owned()));
        }
        Ok::<_, Error>(statuses)
    })??;
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
    let order = with_json_for_validation(&order.into(), |json, _| {
        let object = json.as_object().ok_or_else(|| wrong_type("", "order"))?;
        let send_email = match object.get("sendEmail") {
            None | Some(Json::Null) => None,
            Some(Json::Bool(value)) => Some(*value),
            Some(_) => return Err(wrong_type("sendEmail", "order")),
        };
        let text = |key: &str| optional_str(object.get(key), key).map(|s| s.map(str::to_owned));
        // The model's own rule (`Order::can_resend`) on an order holding just what it reads.
        Ok::<_, Error>(Order {
            delivery_method: text("deliveryMethod")?.map(DeliveryMethod::from),
            send_email,
            status: text("status")?.map(OrderStatus::from),
            order_status: text("orderStatus")?.map(OrderStatus::from),
            ..Order::default()
        })
    })??;
    Ok(order.can_resend())
}
