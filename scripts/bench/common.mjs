// Shared by the two parts of `make bench`: the loopback server (dist/ at /, the bench pages and the
// bench-only packages under /bench/), medians and table printing, and the memory of Chromium's
// renderer processes read from /proc.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const BENCH = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH, '..', '..');
export const DIST = path.join(ROOT, 'dist');
const PAGES = path.join(BENCH, 'pages');
const MODULES = path.join(BENCH, 'node_modules');
// Only these package folders are served (the engines' browser builds).
const SERVED = ['@duckdb/duckdb-wasm/dist/', 'apache-arrow/', 'arquero/dist/'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv', '.png': 'image/png' };

// duckdb-browser.mjs imports the bare name "apache-arrow"; the page maps it (import map) to this
// module, which re-exports the single-file UMD build the page loads first (one request, not ~200).
function arrowShim() {
  const names = Object.keys(createRequire(import.meta.url)(path.join(MODULES, 'apache-arrow', 'Arrow.es2015.min.js'))).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  return `const A = globalThis.Arrow;\nexport const { ${names.join(', ')} } = A;\nexport default A;\n`;
}

// Serves dist/ at / and the bench pages at /bench/; `extra` maps a path to in-memory HTML.
export function serve(extra = new Map()) {
  let shim = null;
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const p = decodeURIComponent(url.pathname);
      const send = (status, body, type) => { res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }); res.end(body); };
      if (extra.has(p)) return send(200, extra.get(p), TYPES['.html']);
      if (p === '/bench/arrow-shim.mjs') { shim = shim || arrowShim(); return send(200, shim, TYPES['.mjs']); }
      let file;
      if (p.startsWith('/bench/node_modules/')) {
        const rel = p.slice('/bench/node_modules/'.length);
        if (!SERVED.some((s) => rel.startsWith(s))) return send(403, 'not served', 'text/plain');
        file = path.join(MODULES, rel);
        if (!file.startsWith(MODULES + path.sep)) return send(403, 'no', 'text/plain');
      } else if (p.startsWith('/bench/')) {
        file = path.join(PAGES, p.slice('/bench/'.length));
        if (!file.startsWith(PAGES + path.sep)) return send(403, 'no', 'text/plain');
      } else {
        file = path.join(DIST, p);
        if (!file.startsWith(DIST)) return send(403, 'no', 'text/plain');
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      }
      fs.readFile(file, (err, data) => {
        if (err) return send(404, 'not found', 'text/plain');
        send(200, data, TYPES[path.extname(file)] || 'application/octet-stream');
      });
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// The p-quantile (0..1) by linear interpolation between the sorted values.
export const quantile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = p * (s.length - 1), lo = Math.floor(i);
  return lo + 1 < s.length ? s[lo] + (i - lo) * (s[lo + 1] - s[lo]) : s[lo];
};
export const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
export const secs = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : 'n/a');
export const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
export const MB = (n) => `${(n / 1e6).toFixed(1)} MB`;
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
export const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a');
// "met" / "NOT met" against a target; targets are printed, never asserted.
export const verdict = (value, ok) => (!Number.isFinite(value) ? 'not measured' : ok ? 'met' : 'NOT met');

// A plain text table: rows of cells, the first row the header; numbers right-aligned.
export function table(rows, indent = '  ') {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const right = rows[0].map((_, i) => rows.slice(1).every((r) => /^[\d.,-]+( ?(ms|s|kB|MB|x|%))?$|^n\/a$|^$/.test(String(r[i] ?? ''))));
  const line = (r) => indent + r.map((c, i) => (right[i] ? String(c ?? '').padStart(widths[i]) : String(c ?? '').padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

// Runs each engine of `onces` up to `runs` times, in rounds (one run of each engine per round, in
// turn), so that the machine's speed, which moves by tens of percent over tens of seconds, weighs
// on every engine alike. An engine stops early after a failure, or once its own runs took over
// `budgetMs` (after at least one run), so a slow or failing engine cannot eat the machine. Gives
// each engine's results, in the order of `onces`.
export async function interleave(runs, budgetMs, onces) {
  const results = onces.map(() => []);
  const spent = onces.map(() => 0);
  const going = onces.map(() => true);
  for (let i = 0; i < runs && going.some(Boolean); i++) {
    for (let k = 0; k < onces.length; k++) {
      if (!going[k]) continue;
      const start = Date.now();
      const r = await onces[k](i);
      spent[k] += Date.now() - start;
      results[k].push(r);
      if (!r.ok || spent[k] > budgetMs) going[k] = false;
    }
  }
  return results;
}

// One engine's runs (`interleave` of one).
export async function repeat(runs, budgetMs, once) {
  return (await interleave(runs, budgetMs, [once]))[0];
}

// The resident memory (bytes) of every Chromium renderer process started by this node process.
// Dedicated workers run inside their page's renderer, so this covers them as well.
export function rendererRss() {
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch (e) { /* gone */ }
  }
  let total = 0;
  const walk = (pid) => {
    for (const k of kids.get(pid) || []) {
      try {
        if (fs.readFileSync(`/proc/${k}/cmdline`, 'utf8').includes('--type=renderer')) {
          const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${k}/status`, 'utf8'));
          if (m) total += Number(m[1]) * 1024;
        }
      } catch (e) { /* gone */ }
      walk(k);
    }
  };
  walk(process.pid);
  return total;
}

// Samples rendererRss() until stop() is called; stop() returns the peak growth over the start.
export function sampleRss(everyMs = 100) {
  const base = rendererRss();
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, rendererRss()); }, everyMs);
  return () => { clearInterval(timer); peak = Math.max(peak, rendererRss()); return peak - base; };
}

// Rejects after `ms` (the page may be frozen: then evaluate never answers).
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer after ${Math.round(ms / 1000)} s`)), ms); })]).finally(() => clearTimeout(timer));
}

// Sums the y values of the CLI's JSON (series -> points -> y), wherever they sit.
export function sumY(json) {
  let sum = 0, points = 0;
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (Array.isArray(v.points)) for (const p of v.points) if (p && typeof p.y === 'number') { sum += p.y; points++; }
      for (const [k, x] of Object.entries(v)) if (k !== 'points') walk(x);
    }
  };
  walk(json);
  return { sum, points };
}
