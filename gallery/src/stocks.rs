//! Bokeh's "stocks" demo: two stocks' daily returns against each other and their closes
//! over time; selecting points (box select) recomputes the statistics shown beside them.

use rokeh::core::{ColumnData, Date, Spec, Value};
use rokeh::document::{CallbackResult, Document, Id};
use rokeh::models::{
    column, row, ColumnDataSource, Figure, Line, PreText, Scatter, Select, SelectOptions,
    Selection, Title,
};
use rokeh::np::Array;
use rokeh::plotting::{figure, Active, AxisType, FigureArgs, RangeArg};

use crate::data::{self, Stocks};

/// The app's data file, for `App::with_files`.
pub const STOCKS_FILE: &str = data::data_path!("stocks.json.gz");
const TICKERS: [&str; 5] = ["AAPL", "GOOG", "IBM", "MSFT", "FB"];

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn nix(val: &str) -> Vec<&'static str> {
    TICKERS.into_iter().filter(|t| *t != val).collect()
}

/// Date, close t1, close t2, returns t1, returns t2 on the days both stocks have (the
/// example's `get_data`). Returns are close.diff(): the first day has none (dropna()).
type Joined = [Vec<f64>; 5];

fn get_data(s: &Stocks, t1: &str, t2: &str) -> Joined {
    let (a, b, mut j) = (&s[t1], &s[t2], Joined::default());
    for i in 1..a.date.len() {
        if let Some(k) = b.date.binary_search(&a.date[i]).ok().filter(|&k| k > 0) {
            let day = Date::parse(&a.date[i]).expect("ISO dates").to_datetime().0;
            let (da, db) = (a.close[i] - a.close[i - 1], b.close[k] - b.close[k - 1]);
            let values = [day, a.close[i], b.close[k], da, db];
            j.iter_mut().zip(values).for_each(|(c, v)| c.push(v));
        }
    }
    j
}

type Stat = fn(&Array) -> f64;

/// pandas' `describe()` of the columns (rows `rows`, every row when empty), as text.
fn describe(names: [String; 4], cols: &[Vec<f64>], rows: &[usize]) -> String {
    let mut out = format!("{:6}", "") + &names.map(|n| format!("{n:>14}")).concat();
    let pick = |c: &Vec<f64>| rows.iter().map(|&i| c[i]).collect();
    let cols: Vec<Array> = cols
        .iter()
        .map(|c| Array::from(if rows.is_empty() { c.clone() } else { pick(c) }))
        .collect();
    let stats: [(&str, Stat); 8] = [
        ("count", |a| a.len() as f64),
        ("mean", Array::mean),
        ("std", |a| a.std(1.0)),
        ("min", Array::min),
        ("25%", |a| a.quantile(0.25)),
        ("50%", |a| a.quantile(0.5)),
        ("75%", |a| a.quantile(0.75)),
        ("max", Array::max),
    ];
    for (name, f) in stats {
        let values: String = cols.iter().map(|a| format!("{:>14.6}", f(a))).collect();
        out += &format!("\n{name:<6}{values}");
    }
    out
}

pub fn stocks(doc: &mut Document) -> CallbackResult {
    let stocks = data::stocks();
    let source = doc.add(ColumnDataSource::default());
    let source_static = doc.add(ColumnDataSource::default());
    let (width, height) = (370, 350);
    let corr = figure(
        doc,
        FigureArgs {
            width,
            height,
            tools: "pan,wheel_zoom,box_select,reset".into(),
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
    let (x, y, blue) = ("t1_returns", "t2_returns", Some("#1f77b4"));
    let r = corr.scatter(doc, source, dots(x, y, 0.8, blue));
    r.selection_glyph(doc, dots(x, y, 0.5, Some("orange")));
    r.nonselection_glyph(doc, dots(x, y, 0.1, blue));
    let series = |doc: &mut Document, field: &str, x_range| {
        let args = FigureArgs {
            width: 900,
            height: 200,
            x_axis_type: AxisType::Datetime,
            x_range,
            tools: "pan,wheel_zoom,xbox_select,reset".into(),
            active_drag: Active::Named("xbox_select".into()),
            ..FigureArgs::default()
        };
        let ts = figure(doc, args);
        let (x, y) = (Spec::field("date"), Spec::field(field));
        ts.line(
            doc,
            source_static,
            Line {
                x,
                y,
                ..Line::default()
            },
        );
        let r = ts.scatter(doc, source, dots("date", field, 1.0, None));
        r.selection_glyph(doc, dots("date", field, 1.0, Some("orange")));
        ts
    };
    let ts1 = series(doc, "t1", RangeArg::Auto);
    let shared = doc.get(ts1, Figure::X_RANGE).expect("a range");
    let ts2 = series(doc, "t2", RangeArg::Shared(shared));
    let stats = doc.add(PreText::default());
    doc.set_attr(stats.any(), "width", 500.into())?;
    let ticker1 = doc.add(Select::new("", "AAPL", nix("GOOG")));
    let ticker2 = doc.add(Select::new("", "GOOG", nix("AAPL")));
    let selected = source.selected(doc);

    let tickers = move |doc: &Document| {
        let t = |s: Id<Select>| text(&doc.get(s, Select::VALUE));
        (t(ticker1), t(ticker2))
    };
    let update_stats = move |doc: &mut Document, data: &Joined, rows: &[usize]| {
        let (t1, t2) = tickers(doc);
        let name = |i: usize| format!("{}_{}", ["Close", "Returns"][i / 2], [&t1, &t2][i % 2]);
        doc.set(
            stats,
            PreText::TEXT,
            describe([0, 1, 2, 3].map(name), &data[1..], rows),
        )
    };
    let data_of = move |doc: &Document, s: &Stocks| {
        let (t1, t2) = tickers(doc);
        get_data(s, &t1, &t2)
    };
    let update = move |doc: &mut Document, s: &Stocks| -> CallbackResult {
        let (t1, t2) = tickers(doc);
        let data = data_of(doc, s);
        let [date, c1, c2, r1, r2] = data.clone();
        let columns = ColumnData::from([
            ("date", date.into()),
            ("t1", c1.into()),
            ("t2", c2.into()),
            ("t1_returns", r1.into()),
            ("t2_returns", r2.into()),
        ]);
        doc.set(source, ColumnDataSource::DATA, columns.clone())?;
        doc.set(selected, Selection::INDICES, vec![])?;
        doc.set(source_static, ColumnDataSource::DATA, columns)?;
        let title = |doc: &Document, p| doc.get(p, Figure::TITLE).expect("a figure has a title");
        let text = format!("{t1} returns vs. {t2} returns");
        doc.set(title(doc, corr), Title::TEXT, text)?;
        doc.set(title(doc, ts1), Title::TEXT, t1)?;
        doc.set(title(doc, ts2), Title::TEXT, t2)?;
        update_stats(doc, &data, &[])
    };
    for (this, other) in [(ticker1, ticker2), (ticker2, ticker1)] {
        let stocks = stocks.clone();
        doc.on_change(this, Select::VALUE, move |doc, change| {
            let options = nix(&text(&change.new));
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
