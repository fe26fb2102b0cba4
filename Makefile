# rokeh: `make serve` to try the page, `make test` to run every test, `make bench` for figures.
# Each install step checks first and skips what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# wasm-opt from npm's binaryen (install-wasm-tools puts it here): Debian's is too old.
BINARYEN_VERSION := 132
BINARYEN := $(CURDIR)/target/tools/binaryen
export PATH := $(BINARYEN)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk prints long backtraces with every message when this is 1.
export RUST_BACKTRACE := 0

ADDRESS := 127.0.0.1
PORT := 8080
TRUNK_SERIES := 0.21
# Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml and `[tools]` in Trunk.toml.
WASM_BINDGEN_VERSION := 0.2.130
BROWSER_TESTS := tests/browser
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The native render tests draw text with this font.
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
APT_INSTALL := $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y

.PHONY: serve server test test-rust test-wasm test-browser build build-single pages sliders-pages bench screenshot \
	install-wasm-tools install-browser install-fonts install-python install-redis fetch fuzz install-fuzz soak

serve: install-wasm-tools fetch
	trunk serve --address $(ADDRESS) --port $(PORT)

# `rokeh serve --show`: the page kept in sync per session by the native server, which Python's
# bokeh.client can join too. Extra flags: make server ARGS="--port 5007".
server: build
	cargo run --profile server -p rokeh-gallery -- serve --show $(ARGS)

# Every test. Other suites join as more prerequisites.
test: test-rust test-wasm test-browser

# The library's and the gallery's tests (the server's with the real `rokeh` binary),
# including the comparisons with real Python Bokeh (tests/json_python.rs) and a crate made
# by `rokeh new`, built with cargo and trunk (gallery/tests/scaffold.rs).
# The fuzz harnesses run on their committed corpus alone here (tests/fuzz.rs), so a
# submission fails only on what it changed; a plain `cargo test` adds a second of fresh
# random inputs each, `make fuzz` searches coverage-guided.
test-rust: install-fonts install-python install-redis install-wasm-tools fetch
	BOLERO_RANDOM_ITERATIONS=0 cargo test --workspace
	# Decimated against undecimated drawings of a million points: under two minutes in the
	# debug build the line above made; a build for speed (the bench profile) took a clean
	# checkout six more minutes to make than the tests then ran.
	cargo test -p rokeh --lib -- --ignored million_point
	# The library as crates.io gets it, built from its package alone (rokeh-np is packaged
	# beside it: publish rokeh-np first).
	# cargo takes a packaged crate of the same version for unchanged (its unpacked copy in
	# ~/.cargo/registry/src/-<hash>/, its build): start from neither, or a changed rokeh-np
	# is verified stale.
	rm -rf $${CARGO_HOME:-$$HOME/.cargo}/registry/src/-*/rokeh-np-* target/package-check
	CARGO_TARGET_DIR=target/package-check cargo package --workspace --exclude rokeh-gallery --offline --allow-dirty
	# The API docs, natively and for the page, with no broken link or warning.
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p rokeh
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p rokeh --target wasm32-unknown-unknown

# The page's components in headless Chromium, driven by wasm-bindgen-test-runner.
test-wasm: install-wasm-tools install-browser fetch
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$(CHROMEDRIVER) \
		cargo test --target wasm32-unknown-unknown --test web --test web_periodic --test web_layout --test web_views --test web_repaint --test web_layers --test web_callbacks --test web_extend --test np

# The built page as a person uses it (Playwright, node --test), alone and served by the
# rokeh binary (built here) with Python's bokeh.client in the session, and drawn like
# BokehJS (compare.test.mjs: the page beside real BokehJS, through `rokeh serve` too).
test-browser: build build-single pages install-browser install-python install-redis
	cargo build -p rokeh-gallery --bin rokeh
	scripts/page-sizes.sh static served
	cd $(BROWSER_TESTS) && node --test
	cargo test -p rokeh-gallery --test server_browser -- --ignored

# The page in dist/, with relative URLs (works from any sub-path).
build: install-wasm-tools fetch
	trunk build --release

# The static gallery (GitHub Pages) in dist-pages/: the index of apps, each app at
# app.html?app=NAME, and each as one file at single/NAME.html.
pages: build build-single
	scripts/pages.sh

# One self-contained HTML file per gallery app for file:// (wasm, glue, CSS and the app's
# data inlined): dist-single/APP.html.
build-single: install-wasm-tools
	node scripts/single-html.mjs

# The sliders page alone (gallery/examples/sliders_page.rs), served and static only, and
# the ten-glyph figure alone, in target/bench/pages/: bench weighs and times them, the
# browser tests open the static sliders page.
sliders-pages: install-wasm-tools fetch
	scripts/page-sizes.sh

bench: build build-single sliders-pages install-browser install-fonts install-python install-redis
	cargo build --profile server -p rokeh-gallery --bins --examples
	mkdir -p target/bench
	touch target/bench/started
	set -o pipefail; { \
		node $(BROWSER_TESTS)/bench.mjs && \
		node $(BROWSER_TESTS)/bench_apps.mjs && \
		node $(BROWSER_TESTS)/bench_pan.mjs && \
		for bench in $(basename $(notdir $(wildcard benches/*.rs))); do cargo bench --bench $$bench || exit 1; done && \
		target/server/examples/loadgen && \
		target/server/examples/shared; \
	} 2>&1 | tee target/bench/run.log
	node scripts/bench-summary.mjs target/bench/run.log target/criterion target/bench/started

# Coverage-guided fuzzing (cargo bolero, libFuzzer, nightly) of the harnesses `cargo test`
# runs on their corpus: FUZZ_SECONDS each. Prints inputs run and failures.
FUZZ_SECONDS := 60
fuzz: install-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# `rokeh serve` under 1,000 clients for SOAK_MINUTES, its RSS sampled every second; prints
# the slope (never asserts it).
SOAK_MINUTES := 10
soak:
	cargo build --profile server -p rokeh-gallery --bins --examples
	SOAK_MINUTES=$(SOAK_MINUTES) target/server/examples/soak

install-fuzz:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	cargo bolero --version >/dev/null 2>&1 || cargo install cargo-bolero --locked

# docs/screenshot.png and docs/widgets.png for the README.
screenshot: build install-browser
	node $(BROWSER_TESTS)/screenshot.mjs

# Trunk builds offline (Trunk.toml): the crates must be here first.
fetch:
	cargo fetch --locked

# wasm-bindgen-cli is installed without --locked: its lock names a webpki-roots release
# the registry no longer has.
install-wasm-tools:
	rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown
	trunk --version 2>/dev/null | grep -q '^trunk $(subst .,\.,$(TRUNK_SERIES))\.' \
		|| cargo install trunk --version '~$(TRUNK_SERIES)' --locked
	wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	wasm-opt --version 2>/dev/null | grep -q '(version_$(BINARYEN_VERSION))' \
		|| npm install --prefix $(BINARYEN) --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION).0.0

install-browser:
	[ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ] || { $(APT_INSTALL) chromium chromium-driver; }
	[ -d $(BROWSER_TESTS)/node_modules/playwright-core ] && [ -d $(BROWSER_TESTS)/node_modules/uplot ] \
		|| (cd $(BROWSER_TESTS) && npm ci)

# ./.venv with real Python Bokeh, pinned, for the comparison and interop tests.
install-python:
	scripts/python-venv.sh

install-fonts:
	[ -f $(FONT) ] || { $(APT_INSTALL) fonts-dejavu-core; }

# Redis 7 for `rokeh serve --redis`: the tests start their own redis-server on a free
# loopback port (never the system's service).
install-redis:
	command -v redis-server >/dev/null || { $(APT_INSTALL) redis-server; }
