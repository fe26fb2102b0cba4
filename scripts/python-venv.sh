#!/bin/sh
# Creates ./.venv with real Python Bokeh for the comparison and interop tests, installed
# from tests/python/requirements.lock: every package pinned, every file checked by hash.
# Skips the install when the venv was made from this very lock.
set -eu
cd "$(dirname "$0")/.."
LOCK=tests/python/requirements.lock
STAMP=.venv/.requirements.sha256
want=$(sha256sum "$LOCK" | cut -d' ' -f1)
if [ -x .venv/bin/python ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
    echo ".venv is up to date with $LOCK"
    exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --require-hashes -r "$LOCK"
echo "$want" > "$STAMP"
.venv/bin/python -c "import bokeh; print('.venv ready: bokeh', bokeh.__version__)"
