//! Bokeh's "ohlc" demo: random prices streamed every 50 ms (the last 300 kept) as
//! open-high-low-close bars under a moving average, and the MACD below, sharing the x
//! range that follows the newest tick.

use std::time::Duration;

use rokeh::core::{Spec, Value};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::{
    column, gridplot_with, row, ColumnDataSource, DataRange1d, GridplotArgs, Line, Place, Segment,
    Select, Slider, StartEnd,
};
use rokeh::np::random::Rng;
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals, RangeArg};

const AVERAGES: &str = "12-tick Moving Avg,26-tick Moving Avg,12-tick EMA,26-tick EMA";
const COLUMNS: [&str; 10] = [
    "time", "average", "low", "high", "open", "close", "ma", "macd", "macd9", "macdh",
];

/// The mean of the last `days` prices; 100 until there are that many.
fn moving_avg(prices: &[f64], days: usize) -> f64 {
    if prices.len() < days {
        return 100.0;
    }
    prices[prices.len() - days..].iter().sum::<f64>() / days as f64
}

/// The example's EMA: `convolve(prices, a(1-a)^k, "valid")[0] / 0.8647`.
fn ema(prices: &[f64], days: usize) -> f64 {
    if prices.len() < days || days < 2 {
        return prices[prices.len() - 1];
    }
    let a = 2.0 / (days as f64 + 1.0);
    let weighted: f64 = (0..days)
        .map(|k| a * (1.0 - a).powi(k as i32) * prices[days - 1 - k])
        .sum();
    weighted / 0.8647
}

fn tail(v: &[f64], n: usize) -> &[f64] {
    &v[v.len().saturating_sub(n)..]
}

pub fn ohlc(doc: &mut Document) -> CallbackResult {
    let mut data: Vec<(&str, Value)> = COLUMNS.map(|c| (c, Vec::<f64>::new().into())).to_vec();
    data.push(("color", Vec::<String>::new().into()));
    let data = data.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let source = doc.add(ColumnDataSource { data });
    let x_range = doc.add(DataRange1d {
        follow: Some(StartEnd::End),
        follow_interval: Some(100.0),
        range_padding: 0.0,
        ..DataRange1d::default()
    });
    let args = |height| FigureArgs {
        height,
        x_range: RangeArg::Shared(x_range.any()),
        y_axis_location: Some(Place::Right),
        tools: "xpan,xwheel_zoom,xbox_zoom,reset".into(),
        background_fill_color: Some("#eeeeee".into()),
        ..FigureArgs::default()
    };
    let no_x_axis = FigureArgs {
        x_axis_location: None,
        ..args(500)
    };
    let p = figure(doc, no_x_axis);
    let line = |y: &str, alpha, width, color: &str| Line {
        x: Spec::field("time"),
        y: Spec::field(y),
        line_alpha: alpha,
        line_width: width,
        line_color: Some(color.into()),
        ..Line::default()
    };
    let segment = |y0: &str, y1: &str, width: f64| Segment {
        x0: Spec::field("time"),
        x1: Spec::field("time"),
        y0: Spec::field(y0),
        y1: Spec::field(y1),
        line_width: width.into(),
        ..Segment::default()
    };
    p.line(doc, source, line("average", 0.2, 3.0, "navy"));
    p.line(doc, source, line("ma", 0.8, 2.0, "orange"));
    p.segment(doc, source, segment("low", "high", 2.0).color("black"));
    let bars = Segment {
        line_color: Spec::field("color"),
        ..segment("open", "close", 8.0)
    };
    p.segment(doc, source, bars);
    let p2 = figure(doc, args(250));
    p2.line(doc, source, line("macd", 1.0, 1.0, "red"));
    p2.line(doc, source, line("macd9", 1.0, 1.0, "blue"));
    let bars = Segment {
        y0: 0.0.into(),
        ..segment("macdh", "macdh", 6.0)
    };
    p2.segment(doc, source, bars.color("black").alpha(0.5));
    let mean = doc.add(Slider::new("mean", 0.0, -0.01, 0.01, 0.001));
    let stddev = doc.add(Slider::new("stddev", 0.04, 0.01, 0.1, 0.01));
    let mavg = doc.add(Select::new("", "12-tick Moving Avg", AVERAGES.split(',')));

    let mut rng = Rng::seed(1);
    let mut t = 0.0;
    doc.add_periodic_callback(Duration::from_millis(50), move |doc| {
        let col = |doc: &Document, name| doc.column_f64(source, name).unwrap_or_default().to_vec();
        let last_average = col(doc, "average").last().copied().unwrap_or(100.0);
        let (mean, stddev) = (doc.get(mean, Slider::VALUE), doc.get(stddev, Slider::VALUE));
        let average = last_average * rng.lognormal1(mean, stddev);
        let high = average * rng.gamma1(1.0, 0.03).abs().exp();
        let low = average / rng.gamma1(1.0, 0.03).abs().exp();
        let open = low + (high - low) * rng.uniform1(0.05, 0.95);
        let close = low + (high - low) * rng.uniform1(0.05, 0.95);
        let color = if open < close { "green" } else { "red" };
        let mut new_data = vec![("time", t), ("open", open), ("high", high), ("low", low)];
        new_data.extend([("close", close), ("average", average)]);
        let mut closes = col(doc, "close");
        closes.push(close);
        let chosen = doc.get(mavg, Select::VALUE);
        let ma = match AVERAGES.split(',').position(|a| chosen.as_str() == Some(a)) {
            Some(1) => moving_avg(tail(&closes, 26), 26),
            Some(2) => ema(tail(&closes, 12), 12),
            Some(3) => ema(tail(&closes, 26), 26),
            _ => moving_avg(tail(&closes, 12), 12),
        };
        let macd = ema(tail(&closes, 12), 12) - ema(tail(&closes, 26), 26);
        let mut macds = col(doc, "macd");
        macds.push(macd);
        let macd9 = ema(tail(&macds, 26), 9);
        new_data.extend([("ma", ma), ("macd", macd)]);
        new_data.extend([("macd9", macd9), ("macdh", macd - macd9)]);
        let mut rows: Vec<(String, Value)> = new_data
            .into_iter()
            .map(|(c, v)| (c.into(), vec![v].into()))
            .collect();
        rows.push(("color".into(), vec![color.to_owned()].into()));
        t += 1.0;
        doc.stream(source, rows, Some(300))
    });

    let controls = row(doc, [mean.any(), stddev.any(), mavg.any()]);
    let grid_args = GridplotArgs {
        toolbar_location: Some(Place::Left),
        width: Some(1000),
        ..GridplotArgs::default()
    };
    let grid = gridplot_with(doc, [vec![Some(p.any())], vec![Some(p2.any())]], grid_args);
    let layout = column(doc, [controls.any(), grid.any()]);
    doc.add_root(layout);
    doc.set_title("OHLC");
    Ok(())
}
