// Embedding: `#embed&view=...` shows only the chart (title and source are in it) and a link to the
// full explorer, fits its container and posts its height; the Embed button gives the iframe code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, ready, tmpFile, FOUR_REGIONS, DIST } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('the embed page shows only the chart and a link to the same view in the full explorer', async () => {
  const { page, context, requests } = await open(browser, srv.url + '#embed&view=scatter&subgroup=wajong');
  await ready(page);
  assert.equal(await page.locator('#chart svg.drawing').isVisible(), true);
  assert.match(await page.locator('#chart svg title').textContent(), /Wajong/);
  for (const sel of ['#controls', '.actions', 'footer.site', '#notes', 'header.site .lead']) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} is visible in the embed`);
  }
  // The source line is part of the drawing.
  assert.match(await page.locator('#chart svg.drawing').textContent(), /Bron: regionale analyse/);
  // The hash keeps the embed flag after the view is completed with its defaults.
  assert.match(page.url(), /#embed&view=scatter&subgroup=wajong&from=2015&to=2017&x=share$/);
  const link = page.locator('#open-full');
  assert.equal(await link.isVisible(), true);
  assert.equal(await link.textContent(), 'Open in de Banenverkenner');
  assert.equal(await link.getAttribute('href'), srv.url + '#view=scatter&subgroup=wajong&from=2015&to=2017&x=share');
  // Fits its container: no horizontal scrolling at a narrow width.
  await page.setViewportSize({ width: 360, height: 500 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  for (const r of requests) assert.ok(r.startsWith(srv.url) || r.startsWith('data:'), `unexpected request ${r}`);
  await context.close();
});

test('an embed in an iframe posts its height to the parent, and again when its width changes', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const src = srv.url + '#embed&view=scatter';
  await page.setContent(`<!doctype html><title>host</title><script>window.msgs=[];addEventListener('message',(e)=>msgs.push(e.data));</script>
    <iframe id="f" src="${src}" style="width:820px;height:300px;border:0" title="grafiek"></iframe>`);
  await page.waitForFunction(() => window.msgs.some((m) => m && m.type === 'banenverkenner:height'), null, { timeout: 20000 });
  const first = await page.evaluate(() => window.msgs.filter((m) => m.type === 'banenverkenner:height').at(-1).height);
  const frame = page.frame({ url: /embed/ });
  const bodyHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  assert.equal(first, bodyHeight);
  // The chart is about 820 wide and some 600 tall, plus the link: the height says so.
  assert.ok(first > 500 && first < 900, `height ${first}`);
  await page.evaluate(() => { document.getElementById('f').style.width = '410px'; });
  // (Half as wide, not half as high: below 480 px the chart is taller than in proportion.)
  await page.waitForFunction((h) => window.msgs.at(-1).height < h - 100, first, { timeout: 10000 });
  const second = await page.evaluate(() => window.msgs.at(-1).height);
  assert.ok(second < first * 0.85, `${second} vs ${first}`);
  await context.close();
});

test('the Embed button gives copyable iframe code for the current view, naming the data file', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&subgroup=wsw');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.url.replace(/\/$/, '') });
  await ready(page);
  assert.equal(await page.locator('#embed-box').isVisible(), false);
  await page.click('#embed-button');
  assert.equal(await page.getAttribute('#embed-button', 'aria-expanded'), 'true');
  const code = await page.inputValue('#embed-code');
  assert.match(code, new RegExp('^<iframe src="' + srv.url.replace(/[.]/g, '\\.') + 'index\\.html#embed&amp;view=scatter&amp;subgroup=wsw&amp;from=2015&amp;to=2017&amp;x=share"'));
  assert.match(code, /title="Aandeel werkenden 2015 en groei 2015-2017, WSW"/);
  assert.match(code, /data-file="regions\.csv"/);
  assert.match(code, /banenverkenner:height/);
  await page.click('#copy-embed');
  await page.waitForFunction(() => document.getElementById('status').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  assert.equal(await page.locator('#status').textContent(), 'Gekopieerd naar het klembord.');
  await context.close();
});

test('with a user file the embed code names it, and the embed loads it from beside the page', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-vier-regios.csv', FOUR_REGIONS));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  await page.click('#embed-button');
  const code = await page.inputValue('#embed-code');
  assert.match(code, /data-file="bv-e2e-vier-regios\.csv"/);
  assert.match(code, /&amp;data=bv-e2e-vier-regios\.csv"/);
  assert.match(await page.locator('#embed-help').textContent(), /bv-e2e-vier-regios\.csv/);
  await context.close();

  // A site that publishes the file next to the explorer: the embed shows the four regions.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-site-'));
  fs.cpSync(DIST, site, { recursive: true });
  fs.writeFileSync(path.join(site, 'bv-e2e-vier-regios.csv'), FOUR_REGIONS);
  const other = await serve(site);
  try {
    const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&').replace(srv.url, other.url);
    const e = await open(browser, src);
    await ready(e.page);
    assert.equal(await e.page.locator('#chart svg .hit').count(), 4);
    assert.equal(await e.page.locator('#error').isVisible(), false);
    for (const r of e.requests) assert.ok(r.startsWith(other.url), `unexpected request ${r}`);
    assert.ok(e.requests.includes(other.url + 'bv-e2e-vier-regios.csv'));
    assert.match(e.page.url(), /#embed&view=scatter&.*&data=bv-e2e-vier-regios\.csv$/);
    await e.context.close();
  } finally {
    other.server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('from the single file the embed code points at that file, which works on its own', async () => {
  // (index.html need not stand beside it: the single file is put on a site by itself.)
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-single-'));
  fs.copyFileSync(path.join(DIST, 'banenverkenner.html'), path.join(site, 'banenverkenner.html'));
  const alone = await serve(site);
  try {
    const { page, context } = await open(browser, alone.url + 'banenverkenner.html#view=scatter&subgroup=wsw');
    await ready(page);
    await page.click('#embed-button');
    const code = await page.inputValue('#embed-code');
    const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    assert.equal(src, alone.url + 'banenverkenner.html#embed&view=scatter&subgroup=wsw&from=2015&to=2017&x=share');
    assert.match(await page.locator('#embed-help').textContent(), /banenverkenner\.html/);
    await context.close();
    const e = await open(browser, src);
    await ready(e.page);
    assert.equal(await e.page.locator('#chart svg .hit').count(), 35);
    assert.equal(await e.page.locator('#error').isVisible(), false);
    await e.context.close();
  } finally {
    alone.server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});
