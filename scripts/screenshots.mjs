// Screenshots for the README (`node scripts/screenshots.mjs`, after `make dist`): the main page, the
// report (or, while the core has no report view, the main page with its table open), an embed in a
// host page, the presentation mode, and a long file's lines with a filter list open. Written to docs/screenshots/*.png.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, ROOT } from '../tests/e2e/helpers.mjs';

const OUT = path.join(ROOT, 'docs', 'screenshots');
fs.mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

const srv = await serve();
const browser = await launch();
const ready = (page) => page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 20000 });
const shot = async (page, name, opts = {}) => {
  const file = path.join(OUT, name + '.png');
  await page.screenshot({ path: file, ...opts });
  console.log('geschreven:', path.relative(ROOT, file));
};

async function newPage(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  return { context, page: await context.newPage() };
}

if (want('main')) {
  const { context, page } = await newPage(1100, 1000);
  await page.goto(srv.url + '#view=scatter&subgroup=total&from=2015&to=2017&region=Food%20Valley');
  await ready(page);
  // The whole page in one window (the tooltip is fixed to the window), with a point hovered.
  await page.setViewportSize({ width: 1100, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await page.locator('#chart .hit[data-key="West-Brabant"]').hover();
  await shot(page, 'main');
  await context.close();
}

if (want('report')) {
  const { context, page } = await newPage(1100, 1500);
  await page.goto(srv.url);
  await ready(page);
  const hasReport = await page.evaluate(() => window.bv.catalog.some((v) => v.view === 'report'));
  if (hasReport) {
    await page.goto(srv.url + '#view=report');
    await page.reload();
    await ready(page);
    // The report's head and its first figures, as they open on a screen.
    await page.locator('#sections .report-head').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.querySelector('#sections').getBoundingClientRect().top + window.scrollY - 16));
    await shot(page, 'report');
  } else {
    await page.click('#toggle-table');
    await shot(page, 'report', { fullPage: true });
  }
  await context.close();
}

if (want('embed')) {
  // A host page with the embed in an iframe that sizes itself from the posted height.
  const { context, page } = await newPage(900, 800);
  await page.goto(srv.url);
  await ready(page);
  await page.click('#embed-button');
  const snippet = await page.inputValue('#embed-code');
  const host = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Publicatie</title>
    <style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:24px auto;color:#222}h1{font-size:1.5rem}</style></head>
    <body><h1>Regionale verschillen in de banenafspraak</h1>
    <p>De regio's met een laag aandeel werkenden in 2015 groeiden daarna het sterkst. De figuur hieronder komt uit de Banenverkenner.</p>
    ${snippet}
    <p>Bron: regionale analyse banenafspraak 2015-2017.</p></body></html>`;
  fs.writeFileSync(path.join(ROOT, 'dist', '_embed-host.html'), host);
  await page.goto(srv.url + '_embed-host.html');
  // The snippet's own script sizes the iframe from the height the embed posts.
  await page.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: 20000 });
  await page.waitForTimeout(300);
  await shot(page, 'embed', { fullPage: true });
  fs.rmSync(path.join(ROOT, 'dist', '_embed-host.html'));
  await context.close();
}

if (want('presentation')) {
  const { context, page } = await newPage(1280, 800);
  await page.goto(srv.url);
  await ready(page);
  await page.click('#present');
  await page.waitForFunction(() => window.bv.presenting && window.bv.slides.length > 1);
  const first = await page.evaluate(() => window.bv.rendered.spec);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((s) => window.bv.rendered.spec !== s && document.getElementById('figure').getAttribute('aria-busy') === 'false', first);
  await page.waitForTimeout(200);
  await shot(page, 'presentation');
  await context.close();
}

if (want('filter')) {
  // A long municipality file (made up here, seeded): lines per subgroup over the quarters, the
  // list of one column open with one region left out.
  const { context, page } = await newPage(1100, 1250);
  await page.goto(srv.url + '#view=line&x=kwartaal&y=werkzaam&series=subgroep');
  await ready(page);
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const rows = ['gemeente;arbeidsmarktregio;kwartaal;subgroep;personen;werkzaam'];
  for (const [r, gs] of [['Twente', ['Enschede', 'Hengelo', 'Almelo']], ['Achterhoek', ['Doetinchem', 'Winterswijk']], ['Drenthe', ['Assen', 'Emmen', 'Meppel']]]) {
    for (const g of gs) for (let y = 2019; y <= 2022; y++) for (let q = 1; q <= 4; q++) {
      for (const [s, base] of [['Wajong', 300], ['WSW', 250], ['Participatiewet', 120 + 40 * (y - 2019) + 10 * q]]) {
        const p = Math.round(base * (1 + rnd() * 0.2));
        rows.push(`${g};${r};${y}K${q};${s};${p};${Math.round(p * (0.4 + rnd() * 0.2))}`);
      }
    }
  }
  const file = path.join(ROOT, 'target', 'gemeenten-kwartaal.csv');
  fs.writeFileSync(file, rows.join('\n') + '\n');
  await page.setInputFiles('#file', file);
  const idle = () => page.waitForFunction(() => document.getElementById('figure').getAttribute('aria-busy') === 'false' && window.bv.rendered, null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('dataset').textContent.includes('gemeenten-kwartaal.csv'));
  await idle();
  const list = page.locator('details.filter-column[data-column="arbeidsmarktregio"]');
  await list.locator('summary').click();
  await list.getByLabel('Drenthe').uncheck();
  await page.waitForFunction(() => location.hash.includes('filter='));
  await idle();
  await page.setViewportSize({ width: 1100, height: await page.evaluate(() => document.querySelector('details.filter-column[open] fieldset').getBoundingClientRect().bottom + window.scrollY + 24) | 0 });
  await page.waitForTimeout(200);
  await shot(page, 'filter');
  await context.close();
}

await browser.close();
srv.server.close();
