// Accessibility (WCAG 2.1 AA): axe-core finds no violations on the main page, the report, the embed
// and the presentation mode; the chart has a name, a text summary and a table; the keyboard alone
// reaches and works every control, with a visible focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, axe } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('axe: no violations on the main page, with table and embed code open, in Dutch and English', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&region=Twente');
  await ready(page);
  assert.deepEqual(await axe(page), []);
  await page.click('#toggle-table');
  await page.click('#embed-button');
  await page.click('#columns-box summary');
  assert.deepEqual(await axe(page), []);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('axe: no violations on the embed page and in presentation mode', async () => {
  const e = await open(browser, srv.url + '#embed&view=scatter&subgroup=wajong');
  await ready(e.page);
  assert.deepEqual(await axe(e.page), []);
  await e.context.close();
  const p = await open(browser, srv.url);
  await ready(p.page);
  await p.page.click('#present');
  assert.deepEqual(await axe(p.page), []);
  await p.context.close();
});

test('axe: no violations on the report', async (t) => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  if (!(await page.evaluate(() => window.bv.catalog.some((v) => v.view === 'report')))) {
    t.skip('the core has no report view yet');
    await context.close();
    return;
  }
  await page.evaluate(() => { location.hash = 'view=report'; });
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'report');
  const sections = await page.locator('#sections .report-section').count();
  assert.ok(sections >= 2, `${sections} sections`);
  // Several charts on one page: their ids stay unique.
  assert.equal(await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.length - new Set(ids).size; }), 0);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('the chart has an accessible name, a text summary, and a table with the same numbers', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const name = await page.evaluate(() => {
    const svg = document.querySelector('#chart svg.drawing');
    return svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent);
  });
  assert.match(name[0], /Aandeel werkenden 2015 en groei 2015-2017/);
  assert.match(name[1], /R² 0,3083/);
  assert.match(await page.locator('#summary').textContent(), /Sterker gegroeid dan de trend: .*Food Valley/);
  assert.equal(await page.locator('#table').isVisible(), false);
  await page.click('#toggle-table');
  assert.equal(await page.getAttribute('#toggle-table', 'aria-expanded'), 'true');
  const rows = page.locator('#table tbody tr');
  assert.equal(await rows.count(), 35);
  const food = await page.locator('#table tbody tr', { hasText: 'Food Valley' }).locator('th, td').allTextContents();
  assert.deepEqual(food, ['Food Valley', '40,18', '-3,70', '60,22', '37,28', '29,56', 'sterk boven trend']);
  // Every hit target names its region and values.
  const labels = await page.locator('#chart .hit').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.equal(labels.length, 35);
  assert.ok(labels.includes('Food Valley – Aandeel werkenden 2015: 40,2 % (-3,7 %-punt t.o.v. landelijk); groei werkenden 2015-2017: 60,2 % (+37,3 %-punt); sterk boven trend'), labels.join('\n'));
  await context.close();
});

test('keyboard only: Tab reaches every control with a visible focus, and each one works', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&region=Twente');
  await ready(page);
  // The first Tab reaches the skip link, which moves focus to the chart.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  assert.equal(await page.locator('.skip').isVisible(), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'figure');
  // Open the parts that hold further controls, so the walk covers them too.
  await page.click('#toggle-table');
  await page.click('#embed-button');
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  const controls = await page.evaluate(() => {
    const sel = 'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex="0"]';
    const out = [];
    document.querySelectorAll(sel).forEach((el, i) => {
      const box = el.getBoundingClientRect();
      if (el.closest('[hidden]') || getComputedStyle(el).visibility === 'hidden' || getComputedStyle(el).display === 'none' || (box.width === 0 && box.height === 0)) return;
      el.dataset.kbd = String(i);
      out.push(String(i) + ' ' + (el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)));
    });
    return out;
  });
  assert.ok(controls.length >= 18, controls.join('\n'));
  const reached = new Map();
  for (let i = 0; i < controls.length + 10; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.dataset.kbd) return null;
      // A visible focus: an outline on the element (or, for the hidden file input, on its drop zone),
      // or a stroke round a chart target.
      const own = getComputedStyle(el);
      const zone = el.type === 'file' ? getComputedStyle(el.closest('.drop')) : null;
      const visible = (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) >= 2)
        || (zone && zone.outlineStyle !== 'none')
        || (el instanceof SVGElement && own.stroke !== 'none' && parseFloat(own.strokeWidth) >= 2);
      return { id: el.dataset.kbd, visible };
    });
    if (r) reached.set(r.id, r.visible);
  }
  const missed = controls.filter((c) => !reached.has(c.split(' ')[0]));
  assert.deepEqual(missed, []);
  const unseen = controls.filter((c) => reached.get(c.split(' ')[0]) === false);
  assert.deepEqual(unseen, []);

  // A picker works by keyboard and keeps the focus while the chart is redrawn.
  await page.focus('#key-subgroup');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => location.hash.includes('subgroup=wajong'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'key-subgroup');
  // The slider: arrow keys change k.
  await page.focus('#key-k');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('k=1.1'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'key-k');
  assert.equal(await page.locator('#key-k-out').textContent(), '1,1');

  // The chart is one tab stop; arrow keys move between points, Enter highlights one.
  await page.focus('#chart .hit[tabindex="0"]');
  const start = await page.evaluate(() => document.activeElement.dataset.key);
  assert.equal(start, 'Twente');
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => document.activeElement.dataset.key);
  assert.notEqual(next, start);
  assert.equal(await page.locator('#tooltip').isVisible(), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => new URLSearchParams(location.hash.slice(1)).get('region') === k, next);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), next);
  await context.close();
});

test('reflow: at 320 px wide the page needs no horizontal scrolling (WCAG 1.4.10)', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(srv.url + '#view=scatter&region=Twente&lang=en');
  await ready(page);
  await page.click('#embed-button');
  const wide = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(wide[0] <= wide[1], `page is ${wide[0]} px wide in a ${wide[1]} px window`);
  await context.close();
});

test('target size: the controls beside the chart are at least 24 px high (WCAG 2.5.8)', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter');
  await ready(page);
  // The two summaries were 21 px, the k slider 16 px.
  const small = await page.evaluate(() => [...document.querySelectorAll('summary, input, select, button')]
    .filter((el) => el.offsetParent !== null && !el.closest('.hit-layer, #chart, .skip'))
    // (A visually hidden input, the file's, is reached through its label, which is measured.)
    .map((el) => (el.getBoundingClientRect().height <= 1 && el.labels && el.labels[0]) || el)
    .map((el) => ({ el: el.id || el.closest('[id]')?.id || el.tagName, h: el.getBoundingClientRect().height }))
    .filter((t) => t.h < 24));
  assert.deepEqual(small, []);
  await context.close();
});

test('axe: no violations on every view of the catalogue, with its table open', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.click('#toggle-table');
  const views = await page.evaluate(() => window.bv.catalog.map((v) => v.view));
  for (const v of views) {
    await page.evaluate((name) => { location.hash = 'view=' + name; }, v);
    await page.waitForFunction((name) => window.bv.rendered.view === name, v);
    assert.deepEqual(await axe(page), [], `view=${v}`);
  }
  await context.close();
});
