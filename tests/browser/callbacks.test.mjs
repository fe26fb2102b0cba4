// Python Bokeh's JavaScript callbacks run by the page: a document whose interactivity is
// all js_on_change, js_link, js_on_click and js_on_event (tests/python/callbacks_push.py)
// is pushed into a `rokeh serve` session; the page's user moves a slider, clicks, toggles
// and taps; the callbacks change the page, and what they change reaches the session, where
// Python's bokeh.client pulls it. Needs dist/, the rokeh binary and ./.venv (`make test`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, launch, python, startServer } from './support.mjs';

let browser;
let server;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.child.kill();
});

const SESSION = 'pushed-callbacks';

test("Python's js_on_change, js_link, js_on_click and js_on_event run in the page and reach the session", async () => {
  const url = server.origin + '/widgets';
  const push = python('callbacks_push.py', 'push', url, SESSION);
  const { pushed } = await push.next('the push');
  assert.ok(pushed > 10, `${pushed} models pushed`);
  await push.finished();

  const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${url}?bokeh-session-id=${SESSION}`);
    await page.waitForSelector('.rk-connection[data-state=live]');
    await page.waitForFunction(() => window.rokeh.frame);
    // The document's own callback ran once the page showed it.
    await page.getByText('py ready ran', { exact: true }).waitFor();

    // The slider's CustomJS squares y in place and emits; js_link moves the other slider.
    await page.getByRole('slider', { name: 'py power' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.rokeh.get('py source', 'data').y[4] === 4);
    const y = await page.evaluate(() => Array.from(window.rokeh.get('py source', 'data').y));
    assert.deepEqual(y, [0, 0.25, 1, 2.25, 4]);
    await page.waitForFunction(() => window.rokeh.get('py linked', 'value') === 2);
    assert.equal(await page.getByRole('slider', { name: 'py linked' }).inputValue(), '2');

    await page.getByRole('button', { name: 'py reset' }).click();
    await page.getByText('reset true', { exact: true }).waitFor();
    await page.getByText('py reset heard', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'py set' }).click();
    await page.getByText('set by SetValue', { exact: true }).waitFor();

    // The toggle (active at first) hides the line when let go.
    const paints = await page.evaluate(() => window.rokeh.paints);
    await page.getByRole('button', { name: 'py hide line' }).click();
    await page.waitForFunction(() => window.rokeh.get('py line', 'visible') === true);
    await page.getByRole('button', { name: 'py hide line' }).click();
    await page.waitForFunction(() => window.rokeh.get('py line', 'visible') === false);
    await page.waitForFunction((n) => window.rokeh.paints > n, paints);

    // A tap on the plot: its x in data units, as the event carries it.
    const canvas = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = await page.evaluate(() => window.rokeh.frame);
    const [x0, x1] = await page.evaluate(() => window.rokeh.drawnX);
    await page.mouse.click(canvas.x + (l + r) / 2, canvas.y + (t + b) / 2);
    const text = `tap at ${((x0 + x1) / 2).toFixed(1)} by tap`;
    await page.getByText(text, { exact: true }).waitFor();

    // Over the second point: the hover's callback hears of row 1; a tap there selects it,
    // the selection's callback copies it, and the TapTool's OpenURL opens its page.
    const [[fl, ft, fr, fb], [dx0, dx1], [dy0, dy1]] = await page.evaluate(() => [window.rokeh.frame, window.rokeh.drawnX, window.rokeh.drawnY]);
    const point = {
      x: canvas.x + fl + ((1.5 - dx0) / (dx1 - dx0)) * (fr - fl),
      y: canvas.y + ft + ((dy1 - 3) / (dy1 - dy0)) * (fb - ft),
    };
    await page.mouse.move(point.x - 2, point.y);
    await page.mouse.move(point.x, point.y);
    await page.getByText('hovered 1 of py points', { exact: true }).waitFor();
    // The tooltip's x, as the CustomJSHover wrote it.
    await page.getByRole('tooltip').getByText('1.5u tenths row 1').waitFor();
    await context.route('http://127.0.0.1:9/**', (route) => route.fulfill({ body: 'a point' }));
    const [popup] = await Promise.all([context.waitForEvent('page'), page.mouse.click(point.x, point.y)]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), 'http://127.0.0.1:9/point/b');
    await popup.close();
    await page.waitForFunction(() => Array.from(window.rokeh.get('py picked', 'data').x).join() === '1.5');

    // The table sorts its codes by their numbers (CustomJSCompare), not as text; its
    // numbers with the NaN last (NanCompare).
    const table = page.getByRole('grid');
    // Each row's code (after the index column).
    const codes = () => table.locator('.rk-table-row').evaluateAll((r) => r.map((x) => x.children[1].textContent));
    await table.getByRole('columnheader', { name: 'py code' }).getByRole('button').click();
    assert.deepEqual(await codes(), ['AB 1', 'AB 2', 'AB 10']);
    await table.getByRole('columnheader', { name: 'py code' }).getByRole('button').click();
    assert.deepEqual(await codes(), ['AB 10', 'AB 2', 'AB 1']);
    await table.getByRole('columnheader', { name: 'py n' }).getByRole('button').click();
    assert.deepEqual(await codes(), ['AB 1', 'AB 2', 'AB 10']);

    await page.waitForFunction(() => window.rokeh.settled === true);
    const pull = python('callbacks_push.py', 'pull', url, SESSION);
    const { pulled } = await pull.next('the pull');
    await pull.finished();
    assert.deepEqual(pulled, {
      y: [0, 0.25, 1, 2.25, 4],
      linked: 2,
      said: 'set by SetValue',
      // The last tap, on the point, was a tap on the plot too.
      tapped: 'tap at 1.5 by tap',
      visible: false,
      hovered: 'hovered 1 of py points',
      picked: [1.5],
      ready: 'py ready ran',
      heard: 'py reset heard',
    });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
