// Banenverkenner page: wires the DOM to the core, which runs in a Web Worker (core.js, worker.js).
// All numbers, charts, chart texts, table cells and CSV come from Rust; this file opens data (a
// file, a link's data, a file beside the page, an example, the built-in data), keeps the URL hash
// in step with the view, and shows the result. What is on screen always comes from the file the
// file line (#dataset) names: a failed load keeps the previous data and says so.
import { state, splitHash, pageHash, currentCore, $, DATA_KEYS } from './state.js';
import { t, applyI18n } from './i18n.js';
import { Core } from './core.js';
import { chartWidth, withWidth, enc } from './state.js';
import { figureHooks, drawChart, renderTable, renderSections, fillList, hideTip, followTip } from './figure.js';
import {
  pickerHooks, buildPickers, showChanges, updateNames, chooseRegion, setKey, switchView, specForNewData, withoutFileKeys, sameSettings,
  describeDataset, mappingPairs, syncRoles, openProfile,
} from './pickers.js';
import { say, exportSvg, exportPng, exportCsv, exportJson, copyText, copyLink, fillEmbed, inflated } from './exports.js';
import { presentHooks, enterPresentation, leavePresentation, goToSlide, layoutPresentation, updatePresentBar, presentKeys } from './present.js';


// Test hooks, only with a flag in the address: `?bv-test-trap` (kill the wasm instance on
// purpose), `?bv-test-slow` (read files slowly, so a load can be cancelled midway),
// `?bv-test-stall` (a file's byte stream stops once, after its first megabyte), `?bv-test-latecore`
// (the core comes up 1.5 s after the page, so a file can be chosen before it).
const TEST = { trap: false, slow: false, stall: false, latecore: false };
for (const k of Object.keys(TEST)) TEST[k] = new URLSearchParams(location.search).has('bv-test-' + k);

// ---------------------------------------------------------------- messages and busy state

function showError(err) {
  const box = $('error');
  if (!err) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  // The core writes load errors in both languages (`message_en`); the page shows its own.
  box.textContent = (state.lang === 'en' && err.message_en) || ((err && err.message) ? err.message : String(err));
}
function announce(text) { $('announce').textContent = text; }

// `#figure[aria-busy]` is true while a file loads or a view computes, false once the result
// (chart or error) is on screen; `html[data-state]` says which.
function busy(on) {
  state.busy = Math.max(0, state.busy + (on ? 1 : -1));
  $('figure').setAttribute('aria-busy', String(state.busy > 0));
  if (state.busy > 0) document.documentElement.dataset.state = 'busy';
}
function settled(result) {
  // A new file's catalogue still coming (the chart is on screen): the page is not settled yet.
  if (state.busy > 0 || state.cataloguePending) return;
  document.documentElement.dataset.state = result;
  notifyHeight();
}

// Export and sharing act on the chart on screen: off when there is none.
function updateActions() {
  const r = state.rendered;
  const chart = !!(r && r.svg);
  $('export-svg').disabled = !chart;
  $('export-png').disabled = !chart;
  $('export-csv').disabled = !(chart && r.table && r.table.columns && r.table.columns.length);
  $('export-json').disabled = !r;
  $('embed-button').disabled = !chart;
  $('present').disabled = !chart;
  $('copy-link').disabled = !state.source;
  if (!chart && !$('embed-box').hidden) { $('embed-box').hidden = true; $('embed-button').setAttribute('aria-expanded', 'false'); }
}

// No chart: nothing of any data stays on screen.
function clearFigure() {
  state.rendered = null;
  $('chart').textContent = '';
  $('summary').textContent = '';
  fillList($('notes'), []);
  $('table').textContent = '';
  renderSections(null);
  $('figure').hidden = false;
  showChanges(null);
  updateNames(null);
  updateActions();
  hideTip();
}

// ---------------------------------------------------------------- the hash

const OWN = { bv: 1 };
function writeHash(coreSpec, push) {
  const h = pageHash(coreSpec);
  if (h === location.hash) return;
  // The page's own entries are marked: an entry without the mark was typed or came from a link.
  if (push) history.pushState(OWN, '', h); else history.replaceState(OWN, '', h);
}

// ---------------------------------------------------------------- showing a view

// Renders `spec` on the data in the worker and puts the result (or the error, and no chart) on
// screen; `push` makes it a step in the history. `before` runs just before, in the same task
// (a new dataset's file line appears together with its first chart). `first`: this view as the
// worker drew it when it opened the data (`{json, width}`), shown without asking again. `step`
// makes it a step in the history without being a choice (the first view of other data).
async function show(spec, { push = false, before = null, first = null, step = false } = {}) {
  // A view chosen while a file loads is the view that file opens with (the data on screen is about
  // to go; the hash keeps naming the data on screen until the new data is in).
  if (state.loading && !before) { state.loading.chosen = spec; return; }
  // A choice of the user's: what the status line said of an earlier action (a link copied, a
  // file kept) no longer stands beside the new view.
  if (push) say('');
  const seq = ++state.renderSeq;
  state.pendingSpec = spec;
  busy(true);
  let r = null, err = null;
  const width = first ? first.width : chartWidth();
  try {
    r = await state.core.render(withWidth(spec, width), first);
  } catch (e) { err = e; }
  busy(false);
  if (seq !== state.renderSeq) return;
  state.pendingSpec = null;
  if (before) before();
  if (err) {
    if (err.kind === 'cancelled') { settled(state.rendered ? 'ready' : 'error'); return; }
    clearFigure();
    showError(err);
    const lang = new URLSearchParams(spec).get('lang') === 'en' ? 'en' : 'nl';
    if (lang !== state.lang) { state.lang = lang; state.pickerSig = ''; applyI18n(); describeDataset(); }
    buildPickers(spec);
    openFull(spec);
    writeHash(spec, push || step);
    state.drawnHash = location.hash;
    settled('error');
    return;
  }
  // The hash changes with the screen: the completed description, as a new entry for a choice.
  writeHash(r.spec, push || step);
  state.askedWidth = width;
  draw(r);
  settled('ready');
}

function draw(r) {
  showError(null);
  // A chart target with the focus keeps it across the redraw (e.g. after Enter highlights it).
  const active = document.activeElement;
  const focusHit = active && active.classList && active.classList.contains('hit') && active.closest('[data-chart]')
    ? { chart: active.closest('[data-chart]').dataset.chart, key: active.dataset.key } : null;
  const first = state.rendered === null;
  state.rendered = r;
  const lang = new URLSearchParams(r.spec).get('lang') === 'en' ? 'en' : 'nl';
  if (lang !== state.lang) {
    state.lang = lang; state.pickerSig = ''; applyI18n(); describeDataset();
    if (!state.embed) buildGallery();
  }
  if (lang === 'en' && !state.labelsEn) setTimeout(englishLabels, 0);
  const report = !!(r.sections && r.sections.length);
  $('figure').hidden = report || !r.svg;
  drawChart($('chart'), report ? null : r, 'c0');
  $('summary').textContent = report ? '' : (r.summary || '');
  fillList($('notes'), r.notes);
  if (!$('table').hidden) renderTable($('table'), r.text_table, r.title);
  renderSections(r);
  updateActions();
  state.drawnHash = location.hash;
  if (focusHit) {
    const again = Array.from(document.querySelectorAll(`[data-chart="${focusHit.chart}"] .hit`)).find((h) => h.dataset.key === focusHit.key);
    if (again) again.focus();
  }
  buildPickers(r.spec, r.view);
  showChanges(r);
  syncRoles(r.spec);
  updateNames(r);
  openFull(r.spec);
  $('print-meta').textContent = t('print-meta', { file: state.fileName, spec: r.spec });
  if (!$('embed-box').hidden) fillEmbed();
  if (state.presenting) { updatePresentBar(); layoutPresentation(); }
  if (!first) announce(t('chart-updated', { title: r.title }));
  if (state.firstChartMs === null) { performance.mark('bv-chart-drawn'); state.firstChartMs = performance.now(); }
}

// Draws the view on screen again when the width it should be laid out for has changed.
let refitTimer = null;
function refit() {
  clearTimeout(refitTimer);
  refitTimer = setTimeout(() => {
    if (!state.rendered || state.loading || state.pendingSpec !== null) return;
    if (chartWidth() !== state.askedWidth) show(state.rendered.spec);
  }, 150);
}

// The embed's link to the full explorer: the same view of the same data.
function openFull(spec) {
  const data = pageHash('').slice(1).replace(/^embed&?/, '');
  $('open-full').href = location.href.split('#')[0] + '#' + [spec, data].filter(Boolean).join('&');
}

// An embed tells the page around it how tall it is, so the iframe can size itself.
let lastHeight = -1;
function notifyHeight() {
  // Only once a result (chart or error) is on screen: the host sizes the frame to it.
  if (window.parent === window || !['ready', 'error'].includes(document.documentElement.dataset.state)) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'banenverkenner:height', height }, '*');
}

// ---------------------------------------------------------------- opening data

function showProgress(p) {
  const box = $('progress');
  if (!p) { box.hidden = true; return; }
  box.hidden = false;
  const bar = $('progress-bar');
  const frac = p.total ? p.loaded / p.total : 0;
  bar.value = frac;
  const pct = Math.floor(frac * 100);
  const text = t(p.parsing ? 'progress-parse' : 'progress', { file: p.name, pct });
  $('progress-text').textContent = text;
  bar.setAttribute('aria-valuetext', text);
}

// Opens a dataset in the worker and shows `spec` on it: a view description, or `{ after }` for
// the view of the description `after`, kept for the new data where it offers it
// (`specForNewData`). Only when both worked do the file line and the chart change, together; a
// failure leaves the previous data on screen and says so. `step`: the new data's first view is a
// step in the history (a file or example the user chose), so Back returns to the data before it;
// else it takes the place of the entry on screen (data an address names).
async function openData(source, name, spec, dataKeys, { step = false } = {}) {
  if (state.loading) await cancelLoad(true);
  const previous = state.source ? state.fileName : null;
  state.loading = { name, loaded: 0, total: source.file ? source.file.size : 0 };
  state.renderSeq++; // a view still computing on the previous data is not drawn any more
  state.pendingSpec = null;
  state.cataloguePending = false;
  // Files take time (progress and cancel); the built-in data and the examples are at hand.
  const slow = ['file', 'url', 'bytes'].includes(source.kind);
  if (slow) showProgress(state.loading);
  // A file's chart comes first: the worker gives only the catalogue entry of the view to show,
  // and the whole catalogue (every view worked out, for the pickers) once the chart is drawn.
  const view = slow ? new URLSearchParams(typeof spec === 'string' ? spec : spec.after).get('view') : null;
  // The worker draws the view it will most likely be (the same settings without the previous
  // file's years and regions) as soon as the data is open, in the same request: used when the
  // new data's catalogue keeps those settings, else the view is asked for as usual.
  const likely = typeof spec === 'string' ? spec : withoutFileKeys(spec.after);
  const width = chartWidth();
  busy(true);
  let d = null, err = null;
  try {
    d = await state.core.call('open', { source, test: { slow: TEST.slow, stall: TEST.stall }, view, lang: state.lang, render: withWidth(likely, width) }, (p) => { if (state.loading && slow) { Object.assign(state.loading, p); showProgress(state.loading); } });
    // A view chosen during the load needs the new file's whole catalogue (its entry may not be in
    // the part that came with the data).
    if (d.partial && state.loading && state.loading.chosen) {
      try {
        const rest = await state.core.call('views', { infoEn: !d.infoEn });
        d.catalog = rest.catalog;
        d.infoEn = d.infoEn || rest.infoEn || null;
        d.partial = false;
      } catch (e) { /* the view then comes from the part there is */ }
    }
  } catch (e) { err = e; }
  busy(false);
  const mine = state.loading;
  const chosen = mine ? mine.chosen : null;
  showProgress(null);
  if (err) {
    if (state.loading === mine) state.loading = null;
    if (err.kind === 'cancelled') return false; // cancelLoad said so
    if (!err.trap) {
      const said = (state.lang === 'en' && err.message_en) || err.message;
      const reason = err.kind === 'fetch' ? t('data-fetch-error', { file: name, reason: err.message }) : said;
      showError(new Error(previous
        ? t('load-failed-kept', { file: name, reason, previous })
        : (err.kind === 'fetch' ? reason : t('load-failed-none', { file: name, reason }))));
    }
    if (!previous) { clearFigure(); describeDataset(); }
    settled('error');
    return false;
  }
  const adopt = () => {
    state.source = source;
    state.fileName = name || d.info.file;
    state.info = d.info;
    state.infoEn = d.infoEn || null;
    state.catalog = d.catalog;
    state.readBy = d.readBy || 1; // the workers that read it (for tests and the console)
    state.stalls = d.stalls || 0; // its byte streams that stopped and were read around (idem)
    state.labelsEn = null;
    state.dataKeys = dataKeys;
    state.wanted = null;
    state.pickerSig = '';
    state.names = [];
    describeDataset();
  };
  state.cataloguePending = d.partial;
  const next = chosen ? specForNewData(chosen, d.catalog)
    : typeof spec === 'string' ? spec : specForNewData(spec.after, d.catalog);
  const first = d.rendered && sameSettings(next, likely) ? { ...d.rendered, width } : null;
  // Until the new file's first chart is on screen (and the file line with it), a view chosen is
  // kept for after it, as during the load: the data on screen is still the previous file's.
  if (mine) { mine.chosen = null; mine.drawing = true; }
  await show(next, { before: adopt, first, step: step && !!state.rendered });
  const late = mine && state.loading === mine ? mine.chosen : null;
  if (state.loading === mine) state.loading = null;
  if (d.partial) await completeCatalogue(source);
  // (Chosen in the previous file's pickers: kept as far as the new file offers it.)
  if (late && state.source === source) await show(specForNewData(late, state.catalog), { push: true });
  return true;
}

// The whole catalogue of a newly opened file, once its chart is drawn: the pickers of every view
// (and the English file line, when the chart came without it).
async function completeCatalogue(source) {
  let rest = null;
  try { rest = await state.core.call('views', { infoEn: !state.infoEn }); } catch (e) { rest = null; }
  if (state.source !== source || !state.cataloguePending) return; // other data came meanwhile
  if (rest) {
    state.catalog = rest.catalog;
    // The English file line, when it was not asked for with the chart (a Dutch page).
    if (!state.infoEn) { state.infoEn = rest.infoEn || null; if (state.lang === 'en') describeDataset(); }
  }
  state.cataloguePending = false;
  buildPickers(state.rendered ? state.rendered.spec : currentCore(), state.rendered ? state.rendered.view : null);
  settled(state.rendered ? 'ready' : 'error');
  englishLabels();
}

// An English page labels its pickers from the core's English catalogue: its labels paired with
// the Dutch catalogue's, view by view, key by key, choice by choice.
async function englishLabels() {
  if (state.lang !== 'en' || state.labelsEn || state.cataloguePending || !state.catalog.length) return;
  const source = state.source;
  let en = null;
  try { en = await state.core.call('viewsEn', {}); } catch (e) { en = null; }
  if (!Array.isArray(en) || state.source !== source || state.labelsEn) return;
  const map = new Map();
  const pair = (nl, e) => { if (nl && e && nl !== e && !map.has(nl)) map.set(nl, e); };
  for (const v of state.catalog) {
    const ev = en.find((x) => x.view === v.view);
    if (!ev) continue;
    pair(v.label, ev.label);
    for (const k of v.keys) {
      const ek = ev.keys.find((x) => x.key === k.key);
      if (!ek) continue;
      pair(k.label, ek.label);
      k.choices.forEach((c, i) => { const ec = ek.choices[i]; if (ec && ec.value === c.value) pair(c.label, ec.label); });
    }
  }
  state.labelsEn = map;
  state.pickerSig = '';
  buildPickers(state.rendered ? state.rendered.spec : currentCore(), state.rendered ? state.rendered.view : null);
}

// Cancel: the worker stops (terminated), a new one starts with the last good dataset.
async function cancelLoad(quiet) {
  const loading = state.loading;
  // Nothing to cancel once the file is read (its first chart is being drawn).
  if (!loading || loading.drawing) return;
  state.loading = null;
  showProgress(null);
  busy(true);
  const said = state.source ? t('cancelled', { file: loading.name, previous: state.fileName }) : t('cancelled-none', { file: loading.name });
  if (!quiet) showError(new Error(said));
  let kept = false;
  try {
    await state.core.restart('cancelled');
    kept = await reopen();
  } finally {
    busy(false);
  }
  // A view chosen during the load is drawn on the data that stays (the message stays too).
  if (!quiet && kept && state.source && loading.chosen) {
    await show(loading.chosen, { push: true });
    if (state.rendered) showError(new Error(said));
  }
  settled(state.rendered ? 'ready' : 'error');
}

// Opens the last good dataset again in a new worker (after a cancel or a trap).
async function reopen() {
  if (!state.source) return true;
  try {
    await state.core.call('open', { source: state.source });
    return true;
  } catch (e) {
    state.source = null; state.info = null; state.infoEn = null; state.catalog = []; state.labelsEn = null;
    clearFigure(); describeDataset(); showError(e);
    return false;
  }
}

// A dead wasm instance (a trap): a new worker, the last good dataset, and a message.
let recovering = null;
const recoveries = [];
function onTrap(err) {
  if (recovering) return;
  // An instance that keeps dying is not restarted for ever: three times a minute at most.
  const now = Date.now();
  while (recoveries.length && now - recoveries[0] > 60000) recoveries.shift();
  if (recoveries.length >= 3) { clearFigure(); showError(err); settled('error'); return; }
  recoveries.push(now);
  recovering = (async () => {
    const reason = err && err.message ? err.message : 'trap';
    state.loading = null;
    showProgress(null);
    try {
      await state.core.restart('trap');
      const ok = await reopen();
      if (ok && state.rendered) await show(state.rendered.spec);
      showError(new Error(state.source ? t('trap', { reason, file: state.fileName }) : t('trap-none', { reason })));
      settled(state.rendered ? 'ready' : 'error');
    } finally { recovering = null; }
  })();
}

function langOnly(description) {
  const lang = new URLSearchParams(description).get('lang');
  return lang ? enc(new URLSearchParams({ lang })) : '';
}

function loadFile(file) {
  // Chosen while the page starts (before its core is up): opened instead of the data the
  // address names, once the core is up (see `start`); never dropped for the built-in data.
  if (!state.started) { state.early = file; return Promise.resolve(false); }
  const wanted = state.wanted;
  // The view on screen when the user chose it, else only the language: the file's own chart.
  const previous = state.viewPicked ? currentCore() : langOnly(currentCore());
  const spec = wanted ? wanted.spec : { after: previous };
  if (wanted && wanted.name !== file.name) say(t('ask-file-other', { file: file.name, wanted: wanted.name }));
  // The file a link asked for gets the column mapping the link carries (`map=`).
  const map = wanted && wanted.map;
  const source = { kind: 'file', name: file.name, file, ...(map ? { mapping: map.pairs } : {}) };
  // (A file a link asked for takes the link's entry; any other is a step from the data on screen.)
  return openData(source, file.name, spec, { file: file.name, ...(map ? { map: map.text } : {}) }, { step: !wanted });
}

// A link that names a file too large to travel with it: ask for that file by name.
function askForFile(name, spec, map) {
  state.wanted = { name, spec, map };
  // Nothing is drawn now: Forward to the entry drawn last draws it again.
  state.drawnHash = null;
  clearFigure();
  describeDataset();
  showError(new Error(t('ask-file', { file: name })));
  buildPickers(spec);
  $('drop').classList.add('over');
  settled('ready');
}

// `data=` names a file beside the page: a relative path on the same site, nothing else.
function dataUrl(path) {
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || /^[\\/]/.test(path) || /(^|[\\/])\.\.([\\/]|$)/.test(path) || /[\\?#]/.test(path)) return null;
  let url;
  try { url = new URL(path, location.href); } catch (e) { return null; }
  return url.origin === location.origin ? url.href : null;
}

// The other language; an example's own chart title (given as title=) goes over with it.
function toggleLanguage() {
  const to = state.lang === 'en' ? 'nl' : 'en';
  const p = new URLSearchParams(currentCore());
  const ex = state.dataKeys.example && state.examples.find((e) => e.file === state.dataKeys.example);
  const title = (view) => (view ? new URLSearchParams(view).get('title') : null);
  if (ex && ex.view_en && p.get('title')) {
    const [from, into] = to === 'en' ? [title(ex.view), title(ex.view_en)] : [title(ex.view_en), title(ex.view)];
    if (from && into && p.get('title') === from) p.set('title', into);
  }
  if (to === 'en') p.set('lang', 'en'); else p.delete('lang');
  show(enc(p), { push: true });
}

// ---------------------------------------------------------------- gallery (bundled example tables)

function buildGallery() {
  let items = state.examples;
  if (!Array.isArray(items) || !items.length) return;
  const en = state.lang === 'en';
  // The English texts come from the full core: asked for once, then the gallery is made again.
  if (en && !items.some((ex) => ex.name_en) && !state.examplesAsked) {
    state.examplesAsked = true;
    state.core.call('examples').then((list) => {
      if (Array.isArray(list) && list.length) { state.examples = list; if (state.lang === 'en' && !state.embed) buildGallery(); }
    }).catch(() => {});
  }
  const pick = (ex, k) => (en && ex[k + '_en']) || ex[k];
  // The built-in regional data is the first example: the way back after opening another.
  items = [{ name: t('gallery-default'), file: 'regions.csv', explanation: t('gallery-default-text'), source: '', builtin: true }, ...items];
  const ul = $('gallery-list');
  ul.textContent = '';
  items.forEach((ex, i) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.id = `example-${i}`;
    b.className = 'example';
    b.textContent = pick(ex, 'name');
    b.setAttribute('aria-describedby', `example-${i}-d`);
    const d = document.createElement('p');
    d.id = `example-${i}-d`;
    d.textContent = [pick(ex, 'explanation'), pick(ex, 'source')].filter(Boolean).join(' ');
    b.addEventListener('click', async () => {
      const lang = new URLSearchParams(currentCore()).get('lang');
      const view = lang === 'en' ? (ex.view_en || ex.view) : ex.view;
      const spec = (view || '') + (lang ? (view ? '&' : '') + 'lang=' + lang : '');
      const ok = ex.builtin
        ? await openData({ kind: 'default' }, null, spec, {}, { step: true })
        : await openData({ kind: 'example', file: ex.file }, ex.file, spec, { example: ex.file }, { step: true });
      if (ok) $('figure').focus();
    });
    li.appendChild(b); li.appendChild(d);
    ul.appendChild(li);
  });
  $('gallery').hidden = false;
}

// ---------------------------------------------------------------- wiring

function wire() {
  pickerHooks.go = (spec) => show(spec, { push: true });
  presentHooks.show = (spec) => show(spec);
  presentHooks.refit = refit;
  figureHooks.toggleRegion = (key) => {
    if (!key) return; // a target that marks nothing (a year, a national line)
    const cur = new URLSearchParams(currentCore()).get('region');
    setKey('region', cur === key ? '' : key);
  };
  figureHooks.exportSvg = exportSvg;
  figureHooks.exportPng = (r) => exportPng(r, showError);
  figureHooks.exportCsv = (s, i) => exportCsv(s, i).catch(showError);
  $('mapping-apply').addEventListener('click', () => {
    if (!state.source) return;
    const mapping = mappingPairs();
    // The step folds away: the focus goes to the figure it gave (or its error), not to the page.
    openData({ ...state.source, mapping }, state.fileName, 'view=scatter', { ...state.dataKeys, map: JSON.stringify(mapping) })
      .finally(() => { if (document.activeElement === document.body || !document.activeElement) $('figure').focus(); });
  });
  // Links, the address bar and Back/Forward change the hash; the page's own changes are drawn already.
  window.addEventListener('hashchange', () => {
    if (location.hash === state.drawnHash) return;
    const { core, page } = splitHash();
    // A view a link or the address names is chosen: a new file keeps it.
    if (new URLSearchParams(core).get('view')) state.viewPicked = true;
    state.embed = page.embed;
    document.body.classList.toggle('embed', state.embed);
  document.documentElement.classList.toggle('embed', state.embed);
    document.documentElement.classList.toggle('embed', state.embed);
    if (state.wanted) {
      // Back at the data the page holds (Forward after Back): its view, no longer the request.
      if (!otherData(page)) {
        state.wanted = null;
        $('drop').classList.remove('over');
        show(core);
        return;
      }
      if (page.file === state.wanted.name && page.dz === undefined) { state.wanted.spec = core; return; }
    }
    // A description typed into the address bar (or a link) that names no data while the page holds
    // the user's file: the view is drawn on that file (which no address can open again), and the
    // page says so; the built-in data is one click away in the gallery. Back to an entry of the
    // page's own still goes to the data it named, and an example or `data=` file gives way to the
    // built-in data as the address says.
    const typed = !(history.state && history.state.bv);
    const names = DATA_KEYS.some((k) => page[k] !== undefined);
    if (typed && !names && state.source && state.dataKeys.file && !state.loading) {
      // (In the language the address asks for: the view it draws switches to it.)
      say(t('hash-kept-data', { file: state.fileName }, new URLSearchParams(core).get('lang') === 'en' ? 'en' : 'nl'));
      show(core);
      return;
    }
    if (otherData(page)) { openFromPage(page, core); return; }
    show(core);
  });
  // The skip link moves the focus without touching the hash (the hash is the view description).
  document.querySelector('.skip').addEventListener('click', (e) => { e.preventDefault(); $('figure').focus(); });
  $('file').addEventListener('change', (e) => { if (e.target.files[0]) loadFile(e.target.files[0]); e.target.value = ''; });
  // (A file chosen before this listener was there: the page was still painting.)
  if ($('file').files[0]) { loadFile($('file').files[0]); $('file').value = ''; }
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  // A file dropped anywhere on the page is opened (the browser would otherwise open the file
  // itself, in place of the page); of several, the first, and the page says so.
  const dropped = (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = e.dataTransfer ? e.dataTransfer.files : [];
    if (!files[0]) return;
    loadFile(files[0]);
    if (files.length > 1) say(t('drop-first', { file: files[0].name, n: files.length }));
  };
  drop.addEventListener('drop', (e) => { e.stopPropagation(); dropped(e); });
  window.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault(); });
  window.addEventListener('drop', dropped);
  $('cancel-load').addEventListener('click', () => cancelLoad(false));
  $('view').addEventListener('change', (e) => { state.viewPicked = true; show(switchView(e.target.value), { push: true }); });
  $('region').addEventListener('change', (e) => chooseRegion(e.target.value));
  $('region').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); chooseRegion(e.target.value); } });
  $('clear-region').addEventListener('click', () => { setKey('region', ''); $('region').value = ''; $('region').focus(); });
  $('open-profile').addEventListener('click', openProfile);
  $('lang-toggle').addEventListener('click', toggleLanguage);
  $('toggle-table').addEventListener('click', (e) => {
    const open = $('table').hidden;
    $('table').hidden = !open;
    e.currentTarget.setAttribute('aria-expanded', String(open));
    if (open && state.rendered) renderTable($('table'), state.rendered.text_table, state.rendered.title);
  });
  $('export-svg').addEventListener('click', () => exportSvg(state.rendered));
  $('export-csv').addEventListener('click', () => exportCsv(state.rendered).catch(showError));
  $('export-json').addEventListener('click', () => exportJson(state.rendered).catch(showError));
  $('export-png').addEventListener('click', () => exportPng(state.rendered, showError));
  $('copy-link').addEventListener('click', () => copyLink());
  $('embed-button').addEventListener('click', (e) => {
    const open = $('embed-box').hidden;
    $('embed-box').hidden = !open;
    e.currentTarget.setAttribute('aria-expanded', String(open));
    if (open) { fillEmbed(); $('embed-code').focus(); $('embed-code').select(); }
  });
  $('copy-embed').addEventListener('click', () => copyText($('embed-code').value, $('embed-code')));
  $('present').addEventListener('click', enterPresentation);
  $('present-prev').addEventListener('click', () => goToSlide(state.slide - 1));
  $('present-next').addEventListener('click', () => goToSlide(state.slide + 1));
  $('present-exit').addEventListener('click', leavePresentation);
  document.addEventListener('keydown', presentKeys);
  document.addEventListener('fullscreenchange', () => { if (!document.fullscreenElement && state.presenting) leavePresentation(); });
  $('print').addEventListener('click', () => window.print());
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('tooltip').hidden) hideTip(); });
  if (window.ResizeObserver) {
    new ResizeObserver(() => notifyHeight()).observe(document.body);
    // The chart is drawn again for a new width of its box (debounced: a window being dragged
    // wider asks once it rests).
    new ResizeObserver(() => refit()).observe($('figure'));
  }
  window.addEventListener('resize', layoutPresentation);
  // The tooltip is fixed to the window: on scrolling it follows a focused target, else it goes.
  window.addEventListener('scroll', followTip, { passive: true });
  if (TEST.trap) state.trap = () => state.core.call('trap').catch(() => {});
}

// Opens the data the address names (`dz=` with `file=`, `file=`, `data=`, `example=` or none: the
// built-in data) and shows `core` on it.
async function openFromPage(page, core) {
  // The column mapping the link carries (`map=`): applied by the core, which says what is wrong
  // with it; text that is no JSON at all is said here.
  let map = null;
  if (page.map) {
    try { map = { text: page.map, pairs: JSON.parse(page.map) }; } catch (e) {
      clearFigure(); describeDataset(); showError(new Error(t('link-bad', { reason: 'map=' + page.map }))); settled('error');
      return;
    }
  }
  const mapping = map ? { mapping: map.pairs } : {};
  const mapKey = map ? { map: map.text } : {};
  if (page.dz !== undefined) {
    const name = page.file || 'gegevens.csv';
    let bytes;
    try { bytes = await inflated(page.dz); } catch (e) {
      clearFigure(); describeDataset(); showError(new Error(t('link-bad', { reason: e.message }))); settled('error');
      return;
    }
    await openData({ kind: 'bytes', name, bytes, ...mapping }, name, core, { file: name, dz: page.dz, ...mapKey });
  } else if (page.file !== undefined) {
    askForFile(page.file, core, map);
  } else if (page.data !== undefined) {
    const url = dataUrl(page.data);
    if (!url) {
      clearFigure(); describeDataset();
      showError(new Error(t('data-bad-path', { file: page.data })));
      settled('error');
      return;
    }
    state.dataKeys = { data: page.data, ...mapKey };
    openFull(core);
    await openData({ kind: 'url', name: page.data, url, ...mapping }, page.data, core, { data: page.data, ...mapKey });
  } else if (page.example !== undefined) {
    await openData({ kind: 'example', file: page.example }, page.example, core, { example: page.example });
  } else {
    await openData({ kind: 'default' }, null, core, {});
  }
}

// Whether the address names other data than the page holds (a link edited by hand, the browser's
// back button): then that data is opened, never the view drawn on the data already there.
function otherData(page) {
  return DATA_KEYS.some((k) => (page[k] || '') !== (state.dataKeys[k] || ''));
}

// Resolves once the page has had its first contentful paint (at once when it has), or after half a
// second for a page that is not painted (one opened in a background tab).
function firstPaint() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 500);
    try {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch (e) { clearTimeout(timer); resolve(); }
  });
}

async function start() {
  $('figure').setAttribute('aria-busy', 'true');
  history.replaceState(OWN, '', location.href);
  const { page, core } = splitHash();
  // The built-in data's first chart is in the page from the build; it stays only when the address
  // asks for exactly that (nothing else may be on screen, not even for a moment).
  const pre = $('figure').dataset.prerendered;
  const other = page.dz !== undefined || page.file !== undefined || page.data !== undefined
    || page.example !== undefined || (core && core !== pre);
  if (pre !== undefined && other) {
    $('chart').textContent = '';
    $('summary').textContent = '';
  }
  state.embed = page.embed;
  document.body.classList.toggle('embed', state.embed);
  if (new URLSearchParams(core).get('lang') === 'en') state.lang = 'en';
  // A view the address names is chosen: a new file keeps it.
  if (new URLSearchParams(core).get('view')) state.viewPicked = true;
  // The prerendered chart is painted first: the work below (the texts, the handlers, the worker)
  // would otherwise hold up the page's first paint.
  if (pre !== undefined && !other && state.lang === 'nl') await firstPaint();
  applyI18n();
  wire();
  busy(true);
  // (Tests only: the core comes up a second later, so a file can be chosen before it.)
  if (TEST.latecore) await new Promise((resolve) => setTimeout(resolve, 1500));
  try {
    state.core = new Core(onTrap, state.embed ? 0 : 1500);
    const init = await state.core.start();
    performance.mark('bv-wasm-ready');
    state.version = init.version;
    state.examples = init.examples || [];
    $('version').textContent = init.version;
    // Asked for now, answered before the data (the worker answers in order): not waited for.
    for (const lang of ['nl', 'en']) state.core.call('roles', { lang }).then((names) => { state.roleNames[lang] = names; }, () => {});
  } catch (err) {
    busy(false);
    showError(err);
    settled('error');
    return;
  }
  busy(false);
  // The gallery comes first so that nothing moves once the chart is drawn.
  if (!state.embed) buildGallery();
  state.started = true;
  // A file the user chose while the page started comes before what the address names.
  const early = state.early;
  state.early = null;
  if (early) await loadFile(early);
  else await openFromPage(page, core);
  performance.mark('bv-data-ready');
}
start();
