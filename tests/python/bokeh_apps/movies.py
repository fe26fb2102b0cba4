"""The movies explorer, as gallery/src/movies.rs builds it, for `bokeh serve`."""
import gzip
import json
from itertools import accumulate
from pathlib import Path

import numpy as np
from bokeh.io import curdoc
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, Div, Select, Slider, TextInput
from bokeh.plotting import figure

m = json.load(gzip.open(Path(__file__).parents[3] / "gallery/data/movies.json.gz"))
# The file keeps each cast name once (see tests/python/gallery_data.py): one string per film.
names = m.pop("castNames")
m["cast"] = [", ".join(names[i] for i in accumulate(steps)) for steps in m["cast"]]
m = {k: np.array(v) for k, v in m.items()}
AXES = {"Box Office (dollars)": "boxoffice", "Length (minutes)": "runtime",
        "Number of Reviews": "reviews", "Numeric Rating": "numericRating",
        "Tomato Meter": "meter", "Year": "year"}
GENRES = ("All Action Adventure Animation Biography Comedy Crime Documentary Drama Family Fantasy "
          "History Horror Music Musical Mystery Romance Sci-Fi Short Sport Thriller War Western").split()
razzie = np.isin(np.arange(len(m["title"])), m["razzie"])
color = np.where(razzie, "purple", np.where(m["oscars"] > 0, "orange", "grey"))
alpha = np.where(razzie | (m["oscars"] > 0), 0.9, 0.25)

desc = Div(text="<h1>An Interactive Explorer for Movie Data</h1>", sizing_mode="stretch_width")
reviews = Slider(title="Minimum number of reviews", value=80, start=10, end=300, step=10)
min_year = Slider(title="Year released", start=1940, end=2014, value=1970, step=1)
max_year = Slider(title="End Year released", start=1940, end=2014, value=2014, step=1)
oscars = Slider(title="Minimum number of Oscar wins", start=0, end=4, value=0, step=1)
boxoffice = Slider(title="Dollars at Box Office (millions)", start=0, end=800, value=0, step=1)
genre = Select(title="Genre", value="All", options=GENRES)
director = TextInput(title="Director name contains")
cast = TextInput(title="Cast names contains")
x_axis = Select(title="X Axis", options=list(AXES), value="Tomato Meter")
y_axis = Select(title="Y Axis", options=list(AXES), value="Number of Reviews")

source = ColumnDataSource(data=dict(x=[], y=[], color=[], title=[], year=[], revenue=[], alpha=[]))
TOOLTIPS = [("Title", "@title"), ("Year", "@year"), ("$", "@revenue")]
p = figure(height=600, title="", toolbar_location=None, tooltips=TOOLTIPS, sizing_mode="stretch_width")
p.scatter(x="x", y="y", source=source, size=7, color="color", line_color=None, fill_alpha="alpha")


def update():
    keep = ((m["reviews"] >= reviews.value) & (m["boxoffice"] >= boxoffice.value * 1e6)
            & (m["year"] >= min_year.value) & (m["year"] <= max_year.value) & (m["oscars"] >= oscars.value))
    rows = [i for i in np.flatnonzero(keep)
            if (genre.value == "All" or genre.value in m["genre"][i])
            and director.value.strip() in m["director"][i] and cast.value.strip() in m["cast"][i]]
    x, y = AXES[x_axis.value], AXES[y_axis.value]
    p.xaxis.axis_label, p.yaxis.axis_label = x_axis.value, y_axis.value
    p.title.text = f"{len(rows)} movies selected"
    source.data = dict(x=m[x][rows], y=m[y][rows], color=color[rows], title=m["title"][rows],
                       year=m["year"][rows], revenue=[str(int(b)) for b in m["boxoffice"][rows]],
                       alpha=alpha[rows])


controls = [reviews, boxoffice, genre, min_year, max_year, oscars, director, cast, x_axis, y_axis]
for control in controls:
    control.on_change("value", lambda attr, old, new: update())
inputs = column(*controls, width=320)
update()
curdoc().add_root(column(desc, row(inputs, p, sizing_mode="inherit"), sizing_mode="stretch_width"))
curdoc().title = "Movies"
