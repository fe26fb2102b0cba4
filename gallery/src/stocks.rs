//! Bokeh's "stocks" demo: two stocks' daily returns against each other and their closes
//! over time; selecting points (box select) recomputes the statistics shown beside them.

use rokeh::core::{ColumnData, Date, Spec};
use rokeh::document::{CallbackResult, Document, Id};
use rokeh::models::{
    column, row, ColumnDataSource, Figure, Line, PreText, Scatter, Select, SelectOptions,
    Selection, Title,
};
use rokeh::plotting::{figure, AxisType, FigureArgs, RangeArg};

use crate::data::{self, Stocks};

/// The app's data file, for `App::with_files`.
pub const STOCKS_FILE: &str = data::data_path!("stocks.json.gz");
const TICKERS: [&str; 5] = ["AAPL", "GOOG", "IBM", "MSFT", "FB"];

fn nix(val: &str) -> Vec<&'static str> {
    TICKERS.into_iter().filter(|t| *t != val).collect()
}

/// The two stocks' closes and returns on the days both have (the example's `get_data`).
struct Joined {
    date: Vec<f64>,
    cols: [Vec<f64>; 4], // Close t1, Close t2, Returns t1, Returns t2
}

fn get_data(s: &Stocks, t1: &str, t2: &str) -> Joined {
    let (a, b) = (&s[t1], &s[t2]);
    let mut j = Joined {
        date: vec![],
        cols: Default::default(),
    };
    // Returns are close.diff(): the first day has none and is dropped, as dropna() does.
    for i in 1..a.date.len() {
        if let Some(k) = b.date.binary_search(&a.date[i]).ok().filter(|&k| k > 0) {
            let day = Date::parse(&a.date[i]).expect("ISO dates").to_datetime().0;
            j.date.push(day);
            let values = [
                a.close[i],
                b.close[k],
                a.close[i] - a.close[i - 1],
                b.close[k] - b.close[k - 1],
            ];
            j.cols.iter_mut().zip(values).for_each(|(c, v)| c.push(v));
        }
    }
    j
}

/// pandas' `describe()` of the columns (rows `rows`, every row when empty), as text.
fn describe(names: [String; 4], cols: &[Vec<f64>; 4], rows: &[usize]) -> String {
    let mut out = format!("{:>6}", "");
    names.iter().for_each(|n| out += &format!("{n:>14}"));
    let picked: Vec<Vec<f64>> = cols
        .iter()
        .map(|c| {
            if rows.is_empty() {
                c.clone()
            } else {
                rows.iter().map(|&i| c[i]).collect()
            }
        })
        .collect();
    let stat = |name: &str, f: &dyn Fn(&[f64]) -> f64| {
        let values: String = picked.iter().map(|c| format!("{:>14.6}", f(c))).collect();
        format!("\n{name:<6}{values}")
    };
    let n = |c: &[f64]| c.len() as f64;
    let mean = |c: &[f64]| c.iter().sum::<f64>() / n(c);
    let quantile = |q: f64| {
        move |c: &[f64]| {
            let mut s = c.to_vec();
            s.sort_by(f64::total_cmp);
            let at = q * (n(c) - 1.0);
            let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
            s[lo] + (s[hi] - s[lo]) * (at - at.floor())
        }
    };
    out += &stat("count", &n);
    out += &stat("mean", &mean);
    out += &stat("std", &|c| {
        (c.iter().map(|x| (x - mean(c)).powi(2)).sum::<f64>() / (n(c) - 1.0)).sqrt()
    });
    for (name, q) in [
        ("min", 0.0),
        ("25%", 0.25),
        ("50%", 0.5),
        ("75%", 0.75),
        ("max", 1.0),
    ] {
        out += &stat(name, &quantile(q));
    }
    out
}

pub fn stocks(doc: &mut Document) -> CallbackResult {
    let stocks = data::stocks();
    let source = doc.add(ColumnDataSource::default());
    let source_static = doc.add(ColumnDataSource::default());
    let corr = figure(
        doc,
        FigureArgs {
            width: 370,
            height: 350,
            ..FigureArgs::default()
        },
    );
    doc.set_attr(corr.any(), "min_border_left", 60.into())?;
    let dots = |x: &str, y: &str, alpha: f64, color: Option<&str>| Scatter {
        x: Spec::field(x),
        y: Spec::field(y),
        size: 3.0.into(),
        fill_color: Spec::Value(color.map(Into::into)),
        line_color: Spec::Value(color.map(Into::into)),
        fill_alpha: alpha.into(),
        line_alpha: alpha.into(),
        ..Scatter::default()
    };
    let r = corr.scatter(
        doc,
        source,
        dots("t1_returns", "t2_returns", 0.8, Some("#1f77b4")),
    );
    r.selection_glyph(doc, dots("t1_returns", "t2_returns", 0.5, Some("orange")));
    r.nonselection_glyph(doc, dots("t1_returns", "t2_returns", 0.1, Some("#1f77b4")));
    let series = |doc: &mut Document, y: &str, x_range| {
        let args = FigureArgs {
            width: 900,
            height: 200,
            x_axis_type: AxisType::Datetime,
            x_range,
            ..FigureArgs::default()
        };
        let ts = figure(doc, args);
        ts.line(
            doc,
            source_static,
            Line {
                x: Spec::field("date"),
                y: Spec::field(y),
                ..Line::default()
            },
        );
        let r = ts.scatter(doc, source, dots("date", y, 1.0, None));
        r.selection_glyph(doc, dots("date", y, 1.0, Some("orange")));
        ts
    };
    let ts1 = series(doc, "t1", RangeArg::Auto);
    let shared = doc
        .get(ts1, Figure::X_RANGE)
        .expect("a figure has an x range");
    let ts2 = series(doc, "t2", RangeArg::Shared(shared));
    let stats = doc.add(PreText::default());
    doc.set_attr(stats.any(), "width", 500.into())?;
    let ticker1 = doc.add(Select::new("", "AAPL", nix("GOOG")));
    let ticker2 = doc.add(Select::new("", "GOOG", nix("AAPL")));
    let selected = source.selected(doc);

    let tickers = move |doc: &Document| {
        let t = |s: Id<Select>| {
            doc.get(s, Select::VALUE)
                .as_str()
                .unwrap_or("AAPL")
                .to_owned()
        };
        (t(ticker1), t(ticker2))
    };
    let update_stats = move |doc: &mut Document, data: &Joined, rows: &[usize]| {
        let (t1, t2) = tickers(doc);
        let names = [
            ("Close", &t1),
            ("Close", &t2),
            ("Returns", &t1),
            ("Returns", &t2),
        ];
        let names = names.map(|(what, t)| format!("{what}_{t}"));
        doc.set(stats, PreText::TEXT, describe(names, &data.cols, rows))
    };
    let data_of = move |doc: &Document, s: &Stocks| {
        let (t1, t2) = tickers(doc);
        get_data(s, &t1, &t2)
    };
    let update = move |doc: &mut Document, s: &Stocks| -> CallbackResult {
        let (t1, t2) = tickers(doc);
        let data = data_of(doc, s);
        let [c1, c2, r1, r2] = data.cols.clone();
        let columns = ColumnData::from([
            ("date", data.date.clone().into()),
            ("t1", c1.into()),
            ("t2", c2.into()),
            ("t1_returns", r1.into()),
            ("t2_returns", r2.into()),
        ]);
        doc.set(source, ColumnDataSource::DATA, columns.clone())?;
        doc.set(selected, Selection::INDICES, vec![])?;
        doc.set(source_static, ColumnDataSource::DATA, columns)?;
        let title = |doc: &Document, p| doc.get(p, Figure::TITLE).expect("a figure has a title");
        doc.set(
            title(doc, corr),
            Title::TEXT,
            format!("{t1} returns vs. {t2} returns"),
        )?;
        doc.set(title(doc, ts1), Title::TEXT, t1)?;
        doc.set(title(doc, ts2), Title::TEXT, t2)?;
        update_stats(doc, &data, &[])
    };
    for (this, other) in [(ticker1, ticker2), (ticker2, ticker1)] {
        let stocks = stocks.clone();
        doc.on_change(this, Select::VALUE, move |doc, change| {
            let options = nix(change.new.as_str().unwrap_or(""));
            let options = SelectOptions::List(options.into_iter().map(Into::into).collect());
            doc.set(other, Select::OPTIONS, options)?;
            update(doc, &stocks)
        });
    }
    let s = stocks.clone();
    doc.on_change(selected, Selection::INDICES, move |doc, change| {
        let rows: Vec<usize> = change.new.iter().map(|&i| i as usize).collect();
        update_stats(doc, &data_of(doc, &s), &rows)
    });
    update(doc, &stocks)?;

    let pickers = row(doc, [ticker1.any(), ticker2.any()]);
    let widgets = column(doc, [pickers.any(), stats.any()]);
    let main_row = row(doc, [corr.any(), widgets.any()]);
    let series = column(doc, [ts1.any(), ts2.any()]);
    let layout = column(doc, [main_row.any(), series.any()]);
    doc.add_root(layout);
    doc.set_title("Stocks");
    Ok(())
}
