// The big-file part of `make bench` (issue 9, part 6): one generated tidy CSV (about 55 MB, 1M rows),
// the same grouped sum (werkzaam per arbeidsmarktregio and kwartaal, 1,400 groups) computed
//   in the browser: the project's page (file input -> line chart) against DuckDB-WASM and Arquero,
//     each in a fresh context of the same headless Chromium, timed from the file input's change event;
//   natively: the CLI against DuckDB (the Python package), wall time and peak memory (max RSS).
// Prints medians, ratios and the targets (targets are printed, never asserted).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureTidy } from './gen-tidy.mjs';
import { ROOT, BENCH, median, secs, MB, ratio, fmtRatio, verdict, table, repeat, interleave, sampleRss, withTimeout, sumY } from './common.mjs';

export const SPEC = 'view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio';
const CACHE = path.join(ROOT, 'target', 'bench');
const CLI = path.join(ROOT, 'target', 'release', 'banenverkenner');
const PYTHON = path.join(CACHE, 'venv', 'bin', 'python');
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------- in the browser

// The project's page: opened on the view description, then the file set on its file input. Done
// when #figure's aria-busy goes back to false (if the page sets it), else when the page sets its
// data-state to ready or error. A page that falls back to another view has failed.
// `started`: the file is set as a user picks one, 3 s after opening (a file dialog takes longer),
// and not before the page has finished starting (the full core, which the page fetches 1.5 s
// after opening, is in and warmed up on a made-up file: by 3 s it is, and the engine has
// compiled the fast code the warm-up asked for in the background); else at once, and the full
// core is loaded (cold) during the run.
const STARTED_AFTER_MS = 3000;
async function pageOnce(browser, url, file, facts, timeoutMs, started = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  try {
    const opened = Date.now();
    await page.goto(url + 'index.html#' + SPEC);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 30000 });
    if (started) {
      await page.waitForTimeout(Math.max(0, STARTED_AFTER_MS - (Date.now() - opened)));
      await page.evaluate(() => window.bv.core.call('fullCore'));
    }
    await page.evaluate(() => {
      const B = (window.__big = { t0: null, t1: null, busySeen: false, errors: [] });
      B.done = new Promise((resolve) => { B.resolve = resolve; });
      const finish = () => { if (B.t1 === null) { B.t1 = performance.now(); setTimeout(B.resolve, 0); } };
      window.addEventListener('change', (e) => { if (B.t0 === null && e.target.type === 'file') B.t0 = performance.now(); }, true);
      new MutationObserver((records) => {
        if (B.t0 === null || B.t1 !== null) return;
        for (const r of records) {
          if (r.type === 'childList' && r.target.closest && r.target.closest('#error')) {
            for (const n of r.addedNodes) if (n.textContent.trim()) B.errors.push(n.textContent.trim());
          } else if (r.attributeName === 'aria-busy' && r.target.id === 'figure') {
            const v = r.target.getAttribute('aria-busy');
            if (v === 'true') B.busySeen = true;
            else if (v === 'false' && B.busySeen) finish();
          } else if (r.attributeName === 'data-state' && r.target === document.documentElement && !B.busySeen) {
            if (['ready', 'error'].includes(document.documentElement.dataset.state)) finish();
          }
        }
      }).observe(document.documentElement, { attributes: true, subtree: true, childList: true, attributeFilter: ['aria-busy', 'data-state'] });
    });
    const input = (await page.$('#file')) ? '#file' : 'input[type=file]';
    const stop = sampleRss();
    await page.setInputFiles(input, file);
    let res;
    try {
      res = await withTimeout(page.evaluate(async () => {
        const B = window.__big;
        await B.done;
        const r = window.bv && window.bv.rendered;
        const state = document.documentElement.dataset.state;
        const box = document.getElementById('error');
        const shown = box && !box.hidden && box.textContent.trim();
        const sums = [];
        if (r && r.table && r.table.columns) {
          const { columns, rows } = r.table;
          const colSum = (i) => rows.reduce((s, row) => s + (typeof row[i] === 'number' ? row[i] : 0), 0);
          const w = columns.findIndex((c) => /werkzaam/i.test(c));
          if (w >= 0) sums.push(colSum(w));
          sums.push(columns.slice(1).reduce((s, _, i) => s + colSum(i + 1), 0));
          sums.push(colSum(columns.length - 1));
        }
        return {
          ms: B.t1 - B.t0, state, spec: r ? r.spec : null, svg: !!document.querySelector('#chart svg'),
          error: shown || B.errors[0] || null, rows: r && r.table ? r.table.rows.length : null, sums,
        };
      }), timeoutMs, 'page');
    } catch (err) {
      return { ok: false, ms: timeoutMs, error: err.message, memory: stop() };
    }
    const memory = stop();
    const onSpec = res.spec && new URLSearchParams(res.spec).get('series') === 'arbeidsmarktregio' && new URLSearchParams(res.spec).get('view') === 'line';
    if (res.state === 'error' || !onSpec || !res.svg) {
      const why = res.error || errors[0] || (res.spec ? `the page showed '${res.spec}' instead` : 'no chart drawn');
      return { ok: false, ms: res.ms, error: why, memory };
    }
    const checked = res.sums.some((s) => s === facts.sumWerkzaam);
    return { ok: true, ms: res.ms, memory, detail: `${res.rows} table rows, sum ${checked ? 'checked' : 'not checked'}` };
  } finally {
    await context.close().catch(() => {});
  }
}

// A bench page (DuckDB-WASM or Arquero): the file set on its input, window.benchResult read.
async function enginePageOnce(browser, url, name, file, facts, timeoutMs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${url}bench/${name}.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
    const stop = sampleRss();
    await page.setInputFiles('#file', file);
    let r;
    try {
      r = await withTimeout(page.waitForFunction(() => window.benchResult, null, { timeout: 0, polling: 100 }).then((h) => h.jsonValue()), timeoutMs, name);
    } catch (err) {
      return { ok: false, ms: timeoutMs, error: err.message, memory: stop() };
    }
    const memory = stop();
    if (!r.ok) return { ok: false, ms: r.totalMs, error: r.error, memory };
    const good = r.groups === facts.groups && r.sum === facts.sumWerkzaam;
    return { ok: true, ms: r.totalMs, startup: r.startupMs, memory, detail: `${r.groups} groups, sum ${good ? 'checked' : `WRONG (${r.sum})`}${r.detail ? ', ' + r.detail : ''}` };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- natively

// One command under /usr/bin/time -v: wall time (measured here), max RSS, exit status, stdout.
function timed(cmd, args, outFile) {
  const t0 = performance.now();
  const out = fs.openSync(outFile, 'w');
  const p = spawnSync(TIME, ['-v', cmd, ...args], { stdio: ['ignore', out, 'pipe'], maxBuffer: 64 << 20 });
  fs.closeSync(out);
  const wall = performance.now() - t0;
  const stderr = p.stderr.toString();
  const at = stderr.lastIndexOf('\tCommand being timed:');
  const own = (at >= 0 ? stderr.slice(0, at) : stderr).split('\n').filter((l) => l.trim() && !l.startsWith('Command exited with'));
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const status = /Exit status: (\d+)/.exec(stderr);
  const code = status ? Number(status[1]) : p.status;
  // The CLI's error line ("Fout: ...") when there is one, else the last line it wrote.
  const message = (own.find((l) => /^(Fout|Error)\b/.test(l)) || own[own.length - 1] || '').trim();
  return { wall, memory: rss ? Number(rss[1]) * 1024 : NaN, code, message };
}


function cliOnce(args, file, facts) {
  const out = path.join(CACHE, 'cli-out.txt');
  const r = timed(CLI, args, out);
  if (r.code !== 0) return { ok: false, ms: r.wall, memory: r.memory, error: r.message || `exit status ${r.code}` };
  let detail = '';
  if (args.includes('--json')) {
    try {
      const { sum, points } = sumY(JSON.parse(fs.readFileSync(out, 'utf8')));
      detail = `${points} points, sum ${sum === facts.sumWerkzaam ? 'checked' : `WRONG (${sum})`}`;
    } catch (e) { detail = 'output is not JSON'; }
  }
  return { ok: true, ms: r.wall, memory: r.memory, detail };
}

function duckdbOnce(file, facts) {
  const out = path.join(CACHE, 'duckdb-out.txt');
  const r = timed(PYTHON, [path.join(BENCH, 'duckdb_native.py'), file], out);
  if (r.code !== 0) return { ok: false, ms: r.wall, memory: r.memory, error: r.message || `exit status ${r.code}` };
  const res = JSON.parse(fs.readFileSync(out, 'utf8'));
  const good = res.groups === facts.groups && res.sum === facts.sumWerkzaam;
  return { ok: true, ms: r.wall, memory: r.memory, detail: `${res.groups} groups, sum ${good ? 'checked' : `WRONG (${res.sum})`}, duckdb ${res.version}, ${res.threads} threads` };
}

// ---------------------------------------------------------------- the part

function summary(label, results) {
  const ok = results.filter((r) => r.ok);
  const failed = results.find((r) => !r.ok);
  const pick = (k) => median(ok.map((r) => r[k]).filter(Number.isFinite));
  return {
    label, n: results.length, ok: ok.length > 0 && !failed,
    ms: ok.length && !failed ? pick('ms') : NaN,
    startup: pick('startup'),
    memory: median(results.map((r) => r.memory).filter(Number.isFinite)),
    status: failed ? `failed after ${secs(failed.ms)}` : (ok[0] && ok[0].detail) || 'ok',
    error: failed ? failed.error : null,
  };
}

export async function benchBig({ browser, srv, runs, variant, budgetMs, timeoutMs, log }) {
  const t0 = Date.now();
  const { file, facts, reused } = ensureTidy(variant);
  log(`\n== Big file (issue 9): ${path.relative(ROOT, file)}, ${MB(facts.bytes)}, ${facts.rows.toLocaleString('en')} rows, ${facts.groups} groups (${reused ? 'reused' : `generated in ${Date.now() - t0} ms`})`);
  log(`   the same result everywhere: sum(werkzaam) per arbeidsmarktregio x kwartaal; median of up to ${runs} runs (a failing engine runs once)`);

  const rows = [];
  // Each engine's runs, by round (for the ratios per round below).
  const runsOf = {};
  if (browser) {
    log('   in headless Chromium (each run a fresh context; timed from the file input\'s change event; the engines in turn, one run each per round) ...');
    const [page, started, duck, arq] = await interleave(runs, budgetMs, [
      () => pageOnce(browser, srv.url, file, facts, timeoutMs),
      () => pageOnce(browser, srv.url, file, facts, timeoutMs, true),
      () => enginePageOnce(browser, srv.url, 'duckdb', file, facts, timeoutMs),
      () => enginePageOnce(browser, srv.url, 'arquero', file, facts, timeoutMs),
    ]);
    rows.push(summary('page: line chart', page), summary('page, started: line chart', started), summary('DuckDB-WASM', duck), summary('Arquero', arq));
    Object.assign(runsOf, { page, started, duck, arq });
  }
  log('   natively (/usr/bin/time -v: wall time measured around it, max RSS; the CLI and DuckDB in turn) ...');
  const [cliRuns, duckRuns] = await interleave(runs, budgetMs, [
    () => cliOnce(['view', file, SPEC, '--json'], file, facts),
    () => duckdbOnce(file, facts),
  ]);
  Object.assign(runsOf, { cli: cliRuns, nat: duckRuns });
  const view = summary('CLI: view --json', cliRuns);
  rows.push(view);
  // While the view fails, `info` (reading the file and detecting its columns) is the CLI's figure.
  if (!view.ok) rows.push(summary('CLI: info', await repeat(runs, budgetMs, () => cliOnce(['info', file], file, facts))));
  rows.push(summary('DuckDB (Python)', duckRuns));

  const native = (label) => label.startsWith('CLI') || label.startsWith('DuckDB (');
  log('');
  log(table([
    ['where', 'engine', 'median', 'start-up', 'peak memory', 'memory / file', 'runs', 'result'],
    ...rows.map((r) => [
      native(r.label) ? 'native' : 'browser', r.label, r.ok ? secs(r.ms) : 'failed', Number.isFinite(r.startup) ? secs(r.startup) : '',
      Number.isFinite(r.memory) ? MB(r.memory) : 'n/a', Number.isFinite(r.memory) ? fmtRatio(r.memory / facts.bytes) : 'n/a', String(r.n), r.status,
    ]),
  ]));
  for (const r of rows.filter((x) => x.error)) log(`   ${r.label} failed: ${r.error}`);
  log('   peak memory: natively max RSS of the process; in the browser the growth of the renderer processes\' RSS (page + its workers) during the run');
  log('   page: the file set as soon as the page shows its first chart, so the run also loads the full core (its code and heap, about 25-35 MB);');
  log(`   page, started: the file set as a user picks one, ${STARTED_AFTER_MS / 1000} s after opening, once the page has finished starting (the full core in and warmed up)`);
  const names = { page: 'page', started: 'page, started', duck: 'DuckDB-WASM', arq: 'Arquero', cli: 'CLI', nat: 'DuckDB native' };
  log(`   every run in round order (s): ${Object.entries(runsOf).map(([k, rs]) => `${names[k]} ${rs.map((r) => (r.ok ? (r.ms / 1000).toFixed(2) : 'failed')).join(' ')}`).join('; ')}`);

  const by = (l) => rows.find((r) => r.label === l) || { ms: NaN, memory: NaN };
  const page = by('page: line chart'), started = by('page, started: line chart'), duck = by('DuckDB-WASM'), arq = by('Arquero'), cli = by('CLI: view --json'), nat = by('DuckDB (Python)');
  // The median of each round's ratio (the engines ran one after the other in a round, so a
  // phase of the machine weighs on both sides of a ratio; the medians above come from different
  // rounds).
  const perRound = (a, b) => {
    const xs = (runsOf[a] || []).map((r, i) => {
      const o = (runsOf[b] || [])[i];
      return r.ok && o && o.ok ? r.ms / o.ms : NaN;
    }).filter(Number.isFinite);
    return xs.length && (runsOf[a] || []).every((r) => r.ok) ? median(xs) : NaN;
  };
  const targets = [
    ['page / Arquero', ratio(page.ms, arq.ms), 0.25],
    ['  the same, file set on a started page', ratio(started.ms, arq.ms), 0.25],
    ['    per round (median of the rounds\' ratios)', perRound('started', 'arq'), 0.25],
    ['page / DuckDB-WASM (start-up included)', ratio(page.ms, duck.ms), 0.2],
    ['  the same, file set on a started page', ratio(started.ms, duck.ms), 0.2],
    ['    per round (median of the rounds\' ratios)', perRound('started', 'duck'), 0.2],
    ['CLI view / DuckDB native', ratio(cli.ms, nat.ms), 1.0],
    ['  per round (median of the rounds\' ratios)', perRound('cli', 'nat'), 1.0],
    ['CLI peak memory / file size', ratio(cli.memory, facts.bytes), 2.0, true],
    ['page peak memory / file size', ratio(page.memory, facts.bytes), 2.0, true],
    ['  the same, file set on a started page', ratio(started.memory, facts.bytes), 2.0, true],
  ];
  log('');
  log(table([
    ['ratio (time unless said)', 'measured', 'target', 'verdict'],
    ...targets.map(([label, r, goal, strict]) => [label, fmtRatio(r), `${strict ? '<' : '<='} ${goal}x`, verdict(r, strict ? r < goal : r <= goal)]),
  ]));
  log('   targets are printed, never asserted; n/a where an engine failed or was not run');
  return rows;
}
