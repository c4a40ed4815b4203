// Interaction: tooltips on hover, choosing a region (search box or click) that stays highlighted
// across views until cleared, the k slider, and pickers built from the core's view catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, tmpFile, axe } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const region = (page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('region'));

test('hovering a point shows its region and values in Dutch formatting, next to the point', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const hit = page.locator('#chart .hit[data-key="Food Valley"]');
  await hit.hover();
  const tip = page.locator('#tooltip');
  assert.equal(await tip.isVisible(), true);
  assert.equal(await tip.textContent(), 'Food Valley – Aandeel werkenden 2015: 40,2 % (-3,7 %-punt t.o.v. landelijk); groei werkenden 2015-2017: 60,2 % (+37,3 %-punt); sterk boven trend');
  const [a, b] = [await hit.boundingBox(), await tip.boundingBox()];
  assert.ok(Math.abs(b.y + b.height - a.y) < 40 && Math.abs(b.x - (a.x + a.width)) < 40, JSON.stringify({ a, b }));
  await page.mouse.move(1, 1);
  assert.equal(await tip.isVisible(), false);
  await context.close();
});

test('the hit targets lie on the drawn points', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  // Each target is centred on a drawn marker: compare with the core's hit coordinates, scaled.
  const off = await page.evaluate(() => {
    const svg = document.querySelector('#chart svg.drawing');
    const box = svg.getBoundingClientRect();
    const s = box.width / window.bv.rendered.width;
    let worst = 0;
    for (const el of document.querySelectorAll('#chart .hit')) {
      const h = window.bv.rendered.hits.find((x) => x.key === el.dataset.key);
      const r = el.getBoundingClientRect();
      worst = Math.max(worst, Math.abs(r.x - (box.x + h.x * s)), Math.abs(r.y - (box.y + h.y * s)));
    }
    return worst;
  });
  assert.ok(off < 1, `off by ${off}px`);
  await context.close();
});

test('choosing a region in the search box highlights it in every view until cleared', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const options = await page.locator('#regions option').evaluateAll((os) => os.map((o) => o.value));
  assert.equal(options.length, 35);
  assert.ok(options.includes('Zuid-Limburg'));
  await page.fill('#region', 'zuid-limburg');
  await page.press('#region', 'Enter');
  await page.waitForFunction(() => location.hash.includes('region=Zuid-Limburg'));
  assert.equal(await page.inputValue('#region'), 'Zuid-Limburg');
  // The chart labels the highlighted region.
  assert.match(await page.locator('#chart svg.drawing').textContent(), /Zuid-Limburg/);
  assert.equal(await page.getAttribute('#chart .hit[data-key="Zuid-Limburg"]', 'aria-pressed'), 'true');
  // Another subgroup and another view keep it.
  await page.selectOption('#key-subgroup', 'wsw');
  await page.waitForFunction(() => location.hash.includes('subgroup=wsw'));
  assert.equal(await region(page), 'Zuid-Limburg');
  await page.selectOption('#key-x', 'register_share');
  await page.waitForFunction(() => location.hash.includes('x=register_share'));
  assert.equal(await region(page), 'Zuid-Limburg');
  assert.match(await page.locator('#region-hint').textContent(), /Zuid-Limburg is gemarkeerd/);
  // A name that is not in the view is refused with a message.
  await page.fill('#region', 'Atlantis');
  await page.press('#region', 'Enter');
  assert.match(await page.locator('#region-hint').textContent(), /Geen regio of reeks met de naam ‘Atlantis’/);
  assert.equal(await region(page), 'Zuid-Limburg');
  // Part of a name that one region holds chooses that region (as `region=zwolle` in a link).
  await page.fill('#region', 'zwolle');
  await page.press('#region', 'Enter');
  await page.waitForFunction(() => location.hash.includes('region=IJsselvechtstreek'));
  assert.equal(await page.inputValue('#region'), 'IJsselvechtstreek (Regio Zwolle)');
  await page.click('#clear-region');
  await page.waitForFunction(() => !location.hash.includes('region='));
  assert.equal(await page.inputValue('#region'), '');
  assert.equal(await page.locator('#chart .hit[aria-pressed="true"]').count(), 0);
  await context.close();
});

test('clicking a point highlights its region; clicking it again clears it', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  await page.click('#chart .hit[data-key="Twente"]');
  await page.waitForFunction(() => location.hash.includes('region=Twente'));
  assert.equal(await page.inputValue('#region'), 'Twente');
  await page.click('#chart .hit[data-key="Twente"]');
  await page.waitForFunction(() => !location.hash.includes('region='));
  await context.close();
});

test('the k slider sets the outlier threshold in the hash and the chart follows', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const outliers = () => page.evaluate(() => window.bv.rendered.data.points.filter((p) => p.outlier).length);
  assert.equal(await outliers(), 11);
  assert.equal(await page.getAttribute('#key-k', 'type'), 'range');
  await page.locator('#key-k').fill('2');
  await page.waitForFunction(() => location.hash.includes('k=2'));
  assert.ok((await outliers()) < 11);
  assert.equal(await page.locator('#key-k-out').textContent(), '2');
  await page.locator('#key-k').fill('1');
  await page.waitForFunction(() => !location.hash.includes('k='));
  assert.equal(await outliers(), 11);
  await context.close();
});

test('the pickers are the core catalogue: every view and key, with its choices', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const catalog = await page.evaluate(() => window.bv.catalog);
  assert.ok(catalog.length >= 1);
  const views = await page.locator('#view option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(views, catalog.map((v) => v.view));
  const scatter = catalog.find((v) => v.view === 'scatter');
  const shown = await page.locator('#keys [data-key]').evaluateAll((ls) => ls.map((l) => l.dataset.key));
  assert.deepEqual(shown, scatter.keys.map((k) => k.key));
  for (const k of scatter.keys.filter((k) => k.choices.length)) {
    const values = await page.locator(`#key-${k.key} option`).evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(values, k.choices.map((c) => c.value));
  }
  // Switching to each view of the catalogue renders it, and the hash names it.
  for (const v of catalog) {
    await page.selectOption('#view', v.view);
    await page.waitForFunction((name) => window.bv.rendered.view === name && new URLSearchParams(location.hash.slice(1)).get('view') === name, v.view);
    assert.equal(await page.locator('#error').isVisible(), false, `view ${v.view}`);
  }
  await context.close();
});

test('keys that apply only to some settings appear and leave with them (catalogue "when")', async (t) => {
  const { page, context } = await open(browser, srv.url + '#view=ranking');
  await ready(page);
  const keys = await page.evaluate(() => (window.bv.catalog.find((v) => v.view === 'ranking') || { keys: [] }).keys);
  if (!keys.some((k) => Array.isArray(k.when))) { t.skip('no conditional keys in this core'); await context.close(); return; }
  const shown = () => page.locator('#keys [data-key]:visible').evaluateAll((ls) => ls.map((l) => l.dataset.key));
  assert.ok((await shown()).includes('from'));
  assert.ok(!(await shown()).includes('year'));
  await page.selectOption('#key-measure', 'share');
  await page.waitForFunction(() => location.hash.includes('measure=share'));
  assert.ok((await shown()).includes('year'));
  assert.ok(!(await shown()).includes('from'));
  assert.doesNotMatch(page.url(), /from=|to=/);
  assert.equal(await page.locator('#error').isVisible(), false);
  await page.selectOption('#key-year', '2016');
  await page.waitForFunction(() => location.hash.includes('year=2016'));
  assert.match(await page.locator('#chart svg title').textContent(), /2016/);
  await page.selectOption('#key-measure', 'growth');
  await page.waitForFunction(() => location.hash.includes('measure=growth'));
  assert.doesNotMatch(page.url(), /year=/);
  assert.ok((await shown()).includes('from'));
  await context.close();
});

test('each choice is a step in the history: Back returns to the previous view', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const length = await page.evaluate(() => history.length);
  await page.selectOption('#key-subgroup', 'wsw');
  await page.waitForFunction(() => window.bv.rendered.title.includes('WSW'));
  await page.selectOption('#key-subgroup', 'wajong');
  await page.waitForFunction(() => window.bv.rendered.title.includes('Wajong'));
  // Two choices, two entries (the completed description replaces its own entry).
  assert.equal(await page.evaluate(() => history.length), length + 2);
  await page.goBack();
  await page.waitForFunction(() => window.bv.rendered.title.includes('WSW'));
  assert.equal(await page.inputValue('#key-subgroup'), 'wsw');
  await page.goBack();
  await page.waitForFunction(() => window.bv.rendered.title.includes('totaal'));
  assert.equal(await page.inputValue('#key-subgroup'), 'total');
  await context.close();
});

test('what the core changed in a description is said beside the pickers (rendered.changes)', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  assert.equal(await page.getAttribute('#changes', 'aria-live'), 'polite');
  // The sentences come from the core; here its answer is extended to carry one, and a later
  // answer without the field clears the line.
  await page.evaluate(() => {
    const core = window.bv.core;
    const call = core.call.bind(core);
    core.call = async (op, args, p) => {
      const v = await call(op, args, p);
      if (op === 'render' && /subgroup=wajong/.test(args.spec)) v.changes = ['Van is 2016 geworden: Wajong begint later.', 'Tweede zin.'];
      return v;
    };
  });
  await page.selectOption('#key-subgroup', 'wajong');
  await page.waitForFunction(() => document.getElementById('changes').textContent !== '');
  assert.equal(await page.locator('#changes').textContent(), 'Van is 2016 geworden: Wajong begint later. Tweede zin.');
  assert.equal(await page.locator('#changes').isVisible(), true);
  await page.selectOption('#key-subgroup', 'wsw');
  await page.waitForFunction(() => window.bv.rendered.title.includes('WSW'));
  assert.equal(await page.locator('#changes').textContent(), '');
  await context.close();
});

test('on a touch screen a tap shows the tooltip, and only a second tap on the point marks its region', async () => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(srv.url);
  await ready(page);
  const hit = page.locator('#chart .hit[data-key="Food Valley"]');
  await hit.scrollIntoViewIfNeeded();
  const box = await hit.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // The target under the finger (a neighbour's target may lie on top at this width).
  const key = await page.evaluate(([px, py]) => document.elementFromPoint(px, py).closest('.hit').dataset.key, [x, y]);
  await page.touchscreen.tap(x, y);
  const tip = page.locator('#tooltip');
  assert.equal(await tip.isVisible(), true);
  assert.ok((await tip.textContent()).startsWith(key), await tip.textContent());
  assert.match(await tip.textContent(), /tik nogmaals om te markeren/);
  assert.equal(await region(page), null, 'a first tap does not change the highlight');
  await page.touchscreen.tap(x, y);
  await page.waitForFunction((k) => new URLSearchParams(location.hash.slice(1)).get('region') === k, key);
  // A tap elsewhere closes a tooltip.
  await hit.scrollIntoViewIfNeeded();
  await page.touchscreen.tap(5, 5);
  await context.close();
});

test('a point that is no region marks nothing: the trend, the profile and the convergence stay drawn', async () => {
  // Before: a click on the national WSW line of the trend set region=wsw ("Geen regio gevonden
  // bij 'wsw'", no chart), and so did a year or the national line of the profile.
  const { page, context, errors } = await open(browser, srv.url + '#view=trend');
  await ready(page);
  for (const view of ['trend', 'profile&region=Twente', 'convergence']) {
    await page.evaluate((v) => { location.hash = '#view=' + v; }, view);
    await page.waitForFunction((v) => window.bv.rendered && window.bv.rendered.view === v.split('&')[0] && document.getElementById('figure').getAttribute('aria-busy') === 'false', view);
    const before = await page.evaluate(() => location.hash);
    const targets = page.locator('#chart .hit[role="img"]');
    assert.ok(await targets.count() > 0, view);
    await targets.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => location.hash), before, view);
    assert.equal(await page.locator('#error').isVisible(), false, view);
    assert.ok(await page.locator('#chart svg.drawing').count() >= 1, view);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a picker per category column not on the chart: all values, one or more, or all but some (filter=)', async () => {
  const { page, context } = await open(browser, srv.url + '#view=line&x=jaar&y=werkzaam&series=doelgroep');
  await ready(page);
  const csv = 'regio,doelgroep,jaar,werkzaam\n' + ['A', 'B', 'Landelijk'].flatMap((r, i) => ['Wajong', 'Wsw'].flatMap((g, j) =>
    [2019, 2020].map((y) => `${r},${g},${y},${r === 'Landelijk' ? 1000 + y - 2019 : (i + 1) * 10 + j + (y - 2019)}`))).join('\n') + '\n';
  await page.setInputFiles('#file', tmpFile('bv-e2e-filter.csv', csv));
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false' && window.bv.rendered, null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('bv-e2e-filter.csv'));
  await idle();
  const pickers = () => page.evaluate(() => [...document.querySelectorAll('details.filter-column')].filter((d) => !d.hidden).map((d) => d.querySelector('summary').textContent));
  const filter = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('filter'));
  const wajong = () => page.evaluate(() => window.bv.rendered.data.series.find((s) => s.name === 'Wajong').points.map((p) => p.y));
  // doelgroep and jaar are on the chart: only regio has a picker, on all its values.
  assert.deepEqual(await pickers(), ['regio: alle']);
  // Without a filter the national rows are the total.
  assert.deepEqual(await wajong(), [1000, 1001]);
  const regio = page.locator('details.filter-column[data-column="regio"]');
  await regio.locator('summary').click();
  await regio.getByLabel('Landelijk').uncheck();
  await page.waitForFunction(() => location.hash.includes('filter='));
  await idle();
  assert.equal(await filter(), 'regio:!Landelijk');
  assert.deepEqual(await pickers(), ['regio: alle behalve Landelijk']);
  assert.deepEqual(await wajong(), [30, 32]);
  assert.match(await page.locator('#notes').textContent(), /Alleen rijen met regio anders dan Landelijk/);
  assert.deepEqual(await axe(page, '#keys'), []);
  // Fewer kept than left out: the kept values are written.
  await regio.getByLabel('B').uncheck();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('filter') === 'regio:A');
  await idle();
  assert.deepEqual(await pickers(), ['regio: A']);
  assert.deepEqual(await wajong(), [10, 11]);
  // More kept than left out: the others are written after `!`.
  await regio.getByLabel('Landelijk').check();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('filter') === 'regio:!B');
  await idle();
  assert.deepEqual(await pickers(), ['regio: alle behalve B']);
  // Escape closes the open list.
  await page.keyboard.press('Escape');
  assert.equal(await regio.evaluate((d) => d.open), false);
  // Other series keep the filter; a column the filter names keeps its picker on the chart.
  await page.selectOption('#key-series', 'regio');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('series') === 'regio');
  await idle();
  assert.equal(await filter(), 'regio:!B');
  assert.deepEqual(await pickers(), ['regio: alle behalve B', 'doelgroep: alle']);
  // So does another view.
  await page.selectOption('#view', 'bars');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'bars');
  await idle();
  assert.equal(await filter(), 'regio:!B');
  assert.deepEqual(await pickers(), ['regio: alle behalve B', 'doelgroep: alle']);
  // "Alle waarden" takes the column's filter away. (The other view's list, made when opened,
  // is ticked as the filter says.)
  await regio.locator('summary').click();
  assert.deepEqual(await regio.locator('input').evaluateAll((xs) => xs.map((x) => [x.value, x.checked])), [['A', true], ['B', false], ['Landelijk', true]]);
  await regio.getByRole('button', { name: 'Alle waarden' }).click();
  await page.waitForFunction(() => !location.hash.includes('filter='));
  await idle();
  assert.deepEqual(await pickers(), ['doelgroep: alle']);
  await context.close();
});

test('a value with a comma, | or : is in its column\'s list and picks its rows (written between quotes)', async () => {
  const { page, context } = await open(browser, srv.url + '#view=line&x=jaar&y=werkzaam&series=soort');
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-komma.csv', 'gemeente,soort,jaar,werkzaam\n"Bergen, NH",a,2019,1\nUtrecht,a,2019,2\nUtrecht,b,2020,3\nAmersfoort,b,2020,4\n"a|b: c",b,2020,5\n'));
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false' && window.bv.rendered, null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('bv-e2e-komma.csv'));
  await idle();
  const list = page.locator('details.filter-column[data-column="gemeente"]');
  const summary = () => list.locator('summary').textContent();
  const ys = (name) => page.evaluate((n) => window.bv.rendered.data.series.find((s) => s.name === n).points.filter((p) => p.y !== null).map((p) => [p.x, p.y]), name);
  await list.locator('summary').click();
  assert.deepEqual(await list.locator('.filter-values label').allTextContents(), [' Bergen, NH', ' Utrecht', ' Amersfoort', ' a|b: c']);
  // Only Bergen, NH: written between quotes, and its rows alone are drawn.
  for (const v of ['Utrecht', 'Amersfoort', 'a|b: c']) {
    await list.getByLabel(v, { exact: true }).uncheck();
    await idle();
  }
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('filter') === 'gemeente:"Bergen, NH"');
  await idle();
  assert.equal(await summary(), 'gemeente: Bergen, NH');
  assert.deepEqual(await ys('a'), [[2019, 1]]);
  assert.match(await page.locator('#notes').textContent(), /Alleen rijen met gemeente = Bergen, NH\./);
  // All but the one with | and :, written after `!`.
  await list.getByLabel('Utrecht', { exact: true }).check();
  await idle();
  await list.getByLabel('Amersfoort', { exact: true }).check();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('filter') === 'gemeente:!"a|b: c"');
  await idle();
  assert.equal(await summary(), 'gemeente: alle behalve a|b: c');
  assert.deepEqual(await ys('b'), [[2020, 7]]);
  assert.deepEqual(await list.locator('input:checked').evaluateAll((xs) => xs.map((x) => x.parentElement.textContent.trim())), ['Bergen, NH', 'Utrecht', 'Amersfoort']);
  await context.close();
});

test('a file of hundreds of columns: long lists made when first used, forty column pickers and a button for the rest, roles listed when opened', async () => {
  const { page, context } = await open(browser, srv.url + '#view=line&x=jaar&y=aantal&series=regio');
  await ready(page);
  // 150 category columns (k0..k149), two regions, two years.
  const n = 150;
  const head = ['regio', 'jaar', ...Array.from({ length: n }, (_, j) => `k${j}`), 'aantal'];
  const rows = [];
  for (const r of ['A', 'B']) for (const y of [2019, 2020]) for (const v of ['ja', 'nee']) rows.push([r, y, ...Array.from({ length: n }, (_, j) => (j % 2 ? v : 'x' + v)), r === 'A' ? y - 2000 : y - 1990]);
  await page.setInputFiles('#file', tmpFile('bv-e2e-breed.csv', [head, ...rows].map((r) => r.join(',')).join('\n') + '\n'));
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false' && window.bv.rendered, null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('bv-e2e-breed.csv'));
  await idle();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  // The sums per region and year are those of the file (summed over the 150 columns' values).
  const sums = () => page.evaluate(() => Object.fromEntries(window.bv.rendered.data.series.map((s) => [s.name, s.points.map((p) => p.y)])));
  assert.deepEqual(await sums(), { A: [38, 40], B: [58, 60] });
  // The series list holds only its chosen option until it is used, then every choice.
  const options = () => page.evaluate(() => [...document.getElementById('key-series').options].map((o) => o.value));
  assert.deepEqual(await options(), ['regio']);
  await page.focus('#key-series');
  const all = await options();
  assert.ok(all.length > n && all.includes('k149') && all.includes('regio'), all.length);
  assert.equal(await page.inputValue('#key-series'), 'regio');
  await page.selectOption('#key-series', 'k7');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('series') === 'k7');
  await idle();
  assert.deepEqual(Object.keys(await sums()).sort(), ['ja', 'nee']);
  // Forty column pickers, then a button for the others; a filter on a later column shows its picker.
  const pickers = () => page.evaluate(() => [...document.querySelectorAll('details.filter-column')].map((d) => d.dataset.column));
  assert.equal((await pickers()).length, 40);
  assert.match(await page.locator('.filter-more').textContent(), /^Nog \d+ kolommen$/);
  await page.evaluate(() => { location.hash = location.hash + '&filter=k141:ja'; });
  await page.waitForFunction(() => [...document.querySelectorAll('details.filter-column')].some((d) => d.dataset.column === 'k141'));
  await idle();
  assert.equal(await page.locator('details.filter-column[data-column="k141"] summary').textContent(), 'k141: ja');
  // (regio, jaar and the 150: 41 of them shown.)
  assert.equal(await page.locator('.filter-more').textContent(), `Nog ${n + 2 - 41} kolommen`);
  await page.click('.filter-more');
  assert.ok((await pickers()).length > 140);
  assert.equal(await page.locator('.filter-more').count(), 0);
  // The columns and their roles are listed when the list is opened.
  assert.equal(await page.locator('#columns select').count(), 0);
  await page.click('#columns-box summary');
  // (The list is made on the details' toggle event, which comes a task after the click.)
  await page.waitForFunction((want) => document.querySelectorAll('#columns select').length === want, n + 3, { timeout: 5000 });
  assert.equal(await page.locator('#columns select').count(), n + 3);
  await context.close();
});

test('Forward after Back returns to the file the page holds (it asked for the earlier file before)', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  const file = (name, k) => tmpFile(name, 'regio,jaar,werkzaam\n' + ['A', 'B'].flatMap((r, i) => [2019, 2020].map((y) => `${r},${y},${(i + 1) * k + y - 2019}`)).join('\n') + '\n');
  const pick = async (view) => {
    await page.selectOption('#view', view);
    await page.waitForFunction((v) => location.hash.includes(`view=${v}`) && window.bv.rendered && window.bv.rendered.view === v, view);
    await idle();
  };
  // Each file, then a view chosen on it: a step in the history each.
  await page.setInputFiles('#file', file('bv-e2e-eerste.csv', 10));
  await page.waitForFunction(() => location.hash.includes('file=bv-e2e-eerste.csv'));
  await idle();
  await pick('bars');
  await page.setInputFiles('#file', file('bv-e2e-tweede.csv', 100));
  await page.waitForFunction(() => location.hash.includes('file=bv-e2e-tweede.csv'));
  await idle();
  await pick('line');
  const title = await page.evaluate(() => window.bv.rendered.title);
  // Back until an entry of the first file: the page asks for that file.
  for (let i = 0; i < 4 && !(await page.evaluate(() => location.hash.includes('file=bv-e2e-eerste.csv'))); i++) {
    await page.goBack();
    await page.waitForTimeout(300);
  }
  assert.match(page.url(), /file=bv-e2e-eerste\.csv/);
  await page.waitForFunction(() => document.getElementById('error').textContent.includes('bv-e2e-eerste.csv'));
  // Forward until the second file's last entry: it is still loaded, and drawn again.
  for (let i = 0; i < 4 && !(await page.evaluate(() => location.hash.includes('file=bv-e2e-tweede.csv') && location.hash.includes('view=line'))); i++) {
    await page.goForward();
    await page.waitForTimeout(300);
  }
  assert.match(page.url(), /file=bv-e2e-tweede\.csv/);
  await page.waitForFunction(() => document.querySelector('#chart svg') && document.getElementById('error').hidden, null, { timeout: 30000 });
  await idle();
  assert.equal(await page.evaluate(() => window.bv.rendered.title), title);
  assert.match(await page.locator('#dataset').textContent(), /bv-e2e-tweede\.csv/);
  await context.close();
});

// Found by a probe: a file opened over the built-in data took that view's entry in the history,
// so Back left the page.
test('Back after opening a file returns to the data shown before it, on the page', async () => {
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  await page.setInputFiles('#file', tmpFile('bv-e2e-stap.csv', 'regio,jaar,werkzaam\nA,2019,10\nA,2020,12\nB,2019,20\nB,2020,25\n'));
  await page.waitForFunction(() => location.hash.includes('file=bv-e2e-stap.csv') && document.getElementById('dataset').textContent.startsWith('bv-e2e-stap.csv'));
  await idle();
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('dataset').textContent.startsWith('regions.csv') && document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
  await idle();
  assert.ok(page.url().startsWith(srv.url), page.url());
  assert.ok(!page.url().includes('bv-e2e-stap.csv'), page.url());
  assert.equal(await page.locator('#chart svg .hit').count(), 35);
  // Forward: the file's entry; the page cannot open it again by itself and asks for it.
  await page.goForward();
  await page.waitForFunction(() => document.getElementById('error').textContent.includes('bv-e2e-stap.csv'));
  assert.deepEqual(errors, []);
  await context.close();
});

// Found by a probe: own file, an example, Back (the page asks for the file), Forward to the
// example's entry: the address and data were the example's, but no chart came back and the
// request for the file stayed (the entry was taken for the one on screen).
test('Forward to the entry drawn last draws it again after the page asked for a file', async () => {
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  await page.setInputFiles('#file', tmpFile('bv-e2e-terug.csv', 'regio,jaar,werkzaam\nA,2019,10\nA,2020,12\nB,2019,20\nB,2020,25\n'));
  await page.waitForFunction(() => location.hash.includes('file=bv-e2e-terug.csv'));
  await idle();
  // (A view chosen on the file: an entry of its own in the history.)
  await page.selectOption('#view', 'bars');
  await page.waitForFunction(() => location.hash.includes('view=bars') && window.bv.rendered && window.bv.rendered.view === 'bars');
  await idle();
  await page.click('#example-2');
  await page.waitForFunction(() => location.hash.includes('example=') && window.bv.rendered && document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
  await idle();
  const title = await page.evaluate(() => window.bv.rendered.title);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('error').textContent.includes('bv-e2e-terug.csv'));
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#chart svg') && document.getElementById('error').hidden, null, { timeout: 30000 });
  await idle();
  assert.equal(await page.evaluate(() => window.bv.rendered.title), title);
  assert.ok(!(await page.evaluate(() => document.getElementById('export-svg').disabled)));
  assert.deepEqual(errors, []);
  await context.close();
});

// An address typed by hand without `file=` while the page holds the user's file: the view is drawn
// on that file, and the page says so (it opened the built-in data without a word).
test('a view typed into the address without file= is drawn on the file the page holds', async () => {
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  await page.setInputFiles('#file', tmpFile('bv-e2e-getypt.csv', 'regio,jaar,werkzaam\nA,2019,10\nA,2020,12\nB,2019,20\nB,2020,25\n'));
  await page.waitForFunction(() => location.hash.includes('file=bv-e2e-getypt.csv'));
  await idle();
  await page.evaluate(() => { location.hash = '#view=bars&x=regio&y=werkzaam'; });
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'bars' && location.hash.includes('file=bv-e2e-getypt.csv'));
  await idle();
  assert.match(await page.locator('#dataset').textContent(), /^bv-e2e-getypt\.csv/);
  assert.match(await page.locator('#status').textContent(), /geen gegevens.*bv-e2e-getypt\.csv/);
  // The file's regions and numbers, not the built-in data's 35 regions.
  const cells = await page.evaluate(() => { const { columns, rows } = window.bv.rendered.table; return [...columns, ...rows.flat()].map(String); });
  for (const c of ['A', 'B', '10', '25']) assert.ok(cells.includes(c), `${c} in ${cells.join(', ')}`);
  assert.ok(!cells.includes('Twente'), cells.join(', '));
  // Back: the page's own entry before it, the file with its first view.
  await page.goBack();
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view !== 'bars');
  assert.match(await page.locator('#dataset').textContent(), /^bv-e2e-getypt\.csv/);
  assert.deepEqual(errors, []);
  await context.close();
});

// 'Tot en met' offers only periods after 'Van' (the decomposition offered to=2016 with
// from=2016, and the choice was then taken back).
test('the period pickers offer only a range that runs forward', async () => {
  const { page, context } = await open(browser, srv.url + '#view=decomposition');
  await ready(page);
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'decomposition');
  const off = (id) => page.locator(`#${id} option`).evaluateAll((os) => os.filter((o) => o.disabled).map((o) => o.value));
  assert.equal(await page.inputValue('#key-from'), '2016');
  assert.deepEqual(await off('key-to'), ['2016']);
  await page.selectOption('#key-from', '2015');
  await page.waitForFunction(() => /from=2015/.test(window.bv.rendered.spec) && document.getElementById('figure').getAttribute('aria-busy') === 'false');
  assert.deepEqual(await off('key-to'), []);
  await page.selectOption('#view', 'scatter');
  await page.waitForFunction(() => window.bv.rendered.view === 'scatter' && document.getElementById('figure').getAttribute('aria-busy') === 'false');
  await page.selectOption('#key-to', '2016');
  await page.waitForFunction(() => /to=2016/.test(window.bv.rendered.spec) && document.getElementById('figure').getAttribute('aria-busy') === 'false');
  assert.deepEqual(await off('key-from'), ['2016']);
  await context.close();
});
