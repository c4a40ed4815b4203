// Never the wrong data: what is on screen comes from the file the file line names. Failed loads,
// files that load but cannot be charted, broken embeds, links that carry a user's file (or ask for
// it by name), export buttons without a chart, and recovery from a dead wasm instance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serve, launch, open, ready, pointCount, tmpFile, FOUR_REGIONS, axe } from './helpers.mjs';

// A link's data as the page writes it: raw deflate, base64url.
const dz = (text) => zlib.deflateRawSync(Buffer.from(text)).toString('base64url');

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const EXPORTS = ['#export-svg', '#export-png', '#export-csv', '#embed-button'];
const disabled = (page) => Promise.all(EXPORTS.map((s) => page.locator(s).isDisabled()));
const idle = (page) => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });

test('a failed load keeps the previous data, says so, and the file line and chart agree', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-vier-regios.csv', FOUR_REGIONS));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  await page.setInputFiles('#file', tmpFile('bv-e2e-kapot.csv', 'region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,veel,5\n'));
  await page.waitForSelector('#error:not([hidden])');
  await idle(page);
  const msg = await page.locator('#error').textContent();
  assert.match(msg, /bv-e2e-kapot\.csv/);
  assert.match(msg, /rij 3/);
  assert.match(msg, /bv-e2e-vier-regios\.csv blijven getoond/);
  // The file line still names the four-region file, and the chart is still of it.
  assert.match(await page.locator('#dataset').textContent(), /^bv-e2e-vier-regios\.csv:/);
  assert.equal(await pointCount(page), 4);
  assert.equal(await page.evaluate(() => window.bv.fileName), 'bv-e2e-vier-regios.csv');
  // Views drawn afterwards still come from that file.
  await page.selectOption('#view', 'ranking');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'ranking');
  assert.equal(await page.locator('#chart .hit').count(), 4);
  await context.close();
});

test('a file that loads but cannot be charted shows the error and no chart of other data', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-alleen-tekst.csv', 'naam,kleur\naap,rood\nnoot,blauw\nmies,groen\n'));
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('bv-e2e-alleen-tekst.csv'));
  await idle(page);
  assert.equal(await page.locator('#error').isVisible(), true);
  assert.ok((await page.locator('#error').textContent()).length > 10);
  assert.equal(await page.locator('#chart svg').count(), 0);
  assert.equal(await page.locator('#sections svg').count(), 0);
  assert.equal(await page.locator('#summary').textContent(), '');
  assert.equal(await page.evaluate(() => window.bv.rendered), null);
  assert.deepEqual(await disabled(page), [true, true, true, true]);
  // Opening the table shows nothing of the previous data either.
  await page.click('#toggle-table');
  assert.equal(await page.locator('#table table').count(), 0);
  await context.close();
});

test('an embed whose data file does not exist shows the error and no chart', async () => {
  const { page, context, requests } = await open(browser, srv.url + '#embed&view=ranking&data=bestaat-niet.csv');
  await ready(page);
  await idle(page);
  assert.match(await page.locator('#error').textContent(), /bestaat-niet\.csv.*404/);
  assert.equal(await page.locator('#error').isVisible(), true);
  assert.equal(await page.locator('#chart svg').count(), 0);
  assert.equal(await page.evaluate(() => window.bv.rendered), null);
  assert.doesNotMatch(await page.locator('#dataset').textContent(), /regions\.csv/);
  // Its link to the full explorer names the same view and the same (missing) file, not other data.
  assert.equal(await page.getAttribute('#open-full', 'href'), srv.url + '#view=ranking&data=bestaat-niet.csv');
  for (const r of requests) assert.ok(r.startsWith(srv.url) || /^(data|blob):/.test(r), `unexpected request ${r}`);
  await context.close();
});

test('data= only names a relative path on the same site', async () => {
  for (const bad of ['https://example.org/x.csv', '//example.org/x.csv', '/etc/passwd', '../x.csv', 'javascript:alert(1)']) {
    const { page, context, requests } = await open(browser, srv.url + '#embed&view=scatter&data=' + encodeURIComponent(bad));
    await ready(page);
    assert.match(await page.locator('#error').textContent(), /alleen een relatief pad/, bad);
    assert.equal(await page.locator('#chart svg').count(), 0, bad);
    for (const r of requests) assert.ok(r.startsWith(srv.url), `unexpected request ${r} for ${bad}`);
    await context.close();
  }
});

test('export buttons are off while no chart is shown (an unknown view keeps a usable picker)', async () => {
  const { page, context } = await open(browser, srv.url + '#view=kaart');
  await ready(page);
  await idle(page);
  assert.match(await page.locator('#error').textContent(), /kaart/);
  assert.deepEqual(await disabled(page), [true, true, true, true]);
  // The picker still lists every view of the data, and choosing one draws it.
  const views = await page.locator('#view option:not([disabled])').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(views.includes('scatter') && views.includes('ranking'), views.join());
  await page.selectOption('#view', 'ranking');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'ranking');
  assert.equal(await page.locator('#error').isVisible(), false);
  assert.deepEqual(await disabled(page), [false, false, false, false]);
  await context.close();
});

test("a copied link of a user's file reopens the same view of the same data in a fresh page", async () => {
  const { page, context } = await open(browser, srv.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.url.replace(/\/$/, '') });
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-vier-regios.csv', FOUR_REGIONS));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  await page.selectOption('#view', 'ranking');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'ranking');
  const before = await page.evaluate(() => ({ spec: window.bv.rendered.spec, data: window.bv.rendered.data, table: window.bv.rendered.text_table }));
  await page.click('#copy-link');
  await page.waitForFunction(() => /Link gekopieerd/.test(document.getElementById('status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[#&]file=bv-e2e-vier-regios\.csv/);
  assert.match(link, /[#&]dz=[\w-]+/);
  // The next choice clears what the status line said of the copy.
  await page.selectOption('#view', 'scatter');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'scatter');
  assert.equal(await page.locator('#status').textContent(), '');
  await context.close();

  const fresh = await open(browser, link);
  await ready(fresh.page);
  await idle(fresh.page);
  assert.match(await fresh.page.locator('#dataset').textContent(), /^bv-e2e-vier-regios\.csv:/);
  const after = await fresh.page.evaluate(() => ({ spec: window.bv.rendered.spec, data: window.bv.rendered.data, table: window.bv.rendered.text_table }));
  assert.deepEqual(after, before);
  assert.equal(await fresh.page.locator('#chart .hit').count(), 4);
  for (const r of fresh.requests) assert.ok(r.startsWith(srv.url) || /^(data|blob):/.test(r), `unexpected request ${r}`);
  await fresh.context.close();
});

test('a link of a file too large to carry asks for the file by name, and never shows other data', async () => {
  // Many regions with pseudo-random counts: far more than 64 KB after compression.
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const rows = ['Regio;Jaar;Personen doelgroepregister gecorrigeerd;Werkzame personen'];
  for (let i = 0; i < 4000; i++) {
    const n = 100000 + (rnd() % 900000);
    for (const y of [2015, 2016]) rows.push(`Regio ${i};${y};${n};${Math.floor(n * (0.2 + (rnd() % 1000) / 2000))}`);
  }
  const file = tmpFile('bv-e2e-groot.csv', rows.join('\n'));
  const { page, context } = await open(browser, srv.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.url.replace(/\/$/, '') });
  await ready(page);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => window.bv.fileName === 'bv-e2e-groot.csv' && window.bv.rendered, null, { timeout: 60000 });
  await page.selectOption('#view', 'ranking');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'ranking', null, { timeout: 60000 });
  const spec = await page.evaluate(() => window.bv.rendered.spec);
  await page.click('#copy-link');
  await page.waitForFunction(() => /Link gekopieerd/.test(document.getElementById('status').textContent));
  assert.match(await page.locator('#status').textContent(), /te groot/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[#&]file=bv-e2e-groot\.csv/);
  assert.doesNotMatch(link, /dz=/);
  await context.close();

  const fresh = await open(browser, link);
  await ready(fresh.page);
  assert.match(await fresh.page.locator('#error').textContent(), /Open bv-e2e-groot\.csv om deze weergave te zien/);
  assert.equal(await fresh.page.locator('#chart svg').count(), 0);
  assert.doesNotMatch(await fresh.page.locator('#dataset').textContent(), /regions\.csv/);
  assert.deepEqual(await disabled(fresh.page), [true, true, true, true]);
  assert.deepEqual(await axe(fresh.page), []);
  await fresh.page.setInputFiles('#file', file);
  await fresh.page.waitForFunction(() => window.bv.rendered && window.bv.fileName === 'bv-e2e-groot.csv', null, { timeout: 60000 });
  assert.equal(await fresh.page.evaluate(() => window.bv.rendered.spec), spec);
  await fresh.context.close();
});

test('when the wasm instance traps, the page restarts the core with the last good data and says so', async () => {
  const { page, context, errors } = await open(browser, srv.url + '?bv-test-trap');
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-vier-regios.csv', FOUR_REGIONS));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  await page.evaluate(() => window.bv.trap());
  await page.waitForFunction(() => /liep vast/.test(document.getElementById('error').textContent), null, { timeout: 30000 });
  await idle(page);
  assert.match(await page.locator('#error').textContent(), /bv-e2e-vier-regios\.csv zijn opnieuw geladen/);
  assert.match(await page.locator('#dataset').textContent(), /^bv-e2e-vier-regios\.csv:/);
  assert.equal(await pointCount(page), 4);
  // The new instance works, on the same file.
  await page.selectOption('#view', 'ranking');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'ranking');
  assert.equal(await page.locator('#chart .hit').count(), 4);
  assert.equal(await page.locator('#error').isVisible(), false);
  // Without the flag there is no way to trap the instance.
  const plain = await open(browser, srv.url);
  await ready(plain.page);
  assert.equal(await plain.page.evaluate(() => typeof window.bv.trap), 'undefined');
  await plain.context.close();
  assert.ok(errors.every((e) => !/Uncaught/.test(e)), errors.join('\n'));
  await context.close();
});

test('hostile names stay text in the file line, the table, the tooltips and the pickers', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.evaluate(() => { window.pwned = 0; });
  const evil = '<img src=x onerror="window.pwned=1">';
  const csv = [
    'Regio;Jaar;Personen doelgroepregister gecorrigeerd;Werkzame personen',
    `${evil};2015;1000;400`, `${evil};2016;1000;500`,
    'Zuid\u202Egnirts;2015;1000;500', 'Zuid\u202Egnirts;2016;1000;520',
    'Oost;2015;1000;450', 'Oost;2016;1000;480',
  ].join('\n');
  await page.setInputFiles('#file', tmpFile('bv-e2e-<b onclick=x>vet.csv', csv));
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 3);
  await page.click('#toggle-table');
  await page.locator('#chart .hit').first().hover();
  assert.equal(await page.evaluate(() => window.pwned), 0);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('b').count(), 0);
  assert.match(await page.locator('#dataset').textContent(), /bv-e2e-<b onclick=x>vet\.csv/);
  assert.ok((await page.locator('#table').textContent()).includes(evil));
  assert.ok(await page.locator(`#chart .hit[data-key="${evil.replace(/"/g, '\\"')}"]`).count() === 1);
  assert.ok((await page.locator('#regions option').evaluateAll((os) => os.map((o) => o.value))).includes(evil));
  assert.ok((await page.locator('#tooltip').textContent()).length > 0);
  // A bidi override in a name is isolated in its cell.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#table td, #table th')).unicodeBidi), 'isolate');
  await context.close();
});

test("data in a link is checked like a file: an error names the link's file and row, and no other data is shown", async () => {
  const bad = 'region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,veel,5\n';
  const { page, context } = await open(browser, srv.url + '#view=scatter&file=kapot.csv&dz=' + dz(bad));
  await ready(page);
  await idle(page);
  assert.match(await page.locator('#error').textContent(), /kapot\.csv, rij 3, kolom 'register_persons_corrected'/);
  assert.equal(await page.locator('#chart svg').count(), 0);
  assert.equal(await page.locator('#dataset').textContent(), 'Geen gegevens geladen.');
  assert.deepEqual(await disabled(page), [true, true, true, true]);
  await context.close();

  // Damaged link data: said so, nothing drawn.
  const broken = await open(browser, srv.url + '#view=scatter&file=x.csv&dz=' + dz(FOUR_REGIONS).slice(0, 20) + 'xyz');
  await ready(broken.page);
  assert.match(await broken.page.locator('#error').textContent(), /beschadigd/);
  assert.equal(await broken.page.locator('#chart svg').count(), 0);
  await broken.context.close();

  // Good link data: the file's name on the file line and its four regions on the chart.
  const good = await open(browser, srv.url + '#view=scatter&file=vier.csv&dz=' + dz(FOUR_REGIONS));
  await ready(good.page);
  assert.match(await good.page.locator('#dataset').textContent(), /^vier\.csv:/);
  assert.equal(await pointCount(good.page), 4);
  await good.context.close();
});

test("the page's own messages about data follow the language", async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&lang=en');
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-kapot.csv', 'region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,veel,5\n'));
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /^The file bv-e2e-kapot\.csv was not loaded: .*The data of regions\.csv is still shown\.$/s);
  await context.close();
  const asked = await open(browser, srv.url + '#view=scatter&lang=en&file=groot.csv');
  await ready(asked.page);
  assert.equal(await asked.page.locator('#error').textContent(), 'Open groot.csv to see this view.');
  assert.equal(await asked.page.locator('#dataset').textContent(), 'No data loaded.');
  await asked.context.close();
});

test('editing the data in the address of an open page opens that data, never the view on the data already there', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.evaluate(() => { location.hash = '#view=bars&example=hours_per_week_by_subgroup_2019.csv'; });
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('hours_per_week_by_subgroup_2019.csv')
    && document.getElementById('figure').getAttribute('aria-busy') === 'false' && window.bv.rendered && window.bv.rendered.view === 'bars');
  assert.match(page.url(), /example=hours_per_week_by_subgroup_2019\.csv/);
  // And back: the built-in data again, with its own view.
  await page.evaluate(() => { location.hash = '#view=ranking'; });
  await page.waitForFunction(() => !document.getElementById('dataset').textContent.includes('hours_per_week')
    && window.bv.rendered && window.bv.rendered.view === 'ranking');
  await context.close();
});
