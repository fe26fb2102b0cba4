// Bokeh's tools on the static sliders page (figure()'s default toolbar: pan, wheel zoom,
// box zoom, save, reset, help), driven with the real mouse, wheel and keyboard in
// headless Debian Chromium. Needs `trunk build --release` (dist/) first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { collectErrors, fence, launch, paintedAfter, paints, serveDist } from './support.mjs';
import { decodePng } from './png.mjs';

let browser;
let site;

before(async () => {
  site = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The sliders page, or the page at `url`, at 2 device pixels per CSS pixel, painted. */
async function openPage(url = site.url) {
  const context = await browser.newContext({ deviceScaleFactor: 2, acceptDownloads: true });
  await fence(context, site.origin + '/');
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await paintedAfter(page, 0);
  return { context, page, errors };
}

/** The figure's x and y ranges as the page's document has them, and the frame (CSS px). */
function state(page) {
  return page.evaluate(() => {
    const r = window.rokeh;
    const range = (attr) => {
      const id = r.get('Figure', attr);
      return { start: r.get(id, 'start'), end: r.get(id, 'end') };
    };
    return { x: range('x_range'), y: range('y_range'), frame: r.frame };
  });
}

/** Waits until the document's ranges differ from `before`. */
async function changedFrom(page, before) {
  for (let i = 0; i < 100; i++) {
    const now = await state(page);
    if (JSON.stringify(now.x) !== JSON.stringify(before.x) || JSON.stringify(now.y) !== JSON.stringify(before.y)) {
      return now;
    }
    await page.waitForTimeout(20);
  }
  return state(page);
}

/** The data x under CSS pixel `px` of the canvas. */
const dataX = (s, px) => {
  const [l, , r] = s.frame;
  return s.x.start + ((px - l) / (r - l)) * (s.x.end - s.x.start);
};

const close = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('the toolbar shows Bokeh\'s default tools as buttons in BokehJS\'s groups, pan active', async () => {
  const { context, page, errors } = await openPage();
  try {
    const buttons = page.locator('.rk-toolbar button.rk-tool');
    const titles = await buttons.evaluateAll((bs) => bs.map((b) => [b.title, b.getAttribute('aria-label'), b.getAttribute('aria-pressed')]));
    // The drags (pan, then box zoom by BokehJS's default_order), the wheel, the actions.
    assert.deepEqual(titles, [
      ['Pan', 'Pan', 'true'],
      ['Box Zoom (either x, y or both dimensions)', 'Box Zoom (either x, y or both dimensions)', 'false'],
      ['Wheel Zoom', 'Wheel Zoom', 'false'],
      ['Save', 'Save', null],
      ['Reset', 'Reset', null],
      [
        'Click the question mark to learn more about Bokeh plot tools.',
        'Click the question mark to learn more about Bokeh plot tools.',
        null,
      ],
    ]);
    // rokeh's mark first, where BokehJS shows its logo (Toolbar.logo "normal"), then a
    // divider before each group but the first: before wheel zoom and before save.
    const items = await page.locator('.rk-toolbar > *').evaluateAll((es) => es.map((e) => e.className));
    // Last, the overflow menu's button, hidden while every tool fits.
    const item = (c) =>
      c.includes('rk-logo') ? 'L' : c.startsWith('rk-overflow') ? 'O' : c.includes('rk-group-start') ? '|b' : 'b';
    assert.deepEqual(items.map(item).join(''), 'Lbb|b|bbbO');
    assert.equal(await page.getByRole('button', { name: 'More tools' }).count(), 0);
    // Decoration, out of the accessibility tree (the plot's canvas is its image).
    const mark = page.locator('.rk-toolbar > .rk-logo');
    assert.equal(await mark.getAttribute('aria-hidden'), 'true');
    const logo = await mark.boundingBox();
    const pan = await buttons.first().boundingBox();
    assert.deepEqual([logo.width, logo.height], [20, 20]);
    // As BokehJS's: 5 px from the button column's sides, 5 px above the first button.
    assert.equal(pan.y - (logo.y + logo.height), 5);
    assert.equal(logo.x - pan.x, 5);
    const rule = await page.locator('.rk-group-start').first().evaluate((e) => {
      const s = getComputedStyle(e, '::before');
      return [s.width, s.height, s.backgroundColor];
    });
    assert.deepEqual(rule, ['10px', '1px', 'rgb(211, 211, 211)']);
    // Beside the frame, from its top (BokehJS's toolbar band), not in the title's band.
    const { frame } = await state(page);
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const bar = await page.locator('.rk-toolbar').boundingBox();
    assert.ok(Math.abs(bar.y - canvas.y - frame[1]) <= 1, `toolbar at ${bar.y - canvas.y}, frame ${frame}`);
    assert.ok(Math.abs(bar.x - canvas.x - frame[2]) <= 1, `toolbar at ${bar.x - canvas.x}, frame ${frame}`);
    // Keyboard: Tab to the box zoom button, Enter makes it the drag tool.
    await page.getByRole('button', { name: /^Box Zoom/ }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await buttons.nth(1).getAttribute('aria-pressed'), 'true');
    assert.equal(await buttons.nth(0).getAttribute('aria-pressed'), 'false');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a drag pans by its length, span kept', async () => {
  const { context, page, errors } = await openPage();
  try {
    const first = await state(page);
    // Bokeh's sliders demo fixes x to 0..4π.
    assert.ok(close(first.x.start, 0), JSON.stringify(first));
    assert.ok(close(first.x.end, 4 * Math.PI), JSON.stringify(first));
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = first.frame;
    const from = { x: canvas.x + (l + r) / 2, y: canvas.y + (t + b) / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 50, from.y + 10, { steps: 5 });
    await page.mouse.move(from.x + 100, from.y + 20, { steps: 5 });
    await page.mouse.up();
    const after = await changedFrom(page, first);
    const span = first.x.end - first.x.start;
    const shift = (100 / (r - l)) * span;
    assert.ok(close(after.x.start, first.x.start - shift, 1e-3), `${after.x.start} vs ${first.x.start - shift}`);
    assert.ok(close(after.x.end - after.x.start, span, 1e-9));
    const yspan = first.y.end - first.y.start;
    const yshift = (20 / (b - t)) * yspan;
    assert.ok(close(after.y.start, first.y.start + yshift, 1e-3), `${after.y.start} vs ${first.y.start + yshift}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a categorical plot pans by synthetic coordinates; new factors show all at once, wherever it was panned', async () => {
  const { context, page, errors } = await openPage(`${site.url}?app=compare-categorical`);
  try {
    const first = await state(page);
    // Two groups of two factors, group_padding 1.4 between them: 0..5.4 (the document's
    // start and end unset, as Bokeh leaves them).
    const [start, end] = await page.evaluate(() => window.rokeh.drawnX);
    assert.ok(close(start, 0) && close(end, 5.4), `${start}..${end}`);
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = first.frame;
    await page.mouse.move(canvas.x + (l + r) / 2, canvas.y + (t + b) / 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + (l + r) / 2 + 100, canvas.y + (t + b) / 2, { steps: 5 });
    await page.mouse.up();
    const panned = await changedFrom(page, first);
    assert.ok(panned.x.start < -0.5, JSON.stringify(panned));
    assert.deepEqual(await page.evaluate(() => window.rokeh.drawnX), [panned.x.start, panned.x.end]);

    // One factor fewer (as an app's callback or a peer sets them): all three are shown.
    const count = await paints(page);
    const error = await page.evaluate(() => window.rokeh.set('FactorRange', 'factors', [['fruit', 'apple'], ['fruit', 'pear'], ['veg', 'kale']]));
    assert.equal(error, undefined);
    await paintedAfter(page, count);
    const refactored = await changedFrom(page, panned);
    assert.ok(close(refactored.x.start, 0) && close(refactored.x.end, 4.4), JSON.stringify(refactored));
    assert.deepEqual(await page.evaluate(() => window.rokeh.drawnX), [refactored.x.start, refactored.x.end]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Touches through the DevTools protocol: `points` per step, each {x, y} (page px). */
async function touch(session, type, points) {
  await session.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
  });
}

test('touch: one finger pans by its path, two fingers pinch-zoom about their middle', async () => {
  const context = await browser.newContext({ deviceScaleFactor: 2, hasTouch: true });
  await fence(context, site.origin + '/');
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(site.url);
    await paintedAfter(page, 0);
    const session = await page.context().newCDPSession(page);
    const first = await state(page);
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = first.frame;
    const mid = { x: canvas.x + (l + r) / 2, y: canvas.y + (t + b) / 2 };
    // One finger, 80 px right in steps.
    await touch(session, 'touchStart', [mid]);
    for (let i = 1; i <= 8; i++) await touch(session, 'touchMove', [{ x: mid.x + 10 * i, y: mid.y }]);
    await touch(session, 'touchEnd', []);
    const panned = await changedFrom(page, first);
    const span = first.x.end - first.x.start;
    const shift = (80 / (r - l)) * span;
    assert.ok(close(panned.x.start, first.x.start - shift, 1e-3), `${panned.x.start} vs ${first.x.start - shift}`);
    assert.ok(close(panned.x.end - panned.x.start, span, 1e-9));
    // Two fingers 40 px apart about the middle, spread to 160 px: zoomed in about it, by
    // the wheel zoom (BokehJS's pinch tool too), once it is on.
    await page.getByRole('button', { name: 'Wheel Zoom' }).click();
    await page.waitForSelector('button[aria-label="Wheel Zoom"][aria-pressed="true"]', { timeout: 2000 });
    const centre = dataX(panned, (l + r) / 2);
    const apart = (d) => [
      { x: mid.x - d / 2, y: mid.y },
      { x: mid.x + d / 2, y: mid.y },
    ];
    await touch(session, 'touchStart', apart(40));
    for (let d = 50; d <= 160; d += 10) await touch(session, 'touchMove', apart(d));
    await touch(session, 'touchEnd', []);
    await changedFrom(page, panned);
    // Settled: two reads alike, 100 ms apart.
    let pinched = await state(page);
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(100);
      const now = await state(page);
      if (JSON.stringify(now) === JSON.stringify(pinched)) break;
      pinched = now;
    }
    const pinchedSpan = pinched.x.end - pinched.x.start;
    assert.ok(pinchedSpan < span * 0.9, `span ${pinchedSpan} vs ${span}`);
    // About the fingers' middle: the data there stays within a pixel or two (touch
    // positions arrive in whole CSS pixels), where a zoom about the frame's edge would
    // move it by a third of the span.
    const moved = Math.abs(dataX(pinched, (l + r) / 2) - centre);
    assert.ok(moved < 0.01 * span, `${dataX(pinched, (l + r) / 2)} vs ${centre}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the wheel zooms about the pointer once its tool is on; box zoom zooms to the box; reset restores', async () => {
  const { context, page, errors } = await openPage();
  try {
    const first = await state(page);
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = first.frame;
    const px = l + (r - l) * 0.25;
    const under = dataX(first, px);
    await page.mouse.move(canvas.x + px, canvas.y + (t + b) / 2);
    // As BokehJS 3's, figure()'s wheel zoom is off at first ("auto" turns on only a wheel
    // tool that needs keys held): the wheel leaves the plot alone.
    const wheelZoom = page.getByRole('button', { name: 'Wheel Zoom' });
    assert.equal(await wheelZoom.getAttribute('aria-pressed'), 'false');
    await page.mouse.wheel(0, -100);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    assert.deepEqual(await state(page), first);
    await wheelZoom.click();
    await page.mouse.move(canvas.x + px, canvas.y + (t + b) / 2);
    // The deltaY the browser reports (Chromium halves Playwright's 100 at 2x).
    await page.evaluate(() => addEventListener('wheel', (e) => (window.deltaY = e.deltaY), { capture: true }));
    await page.mouse.wheel(0, -100);
    const zoomed = await changedFrom(page, first);
    const deltaY = await page.evaluate(() => window.deltaY);
    assert.ok(deltaY < 0, `deltaY ${deltaY}`);
    // At Bokeh's speed (1/600 per pixel of wheel) the span shrinks by -deltaY/600.
    const span0 = first.x.end - first.x.start;
    const expected = span0 * (1 + deltaY / 600);
    assert.ok(close(zoomed.x.end - zoomed.x.start, expected, 1e-6), `${zoomed.x.end - zoomed.x.start} vs ${expected}`);
    // The data under the pointer stays under it (within a tenth of a pixel: the mouse
    // lands on the browser's own fraction of a pixel).
    const pixel = (zoomed.x.end - zoomed.x.start) / (r - l);
    assert.ok(Math.abs(dataX(zoomed, px) - under) < 0.1 * pixel, `${dataX(zoomed, px)} vs ${under}`);

    // Box zoom: from a quarter to three quarters of the frame.
    await page.getByRole('button', { name: /^Box Zoom/ }).click();
    const before = await state(page);
    // Whole pixels of the page: Chromium gives mouse pointer events whole offsets.
    const whole = (v, at) => Math.round(at + v) - at;
    const [x0, x1] = [whole(l + (r - l) * 0.25, canvas.x), whole(l + (r - l) * 0.75, canvas.x)];
    const [y0, y1] = [whole(t + (b - t) * 0.25, canvas.y), whole(t + (b - t) * 0.75, canvas.y)];
    await page.mouse.move(canvas.x + x0, canvas.y + y0);
    await page.mouse.down();
    await page.mouse.move(canvas.x + (x0 + x1) / 2, canvas.y + (y0 + y1) / 2, { steps: 4 });
    assert.equal(await page.locator('.rk-box-overlay').count(), 1, 'the box is drawn while dragging');
    await page.mouse.move(canvas.x + x1, canvas.y + y1, { steps: 4 });
    await page.mouse.up();
    const boxed = await changedFrom(page, before);
    assert.equal(await page.locator('.rk-box-overlay').count(), 0);
    // Within a tenth of a pixel.
    const tenth = (0.1 * (before.x.end - before.x.start)) / (r - l);
    assert.ok(Math.abs(boxed.x.start - dataX(before, x0)) < tenth, `${boxed.x.start} vs ${dataX(before, x0)}`);
    assert.ok(Math.abs(boxed.x.end - dataX(before, x1)) < tenth, `${boxed.x.end} vs ${dataX(before, x1)}`);

    // Reset: the ranges the figure started with.
    const count = await paints(page);
    await page.getByRole('button', { name: 'Reset' }).click();
    await paintedAfter(page, count);
    const reset = await changedFrom(page, boxed);
    assert.ok(close(reset.x.start, first.x.start), JSON.stringify(reset));
    assert.ok(close(reset.x.end, first.x.end), JSON.stringify(reset));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('save downloads a PNG of the plot', async () => {
  const { context, page, errors } = await openPage();
  try {
    page.on('dialog', (d) => d.accept('my_plot'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'my_plot.png');
    const png = await readFile(await file.path());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const size = await page.locator('canvas.rk-figure').evaluate((c) => [c.width, c.height]);
    assert.deepEqual([w, h], size);
    assert.deepEqual([w, h], [800, 800], 'the 400 × 400 plot at 2 device pixels per CSS pixel');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('toolbar autohide: the toolbar shows only while the pointer is over the plot', async () => {
  const { context, page, errors } = await openPage();
  try {
    const bar = page.getByRole('toolbar', { name: 'Plot tools' });
    assert.equal(await bar.isVisible(), true);
    assert.equal(await page.evaluate(() => window.rokeh.set('Toolbar', 'autohide', true)), undefined);
    // A point of the page off the plot: beside it, or else below it.
    const plot = await page.locator('.rk-plot').first().boundingBox();
    const viewport = page.viewportSize();
    const off =
      plot.x + plot.width + 10 < viewport.width
        ? { x: plot.x + plot.width + 10, y: plot.y + 10 }
        : { x: plot.x + 10, y: plot.y + plot.height + 10 };
    await page.mouse.move(off.x, off.y);
    await bar.waitFor({ state: 'hidden', timeout: 3000 });
    await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
    await bar.waitFor({ state: 'visible', timeout: 3000 });
    await page.mouse.move(off.x, off.y);
    await bar.waitFor({ state: 'hidden', timeout: 3000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a toolbar longer than its plot puts the tools that do not fit in an overflow menu, as BokehJS', async () => {
  const { context, page, errors } = await openPage();
  try {
    const more = page.getByRole('button', { name: 'More tools' });
    assert.equal(await more.count(), 0, 'a 400 px plot has room for every tool');
    const before = await paints(page);
    await page.evaluate(() => window.rokeh.set('Figure', 'height', 200));
    await paintedAfter(page, before);
    await more.waitFor({ timeout: 3000 });
    // As BokehJS fits them: the logo (25 px) and each button (30, 1 more after a
    // divider) while they end 15 px (the overflow button's) short of the frame's height.
    const [, top, , bottom] = await page.evaluate(() => window.rokeh.frame);
    const lengths = [25, 30, 30, 31, 31, 30, 30];
    let end = 0;
    const fitting = lengths.filter((l) => (end += l) <= bottom - top - 15).length;
    assert.ok(fitting > 1 && fitting < lengths.length, `${fitting} fit in ${bottom - top} px`);
    const names = ['Pan', /^Box Zoom/, 'Wheel Zoom', 'Save', 'Reset', /^Click the question mark/];
    const shown = async () => {
      const seen = [];
      for (const name of names) seen.push(await page.getByRole('button', { name }).isVisible());
      return seen;
    };
    const inStrip = names.map((_, i) => i + 1 < fitting);
    assert.deepEqual(await shown(), inStrip);
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    // The menu shows the rest, left of the strip; a press in it closes it.
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await shown(), names.map(() => true));
    const menu = await page.locator('.rk-tool-menu').boundingBox();
    const strip = await page.locator('.rk-toolbar').boundingBox();
    assert.ok(menu.x + menu.width <= strip.x + 1, 'the menu opens beside the strip, over the plot');
    await page.getByRole('button', { name: 'Reset' }).click();
    assert.deepEqual(await shown(), inStrip);
    // Opened again, a click anywhere else closes it.
    await more.click();
    await page.mouse.click(5, 5);
    assert.deepEqual(await shown(), inStrip);
    // A frame shorter than the logo's 25 px and the overflow button's 15: the logo
    // waits in the menu too, first.
    const logo = page.locator('.rk-logo');
    await page.evaluate(() => window.rokeh.set('Figure', 'height', 70));
    await page.waitForFunction(() => window.rokeh.frame[3] - window.rokeh.frame[1] < 40);
    assert.equal(await logo.isVisible(), false);
    await more.click();
    const first = await page.locator('.rk-tool-menu > :first-child').getAttribute('class');
    assert.ok(first.includes('rk-logo'), `the menu starts with ${first}`);
    assert.ok(await logo.isVisible(), 'the logo shows in the open menu');
    await page.mouse.click(5, 5);
    assert.equal(await logo.isVisible(), false);
    // Tall again: every tool in the strip, no overflow button.
    await page.evaluate(() => window.rokeh.set('Figure', 'height', 400));
    await more.waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(await shown(), names.map(() => true));
    assert.ok(await logo.isVisible(), 'the logo back in the strip');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** The tools app: points at (1, 1) … (10, 10) over 0..11 both ways, box select active. */
async function openTools() {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  await fence(context, site.origin + '/');
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(site.url + '?app=tools');
  await paintedAfter(page, 0);
  const canvas = await page.locator('canvas.rk-figure').boundingBox();
  const [l, t, r, b] = await page.evaluate(() => window.rokeh.frame);
  // Page coordinates of data (x, y).
  const at = (x, y) => ({ x: canvas.x + l + (x / 11) * (r - l), y: canvas.y + b - (y / 11) * (b - t) });
  const indices = () => page.evaluate(() => window.rokeh.get('Selection', 'indices'));
  const selected = async (want) => {
    await page
      .waitForFunction((w) => JSON.stringify(window.rokeh.get('Selection', 'indices')) === JSON.stringify(w), want, {
        timeout: 3000,
      })
      .catch(() => {});
    return indices();
  };
  return { context, page, errors, at, selected };
}

test('box select, lasso select and tap set selected.indices to exactly the points inside', async () => {
  const { context, page, errors, at, selected } = await openTools();
  try {
    assert.equal(
      await page.getByRole('button', { name: 'Box Select' }).getAttribute('aria-pressed'),
      'true',
    );
    // A box around (3, 3) … (5, 5).
    let p = at(2.5, 2.5);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    p = at(5.5, 5.5);
    await page.mouse.move(p.x, p.y, { steps: 6 });
    assert.equal(await page.locator('.rk-box-overlay').count(), 1);
    await page.mouse.up();
    assert.deepEqual(await selected([2, 3, 4]), [2, 3, 4]);

    // A tap on (10, 10) adds it (TapTool's toggle); another takes it away.
    p = at(10, 10);
    await page.mouse.click(p.x, p.y);
    assert.deepEqual(await selected([2, 3, 4, 9]), [2, 3, 4, 9]);
    await page.mouse.click(p.x, p.y);
    assert.deepEqual(await selected([2, 3, 4]), [2, 3, 4]);

    // The lasso, by keyboard-chosen tool: a loop around (7, 7) and (8, 8).
    await page.getByRole('button', { name: 'Lasso Select' }).focus();
    await page.keyboard.press('Space');
    const loop = [
      [6.5, 6.5],
      [8.5, 6.5],
      [8.5, 8.5],
      [6.5, 8.5],
    ].map(([x, y]) => at(x, y));
    await page.mouse.move(loop[0].x, loop[0].y);
    await page.mouse.down();
    for (const q of loop.slice(1)) await page.mouse.move(q.x, q.y, { steps: 4 });
    assert.equal(await page.locator('.rk-poly-overlay').count(), 1);
    await page.mouse.up();
    assert.deepEqual(await selected([6, 7]), [6, 7]);
    assert.equal(await page.locator('.rk-poly-overlay').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the zoom in and zoom out buttons zoom about the frame\'s centre, by mouse and by keyboard; undo and redo step through them', async () => {
  const { context, page, errors } = await openTools();
  try {
    const first = await state(page);
    assert.deepEqual([first.x.start, first.x.end, first.y.start, first.y.end], [0, 11, 0, 11]);
    // Undo and redo are disabled while they have nothing to step to, as BokehJS's.
    const undo = page.getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('button', { name: 'Redo' });
    const steps = async () => [await undo.isEnabled(), await redo.isEnabled()];
    assert.deepEqual(await steps(), [false, false]);
    // ZoomInTool's factor 0.1: each side 10 % nearer the centre (5.5).
    await page.getByRole('button', { name: 'Zoom In' }).click();
    const zoomed = await changedFrom(page, first);
    for (const r of [zoomed.x, zoomed.y]) {
      assert.ok(close(r.start, 0.55) && close(r.end, 10.45), JSON.stringify(r));
    }
    // ZoomOutTool undoes it (its factor taken as BokehJS takes it), pressed with Enter.
    await page.getByRole('button', { name: 'Zoom Out' }).focus();
    await page.keyboard.press('Enter');
    const back = await changedFrom(page, zoomed);
    for (const r of [back.x, back.y]) {
      assert.ok(close(r.start, 0) && close(r.end, 11), JSON.stringify(r));
    }
    assert.deepEqual(await steps(), [true, false]);
    // UndoTool steps back through what the zooms left, RedoTool forward again.
    await undo.click();
    const undone = await changedFrom(page, back);
    assert.ok(close(undone.x.start, 0.55) && close(undone.x.end, 10.45), JSON.stringify(undone.x));
    assert.deepEqual(await steps(), [true, true]);
    await undo.click();
    const initial = await changedFrom(page, undone);
    assert.deepEqual([initial.x.start, initial.x.end], [0, 11]);
    assert.deepEqual(await steps(), [false, true]);
    // A disabled button does nothing (Playwright's force clicks through to it).
    await undo.click({ force: true });
    await page.waitForTimeout(100);
    assert.deepEqual(await state(page), initial);
    await redo.click();
    const redone = await changedFrom(page, initial);
    assert.ok(close(redone.x.start, 0.55) && close(redone.x.end, 10.45), JSON.stringify(redone.x));
    // A new zoom drops what was undone: nothing to redo.
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await changedFrom(page, redone);
    assert.deepEqual(await steps(), [true, false]);
    // Reset forgets the history.
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForTimeout(100);
    assert.deepEqual(await steps(), [false, false]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('poly select: clicks add vertices, a double click or Enter closes the polygon, Escape drops it', async () => {
  const { context, page, errors, at, selected } = await openTools();
  try {
    const button = page.getByRole('button', { name: 'Poly Select' });
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    const square = (lo, hi) => [[lo, lo], [hi, lo], [hi, hi], [lo, hi]].map(([x, y]) => at(x, y));
    // Around (1, 1) and (2, 2): three clicks, a double click on the fourth corner.
    const [a, b, c, d] = square(0.5, 2.5);
    for (const q of [a, b, c]) await page.mouse.click(q.x, q.y);
    assert.equal(await page.locator('.rk-poly-overlay').count(), 1);
    await page.mouse.dblclick(d.x, d.y);
    assert.deepEqual(await selected([0, 1]), [0, 1]);
    assert.equal(await page.locator('.rk-poly-overlay').count(), 0);
    // Around (9, 9) and (10, 10), closed by Enter.
    for (const q of square(8.5, 10.5)) await page.mouse.click(q.x, q.y);
    await page.keyboard.press('Enter');
    assert.deepEqual(await selected([8, 9]), [8, 9]);
    // Escape drops a polygon under way: the selection stays.
    for (const q of square(4.5, 6.5).slice(0, 3)) await page.mouse.click(q.x, q.y);
    assert.equal(await page.locator('.rk-poly-overlay').count(), 1);
    await page.keyboard.press('Escape');
    await page.locator('.rk-poly-overlay').waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(await selected([8, 9]), [8, 9]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** The canvas pixel (RGB) under page point `p`. */
function pixelAt(page, p) {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector('canvas.rk-figure');
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const px = canvas.getContext('2d').getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data;
    return [px[0], px[1], px[2]];
  }, p);
}

/** Waits until the pixel under `p` is (or, with `not`, stops being) `rgb`; returns it. */
async function pixelBecomes(page, p, rgb, not = false) {
  for (let i = 0; i < 100; i++) {
    const now = await pixelAt(page, p);
    if ((JSON.stringify(now) === JSON.stringify(rgb)) !== not) return now;
    await page.waitForTimeout(20);
  }
  return pixelAt(page, p);
}

const FIREBRICK = [178, 34, 34];

test('hover shows the point\'s tooltip as text over the canvas and draws it with the hover glyph; the crosshair follows', async () => {
  const { context, page, errors, at } = await openTools();
  try {
    const p = at(4, 4);
    const other = at(5, 5);
    const drawn = await pixelAt(page, p);
    assert.notDeepEqual(drawn, FIREBRICK);
    await page.mouse.move(p.x + 2, p.y - 1);
    const tip = page.getByRole('tooltip');
    await tip.waitFor({ timeout: 3000 });
    const rows = await tip.locator('tr').evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(rows, ['point: 3', 'x: 4.0', 'y: 4']);
    // The hovered point, and it alone, takes its renderer's hover glyph's firebrick.
    assert.deepEqual(await pixelBecomes(page, p, FIREBRICK), FIREBRICK);
    assert.deepEqual(await pixelAt(page, other), drawn);
    assert.equal(await page.locator('.rk-cross-h').count(), 1);
    assert.equal(await page.locator('.rk-cross-v').count(), 1);
    // Away from every point: no tooltip; off the canvas: no crosshair either.
    const q = at(8, 2);
    await page.mouse.move(q.x, q.y);
    await tip.waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(await pixelBecomes(page, p, drawn), drawn);
    await page.mouse.move(1, 1);
    await page.locator('.rk-crosshair').waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('hover shows one tooltip entry per point hit: several points under a vline, as BokehJS', async () => {
  const { context, page, errors, at } = await openTools();
  try {
    // Three points at x = 4.5, one at x = 8.5 (numbers with fractions, so JSON gives
    // floats, as the app's columns are).
    const failed = await page.evaluate(() =>
      window.rokeh.set('ColumnDataSource', 'data', { type: 'map', entries: [['x', [4.5, 4.5, 4.5, 8.5]], ['y', [2.5, 4.5, 6.5, 8.5]]] }),
    );
    assert.equal(failed, undefined);
    const tip = page.getByRole('tooltip');
    const entries = () =>
      tip.locator('.rk-tooltip-entry').evaluateAll((es) =>
        es.map((e) => [...e.querySelectorAll('tr')].map((tr) => tr.innerText.replace(/\s+/g, ' ').trim())),
      );
    // The mouse over one point: one entry.
    let p = at(4.5, 4.5);
    await page.mouse.move(p.x + 1, p.y);
    await tip.waitFor({ timeout: 3000 });
    assert.deepEqual(await entries(), [['point: 1', 'x: 4.5', 'y: 4.500']]);
    // A vline through the three: one tooltip with an entry for each, in row order.
    assert.equal(await page.evaluate(() => window.rokeh.set('HoverTool', 'mode', 'vline')), undefined);
    p = at(4.5, 9.5);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => document.querySelectorAll('.rk-tooltip-entry').length === 3, null, { timeout: 3000 });
    assert.equal(await tip.count(), 1);
    assert.deepEqual(await entries(), [
      ['point: 0', 'x: 4.5', 'y: 2.500'],
      ['point: 1', 'x: 4.5', 'y: 4.500'],
      ['point: 2', 'x: 4.5', 'y: 6.500'],
    ]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('gridplot: one toolbar for both plots; its box zoom changes what a drag does in each, its reset resets both', async () => {
  const context = await browser.newContext();
  await fence(context, site.origin + '/');
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${site.url}?app=grid_tools`);
    await page.waitForFunction(() => (window.rokeh?.paints ?? 0) >= 2);
    // One strip, beside the grid, not over a plot; the plots have none of their own.
    assert.equal(await page.locator('.rk-toolbar').count(), 1);
    assert.equal(await page.locator('.rk-plot .rk-toolbar').count(), 0);
    const pressed = () => page.locator('.rk-toolbar button.rk-tool').evaluateAll(
      (bs) => bs.map((b) => [b.title, b.getAttribute('aria-pressed')]),
    );
    assert.deepEqual(await pressed(), [
      ['Pan', 'true'],
      ['Box Zoom', 'false'],
      ['Save', null],
      ['Reset', null],
    ]);
    const strip = await page.locator('.rk-toolbar').boundingBox();
    const canvases = [0, 1].map((n) => page.locator('canvas.rk-figure').nth(n));
    const boxes = await Promise.all(canvases.map((c) => c.boundingBox()));
    assert.ok(strip.y + strip.height <= boxes[0].y && strip.height === 30, JSON.stringify(strip));
    assert.ok(Math.abs(strip.x + strip.width - (boxes[1].x + boxes[1].width)) < 1, 'as wide as the grid');

    // Each plot's x range, as the document has it.
    const ranges = () => page.evaluate(() => {
      const r = window.rokeh;
      return r.get('GridPlot', 'children').map(([plot]) => {
        const x = r.get(plot, 'x_range');
        return [r.get(x, 'start'), r.get(x, 'end')];
      });
    });
    const first = await ranges();
    assert.deepEqual(first, [[0, 11], [0, 11]]);
    const drag = async (n, dx, dy) => {
      const b = boxes[n];
      const from = { x: Math.round(b.x + b.width * 0.4), y: Math.round(b.y + b.height * 0.4) };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 });
      const overlay = await page.locator('.rk-box-overlay').count();
      await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
      await page.mouse.up();
      return overlay;
    };
    const changed = async (before) => {
      await page.waitForFunction((b) => {
        const r = window.rokeh;
        const now = r.get('GridPlot', 'children').map(([p]) => r.get(r.get(p, 'x_range'), 'start'));
        return now.some((s, i) => s !== b[i][0]);
      }, before);
      return ranges();
    };

    // Pan, active at first: a drag in the right plot moves its range only, by its length.
    assert.equal(await drag(1, 60, 0), 0, 'no box while panning');
    const panned = await changed(first);
    assert.deepEqual(panned[0], first[0]);
    assert.ok(panned[1][0] < 0 && Math.abs(panned[1][1] - panned[1][0] - 11) < 1e-9, JSON.stringify(panned));

    // Box zoom on in the grid's toolbar: pan goes off, and a drag in either plot zooms it.
    await page.getByRole('button', { name: 'Box Zoom', exact: true }).click();
    assert.deepEqual((await pressed()).map(([, p]) => p), ['false', 'true', null, null]);
    assert.equal(await drag(0, 80, 80), 1, 'the left plot draws the box');
    const zoomedLeft = await changed(panned);
    assert.ok(zoomedLeft[0][1] - zoomedLeft[0][0] < 8, `the left plot zoomed: ${JSON.stringify(zoomedLeft)}`);
    assert.deepEqual(zoomedLeft[1], panned[1]);
    assert.equal(await drag(1, 80, 80), 1, 'the right plot draws the box');
    const zoomed = await changed(zoomedLeft);
    assert.ok(zoomed[1][1] - zoomed[1][0] < 8, `the right plot zoomed: ${JSON.stringify(zoomed)}`);

    // Reset resets both plots.
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(() => {
      const r = window.rokeh;
      return r.get('GridPlot', 'children')
        .every(([p]) => r.get(r.get(p, 'x_range'), 'start') === 0 && r.get(r.get(p, 'x_range'), 'end') === 11);
    });

    // Box zoom off again: a drag does nothing (no drag tool is active).
    await page.getByRole('button', { name: 'Box Zoom', exact: true }).click();
    assert.deepEqual((await pressed()).map(([, p]) => p), ['false', 'false', null, null]);
    assert.equal(await drag(0, 80, 80), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(await ranges(), first);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('gridplot: save downloads one PNG of the whole grid, each plot drawn where the page shows it', async () => {
  const { context, page, errors } = await openPage(`${site.url}?app=grid_tools`);
  try {
    await page.waitForFunction(() => (window.rokeh?.paints ?? 0) >= 2);
    page.on('dialog', (d) => d.accept('grid'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'grid.png');
    const png = decodePng(await readFile(await file.path()));
    // The grid's size and each plot's canvas: where it sits in the grid (device pixels)
    // and its own pixels.
    const { grid, plots } = await page.evaluate(() => {
      const frame = document.querySelector('.rk-grid').getBoundingClientRect();
      const plots = [...document.querySelectorAll('.rk-grid canvas.rk-figure')].map((c) => {
        const at = c.getBoundingClientRect();
        return {
          x: (at.x - frame.x) * devicePixelRatio,
          y: (at.y - frame.y) * devicePixelRatio,
          width: c.width,
          height: c.height,
          rgba: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data),
        };
      });
      const grid = [frame.width, frame.height].map((v) => Math.round(v * devicePixelRatio));
      return { grid, plots };
    });
    assert.equal(plots.length, 2);
    assert.deepEqual([plots[0].width, plots[0].height], [600, 600], 'a 300 × 300 plot at 2 device pixels per CSS pixel');
    assert.deepEqual([png.width, png.height], grid, 'the PNG is the grid, at 2 device pixels per CSS pixel');
    assert.ok(plots[1].x >= plots[0].x + plots[0].width, JSON.stringify(plots.map((p) => [p.x, p.y])));
    // Every 97th pixel of each plot is in the PNG where the plot is on the page.
    for (const p of plots) {
      const [dx, dy] = [Math.round(p.x), Math.round(p.y)];
      let differ = 0;
      let inked = 0;
      for (let i = 0; i < p.width * p.height; i += 97) {
        const [x, y] = [i % p.width, Math.floor(i / p.width)];
        const at = 4 * ((y + dy) * png.width + (x + dx));
        const want = p.rgba.slice(4 * i, 4 * i + 4);
        const got = Array.from(png.rgba.subarray(at, at + 4));
        if (want.some((v, k) => Math.abs(v - got[k]) > 1)) differ++;
        if (want.slice(0, 3).some((v) => v < 250)) inked++;
      }
      assert.equal(differ, 0, `pixels of the plot at ${dx},${dy} that the PNG does not have`);
      assert.ok(inked > 20, `the plot at ${dx},${dy} has its axes and points (${inked} samples not white)`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
