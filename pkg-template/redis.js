// tango-orders/redis: a shared limiter's store on Redis, over a client the application owns
// (ioredis, iovalkey or node-redis v4+; this package depends on none of them). Tango's limits
// belong to the account, so every process that places orders with it keeps them here together.
//
// Each decision is one Lua script, atomic in Redis and timed by Redis's own clock (TIME), so that
// machines whose clocks differ agree. The waiting, the abort, the timeout and the fallback to the
// client's own limiter live in the client (Rust, src/client/shared_limiter.rs); this file only
// runs the scripts. Keys hold IDs and times only, never personal data, and every key expires.

/** Default prefix of every key. */
const PREFIX = "tango-orders";

/** How long a queued create keeps its place after it should have asked again (a process that
 * died stops asking; its place is dropped after this). */
const GRACE_MS = 3000;

/** How long the shared state outlives its last use: after that, an idle account has no keys. */
const IDLE_TTL_MS = 60000;

/** Tango's limit: one resend per order or line item per 30 s. */
const RESEND_INTERVAL_MS = 30000;

// KEYS: state (hash), queue (zset of tickets by arrival), leases (zset of tickets by lease end).
// ARGV: ticket, leads (1/0), interval, margin, hold, grace, idle ttl.
// Returns 0 when the create may go now (it leaves the queue), else the ms to wait before asking.
// Times are milliseconds with fractions (Redis keeps them to a tenth: Lua writes 14 digits).
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local ticket = ARGV[1]
local interval, margin = tonumber(ARGV[3]), tonumber(ARGV[4])
local hold, grace, idle = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 100)
for _, gone in ipairs(dead) do
  redis.call('ZREM', KEYS[2], gone)
  redis.call('ZREM', KEYS[3], gone)
end
if not redis.call('ZSCORE', KEYS[2], ticket) then
  redis.call('ZADD', KEYS[2], redis.call('HINCRBY', KEYS[1], 'seq', 1), ticket)
end
local rank = redis.call('ZRANK', KEYS[2], ticket)
local s = redis.call('HMGET', KEYS[1], 'tat', 'go', 'leader', 'answered')
local wait = (tonumber(s[1]) or 0) - now
if s[3] == '1' and s[4] ~= '1' and now < (tonumber(s[2]) or 0) + hold then
  wait = math.max(wait, math.max(interval / 20, 5))
end
if rank == 0 and wait <= 0 then
  redis.call('ZREM', KEYS[2], ticket)
  redis.call('ZREM', KEYS[3], ticket)
  redis.call('HSET', KEYS[1], 'tat', now + interval + margin, 'go', now, 'last', ticket,
    'leader', ARGV[2], 'answered', '0')
  local keep = math.ceil(interval + hold + idle)
  if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
  return 0
end
-- Behind others: wake when its turn would come if one create ahead left, a little after the
-- front's own turn (so that the two do not ask at the same moment).
if rank > 0 then
  wait = math.max(wait, 0) + (rank - 1) * (interval + margin) + math.min(math.max(interval / 10, 5), 50)
end
wait = math.ceil(wait)
if wait < 1 then wait = 1 end
redis.call('ZADD', KEYS[3], now + wait + grace, ticket)
local last = redis.call('ZRANGE', KEYS[3], -1, -1, 'WITHSCORES')
local ends = math.ceil(math.max(tonumber(last[2]) or now, now + wait + grace) - now + idle)
redis.call('PEXPIRE', KEYS[2], ends)
redis.call('PEXPIRE', KEYS[3], ends)
if redis.call('PTTL', KEYS[1]) < ends then redis.call('PEXPIRE', KEYS[1], ends) end
return wait
`;

// KEYS: state. ARGV: ticket, next start after its go (ms), answered (1/0).
const REPORT = `
if redis.call('HGET', KEYS[1], 'last') ~= ARGV[1] then return 0 end
local at = tonumber(redis.call('HGET', KEYS[1], 'go')) + tonumber(ARGV[2])
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[1], 'tat', at, 'answered', '1')
elseif at > (tonumber(redis.call('HGET', KEYS[1], 'tat')) or 0) then
  redis.call('HSET', KEYS[1], 'tat', at)
end
return 1
`;

// KEYS: queue, leases. ARGV: ticket.
const LEAVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;

// KEYS: the resend's key. ARGV: claim, 30 s. Returns 0 when claimed, else the ms until it may be.
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
local left = redis.call('PTTL', KEYS[1])
if left < 1 then return 1 end
return left
`;

// KEYS: the resend's key. ARGV: claim. Ends the claim only if it is still this one.
const FORGET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// KEYS: the event's key, the subscription's latest revision. ARGV: ttl ms, revision ('' when none).
// Returns { 1 when the event is new, else 0; the latest revision before it, or -1 }.
const RECORD_EVENT = `
local fresh = redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1])
local before = tonumber(redis.call('GET', KEYS[2]))
local revision = tonumber(ARGV[2])
if revision and (not before or revision > before) then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
elseif before then
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
return { fresh and 1 or 0, before or -1 }
`;

/**
 * How to load and run a script on `redis`, found by its methods: node-redis v4+ (`scriptLoad`,
 * `evalSha` with `{ keys, arguments }`) or ioredis and iovalkey (`script("LOAD")`, `evalsha`).
 */
function scriptRunner(redis) {
  if (redis !== null && typeof redis === "object") {
    if (typeof redis.scriptLoad === "function" && typeof redis.evalSha === "function") {
      return {
        load: (source) => redis.scriptLoad(source),
        run: (sha, keys, args) => redis.evalSha(sha, { keys, arguments: args.map(String) }),
      };
    }
    if (typeof redis.script === "function" && typeof redis.evalsha === "function") {
      return {
        load: (source) => redis.script("LOAD", source),
        run: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...args.map(String)),
      };
    }
  }
  throw new TypeError("createRedisLimiter needs a connected Redis client: ioredis, iovalkey or node-redis v4+");
}

/** A script run by its SHA, loaded on first use and again after Redis forgot it (a restart). */
function script(runner, source) {
  let sha;
  // A load that failed (Redis down) is forgotten, so that the next call loads again.
  const load = () => (sha ??= Promise.resolve(runner.load(source)).catch((error) => {
    sha = undefined;
    throw error;
  }));
  return async (keys, args) => {
    try {
      return await runner.run(await load(), keys, args);
    } catch (error) {
      if (!/NOSCRIPT/.test(String(error?.message ?? error))) throw error;
      sha = undefined;
      return runner.run(await load(), keys, args);
    }
  };
}

/** A key component as it may appear in a key: no braces (they mark Redis Cluster's hash tag). */
function part(text) {
  return String(text).replace(/[{}%]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

/** A number in [min, max], or the default when absent. */
function optionalNumber(value, name, min, max, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= min && value <= max)) {
    throw new RangeError(`createRedisLimiter: ${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

/**
 * A limiter for `new TangoClient({ limiter })` that keeps Tango's limits in Redis, for every
 * process and machine that uses the same Redis and account.
 */
export function createRedisLimiter(redis, options = {}) {
  const runner = scriptRunner(redis);
  if (options === null || typeof options !== "object") throw new TypeError("createRedisLimiter: options must be an object");
  const prefix = options.prefix ?? PREFIX;
  if (typeof prefix !== "string" || prefix.length === 0 || prefix.length > 100) {
    throw new TypeError("createRedisLimiter: prefix must be a string of 1 to 100 characters");
  }
  if (options.account !== undefined && (typeof options.account !== "string" || options.account.length === 0)) {
    throw new TypeError("createRedisLimiter: account must be a non-empty string");
  }
  const storeTimeoutMs = optionalNumber(options.storeTimeoutMs, "storeTimeoutMs", 1, 60000, 1000);
  const take = script(runner, TAKE);
  const report = script(runner, REPORT);
  const leave = script(runner, LEAVE);
  const claim = script(runner, CLAIM);
  const forget = script(runner, FORGET);
  const recordEvent = script(runner, RECORD_EVENT);
  // Every key of one account shares one hash tag, so that a script's keys are in one slot.
  const base = (account) => `${prefix}:{${part(options.account ?? account)}}`;
  const number = (reply) => Number(reply);
  return {
    storeTimeoutMs,
    takeCreate: ({ account, ticket, leads, intervalMs, marginMs, holdMs }) => {
      const at = base(account);
      return take([`${at}:creates`, `${at}:queue`, `${at}:leases`],
        [ticket, leads ? 1 : 0, intervalMs, marginMs, holdMs, GRACE_MS, IDLE_TTL_MS]).then(number);
    },
    reportCreate: ({ account, ticket, nextAfterGoMs, answered }) =>
      report([`${base(account)}:creates`], [ticket, nextAfterGoMs, answered ? 1 : 0]),
    leaveCreate: ({ account, ticket }) => {
      const at = base(account);
      return leave([`${at}:queue`, `${at}:leases`], [ticket]);
    },
    claimResend: ({ account, key, claim: token }) =>
      claim([`${base(account)}:resend:${part(key)}`], [token, RESEND_INTERVAL_MS]).then(number),
    forgetResend: ({ account, key, claim: token }) =>
      forget([`${base(account)}:resend:${part(key)}`], [token]),
    // For createWebhookLedger (tango-orders): a subscription's keys share one hash tag.
    recordWebhookEvent: ({ subscription, eventId, revision, ttlMs }) => {
      const at = `${prefix}:{webhooks:${part(subscription)}}`;
      return recordEvent([`${at}:event:${part(eventId)}`, `${at}:latest`], [ttlMs, revision ?? ""]);
    },
  };
}
