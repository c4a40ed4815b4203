// The single file dist/banenverkenner.html, opened from disk (file://) with the network cut: it
// shows the chart, opens a view from its hash and reads a user's file, fetching nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, ready, pointCount, tmpFile, FOUR_REGIONS, DIST, municipalityCounts, sumsPerRegion } from './helpers.mjs';

const FILE_URL = 'file://' + path.join(DIST, 'banenverkenner.html');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A context with no network: offline, and every request that is not the file itself aborted.
async function offlinePage(url) {
  const context = await browser.newContext({ offline: true, acceptDownloads: true });
  const blocked = [];
  const requests = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    blocked.push(u);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, blocked, requests, errors };
}

test('the single file holds everything: no script, style or wasm beside it is referenced', () => {
  const html = fs.readFileSync(path.join(DIST, 'banenverkenner.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+stylesheet/);
  assert.match(html, /window\.BV_WASM_BASE64 = "AGFzbQ/);
  // No address on the web to load from (the SVG namespace URI is a name, not a request).
  assert.doesNotMatch(html, /(src|href|action)\s*=\s*["']?https?:|url\(\s*["']?https?:|@import/);
});

test('from file:// without network it shows the chart and reads a chosen file', async () => {
  const { page, context, blocked, requests, errors } = await offlinePage(FILE_URL);
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.equal(await pointCount(page), 35);
  assert.match(await page.locator('#summary').textContent(), /R² 0,3083/);
  // The core runs in a worker made from the inlined code (a Blob), fed the inlined wasm.
  assert.equal(await page.evaluate(() => window.bv.core.worker instanceof Worker && typeof BV_WORKER_SRC === 'string'), true);
  await page.setInputFiles('#file', tmpFile('bv-e2e-vier-regios.csv', FOUR_REGIONS));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  assert.match(await page.locator('#dataset').textContent(), /bv-e2e-vier-regios\.csv/);
  assert.deepEqual(blocked, []);
  for (const r of requests) assert.ok(/^(file|data|blob):/.test(r), `unexpected request ${r}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('from file:// a view in the hash opens that view, and exports still work', async () => {
  const { page, context, blocked } = await offlinePage(FILE_URL + '#view=scatter&subgroup=participatiewet&from=2016&to=2017');
  await ready(page);
  assert.match(await page.locator('#chart svg title').textContent(), /Participatiewet/);
  assert.match(await page.locator('#chart svg title').textContent(), /2016-2017/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const png = fs.readFileSync(await dl.path());
  assert.equal(png.toString('ascii', 1, 4), 'PNG');
  assert.deepEqual(blocked, []);
  await context.close();
});

// The single file reads a large CSV file by two workers too (its worker gives the second one an
// address of its own code, made in the worker): the numbers are those of the whole file.
test('from file:// a large file is read by two workers, with the numbers of the whole file', async () => {
  const { text, sums } = municipalityCounts({ bytes: 10e6 });
  const file = tmpFile('bv-e2e-twee-offline.csv', text);
  const { page, context, blocked, requests, errors } = await offlinePage(FILE_URL);
  await ready(page);
  await page.evaluate(() => window.bv.core.call('fullCore'));
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-twee-offline.csv') && ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.bv.readBy), 2);
  // (A byte stream that stops delivering, seen here in Chromium, is read around: `bv.stalls`.)
  const stalls = await page.evaluate(() => window.bv.stalls);
  if (stalls) console.log(`bv.stalls ${stalls}`);
  const shown = await sumsPerRegion(page);
  assert.equal(shown.length, 35);
  for (const [region, y] of shown) assert.equal(y, sums.get(region), region);
  assert.deepEqual(blocked, []);
  for (const r of requests) assert.ok(/^(file|data|blob):/.test(r), `unexpected request ${r}`);
  assert.deepEqual(errors, []);
  await context.close();
});
