// One worker process of the shared-limiter tests: a TangoClient on tango-sim whose limiter is
// createRedisLimiter over a Redis client of the kind asked for. Prints one JSON line at the end:
// what each call did, every logger event with when it came, and when the worker started and ended.
//
// Usage: node redis-worker.mjs '<json>' with { mode: "create" | "resend", baseUrl, redisUrl,
// redisClient: "ioredis" | "iovalkey" | "node-redis", tag, creates, maxRetries, orderId }.
import { createRequire } from "node:module";
import { TangoClient } from "tango-orders";
import { createRedisLimiter } from "tango-orders/redis";

const require = createRequire(import.meta.url);
const job = JSON.parse(process.argv[2]);

/** A connected Redis client of the kind asked for; errors while Redis is away are expected. */
async function connectRedis(kind, url) {
  if (kind === "node-redis") {
    const { createClient } = require("redis");
    const client = createClient({ url });
    client.on("error", () => {});
    await client.connect();
    return { client, close: () => client.close?.() ?? client.quit() };
  }
  const Redis = require(kind === "iovalkey" ? "iovalkey" : "ioredis");
  const client = new Redis(url, { lazyConnect: true });
  client.on("error", () => {});
  await client.connect();
  return { client, close: () => client.disconnect() };
}

const redis = await connectRedis(job.redisClient, job.redisUrl);
const events = [];
const started = Date.now();
const client = new TangoClient({
  baseUrl: job.baseUrl,
  platformName: "demo-platform",
  platformKey: "demo-key",
  maxRetries: job.maxRetries ?? 2,
  limiter: createRedisLimiter(redis.client, job.limiter ?? {}),
  logger: (event) => events.push({ at: Date.now(), ...event }),
});

const order = (row) => ({
  customerIdentifier: "demo-customer",
  accountIdentifier: "demo-account",
  utid: "U000001",
  amount: 5,
  deliveryMethod: "EMAIL",
  recipient: { firstName: "Ada", email: "ada@example.com" },
  externalRefID: `${job.tag}r${row}`,
});

const outcome = (promise) =>
  promise.then(
    (value) => ({ ok: true, at: Date.now(), value }),
    (error) => ({ ok: false, at: Date.now(), kind: error.kind, status: error.status, mayHaveBeenPlaced: error.mayHaveBeenPlaced, retryAfterMs: error.retryAfterMs, message: error.message }),
  );

let results;
if (job.mode === "create") {
  results = await Promise.all(
    Array.from({ length: job.creates }, (_, row) =>
      outcome(client.createOrder(order(row))).then((r) => (r.ok ? { ...r, value: { created: r.value.created, ref: r.value.order.externalRefID } } : r)),
    ),
  );
} else if (job.mode === "resend") {
  results = [await outcome(client.resendOrder(job.orderId))];
} else {
  throw new Error(`unknown mode ${job.mode}`);
}
await redis.close();
process.stdout.write(JSON.stringify({ started, ended: Date.now(), results, events }) + "\n");
