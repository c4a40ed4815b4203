// The explorer page end to end in headless Chromium: default chart, file input, URL hash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import os from 'node:os';
import { serve, launch, open, ready, pointCount, ROOT } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('opens with the flagship scatterplot of 35 regions, requesting only its own files', async () => {
  const { page, requests, errors, context } = await open(browser, srv.url);
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.equal(await pointCount(page), 35);
  const title = await page.locator('#chart svg title').textContent();
  assert.match(title, /Aandeel werkenden 2015 en groei 2015-2017/);
  assert.match(await page.locator('#summary').textContent(), /R² 0,3083/);
  assert.match(page.url(), /#view=scatter&subgroup=total&from=2015&to=2017/);
  for (const r of requests) assert.ok(r.startsWith(srv.url), `unexpected request ${r}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('loading a file through the file input changes the chart', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  // Four regions, Dutch headers, semicolons: a different chart with 4 points.
  const csv = [
    'Regio;Jaar;Personen doelgroepregister gecorrigeerd;Werkzame personen',
    'Noord;2015;1000;400', 'Noord;2016;1000;500',
    'Zuid;2015;1000;500', 'Zuid;2016;1000;520',
    'Oost;2015;1000;450', 'Oost;2016;1000;480',
    'West;2015;1000;300', 'West;2016;1000;420',
  ].join('\n');
  const file = path.join(os.tmpdir(), 'bv-e2e-vier-regios.csv');
  fs.writeFileSync(file, csv);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 4);
  assert.match(await page.locator('#dataset').textContent(), /bv-e2e-vier-regios\.csv/);
  assert.match(await page.locator('#dataset').textContent(), /puntkomma/);
  assert.match(await page.locator('#notes').textContent(), /som van de regio/);
  await context.close();
});

test('a bad file shows an error naming row and column, and keeps the chart', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const file = path.join(os.tmpdir(), 'bv-e2e-fout.csv');
  fs.writeFileSync(file, 'region,year,register_persons_corrected,workers_total\nA,2015,10,5\nB,2015,veel,5\n');
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#error:not([hidden])');
  const msg = await page.locator('#error').textContent();
  assert.match(msg, /bv-e2e-fout\.csv, rij 3, kolom 'register_persons_corrected'/);
  assert.equal(await pointCount(page), 35);
  await context.close();
});

test('a link with a view in its hash opens that view, and pickers update the hash', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&subgroup=wajong&from=2015&to=2017&region=Achterhoek');
  await ready(page);
  assert.match(await page.locator('#chart svg title').textContent(), /Wajong/);
  assert.equal(await page.inputValue('#key-subgroup'), 'wajong');
  await page.selectOption('#key-subgroup', 'wsw');
  await page.waitForFunction(() => location.hash.includes('subgroup=wsw'));
  assert.match(await page.locator('#chart svg title').textContent(), /WSW/);
  await page.selectOption('#key-from', '2016');
  await page.waitForFunction(() => location.hash.includes('from=2016'));
  assert.match(await page.locator('#chart svg title').textContent(), /groei 2016-2017/);
  await context.close();
});

test('an unknown view in the hash gives a clear error', async () => {
  const { page, context } = await open(browser, srv.url + '#view=taart');
  await ready(page);
  assert.match(await page.locator('#error').textContent(), /Onbekende weergave 'view=taart'/);
  await context.close();
});

test('the served page has a strict CSP: its own scripts, and an inline script only by its hash, no handler', async () => {
  const html = fs.readFileSync(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(csp, 'no CSP meta');
  assert.match(csp[1], /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  assert.doesNotMatch(csp[1], /unsafe-inline[^;]*;.*script|script-src[^;]*unsafe-inline/);
  const scripts = html.match(/<script\b[^>]*>/g);
  assert.ok(scripts.length >= 1);
  const named = scripts.filter((s) => /\ssrc=/.test(s));
  assert.ok(named.length >= 1);
  for (const s of named) assert.match(s, /\ssrc="[\w/.-]+"/, s);
  // An inline script (the embed's layout before the first paint) runs only because the policy
  // names its exact hash.
  for (const body of [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])) {
    const hash = crypto.createHash('sha256').update(body, 'utf8').digest('base64');
    assert.ok(csp[1].includes(`'sha256-${hash}'`), `inline script without its hash: ${body.slice(0, 60)}`);
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  // Every script the page names is one of its own files.
  for (const s of named) assert.ok(fs.existsSync(path.join(ROOT, 'dist', s.match(/src="([^"]+)"/)[1])), s);
  // The core runs in a worker of the page's own (the CSP allows workers from 'self' only, and blob:
  // for the single file).
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'worker.js')));
  assert.match(csp[1], /worker-src 'self' blob:/);
});

test('using the page (table, exports, embed, language, presenting) requests nothing but its own files', async () => {
  const { page, requests, errors, context } = await open(browser, srv.url);
  await ready(page);
  await page.click('#toggle-table');
  for (const b of ['#export-svg', '#export-png', '#export-csv']) await Promise.all([page.waitForEvent('download'), page.click(b)]);
  await page.click('#embed-button');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('#present');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  for (const r of requests) assert.ok(r.startsWith(srv.url) || /^(data|blob):/.test(r), `unexpected request ${r}`);
  assert.deepEqual(errors, []);
  await context.close();
});
