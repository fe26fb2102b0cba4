"""A scatter with linked histograms, as gallery/src/selection_histogram.rs builds it, for `bokeh serve`."""
import numpy as np
from bokeh.io import curdoc
from bokeh.layouts import gridplot
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure

rng = np.random.default_rng(0)
x = np.concatenate([rng.normal(5, 1, 400) * 100, rng.normal(5, 1, 800) * 50, rng.normal(55, 1, 200) * 10])
y = np.concatenate([rng.normal(10, 1, 400) * 10, rng.normal(5, 1, 800) * 10, rng.normal(4, 1, 200) * 10])
BLUE = "#3A5785"
p = figure(tools="pan,wheel_zoom,box_select,lasso_select,reset", toolbar_location="above", min_border=10,
           min_border_left=50, x_axis_location=None, y_axis_location=None, title="Linked Histograms",
           background_fill_color="#fafafa")
points = ColumnDataSource(dict(x=x, y=y))
p.scatter("x", "y", source=points, size=3, color=BLUE, alpha=0.6)


def histogram(values, vertical):
    counts, edges = np.histogram(values, bins=20)
    top = max(counts) * 1.1
    ranges = dict(x_range=(-top, top), y_range=p.y_range) if vertical else dict(x_range=p.x_range, y_range=(-top, top))
    ph = figure(toolbar_location=None, width=200 if vertical else 600, height=600 if vertical else 200,
                min_border=10, y_axis_location="right", background_fill_color="#fafafa", **ranges)
    if not vertical:
        ph.min_border_left = 50
    (ph.ygrid if vertical else ph.xgrid).grid_line_color = None
    (ph.xaxis if vertical else ph.yaxis).major_label_orientation = np.pi / 4
    zeros = np.zeros(20)
    sources = []
    for heights, fill, alpha, line in [(counts, "white", 1.0, BLUE), (zeros, BLUE, 0.5, None), (zeros, BLUE, 0.1, None)]:
        if vertical:
            data = dict(left=zeros, right=heights, bottom=edges[:-1], top=edges[1:])
        else:
            data = dict(left=edges[:-1], right=edges[1:], bottom=zeros, top=heights)
        sources.append(ColumnDataSource(data))
        ph.quad(source=sources[-1], fill_color=fill, alpha=alpha, line_color=line)
    return ph, edges, sources[1:]


ph, hedges, (hh1, hh2) = histogram(x, False)
pv, vedges, (vh1, vh2) = histogram(y, True)
curdoc().add_root(gridplot([[p, pv], [ph, None]], merge_tools=False))
curdoc().title = "Selection Histogram"


def update(attr, old, new):
    h1 = h2 = v1 = v2 = np.zeros(20)
    if len(new) and len(new) != len(x):
        neg = np.ones(len(x), dtype=bool)
        neg[new] = False
        h1, h2 = np.histogram(x[new], bins=hedges)[0], np.histogram(x[neg], bins=hedges)[0]
        v1, v2 = np.histogram(y[new], bins=vedges)[0], np.histogram(y[neg], bins=vedges)[0]
    hh1.data["top"], hh2.data["top"] = h1, -h2
    vh1.data["right"], vh2.data["right"] = v1, -v2


points.selected.on_change("indices", update)
