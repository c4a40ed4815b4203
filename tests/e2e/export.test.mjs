// Exports of a view: SVG (the same drawing, parses), PNG at 2x (signature, size), CSV for
// spreadsheets (BOM, `;` and decimal comma in Dutch, `,` and `.` in English, formulas made inert).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, download, tmpFile, parseCsv } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('SVG export is the drawn chart and parses as SVG', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&subgroup=wajong&from=2015&to=2017');
  await ready(page);
  const { name, bytes } = await download(page, '#export-svg');
  assert.equal(name, 'banenverkenner-scatter-wajong-2015-2017.svg');
  const text = bytes.toString('utf8');
  assert.equal(text, '<?xml version="1.0" encoding="UTF-8"?>\n' + (await page.evaluate(() => window.bv.rendered.svg)));
  const parsed = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: !!doc.querySelector('parsererror'), title: doc.querySelector('title')?.textContent, circles: doc.querySelectorAll('circle').length };
  }, text);
  assert.equal(parsed.error, false);
  assert.equal(parsed.root, 'svg');
  assert.match(parsed.title, /Wajong/);
  assert.ok(parsed.circles > 10, `${parsed.circles} circles`);
  await context.close();
});

test('PNG export is a PNG at twice the chart size', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const { width, height } = await page.evaluate(() => ({ width: window.bv.rendered.width, height: window.bv.rendered.height }));
  const { name, bytes } = await download(page, '#export-png');
  assert.match(name, /\.png$/);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.toString('ascii', 12, 16), 'IHDR');
  assert.equal(bytes.readUInt32BE(16), width * 2);
  assert.equal(bytes.readUInt32BE(20), height * 2);
  // Not an empty canvas: a drawn chart compresses to well over a few kilobytes.
  assert.ok(bytes.length > 20000, `${bytes.length} bytes`);
  await context.close();
});

test('CSV export in Dutch: BOM, semicolons, decimal comma, one row per region', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const { name, bytes } = await download(page, '#export-csv');
  assert.equal(name, 'banenverkenner-scatter-total-2015-2017.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  // The core's CSV writer (the project's one), as the page received it.
  assert.equal(bytes.toString('utf8'), await page.evaluate(() => window.bv.core.call('csv', { spec: window.bv.rendered.spec })));
  const text = bytes.toString('utf8').slice(1);
  const lines = text.trimEnd().split('\r\n');
  // The headers name the measures; the outlier class is a word.
  assert.equal(lines[0], 'regio;Aandeel werkenden 2015 (%);Aandeel werkenden 2015, verschil met landelijk (%-punt);Groei werkenden 2015-2017 (%);Groei werkenden 2015-2017, verschil met landelijk (%-punt);residu (%-punt);uitschieter');
  assert.equal(lines.length, 36);
  const rows = parseCsv(text, ';');
  assert.ok(rows.every((r) => r.length === 7));
  const food = rows.find((r) => r[0] === 'Food Valley');
  assert.match(food[1], /^40,1\d*$/);
  assert.match(food[2], /^-3,69\d*$/);
  assert.match(food[4], /^37,2\d*$/);
  assert.equal(food[6], 'sterk boven trend');
  await context.close();
});

// The numbers of the view as the CLI's `--json` prints them (the page had no way to them).
test('JSON export: the view\'s numbers, written by the core', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const { name, bytes } = await download(page, '#export-json');
  assert.equal(name, 'banenverkenner-scatter-total-2015-2017.json');
  const d = JSON.parse(bytes.toString('utf8'));
  assert.equal(d.points.length, 35);
  assert.equal(d.from, 2015);
  assert.ok(Math.abs(d.national_x - 43.8739) < 1e-3, String(d.national_x));
  const food = d.points.find((p) => p.region === 'Food Valley');
  assert.ok(Math.abs(food.y - 37.28) < 0.01, String(food.y));
  assert.equal(bytes.toString('utf8'), await page.evaluate(() => window.bv.core.call('json', { spec: window.bv.rendered.spec })));
  await context.close();
});

test('CSV export in English uses commas and decimal points', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&lang=en');
  await ready(page);
  const { bytes } = await download(page, '#export-csv');
  const rows = parseCsv(bytes.toString('utf8').slice(1), ',');
  assert.deepEqual(rows[0], ['region', 'Share working 2015 (%)', 'Share working 2015, difference from national (pp)', 'Growth of working persons 2015-2017 (%)', 'Growth of working persons 2015-2017, difference from national (pp)', 'residual (pp)', 'outlier']);
  assert.equal(rows.length, 36);
  const food = rows.find((r) => r[0] === 'Food Valley');
  assert.match(food[2], /^-3\.69\d*$/);
  assert.match(food[4], /^37\.2\d*$/);
  assert.equal(food[6], 'strongly above trend');
  await context.close();
});

test('CSV cells that start like a formula are made inert', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const csv = [
    'region,year,register_persons_corrected,workers_total',
    '=HYPERLINK("http://x";"y"),2015,1000,400', '=HYPERLINK("http://x";"y"),2016,1000,500',
    '+Zuid,2015,1000,500', '+Zuid,2016,1000,520',
    '@Oost,2015,1000,450', '@Oost,2016,1000,480',
    '-West,2015,1000,300', '-West,2016,1000,420',
  ].join('\n');
  await page.setInputFiles('#file', tmpFile('bv-e2e-formules.csv', csv));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  const { bytes } = await download(page, '#export-csv');
  const text = bytes.toString('utf8').slice(1);
  const rows = parseCsv(text, ';').slice(1);
  assert.deepEqual(rows.map((r) => r[0]).sort(), [`'=HYPERLINK("http://x";"y")`, "'+Zuid", "'-West", "'@Oost"].sort());
  // The quoted cell survives intact in the file itself.
  assert.ok(text.includes(`"'=HYPERLINK(""http://x"";""y"")";`), text);
  // Numbers keep their sign: a negative value is a number, not text.
  assert.ok(rows.some((r) => r.slice(1).some((c) => /^-\d/.test(c))), text);
  await context.close();
});
