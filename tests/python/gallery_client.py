"""Real Python Bokeh against the gallery's apps under `rokeh serve`: pull an app's session,
change one widget as a user would, and see the app's callback (run by the server) answer.

Usage: gallery_client.py http://127.0.0.1:PORT APP     (APP: movies, gapminder, ohlc)
Exits non-zero with a message on the first thing that is not as expected.
"""
import sys

from bokeh.client import pull_session
from bokeh.models import Button, ColumnDataSource, Label, Select, Slider, Title
from tornado.ioloop import IOLoop

TIMEOUT_S = 15


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def one(doc, kind, **attrs):
    found = [m for m in doc.select({"type": kind}) if all(getattr(m, k) == v for k, v in attrs.items())]
    if len(found) != 1:
        fail(f"expected one {kind.__name__} with {attrs}, got {len(found)}")
    return found[0]


def run_until(session, loop, done, act):
    """Runs `act`, then the session's loop until `done()` holds (checked on each change)."""
    timed_out = []
    loop.call_later(TIMEOUT_S, lambda: (timed_out.append(True), session.close()))
    session.document.on_change(lambda event: done() and session.close())
    act()
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    return not timed_out and done()


def movies(session, loop):
    doc = session.document
    title = [t for t in doc.select({"type": Title}) if t.text.endswith("movies selected")][0]
    source = one(doc, ColumnDataSource)
    all_ = len(source.data["x"])
    if title.text != f"{all_} movies selected":
        fail(f"title {title.text!r} for {all_} rows")
    genre = one(doc, Select, title="Genre")
    done = lambda: title.text != f"{all_} movies selected" and len(source.data["x"]) < all_
    if not run_until(session, loop, done, lambda: setattr(genre, "value", "Western")):
        fail(f"choosing Western left {title.text!r}")
    if title.text != f"{len(source.data['x'])} movies selected":
        fail(f"title {title.text!r} does not count {len(source.data['x'])} rows")
    return title.text


def gapminder(session, loop):
    doc = session.document
    slider, label = one(doc, Slider, title="Year"), one(doc, Label)
    source = one(doc, ColumnDataSource)
    life = list(source.data["life"])
    done = lambda: label.text == "2000" and list(source.data["life"]) != life
    if not run_until(session, loop, done, lambda: setattr(slider, "value", 2000)):
        fail(f"moving the year to 2000 left the label at {label.text!r}")
    return f"label {label.text}"


def ohlc(session, loop):
    doc = session.document
    source = one(doc, ColumnDataSource)
    # The server's periodic callback streams; the client sees rows arrive, never more than 300.
    done = lambda: len(source.data["time"]) >= 40
    if not run_until(session, loop, done, lambda: None):
        fail(f"only {len(source.data['time'])} rows streamed")
    average = one(doc, Select)
    if len(source.data["time"]) > 300:
        fail("more than 300 rows")
    average.value = "26-tick EMA"
    return f"{len(source.data['time'])} rows"


def main(base, app):
    loop = IOLoop()
    session = pull_session(url=f"{base}/{app}", io_loop=loop)
    result = {"movies": movies, "gapminder": gapminder, "ohlc": ohlc}[app](session, loop)
    print(f"ok: {app}: {result}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
