// The `tango-orders` command's timings, as a user meets them, beside bare Node in the same rounds:
// `check` on 50,000 rows (5.4 MB, 10 % invalid) against a script that reads the same file with
// papaparse and checks it with validateCreateOrders (what one would write without the command), and
// `sim`'s start-up (spawned to its URL printed) against `node -e ""` (Node's own start). Rounds
// interleaved, medians reported. Writes bench/CLI.md. Usage: node cli.mjs (from bench/, after
// `make pkg`).
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync, statSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "pkg", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "tango-cli-bench-"));
const ROUNDS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const header = "externalRefID,customerIdentifier,accountIdentifier,utid,amount,deliveryMethod,recipient.firstName,recipient.lastName,recipient.email";
const lines = [header];
for (let i = 0; i < 50_000; i++) {
  const email = i % 10 === 3 ? `person${i}@` : `person${i}@example.com`;
  lines.push(`bulk${i},demo-customer,demo-account,U000001,${i % 10 === 7 ? "0" : "25.00"},EMAIL,"Ada ""A."", ${i}",Lovelace,${email}`);
}
const csv = join(dir, "rows.csv");
writeFileSync(csv, lines.join("\r\n") + "\r\n");

// What one writes without the command: papaparse, then the package's bulk validator.
const script = join(here, ".cli-baseline.mjs");
writeFileSync(script, `import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { validateCreateOrders } from ${JSON.stringify(join(here, "..", "pkg", "validate.node.js"))};
const rows = Papa.parse(readFileSync(process.argv[2], "utf8"), { header: true, skipEmptyLines: true }).data;
const orders = rows.map((r) => ({ externalRefID: r.externalRefID, customerIdentifier: r.customerIdentifier,
  accountIdentifier: r.accountIdentifier, utid: r.utid, amount: Number(r.amount), deliveryMethod: r.deliveryMethod,
  recipient: { firstName: r["recipient.firstName"], lastName: r["recipient.lastName"], email: r["recipient.email"] } }));
const report = validateCreateOrders(orders);
console.log(report.issues.length);
process.exitCode = report.valid ? 0 : 1;
`);

/** Milliseconds for a command to run to its end (its exit code ignored: 1 is "some rows invalid"). */
function timed(args) {
  const started = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], cwd: here });
  } catch (error) {
    if (error.status !== 1) throw error;
  }
  return performance.now() - started;
}

/** Milliseconds from spawning `tango-orders sim --port 0` to its URL on stdout, then stopped. */
async function simStart() {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, "sim", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  await once(createInterface({ input: child.stdout }), "line");
  const ms = performance.now() - started;
  child.kill("SIGTERM");
  await once(child, "exit");
  return ms;
}

const runs = { check: [], baseline: [], sim: [], node: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? ["baseline", "check"] : ["check", "baseline"];
  for (const which of order) runs[which].push(which === "check" ? timed([cli, "check", csv]) : timed([script, csv]));
  runs.node.push(timed(["-e", ""]));
  runs.sim.push(await simStart());
}
const check = median(runs.check), baseline = median(runs.baseline), sim = median(runs.sim), node = median(runs.node);
const table = [
  "| measure | tango-orders | baseline | ratio |",
  "|---|---|---|---|",
  `| \`tango-orders check\`, 50,000 rows (${(statSync(csv).size / 1e6).toFixed(1)} MB), whole process (ms) vs papaparse + validateCreateOrders in a script | ${check.toFixed(0)} ms | ${baseline.toFixed(0)} ms | ${(check / baseline).toFixed(2)}× |`,
  `| \`tango-orders sim\` start-up, spawn to its URL printed (ms) vs \`node -e ""\` | ${sim.toFixed(0)} ms | ${node.toFixed(0)} ms | ${(sim / node).toFixed(2)}× |`,
];
const text = ["# The command line's timings", "",
  `Medians of ${ROUNDS} interleaved rounds on this machine (${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.versions.node}), written by \`node bench/cli.mjs\` (part of \`make bench\`).`,
  "", ...table, ""].join("\n");
writeFileSync(join(here, "CLI.md"), text);
console.log(text);
