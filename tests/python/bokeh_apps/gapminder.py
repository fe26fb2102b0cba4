"""Gapminder's bubbles by year, as gallery/src/gapminder.rs builds it, for `bokeh serve`."""
import gzip
import json
from pathlib import Path

import numpy as np
from bokeh.io import curdoc
from bokeh.layouts import layout
from bokeh.models import Button, ColumnDataSource, Label, SingleIntervalTicker, Slider
from bokeh.palettes import Spectral6
from bokeh.plotting import figure
from bokeh.transform import factor_cmap

g = json.load(gzip.open(Path(__file__).parents[3] / "gallery/data/gapminder.json.gz"))
years = g["years"]


def year_data(y):
    num = lambda rows: np.array([np.nan if v is None else v for v in rows])  # noqa: E731
    size = np.maximum(np.sqrt(np.nan_to_num(num(g["population"][y]), nan=0) / np.pi) / 200, 3)
    return dict(Country=g["countries"], fertility=num(g["fertility"][y]), life=num(g["life"][y]),
                population=size, region=[r or "" for r in g["region"]])


source = ColumnDataSource(data=year_data(0))
plot = figure(x_range=(1, 9), y_range=(20, 100), title="Gapminder Data", height=300, tooltips="@Country",
              x_axis_label="Children per woman (total fertility)", y_axis_label="Life expectancy at birth (years)")
plot.xaxis.ticker = SingleIntervalTicker(interval=1)
plot.yaxis.ticker = SingleIntervalTicker(interval=20)
label = Label(x=1.1, y=22, text=str(years[0]), text_font_size="80px", text_color="#eeeeee")
plot.add_layout(label)
plot.scatter(x="fertility", y="life", size="population", source=source,
             fill_color=factor_cmap("region", Spectral6, g["regions"]), fill_alpha=0.8,
             line_color="#7c7e71", line_width=0.5, line_alpha=0.5, legend_group="region")
slider = Slider(start=years[0], end=years[-1], value=years[0], step=1, title="Year")


def slider_update(attr, old, new):
    label.text = str(int(new))
    source.data = year_data(years.index(int(new)) if int(new) in years else 0)


slider.on_change("value", slider_update)
button = Button(label="► Play", width=60)
callback = None


def animate():
    year = slider.value + 1
    slider.value = years[0] if year > years[-1] else year


def play():
    global callback
    if button.label == "► Play":
        button.label = "❚❚ Pause"
        callback = curdoc().add_periodic_callback(animate, 200)
    else:
        button.label = "► Play"
        curdoc().remove_periodic_callback(callback)


button.on_event("button_click", play)
curdoc().add_root(layout([[plot], [slider, button]], sizing_mode="scale_width"))
curdoc().title = "Gapminder"
