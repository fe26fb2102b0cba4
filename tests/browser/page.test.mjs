// The sliders page as a person uses it, in headless Debian Chromium. Needs `trunk build
// --release` (dist/), the single-file build (dist-single/) and the static-only sliders page
// (scripts/page-sizes.sh static) first: `make test` builds them all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT,
  SINGLE_FILE,
  SUB_PATH,
  collectErrors,
  fence,
  launch,
  paintedAfter,
  paints,
  readCanvas,
  serveDist,
} from './support.mjs';

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

/** Opens the page in a fresh context (HiDPI: 2 device pixels per CSS pixel), fenced off
 * from every server but ours, and waits for its first paint. */
async function openPage(url = site.url, allowed = site.origin + '/') {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  const blocked = await fence(context, allowed);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await paintedAfter(page, 0);
  return { context, page, errors, blocked };
}

/** Asserts that every y is `a sin(k x + w) + b` of its x, as Math.sin computes it. */
function assertSines({ a, b, w, k, x, y }) {
  x.forEach((xi, i) => {
    const want = a * Math.sin(k * xi + w) + b;
    assert.ok(Math.abs(y[i] - want) < 1e-12, `y[${i}] = ${y[i]}, want ${want}`);
  });
}

/** Reads the sliders and the data source back from the page's document. */
function documentState(page) {
  return page.evaluate(() => {
    const value = (title) => window.rokeh.get(title, 'value');
    return {
      a: value('amplitude'),
      b: value('offset'),
      w: value('phase'),
      k: value('frequency'),
      x: Array.from(window.rokeh.column('x')),
      y: Array.from(window.rokeh.column('y')),
    };
  });
}

test('the page loads from a sub-path with no errors and paints the line', async () => {
  const { context, page, errors, blocked } = await openPage();
  try {
    assert.equal(await page.title(), 'Sliders');
    const canvas = await readCanvas(page);
    assert.deepEqual([canvas.width, canvas.height], [800, 800], 'backing store = 400 CSS px × dpr 2');
    const box = await page.locator('canvas').boundingBox();
    assert.deepEqual([box.width, box.height], [400, 400]);
    assert.ok(canvas.blue > 500, `the blue line is drawn (${canvas.blue} blue pixels)`);

    // Inputs on the left, the plot on the right.
    // (The bar: its input is wider, so that the handle overhangs the bar's ends.)
    const slider = await page.locator('.rk-slider-track', { has: page.getByLabel('frequency') }).boundingBox();
    assert.ok(slider.x + slider.width <= box.x, 'the sliders sit left of the plot');
    // Values as BokehJS writes them with the sliders' default format, numbro's "0[.]00".
    for (const label of ['offset: 0', 'amplitude: 1', 'phase: 0', 'frequency: 1']) {
      await page.getByText(label, { exact: true }).waitFor();
    }
    assert.equal(await page.getByLabel('title').inputValue(), 'sine wave');

    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, [], 'no request left our server');
    assert.deepEqual(site.missed, [], 'every request was for a file of dist/ under ' + SUB_PATH);
  } finally {
    await context.close();
  }
});

test('what a script appends to the body shows right below the roots, as on the pages Bokeh writes', async () => {
  // Bokeh's doc_js_events.py writes "READY!" into the body when the document is shown.
  const { context, page } = await openPage();
  try {
    const at = await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<div id="ready">READY!</div>');
      const root = document.querySelector('.rk-document > .rk-box').getBoundingClientRect();
      return { root: root.bottom, ready: document.getElementById('ready').getBoundingClientRect().top };
    });
    assert.ok(Math.abs(at.ready - at.root) <= 1, JSON.stringify(at));
    assert.ok(at.ready < (await page.evaluate(() => window.innerHeight)), 'in the window');
  } finally {
    await context.close();
  }
});

test('ArrowRight on the frequency slider recomputes the data and repaints', async () => {
  const { context, page, errors } = await openPage();
  try {
    const before = await readCanvas(page);
    const painted = await paints(page);
    await page.getByLabel('frequency').focus();
    await page.keyboard.press('ArrowRight');
    await paintedAfter(page, painted);

    await page.getByText('frequency: 1.10', { exact: true }).waitFor();
    const after = await readCanvas(page);
    assert.notEqual(after.hash, before.hash, 'the canvas changed');
    assert.ok(after.blue > 500, 'the line is still drawn');

    const state = await documentState(page);
    const k = state.k;
    assert.ok(Math.abs(k - 1.1) < 1e-9, `frequency is now 1.1, not ${k}`);
    const throttled = await page.evaluate(() => window.rokeh.get('frequency', 'value_throttled'));
    assert.equal(throttled, k, 'a key press commits the move, as a mouse release does');
    assert.equal(state.x.length, 200);
    assertSines(state);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('at 10,000 points a move computes its sines with relaxed SIMD, as Math.sin does', async () => {
  const { context, page, errors } = await openPage(`${site.url}?N=10000`);
  try {
    const painted = await paints(page);
    await page.getByLabel('frequency').focus();
    await page.keyboard.press('ArrowRight');
    await paintedAfter(page, painted);
    assert.equal(await page.evaluate(() => window.rokeh.relaxedSimd()), true, 'np\'s side module in use');
    const state = await documentState(page);
    assert.equal(state.x.length, 10_000);
    assertSines(state);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the title input changes the drawn title when the edit is committed, as Bokeh does', async () => {
  const { context, page, errors } = await openPage();
  try {
    const titleBand = [0, 0, 400, 30];
    const before = await readCanvas(page, titleBand);
    const input = page.getByLabel('title');
    await input.fill('');
    await input.pressSequentially('damped wave');
    // Each keystroke sets value_input only: the plot's title waits for the commit.
    await page.waitForFunction(() => window.rokeh.get('title', 'value_input') === 'damped wave');
    assert.equal(await page.evaluate(() => window.rokeh.get('title', 'value')), 'sine wave');
    assert.equal(await page.evaluate(() => window.rokeh.get('Title', 'text')), 'sine wave');

    const painted = await paints(page);
    await input.press('Enter');
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === 'damped wave');
    await paintedAfter(page, painted);
    // The paint after the commit may still be pending.
    await page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => ok(true))));
    const after = await readCanvas(page, titleBand);
    assert.notEqual(after.hash, before.hash, 'the title band of the canvas changed');
    assert.equal(await page.locator('canvas').getAttribute('aria-label'), 'damped wave');

    // The document's answer to the commit leaves the caret where the user put it, and
    // leaving the input commits too.
    await page.keyboard.press('Home');
    await page.keyboard.type('a ');
    assert.equal(await input.inputValue(), 'a damped wave');
    assert.equal(await input.evaluate((el) => el.selectionStart), 2);
    await input.blur();
    await page.waitForFunction(() => window.rokeh.get('Title', 'text') === 'a damped wave');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a zoom (devicePixelRatio change) resizes the backing store and repaints', async () => {
  const { context, page, errors } = await openPage();
  try {
    const painted = await paints(page);
    const cdp = await context.newCDPSession(page);
    // As browser zoom does: a new density and a new viewport size (so `resize` fires).
    const metrics = { width: 1000, height: 700, deviceScaleFactor: 3, mobile: false };
    await cdp.send('Emulation.setDeviceMetricsOverride', metrics);
    await paintedAfter(page, painted);
    const canvas = await readCanvas(page);
    assert.deepEqual([canvas.width, canvas.height], [1200, 1200]);
    assert.ok(canvas.blue > 500, 'the line is drawn at the new density');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the single-file page paints from file:// with no network at all', async () => {
  const file = pathToFileURL(SINGLE_FILE).href;
  const { context, page, errors, blocked } = await openPage(file, file);
  try {
    assert.equal(await page.title(), 'Sliders');
    const canvas = await readCanvas(page);
    assert.ok(canvas.blue > 500, `the blue line is drawn (${canvas.blue} blue pixels)`);
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, [], 'the file fetched nothing');
  } finally {
    await context.close();
  }
});

/** The sliders page built without rokeh's `session` feature (scripts/page-sizes.sh). */
const STATIC_PAGE = join(ROOT, 'target', 'bench', 'pages', 'static');

test('the static-only page (no session feature) runs the app alone', async () => {
  const alone = await serveDist(STATIC_PAGE);
  const { context, page, errors, blocked } = await openPage(alone.url, alone.origin + '/');
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  try {
    assert.equal(await page.title(), 'Sliders');
    const painted = await paints(page);
    await page.getByLabel('frequency').focus();
    await page.keyboard.press('ArrowRight');
    await paintedAfter(page, painted);
    const { k, x, y } = await documentState(page);
    assert.ok(Math.abs(k - 1.1) < 1e-9, `frequency is now 1.1, not ${k}`);
    x.forEach((xi, i) => assert.ok(Math.abs(y[i] - Math.sin(k * xi)) < 1e-12, `y[${i}]`));
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
    assert.deepEqual(sockets, [], 'it opened no websocket');
  } finally {
    await context.close();
    await alone.close();
  }
});

test('the static-only page served with a session says it runs alone, and still works', async () => {
  const alone = await serveDist(STATIC_PAGE);
  const context = await browser.newContext();
  await fence(context, alone.origin + '/');
  const page = await context.newPage();
  const errors = collectErrors(page);
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  // As `rokeh serve` writes it into the page it serves.
  const meta = '<meta name="rokeh-session" data-app="sliders" data-ws-path="/sliders/ws" data-session-id="S1" data-token="t">';
  const html = readFileSync(join(STATIC_PAGE, 'index.html'), 'utf8').replace('</head>', `${meta}</head>`);
  await page.route(alone.url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  try {
    await page.goto(alone.url);
    await paintedAfter(page, 0);
    await page.locator('.rk-connection[data-state="alone"]').waitFor();
    assert.equal(errors.length, 1, `one error: ${errors}`);
    assert.match(errors[0], /built without rokeh's `session` feature.*"S1"/);
    assert.deepEqual(sockets, []);
    const painted = await paints(page);
    await page.getByLabel('frequency').focus();
    await page.keyboard.press('ArrowRight');
    await paintedAfter(page, painted);
  } finally {
    await context.close();
    await alone.close();
  }
});

test('a slider move paints once: the data ranges it writes back ask for no second paint', async () => {
  // The movies app: its figure's ranges follow the data (the sliders demo fixes its own).
  const { context, page, errors } = await openPage(`${site.url}?app=movies`);
  try {
    await page.getByLabel('Minimum number of reviews').focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowRight']) {
      const painted = await paints(page);
      const start = await page.evaluate(() => window.rokeh.get('DataRange1d', 'start'));
      await page.keyboard.press(key);
      await paintedAfter(page, painted);
      // Frames for a second paint to come, were one asked for.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
      assert.equal(await paints(page), painted + 1, `one paint for ${key}`);
      assert.equal(typeof start, 'number', 'the y range was written back');
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
