// Several processes on one account (issue 27): 1, 2, 4 and 8 worker processes, each placing its
// share of 40 creates at once against the tango-sim binary, with Tango's limit set to 10 a second
// (so a run takes seconds, not minutes; the spacing rules scale with the interval). Each count
// runs twice per round, rounds interleaved: with the shared limiter (tango-orders/redis on a real
// redis-server) and with each process's own limiter, as users would otherwise run them. Reported:
// creates per second ÷ the limit (first to last placed), Tango's 429 answers, creates that failed,
// and the Redis calls each create made and their round trip. Then Redis killed mid-run
// (benchFallback): how soon each process decides alone, and shares again once Redis is back.
//
//   node workers.mjs worker '<json>'                  one worker process; prints JSON
//   import { benchWorkers } from "./workers.mjs"       the whole comparison; medians of rounds
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";

const PER_SECOND = 10;
const TOTAL = 40;

/** One worker: `creates` creates at once; its logger's events and its Redis calls' timings. */
async function worker({ baseUrl, redisUrl, shared, creates, tag, prefix, maxRetries = 2 }) {
  const { TangoClient } = await import("tango-orders");
  const { createRedisLimiter } = await import("tango-orders/redis");
  const Redis = createRequire(import.meta.url)("ioredis");
  const redis = shared ? new Redis(redisUrl) : null;
  redis?.on("error", () => {}); // Redis may be killed mid-run (benchFallback)
  const calls = [];
  let limiter;
  if (shared) {
    const inner = createRedisLimiter(redis, { prefix });
    // The same limiter, timing each decision the client waits for.
    const timed = (name) => async (argument) => {
      const started = performance.now();
      const answer = await inner[name](argument);
      calls.push(performance.now() - started);
      return answer;
    };
    limiter = { ...inner, takeCreate: timed("takeCreate") };
  }
  const placed = [];
  const limiterEvents = [];
  let tooMany = 0;
  const client = new TangoClient({
    baseUrl, platformName: "demo-platform", platformKey: "demo-key", ordersPerSecond: PER_SECOND, limiter, maxRetries,
    logger: (event) => {
      if (event.type === "limiter") limiterEvents.push({ at: Date.now(), state: event.state });
      if (event.type !== "request" || event.path !== "/orders") return;
      if (event.status === 201) placed.push(Date.now());
      if (event.status === 429) tooMany += 1;
    },
  });
  const order = (row) => ({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
    amount: 5, deliveryMethod: "NONE", externalRefID: `${tag}r${row}` });
  const results = await Promise.allSettled(Array.from({ length: creates }, (_, row) => client.createOrder(order(row))));
  redis?.disconnect();
  return { placed, tooMany, failed: results.filter((r) => r.status === "rejected").length, calls, limiterEvents };
}

/** Starts `processes` workers sharing `total` creates; resolves to what each printed. */
function spawnWorkers(settings, processes, shared, tag, total = TOTAL) {
  const creates = total / processes;
  return Promise.all(Array.from({ length: processes }, async (_, index) => {
    // One prefix for the run: its processes share one limit, and no run sees another's.
    const job = { ...settings, shared, creates, tag: `${tag}p${index}`, prefix: `bench-${tag}` };
    const child = spawn(process.execPath, [new URL(import.meta.url).pathname, "worker", JSON.stringify(job)], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    await once(child, "exit");
    return JSON.parse(output.trim().split("\n").at(-1));
  }));
}

/** Runs one configuration: `processes` workers sharing TOTAL creates. */
async function runOnce(settings, processes, shared, tag) {
  const outputs = await spawnWorkers(settings, processes, shared, tag);
  const placed = outputs.flatMap((o) => o.placed).sort((a, b) => a - b);
  const span = (placed.at(-1) - placed[0]) / 1000;
  const calls = outputs.flatMap((o) => o.calls).sort((a, b) => a - b);
  return {
    rate: placed.length > 1 ? (placed.length - 1) / span / PER_SECOND : 0,
    tooMany: outputs.reduce((sum, o) => sum + o.tooMany, 0),
    failed: outputs.reduce((sum, o) => sum + o.failed, 0),
    callsPerCreate: calls.length / TOTAL,
    roundTripMs: calls.length ? calls[Math.floor(calls.length / 2)] : null,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The comparison, `rounds` rounds, each running every count with and without the shared limiter
 * (interleaved). `startSim(args)` and `startRedis()` start the servers (tests/package/servers.mjs).
 */
export async function benchWorkers({ startSim, startRedis, rounds = 3 }) {
  const redis = await startRedis();
  const results = new Map();
  try {
    for (let round = 0; round < rounds; round++) {
      for (const processes of [1, 2, 4, 8]) {
        for (const shared of [true, false]) {
          // A fresh simulator for each run: Tango's limit counts every create it has seen.
          const sim = await startSim(["--creates-per-second", String(PER_SECOND), "--seed", String(round + 1)]);
          const tag = `b${round}n${processes}${shared ? "s" : "o"}`;
          const result = await runOnce({ baseUrl: sim.baseUrl, redisUrl: redis.url }, processes, shared, tag);
          await sim.stop();
          const key = `${processes}/${shared}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          console.log(`workers: ${processes} process(es), ${shared ? "shared" : "own"} limiter: ${result.rate.toFixed(3)} of the limit, ${result.tooMany} × 429, ${result.failed} failed`);
        }
      }
    }
  } finally {
    await redis.stop();
  }
  return [1, 2, 4, 8].flatMap((processes) => [true, false].map((shared) => {
    const runs = results.get(`${processes}/${shared}`);
    const pick = (name) => (runs.some((r) => r[name] === null) ? null : median(runs.map((r) => r[name])));
    return { processes, shared, rate: pick("rate"), tooMany: pick("tooMany"), failed: pick("failed"),
      callsPerCreate: pick("callsPerCreate"), roundTripMs: pick("roundTripMs") };
  }));
}

/**
 * Redis killed mid-run: 3 processes share 60 creates at 10 a second; Redis is SIGKILLed after 1.5 s
 * and started again on its port 3 s later. Measured: how long after the kill each process told
 * its logger it decides alone, how long after the restart it shared again, the 429s meanwhile
 * (retried with the same key) and the creates that failed.
 */
export async function benchFallback({ startSim, startRedis }) {
  const redis = await startRedis();
  const sim = await startSim(["--creates-per-second", String(PER_SECOND), "--seed", "7"]);
  const settings = { baseUrl: sim.baseUrl, redisUrl: redis.url };
  const running = spawnWorkers({ ...settings, maxRetries: 10 }, 3, true, "fallback", 60);
  await new Promise((done) => setTimeout(done, 1_500));
  const killedAt = Date.now();
  await redis.kill("SIGKILL");
  await new Promise((done) => setTimeout(done, 3_000));
  const restartedAt = Date.now();
  const back = await startRedis(redis.port);
  const outputs = await running;
  await back.stop();
  await sim.stop();
  const first = (state) => outputs.map((o) => o.limiterEvents.find((e) => e.state === state)?.at ?? null);
  return {
    noticedMs: first("unavailable").map((at) => (at === null ? null : at - killedAt)),
    restoredMs: first("restored").map((at) => (at === null ? null : at - restartedAt)),
    tooMany: outputs.reduce((sum, o) => sum + o.tooMany, 0),
    failed: outputs.reduce((sum, o) => sum + o.failed, 0),
    placed: outputs.reduce((sum, o) => sum + o.placed.length, 0),
  };
}

/** The results as Markdown table rows. */
export function workersTable(rows) {
  return [
    `| processes | limiter | creates/s ÷ limit | 429 answers | creates failed | Redis calls per create | Redis round trip (median) |`,
    `|---|---|---|---|---|---|---|`,
    ...rows.map((r) => `| ${r.processes} | ${r.shared ? "shared (Redis)" : "each its own"} | ${r.rate.toFixed(3)} | ${r.tooMany} | ${r.failed} | ${r.shared ? r.callsPerCreate.toFixed(2) : "–"} | ${r.shared ? `${r.roundTripMs.toFixed(2)} ms` : "–"} |`),
  ];
}

if (process.argv[2] === "worker") {
  process.stdout.write(JSON.stringify(await worker(JSON.parse(process.argv[3]))) + "\n");
}
