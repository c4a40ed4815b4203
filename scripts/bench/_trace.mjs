import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { serve } from './common.mjs';
const file = process.argv[2] || '/work/main/target/bench/tidy-1m.csv';
const SPEC = 'view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio';
const srv = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let run = 0; run < (Number(process.env.RUNS) || 2); run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(srv.url + 'index.html#' + SPEC);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 30000 });
  await page.evaluate(() => window.bv.core.call('fullCore'));
  await page.evaluate(() => {
    const B = (window.__big = { t0: null, t1: null, busySeen: false, marks: [] });
    B.done = new Promise((r) => { B.resolve = r; });
    window.addEventListener('change', (e) => { if (B.t0 === null && e.target.type === 'file') B.t0 = performance.now(); }, true);
    new MutationObserver((recs) => {
      for (const r of recs) if (r.attributeName === 'aria-busy' && r.target.id === 'figure') {
        const v = r.target.getAttribute('aria-busy'); B.marks.push([v, performance.now() - (B.t0 || 0)]);
        if (v === 'true') B.busySeen = true; else if (B.busySeen && B.t1 === null) { B.t1 = performance.now(); setTimeout(B.resolve, 0); }
      }
    }).observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['aria-busy'] });
  });
  if (process.env.TRACE) await browser.startTracing(page, { path: '/tmp/p/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'] });
  await page.setInputFiles('#file', file);
  const r = await page.evaluate(async () => { await window.__big.done; return { ms: window.__big.t1 - window.__big.t0, marks: window.__big.marks, t0: window.__big.t0 }; });
  if (process.env.TRACE) await browser.stopTracing();
  console.log('run', run, Math.round(r.ms), 'ms', JSON.stringify(r.marks.map(([v, t]) => [v, Math.round(t)])), 't0', r.t0);
  await context.close();
}
await browser.close(); srv.server.close();
