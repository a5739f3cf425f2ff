// Turns a wasm module shipped inside the package as text back into its bytes, synchronously, in
// any browser, worker or bundler: base64 (the one encoding every bundler, minifier and runtime
// passes through unchanged) of the raw-DEFLATE compressed module. That gzips to within half a
// percent of the .wasm file, where base64 of the plain module gzips 30–40 % larger. fflate's
// inflate is bundled into this file when the package is built, so the package has no dependencies
// and an import map needs one entry.
import { inflateSync } from "fflate";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 to bytes: the engine's own decoder where there is one, else atob. */
function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  if (typeof atob === "function") {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  // A runtime with neither (rare: some embedded engines): a table lookup.
  const clean = text.replace(/=+$/, "");
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, value = 0, at = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | ALPHABET.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes[at++] = (value >> bits) & 0xff; }
  }
  return bytes;
}

/** The module's bytes from its inlined text; `size` is its length, to inflate in one buffer. */
export function wasmBytes(base64, size) {
  return inflateSync(decodeBase64(base64), { out: new Uint8Array(size) });
}
