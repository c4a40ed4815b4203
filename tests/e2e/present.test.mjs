// Presentation mode: full screen, large type, high contrast, one figure at a time, arrow keys step
// through the figures, Escape leaves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

// WCAG contrast ratio of two rgb() colours.
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('presentation mode: full screen, one large figure, arrow keys step through the figures, Escape leaves', async () => {
  const { page, context } = await open(browser, srv.url);
  await ready(page);
  const start = await page.evaluate(() => ({ hash: location.hash, length: history.length, title: window.bv.rendered.title }));
  await page.click('#present');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  assert.equal(await page.evaluate(() => document.body.classList.contains('presenting')), true);
  const slides = await page.evaluate(() => window.bv.slides);
  assert.ok(slides.length >= 2, slides.join('\n'));
  assert.equal(await page.locator('#present-count').textContent(), `Figuur 1 van ${slides.length}`);
  // One view at a time: no controls, no export buttons, only the chart and its reading.
  for (const sel of ['#controls', '.actions', 'header.site .tools', 'footer.site']) assert.equal(await page.locator(sel).isVisible(), false, sel);
  assert.equal(await page.locator('svg.drawing').count(), 1);
  // Large type, high contrast, and the chart fits the screen.
  const look = await page.evaluate(() => {
    const cap = getComputedStyle(document.getElementById('summary'));
    const svg = document.querySelector('#chart svg.drawing').getBoundingClientRect();
    const text = document.getElementById('summary').getBoundingClientRect();
    return { size: parseFloat(cap.fontSize), color: cap.color, bg: getComputedStyle(document.body).backgroundColor, top: svg.top, bottom: svg.bottom, textBottom: text.bottom, bar: document.getElementById('present-bar').getBoundingClientRect().top, height: innerHeight, width: svg.width };
  });
  assert.ok(look.size >= 24, `caption ${look.size}px`); // at least 1.5 times the page's 16 px
  assert.ok(contrast(look.color, look.bg) >= 7, `${look.color} on ${look.bg}`);
  // Chart and reading both on the screen, above the bar.
  assert.ok(look.top >= 0 && look.textBottom <= look.bar, JSON.stringify(look));
  assert.ok(look.width >= 600, JSON.stringify(look));

  const title = () => page.locator('#chart svg title').textContent();
  const first = await title();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((s) => location.hash === '#' + s, slides[1]);
  assert.notEqual(await title(), first);
  assert.equal(await page.locator('#present-count').textContent(), `Figuur 2 van ${slides.length}`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((s) => location.hash === '#' + s, slides[0]);
  assert.equal(await title(), first);
  // The buttons do the same for mouse users; "Vorige" is off on the first figure.
  assert.equal(await page.locator('#present-prev').isDisabled(), true);
  await page.click('#present-next');
  await page.waitForFunction((s) => location.hash === '#' + s, slides[1]);

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  assert.equal(await page.evaluate(() => document.fullscreenElement), null);
  assert.equal(await page.locator('#controls').isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'present');
  // Back on the view presenting started from, and stepping added no history entries.
  await page.waitForFunction((h) => location.hash === h, start.hash);
  assert.equal(await page.evaluate(() => window.bv.rendered.title), start.title);
  assert.equal(await page.evaluate(() => history.length), start.length);
  await context.close();
});

test('presentation starts at the figure on screen', async () => {
  const { page, context } = await open(browser, srv.url + '#view=scatter&subgroup=wsw');
  await ready(page);
  await page.click('#present');
  await page.waitForFunction(() => window.bv.presenting && window.bv.slides.length > 0);
  const { slides, slide } = await page.evaluate(() => ({ slides: window.bv.slides, slide: window.bv.slide }));
  assert.match(slides[slide], /subgroup=wsw/);
  assert.match(await page.locator('#chart svg title').textContent(), /WSW/);
  await page.click('#present-exit');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  await context.close();
});

test('Escape returns to the view presenting started from, and stepping adds no history entries', async () => {
  const { page, context } = await open(browser, srv.url + '#view=ranking&subgroup=wajong&region=Twente');
  await ready(page);
  const start = await page.evaluate(() => ({ hash: location.hash, length: history.length, title: window.bv.rendered.title }));
  await page.click('#present');
  await page.waitForFunction(() => document.body.classList.contains('presenting'));
  for (let i = 0; i < 3; i++) {
    const before = await page.evaluate(() => window.bv.rendered.spec);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => window.bv.rendered.spec !== b, before);
  }
  assert.notEqual(await page.evaluate(() => location.hash), start.hash);
  assert.equal(await page.evaluate(() => history.length), start.length);
  await page.keyboard.press('Escape');
  await page.waitForFunction((h) => location.hash === h && !document.body.classList.contains('presenting'), start.hash);
  assert.equal(await page.evaluate(() => window.bv.rendered.title), start.title);
  assert.equal(await page.evaluate(() => history.length), start.length);
  // Back leaves the page's first entry as it was: no slide is in the history.
  assert.match(await page.locator('#chart svg title').textContent(), /Wajong/);
  await context.close();
});

test('presenting at 1280x720, a scatter whose title takes two lines still fits above the bar', async () => {
  // Before, the Wajong scatter ran 26 px under the bar (its source line hidden).
  const { page, context } = await open(browser, srv.url + '#view=scatter&subgroup=wajong&from=2015&to=2017');
  await page.setViewportSize({ width: 1280, height: 720 });
  await ready(page);
  await page.click('#present');
  await page.waitForFunction(() => window.bv.presenting);
  // Laid out again for the presentation's width (narrower, shown larger).
  await page.waitForFunction(() => Number(document.querySelector('#chart svg.drawing').getAttribute('width')) < 700
    && document.getElementById('figure').getAttribute('aria-busy') === 'false');
  const m = await page.evaluate(() => {
    const svg = document.querySelector('#chart svg.drawing');
    const r = svg.getBoundingClientRect();
    return { bottom: r.bottom, width: r.width, drawn: Number(svg.getAttribute('width')), bar: document.getElementById('present-bar').getBoundingClientRect().top, title: window.bv.rendered.title };
  });
  assert.match(m.title, /Wajong/);
  assert.ok(m.bottom <= m.bar, JSON.stringify(m));
  // Still shown larger than drawn (its smallest text above 13 px).
  assert.ok(m.width >= 1.2 * m.drawn - 1, JSON.stringify(m));
  await context.close();
});

test('presenting a slide taller than the screen, down scrolls it before it steps, and no tooltip stays', async () => {
  // Before: ArrowDown and PageDown stepped to the next slide, so the lower part of a ranking of
  // 35 bars could not be reached by keyboard; a tooltip of one slide stayed over the next.
  const { page, context } = await open(browser, srv.url + '#view=ranking&measure=share&year=2017');
  await page.setViewportSize({ width: 1280, height: 720 });
  await ready(page);
  await page.click('#present');
  await page.waitForFunction(() => window.bv.presenting && document.getElementById('figure').getAttribute('aria-busy') === 'false');
  const hash = await page.evaluate(() => location.hash);
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight + 50), 'the ranking is taller than the screen');
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => window.scrollY > 0);
  assert.equal(await page.evaluate(() => location.hash), hash);
  // End still goes to the last figure, Home to the first.
  await page.keyboard.press('End');
  const slides = await page.evaluate(() => window.bv.slides.length);
  assert.equal(await page.locator('#present-count').textContent(), `Figuur ${slides} van ${slides}`);
  await page.keyboard.press('Home');
  await page.locator('#chart .hit').first().hover();
  await page.waitForFunction(() => !document.getElementById('tooltip').hidden);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((h) => location.hash !== h, hash);
  assert.equal(await page.locator('#tooltip').isHidden(), true);
  await context.close();
});
