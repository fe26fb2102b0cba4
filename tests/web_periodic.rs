//! A page running alone (opened statically, no server) runs the document's periodic
//! callbacks itself, and its widgets follow their changes; a page served by `rokeh serve`
//! leaves them to the server. Its own test binary, hence its own browser page: the timers
//! must not disturb tests/web.rs.
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

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::{document, first};
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

const STOP_AT: f64 = 3.0;

/// A slider counted up every 20 ms by a periodic callback that stops itself at 3.
fn counter(doc: &mut Document) {
    let count = doc.add(Slider::new("count", 0.0, 0.0, 100.0, 1.0));
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

/// A slider counted up every 20 ms, for ever.
fn endless(doc: &mut Document) {
    let count = doc.add(Slider::new("endless", 0.0, 0.0, 1e9, 1.0));
    doc.add_root(count);
    doc.add_periodic_callback(Duration::from_millis(20), move |doc| {
        let next = doc.get(count, Slider::VALUE) + 1.0;
        doc.set(count, Slider::VALUE, next)
    });
}

/// The label and value of the `nth` slider in the page (each mounted app adds one).
fn shown_by(nth: u32) -> (String, String) {
    let text = |selector: &str| {
        let found = document().query_selector_all(selector).unwrap().item(nth);
        found.expect("the slider")
    };
    let label = text("label").text_content().unwrap_or_default();
    let input: HtmlInputElement = text("input").dyn_into().unwrap();
    (label, input.value())
}

fn shown() -> (String, String) {
    shown_by(0)
}

/// One test, as the two pages share the browser page and must be mounted in this order.
#[wasm_bindgen_test]
async fn periodic_callbacks_run_in_the_page_only_when_it_runs_alone() {
    rokeh::web::mount(rokeh::App::new("counter", counter));

    // Waits for the count to reach 3, generously: timers in a busy browser may be late.
    let mut waited = 0;
    while shown().1 != "3" {
        assert!(waited < 10_000, "the count never reached 3: {:?}", shown());
        pause(20).await;
        waited += 20;
    }
    assert_eq!(shown(), ("count: 3".to_owned(), "3".to_owned()));

    // The callback removed itself at 3: it runs no more, the count stays.
    pause(300).await;
    assert_eq!(shown(), ("count: 3".to_owned(), "3".to_owned()));

    // Served (the meta tag `rokeh serve` writes; no server answers here): the page leaves
    // periodic callbacks to the server, so its own count stays where the app put it.
    let meta = document().create_element("meta").unwrap();
    for (name, value) in [
        ("name", "rokeh-session"),
        ("data-ws-path", "/nowhere/ws"),
        ("data-session-id", "test-session"),
        ("data-token", "test-token"),
    ] {
        meta.set_attribute(name, value).unwrap();
    }
    let head: web_sys::Element = first("head");
    head.append_child(&meta).unwrap();
    rokeh::web::mount(rokeh::App::new("endless", endless));
    pause(300).await;
    assert_eq!(shown_by(1), ("endless: 0".to_owned(), "0".to_owned()));
    assert!(document()
        .query_selector(".rk-connection")
        .unwrap()
        .is_some());
}
