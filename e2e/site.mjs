// The built site (dist/) served on 127.0.0.1 and a headless Chromium, for one test file:
// started before its tests, closed after them; `ready` is told { url, browser }.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export function useSite(ready, options = {}) {
  let server, browser;
  before(async () => {
    let url;
    ({ server, url } = await serve(dist, 0, options));
    browser = await launch();
    ready({ url, browser });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/** Lets the effects run and the open panel refill (right after a paint): two frames. */
export const frames = async (page) => {
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
};

/** A page of the site at `query`, taken over by the wasm, whose page errors (a wasm panic)
 * and console errors are kept in `page.problems` for `done`. */
export async function open(browser, url, query = '', options = {}) {
  const page = await browser.newPage(options);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(url + query);
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  await frames(page);
  page.problems = problems;
  return page;
}

/** Closes a page from `open`; fails if it had page or console errors. */
export async function done(page) {
  await page.close();
  assert.deepEqual(page.problems, [], 'no page errors or console errors');
}
