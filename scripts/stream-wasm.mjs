// Trunk's post-build hook (Trunk.toml): the page compiles its wasm as it downloads.
//
// Trunk's loader is a module script, which runs only once the document is parsed and its
// stylesheet and glue have loaded; by then the wasm (fetched early by its preload link) has
// arrived, and is compiled only then, all at once. This adds a classic script after the
// preload link that hands the preloaded response to WebAssembly.compileStreaming as it
// arrives (the same URL, mode, credentials and integrity, so nothing is fetched twice), and
// has the loader instantiate what it compiled. The preload link stays: rokeh-embed.js
// finds the wasm by it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('stream-wasm.mjs: run me as a Trunk hook (no TRUNK_STAGING_DIR)');
  process.exit(2);
}
const path = join(dir, 'index.html');
const html = readFileSync(path, 'utf8');
const preload = html.match(/<link rel="preload" href="([^"]+_bg\.wasm)"[^>]*>/);
const init = /init\(\{ module_or_path: '([^']+_bg\.wasm)' \}\)/;
if (!preload || !init.test(html)) {
  // Trunk changed how it writes the page: it still works, compiling after the download.
  console.warn('stream-wasm.mjs: no wasm preload link or loader call found; page left as is');
  process.exit(0);
}
const href = preload[1];
const integrity = preload[0].match(/integrity="([^"]+)"/)?.[1];
const options = { mode: 'cors', credentials: 'same-origin', ...(integrity && { integrity }) };
// Served with another MIME type than application/wasm, streaming fails: compiled whole.
const script = `<script>{ const o = ${JSON.stringify(options)};
  window.rokehWasm = WebAssembly.compileStreaming(fetch('${href}', o))
    .catch(() => fetch('${href}', o).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b))); }</script>`;
const out = html
  .replace(preload[0], `${preload[0]}\n${script}`)
  .replace(init, 'init({ module_or_path: window.rokehWasm })');
writeFileSync(path, out);
