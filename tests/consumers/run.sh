#!/usr/bin/env bash
# Runs every consumer project in tests/consumers/ against the packed package: packs pkg/ with
# `npm pack`, installs the tarball next to the projects' tools, and runs the tests (one node:test
# file per group: runtimes, bundlers and pages, Next.js, types and package checks).
#
# The tools (Next.js, wrangler with Node 22 for it, Deno, Bun, Vite, webpack 5 current and 5.82,
# esbuild, rollup, TypeScript, attw, publint) are about 900 MB: they are installed once per
# version of package-lock.json into $TANGO_TOOLS_DIR/consumers (outside the clone, like the
# wasm-bindgen CLI), and the projects are copied there to run, so that module resolution, Next.js's
# and Turbopack's project root and Vite's file server all see one ordinary project tree.
#
# Usage: tests/consumers/run.sh [test file names, e.g. bundlers.test.mjs]
#        tests/consumers/run.sh --prepare   (tools, tarball and projects only; prints the directory,
#                                           for bench/bundlers.mjs)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
base="$tools_dir/consumers"
say() { printf '\033[1mconsumers:\033[0m %s\n' "$*" >&2; }

[ -f "$root/pkg/package.json" ] || { echo "consumers: build pkg/ first (make pkg)" >&2; exit 1; }

# 1. The tools, once per lockfile.
stamp=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)
if [ "$(cat "$base/.installed" 2>/dev/null)" != "$stamp" ]; then
  say "installing the consumer projects' tools into $base (about 900 MB, once per lockfile)"
  mkdir -p "$base"
  rm -rf "$base/node_modules"
  cp "$here/package.json" "$here/package-lock.json" "$base/"
  # `npm install`, not `npm ci`: see scripts/setup.sh (lockfiles written here omit other platforms).
  started=$SECONDS
  (cd "$base" && npm install --no-audit --no-fund --loglevel=error) >&2
  echo "$stamp" > "$base/.installed"
  say "tools installed in $((SECONDS - started)) s"
fi

# 2. The package as users get it: packed, then unpacked where the projects resolve it. It has no
#    dependencies, so this is what `npm install <tarball>` puts there, without npm re-checking 900 MB.
work="$base/run"
rm -rf "$work" "$base/node_modules/tango-orders"
mkdir -p "$work" "$base/node_modules/tango-orders"
tarball=$(cd "$work" && npm pack --silent "$root/pkg")
tar -xzf "$work/$tarball" -C "$base/node_modules/tango-orders" --strip-components=1
say "packed $tarball ($(wc -c < "$work/$tarball") bytes), installed into $base/node_modules"
export TANGO_TARBALL="$work/$tarball"

# 3. The projects, each with its own copy of the shared scenario.
for project in "$here"/*/; do
  name=$(basename "$project")
  [ "$name" = node_modules ] && continue
  mkdir "$work/$name"
  # The shared files first: a project's own file of the same name replaces one.
  [ "$name" = shared ] || cp "$here"/shared/{scenario.js,webhook.js,page.js,worker.js,main.mjs,main.cjs} "$work/$name/"
  cp -r "$project". "$work/$name/"
done
cp "$here"/*.test.mjs "$work/"

if [ "${1:-}" = --prepare ]; then echo "$work"; exit 0; fi

export TANGO_README="$root/README.md"
export TANGO_CONSUMERS="$work" NEXT_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false DO_NOT_TRACK=1
cd "$work"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.test.mjs)
started=$SECONDS
node --test --test-concurrency=1 "${files[@]}"
say "all consumer projects passed in $((SECONDS - started)) s"
