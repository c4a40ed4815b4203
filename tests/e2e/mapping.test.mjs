// Issue 3: a file whose required columns are not recognised gets a mapping step, not a failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, ready } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('unrecognised headers open the mapping step, and applying it draws the scatter', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const file = path.join(os.tmpdir(), 'bv-e2e-eigen-koppen.csv');
  fs.writeFileSync(file, 'Gebied,Periode,Ingeschrevenen,Met werk\nA,2015,100,40\nA,2016,100,50\nB,2015,100,45\nB,2016,100,48\nC,2015,100,30\nC,2016,100,42\n');
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#mapping:not([hidden])');
  assert.equal(await page.evaluate(() => document.getElementById('mapping').open), true);
  // The suggestion for 'Met werk' is preselected; the user picks the other two.
  assert.equal(await page.inputValue('#mapping select[data-target="workers_total"]'), 'Met werk');
  await page.selectOption('#mapping select[data-target="region"]', 'Gebied');
  await page.selectOption('#mapping select[data-target="register_persons_corrected"]', 'Ingeschrevenen');
  await page.click('#mapping-apply');
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 3);
  assert.equal(await page.locator('#mapping').isHidden(), true);
  assert.equal(await page.locator('#error').isHidden(), true);
  // The focus goes to the figure, not to the page (the step it was in folded away).
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'figure');
  // The file line names the mapping in the step's words.
  assert.match(await page.locator('#dataset').textContent(), /'Gebied' als regio/);
  await context.close();
});

test('a link copied after the mapping step carries the data and the mapping, and opens the same chart', async () => {
  // Before, the link carried neither: a fresh page asked for the file and then showed the
  // mapping step again.
  const { page, context } = await open(browser, srv.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.url.replace(/\/$/, '') });
  await ready(page);
  const file = path.join(os.tmpdir(), 'bv-e2e-eigen-koppen-link.csv');
  fs.writeFileSync(file, 'Gebied,Periode,Ingeschrevenen,Met werk\nA,2015,100,40\nA,2016,100,50\nB,2015,100,45\nB,2016,100,48\nC,2015,100,30\nC,2016,100,42\n');
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#mapping:not([hidden])');
  await page.selectOption('#mapping select[data-target="region"]', 'Gebied');
  await page.selectOption('#mapping select[data-target="register_persons_corrected"]', 'Ingeschrevenen');
  await page.click('#mapping-apply');
  await page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 3);
  assert.match(await page.evaluate(() => location.hash), /[#&]map=/);
  const before = await page.evaluate(() => ({ spec: window.bv.rendered.spec, data: window.bv.rendered.data }));
  await page.click('#copy-link');
  await page.waitForFunction(() => /Link gekopieerd/.test(document.getElementById('status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[#&]dz=[\w-]+/);
  assert.match(link, /[#&]map=/);
  await context.close();

  const fresh = await open(browser, link);
  await ready(fresh.page);
  await fresh.page.waitForFunction(() => document.querySelectorAll('#chart svg .hit').length === 3);
  assert.equal(await fresh.page.locator('#mapping').isHidden(), true);
  assert.equal(await fresh.page.locator('#error').isHidden(), true);
  const after = await fresh.page.evaluate(() => ({ spec: window.bv.rendered.spec, data: window.bv.rendered.data }));
  assert.deepEqual(after, before);
  await fresh.context.close();
});
