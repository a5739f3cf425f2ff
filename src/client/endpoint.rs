//! The endpoint table: for each of Tango's order and line-item calls, what is checked before
//! anything is sent, what is sent (method, path, query, body) and how it may be retried. The
//! send engine (`send.rs`) knows nothing of endpoints; the typed methods (`mod.rs`) decode what
//! it returns.

use super::request::{id_path, query_string};
use super::LineItemActionKind;
use crate::error::Error;
use crate::model::CatalogFilter;
use crate::validate::{self, LineItemAction as ActionRule, ValidateOptions};
use serde_json::Value;

/// One of Tango's order and line-item calls with its input (a create has its own path:
/// [`super::Client::create_order`]). Ids are checked and escaped; bodies and filters are validated
/// as the matching `validate*` function does, and nothing is sent on a problem.
#[derive(Clone, Copy, Debug)]
pub enum Endpoint<'a> {
    /// `GET /orders/{id}`.
    GetOrder(&'a str),
    /// `GET /orders` with a filter (`null`: none).
    ListOrders(&'a Value),
    /// `POST /orders/{id}/resends`, behind the 30 s guard.
    ResendOrder(&'a str, &'a Value),
    /// `GET /lineItems` with a filter (`null`: none).
    ListLineItems(&'a Value),
    /// `GET /lineItems/{id}`.
    GetLineItem(&'a str),
    /// `POST /lineItems/{id}/resends`, behind the 30 s guard.
    ResendLineItem(&'a str, &'a Value),
    /// `POST /lineItems/{id}/cancel`, `/freeze` or `/unfreeze`.
    LineItemAction(LineItemActionKind, &'a str, &'a Value),
    /// `POST /lineItems/{id}/reissue`.
    ReissueLineItem(&'a str, &'a Value),
    /// `PATCH /lineItems/{id}`.
    UpdateLineItem(&'a str, &'a Value),
    /// `GET /lineItems/reasonCodes`.
    ListReasonCodes,
    /// `GET /catalogs` with a [`CatalogFilter`] as JSON (`null`: everything).
    GetCatalog(&'a Value),
    /// `GET /lineItems/{id}/embeddedUrl`.
    GetEmbeddedUrl(&'a str),
    /// `POST /webhooks`: a subscription.
    CreateWebhook(&'a Value),
    /// `GET /webhooks` with a query (`null`: none).
    ListWebhooks(&'a Value),
    /// `GET /webhooks/{id}`.
    GetWebhook(&'a str),
    /// `PATCH /webhooks/{id}`.
    UpdateWebhook(&'a str, &'a Value),
    /// `DELETE /webhooks/{id}`.
    DeleteWebhook(&'a str),
    /// `POST /webhooks/{id}/renew`.
    RenewWebhook(&'a str),
    /// `GET /webhooks/eventtypes`.
    ListWebhookEventTypes,
    /// `GET /webhooks/{id}/events` with `fromRevision`, `toRevision` and a cursor.
    ListWebhookEvents(&'a str, &'a Value),
    /// `POST /webhooks/{id}/replay` with `fromRevision` and `toRevision`.
    ReplayWebhookEvents(&'a str, &'a Value),
    /// `POST /webhooks/{id}/tests`, or `/tests/{testName}` for one test.
    TestWebhook(&'a str, Option<&'a str>),
}

/// What kind of call an attempt belongs to: how it may be retried and paced.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CallKind {
    /// A `GET`: retried as an idempotent call.
    Read,
    /// `POST /orders`: idempotent through its `externalRefID`, paced by the limiter.
    Create,
    /// A resend: no idempotency key, so only retried where Tango did not act.
    Resend,
    /// Cancel, freeze, unfreeze and reissue: each changes state once (a reissue places a new
    /// order), with no idempotency key, so retried like a resend.
    Action,
    /// `PATCH /lineItems/{id}`: sets the same fields to the same values however often it is sent,
    /// so retried like a read.
    Update,
}

/// A call ready for the send engine.
pub(super) struct Prepared {
    pub method: &'static str,
    pub path: String,
    pub query: String,
    pub body: Option<String>,
    pub kind: CallKind,
    /// A resend's key in the 30 s guard (`order:<id>`, `lineItem:<id>`).
    pub resend_key: Option<String>,
}

impl Prepared {
    fn read(path: String, query: String) -> Self {
        Prepared {
            method: "GET",
            path,
            query,
            body: None,
            kind: CallKind::Read,
            resend_key: None,
        }
    }

    fn write(method: &'static str, path: String, body: &Value, kind: CallKind) -> Self {
        Prepared {
            method,
            path,
            query: String::new(),
            body: Some(body.to_string()),
            kind,
            resend_key: None,
        }
    }

    /// A call whose input is its path and query: `POST` without a body, or `DELETE`.
    fn bare(method: &'static str, path: String, query: String) -> Self {
        Prepared {
            method,
            path,
            query,
            body: None,
            kind: CallKind::Action,
            resend_key: None,
        }
    }

    /// A resend: an absent body is sent as `{}`.
    fn resend(key: String, path: String, body: &Value) -> Self {
        let body = if body.is_null() {
            "{}".to_owned()
        } else {
            body.to_string()
        };
        Prepared {
            method: "POST",
            path,
            query: String::new(),
            body: Some(body),
            kind: CallKind::Resend,
            resend_key: Some(key),
        }
    }

    /// The create call of an order body already validated and prepared.
    pub fn create(body: String) -> Self {
        Prepared {
            method: "POST",
            path: "/orders".into(),
            query: String::new(),
            body: Some(body),
            kind: CallKind::Create,
            resend_key: None,
        }
    }
}

impl Endpoint<'_> {
    /// Checks the input (`validation`: every rule, with the fields the client and call allow) and
    /// writes the call.
    pub(super) fn prepare(self, validation: &ValidateOptions) -> Result<Prepared, Error> {
        const ORDER: (&str, &str) = ("orders", "referenceOrderID");
        const LINE_ITEM: (&str, &str) = ("lineItems", "referenceLineItemID");
        let path = |(collection, name): (&str, &str), id: &str, suffix: &str| {
            id_path(collection, name, id, suffix)
        };
        Ok(match self {
            Endpoint::GetOrder(id) => Prepared::read(path(ORDER, id, "")?, String::new()),
            Endpoint::ListOrders(filter) => {
                validate::validate_order_filter(filter, validation).into_result()?;
                Prepared::read("/orders".into(), query_string(filter))
            }
            Endpoint::ResendOrder(id, body) => {
                let path = path(ORDER, id, "/resends")?;
                validate::validate_order_resend(body, validation).into_result()?;
                Prepared::resend(format!("order:{id}"), path, body)
            }
            Endpoint::ListLineItems(filter) => {
                validate::validate_line_item_filter(filter, validation).into_result()?;
                Prepared::read("/lineItems".into(), query_string(filter))
            }
            Endpoint::GetLineItem(id) => Prepared::read(path(LINE_ITEM, id, "")?, String::new()),
            Endpoint::ResendLineItem(id, body) => {
                let path = path(LINE_ITEM, id, "/resends")?;
                validate::validate_line_item_resend(body, validation).into_result()?;
                Prepared::resend(format!("lineItem:{id}"), path, body)
            }
            Endpoint::LineItemAction(kind, id, body) => {
                let (suffix, rule) = match kind {
                    LineItemActionKind::Cancel => ("/cancel", ActionRule::Cancel),
                    LineItemActionKind::Freeze => ("/freeze", ActionRule::Freeze),
                    LineItemActionKind::Unfreeze => ("/unfreeze", ActionRule::Freeze),
                };
                let path = path(LINE_ITEM, id, suffix)?;
                validate::validate_line_item_action(body, rule, validation).into_result()?;
                Prepared::write("POST", path, body, CallKind::Action)
            }
            Endpoint::ReissueLineItem(id, body) => {
                let path = path(LINE_ITEM, id, "/reissue")?;
                validate::validate_line_item_reissue(body, validation).into_result()?;
                Prepared::write("POST", path, body, CallKind::Action)
            }
            Endpoint::UpdateLineItem(id, body) => {
                let path = path(LINE_ITEM, id, "")?;
                validate::validate_line_item_update(body, validation).into_result()?;
                Prepared::write("PATCH", path, body, CallKind::Update)
            }
            Endpoint::ListReasonCodes => {
                Prepared::read("/lineItems/reasonCodes".into(), String::new())
            }
            Endpoint::GetCatalog(filter) => {
                Prepared::read("/catalogs".into(), catalog_query(filter)?)
            }
            Endpoint::GetEmbeddedUrl(id) => {
                Prepared::read(path(LINE_ITEM, id, "/embeddedUrl")?, String::new())
            }
            webhook => prepare_webhook(webhook, validation)?,
        })
    }
}

/// The webhook calls. A create is retried only where Tango did not act (it has no key: a second
/// one would be a second subscription); an update sets the same fields however often it is sent.
fn prepare_webhook(
    endpoint: Endpoint<'_>,
    validation: &ValidateOptions,
) -> Result<Prepared, Error> {
    const WEBHOOK: (&str, &str) = ("webhooks", "webhookId");
    let path = |id: &str, suffix: &str| id_path(WEBHOOK.0, WEBHOOK.1, id, suffix);
    let query = |query: &Value, events: bool| {
        validate::validate_webhook_query(query, events, validation).into_result()?;
        Ok::<_, Error>(query_string(query))
    };
    Ok(match endpoint {
        Endpoint::CreateWebhook(body) => {
            validate::validate_webhook_subscription(body, false, validation).into_result()?;
            Prepared::write("POST", "/webhooks".into(), body, CallKind::Action)
        }
        Endpoint::ListWebhooks(filter) => Prepared::read("/webhooks".into(), query(filter, false)?),
        Endpoint::GetWebhook(id) => Prepared::read(path(id, "")?, String::new()),
        Endpoint::UpdateWebhook(id, body) => {
            let path = path(id, "")?;
            validate::validate_webhook_subscription(body, true, validation).into_result()?;
            Prepared::write("PATCH", path, body, CallKind::Update)
        }
        Endpoint::DeleteWebhook(id) => Prepared::bare("DELETE", path(id, "")?, String::new()),
        Endpoint::RenewWebhook(id) => Prepared::bare("POST", path(id, "/renew")?, String::new()),
        Endpoint::ListWebhookEventTypes => {
            Prepared::read("/webhooks/eventtypes".into(), String::new())
        }
        Endpoint::ListWebhookEvents(id, range) => {
            Prepared::read(path(id, "/events")?, query(range, true)?)
        }
        Endpoint::ReplayWebhookEvents(id, range) => {
            Prepared::bare("POST", path(id, "/replay")?, query(range, true)?)
        }
        Endpoint::TestWebhook(id, test) => {
            let suffix = match test {
                None => "/tests".to_owned(),
                Some(name) if validate::WEBHOOK_TESTS.contains(&name) => format!("/tests/{name}"),
                Some(_) => {
                    let message = "The test is not one of Tango's webhook tests.";
                    return Err(Error::invalid(
                        "testName",
                        validate::Code::InvalidValue,
                        message,
                    ));
                }
            };
            Prepared::bare("POST", path(id, &suffix)?, String::new())
        }
        _ => return Err(Error::config("not a webhook call")),
    })
}

/// The query of `GET /catalogs`: the filter read as a [`CatalogFilter`], so that a member of the
/// wrong type is a `validation` error (with a fixed message: serde's would quote the value).
fn catalog_query(filter: &Value) -> Result<String, Error> {
    let filter = if filter.is_null() {
        CatalogFilter::default()
    } else {
        serde_json::from_value::<CatalogFilter>(filter.clone()).map_err(|_| {
            let message = "The catalog filter has a member of the wrong type.";
            Error::invalid("", validate::Code::InvalidFormat, message)
        })?
    };
    Ok(serde_json::to_value(&filter)
        .map(|filter| query_string(&filter))
        .unwrap_or_default())
}
