// The first chart at first paint: the built-in data's default chart is in the HTML from the build,
// visible without any script, replaced without layout shift, and never shown for other data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, ready, DIST } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('the built HTML holds the default chart and its reading', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /data-prerendered="view=scatter&amp;subgroup=total&amp;from=2015&amp;to=2017/);
  assert.match(html, /<div id="chart" data-chart="prerendered"><svg class="drawing"/);
  assert.match(html, /Food Valley/);
  assert.match(html, /<figcaption id="summary">Hoe lager het aandeel werkenden in 2015/);
  const single = fs.readFileSync(path.join(DIST, 'banenverkenner.html'), 'utf8');
  assert.match(single, /data-chart="prerendered"/);
});

test('the chart is on screen with scripts off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(srv.url);
  const box = await page.locator('#chart svg').boundingBox();
  assert.ok(box && box.width > 300 && box.height > 200, JSON.stringify(box));
  assert.match(await page.locator('#summary').textContent(), /R² 0,3083/);
  await context.close();
});

test('the live chart replaces the prerendered one without layout shift', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(srv.url);
  await ready(page);
  assert.notEqual(await page.locator('#chart').getAttribute('data-chart'), 'prerendered');
  assert.ok(await page.locator('#chart svg .hit, #chart .hit').count() > 0);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls < 0.05, `cumulative layout shift ${cls}`);
  await context.close();
});

test('another view or other data never shows the prerendered chart', async () => {
  for (const hash of ['#view=ranking', '#example=hours_per_week_by_subgroup_2019.csv']) {
    const { page, context } = await open(browser, srv.url + hash);
    // At the load event (the page's deferred script has run, the core may not have answered):
    // the prerendered chart is gone already.
    const pre = await page.evaluate(() => document.querySelector('#chart').dataset.chart === 'prerendered'
      && document.querySelector('#chart svg') !== null);
    assert.equal(pre, false, hash);
    await ready(page);
    assert.doesNotMatch(await page.locator('#chart').textContent(), /Aandeel werkenden 2015 en groei/, hash);
    await context.close();
  }
});

test('an embed of the built-in chart is laid out as an embed at its first paint, without layout shift', async () => {
  const context = await browser.newContext({ viewport: { width: 600, height: 500 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    // Where the chart is at the first frame that shows it (before the page's script has run).
    window.__firstTop = null;
    const look = () => {
      const svg = document.querySelector('#chart svg');
      if (svg && window.__firstTop === null) window.__firstTop = svg.getBoundingClientRect().top;
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(srv.url + '#embed');
  await ready(page);
  const first = await page.evaluate(() => window.__firstTop);
  const now = await page.evaluate(() => document.querySelector('#chart svg').getBoundingClientRect().top);
  assert.ok(first !== null && Math.abs(first - now) < 2, `chart top at first frame ${first}, now ${now}`);
  assert.ok(await page.evaluate(() => window.__cls) < 0.05);
  // Leaving the embed (the address without it) shows the full page again.
  await page.evaluate(() => { location.hash = ''; });
  await page.waitForFunction(() => !document.documentElement.classList.contains('embed') && getComputedStyle(document.getElementById('controls')).display !== 'none');
  await context.close();
});
