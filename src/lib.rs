//! # tango-orders
//!
//! The client for the order part of Tango's rewards API (Tango Card / BHN "RaaS" v2), for Rust and,
//! compiled to WebAssembly, for JavaScript in browsers, Node ≥ 18 and workers.
//!
//! | module | what it owns |
//! |---|---|
//! | [`client`] | every endpoint: retries, Tango's limits through a limiter (per client, or shared by processes), paging, typed errors |
//! | [`model`] | wire types with Tango's exact field names, open enums, and helpers that read them |
//! | [`validate`] | the report types (`Report`, `Issue`, `Code`) for Tango's rules |
//! | [`decode`] | reading response bodies into models, with errors that never quote a value |
//! | [`error`] | the one error type, with a `kind` to branch on |
//! | [`webhook`] | webhook deliveries: their events, and checking their signature |
//! | `js` (wasm32 only) | the JavaScript exports: conversion at the boundary, no logic |
//!
//! ```
//! use tango_orders::model::{derive_order_status, order_source, LineItemStatus, Order, OrderSource, OrderStatus};
//!
//! let order: Order = serde_json::from_str(r#"{"referenceOrderID":"RA230918-1234-56","status":"COMPLETE"}"#).unwrap();
//! assert_eq!(order_source(order.reference_order_id.as_deref().unwrap_or("")), Some(OrderSource::Api));
//! assert_eq!(derive_order_status(&[LineItemStatus::Complete, LineItemStatus::Failed]), OrderStatus::Partial);
//! ```

pub mod client;
pub mod decode;
/// The models as decode.js reads them (tools/generate writes it into the package): build
/// tooling, compiled only for that tool and the tests.
#[cfg(any(test, feature = "describe"))]
pub mod describe;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod model;
pub mod rules;
pub mod validate;
pub mod webhook;

#[cfg(all(target_arch = "wasm32", feature = "js"))]
mod js;

/// The README's Rust blocks, run as doc tests (`cargo test --doc`).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
