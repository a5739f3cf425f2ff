// The parse* functions (JSON.parse, checked against the models' description in models.js) give
// what the Rust decoder gives — the same values, in the same key order, or an error where it fails
// (the same message for text that is not JSON; for a wrong shape, a `decode` error with the path)
// — on Tango's documented bodies, bodies from the simulator (line items too), and thousands of
// mutations of them: every value replaced by every JSON type, keys dropped, added, repeated and
// reordered, surrogates, prototype keys, deep nesting. The Rust decoders are the exports of the
// wasm-parsers module, which the build writes beside the package and does not ship (no entry uses
// them: the client decodes its answers with decode.js too).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as api from "tango-orders";
import { createSimulator } from "tango-orders/sim";

// The Rust decoders: the wasm-parsers module's exports (pkg/wasm-parsers/, TANGO_PARSERS_DIR).
const parsersDir = process.env.TANGO_PARSERS_DIR;
const wasm = await import(join(parsersDir, "tango_orders_parsers.js"));
wasm.initSync({ module: readFileSync(join(parsersDir, "tango_orders_parsers_bg.wasm")) });
const PARSERS = Object.keys(api).filter((name) => /^parse[A-Z]/.test(name));

function outcome(parse, text) {
  try {
    const value = parse(text);
    return { value, text: JSON.stringify(value) };
  } catch (error) {
    return { error: `${error?.kind}: ${error?.message}` };
  }
}

/** The value at a path as the errors write it (`orders[1].recipient`), or undefined. */
function valueAt(root, path) {
  if (path === "") return root;
  let value = root;
  for (const [, key, index] of path.matchAll(/\.?([^.[\]]+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[index ?? key];
  }
  return value;
}

/**
 * The one documented difference: where a model's object belongs, an array is refused by parse*,
 * while serde's derived decoders read it positionally (a struct's sequence form, which no Tango
 * body uses); when every field may be absent, `[]` reads as `{}`.
 */
let arraysForModels = 0;
function arrayForModel(text, error, decoded) {
  const path = /^decode: `([^`]*)` has an unexpected type or value$/.exec(error)?.[1]
    ?? (error === "decode: the body does not have the expected shape" ? "" : undefined);
  if (path === undefined) return false;
  const sent = valueAt(JSON.parse(text), path), read = valueAt(decoded, path);
  return Array.isArray(sent) && read !== null && typeof read === "object" && !Array.isArray(read);
}

/** Asserts the package's parser and the Rust decoder agree on `text`; returns whether it decoded. */
function agree(parser, text, what) {
  const ours = outcome(api[parser], text);
  const theirs = outcome(wasm[parser], text);
  if (theirs.error === undefined && ours.error !== undefined && arrayForModel(text, ours.error, theirs.value)) {
    arraysForModels++;
    return false;
  }
  if (theirs.error !== undefined || ours.error !== undefined) {
    const where = `${parser} on ${what}: ${text.slice(0, 300)}`;
    assert.ok(ours.error !== undefined && theirs.error !== undefined, `${where}: ours ${ours.error ?? ours.text}, Rust ${theirs.error ?? theirs.text}`);
    assert.equal(ours.error.split(":")[0], theirs.error.split(":")[0], where); // the kind
    // Text that is not JSON: the Rust decoder's own words (serde_json's position).
    if (/not valid JSON|ends too early/.test(theirs.error)) assert.equal(ours.error, theirs.error, where);
    else assert.match(ours.error, /^(decode: `[^`]*` (has an unexpected type or value|is missing)|decode: the body does not have the expected shape|validation: body must be a string)$/, where);
    return false;
  }
  assert.equal(ours.text, theirs.text, `${parser} on ${what}: ${text.slice(0, 300)}`);
  assert.deepStrictEqual(ours.value, theirs.value, `${parser} on ${what} (-0, prototypes)`);
  return true;
}

async function simulatorBodies() {
  const sim = createSimulator({ virtualClock: true });
  const headers = { authorization: "Basic " + btoa(`${sim.platformName}:${sim.platformKey}`), "content-type": "application/json" };
  const text = async (path, init) => (await sim.fetch(`${sim.baseUrl}${path}`, { headers, ...init })).text();
  const bodies = [];
  for (const [i, extra] of [
    { deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" }, message: "Thanks!", customFields: { team: "x", "10": 1, "9": [null, { b: 1, a: 2 }] } },
    { utid: "U000002", deliveryMethod: "ADDRESS", recipient: { firstName: "Ada", lastName: "Lovelace", address: { streetLine1: "12 Main St", city: "Springfield", stateOrProvince: "IL", postalCode: "62701", country: "US" } } },
    { deliveryMethod: "NONE" },
  ].entries()) {
    sim.advanceTime(2_000);
    const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 10, externalRefID: `dec${i}`, ...extra };
    const created = await text("/orders", { method: "POST", body: JSON.stringify(order) });
    bodies.push(created);
    const id = JSON.parse(created).referenceOrderID;
    if (id) bodies.push(await text(`/orders/${id}`));
  }
  bodies.push(await text("/orders?elementsPerBlock=5"));
  const items = await text("/lineItems?elementsPerBlock=5");
  bodies.push(items);
  for (const item of JSON.parse(items).lineItems ?? []) bodies.push(await text(`/lineItems/${item.referenceLineItemID}`));
  bodies.push(await text("/orders/RA000000-0000-00"), await text("/nope"));
  return bodies;
}

const seedsDir = process.env.TANGO_DECODE_SEEDS;
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".json")).map((f) => readFileSync(join(seedsDir, f), "utf8"));
const bodies = [...seeds, ...(await simulatorBodies())];

test("every parser agrees with the wasm on every documented and simulated body", () => {
  assert.equal(PARSERS.length, 7);
  assert.ok(bodies.length >= 20, `${bodies.length} bodies`);
  let decoded = 0;
  for (const body of bodies) for (const parser of PARSERS) if (agree(parser, body, "a body")) decoded++;
  assert.ok(decoded > 40, `only ${decoded} decoded: the cases would not show much`);
});

/** Every path in a value, with a function that returns a copy with something else there. */
function* places(value, path = []) {
  yield path;
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) yield* places(inner, [...path, Array.isArray(value) ? Number(key) : key]);
  }
}
function replaced(root, path, make) {
  const copy = structuredClone(root);
  if (path.length === 0) return make(copy);
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path.at(-1);
  const next = make(parent[last]);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(last, 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}
const REPLACEMENTS = [
  () => null, () => true, () => 0, () => -0, () => 1.5, () => 10, () => -7, () => 2 ** 53 + 2, () => "x", () => "",
  () => "DISPATHCED", () => "NOT DELIVERED", () => [], () => ({}), () => [null], () => ({ k: null }), () => [1, "a"],
  () => undefined, // removed
  (v) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, extraField: 1 } : v),
  (v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v),
  (v) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, ["__proto__"]: { polluted: true } } : v),
  (v) => (v && typeof v === "object" && !Array.isArray(v) ? { "2": "two", ...v, "1": "one" } : v),
];

test("thousands of mutations: the same value, key order, or error as the wasm", () => {
  let cases = 0, decoded = 0;
  for (const body of bodies) {
    let root;
    try { root = JSON.parse(body); } catch { continue; }
    // The parsers that read this body, for mutations inside it; every parser for the whole.
    const readers = PARSERS.filter((parser) => outcome(wasm[parser], body).error === undefined);
    for (const path of places(root)) {
      for (const make of REPLACEMENTS) {
        const text = JSON.stringify(replaced(root, path, make)) ?? "null";
        for (const parser of path.length === 0 ? PARSERS : readers) {
          cases++;
          if (agree(parser, text, `${JSON.stringify(path)}`)) decoded++;
        }
      }
    }
  }
  assert.ok(cases > 5_000, `${cases} cases`);
  // The difference stays an edge: arrays in a model's place that serde happened to read.
  assert.ok(arraysForModels < cases / 50, `${arraysForModels} arrays read as models of ${cases}`);
  assert.ok(decoded > 1_000 && decoded < cases, `${decoded} of ${cases} decoded`);
});

test("text JSON.parse and the Rust decoder read differently is read as the Rust decoder reads it", () => {
  const order = seeds.find((s) => s.includes('"referenceOrderID"') && !s.includes('"orders"'));
  const texts = [
    order.replace('"referenceOrderID"', '"status":"NOPE","status":"PENDING","referenceOrderID"'), // a repeated key
    order.replace('"referenceOrderID":"', '"referenceOrderID":"\\ud800'), // an unpaired surrogate escape
    order.replace('"referenceOrderID":"', '"referenceOrderID":"\\uD83D\\uDE00'), // a paired one
    order.replace('"referenceOrderID":"', '"referenceOrderID":"\ud800'), // an unpaired surrogate in the text itself
    "\ufeff" + order, " \n" + order + "\n ", order + "x", order.slice(0, -3), "", "nul", "[]", "{}", "1e400",
    order.replace(/}\s*$/, ',"customFields":' + "[".repeat(200) + "]".repeat(200) + "}"),
    '{"page":{"number":1e400},"orders":[]}', '{"page":{"number":-0.0},"orders":[]}', '{"page":{"number":1e1},"orders":[]}',
    '{"page":{"number":9007199254740993},"orders":[]}', '{"orders":null}', '{"orders":[null]}',
    // Any JSON (a reward's legacy credentials, an error's code) keeps its nulls and is written with
    // its keys sorted, by code point: UTF-16 order differs for characters above U+D7FF, past the
    // first character too.
    '{"reward":{"credentials":{"b":1,"a":{"d":null,"c":1}}}}', '{"reward":{"credentials":{"a":{"c":1,"d":null},"b":[null,{"y":1,"x":2}]}}}',
    '{"reward":{"credentials":{"\ud83d\ude00":1,"\uffff":2,"a":3}}}',
    '{"reward":{"credentials":{"a\ud83d\ude00":1,"a\uffff":2}}}', '{"reward":{"credentials":{"a\uffff":2,"a\ud83d\ude00":1}}}',
    '{"reward":{"credentials":{"10":1,"9":2,"a":3}}}', '{"errors":[{"code":{"z":1,"__proto__":{"x":1}},"errorCodeValue":[3,{"b":1,"a":0}]}]}',
    '{"orders":[{"duplicateLineItemRefIds":{}}]}',
  ];
  for (const text of texts) for (const parser of PARSERS) agree(parser, text, "odd text");
  for (const notText of [undefined, null, 42, {}, ["{}"]]) for (const parser of PARSERS) {
    assert.throws(() => api[parser](notText), (e) => e.kind === "validation" || e.kind === "decode", parser);
  }
});

test("a clean body is decoded without a copy of every object, and unknown fields still go", () => {
  const body = bodies.find((b) => b.includes('"orders"') && b.includes('"referenceOrderID"'));
  const page = api.parseOrderListPage(body);
  assert.ok(page.orders.length > 0);
  const withExtra = JSON.parse(body);
  withExtra.orders[0].notInTheModel = "x";
  withExtra.orders[0].recipient = { ...withExtra.orders[0].recipient, alsoNot: 1 };
  const read = api.parseOrderListPage(JSON.stringify(withExtra));
  assert.equal("notInTheModel" in read.orders[0], false);
  assert.equal("alsoNot" in (read.orders[0].recipient ?? {}), false);
  assert.equal(Object.getPrototypeOf(read.orders[0]), Object.prototype);
});
