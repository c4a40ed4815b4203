// The page-load part of `make bench` (issue 12): every part of dist/ with its gzip size (and which
// parts the page fetches for its first chart), then, side by side in the same Chromium, the time to
// the first chart of the page against a static HTML page holding the same SVG, and the page's time
// to interactive. Targets are printed, never asserted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, median, ms, kB, fmtRatio, ratio, verdict, table } from './common.mjs';

export const STATIC_PATH = '/bench-static.html';

// Every file under dist/ (the single-file build reported on its own line).
function distFiles(dir = DIST, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) distFiles(p, out); else out.push(path.relative(DIST, p));
  }
  return out.sort();
}
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// Injected before any page script: when the chart's SVG is first in a frame (the first animation
// frame that finds it; the same test for the page and the static page), first contentful paint,
// and when the page declares itself ready (data-state), i.e. interactive.
function probe() {
  const m = (window.__load = { chart: null, fcp: null, ready: null });
  const look = () => {
    if (m.chart === null && document.querySelector('#chart svg')) m.chart = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  new MutationObserver(() => {
    if (m.ready === null && document.documentElement && document.documentElement.dataset.state === 'ready') m.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
}

async function loadOnce(browser, url, isPage) {
  const context = await browser.newContext();
  await context.addInitScript(probe);
  const page = await context.newPage();
  const fetched = [];
  page.on('response', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction((p) => window.__load.chart !== null && window.__load.fcp !== null && (!p || window.__load.ready !== null), isPage, { timeout: 30000 });
  const r = await page.evaluate(() => ({
    ...window.__load,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    drawn: window.bv ? window.bv.firstChartMs : null,
    svg: document.querySelector('#chart svg') ? document.querySelector('#chart svg').outerHTML : null,
  }));
  await context.close();
  return { ...r, fetched };
}

// The static comparison: the page's own first SVG in a bare HTML page with the page's stylesheet.
export function staticPage(svg) {
  return `<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Banenverkenner (static SVG)</title>\n<link rel="stylesheet" href="style.css">\n</head>\n<body>\n<main>\n<figure id="figure"><div id="chart">${svg}</div></figure>\n</main>\n</body>\n</html>\n`;
}

export async function benchLoad({ browser, srv, extra, runs, log }) {
  log('\n== Page load (issue 12): dist/ in headless Chromium');

  // One load first: what the page fetches for its first chart, and the SVG for the static page.
  const first = await loadOnce(browser, srv.url, true);
  if (!first.svg) throw new Error('the page drew no #chart svg');
  extra.set(STATIC_PATH, staticPage(first.svg));
  const fetched = new Set(first.fetched.map((p) => (p === '/' ? 'index.html' : p.replace(/^\//, ''))));

  const rows = [];
  let firstGz = 0, firstRaw = 0, allGz = 0, allRaw = 0, wasmFirst = 0;
  let single = null;
  for (const f of distFiles()) {
    const buf = fs.readFileSync(path.join(DIST, f));
    const g = gz(buf);
    if (f === 'banenverkenner.html') { single = [buf.length, g]; continue; }
    const used = fetched.has(f);
    allRaw += buf.length; allGz += g;
    if (used) { firstRaw += buf.length; firstGz += g; if (f.endsWith('.wasm')) wasmFirst += g; }
    rows.push([f, kB(buf.length), kB(g), used ? 'yes' : '']);
  }
  rows.push(['all of dist/ (without banenverkenner.html)', kB(allRaw), kB(allGz), '']);
  rows.push(['fetched for the first chart', kB(firstRaw), kB(firstGz), '']);
  if (single) rows.push(['banenverkenner.html (single file)', kB(single[0]), kB(single[1]), '']);
  log('\nBundle parts (kB = 1000 bytes; gzip level 9):');
  log(table([['file', 'raw', 'gzip', 'first chart'], ...rows]));
  log(table([
    ['size target', 'measured', 'target', 'verdict'],
    ['wasm fetched for the first chart (gzip)', kB(wasmFirst), '<= 200 kB', verdict(wasmFirst, wasmFirst <= 200000)],
    ['whole page for the first chart (gzip)', kB(firstGz), '<= 150 kB', verdict(firstGz, firstGz <= 150000)],
  ]));

  // Side by side, alternating, each load in a fresh context.
  const pageRuns = [], staticRuns = [];
  for (let i = 0; i < runs; i++) {
    pageRuns.push(await loadOnce(browser, srv.url, true));
    staticRuns.push(await loadOnce(browser, srv.url.replace(/\/$/, '') + STATIC_PATH, false));
  }
  const med = (rs, f) => median(rs.map(f).filter((x) => Number.isFinite(x)));
  // A chart is seen no earlier than the first contentful paint, nor than the first frame holding it.
  const seen = (r) => Math.max(r.fcp, r.chart);
  const pageChart = med(pageRuns, seen), staticChart = med(staticRuns, seen);
  const mark = (k) => med(pageRuns, (r) => r.marks[k]);
  log(`\nFirst chart, median of ${runs} loads each (ms since navigation start; a fresh context per load):`);
  log(table([
    ['page', 'first paint (FCP)', 'svg in a frame', 'first chart', 'interactive'],
    ['Banenverkenner (dist/index.html)', ms(med(pageRuns, (r) => r.fcp)), ms(med(pageRuns, (r) => r.chart)), ms(pageChart), ms(med(pageRuns, (r) => r.ready))],
    ['static page with the same SVG', ms(med(staticRuns, (r) => r.fcp)), ms(med(staticRuns, (r) => r.chart)), ms(staticChart), ''],
  ]));
  log(`  page steps (median): wasm ready ${ms(mark('bv-wasm-ready'))}, data read ${ms(mark('bv-data-ready'))}, chart drawn by script ${ms(mark('bv-chart-drawn'))} (window.bv.firstChartMs ${ms(med(pageRuns, (r) => r.drawn))})`);
  log('  svg in a frame: the first animation frame whose DOM holds #chart svg; first chart: the later of that and FCP;');
  log('  interactive: the page has set data-state=ready (wasm loaded, handlers wired, chart drawn)');
  const r = ratio(pageChart, staticChart);
  log(table([
    ['load target', 'measured', 'target', 'verdict'],
    ['first chart: page / static page', fmtRatio(r), '<= 1.3x', verdict(r, r <= 1.3)],
  ]));
  return { pageChart, staticChart, firstGz, wasmFirst };
}
