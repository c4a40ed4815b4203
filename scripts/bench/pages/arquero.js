// The Arquero side of the big-file bench. Timed from the file input's change event: the library
// loaded from this server, the file read as text, parsed (aq.fromCSV) and summed per group.
'use strict';
const SRC = '/bench/node_modules/arquero/dist/arquero.min.js';

document.getElementById('file').addEventListener('change', async (e) => {
  const t0 = performance.now();
  try {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = SRC; s.onload = resolve; s.onerror = () => reject(new Error('cannot load ' + SRC));
      document.head.appendChild(s);
    });
    const t1 = performance.now();
    const text = await e.target.files[0].text();
    const dt = window.aq.fromCSV(text);
    const res = dt.groupby('arbeidsmarktregio', 'kwartaal').rollup({ werkzaam: window.aq.op.sum('werkzaam') });
    const t2 = performance.now();
    let sum = 0;
    for (const v of res.array('werkzaam')) sum += Number(v);
    window.benchResult = { ok: true, startupMs: t1 - t0, totalMs: t2 - t0, groups: res.numRows(), sum, detail: `${dt.numRows()} rows parsed` };
  } catch (err) {
    window.benchResult = { ok: false, totalMs: performance.now() - t0, error: String(err && err.message || err) };
  }
  document.getElementById('out').textContent = JSON.stringify(window.benchResult, null, 1);
});
window.benchReady = true;
