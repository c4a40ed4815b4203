// Issue 3 end to end: each file format people have loads through the page and gives the same
// flagship numbers, and every regional view opens on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, ready, ROOT } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const FIXTURES = [
  { file: 'regio-export-nl.csv', detected: /puntkomma.*decimaalteken ','|decimaalteken ','.*puntkomma/ },
  { file: 'regio-zonder-landelijk.tsv', detected: /tab/, note: /som van de regio/ },
  { file: 'regio-werkmap.xlsx', detected: /XLSX/ },
  { file: 'regio-records.json', detected: /JSON/ },
  // pandas' default `to_json` (one object per column, keyed by row number).
  { file: 'regio-pandas.json', detected: /object per kolom/ },
];

async function loadFixture(page, file) {
  await page.setInputFiles('#file', path.join(ROOT, 'tests', 'fixtures', file));
  await page.waitForFunction((f) => document.querySelector('#dataset')?.textContent.includes(f), file);
  await ready(page);
}

for (const fx of FIXTURES) {
  test(`${fx.file} loads through the file input and gives the published scatter`, async () => {
    const { page, context, requests } = await open(browser, srv.url);
    await ready(page);
    await loadFixture(page, fx.file);
    const dataset = await page.locator('#dataset').textContent();
    assert.match(dataset, fx.detected);
    assert.equal(await page.locator('#chart svg .hit').count(), 35);
    const r2 = await page.evaluate(() => window.bv.rendered.data.r2);
    assert.equal(Math.round(r2 * 10000) / 10000, 0.3083);
    if (fx.note) assert.match(await page.locator('body').textContent(), fx.note);
    for (const r of requests) assert.ok(r.startsWith(srv.url), `unexpected request ${r}`);
    await context.close();
  });
}

test('every regional view opens on a loaded workbook', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await loadFixture(page, 'regio-werkmap.xlsx');
  const views = await page.evaluate(() => window.bv.catalog.map((v) => v.view));
  for (const v of ['scatter', 'ranking', 'decomposition', 'trend', 'convergence', 'basics', 'report']) {
    assert.ok(views.includes(v), `catalogue offers ${v}`);
    await page.evaluate((view) => { location.hash = 'view=' + view; }, v);
    await page.waitForFunction((view) => window.bv.rendered && window.bv.rendered.view === view, v);
    assert.equal(await page.locator('#error').isHidden(), true, `no error for view=${v}`);
    assert.ok((await page.locator('#chart svg, #sections svg').count()) >= 1, `a chart for view=${v}`);
    // The reading: under the chart, or at the head of the report.
    const reading = (await page.locator('#summary').textContent()) + (await page.locator('#sections .report-head').allTextContents()).join(' ');
    assert.ok(reading.length > 20, `a reading for view=${v}`);
  }
  await context.close();
});

test('a published table with one column per year and a withheld count opens as lines, and says so', async () => {
  const os = await import('node:os');
  const fs = await import('node:fs');
  const file = path.join(os.tmpdir(), 'bv-e2e-per-jaar.csv');
  fs.writeFileSync(file, 'Arbeidsmarktregio;2015;2016;2017\nAchterhoek;2.332;2.437;2.600\nTwente;4.000;<10;4.500\nZeeland;1.500;1.600;1.650\n');
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelector('#dataset')?.textContent.includes('bv-e2e-per-jaar.csv'));
  await ready(page);
  const r = await page.evaluate(() => ({ view: window.bv.rendered.view, series: window.bv.rendered.data.series }));
  assert.equal(r.view, 'line');
  const twente = r.series.find((s) => s.name === 'Twente');
  assert.deepEqual(twente.points.map((p) => p.y), [4000, null, 4500]);
  const text = await page.locator('body').textContent();
  assert.match(text, /Eén kolom per periode \(2015, 2016, 2017\)/);
  assert.match(text, /afgeschermd aantal \('<10'\)/);
  assert.equal(await page.locator('#figure').getAttribute('aria-busy'), 'false');
  await context.close();
});

test('a CBS export in Windows-1252 with a header over two rows and spaced thousands gives the published scatter, and says so', async () => {
  const os = await import('node:os');
  const fs = await import('node:fs');
  // Built from the published long file: one column pair per doelgroep under a group row, counts
  // written with a no-break space between thousands, the peildatum with a two-digit year.
  const lines = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'regions_long.csv'), 'utf8').trim().split('\n').slice(1);
  const groups = ['Totaal', 'Wajong', 'WSW', 'Participatiewet'];
  const by = new Map();
  for (const l of lines) {
    const [region, year, group, persons, working] = l.split(',');
    const key = `${region};31-12-${year.slice(2)}`;
    if (!by.has(key)) by.set(key, {});
    by.get(key)[group] = [persons, working];
  }
  const spaced = (n) => (n === '' ? '' : Number(n).toLocaleString('en').replace(/,/g, '\u00a0'));
  let text = ';;' + groups.map((g) => `${g};`).join(';') + '\n';
  text += 'RegioS;Peildatum;' + groups.map(() => 'Personen;WerkzamePersonen').join(';') + '\n';
  for (const [key, d] of by) text += key + ';' + groups.map((g) => (d[g] ? `${spaced(d[g][0])};${spaced(d[g][1])}` : ';')).join(';') + '\n';
  const file = path.join(os.tmpdir(), 'bv-e2e-cbs-twee-rijen.csv');
  fs.writeFileSync(file, Buffer.from(text, 'latin1'));
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelector('#dataset')?.textContent.includes('bv-e2e-cbs-twee-rijen.csv'));
  await ready(page);
  assert.equal(await page.evaluate(() => window.bv.rendered.view), 'scatter');
  assert.equal(await page.locator('#chart svg .hit').count(), 35);
  const r2 = await page.evaluate(() => window.bv.rendered.data.r2);
  assert.equal(Math.round(r2 * 10000) / 10000, 0.3083);
  const body = await page.locator('body').textContent();
  assert.match(body, /Windows-1252/);
  assert.match(body, /Kopregel over twee rijen samengenomen/);
  assert.match(body, /spatie tussen de duizendtallen/);
  assert.match(body, /twee cijfers/);
  assert.equal(await page.locator('#figure').getAttribute('aria-busy'), 'false');
  await context.close();
});
