// The demo's server: starts the tango-sim binary, serves the page and the built package, and is the
// page's backend proxy — it adds the platform credentials, so the page never holds a key. What it
// forwards and serves is decided by proxy-rules.mjs: Tango's order and line-item operations only,
// onto the simulator's origin, for same-origin JSON requests of bounded size; the page's own files.
//
//   node www/server.mjs [--port 5173] [--sim target/release/tango-sim]
//
// It also subscribes to the simulator's webhooks (a fresh HMAC key each run), verifies each delivery
// with the package's verifyWebhook, and streams the events to the page (/events).
//
// Prints the URL; Ctrl-C or SIGTERM stops the simulator and the server.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MAX_BODY_BYTES, WEBHOOK_PATH, classify, upstreamUrl } from "./proxy-rules.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..");
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? process.env.PORT ?? 5173);
const simBinary = args.sim ?? join(root, "target", "release", "tango-sim");
const CREDENTIALS = "Basic " + Buffer.from("demo-platform:demo-key").toString("base64");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".json": "application/json", ".svg": "image/svg+xml" };

/** The package as built (make pkg), for verifyWebhook and its ledger. */
const { verifyWebhook, createWebhookLedger } = await import(pathToFileURL(join(root, "pkg", "webhooks.node.js")).href);
const WEBHOOK_KEY = randomBytes(32).toString("base64");
const ledger = createWebhookLedger();
/** The pages listening on /events. */
const listeners = new Set();

const sim = spawn(simBinary, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const [firstLine] = await once(createInterface({ input: sim.stdout }), "line");
const simUrl = new URL(firstLine.trim().split(" ").pop());
const simBase = `${simUrl.origin}/raas/v2`;

async function serveFile(response, directory, relative, method) {
  try {
    const body = await readFile(join(directory, relative));
    response.writeHead(200, { "content-type": TYPES[extname(relative)] ?? "application/octet-stream", "cache-control": "no-store" });
    response.end(method === "HEAD" ? undefined : body);
  } catch {
    refuse(response, 404, "not found");
  }
}

function refuse(response, status, reason) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ httpCode: status, message: reason }));
}

/** The body, or null when it grows past the cap (the request is then refused with 413). */
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function proxy(request, response, route) {
  const body = await readBody(request);
  if (body === null) return refuse(response, 413, "body too large");
  const target = upstreamUrl(simBase, route.path, route.query);
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: { "content-type": "application/json", accept: "application/json", authorization: CREDENTIALS },
      body: request.method === "POST" ? body : undefined,
      redirect: "error",
    });
    const headers = { "content-type": upstream.headers.get("content-type") ?? "application/json" };
    for (const name of ["retry-after", "x-request-id"]) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    response.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    refuse(response, 502, "The simulator is not answering.");
  }
}

/** A delivery: verified (401 when not), recorded once, then sent to every page listening. */
async function receiveWebhook(request, response) {
  const body = await readBody(request);
  if (body === null) return refuse(response, 413, "body too large");
  try {
    const event = await verifyWebhook({ body, headers: request.headers }, { hmacSharedSecretKey: WEBHOOK_KEY });
    const { duplicate } = await ledger.record(event);
    if (!duplicate) for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
    response.writeHead(200).end();
  } catch (error) {
    refuse(response, error?.kind === "unverified" ? 401 : 500, error?.kind === "unverified" ? "not verified" : "not handled");
  }
}

/** The page's stream of verified events. */
function streamEvents(request, response) {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
  response.write(": events\n\n");
  listeners.add(response);
  request.on("close", () => listeners.delete(response));
}

const server = createServer((request, response) => {
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("x-frame-options", "DENY");
  const route = classify(request, server.address().port);
  if (route.status) {
    // Refused before anything is read or forwarded; the connection closes so an unread body is dropped.
    response.setHeader("connection", "close");
    return refuse(response, route.status, route.reason);
  }
  if (route.kind === "api") return proxy(request, response, route);
  if (route.kind === "webhook") return receiveWebhook(request, response);
  if (route.kind === "events") return streamEvents(request, response);
  return serveFile(response, route.root === "pkg" ? join(root, "pkg") : here, route.path, request.method);
});
server.listen(port, "127.0.0.1", async () => {
  const { port: actual } = server.address();
  // Reward and order events (a mailed reward moving; a reward frozen, cancelled, reissued) to this
  // server, signed with this run's key.
  const subscribed = await fetch(`${simBase}/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: CREDENTIALS },
    body: JSON.stringify({ url: `http://127.0.0.1:${actual}${WEBHOOK_PATH}`, categories: ["REWARD", "ORDER"],
      payloadVerificationMethod: "HMAC", hmacSharedSecretKey: WEBHOOK_KEY }),
  }).catch(() => undefined);
  if (subscribed?.status !== 201) console.error("tango-orders demo: could not subscribe to the simulator's webhooks");
  console.log(`tango-orders demo: http://127.0.0.1:${actual}/`);
  console.log(`  (tango-sim at ${simUrl.href}; the page calls it through this server's /api proxy)`);
});

function stop() {
  sim.kill("SIGTERM");
  for (const listener of listeners) listener.end();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1_000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
sim.on("exit", (code) => {
  if (code !== 0 && code !== null) {
    console.error(`tango-sim stopped (${code})`);
    process.exit(1);
  }
});
