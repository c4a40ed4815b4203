// The pickers, built from the core's view catalogue (`views()`) and set from the completed view
// description the core returns (`rendered.spec`); the file line, the detected columns with their
// roles, and the column-mapping step. No adjustment logic: the core completes and corrects a
// description and says what it changed (`rendered.changes`).
import { state, enc, currentCore, $, COMMON_KEYS } from './state.js';
import { t, label, locale } from './i18n.js';


// What a choice does (set by main.js): show a view description, as a new history entry.
export const pickerHooks = { go: () => {}, applyMapping: () => {} };

// Keys that belong to one file (its years, its regions): dropped when another file is loaded.
const FILE_KEYS = ['from', 'to', 'year', 'region'];

const viewInfo = (view, catalog = state.catalog) => catalog.find((v) => v.view === view);

// Whether a key applies under the settings `p` (catalogue `when: [key, values]`).
function applies(k, keys, p) {
  if (!Array.isArray(k.when) || k.when.length < 2) return true;
  const [dep, values] = k.when;
  const depKey = keys.find((x) => x.key === dep);
  const v = p.get(dep) ?? (depKey && depKey.default) ?? '';
  return Array.isArray(values) && values.includes(v);
}

// The profile of the highlighted region (reached from any view).
export function openProfile() {
  const p = new URLSearchParams(currentCore());
  const region = p.get('region');
  if (!region) return;
  const q = new URLSearchParams();
  q.set('view', 'profile');
  q.set('region', region);
  if (p.get('lang')) q.set('lang', p.get('lang'));
  pickerHooks.go(enc(q));
}

export function setKey(key, value) {
  const p = new URLSearchParams(currentCore());
  if (value === '' || value === null || value === undefined) p.delete(key); else p.set(key, value);
  pickerHooks.go(enc(p));
}

// A picker's new value: the description with it, without the keys the catalogue says no longer
// apply. The core completes the rest and reports what it had to change.
function setPicker(key, value) {
  state.viewPicked = true; // a view the user shaped: a new file keeps it
  const p = new URLSearchParams(currentCore());
  if (value === '') p.delete(key); else p.set(key, value);
  const keys = (viewInfo(p.get('view')) || { keys: [] }).keys;
  for (const k of keys) if (!applies(k, keys, p)) p.delete(k.key);
  pickerHooks.go(enc(p));
}

// Another view: the settings of this one that the other view also offers, with the same value.
export function switchView(view, keepFrom = currentCore(), catalog = state.catalog) {
  const cur = new URLSearchParams(keepFrom);
  const next = new URLSearchParams();
  next.set('view', view);
  for (const k of COMMON_KEYS) if (cur.get(k)) next.set(k, cur.get(k));
  const keys = (viewInfo(view, catalog) || { keys: [] }).keys;
  for (const k of keys) {
    const v = cur.get(k.key);
    if (v !== null && (!k.choices.length || k.choices.some((c) => c.value === v) || filterKept(k, v))) next.set(k.key, v);
  }
  for (const k of keys) if (!applies(k, keys, next)) next.delete(k.key);
  return enc(next);
}

// A description without the settings that belong to one file (its years and regions).
export function withoutFileKeys(previous) {
  const p = new URLSearchParams(previous);
  for (const key of FILE_KEYS) p.delete(key);
  return enc(p);
}

// Whether two descriptions hold the same settings (in any order).
export function sameSettings(a, b) {
  const sorted = (s) => Array.from(new URLSearchParams(s)).map(([k, v]) => `${k}=${v}`).sort().join('&');
  return sorted(a) === sorted(b);
}

// The description to start a newly loaded file with: the same view when the file offers it,
// keeping the settings its catalogue allows (not the years or regions of the previous file).
export function specForNewData(previous, catalog) {
  const p = new URLSearchParams(withoutFileKeys(previous));
  const view = p.get('view');
  if (!view || !viewInfo(view, catalog)) {
    const keep = new URLSearchParams();
    if (p.get('lang')) keep.set('lang', p.get('lang'));
    return enc(keep);
  }
  return switchView(view, enc(p), catalog);
}

function buildViewPicker(view) {
  const sel = $('view');
  sel.textContent = '';
  const known = !!viewInfo(view);
  if (!known) {
    // An unknown view (the error says so): the picker still offers every view of the data.
    const o = document.createElement('option');
    o.value = ''; o.textContent = t('view-choose'); o.disabled = true;
    sel.appendChild(o);
  }
  for (const v of state.catalog) {
    const o = document.createElement('option');
    o.value = v.view; o.textContent = label(v.label);
    sel.appendChild(o);
  }
  sel.value = known ? view : '';
  $('view-picker').hidden = state.catalog.length === 0;
}

// ---------------------------------------------------------------- filter: a picker per column

// The conditions of `filter=` values, as the core reads them (the page never reads the view
// grammar itself): filter value -> `[{column, values, exclude}]` (values as the
// catalogue writes them), null when the grammar refuses it. Asked for when the pickers are set
// from a description, so that a later change of view knows which columns its filter names.
const filterParts = new Map([['', []]]);
const askedParts = new Map(); // filter value -> the core's answer, while it is asked
function askFilterParts(filter) {
  if (filterParts.has(filter)) return Promise.resolve(filterParts.get(filter));
  if (!askedParts.has(filter)) {
    askedParts.set(filter, state.core.call('filterParts', { filter })
      // (No answer, as when a load is cancelled meanwhile: asked again next time.)
      .catch(() => undefined)
      .then((parts) => {
        askedParts.delete(filter);
        if (parts === undefined) return parts;
        if (filterParts.size > 200) { filterParts.clear(); filterParts.set('', []); }
        filterParts.set(filter, parts);
        return parts;
      }));
  }
  return askedParts.get(filter);
}

// Whether another view keeps `filter=v`: it can filter on each column `v` names (unknown while
// the core has not read `v`: then it is not kept).
function filterKept(k, v) {
  const cols = new Set((k.columns || []).map((c) => c.column));
  const parts = filterParts.get(v);
  return k.key === 'filter' && Array.isArray(parts) && parts.length > 0 && parts.every((part) => cols.has(part.column));
}

// Which values of column `c` the filter's conditions `parts` keep: a Set of values, or null for
// all.
function keptValues(c, parts) {
  let kept = null;
  for (const part of parts) {
    if (part.column !== c.column) continue;
    const named = new Set(part.values);
    const these = c.values.map((v) => v.value).filter((v) => named.has(v) !== part.exclude);
    kept = new Set(kept ? these.filter((v) => kept.has(v)) : these);
  }
  return kept;
}

// Column `c` keeping `checked` of its values in the description's filter (written by the core).
async function setColumn(c, checked) {
  const filter = new URLSearchParams(currentCore()).get('filter') || '';
  const ask = (f) => state.core.call('filterWith', { filter: f, column: c.column, checked, all: c.values.map((v) => v.value) });
  // (A filter the grammar refuses has its conditions replaced by this column's.)
  const value = await ask(filter).catch(() => ask(''));
  setPicker('filter', value);
}

// What a column's picker says when closed: "doelgroep: alle", "doelgroep: Wajong, WSW",
// "arbeidsmarktregio: alle behalve Landelijk", "gemeente: 12 van 140".
function filterSummary(c, kept) {
  const name = label(c.label);
  if (!kept || kept.size === c.values.length) return `${name}: ${t('filter-all')}`;
  const shown = c.values.filter((v) => kept.has(v.value)).map((v) => v.label);
  const left = c.values.filter((v) => !kept.has(v.value)).map((v) => v.label);
  // As the filter is written: the values kept when fewer than those left out.
  if (shown.length <= left.length && shown.length <= 2) return `${name}: ${shown.join(', ')}`;
  if (shown.length > left.length && left.length <= 2) return `${name}: ${t('filter-all-but', { list: left.join(', ') })}`;
  return `${name}: ${t('filter-some', { n: shown.length, total: c.values.length })}`;
}

// The filter key: per column a closed list (summary) that opens on its values as checkboxes.
function filterPicker(k) {
  const wrap = document.createElement('div');
  wrap.dataset.key = 'filter';
  wrap.className = 'filter-picker';
  wrap.setAttribute('role', 'group');
  wrap.setAttribute('aria-labelledby', 'filter-label');
  const span = document.createElement('span');
  span.id = 'filter-label';
  span.textContent = label(k.label);
  wrap.appendChild(span);
  const row = document.createElement('div');
  row.className = 'inline';
  // A file of hundreds of category columns: the first ones, and a button for the others (each
  // list costs the browser its layout before the chart is on screen); a column the filter names
  // is always shown (`updateFilters`).
  const made = new Set(); // the columns whose picker is made
  const add = (c, i) => {
    made.add(c.column);
    const d = document.createElement('details');
    d.className = 'filter-column';
    d.dataset.column = c.column;
    const sum = document.createElement('summary');
    d.appendChild(sum);
    // The list and its values' boxes are made when it is first opened (a column of
    // municipalities has hundreds of values, a wide file hundreds of columns, and most lists are
    // never opened), ticked as the filter says (`tick`).
    const fill = () => {
      if (d.querySelector('fieldset')) return;
      const box = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = t('filter-values', { column: label(c.label) });
      legend.className = 'sr-only';
      box.appendChild(legend);
      const reset = document.createElement('button');
      reset.type = 'button';
      reset.textContent = t('filter-reset');
      reset.addEventListener('click', () => setColumn(c, []));
      box.appendChild(reset);
      const list = document.createElement('div');
      list.className = 'filter-values';
      box.appendChild(list);
      d.appendChild(box);
      c.values.forEach((v, n) => {
        const lab = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'checkbox'; input.id = `filter-${i}-${n}`; input.value = v.value;
        input.addEventListener('change', () => {
          const checked = [...list.querySelectorAll('input:checked')].map((x) => x.value);
          setColumn(c, checked);
        });
        lab.append(input, ' ' + v.label);
        list.appendChild(lab);
      });
      tick(d);
    };
    sum.addEventListener('click', fill);
    d.addEventListener('toggle', () => { if (d.open) fill(); });
    row.insertBefore(d, more.parentNode === row ? more : null);
  };
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'filter-more';
  // (How many are behind it.)
  const count = () => { more.textContent = t('filter-more', { n: (k.columns.length - made.size).toLocaleString(locale()) }); };
  k.columns.forEach((c, i) => { if (i < FILTERS_SHOWN) add(c, i); });
  wrap.more = (column) => {
    // All of them, or (`column`) the one a filter names (nothing to do once its picker is made).
    if (column && (made.has(column) || !k.columns.some((c) => c.column === column))) return;
    k.columns.forEach((c, i) => { if (!made.has(c.column) && (!column || c.column === column)) add(c, i); });
    if (!column) { more.remove(); updateFilters(k, new URLSearchParams(currentCore())); } else count();
  };
  if (k.columns.length > FILTERS_SHOWN) {
    count();
    more.addEventListener('click', () => wrap.more());
    row.appendChild(more);
  }
  wrap.appendChild(row);
  return wrap;
}

// Column pickers shown at first; the others behind a button.
const FILTERS_SHOWN = 40;

// Sets the column pickers from the description `p`: their checkboxes and summaries; a column on
// the chart (its x, series, panels, terms) has none unless the filter already names it.
// (The filter is read by the core first, also without a picker on screen: a later change of view
// needs it, see `filterKept`.)
function updateFilters(k, p) {
  const filter = p.get('filter') || '';
  const parts = filterParts.get(filter);
  if (parts === undefined) {
    // Set once the core has read the filter, if it is still the one on screen.
    askFilterParts(filter).then((got) => { if (got !== undefined && (new URLSearchParams(currentCore()).get('filter') || '') === filter) updateFilters(k, p); });
    return;
  }
  const wrap = $('keys').querySelector('[data-key="filter"]');
  if (!wrap || !k || !k.columns) return;
  const onChart = new Set(['x', 'series', 'facet', 'dimension', 'term'].map((key) => p.get(key)).filter(Boolean));
  const named = new Set((parts || []).map((part) => part.column));
  if (wrap.more) for (const column of named) wrap.more(column);
  let shown = 0;
  const byColumn = new Map(k.columns.map((c) => [c.column, c]));
  for (const d of wrap.querySelectorAll('details.filter-column')) {
    const c = byColumn.get(d.dataset.column);
    if (!c) continue;
    const kept = keptValues(c, parts || []);
    d.querySelector('summary').textContent = filterSummary(c, kept);
    d.kept = kept;
    tick(d);
    d.hidden = onChart.has(c.column) && !named.has(c.column);
    if (!d.hidden) shown += 1;
  }
  if (!shown) wrap.hidden = true;
}

// A column picker's boxes ticked for the values its filter keeps (`kept`, set by
// `updateFilters`: null for all; not yet set while the core reads the filter).
function tick(d) {
  if (d.kept === undefined) return;
  for (const input of d.querySelectorAll('input[type=checkbox]')) input.checked = !d.kept || d.kept.has(input.value);
}

// An open column picker closes when the user clicks or tabs elsewhere, or presses Escape.
document.addEventListener('click', (e) => {
  for (const d of document.querySelectorAll('details.filter-column[open]')) if (!d.contains(e.target)) d.open = false;
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  for (const d of document.querySelectorAll('details.filter-column[open]')) {
    d.open = false;
    if (d.contains(document.activeElement)) d.querySelector('summary').focus();
  }
});

// A select's options as `[value, text]` pairs (`none`: the text of an empty first option, or
// null). A list of many (a file of hundreds of columns) is made when it is first used (focus or
// pointer), with only the chosen option before: the page's pickers, roles and mapping step would
// otherwise hold tens of thousands of options, seconds of work for the browser.
const LONG_LIST = 100;

function option(value, text) {
  const o = document.createElement('option');
  o.value = value; o.textContent = text;
  return o;
}

function fillSelect(sel) {
  if (sel.filled) return;
  const value = sel.value;
  sel.filled = true;
  sel.textContent = '';
  if (sel.list.none !== null) sel.appendChild(option('', sel.list.none));
  for (const [v, text] of sel.list.items) {
    const o = sel.appendChild(option(v, text));
    if (sel.offNow) o.disabled = sel.offNow(v);
  }
  sel.value = value;
}

// Sets a select to `value`; a list not yet made first gets that option (or the whole list when
// `value` is none of its options).
function choose(sel, value) {
  if (!sel.filled && ![...sel.options].some((o) => o.value === value)) {
    const item = sel.list.items.find(([v]) => v === value);
    if (item || (value === '' && sel.list.none !== null)) {
      sel.textContent = '';
      sel.appendChild(item ? option(item[0], item[1]) : option('', sel.list.none));
    } else fillSelect(sel);
  }
  sel.value = value;
}

// A select of `items` (`[value, text]`) and `none`, set to `value`.
function listSelect(id, items, none, value, lazy = items.length >= LONG_LIST) {
  const sel = document.createElement('select');
  sel.id = id;
  sel.list = { items, none };
  if (!lazy) fillSelect(sel);
  else {
    sel.addEventListener('focus', () => fillSelect(sel));
    sel.addEventListener('pointerdown', () => fillSelect(sel));
  }
  choose(sel, value);
  return sel;
}

function keyPicker(k, value) {
  if (k.key === 'filter' && Array.isArray(k.columns) && k.columns.length) return filterPicker(k);
  const id = 'key-' + k.key;
  const wrap = document.createElement('label');
  wrap.dataset.key = k.key;
  wrap.htmlFor = id;
  const span = document.createElement('span');
  span.textContent = label(k.label);
  wrap.appendChild(span);
  if (k.choices && k.choices.length) {
    // An optional key without a default (e.g. facet=) can also be left out.
    const optional = k.default === null || k.default === undefined;
    const sel = listSelect(id, k.choices.map((c) => [c.value, label(c.label)]), optional ? t('none') : null, value);
    sel.addEventListener('change', () => setPicker(k.key, sel.value));
    wrap.appendChild(sel);
  } else if (k.key === 'k') {
    // The outlier threshold: a slider, value shown beside it.
    const row = document.createElement('span');
    row.className = 'inline';
    const input = document.createElement('input');
    input.type = 'range'; input.id = id; input.min = '0.5'; input.max = '3'; input.step = '0.1';
    const v = Number(value || k.default || 1);
    if (v > 3) input.max = String(Math.min(5, Math.ceil(v)));
    input.value = String(v);
    const out = document.createElement('output');
    out.htmlFor = id; out.id = id + '-out';
    const show = () => { out.textContent = Number(input.value).toLocaleString(locale(), { maximumFractionDigits: 1 }); input.setAttribute('aria-valuetext', out.textContent); };
    show();
    input.addEventListener('input', show);
    input.addEventListener('change', () => setKey('k', input.value === String(Number(k.default || 1)) ? '' : input.value));
    row.appendChild(input); row.appendChild(out);
    wrap.appendChild(row);
  } else {
    const input = document.createElement('input');
    input.id = id; input.value = value || ''; input.autocomplete = 'off';
    if (k.default) input.placeholder = k.default;
    input.addEventListener('change', () => setKey(k.key, input.value.trim()));
    wrap.appendChild(input);
  }
  return wrap;
}

// The pickers for the description `spec` (the core's completed one, or the one that failed).
export function buildPickers(spec, view) {
  const p = new URLSearchParams(spec);
  view = view || p.get('view') || '';
  const info = viewInfo(view);
  const keys = info ? info.keys : [];
  const sig = JSON.stringify([state.lang, state.catalog, view]);
  const box = $('keys');
  const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
  if (sig !== state.pickerSig) {
    state.pickerSig = sig;
    buildViewPicker(view);
    box.textContent = '';
    for (const k of keys) box.appendChild(keyPicker(k, p.get(k.key) ?? k.default ?? ''));
    if (focused && $(focused)) $(focused).focus();
  } else {
    $('view').value = info ? view : '';
    for (const k of keys.filter((x) => applies(x, keys, p))) {
      const el = $('key-' + k.key);
      if (!el || el === document.activeElement) continue;
      if (el.list) choose(el, p.get(k.key) ?? k.default ?? '');
      else el.value = p.get(k.key) ?? k.default ?? '';
      if (k.key === 'k') el.dispatchEvent(new Event('input'));
    }
  }
  for (const k of keys) {
    const l = box.querySelector(`[data-key="${k.key}"]`);
    if (l) l.hidden = !applies(k, keys, p);
  }
  orderPeriods(keys, p);
  updateFilters(keys.find((k) => k.key === 'filter'), p);
  const region = p.get('region') || '';
  if (document.activeElement !== $('region')) $('region').value = region;
  $('clear-region').disabled = !region;
  // A highlighted region leads to its profile, where the data has one.
  $('open-profile').disabled = !region || !viewInfo('profile') || p.get('view') === 'profile';
  $('region-hint').textContent = region ? t('region-marked', { name: region }) : '';
}

// A period range: 'Tot en met' offers only periods after 'Van', and 'Van' only periods before
// 'Tot en met' (a growth from 2016 to 2016 is nothing; the choice was taken back with a message).
function orderPeriods(keys, p) {
  const from = keys.find((k) => k.key === 'from');
  const to = keys.find((k) => k.key === 'to');
  const fs = $('key-from'), ts = $('key-to');
  if (!from || !to || !fs || !ts || !fs.list || !ts.list) return;
  const order = new Map();
  for (const c of [...from.choices, ...to.choices]) if (!order.has(c.value)) order.set(c.value, order.size);
  const at = (v) => (order.has(v) ? order.get(v) : -1);
  const f = at(p.get('from') ?? from.default ?? ''), t = at(p.get('to') ?? to.default ?? '');
  fs.offNow = (v) => t >= 0 && at(v) >= t;
  ts.offNow = (v) => f >= 0 && at(v) >= 0 && at(v) <= f;
  for (const sel of [fs, ts]) for (const o of sel.options) if (o.value) o.disabled = sel.offNow(o.value) && o.value !== sel.value;
}

// What the core changed in the description, and why (`rendered.changes`), beside the pickers.
export function showChanges(r) {
  const changes = r && Array.isArray(r.changes) ? r.changes : [];
  $('changes').textContent = changes.join(' ');
}

// Dutch alphabetical order, one collator for every comparison (`localeCompare` with a locale
// makes one per call: a chart with 1,400 targets took 12 ms to sort).
const dutchOrder = new Intl.Collator('nl');

// The names the search box offers: every region or series the current view draws.
export function updateNames(r) {
  const names = new Set();
  const add = (hits) => { for (const h of hits || []) if (h.key) names.add(h.key); };
  if (r) { add(r.hits); for (const s of r.sections || []) add(s.hits); }
  const list = Array.from(names).sort(dutchOrder.compare);
  if (list.join('\n') === state.names.join('\n')) return;
  state.names = list;
  const dl = $('regions');
  dl.textContent = '';
  for (const n of list) { const o = document.createElement('option'); o.value = n; dl.appendChild(o); }
}

export function chooseRegion(text) {
  const name = text.trim();
  if (!name) { setKey('region', ''); return; }
  // The name as written, else the one name that holds it (`zwolle`), as `region=` in a link.
  const low = name.toLowerCase();
  const part = state.names.filter((n) => n.toLowerCase().includes(low));
  const match = state.names.find((n) => n.toLowerCase() === low) || (part.length === 1 ? part[0] : undefined);
  if (!match) { $('region-hint').textContent = t('region-unknown', { name }); return; }
  $('region').value = match;
  setKey('region', match);
}

// ---------------------------------------------------------------- the file line and columns

// The mapping step: when required regional columns are not recognised, a select per column of
// the analysis; the core reads the file again with the mapping.
function describeMapping() {
  const box = $('mapping');
  const m = state.info && state.info.mapping;
  // The core says how to offer it: not at all for a table that cannot be regional (no column
  // for the regions, or too few numbers), folded away, or open. The gallery's examples are
  // tables for the table views: never.
  const example = state.source && state.source.kind === 'example';
  if (!m || m.complete || !Array.isArray(m.targets) || m.offer === 'none' || example) { box.hidden = true; return; }
  const headers = (state.info.columns || []).map((c) => c.name);
  const chosen = {};
  for (const x of [...(m.matched || []), ...(m.suggestions || [])]) if (!(x.column in chosen)) chosen[x.column] = x.header;
  const fields = $('mapping-fields');
  fields.textContent = '';
  m.targets.filter((tg) => tg.required || tg.name in chosen).forEach((tg, i) => {
    const lab = document.createElement('label');
    lab.htmlFor = `map-${i}`;
    lab.textContent = (state.lang === 'en' && tg.label_en ? tg.label_en : tg.label) + (tg.required ? ` (${t('mapping-required')})` : '');
    const sel = listSelect(`map-${i}`, headers.map((h) => [h, h]), t('mapping-none'), chosen[tg.name] || '');
    sel.dataset.target = tg.name;
    lab.appendChild(sel);
    fields.appendChild(lab);
  });
  box.hidden = false;
  box.open = m.offer === 'open';
}

export function mappingPairs() {
  const pairs = [];
  for (const sel of $('mapping-fields').querySelectorAll('select')) if (sel.value) pairs.push([sel.value, sel.dataset.target]);
  return pairs;
}

// The file line: the name of the file on screen, what the core detected, its notes.
export function describeDataset() {
  // The file line, notes and roles in the page's language (the core gives both).
  const info = (state.lang === 'en' && state.infoEn) || state.info;
  const line = $('dataset');
  line.textContent = '';
  if (!info) {
    line.textContent = t('no-data');
    $('columns-box').hidden = true;
    $('mapping').hidden = true;
    return;
  }
  describeMapping();
  const name = document.createElement('bdi');
  name.textContent = state.fileName;
  line.appendChild(name);
  let text = `: ${info.summary}.`;
  // The full core words the regions and periods (`kwartalen 2019 K1 tot en met 2021 K4 (12)`);
  // the first core has only the built-in data's years.
  if (info.regional) text += ' ' + (info.regional.line ? `${info.regional.line}.` : t('regions-years', { n: info.regional.regions, years: info.regional.years.join(', ') }));
  if (info.notes && info.notes.length) text += ' ' + info.notes.join('. ').replace(/\.\./g, '.') + '.';
  line.appendChild(document.createTextNode(text));
  const cols = info.columns || [];
  $('columns-box').hidden = cols.length === 0;
  const ul = $('columns');
  ul.textContent = '';
  const roles = info.roles && Array.isArray(info.roles.columns) ? info.roles.columns : [];
  const names = state.roleNames[state.lang] || state.roleNames.nl || [];
  ul.classList.toggle('roles', !info.regional && roles.length > 0);
  ul.pending = null;
  if (!info.regional && roles.length && names.length) {
    // A tidy table: the detected role of each column, changeable (roles= in the view description).
    // A table of hundreds of columns gets its list when it is first opened (the browser would
    // lay out a select for each before the chart).
    const fill = () => roles.forEach((c, i) => {
      const li = document.createElement('li');
      const lab = document.createElement('label');
      lab.htmlFor = `role-${i}`;
      lab.textContent = c.column;
      const sel = listSelect(`role-${i}`, names.map((r) => [r.key, r.label]), null, c.role, roles.length >= LONG_LIST);
      sel.dataset.column = c.column;
      sel.dataset.detected = c.role;
      sel.setAttribute('aria-describedby', `role-${i}-why`);
      sel.addEventListener('change', () => setRole(c.column, sel.value, c.role));
      const why = document.createElement('span');
      why.className = 'hint';
      why.id = `role-${i}-why`;
      why.textContent = c.reason || '';
      li.appendChild(lab); li.appendChild(sel); li.appendChild(why);
      ul.appendChild(li);
    });
    if (roles.length < LONG_LIST) fill();
    else ul.pending = () => { fill(); syncRoles(currentCore()); };
    // Shown open for the first table (not for one of hundreds of columns).
    if (!state.rolesShown && roles.length < LONG_LIST) { $('columns-box').open = true; state.rolesShown = true; }
    return;
  }
  for (const c of cols) {
    const li = document.createElement('li');
    const kind = c.role || c.kind;
    const kindText = typeof kind === 'string' ? t('kind-' + kind.toLowerCase()).replace(/^kind-/, '') : '';
    li.textContent = kindText ? `${c.name}: ${kindText}` : c.name;
    ul.appendChild(li);
  }
}

function roleOverrides(spec) {
  const out = new Map();
  for (const item of (new URLSearchParams(spec).get('roles') || '').split(',')) {
    const at = item.lastIndexOf(':');
    if (at > 0) out.set(item.slice(0, at), item.slice(at + 1));
  }
  return out;
}

// A changed role is part of the view description; the core draws the table's natural view
// under the new roles.
function setRole(column, role, detected) {
  const p = new URLSearchParams(currentCore());
  const o = roleOverrides(p.toString());
  if (role === detected) o.delete(column); else o.set(column, role);
  const value = Array.from(o, ([c, r]) => `${c}:${r}`).join(',');
  const next = new URLSearchParams();
  if (value) next.set('roles', value);
  if (p.get('lang')) next.set('lang', p.get('lang'));
  pickerHooks.go(enc(next));
}

// The list of a wide table's columns and their roles, made when first opened.
$('columns-box').addEventListener('toggle', () => {
  const ul = $('columns');
  if ($('columns-box').open && ul.pending) { const fill = ul.pending; ul.pending = null; fill(); }
});

export function syncRoles(spec) {
  const o = roleOverrides(spec);
  for (const sel of document.querySelectorAll('#columns select[data-column]')) {
    if (sel === document.activeElement) continue;
    choose(sel, o.get(sel.dataset.column) || sel.dataset.detected);
  }
}
