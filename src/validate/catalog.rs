//! Catalog-aware rules (`ValidateOptions::catalog`): with the catalog item of the order's UTID,
//! the amount must be in the item's range (or be its face value, whole when the item says so),
//! the delivery method one the item can serve, and a mailed reward's country one it is sent to.
//!
//! The catalog is read from JSON — `GET /catalogs`'s answer, or a list of its items — keeping only
//! what these rules need, so that the validation-only module needs no typed catalog model.

use super::check::Checker;
use super::json::Json;
use super::order::amount_cents;
use super::report::Code;

/// What the rules need of one catalog item.
#[derive(Clone, Debug, PartialEq)]
struct ItemRules {
    utid: String,
    physical: bool,
    active: bool,
    min_cents: Option<i64>,
    max_cents: Option<i64>,
    face_cents: Option<i64>,
    whole: bool,
    phone: bool,
    countries: Vec<String>,
    currency: String,
}

/// A catalog as the rules read it: its items, in catalog order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatalogRules {
    items: Vec<ItemRules>,
}

/// Written as a list of catalog items holding what the rules kept, which reads back as the same
/// rules.
impl serde::Serialize for CatalogRules {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// One item as the catalog writes it, with only what the rules use.
        #[derive(serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Item<'a> {
            utid: &'a str,
            fulfillment_type: &'a str,
            status: &'a str,
            value_type: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            min_value: Option<f64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            max_value: Option<f64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            face_value: Option<f64>,
            is_whole_amount_value_required: bool,
            attributes: &'a [&'a str],
            countries: &'a [String],
            currency_code: &'a str,
        }
        let dollars = |cents: Option<i64>| cents.map(|c| c as f64 / 100.0);
        serializer.collect_seq(self.items.iter().map(|item| Item {
            utid: &item.utid,
            fulfillment_type: if item.physical { "PHYSICAL" } else { "DIGITAL" },
            status: if item.active { "active" } else { "inactive" },
            value_type: if item.face_cents.is_some() {
                "FIXED_VALUE"
            } else {
                "VARIABLE_VALUE"
            },
            min_value: dollars(item.min_cents),
            max_value: dollars(item.max_cents),
            face_value: dollars(item.face_cents),
            is_whole_amount_value_required: item.whole,
            attributes: if item.phone { &["PHONE"] } else { &[] },
            countries: &item.countries,
            currency_code: &item.currency,
        }))
    }
}

impl CatalogRules {
    /// Reads a catalog: an object with `brands[].items[]` (what `GET /catalogs` answers) or an
    /// array of items. Items without a `utid` are skipped; a member of the wrong type counts as
    /// absent (a catalog is Tango's data, not the user's). `None` for anything else.
    pub fn from_json(catalog: &Json<'_>) -> Option<Self> {
        let mut rules = CatalogRules::default();
        let mut add = |items: &[Json<'_>]| {
            for item in items {
                if let Some(item) = item_rules(item) {
                    rules.items.push(item);
                }
            }
        };
        match catalog {
            Json::Array(items) => add(items),
            Json::Object(_) => {
                for brand in catalog.get("brands").and_then(Json::as_array)? {
                    add(brand.get("items").and_then(Json::as_array).unwrap_or(&[]));
                }
            }
            _ => return None,
        }
        Some(rules)
    }

    /// How many items it holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether it holds no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn item(&self, utid: &str) -> Option<&ItemRules> {
        self.items
            .iter()
            .find(|item| item.utid.eq_ignore_ascii_case(utid))
    }
}

/// One item's rules, if it has a UTID.
fn item_rules(item: &Json<'_>) -> Option<ItemRules> {
    let text = |key: &str| item.get(key).and_then(Json::as_str);
    let cents = |key: &str| match item.get(key) {
        Some(Json::Number(value)) => amount_cents(*value),
        _ => None,
    };
    let strings = |key: &str| -> Vec<String> {
        let values = item.get(key).and_then(Json::as_array).unwrap_or(&[]);
        values
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect()
    };
    let has = |list: &[String], wanted: &str| list.iter().any(|v| v.eq_ignore_ascii_case(wanted));
    let attributes = strings("attributes");
    // (Compared whole: a substring search would link core's string searchers, 2 KiB of wasm.)
    let physical = text("fulfillmentType").is_some_and(|f| f.eq_ignore_ascii_case("PHYSICAL"))
        || text("rewardType").is_some_and(|t| t.eq_ignore_ascii_case("physical gift card"))
        || has(&attributes, "ADDRESS");
    let fixed = text("valueType").is_some_and(|v| v.eq_ignore_ascii_case("FIXED_VALUE"));
    Some(ItemRules {
        utid: text("utid")?.to_owned(),
        physical,
        active: text("status").map_or(true, |s| !matches!(s, "inactive" | "deleted")),
        min_cents: cents("minValue"),
        max_cents: cents("maxValue"),
        face_cents: cents("faceValue").filter(|_| fixed || item.get("minValue").is_none()),
        whole: matches!(
            item.get("isWholeAmountValueRequired"),
            Some(Json::Bool(true))
        ),
        phone: has(&attributes, "PHONE"),
        countries: strings("countries"),
        currency: text("currencyCode").unwrap_or_default().to_owned(),
    })
}

/// An amount in cents as a person reads it, with its currency: `5.00 USD`.
fn money(cents: i64, currency: &str) -> String {
    let text = format!("{}.{:02}", cents / 100, (cents % 100).abs());
    if currency.is_empty() {
        text
    } else {
        format!("{text} {currency}")
    }
}

/// Applies the catalog's rules to a create-order body, after the base rules: a field they already
/// reported is not reported again.
///
/// Never inlined: most validations have no catalog, and inlined into `validate_create_order` it
/// changed how the optimiser laid that out for every call.
#[inline(never)]
pub fn check(checker: &mut Checker, order: &Json<'_>, catalog: &CatalogRules) {
    let reported = |checker: &Checker, path: &str| checker.issues.iter().any(|i| i.path == path);
    let Some(utid) = order.get("utid").and_then(Json::as_str) else {
        return;
    };
    if reported(checker, "utid") {
        return;
    }
    let Some(item) = catalog.item(utid.trim()) else {
        checker.push("utid", Code::InvalidValue, "is not in the catalog.");
        return;
    };
    if !item.active {
        checker.push("utid", Code::InvalidValue, "is not active in the catalog.");
    }
    if let (Some(Json::Number(amount)), false) = (order.get("amount"), reported(checker, "amount"))
    {
        check_amount(checker, amount_cents(*amount), item);
    }
    check_delivery(checker, order, item, reported(checker, "deliveryMethod"));
    let address = order.get("recipient").and_then(|r| r.get("address"));
    let country = address
        .and_then(|a| a.get("country"))
        .and_then(Json::as_str);
    let path = "recipient.address.country";
    if let (true, Some(country), false) = (item.physical, country, reported(checker, path)) {
        let sent_there = item
            .countries
            .iter()
            .any(|c| c.eq_ignore_ascii_case(country));
        if !item.countries.is_empty() && !sent_there {
            checker.push(
                path,
                Code::Unsupported,
                "is not a country this reward is sent to.",
            );
        }
    }
}

/// The amount against the item's face value or range, and its whole-amount rule.
fn check_amount(checker: &mut Checker, cents: Option<i64>, item: &ItemRules) {
    let Some(cents) = cents else { return };
    if let Some(face) = item.face_cents {
        if cents != face {
            let message = [
                "must be this reward's face value, ",
                &money(face, &item.currency),
                ".",
            ]
            .concat();
            checker.push("amount", Code::OutOfRange, &message);
        }
        return;
    }
    let below = item.min_cents.is_some_and(|min| cents < min);
    let above = item.max_cents.is_some_and(|max| cents > max);
    if below || above {
        let range = match (item.min_cents, item.max_cents) {
            (Some(min), Some(max)) => [
                "from ",
                &money(min, &item.currency),
                " to ",
                &money(max, &item.currency),
            ]
            .concat(),
            (Some(min), None) => ["at least ", &money(min, &item.currency)].concat(),
            (None, Some(max)) => ["at most ", &money(max, &item.currency)].concat(),
            (None, None) => String::new(),
        };
        let message = ["must be ", &range, " for this reward."].concat();
        checker.push("amount", Code::OutOfRange, &message);
    } else if item.whole && cents % 100 != 0 {
        let message = "must be a whole amount for this reward (no cents).";
        checker.push("amount", Code::InvalidFormat, message);
    }
}

/// The delivery method against what the item can serve: a physical item only ADDRESS, a digital
/// one anything but ADDRESS, and PHONE (text messages) only with the PHONE attribute (the docs: "A
/// UTID is eligible for text delivery only if its attribute includes PHONE").
fn check_delivery(checker: &mut Checker, order: &Json<'_>, item: &ItemRules, reported: bool) {
    let explicit = order.get("deliveryMethod").and_then(Json::as_str);
    let address_given = order
        .get("recipient")
        .and_then(|r| r.get("address"))
        .is_some_and(|a| !a.is_null());
    let method = match explicit {
        Some(method) => method.trim().to_ascii_uppercase(),
        None if address_given => "ADDRESS".to_owned(),
        None => return,
    };
    if reported {
        return;
    }
    let problem = match (item.physical, method.as_str()) {
        (true, "ADDRESS") => None,
        (true, _) => Some("must be ADDRESS: this reward is printed and mailed."),
        (false, "ADDRESS") => Some("is ADDRESS, but this reward is digital: it cannot be mailed."),
        (false, "PHONE") if !item.phone => {
            Some("is PHONE, but this reward cannot be sent by text message (no PHONE attribute).")
        }
        _ => None,
    };
    if let Some(problem) = problem {
        checker.push("deliveryMethod", Code::Unsupported, problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> CatalogRules {
        let text = r#"{"catalogName": "c", "brands": [
            {"brandKey": "B1", "items": [
                {"utid": "U000001", "valueType": "VARIABLE_VALUE", "minValue": 1, "maxValue": 2000,
                 "currencyCode": "USD", "fulfillmentType": "DIGITAL", "attributes": ["EMAIL", "PHONE"],
                 "status": "active", "countries": ["US"]},
                {"utid": "U000009", "valueType": "FIXED_VALUE", "faceValue": 25, "currencyCode": "EUR",
                 "rewardType": "gift card", "attributes": ["EMAIL"], "status": "inactive"},
                {"rewardName": "no utid: skipped"}
            ]},
            {"brandKey": "B2", "items": [
                {"utid": "U000002", "valueType": "VARIABLE_VALUE", "minValue": 5, "maxValue": 500,
                 "currencyCode": "USD", "rewardType": "physical gift card", "attributes": ["ADDRESS"],
                 "countries": ["US", "CA"], "isWholeAmountValueRequired": true}
            ]}
        ]}"#;
        CatalogRules::from_json(&Json::parse(text).unwrap()).unwrap()
    }

    fn issues(order: &str) -> Vec<(String, Code, String)> {
        let mut checker = Checker::new(false);
        check(&mut checker, &Json::parse(order).unwrap(), &catalog());
        checker
            .issues
            .into_iter()
            .map(|i| (i.path, i.code, i.message))
            .collect()
    }

    #[test]
    fn written_rules_read_back_as_the_same_rules() {
        let rules = catalog();
        let written = serde_json::to_value(&rules).unwrap();
        assert_eq!(CatalogRules::from_json(&Json::from(&written)), Some(rules));
        let options: super::super::ValidateOptions =
            serde_json::from_value(serde_json::json!({ "catalog": written })).unwrap();
        assert_eq!(options.catalog.map(|c| c.len()), Some(3));
    }

    #[test]
    fn reads_both_shapes_and_skips_items_without_a_utid() {
        assert_eq!(catalog().len(), 3);
        let items = Json::parse(r#"[{"utid": "U1"}, {"utid": 5}, 7]"#).unwrap();
        assert_eq!(CatalogRules::from_json(&items).unwrap().len(), 1);
        assert!(CatalogRules::from_json(&Json::parse("5").unwrap()).is_none());
        assert!(CatalogRules::from_json(&Json::parse(r#"{"x": 1}"#).unwrap()).is_none());
    }

    #[test]
    fn amounts_outside_the_range_or_off_the_face_value_are_out_of_range() {
        let found = issues(r#"{"utid": "U000001", "amount": 2500, "deliveryMethod": "EMAIL"}"#);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "amount");
        assert_eq!(found[0].1, Code::OutOfRange);
        assert_eq!(
            found[0].2,
            "Amount must be from 1.00 USD to 2000.00 USD for this reward."
        );
        assert!(
            issues(r#"{"utid": "u000001", "amount": 2000, "deliveryMethod": "EMAIL"}"#).is_empty()
        );
        let face = issues(r#"{"utid": "U000009", "amount": 20, "deliveryMethod": "EMAIL"}"#);
        assert_eq!(
            face.iter().map(|i| (i.0.as_str(), i.1)).collect::<Vec<_>>(),
            [("utid", Code::InvalidValue), ("amount", Code::OutOfRange)]
        );
        assert_eq!(
            face[1].2,
            "Amount must be this reward's face value, 25.00 EUR."
        );
        let cents = issues(r#"{"utid": "U000002", "amount": 10.5, "deliveryMethod": "ADDRESS"}"#);
        assert_eq!(cents[0].1, Code::InvalidFormat);
    }

    #[test]
    fn delivery_methods_the_item_cannot_serve_are_unsupported() {
        let method = |order: &str| {
            issues(order)
                .into_iter()
                .map(|i| (i.0, i.1))
                .collect::<Vec<_>>()
        };
        let unsupported = vec![("deliveryMethod".to_owned(), Code::Unsupported)];
        assert_eq!(
            method(r#"{"utid": "U000001", "deliveryMethod": "ADDRESS"}"#),
            unsupported
        );
        assert_eq!(
            method(r#"{"utid": "U000002", "deliveryMethod": "email"}"#),
            unsupported
        );
        assert_eq!(
            method(r#"{"utid": "U000009", "deliveryMethod": "PHONE"}"#)[1],
            unsupported[0]
        );
        assert!(method(r#"{"utid": "U000001", "deliveryMethod": "PHONE"}"#).is_empty());
        // An address with no method is an ADDRESS order, as Tango infers it.
        let inferred = r#"{"utid": "U000001", "recipient": {"address": {"country": "US"}}}"#;
        assert_eq!(method(inferred), unsupported);
    }

    #[test]
    fn unknown_utids_and_countries_outside_the_list() {
        let found = issues(r#"{"utid": "U999999", "amount": 1}"#);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("utid", Code::InvalidValue)
        );
        let abroad = r#"{"utid": "U000002", "deliveryMethod": "ADDRESS", "amount": 10,
            "recipient": {"address": {"country": "FR"}}}"#;
        let found = issues(abroad);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("recipient.address.country", Code::Unsupported)
        );
        // Nothing to look up: the base rules report the missing or wrong UTID.
        assert!(issues(r#"{"amount": 1}"#).is_empty());
    }
}
