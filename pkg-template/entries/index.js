// tango-orders, the main entry: the first-load module (the validators, the helpers, the client
// options' check) instantiated on import; the client's module imported on a client's first call,
// the CSV module on a CSV function's. scripts/bundle-entries.mjs bundles this file once per
// loader; `tango:` imports are what it points at that loader's files (scripts/README.md).
import { __checkClientOptions, __clientLoadError } from "tango:module";
import { makeLazyClient } from "../lazy-client.js";
import { callCsv } from "../lazy-csv.js";
import { loadClient } from "./load-client.js";

export * from "tango:api";
export * from "./parsers.js";
export * from "./schemas.js";
export { isTangoError, TangoError } from "../errors.js";
export { createWebhookLedger } from "../webhook-ledger.js";

const lazy = makeLazyClient({ load: loadClient, check: __checkClientOptions, loadError: __clientLoadError });
export const TangoClient = lazy.TangoClient;
export const OrderIterator = lazy.OrderIterator;
export const LineItemIterator = lazy.LineItemIterator;
// An arrow function, like the CSV functions below: a bundle that does not use it drops it.
export const verifyWebhook = (delivery, keys) => lazy.callFunction("verifyWebhook", [delivery, keys]);

// Arrow functions: a bundle that uses neither drops them, and their dynamic import.
export const validateOrdersCsv = (input, options) =>
  callCsv("validateOrdersCsv", () => import("tango:csv"), __clientLoadError, input, options);
export const ordersFromCsv = (input, options) =>
  callCsv("ordersFromCsv", () => import("tango:csv"), __clientLoadError, input, options);
