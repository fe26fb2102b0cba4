//! A page built with only some views (`rokeh::run_with_views`) draws those glyphs and
//! annotations and leaves the others out, and its tools without a view do nothing, in a
//! real browser: the page's wasm then carries no code for them.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_views
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Reflect};
use rokeh::core::{ColumnData, NdArray, Spec, Value};
use rokeh::document::Id;
use rokeh::models::{ColumnDataSource, Figure, Line, Logo, Row, Scatter, Span, Toolbar, VBar};
use rokeh::plotting::{figure, AxisType, FigureArgs, GlyphVisuals, RangeArg};
use rokeh::{views, App, Document};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, PointerEvent, PointerEventInit,
};

#[path = "support/pause.rs"]
mod pause;
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

/// A blue line through big red squares, and a red span across the middle.
fn app(doc: &mut Document) {
    let xs = NdArray::from(vec![1.0, 2.0, 3.0]);
    let source = doc.add(ColumnDataSource::new([("x", xs.clone()), ("y", xs)]));
    let plot = figure(
        doc,
        FigureArgs {
            width: 300,
            height: 300,
            ..FigureArgs::default()
        },
    );
    let line = Line {
        line_width: 4.0,
        ..Line::default()
    };
    plot.line(doc, source, line.color("#0000ff"));
    let squares = Scatter {
        size: Spec::Value(40.0),
        ..Scatter::default()
    };
    plot.scatter(doc, source, squares.color("#ff0000"));
    let span = doc.add(Span {
        location: Some(Value::Float(2.0)),
        line_color: Some("#ff0000".into()),
        line_width: 6.0,
        ..Span::default()
    });
    plot.add_layout(doc, span.any());
    doc.add_root(plot);
}

/// How many of the canvas's pixels are mostly `channel` (0 red, 2 blue).
fn pixels_of(canvas: &HtmlCanvasElement, channel: usize) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .expect("a 2d context")
        .dyn_into()
        .unwrap();
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    let data = context.get_image_data(0.0, 0.0, w, h).unwrap().data();
    data.chunks(4)
        .filter(|p| p[channel] > 200 && (0..3).all(|c| c == channel || p[c] < 80))
        .count()
}

#[wasm_bindgen_test]
async fn a_page_draws_only_the_glyphs_and_annotations_it_has_views_of() {
    rokeh::web::mount_apps(vec![App::new("views", app)], &[views::LINE]);
    pause(50).await;
    let alone = last_canvas();
    assert!(pixels_of(&alone, 2) > 100, "the line is drawn");
    assert_eq!(pixels_of(&alone, 0), 0, "no square and no span is drawn");

    // The same document in a page with every view: the squares and the span are there.
    rokeh::web::mount_apps(vec![App::new("views", app)], views::ALL);
    pause(50).await;
    let all = last_canvas();
    assert!(!all.is_same_node(Some(&alone)));
    assert!(pixels_of(&all, 2) > 100, "the line is drawn");
    assert!(
        pixels_of(&all, 0) > 1000,
        "the squares and the span are drawn"
    );
}

/// The console's warnings from now on.
fn keep_warnings() -> Array {
    let console = Reflect::get(&web_sys::window().unwrap(), &"console".into()).unwrap();
    let warned = Array::new();
    let keep = Function::new_with_args("m", "this.push(String(m))").bind0(&warned);
    Reflect::set(&console, &"warn".into(), &keep).unwrap();
    warned
}

/// Kept warnings that name `view`.
fn naming(warned: &Array, view: &str) -> Vec<String> {
    warned
        .iter()
        .filter_map(|m| m.as_string())
        .filter(|m| m.contains(view))
        .collect()
}

/// A month of days on a datetime axis, and three factors on a categorical one with a
/// bar each.
fn dated_and_factored(doc: &mut Document) -> (Id<Figure>, Id<Figure>) {
    let day = 86_400_000.0;
    let start = 19_783.0 * day; // 2024-03-01
    let dated = figure(
        doc,
        FigureArgs {
            x_range: (start, start + 30.0 * day).into(),
            x_axis_type: AxisType::Datetime,
            ..FigureArgs::default()
        },
    );
    let xs = NdArray::from(vec![start, start + 30.0 * day]);
    let ys = NdArray::from(vec![0.0, 1.0]);
    let line = doc.add(ColumnDataSource::new([("x", xs), ("y", ys)]));
    dated.line(doc, line, Line::default());
    let factored = figure(
        doc,
        FigureArgs {
            x_range: RangeArg::Factors(vec!["a".into(), "b".into(), "c".into()]),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    );
    let columns = [
        ("x", Value::List(["a", "b", "c"].map(Value::str).to_vec())),
        ("top", Value::Array(NdArray::from(vec![3.0, 6.0, 9.0]))),
    ];
    let bars = doc.add(ColumnDataSource {
        data: ColumnData(
            columns
                .map(|(k, v)| (k.to_owned(), v))
                .into_iter()
                .collect(),
        ),
    });
    factored.vbar(doc, bars, VBar::default());
    (dated, factored)
}

#[wasm_bindgen_test]
async fn an_axis_whose_view_the_page_lacks_is_drawn_linear_with_one_warning_naming_it() {
    let warned = keep_warnings();
    let mut doc = Document::new();
    let (dated, factored) = dated_and_factored(&mut doc);
    let labels = |doc: &Document, plot| {
        let layout = rokeh::render::figure_layout(doc, plot, 600, 400, 1.0).expect("laid out");
        (layout.x_ticks.labels, layout.x_range)
    };

    rokeh::web::mount_apps(vec![App::new("views", app)], &[views::LINE]);
    pause(50).await;
    // Without DATETIME_AXIS: a linear axis's labels of the milliseconds, and one warning
    // for the axis' ticker and formatter together, however often it is laid out.
    let (linear, _) = labels(&doc, dated);
    assert!(
        !linear.is_empty() && linear.iter().all(|l| !l.contains("Mar")),
        "{linear:?}"
    );
    labels(&doc, dated);
    let reported = naming(&warned, "views::DATETIME_AXIS");
    assert_eq!(reported.len(), 1, "{reported:?}");
    // Without CATEGORICAL_AXIS: the FactorRange follows the (numeric) data, of which
    // there is none, and the bars at factors are left out.
    let (none, range) = labels(&doc, factored);
    assert!(
        none.iter().all(|l| !["a", "b", "c"].contains(&l.as_str())),
        "{none:?}"
    );
    assert_eq!((range.start, range.end), (-1.0, 1.0));
    assert_eq!(naming(&warned, "views::CATEGORICAL_AXIS").len(), 1);

    // With their views: dates, and the factors.
    let shown = &[views::LINE, views::DATETIME_AXIS, views::CATEGORICAL_AXIS];
    rokeh::web::mount_apps(vec![App::new("views", app)], shown);
    pause(50).await;
    assert_eq!(
        labels(&doc, dated).0,
        ["Mar 01\n2024", "Mar 08\n", "Mar 15\n", "Mar 22\n"]
    );
    assert_eq!(labels(&doc, factored).0, ["a", "b", "c"]);
    assert_eq!(naming(&warned, "views::").len(), 2, "no more warnings");
}

/// Ten points on a diagonal in a figure whose tools pan, box select and reset.
fn points(doc: &mut Document) {
    let xs = NdArray::from((0..10).map(f64::from).collect::<Vec<_>>());
    let source = doc.add(ColumnDataSource::new([("x", xs.clone()), ("y", xs)]));
    let plot = figure(
        doc,
        FigureArgs {
            width: 300,
            height: 300,
            tools: "pan,box_select,reset".into(),
            ..FigureArgs::default()
        },
    );
    plot.scatter(doc, source, Scatter::default());
    doc.add_root(plot);
}

/// `window.rokeh.get(key, attr)` of the page mounted last.
fn get(key: &JsValue, attr: &str) -> JsValue {
    let hook = Reflect::get(&web_sys::window().unwrap(), &"rokeh".into()).unwrap();
    let get: Function = Reflect::get(&hook, &"get".into()).unwrap().into();
    get.call2(&hook, key, &attr.into()).unwrap()
}

/// The figure's x range start, as the document has it.
fn x_start() -> f64 {
    let range = get(&"Figure".into(), "x_range");
    get(&range, "start").as_f64().expect("a number")
}

/// The rows selected in the one source.
fn selected() -> Vec<f64> {
    Array::from(&get(&"Selection".into(), "indices"))
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

/// The last paint's frame: left, top, right, bottom (CSS pixels of the canvas).
fn frame() -> Vec<f64> {
    let hook = Reflect::get(&web_sys::window().unwrap(), &"rokeh".into()).unwrap();
    Array::from(&Reflect::get(&hook, &"frame".into()).unwrap())
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

/// A mouse drag on `canvas` from `from` to `to` (CSS pixels of the canvas), in steps.
async fn drag(canvas: &HtmlCanvasElement, from: (f64, f64), to: (f64, f64)) {
    let rect = canvas.get_bounding_client_rect();
    let send = |kind: &str, (x, y): (f64, f64), buttons: u16| {
        let init = PointerEventInit::new();
        init.set_bubbles(true);
        init.set_pointer_id(1);
        init.set_is_primary(true);
        init.set_button(if kind == "pointermove" { -1 } else { 0 });
        init.set_buttons(buttons);
        init.set_client_x((rect.left() + x) as i32);
        init.set_client_y((rect.top() + y) as i32);
        let ev = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
        canvas.dispatch_event(&ev).unwrap();
    };
    send("pointerdown", from, 1);
    for step in 1..=5 {
        let t = f64::from(step) / 5.0;
        let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        send("pointermove", at, 1);
        pause(20).await;
    }
    send("pointerup", to, 0);
    pause(50).await;
}

/// Presses the last toolbar's button named `name`.
fn press(name: &str) {
    let selector = format!(".rk-toolbar button[aria-label=\"{name}\"]");
    let buttons = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .query_selector_all(&selector)
        .unwrap();
    let button: HtmlElement = buttons
        .item(buttons.length() - 1)
        .expect("the tool's button")
        .dyn_into()
        .unwrap();
    button.click();
}

/// Drags across the whole frame with the box select tool: what it selects.
async fn box_select_all() -> Vec<f64> {
    press("Box Select");
    let [l, t, r, b] = frame()[..] else {
        panic!("a frame of four edges")
    };
    drag(&last_canvas(), (l + 2.0, t + 2.0), (r - 2.0, b - 2.0)).await;
    selected()
}

#[wasm_bindgen_test]
async fn a_page_s_tools_act_only_if_it_has_their_views_and_the_others_are_reported_once() {
    let warned = keep_warnings();

    let shown = &[views::SCATTER, views::PAN_TOOL];
    rokeh::web::mount_apps(vec![App::new("tools", points)], shown);
    pause(50).await;
    let [l, t, r, b] = frame()[..] else {
        panic!("a frame of four edges")
    };
    let before = x_start();
    let middle = ((l + r) / 2.0, (t + b) / 2.0);
    drag(&last_canvas(), middle, (middle.0 + 60.0, middle.1)).await;
    assert!(x_start() < before, "the pan moved the x range left");

    assert_eq!(
        box_select_all().await,
        Vec::<f64>::new(),
        "box select did nothing"
    );
    // Box select alone is reported, once: pan has its view, reset is every toolbar's.
    let reported: Vec<String> = warned
        .iter()
        .filter_map(|m| m.as_string())
        .filter(|m| m.contains("has no view of"))
        .collect();
    assert_eq!(reported.len(), 1, "{reported:?}");
    assert!(reported[0].contains("BoxSelectTool"), "{reported:?}");

    // The same document in a page with every view: the same drag selects every point.
    rokeh::web::mount_apps(vec![App::new("tools", points)], views::ALL);
    pause(50).await;
    let all: Vec<f64> = (0..10).map(f64::from).collect();
    assert_eq!(box_select_all().await, all);
}

/// The canvas of the page mounted last.
fn last_canvas() -> HtmlCanvasElement {
    let canvases = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .query_selector_all("canvas")
        .unwrap();
    canvases
        .item(canvases.length() - 1)
        .expect("a figure's canvas")
        .dyn_into()
        .unwrap()
}

/// A 2 × 2 PNG of pure red, inline: no network needed.
const RED_PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR42mP4z8AARAwQCgAf7gP9Y167WwAAAABJRU5ErkJggg==";

/// The world in map tiles, each the red PNG (a URL without placeholders is every
/// tile's).
fn map(doc: &mut Document) {
    use rokeh::models::WMTSTileSource;
    let world = 20037508.34;
    let plot = figure(
        doc,
        FigureArgs {
            width: 300,
            height: 300,
            x_range: (-world, world).into(),
            y_range: (-world, world).into(),
            ..FigureArgs::default()
        },
    );
    let source = WMTSTileSource {
        url: RED_PNG.into(),
        ..WMTSTileSource::default()
    };
    plot.add_tile(doc, source);
    doc.add_root(plot);
}

#[wasm_bindgen_test]
async fn map_tiles_are_drawn_only_in_a_page_with_their_view_and_reported_once_without_it() {
    let warned = keep_warnings();
    rokeh::web::mount_apps(vec![App::new("map", map)], &[]);
    pause(50).await;
    assert_eq!(pixels_of(&last_canvas(), 0), 0, "no tile is drawn");
    assert_eq!(naming(&warned, "TileRenderer renderers").len(), 1);

    rokeh::web::mount_apps(vec![App::new("map", map)], &[views::TILE_RENDERER]);
    // The tile arrives after the first paint, which the page then makes again.
    pause(300).await;
    assert!(
        pixels_of(&last_canvas(), 0) > 20_000,
        "the tiles cover the frame"
    );
}

/// Red nodes joined by a blue edge: a GraphRenderer (Scatter nodes, MultiLine edges).
fn graph(doc: &mut Document) {
    use rokeh::models::{GraphLayout, MultiLine, NodeKey};
    let plot = figure(
        doc,
        FigureArgs {
            width: 300,
            height: 300,
            ..FigureArgs::default()
        },
    );
    let nodes = doc.add(ColumnDataSource::new([("index", vec![0.0, 1.0])]));
    let edges = doc.add(ColumnDataSource::new([
        ("start", vec![0.0]),
        ("end", vec![1.0]),
    ]));
    let layout = GraphLayout(vec![
        (NodeKey::Int(0), (0.0, 0.0)),
        (NodeKey::Int(1), (1.0, 1.0)),
    ]);
    let node = Scatter {
        size: Spec::Value(30.0),
        fill_color: "#ff0000".into(),
        line_color: "#ff0000".into(),
        ..Scatter::default()
    };
    let edge = MultiLine {
        line_width: Spec::Value(6.0),
        line_color: "#0000ff".into(),
        ..MultiLine::default()
    };
    plot.graph(doc, (nodes, node), (edges, edge), layout);
    doc.add_root(plot);
}

#[wasm_bindgen_test]
async fn a_graph_is_drawn_only_in_a_page_with_its_view_and_reported_once_without_it() {
    let warned = keep_warnings();
    let glyphs = &[views::SCATTER, views::MULTI_LINE];
    rokeh::web::mount_apps(vec![App::new("graph", graph)], glyphs);
    pause(50).await;
    let without = last_canvas();
    assert_eq!(pixels_of(&without, 0), 0, "no node is drawn");
    assert_eq!(pixels_of(&without, 2), 0, "no edge is drawn");
    assert_eq!(naming(&warned, "GraphRenderer renderers").len(), 1);

    let shown = &[views::SCATTER, views::MULTI_LINE, views::GRAPH_RENDERER];
    rokeh::web::mount_apps(vec![App::new("graph", graph)], shown);
    pause(50).await;
    let with = last_canvas();
    assert!(pixels_of(&with, 0) > 500, "the nodes are drawn");
    assert!(pixels_of(&with, 2) > 100, "the edge is drawn");
}

/// Three figures whose toolbars show their logo in colour, greyed, and not at all.
fn logos(doc: &mut Document) {
    let shown = [Some(Logo::Normal), Some(Logo::Grey), None].map(|logo| {
        let plot = figure(doc, FigureArgs::default());
        let toolbar = doc
            .get(plot, Figure::TOOLBAR)
            .expect("figure() makes a toolbar");
        let toolbar = doc.typed_id::<Toolbar>(doc.model_id(toolbar)).unwrap();
        doc.set(toolbar, Toolbar::LOGO, logo).unwrap();
        plot.any()
    });
    let root = doc.add(Row {
        children: shown.to_vec(),
        ..Row::default()
    });
    doc.add_root(root);
}

#[wasm_bindgen_test]
async fn a_toolbar_shows_its_logo_in_colour_greyed_or_not_at_all_as_toolbar_logo_says() {
    rokeh::web::mount_apps(vec![App::new("logos", logos)], views::ALL);
    pause(50).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let toolbars = document.query_selector_all(".rk-toolbar").unwrap();
    let n = toolbars.length();
    assert!(n >= 3);
    let logo = |i: u32| {
        let toolbar: HtmlElement = toolbars.item(n - 3 + i).unwrap().dyn_into().unwrap();
        let first: HtmlElement = toolbar.first_element_child().unwrap().dyn_into().unwrap();
        (first.class_name(), first.get_attribute("aria-label"))
    };
    assert_eq!(logo(0), ("rk-logo".to_owned(), None));
    assert_eq!(logo(1), ("rk-logo rk-grey".to_owned(), None));
    // No logo: the first item is the first tool's button.
    assert_eq!(logo(2).1.as_deref(), Some("Pan"));
}
