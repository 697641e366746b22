// The guided story: each step's own grid is in the page as served (true without JavaScript and
// before the wasm), marks what changed since the previous step and offers the what-if its text
// asks for; once the wasm runs, its links move within the page (no request, offline holds).
// Run: node --test e2e/story.test.mjs (after the release build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './site.mjs';

let url, browser;
const DAYS = ['2019-07-22', '2024-09-01', '2025-01-21', '2025-03-15', '2025-10-28', '2026-03-01', '2026-04-27', '2026-06-01'];

useSite((site) => ({ url, browser } = site));

async function settled(page) {
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0 && !document.documentElement.hasAttribute('data-pending'));
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** The step grid's verdict of a cell (`training.coreweave`). */
const stepVerdict = (page, id, cell) => page.$eval(`[data-testid=step-grid-${id}] td[data-cell="${cell}"]`, (td) => td.classList[0]);

test('without JavaScript a story step shows its own grid and what changed, never another day\'s', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await page.click('[data-testid=story-start]');
  for (let n = 1; n <= 8; n++) {
    await page.waitForURL(new RegExp(`#step-${n}$`));
    const step = page.locator(`[data-testid=story-step-${n}]`);
    assert.ok(await step.isVisible(), `step ${n} shown`);
    assert.match(await step.locator('.step-grid caption').textContent(), new RegExp(`The grid on ${DAYS[n - 1]}`));
    assert.equal(await step.locator('.step-grid tbody td').count(), 28);
    // The explorer below would show the served day: hidden under a step.
    assert.equal(await page.isVisible('[data-testid=grid]'), false, `step ${n}: no other day's grid`);
    assert.equal(await page.isVisible('[data-testid=explanation]'), false);
    if (n > 1) assert.match(await step.locator('.step-grid caption').textContent(), new RegExp(`(\\d+ cells? changed|no cell changed) since step ${n - 1}`));
    if (n === 3) {
      // January 2025 opened doors: the cells that changed are marked, with what they were.
      assert.ok(await step.locator('td.changed').count() > 0);
      assert.match(await step.locator('td.changed').first().textContent(), /\(changed: was (allowed|blocked|conditional)\)/);
    }
    if (n === 4) {
      assert.equal(await stepVerdict(page, 4, 'training.coreweave'), 'conditional');
      // "Toggle Microsoft declines": offered in the card, and true without JavaScript too.
      await step.locator('[data-testid=story-try]').click();
      await page.waitForURL(/microsoft_declines=true.*#step-4-try$/);
      assert.equal(await stepVerdict(page, '4-try', 'training.coreweave'), 'allowed');
      assert.match(await page.locator('[data-testid=story-step-4-try] .step-grid caption').textContent(), /changed by “Microsoft’s answer to new capacity: declined”/);
      await page.locator('[data-testid=story-step-4-try] [data-testid=story-untry]').click();
      await page.waitForURL(/#step-4$/);
    }
    if (n < 8) await step.locator('[data-testid=story-next]').click();
  }
  await context.close();
});

test('the story walked by its links with the network cut after load: within the page, no request', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  await settled(page);
  await page.evaluate(() => { window.__same = document.querySelector('[data-testid=grid]'); });
  await context.setOffline(true);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.click('[data-testid=story-start]');
  for (let n = 1; n <= 8; n++) {
    await page.waitForURL(new RegExp(`#step-${n}$`));
    await page.waitForFunction((day) => document.querySelector('[data-testid=date-input]').value === day, DAYS[n - 1]);
    await settled(page);
    assert.ok(await page.isVisible(`[data-testid=story-step-${n}]`), `step ${n} is the target`);
    assert.equal(await page.locator('.story-step:visible').count(), 1);
    // The live grid and the step's own grid agree on the step's cell.
    const cell = await page.getAttribute(`[data-testid=story-step-${n}] td.step-cell`, 'data-cell');
    assert.equal(await page.getAttribute(`[data-testid=cell-${cell.replace('.', '-')}]`, 'data-verdict'), await stepVerdict(page, n, cell));
    assert.equal(await page.getAttribute(`[data-testid=cell-${cell.replace('.', '-')}]`, 'aria-pressed'), 'true');
    if (n === 4) {
      await page.click('[data-testid=story-step-4] [data-testid=story-try]');
      await page.waitForURL(/#step-4-try$/);
      await page.waitForFunction(() => document.querySelector('[data-testid=cell-training-coreweave]').dataset.verdict === 'allowed');
      assert.equal(await page.isChecked('[data-testid=declines-true]'), true);
      await page.click('[data-testid=story-step-4-try] [data-testid=story-untry]');
      await page.waitForURL(/#step-4$/);
      await page.waitForFunction(() => document.querySelector('[data-testid=cell-training-coreweave]').dataset.verdict === 'conditional');
    }
    if (n < 8) await page.click(`[data-testid=story-step-${n}] [data-testid=story-next]`);
  }
  // Back returns to the previous step, its view and its card.
  await page.goBack();
  await page.waitForURL(/#step-7$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=date-input]').value === '2026-04-27');
  assert.ok(await page.isVisible('[data-testid=story-step-7]'), 'Back shows step 7');
  assert.deepEqual(requests, [], 'no request while walking the story');
  assert.equal(await page.evaluate(() => window.__same === document.querySelector('[data-testid=grid]')), true, 'the same page throughout');
  await context.close();
  assert.deepEqual(problems, []);
});

test('on a phone the step\'s cell is in view when a step opens', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(url);
  await settled(page);
  for (const n of [1, 4, 6]) {
    const href = await page.getAttribute('[data-testid=story-start]', 'href');
    await page.goto(url + (n === 1 ? href : (await page.locator(`[data-testid=story-step-${n - 1}] [data-testid=story-next]`).getAttribute('href'))));
    await page.waitForTimeout(600);
    const box = await page.locator(`[data-testid=story-step-${n}] td.step-cell`).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390, `step ${n}: the step's cell at ${JSON.stringify(box)}`);
  }
  await page.close();
});
