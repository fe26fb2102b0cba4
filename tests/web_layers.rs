//! A figure whose ranges are fixed keeps a picture of its axes, legend and title: when only
//! its data changes, a paint shows that picture instead of drawing their text again, and
//! the canvas ends up as a full drawing leaves it (to a level of rounding where the
//! legend's translucent background lies over the line). A figure whose furniture reads
//! nothing from the data (here both: the legend's label is a value and its line has one
//! colour) does not even lay it out again: it shows the furniture its last paint recorded
//! and paints the line alone, until something else it shows changes (a new title).
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_layers
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect};
use rokeh::document::{Document, Value};
use rokeh::models::{row, ColumnDataSource, Figure, Line};
use rokeh::plotting::{figure, FigureArgs, RangeArg};
use rokeh::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::document;
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

const FIRST: &str = r#"{"type": "map", "entries": [["x", [0, 5, 10]], ["y", [1, 9, 9.8]]]}"#;
const SECOND: &str = r#"{"type": "map", "entries": [["x", [0, 5, 10]], ["y", [8, 1, 7]]]}"#;

/// Two figures of one line in fixed ranges, the first with a legend of a value, the
/// second without.
fn app(doc: &mut Document) {
    let source = doc.add(ColumnDataSource::new([
        ("x", vec![0.0, 5.0, 10.0]),
        ("y", vec![1.0, 9.0, 9.8]),
    ]));
    let plot = |doc: &mut Document, title: &str| {
        let plot = figure(
            doc,
            FigureArgs {
                title: title.into(),
                width: 300,
                height: 300,
                x_range: RangeArg::Fixed(0.0, 10.0),
                y_range: RangeArg::Fixed(0.0, 10.0),
                ..FigureArgs::default()
            },
        );
        let line = plot.line(doc, source, Line::default());
        (plot, line)
    };
    let (legend, line) = plot(doc, "legend");
    legend.legend_label(doc, "data", line);
    let (plain, _) = plot(doc, "plain");
    // Named, for the test to retitle it through the hook.
    let title = doc.get(plain, Figure::TITLE).expect("a figure has a title");
    doc.set_attr(title.any(), "name", Value::Str("plain title".into()))
        .expect("a title takes a name");
    let both = row(doc, [legend.any(), plain.any()]);
    doc.add_root(both);
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

fn kept_furniture() -> f64 {
    call("keptFurniture", &[]).as_f64().unwrap()
}

/// The pixels of the `n`th figure's canvas.
fn pixels(n: usize) -> Vec<u8> {
    let canvas: web_sys::HtmlCanvasElement = document()
        .query_selector_all("canvas.rk-figure")
        .unwrap()
        .item(n as u32)
        .expect("the figure's canvas")
        .dyn_into()
        .unwrap();
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
    let drawn = [pixels(0), pixels(1)];
    let (kept, furniture) = (kept_layers(), kept_furniture());
    for data in [SECOND, FIRST, SECOND, FIRST] {
        set_data(data);
        pause(50).await;
    }
    // Each figure's first paint drew both planes (back: fills and grids; front: axes,
    // legend, title). The second found the front the same, drew a picture of it and
    // showed that, as did the three after it. The back has no text: it is drawn each
    // time, as fast as a picture of it would be.
    assert_eq!(
        kept_layers() - kept,
        8.0,
        "each figure's front plane shown from a picture four times"
    );
    // Each figure laid its furniture out once, the legend's too.
    assert_eq!(
        kept_furniture() - furniture,
        8.0,
        "each figure's furniture shown as laid out before, four times"
    );
    // The legend's background (alpha 0.95) over the line: a picture of it, composited,
    // rounds a few channels one level apart from drawing it there.
    assert!(
        most_off(0, &drawn[0]) <= 1,
        "the canvas as the full drawing left it"
    );
    assert_eq!(
        most_off(1, &drawn[1]),
        0,
        "the canvas as the full drawing left it, without a legend"
    );

    // The first figure's range moved and back: its furniture changed twice, and is
    // drawn straight away. The second, in the same Row, lines its frame up with the
    // first's: it is painted again too, and shows its unchanged front from its picture.
    let kept = kept_layers();
    for end in [20.0, 10.0] {
        let error = call("set", &["Range1d".into(), "end".into(), end.into()]);
        assert!(error.is_undefined(), "setting the range: {error:?}");
        pause(50).await;
    }
    assert_eq!(
        kept_layers() - kept,
        2.0,
        "a changed furniture is drawn, not shown; the neighbour's shown"
    );
    // New data again: the picture is drawn anew (on the canvas it had) and shown.
    let kept = kept_layers();
    let furniture = kept_furniture();
    for data in [SECOND, FIRST] {
        set_data(data);
        pause(50).await;
    }
    assert_eq!(
        kept_layers() - kept,
        4.0,
        "the front planes shown from a picture (the first figure's a new one)"
    );
    // The first figure laid its furniture out anew at its range's change, then kept it.
    assert_eq!(kept_furniture() - furniture, 4.0);
    assert!(
        most_off(0, &drawn[0]) <= 1,
        "the canvas as the full drawing left it"
    );
    assert_eq!(most_off(1, &drawn[1]), 0);

    // A new title is not data: the plain figure lays its furniture out again and shows it.
    let furniture = kept_furniture();
    let error = call(
        "set",
        &["plain title".into(), "text".into(), "renamed".into()],
    );
    assert!(error.is_undefined(), "retitling: {error:?}");
    pause(50).await;
    assert_eq!(kept_furniture(), furniture, "the furniture laid out again");
    assert!(most_off(1, &drawn[1]) > 0, "the new title drawn");
    // Data after it: the new furniture is kept in turn, and the first figure's as before.
    set_data(SECOND);
    pause(50).await;
    assert_eq!(kept_furniture() - furniture, 2.0);
}

/// The most any byte of the `n`th figure's canvas differs from `drawn`.
fn most_off(n: usize, drawn: &[u8]) -> u8 {
    let shown = pixels(n);
    assert_eq!(shown.len(), drawn.len());
    drawn
        .iter()
        .zip(&shown)
        .map(|(a, b)| a.abs_diff(*b))
        .max()
        .unwrap_or(0)
}
