// createWebhookLedger: whether a webhook event was seen before, and the latest revision of each
// subscription. Tango may deliver an event again (its retries, a replay) and out of order (its
// docs: use `revision`); a receiver records each verified event and skips what it has handled.
// In memory by default (one process); with `store`, a shared limiter from tango-orders/redis, in
// Redis for every process that receives deliveries. Event IDs, subscription names and revisions
// are all it keeps: never an event's data.

/** How long an event is remembered by default: 31 days (Tango replays up to 3 months on request,
 * when a receiver asks to see those events again). */
const DEFAULT_TTL_MS = 31 * 24 * 3600 * 1000;
/** How many events one in-memory ledger remembers at most: the oldest are forgotten first. */
const DEFAULT_MAX_EVENTS = 100_000;

/** A positive whole number option, or its default. */
function whole(value, name, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`createWebhookLedger: ${name} must be a whole number of at least 1`);
  return value;
}

/** The in-memory store: a map of `subscription eventId` to when it is forgotten, in the order
 * recorded, and the latest revision of each subscription. */
function memoryStore(maxEvents) {
  const seen = new Map();
  const latest = new Map();
  return {
    recordWebhookEvent({ subscription, eventId, revision, ttlMs }) {
      const now = Date.now();
      const key = `${subscription} ${eventId}`;
      const until = seen.get(key);
      const fresh = until === undefined || until <= now;
      if (fresh) {
        seen.delete(key);
        seen.set(key, now + ttlMs);
        for (const [oldest, expires] of seen) {
          if (seen.size <= maxEvents && expires > now) break;
          seen.delete(oldest);
        }
      }
      const before = latest.get(subscription);
      if (revision !== undefined && (before === undefined || revision > before)) latest.set(subscription, revision);
      return Promise.resolve([fresh ? 1 : 0, before ?? -1]);
    },
  };
}

/**
 * A ledger of webhook events. `record(event, { subscription })` resolves to `{ duplicate,
 * outOfOrder, latestRevision }`: whether this `eventId` was recorded before for the subscription,
 * whether an event of a higher revision was recorded before it, and the highest revision seen
 * (this one included). A store that fails rejects the call: answer the delivery with an error and
 * Tango delivers it again, rather than handle it twice.
 */
export function createWebhookLedger(options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("createWebhookLedger: options must be an object");
  const ttlMs = whole(options.ttlMs, "ttlMs", DEFAULT_TTL_MS);
  const store = options.store ?? memoryStore(whole(options.maxEvents, "maxEvents", DEFAULT_MAX_EVENTS));
  if (typeof store?.recordWebhookEvent !== "function") {
    throw new TypeError("createWebhookLedger: store must be a shared limiter from tango-orders/redis (createRedisLimiter)");
  }
  return {
    async record(event, { subscription = "default" } = {}) {
      const eventId = event?.eventId;
      if (typeof eventId !== "string" || eventId === "") throw new TypeError("record: the event has no eventId (pass verifyWebhook's event)");
      if (typeof subscription !== "string" || subscription === "") throw new TypeError("record: subscription must be a non-empty string");
      const revision = Number.isSafeInteger(event.revision) ? event.revision : undefined;
      const [fresh, before] = (await store.recordWebhookEvent({ subscription, eventId, revision, ttlMs })).map(Number);
      const previous = before >= 0 ? before : undefined;
      const highest = [previous, revision].filter((r) => r !== undefined);
      return {
        duplicate: fresh !== 1,
        outOfOrder: revision !== undefined && previous !== undefined && revision < previous,
        latestRevision: highest.length > 0 ? Math.max(...highest) : undefined,
      };
    },
  };
}
