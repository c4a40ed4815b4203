// Large files load in a Web Worker: the page shows a progress bar that moves, stays usable while
// the file is read and parsed, and a load can be cancelled (the previous data stays).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, ready, pointCount, axe, tmpFile } from './helpers.mjs';

let srv, browser, dir, big;
before(async () => {
  srv = await serve();
  browser = await launch();
  // A tidy file of about 40 MB: municipalities, regions, quarters, subgroups, ages, sexes.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-groot-'));
  big = path.join(dir, 'bv-e2e-gemeenten.csv');
  const out = fs.openSync(big, 'w');
  fs.writeSync(out, 'gemeente;arbeidsmarktregio;kwartaal;subgroep;leeftijd;geslacht;personen;werkzaam\n');
  const groups = ['Wajong', 'WSW', 'Participatiewet', 'Praktijkroute'];
  const ages = ['15-26', '27-49', '50+'];
  let seed = 1;
  let buf = [];
  for (let i = 0; i < 700000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const g = i % 350;
    const n = 20 + (seed % 400);
    buf.push(`Gemeente ${g};Regio ${g % 35};${2015 + ((i >> 4) % 10)}K${1 + (i % 4)};${groups[i % 4]};${ages[i % 3]};${i % 2 ? 'man' : 'vrouw'};${n};${Math.floor(n / 3)}`);
    if (buf.length === 20000) { fs.writeSync(out, buf.join('\n') + '\n'); buf = []; }
  }
  if (buf.length) fs.writeSync(out, buf.join('\n') + '\n');
  fs.closeSync(out);
});
after(async () => {
  await browser?.close();
  srv?.server.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a large file: the progress bar moves, the page responds, and cancelling keeps the previous data', async () => {
  assert.ok(fs.statSync(big).size > 30e6, `${fs.statSync(big).size} bytes`);
  // `?bv-test-slow`: the worker reads the file slowly, so the cancel comes midway whatever the
  // speed of the parser.
  const { page, context, errors } = await open(browser, srv.url + '?bv-test-slow');
  await ready(page);
  // Every value the progress bar takes.
  await page.evaluate(() => {
    window.progressSeen = [];
    const bar = document.getElementById('progress-bar');
    new MutationObserver(() => window.progressSeen.push(Number(bar.getAttribute('value')))).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
  await page.setInputFiles('#file', big);
  await page.waitForSelector('#progress:not([hidden])');
  assert.equal(await page.getAttribute('#figure', 'aria-busy'), 'true');
  // The page answers while the worker reads and parses: a control works and the chart is there.
  await page.click('#toggle-table');
  assert.equal(await page.getAttribute('#toggle-table', 'aria-expanded'), 'true');
  assert.equal(await page.locator('#table tbody tr').count(), 35);
  assert.equal(await page.locator('#progress').isVisible(), true, 'the load is still running');
  // The progress bar and its cancel button are accessible too.
  assert.deepEqual(await axe(page, { include: ['#controls'] }), []);
  assert.match(await page.locator('#progress-text').textContent(), /Bezig met lezen van bv-e2e-gemeenten\.csv: \d+ %/);
  await page.waitForFunction(() => window.progressSeen.some((v) => v >= 0.3), null, { timeout: 30000 });
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.filter((v) => v > 0 && v < 1).length >= 2, `progress values ${seen.join(', ')}`);
  assert.ok(seen.every((v, i) => i === 0 || v >= seen[i - 1]), `progress goes forward: ${seen.join(', ')}`);
  // Cancel: the load stops, the built-in data stays on screen and in the file line.
  await page.click('#cancel-load');
  await page.waitForSelector('#progress', { state: 'hidden' });
  await page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false');
  assert.match(await page.locator('#error').textContent(), /afgebroken.*regions\.csv blijven getoond/);
  assert.match(await page.locator('#dataset').textContent(), /^regions\.csv:/);
  assert.equal(await pointCount(page), 35);
  // The new worker has the built-in data: another view is drawn from it.
  await page.selectOption('#key-subgroup', 'wajong');
  await page.waitForFunction(() => window.bv.rendered.title.includes('Wajong'));
  assert.equal(await pointCount(page), 35);
  assert.deepEqual(errors, []);
  await context.close();
});

// A new file's chart comes before its catalogue: the view on screen is kept (its catalogue entry
// worked out alone), and once the page is ready the pickers offer every view of the new file.
test('a new file keeps the view on screen, then its pickers offer all its views', async () => {
  const a = tmpFile('bv-e2e-a.csv', 'jaar;subgroep;aantal\n2015;Wajong;10\n2015;WSW;20\n2016;Wajong;12\n2016;WSW;21\n2017;Wajong;15\n2017;WSW;19\n');
  const rows = ['kwartaal,regio,personen'];
  for (const q of ['2019K1', '2019K2', '2019K3', '2019K4']) for (const [r, n] of [['Twente', 5], ['Rijnmond', 9], ['Drechtsteden', 4]]) rows.push(`${q},${r},${n + q.length}`);
  const b = tmpFile('bv-e2e-b.csv', rows.join('\n') + '\n');
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', a);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-a.csv') && document.documentElement.dataset.state === 'ready');
  await page.selectOption('#view', 'line');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'line');
  await page.setInputFiles('#file', b);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-b.csv') && document.documentElement.dataset.state === 'ready');
  assert.equal(await page.evaluate(() => window.bv.rendered.view), 'line');
  assert.match(await page.evaluate(() => window.bv.rendered.spec), /^view=line&x=kwartaal&/);
  const catalog = await page.evaluate(() => window.bv.catalog.map((v) => v.view));
  assert.ok(catalog.includes('line') && catalog.includes('bars'), catalog.join());
  const offered = await page.locator('#view option:not([disabled])').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(offered, catalog);
  assert.equal(await page.getAttribute('#figure', 'aria-busy'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});
