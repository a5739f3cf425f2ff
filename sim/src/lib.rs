//! # tango-sim
//!
//! A local, deterministic simulator of the orders part of Tango's rewards API (RaaS v2), from
//! Tango's side of the wire: it reads raw HTTP requests and answers as Tango documents, with its
//! limits (1 create per second, 1 resend per 30 s, 10,000 results per list), its error bodies, and
//! faults on demand. It shares the models and the documented validation rules with the client, and
//! nothing of the client's request building, retries or paging.
//!
//! | module | what it owns |
//! |---|---|
//! | [`simulator`] | `Simulator`: routing, auth, limits, faults, error bodies |
//! | `orders`, `line_items` | the endpoints |
//! | [`data`] | the default credentials, accounts and catalog |
//! | [`clock`] | virtual or real time |
//! | [`faults`] | what to inject |
//! | [`http`] | `Request` and `Response` |
//!
//! ```
//! use tango_sim::{Request, SimOptions, Simulator};
//! let mut sim = Simulator::new(SimOptions::default());
//! let auth = ("authorization".to_string(), "Basic ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ==".to_string());
//! let response = sim.handle(&Request::new("GET", "/raas/v2/orders", vec![auth], vec![]));
//! assert_eq!(response.status, 200);
//! ```

mod catalogs;
pub mod clock;
pub mod data;
pub mod faults;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod http;
mod line_item_changes;
mod line_items;
mod orders;
mod query;
pub mod simulator;
mod store;
pub mod webhooks;

#[cfg(target_arch = "wasm32")]
mod js;

pub use faults::Faults;
pub use http::{Request, Response};
pub use simulator::{SimOptions, Simulator};
pub use webhooks::Delivery;
