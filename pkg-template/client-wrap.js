// The client module's TangoClient as the package exports it: the wasm's client, whose calls
// resolve to Tango's response bodies, with each body decoded here by decode.js. decode.js gives
// the same objects as the Rust decoders (tests/package/decode.test.mjs holds it to them), and
// leaving those decoders out of the client's wasm is most of what keeps it small. A body that
// decode.js refuses is a `decode` TangoError with the body's redacted excerpt (worded by the
// wasm's __responseDecodeError, as the Rust client's errors are); for a create, one that carries
// the order's key and `mayHaveBeenPlaced: true`, since Tango answered 2xx.
import models from "tango:models";
import { makeParsers } from "./decode.js";
import { CLIENT_METHODS, CLIENT_JS_METHODS } from "./client-methods.js";
import { makeWebhookReaders } from "./webhook-read.js";

/**
 * The TangoClient class over the wasm's (`WasmClient`), decoding with `responseDecodeError(body,
 * path, missing, key)` as decode.js's `decodeError`.
 */
export function wrapClient(WasmClient, responseDecodeError) {
  // Set while a create's answer is parsed (parsing is synchronous), so that its error has the key.
  let createKey;
  const parsers = makeParsers(models, {
    decodeError: (body, path, missing) => responseDecodeError(body, path, missing, createKey),
  });
  // Every answer's reader by name: the parse* functions, the webhook readers, and "nothing" for
  // the calls Tango answers with an empty body.
  const readers = {
    ...parsers,
    ...makeWebhookReaders((body, path, missing) => responseDecodeError(body, path, missing, undefined)),
    nothing: () => undefined,
  };
  const parseCreated = (body, key) => {
    createKey = key;
    try {
      return parsers.parseOrder(body);
    } finally {
      createKey = undefined;
    }
  };

  // Each client's wasm client, out of sight of its users.
  const inners = new WeakMap();
  const innerOf = (client) => inners.get(client);

  /** waitForOrder's options with onStatus seeing decoded orders (a body it cannot decode is not
   * shown: the wait ends with that error when the order is final). The options are passed as
   * they are when onStatus is not a function, or when copying them throws: the wasm reports it. */
  const withDecodedStatus = (options) => {
    try {
      const onStatus = options?.onStatus;
      if (typeof onStatus !== "function") return options;
      return {
        ...options,
        onStatus(body) {
          let order;
          try {
            order = parsers.parseOrder(body);
          } catch {
            return;
          }
          onStatus(order);
        },
      };
    } catch {
      return options;
    }
  };

  class TangoClient {
    constructor(options) {
      inners.set(this, new WasmClient(options));
    }

    createOrder(order, options) {
      return innerOf(this).createOrder(order, options)
        .then(({ body, created, externalRefID }) => ({ order: parseCreated(body, externalRefID), created }));
    }

    waitForOrder(id, options) {
      return innerOf(this).waitForOrder(id, withDecodedStatus(options)).then((body) => parsers.parseOrder(body));
    }

    /** Releases the client's memory in the wasm; the client cannot be used afterwards. */
    free() {
      innerOf(this)?.free();
      inners.delete(this);
    }
  }

  const define = (method, value) =>
    Object.defineProperty(TangoClient.prototype, method, { configurable: true, writable: true, value });
  for (const [method, { answer, iterator }] of Object.entries(CLIENT_METHODS)) {
    if (answer === "own" || iterator !== undefined) continue;
    define(method, { [method](...args) {
      const answered = innerOf(this)[method](...args);
      return answer === null ? answered : answered.then((body) => readers[answer](body));
    } }[method]);
  }
  for (const [method, { generator }] of Object.entries(CLIENT_JS_METHODS)) define(method, generator);
  for (const [method, { iterator: className, pages: parser, items: field }] of Object.entries(CLIENT_METHODS)) {
    if (className === undefined) continue;
    const Iterator = { [className]: class {
      constructor(inner) {
        Object.defineProperty(this, "inner", { value: inner });
        Object.defineProperty(this, "items", { value: [], writable: true });
        Object.defineProperty(this, "at", { value: 0, writable: true });
      }
      /** The next item: `{ done, value }`, as the async iterator protocol wants. */
      next() {
        if (this.at < this.items.length) return Promise.resolve({ done: false, value: this.items[this.at++] });
        return this.inner.next().then((step) => {
          if (step.done) return step;
          this.items = parsers[parser](step.value)[field];
          this.at = 0;
          return this.next();
        });
      }
      /** Releases the iterator's memory in the wasm. */
      free() {
        this.inner.free();
      }
      [Symbol.asyncIterator]() {
        return this;
      }
    } }[className];
    define(method, { [method](filter, options) {
      return new Iterator(innerOf(this)[method](filter, options));
    } }[method]);
  }
  if (typeof Symbol.dispose === "symbol") {
    TangoClient.prototype[Symbol.dispose] = function () {
      this.free();
    };
  }
  return TangoClient;
}
