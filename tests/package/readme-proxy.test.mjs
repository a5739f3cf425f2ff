// The README's Express proxy, run as written (with the simulator standing in for Tango and a user
// who may send rewards): the page's calls go through, and the attacks tests/e2e/proxy.test.mjs
// sends to the demo's server are refused here too, with nothing reaching another host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const readme = readFileSync(process.env.TANGO_README, "utf8");
const block = readme.match(/```js\n(\/\/ On your server \(Node, Express-style\)[^]*?)```/)[1];
let sim;
let app;
let port;
let trap;
const trapped = [];

before(async () => {
  sim = spawn(process.env.TANGO_SIM_BIN, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: sim.stdout }), "line");
  const simBase = line.trim().split(" ").pop();
  trap = createServer((request, response) => { trapped.push(request.url); response.end("{}"); }).listen(0, "127.0.0.1");
  await once(trap, "listening");
  process.env.TANGO_PLATFORM_NAME = "demo-platform";
  process.env.TANGO_PLATFORM_KEY = "demo-key";
  // express comes from the repository's dev tools (NODE_PATH), like prism.
  const expressPath = createRequire(join(process.env.NODE_PATH, "x.js")).resolve("express");
  const source = `import express from ${JSON.stringify(pathToFileURL(expressPath).href)};
export const app = express();
app.use((req, res, next) => { req.user = { canSendRewards: true }; next(); });
${block.replace('"https://api.tangocard.com/raas/v2"', JSON.stringify(simBase))}`;
  assert.notEqual(source.indexOf(simBase), -1, "the README block names Tango's production URL");
  const file = join(process.cwd(), "readme-proxy.mjs");
  writeFileSync(file, source);
  ({ app } = await import(pathToFileURL(file).href));
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = server.address().port;
  app.server = server;
});

after(() => {
  app?.server?.close();
  trap?.close();
  sim?.kill("SIGTERM");
});

function raw(lines, body = "") {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => { answer += chunk; });
    socket.on("end", () => resolve(Number(answer.split(" ")[1])));
    socket.on("error", (error) => (answer ? resolve(Number(answer.split(" ")[1])) : reject(error)));
    socket.write([...lines, `Host: 127.0.0.1:${port}`, "Connection: close", "", ""].join("\r\n"));
    if (body) socket.write(body);
  });
}

const order = JSON.stringify({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
  amount: 5, deliveryMethod: "EMAIL", recipient: { firstName: "A", email: "a@example.com" } });
const post = (headers, body = order) =>
  raw(["POST /api/tango/raas/v2/orders HTTP/1.1", ...headers, `Content-Length: ${Buffer.byteLength(body)}`], body);

test("the README's Express proxy forwards the page's calls", async () => {
  assert.equal(await post(["Content-Type: application/json", "Sec-Fetch-Site: same-origin"]), 201);
  assert.equal(await raw(["GET /api/tango/raas/v2/orders?elementsPerBlock=5 HTTP/1.1"]), 200);
});

test("the README's Express proxy refuses what the demo's server refuses", async () => {
  const trapHost = `127.0.0.1:${trap.address().port}`;
  for (const target of [`/api/tango/raas/v2//${trapHost}/x`, `/api/tango/raas/v2/\\\\${trapHost}/x`, `/api/tango/raas/v2/accounts`,
    `/api/tango/raas/v2/orders/a%2f..%2fb`, `/api/tango/raas/v2/creditCardDeposits`]) {
    const status = await raw([`GET ${target} HTTP/1.1`]);
    assert.ok(status >= 400 && status < 500, `${target}: ${status}`);
  }
  assert.equal(await raw([`DELETE /api/tango/raas/v2/orders HTTP/1.1`]), 404);
  assert.equal(await post(["Content-Type: text/plain"]), 415);
  assert.equal(await post(["Content-Type: application/json", "Sec-Fetch-Site: cross-site"]), 403);
  const big = JSON.stringify({ notes: "x".repeat(70 * 1024) });
  assert.equal(await post(["Content-Type: application/json"], big), 413);
  assert.deepEqual(trapped, []);
});
