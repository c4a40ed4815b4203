// The core in a Web Worker: hands files to the core a piece at a time (it posts progress), and
// renders views with the wasm `Explorer`, so the page never waits on it. One dataset at a time:
// a failed load keeps the previous one. Classic worker script: the build puts the wasm-bindgen
// glue of both cores (`--target no-modules`) in front of it.
//
// Two cores: the first (global `bv_first`, small) has the built-in data and its first view, so
// the page is interactive at once; the full core (global `wasm_bindgen`) does everything and is
// loaded when something asks for it (a file, an example, another view, an export) or, on the
// full page, soon after start. Once loaded it takes over for good.
'use strict';
/* global wasm_bindgen, bv_first */
let explorer = null;
let queue = Promise.resolve();
let full = false; // whether `explorer` (and every later one) lives in the full core
let fullSource = null; // how to get the full core: { url } or { wasmBase64 }
let fullReady = null; // the full core's instantiation, once started
const HEAD = 64 * 1024; // the bytes that tell a file's format
const ASIDE_FROM = 8 << 20; // files from this size on get the full core warmed up beside them
const PROGRESS_MS = 100; // a file's progress is posted at most this often (10 times a second)
let asked = 0; // requests in the queue (received and not yet answered)
let opened = false; // whether a file or example was asked for (the warm-up then ends)
let warming = null; // the warm-up, once started
let warmWhenIn = false; // the full page: warm the full core up as soon as it is in
let warmedUp = false; // whether the warm-up ran to its end
let fullModule = null; // the full core's compiled module (shared with a worker warming it up)
let aside = null; // that worker, while it runs
let spare = null; // a second worker with the full core in, waiting to read part of a large file
let ownSrc = null; // this worker's code, when it came from an address the page let go of
let ownUrl = null; // an address of that code for the workers it starts
const whenIdle = []; // the warm-up, waiting for the queue to be empty (or a file)
const yielder = new MessageChannel(); // a task boundary without the timers' 4 ms clamp
const yielded = [];
yielder.port1.onmessage = () => { const resolve = yielded.shift(); if (resolve) resolve(); };
const nextTask = () => new Promise((resolve) => { yielded.push(resolve); yielder.port2.postMessage(null); });
// Whether a progress message is due: at most every PROGRESS_MS (each costs the page a task and
// a repaint, taken from the cores that read the file), or now when `now` says so.
function everyProgress() {
  let last = -Infinity;
  return (now = false) => {
    const t = performance.now();
    if (!now && t - last < PROGRESS_MS) return false;
    last = t;
    return true;
  };
}

// Warms the full core up while the page is idle (the core's `WarmUp`: a made-up file read,
// described and drawn, so the engine has compiled the fast code before the user's file comes).
// The full page does it once the full core is in; an embed only when asked (`fullCore`).
// One short step per task; it waits while requests are answered (a request waits on one step
// at most) and ends for good when a file comes, whose reading warms the core up itself.
function warmUp() {
  // A task boundary (requests that came in are counted), then, while requests are in the
  // queue, until it is empty.
  const idle = async () => {
    for (;;) {
      await nextTask();
      if (!asked || opened) return;
      await new Promise((resolve) => whenIdle.push(resolve));
    }
  };
  if (!warming) {
    warming = (async () => {
      const w = new wasm_bindgen.WarmUp();
      const done = { steps: 0, complete: false };
      try {
        for (await idle(); !opened; await idle()) {
          if (!w.step()) { done.complete = !w.failed(); break; }
          done.steps += 1;
        }
      } finally { w.free(); }
      warmedUp = done.complete;
      if (warmedUp) spareWorker();
      return done;
    })().catch(() => ({ steps: 0, complete: false }));
  }
  return warming;
}

function decode(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

// Instantiates the full core (once; a failed attempt may be retried).
function loadFull() {
  if (!fullReady) {
    fullReady = (async () => {
      if (fullSource.wasmBase64) {
        fullModule = new WebAssembly.Module(decode(fullSource.wasmBase64));
        wasm_bindgen.initSync({ module: fullModule });
      } else {
        fullModule = await compiled(fullSource.url);
        await wasm_bindgen({ module_or_path: fullModule });
      }
      // However it came in (in the background, or for a view the first core does not draw),
      // the full page then warms it up (which ends at once when a file asked for it).
      if (warmWhenIn) warmUp();
    })();
    fullReady.catch(() => { fullReady = null; });
  }
  return fullReady;
}

// The module at `url`, compiled as it downloads (or after, when the server does not say it is
// wasm).
async function compiled(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText} (${url})`);
  try {
    return await WebAssembly.compileStreaming(res.clone());
  } catch (e) {
    if (res.headers.get('Content-Type') === 'application/wasm') throw e;
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

// A large file that comes before the full core was warmed up (the page just opened): a second
// worker warms a second instance of the same module up on the made-up file while this one
// reads the file. The engine optimises a function's code for the module, not the instance, and
// a call keeps the code it started in: so the describing and drawing code this worker calls
// once the file is read is then optimised already, instead of running its first long call on
// the engine's first, slow code. It ends by itself (the warm-up takes a fraction of the file's
// reading); without nested workers the file is read as before.
function warmAside() {
  if (aside || warmedUp || !fullModule || typeof Worker !== 'function' || !self.location) return;
  try {
    const w = new Worker(nestedUrl());
    const end = () => { w.terminate(); if (aside === w) aside = null; };
    w.onmessage = end;
    w.onerror = end;
    w.postMessage({ id: 0, op: 'warmAside', args: { module: fullModule } });
    aside = w;
  } catch (e) { /* no nested worker here */ }
}

// Where a worker this worker starts gets its code: this worker's own address, or, in the single
// file (this worker came from a Blob address the page let go of at once), an address of its
// code made here and kept.
function nestedUrl() {
  if (!ownSrc) return self.location.href;
  if (!ownUrl) ownUrl = URL.createObjectURL(new Blob([ownSrc], { type: 'text/javascript' }));
  return ownUrl;
}

// Starts the second worker a large file's reading will use (see `split`) ahead of time, the
// full core instantiated in it, so that a file does not wait for it to start (about 0.1 s).
// Where a nested worker cannot start, it says so by an error event: then no file is split.
function spareWorker() {
  if (spare || !fullModule || typeof Worker !== 'function' || !self.location) return;
  try {
    const w = new Worker(nestedUrl());
    spare = { w, failed: false };
    w.onerror = () => { spare.failed = true; };
    w.postMessage({ id: 0, op: 'instantiate', args: { module: fullModule } });
  } catch (e) { spare = null; }
}

// Moves to the full core: the built-in data is opened there again (the first core never holds
// anything else), and the first core's explorer is let go.
async function upgrade() {
  if (full) return;
  try {
    await loadFull();
  } catch (e) {
    throw Object.assign(new Error(`De volledige verkenner kon niet worden geladen: ${e && e.message ? e.message : e}`), {
      kind: 'fetch', message_en: `The full explorer could not be loaded: ${e && e.message ? e.message : e}`,
    });
  }
  if (full) return;
  const again = explorer ? new wasm_bindgen.Explorer() : null;
  full = true;
  if (explorer) { try { explorer.free(); } catch (e) { /* already gone */ } }
  explorer = again;
}

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

// A file's byte stream that gives nothing for this long is given up: the piece is read again
// by itself (`slice().arrayBuffer()`), and a later piece opens a new stream. (Seen in Chromium:
// while two workers read the same file, one stream stopped delivering after a few megabytes.)
const STALL_MS = 5000;

// The result of `p`, or `null` when it takes longer than `ms`.
function within(p, ms) {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(null), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

// Bytes `at` to `at + n` of a file by themselves; an error that says where when they do not come.
async function sliceOf(file, at, n) {
  const bytes = await within(file.slice(at, at + n).arrayBuffer(), 4 * STALL_MS);
  if (bytes) return new Uint8Array(bytes);
  const s = Math.round(4 * STALL_MS / 1000);
  throw Object.assign(new Error(`Het bestand kon niet verder worden gelezen: vanaf byte ${at} kwam er ${s} s niets.`), {
    kind: 'io', message_en: `The file could not be read further: nothing came from byte ${at} on for ${s} s.`,
  });
}

// Reads a file into the core as it asks for it: `reading.want()` gives the next [offset,
// length] (a CSV file is taken twice from the start, a piece at a time, and never held whole).
// A File is read as a byte stream into one buffer that is reused (no garbage piling up), each
// piece awaited, so the worker stays free between pieces; bytes at hand are handed out as views.
// `helper`: a second worker reading the rest of the file (see `split`); when the core waits for
// its rows, they are handed over (or, when none came, the core reads on itself).
// `test` (tests only): `slow`, each piece takes a quarter of a second, so a load can be watched
// and cancelled midway; `stall`, the stream stops delivering once, after its first megabyte.
// Gives the number of stalled streams it read around.
async function readInto(reading, source, test, progress, helper = null) {
  const file = source.kind === 'file' ? source.file : null;
  let stream = null;
  let pos = -1;
  let buf = new ArrayBuffer(0);
  let stall = !!(test && test.stall);
  let stalls = 0;
  try {
    for (let want = reading.want(); ; want = reading.want()) {
      if (!want) {
        if (!helper || !reading.waits()) break;
        const handed = await helper.rows;
        helper.end();
        helper.taken = reading.take_over(handed || new Uint8Array(0), progress);
        helper = null;
        continue;
      }
      const [at, n] = want;
      let piece;
      if (!file) piece = source.bytes.subarray(at, at + n);
      else {
        if (at !== pos || !stream) {
          if (stream) stream.cancel().catch(() => {});
          stream = file.slice(at).stream().getReader({ mode: 'byob' });
          pos = at;
        }
        if (buf.byteLength < n) buf = new ArrayBuffer(n);
        let got = 0;
        while (got < n) {
          const read = stall && pos >= 1 << 20 ? new Promise(() => {}) : stream.read(new Uint8Array(buf, got, n - got));
          const r = await within(read, STALL_MS);
          if (!r) {
            // Stalled: the buffer is with the read that never came back, so the whole piece is
            // read again by itself, and the next piece opens a new stream.
            stall = false;
            stalls += 1;
            stream.cancel().catch(() => {});
            stream = null;
            buf = new ArrayBuffer(0);
            piece = await sliceOf(file, at, n);
            got = piece.length;
            break;
          }
          const { done, value } = r;
          if (done) break;
          buf = value.buffer;
          got += value.byteLength;
        }
        pos = at + got;
        if (!piece) piece = new Uint8Array(buf, 0, got);
      }
      if (test && test.slow) await new Promise((resolve) => setTimeout(resolve, 250));
      reading.give(piece, progress);
    }
    return stalls;
  } finally {
    if (stream) stream.cancel().catch(() => {});
    if (helper) helper.end();
  }
}

// A large CSV file read by two workers, as the machine has cores for: a second worker (the
// same compiled full core) reads the second half (from a line break) while this one reads the
// first, and posts its rows over; the core checks that they continue its own reading exactly
// (else it reads that half itself: the table is always the one a single reading gives).
// `null` when the file is not split (small, not CSV, no nested workers here).
async function split(reading, file, name, head, test, helped, ended) {
  if (!fullModule || typeof Worker !== 'function' || !self.location) return null;
  const from = reading.split_wanted(head);
  if (from === undefined) return null;
  const around = new Uint8Array(await file.slice(from, from + HEAD).arrayBuffer());
  const ready = spare;
  spare = null;
  if (ready && ready.failed) { ready.w.terminate(); return null; }
  let w = ready && ready.w;
  if (!w) { try { w = new Worker(nestedUrl()); } catch (e) { return null; } }
  const at = reading.split_at(from, around);
  if (at === undefined) { w.terminate(); return null; }
  const rows = new Promise((resolve) => {
    // A second worker that says nothing for 20 s (it reports as it reads) is given up: this
    // worker reads that half itself.
    let quiet = null;
    const heard = () => { clearTimeout(quiet); quiet = setTimeout(() => resolve(null), 20000); };
    heard();
    w.onmessage = (e) => {
      const m = e.data;
      if (m.id !== 1) return; // (the spare worker's answer that it is ready)
      heard();
      if (m.progress) helped(m.progress.done - at); // its bytes read
      else { clearTimeout(quiet); resolve(m.ok && m.value ? m.value.handed : null); }
    };
    w.onerror = () => { clearTimeout(quiet); resolve(null); };
  });
  w.postMessage({ id: 1, op: 'readPart', args: { module: fullModule, file, name, size: file.size, at, test: { slow: !!(test && test.slow) } } });
  const two = { rows, active: true, end: () => { two.active = false; w.terminate(); ended(); } };
  return two;
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

// The file line and notes in both languages (the page can switch after loading) and the
// catalogue of views; with `view`, only that view's entry (`partial`) and the English file line
// only when the page is English (`lang`): the page draws its chart first and asks for the rest
// (`views`) after, which on a large table takes a while.
function described(ex, view, lang) {
  let catalog = [];
  try { catalog = view ? ex.view_entry(view) : ex.views(); } catch (e) { catalog = []; }
  const infoEn = !view || lang === 'en' ? ex.info_in('en') : null;
  return { info: ex.info(), infoEn, catalog, partial: !!view };
}

function adopt(ex, view, lang) {
  if (explorer && explorer !== ex) { try { explorer.free(); } catch (e) { /* already gone */ } }
  explorer = ex;
  return described(ex, view, lang);
}

function needData() {
  if (!explorer) throw Object.assign(new Error('Er zijn geen gegevens geladen.'), { kind: 'not_available', message_en: 'No data has been loaded.' });
  return explorer;
}

const ops = {
  async init({ wasmBase64, url, fullBase64, fullUrl, prefetch, workerSrc }) {
    ownSrc = workerSrc || null;
    fullSource = fullBase64 ? { wasmBase64: fullBase64 } : { url: fullUrl };
    const first = typeof bv_first === 'function' && (wasmBase64 || url);
    if (first) {
      if (wasmBase64) bv_first.initSync({ module: decode(wasmBase64) });
      else await bv_first({ module_or_path: url });
    } else {
      await loadFull();
    }
    const glue = first ? bv_first : wasm_bindgen;
    full = !first;
    let examples = [];
    try { examples = glue.examples(); } catch (e) { examples = []; }
    // The full page fetches the full core in the background once it is interactive (an embed
    // waits until something needs it).
    warmWhenIn = !!prefetch;
    if (first && prefetch) setTimeout(() => { loadFull().catch(() => { fullReady = null; }); }, prefetch);
    return { version: glue.version(), examples, core: first ? 'first' : 'full' };
  },
  // Resolves once the full core is instantiated (started now if the page's prefetch has not yet)
  // and warmed up, with how far the warm-up got (`{steps, complete}`; it ends early when a file
  // comes): the bench's "page that has finished starting".
  async fullCore() { await loadFull(); return warmUp(); },
  // The gallery with its English texts (`name_en`, `explanation_en`, `source_en`, `view_en`),
  // which only the full core holds.
  async examples() { await loadFull(); return wasm_bindgen.examples(); },
  // Opens a dataset: the built-in data, an example, a File, bytes (from a link) or a same-origin
  // address; then the user's column mapping, when the source has one. Replaces the current
  // dataset only when all of it worked. `view`: the catalogue holds only that view (see
  // `described`). `render`: a view description drawn on the new data in this same request, as
  // `rendered` (left out when it fails; the page then asks for its view as for any other).
  async open({ source, test, view, lang, render }, id) {
    // The first core has the built-in data only.
    if (source.kind !== 'default' || source.mapping) await upgrade();
    const E = full ? wasm_bindgen.Explorer : bv_first.Explorer;
    let ex;
    let readBy = 1; // the workers that read the file (two: a large file, see `split`)
    let stalls = 0; // the file's byte streams that stopped and were read around
    if (source.kind === 'default') ex = new E();
    else if (source.kind === 'example') ex = E.example(source.file);
    else {
      let from = source;
      if (source.kind === 'url') {
        try { from = { kind: 'bytes', bytes: await fetchFile(id, source.url) }; } catch (e) {
          throw Object.assign(new Error(e.message), { kind: 'fetch' });
        }
      }
      const size = from.kind === 'file' ? from.file.size : from.bytes.length;
      const head = from.kind === 'file'
        ? new Uint8Array(await from.file.slice(0, HEAD).arrayBuffer())
        : from.bytes.subarray(0, HEAD);
      postMessage({ id, progress: { loaded: 0, total: size } });
      // The core reports how far it is, about once per percent: the first reading tells the
      // rows apart ("reading"), the second builds the table ("processing"); a file read once
      // (rows read ahead) runs from start to end over both words. With a second worker, its
      // bytes are added (the bar never goes back).
      const reading = new wasm_bindgen.FileReading(source.name, size, head);
      let mine = 0; // as the core tells it
      let theirs = 0; // the second worker's bytes, while it reads
      let shown = 0;
      const due = everyProgress();
      const tell = () => {
        const loaded = Math.min(size, Math.max(shown, mine + theirs));
        if (loaded === shown && shown) return;
        // (The first and the last at once.)
        if (!due(!shown || loaded >= size)) return;
        shown = loaded;
        postMessage({ id, progress: { loaded, total: size, parsing: loaded * 2 > size } });
      };
      const progress = (done) => { mine = done; tell(); };
      try {
        let two = null;
        const helped = (done) => { if (two && two.active) { theirs = Math.max(theirs, done); tell(); } };
        // (Only once the full core is warmed up: a cold core's first reading runs on the
        // engine's first, slow code in both workers, and gains nothing from a second one.)
        // Once the rows are handed over (or none came: then this worker reads on), the
        // second worker's bytes are no longer added.
        const ended = () => { theirs = 0; };
        if (from.kind === 'file' && warmedUp) two = await split(reading, from.file, source.name, head, test, helped, ended);
        // A large file that comes before the full core was warmed up: warmed up aside (when
        // no second worker reads part of it already).
        if (!two && size >= ASIDE_FROM) warmAside();
        stalls = await readInto(reading, from, test, progress, two);
        readBy = two && two.taken ? 2 : 1;
        ex = reading.finish(progress);
      } finally { reading.free(); }
    }
    if (source.mapping) {
      const mapped = ex.with_mapping(JSON.stringify(source.mapping));
      ex.free();
      ex = mapped;
    }
    const opened = { ...adopt(ex, view, lang), readBy, stalls };
    if (render && typeof ex.render_json === 'function') {
      try { opened.rendered = { json: ex.render_json(render) }; } catch (e) { /* asked again */ }
    }
    return opened;
  },
  // The whole catalogue of the dataset, after an `open` that gave one view's entry; with
  // `infoEn`, its English file line too (when the open did not give it).
  views({ infoEn }) {
    const ex = needData();
    return { catalog: ex.views(), infoEn: infoEn ? ex.info_in('en') : null };
  },
  // The catalogue with English labels (for an English page's pickers); null from a core without it.
  viewsEn() {
    const ex = needData();
    return typeof ex.views_in === 'function' ? ex.views_in('en') : null;
  },
  // A view the first core does not draw (kind `needs_full_core`) is drawn by the full core.
  // The full core gives the view as JSON text (`{json}`, parsed by the page): one string
  // costs less to build and to post than a tree of objects.
  async render({ spec }) {
    const view = (ex) => (typeof ex.render_json === 'function' ? { json: ex.render_json(spec) } : ex.render(spec));
    try {
      return view(needData());
    } catch (e) {
      if (full || !e || e.kind !== 'needs_full_core') throw e;
    }
    await upgrade();
    return view(needData());
  },
  // Map boundaries of one edition, loaded only when a map asks for them.
  async boundaries({ edition, bytes }) { await upgrade(); needData().set_boundaries(edition, bytes); return true; },
  async csv({ spec }) { await upgrade(); return needData().csv(spec); },
  async sectionCsv({ spec, index }) { await upgrade(); return needData().section_csv(spec, index); },
  async json({ spec }) { await upgrade(); return needData().json(spec); },
  // In a worker started by `split`: the full core's module instantiated here, the part of the
  // file from byte `at` read, and its rows handed over (moved, not copied, to the first worker).
  // In the spare worker (`spareWorker`): the full core's module instantiated, for `readPart`.
  instantiate({ module }) { if (!fullModule) { fullModule = module; wasm_bindgen.initSync({ module }); } return true; },
  async readPart({ module, file, name, size, at, test }, id) {
    ops.instantiate({ module });
    const reading = wasm_bindgen.FileReading.helper(name, size, at);
    try {
      // Its bytes read (the first worker adds them to the bar).
      const due = everyProgress();
      const progress = (done) => { if (due()) postMessage({ id, progress: { done } }); };
      await readInto(reading, { kind: 'file', file }, test, progress);
      const handed = reading.handover();
      return handed ? { handed, transfer: [handed.buffer] } : { handed: null };
    } finally { reading.free(); }
  },
  // In a worker started by `warmAside`: the full core's module instantiated here and warmed up.
  warmAside({ module }) {
    wasm_bindgen.initSync({ module });
    const w = wasm_bindgen.WarmUp.once();
    try { while (w.step()) { /* one step after another */ } } finally { w.free(); }
    return true;
  },
  // The view grammar's `filter=`, read and written by the core for the page's column pickers:
  // its conditions (`[{column, values, exclude}]`, null when the grammar refuses it),
  // and the value with one column keeping the values checked. They hold no data: answered
  // beside the queue.
  async filterParts({ filter }) {
    await loadFull();
    try { return wasm_bindgen.filter_parts(filter); } catch (e) { return null; }
  },
  async filterWith({ filter, column, checked, all }) {
    await loadFull();
    return wasm_bindgen.filter_with(filter, column, checked, all);
  },
  roles({ lang }) { return (full ? wasm_bindgen : bv_first).Explorer.roles(lang); },
  trap() { needData().__trap('trap'); return null; },
};

self.onmessage = (e) => {
  const { id, op, args } = e.data;
  const answer = async () => {
    try {
      const value = await ops[op](args || {}, id);
      const transfer = value && value.transfer;
      if (transfer) delete value.transfer;
      postMessage({ id, ok: true, value }, transfer || []);
    } catch (err) {
      postMessage({ id, ok: false, error: errorOf(err) });
    }
  };
  // `fullCore` waits for the warm-up, which waits while requests are answered: it is answered
  // beside the queue, not in it (as are the requests that hold no data).
  if (op === 'fullCore' || op === 'filterParts' || op === 'filterWith' || op === 'examples') { answer(); return; }
  asked += 1;
  if (op === 'open' && args && args.source && args.source.kind !== 'default') {
    opened = true;
    for (const resolve of whenIdle.splice(0)) resolve();
  }
  // One request at a time, in the order they came: a render never sees a half-loaded dataset.
  queue = queue.then(answer).finally(() => {
    asked -= 1;
    if (!asked) for (const resolve of whenIdle.splice(0)) resolve();
  });
};
