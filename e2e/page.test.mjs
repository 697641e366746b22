// The page a reader meets (issue 17, items 1–4): the landing, the grid on a 390 px phone, the
// three-way Microsoft choice and its caption, and the keyboard — the grid and the panel tabs.
// Run after a release build: node --test e2e/page.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './site.mjs';

let url, browser;

useSite((site) => ({ url, browser } = site));

/** A page taken over by the wasm and settled; it fails the test on any page or console error. */
async function open(query = '', options = {}) {
  const page = await browser.newPage(options);
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.goto(url + query);
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  await settled(page);
  return page;
}

const settled = async (page) => {
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
};

async function done(page) {
  await page.close();
  assert.deepEqual(page.problems, [], 'no page errors or console errors');
}

const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.id ?? '');

test('the landing says what a verdict means, offers one call to action and keeps "data as of" in view', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const page = await open('', { viewport });
    const box = async (sel) => page.locator(sel).boundingBox();
    const meaning = await page.textContent('[data-testid=meaning]');
    assert.match(meaning, /A verdict says what the contracts permit: ✓ allowed means OpenAI may run it there — not that it does\./);
    // One primary call to action: the tour, a filled button; nothing else in the header competes.
    const tour = page.locator('header [data-testid=story-start]');
    assert.equal(await tour.count(), 1);
    const style = await tour.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderStyle }));
    assert.notEqual(style.bg, 'rgba(0, 0, 0, 0)', 'the tour is a filled button');
    assert.equal(style.border, 'none', 'no faint box that looks like a stuck focus ring');
    assert.equal(await page.locator('header a, header button').count(), 2, 'the tour, and the as-of day as a plain link');
    // Above the fold: the meaning, the tour, the as-of day and the grid's first row.
    for (const sel of ['[data-testid=meaning]', '[data-testid=story-start]', '[data-testid=data-as-of]', '[data-testid=cell-training-coreweave]']) {
      const b = await box(sel);
      assert.ok(b && b.y + b.height <= viewport.height, `${sel} in the first screen at ${viewport.width} px (${JSON.stringify(b)})`);
    }
    // The landing's day: the doors differ, and the choice that opens them is offered.
    const verdicts = await page.$$eval('[data-testid^=cell-]', (cells) => new Set(cells.map((c) => c.dataset.verdict)).size);
    assert.equal(verdicts, 3, 'allowed, blocked and conditional cells');
    assert.equal(await page.isVisible('[data-testid=declines-true]'), true);
    await done(page);
  }
});

test('on a 390 px phone all 28 verdicts fit, nothing scrolls sideways, the controls above the grid stay under 200 px', async () => {
  for (const query of ['', '?date=2026-06-01&cell=api.other', '?date=2025-03-15&microsoft_declines=true&cell=products.google&panel=overview']) {
    const page = await open(query, { viewport: { width: 390, height: 844 } });
    const m = await page.evaluate(() => {
      const wrap = document.querySelector('.grid-wrap');
      const cells = [...document.querySelectorAll('[data-testid^=cell-]')].map((c) => {
        const r = c.getBoundingClientRect();
        return { id: c.dataset.testid, left: r.left, right: r.right, width: r.width, word: c.querySelector('.word') };
      });
      const words = [...document.querySelectorAll('[data-testid^=cell-] .word')].map((w) => {
        const [r, c] = [w.getBoundingClientRect(), w.closest('button').getBoundingClientRect()];
        return Math.max(c.left - r.left, r.right - c.right);
      });
      const names = [...document.querySelectorAll('.grid th')].map((th) => th.scrollWidth - th.clientWidth);
      const selected = document.querySelector('[data-testid^=cell-][aria-pressed=true]')?.getBoundingClientRect();
      return {
        page: document.documentElement.scrollWidth,
        wrap: [wrap.scrollWidth, wrap.clientWidth],
        cells: cells.map(({ id, left, right, width }) => ({ id, left, right, width })),
        overflowingWords: words.filter((x) => x > 0.5).length,
        overflowingNames: names.filter((x) => x > 0).length,
        controls: document.querySelector('.controls').getBoundingClientRect().height,
        selected: selected && { left: selected.left, right: selected.right },
        headers: [...document.querySelectorAll('.grid thead th')].map((th) => th.getBoundingClientRect().left),
      };
    });
    assert.ok(m.page <= 390, `page ${m.page} px wide (${query || 'landing'})`);
    assert.ok(m.wrap[0] <= m.wrap[1], `the grid does not scroll sideways: ${m.wrap}`);
    assert.equal(m.cells.length, 28);
    for (const c of m.cells) assert.ok(c.left >= 0 && c.right <= 390 && c.width >= 44, `${c.id} in view and readable: ${JSON.stringify(c)}`);
    assert.equal(m.overflowingWords, 0, 'every verdict word fits its cell');
    assert.equal(m.overflowingNames, 0, 'every provider and workload name fits its header');
    assert.ok(m.selected && m.selected.left >= 0 && m.selected.right <= 390, 'the selected cell in view');
    assert.ok(new Set(m.headers.map(Math.round)).size === 1, 'providers down one column: the grid is transposed');
    assert.ok(m.controls <= 200, `controls above the grid ${m.controls} px tall`);
    await done(page);
  }
});

test('the Microsoft what-if is one three-way choice beside the grid, one state with the panel, and its caption reads right', async () => {
  const page = await open('?date=2025-03-15&cell=training.coreweave');
  const caption = () => page.textContent('#grid-caption');
  const labels = await page.$$eval('[data-testid=declines] label', (ls) => ls.map((l) => l.textContent.trim()));
  assert.deepEqual(labels, ['as reported', 'declined', 'took the capacity']);
  assert.match(await page.textContent('[data-testid=declines] legend'), /Microsoft’s answer to new capacity/);
  for (const [value, verdict, words] of [['true', 'allowed', /Microsoft’s answer to new capacity: declined$/], ['false', 'blocked', /Microsoft’s answer to new capacity: took the capacity$/]]) {
    await page.check(`[data-testid=declines-${value}]`);
    await page.waitForFunction((v) => document.querySelector('[data-testid=cell-training-coreweave]').dataset.verdict === v, verdict);
    assert.match((await caption()).trim(), words);
    assert.equal(await page.inputValue('[data-testid=select-microsoft_declines]'), value, 'the panel\'s select shows the same answer');
    await page.waitForURL(new RegExp(`microsoft_declines=${value}`));
  }
  assert.doesNotMatch(await caption(), /declines?[^;]*took|takes/, 'never "declines … takes"');
  // The panel's select moves the choice beside the grid.
  await page.selectOption('[data-testid=select-microsoft_declines]', 'recorded');
  await page.waitForFunction(() => document.querySelector('[data-testid=declines-recorded]').checked);
  assert.doesNotMatch(await caption(), /scenario:/);
  // Where it changes nothing, it says so instead.
  await page.fill('[data-testid=date-input]', '2026-06-01');
  await page.dispatchEvent('[data-testid=date-input]', 'change');
  await page.waitForSelector('[data-testid=declines-moot]', { state: 'visible' });
  assert.match(await page.textContent('[data-testid=declines-moot]'), /changes nothing on 2026-06-01/);
  assert.equal(await page.isVisible('[data-testid=declines-true]'), false);
  await done(page);
});

test('keyboard: one tab stop into the grid, arrows between cells, Enter to the answer; the tabs take arrows, Home and End', async () => {
  const page = await open('?date=2025-03-15&cell=training.coreweave');
  // Tab from the control before the grid lands on the selected cell; one more Tab leaves the grid.
  await page.focus('[data-testid=declines-recorded]');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'cell-training-coreweave', 'into the grid: its one stop');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'cell-products-oracle');
  await page.keyboard.press('End');
  assert.equal(await focused(page), 'cell-products-other');
  await page.keyboard.press('Tab');
  assert.doesNotMatch(await focused(page), /^cell-/, 'one Tab leaves the grid');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'cell-products-other', 'and Shift+Tab comes back to where the reader was');
  // Enter selects and takes the focus to the answer.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'panel');
  assert.match(await page.textContent('#panel'), /Own products \(ChatGPT…\) on Any other cloud on 2025-03-15/);
  assert.equal(await page.getAttribute('[data-testid=cell-products-other]', 'aria-pressed'), 'true');
  // From the answer, the cell's strip is a few Tabs away, not 18.
  let tabs = 0;
  while (tabs < 12 && !(await page.evaluate(() => document.activeElement?.closest('.band-strip')))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  assert.ok(tabs < 12, 'the strip is reachable');
  console.log(`from the answer to its strip: ${tabs} Tabs`);
  // The tabs: one stop, arrows move and open.
  await page.focus('[data-testid=tab-why]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), 'tab-overview');
  await page.waitForURL(/panel=overview/);
  await page.keyboard.press('End');
  assert.equal(await focused(page), 'tab-dataset');
  await page.keyboard.press('Home');
  assert.equal(await focused(page), 'tab-why');
  assert.equal(await page.locator('[role=tab][tabindex="0"]').count(), 1);
  await done(page);
});

test('focus and selection look different; no focus ring is clipped', async () => {
  const page = await open('?date=2025-03-15&cell=training.coreweave', { viewport: { width: 1280, height: 900 } });
  await page.focus('[data-testid=cell-training-coreweave]');
  await page.keyboard.press('ArrowRight');
  const look = (id) => page.$eval(`[data-testid=${id}]`, (el) => {
    const s = getComputedStyle(el);
    return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}` };
  });
  const selected = await look('cell-training-coreweave');
  const focusedCell = await look('cell-training-oracle');
  assert.notDeepEqual(selected, focusedCell, 'focused and selected cells look different');
  assert.match(focusedCell.outline, /^solid 3px/);
  assert.match(selected.border, /^solid 3px/);
  // Where focus rings could be cut by a parent that clips (overflow or paint containment),
  // the ring fits inside it.
  const clipped = async () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el.matches(':focus-visible')) return `${el.dataset.testid ?? el.tagName}: no visible focus`;
    const s = getComputedStyle(el);
    const ring = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
    const r = el.getBoundingClientRect();
    const outer = { left: r.left - ring, right: r.right + ring, top: r.top - ring, bottom: r.bottom + ring };
    for (let p = el.parentElement; p; p = p.parentElement) {
      const ps = getComputedStyle(p);
      const clips = ps.overflowX !== 'visible' || ps.overflowY !== 'visible' || /paint|content|strict/.test(ps.contain) || ps.contentVisibility === 'auto';
      if (!clips) continue;
      const b = p.getBoundingClientRect();
      const [bl, bt] = [parseFloat(ps.borderLeftWidth), parseFloat(ps.borderTopWidth)];
      const box = { left: b.left + bl, top: b.top + bt, right: b.right - parseFloat(ps.borderRightWidth), bottom: b.bottom - parseFloat(ps.borderBottomWidth) };
      if (outer.left < box.left - 0.5 || outer.right > box.right + 0.5 || outer.top < box.top - 0.5 || outer.bottom > box.bottom + 0.5) {
        return `${el.dataset.testid ?? el.id ?? el.tagName}: ring ${JSON.stringify(outer)} outside ${p.className || p.tagName} ${JSON.stringify(box)}`;
      }
    }
    return null;
  });
  for (const sel of ['[data-testid=cell-training-azure]', '[data-testid=cell-training-other]', '[data-testid=cell-api-natsec-other]', '[data-testid=tab-why]', '[data-testid=tab-dataset]', '.band-strip .band button', '.band-strip .band.current button']) {
    await page.focus(sel);
    assert.equal(await clipped(), null, sel);
  }
  // Opened from the keyboard, so the focus that follows is shown as a ring.
  await page.focus('[data-testid=tab-why]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-overview]');
  await page.focus('[data-overview]');
  assert.equal(await clipped(), null, 'the overview chart');
  await done(page);
});
