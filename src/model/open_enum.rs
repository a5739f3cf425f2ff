//! The `open_enum!` macro: string enums that keep values they do not know.
//!
//! Tango adds statuses and delivery methods over time. A closed enum would turn a new server value
//! into a decode error; an open one keeps it as `Unknown(String)` and writes it back unchanged, the
//! way aws-sdk-rust's generated enums do. In TypeScript the type reads as the known literals plus
//! any other string (`"COMPLETE" | "PENDING" | (string & {})`), so editors still autocomplete.

/// Declares an open string enum: the known wire values as variants, `Unknown(String)` for the rest.
///
/// Generates `as_str`, `From<&str>`, `FromStr`, `Display`, serde as a plain string, and a TypeScript
/// type alias of the same name. `aliases` lists extra spellings read as a known variant (they are
/// written back in the canonical spelling).
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, Debug)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept exactly as the server sent it.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the order Tango documents them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The extra spellings read as a known value (and written in its canonical spelling).
            pub const ALIASES: &'static [&'static str] = &[$($($alias,)*)+];

            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other.as_str(),
                }
            }

            /// Whether this is one of the values this version knows.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire $(| $alias)* => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match $name::from(value.as_str()) {
                    $name::Unknown(_) => $name::Unknown(value),
                    known => known,
                }
            }
        }

        impl core::str::FromStr for $name {
            type Err = core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok($name::from(value))
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // Borrow when the format allows it, own otherwise: no copy for known values.
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok($name::from(text.into_owned()))
            }
        }

        /// A string, one of the known values (the JSON Schema of requests, which Tango checks
        /// against the values it knows; `tools/generate` narrows it where a request allows
        /// fewer).
        #[cfg(feature = "json-schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($wire),+] })
            }
        }

        #[cfg(feature = "js")]
        const _: () = {
            use wasm_bindgen::prelude::*;

            #[wasm_bindgen(typescript_custom_section)]
            const TS_TYPE: &'static str = concat!(
                "/** ", stringify!($name), ": one of the known values, or any other string the server sends. */\n",
                "export type ", stringify!($name), " = ",
                $( "\"", $wire, "\" | ", )+
                "(string & {});"
            );

        };
    };
}

pub(crate) use open_enum;
