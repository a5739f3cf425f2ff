// Two builds of the package side by side in one Node process, rounds interleaved (before, after,
// after, before, …), medians reported: sizes as a page ships them, single and bulk validation,
// decoding a page of orders, a create + read through the client and the simulator's fetch, and
// cold start. `make bench-before-after BASE=<rev>` builds the base revision's package and runs
// this; it writes bench/BEFORE_AFTER.md. Usage: node before-after.mjs <before pkg> <after pkg>.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { writeFileSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { benchConcurrency, concurrencyTable } from "./concurrency.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [beforeDir, afterDir] = process.argv.slice(2).map((p) => resolve(p));
const label = process.env.BASE_LABEL ?? "before";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length / 1024;

const load = async (dir) => ({
  main: await import(join(dir, "index.node.js")),
  lean: await import(join(dir, "validate.node.js")),
  sim: await import(join(dir, "sim.node.js")),
});
const builds = { before: await load(beforeDir), after: await load(afterDir) };
const rows = [];
const report = (what, unit, before, after) => {
  rows.push({ what, unit, before, after });
  console.log(`${what.padEnd(52)} ${before.toFixed(2).padStart(9)} ${unit}  →  ${after.toFixed(2).padStart(9)} ${unit}  (${((after / before - 1) * 100).toFixed(1)} %)`);
};

// Sizes: each entry bundled and minified by esbuild, as a page ships it.
async function bundle(dir, contents) {
  const out = await build({ stdin: { contents, resolveDir: dir, loader: "js" }, bundle: true, minify: true, write: false,
    format: "esm", platform: "browser", logLevel: "silent" });
  return Buffer.from(out.outputFiles[0].contents);
}
// With code splitting (esbuild --splitting), what a page loads first: the entry's file and what it
// imports statically (a build without a lazily imported client has everything there).
async function firstLoad(dir, contents) {
  const out = await build({ stdin: { contents, resolveDir: dir, loader: "js" }, bundle: true, minify: true, write: false,
    splitting: true, outdir: join(dir, ".split"), absWorkingDir: dir, metafile: true, format: "esm", platform: "browser", logLevel: "silent" });
  const files = new Map(out.outputFiles.map((f) => [f.path, Buffer.from(f.contents)]));
  const outputs = out.metafile.outputs, first = new Set();
  const visit = (key) => {
    if (first.has(key)) return;
    first.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(Object.keys(outputs).find((key) => outputs[key].entryPoint === "<stdin>"));
  return Buffer.concat([...first].filter((k) => k.endsWith(".js")).map((k) => files.get(join(dir, k))));
}
const mainContents = 'export { validateCreateOrder, TangoClient } from "./index.js";';
report("size, gzip: main entry, first load (esbuild --splitting)", "KiB", gz(await firstLoad(beforeDir, mainContents)), gz(await firstLoad(afterDir, mainContents)));
for (const [what, contents] of [["main entry, all in one file (no splitting)", mainContents],
  ["tango-orders/validate", 'export { validateCreateOrder } from "./validate.js";']]) {
  report(`size, gzip: ${what}`, "KiB", gz(await bundle(beforeDir, contents)), gz(await bundle(afterDir, contents)));
}

// Interleaved timing: `rounds` rounds, each timing both builds, the order alternating.
function interleaved(rounds, time) {
  const runs = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) {
    for (const which of r % 2 ? ["after", "before"] : ["before", "after"]) runs[which].push(time(builds[which], which));
  }
  return [median(runs.before), median(runs.after)];
}
const perCall = (fn, input, calls) => { const s = performance.now(); for (let i = 0; i < calls; i++) fn(input); return ((performance.now() - s) / calls) * 1000; };

const digital = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 25,
  deliveryMethod: "EMAIL", recipient: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" } };
const physical = { ...digital, utid: "U000002", deliveryMethod: "ADDRESS", recipient: { firstName: "Ada", lastName: "Lovelace",
  address: { streetLine1: "12 Main St", city: "Springfield", stateOrProvince: "IL", postalCode: "62701", country: "US" } } };
for (const b of Object.values(builds)) for (let i = 0; i < 2_000; i++) { b.main.validateCreateOrder(digital); b.lean.validateCreateOrder(physical); }
for (const [what, input] of [["digital", digital], ["physical", physical]]) {
  report(`single validation, ${what}, main entry`, "µs", ...interleaved(15, (b) => perCall(b.main.validateCreateOrder, input, 3_000)));
  report(`single validation, ${what}, tango-orders/validate`, "µs", ...interleaved(15, (b) => perCall(b.lean.validateCreateOrder, input, 3_000)));
}
const rowsData = Array.from({ length: 50_000 }, (_, i) => {
  const row = { ...digital, externalRefID: `bulk${i}`, recipient: { firstName: `Person${i}`, email: `person${i}@example.com` } };
  if (i % 10 === 3) row.recipient = { ...row.recipient, email: `person${i}@` };
  return row;
});
report("bulk validation, 50,000 rows", "ms", ...interleaved(7, (b) => { const s = performance.now(); b.main.validateCreateOrders(rowsData); return performance.now() - s; }));

// One real order from the simulator, repeated 10,000 times in a page.
const sim = builds.after.sim.createSimulator({ virtualClock: true });
const headers = { authorization: "Basic " + btoa("demo-platform:demo-key"), "content-type": "application/json" };
const placed = await (await sim.fetch(sim.baseUrl + "/orders", { method: "POST", headers, body: JSON.stringify(digital) })).json();
const listBody = JSON.stringify({ page: { number: 0, elementsPerBlock: 10_000, resultCount: 10_000, totalCount: 10_000 },
  orders: Array.from({ length: 10_000 }, (_, i) => ({ ...placed, referenceOrderID: `RA260101-${String(i).padStart(4, "0")}-01` })) });
report("decode GET /orders, 10,000 orders", "ms", ...interleaved(7, (b) => { const s = performance.now(); b.main.parseOrderListPage(listBody); return performance.now() - s; }));

// The client over the simulator's fetch: a create then a read, per pair (the transport's share).
const clients = {};
for (const [which, b] of Object.entries(builds)) {
  // The same simulator (the after build's) for both clients: only the client differs.
  const s = builds.after.sim.createSimulator({ virtualClock: false, createsPerSecond: 1_000_000 });
  clients[which] = new b.main.TangoClient({ baseUrl: s.baseUrl, platformName: s.platformName, platformKey: s.platformKey, fetch: s.fetch,
    ordersPerSecond: 500 });
}
async function roundTrips(which, n) {
  const s = performance.now();
  for (let i = 0; i < n; i++) {
    const { order } = await clients[which].createOrder(digital);
    await clients[which].getOrder(order.referenceOrderID);
  }
  return ((performance.now() - s) / n) * 1000;
}
const trips = { before: [], after: [] };
for (let r = 0; r < 9; r++) for (const which of r % 2 ? ["after", "before"] : ["before", "after"]) trips[which].push(await roundTrips(which, 40));
report("client create + get over the simulator's fetch", "µs", median(trips.before), median(trips.after));

// Cold start: a fresh Node importing the entry and validating once.
const cold = (dir) => { const s = performance.now(); execFileSync(process.execPath, ["-e",
  `import(${JSON.stringify(join(dir, "index.node.js"))}).then((m) => m.validateCreateOrder({}))`]); return performance.now() - s; };
report("cold start: node + import + first validation", "ms", ...interleaved(9, (_b, which) => cold(which === "before" ? beforeDir : afterDir)));

// Many creates at once on one client (bench/concurrency.mjs), each run in a fresh process, the two
// builds interleaved; an earlier build's run is given up after 60 s.
const crowd = benchConcurrency([[label, beforeDir], ["after", afterDir]], { timeoutMs: 60_000 });
const fmtCrowd = (n) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(n >= 10 ? 1 : 2));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
writeFileSync(join(here, "BEFORE_AFTER.md"), [
  "# Before and after", "",
  `Run ${new Date().toISOString()} on ${machine}. "${label}" is ${readFileSync(join(beforeDir, ".revision"), "utf8").trim()}; "after" is the`,
  "working tree's `pkg/`. Both builds in one process, rounds interleaved, medians. Written by `make bench-before-after`.", "",
  `| measure | ${label} | after | change |`, "|---|---|---|---|",
  ...rows.map((r) => `| ${r.what} | ${r.before.toFixed(2)} ${r.unit} | ${r.after.toFixed(2)} ${r.unit} | ${((r.after / r.before - 1) * 100).toFixed(1)} % |`),
  "", "## Many creates at once", "",
  "N creates on one client at 1,000 a second against an instant fetch (bench/concurrency.mjs): `Promise.all` of N and a loop of awaits; " +
  "each run in a fresh Node, three rounds for 500 and 2,000, one for 10,000; medians; heap and `external` after the client is dropped and collected.", "",
  ...concurrencyTable(crowd, fmtCrowd),
  "",
].join("\n"));
console.log("wrote bench/BEFORE_AFTER.md");
