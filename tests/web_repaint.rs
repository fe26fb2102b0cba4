//! What a change repaints, in a real browser: a change to a model no figure reaches
//! repaints nothing, one to a figure's range repaints that figure only, and a reference
//! swapped by a callback is followed (the new model's changes repaint its figure, the
//! figure's label follows the new title), the page forgets what it kept for models
//! the document forgot, and of two plots lined up in a Column, new data repaints the
//! one that shows it, and its neighbour only when its frame moved, even when that
//! neighbour changed itself before following.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_repaint
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect};
use rokeh::document::{Document, EventKind, Value};
use rokeh::models::{column, row, Button, ColumnDataSource, Figure, Line, Row, Slider, Title};
use rokeh::plotting::{figure, FigureArgs, RangeArg};
use rokeh::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::{document, first, labels};
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

/// Two figures (the left one's x range fixed, a Range1d), a slider no figure shows, a
/// button whose callback gives the right figure a new title, and a Column of two plots,
/// each with a source of its own: the top one's ranges follow its data, the bottom
/// one's are fixed.
fn app(doc: &mut Document) {
    let source = doc.add(ColumnDataSource::new([
        ("x", vec![0.0, 1.0, 2.0]),
        ("y", vec![0.0, 1.0, 4.0]),
    ]));
    let plot = |doc: &mut Document, title: &str, x_range| {
        let plot = figure(
            doc,
            FigureArgs {
                title: title.into(),
                width: 200,
                height: 200,
                x_range,
                ..FigureArgs::default()
            },
        );
        plot.line(doc, source, Line::default());
        plot
    };
    let left = plot(doc, "left", RangeArg::Fixed(0.0, 10.0));
    let right = plot(doc, "right", RangeArg::Auto);
    let lonely = doc.add(Slider::new("lonely", 1.0, 0.0, 2.0, 1.0));
    let swap = doc.add(Button {
        label: "swap".into(),
        ..Button::default()
    });
    doc.on_event(swap, EventKind::ButtonClick, move |doc, _| {
        let fresh = doc.add(Title {
            text: "fresh".into(),
            ..Title::default()
        });
        doc.set_attr(fresh.any(), "name", Value::Str("fresh".into()))?;
        doc.set(right, Figure::TITLE, Some(fresh))
    });
    // Each click puts a new slider in the old one's place: the old one is forgotten.
    let renew = doc.add(Button {
        label: "renew".into(),
        ..Button::default()
    });
    // Each figure in a Column of its own: side by side in the Row they would line their
    // frames up, and a change to one would repaint both.
    let (left_box, right_box) = (column(doc, [left.any()]), column(doc, [right.any()]));
    let lined_up = |doc: &mut Document, name: &str, range: fn() -> RangeArg| {
        let source = doc.add(ColumnDataSource::new([
            ("x", vec![0.0, 1.0, 2.0]),
            ("y", vec![0.0, 1.0, 4.0]),
        ]));
        doc.set_attr(source.any(), "name", Value::Str(name.into()))
            .unwrap();
        let args = FigureArgs {
            title: name.into(),
            width: 200,
            height: 200,
            x_range: range(),
            y_range: range(),
            ..FigureArgs::default()
        };
        let plot = figure(doc, args);
        plot.line(doc, source, Line::default());
        let y_axis = doc.get(plot, Figure::LEFT)[0];
        doc.set_attr(y_axis, "name", Value::Str(format!("{name} y")))
            .unwrap();
        plot.any()
    };
    let top = lined_up(doc, "a", || RangeArg::Auto);
    let bottom = lined_up(doc, "b", || RangeArg::Fixed(0.0, 4.0));
    let stacked = column(doc, [top, bottom]);
    let layout = row(
        doc,
        [
            left_box.any(),
            right_box.any(),
            lonely.any(),
            swap.any(),
            renew.any(),
            stacked.any(),
        ],
    );
    doc.on_event(renew, EventKind::ButtonClick, move |doc, _| {
        let fresh = doc.add(Slider::new("renewed", 1.0, 0.0, 2.0, 1.0));
        let mut children = doc.get(layout, Row::CHILDREN);
        children[2] = fresh.any();
        doc.set(layout, Row::CHILDREN, children)
    });
    doc.add_root(layout);
}

fn hook() -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &"rokeh".into()).expect("the test hook")
}

/// How many models' revisions the page keeps.
fn revisions() -> f64 {
    let revisions: Function = Reflect::get(&hook(), &"revisions".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    revisions.call0(&JsValue::NULL).unwrap().as_f64().unwrap()
}

fn paints() -> f64 {
    Reflect::get(&hook(), &"paints".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Sets an attribute as the page's user would (`rokeh.set`), asserting it took.
fn set(key: &str, attr: &str, value: JsValue) {
    let set: Function = Reflect::get(&hook(), &"set".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let error = set
        .call3(&JsValue::NULL, &key.into(), &attr.into(), &value)
        .unwrap();
    assert!(error.is_undefined(), "setting {key}.{attr}: {error:?}");
}

/// The canvases' accessible names (their figures' titles), left to right.
fn canvas_labels() -> Vec<String> {
    let canvases = document().query_selector_all("canvas.rk-figure").unwrap();
    (0..canvases.length())
        .map(|i| {
            let canvas: web_sys::Element = canvases.item(i).unwrap().dyn_into().unwrap();
            canvas.get_attribute("aria-label").unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_change_repaints_only_the_figures_that_show_it() {
    rokeh::web::mount(App::new("repaint", app));
    pause(100).await;
    let painted = paints();
    assert!(painted >= 4.0, "every figure painted: {painted}");
    assert_eq!(canvas_labels(), ["left", "right", "a", "b"]);

    // The slider is in no figure: its new title shows, and nothing is repainted.
    set("lonely", "title", "still lonely".into());
    pause(100).await;
    assert_eq!(labels(), ["still lonely: 1"]);
    assert_eq!(paints(), painted, "a slider's title repaints no figure");

    // The left figure's x range: that figure alone is repainted.
    set("Range1d", "end", 20.0.into());
    pause(100).await;
    assert_eq!(paints(), painted + 1.0, "the left figure alone repainted");

    // The button's callback gives the right figure a new title: a reference changed.
    let button: web_sys::HtmlElement = first("button.rk-button");
    button.click();
    pause(100).await;
    assert_eq!(paints(), painted + 2.0, "the right figure alone repainted");
    assert_eq!(canvas_labels(), ["left", "fresh", "a", "b"]);

    // The new title is followed: its change repaints the right figure and relabels it.
    set("fresh", "text", "fresher".into());
    pause(100).await;
    assert_eq!(paints(), painted + 3.0, "the new title's change repainted");
    assert_eq!(canvas_labels(), ["left", "fresher", "a", "b"]);

    // Sliders swapped in and out: each new one is shown, and the page keeps no revision
    // of the ones the document forgot.
    let renew: web_sys::HtmlElement = document()
        .query_selector_all("button.rk-button")
        .unwrap()
        .item(1)
        .expect("the renew button")
        .dyn_into()
        .unwrap();
    renew.click();
    pause(100).await;
    assert_eq!(labels(), ["renewed: 1"]);
    let kept = revisions();
    for _ in 0..5 {
        renew.click();
        pause(50).await;
    }
    assert_eq!(labels(), ["renewed: 1"]);
    assert_eq!(revisions(), kept, "revisions of forgotten sliders dropped");

    // The Column's plots line up their frames, but new data in the bottom one's source
    // repaints it alone.
    let data = |ys: &str| js_sys::JSON::parse(&format!(r#"{{"x": [0, 1, 2], "y": {ys}}}"#));
    let painted = paints();
    set("b", "data", data("[1, 2, 3]").unwrap());
    pause(100).await;
    assert_eq!(paints(), painted + 1.0, "the bottom plot alone repainted");
    let left_edge = || {
        let frame = Reflect::get(&hook(), &"frame".into()).unwrap();
        Reflect::get_u32(&frame, 0).unwrap().as_f64().unwrap()
    };
    let edge = left_edge();
    // The top one's data widens its y axis' labels: its frame moves right, and the
    // bottom one's follows it.
    set("a", "data", data("[0, 50000, 100000]").unwrap());
    pause(100).await;
    assert_eq!(
        paints(),
        painted + 3.0,
        "the top plot, then the bottom one lined up"
    );
    assert!(
        left_edge() > edge,
        "the bottom frame moved from {edge} to {}",
        left_edge()
    );

    // The top plot is to follow the bottom one's move (a y axis label) and changes itself
    // before its paint (which waits for the next frame: it painted in this one): its own
    // move, new data with wider labels, lines the bottom one up again. All in one task,
    // so that no frame comes in between.
    let painted = paints();
    set("a", "data", data("[0, 1, 2]").unwrap());
    microtasks().await;
    set("b y", "axis_label", "a label".into());
    microtasks().await;
    let bottom_edge = left_edge();
    set("a", "data", data("[0, 500000, 1000000]").unwrap());
    pause(100).await;
    assert_eq!(
        paints(),
        painted + 4.0,
        "the top plot, the bottom one, the top one, the bottom one lined up again"
    );
    assert!(
        left_edge() > bottom_edge,
        "the bottom frame moved right of {bottom_edge} to line up with the top one's: {}",
        left_edge()
    );
}

/// Lets the microtasks queued so far run (the page's effects, its paints), and those they
/// queue, within the current task.
async fn microtasks() {
    for _ in 0..5 {
        let resolved = js_sys::Promise::resolve(&JsValue::NULL);
        wasm_bindgen_futures::JsFuture::from(resolved)
            .await
            .unwrap();
    }
}
