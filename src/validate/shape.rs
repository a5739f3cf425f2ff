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

/// The members an object may have.
pub struct Shape {
    /// Known member names, separated by single spaces. One string rather than a table of them: in
    /// the wasm a table costs a pointer and a length per name, and one string compresses better.
    pub names: &'static str,
    /// The members that are objects with a shape of their own.
    pub nested: &'static [(&'static str, &'static Shape)],
    /// Whether any member is allowed (`customFields`): nothing inside is checked.
    pub open: bool,
}

const fn closed(names: &'static str, nested: &'static [(&'static str, &'static Shape)]) -> Shape {
    Shape {
        names,
        nested,
        open: false,
    }
}

/// `customFields`: the caller's own keys.
const OPEN: Shape = Shape {
    names: "",
    nested: &[],
    open: true,
};

/// `Sender`.
const SENDER: Shape = closed("firstName lastName email", &[]);

/// `Address`.
const ADDRESS: Shape = closed(
    "companyName streetLine1 streetLine2 city stateOrProvince postalCode country",
    &[],
);

/// `Recipient`.
const RECIPIENT: Shape = closed(
    "firstName lastName email mobileNumber address",
    &[("address", &ADDRESS)],
);

/// `CreateOrderRequest`: the body of `POST /orders`.
pub const CREATE_ORDER: Shape = closed(
    "externalRefID customerIdentifier accountIdentifier utid deliveryMethod amount ptid sender recipient emailSubject message sendEmail etid campaign purchaseOrderNumber notes expirationDate customFields",
    &[("sender", &SENDER), ("recipient", &RECIPIENT), ("customFields", &OPEN)],
);

/// `OrderFilter`: the query of `GET /orders`.
pub const ORDER_FILTER: Shape = closed(
    "accountIdentifier customerIdentifier externalRefID startDate endDate elementsPerBlock page minAmount maxAmount currencyCode utid ptid rewardName senderFirstName senderLastName senderEmail recipientEmail recipientMobileNumber recipientFirstName recipientLastName sendEmail deliveryMethod status orderStatus lineItemStatus campaign notes lineItemNotes purchaseOrderNumber",
    &[],
);

/// `LineItemFilter`: the query of `GET /lineItems`.
pub const LINE_ITEM_FILTER: Shape = closed(
    "referenceOrderID externalRefID utid ptid etid status emailStatus deliveryMethod deliveryStatus orderStatus orderSource recipientEmail recipientMobileNumber recipientFirstName recipientLastName accountIdentifier campaign purchaseOrderNumber orderNotes recipientStreetLine1 recipientStreetLine2 recipientCity recipientStateOrProvince recipientPostalCode recipientCountry startDate endDate columnSortName columnSortAscending elementsPerBlock pagePrevious pageKeys minRemainingBalance maxRemainingBalance hasRemainingBalance",
    &[],
);

/// `OrderResendRequest`.
pub const ORDER_RESEND: Shape = closed("newEmail newMobile newEtid newDeliveryMethod", &[]);

/// `LineItemResendRequest`.
pub const LINE_ITEM_RESEND: Shape = closed(
    "newDeliveryMethod newEmail newMobileNumber newEtid reasonCode otherReason",
    &[],
);

/// `CancelLineItemRequest` and `FreezeLineItemRequest`.
pub const LINE_ITEM_ACTION: Shape = closed("reasonCode otherReason", &[]);

/// `ReissueLineItemRequest`.
pub const LINE_ITEM_REISSUE: Shape = closed(
    "reasonCode otherReason amount deliveryMethod recipient notes",
    &[("recipient", &RECIPIENT)],
);

/// `UpdateLineItemRequest`.
pub const LINE_ITEM_UPDATE: Shape = closed("purchaseOrderNumber campaign orderNotes", &[]);

/// `POST /webhooks` and `PATCH /webhooks/{id}` (`headers` items are checked by the rules).
pub const WEBHOOK_SUBSCRIPTION: Shape = closed(
    "url headers categories eventTypes signingCertificate hmacSharedSecretKey payloadVerificationMethod",
    &[],
);

/// The query of `GET /webhooks`.
pub const WEBHOOK_LIST: Shape = closed(
    "prevCursor nextCursor maxResults url headerName headerValue categories eventTypes expiresAtFrom expiresAtTo createdAtFrom createdAtTo",
    &[],
);

/// The query of `GET /webhooks/{id}/events` and `POST /webhooks/{id}/replay`.
pub const WEBHOOK_EVENTS: Shape = closed(
    "fromRevision toRevision prevCursor nextCursor maxResults",
    &[],
);

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
        if let Some((_, shape)) = self.nested.iter().find(|(known, _)| *known == name) {
            return Ok(Some(shape));
        }
        if self.names().any(|known| known == name) {
            Ok(None)
        } else {
            Err(())
        }
    }

    /// The known member names.
    fn names(&self) -> impl Iterator<Item = &'static str> {
        self.names.split(' ').filter(|name| !name.is_empty())
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
            if let Some(known) = self.names().find(|known| known == other) {
                return Some(known);
            }
        }
        // A name cut short (`addr`, as a form's own abbreviation) that only one field starts with.
        let starts = |known: &&str| {
            let start = known.as_bytes().get(..name.len());
            start.is_some_and(|start| start.eq_ignore_ascii_case(name.as_bytes()))
        };
        let mut starting = self.names().filter(starts);
        if let (true, Some(known), None) = (name.len() >= 3, starting.next(), starting.next()) {
            return Some(known);
        }
        // At most one edit in four characters (two for a ten-letter name): close enough to be a
        // slip of the keyboard, far enough not to suggest an unrelated field.
        let limit = (name.len() / 4).max(1);
        let mut nearest = None;
        let mut best = limit + 1;
        for known in self.names() {
            let edits = distance(name.as_bytes(), known.as_bytes());
            if edits < best {
                best = edits;
                nearest = Some(known);
            }
        }
        nearest
    }
}

/// The optimal string alignment distance between two names, ignoring ASCII case: insertions,
/// deletions, substitutions and swaps of two neighbours, each one edit.
///
/// By hand rather than strsim's `osa_distance`: that one works on `char`s, allocates lowercase
/// copies here, and cost 0.7 KiB gzip of the validation-only wasm, where this costs a tenth of
/// that; Tango's field names are ASCII, so bytes are enough.
fn distance(a: &[u8], b: &[u8]) -> usize {
    // Rows of the table on the stack: no field name is that long, and a longer name is no slip.
    const MAX: usize = 48;
    if a.len() >= MAX || b.len() >= MAX {
        return usize::MAX;
    }
    let same = |i: usize, j: usize| match (a.get(i), b.get(j)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    };
    let at = |row: &[usize; MAX], k: usize| row.get(k).copied().unwrap_or(MAX);
    // Three rows: two back (for swaps), the last one, and this one.
    let mut before = [0; MAX];
    let mut last = [0; MAX];
    for (j, cell) in last.iter_mut().enumerate() {
        *cell = j;
    }
    let mut row = [0; MAX];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(!same(i - 1, j - 1));
            let mut best = (at(&last, j) + 1)
                .min(at(&row, j - 1) + 1)
                .min(at(&last, j - 1) + cost);
            if i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1) {
                best = best.min(at(&before, j - 2) + 1);
            }
            if let Some(cell) = row.get_mut(j) {
                *cell = best;
            }
        }
        before = last;
        last = row;
    }
    at(&last, b.len())
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
        let path = joined(prefix, key);
        match shape.member(key) {
            Ok(Some(inner)) => {
                if let Json::Object(inner_object) = value {
                    walk(checker, &path, inner_object, inner, extra);
                }
            }
            Ok(None) => {}
            Err(()) if extra.contains(&path) => {}
            Err(()) => {
                let nearest = shape.nearest(key).map(|name| joined(prefix, name));
                let message = unknown_message("", &path, nearest.as_deref());
                checker
                    .issues
                    .push(super::Issue::new(path, Code::UnknownField, message));
            }
        }
    }
}

/// `prefix.name`, or `name` at the top.
fn joined(prefix: &str, name: &str) -> String {
    let mut path = String::with_capacity(prefix.len() + 1 + name.len());
    if !prefix.is_empty() {
        path.push_str(prefix);
        path.push('.');
    }
    path.push_str(name);
    path
}

/// "`notez` is not a field of this request; did you mean `notes`?", the name shortened when it
/// is long (a key is the caller's, not personal data, but a message stays a sentence). Written
/// with `push_str`: `format!` with its arguments cost more wasm than the whole check.
fn unknown_message(lead: &str, path: &str, nearest: Option<&str>) -> String {
    let mut message = String::from(lead);
    message.push('`');
    match path.char_indices().nth(57) {
        Some((cut, _)) if path.chars().count() > 60 => {
            message.push_str(path.get(..cut).unwrap_or_default());
            message.push_str("...");
        }
        _ => message.push_str(path),
    }
    message.push('`');
    message.push_str(if lead.is_empty() { " is" } else { ", which is" });
    message.push_str(" not a field of this request");
    match nearest {
        Some(nearest) => {
            message.push_str("; did you mean `");
            message.push_str(nearest);
            message.push_str("`?");
        }
        None => message.push('.'),
    }
    message
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
    let mut corrected = String::new();
    for part in path.split('.') {
        let name = match scope.member(part) {
            Ok(_) => part,
            Err(()) => scope.nearest(part)?,
        };
        corrected = joined(&corrected, name);
        match scope.member(name) {
            Ok(Some(inner)) => scope = inner,
            Ok(None) => scope = &LEAF,
            Err(()) => return None,
        }
    }
    shape.has_path(&corrected).then_some(corrected)
}

/// A field with no members, for walking past the end of a path.
const LEAF: Shape = closed("", &[]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::describe::describe;
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
        let mut listed: Vec<_> = shape.names().collect();
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
    fn distance_counts_edits_and_swaps_ignoring_case() {
        let d = |a: &str, b: &str| distance(a.as_bytes(), b.as_bytes());
        assert_eq!(d("", ""), 0);
        assert_eq!(d("notes", "notes"), 0);
        assert_eq!(d("notez", "notes"), 1);
        assert_eq!(d("nots", "notes"), 1);
        assert_eq!(d("noets", "notes"), 1, "a swap is one edit");
        assert_eq!(d("NOTES", "notes"), 0);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(
            d("ca", "abc"),
            3,
            "optimal string alignment, not full Damerau"
        );
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
