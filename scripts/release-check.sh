#!/usr/bin/env bash
# What a release checks before it publishes, without secrets (`make release-check`; `make test` runs
# it, and .github/workflows/release.yml publishes only what passed it):
#   1. one version: Cargo.toml's is package.json's, and CHANGELOG.md has a section for it (or
#      an Unreleased one);
#   2. the tarball: its files are tests/release/files.txt's, its packed and unpacked sizes are
#      within the budgets below, and `npm publish --dry-run` accepts it;
#   3. publint (strict) and arethetypeswrong on it (the consumer tests' copies of both);
#   4. the crate: its docs build with no warning, and `cargo publish --dry-run -p tango-orders`
#      packages and builds it alone.
# After a deliberate change to the package's files: scripts/release-check.sh --update-files.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
say() { printf '\033[1mrelease-check:\033[0m %s\n' "$*"; }
fail() { printf '\033[1mrelease-check:\033[0m %s\n' "$*" >&2; exit 1; }
# The budgets, in bytes: the tarball as npm downloads it, and unpacked in node_modules. Set a few
# percent above the 0.1.0 package (2.86 MB packed, 6.54 MB unpacked): a change that crosses one is
# one to decide on, not to find out from a user.
MAX_PACKED=3000000
MAX_UNPACKED=6900000

cd "$root"
[ -f pkg/package.json ] || fail "build pkg/ first (make pkg)"

# 1. One version.
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
npm_version=$(node -p 'require("./pkg/package.json").version')
[ "$version" = "$npm_version" ] || fail "Cargo.toml says $version, pkg/package.json says $npm_version"
scripts/changelog-section.sh "$version" > /dev/null 2>&1 || scripts/changelog-section.sh Unreleased > /dev/null \
  || fail "CHANGELOG.md has no section for $version and no Unreleased one"
say "version $version in Cargo.toml, package.json and CHANGELOG.md"

# 2. The tarball.
work=$(mktemp -d "${TMPDIR:-/tmp}/tango-release.XXXXXX")
trap 'rm -rf "$work"' EXIT
tarball="$work/$(cd "$work" && npm pack --silent "$root/pkg")"
# wasm-bindgen names its snippets' folder by a hash of the crate and its version: written as <hash>.
tar -tzf "$tarball" | sed -e 's|^package/||' -e 's|/tango-orders-[0-9a-f]\{16\}/|/tango-orders-<hash>/|' | sort > "$work/files.txt"
if [ "${1:-}" = --update-files ]; then
  cp "$work/files.txt" tests/release/files.txt
  say "tests/release/files.txt updated ($(wc -l < tests/release/files.txt) files)"
fi
diff -u tests/release/files.txt "$work/files.txt" > "$work/files.diff" \
  || { cat "$work/files.diff" >&2; fail "the tarball's files differ from tests/release/files.txt (above; --update-files if meant)"; }
packed=$(wc -c < "$tarball")
mkdir "$work/unpacked" && tar -xzf "$tarball" -C "$work/unpacked"
unpacked=$(find "$work/unpacked" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
[ "$packed" -le "$MAX_PACKED" ] || fail "the tarball is $packed bytes packed, over the budget of $MAX_PACKED"
[ "$unpacked" -le "$MAX_UNPACKED" ] || fail "the tarball is $unpacked bytes unpacked, over the budget of $MAX_UNPACKED"
say "tarball: $(wc -l < "$work/files.txt") files as listed, $packed bytes packed (budget $MAX_PACKED), $unpacked unpacked (budget $MAX_UNPACKED)"
npm publish --dry-run --access public "$tarball" > "$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; fail "npm publish --dry-run refused the tarball"; }
say "npm publish --dry-run: accepted"

# 3. publint and attw, from the consumer projects' tools (installed once per their lockfile).
bash tests/consumers/run.sh --prepare > /dev/null
bin="$tools_dir/consumers/node_modules/.bin"
mkdir "$work/lint" && tar -xzf "$tarball" -C "$work/lint" --strip-components=1
"$bin/publint" run --strict "$work/lint" > "$work/publint.log" 2>&1 || { cat "$work/publint.log" >&2; fail "publint"; }
grep -qi "all good" "$work/publint.log" || { cat "$work/publint.log" >&2; fail "publint has something to say"; }
# ESM only, by design: every subpath typed for node16 (ESM) and bundlers; CommonJS callers import().
"$bin/attw" "$tarball" --profile esm-only > "$work/attw.log" 2>&1 || { cat "$work/attw.log" >&2; fail "arethetypeswrong"; }
say "publint --strict and attw (esm-only): no problems"

# 4. The crate: its docs as docs.rs builds them (no warning), then packaged and built alone.
RUSTDOCFLAGS="-D warnings --cfg docsrs" cargo doc --quiet --no-deps -p tango-orders --no-default-features \
  --features exact-floats,json-schema --target-dir "${CARGO_TARGET_DIR:-$root/target}/docs" > "$work/doc.log" 2>&1 \
  || { cat "$work/doc.log" >&2; fail "cargo doc has warnings"; }
say "cargo doc (docs.rs settings): no warnings"
cargo publish --dry-run -p tango-orders --allow-dirty > "$work/cargo.log" 2>&1 \
  || { cat "$work/cargo.log" >&2; fail "cargo publish --dry-run"; }
say "cargo publish --dry-run: $(grep -o 'Packaged [0-9]* files[^)]*)' "$work/cargo.log" || echo packaged)"
