// Thousands of calls at once on one client, as `Promise.all(rows.map((row) => tango.createOrder(row)))`
// makes them: every input is read whole while the wasm memory grows under the load (no valid order
// refused as unreadable, every error with the order's own key), and nothing a finished call made
// stays reachable (the heap comes back after the client is dropped, and a second round adds
// nothing). Each case runs in a fresh Node, as memory layout and heap figures depend on what ran
// before. Timings are not asserted here: they are in `make bench` (bench/concurrency.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

/** Runs `script` (an ES module importing "tango-orders") in a fresh Node; returns what it printed as JSON. */
function inFreshNode(script, flags = []) {
  const output = execFileSync(process.execPath, [...flags, "--input-type=module", "-e", script], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split("\n").at(-1));
}

const ORDER = `(row) => ({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
  amount: 25, deliveryMethod: "EMAIL", externalRefID: "row" + row, recipient: { firstName: "Ada", email: "ada@example.com" } })`;

for (const count of [2_000, 5_000]) {
  test(`${count} creates and ${count} list reads at once: none refused as unreadable, every error keeps its key`, () => {
    // A fetch that never answers and a logger, as the defect was found: each call reads its input
    // into the wasm while the memory grows under the ones before it. What a call can do wrong
    // with its input it does before anything is sent, so 300 ms is ample; the process then exits
    // with the rest still waiting.
    const script = `import { TangoClient } from "tango-orders";
const order = ${ORDER};
const client = new TangoClient({ baseUrl: "http://tango.invalid", platformName: "p", platformKey: "k",
  ordersPerSecond: 250, timeoutMs: 1000, fetch: () => new Promise(() => {}), logger: () => {} });
const early = [];
for (let row = 0; row < ${count}; row++) {
  client.createOrder(order(row)).catch((error) => early.push({ row, kind: error.kind, key: error.externalRefID, message: error.message }));
}
for (let row = 0; row < ${count}; row++) {
  client.listOrders({ externalRefID: "row" + row }).catch((error) => early.push({ row, list: true, kind: error.kind, message: error.message }));
}
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(JSON.stringify(early.slice(0, 5)));
process.exit(0);`;
    assert.deepEqual(inFreshNode(script), []);
  });
}

test("an input the client cannot read is refused for what it is, with the order's own key", async () => {
  const { TangoClient } = await import("tango-orders");
  const client = new TangoClient({ baseUrl: "http://tango.invalid", platformName: "p", platformKey: "k",
    fetch: () => assert.fail("nothing may be sent") });
  const cyclic = { externalRefID: "row7", amount: 5 };
  cyclic.self = cyclic;
  const error = await client.createOrder(cyclic).then(() => assert.fail("resolved"), (e) => e);
  assert.equal(error.kind, "validation");
  assert.equal(error.externalRefID, "row7");
  assert.equal(error.mayHaveBeenPlaced, false);
  assert.match(error.message, /cycle/);
  // Deep nesting says so; a flat order never does.
  let deep = {};
  for (let level = 0; level < 200; level++) deep = { deep };
  const nested = await client.createOrder({ externalRefID: "row8", deep }).then(() => assert.fail("resolved"), (e) => e);
  assert.match(nested.message, /nested too deeply/);
  assert.equal(nested.externalRefID, "row8");
});

test("the heap returns to its start after 1,000 creates at once and the client dropped; a second round adds nothing", () => {
  // An instant fetch at 1,000 creates a second. Before the fix each waiting create was woken by
  // every change of the queue and every wake left two closures behind: 1,000 creates held
  // hundreds of MB after the client was gone, and each round added as much again.
  const script = `import { TangoClient } from "tango-orders";
const answer = (key) => JSON.stringify({ referenceOrderID: "RA" + key, externalRefID: key, customerIdentifier: "demo-customer",
  accountIdentifier: "demo-account", amount: 25, utid: "U000001", status: "COMPLETE", createdAt: "2026-01-01T00:00:00Z", deliveryMethod: "NONE" });
const fetch = async (request) => new Response(answer(JSON.parse(await request.text()).externalRefID), { status: 201 });
const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 25, deliveryMethod: "NONE" };
const settle = async () => { for (let i = 0; i < 6; i++) { await new Promise((resolve) => setTimeout(resolve, 20)); globalThis.gc(); } };
const used = () => { const { heapUsed, external } = process.memoryUsage(); return { heap: heapUsed / 1e6, external: external / 1e6 }; };
const settings = { baseUrl: "http://tango.invalid", platformName: "p", platformKey: "k", ordersPerSecond: 1000, fetch };
async function round() {
  const client = new TangoClient(settings);
  const results = await Promise.all(Array.from({ length: 1000 }, () => client.createOrder(order)));
  if (!results.every((result) => result.created)) throw new Error("a create was not placed");
}
// The client module loaded and warm: one create first.
await new TangoClient(settings).createOrder(order);
await settle();
const start = used();
await round(); await settle();
const first = used();
await round(); await settle();
const second = used();
console.log(JSON.stringify({ start, first, second }));`;
  const { start, first, second } = inFreshNode(script, ["--expose-gc"]);
  const shown = JSON.stringify({ start, first, second });
  // JavaScript's heap: back to its start within 4 MB (code the engine compiled meanwhile), and
  // a second round within 1 MB of the first.
  assert.ok(first.heap - start.heap < 4, shown);
  assert.ok(second.heap - first.heap < 1, shown);
  // The wasm memory (in `external`) grows to what 1,000 creates at once need and never shrinks
  // (WebAssembly memory cannot): the second round must find room in it.
  assert.ok(first.external - start.external < 8, shown);
  assert.ok(second.external - first.external < 0.5, shown);
});
