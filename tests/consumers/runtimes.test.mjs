// The package in each server-side runtime, imported by name as a user would: Node 18, 20 and 22 (ES
// modules, and require where Node has require(esm)), Deno, Bun, and a Cloudflare Worker under `wrangler dev` (workerd, which compiles no
// wasm from bytes: the package's workerd entry imports the .wasm as a module).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { EXPECTED, WORK, sh, tool, run, jsonOfLastLine, startServer, freePort, NODE18, NODE22 } from "./shared/harness.mjs";

const project = join(WORK, "runtimes");

test("Node, ES modules", () => {
  assert.deepEqual(jsonOfLastLine(sh("node main.mjs", { cwd: project })), EXPECTED);
});

test("Node, require()", () => {
  assert.deepEqual(jsonOfLastLine(sh("node main.cjs", { cwd: project })), EXPECTED);
});

test("Node 18 (the oldest the package supports), ES modules", () => {
  assert.deepEqual(jsonOfLastLine(run(NODE18, ["main.mjs"], { cwd: project })), EXPECTED);
});

test("Node 22, ES modules and require()", () => {
  assert.deepEqual(jsonOfLastLine(run(NODE22, ["main.mjs"], { cwd: project })), EXPECTED);
  assert.deepEqual(jsonOfLastLine(run(NODE22, ["main.cjs"], { cwd: project })), EXPECTED);
});

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
  });
}
