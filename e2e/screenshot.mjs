// node e2e/screenshot.mjs [query] — screenshots of the built site at phone and desktop width,
// light and dark, into e2e/out/ (for looking at the page the way a reader does).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('./out/', import.meta.url));
await mkdir(out, { recursive: true });
const query = process.argv[2] ?? '';
const { server, url } = await serve(dist);
const browser = await launch();
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    await page.goto(url + query);
    // The grid is in the served HTML; wait until the wasm has taken it over and patched it.
    await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const file = `${out}${name}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
server.close();
