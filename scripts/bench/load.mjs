// The page-load part of `make bench` (issue 12): every part of dist/ with its gzip size (and which
// parts the page fetches for its first chart), then, side by side in the same Chromium, the time to
// the first chart of the page against a static HTML page holding the same SVG (with the page's
// stylesheet, carried as the page carries it, in the same viewport; 6 x BENCH_RUNS interleaved
// pairs of loads), and the page's time to interactive (BENCH_RUNS loads). Targets are printed,
// never asserted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, median, quantile, ms, kB, fmtRatio, ratio, verdict, table } from './common.mjs';

export const STATIC_PATH = '/bench-static.html';
// Pairs of loads (page, static page) for the first chart per BENCH_RUNS.
export const FIRST_CHART_PAIRS_PER_RUN = 6;

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

// Both pages are loaded in the same viewport (Playwright's default, stated here so it stays so).
export const VIEWPORT = { width: 1280, height: 720 };

// One load in a fresh context; `untilReady`: also wait until the page is interactive.
async function loadOnce(browser, url, untilReady) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const fetched = [];
  page.on('response', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction((p) => window.__load.chart !== null && window.__load.fcp !== null && (!p || window.__load.ready !== null), untilReady, { timeout: 30000 });
  const r = await page.evaluate(() => ({
    ...window.__load,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    drawn: window.bv ? window.bv.firstChartMs : null,
    svg: document.querySelector('#chart svg') ? document.querySelector('#chart svg').outerHTML : null,
    // What the first paint waited for besides the document (stylesheets, scripts in <head>).
    blocking: performance.getEntriesByType('resource').filter((e) => e.renderBlockingStatus === 'blocking').map((e) => new URL(e.name).pathname),
  }));
  await context.close();
  return { ...r, fetched };
}

// The page's stylesheet as the page carries it: every <link rel="stylesheet"> and <style> element
// of its <head>, verbatim and in order (the build writes the stylesheet inline; a linked one is
// served from dist/ as for the page).
export function pageStyles(html) {
  const head = /<head>([\s\S]*?)<\/head>/i.exec(html);
  const styles = head ? head[1].match(/<link\b[^>]*\brel="stylesheet"[^>]*>|<style\b[^>]*>[\s\S]*?<\/style>/gi) : null;
  if (!styles) throw new Error('index.html has no stylesheet in its <head>');
  return styles.join('\n');
}

// The static comparison: the page's own first SVG in a bare HTML page with the page's stylesheet,
// carried the same way as the page carries it.
export function staticPage(svg, styles) {
  return `<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Banenverkenner (static SVG)</title>\n${styles}\n</head>\n<body>\n<main>\n<figure id="figure"><div id="chart">${svg}</div></figure>\n</main>\n</body>\n</html>\n`;
}

export async function benchLoad({ browser, srv, extra, runs, log }) {
  log('\n== Page load (issue 12): dist/ in headless Chromium');

  // One load first: what the page fetches for its first chart, and the SVG for the static page.
  const first = await loadOnce(browser, srv.url, true);
  if (!first.svg) throw new Error('the page drew no #chart svg');
  const styles = pageStyles(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  extra.set(STATIC_PATH, staticPage(first.svg, styles));
  const rel = (p) => (p === '/' ? 'index.html' : p.replace(/^\//, ''));
  // The first chart is in index.html (drawn at build time): it needs the document and what
  // blocks its first paint. The first interaction needs everything fetched until the page is
  // interactive (the scripts and the first core).
  const fetched = new Set(first.fetched.map(rel));
  const forChart = new Set(['index.html', ...first.blocking.map(rel)]);

  const rows = [];
  let firstGz = 0, firstRaw = 0, allGz = 0, allRaw = 0, wasmFirst = 0, chartGz = 0, chartRaw = 0;
  let single = null;
  for (const f of distFiles()) {
    const buf = fs.readFileSync(path.join(DIST, f));
    const g = gz(buf);
    if (f === 'banenverkenner.html') { single = [buf.length, g]; continue; }
    const used = fetched.has(f);
    allRaw += buf.length; allGz += g;
    if (used) { firstRaw += buf.length; firstGz += g; if (f.endsWith('.wasm')) wasmFirst += g; }
    if (forChart.has(f)) { chartRaw += buf.length; chartGz += g; }
    rows.push([f, kB(buf.length), kB(g), forChart.has(f) ? 'yes' : '', used ? 'yes' : '']);
  }
  rows.push(['all of dist/ (without banenverkenner.html)', kB(allRaw), kB(allGz), '', '']);
  rows.push(['needed for the first chart', kB(chartRaw), kB(chartGz), '', '']);
  rows.push(['fetched until interactive', kB(firstRaw), kB(firstGz), '', '']);
  if (single) rows.push(['banenverkenner.html (single file)', kB(single[0]), kB(single[1]), '', '']);
  log('\nBundle parts (kB = 1000 bytes; gzip level 9; pkg/first_bg.wasm is the first core, pkg/banenverkenner_bg.wasm the full core, loaded when needed):');
  log(table([['file', 'raw', 'gzip', 'first chart', 'until interactive'], ...rows]));
  log(table([
    ['size target', 'measured', 'target', 'verdict'],
    ['wasm for the first interaction (gzip)', kB(wasmFirst), '<= 200 kB', verdict(wasmFirst, wasmFirst <= 200000)],
    ['page for the first chart (gzip)', kB(chartGz), '<= 150 kB', verdict(chartGz, chartGz <= 150000)],
    ['page until interactive (gzip; reported)', kB(firstGz), '', ''],
  ]));

  // The first chart, side by side: FIRST_CHART_PAIRS_PER_RUN x runs pairs of loads, interleaved
  // (which of the two goes first alternates from pair to pair), each in a fresh context, after one
  // load of the static page (the page's was the first load above). On a busy machine one load may
  // stray by half its time, hence many pairs; these page loads end at the first chart.
  const staticUrl = srv.url.replace(/\/$/, '') + STATIC_PATH;
  await loadOnce(browser, staticUrl, false);
  const pairs = runs * FIRST_CHART_PAIRS_PER_RUN;
  const pageRuns = [], staticRuns = [];
  for (let i = 0; i < pairs; i++) {
    const page = () => loadOnce(browser, srv.url, false), stat = () => loadOnce(browser, staticUrl, false);
    if (i % 2 === 0) { pageRuns.push(await page()); staticRuns.push(await stat()); }
    else { staticRuns.push(await stat()); pageRuns.push(await page()); }
  }
  // Time to interactive: `runs` loads of the page, each until it is ready.
  const readyRuns = [];
  for (let i = 0; i < runs; i++) readyRuns.push(await loadOnce(browser, srv.url, true));
  const med = (rs, f) => median(rs.map(f).filter((x) => Number.isFinite(x)));
  // A chart is seen no earlier than the first contentful paint, nor than the first frame holding it.
  const seen = (r) => Math.max(r.fcp, r.chart);
  const pageChart = med(pageRuns, seen), staticChart = med(staticRuns, seen);
  const mark = (k) => med(readyRuns, (r) => r.marks[k]);
  // The middle half of the loads: how far one load may stray on this machine.
  const spread = (rs) => { const xs = rs.map(seen).filter((x) => Number.isFinite(x)); return `${Math.round(quantile(xs, 0.25))}-${Math.round(quantile(xs, 0.75))} ms`; };
  log(`\nFirst chart, median of ${pairs} loads each, side by side (ms since navigation start; a fresh context per load; viewport ${VIEWPORT.width}x${VIEWPORT.height}); interactive, median of ${runs} loads:`);
  log(table([
    ['page', 'first paint (FCP)', 'svg in a frame', 'first chart', 'middle half', 'interactive'],
    ['Banenverkenner (dist/index.html)', ms(med(pageRuns, (r) => r.fcp)), ms(med(pageRuns, (r) => r.chart)), ms(pageChart), spread(pageRuns), ms(med(readyRuns, (r) => r.ready))],
    ['static page with the same SVG', ms(med(staticRuns, (r) => r.fcp)), ms(med(staticRuns, (r) => r.chart)), ms(staticChart), spread(staticRuns), ''],
  ]));
  log(`  page steps (median of ${runs}): wasm ready ${ms(mark('bv-wasm-ready'))}, data read ${ms(mark('bv-data-ready'))}, chart drawn by script ${ms(mark('bv-chart-drawn'))} (window.bv.firstChartMs ${ms(med(readyRuns, (r) => r.drawn))}); first chart in these loads ${ms(med(readyRuns, seen))}`);
  log('  svg in a frame: the first animation frame whose DOM holds #chart svg; first chart: the later of that and FCP;');
  log('  interactive: the page has set data-state=ready (wasm loaded, handlers wired, chart drawn)');
  log(`  static page: the same SVG with the page's stylesheet, ${/^<style/i.test(styles) ? 'inline' : 'linked'} as in the page, and nothing else`);
  const r = ratio(pageChart, staticChart);
  // Loads next to each other share the machine's load of the moment: their ratio is a second view.
  const paired = median(pageRuns.map((p, i) => ratio(seen(p), seen(staticRuns[i]))).filter((x) => Number.isFinite(x)));
  log(`  median of the ${pairs} page/static ratios of the pairs: ${fmtRatio(paired)}`);
  log(table([
    ['load target', 'measured', 'target', 'verdict'],
    ['first chart: page / static page', fmtRatio(r), '<= 1.3x', verdict(r, r <= 1.3)],
  ]));
  return { pageChart, staticChart, firstGz, wasmFirst };
}
