// End-to-end: a reader's own what-if on the release build (dist/) — built on the page, shared
// by URL, reopened, compared with a preset, cited, drawn as a picture; a malformed edit in a
// link; the JS API's clauses/add; axe light and dark on the open panel.
// Run: node --test e2e/whatif.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useSite, open as openPage, frames, done } from './site.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let url, browser;

useSite((site) => ({ url, browser } = site));
const open = (query, options) => openPage(browser, url, query, options);

const verdict = (page, cell) => page.getAttribute(`[data-testid=cell-${cell}]`, 'data-verdict');
const search = (page) => page.evaluate(() => location.search);

test('a reader builds a what-if on the page, shares it, reopens it, compares it with a preset, cites it and draws it', async () => {
  const page = await open('?date=2026-05-01&cell=api.aws');
  assert.equal(await verdict(page, 'api-aws'), 'allowed');
  await page.click('[data-testid=whatif] > summary');
  // Its dates are ISO text, as every date on the page (not the browser's own date format).
  for (const field of ['from', 'until']) {
    const input = `[data-testid=whatif-azure-first-${field}]`;
    assert.equal(await page.getAttribute(input, 'type'), 'text');
    assert.equal(await page.getAttribute(input, 'placeholder'), 'YYYY-MM-DD');
  }
  assert.equal(await page.inputValue('[data-testid=whatif-azure-first-from]'), '2026-04-27');
  // Switch the amendment's clause off, and end the first refusal in March 2025.
  await page.uncheck('[data-testid=whatif-azure-first-on]');
  await frames(page);
  assert.equal(await verdict(page, 'api-aws'), 'blocked');
  await page.fill('[data-testid=whatif-rofr-new-capacity-until]', '2025-03-01');
  await page.dispatchEvent('[data-testid=whatif-rofr-new-capacity-until]', 'change');
  // Add: Microsoft's first refusal on the API too.
  await page.selectOption('[data-testid=whatif-add-effect]', 'rofr');
  await page.fill('[data-testid=whatif-add-from]', '2025-01-21');
  await page.fill('[data-testid=whatif-add-title]', 'First refusal on the API too');
  for (const w of ['training', 'products', 'api-natsec']) await page.uncheck(`[data-testid=whatif-add-w-${w}]`);
  await page.check('[data-testid=whatif-add-sup-api-azure-exclusive]');
  await page.click('[data-testid=whatif-add]');
  await frames(page);
  assert.match(await page.textContent('[data-testid=whatif-status]'), /^Added/);
  assert.match(await page.textContent('[data-testid=whatif-added]'), /First refusal on the API too — your clause — in no source/);
  await page.waitForFunction(() => location.search.includes('&add='));
  const shared = await search(page);
  assert.match(shared, /&c\.rofr-new-capacity=until:2025-03-01&c\.azure-first=off&add=rofr,from:2025-01-21,w:api,p:all,sup:api-azure-exclusive,t:First%20refusal%20on%20the%20API%20too/);
  // Reopen the shared link: the same what-if, the same answers, the panel open.
  const again = await open(shared);
  assert.equal(await again.getAttribute('[data-testid=whatif]', 'open'), '');
  assert.equal(await verdict(again, 'api-aws'), 'blocked');
  assert.equal(await again.isChecked('[data-testid=whatif-azure-first-on]'), false);
  assert.equal(await again.inputValue('[data-testid=whatif-rofr-new-capacity-until]'), '2025-03-01');
  assert.equal(await search(again), shared, 'the link round-trips exactly');
  await setDay(again, '2025-03-15');
  assert.equal(await verdict(again, 'api-coreweave'), 'conditional', 'the added first refusal decides');
  // Compare with a preset: B = "No 2026 amendment"; the difference on the API is none (off ≡ the key).
  await again.selectOption('[data-testid=compare-with]', 'amendment_2026_04=false');
  // The URL is written once the state has been still for a moment (sync_url).
  await again.waitForFunction(() => location.search.includes('vs.amendment_2026_04=false'));
  // Cite: the text says the what-if has edits and the added clause is in no source.
  await again.click('[data-testid=cell-api-coreweave]');
  await frames(again);
  const why = await again.textContent('[data-testid=explanation]');
  assert.match(why, /First refusal on the API too — your clause — in no source/);
  const citation = await again.evaluate(() => window.dealscope.cite({ date: '2025-03-15', workload: 'api', provider: 'coreweave', scenario: { add: [{ effect: 'rofr', from: '2025-01-21', workloads: ['api'], providers: ['all'], supersedes: ['api-azure-exclusive'] }] } }));
  assert.match(citation, /contains the reader's own clause edits/);
  assert.match(citation, /\(your clause — in no source\)/);
  // Its picture says so too.
  const [file] = await Promise.all([again.waitForEvent('download'), again.click('[data-testid=picture-grid-svg]')]);
  const svg = await readFile(await file.path(), 'utf8');
  assert.match(svg, /own clause edits: not what the sources say/);
  await done(page);
  await done(again);
});

async function setDay(page, day) {
  await page.fill('[data-testid=date-input]', day);
  await page.dispatchEvent('[data-testid=date-input]', 'change');
  await frames(page);
}

test('a malformed or outdated edit in a link is ignored with a notice naming it', async () => {
  const page = await open('?date=2026-05-01&c.no-such-clause=off&c.azure-first=until:2020-01-01&add=sometimes&c.compute-free=off');
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /c\.no-such-clause=off: clauses: unknown clause "no-such-clause"; accepted: azure-preferred/);
  assert.match(notice, /clauses\.azure-first: until 2020-01-01 is before from 2026-04-27/);
  assert.match(notice, /add: effect: unknown effect "sometimes"; accepted: azure-only, allowed, rofr/);
  assert.equal(await page.isChecked('[data-testid=whatif-compute-free-on]'), false, 'the good edit stands');
  assert.equal(await page.isChecked('[data-testid=whatif-azure-first-on]'), true);
  await done(page);
});

test('the JS API takes clauses and add, marks answers, and throws naming the field', async () => {
  const page = await open('?date=2026-05-01');
  const r = await page.evaluate(() => {
    const ds = window.dealscope;
    const a = ds.verdict({ date: '2025-02-01', workload: 'training', provider: 'google', scenario: { clauses: { 'rofr-new-capacity': { until: '2025-03-01' } } } });
    const b = ds.verdict({ date: '2026-05-01', workload: 'api', provider: 'aws', scenario: { amendment_2026_04: true, clauses: { 'compute-free': 'off' }, add: [{ effect: 'azure-only', from: '2026-04-27', until: null, workloads: ['api'], providers: ['all'], title: 'API stays on Azure', supersedes: ['azure-first'] }] } });
    const off = ds.diff({ clauses: { 'azure-first': 'off' } }, { amendment_2026_04: false });
    const grid = ds.matrix('2026-05-01', { clauses: { 'azure-first': 'off' } });
    const bands = ds.timeline('api', 'aws', { clauses: { 'azure-first': { from: '2026-06-01' } } });
    const err = (s) => { try { ds.verdict({ date: '2026-05-01', workload: 'api', provider: 'aws', scenario: s }); return null; } catch (e) { return e.message; } };
    return { a, b, off, grid: grid.filter((c) => c.verdict === 'blocked').length, bands: bands.map((x) => x.from),
      errors: [err({ clauses: { 'no-such-clause': 'off' } }), err({ add: [{ effect: 'azure-only', from: '2026-04-27', until: '2020-01-01' }] }), err({ add: [{ effect: 'sometimes' }] }), err({ clauses: { 'azure-first': { providers: [] } } })] };
  });
  assert.equal(r.a.clauses[0].edited, true);
  assert.deepEqual(r.a.clauses[0].changes, ['until 2025-03-01 in this what-if; the sources say open-ended']);
  assert.ok(r.a.clauses[0].sources.length > 0);
  assert.equal(r.b.verdict, 'blocked');
  assert.equal(r.b.clauses[0].hypothetical, true);
  assert.equal(r.b.clauses[0].title, 'API stays on Azure');
  assert.deepEqual(r.b.clauses[0].sources, []);
  assert.equal(r.b.scenario_edited, true);
  assert.deepEqual(r.off, [], 'azure-first off is the amendment not happening');
  assert.ok(r.grid > 0);
  assert.ok(r.bands.includes('2026-06-01'), 'an edited date is a breakpoint');
  assert.match(r.errors[0], /^clauses: unknown clause "no-such-clause"; accepted: /);
  assert.equal(r.errors[1], 'add[0]: until 2020-01-01 is before from 2026-04-27');
  assert.equal(r.errors[2], 'add[0]: effect: unknown effect "sometimes"; accepted: azure-only, allowed, rofr');
  assert.match(r.errors[3], /^clauses\.azure-first: providers: empty; accepted: azure, /);
  await done(page);
});

test('accessibility: axe finds nothing in the open what-if panel, light or dark, at 390 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open('?date=2026-05-01&c.azure-first=off&add=allowed,w:api,p:aws,t:Mine', { colorScheme, viewport: { width: 390, height: 900 } });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(violations, [], colorScheme);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scroll at 390 px (${overflow} px)`);
    await done(page);
  }
});
