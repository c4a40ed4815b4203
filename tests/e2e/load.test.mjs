// Large files load in a Web Worker: the page shows a progress bar that moves, stays usable while
// the file is read and parsed, and a load can be cancelled (the previous data stays).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, ready, pointCount, axe, tmpFile, municipalityCounts, sumsPerRegion } from './helpers.mjs';

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

// A new file after one whose view the user did not choose opens on its own first chart: the
// job-coach table after the hours table got the hours table's stacked bars (its last period
// only), not its areas over the months.
test('a new file opens on its own chart unless the user chose the view', async () => {
  const samples = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data', 'samples');
  const hours = tmpFile('bv-e2e-uren.csv', fs.readFileSync(path.join(samples, 'hours_per_week_by_subgroup_2019.csv'), 'utf8'));
  const coach = tmpFile('bv-e2e-jobcoach.csv', fs.readFileSync(path.join(samples, 'jobcoach_states_by_month.csv'), 'utf8'));
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const opened = async (file, name) => {
    await page.setInputFiles('#file', file);
    await page.waitForFunction((n) => document.getElementById('dataset').textContent.startsWith(n) && document.documentElement.dataset.state === 'ready', name);
    return page.evaluate(() => window.bv.rendered.view);
  };
  const first = await opened(hours, 'bv-e2e-uren.csv');
  assert.equal(await opened(coach, 'bv-e2e-jobcoach.csv'), 'area');
  // Chosen in the view picker: kept for the next file.
  await opened(hours, 'bv-e2e-uren.csv');
  await page.selectOption('#view', 'bars');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'bars' && document.documentElement.dataset.state === 'ready');
  assert.notEqual(first, 'bars');
  assert.equal(await opened(coach, 'bv-e2e-jobcoach.csv'), 'bars');
  assert.deepEqual(errors, []);
  await context.close();
});

// A new file with the columns of the one before: the worker draws the view the page will most
// likely show in the request that opens the file, and the page shows that drawing (no request of
// its own for it), with the new file's numbers.
test('a new file with the same columns gets its chart in the request that opens it', async () => {
  const csv = (k) => ['kwartaal,regio,werkzaam', ...['2019K1', '2019K2'].flatMap((q) => [['Twente', 5], ['Rijnmond', 9]].map(([r, n]) => `${q},${r},${n * k}`))].join('\n') + '\n';
  const a = tmpFile('bv-e2e-same-a.csv', csv(1));
  const b = tmpFile('bv-e2e-same-b.csv', csv(10));
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  await page.setInputFiles('#file', a);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-same-a.csv') && document.documentElement.dataset.state === 'ready');
  await page.selectOption('#view', 'line');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'line' && document.documentElement.dataset.state === 'ready');
  const spec = await page.evaluate(() => window.bv.rendered.spec);
  await page.evaluate(() => {
    const core = window.bv.core;
    const call = core.call.bind(core);
    window.__asked = [];
    core.call = (op, ...rest) => { window.__asked.push(op); return call(op, ...rest); };
  });
  await page.setInputFiles('#file', b);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-same-b.csv') && document.documentElement.dataset.state === 'ready');
  const asked = await page.evaluate(() => window.__asked);
  assert.ok(asked.includes('open') && !asked.includes('render'), asked.join());
  assert.equal(await page.evaluate(() => window.bv.rendered.spec), spec);
  const total = await page.evaluate(() => {
    const { columns, rows } = window.bv.rendered.table;
    const j = columns.indexOf('werkzaam');
    return rows.reduce((s, r) => s + r[j], 0);
  });
  assert.equal(total, 280);
  assert.equal(await page.getAttribute('#figure', 'aria-busy'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

// A large CSV file on a started page is read by two workers (the second reads the second half
// and hands its rows over); the numbers are those of the whole file. When the cut falls inside a
// quoted cell over many lines, the first worker reads on alone: the same numbers again.
test('a large file is read by two workers, with the numbers of the whole file; a cut inside a quoted cell reads on alone', async () => {
  const make = (name, quotedAtMiddle) => {
    const file = path.join(dir, name);
    const lines = ['gemeente;arbeidsmarktregio;kwartaal;toelichting;aandeel;werkzaam'];
    const sums = new Map();
    let size = lines[0].length + 1;
    let seed = 7;
    for (let i = 0; size < 12e6; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const region = `Regio ${i % 35}`;
      // Decimal commas, and in the second half a name in Windows-1252 (read as such by both).
      const n = seed % 1000;
      let note = i % 9 === 0 ? '"een; twee"' : '';
      if (quotedAtMiddle && size > 4.8e6 && size < 7.2e6) {
        // From 40 % to 60 % of the file, cells of about 100 KB over 3,000 lines each: wherever
        // near the middle the file is cut, it is cut inside one.
        note = '"' + Array.from({ length: 3000 }, (_, k) => `regel ${k} van een lange toelichting`).join('\n') + '"';
      }
      const line = `${size > 6e6 && i % 50 === 0 ? 'S\u00fadwest-Frysl\u00e2n' : 'Gemeente ' + (i % 350)};${region};2019K4;${note};${String(n / 8).replace('.', ',')};${n}`;
      lines.push(line);
      size += Buffer.byteLength(line, 'latin1') + 1;
      sums.set(region, (sums.get(region) || 0) + n);
    }
    fs.writeFileSync(file, Buffer.from(lines.join('\n') + '\n', 'latin1'));
    return { file, sums, rows: lines.length - 1 };
  };
  for (const [name, quotedAtMiddle, readBy] of [['bv-e2e-twee.csv', false, 2], ['bv-e2e-citaat.csv', true, 1]]) {
    const { file, sums, rows } = make(name, quotedAtMiddle);
    const { page, context, errors } = await open(browser, srv.url);
    await ready(page);
    await page.evaluate(() => window.bv.core.call('fullCore'));
    await page.setInputFiles('#file', file);
    // (Whatever view the page picks for it first: the sums are asked for below.)
    await page.waitForFunction((n) => document.getElementById('dataset').textContent.startsWith(n) && ['ready', 'error'].includes(document.documentElement.dataset.state), name, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.bv.readBy), readBy, name);
    const shown = await sumsPerRegion(page);
    assert.match(await page.locator('#dataset').textContent(), new RegExp(`Windows-1252, scheidingsteken puntkomma, decimaalteken ',', .* ${rows.toLocaleString('nl-NL').replace(/\./g, '\\.')} gegevensrijen`));
    assert.equal(shown.length, 35);
    for (const [region, y] of shown) assert.equal(y, sums.get(region), `${name}: ${region}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A file's byte stream that stops delivering (seen in Chromium while two workers read one file)
// is given up after a few seconds and the piece read by itself: the load ends, with the numbers
// of the whole file. (`?bv-test-stall`: the stream stops once, after its first megabyte.)
test('a byte stream that stops delivering is read around: the load ends with the whole file', async () => {
  const { text, sums } = municipalityCounts({ rows: 120000 });
  const file = path.join(dir, 'bv-e2e-stokt.csv');
  fs.writeFileSync(file, text);
  assert.ok(fs.statSync(file).size > 3e6);
  const { page, context, errors } = await open(browser, srv.url + '?bv-test-stall');
  await ready(page);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-stokt.csv') && document.documentElement.dataset.state === 'ready', null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.bv.stalls), 1);
  const shown = await sumsPerRegion(page);
  assert.match(await page.locator('#dataset').textContent(), / 120\.000 gegevensrijen/);
  assert.equal(shown.length, 35);
  for (const [region, y] of shown) assert.equal(y, sums.get(region), region);
  assert.deepEqual(errors, []);
  await context.close();
});

// A view chosen while a file loads is the view the file opens with (it was lost: the page showed
// the file's default view and dropped `file=` from the address). Chosen during a load that is
// cancelled, it is drawn on the data that stays.
test('a view chosen during a load is the one the new file opens with, or the kept data shows after a cancel', async () => {
  const rows = ['gemeente;arbeidsmarktregio;jaar;leeftijd;personen;werkzaam'];
  for (let i = 0; i < 150000; i++) rows.push(`Gemeente ${i % 350};Regio ${i % 35};${2015 + (i % 3)};${Math.floor(i / 1050)};${100 + (i % 50)};${40 + (i % 20)}`);
  const file = tmpFile('bv-e2e-gekozen.csv', rows.join('\n') + '\n');
  const { page, context, errors } = await open(browser, srv.url + '?bv-test-slow');
  await ready(page);
  const loaded = () => page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-gekozen.csv')
    && document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#progress:not([hidden])');
  await page.selectOption('#view', 'ranking');
  assert.equal(await page.locator('#progress').isVisible(), true, 'chosen while the file loads');
  await loaded();
  assert.equal(await page.evaluate(() => window.bv.rendered.view), 'ranking');
  assert.match(page.url(), /view=ranking/);
  assert.match(page.url(), /file=bv-e2e-gekozen\.csv/);
  // Again, then cancelled: the view chosen meanwhile is drawn on the file that stays.
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#progress:not([hidden])');
  await page.selectOption('#view', 'trend');
  await page.click('#cancel-load');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'trend'
    && document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  assert.match(await page.locator('#error').textContent(), /afgebroken/);
  assert.match(await page.locator('#dataset').textContent(), /^bv-e2e-gekozen\.csv/);
  assert.match(page.url(), /view=trend.*file=bv-e2e-gekozen\.csv|file=bv-e2e-gekozen\.csv.*view=trend/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Found by a probe: a file chosen while the page was still starting was sometimes dropped
// without a word, and the built-in data shown in its place. (`?bv-test-latecore`: the core comes
// up a second and a half after the page, so the file is surely chosen before it.) A file dropped
// anywhere on the page is opened too, not only on the drop zone.
test('a file chosen while the page starts is the one it opens, never the built-in data', async () => {
  const { text, sums } = municipalityCounts({ rows: 2000 });
  const file = path.join(dir, 'bv-e2e-vroeg.csv');
  fs.writeFileSync(file, text);
  const { page, context, errors } = await open(browser, srv.url + '?bv-test-latecore#view=ranking&measure=growth&subgroup=wajong');
  assert.notEqual(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state) && document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  assert.match(await page.locator('#dataset').textContent(), /^bv-e2e-vroeg\.csv/);
  assert.match(await page.evaluate(() => location.hash), /file=bv-e2e-vroeg\.csv/);
  const shown = await sumsPerRegion(page);
  assert.equal(shown.length, 35);
  for (const [region, y] of shown) assert.equal(y, sums.get(region), region);

  // Dropped on the heading, away from the drop zone: opened, the page stays.
  const other = municipalityCounts({ rows: 700 });
  const dropped = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'bv-e2e-gesleept.csv', { type: 'text/csv' }));
    dt.items.add(new File(['a;b\n1;2\n'], 'tweede.csv', { type: 'text/csv' }));
    return dt;
  }, other.text);
  await page.dispatchEvent('h1', 'dragover', { dataTransfer: dropped });
  await page.dispatchEvent('h1', 'drop', { dataTransfer: dropped });
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('bv-e2e-gesleept.csv') && document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
  assert.match(await page.locator('#status').textContent(), /2 bestanden; alleen het eerste, bv-e2e-gesleept\.csv/);
  assert.deepEqual(errors, []);
  await context.close();
});
