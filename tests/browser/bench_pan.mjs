// Panning a long line by a real mouse drag in headless Chromium: the sliders page at 1M and
// 10M points, dragged with the pan tool back and forth for a few seconds (Playwright's
// mouse, a move every 8 ms as a 120 Hz mouse sends them); printed: the time between
// painted frames while dragging (median, max) and the frames dropped per second of
// dragging, beside real Bokeh (the .venv's, static, BokehJS inlined) panning the same
// 1M-point line. A painted frame is an animation frame in which the page painted since
// the previous one (rokeh's paint count; BokehJS's canvas `stroke`s, as
// bokeh-reference.mjs watches them). The moves are sent on the clock (not each after the
// last was handled), so every 60 Hz frame has a move to show: a frame that shows no paint
// (or never comes, the page busy) is dropped. Needs dist/ built (`make build`).
import { launch, median, paintedAfter, serveDist } from './support.mjs';
import { bokehPageUrl, bokehVersion } from './bokeh-reference.mjs';

/** How long each measured drag lasts, after a warm-up drag of a second. */
const DRAG_MS = 4000;
const MOVE_EVERY_MS = 8;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

const ms = (t) => `${t.toFixed(1)} ms`;
const summary = (what, rokeh, reference, ratio, target, met) =>
  console.log(['SUMMARY', what, rokeh, reference, ratio, target, met ? 'met' : 'MISSED'].join(' | '));

/**
 * Before the page's scripts: canvas strokes are counted (for BokehJS), and every animation
 * frame in which the paint count went up is noted while `window.__pan.on`.
 */
function watchPaints() {
  window.__strokes = 0;
  const stroke = CanvasRenderingContext2D.prototype.stroke;
  CanvasRenderingContext2D.prototype.stroke = function (...args) {
    window.__strokes++;
    return stroke.apply(this, args);
  };
  window.__pan = { on: false, frames: [], all: 0, moved: 0 };
  // Pointer moves, counted before the page's own handlers.
  let moves = 0;
  window.addEventListener('pointermove', () => moves++, true);
  const count = () => window.rokeh?.paints ?? window.__strokes;
  let last = 0;
  let lastMoves = 0;
  const tick = (ts) => {
    const now = count();
    if (window.__pan.on) {
      window.__pan.all++;
      if (now !== last) window.__pan.frames.push(ts);
      // A frame that began with the pointer moved since the last.
      if (moves !== lastMoves) window.__pan.moved++;
    }
    last = now;
    lastMoves = moves;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The plot's frame on the screen: rokeh's from its hook, Bokeh's as its largest canvas. */
async function plotBox(page) {
  const rokeh = await page.evaluate(() => window.rokeh?.frame ?? null);
  if (rokeh) {
    const c = await page.locator('canvas.rk-figure').boundingBox();
    const [l, t, r, b] = rokeh;
    return { x: c.x + l, y: c.y + t, width: r - l, height: b - t };
  }
  const boxes = [];
  for (const c of await page.locator('canvas').all()) boxes.push(await c.boundingBox());
  const big = boxes.filter(Boolean).sort((a, b) => b.width * b.height - a.width * a.height)[0];
  // BokehJS's frame sits inside its canvas, axes left and below.
  return { x: big.x + 40, y: big.y + 30, width: big.width - 60, height: big.height - 70 };
}

/** Drags across the frame's middle, back and forth, for `duration` ms. */
async function drag(page, box, duration) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const reach = box.width / 3;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  let moves = 0;
  // Sent on the clock, not each after the last was handled, as a mouse sends them: the
  // browser queues what the page has not taken yet (and coalesces it, once a frame).
  const sent = [];
  for (let t = 0; t < duration; t = Date.now() - start) {
    sent.push(page.mouse.move(cx + reach * Math.sin((2 * Math.PI * t) / 1000), cy + 10 * Math.sin((2 * Math.PI * t) / 700)));
    moves++;
    const next = start + moves * MOVE_EVERY_MS;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
  }
  await Promise.all(sent);
  await page.mouse.up();
  return { moves, seconds: (Date.now() - start) / 1000 };
}

/** Painted-frame intervals and drops while dragging the page open in `page`. */
async function measure(page) {
  const box = await plotBox(page);
  await drag(page, box, 1000);
  await page.evaluate(() => Object.assign(window.__pan, { on: true, frames: [], all: 0, moved: 0 }));
  const { moves, seconds } = await drag(page, box, DRAG_MS);
  const pan = await page.evaluate(() => {
    window.__pan.on = false;
    return window.__pan;
  });
  const gaps = pan.frames.slice(1).map((t, i) => t - pan.frames[i]);
  // The pointer moves every 8 ms, so each 60 Hz frame has a move to show: the frames
  // that showed none (no paint, or no frame at all while the page was busy) are dropped.
  const dropped = Math.max(0, (seconds * 1000) / FRAME_MS - pan.frames.length);
  return {
    median: median(gaps),
    max: Math.max(...gaps),
    painted: pan.frames.length / seconds,
    dropped: dropped / seconds,
    moves: moves / seconds,
    moved: pan.moved / seconds,
    frames: pan.all / seconds,
  };
}

async function rokehPan(browser, site, n) {
  const context = await browser.newContext();
  await context.addInitScript(watchPaints);
  const page = await context.newPage();
  await page.goto(`${site.url}?N=${n}`);
  await paintedAfter(page, 0);
  const m = await measure(page);
  m.paintMs = await page.evaluate(() => window.rokeh.lastPaintMs);
  await context.close();
  return m;
}

async function bokehPan(browser, n) {
  const context = await browser.newContext();
  await context.addInitScript(watchPaints);
  const page = await context.newPage();
  await page.goto(bokehPageUrl(n));
  await page.waitForFunction(() => window.__strokes > 0, null, { timeout: 120_000 });
  const m = await measure(page);
  await context.close();
  return m;
}

const line = (who, m) =>
  console.log(
    `${who.padEnd(22)}${ms(m.median).padEnd(12)}${ms(m.max).padEnd(12)}${m.dropped.toFixed(1).padEnd(12)}` +
      `${m.painted.toFixed(1).padEnd(12)}${m.frames.toFixed(1).padEnd(12)}${m.moved.toFixed(1).padEnd(12)}${m.moves.toFixed(0)}`,
  );

const site = await serveDist();
const browser = await launch();
try {
  const version = bokehVersion();
  console.log(`\n## pan by mouse drag (${DRAG_MS / 1000} s, a move every ${MOVE_EVERY_MS} ms), sliders line   target: 60 fps`);
  console.log(`${''.padEnd(22)}${'frame gap'.padEnd(12)}${'max gap'.padEnd(12)}${'dropped/s'.padEnd(12)}${'painted/s'.padEnd(12)}${'frames/s'.padEnd(12)}${'moved/s'.padEnd(12)}moves sent/s`);
  for (const n of [1_000_000, 10_000_000]) {
    const label = n === 1_000_000 ? '1M' : '10M';
    const r = await rokehPan(browser, site, n);
    line(`rokeh ${label}`, r);
    let bokeh = null;
    if (n === 1_000_000) {
      bokeh = await bokehPan(browser, n);
      line(`Bokeh ${version} ${label}`, bokeh);
    }
    const ref = (f) => (bokeh ? `Bokeh ${f(bokeh)}` : '');
    const ratio = (f) => (bokeh ? (f(r) / f(bokeh)).toFixed(2) : '');
    summary(
      `pan a ${label}-point line by mouse drag: time between painted frames, median (max)`,
      `${ms(r.median)} (max ${ms(r.max)})`,
      ref((m) => `${ms(m.median)} (max ${ms(m.max)})`),
      ratio((m) => m.median),
      '<= 16.7 ms (60 fps)',
      r.median <= FRAME_MS + 0.5,
    );
    summary(
      `pan a ${label}-point line by mouse drag: frames dropped per second of dragging`,
      r.dropped.toFixed(1),
      ref((m) => m.dropped.toFixed(1)),
      '',
      '<= 1 (60 fps held)',
      r.dropped <= 1,
    );
  }
} finally {
  await browser.close();
  await site.close();
}
