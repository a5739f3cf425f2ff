//! Senders, recipients and postal addresses, shared by requests and responses.

use super::sensitive::Sensitive;
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// Who sent the reward (`SenderInfoCriteria`, `SenderInfoView`, `SenderDTO`). For tracking only: it
/// does not change the address Tango's email comes from.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Sender {
    /// At most 100 characters, without `<`, `>` or `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Sensitive>,
    /// At most 100 characters, without `<`, `>` or `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Sensitive>,
    /// The sender's email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Sensitive>,
}

/// Who receives the reward (`RecipientInfoCriteria`, `RecipientInfoView`, `RecipientDTO`,
/// `ReissueLineItemRecipientInfoCriteria`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    /// Required for EMAIL and ADDRESS delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Sensitive>,
    /// Required for ADDRESS delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Sensitive>,
    /// Required for EMAIL delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Sensitive>,
    /// E.164 (`+12025550123`); required for PHONE and WHATSAPP delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_number: Option<Sensitive>,
    /// Required for a physical reward; must be absent or `null` for a digital one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Address | null"))]
    pub address: Option<Address>,
}

/// A postal address (`AddressCriteria`, `RecipientAddressView`). Every line is personal data.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Company, when the reward goes to a workplace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<Sensitive>,
    /// At most 35 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_line1: Option<Sensitive>,
    /// At most 35 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_line2: Option<Sensitive>,
    /// At most 30 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<Sensitive>,
    /// A USPS code in the US, a province code in Canada, a region elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_or_province: Option<Sensitive>,
    /// Five digits in the US.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<Sensitive>,
    /// ISO 3166-1 alpha-2, upper case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Sensitive>,
}
