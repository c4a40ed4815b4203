// The page's side of the worker that runs the core: requests with promises, progress callbacks,
// cancel (terminate and start afresh) and detection of a dead wasm instance (a trap).
/* global BV_WORKER_SRC, BV_WASM_BASE64, BV_WASM_FULL_BASE64 */

export class Core {
  // `prefetch`: milliseconds after start at which the worker loads the full core in the background
  // (0: only when something needs it, as in an embed).
  constructor(onTrap, prefetch = 0) {
    this.onTrap = onTrap;
    this.prefetch = prefetch;
    this.worker = null;
    this.pending = new Map();
    this.nextId = 1;
    this.ready = null;
    // Whether the current worker got as far as a working wasm instance: only then is a failure a
    // trap to recover from (a worker that cannot start is an error, not a loop of restarts).
    this.live = false;
  }

  // A fresh worker with the first core instantiated; resolves to `{version, examples, core}`.
  start() {
    if (this.worker) this.worker.terminate();
    // The single-file build carries the worker's code and the wasm inline (nothing to fetch from
    // file://): the worker comes from a Blob and gets the wasm by message.
    const inline = typeof BV_WORKER_SRC === 'string';
    const url = inline ? URL.createObjectURL(new Blob([BV_WORKER_SRC], { type: 'text/javascript' })) : 'worker.js';
    this.worker = new Worker(url);
    if (inline) URL.revokeObjectURL(url);
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => { e.preventDefault(); this.failAll({ message: e.message || 'worker', kind: 'trap', trap: true }); };
    // The first core (small: the built-in data and its first view) starts the page; the full core
    // is loaded by the worker when something needs it, and on the full page (not an embed) soon
    // after start.
    const at = (f) => new URL(f, location.href).href;
    const args = inline
      ? { wasmBase64: BV_WASM_BASE64, fullBase64: BV_WASM_FULL_BASE64, workerSrc: BV_WORKER_SRC }
      : { url: at('pkg/first_bg.wasm'), fullUrl: at('pkg/banenverkenner_bg.wasm') };
    args.prefetch = this.prefetch;
    this.live = false;
    this.ready = this.call('init', args).then((v) => { this.live = true; return v; });
    return this.ready;
  }

  receive(msg) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.progress) { if (p.onProgress) p.onProgress(msg.progress); return; }
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else {
      const err = Object.assign(new Error(msg.error.message), msg.error);
      p.reject(err);
      if (err.trap && this.live && this.onTrap) this.onTrap(err);
    }
  }

  failAll(error) {
    const all = Array.from(this.pending.values());
    this.pending.clear();
    for (const p of all) p.reject(Object.assign(new Error(error.message), error));
    if (error.trap && this.live && this.onTrap) this.onTrap(error);
  }

  call(op, args, onProgress) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, op, args });
    });
  }

  // Renders a view description. A map needs the boundaries of its edition, which are not in the
  // bundle: they are fetched (or, in the single file, read from the page) once and the view is
  // rendered again.
  // `first`: the view as the worker already drew it (`{json}`, when it opened the data), used
  // instead of asking for it (a map that needs its boundaries is still drawn again once they are in).
  async render(spec, first = null) {
    for (let tries = 0; ; tries++) {
      let r;
      try {
        r = tries === 0 && first ? first : await this.call('render', { spec });
        if (r && typeof r.json === 'string') r = JSON.parse(r.json);
      } catch (e) {
        if (e.kind !== 'needs_boundaries' || tries > 0) throw e;
        await this.loadBoundaries(e.edition, e.location && e.location.file);
        continue;
      }
      const wanted = r && r.data && r.data.needs_boundaries;
      if (!wanted || tries > 0) return r;
      await this.loadBoundaries(wanted, `geo/arbeidsmarktregio_${wanted}.topojson`);
    }
  }

  async loadBoundaries(edition, file) {
    let bytes;
    const inline = document.getElementById('bv-geo');
    if (inline) {
      const text = JSON.parse(inline.textContent)[String(edition)];
      if (typeof text !== 'string') throw Object.assign(new Error(`Geen kaart van ${edition}.`), { kind: 'not_available' });
      bytes = new TextEncoder().encode(text);
    } else {
      const res = await fetch(new URL(file, location.href).href);
      if (!res.ok) throw Object.assign(new Error(`${file}: ${res.status}`), { kind: 'fetch' });
      bytes = new Uint8Array(await res.arrayBuffer());
    }
    await this.call('boundaries', { edition, bytes });
  }

  // Stops whatever the worker is doing (a long load): every open request fails as cancelled, and
  // a new worker starts. The caller re-opens the last good dataset in it.
  restart(reason) {
    const all = Array.from(this.pending.values());
    this.pending.clear();
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const p of all) p.reject(Object.assign(new Error(reason), { kind: 'cancelled' }));
    return this.start();
  }
}
