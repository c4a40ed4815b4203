// Two cores (issue 12): the page starts on the small first core (the built-in data and its first
// view) and loads the full core when something needs it. What the user sees does not depend on
// which core drew it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, open, ready, pointCount, tmpFile } from './helpers.mjs';

let browser, srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const wasmFetched = (requests) => requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname);

test('an embed of the built-in chart runs on the first core alone, also when its settings change', async () => {
  const { page, context, requests, errors } = await open(browser, srv.url + '#embed');
  await ready(page);
  assert.equal(await pointCount(page), 35);
  // Another subgroup and period on the same view: still the first core.
  await page.evaluate(() => { location.hash = '#embed&view=scatter&subgroup=wajong&from=2016&to=2017'; });
  await page.waitForFunction(() => /Wajong/.test(document.querySelector('#chart svg title')?.textContent || ''));
  await ready(page);
  await page.waitForTimeout(2000); // longer than the full page's background load
  assert.deepEqual(wasmFetched(requests), ['/pkg/first_bg.wasm']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first core marks a region given by part of its name, as the full core does', async () => {
  // Before: `region=zwolle` marked IJsselvechtstreek (Regio Zwolle) in every view but the first
  // core's scatterplot, while the page said it was marked.
  const { page, context, requests, errors } = await open(browser, srv.url + '#embed&view=scatter&region=zwolle');
  await ready(page);
  const svg = await page.evaluate(() => document.querySelector('#chart svg').outerHTML);
  assert.match(svg, /IJsselvechtstreek/);
  assert.match(svg, /#C24E00/i);
  assert.deepEqual(wasmFetched(requests), ['/pkg/first_bg.wasm']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a view the first core does not draw loads the full core and is drawn the same', async () => {
  const { page, context, requests, errors } = await open(browser, srv.url + '#embed');
  await ready(page);
  await page.evaluate(() => { location.hash = '#embed&view=ranking&subgroup=total&measure=share&year=2017'; });
  await page.waitForFunction(() => (document.querySelector('#chart svg')?.getAttribute('aria-labelledby') || '') !== ''
    && document.querySelectorAll('#chart svg .hit').length === 35 && /anglijst|Ranking|aandeel/i.test(document.querySelector('#chart svg title')?.textContent || ''));
  await ready(page);
  assert.deepEqual(wasmFetched(requests), ['/pkg/first_bg.wasm', '/pkg/banenverkenner_bg.wasm']);
  assert.equal(await page.evaluate(() => document.getElementById('figure').getAttribute('aria-busy')), 'false');
  // The same drawing as a page that starts on that view (where the full core draws it at once).
  const svg = await page.evaluate(() => document.querySelector('#chart svg').outerHTML);
  const direct = await open(browser, srv.url + '#embed&view=ranking&subgroup=total&measure=share&year=2017');
  await ready(direct.page);
  assert.equal(await direct.page.evaluate(() => document.querySelector('#chart svg').outerHTML), svg);
  await direct.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the full page loads the full core in the background once it is interactive', async () => {
  const { page, context, requests, errors } = await open(browser, srv.url);
  await ready(page);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pkg/banenverkenner_bg.wasm')), null, { timeout: 10000 })
    .catch(() => {});
  await page.waitForTimeout(500);
  assert.deepEqual(wasmFetched(requests), ['/pkg/first_bg.wasm', '/pkg/banenverkenner_bg.wasm']);
  // An example (the full core's) opens and is drawn.
  await page.evaluate(() => { location.hash = '#example=register_by_subgroup_2017_2019.csv'; });
  await page.waitForFunction(() => /register_by_subgroup/.test(document.getElementById('dataset').textContent));
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.ok(await page.locator('#chart svg').count() >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 9: once started, the full page warms its core up on a made-up file (so the first large
// file is read by fast code), a step at a time; a file that comes meanwhile ends the warm-up and
// is read as any other.
test('the started page warms its core up, and a file that comes meanwhile ends the warm-up', async () => {
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const warmed = await page.evaluate(() => window.bv.core.call('fullCore'));
  assert.equal(warmed.complete, true, JSON.stringify(warmed));
  assert.ok(warmed.steps >= 15, JSON.stringify(warmed));
  // Nothing of it shows: the built-in data is still the dataset.
  assert.match(await page.evaluate(() => document.getElementById('dataset').textContent), /regions\.csv/);
  await context.close();

  const rows = ['kwartaal;arbeidsmarktregio;werkzaam'];
  for (const q of ['2019K1', '2019K2']) for (const [r, n] of [['Twente', 5], ['Rijnmond', 9]]) rows.push(`${q};${r};${n}`);
  const file = tmpFile('bv-e2e-warm.csv', rows.join('\n') + '\n');
  // An embed loads nothing in the background: the warm-up starts when asked, and the file comes
  // while it runs (its steps take far longer than the file takes to be asked for).
  const second = await open(browser, srv.url + '#embed');
  await ready(second.page);
  await second.page.evaluate(() => { window.__warm = window.bv.core.call('fullCore'); });
  await second.page.setInputFiles('#file', file);
  const ended = await second.page.evaluate(() => window.__warm);
  assert.equal(ended.complete, false, JSON.stringify(ended));
  await second.page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-warm.csv') && document.documentElement.dataset.state === 'ready');
  assert.equal(await second.page.evaluate(() => window.bv.rendered.table.rows.length > 0), true);
  assert.deepEqual(errors.concat(second.errors), []);
  await second.context.close();
});

// Keys, view names and lang= in capitals are read by the page's first core as by the CLI (it
// answered "De sleutel 'View' hoort bij een weergave").
test('the first core reads keys, view names and lang= in any case', async () => {
  const { page, context, errors } = await open(browser, srv.url + '#View=SCATTER&Subgroup=wajong&LANG=EN');
  await ready(page);
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'scatter');
  assert.equal(await page.locator('#error').isHidden(), true, await page.locator('#error').textContent());
  assert.match(await page.evaluate(() => window.bv.rendered.title), /Wajong/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(errors, []);
  await context.close();
});
