#!/bin/sh
# Creates ./.venv with real Python Bokeh for the comparison tests (tests/json_python.rs).
# Skips the install when the venv already has the pinned Bokeh.
set -eu
cd "$(dirname "$0")/.."
BOKEH_VERSION=3.9.2
if [ -x .venv/bin/python ] && .venv/bin/python -c "import bokeh, sys; sys.exit(bokeh.__version__ != '$BOKEH_VERSION')" 2>/dev/null; then
    echo ".venv has bokeh $BOKEH_VERSION"
    exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet "bokeh==$BOKEH_VERSION"
.venv/bin/python -c "import bokeh; print('.venv ready: bokeh', bokeh.__version__)"
