// `make bench`: the figures later work is held to, printed side by side; targets are printed, never
// asserted (timing belongs here, not in tests). Two parts, in ONE headless Chromium session:
//   load  (issue 12) bundle parts and gzip sizes; first chart of the page against a static page with
//         the same SVG; time to interactive            -> scripts/bench/load.mjs
//   big   (issue 9)  a generated 55 MB, 1M-row tidy CSV: the page against DuckDB-WASM and Arquero
//         in the browser, the CLI against DuckDB natively -> scripts/bench/big.mjs
//   formats  the same table as a Dutch Windows-1252 export, UTF-16 text, JSON (records, lines,
//         numbers as strings) and a workbook: the CLI's time and peak memory per variant (native
//         only, about 30 s once the files are written) -> scripts/bench/formats.mjs
// Environment: BENCH_ONLY=load|big|formats (default all; formats alone needs no browser); BENCH_RUNS (runs per measurement; default 9 for
// load, 5 for big); BENCH_FILE=1m|23mb (the generated file; default 1m); BENCH_BUDGET_S (wall time
// after which an engine stops repeating; default 60); BENCH_TIMEOUT_S (one browser run; default 180);
// BENCH_NO_BROWSER=1 (big: native only).
// Needs: dist/ (make dist), /usr/bin/chromium, scripts/bench/node_modules (npm ci there), for big also
// target/release/banenverkenner and target/bench/venv with duckdb: `make bench` does all of that.
import { launch } from '../tests/e2e/helpers.mjs';
import { serve } from './bench/common.mjs';
import { benchLoad } from './bench/load.mjs';
import { benchBig } from './bench/big.mjs';
import { benchFormats } from './bench/formats.mjs';

const only = process.env.BENCH_ONLY || '';
if (only && !['load', 'big', 'formats'].includes(only)) {
  console.error(`BENCH_ONLY=${only}: expected 'load', 'big' or 'formats'`);
  process.exit(2);
}
const runs = (dflt) => Math.max(1, Number(process.env.BENCH_RUNS) || dflt);
const log = (s) => console.log(s);
const budgetMs = 1000 * (Number(process.env.BENCH_BUDGET_S) || 60);

if (only === 'formats') {
  const started = Date.now();
  log(`bench (formats): ${new Date().toISOString()}, node ${process.version}`);
  await benchFormats({ runs: runs(3), budgetMs, log });
  log(`\nbench done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}

const started = Date.now();
const extra = new Map();
const srv = await serve(extra);
const browser = await launch();
log(`make bench: ${new Date().toISOString()}, Chromium ${browser.version()}, node ${process.version}`);
let failed = false;
try {
  if (only !== 'big') await benchLoad({ browser, srv, extra, runs: runs(9), log });
  if (!only || only === 'big') {
    await benchBig({
      browser: process.env.BENCH_NO_BROWSER ? null : browser, srv, runs: runs(5),
      variant: process.env.BENCH_FILE || '1m',
      budgetMs,
      timeoutMs: 1000 * (Number(process.env.BENCH_TIMEOUT_S) || 180),
      log,
    });
  }
  if (!only) await benchFormats({ runs: runs(3), budgetMs, log });
} catch (err) {
  // A broken bench (not a slow or failing engine, which is reported in the tables) fails make.
  console.error(`\nbench stopped: ${err && err.stack || err}`);
  failed = true;
} finally {
  await browser.close();
  srv.server.close();
}
log(`\nbench done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
