// Charts are drawn for the width they get: on a phone and on a laptop the chart is shown at its
// natural size (never scaled down), its smallest text is at least 11 px, the page does not scroll
// sideways and the chart starts on the first screen; presenting, chart text is at least 18 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, ready } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const VIEWS = {
  scatter: '#view=scatter',
  ranking: '#view=ranking&region=Twente',
  trend: '#view=trend',
  'trend, small multiples': '#view=trend&region=Twente',
  'tidy line': '#example=register_by_subgroup_2017_2019.csv&view=line',
  'tidy bars': '#example=hours_per_week_by_subgroup_2019.csv&view=bars',
  'tidy stacked': '#example=hours_per_week_by_subgroup_2019.csv&view=stacked',
  'tidy area': '#example=jobcoach_states_by_month.csv&view=area',
  'tidy forest': '#example=odds_ratios_job_finding_2019.csv&view=forest',
  decomposition: '#view=decomposition',
  convergence: '#view=convergence',
  compare: '#view=compare&regions=Twente,Zeeland',
  profile: '#view=profile&region=Twente',
  // A table of measures keeps columns wide enough for its numbers: on a phone it scrolls
  // sideways inside its box, never the page.
  basics: '#view=basics',
};

// Waits until the chart on screen was laid out for the width the page asks for now.
async function settled(page) {
  await ready(page);
  await page.waitForFunction(() => {
    const bv = window.bv;
    const svg = document.querySelector('#chart svg.drawing');
    return svg && bv.rendered && bv.pendingSpec === null && document.getElementById('chart').dataset.chart !== 'prerendered'
      && Number(svg.getAttribute('width')) === bv.rendered.width;
  }, null, { timeout: 20000 });
  // A resize re-render is debounced: give it the chance to start, then wait for it.
  await page.waitForTimeout(300);
  await page.waitForFunction(() => window.bv.pendingSpec === null && document.documentElement.dataset.state === 'ready', null, { timeout: 20000 });
}

// The chart's text as shown: font size times the drawing's scale on screen, and the height of
// each text's box, both in CSS px; the smallest of each, and which text it is.
async function textSizes(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#chart svg.drawing');
    const vb = svg.viewBox.baseVal;
    const box = svg.getBoundingClientRect();
    const scale = box.width / vb.width;
    let size = Infinity, height = Infinity, which = '';
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      const fs = parseFloat(getComputedStyle(t).fontSize) * scale;
      const h = t.getBoundingClientRect().height;
      if (fs < size) { size = fs; which = t.textContent.trim(); }
      height = Math.min(height, h);
    }
    return {
      size, height, which, scale,
      width: Number(svg.getAttribute('width')), viewBox: vb.width,
      top: box.top + scrollY, chartHeight: box.height,
      scrollWidth: document.scrollingElement.scrollWidth, innerWidth, innerHeight,
    };
  });
}

for (const [w, h] of [[390, 844], [1366, 768]]) {
  test(`at ${w}x${h} every chart is drawn for its width, text at least 11 px, no sideways scrolling`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const views = { ...VIEWS, map: '#view=map' };
    for (const [name, hash] of Object.entries(views)) {
      // A fresh page per view: the data named in the address is loaded with it.
      const page = await context.newPage();
      await page.goto(srv.url + hash);
      await settled(page);
      assert.match(page.url(), new RegExp(hash.match(/#(example=[^&]+|view=[a-z]+)/)[1].replace('.', '\\.')), name);
      const m = await textSizes(page);
      // Shown 1:1: the width attribute is the viewBox width and the drawing is not scaled down.
      assert.equal(m.width, m.viewBox, name);
      assert.ok(m.scale > 0.99, `${name}: scale ${m.scale}`);
      assert.ok(m.size >= 11 - 0.01, `${name}: smallest text ${m.size.toFixed(2)} px ('${m.which}')`);
      assert.ok(m.height >= 11, `${name}: smallest text box ${m.height.toFixed(2)} px`);
      assert.ok(m.scrollWidth <= m.innerWidth, `${name}: page ${m.scrollWidth} px wide in ${m.innerWidth}`);
      console.log(`${w}x${h} ${name}: chart ${m.width} px, smallest text ${m.size.toFixed(2)} px (box ${m.height.toFixed(1)} px)`);
      if (w === 1366 && name === 'scatter') {
        // The chart's top half is on the first screen.
        assert.ok(m.top + m.chartHeight / 2 <= m.innerHeight, `chart from ${m.top} to ${m.top + m.chartHeight}`);
      }
      await page.close();
    }
    await context.close();
  });
}

test('the chart is drawn again when its box gets narrower, and the link keeps no width', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(srv.url + '#view=ranking');
  await settled(page);
  const wide = await textSizes(page);
  await page.setViewportSize({ width: 500, height: 768 });
  await page.waitForFunction((w0) => window.bv.rendered && window.bv.rendered.width < w0, wide.width, { timeout: 20000 });
  await settled(page);
  const narrow = await textSizes(page);
  assert.ok(narrow.width <= 500 && narrow.size >= 11 - 0.01, JSON.stringify(narrow));
  assert.doesNotMatch(page.url(), /width=/);
  assert.doesNotMatch(await page.evaluate(() => window.bv.rendered.spec), /width=/);
  await context.close();
});

test('a link that carries a width draws at the page\'s width (it said the key was there twice)', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(srv.url + '#view=ranking&width=375');
  await settled(page);
  assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true);
  assert.ok(await page.evaluate(() => window.bv.rendered.width > 375));
  await context.close();
});

for (const [w, h] of [[1366, 768], [1920, 1080]]) {
  test(`presenting at ${w}x${h}, chart text is at least 18 px`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    await page.goto(srv.url);
    await settled(page);
    await page.click('#present');
    await page.waitForFunction(() => window.bv.presenting);
    await settled(page);
    const m = await textSizes(page);
    assert.ok(m.size >= 18, `smallest text ${m.size.toFixed(2)} px ('${m.which}'), scale ${m.scale}`);
    assert.ok(m.scrollWidth <= m.innerWidth, JSON.stringify(m));
    console.log(`presenting ${w}x${h}: chart drawn at ${m.width} px, shown ×${m.scale.toFixed(2)}, smallest text ${m.size.toFixed(2)} px`);
    await context.close();
  });
}

for (const [w, h] of [[390, 844], [1366, 768]]) {
  test(`at ${w}x${h} the prerendered chart is replaced by the one drawn for the width without layout shift`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(srv.url);
    const pre = await page.evaluate(() => document.querySelector('#chart svg').getBoundingClientRect().height);
    await settled(page);
    const live = await textSizes(page);
    const cls = await page.evaluate(() => window.__cls);
    console.log(`${w}x${h}: prerendered chart ${pre.toFixed(1)} px high, live ${live.chartHeight} px, CLS ${cls.toFixed(4)}`);
    assert.ok(Math.abs(pre - live.chartHeight) <= 2, `${pre} -> ${live.chartHeight}`);
    assert.ok(cls < 0.05, `cumulative layout shift ${cls}`);
    await context.close();
  });
}
