// How a campaign stands: placed, already placed (by an earlier attempt or run), failed, may have
// been placed (retry with the same key to find out), waiting.
//
//   node examples/bulk-queue/status.mjs [--campaign NAME] [--json]
import { bullConnection, campaignFrom, campaignQueue } from "./queue.mjs";

const args = process.argv.slice(2);
const campaign = campaignFrom(args);
const connection = bullConnection();
const queue = campaignQueue(campaign, connection);
const tally = { placed: 0, alreadyPlaced: 0, failed: 0, mayHaveBeenPlaced: 0, waiting: 0 };
const pages = async (state, each) => {
  for (let start = 0; ; start += 1_000) {
    const jobs = await queue.getJobs([state], start, start + 999, true);
    jobs.filter(Boolean).forEach(each);
    if (jobs.length < 1_000) break;
  }
};
await pages("completed", (job) => (tally[job.returnvalue?.created ? "placed" : "alreadyPlaced"] += 1));
await pages("failed", (job) => (tally[job.data.mayHaveBeenPlaced ? "mayHaveBeenPlaced" : "failed"] += 1));
const counts = await queue.getJobCounts("waiting", "delayed", "active", "prioritized");
tally.waiting = Object.values(counts).reduce((a, b) => a + b, 0);
if (args.includes("--json")) {
  console.log(JSON.stringify(tally));
} else {
  console.log(`${campaign}: ${tally.placed} placed, ${tally.alreadyPlaced} already placed, ${tally.failed} failed, ${tally.mayHaveBeenPlaced} may have been placed, ${tally.waiting} waiting`);
}
await queue.close();
await connection.quit();
