// Map tiles and an ImageURL glyph, pushed by real Python Bokeh (tests/python/tiles_push.py)
// into a `rokeh serve` session and shown by its page: the page fetches the images from
// http://tiles.test/ (answered here, one colour per tile; one tile never, and the image
// only at the glyph's retry), paints again as they arrive,
// and draws each where it belongs: the x range grown to the frame's shape, the four tiles
// of zoom 1 over the world (the north-west one top left: WMTS rows count from the top)
// and again past its ends, the image over the data rectangle it was given. BokehJS, shown
// the same document with the same tiles, draws the same colours at the same points.
//
// Needs dist/ (trunk build --release), the rokeh binary (cargo build -p rokeh-gallery
// --bin rokeh) and ./.venv with Bokeh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, python, startServer } from './support.mjs';
import { decodePng } from './png.mjs';

/** The colour of each tile by its URL's {Z}/{X}/{Y}, and the image's. */
const TILES = {
  '1/0/0': [230, 25, 25],
  '1/1/0': [25, 180, 25],
  '1/0/1': [25, 25, 230],
  '1/1/1': [255, 150, 0],
};
const IMAGE = [220, 0, 220];
/** A tile the server never gives (404): not drawn, the frame's white shows. */
const MISSING = '1/1/1';
const WHITE = [255, 255, 255];
const OTHER = [128, 128, 128];

/** A PNG of `width` × `height` pixels of one colour. */
function solidPng(width, height, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.alloc(1 + 3 * width);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + 3 * x);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Answers http://tiles.test/ for `page`'s context: the MISSING tile never, and the image,
 * when `retried`, only when asked a second time (the glyph retries once); returns the
 * paths asked for.
 */
async function serveTiles(context, retried) {
  const asked = [];
  await context.route('http://tiles.test/**', (route) => {
    const path = new URL(route.request().url()).pathname.slice(1);
    asked.push(path);
    const tries = asked.filter((p) => p === path).length;
    if (path === `${MISSING}.png` || (retried && path === 'image.png' && tries === 1)) {
      return route.fulfill({ status: 404, body: 'no such tile' });
    }
    const color = path === 'image.png' ? IMAGE : TILES[path.replace(/\.png$/, '')] ?? OTHER;
    return route.fulfill({
      status: 200,
      contentType: 'image/png',
      headers: { 'access-control-allow-origin': '*' },
      body: solidPng(path === 'image.png' ? 10 : 256, path === 'image.png' ? 10 : 256, color),
    });
  });
  return asked;
}

/**
 * The colours (RGB) on screen at points `points` (CSS pixels from the top left of the
 * element `origin` evaluates to), from a screenshot.
 */
async function colorsAt(page, origin, points) {
  const [x0, y0] = await page.evaluate(origin);
  const shot = decodePng(await page.screenshot());
  return points.map(([x, y]) => {
    const i = 4 * (Math.round(y0 + y) * shot.width + Math.round(x0 + x));
    return [...shot.rgba.slice(i, i + 3)];
  });
}

const WORLD = 20037508.34;
/** The frame Python asks for (CSS pixels). */
const [FRAME_W, FRAME_H] = [900, 600];
/**
 * The ranges drawn: the world, its x range grown to the frame's shape about its centre
 * (BokehJS's `snap_to_zoom_level`).
 */
const X_HALF = (WORLD * FRAME_W) / FRAME_H;

/**
 * Points (CSS pixels, the frame's top left at `left`, `top`) and the colour each should
 * have: the image's inside its data square (-15e6, 15e6)–(-5e6, 5e6); elsewhere the tile
 * of zoom 1 under the point (columns of 20037508.34 m from the world's west edge, the
 * ones past its ends the world's again; WMTS rows from the top).
 */
function expected(left, top) {
  const points = [];
  for (const fx of [0.03, 0.1, 0.2, 0.3, 0.45, 0.55, 0.7, 0.8, 0.9, 0.97]) {
    for (const fy of [0.05, 0.2, 0.3, 0.4, 0.6, 0.8, 0.95]) {
      const x = -X_HALF + fx * 2 * X_HALF;
      const y = WORLD - fy * 2 * WORLD;
      // Clear of the edges, where smoothing blends neighbours.
      const edges = [-WORLD, 0, WORLD, -15e6, -5e6].map((e) => Math.abs(x - e));
      if (Math.min(...edges) < 5e5 || [0, 15e6, 5e6].some((e) => Math.abs(y - e) < 5e5)) continue;
      const inImage = x > -15e6 && x < -5e6 && y > 5e6 && y < 15e6;
      const column = (((Math.floor((x + WORLD) / WORLD)) % 2) + 2) % 2;
      const row = y > 0 ? 0 : 1;
      const tile = `1/${column}/${row}`;
      const color = inImage ? IMAGE : tile === MISSING ? WHITE : TILES[tile];
      points.push([[left + fx * FRAME_W, top + fy * FRAME_H], color]);
    }
  }
  return points;
}

const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 12);

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

test('the page fetches map tiles and an ImageURL image and draws them where BokehJS does', async () => {
  const pushed = python('tiles_push.py', 'push', `${server.origin}/sliders`, 'tiles');
  assert.ok((await pushed.next('the push')).pushed > 0);
  await pushed.finished();

  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const asked = await serveTiles(context, true);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.origin}/sliders?bokeh-session-id=tiles`);
  // The page first shows its app's own document; the session's replaces it.
  await page.waitForFunction(() => document.title === 'tiles' && document.querySelector('canvas.rk-figure'));
  await page.waitForFunction((w) => window.rokeh.frame?.[2] - window.rokeh.frame?.[0] === w, FRAME_W);
  const [left, top, right, bottom] = await page.evaluate(() => window.rokeh.frame);
  assert.deepEqual([right - left, bottom - top], [FRAME_W, FRAME_H], 'the frame Python asked for');
  const drawnX = await page.evaluate(() => window.rokeh.drawnX);
  assert.ok(Math.abs(drawnX[0] + X_HALF) < 1 && Math.abs(drawnX[1] - X_HALF) < 1, `x range ${drawnX}`);
  const want = expected(left, top);
  const points = want.map(([p]) => p);
  // The images arrive after the first paint: the page paints again for them.
  await page.waitForFunction(
    ([points, colors]) => {
      const canvas = document.querySelector('canvas.rk-figure');
      const dpr = canvas.width / canvas.getBoundingClientRect().width;
      const ctx = canvas.getContext('2d');
      return points.every(([x, y], i) => {
        const d = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
        return [0, 1, 2].every((c) => Math.abs(d[c] - colors[i][c]) <= 12);
      });
    },
    [points, want.map(([, c]) => c)],
    { timeout: 10000 },
  ).catch(() => {});
  const canvasAt = () => {
    const r = document.querySelector('canvas.rk-figure').getBoundingClientRect();
    return [r.x, r.y];
  };
  const rokeh = await colorsAt(page, canvasAt, points);
  want.forEach(([point, color], i) => {
    assert.ok(close(rokeh[i], color), `rokeh at ${point}: ${rokeh[i]}, not ${color}`);
  });
  const times = (path) => asked.filter((p) => p === path).length;
  for (const tile of Object.keys(TILES).filter((t) => t !== MISSING)) {
    assert.equal(times(`${tile}.png`), 1, `${tile} fetched once: ${asked}`);
  }
  assert.equal(times('image.png'), 2, `the image's one retry: ${asked}`);
  // As BokehJS's loader: a failed image is asked for once more without a cross-origin
  // request, and then given up (not asked for at every paint).
  assert.equal(times(`${MISSING}.png`), 2, `${asked}`);
  // But the browser's own word on the 404s.
  assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource')), []);
  await context.close();

  // BokehJS, the same document and tiles: the same colours at the same points of its frame.
  const out = mkdtempSync(join(tmpdir(), 'rokeh-tiles-'));
  const html = python('tiles_push.py', 'html', join(out, 'tiles.html'));
  await html.finished();
  const reference = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  // The image at once: BokehJS paints a retried image only if something else repaints
  // after it arrives (its view takes the failed element as resolved).
  await serveTiles(reference, false);
  const bokeh = await reference.newPage();
  await bokeh.goto(`file://${join(out, 'tiles.html')}`);
  await bokeh.waitForFunction(() => {
    const views = window.Bokeh?.index ? Object.values(window.Bokeh.index) : [];
    return views.length > 0 && views.every((v) => v.is_idle);
  });
  // BokehJS fetches its tiles 65 ms after a paint, and paints again when they arrive.
  await bokeh.waitForTimeout(1000);
  const frame = await bokeh.evaluate(() => {
    const view = Object.values(window.Bokeh.index)[0];
    const { left, top } = view.frame.bbox;
    return [left, top];
  });
  const plotAt = () => {
    const r = Object.values(window.Bokeh.index)[0].el.getBoundingClientRect();
    return [r.x, r.y];
  };
  const drawn = await colorsAt(bokeh, plotAt, expected(...frame).map(([p]) => p));
  want.forEach(([point, color], i) => {
    assert.ok(close(drawn[i], color), `BokehJS at ${point}: ${drawn[i]}, not ${color}`);
  });
  await reference.close();
});
