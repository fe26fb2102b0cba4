// The gallery's ports of Bokeh's server demos (gallery/src/{movies,ohlc,gapminder}.rs) as a
// person uses them, in headless Chromium with the page running alone (dist/ at a sub-path,
// as GitHub Pages serves it): widgets found by role and name, results read back from the
// page's document (window.rokeh) and its canvas. Needs `trunk build --release` (dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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

/** App `name` in a fresh context fenced to the site; `run(page)` drives it. No errors. */
async function withApp(name, run) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const blocked = await fence(context, site.origin);
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${site.url}?app=${name}`);
    await page.waitForFunction(() => (window.rokeh?.paints ?? 0) > 0, null, { timeout: 20000 });
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

test('stocks: a selection changes the statistics, another ticker retitles the plots', async () => {
  await withApp('stocks', async (page) => {
    const stats = () => get(page, 'PreText', 'text');
    const all = await stats();
    assert.match(all, /Close_AAPL\s+Close_GOOG\s+Returns_AAPL\s+Returns_GOOG/);
    // What a box selection leaves in the document (the page has no selection tool yet).
    const failed = await page.evaluate(() => window.rokeh.set('Selection', 'indices', '[3,4,5,6]'));
    assert.equal(failed, undefined);
    await page.waitForFunction((s) => window.rokeh.get('PreText', 'text') !== s, all);
    assert.match(await stats(), /count\s+4\.000000/);

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

test('selection_histogram: a selection redraws both histograms', async () => {
  await withApp('selection_histogram', async (page) => {
    const before = await canvasHashes(page);
    assert.equal(before.length, 3, 'the scatter and two histograms');
    const painted = await paints(page);
    // What a lasso selection leaves in the document (the page has no selection tool yet).
    const indices = JSON.stringify([...Array(300).keys()]);
    assert.equal(await page.evaluate((i) => window.rokeh.set('Selection', 'indices', i), indices), undefined);
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
