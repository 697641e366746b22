#!/usr/bin/env bash
# Measures how the dataset reaches the bundle, both ways (run from anywhere; needs the
# tools scripts/setup.sh installs):
#   baked   — the app as built (data in Rust statics) vs the same app with a one-item dataset
#   parsed  — the data as minified JSON plus serde_json, parsed at start-up (in node, timed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
export PATH="$root/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
work="$(mktemp -d)"
size() { printf '%s raw / %s gzip' "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
app() { # $1 = data dir, $2 = out name
  DEALSCOPE_DATA_DIR="$1" cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path "$root/Cargo.toml" --bin dealscope
  wasm-bindgen --target web --out-dir "$work/$2" "$root/target/wasm32-unknown-unknown/release/dealscope.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext "$work/$2/dealscope_bg.wasm" -o "$work/$2.wasm"
}
# A one-item dataset: the first item of each file, with references it needs.
mkdir -p "$work/stub/seeds"
python3 - "$root/data" "$work/stub" <<'PY'
import sys, pathlib
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
(dst / "sources.toml").write_text('[[source]]\nid = "s"\npublisher = "p"\ntitle = "t"\ndate = "2020"\nkind = "primary"\nlocator = "l"\n')
(dst / "parties.toml").write_text('[[party]]\nid = "openai"\nname = "OpenAI"\n')
(dst / "figures.toml").write_text('[[figure]]\nid = "f"\nmeasures = "m"\namount = "1"\nunit = "usd"\nas_of = "2020"\nsources = ["s"]\n')
(dst / "terms.toml").write_text('[[term]]\nid = "t"\ntitle = "t"\nsummary = "s"\nfrom = "2019-07-22"\nworkloads = ["all"]\nproviders = ["all"]\neffect = "azure-only"\nsources = ["s"]\n[[term.lapse]]\non = "2030-01-01"\nsummary = "s"\nsources = ["s"]\n[[term]]\nid = "r"\ntitle = "r"\nsummary = "s"\nfrom = "2025-01-21"\nworkloads = ["training"]\nproviders = ["all"]\neffect = "rofr"\nsupersedes = ["t"]\nsources = ["s"]\n')
(dst / "decisions.toml").write_text('[[decision]]\nid = "d"\nprovider = "coreweave"\nworkloads = ["training"]\ndecision = "declined"\ndate = "2025-03"\nknown_from = "2025-03-20"\nwhat = "w"\nsources = ["s"]\n')
(dst / "events.toml").write_text('[[event]]\nid = "e"\ndate = "2020"\nparties = ["openai"]\nwhat = "w"\nsources = ["s"]\n')
(dst / "conflicts.toml").write_text('[[conflict]]\nid = "c"\nclaim = "c"\ndefault = "a"\nwhy_default = "w"\n[[conflict.reading]]\nvalue = "a"\nsays = "a"\nsources = ["s"]\n[[conflict.reading]]\nvalue = "b"\nsays = "b"\nsources = ["s"]\n')
PY
app "$root/data" full
app "$work/stub" stub
# The same data as minified JSON, parsed by serde_json.
mkdir -p "$work/json"
python3 - "$root/data" "$work/json/dataset.json" <<'PY'
import sys, json, pathlib, tomllib
src = pathlib.Path(sys.argv[1])
data = {p.stem: tomllib.loads(p.read_text()) for p in sorted(src.glob("*.toml"))}
pathlib.Path(sys.argv[2]).write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
PY
OUT_DIR_DATA="$work/json" cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path "$here/Cargo.toml" --target-dir "$work/target"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext "$work/target/wasm32-unknown-unknown/release/data_embedding.wasm" -o "$work/parsed.wasm"
echo "app with the dataset baked:        $(size "$work/full.wasm")"
echo "app with a one-item dataset:       $(size "$work/stub.wasm")"
echo "dataset as minified JSON:          $(size "$work/json/dataset.json")"
echo "serde_json + that JSON, parsed:    $(size "$work/parsed.wasm")  (a lower bound: typed structs add derive code)"
node --input-type=module -e "
import { readFileSync } from 'node:fs';
const { instance } = await WebAssembly.instantiate(readFileSync('$work/parsed.wasm'));
const t = []; let n = 0;
for (let i = 0; i < 50; i++) { const t0 = performance.now(); n = instance.exports.load(); t.push(performance.now() - t0); }
t.sort((a, b) => a - b);
console.log('parse at start-up (node, wasm): first ' + t[t.length-1].toFixed(2) + ' ms max, median ' + t[25].toFixed(2) + ' ms; string bytes ' + n);
"
rm -rf "$work"
