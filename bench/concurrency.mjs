// Many creates at once on one client (issue 26): N creates at 1,000 a second against a fetch that
// answers at once, made the way a new user sends a CSV, `Promise.all(rows.map(createOrder))`,
// beside what a user would write to keep the crowd small, one `await` at a time. Each run is a
// fresh Node process, so one run's heap does not slow the next.
//
//   node concurrency.mjs <package dir> <all|loop> <N>   one run; prints JSON
//   import { benchConcurrency } from "./concurrency.mjs" rounds interleaved; medians
//
// A run prints: seconds for all N, the ideal (N ÷ 1,000), the JavaScript heap and the `external`
// memory (where the wasm memory is counted) after the client is dropped and collected, and the
// peak RSS.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PER_SECOND = 1_000;
const here = new URL(".", import.meta.url).pathname;

/** The answer of an instant fetch: the order the request names, placed. */
const answer = (key) => JSON.stringify({ referenceOrderID: "RA" + key, externalRefID: key, customerIdentifier: "demo-customer",
  accountIdentifier: "demo-account", amount: 25, utid: "U000001", status: "COMPLETE", createdAt: "2026-01-01T00:00:00Z", deliveryMethod: "NONE" });

async function run(packageDir, mode, n) {
  const { TangoClient } = await import(pathToFileURL(join(resolve(packageDir), "index.node.js")).href);
  const fetch = async (request) => new Response(answer(JSON.parse(await request.text()).externalRefID), { status: 201 });
  const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 25, deliveryMethod: "NONE" };
  const settings = { baseUrl: "http://tango.invalid", platformName: "p", platformKey: "k", ordersPerSecond: PER_SECOND, fetch };
  // The client module loaded and warm, as in a process that has placed an order before.
  await new TangoClient(settings).createOrder(order);
  let client = new TangoClient(settings);
  const started = performance.now();
  if (mode === "all") {
    await Promise.all(Array.from({ length: n }, () => client.createOrder(order)));
  } else {
    for (let i = 0; i < n; i++) await client.createOrder(order);
  }
  const seconds = (performance.now() - started) / 1000;
  client = null;
  for (let i = 0; i < 6; i++) {
    await new Promise((done) => setTimeout(done, 20));
    globalThis.gc();
  }
  const { heapUsed, external } = process.memoryUsage();
  return { seconds, ideal: n / PER_SECOND, heapMb: heapUsed / 1e6, externalMb: external / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * One run in a fresh process, or `{ failed }` saying why it did not finish: over `timeoutMs`, out
 * of memory, a create that failed, or a crash (earlier builds, under this load).
 */
function runFresh(packageDir, mode, n, timeoutMs) {
  try {
    const output = execFileSync(process.execPath, ["--expose-gc", join(here, "concurrency.mjs"), packageDir, mode, String(n)],
      { encoding: "utf8", timeout: timeoutMs, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(output);
  } catch (error) {
    if (error.signal === "SIGTERM") return { failed: `over ${timeoutMs / 1000} s` };
    const stderr = String(error.stderr);
    if (stderr.includes("heap out of memory")) return { failed: "out of memory" };
    // A create that rejected (the old build refused some as unreadable under this load).
    const message = [...stderr.matchAll(/message: '([^']{1,200})'/g)].at(-1)?.[1];
    if (message) return { failed: `a create failed: ${message}` };
    return { failed: `exited with ${error.signal ?? `code ${error.status}`}, ${Math.round(stderr.length / 1024)} KiB on stderr` };
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * N = 500, 2,000 and 10,000, each as `Promise.all` and as a loop, for each of `packages` (pairs of
 * a label and a package directory), rounds interleaved (three for the smaller N, one for 10,000);
 * a run is given up after `timeoutMs`. Returns one row per package, N and mode, with the medians.
 */
export function benchConcurrency(packages, { counts = [500, 2_000, 10_000], timeoutMs = 120_000 } = {}) {
  const rows = [];
  for (const n of counts) {
    const rounds = n >= 10_000 ? 1 : 3;
    const runs = new Map();
    for (let round = 0; round < rounds; round++) {
      for (const [label, dir] of round % 2 ? [...packages].reverse() : packages) {
        for (const mode of ["all", "loop"]) {
          const key = `${label}\n${mode}`;
          runs.set(key, [...(runs.get(key) ?? []), runFresh(dir, mode, n, timeoutMs)]);
        }
      }
    }
    for (const [label] of packages) {
      for (const mode of ["all", "loop"]) {
        const all = runs.get(`${label}\n${mode}`), done = all.filter((r) => !r.failed);
        const pick = (key) => (done.length ? median(done.map((r) => r[key])) : null);
        rows.push({ label, n, mode, runs: all.length, failed: all.find((r) => r.failed)?.failed ?? null, seconds: pick("seconds"),
          ideal: n / PER_SECOND, heapMb: pick("heapMb"), externalMb: pick("externalMb"), peakRssMb: pick("peakRssMb") });
      }
    }
  }
  return rows;
}

/** The rows as a Markdown table (`fmt` formats a number). */
export function concurrencyTable(rows, fmt) {
  const cell = (value) => (value === null ? "" : fmt(value));
  return [
    "| build | N | how | seconds | ÷ ideal | heap after (MB) | external after (MB) | peak RSS (MiB) |", "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.label} | ${r.n.toLocaleString("en-US")} | ${r.mode === "all" ? "Promise.all" : "await in a loop"} | ` +
      (r.seconds === null ? `did not finish (${r.failed}) | | | | |`
        : `${fmt(r.seconds)} | ${(r.seconds / r.ideal).toFixed(2)}× | ${cell(r.heapMb)} | ${cell(r.externalMb)} | ${cell(r.peakRssMb)} |`)),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(here, "concurrency.mjs")) {
  const [packageDir, mode, n] = process.argv.slice(2);
  console.log(JSON.stringify(await run(packageDir, mode, Number(n))));
}
