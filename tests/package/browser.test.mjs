// The installed package in a real Chromium page (Debian's, driven by playwright-core), loaded two
// ways: as plain ES modules through an import map, and bundled by Vite. Either way the browser entry
// instantiates its inlined module on import, with no init call in the page. (Every other bundler and
// runtime: tests/consumers/.)
import { test, before, after } from "node:test";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize } from "node:path";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("tango-orders/package.json"));
const { chromium } = require("playwright-core"); // the repository's dev tools, via NODE_PATH
const here = dirname(new URL(import.meta.url).pathname);

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const EXPECTED = {
  source: "RA",
  derived: "PARTIAL",
  resendable: true,
  error: { name: "TangoError", kind: "decode", isError: true },
};

/** Serves `routes` (URL prefix → directory) on loopback; `/` is `index.html` of the "/" route.
 * `/api/…` is a backend proxy to `proxyTo`: it adds the platform credentials the page never sees. */
function serve(routes, proxyTo, log = []) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    log.push(path);
    if (proxyTo && path.startsWith("/api/")) {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const upstream = await fetch(proxyTo + request.url.slice("/api".length), {
        method: request.method,
        headers: { "content-type": "application/json", authorization: "Basic " + btoa("demo-platform:demo-key") },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const headers = { "content-type": "application/json" };
      const retryAfter = upstream.headers.get("retry-after");
      if (retryAfter) headers["retry-after"] = retryAfter;
      response.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    const prefix = Object.keys(routes).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    const relative = normalize(path.slice(prefix?.length ?? 0) || "index.html");
    if (prefix === undefined || relative.startsWith("..")) return response.writeHead(404).end();
    try {
      const body = await readFile(join(routes[prefix], relative));
      response.writeHead(200, { "content-type": TYPES[extname(relative)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
after(() => browser?.close());

/** A new page at the server's `/`, and the page errors it throws, collected. */
async function openPage(server) {
  const page = await browser.newPage();
  const failures = [];
  page.on("pageerror", (e) => failures.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  return { page, failures };
}

async function resultOfPage(routes, proxyTo) {
  const server = await serve(routes, proxyTo);
  try {
    const { page, failures } = await openPage(server);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 60_000 }).catch(() => {});
    assert.deepEqual(failures, []);
    return await page.evaluate(() => window.result);
  } finally {
    server.close();
  }
}

test("plain ES modules: the package loads and works in Chromium", { timeout: 60_000 }, async () => {
  const site = join(process.cwd(), "plain-site");
  mkdirSync(site, { recursive: true });
  copyFileSync(join(here, "page-main.js"), join(site, "page-main.js"));
  writeFileSync(join(site, "index.html"), `<!doctype html><meta charset="utf-8"><title>plain</title>
<script type="importmap">{ "imports": { "tango-orders": "/tango-orders/index.js" } }</script>
<script type="module" src="/page-main.js"></script>`);
  assert.deepEqual(await resultOfPage({ "/": site, "/tango-orders/": packageDir }), EXPECTED);
});

test("bundled by Vite: the package loads and works in Chromium", { timeout: 120_000 }, async () => {
  const app = join(process.cwd(), "vite-app");
  mkdirSync(app, { recursive: true });
  copyFileSync(join(here, "page-main.js"), join(app, "page-main.js"));
  writeFileSync(join(app, "index.html"), `<!doctype html><meta charset="utf-8"><title>vite</title>
<script type="module" src="./page-main.js"></script>`);
  const vite = join(dirname(require.resolve("vite/package.json")), "bin", "vite.js");
  execFileSync(process.execPath, [vite, "build", "--logLevel", "warn", "--outDir", "dist", "--emptyOutDir"],
    { cwd: app, stdio: "inherit" });
  assert.deepEqual(await resultOfPage({ "/": join(app, "dist") }), EXPECTED);
});

let sim;
let simUrl;
before(async () => {
  sim = spawn(process.env.TANGO_SIM_BIN, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: sim.stdout }), "line");
  simUrl = line.trim().split(" ").pop();
});
after(() => sim?.kill("SIGTERM"));

test("in Chromium: credentials need the opt-in, the proxy pattern needs none, and every call works", { timeout: 90_000 }, async () => {
  const site = join(process.cwd(), "client-site");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "index.html"), `<!doctype html><meta charset="utf-8"><title>client</title>
<script type="importmap">{ "imports": { "tango-orders": "/tango-orders/index.js" } }</script>
<script type="module">
  import { TangoClient } from "tango-orders";
  const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
    amount: 5, deliveryMethod: "NONE" };
  const result = {};
  try {
    new TangoClient({ baseUrl: ${JSON.stringify(simUrl)}, platformName: "demo-platform", platformKey: "demo-key" });
    result.guard = "no error";
  } catch (e) {
    result.guard = e.kind;
    result.guardMentionsKey = e.message.includes("demo-key");
  }
  try {
    const direct = new TangoClient({ baseUrl: ${JSON.stringify(simUrl)}, platformName: "demo-platform",
      platformKey: "demo-key", dangerouslyAllowBrowser: true });
    result.direct = (await direct.createOrder(order)).created;
    // No credentials at all: the page's own backend adds them.
    const proxied = new TangoClient({ baseUrl: location.origin + "/api/raas/v2", ordersPerSecond: 0.5 });
    const placed = await proxied.createOrder(order);
    result.proxied = placed.created;
    result.read = (await proxied.getOrder(placed.order.referenceOrderID)).referenceOrderID === placed.order.referenceOrderID;
    result.listed = (await proxied.listOrders({ elementsPerBlock: 1 })).page.totalCount;
    let iterated = 0;
    for await (const each of proxied.iterateOrders()) iterated += each.referenceOrderID ? 1 : 0;
    result.iterated = iterated;
    const email = { ...order, deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" } };
    const sent = (await proxied.createOrder(email)).order;
    result.resent = typeof (await proxied.resendOrder(sent.referenceOrderID)).id;
    result.switched = (await proxied.resendLineItem(sent.referenceLineItemID,
      { newDeliveryMethod: "PHONE", newMobileNumber: "+12025550123" })).deliveryMethod;
    try { await proxied.createOrder({ ...order, accountIdentifier: "empty-account" }); }
    catch (e) { result.empty = [e.kind, e.status, e.statusName]; }
    try { await proxied.createOrder({ ...order, accountIdentifier: "frozen-account" }); }
    catch (e) { result.frozen = [e.kind, e.status, e.i18nKey]; }
  } catch (e) {
    result.failure = e.kind + ": " + e.message;
  }
  window.result = result;
</script>`);
  const result = await resultOfPage({ "/": site, "/tango-orders/": packageDir }, new URL(simUrl).origin);
  assert.deepEqual(result, {
    guard: "config",
    guardMentionsKey: false,
    direct: true,
    proxied: true,
    read: true,
    listed: 2,
    iterated: 2,
    resent: "number",
    switched: "PHONE",
    empty: ["api", 402, "insufficient_funds"],
    frozen: ["api", 422, "404.142"],
  });
});

test("in Chromium: a page loads the client's module on a client's first call, once for all clients", { timeout: 90_000 }, async () => {
  const site = join(process.cwd(), "lazy-site");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "index.html"), `<!doctype html><meta charset="utf-8"><title>lazy</title>
<script type="importmap">{ "imports": { "tango-orders": "/tango-orders/index.js" } }</script>
<script type="module">
  import { TangoClient, validateCreateOrder, parseOrder } from "tango-orders";
  const order = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
    amount: 5, deliveryMethod: "NONE" };
  window.firstLoad = { valid: validateCreateOrder(order).valid, parsed: parseOrder('{"status":"COMPLETE"}').status };
  // Made before the module is there: the constructor checks the options at once.
  const clients = [1, 2, 3].map(() => new TangoClient({ baseUrl: location.origin + "/api/raas/v2" }));
  try { new TangoClient({ baseUrl: "nope" }); } catch (e) { window.firstLoad.config = e.kind; }
  await new Promise((resolve) => { window.go = resolve; });
  const pages = await Promise.all(clients.map((client) => client.listOrders({ elementsPerBlock: 1 })));
  window.result = { pages: pages.length, placed: (await clients[0].createOrder(order)).created };
</script>`);
  const log = [];
  const server = await serve({ "/": site, "/tango-orders/": packageDir }, new URL(simUrl).origin, log);
  try {
    const { page, failures } = await openPage(server);
    await page.waitForFunction(() => window.go !== undefined, null, { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.firstLoad), { valid: true, parsed: "COMPLETE", config: "config" });
    const client = (path) => path.includes("/client.js") || path.includes("/wasm/");
    assert.deepEqual(log.filter(client), [], "nothing of the client's module before a client is used");
    assert.deepEqual(log.filter((path) => path.startsWith("/tango-orders/")).sort(), ["/tango-orders/index.js", "/tango-orders/inline.js"],
      "the first load: the entry (its module inside) and the inflate");
    await page.evaluate(() => window.go());
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 60_000 });
    assert.deepEqual(failures, []);
    assert.deepEqual(await page.evaluate(() => window.result), { pages: 3, placed: true });
    assert.deepEqual(log.filter((path) => path.endsWith("/client.js")), ["/tango-orders/client.js"], "loaded once");
    assert.deepEqual(log.filter((path) => path.startsWith("/tango-orders/")).sort(),
      ["/tango-orders/client.js", "/tango-orders/index.js", "/tango-orders/inline.js"], "each file once");
  } finally {
    server.close();
  }
});

test("in Chromium: the README's as-you-type recipe keeps working after the Send button loses focus", { timeout: 60_000 }, async () => {
  const readme = readFileSync(process.env.TANGO_README, "utf8");
  const section = readme.slice(readme.indexOf("### In a form, as a person types"));
  const html = section.match(/```html\n([^]*?)```/)[1];
  const recipe = section.match(/```js\n(import \{ normalizeCreateOrder, validateCreateOrder \}[^]*?)```/)[1];
  const site = join(process.cwd(), "recipe-site");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "index.html"), `<!doctype html><meta charset="utf-8"><title>recipe</title>
<script type="importmap">{ "imports": { "tango-orders": "/tango-orders/index.js" } }</script>
<form id="form">
<label for="amount">Amount</label>
<input id="amount" data-path="amount" aria-describedby="amount-error">
<p id="amount-error" role="alert"></p>
${html}
<button id="send">Send</button>
</form>
<script type="module">
const form = document.getElementById("form");
function readForm() {
  const order = { deliveryMethod: "EMAIL", recipient: {} };
  const amount = form.querySelector("#amount").value;
  if (amount !== "") order.amount = Number(amount);
  const email = form.querySelector("#email").value;
  if (email !== "") order.recipient.email = email;
  return order;
}
${recipe}
window.recipeReady = true;
</script>`);
  const server = await serve({ "/": site, "/tango-orders/": packageDir });
  try {
    const { page, failures } = await openPage(server);
    await page.waitForFunction(() => window.recipeReady === true);
    const message = () => page.textContent("#email-error");
    await page.fill("#email", "ada@");
    assert.match(await message(), /email/i, "a message under the email field");
    await page.click("#send"); // submits the invalid order: prevented, and the button has focus
    await page.click("#amount"); // the button loses focus: its dataset.path is undefined
    await page.fill("#email", "ada@example.com");
    assert.equal(await message(), "", "the message goes once the email is right");
    await page.fill("#email", "ada@");
    assert.match(await message(), /email/i, "and comes back");
    assert.deepEqual(failures, [], "no error in the page");
    await page.close();
  } finally {
    server.close();
  }
});
