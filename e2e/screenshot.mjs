// node e2e/screenshot.mjs [query] [selector] [name] — screenshots of the built site at phone
// and desktop width, light and dark, into e2e/out/[name-]phone-light.png … (for looking at the
// page the way a reader does); with a selector, that element is scrolled to the top first.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('./out/', import.meta.url));
await mkdir(out, { recursive: true });
const [query = '', selector, name = ''] = process.argv.slice(2);
const { server, url } = await serve(dist);
const browser = await launch();
for (const [size, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    await page.goto(url + query);
    // The grid is in the served HTML; wait until the wasm has taken it over and patched it.
    await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
    if (selector) await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start', behavior: 'instant' }), selector);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const file = `${out}${name ? `${name}-` : ''}${size}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
server.close();
