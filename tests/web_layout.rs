//! Layouts in a real browser, measured: Row and Column spacing, sizing modes (stretch,
//! scale), width policies, min/max sizes, margin and align as BokehJS lays them out, a
//! GridBox's cells, Tabs showing one panel, and what every element honours: `visible`,
//! `css_classes`, `styles`, and `disabled` handed down by a layout.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_layout
#![cfg(target_arch = "wasm32")]

use rokeh::core::{AnyId, Value};
use rokeh::document::{Document, Id};
use rokeh::models::{
    Button, Column, Div, GridBox, GridChild, Row, SizingMode, Spacer, TabPanel, Tabs,
};
use rokeh::App;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::{document, first};
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

/// Marks a model's box with a class the test finds it by.
fn tag(doc: &mut Document, model: impl Into<AnyId>, class: &str) {
    let classes = Value::List(vec![Value::str(class)]);
    doc.set_attr(model.into(), "css_classes", classes).unwrap();
}

fn spacer(doc: &mut Document, class: &str, width: Option<i64>, height: Option<i64>) -> Id<Spacer> {
    let spacer = doc.add(Spacer {
        width,
        height,
        ..Spacer::default()
    });
    tag(doc, spacer, class);
    spacer
}

fn set(doc: &mut Document, model: impl Into<AnyId>, attr: &str, value: Value) {
    doc.set_attr(model.into(), attr, value).unwrap();
}

fn app(doc: &mut Document) {
    // Spacing: two 100 px spacers 10 px apart.
    let a = spacer(doc, "a", Some(100), Some(20));
    let b = spacer(doc, "b", Some(100), Some(20));
    let spaced = doc.add(Row {
        children: vec![a.any(), b.any()],
        spacing: 10,
        ..Row::default()
    });
    // A stretching spacer takes what a 600 px row leaves; one with max_width stops there.
    let stretch = spacer(doc, "stretch", None, Some(20));
    set(doc, stretch, "sizing_mode", Value::str("stretch_width"));
    let fixed = spacer(doc, "fixed", Some(100), Some(20));
    let filled = doc.add(Row {
        children: vec![stretch.any(), fixed.any()],
        width: Some(600),
        sizing_mode: Some(SizingMode::Fixed),
        ..Row::default()
    });
    let capped = spacer(doc, "capped", None, Some(20));
    set(doc, capped, "sizing_mode", Value::str("stretch_width"));
    set(doc, capped, "max_width", Value::Int(200));
    let capped_row = doc.add(Row {
        children: vec![capped.any()],
        width: Some(600),
        sizing_mode: Some(SizingMode::Fixed),
        ..Row::default()
    });
    // stretch_height fills an 80 px row's height; a "max" width policy is stretch_width.
    let tall = spacer(doc, "tall", Some(30), None);
    set(doc, tall, "sizing_mode", Value::str("stretch_height"));
    let wide = spacer(doc, "wide", None, Some(10));
    set(doc, wide, "width_policy", Value::str("max"));
    let high_row = doc.add(Row {
        children: vec![tall.any(), wide.any()],
        width: Some(600),
        height: Some(80),
        sizing_mode: Some(SizingMode::Fixed),
        ..Row::default()
    });
    // Margin and align.
    let margined = spacer(doc, "margined", Some(50), Some(20));
    set(
        doc,
        margined,
        "margin",
        Value::List(vec![Value::Int(10), Value::Int(20)]),
    );
    let aligned = spacer(doc, "aligned", Some(100), Some(20));
    set(doc, aligned, "align", Value::str("end"));
    // scale_width keeps 200 × 100's ratio at the column's width.
    let scaled = spacer(doc, "scaled", Some(200), Some(100));
    set(doc, scaled, "sizing_mode", Value::str("scale_width"));
    // stretch_both fills a 600 × 150 column.
    let both = spacer(doc, "both", None, None);
    set(doc, both, "sizing_mode", Value::str("stretch_both"));
    let boxed = doc.add(Column {
        children: vec![both.any()],
        width: Some(600),
        height: Some(150),
        sizing_mode: Some(SizingMode::Fixed),
        ..Column::default()
    });
    tag(doc, boxed, "boxed");
    // visible, css_classes, styles; a fixed width policy.
    let hidden = doc.add(Div {
        text: "hidden".into(),
        ..Div::default()
    });
    set(doc, hidden, "visible", Value::Bool(false));
    tag(doc, hidden, "hidden");
    let styled = doc.add(Div {
        text: "styled".into(),
        ..Div::default()
    });
    tag(doc, styled, "styled");
    let red = Value::Map(vec![(
        Value::str("background_color"),
        Value::str("rgb(255, 0, 0)"),
    )]);
    set(doc, styled, "styles", red);
    set(doc, styled, "width_policy", Value::str("fixed"));
    set(doc, styled, "width", Value::Int(150));
    // disabled handed down.
    let button = doc.add(Button {
        label: "inside".into(),
        ..Button::default()
    });
    let disabled = doc.add(Column {
        children: vec![button.any()],
        ..Column::default()
    });
    tag(doc, disabled, "disabled-column");
    set(doc, disabled, "disabled", Value::Bool(true));
    // A grid and tabs.
    let cell_a = spacer(doc, "cell-a", Some(80), Some(30));
    let cell_b = spacer(doc, "cell-b", Some(80), Some(30));
    let grid = doc.add(GridBox {
        children: vec![GridChild::at(cell_a, 0, 0), GridChild::at(cell_b, 1, 1)],
        ..GridBox::default()
    });
    let first = spacer(doc, "panel-one", Some(50), Some(50));
    let second = spacer(doc, "panel-two", Some(50), Some(50));
    let panel = |doc: &mut Document, child: Id<Spacer>, title: &str| {
        doc.add(TabPanel {
            child: child.any(),
            title: title.into(),
            closable: false,
            disabled: false,
        })
    };
    let (one, two) = (panel(doc, first, "one"), panel(doc, second, "two"));
    let tabs = doc.add(Tabs {
        tabs: vec![one, two],
        active: 1,
        ..Tabs::default()
    });

    let column = doc.add(Column {
        children: vec![
            spaced.any(),
            filled.any(),
            capped_row.any(),
            high_row.any(),
            margined.any(),
            aligned.any(),
            scaled.any(),
            boxed.any(),
            hidden.any(),
            styled.any(),
            disabled.any(),
            grid.any(),
            tabs.any(),
        ],
        width: Some(600),
        sizing_mode: Some(SizingMode::Fixed),
        ..Column::default()
    });
    tag(doc, column, "page");
    doc.add_root(column);
}

fn element(class: &str) -> web_sys::Element {
    first(&format!(".{class}"))
}

/// (x, y, width, height) of the element with `class`.
fn rect(class: &str) -> (f64, f64, f64, f64) {
    let r = element(class).get_bounding_client_rect();
    (r.x(), r.y(), r.width(), r.height())
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.6
}

#[wasm_bindgen_test]
async fn layouts_size_and_place_their_children_as_bokeh_does() {
    // The page's own style sheet, as index.html links it.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/rokeh.css")));
    document().head().unwrap().append_child(&style).unwrap();
    rokeh::web::mount(App::new("layouts", app));
    pause(50).await;

    let (ax, _, aw, _) = rect("a");
    let (bx, _, _, _) = rect("b");
    assert!(
        near(aw, 100.0) && near(bx, ax + 110.0),
        "spacing: a at {ax} (w {aw}), b at {bx}"
    );

    let (_, _, stretch, _) = rect("stretch");
    assert!(
        near(stretch, 500.0),
        "stretch_width takes the rest of 600: {stretch}"
    );
    let (_, _, capped, _) = rect("capped");
    assert!(near(capped, 200.0), "max_width stops the stretch: {capped}");

    let (_, _, _, th) = rect("tall");
    let (_, _, ww, _) = rect("wide");
    assert!(
        near(th, 80.0) && near(ww, 570.0),
        "stretch_height {th}, width_policy max {ww}"
    );

    let (px, _, pw, _) = rect("page");
    let (mx, _, mw, _) = rect("margined");
    assert!(
        near(mx, px + 20.0) && near(mw, 50.0),
        "margin (10, 20): at {mx}, page at {px}"
    );
    let (alx, _, alw, _) = rect("aligned");
    assert!(
        near(alx + alw, px + pw),
        "align end: right edge {} vs {}",
        alx + alw,
        px + pw
    );

    let (_, _, sw, sh) = rect("scaled");
    assert!(
        near(sw, 600.0) && near(sh, 300.0),
        "scale_width keeps 2:1 at 600: {sw}×{sh}"
    );
    let (_, _, bw, bh) = rect("both");
    assert!(
        near(bw, 600.0) && near(bh, 150.0),
        "stretch_both fills 600×150: {bw}×{bh}"
    );

    let (_, _, hw, hh) = rect("hidden");
    assert_eq!((hw, hh), (0.0, 0.0), "visible=false shows nothing");
    let styled = element("styled");
    let color = web_sys::window()
        .unwrap()
        .get_computed_style(&styled)
        .unwrap()
        .unwrap()
        .get_property_value("background-color")
        .unwrap();
    assert_eq!(color, "rgb(255, 0, 0)", "styles apply to the box");
    assert!(near(rect("styled").2, 150.0), "a fixed width policy");

    let button: web_sys::HtmlButtonElement = first(".disabled-column button");
    assert!(
        button.disabled(),
        "a disabled column disables what it holds"
    );

    let (cax, cay, caw, cah) = rect("cell-a");
    let (cbx, cby, _, _) = rect("cell-b");
    assert!(
        cbx >= cax + caw && cby >= cay + cah,
        "cell (1, 1) is below and right of (0, 0)"
    );

    let (_, _, one_w, _) = rect("panel-one");
    let (_, _, two_w, _) = rect("panel-two");
    assert_eq!(
        (one_w, two_w),
        (0.0, 50.0),
        "only the active tab's panel shows"
    );
}
