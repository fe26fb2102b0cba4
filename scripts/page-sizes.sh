#!/usr/bin/env bash
# One-app pages, built as Trunk builds the gallery's (release, wasm-bindgen, wasm-opt -Oz
# with index.html's flags): the sliders page alone (gallery/examples/sliders_page.rs),
# served (default features) and static only (--no-default-features: no session client),
# and the ten-glyph figure alone (gallery/examples/ten_glyphs_page.rs, static only); or
# only the variants named as arguments. Writes each page to target/bench/pages/<variant>/,
# for tests/browser/bench.mjs to weigh and time, page.test.mjs to open (static) and
# lean.test.mjs to serve with `rokeh serve` (served).
set -euo pipefail
cd "$(dirname "$0")/.."
flags=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | sed 's/^data-wasm-opt-params="//; s/"$//')
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(served static ten-glyphs)
for variant in "${variants[@]}"; do
    case "$variant" in
        served) example=sliders_page features=() ;;
        static) example=sliders_page features=(--no-default-features) ;;
        ten-glyphs) example=ten_glyphs_page features=(--no-default-features) ;;
        *) echo "unknown page $variant (served, static, ten-glyphs)" >&2 && exit 2 ;;
    esac
    cargo build --release --target wasm32-unknown-unknown -p rokeh-gallery --example "$example" "${features[@]}"
    out=target/bench/pages/$variant
    rm -rf "$out" && mkdir -p "$out"
    wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name page \
        "target/wasm32-unknown-unknown/release/examples/$example.wasm"
    # shellcheck disable=SC2086 # the flags are words
    wasm-opt -Oz $flags "$out/page_bg.wasm" -o "$out/page_bg.wasm"
    cp style/rokeh.css "$out/"
    # Printed, never asserted (make bench weighs them against the targets): a jump shows
    # in every test run, not only when someone benches.
    echo "page $variant: wasm + js $(( $(gzip -9c "$out/page_bg.wasm" | wc -c) + $(gzip -9c "$out/page.js" | wc -c) )) bytes gzip -9"
    cat >"$out/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <!-- Asked for as the HTML arrives (the preload scanner), not once the script below
         runs, after the page's script context is made: 10-20 ms sooner here. -->
    <link rel="preload" href="./page_bg.wasm" as="fetch" type="application/wasm" crossorigin />
    <title>rokeh</title>
    <!-- The wasm is compiled as it arrives, from the first moment: a module script runs
         only once the document is parsed and its stylesheet loaded, by when the wasm has
         arrived and would be compiled only then, all at once. -->
    <script>window.rokehWasm = WebAssembly.compileStreaming(fetch('./page_bg.wasm'));</script>
    <link rel="modulepreload" href="./page.js" />
    <link rel="stylesheet" href="./rokeh.css" />
    <script type="module">
      import init from './page.js';
      await init({ module_or_path: window.rokehWasm });
    </script>
  </head>
  <body></body>
</html>
HTML
done
