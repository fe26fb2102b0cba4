"""Joins a page's session of the gallery's surface3d app as Python's bokeh.client, whose
root is a model type of the gallery's own ("Surface3d"). Without a Python class of that
name bokeh.client cannot read the document, as with Bokeh's own custom extensions; with
one (the example's surface3d.py, without its TypeScript) it reads it and sets the
surface's width, which the page must follow.

Usage: custom_model_peer.py http://127.0.0.1:PORT/surface3d SESSION_ID unknown|known
Prints JSON: {"error": "..."} (unknown) or {"rows": N, "width": W} (known).
"""
import json
import sys

from bokeh.client import pull_session
from tornado.ioloop import IOLoop


if sys.argv[3:] == ["known"]:
    # The example's model class, as its surface3d.py declares it (at the top level: a class
    # defined in a function gets its function's name in its Bokeh name).
    from bokeh.core.properties import Any, Dict, Instance, String
    from bokeh.models import ColumnDataSource, LayoutDOM

    class Surface3d(LayoutDOM):
        __implementation__ = "surface3d.ts"
        data_source = Instance(ColumnDataSource)
        x = String()
        y = String()
        z = String()
        options = Dict(String, Any)


def main(url, session_id):
    loop = IOLoop()
    try:
        session = pull_session(session_id=session_id, url=url, io_loop=loop)
    except Exception as e:  # bokeh.client's own error, reported as it is
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
        return
    (surface,) = session.document.roots
    rows = len(surface.data_source.data[surface.z])
    surface.width = 400
    # Long enough for the PATCH-DOC to leave; the page's side is checked by the caller.
    loop.call_later(1.0, session.close)
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    print(json.dumps({"rows": rows, "width": surface.width}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
