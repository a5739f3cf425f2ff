// Text into the wasm as UTF-8 bytes, made by the engine's own encoder. wasm-bindgen's string passing
// copies ASCII one character at a time in JavaScript (about 2 ns a character: 21 ms for the 11 MB
// of a 50,000-row bulk validation); TextEncoder does it natively and the bytes are copied in whole.
const encoder = new TextEncoder();

// The markers for what JSON cannot carry (see src/validate/unrepresentable.rs).
const NON_FINITE = "\u0000tango:nonFinite";
const LONE_SURROGATE = "\u0000tango:loneSurrogate";
let marked = false;

const wellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""));

function mark(_key, value) {
  if (typeof value === "number" && !Number.isFinite(value)) return { [NON_FINITE]: String(value) };
  if (typeof value === "string" && !wellFormed(value)) return { [LONE_SURROGATE]: true };
  return value;
}

/** JSON.stringify(value) as UTF-8, or undefined when JSON has nothing for it. Throws what it throws.
 * NaN and ±Infinity come out of JSON.stringify as null, and an unpaired surrogate as a \ud8xx
 * escape: only when the text shows one of those is the value written again with markers. */
export function jsonBytes(value) {
  let text = JSON.stringify(value);
  marked = false;
  if (text === undefined) return undefined;
  if (text.includes("null") || text.includes("\\ud")) {
    const again = JSON.stringify(value, mark);
    if (again.includes("\\u0000tango:")) {
      text = again;
      marked = true;
    }
  }
  return encoder.encode(text);
}

/** Whether the last jsonBytes wrote markers. */
export function lastMarked() {
  return marked;
}

/** A string as UTF-8, or undefined for anything that is not a string. */
export function utf8(value) {
  return typeof value === "string" ? encoder.encode(value) : undefined;
}
