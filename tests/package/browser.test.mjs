// The installed package loads in a real Chromium page (Debian's, driven by playwright-core): the
// browser entry fetches and compiles the wasm itself, with no init call in the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("tango-orders/package.json"));
const { chromium } = require("playwright-core"); // from the repository's dev tools, via NODE_PATH

const PAGE = `<!doctype html><meta charset="utf-8"><title>tango-orders in a page</title>
<script type="importmap">{ "imports": { "tango-orders": "/tango-orders/index.js" } }</script>
<script type="module">
  import * as tango from "tango-orders";
  const order = tango.parseOrder('{"referenceOrderID":"RA1","status":"COMPLETE","deliveryMethod":"EMAIL"}');
  let error;
  try { tango.parseOrder("{"); } catch (e) { error = { name: e.name, kind: e.kind, isError: e instanceof Error }; }
  window.result = {
    source: tango.orderSource(order.referenceOrderID),
    derived: tango.deriveOrderStatus(["COMPLETE", "FAILED"]),
    resendable: tango.canResendOrder(order),
    error,
  };
</script>`;

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

function serve() {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (url.pathname === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end(PAGE);
      return;
    }
    const relative = normalize(url.pathname.replace(/^\/tango-orders\//, ""));
    if (!url.pathname.startsWith("/tango-orders/") || relative.startsWith("..")) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(packageDir, relative));
      const type = TYPES[relative.slice(relative.lastIndexOf("."))] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the package loads and works in Chromium", { timeout: 60_000 }, async () => {
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const failures = [];
    page.on("pageerror", (e) => failures.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 20_000 }).catch(() => {});
    assert.deepEqual(failures, []);
    const result = await page.evaluate(() => window.result);
    assert.deepEqual(result, {
      source: "RA",
      derived: "PARTIAL",
      resendable: true,
      error: { name: "TangoError", kind: "decode", isError: true },
    });
  } finally {
    await browser.close();
    server.close();
  }
});
