//! Human names of wire fields, for messages ("Recipient first name is required.").

/// Wire paths and their labels.
///
/// A table searched in order rather than a `match`: the match compiled to 2.3 KiB of comparisons in
/// the wasm, and labels are only looked up to word an issue, never on the path of valid input.
const LABELS: &[(&str, &str)] = &[
    ("", "The request"),
    ("externalRefID", "External reference ID"),
    ("customerIdentifier", "Customer identifier"),
    ("accountIdentifier", "Account identifier"),
    ("utid", "Reward ID (utid)"),
    ("ptid", "Printed template ID (ptid)"),
    ("etid", "Email template ID (etid)"),
    ("amount", "Amount"),
    ("deliveryMethod", "Delivery method"),
    ("sendEmail", "sendEmail"),
    ("sender", "Sender"),
    ("sender.firstName", "Sender first name"),
    ("sender.lastName", "Sender last name"),
    ("sender.email", "Sender email"),
    ("recipient", "Recipient"),
    ("recipient.firstName", "Recipient first name"),
    ("recipient.lastName", "Recipient last name"),
    ("recipient.email", "Recipient email"),
    ("recipient.mobileNumber", "Recipient mobile number"),
    ("recipient.address", "Recipient address"),
    ("recipient.address.companyName", "Company name"),
    ("recipient.address.streetLine1", "Street line 1"),
    ("recipient.address.streetLine2", "Street line 2"),
    ("recipient.address.city", "City"),
    ("recipient.address.stateOrProvince", "State or province"),
    ("recipient.address.postalCode", "Postal code"),
    ("recipient.address.country", "Country"),
    ("emailSubject", "Email subject"),
    ("message", "Message"),
    ("campaign", "Campaign"),
    ("purchaseOrderNumber", "Purchase order number"),
    ("notes", "Notes"),
    ("orderNotes", "Order notes"),
    ("expirationDate", "Expiration date"),
    ("customFields", "Custom fields"),
    ("startDate", "Start date"),
    ("endDate", "End date"),
    ("page", "Page"),
    ("elementsPerBlock", "Page size (elementsPerBlock)"),
    ("minAmount", "Minimum amount"),
    ("maxAmount", "Maximum amount"),
    ("currencyCode", "Currency"),
    ("rewardName", "Reward name"),
    ("senderFirstName", "Sender first name"),
    ("senderLastName", "Sender last name"),
    ("senderEmail", "Sender email"),
    ("recipientEmail", "Recipient email"),
    ("recipientMobileNumber", "Recipient mobile number"),
    ("recipientFirstName", "Recipient first name"),
    ("recipientLastName", "Recipient last name"),
    ("status", "Status"),
    ("orderStatus", "Order status"),
    ("lineItemStatus", "Line item status"),
    ("lineItemNotes", "Line item notes"),
    ("newEmail", "New email"),
    ("newMobile", "New mobile number"),
    ("newMobileNumber", "New mobile number"),
    ("newEtid", "New email template ID"),
    ("newDeliveryMethod", "New delivery method"),
    ("reasonCode", "Reason"),
    ("emailStatus", "Email status"),
    ("deliveryStatus", "Delivery status"),
    ("orderSource", "Order source"),
    ("recipientStreetLine1", "Recipient street line 1"),
    ("recipientStreetLine2", "Recipient street line 2"),
    ("recipientCity", "Recipient city"),
    ("recipientStateOrProvince", "Recipient state or province"),
    ("recipientPostalCode", "Recipient postal code"),
    ("recipientCountry", "Recipient country"),
    ("columnSortName", "Sort column"),
    ("columnSortAscending", "columnSortAscending"),
    ("pagePrevious", "pagePrevious"),
    ("hasRemainingBalance", "hasRemainingBalance"),
    ("minRemainingBalance", "Minimum remaining balance"),
    ("maxRemainingBalance", "Maximum remaining balance"),
    ("pageKeys", "Page keys"),
    ("otherReason", "Other reason"),
    ("referenceOrderID", "Reference order ID"),
    ("referenceLineItemID", "Reference line item ID"),
];

/// The label of a wire path, as the start of a sentence. Unknown paths fall back to the path itself.
pub fn label(path: &str) -> &str {
    LABELS
        .iter()
        .find(|(wire, _)| *wire == path)
        .map_or(path, |(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_paths_have_labels_and_others_fall_back_to_themselves() {
        assert_eq!(label("recipient.address.city"), "City");
        assert_eq!(label("newMobile"), "New mobile number");
        assert_eq!(label("newMobileNumber"), "New mobile number");
        assert_eq!(label("no.such.path"), "no.such.path");
        let mut wires: Vec<_> = LABELS.iter().map(|(wire, _)| wire).collect();
        wires.sort();
        wires.dedup();
        assert_eq!(wires.len(), LABELS.len(), "a path listed twice");
    }
}
