// Language: Dutch by default, English switchable; the page's texts and the numbers in tables and
// tooltips follow (nl-NL or en-GB), and the choice is part of the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, tmpFile, FOUR_REGIONS } from './helpers.mjs';

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
  assert.match(await page.locator('#summary').textContent(), /R² 0\.3083/);
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

test('the file line and notes of a loaded file follow the language, and so does a load error', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  // Two title rows above the table: a note the loader writes in both languages.
  const file = tmpFile('bv-e2e-titels.csv', 'Banenafspraak\nPeildatum eind van het jaar\n\n' + FOUR_REGIONS + '\n');
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('bv-e2e-titels.csv'));
  const nl = await page.locator('#dataset').textContent();
  assert.match(nl, /formaat CSV, tekenset UTF-8, scheidingsteken puntkomma/);
  assert.match(nl, /2 titelregels boven de kopregel overgeslagen/);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('format CSV'));
  const en = await page.locator('#dataset').textContent();
  assert.match(en, /^bv-e2e-titels\.csv: format CSV, encoding UTF-8, delimiter semicolon, decimal separator '[.,]', header on row 4, 8 data rows/);
  assert.match(en, /2 title rows above the header skipped: row 1 'Banenafspraak'/);
  assert.doesNotMatch(en, /formaat|tekenset|gegevensrijen|titelregels|overgeslagen|kopregel/);
  // A file that cannot be read: the reason in English while the page is English.
  const bad = tmpFile('bv-e2e-kapot.csv', 'a,b\n1,"2\n3,4\n');
  await page.setInputFiles('#file', bad);
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  const err = await page.locator('#error').textContent();
  assert.match(err, /Row 2 opens a quote \(\"\) that is never closed/);
  assert.doesNotMatch(err, /aanhalingsteken|rij 2/);
  // Back to Dutch: the file line of the file still shown is Dutch again.
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('formaat CSV'));
  assert.match(await page.locator('#dataset').textContent(), /2 titelregels boven de kopregel overgeslagen/);
  await context.close();
});

test('an English page labels the pickers of a loaded table in English, from the core', async () => {
  const { page, context } = await open(browser, srv.url + '#view=line&x=jaar&y=werkzaam&series=doelgroep&lang=en');
  await ready(page);
  await page.setInputFiles('#file', tmpFile('bv-e2e-lijnen.csv', 'regio,doelgroep,jaar,werkzaam\nA,Wajong,2019,1\nA,Wsw,2019,2\nB,Wajong,2020,3\nB,Wsw,2020,4\n'));
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('bv-e2e-lijnen.csv'));
  const text = (sel) => page.locator(sel).textContent();
  await page.waitForFunction(() => document.querySelector('#keys [data-key="series"] span')?.textContent === 'One line per');
  assert.equal(await text('#keys [data-key="x"] span'), 'Time (horizontal)');
  assert.equal(await page.locator('#view option:checked').textContent(), 'Lines over time');
  assert.equal(await text('#filter-label'), 'Only rows with');
  // A column's role in its choice too.
  assert.match(await page.locator('#key-x option:checked').textContent(), /^jaar \((time|period)\)$/);
  // Back to Dutch: the core's Dutch labels.
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  await page.waitForFunction(() => document.querySelector('#keys [data-key="series"] span')?.textContent === 'Een lijn per');
  await context.close();
});

// The gallery of an English page was Dutch but for its first item, and so were the examples'
// chart titles.
test('an English page lists the gallery in English and opens an example with an English title', async () => {
  const { page, context, errors } = await open(browser, srv.url + '#lang=en');
  await ready(page);
  await page.waitForFunction(() => document.getElementById('example-1')?.textContent === 'Target group register by subgroup', null, { timeout: 20000 });
  const names = await page.locator('#gallery-list button').allTextContents();
  assert.deepEqual(names.slice(1), ['Target group register by subgroup', 'Hours worked per week', 'Chance of work: odds ratios',
    'Job coaching: position per month', '36 months without work, by registration ground']);
  assert.match(await page.locator('#example-5-d').textContent(), /^Share that did not work at all in 36 months.*Source: published figures/);
  await page.click('#example-4');
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'area' && document.getElementById('figure').getAttribute('aria-busy') === 'false');
  assert.equal(await page.evaluate(() => window.bv.rendered.title), 'Labour market position by months since the start of job coaching');
  assert.match(await page.evaluate(() => location.hash), /lang=en/);
  // And back to Dutch: the gallery in Dutch again, and the example's chart title with it.
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.getElementById('example-1')?.textContent === 'Doelgroepregister per subdoelgroep');
  await page.waitForFunction(() => window.bv.rendered.title === 'Arbeidsmarktpositie naar maanden sinds de start van jobcoaching');
  // A title of the user's own stays as it is.
  await page.evaluate(() => { location.hash = location.hash.replace(/title=[^&]*/, 'title=Mijn%20titel'); });
  await page.waitForFunction(() => window.bv.rendered.title === 'Mijn titel');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && window.bv.rendered && /lang=en/.test(window.bv.rendered.spec));
  assert.equal(await page.evaluate(() => window.bv.rendered.title), 'Mijn titel');
  assert.deepEqual(errors, []);
  await context.close();
});
