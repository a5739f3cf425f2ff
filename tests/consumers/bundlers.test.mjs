// The package in pages and workers built by each bundler with its defaults, run in Chromium:
// esbuild, rollup (+ node-resolve), `bun build`, webpack 5 current and 5.82, Vite build (workers
// in its default iife format, and as ES modules), the Vite dev server, and no bundler at all (an
// import map). Every page runs the scenario, and so does every worker it names.
import { test, after } from "node:test";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  EXPECTED, WORK, sh, tool, assertPage, serveStatic, startServer, freePort, closeChromium, shippedBytes,
} from "./shared/harness.mjs";

after(closeChromium);

/** Builds a project with `build(cwd)`, copies its index.html into dist/ and checks the page. */
async function checkBuilt(name, build, { workers = ["classic", "module"], htmlInDist = false } = {}) {
  const cwd = join(WORK, name);
  const output = build(cwd);
  if (output.trim()) console.log(`${name} build:\n${output.trim()}`);
  const dist = join(cwd, "dist");
  if (!htmlInDist) cpSync(join(cwd, "index.html"), join(dist, "index.html"));
  const site = await serveStatic(dist);
  try {
    await assertPage(`${site.url}?workers=${workers.join(",")}`, EXPECTED, { workers });
  } finally {
    site.close();
  }
  const bytes = await shippedBytes(dist);
  console.log(`${name}: ships ${bytes.raw} B (${bytes.gzip} B gzip) of JS and wasm for the page and its worker`);
}

test("esbuild --bundle: an ES module page, an iife worker", { timeout: 120_000 }, () =>
  checkBuilt("esbuild", (cwd) =>
    sh("esbuild page.js --bundle --format=esm --outdir=dist", { cwd }) +
    sh("esbuild worker.js --bundle --outdir=dist", { cwd })));

test("rollup with node-resolve: an ES module page, an iife worker", { timeout: 120_000 }, () =>
  checkBuilt("rollup", (cwd) =>
    sh("rollup page.js -p node-resolve -f es -d dist", { cwd }) +
    // An iife bundle cannot have chunks, and the main entry imports its client module on first
    // use: rollup wants that import inlined for iife (Vite does it for its iife workers itself).
    sh("rollup worker.js -p node-resolve -f iife --inlineDynamicImports -d dist", { cwd })));

test("bun build --target browser: a page and a module worker", { timeout: 120_000 }, () =>
  checkBuilt("bun-build", (cwd) =>
    sh("bun build ./page.js ./worker.js --target browser --outdir dist", { cwd }),
  { workers: ["module"] }));

test("webpack 5 (current), defaults: a page, a classic and a module worker", { timeout: 180_000 }, () =>
  checkBuilt("webpack", (cwd) =>
    sh("webpack --mode production --entry ./page.js --output-path dist", { cwd })));

test("webpack 5.82, defaults (no top-level await): a page, a classic and a module worker", { timeout: 180_000 }, () =>
  checkBuilt("webpack-5.82", (cwd) => sh("node build.mjs", { cwd })));

test("Vite build, workers in the default (iife) format", { timeout: 180_000 }, () =>
  checkBuilt("vite", (cwd) => sh("vite build --logLevel warn", { cwd }), { htmlInDist: true }));

test("Vite build, workers as ES modules", { timeout: 180_000 }, () =>
  checkBuilt("vite-es-worker", (cwd) => sh("vite build --logLevel warn", { cwd }), { htmlInDist: true, workers: ["module"] }));

test("Vite dev server: the page and a module worker", { timeout: 180_000 }, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const { file, args } = tool(`vite --host 127.0.0.1 --port ${port} --strictPort`);
  const server = await startServer(file, args, { cwd: join(WORK, "vite"), url });
  try {
    await assertPage(`${url}?workers=module`, EXPECTED, { workers: ["module"] });
  } finally {
    server.stop();
  }
});

test("no bundler: an import map page and a module worker", { timeout: 60_000 }, async () => {
  const cwd = join(WORK, "importmap");
  if (!existsSync(join(cwd, "index.html"))) throw new Error("importmap/index.html is missing");
  const site = await serveStatic(cwd);
  try {
    await assertPage(`${site.url}?workers=module`, EXPECTED, { workers: ["module"] });
  } finally {
    site.close();
  }
});
