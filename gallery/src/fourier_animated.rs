//! Bokeh's "fourier_animated" demo: the first four harmonics of a square wave, drawn one
//! by one above and summed below, their circles turning one step every 100 ms.

use std::f64::consts::PI;
use std::time::Duration;

use rokeh::core::{ColumnData, Id, Spec, Value};
use rokeh::document::{CallbackResult, Document, DocumentError};
use rokeh::models::{column, CDSView, Circle, ColumnDataSource, Figure, GlyphRenderer};
use rokeh::models::{
    IndexFilter, Legend, Line, MultiLine, Orientation, Scatter, Segment, SourceId,
};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

const PALETTE: [&str; 4] = ["#08519c", "#3182bd", "#6baed6", "#bdd7e7"];
const DASHING: [&str; 4] = ["dotted", "solid", "solid", "solid"];
/// Steps in a turn.
const N: usize = 100;
/// The harmonics' frequencies; each one's amplitude is 4 / (π w).
const W: [f64; 4] = [1.0, 3.0, 5.0, 7.0];
const XOFF: f64 = 2.5;

fn nums(values: impl IntoIterator<Item = f64>) -> Value {
    values.into_iter().collect::<Vec<f64>>().into()
}

fn field<T>(name: &str) -> Spec<T> {
    Spec::field(name)
}

fn source(doc: &mut Document, columns: impl IntoIterator<Item = (String, Value)>) -> SourceId {
    let data = ColumnData(columns.into_iter().collect());
    doc.add(ColumnDataSource { data }).into()
}

/// Each term's dot, its line to the sum plot's edge and its circle's centre at step `i`.
fn term_data(i: usize) -> Vec<(String, Value)> {
    let turn = |w: f64| 2.0 * PI * w * i as f64 / N as f64;
    let x = W.map(|w| 4.0 / PI / w * turn(w).cos());
    let y = W.map(|w| 4.0 / PI / w * turn(w).sin());
    let sums = |v: [f64; 4]| [vec![0.0], np::cumsum(v[..].into()).to_vec()].concat();
    let (xsum, ysum) = (sums(x), sums(y));
    let lines = |v: [f64; 4], to: fn(f64) -> [f64; 3]| Value::List(v.map(|e| nums(to(e))).into());
    let columns = [
        ("xterm-dot", nums(x)),
        ("yterm-dot", nums(y)),
        ("xterm-line", lines(x, |xx| [0.0, xx, 2.5])),
        ("yterm-line", lines(y, |yy| [0.0, yy, yy])),
        ("xsum-dot", nums(xsum[1..].to_vec())),
        ("ysum-dot", nums(ysum[1..].to_vec())),
        ("xsum-circle", nums(xsum[..4].to_vec())),
        ("ysum-circle", nums(ysum[..4].to_vec())),
    ];
    columns
        .map(|(name, values)| (name.to_owned(), values))
        .into()
}

/// A plot of the demo's size and ranges, without tools; its x axis and grid end at the
/// circles' edge, its axes ask for 8 ticks.
fn plot(doc: &mut Document, title: &str) -> Result<Id<Figure>, DocumentError> {
    let xend = XOFF + 2.0 * PI * (N - 1) as f64 / N as f64;
    let args = FigureArgs {
        title: title.into(),
        width: 820,
        height: 400,
        x_range: (-2.5, xend).into(),
        y_range: (-2.5, 2.5).into(),
        tools: String::new(),
        toolbar_location: None,
        ..FigureArgs::default()
    };
    let p = figure(doc, args);
    for axis in p.xaxis(doc).into_iter().chain(p.yaxis(doc)) {
        let ticker = doc.get_attr(axis, "ticker")?;
        if let Some(ticker) = ticker.as_ref_id().and_then(|t| doc.lookup(t)) {
            doc.set_attr(ticker, "desired_num_ticks", 8.into())?;
        }
    }
    let xgrids = p.grids(doc, 0).into_iter().map(|g| g.any());
    for model in p.xaxis(doc).into_iter().chain(xgrids) {
        let bounds = Value::List(vec![Value::Float(-2.5), Value::Float(2.5)]);
        doc.set_attr(model, "bounds", bounds)?;
    }
    Ok(p)
}

pub fn fourier_animated(doc: &mut Document) -> CallbackResult {
    let x: Vec<f64> = (0..N).map(|i| 2.0 * PI * i as f64 / N as f64).collect();
    let terms = W.map(|w| np::sin(x.iter().map(|x| w * x).collect()).map(|y| 4.0 / PI / w * y));
    let sum = nums((0..N).map(|j| terms.iter().map(|t| t[j]).sum()));
    let ys = (0..4).map(|i| (format!("y{i}"), nums(terms[i].to_vec())));
    let x = ("x".to_owned(), nums(x.iter().map(|x| x + XOFF)));
    let lines = source(doc, ys.chain([("y".to_owned(), sum), x]));
    let texts = |values: [&str; 4]| Value::from(values.map(String::from).to_vec());
    let r = ("r".to_owned(), nums(W.map(|w| 4.0 / PI / w)));
    let styles = [
        ("color".to_owned(), texts(PALETTE)),
        ("dashing".to_owned(), texts(DASHING)),
    ];
    let items = source(doc, [r].into_iter().chain(styles).chain(term_data(0)));
    let ring = |x, y| Circle {
        x,
        y,
        fill_color: Spec::Value(None),
        line_color: field("color"),
        line_dash: field("dashing"),
        line_width: 2.0.into(),
        ..Circle::new(field("r"))
    };
    // Coloured by the items' "color" column, as Python's `color="color"`.
    let dots = |x, y| Scatter {
        x: field(x),
        y: field(y),
        size: 5.0.into(),
        ..Scatter::default()
    };
    let line = |y: &str, color: &str| Line {
        line_color: Some(color.into()),
        line_width: 2.0,
        ..Line::new("x", y)
    };

    let terms = plot(doc, "First four square-wave harmonics, individually")?;
    terms.circle(doc, items, ring(0.0.into(), 0.0.into()));
    for (i, w) in ["", "3", "5", "7"].into_iter().enumerate() {
        let renderer = terms.line(doc, lines, line(&format!("y{i}"), PALETTE[i]));
        terms.legend_label(doc, &format!("4sin({w}x)/{w}pi"), renderer);
    }
    terms.scatter(doc, items, dots("xterm-dot", "yterm-dot").color("color"));
    let spokes = MultiLine {
        xs: field("xterm-line"),
        ys: field("yterm-line"),
        ..MultiLine::default()
    };
    terms.multi_line(doc, items, spokes.color("color"));
    let legend = terms.legend(doc);
    doc.set(legend, Legend::LOCATION, Value::str("top_right"))?;
    doc.set(legend, Legend::ORIENTATION, Orientation::Horizontal)?;

    let summed = plot(doc, "First four square-wave harmonics, summed")?;
    summed.line(doc, lines, line("y", "orange"));
    summed.circle(doc, items, ring(field("xsum-circle"), field("ysum-circle")));
    summed.scatter(doc, items, dots("xsum-dot", "ysum-dot").color("color"));
    // The last term's line alone, from the sum's dot to the summed wave.
    let reach = Segment {
        x0: field("xsum-dot"),
        y0: field("ysum-dot"),
        x1: 2.5.into(),
        y1: field("ysum-dot"),
        ..Segment::default()
    };
    let reach = summed.segment(doc, items, reach.color("orange"));
    let last = doc.add(IndexFilter {
        indices: Some(vec![3]),
    });
    let view = doc.add(CDSView {
        filter: Some(last.any()),
    });
    doc.set(reach, GlyphRenderer::VIEW, Some(view.any()))?;

    let mut step = 0;
    doc.add_periodic_callback(Duration::from_millis(100), move |doc| {
        step = (step + 1) % N;
        let names = ["y0", "y1", "y2", "y3", "y"];
        let rolled = names.iter().filter_map(|&name| {
            let mut y = doc.column_f64(lines, name)?.to_vec();
            y.rotate_left(1);
            Some((name.to_owned(), nums(y)))
        });
        doc.set_columns(lines, rolled.collect())?;
        doc.set_columns(items, term_data(step))
    });
    let layout = column(doc, [terms.any(), summed.any()]);
    doc.add_root(layout);
    doc.set_title("Fourier Animated");
    Ok(())
}
