//! `GET /catalogs`: the simulator's five rewards as Tango's catalog shows them (brands with their
//! items: value range, currency, digital or physical, countries, delivery attributes), narrowed
//! by the documented query parameters.

use crate::data::{CatalogItem as SimItem, CATALOG};
use crate::http::{Request, Response};
use crate::query::Query;
use crate::simulator::Simulator;
use tango_orders::model::{Brand, BrandRequirements, Catalog, CatalogItem, Category};

/// When the demo catalog's entries were made, as Tango writes catalog dates.
const CATALOG_DATE: &str = "2026-01-01T00:00:00Z";

/// The catalog item the simulator shows for one of its rewards.
pub fn catalog_item(item: &SimItem) -> CatalogItem {
    let dollars = |cents: i64| cents as f64 / 100.0;
    CatalogItem {
        utid: Some(item.utid.into()),
        reward_name: Some(item.name.into()),
        currency_code: Some("USD".into()),
        status: Some("active".into()),
        value_type: Some("VARIABLE_VALUE".into()),
        reward_type: Some(item.reward_type.into()),
        is_expirable: Some(item.reward_type == "promo"),
        quantity_constraints: Some(tango_orders::model::QuantityConstraints {
            min_quantity: Some(1),
            max_quantity: Some(1),
        }),
        is_whole_amount_value_required: Some(false),
        exchange_rate_rule: Some("1.000000 * currentFxRate".into()),
        min_value: Some(dollars(item.min_cents)),
        max_value: Some(dollars(item.max_cents)),
        face_value: None,
        fee: None,
        created_date: Some(CATALOG_DATE.into()),
        last_update_date: Some(CATALOG_DATE.into()),
        countries: Some(item.countries.iter().map(|&c| c.into()).collect()),
        credential_types: Some(if item.is_physical() {
            vec!["cardNumber".into(), "pin".into()]
        } else {
            vec!["code".into(), "url".into()]
        }),
        redemption_instructions: Some("<p>Redeem at the demo store.</p>".into()),
        fulfillment_type: Some(
            if item.is_physical() {
                "PHYSICAL"
            } else {
                "DIGITAL"
            }
            .into(),
        ),
        attributes: Some(item.attributes().iter().map(|&a| a.into()).collect()),
    }
}

/// Whether `item` passes every filter of `query` (list filters match any of their values; text
/// compares without case, as Tango's catalog search does).
fn matches(item: &SimItem, query: &Query) -> bool {
    let same = |key: &str, value: &str| {
        query
            .get(key)
            .map_or(true, |q| q.eq_ignore_ascii_case(value))
    };
    let any_of = |key: &str, values: &[&str]| {
        let wanted = query.all(key);
        wanted.is_empty()
            || wanted.iter().any(|w| {
                w.eq_ignore_ascii_case("all") || values.iter().any(|v| w.eq_ignore_ascii_case(v))
            })
    };
    let fulfillment = if item.is_physical() {
        "PHYSICAL"
    } else {
        "DIGITAL"
    };
    same("utid", item.utid)
        && same("brandKey", item.brand.0)
        && same("brandName", item.brand.1)
        && same("rewardName", item.name)
        && same("status", "active")
        && same("currencyCode", "USD")
        && query.get("country").map_or(true, |c| {
            item.countries.iter().any(|own| own.eq_ignore_ascii_case(c))
        })
        && any_of("rewardType", &[item.reward_type])
        && any_of("fulfillmentType", &[fulfillment])
        && any_of("itemAttribute", &item.attributes())
        && query.all("categoryIds").is_empty()
}

impl Simulator {
    /// `GET /catalogs`: the brands with at least one item that passes the query, each with those
    /// items; with `verbose=false`, without the brands' long texts and images.
    pub(crate) fn catalogs(&mut self, request: &Request) -> Response {
        let query = Query::parse(&request.query);
        let verbose = match query.get("verbose") {
            None | Some("true") => true,
            Some("false") => false,
            Some(_) => {
                let message = "verbose must be true or false.";
                return self.error(request, 400, "400.002", message, vec![]);
            }
        };
        let mut brands: Vec<Brand> = Vec::new();
        for item in CATALOG.iter().filter(|item| matches(item, &query)) {
            let (key, name) = item.brand;
            let is_its = |b: &Brand| b.brand_key.as_deref() == Some(key);
            if !brands.iter().any(is_its) {
                brands.push(brand(key, name, verbose));
            }
            if let Some(brand) = brands.iter_mut().find(|b| is_its(b)) {
                brand.items.push(catalog_item(item));
            }
        }
        let catalog = Catalog {
            catalog_name: Some("Demo Catalog".into()),
            brands,
        };
        Response::json(200, &catalog)
    }
}

/// A demo brand, without items.
fn brand(key: &str, name: &str, verbose: bool) -> Brand {
    let text = |text: &str| verbose.then(|| text.to_owned());
    Brand {
        brand_key: Some(key.into()),
        brand_name: Some(name.into()),
        disclaimer: text("<p>A demo brand of tango-sim.</p>"),
        description: text("<p>Rewards that exist only in the simulator.</p>"),
        short_description: text("Simulator rewards"),
        terms: text("<p>No real value.</p>"),
        created_date: Some(CATALOG_DATE.into()),
        last_update_date: Some(CATALOG_DATE.into()),
        brand_requirements: verbose.then(|| BrandRequirements {
            display_instructions: Some("Show the brand name.".into()),
            terms_and_conditions_instructions: Some("Link the terms.".into()),
            disclaimer_instructions: Some("Show the disclaimer.".into()),
            always_show_disclaimer: Some(false),
        }),
        image_urls: verbose.then(|| {
            [(
                "300w-326ppi".to_owned(),
                format!("https://tango-sim.local/images/{key}.png"),
            )]
            .into_iter()
            .collect()
        }),
        status: text("active"),
        items: Vec::new(),
        barcode_type: None,
        categories: Some(vec![Category {
            identifier: Some("00000000-0000-4000-8000-000000000001".into()),
            description: Some("Demo".into()),
        }]),
    }
}
