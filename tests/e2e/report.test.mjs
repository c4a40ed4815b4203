// The report: a view whose result carries `sections` is shown as one printable page of figures and
// tables. Until the core has its report view, the page's part is checked with a result built from
// the core's own scatter views (the page renders whatever sections it is given).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, axe, download } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function withSections(page) {
  await page.evaluate(() => {
    const ex = window.bv.explorer;
    const own = ex.render.bind(ex);
    ex.render = (spec) => {
      if (!/^view=testrapport/.test(spec)) return own(spec);
      const a = own('view=scatter&subgroup=total');
      const b = own('view=scatter&subgroup=wajong');
      return {
        spec: 'view=testrapport', view: 'testrapport', title: 'Rapport', subtitle: '', source: '', summary: '', data: {},
        table: { columns: [], rows: [] }, svg: '', width: 0, height: 0, hits: [], notes: [],
        sections: [a, b, { title: 'Basismaten', summary: 'Een tabel zonder grafiek.', table: { columns: ['regio', 'groei'], rows: [['Twente', 1.5], ['Drenthe', null]] } }],
      };
    };
    location.hash = 'view=testrapport';
  });
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'testrapport');
}

test('a result with sections shows each figure with its reading, table and exports', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await withSections(page);
  assert.equal(await page.locator('#figure').isVisible(), false);
  const sections = page.locator('#sections .report-section');
  assert.equal(await sections.count(), 3);
  assert.deepEqual(await sections.locator('h2').allTextContents(), [
    'Aandeel werkenden 2015 en groei 2015-2017, totaal', 'Aandeel werkenden 2015 en groei 2015-2017, Wajong', 'Basismaten']);
  assert.equal(await page.locator('#sections svg.drawing').count(), 2);
  assert.match(await sections.nth(1).locator('figcaption').textContent(), /R² 0,50/);
  // The table-only section shows its table; a missing value is "onbekend", never 0.
  assert.deepEqual(await sections.nth(2).locator('tbody tr').nth(1).locator('th, td').allTextContents(), ['Drenthe', 'onbekend']);
  // Two charts on one page: every id is unique, and each chart is named by its own title.
  assert.equal(await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.length - new Set(ids).size; }), 0);
  const names = await page.locator('#sections svg.drawing').evaluateAll((svgs) => svgs.map((s) => document.getElementById(s.getAttribute('aria-labelledby').split(' ')[0]).textContent));
  assert.match(names[1], /Wajong/);
  // Both charts have their own points to hover; highlighting works in each.
  assert.equal(await page.locator('#sections .hit').count(), 70);
  const { name } = await download(page, '#sections .report-section:nth-child(2) .section-actions button:first-child');
  assert.equal(name, 'banenverkenner-scatter-wajong-2015-2017.svg');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('the report prints its figures on A4 pages, each figure whole', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await withSections(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#sections .section-actions').first().isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert.ok(pages >= 2 && pages <= 4, `${pages} pages`);
  await context.close();
});
