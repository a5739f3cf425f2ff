//! Writes the package's entry points around the wasm-bindgen output in pkg/ (run by build-pkg.sh).
//!
//! Every module (the client, the validation-only module, the simulator) gets three entries that
//! instantiate it synchronously on import, so no entry uses top-level await or an asset URL:
//!   <entry>.js          browsers, bundlers, workers (the default condition): the module inlined as
//!                       base64 of its raw-DEFLATE bytes, inflated by the bundled fflate;
//!   <entry>.node.js     Node, Deno, Bun and server bundles (the `node` condition): the same inlined
//!                       bytes, inflated by node:zlib;
//!   <entry>.workerd.js  Cloudflare Workers (the `workerd` condition), which refuse to compile wasm
//!                       from bytes: the .wasm imported as a module, as wrangler expects.
//! Why inlined: esbuild, rollup and `bun build` do not emit a `new URL("x.wasm", import.meta.url)`
//! asset, Next.js rewrites it into a URL that is not a file, and a worker bundled as iife (Vite's
//! default) or webpack < 5.83 refuse the top-level await an async load needs. Base64 of the
//! compressed module gzips to within half a percent of the .wasm file itself.
//!
//! It also strips wasm-bindgen's loader from the glue (the `new URL(...)` default and its
//! declarations: InitInput, initSync, the default init), so that bundlers do not ship the .wasm a
//! second time as an asset and the public types name no DOM or WebAssembly types.
//!
//! Usage: node scripts/package-entries.mjs <pkg dir>
import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { join } from "node:path";

const out = process.argv[2];
if (!out) throw new Error("usage: package-entries.mjs <pkg dir>");

/** The three wasm modules: where their glue lives, and the entry names that load them. */
const MODULES = [
  { entry: "index", dir: "wasm", name: "tango_orders", extra: ['import "./extend.js";'], typesFrom: "glue", parsers: true },
  { entry: "validate", dir: "wasm-validate", name: "tango_orders_validate", extra: [], typesFrom: "glue" },
  { entry: "sim", dir: "wasm-sim", name: "tango_sim", extra: [], typesFrom: "template", simulator: true },
];

const LOADERS = {
  js: "./inline.js",
  "node.js": "./inline.node.js",
};

/** Replaces `from` with `to` in `text`, exactly once, or stops the build: the glue changed shape. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`package-entries: ${what}: expected exactly one ${JSON.stringify(from)} in the wasm-bindgen output`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

for (const module of MODULES) {
  const glue = join(out, module.dir, `${module.name}.js`);
  const wasmFile = `${module.name}_bg.wasm`;

  // The glue's default init fetches the .wasm next to it; nothing in the package calls it without
  // an argument (web.js passes its own URL), so the URL goes and bundlers see no asset.
  writeFileSync(glue, replaceOnce(readFileSync(glue, "utf8"),
    `module_or_path = new URL('${wasmFile}', import.meta.url);`,
    `throw new TypeError("tango-orders: init() needs the .wasm module's URL or bytes");`, glue));

  // The inlined module: raw DEFLATE at the highest level, as base64.
  const bytes = readFileSync(join(out, module.dir, wasmFile));
  const base64 = deflateRawSync(bytes, { level: 9 }).toString("base64");
  writeFileSync(join(out, module.dir, `${module.name}.inline.js`),
    `// ${wasmFile} (${bytes.length} bytes), raw DEFLATE, base64: see package-entries.mjs in the repository.\n` +
    `export const size = ${bytes.length};\nexport default "${base64}";\n`);

  // The API by name, not `export *`: the glue's loader (initSync) is not part of it.
  const names = [...readFileSync(glue, "utf8").matchAll(/^export (?:class|function|const|let) (\w+)/gm)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`package-entries: no exports found in ${glue}`);
  // The parse* functions go through decode.js (JSON.parse, checked by models.js), with the wasm's
  // own export of each as its fallback; models.js must describe exactly the glue's parsers.
  const parsers = module.parsers ? names.filter((name) => /^parse[A-Z]/.test(name)) : [];
  if (module.parsers) {
    const described = Object.keys((await import(join(out, "models.js"))).default.parsers).sort();
    if (JSON.stringify(described) !== JSON.stringify([...parsers].sort())) {
      throw new Error(`package-entries: models.js describes ${described} but the glue exports ${parsers}`);
    }
  }
  const glueExports = names.filter((name) => !parsers.includes(name));
  const parserTail = parsers.length === 0 ? "" : [
    "",
    `import { ${parsers.map((name) => `${name} as wasm_${name}`).join(", ")} } from "./${module.dir}/${module.name}.js";`,
    `import models from "./models.js";`,
    `import { makeParsers } from "./decode.js";`,
    `const parsers = makeParsers(models, { ${parsers.map((name) => `${name}: wasm_${name}`).join(", ")} });`,
    ...parsers.map((name) => `export const ${name} = parsers.${name};`),
    "",
  ].join("\n");
  const tail = module.simulator
    ? `import { makeCreateSimulator } from "./sim-core.js";\n\nexport const createSimulator = makeCreateSimulator(SimulatorHandle);\n`
    : `export {\n${glueExports.map((name) => `  ${name},`).join("\n")}\n} from "./${module.dir}/${module.name}.js";\n` + parserTail;
  const fromGlue = module.simulator ? "initSync, SimulatorHandle" : "initSync";
  const header = (how) => `// tango-orders${module.entry === "index" ? "" : "/" + module.entry}: ${how} (generated by package-entries.mjs).`;
  for (const [suffix, loader] of Object.entries(LOADERS)) {
    writeFileSync(join(out, `${module.entry}.${suffix}`), [
      header(suffix === "js" ? "browsers, bundlers and workers; the module inlined, instantiated on import"
        : "Node, Deno, Bun and server bundles; the module inlined, instantiated on import"),
      `import { ${fromGlue} } from "./${module.dir}/${module.name}.js";`,
      `import wasm, { size } from "./${module.dir}/${module.name}.inline.js";`,
      `import { wasmBytes } from "${loader}";`,
      ...module.extra,
      "",
      `initSync({ module: wasmBytes(wasm, size) });`,
      "",
      tail,
    ].join("\n"));
  }
  writeFileSync(join(out, `${module.entry}.workerd.js`), [
    header("Cloudflare Workers; the .wasm imported as a compiled module, instantiated on import"),
    `import { ${fromGlue} } from "./${module.dir}/${module.name}.js";`,
    `import module from "./${module.dir}/${wasmFile}";`,
    ...module.extra,
    "",
    `initSync({ module });`,
    "",
    tail,
  ].join("\n"));

  if (module.entry === "index") {
    // tango-orders/web: the same API from the separate .wasm file, loaded by an explicit init(): for
    // pages that want the browser's streaming compile and a separately cached file (bundlers that
    // emit `new URL(…, import.meta.url)` assets, such as Vite and webpack, ship it; esbuild and
    // rollup do not). `init(url)` loads the file from elsewhere (a CDN).
    writeFileSync(join(out, "web.js"), [
      `// tango-orders/web: the module loaded from its own .wasm file by \`await init()\` (generated by package-entries.mjs).`,
      `import initModule from "./${module.dir}/${module.name}.js";`,
      ...module.extra,
      "",
      "/** Loads and instantiates the module once; later calls share the first. */",
      "export default function init(source) {",
      `  const module_or_path = source === undefined ? new URL("./${module.dir}/${wasmFile}", import.meta.url)`,
      `    : typeof source.href === "string" ? source.href : source; // a URL, or anything with an href`,
      "  return initModule({ module_or_path }).then(() => undefined);",
      "}",
      "",
      tail,
    ].join("\n"));
  }

  if (module.typesFrom === "glue") {
    // The public types: the glue's declarations up to its loader (InitInput, InitOutput, initSync,
    // the default init), which name DOM and WebAssembly types and are not the package's API.
    const declarations = readFileSync(join(out, module.dir, `${module.name}.d.ts`), "utf8");
    const loaderAt = declarations.indexOf("\nexport type InitInput =");
    if (loaderAt < 0) throw new Error(`package-entries: no loader declarations in ${module.name}.d.ts`);
    writeFileSync(join(out, `${module.entry}.d.ts`), declarations.slice(0, loaderAt).trimEnd() + "\n");
  }
}
