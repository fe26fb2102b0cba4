//! A page built with only some views (`rokeh::run_with_views`) draws those glyphs and
//! annotations and leaves the others out, in a real browser: the page's wasm then carries
//! no code for them.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_views
#![cfg(target_arch = "wasm32")]

use rokeh::core::{NdArray, Spec, Value};
use rokeh::models::{ColumnDataSource, Line, Scatter, Span};
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};
use rokeh::{views, App, Document};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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
