#!/usr/bin/env bash
# One-time (idempotent) machine set-up for dealscope: Rust wasm target, Trunk,
# wasm-bindgen-cli (exact Cargo.lock version), browsers + drivers, npm tools.
# Everything comes from the package registries; nothing downloads prebuilt binaries.
# Second run: a few seconds (each step checks before it installs).
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

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

cargo_bin() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! cargo_bin trunk "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi
if ! cargo_bin wasm-bindgen "$WBG_VERSION"; then
  log "cargo install wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock file pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --quiet --force
fi
if ! cargo_bin geckodriver "$GECKODRIVER_VERSION"; then
  log "cargo install geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --quiet --force
fi

# npm tools (binaryen's wasm-opt, playwright-core, axe-core), pinned by e2e/package-lock.json.
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ e2e/package-lock.json -nt e2e/node_modules/.stamp ]; then
  log "npm ci (e2e tools)"
  (cd e2e && npm ci --no-audit --no-fund --silent && touch node_modules/.stamp)
fi
log "ready"
