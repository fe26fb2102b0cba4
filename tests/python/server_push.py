"""Real Python Bokeh pushes a document of its own into a `rokeh serve` session, as
`bokeh.client.push_session` does, then pulls the session back in a second client and
compares every model with what it pushed, property by property. Bokeh numbers its models
p1001, p1002, … as the server's app did: the script checks that some ids clash (the same
id, another type) before it pushes.

Usage: server_push.py URL SESSION_ID KIND [--wait-click]
    KIND: "plot" (a figure with a scatter and a line, a fixed range), "widgets"
    (a button, a slider with no title, a select, a div in a column) or "grid" (two
    figures in a gridplot, their pan, box zoom and reset merged into its toolbar, left).
    --wait-click: then stay in the session until the page clicks the button, which
    bokeh.client hears through the button's `on_event(ButtonClick, …)`.
Prints "pushed …" once the session holds the document; exits non-zero on failure.
"""
import math
import sys

import numpy as np
from bokeh.client import pull_session, push_session
from bokeh.document import Document
from bokeh.events import ButtonClick
from bokeh.layouts import column, gridplot
from bokeh.models import Button, ColumnDataSource, Div, Select, Slider
from bokeh.plotting import figure
from tornado.ioloop import IOLoop

TIMEOUT_S = 30


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def plot_document(clicked):
    doc = Document()
    x = np.linspace(0, 10, 50)
    source = ColumnDataSource(data=dict(x=x, y=np.cos(x), size=5 + x))
    plot = figure(title="pushed plot", width=300, height=250, x_range=(0, 10))
    plot.scatter("x", "y", size="size", source=source, color="firebrick")
    plot.line("x", "y", source=source, line_dash="dashed")
    doc.add_root(plot)
    doc.title = "Pushed plot"
    return doc


def grid_document(clicked):
    doc = Document()
    plots = [figure(title=t, width=250, height=200, tools="pan,box_zoom,reset") for t in "ab"]
    for p in plots:
        p.scatter([1, 2, 3], [3, 1, 2])
    doc.add_root(gridplot([plots], toolbar_location="left"))
    doc.title = "Pushed grid"
    return doc


def widgets_document(clicked):
    doc = Document()
    button = Button(label="pushed button", button_type="success")
    # Before the button joins a document: Bokeh subscribes a model's events when attached.
    button.on_event(ButtonClick, clicked)
    slider = Slider(title=None, start=0, end=10, value=3, step=1)
    select = Select(title="pick", value="b", options=["a", "b", "c"])
    div = Div(text="<b>pushed</b> widgets")
    doc.add_root(column(button, slider, select, div))
    doc.title = "Pushed widgets"
    return doc


def same_value(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and np.allclose(a, b, equal_nan=True)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if hasattr(a, "id") and hasattr(b, "id"):
        return a.id == b.id
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def compare(pushed, pulled):
    """Every model pushed is in the pulled document under its id, with its type and its
    properties; returns how many properties were compared."""
    compared = 0
    theirs = {m.id: m for m in pulled.models}
    for model in pushed.models:
        other = theirs.get(model.id)
        if other is None:
            fail(f"{model} is missing from the session")
        if type(other).__name__ != type(model).__name__:
            fail(f"{model.id} is a {type(other).__name__} in the session, not a {type(model).__name__}")
        ours = model.properties_with_values(include_defaults=False)
        for name, value in ours.items():
            if not same_value(value, getattr(other, name)):
                fail(f"{model.id}.{name}: pushed {value!r}, pulled {getattr(other, name)!r}")
            compared += 1
    if pulled.title != pushed.title:
        fail(f"title {pulled.title!r}, not {pushed.title!r}")
    return compared


def main(url, session_id, kind, wait_click):
    clicks, session = [], None

    def clicked(event):
        clicks.append(event)
        session.close()

    doc = {"plot": plot_document, "widgets": widgets_document, "grid": grid_document}[kind](clicked)
    loop = IOLoop()
    app = pull_session(session_id=session_id, url=url, io_loop=loop)
    apps = {m.id: type(m).__name__ for m in app.document.models}
    app.close()
    clashing = [m.id for m in doc.models if m.id in apps and apps[m.id] != type(m).__name__]
    if not clashing:
        fail("no id of the pushed document clashes with the app's")
    session = push_session(doc, session_id=session_id, url=url, io_loop=loop)
    other = pull_session(session_id=session_id, url=url, io_loop=loop)
    compared = compare(doc, other.document)
    other.close()
    print(
        f"pushed {len(doc.models)} models ({len(clashing)} ids clashing with the app's), "
        f"{compared} properties pulled back alike",
        flush=True,
    )
    if not wait_click:
        session.close()
        return
    loop.call_later(TIMEOUT_S, session.close)
    session._loop_until_closed()  # Bokeh 3 keeps this private; it is what serves a session
    if not clicks:
        fail(f"no button_click from the page within {TIMEOUT_S} s")
    print(f"ok: bokeh.client heard the page's click on {clicks[0].model.label!r}", flush=True)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--wait-click"]
    if len(args) != 3:
        fail("usage: server_push.py URL SESSION_ID KIND [--wait-click]")
    main(*args, wait_click="--wait-click" in sys.argv)
