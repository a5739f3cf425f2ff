//! The JavaScript exports. The only code that knows about wasm-bindgen: each export converts its
//! input, calls the core, and converts the result. No logic lives here.

#[cfg(feature = "js-client")]
mod client;
mod convert;
#[cfg(feature = "js-csv")]
mod csv;
mod error;
#[cfg(feature = "js-main")]
mod first_load;
#[cfg(feature = "js-main")]
mod helpers;
#[cfg(feature = "js-client")]
mod limiter;
#[cfg(feature = "js-main")]
mod options;
#[cfg(feature = "js-client")]
mod parse;
#[cfg(feature = "js-client")]
mod runtime;
mod standard;
mod text;
#[cfg(feature = "js-client")]
mod timers;
#[cfg(feature = "js-client")]
mod transport;
mod validate;

#[cfg(all(test, feature = "js-client"))]
mod tests;
#[cfg(all(test, feature = "js-client"))]
mod transport_tests;
