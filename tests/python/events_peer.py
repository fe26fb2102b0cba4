"""Real Python Bokeh in a page's session of the "sliders" app, listening to the figure's
UI events: `on_event` for each kind named (which subscribes the figure to it, as Bokeh
does), then one JSON line per event heard, until killed or a minute passes.

Usage: events_peer.py http://127.0.0.1:PORT/sliders SESSION_ID KIND...
Prints {"subscribed": [KIND...]} once the subscription went out, then for each event
{"event": KIND, "sx": …, "sy": …, "x": …, "y": …} plus its own values (delta_x,
delta_y, delta, scale).
"""
import json
import sys

from bokeh.client import pull_session
from bokeh.plotting import figure
from tornado.ioloop import IOLoop

EXTRA = ("delta_x", "delta_y", "delta", "scale")


def say(**line):
    print(json.dumps(line, sort_keys=True), flush=True)


def heard(event):
    values = {k: getattr(event, k) for k in ("sx", "sy", "x", "y") + EXTRA if hasattr(event, k)}
    say(event=event.event_name, **values)


def main(url, session_id, *kinds):
    loop = IOLoop()
    session = pull_session(session_id=session_id, url=url, io_loop=loop)
    (plot,) = session.document.select({"type": figure})
    for kind in kinds:
        plot.on_event(kind, heard)
        # Bokeh hands a document's events to the models it subscribed when they joined
        # it; the plot joined before its on_event, so it is subscribed here.
        session.document.callbacks.subscribe(kind, plot)
    # The subscription goes out on the loop.
    loop.call_later(0.5, lambda: say(subscribed=sorted(plot.subscribed_events)))
    loop.call_later(60, session.close)
    session._loop_until_closed()  # Bokeh 3 keeps this private; it serves a session


if __name__ == "__main__":
    if len(sys.argv) < 4:
        print("usage: events_peer.py URL SESSION_ID KIND...", file=sys.stderr)
        sys.exit(1)
    main(*sys.argv[1:])
