//! Any `Deserialize` type read from a borrowed [`Json`] tree, with error messages that come only
//! from the type's own readers.
//!
//! Why not serde-wasm-bindgen or serde_json for the JavaScript client's options: both word type
//! errors with the value (`invalid type: floating point `1.5``), which links the float formatting
//! of `core::fmt` into the wasm (≈ 6 KiB gzip) for messages the readers replace anyway, and
//! serde-wasm-bindgen's deserializer is ≈ 8 KiB more in the first-load module. Here serde's own
//! errors (wrong type, unknown variant, …) are fixed texts: the options' readers
//! (`client::options`) map every failure to a message that names the setting.

use super::json::Json;
use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, Visitor,
};
use std::fmt;

impl Json<'_> {
    /// Reads `T` from this value. The error is a message: the type's own (`D::Error::custom`), or
    /// a fixed text for serde's (which would quote the value).
    pub fn read_as<T: DeserializeOwned>(&self) -> Result<T, String> {
        T::deserialize(JsonDeserializer(self)).map_err(|error| error.0)
    }
}

/// A failure while reading: its message.
#[derive(Debug)]
pub struct DeError(String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        DeError(message.to_string())
    }
    // serde's own errors, without the value they would quote (and without formatting it).
    fn invalid_type(_: Unexpected<'_>, _: &dyn Expected) -> Self {
        DeError("a value has the wrong type".into())
    }
    fn invalid_value(_: Unexpected<'_>, _: &dyn Expected) -> Self {
        DeError("a value is not one of those allowed".into())
    }
    fn invalid_length(_: usize, _: &dyn Expected) -> Self {
        DeError("a list has the wrong length".into())
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        DeError("a value is not one of those allowed".into())
    }
    fn missing_field(field: &'static str) -> Self {
        DeError(format!("{field} is missing"))
    }
    fn duplicate_field(field: &'static str) -> Self {
        DeError(format!("{field} is given twice"))
    }
}

/// A deserializer over one value of the tree.
struct JsonDeserializer<'a, 'j>(&'a Json<'j>);

impl<'de> de::Deserializer<'de> for JsonDeserializer<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Json::Null => visitor.visit_unit(),
            Json::Bool(value) => visitor.visit_bool(*value),
            // Whole numbers as integers, as serde_json hands over integer text: an integer field
            // takes them, a float field takes either.
            Json::Number(value) if value.fract() == 0.0 && (0.0..1.8e19).contains(value) => {
                visitor.visit_u64(*value as u64)
            }
            Json::Number(value) if value.fract() == 0.0 && (-9.2e18..0.0).contains(value) => {
                visitor.visit_i64(*value as i64)
            }
            Json::Number(value) => visitor.visit_f64(*value),
            Json::String(text) => visitor.visit_str(text),
            Json::Array(items) => visitor.visit_seq(Items(items.iter())),
            Json::Object(object) => visitor.visit_map(Members {
                members: object.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// A unit variant from its name, as serde_json reads one from a string.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.0 {
            Json::String(text) => {
                let variant: StrDeserializer<'_, DeError> = text.as_ref().into_deserializer();
                visitor.visit_enum(variant)
            }
            _ => Err(de::Error::invalid_type(
                Unexpected::Other("value"),
                &visitor,
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The items of an array.
struct Items<'a, 'j>(std::slice::Iter<'a, Json<'j>>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        self.0
            .next()
            .map(|item| seed.deserialize(JsonDeserializer(item)))
            .transpose()
    }
}

/// The members of an object, in text order.
struct Members<'a, 'j, I: Iterator<Item = (&'a str, &'a Json<'j>)>> {
    members: I,
    value: Option<&'a Json<'j>>,
}

impl<'de, 'a, 'j: 'a, I: Iterator<Item = (&'a str, &'a Json<'j>)>> MapAccess<'de>
    for Members<'a, 'j, I>
{
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let key: StrDeserializer<'_, DeError> = key.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(value) => seed.deserialize(JsonDeserializer(value)),
            None => Err(DeError("a value is missing".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Small,
        Large,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Settings {
        name: String,
        count: Option<u32>,
        ratio: f64,
        on: bool,
        kind: Option<Kind>,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        extra: BTreeMap<String, f64>,
    }

    fn read<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        Json::parse(text).unwrap().read_as()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"name":"a","count":3,"ratio":0.5,"on":true,"kind":"large","tags":["x","y"],
            "extra":{"b":2},"unknown":[1,{"deep":null}]}"#;
        let ours: Settings = read(text).unwrap();
        let theirs: Settings = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        let nulls: Settings =
            read(r#"{"name":"a","count":null,"ratio":1,"on":false,"kind":null}"#).unwrap();
        assert_eq!((nulls.count, nulls.kind), (None, None));
    }

    #[test]
    fn serde_errors_are_fixed_texts_that_quote_nothing() {
        let wrong = read::<Settings>(r#"{"name":1.5,"ratio":1,"on":true}"#).unwrap_err();
        assert_eq!(wrong, "a value has the wrong type");
        let variant =
            read::<Settings>(r#"{"name":"secret-ish","ratio":1,"on":true,"kind":"huge"}"#);
        assert_eq!(variant.unwrap_err(), "a value is not one of those allowed");
        let missing = read::<Settings>(r#"{"ratio":1,"on":true}"#).unwrap_err();
        assert_eq!(missing, "name is missing");
        assert!(read::<Settings>("[]").is_err());
    }
}
