// The main entry's client is constructed at once and its module (the Rust client) is imported on
// the first call: waits for that module honour the signal, a create's error still carries its key,
// a module that fails to load is a retryable `network` error that sends nothing, every client
// shares one load, and the client reads its options as they were when it was made.
// The tests run in order in one process: the first ones before anything has loaded the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { TangoClient } from "tango-orders";
import { createSimulator } from "tango-orders/sim";

const packageDir = join(createRequire(import.meta.url).resolve("tango-orders"), "..");

/** lazy-client.js with its hooks from an instance of the first-load module of its own: both from
 * the repository (the package bundles them into each entry), the module the one the package ships. */
async function lazyClientParts() {
  const { makeLazyClient: make } = await import(join(process.env.TANGO_TEMPLATE_DIR, "lazy-client.js"));
  const { lazyMethods } = await import(join(process.env.TANGO_TEMPLATE_DIR, "client-methods.js"));
  const makeLazyClient = (hooks) => make({ ...hooks, methods: lazyMethods() });
  const glue = await import(join(process.env.TANGO_BUILT_DIR, "wasm-main", "tango_orders_main.js"));
  glue.initSync({ module: readFileSync(join(packageDir, "wasm-main", "tango_orders_main_bg.wasm")) });
  return { makeLazyClient, glue };
}
const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 5, deliveryMethod: "NONE" };

function simClient(extra = {}) {
  const sim = createSimulator({ virtualClock: false });
  const options = { baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey, fetch: sim.fetch, ...extra };
  return { sim, options, client: new TangoClient(options) };
}

test("before the module has loaded: an aborted signal ends the wait, a create's error keeps its key", async () => {
  const { client } = simClient();
  const reason = new Error("user left");
  const aborted = AbortSignal.abort(reason);
  const create = await client.createOrder({ ...order, externalRefID: "lazy1" }, { signal: aborted }).then(
    () => assert.fail("resolved"), (e) => e);
  assert.equal(create.kind, "aborted");
  assert.equal(create.name, "AbortError");
  assert.equal(create.cause, reason);
  assert.equal(create.externalRefID, "lazy1");
  assert.equal(create.mayHaveBeenPlaced, false);
  // Without a key of its own, the one it would have had.
  const keyless = await client.createOrder(order, { signal: aborted }).catch((e) => e);
  assert.match(keyless.externalRefID, /\S{8,}/);
  assert.equal(keyless.mayHaveBeenPlaced, false);
  const get = await client.getOrder("RA000000-0000-01", { signal: aborted }).catch((e) => e);
  assert.equal(get.kind, "aborted");
  assert.equal(get.name, "AbortError");
  // A signal that fires while the module loads.
  const controller = new AbortController();
  const pending = client.getOrder("RA000000-0000-01", { signal: controller.signal });
  controller.abort(reason);
  const during = await pending.catch((e) => e);
  assert.equal(during.kind, "aborted");
  assert.equal(during.cause, reason);
});

test("before the module has loaded: an iterator with unusable options rejects on its first next()", async () => {
  const { client } = simClient();
  const iterator = client.iterateOrders(undefined, { signal: "not a signal" });
  await assert.rejects(iterator.next(), (e) => e.kind === "config" && /signal/.test(e.message));
  // A usable one walks the orders.
  const { client: other, sim } = simClient();
  for (const id of ["it1", "it2"]) {
    await other.createOrder({ ...order, externalRefID: id });
    sim.advanceTime?.(1_000);
  }
  const seen = [];
  for await (const placed of other.iterateOrders({ elementsPerBlock: 1 })) seen.push(placed.externalRefID);
  assert.deepEqual(seen.sort(), ["it1", "it2"]);
});

test("once the module is there, iterate* throws unusable options at once, as before", () => {
  const { client } = simClient();
  assert.throws(() => client.iterateOrders(undefined, { signal: "not a signal" }), (e) => e.kind === "config");
});

test("unusable options throw from the constructor; the client reads its options as they were", async () => {
  assert.throws(() => new TangoClient({ baseUrl: "not a url", platformName: "p", platformKey: "k" }), (e) => e.kind === "config");
  assert.throws(() => new TangoClient({ timeoutMs: -1 }), (e) => e.kind === "config");
  const { options, client } = simClient();
  options.baseUrl = "http://127.0.0.1:9/nowhere";
  options.fetch = () => Promise.reject(new Error("the caller's object changed after the client was made"));
  const { order: placed, created } = await client.createOrder({ ...order, externalRefID: "snap1" });
  assert.equal(created, true);
  assert.equal(placed.externalRefID, "snap1");
});

test("a module that cannot be loaded: a retryable network error, nothing sent, and the next call loads again", async () => {
  const { makeLazyClient, glue } = await lazyClientParts();
  let loads = 0;
  let available = false;
  const lazy = makeLazyClient({
    load: () => {
      loads++;
      return available ? import(join(packageDir, "client.node.js")) : Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
    },
    check: glue.__checkClientOptions,
    loadError: glue.__clientLoadError,
  });
  const sim = createSimulator({ virtualClock: false });
  let sent = 0;
  const client = new lazy.TangoClient({
    baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey,
    fetch: (request) => (sent++, sim.fetch(request)),
  });
  const error = await client.createOrder({ ...order, externalRefID: "offline1" }).catch((e) => e);
  assert.ok(error instanceof Error);
  assert.equal(error.kind, "network");
  assert.equal(error.retryable, true);
  assert.equal(error.externalRefID, "offline1");
  assert.equal(error.mayHaveBeenPlaced, false);
  assert.equal(sent, 0);
  const read = await client.listOrders().catch((e) => e);
  assert.equal(read.kind, "network");
  assert.equal(loads, 2, "each call after a failed load tries again");
  available = true;
  const { created } = await client.createOrder({ ...order, externalRefID: "offline1" });
  assert.equal(created, true);
  assert.equal(loads, 3);
  // Clients made with this lazy client share that one load.
  const second = new lazy.TangoClient({ baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey, fetch: sim.fetch });
  await Promise.all([second.listOrders(), client.listOrders(), second.getOrder((await client.listOrders()).orders[0].referenceOrderID)]);
  assert.equal(loads, 3);
});

test("concurrent first calls of many clients load the module once", async () => {
  const { makeLazyClient, glue } = await lazyClientParts();
  let loads = 0;
  const lazy = makeLazyClient({
    load: () => (loads++, import(join(packageDir, "client.node.js"))),
    check: glue.__checkClientOptions,
    loadError: glue.__clientLoadError,
  });
  const sim = createSimulator({ virtualClock: false });
  const clients = Array.from({ length: 5 }, () => new lazy.TangoClient({
    baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey, fetch: sim.fetch,
  }));
  const pages = await Promise.all(clients.map((c) => c.listOrders()));
  assert.equal(pages.length, 5);
  assert.equal(loads, 1);
  // A freed client refuses further calls.
  clients[0].free();
  assert.throws(() => clients[0].listOrders(), /freed/);
});
