"""Two stocks' returns and closes, as gallery/src/stocks.rs builds it, for `bokeh serve`."""
import gzip
import json
from datetime import date
from pathlib import Path

import numpy as np
from bokeh.io import curdoc
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, PreText, Select
from bokeh.plotting import figure

STOCKS = json.load(gzip.open(Path(__file__).parents[3] / "gallery/data/stocks.json.gz"))
TICKERS = ["AAPL", "GOOG", "IBM", "MSFT", "FB"]


def nix(val):
    return [t for t in TICKERS if t != val]


def get_data(t1, t2):
    """Date, closes and returns (close.diff()) on the days both stocks have."""
    a, b = STOCKS[t1], STOCKS[t2]
    day_b = {d: k for k, d in enumerate(b["date"])}
    rows = [(i, day_b[d]) for i, d in enumerate(a["date"]) if i > 0 and day_b.get(d, 0) > 0]
    ms = lambda d: (date.fromisoformat(d) - date(1970, 1, 1)).days * 86400e3  # noqa: E731
    ca, cb = a["close"], b["close"]
    return dict(date=[ms(a["date"][i]) for i, _ in rows], t1=[ca[i] for i, _ in rows], t2=[cb[k] for _, k in rows],
                t1_returns=[ca[i] - ca[i - 1] for i, _ in rows], t2_returns=[cb[k] - cb[k - 1] for _, k in rows])


def describe(names, cols):
    """pandas' describe() of the columns, as text."""
    stats = [("count", len), ("mean", np.mean), ("std", lambda a: np.std(a, ddof=1)), ("min", np.min),
             ("25%", lambda a: np.quantile(a, 0.25)), ("50%", np.median), ("75%", lambda a: np.quantile(a, 0.75)),
             ("max", np.max)]
    out = " " * 6 + "".join(f"{n:>14}" for n in names)
    for name, f in stats:
        out += f"\n{name:<6}" + "".join(f"{f(np.array(c)):>14.6f}" for c in cols)
    return out


source = ColumnDataSource(data=dict(date=[], t1=[], t2=[], t1_returns=[], t2_returns=[]))
source_static = ColumnDataSource(data=dict(date=[], t1=[], t2=[], t1_returns=[], t2_returns=[]))
corr = figure(width=370, height=350, min_border_left=60, tools="pan,wheel_zoom,box_select,reset")
corr.scatter("t1_returns", "t2_returns", size=3, source=source, selection_color="orange", alpha=0.8,
             nonselection_alpha=0.1, selection_alpha=0.5)
ts1 = figure(width=900, height=200, x_axis_type="datetime", tools="pan,wheel_zoom,xbox_select,reset",
             active_drag="xbox_select")
ts1.line("date", "t1", source=source_static)
ts1.scatter("date", "t1", size=3, source=source, color=None, selection_color="orange")
ts2 = figure(width=900, height=200, x_axis_type="datetime", tools="pan,wheel_zoom,xbox_select,reset",
             active_drag="xbox_select", x_range=ts1.x_range)
ts2.line("date", "t2", source=source_static)
ts2.scatter("date", "t2", size=3, source=source, color=None, selection_color="orange")
stats = PreText(text="", width=500)
ticker1 = Select(value="AAPL", options=nix("GOOG"))
ticker2 = Select(value="GOOG", options=nix("AAPL"))


def update_stats(data, rows):
    t1, t2 = ticker1.value, ticker2.value
    names = [f"Close_{t1}", f"Close_{t2}", f"Returns_{t1}", f"Returns_{t2}"]
    cols = [data[c] for c in ("t1", "t2", "t1_returns", "t2_returns")]
    stats.text = describe(names, [np.array(c)[rows] if rows else c for c in cols])


def update():
    t1, t2 = ticker1.value, ticker2.value
    data = get_data(t1, t2)
    source.data = data
    source.selected.indices = []
    source_static.data = data
    corr.title.text = f"{t1} returns vs. {t2} returns"
    ts1.title.text, ts2.title.text = t1, t2
    update_stats(data, [])


def ticker_change(this, other):
    def change(attr, old, new):
        other.options = nix(new)
        update()
    return change


ticker1.on_change("value", ticker_change(ticker1, ticker2))
ticker2.on_change("value", ticker_change(ticker2, ticker1))
source.selected.on_change("indices", lambda attr, old, new: update_stats(get_data(ticker1.value, ticker2.value), new))
update()
widgets = column(row(ticker1, ticker2), stats)
curdoc().add_root(column(row(corr, widgets), column(ts1, ts2)))
curdoc().title = "Stocks"
