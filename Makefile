# Banenverkenner: `make serve` and `make test` do their own set-up on a fresh machine.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# The pinned nightly for the page's first core (wasm-pack.toml, [first] toolchain).
FIRST_TOOLCHAIN := $(shell awk -F'"' '/^toolchain *=/ { print $$2; exit }' wasm-pack.toml)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000

.PHONY: all setup setup-rust setup-node setup-browser dist build serve test test-native test-wasm test-e2e lint bench bench-setup screenshots fuzz clean

all: dist

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@# The page's first core is built with a pinned nightly (std rebuilt smaller; see wasm-pack.toml);
	@# without it the build falls back to stable.
	@if [ -n "$(FIRST_TOOLCHAIN)" ] && ! { rustup +$(FIRST_TOOLCHAIN) component list --installed 2>/dev/null | grep -q '^rust-src' \
		&& rustup +$(FIRST_TOOLCHAIN) target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }; then \
		rustup toolchain install $(FIRST_TOOLCHAIN) --profile minimal --target wasm32-unknown-unknown --component rust-src \
			|| echo "let op: $(FIRST_TOOLCHAIN) niet geïnstalleerd; de eerste kern wordt met stable gebouwd"; \
	fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "wasm-bindgen-cli $(WASM_BINDGEN_VERSION) installeren"; \
		cargo install --locked wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

setup-node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium chromium-driver; \
	fi

# The static site in dist/ (optimised wasm) plus dist/banenverkenner.html, one self-contained file.
dist build: setup
	python3 scripts/build.py

serve: dist
	@echo ""
	@echo "Banenverkenner draait op http://127.0.0.1:$(PORT)/  (Ctrl-C stopt)"
	@echo ""
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test: setup setup-browser
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-e2e

test-native:
	cargo test --locked

test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e: dist
	npm run --silent e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --no-default-features --target wasm32-unknown-unknown -- -D warnings

# Prints the benchmark figures (never asserted): BENCH_ONLY=load|big runs one part, BENCH_RUNS=N
# sets the runs per measurement, BENCH_FILE=23mb uses the smaller generated file. Its own packages
# (scripts/bench/package.json, target/bench/venv) are installed here only, never by `make test`.
BENCH_VENV := target/bench/venv

bench: dist setup-browser bench-setup
	@if [ "$(BENCH_ONLY)" != load ]; then cargo build --release --locked --bin banenverkenner; fi
	node scripts/bench.mjs

bench-setup: scripts/bench/node_modules/.installed $(BENCH_VENV)/.installed
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y time; }

scripts/bench/node_modules/.installed: scripts/bench/package.json scripts/bench/package-lock.json
	cd scripts/bench && npm ci --no-audit --no-fund
	@touch $@

$(BENCH_VENV)/.installed: scripts/bench/requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/bench/requirements.txt
	@touch $@
# Fuzzing (cargo-fuzz on nightly): every target in fuzz/fuzz_targets/ for FUZZ_S seconds each,
# seeded from the test files by fuzz/seed.py. A crash stops the run and leaves the input in
# fuzz/artifacts/<target>/; make it a test in tests/ before fixing it. Not part of `make test`.
FUZZ_S ?= 60
FUZZ_TARGETS ?= csv xlsx json spec render
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=1536 -malloc_limit_mb=1024 -print_final_stats=1

fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	python3 fuzz/seed.py
	@for t in $(FUZZ_TARGETS); do \
		echo "== fuzz $$t ($(FUZZ_S) s)"; \
		cargo +nightly fuzz run --sanitizer none $$t -- -max_total_time=$(FUZZ_S) $(FUZZ_FLAGS) || exit 1; \
	done

# The screenshots in docs/screenshots/ (main page, report, embed, presentation mode).
screenshots: dist setup-browser
	node scripts/screenshots.mjs

clean:
	rm -rf target build dist node_modules
