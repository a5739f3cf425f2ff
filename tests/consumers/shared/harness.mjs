// What the consumer tests share: the tools' paths, running a command, serving a built site,
// starting a server and waiting for it, and reading a page's (and its workers') results in
// Chromium. Test-side only: the projects themselves get nothing but scenario.js.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join, normalize, resolve } from "node:path";
import assert from "node:assert/strict";

export { EXPECTED } from "./scenario.js";

/** Where run.sh copied the projects; their tools are in ../node_modules. */
export const WORK = process.env.TANGO_CONSUMERS ?? resolve(".");
export const TOOLS = resolve(WORK, "..", "node_modules");
export const TARBALL = process.env.TANGO_TARBALL;
const require = createRequire(join(TOOLS, "noop.js"));

/** A tool's executable in the tools' node_modules/.bin. */
export const bin = (name) => join(TOOLS, ".bin", name);

/** Node 22 from npm, for wrangler (which needs it); every other tool runs on the machine's Node. */
export const NODE22 = join(TOOLS, "node", "bin", "node");
/** Node 18 from npm: the oldest Node the package's engines field names. */
export const NODE18 = join(TOOLS, "node18", "bin", "node");
/** Node 24 and 26 from npm: the LTS lines in use (December 2026). */
export const NODE24 = join(TOOLS, "node24", "bin", "node");
export const NODE26 = join(TOOLS, "node26", "bin", "node");

/** Runs a command to completion; its output is shown when it fails. Returns stdout. */
export function run(command, args, { cwd, env, timeout = 300_000 } = {}) {
  try {
    return execFileSync(command, args, {
      cwd, timeout, encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    throw new Error(`${[command, ...args].join(" ")} failed (in ${cwd}):\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
  }
}

/**
 * How a tool is started from a command line as a user types it ("esbuild page.js --bundle"): node is
 * this Node, wrangler runs on the tools' Node 22 (it needs 22), anything else is the tools' binary.
 */
export function tool(line) {
  const [name, ...args] = line.split(" ");
  if (name === "node") return { file: process.execPath, args, env: {} };
  const env = name === "wrangler" ? { PATH: `${join(TOOLS, "node", "bin")}:${process.env.PATH}` } : {};
  return { file: bin(name), args, env };
}

/** Runs a command line as a user types it (see tool()); the README quotes these lines. */
export function sh(line, { cwd, env, timeout } = {}) {
  const { file, args, env: toolEnv } = tool(line);
  return run(file, args, { cwd, timeout, env: { ...toolEnv, ...env } });
}

/** The JSON a command prints on its last line. */
export function jsonOfLastLine(output) {
  const lines = output.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a long-running command (a dev or production server) and waits until `url` answers 200.
 * Returns a handle whose stop() ends it and its children.
 */
export async function startServer(command, args, { cwd, env, url, timeout = 120_000 }) {
  let output = "";
  const child = spawn(command, args, {
    cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  child.stdout.on("data", (chunk) => { output += chunk; });
  child.stderr.on("data", (chunk) => { output += chunk; });
  const stop = () => {
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
  };
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url);
      if (response.ok) return { stop, output: () => output };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`${[command, ...args].join(" ")} did not serve ${url}:\n${output}`);
}

const TYPES = {
  ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
  ".html": "text/html", ".json": "application/json", ".css": "text/css",
};

/** Serves `dir` on loopback (index.html for "/"), and `/node_modules/` from the tools' tree. */
export async function serveStatic(dir) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const [base, relative] = path.startsWith("/node_modules/")
      ? [TOOLS, normalize(path.slice("/node_modules/".length))]
      : [dir, normalize(path.slice(1) || "index.html")];
    if (relative.startsWith("..")) return response.writeHead(404).end();
    try {
      const file = join(base, relative);
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

let browser;
/** Debian's Chromium through playwright-core, started once per test file. */
export async function chromium() {
  if (!browser) {
    const { chromium: launcher } = require("playwright-core");
    browser = await launcher.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }
  return browser;
}
export async function closeChromium() {
  await browser?.close();
  browser = undefined;
}

/**
 * Opens `url` in Chromium and waits for the globals the page sets: `result` (the scenario on the
 * page), and for each name in `workers`, `workers[name]` (the scenario in that worker). Fails on
 * any uncaught page error or failed request for a script or wasm.
 */
export async function pageResults(url, { workers = [], timeout = 60_000 } = {}) {
  const page = await (await chromium()).newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A failed load shows as a response (with its URL) and again on the console (without): the
  // console's copy is left out, and so is the favicon no project has.
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  try {
    await page.goto(url);
    // An element with id="result" would also be window.result (named access): wait for data.
    await page.waitForFunction((names) => {
      const data = (value) => value !== undefined && !(value instanceof Node);
      return data(window.result) && names.every((name) => data(window.workers?.[name]));
    }, workers, { timeout })
      .catch(() => problems.push(`timed out waiting for the results (${JSON.stringify(workers)})`));
    const results = await page.evaluate(() => ({ page: window.result, workers: window.workers ?? {} }));
    return { ...results, problems };
  } finally {
    await page.close();
  }
}

/** Asserts that a page and each named worker ran the scenario and answered EXPECTED. */
export async function assertPage(url, expected, { workers = [] } = {}) {
  const { page, workers: answers, problems } = await pageResults(url, { workers });
  assert.deepEqual(problems, [], `${url}: ${problems.join("\n")}`);
  assert.deepEqual(page, expected, "the page's result");
  for (const name of workers) assert.deepEqual(answers[name], expected, `the ${name} worker's result`);
}

/** Bytes of the files under `dir` whose names match `pattern`, raw and gzipped (level 9). */
export async function shippedBytes(dir, pattern = /\.(m?js|wasm)$/) {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { gzipSync } = await import("node:zlib");
  let raw = 0, gzip = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    const bytes = readFileSync(join(entry.parentPath ?? entry.path, entry.name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Posts a delivery signed as Tango signs it to `url`, then the same body changed by one byte:
 * the receiver must answer the first with its event and refuse the second as `unverified`. */
export async function assertWebhookReceiver(url, { bare = false } = {}) {
  const { createHmac } = await import("node:crypto");
  const { WEBHOOK_SECRET } = await import("./webhook.js");
  const body = JSON.stringify({ eventId: "e-1", revision: 1, eventType: "RewardStatus", category: "REWARD",
    eventData: { referenceLineItemId: "RL1", status: "FROZEN" } });
  const signature = createHmac("sha256", Buffer.from(WEBHOOK_SECRET, "base64")).update(body).digest("base64");
  const post = (text) => fetch(url, { method: "POST", body: text, headers: { "content-type": "application/json", "x-signed-payload": signature } });
  const genuine = await post(body);
  assert.equal(genuine.status, 200, await genuine.clone().text());
  const tampered = await post(body.replace("FROZEN", "FROZEM"));
  assert.equal(tampered.status, 401);
  if (bare) return; // a receiver that answers only a status, as the README's
  assert.deepEqual(await genuine.json(), { eventId: "e-1", eventType: "RewardStatus", status: "FROZEN" });
  assert.deepEqual(await tampered.json(), { kind: "unverified" });
}
