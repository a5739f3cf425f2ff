// make soak: 10,000 creates through the real fetch path against the tango-sim binary on loopback,
// with about 30 % of requests meeting a fault (answers dropped after the order was committed, 5xx,
// bursts of 429) and added latency — once with patient retries (maxRetries 30) and once at the
// default (2), where many creates fail. Checks that the simulator ends with one order per call at
// most, no externalRefID twice, that every failure carries its externalRefID and says truthfully
// whether the order may exist ("placed but reported as not placed" must be 0), and that retrying
// each failure with its key ends with exactly one order. Prints the figures. Not part of
// `make test` (a few minutes).
import assert from "node:assert/strict";
import { TangoClient } from "tango-orders";
import { startSimulator } from "./sim-process.mjs";

const N = Number(process.env.SOAK_CREATES ?? 10_000);
const PER_SECOND = 250;
const simBin = process.env.TANGO_SIM_BIN;
const FAULTS = ["--creates-per-second", String(PER_SECOND), "--drop-after-commit-rate", "0.12", "--server-error-rate", "0.12",
  "--rate-limit-burst-rate", "0.02", "--rate-limit-burst-length", "3", "--latency-ms", "3"];
const order = () => ({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 1,
  deliveryMethod: "NONE" });

async function pass(name, maxRetries, seed) {
  const { baseUrl, stop } = await startSimulator(simBin, ["--seed", String(seed), ...FAULTS]);
  const statuses = new Map();
  let requests = 0;
  const client = new TangoClient({ baseUrl, platformName: "demo-platform", platformKey: "demo-key", ordersPerSecond: PER_SECOND,
    ...(maxRetries === undefined ? {} : { maxRetries }), timeoutMs: 10_000, logger: (e) => { requests++; const k = e.status ?? "no answer"; statuses.set(k, (statuses.get(k) ?? 0) + 1); } });
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: N }, () => client.createOrder(order())));
  const seconds = (performance.now() - started) / 1000;

  const returned = new Set();
  const failures = [];
  for (const o of outcomes) {
    if (o.status === "fulfilled") {
      assert.ok(!returned.has(o.value.order.externalRefID), "two calls returned the same order");
      returned.add(o.value.order.externalRefID);
    } else {
      const e = o.reason;
      assert.match(e.externalRefID ?? "", /^[A-Za-z0-9]{32}$/, `a ${e.kind} failure without its externalRefID`);
      assert.equal(typeof e.mayHaveBeenPlaced, "boolean");
      failures.push(e);
    }
  }
  // What the simulator holds, read back through a patient client.
  const reader = new TangoClient({ baseUrl, platformName: "demo-platform", platformKey: "demo-key", maxRetries: 30 });
  const seen = new Map();
  for await (const o of reader.iterateOrders({ elementsPerBlock: 100 })) seen.set(o.externalRefID, (seen.get(o.externalRefID) ?? 0) + 1);
  const placedButReportedNotPlaced = failures.filter((e) => seen.has(e.externalRefID) && !e.mayHaveBeenPlaced).length;
  const reportedMaybeButNotPlaced = failures.filter((e) => !seen.has(e.externalRefID) && e.mayHaveBeenPlaced).length;
  const placedAndReportedMaybe = failures.filter((e) => seen.has(e.externalRefID) && e.mayHaveBeenPlaced).length;
  const byKind = {};
  for (const e of failures) byKind[`${e.kind}${e.status ? ` ${e.status}` : ""}`] = (byKind[`${e.kind}${e.status ? ` ${e.status}` : ""}`] ?? 0) + 1;

  // The safe retry: each failure again with its key. An order that existed comes back, not created.
  const patient = new TangoClient({ baseUrl, platformName: "demo-platform", platformKey: "demo-key", ordersPerSecond: PER_SECOND,
    maxRetries: 30 });
  const retried = await Promise.all(failures.map((e) => patient.createOrder({ ...order(), externalRefID: e.externalRefID })));
  const wronglyCreated = retried.filter((r, i) => r.created && seen.has(failures[i].externalRefID)).length;
  const after = new Map();
  for await (const o of reader.iterateOrders({ elementsPerBlock: 100 })) after.set(o.externalRefID, (after.get(o.externalRefID) ?? 0) + 1);
  stop();

  const duplicates = [...after.values()].filter((n) => n > 1).length;
  const total = [...after.values()].reduce((a, b) => a + b, 0);
  const figures = { pass: name, creates: N, maxRetries, seconds: Number(seconds.toFixed(1)), requests, statuses: Object.fromEntries(statuses),
    returned: returned.size, failed: failures.length, failuresByKind: byKind, placedButReportedNotPlaced, placedAndReportedMaybe,
    reportedMaybeButNotPlaced, ordersAfterRetryingFailures: total, duplicates, retriesThatPlacedAgain: wronglyCreated };
  console.log(JSON.stringify(figures, null, 1));
  assert.equal(placedButReportedNotPlaced, 0, "a create that was placed failed saying it was not");
  assert.equal(duplicates, 0, "an externalRefID was placed twice");
  assert.equal(wronglyCreated, 0, "a retry with the key placed an order that existed");
  assert.equal(total, N, "every call ends with exactly one order once its failures are retried with their keys");
  for (const key of returned) assert.ok(after.has(key), "a returned order is not in the simulator");
  return figures;
}

await pass("patient", 30, 42);
await pass("default retries", undefined, 43);
console.log("soak: ok");
