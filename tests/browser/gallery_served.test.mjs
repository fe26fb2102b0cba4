// The gallery's demos served by the real `rokeh serve`, in headless Chromium: the page joins
// its session and works as it does alone (movies' genre, gapminder's Play and Pause), and
// Python's bokeh.client in the page's session selects stocks' rows, whose statistics the
// page then shows. Needs dist/, the rokeh binary and ./.venv (see served.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, collectErrors, launch, startServer } from './support.mjs';

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

async function withServed(app, run) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${server.origin}/${app}`);
    await page.waitForSelector('.rk-connection[data-state=live]', { timeout: 20000 });
    await run(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const get = (page, key, attr) => page.evaluate(([k, a]) => window.rokeh.get(k, a), [key, attr]);

test('served server_auth: a login with the form shows the app, a slider moves its plot, logout goes back to the login', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${server.origin}/server_auth`);
    await page.waitForURL(`${server.origin}/login?next=%2Fserver_auth`);
    const logIn = async (password) => {
      await page.getByLabel('Username').fill('bokeh');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
    };
    await logIn('wrong');
    await page.getByRole('alert').filter({ hasText: 'Login incorrect' }).waitFor();
    await logIn('bokeh');
    await page.waitForURL(`${server.origin}/server_auth`);
    await page.waitForSelector('.rk-connection[data-state=live]', { timeout: 20000 });
    await page.waitForFunction(() => (window.rokeh?.paints ?? 0) > 0, null, { timeout: 20000 });
    const painted = await page.evaluate(() => window.rokeh.paints);
    await page.getByRole('slider', { name: /offset/ }).focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => Math.min(...window.rokeh.column('y')) > 3);
    await page.waitForFunction((n) => window.rokeh.paints > n, painted);
    await page.waitForFunction(() => window.rokeh.settled === true);
    await page.getByRole('button', { name: 'logout' }).click();
    await page.waitForURL(`${server.origin}/login?next=%2Fserver_auth`);
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('served index lists the demos with their thumbnails', async () => {
  const index = await (await fetch(`${server.origin}/`)).text();
  for (const app of ['movies', 'ohlc', 'gapminder', 'stocks']) {
    assert.match(index, new RegExp(`<a href="/${app}">${app}</a>`));
  }
  assert.match(index, /<img src="screenshots\/movies.png"/);
});

test('served widgets: the server runs the document_ready callback once the page shows the session', async () => {
  await withServed('widgets', async (page) => {
    // The session's document in the page came from the server as JSON, without the app's
    // Rust callbacks: the text can only be the server's doing, sent back over the link.
    await page.getByText('shown: nothing chosen yet', { exact: true }).waitFor();
  });
});

test('served movies: choosing a genre recounts the title', async () => {
  await withServed('movies', async (page) => {
    const all = (await get(page, 'Title', 'text')).split(' ')[0];
    await page.getByRole('combobox', { name: 'Genre' }).selectOption('Western');
    await page.waitForFunction((n) => !window.rokeh.get('Title', 'text').startsWith(`${n} `), all);
    await page.waitForFunction(() => window.rokeh.settled === true);
  });
});

test('served gapminder: Play advances the year in the page, Pause stops it', async () => {
  await withServed('gapminder', async (page) => {
    await page.getByRole('button', { name: '► Play' }).click();
    await page.waitForFunction(() => Number(window.rokeh.get('Label', 'text')) >= 1967);
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await page.getByRole('button', { name: '► Play' }).waitFor();
    const paused = await get(page, 'Label', 'text');
    await page.waitForTimeout(700);
    assert.equal(await get(page, 'Label', 'text'), paused);
  });
});

test("served stocks: bokeh.client's selection changes the page's statistics", async () => {
  await withServed('stocks', async (page) => {
    const before = await get(page, 'PreText', 'text');
    assert.match(before, /count\s+\d{3,}/);
    const session = await page.locator('meta[name=rokeh-session]').getAttribute('data-session-id');
    const script = join(ROOT, 'tests', 'python', 'gallery_peer.py');
    const { stdout } = await promisify(execFile)(
      join(ROOT, '.venv', 'bin', 'python'),
      [script, `${server.origin}/stocks`, session, '5', '10'],
    );
    const { stats } = JSON.parse(stdout);
    assert.match(stats, /count\s+10\.000000/);
    await page.waitForFunction((s) => window.rokeh.get('PreText', 'text') === s, stats);
  });
});

test("served surface3d: the gallery's own model type reaches the page, which draws it and follows the server's animation; bokeh.client reads it only with a class of its name", async () => {
  await withServed('surface3d', async (page) => {
    const canvas = page.locator('canvas.rk-surface3d');
    await canvas.waitFor();
    assert.equal(await page.evaluate(() => window.rokeh.get('Surface3d', 'z')), 'z');
    // The server's periodic callback replaces the data; the page's source follows.
    const z = await page.evaluate(() => window.rokeh.column('z')[0]);
    await page.waitForFunction((z0) => window.rokeh.column('z')[0] !== z0, z);
    const coloured = await canvas.evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 200 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 100) n++;
      }
      return n / (c.width * c.height);
    });
    assert.ok(coloured > 0.15, `${coloured} of the canvas coloured`);

    const session = await page.locator('meta[name=rokeh-session]').getAttribute('data-session-id');
    const peer = (mode) => promisify(execFile)(
      join(ROOT, '.venv', 'bin', 'python'),
      [join(ROOT, 'tests', 'python', 'custom_model_peer.py'), `${server.origin}/surface3d`, session, mode],
    ).then(({ stdout }) => JSON.parse(stdout));
    // As with Bokeh's extensions: no Python class of the name, no document.
    const unknown = await peer('unknown');
    assert.match(unknown.error, /can't resolve type 'Surface3d'/);
    // With the example's class: read, and its edit reaches the page's view.
    const known = await peer('known');
    assert.deepEqual(known, { rows: 225, width: 400 });
    await page.waitForFunction(() => document.querySelector('canvas.rk-surface3d').getBoundingClientRect().width === 400);
  });
});
