"""The Auto MPG cars by any two columns, as gallery/src/crossfilter.rs builds it, for `bokeh serve`."""
import gzip
import json
from pathlib import Path

import numpy as np
from bokeh.io import curdoc
from bokeh.layouts import column, row
from bokeh.models import Select
from bokeh.palettes import Spectral5
from bokeh.plotting import figure

df = json.load(gzip.open(Path(__file__).parents[3] / "gallery/data/autompg.json.gz"))
for c in ("cyl", "yr"):
    df[c] = [f"{v:g}" for v in df[c]]
COLUMNS = sorted(df)
DISCRETE = ["cyl", "mfr", "origin", "yr"]
CONTINUOUS = [c for c in COLUMNS if c not in DISCRETE]
SIZES = [6, 9, 12, 15, 18, 21]


def groups(values, n):
    """pd.qcut(values, n, duplicates="drop") codes, or pd.Categorical codes with few values."""
    distinct = np.unique(values)
    if len(distinct) <= n:
        return np.searchsorted(distinct, values)
    edges = np.unique(np.quantile(values, np.linspace(0, 1, n + 1)))
    return np.minimum(np.searchsorted(edges[1:], values), len(edges) - 2)


def create_figure():
    xs, ys = df[x.value], df[y.value]
    x_title, y_title = x.value.title(), y.value.title()
    kw = {}
    if x.value in DISCRETE:
        kw["x_range"] = sorted(set(xs))
    if y.value in DISCRETE:
        kw["y_range"] = sorted(set(ys))
    p = figure(height=600, width=800, tools="pan,box_zoom,hover,reset", title=f"{x_title} vs {y_title}",
               x_axis_label=x_title, y_axis_label=y_title, background_fill_color="#2F2F2F", **kw)
    p.border_fill_color, p.outline_line_color, p.title.text_color = "#2F2F2F", "#444444", "white"
    for axis in p.axis:
        axis.axis_line_color = axis.axis_label_text_color = axis.major_label_text_color = "white"
        axis.major_tick_line_color = axis.minor_tick_line_color = "white"
    if x.value in DISCRETE:
        p.xaxis.major_label_orientation = np.pi / 4
    p.grid.grid_line_dash, p.grid.grid_line_alpha = [6, 4], 0.3
    sz = [9] * len(xs) if size.value == "None" else [SIZES[g] for g in groups(df[size.value], 6)]
    c = ["#31AADE"] * len(xs) if color.value == "None" else [Spectral5[g] for g in groups(df[color.value], 5)]
    p.scatter(x=xs, y=ys, color=c, size=sz, line_color="white", alpha=0.6)
    return p


x = Select(title="X-Axis", value="mpg", options=COLUMNS)
y = Select(title="Y-Axis", value="hp", options=COLUMNS)
size = Select(title="Size", value="None", options=["None"] + CONTINUOUS)
color = Select(title="Color", value="None", options=["None"] + CONTINUOUS)
controls = column(x, y, color, size, width=200)
layout = row(controls, create_figure())


def update(attr, old, new):
    layout.children[1] = create_figure()


for select in (x, y, size, color):
    select.on_change("value", update)
curdoc().add_root(layout)
curdoc().title = "Crossfilter"
