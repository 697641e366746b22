// node e2e/screenshot.mjs [query] [selector] [name] — screenshots of the built site at phone
// and desktop width, light and dark, into e2e/out/[name-]phone-light.png … (for looking at the
// page the way a reader does); with a selector, that element is scrolled to the top first.
// NOJS=1: with JavaScript off (the page as served). PENDING=1: while the wasm is still on its
// way (its request held), e.g. a shared link's loading state.
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
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, javaScriptEnabled: process.env.NOJS !== '1' });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    if (process.env.PENDING === '1') await page.route('**/*.wasm', () => {});
    await page.goto(url + query);
    // The grid is in the served HTML; wait until the wasm has taken it over and patched it.
    if (process.env.NOJS !== '1' && process.env.PENDING !== '1') {
      await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
    }
    if (selector) await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start', behavior: 'instant' }), selector);
    if (process.env.NOJS === '1') await page.waitForTimeout(100);
    else await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const file = `${out}${name ? `${name}-` : ''}${size}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
    await context.close();
  }
}
await browser.close();
server.close();
