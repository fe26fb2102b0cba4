//! Bokeh's "hold_app" demo: a slider rescales a parabola, and three buttons hold the
//! document's changes (combining them, or collecting every one) until "unhold" lets them
//! out together.

use rokeh::core::Spec;
use rokeh::document::{CallbackResult, Document, EventKind, HoldPolicy};
use rokeh::models::{column, row, Button, ColumnDataSource, Div, LayoutDom, Line, Scatter, Slider};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

const TEXT: &str = r#"
<p>Bokeh Documents can be configured to "hold" property change events until a
corresponding "unhold" is issued. There are two modes. In "collect" mode, all
held events are replayed in order when "unhold" is called. In "combine" mode,
Bokeh will coalesce events so that at most one event per property is issued.</p>
<p>Click "combine" or "collect" below, and scrub the slider. Then click "unhold"
to see the result.</p>
"#;

pub fn hold_app(doc: &mut Document) -> CallbackResult {
    let x = np::linspace(0.0, 2.0, 1000);
    let y = x.clone().map(|x| 1.0 - (x - 1.0).powi(2));
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y.clone())]));
    let p = figure(
        doc,
        FigureArgs {
            toolbar_location: None,
            background_fill_color: Some("#fafafa".into()),
            ..FigureArgs::default()
        },
    );
    let ticks = doc.add(ColumnDataSource::new([("y", np::arange(0.0, 11.0, 1.0))]));
    let dots = Scatter {
        x: Spec::Value(1.0),
        ..Scatter::default()
    };
    p.scatter(doc, ticks, dots);
    p.line(doc, source, Line::default().color("orange"));

    let slider = doc.add(Slider::new("", 1.0, 0.0, 10.0, 0.1));
    doc.on_change(slider, Slider::VALUE, move |doc, change| {
        doc.set_column(source, "y", change.new * y.clone())
    });
    let button = |doc: &mut Document, label: &str, hold: fn(&mut Document)| {
        let b = doc.add(Button {
            label: label.into(),
            ..Button::default()
        });
        doc.on_event(b, EventKind::ButtonClick, move |doc, _| {
            hold(doc);
            Ok(())
        });
        b.any()
    };
    let combine = button(doc, "hold combine", |doc| {
        doc.hold_with(HoldPolicy::Combine)
    });
    let collect = button(doc, "hold collect", |doc| {
        doc.hold_with(HoldPolicy::Collect)
    });
    let unhold = button(doc, "unhold", Document::unhold);
    let div = doc.add(Div {
        text: TEXT.into(),
        ..Div::default()
    });
    doc.set(div, Div::WIDTH, Some(600))?;
    let controls = column(doc, [slider.any(), combine, collect, unhold]);
    let side = column(doc, [div.any(), controls.any()]);
    let layout = row(doc, [p.any(), side.any()]);
    doc.add_root(layout);
    Ok(())
}
