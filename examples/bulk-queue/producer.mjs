// Checks a CSV and enqueues each valid row's order as a BullMQ job whose jobId is the order's
// externalRefID (derived from the row's content: ../row-key.mjs), so enqueuing the same file
// twice adds nothing. Bad rows are reported by line and column and never enqueued.
//
//   node examples/bulk-queue/producer.mjs <recipients.csv> [--campaign NAME]
import { readFileSync } from "node:fs";
import { ordersFromCsv, validateOrdersCsv } from "tango-orders";
import { rowKeys } from "../row-key.mjs";
import { bullConnection, campaignFrom, campaignQueue, csvOptions } from "./queue.mjs";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: node examples/bulk-queue/producer.mjs <recipients.csv> [--campaign NAME]");
  process.exit(2);
}
const campaign = campaignFrom(rest);
const csv = readFileSync(file);
const options = csvOptions(campaign);
const report = await validateOrdersCsv(csv, options);
for (const issue of report.issues) {
  const where = issue.column ? `line ${issue.line} (${issue.column})` : `line ${issue.line}`;
  console.log(`${where}: ${issue.path || "row"}: ${issue.message}`);
}
if (report.issues.some((issue) => issue.index === undefined)) {
  console.log("the file itself has problems (above): fix them first; nothing was enqueued");
  process.exit(1);
}
const bad = new Set(report.issues.map((issue) => issue.index));
const rowKey = rowKeys(campaign);
const jobs = (await ordersFromCsv(csv, options))
  .map((order, index) => ({ order: { ...order, externalRefID: rowKey(order) }, line: index + 2, index }))
  .filter(({ index }) => !bad.has(index))
  .map(({ order, line }) => ({
    name: "createOrder",
    data: { order, line },
    // The key is the job's ID: a job already in the queue (waiting, done or failed) is not added again.
    opts: { jobId: order.externalRefID, attempts: 5, backoff: { type: "exponential", delay: 2_000 }, removeOnFail: false, removeOnComplete: false },
  }));

const connection = bullConnection();
const queue = campaignQueue(campaign, connection);
const before = await queue.getJobCountByTypes("waiting", "delayed", "active", "completed", "failed", "prioritized", "waiting-children");
for (let at = 0; at < jobs.length; at += 500) await queue.addBulk(jobs.slice(at, at + 500));
const after = await queue.getJobCountByTypes("waiting", "delayed", "active", "completed", "failed", "prioritized", "waiting-children");
console.log(`${report.rowCount} rows: ${report.invalidCount} invalid (not enqueued), ${after - before} enqueued, ${jobs.length - (after - before)} already in the queue`);
await queue.close();
await connection.quit();
