// The rules of the demo's backend proxy, as pure functions (the server applies them; the tests drive
// every attack through the running server). The pattern to copy: forward only Tango's documented
// order and line-item operations, onto a fixed origin, for same-origin JSON requests of bounded size.

/** Tango's order and line-item operations, and the catalog the form reads its rewards' ranges from
 * (method, path under /raas/v2): nothing else is forwarded. */
const ID = "[A-Za-z0-9-]{1,100}";
export const ROUTES = [
  ["GET", "/catalogs"],
  ["POST", "/orders"],
  ["GET", "/orders"],
  ["GET", `/orders/${ID}`],
  ["POST", `/orders/${ID}/resends`],
  ["GET", "/lineItems"],
  ["GET", "/lineItems/reasonCodes"],
  ["GET", `/lineItems/${ID}`],
  ["GET", `/lineItems/${ID}/embeddedUrl`],
  ["POST", `/lineItems/${ID}/(?:resends|cancel|freeze|unfreeze|reissue)`],
].map(([method, path]) => ({ method, pattern: new RegExp(`^${path}$`) }));

/** Where the page calls Tango through this proxy. */
export const API_PREFIX = "/api/raas/v2";
/** The largest request body forwarded (a create with a 3,000-character message fits many times). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Where the simulator POSTs webhook deliveries (this server subscribes it at start), and where
 * the page reads the verified events as they come (server-sent events). */
export const WEBHOOK_PATH = "/webhooks/tango";
export const EVENTS_PATH = "/events";

/** The page's own files, and the package files it loads: nothing else is served. */
export const PAGE_FILES = new Map([["/", "index.html"], ["/index.html", "index.html"], ["/app.js", "app.js"], ["/style.css", "style.css"]]);
export const PACKAGE_FILE = /^\/tango-orders\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:js|wasm)$/;

/** The Host values this server answers to (DNS rebinding: a foreign name pointing at 127.0.0.1). */
export function allowedHosts(port) {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * Checks a request before anything is done with it. `request` is `{ method, url, headers }` as
 * node:http gives them (the raw request-target in `url`). Returns `{ status, reason }` to refuse,
 * or `{ kind: "api", path, query }` / `{ kind: "file", path }` to go on.
 */
export function classify(request, port) {
  const target = request.url ?? "";
  // Origin-form only ("/…"): no absolute-form ("http://host/…"), no "//" (a scheme-relative URL
  // once resolved), no backslashes (read as "/" by URL parsers), no control characters.
  if (!target.startsWith("/") || target.includes("//") || /[\\\x00-\x20\x7f]/.test(target)) {
    return { status: 400, reason: "bad request target" };
  }
  const headers = request.headers ?? {};
  if (!allowedHosts(port).has(String(headers.host ?? "").toLowerCase())) {
    return { status: 421, reason: "unknown host" };
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts(port).has(origin.replace(/^http:\/\//, "")) ) {
    return { status: 403, reason: "cross-origin request" };
  }
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return { status: 403, reason: "cross-site request" };
  }
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? "" : target.slice(queryAt);
  if (path.startsWith("/api/")) {
    if (!path.startsWith(`${API_PREFIX}/`)) return { status: 404, reason: "not an API path" };
    const apiPath = path.slice(API_PREFIX.length);
    const known = ROUTES.filter((route) => route.pattern.test(apiPath));
    if (known.length === 0) return { status: 404, reason: "not a Tango order operation" };
    if (!known.some((route) => route.method === request.method)) return { status: 405, reason: "method not allowed" };
    if (request.method === "POST") {
      const type = String(headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
      if (type !== "application/json") return { status: 415, reason: "POST bodies must be application/json" };
    }
    const length = Number(headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) return { status: 413, reason: "body too large" };
    return { kind: "api", path: apiPath, query };
  }
  if (path === WEBHOOK_PATH) {
    // A delivery: a signed JSON POST, checked again by verifyWebhook before anything is read.
    if (request.method !== "POST") return { status: 405, reason: "method not allowed" };
    const type = String(headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/json") return { status: 415, reason: "deliveries are application/json" };
    if (query !== "") return { status: 400, reason: "no query here" };
    const length = Number(headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) return { status: 413, reason: "body too large" };
    return { kind: "webhook" };
  }
  if (request.method !== "GET" && request.method !== "HEAD") return { status: 405, reason: "method not allowed" };
  if (path === EVENTS_PATH) return { kind: "events" };
  if (PAGE_FILES.has(path)) return { kind: "file", root: "www", path: PAGE_FILES.get(path) };
  if (PACKAGE_FILE.test(path) && !path.includes("..")) {
    return { kind: "file", root: "pkg", path: path.slice("/tango-orders/".length) };
  }
  return { status: 404, reason: "not found" };
}

/** The upstream URL: the path set on a copy of the simulator's base URL, never parsed from input. */
export function upstreamUrl(base, apiPath, query) {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, "")}${apiPath}`;
  url.search = query;
  url.hash = "";
  return url;
}
