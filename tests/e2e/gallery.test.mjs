// The gallery of bundled example tables: shown when the core offers examples (Explorer.examples),
// each opening its natural chart with one click; absent otherwise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('the gallery lists the core examples and opens each one', async () => {
  const { page, context, errors } = await open(browser, srv.url);
  await ready(page);
  const examples = await page.evaluate(() => (typeof wasm_bindgen.Explorer.examples === 'function' ? wasm_bindgen.Explorer.examples() : null));
  if (!examples) {
    // No examples in this core: no empty gallery either.
    assert.equal(await page.locator('#gallery').isVisible(), false);
    await context.close();
    return;
  }
  assert.equal(await page.locator('#gallery').isVisible(), true);
  assert.equal(await page.locator('#gallery-list button').count(), examples.length);
  for (const [i, ex] of examples.entries()) {
    await page.click(`#example-${i}`);
    await page.waitForFunction((file) => window.bv.fileName === file && document.documentElement.dataset.state === 'ready', ex.file || ex.name);
    assert.equal(await page.locator('#error').isVisible(), false, ex.name);
    assert.equal(await page.locator('#chart svg.drawing').count() + await page.locator('#sections svg.drawing').count() > 0, true, ex.name);
    assert.match(await page.locator('#dataset').textContent(), new RegExp((ex.file || ex.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
