// The report (`view=report`): every figure and table of the regional analysis on one printable
// page, each section drawn once by the core (`sections` in its render result) with its reading,
// table and exports; presentation mode steps through its figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, axe, download } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

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
  // Its CSV is the core's, for that section's table (one row per region).
  const csv = await download(page, '#sections .report-section:nth-of-type(1) .section-actions button:last-child');
  assert.equal(csv.name, 'banenverkenner-scatter-total-2015-2017.csv');
  const own = await page.evaluate(() => window.bv.core.call('csv', { spec: window.bv.rendered.sections[0].spec }));
  assert.equal(csv.bytes.toString('utf8'), own);
  assert.equal(own.trimEnd().split('\r\n').length, 36);
  // Figure 2 (WSW, share of the register) is not saved under figure 1c's name (WSW, share).
  const fig1c = await download(page, '#sections .report-section:nth-of-type(4) .section-actions button:first-child');
  const fig2 = await download(page, '#sections .report-section:nth-of-type(5) .section-actions button:first-child');
  assert.notEqual(fig1c.name, fig2.name);
  assert.match(fig2.name, /register_share/);
  // Each section's table is drawn from the core's text cells.
  const first = await page.evaluate(() => window.bv.rendered.sections[0].text_table.rows.length);
  assert.equal(first, 35);
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
  // The last figure is the map (its boundaries are fetched when the report asks for them).
  await page.waitForFunction((s) => location.hash === '#' + s && window.bv.rendered.view === new URLSearchParams(s).get('view'), listed.at(-1));
  assert.equal(new URLSearchParams(listed.at(-1)).get('view'), 'map');
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
