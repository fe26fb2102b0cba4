"""Writes gallery apps' Bokeh versions (tests/python/bokeh_apps/APP.py) as standalone BokehJS
pages, APP.html in OUT_DIR (file_html, INLINE resources), for tests/browser/compare.test.mjs
to place rokeh's layout beside BokehJS's.

    bokeh_apps_html.py OUT_DIR APP...
"""

import logging
import runpy
import sys
from pathlib import Path

from bokeh.document import Document
from bokeh.embed import file_html
from bokeh.io import curdoc
from bokeh.io.doc import set_curdoc
from bokeh.resources import INLINE

APPS = Path(__file__).parent / "bokeh_apps"


def main():
    # Python callbacks do nothing in a static page, as Bokeh warns: only the layout is wanted.
    logging.getLogger("bokeh.embed.util").setLevel(logging.ERROR)
    out, *apps = sys.argv[1:]
    for app in apps:
        set_curdoc(Document())
        runpy.run_path(str(APPS / f"{app}.py"))
        html = file_html(curdoc().roots[0], INLINE, app)
        Path(out, f"{app}.html").write_text(html)


if __name__ == "__main__":
    main()
