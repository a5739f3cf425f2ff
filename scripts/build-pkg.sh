#!/usr/bin/env bash
# Builds the npm package into pkg/: the wasm module with its web glue, optimised by wasm-opt -Oz,
# the entry files and package.json from pkg-template/, and prints the sizes users will pay for.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
out="$root/pkg"

cd "$root"
rm -rf "$out"

# The wasm modules, one row each (scripts/README.md says what each contains and which entries
# load it): directory in pkg/, file name, crate, features, cargo profile. Each gets its own file
# names, so that copied or bundled files never collide, and its own profile directory, so that
# building one does not rebuild another. wasm-parsers is not shipped (package.json's files leave it
# out): the Rust decoders that tests and bench/ hold decode.js to.
modules=(
  "wasm-validate tango_orders_validate tango-orders js-validate release-small"
  "wasm-main     tango_orders_main     tango-orders js-main     release-main"
  "wasm-csv      tango_orders_csv      tango-orders js-csv      release-csv"
  "wasm          tango_orders          tango-orders js-client   release-client"
  "wasm-sim      tango_sim             tango-sim    default     release"
  "wasm-parsers  tango_orders_parsers  tango-orders js-parsers  release-small"
)
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
  # wasm-bindgen declares `[Symbol.dispose](): void` on exported classes, which only type-checks
  # with TypeScript's esnext lib; the method stays at run time, the declaration goes, so consumers
  # on es2022 libs (the common default) compile without skipLibCheck.
  sed -i '/\[Symbol\.dispose\]()/d' "$out/$dir/$name.d.ts"
done

# Generated data the entries bundle: the models' description for decode.js (the parse* functions
# and the client's answers) and webhook events' (verifyWebhook), and the requests' JSON Schemas
# for tango-orders/json-schema.
cargo run --quiet -p tango-describe-models > "$out/models.js"
cargo run --quiet -p tango-describe-models webhooks > "$out/webhook-models.js"
cargo run --quiet -p tango-json-schema > "$out/json-schemas.js"
# The browser loader with fflate's inflate bundled in (the package has no dependencies); the
# browser entries of a page share it.
"$root/node_modules/.bin/esbuild" pkg-template/inline.src.js --bundle --format=esm --minify-syntax \
  --legal-comments=inline --log-level=warning --banner:js="// Contains fflate's inflateSync (MIT, Copyright (c) 2023 Arjun Barrett, https://github.com/101arrowz/fflate)." \
  --outfile="$out/inline.js"
# Each entry of pkg-template/entries/ as one file per loader, then the public .d.ts files.
node scripts/bundle-entries.mjs "$out"
node scripts/declarations.mjs "$out"
# What is shipped as it is written.
cp pkg-template/redis.js pkg-template/redis.d.ts pkg-template/sim.d.ts pkg-template/web.d.ts pkg-template/json-schema.d.ts \
  pkg-template/cli.js pkg-template/cli-check.js pkg-template/cli-sim.js pkg-template/README.md LICENSE "$out/"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed "s/\"0.0.0-set-by-build\"/\"$version\"/" pkg-template/package.json > "$out/package.json"

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
echo "separately, the simulator entry (tango-orders/sim):"
size "$out/wasm-sim/tango_sim_bg.wasm"
total "tango-orders/sim (sim.js + inline.js)" "$out/sim.js" "$out/inline.js"
