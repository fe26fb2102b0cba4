// Shared by the browser tests and the benchmark: a static server for dist/ at a sub-path,
// headless Debian Chromium, a network fence, and readers of the page's canvas.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { Buffer } from 'node:buffer';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// ROKEH_DIST=<dir>: another build of the page (an A/B of two builds' figures).
export const DIST = process.env.ROKEH_DIST ?? join(ROOT, 'dist');
/** The sliders app as one self-contained file (`make build-single` writes one per app). */
export const SINGLE_FILE = join(ROOT, 'dist-single', 'sliders.html');
/** Where the page is served, as GitHub Pages serves a project at /<repo>/. */
export const SUB_PATH = '/rokeh/';
const BINARY = process.env.ROKEH_BIN ?? join(ROOT, 'target', 'debug', 'rokeh');
const PYTHON = join(ROOT, '.venv', 'bin', 'python');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/**
 * Response headers that make a page cross-origin isolated: its `performance.now()` then
 * ticks in 5 µs steps instead of 100 µs ones, fine enough for a repaint of a millisecond.
 */
export const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * Serves `dir` under SUB_PATH on a free loopback port, with `headers` besides the usual
 * ones; records requests it could not answer.
 */
export async function serveDist(dir = DIST, headers = {}) {
  const missed = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const inside = path.startsWith(SUB_PATH) ? path.slice(SUB_PATH.length) || 'index.html' : null;
    const file = inside && normalize(join(dir, inside));
    try {
      if (!file || !file.startsWith(dir)) throw new Error('outside the site');
      const body = await readFile(file);
      // Any origin may load it, as a CDN or GitHub Pages lets other sites embed an app.
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
        ...headers,
      });
      res.end(body);
    } catch {
      missed.push(req.url);
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + SUB_PATH,
    missed,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Headless Debian Chromium; Playwright gives it a fresh, empty profile each launch. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Aborts every request of `context` except those for URLs starting with `allowed` and
 * returns the list of the ones it blocked.
 */
export async function fence(context, allowed) {
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowed)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return blocked;
}

/**
 * Lists the requests of `context` for URLs not starting with `allowed`, as they are made,
 * without holding any up: benchmarks check a page reached nothing else, where `fence`
 * would add a round trip to this process to every request of the load they time.
 */
export function watchOffsite(context, allowed) {
  const offsite = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(allowed) && !url.startsWith('data:')) offsite.push(url);
  });
  return offsite;
}

/** Collects console errors and uncaught exceptions of `page`. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export const paints = (page) => page.evaluate(() => window.rokeh?.paints ?? 0);

/** Waits until the page has finished more than `count` paints. */
export function paintedAfter(page, count) {
  return page.waitForFunction((n) => (window.rokeh?.paints ?? 0) > n, count);
}

/**
 * Reads the plot canvas: its backing size, how many pixels are Bokeh's line blue
 * (#1f77b4 at alpha 0.6 over white is about rgb(121, 173, 210)), and a fingerprint of the
 * pixels in `region` ([x, y, w, h] in CSS pixels; the whole canvas when left out).
 */
export function readCanvas(page, region) {
  return page.evaluate((region) => {
    const canvas = document.querySelector('canvas');
    const dpr = canvas.width / canvas.getBoundingClientRect().width;
    const [x, y, w, h] = (region ?? [0, 0, canvas.width / dpr, canvas.height / dpr]).map((v) =>
      Math.round(v * dpr),
    );
    const data = canvas.getContext('2d').getImageData(x, y, w, h).data;
    let blue = 0;
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (b > 150 && b - r > 50 && g > r && b > g) blue++;
      hash = Math.imul(hash ^ (r | (g << 8) | (b << 16)), 16777619);
    }
    return { width: canvas.width, height: canvas.height, blue, hash };
  }, region);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * `rokeh serve` (the debug binary) on a free port, serving `dist` (Trunk's dist/, or a
 * page of scripts/page-sizes.sh): `{ origin, child, log }`.
 */
export function startServer(dist = DIST) {
  for (const [path, how] of [
    [BINARY, 'cargo build -p rokeh-gallery --bin rokeh'],
    [PYTHON, 'scripts/python-venv.sh'],
    [join(dist, 'index.html'), dist === DIST ? 'trunk build --release' : 'scripts/page-sizes.sh'],
  ]) {
    assert.ok(existsSync(path), `${path} is missing: ${how}`);
  }
  const child = spawn(BINARY, ['serve', '--port', '0'], {
    env: { ...process.env, ROKEH_DIST: dist },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = [];
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`rokeh serve did not start: ${log.join('\n')}`)), 20000);
    createInterface({ input: child.stderr }).on('line', (line) => {
      log.push(line);
      const m = line.match(/rokeh app running at: (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        ok({ origin: m[1], child, log });
      }
    });
  });
}

/** Runs a Python script of tests/python; yields its stdout's JSON lines. */
export function python(script, ...args) {
  const child = spawn(PYTHON, [join(ROOT, 'tests', 'python', script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.push(d));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise((ok) => child.on('exit', (code) => ok(code)));
  return {
    async next(what) {
      const { value, done } = await lines.next();
      assert.ok(!done, `python ended before ${what}: ${Buffer.concat(stderr)}`);
      return JSON.parse(value);
    },
    async finished() {
      const code = await exited;
      assert.equal(code, 0, `python failed: ${Buffer.concat(stderr)}`);
    },
    kill: () => child.kill(),
  };
}
