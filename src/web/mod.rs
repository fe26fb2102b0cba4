//! The page (wasm32): Leptos components bound to the document, the canvas, boot.

use crate::apps::App;

/// Mounts `app` in the page's body.
pub fn mount(app: App) {
    let _ = app;
}
