#!/usr/bin/env bash
# The sliders page alone (gallery/examples/sliders_page.rs), built as Trunk builds the
# gallery's (release, wasm-bindgen, wasm-opt -Oz with index.html's flags): served (default
# features) and static only (--no-default-features: no session client), or only the
# variants named as arguments. Writes each page to target/bench/pages/<variant>/, for
# tests/browser/bench.mjs to weigh and page.test.mjs to open.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | sed 's/^data-wasm-opt-params="//; s/"$//')
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(served static)
for variant in "${variants[@]}"; do
    features=()
    [ "$variant" = static ] && features=(--no-default-features)
    cargo build --release --target wasm32-unknown-unknown -p rokeh-gallery --example sliders_page "${features[@]}"
    out=target/bench/pages/$variant
    rm -rf "$out" && mkdir -p "$out"
    wasm-bindgen --target web --no-typescript --out-dir "$out" \
        target/wasm32-unknown-unknown/release/examples/sliders_page.wasm
    # shellcheck disable=SC2086 # the flags are words
    wasm-opt -Oz $flags "$out/sliders_page_bg.wasm" -o "$out/sliders_page_bg.wasm"
    cp style/rokeh.css "$out/"
    cat >"$out/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>rokeh</title>
    <!-- Fetched at once, beside the stylesheet, as Trunk's pages do. -->
    <link rel="modulepreload" href="./sliders_page.js" />
    <link rel="preload" href="./sliders_page_bg.wasm" as="fetch" type="application/wasm" crossorigin />
    <link rel="stylesheet" href="./rokeh.css" />
    <script type="module">
      import init from './sliders_page.js';
      await init({ module_or_path: './sliders_page_bg.wasm' });
    </script>
  </head>
  <body></body>
</html>
HTML
done
