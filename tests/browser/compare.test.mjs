// Drawn like BokehJS: the documents of tests/python/compare_docs.py (every glyph and
// marker, the axis types, a legend, annotations) rendered by real BokehJS (file_html with
// INLINE resources) and by rokeh two ways: pushed by Python's bokeh.client into a
// `rokeh serve` session and shown by its page, and built by Rust app code
// (gallery/src/compare.rs) in the static page (but for those only Python can build:
// PUSHED_ONLY). Each plot is screenshot and compared glyph by glyph, each glyph found by
// its own colour: pixel count within ±25 %, bounding box within 4 CSS pixels, overlap
// (intersection over union) of the two masks, each widened by 2 CSS pixels, at least 0.8.
// At deviceScaleFactor 1 and 2.
//
// Needs dist/ (make build), target/debug/rokeh (cargo build -p rokeh-gallery --bin rokeh;
// the page draws, the server only syncs) and ./.venv (make install-python);
// `make test-browser` has them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launch, serveDist } from './support.mjs';
import { decodePng } from './png.mjs';

const PYTHON = join(ROOT, '.venv', 'bin', 'python');
const SCRIPT = join(ROOT, 'tests', 'python', 'compare_docs.py');
const SERVER = process.env.ROKEH_BIN ?? join(ROOT, 'target', 'debug', 'rokeh');
/** Documents only Python builds (their data computed by Python libraries): no Rust twin. */
const PUSHED_ONLY = new Set(['contour']);
const COUNT_TOLERANCE = 0.25;
const BBOX_TOLERANCE = 4;
const WIDEN = 2;
const MIN_OVERLAP = 0.8;
/** A pixel is a glyph's when every channel is this close to its colour. */
const COLOR_TOLERANCE = 40;

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(SERVER, ['serve', '--port', '0', '--unused-session-lifetime', '600000'], {
      env: { ...process.env, ROKEH_DIST: join(ROOT, 'dist') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /rokeh app running at: http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) resolve({ child, origin: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`rokeh serve exited (${code}): ${log}`)));
    setTimeout(() => reject(new Error(`rokeh serve did not start: ${log}`)), 20000).unref();
  });
}

const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** The screenshot of `rect` (CSS pixels) of the page, decoded. */
async function shot(page, rect) {
  const png = await page.screenshot({ clip: rect, animations: 'disabled' });
  return decodePng(png);
}

async function bokehjsShot(page, file) {
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => {
    const views = window.Bokeh?.index ? Object.values(window.Bokeh.index) : [];
    return views.length > 0 && views.every((v) => v.is_idle);
  });
  await page.evaluate(() => document.fonts.ready);
  const rect = await page.evaluate(() => {
    const r = Object.values(window.Bokeh.index)[0].el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  return shot(page, rect);
}

async function rokehShot(page, url, title) {
  await page.goto(url);
  // The page first shows its app's own document; a session's replaces it (its title says
  // when), and is painted in a frame after that.
  await page.waitForFunction(
    (title) => document.title === title && (window.rokeh?.paints ?? 0) > 0 && document.querySelector('canvas.rk-figure'),
    title,
  );
  const frames = (n) => page.evaluate((n) => new Promise((r) => {
    const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : r());
    step(n);
  }), n);
  await frames(3);
  await page.evaluate(() => document.fonts.ready);
  // More frames: a repaint after the fonts settle.
  await frames(2);
  const rect = await page.evaluate(() => {
    const r = document.querySelector('canvas.rk-figure').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  return shot(page, rect);
}

/** The pixels of `img` within COLOR_TOLERANCE of `color`, as a 0/1 mask. */
function mask(img, color) {
  const m = new Uint8Array(img.width * img.height);
  for (let i = 0; i < m.length; i++) {
    const d = Math.max(
      Math.abs(img.rgba[4 * i] - color[0]),
      Math.abs(img.rgba[4 * i + 1] - color[1]),
      Math.abs(img.rgba[4 * i + 2] - color[2]),
    );
    m[i] = d <= COLOR_TOLERANCE ? 1 : 0;
  }
  return m;
}

function stats(m, width) {
  let count = 0;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < m.length; i++) {
    if (!m[i]) continue;
    count++;
    const x = i % width;
    const y = (i / width) | 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { count, bbox: [x0, y0, x1, y1] };
}

function widen(m, width, height, r) {
  const out = new Uint8Array(m.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!m[y * width + x]) continue;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < width) out[yy * width + xx] = 1;
        }
      }
    }
  }
  return out;
}

/** Compares one glyph's pixels in two pictures of the same size. */
function compareGlyph(a, b, color, dsf) {
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  const crop = (img) => {
    if (img.width === w && img.height === h) return img;
    const rgba = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) rgba.set(img.rgba.subarray(y * img.width * 4, (y * img.width + w) * 4), y * w * 4);
    return { width: w, height: h, rgba };
  };
  const ma = mask(crop(a), color);
  const mb = mask(crop(b), color);
  const sa = stats(ma, w);
  const sb = stats(mb, w);
  const wa = widen(ma, w, h, WIDEN * dsf);
  const wb = widen(mb, w, h, WIDEN * dsf);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < wa.length; i++) {
    inter += wa[i] & wb[i];
    union += wa[i] | wb[i];
  }
  const bboxDelta = sa.count && sb.count ? Math.max(...sa.bbox.map((v, i) => Math.abs(v - sb.bbox[i]))) : Infinity;
  return {
    reference: sa.count,
    count: sb.count,
    ratio: sa.count ? sb.count / sa.count : 0,
    bbox: bboxDelta / dsf,
    overlap: union ? inter / union : 0,
  };
}

const passes = (r) =>
  r.reference > 0 &&
  Math.abs(r.ratio - 1) <= COUNT_TOLERANCE &&
  r.bbox <= BBOX_TOLERANCE &&
  r.overlap >= MIN_OVERLAP;

test('rokeh draws what BokehJS draws, glyph by glyph', { timeout: 600_000 }, async () => {
  const progress = (m) => process.env.COMPARE_VERBOSE && console.error(m);
  assert.ok(existsSync(SERVER), `${SERVER} is missing: cargo build -p rokeh-gallery --bin rokeh`);
  const out = mkdtempSync(join(tmpdir(), 'rokeh-compare-'));
  execFileSync(PYTHON, [SCRIPT, 'html', out], { stdio: 'inherit' });
  const glyphs = JSON.parse(readFileSync(join(out, 'glyphs.json'), 'utf8'));
  const site = await serveDist();
  const server = await startServer();
  const browser = await launch();
  const rows = [];
  try {
    progress('pushing');
    // Not execFileSync: the server's log must keep flowing while Python pushes.
    await promisify(execFile)(PYTHON, [SCRIPT, 'push', `${server.origin}/sliders`, 'cmp']);
    for (const dsf of [1, 2]) {
      const context = await browser.newContext({ deviceScaleFactor: dsf, viewport: { width: 800, height: 600 } });
      const page = await context.newPage();
      for (const [name, list] of Object.entries(glyphs)) {
        progress(`x${dsf} ${name}: BokehJS`);
        const reference = await bokehjsShot(page, join(out, `${name}.html`));
        progress(`x${dsf} ${name}: pushed to rokeh serve`);
        const pushed = await rokehShot(page, `${server.origin}/sliders?bokeh-session-id=cmp-${name}`, name);
        const shots = [['pushed', pushed]];
        if (!PUSHED_ONLY.has(name)) {
          progress(`x${dsf} ${name}: built by Rust`);
          shots.push(['rust', await rokehShot(page, `${site.url}?app=compare-${name}`, name)]);
        }
        for (const { glyph, color } of list) {
          for (const [how, img] of shots) {
            const r = compareGlyph(reference, img, hex(color), dsf);
            rows.push({ dsf, doc: name, glyph, how, ...r, ok: passes(r) });
          }
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.child.kill();
    await site.close();
  }
  const fmt = (r) =>
    `${`x${r.dsf}`.padEnd(4)}${r.doc.padEnd(15)}${r.glyph.padEnd(18)}${r.how.padEnd(8)}` +
    `${String(r.reference).padStart(7)}${String(r.count).padStart(7)}${r.ratio.toFixed(2).padStart(7)}` +
    `${(Number.isFinite(r.bbox) ? r.bbox.toFixed(1) : 'none').padStart(7)}${r.overlap.toFixed(2).padStart(7)}  ${r.ok ? 'ok' : 'FAIL'}`;
  console.log(`\n${'dsf'.padEnd(4)}${'document'.padEnd(15)}${'glyph'.padEnd(18)}${'rokeh'.padEnd(8)}  bokeh  rokeh  ratio   bbox overlap`);
  for (const r of rows) console.log(fmt(r));
  const failed = rows.filter((r) => !r.ok);
  console.log(`\n${rows.length - failed.length} of ${rows.length} glyph comparisons pass`);
  assert.deepEqual(failed.map(fmt), [], 'glyphs drawn unlike BokehJS');
});

/** Boxes (CSS px, relative to the grid's) of a gridplot's toolbar and plots, in page order. */
function gridBoxes(found) {
  const [grid, ...rest] = found;
  return rest.map(({ kind, x, y, width, height }) => ({
    kind, x: x - grid.x, y: y - grid.y, width, height,
  })).concat([{ kind: 'grid', x: 0, y: 0, width: grid.width, height: grid.height }]);
}

test('a gridplot\'s toolbar and plots sit where BokehJS puts them (ohlc: left; selection_histogram: merge_tools=False)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'rokeh-grid-'));
  const apps = ['ohlc', 'selection_histogram'];
  execFileSync(PYTHON, [join(ROOT, 'tests', 'python', 'bokeh_apps_html.py'), out, ...apps], { stdio: 'inherit' });
  const site = await serveDist();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (const app of apps) {
      await page.goto(`file://${join(out, `${app}.html`)}`);
      await page.waitForFunction(() => {
        const views = window.Bokeh?.index ? Object.values(window.Bokeh.index) : [];
        return views.length > 0 && views.every((v) => v.is_idle);
      });
      // BokehJS's elements live in shadow roots: the grid, then its toolbar (the first
      // toolbar inside it) and its plots' canvases.
      const bokehjs = gridBoxes(await page.evaluate(() => {
        const found = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            const c = typeof el.className === 'string' ? el.className : '';
            const kind = /^bk-GridPlot/.test(c) ? 'gridplot' : /^bk-Toolbar /.test(c) ? 'toolbar' : c === 'bk-Canvas' ? 'canvas' : null;
            if (kind) {
              const r = el.getBoundingClientRect();
              found.push({ kind, x: r.x, y: r.y, width: r.width, height: r.height });
            }
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        const grid = found.find((f) => f.kind === 'gridplot');
        const toolbar = found.find((f) => f.kind === 'toolbar');
        return [grid, toolbar, ...found.filter((f) => f.kind === 'canvas')];
      }));
      await page.goto(`${site.url}?app=${app}`);
      await page.waitForFunction(() => (window.rokeh?.paints ?? 0) > 0);
      const rokeh = gridBoxes(await page.evaluate(() => {
        const box = (kind, el) => {
          const r = el.getBoundingClientRect();
          return { kind, x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const grid = document.querySelector('.rk-gridplot');
        return [
          box('gridplot', grid),
          box('toolbar', grid.querySelector(':scope > .rk-toolbar')),
          ...[...grid.querySelectorAll('canvas.rk-figure')].map((c) => box('canvas', c)),
        ];
      }));
      assert.equal(rokeh.length, bokehjs.length, `${app}: ${JSON.stringify(rokeh)}`);
      rokeh.forEach((r, i) => {
        const b = bokehjs[i];
        const off = Math.max(...['x', 'y', 'width', 'height'].map((k) => Math.abs(r[k] - b[k])));
        assert.ok(off <= 1, `${app} ${r.kind} ${i}: rokeh ${JSON.stringify(r)}, BokehJS ${JSON.stringify(b)}`);
      });
    }
  } finally {
    await browser.close();
    await site.close();
  }
});
