// The formats part of the bench (BENCH_ONLY=formats): the big tidy table (gen-tidy.mjs, 1M rows) as
// analysts also send it, each variant read by the CLI with the same view as the plain CSV:
//   excel-nl.csv      `;`-separated Windows-1252 with CRLF line ends, as Dutch Excel writes it:
//                     region names with a space and municipality names with a bracket quoted, some
//                     names with letters beyond ASCII (Fryslân, ë), and two extra columns: the
//                     municipality's population with thousands separators (`12.345`) and the share
//                     working with a decimal comma (`45,3`)
//   unicode.txt       UTF-16LE with BOM, tab-separated, CRLF (Excel's "Unicode text")
//   records.json      an array of records, as pandas `to_json(orient='records')` writes it
//   lines.jsonl       JSON Lines, one record a line
//   strings.json      an array of records whose numbers are strings (`"personen":"12"`)
//   sheet.xlsx        a workbook with the first 300,000 rows (shared strings, as Excel writes it)
// Every variant has the same sum of werkzaam as the rows it holds (the whole table's, except the
// workbook's), which the CLI's JSON is checked against. The variants are written from the CSV
// deterministically (no randomness) under target/formats/, once, and reused while their sidecar
// (target/formats/facts.json) matches.
//
// Use: node scripts/bench/formats.mjs [--generate]   (BENCH_RUNS, default 3; BENCH_BUDGET_S, 60;
// BENCH_CLI, the CLI to run)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTidy } from './gen-tidy.mjs';
import { ROOT, median, secs, MB, fmtRatio, table, repeat, sumY } from './common.mjs';

const VERSION = 1;
const OUT = path.join(ROOT, 'target', 'formats');
// BENCH_CLI: another build of the CLI (say, main's, for the figures before a change).
const CLI = process.env.BENCH_CLI || path.join(ROOT, 'target', 'release', 'banenverkenner');
const TIME = '/usr/bin/time';
export const SPEC = 'view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio';
const XLSX_ROWS = 300000;

// ---------------------------------------------------------------- the variants

// Windows-1252 bytes of a string (only Latin-1 letters are used here, the same code points).
const latin1 = (s) => Buffer.from(s, 'latin1');

function excelNl(header, rows, write) {
  const pop = new Map(); // municipality -> a made-up population, fixed by its name
  const population = (g) => {
    if (!pop.has(g)) {
      let h = 0;
      for (const c of g) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
      pop.set(g, 5000 + (h % 245000));
    }
    return pop.get(g);
  };
  const dutch = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const name = (g) => (g.endsWith('loo') ? `${g} (Gld.)` : g.replace('ee', 'eë'));
  const region = (r) => (r === 'Friesland' ? 'Fryslân' : r);
  const q = (s) => (/[ ()]/.test(s) ? `"${s}"` : s);
  write(latin1([...header, 'inwoners', 'aandeel_werkzaam'].join(';') + '\r\n'));
  let buf = '';
  for (const c of rows()) {
    const p = Number(c[6]), w = Number(c[7]);
    const share = p > 0 ? ((100 * w) / p).toFixed(1).replace('.', ',') : '';
    buf += [q(name(c[0])), q(region(c[1])), c[2], c[3], c[4], c[5], c[6], c[7], dutch(population(c[0])), share].join(';') + '\r\n';
    if (buf.length > 1 << 20) { write(latin1(buf)); buf = ''; }
  }
  write(latin1(buf));
}

function unicodeText(header, rows, write) {
  write(Buffer.from([0xff, 0xfe]));
  let buf = header.join('\t') + '\r\n';
  for (const c of rows()) {
    buf += c.join('\t') + '\r\n';
    if (buf.length > 1 << 20) { write(Buffer.from(buf, 'utf16le')); buf = ''; }
  }
  write(Buffer.from(buf, 'utf16le'));
}

function jsonRecords(header, rows, write, { lines = false, strings = false } = {}) {
  const record = (c) => '{' + header.map((h, i) => `${JSON.stringify(h)}:${i >= 6 && !strings ? c[i] : JSON.stringify(c[i])}`).join(',') + '}';
  let buf = lines ? '' : '[';
  let first = true;
  for (const c of rows()) {
    buf += (lines ? '' : first ? '' : ',') + record(c) + (lines ? '\n' : '');
    first = false;
    if (buf.length > 1 << 20) { write(Buffer.from(buf)); buf = ''; }
  }
  write(Buffer.from(buf + (lines ? '' : ']')));
}

// A minimal zip (deflated entries, no data descriptors) of [name, Buffer] pairs.
function zip(entries) {
  const parts = [], central = [];
  let at = 0;
  for (const [name, data] of entries) {
    const packed = zlib.deflateRawSync(data, { level: 6 });
    const crc = zlib.crc32(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26); local.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0, 8); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0, 12); c.writeUInt32LE(crc, 16); c.writeUInt32LE(packed.length, 20); c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28); c.writeUInt32LE(at, 42);
    central.push(c, n);
    parts.push(local, n, packed);
    at += local.length + n.length + packed.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12); end.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, ...central, end]);
}

function xlsx(header, rows, write) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const strings = new Map();
  const sst = (s) => { if (!strings.has(s)) strings.set(s, strings.size); return strings.get(s); };
  const letters = 'ABCDEFGH';
  const cells = (r, c) => c.map((v, i) => (i >= 6 && r > 1 ? `<c r="${letters[i]}${r}"><v>${v}</v></c>` : `<c r="${letters[i]}${r}" t="s"><v>${sst(v)}</v></c>`)).join('');
  const sheet = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`];
  sheet.push(`<row r="1">${cells(1, header)}</row>`);
  let r = 1;
  for (const c of rows()) { r++; sheet.push(`<row r="${r}">${cells(r, c)}</row>`); }
  sheet.push('</sheetData></worksheet>');
  const shared = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">`];
  for (const s of strings.keys()) shared.push(`<si><t>${esc(s)}</t></si>`);
  shared.push('</sst>');
  const X = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const xml = Buffer.from(sheet.join(''));
  write(zip([
    ['[Content_Types].xml', Buffer.from(X + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')],
    ['_rels/.rels', Buffer.from(X + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')],
    ['xl/workbook.xml', Buffer.from(X + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="banen" sheetId="1" r:id="rId1"/></sheets></workbook>')],
    ['xl/_rels/workbook.xml.rels', Buffer.from(X + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')],
    ['xl/worksheets/sheet1.xml', xml],
    ['xl/sharedStrings.xml', Buffer.from(shared.join(''))],
  ]));
  return { unpacked: xml.length };
}

export const VARIANTS = [
  { id: 'csv', file: null, what: 'plain UTF-8 CSV (the reference)' },
  { id: 'excel-nl', file: 'excel-nl.csv', what: '; Windows-1252, CRLF, quotes, 1.234 and 45,3', write: excelNl },
  { id: 'utf16', file: 'unicode.txt', what: 'UTF-16LE with BOM, tabs, CRLF', write: unicodeText },
  { id: 'records', file: 'records.json', what: 'JSON array of records', write: (h, r, w) => jsonRecords(h, r, w) },
  { id: 'jsonl', file: 'lines.jsonl', what: 'JSON Lines', write: (h, r, w) => jsonRecords(h, r, w, { lines: true }) },
  { id: 'strings', file: 'strings.json', what: 'JSON records, numbers as strings', write: (h, r, w) => jsonRecords(h, r, w, { strings: true }) },
  { id: 'xlsx', file: 'sheet.xlsx', what: `workbook, first ${XLSX_ROWS.toLocaleString('en')} rows`, write: xlsx, rows: XLSX_ROWS },
];

// Writes the variants that are missing or stale; gives [{...variant, path, bytes, rows, sumWerkzaam}].
export function ensureFormats(log = () => {}) {
  const { file, facts } = ensureTidy('1m');
  const sidecar = path.join(OUT, 'facts.json');
  let known = {};
  try {
    const f = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
    if (f.version === VERSION && f.source === facts.bytes) known = f.variants;
  } catch (e) { /* not there yet */ }
  let lines = null;
  const out = [];
  for (const v of VARIANTS) {
    if (!v.file) { out.push({ ...v, path: file, bytes: facts.bytes, rows: facts.rows, sumWerkzaam: facts.sumWerkzaam }); continue; }
    const p = path.join(OUT, v.file);
    const k = known[v.id];
    if (k && fs.existsSync(p) && fs.statSync(p).size === k.bytes && (v.id !== 'xlsx' || k.unpacked)) { out.push({ ...v, path: p, ...k }); continue; }
    if (!lines) {
      const text = fs.readFileSync(file, 'utf8');
      lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
    }
    const header = lines[0].split(',');
    const limit = Math.min(lines.length - 1, v.rows || Infinity);
    let sum = 0;
    const rows = function* () {
      for (let i = 1; i <= limit; i++) { const c = lines[i].split(','); sum += Number(c[7]); yield c; }
    };
    const t0 = Date.now();
    fs.mkdirSync(OUT, { recursive: true });
    const fd = fs.openSync(p + '.tmp', 'w');
    const extra = v.write(header, rows, (b) => fs.writeSync(fd, b)) || {};
    fs.closeSync(fd);
    fs.renameSync(p + '.tmp', p);
    known[v.id] = { bytes: fs.statSync(p).size, rows: limit, sumWerkzaam: sum, ...extra };
    log(`   wrote ${path.relative(ROOT, p)} (${MB(known[v.id].bytes)}) in ${Date.now() - t0} ms`);
    out.push({ ...v, path: p, ...known[v.id] });
  }
  fs.writeFileSync(sidecar, JSON.stringify({ version: VERSION, source: facts.bytes, variants: known }, null, 1) + '\n');
  return out;
}

// ---------------------------------------------------------------- measuring


function cliOnce(v) {
  const outFile = path.join(OUT, 'cli-out.txt');
  const fd = fs.openSync(outFile, 'w');
  const t0 = performance.now();
  const p = spawnSync(TIME, ['-v', CLI, 'view', v.path, SPEC, '--json'], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  fs.closeSync(fd);
  const stderr = p.stderr.toString();
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const status = /Exit status: (\d+)/.exec(stderr);
  const memory = rss ? Number(rss[1]) * 1024 : NaN;
  if ((status ? Number(status[1]) : p.status) !== 0) {
    const line = stderr.split('\n').find((l) => /^(Fout|Error)\b/.test(l)) || 'failed';
    return { ok: false, ms, memory, error: line.trim() };
  }
  try {
    const { sum, points } = sumY(JSON.parse(fs.readFileSync(outFile, 'utf8')));
    return { ok: true, ms, memory, detail: `${points} points, sum ${sum === v.sumWerkzaam ? 'checked' : `WRONG (${sum}, expected ${v.sumWerkzaam})`}` };
  } catch (e) {
    return { ok: true, ms, memory, detail: 'output is not JSON' };
  }
}

export async function benchFormats({ runs = 3, budgetMs = 60000, log = console.log } = {}) {
  log(`\n== Formats: the 1M-row tidy table in other formats and encodings, the CLI's '${SPEC}' --json`);
  if (!fs.existsSync(CLI)) { log(`   ${path.relative(ROOT, CLI)} missing (cargo build --release): skipped`); return []; }
  const t0 = Date.now();
  const variants = ensureFormats(log);
  log(`   files ready in ${Date.now() - t0} ms; median of up to ${runs} runs (/usr/bin/time -v: wall time, max RSS)`);
  const rows = [];
  for (const v of variants) {
    const rs = await repeat(runs, budgetMs, () => cliOnce(v));
    const ok = rs.every((r) => r.ok);
    const ms = median(rs.map((r) => r.ms));
    const memory = median(rs.map((r) => r.memory).filter(Number.isFinite));
    rows.push({ v, ok, ms, memory, detail: ok ? rs[0].detail : rs.find((r) => !r.ok).error, n: rs.length });
  }
  const base = rows[0];
  const perByte = (r) => (r.ms / r.v.bytes) / (base.ms / base.v.bytes);
  const perRow = (r) => (r.ms / r.v.rows) / (base.ms / base.v.rows);
  log('');
  log(table([
    ['variant', 'file', 'size', 'rows', 'median', 'time/byte vs csv', 'time/row vs csv', 'peak memory', 'memory / file', 'runs', 'result'],
    ...rows.map((r) => [r.v.id, r.v.what, MB(r.v.bytes), r.v.rows.toLocaleString('en'), r.ok ? secs(r.ms) : 'failed', r.ok ? fmtRatio(perByte(r)) : 'n/a', r.ok ? fmtRatio(perRow(r)) : 'n/a',
      Number.isFinite(r.memory) ? MB(r.memory) : 'n/a', Number.isFinite(r.memory) ? fmtRatio(r.memory / r.v.bytes) : 'n/a', String(r.n), r.detail]),
  ]));
  log('   targets (printed, never asserted): memory / file < 2x; time per byte within 2x of the plain CSV\'s');
  for (const r of rows.filter((x) => x.v.unpacked && Number.isFinite(x.memory))) {
    log(`   ${r.v.id}: compressed; its worksheet unpacked is ${MB(r.v.unpacked)} (memory / unpacked ${fmtRatio(r.memory / r.v.unpacked)}), read twice, so time per row is its measure`);
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--generate')) ensureFormats(console.log);
  else await benchFormats({ runs: Math.max(1, Number(process.env.BENCH_RUNS) || 3), budgetMs: 1000 * (Number(process.env.BENCH_BUDGET_S) || 60) });
}
