// Reader words, comparisons a reader can see, sharing and pictures (issue 17, items 5–7), on
// the release build (dist/) in headless Chromium. Run: node --test e2e/words.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, dist, open as openPage, done } from './site.mjs';

let url, browser;

useSite((site) => ({ url, browser } = site));
const open = (query, options) => openPage(browser, url, query, options);

/** What a reader reads: the page's visible text and the names screen readers announce. */
const readerText = (page) => page.evaluate(() => {
  const parts = [document.body.innerText];
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (el.closest('[hidden]')) continue;
    parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '');
  }
  for (const o of document.querySelectorAll('option')) parts.push(o.textContent);
  return parts.join('\n');
});

/** Notes the research kept for itself: its file, its numbered corrections, its rounds, what it did not name. */
function researchNotes(text) {
  const found = [];
  for (const re of [/facts\.md/i, /source-urls/i, /\bcorrections? \d/i, /\bresearch round\b/i, /\bfirst round\b/i,
    /\bnamed? no (outlet|venue)\b/i, /\bnames no (outlet|venue)\b/i, /\bin the research\b/i, /\bthe research (names|named|found|recorded)\b/i]) {
    const m = text.match(re);
    if (m) found.push(`${re}: …${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…`);
  }
  return found;
}

/** Machine words in reader text: term ids, scenario keys, "seed 00N", "unknown", handles, non-ISO dates, research notes. */
function machineWords(text, termIds) {
  const found = researchNotes(text);
  for (const id of termIds) {
    if (id === 'revenue-share') continue; // also English ("revenue-share payments")
    if (new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(text)) found.push(`term id ${id}`);
  }
  for (const re of [/\b[a-z]+_[a-z0-9_]+\b/, /\bseed[ -]?0\d\d\b/i, /\bseed articles?\b/i, /\bunknown\b/i, /amynicole/,
    /\b\d{1,2}\/\d{1,2}\/\d{4}\b/, /\b\d{1,2}\.\d{1,2}\.\d{4}\b/]) {
    const m = text.match(re);
    if (m) found.push(`${re}: …${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…`);
  }
  return found;
}

test('no machine words in reader text: the page, every panel, a comparison, the story, light and dark', async () => {
  const probe = await open();
  const termIds = await probe.evaluate(() => {
    const ids = new Set();
    for (const w of ['training', 'products', 'api', 'api-natsec']) {
      for (const p of ['azure', 'coreweave', 'oracle', 'aws', 'google', 'stargate', 'other']) {
        for (const day of ['2017-01-01', '2019-08-01', '2025-03-15', '2025-11-10', '2026-03-01', '2026-06-01']) {
          for (const c of window.dealscope.verdict({ date: day, workload: w, provider: p }).clauses) ids.add(c.id);
        }
      }
    }
    return [...ids];
  });
  await done(probe);
  assert.ok(termIds.length > 8, termIds.join());
  for (const query of ['', '?date=2025-03-15&cell=training.coreweave', '?date=2026-06-01&microsoft_declines=true&amendment_2026_04=false&vs.microsoft_declines=true&panel=diff',
    '?date=2026-06-01&agi_verified=true&panel=overview', '?date=2026-03-01&frontier_on_aws=blocked&cell=products.aws&panel=dataset', '?date=2025-03-15&cell=training.coreweave#step-3',
    '?date=2025-08-01&api_on_google=sub-processor-list&cell=api.google']) {
    const page = await open(query);
    const found = machineWords(await readerText(page), termIds);
    assert.deepEqual(found, [], `${query}: machine words a reader sees`);
    await done(page);
  }
});

test('no research notes in what the JS API gives; a source\'s title opens the publisher\'s own page in a new tab', async () => {
  const page = await open('?date=2025-08-01&api_on_google=sub-processor-list&cell=api.google&panel=dataset');
  assert.deepEqual(researchNotes(await readerText(page)), [], 'reader text');
  const api = await page.evaluate(() => JSON.stringify([
    window.dealscope.matrix('2025-08-01', { api_on_google: 'sub-processor-list' }),
    window.dealscope.matrix('2026-12-07', {}),
    window.dealscope.timeline('api', 'google', { api_on_google: 'sub-processor-list' }),
    window.dealscope.cite({ date: '2025-08-01', workload: 'api', provider: 'google' }),
  ]));
  assert.deepEqual(researchNotes(api), [], 'the JS API');
  const sources = await page.evaluate(() => window.dealscope.verdict({ date: '2025-03-15', workload: 'training', provider: 'coreweave' }).clauses[0].sources);
  assert.ok(sources.some((s) => /^https:\/\//.test(s.url ?? '')), 'sources carry the publisher\'s address');
  assert.ok(sources.every((s) => s.url === null || /^https:\/\/\S+$/.test(s.url)));
  const links = await page.$$eval('a[data-testid=source-link]', (as) => as.map((a) => [a.getAttribute('href'), a.target, a.rel]));
  assert.ok(links.length > 20, `${links.length} source links`);
  for (const [href, target, rel] of links) {
    assert.match(href, /^https:\/\/\S+$/);
    assert.equal(target, '_blank');
    assert.equal(rel, 'noopener noreferrer');
  }
  await done(page);
});

test('dates are ISO everywhere: the date field is YYYY-MM-DD text; a typed day is taken; the event picker keeps its event', async () => {
  const page = await open('?date=2025-03-15&cell=training.coreweave');
  assert.equal(await page.getAttribute('[data-testid=date-input]', 'type'), 'text');
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-03-15');
  await page.fill('[data-testid=date-input]', '2025-11-10');
  await page.waitForURL(/date=2025-11-10/);
  assert.equal(await page.getAttribute('[data-testid=cell-api-aws]', 'data-verdict'), 'blocked');
  await page.fill('[data-testid=date-input]', '2025-13-01');
  await page.press('[data-testid=date-input]', 'Enter');
  await page.locator('[data-testid=date-input]').blur();
  await page.waitForFunction(() => document.querySelector('[data-testid=date-input]').getAttribute('aria-invalid') === 'true');
  await page.selectOption('[data-testid=event-jump]', '2025-10-28');
  await page.waitForURL(/date=2025-10-28/);
  assert.equal(await page.inputValue('[data-testid=event-jump]'), '2025-10-28', 'the chosen event stays chosen');
  assert.equal(await page.inputValue('[data-testid=date-input]'), '2025-10-28');
  await page.click('[data-testid=next-change-button]');
  await page.waitForFunction(() => document.querySelector('[data-testid=date-input]').value !== '2025-10-28');
  const day = await page.inputValue('[data-testid=date-input]');
  const hasEvent = await page.evaluate((d) => [...document.querySelectorAll('[data-testid=event-jump] option')].some((o) => o.value === d), day);
  assert.equal(await page.inputValue('[data-testid=event-jump]'), hasEvent ? day : '', 'the picker follows the day');
  await done(page);
});

test('comparison: B\'s verdict in the compared cells, identical differences on one line, A → B as labelled', async () => {
  const page = await open('?date=2026-06-01&amendment_2026_04=false&panel=diff');
  const b = await page.textContent('[data-testid=cell-api-aws] [data-testid=b-verdict]');
  assert.equal(b.trim(), '(◆ as happened: ✓ allowed)');
  assert.ok(await page.isVisible('[data-testid=cell-api-aws] [data-testid=b-verdict]'), 'seen, not only read out');
  const groups = await page.locator('[data-testid=diff-group]').allTextContents();
  assert.ok(groups.some((g) => /^OpenAI API on CoreWeave, Oracle \(OCI\), Amazon Web Services, Google Cloud, Stargate and Any other cloud/.test(g)), groups.join('\n'));
  assert.match(await page.textContent('[data-testid=diff-view]'), /A: ✗ blocked → as happened: ✓ allowed because of 2026-04-27 amendment happened: no/);
  assert.match(await page.textContent('[data-testid=diff-strip]'), /OpenAI API on CoreWeave, Oracle \(OCI\) and 4 more: blocked from 2026-04-27 on \(as happened: allowed\)/);
  await done(page);
});

test('copy link and embed this view: the link reopens the view, the snippet embeds it', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
  const page = await context.newPage();
  await page.goto(`${url}?date=2025-03-15&microsoft_declines=true&cell=training.coreweave`);
  await page.waitForFunction(() => performance.getEntriesByName('dealscope-mounted').length > 0);
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => /copied to the clipboard/.test(document.querySelector('[data-testid=share-status]').textContent));
  const link = await page.inputValue('[data-testid=share-text]');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'on the clipboard');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?date=2025-03-15&microsoft_declines=true&cell=training\.coreweave&v=/);
  const again = await open(link.slice(url.length));
  assert.equal(await again.getAttribute('[data-testid=cell-training-coreweave]', 'data-verdict'), 'allowed');
  assert.equal(await again.getAttribute('[data-testid=cell-training-coreweave]', 'aria-pressed'), 'true');
  await done(again);
  await page.click('[data-testid=copy-embed]');
  await page.waitForFunction(() => /embed snippet is copied/.test(document.querySelector('[data-testid=share-status]').textContent));
  const snippet = await page.inputValue('[data-testid=share-text]');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?date=2025-03-15&amp;microsoft_declines=true&amp;cell=training\.coreweave&amp;embed=1&amp;v=\w+" title="dealscope: where OpenAI may run each workload on 2025-03-15 \(Microsoft’s answer to new capacity: declined\)" width="900" height="700"/);
  // The snippet, pasted into a page, shows the embedded view.
  const host = await context.newPage();
  await host.setContent(`<!doctype html><title>article</title>${snippet}`);
  const frame = host.frameLocator('iframe');
  await frame.locator('[data-testid=cell-training-coreweave][data-verdict=allowed][aria-pressed=true]').waitFor();
  assert.equal(await frame.locator('header').isHidden(), true, 'embed: only the grid and the open panel');
  await context.close();
});

test('pictures: the footer names the sources, the data\'s date and the link; file names carry the day and scenarios; notes wrap', async () => {
  const page = await open('?date=2025-03-15&microsoft_declines=true&cell=training.coreweave');
  const download = async (testid) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const grid = await download('picture-grid-svg');
  assert.equal(grid.name, 'dealscope-grid-2025-03-15-microsoft-declines-true.svg');
  assert.match(grid.text, />Source: dealscope, from [^<]*Microsoft/);
  assert.match(grid.text, />Data as of 2026-12-07 \(no change to the terms found July–December 2026\)\. Permalink:</);
  assert.match(grid.text, />◆ as happened:<\/text><text class="n"[^>]*>conditional</, 'the note wrapped, never cut');
  assert.match(grid.text, /font-family:Arial,Helvetica,Liberation Sans,Arimo,Nimbus Sans,sans-serif/, 'a metric-compatible font stack');
  const over = await download('picture-overview-svg');
  assert.equal(over.name, 'dealscope-over-time-2025-03-15-microsoft-declines-true.svg', 'two days or scenarios never overwrite');
  // Nothing compared: no ◆ legend.
  const plain = await open('?date=2025-03-15&cell=training.coreweave');
  const [file] = await Promise.all([plain.waitForEvent('download'), plain.click('[data-testid=picture-grid-svg]')]);
  const text = await readFile(await file.path(), 'utf8');
  assert.equal(file.suggestedFilename(), 'dealscope-grid-2025-03-15-as-happened.svg');
  assert.doesNotMatch(text, /◆/, 'no ◆ legend when nothing is compared');
  // Every text line fits the picture when drawn (measured in the browser, whatever font it
  // has), in a blank page (the app's CSP rightly refuses the picture's own style).
  const blank = await browser.newPage();
  const widest = await blank.evaluate(async (svg) => {
    const box = document.createElement('div');
    box.innerHTML = svg;
    document.body.append(box);
    const max = Math.max(...[...box.querySelectorAll('svg > text, svg > g text')].map((t) => t.getBBox().x + t.getBBox().width));
    box.remove();
    return max;
  }, text);
  await blank.close();
  assert.ok(widest <= 1200, `a line runs off the picture: ${widest}`);
  await done(plain);
  await done(page);
});
