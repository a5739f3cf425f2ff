// make soak: 10,000 creates through the real fetch path against the tango-sim binary on loopback,
// with about 30 % of requests meeting a fault (answers dropped after the order was committed, 5xx,
// bursts of 429) and added latency. Checks that the simulator ends with exactly one order per call,
// no externalRefID twice, and that every call either returned its own order or failed saying so.
// Prints the figures. Not part of `make test` (it takes about a minute or two).
import assert from "node:assert/strict";
import { TangoClient } from "tango-orders";
import { startSimulator } from "./sim-process.mjs";

const N = Number(process.env.SOAK_CREATES ?? 10_000);
const PER_SECOND = 250;
const simBin = process.env.TANGO_SIM_BIN;
const { baseUrl, stop } = await startSimulator(simBin, ["--seed", "42", "--creates-per-second", String(PER_SECOND),
  "--drop-after-commit-rate", "0.12", "--server-error-rate", "0.12", "--rate-limit-burst-rate", "0.02",
  "--rate-limit-burst-length", "3", "--latency-ms", "3"]);
const statuses = new Map();
let requests = 0;
const client = new TangoClient({ baseUrl, platformName: "demo-platform", platformKey: "demo-key", ordersPerSecond: PER_SECOND,
  maxRetries: 30, timeoutMs: 10_000, logger: (e) => { requests++; const k = e.status ?? "no answer"; statuses.set(k, (statuses.get(k) ?? 0) + 1); } });
const order = (i) => ({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 1,
  deliveryMethod: "NONE", externalRefID: `soak${i}` });

const started = performance.now();
const outcomes = await Promise.allSettled(Array.from({ length: N }, (_, i) => client.createOrder(order(i))));
const seconds = (performance.now() - started) / 1000;

const returned = new Map();
const failures = [];
outcomes.forEach((o, i) => {
  if (o.status === "fulfilled") {
    assert.equal(o.value.order.externalRefID, `soak${i}`, "a call returned someone else's order");
    returned.set(`soak${i}`, o.value.order.referenceOrderID);
  } else {
    failures.push({ i, kind: o.reason?.kind, retryable: o.reason?.retryable, message: o.reason?.message });
  }
});

// What the simulator holds, read back through the client (fault-free reads are retried too).
const seen = new Map();
for await (const o of client.iterateOrders({ elementsPerBlock: 100 })) {
  seen.set(o.externalRefID, (seen.get(o.externalRefID) ?? 0) + 1);
}
stop();

const duplicates = [...seen.values()].filter((n) => n > 1).length;
const inSimulator = [...seen.values()].reduce((a, b) => a + b, 0);
const lost = [...returned.keys()].filter((k) => !seen.has(k)).length;
const failedButPlaced = failures.filter((f) => seen.has(`soak${f.i}`));
console.log(JSON.stringify({ creates: N, seconds: Number(seconds.toFixed(1)), requests, statuses: Object.fromEntries(statuses),
  returned: returned.size, failed: failures.length, ordersInSimulator: inSimulator, duplicates, lost,
  failedButPlaced: failedButPlaced.length }, null, 1));

assert.equal(duplicates, 0, "an externalRefID was placed twice");
assert.equal(lost, 0, "a returned order is not in the simulator");
// A failure must say truthfully whether the order may exist: only timeouts and network errors
// (answer lost) may leave an order behind; every other failure must have placed nothing.
for (const f of failedButPlaced) assert.ok(["timeout", "network"].includes(f.kind), `failed as ${f.kind} but was placed`);
assert.equal(inSimulator, returned.size + failedButPlaced.length);
console.log("soak: ok");
