// tango-orders/validate for browsers, bundlers and workers: only the validation rules (no client,
// parsers or helpers), in a smaller WebAssembly module, loaded on import. For pages that check a
// form and send it to their own backend.
import init from "./wasm-validate/tango_orders.js";

await init();

export * from "./wasm-validate/tango_orders.js";
