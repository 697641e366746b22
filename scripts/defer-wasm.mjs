// node scripts/defer-wasm.mjs <dir> — run by the post_build hook after prerendering: the page
// is already in the HTML, so the WebAssembly should not compete with its first paint. Trunk's
// loader imports the glue at once and preloads the wasm; this makes it wait for the first
// contentful paint, then import and instantiate (the page paints, then becomes interactive).
// Fails loudly if Trunk's loader no longer looks as expected.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.argv[2] ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');
const loader = /import init, \* as bindings from '([^']+\.js)';/;
const glue = html.match(loader)?.[1];
if (!glue) throw new Error(`${file}: Trunk's loader (import init, * as bindings from '…js') not found`);
// Wait for the first contentful paint (Paint Timing), or for one frame where it is not
// reported, then fetch the glue and the wasm.
// A page that is never painted (a hidden tab, an embed scrolled away) starts after 3 s anyway.
const afterPaint = `await new Promise((go) => {
  const later = () => setTimeout(go);
  setTimeout(go, 3000);
  if (!(PerformanceObserver.supportedEntryTypes || []).includes('paint')) return requestAnimationFrame(later);
  new PerformanceObserver((list, seen) => {
    if (list.getEntriesByName('first-contentful-paint').length) { seen.disconnect(); requestAnimationFrame(later); }
  }).observe({ type: 'paint', buffered: true });
});`;
html = html.replace(loader, `${afterPaint}\nconst bindings = await import('${glue}');\nconst init = bindings.default;`);
// The preloads would fetch the glue and the wasm before the first paint.
const before = html.length;
html = html.replace(/<link\b[^>]*\brel=(?:"?modulepreload"?|"?preload"?)[^>]*>/g, (tag) =>
  /\.(js|wasm)\b/.test(tag) ? '' : tag);
if (html.length === before) throw new Error(`${file}: no preload of the glue or the wasm to remove`);
writeFileSync(file, html);
console.log(`${file}: the wasm loads after the first paint`);
