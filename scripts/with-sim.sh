#!/usr/bin/env bash
# Runs a command with tango-sim listening on loopback (with its transport test routes) and
# TANGO_SIM_URL naming it: the wasm-bindgen tests of the fetch transport talk to it over real fetch.
# Usage: scripts/with-sim.sh PORT command...
set -euo pipefail
port=$1
shift
sim="${CARGO_TARGET_DIR:-target}/debug/tango-sim"
log=$(mktemp)
"$sim" --port "$port" --transport-test-routes >"$log" 2>&1 &
pid=$!
# Waits for it to go (a worker still in the 3 s slow route holds the port until then).
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$log" && break
  kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$log" || { echo "with-sim: tango-sim did not start" >&2; cat "$log" >&2; exit 1; }
export TANGO_SIM_URL="http://127.0.0.1:$port"
"$@"
