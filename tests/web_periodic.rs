//! A page running alone (opened statically, no server) runs the document's periodic
//! callbacks itself, and its widgets follow their changes. Its own test binary, hence its
//! own browser page: the timers must not disturb tests/web.rs.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_periodic
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rokeh::document::Document;
use rokeh::models::Slider;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

const STOP_AT: f64 = 3.0;

/// A slider counted up every 20 ms by a periodic callback that stops itself at 3.
fn counter(doc: &mut Document) {
    let count = doc.add(Slider {
        title: "count".into(),
        value: 0.0,
        start: 0.0,
        end: 100.0,
        step: 1.0,
    });
    doc.add_root(count);
    let own_id = Arc::new(OnceLock::new());
    let own = own_id.clone();
    let id = doc.add_periodic_callback(Duration::from_millis(20), move |doc| {
        let next = doc.get(count, Slider::VALUE) + 1.0;
        if next >= STOP_AT {
            doc.remove_periodic_callback(*own.get().expect("set when added"));
        }
        doc.set(count, Slider::VALUE, next)
    });
    own_id.set(id).expect("set once");
}

fn shown() -> (String, String) {
    let document = web_sys::window().unwrap().document().unwrap();
    let label = document
        .query_selector("label")
        .unwrap()
        .and_then(|l| l.text_content())
        .unwrap_or_default();
    let input: HtmlInputElement = document
        .query_selector("input")
        .unwrap()
        .expect("the slider")
        .dyn_into()
        .unwrap();
    (label, input.value())
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_page_running_alone_runs_periodic_callbacks_and_stops_removed_ones() {
    rokeh::web::mount(counter);

    // Waits for the count to reach 3, generously: timers in a busy browser may be late.
    let mut waited = 0;
    while shown().1 != "3" {
        assert!(waited < 10_000, "the count never reached 3: {:?}", shown());
        sleep(20).await;
        waited += 20;
    }
    assert_eq!(shown(), ("count: 3".to_owned(), "3".to_owned()));

    // The callback removed itself at 3: it runs no more, the count stays.
    sleep(300).await;
    assert_eq!(shown(), ("count: 3".to_owned(), "3".to_owned()));
}
