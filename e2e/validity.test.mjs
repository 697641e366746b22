// Valid HTML: the W3C Nu HTML Checker (npm vnu-jar, on Debian's Java) finds no error in the
// page as served, nor in the page after the wasm has taken it over — with each panel open, a
// comparison of two what-ifs, a story step and a notice (the DOM serialised as a document).
// Run after a release build: node --test e2e/validity.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { useSite, dist } from './site.mjs';

const jar = String(createRequire(import.meta.url)('vnu-jar'));
let url, browser;

useSite((site) => ({ url, browser } = site));

/** The checker's messages for these files (one Java start for all of them). */
function vnu(files) {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', jar, '--format', 'json', '--stdout', ...files], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout).messages);
      } catch {
        reject(new Error(`the Nu HTML Checker did not answer (is Java installed?): ${error?.message ?? ''} ${stderr}`));
      }
    });
  });
}

const STATES = {
  'why': '?date=2025-03-15&cell=training.coreweave',
  'overview': '?date=2025-03-15&microsoft_declines=true&panel=overview',
  'diff': '?date=2026-06-01&amendment_2026_04=false&panel=diff',
  'dataset': '?date=2025-03-15&panel=dataset',
  'comparison': '?date=2026-06-01&microsoft_declines=true&amendment_2026_04=false&vs.microsoft_declines=true&vs.agi_verified=true&panel=diff',
  'story-step': '?date=2025-03-15&cell=training.coreweave#step-4',
  'notice': '?date=2099-13-45&cell=gpu.mars',
  'embed': '?embed=1&date=2025-03-15',
};

test('the Nu HTML Checker finds no errors, as served and after takeover in every panel and a comparison', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dealscope-vnu-'));
  const files = { 'as-served': join(dist, 'index.html') };
  for (const [name, query] of Object.entries(STATES)) {
    const page = await browser.newPage();
    await page.goto(url + query);
    await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
    files[name] = join(dir, `${name}.html`);
    await writeFile(files[name], html);
    await page.close();
  }
  const messages = await vnu(Object.values(files));
  const byFile = Object.fromEntries(Object.keys(files).map((k) => [k, []]));
  for (const m of messages.filter((m) => m.type === 'error' || m.type === 'non-document-error')) {
    const name = Object.keys(files).find((k) => m.url?.endsWith(files[k].split('/').pop())) ?? m.url;
    (byFile[name] ??= []).push(`${m.lastLine}:${m.firstColumn ?? ''} ${m.message} «${(m.extract ?? '').slice(0, 80)}»`);
  }
  const count = Object.values(byFile).reduce((n, xs) => n + xs.length, 0);
  console.log(`Nu HTML Checker: ${count} errors in ${Object.keys(files).length} documents (${Object.keys(files).join(', ')})`);
  assert.deepEqual(byFile, Object.fromEntries(Object.keys(files).map((k) => [k, []])));
  assert.ok((await readFile(files['as-served'], 'utf8')).includes('data-testid="grid"'), 'the served page is the prerendered one');
});
