// tango-orders/redis against a real redis-server and the tango-sim binary, with worker processes
// as users run them: creates from several processes keep Tango's 1 per second together with no
// 429, taking turns; Redis killed mid-run loses and duplicates nothing; a resend is refused across
// processes; an abort while waiting in Redis ends at once and hands the turn on; Redis holds IDs
// only, each with a TTL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { TangoClient } from "tango-orders";
import { createRedisLimiter } from "tango-orders/redis";
import { startRedis, startSim } from "./servers.mjs";

const require = createRequire(import.meta.url);
const Redis = require("ioredis");
const workerPath = fileURLToPath(new URL("./redis-worker.mjs", import.meta.url));

let redis;
let sim;
before(async () => {
  redis = await startRedis();
  sim = await startSim(["--seed", "11"]);
});
after(async () => {
  await sim?.stop();
  await redis?.stop();
});

/** Runs one worker process; resolves to what it printed. */
async function worker(job) {
  const child = spawn(process.execPath, [workerPath, JSON.stringify(job)], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const [code] = await once(child, "exit");
  assert.equal(code, 0, `worker ${job.tag} exited with ${code}`);
  return JSON.parse(output.trim().split("\n").at(-1));
}

/** `count` workers at once, each placing `creates` orders; tags p0…, under `prefix`. */
function workers(count, job) {
  return Promise.all(Array.from({ length: count }, (_, index) => worker({ ...job, tag: `${job.tag}p${index}` })));
}

/** The creates Tango placed (201), each with its worker and when its answer came, in order. */
function placements(runs) {
  return runs
    .flatMap((run, index) => run.events.filter((e) => e.type === "request" && e.path === "/orders" && e.status === 201).map((e) => ({ index, at: e.at })))
    .sort((a, b) => a.at - b.at);
}

for (const redisClient of ["ioredis", "node-redis"]) {
  test(`4 processes × 6 creates share one Redis (${redisClient}): all placed, no 429, ≥ 0.95 of the limit, turns taken`, async () => {
    const tag = redisClient === "ioredis" ? "io" : "nr";
    // A simulator of its own: Tango's limit counts every create, the other tests' too.
    const own = await startSim(["--seed", "12"]);
    const runs = await workers(4, { mode: "create", baseUrl: own.baseUrl, redisUrl: redis.url, redisClient, tag, creates: 6, limiter: { prefix: `t-${tag}` } });
    await own.stop();
    const results = runs.flatMap((run) => run.results);
    assert.equal(results.length, 24);
    assert.ok(results.every((r) => r.ok && r.value.created), JSON.stringify(results.filter((r) => !r.ok)));
    const statuses = runs.flatMap((run) => run.events.filter((e) => e.type === "request").map((e) => e.status));
    assert.equal(statuses.filter((s) => s === 429).length, 0, "Tango answered 429");
    const wall = Math.max(...runs.map((r) => r.ended)) - Math.min(...runs.map((r) => r.started));
    assert.ok(wall <= 30_000, `${wall} ms`);
    const placed = placements(runs);
    assert.equal(placed.length, 24);
    const span = placed.at(-1).at - placed[0].at;
    const rate = 23 / (span / 1000);
    assert.ok(rate >= 0.95 && rate <= 1.0, `rate ${rate.toFixed(3)} of the limit (${span} ms for 24)`);
    // Turns: no process waits more than one round (4 creates) and a slot between two of its own.
    for (let index = 0; index < 4; index++) {
      const mine = placed.filter((p) => p.index === index).map((p) => p.at);
      const gaps = mine.slice(1).map((at, i) => at - mine[i]);
      assert.ok(Math.max(...gaps) <= 5 * 1_100, `worker ${index} waited ${Math.max(...gaps)} ms between two of its creates`);
    }
    console.log(`# ${redisClient}: 24 creates in ${(span / 1000).toFixed(2)} s (${rate.toFixed(3)} of the limit), wall ${wall} ms`);
  });
}

test("Redis killed mid-run: every create placed once, the fallback logged, shared again after Redis returns", async () => {
  const own = await startRedis();
  const job = { mode: "create", baseUrl: sim.baseUrl, redisUrl: own.url, redisClient: "ioredis", tag: "kill", creates: 8, maxRetries: 10 };
  const running = workers(3, job);
  await sleep(4_000);
  const killedAt = Date.now();
  await own.kill("SIGKILL");
  await sleep(5_000);
  const back = await startRedis(own.port);
  const runs = await running;
  await back.stop();
  const results = runs.flatMap((run) => run.results);
  assert.ok(results.every((r) => r.ok), JSON.stringify(results.filter((r) => !r.ok)));
  const refs = results.map((r) => r.value.ref);
  assert.equal(new Set(refs).size, 24, "each order placed once");
  const fallbacks = [];
  for (const run of runs) {
    const limiterEvents = run.events.filter((e) => e.type === "limiter");
    const states = limiterEvents.map((e) => e.state);
    assert.equal(states[0], "unavailable", JSON.stringify(limiterEvents));
    assert.equal(states.filter((s) => s === "unavailable").length, 1, "told once per outage");
    assert.ok(!JSON.stringify(limiterEvents).includes("127.0.0.1"), "no host in the event");
    fallbacks.push(limiterEvents[0].at - killedAt);
  }
  // Each worker noticed within its store timeout (1 s) and the wait it was in.
  assert.ok(Math.max(...fallbacks) <= 3_000, `fallback after ${fallbacks} ms`);
  const restored = runs.filter((run) => run.events.some((e) => e.type === "limiter" && e.state === "restored"));
  assert.ok(restored.length >= 1, "no worker used Redis again");
  const statuses = runs.flatMap((run) => run.events.filter((e) => e.type === "request").map((e) => e.status));
  console.log(`# Redis killed: fallback noticed after ${fallbacks.join(", ")} ms; ${statuses.filter((s) => s === 429).length} answers were 429 (retried with the same key); ${restored.length} of 3 workers shared again`);
});

test("a resend from one process is refused in another (iovalkey) without a request", async () => {
  const placer = new TangoClient({ baseUrl: sim.baseUrl, platformName: "demo-platform", platformKey: "demo-key" });
  const { order } = await placer.createOrder({
    customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 5,
    deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" },
  });
  const job = { mode: "resend", baseUrl: sim.baseUrl, redisUrl: redis.url, redisClient: "iovalkey", orderId: order.referenceOrderID };
  const first = await worker({ ...job, tag: "rs1" });
  assert.ok(first.results[0].ok, JSON.stringify(first.results));
  const second = await worker({ ...job, tag: "rs2" });
  const refused = second.results[0];
  assert.equal(refused.kind, "resend_too_soon");
  assert.ok(refused.retryAfterMs > 25_000 && refused.retryAfterMs <= 30_000, `${refused.retryAfterMs}`);
  assert.equal(second.events.filter((e) => e.type === "request").length, 0, "a request was sent");
});

test("an abort while waiting in Redis ends within 50 ms, leaves the queue, and the next create takes the turn", async () => {
  const connection = new Redis(redis.url);
  try {
    const prefix = "t-abort";
    const options = { baseUrl: sim.baseUrl, platformName: "demo-platform", platformKey: "demo-key" };
    // Two clients with their own limiters on one Redis: two processes, as far as Redis can tell.
    const a = new TangoClient({ ...options, limiter: createRedisLimiter(connection, { prefix }) });
    const b = new TangoClient({ ...options, limiter: createRedisLimiter(connection, { prefix }) });
    const order = (ref) => ({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
      amount: 5, deliveryMethod: "EMAIL", externalRefID: ref, recipient: { firstName: "Ada", email: "ada@example.com" } });
    const start = Date.now();
    const ofA = [1, 2, 3].map((row) => a.createOrder(order(`abortA${row}`)).then(() => Date.now() - start));
    await sleep(100);
    const controller = new AbortController();
    const aborted = b.createOrder(order("abortB1"), { signal: controller.signal }).then(
      () => assert.fail("placed"),
      (error) => ({ error, at: Date.now() }),
    );
    await sleep(1_400);
    const abortAt = Date.now();
    controller.abort();
    const { error, at } = await aborted;
    assert.equal(error.kind, "aborted");
    assert.equal(error.name, "AbortError");
    assert.equal(error.mayHaveBeenPlaced, false);
    assert.ok(at - abortAt <= 50, `the abort took ${at - abortAt} ms`);
    const placedAt = await Promise.all(ofA);
    // Without the abort, A's third create would have waited for B's turn (about 3 s).
    assert.ok(placedAt[2] < 2_600, `A's third create was placed at ${placedAt[2]} ms`);
    const queued = await connection.zcard(`${prefix}:{demo-platform}:queue`);
    assert.equal(queued, 0, "a ticket stayed queued");

    // What Redis holds: IDs and times only, and every key expires.
    const keys = await connection.keys("t-*");
    assert.ok(keys.length > 0);
    let dump = "";
    for (const key of keys) {
      const type = await connection.type(key);
      const value = type === "hash" ? await connection.hgetall(key)
        : type === "zset" ? await connection.zrange(key, 0, -1, "WITHSCORES")
        : type === "string" ? await connection.get(key) : type;
      dump += `${key} ${JSON.stringify(value)}\n`;
      const ttl = await connection.pttl(key);
      assert.ok(ttl > 0 && ttl <= 180_000, `${key} has TTL ${ttl}`);
    }
    for (const secret of ["ada@example.com", "Ada", "demo-key", "demo-customer", "demo-account"]) {
      assert.ok(!dump.includes(secret), `Redis holds ${secret}`);
    }
  } finally {
    connection.disconnect();
  }
});
