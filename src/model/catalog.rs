//! The catalog: `GET /catalogs` (`CatalogViewVerbose`), its brands and their items (UTIDs), from
//! the catalog part of Tango's OpenAPI document. Each item says what an order for it may be: its
//! value range or face value, currency, digital or physical, countries and delivery attributes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
#[cfg(feature = "js")]
use tsify::Tsify;

/// The answer of `GET /catalogs` (`CatalogViewVerbose`): the platform's catalog.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// The catalog's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog_name: Option<String>,
    /// Its brands, each with its items.
    #[serde(default)]
    pub brands: Vec<Brand>,
}

impl Catalog {
    /// Every item of every brand, in catalog order.
    pub fn items(&self) -> impl Iterator<Item = &CatalogItem> {
        self.brands.iter().flat_map(|brand| brand.items.iter())
    }

    /// The item with this UTID (compared without case), if the catalog has it.
    pub fn item(&self, utid: &str) -> Option<&CatalogItem> {
        self.items().find(|item| {
            item.utid
                .as_deref()
                .is_some_and(|own| own.eq_ignore_ascii_case(utid))
        })
    }
}

/// A brand and its items (`BrandViewWithItemsVerbose`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    /// The brand's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_key: Option<String>,
    /// Its display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_name: Option<String>,
    /// Its disclaimer (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<String>,
    /// Its description (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A short description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_description: Option<String>,
    /// Its terms and conditions (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// When it was added (as Tango writes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_date: Option<String>,
    /// How a page showing the brand must present its texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_requirements: Option<BrandRequirements>,
    /// Its images, by size (`"300w-326ppi"` → URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional, type = "Record<string, string>"))]
    pub image_urls: Option<BTreeMap<String, String>>,
    /// `active`, `inactive`, `test` or `deleted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Its rewards.
    #[serde(default)]
    pub items: Vec<CatalogItem>,
    /// The barcode type of its rewards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode_type: Option<String>,
    /// Its categories.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<Category>>,
}

/// How a page showing a brand must present its texts (`BrandRequirements`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BrandRequirements {
    /// How to display the brand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_instructions: Option<String>,
    /// How to present the terms and conditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms_and_conditions_instructions: Option<String>,
    /// How to present the disclaimer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclaimer_instructions: Option<String>,
    /// Whether the disclaimer must always be shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub always_show_disclaimer: Option<bool>,
}

/// A brand category (`CategoryView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// Its ID (a UUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One reward of the catalog (`ItemViewVerbose`): what an order for its UTID may be.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CatalogItem {
    /// The reward's ID, the `utid` of an order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_name: Option<String>,
    /// The currency of its amounts (`USD`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// `active`, `inactive`, `test` or `deleted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `VARIABLE_VALUE` (any amount from `minValue` to `maxValue`) or `FIXED_VALUE` (`faceValue`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_type: Option<String>,
    /// `gift card`, `promo`, `reward link`, `physical gift card`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_type: Option<String>,
    /// Whether the reward expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_expirable: Option<bool>,
    /// How many of it one line item may hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity_constraints: Option<QuantityConstraints>,
    /// Whether amounts must be whole (no cents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_whole_amount_value_required: Option<bool>,
    /// How amounts in another currency are converted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange_rate_rule: Option<String>,
    /// The smallest amount, for `VARIABLE_VALUE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_value: Option<f64>,
    /// The largest amount, for `VARIABLE_VALUE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_value: Option<f64>,
    /// The only amount, for `FIXED_VALUE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub face_value: Option<f64>,
    /// Its fee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<CostAdjustment>,
    /// When it was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_date: Option<String>,
    /// Where it can be sent: ISO 3166-1 two-letter codes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countries: Option<Vec<String>>,
    /// What its credentials are (`barcode`, `pin`, `url`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_types: Option<Vec<String>>,
    /// How to redeem it (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redemption_instructions: Option<String>,
    /// `DIGITAL` or `PHYSICAL` (deprecated by Tango, still sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fulfillment_type: Option<String>,
    /// How it can be delivered: `EMAIL`, `PHONE` (text messages), `ADDRESS`, `EMBEDDED`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<String>>,
}

/// How many of an item one line item may hold (`QuantityConstraints`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuantityConstraints {
    /// At least.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub min_quantity: Option<i64>,
    /// At most.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_quantity: Option<i64>,
}

/// A fee (`CostAdjustmentEntity`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CostAdjustment {
    /// How it is counted (`percentage`, `flat`, …).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Its value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// The query of `GET /catalogs`: every member optional; lists (one value or several) are sent as
/// repeated parameters.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CatalogFilter {
    /// With the brands' long texts and images (Tango's default: true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verbose: Option<bool>,
    /// One brand, by ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_key: Option<String>,
    /// One brand, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_name: Option<String>,
    /// One reward, by UTID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utid: Option<String>,
    /// One reward, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward_name: Option<String>,
    /// `test`, `active`, `inactive` or `deleted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Reward types: `all`, `gift card`, `promo`, `reward link`, `physical gift card`, …
    #[serde(
        default,
        deserialize_with = "super::lenient::option_strings",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "js", tsify(optional, type = "string | string[]"))]
    pub reward_type: Option<Vec<String>>,
    /// One currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// One country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `DIGITAL` and/or `PHYSICAL` (deprecated by Tango).
    #[serde(
        default,
        deserialize_with = "super::lenient::option_strings",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "js", tsify(optional, type = "string | string[]"))]
    pub fulfillment_type: Option<Vec<String>>,
    /// Delivery attributes the items must have: `EMAIL`, `PHONE`, `ADDRESS`, `EMBEDDED`.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_strings",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "js", tsify(optional, type = "string | string[]"))]
    pub item_attribute: Option<Vec<String>>,
    /// Brand categories, by ID.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_strings",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "js", tsify(optional, type = "string | string[]"))]
    pub category_ids: Option<Vec<String>>,
}
