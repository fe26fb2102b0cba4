//! The page's document in wasm-bindgen tests: its elements, as a user finds them.
// Each test binary uses part of these helpers.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The first element that `selector` matches, as a `T`; panics when there is none.
pub fn first<T: JsCast>(selector: &str) -> T {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in the page"))
        .dyn_into()
        .unwrap()
}

/// The text of every `<label>`, in document order.
pub fn labels() -> Vec<String> {
    let labels = document().query_selector_all("label").unwrap();
    (0..labels.length())
        .map(|i| labels.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}
