// tango-orders, the main entry: the first-load module (the validators, the helpers, the client
// options' check) instantiated on import; the client's module imported on a client's first call,
// the CSV module on a CSV function's, the webhooks module on verifyWebhook's. scripts/bundle-entries.mjs bundles this file once per
// loader; `tango:` imports are what it points at that loader's files (scripts/README.md).
import { __checkClientOptions, __clientLoadError } from "tango:module";
import { makeLazyClient } from "../lazy-client.js";
import lazyMethods from "tango:lazy-methods";
import { callModule } from "../lazy-module.js";
import { loadClient } from "./load-client.js";

export * from "tango:api";
export * from "./parsers.js";
export * from "./schemas.js";
export { isTangoError, TangoError } from "../errors.js";
export { createWebhookLedger } from "../webhook-ledger.js";

const lazy = makeLazyClient({ load: loadClient, check: __checkClientOptions, loadError: __clientLoadError, methods: lazyMethods });
export const TangoClient = lazy.TangoClient;
export const OrderIterator = lazy.OrderIterator;
export const LineItemIterator = lazy.LineItemIterator;
// Arrow functions: a bundle that uses none of a module's drops them, and their dynamic import.
export const validateOrdersCsv = (input, options) =>
  callModule("CSV", () => import("tango:csv"), __clientLoadError, "validateOrdersCsv", [input, options], options);
export const ordersFromCsv = (input, options) =>
  callModule("CSV", () => import("tango:csv"), __clientLoadError, "ordersFromCsv", [input, options], options);
export const verifyWebhook = (delivery, keys) =>
  callModule("webhooks", () => import("tango:webhooks"), __clientLoadError, "verifyWebhook", [delivery, keys], undefined);
