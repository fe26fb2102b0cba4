#!/bin/sh
# dist-pages/: the gallery as a static site (GitHub Pages): the page Trunk built (dist/) as
# app.html, which shows the app its `?app=` names, and the index of every app, with the
# thumbnails from `make screenshot`, as index.html; and each app as one self-contained file
# for download (single/APP.html). Run after `trunk build --release` and
# `node scripts/single-html.mjs`.
set -eu
cd "$(dirname "$0")/.."
rm -rf dist-pages
cp -r dist dist-pages
mv dist-pages/index.html dist-pages/app.html
cargo run --quiet -p rokeh-gallery --bin rokeh -- index --page app.html --dist dist-pages \
    > dist-pages/index.html
cp -r dist-single dist-pages/single
echo "wrote dist-pages/ ($(ls dist-pages | wc -l) entries)"
