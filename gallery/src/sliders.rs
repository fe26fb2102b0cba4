//! Bokeh's "sliders" demo: a sine wave whose amplitude, offset, phase, frequency and
//! title are driven by four sliders and a text input.

use std::f64::consts::PI;

use rokeh::core::AnyId;
use rokeh::models::{column, row, ColumnDataSource, Figure, Line, Slider, TextInput, Title};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs, DEFAULT_TOOLS};
use rokeh::Document;

use crate::points_argument;

/// Points on the sine, as in Bokeh's demo.
pub const SINE_POINTS: usize = 200;

/// The sliders app over the points its session's `?N=` asks for (the benchmarks draw a
/// million), else [`SINE_POINTS`].
pub fn sliders(doc: &mut Document) {
    let n = points_argument(doc).unwrap_or(SINE_POINTS);
    sliders_with_points(doc, n)
}

/// The sliders app over `n` points.
pub fn sliders_with_points(doc: &mut Document, n: usize) {
    let explorer = sine_explorer(doc, n, "sine wave", DEFAULT_TOOLS);
    let inputs = column(doc, explorer.inputs);
    let layout = row(doc, [inputs.any(), explorer.plot.any()]);
    doc.add_root(layout);
    doc.set_title("Sliders");
}

/// The sine's plot and the inputs that drive it, for an app to lay out.
pub(crate) struct SineExplorer {
    /// The title input and the four sliders, top to bottom.
    pub inputs: Vec<AnyId>,
    pub plot: rokeh::core::Id<Figure>,
}

/// The sine over `n` points in a plot titled `title` with `tools`, and its inputs.
pub(crate) fn sine_explorer(
    doc: &mut Document,
    n: usize,
    title: &str,
    tools: &str,
) -> SineExplorer {
    let x = np::linspace(0.0, 4.0 * PI, n);
    let y = np::sin(x.clone());
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));

    let plot = figure(
        doc,
        FigureArgs {
            title: title.into(),
            tools: tools.into(),
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
        value: title.into(),
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

    let sliders = [offset, amplitude, phase, freq].map(|w| w.any());
    SineExplorer {
        inputs: [text.any()].into_iter().chain(sliders).collect(),
        plot,
    }
}
