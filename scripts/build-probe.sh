#!/usr/bin/env bash
# Builds the benchmark's probe into bench/.probe/: the validation-only module (tango-orders/validate)
# exactly as scripts/build-pkg.sh builds it, but with `--cfg tango_probe_no_rules`, so that every
# export reads its input and writes its report without applying a rule. `make bench` compares it
# with the real module: what the rules cost in bytes and in time, and what validation costs before
# any rule (bench/RESULTS.md). Its own target directory, so the package's builds stay cached.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
target="${CARGO_TARGET_DIR:-$root/target}/probe"
out="$root/bench/.probe"
crate=tango_orders

cd "$root"
rm -rf "$out"
mkdir -p "$out"
# Two builds: at the validation-only module's opt-level "z" (its bytes), and at the first-load
# module's "s" (its time: the main entry's validators run at "s").
for profile in release-small release-main; do
  name=${crate}_probe$([ "$profile" = release-main ] && echo _s || true)
  RUSTFLAGS="--cfg tango_probe_no_rules" CARGO_TARGET_DIR="$target" cargo build --quiet --profile "$profile" \
    --target wasm32-unknown-unknown --lib --no-default-features --features js-validate
  "$tools_dir/bin/wasm-bindgen" --target web --out-name "$name" --out-dir "$out" \
    "$target/wasm32-unknown-unknown/$profile/$crate.wasm"
  "$root/node_modules/.bin/wasm-opt" -Oz --enable-reference-types --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
done
