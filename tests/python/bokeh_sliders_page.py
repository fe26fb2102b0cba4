"""Writes the sliders document as real Bokeh draws it statically (BokehJS inlined), for the
benchmarks' reference: `bokeh_sliders_page.py N OUT.html`. The same figure as rokeh's sliders
app over N points; the sliders recompute the sine in the page (CustomJS), since a static
Bokeh page has no Python to run the app's callback."""

import sys

import numpy as np
from bokeh.embed import file_html
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, CustomJS, Slider, TextInput
from bokeh.plotting import figure
from bokeh.resources import INLINE

n, out = int(sys.argv[1]), sys.argv[2]
x = np.linspace(0, 4 * np.pi, n)
source = ColumnDataSource(data=dict(x=x, y=np.sin(x)))
plot = figure(height=400, width=400, title="sine wave", x_range=(0, 4 * np.pi), y_range=(-2.5, 2.5))
plot.line("x", "y", source=source, line_width=3, line_alpha=0.6)

text = TextInput(title="title", value="sine wave")
offset = Slider(title="offset", value=0.0, start=-5.0, end=5.0, step=0.1)
amplitude = Slider(title="amplitude", value=1.0, start=-5.0, end=5.0, step=0.1)
phase = Slider(title="phase", value=0.0, start=0.0, end=2 * np.pi, step=0.1)
freq = Slider(title="frequency", value=1.0, start=0.1, end=5.1, step=0.1)

# What the Python app's update_data does, in the page: a new y column, the source replaced.
update = CustomJS(
    args=dict(source=source, a=amplitude, b=offset, w=phase, k=freq),
    code="""
    const x = source.data.x;
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = a.value * Math.sin(k.value * x[i] + w.value) + b.value;
    source.data = {x, y};
""",
)
for w in [offset, amplitude, phase, freq]:
    w.js_on_change("value", update)
text.js_on_change("value", CustomJS(args=dict(t=plot.title), code="t.text = cb_obj.value"))

inputs = column(text, offset, amplitude, phase, freq)
with open(out, "w") as f:
    f.write(file_html(row(inputs, plot, width=800), INLINE, "sliders"))
