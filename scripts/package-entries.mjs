//! Writes the package's entry points around the wasm-bindgen output in pkg/ (run by build-pkg.sh).
//!
//! Every entry (the main one, validate, csv, json-schema, the simulator) comes in three files that
//! instantiate their module synchronously on import, so no entry uses top-level await or an asset
//! URL (the main entry's client module, imported on a client's first call, the same way):
//!   <entry>.js          browsers, bundlers, workers (the default condition): the module inlined as
//!                       base64 of its raw-DEFLATE bytes, inflated by the bundled fflate;
//!   <entry>.node.js     Node, Deno, Bun and server bundles (the `node` condition): the module
//!                       inlined as plain base64 (inline.node.js), nothing to inflate;
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

/**
 * The wasm modules: where their glue lives (scripts/README.md says what each contains). `main` is
 * the main entry's first load; `client` is TangoClient alone, imported by the main entry on a
 * client's first call; `csv` on the first call of a CSV function.
 */
const MODULES = {
  main: { dir: "wasm-main", name: "tango_orders_main" },
  client: { dir: "wasm", name: "tango_orders" },
  validate: { dir: "wasm-validate", name: "tango_orders_validate" },
  csv: { dir: "wasm-csv", name: "tango_orders_csv" },
  sim: { dir: "wasm-sim", name: "tango_sim" },
  // Not shipped: the Rust decoders, which tests and bench/ hold decode.js to.
  parsers: { dir: "wasm-parsers", name: "tango_orders_parsers" },
};

/** Each entry file's suffix and how it gets its module's bytes (see the top of this file). */
const LOADERS = {
  js: "./inline.js",
  "node.js": "./inline.node.js",
  "workerd.js": "workerd",
};

/** Replaces `from` with `to` in `text`, exactly once, or stops the build: the glue changed shape. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`package-entries: ${what}: expected exactly one ${JSON.stringify(from)} in the wasm-bindgen output`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const sameSet = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

// Every module: the glue without its default URL, the inlined module, the names it exports.
for (const module of Object.values(MODULES)) {
  const glue = join(out, module.dir, `${module.name}.js`);
  module.glue = `./${module.dir}/${module.name}.js`;
  module.wasmFile = `${module.name}_bg.wasm`;

  // The glue's default init fetches the .wasm next to it; nothing in the package calls it without
  // an argument (web.js passes its own URL), so the URL goes and bundlers see no asset.
  writeFileSync(glue, replaceOnce(readFileSync(glue, "utf8"),
    `module_or_path = new URL('${module.wasmFile}', import.meta.url);`,
    `throw new TypeError("tango-orders: init() needs the .wasm module's URL or bytes");`, glue));

  // The inlined module: for browsers, raw DEFLATE at the highest level, as base64 (what a page
  // downloads); for Node, the bytes as base64 (nothing to inflate, see inline.node.js).
  const bytes = readFileSync(join(out, module.dir, module.wasmFile));
  const base64 = deflateRawSync(bytes, { level: 9 }).toString("base64");
  writeFileSync(join(out, module.dir, `${module.name}.inline.js`),
    `// ${module.wasmFile} (${bytes.length} bytes), raw DEFLATE, base64: see package-entries.mjs in the repository.\n` +
    `export const size = ${bytes.length};\nexport default "${base64}";\n`);
  writeFileSync(join(out, module.dir, `${module.name}.inline.node.js`),
    `// ${module.wasmFile} (${bytes.length} bytes), base64: see package-entries.mjs in the repository.\n` +
    `export const size = ${bytes.length};\nexport default "${bytes.toString("base64")}";\n`);

  // The API by name, not `export *`: the glue's loader (initSync) is not part of it, nor are the
  // package's own hooks (`__checkClientOptions` and the rest, see src/js/first_load.rs).
  const names = [...readFileSync(glue, "utf8").matchAll(/^export (?:class|function|const|let) (\w+)/gm)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`package-entries: no exports found in ${glue}`);
  module.api = names.filter((name) => !name.startsWith("__"));
  module.hooks = names.filter((name) => name.startsWith("__"));
}

// The parse* functions are decode.js's (JSON.parse, checked by models.js, errors from the wasm's
// __decodeError); models.js must describe exactly the Rust parsers (the wasm-parsers module's).
const models = (await import(join(out, "models.js"))).default;
const parsers = Object.keys(models.parsers);
const rustParsers = MODULES.parsers.api.filter((name) => /^parse[A-Z]/.test(name));
if (!sameSet(parsers, rustParsers)) {
  throw new Error(`package-entries: models.js describes ${parsers} but the Rust parsers are ${rustParsers}`);
}
if (JSON.stringify(models.models).includes('"x"')) {
  throw new Error("package-entries: models.js has a field only the Rust decoder can decide (kind x)");
}

// The client's methods as lazy-client.js forwards them must be the client module's own.
const { ASYNC_METHODS, ITERATOR_METHODS } = await import(join(out, "lazy-client.js"));
const clientGlue = readFileSync(join(out, MODULES.client.dir, `${MODULES.client.name}.js`), "utf8");
const classBody = clientGlue.slice(clientGlue.indexOf("export class TangoClient"));
const methods = [...classBody.slice(0, classBody.indexOf("\n}\n")).matchAll(/^ {4}(\w+)\(/gm)]
  .map((m) => m[1]).filter((name) => !["constructor", "free", "__destroy_into_raw"].includes(name));
if (!sameSet(methods, [...Object.keys(ASYNC_METHODS), ...Object.keys(ITERATOR_METHODS)])) {
  throw new Error(`package-entries: TangoClient has methods ${methods}; lazy-client.js forwards others`);
}
// ... and client-wrap.js must decode (or pass on) each one's answer.
const wrap = await import(join(out, "client-wrap.js"));
if (!sameSet(methods, [...Object.keys(wrap.BODY_METHODS), ...wrap.PLAIN_METHODS, ...Object.keys(wrap.ITEM_METHODS), ...wrap.OWN_METHODS])) {
  throw new Error(`package-entries: TangoClient has methods ${methods}; client-wrap.js wraps others`);
}
const lazyNames = ["TangoClient", ...Object.values(ITERATOR_METHODS)];
if (!sameSet(lazyNames, MODULES.client.api) || !MODULES.client.hooks.includes("__responseDecodeError")) {
  throw new Error(`package-entries: the client module exports ${MODULES.client.api}; expected ${lazyNames} and __responseDecodeError`);
}
// The CSV functions: the CSV module's on top of validation's, imported by the main entry on first use.
const { CSV_FUNCTIONS: csvNames } = await import(join(out, "lazy-csv.js"));
if (!sameSet(MODULES.csv.api, [...MODULES.validate.api, ...csvNames])) {
  throw new Error(`package-entries: the CSV module exports ${MODULES.csv.api}; expected validate's and ${csvNames}`);
}
const mainApi = MODULES.main.api;
for (const name of MODULES.validate.api) {
  if (!mainApi.includes(name)) throw new Error(`package-entries: the first load lacks the validator ${name}`);
}

const parserLines = (hooksFrom) => [
  `import { __decodeError } from "${hooksFrom}";`,
  `import models from "./models.js";`,
  `import { makeParsers } from "./decode.js";`,
  `const parsers = makeParsers(models, { decodeError: __decodeError });`,
  ...parsers.map((name) => `export const ${name} = parsers.${name};`),
];
/** The Standard Schema objects (schema.js), made with the validators of the module at `glue`. */
const schemaNames = ["createOrderSchema", "orderFilterSchema", "lineItemFilterSchema", "orderResendSchema",
  "lineItemResendSchema", "lineItemReissueSchema", "lineItemUpdateSchema"];
// Each schema its own pure call, in the order of the kinds of src/js/validate.rs: a bundler
// leaves out the schemas a page does not import, and schema.js with them when it imports none.
const schemaLines = (glue, { json = false } = {}) => [
  `import { __standardValidate, validateOrderFilter as checkSchemaOptions } from "${glue}";`,
  `import { schemaOf } from "./schema.js";`,
  ...(json ? [`import jsonSchemas from "./json-schemas.js";`, `import { jsonConverter } from "./schema-json.js";`] : []),
  ...schemaNames.map((name, kind) => `export const ${name} = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, ${kind}` +
    `${json ? `, (settings) => jsonConverter(jsonSchemas.${name.slice(0, -"Schema".length)}, settings)` : ""});`),
];
/** `isTangoError` and `TangoError` (errors.js), beside the schemas in every entry that can throw. */
const errorLines = [`export { isTangoError, TangoError } from "./errors.js";`];
for (const module of [MODULES.main, MODULES.validate, MODULES.csv]) {
  if (!module.hooks.includes("__standardValidate")) {
    throw new Error(`package-entries: ${module.name} has no __standardValidate for the schemas`);
  }
}
const reexport = (names, from) => `export {\n${names.map((name) => `  ${name},`).join("\n")}\n} from "${from}";`;
const header = (entry, how) => `// tango-orders${entry === "index" ? "" : "/" + entry}: ${how} (generated by package-entries.mjs).`;
const HOW = {
  js: "browsers, bundlers and workers; the module inlined, instantiated on import",
  "node.js": "Node, Deno, Bun and server bundles; the module inlined, instantiated on import",
  "workerd.js": "Cloudflare Workers; the .wasm imported as a compiled module, instantiated on import",
};
/** The lines that instantiate `module` on import: inlined (by `loader`) or, on workerd, imported
 * (Workers refuse to compile wasm from bytes; wrangler turns a .wasm import into a module). */
const instantiate = (module, loader) => loader === "workerd"
  ? [`import { initSync } from "${module.glue}";`, `import module${module.name} from "./${module.dir}/${module.wasmFile}";`, `initSync({ module: module${module.name} });`]
  : [`import { initSync } from "${module.glue}";`, `import wasm${module.name}, { size as size${module.name} } from "./${module.dir}/${module.name}.${loader === LOADERS["node.js"] ? "inline.node" : "inline"}.js";`,
    `import { wasmBytes } from "${loader}";`, `initSync({ module: wasmBytes(wasm${module.name}, size${module.name}) });`];

/** The client module's TangoClient, its answers decoded by client-wrap.js. */
const wrappedClientLines = [
  `import { TangoClient as WasmClient, __responseDecodeError } from "${MODULES.client.glue}";`,
  `import { wrapClient } from "./client-wrap.js";`,
  "",
  `export const TangoClient = wrapClient(WasmClient, __responseDecodeError);`,
  "",
];

/** The main entry's API after its module is instantiated: the first load's exports, the parsers,
 * errors and schemas, TangoClient loading `clientFile` on its first call, and the CSV functions
 * loading `csvFile` on theirs. `loadClient` is the expression that imports the client module. */
const mainApiLines = (loadClient, csvFile) => [
  reexport(mainApi, MODULES.main.glue),
  "",
  ...parserLines(MODULES.main.glue),
  "",
  ...errorLines, ...schemaLines(MODULES.main.glue),
  "",
  `import { __checkClientOptions, __clientLoadError } from "${MODULES.main.glue}";`,
  `import { makeLazyClient } from "./lazy-client.js";`,
  `const lazy = makeLazyClient({ load: () => ${loadClient}, check: __checkClientOptions, loadError: __clientLoadError });`,
  ...lazyNames.map((name) => `export const ${name} = lazy.${name};`),
  "",
  // Arrow functions: a bundle that uses neither drops them, and their dynamic import.
  `import { callCsv } from "./lazy-csv.js";`,
  ...csvNames.map((name) => `export const ${name} = (input, options) => callCsv("${name}", () => import("${csvFile}"), __clientLoadError, input, options);`),
  "",
];

for (const [suffix, loader] of Object.entries(LOADERS)) {
  // The main entry: the first-load module now, the client module on a client's first call.
  writeFileSync(join(out, `index.${suffix}`), [
    header("index", HOW[suffix].replace("the module", "the first-load module") + "; the client's module on its first call, the CSV module on validateOrdersCsv's or ordersFromCsv's"),
    ...instantiate(MODULES.main, loader),
    "",
    ...mainApiLines(`import("./client.${suffix}")`, `./csv.${suffix}`),
  ].join("\n"));
  // What the main entry imports on a client's first call.
  writeFileSync(join(out, `client.${suffix}`), [
    `// tango-orders' client module, imported by index.${suffix} on a client's first call (generated by package-entries.mjs).`,
    ...instantiate(MODULES.client, loader),
    ...wrappedClientLines,
  ].join("\n"));
  // tango-orders/json-schema: the schemas with Standard JSON Schema's converter, over the
  // validation-only module; the JSON Schemas (json-schemas.js) are data only this entry carries.
  writeFileSync(join(out, `json-schema.${suffix}`), [header("json-schema", HOW[suffix]), ...instantiate(MODULES.validate, loader), "",
    ...errorLines, ...schemaLines(MODULES.validate.glue, { json: true }), ""].join("\n"));
  for (const entry of ["validate", "csv", "sim"]) {
    const module = MODULES[entry];
    const tail = entry === "sim"
      ? [`import { SimulatorHandle } from "${module.glue}";`, `import { makeCreateSimulator } from "./sim-core.js";`, "", `export const createSimulator = makeCreateSimulator(SimulatorHandle);`]
      : [reexport(module.api, module.glue), "", ...errorLines, ...schemaLines(module.glue)];
    writeFileSync(join(out, `${entry}.${suffix}`), [header(entry, HOW[suffix]), ...instantiate(module, loader), "", ...tail, ""].join("\n"));
  }
}

// tango-orders/web: the main entry for pages that want the client module as its own .wasm file,
// for the browser's streaming compile and a separately cached file (bundlers that emit
// `new URL(…, import.meta.url)` assets, such as Vite and webpack, ship it; esbuild and rollup do
// not). The first load is inlined as in index.js, so validation works at once; `await init()`
// (or `init(url)`, for a file elsewhere such as a CDN) loads the client module, and a client's
// first call does so itself when init was not called.
writeFileSync(join(out, "client.web.js"), [
  `// tango-orders' client module for tango-orders/web, once its .wasm is instantiated by init() (generated by package-entries.mjs).`,
  ...wrappedClientLines,
].join("\n"));
writeFileSync(join(out, "web.js"), [
  `// tango-orders/web: the first load inlined, the client module from its own .wasm file by \`init()\` (generated by package-entries.mjs).`,
  ...instantiate(MODULES.main, LOADERS.js),
  `import initModule from "${MODULES.client.glue}";`,
  "",
  "let started;",
  "/** Loads and instantiates the client module once; later calls share the first. */",
  "export default function init(source) {",
  "  started ??= Promise.resolve().then(() => {",
  `    const module_or_path = source === undefined ? new URL("./${MODULES.client.dir}/${MODULES.client.wasmFile}", import.meta.url)`,
  "      : typeof source.href === \"string\" ? source.href : source; // a URL, or anything with an href",
  "    return initModule({ module_or_path });",
  "  }).catch((error) => {",
  "    started = undefined; // the next call tries again",
  "    throw error;",
  "  });",
  "  return started.then(() => undefined);",
  "}",
  "",
  ...mainApiLines(`init().then(() => import("./client.web.js"))`, "./csv.js"),
].join("\n"));

const schemaTypes = readFileSync(join(out, "schema.d.ts"), "utf8");
/** A module's declarations up to its loader (InitInput, InitOutput, initSync, the default init),
 * which name DOM and WebAssembly types and are not the package's API. */
const declarationsOf = (module) => {
  const declarations = readFileSync(join(out, module.dir, `${module.name}.d.ts`), "utf8");
  const loaderAt = declarations.indexOf("\nexport type InitInput =");
  if (loaderAt < 0) throw new Error(`package-entries: no loader declarations in ${module.name}.d.ts`);
  return declarations.slice(0, loaderAt).trimEnd() + "\n";
};
/** The names a module's declarations export. */
const declaredNames = (declarations) =>
  new Set([...declarations.matchAll(/^export (?:declare )?(?:class|function|const|type|interface|enum) (\w+)/gm)].map((m) => m[1]));
// The main entry's types: the first load's, and what only the modules it imports later declare
// (TangoClient with its options and results; the CSV functions with theirs), re-exported from
// their declarations; the types several declare (the models) are the same generated text, so any
// copy names them. The parsers' declarations are the Rust ones' (decode.js's take and give the same).
const mainDeclarations = declarationsOf(MODULES.main);
const mainNames = declaredNames(mainDeclarations);
const onlyIn = (declarations, values, from) => {
  const names = [...declaredNames(declarations)].filter((name) => !mainNames.has(name));
  const valueNames = names.filter((name) => values.includes(name));
  const typeNames = names.filter((name) => !values.includes(name));
  return `export { ${valueNames.join(", ")} } from "${from}";\nexport type { ${typeNames.join(", ")} } from "${from}";\n`;
};
const csvDeclarations = declarationsOf(MODULES.csv);
// client.d.ts: the client module's declarations, which index.d.ts names its client's types from.
writeFileSync(join(out, "client.d.ts"), declarationsOf(MODULES.client));
// The parsers' declarations are the Rust ones' (decode.js's take and give the same), each with its
// doc comment.
const parserDeclarations = [...declarationsOf(MODULES.parsers)
  .matchAll(/(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export function (parse[A-Z]\w*)\([^)]*\): \w+;\n/g)];
if (!sameSet(parserDeclarations.map((m) => m[1]), parsers)) {
  throw new Error("package-entries: the parsers' declarations were not found in the wasm-parsers module's .d.ts");
}
writeFileSync(join(out, "index.d.ts"), mainDeclarations + schemaTypes + "\n" + parserDeclarations.map((m) => m[0]).join("\n") + "\n" +
  onlyIn(declarationsOf(MODULES.client), lazyNames, "./client.js") +
  onlyIn(csvDeclarations, csvNames, "./csv.js"));
// Every other entry with validators has the schemas (schema.d.ts, written once in pkg-template/).
writeFileSync(join(out, "validate.d.ts"), declarationsOf(MODULES.validate) + schemaTypes);
writeFileSync(join(out, "csv.d.ts"), csvDeclarations + schemaTypes);
