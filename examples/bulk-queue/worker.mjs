// Places the campaign's orders, on any number of machines at once: each worker takes jobs from
// BullMQ and creates them through a TangoClient whose limiter is in the same Redis, so together
// they keep Tango's 1 create per second. A worker killed mid-job leaves that job to BullMQ's
// stalled-job recovery; another worker places it with the same externalRefID, and Tango answers
// with the existing order if the first had placed it. When a job ends, its data is cut to IDs:
// the recipient's details stay in Redis only while the order waits.
//
//   node examples/bulk-queue/worker.mjs [--campaign NAME]
import { UnrecoverableError, Worker } from "bullmq";
import IORedis from "ioredis";
import { createRedisLimiter } from "tango-orders/redis";
import { connect } from "../connect.mjs";
import { REDIS_URL, bullConnection, campaignFrom } from "./queue.mjs";

const campaign = campaignFrom(process.argv.slice(2));
const limiterConnection = new IORedis(REDIS_URL);
limiterConnection.on("error", () => {}); // the limiter falls back while Redis is away
const tango = connect({
  limiter: createRedisLimiter(limiterConnection),
  logger: (event) => event.type === "limiter" && console.log(`limiter: ${event.message}`),
});

/** Keeps only the IDs of a job that has ended. */
const forget = (job, outcome) => job.updateData({ externalRefID: job.data.order.externalRefID, line: job.data.line, ...outcome });

const worker = new Worker(
  `tango-orders-${campaign}`,
  async (job) => {
    // Placed by a worker that died before BullMQ heard of it: its data is already cut to IDs.
    if (!job.data.order) return { referenceOrderID: job.data.referenceOrderID, created: job.data.created };
    try {
      const { order, created } = await tango.createOrder(job.data.order, { maxRetries: 5 });
      const result = { referenceOrderID: order.referenceOrderID, created };
      await forget(job, result);
      return result;
    } catch (error) {
      if (error.mayHaveBeenPlaced || error.retryable) {
        // BullMQ retries the job (attempts, backoff) with the same order and so the same key.
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (last) await forget(job, { mayHaveBeenPlaced: error.mayHaveBeenPlaced, kind: error.kind, status: error.status ?? null });
        throw new Error(`${error.kind} ${error.status ?? ""}: retried with the same key`);
      }
      await forget(job, { mayHaveBeenPlaced: false, kind: error.kind, status: error.status ?? null });
      throw new UnrecoverableError(`${error.kind} ${error.status ?? ""}`);
    }
  },
  {
    connection: bullConnection(),
    concurrency: 2,
    // A killed worker's job is found stalled within about 10 s (BullMQ's default is 30 s).
    lockDuration: 10_000,
    stalledInterval: 5_000,
  },
);
worker.on("failed", (job, error) => job && console.log(`line ${job.data.line}: ${error.message}`));
worker.on("error", () => {});
console.log(`worker ${process.pid}: placing campaign ${campaign}'s orders (Ctrl-C stops after the jobs in hand)`);
const stop = async () => {
  await worker.close();
  limiterConnection.disconnect();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
