"""The documents rokeh is compared with BokehJS on (tests/browser/compare.test.mjs): every
glyph, every marker, every axis type, a legend, annotations and the JavaScript BokehJS runs
as it draws (CustomJSTransform, CustomJSFilter, CustomJSExpr, CustomJSTickFormatter and
CustomJSTicker), built with real Python Bokeh. Each glyph gets a colour of its own (COLORS),
so screenshots can be compared glyph by glyph. gallery/src/compare.rs builds the same documents with rokeh's Rust API.

Usage:
    compare_docs.py html OUTDIR       writes OUTDIR/<name>.html (BokehJS, INLINE resources)
                                      and OUTDIR/glyphs.json: each document's glyph colours
    compare_docs.py push URL PREFIX   pushes each document into a rokeh serve session
                                      "<PREFIX>-<name>" of app URL (bokeh.client), then
                                      prints "pushed <name>" for each
"""
import json
import math
import os
import sys

import numpy as np
from bokeh.client import push_session
from bokeh.document import Document
from bokeh.embed import file_html
from bokeh.core.properties import expr
from bokeh.models import (
    Arrow, Band, BoxAnnotation, CDSView, ColumnDataSource, CustomJSExpr, CustomJSFilter,
    CustomJSTickFormatter, CustomJSTicker, CustomJSTransform, FactorRange, GeoJSONDataSource, GraphRenderer,
    Label, LinearColorMapper, MultiLine, Scatter, StaticLayoutProvider,
    NormalHead, Span,
    TeeHead, Whisker,
)
from bokeh.plotting import figure
from bokeh.resources import INLINE
from bokeh.transform import factor_cmap, transform

# Distinct colours, far from each other and from the greys of axes, grids and text.
COLORS = ["#e61919", "#19b419", "#1919e6", "#ff9600", "#dc00dc", "#00bed2", "#8c4600"]
W, H = 400, 300
# A 2 × 2 PNG of COLORS[4] (#dc00dc), for ImageURL (gallery/src/compare.rs has it too).
IMAGE_URL_PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAA"
    "D91JpzAAAAEElEQVR42mO4w3AHiBggFAAwLgbhUbuKnQAAAABJRU5ErkJggg=="
)


def source(**columns):
    # Assigned, not passed to the constructor: its DataFrame check needs pandas.
    s = ColumnDataSource()
    s.data = columns
    return s


def fig(**kw):
    args = dict(width=W, height=H, toolbar_location=None)
    args.update(kw)
    return figure(**args)


def markers(names):
    p = fig(x_range=(0, 8), y_range=(0, 2))
    glyphs = []
    for i, (m, c) in enumerate(zip(names, COLORS)):
        p.scatter([1 + i], [1], marker=m, size=26, fill_color=c, line_color=c, line_width=2)
        glyphs.append((m, c))
    return p, glyphs


def markers1():
    return markers(["circle", "square", "triangle", "diamond", "inverted_triangle", "hex", "star"])


def markers2():
    return markers(["plus", "square_pin", "triangle_pin", "circle_cross", "square_x", "diamond_dot", "hex_dot"])


def markers3():
    return markers(["asterisk", "cross", "x", "y", "dash", "dot", "circle_y"])


def markers4():
    return markers(["circle_x", "circle_dot", "square_cross", "square_dot", "diamond_cross", "triangle_dot", "star_dot"])


def bars():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    p.vbar(x=[1.5], top=[8], width=1, fill_color=c[0], line_color=c[0])
    p.hbar(y=[1.5], left=[3], right=[9], height=1, fill_color=c[1], line_color=c[1])
    p.quad(left=[3], right=[5], bottom=[3], top=[6], fill_color=c[2], line_color=c[2])
    p.rect(x=[7], y=[5], width=2, height=1, angle=0.5, fill_color=c[3], line_color=c[3])
    p.block(x=[6], y=[7], width=3, height=2, fill_color=c[4], line_color=c[4])
    return p, [("vbar", c[0]), ("hbar", c[1]), ("quad", c[2]), ("rect", c[3]), ("block", c[4])]


def hatches():
    # Hatch alone (no fill, no outline), one pattern per quad, at Bokeh's default scale
    # and weight but the last, heavier.
    p = fig(x_range=(0, 8), y_range=(0, 6))
    patterns = ["/", "\\", "x", "+", "o", ".", "v"]
    glyphs = []
    for i, (pattern, c) in enumerate(zip(patterns, COLORS)):
        left, bottom = 0.5 + 2 * (i % 4), 3.5 - 3 * (i // 4)
        p.quad(left=[left], right=[left + 1.6], bottom=[bottom], top=[bottom + 2.2], fill_color=None,
               line_color=None, hatch_pattern=pattern, hatch_color=c, hatch_weight=2 if i == 6 else 1)
        glyphs.append((f"hatch {pattern}", c))
    return p, glyphs


def lines():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    x = np.linspace(0.5, 9.5, 40)
    p.line(x, 8 + np.sin(x), line_color=c[0], line_width=2)
    p.multi_line([[1, 3, 5], [6, 8, 9]], [[5, 6, 5], [6, 7, 5]], line_color=c[1], line_width=2)
    p.step([1, 3, 5, 7, 9], [1, 3, 2, 4, 2], mode="center", line_color=c[2], line_width=2)
    p.segment(x0=[1], y0=[4], x1=[4], y1=[3], line_color=c[3], line_width=3)
    p.ray(x=[6], y=[1], length=3, angle=0.3, line_color=c[4], line_width=2)
    p.line([1, 9], [9.6, 9.6], line_color=c[5], line_width=3, line_dash="dashed")
    return p, [("line", c[0]), ("multi_line", c[1]), ("step", c[2]), ("segment", c[3]), ("ray", c[4]),
               ("dashed", c[5])]


def areas():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    p.varea(x=[0.5, 2, 3.5], y1=[0.5, 1, 0.5], y2=[2, 3, 2.5], fill_color=c[0])
    p.harea(y=[4, 5, 6], x1=[0.5, 1, 0.5], x2=[2, 3, 2.5], fill_color=c[1])
    p.varea_step(x=[5, 6, 7, 8], y1=[0.5, 0.5, 0.5, 0.5], y2=[1, 2, 1.5, 2.5], step_mode="after", fill_color=c[2])
    p.patch([4, 6, 5], [4, 4, 6.5], fill_color=c[3], line_color=c[3])
    p.patches([[7, 9, 9], [1, 2, 1.5]], [[4, 4, 6], [7.5, 7.5, 9.5]], fill_color=c[4], line_color=c[4])
    p.multi_polygons(xs=[[[[6, 9.5, 9.5, 6], [7, 8.5, 8.5, 7]]]], ys=[[[[7, 7, 9.5, 9.5], [7.8, 7.8, 8.8, 8.8]]]],
                     fill_color=c[5], line_color=c[5])
    return p, [("varea", c[0]), ("harea", c[1]), ("varea_step", c[2]), ("patch", c[3]), ("patches", c[4]),
               ("multi_polygons", c[5])]


def radial():
    p = fig(x_range=(0, 10), y_range=(0, 10), match_aspect=False)
    c = COLORS
    p.circle(x=[2], y=[7.5], radius=1.2, fill_color=c[0], line_color=c[0])
    p.wedge(x=[5], y=[7.5], radius=1.5, start_angle=0.3, end_angle=2.5, fill_color=c[1], line_color=c[1])
    p.annular_wedge(x=[8], y=[7.5], inner_radius=0.6, outer_radius=1.5, start_angle=-1, end_angle=2,
                    fill_color=c[2], line_color=c[2])
    p.annulus(x=[2.5], y=[2.5], inner_radius=0.7, outer_radius=1.6, fill_color=c[3], line_color=c[3])
    p.ellipse(x=[7], y=[2.5], width=3, height=1.5, angle=0.4, fill_color=c[4], line_color=c[4])
    return p, [("circle", c[0]), ("wedge", c[1]), ("annular_wedge", c[2]), ("annulus", c[3]), ("ellipse", c[4])]


def curves():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    p.arc(x=[2.5], y=[6.5], radius=1.8, start_angle=0.4, end_angle=2.8, line_color=c[0], line_width=3)
    p.bezier(x0=[0.5], y0=[1], x1=[4.5], y1=[1.5], cx0=[1], cy0=[5], cx1=[4], cy1=[0],
             line_color=c[1], line_width=3)
    p.quadratic(x0=[5.5], y0=[1], x1=[9.5], y1=[1], cx=[7.5], cy=[6], line_color=c[2], line_width=3)
    p.ngon(x=[6.3], y=[7.5], radius=1.2, n=5, fill_color=c[3], line_color=c[3])
    p.ngon(x=[8.7], y=[7.5], radius=0.9, n=6, angle=0.3, fill_color=c[4], line_color=c[4])
    return p, [("arc", c[0]), ("bezier", c[1]), ("quadratic", c[2]), ("ngon", c[3]), ("ngon6", c[4])]


# A GeoJSON text, as Bokeh's geojson examples give one: gallery/src/compare.rs has the same.
GEOJSON = ('{"type": "FeatureCollection", "features": ['
           '{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": '
           '[[[1, 1], [4, 1], [4, 4], [1, 4], [1, 1]], [[2, 2], [3, 2], [3, 3], [2, 2]]]}, "properties": {}}, '
           '{"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": '
           '[[[[6, 1], [9, 1], [7.5, 4], [6, 1]]], [[[6, 6], [9, 6], [9, 9], [6, 6]]]]}, "properties": {}}, '
           '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.5, 7.5]}, "properties": {}}, '
           '{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 9.5], [4, 9.5]]}, '
           '"properties": {}}]}')


def geojson():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    geo = GeoJSONDataSource(geojson=GEOJSON)
    p.patches("xs", "ys", source=geo, fill_color=c[0], line_color=c[0])
    p.scatter("x", "y", source=geo, size=30, fill_color=c[1], line_color=c[1])
    p.multi_line("xs", "ys", source=GeoJSONDataSource(geojson=GEOJSON), line_color=c[2], line_width=3)
    return p, [("patches", c[0]), ("points", c[1]), ("multi_line", c[2])]


def graph():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    g = GraphRenderer()
    g.node_renderer.data_source.data = dict(index=[0, 1, 2, 3])
    g.node_renderer.glyph = Scatter(size=30, fill_color=c[0], line_color=c[0])
    g.edge_renderer.data_source.data = dict(start=[0, 0, 1], end=[1, 2, 3])
    g.edge_renderer.glyph = MultiLine(line_color=c[1], line_width=3)
    g.layout_provider = StaticLayoutProvider(graph_layout={0: (2, 2), 1: (8, 2), 2: (2, 8), 3: (8, 8)})
    p.renderers.append(g)
    return p, [("nodes", c[0]), ("edges", c[1])]


def contour():
    # Contours need contourpy (Python computes the polygons): gallery/src/compare.rs has
    # no Rust twin of this one (compare.test.mjs: PUSHED_ONLY).
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    x, y = np.meshgrid(np.linspace(0, 10, 41), np.linspace(0, 10, 41))
    z = np.hypot(x - 5, y - 5)
    p.contour(x, y, z, levels=[1, 2.5, 4], fill_color=[c[0], c[1]], line_color=c[2], line_width=3)
    return p, [("inner band", c[0]), ("outer band", c[1]), ("lines", c[2])]


def images():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    mapper = LinearColorMapper(palette=[c[0], c[1]], low=0, high=1)
    img = np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
    p.image(image=[img], x=1, y=1, dw=4, dh=3, color_mapper=mapper)
    rgba = np.zeros((2, 2), dtype=np.uint32)
    view = rgba.view(dtype=np.uint8).reshape((2, 2, 4))
    view[:, :, 0] = 0x19
    view[:, :, 1] = 0x19
    view[:, :, 2] = 0xe6
    view[:, :, 3] = 255
    p.image_rgba(image=[rgba], x=6, y=1, dw=3, dh=3)
    p.hex_tile(q=[0, 1], r=[0, 0], size=0.8, fill_color=c[3], line_color=c[3])
    # A 2 × 2 PNG of c[4], inline: no network needed.
    p.image_url(url=[IMAGE_URL_PNG], x=6, y=9, w=3, h=2)
    return p, [
        ("image_low", c[0]), ("image_high", c[1]), ("image_rgba", c[2]), ("hex_tile", c[3]),
        ("image_url", c[4]),
    ]


def categorical():
    factors = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("veg", "leek")]
    p = fig(x_range=FactorRange(factors=factors), y_range=(0, 10))
    data = source(x=factors, top=[3, 6, 9, 4], kind=["fruit", "fruit", "veg", "veg"])
    p.vbar(x="x", top="top", width=0.8, source=data, line_color=None,
           fill_color=factor_cmap("kind", palette=[COLORS[0], COLORS[2]], factors=["fruit", "veg"]))
    return p, [("fruit", COLORS[0]), ("veg", COLORS[2])]


def log_axis():
    p = fig(x_axis_type="log", x_range=(1, 10000), y_range=(0, 10))
    x = [1, 10, 100, 1000, 10000]
    p.line(x, [1, 3, 5, 7, 9], line_color=COLORS[0], line_width=2)
    p.scatter([3, 300], [8, 2], size=14, fill_color=COLORS[2], line_color=COLORS[2])
    return p, [("line", COLORS[0]), ("scatter", COLORS[2])]


DAY = 86_400_000.0
START = 19_783 * DAY  # 2024-03-01


def datetime_axis():
    p = fig(x_axis_type="datetime", y_range=(0, 10))
    x = [START + i * DAY for i in range(0, 31, 3)]
    p.line(x, [1 + (i % 4) * 2 for i in range(len(x))], line_color=COLORS[1], line_width=2)
    return p, [("line", COLORS[1])]


def legend():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    p.scatter([2, 4, 6], [2, 3, 4], size=12, fill_color=COLORS[0], line_color=COLORS[0], legend_label="red")
    p.line([1, 9], [7, 8], line_color=COLORS[2], line_width=3, legend_label="blue")
    data = source(x=[7, 8], y=[2, 3], kind=["a", "b"])
    p.vbar(x="x", top="y", width=0.5, source=data, line_color=None, legend_field="kind",
           fill_color=factor_cmap("kind", palette=[COLORS[3], COLORS[4]], factors=["a", "b"]))
    p.legend.location = "top_left"
    return p, [("scatter", COLORS[0]), ("line", COLORS[2]), ("a", COLORS[3]), ("b", COLORS[4])]


def annotations():
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    p.add_layout(Span(location=8, dimension="width", line_color=c[0], line_width=3))
    p.add_layout(BoxAnnotation(left=1, right=3, bottom=1, top=4, fill_color=c[1], fill_alpha=1, line_color=None))
    band_source = source(base=[4, 6, 8], lower=[1, 2, 1], upper=[3, 4, 2])
    p.add_layout(Band(base="base", lower="lower", upper="upper", source=band_source, fill_color=c[2],
                      fill_alpha=1, line_color=None))
    whisker_source = source(base=[2, 3], lower=[5, 5.5], upper=[7, 6.5])
    p.add_layout(Whisker(base="base", lower="lower", upper="upper", source=whisker_source,
                         line_color=c[3], line_width=2,
                         upper_head=TeeHead(size=10, line_color=c[3], line_width=2),
                         lower_head=TeeHead(size=10, line_color=c[3], line_width=2)))
    p.add_layout(Arrow(x_start=5, y_start=6, x_end=8, y_end=6, line_color=c[4], line_width=2,
                       end=NormalHead(size=16, fill_color=c[4], line_color=c[4])))
    p.add_layout(Label(x=6, y=3, text="label", text_color=c[5], text_font_size="20px"))
    return p, [("span", c[0]), ("box", c[1]), ("band", c[2]), ("whisker", c[3]), ("arrow", c[4]), ("label", c[5])]


def customjs():
    """JavaScript BokehJS runs as it draws: a transform, a filter, an expression, tick labels,
    ticks."""
    p = fig(x_range=(0, 10), y_range=(0, 10))
    c = COLORS
    # y doubled, by a factor given as an argument.
    double = CustomJSTransform(args=dict(k=2), v_func="return xs.map((v) => k * v)")
    data = source(x=[1, 2, 3, 4], y=[1, 1.5, 2, 2.5])
    p.line(x="x", y=transform("y", double), source=data, line_color=c[0], line_width=3)
    # The points right of `limit`, as a boolean per row.
    right = CustomJSFilter(args=dict(limit=4), code="return Array.from(source.data.x, (x) => x > limit)")
    points = source(x=[1, 3, 5, 7, 9], y=[8, 8, 8, 8, 8])
    p.scatter("x", "y", source=points, view=CDSView(filter=right), size=14, fill_color=c[2],
              line_color=c[2])
    # y yielded from the source's x and a model's property (the y range's end).
    falling = CustomJSExpr(args=dict(range=p.y_range),
                           code="for (const x of this.data.x) yield range.end - x - 1")
    p.line(x="x", y=expr(falling), source=source(x=[5, 6, 7, 8, 9]), line_color=c[4], line_width=3)
    # Labels with a unit, in a colour of their own to be compared.
    p.xaxis.formatter = CustomJSTickFormatter(args=dict(unit="m"), code="return `${tick} ${unit}`")
    p.xaxis.major_label_text_color = c[5]
    # Ticks (and so grid lines, in a colour of their own) where the code puts them.
    thirds = CustomJSTicker(major_code="const {start, end} = cb_data.range; "
                                       "return [1, 2, 3].map((i) => start + i * (end - start) / 4)")
    p.yaxis.ticker = thirds
    p.ygrid.ticker = thirds
    p.ygrid.grid_line_color = c[1]
    p.ygrid.grid_line_width = 2
    return p, [("transform", c[0]), ("filter", c[2]), ("expr", c[4]), ("x labels", c[5]),
               ("y ticks", c[1])]


DOCS = {
    "markers1": markers1,
    "markers2": markers2,
    "markers3": markers3,
    "markers4": markers4,
    "bars": bars,
    "hatches": hatches,
    "lines": lines,
    "areas": areas,
    "radial": radial,
    "curves": curves,
    "geojson": geojson,
    "graph": graph,
    "contour": contour,
    "images": images,
    "categorical": categorical,
    "log_axis": log_axis,
    "datetime_axis": datetime_axis,
    "legend": legend,
    "annotations": annotations,
    "customjs": customjs,
}


def write_html(outdir):
    os.makedirs(outdir, exist_ok=True)
    colors = {}
    for name, build in DOCS.items():
        plot, glyphs = build()
        with open(os.path.join(outdir, f"{name}.html"), "w") as f:
            f.write(file_html(plot, INLINE, name))
        colors[name] = [{"glyph": g, "color": c} for g, c in glyphs]
    with open(os.path.join(outdir, "glyphs.json"), "w") as f:
        json.dump(colors, f, indent=1)


def push_all(url, prefix):
    for name, build in DOCS.items():
        doc = Document()
        plot, _ = build()
        doc.add_root(plot)
        # The page shows the title: how the comparison knows the session's document
        # replaced the app's own.
        doc.title = name
        session = push_session(doc, session_id=f"{prefix}-{name}", url=url)
        session.close()
        print(f"pushed {name}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "html":
        write_html(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "push":
        push_all(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
