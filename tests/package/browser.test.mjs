// The installed package in a real Chromium page (Debian's, driven by playwright-core), loaded two
// ways: as plain ES modules through an import map, and bundled by Vite. Either way the browser entry
// fetches and compiles the wasm itself, with no init call in the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
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

/** Serves `routes` (URL prefix → directory) on loopback; `/` is `index.html` of the "/" route. */
function serve(routes) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
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

async function resultOfPage(routes) {
  const server = await serve(routes);
  try {
    const page = await browser.newPage();
    const failures = [];
    page.on("pageerror", (e) => failures.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 20_000 }).catch(() => {});
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

test("bundled by Vite: the .wasm is emitted as an asset and loads in Chromium", { timeout: 120_000 }, async () => {
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
