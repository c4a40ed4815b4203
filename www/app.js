// Banenverkenner page: wires the DOM to the wasm core. All numbers, charts and texts come from
// Rust; this file only reads files locally, keeps the URL hash in step and shows what it gets.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { explorer: null, info: null, rendered: null, fileName: 'regions.csv', firstChartMs: null };
  window.bv = state; // for tests and the console

  const VIEW_KEYS = { scatter: ['subgroup', 'from', 'to', 'k'] };

  function showError(err) {
    const box = $('error');
    if (!err) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = (err && err.message) ? err.message : String(err);
    document.documentElement.dataset.state = 'error';
  }

  function currentSpec() {
    return decodeURIComponent(location.hash.replace(/^#/, '')) === '' ? '' : location.hash.replace(/^#/, '');
  }

  function params(spec) {
    return new URLSearchParams(spec.replace(/^#/, ''));
  }

  function setOptions(select, values, selected) {
    select.textContent = '';
    for (const v of values) {
      const o = document.createElement('option');
      o.value = String(v); o.textContent = String(v);
      if (String(v) === String(selected)) o.selected = true;
      select.appendChild(o);
    }
  }

  function describeDataset() {
    const info = state.info;
    let text = `${info.file}: ${info.summary}.`;
    if (info.regional) text += ` ${info.regional.regions} regio's, jaren ${info.regional.years.join(', ')}.`;
    if (info.notes.length) text += ' ' + info.notes.join('. ') + '.';
    $('dataset').textContent = text;
    const years = info.regional ? info.regional.years : [];
    setOptions($('from'), years.slice(0, -1), years[0]);
    setOptions($('to'), years.slice(1), years[years.length - 1]);
    const dl = $('regions');
    dl.textContent = '';
    const regions = state.rendered && state.rendered.data && state.rendered.data.points ? state.rendered.data.points.map((p) => p.region) : [];
    for (const r of regions) { const o = document.createElement('option'); o.value = r; dl.appendChild(o); }
  }

  function syncPickers(spec) {
    const p = params(spec);
    const view = p.get('view') || 'scatter';
    $('view').value = view;
    const keys = VIEW_KEYS[view] || [];
    for (const label of document.querySelectorAll('.pickers [data-key]')) {
      label.hidden = !keys.includes(label.dataset.key);
    }
    for (const key of ['subgroup', 'from', 'to']) if (p.get(key)) $(key).value = p.get(key);
    const k = p.get('k') || '1';
    $('k').value = k; $('k-out').textContent = k.replace('.', ',');
    $('region').value = p.get('region') || '';
  }

  function renderTable(t) {
    const wrap = $('table');
    wrap.textContent = '';
    const table = document.createElement('table');
    const cap = document.createElement('caption');
    cap.textContent = state.rendered.title;
    table.appendChild(cap);
    const head = table.createTHead().insertRow();
    for (const c of t.columns) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = c; head.appendChild(th); }
    const body = table.createTBody();
    for (const row of t.rows) {
      const tr = body.insertRow();
      row.forEach((v, i) => {
        const cell = i === 0 ? document.createElement('th') : document.createElement('td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = formatCell(v);
        tr.appendChild(cell);
      });
    }
    wrap.appendChild(table);
  }

  function formatCell(v) {
    if (v === null || v === undefined) return 'onbekend';
    if (typeof v === 'number') return v.toLocaleString('nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(v) ? 0 : 2 });
    return String(v);
  }

  function addHits(svgRoot, hits) {
    const ns = 'http://www.w3.org/2000/svg';
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('class', 'hits');
    for (const h of hits) {
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', h.x); r.setAttribute('y', h.y); r.setAttribute('width', h.w); r.setAttribute('height', h.h);
      r.setAttribute('class', 'hit'); r.setAttribute('tabindex', '0'); r.setAttribute('role', 'img');
      r.setAttribute('aria-label', h.label);
      r.dataset.key = h.key;
      const show = () => showTip(r, h.label);
      r.addEventListener('mouseenter', show); r.addEventListener('focus', show);
      r.addEventListener('mouseleave', hideTip); r.addEventListener('blur', hideTip);
      r.addEventListener('click', () => setKey('region', h.key));
      r.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setKey('region', h.key); } });
      g.appendChild(r);
    }
    svgRoot.appendChild(g);
  }

  function showTip(el, text) {
    const tip = $('tooltip');
    const box = el.getBoundingClientRect();
    const fig = $('figure').getBoundingClientRect();
    tip.textContent = text; tip.hidden = false;
    tip.style.left = `${Math.min(box.right - fig.left + 6, fig.width - 240)}px`;
    tip.style.top = `${box.top - fig.top - 30}px`;
  }
  function hideTip() { $('tooltip').hidden = true; }

  function render() {
    if (!state.explorer) return;
    const spec = currentSpec();
    let r;
    try {
      r = state.explorer.render(spec);
    } catch (err) {
      showError(err);
      return;
    }
    showError(null);
    state.rendered = r;
    const chart = $('chart');
    chart.innerHTML = r.svg;
    const svg = chart.querySelector('svg');
    if (svg) {
      svg.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
      svg.removeAttribute('width'); svg.removeAttribute('height');
      addHits(svg, r.hits);
    }
    $('summary').textContent = r.summary;
    const notes = $('notes');
    notes.textContent = '';
    for (const n of r.notes) { const li = document.createElement('li'); li.textContent = n; notes.appendChild(li); }
    if (!$('table').hidden) renderTable(r.table);
    if (spec !== r.spec) history.replaceState(null, '', '#' + r.spec);
    syncPickers(r.spec);
    describeDataset();
    if (state.firstChartMs === null) { performance.mark('bv-chart-drawn'); state.firstChartMs = performance.now(); }
    document.documentElement.dataset.state = 'ready';
    notifyHeight();
  }

  function setKey(key, value) {
    const p = params(state.rendered ? state.rendered.spec : currentSpec());
    if (value === '' || value === null) p.delete(key); else p.set(key, value);
    location.hash = p.toString().replace(/\+/g, '%20');
  }

  function notifyHeight() {
    if (window.parent !== window) {
      window.parent.postMessage({ type: 'banenverkenner:height', height: document.documentElement.scrollHeight }, '*');
    }
  }

  async function loadFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const ex = wasm_bindgen.Explorer.load(file.name, bytes);
      if (state.explorer) state.explorer.free();
      state.explorer = ex;
      state.info = ex.info();
      state.fileName = file.name;
      // Keep the chosen view, but let years and the highlighted region follow the new file.
      const p = params(currentSpec());
      for (const key of ['from', 'to', 'year', 'region']) p.delete(key);
      history.replaceState(null, '', '#' + p.toString());
      render();
      if (document.documentElement.dataset.state === 'error') {
        // The view does not fit this file: fall back to the file's natural view.
        history.replaceState(null, '', '#');
        render();
      }
    } catch (err) {
      showError(err);
    }
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function baseName() {
    const v = state.rendered ? state.rendered.view : 'grafiek';
    return `banenverkenner-${v}`;
  }

  function csvOf(t) {
    const inert = (s) => (/^[=+\-@\t\r]/.test(s) ? "'" + s : s);
    const cell = (v) => {
      let s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : inert(String(v));
      if (/[";\n]/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
      return s;
    };
    const lines = [t.columns.map(cell).join(';'), ...t.rows.map((r) => r.map(cell).join(';'))];
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }

  function exportPng() {
    const r = state.rendered;
    const img = new Image();
    const url = URL.createObjectURL(new Blob([r.svg], { type: 'image/svg+xml' }));
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = r.width * 2; c.height = r.height * 2;
      const ctx = c.getContext('2d');
      ctx.scale(2, 2); ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      c.toBlob((b) => download(baseName() + '.png', 'image/png', b), 'image/png');
    };
    img.src = url;
  }

  function wire() {
    window.addEventListener('hashchange', render);
    $('file').addEventListener('change', (e) => { if (e.target.files[0]) loadFile(e.target.files[0]); });
    const drop = $('drop');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) loadFile(e.dataTransfer.files[0]); });
    $('view').addEventListener('change', (e) => { location.hash = 'view=' + e.target.value; });
    for (const key of ['subgroup', 'from', 'to']) $(key).addEventListener('change', (e) => setKey(key, e.target.value));
    $('k').addEventListener('input', (e) => { $('k-out').textContent = e.target.value.replace('.', ','); });
    $('k').addEventListener('change', (e) => setKey('k', e.target.value === '1' ? '' : e.target.value));
    $('region').addEventListener('change', (e) => setKey('region', e.target.value.trim()));
    $('clear-region').addEventListener('click', () => setKey('region', ''));
    $('toggle-table').addEventListener('click', (e) => {
      const open = $('table').hidden;
      $('table').hidden = !open;
      e.target.setAttribute('aria-expanded', String(open));
      if (open && state.rendered) renderTable(state.rendered.table);
    });
    $('export-svg').addEventListener('click', () => download(baseName() + '.svg', 'image/svg+xml', state.rendered.svg));
    $('export-csv').addEventListener('click', () => download(baseName() + '.csv', 'text/csv;charset=utf-8', csvOf(state.rendered.table)));
    $('export-png').addEventListener('click', exportPng);
    $('copy-link').addEventListener('click', () => { if (navigator.clipboard) navigator.clipboard.writeText(location.href); });
  }

  async function start() {
    try {
      if (window.BV_WASM_BASE64) {
        // The single-file build: the wasm is inlined, so nothing is fetched (works from file://).
        const bin = Uint8Array.from(atob(window.BV_WASM_BASE64), (c) => c.charCodeAt(0));
        wasm_bindgen.initSync({ module: bin });
      } else {
        await wasm_bindgen({ module_or_path: 'pkg/banenverkenner_bg.wasm' });
      }
      performance.mark('bv-wasm-ready');
      $('version').textContent = wasm_bindgen.version();
      if (params(currentSpec()).has('embed')) document.body.classList.add('embed');
      state.explorer = new wasm_bindgen.Explorer();
      state.info = state.explorer.info();
      performance.mark('bv-data-ready');
      wire();
      render();
    } catch (err) {
      showError(err);
    }
  }
  start();
})();
