// tango-orders for Node: reads the WebAssembly module from disk and compiles it synchronously on
// import (fetch cannot load file: URLs in Node), then re-exports everything.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/tango_orders.js";
import "./extend.js";

initSync({ module: readFileSync(new URL("./wasm/tango_orders_bg.wasm", import.meta.url)) });

export * from "./wasm/tango_orders.js";
