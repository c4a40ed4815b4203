// A deterministic tidy CSV for `make bench` (issue 9): one row per municipality, quarter, subgroup,
// age band and sex, with the counts `personen` (in the register) and `werkzaam` (working, never more
// than personen). The 35 labour-market regions are the real ones from data/regions.csv, each with
// several invented municipalities; quarters run 2015K1..2024K4 (40), so a view summed per region
// and quarter has 35 x 40 = 1,400 points. The only source of randomness is the seeded PRNG below,
// so every machine writes the same bytes.
//
// Use: node scripts/bench/gen-tidy.mjs [1m|23mb] [OUT]   (default 1m -> target/bench/tidy-1m.csv)
// As a module: ensureTidy(variant) writes the file once and reuses it while its sidecar
// (OUT.json: generator version, rows, bytes, expected sums) matches.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, 'target', 'bench');
const VERSION = 1;

// Municipalities over all regions: 379 x 2,640 rows (40 quarters x 3 subgroups x 11 age bands x
// 2 sexes) = 1,000,560 rows, about 55 MB; the small variant has 160 (422,400 rows, about 23 MB).
export const VARIANTS = {
  '1m': { municipalities: 379, file: 'tidy-1m.csv' },
  '23mb': { municipalities: 160, file: 'tidy-23mb.csv' },
};

const QUARTERS = [];
for (let y = 2015; y <= 2024; y++) for (let k = 1; k <= 4; k++) QUARTERS.push(`${y}K${k}`);
const SUBGROUPS = [
  // name, share of the register in 2015K1, change of the share per quarter, base rate working
  ['Wajong', 0.47, -0.002, 0.38],
  ['WSW', 0.3, -0.004, 0.93],
  ['Participatiewet', 0.23, 0.006, 0.3],
];
const AGES = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65+'];
const AGE_SHARE = [0.04, 0.13, 0.14, 0.12, 0.11, 0.1, 0.1, 0.1, 0.09, 0.06, 0.01];
const AGE_WORK = [0.55, 0.85, 1.0, 1.05, 1.05, 1.05, 1.0, 0.95, 0.9, 0.75, 0.4];
const SEXES = [['M', 0.58, 1.0], ['V', 0.42, 0.94]];

// sfc32 seeded through splitmix32: small, fast, and the same on every machine.
function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

// The real region names, with their register size in 2017 as weight.
function regions() {
  const text = fs.readFileSync(path.join(ROOT, 'data', 'regions.csv'), 'utf8').replace(/^\uFEFF/, '');
  const [head, ...lines] = text.split(/\r?\n/).filter(Boolean);
  const cols = head.split(',');
  const at = (name) => cols.indexOf(name);
  const weight = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    if (cells[at('row_type')] !== 'region') continue;
    const name = cells[at('region')];
    const persons = Number(cells[at('register_persons_corrected')]) || 0;
    if (cells[at('year')] === '2017' || !weight.has(name)) weight.set(name, persons);
  }
  const out = [...weight].map(([name, w]) => ({ name, w })).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (out.length !== 35 || out.some((r) => /[",\n]/.test(r.name))) throw new Error(`data/regions.csv: expected 35 plain region names, found ${out.length}`);
  return out;
}

// Invented, unique, Dutch-looking municipality names (about 10 characters).
function municipalityNames(n, rand) {
  const heads = ['Oost', 'West', 'Noord', 'Zuid', 'Hoog', 'Laag', 'Nieuw', 'Oud', 'Groot', 'Klein', 'Berg', 'Dal', 'Heide', 'Broek', 'Vlied', 'Wester', 'Ooster', 'Mid', 'Eiken', 'Linde', 'Bever', 'Haver', 'Riet', 'Zand'];
  const tails = ['veen', 'dam', 'dijk', 'woude', 'wijk', 'horst', 'loo', 'rode', 'hoven', 'meer', 'beek', 'burg', 'sloot', 'geest', 'kamp', 'brug', 'donk', 'recht', 'haar', 'lo'];
  const all = [];
  for (const h of heads) for (const t of tails) all.push(h + t);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  if (n > all.length) throw new Error(`at most ${all.length} municipality names`);
  return all.slice(0, n);
}

function binomial(n, p, rand) {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

// Writes the file; returns its facts (rows, bytes, expected sums for checking the engines).
export function generate(variant, out) {
  const spec = VARIANTS[variant];
  if (!spec) throw new Error(`unknown variant '${variant}' (${Object.keys(VARIANTS).join(', ')})`);
  const rand = prng(0x62616e65 + spec.municipalities);
  const regs = regions();
  // Municipalities per region: at least 2, the rest by register size (largest remainder).
  const totalW = regs.reduce((s, r) => s + r.w, 0);
  const spare = spec.municipalities - 2 * regs.length;
  const raw = regs.map((r) => (spare * r.w) / totalW);
  const counts = raw.map((x) => 2 + Math.floor(x));
  let left = spec.municipalities - counts.reduce((s, c) => s + c, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length][1]]++;
  const names = municipalityNames(spec.municipalities, rand);
  const munis = [];
  let ni = 0;
  regs.forEach((r, ri) => {
    const ws = Array.from({ length: counts[ri] }, () => 0.2 + rand() * rand() * 3);
    const sum = ws.reduce((s, w) => s + w, 0);
    for (const w of ws) munis.push({ name: names[ni++], region: r.name, persons: (r.w * w) / sum, work: 0.85 + 0.3 * rand() });
  });

  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = out + '.tmp';
  const fd = fs.openSync(tmp, 'w');
  let buf = 'gemeente,arbeidsmarktregio,kwartaal,subgroep,leeftijd,geslacht,personen,werkzaam\n';
  let bytes = 0, rows = 0, sumPersonen = 0, sumWerkzaam = 0;
  const flush = () => { bytes += fs.writeSync(fd, buf); buf = ''; };
  QUARTERS.forEach((q, qi) => {
    const growth = 1 + 0.018 * qi;
    for (const m of munis) {
      for (const [sg, share0, dShare, rate] of SUBGROUPS) {
        const share = Math.max(0.05, share0 + dShare * qi);
        const sgRate = Math.min(0.97, rate * (1 + 0.004 * qi) * m.work);
        for (let a = 0; a < AGES.length; a++) {
          for (const [sex, sexShare, sexWork] of SEXES) {
            const expected = m.persons * growth * share * AGE_SHARE[a] * sexShare;
            const personen = Math.max(0, Math.round(expected * (0.75 + 0.5 * rand())));
            const werkzaam = binomial(personen, Math.min(0.99, sgRate * AGE_WORK[a] * sexWork), rand);
            buf += `${m.name},${m.region},${q},${sg},${AGES[a]},${sex},${personen},${werkzaam}\n`;
            rows++; sumPersonen += personen; sumWerkzaam += werkzaam;
          }
        }
      }
      if (buf.length > 1 << 20) flush();
    }
  });
  flush();
  fs.closeSync(fd);
  fs.renameSync(tmp, out);
  const facts = { version: VERSION, variant, rows, bytes, groups: regs.length * QUARTERS.length, municipalities: spec.municipalities, sumPersonen, sumWerkzaam };
  fs.writeFileSync(out + '.json', JSON.stringify(facts, null, 1) + '\n');
  return facts;
}

// The file of `variant` in target/bench, written only when missing or from another generator version.
export function ensureTidy(variant = '1m') {
  const out = path.join(CACHE, VARIANTS[variant].file);
  try {
    const facts = JSON.parse(fs.readFileSync(out + '.json', 'utf8'));
    if (facts.version === VERSION && fs.statSync(out).size === facts.bytes) return { file: out, facts, reused: true };
  } catch (e) { /* not there yet */ }
  return { file: out, facts: generate(variant, out), reused: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const variant = process.argv[2] || '1m';
  const t0 = Date.now();
  if (process.argv[3]) {
    console.log(generate(variant, path.resolve(process.argv[3])));
  } else {
    const r = ensureTidy(variant);
    console.log(`${r.file}: ${r.reused ? 'reused' : 'written'} in ${Date.now() - t0} ms`, r.facts);
  }
}
