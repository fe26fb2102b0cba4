// Prints (never asserts) each gallery app's figures under `rokeh serve` beside the same app
// under real Bokeh's `bokeh serve` (the .venv's), in the same run: bytes received to the
// first paint, navigation → first paint, and one interaction → repainted (ohlc, which
// streams from the server: each tick's websocket message → repainted). Bokeh's originals
// are not shipped in its wheel or sdist, so Bokeh serves tests/python/bokeh_apps/: Python
// versions written here from the Rust apps, on the same data files.
//
// Both pages are timed the same way, from outside their code: an init script wraps the
// canvas' drawing calls and the WebSocket. The first paint is the animation frame after the
// first drawing call (both paint a frame's worth in one task); an interaction's repaint is
// the animation frame after the first drawing call that follows it (and, where a local
// repaint comes before the server's answer, whose document shows the answer). Needs dist/
// and the server build of the `rokeh` binary: `make bench` builds both first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, ROOT, launch, median, watchOffsite } from './support.mjs';

const COLD_LOADS = 5;
const INTERACTIONS = 6;
const BINARY = process.env.ROKEH_BIN ?? join(ROOT, 'target', 'server', 'rokeh');
const BOKEH = join(ROOT, '.venv', 'bin', 'bokeh');
const BOKEH_APPS = join(ROOT, 'tests', 'python', 'bokeh_apps');
const APPS = ['movies', 'ohlc', 'gapminder', 'stocks', 'selection_histogram', 'crossfilter'];

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (t) => `${t.toFixed(1)} ms`;
const summary = (what, rokeh, reference, ratio, target, met) =>
  console.log(['SUMMARY', what, rokeh, reference, ratio, target, met ? 'met' : 'MISSED'].join(' | '));
const row = (...cells) => console.log(cells.map((c, i) => String(c).padEnd([22, 58][i] ?? 20)).join(''));

/** Runs in each page before its own scripts: see the header. */
function hooks() {
  const b = (window.__bench = { first: 0, armedAt: 0, cond: null, times: [], streaming: false, ws: [] });
  let firstPending = true;
  let checked = false;
  const drawn = () => {
    if (firstPending) {
      firstPending = false;
      requestAnimationFrame(() => (b.first = performance.now()));
    }
    // The condition is read once per task: a paint is one task of many drawing calls.
    if (b.armedAt && !checked) {
      checked = true;
      queueMicrotask(() => (checked = false));
      if (!b.cond || b.cond()) {
        const at = b.armedAt;
        b.armedAt = 0;
        requestAnimationFrame(() => b.times.push(performance.now() - at));
      }
    }
  };
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['stroke', 'fill', 'fillRect', 'fillText', 'drawImage', 'putImageData']) {
    const draw = proto[name];
    proto[name] = function (...args) {
      drawn();
      return draw.apply(this, args);
    };
  }
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', ({ data }) => {
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data).length : (data.byteLength ?? data.size);
        b.ws.push([performance.now(), bytes]);
        // Streaming: each message (a tick's patch) starts the clock, unless one runs.
        if (b.streaming && !b.armedAt) b.start();
      });
    }
  };
  /** Starts the clock now; `cond` as above. */
  b.start = (cond) => {
    b.cond = cond ?? null;
    b.armedAt = performance.now();
  };
  /** The next `type` event (capture, on window) starts the clock. */
  b.arm = (type) => addEventListener(type, () => b.start(), { capture: true, once: true });
  /**
   * What was received by the first paint: the page and its files (their URLs, and their
   * bytes as sent), and the websocket messages' bytes.
   */
  b.byFirstPaint = () => {
    const files = [performance.getEntriesByType('navigation')[0]].concat(
      performance.getEntriesByType('resource').filter((r) => r.responseEnd <= b.first),
    );
    return {
      urls: files.map((f) => f.name),
      sent: files.reduce((n, f) => n + f.transferSize, 0),
      ws: b.ws.filter(([t]) => t <= b.first).reduce((n, [, k]) => n + k, 0),
    };
  };
}

/**
 * In a Bokeh page: the columns of every ColumnDataSource, as JSON (to see the server's
 * answer arrive), and the scatter's source.
 */
const BOKEH_HELPERS = `
  window.__bk = {
    sources: () => [...Bokeh.documents[0].all_models].filter((m) => m.data !== undefined && m.selected),
    columns: () => JSON.stringify(__bk.sources().map((s) => [...(s.data instanceof Map ? s.data.values() : Object.values(s.data))].map((c) => Array.from(c)))),
  };`;

/**
 * Each app's interaction, as `run(page, i, engine)` (the i-th time; the engine is 'rokeh'
 * or 'bokeh'), which arms the clock and acts; what it is, in words.
 */
const INTERACTION = {
  movies: ['Genre chosen (Western / All)', async (page, i) => {
    await page.evaluate(() => window.__bench.arm('input'));
    await page.getByRole('combobox', { name: 'Genre' }).selectOption(i % 2 ? 'All' : 'Western');
  }],
  gapminder: ['Year slider: arrow key', async (page, i) => {
    const slider = page.getByRole('slider').first();
    await slider.focus();
    await page.evaluate(() => window.__bench.arm('keydown'));
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  }],
  stocks: ['first ticker chosen (IBM / AAPL)', async (page, i) => {
    await page.evaluate(() => window.__bench.arm('input'));
    await page.getByRole('combobox').first().selectOption(i % 2 ? 'AAPL' : 'IBM');
  }],
  // The page's selection set from JS as a lasso would leave it; Bokeh draws the selected
  // points at once and the histograms when the server answers: the clock stops at those.
  selection_histogram: ['selection set (300 points), histograms', async (page, i, engine) => {
    const indices = [...Array(300).keys()].map((k) => k + (i % 2) * 500);
    if (engine === 'rokeh') {
      await page.evaluate((indices) => {
        window.__bench.start();
        window.rokeh.set('Selection', 'indices', indices);
      }, indices);
    } else {
      await page.evaluate((indices) => {
        const before = __bk.columns();
        window.__bench.start(() => __bk.columns() !== before);
        __bk.sources().find((s) => s.data.get?.('x') ?? s.data.x).selected.indices = indices;
      }, indices);
    }
  }],
  crossfilter: ['X-Axis chosen (origin / mpg), figure rebuilt', async (page, i) => {
    await page.evaluate(() => window.__bench.arm('input'));
    await page.getByRole('combobox', { name: 'X-Axis' }).selectOption(i % 2 ? 'mpg' : 'origin');
  }],
};

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Starts `command` and waits for a stderr line matching `ready`; `{ child, origin }`. */
function start(command, args, env, ready) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const log = [];
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${command} did not start:\n${log.join('\n')}`)), 60_000);
    child.on('exit', (code) => fail(new Error(`${command} exited (${code}):\n${log.join('\n')}`)));
    createInterface({ input: child.stderr }).on('line', (line) => {
      log.push(line);
      const m = line.match(ready);
      if (m) {
        clearTimeout(timer);
        ok({ child, origin: m[1] });
      }
    });
  });
}

async function open(browser, origin, app, engine) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // Watched, not fenced: a fence holds every request up for a round trip to this process.
  const offsite = watchOffsite(context, origin + '/');
  await context.addInitScript(hooks);
  if (engine === 'bokeh') await context.addInitScript(BOKEH_HELPERS);
  const page = await context.newPage();
  const bodies = new Map();
  let gzip = false;
  page.on('response', (r) => {
    gzip ||= r.headers()['content-encoding'] === 'gzip';
    bodies.set(r.url(), r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${origin}/${app}`);
  await page.waitForFunction(() => window.__bench.first > 0, null, { timeout: 60_000 });
  if (offsite.length > 0) throw new Error(`${app} (${engine}) reached beyond loopback: ${offsite.join(', ')}`);
  /**
   * Bytes received by the first paint: as sent (with headers), and gzip'd (each file's
   * body gzip'd here, as a compressing server would send it), websocket messages added.
   */
  const bytes = async () => {
    const got = await page.evaluate(() => window.__bench.byFirstPaint());
    let gzipped = got.ws;
    for (const url of got.urls) gzipped += gzipSync(await (bodies.get(url) ?? Buffer.alloc(0))).length;
    return { sent: got.sent + got.ws, gzip: gzipped };
  };
  return { context, page, bytes, gzip: () => gzip };
}

/** Cold loads, then interactions (ohlc: each streamed tick, for 3 s). */
async function measure(browser, origin, app, engine) {
  const loads = [];
  let gzip = false;
  for (let i = 0; i < COLD_LOADS; i++) {
    const { context, page, bytes, gzip: gzipped } = await open(browser, origin, app, engine);
    loads.push({ first: await page.evaluate(() => window.__bench.first), ...(await bytes()) });
    gzip = gzipped();
    await context.close();
  }
  const { context, page } = await open(browser, origin, app, engine);
  let interaction;
  // Its data settle first (Bokeh's session answers the pull; ohlc fills its window).
  await page.waitForTimeout(1000);
  if (app === 'ohlc') {
    const before = await page.evaluate(() => {
      window.__bench.streaming = true;
      return window.__bench.times.length;
    });
    await page.waitForTimeout(3000);
    interaction = median((await page.evaluate(() => window.__bench.times)).slice(before));
  } else {
    const [, run] = INTERACTION[app];
    const times = [];
    for (let i = 0; i <= INTERACTIONS; i++) {
      const done = await page.evaluate(() => window.__bench.times.length);
      await run(page, i, engine);
      await page.waitForFunction((n) => window.__bench.times.length > n, done, { timeout: 30_000 });
      if (i) times.push(await page.evaluate(() => window.__bench.times.at(-1)));
      // Later paints of the same answer (a new figure's second frame) are not the next one's.
      await page.waitForTimeout(300);
    }
    interaction = median(times);
  }
  await context.close();
  return {
    first: median(loads.map((l) => l.first)),
    sent: median(loads.map((l) => l.sent)),
    bytes: median(loads.map((l) => l.gzip)),
    gzip,
    interaction,
  };
}

const missing = [[BINARY, 'cargo build --profile server -p rokeh-gallery --bin rokeh'], [join(DIST, 'index.html'), 'trunk build --release'], [BOKEH, 'scripts/python-venv.sh']].filter(([p]) => !existsSync(p));
if (missing.length) throw new Error(missing.map(([p, how]) => `${p} is missing: ${how}`).join('\n'));

const rokeh = await start(BINARY, ['serve', '--port', '0'], { ROKEH_DIST: DIST }, /rokeh app running at: (http:\/\/127\.0\.0\.1:\d+)\//);
const port = await freePort();
const bokeh = await start(
  BOKEH,
  ['serve', ...APPS.map((a) => join(BOKEH_APPS, `${a}.py`)), '--port', String(port), '--address', '127.0.0.1', '--allow-websocket-origin', `127.0.0.1:${port}`],
  {},
  /Bokeh app running at: (http:\/\/127\.0\.0\.1:\d+)\//,
);
const browser = await launch();
try {
  const version = await new Promise((ok) => {
    const v = spawn(join(ROOT, '.venv', 'bin', 'python'), ['-c', 'import bokeh; print(bokeh.__version__)']);
    let out = '';
    v.stdout.on('data', (d) => (out += d));
    v.on('close', () => ok(out.trim()));
  });
  console.log(`\n# the gallery apps served: rokeh serve beside bokeh serve ${version} (tests/python/bokeh_apps/, Python versions written from the Rust apps), headless Chromium, loopback`);
  console.log(`# ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; medians of ${COLD_LOADS} cold loads and ${INTERACTIONS} interactions`);
  row('app', 'figure', 'rokeh', `Bokeh ${version}`, 'rokeh / Bokeh');
  const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  for (const app of APPS.filter((a) => !only.length || only.includes(a))) {
    const r = await measure(browser, rokeh.origin, app, 'rokeh');
    const b = await measure(browser, bokeh.origin, app, 'bokeh');
    const served = (g) => (g ? 'gzip' : 'raw');
    row(app, 'bytes to first paint, gzip', kb(r.bytes), kb(b.bytes), (r.bytes / b.bytes).toFixed(2));
    row('', '  as each server sent them', `${kb(r.sent)} ${served(r.gzip)}`, `${kb(b.sent)} ${served(b.gzip)}`, (r.sent / b.sent).toFixed(2));
    row('', 'navigation -> first paint', ms(r.first), ms(b.first), (r.first / b.first).toFixed(2));
    summary(`${app} served: bytes to first paint (files gzip'd + websocket messages)`, kb(r.bytes), `Bokeh ${kb(b.bytes)}`, (r.bytes / b.bytes).toFixed(2), 'fewer than Bokeh', r.bytes < b.bytes);
    summary(`${app} served: navigation -> first paint (median of ${COLD_LOADS} cold)`, ms(r.first), `Bokeh ${ms(b.first)}`, (r.first / b.first).toFixed(2), 'faster than Bokeh', r.first < b.first);
    const [what, count] = app === 'ohlc' ? ['streamed tick received', '3 s of 50 ms ticks'] : [INTERACTION[app][0], INTERACTIONS];
    row('', `${what} -> repainted`, ms(r.interaction), ms(b.interaction), (r.interaction / b.interaction).toFixed(2));
    summary(`${app} served: ${what} -> repainted (median of ${count})`, ms(r.interaction), `Bokeh ${ms(b.interaction)}`, (r.interaction / b.interaction).toFixed(2), 'faster than Bokeh', r.interaction < b.interaction);
  }
} finally {
  await browser.close();
  rokeh.child.kill();
  bokeh.child.kill();
}
