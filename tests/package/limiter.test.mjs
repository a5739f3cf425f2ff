// The `limiter` option's contract, with limiters written in JavaScript over the simulator in
// process: what the client asks and tells the store, a store that hangs, fails or answers nonsense
// (the client decides alone, tells the logger once, places every create), rejections of the calls
// it does not wait for (never unhandled), and the options refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TangoClient } from "tango-orders";
import { createRedisLimiter } from "tango-orders/redis";
import { createSimulator } from "tango-orders/sim";

const order = (ref) => ({
  customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 10,
  deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" }, externalRefID: ref,
});

/** A limiter that lets everything through at once and records what it was asked and told. */
function recordingLimiter(overrides = {}) {
  const calls = [];
  const limiter = {
    takeCreate: (ask) => (calls.push(["takeCreate", ask]), Promise.resolve(0)),
    reportCreate: (report) => (calls.push(["reportCreate", report]), Promise.resolve()),
    leaveCreate: (place) => (calls.push(["leaveCreate", place]), Promise.resolve()),
    claimResend: (claim) => (calls.push(["claimResend", claim]), Promise.resolve(0)),
    forgetResend: (claim) => (calls.push(["forgetResend", claim]), Promise.resolve()),
    ...overrides,
  };
  return { limiter, calls };
}

function clientWith(limiter, extra = {}) {
  const sim = createSimulator({ virtualClock: false });
  const events = [];
  const client = new TangoClient({
    baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey, fetch: sim.fetch,
    limiter, logger: (event) => events.push(event), ...extra,
  });
  return { client, events, sim };
}

test("a create asks the store for its turn and reports its answer; a resend claims its reward", async () => {
  const { limiter, calls } = recordingLimiter();
  const { client, sim } = clientWith(limiter);
  const { order: placed } = await client.createOrder(order("rec1"));
  // A request that leaves more than 2 ms after its turn (a loaded machine) is reported once more,
  // unanswered, when it leaves: that report may come or not.
  const settled = calls.filter(([name, argument]) => !(name === "reportCreate" && argument.answered === false));
  const [take, report] = settled.map(([, argument]) => argument);
  assert.deepEqual(settled.map(([name]) => name), ["takeCreate", "reportCreate"]);
  assert.equal(take.account, sim.platformName);
  assert.match(take.ticket, /^[0-9a-f]{26}$/);
  assert.deepEqual([take.leads, take.intervalMs, take.marginMs, take.holdMs], [true, 1000, 20, 2000]);
  assert.equal(report.ticket, take.ticket);
  assert.equal(report.answered, true);
  assert.ok(report.nextAfterGoMs >= 1000 && report.nextAfterGoMs < 3000, `${report.nextAfterGoMs}`);
  await client.resendOrder(placed.referenceOrderID);
  const claim = calls.at(-1)[1];
  assert.deepEqual([calls.at(-1)[0], claim.key, claim.account], ["claimResend", `order:${placed.referenceOrderID}`, sim.platformName]);
  // The store's refusal is the client's: resend_too_soon, nothing sent.
  const refusing = recordingLimiter({ claimResend: () => Promise.resolve(12_345) });
  const other = clientWith(refusing.limiter);
  const sent = other.events.length;
  const error = await other.client.resendOrder(placed.referenceOrderID).then(() => assert.fail("sent"), (e) => e);
  assert.equal(error.kind, "resend_too_soon");
  assert.equal(error.retryAfterMs, 12_345);
  assert.equal(other.events.length, sent);
});

for (const [name, takeCreate, reason] of [
  ["never answers", () => new Promise(() => {}), "timeout"],
  ["rejects", () => Promise.reject(new Error("ECONNREFUSED 10.0.0.7:6379")), "error"],
  ["throws", () => { throw new Error("boom"); }, "error"],
  ["answers nonsense", () => Promise.resolve("soon"), "error"],
]) {
  test(`a store that ${name}: every create placed by the client's own limiter, the logger told once`, async () => {
    const { limiter } = recordingLimiter({ takeCreate, storeTimeoutMs: 50 });
    const { client, events, sim } = clientWith(limiter);
    const started = Date.now();
    const results = await Promise.all([1, 2, 3].map((n) => client.createOrder(order(`down${n}${reason}`))));
    assert.ok(results.every((r) => r.created));
    assert.equal(sim.orderCount(), 3);
    const limiterEvents = events.filter((e) => e.type === "limiter");
    assert.equal(limiterEvents.length, 1, JSON.stringify(limiterEvents));
    assert.deepEqual([limiterEvents[0].state, limiterEvents[0].reason], ["unavailable", reason]);
    assert.ok(!limiterEvents[0].message.includes("10.0.0.7"), "the store's own message is not repeated");
    // Paced alone, still one a second: three creates take about two seconds, not six.
    const took = Date.now() - started;
    assert.ok(took >= 2_000 && took < 4_000, `${took} ms`);
    assert.ok(events.filter((e) => e.type === "request").every((e) => e.status === 201));
  });
}

test("rejections of the calls the client does not wait for are handled", async () => {
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const failing = () => Promise.reject(new Error("report failed"));
    const { limiter } = recordingLimiter({ reportCreate: failing, leaveCreate: failing, forgetResend: failing });
    const { client } = clientWith(limiter);
    await client.createOrder(order("unhandled1"));
    // A resend Tango refuses before acting gives its claim back (forgetResend).
    await client.resendOrder("RA000000-0000-01", {}, { maxRetries: 0 }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

test("unusable limiter options are config errors, and createRedisLimiter refuses what is not a Redis client", () => {
  const base = { baseUrl: "http://127.0.0.1:4010/raas/v2" };
  for (const limiter of [{}, 5, "redis", { ...recordingLimiter().limiter, claimResend: 1 }]) {
    assert.throws(() => new TangoClient({ ...base, limiter }), (e) => e.kind === "config" && /limiter must be an object with takeCreate/.test(e.message));
  }
  for (const storeTimeoutMs of [0, -1, 60_001, "1000", Number.NaN]) {
    assert.throws(() => new TangoClient({ ...base, limiter: { ...recordingLimiter().limiter, storeTimeoutMs } }), (e) => e.kind === "config" && /storeTimeoutMs/.test(e.message));
  }
  for (const redis of [null, undefined, {}, { get() {} }, "redis://127.0.0.1"]) {
    assert.throws(() => createRedisLimiter(redis), TypeError);
  }
  const ioredisLike = { script: async () => "sha", evalsha: async () => 0 };
  assert.throws(() => createRedisLimiter(ioredisLike, { prefix: "" }), TypeError);
  assert.throws(() => createRedisLimiter(ioredisLike, { storeTimeoutMs: 0 }), RangeError);
  assert.throws(() => createRedisLimiter(ioredisLike, { account: 3 }), TypeError);
  assert.equal(createRedisLimiter(ioredisLike).storeTimeoutMs, 1000);
});
