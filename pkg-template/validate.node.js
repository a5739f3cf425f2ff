// tango-orders/validate for Node: the validation-only module, read from disk and compiled on import.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm-validate/tango_orders.js";

initSync({ module: readFileSync(new URL("./wasm-validate/tango_orders_bg.wasm", import.meta.url)) });

export * from "./wasm-validate/tango_orders.js";
