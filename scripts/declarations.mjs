//! Writes the package's public .d.ts files from wasm-bindgen's declarations of each module (the
//! types tsify generated from the Rust models) and pkg-template's hand-written ones. Called by
//! assemble.mjs after the entries are bundled.
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { MODULES } from "./modules.mjs";

const template = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg-template");
const fail = (message) => {
  throw new Error(`declarations: ${message}`);
};

/** A module's declarations up to its loader (InitInput, InitOutput, initSync, the default init),
 * which name DOM and WebAssembly types and are not the package's API. Without `[Symbol.dispose]()`
 * too: wasm-bindgen declares it on classes, and it only type-checks with TypeScript's esnext lib;
 * the method stays at run time, so consumers on es2022 libs (the common default) compile without
 * skipLibCheck. */
function declarationsOf(out, { dir, name }) {
  const declarations = readFileSync(join(out, dir, `${name}.d.ts`), "utf8").replace(/^.*\[Symbol\.dispose\]\(\).*\n/gm, "");
  const loaderAt = declarations.indexOf("\nexport type InitInput =");
  if (loaderAt < 0) fail(`no loader declarations in ${name}.d.ts`);
  return declarations.slice(0, loaderAt).trimEnd() + "\n";
}
/** The names a module's declarations export. */
const declaredNames = (declarations) =>
  new Set([...declarations.matchAll(/^export (?:declare )?(?:class|function|const|type|interface|enum) (\w+)/gm)].map((m) => m[1]));

/** A module's top-level declarations in order, each with its doc comment: `{ name, text }` (a
 * class and the interface merged into it are two, of one name). */
function declarationBlocks(declarations) {
  const blocks = [];
  let current;
  for (const line of declarations.split("\n")) {
    // A doc comment starts a block; so does an export, unless it follows its block's doc comment.
    const starts = line.startsWith("/**") || (line.startsWith("export ") && current?.name !== undefined);
    if (starts || (current === undefined && line.startsWith("export "))) blocks.push(current = { name: undefined, lines: [] });
    if (current === undefined) continue; // the file's opening comment
    current.lines.push(line);
    current.name ??= line.match(/^export (?:declare )?(?:class|function|const|type|interface|enum) (\w+)/)?.[1];
  }
  return blocks.filter((block) => block.name).map(({ name, lines }) => ({ name, text: lines.join("\n").trimEnd() }));
}
/** Writes index.d.ts, validate.d.ts, csv.d.ts and webhooks.d.ts into `out` (pkg/). */
export async function writeDeclarations(out) {
  const main = declarationsOf(out, MODULES.main);
  const client = declarationsOf(out, MODULES.client);
  const csv = declarationsOf(out, MODULES.csv);
  const validate = declarationsOf(out, MODULES.validate);
  const webhooks = declarationsOf(out, MODULES.webhooks);
  const schemaTypes = readFileSync(join(template, "schema.d.ts"), "utf8");
  const ledgerTypes = readFileSync(join(template, "webhook-ledger.d.ts"), "utf8");

  // The parse* functions are decode.js's, which take and give what the Rust parsers do: their
  // declarations, each with its doc comment, are the wasm-parsers module's.
  const models = (await import(join(out, "models.js"))).default;
  const parserDeclarations = [...declarationsOf(out, MODULES.parsers)
    .matchAll(/(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export function (parse[A-Z]\w*)\([^)]*\): \w+;\n/g)];
  const parserNames = parserDeclarations.map((m) => m[1]).sort();
  if (JSON.stringify(parserNames) !== JSON.stringify(Object.keys(models.parsers).sort())) {
    fail("the parsers' declarations were not found in the wasm-parsers module's .d.ts");
  }

  // The main entry's types: the first load's, and what only the modules it imports later declare.
  // TangoClient with its options and results is written out here, taken from the client module's
  // declarations (that module is no entry of its own); the CSV functions with their options are
  // re-exported from csv.d.ts, tango-orders/csv's types. The types several modules declare (the
  // models) are the same generated text, so the first load's copy names them. verifyWebhook with its
  // types is written out likewise from the webhooks module's.
  const { CLIENT_METHODS } = await import(join(template, "client-methods.js"));
  const { CSV_FUNCTIONS } = await import(join(template, "lazy-module.js"));
  const mainNames = declaredNames(main);

  const clientOnlyBlocks = declarationBlocks(client).filter(({ name }) => !mainNames.has(name));
  const clientOnly = clientOnlyBlocks.map(({ name }) => name);
  const lazyNames = ["TangoClient", ...Object.values(CLIENT_METHODS).flatMap(({ iterator }) => iterator ?? [])];
  for (const name of lazyNames) if (!clientOnly.includes(name)) fail(`${name} was not found in the client module's declarations`);
  const webhookOnlyBlocks = declarationBlocks(webhooks).filter(({ name }) => !mainNames.has(name) && !clientOnly.includes(name));
  if (!webhookOnlyBlocks.some(({ name }) => name === "verifyWebhook")) fail("verifyWebhook was not found in the webhooks module's declarations");
  const csvOnly = [...declaredNames(csv)].filter((name) => !mainNames.has(name));
  const csvTypes = csvOnly.filter((name) => !CSV_FUNCTIONS.includes(name));

  writeFileSync(join(out, "index.d.ts"), main + schemaTypes + ledgerTypes + "\n" + parserDeclarations.map((m) => m[0]).join("\n") + "\n" +
    [...clientOnlyBlocks, ...webhookOnlyBlocks].map(({ text }) => text).join("\n\n") + "\n\n" +
    `export { ${CSV_FUNCTIONS.join(", ")} } from "./csv.js";\nexport type { ${csvTypes.join(", ")} } from "./csv.js";\n`);
  // Every other entry with validators has the schemas.
  writeFileSync(join(out, "validate.d.ts"), validate + schemaTypes);
  writeFileSync(join(out, "csv.d.ts"), csv + schemaTypes);
  writeFileSync(join(out, "webhooks.d.ts"), webhooks + ledgerTypes);
}
