"""Real Python Bokeh against `rokeh serve`: pull the sliders document, move the
frequency slider, and see the server's callback recompute the sine.

Usage: server_client.py http://127.0.0.1:PORT/sliders
Exits non-zero with a message on the first thing that is not as expected.
"""
import math
import sys

from bokeh.client import pull_session
from bokeh.models import ColumnDataSource, Slider
from tornado.ioloop import IOLoop

TIMEOUT_S = 10


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main(url):
    loop = IOLoop()
    session = pull_session(url=url, io_loop=loop)
    doc = session.document
    sliders = {s.title: s for s in doc.select({"type": Slider})}
    if set(sliders) != {"offset", "amplitude", "phase", "frequency"}:
        fail(f"expected the four sliders, got {sorted(sliders)}")
    sources = list(doc.select({"type": ColumnDataSource}))
    if len(sources) != 1:
        fail(f"expected one ColumnDataSource, got {len(sources)}")
    source = sources[0]
    x, y = list(source.data["x"]), list(source.data["y"])
    if len(x) != 200 or len(y) != 200:
        fail(f"expected 200 points, got {len(x)} x and {len(y)} y")
    if any(abs(yi - math.sin(xi)) > 1e-12 for xi, yi in zip(x, y)):
        fail("y is not sin(x) at first")

    def is_sin_2x():
        y = list(source.data["y"])
        return len(y) == 200 and all(abs(yi - math.sin(2.0 * xi)) < 1e-12 for xi, yi in zip(x, y))

    # bokeh.client applies the server's PATCH-DOC only while its loop runs idle (a
    # round-trip request would drop it), so run the loop until the data changes.
    source.on_change("data", lambda attr, old, new: is_sin_2x() and session.close())
    timed_out = []
    loop.call_later(TIMEOUT_S, lambda: (timed_out.append(True), session.close()))
    sliders["frequency"].value = 2.0
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    if timed_out or not is_sin_2x():
        fail(f"source.data['y'] did not become sin(2x) within {TIMEOUT_S} s")
    if list(source.data["x"]) != x:
        fail("x changed")

    # A second client pulling the same session sees the new state.
    other = pull_session(session_id=session.id, url=url, io_loop=loop)
    other_freq = [s for s in other.document.select({"type": Slider}) if s.title == "frequency"][0]
    if other_freq.value != 2.0:
        fail(f"a second client sees frequency {other_freq.value}, not 2.0")
    other.close()
    print("ok: pulled the sliders document, frequency 2.0 made y = sin(2x)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: server_client.py URL")
    main(sys.argv[1])
