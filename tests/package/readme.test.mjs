// The README's JavaScript runs against the installed package. Blocks marked `<!-- tested: NAME -->`
// run as one module per NAME (in README order), with the global fetch set to tango-orders/sim's and
// TANGO_* set to the simulator's demo values; the validation example must also return exactly the
// result written in the comment under it. So the README cannot drift from the code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import * as tango from "tango-orders";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { freePort, startRedis } from "./servers.mjs";

const readme = readFileSync(process.env.TANGO_README, "utf8");

/** Every ```js block, with the name of the `<!-- tested: NAME` comment just above it, if any. */
function jsBlocks() {
  const blocks = [];
  const pattern = /(?:<!-- tested: (\w+)[^]*?-->\n)?```js\n([^]*?)```/g;
  for (const match of readme.matchAll(pattern)) blocks.push({ name: match[1], code: match[2] });
  return blocks;
}

test("the README's validation example returns what the README says", () => {
  const block = jsBlocks().find((b) => b.name === "validation");
  const lines = block.code.split("\n").filter((line) => line.trim() && !line.startsWith("import "));
  const call = lines.filter((line) => !line.startsWith("//")).join("\n").replace(/;\s*$/, "");
  const expected = lines.filter((line) => line.startsWith("//")).map((line) => line.slice(2)).join("\n");
  const run = new Function(...Object.keys(tango), `return (${call});`);
  assert.deepEqual(run(...Object.values(tango)), new Function(`return (${expected});`)());
});

test("every tested README block runs against the simulator", { timeout: 60_000 }, async () => {
  const groups = new Map();
  for (const { name, code } of jsBlocks()) {
    if (name && name !== "validation") groups.set(name, [...(groups.get(name) ?? []), code]);
  }
  assert.deepEqual([...groups.keys()].sort(), ["client", "jsonschema", "redis", "schema", "simulator", "webhook"]);
  // The "redis" blocks need a real Redis.
  const redis = await startRedis();
  const preload = join(process.cwd(), "readme-preload.mjs");
  writeFileSync(preload, 'import { createSimulator } from "tango-orders/sim";\nglobalThis.fetch = createSimulator().fetch;\n');
  const env = { ...process.env, TANGO_PLATFORM_NAME: "demo-platform", TANGO_PLATFORM_KEY: "demo-key",
    TANGO_CUSTOMER: "demo-customer", TANGO_ACCOUNT: "demo-account", REDIS_URL: redis.url };
  try {
    for (const [name, codes] of groups) {
      const file = join(process.cwd(), `readme-${name}.mjs`);
      writeFileSync(file, codes.join("\n"));
      if (name === "webhook") {
        await assertReceiver(file, env);
        continue;
      }
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", preload, file], { env });
      if (name === "client") assert.match(stdout, /RA\d{6}-\d{4}-\d{2} 25|retry in \d+ ms/);
      // The schema blocks print exactly what their last comment says.
      if (name === "schema" || name === "jsonschema") {
        const comments = [...codes.join("\n").matchAll(/^\/\/ (.*)$/gm)];
        assert.equal(stdout.trim(), comments[comments.length - 1][1], name);
      }
    }
  } finally {
    await redis.stop();
  }
});

test("the README's other JavaScript blocks are the ones covered by other tests", () => {
  // The backend proxy runs in browser.test.mjs, the form wiring in tests/e2e (the demo page), the
  // Workers webhook receiver in the Cloudflare consumer (tests/consumers/readme.test.mjs holds the
  // two equal), and the helpers block needs a response from your own fetch.
  const untested = jsBlocks().filter((b) => !b.name).map((b) => b.code.split("\n")[0]);
  assert.deepEqual(untested, [
    "// In the page: no credentials.",
    "// On your server (Node, Express-style): forward to Tango with the key the page never sees — only",
    'import { parseOrder, orderSource, deriveOrderStatus, canResendOrder } from "tango-orders";',
    'import { verifyWebhook } from "tango-orders/webhooks";',
    'import { normalizeCreateOrder, validateCreateOrder } from "tango-orders";',
  ]);
});

/** Runs the README's Express receiver on a free port, then posts it a delivery signed as Tango
 * signs it (answered 200 and logged once, twice delivered) and the same body changed by one byte
 * (401). */
async function assertReceiver(file, env) {
  const key = Buffer.from("readme-test-webhook-key-of-32-bytes-or-more").toString("base64");
  const port = await freePort();
  const child = spawn(process.execPath, [file], { env: { ...env, PORT: String(port), TANGO_WEBHOOK_KEY: key }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  try {
    while (!output.includes("listening")) {
      if (child.exitCode !== null) assert.fail(`the receiver exited: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const body = JSON.stringify({ eventId: "readme-1", revision: 1, eventType: "RewardStatus", eventData: { status: "FROZEN" } });
    const post = (text) => fetch(`http://127.0.0.1:${port}/tango/webhooks`, { method: "POST", body: text,
      headers: { "content-type": "application/json", "x-signed-payload": createHmac("sha256", Buffer.from(key, "base64")).update(body).digest("base64") } });
    assert.equal((await post(body)).status, 200);
    assert.equal((await post(body)).status, 200);
    assert.equal((await post(body.replace("FROZEN", "FROZEM"))).status, 401);
    assert.equal(output.match(/RewardStatus readme-1/g)?.length, 1, output);
  } finally {
    child.kill();
    await once(child, "exit").catch(() => {});
  }
}
