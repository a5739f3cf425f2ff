//! The package's JavaScript step, run by build-pkg.sh once the wasm modules and the generated data
//! are in pkg/: node scripts/assemble.mjs <pkg dir>. It writes the browser loader (inline.js),
//! bundles the entries (bundle-entries.mjs), writes the .d.ts files (declarations.mjs), copies
//! what ships as written, and stamps package.json with the crate's version.
import { build } from "esbuild";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleEntries } from "./bundle-entries.mjs";
import { writeDeclarations } from "./declarations.mjs";

const out = process.argv[2] && resolve(process.argv[2]);
if (!out) throw new Error("usage: assemble.mjs <pkg dir>");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const template = join(root, "pkg-template");

/** What ships as it is written: redis.js, the CLI, the hand-written .d.ts files, the README. */
const AS_WRITTEN = ["redis.js", "redis.d.ts", "sim.d.ts", "web.d.ts", "json-schema.d.ts", "cli.js", "cli-check.js",
  "cli-sim.js", "README.md"].map((file) => join(template, file)).concat(join(root, "LICENSE"));

// The browser loader with fflate's inflate bundled in (the package has no dependencies); the
// browser entries of a page share it.
await build({
  entryPoints: [join(template, "inline.src.js")], outfile: join(out, "inline.js"), bundle: true, format: "esm",
  minifySyntax: true, legalComments: "inline", logLevel: "warning",
  banner: { js: "// Contains fflate's inflateSync (MIT, Copyright (c) 2023 Arjun Barrett, https://github.com/101arrowz/fflate)." },
});
await bundleEntries(out);
await writeDeclarations(out);
for (const file of AS_WRITTEN) copyFileSync(file, join(out, basename(file)));
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)?.[1];
if (!version) throw new Error("assemble: no version in Cargo.toml");
writeFileSync(join(out, "package.json"), readFileSync(join(template, "package.json"), "utf8").replace('"0.0.0-set-by-build"', `"${version}"`));
