// examples/bulk-queue on BullMQ, a real redis-server and the tango-sim binary: the producer
// enqueues a 60-row CSV (twice: the second adds nothing), three workers place the orders together
// at Tango's 1 per second, one is killed (SIGKILL) mid-run, and BullMQ's stalled-job recovery
// hands its jobs to the others: exactly 60 orders, none twice, and the status command says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { startRedis, startSim } from "../package/servers.mjs";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const script = (name) => join(root, "examples", "bulk-queue", name);
// The packages as the examples have them (examples/node_modules).
const fromExamples = (name) => import(pathToFileURL(createRequire(join(root, "examples", "package.json")).resolve(name)).href);
let redis;
let sim;
let env;

before(async () => {
  redis = await startRedis();
  sim = await startSim(["--seed", "21"]);
  env = { ...process.env, REDIS_URL: redis.url, TANGO_BASE_URL: sim.baseUrl };
});
after(async () => {
  await sim?.stop();
  await redis?.stop();
});

/** The status command's tally. */
async function status() {
  const { stdout } = await run(process.execPath, [script("status.mjs"), "--campaign", "crash", "--json"], { env });
  return JSON.parse(stdout);
}

function startWorker() {
  const child = spawn(process.execPath, [script("worker.mjs"), "--campaign", "crash"], { env, stdio: ["ignore", "pipe", "inherit"] });
  child.stdout.resume();
  return child;
}

test("60 rows over 3 workers, one killed mid-run: exactly 60 orders, none twice", { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "bulk-queue-"));
  const csv = join(dir, "rows.csv");
  const rows = Array.from({ length: 60 }, (_, i) => `Ada${i},Lovelace,ada${i}@example.com,${5 + (i % 7)}`);
  // Two bad rows, never enqueued.
  writeFileSync(csv, ["firstName,lastName,email,amount", ...rows, "Bob,Bad,not-an-email,5", "Cy,Bad,cy@example.com,-3"].join("\n") + "\n");

  const first = await run(process.execPath, [script("producer.mjs"), csv, "--campaign", "crash"], { env });
  assert.match(first.stdout, /62 rows: 2 invalid \(not enqueued\), 60 enqueued, 0 already in the queue/);
  assert.match(first.stdout, /line 62 \(email\): recipient\.email:/);
  const again = await run(process.execPath, [script("producer.mjs"), csv, "--campaign", "crash"], { env });
  assert.match(again.stdout, /0 enqueued, 60 already in the queue/);

  const started = Date.now();
  const workers = [startWorker(), startWorker(), startWorker()];
  await sleep(12_000);
  const victim = workers[0];
  victim.kill("SIGKILL");
  await once(victim, "exit");
  let tally;
  for (;;) {
    tally = await status();
    if (tally.waiting === 0 && tally.placed + tally.alreadyPlaced + tally.failed + tally.mayHaveBeenPlaced === 60) break;
    assert.ok(Date.now() - started < 160_000, `still waiting: ${JSON.stringify(tally)}`);
    await sleep(1_000);
  }
  const elapsed = Date.now() - started;
  for (const worker of workers.slice(1)) {
    worker.kill("SIGTERM");
    await once(worker, "exit");
  }
  assert.equal(tally.failed + tally.mayHaveBeenPlaced, 0, JSON.stringify(tally));
  assert.equal(tally.placed + tally.alreadyPlaced, 60);

  // Tango's side: exactly 60 orders, each key once.
  const { TangoClient } = await fromExamples("tango-orders");
  const tango = new TangoClient({ baseUrl: sim.baseUrl, platformName: "demo-platform", platformKey: "demo-key" });
  const keys = [];
  for await (const order of tango.iterateOrders({})) keys.push(order.externalRefID);
  assert.equal(keys.length, 60);
  assert.equal(new Set(keys).size, 60);
  // The killed worker held jobs (it takes two at a time): BullMQ found them stalled and another
  // worker placed them.
  const { Queue } = await fromExamples("bullmq");
  const { default: IORedis } = await fromExamples("ioredis");
  const queueConnection = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue("tango-orders-crash", { connection: queueConnection });
  const recovered = (await queue.getJobs(["completed"], 0, -1)).filter((job) => job.stalledCounter > 0).length;
  await queue.close();
  queueConnection.disconnect();
  assert.ok(recovered >= 1, "no job of the killed worker was recovered");
  console.log(`# bulk queue: 60 orders in ${(elapsed / 1000).toFixed(1)} s over 3 workers (one killed at 12 s, ${recovered} of its jobs recovered): ${tally.placed} placed, ${tally.alreadyPlaced} already placed`);

  // Done jobs keep IDs only: no recipient's details left in Redis.
  const connection = new IORedis(redis.url);
  const keysInRedis = await connection.keys("bull:tango-orders-crash:*");
  let dump = "";
  for (const key of keysInRedis) if ((await connection.type(key)) === "hash") dump += JSON.stringify(await connection.hgetall(key));
  connection.disconnect();
  assert.ok(dump.length > 0);
  assert.ok(!dump.includes("@example.com") && !dump.includes("Lovelace"), "a recipient's details stayed in Redis");
});
