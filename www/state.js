// The page's one state object, and the URL hash: the core's view description plus the page's own
// keys, which say where the data comes from.

export const state = {
  core: null, // the worker client (core.js)
  lang: 'nl',
  embed: false,
  version: '',
  examples: [],
  roleNames: {}, // per language: [{key, label}] from the core
  // The dataset on screen: how it was opened (to reopen it in a new worker), its file name (the
  // file line), what the core detected, and its view catalogue. `source` null: no data.
  source: null,
  fileName: null,
  info: null,
  catalog: [],
  // Where the data in the hash comes from: `data=` (a file beside the page), `file=` (a user's
  // file, by name; with `dz=` its deflated bytes), `example=` (a bundled example).
  dataKeys: {},
  loading: null, // {name, loaded, total, parsing} while a file loads
  rendered: null, // the view on screen; null when no chart is shown
  renderSeq: 0,
  pendingSpec: null, // a description asked for and not drawn yet
  busy: 0,
  presenting: false, slides: [], slide: 0, presentFrom: null,
  names: [], pickerSig: '', drawnHash: null, firstChartMs: null, rolesShown: false,
};
window.bv = state; // for tests and the console

// The page's own keys; everything else in the hash belongs to the core.
export const PAGE_KEYS = ['embed', 'data', 'file', 'dz', 'example'];

export const $ = (id) => document.getElementById(id);
// Keys every view takes (kept when the view changes).
export const COMMON_KEYS = ['region', 'lang', 'k'];

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
  for (const k of ['example', 'data', 'file', 'dz']) {
    if (state.dataKeys[k]) parts.push(k + '=' + encodeURIComponent(state.dataKeys[k]));
  }
  return '#' + parts.join('&');
}

// The description the page is showing or about to show (a choice builds on the latest one).
export function currentCore() {
  if (state.pendingSpec !== null) return state.pendingSpec;
  return state.rendered ? state.rendered.spec : splitHash().core;
}
