// End-to-end journeys of the release build (dist/) in headless Chromium via playwright-core.
// Run: node --test e2e/   (scripts/test.sh builds dist/ first)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useSite, dist } from './site.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let url, browser;

useSite((site) => ({ url, browser } = site));

/** A page that fails the test on any page error (a wasm panic), console error or CSP violation. */
async function open(query = '', options = {}) {
  const page = await browser.newPage(options);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url + query);
  await settled(page);
  page.problems = problems;
  return page;
}

/**
 * Waits until the wasm has taken the served page over and patched it to the link: the grid is
 * in the HTML before that (prerendered), so its presence proves nothing. The views' effects
 * run right after mount, and the open panel is refilled after the next paint.
 */
async function settled(page) {
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
}

async function done(page) {
  const csp = await page.evaluate(() => window.__cspViolations);
  await page.close();
  assert.deepEqual(page.problems, [], 'no page errors or console errors');
  assert.deepEqual(csp, [], 'no CSP violations');
}

const verdict = (page, cell) => page.getAttribute(`[data-testid=cell-${cell}]`, 'data-verdict');

async function setDate(page, day) {
  await page.fill('[data-testid=date-input]', day);
  await page.dispatchEvent('[data-testid=date-input]', 'change');
}

test('the page opens on the landing: 2025-03-15, CoreWeave training waiting on Microsoft\'s answer; the data\'s day is one click away', async () => {
  const page = await open();
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-03-15');
  assert.match(await page.textContent('[data-testid=data-as-of]'), /Data as of 2026-12-07/);
  assert.match(await page.textContent('[data-testid=meaning]'), /allowed means OpenAI may run it there — not that it does/);
  assert.equal(await page.getAttribute('[data-testid=cell-training-coreweave]', 'aria-pressed'), 'true');
  assert.equal(await verdict(page, 'training-coreweave'), 'conditional');
  await page.click('[data-testid=declines-true]');
  await page.waitForFunction(() => document.querySelector('[data-testid=cell-training-coreweave]').dataset.verdict === 'allowed');
  assert.match(await page.textContent('[data-testid=cell-training-coreweave]'), /✓\s*allowed/);
  await page.waitForURL(/microsoft_declines=true/);
  await page.click('[data-testid=latest-day]');
  await page.waitForFunction(() => document.querySelector('[data-testid=date-input]').value === '2026-12-07');
  await done(page);
});

test('the 2025-10-28 change frees compute but not the API', async () => {
  const page = await open('?date=2025-10-27');
  assert.equal(await verdict(page, 'training-aws'), 'conditional');
  assert.equal(await verdict(page, 'api-aws'), 'blocked');
  assert.equal(await verdict(page, 'api-natsec-aws'), 'blocked');
  await page.click('[data-testid=next-change-button]');
  await page.waitForFunction(() => document.querySelector('[data-testid=date-input]').value === '2025-10-28');
  assert.equal(await verdict(page, 'training-aws'), 'allowed');
  assert.equal(await verdict(page, 'api-aws'), 'blocked');
  assert.equal(await verdict(page, 'api-natsec-aws'), 'allowed');
  await done(page);
});

test('a shared URL reproduces the view', async () => {
  const page = await open('?date=2026-06-01');
  await page.selectOption('[data-testid=select-amendment_2026_04]', 'false');
  await page.click('[data-testid=cell-api-aws]');
  await page.click('[data-testid=tab-diff]');
  await page.waitForURL(/panel=diff/);
  const shared = page.url();
  assert.match(shared, /amendment_2026_04=false/);
  assert.match(shared, /cell=api\.aws/);
  assert.match(shared, /panel=diff/);
  const again = await open(shared.slice(url.length));
  assert.equal(await verdict(again, 'api-aws'), 'blocked');
  assert.equal(await again.inputValue('[data-testid=date-input]'), '2026-06-01');
  assert.equal(await again.getAttribute('[data-testid=tab-diff]', 'aria-selected'), 'true');
  assert.equal(await again.getAttribute('[data-testid=cell-api-aws]', 'aria-pressed'), 'true');
  await done(again);
  await done(page);
});

test('back and forward step through the cells and panels a reader opened', async () => {
  const page = await open('?date=2025-03-15&cell=training.coreweave');
  await page.waitForURL(/v=/);
  await page.click('[data-testid=cell-api-aws]');
  await page.waitForURL(/cell=api\.aws/);
  await page.click('[data-testid=tab-dataset]');
  await page.waitForURL(/panel=dataset/);
  // Moving the day rewrites the current entry rather than adding one.
  await page.fill('[data-testid=date-input]', '2025-10-28');
  await page.waitForURL(/date=2025-10-28/);
  const pressed = (cell) => page.getAttribute(`[data-testid=cell-${cell}]`, 'aria-pressed');
  const selected = (tab) => page.getAttribute(`[data-testid=tab-${tab}]`, 'aria-selected');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid=tab-why]').getAttribute('aria-selected') === 'true');
  assert.equal(await pressed('api-aws'), 'true');
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-03-15');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid=cell-training-coreweave]').getAttribute('aria-pressed') === 'true');
  assert.equal(await pressed('api-aws'), 'false');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('[data-testid=cell-api-aws]').getAttribute('aria-pressed') === 'true');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('[data-testid=tab-dataset]').getAttribute('aria-selected') === 'true');
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-10-28');
  assert.equal(await selected('why'), 'false');
  await done(page);
});

test('a malformed URL opens the default view with a notice, never a blank page', async () => {
  const page = await open('?date=2099-13-45&cell=gpu.mars&agi_verified=perhaps&panel=%ZZ&evil=<script>');
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /date=2099-13-45/);
  assert.match(notice, /unknown workload "gpu"/);
  assert.match(notice, /agi_verified/);
  assert.match(notice, /evil/);
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-03-15', 'no usable date: the landing\'s');
  assert.equal(await page.locator('[data-testid^=cell-]').count(), 28);
  assert.match(notice, /<script>/, 'the link\'s markup is shown as text');
  assert.equal(await page.locator('.app script').count(), 0, 'and never inserted');
  await page.click('[data-testid=notice] button');
  assert.equal(await page.locator('[data-testid=notice]').count(), 0, 'dismissed');
  await done(page);
});

test('window.dealscope answers, explains and rejects bad input clearly', async () => {
  const page = await open();
  const r = await page.evaluate(() => window.dealscope.verdict({
    date: '2025-03-15', workload: 'training', provider: 'coreweave', scenario: { microsoft_declines: true } }));
  assert.equal(r.verdict, 'allowed');
  assert.deepEqual(r.clauses.map((c) => c.id), ['rofr-new-capacity']);
  assert.ok(r.clauses[0].sources.length > 0 && r.clauses[0].sources[0].id && r.clauses[0].sources[0].title);
  assert.deepEqual(r.conditions, []);
  assert.equal(r.next_change, '2025-10-28');

  const open_ = await page.evaluate(() => window.dealscope.verdict({ date: '2025-03-15', workload: 'training', provider: 'coreweave' }));
  assert.equal(open_.verdict, 'conditional');
  assert.equal(open_.conditions.length, 1);

  const none = await page.evaluate(() => window.dealscope.verdict({ date: '2030-01-01', workload: 'training', provider: 'aws' }));
  assert.equal(none.next_change, null);

  const m = await page.evaluate(() => window.dealscope.matrix('2025-11-10', { agi_verified: true }));
  assert.equal(m.length, 28);
  assert.equal(m.find((c) => c.workload === 'api' && c.provider === 'aws').verdict, 'allowed');
  assert.equal(typeof await page.evaluate(() => window.dealscope.version), 'string');
  assert.equal(await page.evaluate(() => window.dealscope.data_as_of), '2026-12-07');
  const spans = await page.evaluate(() => window.dealscope.diff({ microsoft_declines: true, amendment_2026_04: false }, { microsoft_declines: true }));
  const api = spans.find((s) => s.workload === 'api' && s.provider === 'aws');
  assert.deepEqual([api.from, api.to, api.a, api.b, api.causes_text], ['2026-04-27', null, 'blocked', 'allowed', '2026-04-27 amendment happened: no']);
  const citation = await page.evaluate(() => window.dealscope.cite({ date: '2025-03-15', workload: 'training', provider: 'coreweave', scenario: { microsoft_declines: true } }));
  assert.match(citation, /^dealscope: may OpenAI run Research & training on CoreWeave on 2025-03-15 \(Microsoft’s answer to new capacity: declined\)\? Allowed\./);
  assert.match(citation, /Data as of 2026-12-07 \(no change to the terms found July–December 2026; dealscope [0-9.]+\)\. http:\/\/127\.0\.0\.1:\d+\/\?date=2025-03-15&microsoft_declines=true&cell=training\.coreweave&v=/);
  assert.match(await page.evaluate(() => window.dealscope.latest_event), /^2026-07/);
  assert.equal(r.data_as_of, '2026-12-07');
  assert.equal(r.projection, false);
  assert.equal(r.confirmed, true, 'the scenario settles the condition; the clause is primary');
  const recorded = await page.evaluate(() => window.dealscope.verdict({ date: '2025-04-01', workload: 'training', provider: 'coreweave' }));
  assert.equal(recorded.verdict, 'allowed');
  assert.equal(recorded.confirmed, false, 'Microsoft declining rests on the Semafor report');
  assert.match(recorded.clauses[0].condition, /reported, not confirmed by the companies/);

  // A number is read as JSON writes it: 2032 is the value "2032".
  const until2032 = await page.evaluate(() => window.dealscope.verdict({
    date: '2026-06-01', workload: 'api', provider: 'aws', scenario: { api_exclusive_until: 2032, amendment_2026_04: false } }));
  assert.equal(until2032.verdict, 'blocked');

  const errors = await page.evaluate(() => [
    () => window.dealscope.verdict({ date: '2025-3-15', workload: 'training', provider: 'aws' }),
    () => window.dealscope.verdict({ date: '2025-03-15', workload: 'gpu', provider: 'aws' }),
    () => window.dealscope.verdict({ date: '2025-03-15', workload: 'training', provider: 'ibm' }),
    () => window.dealscope.verdict({ date: '2025-03-15', workload: 'training', provider: 'aws', scenario: { agi_verified: 'maybe' } }),
    () => window.dealscope.verdict({ date: '2025-03-15', workload: 'training', provider: 'aws', scenario: { agi: true } }),
    () => window.dealscope.verdict({ workload: 'training', provider: 'aws' }),
    () => window.dealscope.matrix('1999-01-01'),
    () => window.dealscope.matrix('2025-03-15', { api_exclusive_until: 2031.5 }),
  ].map((f) => { try { f(); return 'no error'; } catch (e) { return `${e instanceof Error}:${e.message}`; } }));
  assert.match(errors[0], /^true:date: .*YYYY-MM-DD/);
  assert.match(errors[1], /^true:workload: unknown workload "gpu"; accepted: training, products, api, api-natsec/);
  assert.match(errors[2], /^true:provider: unknown provider "ibm"; accepted: azure, coreweave/);
  assert.match(errors[3], /^true:scenario\.agi_verified: maybe is not accepted; accepted: false, true/);
  assert.match(errors[4], /^true:unknown scenario key "agi"; accepted: .*frontier_on_aws/);
  assert.match(errors[5], /^true:date: missing/);
  assert.match(errors[6], /^true:date: .*outside the explorer's range/);
  assert.match(errors[7], /^true:scenario\.api_exclusive_until: 2031\.5 is not accepted; accepted: agi, 2032/);
  await done(page);
});

test('works offline after load: no network request while a reader explores', async () => {
  const page = await open('?date=2025-03-15');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.click('[data-testid=declines-true]');
  await page.click('[data-testid=cell-api-aws]');
  await page.click('[data-testid=tab-dataset]');
  await page.click('[data-testid=tab-diff]');
  await setDate(page, '2026-05-01');
  await page.keyboard.press('Tab');
  assert.deepEqual(requests, []);
  await done(page);
});

test('accessibility: axe-core finds no violations in any panel, a comparison or a story step, light or dark', async () => {
  const queries = [
    ...['why', 'diff', 'dataset', 'overview'].map((panel) => `?date=2025-03-15&microsoft_declines=true&panel=${panel}`),
    // Two what-ifs compared (B no preset: its own entry in the list), in the diff and over time.
    '?date=2026-06-01&microsoft_declines=true&vs.microsoft_declines=true&vs.amendment_2026_04=false&panel=diff',
    '?date=2026-06-01&agi_verified=true&vs.amendment_2026_04=false&panel=overview',
    // A story step (the story is shown while its step is the URL's target).
    '?date=2025-03-15&cell=training.coreweave#step-3',
  ];
  for (const colorScheme of ['light', 'dark']) {
    for (const query of queries) {
      const page = await open(query, { colorScheme });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } } }));
      const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(violations, [], `${query}, ${colorScheme}`);
      await done(page);
    }
  }
});

test('keyboard: a reader can reach a cell, select it and read why', async () => {
  const page = await open('?date=2025-03-15&cell=none');
  await page.focus('[data-testid=cell-training-aws]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=explanation]');
  assert.match(await page.textContent('[data-testid=explanation]'), /Research & training on Amazon Web Services/);
  await page.focus('[data-testid=date-slider]');
  const before = await page.inputValue('[data-testid=date-input]');
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await page.inputValue('[data-testid=date-input]'), before);
  // The events under the slider: a list the keyboard reaches.
  await page.focus('[data-testid=event-jump]');
  await page.selectOption('[data-testid=event-jump]', '2025-10-28');
  await page.waitForFunction(() => document.querySelector('[data-testid=date-input]').value === '2025-10-28');
  await done(page);
});

test('export: the grid as CSV and a cell timeline as JSON, with citations', async () => {
  const page = await open('?date=2025-03-15&microsoft_declines=true&cell=training.coreweave');
  const read = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  };
  const csv = await read('export-grid-csv');
  assert.equal(csv.name, 'dealscope-grid-2025-03-15.csv');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines.length, 29);
  assert.match(lines[0], /^date,workload,provider,verdict,clauses/);
  assert.match(csv.text, /2025-03-15,training,coreweave,allowed,rofr-new-capacity,/);
  assert.match(csv.text, /ms-2025-01-21: Microsoft/);
  const json = await read('export-timeline-json');
  assert.equal(json.name, 'dealscope-timeline-training-coreweave.json');
  const bands = JSON.parse(json.text);
  assert.equal(bands[0].from, '2016-01-01');
  assert.equal(bands.at(-1).to, '2035-12-31');
  assert.ok(bands.every((b) => b.verdict === 'allowed' || b.sources.length > 0));
  const data = await read('export-dataset-json');
  const rows = JSON.parse(data.text);
  assert.ok(rows.some((r) => r.kind === 'conflict-reading' && r.sources.some((s) => s.quote)));
  await done(page);
});

test('a shared link whose answers changed since says which, from what to what, and why', async () => {
  const page = await open('?date=2024-09-01&cell=training.oracle');
  await page.waitForURL(/v=[A-Za-z0-9_-]{10}/);
  const shared = new URL(page.url());
  const v = shared.searchParams.get('v');
  // Unchanged: the same link shows no notice at all.
  const same = await open(shared.search);
  assert.equal(await same.locator('[data-testid=notice]').count(), 0);
  await done(same);
  // What a reader saw when the 2024 Oracle capacity was read as a licence: training on Oracle
  // (row 1, column 3: the third cell, bits 4–5 of the first character) was allowed (0).
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const first = digits.indexOf(v[0]);
  assert.equal((first >> 4) & 3, 1, 'blocked today');
  shared.searchParams.set('v', digits[first & 0b001111] + v.slice(1));
  const old = await open(shared.search);
  const drift = await old.textContent('[data-testid=notice-drift]');
  assert.match(drift, /Research & training on Oracle \(OCI\): allowed when shared, blocked now/);
  assert.match(drift, /counts as Azure/);
  assert.equal(await old.locator('[data-testid=notice-ignored]').count(), 0);
  await old.evaluate(axeSource);
  const result = await old.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } } }));
  assert.deepEqual(result.violations.map((x) => `${x.id} ${x.nodes.map((n) => n.target).join()}`), [], 'the drift notice is accessible');
  await done(old);
  // A garbled marker: the link opens normally, with the usual notice.
  const garbled = await open('?date=2024-09-01&cell=training.oracle&v=%3Cb%3E!!');
  assert.match(await garbled.textContent('[data-testid=notice-ignored]'), /Ignored v=<b>!!: the recorded verdicts must be 10 characters/);
  assert.equal(await garbled.locator('[data-testid=notice-drift]').count(), 0);
  assert.equal(await verdict(garbled, 'training-oracle'), 'blocked');
  await done(garbled);
  await done(page);
});

test('the 2026 additions: Frontier on AWS under both readings, citations with their reliability', async () => {
  const page = await open('?date=2026-03-01&cell=products.aws');
  assert.equal(await verdict(page, 'products-aws'), 'allowed');
  assert.match(await page.textContent('[data-testid=explanation]'), /primary/);
  await page.selectOption('[data-testid=select-frontier_on_aws]', 'blocked');
  await page.waitForFunction(() => document.querySelector('[data-testid=cell-products-aws]').dataset.verdict === 'blocked');
  await page.waitForSelector('[data-testid=reported]');
  assert.match(await page.textContent('[data-testid=reported]'), /reported, not confirmed by the companies/);
  await page.waitForURL(/frontier_on_aws=blocked/);
  // The amendment settles it; AGI is said to change nothing then.
  await setDate(page, '2026-04-27');
  await page.waitForFunction(() => document.querySelector('[data-testid=cell-products-aws]').dataset.verdict === 'allowed');
  assert.equal(await page.isVisible('[data-testid=moot-agi_verified]'), true);
  const api = await page.evaluate(() => window.dealscope.verdict({ date: '2026-06-02', workload: 'api', provider: 'aws', scenario: { agi_verified: true } }));
  assert.equal(api.verdict, 'allowed');
  // Under the amendment neither AGI nor who served the API before it changes the answer.
  assert.ok(api.moot.length === 2 && api.moot.some((m) => /AGI/.test(m)) && api.moot.some((m) => /Google Cloud/.test(m)), api.moot.join());
  assert.ok(api.clauses[0].sources.every((s) => ['primary', 'press', 'secondary'].includes(s.reliability) && typeof s.confirmed === 'boolean'));
  await done(page);
});

test('without JavaScript the served page shows the grid, its 28 verdicts and the explanation', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const verdicts = await page.$$eval('[data-testid^=cell-]', (cells) => cells.map((c) => c.dataset.verdict));
  assert.equal(verdicts.length, 28);
  assert.ok(verdicts.every((v) => ['allowed', 'blocked', 'conditional'].includes(v)), verdicts.join());
  assert.match(await page.textContent('[data-testid=explanation]'), /Research & training on CoreWeave on 2025-03-15/);
  assert.match(await page.textContent('[data-testid=data-as-of]'), /Data as of 2026-12-07/);
  assert.match(await page.textContent('noscript'), /need JavaScript/);
  await context.close();
});

test('the wasm takes over the served page: the same elements, no layout shift, patched to the link', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    // Parsing is done and the module has not run yet: remember the served elements.
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      window.__served = {
        grid: document.querySelector('[data-testid=grid]'),
        cell: document.querySelector('[data-testid=cell-products-aws]'),
        explanation: document.querySelector('[data-testid=explanation]'),
        mounted: performance.getEntriesByName('dealscope-mounted').length,
      };
    });
  });
  // A link whose view differs from the served one (another day, a what-if, another cell).
  await page.goto(url + '?date=2026-03-01&frontier_on_aws=blocked&cell=products.aws');
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  await page.waitForFunction(() => document.querySelector('[data-testid=cell-products-aws]').dataset.verdict === 'blocked');
  const same = await page.evaluate(() => ({
    servedBeforeWasm: window.__served.mounted === 0,
    grid: window.__served.grid === document.querySelector('[data-testid=grid]'),
    cell: window.__served.cell === document.querySelector('[data-testid=cell-products-aws]'),
    apps: document.querySelectorAll('#app').length,
  }));
  assert.deepEqual(same, { servedBeforeWasm: true, grid: true, cell: true, apps: 1 });
  await page.waitForFunction(() => /on 2026-03-01/.test(document.querySelector('[data-testid=explanation]').textContent));
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2026-03-01');
  // Its content below the grid changes (another explanation, the diff strip): it may shift
  // once, but stays within the "good" CLS (0.1); the grid itself does not move.
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift < 0.1, `cumulative layout shift ${shift}`);
  console.log(`takeover of a link that differs from the served view: CLS ${shift.toFixed(4)}`);
  // The default link: the served page is what the reader gets; nothing moves.
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const still = await page.evaluate(() => window.__shift);
  assert.ok(still < 0.01, `cumulative layout shift on the default page ${still}`);
  await page.close();
  assert.deepEqual(problems, []);
});

test('on a 390 px phone the page never scrolls sideways (only the grid does, inside its region)', async () => {
  for (const query of ['', '?date=2026-03-01&frontier_on_aws=blocked&cell=products.aws&panel=dataset', '?panel=overview&amendment_2026_04=false',
    '?date=2026-06-01&microsoft_declines=true&vs.microsoft_declines=true&vs.amendment_2026_04=false&vs.agi_verified=true&panel=diff']) {
    const page = await open(query, { viewport: { width: 390, height: 844 } });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page ${width} px wide at 390 px (${query || 'default'})`);
    await done(page);
  }
});

test('a host page drives an embedded dealscope by postMessage and hears back', async () => {
  const host = await browser.newPage();
  await host.setContent(`<!doctype html><title>host</title>
    <iframe id="ds" src="${url}?embed=1&date=2026-06-01" title="dealscope" width="900" height="700"></iframe>
    <script>
      window.heard = [];
      addEventListener('message', (e) => { if (String(e.data?.type).startsWith('dealscope:')) heard.push(e.data); });
    </script>`);
  const frame = host.frameLocator('#ds');
  await host.waitForFunction(() => heard.some((m) => m.type === 'dealscope:view'));
  await host.evaluate(() => document.getElementById('ds').contentWindow.postMessage(
    { type: 'dealscope:set', date: '2025-03-15', cell: 'training.coreweave', scenario: { microsoft_declines: true } }, '*'));
  await host.waitForFunction(() => heard.some((m) => m.type === 'dealscope:view' && m.date === '2025-03-15' && /microsoft_declines=true/.test(m.scenario)));
  const view = await host.evaluate(() => heard.filter((m) => m.type === 'dealscope:view').at(-1));
  assert.equal(view.cell, 'training.coreweave');
  assert.equal(view.verdicts.length, 28);
  assert.equal(view.verdicts.find((v) => v.cell === 'training.coreweave').verdict, 'allowed');
  assert.equal(await frame.locator('[data-testid=cell-training-coreweave]').getAttribute('data-verdict'), 'allowed');
  // Bad messages are ignored and reported; code is never run.
  await host.evaluate(() => document.getElementById('ds').contentWindow.postMessage(
    { type: 'dealscope:set', scenario: { agi: true }, date: 'alert(1)' }, '*'));
  await host.waitForFunction(() => heard.some((m) => m.type === 'dealscope:error'));
  const error = await host.evaluate(() => heard.find((m) => m.type === 'dealscope:error').message);
  assert.match(error, /^date: "alert\(1\)" is not a date/);
  assert.equal(await frame.locator('[data-testid=date-input]').inputValue(), '2025-03-15');
  await host.close();
});

test('the story: eight steps through the deal, each with its day, cell and sources, a URL per step', async () => {
  const page = await open();
  await page.click('[data-testid=story-start]');
  const seen = [];
  for (let n = 1; n <= 8; n++) {
    await page.waitForURL(new RegExp(`#step-${n}$`));
    await settled(page);
    const step = page.locator(`[data-testid=story-step-${n}]`);
    assert.equal(await step.isVisible(), true, `step ${n} shown`);
    assert.equal(await page.locator('.story-step:visible').count(), 1, 'one step at a time');
    assert.ok((await step.locator('.sources li').count()) > 0, `step ${n} cites sources`);
    seen.push(await page.inputValue('[data-testid=date-input]'));
    if (n < 8) await step.locator('[data-testid=story-next]').click();
  }
  assert.deepEqual(seen, ['2019-07-22', '2024-09-01', '2025-01-21', '2025-03-15', '2025-10-28', '2026-03-01', '2026-04-27', '2026-06-01']);
  assert.equal(await page.getAttribute('[data-testid=cell-api-aws]', 'aria-pressed'), 'true');
  // The step stays the target while the page keeps its URL in step with the view.
  await page.waitForTimeout(300);
  assert.match(page.url(), /#step-8$/);
  await page.evaluate(axeSource);
  const open_ = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }));
  assert.deepEqual(open_.violations.map((x) => `${x.id} ${x.nodes.map((n) => n.target).join()}`), [], 'a story step is accessible');
  // Leaving keeps the view; the story is gone.
  await page.click('[data-testid=story-step-8] [data-testid=story-leave]');
  assert.equal(await page.isVisible('[data-testid=story]'), false);
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2026-06-01');
  await done(page);
});

test('two what-ifs compared: set up on the page, shared by URL, reopened the same', async () => {
  const page = await open('?date=2026-06-01&cell=api.aws');
  // B: "Microsoft declines"; A: that, and no 2026 amendment.
  await page.selectOption('[data-testid=compare-with]', 'microsoft_declines=true');
  await page.selectOption('[data-testid=select-microsoft_declines]', 'true');
  await page.selectOption('[data-testid=select-amendment_2026_04]', 'false');
  await page.click('[data-testid=tab-diff]');
  await page.waitForURL(/amendment_2026_04=false&vs\.microsoft_declines=true.*panel=diff/);
  const shared = page.url();
  assert.match(shared, /microsoft_declines=true&amendment_2026_04=false&vs\.microsoft_declines=true/);
  const read = async (p) => ({
    caption: await p.textContent('#grid-caption'),
    cell: await p.textContent('[data-testid=cell-api-aws]'),
    strip: await p.textContent('[data-testid=diff-strip]'),
    pair: await p.textContent('[data-testid=diff-pair]'),
    diff: await p.textContent('[data-testid=diff-view]'),
    compare: await p.inputValue('[data-testid=compare-with]'),
  });
  const seen = await read(page);
  assert.match(seen.caption, /compared with B \(Microsoft’s answer to new capacity: declined\)/);
  assert.match(seen.cell, /blocked.*\(◆ B: ✓ allowed\)/);
  assert.match(seen.strip, /^◆ Against B \(Microsoft’s answer to new capacity: declined\)/);
  assert.match(seen.diff, /A: ✗ blocked → B: ✓ allowed because of 2026-04-27 amendment happened: no/);
  const again = await open(shared.slice(url.length));
  assert.deepEqual(await read(again), seen, 'the link reproduces both scenarios and what the page says of them');
  assert.equal(await again.isChecked('[data-testid=declines-true]'), true, 'the three-way choice is the same state');
  assert.equal(await again.inputValue('[data-testid=select-amendment_2026_04]'), 'false');
  // Swapped, B is no preset: the list names it in words, and the link carries it.
  await again.click('[data-testid=compare-swap]');
  await again.waitForURL(/vs\.amendment_2026_04=false/);
  assert.equal(await again.textContent('#compare-custom'), 'Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no');
  // B's own entry is chosen (its value keeps B as it is, edits and all).
  assert.equal(await again.inputValue('[data-testid=compare-with]'), await again.getAttribute('#compare-custom', 'value'));
  assert.equal(await again.getAttribute('#compare-custom', 'hidden'), null);
  const third = await open(again.url().slice(url.length));
  assert.match(await third.textContent('[data-testid=cell-api-aws]'), /allowed.*\(◆ B: ✗ blocked\)/);
  assert.equal(await third.inputValue('[data-testid=compare-with]'), await third.getAttribute('#compare-custom', 'value'));
  assert.equal(await third.textContent('#compare-custom'), 'Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no');
  // A broken B in a link: the rest stands, the notice says what was ignored.
  const broken = await open('?date=2026-06-01&vs.amendment_2026_04=maybe&vs.microsoft_declines=true');
  assert.match(await broken.textContent('[data-testid=notice]'), /Ignored vs\.amendment_2026_04=maybe: .*accepted: true, false/);
  assert.equal(await broken.inputValue('[data-testid=compare-with]'), 'microsoft_declines=true');
  for (const p of [page, again, third, broken]) await done(p);
});

/** The width and height in a PNG's header. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('pictures: the grid, the overview and the difference as SVG and PNG, titled and 1200 px wide', async () => {
  const page = await open('?date=2025-03-15&microsoft_declines=true&cell=training.coreweave');
  const download = async (testid) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const svg = await download('picture-grid-svg');
  assert.equal(svg.name, 'dealscope-grid-2025-03-15-microsoft-declines-true.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="(\d+)"/);
  const height = Number(text.match(/height="(\d+)"/)[1]);
  assert.match(text, /<title>Where OpenAI may run each workload on 2025-03-15 — Scenario \(A\): Microsoft’s answer to new capacity: declined\. Compared with as happened\.<\/title>/);
  assert.match(text, />Source: dealscope, from Microsoft/);
  assert.match(text, />Data as of 2026-12-07 \(no change to the terms found July–December 2026\)\. Permalink:</);
  assert.match(await page.textContent('[data-testid=export-status]'), /dealscope-grid-2025-03-15-microsoft-declines-true\.svg downloaded/);
  const png = await download('picture-grid-png');
  assert.equal(png.name, 'dealscope-grid-2025-03-15-microsoft-declines-true.png');
  assert.deepEqual(pngSize(png.bytes), { width: 1200, height }, 'the PNG is the SVG, drawn');
  assert.ok(png.bytes.length > 20000, `a drawn picture, not a blank one: ${png.bytes.length} bytes`);
  await page.waitForFunction(() => /png downloaded \(1200 × \d+ px\)/.test(document.querySelector('[data-testid=export-status]').textContent));
  for (const what of ['overview', 'diff']) {
    const picture = await download(`picture-${what}-png`);
    assert.equal(pngSize(picture.bytes).width, 1200, what);
  }
  // The SVG opens on its own as an image (what an article embeds).
  const view = await browser.newPage();
  await view.setContent(`<img id=p src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}">`);
  await view.waitForFunction(() => document.getElementById('p').complete);
  assert.deepEqual(await view.evaluate(() => [document.getElementById('p').naturalWidth, document.getElementById('p').naturalHeight]), [1200, height]);
  await view.close();
  await done(page);
});
