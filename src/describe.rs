//! The models described for the JavaScript decoder: each field's wire name, what it holds, what it
//! becomes when absent, and spellings it rewrites, all found by asking the models' own serde code.
//!
//! Why: the package's `parse*` functions read a body with the engine's `JSON.parse` and then check
//! and copy it by this description (`pkg-template/decode.js`), instead of decoding it in the wasm
//! and writing it out again, which took three times as long as `JSON.parse`. The description is not
//! written by hand: [`describe`] runs a model's `Deserialize` against a tracing deserializer (which
//! hears the field names serde knows, and what each field asks for), then its `Serialize` on probe
//! values (what absent fields become, which fields are written, which strings are rewritten). A
//! kind the decoder cannot check as serde does (`Defer`) sends the body to the wasm decoder.

use serde::de::{
    self, value::StrDeserializer, DeserializeOwned, DeserializeSeed, Expected, IntoDeserializer,
    MapAccess, SeqAccess, Visitor,
};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// What a field holds, as the JavaScript decoder checks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any string (plain strings, open enums, personal data).
    Str,
    /// Any finite number (`f64`).
    Num,
    /// A whole number within ±(2^53 − 1), however written (`super::lenient::option_int`).
    Int,
    /// `true` or `false`.
    Bool,
    /// Any JSON (`serde_json::Value`): copied with object keys sorted, as a `BTreeMap` writes them.
    Any,
    /// A list of this kind.
    List(Box<Kind>),
    /// An object whose values are of this kind (a `BTreeMap<String, _>`: keys sorted).
    Map(Box<Kind>),
    /// Another model, by its Rust name.
    Model(&'static str),
    /// Something the decoder cannot check exactly as serde does (a strictly spelled integer, an
    /// enum): a body holding one is decoded by the wasm.
    Defer,
}

impl Kind {
    /// The compact JSON of the kind: `"s"`, `"n"`, `"i"`, `"b"`, `"a"`, `"x"`, `{"l": kind}`,
    /// `{"m": kind}`, or a model's name.
    pub fn to_json(&self) -> Value {
        match self {
            Kind::Str => json!("s"),
            Kind::Num => json!("n"),
            Kind::Int => json!("i"),
            Kind::Bool => json!("b"),
            Kind::Any => json!("a"),
            Kind::Defer => json!("x"),
            Kind::List(inner) => json!({ "l": inner.to_json() }),
            Kind::Map(inner) => json!({ "m": inner.to_json() }),
            Kind::Model(name) => json!(name),
        }
    }
}

/// One field of a model.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDescription {
    /// The wire name.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// What an absent or `null` field is written as: `None` when it is left out.
    pub absent: Option<Value>,
    /// Whether the model cannot be read without it.
    pub required: bool,
    /// Whether the model writes it back at all.
    pub written: bool,
    /// Strings read as another spelling (an open enum's aliases), from → to.
    pub rewrites: BTreeMap<String, String>,
}

/// A model: its name and fields in the order serde writes them.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelDescription {
    /// The Rust type's name (serde's container name).
    pub name: &'static str,
    /// The fields, in declaration order.
    pub fields: Vec<FieldDescription>,
    /// Models its fields refer to.
    pub refers_to: Vec<&'static str>,
}

impl ModelDescription {
    /// The compact JSON: `[[name, kind, flags, absent?, rewrites?], …]`, flags a string of `r`
    /// (required) and `w` (written).
    pub fn to_json(&self) -> Value {
        let fields = self.fields.iter().map(|field| {
            let mut flags = String::new();
            if field.required {
                flags.push('r');
            }
            if field.written {
                flags.push('w');
            }
            let mut entry = vec![json!(field.name), field.kind.to_json(), json!(flags)];
            if field.absent.is_some() || !field.rewrites.is_empty() {
                entry.push(field.absent.clone().unwrap_or(Value::Null));
            }
            if !field.rewrites.is_empty() {
                entry.push(json!(field.rewrites));
            }
            Value::Array(entry)
        });
        Value::Array(fields.collect())
    }
}

/// Why a model could not be described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribeError(pub String);

impl fmt::Display for DescribeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DescribeError {}

impl de::Error for DescribeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        DescribeError(message.to_string())
    }
}

/// Describes `T`, a struct model. `probe_strings` are spellings to try on every string field
/// (every open enum's aliases): a field that writes one back differently rewrites it.
pub fn describe<T: DeserializeOwned + Serialize>(
    probe_strings: &[&str],
) -> Result<ModelDescription, DescribeError> {
    let trace = RefCell::new(Trace::default());
    T::deserialize(Tracer {
        trace: &trace,
        kind: &RefCell::new(None),
        depth: 0,
    })?;
    let trace = trace.into_inner();
    let (name, traced) = trace
        .root
        .ok_or_else(|| DescribeError("not a struct".into()))?;

    let sample = |skip: Option<&str>, set: Option<(&str, Value)>| {
        let mut object = Map::new();
        for (field, kind) in &traced {
            if Some(*field) != skip {
                object.insert((*field).to_owned(), sample_of(kind));
            }
        }
        if let Some((field, value)) = set {
            object.insert(field.to_owned(), value);
        }
        Value::Object(object)
    };
    let write = |input: Value| -> Result<Value, DescribeError> {
        let model: T = serde_json::from_value(input)
            .map_err(|e| DescribeError(format!("{name}: a sample does not read: {e}")))?;
        serde_json::to_value(&model).map_err(|e| DescribeError(format!("{name}: {e}")))
    };
    let full = write(sample(None, None))?;
    let empty = serde_json::from_value::<T>(json!({}))
        .ok()
        .and_then(|model| serde_json::to_value(&model).ok());

    let mut fields = Vec::new();
    for (field, kind) in &traced {
        let required = write(sample(Some(field), None)).is_err();
        let absent = empty.as_ref().and_then(|empty| empty.get(*field).cloned());
        let written = full.get(*field).is_some();
        let mut rewrites = BTreeMap::new();
        if *kind == Kind::Str {
            for probe in probe_strings {
                let out = write(sample(None, Some((field, json!(probe)))))?;
                if let Some(back) = out.get(*field).and_then(Value::as_str) {
                    if back != *probe {
                        rewrites.insert((*probe).to_owned(), back.to_owned());
                    }
                }
            }
        }
        fields.push(FieldDescription {
            name: field,
            kind: kind.clone(),
            absent,
            required,
            written,
            rewrites,
        });
    }
    if let Some(extra) = full.as_object().and_then(|out| {
        out.keys()
            .find(|key| !traced.iter().any(|(field, _)| field == key))
            .cloned()
    }) {
        return Err(DescribeError(format!(
            "{name} writes `{extra}`, which it does not read"
        )));
    }
    let mut refers_to = Vec::new();
    for (_, kind) in &traced {
        collect_models(kind, &mut refers_to);
    }
    Ok(ModelDescription {
        name,
        fields,
        refers_to,
    })
}

/// Every open enum's aliases: the strings each string field is probed with.
fn all_aliases() -> Vec<&'static str> {
    use crate::model::*;
    [
        CancelReason::ALIASES,
        FreezeReason::ALIASES,
        ReissueReason::ALIASES,
        DeliveryMethod::ALIASES,
        OrderSource::ALIASES,
        LineItemSortColumn::ALIASES,
        ResendReason::ALIASES,
        OrderStatus::ALIASES,
        LineItemStatus::ALIASES,
        RewardStatus::ALIASES,
        DeliveryStatus::ALIASES,
        EmailStatus::ALIASES,
    ]
    .concat()
}

/// A model's describer, as the description lists use it.
type Describer = fn(&[&str]) -> Result<ModelDescription, DescribeError>;

/// The description the package's JavaScript decoder reads: `{ "parsers": { parseOrder: "Order",
/// … }, "models": { "Order": [fields], … } }` for every `parse*` export and every model they
/// reach. Fails when a reachable model is missing from the list below.
pub fn decoder_description() -> Result<Value, DescribeError> {
    use crate::model::*;
    const MODELS: &[Describer] = &[
        describe::<Order>,
        describe::<OrderListPage>,
        describe::<Page>,
        describe::<Money>,
        describe::<Recipient>,
        describe::<Sender>,
        describe::<Address>,
        describe::<Reward>,
        describe::<Credential>,
        describe::<LineItem>,
        describe::<LineItemListPage>,
        describe::<KeysetPage>,
        describe::<LineItemErrorDetail>,
        describe::<LineItemAction>,
        describe::<ResendAuditEvent>,
        describe::<RewardStatusChange>,
        describe::<EmbeddedUrl>,
        describe::<AsyncOrderEntity>,
        describe::<AsyncLineItemError>,
        describe::<FieldError>,
        describe::<OrderResendResult>,
        describe::<LineItemResendResult>,
        describe::<ApiErrorBody>,
        describe::<ApiErrorDetail>,
    ];
    const PARSERS: &[(&str, &str)] = &[
        ("parseOrder", "Order"),
        ("parseOrderListPage", "OrderListPage"),
        ("parseLineItem", "LineItem"),
        ("parseLineItemListPage", "LineItemListPage"),
        ("parseOrderResendResult", "OrderResendResult"),
        ("parseLineItemResendResult", "LineItemResendResult"),
        ("parseApiErrorBody", "ApiErrorBody"),
    ];
    description(MODELS, PARSERS)
}

/// The same for webhook events' data, one "parser" per event type: what the client module's
/// `verifyWebhook` reads each event's `eventData` as; and for the subscription calls' answers
/// (`webhook-models.js`, which only the client module carries).
pub fn webhook_description() -> Result<Value, DescribeError> {
    use crate::webhook::*;
    const MODELS: &[Describer] = &[
        describe::<RewardStatusEventData>,
        describe::<LineItemDeliveryStatusEventData>,
        describe::<AsyncOrderStatusEventData>,
        describe::<ItemAvailabilityEventData>,
        describe::<AccountStatusEventData>,
        describe::<TransactionEventData>,
        describe::<LowBalanceEventData>,
        describe::<CredentialStatusEventData>,
        describe::<ExchangeRatesStatusData>,
        describe::<Webhook>,
        describe::<WebhookHeader>,
        describe::<WebhookExpiry>,
        describe::<WebhookEventTypes>,
    ];
    const PARSERS: &[(&str, &str)] = &[
        ("RewardStatus", "RewardStatusEventData"),
        ("LineItemDeliveryStatus", "LineItemDeliveryStatusEventData"),
        ("AsyncOrderStatus", "AsyncOrderStatusEventData"),
        ("ItemAvailability", "ItemAvailabilityEventData"),
        ("AccountStatus", "AccountStatusEventData"),
        ("Transaction", "TransactionEventData"),
        ("LowBalance", "LowBalanceEventData"),
        ("APICredentials", "CredentialStatusEventData"),
        ("ExchangeRatesStatus", "ExchangeRatesStatusData"),
        // The subscription calls' answers (webhook-read.js keeps them apart from event types).
        ("Webhook", "Webhook"),
        ("WebhookExpiry", "WebhookExpiry"),
        ("WebhookEventTypes", "WebhookEventTypes"),
    ];
    description(MODELS, PARSERS)
}

/// `{ parsers, models }` for the models `describers` describe; fails when a model refers to one
/// not listed, or a parser reads one not listed.
fn description(
    describers: &[Describer],
    parser_models: &[(&str, &str)],
) -> Result<Value, DescribeError> {
    let aliases = all_aliases();
    let described = describers
        .iter()
        .map(|describe| describe(&aliases))
        .collect::<Result<Vec<_>, _>>()?;
    let mut models = Map::new();
    for model in &described {
        models.insert(model.name.to_owned(), model.to_json());
    }
    for model in &described {
        if let Some(missing) = model
            .refers_to
            .iter()
            .find(|name| !models.contains_key(**name))
        {
            return Err(DescribeError(format!(
                "{} refers to {missing}, which its description does not list",
                model.name
            )));
        }
    }
    let mut parsers = Map::new();
    for (parser, model) in parser_models {
        if !models.contains_key(*model) {
            return Err(DescribeError(format!("{parser} reads {model}, not listed")));
        }
        parsers.insert((*parser).to_owned(), json!(model));
    }
    Ok(json!({ "parsers": parsers, "models": models }))
}

fn collect_models(kind: &Kind, into: &mut Vec<&'static str>) {
    match kind {
        Kind::Model(name) if !into.contains(name) => into.push(name),
        Kind::List(inner) | Kind::Map(inner) => collect_models(inner, into),
        _ => {}
    }
}

/// A value of `kind` that its type reads: the probe the samples are made of.
fn sample_of(kind: &Kind) -> Value {
    match kind {
        Kind::Str => json!("x"),
        Kind::Num | Kind::Int => json!(1),
        Kind::Bool => json!(true),
        Kind::Any => json!(1),
        Kind::Defer => Value::Null,
        // Empty: a nested model is described on its own (every model's fields are optional, which
        // `decoder_description`'s test checks), and a list of the model itself (a line item's
        // redemption history) must not recurse.
        Kind::List(_) => json!([]),
        Kind::Map(_) | Kind::Model(_) => json!({}),
    }
}

/// What the tracer heard: the first struct's name and fields.
#[derive(Default)]
struct Trace {
    root: Option<(&'static str, Vec<(&'static str, Kind)>)>,
    /// Structs being traced, so that a model inside itself is named rather than entered.
    open: Vec<&'static str>,
}

/// A deserializer that answers every request with a small value and records what was asked.
struct Tracer<'t> {
    trace: &'t RefCell<Trace>,
    kind: &'t RefCell<Option<Kind>>,
    depth: usize,
}

impl<'t> Tracer<'t> {
    fn record(&self, kind: Kind) {
        *self.kind.borrow_mut() = Some(kind);
    }
}

/// serde's wording for what `serde_json::Value` and `serde_json::Number` expect.
const EXPECTS_ANY_JSON: &str = "any valid JSON value";
const EXPECTS_JSON_NUMBER: &str = "a JSON number";

impl<'de, 't> de::Deserializer<'de> for Tracer<'t> {
    type Error = DescribeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        let expects = format!("{}", &visitor as &dyn Expected);
        match expects.as_str() {
            EXPECTS_ANY_JSON => {
                self.record(Kind::Any);
                visitor.visit_unit()
            }
            EXPECTS_JSON_NUMBER => {
                self.record(Kind::Int);
                visitor.visit_u64(1)
            }
            _ => {
                self.record(Kind::Defer);
                visitor.visit_unit()
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        visitor.visit_some(self)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.record(Kind::Str);
        visitor.visit_borrowed_str("x")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.record(Kind::Num);
        visitor.visit_f64(1.0)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.record(Kind::Defer);
        visitor.visit_f32(1.0)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.record(Kind::Bool);
        visitor.visit_bool(true)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        // serde's integers take only the integer spelling (`10`, not `10.0`), which JSON.parse
        // does not keep: left to the wasm.
        self.record(Kind::Defer);
        visitor.visit_i64(1)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.record(Kind::Defer);
        visitor.visit_u64(1)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DescribeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        let element = RefCell::new(None);
        let value = visitor.visit_seq(OneElement {
            trace: self.trace,
            kind: &element,
            depth: self.depth + 1,
            done: false,
        })?;
        let inner = element.into_inner().unwrap_or(Kind::Defer);
        self.record(Kind::List(Box::new(inner)));
        Ok(value)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DescribeError> {
        // An object of one member, `"k"`, traced as a struct's field is.
        let member = RefCell::new(Vec::new());
        let value = visitor.visit_map(Fields {
            trace: self.trace,
            fields: &["k"],
            kinds: &member,
            depth: self.depth + 1,
            next: 0,
        })?;
        let inner = member
            .into_inner()
            .pop()
            .map_or(Kind::Defer, |(_, kind)| kind);
        self.record(Kind::Map(Box::new(inner)));
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DescribeError> {
        self.record(Kind::Model(name));
        let is_root = self.depth == 0;
        if self.trace.borrow().open.contains(&name) {
            return Err(DescribeError(RECURSION.into()));
        }
        self.trace.borrow_mut().open.push(name);
        let kinds = RefCell::new(Vec::new());
        let value = visitor.visit_map(Fields {
            trace: self.trace,
            fields,
            kinds: &kinds,
            depth: self.depth + 1,
            next: 0,
        });
        self.trace.borrow_mut().open.retain(|open| *open != name);
        let value = value?;
        if is_root {
            self.trace.borrow_mut().root = Some((name, kinds.into_inner()));
        }
        Ok(value)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i128 u8 u16 u128 char bytes byte_buf unit unit_struct tuple tuple_struct enum
        identifier ignored_any
    }
}

/// The error a model inside itself stops with; the list holding it then reads as empty.
const RECURSION: &str = "a model inside itself";

/// A list of one element (or none, when the element is the model being traced).
struct OneElement<'t> {
    trace: &'t RefCell<Trace>,
    kind: &'t RefCell<Option<Kind>>,
    depth: usize,
    done: bool,
}

impl<'de, 't> SeqAccess<'de> for OneElement<'t> {
    type Error = DescribeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DescribeError> {
        if self.done {
            return Ok(None);
        }
        self.done = true;
        let tracer = Tracer {
            trace: self.trace,
            kind: self.kind,
            depth: self.depth,
        };
        match seed.deserialize(tracer) {
            Ok(value) => Ok(Some(value)),
            Err(DescribeError(why)) if why == RECURSION => Ok(None),
            Err(other) => Err(other),
        }
    }
}

/// A struct's fields, each answered by a tracer that records its kind.
struct Fields<'t> {
    trace: &'t RefCell<Trace>,
    fields: &'static [&'static str],
    kinds: &'t RefCell<Vec<(&'static str, Kind)>>,
    depth: usize,
    next: usize,
}

impl<'de, 't> MapAccess<'de> for Fields<'t> {
    type Error = DescribeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DescribeError> {
        let Some(field) = self.fields.get(self.next) else {
            return Ok(None);
        };
        let key: StrDeserializer<'_, DescribeError> = field.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DescribeError> {
        let field = self
            .fields
            .get(self.next)
            .ok_or_else(|| DescribeError("a value without a field".into()))?;
        self.next += 1;
        let kind = RefCell::new(None);
        let value = seed.deserialize(Tracer {
            trace: self.trace,
            kind: &kind,
            depth: self.depth,
        })?;
        let kind = kind.into_inner().unwrap_or(Kind::Defer);
        self.kinds.borrow_mut().push((field, kind));
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineItem, Money, Order, OrderListPage, Page};

    const ALIASES: &[&str] = &["DISPATHCED", "NOT DELIVERED"];

    fn field<'a>(model: &'a ModelDescription, name: &str) -> &'a FieldDescription {
        model.fields.iter().find(|f| f.name == name).unwrap()
    }

    #[test]
    fn every_parsed_model_is_described() {
        let description = decoder_description().unwrap();
        assert_eq!(
            description["parsers"]["parseOrderListPage"],
            "OrderListPage"
        );
        let order = &description["models"]["Order"];
        assert!(order.as_array().unwrap().len() > 20);
        if std::env::var("TANGO_PRINT").is_ok() {
            println!("{}", serde_json::to_string_pretty(&description).unwrap());
        }
    }

    #[test]
    fn every_webhook_event_type_is_described_and_decided() {
        let description = webhook_description().unwrap();
        let parsers = description["parsers"].as_object().unwrap();
        let types: Vec<_> = parsers.keys().map(String::as_str).collect();
        let mut known = crate::webhook::WebhookEventData::KNOWN_TYPES.to_vec();
        known.extend(["Webhook", "WebhookExpiry", "WebhookEventTypes"]);
        known.sort_unstable();
        assert_eq!(types, known);
        assert_eq!(
            description["models"]["AsyncOrderStatusEventData"]
                .to_string()
                .matches("\"i\"")
                .count(),
            3
        );
        // Every field decode.js can decide alone (no "x"), as bundle-entries.mjs requires of models.js.
        assert!(!description["models"].to_string().contains("\"x\""));
    }

    #[test]
    fn money_is_five_optional_numbers_and_a_string() {
        let money = describe::<Money>(ALIASES).unwrap();
        assert_eq!(money.name, "Money");
        let names: Vec<_> = money.fields.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            ["value", "currencyCode", "exchangeRate", "fee", "total"]
        );
        assert_eq!(field(&money, "value").kind, Kind::Num);
        assert_eq!(field(&money, "currencyCode").kind, Kind::Str);
        assert!(money
            .fields
            .iter()
            .all(|f| !f.required && f.written && f.absent.is_none()));
    }

    #[test]
    fn lenient_integers_lists_that_default_to_empty_and_nested_models() {
        let page = describe::<Page>(ALIASES).unwrap();
        assert!(page.fields.iter().all(|f| f.kind == Kind::Int));
        let list = describe::<OrderListPage>(ALIASES).unwrap();
        assert_eq!(field(&list, "page").kind, Kind::Model("Page"));
        let orders = field(&list, "orders");
        assert_eq!(orders.kind, Kind::List(Box::new(Kind::Model("Order"))));
        assert_eq!(
            orders.absent,
            Some(json!([])),
            "Items: absent is written as []"
        );
        assert_eq!(list.refers_to, ["Page", "Order"]);
    }

    #[test]
    fn wire_names_open_enums_and_personal_data_are_strings() {
        let order = describe::<Order>(ALIASES).unwrap();
        assert_eq!(field(&order, "referenceOrderID").kind, Kind::Str);
        assert_eq!(field(&order, "status").kind, Kind::Str);
        assert_eq!(field(&order, "amountCharged").kind, Kind::Model("Money"));
        assert!(order.fields.iter().all(|f| !f.required));
    }

    #[test]
    fn a_model_inside_itself_and_an_enum_alias() {
        let item = describe::<LineItem>(ALIASES).unwrap();
        assert_eq!(
            field(&item, "redemptionHistory").kind,
            Kind::List(Box::new(Kind::Model("LineItem")))
        );
        let rewritten: Vec<_> = item
            .fields
            .iter()
            .filter(|f| !f.rewrites.is_empty())
            .map(|f| (f.name, f.rewrites.clone()))
            .collect();
        assert!(
            rewritten
                .iter()
                .any(|(_, map)| map.get("DISPATHCED").map(String::as_str) == Some("DISPATCHED")),
            "{rewritten:?}"
        );
    }
}
