#!/usr/bin/env bash
# Installs whatever this machine is missing to build and test tango-orders, and nothing it already
# has: the wasm32 target, the wasm-bindgen CLI at the version Cargo.lock pins, the npm dev tools
# (binaryen's wasm-opt, TypeScript, playwright-core), Debian's Chromium with its ChromeDriver and
# Debian's redis-server.
#
# Usage: scripts/setup.sh [--no-browser]
# Tools go to $TANGO_TOOLS_DIR (default ~/.cache/tango-orders/tools), outside the clone, so a fresh
# clone on the same machine reuses them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root for: $*" >&2; return 1; fi
}

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. The wasm-bindgen CLI, exactly the version of the wasm-bindgen crate in Cargo.lock: a CLI of
#    another version refuses the module (or worse, produces glue that does not match it).
pinned=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
[ -n "$pinned" ] || { echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
installed=$("$tools_dir/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}' || true)
if [ "$installed" != "$pinned" ]; then
  say "installing wasm-bindgen-cli $pinned into $tools_dir (about 3 minutes, once)"
  # Not --locked: the CLI's own lockfile pins a crate version crates.io no longer serves.
  cargo install wasm-bindgen-cli --version "$pinned" --root "$tools_dir" --force
fi

# 2b. cargo-fuzz, only where the nightly toolchain is present (libFuzzer needs it): make test then
#    runs each fuzz target briefly. Without nightly the stable replay of the targets still runs.
if cargo +nightly --version >/dev/null 2>&1 && [ ! -x "$tools_dir/bin/cargo-fuzz" ]; then
  say "installing cargo-fuzz into $tools_dir (about 2 minutes, once)"
  cargo install cargo-fuzz --locked --root "$tools_dir" || say "cargo-fuzz did not install; fuzz-smoke will skip"
fi

# 3. npm dev tools at the versions package-lock.json records. `npm install --no-save` rather than
#    `npm ci`: lockfiles written here leave out the other platforms' optional packages (rollup's
#    native builds), which `npm ci` then reports as "not in sync" and refuses.
if [ ! -d "$root/node_modules" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing npm dev tools"
  (cd "$root" && npm install --no-save --no-audit --no-fund --loglevel=error)
fi

# 4. Chromium and ChromeDriver from Debian, for the browser tests. Never a browser download.
if [ "$want_browser" = 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. redis-server from Debian, for the tests of the shared limiter and the bulk queue: each test
#    starts its own on a free loopback port (tests/package/redis-server.mjs); no service is started.
if ! command -v redis-server >/dev/null; then
  say "installing Debian's redis-server"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  # Debian's package starts a service on 6379 where there is an init system; the tests need none.
  as_root service redis-server stop >/dev/null 2>&1 || true
fi

say "ready (wasm-bindgen $pinned, node $(node --version))"
