"""Real Python Bokeh sharing a session with a rokeh page: sets the frequency to 2.0 (the
page must show it), then waits for the page's own slider move to 3.5 to arrive, with the
sine the page computed for it.

Usage: server_page_peer.py http://127.0.0.1:PORT/sliders SESSION_ID
Prints "python set 2.0" once its change is sent; exits non-zero with a message on failure.
"""
import math
import sys

from bokeh.client import pull_session
from bokeh.models import ColumnDataSource, Slider
from tornado.ioloop import IOLoop

TIMEOUT_S = 30


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def main(url, session_id):
    loop = IOLoop()
    session = pull_session(session_id=session_id, url=url, io_loop=loop)
    doc = session.document
    freq = [s for s in doc.select({"type": Slider}) if s.title == "frequency"][0]
    source = list(doc.select({"type": ColumnDataSource}))[0]

    def from_page():
        x, y = list(source.data["x"]), list(source.data["y"])
        return (
            freq.value == 3.5
            and len(y) == 200
            and all(abs(yi - math.sin(3.5 * xi)) < 1e-9 for xi, yi in zip(x, y))
        )

    def check(attr, old, new):
        if from_page():
            session.close()

    source.on_change("data", check)
    freq.on_change("value", check)
    timed_out = []
    loop.call_later(TIMEOUT_S, lambda: (timed_out.append(True), session.close()))
    freq.value = 2.0
    loop.add_callback(lambda: print("python set 2.0", flush=True))
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    if timed_out or not from_page():
        fail(f"the page's move to 3.5 (with sin(3.5x)) did not arrive within {TIMEOUT_S} s")
    print("ok: python saw the page's slider move and its sine", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: server_page_peer.py URL SESSION_ID")
    main(sys.argv[1], sys.argv[2])
