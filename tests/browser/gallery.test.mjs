// The gallery's ports of Bokeh's server demos (gallery/src/{movies,ohlc,…}.rs) as a
// person uses them, in headless Chromium with the page running alone (dist/ at a sub-path,
// as GitHub Pages serves it): widgets found by role and name, results read back from the
// page's document (window.rokeh) and its canvas. Needs `trunk build --release` (dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, collectErrors, fence, launch, paints, paintedAfter, serveDist } from './support.mjs';

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

/**
 * App `name` in a fresh context fenced to the site (or to `url` itself, when given), with
 * `query` after its `?app=`; `run(page)` drives it once its first plot is painted
 * (`painted`: false for an app without one). No errors, nothing fetched from outside the
 * fence.
 */
async function withApp(name, run, url, { painted = true, query = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const blocked = await fence(context, url ?? site.origin);
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(url ?? `${site.url}?app=${name}${query}`);
    if (painted) {
      await page.waitForFunction(() => (window.rokeh?.paints ?? 0) > 0, null, { timeout: 20000 });
    } else {
      await page.waitForFunction(() => window.rokeh !== undefined, null, { timeout: 20000 });
    }
    await run(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, [], 'the page fetches nothing but its own files');
  } finally {
    await context.close();
  }
}

const get = (page, key, attr) => page.evaluate(([k, a]) => window.rokeh.get(k, a), [key, attr]);
const rows = (page, column) => page.evaluate((c) => window.rokeh.column(c)?.length ?? 0, column);

test('movies: a genre and a director narrow the points and the title counts them', async () => {
  await withApp('movies', async (page) => {
    const count = async () => Number((await get(page, 'Title', 'text')).split(' ')[0]);
    const all = await count();
    assert.ok(all > 1000, `${all} movies at first`);
    assert.equal(await rows(page, 'x'), all);

    let before = await paints(page);
    await page.getByRole('combobox', { name: 'Genre' }).selectOption('Western');
    await page.waitForFunction((n) => !window.rokeh.get('Title', 'text').startsWith(`${n} `), all);
    await paintedAfter(page, before);
    const westerns = await count();
    assert.ok(westerns > 0 && westerns < all / 5, `${westerns} westerns of ${all}`);
    assert.equal(await rows(page, 'x'), westerns);

    before = await paints(page);
    const director = page.getByRole('textbox', { name: 'Director name contains' });
    await director.fill('Coen');
    await director.press('Enter');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === '2 movies selected');
    await paintedAfter(page, before);

    await page.getByRole('combobox', { name: 'X Axis' }).selectOption('Year');
    await page.waitForFunction(() => window.rokeh.get('LinearAxis', 'axis_label') === 'Year');
    const years = await page.evaluate(() => Array.from(window.rokeh.column('x')));
    assert.ok(years.every((y) => y >= 1970 && y <= 2014), years.join());
  });
});

test('gapminder: Play advances the year label and the bubbles, Pause stops it', async () => {
  await withApp('gapminder', async (page) => {
    const year = async () => Number(await get(page, 'Label', 'text'));
    assert.equal(await year(), 1964);
    // In the app's template: between its text, the document's roots (`embed(doc)`).
    await page.getByRole('heading', { name: 'A reproduction of Gapminder' }).waitFor();
    assert.equal(await page.locator('.content p + [data-rk-root=""] canvas').count(), 1);
    const life1964 = await page.evaluate(() => Array.from(window.rokeh.column('life')));

    await page.getByRole('button', { name: '► Play' }).click();
    await page.waitForFunction(() => Number(window.rokeh.get('Label', 'text')) >= 1967);
    const life = await page.evaluate(() => Array.from(window.rokeh.column('life')));
    assert.notDeepEqual(life, life1964, 'the bubbles moved');
    assert.equal(await get(page, 'Slider', 'value'), await year());

    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await page.getByRole('button', { name: '► Play' }).waitFor();
    const paused = await year();
    await page.waitForTimeout(700);
    assert.equal(await year(), paused, 'paused');
  });
});

test('sizing_mode: gapminder scales its plot with the window (2:1), movies stretches its plot', async () => {
  const canvasSize = (page) => page.evaluate(() => {
    const r = document.querySelector('canvas').getBoundingClientRect();
    return [r.width, r.height];
  });
  // BokehJS at 900 and 1400 px wide windows: gapminder's plot 900 × 450 and 1400 × 700
  // when it fills the window. In its template it fills its place there, the template's
  // column of text (75 % of the window, 600 to 900 px, less its margins).
  await withApp('gapminder', async (page) => {
    const widths = [];
    for (const width of [900, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((old) => {
        const c = document.querySelector('canvas').getBoundingClientRect();
        const place = document.querySelector('[data-rk-root=""]').getBoundingClientRect();
        return c.width !== old && Math.abs(c.width - place.width) < 1;
      }, widths.at(-1));
      const [w, h] = await canvasSize(page);
      assert.ok(Math.abs(h - w / 2) <= 1, `${w} × ${h} keeps the plot's 600 × 300 aspect`);
      widths.push(w);
    }
    assert.ok(widths[1] - widths[0] > 200, `the plot grew with the window: ${widths}`);
  });
  await withApp('movies', async (page) => {
    const widths = [];
    for (const width of [900, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      widths.push(await canvasSize(page));
    }
    assert.equal(widths[1][0] - widths[0][0], 500, `the plot takes the room: ${JSON.stringify(widths)}`);
    assert.deepEqual([widths[0][1], widths[1][1]], [600, 600], 'at its own height');
  });
});

test('ohlc: streams every 50 ms, keeps at most 300 rows, and its heap stays flat', async () => {
  await withApp('ohlc', async (page) => {
    await page.waitForTimeout(3000);
    const early = await rows(page, 'time');
    assert.ok(early > 20 && early <= 300, `${early} rows after 3 s`);
    // 300 rows take 15 s at 50 ms; then the oldest roll over.
    await page.waitForFunction(
      () => { const t = window.rokeh.column('time'); return t.length === 300 && t[0] > 20; },
      null,
      { timeout: 40000, polling: 500 },
    );
    const heap = () => page.evaluate(() => performance.memory.usedJSHeapSize);
    const first = await page.evaluate(() => window.rokeh.column('time')[299]);
    const heapBefore = await heap();
    await page.waitForTimeout(4000);
    const time = await page.evaluate(() => Array.from(window.rokeh.column('time')));
    assert.equal(time.length, 300);
    assert.ok(time[299] > first + 40, `still streaming: ${first} → ${time[299]}`);
    const grown = (await heap()) - heapBefore;
    assert.ok(grown < 8 * 1024 * 1024, `JS heap grew ${grown} bytes in 4 s`);
    assert.ok((await paints(page)) > 50, 'it repaints as it streams');
  });
});

/** Canvas `n`'s box in the page (CSS pixels), in page order. */
const canvasBox = (page, n) => page.locator('canvas').nth(n).boundingBox();

test('ohlc: one toolbar left of both plots, as gridplot(toolbar_location="left"); its box zoom serves a drag in either', async () => {
  await withApp('ohlc', async (page) => {
    assert.equal(await page.locator('.rk-toolbar').count(), 1, 'the grid\'s toolbar only');
    const strip = await page.locator('.rk-toolbar').boundingBox();
    const boxes = [await canvasBox(page, 0), await canvasBox(page, 1)];
    assert.equal(strip.width, 30);
    assert.ok(strip.x + strip.width <= boxes[0].x && strip.y === boxes[0].y, JSON.stringify([strip, boxes[0]]));
    assert.ok(Math.abs(strip.height - (boxes[1].y + boxes[1].height - boxes[0].y)) < 1, 'as tall as the grid');
    const pressed = () => page.locator('.rk-toolbar button.rk-tool').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
    // BokehJS's order: the drags (xpan, xbox_zoom), the wheel, reset; as BokehJS 3's, the
    // wheel zoom is not on by itself.
    assert.deepEqual(await pressed(), ['true', 'false', 'false', null], 'xpan active, as in each plot');
    // A drag's box is drawn while it goes on, if box zoom is what the drag does.
    const boxDrawn = async (n) => {
      const b = boxes[n];
      const from = { x: Math.round(b.x + b.width * 0.3), y: Math.round(b.y + b.height * 0.5) };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y + 10, { steps: 5 });
      const drawn = await page.locator('.rk-box-overlay').count();
      await page.mouse.up();
      return drawn;
    };
    assert.deepEqual([await boxDrawn(0), await boxDrawn(1)], [0, 0], 'pan drags');
    await page.getByRole('button', { name: 'Box Zoom (x-axis)' }).click();
    assert.deepEqual(await pressed(), ['false', 'true', 'false', null]);
    assert.deepEqual([await boxDrawn(0), await boxDrawn(1)], [1, 1], 'both plots box-zoom');
  });
});

test('stocks: an xbox-select drag changes the statistics, another ticker retitles the plots', async () => {
  await withApp('stocks', async (page) => {
    const stats = () => get(page, 'PreText', 'text');
    const all = await stats();
    assert.match(all, /Close_AAPL\s+Close_GOOG\s+Returns_AAPL\s+Returns_GOOG/);
    const count = (text) => Number(text.match(/count\s+([\d.]+)/)[1]);
    // The first time series (its active drag is xbox_select): a drag across its middle fifth.
    const box = await canvasBox(page, 1);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y + 10, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, y + 20, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((s) => window.rokeh.get('PreText', 'text') !== s, all);
    const selected = await page.evaluate(() => window.rokeh.get('Selection', 'indices').length);
    assert.ok(selected > 10 && selected < count(all) / 2, `${selected} days of ${count(all)} selected`);
    assert.equal(count(await stats()), selected, 'the statistics describe the selected days');

    await page.getByRole('combobox').first().selectOption('IBM');
    await page.waitForFunction(() => /Close_IBM/.test(window.rokeh.get('PreText', 'text')));
    const titles = await page.evaluate(() => window.rokeh.get('Title', 'text'));
    assert.equal(titles, 'IBM returns vs. GOOG returns');
  });
});

/** A fingerprint of each canvas' pixels, in page order. */
const canvasHashes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 2166136261;
      for (let i = 0; i < data.length; i += 4) {
        hash = Math.imul(hash ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16)), 16777619);
      }
      return hash;
    }),
  );

test('selection_histogram: a lasso drawn with the mouse redraws both histograms', async () => {
  await withApp('selection_histogram', async (page) => {
    const before = await canvasHashes(page);
    assert.equal(before.length, 3, 'the scatter and two histograms');
    const painted = await paints(page);
    // merge_tools=False: the grid's toolbar is empty (a band above, as BokehJS keeps it),
    // the scatter keeps its own.
    const strips = await page.locator('.rk-toolbar').evaluateAll((ts) => ts.map((t) => t.querySelectorAll('button.rk-tool').length));
    assert.deepEqual(strips, [0, 5]);
    await page.getByRole('button', { name: 'Lasso Select' }).click();
    // A loop around the middle of the scatter's canvas.
    const box = await canvasBox(page, 0);
    const at = (fx, fy) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    const loop = [at(0.35, 0.35), at(0.65, 0.3), at(0.7, 0.65), at(0.4, 0.7), at(0.35, 0.36)];
    await page.mouse.move(loop[0].x, loop[0].y);
    await page.mouse.down();
    for (const q of loop.slice(1)) await page.mouse.move(q.x, q.y, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(() => window.rokeh.get('Selection', 'indices').length > 0);
    const selected = await page.evaluate(() => window.rokeh.get('Selection', 'indices').length);
    assert.ok(selected < 1400, `${selected} of 1400 points inside the lasso`);
    await paintedAfter(page, painted);
    await page.waitForTimeout(300);
    const after = await canvasHashes(page);
    const changed = after.filter((h, i) => h !== before[i]).length;
    assert.equal(changed, 3, 'the selected points and both histograms are drawn anew');
  });
});

test('crossfilter: another x column relabels the axis and redraws the plot', async () => {
  await withApp('crossfilter', async (page) => {
    assert.equal(await get(page, 'Title', 'text'), 'Mpg vs Hp');
    // The app's template darkens the page around its dark-themed plot.
    const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(body, 'rgb(47, 47, 47)');
    const [before] = await canvasHashes(page);
    await page.getByRole('combobox', { name: 'X-Axis' }).selectOption('origin');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === 'Origin vs Hp');
    assert.equal(await get(page, 'CategoricalAxis', 'axis_label'), 'Origin');
    await page.waitForFunction(() => document.querySelectorAll('canvas').length === 1);
    await page.waitForTimeout(300);
    const [after] = await canvasHashes(page);
    assert.notEqual(after, before);
    await page.getByRole('combobox', { name: 'Color' }).selectOption('mpg');
    await page.waitForFunction(() => new Set(window.rokeh.column('color')).size === 5);
  });
});

test('fourier_animated: the wave moves a step every 100 ms and is painted again', async () => {
  await withApp('fourier_animated', async (page) => {
    const wave = () => page.evaluate(() => Array.from(window.rokeh.column('y')));
    const first = await wave();
    assert.equal(first.length, 100);
    const before = await paints(page);
    await page.waitForFunction((y0) => window.rokeh.column('y')[0] !== y0, first[0], { timeout: 5000 });
    await paintedAfter(page, before);
    const now = await wave();
    // Rolled left by however many ticks ran: the same wave, shifted.
    const shift = now.findIndex((_, k) => now.every((y, i) => y === first[(i + k) % 100]));
    assert.ok(shift > 0, `rolled by ${shift}`);
  });
});

test('contour_animated: its contours are worked out again and repainted as the bumps breathe', async () => {
  await withApp('contour_animated', async (page) => {
    assert.equal((await get(page, 'ContourRenderer', 'levels')).length, 11);
    const upper = await page.evaluate(() => Array.from(window.rokeh.column('upper_levels')));
    assert.deepEqual(upper.map((v) => Math.round(v * 10) / 10), [-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1]);
    // Each 40 ms tick replaces the bands: the canvas' picture changes.
    const picture = () => page.evaluate(() => document.querySelector('canvas').toDataURL());
    const before = await picture();
    const painted = await paints(page);
    await paintedAfter(page, painted + 3);
    assert.notEqual(await picture(), before);
  });
});

test('patch_app: patches within a line and an image reach the page and are painted', async () => {
  await withApp('patch_app', async (page) => {
    const line = () => page.evaluate(() => Array.from(window.rokeh.column('ys')[0]));
    const first = await line();
    assert.equal(first.length, 200);
    // Each 50 ms tick moves one point of the first line ([0, i]) and rolls image rows.
    await page.waitForFunction((y) => Array.from(window.rokeh.column('ys')[0]).some((v, i) => v !== y[i]), first, { timeout: 5000 });
    const changed = (await line()).filter((v, i) => v !== first[i]).length;
    assert.ok(changed >= 1 && changed < 200, `${changed} points moved`);
  });
});

test('events_app: a tap, a click on each axis and the button are logged as Bokeh logs them; a click is no pan', async () => {
  await withApp('events_app', async (page) => {
    const log = () => page.evaluate(() => window.rokeh.get('Div', 'text'));
    const canvas = await page.locator('canvas').first().boundingBox();
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.waitForFunction(() => window.rokeh.get('Div', 'text').includes('<b>tap</b>'));
    assert.match(await log(), /<b>tap<\/b>\(x=[\d.]+, y=[\d.]+, sx=[\d.]+, sy=[\d.]+\)/);
    // Below the frame, over the x axis' labels; left of it, over the y axis'.
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height - 15);
    await page.mouse.click(canvas.x + 15, canvas.y + canvas.height / 2);
    await page.waitForFunction(() => (window.rokeh.get('Div', 'text').match(/axis_click/g) ?? []).length === 2);
    const values = [...(await log()).matchAll(/<b>axis_click<\/b>\(value=([-\d.]+)\)/g)].map((m) => Number(m[1]));
    assert.ok(values.every((v) => v > 0 && v < 100), JSON.stringify(values));
    await page.getByRole('button', { name: 'Button' }).click();
    await page.waitForFunction(() => window.rokeh.get('Div', 'text').includes('<b>button_click</b>()'));
    // Clicks moved no range: BokehJS sends no RangesUpdate for them.
    assert.equal((await log()).match(/rangesupdate/g)?.length ?? 0, 0, await log());
  });
});

test('export_csv: the range slider narrows the table; Download saves the rows shown as CSV', async () => {
  await withApp('export_csv', async (page) => {
    const rows = () => page.evaluate(() => window.rokeh.column('salary').length);
    assert.equal(await rows(), 100);
    await page.getByRole('heading', { name: 'Export data to CSV' }).waitFor();
    await page.getByRole('grid').waitFor();
    await page.getByText('$47,298.01').waitFor();
    // The upper handle three steps down: 47,000 at most.
    await page.getByRole('slider', { name: /end/ }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.rokeh.column('salary').length < 100);
    const shown = await rows();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'data_result.csv');
    const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
    assert.equal(lines[0], 'name,salary,years_experience');
    assert.equal(lines.length - 1, shown);
    assert.ok(lines.slice(1).every((l) => Number(l.split(',')[1]) <= 47000), 'only the rows shown');
  }, undefined, { painted: false });
});

/** How many pixels of the first canvas are within 12 of `rgb` in each channel. */
const pixelsNear = (page, rgb) =>
  page.evaluate((rgb) => {
    const canvas = document.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ([0, 1, 2].every((c) => Math.abs(data[i + c] - rgb[c]) <= 12)) n++;
    }
    return n;
  }, rgb);

test('duffing_oscillator: its TeX shows as MathML in the text and the slider titles; it streams, and a slider restarts it', async () => {
  await withApp('duffing_oscillator', async (page) => {
    // Two Divs with one formula each, five Paragraphs with 5, 3, 1 and 2, three titles.
    assert.equal(await page.locator('math').count(), 16);
    const title = page.locator('label').filter({ has: page.locator('math') }).first();
    // TeX text keeps its spaces, as no-break spaces.
    assert.match(await title.innerText(), /damping\sfactor,\s1\/s\)[\s\S]*: 0\.25$/);
    assert.equal(await title.locator('math mi').first().textContent(), 'δ');
    assert.equal(await page.locator('.rk-paragraph math mfrac').count(), 4);
    // The phase diagram grows 50 points a tick, the Poincaré section one a period.
    const phase = () => page.evaluate(() => window.rokeh.column('xdot').length);
    await page.waitForFunction(() => window.rokeh.column('xdot').length > 400, null, { timeout: 10000 });
    const before = await phase();
    await page.locator('input[type=range]').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => window.rokeh.column('xdot').length < n, before, { timeout: 5000 });
  });
});

test('line_on_off: unticking a box hides its line, ticking it shows the line again', async () => {
  await withApp('line_on_off', async (page) => {
    // Viridis3's second colour, #208F8C at alpha 0.7 over white.
    const teal = [99, 177, 175];
    const shown = await pixelsNear(page, teal);
    assert.ok(shown > 500, `${shown} teal pixels`);
    const box = page.getByRole('checkbox', { name: 'Line 1' });
    let painted = await paints(page);
    await box.uncheck();
    await paintedAfter(page, painted);
    const hidden = await pixelsNear(page, teal);
    assert.ok(hidden < shown / 4, `${hidden} teal pixels left (the legend's)`);
    painted = await paints(page);
    await box.check();
    await paintedAfter(page, painted);
    assert.equal(await pixelsNear(page, teal), shown);
  });
});

test("apply_theme: Bokeh's dark_minimal theme, named, colours the plot", async () => {
  await withApp('apply_theme', async (page) => {
    const frame = await pixelsNear(page, [0x20, 0x26, 0x2b]);
    const border = await pixelsNear(page, [0x15, 0x19, 0x1c]);
    assert.ok(frame > 200_000, `${frame} pixels of the frame's #20262B`);
    assert.ok(border > 20_000, `${border} pixels of the border's #15191C`);
  });
});

test('hold_app: under a hold the slider repaints nothing; unhold shows where it went', async () => {
  await withApp('hold_app', async (page) => {
    const peak = () => page.evaluate(() => Math.max(...window.rokeh.column('y')));
    for (const hold of ['hold combine', 'hold collect']) {
      await page.getByRole('button', { name: hold }).click();
      const painted = await paints(page);
      await page.getByRole('slider').focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(300);
      assert.equal(await paints(page), painted, `${hold}: nothing repainted while held`);
      await page.getByRole('button', { name: 'unhold' }).click();
      await paintedAfter(page, painted);
    }
    // Ten steps of 0.1 from 1: the parabola's peak at 2.
    assert.ok(Math.abs((await peak()) - 2) < 1e-3, `${await peak()}`);
  });
});

test('weather: another city and the smoothing redraw its year of bars', async () => {
  await withApp('weather', async (page) => {
    // The record highs and lows in Blues4's third colour, #BDD7E7.
    const record = [0xbd, 0xd7, 0xe7];
    const austin = await pixelsNear(page, record);
    assert.ok(austin > 20_000, `${austin} pixels of the record bars`);
    let painted = await paints(page);
    await page.getByRole('combobox', { name: 'City' }).selectOption('Seattle');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === 'Weather data for Seattle, WA');
    await paintedAfter(page, painted);
    const seattle = await pixelsNear(page, record);
    assert.ok(Math.abs(seattle - austin) > 1000, `Seattle's ${seattle} against Austin's ${austin}`);
    painted = await paints(page);
    await page.getByRole('combobox', { name: 'Distribution' }).selectOption('Smoothed');
    await paintedAfter(page, painted);
    // scipy's savgol_filter(column, 51, 3) of Seattle's first record high.
    const first = await page.evaluate(() => window.rokeh.column('record_max_temp')[0]);
    assert.ok(Math.abs(first - 57.91814097) < 1e-6, `${first}`);
    // Smoothed bars have no spikes: fewer record pixels show around the averages.
    assert.notEqual(await pixelsNear(page, record), seattle);
  });
});

test('taylor: the order slider and a typed expression redraw the series; a typo is shown, not drawn', async () => {
  await withApp('taylor', async (page) => {
    const title = () => get(page, 'Title', 'text');
    const columns = () => page.evaluate(() => ['x', 'fy', 'ty'].map((c) => Array.from(window.rokeh.column(c))));
    assert.equal(await title(), 'Taylor (n=1) expansion comparison for: exp(-x)*sin(x)');
    let painted = await paints(page);
    await page.getByRole('slider').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text').startsWith('Taylor (n=4) '));
    await paintedAfter(page, painted);
    // e^-x sin x = x - x² + x³/3 - …: the terms up to x³.
    let [x, fy, ty] = await columns();
    assert.equal(x.length, 200);
    x.forEach((v, i) => {
      assert.ok(Math.abs(ty[i] - (v - v ** 2 + v ** 3 / 3)) < 1e-9, `ty at ${v}`);
      assert.ok(Math.abs(fy[i] - Math.exp(-v) * Math.sin(v)) < 1e-9, `fy at ${v}`);
    });

    // A typo is reported under the box; the plot keeps what it showed.
    const box = page.getByRole('textbox', { name: 'Expression:' });
    await box.fill('2x');
    await box.press('Enter');
    await page.waitForFunction(() => window.rokeh.get('PreText', 'text') !== '');
    assert.match(await get(page, 'PreText', 'text'), /column 2/);
    assert.match(await title(), /for: exp\(-x\)\*sin\(x\)$/);
    assert.deepEqual((await columns())[2], ty);

    painted = await paints(page);
    await box.fill('cos(x)');
    await box.press('Enter');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text').endsWith('for: cos(x)'));
    await paintedAfter(page, painted);
    assert.equal(await get(page, 'PreText', 'text'), '');
    [x, fy, ty] = await columns();
    x.forEach((v, i) => assert.ok(Math.abs(ty[i] - (1 - v ** 2 / 2)) < 1e-9, `ty at ${v}`));
  });
});

test("population: men to the left by the example's JavaScript transform; another location and year redraw both plots", async () => {
  await withApp('population', async (page) => {
    // The columns of the first canvas (the pyramid) holding each colour of factor_cmap.
    const spans = () => page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = { male: [0x3b, 0x86, 0x86], female: [0xcf, 0xf0, 0x9e] };
      const span = {};
      for (const [name, rgb] of Object.entries(colours)) {
        let [min, max, n] = [Infinity, -Infinity, 0];
        for (let i = 0; i < data.length; i += 4) {
          if ([0, 1, 2].every((c) => Math.abs(data[i + c] - rgb[c]) <= 6)) {
            const x = (i / 4) % canvas.width;
            [min, max, n] = [Math.min(min, x), Math.max(max, x), n + 1];
          }
        }
        span[name] = { min, max, n };
      }
      return span;
    });
    const world = await spans();
    assert.ok(world.male.n > 10_000 && world.female.n > 10_000, JSON.stringify(world));
    // The legend's swatches aside (top right), the men's bars end where the women's begin.
    assert.ok(world.male.min < world.female.min - 100, JSON.stringify(world));
    const totals = () => page.evaluate(() => Array.from(window.rokeh.column('y')));
    const before = await totals();
    const painted = await paints(page);
    await page.getByRole('combobox', { name: 'Location:' }).selectOption('Japan');
    await page.getByRole('combobox', { name: 'Year:' }).selectOption('1950');
    await paintedAfter(page, painted);
    await page.waitForFunction((b) => window.rokeh.column('y')[0] !== b, before[0]);
    const japan = await totals();
    assert.ok(japan[0] > 8e7 && japan[0] < 9e7, `Japan in 1950: ${japan[0]}`);
  });
});

test('image_blur: the slider blurs the rings, the finest first', async () => {
  await withApp('image_blur', async (page) => {
    const black = [0, 0, 0];
    const sharp = await pixelsNear(page, black);
    assert.ok(sharp > 30_000, `${sharp} black pixels in the rings`);
    const painted = await paints(page);
    await page.getByRole('slider').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.rokeh.get('Blur Factor', 'value') === 10);
    await paintedAfter(page, painted);
    // A 21-pixel box leaves only the wide rings at the centre anywhere near black.
    const blurred = await pixelsNear(page, black);
    assert.ok(blurred < sharp / 10, `${blurred} black pixels left of ${sharp}`);
  });
});

test('server_auth alone: the sliders show, nobody is there to log out; ?N= reaches the app through its session context', async () => {
  await withApp('server_auth', async (page) => {
    const logout = page.getByRole('button', { name: 'logout' });
    await logout.waitFor();
    assert.equal(await logout.isDisabled(), true);
    assert.equal(await get(page, 'Title', 'text'), 'my sine wave');
    const painted = await paints(page);
    await page.getByRole('slider', { name: /offset/ }).focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => Math.min(...window.rokeh.column('y')) > 3);
    await paintedAfter(page, painted);
  });
  // The page's own URL is its session context: the sliders draw its ?N= points.
  await withApp('sliders', async (page) => {
    assert.equal(await rows(page, 'x'), 321);
  }, undefined, { query: '&N=321' });
});

/** How many pixels of canvas `n` are within 12 of one of `colors` in each channel. */
const pixelsOf = (page, n, colors) =>
  page.locator('canvas').nth(n).evaluate((canvas, colors) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (colors.some((rgb) => [0, 1, 2].every((c) => Math.abs(data[i + c] - rgb[c]) <= 12))) count++;
    }
    return count;
  }, colors);

test('spectrogram: the waterfall fills from the left as it streams; gain and frequency change the plots', async () => {
  await withApp('spectrogram', async (page) => {
    // The palette's three brightest colours: the tone's peaks, at 4 and above.
    const bright = [[0xff, 0xff, 0xd9], [0xed, 0xf8, 0xb1], [0xc7, 0xe9, 0xb4]];
    const first = await pixelsOf(page, 0, bright);
    // Some 40 slices later (four plots paint each).
    await paintedAfter(page, (await paints(page)) + 160);
    const later = await pixelsOf(page, 0, bright);
    assert.ok(later > 2.5 * first, `${first} → ${later} bright pixels as spectra came in`);

    // Gain 20: the signal (±0.4 at gain 1, in a ±0.8 window) strokes the frame top to bottom.
    const ink = [[0x02, 0x47, 0x68]];
    const quiet = await pixelsOf(page, 1, ink);
    await page.getByRole('slider', { name: 'Gain' }).focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.rokeh.get('Gain', 'value') === 20);
    // Applied from the next slice on: two slices later (four plots paint each).
    await paintedAfter(page, (await paints(page)) + 8);
    const loud = await pixelsOf(page, 1, ink);
    assert.ok(loud > 1.5 * quiet, `${quiet} → ${loud} signal pixels`);

    // Frequency at a quarter of its track, some 5.5 kHz: the tone's band (under 5 kHz)
    // fills four times the waterfall's height, the spectrum's x axis ends there too.
    const full = await pixelsOf(page, 0, bright);
    const track = await page.getByRole('slider', { name: 'Frequency' }).boundingBox();
    await page.mouse.click(track.x + track.width / 4, track.y + track.height / 2);
    await page.waitForFunction(() => window.rokeh.get('Frequency', 'value') < 8000);
    await paintedAfter(page, await paints(page));
    const top = await get(page, 'Frequency', 'value');
    assert.ok(top > 4000, `${top} Hz`);
    const zoomed = await pixelsOf(page, 0, bright);
    assert.ok(zoomed > 2.5 * full, `${full} → ${zoomed} bright pixels`);
  });
});

/**
 * What surface3d's canvas shows: how many of its pixels are strongly coloured (the
 * surface), a sample of every 8th pixel each way (to tell pictures apart), and the centre of
 * its dark grey pixels (the axes' labels, which only the camera moves).
 */
const surfacePicture = (page) => page.locator('canvas.rk-surface3d').evaluate((canvas) => {
  const { width, height } = canvas;
  const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  let coloured = 0;
  const samples = [];
  const dark = { n: 0, x: 0, y: 0 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 100) coloured++;
      if (a > 200 && Math.max(r, g, b) < 110 && Math.max(r, g, b) - Math.min(r, g, b) < 8) {
        dark.n++; dark.x += x; dark.y += y;
      }
      if (x % 8 === 0 && y % 8 === 0) samples.push((r << 16) | (g << 8) | b);
    }
  }
  const css = canvas.getBoundingClientRect().width / width;
  return {
    coloured, share: coloured / (width * height), samples,
    labels: [css * dark.x / dark.n, css * dark.y / dark.n],
  };
});

const differing = (a, b) => a.samples.filter((v, i) => v !== b.samples[i]).length;

test("surface3d: the gallery's own model, drawn by its own view: a coloured surface that waves with the data, turns when dragged, zooms out with the wheel, follows its width", async () => {
  await withApp('surface3d', async (page) => {
    const canvas = page.locator('canvas.rk-surface3d');
    await canvas.waitFor();
    await page.waitForFunction(() => {
      const c = document.querySelector('canvas.rk-surface3d');
      return c.width > 0 && c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data[3] > 0;
    });
    const box = await canvas.boundingBox();
    assert.deepEqual([box.width, box.height], [600, 600], "the options' size, 600px");
    const first = await surfacePicture(page);
    assert.ok(first.share > 0.15, `${first.coloured} coloured pixels (${first.share})`);

    // The periodic callback replaces the source's data: the surface is drawn again.
    const z = await page.evaluate(() => window.rokeh.column('z')[0]);
    await page.waitForFunction((z0) => window.rokeh.column('z')[0] !== z0, z);
    await page.waitForFunction(
      ([samples]) => {
        const c = document.querySelector('canvas.rk-surface3d');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let y = 0, k = 0; y < c.height; y += 8) {
          for (let x = 0; x < c.width; x += 8, k++) {
            const i = 4 * (y * c.width + x);
            if (((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]) !== samples[k]) n++;
          }
        }
        return n > 50;
      },
      [first.samples],
    );
    const waved = await surfacePicture(page);
    assert.ok(differing(first, waved) > 50, 'the surface moved');
    // The labels stay where the camera puts them.
    assert.ok(Math.hypot(waved.labels[0] - first.labels[0], waved.labels[1] - first.labels[1]) < 3,
      `labels at ${first.labels} then ${waved.labels}`);

    // A drag turns the camera: the labels move.
    await page.mouse.move(box.x + 300, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 450, box.y + 380, { steps: 8 });
    await page.mouse.up();
    const turned = await surfacePicture(page);
    const moved = Math.hypot(turned.labels[0] - first.labels[0], turned.labels[1] - first.labels[1]);
    assert.ok(moved > 20, `the labels moved ${moved} px: ${first.labels} → ${turned.labels}`);
    assert.ok(turned.share > 0.1, `still drawn: ${turned.share}`);

    // The wheel takes the camera farther: the surface is drawn smaller.
    await page.mouse.wheel(0, 400);
    const farther = await surfacePicture(page);
    assert.ok(farther.coloured < 0.8 * turned.coloured, `${turned.coloured} → ${farther.coloured} coloured pixels`);

    // A property set on the model reaches its view: a narrower surface.
    assert.equal(await page.evaluate(() => window.rokeh.set('Surface3d', 'width', 400)), undefined);
    await page.waitForFunction(() => document.querySelector('canvas.rk-surface3d').getBoundingClientRect().width === 400);
  }, undefined, { painted: false });
});

test("dash: the overview's RangeTool box moves and resizes the series' range; the donut and the table are drawn", async () => {
  await withApp('dash', async (page) => {
    const overview = page.locator('canvas').nth(1);
    await overview.scrollIntoViewIfNeeded();
    // The box's columns along the overview's middle row: navy at 0.2 over #f5f5f5.
    const box = () => overview.evaluate((canvas) => {
      const { width, height } = canvas;
      const row = canvas.getContext('2d').getImageData(0, Math.floor(height / 2), width, 1).data;
      let [min, max] = [Infinity, -Infinity];
      for (let x = 0; x < width; x++) {
        const [r, g, b] = row.slice(4 * x, 4 * x + 3);
        if (b - r > 15 && Math.abs(r - g) < 8) [min, max] = [Math.min(min, x), Math.max(max, x)];
      }
      const css = canvas.getBoundingClientRect().width / width;
      return { left: min * css, right: max * css };
    });
    const range = () => page.evaluate(() => [window.rokeh.get('Range1d', 'start'), window.rokeh.get('Range1d', 'end')]);
    const before = await box();
    const [start, end] = await range();
    assert.ok(before.right - before.left > 100, JSON.stringify(before));
    const frame = await overview.boundingBox();
    const y = frame.y + frame.height / 2;
    // Dragged 80 px left from its middle: the series shows earlier days, as many.
    let painted = await paints(page);
    const mid = frame.x + (before.left + before.right) / 2;
    await page.mouse.move(mid, y);
    await page.mouse.down();
    await page.mouse.move(mid - 40, y, { steps: 4 });
    await page.mouse.move(mid - 80, y, { steps: 4 });
    await page.mouse.up();
    await paintedAfter(page, painted);
    const [moved_start, moved_end] = await range();
    const day = 86_400_000;
    assert.ok(moved_start < start - 100 * day, `${start} → ${moved_start}`);
    assert.ok(Math.abs((moved_end - moved_start) - (end - start)) < day, 'the same span');
    const after = await box();
    assert.ok(Math.abs(after.left - (before.left - 80)) <= 2, `box at ${JSON.stringify(after)}`);
    // Its right edge dragged further right: a longer span, the start kept.
    painted = await paints(page);
    await page.mouse.move(frame.x + after.right, y);
    await page.mouse.down();
    await page.mouse.move(frame.x + after.right + 60, y, { steps: 4 });
    await page.mouse.up();
    await paintedAfter(page, painted);
    const [wide_start, wide_end] = await range();
    assert.equal(wide_start, moved_start);
    assert.ok(wide_end - wide_start > (end - start) + 100 * day, `${wide_end - wide_start}`);
    // The donut's wedges from Spectral11 (the United States' its first colour, #5E4FA2),
    // and the table's six cars under its header.
    const purple = await page.locator('canvas').nth(2).evaluate((canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - 0x5e) < 6 && Math.abs(data[i + 1] - 0x4f) < 6 && Math.abs(data[i + 2] - 0xa2) < 6) n++;
      }
      return n;
    });
    assert.ok(purple > 2000, `${purple} pixels of the first wedge and its legend swatch`);
    assert.equal(await page.getByRole('row').count(), 7);
    // Each root in its place in the app's template, under the statistics.
    assert.equal(await page.locator('.dash .tile').count(), 5);
    assert.equal(await page.locator('.panel.card [data-rk-root="table"] [role="row"]').count(), 7);
    assert.equal(await page.locator('.panel.wide [data-rk-root="line"] canvas').count(), 2);
  });
});

test('clustering: an algorithm retitles the plot and recolours the points; the samples slider adds points', async () => {
  await withApp('clustering', async (page) => {
    const colours = () => page.evaluate(() => Array.from(window.rokeh.column('colors')));
    assert.equal(await get(page, 'Title', 'text'), 'MiniBatchKMeans');
    assert.equal(await rows(page, 'x'), 1500);
    const halves = await colours();
    assert.equal(new Set(halves).size, 2);
    // Spectral6's blue, the first cluster's colour, is drawn.
    const blue = [0x32, 0x88, 0xbd];
    assert.ok(await pixelsNear(page, blue) > 1000);

    let painted = await paints(page);
    await page.getByRole('combobox', { name: 'Select algorithm:' }).selectOption('SpectralClustering');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === 'SpectralClustering');
    await paintedAfter(page, painted);
    // k-means halves both rings, spectral clustering colours each ring its own: about
    // half the points change colour.
    const rings = await colours();
    const changed = rings.filter((c, i) => c !== halves[i]).length;
    assert.ok(changed > 300 && changed < 1200, `${changed} points recoloured`);
    assert.ok(await page.getByText('SpectralClustering').count() > 0);

    painted = await paints(page);
    await page.getByRole('slider', { name: 'Number of samples' }).focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.rokeh.column('x').length === 3000, null, { timeout: 10000 });
    await paintedAfter(page, painted);
    assert.equal(await get(page, 'Number of samples', 'value_throttled'), 3000);
  });
});

test('single files (make build-single): movies, crossfilter, surface3d and duffing_oscillator from file://, every request blocked', async () => {
  const file = (app) => pathToFileURL(join(ROOT, 'dist-single', `${app}.html`)).href;
  await withApp('movies', async (page) => {
    const all = await get(page, 'Title', 'text');
    assert.match(all, /^\d{4,} movies selected$/, 'its data came inlined');
    const painted = await paints(page);
    await page.getByRole('combobox', { name: 'Genre' }).selectOption('Western');
    await page.waitForFunction((t) => window.rokeh.get('Title', 'text') !== t, all);
    await paintedAfter(page, painted);
  }, file('movies'));
  await withApp('crossfilter', async (page) => {
    const painted = await paints(page);
    await page.getByRole('combobox', { name: 'X-Axis' }).selectOption('origin');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === 'Origin vs Hp');
    await paintedAfter(page, painted);
  }, file('crossfilter'));
  // Every ported demo has its file; one that streams runs from disk too.
  for (const app of ['contour_animated', 'patch_app', 'events_app', 'fourier_animated', 'line_on_off', 'apply_theme', 'hold_app', 'export_csv', 'weather', 'taylor', 'population', 'image_blur', 'dash', 'spectrogram', 'clustering', 'surface3d', 'server_auth']) {
    assert.ok(existsSync(join(ROOT, 'dist-single', `${app}.html`)), app);
  }
  // A view of the gallery's own model type is in the file too.
  await withApp('surface3d', async (page) => {
    await page.locator('canvas.rk-surface3d').waitFor();
    await page.waitForFunction(() => {
      const c = document.querySelector('canvas.rk-surface3d');
      return c.width > 0 && c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data[3] > 0;
    });
    assert.ok((await surfacePicture(page)).share > 0.15);
  }, file('surface3d'), { painted: false });
  await withApp('duffing_oscillator', async (page) => {
    await page.waitForFunction(() => window.rokeh.column('xdot').length > 100, null, { timeout: 10000 });
    assert.equal(await page.locator('math').count(), 16);
  }, file('duffing_oscillator'));
});

test('an embedded app fetches its data files from its own site, not the host page\'s', async () => {
  // The host page on another origin, embedding movies from the built site with one script.
  const dir = mkdtempSync(join(tmpdir(), 'rokeh-embed-host-'));
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><html><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>host</title></head><body><h1>Another site</h1>
    <div id="plot"></div>
    <script src="${site.url}rokeh-embed.js" data-element="plot" data-app="movies"></script>
    </body></html>`);
  const host = await serveDist(dir);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(site.origin) || url.startsWith(host.origin) ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(host.url);
    await page.waitForFunction(() => / movies selected$/.test(window.rokeh?.get('Title', 'text') ?? ''), null, { timeout: 20000 });
    assert.deepEqual(host.missed, [], 'nothing asked of the host page\'s site');
    assert.equal(await page.title(), 'host', 'the host page keeps its title');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the static gallery (make pages): its index links each demo, with thumbnails', async () => {
  const pages = await serveDist(join(ROOT, 'dist-pages'));
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const blocked = await fence(context, pages.origin);
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(pages.url);
    for (const app of ['movies', 'ohlc', 'gapminder', 'stocks', 'selection_histogram', 'crossfilter']) {
      await page.locator(`a[href="app.html?app=${app}"] img`).waitFor();
    }
    const thumbnails = await page.evaluate(() =>
      [...document.images].filter((img) => img.complete && img.naturalWidth > 0).length);
    assert.ok(thumbnails >= 6, `${thumbnails} thumbnails loaded`);
    await page.locator('a[href="app.html?app=movies"]').last().click();
    await page.waitForFunction(() => / movies selected$/.test(window.rokeh?.get('Title', 'text') ?? ''));
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
  } finally {
    await context.close();
    await pages.close();
  }
});
