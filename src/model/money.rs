//! Money as Tango reports it (`MoneyView`).

use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// An amount in a currency: `amountCharged`, `denomination`, `amountIssued`.
///
/// `value` is the face value; `total` is what the account was charged (`value` + `fee`, converted at
/// `exchangeRate` when the reward's currency differs from the account's).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Money {
    /// The amount, in `currencyCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// ISO 4217 code, e.g. `USD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Rate used to convert into the account's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange_rate: Option<f64>,
    /// Fee charged on top of the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<f64>,
    /// Total charged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
}
