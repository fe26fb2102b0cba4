#!/usr/bin/env bash
# Bokeh's own examples through rokeh: each script under the given directories (a copy
# of bokeh/bokeh's examples/, e.g. basic/ styling/ interaction/) that the Python can
# import (the venv: no sample data, pandas or scipy) is run by Bokeh, what it shows is pushed into a
# `rokeh serve` session (tests/python/examples_push.py), and the page showing it is
# opened in headless Chromium (tests/browser/examples_sweep.mjs). Prints what each page
# said (warnings for models rokeh does not draw, errors) and leaves a screenshot of each
# in OUT (default target/examples-sweep). With BOKEH=1, also what BokehJS shows of each
# (OUT/bokeh/), and tests/python/sweep_diff.py ranks the pages by how far they differ.
# Needs `make build` (dist/) and the venv. PYTHON names another Python with Bokeh (the
# venv's version); one that also has pandas, scipy and bokeh-sampledata (a scratch venv:
# `pip install bokeh==<the venv's> pandas scipy bokeh-sampledata`) runs the examples that
# need them too.
#
#   [PYTHON=…] scripts/examples-sweep.sh EXAMPLES_DIR...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 EXAMPLES_DIR..." >&2; exit 2; }
mapfile -t dirs < <(realpath "$@")
cd "$(dirname "$0")/.."
out=${OUT:-target/examples-sweep}
rm -rf "$out" && mkdir -p "$out"
out=$(realpath "$out")
python=${PYTHON:-.venv/bin/python}
# What the venv lacks is left out; another Python runs what it can import.
needs='sklearn|curdoc\(\)\.add_periodic'
[ -n "${PYTHON:-}" ] || needs="sampledata|pandas|scipy|$needs"
mapfile -t scripts < <(find "${dirs[@]}" -name '*.py' -print0 | xargs -0 grep -L -E "$needs" | sort)
cargo build --quiet -p rokeh-gallery --bin rokeh
port=${PORT:-5077}
# Every session is pushed before the first page opens: a sweep of hundreds keeps its last
# ones waiting for half an hour, unused (three hours allowed).
ROKEH_DIST=$PWD/dist target/debug/rokeh serve --port "$port" --unused-session-lifetime 10800000 \
    >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 2
if [ "${BOKEH:-}" = 1 ]; then
    mkdir -p "$out/bokeh"
    export REFERENCE_DIR=$out/bokeh
fi
"$python" tests/python/examples_push.py "http://127.0.0.1:$port/sliders" "$out/pushed.json" \
    "${scripts[@]}" >"$out/push.log" 2>&1
(cd tests/browser && node examples_sweep.mjs "$out/pushed.json" "http://127.0.0.1:$port" "$out")
if [ "${BOKEH:-}" = 1 ]; then
    .venv/bin/python tests/python/sweep_diff.py "$out"
fi
