// A sample of the bad-input corpus (tests/bad/, checked natively by tests/bad_inputs.rs) through
// the page: errors name the row and keep the previous data, warnings are listed, hostile text
// stays text, and values that used to kill the wasm instance draw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, ready, ROOT } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const bad = (name) => path.join(ROOT, 'tests', 'bad', name);
const settled = (page) => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false'
  && document.getElementById('progress').hidden);

test('an unclosed quote is an error naming its row; the built-in data stays', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', bad('unclosed-quote-footnote.csv'));
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  const err = await page.locator('#error').textContent();
  assert.match(err, /aanhalingsteken/);
  assert.match(err, /rij 5/i);
  assert.match(await page.locator('#dataset').textContent(), /regions\.csv/);
  await context.close();
});

test('a short row loads with a note naming the row', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', bad('short-row.csv'));
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('short-row.csv'));
  await settled(page);
  assert.match(await page.locator('#controls').textContent(), /minder velden dan de kopregel/);
  await context.close();
});

test('tiny values draw, and hostile names stay text', async () => {
  const { page, errors, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', bad('tiny-values.json'));
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('tiny-values.json'));
  await settled(page);
  assert.ok(await page.locator('#chart svg.drawing').count() === 1);
  await page.evaluate(() => { window.__pwned = false; window.alert = () => { window.__pwned = true; }; });
  await page.setInputFiles('#file', bad('hostile-text.csv'));
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('hostile-text.csv'));
  await settled(page);
  await page.click('#toggle-table');
  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.equal(await page.locator('#table script, #chart script, #table b, #chart b').count(), 0);
  assert.match(await page.locator('#table').textContent(), /<script>alert\(1\)<\/script>/);
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});
