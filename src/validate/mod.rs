//! Tango's rules (SPEC section 3), checked before anything is sent: every problem at once, each at
//! its wire path with a stable code and a message that never contains the value.
//!
//! The validators read untyped JSON, so that a wrong type in one field is reported at that field
//! while every other field is still checked: a [`Json`] read straight from text (what the wasm
//! exports do), or a `serde_json::Value` (typed models through `serde_json::to_value`), both
//! through [`ReadJson`].

mod catalog;
mod check;
mod contact;
mod csv;
mod datetime;
mod filter;
mod invisible;
mod json;
mod json_de;
mod labels;
mod line_item;
mod normalize;
mod order;
mod regions;
mod report;
mod resend;
mod shape;
mod unrepresentable;
mod webhook;

pub use catalog::CatalogRules;
pub use csv::{
    orders_from_csv, validate_orders_csv, CsvCheck, CsvColumn, CsvIssue, CsvPlan, CsvReport,
    CsvSettings, MAX_CSV_BYTES,
};
pub use datetime::{format_date_time, parse_date_or_date_time, parse_date_time, parse_range_end};
pub use filter::{
    CURRENCIES, LINE_ITEM_QUERY_ORDER_STATUSES, LINE_ITEM_QUERY_STATUSES, LINE_ITEM_SORT_COLUMNS,
    ORDER_QUERY_LINE_ITEM_STATUSES,
};
pub use line_item::REISSUE_METHODS;
pub use normalize::{normalize_create_order, normalized, normalized_if_changed};
pub use order::{amount_cents, Fulfillment, MAX_AMOUNT, REQUESTABLE_METHODS};
pub use report::{BulkIssue, BulkReport, Code, Issue, Report};
pub use resend::{LineItemAction, RESEND_METHODS};
pub use unrepresentable::{
    explain, explain_bulk_report, explain_report, find_unrepresentable, unrepresentable_report,
    Unrepresentable, LONE_SURROGATE_KEY, NON_FINITE_KEY,
};
pub use webhook::{
    is_loopback, is_loopback_url, is_webhook_category, is_webhook_event_type, MAX_WEBHOOK_URL,
    WEBHOOK_EVENT_TYPES, WEBHOOK_TESTS,
};

use check::Checker;
pub use json::{too_deeply_nested, Json, Object, ReadJson, MAX_NESTING};
use serde::{Deserialize, Serialize};
use shape::Shape;
#[cfg(feature = "js")]
use tsify::Tsify;

/// The most rows one bulk validation takes: the size of Tango's own bulk upload.
pub const MAX_BULK_ROWS: usize = 50_000;

/// How to validate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidateOptions {
    /// Digital or physical, overriding the inference (physical when the delivery method is ADDRESS
    /// or a `ptid` is given). Create orders only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fulfillment: Option<FulfillmentOption>,
    /// For a form being filled in: a field that is not filled yet (absent, empty or only spaces) is
    /// not reported as `required`; everything filled is checked in full.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    /// Report only these wire paths and what is inside them (`recipient.address` covers
    /// `recipient.address.city`). Rules that span fields still see the whole input. A path the
    /// request does not have is reported (`unknown_field`); `null` and `undefined` items are
    /// skipped, and one path alone may be given as a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "js",
        tsify(optional, type = "string | ReadonlyArray<string | null | undefined>")
    )]
    pub fields: Option<Vec<String>>,
    /// The current time in epoch milliseconds, for "expiration date in the future". JavaScript
    /// callers leave it out: the package reads the clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now_ms: Option<f64>,
    /// The catalog (`getCatalog`'s answer, or a list of its items), for create orders: the
    /// amount must fit the item of the order's `utid` (its range, or its face value: `amount:
    /// out_of_range`), the delivery method must be one the item serves (`deliveryMethod:
    /// unsupported`), a mailed reward's country one it is sent to, and the UTID must be in the
    /// catalog (`utid: invalid_value`). Without it, none of these apply.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read_catalog"
    )]
    #[cfg_attr(feature = "js", tsify(optional, type = "Catalog | CatalogItem[]"))]
    pub catalog: Option<CatalogRules>,
    /// Wire paths of fields this release does not know yet (`"loyaltyTier"`,
    /// `"recipient.pronouns"`), accepted as they are instead of being reported `unknown_field`:
    /// a field Tango adds can be sent without waiting for a new release. Nothing inside them is
    /// checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "js",
        tsify(optional, type = "string | ReadonlyArray<string | null | undefined>")
    )]
    pub extra_fields: Option<Vec<String>>,
}

/// Reads `catalog` for serde (native callers): through `serde_json::Value` into [`CatalogRules`].
fn read_catalog<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<CatalogRules>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    if value.is_null() {
        return Ok(None);
    }
    CatalogRules::from_json(&Json::from(&value))
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom("the catalog must be an object with brands or a list of items")
        })
}

/// The strings of a list of paths; `null` items are left out, since a form passing its own state
/// (`event.target.dataset.path` of an element without one) must not break on them. `None` when an
/// item is neither.
fn paths_of(items: &[Json<'_>]) -> Option<Vec<String>> {
    items
        .iter()
        .filter(|item| !item.is_null())
        .map(|item| item.as_str().map(str::to_owned))
        .collect()
}

/// `"digital"` or `"physical"`: see [`Fulfillment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(Tsify))]
#[serde(rename_all = "lowercase")]
pub enum FulfillmentOption {
    /// A code or link.
    Digital,
    /// Printed and mailed.
    Physical,
}

impl ValidateOptions {
    /// Reads options from JSON (`null` for the defaults); unknown members are ignored.
    ///
    /// By hand rather than by serde: in the `tango-orders/validate` entry this is the only typed
    /// read, and serde's error messages alone pull float formatting into the wasm (≈ 10 KiB gzip).
    pub fn from_json(value: &impl ReadJson) -> Result<Self, Report> {
        let value = value.read_json();
        let object = match value.as_ref() {
            Json::Null => return Ok(ValidateOptions::default()),
            Json::Object(object) => object,
            _ => {
                let message = "The options must be an object.";
                return Err(Report::one("", Code::InvalidFormat, message));
            }
        };
        let wrong = |key: &str| {
            let message = format!("`{key}` has the wrong type");
            Report::one(key, Code::InvalidFormat, message)
        };
        let member = |key: &str| object.get(key).filter(|v| !v.is_null());
        let fulfillment = match member("fulfillment") {
            None => None,
            Some(Json::String(s)) if s == "digital" => Some(FulfillmentOption::Digital),
            Some(Json::String(s)) if s == "physical" => Some(FulfillmentOption::Physical),
            Some(_) => return Err(wrong("fulfillment")),
        };
        let partial = match member("partial") {
            None => false,
            Some(Json::Bool(partial)) => *partial,
            Some(_) => return Err(wrong("partial")),
        };
        let paths = |key: &str| match member(key) {
            None => Ok(None),
            Some(Json::Array(items)) => paths_of(items).map(Some).ok_or_else(|| wrong(key)),
            // One path alone, as a form may keep "the field that changed".
            Some(Json::String(path)) => Ok(Some(vec![path.to_string()])),
            Some(_) => Err(wrong(key)),
        };
        let fields = paths("fields")?;
        let extra_fields = paths("extraFields")?;
        let now_ms = match member("nowMs") {
            None => None,
            Some(Json::Number(n)) => Some(*n),
            Some(_) => return Err(wrong("nowMs")),
        };
        let catalog = match member("catalog") {
            None => None,
            Some(catalog) => {
                Some(CatalogRules::from_json(catalog).ok_or_else(|| wrong("catalog"))?)
            }
        };
        Ok(ValidateOptions {
            fulfillment,
            partial,
            fields,
            now_ms,
            catalog,
            extra_fields,
        })
    }

    /// The report: unknown members (those not in `extra_fields`), then the issues of `fields`
    /// only when given, and the `fields` entries that name nothing the request has.
    fn finish(&self, mut checker: Checker, input: &Json<'_>, shape: &Shape) -> Report {
        let extra = self.extra_fields.as_deref().unwrap_or_default();
        shape::check_unknown(&mut checker, input, shape, extra);
        let mut issues = checker.issues;
        if let Some(fields) = &self.fields {
            check::keep_fields(&mut issues, fields);
            issues.extend(shape::unknown_paths(shape, fields, extra));
        }
        Report::from(issues)
    }

    fn checker(&self) -> Checker {
        Checker::new(self.partial)
    }
}

/// Validates the body of `POST /orders`.
pub fn validate_create_order(order: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let fulfillment = options.fulfillment.map(|f| match f {
        FulfillmentOption::Digital => Fulfillment::Digital,
        FulfillmentOption::Physical => Fulfillment::Physical,
    });
    let now = options.now_ms.filter(|n| n.is_finite()).map(|n| n as i64);
    let order = order.read_json();
    order::check_create_order(&mut checker, &order, fulfillment, now);
    if let Some(catalog) = &options.catalog {
        catalog::check(&mut checker, &order, catalog);
    }
    options.finish(checker, &order, &shape::CREATE_ORDER)
}

/// Validates many create-order bodies at once (a bulk upload): every issue of every row, with its
/// row index, plus a `conflict` on `externalRefID` for a row that repeats an earlier row's key
/// (Tango would answer it with the earlier row's order, and the reward would never be sent).
pub fn validate_create_orders(
    orders: &[impl ReadJson],
    options: &ValidateOptions,
) -> Result<BulkReport, Report> {
    if orders.len() > MAX_BULK_ROWS {
        let message =
            format!("A bulk validation takes at most {MAX_BULK_ROWS} rows; split the input.");
        return Err(Report::one("", Code::OutOfRange, message));
    }
    let mut report = BulkReport::default();
    // Read once (a `Json` row is borrowed as it is; a `Value` row is read into one).
    let orders: Vec<_> = orders.iter().map(ReadJson::read_json).collect();
    let keys = orders.iter().map(|order| order.get("externalRefID"));
    let first_rows = first_rows_of_repeated_keys(
        &keys
            .map(|key| key.and_then(Json::as_str))
            .collect::<Vec<_>>(),
    );
    for (index, order) in orders.iter().enumerate() {
        let mut row = validate_create_order(order.as_ref(), options).issues;
        if let Some(Some(first)) = first_rows.get(index) {
            let message = format!("External reference ID repeats the one of row {first}.");
            row.push(Issue::new("externalRefID", Code::Conflict, message));
        }
        if row.is_empty() {
            report.valid_count += 1;
        } else {
            report.invalid_count += 1;
        }
        report.issues.extend(row.into_iter().map(|issue| BulkIssue {
            index,
            path: issue.path,
            code: issue.code,
            message: issue.message,
        }));
    }
    Ok(report)
}

/// For each row, the earlier row with the same `externalRefID` (`None` for a row whose key is new),
/// from each row's key.
///
/// std's keyed hash, not a faster unkeyed one: a server validating uploads must not be driven into
/// quadratic time by crafted keys. (Sorting instead was slower: 20 ms against 14 ms for 50,000 rows.)
///
/// One function for every caller (not generic over where the keys come from): the hash map's code
/// is then in the wasm once.
pub(crate) fn first_rows_of_repeated_keys(keys: &[Option<&str>]) -> Vec<Option<usize>> {
    let mut first_row_of_key = std::collections::HashMap::with_capacity(keys.len());
    let mut first_rows = vec![None; keys.len()];
    for (index, key) in keys.iter().enumerate() {
        let Some(key) = *key else {
            continue;
        };
        let first = *first_row_of_key.entry(key).or_insert(index);
        if first != index {
            if let Some(slot) = first_rows.get_mut(index) {
                *slot = Some(first);
            }
        }
    }
    first_rows
}

/// Validates the query of `GET /orders`.
pub fn validate_order_filter(filter: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let filter = filter.read_json();
    filter::check_order_filter(&mut checker, &filter);
    options.finish(checker, &filter, &shape::ORDER_FILTER)
}

/// Validates the query of `GET /lineItems`.
pub fn validate_line_item_filter(filter: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let filter = filter.read_json();
    filter::check_line_item_filter(&mut checker, &filter);
    options.finish(checker, &filter, &shape::LINE_ITEM_FILTER)
}

/// Validates the body of `POST /orders/{id}/resends`.
pub fn validate_order_resend(body: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let body = body.read_json();
    resend::check_order_resend(&mut checker, &body);
    options.finish(checker, &body, &shape::ORDER_RESEND)
}

/// Validates the body of `POST /lineItems/{id}/resends`.
pub fn validate_line_item_resend(body: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let body = body.read_json();
    resend::check_line_item_resend(&mut checker, &body);
    options.finish(checker, &body, &shape::LINE_ITEM_RESEND)
}

/// Validates the body of a line item cancel, freeze or unfreeze.
///
/// Only `extra_fields` of `options` applies (the body has no fields a form fills in part by part).
pub fn validate_line_item_action(
    body: &impl ReadJson,
    action: LineItemAction,
    options: &ValidateOptions,
) -> Report {
    let options = ValidateOptions {
        extra_fields: options.extra_fields.clone(),
        ..ValidateOptions::default()
    };
    let body = body.read_json();
    let mut checker = options.checker();
    resend::check_line_item_action(&mut checker, &body, action);
    options.finish(checker, &body, &shape::LINE_ITEM_ACTION)
}

/// Validates the body of `POST /lineItems/{id}/reissue`.
pub fn validate_line_item_reissue(body: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let body = body.read_json();
    line_item::check_line_item_reissue(&mut checker, &body);
    options.finish(checker, &body, &shape::LINE_ITEM_REISSUE)
}

/// Validates the body of `PATCH /lineItems/{id}`.
pub fn validate_line_item_update(body: &impl ReadJson, options: &ValidateOptions) -> Report {
    let mut checker = options.checker();
    let body = body.read_json();
    line_item::check_line_item_update(&mut checker, &body);
    options.finish(checker, &body, &shape::LINE_ITEM_UPDATE)
}

/// Validates the body of `POST /webhooks` (`update`: of `PATCH /webhooks/{id}`, where nothing is
/// required). The key and the certificate are never quoted.
pub fn validate_webhook_subscription(
    body: &impl ReadJson,
    update: bool,
    options: &ValidateOptions,
) -> Report {
    let mut checker = options.checker();
    let body = body.read_json();
    webhook::check_subscription(&mut checker, &body, update);
    options.finish(checker, &body, &shape::WEBHOOK_SUBSCRIPTION)
}

/// Validates the query of `GET /webhooks` (`events`: of a subscription's past events, or their
/// replay).
pub fn validate_webhook_query(
    query: &impl ReadJson,
    events: bool,
    options: &ValidateOptions,
) -> Report {
    let mut checker = options.checker();
    let query = query.read_json();
    webhook::check_list_query(&mut checker, &query);
    let shape = if events {
        &shape::WEBHOOK_EVENTS
    } else {
        &shape::WEBHOOK_LIST
    };
    options.finish(checker, &query, shape)
}

/// Validates an ID that goes into a path (`referenceOrderID`, `referenceLineItemID`): 1 to 100
/// letters, digits and hyphens, so that no ID can change the route even before it is encoded.
pub fn validate_path_id(name: &str, id: &str) -> Report {
    let ok = (1..=100).contains(&id.chars().count()) && id.chars().all(check::identifier_char);
    if ok {
        return Report::from(Vec::new());
    }
    let message = format!(
        "{} must be 1 to 100 letters, digits and hyphens.",
        labels::label(name)
    );
    Report::from(vec![Issue::new(name, Code::InvalidFormat, message)])
}

#[cfg(test)]
mod options_tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn options_read_by_hand_match_serde_and_name_a_wrong_member() {
        let full = json!({"fulfillment": "physical", "partial": true, "fields": ["amount"], "nowMs": 5, "extra": 1});
        let by_serde: ValidateOptions = serde_json::from_value(full.clone()).unwrap();
        assert_eq!(ValidateOptions::from_json(&full).unwrap(), by_serde);
        assert_eq!(
            ValidateOptions::from_json(&Value::Null).unwrap(),
            ValidateOptions::default()
        );
        assert_eq!(
            ValidateOptions::from_json(&json!({"fulfillment": null})).unwrap(),
            ValidateOptions::default()
        );
        for (bad, member) in [
            (json!({"fulfillment": "paper"}), "fulfillment"),
            (json!({"partial": 1}), "partial"),
            (json!({"fields": ["a", 2]}), "fields"),
            (json!({"nowMs": "soon"}), "nowMs"),
            (json!([]), "options"),
        ] {
            let report = ValidateOptions::from_json(&bad).unwrap_err();
            let message = report.issues[0].message.clone();
            assert!(message.contains(member), "{message}");
        }
    }
}
