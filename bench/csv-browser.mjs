// The CSV benchmark (bench/csv.mjs) in Debian's Chromium, where a page that checks a dropped file
// runs it: the built package, papaparse and the plain-JS baseline served on loopback as ES modules
// (an import map for the bare names; papaparse's UMD file through a one-line module), the same
// contenders, agreement and interleaved rounds as in Node. Returns the medians.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const root = join(here, "..");
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".html": "text/html" };

const PAGE = `<!doctype html>
<script src="/bench/node_modules/papaparse/papaparse.min.js"></script>
<script type="importmap">{ "imports": {
  "tango-orders": "/pkg/index.js", "tango-orders/csv": "/pkg/csv.js", "papaparse": "/papaparse.mjs" } }</script>
<script type="module">
  import { benchCsv } from "/bench/csv.mjs";
  const rows = [];
  try {
    const result = await benchCsv({ rounds: 5, report: (what, ours, baseline) => rows.push({ what, ours, baseline }) });
    window.result = { rows, ...result };
  } catch (error) {
    window.result = { failed: String(error.stack ?? error) };
  }
</script>`;

/** Serves the page, pkg/ and bench/ (its baseline and node_modules) on loopback. */
function serve() {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    if (path === "/") return response.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (path === "/papaparse.mjs") return response.writeHead(200, { "content-type": "text/javascript" }).end("export default globalThis.Papa;\n");
    const relative = normalize(path).replace(/^\/+/, "");
    if (!/^(pkg|bench)\//.test(relative) || relative.includes("..")) return response.writeHead(404).end();
    try {
      const body = await readFile(join(root, relative));
      response.writeHead(200, { "content-type": TYPES[extname(relative)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs the CSV benchmark in Chromium; `{ rows: [{ what, ours, baseline }], bytes, times }`. */
export async function benchCsvInChromium() {
  const { chromium } = createRequire(join(root, "package.json"))("playwright-core");
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 300_000 });
    const result = await page.evaluate(() => window.result);
    if (result.failed) throw new Error(`the CSV benchmark failed in Chromium: ${result.failed}`);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}
