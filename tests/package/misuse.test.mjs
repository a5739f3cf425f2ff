// Every export called the wrong way: each call returns normally (validators answer with a report;
// the client's async methods always return a promise, and reject rather than throw)
// or throws a TangoError of kind `validation` or `config` (`decode` for a parse* function given a
// string that is not the body it reads) — never a wasm trap or a foreign error —
// and after 10,000 such calls a valid call still works in the same instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tango from "tango-orders";
import { createSimulator } from "tango-orders/sim";

const deep = (depth) => { let v = {}; for (let i = 0; i < depth; i++) v = { a: [v] }; return v; };
const cyclic = () => { const o = { a: 1 }; o.self = o; return o; };
const throwingGetter = () => Object.defineProperty({}, "amount", { enumerable: true, get() { throw new Error("boom"); } });
const throwingProxy = () => new Proxy({}, { ownKeys() { throw new Error("boom"); }, get() { throw new Error("boom"); } });
const validOrder = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 25,
  deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" } };

// Wrong values of every kind JavaScript has.
const hostile = [
  undefined, null, 0, -1, NaN, Infinity, 1e308, true, "", "x".repeat(1_000_000), "\u0000\r\n../%2e%2e%2f?#",
  Symbol("s"), 10n, () => 1, [], [[[]]], new Array(5), deep(5_000), cyclic(), throwingGetter(), throwingProxy(),
  JSON.parse('{"__proto__": {"amount": 5}, "constructor": {"prototype": {}}}'), Object.create(null), new Date(0),
  new Map([["a", 1]]), new Uint8Array(8), Promise.resolve(1), { toJSON() { throw new Error("boom"); } },
];
// A valid order with each field replaced by each wrong value.
for (const key of Object.keys(validOrder)) {
  for (const value of [null, 5, "", [], {}, true, "x".repeat(10_000)]) hostile.push({ ...validOrder, [key]: value });
}

/** Calls fn; a throw must be a TangoError of an allowed kind. Returns what fn returned, if anything. */
function expectContained(fn, kinds = ["validation", "config"]) {
  try {
    return fn();
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `wasm trap: ${error}`);
    assert.equal(error?.name, "TangoError", `not a TangoError: ${error?.name}: ${error?.message}`);
    assert.ok(kinds.includes(error.kind), `kind ${error.kind}`);
    return undefined;
  }
}
async function expectContainedAsync(fn) {
  let pending;
  try {
    pending = fn();
  } catch (error) {
    assert.fail(`an async method threw synchronously instead of rejecting: ${error?.message}`);
  }
  assert.ok(pending instanceof Promise, "an async method did not return a promise");
  try {
    return await pending;
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `wasm trap: ${error}`);
    assert.equal(error?.name, "TangoError", `not a TangoError: ${error?.name}: ${error?.message}`);
    // `api`: some wrong values still make a well-formed request (an unknown ID gets Tango's 404).
    assert.ok(["validation", "config", "api"].includes(error.kind), `kind ${error.kind}`);
  }
}

const functions = ["validateCreateOrder", "validateCreateOrders", "validateOrderFilter", "validateLineItemFilter", "validateOrderResend",
  "validateLineItemResend", "validateLineItemReissue", "validateLineItemUpdate", "normalizeCreateOrder", "parseOrder",
  "parseOrderListPage", "parseLineItem",
  "parseLineItemListPage", "parseOrderResendResult", "parseLineItemResendResult", "parseApiErrorBody",
  "orderSource", "deriveOrderStatus", "isOrderStatusFinal", "isLineItemStatusFinal", "canResendOrder"];

test("every function, every wrong value, as input and as options: contained, 10,000+ calls", () => {
  let calls = 0;
  while (calls < 10_000) {
    for (const name of functions) {
      for (const value of hostile) {
        const kinds = name.startsWith("parse") ? ["validation", "decode"] : ["validation", "config"];
        expectContained(() => tango[name](value), kinds);
        expectContained(() => tango[name](validOrder, value), kinds);
        calls += 2;
      }
    }
  }
  // The instance is still whole.
  assert.deepEqual(tango.validateCreateOrder(validOrder), { valid: true, issues: [] });
  const twice = { ...validOrder, externalRefID: "samekey1" };
  assert.equal(tango.validateCreateOrders([twice, twice]).issues[0].code, "conflict");
  assert.equal(tango.parseOrder('{"referenceOrderID":"RA1"}').referenceOrderID, "RA1");
});

test("the client: wrong constructor options are config errors; wrong arguments to every method are contained", async () => {
  for (const value of hostile) expectContained(() => new tango.TangoClient(value));
  for (const key of ["baseUrl", "platformName", "platformKey", "timeoutMs", "maxRetries", "ordersPerSecond", "fetch", "logger", "token", "environment"]) {
    for (const value of [null, -1, NaN, "", {}, [], "x".repeat(100_000), () => 1, throwingGetter()]) {
      expectContained(() => new tango.TangoClient({ platformName: "demo-platform", platformKey: "demo-key", [key]: value }));
    }
  }
  // Getters and proxies that throw on the options object itself: config errors, not exceptions
  // escaping through the wasm (options are read with serde-wasm-bindgen from a checked copy).
  const throwingOptions = () => [
    Object.defineProperty({}, "timeoutMs", { get() { throw new Error("boom"); }, enumerable: true }),
    new Proxy({}, { ownKeys() { throw new Error("boom"); } }),
    new Proxy({ timeoutMs: 5 }, { get() { throw new Error("boom"); } }),
  ];
  for (const options of throwingOptions()) {
    assert.throws(() => new tango.TangoClient(options), (e) => e.name === "TangoError" && e.kind === "config");
  }
  const sim = createSimulator({ virtualClock: true });
  const client = new tango.TangoClient({ baseUrl: sim.baseUrl, platformName: "demo-platform", platformKey: "demo-key", fetch: sim.fetch });
  for (const options of throwingOptions()) {
    await assert.rejects(client.getOrder("RA1", options), (e) => e.name === "TangoError" && e.kind === "config");
  }
  // A signal look-alike whose `aborted` getter throws after the first read: the call still ends
  // (as not aborted), with Tango's answer.
  let reads = 0;
  const sneaky = { get aborted() { if (reads++ > 0) throw new Error("boom"); return false; }, addEventListener() {}, removeEventListener() {} };
  await assert.rejects(client.getOrder("RA1", { signal: sneaky }), (e) => e.name === "TangoError" && e.kind === "api" && e.status === 404);
  assert.ok(reads > 1, `aborted read ${reads} times`);
  const methods = [
    (v) => client.createOrder(v), (v) => client.getOrder(v), (v) => client.listOrders(v), (v) => client.resendOrder(v),
    (v) => client.resendOrder("RA1", v), (v) => client.listLineItems(v), (v) => client.getLineItem(v),
    (v) => client.resendLineItem(v, {}), (v) => client.cancelLineItem(v, {}), (v) => client.freezeLineItem("RA1-01", v),
    (v) => client.unfreezeLineItem("RA1-01", v), (v) => client.getOrder("RA1", v),
    (v) => client.reissueLineItem(v, {}), (v) => client.reissueLineItem("RA1-01", v), (v) => client.updateLineItem(v, {}),
    (v) => client.updateLineItem("RA1-01", v), (v) => client.getEmbeddedUrl(v), (v) => client.listReasonCodes(v),
    (v) => client.waitForOrder(v), (v) => client.waitForOrder("RA1", v),
    async (v) => { for await (const _ of client.iterateOrders(v)) break; },
    async (v) => { for await (const _ of client.iterateLineItems(v)) break; },
  ];
  let calls = 0;
  for (const method of methods) {
    for (const value of hostile) {
      if (typeof value === "object" && value !== null && "deliveryMethod" in value && method === methods[0]) continue; // may be a valid order
      await expectContainedAsync(() => method(value));
      calls++;
    }
  }
  assert.ok(calls > 300, `${calls} calls`);
  // Still whole: a valid create goes through.
  const result = await client.createOrder(validOrder);
  assert.match(result.order.referenceOrderID, /^RA/);
});

test("tango-orders/validate: every validator, every wrong value, as input and as options", async () => {
  const lean = await import("tango-orders/validate");
  const validators = ["validateCreateOrder", "validateCreateOrders", "validateOrderFilter", "validateLineItemFilter", "validateOrderResend",
    "validateLineItemResend", "validateLineItemReissue", "validateLineItemUpdate", "normalizeCreateOrder"];
  for (let round = 0; round < 5; round++) {
    for (const name of validators) {
      for (const value of hostile) {
        expectContained(() => lean[name](value));
        expectContained(() => lean[name](validOrder, value));
      }
    }
  }
  assert.deepEqual(lean.validateCreateOrder(validOrder), { valid: true, issues: [] });
});

test("the CSV functions, from both entries: every wrong value contained, every hostile file a report", async () => {
  const csvEntry = await import("tango-orders/csv");
  const calls = [tango.validateOrdersCsv, tango.ordersFromCsv, csvEntry.validateOrdersCsv, csvEntry.ordersFromCsv];
  for (const call of calls) {
    for (const value of hostile) {
      await expectContainedAsync(() => call(value));
      await expectContainedAsync(() => call("amount\n5\n", value));
    }
  }
  // Files no one should write: each still answers with a report (or the rows, as read).
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const bytes = (n, alphabet) => Uint8Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]);
  const files = [
    '"', '""', '"""', "\r", "\r\r\n\n", ",", ",,,\n,,,", "\u0000,\u0000\n\u0000", "amount\n" + '"'.repeat(10_001),
    "a,".repeat(20_000) + "\n" + "1,".repeat(20_000), "amount\n" + "x".repeat(1_000_000), "\ufeff\ufeffamount\n5",
    Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x0a, 0]), Uint8Array.from([0xef, 0xbb]), new Uint8Array(0),
    ...Array.from({ length: 40 }, () => bytes(2_000, [0x22, 0x2c, 0x0a, 0x0d, 0x61, 0x20, 0xc3, 0xa9, 0xff, 0x35, 0x2e])),
  ];
  for (const file of files) {
    for (const call of calls) {
      const answer = await call(file);
      assert.ok(Array.isArray(answer) || (typeof answer.valid === "boolean" && Array.isArray(answer.issues)));
    }
  }
  // The instances are whole.
  for (const call of [tango.validateOrdersCsv, csvEntry.validateOrdersCsv]) {
    assert.equal((await call("amount\n0\n")).issues.find((i) => i.path === "amount").code, "out_of_range");
  }
});
