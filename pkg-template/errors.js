// `isTangoError(value)` and `TangoError` for `instanceof`: every error the package throws is a
// real `Error` made in the wasm module (named "TangoError", or "AbortError" for kind "aborted"),
// so what tells one apart is its shape: the name, one of the package's kinds, and `retryable`.
// Every entry that can throw exports both (pkg-template/entries/).

const KINDS = new Set(["validation", "api", "network", "timeout", "decode", "config", "resend_too_soon", "conflict", "aborted", "unverified"]);

/** Whether `value` is an error thrown by tango-orders (a type guard in TypeScript). */
export function isTangoError(value) {
  return value instanceof Error && (value.name === "TangoError" || value.name === "AbortError")
    && KINDS.has(value.kind) && typeof value.retryable === "boolean";
}

/** `error instanceof TangoError` is `isTangoError(error)`. The package throws these; it makes no
 * sense to construct one, so calling it throws. Made in a pure call, so that a bundle that uses
 * neither export leaves this file out. */
export const TangoError = /* @__PURE__ */ (() => {
  function TangoError() {
    throw new TypeError("tango-orders: TangoError is for instanceof and isTangoError; the package makes its errors itself");
  }
  return Object.defineProperty(TangoError, Symbol.hasInstance, { value: isTangoError });
})();
