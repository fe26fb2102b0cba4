//! Bokeh's "sliders" demo: a sine wave whose amplitude, offset, phase, frequency and
//! title are driven by four sliders and a text input.

use std::f64::consts::PI;

use rokeh::models::{column, row, ColumnDataSource, Figure, Line, Slider, TextInput, Title};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs};
use rokeh::Document;

/// Points on the sine, as in Bokeh's demo.
pub const SINE_POINTS: usize = 200;

pub fn sliders(doc: &mut Document) {
    sliders_with_points(doc, SINE_POINTS)
}

/// The sliders app over `n` points (the benchmarks use a million).
pub fn sliders_with_points(doc: &mut Document, n: usize) {
    let x = np::linspace(0.0, 4.0 * PI, n);
    let y = np::sin(x.clone());
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));

    let plot = figure(
        doc,
        FigureArgs {
            title: "sine wave".into(),
            width: 400,
            height: 400,
            // Bokeh's demo fixes both ranges: the axes stand still as the sine moves.
            x_range: (0.0, 4.0 * PI).into(),
            y_range: (-2.5, 2.5).into(),
            ..FigureArgs::default()
        },
    );
    let line = Line {
        line_width: 3.0,
        line_alpha: 0.6,
        ..Line::default()
    };
    plot.line(doc, source, line);

    let text = doc.add(TextInput {
        title: "title".into(),
        value: "sine wave".into(),
        ..TextInput::default()
    });
    let slider = |doc: &mut Document, title: &str, value, start, end| {
        doc.add(Slider::new(title, value, start, end, 0.1))
    };
    let offset = slider(doc, "offset", 0.0, -5.0, 5.0);
    let amplitude = slider(doc, "amplitude", 1.0, -5.0, 5.0);
    let phase = slider(doc, "phase", 0.0, 0.0, 2.0 * PI);
    let freq = slider(doc, "frequency", 1.0, 0.1, 5.1);

    let title = doc.get(plot, Figure::TITLE).expect("a figure has a title");
    doc.on_change(text, TextInput::VALUE, move |doc, change| {
        doc.set(title, Title::TEXT, change.new.clone())
    });
    for w in [offset, amplitude, phase, freq] {
        doc.on_change(w, Slider::VALUE, move |doc, _| {
            let (a, b) = (
                doc.get(amplitude, Slider::VALUE),
                doc.get(offset, Slider::VALUE),
            );
            let (w, k) = (doc.get(phase, Slider::VALUE), doc.get(freq, Slider::VALUE));
            // numpy's `a * np.sin(k * x + w) + b` over the column as it lies in the
            // document, a cache-sized piece at a time: one pass over memory, not five.
            let x = doc.column_f64(source, "x").unwrap_or_default();
            let y = np::evaluate(x, |x| a * np::sin(k * x + w) + b);
            doc.set_column(source, "y", y)
        });
    }

    let inputs = column(
        doc,
        [
            text.any(),
            offset.any(),
            amplitude.any(),
            phase.any(),
            freq.any(),
        ],
    );
    let layout = row(doc, [inputs.any(), plot.any()]);
    doc.add_root(layout);
    doc.set_title("Sliders");
}
