// Attacks on the demo server (www/server.mjs), each sent as raw bytes to the running server: every
// one is refused, and the trap server standing in for "another host" never sees a request (so never
// the platform key). Then the page's own calls still work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { connect } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
let server;
let port;
let trap;
let trapPort;
const trapped = [];

before(async () => {
  trap = createServer((request, response) => {
    trapped.push({ url: request.url, authorization: request.headers.authorization });
    response.end("{}");
  });
  trap.listen(0, "127.0.0.1");
  await once(trap, "listening");
  trapPort = trap.address().port;
  server = spawn(process.execPath, ["www/server.mjs", "--port", "0", "--sim", process.env.TANGO_SIM_BIN],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: server.stdout }), "line");
  port = Number(new URL(line.trim().split(" ").pop()).port);
});

after(() => {
  server?.kill("SIGTERM");
  trap?.close();
});

/** Sends `head` (request line and headers, CRLF-joined) and `body` as written; resolves the status. */
function raw(lines, body = "") {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => { answer += chunk; });
    // A connection closed without an answer counts as status 0 (refused).
    socket.on("end", () => resolve({ status: answer ? Number(answer.split(" ")[1]) : 0, text: answer }));
    socket.on("error", (error) => (answer ? resolve({ status: Number(answer.split(" ")[1]), text: answer }) : reject(error)));
    socket.write([...lines, "Connection: close", "", ""].join("\r\n"));
    if (body) socket.write(body);
  });
}

const host = () => `Host: 127.0.0.1:${port}`;
const json = '{"customerIdentifier":"demo-customer"}';

async function orderCount() {
  const response = await fetch(`http://127.0.0.1:${port}/api/raas/v2/orders?elementsPerBlock=1`);
  return (await response.json()).page.totalCount;
}

test("request targets that would leave the simulator's origin are refused", async () => {
  const targets = [
    `/api//127.0.0.1:${trapPort}/x`,
    `/api//127.0.0.1:${trapPort}/raas/v2/orders`,
    `/api\\\\127.0.0.1:${trapPort}/x`,
    `/api/\\127.0.0.1:${trapPort}/x`,
    `/api/raas/v2/orders/..%2f..%2fx`,
    `abcdhttp://127.0.0.1:${trapPort}/api/raas/v2/orders`,
    `http://127.0.0.1:${trapPort}/api/raas/v2/orders`,
    `//127.0.0.1:${trapPort}/api/raas/v2/orders`,
  ];
  for (const target of targets) {
    const { status } = await raw([`GET ${target} HTTP/1.1`, host()]);
    assert.ok(status >= 400 && status < 500, `${target}: ${status}`);
  }
  assert.deepEqual(trapped, [], "nothing reached another host");
});

test("preflights, CONNECT and header or query injection get nowhere", async () => {
  // A cross-origin JSON POST needs a preflight: it is not answered with CORS headers.
  const preflight = await raw(["OPTIONS /api/raas/v2/orders HTTP/1.1", host(), "Origin: http://evil.example",
    "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type"]);
  assert.ok(preflight.status >= 400 && !/access-control-allow/i.test(preflight.text), preflight.text);
  const tunnel = await raw([`CONNECT 127.0.0.1:${trapPort} HTTP/1.1`, `Host: 127.0.0.1:${trapPort}`]);
  assert.ok(tunnel.status === 0 || tunnel.status >= 400, `CONNECT: ${tunnel.status}`);
  // Encoded CR LF and a second Host in the query stay in the query, sent to the simulator only.
  const injected = await raw([`GET /api/raas/v2/orders?x=%0d%0aHost:%20127.0.0.1:${trapPort}&elementsPerBlock=1 HTTP/1.1`, host(),
    "X-HTTP-Method-Override: DELETE", `X-Forwarded-Host: 127.0.0.1:${trapPort}`]);
  assert.ok(injected.status < 500, injected.text);
  assert.deepEqual(trapped, []);
});

test("only Tango's order and line-item operations are forwarded", async () => {
  const cases = [
    ["GET", "/api/raas/v2/accounts", 404],
    ["POST", "/api/raas/v2/creditCardDeposits", 404],
    ["GET", "/api/other/orders", 404],
    ["DELETE", "/api/raas/v2/orders", 405],
    ["PUT", "/api/raas/v2/orders/RA1", 405],
    ["GET", "/api/raas/v2/orders/RA1/resends", 405],
    ["POST", "/api/raas/v2/catalogs", 405],
    ["GET", "/api/raas/v2/catalogs/U000001", 404],
  ];
  for (const [method, path, expected] of cases) {
    const { status } = await raw([`${method} ${path} HTTP/1.1`, host(), "Content-Type: application/json", "Content-Length: 0"]);
    assert.equal(status, expected, `${method} ${path}`);
  }
  assert.equal((await raw([`GET /api/raas/v2/orders HTTP/1.1`, host()])).status, 200);
  assert.equal((await raw([`GET /api/raas/v2/catalogs?utid=U000001 HTTP/1.1`, host()])).status, 200);
  assert.equal((await raw([`GET /api/raas/v2/lineItems/reasonCodes HTTP/1.1`, host()])).status < 500, true);
});

test("cross-site, foreign-host and non-JSON requests are refused before anything is placed", async () => {
  const before = await orderCount();
  const post = (headers, body = json) =>
    raw([`POST /api/raas/v2/orders HTTP/1.1`, ...headers, `Content-Length: ${Buffer.byteLength(body)}`], body);
  // A form or text/plain POST from another site needs no preflight: refused for its content type
  // and for its Origin.
  assert.equal((await post([host(), "Content-Type: text/plain", "Origin: http://evil.example"])).status, 403);
  assert.equal((await post([host(), "Content-Type: text/plain"])).status, 415);
  assert.equal((await post([host(), "Content-Type: application/x-www-form-urlencoded"])).status, 415);
  assert.equal((await post([host(), "Content-Type: application/json", "Origin: null"])).status, 403);
  assert.equal((await post([host(), "Content-Type: application/json", "Sec-Fetch-Site: cross-site"])).status, 403);
  assert.equal((await post([host(), "Content-Type: application/json", "Sec-Fetch-Site: same-site"])).status, 403);
  // DNS rebinding: a foreign name resolving to 127.0.0.1.
  assert.equal((await post(["Host: rebind.evil.example", "Content-Type: application/json"])).status, 421);
  assert.equal((await raw(["GET /api/raas/v2/orders HTTP/1.1", `Host: evil.example:${port}`])).status, 421);
  assert.equal((await raw(["GET / HTTP/1.1", "Host: evil.example"])).status, 421);
  assert.equal(await orderCount(), before, "no order was placed");
});

test("bodies are capped at 64 KiB, declared or streamed", async () => {
  const big = `{"notes":"${"x".repeat(70 * 1024)}"}`;
  const declared = await raw([`POST /api/raas/v2/orders HTTP/1.1`, host(), "Content-Type: application/json",
    `Content-Length: ${big.length}`], big);
  assert.equal(declared.status, 413);
  const chunk = big.length.toString(16);
  const streamed = await raw([`POST /api/raas/v2/orders HTTP/1.1`, host(), "Content-Type: application/json",
    "Transfer-Encoding: chunked"], `${chunk}\r\n${big}\r\n0\r\n\r\n`);
  assert.equal(streamed.status, 413);
});

test("only the page's own files and the package's modules are served", async () => {
  for (const path of ["/server.mjs", "/proxy-rules.mjs", "/../Cargo.toml", "/%2e%2e/Cargo.toml", "/tango-orders/../Cargo.toml",
    "/tango-orders/package.json", "/tango-orders/README.md", "/.git/config", "/www/server.mjs"]) {
    const { status, text } = await raw([`GET ${path} HTTP/1.1`, host()]);
    assert.ok(status === 404 || status === 400, `${path}: ${status}`);
    assert.ok(!text.includes("spawn("), `${path} served source`);
  }
  for (const path of ["/", "/app.js", "/style.css", "/tango-orders/index.js"]) {
    assert.equal((await raw([`GET ${path} HTTP/1.1`, host()])).status, 200, path);
  }
});

test("the page's own calls go through: a same-origin JSON create is placed", async () => {
  const before = await orderCount();
  const response = await fetch(`http://127.0.0.1:${port}/api/raas/v2/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
      amount: 5, deliveryMethod: "EMAIL", externalRefID: "proxytest1", recipient: { firstName: "A", email: "a@example.com" } }),
  });
  assert.equal(response.status, 201);
  assert.equal(await orderCount(), before + 1);
  assert.deepEqual(trapped, []);
});

test("the webhook receiver refuses what is not a signed delivery, and the page hears of none of it", async () => {
  const heard = [];
  const events = await fetch(`http://127.0.0.1:${port}/events`);
  const reader = events.body.getReader();
  const listening = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const text = new TextDecoder().decode(value);
      if (text.includes("data:")) heard.push(text);
    }
  })();
  const body = '{"eventId":"forged","revision":1,"eventType":"RewardStatus","eventData":{"status":"CANCELLED"}}';
  const post = (extra = [], text = body) => raw(["POST /webhooks/tango HTTP/1.1", host(), "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(text)}`, ...extra], text);
  assert.equal((await post()).status, 401, "unsigned");
  assert.equal((await post(["X-Signed-Payload: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="])).status, 401, "a signature of another key");
  assert.equal((await raw(["GET /webhooks/tango HTTP/1.1", host()])).status, 405);
  assert.equal((await raw(["POST /webhooks/tango HTTP/1.1", host(), "Content-Type: text/plain", "Content-Length: 2"], "{}")).status, 415);
  assert.equal((await raw(["POST /webhooks/tango?x=1 HTTP/1.1", host(), "Content-Type: application/json", "Content-Length: 2"], "{}")).status, 400);
  assert.equal((await raw(["POST /webhooks/tango HTTP/1.1", "Host: evil.example", "Content-Type: application/json", "Content-Length: 2"], "{}")).status, 421);
  const big = `{"pad":"${"x".repeat(70 * 1024)}"}`;
  assert.equal((await post([], big)).status, 413, "oversized");
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(heard, []);
  await reader.cancel();
  await listening;
});
