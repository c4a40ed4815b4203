// Shared set-up for the end-to-end tests: a static server for dist/ on a free loopback port and
// headless Debian Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const DIST = path.join(ROOT, 'dist');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv', '.png': 'image/png' };

export function serve(dir = DIST) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      let file = path.join(dir, decodeURIComponent(url.pathname));
      if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      fs.readFile(file, (err, data) => {
        if (err) { res.writeHead(404); res.end('not found'); return; }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
        res.end(data);
      });
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Opens a page and records every request it makes, so tests can assert it fetched only its own files.
export async function open(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { context, page, requests, errors };
}

export async function ready(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 20000 });
}

// The regions of the current scatter chart, read from the accessible hit targets.
export async function pointCount(page) {
  return page.locator('#chart svg .hit').count();
}

// Runs axe-core (WCAG 2.1 A/AA and best practices) on the page; returns the violations, each as
// "rule: target (summary)" so a failing assertion says what to fix.
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
export async function axe(page, context = null) {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx || document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary.replace(/\s+/g, ' ')})`)).flat();
  }, context);
  return result;
}

// Clicks `selector` and returns the download it starts: { name, bytes }.
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

// Writes a small test file into the temp folder and returns its path.
export function tmpFile(name, content) {
  const file = path.join(os.tmpdir(), name);
  fs.writeFileSync(file, content);
  return file;
}

// The four-region file of the file-input test: Dutch headers, semicolons, no national row.
export const FOUR_REGIONS = [
  'Regio;Jaar;Personen doelgroepregister gecorrigeerd;Werkzame personen',
  'Noord;2015;1000;400', 'Noord;2016;1000;500',
  'Zuid;2015;1000;500', 'Zuid;2016;1000;520',
  'Oost;2015;1000;450', 'Oost;2016;1000;480',
  'West;2015;1000;300', 'West;2016;1000;420',
].join('\n');

// A small RFC 4180 reader for checking exports: rows of cells, quotes undone.
export function parseCsv(text, sep) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { rows[rows.length - 1].push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows[rows.length - 1].push(cell); cell = ''; rows.push([]); i++; }
    else cell += c;
  }
  if (cell !== '' || rows[rows.length - 1].length) rows[rows.length - 1].push(cell);
  if (rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

// A `;`-separated file of municipalities in 35 regions, one quarter, with a count `werkzaam`:
// `rows` rows, or as many as make `bytes` bytes; with the sum per region.
export function municipalityCounts({ rows = Infinity, bytes = Infinity }) {
  const lines = ['gemeente;arbeidsmarktregio;kwartaal;werkzaam'];
  const sums = new Map();
  let size = lines[0].length + 1;
  for (let i = 0; i < rows && size < bytes; i++) {
    const region = `Regio ${i % 35}`;
    const n = (i * 7919) % 1000;
    const line = `Gemeente ${i % 350};${region};2019K4;${n}`;
    lines.push(line);
    size += line.length + 1;
    sums.set(region, (sums.get(region) || 0) + n);
  }
  return { text: lines.join('\n') + '\n', sums, rows: lines.length - 1 };
}

// The page's sums of `werkzaam` per `arbeidsmarktregio` of the data on screen, as bars (the
// hash's other keys kept, a series dropped): [[region, sum]], once drawn.
export async function sumsPerRegion(page) {
  await page.evaluate(() => {
    const h = new URLSearchParams(location.hash.slice(1));
    for (const [k, v] of [['view', 'bars'], ['x', 'arbeidsmarktregio'], ['y', 'werkzaam']]) h.set(k, v);
    h.delete('series');
    location.hash = '#' + h.toString();
  });
  await page.waitForFunction(() => window.bv.rendered && window.bv.rendered.view === 'bars' && /x=arbeidsmarktregio/.test(window.bv.rendered.spec) && document.documentElement.dataset.state === 'ready');
  return page.evaluate(() => window.bv.rendered.table.rows.map((r) => [r[0], r[1]]));
}
