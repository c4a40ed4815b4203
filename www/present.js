// Presentation mode: one figure at a time, full screen. Stepping replaces the history entry (no
// new entries); Esc returns to the view it started from.
import { state, enc, currentCore, $, COMMON_KEYS, PRESENT_SCALE } from './state.js';
import { t } from './i18n.js';
import { hideTip } from './figure.js';


// How to show a view without a history entry (set by main.js).
export const presentHooks = { show: () => {}, refit: () => {} };


// The figures to step through: the report's sections when the data has a report, else each view
// of the catalogue (one per subgroup where a view has subgroups).
async function slideSpecs() {
  const cur = new URLSearchParams(currentCore());
  const withCommon = (p) => { for (const k of COMMON_KEYS) if (cur.get(k)) p.set(k, cur.get(k)); return enc(p); };
  if (state.catalog.some((v) => v.view === 'report')) {
    try {
      const rep = state.rendered && state.rendered.view === 'report'
        ? state.rendered
        : await state.core.render(withCommon(new URLSearchParams('view=report')));
      const specs = (rep.sections || []).filter((s) => s.available).map((s) => s.spec);
      if (specs.length) return specs;
    } catch (e) { /* the catalogue's views instead */ }
  }
  const out = [];
  for (const v of state.catalog) {
    if (v.view === 'report') continue;
    const sub = v.keys.find((k) => k.key === 'subgroup' && k.choices.length);
    if (sub) for (const c of sub.choices) out.push(withCommon(new URLSearchParams({ view: v.view, subgroup: c.value })));
    else out.push(withCommon(new URLSearchParams({ view: v.view })));
  }
  return out;
}

function sameView(a, b) {
  const pa = new URLSearchParams(a), pb = new URLSearchParams(b);
  if (pa.get('view') !== pb.get('view')) return false;
  for (const [k, v] of pb) if (!COMMON_KEYS.includes(k) && pa.get(k) !== v) return false;
  return true;
}

export async function enterPresentation() {
  if (!state.rendered || state.presenting) return;
  const from = state.rendered.spec;
  const slides = await slideSpecs();
  const onReport = state.rendered.view === 'report';
  const here = slides.findIndex((s) => sameView(from, s));
  // From the report the figures start at the first; a view not in the list comes first.
  if (here < 0 && !onReport) slides.unshift(from);
  state.slides = slides;
  state.slide = Math.max(0, here);
  state.presentFrom = from;
  state.presenting = true;
  document.body.classList.add('presenting');
  $('present-bar').hidden = false;
  hideTip();
  const el = document.documentElement;
  if (el.requestFullscreen && document.fullscreenEnabled) el.requestFullscreen().catch(() => { /* not allowed here: stay in the window */ });
  updatePresentBar();
  if (!sameView(from, slides[state.slide] || '')) await goToSlide(state.slide);
  layoutPresentation();
  $('present-next').focus();
}

// Back to the page, on the view presenting started from.
export async function leavePresentation() {
  if (!state.presenting) return;
  state.presenting = false;
  document.body.classList.remove('presenting');
  $('present-bar').hidden = true;
  layoutPresentation();
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
  $('present').focus();
  if (state.presentFrom && (!state.rendered || state.rendered.spec !== state.presentFrom)) await presentHooks.show(state.presentFrom);
}

export async function goToSlide(i) {
  if (!state.slides.length) return;
  state.slide = Math.max(0, Math.min(state.slides.length - 1, i));
  hideTip(); // a tooltip of the slide before would stay over this one
  updatePresentBar();
  await presentHooks.show(state.slides[state.slide]);
}

// Presenting, the chart is never shown smaller than this (its smallest text, 11 px, at 13 px).
const MIN_PRESENT_SCALE = 1.2;

// On a screen the figure and its reading share the height: the chart gets what the text leaves.
// Presenting, the chart is laid out for the figure's width / PRESENT_SCALE and shown across the
// figure (CSS), so its text is at least 18 px. A chart a little taller than the screen above the
// bar (a title over two lines) is shown a little smaller so that it fits, its text still at least
// 13 px; a tall chart (35 bars) scrolls rather than shrinks further.
export function layoutPresentation() {
  const svg = document.querySelector('#chart svg.drawing');
  if (state.presenting) window.scrollTo(0, 0);
  if (svg) {
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    let scale = PRESENT_SCALE;
    if (state.presenting && w && h) {
      const room = $('present-bar').getBoundingClientRect().top - svg.getBoundingClientRect().top - 8;
      if (room > 0 && h * scale > room) scale = Math.max(MIN_PRESENT_SCALE, room / h);
    }
    svg.style.width = state.presenting && w ? `${Math.round(w * scale)}px` : '';
    svg.style.height = state.presenting && w ? 'auto' : '';
  }
  presentHooks.refit();
  if (state.presenting) window.scrollTo(0, 0);
}

export function updatePresentBar() {
  const n = state.slides.length;
  $('present-count').textContent = t('slide', { i: state.slide + 1, n });
  $('present-prev').disabled = state.slide === 0;
  $('present-next').disabled = state.slide >= n - 1;
}

export function presentKeys(e) {
  if (!state.presenting) return;
  const k = e.key;
  // Down and up scroll a slide taller than the screen (a ranking of 35 bars, the map) before
  // they step to the next or previous one; right and left always step.
  const page = document.documentElement;
  const below = window.scrollY + window.innerHeight < page.scrollHeight - 2;
  const step = k.startsWith('Page') ? window.innerHeight * 0.8 : 80;
  if (k === 'Escape') { e.preventDefault(); leavePresentation(); }
  else if ((k === 'ArrowDown' || k === 'PageDown') && below) { e.preventDefault(); window.scrollBy(0, step); }
  else if ((k === 'ArrowUp' || k === 'PageUp') && window.scrollY > 2) { e.preventDefault(); window.scrollBy(0, -step); }
  else if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown') { e.preventDefault(); goToSlide(state.slide + 1); }
  else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp') { e.preventDefault(); goToSlide(state.slide - 1); }
  else if (k === 'Home') { e.preventDefault(); goToSlide(0); }
  else if (k === 'End') { e.preventDefault(); goToSlide(state.slides.length - 1); }
}
