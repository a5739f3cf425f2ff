#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ from the committed seeds and prints libFuzzer's figures
# (executions, exec/s, crashes).
#
#   scripts/fuzz.sh runs N [--if-available]     each target until N executions (make fuzz: 10 million)
#   scripts/fuzz.sh seconds N [--if-available]  each target for N seconds (make fuzz-smoke: 20)
#
# FUZZ_TARGETS picks targets (default: all three). With --if-available, skips (successfully) when
# nightly or cargo-fuzz is missing: the stable replay of the same targets (tests/fuzz.rs,
# sim/tests/fuzz.rs) runs in make test anyway. Without nightly, RUSTC_BOOTSTRAP=1 with stable works
# too (FUZZ_TOOLCHAIN=stable).
set -euo pipefail
mode=${1:-seconds}
amount=${2:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="${TANGO_TOOLS_DIR:-$HOME/.cache/tango-orders/tools}/bin:$PATH"
toolchain=${FUZZ_TOOLCHAIN:-nightly}
if [ "$toolchain" = stable ]; then export RUSTC_BOOTSTRAP=1; fi
if ! cargo "+$toolchain" --version >/dev/null 2>&1 || ! command -v cargo-fuzz >/dev/null; then
  if [[ "${3:-}" == "--if-available" ]]; then
    echo "fuzz: $toolchain or cargo-fuzz not installed; skipped (cargo install cargo-fuzz; rustup toolchain install nightly)"
    exit 0
  fi
  echo "fuzz: needs the $toolchain toolchain and cargo-fuzz" >&2
  exit 1
fi
case "$mode" in
  runs) limit="-runs=$amount" ;;
  seconds) limit="-max_total_time=$amount" ;;
  *) echo "fuzz: mode is runs or seconds" >&2; exit 2 ;;
esac
cd "$root/fuzz"
for target in ${FUZZ_TARGETS:-decode validate sim_handler}; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  rc=0
  started=$(date +%s)
  cargo "+$toolchain" fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
    "$limit" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  elapsed=$(( $(date +%s) - started ))
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  crashes=$(ls "artifacts/$target" 2>/dev/null | wc -l)
  echo "fuzz $target: $runs executions in ${elapsed} s ($rate exec/s), exit $rc, $crashes files in fuzz/artifacts/$target"
  if [ "$rc" -ne 0 ]; then
    tail -40 "$log" >&2
    echo "fuzz: $target failed (exit $rc); a crash input is in fuzz/artifacts/$target/ — fix it, then copy it to fuzz/regressions/$target/" >&2
    exit 1
  fi
done
