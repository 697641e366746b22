// node e2e/pictures.mjs [query] — downloads every picture (grid, over time, difference; SVG and
// PNG) of the built site for a view into e2e/out/, to look at them as an article's reader would.
import { mkdir, copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('./out/', import.meta.url));
await mkdir(out, { recursive: true });
const query = process.argv[2] ?? '?date=2026-06-01&microsoft_declines=true&amendment_2026_04=false&vs.microsoft_declines=true';
const { server, url } = await serve(dist);
const browser = await launch();
const page = await browser.newPage();
await page.goto(url + query);
await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
for (const what of ['grid', 'overview', 'diff']) {
  for (const format of ['svg', 'png']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=picture-${what}-${format}]`)]);
    const path = `${out}picture-${what}.${format}`;
    await copyFile(await file.path(), path);
    console.log(path);
  }
}
await browser.close();
server.close();
