// The failure contract of the installed package: a create's error always carries its key and
// whether the order may exist; a reused key with another order is a conflict; an AbortSignal ends
// a call within 50 ms wherever it waits; long waits are refused, not slept; no error prints
// personal data through util.inspect or JSON.stringify.
import { test } from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:net";
import { inspect } from "node:util";
import { TangoClient } from "tango-orders";
import { createSimulator } from "tango-orders/sim";

const MARKERS = ["Zelda", "Hyrule", "zelda.marker@example.com", "+12025550123", "742 Evergreen", "demo-key", "tok-secret"];
const order = (extra = {}) => ({
  customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 10,
  deliveryMethod: "EMAIL", recipient: { firstName: "Zelda", lastName: "Hyrule", email: "zelda.marker@example.com" }, ...extra,
});

function client(sim, options = {}) {
  return new TangoClient({ baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: "demo-key", fetch: sim.fetch, ...options });
}

async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
}

/** A fetch that answers every request with `status`, `headers` and `body`, counting calls. */
function answering(status, headers = {}, body = "{}") {
  // The client calls fetch(request) with a Request, as gloo-net builds it.
  const fetch = async (request) => {
    fetch.calls += 1;
    if (request.signal.aborted) throw request.signal.reason;
    return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
  };
  fetch.calls = 0;
  return fetch;
}

test("every createOrder error carries the externalRefID sent and mayHaveBeenPlaced", async () => {
  const sim = createSimulator({ virtualClock: false });
  const tango = client(sim);
  const invalid = await failure(tango.createOrder({ ...order(), amount: -1 }));
  assert.equal(invalid.kind, "validation");
  assert.match(invalid.externalRefID, /^[A-Za-z0-9]{32}$/);
  assert.equal(invalid.mayHaveBeenPlaced, false);
  const own = await failure(tango.createOrder({ ...order(), amount: -1, externalRefID: "mine123" }));
  assert.equal(own.externalRefID, "mine123");
  // Unusable call options and unreadable input: refused before sending, still with a key.
  const badOptions = await failure(tango.createOrder({ ...order(), externalRefID: "mine456" }, { timeoutMs: -1 }));
  assert.deepEqual([badOptions.kind, badOptions.externalRefID, badOptions.mayHaveBeenPlaced], ["config", "mine456", false]);
  const generated = await failure(tango.createOrder(order(), "not options"));
  assert.deepEqual([generated.kind, generated.mayHaveBeenPlaced], ["config", false]);
  assert.match(generated.externalRefID, /^[A-Za-z0-9]{32}$/);
  const cyclic = order();
  cyclic.self = cyclic;
  const unreadable = await failure(tango.createOrder(cyclic));
  assert.deepEqual([unreadable.kind, unreadable.mayHaveBeenPlaced], ["validation", false]);
  assert.match(unreadable.externalRefID, /^[A-Za-z0-9]{32}$/);
  // Refused by Tango (402): nothing placed.
  const broke = await failure(tango.createOrder(order({ accountIdentifier: "empty-account" })));
  assert.deepEqual([broke.kind, broke.status, broke.mayHaveBeenPlaced, broke.retryable], ["api", 402, false, false]);
  // Placed, answer lost, no retry allowed: may have been placed, retryable, and the retry with the
  // key returns the order without placing another.
  sim.setFaults({ dropAfterCommitRate: 1 });
  const lost = await failure(tango.createOrder(order(), { maxRetries: 0 }));
  sim.setFaults({});
  assert.deepEqual([lost.kind, lost.mayHaveBeenPlaced, lost.retryable], ["network", true, true]);
  assert.match(lost.message, /retry with the same externalRefID/);
  const before = sim.orderCount();
  const again = await tango.createOrder({ ...order(), externalRefID: lost.externalRefID });
  assert.equal(again.created, false);
  assert.equal(again.order.externalRefID, lost.externalRefID);
  assert.equal(sim.orderCount(), before);
});

test("a connection refused before sending is a network error that placed nothing", async () => {
  // A loopback port that was just free: nothing listens, so Node's fetch fails with ECONNREFUSED.
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const tango = new TangoClient({ baseUrl: `http://127.0.0.1:${port}/raas/v2`, token: "t", maxRetries: 1 });
  const refused = await failure(tango.createOrder(order()));
  assert.deepEqual([refused.kind, refused.mayHaveBeenPlaced, refused.retryable], ["network", false, true]);
});

test("a placed create whose retries meet 429s still says it may have been placed", async () => {
  // Attempt 1 reaches Tango and its answer is lost; attempts 2 and 3 meet 429s.
  const sim = createSimulator({ virtualClock: false });
  let attempt = 0;
  const fetch = async (request) => {
    attempt += 1;
    if (attempt === 1) {
      await sim.fetch(request);
      throw new TypeError("fetch failed");
    }
    return new Response(JSON.stringify({ httpCode: 429, i18nKey: "429.001" }), { status: 429, headers: { "retry-after": "0" } });
  };
  const tango = new TangoClient({ baseUrl: sim.baseUrl, token: "demo-token", fetch });
  const error = await failure(tango.createOrder(order()));
  assert.deepEqual([error.kind, error.status, error.mayHaveBeenPlaced, error.retryable, attempt], ["api", 429, true, true, 3]);
  assert.equal(sim.orderCount(), 1);
});

test("a reused externalRefID with another order rejects as conflict; a true replay resolves", async () => {
  const sim = createSimulator({ virtualClock: false });
  const tango = client(sim);
  const first = await tango.createOrder(order({ externalRefID: "row1" }));
  assert.equal(first.created, true);
  sim.advanceTime(1_100);
  const replay = await tango.createOrder(order({ externalRefID: "row1" }));
  assert.equal(replay.created, false);
  const other = await failure(tango.createOrder(order({ externalRefID: "row1", amount: 25 })));
  assert.deepEqual([other.kind, other.retryable, other.mayHaveBeenPlaced], ["conflict", false, false]);
  assert.equal(other.referenceOrderID, first.order.referenceOrderID);
  assert.deepEqual(other.fields, ["amount"]);
  assert.equal(other.externalRefID, "row1");
  assert.equal(sim.orderCount(), 1);
});

/** How long after `abort()` the call's promise settled, in ms. */
async function abortLatency(start, abortAfterMs) {
  const controller = new AbortController();
  const pending = failure(start(controller.signal));
  await new Promise((resolve) => setTimeout(resolve, abortAfterMs));
  const abortedAt = performance.now();
  controller.abort(new Error("stop"));
  const error = await pending;
  return { error, latency: performance.now() - abortedAt };
}

test("an AbortSignal ends the call within 50 ms wherever it waits", async () => {
  // In the create queue: the 4th of four creates at 1/s.
  const sim = createSimulator({ virtualClock: false });
  const tango = client(sim);
  const queued = [tango.createOrder(order()), tango.createOrder(order()), tango.createOrder(order())];
  const inQueue = await abortLatency((signal) => tango.createOrder(order(), { signal }), 50);
  assert.deepEqual([inQueue.error.kind, inQueue.error.name, inQueue.error.mayHaveBeenPlaced], ["aborted", "AbortError", false]);
  assert.match(inQueue.error.externalRefID, /^[A-Za-z0-9]{32}$/);
  assert.equal(inQueue.error.cause.message, "stop");
  await Promise.all(queued);
  // During a 5 s Retry-After.
  const limited = new TangoClient({ baseUrl: "http://tango.test/raas/v2", token: "t", fetch: answering(429, { "retry-after": "5" }) });
  const backoff = await abortLatency((signal) => limited.listOrders({}, { signal }), 100);
  assert.equal(backoff.error.kind, "aborted");
  // In a token function that never answers.
  const stuck = new TangoClient({ baseUrl: sim.baseUrl, token: () => new Promise(() => {}), fetch: sim.fetch });
  const token = await abortLatency((signal) => stuck.getOrder("RA000000-0000-00", { signal }), 50);
  assert.equal(token.error.kind, "aborted");
  // In fetch (a 2 s answer): the create may have been placed.
  const slow = createSimulator({ virtualClock: false, faults: { latencyMs: 2_000 } });
  const inFlight = await abortLatency((signal) => client(slow).createOrder(order(), { signal }), 50);
  assert.deepEqual([inFlight.error.kind, inFlight.error.mayHaveBeenPlaced], ["aborted", true]);
  const latencies = { queue: inQueue.latency, backoff: backoff.latency, token: token.latency, fetch: inFlight.latency };
  console.log("abort latencies (ms):", JSON.stringify(Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
  for (const [where, latency] of Object.entries(latencies)) assert.ok(latency < 50, `${where}: ${latency} ms`);
});

test("the queue turn of an aborted create goes to the next one", async () => {
  const sim = createSimulator({ virtualClock: false });
  const tango = client(sim);
  const started = [];
  const fetch = async (request) => {
    if (request.method === "POST") started.push(performance.now());
    return sim.fetch(request);
  };
  const spaced = new TangoClient({ baseUrl: sim.baseUrl, token: "demo-token", fetch });
  const controller = new AbortController();
  const t0 = performance.now();
  const first = spaced.createOrder(order());
  const second = failure(spaced.createOrder(order(), { signal: controller.signal }));
  const third = spaced.createOrder(order());
  setTimeout(() => controller.abort(), 50);
  await Promise.all([first, second, third]);
  assert.equal(started.length, 2);
  // The third starts one interval (1.02 s) after the first, not two.
  const gap = started[1] - started[0];
  assert.ok(gap > 1_000 && gap < 1_400, `gap ${gap} ms`);
  assert.ok(performance.now() - t0 < 1_800);
  void tango;
});

test("a wait longer than maxRetryDelayMs is not slept; out-of-range settings are config errors", async () => {
  const fetch = answering(429, { "retry-after": "1000000" });
  const tango = new TangoClient({ baseUrl: "http://tango.test/raas/v2", token: "t", fetch });
  const t0 = performance.now();
  const error = await failure(tango.listOrders());
  assert.deepEqual([error.kind, error.status, error.retryAfterMs, fetch.calls], ["api", 429, 1_000_000_000, 1]);
  assert.ok(performance.now() - t0 < 500);
  const perCall = await failure(new TangoClient({ baseUrl: "http://tango.test/raas/v2", token: "t", fetch: answering(429, { "retry-after": "2" }) })
    .listOrders({}, { maxRetryDelayMs: 1_000 }));
  assert.equal(perCall.retryAfterMs, 2_000);
  const bad = [
    [{ timeoutMs: 2 ** 31 }, "timeoutMs must be from 1 to 600000"],
    [{ timeoutMs: 0 }, "timeoutMs must be from 1 to 600000"],
    [{ maxRetries: 1.5 }, "maxRetries must be a whole number"],
    [{ maxRetries: 101 }, "maxRetries must be from 0 to 100"],
    [{ ordersPerSecond: 1e-7 }, "ordersPerSecond must be from 0.01 to 1000"],
    [{ maxRetryDelayMs: -1 }, "maxRetryDelayMs must be from 0 to 3600000"],
  ];
  for (const [options, message] of bad) {
    let thrown;
    try {
      new TangoClient({ baseUrl: "http://tango.test/raas/v2", ...options });
    } catch (e) {
      thrown = e;
    }
    assert.deepEqual([thrown?.kind, thrown?.message], ["config", message], JSON.stringify(options));
  }
  const ok = new TangoClient({ baseUrl: "http://tango.test/raas/v2", fetch: answering(200, {}, "{}") });
  const perCallBad = await failure(ok.getOrder("RA1", { timeoutMs: 2 ** 31 }));
  assert.deepEqual([perCallBad.kind, perCallBad.message], ["config", "timeoutMs must be from 1 to 600000"]);
  const notSignal = await failure(ok.getOrder("RA1", { signal: { aborted: "no" } }));
  assert.equal(notSignal.kind, "config");
});

test("no error of any kind shows personal data through util.inspect or JSON.stringify", async () => {
  const sim = createSimulator({ virtualClock: false });
  const tango = client(sim);
  const errors = {};
  errors.validation = await failure(tango.createOrder({ ...order(), recipient: { firstName: "Zelda!!", email: "zelda.marker@" } }));
  errors.api = await failure(tango.createOrder(order({ accountIdentifier: "frozen-account" })));
  const pii = JSON.stringify({ referenceOrderID: 7, recipient: { firstName: "Zelda", email: "zelda.marker@example.com", mobileNumber: "+12025550123" },
    reward: { credentialList: [{ value: "742 Evergreen" }] } });
  errors.decode = await failure(new TangoClient({ baseUrl: sim.baseUrl, token: "tok-secret", fetch: answering(200, {}, pii) }).getOrder("RA1"));
  assert.equal(errors.decode.kind, "decode");
  assert.match(errors.decode.excerpt, /"firstName": ?"…"/);
  errors.network = await failure(new TangoClient({ baseUrl: sim.baseUrl, token: "tok-secret", maxRetries: 0,
    fetch: async () => { throw new TypeError("zelda.marker@example.com unreachable"); } }).createOrder(order()));
  const slow = createSimulator({ virtualClock: false, faults: { latencyMs: 500 } });
  errors.timeout = await failure(client(slow).createOrder(order(), { timeoutMs: 20, maxRetries: 0 }));
  try { new TangoClient({ platformName: "Zelda", platformKey: 5 }); } catch (e) { errors.config = e; }
  sim.advanceTime(1_100);
  const placed = await tango.createOrder(order({ externalRefID: "pii1" }));
  await tango.resendOrder(placed.order.referenceOrderID);
  errors.resend_too_soon = await failure(tango.resendOrder(placed.order.referenceOrderID));
  sim.advanceTime(1_100);
  errors.conflict = await failure(tango.createOrder(order({ externalRefID: "pii1", recipient: { firstName: "Hyrule", email: "other.marker@example.com" } })));
  const controller = new AbortController();
  controller.abort();
  errors.aborted = await failure(tango.createOrder(order(), { signal: controller.signal }));
  for (const [kind, error] of Object.entries(errors)) {
    assert.equal(error.kind, kind);
    for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error), String(error), error.stack ?? ""]) {
      for (const marker of MARKERS) assert.ok(!text.includes(marker), `${kind} shows ${marker}: ${text}`);
    }
  }
});
