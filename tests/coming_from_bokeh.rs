//! docs/coming-from-bokeh.md cannot rot: every Rust snippet of its tables is written here
//! verbatim, compiled and run, and a test reads the page and finds each of them in this
//! file. The snippets' functions are left as the page writes them (no rustfmt), so that
//! they can be found character for character.

// The snippets name their callbacks' arguments as the page shows them, used or not.
#![allow(unused_variables)]

use std::f64::consts::PI;
use std::time::Duration;

use rokeh::core::{ColumnData, Dict, Id, Value};
use rokeh::document::{
    Along, DocumentError, EventKind, HoldPolicy, PatchIndex, Theme, JS_EVENT_CALLBACKS,
};
use rokeh::models::{
    column, gridplot, gridplot_with, row, AnnularWedge, Button, CloseAction, ColumnDataSource,
    CustomJS, CustomJSTickFormatter, CustomJSTransform, Dialog, Div, Figure, GeoJSONDataSource,
    Grid, GridplotArgs, LayoutDom, Line, OpenDialog, Place, Quad, RangeTool, Scatter, Segment,
    SetValue, SizingMode, Slider, TextInput, Title,
};
use rokeh::np;
use rokeh::plotting::{
    contour_data, cumsum, figure, range_tool, transform, ContourArgs, ContourColor, FigureArgs,
    GlyphVisuals,
};
use rokeh::{App, Document};

type Result = std::result::Result<(), DocumentError>;

#[test]
#[rustfmt::skip]
fn data() -> Result {
    let mut doc = Document::new();
    let doc = &mut doc;
    let (a, k, w, b) = (1.5, 2.0, 0.5, 0.1);
    let x = np::linspace(0.0, 4.0 * PI, 200);
    let y = a * np::sin(k * &x + w) + b;
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
    let y = vec![0.0; 200];
    doc.set_column(source, "y", y)?;
    assert_eq!(doc.column_f64(source, "y").unwrap()[7], 0.0);
    let (x, y) = (vec![1.0, 2.0], vec![3.0, 4.0]);
    doc.set(source, ColumnDataSource::DATA, ColumnData(vec![("x".into(), x.into()), ("y".into(), y.into())]))?;
    let (xs, ys) = (vec![5.0], vec![6.0]);
    doc.stream(source, vec![("x".into(), xs.into()), ("y".into(), ys.into())], Some(300))?;
    doc.patch(source, vec![("y".into(), vec![(PatchIndex::Row(0), 5.0.into())])])?;
    assert_eq!(doc.column_f64(source, "y"), Some(&[5.0, 4.0, 6.0][..]));
    let lines = doc.add(ColumnDataSource { data: ColumnData(vec![("ys".into(), Value::List(vec![Value::Array(vec![0.0, 1.0, 2.0].into())]))]) });
    doc.patch(lines, vec![("ys".into(), vec![(PatchIndex::Within { row: 0, along: vec![Along::At(2)] }, 0.5.into())])])?;
    assert_eq!(doc.column(lines, "ys"), Some(&Value::List(vec![Value::Array(vec![0.0, 1.0, 0.5].into())])));
    let x = np::asarray(doc.column_f64(source, "x").unwrap_or_default());
    assert_eq!((2.0 * x)[2], 10.0);
    let x = doc.column_f64(source, "x").unwrap_or_default();
    let y = np::evaluate(x, |x| a * np::sin(k * x + w) + b);
    assert!((y[1] - (a * (k * 2.0 + w).sin() + b)).abs() < 1e-12);
    let text = r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [3, 4]}, "properties": {}}]}"#;
    let geo = doc.add(GeoJSONDataSource::new(text));
    assert_eq!(doc.column_f64(geo, "y"), Some(&[4.0][..]));
    Ok(())
}

#[test]
#[rustfmt::skip]
fn plots() -> Result {
    let mut doc = Document::new();
    let doc = &mut doc;
    let source = doc.add(ColumnDataSource::new([("x", vec![0.0, 1.0]), ("y", vec![1.0, 0.0])]));
    let p = figure(doc, FigureArgs { title: "sine".into(), width: 400, height: 400, x_range: (0.0, 10.0).into(), ..FigureArgs::default() });
    p.line(doc, source, Line { line_width: 3.0, line_alpha: 0.6, ..Line::default() });
    let title = doc.get(p, Figure::TITLE).unwrap(); doc.set(title, Title::TEXT, "new")?;
    assert_eq!(doc.get(title, Title::TEXT), "new".into());
    doc.set_all(p.grids(doc, 0), Grid::GRID_LINE_COLOR, None)?;
    assert!(p.grids(doc, 0).iter().all(|&g| doc.get(g, Grid::GRID_LINE_COLOR).is_none()));
    p.segment(doc, source, Segment::default().color("black").alpha(0.5));
    let quads = doc.add(ColumnDataSource::new([("left", vec![0.0]), ("right", vec![1.0]), ("bottom", vec![0.0]), ("top", vec![1.0])]));
    let source = quads;
    let r = p.quad(doc, source, Quad::default().color("#2171b5").alpha(0.5).line_color("black"));
    let glyph = doc.get_attr(r.any(), "glyph")?;
    let glyph = doc.lookup(glyph.as_ref_id().unwrap()).unwrap();
    assert_eq!(doc.get_attr(glyph, "line_color")?, Value::value_spec(Value::str("black")));
    assert_eq!(doc.get_attr(glyph, "fill_color")?, Value::value_spec(Value::str("#2171b5")));
    let wedges = doc.add(ColumnDataSource::new([("angle", vec![1.0, 2.0])]));
    let source = wedges;
    let donut = AnnularWedge { start_angle: cumsum(doc, "angle", true), end_angle: cumsum(doc, "angle", false), ..AnnularWedge::default() };
    p.annular_wedge(doc, source, donut);
    let select = figure(doc, FigureArgs::default());
    let tool = range_tool(doc, doc.get(p, Figure::X_RANGE), None); select.add_tool(doc, tool);
    assert_eq!(doc.get(tool, RangeTool::X_RANGE), doc.get(p, Figure::X_RANGE));
    let colors = doc.add(ColumnDataSource { data: ColumnData(vec![("x".into(), vec![1.0].into()), ("y".into(), vec![2.0].into()), ("color".into(), vec!["red".to_owned()].into())]) });
    let source = colors;
    p.scatter(doc, source, Scatter::default().color("color"));
    let (x, y, z, levels) = ([0.0, 1.0], [0.0, 1.0], [0.0, 1.0, 1.0, 2.0], [0.0, 1.0, 2.0]);
    let r = p.contour(doc, (&x, &y, &z), &levels, ContourArgs { fill_color: Some(ContourColor::Palette("Viridis".into())), line_color: Some(ContourColor::Same("black".into())), ..ContourArgs::default() }).expect("a grid and rising levels");
    let z = [2.0, 1.0, 1.0, 0.0];
    r.set_data(doc, &contour_data((&x, &y, &z), &levels).expect("a grid and rising levels"))?;
    Ok(())
}

#[test]
#[rustfmt::skip]
fn widgets_and_layouts() -> Result {
    let mut doc = Document::new();
    let doc = &mut doc;
    let slider = doc.add(Slider::new("freq", 1.0, 0.1, 5.1, 0.1));
    let text = doc.add(TextInput { title: "title".into(), value: "sine".into(), ..TextInput::default() });
    let button = doc.add(Button { label: "Play".into(), ..Button::default() });
    doc.set(slider, Slider::WIDTH, Some(300))?;
    let div = doc.add(Div::default());
    doc.set(div, Div::SIZING_MODE, Some(SizingMode::StretchWidth))?;
    doc.set(button, Button::VISIBLE, false)?;
    assert_eq!(doc.get(slider, Slider::WIDTH), Some(300));
    let (a, b) = (slider, text);
    let inputs = column(doc, [a.any(), b.any()]);
    row(doc, [inputs.any(), button.any()]);
    let plot = || FigureArgs { width: 300, height: 300, ..FigureArgs::default() };
    let (p1, p2, p3) = (figure(doc, plot()), figure(doc, plot()), figure(doc, plot()));
    gridplot(doc, [vec![Some(p1.any()), None], vec![Some(p2.any()), Some(p3.any())]]);
    let rows = [vec![Some(p1.any()), Some(p2.any())]];
    gridplot_with(doc, rows, GridplotArgs { toolbar_location: Some(Place::Left), merge_tools: false, width: Some(300), ..GridplotArgs::default() });
    let layout = inputs;
    let dialog = doc.add(Dialog { title: Some("Hi".into()), content: layout.into(), closable: true, close_action: CloseAction::Destroy });
    let open = doc.add(OpenDialog { dialog });
    doc.js_on_event(button, EventKind::ButtonClick, open)?;
    assert_eq!(doc.js_callbacks(button.any(), JS_EVENT_CALLBACKS, "button_click"), [open.any()]);
    Ok(())
}

#[test]
#[rustfmt::skip]
fn properties_and_callbacks() -> Result {
    let mut doc = Document::new();
    let doc = &mut doc;
    let slider = doc.add(Slider::new("freq", 1.0, 0.1, 5.1, 0.1));
    let button = doc.add(Button::default());
    let p = figure(doc, FigureArgs::default());
    doc.on_change(slider, Slider::VALUE, |doc, change| { /* change.attr, change.old, change.new */ Ok(()) });
    doc.set(slider, Slider::VALUE, 3.0)?;
    assert_eq!(doc.get(slider, Slider::VALUE), 3.0);
    doc.on_event(button, EventKind::ButtonClick, |doc, event| { /* ... */ Ok(()) });
    doc.on_event(p, EventKind::MouseMove, |doc, event| { /* ... */ Ok(()) });
    doc.on_document_event(EventKind::DocumentReady, |doc, event| { /* ... */ Ok(()) });
    let source = doc.add(ColumnDataSource::new([("x", vec![1.0]), ("y", vec![1.0])]));
    let callback = doc.add(CustomJS { args: Dict(vec![("source".into(), source.into())]), code: "source.data.y[0] = cb_obj.value; source.change.emit()".into() });
    doc.js_on_change(slider, "value", callback)?;
    let set = doc.add(SetValue { obj: slider.any(), attr: "value".into(), value: Value::Float(1.0) });
    doc.js_on_event(button, EventKind::ButtonClick, set)?;
    assert_eq!(doc.js_callbacks(button.any(), JS_EVENT_CALLBACKS, "button_click"), [set.any()]);
    for axis in p.xaxis(doc) {
    let labels = doc.add(CustomJSTickFormatter { code: "return tick + ' m'".into(), ..CustomJSTickFormatter::default() });
    doc.set_attr(axis, "formatter", doc.reference(labels.any()))?;
    }
    let t = doc.add(CustomJSTransform { v_func: "return xs.map(v => v / xs[0])".into(), ..CustomJSTransform::default() });
    let y = transform(doc, "y", t);
    p.line(doc, source, Line { y, ..Line::default() });
    let id = doc.add_periodic_callback(Duration::from_millis(100), |doc| { /* ... */ Ok(()) });
    assert!(doc.remove_periodic_callback(id));
    doc.hold();
    doc.unhold();
    doc.hold_with(HoldPolicy::Collect);
    doc.unhold();
    doc.batch(|doc| { /* ... */ Ok::<(), DocumentError>(()) })?;
    Ok(())
}

#[test]
#[rustfmt::skip]
fn a_theme() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let mut doc = Document::new();
    let doc = &mut doc;
    let p = figure(doc, FigureArgs::default());
    doc.set_theme(Theme::from_json(include_str!("theme.json"))?)?;
    assert_eq!(doc.get(p, Figure::BORDER_FILL_COLOR), Some("#2F2F2F".into()));
    let mut doc = Document::new();
    let doc = &mut doc;
    let p = figure(doc, FigureArgs::default());
    doc.set_theme(Theme::built_in("dark_minimal").unwrap())?;
    assert_eq!(doc.get(p, Figure::BORDER_FILL_COLOR), Some("#15191C".into()));
    Ok(())
}

#[test]
#[rustfmt::skip]
fn a_template() {
    let dash = |doc: &mut Document| {};
    let html = r#"<div class="panel">{{ embed(roots.line) }}</div>"#;
    let app = App::new("dash", dash).with_template(html);
    assert_eq!(app.template(), Some(html));
}

#[rustfmt::skip]
rokeh::model! { pub struct Surface3d("Surface3d") { x: String = "", data_source: Option<Id<ColumnDataSource>> = None } extends = "LayoutDOM"; }

/// The page's view of it (built for wasm32 only): here, nothing shown.
#[cfg(target_arch = "wasm32")]
fn surface3d_view(model: rokeh::web::ModelHandle) -> leptos::prelude::AnyView {
    leptos::prelude::IntoAny::into_any(())
}

#[test]
#[rustfmt::skip]
fn a_model_of_ones_own() -> Result {
    let mut doc = Document::new();
    let doc = &mut doc;
    let source = doc.add(ColumnDataSource::new([("x", vec![1.0])]));
    let surface = doc.add(Surface3d { x: "x".into(), data_source: Some(source) });
    // A LayoutDOM: its properties, and a place in a row.
    doc.set_attr(surface.any(), "width", Value::Int(300))?;
    let layout = row(doc, [surface.any()]);
    assert_eq!(doc.try_model(surface.any()).unwrap().type_name, "Surface3d");
    assert!(doc.get_attr(layout.any(), "children").is_ok());
    // Natively a view is its type's name; the page's is built in (wasm32).
    const SURFACE3D: rokeh::views::View = rokeh::custom_view!(Surface3d => surface3d_view);
    assert_eq!(SURFACE3D.type_name(), "Surface3d");
    let _: fn(&'static [rokeh::views::View], Vec<App>) = rokeh::run_extended;
    Ok(())
}

/// Each Rust snippet in the page's tables (a row's first code span, where the rokeh cell
/// starts with one) is written in this file, character for character.
#[test]
fn every_table_snippet_of_the_page_is_compiled_here() {
    let page = include_str!("../docs/coming-from-bokeh.md");
    let here = include_str!("coming_from_bokeh.rs");
    // The tables of the app's code; the server's flags and URLs come after.
    let code = page.split("## `bokeh serve`").next().unwrap();
    let mut checked = 0;
    for line in code.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        let Some(rust) = cells.get(1).and_then(|c| c.strip_prefix('`')) else {
            continue;
        };
        let snippet = rust.split('`').next().unwrap().replace("\\|", "|");
        // Statements end with a semicolon here; the page leaves some off.
        let snippet = snippet.trim_end_matches(';');
        assert!(
            here.contains(snippet),
            "not compiled in tests/coming_from_bokeh.rs: {snippet}"
        );
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} snippets found");
}
