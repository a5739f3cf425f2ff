// Types of tango-orders/redis: a shared limiter on Redis for `new TangoClient({ limiter })`.
import type { TangoLimiter, WebhookLedgerStore } from "./index.js";

/** The part of an ioredis or iovalkey client the limiter uses. */
export interface IoRedisLike {
  script(subcommand: "LOAD", source: string): Promise<unknown>;
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/** The part of a node-redis (v4+) client the limiter uses. */
export interface NodeRedisLike {
  scriptLoad(source: string): Promise<unknown>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisLimiterOptions {
  /** The first part of every key (default "tango-orders"). */
  prefix?: string;
  /** The limit the creates share (default: the client's platformName, or "default" for a bearer
   * token). Set it when several platforms count as one, or to separate clients of one platform
   * that Tango limits apart. */
  account?: string;
  /** How long a client waits for Redis before it keeps the limits alone, 1 to 60000 ms (default
   * 1000). */
  storeTimeoutMs?: number;
}

/**
 * A limiter that keeps Tango's limits (1 create per second, 1 resend per reward per 30 s) in Redis,
 * shared by every process and machine whose clients use it with the same Redis and account.
 * `redis` is a connected client the application owns; the limiter never closes it. Throws a
 * TypeError when `redis` is none of ioredis, iovalkey or node-redis v4+, or an option is unusable.
 */
export function createRedisLimiter(redis: IoRedisLike | NodeRedisLike, options?: RedisLimiterOptions): TangoLimiter & WebhookLedgerStore;
