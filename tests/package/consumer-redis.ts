// The shared limiter's types against the Redis clients' own, checked with `tsc --strict` (with
// skipLibCheck, as ioredis's declarations import an untyped package). The @ts-expect-error line
// fails the check if the types ever accept what is not a Redis client.
import { TangoClient, createWebhookLedger } from "tango-orders";
import { createRedisLimiter } from "tango-orders/redis";
import { Redis } from "ioredis";
import { createClient } from "redis";

// A shared limiter over each kind of Redis client the application may own, and the logger's
// events told apart by their type.
const overIoRedis = createRedisLimiter(new Redis({ lazyConnect: true }), { prefix: "shop", storeTimeoutMs: 500 });
const overNodeRedis = createRedisLimiter(createClient(), { account: "one-account" });
// @ts-expect-error: not a Redis client
createRedisLimiter({ get() {} });
new TangoClient({
  baseUrl: "http://127.0.0.1:4010/raas/v2",
  limiter: overIoRedis,
  logger: (event) => {
    if (event.type === "limiter") {
      const state: "unavailable" | "restored" = event.state;
      void state;
    } else {
      const status: number | undefined = event.status;
      void status;
    }
  },
});
void overNodeRedis;

// The shared limiter is also a webhook ledger's store.
export const ledger = createWebhookLedger({ store: overIoRedis, ttlMs: 86_400_000 });
