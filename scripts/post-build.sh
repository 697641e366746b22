#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): runs on every `trunk build` and `trunk serve`, in the
# staging folder, before Trunk publishes it to dist/.
#   1. prerender: the page for the default view goes into index.html (paints before the wasm;
#      readable without JavaScript);
#   2. defer-wasm: the glue and the wasm load after the first paint (the page is already there);
#   3. harden: a strict Content-Security-Policy, with the hashes of the inline scripts;
#   4. prune-wasm (release builds, which Trunk has run wasm-opt on): the wasm loses the exports
#      the page never calls (scripts/prune-wasm.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
staging="${TRUNK_STAGING_DIR:?run by Trunk: TRUNK_STAGING_DIR is not set}"
cargo run --quiet --locked --bin prerender -- "$staging/index.html"
node scripts/defer-wasm.mjs "$staging"
node scripts/harden.mjs "$staging"
if [ "${TRUNK_PROFILE:-}" = release ]; then
  node scripts/prune-wasm.mjs "$staging"
fi
