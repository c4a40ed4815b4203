// The DuckDB-WASM side of the big-file bench. Timed from the file input's change event: start-up
// (the package's JS and wasm from this server, its worker, instantiate, connect), then the file's
// bytes registered and the grouped sum queried. Result in window.benchResult.
const DIST = new URL('/bench/node_modules/@duckdb/duckdb-wasm/dist/', location.href).href;
const ARROW = '/bench/node_modules/apache-arrow/Arrow.es2015.min.js';
const SQL = "SELECT arbeidsmarktregio, kwartaal, sum(werkzaam) AS werkzaam FROM read_csv('tidy.csv') GROUP BY ALL";

const script = (src) => new Promise((resolve, reject) => {
  const s = document.createElement('script');
  s.src = src; s.onload = resolve; s.onerror = () => reject(new Error('cannot load ' + src));
  document.head.appendChild(s);
});

document.getElementById('file').addEventListener('change', async (e) => {
  const t0 = performance.now();
  try {
    await script(ARROW);
    const duckdb = await import(DIST + 'duckdb-browser.mjs');
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: DIST + 'duckdb-mvp.wasm', mainWorker: DIST + 'duckdb-browser-mvp.worker.js' },
      eh: { mainModule: DIST + 'duckdb-eh.wasm', mainWorker: DIST + 'duckdb-browser-eh.worker.js' },
    });
    const worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    const conn = await db.connect();
    const t1 = performance.now();
    const bytes = new Uint8Array(await e.target.files[0].arrayBuffer());
    await db.registerFileBuffer('tidy.csv', bytes);
    const res = await conn.query(SQL);
    const t2 = performance.now();
    let sum = 0;
    for (const v of res.getChild('werkzaam')) sum += Number(v);
    window.benchResult = { ok: true, startupMs: t1 - t0, totalMs: t2 - t0, groups: res.numRows, sum, detail: bundle.mainModule.split('/').pop() };
    await conn.close(); await db.terminate();
  } catch (err) {
    window.benchResult = { ok: false, totalMs: performance.now() - t0, error: String(err && err.message || err) };
  }
  document.getElementById('out').textContent = JSON.stringify(window.benchResult, null, 1);
});
window.benchReady = true;
