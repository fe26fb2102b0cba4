"""Joins a page's session of the gallery's stocks app as Python's bokeh.client and selects
rows, as a box selection in the page would: the page's statistics must follow.

Usage: gallery_peer.py http://127.0.0.1:PORT/stocks SESSION_ID FIRST COUNT
Prints the statistics text the server's callback made, as JSON, once it changed.
"""
import json
import sys

from bokeh.client import pull_session
from bokeh.models import GlyphRenderer, PreText, Scatter
from tornado.ioloop import IOLoop

TIMEOUT_S = 10


def main(url, session_id, first, count):
    loop = IOLoop()
    session = pull_session(session_id=session_id, url=url, io_loop=loop)
    doc = session.document
    (stats,) = doc.select({"type": PreText})
    before = stats.text
    # The selection of the source the scatters draw, as a box select on them makes (the
    # document has two sources, and select() returns a set in no fixed order).
    renderers = doc.select({"type": GlyphRenderer})
    (source,) = {r.data_source for r in renderers if isinstance(r.glyph, Scatter)}
    selection = source.selected
    stats.on_change("text", lambda attr, old, new: session.close())
    loop.call_later(TIMEOUT_S, session.close)
    selection.indices = list(range(first, first + count))
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    if stats.text == before:
        print(f"FAIL: the statistics did not change within {TIMEOUT_S} s", file=sys.stderr)
        sys.exit(1)
    print(json.dumps({"stats": stats.text}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
