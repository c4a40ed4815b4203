// Banenverkenner page: wires the DOM to the wasm core. All numbers, charts and chart texts come
// from Rust; this file reads files locally, keeps the URL hash in step with the view, builds the
// pickers from the core's view catalogue, and offers table, export, embed, presentation and print.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const I18N = window.BV_I18N;
  // Keys the page handles itself; everything else in the hash is the core's view description.
  const PAGE_KEYS = ['embed', 'data'];
  // Keys that belong to one file (its years, its regions): dropped when another file is loaded.
  const FILE_KEYS = ['from', 'to', 'year', 'region'];
  const state = {
    explorer: null, info: null, catalog: [], rendered: null, fileName: 'regions.csv', defaultFile: 'regions.csv',
    firstChartMs: null, lang: 'nl', embed: false, dataParam: null, names: [],
    presenting: false, slides: [], slide: 0, pickerSig: '', renders: 0,
  };
  window.bv = state; // for tests and the console

  // ---------------------------------------------------------------- language

  function t(key, vars) {
    let s = (I18N[state.lang] && I18N[state.lang][key]) || I18N.nl[key] || key;
    for (const [k, v] of Object.entries(vars || {})) s = s.split('{' + k + '}').join(String(v));
    return s;
  }
  const label = (s) => (state.lang === 'en' && I18N.labels[s]) || s;
  const locale = () => (state.lang === 'en' ? 'en-GB' : 'nl-NL');

  function applyI18n() {
    document.documentElement.lang = state.lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
    const toggle = $('lang-toggle');
    toggle.textContent = t('lang-other');
    toggle.lang = t('lang-other-code');
  }

  // ---------------------------------------------------------------- the URL hash

  const enc = (p) => p.toString().replace(/\+/g, '%20');

  // The hash split into the core's view description and the page's own keys.
  function splitHash() {
    const core = [];
    const page = { embed: false, data: null };
    for (const part of location.hash.replace(/^#/, '').split('&').filter(Boolean)) {
      const eq = part.indexOf('=');
      const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (key === 'embed') page.embed = true;
      else if (key === 'data') page.data = safeDecode(value.replace(/\+/g, ' '));
      else core.push(part);
    }
    return { core: core.join('&'), page };
  }
  function safeDecode(s) { try { return decodeURIComponent(s); } catch (e) { return s; } }

  function pageHash(coreSpec) {
    const parts = [];
    if (state.embed) parts.push('embed');
    if (coreSpec) parts.push(coreSpec);
    if (state.dataParam) parts.push('data=' + encodeURIComponent(state.dataParam));
    return '#' + parts.join('&');
  }
  function writeHash(coreSpec, replace) {
    const h = pageHash(coreSpec);
    if (replace) { history.replaceState(null, '', h); return; }
    // A new history entry, drawn at once (the hashchange that follows finds it drawn).
    if (h !== location.hash) location.hash = h;
    render();
  }
  function currentCore() { return state.rendered ? state.rendered.spec : splitHash().core; }

  function setKey(key, value) {
    const p = new URLSearchParams(currentCore());
    if (value === '' || value === null || value === undefined) p.delete(key); else p.set(key, value);
    writeHash(enc(p));
  }

  // ---------------------------------------------------------------- messages

  function showError(err) {
    const box = $('error');
    if (!err) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = (err && err.message) ? err.message : String(err);
    document.documentElement.dataset.state = 'error';
  }
  function say(text) { $('status').textContent = text; }
  function announce(text) { $('announce').textContent = text; }

  // ---------------------------------------------------------------- formatting

  const isYearColumn = (name) => /(^|[^a-z])(jaar|jaren|year|years|van|tot|from|to|periode|period)([^a-z]|$)/i.test(String(name));
  const isOutlierColumn = (name) => /uitschieter|outlier/i.test(String(name));

  function formatCell(v, column) {
    if (v === null || v === undefined) return isOutlierColumn(column) ? t('outlier-none') : t('missing');
    if (typeof v === 'number') {
      if (Number.isInteger(v) && isYearColumn(column)) return String(v);
      return v.toLocaleString(locale(), { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(v) ? 0 : 2 });
    }
    if (typeof v === 'boolean') return v ? '✓' : '–';
    if (isOutlierColumn(column) && I18N.nl['outlier-' + v]) return t('outlier-' + v);
    return String(v);
  }

  // CSV for spreadsheets: BOM so Excel reads UTF-8; Dutch: `;` and decimal comma, English: `,` and `.`;
  // text cells starting with = + - @ (or tab/CR) get a leading apostrophe so no formula runs.
  function csvOf(table, lang) {
    const dutch = lang !== 'en';
    const sep = dutch ? ';' : ',';
    const inert = (s) => (/^[=+\-@\t\r]/.test(s) ? "'" + s : s);
    const cell = (v) => {
      let s;
      if (v === null || v === undefined) s = '';
      else if (typeof v === 'number') s = Number.isFinite(v) ? (dutch ? String(v).replace('.', ',') : String(v)) : '';
      else if (typeof v === 'boolean') s = v ? '1' : '0';
      else s = inert(String(v));
      if (s.includes(sep) || /["\n\r]/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
      return s;
    };
    const lines = [table.columns.map(cell).join(sep), ...table.rows.map((r) => r.map(cell).join(sep))];
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }
  state.csvOf = csvOf;

  // ---------------------------------------------------------------- drawing a view

  // Puts the core's SVG into `container`, with ids made unique (a report holds several charts),
  // scaled to its box, and a separate layer of focusable hit targets on top.
  function drawChart(container, r, prefix) {
    container.textContent = '';
    container.dataset.chart = prefix;
    if (!r.svg) return;
    container.innerHTML = r.svg;
    const svg = container.querySelector('svg');
    if (!svg) return;
    uniqueIds(svg, prefix);
    svg.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
    svg.removeAttribute('width'); svg.removeAttribute('height');
    svg.classList.add('drawing');
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

  // Keyboard order of hits: down the bars for horizontal bars, else left to right.
  function readingOrder(hits) {
    const idx = hits.map((_, i) => i);
    const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] || 0;
    const horizontalBars = med(hits.map((h) => h.w)) > 1.5 * med(hits.map((h) => h.h));
    const cx = (h) => h.x + h.w / 2, cy = (h) => h.y + h.h / 2;
    return horizontalBars
      ? idx.sort((a, b) => cy(hits[a]) - cy(hits[b]) || cx(hits[a]) - cx(hits[b]))
      : idx.sort((a, b) => cx(hits[a]) - cx(hits[b]) || cy(hits[a]) - cy(hits[b]));
  }

  function hitLayer(r) {
    const layer = document.createElementNS(SVG_NS, 'svg');
    layer.setAttribute('class', 'hit-layer');
    layer.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
    layer.setAttribute('role', 'group');
    layer.setAttribute('aria-label', t('hits-group'));
    const selected = new URLSearchParams(r.spec).get('region');
    const order = readingOrder(r.hits);
    const rects = [];
    let current = Math.max(0, order.findIndex((i) => r.hits[i].key === selected));
    order.forEach((i, pos) => {
      const h = r.hits[i];
      const el = document.createElementNS(SVG_NS, 'rect');
      el.setAttribute('x', h.x); el.setAttribute('y', h.y); el.setAttribute('width', Math.max(h.w, 1)); el.setAttribute('height', Math.max(h.h, 1));
      el.setAttribute('class', 'hit'); el.setAttribute('role', 'button');
      el.setAttribute('tabindex', pos === current ? '0' : '-1');
      el.setAttribute('aria-label', h.label);
      el.setAttribute('aria-pressed', String(h.key === selected));
      el.dataset.key = h.key;
      const show = () => showTip(el, h.label);
      el.addEventListener('mouseenter', show);
      el.addEventListener('focus', () => { current = pos; rects.forEach((x, j) => x.setAttribute('tabindex', j === pos ? '0' : '-1')); show(); });
      el.addEventListener('mouseleave', hideTip); el.addEventListener('blur', hideTip);
      el.addEventListener('click', () => toggleRegion(h.key));
      el.addEventListener('keydown', (e) => {
        if (state.presenting) return;
        let next = null;
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggleRegion(h.key); return; }
        if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(pos + 1, rects.length - 1);
        else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(pos - 1, 0);
        else if (e.key === 'Home') next = 0;
        else if (e.key === 'End') next = rects.length - 1;
        if (next !== null) { e.preventDefault(); rects[next].focus(); }
      });
      rects.push(el);
      layer.appendChild(el);
    });
    return layer;
  }

  function toggleRegion(key) {
    const cur = new URLSearchParams(currentCore()).get('region');
    setKey('region', cur === key ? '' : key);
  }

  // The tooltip is fixed to the window (one element for every chart), placed beside the target.
  let tipTarget = null;
  function showTip(el, text) {
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
  function hideTip() { $('tooltip').hidden = true; }

  function renderTable(container, table, caption) {
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
      row.forEach((v, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        if (typeof v === 'number') cell.className = 'num';
        cell.textContent = formatCell(v, table.columns[i]);
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

  function fillList(ul, items) {
    ul.textContent = '';
    for (const n of items || []) { const li = document.createElement('li'); li.textContent = n; ul.appendChild(li); }
  }

  // A report's sections (when the core returns `sections`): each a figure with its own table and exports.
  // A report's sections: given by the core as `sections`, or listed in its data (`data.sections`
  // with each figure's view description), then drawn one by one so each has its own chart, table
  // and exports.
  function sectionsOf(r) {
    if (Array.isArray(r.sections)) return r.sections;
    const listed = r.data && Array.isArray(r.data.sections) ? r.data.sections : null;
    if (!listed) return null;
    return listed.map((s) => {
      if (s.available !== false && s.spec) {
        try { return Object.assign(state.explorer.render(s.spec), { label: s.label }); } catch (e) { /* shown as unavailable */ }
      }
      return { label: s.label, title: s.title, reason: s.reason || '', spec: s.spec, table: null, notes: [] };
    });
  }

  function renderSections(r, sections) {
    const box = $('sections');
    box.textContent = '';
    sections = sections || [];
    if (sections.length) {
      const head = document.createElement('div');
      head.className = 'report-head';
      const h = document.createElement('h2');
      h.textContent = r.title || '';
      head.appendChild(h);
      for (const text of [r.subtitle, r.summary]) {
        if (!text) continue;
        const p = document.createElement('p'); p.textContent = text; head.appendChild(p);
      }
      box.appendChild(head);
    }
    box.hidden = sections.length === 0;
    sections.forEach((s, i) => {
      const sec = document.createElement('section');
      sec.className = 'report-section';
      const h = document.createElement('h3');
      h.id = `s${i}-h`;
      const title = s.title || s.view || '';
      if (s.label) {
        h.textContent = s.label;
        // A chart carries its own title: on screen the heading shows the figure's number only.
        const rest = document.createElement('span');
        rest.textContent = (s.label && title ? '. ' : '') + title;
        if (s.svg) rest.className = 'sr-only';
        h.appendChild(rest);
      } else {
        h.textContent = title;
        if (s.svg) h.className = 'sr-only';
      }
      sec.setAttribute('aria-labelledby', h.id);
      sec.appendChild(h);
      if (s.reason) { const p = document.createElement('p'); p.className = 'reading unavailable'; p.textContent = t('unavailable', { reason: s.reason }); sec.appendChild(p); }
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
      const hasTable = s.table && s.table.columns && s.table.columns.length;
      if (hasTable) {
        const wrap = document.createElement('div');
        if (s.svg) {
          const det = document.createElement('details');
          const sum = document.createElement('summary');
          sum.textContent = t('section-table');
          det.appendChild(sum); det.appendChild(wrap); sec.appendChild(det);
        } else sec.appendChild(wrap);
        renderTable(wrap, s.table, s.title || '');
      }
      const acts = document.createElement('div');
      acts.className = 'actions section-actions';
      acts.setAttribute('role', 'group');
      acts.setAttribute('aria-label', `${t('actions')}: ${s.title || ''}`);
      const add = (key, fn, ok) => { if (!ok) return; const b = document.createElement('button'); b.type = 'button'; b.textContent = t(key); b.addEventListener('click', fn); acts.appendChild(b); };
      add('svg', () => exportSvg(s), !!s.svg);
      add('png', () => exportPng(s), !!s.svg);
      add('csv', () => exportCsv(s), hasTable);
      if (acts.children.length) sec.appendChild(acts);
      box.appendChild(sec);
    });
  }

  // ---------------------------------------------------------------- pickers from the catalogue

  function buildViewPicker(view) {
    const sel = $('view');
    const views = state.catalog.slice();
    if (view && !views.some((v) => v.view === view)) views.push({ view, label: view, keys: [] });
    sel.textContent = '';
    for (const v of views) {
      const o = document.createElement('option');
      o.value = v.view; o.textContent = label(v.label);
      sel.appendChild(o);
    }
    sel.value = view;
    $('view-picker').hidden = views.length === 0;
  }

  function keyPicker(k, value) {
    const id = 'key-' + k.key;
    const wrap = document.createElement('label');
    wrap.dataset.key = k.key;
    wrap.htmlFor = id;
    const span = document.createElement('span');
    span.textContent = label(k.label);
    wrap.appendChild(span);
    if (k.choices && k.choices.length) {
      const sel = document.createElement('select');
      sel.id = id;
      // An optional key without a default (e.g. facet=) can also be left out.
      if (k.default === null || k.default === undefined) {
        const none = document.createElement('option');
        none.value = ''; none.textContent = t('none');
        sel.appendChild(none);
      }
      for (const c of k.choices) {
        const o = document.createElement('option');
        o.value = c.value; o.textContent = label(c.label);
        sel.appendChild(o);
      }
      sel.value = value;
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

  // A picker's new value; when the other settings no longer fit it (e.g. a level measure takes a
  // year, not a period), the view falls back to its defaults for them.
  function setPicker(key, value) {
    const p = new URLSearchParams(currentCore());
    if (value === '') p.delete(key); else p.set(key, value);
    const info = state.catalog.find((v) => v.view === p.get('view'));
    const keys = (info && info.keys) || [];
    for (const k of keys) if (!applies(k, keys, p)) p.delete(k.key);
    let spec = enc(p);
    try { state.explorer.render(spec); } catch (e) {
      const keep = new URLSearchParams();
      for (const k of ['view', key, 'region', 'lang', 'k']) if (p.get(k)) keep.set(k, p.get(k));
      try { state.explorer.render(enc(keep)); spec = enc(keep); } catch (e2) { /* show the first error */ }
    }
    writeHash(spec);
  }

  // Whether a key applies under the settings `p` (catalogue `when: [key, values]`, e.g. `year`
  // only for `measure=share`).
  function applies(k, keys, p) {
    if (!Array.isArray(k.when) || k.when.length < 2) return true;
    const [dep, values] = k.when;
    const depKey = keys.find((x) => x.key === dep);
    const v = p.get(dep) ?? (depKey && depKey.default) ?? '';
    return Array.isArray(values) && values.includes(v);
  }

  function buildPickers(r) {
    const p = new URLSearchParams(r.spec);
    const info = state.catalog.find((v) => v.view === r.view);
    const keys = info ? info.keys : [];
    const sig = JSON.stringify([state.lang, state.catalog.map((v) => v.view), r.view, keys]);
    const box = $('keys');
    const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
    if (sig !== state.pickerSig) {
      state.pickerSig = sig;
      buildViewPicker(r.view);
      box.textContent = '';
      for (const k of keys) box.appendChild(keyPicker(k, p.get(k.key) ?? k.default ?? ''));
      if (focused && $(focused)) $(focused).focus();
    } else {
      $('view').value = r.view;
      for (const k of keys.filter((x) => applies(x, keys, p))) {
        const el = $('key-' + k.key);
        if (!el || el === document.activeElement) continue;
        const v = p.get(k.key) ?? k.default ?? '';
        el.value = v;
        if (k.key === 'k') el.dispatchEvent(new Event('input'));
      }
    }
    for (const k of keys) {
      const label = box.querySelector(`[data-key="${k.key}"]`);
      if (label) label.hidden = !applies(k, keys, p);
    }
    const region = p.get('region') || '';
    if (document.activeElement !== $('region')) $('region').value = region;
    $('clear-region').disabled = !region;
    $('region-hint').textContent = region ? t('region-marked', { name: region }) : '';
  }

  // The names the search box offers: every region or series the current view draws.
  function updateNames(r) {
    const names = new Set();
    const add = (hits) => { for (const h of hits || []) if (h.key) names.add(h.key); };
    add(r.hits);
    for (const s of r.shownSections || []) add(s.hits);
    const list = Array.from(names).sort((a, b) => a.localeCompare(b, 'nl'));
    if (list.join('\n') === state.names.join('\n')) return;
    state.names = list;
    const dl = $('regions');
    dl.textContent = '';
    for (const n of list) { const o = document.createElement('option'); o.value = n; dl.appendChild(o); }
  }

  function chooseRegion(text) {
    const name = text.trim();
    if (!name) { setKey('region', ''); return; }
    const match = state.names.find((n) => n.toLowerCase() === name.toLowerCase());
    if (!match) { $('region-hint').textContent = t('region-unknown', { name }); return; }
    $('region').value = match;
    setKey('region', match);
  }

  function switchView(view) {
    const cur = new URLSearchParams(currentCore());
    const info = state.catalog.find((v) => v.view === view);
    const keep = new URLSearchParams();
    keep.set('view', view);
    for (const k of ['region', 'lang']) if (cur.get(k)) keep.set(k, cur.get(k));
    const full = new URLSearchParams(keep);
    const keys = (info && info.keys) || [];
    for (const k of keys) {
      const v = cur.get(k.key);
      if (v !== null && (!k.choices.length || k.choices.some((c) => c.value === v))) full.set(k.key, v);
    }
    for (const k of keys) if (!applies(k, keys, full)) full.delete(k.key);
    // Settings carried over from the previous view may not fit this one: then start from its defaults.
    let spec = enc(full);
    try { state.explorer.render(spec); } catch (e) { spec = enc(keep); }
    writeHash(spec);
  }

  // ---------------------------------------------------------------- the dataset

  // The mapping step (issue 3): when required regional columns are not recognised, offer a select
  // per column of the analysis instead of failing; the core reads the file again with the mapping.
  function describeMapping() {
    const box = $('mapping');
    const m = state.info && state.info.mapping;
    if (!m || m.complete || !Array.isArray(m.targets)) { box.hidden = true; return; }
    const headers = (state.info.columns || []).map((c) => c.name);
    const chosen = {};
    for (const x of [...(m.matched || []), ...(m.suggestions || [])]) if (!(x.column in chosen)) chosen[x.column] = x.header;
    const fields = $('mapping-fields');
    fields.textContent = '';
    m.targets.filter((tg) => tg.required || tg.name in chosen).forEach((tg, i) => {
      const lab = document.createElement('label');
      lab.htmlFor = `map-${i}`;
      lab.textContent = tg.label + (tg.required ? ` (${t('mapping-required')})` : '');
      const sel = document.createElement('select');
      sel.id = `map-${i}`;
      sel.dataset.target = tg.name;
      const none = document.createElement('option');
      none.value = ''; none.textContent = t('mapping-none');
      sel.appendChild(none);
      for (const h of headers) { const o = document.createElement('option'); o.value = h; o.textContent = h; sel.appendChild(o); }
      sel.value = chosen[tg.name] || '';
      lab.appendChild(sel);
      fields.appendChild(lab);
    });
    box.hidden = false;
    // Open it when the file looks regional (two or more required columns recognised or suggested).
    const likely = 4 - (m.required_missing || []).length + (m.suggestions || []).length;
    box.open = likely >= 2;
  }

  function applyMapping() {
    const pairs = [];
    for (const sel of $('mapping-fields').querySelectorAll('select')) if (sel.value) pairs.push([sel.value, sel.dataset.target]);
    try {
      const ex = state.explorer.with_mapping(JSON.stringify(pairs));
      adopt(ex, state.fileName);
      showNewData('view=scatter');
    } catch (err) {
      showError(err);
    }
  }

  function describeDataset() {
    const info = state.info;
    if (!info) return;
    describeMapping();
    let text = `${info.file}: ${info.summary}.`;
    if (info.regional) text += ' ' + t('regions-years', { n: info.regional.regions, years: info.regional.years.join(', ') });
    if (info.notes && info.notes.length) text += ' ' + info.notes.join('. ').replace(/\.\./g, '.') + '.';
    $('dataset').textContent = text;
    const cols = info.columns || [];
    $('columns-box').hidden = cols.length === 0;
    const ul = $('columns');
    ul.textContent = '';
    const roles = info.roles && Array.isArray(info.roles.columns) ? info.roles.columns : [];
    ul.classList.toggle('roles', !info.regional && roles.length > 0);
    if (!info.regional && roles.length) {
      // A tidy table: the detected role of each column, changeable (roles= in the view description).
      roles.forEach((c, i) => {
        const li = document.createElement('li');
        const lab = document.createElement('label');
        lab.htmlFor = `role-${i}`;
        lab.textContent = c.column;
        const sel = document.createElement('select');
        sel.id = `role-${i}`;
        sel.dataset.column = c.column;
        sel.dataset.detected = c.role;
        for (const r of ROLES) {
          const o = document.createElement('option');
          o.value = r; o.textContent = t('role-' + r);
          sel.appendChild(o);
        }
        sel.value = c.role;
        sel.setAttribute('aria-describedby', `role-${i}-why`);
        sel.addEventListener('change', () => setRole(c.column, sel.value, c.role));
        const why = document.createElement('span');
        why.className = 'hint';
        why.id = `role-${i}-why`;
        why.textContent = c.reason || '';
        li.appendChild(lab); li.appendChild(sel); li.appendChild(why);
        ul.appendChild(li);
      });
      if (!state.rolesShown) { $('columns-box').open = true; state.rolesShown = true; }
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

  const ROLES = ['time', 'category', 'percent', 'count', 'n', 'odds_ratio', 'value', 'significance', 'reference', 'ignore'];

  function roleOverrides(spec) {
    const out = new Map();
    for (const item of (new URLSearchParams(spec).get('roles') || '').split(',')) {
      const at = item.lastIndexOf(':');
      if (at > 0) out.set(item.slice(0, at), item.slice(at + 1));
    }
    return out;
  }

  // A changed role redraws the view; when its encoding no longer fits, the table's natural view
  // under the new roles is shown instead.
  function setRole(column, role, detected) {
    const p = new URLSearchParams(currentCore());
    const o = roleOverrides(p.toString());
    if (role === detected) o.delete(column); else o.set(column, role);
    const value = Array.from(o, ([c, r]) => `${c}:${r}`).join(',');
    if (value) p.set('roles', value); else p.delete('roles');
    let spec = enc(p);
    try { state.explorer.render(spec); } catch (e) {
      const keep = new URLSearchParams();
      for (const k of ['roles', 'lang']) if (p.get(k)) keep.set(k, p.get(k));
      spec = enc(keep);
    }
    writeHash(spec);
  }

  function syncRoles(spec) {
    const o = roleOverrides(spec);
    for (const sel of document.querySelectorAll('#columns select[data-column]')) {
      if (sel === document.activeElement) continue;
      sel.value = o.get(sel.dataset.column) || sel.dataset.detected;
    }
  }

  function adopt(explorer, fileName) {
    if (state.explorer && state.explorer !== explorer) { try { state.explorer.free(); } catch (e) { /* already freed */ } }
    state.explorer = explorer;
    state.info = explorer.info();
    try { state.catalog = explorer.views ? explorer.views() : []; } catch (e) { state.catalog = []; }
    state.fileName = fileName || (state.info && state.info.file) || state.fileName;
    state.pickerSig = '';
    state.names = [];
    describeDataset();
  }

  // A new file keeps the chosen view when it can; years and highlighted region follow the file.
  function showNewData(spec) {
    const p = new URLSearchParams(spec === undefined ? currentCore() : spec);
    if (spec === undefined) for (const key of FILE_KEYS) p.delete(key);
    state.rendered = null;
    writeHash(enc(p), true);
    render();
    if (document.documentElement.dataset.state === 'error') {
      const keep = new URLSearchParams();
      if (p.get('lang')) keep.set('lang', p.get('lang'));
      writeHash(enc(keep), true);
      render();
    }
  }

  async function loadFile(file) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      showError(new Error(t('load-error', { file: file.name })));
      return;
    }
    try {
      const ex = wasm_bindgen.Explorer.load(file.name, bytes);
      state.dataParam = null;
      adopt(ex, file.name);
      showNewData();
    } catch (err) {
      showError(err);
    }
  }

  // `data=FILE` in the hash (embeds of a user's figure): the file beside the page, fetched from the
  // same folder only, so the page still requests nothing but its own files.
  async function loadDataParam(name) {
    if (!/^[\w][\w .()-]*\.(csv|tsv|txt|xlsx|json)$/i.test(name)) {
      return new Error(t('data-fetch-error', { file: name, reason: 'naam' }));
    }
    try {
      const res = await fetch(encodeURIComponent(name));
      if (!res.ok) throw new Error(String(res.status));
      const bytes = new Uint8Array(await res.arrayBuffer());
      adopt(wasm_bindgen.Explorer.load(name, bytes), name);
      return null;
    } catch (err) {
      return err && err.kind ? err : new Error(t('data-fetch-error', { file: name, reason: err && err.message }));
    }
  }

  // ---------------------------------------------------------------- render

  function render() {
    if (!state.explorer) return;
    state.drawnHash = location.hash;
    const { core, page } = splitHash();
    state.embed = page.embed;
    document.body.classList.toggle('embed', state.embed);
    let r;
    try {
      r = state.explorer.render(core);
    } catch (err) {
      const lang = new URLSearchParams(core).get('lang');
      if (lang === 'en' || lang === 'nl') { state.lang = lang; applyI18n(); }
      showError(err);
      notifyHeight();
      return;
    }
    showError(null);
    // A chart target with the focus keeps it across the redraw (e.g. after Enter highlights it).
    const active = document.activeElement;
    const focusHit = active && active.classList && active.classList.contains('hit') && active.closest('[data-chart]')
      ? { chart: active.closest('[data-chart]').dataset.chart, key: active.dataset.key } : null;
    const first = state.rendered === null;
    state.rendered = r;
    state.renders += 1;
    const lang = new URLSearchParams(r.spec).get('lang') === 'en' ? 'en' : 'nl';
    if (lang !== state.lang || state.renders === 1) {
      const changed = lang !== state.lang;
      state.lang = lang; state.pickerSig = ''; applyI18n(); describeDataset();
      if (changed && !state.embed) buildGallery();
    }
    const sections = sectionsOf(r);
    r.shownSections = sections;
    const hasChart = !!r.svg;
    // A report is shown as its sections; its one combined drawing is still what SVG/PNG export.
    $('figure').hidden = !!(sections && sections.length) || !hasChart;
    drawChart($('chart'), sections && sections.length ? { ...r, hits: [] } : r, 'c0');
    $('summary').textContent = r.summary || '';
    fillList($('notes'), r.notes);
    if (!$('table').hidden) renderTable($('table'), r.table, r.title);
    renderSections(r, sections);
    $('export-svg').disabled = !hasChart;
    $('export-png').disabled = !hasChart;
    $('export-csv').disabled = !(r.table && r.table.columns && r.table.columns.length);
    if (core !== r.spec) writeHash(r.spec, true);
    state.drawnHash = location.hash;
    if (focusHit) {
      const again = Array.from(document.querySelectorAll(`[data-chart="${focusHit.chart}"] .hit`)).find((h) => h.dataset.key === focusHit.key);
      if (again) again.focus();
    }
    buildPickers(r);
    syncRoles(r.spec);
    updateNames(r);
    $('open-full').href = location.href.split('#')[0] + '#' + r.spec + (state.dataParam ? '&data=' + encodeURIComponent(state.dataParam) : '');
    $('print-meta').textContent = t('print-meta', { file: state.fileName, spec: r.spec });
    if (!$('embed-box').hidden) fillEmbed();
    if (state.presenting) { updatePresentBar(); layoutPresentation(); }
    if (!first) announce(t('chart-updated', { title: r.title }));
    if (state.firstChartMs === null) { performance.mark('bv-chart-drawn'); state.firstChartMs = performance.now(); }
    document.documentElement.dataset.state = 'ready';
    notifyHeight();
  }

  // An embed tells the page around it how tall it is, so the iframe can size itself.
  let lastHeight = -1;
  function notifyHeight() {
    if (window.parent === window) return;
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ type: 'banenverkenner:height', height }, '*');
  }

  // ---------------------------------------------------------------- export

  function download(name, type, content) {
    const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url; a.download = name; a.hidden = true;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  function baseName(r) {
    const p = new URLSearchParams(r.spec || '');
    const parts = ['banenverkenner', r.view || 'grafiek'];
    for (const k of ['subgroup', 'measure', 'from', 'to', 'year']) if (p.get(k)) parts.push(p.get(k));
    return parts.join('-').replace(/[^\w.-]+/g, '_');
  }

  function exportSvg(r) {
    const svg = r.svg.startsWith('<?xml') ? r.svg : '<?xml version="1.0" encoding="UTF-8"?>\n' + r.svg;
    download(baseName(r) + '.svg', 'image/svg+xml', svg);
  }
  function exportCsv(r) { download(baseName(r) + '.csv', 'text/csv;charset=utf-8', csvOf(r.table, state.lang)); }

  // PNG at twice the drawing's size, for slides and documents.
  function exportPng(r) {
    const img = new Image();
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = r.width * 2; c.height = r.height * 2;
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(img, 0, 0, c.width, c.height);
      c.toBlob((b) => download(baseName(r) + '.png', 'image/png', b), 'image/png');
    };
    img.onerror = () => showError(new Error('PNG kon niet worden gemaakt.'));
    let svg = r.svg;
    // Give the image an explicit size so it rasterises at 2x, not at its own pixel size.
    svg = svg.replace(/<svg\b([^>]*)>/, (m, attrs) => {
      let a = attrs.replace(/\s(width|height)="[^"]*"/g, '');
      if (!/viewBox=/.test(a)) a += ` viewBox="0 0 ${r.width} ${r.height}"`;
      return `<svg${a} width="${r.width * 2}" height="${r.height * 2}">`;
    });
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  }

  async function copyText(text, source) {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      say(t('copied'));
    } catch (e) {
      if (source) { source.focus(); source.select(); }
      try { say(document.execCommand('copy') ? t('copied') : t('copy-failed')); } catch (e2) { say(t('copy-failed')); }
    }
  }

  // ---------------------------------------------------------------- embed

  function escAttr(s) { return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); }

  function embedSnippet() {
    const r = state.rendered;
    let base = location.href.split('#')[0];
    // Embeds point at the served site's index.html (also when made from the single file).
    base = base.replace(/\?.*$/, '').replace(/[^/]*$/, 'index.html');
    const own = state.fileName !== state.defaultFile;
    const src = base + '#embed&' + r.spec + (own ? '&data=' + encodeURIComponent(state.fileName) : '');
    const height = Math.round(r.height + 40);
    return `<iframe src="${escAttr(src)}" title="${escAttr(r.title)}" data-file="${escAttr(state.fileName)}" width="100%" height="${height}" style="border:0;max-width:${r.width}px" loading="lazy"></iframe>\n` +
      '<script>addEventListener("message",function(e){if(!e.data||e.data.type!=="banenverkenner:height")return;' +
      'document.querySelectorAll("iframe[data-file]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px";});});</' + 'script>';
  }
  function fillEmbed() {
    $('embed-code').value = embedSnippet();
    const own = state.fileName !== state.defaultFile;
    $('embed-help').textContent = own ? t('embed-help-file', { file: state.fileName }) + ' ' + t('embed-help-default') : t('embed-help-default');
  }

  // ---------------------------------------------------------------- presentation

  // The figures to step through: the report's sections when the core has a report, else each view
  // of the catalogue (one per subgroup where a view has subgroups), in the catalogue's order.
  function slideSpecs() {
    const cur = new URLSearchParams(currentCore());
    const withCommon = (p) => { for (const k of ['region', 'lang', 'k']) if (cur.get(k)) p.set(k, cur.get(k)); return enc(p); };
    if (state.catalog.some((v) => v.view === 'report')) {
      try {
        const rep = state.explorer.render(withCommon(new URLSearchParams('view=report')));
        const listed = rep.sections || (rep.data && rep.data.sections) || [];
        const specs = listed.filter((s) => s.available !== false).map((s) => s.spec).filter(Boolean);
        if (specs.length) return specs;
      } catch (e) { /* fall back to the catalogue */ }
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
    for (const [k, v] of pb) if (!['region', 'lang', 'k'].includes(k) && pa.get(k) !== v) return false;
    return true;
  }

  function enterPresentation() {
    if (!state.rendered) return;
    // Each figure in its complete form (as the hash will show it); figures this file cannot draw are left out.
    state.slides = slideSpecs().map((spec) => { try { return state.explorer.render(spec).spec; } catch (e) { return null; } }).filter(Boolean);
    const onReport = !!state.rendered.shownSections;
    const here = state.slides.findIndex((s) => sameView(state.rendered.spec, s));
    // From the report the figures start at the first; from a view not in the list it comes first.
    if (here < 0 && !onReport) state.slides.unshift(state.rendered.spec);
    state.slide = Math.max(0, here);
    state.presenting = true;
    document.body.classList.add('presenting');
    $('present-bar').hidden = false;
    hideTip();
    const el = document.documentElement;
    if (el.requestFullscreen && document.fullscreenEnabled) el.requestFullscreen().catch(() => { /* not allowed here: stay in the window */ });
    if (!sameView(state.rendered.spec, state.slides[state.slide] || '')) goToSlide(state.slide);
    updatePresentBar();
    layoutPresentation();
    $('present-next').focus();
  }

  function leavePresentation() {
    if (!state.presenting) return;
    state.presenting = false;
    document.body.classList.remove('presenting');
    $('present-bar').hidden = true;
    layoutPresentation();
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
    $('present').focus();
  }

  function goToSlide(i) {
    if (!state.slides.length) return;
    state.slide = Math.max(0, Math.min(state.slides.length - 1, i));
    writeHash(state.slides[state.slide]);
    updatePresentBar();
  }

  // On a screen the figure and its reading share the height: the chart gets what the text leaves.
  function layoutPresentation() {
    const chart = $('chart');
    if (!state.presenting || !state.rendered || !state.rendered.svg) { chart.style.width = ''; return; }
    const r = state.rendered;
    const bar = $('present-bar').getBoundingClientRect().height;
    const text = $('summary').getBoundingClientRect().height + $('notes').getBoundingClientRect().height;
    const room = Math.max(200, window.innerHeight - bar - text - 56);
    const width = Math.min($('figure').getBoundingClientRect().width, room * (r.width / r.height));
    chart.style.width = `${Math.floor(width)}px`;
    window.scrollTo(0, 0);
  }

  function updatePresentBar() {
    const n = state.slides.length;
    $('present-count').textContent = t('slide', { i: state.slide + 1, n });
    $('present-prev').disabled = state.slide === 0;
    $('present-next').disabled = state.slide >= n - 1;
  }

  function presentKeys(e) {
    if (!state.presenting) return;
    const k = e.key;
    if (k === 'Escape') { e.preventDefault(); leavePresentation(); }
    else if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown') { e.preventDefault(); goToSlide(state.slide + 1); }
    else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp') { e.preventDefault(); goToSlide(state.slide - 1); }
    else if (k === 'Home') { e.preventDefault(); goToSlide(0); }
    else if (k === 'End') { e.preventDefault(); goToSlide(state.slides.length - 1); }
  }

  // ---------------------------------------------------------------- gallery (bundled example tables)

  // The core's list of examples (`examples()`) and how to open one (`Explorer.example(file)`, or
  // `load_example(name)`), whichever this build exports.
  function galleryApi() {
    const E = wasm_bindgen.Explorer;
    const list = typeof E.examples === 'function' ? E.examples : (typeof wasm_bindgen.examples === 'function' ? wasm_bindgen.examples : null);
    let load = null;
    if (typeof E.example === 'function') load = (ex) => E.example(ex.file);
    else if (typeof E.load_example === 'function') load = (ex) => E.load_example(ex.name);
    else if (typeof wasm_bindgen.load_example === 'function') load = (ex) => wasm_bindgen.load_example(ex.name);
    return list && load ? { list, load } : null;
  }

  function buildGallery() {
    const api = galleryApi();
    if (!api) return;
    const list = api.list;
    let items;
    try { items = list(); } catch (e) { return; }
    if (!Array.isArray(items) || !items.length) return;
    // The built-in regional data is the first example: the way back after opening another.
    if (!items.some((x) => x.file === state.defaultFile)) {
      items = [{ name: t('gallery-default'), file: state.defaultFile, explanation: t('gallery-default-text'), source: '', builtin: true }, ...items];
    }
    const ul = $('gallery-list');
    ul.textContent = '';
    items.forEach((ex, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.id = `example-${i}`;
      b.className = 'example';
      b.textContent = ex.name;
      b.setAttribute('aria-describedby', `example-${i}-d`);
      const d = document.createElement('p');
      d.id = `example-${i}-d`;
      d.textContent = [ex.explanation, ex.source].filter(Boolean).join(' ');
      b.addEventListener('click', () => {
        try {
          const explorer = ex.builtin ? new wasm_bindgen.Explorer() : api.load(ex);
          state.dataParam = null;
          adopt(explorer, ex.file || ex.name);
          showNewData(ex.spec || ex.view || '');
          $('figure').focus();
        } catch (err) { showError(err); }
      });
      li.appendChild(b); li.appendChild(d);
      ul.appendChild(li);
    });
    $('gallery').hidden = false;
  }

  // ---------------------------------------------------------------- wiring

  function wire() {
    $('mapping-apply').addEventListener('click', applyMapping);
    // Links, the address bar and Back/Forward change the hash; the page's own changes are drawn already.
    window.addEventListener('hashchange', () => { if (location.hash !== state.drawnHash) render(); });
    $('file').addEventListener('change', (e) => { if (e.target.files[0]) loadFile(e.target.files[0]); });
    const drop = $('drop');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) loadFile(e.dataTransfer.files[0]); });
    $('view').addEventListener('change', (e) => switchView(e.target.value));
    $('region').addEventListener('change', (e) => chooseRegion(e.target.value));
    $('region').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); chooseRegion(e.target.value); } });
    $('clear-region').addEventListener('click', () => { setKey('region', ''); $('region').value = ''; $('region').focus(); });
    $('lang-toggle').addEventListener('click', () => setKey('lang', state.lang === 'en' ? '' : 'en'));
    $('toggle-table').addEventListener('click', (e) => {
      const open = $('table').hidden;
      $('table').hidden = !open;
      e.currentTarget.setAttribute('aria-expanded', String(open));
      if (open && state.rendered) renderTable($('table'), state.rendered.table, state.rendered.title);
    });
    $('export-svg').addEventListener('click', () => exportSvg(state.rendered));
    $('export-csv').addEventListener('click', () => exportCsv(state.rendered));
    $('export-png').addEventListener('click', () => exportPng(state.rendered));
    $('copy-link').addEventListener('click', () => copyText(location.href));
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
    if (window.ResizeObserver) new ResizeObserver(() => notifyHeight()).observe(document.body);
    window.addEventListener('resize', layoutPresentation);
    // The tooltip is fixed to the window: on scrolling it follows a focused target, else it goes.
    window.addEventListener('scroll', () => {
      if ($('tooltip').hidden) return;
      // It follows a focused target, or one the pointer is still over (scrolling into view).
      if (tipTarget && tipTarget.isConnected && (tipTarget === document.activeElement || tipTarget.matches(':hover'))) showTip(tipTarget, $('tooltip').textContent);
      else hideTip();
    }, { passive: true });
  }

  async function start() {
    try {
      const { page, core } = splitHash();
      state.embed = page.embed;
      document.body.classList.toggle('embed', state.embed);
      const lang = new URLSearchParams(core).get('lang');
      if (lang === 'en') state.lang = 'en';
      applyI18n();
      if (window.BV_WASM_BASE64) {
        // The single-file build: the wasm is inlined, so nothing is fetched (works from file://).
        const bin = Uint8Array.from(atob(window.BV_WASM_BASE64), (c) => c.charCodeAt(0));
        wasm_bindgen.initSync({ module: bin });
      } else {
        await wasm_bindgen({ module_or_path: 'pkg/banenverkenner_bg.wasm' });
      }
      performance.mark('bv-wasm-ready');
      $('version').textContent = wasm_bindgen.version();
      wire();
      let dataError = null;
      if (page.data) { state.dataParam = page.data; dataError = await loadDataParam(page.data); }
      if (!page.data || dataError) {
        const ex = new wasm_bindgen.Explorer();
        adopt(ex, null);
        state.defaultFile = state.info.file;
        state.fileName = state.info.file;
      }
      performance.mark('bv-data-ready');
      // The gallery comes first so that nothing moves once the chart is drawn.
      if (!state.embed) buildGallery();
      render();
      if (dataError) showError(dataError);
    } catch (err) {
      showError(err);
    }
  }
  start();
})();
