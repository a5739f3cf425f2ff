// Turns a wasm module shipped inside the package as text (base64 of its bytes) back into its bytes,
// for Node, Deno, Bun and server bundles such as Next.js. No file is read at run time, so a bundler
// that moves the code cannot break the path to it. Plain base64, not the compressed text the
// browser entries carry: inflating meant importing node:zlib and running it, about 3 ms of every
// cold start (measured in bench/), for bytes a server never downloads.
import { Buffer } from "node:buffer";

/** The module's bytes from its inlined text; `size` is its length. */
export function wasmBytes(base64, size) {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== size) throw new Error("tango-orders: the inlined wasm module is damaged");
  return bytes;
}
