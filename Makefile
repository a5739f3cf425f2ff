# tango-orders: every command a developer or CI needs. `make demo` and `make test` install whatever
# is missing first (scripts/setup.sh), so both work on a fresh machine.

TOOLS_DIR ?= $(HOME)/.cache/tango-orders/tools
export TANGO_TOOLS_DIR := $(TOOLS_DIR)
export PATH := $(TOOLS_DIR)/bin:$(PATH)

WASM_TEST := env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target wasm32-unknown-unknown --lib

.PHONY: demo test setup pkg lint test-native test-wasm-node test-wasm-browser test-package test-consumers release-check test-e2e \
	update-types sim bench bench-before-after soak fuzz fuzz-smoke audit clean

## demo: build the package and the simulator, then serve the demo page on http://127.0.0.1:5173/
## (the page sends rewards through tango-sim; Ctrl-C stops both).
demo: pkg
	cargo build --release -p tango-sim --bin tango-sim
	node www/server.mjs --port $(or $(PORT),5173) --sim $(or $(CARGO_TARGET_DIR),target)/release/tango-sim

## test: every test, in order of speed: lint, native, wasm in Node and Chromium, the packed package.
test: setup lint test-native test-wasm-node test-wasm-browser pkg test-package test-consumers release-check test-e2e fuzz-smoke
	@echo "make test: all layers passed"

setup:
	@bash scripts/setup.sh

pkg: setup
	bash scripts/build-pkg.sh

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p tango-sim --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js-validate -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js-main -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js-csv -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js-client -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js-webhook -- -D warnings
	cargo clippy --no-default-features --all-targets -- -D warnings
	@# The core without features is pure Rust: none of the JavaScript crates in its dependencies.
	@! cargo tree -p tango-orders --no-default-features -e normal --prefix none \
		| grep -E '^(wasm-bindgen|wasm-bindgen-futures|js-sys|tsify|web-sys|gloo-net|serde-wasm-bindgen) ' \
		|| { echo "lint: a JavaScript crate is an unconditional dependency of tango-orders" >&2; exit 1; }

test-native:
	cargo test --workspace
	@# The pure core (no JavaScript crates at all) passes its own tests too.
	cargo test -p tango-orders --no-default-features

# The wasm tests of the fetch transport talk to tango-sim on this port (scripts/with-sim.sh). The
# port is fixed because the tests read TANGO_SIM_URL at compile time: a new one would rebuild them.
WASM_SIM_PORT ?= 47017

test-wasm-node:
	cargo build --quiet -p tango-sim --bin tango-sim
	bash scripts/with-sim.sh $(WASM_SIM_PORT) $(WASM_TEST)

test-wasm-browser:
	cargo build --quiet -p tango-sim --bin tango-sim
	WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/webdriver.json \
		bash scripts/with-sim.sh $(WASM_SIM_PORT) $(WASM_TEST)

test-package:
	bash tests/package/run.sh

## test-consumers: the packed package in one project per runtime and bundler (tests/consumers/):
## Node, Deno, Bun, Cloudflare Workers, Next.js, Vite, webpack, esbuild, rollup, bun build, an
## import map, tsc, attw, publint. Their tools are installed once into $(TOOLS_DIR)/consumers.
test-consumers: pkg
	bash tests/consumers/run.sh

## release-check: what a release checks before it publishes, without secrets: one version, the
## tarball's files and size budgets, npm publish --dry-run, publint, attw, cargo publish --dry-run.
release-check: pkg
	bash scripts/release-check.sh

## test-e2e: the demo page in Chromium, and every example against the simulator.
test-e2e: pkg
	cargo build --quiet -p tango-sim --bin tango-sim
	cd examples && npm install --no-audit --no-fund --loglevel=error
	TANGO_SIM_BIN=$(or $(CARGO_TARGET_DIR),target)/debug/tango-sim node --test tests/e2e/ tests/examples/

## bench: every benchmark next to its baseline, in one run; writes bench/RESULTS.md, and what each
## bundler ships to bench/BUNDLERS.md, and the command line's timings to bench/CLI.md (not part of
## make test).
bench: pkg
	cargo build --release -p tango-sim --bin tango-sim
	bash scripts/build-probe.sh
	cd bench && npm install --no-audit --no-fund --loglevel=error
	cd examples && npm install --no-audit --no-fund --loglevel=error
	cd bench && TANGO_SIM_BIN=$(abspath $(or $(CARGO_TARGET_DIR),target))/release/tango-sim node run.mjs
	node bench/bundlers.mjs
	cd bench && node cli.mjs

## bench-before-after: another revision's package (BASE, default the last commit before issue 15's
## transport work) next to pkg/ in one process, rounds interleaved: sizes, validation, decoding,
## the client over the simulator's fetch, cold start; writes bench/BEFORE_AFTER.md.
BASE ?= 6674326
bench-before-after: pkg
	bash scripts/build-base-pkg.sh $(BASE)
	cd bench && npm install --no-audit --no-fund --loglevel=error
	cd bench && BASE_LABEL=$(BASE) node before-after.mjs \
		$(TOOLS_DIR)/../bench-base/$$(git rev-parse --short $(BASE))/pkg ../pkg

## soak: 10,000 creates through fetch against tango-sim with ~30 % faults; checks none is placed
## twice or lost (not part of make test: about a minute).
soak: pkg
	cargo build --release -p tango-sim --bin tango-sim
	cd bench && npm install --no-audit --no-fund --loglevel=error
	cd examples && npm install --no-audit --no-fund --loglevel=error
	cd bench && TANGO_SIM_BIN=$(abspath $(or $(CARGO_TARGET_DIR),target))/release/tango-sim node soak.mjs

## fuzz: each cargo-fuzz target until FUZZ_RUNS executions (default 10 million: about half an hour
## to an hour per target on one core) — needs nightly (or FUZZ_TOOLCHAIN=stable) and cargo-fuzz.
## Not part of make test; record the figures in SECURITY.md.
FUZZ_RUNS ?= 10000000
fuzz:
	bash scripts/fuzz.sh runs $(FUZZ_RUNS)

## fuzz-smoke: each target for 20 s when nightly and cargo-fuzz are present (else says so and skips).
fuzz-smoke:
	bash scripts/fuzz.sh seconds 20 --if-available

## audit: cargo deny (licenses, bans, sources; advisories when the RustSec database is reachable),
## cargo audit and npm audit. Needs the network; not part of make test.
audit:
	PATH="$(HOME)/.cache/tango-orders/tools/bin:$$PATH" bash scripts/audit.sh

## sim: run the simulator on loopback (make sim ARGS="--port 4010 --latency-ms 200").
sim:
	cargo run --release -p tango-sim -- $(ARGS)

## update-types: accept a change of the generated TypeScript types (review the diff, then commit).
update-types: pkg
	cp pkg/index.d.ts tests/reference/tango_orders.d.ts

clean:
	cargo clean
	rm -rf pkg node_modules examples/node_modules
