// The phone profile and a frame-by-frame record of what a loading page shows, shared by
// e2e/perf.mjs (timings, printed) and e2e/loading.test.mjs (what is never on screen).
//
// Phone profile: Chrome's "slow 4G" (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and
// the CPU slowed 4×, through the DevTools protocol (playwright-core's CDP session).

export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/** A new page on the phone profile (or only part of it), recording every frame from the first. */
export async function phonePage(browser, { network = true, cpu = 4, viewport = { width: 390, height: 844 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.addInitScript(recordFrames);
  page.cdp = cdp;
  return page;
}

/**
 * Runs in the page before any of its scripts: on every animation frame (the DOM as that frame
 * paints it), what the grid shows — nothing while the page marks it pending, else the
 * caption's text and each cell's verdict — into `window.__frames`.
 */
function recordFrames() {
  const frames = [];
  window.__frames = frames;
  const tick = () => {
    const cells = document.querySelectorAll('[data-testid^=cell-]');
    if (cells.length === 28 && document.getElementById('grid-caption')) {
      const pending = document.documentElement.hasAttribute('data-pending');
      const why = document.querySelector('[data-testid=explanation]');
      frames.push({
        t: Math.round(performance.now()),
        pending,
        label: pending ? document.documentElement.dataset.pending : null,
        why: document.documentElement.hasAttribute('data-pending-panel') || !why ? null : why.textContent.slice(0, 300),
        caption: pending ? null : document.getElementById('grid-caption').textContent,
        verdicts: pending ? null : Object.fromEntries([...cells].map((c) => [c.dataset.testid.slice(5), c.dataset.verdict])),
      });
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The frames recorded so far. */
export const frames = (page) => page.evaluate(() => window.__frames);

/**
 * Waits for the first frame that shows `verdict` in `cell` (e.g. "training-coreweave") under a
 * caption naming `date`, with nothing pending; returns that frame's time and every frame
 * recorded until then.
 */
export async function ownAnswer(page, { cell, verdict, date }, timeout = 30000) {
  const handle = await page.waitForFunction(({ cell, verdict, date }) =>
    window.__frames.find((f) => !f.pending && f.verdicts[cell] === verdict && f.caption.includes(date)),
  { cell, verdict, date }, { timeout, polling: 50 });
  const first = await handle.jsonValue();
  return { t: first.t, frames: (await frames(page)).filter((f) => f.t <= first.t) };
}

/** The frames that showed an answer other than the link's own (verdict or day). */
export const wrongFrames = (shown, { cell, verdict, date }) =>
  shown.filter((f) => !f.pending && (f.verdicts[cell] !== verdict || !f.caption.includes(date)));
