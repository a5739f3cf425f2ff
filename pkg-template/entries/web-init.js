// tango-orders/web's init(): instantiates the client module from its own .wasm file, for the
// browser's streaming compile and a separately cached file (Vite and webpack ship a
// `new URL(…, import.meta.url)` asset; esbuild and rollup do not). A client's first call runs it
// when the page did not.
import initModule from "tango:client-glue";

let started;

/** Loads and instantiates the client module once; later calls share the first. `source` is the
 * .wasm file's URL (default: next to this file), or its bytes or compiled module. */
export default function init(source) {
  started ??= Promise.resolve().then(() => {
    const module_or_path = source === undefined ? new URL("./wasm/tango_orders_bg.wasm", import.meta.url)
      : typeof source.href === "string" ? source.href : source; // a URL, or anything with an href
    return initModule({ module_or_path });
  }).catch((error) => {
    started = undefined; // the next call tries again
    throw error;
  });
  return started.then(() => undefined);
}
