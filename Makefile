# tango-orders: every command a developer or CI needs. `make demo` and `make test` install whatever
# is missing first (scripts/setup.sh), so both work on a fresh machine.

TOOLS_DIR ?= $(HOME)/.cache/tango-orders/tools
export TANGO_TOOLS_DIR := $(TOOLS_DIR)
export PATH := $(TOOLS_DIR)/bin:$(PATH)

WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target wasm32-unknown-unknown --lib

.PHONY: demo test setup pkg lint test-native test-wasm-node test-wasm-browser test-package \
	update-types sim clean

## demo: build the package and run the Node example that decodes Tango's documented samples.
demo: pkg
	cd examples && npm install --no-audit --no-fund --loglevel=error
	node examples/decode-samples.mjs

## test: every test, in order of speed: lint, native, wasm in Node and Chromium, the packed package.
test: setup lint test-native test-wasm-node test-wasm-browser pkg test-package
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

test-native:
	cargo test --workspace

test-wasm-node:
	$(WASM_TEST)

test-wasm-browser:
	WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/webdriver.json $(WASM_TEST)

test-package:
	bash tests/package/run.sh

## sim: run the simulator on loopback (make sim ARGS="--port 4010 --latency-ms 200").
sim:
	cargo run --release -p tango-sim -- $(ARGS)

## update-types: accept a change of the generated TypeScript types (review the diff, then commit).
update-types: pkg
	cp pkg/wasm/tango_orders.d.ts tests/reference/tango_orders.d.ts

clean:
	cargo clean
	rm -rf pkg node_modules examples/node_modules
