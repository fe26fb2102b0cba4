// Prints the page's figures (never asserts them): download sizes, navigation → first plot
// paint and its phases, slider input → repainted at N = 200 and N = 100,000, a table of
// 100,000 rows scrolled, the sine line beside uPlot at 200 to 10,000,000 points, the
// column math and the memory at 1M and 10M points, a 1,000,000-point scatter and a ten-glyph figure's first paint;
// real Bokeh (the .venv's, static) beside the first paint, N = 200 and the 1,000,000-point
// line. Needs dist/ and dist-single/ built: `make bench` does that first.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, ISOLATED, ROOT, SINGLE_FILE, launch, median, paintedAfter, paints, serveDist, watchOffsite } from './support.mjs';
import { bokehFirstPaint, bokehLine, bokehVersion } from './bokeh-reference.mjs';

const COLD_LOADS = 7;
const MOVES = 60;
const WARMUP_MOVES = 5;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (t) => `${t.toFixed(2)} ms`;
/**
 * One row of the table `make bench` ends with (scripts/bench-summary.mjs collects these
 * lines from everything the run printed): the figure, rokeh's value, the reference measured
 * beside it in the same run ('' when none), rokeh / reference, the target, and whether
 * it was met.
 */
const summary = (what, rokeh, reference, ratio, target, met) =>
  console.log(['SUMMARY', what, rokeh, reference, ratio, target, met ? 'met' : 'MISSED'].join(' | '));
// Cells are padded to columns, and a long one still leaves a space before the next.
const row = (...cells) => console.log(cells.map((c, i) => `${c}`.padEnd(i ? 13 : 25) + ' ').join('').trimEnd());

/** The page's targets, in kB of 1,000 bytes as the issue states them. */
const SERVED_PAGE_TARGET = 200_000;
const STATIC_PAGE_TARGET = 150_000;

function sizes() {
  const measure = (path) => {
    const bytes = readFileSync(path);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const files = readdirSync(DIST);
  const pick = (ext) => measure(join(DIST, files.find((f) => f.endsWith(ext))));
  const wasm = pick('.wasm');
  const js = pick('.js');
  const gzip = wasm.gzip + js.gzip;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log('\n## sizes (trunk build --release, wasm-opt -Oz: the gallery page with every app)');
  console.log(`   targets: <= ${kb(SERVED_PAGE_TARGET)} served, <= ${kb(STATIC_PAGE_TARGET)} static, wasm + js gzip -9`);
  row('', 'raw', 'gzip');
  row('wasm', kib(wasm.raw), kib(wasm.gzip));
  row('js', kib(js.raw), kib(js.gzip));
  row('wasm + js', kib(wasm.raw + js.raw), `${kib(gzip)} = ${kb(gzip)}`);
  summary('gallery page (every app): wasm + js, gzip', kb(gzip), '', '', `<= ${kb(SERVED_PAGE_TARGET)}`, gzip <= SERVED_PAGE_TARGET);
  // The targets are the sliders page's: built alone by scripts/page-sizes.sh.
  console.log('   the sliders page alone (gallery/examples/sliders_page.rs), wasm + js gzip -9:');
  for (const [variant, target, label] of [
    ['served', SERVED_PAGE_TARGET, 'served (joins its session)'],
    ['static', STATIC_PAGE_TARGET, 'static only (--no-default-features)'],
  ]) {
    const dir = join(ROOT, 'target', 'bench', 'pages', variant);
    const page = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f)).map((f) => measure(join(dir, f)).gzip).reduce((a, b) => a + b, 0);
    row(`  ${variant}`, kb(page), `<= ${kb(target)} ${page <= target ? 'met' : 'MISSED'}`);
    summary(`sliders page, ${label}: wasm + js, gzip`, kb(page), '', '', `<= ${kb(target)}`, page <= target);
  }
  const single = measure(SINGLE_FILE);
  row('single-file html', kib(single.raw), kib(single.gzip));
}

/**
 * A fresh context (no cache) loading the page from our server; it must reach nothing
 * else (watched, not fenced: a fence holds every request up for a round trip to this
 * process, and the loads are timed).
 */
async function freshPage(browser, site, query = '') {
  const context = await browser.newContext();
  const offsite = watchOffsite(context, site.origin + '/');
  const page = await context.newPage();
  await page.goto(site.url + query);
  await loaded(page);
  await paintedAfter(page, 0);
  onlyLoopback(offsite);
  return { context, page };
}

/**
 * Waits, without running anything in the page, until its network has been idle for
 * half a second. Waiting for a paint by polling would first compile Playwright's own
 * script in the page (about 10 ms of its main thread), in the middle of a load whose
 * first paint comes after the load event; a page that paints before it (uPlot's) is
 * untouched. The marks it leaves are read afterwards.
 */
function loaded(page) {
  return page.waitForLoadState('networkidle');
}

/** Fails the bench when a page it timed reached beyond our server. */
function onlyLoopback(offsite) {
  if (offsite.length > 0) throw new Error(`a benchmarked page reached beyond loopback: ${offsite.join(', ')}`);
}

/**
 * Where a cold load's time goes, from navigation: the HTML, the glue and the wasm fetched
 * (resource timing; the wasm compiles while it streams in), `main` running (compiled and
 * instantiated), the app's document built, the view mounted, the first paint finished.
 */
function phases(page) {
  return page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0].startTime;
    const resource = (ext) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(ext));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      html: nav.responseEnd,
      js: resource('.js').responseEnd,
      wasm: resource('.wasm').responseEnd,
      start: mark('rokeh-start'),
      built: mark('rokeh-app-built'),
      mounted: mark('rokeh-mounted'),
      painted: mark('rokeh-first-paint'),
    };
  });
}

/** Navigation → rokeh's first paint done, from cold loads of the page with `query`. */
async function rokehColdLoads(browser, site, query = '') {
  const loads = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const { context, page } = await freshPage(browser, site, query);
    // The mark is set when the first paint has finished (once: later paints do not move
    // it); its time counts from navigation.
    loads.push(await phases(page));
    await context.close();
  }
  return loads;
}

/** uPlot's scales as Bokeh's sliders demo (and rokeh's port) fixes its ranges: x 0..4π, y −2.5..2.5, numbers. */
const UPLOT_SCALES = JSON.stringify({ x: { time: false, auto: false, range: [0, 4 * Math.PI] }, y: { auto: false, range: [-2.5, 2.5] } });

/**
 * uPlot's cold first paint of the same sine, deployed as a page is: an HTML file, uPlot's
 * script and stylesheet beside it on the same loopback server, the sine computed in the
 * page. Navigation → the end of uPlot's first draw (its draw hook), median of cold loads.
 */
async function uplotFirstPaint(browser, n) {
  const require = createRequire(import.meta.url);
  return htmlFirstPaint(browser, [require.resolve('uplot/dist/uPlot.iife.min.js'), require.resolve('uplot/dist/uPlot.min.css')],
    `<!doctype html><html><head><meta charset=utf-8>
    <link rel=icon href="data:,"><link rel=stylesheet href=uPlot.min.css>
    <script src=uPlot.iife.min.js></script></head><body>
    <input aria-label=frequency type=range min=0.1 max=5.1 step=0.1 value=1><div id=plot></div>
    <script>
      const n = ${n}, x = new Float64Array(n), y = new Float64Array(n);
      for (let i = 0; i < n; i++) { x[i] = (4 * Math.PI * i) / (n - 1); y[i] = Math.sin(x[i]); }
      const done = () => { window.__firstPaint ??= performance.now(); };
      new uPlot({ width: 400, height: 400, series: [{}, { stroke: '#1f77b4', width: 3 }], scales: ${UPLOT_SCALES},
        hooks: { draw: [done] } }, [x, y], document.getElementById('plot'));
    </script></body></html>`);
}

/**
 * The harness's own floor: a page whose inline script draws one line and one word on a
 * canvas, with no file to fetch. No page can paint sooner from navigation here, so what a
 * page adds is its time beyond this.
 */
function floorFirstPaint(browser) {
  return htmlFirstPaint(browser, [], `<!doctype html><html><head><meta charset=utf-8>
    <link rel=icon href="data:,"></head><body><canvas id=c width=400 height=400></canvas>
    <script>
      const g = document.getElementById('c').getContext('2d');
      g.beginPath(); g.moveTo(0, 0); g.lineTo(400, 400); g.stroke();
      g.font = '13px sans-serif'; g.fillText('floor', 10, 20);
      window.__firstPaint = performance.now();
    </script></body></html>`);
}

/**
 * Navigation → `window.__firstPaint` (set by the page's own script), median of cold loads
 * of `html` served from loopback with `files` copied beside it.
 */
async function htmlFirstPaint(browser, files, html) {
  const dir = mkdtempSync(join(tmpdir(), 'rokeh-bench-page-'));
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  writeFileSync(join(dir, 'index.html'), html);
  const site = await serveDist(dir);
  const times = [];
  try {
    for (let i = 0; i < COLD_LOADS; i++) {
      const context = await browser.newContext();
      const offsite = watchOffsite(context, site.origin + '/');
      const page = await context.newPage();
      await page.goto(site.url);
      await loaded(page);
      times.push(await (await page.waitForFunction(() => window.__firstPaint)).jsonValue());
      onlyLoopback(offsite);
      await context.close();
    }
  } finally {
    await site.close();
    rmSync(dir, { recursive: true });
  }
  return median(times);
}

/** The sliders page alone, static only, as scripts/page-sizes.sh builds it. */
const STATIC_SLIDERS_PAGE = join(ROOT, 'target', 'bench', 'pages', 'static');
/** The ten-glyph figure alone, static only, as scripts/page-sizes.sh builds it. */
const TEN_GLYPHS_PAGE = join(ROOT, 'target', 'bench', 'pages', 'ten-glyphs');

async function firstPaint(browser, site) {
  const loads = await rokehColdLoads(browser, site);
  const at = (key) => median(loads.map((l) => l[key]));
  const between = (from, to) => median(loads.map((l) => l[to] - l[from]));
  const times = loads.map((l) => l.painted);
  const bokeh = await bokehFirstPaint(browser, 200, COLD_LOADS);
  console.log(`\n## navigation -> first plot paint, ${COLD_LOADS} cold loads      target: <= 100 ms, and below uPlot's`);
  row('median', ms(median(times)), median(times) <= 100 ? 'met' : 'MISSED');
  row('all', times.map((t) => t.toFixed(1)).join(' '));
  console.log('   phases (median of each; from navigation where it says "at"):');
  row('  html fetched at', ms(at('html')));
  row('  wasm fetched at', ms(at('wasm')), `(glue js at ${ms(at('js'))})`);
  row('  wasm fetched -> main', ms(between('wasm', 'start')), '(compile left after streaming, instantiate)');
  row('  app built', ms(between('start', 'built')), '(the app function: the document)');
  row('  view mounted', ms(between('built', 'mounted')), '(Leptos: widgets, canvas)');
  row('  first paint done', ms(between('mounted', 'painted')), '(the effect that paints, the paint)');
  row(`Bokeh ${BOKEH} static`, ms(bokeh), '(file_html INLINE from file://; the frame after its first canvas paint)');
  // What a user's one-app crate builds: only its app, only its views, no session client.
  const alone = await serveDist(STATIC_SLIDERS_PAGE);
  let aloneLoads;
  try {
    aloneLoads = await rokehColdLoads(browser, alone);
  } finally {
    await alone.close();
  }
  const aloneAt = (key) => median(aloneLoads.map((l) => l[key]));
  const aloneTime = aloneAt('painted');
  row('the sliders page alone', ms(aloneTime), aloneTime <= 100 ? 'met' : 'MISSED', '(static only, its own views: target/bench/pages/static)');
  row('  wasm fetched at', ms(aloneAt('wasm')), `main at ${ms(aloneAt('start'))}, built ${ms(aloneAt('built'))}, mounted ${ms(aloneAt('mounted'))}`);
  summary('sliders app in the gallery page: navigation -> first paint (median of 7 cold)', ms(median(times)), `Bokeh ${ms(bokeh)}`, (median(times) / bokeh).toFixed(2), '<= 100 ms', median(times) <= 100);
  const floor = await floorFirstPaint(browser);
  row('the floor', ms(floor), '(an inline script drawing a line on a canvas: no page paints sooner here)');
  console.log('   beside uPlot 1.6.32 (its page, script and stylesheet from the same loopback server; the end of its first draw):');
  row('points', 'rokeh', 'uPlot', 'rokeh/uPlot', 'target');
  for (const n of [200, 1_000_000]) {
    const rokeh = n === 200 ? median(times) : median((await rokehColdLoads(browser, site, `?N=${n}`)).map((l) => l.painted));
    const uplot = await uplotFirstPaint(browser, n);
    const met = rokeh < uplot && (n > 200 || rokeh <= 100);
    const target = n === 200 ? '<= 100 ms, < uPlot' : '< uPlot';
    row(n.toLocaleString('en'), ms(rokeh), ms(uplot), (rokeh / uplot).toFixed(2), `${target} ${met ? 'met' : 'MISSED'}`);
    summary(`${n.toLocaleString('en')}-point line: navigation -> first paint (median of ${COLD_LOADS} cold)`, ms(rokeh), `uPlot ${ms(uplot)}`, (rokeh / uplot).toFixed(2), target, met);
    if (n === 200) {
      const aloneMet = aloneTime < uplot && aloneTime <= 100;
      row('200, the page alone', ms(aloneTime), ms(uplot), (aloneTime / uplot).toFixed(2), `${target} ${aloneMet ? 'met' : 'MISSED'}`);
      summary('200-point line, sliders page alone: navigation -> first paint', ms(aloneTime), `uPlot ${ms(uplot)} (floor ${ms(floor)})`, (aloneTime / uplot).toFixed(2), target, aloneMet);
    }
  }
}

/**
 * The sliders app's column math in the page, `a * sin(k * x + w) + b` with rokeh::np
 * evaluated a 32 KiB piece at a time, as the app does (`np::evaluate`: one pass over memory)
 * (wasm simd128; the sines with relaxed SIMD's fused multiply-adds where the browser has
 * it, np's side module) over 1M and 10M points: `rokeh.sineMs(n)`, median after two warm-ups.
 */
async function columnMath(browser, site) {
  const { context, page } = await freshPage(browser, site, '?N=200');
  console.log('\n## column math in the page: np::evaluate(&x, |x| a * np::sin(k * x + w) + b) (rokeh::np: by 32 KiB pieces, wasm simd128, the sines in relaxed SIMD)   target (1M): <= 3 ms');
  row('points', 'median', 'min', 'max', 'per point');
  for (const [n, runs] of [[1_000_000, 15], [10_000_000, 5]]) {
    const times = await page.evaluate(([n, runs]) => Array.from({ length: runs + 2 }, () => window.rokeh.sineMs(n)).slice(2), [n, runs]);
    const m = median(times);
    row(n.toLocaleString('en'), ms(m), ms(Math.min(...times)), ms(Math.max(...times)), `${((m * 1e6) / n).toFixed(2)} ns`);
    if (n === 1_000_000) summary(`a million sines in the page (np::evaluate: a * sin(k x + w) + b, median of ${runs})`, ms(m), '', '', '<= 3 ms', m <= 3);
  }
  await context.close();
}

/**
 * The page's memory with the sliders app at 1M and 10M points after a few slider moves:
 * the JS heap (after a forced GC, CDP Runtime.getHeapUsage) and the wasm memory (its
 * size only grows, so it holds the peak of every change), beside the raw bytes of the
 * two f64 columns.
 */
async function pageMemory(browser, site) {
  console.log('\n## memory: JS heap + wasm memory, sliders app after 3 slider moves   target: <= 3x the raw columns');
  row('points', 'JS heap', 'wasm memory', 'raw x + y', 'ratio');
  for (const n of [1_000_000, 10_000_000]) {
    const { context, page } = await freshPage(browser, site, `?N=${n}`);
    await page.getByLabel('frequency').focus();
    for (let i = 0; i < 3; i++) {
      const before = await page.evaluate(() => window.rokeh.paints);
      await page.keyboard.press('ArrowRight');
      await paintedAfter(page, before);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.rokeh.wasmMemoryBytes());
    const raw = 2 * 8 * n;
    const ratio = (usedSize + wasm) / raw;
    const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
    row(n.toLocaleString('en'), mb(usedSize), mb(wasm), mb(raw), `${ratio.toFixed(2)}x`);
    summary(`memory at ${n.toLocaleString('en')} points: (JS heap + wasm) / raw columns`, `${ratio.toFixed(2)}x`, '', '', '<= 3x', ratio <= 3);
    await context.close();
  }
}

async function sliderMoves(browser, site, n) {
  const { context, page } = await freshPage(browser, site, `?N=${n}`);
  await page.evaluate(() => {
    const t = (window.__bench = { keydown: 0, inputStart: 0, inputEnd: 0 });
    // Capture runs before the page's handler, bubbling on window after it.
    window.addEventListener('keydown', () => (t.keydown = performance.now()), true);
    window.addEventListener('input', () => (t.inputStart = performance.now()), true);
    window.addEventListener('input', () => (t.inputEnd = performance.now()));
  });
  await watchRokehFrames(page);
  await page.getByLabel('frequency').focus();
  const total = [];
  const update = [];
  const paint = [];
  for (let i = 0; i < WARMUP_MOVES + MOVES; i++) {
    const before = await page.evaluate(() => window.__frames.length);
    // Right then left: the frequency steps 1.0 → 1.1 → 1.0, every move a change.
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((n) => window.__frames.length > n, before, { timeout: 120_000 });
    const m = await page.evaluate(() => ({
      total: window.rokeh.lastPaintEnd - window.__bench.keydown,
      update: window.__bench.inputEnd - window.__bench.inputStart,
      paint: window.rokeh.lastPaintMs,
    }));
    if (i >= WARMUP_MOVES) {
      total.push(m.total);
      update.push(m.update);
      paint.push(m.paint);
    }
  }
  const frames = (await page.evaluate(() => window.__frames)).slice(WARMUP_MOVES);
  const counts = (await page.evaluate(() => window.__frameCounts)).slice(WARMUP_MOVES);
  await context.close();
  console.log(`\n## slider -> repainted, N = ${n}, median of ${MOVES} moves   target (N=200): <= 4 ms`);
  row('keydown -> frame showing the paint', ms(median(frames)), '(the headline: what a person sees)');
  row('  animation frames waited', median(counts), `(max ${Math.max(...counts)}; 1 = the next frame, none lost)`);
  row('  of which keydown -> end of paint', ms(median(total)), '(rokeh.lastPaintEnd)');
  row('  input handler', ms(median(update)), '(doc.set + on_change, and the paint: it runs in the microtasks after the handler)');
  row('  paint', ms(median(paint)), '(the canvas paint alone)');
  if (n === 200) {
    const bokeh = await bokehLine(browser, n, MOVES);
    row(`Bokeh ${BOKEH} static`, ms(bokeh), '(keydown -> frame after its repaint; CustomJS does the callback)');
    summary('slider -> repainted, N = 200 (keydown -> frame showing the paint)', ms(median(frames)), `Bokeh ${ms(bokeh)}`, (median(frames) / bokeh).toFixed(2), '<= 4 ms', median(frames) <= 4);
    summary('slider -> repainted, N = 200: animation frames waited (median)', String(median(counts)), '', '', '1 (no frame lost)', median(counts) <= 1);
  }
}

/**
 * In the page: from each keydown on the focused element to the first animation frame that
 * begins after the page's paint count went up (the frame that shows the repaint: a paint
 * made before a frame's callbacks, or in an earlier callback of the same frame, is in it),
 * into `window.__frames`, and how many animation frames that took into
 * `window.__frameCounts` (1: the very next frame). uPlot is measured the same way.
 */
function watchRokehFrames(page) {
  return page
    .evaluate(() => {
      window.__paintCount = () => window.rokeh.paints;
      // The end of the latest paint, as the hook took it (performance.now()).
      window.__paintEnd = () => window.rokeh.lastPaintEnd;
    })
    .then(() => watchFrames(page));
}

/**
 * As watchRokehFrames, for any page that defines `window.__paintCount()` and
 * `window.__paintEnd()`: per keydown, the time to the first animation frame after the
 * paint (`__frames`) and to the end of the paint (`__paintEnds`).
 */
function watchFrames(page) {
  return page.evaluate(() => {
    window.__frames = [];
    window.__paintEnds = [];
    window.__frameCounts = [];
    // rokeh's own duration of each paint (undefined on other pages).
    window.__paintMs = [];
    window.addEventListener(
      'keydown',
      () => {
        const down = performance.now();
        const before = window.__paintCount();
        let count = 0;
        const check = () => {
          count++;
          if (window.__paintCount() > before) {
            window.__frames.push(performance.now() - down);
            window.__paintEnds.push(window.__paintEnd() - down);
            window.__frameCounts.push(count);
            window.__paintMs.push(window.rokeh?.lastPaintMs);
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      },
      true,
    );
  });
}

/** `count` slider moves after the warm-up: each one's keydown → frame showing the paint. */
async function moves(page, count) {
  return (await timedMoves(page, count)).frames;
}

/** `count` slider moves after the warm-up: keydown → frame showing the paint, → end of paint. */
async function timedMoves(page, count) {
  for (let i = 0; i < WARMUP_MOVES + count; i++) {
    const before = await page.evaluate(() => window.__frames.length);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((n) => window.__frames.length > n, before, { timeout: 120_000 });
  }
  const { frames, paintEnds } = await page.evaluate(() => ({ frames: window.__frames, paintEnds: window.__paintEnds }));
  return { frames: frames.slice(WARMUP_MOVES), paintEnds: paintEnds.slice(WARMUP_MOVES) };
}

/** A series as "median (min–max)". */
const spread = (xs) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`;

/** The sliders app with `n` points: keydown on the slider → the frame showing its repaint. */
async function rokehLine(browser, site, n, count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}?N=${n}`);
  await paintedAfter(page, 0);
  await mustBeIsolated(page);
  await watchRokehFrames(page);
  await page.getByLabel('frequency').focus();
  const { frames, paintEnds } = await timedMoves(page, count);
  const paint = median((await page.evaluate(() => window.__paintMs)).slice(WARMUP_MOVES));
  await context.close();
  return { frame: median(frames), frames, paintEnds, paint };
}

/**
 * uPlot with the same sine of `n` points and a range input doing what the slider does,
 * measured as rokeh is: keydown → the first frame after its draw hook ran.
 */
async function uplotLine(browser, n, count) {
  const require = createRequire(import.meta.url);
  const js = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  const close = await openIsolated(page, `<!doctype html><style>${css}</style>
    <input id=f aria-label=frequency type=range min=0.1 max=5.1 step=0.1 value=1>
    <div id=plot></div><script>${js}</script>`);
  await page.evaluate(([n, scales]) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = (4 * Math.PI * i) / (n - 1);
    const fill = (k) => {
      for (let i = 0; i < n; i++) y[i] = Math.sin(k * x[i]);
    };
    fill(1);
    let drawn = 0;
    let drawnAt;
    window.__paintCount = () => drawn;
    window.__paintEnd = () => drawnAt;
    const opts = {
      width: 400,
      height: 400,
      series: [{}, { stroke: '#1f77b4', width: 3 }],
      scales: JSON.parse(scales),
      hooks: { draw: [() => { drawn++; drawnAt = performance.now(); }] },
    };
    const u = new uPlot(opts, [x, y], document.getElementById('plot'));
    document.getElementById('f').addEventListener('input', (e) => {
      fill(Number(e.target.value));
      u.setData([x, y]);
    });
  }, [n, UPLOT_SCALES]);
  await watchFrames(page);
  await page.focus('#f');
  const { frames, paintEnds } = await timedMoves(page, count);
  await context.close();
  await close();
  return { frame: median(frames), frames, paintEnds };
}

/**
 * The floor of the frame series: a range input whose handler draws one line on a canvas,
 * measured as rokeh and uPlot are. A page that draws its change no sooner after the
 * keydown has no frame to gain; what rokeh and uPlot take beyond it is theirs.
 */
async function floorLine(browser, count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const close = await openIsolated(page, `<!doctype html><input id=f aria-label=frequency type=range min=0.1 max=5.1 step=0.1 value=1>
    <canvas id=c width=400 height=400></canvas>`);
  await page.evaluate(() => {
    let drawn = 0;
    let drawnAt;
    window.__paintCount = () => drawn;
    window.__paintEnd = () => drawnAt;
    const g = document.getElementById('c').getContext('2d');
    document.getElementById('f').addEventListener('input', () => {
      g.clearRect(0, 0, 400, 400);
      g.beginPath();
      g.moveTo(0, drawn % 400);
      g.lineTo(400, 400);
      g.stroke();
      drawn++;
      drawnAt = performance.now();
    });
  });
  await watchFrames(page);
  await page.focus('#f');
  const { frames, paintEnds } = await timedMoves(page, count);
  await context.close();
  await close();
  return { frames, paintEnds };
}

/**
 * Opens `html` in `page`, served from loopback cross-origin isolated, as the line
 * comparison serves rokeh's page: every page's timers tick in 5 µs. Returns what closes
 * the server.
 */
async function openIsolated(page, html) {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...ISOLATED });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await mustBeIsolated(page);
  return () => new Promise((ok) => server.close(ok));
}

/** Fails unless the page is cross-origin isolated (its timers fine enough to compare). */
async function mustBeIsolated(page) {
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error(`${page.url()} is not cross-origin isolated`);
}

/** rokeh / uPlot targets (issue 15): never slower; half at 100k; a third from 1M. */
const UPLOT_TARGETS = [
  [200, 1, 'never slower'],
  [10_000, 1, 'never slower'],
  [100_000, 1 / 2, '<= 1/2 of uPlot'],
  [1_000_000, 1 / 3, '<= 1/3 of uPlot'],
  [10_000_000, 1 / 3, '<= 1/3 of uPlot'],
];

async function lineVersusUplot(browser) {
  const count = 30;
  // Every page of the comparison cross-origin isolated: a repaint of 0.5 ms measured with
  // 100 µs timers (and their jitter) is a coin toss between rokeh and uPlot.
  const site = await serveDist(DIST, ISOLATED);
  try {
    await lineVersusUplotOn(browser, site, count);
  } finally {
    await site.close();
  }
}

async function lineVersusUplotOn(browser, site, count) {
  console.log(`\n## the sine line, slider keydown -> the frame showing the repaint, rokeh beside uPlot 1.6.32, ${count} moves each after ${WARMUP_MOVES} warm-up, every page cross-origin isolated (5 µs timers): median (min-max) ms`);
  row('points', 'rokeh', 'uPlot', 'rokeh/uPlot', 'paint median', 'target');
  const floor = await floorLine(browser, count);
  row('the floor', spread(floor.frames), '', '', '', '(an input handler drawing one line on a canvas)');
  let ten;
  const ends = [];
  // BENCH_POINTS=200,10000 measures those sizes alone.
  const sizes = (process.env.BENCH_POINTS ?? '').split(',').filter(Boolean).map(Number);
  for (const [n, ratio, target] of UPLOT_TARGETS.filter(([n]) => !sizes.length || sizes.includes(n))) {
    const rokeh = await rokehLine(browser, site, n, count);
    if (n === 10_000_000) ten = rokeh;
    const uplot = await uplotLine(browser, n, count);
    const met = rokeh.frame <= uplot.frame * ratio;
    const label = n.toLocaleString('en');
    row(label, spread(rokeh.frames), spread(uplot.frames), (rokeh.frame / uplot.frame).toFixed(2), ms(rokeh.paint), `${target} ${met ? 'met' : 'MISSED'}`);
    summary(`${label}-point line, keydown -> frame showing the paint (median of ${count})`, ms(rokeh.frame), `uPlot ${ms(uplot.frame)}`, (rokeh.frame / uplot.frame).toFixed(2), target, met);
    ends.push([label, rokeh.paintEnds, uplot.paintEnds, ratio, target]);
  }
  // The same targets on the end of the paint: where both pages paint within a frame, the
  // frame series is the browser's frame timing (see the floor), and this one decides.
  console.log('   the same moves, keydown -> end of the paint (rokeh: rokeh.lastPaintEnd; uPlot: its draw hook): median (min-max) ms');
  row('the floor', spread(floor.paintEnds));
  for (const [label, rokeh, uplot, ratio, target] of ends) {
    const [r, u] = [median(rokeh), median(uplot)];
    row(label, spread(rokeh), spread(uplot), (r / u).toFixed(2), '', `${target} ${r <= u * ratio ? 'met' : 'MISSED'}`);
    summary(`${label}-point line, keydown -> end of the paint (median of ${count})`, ms(r), `uPlot ${ms(u)}`, (r / u).toFixed(2), target, r <= u * ratio);
  }
  if (!ten) return;
  const bokeh = await bokehLine(browser, 1_000_000, 20);
  row(`Bokeh ${BOKEH}, 1,000,000`, ms(bokeh), '(keydown -> frame after its repaint)');
  console.log(`\n## 10,000,000-point line, slider keydown -> the frame showing the repaint, median of ${count}   target: <= 150 ms`);
  row('rokeh', ms(ten.frame), `(paint ${ms(ten.paint)}) ${ten.frame <= 150 ? 'met' : 'MISSED'}`);
  summary('10M-point line, keydown -> frame showing the paint', ms(ten.frame), '', '', '<= 150 ms', ten.frame <= 150);
}

/** The scatter app with a million points: the size slider moved, the markers redrawn. */
async function scatterRepaint(browser, site) {
  const n = 1_000_000;
  const count = 10;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}?app=scatter&N=${n}`);
  await paintedAfter(page, 0);
  await watchRokehFrames(page);
  await page.getByLabel('size').focus();
  const paintMs = [];
  for (let i = 0; i < WARMUP_MOVES + count; i++) {
    const before = await page.evaluate(() => window.__frames.length);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((k) => window.__frames.length > k, before, { timeout: 120_000 });
    if (i >= WARMUP_MOVES) paintMs.push(await page.evaluate(() => window.rokeh.lastPaintMs));
  }
  const frames = (await page.evaluate(() => window.__frames)).slice(WARMUP_MOVES);
  await context.close();
  // The target is end to end, as the issue states it: the input event to the frame showing
  // the paint. The paint alone is shown beside it.
  console.log(`\n## 1,000,000-point scatter, size slider keydown -> the frame showing the paint, median of ${count}   target: <= 30 ms`);
  row('keydown -> frame after', ms(median(frames)), median(frames) <= 30 ? 'met' : 'MISSED');
  row('paint alone', ms(median(paintMs)));
  summary('1M-point scatter, keydown -> frame showing the paint', ms(median(frames)), '', '', '<= 30 ms', median(frames) <= 30);
}

/** Navigation to the first paint of the ten-glyph figure, cold loads. */
async function tenGlyphsFirstPaint(browser, site) {
  const times = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const { context, page } = await freshPage(browser, site, '?app=ten_glyphs');
    times.push(await page.evaluate(() => performance.getEntriesByName('rokeh-first-paint')[0].startTime));
    await context.close();
  }
  console.log(`\n## navigation -> first paint of a 10-glyph figure, ${COLD_LOADS} cold loads   target: <= 150 ms`);
  row('median', ms(median(times)), median(times) <= 150 ? 'met' : 'MISSED', '(the gallery page, every app)');
  summary('10-glyph figure, gallery page: navigation -> first paint (median of 7 cold)', ms(median(times)), '', '', '<= 150 ms', median(times) <= 150);
  row('all', times.map((t) => t.toFixed(1)).join(' '));
  // What a user's one-figure crate builds: only this app and its glyphs' views, static.
  const alone = await serveDist(TEN_GLYPHS_PAGE);
  let aloneTimes;
  try {
    aloneTimes = (await rokehColdLoads(browser, alone)).map((l) => l.painted);
  } finally {
    await alone.close();
  }
  const aloneTime = median(aloneTimes);
  row('the figure alone', ms(aloneTime), aloneTime <= 150 ? 'met' : 'MISSED', '(static, its own views: target/bench/pages/ten-glyphs)');
  summary('10-glyph figure alone: navigation -> first paint (median of 7 cold)', ms(aloneTime), '', '', '<= 150 ms', aloneTime <= 150);
}

/**
 * The "table" app (a DataTable of 100,000 rows) scrolled a screenful at a time: the
 * page's scroll handler (the rows in view re-rendered) and scroll → next frame.
 */
async function tableScroll(browser, site) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.url + '?app=table');
  await page.getByRole('grid').waitFor();
  const m = await page.evaluate(async () => {
    const viewport = document.querySelector('.rk-table-viewport');
    let start = 0;
    const handler = [];
    // Capture on window runs before the page's handler; the viewport's own, added now,
    // after it.
    window.addEventListener('scroll', () => (start = performance.now()), true);
    viewport.addEventListener('scroll', () => handler.push(performance.now() - start));
    const frame = [];
    const rows = [];
    for (let i = 0; i < 120; i++) {
      const t0 = performance.now();
      viewport.scrollTop += viewport.clientHeight;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      frame.push(performance.now() - t0);
      rows.push(document.querySelectorAll('.rk-table-row').length);
    }
    return { handler, frame, rows: Math.max(...rows), end: viewport.scrollTop };
  });
  await context.close();
  const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
  console.log('\n## DataTable of 100,000 rows, scrolled a screenful at a time (120 scrolls)');
  row('scroll handler', ms(median(m.handler)), `p95 ${ms(p95(m.handler))}`, '(rows in view re-rendered)');
  row('scroll -> 2nd frame', ms(median(m.frame)), `p95 ${ms(p95(m.frame))}`, '(two frames: 33 ms at 60 Hz)');
  row('rows in the page', m.rows, '(at most, of 100,000)');
  summary('DataTable of 100k rows: scroll -> 2nd frame (median)', ms(median(m.frame)), '', '', '<= 33.4 ms (two frames)', median(m.frame) <= 33.4);
}

const BOKEH = bokehVersion();
const site = await serveDist();
const browser = await launch();
try {
  console.log(`# rokeh page benchmark: headless Chromium ${browser.version()}, loopback`);
  // Timings on a shared machine depend on what else runs: say how busy it was.
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`# ${cpus().length} CPUs, load average ${load}`);
  // BENCH_ONLY=scatter,uplot (the function names, lower case, any part) runs a few.
  const only = (process.env.BENCH_ONLY ?? '').toLowerCase().split(',').filter(Boolean);
  const run = (f, ...args) => (!only.length || only.some((o) => f.name.toLowerCase().includes(o)) ? f(...args) : null);
  run(sizes);
  await run(firstPaint, browser, site);
  await run(columnMath, browser, site);
  await run(pageMemory, browser, site);
  await run(sliderMoves, browser, site, 200);
  await run(sliderMoves, browser, site, 100_000);
  await run(tableScroll, browser, site);
  await run(lineVersusUplot, browser);
  await run(scatterRepaint, browser, site);
  await run(tenGlyphsFirstPaint, browser, site);
} finally {
  await browser.close();
  await site.close();
}
