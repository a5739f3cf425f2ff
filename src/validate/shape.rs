//! The fields each request has, so that a misspelt key (`notez`, `recipient.emial`,
//! `orderStatuss`) is reported as `unknown_field` with the nearest known name, instead of being
//! sent and ignored by Tango (a filter that filters nothing, a note that is never stored).
//!
//! Written out rather than read from the models at run time: the validation-only wasm carries no
//! model descriptions, and these lists are a few hundred bytes. A native test
//! (`tests/validation_unknown.rs`) checks each list against its model's serde field names.

use super::check::Checker;
use super::json::{Json, Object};
use super::report::Code;

/// The members an object may have, and the shape of those that are objects themselves.
pub struct Shape {
    /// Known member names; `(name, Some(shape))` for a member that is an object with its own shape.
    pub fields: &'static [(&'static str, Option<&'static Shape>)],
    /// Whether any member is allowed (`customFields`): nothing inside is checked.
    pub open: bool,
}

const fn closed(fields: &'static [(&'static str, Option<&'static Shape>)]) -> Shape {
    Shape {
        fields,
        open: false,
    }
}

/// `customFields`: the caller's own keys.
const OPEN: Shape = Shape {
    fields: &[],
    open: true,
};

/// `Sender`.
const SENDER: Shape = closed(&[("firstName", None), ("lastName", None), ("email", None)]);

/// `Address`.
const ADDRESS: Shape = closed(&[
    ("companyName", None),
    ("streetLine1", None),
    ("streetLine2", None),
    ("city", None),
    ("stateOrProvince", None),
    ("postalCode", None),
    ("country", None),
]);

/// `Recipient`.
const RECIPIENT: Shape = closed(&[
    ("firstName", None),
    ("lastName", None),
    ("email", None),
    ("mobileNumber", None),
    ("address", Some(&ADDRESS)),
]);

/// `CreateOrderRequest`: the body of `POST /orders`.
pub const CREATE_ORDER: Shape = closed(&[
    ("externalRefID", None),
    ("customerIdentifier", None),
    ("accountIdentifier", None),
    ("utid", None),
    ("deliveryMethod", None),
    ("amount", None),
    ("ptid", None),
    ("sender", Some(&SENDER)),
    ("recipient", Some(&RECIPIENT)),
    ("emailSubject", None),
    ("message", None),
    ("sendEmail", None),
    ("etid", None),
    ("campaign", None),
    ("purchaseOrderNumber", None),
    ("notes", None),
    ("expirationDate", None),
    ("customFields", Some(&OPEN)),
]);

/// `OrderFilter`: the query of `GET /orders`.
pub const ORDER_FILTER: Shape = closed(&[
    ("accountIdentifier", None),
    ("customerIdentifier", None),
    ("externalRefID", None),
    ("startDate", None),
    ("endDate", None),
    ("elementsPerBlock", None),
    ("page", None),
    ("minAmount", None),
    ("maxAmount", None),
    ("currencyCode", None),
    ("utid", None),
    ("ptid", None),
    ("rewardName", None),
    ("senderFirstName", None),
    ("senderLastName", None),
    ("senderEmail", None),
    ("recipientEmail", None),
    ("recipientMobileNumber", None),
    ("recipientFirstName", None),
    ("recipientLastName", None),
    ("sendEmail", None),
    ("deliveryMethod", None),
    ("status", None),
    ("orderStatus", None),
    ("lineItemStatus", None),
    ("campaign", None),
    ("notes", None),
    ("lineItemNotes", None),
    ("purchaseOrderNumber", None),
]);

/// `LineItemFilter`: the query of `GET /lineItems`.
pub const LINE_ITEM_FILTER: Shape = closed(&[
    ("referenceOrderID", None),
    ("externalRefID", None),
    ("utid", None),
    ("ptid", None),
    ("etid", None),
    ("status", None),
    ("emailStatus", None),
    ("deliveryMethod", None),
    ("deliveryStatus", None),
    ("orderStatus", None),
    ("orderSource", None),
    ("recipientEmail", None),
    ("recipientMobileNumber", None),
    ("recipientFirstName", None),
    ("recipientLastName", None),
    ("accountIdentifier", None),
    ("campaign", None),
    ("purchaseOrderNumber", None),
    ("orderNotes", None),
    ("recipientStreetLine1", None),
    ("recipientStreetLine2", None),
    ("recipientCity", None),
    ("recipientStateOrProvince", None),
    ("recipientPostalCode", None),
    ("recipientCountry", None),
    ("startDate", None),
    ("endDate", None),
    ("columnSortName", None),
    ("columnSortAscending", None),
    ("elementsPerBlock", None),
    ("pagePrevious", None),
    ("pageKeys", None),
    ("minRemainingBalance", None),
    ("maxRemainingBalance", None),
    ("hasRemainingBalance", None),
]);

/// `OrderResendRequest`.
pub const ORDER_RESEND: Shape = closed(&[
    ("newEmail", None),
    ("newMobile", None),
    ("newEtid", None),
    ("newDeliveryMethod", None),
]);

/// `LineItemResendRequest`.
pub const LINE_ITEM_RESEND: Shape = closed(&[
    ("newDeliveryMethod", None),
    ("newEmail", None),
    ("newMobileNumber", None),
    ("newEtid", None),
    ("reasonCode", None),
    ("otherReason", None),
]);

/// `CancelLineItemRequest` and `FreezeLineItemRequest`.
pub const LINE_ITEM_ACTION: Shape = closed(&[("reasonCode", None), ("otherReason", None)]);

/// `ReissueLineItemRequest`.
pub const LINE_ITEM_REISSUE: Shape = closed(&[
    ("reasonCode", None),
    ("otherReason", None),
    ("amount", None),
    ("deliveryMethod", None),
    ("recipient", Some(&RECIPIENT)),
    ("notes", None),
]);

/// `UpdateLineItemRequest`.
pub const LINE_ITEM_UPDATE: Shape = closed(&[
    ("purchaseOrderNumber", None),
    ("campaign", None),
    ("orderNotes", None),
]);

/// Names another operation uses for what this one calls differently: suggested before any
/// spelling match (`GET /orders` says `lineItemStatus`, `GET /lineItems` says `status`).
const OTHER_NAMES: &[(&str, &str)] = &[
    ("lineItemStatus", "status"),
    ("newMobile", "newMobileNumber"),
    ("newMobileNumber", "newMobile"),
    ("notes", "orderNotes"),
    ("orderNotes", "notes"),
];

impl Shape {
    /// The shape of member `name`: `Ok(None)` for a known member that is not an object with a
    /// shape, `Err(())` for a member this shape does not have.
    fn member(&self, name: &str) -> Result<Option<&'static Shape>, ()> {
        if self.open {
            return Ok(Some(&OPEN));
        }
        self.fields
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, shape)| *shape)
            .ok_or(())
    }

    /// Whether a dotted wire path (`recipient.address.city`) names a field of this shape.
    pub fn has_path(&self, path: &str) -> bool {
        let mut shape = self;
        let mut parts = path.split('.').peekable();
        while let Some(part) = parts.next() {
            match shape.member(part) {
                Ok(Some(inner)) => shape = inner,
                Ok(None) => return parts.peek().is_none(),
                Err(()) => return false,
            }
        }
        true
    }

    /// The known name nearest to `name`, when one is near enough to be what was meant.
    fn nearest(&self, name: &str) -> Option<&'static str> {
        if let Some((_, other)) = OTHER_NAMES.iter().find(|(from, _)| *from == name) {
            if let Some((known, _)) = self.fields.iter().find(|(known, _)| known == other) {
                return Some(known);
            }
        }
        let lower = name.to_ascii_lowercase();
        // A name cut short (`addr`, as a form's own abbreviation) that only one field starts with.
        let mut starting = self
            .fields
            .iter()
            .filter(|(known, _)| known.to_ascii_lowercase().starts_with(&lower));
        if let (true, Some((known, _)), None) = (lower.len() >= 3, starting.next(), starting.next())
        {
            return Some(known);
        }
        // At most one edit in four characters (two for a ten-letter name): close enough to be a
        // slip of the keyboard, far enough not to suggest an unrelated field.
        let limit = (name.chars().count() / 4).max(1);
        self.fields
            .iter()
            .map(|(known, _)| {
                let distance = strsim::osa_distance(&lower, &known.to_ascii_lowercase());
                (distance, *known)
            })
            .filter(|(distance, _)| *distance <= limit)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, known)| known)
    }
}

/// Reports every member of `value` (and of its known object members, recursively) that `shape`
/// does not have, unless its wire path is in `extra` (a field this release does not know yet).
pub fn check_unknown(checker: &mut Checker, value: &Json<'_>, shape: &Shape, extra: &[String]) {
    if let Json::Object(object) = value {
        walk(checker, "", object, shape, extra);
    }
}

fn walk(checker: &mut Checker, prefix: &str, object: &Object<'_>, shape: &Shape, extra: &[String]) {
    if shape.open {
        return;
    }
    for (key, value) in object.iter() {
        let path = if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        };
        match shape.member(key) {
            Ok(Some(inner)) => {
                if let Json::Object(inner_object) = value {
                    walk(checker, &path, inner_object, inner, extra);
                }
            }
            Ok(None) => {}
            Err(()) if extra.contains(&path) => {}
            Err(()) => {
                let nearest = shape.nearest(key).map(|name| match prefix {
                    "" => name.to_owned(),
                    prefix => format!("{prefix}.{name}"),
                });
                let message = unknown_message("", &path, nearest.as_deref());
                checker
                    .issues
                    .push(super::Issue::new(path, Code::UnknownField, message));
            }
        }
    }
}

/// "`notez` is not a field of this request; did you mean `notes`?", the name shortened when it
/// is long (a key is the caller's, not personal data, but a message stays a sentence).
fn unknown_message(lead: &str, path: &str, nearest: Option<&str>) -> String {
    let (lead, verb) = match lead {
        "" => ("", " is"),
        lead => (lead, ", which is"),
    };
    let shown: String = if path.chars().count() > 60 {
        path.chars().take(57).chain("...".chars()).collect()
    } else {
        path.to_owned()
    };
    match nearest {
        Some(nearest) => {
            format!("{lead}`{shown}`{verb} not a field of this request; did you mean `{nearest}`?")
        }
        None => format!("{lead}`{shown}`{verb} not a field of this request."),
    }
}

/// The issues for `fields: [...]` entries that name no field of the request: a form asking for a
/// misspelt path would otherwise never see a message there.
pub fn unknown_paths(shape: &Shape, fields: &[String], extra: &[String]) -> Vec<super::Issue> {
    fields
        .iter()
        .filter(|path| !shape.has_path(path) && !extra.contains(path))
        .map(|path| {
            let message =
                unknown_message("`fields` names ", path, corrected(shape, path).as_deref());
            super::Issue::new(path.clone(), Code::UnknownField, message)
        })
        .collect()
}

/// `path` with each unknown segment replaced by its nearest known name, when that gives a path
/// the shape has (`recipent.email` → `recipient.email`).
fn corrected(shape: &Shape, path: &str) -> Option<String> {
    let mut scope = shape;
    let mut parts = Vec::new();
    for part in path.split('.') {
        let name = match scope.member(part) {
            Ok(_) => part,
            Err(()) => scope.nearest(part)?,
        };
        parts.push(name);
        match scope.member(name) {
            Ok(Some(inner)) => scope = inner,
            Ok(None) => scope = &LEAF,
            Err(()) => return None,
        }
    }
    let corrected = parts.join(".");
    shape.has_path(&corrected).then_some(corrected)
}

/// A field with no members, for walking past the end of a path.
const LEAF: Shape = closed(&[]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::describe::describe;
    use crate::model::{
        Address, CancelLineItemRequest, CreateOrderRequest, FreezeLineItemRequest, LineItemFilter,
        LineItemResendRequest, OrderFilter, OrderResendRequest, Recipient, ReissueLineItemRequest,
        Sender, UpdateLineItemRequest,
    };
    use serde::{de::DeserializeOwned, Serialize};

    /// The member names of `shape` are exactly the serde field names of model `T`.
    fn same_fields<T: DeserializeOwned + Serialize>(shape: &Shape) {
        let model = describe::<T>(&[]).unwrap();
        let mut from_model: Vec<_> = model.fields.iter().map(|f| f.name).collect();
        let mut listed: Vec<_> = shape.fields.iter().map(|(name, _)| *name).collect();
        from_model.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, from_model, "{}", model.name);
    }

    #[test]
    fn every_list_is_its_models_fields() {
        same_fields::<CreateOrderRequest>(&CREATE_ORDER);
        same_fields::<Sender>(&SENDER);
        same_fields::<Recipient>(&RECIPIENT);
        same_fields::<Address>(&ADDRESS);
        same_fields::<OrderFilter>(&ORDER_FILTER);
        same_fields::<LineItemFilter>(&LINE_ITEM_FILTER);
        same_fields::<OrderResendRequest>(&ORDER_RESEND);
        same_fields::<LineItemResendRequest>(&LINE_ITEM_RESEND);
        same_fields::<CancelLineItemRequest>(&LINE_ITEM_ACTION);
        same_fields::<FreezeLineItemRequest>(&LINE_ITEM_ACTION);
        same_fields::<ReissueLineItemRequest>(&LINE_ITEM_REISSUE);
        same_fields::<UpdateLineItemRequest>(&LINE_ITEM_UPDATE);
    }

    #[test]
    fn nearest_names_are_slips_not_guesses() {
        assert_eq!(CREATE_ORDER.nearest("notez"), Some("notes"));
        assert_eq!(CREATE_ORDER.nearest("externalRefId"), Some("externalRefID"));
        assert_eq!(RECIPIENT.nearest("emial"), Some("email"));
        assert_eq!(ORDER_FILTER.nearest("orderStatuss"), Some("orderStatus"));
        assert_eq!(LINE_ITEM_FILTER.nearest("lineItemStatus"), Some("status"));
        assert_eq!(CREATE_ORDER.nearest("favouriteColour"), None);
        assert_eq!(CREATE_ORDER.nearest("x"), None);
        assert_eq!(
            corrected(&CREATE_ORDER, "recipent.adress.city").as_deref(),
            Some("recipient.address.city")
        );
        assert!(CREATE_ORDER.has_path("customFields.anything.at.all"));
        assert!(!CREATE_ORDER.has_path("amount.value"));
    }
}
