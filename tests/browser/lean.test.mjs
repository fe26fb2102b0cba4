// The sliders page built with `run_with_views` (gallery/examples/sliders_page.rs, default
// features; scripts/page-sizes.sh writes it to target/bench/pages/served), served by the
// real `rokeh serve`: its document is lean (it knows only the model types its app makes),
// and it still joins its session, takes Python's changes and sends its own
// (tests/python/server_page_peer.py), and shows a document Python pushes, drawing the
// glyphs it has views of and leaving out, with a warning, one of a type it never learnt.
// Needs the page (scripts/page-sizes.sh served), the rokeh binary (cargo build -p
// rokeh-gallery --bin rokeh) and ./.venv with Bokeh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, paints, paintedAfter, python, startServer } from './support.mjs';

const LEAN_PAGE = join(ROOT, 'target', 'bench', 'pages', 'served');

let browser;
let server;

before(async () => {
  server = await startServer(LEAN_PAGE);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.child.kill();
});

async function open(session) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${server.origin}/sliders?bokeh-session-id=${session}`);
  await page.waitForSelector('.rk-connection[data-state=live]');
  return { context, page, errors, warnings };
}

test('the lean served page and bokeh.client see each other\'s changes', async () => {
  const { context, page, errors } = await open('lean-peer');
  try {
    const peer = python('server_page_peer.py', server.origin + '/sliders', 'lean-peer');
    // Python's change, and the server's callback for it, reach the page.
    await page.waitForFunction(() => window.rokeh.get('frequency', 'value') === 2, null, { timeout: 20000 });
    await page.waitForFunction(() => {
      const [x, y] = [window.rokeh.get('ColumnDataSource', 'data').x, window.rokeh.get('ColumnDataSource', 'data').y];
      return x.every((xi, i) => Math.abs(y[i] - Math.sin(2 * xi)) < 1e-9);
    });
    // The page's own move, and the sine its callback computes, reach Python.
    await page.evaluate(() => window.rokeh.set('frequency', 'value', 3.5));
    await peer.finished();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a plot Python pushes shows on the lean page: its line drawn, its scatter left out with a warning', async () => {
  const { context, page, errors, warnings } = await open('lean-push');
  try {
    const painted = await paints(page);
    const push = python('server_push.py', server.origin + '/sliders', 'lean-push', 'plot');
    await push.finished();
    await page.waitForFunction(() => document.title === 'Pushed plot', null, { timeout: 20000 });
    await paintedAfter(page, painted);
    assert.equal(await page.getByRole('img', { name: 'pushed plot' }).count(), 1);
    // The app's widgets went with its document.
    assert.equal(await page.getByRole('slider').count(), 0);
    // Its line, pushed dashed, as Bokeh sends a named dash.
    assert.deepEqual(await page.evaluate(() => window.rokeh.get('Line', 'line_dash')), [6]);
    assert.ok(
      warnings.some((w) => /does not draw Scatter glyphs/.test(w)),
      `a warning for the scatter: ${warnings}`,
    );
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
