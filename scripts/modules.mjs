//! The package's wasm modules, one row each: the one place that lists them. build-pkg.sh builds
//! each row (it runs this file to read the table); bundle-entries.mjs and declarations.mjs find
//! each module's files by it. scripts/README.md says what each module holds and why it exists.
import { fileURLToPath } from "node:url";

/**
 * By the name the entries' build uses: the module's directory in pkg/, its file names, and how
 * cargo builds it (crate, feature, profile; `default` features for the simulator). Each module has
 * its own file names, so that bundled files never collide, and its own profile, so that building
 * one does not rebuild another.
 */
export const MODULES = {
  validate: { dir: "wasm-validate", name: "tango_orders_validate", crate: "tango-orders", features: "js-validate", profile: "release-small" },
  main: { dir: "wasm-main", name: "tango_orders_main", crate: "tango-orders", features: "js-main", profile: "release-main" },
  csv: { dir: "wasm-csv", name: "tango_orders_csv", crate: "tango-orders", features: "js-csv", profile: "release-csv" },
  client: { dir: "wasm", name: "tango_orders", crate: "tango-orders", features: "js-client", profile: "release-client" },
  webhooks: { dir: "wasm-webhooks", name: "tango_orders_webhooks", crate: "tango-orders", features: "js-webhook", profile: "release-webhook" },
  sim: { dir: "wasm-sim", name: "tango_sim", crate: "tango-sim", features: "default", profile: "release" },
  // Not shipped (package.json's files leave it out): the Rust decoders that the tests and bench/
  // hold decode.js to, and whose declarations the parse* functions take.
  parsers: { dir: "wasm-parsers", name: "tango_orders_parsers", crate: "tango-orders", features: "js-parsers", profile: "release-small" },
};

// Run as a script: the table as lines of `dir name crate features profile`, for build-pkg.sh.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { dir, name, crate, features, profile } of Object.values(MODULES)) {
    console.log([dir, name, crate, features, profile].join(" "));
  }
}
