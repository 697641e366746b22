#!/usr/bin/env bash
# One-time (idempotent) machine set-up for dealscope: Rust wasm target, Trunk,
# wasm-bindgen-cli (the exact Cargo.lock version), geckodriver, Chromium + Firefox from
# Debian, a Java runtime for the Nu HTML Checker, npm tools (binaryen's wasm-opt,
# playwright-core, axe-core, vnu-jar). Everything comes from
# the package registries; nothing downloads prebuilt binaries. Downloads (apt, npm) run
# while the Rust tools compile. Second run: a few seconds (each step checks first).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# The wasm-bindgen CLI must match the library exactly; read it from Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

pids=()
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
# The W3C Nu HTML Checker (npm vnu-jar, e2e/validity.test.mjs) runs on Debian's Java.
command -v java >/dev/null || need_apt+=(default-jre-headless)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]} (in the background)"
  (
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  ) &
  pids+=($!)
fi

# npm tools, pinned by e2e/package-lock.json.
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ e2e/package-lock.json -nt e2e/node_modules/.stamp ]; then
  log "npm ci in e2e/ (in the background)"
  # --ignore-scripts: the only install script is vnu-jar's, which would download a Java
  # runtime from GitHub; the checker runs on Debian's (default-jre-headless, above).
  (cd e2e && npm ci --ignore-scripts --no-audit --no-fund --silent && touch node_modules/.stamp) &
  pids+=($!)
fi

# Rust tools share one target folder, so common crates compile once.
export CARGO_TARGET_DIR="${DEALSCOPE_TOOLS_TARGET:-$HOME/.cache/dealscope-tools-target}"
# The tools' speed hardly matters (they wrap wasm-bindgen, wasm-opt and a driver); their
# compile time is most of a cold set-up. So: no optimisation (opt-level 0) except for the code
# that does the work on every build — walrus and wasm-bindgen's CLI support, which read and
# write the wasm — and no TLS stack or update check in trunk and wasm-bindgen-cli (Trunk.toml
# builds offline; the test runner talks plain HTTP to a local driver), which drops rustls and
# ring. (Measured: README, "Set-up time".)
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false
hot=(--config 'profile.release.package.walrus.opt-level=2' --config 'profile.release.package.wasm-bindgen-cli-support.opt-level=2')
have() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! have trunk "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --quiet
fi
if ! have wasm-bindgen "$WBG_VERSION"; then
  log "cargo install wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock file pins a webpki-roots release the registry no longer serves.
  cargo "${hot[@]}" install wasm-bindgen-cli --version "$WBG_VERSION" --no-default-features --quiet --force
fi
if ! have geckodriver "$GECKODRIVER_VERSION"; then
  log "cargo install geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --quiet --force
fi

for pid in "${pids[@]}"; do
  wait "$pid"
done
log "ready"
