// A shared link's first frames on the phone profile (slow 4G, 4x CPU), frame by frame: the page
// as served shows the default view, so a link to another view is marked pending before the
// first paint and shows nothing but its own answers; embeds paint as embeds from the first frame.
// Run: node --test e2e/loading.test.mjs (after the release build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './site.mjs';
import { phonePage, ownAnswer, frames } from './phone.mjs';

let url, browser;

useSite((site) => ({ url, browser } = site), { gzip: true });

/** Waits until the page has finished what it does after taking over (the open panel). */
async function settled(page) {
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0 && !document.documentElement.hasAttribute('data-pending'));
  for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

for (const [what, query, own] of [
  ['a date', '?date=2025-01-20&cell=training.coreweave', { cell: 'training-coreweave', verdict: 'blocked', date: '2025-01-20' }],
  ['a date and a what-if', '?date=2025-03-15&cell=training.coreweave&microsoft_declines=false', { cell: 'training-coreweave', verdict: 'blocked', date: '2025-03-15' }],
]) {
  test(`a link with ${what} shows only its own answers, from the first frame (phone profile)`, async () => {
    const page = await phonePage(browser);
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url + query, { waitUntil: 'commit' });
    const { t } = await ownAnswer(page, own);
    await settled(page);
    const all = await frames(page);
    const last = all.at(-1);
    assert.equal(last.verdicts[own.cell], own.verdict);
    // Before its answers, the page said which view was loading.
    const pending = all.filter((f) => f.pending);
    assert.ok(pending.length > 0 && pending[0].t <= all[0].t, 'the first frame is pending');
    assert.ok(pending.every((f) => f.label.includes(own.date)), pending[0]?.label);
    // … in reader words: the cell by its names, a what-if by its label, no wire names.
    assert.match(pending[0].label, /Research & training on CoreWeave/);
    assert.doesNotMatch(pending[0].label, /[a-z]+_[a-z0-9_]+=|training\.|coreweave/);
    if (query.includes('microsoft_declines')) assert.match(pending[0].label, /Microsoft/);
    // No frame ever showed another view's verdicts, day or explanation.
    const shown = all.filter((f) => !f.pending);
    const wrong = shown.filter((f) => JSON.stringify(f.verdicts) !== JSON.stringify(last.verdicts) || !f.caption.includes(own.date)
      || (f.why !== null && !f.why.includes(own.date)));
    assert.deepEqual(wrong.map((f) => `${f.t} ms: ${f.caption}`), [], 'frames showing another answer');
    console.log(`${query}: ${pending.length} frames pending ("${pending[0].label}"), own answer from ${t} ms, ${shown.length} frames after`);
    // The pending state is explicit to assistive technology too.
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('aria-busy')), null, 'busy cleared');
    await page.context().close();
    assert.deepEqual(problems, []);
  });
}

test('the default view paints its served answers at once and is never pending', async () => {
  const page = await phonePage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  await settled(page);
  const all = await frames(page);
  assert.ok(all.length > 0);
  assert.deepEqual(all.filter((f) => f.pending), [], 'no pending frame');
  assert.ok(all.every((f) => JSON.stringify(f.verdicts) === JSON.stringify(all.at(-1).verdicts)), 'the served verdicts stand');
  assert.ok(all[0].caption.includes('2025-03-15'));
  await page.context().close();
});

test('an embed paints as an embed from its first frame: no header or footer, no height jump', async () => {
  for (const query of ['?embed=1', '?embed=1&date=2025-03-15&cell=training.coreweave']) {
    const page = await phonePage(browser, { viewport: { width: 800, height: 600 } });
    await page.addInitScript(() => {
      window.__chrome = [];
      const tick = () => {
        const header = document.querySelector('#app > header'), footer = document.querySelector('#app > footer');
        if (header && document.querySelector('[data-testid=grid]')) {
          window.__chrome.push({
            header: header.getBoundingClientRect().height, footer: footer ? footer.getBoundingClientRect().height : 0,
            tabs: document.querySelector('[role=tablist]')?.getBoundingClientRect().height ?? 0,
            top: document.querySelector('[data-testid=grid]').getBoundingClientRect().top,
          });
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(url + query, { waitUntil: 'commit' });
    await settled(page);
    const seen = await page.evaluate(() => window.__chrome);
    assert.ok(seen.length > 0, 'frames recorded');
    assert.deepEqual(seen.filter((f) => f.header || f.footer || f.tabs), [], `${query}: a frame showed the page's chrome`);
    const tops = [...new Set(seen.map((f) => Math.round(f.top)))];
    assert.equal(tops.length, 1, `${query}: the grid moved: ${tops.join(', ')} px from the top`);
    await page.context().close();
  }
});
