//! A figure whose ranges are fixed keeps a picture of its axes, legend and title: when only
//! its data changes, a paint shows that picture instead of drawing their text again, and
//! the canvas ends up as a full drawing leaves it (to a level of rounding where the
//! legend's translucent background lies over the line).
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_layers
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect};
use rokeh::document::Document;
use rokeh::models::{ColumnDataSource, Line};
use rokeh::plotting::{figure, FigureArgs, RangeArg};
use rokeh::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::first;
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

const FIRST: &str = r#"{"type": "map", "entries": [["x", [0, 5, 10]], ["y", [1, 9, 9.8]]]}"#;
const SECOND: &str = r#"{"type": "map", "entries": [["x", [0, 5, 10]], ["y", [8, 1, 7]]]}"#;

fn app(doc: &mut Document) {
    let source = doc.add(ColumnDataSource::new([
        ("x", vec![0.0, 5.0, 10.0]),
        ("y", vec![1.0, 9.0, 9.8]),
    ]));
    let plot = figure(
        doc,
        FigureArgs {
            title: "fixed".into(),
            width: 300,
            height: 300,
            x_range: RangeArg::Fixed(0.0, 10.0),
            y_range: RangeArg::Fixed(0.0, 10.0),
            ..FigureArgs::default()
        },
    );
    let line = plot.line(doc, source, Line::default());
    plot.legend_label(doc, "data", line);
    doc.add_root(plot);
}

fn hook() -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &"rokeh".into()).expect("the test hook")
}

fn call(name: &str, args: &[JsValue]) -> JsValue {
    let f: Function = Reflect::get(&hook(), &name.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    f.apply(&JsValue::NULL, &args.iter().collect()).unwrap()
}

fn set_data(json: &str) {
    let value = js_sys::JSON::parse(json).unwrap();
    let error = call("set", &["ColumnDataSource".into(), "data".into(), value]);
    assert!(error.is_undefined(), "setting the data: {error:?}");
}

fn kept_layers() -> f64 {
    call("keptLayers", &[]).as_f64().unwrap()
}

fn pixels() -> Vec<u8> {
    let canvas: web_sys::HtmlCanvasElement = first("canvas.rk-figure");
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let (w, h) = (canvas.width(), canvas.height());
    ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .unwrap()
        .data()
        .0
}

#[wasm_bindgen_test]
async fn new_data_in_fixed_ranges_shows_the_kept_furniture_pixel_for_pixel() {
    rokeh::web::mount(App::new("layers", app));
    pause(100).await;
    let drawn = pixels();
    let kept = kept_layers();
    for data in [SECOND, FIRST, SECOND, FIRST] {
        set_data(data);
        pause(50).await;
    }
    // The first paint drew both planes (back: fills and grids; front: axes, legend, title).
    // The second found the front the same, drew a picture of it and showed that, as did
    // the three after it. The back has no text: it is drawn each time, as fast as a
    // picture of it would be.
    assert_eq!(
        kept_layers() - kept,
        4.0,
        "the front plane shown from a picture four times"
    );
    // The legend's background (alpha 0.95) over the line: a picture of it, composited,
    // rounds a few channels one level apart from drawing it there.
    assert!(
        most_off(&drawn) <= 1,
        "the canvas as the full drawing left it"
    );

    // A range moved and back: the furniture changed twice, and is drawn straight away.
    let kept = kept_layers();
    for end in [20.0, 10.0] {
        let error = call("set", &["Range1d".into(), "end".into(), end.into()]);
        assert!(error.is_undefined(), "setting the range: {error:?}");
        pause(50).await;
    }
    assert_eq!(
        kept_layers(),
        kept,
        "a changed furniture is drawn, not shown"
    );
    // New data again: the picture is drawn anew (on the canvas it had) and shown.
    for data in [SECOND, FIRST] {
        set_data(data);
        pause(50).await;
    }
    assert_eq!(
        kept_layers() - kept,
        2.0,
        "the front plane shown from a new picture"
    );
    // The legend's background (alpha 0.95) over the line: a picture of it, composited,
    // rounds a few channels one level apart from drawing it there.
    assert!(
        most_off(&drawn) <= 1,
        "the canvas as the full drawing left it"
    );
}

/// The most any byte of the canvas differs from `drawn`.
fn most_off(drawn: &[u8]) -> u8 {
    let shown = pixels();
    assert_eq!(shown.len(), drawn.len());
    drawn
        .iter()
        .zip(&shown)
        .map(|(a, b)| a.abs_diff(*b))
        .max()
        .unwrap_or(0)
}
