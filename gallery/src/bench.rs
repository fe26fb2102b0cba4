//! Apps the benchmarks draw: a scatter of N points whose marker size a slider moves, and
//! a figure of ten glyphs (first paint).

use rokeh::core::{ColorSpec, NdArray, Spec, Value};
use rokeh::models::{
    column, ColumnDataSource, HBar, Line, MarkerType, Patch, Quad, Scatter, Segment, Slider, Step,
    Text, VArea, VBar, Wedge,
};
use rokeh::plotting::{figure, FigureArgs};
use rokeh::Document;

/// Scatter points of the benchmark app by default.
pub const SCATTER_POINTS: usize = 1000;

/// A scatter of `n` points spread over a square (a fixed pseudo-random pattern), and a
/// slider for the markers' size.
pub fn scatter(doc: &mut Document, n: usize) {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let x: Vec<f64> = (0..n).map(|_| next()).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|x| (x * 6.0).sin() * 0.4 + 0.5 + (next() - 0.5) * 0.3)
        .collect();
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
    let plot = figure(
        doc,
        FigureArgs {
            title: format!("{n} points"),
            width: 600,
            height: 600,
            ..FigureArgs::default()
        },
    );
    let renderer = plot.scatter(
        doc,
        source,
        Scatter {
            size: 3.0.into(),
            fill_alpha: 0.5.into(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    let glyph = doc.get(renderer, rokeh::models::GlyphRenderer::GLYPH);
    let size = doc.add(Slider::new("size", 3.0, 1.0, 10.0, 1.0));
    doc.on_change(size, Slider::VALUE, move |doc, change| {
        doc.set_attr(glyph, "size", Value::value_spec(Value::Float(change.new)))
    });
    let layout = column(doc, [size.any(), plot.any()]);
    doc.add_root(layout);
    doc.set_title("Scatter");
}

fn nums(values: &[f64]) -> Value {
    Value::Array(NdArray::from(values.to_vec()))
}

/// One figure with ten glyphs of different kinds.
pub fn ten_glyphs(doc: &mut Document) {
    let plot = figure(
        doc,
        FigureArgs {
            title: "ten glyphs".into(),
            width: 600,
            height: 400,
            x_range: (0.0, 10.0).into(),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    );
    let x: Vec<f64> = (0..200).map(|i| f64::from(i) / 20.0).collect();
    let y: Vec<f64> = x.iter().map(|x| 5.0 + 2.0 * x.sin()).collect();
    let data = doc.add(ColumnDataSource {
        data: rokeh::core::ColumnData(vec![
            ("x".into(), nums(&x)),
            ("y".into(), nums(&y)),
            (
                "top".into(),
                nums(&y.iter().map(|y| y / 3.0).collect::<Vec<_>>()),
            ),
            (
                "text".into(),
                Value::List(
                    (0..200)
                        .map(|i| Value::str(if i % 40 == 0 { "•" } else { "" }))
                        .collect(),
                ),
            ),
        ]),
    });
    let color = |c: &str| -> ColorSpec { c.into() };
    plot.line(doc, data, Line::default());
    plot.scatter(
        doc,
        data,
        Scatter {
            marker: MarkerType::Triangle.into(),
            size: 6.0.into(),
            ..Scatter::default()
        },
    );
    plot.vbar(
        doc,
        data,
        VBar {
            width: 0.03.into(),
            fill_color: color("#ff9600"),
            ..VBar::default()
        },
    );
    plot.step(doc, data, Step::default());
    plot.text(doc, data, Text::default());
    let one = |doc: &mut Document, cols: Vec<(&str, f64)>| {
        doc.add(ColumnDataSource {
            data: rokeh::core::ColumnData(
                cols.into_iter()
                    .map(|(k, v)| (k.to_owned(), nums(&[v])))
                    .collect(),
            ),
        })
    };
    let s = one(
        doc,
        vec![("left", 1.0), ("right", 2.0), ("bottom", 8.0), ("top", 9.0)],
    );
    plot.quad(doc, s, Quad::default());
    let s = one(doc, vec![("y", 9.5), ("right", 6.0)]);
    plot.hbar(
        doc,
        s,
        HBar {
            left: 3.0.into(),
            height: 0.4.into(),
            ..HBar::default()
        },
    );
    let s = one(
        doc,
        vec![
            ("x", 8.0),
            ("y", 8.5),
            ("radius", 1.0),
            ("start_angle", 0.0),
            ("end_angle", 2.0),
        ],
    );
    plot.wedge(doc, s, Wedge::default());
    let s = one(
        doc,
        vec![("x0", 0.5), ("y0", 0.5), ("x1", 9.5), ("y1", 1.5)],
    );
    plot.segment(doc, s, Segment::default());
    let area = doc.add(ColumnDataSource::new([
        ("x", vec![6.0, 7.0, 8.0, 9.0]),
        ("y1", vec![1.0, 1.5, 1.0, 2.0]),
        ("y2", vec![2.5, 3.0, 2.0, 3.5]),
    ]));
    plot.varea(doc, area, VArea::default());
    let tri = doc.add(ColumnDataSource::new([
        ("x", vec![1.0, 3.0, 2.0]),
        ("y", vec![2.0, 2.0, 4.0]),
    ]));
    plot.patch(doc, tri, Patch::default());
    doc.add_root(plot.any());
    doc.set_title("Ten glyphs");
}
