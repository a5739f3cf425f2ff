//! What JSON Schema can say of Tango's rules, by wire path, on top of the structure schemars reads
//! from the models: required members, lengths, patterns, enums, ranges, and no members a request
//! does not have.
//!
//! Every rule here is one the validators apply to a whole request (not a form being filled in),
//! written so that the schema never refuses what `validateCreateOrder` and the others accept:
//! rules JSON Schema cannot express (digital or physical names, a state that depends on the
//! country, E.164 numbers, dates) are left to the validators. `tests/package/json-schema.test.mjs`
//! checks that on the shared cases. Enum lists come from the validators' own constants.

use serde_json::{json, Value};
use tango_orders::model::{
    DeliveryMethod, DeliveryStatus, EmailStatus, OrderSource, OrderStatus, ReissueReason,
    ResendReason,
};
use tango_orders::validate::{
    CURRENCIES, LINE_ITEM_QUERY_ORDER_STATUSES, LINE_ITEM_QUERY_STATUSES, LINE_ITEM_SORT_COLUMNS,
    MAX_AMOUNT, ORDER_QUERY_LINE_ITEM_STATUSES, REISSUE_METHODS, REQUESTABLE_METHODS,
    RESEND_METHODS,
};

/// One rule: the members to set on the schema at a wire path (`""` for the request itself).
pub enum Rule {
    /// JSON Schema keywords to add.
    Set(&'static str, Value),
    /// The allowed strings (`null` stays allowed where the member is optional).
    OneOf(&'static str, Vec<String>),
    /// A number above zero and at most this.
    Positive(&'static str, f64),
}

/// Letters, digits and hyphens: Tango's identifiers.
const IDENTIFIER: &str = "^[A-Za-z0-9-]+$";
/// A digital name: no `<`, `>` or `/` (control and invisible characters are the validators').
const NAME: &str = "^[^<>/]*$";

fn text(max: usize) -> Value {
    json!({ "maxLength": max })
}

fn identifier() -> Value {
    json!({ "minLength": 5, "maxLength": 100, "pattern": IDENTIFIER })
}

/// `externalRefID`: 1 to 100 letters and digits.
fn external_ref() -> Value {
    json!({ "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9]+$" })
}

fn name() -> Value {
    json!({ "maxLength": 100, "pattern": NAME })
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| value.to_string()).collect()
}

/// The known values of an open enum, and `""`, which the validators read as "not filled in" for
/// the members they check against the known values.
fn known_or_empty(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut values: Vec<String> = values.into_iter().collect();
    values.push(String::new());
    values
}

macro_rules! known {
    ($enum:ident) => {
        known_or_empty($enum::KNOWN.iter().map(|value| value.as_str().to_owned()))
    };
}

/// The requests whose schemas are written, by the name the package uses, with their rules.
pub fn rules(request: &str) -> Vec<Rule> {
    use Rule::*;
    let closed = json!({ "additionalProperties": false });
    match request {
        "createOrder" => vec![
            Set(
                "",
                json!({
                    "required": ["customerIdentifier", "accountIdentifier", "utid", "amount"],
                    "additionalProperties": false
                }),
            ),
            Set("externalRefID", external_ref()),
            Set("customerIdentifier", identifier()),
            Set("accountIdentifier", identifier()),
            Set("utid", json!({ "pattern": "^[Uu][0-9]+$" })),
            Set("ptid", json!({ "pattern": "^([Pp][0-9]+)?$" })),
            Set("etid", json!({ "pattern": "^([Ee][0-9]{6})?$" })),
            Positive("amount", MAX_AMOUNT),
            OneOf(
                "deliveryMethod",
                known_or_empty(strings(&REQUESTABLE_METHODS)),
            ),
            Set("sender", closed.clone()),
            Set("sender.firstName", name()),
            Set("sender.lastName", name()),
            Set("sender.email", text(100)),
            Set("recipient", closed.clone()),
            Set("recipient.firstName", name()),
            Set("recipient.lastName", name()),
            Set("recipient.email", text(100)),
            Set(
                "recipient.address",
                json!({ "additionalProperties": false, "required": ["streetLine1", "city", "country"] }),
            ),
            Set("recipient.address.companyName", text(100)),
            Set(
                "recipient.address.streetLine1",
                json!({ "minLength": 1, "maxLength": 35 }),
            ),
            Set("recipient.address.streetLine2", text(35)),
            Set(
                "recipient.address.city",
                json!({ "minLength": 1, "maxLength": 30 }),
            ),
            Set(
                "recipient.address.country",
                json!({ "pattern": "^[A-Z]{2}$" }),
            ),
            Set("message", text(3000)),
            Set("campaign", text(100)),
            Set("purchaseOrderNumber", text(100)),
            Set("notes", text(150)),
        ],
        "orderFilter" => vec![
            Set("", closed),
            Set("customerIdentifier", identifier()),
            Set("accountIdentifier", identifier()),
            Set("externalRefID", external_ref()),
            Set("page", json!({ "minimum": 0, "maximum": 2147483647 })),
            Set(
                "elementsPerBlock",
                json!({ "minimum": 1, "maximum": 2147483647 }),
            ),
            Set("minAmount", json!({ "minimum": 0 })),
            Set("maxAmount", json!({ "minimum": 0 })),
            OneOf("currencyCode", strings(&CURRENCIES)),
            OneOf("status", known!(OrderStatus)),
            OneOf("orderStatus", known!(OrderStatus)),
            OneOf("lineItemStatus", strings(&ORDER_QUERY_LINE_ITEM_STATUSES)),
            OneOf("deliveryMethod", known!(DeliveryMethod)),
            Set("senderFirstName", name()),
            Set("senderLastName", name()),
            Set("recipientFirstName", name()),
            Set("recipientLastName", name()),
            Set("senderEmail", text(100)),
            Set("recipientEmail", text(100)),
            Set("rewardName", text(100)),
            Set("purchaseOrderNumber", text(100)),
            Set("campaign", text(100)),
            Set("notes", text(150)),
        ],
        "lineItemFilter" => vec![
            Set("", closed),
            Set(
                "referenceOrderID",
                json!({ "maxLength": 100, "pattern": "^[A-Za-z0-9-]*$" }),
            ),
            Set("externalRefID", external_ref()),
            Set("accountIdentifier", identifier()),
            Set("utid", text(100)),
            Set("ptid", text(100)),
            Set("etid", text(100)),
            Set("recipientEmail", text(100)),
            Set("campaign", text(100)),
            Set("purchaseOrderNumber", text(100)),
            Set("orderNotes", text(150)),
            Set("recipientFirstName", name()),
            Set("recipientLastName", name()),
            Set("recipientStreetLine1", text(35)),
            Set("recipientStreetLine2", text(35)),
            Set("recipientCity", text(30)),
            Set("recipientStateOrProvince", text(35)),
            Set("recipientPostalCode", text(12)),
            Set("recipientCountry", text(2)),
            OneOf("status", strings(&LINE_ITEM_QUERY_STATUSES)),
            OneOf("orderStatus", strings(&LINE_ITEM_QUERY_ORDER_STATUSES)),
            OneOf("emailStatus", known!(EmailStatus)),
            OneOf("deliveryMethod", known!(DeliveryMethod)),
            OneOf("deliveryStatus", known!(DeliveryStatus)),
            OneOf("orderSource", known!(OrderSource)),
            OneOf("columnSortName", strings(&LINE_ITEM_SORT_COLUMNS)),
            Set(
                "elementsPerBlock",
                json!({ "minimum": 1, "maximum": 2147483647 }),
            ),
            Set("minRemainingBalance", json!({ "minimum": 0 })),
            Set("maxRemainingBalance", json!({ "minimum": 0 })),
            Set(
                "pageKeys",
                json!({ "maxItems": 10, "items": { "type": "string", "minLength": 1, "maxLength": 100 } }),
            ),
        ],
        "orderResend" => vec![
            Set("", closed),
            OneOf("newDeliveryMethod", strings(&RESEND_METHODS)),
            Set("newEmail", text(100)),
            Set("newEtid", json!({ "pattern": "^([Ee][0-9]{6})?$" })),
        ],
        "lineItemResend" => vec![
            Set("", closed),
            OneOf("newDeliveryMethod", strings(&RESEND_METHODS)),
            Set("newEmail", text(100)),
            Set("newEtid", json!({ "pattern": "^([Ee][0-9]{6})?$" })),
            OneOf("reasonCode", known!(ResendReason)),
        ],
        "lineItemReissue" => vec![
            Set(
                "",
                json!({ "required": ["reasonCode"], "additionalProperties": false }),
            ),
            OneOf("reasonCode", known!(ReissueReason)),
            Positive("amount", MAX_AMOUNT),
            OneOf("deliveryMethod", strings(&REISSUE_METHODS)),
            Set("recipient", closed),
            Set("recipient.firstName", name()),
            Set("recipient.lastName", name()),
            Set("recipient.email", text(100)),
            Set("notes", text(150)),
        ],
        "lineItemUpdate" => vec![
            Set("", closed),
            Set("purchaseOrderNumber", text(100)),
            Set(
                "campaign",
                json!({ "maxLength": 100, "pattern": "^[a-zA-Z0-9 ]*$" }),
            ),
            Set("orderNotes", text(150)),
        ],
        _ => Vec::new(),
    }
}
