//! {{name}}: a rokeh app. `trunk serve` shows it in the browser, running alone;
//! `trunk build --release && cargo run -- serve --show` serves it with sessions kept in
//! sync over Bokeh's protocol (Python's `bokeh.client` can join them).

use rokeh::models::{column, ColumnDataSource, Line, Slider};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs};
use rokeh::{App, Document};

/// A sine wave whose frequency a slider sets.
fn sine(doc: &mut Document) {
    let x = np::linspace(0.0, 10.0, 200);
    let y = np::sin(x.clone());
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
    let plot = figure(
        doc,
        FigureArgs {
            title: "y = sin(k x)".into(),
            ..FigureArgs::default()
        },
    );
    plot.line(doc, source, Line::default());

    let k = doc.add(Slider::new("k", 1.0, 0.1, 5.0, 0.1));
    doc.on_change(k, Slider::VALUE, move |doc, change| {
        let x = np::asarray(doc.column_f64(source, "x").unwrap_or_default());
        doc.set_column(source, "y", np::sin(change.new * x))
    });

    let layout = column(doc, [k.any(), plot.any()]);
    doc.add_root(layout);
    doc.set_title("{{name}}");
}

fn main() {
    // In the browser: the page. Natively: the command line (`serve`, `new`).
    rokeh::run(vec![App::new("{{name}}", sine)]);
}
