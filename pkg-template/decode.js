// The package's parse* functions: the engine's JSON.parse, then each model checked and copied by
// the description the Rust models give of themselves (src/model/describe.rs, written into
// models.js when the package is built). A body the description cannot decide exactly as the Rust
// decoder would (a wrong type, a value it rewrites by rules of its own, text JSON.parse reads
// differently) is handed to the wasm decoder, which gives the answer or the error with its path.
//
// Why not the wasm alone: it read the body, built the models, wrote them out as JSON and had
// JSON.parse read that, about three times the time of JSON.parse; this is JSON.parse and one copy.

/** Thrown inside a decoder: this body goes to the wasm. Not an Error: nothing to capture. */
const DEFER = Object.freeze({ defer: true });
const hasOwn = Object.prototype.hasOwnProperty;
/** serde_json stops at 128 levels; deeper than this, the wasm decides. */
const MAX_DEPTH = 120;
const MAX_EXACT = 9007199254740991;

const str = (v) => {
  if (typeof v !== "string") throw DEFER;
  return v;
};
const num = (v) => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw DEFER;
  return v;
};
// A whole number however written (10, 10.0, 1e1), as the Rust models' lenient integers read it;
// written back as an integer, so -0 becomes 0.
const int = (v) => {
  if (!Number.isInteger(v) || Math.abs(v) > MAX_EXACT) throw DEFER;
  return v === 0 ? 0 : v;
};
const bool = (v) => {
  if (typeof v !== "boolean") throw DEFER;
  return v;
};
const defer = () => {
  throw DEFER;
};

const ABOVE_D7FF = /[\uD800-\uFFFF]/;

/** Orders keys as Rust's BTreeMap<String, _> does: by UTF-8 bytes, which is code point order. */
function sortedKeys(object) {
  const keys = Object.keys(object);
  // UTF-16 order (the default) differs from code point order only above U+D7FF.
  if (keys.some((k) => ABOVE_D7FF.test(k))) keys.sort(byCodePoint);
  else keys.sort();
  return keys;
}
function byCodePoint(a, b) {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
/** Sets a key as JSON.parse does: an own property, even when it is "__proto__". */
function put(object, key, value) {
  if (key === "__proto__") Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Any JSON (serde_json::Value, whose objects are BTreeMaps): nulls kept, object keys in sorted
 * order. In place where JSON.parse's object already has them so (credentials, most custom fields),
 * else copied in that order.
 */
function any(v, depth) {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return num(v);
  if (depth > MAX_DEPTH) throw DEFER;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i], y = any(x, depth + 1);
      if (y !== x) v[i] = y;
    }
    return v;
  }
  if (keysInOrder(v)) {
    for (const key in v) {
      const x = v[key], y = any(x, depth + 1);
      if (y !== x) v[key] = y;
    }
    return v;
  }
  const out = {};
  for (const key of sortedKeys(v)) put(out, key, any(v[key], depth + 1));
  return out;
}

/** Whether an object's own keys, as for-in lists them, are already in BTreeMap order. */
function keysInOrder(object) {
  let previous;
  for (const key in object) {
    // An inherited key (something added to Object.prototype), or one where UTF-16 order and
    // code point order may differ: the copy decides.
    if (!hasOwn.call(object, key) || ABOVE_D7FF.test(key)) return false;
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
  }
  return true;
}

/**
 * Decoders for a description ({ parsers, models }, from models.js): `parsers.parseOrder(text)`
 * and the rest, each falling back to the wasm's own export of the same name in `strict`.
 */
export function makeParsers(description, strict) {
  const models = new Map();
  const kindOf = (kind) => {
    switch (kind) {
      case "s": return str;
      case "n": return num;
      case "i": return int;
      case "b": return bool;
      case "a": return any;
      case "x": return defer;
    }
    if (typeof kind === "string") {
      if (!hasOwn.call(description.models, kind)) throw new Error(`tango-orders: models.js has no ${kind}`);
      return (v, depth) => models.get(kind)(v, depth); // looked up late: a model may hold itself
    }
    if (kind.l !== undefined) {
      // Every decoder but `any` refuses null, so a list of any JSON keeps its nulls and others defer.
      const item = kindOf(kind.l);
      // In place: the array is JSON.parse's, made for this call and seen by no one else.
      return (v, depth) => {
        if (!Array.isArray(v) || depth > MAX_DEPTH) throw DEFER;
        for (let i = 0; i < v.length; i++) {
          const x = v[i];
          const y = item(x, depth + 1);
          if (y !== x || y === 0) v[i] = y;
        }
        return v;
      };
    }
    if (kind.m !== undefined) {
      const value = kindOf(kind.m);
      return (v, depth) => {
        if (!isObject(v) || depth > MAX_DEPTH) throw DEFER;
        const out = {};
        for (const key of sortedKeys(v)) {
          put(out, key, value(v[key], depth + 1));
        }
        return out;
      };
    }
    throw new Error(`tango-orders: models.js has an unknown kind ${JSON.stringify(kind)}`);
  };
  const compileModel = (fields) => {
    const compiled = fields.map(([name, kind, flags, absent, rewrites]) => {
      // Read as own properties of JSON.parse's objects: a name Object.prototype also has
      // ("constructor") would read the prototype's when absent.
      if (name in Object.prototype) throw new Error(`tango-orders: a field named ${name} needs an own-property read`);
      return {
        name,
        decode: kindOf(kind),
        required: flags.includes("r"),
        written: flags.includes("w"),
        absent: absent === undefined || absent === null ? undefined : JSON.stringify(absent),
        rewrites: rewrites ?? null,
      };
    });
    // A copy with the fields in the model's order, absent ones as the model writes them.
    const copy = (v, depth) => {
      if (!isObject(v) || depth > MAX_DEPTH) throw DEFER;
      const out = {};
      for (let i = 0; i < compiled.length; i++) {
        const field = compiled[i];
        // Own properties only: a field Object.prototype was given by other code does not count.
        let x = hasOwn.call(v, field.name) ? v[field.name] : undefined;
        if (x === undefined || x === null) {
          if (field.required) throw DEFER;
          if (field.absent !== undefined && field.written) out[field.name] = JSON.parse(field.absent);
          continue;
        }
        x = field.decode(x, depth + 1);
        if (field.rewrites !== null && hasOwn.call(field.rewrites, x)) x = field.rewrites[x];
        if (field.written) out[field.name] = x;
      }
      return out;
    };
    // The common case without a copy: JSON.parse's object already holds only fields the model
    // writes, in its order, none null and none it would fill in when absent. Values are checked
    // (and, where the model rewrites one, replaced) in place; anything else is the copy's job.
    // (A copy after part of this ran reads the same: every decoder gives back what it is given
    // when that is already decoded.)
    return (v, depth) => {
      if (!isObject(v) || depth > MAX_DEPTH) throw DEFER;
      let next = 0;
      for (const key in v) {
        let i = next;
        while (i < compiled.length && compiled[i].name !== key) i++;
        if (i === compiled.length) return copy(v, depth); // unknown, or out of the model's order
        for (let j = next; j < i; j++) if (compiled[j].absent !== undefined) return copy(v, depth);
        const field = compiled[i];
        next = i + 1;
        const x = v[key];
        if (x === null || !field.written) return copy(v, depth);
        let y = field.decode(x, depth + 1);
        if (field.rewrites !== null && hasOwn.call(field.rewrites, y)) y = field.rewrites[y];
        if (y !== x || y === 0) v[key] = y;
      }
      for (let j = next; j < compiled.length; j++) if (compiled[j].absent !== undefined) return copy(v, depth);
      return v;
    };
  };
  for (const [name, fields] of Object.entries(description.models)) models.set(name, compileModel(fields));

  const parsers = {};
  for (const [parser, model] of Object.entries(description.parsers)) {
    const wasmParser = strict[parser];
    if (typeof wasmParser !== "function") throw new Error(`tango-orders: the wasm has no ${parser}`);
    const decode = models.get(model);
    parsers[parser] = function (body) {
      if (typeof body !== "string" || mayReadDifferently(body)) return wasmParser(body);
      let value;
      try {
        value = decode(JSON.parse(body), 0);
      } catch {
        // DEFER, a SyntaxError, or anything else: the wasm's answer is the package's answer.
        return wasmParser(body);
      }
      return value;
    };
  }
  return parsers;
}

const hasIsWellFormed = typeof "".isWellFormed === "function";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Whether JSON.parse and the Rust decoder may read the text differently: a `\uD8xx`-style escape
 * (serde_json reads an unpaired one as U+FFFD, JSON.parse keeps it), or an unpaired surrogate in
 * the text itself (which the text's way into the wasm turns into U+FFFD).
 */
function mayReadDifferently(text) {
  if (text.indexOf("\\u") >= 0 && SURROGATE_ESCAPE.test(text)) return true;
  return hasIsWellFormed ? !text.isWellFormed() : LONE_SURROGATE.test(text);
}
