// The core in a Web Worker: reads files (in chunks, posting progress in bytes), parses them and
// renders views with the wasm `Explorer`, so the page never waits on it. One dataset at a time:
// a failed load keeps the previous one. Classic worker script: the build puts the wasm-bindgen
// glue (`--target no-modules`, global `wasm_bindgen`) in front of it.
'use strict';
/* global wasm_bindgen */
let explorer = null;
let queue = Promise.resolve();
const CHUNK = 4 * 1024 * 1024;

function errorOf(e) {
  const trap = e instanceof WebAssembly.RuntimeError;
  return {
    message: e && e.message ? String(e.message) : String(e),
    message_en: e && e.message_en ? String(e.message_en) : null, // the core's English text
    kind: e && e.kind ? e.kind : (trap ? 'trap' : 'error'),
    location: e && e.location ? e.location : null,
    edition: e && e.edition ? e.edition : null,
    trap,
  };
}

// Reads a File in chunks straight into the core's memory (no second copy of the whole file in
// the worker), telling the page how far it is.
async function readFileIntoCore(id, file, slow) {
  const total = file.size;
  const buf = new wasm_bindgen.FileBytes(total);
  try {
    for (let at = 0; at < total; at += CHUNK) {
      const part = new Uint8Array(await file.slice(at, Math.min(total, at + CHUNK)).arrayBuffer());
      buf.push(part);
      postMessage({ id, progress: { loaded: at + part.length, total } });
      if (slow) await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (e) { buf.free(); throw e; }
  return buf;
}

// Fetches a same-origin file (the page checked the address), with progress when the size is known.
async function fetchFile(id, url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(String(res.status));
  const total = Number(res.headers.get('content-length')) || 0;
  if (!res.body || !total) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.length;
    postMessage({ id, progress: { loaded, total } });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) { bytes.set(p, at); at += p.length; }
  return bytes;
}

function described(ex) {
  let catalog = [];
  try { catalog = ex.views(); } catch (e) { catalog = []; }
  // The file line and notes in both languages: the page can switch after loading.
  return { info: ex.info(), infoEn: ex.info_in('en'), catalog };
}

function adopt(ex) {
  if (explorer && explorer !== ex) { try { explorer.free(); } catch (e) { /* already gone */ } }
  explorer = ex;
  return described(ex);
}

function needData() {
  if (!explorer) throw Object.assign(new Error('Er zijn geen gegevens geladen.'), { kind: 'not_available', message_en: 'No data has been loaded.' });
  return explorer;
}

const ops = {
  async init({ wasmBase64, url }) {
    if (wasmBase64) {
      const bin = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
      wasm_bindgen.initSync({ module: bin });
    } else {
      await wasm_bindgen({ module_or_path: url });
    }
    let examples = [];
    try { examples = wasm_bindgen.examples(); } catch (e) { examples = []; }
    return { version: wasm_bindgen.version(), examples };
  },
  // Opens a dataset: the built-in data, an example, a File, bytes (from a link) or a same-origin
  // address; then the user's column mapping, when the source has one. Replaces the current
  // dataset only when all of it worked.
  async open({ source, slow }, id) {
    const E = wasm_bindgen.Explorer;
    let ex;
    if (source.kind === 'default') ex = new E();
    else if (source.kind === 'example') ex = E.example(source.file);
    else if (source.kind === 'file') {
      const buf = await readFileIntoCore(id, source.file, slow);
      postMessage({ id, progress: { loaded: 0, total: source.file.size, parsing: true } });
      ex = E.load_file(source.name, buf, (loaded, total) => {
        postMessage({ id, progress: { loaded, total, parsing: true } });
      });
    } else {
      let bytes;
      if (source.kind === 'url') {
        try { bytes = await fetchFile(id, source.url); } catch (e) {
          throw Object.assign(new Error(e.message), { kind: 'fetch' });
        }
      } else bytes = source.bytes;
      postMessage({ id, progress: { loaded: 0, total: bytes.length, parsing: true } });
      // The core reports how far it has read the text (CSV), about once per percent.
      ex = E.load_with_progress(source.name, bytes, (loaded, total) => {
        postMessage({ id, progress: { loaded, total, parsing: true } });
      });
    }
    if (source.mapping) {
      const mapped = ex.with_mapping(JSON.stringify(source.mapping));
      ex.free();
      ex = mapped;
    }
    return adopt(ex);
  },
  render({ spec }) { return needData().render(spec); },
  // Map boundaries of one edition, loaded only when a map asks for them.
  boundaries({ edition, bytes }) { needData().set_boundaries(edition, bytes); return true; },
  csv({ spec }) { return needData().csv(spec); },
  sectionCsv({ spec, index }) { return needData().section_csv(spec, index); },
  json({ spec }) { return needData().json(spec); },
  roles({ lang }) { return wasm_bindgen.Explorer.roles(lang); },
  trap() { needData().__trap('trap'); return null; },
};

self.onmessage = (e) => {
  const { id, op, args } = e.data;
  // One request at a time, in the order they came: a render never sees a half-loaded dataset.
  queue = queue.then(async () => {
    try {
      const value = await ops[op](args || {}, id);
      postMessage({ id, ok: true, value });
    } catch (err) {
      postMessage({ id, ok: false, error: errorOf(err) });
    }
  });
};
