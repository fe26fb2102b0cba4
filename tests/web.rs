//! The page's components in a real browser: the model-type table, widgets that follow the
//! document when a user's edit runs the app's callbacks, a button's click reaching the
//! app's `on_event` callback, and a page that keeps what did not change (the focused
//! input survives a new title and a new child in its row).
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use rokeh::document::{Document, EventKind, Model, ModelId, Value};
use rokeh::models::{row, Button, Row, Slider};
use rokeh::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, EventInit, HtmlInputElement};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::{document, first, labels};
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

/// A model type rokeh has no component for, beside two sliders, the second driven by the
/// first's callback.
fn app(doc: &mut Document) {
    let unknown = doc
        .insert_model(Model {
            id: ModelId::from("x1"),
            type_name: "FancyWidget".into(),
            attrs: BTreeMap::new(),
        })
        .expect("a fresh id");
    let slider = |doc: &mut Document, title: &str, end, step| {
        doc.add(Slider::new(title, 0.0, 0.0, end, step))
    };
    let leader = slider(doc, "leader", 10.0, 1.0);
    let follower = slider(doc, "follower", 20.0, 0.5);
    doc.on_change(leader, Slider::VALUE, move |doc, change| {
        doc.set_title(format!("leader at {}", change.new));
        doc.set(follower, Slider::VALUE, 2.0 * change.new)?;
        // Beside the value its control shows, a property its box shows.
        doc.set_attr(follower.any(), "width", Value::Int(222))
    });
    let add = doc.add(Button {
        label: "add a slider".into(),
        ..Button::default()
    });
    let layout = row(doc, [unknown, leader.any(), follower.any(), add.any()]);
    doc.on_event(add, EventKind::ButtonClick, move |doc, _| {
        let more = doc.add(Slider::new("more", 1.0, 0.0, 2.0, 1.0));
        let mut children = doc.get(layout, Row::CHILDREN);
        children.push(more.any());
        doc.set(layout, Row::CHILDREN, children)
    });
    doc.add_root(layout);
    doc.set_title("components");
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn widgets_show_the_document_and_follow_its_changes() {
    rokeh::web::mount(App::new("components", app));
    pause(20).await;

    let layout: web_sys::Element = first(".rk-row");
    let children = layout.children();
    assert_eq!(children.length(), 4);
    let unknown = children.item(0).unwrap();
    assert!(
        unknown.has_attribute("hidden"),
        "an unknown type shows nothing"
    );
    assert_eq!(
        unknown.get_attribute("data-model-type").as_deref(),
        Some("FancyWidget")
    );
    assert_eq!(labels(), ["leader: 0", "follower: 0"]);
    assert_eq!(document().title(), "components");

    // A user moves the leader: its callback moves the follower, and both widgets show it.
    let leader = input("rk-p1001");
    leader.focus().unwrap();
    leader.set_value("3");
    let init = EventInit::new();
    init.set_bubbles(true);
    leader
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    pause(20).await;

    assert_eq!(labels(), ["leader: 3", "follower: 6"]);
    assert_eq!(input("rk-p1002").value(), "6");
    // A box is drawn again for what it shows, not for a value its control shows: the
    // follower's is 222 pixels wide now.
    let follower_box = children.item(2).unwrap();
    let style = follower_box.get_attribute("style").unwrap_or_default();
    assert!(
        style.contains("width: 222px"),
        "the follower's box: {style}"
    );
    assert_eq!(
        input("rk-p1001").get_attribute("aria-label").as_deref(),
        Some("leader")
    );
    // The callback retitled the document: the page's title follows, and the leader's
    // input was not rebuilt (it still has the focus).
    assert_eq!(document().title(), "leader at 3");
    assert!(input("rk-p1001").is_same_node(Some(&leader)));
    let active = document().active_element().expect("a focused element");
    assert!(active.is_same_node(Some(&leader)));

    // A click on the button runs the app's on_event callback here: it adds a slider to
    // the row; the children already there stay as they are.
    let button: web_sys::HtmlElement = first("button.rk-button");
    assert_eq!(button.text_content().as_deref(), Some("add a slider"));
    button.click();
    pause(20).await;
    assert_eq!(layout.children().length(), 5);
    assert_eq!(labels(), ["leader: 3", "follower: 6", "more: 1"]);
    assert!(input("rk-p1001").is_same_node(Some(&leader)));
}
