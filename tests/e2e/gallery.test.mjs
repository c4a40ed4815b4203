// The gallery of bundled example tables (the core's `examples()`), each opening its natural chart
// with one click, the built-in regional data first; a tidy table shows its columns' roles, which
// the user can change (roles= in the view description).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, axe } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

// The core's examples, as the worker reported them when it started.
const coreExamples = (page) => page.evaluate(() => (window.bv.examples.length ? window.bv.examples : null));

test('the gallery lists the examples and opens each on its natural chart, with no accessibility violations', async () => {
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const examples = await coreExamples(page);
  if (!examples) {
    // No examples in this core: no empty gallery either.
    assert.equal(await page.locator('#gallery').isVisible(), false);
    await context.close();
    return;
  }
  assert.equal(await page.locator('#gallery').isVisible(), true);
  const names = await page.locator('#gallery-list button').allTextContents();
  assert.deepEqual(names, ['Regionale analyse 2015-2017', ...examples.map((e) => e.name)]);
  for (const [i, ex] of examples.entries()) {
    await page.click(`#example-${i + 1}`);
    await page.waitForFunction((file) => window.bv.fileName === file && document.documentElement.dataset.state === 'ready', ex.file);
    assert.equal(await page.locator('#error').isVisible(), false, ex.name);
    // A table for the table views: no step to link columns for the regional analysis.
    assert.equal(await page.locator('#mapping').isVisible(), false, ex.name);
    assert.equal(await page.locator('#chart svg.drawing').count(), 1, ex.name);
    // The example's own view, as the core describes it.
    const view = new URLSearchParams(ex.view || ex.spec || '').get('view');
    if (view) assert.equal(await page.evaluate(() => window.bv.rendered.view), view, ex.name);
    assert.match(await page.locator('#dataset').textContent(), new RegExp(ex.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.deepEqual(await axe(page), [], ex.name);
  }
  // The link of an example names it: opened afresh it shows that example, not the built-in data.
  const last = examples.at(-1);
  assert.match(page.url(), new RegExp('[#&]example=' + encodeURIComponent(last.file).replace(/[.]/g, '\\.')));
  const again = await open(browser, page.url());
  await ready(again.page);
  assert.equal(await again.page.evaluate(() => window.bv.fileName), last.file);
  assert.equal(await again.page.evaluate(() => window.bv.rendered.spec), await page.evaluate(() => window.bv.rendered.spec));
  await again.context.close();
  // Back to the built-in data.
  await page.click('#example-0');
  await page.waitForFunction(() => window.bv.fileName === 'regions.csv' && window.bv.rendered.view === 'scatter');
  assert.doesNotMatch(page.url(), /example=/);
  assert.equal(await page.locator('#chart .hit').count(), 35);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tidy table shows the role of each column, and a changed role is part of the view', async (t) => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const examples = await coreExamples(page);
  const i = examples ? examples.findIndex((e) => /register_by_subgroup/.test(e.file)) : -1;
  const hasRoles = await page.evaluate(() => !!window.bv.info.roles);
  if (i < 0 || !hasRoles) { t.skip('this core has no example tables with roles'); await context.close(); return; }
  await page.click(`#example-${i + 1}`);
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'line');
  assert.equal(await page.locator('#columns-box').getAttribute('open'), '');
  const year = page.locator('#columns select[data-column="year"]');
  assert.equal(await year.inputValue(), 'time');
  assert.match(await page.locator('#columns li', { has: page.locator('select[data-column="year"]') }).textContent(), /year.*naam bevat 'year'/);
  await year.selectOption('category');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('roles') === 'year:category');
  assert.equal(await page.locator('#error').isVisible(), false);
  // Back to the detected role: the override leaves the link.
  await year.selectOption('time');
  await page.waitForFunction(() => !location.hash.includes('roles='));
  await context.close();
});
