//! List pages: page-numbered for orders, keyset for line items.

use super::items::Items;
use super::line_item::LineItem;
use super::order::Order;
use serde::{Deserialize, Serialize};
#[cfg(feature = "js")]
use tsify::Tsify;

/// Position of a page of `GET /orders` (`PageView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Page {
    /// Page number, from 0.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<i64>,
    /// Page size asked for.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub elements_per_block: Option<i64>,
    /// How many orders this page holds.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_count: Option<i64>,
    /// How many orders match the query (Tango returns at most 10,000 of them).
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<i64>,
}

/// One page of `GET /orders` (`OrderListView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
pub struct OrderListPage {
    /// Where this page is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<Page>,
    /// The orders on it (without `reward`: get an order for its credentials).
    #[cfg_attr(feature = "js", tsify(type = "Order[]"))]
    pub orders: Items<Order>,
}

/// Position of a page of `GET /lineItems` (`KeysetPageView`): pass `nextPageKeys` back as
/// `pageKeys` for the next page.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct KeysetPage {
    /// Keys of the next page; empty or absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_keys: Option<Vec<String>>,
    /// Keys of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_page_keys: Option<Vec<String>>,
    /// How many line items this page holds.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_count: Option<i64>,
    /// How many line items match the query.
    #[serde(
        default,
        deserialize_with = "super::lenient::option_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<i64>,
}

/// One page of `GET /lineItems` (`LineItemListView`).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LineItemListPage {
    /// Where this page is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyset_page: Option<KeysetPage>,
    /// The line items on it.
    #[cfg_attr(feature = "js", tsify(type = "LineItem[]"))]
    pub line_items: Items<LineItem>,
}
