"""Real Python Bokeh and Bokeh's UI events against `rokeh serve`: a button_click sent by
bokeh.client reaches the app's `on_event` callback in the server (which relabels the
button and counts the click on a slider), and the result comes back to Python.

Usage: server_events.py http://127.0.0.1:PORT/APP
Exits non-zero with a message on the first thing that is not as expected.
"""
import sys

from bokeh.client import pull_session
from bokeh.events import ButtonClick
from bokeh.models import Button, Slider
from tornado.ioloop import IOLoop

TIMEOUT_S = 10


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def main(url):
    loop = IOLoop()
    session = pull_session(url=url, io_loop=loop)
    doc = session.document
    (button,) = doc.select({"type": Button})
    (clicks,) = doc.select({"type": Slider})
    if (button.label, clicks.value) != ("click me", 0):
        fail(f"expected an unclicked button, got {button.label!r} and {clicks.value}")

    def done(attr, old, new):
        if clicks.value == 2 and button.label == "clicked 2 times":
            session.close()

    clicks.on_change("value", done)
    button.on_change("label", done)
    timed_out = []
    loop.call_later(TIMEOUT_S, lambda: (timed_out.append(True), session.close()))
    # As BokehJS does for a click: a MessageSent "bokeh_event" in a PATCH-DOC.
    doc.callbacks.send_event(ButtonClick(button))
    doc.callbacks.send_event(ButtonClick(button))
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    if timed_out:
        fail(f"the server's on_event callback did not answer within {TIMEOUT_S} s: "
             f"label {button.label!r}, clicks {clicks.value}")
    print(f"ok: two clicks made {button.label!r}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: server_events.py URL")
    main(sys.argv[1])
