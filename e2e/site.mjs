// The built site (dist/) served on 127.0.0.1 and a headless Chromium, for one test file:
// started before its tests, closed after them; `ready` is told { url, browser }.
import { before, after } from 'node:test';
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
