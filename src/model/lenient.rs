//! Integers as JSON Schema reads them: any JSON number without a fractional part, however it is
//! written (`10`, `10.0`, `1e1`, `10e-1` is 1). serde's `i64` accepts only the first spelling, so a
//! schema-valid body from a server that writes `10.0` would fail to decode and its data be lost.

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The largest integer a double holds exactly (2^53 − 1); a larger one is refused rather than
/// rounded, however it is written.
pub(crate) const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// Deserializes an optional integer field leniently (see the module docs). Use with
/// `#[serde(default, deserialize_with = "…")]` so that an absent field is `None`.
pub fn option_int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    let Some(number) = Option::<serde_json::Number>::deserialize(deserializer)? else {
        return Ok(None);
    };
    // Beyond ±(2^53 − 1) even an integer spelled as one is refused: JavaScript holds it only
    // rounded, and the package's JavaScript decoder, which reads `JSON.parse`'s numbers, must
    // come to the same answer as this one.
    if let Some(whole) = number
        .as_i64()
        .filter(|whole| whole.unsigned_abs() <= MAX_EXACT as u64)
    {
        return Ok(Some(whole));
    }
    number
        .as_f64()
        .filter(|f| f.fract() == 0.0 && f.abs() <= MAX_EXACT)
        .map(|f| Some(f as i64))
        .ok_or_else(|| D::Error::custom("expected a whole number"))
}

/// A whole number read as [`option_int`] reads one (for the values of a map).
struct WholeNumber(i64);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        option_int(deserializer)?
            .map(WholeNumber)
            .ok_or_else(|| D::Error::custom("expected a whole number"))
    }
}

/// Deserializes an optional map of whole numbers leniently, each value as [`option_int`] reads
/// one. Also what lets the package's JavaScript decoder settle such a map by itself: `JSON.parse`
/// does not keep how a number was spelled, so a map of serde's strict integers could only be
/// decided by the wasm.
pub fn option_int_map<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<BTreeMap<String, i64>>, D::Error> {
    let map = Option::<BTreeMap<String, WholeNumber>>::deserialize(deserializer)?;
    Ok(map.map(|map| map.into_iter().map(|(key, value)| (key, value.0)).collect()))
}

/// Deserializes an optional list of strings that may also be given as one string (a query
/// parameter that repeats: `itemAttribute: "PHONE"` means `["PHONE"]`, as on the wire).
pub fn option_strings<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(
        Option::<OneOrMany>::deserialize(deserializer)?.map(|list| match list {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }),
    )
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Counts {
        #[serde(default, deserialize_with = "super::option_int_map")]
        m: Option<std::collections::BTreeMap<String, i64>>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Count {
        #[serde(default, deserialize_with = "super::option_int")]
        n: Option<i64>,
    }

    #[test]
    fn every_spelling_of_a_whole_number_reads_and_fractions_do_not() {
        for (text, n) in [
            ("10", 10),
            ("10.0", 10),
            ("1e1", 10),
            ("10e-1", 1),
            ("-3.0", -3),
            ("0.0", 0),
        ] {
            let read: Count = serde_json::from_str(&format!("{{\"n\": {text}}}")).unwrap();
            assert_eq!(read.n, Some(n), "{text}");
        }
        let absent: Count = serde_json::from_str("{}").unwrap();
        assert_eq!(absent.n, None);
        let null: Count = serde_json::from_str("{\"n\": null}").unwrap();
        assert_eq!(null.n, None);
        let map: Counts = serde_json::from_str(r#"{"m": {"a": 2, "b": 3.0, "c": 1e1}}"#).unwrap();
        let expected = [("a", 2), ("b", 3), ("c", 10)].map(|(k, v)| (k.to_owned(), v));
        assert_eq!(map.m, Some(expected.into_iter().collect()));
        assert!(serde_json::from_str::<Counts>(r#"{"m": {"a": 2.5}}"#).is_err());
        assert!(serde_json::from_str::<Counts>(r#"{"m": {"a": null}}"#).is_err());
        for text in [
            "10.5",
            "1e300",
            "\"10\"",
            "9007199254740992",
            "-9007199254740992",
        ] {
            assert!(
                serde_json::from_str::<Count>(&format!("{{\"n\": {text}}}")).is_err(),
                "{text}"
            );
        }
    }
}
