// An uncaught error from any entry prints its message and a short stack. Node prints the source
// line an uncaught error was thrown from; an entry minified to one line (its inlined module's
// base64 in it) put hundreds of KiB on the terminal. Each case runs in a fresh Node and leaves the
// error uncaught; stderr must name the error and stay small, with no long line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("tango-orders/package.json"));
/** A file of the package by path: how the browser entries (the default condition) are reached from Node. */
const file = (name) => JSON.stringify(pathToFileURL(join(packageDir, name)).href);

/** The most stderr a case may print, and the longest line (a stack line with a long path fits). */
const MAX_STDERR = 4_000;
const MAX_LINE = 300;

/** A fetch that answers every request 404, as Tango does for an unknown order. */
const FETCH_404 = `async () => new Response(JSON.stringify({ httpCode: 404, i18nKey: "404.000", message: "Order not found" }),
  { status: 404, headers: { "content-type": "application/json" } })`;

const CASES = [
  ["the main entry: a client with unusable options", `import { TangoClient } from "tango-orders";
new TangoClient({ platformName: "p", platformKey: "k", timeoutMs: 0 });`, "timeoutMs must be from 1 to 600000"],
  ["the main entry: a 404 from the client module", `import { TangoClient } from "tango-orders";
await new TangoClient({ baseUrl: "http://tango.invalid", platformName: "p", platformKey: "k", fetch: ${FETCH_404} }).getOrder("RA260101-0000-01");`,
  "Tango answered 404"],
  ["the main entry: a body the parser refuses", `import { parseOrder } from "tango-orders";
parseOrder("{");`, "the body ends too early"],
  ["the browser entry: a client with unusable options", `const { TangoClient } = await import(${file("index.js")});
new TangoClient({ platformName: "p", platformKey: "k", timeoutMs: 0 });`, "timeoutMs must be from 1 to 600000"],
  ["the browser entry: a 404 from the client module", `const { TangoClient } = await import(${file("index.js")});
await new TangoClient({ baseUrl: "http://tango.invalid", platformName: "p", platformKey: "k", fetch: ${FETCH_404} }).getOrder("RA260101-0000-01");`,
  "Tango answered 404"],
  ["tango-orders/web (its module loaded by init): a client with unusable options", `import { readFileSync } from "node:fs";
import init, { TangoClient } from "tango-orders/web";
await init(readFileSync(new URL(${file("wasm/tango_orders_bg.wasm")})));
new TangoClient({ platformName: "p", platformKey: "k", timeoutMs: 0 });`, "timeoutMs must be from 1 to 600000"],
  ["tango-orders/validate: options of the wrong type", `import { validateCreateOrder } from "tango-orders/validate";
validateCreateOrder({}, { fulfillment: 5 });`, "`fulfillment` has the wrong type"],
  ["the browser validate entry: options of the wrong type", `const { validateCreateOrder } = await import(${file("validate.js")});
validateCreateOrder({}, { fulfillment: 5 });`, "`fulfillment` has the wrong type"],
  ["tango-orders/csv: input that is not text", `import { validateOrdersCsv } from "tango-orders/csv";
await validateOrdersCsv(42);`, "The CSV must be a string"],
  ["the browser CSV entry: input that is not text", `const { validateOrdersCsv } = await import(${file("csv.js")});
await validateOrdersCsv(42);`, "The CSV must be a string"],
  ["tango-orders/sim: unusable options", `import { createSimulator } from "tango-orders/sim";
createSimulator({ seed: "x" });`, "the options are not valid"],
  ["the browser sim entry: unusable options", `const { createSimulator } = await import(${file("sim.js")});
createSimulator({ seed: "x" });`, "the options are not valid"],
];

for (const [name, script, message] of CASES) {
  test(`uncaught, ${name}: the message and a short stack`, () => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.equal(run.status, 1, run.stderr.slice(0, 2_000));
    assert.ok(run.stderr.includes(message), run.stderr.slice(0, 2_000));
    assert.ok(/^\s+at /m.test(run.stderr), "a stack follows the message");
    assert.ok(run.stderr.length <= MAX_STDERR, `${run.stderr.length} characters on stderr`);
    const longest = Math.max(...run.stderr.split("\n").map((line) => line.length));
    assert.ok(longest <= MAX_LINE, `a line of ${longest} characters on stderr`);
  });
}
