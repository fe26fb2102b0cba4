//! Watching an element's size: what a stretching plot and a table's scrolled rows need to
//! know about the room their boxes give them.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps `measured` at an element's CSS content size (whole pixels) while it lives.
pub struct SizeObserver {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl SizeObserver {
    pub fn new(
        element: &web_sys::Element,
        measured: RwSignal<Option<(u32, u32)>>,
    ) -> Option<SizeObserver> {
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let rect = entry.content_rect();
            let size = (rect.width().round() as u32, rect.height().round() as u32);
            if measured.get_untracked() != Some(size) {
                measured.set(Some(size));
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(SizeObserver {
            observer,
            _on_resize: on_resize,
        })
    }

    /// Observes `element` for as long as the current reactive owner lives.
    pub fn for_owner(element: &web_sys::Element, measured: RwSignal<Option<(u32, u32)>>) {
        if let Some(observer) = SizeObserver::new(element, measured) {
            let observer = StoredValue::new_local(Some(observer));
            on_cleanup(move || observer.update_value(|o| drop(o.take())));
        }
    }
}

impl Drop for SizeObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
