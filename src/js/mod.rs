//! The JavaScript exports. The only code that knows about wasm-bindgen: each export converts its
//! input, calls the core, and converts the result. No logic lives here.

mod client;
mod convert;
mod error;
mod helpers;
mod parse;
mod validate;

#[cfg(test)]
mod tests;
