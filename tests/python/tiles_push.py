"""A map of tiles and an ImageURL glyph over it, built with real Python Bokeh
(`p.add_tile`, `p.image_url`), for tests/browser/tiles.test.mjs: the tiles and the image
come from http://tiles.test/, which the test answers itself. The ranges are the whole
world, the frame half as wide again as it is high: the tile renderer grows the x range to
the frame's shape (BokehJS and rokeh alike), and shows the world's ends again past its
edges (zoom 1: four tiles, and copies of them east and west).

Usage:
    tiles_push.py push http://127.0.0.1:PORT/APP SESSION_ID   prints {"pushed": N}
    tiles_push.py html OUT.html                               BokehJS (INLINE resources)
"""
import json
import sys

from bokeh.client import push_session
from bokeh.document import Document
from bokeh.embed import file_html
from bokeh.models import WMTSTileSource
from bokeh.plotting import figure
from bokeh.resources import INLINE
from tornado.ioloop import IOLoop

WORLD = 20037508.34


def tiles_document():
    p = figure(
        frame_width=900, frame_height=600, min_border=0, toolbar_location=None,
        x_range=(-WORLD, WORLD), y_range=(-WORLD, WORLD),
        x_axis_location=None, y_axis_location=None,
    )
    p.grid.visible = False
    p.add_tile(WMTSTileSource(url="http://tiles.test/{Z}/{X}/{Y}.png", attribution="tiles.test"))
    # A square in the north-west quarter, from (-15e6, 15e6) to (-5e6, 5e6).
    # Fetched a second time if the first fails.
    p.image_url(url=["http://tiles.test/image.png"], x=-15e6, y=15e6, w=10e6, h=10e6,
                retry_attempts=1, retry_timeout=50)
    doc = Document()
    doc.add_root(p)
    doc.title = "tiles"
    return doc


def main(argv):
    doc = tiles_document()
    if argv[0] == "html":
        with open(argv[1], "w") as out:
            out.write(file_html(doc, INLINE, "tiles"))
        return
    session = push_session(doc, session_id=argv[2], url=argv[1], io_loop=IOLoop())
    session.close()
    print(json.dumps({"pushed": len(doc.models)}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
