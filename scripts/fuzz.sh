#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for $1 seconds each, from the committed seeds, and prints
# the executions. With --if-available, skips (successfully) when nightly or cargo-fuzz is missing:
# the stable replay of the same targets (tests/fuzz.rs, sim/tests/fuzz.rs) runs in make test anyway.
set -euo pipefail
seconds=${1:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}/bin:$PATH"
if ! cargo +nightly --version >/dev/null 2>&1 || ! command -v cargo-fuzz >/dev/null; then
  if [[ "${2:-}" == "--if-available" ]]; then
    echo "fuzz: nightly or cargo-fuzz not installed; skipped (cargo install cargo-fuzz; rustup toolchain install nightly)"
    exit 0
  fi
  echo "fuzz: needs the nightly toolchain and cargo-fuzz" >&2
  exit 1
fi
cd "$root/fuzz"
for target in decode validate sim_handler; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  rc=0
  cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  echo "fuzz $target: $(grep -E '^Done [0-9]+ runs' "$log" || echo 'no summary')"
  if [ "$rc" -ne 0 ]; then
    tail -40 "$log" >&2
    echo "fuzz: $target failed (exit $rc); a crash input is in fuzz/artifacts/$target/ — fix it, then copy it to fuzz/regressions/$target/" >&2
    exit 1
  fi
done
