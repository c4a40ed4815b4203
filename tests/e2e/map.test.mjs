// The map in the page: boundaries are fetched only when a map is opened, every region is drawn,
// and the single file carries them inline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, ready, DIST } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('the default page fetches no boundaries; a map fetches its edition and draws 35 regions', async () => {
  const first = await open(browser, srv.url);
  await ready(first.page);
  assert.equal(first.requests.filter((r) => r.includes('/geo/')).length, 0);
  await first.context.close();

  const { page, requests, errors, context } = await open(browser, srv.url + '#view=map&measure=share&year=2017');
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.deepEqual(requests.filter((r) => r.includes('/geo/')).map((r) => r.replace(srv.url, '')), ['geo/arbeidsmarktregio_2017.topojson']);
  assert.equal(await page.locator('#chart svg g.region').count(), 35);
  assert.match(await page.locator('#chart svg.drawing').textContent(), /CBS\/PDOK/);
  for (const r of requests) assert.ok(r.startsWith(srv.url), `unexpected request ${r}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file draws the map from its inline boundaries', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('file://' + path.join(DIST, 'banenverkenner.html') + '#view=map');
  await ready(page);
  assert.equal(await page.locator('#chart svg g.region').count(), 35);
  await context.close();
});

test('a highlighted region leads to its profile from any view', async () => {
  const { page, errors, context } = await open(browser, srv.url + '#view=ranking&region=Achterhoek');
  await ready(page);
  assert.equal(await page.locator('#open-profile').isEnabled(), true);
  await page.click('#open-profile');
  await page.waitForFunction(() => location.hash.startsWith('#view=profile'));
  await page.waitForFunction(() => document.querySelector('#figure').getAttribute('aria-busy') === 'false');
  assert.match(page.url(), /view=profile&.*region=Achterhoek/);
  assert.match(await page.locator('#chart svg.drawing title').first().textContent(), /Achterhoek/);
  assert.equal(await page.locator('#open-profile').isEnabled(), false);
  assert.deepEqual(errors, []);
  await context.close();
});
