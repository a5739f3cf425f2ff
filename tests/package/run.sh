#!/usr/bin/env bash
# Tests the package as users get it: packs pkg/ with `npm pack`, installs the tarball into a
# throwaway project, and there imports it by name from Node ESM, type-checks a consumer under
# `tsc --strict`, compares the shipped .d.ts with the checked-in reference, and loads it in Chromium
# both as plain ES modules and bundled by Vite.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tango-orders-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT

[ -f "$root/pkg/package.json" ] || { echo "package test: build pkg/ first (make pkg)" >&2; exit 1; }

tarball=$(cd "$work" && npm pack --silent "$root/pkg")
echo "packed $tarball ($(wc -c < "$work/$tarball") bytes):"
tar -tzf "$work/$tarball" | sed 's/^/  /'

mkdir "$work/project"
cp "$here"/consumer.test.mjs "$here"/browser.test.mjs "$here"/types.test.mjs "$here"/validation.test.mjs "$here"/csv.test.mjs "$here"/misuse.test.mjs "$here"/readme.test.mjs "$here"/sim.test.mjs "$here"/client.test.mjs "$here"/failure.test.mjs "$here"/readme-proxy.test.mjs "$here"/conformance.test.mjs "$here"/loaders.test.mjs "$here"/decode.test.mjs "$here"/lazy.test.mjs "$here"/load.test.mjs "$here"/uncaught.test.mjs "$here"/limiter.test.mjs "$here"/schema.test.mjs "$here"/json-schema.test.mjs "$here"/cli.test.mjs "$here"/errors.test.mjs "$here"/webhooks.test.mjs "$here"/cases.mjs "$here"/redis.test.mjs "$here"/redis-worker.mjs "$here"/servers.mjs "$here"/page-main.js "$here"/consumer.ts "$here"/consumer-redis.ts "$here"/tsconfig-redis.json \
  "$here"/tsconfig.json "$work/project/"
cd "$work/project"
echo '{ "name": "consumer", "private": true, "type": "module" }' > package.json
npm install --silent --no-audit --no-fund "../$tarball"
# The Redis clients the application would own, from the repository's dev tools (a package
# resolves its own dependencies from where it really is, so a link is enough).
for client in ioredis iovalkey redis; do ln -s "$root/node_modules/$client" "node_modules/$client"; done
# Express, for the README's webhook receiver (readme.test.mjs runs it).
ln -s "$root/node_modules/express" node_modules/express

# The reference the shipped types are compared with, and the tools, come from the repository.
export TANGO_TYPES_REFERENCE="$root/tests/reference/tango_orders.d.ts"
export TANGO_VALIDATION_CASES="$root/tests/fixtures/validation-cases.json"
export TANGO_DECODE_SEEDS="$root/fuzz/seeds/decode"
# The Rust decoders decode.js is held to (built by make pkg, not shipped).
export TANGO_PARSERS_DIR="$root/pkg/wasm-parsers"
# lazy.test.mjs drives lazy-client.js over a first-load module of its own: the source and the
# built glue, which the package bundles into its entries.
export TANGO_TEMPLATE_DIR="$root/pkg-template"
export TANGO_BUILT_DIR="$root/pkg"
export TANGO_README="$root/README.md"
# The X509 webhook tests' key and certificate (test-only, see tests/fixtures/README.md).
export TANGO_WEBHOOK_FIXTURES="$root/tests/fixtures"
export TANGO_RECIPIENTS_CSV="$root/examples/recipients.csv"
(cd "$root" && cargo build --quiet -p tango-sim --bin tango-sim)
export TANGO_SIM_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/tango-sim"
export TANGO_OPENAPI="$root/tests/fixtures/openapi/tango-orders.openapi.json"
export PRISM_BIN="$root/node_modules/.bin/prism"
export NODE_PATH="$root/node_modules"
"$root/node_modules/.bin/tsc" -p tsconfig.json
echo "tsc --strict: consumer.ts type-checks"
"$root/node_modules/.bin/tsc" -p tsconfig-redis.json
echo "tsc --strict: consumer-redis.ts type-checks against ioredis's and node-redis's own types"
node --test consumer.test.mjs loaders.test.mjs decode.test.mjs lazy.test.mjs load.test.mjs uncaught.test.mjs limiter.test.mjs misuse.test.mjs validation.test.mjs schema.test.mjs json-schema.test.mjs csv.test.mjs cli.test.mjs errors.test.mjs webhooks.test.mjs readme.test.mjs sim.test.mjs client.test.mjs failure.test.mjs readme-proxy.test.mjs conformance.test.mjs types.test.mjs browser.test.mjs
# The Rust binary's HTTP tests, run against `tango-orders sim` from the installed tarball: both
# servers answer the same (sim/tests/binary.rs).
(cd "$root" && TANGO_SIM_COMMAND="$work/project/node_modules/.bin/tango-orders sim" cargo test --quiet -p tango-sim --test binary)
echo "sim/tests/binary.rs: passed against tango-orders sim"
# Alone, after the rest: its workers keep Tango's one create per second, and their pace is part
# of what it checks.
node --test redis.test.mjs
