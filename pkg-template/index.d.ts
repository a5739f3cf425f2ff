// Types of the package entry: the models, helpers and errors generated from the Rust crate.
export * from "./wasm/tango_orders.js";
