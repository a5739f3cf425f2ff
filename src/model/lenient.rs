//! Integers as JSON Schema reads them: any JSON number without a fractional part, however it is
//! written (`10`, `10.0`, `1e1`, `10e-1` is 1). serde's `i64` accepts only the first spelling, so a
//! schema-valid body from a server that writes `10.0` would fail to decode and its data be lost.

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;

/// The largest integer a double holds exactly (2^53 − 1); a larger written integer that only
/// reads as a float is refused rather than rounded.
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// Deserializes an optional integer field leniently (see the module docs). Use with
/// `#[serde(default, deserialize_with = "…")]` so that an absent field is `None`.
pub fn option_int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    let Some(number) = Option::<serde_json::Number>::deserialize(deserializer)? else {
        return Ok(None);
    };
    if let Some(whole) = number.as_i64() {
        return Ok(Some(whole));
    }
    number
        .as_f64()
        .filter(|f| f.fract() == 0.0 && f.abs() <= MAX_EXACT)
        .map(|f| Some(f as i64))
        .ok_or_else(|| D::Error::custom("expected a whole number"))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

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
        for text in ["10.5", "1e300", "\"10\""] {
            assert!(
                serde_json::from_str::<Count>(&format!("{{\"n\": {text}}}")).is_err(),
                "{text}"
            );
        }
    }
}
