// TangoClient in the main entry: constructed at once (its options checked by the first-load wasm,
// so unusable options throw here, as before), while the client's own module (the Rust client, the
// fetch transport, the typed decoders: about three quarters of the package's bytes) is imported on
// the first call, once for every client of the page. Each method then hands its arguments to the
// client module's TangoClient unchanged; a call made while the module loads waits for it, and that
// wait honours the call's AbortSignal. Once the module is there, calls go straight through (an
// iterate* call with unusable options throws at once again).


/** `options.signal`, read so that a throwing getter cannot throw here (the client reports it).
 * Also lazy-module.js's. */
export function signalOf(options) {
  try {
    return options !== null && typeof options === "object" ? options.signal : undefined;
  } catch {
    return undefined;
  }
}

function hasFired(signal) {
  try {
    return signal !== null && typeof signal === "object" && signal.aborted === true;
  } catch {
    return false;
  }
}

/**
 * The options as they were when the client was constructed: their own properties copied (into an
 * object without a prototype, so an own `__proto__` stays a property), so that changing the
 * caller's object later does not change a client whose module loads later. The check has read them
 * once already; should a getter throw now, the object itself is kept.
 */
function snapshot(options) {
  if (options === null || typeof options !== "object") return options;
  try {
    const copy = Object.create(null);
    for (const key of Reflect.ownKeys(options)) if (typeof key === "string") copy[key] = options[key];
    return copy;
  } catch {
    return options;
  }
}

/**
 * The main entry's TangoClient and iterator classes.
 * - `load()`: imports the client module (a module namespace with its TangoClient); `loaded`: the
 *   namespace when it is already there (Cloudflare Workers import it up front).
 * - `check(options)`: throws the config TangoError the client's constructor would throw.
 * - `loadError(isCreate, order, signal)`: the rejection when the module cannot be loaded or the
 *   signal fires first (aborted; a create's error carries its key and `mayHaveBeenPlaced: false`).
 * - `methods`: client-methods.js's `lazyMethods()`, each method's options position (`[options,
 *   class]` for an iterator: the wasm's, or a generator the client module writes in JavaScript).
 */
export function makeLazyClient({ load, loaded, check, loadError, methods }) {
  let clientModule = loaded;
  let loading;
  const loadOnce = () => {
    loading ??= Promise.resolve()
      .then(load)
      .then((namespace) => (clientModule = namespace))
      .catch((error) => {
        loading = undefined; // the next call tries again (a chunk that failed to download)
        throw error;
      });
    return loading;
  };

  /** Waits for the module, ending early when `signal` fires; rejects with `loadError`'s error. */
  const whenLoaded = (signal, isCreate, order) =>
    new Promise((resolve, reject) => {
      const fail = () => reject(loadError(isCreate, order, signal));
      if (hasFired(signal)) return fail();
      let listening = false;
      const onAbort = () => fail();
      try {
        if (typeof signal?.addEventListener === "function") {
          signal.addEventListener("abort", onAbort, { once: true });
          listening = true;
        }
      } catch {
        // A look-alike that throws: the client module reports it once the call reaches it.
      }
      const stopListening = () => {
        if (listening) {
          try {
            signal.removeEventListener("abort", onAbort);
          } catch {
            // nothing to undo
          }
        }
      };
      loadOnce().then(
        (namespace) => {
          stopListening();
          resolve(namespace);
        },
        () => {
          stopListening();
          fail();
        },
      );
    });

  const FREED = "tango-orders: this TangoClient was freed";
  // Each client's state, out of sight of its users (a WeakMap rather than #private fields, which
  // some bundlers' older targets do not transform).
  const states = new WeakMap();

  /** The client module's TangoClient for `client`, made on first use. */
  const innerOf = (client, namespace) => {
    const state = states.get(client);
    if (state === undefined || state.freed) throw new Error(FREED);
    state.inner ??= new namespace.TangoClient(state.options);
    return state.inner;
  };

  /** Calls `method` on the client module's client, loading the module first when needed. */
  const call = (client, method, args, optionsAt) => {
    if (clientModule !== undefined) return innerOf(client, clientModule)[method](...args);
    const isCreate = method === "createOrder";
    return whenLoaded(signalOf(args[optionsAt]), isCreate, args[0]).then((namespace) =>
      innerOf(client, namespace)[method](...args),
    );
  };

  class TangoClient {
    /** Throws a `config` TangoError on unusable options, as the client module's constructor does. */
    constructor(options) {
      check(options);
      states.set(this, { options: snapshot(options), inner: undefined, freed: false });
    }

    /** Releases the client's memory in the client module; the client cannot be used afterwards. */
    free() {
      const state = states.get(this);
      if (state === undefined) return;
      const inner = state.inner;
      Object.assign(state, { inner: undefined, freed: true });
      inner?.free();
    }
  }

  for (const [method, optionsAt] of Object.entries(methods)) {
    if (Array.isArray(optionsAt)) continue;
    Object.defineProperty(TangoClient.prototype, method, {
      configurable: true,
      writable: true,
      value: {
        [method](...args) {
          return call(this, method, args, optionsAt);
        },
      }[method],
    });
  }

  // The iterators: the client module's own once it is loaded; before that, one that loads it on
  // its first next() and then creates the real one (an unusable filter or options reject there).
  const iteratorClasses = {};
  for (const [method, iterator] of Object.entries(methods)) {
    if (!Array.isArray(iterator)) continue;
    const className = iterator[1];
    const Iterator = {
      [className]: class {
        constructor(client, filter, options) {
          let started;
          const start = () =>
            (started ??= whenLoaded(signalOf(options), false).then((namespace) => {
              this.inner = innerOf(client, namespace)[method](filter, options);
              return this.inner;
            }));
          Object.defineProperty(this, "start", { value: start });
          Object.defineProperty(this, "inner", { value: undefined, writable: true });
        }
        /** The next item: `{ done, value }`, as the async iterator protocol wants. */
        next() {
          if (this.inner !== undefined) return this.inner.next();
          return this.start().then((inner) => inner.next());
        }
        /** Releases the iterator's memory in the client module (a generator has none to free). */
        free() {
          this.inner?.free?.();
        }
        [Symbol.asyncIterator]() {
          return this;
        }
      },
    }[className];
    iteratorClasses[className] = Iterator;
    Object.defineProperty(TangoClient.prototype, method, {
      configurable: true,
      writable: true,
      value: {
        [method](filter, options) {
          if (clientModule !== undefined) return innerOf(this, clientModule)[method](filter, options);
          if (states.get(this)?.freed !== false) throw new Error(FREED);
          return new Iterator(this, filter, options);
        },
      }[method],
    });
  }

  if (typeof Symbol.dispose === "symbol") {
    TangoClient.prototype[Symbol.dispose] = function () {
      this.free();
    };
  }

  return { TangoClient, ...iteratorClasses };
}
