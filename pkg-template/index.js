// tango-orders for browsers, bundlers and workers: fetches the WebAssembly module that sits beside
// the glue (bundlers see the `new URL(..., import.meta.url)` inside it and ship the file), compiles
// it once, and re-exports everything, so callers never have to call an init function themselves.
import init from "./wasm/tango_orders.js";
import "./extend.js";

await init();

export * from "./wasm/tango_orders.js";
