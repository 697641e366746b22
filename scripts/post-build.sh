#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): runs on every `trunk build` and `trunk serve`, in the
# staging folder, before Trunk publishes it to dist/. Trunk itself writes the loader
# (www/boot.js, through Trunk.toml's pattern_script) and no preloads (pattern_preload).
#   1. prerender: the page for the default view goes into index.html (paints before the wasm;
#      readable without JavaScript), and that view's query into the loader (which tells a link
#      to another view by it);
#   2. harden: a strict Content-Security-Policy, with the hashes of the inline scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
staging="${TRUNK_STAGING_DIR:?run by Trunk: TRUNK_STAGING_DIR is not set}"
cargo run --quiet --locked --bin prerender -- "$staging/index.html"
node scripts/harden.mjs "$staging"
