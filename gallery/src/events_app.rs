//! Bokeh's "events_app" demo: a scatter of 4,000 circles whose UI events (taps, presses,
//! pans, pinches, the wheel, the pointer entering and leaving, a selection's geometry, a
//! ranges update, a reset, a click on an axis) and a button's clicks are written into a
//! log beside it, each with the attributes Bokeh's example shows. Bokeh's example logs
//! each twice, from JavaScript into the page and from Python to the terminal; in rokeh the
//! one Rust callback does both jobs, in the page or in the server.

use rokeh::core::{ColumnData, Spec, Value};
use rokeh::document::{CallbackResult, Document, EventKind, UiEvent};
use rokeh::models::{column, row, Button, ButtonType, Circle, ColumnDataSource, Div, LayoutDom};
use rokeh::np::random::Rng;
use rokeh::plotting::{figure, FigureArgs};

/// Lines the log keeps, as Bokeh's example.
const KEPT: usize = 35;
const POINT: &[&str] = &["x", "y", "sx", "sy"];
const PAN: &[&str] = &["x", "y", "sx", "sy", "delta_x", "delta_y"];
const PINCH: &[&str] = &["x", "y", "sx", "sy", "scale"];
const WHEEL: &[&str] = &["x", "y", "sx", "sy", "delta"];
const RANGES: &[&str] = &["x0", "x1", "y0", "y1"];

/// A value as Bokeh's `to_string(value, {precision: 2})` writes it.
fn pretty(value: &Value) -> String {
    match value {
        Value::Float(f) => format!("{f:.2}"),
        Value::Str(s) => format!("\"{s}\""),
        Value::Bool(b) => b.to_string(),
        Value::Map(entries) => {
            let entry =
                |(k, v): &(Value, Value)| format!("{}: {}", k.as_str().unwrap_or("?"), pretty(v));
            format!(
                "{{{}}}",
                entries.iter().map(entry).collect::<Vec<_>>().join(", ")
            )
        }
        Value::List(items) => format!(
            "[{}]",
            items.iter().map(pretty).collect::<Vec<_>>().join(", ")
        ),
        other => other
            .as_f64()
            .map_or_else(|| format!("{other:?}"), |n| n.to_string()),
    }
}

/// The log's line for `event`: its name and `attributes`.
fn line(event: &UiEvent, attributes: &[&str]) -> String {
    let args: Vec<String> = attributes
        .iter()
        .map(|a| format!("{a}={}", event.value(a).map_or("undefined".into(), pretty)))
        .collect();
    format!(
        "<span style='float: left; clear: left; font-size: 13px'><b>{}</b>({})</span>",
        event.kind.name(),
        args.join(", ")
    )
}

pub fn events_app(doc: &mut Document) -> CallbackResult {
    const N: usize = 4000;
    let mut rng = Rng::seed(11);
    let x = rng.uniform(0.0, 100.0, N).to_vec();
    let y = rng.uniform(0.0, 100.0, N).to_vec();
    let radii = rng.uniform(0.0, 1.5, N).to_vec();
    let rgb = |x: f64, y: f64| {
        format!(
            "#{:02x}{:02x}96",
            (50.0 + 2.0 * x) as u8,
            (30.0 + 2.0 * y) as u8
        )
    };
    let colors: Vec<String> = x.iter().zip(&y).map(|(&x, &y)| rgb(x, y)).collect();
    let columns = [
        ("x", x.into()),
        ("y", y.into()),
        ("radius", radii.into()),
        ("color", colors.into()),
    ];
    let data = ColumnData(
        columns
            .map(|(k, v): (&str, Value)| (k.to_owned(), v))
            .to_vec(),
    );
    let source = doc.add(ColumnDataSource { data });
    let tools =
        "pan,wheel_zoom,zoom_in,zoom_out,reset,tap,lasso_select,box_select,box_zoom,undo,redo";
    let p = figure(
        doc,
        FigureArgs {
            tools: tools.into(),
            ..FigureArgs::default()
        },
    );
    let circles = Circle {
        fill_color: Spec::field("color"),
        fill_alpha: 0.6.into(),
        line_color: Spec::Value(None),
        ..Circle::new(Spec::field("radius"))
    };
    p.circle(doc, source, circles);

    let div = doc.add(Div::default());
    doc.set(div, Div::WIDTH, Some(1000))?;
    let button = doc.add(Button {
        label: "Button".into(),
        button_type: ButtonType::Success,
        ..Button::default()
    });
    doc.set(button, Button::WIDTH, Some(300))?;
    let log = move |attributes: &'static [&'static str]| {
        move |doc: &mut Document, event: &UiEvent| {
            let text = doc.get(div, Div::TEXT);
            let mut lines: Vec<&str> = text.lines().collect();
            let new = line(event, attributes);
            lines.push(&new);
            let from = lines.len().saturating_sub(KEPT);
            doc.set(div, Div::TEXT, lines[from..].join("\n"))
        }
    };
    doc.on_event(button, EventKind::ButtonClick, log(&[]));
    for axis in p
        .xaxis(doc)
        .into_iter()
        .take(1)
        .chain(p.yaxis(doc).into_iter().take(1))
    {
        doc.on_event(axis, EventKind::AxisClick, log(&["value"]));
    }
    let on_plot = [
        (EventKind::LodStart, &[][..]),
        (EventKind::LodEnd, &[]),
        (EventKind::Tap, POINT),
        (EventKind::DoubleTap, POINT),
        (EventKind::Press, POINT),
        (EventKind::MouseWheel, WHEEL),
        (EventKind::MouseEnter, POINT),
        (EventKind::MouseLeave, POINT),
        (EventKind::Pan, PAN),
        (EventKind::PanStart, POINT),
        (EventKind::PanEnd, POINT),
        (EventKind::Pinch, PINCH),
        (EventKind::PinchStart, POINT),
        (EventKind::PinchEnd, POINT),
        (EventKind::SelectionGeometry, &["geometry", "final"]),
        (EventKind::RangesUpdate, RANGES),
        (EventKind::Reset, &[]),
    ];
    for (kind, attributes) in on_plot {
        doc.on_event(p, kind, log(attributes));
    }
    let plots = row(doc, [p.any(), div.any()]);
    let layout = column(doc, [button.any(), plots.any()]);
    doc.add_root(layout);
    Ok(())
}
