// The page's one state object, and the URL hash: the core's view description plus the page's own
// keys, which say where the data comes from.

export const state = {
  core: null, // the worker client (core.js)
  lang: 'nl',
  embed: false,
  version: '',
  examples: [],
  examplesAsked: false, // the English gallery asked of the full core
  roleNames: {}, // per language: [{key, label}] from the core
  // The dataset on screen: how it was opened (to reopen it in a new worker), its file name (the
  // file line), what the core detected, and its view catalogue. `source` null: no data.
  source: null,
  fileName: null,
  info: null,
  infoEn: null, // `info` in English (file line, notes, roles), shown when the page is English
  catalog: [],
  // The catalogue's labels in English, from the core's English catalogue (Dutch label -> English),
  // asked for once the page is English; null until then.
  labelsEn: null,
  // Where the data in the hash comes from: `data=` (a file beside the page), `file=` (a user's
  // file, by name; with `dz=` its deflated bytes), `example=` (a bundled example).
  dataKeys: {},
  loading: null, // {name, loaded, total, parsing} while a file loads
  started: false, // the core is up: a file chosen before is kept in `early` till then
  early: null,
  rendered: null, // the view on screen; null when no chart is shown
  renderSeq: 0,
  pendingSpec: null, // a description asked for and not drawn yet
  cataloguePending: false, // a new file's chart is drawn, its whole catalogue not in yet
  busy: 0,
  // The user chose the view on screen or one of its settings (in the pickers, or a link or the
  // address named it): a new file keeps them (as far as the file offers them); else a new file
  // opens on its own first chart.
  viewPicked: false,
  presenting: false, slides: [], slide: 0, presentFrom: null,
  names: [], pickerSig: '', drawnHash: null, firstChartMs: null, rolesShown: false,
  askedWidth: 0, // the width the chart on screen was laid out for
};
window.bv = state; // for tests and the console

// The page's own keys; everything else in the hash belongs to the core.
// The keys that name the data (`map=`: the column mapping applied to it, a JSON list of pairs
// [header, column], so that a link made after the mapping step opens the same analysis).
export const DATA_KEYS = ['example', 'data', 'file', 'dz', 'map'];
export const PAGE_KEYS = ['embed', ...DATA_KEYS];

export const $ = (id) => document.getElementById(id);
// Keys every view takes (kept when the view changes).
export const COMMON_KEYS = ['region', 'lang', 'k'];

// The width to lay the chart out for: the figure's width in CSS px, so the chart is shown 1:1 and
// its text keeps its size (never part of the hash: another screen gets its own width). Presenting,
// it is laid out narrower and shown larger, so its smallest text (11 px) is at least 18 px.
export const PRESENT_SCALE = 1.66;
export function chartWidth() {
  const fig = document.getElementById('figure');
  const w = fig && !fig.hidden ? fig.clientWidth : 0;
  const avail = w > 0 ? w : Math.min(document.documentElement.clientWidth - 32, 868);
  // Presenting: the chart takes about 62 % of the width (the reading beside it) and, with the
  // proportions of a wide scatterplot (0.756), the height between the top and the bar.
  const want = state.presenting ? Math.min(avail * 0.62, (window.innerHeight - 100) / 0.756) / PRESENT_SCALE : avail;
  return Math.max(280, Math.min(2000, Math.floor(want)));
}
// (A width a link or the address carries gives way to the page's own: the key once.)
export const withWidth = (spec, w) => {
  const rest = (spec || '').split('&').filter((kv) => kv && !/^\s*width\s*(=|$)/i.test(kv)).join('&');
  return rest ? `${rest}&width=${w}` : `width=${w}`;
};

export const enc = (p) => p.toString().replace(/\+/g, '%20');
function safeDecode(s) { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }

// The hash split into the core's view description and the page's own keys.
export function splitHash(hash = location.hash) {
  const core = [];
  const page = { embed: false };
  for (const part of hash.replace(/^#/, '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    if (key === 'embed') page.embed = true;
    else if (PAGE_KEYS.includes(key)) page[key] = value;
    else core.push(part);
  }
  return { core: core.join('&'), page };
}

// The hash for a view description on the current data.
export function pageHash(coreSpec) {
  const parts = [];
  if (state.embed) parts.push('embed');
  if (coreSpec) parts.push(coreSpec);
  for (const k of DATA_KEYS) {
    if (state.dataKeys[k]) parts.push(k + '=' + encodeURIComponent(state.dataKeys[k]));
  }
  return '#' + parts.join('&');
}

// The description the page is showing or about to show (a choice builds on the latest one).
export function currentCore() {
  if (state.pendingSpec !== null) return state.pendingSpec;
  return state.rendered ? state.rendered.spec : splitHash().core;
}
