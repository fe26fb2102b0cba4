#!/usr/bin/env node
// Builds one self-contained HTML file per app that works when opened from file://, where
// Chromium blocks module scripts and fetches: wasm-bindgen's `no-modules` glue inlined as a
// classic script, the wasm inlined as base64 and handed to its init function, the CSS
// inlined, the app's data files inlined as base64 (`<script data-rokeh-file>`, which the
// page reads instead of fetching), and a `rokeh-app` meta tag naming the app to show.
//
//   node scripts/single-html.mjs [APP...]     (default: the gallery's demos)
//
// writes dist-single/APP.html for each. The apps and their data files are listed by the
// native `rokeh apps`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Bokeh's server demos the gallery ports (the README's table).
const GALLERY = [
  'sliders', 'movies', 'ohlc', 'gapminder', 'stocks', 'selection_histogram', 'crossfilter',
  'contour_animated', 'patch_app', 'events_app', 'fourier_animated', 'duffing_oscillator',
  'line_on_off', 'apply_theme', 'hold_app', 'export_csv', 'weather', 'taylor',
  'population', 'image_blur', 'dash', 'spectrogram', 'clustering', 'surface3d', 'server_auth',
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-single');
const wanted = process.argv.length > 2 ? process.argv.slice(2) : GALLERY;
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

// Each app's data files, as the apps name them (`App::with_files`).
const listed = execFileSync('cargo', ['run', '--quiet', '-p', 'rokeh-gallery', '--bin', 'rokeh', '--', 'apps'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const files = new Map(listed.trim().split('\n').map((line) => {
  const [name, ...paths] = line.split(' ');
  return [name, paths];
}));
for (const app of wanted) {
  if (!files.has(app)) throw new Error(`no app named ${app}; the apps are ${[...files.keys()].join(', ')}`);
}

run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'rokeh-gallery', '--bin', 'rokeh']);
const glueDir = mkdtempSync(join(tmpdir(), 'rokeh-single-'));
let glue;
let wasm;
try {
  run('wasm-bindgen', [
    '--target', 'no-modules',
    '--no-typescript',
    '--out-dir', glueDir,
    '--out-name', 'rokeh',
    join(targetDir, 'wasm32-unknown-unknown', 'release', 'rokeh.wasm'),
  ]);
  // As index.html has Trunk do: shrink for size, drop the names the release profile keeps
  // (wasm-opt from npm's binaryen: `make install-wasm-tools`).
  const bg = join(glueDir, 'rokeh_bg.wasm');
  run('wasm-opt', [
    '-Oz',
    ...['simd', 'bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'multivalue', 'reference-types'].map((f) => `--enable-${f}`),
    '--strip-debug',
    '--strip-producers',
    bg,
    '-o',
    bg,
  ]);
  glue = readFileSync(join(glueDir, 'rokeh.js'), 'utf8');
  wasm = readFileSync(bg).toString('base64');
} finally {
  rmSync(glueDir, { recursive: true, force: true });
}
const css = readFileSync(join(root, 'style', 'rokeh.css'), 'utf8');
if (/<\/script/i.test(glue) || /<\/style/i.test(css)) {
  throw new Error('the glue or the CSS contains a closing tag and cannot be inlined');
}

/** The page for `app`; its data files are read from the gallery's `data/` as the page fetches them. */
function page(app) {
  // Base64 has no `<`, so it cannot close its script element; the path is plain ASCII.
  const data = files.get(app).map((path) => {
    const bytes = readFileSync(join(root, 'gallery', path)).toString('base64');
    return `<script type="application/octet-stream" data-rokeh-file="${path}">${bytes}</script>\n`;
  });
  // Scripts at the end of <body>: the page and plotters' text measuring need document.body.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="rokeh-app" content="${app}">
<link rel="icon" href="data:,">
<title>rokeh: ${app}</title>
<style>
${css}</style>
</head>
<body>
${data.join('')}<script>
${glue}</script>
<script>
(() => {
  const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
  wasm_bindgen({ module_or_path: bytes });
})();
</script>
</body>
</html>
`;
}

mkdirSync(outDir, { recursive: true });
for (const app of wanted) {
  const out = join(outDir, `${app}.html`);
  const html = page(app);
  writeFileSync(out, html);
  console.log(`wrote ${out} (${(html.length / 1024).toFixed(0)} KB)`);
}
