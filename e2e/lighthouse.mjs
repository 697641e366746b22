// node e2e/lighthouse.mjs — Lighthouse's mobile profile (simulated slow 4G, 4× CPU) on the
// release build served from 127.0.0.1, in Debian's Chromium. Prints first and largest
// contentful paint, total blocking time, layout shift and the performance score; asserts
// nothing (these machines are noisy). Median of 3 runs, served twice: compressed (gzip, as
// static hosts serve it) and uncompressed (a host that does not compress: every byte of the
// page is on the simulated slow-4G path). GZIP=1 or GZIP=0: only that one.
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from './server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const modes = process.env.GZIP === '1' ? [true] : process.env.GZIP === '0' ? [false] : [true, false];
for (const gzip of modes) await measure(gzip);

async function measure(gzip) {
  const { server, url } = await serve(dist, 0, { gzip });
  const userDataDir = await mkdtemp(join(tmpdir(), 'dealscope-lh-'));
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    userDataDir,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const runs = [];
  try {
    for (let i = 0; i < 3; i++) {
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
      const a = result.lhr.audits;
      runs.push({
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        score: result.lhr.categories.performance.score * 100,
      });
    }
  } finally {
    await chrome.kill();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  const median = (k) => [...runs.map((r) => r[k])].sort((a, b) => a - b)[1];
  console.log(
    `lighthouse (mobile: slow 4G, 4x CPU; ${gzip ? 'served gzip' : 'served uncompressed'}; median of ${runs.length}): ` +
    `FCP ${(median('fcp') / 1000).toFixed(2)} s, ` +
    `LCP ${(median('lcp') / 1000).toFixed(2)} s, total blocking time ${median('tbt').toFixed(0)} ms, ` +
    `CLS ${median('cls').toFixed(3)}, performance ${median('score').toFixed(0)}`,
  );
}
