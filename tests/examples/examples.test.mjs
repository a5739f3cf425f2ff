// Each example runs against the simulator: quickstart and reconcile in process, bulk-send against the
// tango-sim binary, interrupted and rerun, placing every valid row's order exactly once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const example = (name) => join(root, "examples", name);
let sim;
let baseUrl;

before(async () => {
  sim = spawn(process.env.TANGO_SIM_BIN, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: sim.stdout }), "line");
  baseUrl = line.trim().split(" ").pop();
});
after(() => sim?.kill("SIGTERM"));

test("quickstart: validate, create, get, list, resend", async () => {
  const { stdout } = await run(process.execPath, [example("quickstart.mjs")], { cwd: root, env: { ...process.env, TANGO_BASE_URL: "" } });
  assert.match(stdout, /1\. validate: valid/);
  assert.match(stdout, /2\. create: {3}RA\d{6}-\d{4}-\d{2} \(new\), status COMPLETE/);
  assert.match(stdout, /credentials: rewardSecurityCode \(text\), rewardSecurityUrl \(url\)/);
  assert.match(stdout, /again: {4}resend_too_soon/);
});

test("bulk-send: bad rows reported by line, an interrupted run resumed, no order twice", { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "bulk-"));
  const csv = join(dir, "recipients.csv");
  copyFileSync(example("recipients.csv"), csv);
  const env = { ...process.env, TANGO_BASE_URL: baseUrl };
  // First run: interrupted (Ctrl-C) after two orders are in the journal.
  const first = spawn(process.execPath, [example("bulk-send.mjs"), csv, "--campaign", "spring"], { cwd: root, env });
  let output = "";
  first.stdout.on("data", (chunk) => {
    output += chunk;
    if (/2\/5/.test(output) && !first.killed) first.kill("SIGINT");
  });
  await once(first, "exit");
  assert.match(output, /line 4 \(email\): recipient\.email: Recipient email is not a valid email address\./);
  assert.match(output, /line 5 \(amount\): amount/);
  assert.match(output, /4 invalid \(skipped\), 0 already sent, 5 to send/);
  const journal = join(dir, "recipients.csv.spring.journal");
  const sentFirst = readFileSync(journal, "utf8").trim().split("\n").length;
  assert.ok(sentFirst >= 2 && sentFirst < 5, `${sentFirst} sent before the interruption`);
  // Second run: resumes.
  const { stdout } = await run(process.execPath, [example("bulk-send.mjs"), csv, "--campaign", "spring"], { cwd: root, env });
  assert.match(stdout, new RegExp(`${sentFirst} already sent, ${5 - sentFirst} to send`));
  const entries = readFileSync(journal, "utf8").trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(entries.length, 5);
  assert.equal(new Set(entries.map((e) => e.referenceOrderID)).size, 5);
  // Tango (the simulator) holds exactly one order per valid row.
  const auth = { authorization: "Basic " + btoa("demo-platform:demo-key") };
  const listed = await (await fetch(`${baseUrl}/orders?campaign=spring&elementsPerBlock=100`, { headers: auth })).json();
  assert.equal(listed.page.totalCount, 5);
  assert.equal(new Set(listed.orders.map((o) => o.externalRefID)).size, 5);

  // Another file in the same campaign: its rows are new orders, never answered with the first
  // file's orders (keys come from the rows' content, not their lines).
  const other = join(dir, "other.csv");
  writeFileSync(other, "firstName,lastName,email,amount\nAda,Byron,ada.byron@example.com,25\nGrace,Brewster,gb@example.com,50\n");
  const second = await run(process.execPath, [example("bulk-send.mjs"), other, "--campaign", "spring"], { cwd: root, env });
  assert.match(second.stdout, /2 placed, 0 already sent before/);
  // The first file again from elsewhere (no journal): every row is recognised as already sent.
  const elsewhere = mkdtempSync(join(tmpdir(), "bulk-again-"));
  copyFileSync(csv, join(elsewhere, "recipients.csv"));
  const again = await run(process.execPath, [example("bulk-send.mjs"), join(elsewhere, "recipients.csv"), "--campaign", "spring"], { cwd: root, env });
  assert.match(again.stdout, /0 placed, 5 already sent before/);
  const all = await (await fetch(`${baseUrl}/orders?campaign=spring&elementsPerBlock=100`, { headers: auth })).json();
  assert.equal(all.page.totalCount, 7);
});

test("reconcile: every order in the range, summarised by status", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "reconcile-")), "summary.csv");
  const env = { ...process.env, TANGO_BASE_URL: baseUrl };
  const { stdout } = await run(process.execPath, [example("reconcile.mjs"), "2020-01-01", "--out", out], { cwd: root, env });
  assert.match(stdout, /^\d+ orders from 2020-01-01/);
  const csv = readFileSync(out, "utf8").trim().split("\n");
  assert.equal(csv[0], "status,orders,charged");
  assert.ok(csv.slice(1).every((line) => /^[A-Z_]+,\d+,\d+\.\d{2}$/.test(line)), csv.join("|"));
});
