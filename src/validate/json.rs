//! `Json`: JSON as the validators read it, borrowing its strings from the text it was read from.
//!
//! Why not `serde_json::Value`: building one allocates a `String` per string and a `BTreeMap` per
//! object, and looking a field up compares keys through the tree; for a small order that was a
//! third of a validation's time in the wasm, and for a 50,000-row bulk validation a 5.7 MB tree.
//! Here strings without escapes point into the text, objects are their members in text order, and
//! a lookup scans them (orders have a dozen fields; the validators only look up known keys).

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// A JSON value. Numbers are `f64`, as JavaScript reads them.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string, borrowed from the text when it had no escapes.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// A JSON object: its members in the order of the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Object<'a> {
    /// The member `key`. A key written twice reads as its last value, as in `JSON.parse`.
    ///
    /// Never inlined: the validators look fields up in hundreds of places, and at opt-level 3 this
    /// scan inlined into each made the rules 40 KiB bigger in the main module for no measurable speed.
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// The member `key`, to change it (its last value, as [`Object::get`]).
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json<'a>> {
        self.members
            .iter_mut()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Sets `key` to `value`: in place of its value when present (its last one, as
    /// [`Object::get`]), else as a new last member.
    pub fn insert(&mut self, key: Cow<'a, str>, value: Json<'a>) {
        match self.get_mut(&key) {
            Some(slot) => *slot = value,
            None => self.members.push((key, value)),
        }
    }

    /// The members, in text order, keys with their lifetimes.
    pub fn members(&self) -> &[(Cow<'a, str>, Json<'a>)] {
        &self.members
    }

    /// How many members the text wrote.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether it has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members, in text order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.members
            .iter()
            .map(|(name, value)| (name.as_ref(), value))
    }
}

impl<'a> FromIterator<(Cow<'a, str>, Json<'a>)> for Object<'a> {
    fn from_iter<I: IntoIterator<Item = (Cow<'a, str>, Json<'a>)>>(members: I) -> Self {
        Object {
            members: members.into_iter().collect(),
        }
    }
}

/// How deeply JSON text may nest arrays and objects: serde_json's recursion limit, which refuses
/// text that reaches this many levels.
pub const MAX_NESTING: usize = 128;

/// Whether JSON text nests arrays and objects [`MAX_NESTING`] levels deep or more (brackets in
/// strings do not count): what tells a refusal for nesting from one for broken text.
pub fn too_deeply_nested(text: &[u8]) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in text {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth >= MAX_NESTING {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

impl<'a> Json<'a> {
    /// Reads JSON text (serde_json's parser, nesting limited to [`MAX_NESTING`] levels).
    ///
    /// From `&str`, as every other read of JSON in the crate (`decode`): each reader type is a
    /// separate copy of serde_json's parser in the wasm (about 10 KiB for the second one).
    pub fn parse(text: &'a str) -> Result<Json<'a>, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The same JSON owning its strings, for keeping beyond the text it was read from.
    pub fn into_owned(self) -> Json<'static> {
        let owned = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        match self {
            Json::Null => Json::Null,
            Json::Bool(value) => Json::Bool(value),
            Json::Number(value) => Json::Number(value),
            Json::String(text) => Json::String(owned(text)),
            Json::Array(items) => Json::Array(items.into_iter().map(Json::into_owned).collect()),
            Json::Object(object) => Json::Object(Object {
                members: (object.members.into_iter())
                    .map(|(key, value)| (owned(key), value.into_owned()))
                    .collect(),
            }),
        }
    }

    /// The object, if it is one.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The items, if it is an array.
    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object().and_then(|object| object.get(key))
    }
}

impl<'a> From<&'a Value> for Json<'a> {
    /// The same JSON, borrowing the strings of `value`.
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            // Without serde_json's arbitrary_precision, every number has an f64.
            Value::Number(n) => n.as_f64().map_or(Json::Null, Json::Number),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(map) => Json::Object(Object {
                members: map
                    .iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from(v)))
                    .collect(),
            }),
        }
    }
}

/// What the validators accept: a `Json` as it is, or a `serde_json::Value` read as one.
pub trait ReadJson {
    /// This value as `Json`, borrowed where it already is one.
    fn read_json(&self) -> Cow<'_, Json<'_>>;
}

impl ReadJson for Json<'_> {
    fn read_json(&self) -> Cow<'_, Json<'_>> {
        Cow::Borrowed(self)
    }
}

impl ReadJson for Value {
    fn read_json(&self) -> Cow<'_, Json<'_>> {
        Cow::Owned(Json::from(self))
    }
}

/// Written as JSON, members in their order (a key written twice is written twice; `JSON.parse`
/// keeps the last, as when it was read). Whole numbers within 2^53 are written as integers, as
/// serde_json writes what it read; `-0` stays a float.
impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::model::MAX_EXACT;
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n)
                if n.fract() == 0.0
                    && n.abs() <= MAX_EXACT
                    && !(*n == 0.0 && n.is_sign_negative()) =>
            {
                serializer.serialize_i64(*n as i64)
            }
            Json::Number(n) => serializer.serialize_f64(*n),
            Json::String(text) => serializer.serialize_str(text),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(object) => {
                let mut map = serializer.serialize_map(Some(object.len()))?;
                for (key, value) in &object.members {
                    map.serialize_entry(key.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

/// Builds a [`Json`] from whatever serde_json's parser sees.
struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("JSON")
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4_096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            members.push((key, map.next_value()?));
        }
        Ok(Json::Object(Object { members }))
    }
}

/// An object's key, borrowed when it had no escapes.
///
/// Why a type of its own rather than reading a `Json` and refusing what is not a string: serde_json
/// only ever hands keys to `visit_borrowed_str` or `visit_str`, and the refusal, through
/// `de::Error::custom`, linked serde_json's message parsing (`make_error`, string search, integer
/// parsing: 2.5 KiB of wasm) for a case that cannot happen. Here no other `visit_*` is ever
/// instantiated.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads a key as [`Key`].
struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_value_reads_and_borrows_plain_strings() {
        let text = r#"{"a":"plain","b":"esc\"aped","c":[1,2.5,-3,true,null],"d":{"e":{}}}"#;
        let json = Json::parse(text).unwrap();
        assert!(matches!(
            json.get("a"),
            Some(Json::String(Cow::Borrowed("plain")))
        ));
        assert_eq!(json.get("b").and_then(Json::as_str), Some("esc\"aped"));
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            json,
            Json::from(&value),
            "the same tree as through serde_json::Value"
        );
        assert_eq!(
            json.get("c").and_then(Json::as_array).map(<[Json]>::len),
            Some(5)
        );
        assert!(json.get("d").and_then(|d| d.get("e")).is_some());
        assert!(json.get("zz").is_none() && Json::Null.get("a").is_none());
    }

    #[test]
    fn a_repeated_key_reads_as_its_last_value_like_json_parse() {
        let json = Json::parse(r#"{"k":1,"k":"two"}"#).unwrap();
        assert_eq!(json.get("k").and_then(Json::as_str), Some("two"));
    }

    #[test]
    fn deep_nesting_and_bad_text_fail_instead_of_overflowing() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(Json::parse(&deep).is_err());
        assert!(Json::parse("{\"a\":").is_err());
        assert!(Json::parse("1e400").is_err());
    }

    #[test]
    fn a_value_reads_as_itself() {
        let value = json!({"n": 1, "s": "x", "l": [null]});
        assert!(matches!(value.read_json(), Cow::Owned(_)));
        let json = Json::from(&value);
        assert!(matches!(json.read_json(), Cow::Borrowed(_)));
    }

    #[test]
    fn too_deeply_nested_agrees_with_what_the_parser_refuses() {
        let nested = |levels: usize| "[".repeat(levels) + &"]".repeat(levels);
        for levels in [1, 2, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 50] {
            let text = nested(levels);
            assert_eq!(
                too_deeply_nested(text.as_bytes()),
                Json::parse(&text).is_err(),
                "{levels} levels"
            );
        }
        // Brackets in strings (escaped quotes too) are not nesting; a flat order is not nested.
        let text = format!(r#"{{"a":"{}\"{}"}}"#, "[".repeat(200), "{".repeat(200));
        assert!(Json::parse(&text).is_ok() && !too_deeply_nested(text.as_bytes()));
        let order = br#"{"utid":"U000001","amount":25,"recipient":{"email":"a@b.co"}}"#;
        assert!(!too_deeply_nested(order));
        // Cut short: refused by the parser, but not for nesting.
        assert!(Json::parse(r#"{"utid":"U0"#).is_err() && !too_deeply_nested(b"{\"utid\":\"U0"));
    }
}
