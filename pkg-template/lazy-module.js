// The main entry's functions whose module loads on their first call: validateOrdersCsv and
// ordersFromCsv (the CSV module, tango-orders/csv's: the rules and the CSV reader, about 14 KB gzip
// more than the first load's) and verifyWebhook (the webhooks module, tango-orders/webhooks'). Each
// module is imported once for the page; each call then goes straight to it. Every function already
// returns a promise, so nothing changes for the caller but the first call's wait.
//
// Each function is an arrow function in the entry that calls `callModule`: an expression without
// side effects, so a bundle that uses none of a module's functions drops them, their dynamic import
// with them, and ships no chunk for it (a call marked pure would do the same, but minifying removes
// the mark).

import { signalOf } from "./lazy-client.js";

/** The CSV module's functions, by name. */
export const CSV_FUNCTIONS = ["validateOrdersCsv", "ordersFromCsv"];

/** Each module once asked for, by its label (forgotten when it failed to load). */
const loading = {};

/**
 * Calls the module `label`'s `name(...args)`, importing the module by `load()` on first use;
 * `loadError(isCreate, order, signal, label)` is the rejection when it cannot be loaded (a
 * `network` TangoError, or `aborted` when `options.signal` fired).
 */
export function callModule(label, load, loadError, name, args, options) {
  const attempt = (loading[label] ??= load());
  return attempt.then(
    (module) => module[name](...args),
    () => {
      if (loading[label] === attempt) delete loading[label]; // a later call tries again
      throw loadError(false, undefined, signalOf(options), label);
    },
  );
}
