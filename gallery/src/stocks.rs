//! Bokeh's "stocks" demo: two stocks' daily returns against each other and their closes
//! over time; selecting points (box select) recomputes the statistics shown beside them.

use rokeh::core::{ColumnData, Date, Spec, Value};
use rokeh::document::{CallbackResult, Document, Id};
use rokeh::models::{
    column, row, ColumnDataSource, Figure, LayoutDom, Line, PreText, Scatter, Select, Selection,
    Title,
};
use rokeh::np::{self, Array};
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

pub fn stocks(doc: &mut Document) -> CallbackResult {
    let stocks = data::stocks();
    let source = doc.add(ColumnDataSource::default());
    let source_static = doc.add(ColumnDataSource::default());
    let corr = figure(
        doc,
        FigureArgs {
            width: 370,
            height: 350,
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
    let r = corr.scatter(
        doc,
        source,
        dots("t1_returns", "t2_returns", 0.8, Some("#1f77b4")),
    );
    r.selection_visuals(doc, Some("orange"), Some(0.5));
    r.nonselection_visuals(doc, None, Some(0.1));
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
        ts.line(doc, source_static, Line::new("date", field));
        let r = ts.scatter(doc, source, dots("date", field, 1.0, None));
        r.selection_visuals(doc, Some("orange"), None);
        ts
    };
    let ts1 = series(doc, "t1", RangeArg::Auto);
    let shared = doc.get(ts1, Figure::X_RANGE).expect("a range");
    let ts2 = series(doc, "t2", RangeArg::Shared(shared));
    let stats = doc.add(PreText::default());
    doc.set(stats, PreText::WIDTH, Some(500))?;
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
        let all: Vec<usize> = (0..data[0].len()).collect();
        let rows = if rows.is_empty() { &all } else { rows }; // none selected: all
        let col = |i: usize| (name(i), Array::from(data[i + 1].clone()).take(rows));
        doc.set(stats, PreText::TEXT, np::describe(&[0, 1, 2, 3].map(col)))
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
        let text = format!("{t1} returns vs. {t2} returns");
        doc.set(corr.title(doc), Title::TEXT, text)?;
        doc.set(ts1.title(doc), Title::TEXT, t1)?;
        doc.set(ts2.title(doc), Title::TEXT, t2)?;
        update_stats(doc, &data, &[])
    };
    for (this, other) in [(ticker1, ticker2), (ticker2, ticker1)] {
        let stocks = stocks.clone();
        doc.on_change(this, Select::VALUE, move |doc, change| {
            doc.set(other, Select::OPTIONS, nix(&text(&change.new)))?;
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
