// Print: the current view on A4 without the controls; the table prints when it is open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;

test('printing shows the chart, its reading and the file, not the controls, on one A4 page', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#controls', '.actions', 'header.site .lead', 'footer.site', '#lang-toggle']) assert.equal(await page.locator(sel).isVisible(), false, sel);
  for (const sel of ['#chart svg.drawing', '#summary', '#print-meta']) assert.equal(await page.locator(sel).isVisible(), true, sel);
  assert.match(await page.locator('#print-meta').textContent(), /Bestand: regions\.csv\. Weergave: view=scatter&subgroup=total&from=2015&to=2017/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pages(pdf), 1);
  // The chart spans the printable width (A4 minus 2 x 15 mm is about 680 CSS px).
  const width = await page.evaluate(() => document.querySelector('#chart svg.drawing').getBoundingClientRect().width);
  assert.ok(width > 600, `${width}`);
  await context.close();
});

test('with the table open the print holds the table too', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.click('#toggle-table');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#table table').isVisible(), true);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pages(pdf) >= 2 && pages(pdf) <= 3, `${pages(pdf)} pages`);
  await context.close();
});
