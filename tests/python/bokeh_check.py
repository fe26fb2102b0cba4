"""Checks rokeh's document JSON and events against real Python Bokeh (run by tests/json_python.rs).

    bokeh_check.py sliders ROKEH_DOC.json
        Builds rokeh's sliders app in Bokeh, loads rokeh's JSON with Bokeh's
        Document.from_json, and compares the two by structure (ids aside): every property
        rokeh set must have Bokeh's value, every model reached must have Bokeh's type.
    bokeh_check.py same A.json B.json
        Loads both documents in Bokeh; every model (by id) must have the same type and
        the same properties.
    bokeh_check.py events SCENARIO.json OUT.json
        Loads SCENARIO's "doc" in Bokeh, makes the changes rokeh made (ids from the
        scenario), serializes the events Bokeh emits with its own Serializer, and compares
        them with rokeh's "events" (new models' ids aside). Writes Bokeh's events and the
        state they leave to OUT.json, for rokeh to apply them and compare.
    bokeh_check.py figure ARGS.json ROKEH_DOC.json
        Builds figure(**ARGS) in Bokeh (tooltips as pairs) and compares it with the one
        root of rokeh's document: the figure by structure as for the sliders, and its
        toolbar both ways (every property either side set must agree).
    bokeh_check.py gridplot ROKEH_DOC.json
        Builds the gridplots of tests/json_python.rs's gridplot test in Bokeh (one merged
        on the left, one with merge_tools=False) and compares them with rokeh's roots: the
        grid and its plots by structure, the grid's toolbar both ways.
    bokeh_check.py visuals OUT.json
        Writes the colours and alphas Bokeh's glyph methods set (color=, alpha=,
        selection_/nonselection_/hover_ ones) on each role's glyph, by renderer, to
        OUT.json.
    bokeh_check.py range_tool OUT.json
        Writes a document whose overview plot has a RangeTool (its overlay navy, opaque)
        over the detail plot's x range (20 to 40) to OUT.json.
    bokeh_check.py gallery OUT.json
        Writes a richer Bokeh document than the sliders (datetime, int32, float32, bool
        and string columns, a value spec, a legend, hover, more widgets) to OUT.json.

Prints what differs and exits 1, or prints "ok".
"""

import base64
import gzip
import json
import math
import sys

import numpy as np
from bokeh.core.serialization import Serializer
from bokeh.document import Document
from bokeh.layouts import column, row
from bokeh.model import Model
from bokeh.models import ColumnDataSource, Slider, TextInput
from bokeh.plotting import figure
from bokeh.settings import settings

problems = []
compared = []  # "path.property" of every value compared by structure


def load(path):
    with open(path) as f:
        return json.load(f)


def same_value(a, b):
    # Models inside values (a tooltip's DOM parts) are the same when their ids are.
    if isinstance(a, Model) or isinstance(b, Model):
        return getattr(a, "id", None) == getattr(b, "id", None)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and np.allclose(a, b, equal_nan=True)
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12) or (math.isnan(a) and math.isnan(b))
        except TypeError:
            return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b


def type_name(model):
    return type(model).__view_model__


def walk(ours, theirs, path, seen):
    """Compares a model loaded from rokeh's JSON with Bokeh's, by structure."""
    if id(ours) in seen:
        return
    seen.add(id(ours))
    if type_name(ours) != type_name(theirs):
        problems.append(f"{path}: rokeh has a {type_name(ours)}, Bokeh a {type_name(theirs)}")
        return
    for name, value in ours.properties_with_values(include_defaults=False).items():
        expected = getattr(theirs, name)
        where = f"{path}.{name}"
        if isinstance(value, Model):
            walk(value, expected, where, seen)
        elif isinstance(value, (list, tuple)) and value and isinstance(value[0], Model):
            if len(value) != len(expected):
                problems.append(f"{where}: {len(value)} models where Bokeh has {len(expected)}")
                continue
            for i, (a, b) in enumerate(zip(value, expected)):
                walk(a, b, f"{where}[{i}]", seen)
        elif isinstance(value, (list, tuple)) and value and isinstance(value[0], (list, tuple)) \
                and value[0] and isinstance(value[0][0], Model):
            # A grid's children: (model, row, col, …) each.
            if len(value) != len(expected):
                problems.append(f"{where}: {len(value)} items where Bokeh has {len(expected)}")
                continue
            for i, ((a, *cell_a), (b, *cell_b)) in enumerate(zip(value, expected)):
                if not same_value(cell_a, cell_b):
                    problems.append(f"{where}[{i}]: rokeh cell {cell_a}, Bokeh {cell_b}")
                walk(a, b, f"{where}[{i}]", seen)
        elif not same_value(value, expected):
            problems.append(f"{where}: rokeh {value!r:.80}, Bokeh {expected!r:.80}")
        else:
            compared.append(where)


def bokeh_sliders():
    """rokeh's gallery/src/sliders.rs, written with Bokeh: Bokeh's demo with its ranges."""
    x = np.linspace(0, 4 * np.pi, 200)
    source = ColumnDataSource(data=dict(x=x, y=np.sin(x)))
    plot = figure(height=400, width=400, title="sine wave",
                  x_range=(0, 4 * np.pi), y_range=(-2.5, 2.5))
    plot.line("x", "y", source=source, line_width=3, line_alpha=0.6)
    text = TextInput(title="title", value="sine wave")
    offset = Slider(title="offset", value=0.0, start=-5.0, end=5.0, step=0.1)
    amplitude = Slider(title="amplitude", value=1.0, start=-5.0, end=5.0, step=0.1)
    phase = Slider(title="phase", value=0.0, start=0.0, end=2 * np.pi, step=0.1)
    freq = Slider(title="frequency", value=1.0, start=0.1, end=5.1, step=0.1)
    doc = Document()
    doc.add_root(row(column(text, offset, amplitude, phase, freq), plot))
    doc.title = "Sliders"
    return doc


def check_sliders(path):
    ours = Document.from_json(load(path))
    theirs = bokeh_sliders()
    if ours.title != theirs.title:
        problems.append(f"title: rokeh {ours.title!r}, Bokeh {theirs.title!r}")
    if len(ours.roots) != len(theirs.roots):
        problems.append(f"{len(ours.roots)} roots where Bokeh has {len(theirs.roots)}")
    seen = set()
    for i, (a, b) in enumerate(zip(ours.roots, theirs.roots)):
        walk(a, b, f"roots[{i}]", seen)


def check_same(path_a, path_b):
    a, b = Document.from_json(load(path_a)), Document.from_json(load(path_b))
    if a.title != b.title:
        problems.append(f"title: {a.title!r} vs {b.title!r}")
    if [r.id for r in a.roots] != [r.id for r in b.roots]:
        problems.append("roots differ")
    ids_a, ids_b = {m.id for m in a.models}, {m.id for m in b.models}
    if ids_a != ids_b:
        problems.append(f"models only in one: {sorted(ids_a ^ ids_b)}")
    for model in a.models:
        other = b.get_model_by_id(model.id)
        if other is None:
            continue
        if type_name(model) != type_name(other):
            problems.append(f"{model.id}: {type_name(model)} vs {type_name(other)}")
            continue
        props_a = model.properties_with_values(include_defaults=False)
        props_b = other.properties_with_values(include_defaults=False)
        for name in props_a.keys() | props_b.keys():
            va, vb = props_a.get(name), props_b.get(name)
            if isinstance(va, Model) or isinstance(vb, Model):
                same = getattr(va, "id", None) == getattr(vb, "id", None)
            elif isinstance(va, (list, tuple)) and va and isinstance(va[0], Model):
                same = [m.id for m in va] == [getattr(m, "id", None) for m in vb or []]
            else:
                same = same_value(va, vb)
            if not same:
                problems.append(f"{model.id}.{name}: {va!r:.80} vs {vb!r:.80}")


def walk_both(ours, theirs, path, seen):
    """As walk, but each side's set properties are compared: neither may add one."""
    if id(ours) in seen:
        return
    seen.add(id(ours))
    if type_name(ours) != type_name(theirs):
        problems.append(f"{path}: rokeh has a {type_name(ours)}, Bokeh a {type_name(theirs)}")
        return
    names = set(ours.properties_with_values(include_defaults=False))
    names |= set(theirs.properties_with_values(include_defaults=False))
    for name in sorted(names):
        value, expected = getattr(ours, name), getattr(theirs, name)
        where = f"{path}.{name}"
        if isinstance(value, Model) or isinstance(expected, Model):
            if isinstance(value, Model) and isinstance(expected, Model):
                walk_both(value, expected, where, seen)
            else:
                problems.append(f"{where}: rokeh {value!r:.80}, Bokeh {expected!r:.80}")
        elif isinstance(value, (list, tuple)) and any(isinstance(v, Model) for v in [*value, *expected]):
            if len(value) != len(expected):
                problems.append(f"{where}: {len(value)} models where Bokeh has {len(expected)}")
                continue
            for i, (a, b) in enumerate(zip(value, expected)):
                walk_both(a, b, f"{where}[{i}]", seen)
        elif not same_value(value, expected):
            problems.append(f"{where}: rokeh {value!r:.80}, Bokeh {expected!r:.80}")
        else:
            compared.append(where)


def check_figure(args_path, path):
    args = load(args_path)
    if isinstance(args.get("tooltips"), list):
        args["tooltips"] = [tuple(pair) for pair in args["tooltips"]]
    theirs = figure(**args)
    ours = Document.from_json(load(path)).roots[0]
    walk_both(ours.toolbar, theirs.toolbar, "toolbar", set())
    walk(ours, theirs, "figure", set())


def bokeh_gridplots():
    """The grids tests/json_python.rs builds with rokeh's gridplot."""
    from bokeh.layouts import gridplot
    p1 = figure(tools="xpan,xwheel_zoom,xbox_zoom,reset,save", width=300, height=200)
    p2 = figure(tools="pan,xwheel_zoom,xbox_zoom,reset,save,hover", x_range=p1.x_range,
                active_drag="xbox_zoom")
    merged = gridplot([[p1, None], [None, p2]], toolbar_location="left", width=250)
    p3 = figure(toolbar_location="above")
    apart = gridplot([[p3]], merge_tools=False, toolbar_location=None)
    return [merged, apart]


def check_gridplot(path):
    ours = Document.from_json(load(path)).roots
    theirs = bokeh_gridplots()
    for i, (a, b) in enumerate(zip(ours, theirs)):
        walk_both(a.toolbar, b.toolbar, f"grid{i}.toolbar", set())
        walk(a, b, f"grid{i}", set())
        for j, ((pa, *_), (pb, *_)) in enumerate(zip(a.children, b.children)):
            if pa.toolbar_location != pb.toolbar_location:
                problems.append(f"grid{i}.children[{j}].toolbar_location: rokeh "
                                f"{pa.toolbar_location!r}, Bokeh {pb.toolbar_location!r}")


def normalize(value, known, renamed):
    """Event JSON in a comparable form: arrays as lists, maps as dicts, new ids renamed."""
    if isinstance(value, list):
        return [normalize(v, known, renamed) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get("type")
    if kind == "ndarray":
        data = value["array"]["data"]
        raw = base64.b64decode(data)
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        return np.frombuffer(raw, dtype=value["dtype"]).reshape(value["shape"]).tolist()
    if kind == "map":
        return {normalize(k, known, renamed): normalize(v, known, renamed) for k, v in value.get("entries", [])}
    if kind == "number":
        return float(value["value"])
    out = {k: normalize(v, known, renamed) for k, v in value.items()}
    if "id" in out and out["id"] not in known:
        out["id"] = renamed.setdefault(out["id"], f"new{len(renamed) + 1}")
    return out


def bokeh_events(scenario):
    doc = Document.from_json(scenario["doc"])
    ids = scenario["ids"]
    freq, source, title = (doc.get_model_by_id(ids[k]) for k in ("freq", "source", "title"))
    known = set(doc.models)
    serializer = Serializer(references=known, deferred=False)
    parts = {"plain": [], "held": []}
    current = []
    doc.on_change(lambda event: current.append(event.to_serializable(serializer)))

    # Part "plain": each change on its own, as rokeh's tests/json_python.rs makes them.
    freq.value = 2.0
    source.data["y"] = np.arange(200.0)
    source.stream({"x": [1.0, 2.0], "y": [2.0, 3.0]}, rollover=201)
    source.patch({"y": [(0, 5.0), (slice(2, 6, 2), [1.0, 2.0])]})
    after_patch = {k: np.asarray(v).tolist() for k, v in source.data.items()}
    doc.title = "T"
    title.text = "new text"
    # Python numbers its models p1001, p1002, … as rokeh does: in a document read from
    # rokeh, a model of Python's own takes a unique id, which cannot clash with one there.
    settings.simple_ids.set_value(False)
    new = Slider(start=0, end=10, value=1, step=0.5, title="n")
    settings.simple_ids.unset_value()
    doc.add_root(new)
    doc.remove_root(new)
    source.data = dict(x=np.array([0.0, 1.0]), y=np.array([1.0, 2.0]))
    parts["plain"], current[:] = list(current), []

    # Part "held": a hold combines changes of one attribute, here across others.
    doc.hold("combine")
    freq.value = 3.0
    title.text = "a"
    freq.value = 3.5
    title.text = "b"
    doc.title = "U"
    doc.title = "V"
    doc.unhold()
    parts["held"] = list(current)
    final = {
        "title": doc.title,
        "freq": freq.value,
        "text": title.text,
        "data": {k: np.asarray(v).tolist() for k, v in source.data.items()},
        "roots": [r.id for r in doc.roots],
        "after_patch": after_patch,
    }
    return parts, {m.id for m in known}, final


def check_events(path, out_path):
    scenario = load(path)
    theirs, known, final = bokeh_events(scenario)
    with open(out_path, "w") as out:
        json.dump({"events": theirs, "final": final}, out)
    for part in ("plain", "held"):
        ours = normalize(scenario["events"][part], known, {})
        expected = normalize(theirs[part], known, {})
        if len(ours) != len(expected):
            problems.append(f"{part}: rokeh sent {len(ours)} events, Bokeh {len(expected)}")
        for i, (a, b) in enumerate(zip(ours, expected)):
            if not same_value(a, b):
                problems.append(f"{part} event {i}:\n  rokeh {json.dumps(a)[:400]}\n  Bokeh {json.dumps(b)[:400]}")


def write_gallery(out_path):
    from bokeh.core.properties import value
    from bokeh.models import Button, Div, HoverTool, Range1d, Select

    hours = np.array([np.datetime64("2024-01-01") + np.timedelta64(i, "h") for i in range(50)])
    source = ColumnDataSource(data=dict(
        t=hours,
        y=np.linspace(0, 1, 50),
        n=np.arange(50, dtype=np.int32),
        f=np.arange(50, dtype=np.float32),
        b=np.arange(50) % 2 == 0,
        s=[f"s{i}" for i in range(50)],
    ))
    plot = figure(x_axis_type="datetime", title="gallery", width=500, height=300,
                  tools="pan,wheel_zoom", y_range=Range1d(0, 1))
    plot.line("t", "y", source=source, legend_label="y", line_color="red", line_dash="dashed")
    plot.scatter("t", "y", source=source, size=8, color=value("navy"), alpha=0.5)
    plot.add_tools(HoverTool(tooltips=[("y", "@y")]))
    # Formatters by name and in JavaScript (which rokeh keeps but does not run).
    from bokeh.models import CustomJSHover
    plot.add_tools(HoverTool(
        tooltips=[("t", "@t{%F}"), ("y", "@y{custom}")],
        formatters={"@t": "datetime", "@y": CustomJSHover(code="return value.toFixed(1)")},
    ))
    # A tooltip of DOM models, with their own styles and formats.
    from bokeh.models import Styles, dom
    value_ref = dom.ValueRef(field="y", format="%.2f", formatter="printf")
    plot.add_tools(HoverTool(tooltips=dom.HTML(
        html=["<b>y</b>: ", value_ref, " #", dom.Index()],
        style=Styles(display="grid", column_gap="10px"),
    )))
    widgets = row(Slider(start=0, end=10, value=3, step=1, title="s"), TextInput(value="x"))
    doc = Document()
    doc.add_root(column(widgets, plot, Div(text="<b>hi</b>"), Button(label="go"),
                        Select(options=["a", "b"], value="a")))
    doc.title = "Gallery"
    # Callbacks the page runs: a property's, an event's and the document's own.
    from bokeh.models import CustomJS, SetValue
    slider, text = widgets.children
    slider.js_on_change("value", CustomJS(args=dict(text=text), code="text.value = `${cb_obj.value}`"))
    go = doc.roots[0].children[3]
    go.js_on_event("button_click", SetValue(obj=text, attr="value", value="went"))
    doc.js_on_event("document_ready", CustomJS(code="console.log('ready')"))
    with open(out_path, "w") as out:
        json.dump(doc.to_json(deferred=False), out)


def write_visuals(out_path):
    p = figure()
    renderers = [
        p.segment(x0="x", y0="y", x1="x", y1="y", color="black", alpha=0.5),
        p.segment(x0="x", y0="y", x1="x", y1="y"),
        p.scatter("x", "y", selection_color="orange", selection_alpha=0.5,
                  nonselection_alpha=0.1, hover_color="white", hover_alpha=0.5),
        p.hspan(y="y"),
        p.vstrip(x0="x", x1="x"),
        p.arc(x="x", y="y", radius=1, start_angle=0, end_angle=1),
        p.bezier(x0="x", y0="y", x1="x", y1="y", cx0="x", cy0="y", cx1="x", cy1="y"),
        p.quadratic(x0="x", y0="y", x1="x", y1="y", cx="x", cy="y"),
        p.ngon(x="x", y="y", radius=1, n=5),
        p.image_url(url="url", x="x", y="y", alpha=0.5),
    ]

    def visuals(glyph):
        if not isinstance(glyph, Model):
            return None
        props = glyph.properties_with_values(include_defaults=False)
        return {k: getattr(v, "value", v) for k, v in props.items()
                if k.endswith("_color") or k.endswith("_alpha")}

    roles = ["glyph", "selection_glyph", "nonselection_glyph", "hover_glyph", "muted_glyph"]
    with open(out_path, "w") as out:
        json.dump([{role: visuals(getattr(r, role)) for role in roles} for r in renderers], out)


def write_range_tool(out_path):
    from bokeh.models import RangeTool

    x = np.linspace(0, 100, 101)
    source = ColumnDataSource(data=dict(x=x, y=np.sin(x / 10)))
    detail = figure(x_range=(20, 40), height=200, tools="")
    detail.line("x", "y", source=source)
    overview = figure(height=150, tools="", toolbar_location=None, x_range=(0, 100))
    overview.line("x", "y", source=source)
    tool = RangeTool(x_range=detail.x_range)
    tool.overlay.fill_color = "navy"
    tool.overlay.fill_alpha = 1.0
    overview.add_tools(tool)
    doc = Document()
    doc.add_root(column(detail, overview))
    with open(out_path, "w") as out:
        json.dump(doc.to_json(deferred=False), out)


def main():
    command, *args = sys.argv[1:]
    if command == "gallery":
        write_gallery(*args)
        return
    if command == "range_tool":
        write_range_tool(*args)
        return
    if command == "visuals":
        write_visuals(*args)
        return
    {"sliders": check_sliders, "same": check_same, "events": check_events, "figure": check_figure,
     "gridplot": check_gridplot}[command](*args)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok {len(compared)}" if compared else "ok")


if __name__ == "__main__":
    main()
