//! Writes the package's public .d.ts files from wasm-bindgen's declarations of each module (the
//! types tsify generated from the Rust models) and pkg-template's hand-written ones. Run by
//! build-pkg.sh after bundle-entries.mjs: node scripts/declarations.mjs <pkg dir>
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const out = process.argv[2] && resolve(process.argv[2]);
if (!out) throw new Error("usage: declarations.mjs <pkg dir>");
const template = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg-template");
const fail = (message) => {
  throw new Error(`declarations: ${message}`);
};

/** A module's declarations up to its loader (InitInput, InitOutput, initSync, the default init),
 * which name DOM and WebAssembly types and are not the package's API. */
function declarationsOf(dir, name) {
  const declarations = readFileSync(join(out, dir, `${name}.d.ts`), "utf8");
  const loaderAt = declarations.indexOf("\nexport type InitInput =");
  if (loaderAt < 0) fail(`no loader declarations in ${name}.d.ts`);
  return declarations.slice(0, loaderAt).trimEnd() + "\n";
}
/** The names a module's declarations export. */
const declaredNames = (declarations) =>
  new Set([...declarations.matchAll(/^export (?:declare )?(?:class|function|const|type|interface|enum) (\w+)/gm)].map((m) => m[1]));

const main = declarationsOf("wasm-main", "tango_orders_main");
const client = declarationsOf("wasm", "tango_orders");
const csv = declarationsOf("wasm-csv", "tango_orders_csv");
const validate = declarationsOf("wasm-validate", "tango_orders_validate");
const schemaTypes = readFileSync(join(template, "schema.d.ts"), "utf8");

// The parse* functions are decode.js's, which take and give what the Rust parsers do: their
// declarations, each with its doc comment, are the wasm-parsers module's.
const models = (await import(join(out, "models.js"))).default;
const parserDeclarations = [...declarationsOf("wasm-parsers", "tango_orders_parsers")
  .matchAll(/(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export function (parse[A-Z]\w*)\([^)]*\): \w+;\n/g)];
const parserNames = parserDeclarations.map((m) => m[1]).sort();
if (JSON.stringify(parserNames) !== JSON.stringify(Object.keys(models.parsers).sort())) {
  fail("the parsers' declarations were not found in the wasm-parsers module's .d.ts");
}

// The main entry's types: the first load's, and what only the modules it imports later declare
// (TangoClient with its options and results; the CSV functions with theirs), re-exported from
// their declarations; the types several declare (the models) are the same generated text, so any
// copy names them.
const { CLIENT_METHODS } = await import(join(template, "client-methods.js"));
const { CSV_FUNCTIONS } = await import(join(template, "lazy-csv.js"));
const lazyNames = ["TangoClient", ...Object.values(CLIENT_METHODS).flatMap(({ iterator }) => iterator ?? [])];
const mainNames = declaredNames(main);
const onlyIn = (declarations, values, from) => {
  const names = [...declaredNames(declarations)].filter((name) => !mainNames.has(name));
  const valueNames = names.filter((name) => values.includes(name));
  const typeNames = names.filter((name) => !values.includes(name));
  return `export { ${valueNames.join(", ")} } from "${from}";\nexport type { ${typeNames.join(", ")} } from "${from}";\n`;
};

writeFileSync(join(out, "client.d.ts"), client);
writeFileSync(join(out, "index.d.ts"), main + schemaTypes + "\n" + parserDeclarations.map((m) => m[0]).join("\n") + "\n" +
  onlyIn(client, lazyNames, "./client.js") + onlyIn(csv, CSV_FUNCTIONS, "./csv.js"));
// Every other entry with validators has the schemas.
writeFileSync(join(out, "validate.d.ts"), validate + schemaTypes);
writeFileSync(join(out, "csv.d.ts"), csv + schemaTypes);
