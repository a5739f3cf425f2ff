// Drives a CSV check of tango-orders (src/js/csv.rs) in slices of about 8 ms, yielding to the
// event loop between them so that a page paints its progress bar and stays responsive, and so that
// an AbortSignal can end it. Bundled into the package's wasm glue by wasm-bindgen.

const SLICE_MS = 8;

/**
 * Resolves on a later turn of the event loop: setImmediate where there is one (Node, Bun, Deno),
 * else a MessageChannel message (browsers, workers), which lets the page paint and has no
 * setTimeout's 4 ms clamp. Not scheduler.yield: its continuation outranks rendering, so a page
 * painted far fewer frames between slices (the figures are in the notes of issue 17).
 */
function nextTurn() {
  if (typeof globalThis.setImmediate === "function") return new Promise((resolve) => globalThis.setImmediate(resolve));
  if (typeof globalThis.MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new globalThis.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Checks every row of `check` (a __CsvCheck), reporting progress, until done or aborted. */
export async function driveCsvCheck(check, onProgress, signal) {
  try {
    for (;;) {
      if (signal?.aborted) throw check.abortError(signal.reason);
      const finished = check.step(SLICE_MS);
      if (typeof onProgress === "function") {
        try {
          onProgress(check.done(), check.total());
        } catch {
          // A progress bar's error cannot end the check.
        }
      }
      if (finished) return check.report();
      await nextTurn();
    }
  } finally {
    check.free();
  }
}
