// Turns a wasm module shipped inside the package as text (base64 of its raw-DEFLATE bytes) back into
// its bytes with Node's own zlib: for Node, Deno, Bun and server bundles such as Next.js, which keep
// node: built-ins external. No file is read at run time, so a bundler that moves the code cannot
// break the path to it.
import { Buffer } from "node:buffer";
import { inflateRawSync } from "node:zlib";

/** The module's bytes from its inlined text; `size` is its length. */
export function wasmBytes(base64, size) {
  const bytes = inflateRawSync(Buffer.from(base64, "base64"));
  if (bytes.length !== size) throw new Error("tango-orders: the inlined wasm module is damaged");
  return bytes;
}
