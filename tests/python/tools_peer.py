"""Real Python Bokeh in a page's session of the "sliders" app: reports the figure's
ranges as it pulls them and, with "set START END", sets the x range and exits once its
change is sent.

Usage: tools_peer.py http://127.0.0.1:PORT/sliders SESSION_ID [set START END]
Prints one JSON line: {"x": [start, end], "y": [start, end]} as pulled, then, with
"set", {"set": true} once its change went out.
"""
import json
import sys

from bokeh.client import pull_session
from bokeh.plotting import figure
from tornado.ioloop import IOLoop


def say(**line):
    print(json.dumps(line, sort_keys=True), flush=True)


def main(url, session_id, *rest):
    loop = IOLoop()
    session = pull_session(session_id=session_id, url=url, io_loop=loop)
    (plot,) = session.document.select({"type": figure})
    say(x=[plot.x_range.start, plot.x_range.end], y=[plot.y_range.start, plot.y_range.end])
    if rest and rest[0] == "set":
        plot.x_range.start, plot.x_range.end = float(rest[1]), float(rest[2])

        def sent():
            say(set=True)
            session.close()

        # The change goes out on the loop; the close after it.
        loop.call_later(0.5, sent)
        session._loop_until_closed()  # Bokeh 3 keeps this private; it serves a session
    else:
        session.close()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 6):
        print("usage: tools_peer.py URL SESSION_ID [set START END]", file=sys.stderr)
        sys.exit(1)
    main(*sys.argv[1:])
