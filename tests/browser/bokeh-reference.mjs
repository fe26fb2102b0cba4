// Real Bokeh measured beside rokeh in the same `make bench` run: the sliders document as the
// pinned .venv Bokeh writes it statically (tests/python/bokeh_sliders_page.py, BokehJS
// inlined), timed the way bench.mjs times rokeh. BokehJS has no paint mark, so its canvas'
// `stroke` is watched: a paint strokes the line, and BokehJS paints in one task, so the
// first animation frame after a stroke is the frame that shows the finished paint.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, median } from './support.mjs';

const PYTHON = join(ROOT, '.venv', 'bin', 'python');

/** The pages, written once per point count. */
const pages = new Map();
const workDir = mkdtempSync(join(tmpdir(), 'rokeh-bokeh-bench-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

/** The page's file:// URL, written the first time it is asked for. */
export function bokehPageUrl(n) {
  if (!pages.has(n)) {
    const file = join(workDir, `sliders-${n}.html`);
    execFileSync(PYTHON, [join(ROOT, 'tests', 'python', 'bokeh_sliders_page.py'), String(n), file]);
    pages.set(n, `file://${file}`);
  }
  return pages.get(n);
}

/** The Bokeh version the pages are written with. */
export const bokehVersion = () =>
  execFileSync(PYTHON, ['-c', 'import bokeh; print(bokeh.__version__)'], { encoding: 'utf8' }).trim();

/**
 * Before any of the page's scripts: `window.__strokes.first` is the time of the frame after
 * the first paint; `window.__frames` gets keydown → the frame after the next paint.
 */
function watchStrokes() {
  window.__frames = [];
  window.__strokes = { first: 0 };
  let down = 0;
  let firstPending = true;
  window.addEventListener('keydown', () => (down = performance.now()), true);
  const stroke = CanvasRenderingContext2D.prototype.stroke;
  CanvasRenderingContext2D.prototype.stroke = function (...args) {
    if (firstPending) {
      firstPending = false;
      requestAnimationFrame(() => (window.__strokes.first = performance.now()));
    }
    if (down) {
      const start = down;
      down = 0;
      requestAnimationFrame(() => window.__frames.push(performance.now() - start));
    }
    return stroke.apply(this, args);
  };
}

async function open(browser, n) {
  const context = await browser.newContext();
  await context.addInitScript(watchStrokes);
  const page = await context.newPage();
  await page.goto(bokehPageUrl(n));
  await page.waitForFunction(() => window.__strokes.first > 0, null, { timeout: 120_000 });
  return { context, page };
}

/** Navigation → the frame after BokehJS's first paint, `loads` fresh contexts (median). */
export async function bokehFirstPaint(browser, n, loads) {
  bokehPageUrl(n);
  const times = [];
  for (let i = 0; i < loads; i++) {
    const { context, page } = await open(browser, n);
    times.push(await page.evaluate(() => window.__strokes.first));
    await context.close();
  }
  return median(times);
}

/**
 * The frequency slider moved by keyboard, `count` times after a warm-up: keydown → the
 * frame after BokehJS repainted the new sine (median).
 */
export async function bokehLine(browser, n, count, warmup = 5) {
  const { context, page: p } = await open(browser, n);
  // The fourth slider is the frequency; its handle takes the arrow keys.
  await p.locator('.noUi-handle').nth(3).focus();
  for (let i = 0; i < warmup + count; i++) {
    const before = await p.evaluate(() => window.__frames.length);
    await p.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await p.waitForFunction((k) => window.__frames.length > k, before, { timeout: 120_000 });
  }
  const frames = (await p.evaluate(() => window.__frames)).slice(warmup);
  await context.close();
  return median(frames);
}
