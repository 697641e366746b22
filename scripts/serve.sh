#!/usr/bin/env bash
# Builds and serves the explorer on http://127.0.0.1:8080 (Trunk, rebuilds on change).
# Set-up (toolchain, browsers, npm tools) happens first and is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve www/index.html "$@"
