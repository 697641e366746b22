#!/usr/bin/env bash
# Runs every test of dealscope, from a fresh machine or a warm one:
#   set-up (in the background) → data check → fmt → clippy (native) → native tests (unit,
#   golden, property, data validation) → clippy (wasm) → component tests in headless Chromium
#   and Firefox → release build with wasm-opt, prerendered and hardened by Trunk's hook
#   (checked: strict CSP, grid in the HTML) → bundle-size report and budget → end-to-end journeys of the built site → benchmarks
#   (printed, not asserted). Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "set-up (in the background: the tools compile while the native checks run)"
# Set-up (the wasm target, Trunk, wasm-bindgen-cli, geckodriver, the browsers, npm) overlaps
# the native steps below, which need none of it: on 2 cores the two builds fill each other's
# serial stretches (one crate compiling, a binary linking). Everything after the wait needs it.
bash scripts/setup.sh > >(sed -u 's/^/  [set-up] /') 2>&1 &
setup=$!

step "data/ (the dataset alone: sources, reliability, dates, references, seed quotes)"
cargo run --quiet --locked -p dealscope-data

step "format"
cargo fmt --all -- --check

step "clippy (native, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "native tests: unit, data validation, golden cases, properties"
cargo test --workspace --locked

step "waiting for the set-up"
wait "$setup"

step "clippy (wasm32, warnings denied)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings

step "component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web

step "component tests in headless Firefox (wasm-bindgen-test)"
GECKODRIVER="$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --test web

step "release build (plain trunk build: wasm-opt, then the post_build hook prerenders and hardens)"
rm -rf dist
trunk build www/index.html --release
node scripts/check-page.mjs dist

step "bundle size"
node scripts/size-report.mjs dist

step "end-to-end journeys of the release build (headless Chromium)"
node --test e2e/

step "benchmarks (figures, not assertions)"
cargo bench --locked --bench engine
node e2e/perf.mjs
node e2e/lighthouse.mjs

printf '\nall tests passed in %ss\n' "$((SECONDS - started))"
