//! An element's attributes and properties kept in step with the document by one render
//! effect that writes them through web_sys (`use:bind=writer` in a view), in place of one
//! reactive attribute each. Each reactive attribute is an effect of its own and, being a
//! closure of its own type, its own copy of Leptos' generic attribute code: code the
//! browser compiles (lazily, on the main thread) before the page's first paint.

use std::rc::Rc;

use leptos::prelude::*;

/// Writes an element's attributes from the signals it reads; run again when one changes.
pub type Writer = Rc<dyn Fn(&web_sys::Element)>;

/// The directive: runs `write` on `el` as the element is built (so the browser's first
/// frame shows what it wrote) and again whenever what it read changes, for as long as the
/// reactive owner that built the element lives. For elements built once: a view that is
/// rebuilt in place would run it again, and add a second effect.
pub fn bind(el: web_sys::Element, write: Writer) {
    let effect = RenderEffect::new(move |_| write(&el));
    on_cleanup(move || drop(effect));
}

/// Sets attribute `name` to `value`, or removes it when there is none.
pub fn attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => el.set_attribute(name, value),
        None => el.remove_attribute(name),
    };
}

/// A boolean attribute (`disabled`): present when `on`.
pub fn flag(el: &web_sys::Element, name: &str, on: bool) {
    attr(el, name, on.then_some(""));
}
