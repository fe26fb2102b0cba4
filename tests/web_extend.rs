//! A model type of the test's own with a view of its own, in a real browser, as a crate
//! outside rokeh writes them: the view is built into the page beside rokeh's, laid out in
//! a row as rokeh's widgets are, follows its model and a model it refers to, and its edit
//! runs the app's callbacks as a user's edit of a rokeh widget does.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_extend
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rokeh::core::{Id, Value};
use rokeh::document::Document;
use rokeh::models::{row, Slider};
use rokeh::views::View;
use rokeh::web::ModelHandle;
use rokeh::App;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::{document, first, labels};
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

rokeh::model! {
    /// A counter of the test's own: a button counting its clicks, in steps its slider sets.
    pub struct Counter("tests.Counter") {
        count: i64 = 0,
        step: Option<Id<Slider>> = None,
    }
    extends = "LayoutDOM";
}

/// The counter's view: its count in steps of its slider's value, and a button adding a step.
fn counter_view(model: ModelHandle) -> AnyView {
    let Some(counter) = model.typed::<Counter>() else {
        return ().into_any();
    };
    let shown = model.watch(move |doc, track| {
        let step = doc.get(counter, Counter::STEP).map(|s| {
            track(s.any());
            doc.get(s, Slider::VALUE)
        });
        (doc.get(counter, Counter::COUNT), step.unwrap_or(1.0))
    });
    let add = move |_| {
        let (count, step) = shown.get_untracked();
        model.set(counter, Counter::COUNT, count + step as i64);
    };
    view! {
        <output class="counter">{move || format!("{} by {}", shown.get().0, shown.get().1)}</output>
        <button class="counter-add" on:click=add>"add"</button>
    }
    .into_any()
}

const COUNTER: View = rokeh::custom_view!(Counter => counter_view);

fn app(doc: &mut Document) {
    let step = doc.add(Slider::new("step", 1.0, 1.0, 10.0, 1.0));
    let counter = doc.add(Counter {
        count: 0,
        step: Some(step),
    });
    doc.set_attr(counter.any(), "width", Value::Int(150))
        .expect("a LayoutDOM's width");
    doc.on_change(counter, Counter::COUNT, |doc, change| {
        doc.set_title(format!("counted {}", change.new));
        Ok(())
    });
    let layout = row(doc, [step.any(), counter.any()]);
    doc.add_root(layout);
    doc.set_title("counter");
}

fn text(selector: &str) -> String {
    first::<web_sys::Element>(selector)
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_view_of_ones_own_shows_follows_and_edits_its_model() {
    rokeh::run_extended(&[COUNTER], vec![App::new("counter", app)]);
    pause(20).await;

    // In the row beside the slider, in its box, sized as the model says.
    let layout: web_sys::Element = first(".rk-row");
    assert_eq!(layout.children().length(), 2);
    let boxed = layout.children().item(1).unwrap();
    assert_eq!(
        boxed.get_attribute("data-model-type").as_deref(),
        Some("tests.Counter")
    );
    let style = boxed.get_attribute("style").unwrap_or_default();
    assert!(style.contains("width: 150px"), "its box: {style}");
    assert_eq!(text("output.counter"), "0 by 1");
    assert_eq!(labels(), ["step: 1"]);

    // Its edit is a user's: the app's callback runs and retitles the page.
    let add: web_sys::HtmlElement = first("button.counter-add");
    add.click();
    pause(20).await;
    assert_eq!(text("output.counter"), "1 by 1");
    assert_eq!(document().title(), "counted 1");

    // It follows the model it refers to: the slider's value is the next step.
    let hook = js_sys::Reflect::get(&web_sys::window().unwrap(), &"rokeh".into()).unwrap();
    let set = js_sys::Reflect::get(&hook, &"set".into()).unwrap();
    let set: js_sys::Function = set.into();
    let refused = set
        .call3(&hook, &"step".into(), &"value".into(), &5.into())
        .unwrap();
    assert!(refused.is_undefined(), "{refused:?}");
    pause(20).await;
    assert_eq!(text("output.counter"), "1 by 5");
    add.click();
    pause(20).await;
    assert_eq!(text("output.counter"), "6 by 5");
    assert_eq!(document().title(), "counted 6");
}
