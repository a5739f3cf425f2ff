//! Bundles the package's entries, `pkg-template/entries/*.js`, once per loader with esbuild, around
//! the wasm modules build-pkg.sh built into pkg/; then checks that each entry exports what its
//! module and the table of client methods say. Called by assemble.mjs.
//!
//! An entry imports its module as `tango:module` (instantiated on import) and `tango:api` (its
//! public functions); this file points those, and `tango:client`, `tango:csv`, `tango:webhooks` and
//! the generated data (`tango:models`, `tango:webhook-models`, `tango:json-schemas`), at the files of the loader
//! it builds for (scripts/README.md says why there are three loaders and what each entry holds).
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { MODULES as TABLE } from "./modules.mjs";

const template = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg-template");

/** Each entry's module. */
const MODULE_OF = { index: "main", web: "main", client: "client", validate: "validate", csv: "csv", "json-schema": "validate", webhooks: "webhooks", sim: "sim" };

/**
 * The loaders, by the suffix of the files they get:
 * - `.js`: browsers, bundlers and workers (the default condition): the module inlined as base64
 *   of its raw DEFLATE, inflated by inline.js (fflate's inflate, shared by the entries of a page).
 * - `.node.js`: Node, Deno, Bun and server bundles: plain base64 (inline.node.js), nothing to inflate.
 * - `.workerd.js`: Cloudflare Workers, which refuse to compile wasm from bytes: the .wasm
 *   imported as a module, as wrangler expects.
 * - `web`: tango-orders/web: the first load inlined as in `.js`; the client module's glue left as
 *   its own file, instantiated from its .wasm by init().
 * Why inlined: esbuild, rollup and `bun build` do not emit a `new URL("x.wasm", import.meta.url)`
 * asset, Next.js rewrites it into a URL that is not a file, and a worker bundled as iife (Vite's
 * default) or webpack < 5.83 refuse the top-level await an async load needs.
 */
const LOADERS = [".js", ".node.js", ".workerd.js"];
const BUILDS = [
  ...LOADERS.flatMap((loader) => ["index", "client", "validate", "csv", "json-schema", "webhooks", "sim"]
    .map((entry) => ({ entry, loader, file: `${entry}${loader}` }))),
  { entry: "web", loader: "web", file: "web.js" },
  { entry: "client", loader: "web", file: "client.web.js" },
];

// `text` without its doc comment blocks (each on lines of their own): in the client module's
// bundle they were a seventh of its JavaScript, gzip, and the .d.ts files carry the same docs.
const withoutDocComments = (text) => text.replace(/^[ \t]*\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n/gm, "");
const sameSet = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const fail = (message) => {
  throw new Error(`bundle-entries: ${message}`);
};

/** Bundles every entry into `out` (pkg/) and checks what each exports. */
export async function bundleEntries(out) {
  // The main entry's view of the client's methods (see client-methods.js).
  const { lazyMethods } = await import(join(template, "client-methods.js"));
  // The table's rows, with what this step learns of each module's files.
  const MODULES = structuredClone(TABLE);
  // Every module: its glue without the default URL, its bytes inlined, the names it exports.
  for (const module of Object.values(MODULES)) {
    module.glue = join(out, module.dir, `${module.name}.js`);
    module.wasmFile = `${module.name}_bg.wasm`;
    // The glue's default init fetches the .wasm next to it; nothing in the package calls it without
    // an argument (web-init.js passes its own URL), so the URL goes and bundlers see no asset.
    const url = `module_or_path = new URL('${module.wasmFile}', import.meta.url);`;
    const refusal = `throw new TypeError("tango-orders: init() needs the .wasm module's URL or bytes");`;
    let glue = readFileSync(module.glue, "utf8");
    if (!glue.includes(refusal)) { // not yet patched (this script may run again on the same pkg/)
      if (glue.split(url).length !== 2) fail(`expected one default URL in ${module.glue}: the glue changed shape`);
      glue = glue.replace(url, refusal);
    }
    // Its doc comments go too, as from the bundles (below): the glue's file is shipped as it is
    // for tango-orders/web.
    glue = withoutDocComments(glue);
    writeFileSync(module.glue, glue);

    const bytes = readFileSync(join(out, module.dir, module.wasmFile));
    const inline = (suffix, text) => writeFileSync(join(out, module.dir, `${module.name}.${suffix}`),
      `// ${module.wasmFile} (${bytes.length} bytes) as text: see scripts/bundle-entries.mjs.\nexport const size = ${bytes.length};\nexport default "${text}";\n`);
    inline("inline.js", deflateRawSync(bytes, { level: 9 }).toString("base64"));
    inline("inline.node.js", bytes.toString("base64"));

    // The API: the glue's exports but its loader (initSync) and the package's own hooks (`__*`).
    const names = [...glue.matchAll(/^export (?:class|function|const|let) (\w+)/gm)].map((m) => m[1]);
    if (names.length === 0) fail(`no exports found in ${module.glue}`);
    module.api = names.filter((name) => !name.startsWith("__") && name !== "initSync");
    module.hooks = names.filter((name) => name.startsWith("__"));
  }

  /** How `tango:module` instantiates `module` for `loader`, as the text of a module in pkg/. */
  function instantiation(module, loader) {
    const glue = JSON.stringify(module.glue);
    if (loader === "web" && module === MODULES.client) return `export * from "tango:client-glue";`;
    const bytes = loader === ".workerd.js"
      ? `import compiled from "./${module.dir}/${module.wasmFile}";\nconst bytes = compiled;`
      : `import text, { size } from ${JSON.stringify(join(out, module.dir, `${module.name}.${loader === ".node.js" ? "inline.node.js" : "inline.js"}`))};\n` +
        `import { wasmBytes } from ${loader === ".node.js" ? JSON.stringify(join(template, "inline.node.js")) : '"./inline.js"'};\n` +
        `const bytes = wasmBytes(text, size);`;
    return `import { initSync } from ${glue};\n${bytes}\ninitSync({ module: bytes });\nexport * from ${glue};\n`;
  }

  /** The esbuild plugin that points an entry's `tango:` imports at `loader`'s files. */
  const loaderPlugin = (entry, loader) => ({
    name: "tango-loader",
    setup(b) {
      const module = MODULES[MODULE_OF[entry]];
      const suffix = loader === "web" ? ".js" : loader;
      const external = (path) => ({ path, external: true });
      b.onResolve({ filter: /^tango:/ }, ({ path }) => {
        switch (path) {
          case "tango:module": case "tango:api": case "tango:lazy-methods": return { path, namespace: "tango" };
          case "tango:client": return external(loader === "web" ? "./client.web.js" : `./client${suffix}`);
          case "tango:csv": return external(`./csv${suffix}`);
        case "tango:webhooks": return external(`./webhooks${suffix}`);
          case "tango:client-glue": return external(`./${MODULES.client.dir}/${MODULES.client.name}.js`);
          case "tango:models": return { path: join(out, "models.js") };
          case "tango:json-schemas": return { path: join(out, "json-schemas.js") };
          case "tango:webhook-models": return { path: join(out, "webhook-models.js") };
          default: return fail(`${path} is not one of the entries' imports`);
        }
      });
      // Shared by the entries a page loads: the inflate, and the .wasm wrangler compiles.
      b.onResolve({ filter: /^\.\/inline\.js$|\.wasm$/ }, ({ path }) => external(path));
      if (loader === "web") {
        b.onResolve({ filter: /^\.\/load-client\.js$/ }, () => ({ path: join(template, "entries", "load-client.web.js") }));
      }
      b.onLoad({ filter: /.*/, namespace: "tango" }, ({ path }) => ({
        resolveDir: out,
        contents: path === "tango:module" ? instantiation(module, loader)
          : path === "tango:lazy-methods" ? `export default ${JSON.stringify(lazyMethods())};\n`
          : `export { ${module.api.join(", ")} } from "tango:module";\n`,
      }));
    },
  });

  // Whitespace is kept: Node prints the source line of an uncaught error, and a minified entry is one
  // line with the module's base64 in it (hundreds of KiB on the terminal); kept, the base64 stands on
  // a line of its own and every line the stack points at is short.
  const exportsOf = {};
  for (const { entry, loader, file } of BUILDS) {
    const result = await build({
      entryPoints: [join(template, "entries", `${entry}.js`)], outfile: join(out, file), bundle: true, format: "esm",
      platform: loader === ".node.js" ? "node" : "neutral", minifySyntax: true, metafile: true, logLevel: "warning",
      external: ["node:*"], plugins: [loaderPlugin(entry, loader)],
      banner: { js: `// tango-orders: ${file}, bundled from pkg-template/entries/${entry}.js by scripts/bundle-entries.mjs.` },
    });
    exportsOf[file] = Object.values(result.metafile.outputs)[0].exports;
    // Doc comments are for the sources' readers (and the .d.ts files'); a page need not load them.
    writeFileSync(join(out, file), withoutDocComments(readFileSync(join(out, file), "utf8")));
  }

  // What each entry must export. The client's methods come from one table (client-methods.js) that
  // the lazy client and the wrapper both read; it must be the wasm class's own.
  const { CLIENT_METHODS } = await import(join(template, "client-methods.js"));
  const clientGlue = readFileSync(MODULES.client.glue, "utf8");
  const classBody = clientGlue.slice(clientGlue.indexOf("export class TangoClient"));
  const methods = [...classBody.slice(0, classBody.indexOf("\n}\n")).matchAll(/^ {4}(\w+)\(/gm)]
    .map((m) => m[1]).filter((name) => !["constructor", "free", "__destroy_into_raw"].includes(name));
  if (!sameSet(methods, Object.keys(CLIENT_METHODS))) fail(`TangoClient has methods ${methods}; client-methods.js lists others`);
  const iterators = Object.values(CLIENT_METHODS).flatMap(({ iterator }) => iterator ?? []);
  const clientApi = ["TangoClient", ...iterators];
  if (!sameSet(MODULES.client.api, clientApi)) fail(`the client module exports ${MODULES.client.api}; expected ${clientApi}`);
  // What the main entry forwards to the client module (its classes) and the webhooks module.
  const lazyNames = [...clientApi, "verifyWebhook"];

  // models.js must describe exactly the Rust parsers (the wasm-parsers module's), and decide every field.
  const models = (await import(join(out, "models.js"))).default;
  const parsers = Object.keys(models.parsers);
  if (!sameSet(parsers, MODULES.parsers.api.filter((name) => /^parse[A-Z]/.test(name)))) {
    fail(`models.js describes ${parsers} but the Rust parsers are ${MODULES.parsers.api}`);
  }
  if (JSON.stringify(models.models).includes('"x"')) fail("models.js has a field only the Rust decoder can decide (kind x)");

  const { CSV_FUNCTIONS } = await import(join(template, "lazy-module.js"));
  const schemas = ["createOrderSchema", "orderFilterSchema", "lineItemFilterSchema", "orderResendSchema",
    "lineItemResendSchema", "lineItemReissueSchema", "lineItemUpdateSchema"];
  const errors = ["isTangoError", "TangoError"];
  if (!sameSet(MODULES.csv.api, [...MODULES.validate.api, ...CSV_FUNCTIONS])) fail(`the CSV module exports ${MODULES.csv.api}`);
  const expected = {
    index: [...MODULES.main.api, ...parsers, ...schemas, ...errors, ...lazyNames, ...CSV_FUNCTIONS, "createWebhookLedger"],
    web: [...MODULES.main.api, ...parsers, ...schemas, ...errors, ...lazyNames, ...CSV_FUNCTIONS, "createWebhookLedger", "default"],
    client: ["TangoClient"],
    webhooks: ["verifyWebhook", "createWebhookLedger", ...errors],
    validate: [...MODULES.validate.api, ...schemas, ...errors],
    csv: [...MODULES.csv.api, ...schemas, ...errors],
    "json-schema": [...schemas, ...errors],
    sim: ["createSimulator"],
  };
  for (const { entry, file } of BUILDS) {
    if (!sameSet(exportsOf[file], expected[entry])) fail(`${file} exports ${exportsOf[file]}; expected ${expected[entry]}`);
  }
  for (const name of MODULES.validate.api) if (!MODULES.main.api.includes(name)) fail(`the first load lacks the validator ${name}`);
}
