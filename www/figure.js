// Drawing what the core returns: its SVG (parsed as SVG, never as HTML), a layer of focusable hit
// targets on top, the tooltip, the table (cells as the core formatted them) and a report's
// sections. Every text from data goes in with textContent.
import { state, $ } from './state.js';
import { t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// What a click or Enter on a hit does (set by main.js).
export const figureHooks = { toggleRegion: () => {}, exportSvg: () => {}, exportPng: () => {}, exportCsv: () => {} };

// Puts the core's SVG into `container`, ids made unique (a report holds several charts), scaled
// to its box, with the hit targets on top.
export function drawChart(container, r, prefix) {
  container.textContent = '';
  container.dataset.chart = prefix;
  if (!r || !r.svg) return;
  const doc = new DOMParser().parseFromString(r.svg, 'image/svg+xml');
  const src = doc.documentElement;
  if (!src || src.nodeName !== 'svg' || doc.querySelector('parsererror')) return;
  for (const s of src.querySelectorAll('script, foreignObject')) s.remove();
  const svg = document.importNode(src, true);
  uniqueIds(svg, prefix);
  // Shown at its natural size (width = viewBox width): laid out for this width, its text is
  // never scaled down (presenting, CSS shows it larger).
  svg.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
  svg.setAttribute('width', r.width); svg.setAttribute('height', r.height);
  svg.classList.add('drawing');
  container.appendChild(svg);
  if (r.hits && r.hits.length) container.appendChild(hitLayer(r));
}

function uniqueIds(svg, prefix) {
  const map = new Map();
  for (const el of svg.querySelectorAll('[id]')) { const n = `${prefix}-${el.id}`; map.set(el.id, n); el.id = n; }
  if (!map.size) return;
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const a of Array.from(el.attributes)) {
      if (a.name === 'aria-labelledby' || a.name === 'aria-describedby') {
        el.setAttribute(a.name, a.value.split(/\s+/).map((id) => map.get(id) || id).join(' '));
      } else if (a.value.includes('#')) {
        const v = a.value.replace(/#([A-Za-z_][\w.-]*)/g, (m, id) => (map.has(id) ? '#' + map.get(id) : m));
        if (v !== a.value) el.setAttribute(a.name, v);
      }
    }
  }
}

// One layer of focusable targets over the drawing, in the order the core gives them (the order a
// keyboard steps through them). The listeners are the layer's (a line chart of 35 series over 40
// quarters has 1,400 targets): a target is found from the event.
function hitLayer(r) {
  const layer = document.createElementNS(SVG_NS, 'svg');
  layer.setAttribute('class', 'hit-layer');
  layer.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
  layer.setAttribute('role', 'group');
  layer.setAttribute('aria-label', t('hits-group'));
  const selected = new URLSearchParams(r.spec).get('region');
  const current = Math.max(0, r.hits.findIndex((h) => h.key === selected));
  // (Each target a copy of one with what they share: a chart has up to thousands.)
  const proto = document.createElementNS(SVG_NS, 'rect');
  proto.setAttribute('class', 'hit'); proto.setAttribute('role', 'button');
  proto.setAttribute('tabindex', '-1'); proto.setAttribute('aria-pressed', 'false');
  const rects = r.hits.map((h, pos) => {
    const el = proto.cloneNode(false);
    el.setAttribute('x', h.x); el.setAttribute('y', h.y); el.setAttribute('width', Math.max(h.w, 1)); el.setAttribute('height', Math.max(h.h, 1));
    if (pos === current) el.setAttribute('tabindex', '0');
    el.setAttribute('aria-label', h.label);
    if (h.key === selected) el.setAttribute('aria-pressed', 'true');
    // A target that marks nothing (a year, a national line) is read, not pressed.
    if (!h.key) { el.setAttribute('role', 'img'); el.removeAttribute('aria-pressed'); }
    el.dataset.key = h.key;
    layer.appendChild(el);
    return el;
  });
  const posOf = new Map(rects.map((el, pos) => [el, pos]));
  let inTabOrder = rects[current];
  // The target of an event and its place in the reading order.
  const at = (e) => {
    const el = e.target && e.target.closest ? e.target.closest('.hit') : null;
    const pos = el ? posOf.get(el) : undefined;
    return pos === undefined ? null : { el, pos, h: r.hits[pos] };
  };
  layer.addEventListener('pointerdown', (e) => { lastPointer = e.pointerType; }, true);
  // (mouseover/mouseout and focusin/focusout bubble, as mouseenter/mouseleave and focus/blur do not.)
  layer.addEventListener('mouseover', (e) => { const x = at(e); if (x) showTip(x.el, x.h.label); });
  layer.addEventListener('mouseout', (e) => { if (at(e)) hideTip(); });
  layer.addEventListener('focusin', (e) => {
    const x = at(e); if (!x) return;
    // One target in the tab order: the one last focused.
    if (x.el !== inTabOrder) { inTabOrder.setAttribute('tabindex', '-1'); x.el.setAttribute('tabindex', '0'); inTabOrder = x.el; }
    showTip(x.el, x.h.label);
  });
  layer.addEventListener('focusout', (e) => { if (at(e)) hideTip(); });
  layer.addEventListener('click', (e) => {
    const x = at(e); if (!x) return;
    // A tap shows the tooltip (with how to mark the region); only a second tap on the same
    // point marks it, so a finger that looks at a point does not change the highlight.
    if (lastPointer === 'touch' && !(tapped === x.el && !$('tooltip').hidden)) {
      showTip(x.el, `${x.h.label} (${t('tap-again')})`);
      tapped = x.el;
      return;
    }
    tapped = null;
    figureHooks.toggleRegion(x.h.key);
  });
  layer.addEventListener('keydown', (e) => {
    const x = at(e); if (!x || state.presenting) return;
    let next = null;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); figureHooks.toggleRegion(x.h.key); return; }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(x.pos + 1, rects.length - 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(x.pos - 1, 0);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rects.length - 1;
    if (next !== null) { e.preventDefault(); rects[next].focus(); }
  });
  return layer;
}

// How the last press on a hit was made: `touch` makes a tap show the tooltip first.
let lastPointer = 'mouse';
// The point whose tooltip a tap opened (a second tap on it marks its region).
let tapped = null;
// A tap outside the chart's points closes a tooltip a tap opened.
document.addEventListener('pointerdown', (e) => {
  if (e.pointerType === 'touch' && !(e.target.closest && e.target.closest('.hit'))) hideTip();
});

// The tooltip is fixed to the window (one element for every chart), placed beside the target.
let tipTarget = null;
export function showTip(el, text) {
  tipTarget = el;
  const tip = $('tooltip');
  const box = el.getBoundingClientRect();
  tip.textContent = text; tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  let left = box.right + 8;
  if (left + w > window.innerWidth - 4) left = Math.max(4, box.left - w - 8);
  let top = box.top - h - 4;
  if (top < 4) top = box.bottom + 4;
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}
export function hideTip() { $('tooltip').hidden = true; tapped = null; }
export function followTip() {
  if ($('tooltip').hidden) return;
  // It follows a focused target, or one the pointer is still over (scrolling into view).
  if (tipTarget && tipTarget.isConnected && (tipTarget === document.activeElement || tipTarget.matches(':hover'))) showTip(tipTarget, $('tooltip').textContent);
  else hideTip();
}

// The table as the core wrote it (`text_table`: cells as text, which columns are numbers).
export function renderTable(container, table, caption) {
  container.textContent = '';
  if (!table || !table.columns || !table.columns.length) return;
  const el = document.createElement('table');
  const cap = document.createElement('caption');
  cap.textContent = caption;
  el.appendChild(cap);
  const head = el.createTHead().insertRow();
  for (const c of table.columns) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = c; head.appendChild(th); }
  const body = el.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    row.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      if (table.numeric && table.numeric[i]) cell.className = 'num';
      cell.textContent = text;
      tr.appendChild(cell);
    });
  }
  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  // A wide table scrolls sideways: keyboard users can focus it to scroll.
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', t('table-label', { caption }));
  scroller.appendChild(el);
  container.appendChild(scroller);
}

export function fillList(ul, items) {
  ul.textContent = '';
  for (const n of items || []) { const li = document.createElement('li'); li.textContent = n; ul.appendChild(li); }
}

// A report: its head and each section the core drew (chart, reading, notes, table, exports).
export function renderSections(r) {
  const box = $('sections');
  box.textContent = '';
  const sections = (r && r.sections) || [];
  box.hidden = sections.length === 0;
  if (!sections.length) return;
  const head = document.createElement('div');
  head.className = 'report-head';
  const h2 = document.createElement('h2');
  h2.textContent = r.title || '';
  head.appendChild(h2);
  for (const text of [r.subtitle, r.summary]) {
    if (!text) continue;
    const p = document.createElement('p'); p.textContent = text; head.appendChild(p);
  }
  box.appendChild(head);
  sections.forEach((s, i) => {
    const sec = document.createElement('section');
    sec.className = 'report-section';
    const h = document.createElement('h3');
    h.id = `s${i}-h`;
    const title = s.title || '';
    h.textContent = s.label || title;
    if (s.label) {
      // A chart carries its own title: on screen the heading shows the figure's number only.
      const rest = document.createElement('span');
      rest.textContent = (title ? '. ' : '') + title;
      if (s.svg) rest.className = 'sr-only';
      h.appendChild(rest);
    } else if (s.svg) h.className = 'sr-only';
    sec.setAttribute('aria-labelledby', h.id);
    sec.appendChild(h);
    if (!s.available) {
      const p = document.createElement('p'); p.className = 'reading unavailable'; p.textContent = t('unavailable', { reason: s.reason || '' }); sec.appendChild(p);
    }
    if (s.svg) {
      const fig = document.createElement('figure');
      const chart = document.createElement('div');
      chart.className = 'chart';
      fig.appendChild(chart);
      drawChart(chart, s, `s${i}`);
      if (s.summary) { const cap = document.createElement('figcaption'); cap.textContent = s.summary; fig.appendChild(cap); }
      sec.appendChild(fig);
    } else if (s.summary) {
      const p = document.createElement('p'); p.className = 'reading'; p.textContent = s.summary; sec.appendChild(p);
    }
    if (s.notes && s.notes.length) { const ul = document.createElement('ul'); ul.className = 'notes'; fillList(ul, s.notes); sec.appendChild(ul); }
    const tt = s.text_table;
    const hasTable = !!(tt && tt.columns && tt.columns.length);
    if (hasTable) {
      const wrap = document.createElement('div');
      if (s.svg) {
        const det = document.createElement('details');
        const sum = document.createElement('summary');
        sum.textContent = t('section-table');
        det.appendChild(sum); det.appendChild(wrap); sec.appendChild(det);
      } else sec.appendChild(wrap);
      renderTable(wrap, tt, title);
    }
    const acts = document.createElement('div');
    acts.className = 'actions section-actions';
    acts.setAttribute('role', 'group');
    acts.setAttribute('aria-label', `${t('actions')}: ${title}`);
    const add = (key, fn, ok) => { if (!ok) return; const b = document.createElement('button'); b.type = 'button'; b.textContent = t(key); b.addEventListener('click', fn); acts.appendChild(b); };
    add('svg', () => figureHooks.exportSvg(s), !!s.svg);
    add('png', () => figureHooks.exportPng(s), !!s.svg);
    add('csv', () => figureHooks.exportCsv(s, i), hasTable);
    if (acts.children.length) sec.appendChild(acts);
    box.appendChild(sec);
  });
}
