//! `Items<T>`: a list in a response that reads a missing or `null` list as empty.

use serde::{Deserialize, Deserializer, Serialize};

/// The list of a page (`orders`, `lineItems`). A page without its list, or with `null`, reads as an
/// empty list, so callers (and the TypeScript type, `T[]`) never deal with a missing list.
///
/// Derefs to `Vec<T>`. A newtype rather than `#[serde(default)]` because tsify marks defaulted
/// fields optional in TypeScript, and this one is always there.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct Items<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through Option: serde hands a missing field to `deserialize_option` as none.
        Option::<Vec<T>>::deserialize(deserializer).map(|list| Items(list.unwrap_or_default()))
    }
}

impl<T> core::ops::Deref for Items<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> From<Vec<T>> for Items<T> {
    fn from(list: Vec<T>) -> Self {
        Items(list)
    }
}

impl<T> IntoIterator for Items<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Page {
        items: Items<u8>,
    }

    #[test]
    fn missing_and_null_read_as_empty() {
        let missing: Page = serde_json::from_str("{}").unwrap();
        assert!(missing.items.is_empty());
        let null: Page = serde_json::from_str(r#"{"items": null}"#).unwrap();
        assert!(null.items.is_empty());
        let full: Page = serde_json::from_str(r#"{"items": [1, 2]}"#).unwrap();
        assert_eq!(full.items[1], 2);
        assert!(serde_json::from_str::<Page>(r#"{"items": 3}"#).is_err());
    }
}
