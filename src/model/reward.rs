//! The reward inside an order or line item, and its credentials.

use super::sensitive::Sensitive;
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// The reward issued for an order or line item (`RewardView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Reward {
    /// Deprecated by Tango: read `credentialList`. Kept as it came (an object in the docs, a string
    /// in the OpenAPI document).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<LegacyCredentials>,
    /// The credentials to show or send to the recipient: codes, URLs, PINs, expiration dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_list: Option<Vec<Credential>>,
    /// How to redeem, as HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redemption_instructions: Option<String>,
}

/// One credential of a reward (`CredentialView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    /// What to call it in a UI, e.g. `Security Code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The credential itself: a secret, redacted in `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Sensitive>,
    /// How to show it: `text`, `url`, `date`, …
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// A stable name for the credential, e.g. `rewardSecurityCode`, `redemptionUrl`, `expirationDate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<String>,
}

/// The deprecated `credentials` value, kept verbatim and redacted in `Debug`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(transparent)]
#[cfg_attr(feature = "js", tsify(type = "unknown"))]
pub struct LegacyCredentials(pub serde_json::Value);

impl core::fmt::Debug for LegacyCredentials {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("LegacyCredentials([redacted])")
    }
}
