// End-to-end: time that shows the story — the overview's range in the URL and its picture,
// the slider stepping by events (Page Up / Page Down), days and months, and the overview at a
// phone's width scrolled to the chosen day. The release build (dist/) in headless Chromium.
// Run: node --test e2e/time.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, dist, open as openPage, frames, done } from './site.mjs';

let url, browser;

useSite((site) => ({ url, browser } = site));
const open = (query, options) => openPage(browser, url, query, options);

const param = async (page, name) => {
  // The URL is written once the state has been still for a moment.
  await page.waitForTimeout(250);
  return new URL(page.url()).searchParams.get(name);
};

test('the overview opens on the deal so far; "all" is one click away and in the URL, back and forth', async () => {
  const page = await open('?date=2025-03-15&cell=api.aws&panel=overview');
  assert.equal(await page.getAttribute('[data-testid=overview-range-so-far]', 'aria-pressed'), 'true');
  assert.match(await page.getAttribute('[data-testid=overview]', 'aria-label'), /2019–2027/);
  // 2025 takes at least 8% of the chart's width (it was 4%), measured as drawn.
  const share = await page.evaluate(() => {
    const years = [...document.querySelectorAll('svg.overview text.year')];
    const x = (y) => years.find((t) => t.textContent === String(y)).getBoundingClientRect().left;
    const labels = document.querySelector('svg.overview-labels').getBoundingClientRect();
    const plot = document.querySelector('svg.overview').getBoundingClientRect();
    return (x(2026) - x(2025)) / (labels.width + plot.width);
  });
  assert.ok(share >= 0.08, `2025 takes ${(share * 100).toFixed(1)}% of the chart`);
  const years = await page.$$eval('svg.overview text.year', (t) => t.map((e) => e.textContent));
  assert.deepEqual(years, ['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027'], 'every year labelled');
  assert.equal(await param(page, 'range'), null, 'the default range is not written');
  await page.click('[data-testid=overview-range-all]');
  await frames(page);
  assert.equal(await page.getAttribute('[data-testid=overview-range-all]', 'aria-pressed'), 'true');
  assert.match(await page.getAttribute('[data-testid=overview]', 'aria-label'), /2016–2035/);
  assert.equal(await param(page, 'range'), 'all');
  // The link opens on the same range; a reload keeps it.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  await frames(page);
  assert.equal(await page.getAttribute('[data-testid=overview-range-all]', 'aria-pressed'), 'true');
  assert.equal(await page.locator('svg.overview g.none').count(), 28, 'before the first terms: no deal terms yet, hatched');
  await done(page);
});

test('a malformed range is ignored with a notice; the rest of the link stands', async () => {
  const page = await open('?date=2025-03-15&cell=api.aws&panel=overview&range=2016');
  assert.match(await page.textContent('[data-testid=notice]'), /Ignored range=2016: accepted: so-far, all/);
  assert.equal(await page.getAttribute('[data-testid=overview-range-so-far]', 'aria-pressed'), 'true');
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-03-15');
  await done(page);
});

test('the overview picture spans the range shown', async () => {
  const page = await open('?date=2025-03-15&cell=api.aws&panel=overview&range=all');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=picture-overview-svg]')]);
  const { readFile } = await import('node:fs/promises');
  const svg = await readFile(await download.path(), 'utf8');
  assert.match(svg, /<title>When each door opened: OpenAI(&#39;|')s compute under the Microsoft deal, 2016–2035/);
  assert.match(svg, /class="projection"/, 'the projection is faded in the picture too');
  await page.click('[data-testid=overview-range-so-far]');
  await frames(page);
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=picture-overview-svg]')]);
  assert.match(await readFile(await again.path(), 'utf8'), /Microsoft deal, 2019–2027/);
  await done(page);
});

test('Page Up / Page Down on the slider go to the previous / next event; arrows by a day or a month', async () => {
  const page = await open('?date=2025-03-15&cell=training.coreweave');
  const day = () => page.inputValue('[data-testid=date-input]');
  await page.focus('[data-testid=date-slider]');
  await page.keyboard.press('PageDown');
  assert.equal(await day(), '2025-03-28', 'the next event');
  await page.keyboard.press('PageDown');
  assert.equal(await day(), '2025-03-31');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  assert.equal(await day(), '2025-03-10', 'back past the day we started on');
  await page.keyboard.press('ArrowRight');
  assert.equal(await day(), '2025-03-11', 'a day');
  await page.keyboard.press('ArrowDown');
  assert.equal(await day(), '2025-04-11', 'a month');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal(await day(), '2025-03-11');
  assert.equal(await page.getAttribute('[data-testid=date-slider]', 'aria-valuetext'), '2025-03-11');
  assert.equal(await param(page, 'date'), '2025-03-11', 'the URL follows');
  assert.equal(await page.getAttribute('[data-testid=cell-training-coreweave]', 'data-verdict'), 'conditional');
  await page.keyboard.press('Home');
  assert.equal(await day(), '2016-01-01', 'Home: the first day');
  await done(page);
});

test('on a phone the overview opens scrolled to the chosen day, its labels in view', async () => {
  const page = await open('?date=2026-02-27&cell=api.aws&panel=overview', { viewport: { width: 390, height: 844 } });
  const seen = await page.evaluate(() => {
    const wrap = document.querySelector('.overview-wrap');
    const line = document.querySelector('svg.overview line.today').getBoundingClientRect();
    const labels = document.querySelector('svg.overview-labels').getBoundingClientRect();
    const view = wrap.getBoundingClientRect();
    return { scrolled: wrap.scrollLeft, overflows: wrap.scrollWidth > wrap.clientWidth, day: line.left, labels: [labels.left, labels.right], view: [view.left, view.right] };
  });
  assert.ok(seen.overflows, 'the chart is wider than a phone');
  assert.ok(seen.scrolled > 0, 'scrolled to the day');
  assert.ok(seen.day > seen.labels[1] && seen.day < seen.view[1], `the chosen day is in view right of the labels: ${JSON.stringify(seen)}`);
  assert.ok(Math.abs(seen.labels[0] - seen.view[0]) <= 2, 'the labels stay at the left');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page does not scroll sideways (${width} px)`);
  await done(page);
});
