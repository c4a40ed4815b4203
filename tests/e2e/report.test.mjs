// The report (`view=report`): every figure and table of the regional analysis on one printable
// page, each section drawn on its own with its reading, table and exports; presentation mode steps
// through its figures. A result that carries `sections` itself is shown the same way.
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

test('a result that carries sections shows each figure with its reading, table and exports', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await withSections(page);
  assert.equal(await page.locator('#figure').isVisible(), false);
  const sections = page.locator('#sections .report-section');
  assert.equal(await sections.count(), 3);
  assert.equal(await page.locator('#sections .report-head h2').textContent(), 'Rapport');
  assert.deepEqual(await sections.locator('h3').allTextContents(), [
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
  const { name } = await download(page, '#sections .report-section:nth-of-type(2) .section-actions button:first-child');
  assert.equal(name, 'banenverkenner-scatter-wajong-2015-2017.svg');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('a result with sections prints on A4 pages', async () => {
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

test('the report shows every section of the core, numbered, each with its chart or table', async () => {
  const { page, context, errors } = await open(browser, srv.url + '#view=report');
  await ready(page);
  const listed = await page.evaluate(() => window.bv.rendered.data.sections);
  assert.equal(listed.length, 14);
  const sections = page.locator('#sections .report-section');
  assert.equal(await sections.count(), listed.length);
  assert.match(await page.locator('#sections .report-head h2').textContent(), /Regionale analyse banenafspraak 2015-2017/);
  const heads = await sections.locator('h3').allTextContents();
  assert.match(heads[0], /^Figuur 1a\. Aandeel werkenden 2015 en groei 2015-2017/);
  assert.ok(heads.some((h) => h.startsWith('Tabel 8')), heads.join('\n'));
  for (const [i, s] of listed.entries()) {
    const sec = sections.nth(i);
    if (!s.available) { assert.match(await sec.textContent(), /Niet beschikbaar/); continue; }
    assert.equal(await sec.locator('svg.drawing').count(), 1, s.label);
    assert.equal(await sec.locator('figcaption').textContent(), s.summary, s.label);
  }
  // The combined figure is not shown twice; the report's own reading heads it.
  assert.equal(await page.locator('#figure').isVisible(), false);
  assert.equal(await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.length - new Set(ids).size; }), 0);
  // A section's export is that figure alone, under its own name.
  const { name } = await download(page, '#sections .report-section:nth-of-type(1) .section-actions button:first-child');
  assert.equal(name, 'banenverkenner-scatter-total-2015-2017.svg');
  // A region chosen in the report is highlighted in its figures.
  await page.click('#sections .report-section:nth-of-type(2) .hit[data-key="Twente"]');
  await page.waitForFunction(() => window.bv.rendered.spec.includes('region=Twente'));
  assert.equal(await page.evaluate(() => window.bv.rendered.view), 'report');
  assert.ok(await page.locator('#sections .hit[data-key="Twente"][aria-pressed="true"]').count() >= 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('presenting the report steps through its figures', async () => {
  const { page, context } = await open(browser, srv.url + '#view=report');
  await ready(page);
  const listed = await page.evaluate(() => window.bv.rendered.data.sections.filter((s) => s.available).map((s) => s.spec));
  await page.click('#present');
  const slides = await page.evaluate(() => window.bv.slides);
  assert.deepEqual(slides, listed);
  assert.equal(await page.locator('#present-count').textContent(), `Figuur 1 van ${listed.length}`);
  // The first figure replaces the report on the screen.
  await page.waitForFunction((s) => location.hash === '#' + s && window.bv.rendered.view === 'scatter', listed[0]);
  await page.keyboard.press('End');
  await page.waitForFunction((s) => location.hash === '#' + s && window.bv.rendered.view === 'convergence', listed.at(-1));
  await page.keyboard.press('Escape');
  await context.close();
});

test('the report prints on A4 with every figure whole and no controls', async () => {
  const { page, context } = await open(browser, srv.url + '#view=report');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#sections .section-actions').first().isVisible(), false);
  assert.equal(await page.locator('#controls').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  // Thirteen figures and tables, about two to a page.
  assert.ok(pages >= 6 && pages <= 14, `${pages} pages`);
  await context.close();
});
