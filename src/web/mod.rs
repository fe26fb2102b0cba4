//! The page (wasm32): the app's document shown with Leptos components, the plot painted
//! on a canvas, and a small inspection hook for tests and benchmarks.
//!
//! A user's crate calls [`mount`] from its wasm `main` with its own app function.

mod canvas;
mod figure;
mod hook;
mod layout;
mod page;
mod periodic;
mod query;
mod slider;
mod sync;
mod text_input;

pub use query::query_count;

use leptos::prelude::*;

use crate::document::Document;
use page::Page;

/// Builds a document with `app` and shows it in the page's body: its roots as widgets and
/// plots, its title as the page's title. Edits in the page run the app's callbacks here.
pub fn mount(app: impl FnOnce(&mut Document) + 'static) {
    // Panics would otherwise vanish into an `unreachable` trap with no message.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("rokeh: {info}").into());
    }));
    let mut doc = Document::new();
    app(&mut doc);
    // Building the document is not a change: everything is drawn from scratch anyway.
    doc.take_changes();
    leptos::mount::mount_to_body(move || {
        let page = Page::new(doc);
        hook::install(page);
        Effect::new(move || {
            page.track_document();
            document().set_title(&page.read(|d| d.title().to_owned()));
        });
        // Served by `rokeh serve`: join its session (a status badge shows the connection),
        // whose periodic callbacks the server runs. Alone, the page runs them.
        let connection = sync::start(page);
        if connection.is_none() {
            periodic::start(page);
        }
        view! {
            {connection}
            <main class="rk-document">
                {move || {
                    page.track_document();
                    let roots = page.read(|d| d.roots().to_vec());
                    roots.into_iter().map(|root| layout::model_view(page, root)).collect_view()
                }}
            </main>
        }
    });
}
