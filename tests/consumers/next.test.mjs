// The package in a Next.js App Router project with no Next.js configuration: route handlers (the
// scenario on the server, and a webhook receiver on the Request) and a client page (in Chromium), built by `next build` with Turbopack
// (the default) and with `--webpack`, each served by `next start`.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { EXPECTED, WORK, sh, tool, startServer, freePort, assertPage, assertWebhookReceiver, closeChromium, shippedBytes } from "./shared/harness.mjs";

after(closeChromium);
const cwd = join(WORK, "next");

for (const [bundler, build] of [["Turbopack", "next build"], ["webpack", "next build --webpack"]]) {
  test(`Next.js with ${bundler}: next build, next start, a route handler and a client page`, { timeout: 600_000 }, async () => {
    rmSync(join(cwd, ".next"), { recursive: true, force: true });
    const output = sh(build, { cwd, timeout: 500_000 });
    console.log(output.trim().split("\n").filter((line) => /Route|○|ƒ|λ|warn|compiled/i.test(line)).join("\n"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const { file, args } = tool(`next start --hostname 127.0.0.1 --port ${port}`);
    const server = await startServer(file, args, { cwd, url });
    try {
      const response = await fetch(`${url}api/scenario`);
      const text = await response.text();
      assert.equal(response.status, 200, `${text}\n${server.output()}`);
      assert.deepEqual(JSON.parse(text), EXPECTED, "the route handler's result");
      await assertWebhookReceiver(`${url}api/webhook`);
      await assertPage(url, EXPECTED);
    } finally {
      server.stop();
    }
    const bytes = await shippedBytes(join(cwd, ".next", "static"));
    console.log(`Next.js ${bundler}: the browser gets ${bytes.raw} B (${bytes.gzip} B gzip) of JS and wasm, React included`);
  });
}
