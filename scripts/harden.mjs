// node scripts/harden.mjs dist — adds a strict Content-Security-Policy to the built page
// (run by Trunk's post_build hook, scripts/post-build.sh, on the staging folder).
// Trunk inlines a small module loader; its SHA-256 goes into script-src, so no
// 'unsafe-inline' is needed for scripts. 'wasm-unsafe-eval' allows compiling the wasm.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const file = join(process.argv[2] ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter(([tag]) => !/\bsrc=/.test(tag.slice(0, tag.indexOf('>'))))
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (hashes.length === 0) throw new Error(`${file}: no inline loader script found; did Trunk change its output?`);
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
// Right after the charset (before any script or stylesheet). Trunk's minifier drops the
// optional <head> tag, so it cannot be the anchor; a page with neither fails the build.
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const anchor = html.match(/<meta charset=[^>]*>/i) ?? html.match(/<head[^>]*>/i);
if (!anchor) throw new Error(`${file}: no <meta charset> or <head> to put the CSP after`);
html = html.replace(anchor[0], `${anchor[0]}${meta}`);
writeFileSync(file, html);
console.log(`CSP added to ${file}: ${policy}`);
