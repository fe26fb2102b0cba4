#!/usr/bin/env node
// Builds one self-contained HTML file of the page that works when opened from file://, where
// Chromium blocks module scripts and fetches: wasm-bindgen's `no-modules` glue inlined as a
// classic script, the wasm inlined as base64 and handed to its init function, the CSS inlined.
//
//   node scripts/single-html.mjs [out.html]     (default dist-single/rokeh-sliders.html)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist-single', 'rokeh-sliders.html'));
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'rokeh-gallery', '--bin', 'rokeh']);
const glueDir = mkdtempSync(join(tmpdir(), 'rokeh-single-'));
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
  const glue = readFileSync(join(glueDir, 'rokeh.js'), 'utf8');
  const wasm = readFileSync(join(glueDir, 'rokeh_bg.wasm')).toString('base64');
  const css = readFileSync(join(root, 'style', 'rokeh.css'), 'utf8');
  if (/<\/script/i.test(glue) || /<\/style/i.test(css)) {
    throw new Error('the glue or the CSS contains a closing tag and cannot be inlined');
  }
  // Scripts at the end of <body>: the page and plotters' text measuring need document.body.
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>rokeh</title>
<style>
${css}</style>
</head>
<body>
<script>
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
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`wrote ${out} (${(html.length / 1024).toFixed(0)} KB)`);
} finally {
  rmSync(glueDir, { recursive: true, force: true });
}
