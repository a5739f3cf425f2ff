// What a page pays for the main API loaded from the separate .wasm file (bench/bundlers.mjs).
import init, { validateCreateOrder, TangoClient } from "tango-orders/web";

window.tango = { ready: init(), validateCreateOrder, TangoClient };
