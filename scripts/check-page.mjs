// node scripts/check-page.mjs dist — fails unless the page plain `trunk build --release` made
// is the hardened, prerendered one: a strict Content-Security-Policy (no 'unsafe-inline' or
// 'unsafe-eval' for scripts, default-src 'none', every inline script hashed), the grid with
// all its verdicts and the explanation in the HTML as served, each story step's own grid, and
// the loader (told the served view; no preloads).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const file = join(process.argv[2] ?? 'dist', 'index.html');
const html = readFileSync(file, 'utf8');
const problems = [];
const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
if (!csp) {
  problems.push('no Content-Security-Policy meta tag (did the post_build hook run?)');
} else {
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  if (directive('default-src') !== "default-src 'none'") problems.push(`default-src is not 'none': ${directive('default-src')}`);
  const scripts = directive('script-src');
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    if (scripts.split(' ').includes(loose)) problems.push(`script-src allows ${loose}`);
  }
  for (const [tag, body] of [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]) {
    if (/\bsrc=/.test(tag.slice(0, tag.indexOf('>')))) continue;
    const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    if (!scripts.includes(hash)) problems.push(`an inline script is not in script-src: ${body.slice(0, 60)}…`);
  }
}
// The loader (www/boot.js through Trunk.toml's pattern_script), told the served view.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
const loader = inline.find(([, attrs, body]) => /data-wasm=/.test(attrs) && body.includes('compileStreaming'));
if (!loader) problems.push("no loader script (Trunk.toml's pattern_script with www/boot.js)");
else if (/DEALSCOPE_DEFAULT_VIEW|\{boot\}/.test(loader[2])) problems.push('the loader was not told the served view (prerender) or not filled in (pattern_params)');
if (/<link\b[^>]*\b(?:modulepreload|preload)\b/.test(html)) problems.push('a preload in the head: the default view\'s first paint would share the network with the wasm');
const steps = html.match(/<table class="step-grid"/g)?.length ?? 0;
if (steps < 7) problems.push(`expected every story step's own grid in the HTML, found ${steps}`);
const cells = html.match(/data-action="select"/g)?.length ?? 0;
if (cells !== 28) problems.push(`expected the 28 grid cells in the HTML, found ${cells}`);
if (!/<div id="app" class="app" data-view="\?date=/.test(html)) problems.push('no prerendered root (#app with data-view)');
if (!html.includes('data-testid="explanation"')) problems.push('no explanation in the HTML');
if (!html.includes('<noscript>')) problems.push('nothing said to readers without JavaScript');
if (problems.length) {
  console.error(`${file} is not the page to ship:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${file}: strict CSP (${csp.split(';').length} directives, scripts by hash only); prerendered grid (28 cells) and explanation; the loader; ${steps} story grids`);
