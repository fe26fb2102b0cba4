"""Real Python Bokeh's JavaScript callbacks in a `rokeh serve` session: `push` builds a
document whose interactivity is all `js_on_change`, `js_link`, `js_on_click` and
`js_on_event` (CustomJS, SetValue, OpenURL, tools' callbacks, a tooltip's CustomJSHover,
a table column's CustomJSCompare and the document's own `document_ready`, as Bokeh's js_callbacks examples use them) and
pushes it; `pull` reads back what the page's callbacks changed, as the server has it.

Usage: callbacks_push.py push|pull http://127.0.0.1:PORT/APP SESSION_ID
Prints {"pushed": N} (N models), or {"pulled": {...}}; exits non-zero with a message on
failure.
"""
import json
import sys

from bokeh.client import pull_session, push_session
from bokeh.document import Document
from bokeh.layouts import column, row
from bokeh.models import (
    Button, ColumnDataSource, CustomJS, CustomJSCompare, CustomJSHover, DataTable, Div, HoverTool,
    NanCompare, OpenURL, SetValue, Slider, TableColumn, TapTool, Toggle,
)
from bokeh.plotting import figure
from tornado.ioloop import IOLoop


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def callbacks_document():
    x = [0.0, 0.5, 1.0, 1.5, 2.0]
    source = ColumnDataSource(data=dict(x=x, y=list(x)), name="py source")
    plot = figure(width=300, height=300, title="py callbacks", tools="")
    plot.line("x", "y", source=source, name="py line")
    power = Slider(title="py power", start=1, end=4, value=1, step=1)
    power.js_on_change("value", CustomJS(args=dict(source=source), code="""
        const {x, y} = source.data
        for (let i = 0; i < x.length; i++) {
            y[i] = Math.pow(x[i], cb_obj.value)
        }
        source.change.emit()
    """))
    linked = Slider(title="py linked", start=1, end=4, value=1, step=1)
    power.js_link("value", linked, "value")
    said = Div(text="py said", name="py said")
    setter = Button(label="py set")
    setter.js_on_event("button_click", SetValue(obj=said, attr="text", value="set by SetValue"))
    hide = Toggle(label="py hide line", active=True)
    hide.js_on_click(CustomJS(args=dict(line=plot.renderers[0]), code="line.visible = !this.active"))
    tapped = Div(text="py not tapped", name="py tapped")
    plot.js_on_event("tap", CustomJS(args=dict(div=tapped), code="""
        div.text = `tap at ${cb_obj.x.toFixed(1)} by ${cb_obj.event_name}`
    """))
    # Tools' callbacks: a hover's told the rows under the pointer, a tap's OpenURL opens
    # the tapped row's page, and the tap's selection copied by its source's callback.
    points = ColumnDataSource(data=dict(x=[0.5, 1.5], y=[3.0, 3.0], label=["a", "b"]))
    dots = plot.scatter("x", "y", source=points, size=12, name="py points")
    hovered = Div(text="py not hovered", name="py hovered")
    # Its tooltip's x written by a CustomJSHover, for the format the placeholder names.
    tenths = CustomJSHover(args=dict(unit="u"), code="return `${value.toFixed(1)}${unit} ${format} row ${special_vars.index}`")
    plot.add_tools(HoverTool(renderers=[dots], tooltips=[("at", "@x{tenths}")], formatters={"@x": tenths},
                             callback=CustomJS(
        args=dict(div=hovered),
        code="if (cb_data.index.indices.length) div.text = `hovered ${cb_data.index.indices} of ${cb_data.renderer.name}`",
    )))
    plot.add_tools(TapTool(renderers=[dots], callback=OpenURL(url="http://127.0.0.1:9/point/@label")))
    picked = ColumnDataSource(data=dict(x=[]), name="py picked")
    points.selected.js_on_change("indices", CustomJS(args=dict(points=points, picked=picked), code="""
        picked.data = {x: Array.from(cb_obj.indices, (i) => points.data.x[i])}
    """))
    ready = Div(text="py not ready", name="py ready")
    # BokehJS's views, as Bokeh's reset_plot example finds the plot's: reset() is the
    # ResetTool's; a model the page shows no figure of has none.
    reset = Button(label="py reset")
    reset.js_on_click(CustomJS(args=dict(plot=plot, div=said), code="""
export default ({plot, div}, _button, _data, {index}) => {
    index.get_one(plot).reset()
    div.text = `reset ${index.find_one(div) === null}`
}
"""))
    doc = Document()
    # An event the figure sends itself as its ResetTool does.
    heard = Div(text="py not heard", name="py heard")
    plot.js_on_event("reset", CustomJS(args=dict(div=heard), code="div.text = `py ${cb_obj.event_name} heard`"))
    controls = column(power, linked, setter, hide, said, tapped, hovered, ready, reset, heard)
    # A table whose column sorts by the number in its values (Bokeh's
    # data_table_column_sort example), the other with NaNs last (rokeh's own sort puts
    # them first).
    codes = ColumnDataSource(data=dict(code=["AB 1", "AB 10", "AB 2"], n=[2.0, float("nan"), 3.0]))
    by_number = CustomJSCompare(args=dict(at=1), code="""
        const xn = Number(x.split(" ")[at])
        const yn = Number(y.split(" ")[at])
        return (xn == yn) ? 0 : (xn < yn) ? -1 : 1
    """)
    table = DataTable(source=codes, width=300, height=120, columns=[
        TableColumn(field="code", title="py code", sorter=by_number),
        TableColumn(field="n", title="py n", sorter=NanCompare()),
    ])
    doc.add_root(row(controls, plot, table))
    doc.js_on_event("document_ready", CustomJS(args=dict(div=ready), code="div.text = 'py ready ran'"))
    doc.title = "Python's callbacks"
    return doc


def pull(url, session_id):
    session = pull_session(session_id=session_id, url=url, io_loop=IOLoop())
    doc = session.document
    line = doc.get_model_by_name("py line")
    linked = [m for m in doc.select({"type": Slider}) if m.title == "py linked"][0]
    pulled = {
        "y": [float(v) for v in line.data_source.data["y"]],
        "linked": linked.value,
        "said": doc.get_model_by_name("py said").text,
        "tapped": doc.get_model_by_name("py tapped").text,
        "visible": line.visible,
        "hovered": doc.get_model_by_name("py hovered").text,
        "picked": list(doc.get_model_by_name("py picked").data["x"]),
        "ready": doc.get_model_by_name("py ready").text,
        "heard": doc.get_model_by_name("py heard").text,
    }
    session.close()
    print(json.dumps({"pulled": pulled}), flush=True)


def push(url, session_id):
    doc = callbacks_document()
    session = push_session(doc, session_id=session_id, url=url, io_loop=IOLoop())
    session.close()
    print(json.dumps({"pushed": len(doc.models)}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("push", "pull"):
        fail("usage: callbacks_push.py push|pull URL SESSION_ID")
    {"push": push, "pull": pull}[sys.argv[1]](sys.argv[2], sys.argv[3])
