// Types of tango-orders/web: the main entry's API, plus the init every use must await first.
export * from "./index.js";

/**
 * Fetches, compiles and instantiates the module (once; later calls share the first). `source` is
 * where the .wasm is (default: the file beside this entry, which bundlers that handle
 * `new URL(…, import.meta.url)` ship), or its bytes.
 */
export default function init(source?: string | { readonly href: string } | ArrayBuffer | ArrayBufferView): Promise<void>;
