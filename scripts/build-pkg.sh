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

# The models' description for decode.js (the parse* functions), from the Rust types.
cargo run --quiet -p tango-describe-models > "$out/models.js"
# The requests' JSON Schemas (schemars on the models, with Tango's rules), for tango-orders/json-schema.
cargo run --quiet -p tango-json-schema > "$out/json-schemas.js"
cp pkg-template/client-wrap.js pkg-template/decode.js pkg-template/lazy-client.js pkg-template/lazy-csv.js pkg-template/sim-core.js pkg-template/sim.d.ts pkg-template/web.d.ts \
  pkg-template/redis.js pkg-template/redis.d.ts pkg-template/errors.js pkg-template/cli.js pkg-template/cli-check.js pkg-template/cli-sim.js pkg-template/schema.js pkg-template/schema-json.js pkg-template/schema.d.ts pkg-template/json-schema.d.ts \
  pkg-template/inline.node.js pkg-template/README.md LICENSE "$out/"
# The browser loader with fflate's inflate bundled in (the package has no dependencies).
"$root/node_modules/.bin/esbuild" pkg-template/inline.src.js --bundle --format=esm --minify-syntax \
  --legal-comments=inline --log-level=warning --banner:js="// Contains fflate's inflateSync (MIT, Copyright (c) 2023 Arjun Barrett, https://github.com/101arrowz/fflate)." \
  --outfile="$out/inline.js"
# Entries (index, validate, sim × browser, node, workerd; web), inlined modules and public .d.ts files.
node scripts/package-entries.mjs "$out"
# Each browser and Node entry as one file (its glue, inlined module, loader and helpers): every
# module a runtime loads is a file to resolve, read and link, about 2-3 ms of a Node cold start
# for the main entry's seven (measured in bench/); one request instead of seven for a page without
# a bundler. Kept apart: the client module the main entry imports on a client's first call, and
# the browser loader (fflate's inflate), which the main entry and its client module share.
# Whitespace is kept: Node prints the source line of an uncaught error, and a minified entry is one
# line with the module's base64 in it (hundreds of KiB on the terminal); kept, the base64 stands on
# a line of its own and every line the stack points at is short.
for entry in index validate csv sim client json-schema; do
  for suffix in js node.js; do
    "$root/node_modules/.bin/esbuild" "$out/$entry.$suffix" --bundle --format=esm --log-level=warning \
      --platform="$([ "$suffix" = node.js ] && echo node || echo neutral)" --minify-syntax \
      --external:./client.js --external:./client.node.js --external:./csv.js --external:./csv.node.js --external:./inline.js --external:'node:*' \
      --outfile="$out/.bundled.js"
    mv "$out/.bundled.js" "$out/$entry.$suffix"
  done
done
# tango-orders/web the same way, with the client module's glue kept apart: init() instantiates
# it from its .wasm file, and client.web.js uses that one instance.
"$root/node_modules/.bin/esbuild" "$out/web.js" --bundle --format=esm --log-level=warning --platform=neutral --minify-syntax \
  --external:./wasm/tango_orders.js --external:./client.web.js --external:./csv.js --external:./inline.js --outfile="$out/.bundled.js"
mv "$out/.bundled.js" "$out/web.js"
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
total "tango-orders/web, once init() has loaded the client's .wasm (no bundler)" "$out/web.js" "$out/inline.js" "$out/wasm-main/tango_orders_main.js" "$out/wasm-main/tango_orders_main.inline.js" "$out/client.web.js" "$out/client-wrap.js" "$out/wasm/tango_orders.js" "$out/wasm/tango_orders_bg.wasm"
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
