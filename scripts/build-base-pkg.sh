#!/usr/bin/env bash
# Builds the package of another revision for bench/before-after.mjs, once per revision, into
# ~/.cache/tango-orders/bench-base/<rev>/pkg (its own cargo target directory, so the working
# tree's build cache is left alone). Usage: scripts/build-base-pkg.sh <rev>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$root" rev-parse --short "$1")
base="${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}/../bench-base/$rev"
if [ -f "$base/pkg/.revision" ]; then
  echo "base package for $rev already built in $base/pkg"
  exit 0
fi
rm -rf "$base"
mkdir -p "$base"
git -C "$root" archive "$rev" | tar -x -C "$base"
# The build's tools (esbuild, wasm-opt) from the working tree's install.
ln -s "$root/node_modules" "$base/node_modules"
(cd "$base" && CARGO_TARGET_DIR="$base/target" bash scripts/build-pkg.sh)
echo "$rev ($(git -C "$root" log -1 --format=%s "$rev" | cut -c1-80))" > "$base/pkg/.revision"
