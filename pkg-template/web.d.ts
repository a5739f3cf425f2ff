// Types of tango-orders/web: the main entry's API, plus the init every use must await first.
export * from "./index.js";

/**
 * Fetches, compiles and instantiates the client module (once; later calls share the first; a
 * client's first call does it when init was not called). `source` is where its .wasm is (default:
 * wasm/tango_orders_bg.wasm beside this entry, which bundlers that handle
 * `new URL(…, import.meta.url)` ship), or its bytes. Validation needs no init.
 */
export default function init(source?: string | { readonly href: string } | ArrayBuffer | ArrayBufferView): Promise<void>;
