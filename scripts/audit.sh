#!/usr/bin/env bash
# Dependency checks: cargo deny (licenses, bans, sources: offline; advisories: needs GitHub for
# the RustSec database), cargo audit (RustSec), npm audit (the registry's advisory endpoint).
# Installs cargo-deny and cargo-audit into the tools directory when missing. Each check that
# cannot reach its database says so instead of passing silently.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}
export PATH="$tools_dir/bin:$PATH"
cd "$root"
for tool in cargo-deny cargo-audit; do
  command -v "$tool" >/dev/null || cargo install "$tool" --locked --root "$tools_dir"
done
status=0
cargo deny --workspace check licenses bans sources || status=1
cargo deny --workspace check advisories || echo "audit: cargo deny advisories could not run (RustSec database unreachable?)"
cargo audit || echo "audit: cargo audit could not run or found advisories (see above)"
for dir in . bench examples; do
  (cd "$dir" && npm audit --omit=optional) || echo "audit: npm audit in $dir could not run or found advisories (see above)"
done
echo "the npm package itself has no runtime dependencies (pkg-template/package.json)"
exit $status
