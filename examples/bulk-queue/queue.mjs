// What the producer, the workers and the status command share: the Redis they meet in
// (REDIS_URL, default redis://127.0.0.1:6379), the BullMQ queue of one campaign, and how a CSV's
// columns map to orders.
import { Queue } from "bullmq";
import IORedis from "ioredis";
import { ACCOUNT, CUSTOMER } from "../connect.mjs";
import { campaignName } from "../row-key.mjs";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A Redis connection as BullMQ needs it (no per-command retry limit: its workers block). */
export function bullConnection() {
  return new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
}

/** The campaign from `--campaign NAME` (default "demo"). */
export function campaignFrom(args) {
  const at = args.indexOf("--campaign");
  return campaignName(at >= 0 ? args[at + 1] : "demo");
}

/** The queue of one campaign's orders. */
export function campaignQueue(campaign, connection) {
  return new Queue(`tango-orders-${campaign}`, { connection });
}

/** The CSV options of examples/recipients.csv; a header of wire paths needs no mapping. */
export function csvOptions(campaign) {
  return {
    columns: { firstName: "recipient.firstName", lastName: "recipient.lastName", email: "recipient.email" },
    defaults: { customerIdentifier: CUSTOMER, accountIdentifier: ACCOUNT, utid: "U000001", deliveryMethod: "EMAIL", campaign },
  };
}
