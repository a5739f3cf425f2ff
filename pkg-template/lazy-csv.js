// validateOrdersCsv and ordersFromCsv in the main entry: the CSV module (tango-orders/csv's: the
// rules and the CSV reader, about 14 KB gzip more than the first load's) is imported on the first
// call of either, once for the page; each call then goes straight to it. Both already return a
// promise, so nothing changes for the caller but the first call's wait.

/**
 * `load()` imports the CSV module; `loadError(isCreate, order, signal, module)` is the rejection
 * when it cannot be loaded (a `network` TangoError, or `aborted` when the call's signal fired).
 */
export function makeLazyCsv({ load, loadError }) {
  let loading;
  const csvModule = (options) => {
    loading ??= load();
    const attempt = loading;
    return attempt.catch(() => {
      if (loading === attempt) loading = undefined; // a later call tries again
      throw loadError(false, undefined, signalOf(options), "CSV");
    });
  };
  return {
    validateOrdersCsv: (input, options) => csvModule(options).then((csv) => csv.validateOrdersCsv(input, options)),
    ordersFromCsv: (input, options) => csvModule(options).then((csv) => csv.ordersFromCsv(input, options)),
  };
}

/** `options.signal`, read so that a throwing getter cannot throw here. */
function signalOf(options) {
  try {
    return options !== null && typeof options === "object" ? options.signal : undefined;
  } catch {
    return undefined;
  }
}
