// Types of tango-orders/validate: the validators, their options and reports, and the models they
// describe (the same types as the main entry).
export * from "./wasm-validate/tango_orders.js";
