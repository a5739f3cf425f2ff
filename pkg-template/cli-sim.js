// `tango-orders sim`: the simulator (tango-orders/sim's wasm core) over HTTP behind node:http, with
// the flags and answers of the Rust binary `tango-sim` (sim/src/main.rs), so that a team without
// Rust (a Python backend, a dev server) can run a local Tango from npm. Loopback unless --host
// says otherwise; bodies capped as the binary caps them; slow or oversized requests cut off.
import { createServer } from "node:http";
import { createSimulator } from "./sim.node.js";

/** The simulator's entry for raw requests (see sim-core.js). */
const RAW_HANDLE = Symbol.for("tango-orders.sim.raw-handle");
/** The simulator answers 413 past this (sim/src/simulator.rs MAX_BODY_BYTES); one byte more is
 * read so that it can tell, and nothing after that. */
const MAX_BODY_BYTES = 1 << 20;
const BASE_PATH = "/raas/v2";
/** A client that has not sent its headers by then, or its whole request, is cut off. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** A flag's value as a number of the kind it must be, or a usage error naming the flag. */
function number(values, flag, { integer = false, min = 0, max = Infinity } = {}, UsageError) {
  const text = values[flag];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new UsageError(`--${flag}: not a valid value`);
  }
  return value;
}

/** The simulator's options and the server's address from the flags. */
export function settingsFrom(values, UsageError) {
  const n = (flag, kind) => number(values, flag, kind, UsageError);
  const rate = { min: 0, max: 1 };
  const faults = {
    latencyMs: n("latency-ms", { integer: true }),
    serverErrorRate: n("server-error-rate", rate),
    rateLimitBurstRate: n("rate-limit-burst-rate", rate),
    rateLimitBurstLength: n("rate-limit-burst-length", { integer: true }),
    dropAfterCommitRate: n("drop-after-commit-rate", rate),
  };
  const createsPerSecond = n("creates-per-second", { min: Number.MIN_VALUE });
  return {
    host: values.host ?? "127.0.0.1",
    port: n("port", { integer: true, max: 65535 }) ?? 4010,
    transportTestRoutes: values["transport-test-routes"] === true,
    simulator: {
      allowAnyWebhookHost: values["allow-webhook-hosts"] === true,
      seed: n("seed", { integer: true, max: Number.MAX_SAFE_INTEGER }) ?? 1,
      virtualClock: values["virtual-clock"] === true,
      faults: Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined)),
      ...(createsPerSecond === undefined ? {} : { createsPerSecond }),
    },
  };
}

/** The body, read up to one byte past the cap (the simulator refuses it), or null when the client
 * went away first. */
function readBody(request) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const done = () => {
      request.off("data", onData);
      resolve(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1));
    };
    const onData = (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.pause();
        done();
      }
    };
    request.on("data", onData);
    request.on("end", done);
    request.on("error", () => resolve(null));
    request.on("close", () => resolve(null));
  });
}

/** The answer of a route the client's transport tests use (as on the binary, when asked for), in
 * the simulator's own answer shape. */
function transportTestAnswer(request) {
  const answer = (status, type, body, delayMs) =>
    ({ status, headers: [["content-type", type]], body: Buffer.from(body), delayMs, dropped: false });
  if (request.method !== "GET") return undefined;
  if (request.url === "/__transport/slow") return answer(200, "application/json", "{}", 3000);
  if (request.url === "/__transport/html") return answer(502, "text/html", "<html><body>502 Bad Gateway</body></html>", 0);
  return undefined;
}

const sleep = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
});

/** CORS as the binary sends it: the caller's origin echoed, so a page on another origin can call. */
function corsHeaders(origin) {
  return [
    ["access-control-allow-origin", origin ?? "*"],
    ["access-control-allow-headers", "authorization, content-type"],
    ["access-control-allow-methods", "GET, POST, PATCH, OPTIONS"],
    ["access-control-expose-headers", "retry-after, x-request-id"],
    ["vary", "origin"],
  ];
}

async function serve(simulator, settings, request, response) {
  const gone = new AbortController();
  response.on("close", () => gone.abort());
  const body = await readBody(request);
  if (body === null) return;
  const headerPairs = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) headerPairs.push([request.rawHeaders[i], request.rawHeaders[i + 1]]);
  const answer = (settings.transportTestRoutes ? transportTestAnswer(request) : undefined)
    ?? simulator[RAW_HANDLE](request.method, request.url, headerPairs, body);
  if (answer.delayMs > 0) await sleep(answer.delayMs, gone.signal);
  if (gone.signal.aborted) return;
  if (answer.dropped) {
    // The order is committed; the answer is lost. Bytes that are not HTTP, then the end: every
    // client fails the request at once, as when a connection breaks mid-response (as the binary does).
    request.socket.end("\0dropped\r\n\r\n");
    return;
  }
  const headers = [...answer.headers, ...corsHeaders(request.headers.origin)];
  if (body.length > MAX_BODY_BYTES) headers.push(["connection", "close"]); // the rest is never read
  response.writeHead(answer.status, headers.flat());
  response.end(answer.status === 204 || answer.status === 304 || request.method === "HEAD" ? undefined : answer.body);
}

/** Whether `url` is http(s) to this machine (as the simulator's core decides for subscriptions). */
function loopback(url) {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Sends one webhook delivery as the binary does: a POST, no redirects followed (a receiver must
 * not send it elsewhere), 5 s at most; resolves to the status (0: not sent or no answer). */
async function postDelivery(request, allowAnyHost) {
  if (!allowAnyHost && !loopback(request.url)) return 0;
  const response = await fetch(request.url, {
    method: "POST", headers: request.headers, body: await request.arrayBuffer(), redirect: "manual",
    signal: AbortSignal.timeout(5_000),
  });
  await response.body?.cancel();
  return response.status;
}

export async function run(values, _positionals, { UsageError }) {
  const settings = settingsFrom(values, UsageError);
  const allowAnyHost = settings.simulator.allowAnyWebhookHost;
  const simulator = createSimulator({ ...settings.simulator, onWebhook: (request) => postDelivery(request, allowAnyHost) });
  // connectionsCheckingInterval: how often Node looks for the timeouts above (30 s by default).
  const server = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 }, (request, response) => {
    serve(simulator, settings, request, response).catch(() => {
      // A defect here must not stop the server or leak a request: a plain 500, nothing of the input.
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end();
    });
  });
  // Malformed requests, headers past Node's 16 KB, timeouts: Node's own 400, 431 and 408, then close.
  await new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new UsageError(`cannot listen on ${settings.host}:${settings.port}: ${error.code ?? error.message}`)));
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address();
  const shownHost = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  process.stdout.write(`tango-orders sim listening on http://${shownHost}:${port}${BASE_PATH}\n` +
    `  platform ${simulator.platformName} / key ${simulator.platformKey}  (Basic auth)  customer ${simulator.customerIdentifier}` +
    `  accounts ${Object.values(simulator.accounts).join(", ")}\n` +
    "  UTIDs: U000001 digital, U000002 physical, U000003 promo link, U000004 fails, U000005 slow\n");
  await new Promise((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  process.stdout.write("tango-orders sim stopped\n");
  return 0;
}
