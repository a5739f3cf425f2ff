//! Delivery methods and order sources.

use super::open_enum::open_enum;

open_enum! {
    /// How Tango delivers a reward (`deliveryMethod`). `BULKSHIPMENT`, `QRCODE` and `BULKDIGITAL`
    /// appear only in responses: an API order cannot ask for them.
    DeliveryMethod {
        None = "NONE",
        Email = "EMAIL",
        Phone = "PHONE",
        Address = "ADDRESS",
        Embedded = "EMBEDDED",
        EmbeddedComponent = "EMBEDDED_COMPONENT",
        Whatsapp = "WHATSAPP",
        BulkShipment = "BULKSHIPMENT",
        QrCode = "QRCODE",
        BulkDigital = "BULKDIGITAL",
    }
}

impl DeliveryMethod {
    /// Whether an API order (`POST /orders`) may ask for this method.
    pub fn is_requestable(&self) -> bool {
        matches!(
            self,
            DeliveryMethod::None
                | DeliveryMethod::Email
                | DeliveryMethod::Phone
                | DeliveryMethod::Address
                | DeliveryMethod::Embedded
                | DeliveryMethod::EmbeddedComponent
                | DeliveryMethod::Whatsapp
        )
    }

    /// Whether Tango itself sends the reward to the recipient with this method, which is what makes
    /// a resend possible.
    pub fn is_delivered_by_tango(&self) -> bool {
        matches!(
            self,
            DeliveryMethod::Email | DeliveryMethod::Phone | DeliveryMethod::Whatsapp
        )
    }
}

open_enum! {
    /// Where an order came from: the first two letters of its `referenceOrderID` (`orderSource`).
    OrderSource {
        /// `RA`: placed through the API.
        Api = "RA",
        /// `RG`: placed in the Tango portal.
        Portal = "RG",
        /// `BE`: bulk upload ("blast external").
        BulkExternal = "BE",
        /// `BI`: bulk internal upload.
        BulkInternal = "BI",
        /// `CI`: codes sent by Tango's orders team.
        CodesInternal = "CI",
        /// `QW`: Qualtrics or another integration.
        Integration = "QW",
        /// `AA`: an asynchronous API order.
        AsyncApi = "AA",
    }
}

/// The source of an order, read from the first two letters of its reference order ID.
///
/// Tango's IDs are two upper-case letters followed by digits (`RA230918-1234-56`), so anything else
/// (`"string"`, `"ra1"`, `""`) returns `None` rather than a made-up source. A two-letter prefix Tango
/// has not documented comes back as `OrderSource::Unknown`.
pub fn order_source(reference_order_id: &str) -> Option<OrderSource> {
    match reference_order_id.as_bytes() {
        [a, b, digit, ..]
            if a.is_ascii_uppercase() && b.is_ascii_uppercase() && digit.is_ascii_digit() =>
        {
            reference_order_id.get(..2).map(OrderSource::from)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_source_reads_the_prefix() {
        assert_eq!(order_source("RA230918-1234-56"), Some(OrderSource::Api));
        assert_eq!(order_source("RG1"), Some(OrderSource::Portal));
        // Placeholders and lower case are not IDs.
        assert_eq!(order_source("string"), None);
        assert_eq!(order_source("rg1"), None);
        assert_eq!(order_source("RA"), None);
        assert_eq!(order_source("AA0001"), Some(OrderSource::AsyncApi));
        assert_eq!(
            order_source("ZZ0001"),
            Some(OrderSource::Unknown("ZZ".into()))
        );
        assert_eq!(order_source("R"), None);
        assert_eq!(order_source(""), None);
        assert_eq!(order_source("12345"), None);
        // A multi-byte character where the prefix would end must not panic.
        assert_eq!(order_source("Ré123"), None);
        assert_eq!(order_source("RÉ1"), None);
        assert_eq!(order_source("é"), None);
    }

    #[test]
    fn response_only_methods_are_not_requestable() {
        assert!(DeliveryMethod::Email.is_requestable());
        assert!(!DeliveryMethod::QrCode.is_requestable());
        assert!(!DeliveryMethod::from("CARRIER").is_requestable());
    }
}
