// validateOrdersCsv and ordersFromCsv in the main entry: the CSV module (tango-orders/csv's: the
// rules and the CSV reader, about 14 KB gzip more than the first load's) is imported on the first
// call of either, once for the page; each call then goes straight to it. Both already return a
// promise, so nothing changes for the caller but the first call's wait.
//
// Each function is an arrow function in the entry that calls `callCsv`: an expression without side
// effects, so a bundle that uses neither drops both, their dynamic import with them, and ships no
// CSV chunk at all (a call marked pure would do the same, but minifying removes the mark).

import { signalOf } from "./lazy-client.js";

/** The functions, by name. */
export const CSV_FUNCTIONS = ["validateOrdersCsv", "ordersFromCsv"];

/** The CSV module once asked for, shared by both functions (reset when it failed to load). */
let loading;

/**
 * Calls the CSV module's `name(input, options)`, importing the module by `load()` on first use;
 * `loadError(isCreate, order, signal, module)` is the rejection when it cannot be loaded (a
 * `network` TangoError, or `aborted` when the call's signal fired).
 */
export function callCsv(name, load, loadError, input, options) {
  loading ??= load();
  const attempt = loading;
  return attempt.then(
    (csv) => csv[name](input, options),
    () => {
      if (loading === attempt) loading = undefined; // a later call tries again
      throw loadError(false, undefined, signalOf(options), "CSV");
    },
  );
}
