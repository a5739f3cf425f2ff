// The package in each server-side runtime, imported by name as a user would: every Node line the
// package's engines field admits (18, 20, 22, 24, 26: ES modules, require() where Node has
// require(esm), and the `tango-orders` command), Deno, Bun, and a Cloudflare Worker under
// `wrangler dev` (workerd, which compiles no wasm from bytes: the package's workerd entry imports
// the .wasm as a module).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { EXPECTED, WORK, TOOLS, sh, tool, run, jsonOfLastLine, startServer, freePort, assertWebhookReceiver, NODE18, NODE22, NODE24, NODE26 } from "./shared/harness.mjs";

const project = join(WORK, "runtimes");
const cli = join(TOOLS, "tango-orders", "cli.js");
const csvDir = mkdtempSync(join(tmpdir(), "tango-runtimes-"));
const csv = join(csvDir, "orders.csv");
// The command lines as the README's table quotes them (run from csvDir, by each Node, on cli.js).
const CHECK = "tango-orders check orders.csv";
const SIM = "tango-orders sim --port 0 --creates-per-second 100";
const argsOf = (line) => [cli, ...line.split(" ").slice(1)];
writeFileSync(csv, "externalRefID,customerIdentifier,accountIdentifier,utid,amount,deliveryMethod,recipient.email\n" +
  "r1,demo-customer,demo-account,U000001,25,EMAIL,ada@example.com\nr2,demo-customer,demo-account,U000001,0,EMAIL,alan@\n");

/** The command line on one Node: `check` on a file with a bad row, and `sim` answering a create. */
async function commandLine(node) {
  const checked = spawnSync(node, argsOf(CHECK), { encoding: "utf8", cwd: csvDir });
  assert.equal(checked.status, 1, `check exits 1 when a row is invalid: ${checked.stdout}${checked.stderr}`);
  assert.match(checked.stdout, /orders\.csv:3 amount: .+\[out_of_range\]/);
  assert.match(checked.stdout, /orders\.csv:3 recipient\.email: .+\[invalid_format\]/);
  assert.equal(checked.stderr, "");
  const sim = spawn(node, argsOf(SIM), { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const [first] = await once(createInterface({ input: sim.stdout }), "line");
    const url = first.trim().split(" ").pop();
    const created = await fetch(`${url}/orders`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("demo-platform:demo-key").toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 5, deliveryMethod: "NONE" }),
    });
    assert.equal(created.status, 201);
  } finally {
    sim.kill("SIGTERM");
  }
  const [code] = await once(sim, "exit");
  assert.equal(code, 0, "sim stops cleanly on SIGTERM");
}

test(`Node ${process.versions.node} (the machine's): ES modules, require() and the command line`, async () => {
  assert.deepEqual(jsonOfLastLine(sh("node main.mjs", { cwd: project })), EXPECTED);
  assert.deepEqual(jsonOfLastLine(sh("node main.cjs", { cwd: project })), EXPECTED);
  await commandLine(process.execPath);
});

test("Node 18 (the oldest the package supports): ES modules and the command line", async () => {
  assert.deepEqual(jsonOfLastLine(run(NODE18, ["main.mjs"], { cwd: project })), EXPECTED);
  await commandLine(NODE18);
});

for (const [version, node] of [["22", NODE22], ["24", NODE24], ["26", NODE26]]) {
  test(`Node ${version}: ES modules, require() and the command line`, async () => {
    assert.match(run(node, ["--version"]), new RegExp(`^v${version}\\.`));
    assert.deepEqual(jsonOfLastLine(run(node, ["main.mjs"], { cwd: project })), EXPECTED);
    assert.deepEqual(jsonOfLastLine(run(node, ["main.cjs"], { cwd: project })), EXPECTED);
    await commandLine(node);
  });
}

test("Deno", () => {
  const output = sh("deno run --allow-read --allow-env main.mjs",
    { cwd: project, env: { DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" } });
  assert.deepEqual(jsonOfLastLine(output), EXPECTED);
});

test("Bun", () => {
  assert.deepEqual(jsonOfLastLine(sh("bun main.mjs", { cwd: project })), EXPECTED);
});

const servers = [];
after(() => servers.forEach((server) => server.stop()));

for (const [config, how] of [["wrangler.jsonc", "imported at the top"], ["wrangler.lazy.jsonc", "imported inside the handler"]]) {
  test(`Cloudflare Worker under wrangler dev, ${how}`, { timeout: 240_000 }, async () => {
    const port = await freePort();
    // wrangler 4 needs Node 22 (tool() runs it on the tools' copy from npm); --ip keeps it on loopback.
    const { file, args, env } = tool(`wrangler dev --config ${config} --ip 127.0.0.1 --port ${port} --show-interactive-dev-session=false`);
    const server = await startServer(file, args,
      { cwd: join(WORK, "cloudflare"), url: `http://127.0.0.1:${port}/health`, timeout: 180_000, env: { ...env, CI: "1" } });
    servers.push(server);
    const response = await fetch(`http://127.0.0.1:${port}/scenario`);
    const text = await response.text();
    assert.equal(response.status, 200, `${text}\n${server.output()}`);
    assert.deepEqual(JSON.parse(text), EXPECTED);
    // A webhook delivery on the Worker's Request: verified with workerd's WebCrypto.
    await assertWebhookReceiver(`http://127.0.0.1:${port}/webhook`);
    // The README's Workers receiver (src/receiver.js), on tango-orders/webhooks.
    await assertWebhookReceiver(`http://127.0.0.1:${port}/receiver`, { bare: true });
  });
}
