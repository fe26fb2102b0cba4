"""Random prices streamed every 50 ms, as gallery/src/ohlc.rs builds it, for `bokeh serve`."""
import numpy as np
from bokeh.io import curdoc
from bokeh.layouts import column, gridplot, row
from bokeh.models import ColumnDataSource, Select, Slider
from bokeh.plotting import figure

rng = np.random.default_rng(1)
COLUMNS = "time average low high open close ma macd macd9 macdh color".split()
source = ColumnDataSource({c: [] for c in COLUMNS})
args = dict(tools="xpan,xwheel_zoom,xbox_zoom,reset", y_axis_location="right",
            background_fill_color="#eeeeee")
p = figure(height=500, x_axis_location=None, **args)
p.x_range.follow, p.x_range.follow_interval, p.x_range.range_padding = "end", 100, 0
p.line(x="time", y="average", alpha=0.2, line_width=3, color="navy", source=source)
p.line(x="time", y="ma", alpha=0.8, line_width=2, color="orange", source=source)
p.segment(x0="time", y0="low", x1="time", y1="high", line_width=2, color="black", source=source)
p.segment(x0="time", y0="open", x1="time", y1="close", line_width=8, color="color", source=source)
p2 = figure(height=250, x_range=p.x_range, **args)
p2.line(x="time", y="macd", color="red", source=source)
p2.line(x="time", y="macd9", color="blue", source=source)
p2.segment(x0="time", y0=0, x1="time", y1="macdh", line_width=6, color="black", alpha=0.5, source=source)
mean = Slider(title="mean", value=0, start=-0.01, end=0.01, step=0.001)
stddev = Slider(title="stddev", value=0.04, start=0.01, end=0.1, step=0.01)
AVERAGES = ["12-tick Moving Avg", "26-tick Moving Avg", "12-tick EMA", "26-tick EMA"]
mavg = Select(value=AVERAGES[0], options=AVERAGES)


def moving_avg(prices, days):
    return 100.0 if len(prices) < days else float(np.mean(prices[-days:]))


def ema(prices, days):
    if len(prices) < days or days < 2:
        return prices[-1]
    a = 2.0 / (days + 1)
    return float(sum(a * (1 - a) ** k * prices[days - 1 - k] for k in range(days)) / 0.8647)


t = 0


def update():
    global t
    average = (source.data["average"][-1] if t else 100.0) * rng.lognormal(mean.value, stddev.value)
    high = average * np.exp(abs(rng.gamma(1, 0.03)))
    low = average / np.exp(abs(rng.gamma(1, 0.03)))
    open_, close = low + (high - low) * rng.uniform(0.05, 0.95, 2)
    closes = list(source.data["close"][-25:]) + [close]
    ma = [moving_avg(closes[-12:], 12), moving_avg(closes, 26), ema(closes[-12:], 12), ema(closes, 26)][
        AVERAGES.index(mavg.value)]
    macd = ema(closes[-12:], 12) - ema(closes, 26)
    macd9 = ema(list(source.data["macd"][-25:]) + [macd], 9)
    new = dict(time=[t], open=[open_], high=[high], low=[low], close=[close], average=[average], ma=[ma],
               macd=[macd], macd9=[macd9], macdh=[macd - macd9], color=["green" if open_ < close else "red"])
    t += 1
    source.stream(new, 300)


curdoc().add_root(column(row(mean, stddev, mavg), gridplot([[p], [p2]], toolbar_location="left", width=1000)))
curdoc().add_periodic_callback(update, 50)
curdoc().title = "OHLC"
