#!/usr/bin/env bash
# Builds the npm package into pkg/ in three steps (scripts/README.md says what each module and
# entry holds), then prints the sizes users will pay for.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
out="$root/pkg"

cd "$root"
rm -rf "$out"

# 1. The wasm modules of scripts/modules.mjs's table, each built by cargo with its feature and
# profile, given its glue by wasm-bindgen and shrunk by wasm-opt.
mapfile -t modules < <(node scripts/modules.mjs)
[ "${#modules[@]}" -gt 0 ] || { echo "build-pkg: scripts/modules.mjs listed no modules" >&2; exit 1; }
for row in "${modules[@]}"; do
  read -r dir name crate features profile <<< "$row"
  if [ "$features" = default ]; then features_args=(); else features_args=(--no-default-features --features "$features"); fi
  cargo build --quiet --profile "$profile" --target wasm32-unknown-unknown --lib -p "$crate" "${features_args[@]}"
  profile_dir=$([ "$profile" = release ] && echo release || echo "$profile")
  built="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$profile_dir/${crate//-/_}.wasm"
  "$tools_dir/bin/wasm-bindgen" --target web --out-name "$name" --out-dir "$out/$dir" "$built"
  # wasm-opt from npm's binaryen: Debian's old binaryen silently breaks modules that use externref.
  "$root/node_modules/.bin/wasm-opt" -Oz --enable-reference-types --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$out/$dir/${name}_bg.wasm" -o "$out/$dir/${name}_bg.wasm"
done
# 2. The data the entries bundle, generated from the Rust types: models.js, webhook-models.js and
# json-schemas.js (tools/generate).
cargo run --quiet -p tango-generate "$out"
# 3. The JavaScript: inline.js, the entries per loader, the .d.ts files, the files shipped as
# written, package.json.
node scripts/assemble.mjs "$out"
version=$(node -p 'require(process.argv[1]).version' "$out/package.json")

size() { printf '%8d B raw %8d B gzip  %s\n' "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)" "${1#"$out"/}"; }
echo "tango-orders $version built in pkg/:"
total() { # label, files...: the bytes a page loads for one entry, all files together
  local label=$1; shift
  cat "$@" > "$out/.total"
  printf '%8d B raw %8d B gzip  %s\n' "$(wc -c < "$out/.total")" "$(gzip -9 -c "$out/.total" | wc -c)" "$label"
  rm "$out/.total"
}
echo "the main entry (tango-orders): what a page loads first, then on a client's first call:"
size "$out/wasm-main/tango_orders_main_bg.wasm"
total "first load (index.js, one file with its module inlined, + the inflate in inline.js)" "$out/index.js" "$out/inline.js"
size "$out/wasm/tango_orders_bg.wasm"
total "client module (client.js, one file with its module inlined)" "$out/client.js"
total "tango-orders/web, once init() has loaded the client's .wasm (no bundler)" "$out/web.js" "$out/inline.js" "$out/client.web.js" "$out/wasm/tango_orders.js" "$out/wasm/tango_orders_bg.wasm"
echo "the validation-only entry (tango-orders/validate):"
size "$out/wasm-validate/tango_orders_validate_bg.wasm"
total "tango-orders/validate (validate.js + inline.js)" "$out/validate.js" "$out/inline.js"
echo "the CSV entry (tango-orders/csv), also what the main entry imports on validateOrdersCsv's first call:"
size "$out/wasm-csv/tango_orders_csv_bg.wasm"
total "tango-orders/csv (csv.js + inline.js)" "$out/csv.js" "$out/inline.js"
echo "the JSON Schema entry (tango-orders/json-schema): tango-orders/validate's module and the schemas as data:"
total "tango-orders/json-schema (json-schema.js + inline.js)" "$out/json-schema.js" "$out/inline.js"
echo "the webhooks entry (tango-orders/webhooks), also what the main entry imports on verifyWebhook's first call:"
size "$out/wasm-webhooks/tango_orders_webhooks_bg.wasm"
total "tango-orders/webhooks (webhooks.js + inline.js)" "$out/webhooks.js" "$out/inline.js"
echo "separately, the simulator entry (tango-orders/sim):"
size "$out/wasm-sim/tango_sim_bg.wasm"
total "tango-orders/sim (sim.js + inline.js)" "$out/sim.js" "$out/inline.js"
