// The default (browser) entry's loader on every path an engine can take: the inlined module is
// base64 decoded by Uint8Array.fromBase64 where the engine has it (Chromium, in the browser tests),
// else by atob (older browsers; Node 20 here), else by a lookup table (engines with neither), then
// inflated. Each path must give the exact module: the entry instantiates it and validates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("tango-orders/package.json"));
const entry = pathToFileURL(join(packageDir, "index.js")).href;

/** Imports the browser entry in a fresh Node with `setup` run first; prints what validation said. */
function validateInFreshNode(setup) {
  const script = `${setup}
const { validateCreateOrder } = await import(${JSON.stringify(entry)});
const report = validateCreateOrder({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 5.001,
  deliveryMethod: "NONE" });
console.log(JSON.stringify(report.issues.map((issue) => issue.path + ":" + issue.code)));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

test("the browser entry decodes with atob where the engine has no Uint8Array.fromBase64", () => {
  assert.deepEqual(validateInFreshNode("delete Uint8Array.fromBase64;"), ["amount:invalid_format"]);
});

test("the browser entry decodes by its own table where the engine has neither", () => {
  assert.deepEqual(validateInFreshNode("delete Uint8Array.fromBase64; delete globalThis.atob;"), ["amount:invalid_format"]);
});

test("the browser entry uses Uint8Array.fromBase64 where the engine has it", () => {
  // A stand-in with the standard's behaviour that counts its calls: the entry's one module must
  // be decoded by it, once.
  const setup = `let calls = 0;
Uint8Array.fromBase64 = (text) => { calls++; return new Uint8Array(Buffer.from(text, "base64")); };
process.on("exit", () => { if (calls !== 1) { console.error("fromBase64 calls: " + calls); process.exitCode = 1; } });`;
  assert.deepEqual(validateInFreshNode(setup), ["amount:invalid_format"]);
});
