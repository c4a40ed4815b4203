// `make bench`: the baseline figures later work is held to. Prints the wasm bundle size (raw and
// gzip) and the time from page load to the first chart drawn in headless Chromium (median).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, DIST } from '../tests/e2e/helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 9);
const kb = (n) => (n / 1024).toFixed(1) + ' KiB';

const files = ['pkg/banenverkenner_bg.wasm', 'pkg/banenverkenner.js', 'app.js', 'i18n.js', 'index.html', 'style.css'];
let rawTotal = 0, gzTotal = 0;
console.log('Bundel (dist/):');
for (const f of files) {
  const buf = fs.readFileSync(path.join(DIST, f));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  rawTotal += buf.length; gzTotal += gz;
  console.log(`  ${f.padEnd(28)} ${kb(buf.length).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
}
console.log(`  ${'totaal'.padEnd(28)} ${kb(rawTotal).padStart(10)} raw ${kb(gzTotal).padStart(10)} gzip`);
const wasmGz = zlib.gzipSync(fs.readFileSync(path.join(DIST, 'pkg/banenverkenner_bg.wasm')), { level: 9 }).length;
console.log(`  wasm-bundel gzip: ${wasmGz} bytes (${kb(wasmGz)}); doel < 300 KB: ${wasmGz < 300000 ? 'gehaald' : 'NIET gehaald'}`);
console.log(`  hele pagina gzip: ${gzTotal} bytes (${kb(gzTotal)})`);
const single = fs.statSync(path.join(DIST, 'banenverkenner.html')).size;
console.log(`  ${'banenverkenner.html (1 bestand)'.padEnd(28)} ${kb(single).padStart(10)} raw`);

const srv = await serve();
const browser = await launch();
const timesFor = async (url) => {
  const times = [];
  const marks = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.bv && window.bv.firstChartMs !== null, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.bv.firstChartMs));
    marks.push(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))));
    await context.close();
  }
  times.sort((a, b) => a - b);
  const med = (k) => { const v = marks.map((m) => m[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)].toFixed(0); };
  console.log(`  stappen (mediaan, ms sinds start navigatie): wasm klaar ${med('bv-wasm-ready')}, gegevens gelezen ${med('bv-data-ready')}, grafiek getekend ${med('bv-chart-drawn')}`);
  return times;
};
const report = (label, t) => console.log(`${label}: mediaan ${t[Math.floor(t.length / 2)].toFixed(0)} ms (min ${t[0].toFixed(0)}, max ${t[t.length - 1].toFixed(0)}, n = ${t.length})   (doel: < 200 ms)`);
console.log('\nVan laden van de pagina tot eerste grafiek (headless Chromium, performance.now()):');
report('  standaardgegevens, spreidingsdiagram', await timesFor(srv.url));
await browser.close();
srv.server.close();
