// The package's parse* functions: the engine's JSON.parse, then each model checked and copied by
// the description the Rust models give of themselves (src/describe.rs, written into
// models.js when the package is built). A body the fast path cannot settle (a wrong type, a
// missing field, nesting past 120) is walked again to find where, and the error is worded by the
// wasm of the first load (`decodeError`), as the Rust decoder words it. No typed Rust decoder is
// needed: they live in the client module, which a page loads only when it uses the client.
//
// Why not the wasm decoder: it read the body, built the models, wrote them out as JSON and had
// JSON.parse read that, about three times the time of JSON.parse; this is JSON.parse and one copy.
// tests/package/decode.test.mjs holds this to the Rust decoder's answers, body by body.

/** Thrown inside a decoder: this body takes the slow path. Not an Error: nothing to capture. */
const DEFER = Object.freeze({ defer: true });
const hasOwn = Object.prototype.hasOwnProperty;
/** serde_json stops at 128 levels; deeper than this, the wasm's reading of the text decides. */
const MAX_DEPTH = 120;
/** The depth the decoders stop at: MAX_DEPTH, or none for a body serde_json was seen to read. */
let maxDepth = MAX_DEPTH;
const MAX_EXACT = 9007199254740991;

/** What each scalar kind accepts: the fast decoders and the locator check the same things. */
const SCALAR = {
  s: (v) => typeof v === "string",
  n: (v) => typeof v === "number" && Number.isFinite(v),
  // A whole number however written (10, 10.0, 1e1), as the Rust models' lenient integers read it.
  i: (v) => Number.isInteger(v) && Math.abs(v) <= MAX_EXACT,
  b: (v) => typeof v === "boolean",
};
const str = (v) => {
  if (!SCALAR.s(v)) throw DEFER;
  return v;
};
const num = (v) => {
  if (!SCALAR.n(v)) throw DEFER;
  return v;
};
// Written back as an integer, so -0 becomes 0.
const int = (v) => {
  if (!SCALAR.i(v)) throw DEFER;
  return v === 0 ? 0 : v;
};
const bool = (v) => {
  if (!SCALAR.b(v)) throw DEFER;
  return v;
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
  if (depth > maxDepth) throw DEFER;
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
 * and the rest. `hooks.decodeError(body, path, missing)` makes their errors (see first_load.rs).
 * The decoders are compiled on the first parse, not on import: importing the package is part of
 * every cold start, and most pages and scripts parse nothing (about 0.7 ms in Node).
 */
export function makeParsers(description, hooks) {
  let compiled;
  const parsers = {};
  for (const name of Object.keys(description.parsers)) {
    parsers[name] = function (body) {
      compiled ??= compileParsers(description, hooks);
      return compiled[name](body);
    };
  }
  return parsers;
}

/** The decoders themselves (see makeParsers). */
function compileParsers(description, hooks) {
  const models = new Map();
  const kindOf = (kind) => {
    switch (kind) {
      case "s": return str;
      case "n": return num;
      case "i": return int;
      case "b": return bool;
      case "a": return any;
      case "x": throw new Error("tango-orders: models.js has a kind only the Rust decoder can decide");
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
        if (!Array.isArray(v) || depth > maxDepth) throw DEFER;
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
        if (!isObject(v) || depth > maxDepth) throw DEFER;
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
      if (!isObject(v) || depth > maxDepth) throw DEFER;
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
      if (!isObject(v) || depth > maxDepth) throw DEFER;
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

  const locate = makeLocator(description);
  const parsers = {};
  for (const [parser, model] of Object.entries(description.parsers)) {
    const decode = models.get(model);
    parsers[parser] = function (body) {
      if (typeof body !== "string") throw hooks.decodeError(body, undefined, false);
      const text = readAsRust(body);
      let value;
      try {
        value = JSON.parse(text);
      } catch {
        // The wasm's reading of the text, for serde_json's position; a text JSON.parse refuses and
        // serde_json reads would be a bug of one of them, said as a body of the wrong shape.
        throw hooks.decodeError(text, undefined, false) ?? hooks.decodeError(text, "", false);
      }
      try {
        return decode(value, 0);
      } catch (error) {
        if (error !== DEFER) throw error;
      }
      return slowPath(text, model, decode, locate, hooks);
    };
  }
  return parsers;
}

/**
 * A body the fast path did not settle: find the first problem as serde would meet it and throw
 * its error; a body only nested deeper than the fast path goes is decoded once more without that
 * limit when serde_json reads it.
 */
function slowPath(text, model, decode, locate, hooks) {
  const problem = locate(model, JSON.parse(text));
  if (problem === DEEP) {
    const error = hooks.decodeError(text, undefined, false);
    if (error !== undefined) throw error;
    maxDepth = Infinity;
    try {
      return decode(JSON.parse(text), 0);
    } catch (error) {
      if (error !== DEFER) throw error;
      const deeper = locate(model, JSON.parse(text));
      throw hooks.decodeError(text, deeper?.path ?? "", deeper?.missing ?? false);
    } finally {
      maxDepth = MAX_DEPTH;
    }
  }
  // A number past the double's range: JSON.parse made it Infinity, serde_json refuses the text.
  if (typeof problem?.value === "number") {
    const error = hooks.decodeError(text, undefined, false);
    if (error !== undefined) throw error;
  }
  throw hooks.decodeError(text, problem?.path ?? "", problem?.missing ?? false);
}

/** Where the first problem is (as serde meets them: present fields in the text's order, then the
 * missing ones), as `{ path, missing }`; DEEP past maxDepth; undefined when there is none. */
const DEEP = Object.freeze({ deep: true });

function makeLocator(description) {
  const join = (path, key) => (path === "" ? key : `${path}.${key}`);
  const fieldsOf = new Map();
  for (const [name, fields] of Object.entries(description.models)) {
    fieldsOf.set(name, new Map(fields.map(([field, kind, flags]) => [field, { kind, required: flags.includes("r") }])));
  }
  const wrong = (path, value) => ({ path, missing: false, value });
  const walk = (kind, v, path, depth) => {
    if (typeof kind === "string" && hasOwn.call(SCALAR, kind)) {
      return SCALAR[kind](v) ? undefined : wrong(path, v);
    }
    switch (kind) {
      case "a": {
        if (v === null || typeof v === "string" || typeof v === "boolean") return undefined;
        if (typeof v === "number") return SCALAR.n(v) ? undefined : wrong(path, v);
        if (depth > maxDepth) return DEEP;
        for (const [key, inner] of Object.entries(v)) {
          const found = walk("a", inner, Array.isArray(v) ? `${path}[${key}]` : join(path, key), depth + 1);
          if (found !== undefined) return found;
        }
        return undefined;
      }
    }
    if (typeof kind === "string") {
      if (!isObject(v)) return wrong(path, v);
      if (depth > maxDepth) return DEEP;
      const fields = fieldsOf.get(kind);
      for (const key of Object.keys(v)) {
        const field = fields.get(key);
        if (field === undefined || v[key] === null && !field.required) continue;
        const found = walk(field.kind, v[key], join(path, key), depth + 1);
        if (found !== undefined) return found;
      }
      for (const [key, field] of fields) if (field.required && !hasOwn.call(v, key)) return { path: join(path, key), missing: true };
      return undefined;
    }
    if (kind.l !== undefined) {
      if (!Array.isArray(v)) return wrong(path, v);
      if (depth > maxDepth) return DEEP;
      for (let i = 0; i < v.length; i++) {
        const found = walk(kind.l, v[i], `${path}[${i}]`, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (!isObject(v)) return wrong(path, v);
    if (depth > maxDepth) return DEEP;
    for (const key of Object.keys(v)) {
      const found = walk(kind.m, v[key], join(path, key), depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return (model, value) => walk(model, value, "", 0);
}

/** An escape of a surrogate pair, of one surrogate alone, or any other escape (kept as is). */
const ESCAPES = /\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\[^]/g;

/**
 * The text as the Rust decoder reads it: an unpaired surrogate in the text itself becomes U+FFFD
 * (the text's way into the wasm, TextEncoder, does that), and so does an escape of one
 * (`"\\ud800"`, which serde_json refuses and the Rust decoder repairs; JSON.parse keeps it).
 */
function readAsRust(text) {
  if (!(hasIsWellFormed ? text.isWellFormed() : !LONE_SURROGATE.test(text))) {
    text = hasIsWellFormed ? text.toWellFormed() : text.replace(LONE_SURROGATES, "\ufffd");
  }
  if (text.indexOf("\\u") < 0 || !SURROGATE_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (escape) => (escape.length === 6 && escape[1] === "u" ? "\\ufffd" : escape));
}

const hasIsWellFormed = typeof "".isWellFormed === "function";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");
