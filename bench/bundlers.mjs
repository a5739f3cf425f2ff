// What a page ships when each bundler builds it from the packed package with its defaults (plus
// minification where the bundler has a flag for it): the main entry, the validation-only entry and
// tango-orders/web (JS + its separate .wasm), as JS + wasm bytes, raw and gzip -9. Uses the consumer
// projects' tools (tests/consumers/run.sh --prepare) and writes bench/BUNDLERS.md. Run by `make bench`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const here = new URL(".", import.meta.url).pathname;
const root = join(here, "..");
const work = execFileSync("bash", [join(root, "tests/consumers/run.sh"), "--prepare"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const tools = join(work, "..", "node_modules");
const bin = (name) => join(tools, ".bin", name);
const cwd = join(work, "sizes");

const BUNDLERS = {
  "esbuild --minify": (page, out) => [bin("esbuild"), [`${page}.js`, "--bundle", "--format=esm", "--minify", `--outdir=${out}`]],
  "esbuild --minify --splitting": (page, out) => [bin("esbuild"), [`${page}.js`, "--bundle", "--format=esm", "--minify", "--splitting", `--outdir=${out}`]],
  "rollup + node-resolve (not minified)": (page, out) => [bin("rollup"), [`${page}.js`, "-p", "node-resolve", "-f", "es", "-d", out]],
  "bun build --minify": (page, out) => [bin("bun"), ["build", `./${page}.js`, "--target", "browser", "--minify", "--outdir", out]],
  "bun build --minify --splitting": (page, out) => [bin("bun"), ["build", `./${page}.js`, "--target", "browser", "--minify", "--splitting", "--outdir", out]],
  "webpack --mode production": (page, out) => [bin("webpack"), ["--mode", "production", "--entry", `./${page}.js`, "--output-path", out]],
  "vite build": "vite",
};
// Vite through its JS API: a JS entry without an index.html needs build.rollupOptions.input.
const vite = await import(pathToFileURL(createRequire(join(tools, "noop.js")).resolve("vite")).href);
const viteBuild = (page, out) => vite.build({ root: cwd, logLevel: "silent", configFile: false,
  build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(cwd, `${page}.js`) } } });
const PAGES = { main: "tango-orders", validate: "tango-orders/validate", web: "tango-orders/web" };

/** Every .js and .wasm file under `dir`, by path relative to it. */
function filesIn(dir) {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(m?js|wasm)$/.test(entry.name)) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(relative(dir, path), readFileSync(path));
  }
  return files;
}

/**
 * What a page loads before it uses the client: the bundle's entry file (named after the page, or
 * webpack's main.js) and what it imports statically, file by file; the rest comes later (the
 * chunk of the client module, imported on a client's first call) or, for tango-orders/web, is its
 * `.wasm`. Bundles without chunks have one file: everything is first.
 */
function shipped(dir, page) {
  const files = filesIn(dir);
  const size = (names) => names.reduce((sum, name) => ({
    raw: sum.raw + files.get(name).length, gzip: sum.gzip + gzipSync(files.get(name), { level: 9 }).length }), { raw: 0, gzip: 0 });
  // The page's own name first (bun also names a shared chunk main-<hash>.js), then hashed names.
  const names = [...files.keys()];
  const entry = names.find((name) => name === `${page}.js` || name === "main.js")
    ?? names.find((name) => new RegExp(`(^|/)(${page}|main)[-.\\w]*\\.m?js$`).test(name));
  const first = new Set();
  const visit = (name) => {
    if (first.has(name) || !files.has(name)) return;
    first.add(name);
    const text = files.get(name).toString("utf8");
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`.
    for (const [, spec] of text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      if (spec.startsWith(".")) visit(join(dirname(name), spec));
    }
  };
  if (entry !== undefined && !entry.endsWith(".wasm")) visit(entry);
  // The CSV module's chunk (validateOrdersCsv without the client) is imported only by the CSV
  // functions, which these pages do not use: most bundlers still write it, but nothing loads it.
  const text = (name) => files.get(name).toString("utf8");
  const csvChunk = (name) => /\.m?js$/.test(name) && !first.has(name) && text(name).includes("validateOrdersCsv") && !text(name).includes("TangoClient");
  const all = [...files.keys()].filter((name) => !csvChunk(name));
  return { all: size(all), first: size(all.filter((n) => first.has(n))), later: size(all.filter((n) => !first.has(n))) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows = [];
for (const [bundler, command] of Object.entries(BUNDLERS)) {
  const cells = [];
  for (const page of Object.keys(PAGES)) {
    const out = join(cwd, `dist-${page}`);
    rmSync(out, { recursive: true, force: true });
    if (command === "vite") await viteBuild(page, out);
    else execFileSync(...command(page, out), { cwd, stdio: "ignore" });
    const { all, first, later } = shipped(out, page);
    if (page === "main") {
      cells.push(`${kb(first.gzip)} (${kb(first.raw)} raw)`, later.raw === 0 ? "— (in the first load)" : `${kb(later.gzip)} (${kb(later.raw)} raw)`);
    } else cells.push(`${kb(all.gzip)} (${kb(all.raw)} raw)`);
  }
  rows.push(`| ${bundler} | ${cells.join(" | ")} |`);
  console.log(rows.at(-1));
}

// What loading costs a page, in Chromium: import + first validation, the inlined entry against
// tango-orders/web (separate .wasm, streaming compile), straight from pkg/ on loopback (no network
// time), each in a fresh page, rounds interleaved; and the inlined entry's parts.
process.env.TANGO_CONSUMERS = work; // where the harness finds the tools
const harness = await import(pathToFileURL(join(work, "shared", "harness.mjs")).href);
const site = await harness.serveStatic(join(root, "pkg"));
const browser = await harness.chromium();
const times = { inline: [], web: [], inflate: [] };
for (let round = 0; round < 11; round++) {
  for (const kind of ["inline", "web", "inflate"]) {
    const page = await browser.newPage();
    await page.goto(`${site.url}package.json`);
    times[kind].push(await page.evaluate(async (kind) => {
      if (kind === "inflate") {
        const [data, { wasmBytes }] = await Promise.all([import("/wasm-main/tango_orders_main.inline.js"), import("/inline.js")]);
        const start = performance.now();
        wasmBytes(data.default, data.size);
        return performance.now() - start;
      }
      const start = performance.now();
      const tango = kind === "inline" ? await import("/index.js") : await import("/web.js");
      if (kind === "web") await tango.default();
      tango.validateCreateOrder({});
      return performance.now() - start;
    }, kind));
    await page.close();
  }
}
await harness.closeChromium();
site.close();
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const load = `In Chromium, import + first validation (median of 11, fresh pages, from loopback): tango-orders ` +
  `${median(times.inline).toFixed(1)} ms, tango-orders/web ${median(times.web).toFixed(1)} ms; of the first, ` +
  `decoding and inflating the inlined module ${median(times.inflate).toFixed(1)} ms.`;
console.log(load);

const version = JSON.parse(readFileSync(join(root, "pkg", "package.json"), "utf8")).version;
writeFileSync(join(here, "BUNDLERS.md"), [
  "# What each bundler ships", "",
  `tango-orders ${version}, ${new Date().toISOString()}: JS + wasm a page downloads, gzip -9 (raw), built by \`node bench/bundlers.mjs\`.`,
  "The main and validate entries carry their modules inlined. The main entry's first load is the file a page imports and",
  "every file that imports statically; its client module is a chunk imported on a client's first call, where the bundler",
  "splits (rollup, webpack and Vite always; esbuild and bun with --splitting; without it that chunk is inside the first",
  "file, though still inflated and compiled only on the first call). tango-orders/web fetches the separate `.wasm`",
  "(rollup, esbuild and bun do not copy it: their web column is the JS alone, which then cannot load).", "",
  "| bundler | tango-orders, first load | tango-orders, client chunk (first client call) | tango-orders/validate | tango-orders/web |",
  "|---|---|---|---|---|",
  ...rows, "", load, "",
].join("\n"));
console.log("written bench/BUNDLERS.md");
