// Language: Dutch by default, English switchable; the page's texts and the numbers in tables and
// tooltips follow (nl-NL or en-GB), and the choice is part of the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('Dutch by default; the toggle switches texts and numbers to English and back', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.equal(await page.locator('#export-csv').textContent(), 'CSV downloaden');
  assert.equal(await page.locator('#lang-toggle').textContent(), 'English');
  assert.equal(await page.getAttribute('#lang-toggle', 'lang'), 'en');
  await page.click('#toggle-table');
  assert.equal(await page.locator('#table tbody tr', { hasText: 'Food Valley' }).locator('td').nth(1).textContent(), '-3,70');

  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(page.url(), /lang=en/);
  assert.equal(await page.locator('#export-csv').textContent(), 'Download CSV');
  assert.equal(await page.locator('#toggle-table').textContent(), 'Table');
  assert.equal(await page.locator('label[data-key="subgroup"] span').textContent(), 'Subgroup');
  assert.equal(await page.locator('#key-subgroup option[value="total"]').textContent(), 'Total');
  assert.equal(await page.locator('#lang-toggle').textContent(), 'Nederlands');
  assert.equal(await page.getAttribute('#lang-toggle', 'lang'), 'nl');
  assert.match(await page.locator('#dataset').textContent(), /35 regions, years 2015, 2016, 2017/);
  // Numbers in en-GB: the table, the tooltip and the core's reading of the chart.
  assert.equal(await page.locator('#table tbody tr', { hasText: 'Food Valley' }).locator('td').nth(1).textContent(), '-3.70');
  assert.equal(await page.locator('#table tbody tr', { hasText: 'Food Valley' }).locator('td').last().textContent(), 'strongly above trend');
  await page.locator('#chart .hit[data-key="Food Valley"]').hover();
  assert.match(await page.locator('#tooltip').textContent(), /Share working 2015: 40\.2 % \(-3\.7 pp vs\. national\); growth of working persons 2015-2017: 60\.2 % \(\+37\.3 pp\)/);
  // Chart texts and table headers come from the core in English too.
  assert.match(await page.locator('#table thead').textContent(), /difference from national/);
  assert.doesNotMatch(await page.locator('#chart svg').first().textContent(), /landelijk|werkenden|trendlijn/);
  assert.match(await page.locator('#summary').textContent(), /R² 0\.31/);
  // The toggle is the focus before and after; back to Dutch.
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.doesNotMatch(page.url(), /lang=/);
  assert.equal(await page.locator('#export-csv').textContent(), 'CSV downloaden');
  await context.close();
});

test('a link with lang=en opens in English', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&subgroup=wajong&lang=en');
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('.skip').textContent(), 'Skip to the chart');
  assert.equal(await page.locator('#key-subgroup').inputValue(), 'wajong');
  await context.close();
});
