// The demo's server: starts the tango-sim binary, serves the page and the built package, and is the
// page's backend proxy — it adds the platform credentials, so the page never holds a key.
//
//   node www/server.mjs [--port 5173] [--sim target/release/tango-sim]
//
// Prints the URL; Ctrl-C or SIGTERM stops the simulator and the server.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

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

const sim = spawn(simBinary, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const [firstLine] = await once(createInterface({ input: sim.stdout }), "line");
const simUrl = new URL(firstLine.trim().split(" ").pop());

async function serveFile(response, directory, relative) {
  const path = normalize(relative);
  if (path.startsWith("..")) return response.writeHead(404).end();
  try {
    const body = await readFile(join(directory, path));
    response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}

async function proxy(request, response) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const target = new URL(request.url.slice("/api".length), simUrl.origin);
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: { "content-type": "application/json", authorization: CREDENTIALS },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const headers = { "content-type": upstream.headers.get("content-type") ?? "application/json" };
    for (const name of ["retry-after", "x-request-id"]) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    response.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    response.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ httpCode: 502, message: "The simulator is not answering." }));
  }
}

const server = createServer((request, response) => {
  const path = new URL(request.url, "http://localhost").pathname;
  if (path.startsWith("/api/")) return proxy(request, response);
  if (path.startsWith("/tango-orders/")) return serveFile(response, join(root, "pkg"), path.slice("/tango-orders/".length));
  return serveFile(response, here, path === "/" ? "index.html" : path.slice(1));
});
server.listen(port, "127.0.0.1", () => {
  const { port: actual } = server.address();
  console.log(`tango-orders demo: http://127.0.0.1:${actual}/`);
  console.log(`  (tango-sim at ${simUrl.href}; the page calls it through this server's /api proxy)`);
});

function stop() {
  sim.kill("SIGTERM");
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
