
// ---- Webhook ledger (pkg-template/webhook-ledger.d.ts, appended by scripts/declarations.mjs) ----

/** Where a webhook ledger keeps what it saw: a shared limiter from tango-orders/redis. */
export interface WebhookLedgerStore {
  recordWebhookEvent(record: { subscription: string; eventId: string; revision: number | undefined; ttlMs: number }): Promise<unknown[]>;
}
export interface WebhookLedgerOptions {
  /** Keep what was seen in Redis, shared by every process that receives deliveries: the limiter
   * from `createRedisLimiter` (tango-orders/redis). Default: in this process's memory. */
  store?: WebhookLedgerStore;
  /** How long an event is remembered, in ms (default 31 days). */
  ttlMs?: number;
  /** How many events the in-memory ledger remembers at most (default 100000; the oldest go first). */
  maxEvents?: number;
}
/** What `record` tells about an event. */
export interface WebhookEventRecord {
  /** This `eventId` was recorded before for the subscription: it was handled already. */
  duplicate: boolean;
  /** An event of a higher revision was recorded before this one. */
  outOfOrder: boolean;
  /** The highest revision recorded for the subscription, this one included. */
  latestRevision: number | undefined;
}
export interface WebhookLedger {
  /** Records a verified event; `subscription` names the subscription it came to (default "default"). */
  record(event: { eventId: string; revision?: number }, options?: { subscription?: string }): Promise<WebhookEventRecord>;
}
/** A ledger of webhook events: whether each was seen before, and the latest revision of each
 * subscription. Rejects a call when its store fails, so that the delivery is answered with an
 * error and delivered again rather than handled twice. */
export declare function createWebhookLedger(options?: WebhookLedgerOptions): WebhookLedger;
