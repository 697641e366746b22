// node scripts/prune-wasm.mjs <dir> — run by the post_build hook: removes from the built wasm
// the exports the page never calls, and the code only they reach, with binaryen's
// wasm-metadce (the tool for dead code across the JS/wasm boundary), then re-optimises it
// with the flags of index.html's data-wasm-opt-params.
//
// What goes: the WHATWG Streams glue that wasm-streams exports (IntoUnderlyingSource,
// …ByteSource, …Sink: ~4 KB of wasm with the futures behind it). Leptos pulls it in through
// server_fn, which it depends on unconditionally; the page has no server functions and never
// constructs a stream. Their JS classes stay in the glue, uncalled. Fails loudly if the
// exports it expects are not there (a Leptos update may drop them: then drop this step).
import { readFileSync, readdirSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const dir = process.argv[2] ?? 'dist';
const unused = (name) => /^(__wbg_)?intounderlying/.test(name);
const file = readdirSync(dir).filter((f) => f.endsWith('_bg.wasm')).map((f) => join(dir, f))[0];
if (!file) throw new Error(`${dir}: no *_bg.wasm to prune`);

/** The names of a wasm module's exports (its export section). */
function exportNames(bytes) {
  let i = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[i++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const names = [];
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 7) {
      for (let n = leb(); n > 0; n--) {
        const length = leb();
        names.push(new TextDecoder().decode(bytes.subarray(i, i + length)));
        i += length + 1; // the name, the kind byte
        leb(); // the index
      }
    }
    i = end;
  }
  return names;
}

const before = statSync(file).size;
const names = exportNames(readFileSync(file));
const dropped = names.filter(unused);
if (dropped.length === 0) throw new Error(`${file}: none of the stream exports to prune; remove scripts/prune-wasm.mjs`);
const graph = join(dir, 'prune-graph.json');
writeFileSync(graph, JSON.stringify(names.map((name) => ({ name: `export:${name}`, export: name, ...(unused(name) ? {} : { root: true }) }))));
const params = readFileSync('www/index.html', 'utf8').match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
try {
  execFileSync('wasm-metadce', [file, '--graph-file', graph, '-o', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('wasm-opt', ['-Oz', ...params.split(' ').filter(Boolean), file, '-o', file], { stdio: 'inherit' });
} finally {
  rmSync(graph, { force: true });
}
const after = statSync(file).size;
console.log(`${file}: pruned ${dropped.length} unused exports: ${before} → ${after} bytes (${((before - after) / 1024).toFixed(1)} KB less)`);
